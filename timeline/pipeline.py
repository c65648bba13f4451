"""The pipeline, stage by stage: ingest -> temporal -> claims -> events -> audit."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from timeline.audit import audit_events
from timeline.claims import extract_claims
from timeline.events import cluster_events
from timeline.ingest import load
from timeline.models import Chronology
from timeline.temporal import resolve

Progress = Callable[[str, int, int], None]


def build(
    paths: Iterable[str | Path] | str | Path,
    manifest: str | Path | None = None,
    *,
    progress: Progress | None = None,
) -> Chronology:
    """Build the sourced chronology of every article under ``paths``.

    >>> chronology = build(["examples"], manifest="examples/manifest.csv")  # doctest: +SKIP
    >>> chronology.events[0].first_reported_by  # doctest: +SKIP
    """
    if isinstance(paths, str | Path):
        paths = [paths]
    result = load(paths, manifest)
    claims = []
    total = len(result.documents)
    for n, document in enumerate(result.documents, start=1):
        mentions = resolve(document.text, document.source.published)
        claims.extend(extract_claims(document, mentions))
        if progress:
            progress("resolve", n, total)
    sources = [d.source for d in result.documents]
    events = audit_events(cluster_events(claims), sources)
    return Chronology(sources=sources, events=events, skipped=result.skipped)
