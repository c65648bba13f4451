"""The manifest CSV: ``path`` and ``published`` required; ``source``, ``url``, ``title`` optional."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from timeline.dates import parse_published
from timeline.errors import DateError, ManifestError
from timeline.models import Skipped


@dataclass(frozen=True)
class ManifestEntry:
    path: Path
    published: str
    source: str | None = None
    url: str | None = None
    title: str | None = None


def read_manifest(manifest: str | Path) -> tuple[dict[Path, ManifestEntry], list[Skipped]]:
    """Entries keyed by resolved path; bad rows are skipped with a reason, a bad file raises."""
    path = Path(manifest)
    if not path.is_file():
        raise ManifestError("manifest not found", path=str(path))
    try:
        with path.open(newline="", encoding="utf-8-sig") as fh:
            rows = list(csv.DictReader(fh))
    except (UnicodeDecodeError, csv.Error) as exc:
        raise ManifestError(f"not a readable CSV file ({exc})", path=str(path)) from None
    if not rows:
        raise ManifestError("manifest has no rows", path=str(path))
    missing = {"path", "published"} - set(rows[0])
    if missing:
        raise ManifestError(
            f"manifest lacks column(s): {', '.join(sorted(missing))}", path=str(path)
        )
    entries: dict[Path, ManifestEntry] = {}
    skipped: list[Skipped] = []
    for line, row in enumerate(rows, start=2):
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
        entries[target.resolve()] = ManifestEntry(
            path=target,
            published=published.isoformat()
            if published.time() != published.min.time() or published.tzinfo
            else published.date().isoformat(),
            source=(row.get("source") or "").strip() or None,
            url=(row.get("url") or "").strip() or None,
            title=(row.get("title") or "").strip() or None,
        )
    return entries, skipped
