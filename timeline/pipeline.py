"""The pipeline, stage by stage: ingest -> temporal -> claims -> events -> audit.

Each stage is a plain function over the previous stage's models, so the CLI, the Python API and
the HTTP service (which runs the per-document stages once per document, and the collection
stages on every change) share one path through the code.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from timeline.audit import audit_events
from timeline.claims import extract_claims
from timeline.events import cluster_events
from timeline.ingest import load
from timeline.models import Chronology, Claim, Document, DuplicateInput, Skipped, Source
from timeline.temporal import resolve

Progress = Callable[[str, int, int], None]


def document_claims(document: Document) -> list[Claim]:
    """Per-document stages: resolve the time mentions, then extract the dated claims."""
    mentions = resolve(document.text, document.source.published)
    return extract_claims(document, mentions)


def _failed_claims(document: Document, exc: Exception) -> Skipped:
    """The one line for an article whose claims could not be found (an internal error): it
    stays in the chronology with its date, without claims."""
    source = document.source
    path = (
        source.path
        if Path(source.path).suffix.lower() != ".jsonl"
        else f"{source.path} ({source.id})"
    )
    return Skipped(
        path=path,
        reason=f"no claims: an internal error stopped finding them ({type(exc).__name__}: {exc}); "
        "the article is listed with its date only",
    )


def assemble(
    sources: list[Source],
    claims: list[Claim],
    skipped: list[Skipped] | None = None,
    *,
    duplicates: list[DuplicateInput] | None = None,
    progress: Progress | None = None,
) -> Chronology:
    """Collection stages: cluster claims into events, audit them, wrap up the chronology.

    ``progress(stage, done, total)`` hears "events" (claims clustered) and "audit".
    """
    if progress:
        progress("events", 0, len(claims))
    events = cluster_events(claims, sources, progress=progress)
    if progress:
        progress("events", len(claims), len(claims))
        progress("audit", 0, len(events))
    events = audit_events(events, sources)
    if progress:
        progress("audit", len(events), len(events))
    return Chronology(
        sources=sources,
        events=events,
        skipped=list(skipped or []),
        duplicates=list(duplicates or []),
    )


def build(
    paths: Iterable[str | Path] | str | Path,
    manifest: str | Path | None = None,
    *,
    progress: Progress | None = None,
) -> Chronology:
    """Build the sourced chronology of every article under ``paths``.

    An article whose claims cannot be found (an internal error on its text) is listed in
    ``skipped`` and kept with its date; the others go on (TIMELINE_DEBUG=1 raises instead).

    ``progress(stage, done, total)`` is called as each stage advances: "read" (files), "dates"
    and "copies" (ingest's collection passes), "claims" (per document), "events" (per claim
    clustered), "audit".

    >>> chronology = build(["examples"], manifest="examples/manifest.csv")  # doctest: +SKIP
    >>> chronology.events[0].first_reported_by  # doctest: +SKIP
    """
    if isinstance(paths, str | Path):
        paths = [paths]
    result = load(paths, manifest, progress=progress)
    claims: list[Claim] = []
    total = len(result.documents)
    if progress:
        progress("claims", 0, total)
    for n, document in enumerate(result.documents, start=1):
        try:
            claims.extend(document_claims(document))
        except Exception as exc:  # one text tripping a bug must not stop the run
            if os.environ.get("TIMELINE_DEBUG"):
                raise
            result.skipped.append(_failed_claims(document, exc))
        if progress:
            progress("claims", n, total)
    sources = [d.source for d in result.documents]
    duplicates = [
        DuplicateInput(path=d.path, duplicate_of=d.duplicate_of) for d in result.duplicates
    ]
    return assemble(sources, claims, result.skipped, duplicates=duplicates, progress=progress)
