"""Syndicated copies: containment with MinHash/LSH, the original is the earliest, fingerprints."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.ingest import load
from timeline.ingest.readers import make_document
from timeline.ingest.syndication import find_copies, fingerprint, mark_syndication

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SENTENCES = [
    f"Sentence number {n} of the wire story reports that the {w} council met on {d} to vote."
    for n, (w, d) in enumerate(
        [
            (w, d)
            for w in ("county", "city", "harbour", "school", "water", "parks")
            for d in ("Monday", "Tuesday", "Friday")
        ]
    )
]
STORY = "\n\n".join(SENTENCES)
OTHER = "\n\n".join(
    f"An unrelated report, item {n}: the football club signed a {w} striker for the season."
    for n, w in enumerate(("young", "tall", "fast", "veteran", "local", "foreign") * 3)
)


def doc(source_id: str, text: str, published: str | None, outlet: str | None = None):
    document = make_document(f"Headline {source_id}\n\n{text}", source_id=source_id, path=source_id)
    document.source.published = published
    document.source.outlet = outlet
    return document


def test_truncated_and_extended_copies_credit_the_earliest():
    original = doc("wire", STORY, "2021-03-01")
    truncated = doc("short", "\n\n".join(SENTENCES[:8]), "2021-03-02")
    extended = doc(
        "long", STORY + "\n\nOur own reporter adds that residents were angry.", "2021-03-03"
    )
    unrelated = doc("sport", OTHER, "2021-03-01")
    documents = [extended, unrelated, truncated, original]
    mark_syndication(documents)
    assert {d.source.id: d.source.syndicated_from for d in documents} == {
        "long": "wire",
        "short": "wire",
        "sport": None,
        "wire": None,
    }


def test_same_day_tie_goes_to_the_outlet_byline():
    a = doc("plain", STORY, "2021-03-01T18:00:00")
    b = make_document(
        f"Headline\n\nRIVERTON, March 1, 2021 (BW) — {STORY}", source_id="byline", path="b"
    )
    b.source.published = "2021-03-01T20:00:00"
    assert find_copies([(a.source, fingerprint(a)), (b.source, fingerprint(b))]) == {
        "plain": "byline"
    }


def test_undated_copy_is_never_the_original():
    dated_copy = doc("dated", STORY, "2021-03-05")
    undated = doc("undated", STORY + "\n\nExtra line at the end of the page.", None)
    mark_syndication([undated, dated_copy])
    assert undated.source.syndicated_from == "dated"


def test_fingerprint_is_storable_bytes():
    signature = fingerprint(doc("wire", STORY, "2021-03-01"))
    assert isinstance(signature, bytes) and len(signature) < 1024
    copy = doc("copy", "\n\n".join(SENTENCES[:10]), "2021-03-02")
    stored = [
        (copy.source, bytes(fingerprint(copy))),
        (doc("wire", STORY, "2021-03-01").source, signature),
    ]
    assert find_copies(stored) == {"copy": "wire"}
    with pytest.raises(ValueError):
        find_copies([(copy.source, b"not a fingerprint")])


def test_short_texts_are_not_called_copies():
    a, b = doc("a", "Short note.", "2021-03-01"), doc("b", "Short note.", "2021-03-02")
    assert find_copies([(a.source, fingerprint(a)), (b.source, fingerprint(b))]) == {}


def test_examples_repost_copies_the_wire():
    by_id = {d.source.id: d.source for d in load([EXAMPLES]).documents}
    assert by_id["02-riverton-gazette-repost"].syndicated_from == "01-hws-chlorine-leak"
    others = [s for i, s in by_id.items() if i != "02-riverton-gazette-repost"]
    assert all(s.syndicated_from is None for s in others)


def test_seed_repost_pair(seeds_dir):
    by_prefix = {d.source.id[:3]: d.source for d in load([seeds_dir]).documents}
    # 004 is stamped April 29, 2013; 002 re-posts it on April 30 (longer, glued words, no byline).
    assert by_prefix["002"].syndicated_from == by_prefix["004"].id
    assert all(by_prefix[p].syndicated_from is None for p in ("000", "001", "003", "004"))
