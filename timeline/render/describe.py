"""Words for people: dates as a reader would say them, source names, truncated labels.

Shared by the page, the TimelineJS export and the image export so they all say the same thing.
Nothing here escapes: callers escape for their medium (HTML, plotly text, CSV).
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime, timedelta

from timeline.models import GRANULARITY_ORDER, CompetingDate, Event, Source

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_SEASONS = {"SP": "Spring", "SU": "Summer", "FA": "Fall", "WI": "Winter"}
_SEASON_VALUE = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_QUARTER_VALUE = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF_VALUE = re.compile(r"^(\d{4})-H([12])$")

# How solid a bar is drawn: a day is a fact, a season or a decade is a hedge. Finer than a
# day stays fully opaque; each coarser step fades so the eye trusts precise bars first.
_OPACITY = {
    "week": 0.8,
    "weekend": 0.85,
    "month": 0.65,
    "season": 0.5,
    "quarter": 0.5,
    "half_year": 0.45,
    "year": 0.4,
    "decade": 0.32,
    "century": 0.28,
    "millennium": 0.25,
}


def parse_when(value: str | None) -> datetime | None:
    """An interval bound (ISO date or date-time) as a naive datetime, or None when unusable.

    Time zones are dropped: the chart has one axis and the models keep local times.

    >>> parse_when("2013-04-15")
    datetime.datetime(2013, 4, 15, 0, 0)
    """
    if not value:
        return None
    text = value.strip()
    try:
        if len(text) == 10:
            return datetime.combine(date.fromisoformat(text), datetime.min.time())
        return datetime.fromisoformat(text.replace("Z", "+00:00")).replace(tzinfo=None)
    except ValueError:
        return None


def is_coarse(granularity: str | None) -> bool:
    """True for extents a reader should not take as precise: a season, a year, a decade ...

    >>> is_coarse("season"), is_coarse("day")
    (True, False)
    """
    rank = GRANULARITY_ORDER.get(granularity or "", -1)
    return rank >= GRANULARITY_ORDER["season"]


def opacity(granularity: str | None) -> float:
    """Bar opacity for a granularity: 1.0 for a day or finer, fading as extents get coarser.

    >>> opacity("day"), opacity("year")
    (1.0, 0.4)
    """
    return _OPACITY.get(granularity or "", 1.0)


def precision_words(granularity: str | None) -> str:
    """A granularity as a reader says it.

    >>> precision_words("part_of_day"), precision_words(None)
    ('part of day', 'unknown precision')
    """
    return (granularity or "unknown precision").replace("_", " ")


def _day(d: datetime) -> str:
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def describe_interval(
    start: str | None, end: str | None, granularity: str | None, value: str = ""
) -> str:
    """The interval ``[start, end)`` as a reader would say it, at its own precision.

    >>> describe_interval("2012-09-01", "2012-12-01", "season", "2012-FA")
    'Fall 2012'
    >>> describe_interval("2013-04-15", "2013-04-16", "day")
    '15 Apr 2013'
    """
    if m := _SEASON_VALUE.match(value):
        return f"{_SEASONS[m[2]]} {m[1]}"
    if m := _QUARTER_VALUE.match(value):
        return f"Q{m[2]} {m[1]}"
    if m := _HALF_VALUE.match(value):
        return f"{'First' if m[2] == '1' else 'Second'} half of {m[1]}"
    s, e = parse_when(start), parse_when(end)
    if s is None:
        return value or "undated"
    g = granularity or ""
    if g in ("second", "minute", "hour", "part_of_day"):
        if e is not None and g == "part_of_day":
            return f"{_day(s)}, {s:%H:%M}–{e:%H:%M}"
        return f"{_day(s)}, {s:%H:%M}"
    if g == "day":
        return _day(s)
    if g in ("week", "weekend"):
        return f"{'weekend' if g == 'weekend' else 'week'} of {_day(s)}"
    if g == "month":
        return f"{_MONTHS[s.month - 1]} {s.year}"
    if g == "year":
        return str(s.year)
    if g == "decade":
        return f"{s.year}s"
    if g == "century" and e is not None:
        return f"{s.year}–{e.year - 1}"
    if e is None or e <= s:
        return _day(s)
    last = e - timedelta(days=1)
    if last.date() == s.date():
        return _day(s)
    return f"{_day(s)} – {_day(last)}"


def describe_event_date(event: Event) -> str:
    """The event's date in words; when sources disagree, every competing date.

    >>> describe_event_date(Event(id="E1", label="x", value="2013", start="2013-01-01",
    ...     end="2014-01-01", granularity="year"))
    '2013'
    """
    dates = competing_dates(event)
    if len(dates) > 1:
        return " or ".join(dates)
    return describe_interval(event.start, event.end, event.granularity, event.value)


def competing_dates(event: Event) -> list[str]:
    """The distinct dates the sources give for a disputed event, in words (empty without a
    conflict)."""
    dates: list[str] = []
    if event.conflict:
        for competing in event.competing:
            words = describe_competing(event, competing)
            if words not in dates:
                dates.append(words)
    return dates


def describe_competing(event: Event, competing: CompetingDate) -> str:
    """One of an event's competing dates in words, at its own precision: that of the claims
    that give it (a plain day beside a disputed morning is not '00:00–00:00').

    >>> from timeline.models import Claim
    >>> said = dict(source_id="a", text="t", mention="m", start_char=0, end_char=1,
    ...             mention_start=0, mention_end=1)
    >>> event = Event(id="E1", label="x", value="2023-10-09TMO", granularity="part_of_day",
    ...     claims=[Claim(value="2023-10-09TMO", granularity="part_of_day", **said),
    ...             Claim(value="2023-10-08", granularity="day", **said)])
    >>> describe_competing(event, CompetingDate(value="2023-10-08", start="2023-10-08",
    ...     end="2023-10-09", source_ids=["a"]))
    '8 Oct 2023'
    """
    granularity = next(
        (c.granularity for c in event.claims if c.value == competing.value and c.granularity),
        event.granularity,
    )
    return describe_interval(competing.start, competing.end, granularity, competing.value)


def name_list(source_ids: list[str], names: dict[str, str]) -> str:
    """Sources as a reader's list: each name once, in order (ids stand in for unknown ones).
    Semicolons, since a name told apart by its date holds a comma ('Courier, 11 Oct 2023').

    >>> name_list(["a", "b", "c"], {"a": "Courier", "b": "Courier", "c": "Wire"})
    'Courier; Wire'
    """
    return "; ".join(dict.fromkeys(names.get(sid, sid) for sid in source_ids))


def describe_lag(days: float) -> str:
    """The reporting lag in words: how long after (or before) the event's start it was
    first published.

    >>> describe_lag(2), describe_lag(-3), describe_lag(4666), describe_lag(0)
    ('2 days after the event began', '3 days before the event began', '12.8 years after the event began', 'the day the event began')
    """
    if round(days) == 0:
        return "the day the event began"
    when = "after" if days > 0 else "before"
    size = abs(days)
    if size >= 365:
        amount = f"{size / 365.25:.1f} years"
    elif size >= 60:
        amount = f"{size / 30.44:.0f} months"
    else:
        amount = f"{size:.0f} day{'s' * (round(size) != 1)}"
    return f"{amount} {when} the event began"


def describe_event_lag(event: Event) -> str | None:
    """How long after (or before) the event its first report came, in calendar days when
    that is under two months: an evening event first reported in that day's paper was
    reported 'the day the event began', not '1 day before' (its lag_days is -0.75).

    >>> describe_event_lag(Event(id="E1", label="x", value="2023-10-10TEV",
    ...     start="2023-10-10T18:00:00", first_reported_at="2023-10-10", lag_days=-0.75))
    'the day the event began'
    """
    if event.lag_days is None:
        return None
    start, first = parse_when(event.start), parse_when(event.first_reported_at)
    if start is not None and first is not None and abs(event.lag_days) < 60:
        return describe_lag((first.date() - start.date()).days)
    return describe_lag(event.lag_days)


def source_name(source: Source | None, fallback: str = "") -> str:
    """What to call a source in a legend or a quote: its outlet, else its title, else its id.

    >>> source_name(Source(id="a1", path="a1.txt", outlet="Aldery Courier"))
    'Aldery Courier'
    """
    if source is None:
        return fallback
    return source.outlet or source.title or source.id


def copy_words(source: Source | None, names: dict[str, str]) -> str:
    """'copy of <original>' for a syndicated copy, naming the original as the page does and
    by its id (the file name a user knows); '' for an original.

    >>> copy_words(Source(id="b", path="b", syndicated_from="a"), {"a": "Wire", "b": "Gazette"})
    'copy of Wire (a)'
    """
    if source is None or not source.syndicated_from:
        return ""
    original = source.syndicated_from
    name = names.get(original, original)
    return f"copy of {name} ({original})" if name != original else f"copy of {original}"


def display_names(sources: list[Source], limit: int | None = None) -> dict[str, str]:
    """Source id -> name for legends and tables. Sources sharing a name are told apart by
    publication date, else by id. With ``limit``, the shared part is shortened first so the
    part that tells sources apart survives.

    >>> display_names([Source(id="a", path="a", title="Can the talks last? (+video)"),
    ...                Source(id="b", path="b", title="Can the talks last?")], 16)
    {'a': 'Can the…, undated · a', 'b': 'Can the…, undated · b'}
    >>> display_names([Source(id="a", path="a", outlet="Courier", published="2023-10-11"),
    ...                Source(id="b", path="b", outlet="Courier")])
    {'a': 'Courier, 11 Oct 2023', 'b': 'Courier, undated'}
    >>> display_names([Source(id="a", path="a", title="A long shared headline about a leak",
    ...                       published="2023-10-11"),
    ...                Source(id="b", path="b", title="A long shared headline about a leak")], 26)
    {'a': 'A long share…, 11 Oct 2023', 'b': 'A long shared…, undated'}
    """

    def fit(base: str, suffix: str = "") -> str:
        if limit is None:
            return base + suffix
        return truncate(base, max(8, limit - len(suffix))) + suffix

    def when(s: Source) -> str:
        return ", " + (
            describe_interval(s.published[:10], None, "day") if s.published else "undated"
        )

    def clashes(names: dict[str, str]) -> set[str]:
        counts = Counter(names.values())
        return {sid for sid, name in names.items() if counts[name] > 1}

    base = {s.id: source_name(s) for s in sources}
    # Names shared in full, or once shortened, are told apart by date, then by id.
    shared = clashes(base) | clashes({sid: fit(name) for sid, name in base.items()})
    suffix = {s.id: when(s) if s.id in shared and base[s.id] != s.id else "" for s in sources}
    named = {sid: fit(name, suffix[sid]) for sid, name in base.items()}
    for sid in clashes(named):
        if base[sid] != sid:
            named[sid] = fit(base[sid], suffix[sid] + f" · {sid}")
    return named


def truncate(text: str, limit: int) -> str:
    """``text`` on one line, cut at a word boundary to at most ``limit`` characters, with "…".

    >>> truncate("The plant opened in 2008 on land that had been a rail yard.", 30)
    'The plant opened in 2008 on…'
    """
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    space = cut.rfind(" ")
    if space > limit * 0.6:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-–—") + "…"
