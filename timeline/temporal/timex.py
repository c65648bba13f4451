"""TIMEX3 values <-> half-open intervals, and calendar arithmetic on them.

A *concrete* TIMEX3 value names one stretch of time (``2013``, ``2013-04``, ``2013-W16``,
``2013-W16-WE``, ``2013-Q2``, ``2013-H1``, ``2012-FA``, ``199`` (the 1990s), ``19`` (the 1900s),
``2013-04-19``, ``2013-04-19TEV``, ``2013-04-19T18:30``). :func:`interval` turns it into
``(start, end, granularity)`` with ``end`` exclusive; :func:`value_at` goes the other way, from an
instant and a granularity to the value of the period containing it; :func:`shift` moves a value by
a number of calendar units. Values with ``X`` placeholders, durations (``P6M``) and the
``*_REF`` tokens are not intervals: :func:`interval` returns ``None`` for them.

Conventions: weeks are ISO weeks (Monday to Monday); the weekend is [Saturday, Monday);
seasons are meteorological, northern hemisphere (SP Mar-May, SU Jun-Aug, FA Sep-Nov,
WI Dec-Feb, ``2012-WI`` starting 2012-12-01); parts of day use :data:`PART_OF_DAY_HOURS`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from timeline.models import GRANULARITY_ORDER

# Hours [start, end) of each TIMEX3 part of day; an end above 24 runs into the next day.
PART_OF_DAY_HOURS: dict[str, tuple[int, int]] = {
    "MO": (6, 12),
    "MI": (12, 13),
    "AF": (12, 18),
    "DT": (8, 18),
    "EV": (18, 21),
    "NI": (21, 30),
}
# First month of each season (WI starts in December of the value's year).
SEASON_START: dict[str, int] = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

_VALUE = re.compile(
    r"""^(?:
      (?P<millennium>\d)$
    | (?P<century>\d\d)$
    | (?P<decade>\d{3})$
    | (?P<year>\d{4})
      (?:-(?:
          Q(?P<quarter>[1-4])
        | H(?P<half>[12])
        | (?P<season>SP|SU|FA|WI)
        | W(?P<week>\d\d)(?P<weekend>-WE)?
        | (?P<month>\d\d)(?:-(?P<day>\d\d)
            (?:T(?:(?P<pod>MO|MI|AF|EV|NI|DT)
                 |(?P<hour>\d\d)(?::(?P<minute>\d\d)(?::(?P<second>\d\d))?)?))?)?
      ))?$
    )""",
    re.VERBOSE,
)


@dataclass(frozen=True)
class Interval:
    """A half-open stretch of time ``[start, end)`` with the granularity of the value it came from."""

    start: datetime
    end: datetime
    granularity: str

    def iso(self) -> tuple[str, str]:
        """ISO strings as the models want them: plain dates for day granularity or coarser.

        >>> interval("2013-04-19TEV").iso()
        ('2013-04-19T18:00:00', '2013-04-19T21:00:00')
        """
        if (
            _coarse(self.granularity)
            and self.start.time() == self.end.time() == datetime.min.time()
        ):
            return self.start.date().isoformat(), self.end.date().isoformat()
        return self.start.isoformat(), self.end.isoformat()


_FINE = {"second", "minute", "hour", "part_of_day"}


def _coarse(granularity: str) -> bool:
    return granularity not in _FINE


def _dt(y: int, m: int = 1, d: int = 1) -> datetime:
    return datetime(y, m, d)


def _add_months(y: int, m: int, months: int) -> tuple[int, int]:
    index = y * 12 + (m - 1) + months
    return index // 12, index % 12 + 1


def _month_start(y: int, m: int, months: int = 0) -> datetime:
    y, m = _add_months(y, m, months)
    return _dt(y, m)


@lru_cache(maxsize=8192)
def interval(value: str | None) -> Interval | None:
    """The interval a concrete TIMEX3 value names, or ``None`` (placeholders, durations, refs).

    >>> i = interval("2012-WI"); (i.start.date().isoformat(), i.end.date().isoformat(), i.granularity)
    ('2012-12-01', '2013-03-01', 'season')
    """
    if not value:
        return None
    m = _VALUE.match(value)
    if not m:
        return None
    g = m.groupdict()
    try:
        if g["millennium"]:
            y = int(g["millennium"]) * 1000
            return Interval(_dt(y), _dt(y + 1000), "millennium")
        if g["century"]:
            y = int(g["century"]) * 100
            return Interval(_dt(y), _dt(y + 100), "century")
        if g["decade"]:
            y = int(g["decade"]) * 10
            return Interval(_dt(max(y, 1)), _dt(y + 10), "decade")
        y = int(g["year"])
        if y == 0:
            return None
        if g["quarter"]:
            q = int(g["quarter"])
            return Interval(_month_start(y, 3 * q - 2), _month_start(y, 3 * q - 2, 3), "quarter")
        if g["half"]:
            h = int(g["half"])
            return Interval(_month_start(y, 6 * h - 5), _month_start(y, 6 * h - 5, 6), "half_year")
        if g["season"]:
            first = SEASON_START[g["season"]]
            return Interval(_month_start(y, first), _month_start(y, first, 3), "season")
        if g["week"]:
            monday = datetime.fromisocalendar(y, int(g["week"]), 1)
            if g["weekend"]:
                return Interval(monday + timedelta(days=5), monday + timedelta(days=7), "weekend")
            return Interval(monday, monday + timedelta(days=7), "week")
        if not g["month"]:
            return Interval(_dt(y), _dt(y + 1), "year")
        mo = int(g["month"])
        if not g["day"]:
            return Interval(_month_start(y, mo), _month_start(y, mo, 1), "month")
        day = _dt(y, mo, int(g["day"]))
        if g["pod"]:
            first, last = PART_OF_DAY_HOURS[g["pod"]]
            return Interval(
                day + timedelta(hours=first), day + timedelta(hours=last), "part_of_day"
            )
        if g["hour"] is None:
            return Interval(day, day + timedelta(days=1), "day")
        start = day + timedelta(hours=int(g["hour"]))
        if g["minute"] is None:
            return Interval(start, start + timedelta(hours=1), "hour")
        start += timedelta(minutes=int(g["minute"]))
        if g["second"] is None:
            return Interval(start, start + timedelta(minutes=1), "minute")
        start += timedelta(seconds=int(g["second"]))
        return Interval(start, start + timedelta(seconds=1), "second")
    except ValueError:  # 2013-02-30, week 54, hour 25 ...
        return None


def value_at(moment: datetime, granularity: str) -> str:
    """The TIMEX3 value of the period of ``granularity`` that contains ``moment``.

    >>> value_at(datetime(2013, 4, 23), "week"), value_at(datetime(2013, 1, 5), "season")
    ('2013-W17', '2012-WI')
    """
    y, m = moment.year, moment.month
    if granularity == "millennium":
        return f"{y // 1000}"
    if granularity == "century":
        return f"{y // 100:02d}"
    if granularity == "decade":
        return f"{y // 10:03d}"
    if granularity == "year":
        return f"{y:04d}"
    if granularity == "half_year":
        return f"{y:04d}-H{1 if m <= 6 else 2}"
    if granularity == "quarter":
        return f"{y:04d}-Q{(m - 1) // 3 + 1}"
    if granularity == "season":
        if m == 12:
            return f"{y:04d}-WI"
        if m <= 2:
            return f"{y - 1:04d}-WI"
        return f"{y:04d}-{('SP', 'SU', 'FA')[(m - 3) // 3]}"
    if granularity == "month":
        return f"{y:04d}-{m:02d}"
    if granularity in ("week", "weekend"):
        iy, iw, _ = moment.isocalendar()
        return f"{iy:04d}-W{iw:02d}" + ("-WE" if granularity == "weekend" else "")
    day = moment.date().isoformat()
    if granularity == "day":
        return day
    if granularity == "part_of_day":
        for pod in ("MO", "AF", "EV"):
            first, last = PART_OF_DAY_HOURS[pod]
            if first <= moment.hour < last:
                return f"{day}T{pod}"
        return f"{day}TNI"
    if granularity == "hour":
        return f"{day}T{moment.hour:02d}"
    if granularity == "minute":
        return f"{day}T{moment.hour:02d}:{moment.minute:02d}"
    return f"{day}T{moment.hour:02d}:{moment.minute:02d}:{moment.second:02d}"


# Calendar units a relative expression can move by, as (months, days, seconds).
UNIT_STEP: dict[str, tuple[int, int, int]] = {
    "millennium": (12000, 0, 0),
    "century": (1200, 0, 0),
    "decade": (120, 0, 0),
    "year": (12, 0, 0),
    "half_year": (6, 0, 0),
    "quarter": (3, 0, 0),
    "season": (3, 0, 0),
    "month": (1, 0, 0),
    "week": (0, 7, 0),
    "weekend": (0, 7, 0),
    "day": (0, 1, 0),
    "part_of_day": (0, 1, 0),
    "hour": (0, 0, 3600),
    "minute": (0, 0, 60),
    "second": (0, 0, 1),
}


def move(moment: datetime, unit: str, n: int) -> datetime:
    """``moment`` moved by ``n`` calendar units (months clamp to the month's last day).

    >>> move(datetime(2013, 3, 31), "month", -1)
    datetime.datetime(2013, 2, 28, 0, 0)
    """
    months, days, seconds = UNIT_STEP[unit]
    if months:
        y, m = _add_months(moment.year, moment.month, months * n)
        last = (_month_start(y, m, 1) - timedelta(days=1)).day
        return moment.replace(year=y, month=m, day=min(moment.day, last))
    return moment + timedelta(days=days * n, seconds=seconds * n)


def shift(value: str, unit: str, n: int, granularity: str | None = None) -> str | None:
    """Move a concrete value by ``n`` units; the result keeps the value's granularity unless given.

    >>> shift("2013-Q2", "year", -1), shift("1999", "year", 3), shift("2013-04-19TEV", "day", 1)
    ('2012-Q2', '2002', '2013-04-20TEV')
    """
    span = interval(value)
    if span is None:
        return None
    target = granularity or span.granularity
    moved = move(span.start, unit, n)
    if target == "part_of_day" and span.granularity == "part_of_day":
        return value_at(moved, "day") + value[10:]
    if target == "weekend":
        return value_at(moved, "week") + "-WE"
    return value_at(moved, target)


GRANULARITY_RANK = GRANULARITY_ORDER  # finest (0) -> coarsest


def granularity_of(value: str) -> str | None:
    """Granularity of a value, concrete or with ``X`` placeholders.

    >>> granularity_of("XXXX-WXX-2"), granularity_of("2013-04")
    ('day', 'month')
    """
    span = interval(value)
    if span is not None:
        return span.granularity
    probe = value.replace("XXXX", "2000").replace("WXX-", "W01-").replace("WXX", "W01")
    probe = probe.replace("-XX", "-01")
    if "W01-" in probe and "-WE" not in probe:
        probe = "2000-01-03" + probe[probe.index("W01-") + 5 :]
    span = interval(probe)
    return span.granularity if span else None


def to_date(moment: datetime | date) -> date:
    """The calendar day of a date or datetime."""
    return moment.date() if isinstance(moment, datetime) else moment


# --- well-formedness -----------------------------------------------------------------------

#: The TIMEX3 reference tokens (point values with no interval).
REF_VALUES = frozenset({"PAST_REF", "PRESENT_REF", "FUTURE_REF"})

_POINT_VALUE = re.compile(
    r"""^(?:
      (?P<millennium>\d)
    | (?P<century>[\dX]{2})
    | (?P<decade>[\dX]{3})
    | (?P<year>[\dX]{4})
      (?:-(?:
          Q[1-4X]
        | H[12X]
        | (?:SP|SU|FA|WI)
        | W(?P<week>[\dX]{2})(?:-WE|-(?P<weekday>[1-7X])(?P<wtime>T.*)?)?
        | (?P<month>[\dX]{2})(?:-(?P<day>[\dX]{2})(?P<time>T.*)?)?
      ))?
    )$""",
    re.VERBOSE,
)
_CLOCK = re.compile(
    r"^T(?:MO|MI|AF|EV|NI|DT|(?P<hour>[\dX]{2}):(?P<minute>[\dX]{2})"
    r"(?::(?P<second>[\dX]{2})(?:\.\d+)?)?(?:Z|[+-]\d\d(?::?\d\d)?)?)$"
)
# Durations: ISO 8601 units plus Q (quarter) and TimeBank's E/DE (decade), C/CE (century) and
# L/ML (millennium); X for an unknown amount.
_DURATION = re.compile(
    r"^P(?=.)(?:(?:\d+(?:\.\d+)?|X)(?:DE|CE|ML|[YMWDQECL]))*"
    r"(?:T(?=.)(?:(?:\d+(?:\.\d+)?|X)[HMS])+)?$"
)
_RANGES = {"month": (1, 12), "day": (1, 31), "week": (1, 53), "hour": (0, 24), "minute": (0, 59)}


def malformed(value: str, type_: str | None = None) -> str | None:
    """Why ``value`` is not a well-formed TIMEX3 value (of ``type_``, when given), or None.

    Well-formed: a point (``1998``, ``199``, ``1998-Q3``, ``1998-W07-WE``, ``1998-02-13TEV``,
    ``1998-02-13T17:00``, with ``X`` placeholders as in ``1989-WXX``), a ``*_REF`` token, or a
    duration (``P6M``, ``PT5H30M``, ``PXY``). A DATE or TIME must be a point or a ``*_REF``, a
    DURATION a duration; a SET may be either. A clock time may stop at the hour (``T17``, ISO
    8601's reduced precision, as in "an hour later"). Concrete dates must exist.

    >>> malformed("2000-W8"), malformed("1989-11-06T25"), malformed("P1D", "DATE")
    ('week without two digits (W8)', 'hour out of range (1989-11-06T25)', 'duration P1D as a DATE value')
    >>> malformed("1989-11-06T17"), malformed("1989-11-06T24:00")
    (None, None)
    >>> [malformed(v) for v in ("1989-WXX", "1988-QX", "199X", "XXXX-WXX-1TNI", "PXE", "P2L")]
    [None, None, None, None, None, None]
    >>> malformed("1998-02-30"), malformed("1998-08-04", "DURATION")
    ('not a calendar date (1998-02-30)', 'point 1998-08-04 as a DURATION value')
    """
    if not value:
        return "empty value"
    kind, problem = _value_kind(value)
    if problem:
        return problem
    if type_ in ("DATE", "TIME") and kind == "duration":
        return f"duration {value} as a {type_} value"
    if type_ == "DURATION" and kind != "duration":
        return f"{'reference' if kind == 'ref' else 'point'} {value} as a DURATION value"
    return None


def _value_kind(value: str) -> tuple[str, str | None]:
    """(``"ref"``, ``"duration"`` or ``"point"``, why it is malformed or None)."""
    if value in REF_VALUES:
        return "ref", None
    if value.startswith("P"):
        if _DURATION.match(value):
            return "duration", None
        return "duration", f"not a TIMEX3 duration ({value})"
    m = _POINT_VALUE.match(value)
    if not m:
        week = re.search(r"-W(\d)(?!\d)", value)
        if week:
            return "point", f"week without two digits (W{week.group(1)})"
        return "point", f"not a TIMEX3 value ({value})"
    clock = m["time"] or m["wtime"]
    fields = {k: m[k] for k in ("month", "day", "week")}
    if clock:
        c = _CLOCK.match(clock)
        bare = re.fullmatch(r"T(\d\d)", clock)
        if c:
            fields.update(hour=c["hour"], minute=c["minute"])
        elif bare:
            fields.update(hour=bare.group(1))
        else:
            return "point", f"not a TIMEX3 time of day ({clock})"
    for name, text in fields.items():
        if text and "X" not in text:
            low, high = _RANGES[name]
            if not low <= int(text) <= high:
                return "point", f"{name} out of range ({value})"
    if m["year"] and "X" not in m["year"]:
        year = int(m["year"])
        try:
            if m["day"] and m["month"] and "X" not in m["day"] + m["month"]:
                date(year, int(m["month"]), int(m["day"]))
            if m["week"] and "X" not in m["week"]:
                date.fromisocalendar(year, int(m["week"]), 1)
        except ValueError:
            return "point", f"not a calendar date ({value})"
    return "point", None
