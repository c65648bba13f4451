"""The manifest CSV: ``path`` and ``published`` required; ``source``, ``url``, ``title`` optional."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from timeline.dates import parse_published
from timeline.errors import DateError, InputError, ManifestError
from timeline.ingest.encoding import decode_bytes
from timeline.models import Skipped


@dataclass(frozen=True)
class ManifestEntry:
    path: Path
    published: str
    source: str | None = None
    url: str | None = None
    title: str | None = None


def read_manifest(manifest: str | Path) -> tuple[dict[Path, ManifestEntry], list[Skipped]]:
    """Entries keyed by resolved path; bad rows are skipped with a reason, a bad file raises.

    Read as spreadsheets save it: any encoding (a cp1252 file from Excel too), comma,
    semicolon or tab between columns, headers in any case and with stray spaces.
    """
    path = Path(manifest)
    if not path.is_file():
        raise ManifestError("manifest not found", path=str(path))
    try:
        text = _decode(path.read_bytes(), str(path))
        names, rows = _rows(text)
    except csv.Error as exc:
        raise ManifestError(f"not a readable CSV file ({exc})", path=str(path)) from None
    except OSError as exc:
        raise ManifestError(f"cannot read ({exc.strerror or exc})", path=str(path)) from None
    if not rows:
        raise ManifestError("manifest has no rows", path=str(path))
    missing = {"path", "published"} - set(names)
    if missing:
        found = ", ".join(repr(c) for c in names if c) or "none"
        raise ManifestError(
            f"manifest lacks column(s): {', '.join(sorted(missing))} (its header has {found}; "
            "expected path,published[,source,url,title])",
            path=str(path),
        )
    entries: dict[Path, ManifestEntry] = {}
    lines: dict[Path, int] = {}
    skipped: list[Skipped] = []
    for line, row in rows:
        where = f"{path}:{line}"
        rel = (row.get("path") or "").strip()
        if not rel:
            skipped.append(Skipped(path=where, reason="manifest row has no path"))
            continue
        try:
            published = parse_published(row.get("published"), what="published")
        except DateError as exc:
            skipped.append(Skipped(path=where, reason=str(exc)))
            continue
        if published is None:
            skipped.append(Skipped(path=where, reason="manifest row has no published date"))
            continue
        target = Path(rel) if Path(rel).is_absolute() else path.parent / rel
        key = target.resolve()
        if key in entries:
            first = lines[key]
            if entries[key].published != _iso(published):
                skipped.append(
                    Skipped(
                        path=where,
                        reason=f"{rel} is already in the manifest at line {first} with another "
                        f"date ({entries[key].published}); this row ({_iso(published)}) is not used",
                    )
                )
            continue
        lines[key] = line
        entries[key] = ManifestEntry(
            path=target,
            published=_iso(published),
            source=(row.get("source") or "").strip() or None,
            url=(row.get("url") or "").strip() or None,
            title=(row.get("title") or "").strip() or None,
        )
    return entries, skipped


def _iso(published: datetime) -> str:
    if published.time() != published.min.time() or published.tzinfo:
        return published.isoformat()
    return published.date().isoformat()


def _decode(data: bytes, where: str) -> str:
    """The manifest's text: UTF-8 (with or without a BOM), else what the articles' reader
    makes of it (Excel on Windows saves cp1252)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return decode_bytes(data, path=where)[0]
    except InputError as exc:
        raise ManifestError(f"not a readable CSV file ({exc.reason})", path=where) from None


def _rows(text: str) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """The column names (lower-cased, stripped) and each row with its line number.

    >>> _rows("Path; Published\\na.txt; 2013-04-23\\n")
    (['path', 'published'], [(2, {'path': 'a.txt', 'published': '2013-04-23'})])
    """
    head = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=head.count) if any(c in head for c in ",;\t") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = next(reader, None)
    if header is None:
        return [], []
    names = [name.strip().lower() for name in header]
    rows = []
    line = reader.line_num + 1
    for values in reader:
        if any(v.strip() for v in values):  # not a blank line (spreadsheets add them)
            rows.append((line, {n: v.strip() for n, v in zip(names, values, strict=False) if n}))
        line = reader.line_num + 1
    return names, rows
