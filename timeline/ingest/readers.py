"""Readers: turn files and folders into Documents (walking skeleton; issue 4 deepens it)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

from timeline.ingest.manifest import ManifestEntry
from timeline.models import Document, Skipped, Source

ARTICLE_SUFFIXES = {".txt", ".html", ".htm", ".jsonl"}


def read_inputs(
    paths: Iterable[str | Path], manifest: dict[Path, ManifestEntry]
) -> tuple[list[Document], list[Skipped]]:
    documents: list[Document] = []
    skipped: list[Skipped] = []
    used_ids: set[str] = set()
    for path in _discover(paths, skipped):
        entry = manifest.get(path.resolve())
        try:
            docs = list(_read(path))
        except (OSError, ValueError) as exc:
            skipped.append(Skipped(path=str(path), reason=str(exc)))
            continue
        for stem, text, meta in docs:
            source = Source(
                id=_unique(stem, used_ids),
                path=str(path),
                chars=len(text),
                content_hash=hashlib.sha256(text.encode()).hexdigest(),
                **meta,
            )
            if entry is not None:
                source.published = entry.published
                source.published_how = "manifest"
                source.published_confidence = 1.0
                source.published_evidence = "manifest"
                source.outlet = entry.source or source.outlet
                source.url = entry.url or source.url
                source.title = entry.title or source.title
            documents.append(Document(source=source, text=text, body=[(0, len(text))]))
    return documents, skipped


def document_from_record(record: dict, *, source_id: str, path: str) -> Document:
    """A Document from one JSON record (a JSONL line or an HTTP payload).

    Keys: ``text`` or ``html`` (one required), optional ``url``, ``title``, ``published``,
    ``source`` (the outlet). A ``published`` value counts as metadata.
    """
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError('record has no "text"')
    source = Source(
        id=source_id,
        path=path,
        title=record.get("title"),
        url=record.get("url"),
        outlet=record.get("source"),
        chars=len(text),
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
    )
    if record.get("published"):
        source.published = str(record["published"])
        source.published_how = "metadata"
        source.published_confidence = 0.95
        source.published_evidence = f"published: {record['published']}"
    return Document(source=source, text=text, body=[(0, len(text))])


def _discover(paths: Iterable[str | Path], skipped: list[Skipped]) -> Iterable[Path]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
            )
            if not found:
                skipped.append(
                    Skipped(path=str(path), reason="folder holds no .txt, .html or .jsonl files")
                )
            yield from found
        elif path.is_file():
            yield path
        else:
            skipped.append(Skipped(path=str(path), reason="no such file or folder"))


def _read(path: Path) -> Iterable[tuple[str, str, dict]]:
    data = path.read_bytes()
    if not data.strip():
        raise ValueError("file is empty")
    if b"\x00" in data[:4096]:
        raise ValueError("binary file, not an article")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ValueError("not UTF-8 text") from None
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        for n, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                obj = json.loads(line)
                yield (
                    f"{path.stem}-{obj.get('id', n)}",
                    obj.get("text", ""),
                    {"title": obj.get("title")},
                )
    else:
        yield path.stem, text, {}


def _unique(stem: str, used: set[str]) -> str:
    candidate, n = stem, 2
    while candidate in used:
        candidate, n = f"{stem}-{n}", n + 1
    used.add(candidate)
    return candidate
