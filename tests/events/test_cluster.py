"""cluster_events: same happening across sources, granularity is not a conflict, dates that
disagree are shown, impossible merges are refused, chronology order and stable ids."""

from __future__ import annotations

from tests.events.helpers import claim, source
from timeline.events import cluster_events

SOURCES = [
    source("wire", "2021-05-10"),
    source("paper", "2021-05-12"),
    source("blog", "2021-05-20"),
]


def _by_value(events):
    return {e.value: e for e in events}


def test_same_happening_across_sources_and_granularities_is_one_event():
    claims = [
        claim(
            "wire", "Dockworkers walked off the job in Milltown on May 3.", "May 3", "2021-05-03"
        ),
        claim("paper", "The Milltown dockworkers' walkout began in May.", "May", "2021-05"),
        claim("blog", "Milltown dockworkers walked off the job on Monday.", "Monday", "2021-05-03"),
    ]
    (event,) = cluster_events(claims, SOURCES)
    assert {c.source_id for c in event.claims} == {"wire", "paper", "blog"}
    assert event.conflict is False
    # The event takes the most precise agreeing date.
    assert (event.value, event.start, event.end, event.granularity) == (
        "2021-05-03",
        "2021-05-03",
        "2021-05-04",
        "day",
    )


def test_different_happenings_on_the_same_day_stay_apart():
    claims = [
        claim(
            "wire", "Dockworkers walked off the job in Milltown on May 3.", "May 3", "2021-05-03"
        ),
        claim(
            "wire",
            "A storm flooded the coastal highway near Bayport on May 3.",
            "May 3",
            "2021-05-03",
        ),
    ]
    assert len(cluster_events(claims, SOURCES)) == 2


def unrelated(n: int) -> list:
    """``n`` claims about other 2019 happenings: background that makes shared names rare."""
    sentences = (
        "A storm flooded the coastal road in 2019.",
        "The council approved a budget in 2019.",
        "A new school opened downtown in 2019.",
        "The mayor resigned in 2019.",
    )
    return [claim("blog", sentence, "2019", "2019") for sentence in sentences[:n]]


def test_shared_names_do_not_make_different_kinds_of_happening_one():
    claims = [
        claim("wire", "Milltown dockworkers walked off the job on May 3.", "May 3", "2021-05-03"),
        claim("paper", "Milltown police arrested two dockworkers on May 3.", "May 3", "2021-05-03"),
    ]
    # Unrelated claims make the shared names rare enough to look alike on words alone.
    events = cluster_events(claims + unrelated(4), SOURCES)
    assert sum(1 for e in events if e.value == "2021-05-03") == 2


def test_the_same_kind_of_happening_in_two_places_is_two_events():
    claims = [
        claim(
            "wire",
            "A fire broke out at the Kesler warehouse in Bayport on May 3.",
            "May 3",
            "2021-05-03",
        ),
        claim(
            "paper",
            "A fire broke out at the Orvik warehouse in Milltown on May 3.",
            "May 3",
            "2021-05-03",
        ),
    ]
    events = cluster_events(claims + unrelated(3), SOURCES)
    assert sum(1 for e in events if e.value == "2021-05-03") == 2


def test_disagreeing_dates_are_a_conflict_with_both_dates_shown():
    claims = [
        claim(
            "wire", "Police captured the fugitive banker Ivo Marek on May 7.", "May 7", "2021-05-07"
        ),
        claim(
            "paper",
            "The fugitive banker Ivo Marek was arrested by police on May 8.",
            "May 8",
            "2021-05-08",
        ),
        claim(
            "blog", "Police captured fugitive banker Ivo Marek on Friday.", "Friday", "2021-05-07"
        ),
    ]
    (event,) = cluster_events(claims, SOURCES)
    assert event.conflict is True
    competing = {c.value: c.source_ids for c in event.competing}
    assert competing == {"2021-05-07": ["blog", "wire"], "2021-05-08": ["paper"]}
    # The better supported date wins; it is not averaged.
    assert event.value == "2021-05-07"


def test_a_source_cannot_report_what_happened_after_it_was_published():
    # The wire (published May 10) reports a past call on May 9; the blog (May 20) a call on
    # May 14: similar words, but the wire could not have meant the later call.
    claims = [
        claim("wire", "The two presidents spoke by telephone on May 9.", "May 9", "2021-05-09"),
        claim("blog", "The two presidents spoke by telephone on May 14.", "May 14", "2021-05-14"),
    ]
    events = cluster_events(claims, SOURCES)
    assert len(events) == 2
    assert not any(e.conflict for e in events)


def test_far_apart_dates_are_different_happenings():
    claims = [
        claim("wire", "Inspectors found corroded valves at the plant in 2011.", "2011", "2011"),
        claim("paper", "Inspectors found corroded valves at the plant in 2019.", "2019", "2019"),
    ]
    assert len(cluster_events(claims, SOURCES)) == 2


def test_vague_claims_join_the_precise_event_and_keep_its_date():
    claims = [
        claim(
            "paper",
            "Regulators renewed the plant's permit last fall.",
            "last fall",
            "2020-09",
            start="2020-09-01",
            end="2020-12-01",
            granularity="season",
        ),
        claim(
            "wire",
            "Regulators renewed the plant's permit on Oct. 2, 2020.",
            "Oct. 2, 2020",
            "2020-10-02",
        ),
    ]
    (event,) = cluster_events(claims, SOURCES)
    assert event.conflict is False
    assert event.value == "2020-10-02"


def test_chronology_order_start_then_finer_first_and_stable_ids():
    claims = [
        claim("wire", "The council approved the budget in 2020.", "2020", "2020"),
        claim(
            "wire", "A fire destroyed the old mill on Jan. 1, 2020.", "Jan. 1, 2020", "2020-01-01"
        ),
        claim("wire", "The river flooded the lower town in 2019.", "2019", "2019"),
    ]
    events = cluster_events(claims, SOURCES)
    assert [e.value for e in events] == ["2019", "2020-01-01", "2020"]
    assert [e.id for e in events] == ["E0001", "E0002", "E0003"]
    assert all(e.claims for e in events)


def test_labels_are_short_and_drop_date_and_attribution():
    claims = [
        claim(
            "wire",
            "Hundreds of residents were ordered out of their homes on Monday after a chemical "
            "leak sent a cloud across the river, county officials said.",
            "Monday",
            "2021-05-03",
        )
    ]
    (event,) = cluster_events(claims, SOURCES)
    assert event.label == "Hundreds of residents were ordered out of their homes"


def test_labels_keep_the_happening_around_the_date_and_name_the_speaker():
    claims = [
        claim(
            "wire",
            "Chief executive Ana Ruiz, who did not attend, said in a letter that she would meet "
            "the board in a closed session on Friday.",
            "Friday",
            "2021-05-07",
        ),
        claim(
            "paper",
            "Police said that the two men who set off a bomb on May 3 that damaged the depot "
            "were arrested later.",
            "May 3",
            "2021-05-03",
        ),
    ]
    labels = {e.value: e.label for e in cluster_events(claims, SOURCES)}
    assert labels["2021-05-07"] == "Ana Ruiz would meet the board in a closed session"
    assert labels["2021-05-03"] == "The two men set off a bomb"


def test_claims_without_an_interval_are_left_out():
    claims = [claim("wire", "Talks are planned.", "planned", "2021-05-03", start=None, end=None)]
    claims[0].start = claims[0].end = None
    assert cluster_events(claims, SOURCES) == []


_BACKGROUND = [
    claim("blog", sentence, "2019", "2019")
    for sentence in (
        "A storm flooded the coastal road in 2019.",
        "The council approved a budget in 2019.",
        "A new school opened downtown in 2019.",
        "The mayor resigned in 2019.",
    )
]


def test_the_same_wording_about_other_names_a_day_apart_is_no_dispute():
    # Two courts fining two companies on consecutive days: alike in every word but the names.
    claims = [
        claim(
            "wire", "A court fined Orvik Corp 14 million dollars on May 3.", "May 3", "2021-05-03"
        ),
        claim(
            "paper", "A court fined Kesler Corp 20 million dollars on May 4.", "May 4", "2021-05-04"
        ),
    ]
    events = [e for e in cluster_events(claims + _BACKGROUND, SOURCES) if e.value != "2019"]
    assert len(events) == 2
    assert not any(e.conflict for e in events)


def test_a_name_brought_in_by_one_member_does_not_open_the_event_to_it():
    # "Corp" names no one; and once one stray claim is in, its names are a minority.
    claims = [
        claim(
            "wire",
            f"Voters in Bayport approved a school budget on May 3{tail}.",
            "May 3",
            "2021-05-03",
        )
        for tail in ("", ", officials said", ", police said")
    ] + [
        claim(
            "paper", "Voters in Milltown approved a school budget on May 3.", "May 3", "2021-05-03"
        ),
    ]
    events = [e for e in cluster_events(claims + _BACKGROUND, SOURCES) if e.value != "2019"]
    assert sorted(len(e.claims) for e in events) == [1, 3]


def test_a_shared_place_alone_does_not_make_one_happening():
    # Spills and storms are common in this collection; the place "Orvik" is rare, so on words
    # alone the two claims look alike. What happened shares nothing.
    claims = [
        claim(
            "wire", "A chemical spill closed the river near Orvik on May 3.", "May 3", "2021-05-03"
        ),
        claim("paper", "A storm flooded the main roads of Orvik on May 3.", "May 3", "2021-05-03"),
    ]
    common = [
        claim("blog", sentence.format(year), str(year), str(year))
        for year in range(2001, 2005)
        for sentence in (
            "A chemical spill closed the river near the plant in {}.",
            "A storm flooded the main roads downtown in {}.",
        )
    ]
    events = [e for e in cluster_events(claims + common, SOURCES) if e.value == "2021-05-03"]
    assert len(events) == 2


def test_a_capitalized_first_word_is_a_name_when_the_collection_says_so():
    # "Kesland" opens one clause and is named inside the other: the two share a name, so the
    # names do not hold them apart.
    claims = [
        claim(
            "wire",
            "Kesland waged two wars, the second started by its premier in 1999.",
            "1999",
            "1999",
        ),
        claim(
            "paper", "Bombings in Orvik prompted the second war in Kesland in 1999.", "1999", "1999"
        ),
    ]
    events = [e for e in cluster_events(claims + _BACKGROUND, SOURCES) if e.value != "2019"]
    assert len(events) == 1


def test_an_agreement_and_the_call_it_came_from_are_one_happening():
    sources = [source("wire", "2021-05-09"), source("paper", "2021-05-11")]
    claims = [
        claim(
            "wire",
            "Kesland and Orvia agreed May 8 to step up cooperation against terror.",
            "May 8",
            "2021-05-08",
        ),
        claim(
            "paper",
            "The leaders of Kesland and Orvia spoke last week by telephone about cooperation against terror.",
            "last week",
            "2021-W18",
            start="2021-05-03",
            end="2021-05-10",
            granularity="week",
        ),
    ]
    events = [e for e in cluster_events(claims + _BACKGROUND, sources) if e.value != "2019"]
    assert len(events) == 1
    assert events[0].value == "2021-05-08" and not events[0].conflict


def test_close_cooperation_is_not_a_closure():
    from timeline.events.features import analyse

    c = claim("wire", "The two agencies kept close cooperation on May 3.", "May 3", "2021-05-03")
    assert "@close" not in analyse(c)[1]
    c = claim("wire", "Regulators closed the plant on May 3.", "May 3", "2021-05-03")
    assert "@close" in analyse(c)[1]


def test_a_decade_does_not_join_a_year_on_the_kind_of_happening_alone():
    decade = claim(
        "paper",
        "Kesland's conflict began with a separatist insurgency in the 1990s after the union fell apart.",
        "the 1990s",
        "1990",
    ).model_copy(update={"value": "199", "end": "2000-01-01", "granularity": "decade"})
    claims = [
        claim(
            "wire",
            "Kesland waged two wars, the second started by its premier in 1999.",
            "1999",
            "1999",
        ),
        decade,
    ]
    events = [e for e in cluster_events(claims + _BACKGROUND, SOURCES) if e.value != "2019"]
    assert len(events) == 2


def test_a_copy_is_dated_as_its_original_wrote_it():
    # The repost, published a day later, read "Tuesday evening" as the next Tuesday.
    sources = [source("wire", "2021-05-04"), source("repost", "2021-05-05", "wire")]
    text = "All but two patients had gone home by Tuesday evening."
    claims = [
        claim("wire", text, "Tuesday evening", "2021-05-04TEV"),
        claim("repost", text, "Tuesday evening", "2021-05-11TEV"),
    ]
    (event,) = cluster_events(claims, sources)
    assert event.value == "2021-05-04TEV" and not event.conflict
    assert {c.source_id for c in event.claims} == {"wire", "repost"}


# Second pass (Clusterer.merge): events formed apart that tell one happening.

_MERGE_SOURCES = [
    source("wire", "2021-05-10"),
    source("paper", "2021-05-12"),
    source("weekly", "2021-05-20"),
    source("blog", "2021-05-25"),
]


def test_a_year_told_by_several_sources_joins_the_dated_event():
    # Claims go in finest first, and a year joining a day event pays the vagueness bar; once
    # the sources of the year have formed their own event, it is compared with the day's.
    claims = [
        claim(
            "wire",
            "A survey ordered by the town in 2018 found the dam spillway cracked.",
            "2018",
            "2018",
        ),
        claim(
            "paper",
            "A 2018 survey by Halden Partners found the spillway cracked and unsafe.",
            "2018",
            "2018",
        ),
        claim(
            "weekly",
            "The survey, handed to the town on March 9, 2018, found the spillway cracked.",
            "March 9, 2018",
            "2018-03-09",
        ),
    ]
    events = cluster_events(claims + _BACKGROUND, _MERGE_SOURCES)
    (event,) = [e for e in events if e.value.startswith("2018")]
    assert event.value == "2018-03-09" and not event.conflict
    assert {c.source_id for c in event.claims} == {"wire", "paper", "weekly"}


def test_names_apart_in_one_clause_but_shared_by_the_articles_do_not_split():
    # "a memorial for Ilse Marr" and "her memorial at Holm Chapel": the clauses name different
    # things, but the paper names Ilse Marr elsewhere and the wire names Holm Chapel.
    claims = [
        claim("wire", "A memorial for Ilse Marr is planned for Friday.", "Friday", "2021-05-14"),
        claim("wire", "Mourners lit candles at Holm Chapel on Tuesday.", "Tuesday", "2021-05-11"),
        claim("paper", "Ilse Marr, 81, was honored by the town in 2003.", "2003", "2003"),
        claim("paper", "Her memorial is Friday at Holm Chapel.", "Friday", "2021-05-14"),
    ]
    events = cluster_events(claims + _BACKGROUND, _MERGE_SOURCES)
    (memorial,) = [e for e in events if e.value == "2021-05-14"]
    assert {c.source_id for c in memorial.claims} == {"wire", "paper"}


def test_the_same_kind_of_happening_in_two_places_stays_two_after_the_second_pass():
    # Neither paper names the other's town: the names hold them apart in both passes.
    claims = [
        claim("wire", "A memorial for Ilse Marr is planned for Friday.", "Friday", "2021-05-14"),
        claim(
            "paper", "A memorial for Ruud Tamsen is Friday at Holm Chapel.", "Friday", "2021-05-14"
        ),
    ]
    events = cluster_events(claims + _BACKGROUND, _MERGE_SOURCES)
    assert len([e for e in events if e.value == "2021-05-14"]) == 2


def test_last_week_counted_from_publication_errs_late_not_early():
    # Two meetings nine days apart. "last week" in a piece of Monday May 17 is May 10-16 by
    # the calendar, but it cannot mean that Monday's meeting (the writer would have said
    # "Monday"); a stale "last week" about the May 8 meeting is the likelier story, a dispute.
    sources = [
        source("wire", "2021-05-08"),
        source("paper", "2021-05-17"),
        source("blog", "2021-05-17"),
    ]
    last_week = claim(
        "paper",
        "Mayors Ferran and Osk pledged at a meeting last week to share the Tarrow water plant.",
        "last week",
        "2021-W19",
        start="2021-05-10",
        end="2021-05-17",
        granularity="week",
    ).model_copy(update={"anchor": "published"})
    claims = [
        claim(
            "wire",
            "Mayors Ferran and Osk agreed on May 8 to share the Tarrow water plant.",
            "May 8",
            "2021-05-08",
        ),
        claim(
            "blog",
            "Mayors Ferran and Osk met on Monday to share out the Tarrow water plant costs.",
            "Monday",
            "2021-05-17",
        ),
        last_week,
    ]
    events = _by_value(cluster_events(claims, sources))
    first = events["2021-05-08"]
    assert {c.source_id for c in first.claims} == {"wire", "paper"}
    assert first.conflict
    assert [c.source_id for c in events["2021-05-17"].claims] == ["blog"]


def test_an_event_label_prefers_what_happened_to_what_one_source_claims():
    """Of two about equally central claims, the one telling what happened names the event,
    not a speaker's view of it ("Leak could have been prevented (lawsuit)")."""
    from timeline.events.labels import label
    from timeline.models import Claim

    def said(text: str, label_text: str) -> Claim:
        return Claim(
            source_id="a",
            text=text,
            mention="Oct. 9",
            start_char=0,
            end_char=len(text),
            mention_start=0,
            mention_end=6,
            value="2023-10-09",
            label=label_text,
        )

    credited = said("The suit says the Oct. 9 leak was avoidable.", "Leak was avoidable (suit)")
    plain = said("The leak began Oct. 9 when a valve failed.", "The leak began when a valve failed")
    assert label([credited, plain], [0.62, 0.55]) == "The leak began when a valve failed"


def test_a_finer_date_told_first_joins_the_event_it_would_have_joined():
    # Claims go in finest first: the live page's minute founds an event before the day's
    # accounts exist, and each alone is too unlike it. Once they have formed their event, the
    # minute joins it at the bar one claim meets, not the higher one between two events.
    sources = [
        source("live", "2021-05-15"),
        source("paper", "2021-05-15"),
        source("wire", "2021-05-16"),
        source("blog", "2021-05-25"),
    ]
    live = "A clerk says every screen at the bus depot went dark at about 9:40 p.m. Friday, and the phones and lights died too."
    claims = [
        claim(
            "live",
            live,
            "about 9:40 p.m. Friday",
            "2021-05-14T21:40",
            start="2021-05-14T21:40",
            end="2021-05-14T21:41",
            granularity="minute",
        ),
        claim(
            "paper",
            "A ransomware attack late Friday knocked out the ticket system of the Alder Street bus depot.",
            "late Friday",
            "2021-05-14",
        ),
        claim(
            "wire",
            "Hackers hit the bus depot on Alder Street late Friday, knocking out its ticket system.",
            "late Friday",
            "2021-05-14",
        ),
    ]
    events = [e for e in cluster_events(claims + _BACKGROUND, sources) if e.value != "2019"]
    assert [sorted(c.source_id for c in e.claims) for e in events] == [["live", "paper", "wire"]]


def test_names_apart_in_one_clause_but_told_by_the_other_paper_join_on_the_same_day():
    # "an inquiry into the fire at Varn Mill" and "the Harbor Crimes Unit opened an
    # investigation": each paper names the other's names elsewhere, so the first pass does not
    # hold the second claim apart (the second pass's bar, for formed events, is higher).
    claims = [
        claim("wire", "A fire gutted Varn Mill on Sunday.", "Sunday", "2021-05-09"),
        claim("wire", "Harbor Crimes Unit detectives arrived on Monday.", "Monday", "2021-05-10"),
        claim(
            "wire",
            "State investigators opened an inquiry Tuesday into the fire at Varn Mill, citing arson.",
            "Tuesday",
            "2021-05-11",
        ),
        claim("paper", "Flames tore through Varn Mill on Sunday.", "Sunday", "2021-05-09"),
        claim(
            "paper",
            "The state's Harbor Crimes Unit opened an investigation on Tuesday, seizing ledgers.",
            "Tuesday",
            "2021-05-11",
        ),
        claim(
            "weekly",
            "Detectives opened an inquiry into the Varn Mill fire Tuesday, interviewing watchmen.",
            "Tuesday",
            "2021-05-11",
        ),
        claim(
            "blog",
            "The Harbor Crimes Unit began its investigation on Tuesday with forensic accountants.",
            "Tuesday",
            "2021-05-11",
        ),
    ]
    events = cluster_events(claims + _BACKGROUND, _MERGE_SOURCES)
    (inquiry,) = [e for e in events if e.value == "2021-05-11"]
    assert {c.source_id for c in inquiry.claims} == {"wire", "paper", "weekly", "blog"}
