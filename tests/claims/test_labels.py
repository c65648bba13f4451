"""Claim labels: short event descriptions, read with the sentence and the text before it.

Sentences are written for these tests (general news shapes, no article text)."""

from __future__ import annotations

import pytest

from tests.claims.helpers import document, mention
from tests.events.labelcheck import problems
from timeline.claims import extract_claims
from timeline.claims.labels import describe, person_names, split_glued


def _label(text: str, date: str, *, clause: str | None = None, said: str | None = None) -> str:
    """describe() on the sentence ``text`` (one sentence), the clause holding ``date``."""
    m0 = text.index(date)
    c0 = text.index(clause) if clause else 0
    c1 = c0 + len(clause) if clause else len(text)
    attributions = [(text.index(said), text.index(said) + len(said))] if said else []
    return describe(
        text, (c0, c1), (m0, m0 + len(date)), sentence=(0, len(text)), attributions=attributions
    )


@pytest.mark.parametrize(
    ("text", "date", "clause", "said", "expected"),
    [
        # A coordinated verb takes back the subject of its sentence.
        (
            "Police said the three men who robbed the depot on May 3 and then fled the city on "
            "May 5 were arrested in Bayport.",
            "May 5",
            "and then fled the city on May 5 were arrested in Bayport.",
            "Police said",
            "The three men fled the city",
        ),
        # An object relative takes back its object after the verb.
        (
            "The strike grew into a wider revolt that the army crushed a year later.",
            "a year later",
            None,
            None,
            "The army crushed a wider revolt",
        ),
        # A noun happening takes the verb of the relative clause after the date.
        (
            "The losses mounted: a fire at the Kesler mill in 2004 that left 40 workers dead.",
            "2004",
            None,
            None,
            "A fire at the Kesler mill left 40 workers dead",
        ),
        # A date that times a state dates the happening it is attached to.
        (
            "The union called two strikes, the second led by Ana Ruiz when she was still its "
            "treasurer in 2011.",
            "2011",
            None,
            None,
            "The union called two strikes, the second led by Ana Ruiz",
        ),
        # Leading links and discourse words go; a colon is a clause break.
        (
            "The cost was high as well: floods in Bayport that forced a recall in 2019.",
            "2019",
            None,
            None,
            "Floods in Bayport forced a recall",
        ),
        # "The company said it ...": the pronoun is the speaker.
        (
            "The company said it replaced the pumps in 2015.",
            "2015",
            None,
            "The company said",
            "The company replaced the pumps",
        ),
        # A saying dated next to its verb: what was said, crediting who said it.
        (
            "An aide told the Telegraph news desk on Monday that the talks had failed.",
            "Monday",
            None,
            "An aide told",
            "The talks had failed (aide)",
        ),
        # Too long: cut before a clause, never on a function word, never mid-quote.
        (
            "The regional water board approved emergency repairs to the old northern dam on "
            "Friday because engineers had warned of “imminent structural failure of the wall”.",
            "Friday",
            None,
            None,
            "The regional water board approved emergency repairs to the old northern dam",
        ),
    ],
)
def test_labels_say_who_did_what(text, date, clause, said, expected):
    label = _label(text, date, clause=clause, said=said)
    assert label == expected
    assert not problems(label) - {"too short"}


def test_a_leading_he_names_the_person_named_before():
    text = (
        "Investigators said Ivo Marek met the suppliers in Bayport.\n\n"
        "He flew to Orvia on March 3, 2021, according to flight records."
    )
    (claim,) = extract_claims(
        document(text, published="2021-05-01"),
        [mention(text, "March 3, 2021", "2021-03-03")],
    )
    assert claim.label == "Ivo Marek flew to Orvia"


def test_a_possessive_before_a_name_gives_way_to_the_name():
    text = "His younger brother Tomas Marek was arrested near Bayport on Friday."
    assert _label(text, "Friday") == "Tomas Marek was arrested near Bayport"


def test_place_names_and_titles_are_not_people():
    names = [n for _, n in person_names("Mr. Lind flew to Bayport after the Harbor Board met.")]
    assert names == ["Mr. Lind"]
    # A headline line names no one a pronoun can stand for.
    assert person_names("Ruiz quits Kesler board\nShe said she would stay.") == []
    # Events, streets and bodies are no people: "her" after them does not stand for them.
    text = "When the country entered World War II, she left the Kesler College for Mill Street."
    assert person_names(text) == []


def test_glued_words_are_split_for_display_but_brand_words_stay():
    assert split_glued("a stay inRussiain 2012") == "a stay in Russia in 2012"
    assert split_glued("clips on YouTube") == "clips on YouTube"


def test_claims_keep_their_original_quote_and_carry_the_label():
    text = "The regulator said that the plant inBoston closed on Monday."
    (claim,) = extract_claims(
        document(text, published="2021-05-12"), [mention(text, "Monday", "2021-05-10")]
    )
    assert "inBoston" in claim.text  # the quote is what the source wrote
    assert claim.label == "The plant in Boston closed"


# --- reporting frames: the label is what was reported, crediting who reported it -----------


@pytest.mark.parametrize(
    ("text", "date", "clause", "said", "expected"),
    [
        # The frame alone is the clause ("... reported"): the content comes from the sentence,
        # past its "that" and a leading adverbial that holds another date.
        (
            "Over the weekend the Harbor Gazette reported that during her long stay in Orvia in "
            "2019, Ana Ruiz was trying to buy the mill and had met its owners.",
            "the weekend",
            "Over the weekend the Harbor Gazette reported",
            None,
            "Ana Ruiz was trying to buy the mill (Harbor Gazette)",
        ),
        # The date inside the reported clause: the speaker is credited by surname when the
        # full name does not fit; a quotation is kept whole.
        (
            "Lena Voss, a senior council aide, said the two mayors on Friday “signed a binding "
            "agreement on shared water rights” between the neighbouring towns.",
            "Friday",
            None,
            "Lena Voss, a senior council aide, said",
            "The two mayors “signed a binding agreement on shared water rights” (Voss)",
        ),
        # "told X on <date> that ...": whom it was told goes, what was told stays.
        (
            "A port official told the Bayport Herald on Tuesday that “no ship will leave before "
            "the inspection.”",
            "Tuesday",
            None,
            "A port official told",
            "No ship will leave before the inspection (port official)",
        ),
        # "X said he ...": the speaker is the subject, no credit needed.
        (
            "Mr. Lind said on Monday that he would resign from the board.",
            "Monday",
            None,
            "Mr. Lind said",
            "Lind would resign from the board",
        ),
        # A label stopping inside a quotation takes in the few words that close it.
        (
            "Mr. Lind said on Monday that the board had failed to provide “any plan that would "
            "work” for the islands.",
            "Monday",
            None,
            "Mr. Lind said",
            "The board had failed to provide “any plan that would work” (Lind)",
        ),
        # Not a frame: "announced" with an object, no clause.
        (
            "The ministry announced new border checks on Monday.",
            "Monday",
            None,
            None,
            "The ministry announced new border checks",
        ),
    ],
)
def test_a_reporting_frame_labels_what_was_reported(text, date, clause, said, expected):
    label = _label(text, date, clause=clause, said=said)
    assert label == expected
    assert not problems(label)


# --- cuts: at a phrase boundary, never on a dangling word ------------------------------------


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # Not on a quantifier ("left few"): back to a phrase that ends on its head.
        (
            "The dispute over fares had left few on the transit board still defending the old "
            "pricing rules in 2015.",
            "2015",
            "The dispute over fares had left few on the transit board",
        ),
        # Before a participle phrase, rather than between a passive and its agent.
        (
            "Two fishermen were among the crew members rescued on Sunday by coast guard "
            "helicopters flying in from the northern base.",
            "Sunday",
            "Two fishermen were among the crew members rescued by coast guard helicopters",
        ),
        # Not between "between X" and "and Y".
        (
            "Talks between the harbor board and the ferry workers union ran late into the "
            "night on Monday.",
            "Monday",
            "Talks between the harbor board and the ferry workers union ran late",
        ),
        # Titles go to make room, so the infinitive completing "agreed" is kept.
        (
            "Mr. Lind and President Ruiz agreed in a call on Friday to expand ferry service.",
            "Friday",
            "Lind and Ruiz agreed in a call to expand ferry service",
        ),
    ],
)
def test_a_long_label_is_cut_at_a_phrase_boundary(text, date, expected):
    label = _label(text, date)
    assert label == expected
    assert not problems(label)


# --- no word dropped, no clause spliced ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # "urged that X delay": without "that" the label reads as a word dropped.
        (
            "They urged that the council delay the vote in 2020.",
            "2020",
            "They urged that the council delay the vote",
        ),
        # A past participle right before the date: the date times that, not the main verb
        # (and not a clause spliced after a negation: "... nor checked ...").
        (
            "Auditors have neither confirmed that the mayor met the builders nor checked press "
            "accounts of three payments made by the port company in 2018 naming the mayor.",
            "2018",
            "Three payments made by the port company naming the mayor",
        ),
        # An aside between commas goes; the word after it completes the phrase.
        (
            "The losses grew, and a fire at the Kesler depot in 2004 ended with 30 workers, "
            "most of them drivers, injured.",
            "2004",
            "A fire at the Kesler depot ended with 30 workers injured",
        ),
    ],
)
def test_labels_keep_their_grammar(text, date, expected):
    label = _label(text, date)
    assert label == expected
    assert "nor" not in label.split()


def _claim_labels(text: str, *dates: str) -> list[str]:
    """The labels of the claims of ``text`` (published 2024-05-14) for the given date phrases
    (their values do not matter to labels)."""
    doc = document(text, published="2024-05-14")
    return [c.label for c in extract_claims(doc, [mention(text, d, "2024-05-13") for d in dates])]


# A quotation first, its speaker after it: the label is what was said, credited; a date in the
# quotation dates what it tells, a date after it dates the saying.
QUOTE_FIRST = "“We asked for the money three years ago,” county engineer Ivo Marek said Tuesday."


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        (QUOTE_FIRST, "three years ago", "We asked for the money (Ivo Marek)"),
        (QUOTE_FIRST, "Tuesday", "We asked for the money three years ago (Ivo Marek)"),
        (
            '"It was chaos," a witness told reporters Saturday.',
            "Saturday",
            "It was chaos (witness)",
        ),
        (
            '"It was the worst flood since 1962," said Mayor Ana Ruiz on Wednesday.',
            "1962",
            "It was the worst flood (Ana Ruiz)",
        ),
        # a pronoun speaker earns no credit without a name before it
        ('"We will rebuild by 2026," they said Monday.', "Monday", "We will rebuild by 2026"),
        # "according to" dates the source, not the sentence's subject; a dateline is no subject
        (
            "BAYPORT — Inspectors warned in 2019 that the dam had cracks, according to records "
            "released Monday.",
            "Monday",
            "Records released",
        ),
        (
            "BAYPORT — Inspectors warned in 2019 that the dam had cracks, according to records "
            "released Monday.",
            "2019",
            "The dam had cracks (Inspectors)",
        ),
    ],
)
def test_quotations_first_and_sources_by_according_to(text, date, expected):
    assert _claim_labels(text, date) == [expected]


def test_a_date_next_to_the_saying_and_one_in_what_was_said():
    text = "Officials said last week that repairs had been scheduled for this summer."
    doc = document(text, published="2024-05-14")
    claims = extract_claims(
        doc, [mention(text, "last week", "2024-W19"), mention(text, "this summer", "2024-06")]
    )
    labels = {c.mention: c.label for c in claims}
    assert labels == {
        "last week": "Repairs had been scheduled for this summer (Officials)",
        "this summer": "Repairs had been scheduled",
    }


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # the date alone closes the sentence: it dates the sentence
        (
            "The talks, which began on Monday, are expected to last until Friday.",
            "Friday",
            "The talks are expected to last",
        ),
        ("The talks, which began on Monday, are expected to last.", "Monday", "The talks began"),
        ("Ivo Marek, who joined in 1998, resigned on Friday.", "1998", "Ivo Marek joined"),
        ("The plant, built in 1962, employs 400 people.", "1962", "The plant was built"),
        ("The bridges, opened in 1932, need repairs.", "1932", "The bridges were opened"),
        ("Ana Ruiz, 54, joined the firm in 1998.", "1998", "Ana Ruiz joined the firm"),
        (
            "The measure, which the House approved Wednesday, now goes to the president.",
            "Wednesday",
            "The House approved the measure",
        ),
        (
            "After the vote on Tuesday, protesters gathered outside the parliament.",
            "Tuesday",
            "Protesters gathered outside the parliament after the vote",
        ),
        (
            "After Tuesday's vote, the minister resigned.",
            "Tuesday",
            "The minister resigned after the vote",
        ),
        (
            "Monday's storm knocked out power to 40,000 homes.",
            "Monday",
            "The storm knocked out power to 40,000 homes",
        ),
    ],
)
def test_asides_participles_and_fronted_events(text, date, expected):
    assert _claim_labels(text, date) == [expected]


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        (
            "It was not until 2018 that the report was made public.",
            "2018",
            "The report was made public",
        ),
        (
            "The company announced on Monday that it would cut 1,200 jobs.",
            "Monday",
            "The company would cut 1,200 jobs",
        ),
        ("Ivo Marek said on Friday that he would resign.", "Friday", "Ivo Marek would resign"),
        (
            "Officials have not said what caused the fire, which broke out shortly after midnight.",
            "midnight",
            "The fire broke out",
        ),
    ],
)
def test_clefts_reported_pronouns_and_dangling_adverbs(text, date, expected):
    assert _claim_labels(text, date) == [expected]


def test_a_sentence_opening_with_by_is_no_byline():
    from timeline.ingest.cleanup import _prose

    assert _prose("By Wednesday evening, the death toll had risen to 37.")
    assert not _prose("By Jo Park, staff writer")
    assert not _prose("By JOHN SMITH and ANA RUIZ, Associated Press")


@pytest.mark.parametrize(
    ("text", "dates", "expected"),
    [
        (
            "Born in 1950 in Ohio, she moved to New York in 1972.",
            ["1950", "1972"],
            ["She was born in Ohio", "She moved to New York"],
        ),
        ("Founded in 1890, the company makes glass.", ["1890"], ["The company was founded"]),
        (
            "The law, passed by parliament in 2014, bans smoking.",
            ["2014"],
            ["The law was passed by parliament"],
        ),
        (
            "The drought, the worst since 1976, has cut wheat yields.",
            ["1976"],
            ["The drought, the worst"],
        ),
        (
            "In a statement released late Friday, the ministry said the talks would resume.",
            ["late Friday"],
            ["The talks would resume (ministry)"],
        ),
        (
            "The museum, which reopened in March, drew 10,000 visitors last weekend.",
            ["March", "last weekend"],
            ["The museum reopened", "The museum drew 10,000 visitors"],
        ),
    ],
)
def test_fronted_participles_appositives_and_settings(text, dates, expected):
    assert _claim_labels(text, *dates) == expected


@pytest.mark.parametrize(
    ("text", "dates", "expected"),
    [
        (
            "On Tuesday, the central bank raised its key rate for the third time this year.",
            ["Tuesday", "this year"],
            [
                "The central bank raised its key rate",
                "The central bank raised its key rate for the third time",
            ],
        ),
        (
            "The team won the title in 2012 and again in 2014.",
            ["2012", "2014"],
            ["The team won the title", "The team won the title in 2012 and again"],
        ),
        (
            "Protests have grown since the 2011 uprising.",
            ["2011"],
            ["Protests have grown since the uprising"],
        ),
        (
            "A raid in 2004 ended with 330 people killed.",
            ["2004"],
            ["A raid ended with 330 people killed"],
        ),
    ],
)
def test_a_date_alone_or_elliptic_clause_dates_its_sentence(text, dates, expected):
    assert _claim_labels(text, *dates) == expected


def test_the_saying_takes_its_own_time_with_it():
    text = "The company, which has 3,000 employees, said Monday it would close its plant by 2015."
    assert _claim_labels(text, "Monday", "2015") == [
        "The company would close its plant by 2015",
        "The company would close its plant",
    ]
    text = "The mayor said Tuesday that the city had run out of money in 2012."
    assert _claim_labels(text, "Tuesday", "2012") == [
        "The city had run out of money in 2012 (mayor)",
        "The city had run out of money",
    ]


def test_possessive_days_participles_at_clause_end_and_predicates_after_an_aside():
    assert _claim_labels("Neither side commented on Tuesday's talks.", "Tuesday") == [
        "Neither side commented on the talks"
    ]
    text = "The agreement, signed in 2011 and renewed last year, expires in June."
    assert _claim_labels(text, "2011", "last year", "June") == [
        "The agreement was signed",
        "The agreement renewed",
        "The agreement expires",
    ]


def test_a_clause_left_empty_or_only_an_amount_labels_its_sentence():
    """A date whose clause is only an amount set beside the last one ("..., or about 8 percent
    of its staff, by the end of June") or nothing but an attribution ("before Saturday,
    according to the weather service") dates its sentence: the label is never empty."""
    text = (
        "The firm said it would cut 400 jobs, or about 8 percent of its staff, by the end of June."
    )
    assert _claim_labels(text, "the end of June") == ["The firm would cut 400 jobs"]
    text = "There had been only three tornadoes this year before Saturday, according to the weather service."
    labels = _claim_labels(text, "this year", "Saturday")
    assert all(labels) and "three tornadoes" in labels[1]


def test_a_fronted_time_phrase_labels_the_main_clause():
    text = "In the first nine months of the year, revenue rose 5% to $6.9 billion."
    assert _claim_labels(text, "the year") == ["Revenue rose 5% to $6.9 billion"]


def test_a_subject_relative_ends_at_its_date_before_the_main_verb():
    """ "talks that lasted through the winter forced ...": "lasted" has no noun for a subject
    and is no subject itself; the verb after the date is the sentence's own."""
    text = (
        "The ferry line recovered after strikes by dock workers that lasted through the winter "
        "forced it to cancel half its sailings."
    )
    assert _claim_labels(text, "the winter") == ["Strikes by dock workers lasted"]
    # "that" + a noun is no subject relative: its verb after the date stays
    text = "The shop has promised that parcels posted by Friday will arrive before the holiday."
    assert _claim_labels(text, "Friday")[0].endswith("parcels posted will arrive")


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # a saying "in a radio interview": what was said, up to a second "and that" statement
        (
            "Managing Director Lena Hart, who has run the bakery chain since 2015, said in a "
            "radio interview that sales slowed in March and that she expected a better summer.",
            "March",
            "Sales slowed",
        ),
        # "that" after "statement" reports a clause that has its object: no relative clause
        (
            "The mayor said in a brief written statement that crews finished the repairs on Sunday.",
            "Sunday",
            "Crews finished the repairs",
        ),
    ],
)
def test_what_was_said_in_an_interview_or_statement(text: str, date: str, expected: str):
    assert _claim_labels(text, date) == [expected]


def test_what_was_said_in_an_interview_in_a_clause_of_its_own():
    text = (
        "Managing Director Lena Hart said in a radio interview that sales slowed in March and "
        "that she expected a better summer by August."
    )
    assert _claim_labels(text, "March", "August")[0] == "Sales slowed"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Rival" describes the name, it is no part of it
        (
            "Rival Kestrel reported on Monday that the demand for ferries had slowed.",
            "The demand for ferries had slowed (Kestrel)",
        ),
        # "its" after a reporting frame is the speaker's
        (
            "Rival Dravik reported on Monday that its quarterly sales fell 4 percent.",
            "Dravik's quarterly sales fell 4 percent",
        ),
        (
            "The brewery also said on Monday that its new plant would open in June.",
            "The brewery's new plant would open in June",
        ),
        # a long speaker is no name to put before "'s": the credit stays
        (
            "Norland's fruit board said on Monday that its members caught less cod.",
            "Its members caught less cod (Norland's fruit board)",
        ),
    ],
)
def test_a_reported_its_names_the_speaker(text: str, expected: str):
    assert _claim_labels(text, "Monday") == [expected]


@pytest.mark.parametrize(
    ("text", "dates", "expected"),
    [
        # two dates joined by "and"/"or" go together: no "and 2004" or "between and" is left
        (
            "The Harlow mill flooded in 1998 and 2004.",
            ("1998", "2004"),
            ["The Harlow mill flooded"] * 2,
        ),
        (
            "The museum will be closed between Monday and Friday for repairs.",
            ("Monday", "Friday"),
            ["The museum will be closed for repairs"] * 2,
        ),
        (
            "The Kessel bakery expects sales in June and July to rise 5 percent.",
            ("June", "July"),
            ["The Kessel bakery expects sales to rise 5 percent"] * 2,
        ),
        # "and again" tells a second happening: the first date stays in its label
        (
            "Ticket sales rose in March and again in May.",
            ("March", "May"),
            ["Ticket sales rose", "Ticket sales rose in March and again"],
        ),
    ],
)
def test_two_dates_joined_by_and_or_go_together(text: str, dates: tuple[str, str], expected):
    assert _claim_labels(text, *dates) == expected


def test_the_time_of_a_saying_is_no_subject_for_what_was_said():
    """ "said Friday that her office, ..., | would close in June": the clause takes its subject
    from what was said, never the day of the saying."""
    text = (
        "Mayor Ida Brandt said Friday that her office, which moved last year, would close in June."
    )
    assert _claim_labels(text, "June", "last year")[1] == "Ida Brandt's office would close"
    text = (
        "The airline also confirmed Tuesday that its new terminal, a glass hall beside the "
        "runway, would open in May."
    )
    assert _claim_labels(text, "May", "Tuesday")[1] == "Its new terminal would open"


def _label_found(text: str, date: str, clause: str) -> str:
    """describe() with the attributions the claims stage finds in ``text`` (one sentence)."""
    from timeline.claims.attribution import find_attributions

    m0, c0 = text.index(date), text.index(clause)
    said = [(a.start, a.end) for a in find_attributions(text, 0, len(text))]
    return describe(
        text,
        (c0, c0 + len(clause)),
        (m0, m0 + len(date)),
        sentence=(0, len(text)),
        attributions=said,
    )


@pytest.mark.parametrize(
    ("text", "date", "clause", "expected"),
    [
        # The time of the saying goes with the saying: no "hit Tuesday him".
        (
            "A witness testified on Tuesday that the driver hit him outside a bar last summer.",
            "last summer",
            "that the driver hit him outside a bar last summer.",
            "The driver hit him outside a bar",
        ),
        # An adjective after its noun ("payable") takes the noun, not the sentence's subject.
        (
            "The board approved a dividend of 20 cents a share, payable June 3 to holders of "
            "record on May 20.",
            "June 3",
            "payable June 3 to holders of record on May 20.",
            "A dividend of 20 cents a share payable to holders of record",
        ),
        # A subordinator left alone by a removed attribution does not end the label.
        (
            "Officials said the fair would open on Friday as planned, though forecasters warned "
            "that rain could come early next week.",
            "Friday",
            "Officials said the fair would open on Friday as planned, though forecasters warned",
            "The fair would open as planned",
        ),
        # "rising waters could ...": a modifier and its noun are the clause's own subject.
        (
            "The dam held overnight, and crews warned that rising waters could reach the town "
            "by Friday.",
            "Friday",
            "and crews warned that rising waters could reach the town by Friday.",
            "Rising waters could reach the town",
        ),
        # A relative right after "said X," is about X.
        (
            '"We had nothing," said coach Ada Brenner, who took over the team in 2004.',
            "2004",
            "who took over the team in 2004.",
            "Coach Ada Brenner took over the team",
        ),
        # "that" after a verb with a passive ("will be needed") reports a clause: no object
        # goes in, nor at its end.
        (
            "The records show that a second bridge will be needed by 2030.",
            "2030",
            "that a second bridge will be needed by 2030.",
            "A second bridge will be needed",
        ),
        (
            "The agency's long-range plan, drafted by outside engineers, expects that the "
            "harbor's two oldest piers will close by 2031.",
            "2031",
            "that the harbor's two oldest piers will close by 2031.",
            "The harbor's two oldest piers will close",
        ),
    ],
)
def test_labels_around_attributions_and_asides(text, date, clause, expected):
    assert _label_found(text, date, clause) == expected


# --- shapes of real web pages (sentences written for these tests) -------------------------


@pytest.mark.parametrize(
    ("text", "dates", "expected"),
    [
        # A comparison's "as" opens no clause: the label keeps both sides of it.
        (
            "The region now burns half as much peat as it did in 2011.",
            ("2011",),
            ["The region now burns half as much peat as it did"],
        ),
        (
            "Rents in Oakdale in 2019 were as high as they were before the slump.",
            ("2019",),
            ["Rents in Oakdale were as high as they were"],
        ),
        # "look at who ...": an indirect question, no relative clause with an antecedent.
        (
            "We only need to look at who built the first dam of the 1950s on the river.",
            ("the 1950s",),
            ["We only need to look at who built the first dam"],
        ),
        # A date fronted in what was said dates the clause after its comma.
        (
            "An audit by the Tessel Institute found that between 2004 and 2016, most mills closed.",
            ("2004", "2016"),
            ["Most mills closed", "Most mills closed"],
        ),
        (
            "On Friday, Ruiz told the Ledger that Okafor had said the bridge was unsafe.",
            ("Friday",),
            ["Okafor had said the bridge was unsafe (Ruiz)"],
        ),
        # ... but "that" after a verb it is the object of is no clause of its own.
        (
            "There is less need to do that today, the warden said.",
            ("today",),
            ["There is less need"],
        ),
        # "as recently as", "late in": the words that go with the date go with it.
        (
            "Ana Ruiz was ahead in the polls as recently as May and fell back late in the summer.",
            ("May", "the summer"),
            ["Ana Ruiz was ahead in the polls", "Ana Ruiz fell back"],
        ),
        # An adverb after its verb ends a clause ("was over"); so does "as it did".
        (
            "By 2015, the boom was over.",
            ("2015",),
            ["The boom was over"],
        ),
        # The date as the clause's subject stays: it is what the clause is about.
        (
            "Thursday is forecast to be even wetter.",
            ("Thursday",),
            ["Thursday is forecast to be even wetter"],
        ),
        (
            "• The fourth quarter belonged to the visitors.",
            ("The fourth quarter",),
            ["The fourth quarter belonged to the visitors"],
        ),
        (
            "Last June’s floods were the worst on record.",
            ("Last June",),
            ["The floods were the worst on record"],
        ),
        # A date between an article and its noun goes; the article agrees with the noun.
        (
            "The roof fell after a March 3 storm that flooded the hall.",
            ("March 3",),
            ["A storm flooded the hall"],
        ),
        (
            "Neighbours met at an October town hall meeting in Esk.",
            ("October",),
            ["Neighbours met at a town hall meeting in Esk"],
        ),
        # Both ends of a range go: "2019-2024", "(1914-1918)", "from June to August".
        (
            "The council adopted a housing plan 2019-2024.",
            ("2019", "2024"),
            ["The council adopted a housing plan", "The council adopted a housing plan"],
        ),
        (
            "At the start of the Great War (1914-1918), the mill closed.",
            ("1914", "1918"),
            ["The mill closed", "The mill closed"],
        ),
        (
            "Life in Esk changed at the start of the Great War (1914-1918).",
            ("1914", "1918"),
            ["Life in Esk changed at the start of the Great War"] * 2,
        ),
        (
            "She sat on the county bench from June 2011 to August 2016.",
            ("June 2011", "August 2016"),
            ["She sat on the county bench", "She sat on the county bench"],
        ),
        # A page's bullets, transcript speakers and log headings are no part of the label.
        (
            "Reporter: The ferry left Dunmore on Monday.",
            ("Monday",),
            ["The ferry left Dunmore"],
        ),
        (
            "THEFT – A bicycle was stolen from Pell Street on Monday.",
            ("Monday",),
            ["A bicycle was stolen from Pell Street"],
        ),
    ],
)
def test_shapes_of_real_pages(text: str, dates: tuple[str, ...], expected: list[str]):
    assert _claim_labels(text, *dates) == expected


@pytest.mark.parametrize(
    ("text", "said", "expected"),
    [
        # Reporting verbs beyond "said" report what follows their "that".
        (
            "County Health Director Ana de la Cruz indicated earlier this week that schools "
            "might close.",
            "County Health Director Ana de la Cruz indicated",
            "Schools might close (Ana de la Cruz)",
        ),
        (
            "The mayor stressed on Tuesday that the levee was safe.",
            "The mayor stressed",
            "The levee was safe (mayor)",
        ),
        # A present tense after "it" is a verb: "it aims" is what was said.
        (
            "Norvale Foods said on Thursday it aims to halve its waste.",
            "Norvale Foods said",
            "Norvale Foods aims to halve its waste",
        ),
    ],
)
def test_what_other_reporting_verbs_report(text: str, said: str, expected: str):
    date = next(d for d in ("earlier this week", "Tuesday", "Thursday") if d in text)
    assert _label(text, date, said=said) == expected


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # A date with its preposition between commas is an aside: its commas go with it.
        (
            "The worst storm, in October 1987, flattened 40 barns near Esk.",
            "October 1987",
            "The worst storm flattened 40 barns near Esk",
        ),
        (
            "The newest tally, from 2021, found 312 nesting pairs.",
            "2021",
            "The newest tally found 312 nesting pairs",
        ),
        # ... but not where the comma after it opens the main clause.
        (
            "At its lowest, in May 2015, the reservoir held a fifth of its water.",
            "May 2015",
            "The reservoir held a fifth of its water",
        ),
    ],
)
def test_a_date_between_commas_is_an_aside(text: str, date: str, expected: str):
    assert _claim_labels(text, date) == [expected]


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # A place with a possessive is no person "her" can stand for: the table knows states.
        (
            "Governor Ivo Marek named Lena Brask to Georgia's highest court.\n"
            "Her term runs through this fall.",
            "this fall",
            "Lena Brask's term runs",
        ),
        # ... and the article says which unknown names are places ("the state of Tarvia").
        (
            "Ana Ruiz grew up in the state of Tarvia. Tarvia's rapid growth surprised her.\n"
            "Her first company was founded in 2001.",
            "2001",
            "Ana Ruiz's first company was founded",
        ),
        # A place before its mayor is a place too ("the former Port Elm mayor").
        (
            "Voters turned on Piet Olsen as the former Port Elm mayor lost his seat.\n"
            "His campaign began in March.",
            "March",
            "Piet Olsen's campaign began",
        ),
        # A body's name is no person ("Elm Valley Court").
        (
            "Judge Mira Holt left when Elm Valley Court closed.\nShe retired in 2019.",
            "2019",
            "Mira Holt retired",
        ),
    ],
)
def test_he_and_her_never_stand_for_a_place(text: str, date: str, expected: str):
    assert _claim_labels(text, date) == [expected]


def test_a_person_named_like_a_place_is_still_a_person():
    from timeline.claims.places import place_names

    text = "Denzel Washington spoke in Bayport. Washington said he loved the town."
    assert "Washington" not in place_names(text)
    assert "Bayport" in place_names(text)
    assert person_names(text, places=place_names(text)) == [(0, "Denzel Washington")]


def test_a_heading_verb_before_a_place_makes_no_person_of_it():
    # "Visiting Belgium" opens a heading: Belgium stays a place, and "he" is not Belgium.
    text = (
        "Read more: Visiting Belgium's old mines\n"
        "Critics say the mines did lasting harm. This, in the view of Ana Ruiz's critics, "
        "ignores Belgium's role.\n"
        '"The worst damage of the 1990s was done by Belgium in the north," he said.'
    )
    doc = document(text, published="2020-06-01")
    claims = extract_claims(doc, [mention(text, "1990s", "1990")])
    assert "(Belgium)" not in claims[0].label


def test_a_place_among_the_names_is_no_credit():
    text = 'Germany gave no answer. "The old mill burned down in 1998," he said.'
    s0, m0 = text.index('"'), text.index("1998")
    label = describe(
        text, (s0, len(text)), (m0, m0 + 4), sentence=(s0, len(text)), names=[(0, "Germany")]
    )
    assert "Germany" not in label


@pytest.mark.parametrize(
    ("text", "dates", "expected"),
    [
        # A date in the saying that closes the sentence dates the saying: what was said, credited.
        (
            "The ferry will stop at Elm Point, harbour master Ana Ruiz said on Thursday.",
            [("Thursday", "2020-05-28")],
            "The ferry will stop at Elm Point (Ana Ruiz)",
        ),
        (
            "Volunteers are accused of running a secret gambling ring, prosecutors announced "
            "Wednesday.",
            [("Wednesday", "2020-05-27")],
            "Volunteers are accused of running a secret gambling ring (prosecutors)",
        ),
        # What was said has dates of its own: labelled as its main clause's date labels it.
        (
            "Deputies arrested two men Monday over thefts that began last spring, county police "
            "said Tuesday.",
            [("Monday", "2020-05-25"), ("last spring", "2019-04"), ("Tuesday", "2020-05-26")],
            "Deputies arrested two men over thefts (county police)",
        ),
        (
            "Dock crews will strike for two days, the Millers' and Bakers' Guild said on Sunday.",
            [("Sunday", "2020-05-31")],
            "Dock crews will strike for two days (Millers' and Bakers' Guild)",
        ),
    ],
)
def test_a_date_of_the_closing_saying_labels_what_was_said(text, dates, expected):
    doc = document(text, published="2020-06-01")
    claims = extract_claims(doc, [mention(text, phrase, value) for phrase, value in dates])
    assert claims[-1].label == expected


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # "after" before a noun and "and <verb>": a preposition, and the verb keeps its subject.
        (
            "The council would study the toll after the first winter and could drop it for "
            "the 2031 season.",
            "the 2031 season",
            "The council could drop it",
        ),
        # "..., starting at <time>": when what the sentence tells begins.
        (
            "The club will hold a members' vote at the boathouse, starting at 6 p.m.",
            "6 p.m.",
            "The club will hold a members' vote at the boathouse",
        ),
    ],
)
def test_a_preposition_before_and_and_a_starting_time(text: str, date: str, expected: str):
    clause = text[text.index("starting") :] if "starting" in text else None
    assert _label(text, date, clause=clause) == expected
