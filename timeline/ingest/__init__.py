"""Ingest: read articles (txt, html, jsonl, manifest), clean them, date them, find copies.

``load(paths, manifest)`` is the whole stage: readers (readers.py, html.py, encoding.py) ->
furniture and captions (cleanup.py) -> publication dates (pubdate.py: manifest > metadata >
dateline > inferred > unknown) -> syndicated copies (syndication.py).

Each document is cleaned, dated on its own and fingerprinted once, as it is read; the two
collection passes (dates borrowed between articles, copies) then reuse those results.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from timeline.ingest.manifest import read_manifest
from timeline.ingest.pubdate import Dating, date_alone, date_documents
from timeline.ingest.readers import Duplicate, ReadState, discover, iter_documents
from timeline.ingest.syndication import fingerprint, mark_syndication
from timeline.models import Document, Skipped

Progress = Callable[[str, int, int], None]


@dataclass
class IngestResult:
    """Documents read, inputs skipped (errors: one line each), and exact duplicates (notices)."""

    documents: list[Document] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)


def load(
    paths: Iterable[str | Path] | str | Path,
    manifest: str | Path | None = None,
    *,
    progress: Progress | None = None,
) -> IngestResult:
    """Read every article under ``paths``; bad inputs land in ``skipped``, never raise.

    A bad manifest file raises ManifestError (the run cannot honour it); bad manifest rows are
    skipped like bad inputs. ``progress(stage, done, total)`` hears "read" (files read, of the
    files found), then the collection passes "dates" (articles looking to the collection for
    their date) and "copies" (articles compared for syndication).

    >>> result = load(["examples"], manifest="examples/manifest.csv")  # doctest: +SKIP
    >>> [(d.source.id, d.source.published_how) for d in result.documents][:1]  # doctest: +SKIP
    [('01-hws-chlorine-leak', 'dateline')]
    """
    entries, skipped = ({}, []) if manifest is None else read_manifest(manifest)
    if isinstance(paths, str | Path):
        paths = [paths]
    state = ReadState(manifest=entries, skipped=skipped)
    # Folder listings are cheap: count the files first so "read" has a total.
    files = list(discover(paths, state.skipped))
    if progress:
        progress("read", 0, len(files))
        state.on_file = lambda done: progress("read", done, len(files))
    documents: list[Document] = []
    prepared: dict[str, Dating | None] = {}
    for document in iter_documents(files, state):
        documents.append(document)
        # Dated on its own and fingerprinted while its cleanup is still cached.
        prepared[document.source.id] = date_alone(document)
        fingerprint(document)
    for resolved, entry in entries.items():
        if resolved not in state.paths:
            state.skipped.append(
                Skipped(
                    path=str(manifest),
                    reason=f"row for {entry.path} matches no input file; its date was not used",
                )
            )
    date_documents(documents, prepared=prepared, progress=progress)
    mark_syndication(documents, progress=progress)
    return IngestResult(documents=documents, skipped=state.skipped, duplicates=state.duplicates)


__all__ = ["Duplicate", "IngestResult", "load"]
