"""What a claim is about: the words and kinds of happening the clusterer compares."""

from __future__ import annotations

from timeline.events.features import analyse, expand_frames
from timeline.models import Claim


def _claim(text: str, mention: str) -> Claim:
    at = text.index(mention)
    return Claim(
        source_id="a",
        text=text,
        mention=mention,
        start_char=0,
        end_char=len(text),
        mention_start=at,
        mention_end=at + len(mention),
        value="2016-05-14",
    )


def test_a_name_names_no_kind_of_happening():
    # "the Lantern Walk" is a festival, not a walkout: a name tells who or where.
    _, frames, names = analyse(_claim("It fell during the Lantern Walk on Saturday.", "Saturday"))
    assert "@strike" not in frames and "walk" in names
    _, frames, _ = analyse(_claim("Dockworkers walked off the job on Saturday.", "Saturday"))
    assert "@strike" in frames


def test_a_verb_written_like_a_season_is_kept():
    # "fell" is the verb, not the season "fall"; "last fall" stays a calendar word.
    words, _, _ = analyse(_claim("The bridge fell into the creek on Saturday.", "Saturday"))
    assert "fall" in words
    words, _, _ = analyse(_claim("Last fall the bridge was painted on Saturday.", "Saturday"))
    assert "fall" not in words


def test_a_collapse_and_a_postponement_are_kinds_of_happening():
    _, frames, _ = analyse(_claim("The span collapsed late Saturday.", "late Saturday"))
    assert "@collapse" in frames
    _, frames, _ = analyse(_claim("The council postponed the repairs on Saturday.", "Saturday"))
    assert "@delay" in frames


def test_a_fire_chief_names_no_resignation_and_a_fall_is_a_collapse():
    # "fire" is a blaze in news far more often than a dismissal; "fell" tells a collapse.
    _, frames, _ = analyse(
        _claim("Fire chief Ona Vell says the roof gave in Saturday.", "Saturday")
    )
    assert "@resign" not in frames
    _, frames, _ = analyse(_claim("The old water tower fell over on Saturday.", "Saturday"))
    assert "@collapse" in frames


def test_a_verb_and_its_particle_name_a_kind_of_happening():
    # Neither "came" nor "down" (a stop word) names a collapse; together they do.
    for text in (
        "The grain silo came down on Tuesday.",
        "The old pier gave way on Tuesday.",
        "Two roof panels tore loose on Tuesday.",
    ):
        _, frames, _ = analyse(_claim(text, "Tuesday"))
        assert "@collapse" in frames, text
    _, frames, _ = analyse(_claim("Prices came back on Tuesday.", "Tuesday"))
    assert "@collapse" not in frames


def test_a_closed_compound_counts_as_its_head():
    # An account of "the bridge" shares a word with one of "the footbridge".
    words, _, _ = analyse(_claim("The footbridge was repainted on Tuesday.", "Tuesday"))
    assert {"footbridge", "bridge"} <= set(words)
    words, _, _ = analyse(_claim("The team won the championship on Tuesday.", "Tuesday"))
    assert "ship" not in words


def test_a_participle_after_a_determiner_is_an_adjective():
    # "a retired teacher" tells who someone is, not that anyone resigned on the date.
    _, frames, _ = analyse(_claim("A retired teacher won the raffle on Tuesday.", "Tuesday"))
    assert "@resign" not in frames
    _, frames, _ = analyse(_claim("The coach retired on Tuesday.", "Tuesday"))
    assert "@resign" in frames


def test_moving_somewhere_and_living_there_are_one_kind_of_happening():
    _, moved, _ = analyse(_claim("Ines Dolan moved to Carrow in 1988.", "1988"))
    _, lived, _ = analyse(_claim("Dolan had lived in Carrow since 1988.", "since 1988"))
    assert "@settle" in moved & lived


def test_being_hurt_is_a_kind_of_happening_told_with_deaths():
    from timeline.events.features import expand_frames

    _, frames, _ = analyse(_claim("Six people were hurt on Tuesday.", "Tuesday"))
    assert "@injure" in frames
    assert "@kill" in expand_frames(frames)


def test_sending_investigators_is_an_investigation():
    _, frames, _ = analyse(_claim("The agency sent investigators on Tuesday.", "Tuesday"))
    assert "@inspect" in frames


def test_a_clause_that_is_only_its_date_is_read_from_its_label():
    # "Last March, the board delayed the vote on next year's levy.": a claim whose clause was
    # cut down to "Last March" still tells what it dates through its label.
    c = _claim("Last March", "Last March").model_copy(
        update={"label": "The board delayed the vote on the levy"}
    )
    words, frames, _ = analyse(c)
    assert "@delay" in frames and "levy" in words
    # ... and so does one left with only a preposition: "..., whose pumps have been shut since
    # Friday." cut down to "since Friday."
    c = _claim("since Friday.", "Friday").model_copy(update={"label": "Whose pumps have been shut"})
    words, frames, _ = analyse(c)
    assert "@close" in frames and "pump" in words


def test_attacks_on_computers_are_one_kind_of_happening():
    # Outlets word a ransomware attack apart: "hackers broke into", "the cyberattack", "a breach".
    for sentence, mention in [
        ("Hackers broke into the clinic's network early Monday.", "early Monday"),
        ("The cyberattack began on Oct. 3.", "Oct. 3"),
        ("A ransomware attack late Sunday froze the county's computers.", "late Sunday"),
        ("The data breach was found on Friday.", "Friday"),
    ]:
        _, frames, _ = analyse(_claim(sentence, mention))
        assert "@hack" in frames and "@attack" in expand_frames(frames), sentence


def test_a_date_before_a_noun_dates_that_noun():
    # "in the May 3 blast": the suit is another happening; what is dated is the fire.
    words, frames, _ = analyse(
        _claim("Tenants sued the landlord for failing to protect them in the May 3 blast.", "May 3")
    )
    assert "blast" in words and not {"sue", "tenant", "protect"} & set(words)
    assert not {"@sue", "@collapse"} & frames
    words, frames, _ = analyse(
        _claim("The appeal, filed in county court, cites last week's zoning hearing.", "last week")
    )
    assert "@hearing" in frames and "zone" in words and "appeal" not in words
    # ... not a date before a verb, nor after a preposition alone.
    words, frames, _ = analyse(_claim("A state audit in 2017 warned the board.", "2017"))
    assert "@warn" in frames and "board" in words


def test_a_relative_clause_tells_of_the_noun_before_it():
    # "the explosion that happened on Tuesday": the clause is about the explosion.
    _, frames, _ = analyse(
        _claim("Crews cleared the explosion that shook Varn on Tuesday.", "Tuesday")
    )
    assert "@attack" in frames
    # "warned that" is a verb and what it reports, not a noun and its clause.
    _, frames, _ = analyse(
        _claim("The council warned that the pool would open on Tuesday.", "Tuesday")
    )
    assert "@warn" not in frames and "@open" in frames


def test_an_idiom_names_no_kind_of_happening():
    # Each holds a word that names a happening elsewhere ("charge", "fail", "call", "push").
    for text, frame in (
        ("The county sheriff took charge of the case on Tuesday.", "@sue"),
        ("The firm failed to protect the files, the report said on Tuesday.", "@collapse"),
        ("A group calling itself Red Finch posted the files on Tuesday.", "@call"),
        ("On Tuesday the union was pushing for a raise.", "@delay"),
    ):
        _, frames, _ = analyse(_claim(text, "Tuesday"))
        assert frame not in frames, text
    # ... while the words alone still do.
    _, frames, _ = analyse(_claim("The council pushed the vote to June on Tuesday.", "Tuesday"))
    assert "@delay" in frames
    _, frames, _ = analyse(_claim("Prosecutors charged the driver on Tuesday.", "Tuesday"))
    assert "@sue" in frames


def test_a_launch_opens_nothing():
    # A launch starts a campaign, an inquiry or a rocket in news, rarely a place.
    _, frames, _ = analyse(
        _claim("The crowd cheered the final lantern launch on Tuesday.", "Tuesday")
    )
    assert "@open" not in frames


def test_computers_going_down_is_one_kind_of_happening():
    # Outlets word an outage apart: "went down", "knocked out", "offline".
    for text in (
        "Every computer at the county library went down on Tuesday.",
        "A storm knocked out the phone lines on Tuesday.",
        "The ticket system was offline on Tuesday.",
    ):
        _, frames, _ = analyse(_claim(text, "Tuesday"))
        assert "@outage" in frames, text
    _, frames, _ = analyse(_claim("Prices went up on Tuesday.", "Tuesday"))
    assert "@outage" not in frames


def test_an_inquiry_and_auditors_are_an_inspection_and_being_told_is_a_warning():
    for text in (
        "Prosecutors opened an inquiry on Tuesday.",
        "Problems were found by auditors on Tuesday.",
    ):
        _, frames, _ = analyse(_claim(text, "Tuesday"))
        assert "@inspect" in frames, text
    _, frames, _ = analyse(
        _claim("The council had been told on Tuesday that the pier was rotting.", "Tuesday")
    )
    assert "@warn" in frames


def test_a_cyberattack_is_an_attack():
    # "the cyberattack" shares a word with "a ransomware attack".
    words, _, _ = analyse(_claim("The cyberattack began on Tuesday.", "Tuesday"))
    assert {"cyberattack", "attack"} <= set(words)
    # ... and names the kind of happening its head names, as "a bomb attack" does.
    words, frames, _ = analyse(_claim("Clerks found the cyberattack on Tuesday.", "Tuesday"))
    assert "@attack" in frames and words.count("@attack") == words.count("@hack")


def test_news_words_of_the_standard_stop_list_are_kept():
    # "fire", "call", "bill" and "system" are stop words to scikit-learn, not to a news story.
    words, frames, _ = analyse(_claim("The May 3 fire destroyed the mill.", "May 3"))
    assert "fire" in words
    _, frames, _ = analyse(_claim("The call lasted an hour on Tuesday.", "Tuesday"))
    assert "@call" in frames
    words, _, _ = analyse(
        _claim("The bill passed and the ticket system was replaced on Tuesday.", "Tuesday")
    )
    assert {"bill", "system"} <= set(words)


def test_a_dated_speaker_tells_what_happened():
    # "A county review in 2015 found ...": the review is the happening dated, though it is who
    # says so; "Police said ... on Tuesday" keeps the speaker out.
    claim = _claim("A county review in 2015 found that the dam leaked.", "2015")
    words, frames, _ = analyse(claim.model_copy(update={"attribution": "A county review found"}))
    assert "review" in words and "@inspect" in frames
    claim = _claim("Police said the dam leaked on Tuesday.", "Tuesday")
    words, _, _ = analyse(claim.model_copy(update={"attribution": "Police said"}))
    assert "police" not in words


def test_state_is_a_content_word_and_stated_a_reporting_verb():
    # "state inspectors" and "the state audit" share a word; "he stated" tells no happening.
    words, _, _ = analyse(_claim("State inspectors closed the mill on Tuesday.", "Tuesday"))
    assert "state" in words
    words, _, _ = analyse(_claim("The mayor stated on Tuesday that the mill was safe.", "Tuesday"))
    assert "state" not in words and "stated" not in words


def test_a_clause_that_is_only_who_says_so_is_not_read_from_its_label():
    # "Over the weekend the Varn Herald reported that ...": the report is what the weekend
    # dates, not what it reports (the label's words are those of the report).
    text = "Over the weekend the Varn Herald reported"
    c = _claim(text, "the weekend").model_copy(
        update={"label": "The mayor fled to Ostrava (Varn Herald)", "attribution": text[16:]}
    )
    words, frames, _ = analyse(c)
    assert "@evacuate" not in frames and "mayor" not in words
