"""Placeholder engine (walking skeleton): absolute dates, years and weekdays only.

Replaced by the rules-as-data grammar of issue 3.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from timeline.models import Mention

_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_PATTERN = re.compile(
    r"\b(?P<month>"
    + "|".join(m.title() for m in _MONTHS)
    + r")\s+(?P<day>\d{1,2})(?:,\s*(?P<year>\d{4}))?\b"
    r"|\b(?P<weekday>" + "|".join(d.title() for d in _DAYS) + r")\b"
    r"|(?<![\d$,.])(?P<bare_year>(?:19|20)\d\d)(?![\d%])"
)


def annotate(text: str, published: datetime | None) -> list[Mention]:
    mentions: list[Mention] = []
    for m in _PATTERN.finditer(text):
        if m.group("month"):
            month = _MONTHS.index(m.group("month").lower()) + 1
            year = (
                int(m.group("year")) if m.group("year") else (published.year if published else None)
            )
            if year is None:
                continue
            try:
                day = date(year, month, int(m.group("day")))
            except ValueError:
                continue
            anchor = "absolute" if m.group("year") else "published"
            mentions.append(_day(m, day, anchor))
        elif m.group("weekday") and published:
            wanted = _DAYS.index(m.group("weekday").lower())
            back = (published.weekday() - wanted) % 7 or 7
            mentions.append(_day(m, published.date() - timedelta(days=back), "published"))
        elif m.group("bare_year"):
            y = int(m.group("bare_year"))
            mentions.append(
                Mention(
                    start_char=m.start(),
                    end_char=m.end(),
                    text=m.group(0),
                    type="DATE",
                    value=str(y),
                    start=f"{y:04d}-01-01",
                    end=f"{y + 1:04d}-01-01",
                    granularity="year",
                    anchor="absolute",
                    rule="year",
                )
            )
    return mentions


def _day(m: re.Match[str], day: date, anchor: str) -> Mention:
    return Mention(
        start_char=m.start(),
        end_char=m.end(),
        text=m.group(0),
        type="DATE",
        value=day.isoformat(),
        start=day.isoformat(),
        end=(day + timedelta(days=1)).isoformat(),
        granularity="day",
        anchor=anchor,
        rule="skeleton",
    )
