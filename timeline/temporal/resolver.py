"""Resolve rendered rule values against a reference time.

Rendered values come in four kinds:

* concrete (``2013-04-16``, ``2011``, ``P6M``, ``PRESENT_REF``): kept as they are;
* relative, ``@<unit><+n|-n|+X|-X>[suffix]``: the reference moved by n units, at the unit's
  granularity (or the rule's ``grain``); ``@day-1TMO`` is yesterday morning. An unknown
  amount (``X``) gives ``PAST_REF`` / ``FUTURE_REF``;
* underspecified, with ``XXXX`` for the year and/or ``WXX`` for the week (``XXXX-04-16``,
  ``XXXX-WXX-1``, ``XXXX-FA``, ``XXXX-#thanksgiving``): the candidate around the reference
  is chosen by direction (see :func:`choose`); ``XXXX-XX-XX`` means the reference day;
* anything else (``XXXX-WXX-2`` in a set): kept.

Directions, with r the reference instant: *past* = latest candidate starting at or before r;
*future* = earliest candidate ending after r; *last* = latest candidate ending at or before r;
*next* = earliest candidate starting after r (*next_far*: starting at least two months after
r); *this*/*nearest* = the candidate containing r,
else the closest one; *nearest_past*/*nearest_future* = the closest one, distances on the
tense's side divided by three.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from dateutil.easter import EASTER_ORTHODOX, easter

from timeline.temporal.timex import (
    GRANULARITY_RANK,
    Interval,
    interval,
    move,
    value_at,
)

_RELATIVE = re.compile(r"^@([a-z_]+)([+-])(X|\d+(?:\.\d+)?)(.*)$")
# How much closer a candidate on the tense's side counts ("nearest_past"/"nearest_future").
_STRONG_BIAS = 10.0
_TENSE_BIAS = 3.0
# How far ahead a month or season has to start for "next" to name it.
_NEXT_FAR = timedelta(days=60)
_DURATION_PART = re.compile(r"(\d+(?:\.\d+)?)([YMWDHSQ])")
_PLACEHOLDER = {
    "millennium": "X",
    "century": "XX",
    "decade": "XXX",
    "year": "XXXX",
    "half_year": "XXXX-HX",
    "quarter": "XXXX-QX",
    "season": "XXXX-XX",
    "month": "XXXX-XX",
    "week": "XXXX-WXX",
    "weekend": "XXXX-WXX-WE",
    "day": "XXXX-XX-XX",
    "part_of_day": "XXXX-XX-XX",
    "hour": "XXXX-XX-XXTXX",
    "minute": "XXXX-XX-XXTXX:XX",
    "second": "XXXX-XX-XXTXX:XX:XX",
}


@dataclass(frozen=True)
class Reference:
    """A reference time: the instant relative expressions are computed from, and its value."""

    moment: datetime
    value: str
    granularity: str

    @classmethod
    def published(cls, moment: datetime) -> Reference:
        return cls(moment, moment.date().isoformat(), "day")

    @classmethod
    def of(cls, value: str) -> Reference | None:
        span = interval(value)
        if span is None:
            return None
        return cls(span.start, value, span.granularity)


@dataclass
class Resolved:
    value: str
    span: Interval | None
    reference: Reference | None


#: Keys that make a holiday of a fixed date move in some years (the lexicon's "date" alone is
#: the same every year)
MOVING_KEYS = frozenset({"on_sunday", "leap_plus", "before_leap_plus", "moved"})


def holiday_date(spec: dict, year: int) -> date | None:
    """The date of a holiday (lexicon spec) in ``year``.

    >>> holiday_date({"weekday": 4, "nth": 4, "month": 11}, 2013)
    datetime.date(2013, 11, 28)
    >>> earlier = {"until": 1999, "date": "01-15"}
    >>> coming_of_age = {"weekday": 1, "nth": 2, "month": 1, "earlier": earlier}
    >>> holiday_date(coming_of_age, 1995), holiday_date(coming_of_age, 2013)
    (datetime.date(1995, 1, 15), datetime.date(2013, 1, 14))

    A name several holidays share ("Eid") has no one date: see :func:`holiday_dates`.
    """
    if "any_of" in spec:
        return None
    moved = (spec.get("moved") or {}).get(year)  # a year's own date (Marine Day of 2020)
    if moved is not None:
        month, day = map(int, str(moved).split("-"))
        return date(year, month, day)
    earlier = spec.get("earlier")  # the rule of the years up to and including "until"
    if earlier is not None and year <= int(earlier["until"]):
        return holiday_date({k: v for k, v in earlier.items() if k != "until"}, year)
    try:
        if "date" in spec:
            month, day = map(int, str(spec["date"]).split("-"))
            fixed = date(year, month, day)
            if fixed.isoweekday() == 7:  # a day moved off a Sunday (King's Day: the Saturday)
                fixed += timedelta(days=int(spec.get("on_sunday", 0)))
            if spec.get("leap_plus") and calendar.isleap(year):
                # (Ethiopia's feasts fall a day later in a Gregorian leap year: Timkat)
                fixed += timedelta(days=int(spec["leap_plus"]))
            if spec.get("before_leap_plus") and calendar.isleap(year + 1):
                # (... and its autumn ones in the year before one: Enkutatash, Meskel)
                fixed += timedelta(days=int(spec["before_leap_plus"]))
            return fixed
        if "dates" in spec:  # a lunar or Hebrew calendar's holiday: known years only
            known = spec["dates"].get(year)
            if known is None:
                return None
            month, day = map(int, known.split("-"))
            return date(year, month, day)
        if "easter" in spec:
            return easter(year) + timedelta(days=int(spec["easter"]))
        if "orthodox_easter" in spec:
            # the Julian computus, as the Orthodox churches keep it, on the Gregorian calendar
            orthodox = easter(year, EASTER_ORTHODOX)
            return orthodox + timedelta(days=int(spec["orthodox_easter"]))
        if "on_or_before" in spec:  # Victoria Day: the Monday on or before May 24
            month, day = map(int, str(spec["on_or_before"]).split("-"))
            last = date(year, month, day)
            return last - timedelta(days=(last.isoweekday() - int(spec["weekday"])) % 7)
        month, weekday, nth = int(spec["month"]), int(spec["weekday"]), int(spec["nth"])
        if nth > 0:
            first = date(year, month, 1)
            offset = (weekday - first.isoweekday()) % 7
            day = first + timedelta(days=offset + 7 * (nth - 1))
        else:
            last = (date(year + (month == 12), month % 12 + 1, 1)) - timedelta(days=1)
            day = last - timedelta(days=(last.isoweekday() - weekday) % 7)
        return day + timedelta(days=int(spec.get("plus", 0)))
    except ValueError:
        return None


def holiday_dates(spec: dict, year: int) -> list[date]:
    """Every date in ``year`` of a holiday, or of each holiday a shared name stands for.

    >>> eid = {"any_of": [{"dates": {2013: "08-08"}}, {"dates": {2013: "10-15"}}]}
    >>> [d.isoformat() for d in holiday_dates(eid, 2013)]
    ['2013-08-08', '2013-10-15']
    """
    specs = spec.get("any_of") or [spec]
    return sorted(d for d in (holiday_date(s, year) for s in specs) if d is not None)


_RELATIVE_CACHE: dict[tuple, tuple[str, Reference | None] | None] = {}


def relative(
    value: str, ref: Reference | None, grain: str | None = None
) -> tuple[str, Reference | None] | None:
    """Cached :func:`_relative`."""
    key = (value, ref, grain)
    if key not in _RELATIVE_CACHE:
        if len(_RELATIVE_CACHE) > 50_000:
            _RELATIVE_CACHE.clear()
        _RELATIVE_CACHE[key] = _relative(value, ref, grain)
    return _RELATIVE_CACHE[key]


def _relative(
    value: str, ref: Reference | None, grain: str | None = None
) -> tuple[str, Reference | None] | None:
    """Resolve ``@unit±n[suffix]``; returns (value, reference used) or None if not relative.

    >>> relative("@week-1", Reference.published(datetime(2013, 4, 23)))[0]
    '2013-W16'
    """
    m = _RELATIVE.match(value)
    if not m:
        return None
    unit, sign, amount, suffix = m.groups()
    if unit == "fortnight":
        unit, amount = "week", "X" if amount == "X" else str(float(amount) * 2)
    # "a decade later" after 1994 is about a year (2004), not the whole decade; but "a decade
    # ago" and "a century ago", told from a day, are the decade (century) before, at the unit's
    # granularity like "three years ago" (blind sets: decades 6 of 6, centuries 4 of 4)
    target = unit if amount in ("0", "X") else _COARSE_UNIT_GRAIN.get(unit, unit)
    if (
        unit in ("decade", "century")
        and ref is not None
        and ref.granularity == "day"
        and grain is None
    ):
        target = unit
    if unit == "hour" and grain is None and ref is not None and ref.granularity == "minute":
        target = "minute"  # "an hour later" after 11:40 p.m. is 00:40, not the hour of 00
    if grain == "ref" and ref is not None and _finer(ref.granularity, unit):
        target = ref.granularity
    elif grain and grain != "ref":
        target = grain
    seconds_on = target == "second" and ref is not None and ref.granularity == "minute"
    if (
        ref is not None
        and ref.granularity != "day"
        and _finer(target, ref.granularity)
        and not seconds_on
    ):
        # From a coarse narrative date the result is no finer: "the 1990s ... a decade later";
        # but seconds after a clock count from its minute ("at 1:44 p.m. ... 90 seconds later":
        # 13:45:30)
        target = ref.granularity
    if amount == "X":
        return ("PAST_REF" if sign == "-" else "FUTURE_REF"), ref
    if ref is None:
        return _PLACEHOLDER.get(target, "XXXX") + suffix, None
    n = float(amount)
    if sign == "-":
        n = -n
    moment = ref.moment
    if _finer(unit, ref.granularity) and not seconds_on:
        # A day before "June 2012" is some day of June: move from the middle of the reference.
        span = interval(ref.value)
        if span is not None:
            moment = span.start + (span.end - span.start) / 2
    try:
        moved = _moved(moment, unit, n)
    except (ValueError, OverflowError):
        # "about 3,000 years ago", told in 2013: 988 BC (TimeML's BC0988; astronomical year 0 is
        # 1 BC); beyond that ("200,000 years ago", "in a million years") a time long past or far
        # ahead, with no date
        years = {"year": 1, "decade": 10, "century": 100, "millennium": 1000}.get(unit)
        if years and n < 0 and n == int(n) and target in ("year", "decade", "century", unit):
            year = ref.moment.year + int(n) * years
            if -9999 < year < 1:
                return f"BC{1 - year:04d}", ref
        return ("PAST_REF" if n < 0 else "FUTURE_REF"), ref
    if unit == "year" and target == "weekend" and moved.weekday() < 5:
        # "Ten years ago this weekend": the weekend nearest that day of the year (Sunday
        # 2014-06-29 -> Tuesday 2004-06-29 -> the weekend of June 26-27)
        weekday = moved.weekday()
        moved += timedelta(days=-(weekday + 1) if weekday <= 2 else 5 - weekday)
    if unit == "year" and target == "week" and n == int(n):
        # "Ten years ago this week": the week of the same number that year (blind sets 11 of
        # 11; the same date N years back can fall in the week before or after)
        year, week, _ = moment.isocalendar()
        weeks = date(year + int(n), 12, 28).isocalendar()[1]
        return f"{year + int(n):04d}-W{min(week, weeks):02d}" + suffix, ref
    if target not in GRANULARITY_RANK:
        target = unit
    out = value_at(moved, target)
    if target == "week" and re.fullmatch(r"-[1-7]", suffix):
        # "Wednesday of next week": that day of the week moved to
        year, week, _ = moved.isocalendar()
        return date.fromisocalendar(year, week, int(suffix[1])).isoformat(), ref
    if suffix and (target == "day" or not suffix.startswith("T")):
        out += suffix  # "@day-1TMO" -> yesterday morning, "@year-1-Q3" -> last year's Q3
    day = _DAY_OF_MONTH.match(out)
    if day is not None and interval(out) is None:
        # "till the 30th" told in February: no such day that month, so no month is known (a
        # clock on it too: "at 4.05am on Feb 29 last year" told in 2020)
        return f"XXXX-XX-{day[1]}{out[day.end() :]}", ref
    return out, ref


_DAY_OF_MONTH = re.compile(r"\d{4}-\d\d-(\d\d)(?![0-9])")


def _moved(moment: datetime, unit: str, n: float) -> datetime:
    """``moment`` moved by ``n`` units; raises ValueError beyond years 1-9999.

    >>> _moved(datetime(2013, 4, 23), "year", -1.5)
    datetime.datetime(2011, 10, 23, 0, 0)
    """
    if n != int(n):
        # Fractions move by the next smaller unit: 1.5 years = 18 months.
        months = {"year": 12, "decade": 120, "century": 1200, "quarter": 3}.get(unit)
        if months:
            moved = move(moment, "month", round(n * months))
        else:
            days = {"week": 7, "month": 30, "day": 1}.get(unit, 1)
            moved = moment + timedelta(days=round(n * days))
    else:
        if unit == "weekend" and n > 0 and moment.weekday() < 5:
            n -= 1  # the weekend after a Monday is the one that ends its week
        moved = move(moment, unit, int(n))
    return moved


_COARSE_UNIT_GRAIN = {"decade": "year", "century": "year", "millennium": "year"}


def _finer(a: str, b: str) -> bool:
    return GRANULARITY_RANK.get(a, 99) < GRANULARITY_RANK.get(b, 99)


def candidates(value: str, ref: Reference, holidays: dict[str, dict]) -> list[str]:
    """Concrete values an underspecified value can take around the reference."""
    if "WXX" in value:
        rest = value[8:]  # what follows "XXXX-WXX": "-5TEV", "-WE", ""
        monday = ref.moment.date() - timedelta(days=ref.moment.weekday())
        weekday = _WEEKDAY_REST.match(rest)
        if weekday:
            base = monday + timedelta(days=int(weekday.group(1)) - 1)
            suffix = weekday.group(2)
            return [(base + timedelta(weeks=k)).isoformat() + suffix for k in _WEEKS]
        out = []
        for k in _WEEKS:
            iy, iw, _ = (monday + timedelta(weeks=k)).isocalendar()
            out.append(f"{iy:04d}-W{iw:02d}{rest}")
        return out
    y = ref.moment.year
    out = []
    holiday = value.find("#")
    for year in range(y - 2, y + 3):
        concrete = value.replace("XXXX", f"{year:04d}", 1)
        if holiday < 0:
            out.append(concrete)
            continue
        key = concrete[holiday:].split("T", 1)[0][1:]
        spec = holidays.get(key)
        rest = concrete[holiday + 1 + len(key) :]
        out += [day.isoformat() + rest for day in (holiday_dates(spec, year) if spec else [])]
    return out


_WEEKS = (-2, -1, 0, 1, 2)


def _day_of(value: str, span: Interval) -> date:
    """The day a value names: its date, even at "T24:00" (whose span starts the day after).

    >>> _day_of("2020-11-06T24:00", interval("2020-11-06T24:00")).isoformat()
    '2020-11-06'
    """
    if re.match(r"[0-9]{4}-[0-9][0-9]-[0-9][0-9]", value):
        return date.fromisoformat(value[:10])
    return span.start.date()


# How many years back a date told with its weekday is looked for, when no year of the five
# around the reference agrees with the weekday
_WEEKDAY_YEARS_BACK = 9


def _holiday_or_year(value: str, year: int, holidays: dict[str, dict]) -> str | None:
    """``value`` with its year placeholder set to ``year`` (a holiday computed for it)."""
    concrete = value.replace("XXXX", f"{year:04d}", 1)
    at = concrete.find("#")
    if at < 0:
        return concrete
    key = concrete[at + 1 :].split("T", 1)[0]
    spec = holidays.get(key)
    day = holiday_date(spec, year) if spec else None
    return None if day is None else day.isoformat() + concrete[at + 1 + len(key) :]


_WEEKDAY_REST = re.compile(r"-([1-7])(.*)$")


def choose(options: list[tuple[str, Interval]], moment: datetime, direction: str) -> str | None:
    """Pick the candidate value for ``direction`` (past, future, last, next, this, nearest).

    A reference that is a whole day (at midnight) starts that day: the night before it, which
    runs past midnight, is behind it ("will work Tuesday night" said on a Wednesday is next
    Tuesday's).

    >>> ref = datetime(2013, 4, 24)
    >>> choose([(v, interval(v)) for v in ("2013-04-23TNI", "2013-04-30TNI")], ref, "future")
    '2013-04-30TNI'
    """
    if not options:
        return None
    if moment.time() == datetime.min.time():
        options = [
            (v, Interval(span.start, moment, span.granularity))
            if span.start < moment < span.end and span.end - span.start < timedelta(days=1)
            else (v, span)
            for v, span in options
        ]
    if direction == "past":
        # Anything that starts on the reference day is not in its future ("Friday night").
        day_end = datetime(moment.year, moment.month, moment.day) + timedelta(days=1)
        found = [o for o in options if o[1].start < max(day_end, moment)]
        return max(found, key=lambda o: o[1].start)[0] if found else None
    if direction == "future":
        found = [o for o in options if o[1].end > moment]
        return min(found, key=lambda o: o[1].start)[0] if found else None
    # "last"/"next" skip the reference's own day, a clock time on it included ("2 p.m. next
    # Sunday" said on a Sunday is a week on).
    if direction in ("last", "last_far"):
        day_start = datetime(moment.year, moment.month, moment.day)
        bound = max(day_start, moment)
        if direction == "last_far":
            # "last February" told in March: the one a year before, as the month just gone
            # would be "last month" (TimeBank 1 of 1; "this past February" is the nearest)
            bound = day_start = datetime(moment.year, moment.month, 1) - timedelta(seconds=1)
        found = [o for o in options if o[1].start < day_start and o[1].end <= bound]
        return max(found, key=lambda o: o[1].start)[0] if found else None
    if direction in ("next", "next_far"):
        day_end = datetime(moment.year, moment.month, moment.day) + timedelta(days=1)
        if direction == "next_far":
            # "next April" told in March, "next summer" in May: the one after the coming one,
            # which is too close to need "next" (blind sets 6 of 6 within two months; 3 of 3
            # from three months on are the coming one)
            day_end += _NEXT_FAR
        found = [o for o in options if o[1].start >= day_end]
        return min(found, key=lambda o: o[1].start)[0] if found else None
    if direction in ("nearest_past", "nearest_future", "strong_future"):
        # Tense as a bias: the nearest candidate, the tense's side counting 3 times closer (a
        # strong future, "said ... would" or "is June 8", 10 times: it may have just gone by).
        bias = _STRONG_BIAS if direction == "strong_future" else _TENSE_BIAS

        def biased(o: tuple[str, Interval]) -> float:
            span = o[1]
            if span.start <= moment < span.end:
                return 0.0
            if moment < span.start:
                d = (span.start - moment).total_seconds()
                return d / bias if direction != "nearest_past" else d
            d = (moment - span.end).total_seconds()
            return d / bias if direction == "nearest_past" else d

        return min(options, key=biased)[0]
    for value, span in options:
        if span.start <= moment < span.end:
            return value

    def distance(o: tuple[str, Interval]) -> float:
        span = o[1]
        if moment < span.start:
            return (span.start - moment).total_seconds()
        return (moment - span.end).total_seconds() * 1.0001  # ties go to the future

    return min(options, key=distance)[0]


def underspecified(value: str) -> bool:
    """True when the value has a year or week placeholder the reference can fill."""
    return value.startswith("XXXX") and value != "XXXX"


_PARTIAL_CACHE: dict[tuple, str | None] = {}


def resolve_partial(
    value: str,
    ref: Reference,
    direction: str,
    holidays: dict[str, dict],
    weekday: int | None = None,
) -> str | None:
    """Cached :func:`_resolve_partial` (documents repeat the same few values and references)."""
    key = (value, ref, direction, id(holidays), weekday)
    if key not in _PARTIAL_CACHE:
        if len(_PARTIAL_CACHE) > 50_000:
            _PARTIAL_CACHE.clear()
        _PARTIAL_CACHE[key] = _resolve_partial(value, ref, direction, holidays, weekday)
    return _PARTIAL_CACHE[key]


def _resolve_partial(
    value: str,
    ref: Reference,
    direction: str,
    holidays: dict[str, dict],
    weekday: int | None = None,
) -> str | None:
    """Fill ``XXXX``/``WXX`` placeholders from ``ref`` going in ``direction``; ``weekday``
    (ISO, 1 = Monday) keeps only the years in which the date falls on that day, if any.

    >>> from datetime import datetime
    >>> ref = Reference.published(datetime(2013, 4, 23))
    >>> resolve_partial("XXXX-FA", ref, "last", {}), resolve_partial("XXXX-08", ref, "future", {})
    ('2012-FA', '2013-08')
    """
    if value.startswith("XXXX-XX-XX"):
        day = ref.moment.date().isoformat()
        return day + value[10:]
    if direction == "this" and "WXX" in value:
        # "this Sunday" is the Sunday of the reference's own (ISO) week; told on a Sunday, the
        # week's last day, "this Thursday" is the coming one
        moment = ref.moment
        if moment.isoweekday() == 7 and re.search(r"-WXX-[1-6](?![0-9])", value):
            moment += timedelta(days=1)
        iy, iw, _ = moment.isocalendar()
        value = value.replace("XXXX-WXX", f"{iy:04d}-W{iw:02d}", 1)
        day = re.match(r"^(\d{4})-W(\d\d)-([1-7])(.*)$", value)
        if day:
            d = date.fromisocalendar(int(day.group(1)), int(day.group(2)), int(day.group(3)))
            value = d.isoformat() + day.group(4)
        return value if interval(value) else None
    options: list[tuple[str, Interval]] = []
    if direction == "this":
        # "this September", "this summer": the one of the reference's year, unless the
        # reference is inside one ("this winter" in January is the winter under way).
        same_year = _holiday_or_year(value, ref.moment.year, holidays)
        for concrete in candidates(value, ref, holidays):
            span = interval(concrete)
            if span is not None and span.start <= ref.moment < span.end:
                return concrete
        if same_year is not None and interval(same_year) is not None:
            return same_year
    for concrete in candidates(value, ref, holidays):
        span = interval(concrete)
        if span is not None:
            options.append((concrete, span))
    if weekday is not None:
        named = [o for o in options if _day_of(o[0], o[1]).isoweekday() == weekday]
        if named:
            # The date and its weekday agree in one year of the five: that is the one meant.
            return choose(named, ref.moment, "nearest")
        if direction in ("past", "nearest_past") and re.match(r"XXXX-[0-9][0-9]-[0-9][0-9]", value):
            # In none of the five: a day further back, as a story of years ago tells it
            # ("freezing rain hit late on Saturday, Dec. 21", in 2016: 2013's); a day told
            # ahead with the wrong weekday is a slip, not a year long gone
            for year in range(ref.moment.year - 3, ref.moment.year - _WEEKDAY_YEARS_BACK, -1):
                concrete = value.replace("XXXX", f"{year:04d}", 1)
                span = interval(concrete)
                if span is not None and _day_of(concrete, span).isoweekday() == weekday:
                    return concrete
    return choose(options, ref.moment, direction)


# A decimal amount told in whole smaller units: years in months, weeks in days, days in hours,
# hours in minutes, minutes in seconds.
_SMALLER_PART = {
    "Y": (12, "M", False),
    "W": (7, "D", False),
    "D": (24, "H", True),
    "H": (60, "M", True),
    "M_T": (60, "S", True),
}


def _whole_units(value: str) -> str | None:
    """A duration with one decimal amount in whole units ("P2.5Y" -> "P2Y6M", "PT3.1H" ->
    "PT3H6M"), or None when it does not come out whole.

    >>> _whole_units("P2.5Y"), _whole_units("PT3.1H"), _whole_units("P1.3M")
    ('P2Y6M', 'PT3H6M', None)
    """
    m = re.fullmatch(r"P(T?)(\d+)\.(\d+)([YWDHMS])", value)
    if m is None:
        return None
    is_time, whole, decimals, letter = m.groups()
    key = f"{letter}_T" if letter == "M" and is_time else letter
    if key not in _SMALLER_PART:
        return None
    ratio, small, small_is_time = _SMALLER_PART[key]
    rest = int(decimals) * ratio / 10 ** len(decimals)
    if rest != int(rest):
        return None
    head = f"{int(whole)}{letter}" if int(whole) else ""
    tail = f"{int(rest)}{small}" if rest else ""
    if small_is_time and not is_time:
        return f"P{head}T{tail}" if tail else f"P{head}"
    return f"P{is_time}{head}{tail}"


def duration_interval(value: str, ref: Reference, direction: str) -> Interval | None:
    """The interval of a duration anchored at the reference: the past N units end at it.

    >>> duration_interval("P2M", Reference.published(datetime(2013, 4, 23)), "past").start
    datetime.datetime(2013, 2, 23, 0, 0)
    """
    if "." in value:
        value = _whole_units(value) or value  # "the past 2.5 years": P2Y6M
    m = re.match(r"^P(?:(\d[^T]*))?(?:T(.*))?$", value)
    if not m or "X" in value:
        return None
    moment = ref.moment
    sign = -1 if direction in ("past", "last") else 1
    other = moment
    unit = "day"
    for part, is_time in ((m.group(1) or "", False), (m.group(2) or "", True)):
        for amount, letter in _DURATION_PART.findall(part):
            n = float(amount)
            if n != int(n):
                return None
            name = {
                ("Y", False): "year",
                ("Q", False): "quarter",
                ("M", False): "month",
                ("W", False): "week",
                ("D", False): "day",
                ("H", True): "hour",
                ("M", True): "minute",
                ("S", True): "second",
            }.get((letter, is_time))
            if name is None:
                return None
            try:
                other = move(other, name, sign * int(n))
            except (ValueError, OverflowError):
                return None  # "the past 100,000 years" reaches beyond the calendar
            unit = name
    if other == moment:
        return None
    start, end = (other, moment) if sign < 0 else (moment, other)
    return Interval(start, end, unit)
