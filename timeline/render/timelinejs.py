"""timelinejs.json: the chronology in the TimelineJS3 JSON format, ready for a TimelineJS embed.

One slide per dated event: ``start_date``/``end_date`` carry only the precision the event
has (a year is ``{"year": 2011}``, a season ``{"year", "month"}`` to ``{"year", "month"}``, a
day ``{"year", "month", "day"}``), ``display_date`` says it in words (and lists competing
dates when sources disagree), ``group`` is the first reporter, ``unique_id`` the event id.
TimelineJS renders ``text`` fields, group labels and display dates as HTML (innerHTML), so every
article string is HTML-escaped here.
Events without a usable date cannot be placed on a TimelineJS axis and are left out (the
title slide says how many).
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from html import escape
from typing import Any

from timeline.models import GRANULARITY_ORDER, Chronology, Event, Source
from timeline.render.describe import (
    describe_competing,
    describe_event_date,
    display_names,
    name_list,
    parse_when,
    precision_words,
    truncate,
)

_MAX_QUOTES = 4
_UNITS = ("year", "month", "day", "hour", "minute", "second")


def _precision(granularity: str | None) -> int:
    """How many of year/month/day/hour/minute/second a granularity pins down."""
    rank = GRANULARITY_ORDER.get(granularity or "", GRANULARITY_ORDER["day"])
    if rank >= GRANULARITY_ORDER["year"]:
        return 1
    if rank >= GRANULARITY_ORDER["month"]:
        return 2
    if rank >= GRANULARITY_ORDER["part_of_day"]:
        return 3 if rank >= GRANULARITY_ORDER["day"] else 4
    return {"hour": 4, "minute": 5}.get(granularity or "", 6)


def date_object(when: datetime, precision: int) -> dict[str, int]:
    """A TimelineJS date object holding the first ``precision`` units of ``when``.

    >>> date_object(datetime(2013, 4, 15, 18), 3)
    {'year': 2013, 'month': 4, 'day': 15}
    """
    return {unit: getattr(when, unit) for unit in _UNITS[:precision]}


def _last_unit(end: datetime, precision: int) -> datetime:
    """The last unit inside a half-open interval ending at ``end`` (exclusive)."""
    if precision == 1:
        return end.replace(year=end.year - 1) if (end.month, end.day) == (1, 1) else end
    if precision == 2:
        return end - timedelta(days=1)
    step = {3: timedelta(days=1), 4: timedelta(hours=1), 5: timedelta(minutes=1)}
    return end - step.get(precision, timedelta(seconds=1))


def _slide_text(event: Event, sources: dict[str, Source], names: dict[str, str]) -> str:
    parts = [f"<p><b>When:</b> {escape(describe_event_date(event))}"]
    parts.append(
        f" <small>({escape(precision_words(event.granularity))}; TIMEX3 "
        f"{escape(event.value)})</small></p>"
    )
    if event.conflict and event.competing:
        rows = []
        for competing in event.competing:
            who = name_list(competing.source_ids, names)
            words = describe_competing(event, competing)
            rows.append(f"<li>{escape(words)}: {escape(who)}</li>")
        parts.append(f"<p><b>⚠ Sources disagree:</b></p><ul>{''.join(rows)}</ul>")
    if event.first_reported_by:
        first = sources.get(event.first_reported_by)
        when = first.published[:10] if first and first.published else "date unknown"
        parts.append(
            f"<p><b>First reported by:</b> {escape(names.get(event.first_reported_by, event.first_reported_by))}"
            f" ({escape(when)})</p>"
        )
    for claim in event.claims[:_MAX_QUOTES]:
        source = sources.get(claim.source_id)
        when = source.published[:10] if source and source.published else "date unknown"
        said = f", {claim.attribution}" if claim.attribution else ""
        parts.append(
            f"<blockquote>{escape(truncate(claim.text, 400))}</blockquote>"
            f"<p><small>— {escape(names.get(claim.source_id, claim.source_id) + said)}, "
            f"{escape(when)}; written “{escape(claim.mention)}”</small></p>"
        )
    if len(event.claims) > _MAX_QUOTES:
        parts.append(f"<p><small>+ {len(event.claims) - _MAX_QUOTES} more quotes</small></p>")
    return "".join(parts)


def timelinejs_dict(chronology: Chronology, *, title: str | None = None) -> dict[str, Any]:
    """The TimelineJS3 data object (``title``, ``events``, ``eras``, ``scale``).

    >>> timelinejs_dict(Chronology())["events"]
    []
    """
    sources = {s.id: s for s in chronology.sources}
    names = display_names(chronology.sources)
    slides: list[dict[str, Any]] = []
    left_out = 0
    for event in chronology.events:
        start = parse_when(event.start)
        if start is None:
            left_out += 1
            continue
        precision = _precision(event.granularity)
        slide: dict[str, Any] = {
            "unique_id": event.id,
            "start_date": date_object(start, precision),
            "text": {
                "headline": escape(truncate(event.label, 110)),
                "text": _slide_text(event, sources, names),
            },
            # TimelineJS sets group labels and display dates with innerHTML too.
            "group": escape(names.get(event.first_reported_by or "", "First reporter unknown")),
            "display_date": escape(describe_event_date(event)),
            "autolink": False,
        }
        end = parse_when(event.end)
        if end is not None and end > start:
            last = _last_unit(end, precision)
            if date_object(last, precision) != slide["start_date"] and last > start:
                slide["end_date"] = date_object(last, precision)
        if event.conflict:
            slide["background"] = {"color": "#fff4f4"}
        slides.append(slide)

    n_conflicts = sum(e.conflict for e in chronology.events)
    summary = (
        f"{len(chronology.sources)} sources, {len(chronology.events)} events, "
        f"{n_conflicts} where sources disagree."
    )
    if left_out:
        summary += f" {left_out} event(s) without a usable date are not shown."
    data: dict[str, Any] = {
        "title": {
            "text": {
                "headline": escape(title or "Timeline of claims"),
                "text": f"<p>{escape(summary)}</p>",
            }
        },
        "events": slides,
        "scale": "human",
    }
    published = sorted(d for d in (parse_when(s.published) for s in chronology.sources) if d)
    if len(published) > 1 and published[0].date() != published[-1].date():
        data["eras"] = [
            {
                "start_date": date_object(published[0], 3),
                "end_date": date_object(published[-1], 3),
                "text": {"headline": "Reporting period"},
            }
        ]
    return data


def timelinejs_json(chronology: Chronology, *, title: str | None = None) -> str:
    """timelinejs.json: the chronology as TimelineJS3 JSON (drop it into a TimelineJS embed).

    >>> json.loads(timelinejs_json(Chronology()))["scale"]
    'human'
    """
    return json.dumps(timelinejs_dict(chronology, title=title), ensure_ascii=False, indent=2) + "\n"
