"""Ingest: read articles (txt, html, jsonl, manifest), clean them, date them, find copies."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from timeline.ingest.manifest import read_manifest
from timeline.ingest.pubdate import date_documents
from timeline.ingest.readers import read_inputs
from timeline.ingest.syndication import mark_syndication
from timeline.models import Document, Skipped


@dataclass
class IngestResult:
    documents: list[Document] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def load(paths: Iterable[str | Path], manifest: str | Path | None = None) -> IngestResult:
    """Read every article under ``paths``; bad inputs land in ``skipped``, never raise.

    >>> result = load(["examples"], manifest="examples/manifest.csv")  # doctest: +SKIP
    """
    entries, skipped = ({}, []) if manifest is None else read_manifest(manifest)
    documents, read_skipped = read_inputs(paths, entries)
    skipped.extend(read_skipped)
    date_documents(documents)
    mark_syndication(documents)
    return IngestResult(documents=documents, skipped=skipped)
