"""Hand-made mentions and documents, so claim tests do not depend on the temporal engine."""

from __future__ import annotations

from datetime import date, timedelta

from timeline.models import Document, Mention, Source


def mention(
    text: str,
    phrase: str,
    value: str,
    *,
    occurrence: int = 0,
    type: str = "DATE",
    anchor: str = "published",
    granularity: str | None = None,
) -> Mention:
    """A mention of ``phrase`` (its n-th occurrence) in ``text`` with the interval of ``value``."""
    at = -1
    for _ in range(occurrence + 1):
        at = text.index(phrase, at + 1)
    start, end, gran = interval(value)
    return Mention(
        start_char=at,
        end_char=at + len(phrase),
        text=phrase,
        type=type,
        value=value,
        start=start,
        end=end,
        granularity=granularity or gran,
        anchor=anchor,
    )


def interval(value: str) -> tuple[str | None, str | None, str | None]:
    """Interval of a few TIMEX3 shapes: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DDTEV, P..."""
    if value.startswith("P"):
        return None, None, None
    if len(value) == 4:
        y = int(value)
        return f"{y}-01-01", f"{y + 1}-01-01", "year"
    if len(value) == 7:
        y, m = map(int, value.split("-"))
        return f"{y}-{m:02d}-01", f"{y + m // 12}-{m % 12 + 1:02d}-01", "month"
    day = date.fromisoformat(value[:10])
    if value.endswith("TEV"):
        return f"{day}T18:00:00", f"{day}T21:00:00", "part_of_day"
    return day.isoformat(), (day + timedelta(days=1)).isoformat(), "day"


def document(
    text: str,
    *,
    source_id: str = "doc",
    published: str | None = "2013-04-23",
    body: list[tuple[int, int]] | None = None,
    captions: list[tuple[int, int]] | None = None,
) -> Document:
    return Document(
        source=Source(id=source_id, path=f"{source_id}.txt", published=published),
        text=text,
        body=body if body is not None else [(0, len(text))],
        captions=captions or [],
    )
