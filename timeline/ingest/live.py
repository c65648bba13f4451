"""Live-updates pages: keep each entry's timestamp, in order, before trafilatura reads the page.

A live blog is a run of sibling entries (``<div class="entry">``, ``<section class="update">``),
each opening with a short stamp ("4:05 p.m.", "08:05", "Oct. 14, 16:30") and then its text.
Trafilatura loses those stamps in three ways, so this step rewrites the parsed page first:

* it looks for the article frame with class names, and ``class="entry"`` (``"post"``,
  ``"entry-content"``, ...) names ONE entry: it takes the first entry as the whole article and
  recovers the other entries' paragraphs, but not their stamps or the page's headline, and puts
  the intro after the first entry. The entries' frame-naming classes are moved to
  ``data-timeline-class``, so trafilatura takes the frame around them (``<article>``, ``<main>``);
* it deletes ``<time>`` elements with their text, and ``<aside>`` blocks (where some sites put
  an entry's stamp, ``<aside><time>19:17</time></aside>``);
* it keeps a stamp in a ``<span>`` or ``<div>`` of its own only when the frame is found.

So each entry's stamp becomes a ``<p>`` of its own, where it stood. Only runs of at least two
sibling entries that open with a clock time and hold text of their own (not only links: a
"latest updates" teaser list stays boilerplate) are touched; other pages are left as they are.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

# A clock time ("4:05 p.m.", "08:05", "19.17", "16h30", "9 a.m.") or an "N minutes ago".
_CLOCK = re.compile(
    r"(?<![\d.,:])(?:[01]?\d|2[0-3])(?:[:.h][0-5]\d(?![.:]?\d)(?:\s*[ap]\.?\s?m\b\.?)?|\s*[ap]\.?\s?m\b\.?)"
    r"|\b\d+\s*(?:min(?:ute)?s?|hours?|hrs?)\s+ago\b",
    re.I,
)
_STAMP_CHARS = 60  # "Updated Monday, October 14, 2019 at 4:05 p.m. CDT" fits
_ENTRY_TEXT_CHARS = 40  # an entry says something besides its stamp
_STAMP_LOOKAHEAD = 3  # the stamp is among an entry's first text runs (after a label, a title)
_ENTRY_TAGS = frozenset({"div", "section", "article", "li"})
_SKIP = frozenset({"script", "style", "noscript", "template"})


def prepare_live_entries(tree) -> bool:  # type: ignore[no-untyped-def]
    """Rewrite a parsed page (in place) so trafilatura keeps live entries and their stamps;
    True when anything was changed.

    >>> from lxml import html
    >>> page = html.fromstring('<html><body><article><h1>Live: storm</h1>' + ''.join(
    ...     f'<div class="entry"><time>{t}</time><p>{"News of the storm here. " * 3}</p></div>'
    ...     for t in ("9:15 a.m.", "8:40 a.m.")) + '</article></body></html>')
    >>> prepare_live_entries(page)
    True
    >>> [p.text for p in page.iter("p")][0], page.find(".//div").get("class")
    ('9:15 a.m.', None)
    """
    entries = [entry for group in _entry_groups(tree) for entry in group]
    if not entries:
        return False
    for entry, stamp in entries:
        _stamp_paragraph(entry, stamp)
    _free_frame(tree, [entry for entry, _ in entries])
    return True


def _entry_groups(tree) -> Iterator[list[tuple[object, object]]]:  # type: ignore[no-untyped-def]
    """Runs of sibling blocks of one kind (tag and first class name) that are live entries:
    at least two, and a quarter of the run (results boxes and videos come between a sports
    blog's timed posts), open with a stamp and hold text of their own."""
    for parent in tree.iter():
        if not isinstance(parent.tag, str) or len(parent) < 2:
            continue
        kinds: dict[tuple[str, str], list[object]] = defaultdict(list)
        for child in parent:
            if isinstance(child.tag, str) and child.tag in _ENTRY_TAGS:
                kinds[(child.tag, next(iter((child.get("class") or "").split()), ""))].append(child)
        for members in kinds.values():
            if len(members) < 2:
                continue
            found = [(m, s) for m in members if (s := _entry_stamp(m)) is not None]
            if len(found) >= 2 and 4 * len(found) >= len(members):
                yield found


def _entry_stamp(entry):  # type: ignore[no-untyped-def]
    """The element holding an entry's opening stamp (alone), or None when it is no entry."""
    runs = list(_text_runs(entry))
    stamp = None
    for owner, text in runs[:_STAMP_LOOKAHEAD]:
        if _is_stamp(text) and " ".join(owner.text_content().split()) == text:
            stamp = owner
            break
    if stamp is None:
        return None
    own = sum(
        len(text)
        for owner, text in runs
        if owner is not stamp
        and stamp not in owner.iterancestors()
        and not any(a.tag == "a" for a in _self_and_up_to(owner, entry))
    )
    return stamp if own >= _ENTRY_TEXT_CHARS else None


def _text_runs(entry) -> Iterator[tuple[object, str]]:  # type: ignore[no-untyped-def]
    """(element whose text it is, normalized text) for each piece of text in an entry."""
    for node in entry.iter():
        if not isinstance(node.tag, str) or node.tag in _SKIP:
            continue
        if any(a.tag in _SKIP for a in _self_and_up_to(node, entry)):
            continue
        text = " ".join((node.text or "").split())
        if text:
            yield node, text
        if node is not entry:
            tail = " ".join((node.tail or "").split())
            if tail:
                yield node.getparent(), tail


def _self_and_up_to(node, top) -> Iterator[object]:  # type: ignore[no-untyped-def]
    while node is not None:
        yield node
        if node is top:
            return
        node = node.getparent()


def _is_stamp(text: str) -> bool:
    """A short line with a clock time: entries are timed; a date alone heads a teaser or a
    comment as often."""
    return len(text) <= _STAMP_CHARS and bool(_CLOCK.search(text))


def _stamp_paragraph(entry, stamp) -> None:  # type: ignore[no-untyped-def]
    """Make the stamp a ``<p>`` of its own in place of the outermost element that holds only it
    (an ``<aside>``, a ``<time>``, a ``<span class="timestamp">``, a heading). When that sits in
    a block with other things (a meta bar of share links, a byline list), the ``<p>`` goes just
    before the block: a stamp in it would make trafilatura keep the whole block."""
    text = " ".join(stamp.text_content().split())
    top = stamp
    while (
        top.getparent() is not None
        and top.getparent() is not entry
        and " ".join(top.getparent().text_content().split()) == text
    ):
        top = top.getparent()
    if top.getparent() is None or (top.tag == "p" and not len(top)):
        return  # already moved (the stamp of an entry in an entry), or a plain <p> already
    paragraph = top.makeelement("p", {"class": "timeline-stamp"})
    paragraph.text = text
    if top.getparent() is entry:
        paragraph.tail = top.tail
        entry.replace(top, paragraph)
        return
    block = next(a for a in top.iterancestors() if a.getparent() is entry)
    top.drop_tree()  # its tail stays where it was
    block.addprevious(paragraph)


def _free_frame(tree, entries: list[object]) -> None:  # type: ignore[no-untyped-def]
    """While the block trafilatura would take for the article lies in one entry, move the class
    and id that made it pick that block off it and off its like in the other entries."""
    try:
        from trafilatura.xpaths import BODY_XPATH
    except ImportError:  # a trafilatura without it: the stamps are kept, the frame is its own
        return
    inside = {id(node) for entry in entries for node in entry.iter()}
    for _ in range(len(entries) + len(BODY_XPATH)):
        frame = next((hits[0] for expr in BODY_XPATH if (hits := expr(tree))), None)
        if frame is None or id(frame) not in inside:
            return
        like = (frame.tag, frame.get("class"), frame.get("id"))
        for entry in entries:
            for node in list(entry.iter(frame.tag)):
                if (node.tag, node.get("class"), node.get("id")) == like:
                    for attr in ("class", "id"):
                        if node.get(attr) is not None:
                            node.set(f"data-timeline-{attr}", node.attrib.pop(attr))
                    if like[1:] == (None, None):  # taken for its tag: "the first <article>"
                        node.set("data-timeline-tag", node.tag)
                        node.tag = "div"
