"""HTML pages: main text, title and outlet via trafilatura; publication date from metadata.

The Document text of an HTML page is trafilatura's extracted text (paragraphs joined by newlines):
every offset in the pipeline points into that text, not into the HTML source.

The date comes from the page's own metadata, cheapest and most reliable first (htmldate's order):
``article:published_time`` and friends, JSON-LD ``datePublished``, ``<time pubdate>``, then htmldate
without its extensive text search (which would happily read a "© 2019" footer as the date). Every
candidate is checked against sane bounds; the tag it came from is kept as evidence. A UTC
timestamp ("2021-06-15T02:20:40Z") is replaced by its local day when the page says it: the same
instant in local time elsewhere in the metadata, or a date in the page's URL that the instant
falls on in some newsroom's zone. That local day is the one "Monday" in the text counts from.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone

from timeline.errors import InputError
from timeline.ingest.datetext import StatedDate, parse_date_value
from timeline.ingest.live import prepare_live_entries

# Publication-date meta keys (name / property / itemprop), original publication before updates.
_META_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "article.published",
    "published_time",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.created",
    "dc.date.created",
    "sailthru.date",
    "parsely-pub-date",
    "date",
    "article:published",
    "originalpublicationdate",
)
_EARLIEST = date(1990, 1, 1)
# htmldate without its text search, which would read a "© 2019" footer as the date.
_HTMLDATE_PARAMS = {"extensive_search": False, "original_date": True}
# XHTML pages open with one; lxml refuses a str that declares its encoding (we decoded it already).
_XML_DECLARATION = re.compile(r"^\ufeff?\s*<\?xml[^>]*\?>")
# What a script-rendered page (a single-page app) shows before its script runs.
_NEEDS_SCRIPT = re.compile(
    r"\b(?:enable|turn on|activate)\s+(?:your\s+)?javascript\b|\bjavascript\s+(?:is\s+)?"
    r"(?:required|disabled|turned off|must be enabled|needs to be enabled)|without javascript\b",
    re.I,
)
_NOTICE_CHARS = 300
# The zones newsrooms work in, Hawaii (UTC-10) to Kiribati (UTC+14): a UTC stamp's local day
# lies within this of it (UTC-11 and -12 hold almost nobody, and would let a URL date a day
# early pass for the local day of a morning stamp).
_LOCAL_OFFSETS = (timedelta(hours=-10), timedelta(hours=14))
# Class or id names of blocks holding other pages' or other people's dates.
# Not "aside" or "sidebar": some pages put the article's own byline and date in an <aside>,
# and "has-sidebar" names a layout that holds the article too.
_ELSEWHERE = re.compile(r"(?<!has-)related|(?<![\w-])comment|recommend", re.I)
_URL_DATE = re.compile(
    r"/(?P<y>(?:19|20)\d\d)([/_-]?)(?P<m>0[1-9]|1[0-2])\2(?P<d>0[1-9]|[12]\d|3[01])(?=[/_.-]|$)"
)  # longer than this, the page has text of its own besides the notice


@dataclass
class HtmlArticle:
    """What an HTML page yields: text to analyse plus metadata with evidence."""

    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    author: str | None = None
    published: StatedDate | None = None
    published_evidence: str | None = None


def read_html(html: str, *, path: str | None = None, url: str | None = None) -> HtmlArticle:
    """Extract an article from an HTML page; raises InputError when no text can be extracted.

    >>> read_html("<html><body><article><p>" + "Word " * 30 + "</p></article></body></html>").text[:9]
    'Word Word'
    """
    import trafilatura
    from lxml import html as lxml_html

    html = _XML_DECLARATION.sub("", html, count=1)
    try:
        tree = lxml_html.fromstring(html)
    except (ValueError, TypeError, Exception) as exc:  # lxml raises its own ParserError
        raise InputError(f"not parseable HTML ({type(exc).__name__})", path=path) from None
    published, evidence = metadata_date(tree)
    # Live entries' stamps and frame made readable for trafilatura (live.py); the text comes
    # from that page, the metadata from the page as served (htmldate reads <time> elements).
    served = html
    if prepare_live_entries(tree):
        html = lxml_html.tostring(tree, encoding="unicode")
    extracted = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params=dict(_HTMLDATE_PARAMS),
    )
    text = (getattr(extracted, "text", None) or "").strip() if extracted is not None else ""
    if not text:
        # Small pages defeat trafilatura's scoring: fall back to all visible text.
        text = (trafilatura.html2txt(html) or "").strip() or _visible_text(tree)
    if not text:
        raise InputError("HTML page has no extractable text", path=path)
    if len(text) <= _NOTICE_CHARS and _NEEDS_SCRIPT.search(text):
        raise InputError(
            "HTML page has no article text, only a notice that it needs JavaScript", path=path
        )
    meta = extracted if extracted is not None else None
    if served is not html:
        meta = trafilatura.extract_metadata(
            served, default_url=url, date_config=dict(_HTMLDATE_PARAMS), extensive=False
        )
    title = _clean(getattr(meta, "title", None)) or _clean(tree.findtext(".//title"))
    if title and " ".join(text.split()) == title:
        # All the page shows is its <title>: a script-only shell, a login wall, an error page.
        raise InputError("HTML page has no article text, only its title", path=path)
    outlet = _clean(getattr(meta, "sitename", None)) or publisher_name(tree)
    url = url or _clean(getattr(meta, "url", None))
    if published is not None and evidence is not None:
        published, evidence = local_day_from_url(published, evidence, url) or (published, evidence)
    if published is None and meta is not None and getattr(meta, "date", None):
        stated = parse_date_value(str(meta.date))
        if stated is not None and _sane(stated):
            published, evidence = stated, f"htmldate: {meta.date}"
    return HtmlArticle(
        text=text,
        title=title,
        outlet=outlet,
        url=url,
        author=_clean(getattr(meta, "author", None)),
        published=published,
        published_evidence=evidence,
    )


def metadata_date(tree) -> tuple[StatedDate | None, str | None]:  # type: ignore[no-untyped-def]
    """The publication date stated in a parsed page's metadata, with the tag as evidence.

    The first sane candidate in htmldate's order wins. When it is a UTC timestamp and the page
    states the same instant in local time elsewhere (a zone-less ``sailthru.date``, a second
    JSON-LD block), the local one is returned: its day is the one the article's "Monday" and
    "yesterday" count from.

    >>> from lxml import html
    >>> metadata_date(html.fromstring('<html><head>'
    ...     '<meta property="article:published_time" content="2021-06-15T02:20:40+00:00">'
    ...     '<meta name="sailthru.date" content="2021-06-14 19:20:40"></head></html>'))[0].iso()
    '2021-06-14T19:20:40-07:00'
    """
    candidates = _date_candidates(tree)
    first = next(candidates, None)
    if first is None:
        return None, None
    stated, evidence = first
    if _is_utc(stated):
        for other, other_evidence in candidates:
            local = _same_instant_local(stated, other)
            if local is not None:
                return local, f"{other_evidence}, local time of {evidence}"
    return stated, evidence


def _date_candidates(tree) -> Iterator[tuple[StatedDate, str]]:  # type: ignore[no-untyped-def]
    """Sane publication dates the page states, most reliable first (meta tags, JSON-LD, <time>)."""
    by_key: dict[str, tuple[str, str]] = {}
    for node in tree.iter("meta"):
        key = (
            (node.get("property") or node.get("name") or node.get("itemprop") or "").strip().lower()
        )
        value = (node.get("content") or "").strip()
        if key and value and key not in by_key:
            attr = (
                "property" if node.get("property") else "name" if node.get("name") else "itemprop"
            )
            by_key[key] = (value, f'<meta {attr}="{key}" content="{value}">')
    for key in _META_KEYS:
        if key in by_key:
            stated = parse_date_value(by_key[key][0])
            if stated is not None and _sane(stated):
                yield stated, by_key[key][1]
    for data in _json_ld(tree):
        for value in _json_ld_dates(data):
            stated = parse_date_value(value)
            if stated is not None and _sane(stated):
                yield stated, f'JSON-LD "datePublished": "{value}"'
    for node in tree.iter("time"):
        value = node.get("datetime")
        if (
            value
            and (node.get("pubdate") is not None or "publish" in (node.get("class") or ""))
            and not _elsewhere(node)
        ):
            stated = parse_date_value(value)
            if stated is not None and _sane(stated):
                yield stated, f'<time datetime="{value}">'


def _elsewhere(node) -> bool:  # type: ignore[no-untyped-def]
    """Is this element inside a block about other pages or other people's posts (a related-posts
    list, comments, a menu)? Its date is theirs, not the article's."""
    for parent in node.iterancestors():
        if parent.tag in {"body", "html"}:
            return False  # page-wide classes describe the layout, not this block
        if parent.tag == "nav":
            return True
        names = f"{parent.get('class') or ''} {parent.get('id') or ''}"
        if names.strip() and _ELSEWHERE.search(names):
            return True
    return False


def _is_utc(stated: StatedDate) -> bool:
    return (
        stated.clock is not None
        and stated.zone is not None
        and stated.zone.utcoffset(None) == timedelta(0)
    )


def _moment(stated: StatedDate) -> datetime:
    assert stated.day is not None and stated.clock is not None
    return datetime.combine(stated.day, stated.clock, tzinfo=stated.zone)


def _same_instant_local(utc: StatedDate, other: StatedDate) -> StatedDate | None:
    """``other`` when it states the instant of ``utc`` in a real local zone (a zone-less time
    gets the offset it implies: a whole quarter hour between UTC-10 and UTC+14)."""
    if other.clock is None or other.day is None:
        return None
    if other.zone is not None:
        offset = other.zone.utcoffset(None)
        same = offset != timedelta(0) and _moment(other) == _moment(utc)
        return other if same else None
    offset = datetime.combine(other.day, other.clock) - _moment(utc).replace(tzinfo=None)
    if (
        offset == timedelta(0)
        or not _LOCAL_OFFSETS[0] <= offset <= _LOCAL_OFFSETS[1]
        or offset % timedelta(minutes=15)
    ):
        return None
    return replace(other, zone=timezone(offset))


def url_day(url: str | None) -> date | None:
    """The day a URL's path states (``/2023/11/08/``, ``/2023-11-08-``, ``/20231108/``).

    >>> url_day("https://news.example/2023/11/08/pier-vote/")
    datetime.date(2023, 11, 8)
    """
    if not url:
        return None
    m = _URL_DATE.search(url.split("?", 1)[0])
    if m is None:
        return None
    try:
        return date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    except ValueError:
        return None


def local_day_from_url(
    stated: StatedDate, evidence: str, url: str | None
) -> tuple[StatedDate, str] | None:
    """A UTC timestamp's local day, when the URL states a day the instant falls on somewhere
    between UTC-10 and UTC+14 (news URLs carry the newsroom's date); None otherwise."""
    if not _is_utc(stated):
        return None
    day = url_day(url)
    if day is None or day == stated.day:
        return None
    moment = _moment(stated)
    if not (moment + _LOCAL_OFFSETS[0]).date() <= day <= (moment + _LOCAL_OFFSETS[1]).date():
        return None
    local = StatedDate(
        day=day, month=day.month, day_of_month=day.day, year=day.year, text=day.isoformat()
    )
    return local, f"{evidence} is UTC; the URL's date {day.isoformat()} is its local day"


def _json_ld(tree) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """The parsed JSON-LD blocks of a page (unreadable ones skipped)."""
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            yield json.loads(script.text)
        except ValueError:
            continue


def publisher_name(tree) -> str | None:  # type: ignore[no-untyped-def]
    """The publisher a page names in its JSON-LD (``"publisher": {"name": ...}``) or in a
    ``<meta name="publisher">`` tag (og:site_name is read by trafilatura).

    >>> from lxml import html
    >>> publisher_name(html.fromstring('<html><head><script type="application/ld+json">'
    ...     '{"@type": "NewsArticle", "publisher": {"name": "The Daily Planet"}}</script>'
    ...     '</head><body><p>x</p></body></html>'))
    'The Daily Planet'
    """
    for data in _json_ld(tree):
        name = _json_ld_publisher(data)
        if name:
            return name
    for node in tree.iter("meta"):
        key = (node.get("name") or node.get("property") or "").strip().lower()
        if key in {"publisher", "dc.publisher", "dcterms.publisher", "article:publisher"}:
            value = _clean(node.get("content"))
            if value and not value.startswith(("http://", "https://")):
                return value
    return None


def _json_ld_publisher(data: object) -> str | None:
    if isinstance(data, list):
        return next((n for n in map(_json_ld_publisher, data) if n), None)
    if not isinstance(data, dict):
        return None
    publisher = data.get("publisher")
    if isinstance(publisher, list):
        publisher = publisher[0] if publisher else None
    if isinstance(publisher, dict):
        name = _clean(publisher.get("name"))
        if name:
            return name
    elif isinstance(publisher, str) and not publisher.startswith(("http://", "https://")):
        return _clean(publisher)
    graph = data.get("@graph")
    return _json_ld_publisher(graph) if graph is not None else None


def _json_ld_dates(data: object) -> list[str]:
    found: list[str] = []
    if isinstance(data, dict):
        value = data.get("datePublished")
        if isinstance(value, str):
            found.append(value)
        for child in data.values():
            if isinstance(child, dict | list):
                found.extend(_json_ld_dates(child))
    elif isinstance(data, list):
        for child in data:
            found.extend(_json_ld_dates(child))
    return found


def _sane(stated: StatedDate) -> bool:
    return stated.day is not None and _EARLIEST <= stated.day <= date.today() + timedelta(days=1)


def _visible_text(tree) -> str:  # type: ignore[no-untyped-def]
    for bad in tree.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    lines = (" ".join(line.split()) for line in tree.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
