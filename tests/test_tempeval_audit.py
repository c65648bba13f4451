"""The TempEval-3 value-error audit (bench/tempeval_audit.py) on synthetic timexes: no data, no Java."""

from __future__ import annotations

from datetime import date

import pytest

from bench.tempeval_audit import (
    CATEGORIES,
    GoldIndex,
    Shape,
    audit,
    categorize,
    markdown,
    phrase_key,
    shape,
    summary,
)
from timeline.temporal.tempeval import Timex, TmlDocument

WED = date(1989, 11, 1)  # a Wednesday in ISO week 44, Q4


def tx(text: str, value: str, type_: str = "DATE", start: int = 0) -> Timex:
    return Timex(start, start + len(text), text, type_, value)


def doc(name: str, dct: date, *timexes: Timex) -> TmlDocument:
    return TmlDocument(name, "", dct, list(timexes))


@pytest.mark.parametrize(
    ("value", "text", "expected"),
    [
        ("1989-W43", "last week", Shape("week", -1, "")),
        ("1989-W44", "this week", Shape("week", 0, "")),
        ("1990-W01", "", Shape("week", 9, "")),
        ("1989-WXX", "last week", Shape("year", 0, "-WXX")),
        ("1988-QX", "a year earlier", Shape("year", -1, "-QX")),
        ("1988-Q4", "", Shape("quarter", -4, "")),
        ("1989-Q3", "", Shape("quarter", -1, "")),
        ("1989-10", "", Shape("month", -1, "")),
        ("1989-SU", "", Shape("season", -1, "")),
        ("1989-12-XX", "", Shape("month", 1, "-XX")),
        ("1988", "a year ago", Shape("year", -1, "")),
        ("1989-10-30", "", Shape("day", -2, "")),
        ("1989-10-30T17:00", "", Shape("day", -2, "T17:00")),
        ("1989-W43-WE", "the weekend", Shape("weekend", -1, "")),
        # a day a weekday name picks counts occurrences of that weekday, 0 being the DCT
        ("1989-10-31", "Tuesday", Shape("weekday", -1, "")),
        ("1989-10-25", "Wednesday", Shape("weekday", -1, "")),
        ("1989-11-01", "Wednesday", Shape("weekday", 0, "")),
        ("1989-11-07", "Tuesday", Shape("weekday", 1, "")),
        ("1989-10-24TEV", "Tuesday evening", Shape("weekday", -2, "TEV")),
        # the text writes the year: the value does not depend on the DCT
        ("1949-XX", "1949", Shape("year", 0, "#-XX", absolute=True)),
        ("198X", "the 1980s", Shape("decade", 0, "#X", absolute=True)),
        # kept literally
        ("PAST_REF", "recent years", Shape("literal", 0, "PAST_REF")),
        ("P1W", "last week", Shape("literal", 0, "P1W")),
        ("XXXX-WXX-2", "Tuesdays", Shape("literal", 0, "XXXX-WXX-2")),
        ("2000-W8", "this week", Shape("literal", 0, "2000-W8")),
    ],
)
def test_shape_is_relative_to_the_dct(value: str, text: str, expected: Shape) -> None:
    assert shape(value, WED, text) == expected


def test_the_same_relative_value_has_the_same_shape_under_any_dct() -> None:
    # "last week" from two documents a decade apart: one shape, whatever the year or week.
    assert shape("1989-W43", WED) == shape("1998-W11", date(1998, 3, 20))
    assert shape("1989-W43", WED) != shape("1998-W12", date(1998, 3, 20))
    # Quarters and seasons across a year boundary.
    assert shape("1988-Q4", date(1989, 2, 1)).offset == -1
    assert shape("1988-WI", date(1989, 2, 1)).offset == 0  # winter 1988 runs Dec 1988-Feb 1989


def test_phrase_key_normalizes_case_the_punctuation_and_written_years() -> None:
    assert phrase_key("The last week.") == phrase_key("last  WEEK") == "last week"
    assert phrase_key("1949") == phrase_key("1952") == "####"
    assert phrase_key("other week") != phrase_key("last week")


def _verdict(gold: Timex, ours: Timex, *others: TmlDocument, dct: date = WED, peer=None):
    return categorize(gold, ours, dct, "HERE", GoldIndex(others), peer)


def test_malformed_gold_comes_first() -> None:
    # Also a wrong weekday and an inconsistency: the first check wins.
    gold = tx("Tuesday", "1989-10-30T25:00", "TIME")
    ours = tx("Tuesday", "1989-10-31T17:00", "TIME")
    verdict = _verdict(gold, ours, doc("B", WED, tx("Tuesday", "1989-10-31T17:00", "TIME")))
    assert verdict.category == "gold-malformed"
    assert "T25" in verdict.reason
    assert _verdict(tx("last week", "P1W"), tx("last week", "1989-W43")).category == (
        "gold-malformed"
    )
    assert _verdict(tx("this week", "2000-W8"), tx("this week", "2000-W08")).category == (
        "gold-malformed"
    )


def test_a_gold_date_on_another_weekday_than_the_text_names() -> None:
    # 1989-10-30 is a Monday.
    verdict = _verdict(tx("Tuesday", "1989-10-30"), tx("Tuesday", "1989-10-31"))
    assert verdict.category == "gold-wrong-weekday"
    assert "Monday" in verdict.reason
    # The right weekday, one week off: not this category.
    assert _verdict(tx("Tuesday", "1989-10-24"), tx("Tuesday", "1989-10-31")).category == "ours"


def test_inconsistent_when_another_document_annotates_the_phrase_like_us() -> None:
    gold, ours = tx("last week", "1989-WXX"), tx("last week", "1989-W43")
    elsewhere = doc("B", date(1998, 3, 20), tx("Last week", "1998-W11"))
    verdict = _verdict(gold, ours, elsewhere)
    assert verdict.category == "gold-inconsistent"
    assert "B" in verdict.reason
    # The other document annotates it differently from us (two weeks back): no evidence.
    two_back = doc("B", date(1998, 3, 20), tx("last week", "1998-W10"))
    assert _verdict(gold, ours, two_back).category == "ours"
    # Our own document is not "elsewhere".
    same = doc("HERE", WED, tx("last week", "1989-W43", start=50))
    assert _verdict(gold, ours, same).category == "ours"


def test_offset_only_differences_need_a_phrase_anchored_at_the_dct() -> None:
    # "the quarter" is whichever quarter the article reports: another document's Q-1 says
    # nothing about this one.
    gold, ours = tx("the quarter", "1989-Q2"), tx("the quarter", "1989-Q3")
    elsewhere = doc("B", date(1998, 2, 10), tx("the quarter", "1997-Q4"))
    assert _verdict(gold, ours, elsewhere).category == "ours"
    # "this quarter" is anchored at the DCT.
    gold, ours = tx("this quarter", "1989-Q3"), tx("this quarter", "1989-Q4")
    elsewhere = doc("B", date(1998, 2, 10), tx("this quarter", "1998-Q1"))
    assert _verdict(gold, ours, elsewhere).category == "gold-inconsistent"


def test_weekdays_a_week_apart_on_the_same_side_of_the_dct() -> None:
    elsewhere = doc("B", date(1998, 8, 20), tx("Tuesday", "1998-08-18"))  # the last Tuesday
    # Gold two Tuesdays back, ours the last one: the article's weekdays are a week off.
    verdict = _verdict(tx("Tuesday", "1989-10-24"), tx("Tuesday", "1989-10-31"), elsewhere)
    assert verdict.category == "gold-inconsistent"
    # Gold four Tuesdays back: the article's narrative, not a shifted week.
    earlier = _verdict(tx("Tuesday", "1989-10-10"), tx("Tuesday", "1989-10-31"), elsewhere)
    assert earlier.category == "ours"
    # Gold next Tuesday, ours the last one: tense decides, not a convention.
    future = _verdict(tx("Tuesday", "1989-11-07"), tx("Tuesday", "1989-10-31"), elsewhere)
    assert future.category == "ours"


def test_a_date_against_a_duration_needs_an_anchored_phrase_or_a_set() -> None:
    # "the year" as a date here and a duration there: the sentence decides.
    duration = tx("the year", "P1Y", "DURATION")
    elsewhere = doc("B", date(1998, 2, 10), duration)
    assert _verdict(tx("the year", "1989"), duration, elsewhere).category == "ours"
    # "daily" as XXXX-XX-XX here and P1D there: two spellings of one SET.
    elsewhere = doc("B", date(1998, 2, 10), tx("daily", "P1D", "SET"))
    verdict = _verdict(tx("daily", "XXXX-XX-XX", "SET"), tx("daily", "P1D", "SET"), elsewhere)
    assert verdict.category == "gold-inconsistent"


def test_written_years_compare_across_documents() -> None:
    elsewhere = doc("B", date(1998, 2, 10), tx("1952", "1952"))
    verdict = _verdict(tx("1949", "1949-XX"), tx("1949", "1949"), elsewhere)
    assert verdict.category == "gold-inconsistent"


def test_peer_agreement_then_ours() -> None:
    gold, ours = tx("Feb. 1", "1990-02-01"), tx("Feb. 1", "1989-02-01")
    agreeing = [Timex(0, 4, "Feb.", "DATE", "1989-02-01")]
    other_value = [Timex(0, 6, "Feb. 1", "DATE", "1990-02-01")]
    elsewhere = [Timex(20, 26, "Feb. 1", "DATE", "1989-02-01")]  # does not overlap the gold
    assert _verdict(gold, ours, peer=agreeing).category == "peer-agrees"
    assert _verdict(gold, ours, peer=other_value).category == "ours"
    assert _verdict(gold, ours, peer=elsewhere).category == "ours"
    assert _verdict(gold, ours, peer=None).category == "ours"


def test_audit_counts_every_value_error_once_and_credits_only_the_gold_categories() -> None:
    text = "Sales rose last week; on Tuesday prices fell, in 1949 too."
    positions = {p: text.index(p) for p in ("last week", "Tuesday", "1949")}
    gold = [
        tx("last week", "1989-WXX", start=positions["last week"]),
        tx("Tuesday", "1989-10-30", start=positions["Tuesday"]),  # a Monday
        tx("1949", "1948", start=positions["1949"]),
    ]
    here = TmlDocument("HERE", text, WED, gold)
    other = TmlDocument("B", "", date(1998, 3, 20), [tx("last week", "1998-W11")])

    def system(text: str, dct: date) -> list[Timex]:
        return [
            tx("last week", "1989-W43", start=positions["last week"]),
            tx("Tuesday", "1989-10-31", start=positions["Tuesday"]),
            tx("1949", "1949", start=positions["1949"]),
        ]

    result = audit({"C": [here]}, system, index=GoldIndex([here, other]))
    counts = result["counts"]["all"]
    assert counts["total"] == 3
    assert [counts[c] for c in CATEGORIES] == [0, 1, 1, 0, 1]
    scores = result["scores"]["all"]
    assert scores["value_f1"] == 0.0
    # Two of the three errors blame the gold: the ceiling credits them, and only them.
    assert scores["audit_ceiling_value_f1"] == pytest.approx(2 / 3, abs=1e-4)
    assert [e["gold_text"] for e in result["errors"] if e["category"] == "ours"] == ["1949"]
    report = {"peer": {"available": False, "reason": "test"}, "rules": {}, **result}
    report["rules"] = {c: c for c in CATEGORIES}
    md = markdown(report)
    assert "not a score" in md
    assert "| HERE | 1949 |  | 1948 | 1949 |" in md  # the worklist row
    assert "| 4 | peer-agrees |" in md and "skipped" in md
    assert summary(report)[1]["value"] == scores["audit_ceiling_value_f1"]
