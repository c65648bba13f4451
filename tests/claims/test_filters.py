"""Mentions that do not date a happening are left out, each for a reason a user would give."""

from __future__ import annotations

import pytest

from tests.claims.helpers import document, mention
from timeline.claims import extract_claims
from timeline.claims.filters import rejection

REJECTED = [
    ("The 19-year-old student was held.", "19", "2019", "DATE", "absolute", "age"),
    ("© 2019 Riverton Gazette Media Group.", "2019", "2019", "DATE", "absolute", "copyright year"),
    ("Copyright 2023 Harbor Wire Service.", "2023", "2023", "DATE", "absolute", "copyright year"),
    (
        "PORT ALDERY, Oct. 10, 2023 (HWS) — Residents fled.",
        "Oct. 10, 2023",
        "2023-10-10",
        "DATE",
        "absolute",
        "dateline or byline",
    ),
    (
        "By Staff writer / April 29, 2013\n\nThe talks began.",
        "April 29, 2013",
        "2013-04-29",
        "DATE",
        "absolute",
        "dateline or byline",
    ),
    (
        "Thursday, 25 April 2013 08:10 AM EDT\nText.",
        "Thursday, 25 April 2013",
        "2013-04-25",
        "DATE",
        "absolute",
        "dateline or byline",
    ),
    (
        "He trained for the 2016 Summer Olympics in Rio.",
        "2016",
        "2016",
        "DATE",
        "absolute",
        "part of a name",
    ),
    (
        "Security was tight before August's World Cup.",
        "August",
        "2013-08",
        "DATE",
        "published",
        "part of a name",
    ),
    (
        "Cooperation grew after the 9/11 attacks.",
        "9/11",
        "2013-09-11",
        "DATE",
        "published",
        "part of a name",
    ),
    (
        "The board voted 4-1 to appeal.",
        "4-1",
        "2013-04-01",
        "DATE",
        "published",
        "a score, not a date",
    ),
    (
        "He lived there for 14 years.",
        "14 years",
        "P14Y",
        "DURATION",
        "absolute",
        "not a date or time",
    ),
    (
        "Men will kick down his door at 2 in the morning.",
        "2 in the morning",
        "2013-04-23TEV",
        "TIME",
        "published",
        "clock time anchored only on the publication date",
    ),
    # Shapes of real web pages (sentences written for these tests).
    (
        "Rivals spent heavily in the Super Tuesday states.",
        "Tuesday",
        "2024-03-05",
        "DATE",
        "published",
        "part of a name",
    ),
    (
        "He poured a glass of Kessler's 2009 Goldkapsel.",
        "2009",
        "2009",
        "DATE",
        "absolute",
        "part of a name",
    ),
    ("Sign up at www.fair2022.com today.", "2022", "2022", "DATE", "absolute", "in a web address"),
    (
        "Write to press@expo2025.org for passes.",
        "2025",
        "2025",
        "DATE",
        "absolute",
        "in a web address",
    ),
    (
        "The prize went to the war film “1917,” not to the musical.",
        "1917",
        "1917",
        "DATE",
        "absolute",
        "a quoted title",
    ),
    (
        "The sea has warmed by 1.4C (Ocean Watch Service, 2023).",
        "2023",
        "2023",
        "DATE",
        "absolute",
        "a citation of a source",
    ),
    (
        "ARCHIVE — March 3, 2016, 10:05 am How the dam was sold to a bidder the county never named.",
        "March 3, 2016, 10:05 am",
        "2016-03-03T10:05",
        "TIME",
        "absolute",
        "a page's time stamp",
    ),
    (
        "Clerks still file the permits on paper, like it's 1979, a councillor complained.",
        "1979",
        "1979",
        "DATE",
        "absolute",
        "a time compared to",
    ),
    (
        "The depot runs its trains as if it were still 1950.",
        "1950",
        "1950",
        "DATE",
        "absolute",
        "a time compared to",
    ),
]


@pytest.mark.parametrize(("text", "phrase", "value", "kind", "anchor", "reason"), REJECTED)
def test_not_event_times(text, phrase, value, kind, anchor, reason):
    m = mention(text, phrase, value, type=kind, anchor=anchor)
    assert rejection(m, text) == reason


KEPT = [
    ("In 2011, state inspectors found corroded valves.", "2011", "2011", "DATE", "absolute"),
    ("The plant opened in 2008.", "2008", "2008", "DATE", "absolute"),
    ("Russia waged a war that began in 1999.", "1999", "1999", "DATE", "absolute"),
    ("The 2012 election changed the council.", "2012", "2012", "DATE", "absolute"),
    ("The bombs went off Monday.", "Monday", "2013-04-15", "DATE", "published"),
    (
        "By Tuesday evening most had gone home.",
        "Tuesday evening",
        "2013-04-16TEV",
        "TIME",
        "published",
    ),
    (
        "Crews sealed the valve by late afternoon.",
        "late afternoon",
        "2013-04-15TEV",
        "TIME",
        "narrative",
    ),
    (
        "Russian officials warned the FBI in March 2011.",
        "March 2011",
        "2011-03",
        "DATE",
        "absolute",
    ),
    ("Governor Ana Ruiz Thursday called for calm.", "Thursday", "2024-03-07", "DATE", "published"),
    ("Russia's 2014 annexation of Crimea angered Kyiv.", "2014", "2014", "DATE", "absolute"),
    ("The poll (taken in May 2023) was close.", "May 2023", "2023-05", "DATE", "absolute"),
    (
        "The vote is on March 3, 2016, at 10:05 am.",
        "March 3, 2016, at 10:05 am",
        "2016-03-03T10:05",
        "TIME",
        "absolute",
    ),
    (
        "It felt like it was 2009 again when the mill closed in 2011.",
        "2011",
        "2011",
        "DATE",
        "absolute",
    ),
]


@pytest.mark.parametrize(("text", "phrase", "value", "kind", "anchor"), KEPT)
def test_event_times_are_kept(text, phrase, value, kind, anchor):
    m = mention(text, phrase, value, type=kind, anchor=anchor)
    assert rejection(m, text) is None


def test_a_byline_is_found_beside_a_huge_line():
    text = "x " * 500_000 + "\nBy Staff writer / April 29, 2013\n" + "y " * 500_000
    m = mention(text, "April 29, 2013", "2013-04-29", anchor="absolute")
    assert rejection(m, text) == "dateline or byline"


class _SlicingSpy(str):
    """A text that records the longest slice taken of it."""

    longest = 0

    def __getitem__(self, key):
        piece = str.__getitem__(self, key)
        _SlicingSpy.longest = max(_SlicingSpy.longest, len(piece))
        return piece


def test_the_work_per_mention_does_not_grow_with_the_line():
    """A text of one huge line (no newline in 8 MB) is checked by looking near the mention only:
    the byline rule used to split the whole line for every mention, hours for a few MB. Counted
    in characters sliced, not timed."""
    filler = "the talks went on and on " * 160_000
    text = _SlicingSpy(filler + "They met in 2011 again. " + filler)
    m = mention(text, "2011", "2011", anchor="absolute")
    _SlicingSpy.longest = 0
    assert rejection(m, text) is None
    assert 0 < _SlicingSpy.longest <= 1_000


def test_a_sentence_opening_with_by_is_no_byline_stamp():
    from timeline.claims.filters import rejection
    from timeline.temporal import resolve

    prose = "Headline\n\nBy the end of 2012, the debt had doubled.\n"
    byline = "Headline\n\nBy Jo Park | March 3, 2021\n\nThe debt doubled.\n"
    assert [rejection(m, prose) for m in resolve(prose, "2024-05-14")] == [None]
    assert [rejection(m, byline) for m in resolve(byline, "2024-05-14")] == ["dateline or byline"]


def test_a_by_sentence_naming_a_person_is_no_byline_either():
    """One test of "is this a byline" (ingest.cleanup.is_byline) serves ingest and this filter:
    a capital after "By" is not enough ("By Governor Lee's order of March 3, 2021, ...")."""
    from timeline.temporal import resolve

    text = "Headline\n\nBy Governor Lee's order of March 3, 2021, the schools closed for a year.\n"
    dated = [m for m in resolve(text, "2024-05-14") if m.type == "DATE"]
    assert [(m.text, rejection(m, text)) for m in dated] == [("March 3, 2021", None)]


@pytest.mark.parametrize(
    ("text", "phrase", "kept"),
    [
        # A question asks; it claims nothing about its date.
        ("Are you a Kelso resident planning to vote this month?", "this month", False),
        ("Will the ferry to Esk run again on Monday?", "Monday", False),
        # ... but the asking is dated when the date is outside the quoted question.
        ("Councillor Ana Ruiz asked on Monday: “Why was the depot shut?”", "Monday", True),
        ('Ana Ruiz asked last week "Why did the crews leave in June?"', "June", False),
        # The page talking to its reader is no claim either.
        ("We are signing off for the night and will be back from 6am.", "6am", False),
        ("You can follow all of today's updates in our live blog below.", "today", False),
        ("Sign up for our newsletter before Friday.", "Friday", False),
        # ... while news told on such a page stays, and so does a quotation.
        (
            "Welcome to our live coverage of the gale, which felled 40 trees overnight.",
            "overnight",
            True,
        ),
        ('"We will be back on Monday," the ferry operator said.', "Monday", True),
        ("Residents can sign up for the scheme until Friday.", "Friday", True),
    ],
)
def test_questions_and_the_page_talking_to_its_reader_are_no_claims(text, phrase, kept):
    doc = document(text, published="2024-05-14")
    claims = extract_claims(doc, [mention(text, phrase, "2024-05-13")])
    assert bool(claims) == kept


def test_broadcast_stamps_are_no_claims():
    """A transcript's running stamp ("[12:00:07]") and its header's hours on air ("Aired 12-1p
    ET") say when words were broadcast; the day they speak of is a claim."""
    from datetime import datetime

    from timeline.temporal.engine import annotate

    text = "Aired 12-1p ET\n\n[12:00:07]  VARGAS: On Friday night the sky over the lake turned red."
    mentions = annotate(text, datetime(2024, 5, 12))
    reasons = {m.text: rejection(m, text) for m in mentions}
    assert reasons["12:00:07"] == "a page's time stamp"
    assert reasons["1p ET"] == "a page's time stamp"
    assert reasons["Friday night"] is None
