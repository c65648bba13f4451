"""Reading publication-date strings: metadata values, datelines and bylines.

This is not the temporal grammar (timeline/temporal/ handles time expressions in running text); it
reads the handful of formats publishers stamp on an article ("Tuesday, 23 April 2013 06:39 AM EDT",
"Published 30-04-2013, 14:54", "Oct. 10, 2023", "2023-10-11T07:15:00-04:00"), keeping the clock time
and the zone when given, and checks a stated weekday against the date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from email.utils import parsedate_to_datetime

from timeline.dates import YEARS

MONTHS: dict[str, int] = {}
for _n, _name in enumerate(
    [
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
    ],
    start=1,
):
    MONTHS[_name] = _n
    MONTHS[_name[:3]] = _n
MONTHS["sept"] = 9

WEEKDAYS: dict[str, int] = {}
for _n, _name in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
):
    WEEKDAYS[_name] = _n
    WEEKDAYS[_name[:3]] = _n
WEEKDAYS.update({"tues": 1, "weds": 2, "thur": 3, "thurs": 3})

# Zone abbreviations that are unambiguous in English-language news (hours from UTC).
ZONES: dict[str, float] = {
    "UTC": 0,
    "GMT": 0,
    "Z": 0,
    "EDT": -4,
    "EST": -5,
    "CDT": -5,
    "CST": -6,
    "MDT": -6,
    "MST": -7,
    "PDT": -7,
    "PST": -8,
    "AKDT": -8,
    "AKST": -9,
    "HST": -10,
    "BST": 1,
    "CET": 1,
    "CEST": 2,
    "EET": 2,
    "EEST": 3,
    "MSK": 3,
    "JST": 9,
    "KST": 9,
    "AEST": 10,
    "AEDT": 11,
}

_MONTH_RE = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_WEEKDAY_RE = (
    r"(?:Mon(?:day)?|Tue(?:s(?:day)?)?|Wed(?:nesday)?|Thu(?:r(?:s(?:day)?)?)?|Fri(?:day)?"
    r"|Sat(?:urday)?|Sun(?:day)?)"
)
_TIME_RE = (
    r"(?:\s*(?:,|at|-|\||·)?\s*(?P<hour>[01]?\d|2[0-3])[:.h](?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?"
    r"(?:\s*(?P<ampm>[AaPp])\.?\s?[Mm]\.?)?"
    r"(?:\s*(?P<zone>(?:UTC|GMT)?[+-]\d{1,2}(?::?\d{2})?|[A-Z]{1,4}T|UTC|GMT|Z)\b)?)?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WD = rf"(?:(?P<weekday>{_WEEKDAY_RE})\.?(?:\s+(?:morning|afternoon|evening|night))?,?\s+(?:the\s+)?)?"

# Each pattern reads one date; named groups say what was given.
_PATTERNS = [
    # 2013-04-23, 2013/04/23, 2013-04-23T06:39
    re.compile(
        rf"(?<!\d){_YEAR}[-/.](?P<month_num>[01]?\d)[-/.]{_DAY}(?!\d)(?:T?{_TIME_RE})", re.I
    ),
    # Tuesday, 23 April 2013 06:39 AM EDT
    re.compile(rf"{_WD}{_DAY}\s+(?P<month>{_MONTH_RE})\.?,?\s+{_YEAR}{_TIME_RE}", re.I),
    # April 29, 2013 / Oct. 10, 2023 / Monday, Oct. 9 / February 10
    re.compile(rf"{_WD}(?P<month>{_MONTH_RE})\.?\s+{_DAY}(?!\d)(?:,?\s+{_YEAR})?{_TIME_RE}", re.I),
    # 30-04-2013, 14:54 / 04/30/2013
    re.compile(
        rf"{_WD}(?<!\d)(?P<first>[0-3]?\d)[-/.](?P<second_num>[01]?\d)[-/.]{_YEAR}(?!\d){_TIME_RE}",
        re.I,
    ),
]


def _casefold_source(pattern: str) -> str:
    """The pattern for ASCII-lowercased text without re.I: letters lowered, escapes and group
    names kept."""
    return re.sub(
        r"\\.|\(\?P<\w+>|[A-Z]",
        lambda m: m.group(0).lower() if len(m.group(0)) == 1 else m.group(0),
        pattern,
    )


# Python's matcher tries these patterns at every position, slowly (re.I, optional weekday
# first): find_dates instead tries them only where a match can start (a digit, or a weekday or
# month name) on ASCII-lowercased text, which gives the same matches many times faster.
_LOWER_PATTERNS = [re.compile(_casefold_source(p.pattern)) for p in _PATTERNS]
_LOWER = str.maketrans({chr(c): chr(c + 32) for c in range(65, 91)})
_DIGITS = re.compile(r"\d+")
_WEEKDAY_STARTS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_MONTH_STARTS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# Where each pattern can start: 1 a digit run (the year); 2 a weekday or the last one or two
# digits of a run (the day before a month name); 3 a weekday or a month; 4 a weekday or a run.
_STARTS_WITH = (("run",), ("weekday", "day"), ("weekday", "month"), ("weekday", "run"))


def _occurrences(low: str, prefixes: tuple[str, ...]) -> list[int]:
    found: list[int] = []
    for prefix in prefixes:
        i = low.find(prefix)
        while i != -1:
            found.append(i)
            i = low.find(prefix, i + 1)
    return found


@dataclass(frozen=True)
class StatedDate:
    """A date read from a string: the calendar date, optional clock time and zone, and checks."""

    day: date | None
    month: int
    day_of_month: int
    year: int | None
    clock: time | None = None
    zone: timezone | None = None
    weekday: int | None = None
    ambiguous_order: bool = False
    start: int = 0
    end: int = 0
    text: str = ""

    @property
    def weekday_agrees(self) -> bool | None:
        """True/False when a weekday was stated and the year is known; None otherwise."""
        if self.weekday is None or self.day is None:
            return None
        return self.day.weekday() == self.weekday

    def iso(self) -> str:
        """ISO 8601: a date, or a date-time (with its offset when a zone was given)."""
        if self.day is None:
            raise ValueError("no year: not a full date")
        if self.clock is None:
            return self.day.isoformat()
        return datetime.combine(self.day, self.clock, tzinfo=self.zone).isoformat()


def find_dates(text: str) -> list[StatedDate]:
    """Every date stamp in a short string (a dateline, a byline line), left to right.

    >>> [d.iso() for d in find_dates("Tuesday, 23 April 2013 06:39 AM EDT")]
    ['2013-04-23T06:39:00-04:00']
    """
    found: list[StatedDate] = []
    runs = [(m.start(), m.end()) for m in _DIGITS.finditer(text)]
    if not runs:
        return found  # every date form has a digit
    low = text.lower()
    if len(low) != len(text):  # a rare letter whose lower case is two characters
        low = text.translate(_LOWER)
    starts = {
        "run": [s for s, _ in runs],
        "day": [max(s, e - 2) for s, e in runs] + [e - 1 for _, e in runs],
    }
    starts["weekday"] = _occurrences(low, _WEEKDAY_STARTS)
    starts["month"] = _occurrences(low, _MONTH_STARTS)
    taken: list[tuple[int, int]] = []
    for pattern, kinds in zip(_LOWER_PATTERNS, _STARTS_WITH, strict=True):
        # finditer's walk (leftmost match, then on from its end), over the possible starts only.
        cursor = 0
        for pos in sorted({i for kind in kinds for i in starts[kind]}):
            if pos < cursor:
                continue
            m = pattern.match(low, pos)
            if m is None:
                continue
            cursor = m.end()
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            parsed = _from_match(m, text)
            if parsed is not None:
                found.append(parsed)
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


def parse_date_value(value: str) -> StatedDate | None:
    """A metadata value (ISO 8601, RFC 2822, or a written date) as a StatedDate with a year.

    >>> parse_date_value("2023-10-11T07:15:00-04:00").iso()
    '2023-10-11T07:15:00-04:00'
    >>> parse_date_value("2021-03-03T00:00:00").iso()  # a date stored as a date-time
    '2021-03-03'
    >>> parse_date_value("0001-01-01") is None  # outside the years the engine reckons from
    True
    """
    found = _parse_date_value(value)
    if found is not None and found.year is not None and not YEARS[0] <= found.year <= YEARS[1]:
        return None
    return found


def _parse_date_value(value: str) -> StatedDate | None:
    value = value.strip()
    if not value:
        return None
    try:
        stamp = datetime.fromisoformat(value.replace("Z", "+00:00"))
        # A stamp at exactly midnight is a date that a scraper stored as a date-time
        # (newspaper3k's "2021-03-03T00:00:00"), not a time anyone stated.
        midnight = stamp.time() == datetime.min.time()
        return _from_datetime(
            stamp, value, has_time=("T" in value or " " in value) and not midnight
        )
    except ValueError:
        pass
    if re.match(r"^[A-Za-z]{3},? \d", value):
        try:
            return _from_datetime(parsedate_to_datetime(value), value, has_time=True)
        except (TypeError, ValueError):
            pass
    for found in find_dates(value):
        if found.year is not None:
            return found
    return _dateparser(value)


def _dateparser(value: str) -> StatedDate | None:
    # Relative words ("yesterday") are not a stamp: insist on a written year.
    if not re.search(r"(?<!\d)(?:19|20)\d\d", value):
        return None
    import dateparser

    # dateparser prints nothing and returns None when it cannot read the string.
    stamp = dateparser.parse(
        value,
        languages=None,
        settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]},
    )
    if stamp is None:
        return None
    has_time = bool(re.search(r"\d[:h]\d\d", value))
    return _from_datetime(stamp, value, has_time=has_time)


def _from_datetime(stamp: datetime, text: str, *, has_time: bool) -> StatedDate:
    zone = None
    if stamp.tzinfo is not None:
        offset = stamp.utcoffset()
        zone = timezone(offset) if offset is not None else None
    return StatedDate(
        day=stamp.date(),
        month=stamp.month,
        day_of_month=stamp.day,
        year=stamp.year,
        clock=stamp.time().replace(microsecond=0) if has_time else None,
        zone=zone if has_time else None,
        end=len(text),
        text=text,
    )


def _from_match(m: re.Match[str], text: str) -> StatedDate | None:
    groups = m.groupdict()
    ambiguous = False
    if groups.get("month"):
        month = MONTHS.get(groups["month"].lower().rstrip("."))
    elif groups.get("month_num"):
        month = int(groups["month_num"])
    else:
        first, second = int(groups["first"]), int(groups["second_num"])
        # Day first unless that is impossible: most of the world writes 30-04-2013.
        if first > 12:
            groups["day"], month = str(first), second
        elif second > 12:
            groups["day"], month = str(second), first
        else:
            groups["day"], month = str(first), second
            ambiguous = first != second
    if month is None or not 1 <= month <= 12:
        return None
    day_of_month = int(groups["day"])
    year = int(groups["year"]) if groups.get("year") else None
    full: date | None = None
    if year is not None:
        try:
            full = date(year, month, day_of_month)
        except ValueError:
            return None
    elif not 1 <= day_of_month <= 31:
        return None
    clock, zone = _clock(groups)
    weekday = WEEKDAYS.get(groups["weekday"].lower().rstrip(".")) if groups.get("weekday") else None
    return StatedDate(
        day=full,
        month=month,
        day_of_month=day_of_month,
        year=year,
        clock=clock if full else None,
        zone=zone if full and clock else None,
        weekday=weekday,
        ambiguous_order=ambiguous,
        start=m.start(),
        end=m.end(),
        text=text[m.start() : m.end()].strip(),
    )


def _clock(groups: dict[str, str | None]) -> tuple[time | None, timezone | None]:
    if groups.get("hour") is None:
        return None, None
    hour, minute = int(groups["hour"] or 0), int(groups["minute"] or 0)
    second = int(groups["second"] or 0)
    ampm = (groups.get("ampm") or "").lower()
    if ampm == "p" and hour < 12:
        hour += 12
    elif ampm == "a" and hour == 12:
        hour = 0
    zone = _zone(groups.get("zone"))
    return time(hour, minute, second), zone


def _zone(raw: str | None) -> timezone | None:
    if not raw:
        return None
    raw = raw.upper()
    if raw in ZONES:
        return timezone(timedelta(hours=ZONES[raw]))
    m = re.fullmatch(r"(?:UTC|GMT)?([+-])(\d{1,2}):?(\d{2})?", raw)
    if m:
        sign = -1 if m.group(1) == "-" else 1
        return timezone(sign * timedelta(hours=int(m.group(2)), minutes=int(m.group(3) or 0)))
    return None
