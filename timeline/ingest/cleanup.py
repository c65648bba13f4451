"""Scraped text: set site furniture aside, find photo captions, and a normalized view for matching.

Nothing is deleted. :func:`segment` labels spans of the ORIGINAL text (menus, promos, tag lists,
comment counters, repeated titles, newsletter and "most read" blocks, links to other stories
("READ MORE: ..."), reference-list entries, trailing furniture, copyright lines, bylines and
datelines, photo credits and captions); :func:`clean` turns the labels into the ``body`` and
``captions`` spans a Document carries, so quotes and mentions keep pointing at the file's own
characters.

:func:`normalize` is the view used for similarity (syndication, event matching): glued words from
lost markup ("inRussiain 2012" -> "in Russia in 2012"), typographic quotes and dashes, no-break
spaces, all mapped back to original offsets through ``NormalizedText.offsets``.

The rules are general patterns of news-site furniture (word lists below), not per-site templates.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from timeline.ingest.datetext import find_dates

# --- line patterns -------------------------------------------------------------------------------

_COPYRIGHT = re.compile(r"^\s*(?:©|\(c\)|copyright\b)|all rights reserved", re.I)
_SKIP_TO = re.compile(r"^skip to\b|^jump to\b|^skip (?:to )?(?:next|main) ", re.I)
_TAGS = re.compile(
    r"^(?:tags|topics|keywords|filed under|related topics|categories|more on)\s*:", re.I
)
_COMMENTS = re.compile(
    r"^(?:comments?\s*[:(]?\s*\d+\)?|\d+\s+comments?|(?:read|post|view|show|add|leave|load)"
    r"(?:\s+and\s+post)?\s+(?:a\s+|the\s+)?comments?\b.*|join the .{0,40}community"
    r"|please review (?:our )?community guidelines.*|comments? (?:are )?(?:closed|disabled))$",
    re.I,
)
_PROMO = re.compile(
    r"google play|app store|download (?:the|our) .{0,30}app|get the .{0,40}app\b|special offer"
    r"|subscribe (?:now|today|in print|to)|subscription|free trial|print or digital"
    r"|(?:weekly|daily) review of|advertisement|sponsored content|^ad$",
    re.I,
)
_NEWSLETTER = re.compile(
    r"sign up\b|newsletter|to your inbox|in your inbox|right to your inbox|never share your email"
    r"|^privacy\s*:|unsubscribe|email address|\(optional\b|registered trademarks?\b|trademarks of",
    re.I,
)
_SOCIAL = re.compile(
    r"follow us|become a fan|share (?:this|on)|see our feeds|like us on|tweet this|email this"
    r"|print this|^share$|^(?:facebook|twitter|google\+|youtube|whatsapp|linkedin)\b",
    re.I,
)
_RELATED_HEADING = re.compile(
    r"^(?:most (?:popular|read|viewed|shared|emailed|commented)|related(?: articles| stories"
    r"| coverage| content| news| links)?|you (?:may|might) (?:also )?like|recommended(?: for you)?"
    r"|more (?:from|on|in|stories)\b.*|trending(?: now)?|top stories|editor'?s picks|read more"
    r"|see also|latest (?:news|stories)|popular now|what to read next|in case you missed it"
    r"|don'?t miss|around the web|from our partners|doing good|more news)$",
    re.I,
)
# A line pointing to another article: "READ MORE: Council approves budget", "MORE : ...".
_LINK = re.compile(
    r"^(?:read more|read also|also read|see also|also see|more|related(?: articles?| stor(?:y|ies)"
    r"| coverage| content)?|watch(?: live)?)\s*:\s*\S",
    re.I,
)
# A reference-list entry: "J Coast Eng. 2007;212:1410-18.", "doi:10.1000/xyz", "[PMID: 12345]".
_CITATION = re.compile(
    r"(?<!\d)(?:19|20)\d\d[a-z]?;\s?\d+(?:\(\w+\))?:\s?[a-z]?\d|\bdoi:\s?10\.\d{4,}/"
    r"|\bPMID:?\s?\d{5,}"
)
# "- Headline of another story - October 10, 2020": a dated link in a list after the story.
_LINK_DATE_SEPARATOR = re.compile(r"\s(?:-|–|—|\||·)\s*$")
_BULLET = re.compile(r"^\s*(?:[•·▪►»*]|-\s|\d+\.\s)")
_MENU_SEPARATORS = re.compile(r"\s[|•·»/]\s")
_BYLINE = re.compile(r"^(?:by|from|author|written by|posted by|source|credit)\s*:?\s+\S", re.I)
_STAMP_PREFIX = re.compile(
    r"^(?:published|posted|updated|last updated|first published|date|dated|created|modified)\b",
    re.I,
)
# Photo credits: "Carolyn Kaster/AP/File", "AP photo/FBI", "(AP Photo/Charles Krupa)", "Photo: X".
_AGENCIES = (
    r"AP|AFP|Reuters|Getty(?: Images)?|EPA|UPI|Xinhua|Bloomberg|Associated Press|TASS|RIA Novosti"
    r"|dpa|Sipa|ZUMA(?: Press)?|Shutterstock|Redux|Polaris|NYT|The New York Times|Pool|Handout"
    r"|File|FBI|AP Images|Corbis|Alamy|PA|Reuters TV|Anadolu|EPA-EFE|Sputnik|Courtesy"
)
_CREDIT_LINE = re.compile(
    rf"^\(?(?:(?:[A-Z][\w.'’-]*\s?){{1,4}}/\s?(?:{_AGENCIES})(?:\s?/\s?(?:{_AGENCIES}))*"
    rf"|(?:{_AGENCIES})\s+[Pp]hoto(?:graph)?s?(?:\s?/\s?[\w .'’-]+)?"
    rf"|(?:[Pp]hoto(?:graph)?s?|[Ii]mage|[Pp]icture)\s*(?:credit)?\s*[:/]\s*[\w .'’/-]+"
    rf"|(?:[A-Z][\w.'’-]*\s?){{1,4}}for (?:{_AGENCIES}|The [A-Z]\w+(?: [A-Z]\w+)*))\)?\s*$"
)
_CREDIT_TAIL = re.compile(
    rf"\s*\(?(?:(?:{_AGENCIES})\s+[Pp]hoto(?:graph)?s?\s?/\s?[\w .'’-]{{1,40}}"
    rf"|(?:[A-Z][\w.'’-]*\s){{0,3}}[A-Z][\w.'’-]*\s?/\s?(?:{_AGENCIES})(?:\s?/\s?(?:{_AGENCIES}))*)\)?\s*$"
)
# A lowercase slug (image file name) glued to the first word: "marathon18n-bomb-6After".
_GLUED_SLUG = re.compile(r"^(?=[a-z0-9_-]*\d)[a-z0-9]+(?:[-_][a-z0-9]+)+(?=[A-Z])")
# "PORT ALDERY, Oct. 10, 2023 (HWS) — " / "BRUSSELS, February 10 (Xinhua) -- " / "MOSCOW (AP) _ ".
_DATELINE_PREFIX = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’-]+(?:[ ,]+[A-Z][A-Za-z.'’-]+){0,4}?)"
    r"(?P<date>,\s*(?:[A-Z][a-z]+\.?,?\s+)?[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
    r"\s*(?P<agency>\(\s*[A-Za-z][\w .&'-]{0,30}\))?"
    r"\s*(?:—|–|--|-|_)(?:\s+(?=[A-Z\"“‘'])|\s*$)"
)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")

# Kinds that are not article body; "tail" kinds start the trailing furniture when they follow it.
FURNITURE = {
    "nav",
    "promo",
    "tags",
    "comments",
    "newsletter",
    "social",
    "related",
    "copyright",
    "repeat",
    "masthead",
    "byline",
    "dateline",
    "credit",
    "image",
    "trailing",
    "link",
    "reference",
}
_TAIL_TRIGGERS = {"tags", "comments", "newsletter", "related", "copyright", "promo", "social"}


@dataclass(frozen=True)
class Segment:
    """A labelled span of the original text: ``kind`` is ``body``, ``title``, ``caption`` or a
    furniture kind (``nav``, ``promo``, ``tags``, ``comments``, ``newsletter``, ``social``,
    ``related``, ``copyright``, ``repeat``, ``masthead``, ``byline``, ``dateline``, ``credit``,
    ``image``, ``trailing``, ``link``, ``reference``)."""

    start: int
    end: int
    kind: str


@dataclass
class Cleaned:
    """The outcome of :func:`clean`: body and caption spans plus every labelled segment."""

    segments: list[Segment]
    body: list[tuple[int, int]] = field(default_factory=list)
    captions: list[tuple[int, int]] = field(default_factory=list)
    title: str | None = None
    byline: str | None = None

    def spans(self, *kinds: str) -> list[tuple[int, int]]:
        """Spans of the given kinds, in order."""
        return [(s.start, s.end) for s in self.segments if s.kind in kinds]


@dataclass
class _Line:
    start: int
    end: int
    text: str
    kind: str = "body"
    block: int = 0  # index of the blank-line separated block


def clean(text: str) -> Cleaned:
    """Label the furniture of a scraped article and return its body and caption spans (cached:
    readers, dating and syndication all ask about the same text).

    >>> clean("Title of the story here\\n\\nThe mayor said on Monday that the bridge will "
    ...       "reopen next week after repairs.").body
    [(25, 102)]
    """
    return _clean(text)


@lru_cache(maxsize=512)
def _clean(text: str) -> Cleaned:
    """Label the furniture of a scraped article and return its body and caption spans.

    >>> c = clean("Skip to: Content\\n\\nTitle of the story here\\n\\nThe mayor said on Monday that "
    ...           "the bridge will reopen next week after repairs.\\n\\nTags: bridge | city")
    >>> [c.segments[i].kind for i in range(len(c.segments))]
    ['nav', 'title', 'body', 'tags']
    """
    lines = _split_lines(text)
    _label_lines(lines)
    segments: list[Segment] = []
    title: str | None = None
    byline: str | None = None
    for line in lines:
        if line.kind == "title" and title is None:
            title = line.text
        if line.kind == "byline" and byline is None:
            byline = line.text
        if line.kind in {"body", "caption"}:
            segments.extend(_split_prefixes(line))
        else:
            segments.append(Segment(line.start, line.end, line.kind))
    for seg in segments:
        if seg.kind == "dateline" and byline is None:
            byline = text[seg.start : seg.end].strip()
    return Cleaned(
        segments=segments,
        body=[(s.start, s.end) for s in segments if s.kind == "body"],
        captions=[(s.start, s.end) for s in segments if s.kind == "caption"],
        title=title,
        byline=byline,
    )


def _split_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    block, pos, blank = 0, 0, False
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            start = pos + lead
            if blank and lines:
                block += 1
            lines.append(_Line(start, start + len(stripped), stripped, block=block))
            blank = False
        else:
            blank = True
        pos += len(raw)
    return lines


def _credit_tail(line: str) -> re.Match[str] | None:
    """A photo credit ending the line ("... (AP Photo/Charles Krupa)")."""
    # Both forms end in "/ name" or "/ agency" within 48 characters: most lines are skipped
    # without running the (slow, end-anchored) pattern.
    if "/" not in line.rstrip()[-48:]:
        return None
    return _CREDIT_TAIL.search(line)


def _words(text: str) -> int:
    return len(text.split())


def _is_prose(line: str) -> bool:
    """A sentence-like paragraph: long enough and ends like a sentence."""
    n = _words(line)
    return n >= 25 or (n >= 10 and bool(_SENTENCE_END.search(line)))


def _key(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower())


def _line_kind(line: str) -> str | None:
    """Furniture kind of one line judged on its own, or None."""
    short = len(line) <= 200
    if _COPYRIGHT.search(line) and len(line) <= 300:
        return "copyright"
    if _SKIP_TO.search(line) and short:
        return "nav"
    if _TAGS.search(line) and short:
        return "tags"
    if _COMMENTS.search(line) and short:
        return "comments"
    if _RELATED_HEADING.search(line.rstrip(":").strip()):
        return "related"
    if short and _LINK.match(line) and _words(line) <= 30:
        return "link"
    if len(line) <= 600 and _CITATION.search(line):
        return "reference"  # an entry of a reference list: its years are not events
    if short and not _is_prose(line):
        if _PROMO.search(line):
            return "promo"
        if _NEWSLETTER.search(line):
            return "newsletter"
        if _SOCIAL.search(line):
            return "social"
        if len(_MENU_SEPARATORS.findall(line)) >= 2 and all(
            _words(part) <= 4 for part in re.split(r"\s[|•·»/]\s", line)
        ):
            return "nav"
    if short and _NEWSLETTER.search(line) and _words(line) <= 16:
        return "newsletter"
    dateline = _DATELINE_PREFIX.match(line)
    if (
        dateline
        and dateline.end() == len(line)
        and (dateline.group("date") or dateline.group("agency"))
    ):
        return "dateline"  # a wire dateline on a line of its own: "HAVANA (AP) --"
    if _CREDIT_LINE.match(line) and len(line) <= 80:
        return "credit"
    if is_byline(line) or (len(line) <= 120 and _is_stamp(line)):
        return "byline"
    return None


def is_byline(line: str) -> bool:
    """Is this line (stripped) a byline: "By Jo Park, staff writer", "Written by J. Park | March
    3, 2021"? A sentence that merely opens with "By" is not ("By the end of 2012, the debt had
    doubled."). The one test of a byline for ingest, the claims' stamp filter and syndication.

    >>> is_byline("By Jo Park and Li Wen, Staff Writers"), is_byline("By Wednesday evening, the toll had risen to 37.")
    (True, False)
    """
    return len(line) <= 120 and bool(_BYLINE.match(line)) and not _prose(line)


def _prose(line: str) -> bool:
    """A sentence that merely opens with "By"/"From" ("By Wednesday evening, the death toll had
    risen to 37."): more than a few lower-case words other than a byline's own.

    >>> _prose("By Wednesday evening, the death toll had risen to 37."), _prose("By Jo Park, staff writer")
    (True, False)
    """
    lower = [w for w in re.findall(r"[A-Za-z][\w.'’-]*", line)[1:] if w[0].islower()]
    return len([w for w in lower if w.lower().strip(".") not in _BYLINE_WORDS]) > 3


_BYLINE_WORDS = frozenset(
    re.findall(
        r"\S+",
        """by and of the in at for with from staff reports report writer writers reporter reporters
        correspondent correspondents editor editors news service services wire contributed
        contributing bureau desk updated published posted am pm a.m p.m on""",
    )
)


def _is_stamp(line: str) -> bool:
    """A line that is (nearly) only a date stamp, possibly after "Published"/"Updated"."""
    dates = find_dates(line)
    if not dates:
        return False
    covered = sum(d.end - d.start for d in dates)
    rest = _STAMP_PREFIX.sub("", line)
    return covered >= 0.6 * len(line.strip()) or (
        bool(_STAMP_PREFIX.match(line)) and covered >= 0.5 * len(rest.strip())
    )


def _label_lines(lines: list[_Line]) -> None:
    seen: dict[str, int] = {}
    kinds = [_line_kind(ln.text) for ln in lines]
    keys = [_key(ln.text) for ln in lines]
    title = _find_title(lines, kinds, keys)
    first_prose = next(
        (i for i, ln in enumerate(lines) if i != title and _is_prose(ln.text)), len(lines)
    )
    for i, line in enumerate(lines):
        kind = kinds[i]
        key = keys[i]
        if kind is None and len(key) >= 12 and key in seen:
            kind = "repeat"
        if kind is None and i == title:
            kind = "title"
        elif (
            kind is None
            and i < first_prose
            and not _SENTENCE_END.search(line.text)
            and not _credit_tail(line.text)
        ):
            # The head around the headline: a deck (subtitle), mastheads, agency lines.
            kind = "masthead" if _words(line.text) <= 6 else "title" if i > (title or 0) else None
        if kind is None and i > first_prose and _dated_link(line.text):
            kind = "link"
        if kind is None and _BULLET.match(line.text) and i > 0:
            prev = lines[i - 1]
            if prev.kind in FURNITURE and prev.kind not in {"byline", "credit", "caption"}:
                kind = prev.kind
        line.kind = kind or "body"
        if len(key) >= 12:
            seen.setdefault(key, i)
    _label_captions(lines)
    _label_related_items(lines)
    _label_tail(lines)


def _dated_link(line: str) -> bool:
    """A headline with its date and no sentence of its own ("- Schools reopen - Oct. 9, 2020"),
    as lists of other stories show them; called for lines after the story has begun."""
    if len(line) > 200 or not line.rstrip(" .")[-1:].isdigit() or _words(line) > 30:
        return False  # cheap tests first: this is asked of every line of the story
    dates = find_dates(line)
    if not dates or dates[-1].year is None or line[dates[-1].end :].strip(" .") != "":
        return False
    head = line[: dates[-1].start]
    return bool(_LINK_DATE_SEPARATOR.search(head)) and _words(head) >= 4


def _find_title(lines: list[_Line], kinds: list[str | None], keys: list[str]) -> int | None:
    """Index of the headline: an early short line that does not read as a body paragraph."""
    candidates: list[int] = []
    for i, line in enumerate(lines[:8]):
        if kinds[i] is not None or _credit_tail(line.text):
            continue
        n = _words(line.text)
        if n > 20 or len(line.text) > 200:
            break  # the story has started
        repeated = keys[i] in keys[i + 1 :]
        next_block = i + 1 < len(lines) and lines[i + 1].block != line.block
        headline_like = not _SENTENCE_END.search(line.text) or line.text.endswith(("?", "!"))
        if headline_like or repeated or (next_block and n <= 14 and not _is_prose(line.text)):
            candidates.append(i)
        elif _is_prose(line.text):
            break
    for i in candidates:
        if not _masthead_like(lines[i].text):
            return i
    return candidates[0] if candidates else None


def _masthead_like(line: str) -> bool:
    """A short all-capitalized name ("Harbor Wire Service", "Daily Bugle"), not a headline."""
    tokens = line.split()
    return len(tokens) <= 4 and all(t[:1].isupper() or not t[:1].isalpha() for t in tokens)


def _label_captions(lines: list[_Line]) -> None:
    for i, line in enumerate(lines):
        if line.kind == "credit":
            # The caption is the paragraph just above its credit line.
            j = i - 1
            if j >= 0 and lines[j].kind in {"body", "title"} and len(lines[j].text) <= 600:
                lines[j].kind = "caption"
        elif line.kind == "body" and len(line.text) <= 600 and _credit_tail(line.text):
            line.kind = "caption"


def _label_related_items(lines: list[_Line]) -> None:
    """Short lines right under a "Most read"/"Related" heading belong to it."""
    for i, line in enumerate(lines):
        if line.kind != "related":
            continue
        j = i + 1
        while j < len(lines) and lines[j].kind == "body" and not _is_prose(lines[j].text):
            lines[j].kind = "related"
            j += 1


def _label_tail(lines: list[_Line]) -> None:
    """After the story, once furniture starts, the rest is furniture unless the story resumes."""
    body_chars = 0
    for i, line in enumerate(lines):
        if line.kind in {"body", "caption"} and _is_prose(line.text):
            body_chars += len(line.text)
        if line.kind not in _TAIL_TRIGGERS or body_chars < 200:
            continue
        rest = [ln for ln in lines[i + 1 :] if ln.kind == "body" and _is_prose(ln.text)]
        if len(rest) >= 3 and sum(len(ln.text) for ln in rest) > 0.4 * body_chars:
            continue  # a promo box in the middle: the story goes on after it
        for later in lines[i + 1 :]:
            if later.kind in {"body", "caption", "title"}:
                later.kind = "trailing"
        return


def _split_prefixes(line: _Line) -> list[Segment]:
    """Peel a glued image slug, a dateline and a trailing photo credit off a body/caption line."""
    start, end, text = line.start, line.end, line.text
    out: list[Segment] = []
    slug = _GLUED_SLUG.match(text)
    if slug:
        out.append(Segment(start, start + slug.end(), "image"))
        start += slug.end()
        text = text[slug.end() :]
    dateline = _DATELINE_PREFIX.match(text)
    if dateline and (dateline.group("date") or dateline.group("agency")):
        out.append(Segment(start, start + dateline.end(), "dateline"))
        start += dateline.end()
        text = text[dateline.end() :]
    credit = _credit_tail(text) if line.kind == "caption" else None
    if credit and credit.start() > 0:
        out.append(Segment(start, start + credit.start(), line.kind))
        out.append(
            Segment(
                start + credit.start() + (len(credit.group(0)) - len(credit.group(0).lstrip())),
                end,
                "credit",
            )
        )
        return out
    out.append(Segment(start, end, line.kind))
    return out


# --- normalized view -----------------------------------------------------------------------------

_CHAR_MAP = {
    "\u00a0": " ",
    "\u2007": " ",
    "\u202f": " ",
    "\u2009": " ",
    "\u200b": "",
    "\u00ad": "",
    "\ufeff": "",
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u2033": '"',
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
    "\u2026": "...",
}
# ASCII letter runs (glued-word candidates), whitespace runs, runs of other ASCII characters
# (digits, punctuation: kept as they are), and single non-ASCII characters (mapped one by one).
_TOKEN = re.compile(r"([A-Za-z]+)|(\s+)|([^\sA-Za-z\x80-\U0010ffff]+)|.", re.S)
_GLUE_CANDIDATE = re.compile(r"[A-Za-z]{4,}")  # shorter runs are never split
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


@lru_cache(maxsize=4096)
def _map_char(ch: str) -> str:
    """A non-ASCII character in the normalized view: typographic forms unified, NFKC (letters
    are kept as they are)."""
    if ch.isalpha():
        return ch
    mapped = _CHAR_MAP.get(ch)
    if mapped is None:
        mapped = unicodedata.normalize("NFKC", ch)
    return " " if mapped.isspace() else mapped


@lru_cache(maxsize=100_000)
def _pieces(token: str) -> tuple[str, ...]:
    # News vocabulary repeats: each distinct token is split once per process.
    return tuple(split_glued(token))


@dataclass(frozen=True)
class NormalizedText:
    """A normalized copy of a text; ``offsets[i]`` is the original index of character ``i``
    (with one extra entry for the end), so a span of the view maps back with :meth:`original`."""

    text: str
    offsets: list[int]

    def original(self, start: int, end: int) -> tuple[int, int]:
        """The original span covering normalized characters ``[start, end)``."""
        if end <= start:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1


def normalize(text: str) -> NormalizedText:
    """Normalized view for matching: glued words split, quotes/dashes/spaces unified.

    >>> n = normalize("during his stay inRussiain 2012")
    >>> n.text
    'during his stay in Russia in 2012'
    >>> "during his stay inRussiain 2012"[slice(*n.original(16, 28))]
    'inRussiain'
    """
    out: list[str] = []
    offsets: list[int] = []
    # Runs of spaces collapse to one and the view has none at either end, so it is stable
    # under reflowed whitespace; ``space`` is "the last character emitted is a space, or none was".
    space = True
    for m in _TOKEN.finditer(text):
        pos = m.start()
        alpha, blank, ascii_run = m.groups()
        if alpha is not None:
            pieces = _pieces(alpha) if len(alpha) >= 4 else (alpha,)
            cursor = pos
            for n, piece in enumerate(pieces):
                if n and not space:
                    out.append(" ")
                    offsets.append(cursor)
                out.append(piece)
                offsets.extend(range(cursor, cursor + len(piece)))
                cursor += len(piece)
                space = False
        elif blank is not None:
            if not space:
                out.append(" ")
                offsets.append(pos)
                space = True
        elif ascii_run is not None:
            out.append(ascii_run)
            offsets.extend(range(pos, pos + len(ascii_run)))
            space = False
        else:
            for ch in _map_char(m.group(0)):
                if ch == " ":
                    if space:
                        continue
                    space = True
                else:
                    space = False
                out.append(ch)
                offsets.append(pos)
    if out and space:
        out.pop()
        offsets.pop()
    offsets.append(len(text))
    return NormalizedText("".join(out), offsets)


def words(text: str) -> list[str]:
    """Lower-cased word tokens of the normalized view (what shingles and similarity use).

    >>> words("theBoston bombing’s aftermath")
    ['the', 'boston', "bombing's", 'aftermath']
    """
    # The normalized view's words without building its offsets: glued words split, then the
    # non-ASCII characters mapped (the same steps in the same order as normalize()). Most texts
    # have no glued word: checking each distinct candidate once spares a call per word.
    split = text
    if any(len(_pieces(token)) > 1 for token in set(_GLUE_CANDIDATE.findall(text))):
        split = _GLUE_CANDIDATE.sub(lambda m: " ".join(_pieces(m.group(0))), text)
    if not split.isascii():
        split = _NON_ASCII.sub(lambda m: _map_char(m.group(0)), split)
    return _WORD.findall(split.lower())


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, int]:
    """English words ranked by frequency (the word list wordninja ships, from Wikipedia)."""
    import gzip
    from pathlib import Path

    import wordninja

    # wordninja is a single module shipping its word list in a sibling data folder.
    path = Path(wordninja.__file__).parent / "wordninja" / "wordninja_words.txt.gz"
    words_ = gzip.decompress(path.read_bytes()).decode("utf-8").split()
    return {w: rank for rank, w in enumerate(words_)}


# Pieces of a split must be common words; two-letter pieces must be very common ("in", "on").
_COMMON = 20000
_VERY_COMMON = 400


def split_glued(token: str) -> list[str]:
    """Split one alphabetic token glued by lost markup; unknown names are left alone.

    >>> split_glued("theBostonbombing"), split_glued("Russiain"), split_glued("Tsarnaev")
    (['the', 'Boston', 'bombing'], ['Russia', 'in'], ['Tsarnaev'])
    """
    if len(token) < 4:
        return [token]
    pieces: list[str] = []
    # Case boundaries first ("theBoston", "YorkUniversity"), then lexicon splits of each part.
    for part in re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[A-Z]", token):
        pieces.extend(_split_by_lexicon(part))
    merged = _merge_case_pieces(token, pieces)
    return merged


def _merge_case_pieces(token: str, pieces: list[str]) -> list[str]:
    """Undo case splits that do not yield words ("McDonald", "iPhone" stay whole)."""
    lex = _lexicon()
    if len(pieces) == 1:
        return pieces
    out: list[str] = []
    for piece in pieces:
        if out and not (
            _known(out[-1], lex) and _known(piece, lex) and len(out[-1]) >= 2 and len(piece) >= 2
        ):
            out[-1] += piece
        else:
            out.append(piece)
    return out


def _known(word: str, lex: dict[str, int]) -> bool:
    rank = lex.get(word.lower())
    if rank is None:
        return word[:1].isupper() and len(word) >= 3  # an unknown name is still a word
    return len(word) > 2 or rank < _VERY_COMMON


def _split_by_lexicon(part: str) -> list[str]:
    lex = _lexicon()
    lower = part.lower()
    if len(part) < 5 or lower in lex or part.isupper():
        return [part]
    best: tuple[int, int] | None = None
    for i in range(2, len(part) - 1):
        left, right = lower[:i], lower[i:]
        r1, r2 = lex.get(left), lex.get(right)
        if r1 is None or r2 is None or r1 >= _COMMON or r2 >= _COMMON:
            continue
        if (len(left) <= 2 and r1 >= _VERY_COMMON) or (len(right) <= 2 and r2 >= _VERY_COMMON):
            continue
        cost = max(r1, r2)
        if best is None or cost < best[0]:
            best = (cost, i)
    if best is None:
        return [part]
    return [part[: best[1]], part[best[1] :]]
