"""The resolve() API conventions, and checks on the grammar itself (Duckling style lint)."""

from __future__ import annotations

import itertools
import re
from datetime import date, datetime

import pytest

from tests.temporal.corpus import load_cases
from timeline.errors import DateError
from timeline.temporal import resolve
from timeline.temporal.engine import (
    _BLANK_LINE,
    _MAX_SPAN,
    _build,
    _lower,
    _setup,
    annotate,
    scan,
)
from timeline.temporal.glue import Glue
from timeline.temporal.grammar import GrammarError, _AnalysisCache, _compile_rule, load_grammar

TEXT = (
    "Russia invaded in 1999; three years later a theater was seized. The 19-year-old was "
    "captured Friday evening, April 19, and his brother died Monday. Talks resume next week."
)


def test_mentions_are_sorted_non_overlapping_and_slice_the_text() -> None:
    mentions = resolve(TEXT, "2013-04-23")
    assert [m.text for m in mentions] == [
        "1999",
        "three years later",
        "19-year-old",
        "Friday evening, April 19",
        "Monday",
        "next week",
    ]
    for a, b in itertools.pairwise(mentions):
        assert a.end_char <= b.start_char
    for m in mentions:
        assert TEXT[m.start_char : m.end_char] == m.text
        assert m.rule


@pytest.mark.parametrize(
    "published", ["2013-04-23", date(2013, 4, 23), datetime(2013, 4, 23), "2013-04-23T09:30:00"]
)
def test_published_accepts_dates_datetimes_and_iso_text(published: object) -> None:
    (monday,) = resolve("They met on Monday.", published)  # type: ignore[arg-type]
    assert monday.value == "2013-04-22"


def test_reference_is_reported_as_given() -> None:
    (m,) = resolve("They met on Monday.", "2013-04-23T09:30:00")
    assert m.reference == "2013-04-23T09:30:00"
    (m,) = resolve("They met on Monday.", "2013-04-23")
    assert m.reference == "2013-04-23"


def test_bad_published_is_a_date_error() -> None:
    with pytest.raises(DateError, match="23/04/2013"):
        resolve("Monday", "23/04/2013")


def test_empty_and_timeless_text() -> None:
    assert resolve("", "2013-04-23") == []
    assert resolve("No dates here at all, just words.", None) == []


def test_timeml_profile_leaves_out_ages() -> None:
    text = "The 19-year-old stayed six months."
    assert [m.text for m in annotate(text, datetime(2013, 4, 23))] == ["19-year-old", "six months"]
    assert [m.text for m in annotate(text, datetime(2013, 4, 23), timeml=True)] == ["six months"]


def test_timeml_profile_marks_an_offset_from_a_dated_event_as_its_length() -> None:
    # resolve anchors it on the dated event (a date for the timeline); TimeML marks the length
    text = (
        "The fire broke out on Dec. 7, 2008. He bought two gasoline cans two days before the fire."
    )
    published = datetime(2015, 12, 3)
    plain = [(m.text, m.value) for m in annotate(text, published)]
    timeml = [(m.text, m.type, m.value) for m in annotate(text, published, timeml=True)]
    assert plain[-1] == ("two days", "2008-12-05")
    assert timeml[-1] == ("two days", "DURATION", "P2D")


def test_timeml_profile_length_of_n_days_later_still_moves_the_story_on() -> None:
    # TimeML marks "two days" of "two days later" as a length; "the following day" is still
    # the day after the date it names (was the day after 2 May)
    text = (
        "He was stabbed on 2 May. He was arrested two days later and questioned the following day."
    )
    found = [(m.text, m.value) for m in annotate(text, datetime(2013, 11, 20), timeml=True)]
    assert found == [
        ("2 May", "2013-05-02"),
        ("two days", "P2D"),
        ("the following day", "2013-05-05"),
    ]


def test_timeml_profile_marks_the_night_of_a_weekday_date_whole() -> None:
    # TimeML (blind sets 11 of 11): "the night of Wednesday, July 13" is one time, the weekday
    # choosing the year; resolve keeps the day alone, which groups one event's reports
    text = "The coroner rebuilt the night of Wednesday, July 13 from CCTV."
    published = datetime(2024, 7, 23)
    timeml = [(m.text, m.value) for m in annotate(text, published, timeml=True)]
    plain = [(m.text, m.value) for m in annotate(text, published)]
    assert timeml == [("the night of Wednesday, July 13", "2022-07-13TNI")]
    assert plain == [("Wednesday, July 13", "2022-07-13")]


def test_timeml_profile_keeps_seconds_later_a_time() -> None:
    # "eight seconds later" after a clock is a time to the second, as minutes are (blind sets
    # 11 of 14 mark the whole phrase); days stay TimeBank's lengths
    text = "The doors closed at 19:41:08. The train moved off eight seconds later."
    found = [(m.text, m.type, m.value) for m in annotate(text, datetime(2014, 10, 14), timeml=True)]
    assert found[-1] == ("eight seconds later", "TIME", "2014-10-14T19:41:16")


def test_timeml_profile_marks_minutes_ago_from_a_day_as_past_ref() -> None:
    found = [
        (m.text, m.type, m.value)
        for m in annotate("Updated 3 hours ago.", datetime(2017, 7, 15), timeml=True)
    ]
    assert found == [("3 hours ago", "TIME", "PAST_REF")]


def test_rule_names_are_unique() -> None:
    names = [r.name for r in load_grammar().rules]
    assert len(names) == len(set(names))


def test_every_rule_pattern_compiles() -> None:
    # Rules compile lazily, on their first trigger: a bad pattern must fail here, not in use.
    broken = []
    for rule in load_grammar().rules:
        try:
            rule.regex  # noqa: B018
        except re.error as exc:
            broken.append(f"{rule.name}: {exc}")
    assert not broken, broken


def test_every_rule_is_exercised_by_the_corpus() -> None:
    used: set[str] = set()
    for case in load_cases():
        used |= {m.rule for m in resolve(case.text, case.reference) if m.rule}
    unused = [r.name for r in load_grammar().rules if r.name not in used]
    assert not unused, f"rules with no corpus case: {unused}"


def _brute_force(text: str) -> list[tuple[int, int, str]]:
    """Leftmost-longest over every rule at every word start: what the dispatch must agree with."""
    grammar, normalizers = _setup()
    work = Glue(text).text
    low = _lower(work)
    out: list[tuple[int, int, str]] = []
    pos = 0
    for start in (m.start() for m in re.finditer(r"(?<![a-z0-9])[a-z0-9'’©(]", low)):
        if start < pos:
            continue
        best = None
        blank = _BLANK_LINE.search(low, start, start + _MAX_SPAN)  # (no match runs over one)
        end = blank.start() if blank is not None else len(low)
        for rule in grammar.rules:
            m = rule.regex.match(low, start, end)
            if m and (best is None or m.end() > best.end):
                hit = _build(rule, m, work, normalizers)
                if hit is not None:
                    best = hit
        if best is not None:
            out.append((best.start, best.end, best.rule.name))
            pos = best.end
    return out


def test_dispatch_agrees_with_trying_every_rule_everywhere() -> None:
    # The trigger pass and the first-token dispatch are an optimization: on the whole corpus
    # they must find exactly what trying every rule at every word start finds.
    for case in load_cases():
        work = Glue(case.text).text
        fast = [(h.start, h.end, h.rule.name) for h in scan(work, _lower(work))]
        assert fast == _brute_force(case.text), case.id


def _compile(spec: dict) -> None:
    grammar = load_grammar()
    macros = {name: "(?:x)" for name in grammar.tables} | {"det": "(?:the\\s+)"}
    _compile_rule(spec, 0, macros, set(), "test", _AnalysisCache())


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ({"name": "x", "pattern": "%nope", "value": "1"}, "unknown macro %nope"),
        ({"name": "x", "pattern": "(", "value": "1"}, "bad pattern"),
        ({"name": "x", "pattern": "(?P<a>a)", "value": "{b}"}, "names no group 'b'"),
        ({"name": "x", "pattern": "a", "value": "1", "colour": "red"}, "unknown option"),
        ({"name": "x", "pattern": "a", "value": "1", "type": "DAY"}, "type must be one of"),
        ({"name": "x", "pattern": "a"}, "missing 'value'"),
    ],
)
def test_bad_rules_are_reported_clearly(spec: dict, message: str) -> None:
    with pytest.raises(GrammarError, match=re.escape(message)):
        _compile(spec)


@pytest.mark.parametrize("published", ["0001-01-02", "9999-12-30"])
def test_a_publication_date_at_the_calendar_ends_is_a_clear_error(published):
    from timeline.errors import DateError
    from timeline.temporal import resolve

    with pytest.raises(DateError, match="out of range"):
        resolve("It rained on Monday.", published)


def test_amounts_beyond_the_calendar_never_crash():
    from timeline.temporal import resolve

    forms = ["{a} {u} ago", "{a} {u} later", "in {a} {u}", "the past {a} {u}", "the next {a} {u}"]
    for amount in ("10,000", "500,000", "99999"):
        for unit in ("years", "decades", "centuries", "millennia", "days"):
            for form in forms:
                text = "In 1999 it began. " + form.format(a=amount, u=unit) + ", it ended."
                for published in ("1000-01-02", "2020-04-08", "9000-12-30"):
                    assert resolve(text, published)


def test_timeml_profile_leaves_a_weekday_apposed_to_a_day_untagged() -> None:
    # "the next morning, a Sunday," says which weekday that morning was: TimeML marks no time
    # there, while resolve keeps the weekday with the day it names
    text = "He was arrested on 12 May, a Sunday, at his home."
    published = datetime(2024, 5, 20)
    assert [m.text for m in annotate(text, published, timeml=True)] == ["12 May"]
    assert [(m.text, m.value) for m in annotate(text, published)] == [
        ("12 May", "2024-05-12"),
        ("Sunday", "2024-05-12"),
    ]
