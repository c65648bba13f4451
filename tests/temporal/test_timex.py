"""TIMEX3 values <-> intervals, and the calendar arithmetic the resolver relies on."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.temporal.resolver import Reference, choose, duration_interval, holiday_date, relative
from timeline.temporal.timex import (
    GRANULARITY_RANK,
    granularity_of,
    interval,
    malformed,
    move,
    shift,
    value_at,
)

CASES = [
    # value, start, end, granularity
    ("2013", "2013-01-01", "2014-01-01", "year"),
    ("199", "1990-01-01", "2000-01-01", "decade"),
    ("19", "1900-01-01", "2000-01-01", "century"),
    ("2", "2000-01-01", "3000-01-01", "millennium"),
    ("2013-04", "2013-04-01", "2013-05-01", "month"),
    ("2013-12", "2013-12-01", "2014-01-01", "month"),
    ("2013-04-15", "2013-04-15", "2013-04-16", "day"),
    ("2013-W16", "2013-04-15", "2013-04-22", "week"),
    ("2013-W16-WE", "2013-04-20", "2013-04-22", "weekend"),
    ("2013-Q2", "2013-04-01", "2013-07-01", "quarter"),
    ("2013-H2", "2013-07-01", "2014-01-01", "half_year"),
    ("2012-SP", "2012-03-01", "2012-06-01", "season"),
    ("2012-SU", "2012-06-01", "2012-09-01", "season"),
    ("2012-FA", "2012-09-01", "2012-12-01", "season"),
    ("2012-WI", "2012-12-01", "2013-03-01", "season"),
    ("2013-04-19TEV", "2013-04-19T18:00:00", "2013-04-19T21:00:00", "part_of_day"),
    ("2013-04-19TMO", "2013-04-19T06:00:00", "2013-04-19T12:00:00", "part_of_day"),
    ("2013-04-19TNI", "2013-04-19T21:00:00", "2013-04-20T06:00:00", "part_of_day"),
    ("2013-04-19T18", "2013-04-19T18:00:00", "2013-04-19T19:00:00", "hour"),
    ("2013-04-19T18:30", "2013-04-19T18:30:00", "2013-04-19T18:31:00", "minute"),
    ("2013-04-19T18:30:05", "2013-04-19T18:30:05", "2013-04-19T18:30:06", "second"),
    ("2013-04-19T24:00", "2013-04-20T00:00:00", "2013-04-20T00:01:00", "minute"),
    ("2009-W53", "2009-12-28", "2010-01-04", "week"),
]


@pytest.mark.parametrize(("value", "start", "end", "granularity"), CASES)
def test_interval_of_value(value: str, start: str, end: str, granularity: str) -> None:
    span = interval(value)
    assert span is not None
    assert span.iso() == (start, end)
    assert span.granularity == granularity


@pytest.mark.parametrize(
    "value",
    ["P6M", "PRESENT_REF", "XXXX-04-16", "XXXX-WXX-1", "2013-02-30", "2013-W54", "", "0000"],
)
def test_not_an_interval(value: str) -> None:
    assert interval(value) is None


@pytest.mark.parametrize(
    ("moment", "granularity", "value"),
    [
        (datetime(2013, 4, 23), "week", "2013-W17"),
        (datetime(2013, 1, 5), "season", "2012-WI"),
        (datetime(2013, 12, 5), "season", "2013-WI"),
        (datetime(2013, 4, 23), "quarter", "2013-Q2"),
        (datetime(2013, 4, 23, 19, 5), "part_of_day", "2013-04-23TEV"),
        (datetime(2013, 4, 23, 2, 5), "part_of_day", "2013-04-23TNI"),
        (datetime(2013, 4, 23), "decade", "201"),
        (datetime(1999, 4, 23), "century", "19"),
        (datetime(2021, 1, 2), "week", "2020-W53"),
    ],
)
def test_value_at(moment: datetime, granularity: str, value: str) -> None:
    assert value_at(moment, granularity) == value


_GRANULARITIES = [g for g in GRANULARITY_RANK if g not in ("millennium",)]


@given(
    st.datetimes(min_value=datetime(1001, 1, 1), max_value=datetime(2998, 12, 1)),
    st.sampled_from(_GRANULARITIES),
)
def test_value_at_and_interval_round_trip(moment: datetime, granularity: str) -> None:
    value = value_at(moment, granularity)
    span = interval(value)
    assert span is not None, value
    # The period contains the moment; the weekend of a week (and a night) may not.
    if granularity not in ("part_of_day", "weekend"):
        assert span.start <= moment < span.end, value
    assert span.granularity == granularity
    assert value_at(span.start, granularity) == value


@pytest.mark.parametrize(
    ("value", "unit", "n", "expected"),
    [
        ("2013-Q2", "year", -1, "2012-Q2"),
        ("1999", "year", 3, "2002"),
        ("2013-04-19TEV", "day", 1, "2013-04-20TEV"),
        ("2013-03-31", "month", -1, "2013-02-28"),
        ("2012-W52", "week", 1, "2013-W01"),
        ("2013-W16-WE", "week", -1, "2013-W15-WE"),
        ("2012-WI", "year", 1, "2013-WI"),
        ("199", "decade", 1, "200"),
    ],
)
def test_shift(value: str, unit: str, n: int, expected: str) -> None:
    assert shift(value, unit, n) == expected


def test_move_clamps_to_month_end() -> None:
    assert move(datetime(2012, 2, 29), "year", 1) == datetime(2013, 2, 28)
    assert move(datetime(2013, 1, 31), "month", 1) == datetime(2013, 2, 28)


@pytest.mark.parametrize(
    ("value", "granularity"),
    [("XXXX-WXX-2", "day"), ("XXXX-04", "month"), ("XXXX-FA", "season"), ("XXXX-Q3", "quarter"),
     ("XXXX-WXX-5TEV", "part_of_day"), ("2013-04", "month"), ("P6M", None)],
)  # fmt: skip
def test_granularity_of_placeholders(value: str, granularity: str | None) -> None:
    assert granularity_of(value) == granularity


REF = Reference.published(datetime(2013, 4, 23))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("@week-1", "2013-W16"),
        ("@day-1TMO", "2013-04-22TMO"),
        ("@year-1-Q3", "2012-Q3"),
        ("@year+0-12-31", "2013-12-31"),
        ("@month+1", "2013-05"),
        ("@decade-1", "200"),  # "a decade ago": the decade before, as "a year ago" the year
        ("@decade+0", "201"),
        ("@year-X", "PAST_REF"),
        ("@year+X", "FUTURE_REF"),
        ("@year-1.5", "2011"),
    ],
)
def test_relative_values(value: str, expected: str) -> None:
    out = relative(value, REF)
    assert out is not None and out[0] == expected


def test_relative_without_reference_keeps_placeholder() -> None:
    assert relative("@week-1", None) == ("XXXX-WXX", None)
    assert relative("2013", REF) is None


def test_relative_from_a_coarse_reference_keeps_its_granularity() -> None:
    june = Reference.of("2012-06")
    assert june is not None
    assert relative("@day-1", june) == ("2012-06", june)
    nineties = Reference.of("199")
    assert nineties is not None
    assert relative("@decade+1", nineties)[0] == "200"  # type: ignore[index]


def _options(*values: str) -> list:
    return [(v, interval(v)) for v in values]


@pytest.mark.parametrize(
    ("direction", "expected"),
    [
        ("past", "2013-04-19"),
        ("future", "2013-04-26"),
        ("last", "2013-04-19"),
        ("next", "2013-04-26"),
        ("nearest", "2013-04-26"),
    ],
)
def test_choose_direction(direction: str, expected: str) -> None:
    fridays = _options("2013-04-12", "2013-04-19", "2013-04-26", "2013-05-03")
    assert choose(fridays, datetime(2013, 4, 23), direction) == expected


def test_choose_on_the_same_day() -> None:
    tuesdays = _options("2013-04-16", "2013-04-23", "2013-04-30")
    moment = datetime(2013, 4, 23)
    assert choose(tuesdays, moment, "past") == "2013-04-23"
    assert choose(tuesdays, moment, "future") == "2013-04-23"
    assert choose(tuesdays, moment, "last") == "2013-04-16"
    assert choose(tuesdays, moment, "next") == "2013-04-30"


def test_duration_interval() -> None:
    span = duration_interval("P2M", REF, "past")
    assert span is not None and span.iso() == ("2013-02-23", "2013-04-23")
    span = duration_interval("P1Y6M", REF, "future")
    assert span is not None and span.iso() == ("2013-04-23", "2014-10-23")
    assert duration_interval("PXD", REF, "past") is None


@pytest.mark.parametrize(
    ("spec", "year", "expected"),
    [
        ({"date": "12-25"}, 2013, "2013-12-25"),
        ({"weekday": 4, "nth": 4, "month": 11}, 2013, "2013-11-28"),
        ({"weekday": 1, "nth": -1, "month": 5}, 2013, "2013-05-27"),
        ({"easter": 0}, 2013, "2013-03-31"),
        ({"easter": -2}, 2024, "2024-03-29"),
        ({"weekday": 1, "nth": 1, "month": 11, "plus": 1}, 2012, "2012-11-06"),
    ],
)
def test_holiday_dates(spec: dict, year: int, expected: str) -> None:
    day = holiday_date(spec, year)
    assert day is not None and day.isoformat() == expected


def test_interval_iso_uses_dates_for_days_and_coarser() -> None:
    span = interval("2013-04-15")
    assert span is not None
    assert span.iso() == ("2013-04-15", "2013-04-16")
    assert span.end - span.start == timedelta(days=1)


@pytest.mark.parametrize(
    ("value", "type_"),
    [
        ("1989", "DATE"), ("199", "DATE"), ("19", "DATE"), ("199X", "DATE"), ("1989-WXX", "DATE"),
        ("1989-W43", "DATE"), ("1989-W43-WE", "DATE"), ("1988-QX", "DATE"), ("1988-Q3", "DATE"),
        ("1988-H2", "DATE"), ("1988-SU", "DATE"), ("1989-12-XX", "DATE"), ("1989-XX-XX", "DATE"),
        ("1989-11-06T17:00", "TIME"), ("1989-10-27T24:00", "TIME"), ("1989-11-06TEV", "TIME"),
        ("XXXX-WXX-1TNI", "SET"), ("XXXX-XX-XX", "SET"), ("P1D", "SET"), ("PRESENT_REF", "DATE"),
        ("PAST_REF", "TIME"), ("P6M", "DURATION"), ("PT5H30M", "DURATION"), ("PXY", "DURATION"),
        ("P1E", "DURATION"), ("PXC", "DURATION"), ("P2L", "DURATION"), ("P1.5Y", "DURATION"),
        ("1989", None), ("P6M", None),
    ],
)  # fmt: skip
def test_well_formed_values(value: str, type_: str | None) -> None:
    assert malformed(value, type_) is None


@pytest.mark.parametrize(
    ("value", "type_", "reason"),
    [
        ("2000-W8", "DATE", "week without two digits"),
        ("1989-11-06T25", "TIME", "hour out of range"),
        ("1989-11-06T17:61", "TIME", "minute out of range"),
        ("P1D", "DATE", "duration P1D as a DATE"),
        ("P100Y", "DATE", "duration P100Y as a DATE"),
        ("1998-08-04", "DURATION", "point 1998-08-04 as a DURATION"),
        ("PRESENT_REF", "DURATION", "as a DURATION"),
        ("1998-02-30", "DATE", "not a calendar date"),
        ("2013-W54", "DATE", "out of range"),
        ("2013-W53", "DATE", "not a calendar date"),  # 2013 has 52 ISO weeks
        ("1998-13", "DATE", "month out of range"),
        ("1998-04-19T25:00", "TIME", "hour out of range"),
        ("PXX", "DURATION", "not a TIMEX3 duration"),
        ("P", "DURATION", "not a TIMEX3 duration"),
        ("PT", "DURATION", "not a TIMEX3 duration"),
        ("1998-04-19T6pm", "TIME", "time of day"),
        ("April 1998", "DATE", "not a TIMEX3 value"),
        ("", "DATE", "empty"),
    ],
)
def test_malformed_values_say_why(value: str, type_: str, reason: str) -> None:
    found = malformed(value, type_)
    assert found is not None and reason in found
