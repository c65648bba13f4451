"""Events: claims from all sources grouped by the happening they describe (skeleton)."""

from __future__ import annotations

from collections import defaultdict

from timeline.models import GRANULARITY_ORDER, Claim, Event, Source


def cluster_events(claims: list[Claim], sources: list[Source]) -> list[Event]:
    """Group claims into events (skeleton: same resolved value = same event)."""
    groups: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        groups[claim.value].append(claim)
    events = []
    for value, members in groups.items():
        first = members[0]
        events.append(
            Event(
                id="",
                label=first.text[:80],
                value=value,
                start=first.start,
                end=first.end,
                granularity=first.granularity,
                claims=members,
            )
        )
    events.sort(
        key=lambda e: (e.start or "9999", GRANULARITY_ORDER.get(e.granularity or "day", 99))
    )
    for n, event in enumerate(events, start=1):
        event.id = f"E{n:04d}"
    return events
