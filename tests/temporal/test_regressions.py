"""Regressions seen when building the example corpus: each bug, in a sentence of its own."""

from __future__ import annotations

from timeline.temporal import resolve


def _values(text: str, published: str) -> dict[str, str]:
    return {m.text: m.value for m in resolve(text, published)}


def test_past_perfect_before_by_is_the_past_day() -> None:
    # Was the NEXT Tuesday (2023-10-17TEV): "by" made every deadline look ahead.
    text = "Doctors kept four patients overnight. All but one had gone home by Tuesday evening."
    assert _values(text, "2023-10-11T07:15:00-04:00")["Tuesday evening"] == "2023-10-10TEV"


def test_simple_past_before_by_is_the_past_day() -> None:
    # Was 2023-10-18, the Wednesday after publication.
    text = "The shelters closed on Monday, Oct. 9. Most families were back home by Wednesday."
    assert _values(text, "2023-10-14")["Wednesday"] == "2023-10-11"


def test_the_following_day_moves_on_from_the_latest_day_told() -> None:
    # Was 2023-10-09: the narrative reference was the last date named (a look back at the
    # leak), not the evening of the hearing the story is about.
    text = (
        "Residents filled the hall on Thursday evening to speak against the permit after the "
        "Oct. 9 leak. The manager said the leak started Monday morning, Oct. 9, and a worker "
        "smelled gas the day before. The owner wrote that he would see the board the following day."
    )
    mentions = {m.text: m for m in resolve(text, "2023-10-20")}
    following = mentions["the following day"]
    assert (following.value, following.granularity) == ("2023-10-20", "day")
    assert following.reference == "2023-10-19TEV"
    assert mentions["the day before"].value == "2023-10-08"


def test_the_weekend_before_an_undated_event_stays_vague() -> None:
    # Was the weekend of the publication date (2023-W41-WE), an invented date.
    text = "The board will ask why warnings from the weekend before the leak went unanswered."
    (weekend,) = resolve(text, "2023-10-14")
    assert weekend.value == "XXXX-WXX-WE"
    assert weekend.start is None and weekend.reference is None


def test_the_weekend_before_a_dated_event_hangs_on_its_date() -> None:
    text = (
        "The leak began Monday morning when a valve failed. Neighbors had noticed the smell "
        "the weekend before the leak."
    )
    weekend = resolve(text, "2023-10-14")[-1]
    assert (weekend.value, weekend.start, weekend.end) == (
        "2023-W40-WE",
        "2023-10-07",
        "2023-10-09",
    )
    assert (weekend.anchor, weekend.reference) == ("narrative", "2023-10-09TMO")


def test_a_range_end_day_never_overlaps_the_next_mention() -> None:
    # hypothesis found "April 16-19-year-old": the "19" of a day range was also the age's
    found = [(m.text, m.value) for m in resolve("April 16-19-year-old", "2013-04-23")]
    assert found == [("April 16", "2013-04-16"), ("19-year-old", "P19Y")]
    found = [(m.text, m.value) for m in resolve("It meets Dec. 13-14.", "2013-04-23")]
    assert found == [("Dec. 13", "2013-12-13"), ("14", "2013-12-14")]
