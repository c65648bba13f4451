"""Sentence and clause segmentation keeps exact offsets into the original text."""

from __future__ import annotations

from itertools import pairwise

from timeline.claims.sentences import SentenceIndex, clause_spans, sentence_spans


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


def test_abbreviations_do_not_end_sentences():
    text = "The hearing is set for Oct. 19 in Aldery. Mr. Hale and the U.S. team will attend."
    assert _sentences(text) == [
        "The hearing is set for Oct. 19 in Aldery.",
        "Mr. Hale and the U.S. team will attend.",
    ]


def test_line_breaks_are_boundaries_but_a_broken_sentence_is_rejoined():
    text = "A headline without a period\nThe first sentence of the body ran across\n\ntwo lines."
    assert _sentences(text) == [
        "A headline without a period",
        "The first sentence of the body ran across\n\ntwo lines.",
    ]


def test_offsets_point_into_the_region_given():
    text = "Skip me. Keep this one. And this one."
    spans = sentence_spans(text, 9, len(text))
    assert [text[s:e] for s, e in spans] == ["Keep this one.", "And this one."]
    index = SentenceIndex(spans)
    assert index.find(text.index("this one")) == spans[0]
    assert index.find(0) is None


def test_one_clause_per_mention_cut_at_the_strongest_boundary():
    text = "Gunmen attacked the depot Monday that held fuel and then burned a bridge on Friday."
    spans = clause_spans(
        text,
        (0, len(text)),
        [(text.index("Monday"), text.index("Monday") + 6), (text.index("Friday"), len(text) - 1)],
    )
    assert [text[s:e] for s, e in spans] == [
        "Gunmen attacked the depot Monday that held fuel",
        "and then burned a bridge on Friday.",
    ]


def test_semicolons_split_a_list_of_dated_items():
    text = "The toll: a flood in 1999; a fire two years later; and a quake in 2004."
    mentions = [
        (text.index(w), text.index(w) + len(w)) for w in ("1999", "two years later", "2004")
    ]
    clauses = [text[s:e] for s, e in clause_spans(text, (0, len(text)), mentions)]
    assert clauses == [
        "The toll: a flood in 1999",
        "a fire two years later",
        "and a quake in 2004.",
    ]


def test_a_single_mention_keeps_its_whole_sentence():
    text = "Residents said they smelled gas on Sunday, before the order came."
    at = text.index("Sunday")
    assert clause_spans(text, (0, len(text)), [(at, at + 6)]) == [(0, len(text))]


def test_a_text_without_punctuation_is_cut_into_bounded_pieces_that_cover_it():
    # A scrape that lost every period: one "sentence" of 60 KB would make the work per
    # mention grow with the whole text.
    words = "the council met on Monday and said the plan would pass in March, officials said"
    text = " ".join([words] * 800)
    spans = sentence_spans(text)
    assert len(spans) > 30
    assert max(e - s for s, e in spans) <= 2000
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    # contiguous: every gap between pieces is only the separator that was cut at
    gaps = [text[a_end:b_start] for (_, a_end), (b_start, _) in pairwise(spans)]
    assert all(gap.strip(" ,") == "" for gap in gaps)


def test_who_said_it_after_a_comma_stays_with_what_was_said():
    from timeline.claims.sentences import clause_spans

    t = "Ferries to Esk will stop after 6pm on Friday, Harbour Minister Ivo Marek said on Monday."
    spans = clause_spans(
        t, (0, len(t)), [(t.index("6pm"), t.index(", H")), (t.index("Monday"), len(t) - 1)]
    )
    assert [t[s:e] for s, e in spans] == [t, t]


def test_a_clock_time_ends_a_sentence_before_a_new_one():
    text = (
        "The library stays open until 8 p.m. Call the front desk to book a room. "
        "Readings start at 6:30 p.m. Friday and at 10 a.m. Eastern on the radio. "
        "Tickets for the 7 p.m. Gala sold out."
    )
    assert _sentences(text) == [
        "The library stays open until 8 p.m.",
        "Call the front desk to book a room.",
        "Readings start at 6:30 p.m. Friday and at 10 a.m. Eastern on the radio.",
        "Tickets for the 7 p.m. Gala sold out.",
    ]
