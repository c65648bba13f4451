"""Events: claims from all sources grouped by the happening they describe.

``cluster_events(claims, sources)`` vectorizes the claims (:mod:`.features`), clusters them
blocked by time (:mod:`.cluster`), dates each event from its agreeing claims and flags the
events whose sources disagree (:mod:`.conflicts`), labels them (:mod:`.labels`), and returns
them in chronological order: by start, then finer granularity first, ids ``E0001``, ``E0002``...
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from timeline.events.cluster import Clusterer, Item, publication_day
from timeline.events.conflicts import resolve_date
from timeline.events.features import vectorize
from timeline.events.labels import label
from timeline.events.timeaxis import parse, span_of
from timeline.models import GRANULARITY_ORDER, Claim, Event, Source

_WEEK_RANK = GRANULARITY_ORDER["week"]

Progress = Callable[[str, int, int], None]


def cluster_events(
    claims: list[Claim], sources: list[Source], *, progress: Progress | None = None
) -> list[Event]:
    """Group claims into events, date them, flag conflicts, order them chronologically.

    >>> from timeline.models import Claim, Source
    >>> c = Claim(source_id="a", text="The plant opened in 2008.", mention="2008",
    ...           start_char=0, end_char=25, mention_start=20, mention_end=24, value="2008",
    ...           start="2008-01-01", end="2009-01-01", granularity="year")
    >>> [(e.id, e.value, e.label) for e in cluster_events([c], [Source(id="a", path="a.txt")])]
    [('E0001', '2008', 'The plant opened')]
    """
    by_id = {s.id: s for s in sources}
    roots = _roots(sources)
    claims = copies_dated_as_originals(claims, roots)
    usable = [c for c in claims if span_of(c) is not None]
    if not usable:
        return []
    matrix, near_frames, frame_columns = vectorize(usable)
    items = []
    for n, claim in enumerate(usable):
        source = by_id.get(claim.source_id)
        published = parse(source.published) if source else None
        span = span_of(claim)
        assert span is not None
        items.append(
            Item(
                n,
                span,
                claim.source_id,
                claim.value,
                publication_day(published),
                claim.caption,
                *near_frames[n],
                counted_back=claim.anchor == "published" and span.rank >= _WEEK_RANK,
            )
        )
    clusterer = Clusterer(matrix, frame_columns)
    total = len(items)
    order = sorted(items, key=lambda it: (it.span.rank, it.span.start, it.source, it.index))
    for done, item in enumerate(order, start=1):
        clusterer.add(item)
        if progress and (done % 500 == 0 or done == total):
            progress("events", done, total)
    clusterer.merge()
    events = []
    for group in clusterer.groups:
        # Centrality of each member: its similarity to the event's centroid (for the label).
        norm = float(np.sqrt(group.norm2)) or 1.0
        central = [
            sum(w * group.centroid.get(f, 0.0) for f, w in clusterer.features(i).items()) / norm
            for i in group.members
        ]
        events.append(_event([usable[i] for i in group.members], central, roots))
    events.sort(key=_chronology_key)
    for n, event in enumerate(events, start=1):
        event.id = f"E{n:04d}"
    return events


def copies_dated_as_originals(claims: list[Claim], roots: dict[str, str]) -> list[Claim]:
    """A syndicated copy repeats its original's words, and "Tuesday evening" in them means
    what it meant on the day the original was written: a copy's claim that the original makes
    too takes the original's date (the copy's later publication would shift it a week).

    >>> from timeline.models import Claim
    >>> def c(src, v):
    ...     return Claim(source_id=src, text="They left Tuesday.", mention="Tuesday",
    ...                  start_char=0, end_char=18, mention_start=10, mention_end=17, value=v,
    ...                  start=v, end=v[:-1] + str(int(v[-1]) + 1))
    >>> [x.value for x in copies_dated_as_originals([c("orig", "2023-10-10"),
    ...                                             c("copy", "2023-10-17")], {"copy": "orig"})]
    ['2023-10-10', '2023-10-10']
    """
    if all(roots.get(c.source_id, c.source_id) == c.source_id for c in claims):
        return claims
    original: dict[tuple[str, str, str], Claim] = {}
    for c in claims:
        if roots.get(c.source_id, c.source_id) == c.source_id:
            original.setdefault((c.source_id, " ".join(c.text.split()), c.mention), c)
    out = []
    for c in claims:
        root = roots.get(c.source_id, c.source_id)
        same = (
            original.get((root, " ".join(c.text.split()), c.mention))
            if root != c.source_id
            else None
        )
        if same is not None and (same.start, same.end) != (c.start, c.end):
            c = c.model_copy(
                update={
                    "value": same.value,
                    "start": same.start,
                    "end": same.end,
                    "granularity": same.granularity,
                    "anchor": same.anchor,
                }
            )
        out.append(c)
    return out


def _event(claims: list[Claim], central: list[float], roots: dict[str, str]) -> Event:
    pairs = sorted(
        zip(claims, central, strict=True),
        key=lambda p: (p[0].source_id, p[0].start_char, p[0].mention_start),
    )
    claims = [c for c, _ in pairs]
    dated, conflict, competing = resolve_date(claims, roots)
    return Event(
        id="",
        label=label(claims, [score for _, score in pairs]),
        value=dated.value,
        start=dated.start,
        end=dated.end,
        granularity=dated.granularity,
        conflict=conflict,
        competing=competing,
        claims=claims,
    )


def _chronology_key(event: Event) -> tuple:
    start = parse(event.start)
    return (
        start.isoformat() if start else "9999",
        GRANULARITY_ORDER.get(event.granularity or "day", 99),
        event.label,
    )


def _roots(sources: list[Source]) -> dict[str, str]:
    """Each source's original: follow syndicated_from within the collection."""
    by_id = {s.id: s for s in sources}
    roots: dict[str, str] = {}
    for s in sources:
        current, seen = s, {s.id}
        while current.syndicated_from and current.syndicated_from in by_id:
            if current.syndicated_from in seen:
                break
            seen.add(current.syndicated_from)
            current = by_id[current.syndicated_from]
        roots[s.id] = current.id
    return roots


__all__ = ["cluster_events"]
