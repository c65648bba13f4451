"""Attribution: who says so, in the usual shapes of news prose."""

from __future__ import annotations

import pytest

from tests.claims.helpers import document, mention
from timeline.claims import extract_claims
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
    assert [a.speaker for a in found] == ["The company"]  # the relative aside is left out
    t = "The plant will close, said Tuesday's statement."
    assert all(a.speaker != "Tuesday" for a in find_attributions(t, 0, len(t)))


# Asides between speaker and verb, speakers after the verb, plural and coordinated speakers.
SPEAKER_CASES = [
    (
        "Mara Lind, who has run the mill since 2009, said the kiln would reopen in May.",
        "May",
        "Mara Lind said",
    ),
    (
        "Tomas Ferro, a spokesman for the port authority, said the berth closed on Friday.",
        "Friday",
        "Tomas Ferro, a spokesman for the port authority, said",
    ),
    (
        "Her brother, Ivo Marek, said the shop opened in 1987.",
        "1987",
        "Her brother, Ivo Marek, said",
    ),
    ("Dana Holt, 47, has said the plant will close in 2026.", "2026", "Dana Holt has said"),
    ("The water board, meanwhile, said rates would rise in July.", "July", "The water board said"),
    (
        "Velmor Foods Inc. (NYSE: VMF) today announced that it would shut a plant in March.",
        "March",
        "Velmor Foods Inc. announced",
    ),
    (
        "The 61-year-old retired pilot said the crash happened in 1994.",
        "1994",
        "The 61-year-old retired pilot said",
    ),
    (
        "Norland's transport ministry said the line reopened on Monday.",
        "Monday",
        "Norland's transport ministry said",
    ),
    ("Flooding closed the road on Tuesday, organizers said.", "Tuesday", "organizers said"),
    (
        "Mayor Ana Ruiz toured the site on Monday and said repairs would start in June.",
        "June",
        "Mayor Ana Ruiz said",
    ),
    (
        '"We were ready by Monday," said union organizer Pia Sandoval.',
        "Monday",
        "said union organizer Pia Sandoval",
    ),
    (
        '"The river rose on Sunday," said the agency\'s chief hydrologist, Dr. Lena Voss.',
        "Sunday",
        "said the agency's chief hydrologist, Dr. Lena Voss",
    ),
    (
        "“Officials told us nothing in 2019,” said Kai Brandt.",
        "2019",
        "said Kai Brandt",
    ),
    (
        "Ilse Varga told jurors on Monday that the van left at noon.",
        "Monday",
        "Ilse Varga told jurors",
    ),
]


@pytest.mark.parametrize(("sentence", "near", "expected"), SPEAKER_CASES)
def test_speakers_past_asides_and_after_the_verb(sentence, near, expected):
    assert _attribution(sentence, near) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Staff were told on Friday to expect cuts.",
        "A storm with winds estimated at 90 mph hit the coast on Sunday.",
        "By Friday, prosecutors had not said whether they would appeal.",
        "This year the town has added a second ferry.",
        "Fans lingered on Saturday after their own shows had ended.",
        "The board declared a dividend of 20 cents a share, payable June 3.",
        "Prices rose in March, the highest since 2008, said nothing.",
    ],
)
def test_no_speaker_where_nothing_is_said(sentence):
    assert [a.phrase for a in find_attributions(sentence, 0, len(sentence))] == []


def test_a_speaker_opening_a_clause_of_its_own_does_not_credit_what_came_before():
    t = "The rally is set for Saturday, and organizers said turnout would be high."
    found = find_attributions(t, 0, len(t))
    assert [a.phrase for a in found] == ["organizers said"]
    assert choose(found, t.index("Saturday"), t) is None
    t = "The rally is set for Saturday, organizers said."
    assert choose(find_attributions(t, 0, len(t)), t.index("Saturday"), t).phrase == (
        "organizers said"
    )


def test_the_speaker_is_the_name_of_an_appositive():
    t = "Her brother, Ivo Marek, said the shop opened in 1987."
    assert [a.speaker for a in find_attributions(t, 0, len(t))] == ["Ivo Marek"]


def test_a_reporting_word_after_an_article_is_an_adjective():
    # "an estimated net worth", "the alleged plot": nobody says anything
    t = "A collector with an estimated fortune of $2 billion, the banker opened a museum in 2014."
    assert find_attributions(t, 0, len(t)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "she" stands for no ministry, bar or charity: no attribution rather than a wrong one
        (
            "The Ministry of Health said on Monday clinics would open. She also revealed that "
            "a new term would start in February.",
            None,
        ),
        (
            "Tom Reyes of Harbor Bar said on Monday the bar would close. He warned that the "
            "hospitals could fill by next month.",
            "Tom Reyes of Harbor Bar (He warned)",
        ),
    ],
)
def test_a_pronoun_speaker_stands_only_for_a_person(text, expected):
    doc = document(text, published="2024-05-14")
    phrase = "February" if "February" in text else "next month"
    value = "2025-02" if phrase == "February" else "2024-06"
    monday = mention(text, "Monday", "2024-05-13")
    claims = extract_claims(doc, [monday, mention(text, phrase, value)])
    assert claims[-1].mention == phrase and claims[-1].attribution == expected
