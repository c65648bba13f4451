"""Claim intervals on one time axis: parsing, day-level compatibility, gaps, publication days.

Intervals are the models' half-open ISO strings. Sources disagree about the hour far more
often than about the day ("Friday evening" / "Friday night"), so compatibility is judged on
whole days: a finer interval is widened to the days it touches before two are compared.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from timeline.dates import moment_of
from timeline.models import GRANULARITY_ORDER, Claim

DAY = timedelta(days=1)
_DAY_RANK = GRANULARITY_ORDER["day"]


def parse(value: str | None) -> datetime | None:
    """An ISO date or date-time as a naive datetime (the zone is dropped: days matter here).

    >>> parse("2013-04-23T06:39:00-04:00")
    datetime.datetime(2013, 4, 23, 6, 39)
    """
    moment = moment_of(value)
    return None if moment is None else moment.replace(tzinfo=None)


@dataclass(frozen=True)
class Span:
    """A claim's interval: exact bounds, and the whole days it touches (for comparisons)."""

    start: datetime
    end: datetime
    rank: int  # granularity rank, finest 0
    days: tuple[datetime, datetime] = field(init=False, repr=False, compare=False)
    length: timedelta = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        start = datetime(self.start.year, self.start.month, self.start.day)
        end = datetime(self.end.year, self.end.month, self.end.day)
        if end < self.end or end <= start:
            end += DAY
        # Computed once: comparisons run many times per claim.
        object.__setattr__(self, "days", (start, end))
        object.__setattr__(self, "length", end - start)


def span_of(claim: Claim) -> Span | None:
    """The claim's interval, or None when it has none.

    >>> from timeline.models import Claim
    >>> c = Claim(source_id="a", text="x", mention="x", start_char=0, end_char=1, mention_start=0,
    ...           mention_end=1, value="2013-W16", start="2013-04-15", end="2013-04-22",
    ...           granularity="week")
    >>> span_of(c).length.days
    7
    """
    start, end = parse(claim.start), parse(claim.end)
    if start is None or end is None or end <= start:
        return None
    return Span(start, end, GRANULARITY_ORDER.get(claim.granularity or "day", _DAY_RANK))


def compatible(a: Span, b: Span) -> bool:
    """True when the two intervals share a day (so "April" and "April 19" agree).

    >>> from datetime import datetime as d
    >>> compatible(Span(d(2013, 4, 1), d(2013, 5, 1), 7), Span(d(2013, 4, 19), d(2013, 4, 20), 4))
    True
    """
    (a0, a1), (b0, b1) = a.days, b.days
    return a0 < b1 and b0 < a1


def gap(a: Span, b: Span) -> timedelta:
    """Time between two day-widened intervals (zero when they share a day).

    >>> from datetime import datetime as d
    >>> gap(Span(d(2013, 4, 19), d(2013, 4, 20), 4), Span(d(2013, 4, 22), d(2013, 4, 23), 4)).days
    2
    """
    (a0, a1), (b0, b1) = a.days, b.days
    return max(b0 - a1, a0 - b1, timedelta(0))


def conflict_window(a: Span, b: Span) -> timedelta:
    """How far apart two dates of one happening may be and still be a disagreement, not two
    happenings: a day between two days (Oct. 8 against Oct. 9 or 10), half the longer interval
    for coarser ones ("last week" against the Friday before it; 2011 against 2012, but not
    2011 against fall 2012).

    >>> from datetime import datetime as d
    >>> conflict_window(Span(d(2013, 4, 15), d(2013, 4, 22), 6), Span(d(2013, 4, 26), d(2013, 4, 27), 4)).days
    3
    """
    return max(DAY, min(a.length, b.length), max(a.length, b.length) / 2)


def day(moment: datetime) -> datetime:
    """Midnight of the day of ``moment``."""
    return moment.replace(hour=0, minute=0, second=0, microsecond=0)


def month_index(moment: datetime) -> int:
    """Months since year 0: the key of the time blocks."""
    return moment.year * 12 + moment.month - 1
