"""Publication dates: the cascade, stamps with zones, what is never a date, inference, seeds."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline.ingest import load
from timeline.ingest.pubdate import date_documents, find_clues, find_dateline, infer_date
from timeline.ingest.readers import make_document

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
BODY = (
    "The county council voted to close the old bridge for repairs, officials said, after "
    "inspectors found cracks in two of its supports."
)


def dated(text: str):
    doc = make_document(text, source_id="d", path="d.txt")
    date_documents([doc])
    return doc.source


@pytest.mark.parametrize(
    ("stamp", "published"),
    [
        ("Tuesday, 23 April 2013 06:39 AM EDT", "2013-04-23T06:39:00-04:00"),
        ("Published 30-04-2013, 14:54", "2013-04-30T14:54:00"),
        ("By Staff writer / April 29, 2013", "2013-04-29"),
        ("Posted: Sept. 3, 2001 at 4:15 p.m. PST", "2001-09-03T16:15:00-08:00"),
        ("Updated 2019-05-02T10:00:00Z", "2019-05-02T10:00:00+00:00"),
    ],
)
def test_stamp_lines_in_the_head(stamp, published):
    source = dated(f"Bridge to close for repairs\n\n{stamp}\n\n{BODY}\n")
    assert (source.published, source.published_how) == (published, "dateline")
    assert source.published_evidence == stamp
    assert source.published_confidence >= 0.9


def test_wire_dateline_at_the_start_of_the_story():
    source = dated(f"Bridge to close\n\nRIVERTON, Oct. 10, 2023 (BW) — {BODY}\n")
    assert (source.published, source.published_how) == ("2023-10-10", "dateline")


def test_published_beats_updated():
    source = dated(
        f"Bridge to close\n\nUpdated March 9, 2021\n\nPublished March 3, 2021\n\n{BODY}\n"
    )
    assert source.published == "2021-03-03"


def test_weekday_that_contradicts_the_date_lowers_confidence():
    source = dated(f"Bridge to close\n\nMonday, 23 April 2013\n\n{BODY}\n")  # was a Tuesday
    assert source.published == "2013-04-23" and source.published_confidence < 0.5


@pytest.mark.parametrize(
    "trap",
    [
        "© Copyright 2022 The Wire Agency. All rights reserved.",
        "Copyright 2019 Bugle Media, March 3, 2019",
    ],
)
def test_never_a_copyright_line(trap):
    source = dated(f"Bridge to close\n\n{BODY}\n\n{trap}\n")
    assert source.published_how == "unknown" and source.published is None


def test_never_a_photo_caption():
    caption = "Workers on the bridge, March 3, 2021."
    source = dated(f"Bridge to close\n\n{caption}\n\nJane Roe/AP/File\n\n{BODY}\n")
    assert source.published_how != "dateline"


def test_never_an_event_date_in_the_body():
    text = f"Bridge to close\n\nThe bridge opened on June 1, 1999. {BODY}\n"
    assert find_dateline(text) is None
    source = dated(text)
    assert source.published_how in {"inferred", "unknown"} and source.published_confidence < 0.5


def test_inferred_from_latest_event_and_upcoming_bound():
    text = (
        "Bridge to close\n\nCrews closed the bridge on Friday, Oct. 13, 2023, officials said. "
        "A hearing is set for Oct. 19.\n"
    )
    source = dated(text)
    assert source.published_how == "inferred"
    assert source.published == "2023-10-14"
    assert 0.5 <= source.published_confidence < 1
    assert "Oct. 13" in source.published_evidence and "Oct. 19" in source.published_evidence


def test_weekday_and_date_pairs_fix_the_year():
    clues = find_clues(
        "The plan was announced on Friday evening, April 19, in Moscow, after talks."
    )
    [pair] = [c for c in clues if c.weekday is not None]
    assert (pair.month, pair.day, pair.weekday) == (4, 19, 4)
    inference = infer_date(clues + find_clues("It was the worst attack since 2011, they said."))
    assert inference.day is not None and inference.day.year == 2013


def test_upcoming_events_are_not_the_latest_event():
    clues = find_clues(
        "Residents were evacuated on Monday, Oct. 9, 2023. The hearing on Thursday, Oct. 19, "
        "is expected to draw a crowd."
    )
    tenses = {c.text: c.tense for c in clues}
    assert tenses["Monday, Oct. 9, 2023"] == "past"
    assert tenses["Thursday, Oct. 19"] == "future"


def test_no_evidence_means_unknown():
    source = dated(f"Bridge to close\n\n{BODY}\n")
    assert (source.published, source.published_how, source.published_confidence) == (
        None,
        "unknown",
        0.0,
    )


def test_confidence_is_within_bounds_and_unknown_has_none():
    for text in (BODY, f"Bridge\n\nMarch 3, 2021\n\n{BODY}", f"On May 2, 2020, {BODY}"):
        source = dated(text)
        assert 0.0 <= source.published_confidence <= 1.0
        assert (source.published is None) == (source.published_confidence == 0.0)


# --- examples and seeds --------------------------------------------------------------------------


def test_examples_each_by_its_own_evidence():
    by_id = {d.source.id: d.source for d in load([EXAMPLES]).documents}
    first = by_id["01-hws-chlorine-leak"]
    assert (first.published, first.published_how) == ("2023-10-10", "dateline")
    repost = by_id["02-riverton-gazette-repost"]
    assert repost.published_how == "metadata" and repost.published.startswith("2023-10-11")
    residents = by_id["03-aldery-courier-residents"]
    assert (residents.published, residents.published_how) == ("2023-10-11", "dateline")
    feature = by_id["04-valley-weekly-feature"]
    assert feature.published_how == "inferred" and 0.5 <= feature.published_confidence < 1
    assert abs((date.fromisoformat(feature.published) - date(2023, 10, 14)).days) <= 3
    for record in ("06-followups-marren-resigns", "06-followups-state-sues"):
        assert by_id[record].published_how == "metadata"
    assert by_id["06-followups-state-sues"].published == "2023-11-21"


def test_examples_with_manifest():
    result = load([EXAMPLES], manifest=EXAMPLES / "manifest.csv")
    by_id = {d.source.id: d.source for d in result.documents}
    assert by_id["05-courier-hearing"].published_how == "manifest"
    assert by_id["03-aldery-courier-residents"].published_how == "manifest"
    assert by_id["02-riverton-gazette-repost"].published_how == "metadata"


def test_feature_alone_is_not_overconfident():
    doc = next(d for d in load([EXAMPLES / "04-valley-weekly-feature.txt"]).documents)
    # Alone, "Monday, Oct. 9" fits 2017 as well as 2023: the year is a guess.
    assert doc.source.published_confidence < 0.5


def _seed_sources(seeds_dir) -> dict[str, object]:
    return {d.source.id[:3]: d.source for d in load([seeds_dir]).documents}


def test_seed_dates(seeds_dir):
    seeds = _seed_sources(seeds_dir)
    newsmax = seeds["001"]  # its dateline, not the 2022 copyright line
    assert newsmax.published == "2013-04-23T06:39:00-04:00" and newsmax.published_how == "dateline"
    assert seeds["002"].published == "2013-04-30T14:54:00"
    assert seeds["002"].published_how == "dateline"
    assert (seeds["004"].published, seeds["004"].published_how) == ("2013-04-29", "dateline")
    afp = seeds["000"]  # no stamp; "Friday evening, April 19" fixes 2013, latest event April 20
    assert afp.published_how == "inferred" and afp.published_confidence < 0.9
    assert abs((date.fromisoformat(afp.published) - date(2013, 4, 20)).days) <= 2
    nyt = seeds["003"]  # nothing in it says when: at most a low-confidence inference
    assert nyt.published_how in {"unknown", "inferred"}
    assert nyt.published_how == "unknown" or nyt.published_confidence < 0.5


def test_collection_span_places_year_less_dates(tmp_path):
    stamped = [
        ("a.txt", "March 3, 2021", "The council closed the old bridge on Tuesday, officials said."),
        ("b.txt", "March 20, 2021", "Repairs on the bridge began on Monday, the contractor said."),
    ]
    for name, stamp, line in stamped:
        (tmp_path / name).write_text(f"Bridge news\n\nBy Ann Lee / {stamp}\n\n{line}\n")
    (tmp_path / "c.txt").write_text(
        "Bridge news\n\nThe council voted on March 9 to hire an engineer. Work started on "
        "Monday, officials said.\n"
    )
    by_id = {d.source.id: d.source for d in load([tmp_path]).documents}
    undated = by_id["c"]
    assert undated.published == "2021-03-10" and undated.published_how == "inferred"
    assert "collection" in undated.published_evidence
    # Alone, nothing says which year "March 9" was in.
    [alone] = load([tmp_path / "c.txt"]).documents
    assert alone.source.published_how == "unknown"


def test_seed_without_stamp_borrows_the_year_from_dated_seeds(seeds_dir):
    afp = _seed_sources(seeds_dir)["000"]
    assert "collection" in afp.published_evidence and afp.published.startswith("2013-04-2")


# --- the same story as dated articles published within a week -----------------------------------

# Four write-ups of one story: the same names and things, no shared runs of words.
TELLINGS = [
    "Engineers inspecting the collapsed harbour wall at Kettle Quay blamed storm surges, while "
    "the dock workers' union said ferry crews had warned about cracks for months.",
    "Ferry crews at Kettle Quay said the harbour wall gave way overnight; the union of dock "
    "workers wants engineers to explain why earlier cracks were ignored.",
    "The harbour authority closed Kettle Quay after its wall collapsed, and dock workers "
    "questioned whether engineers had checked the cracks the ferry crews reported.",
    "Cracks reported by ferry crews went unrepaired before the Kettle Quay harbour wall "
    "collapsed, dock workers told engineers sent by the harbour authority.",
]


def _story_collection(tmp_path: Path, stamps: list[str], undated_extra: str = "") -> dict:
    for n, stamp in enumerate(stamps):
        (tmp_path / f"dated{n}.txt").write_text(
            f"Harbour wall report {n}\n\nBy Jo Park / {stamp}\n\n{TELLINGS[n]}\n"
        )
    (tmp_path / "undated.txt").write_text(
        f"Harbour wall questions\n\n{TELLINGS[3]}{undated_extra}\n"
    )
    return {d.source.id: d.source for d in load([tmp_path]).documents}


def test_same_story_dated_within_a_week_gives_a_low_confidence_window(tmp_path):
    sources = _story_collection(tmp_path, ["May 3, 2021", "May 5, 2021", "May 9, 2021"])
    undated = sources["undated"]
    assert (undated.published, undated.published_how) == ("2021-05-05", "inferred")
    assert 0 < undated.published_confidence < 0.5  # a window, not a stated date
    assert "2021-05-03 to 2021-05-09" in undated.published_evidence
    # Alone it has nothing to go on.
    [alone] = load([tmp_path / "undated.txt"]).documents
    assert alone.source.published_how == "unknown"


def test_no_window_when_the_dated_articles_spread_over_weeks(tmp_path):
    sources = _story_collection(tmp_path, ["May 3, 2021", "May 15, 2021", "May 30, 2021"])
    assert sources["undated"].published_how == "unknown"


def test_no_window_when_the_text_reports_a_later_year(tmp_path):
    later = " since the storm that struck in 2023"
    sources = _story_collection(tmp_path, ["May 3, 2021", "May 5, 2021", "May 9, 2021"], later)
    assert sources["undated"].published_how == "unknown"


def test_no_window_for_another_story(tmp_path):
    _story_collection(tmp_path, ["May 3, 2021", "May 5, 2021", "May 9, 2021"])
    (tmp_path / "undated.txt").write_text(
        "Orchestra tour\n\nThe violinists rehearsed a new symphony before touring concert halls "
        "abroad, the conductor told subscribers at the opera house.\n"
    )
    sources = {d.source.id: d.source for d in load([tmp_path]).documents}
    assert sources["undated"].published_how == "unknown"


def test_seed_with_no_date_of_its_own_falls_in_the_collection_window(seeds_dir):
    nyt = _seed_sources(seeds_dir)["003"]
    # Nothing in it dates it; the dated seeds telling the same story were published within a
    # week, which bounds it, with a confidence that promises nothing (< 0.5).
    assert nyt.published_how == "inferred" and 0 < nyt.published_confidence < 0.5
    assert date(2013, 4, 20) <= date.fromisoformat(nyt.published) <= date(2013, 4, 30)
    assert "nearest dated articles" in nyt.published_evidence
