"""Audit: first reporter (copies credit their original), lag, independent sources, copies."""

from __future__ import annotations

from tests.events.helpers import claim, source
from timeline.audit import audit_events, audit_rows
from timeline.models import Event


def _event(*source_ids: str, start: str = "2021-05-03") -> Event:
    claims = [
        claim(s, "The dockworkers walked out on May 3.", "May 3", "2021-05-03") for s in source_ids
    ]
    return Event(
        id="E0001", label="Walkout", value=start, start=start, end="2021-05-04", claims=claims
    )


def test_earliest_publication_reports_first_with_lag_in_days():
    sources = [source("late", "2021-05-09"), source("early", "2021-05-05T12:00:00")]
    (event,) = audit_events([_event("late", "early")], sources)
    assert event.first_reported_by == "early"
    assert event.first_reported_at == "2021-05-05T12:00:00"
    assert event.lag_days == 2.5
    assert event.independent_sources == 2
    assert event.copies == []


def test_a_copy_credits_its_original_even_when_dated_earlier():
    # The repost carries an earlier date (misdated or time zones); the original still counts.
    sources = [
        source("original", "2021-05-06"),
        source("repost", "2021-05-05", syndicated_from="original"),
    ]
    (event,) = audit_events([_event("repost", "original")], sources)
    assert event.first_reported_by == "original"
    assert event.independent_sources == 1
    assert event.copies == ["repost"]


def test_a_copy_is_credited_when_its_original_lacks_the_claim():
    # The original was cut short in the collection; only the copy carries this event.
    sources = [
        source("original", "2021-05-06"),
        source("repost", "2021-05-07", syndicated_from="original"),
        source("other", "2021-05-08"),
    ]
    (event,) = audit_events([_event("repost", "other")], sources)
    assert event.first_reported_by == "repost"
    assert event.independent_sources == 2
    # The repost speaks for its original here: not also counted as a copy (2 sources, not 3).
    assert event.copies == []


def test_chains_of_copies_count_once():
    sources = [
        source("a", "2021-05-05"),
        source("b", "2021-05-06", syndicated_from="a"),
        source("c", "2021-05-07", syndicated_from="b"),
    ]
    (event,) = audit_events([_event("a", "b", "c")], sources)
    assert event.independent_sources == 1
    assert event.first_reported_by == "a"
    assert event.copies == ["b", "c"]


def test_undated_sources_do_not_win_and_give_no_lag():
    sources = [source("undated", None), source("dated", "2021-05-10")]
    (event,) = audit_events([_event("undated", "dated")], sources)
    assert event.first_reported_by == "dated"
    (alone,) = audit_events([_event("undated")], sources)
    assert alone.first_reported_by == "undated"
    assert alone.lag_days is None


def test_audit_rows_follow_the_events():
    sources = [source("a", "2021-05-05"), source("b", "2021-05-06", syndicated_from="a")]
    events = audit_events([_event("a", "b")], sources)
    (row,) = audit_rows(events)
    assert row.event_id == "E0001"
    assert (row.first_reported_by, row.first_published, row.lag_days) == ("a", "2021-05-05", 2.0)
    assert (row.independent_sources, row.copies, row.conflict) == (1, 1, False)


def test_a_copy_alone_in_carrying_the_claim_is_one_voice_not_also_a_copy():
    # The copy holds more text than its (truncated) original, which lacks this claim: one
    # source in all, so neither "1 independent + 1 copy" nor credit to the original.
    sources = [source("orig", "2021-05-05"), source("copy", "2021-05-06", syndicated_from="orig")]
    (event,) = audit_events([_event("copy")], sources)
    assert (event.first_reported_by, event.independent_sources, event.copies) == ("copy", 1, [])
    # Two copies of an original absent from the event: one voice, one repeat.
    sources.append(source("copy2", "2021-05-07", syndicated_from="orig"))
    (event,) = audit_events([_event("copy", "copy2")], sources)
    assert (event.independent_sources, event.copies) == (1, ["copy2"])


def test_audit_rows_name_the_first_reporter():
    sources = [source("a", "2021-05-05")]
    sources[0].title = "Valve failed"
    events = audit_events([_event("a")], sources)
    assert audit_rows(events, sources)[0].first_reported_name == "Valve failed"
    sources[0].outlet = "Aldery Courier"
    assert audit_rows(events, sources)[0].first_reported_name == "Aldery Courier"
    assert audit_rows(events)[0].first_reported_name is None
