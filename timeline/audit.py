"""Audit: who reported each event first, how late, how many independent sources, which copies.

* First reporter: the earliest publication among the sources with a claim in the event. A
  syndicated copy credits its original when the original is in the collection and carries the
  claim too (the copy's own date may be earlier than the original's, through misdating). A
  date-only publication sorts before a timed one of the same day (it may be any hour: we do
  not pretend to know otherwise), then by source id, so ties are stable.
* Lag: first publication minus event start, in days (fractional when times are known).
* Independent sources: distinct originals among the sources (copies do not confirm anything).
  Copies: the carriers that repeat another carrier (a copy whose original is in the event, or
  a second copy of the same original); a copy that alone carries the claim is not counted
  twice (once as the voice of its original, once as a copy).
"""

from __future__ import annotations

from timeline.events.timeaxis import parse
from timeline.models import AuditRow, Event, Source


def audit_events(events: list[Event], sources: list[Source]) -> list[Event]:
    """Fill first_reported_by/_at, lag_days, independent_sources and copies of each event.

    >>> from timeline.models import Claim, Event, Source
    >>> claim = lambda s: Claim(source_id=s, text="x", mention="x", start_char=0, end_char=1,
    ...                         mention_start=0, mention_end=1, value="2013-04-15")
    >>> event = Event(id="E0001", label="x", value="2013-04-15", start="2013-04-15",
    ...               end="2013-04-16", claims=[claim("copy"), claim("orig")])
    >>> sources = [Source(id="orig", path="a", published="2013-04-16"),
    ...            Source(id="copy", path="b", published="2013-04-17", syndicated_from="orig")]
    >>> e = audit_events([event], sources)[0]
    >>> (e.first_reported_by, e.lag_days, e.independent_sources, e.copies)
    ('orig', 1.0, 1, ['copy'])
    """
    by_id = {s.id: s for s in sources}
    for event in events:
        ids = sorted({c.source_id for c in event.claims})
        carriers = set(ids)
        credited = set()
        for source_id in ids:
            original = _original(source_id, by_id)
            # A copy credits its original only when the original carries the claim too.
            credited.add(original if original in carriers else source_id)
        first = _earliest(sorted(credited), by_id)
        event.first_reported_by = first
        published = by_id[first].published if first in by_id else None
        event.first_reported_at = published
        event.lag_days = _lag(published, event.start)
        # A copy repeats another carrier only when its original (or a copy of the same
        # original) carries the claim too; a copy alone in carrying it is that one voice.
        voices: dict[str, str] = {}
        for source_id in ids:
            root = _root(source_id, by_id)
            if root in carriers:
                voices[root] = root
            else:
                voices.setdefault(root, source_id)
        event.copies = [i for i in ids if i not in voices.values()]
        event.independent_sources = len(voices)
    return events


def audit_rows(events: list[Event], sources: list[Source] | None = None) -> list[AuditRow]:
    """One audit.csv row per event, in chronological order; with ``sources``, the first
    reporter is also named (outlet, else title), not only identified.

    >>> from timeline.models import Event
    >>> audit_rows([Event(id="E0001", label="Leak", value="2023-10-09")])[0].event_id
    'E0001'
    """
    by_id = {s.id: s for s in sources or []}

    def name(source_id: str | None) -> str | None:
        source = by_id.get(source_id or "")
        return (source.outlet or source.title) if source else None

    return [
        AuditRow(
            event_id=e.id,
            label=e.label,
            event_start=e.start,
            event_end=e.end,
            granularity=e.granularity,
            first_reported_by=e.first_reported_by,
            first_reported_name=name(e.first_reported_by),
            first_published=e.first_reported_at,
            lag_days=e.lag_days,
            independent_sources=e.independent_sources,
            copies=len(e.copies),
            conflict=e.conflict,
        )
        for e in events
    ]


def _original(source_id: str, by_id: dict[str, Source]) -> str:
    source = by_id.get(source_id)
    if source is None or not source.syndicated_from:
        return source_id
    return source.syndicated_from


def _root(source_id: str, by_id: dict[str, Source]) -> str:
    seen = {source_id}
    current = source_id
    while (s := by_id.get(current)) is not None and s.syndicated_from in by_id:
        nxt = s.syndicated_from
        if nxt in seen:
            break
        seen.add(nxt)
        current = nxt
    return current


def _earliest(ids: list[str], by_id: dict[str, Source]) -> str | None:
    """The earliest-published id; undated sources only when none is dated."""
    if not ids:
        return None
    dated = []
    for i in ids:
        moment = parse(by_id[i].published) if i in by_id else None
        if moment is not None:
            has_time = "T" in (by_id[i].published or "")
            dated.append((moment.date(), has_time, moment, i))
    if dated:
        return min(dated)[3]
    return ids[0] if len(ids) == 1 else None


def _lag(published: str | None, start: str | None) -> float | None:
    first, begin = parse(published), parse(start)
    if first is None or begin is None:
        return None
    return round((first - begin).total_seconds() / 86400, 2)
