"""Event quality against the hand-written gold (tests/gold/): precision and recall of events,
first reporters, conflicts, and the non-events that must not become claims.

The thresholds sit below the measured numbers (see the report of `python -m tests.events.goldscore`)
with room for the temporal engine's misses, which cost claims we cannot cluster."""

from __future__ import annotations

import pytest

from tests.events.goldscore import Score, evaluate


@pytest.fixture(scope="module")
def examples() -> Score:
    return evaluate("examples")


@pytest.fixture(scope="module")
def seeds(seeds_dir) -> Score:
    return evaluate("seeds", with_gold_dates=True)


@pytest.fixture(scope="module")
def seeds_end_to_end(seeds_dir) -> Score:
    return evaluate("seeds", with_gold_dates=False)


def _f1(score: Score) -> float:
    p, r = score.bcubed_p, score.bcubed_r
    return 2 * p * r / (p + r) if p + r else 0.0


@pytest.mark.parametrize("name", ["examples", "seeds"])
def test_events_precision_recall_and_first_reporter(name, request):
    score: Score = request.getfixturevalue(name)
    assert score.recall >= 0.8, score.unmatched_gold
    assert score.precision >= 0.7, score.spurious
    assert score.first_reporter_accuracy >= 0.85, score.wrong_first
    assert _f1(score) >= 0.75
    assert score.on_time / score.matched >= 0.85


@pytest.mark.parametrize("name", ["examples", "seeds"])
def test_non_events_do_not_become_claims(name, request):
    score: Score = request.getfixturevalue(name)
    assert score.ignored_hit <= max(1, score.ignored // 10)


def test_end_to_end_without_a_manifest(seeds_end_to_end):
    # Publication dates inferred by ingest: weaker, but the timeline must still hold.
    assert seeds_end_to_end.recall >= 0.6, seeds_end_to_end.unmatched_gold
    assert seeds_end_to_end.precision >= 0.6, seeds_end_to_end.spurious


def test_the_leak_start_dispute_is_shown(examples):
    event = examples.matched_events["leak-starts"]
    assert event.conflict
    assert {c.value[:10] for c in event.competing} >= {"2023-10-08", "2023-10-09"}
    # The better supported date wins: Monday, Oct. 9.
    assert event.start[:10] == "2023-10-09"


def test_the_capture_caption_disagrees_with_the_body(seeds):
    event = seeds.matched_events["dzhokhar-captured"]
    assert event.conflict
    assert event.start[:10] == "2013-04-19"  # the body, not the caption, dates it


def test_two_calls_are_two_events(seeds):
    # Apr 19/20 (AFP; "last week" in the Apr 23 and Apr 29 pieces) and Monday Apr 29 (003).
    first = seeds.matched_events["first-call"]
    second = seeds.matched_events["second-call"]
    assert first is not second
    assert second.start[:10] == "2013-04-29"
    assert second.first_reported_by == "003_e194a66a3305521c"
    # The Apr 29 piece and its repost say "last week" (Apr 22-28): a stale date for the first
    # call, shown as a dispute, not the Monday call of the day it was published.
    assert {c.source_id[:3] for c in first.claims} == {"000", "001", "002", "004"}
    assert first.first_reported_by == "000_aea007db802815bc"
    assert first.conflict
    assert {c.value for c in first.competing} == {"2013-04-20", "2013-W17"}


def test_granularity_is_not_a_conflict(examples):
    # "last fall" and a fall date; a year and "three years later": no dispute.
    for gold_id in ("permit-renewed", "inspection-2011", "permit-hearing"):
        assert not examples.matched_events[gold_id].conflict, gold_id


def test_a_repost_credits_the_original(examples, seeds):
    assert examples.matched_events["plant-opens"].first_reported_by == "01-hws-chlorine-leak"
    # The original (004) was cut short: what only the repost carries is the repost's.
    assert seeds.matched_events["askhabov-killed"].first_reported_by == "002_111aa8a0519c7193"


@pytest.mark.parametrize(
    ("source", "phrase", "speaker"),
    [
        ("001_a9c1784a9c239db0", "spoke last week by telephone", "White House statement"),
        ("003_e194a66a3305521c", "two presidents spoke on Monday", "Peskov"),
        ("002_111aa8a0519c7193", "a wiretapped 2011 phone call", "Russian officials told US"),
        ("003_e194a66a3305521c", "Over the weekend the newspaper", "Novaya Gazeta"),
    ],
)
def test_attribution_on_the_seeds(seeds, source, phrase, speaker):
    claim = seeds.claims_at[(source, phrase)]
    assert claim.attribution and speaker in claim.attribution


@pytest.mark.parametrize("name", ["examples", "seeds"])
def test_labels_read_as_short_event_descriptions(name, request):
    from tests.events.goldscore import evaluate_chronology
    from tests.events.labelcheck import problems

    if name == "seeds":
        request.getfixturevalue("seeds_dir")
    labels = [e.label for e in evaluate_chronology(name).events]
    bad = [(label, sorted(problems(label))) for label in labels if problems(label)]
    # Measured: 2 of 24 (examples) and 2 of 35 (seeds); 43 % of both before round 2.
    assert len(bad) <= 0.15 * len(labels), bad


# The multi-source stories of bench/data/stories: floors on the development story only (measured
# with gold dates: event P 0.906, R 1.0, first reporter 0.931, B-cubed P 1.0 R 0.919, conflicts
# found 1/1, copies 1/1; before the third round P 0.853, B-cubed R 0.885; before the second
# round on clustering quality P 0.744, first reporter 0.862, B-cubed R 0.772; before the second
# clustering pass P 0.644, B-cubed R 0.691, 0/1);
# the held-out story is only checked for being well formed.


@pytest.fixture(scope="module")
def bridge() -> Score:
    from tests.events.goldscore import STORY_GOLD

    return evaluate(STORY_GOLD[0])


def test_the_development_story(bridge):
    assert bridge.recall >= 0.9, bridge.unmatched_gold
    assert bridge.precision >= 0.85, bridge.spurious
    assert bridge.first_reporter_accuracy >= 0.88, bridge.wrong_first
    assert _f1(bridge) >= 0.93
    # The collapse's date dispute between outlets is one event, flagged.
    assert bridge.conflicts_found == bridge.conflicts_gold == 1
    assert bridge.on_time / bridge.matched >= 0.9
    assert bridge.ignored_hit <= max(1, bridge.ignored // 10)
    assert bridge.copies_found == bridge.copies_gold == bridge.copies_predicted


@pytest.mark.parametrize("story", ["bridge", "hospital", "ferry"])
def test_a_story_gold_is_well_formed(story):
    from tests.events.goldscore import REPO, STORIES, gold_interval, load_gold
    from timeline.ingest import load

    gold = load_gold(STORIES / f"{story}.gold.yaml")
    documents = load([REPO / gold["corpus"]]).documents
    texts = {d.source.id: d.text for d in documents}
    assert set(texts) == set(gold["published"])
    for source, original in gold.get("copies", {}).items():
        assert {source, original} <= set(texts)
    ids = [e["id"] for e in gold["events"]]
    assert len(ids) == len(set(ids))
    located = []
    for event in gold["events"]:
        gold_interval(str(event["date"]))
        assert set(event["first_reporter"]) <= set(texts), event["id"]
        assert event["conflict"] == ("competing" in event), event["id"]
        located += event["anchors"]
    located += gold.get("ignore", []) + gold.get("optional", [])
    for source, phrase, mention in located:
        assert texts[source].count(phrase) == 1, (source, phrase)
        assert mention in phrase and len(phrase) < 60, (source, phrase)


# The second development story (bench/data/stories/hospital, added to have development material
# that is not the held-out one). Measured with gold dates: event P 0.833, R 1.0, first reporter
# 1.0, B-cubed P 1.0 R 0.894, conflicts found 1/1, copies 1/1 (before the fourth round on
# clustering P 0.735, B-cubed P 0.976 R 0.752; before the third P 0.658, B-cubed R 0.681;
# before the second P 0.625, B-cubed R 0.643); blind
# (before the fixes its errors led to) P 0.595, B-cubed R 0.632, first reporter 0.96,
# conflicts 0/1.


@pytest.fixture(scope="module")
def hospital() -> Score:
    from tests.events.goldscore import STORIES

    return evaluate(STORIES / "hospital.gold.yaml")


def test_the_second_development_story(hospital):
    assert hospital.recall >= 0.9, hospital.unmatched_gold
    assert hospital.precision >= 0.78, hospital.spurious
    assert hospital.first_reporter_accuracy >= 0.9, hospital.wrong_first
    assert hospital.bcubed_r >= 0.85 and _f1(hospital) >= 0.9
    # "late Sunday" (the wire), "early Monday" (the local paper), "the Oct. 12 cyberattack".
    assert hospital.conflicts_found == hospital.conflicts_gold == 1
    assert hospital.on_time / hospital.matched >= 0.9
    assert hospital.ignored_hit <= max(1, hospital.ignored // 10)
    assert hospital.copies_found == hospital.copies_gold == hospital.copies_predicted
