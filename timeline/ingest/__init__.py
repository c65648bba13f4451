"""Ingest: read articles (txt, html, jsonl, manifest), clean them, date them, find copies.

``load(paths, manifest)`` is the whole stage: readers (readers.py, html.py, encoding.py) ->
furniture and captions (cleanup.py) -> publication dates (pubdate.py: manifest > metadata >
dateline > inferred > unknown) -> syndicated copies (syndication.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from timeline.ingest.manifest import read_manifest
from timeline.ingest.pubdate import date_documents
from timeline.ingest.readers import Duplicate, ReadState, iter_documents
from timeline.ingest.syndication import mark_syndication
from timeline.models import Document, Skipped


@dataclass
class IngestResult:
    """Documents read, inputs skipped (errors: one line each), and exact duplicates (notices)."""

    documents: list[Document] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)


def load(paths: Iterable[str | Path], manifest: str | Path | None = None) -> IngestResult:
    """Read every article under ``paths``; bad inputs land in ``skipped``, never raise.

    A bad manifest file raises ManifestError (the run cannot honour it); bad manifest rows are
    skipped like bad inputs.

    >>> result = load(["examples"], manifest="examples/manifest.csv")  # doctest: +SKIP
    >>> [(d.source.id, d.source.published_how) for d in result.documents][:1]  # doctest: +SKIP
    [('01-hws-chlorine-leak', 'dateline')]
    """
    entries, skipped = ({}, []) if manifest is None else read_manifest(manifest)
    if isinstance(paths, str | Path):
        paths = [paths]
    state = ReadState(manifest=entries, skipped=skipped)
    documents = list(iter_documents(paths, state))
    date_documents(documents)
    mark_syndication(documents)
    return IngestResult(documents=documents, skipped=state.skipped, duplicates=state.duplicates)


__all__ = ["Duplicate", "IngestResult", "load"]
