"""Readers: files and folders -> Documents, one at a time (streaming), bad inputs -> Skipped.

* ``.txt``: the decoded file, untouched (encoding detected; see encoding.py). Offsets in the
  pipeline slice the file's own characters.
* ``.html`` / ``.htm``: trafilatura's extracted text (offsets point into THAT text, not the HTML),
  title and outlet from the page, publication date from its metadata (html.py).
* ``.jsonl``: one article per line, ``{"text" | "html", "url", "title", "published", "source",
  "id"}`` (or the names scrapers use: ``maintext``, ``date_publish``, ``publish_date``,
  ``source_domain`` ...; see ``_ALIASES``); a bad line is skipped with its line number, the others are read. Ids are
  ``<file stem>-<id or line number>``.
* folders: searched recursively for those suffixes (hidden files and folders are ignored).

Every Document gets ``body`` and ``captions`` spans from cleanup.py and a ``content_hash`` (sha256 of
the whitespace-normalized text): the same text read twice is reported once as a duplicate, not
processed twice.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from timeline.dates import YEARS
from timeline.errors import InputError
from timeline.ingest.cleanup import clean
from timeline.ingest.datetext import StatedDate, parse_date_value
from timeline.ingest.encoding import decode_bytes
from timeline.ingest.manifest import ManifestEntry
from timeline.ingest.outlets import outlet_from_text
from timeline.models import Document, Skipped, Source

ARTICLE_SUFFIXES = {".txt", ".html", ".htm", ".jsonl"}
HTML_SUFFIXES = {".html", ".htm"}
# A news article is a few kilobytes; anything this big is a mistake (a dump, a video).
MAX_FILE_BYTES = 20_000_000
METADATA_CONFIDENCE = 0.95


@dataclass(frozen=True)
class Duplicate:
    """An input whose text is exactly that of a document already read (a notice, not an error)."""

    path: str
    duplicate_of: str

    @property
    def reason(self) -> str:
        return f"same text as {self.duplicate_of}, read once"


@dataclass
class ReadState:
    """What a run of readers remembers: ids in use, hashes seen, and what went wrong."""

    manifest: dict[Path, ManifestEntry] = field(default_factory=dict)
    skipped: list[Skipped] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    used_ids: set[str] = field(default_factory=set)
    hashes: dict[str, Source] = field(default_factory=dict)
    paths: set[Path] = field(default_factory=set)
    files_done: int = 0  # files read so far (a .jsonl file counts once)
    on_file: Callable[[int], None] | None = None  # hears files_done after each file


def read_inputs(
    paths: Iterable[str | Path], manifest: dict[Path, ManifestEntry]
) -> tuple[list[Document], list[Skipped]]:
    """Read everything under ``paths``; returns the documents and the skipped inputs.

    >>> documents, skipped = read_inputs(["examples"], {})  # doctest: +SKIP
    """
    state = ReadState(manifest=manifest)
    documents = list(iter_documents(paths, state))
    return documents, state.skipped


def iter_documents(paths: Iterable[str | Path], state: ReadState) -> Iterator[Document]:
    """Yield Documents one by one (raw bytes are dropped as soon as a file is read).

    >>> state = ReadState()
    >>> [d.source.id for d in iter_documents(["examples"], state)][:2]  # doctest: +SKIP
    ['01-hws-chlorine-leak', '02-riverton-gazette-repost']
    """
    for path in discover(paths, state.skipped):
        yield from _read_path(path, state)
        state.files_done += 1
        if state.on_file is not None:
            state.on_file(state.files_done)


def _read_path(path: Path, state: ReadState) -> Iterator[Document]:
    resolved = path.resolve()
    if resolved in state.paths:
        return  # the same file named twice (a folder and a file in it): read once
    state.paths.add(resolved)
    entry = state.manifest.get(resolved)
    try:
        for document in _read_file(path, state):
            if entry is not None:
                _apply_manifest(document.source, entry)
            duplicate_of = _duplicate_of(document.source, state)
            if duplicate_of is not None:
                state.duplicates.append(Duplicate(document.source.path, duplicate_of))
                state.used_ids.discard(document.source.id)
                continue
            yield document
    except InputError as exc:
        state.skipped.append(Skipped(path=str(path), reason=exc.reason))
    except OSError as exc:
        state.skipped.append(Skipped(path=str(path), reason=_os_reason(exc)))


def document_from_record(record: dict, *, source_id: str, path: str) -> Document:
    """A Document from one JSON record (a JSONL line or an HTTP payload); raises ValueError.

    Keys: ``text`` or ``html`` (one required), optional ``url``, ``title``, ``published``,
    ``source`` (the outlet). A ``published`` value (ISO 8601 or a written date) counts as
    metadata; so does an HTML page's own metadata date.

    >>> doc = document_from_record({"text": "Rain fell on Monday.", "published": "2013-04-23"},
    ...                            source_id="a", path="api")
    >>> doc.source.published, doc.source.published_how
    ('2013-04-23', 'metadata')
    """
    if not isinstance(record, dict):
        raise ValueError("record is not a JSON object")
    given = record
    record = canonical_keys(record)
    for key in ("text", "html", "url", "title", "published", "source"):
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            # Name the field as the file spells it ("date_publish", not our "published").
            name = next((n for n, v in given.items() if v is value), key)
            what = f'"{name}"' + (f' (read as "{key}")' if name != key else "")
            example = " such as 2013-04-23" if key == "published" else ""
            raise ValueError(f"{what} must be a string{example}, not {_shown(value)}")
    text, html = record.get("text"), record.get("html")
    url = record.get("url") or None
    title, outlet = record.get("title") or None, record.get("source") or None
    stated: StatedDate | None = None
    evidence: str | None = None
    if isinstance(text, str) and text.strip():
        body = text
    elif isinstance(html, str) and html.strip():
        from timeline.ingest.html import read_html

        try:
            page = read_html(html, path=path, url=url)
        except InputError as exc:
            raise ValueError(exc.reason) from None
        body, title, outlet = page.text, title or page.title, outlet or page.outlet
        url = url or page.url
        stated, evidence = page.published, page.published_evidence
    else:
        raise ValueError(
            'record has no "text" or "html" (nor maintext, content, body, article, raw_html)'
        )
    published = record.get("published")
    if published:
        stated = parse_date_value(published)
        if stated is None:
            raise ValueError(
                f'"published" value {published!r} is not a date in the years {YEARS[0]}-{YEARS[1]}'
            )
        evidence = f'"published": "{published}"'
    return make_document(
        body,
        source_id=source_id,
        path=path,
        title=title,
        outlet=outlet,
        url=url,
        published=stated,
        evidence=evidence,
    )


#: Other names scrapers give the fields (news-please, newspaper3k, feeds, CMS exports); the
#: first one present fills the field, our own name first.
_ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("text", "maintext", "content", "body", "article", "article_text"),
    "html": ("html", "raw_html"),
    "published": (
        "published",
        "date_publish",
        "publish_date",
        "published_at",
        "datePublished",
        "pubdate",
        "date",
    ),
    "source": ("source", "source_domain", "outlet", "publisher", "site_name"),
    "url": ("url", "link"),
    "title": ("title", "headline"),
}


def canonical_keys(record: dict) -> dict:
    """``record`` with scraper field names mapped to ours (empty values are skipped).

    >>> canonical_keys({"maintext": "Rain.", "date_publish": "2013-04-23 10:00:00", "id": 3})
    {'id': 3, 'text': 'Rain.', 'published': '2013-04-23 10:00:00'}
    """
    out = {k: v for k, v in record.items() if k not in _ALIAS_KEYS}
    for key, names in _ALIASES.items():
        for name in names:
            if record.get(name) not in (None, ""):
                out[key] = record[name]
                break
    return out


_ALIAS_KEYS = frozenset(n for names in _ALIASES.values() for n in names)


def make_document(
    text: str,
    *,
    source_id: str,
    path: str,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    published: StatedDate | None = None,
    evidence: str | None = None,
) -> Document:
    """A Document with body/caption spans, hash and (metadata) publication date.

    >>> make_document("Headline here today\\n\\nThe council met on Monday to vote on the budget "
    ...               "for next year.", source_id="x", path="x.txt").source.title
    'Headline here today'
    """
    cleaned = clean(text)
    source = Source(
        id=source_id,
        path=path,
        title=title or cleaned.title,
        outlet=outlet or outlet_from_text(text, cleaned),
        url=url,
        chars=len(text),
        content_hash=content_hash(text),
    )
    if published is not None and published.day is not None:
        source.published = published.iso()
        source.published_how = "metadata"
        source.published_confidence = METADATA_CONFIDENCE
        source.published_evidence = evidence
    return Document(source=source, text=text, body=cleaned.body, captions=cleaned.captions)


def content_hash(text: str) -> str:
    """sha256 of the text with Unicode and whitespace normalized (reflowed copies hash alike).

    >>> content_hash("a  b\\n") == content_hash("a b")
    True
    """
    normalized = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()


# --- files -----------------------------------------------------------------------------------------


def discover(paths: Iterable[str | Path], skipped: list[Skipped]) -> Iterator[Path]:
    """The article files under ``paths`` (folders searched recursively, hidden ones ignored);
    missing paths and empty folders are added to ``skipped``.

    >>> [p.name for p in discover(["examples/manifest.csv"], [])]
    ['manifest.csv']
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.suffix.lower() in ARTICLE_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
                and p.is_file()
            )
            if not found:
                skipped.append(
                    Skipped(
                        path=str(path), reason="folder holds no .txt, .html, .htm or .jsonl files"
                    )
                )
            yield from found
        elif path.is_file():
            yield path
        elif path.exists():
            skipped.append(Skipped(path=str(path), reason="not a regular file"))
        else:
            skipped.append(Skipped(path=str(path), reason="no such file or folder"))


_FOLDER_NOTES = ("README", "LICENSE", "LICENCE", "COPYING", "CHANGELOG", "NOTICE")


def ignored_files(paths: Iterable[str | Path]) -> list[Path]:
    """The files inside the folders among ``paths`` that ``discover`` passes over for their
    suffix (a PDF, a .docx, an image), so a user can be told rather than left to wonder.
    A folder's own notes (README, LICENSE, ...) are expected there and not listed.

    >>> ignored_files(["examples"])
    [PosixPath('examples/manifest.csv')]
    """
    ignored: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            ignored.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.suffix.lower() not in ARTICLE_SUFFIXES
                    and not p.name.upper().startswith(_FOLDER_NOTES)
                    and not any(part.startswith(".") for part in p.relative_to(path).parts)
                    and p.is_file()
                )
            )
    return ignored


def _read_file(path: Path, state: ReadState) -> Iterator[Document]:
    suffix = path.suffix.lower()
    size = path.stat().st_size
    if size == 0:
        raise InputError("file is empty", path=str(path))
    if size > MAX_FILE_BYTES and suffix != ".jsonl":
        raise InputError(
            f"file is {size / 1e6:.0f} MB, too large for an article (limit {MAX_FILE_BYTES / 1e6:.0f} MB)",
            path=str(path),
        )
    if suffix == ".jsonl":
        yield from _read_jsonl(path, state)
        return
    text, _encoding = decode_bytes(path.read_bytes(), path=str(path))
    if suffix in HTML_SUFFIXES or (suffix not in ARTICLE_SUFFIXES and _looks_like_html(text)):
        from timeline.ingest.html import read_html

        page = read_html(text, path=str(path))
        yield make_document(
            page.text,
            source_id=_unique(path.stem, state.used_ids),
            path=str(path),
            title=page.title,
            outlet=page.outlet,
            url=page.url,
            published=page.published,
            evidence=page.published_evidence,
        )
        return
    if not text.strip():
        raise InputError("file has no text", path=str(path))
    yield make_document(text, source_id=_unique(path.stem, state.used_ids), path=str(path))


def _read_jsonl(path: Path, state: ReadState) -> Iterator[Document]:
    read_any = False
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            where = f"{path}:{number}"
            try:
                record = json.loads(raw.decode("utf-8-sig" if number == 1 else "utf-8"))
            except UnicodeDecodeError:
                state.skipped.append(Skipped(path=where, reason="line is not UTF-8 text"))
                continue
            except ValueError as exc:
                state.skipped.append(
                    Skipped(path=where, reason=f"line is not valid JSON ({_json_reason(exc)})")
                )
                continue
            key = record.get("id") if isinstance(record, dict) else None
            suffix = str(key) if isinstance(key, str | int) and str(key).strip() else str(number)
            source_id = _unique(f"{path.stem}-{_slug(suffix)}", state.used_ids)
            try:
                document = document_from_record(record, source_id=source_id, path=str(path))
            except ValueError as exc:
                state.used_ids.discard(source_id)
                state.skipped.append(Skipped(path=where, reason=str(exc)))
                continue
            read_any = True
            yield document
    if not read_any and not any(s.path.startswith(f"{path}:") for s in state.skipped):
        raise InputError("file is empty: no JSON lines", path=str(path))


def _apply_manifest(source: Source, entry: ManifestEntry) -> None:
    source.published = entry.published
    source.published_how = "manifest"
    source.published_confidence = 1.0
    source.published_evidence = "manifest"
    source.outlet = entry.source or source.outlet
    source.url = entry.url or source.url
    source.title = entry.title or source.title


def _duplicate_of(source: Source, state: ReadState) -> str | None:
    """Id of an earlier document with the same text and no conflicting metadata."""
    assert source.content_hash is not None
    earlier = state.hashes.get(source.content_hash)
    if earlier is None:
        state.hashes[source.content_hash] = source
        return None
    for attr in ("url", "outlet", "published"):
        a, b = getattr(earlier, attr), getattr(source, attr)
        if a and b and a != b:
            return None  # same words, another outlet or date: a syndicated copy, kept
    return earlier.id


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in text[:2000].lower()


def _unique(stem: str, used: set[str]) -> str:
    candidate, n = stem, 2
    while candidate in used:
        candidate, n = f"{stem}-{n}", n + 1
    used.add(candidate)
    return candidate


def _slug(value: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_." else "-" for ch in value.strip())[:80]


def _json_reason(exc: ValueError) -> str:
    """json's complaint with the column it is at ('Invalid control character at: line 1
    column 11 (char 10)' -> 'Invalid control character at column 11').

    >>> import json
    >>> try:
    ...     json.loads('{"text": "cut')
    ... except ValueError as exc:
    ...     _json_reason(exc)
    'Unterminated string starting at column 10'
    """
    if isinstance(exc, json.JSONDecodeError):
        at = "" if exc.msg.endswith(" at") else " at"
        return f"{exc.msg}{at} column {exc.colno}"
    message = str(exc)
    return message.split(":")[0] if ": line" in message else message


def _shown(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 40 else text[:39] + "…"


def _os_reason(exc: OSError) -> str:
    return exc.strerror.lower() if exc.strerror else type(exc).__name__
