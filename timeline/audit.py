"""Audit: first reporter of each event, reporting lag, independent sources, copies."""

from __future__ import annotations

from datetime import date

from timeline.models import AuditRow, Event, Source


def audit_events(events: list[Event], sources: list[Source]) -> list[Event]:
    """Fill first_reported_by / first_reported_at / lag_days / independent_sources / copies."""
    by_id = {s.id: s for s in sources}
    for event in events:
        ids = sorted({c.source_id for c in event.claims})
        dated = sorted((by_id[i].published, i) for i in ids if by_id[i].published)
        if dated:
            event.first_reported_at, event.first_reported_by = dated[0]
            if event.start:
                event.lag_days = float(
                    (
                        date.fromisoformat(dated[0][0][:10]) - date.fromisoformat(event.start[:10])
                    ).days
                )
        copies = [i for i in ids if by_id[i].syndicated_from]
        event.copies = copies
        event.independent_sources = len(ids) - len(copies)
    return events


def audit_rows(events: list[Event]) -> list[AuditRow]:
    return [
        AuditRow(
            event_id=e.id,
            label=e.label,
            event_start=e.start,
            event_end=e.end,
            granularity=e.granularity,
            first_reported_by=e.first_reported_by,
            first_published=e.first_reported_at,
            lag_days=e.lag_days,
            independent_sources=e.independent_sources,
            copies=len(e.copies),
            conflict=e.conflict,
        )
        for e in events
    ]
