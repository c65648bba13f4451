"""Attribution: who says so, in the usual shapes of news prose."""

from __future__ import annotations

import pytest

from timeline.claims.attribution import choose, find_attributions


def _attribution(sentence: str, near: str) -> str | None:
    found = find_attributions(sentence, 0, len(sentence))
    chosen = choose(found, sentence.index(near))
    return chosen.phrase if chosen else None


CASES = [
    ("The Ministry said the convoy left on Monday.", "Monday", "The Ministry said"),
    ("The convoy left on Monday, port officials said.", "Monday", "port officials said"),
    (
        "The leaders spoke last week, according to a White House statement.",
        "last week",
        "according to a White House statement",
    ),
    (
        "Federal officials told state investigators that the tip came in 2011.",
        "2011",
        "Federal officials told state investigators",
    ),
    (
        "Anna K. Berg, the mayor's spokeswoman, repeated the figure after the vote on Monday.",
        "Monday",
        "Anna K. Berg, the mayor's spokeswoman, repeated",
    ),
    (
        '"We smelled it on Saturday night," said Ruth Okafor, a neighbor.',
        "Saturday",
        "said Ruth Okafor",
    ),
    (
        "The utility said in a statement that power returned on Friday.",
        "Friday",
        "The utility said in a statement",
    ),
    (
        "Over the weekend the newspaper Daily Ledger reported that he had left in 2012.",
        "2012",
        "the newspaper Daily Ledger reported",
    ),
    ("Officials in 2011 also claimed to have found a plot.", "2011", "Officials claimed"),
    (
        "It also says workers noticed a smell on Sunday, a day before the company says it began.",
        "Sunday",
        "It says",
    ),
]


@pytest.mark.parametrize(("sentence", "near", "expected"), CASES)
def test_attribution_shapes(sentence, near, expected):
    assert _attribution(sentence, near) == expected


def test_no_attribution_without_a_speaker():
    sentence = "The plant opened in 2008 and closed in 2012."
    assert find_attributions(sentence, 0, len(sentence)) == []


def test_relative_clauses_are_not_speakers():
    sentence = "The report, which says little, came out in May."
    assert all(a.speaker.lower() != "which" for a in find_attributions(sentence, 0, len(sentence)))


def test_a_day_after_the_verb_is_no_speaker_and_a_number_no_boundary():
    t = "The company, which has 3,000 employees, said Monday it would close its plant."
    found = find_attributions(t, 0, len(t))
    assert [a.speaker for a in found] == ["The company, which has 3,000 employees"]
    t = "The plant will close, said Tuesday's statement."
    assert all(a.speaker != "Tuesday" for a in find_attributions(t, 0, len(t)))
