"""Every phrase case of tests/corpus/*.yaml, one test each (see tests/temporal/corpus.py)."""

from __future__ import annotations

import pytest

from tests.temporal.corpus import FIELDS, Case, load_cases
from timeline.temporal import resolve

CASES = load_cases()


def _show(mentions) -> str:
    return "\n".join(
        f"  {m.text!r}: {m.type} {m.value} [{m.start}, {m.end}) {m.granularity} {m.anchor}"
        f" rule={m.rule}"
        for m in mentions
    )


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_corpus_case(case: Case) -> None:
    mentions = resolve(case.text, case.reference)
    for m in mentions:
        assert case.text[m.start_char : m.end_char] == m.text
    found = list(mentions)
    if case.partial:
        found = [m for m in mentions if any(m.text == e["text"] for e in case.expect)]
    assert len(found) == len(case.expect), (
        f"expected {[e['text'] for e in case.expect]}, found:\n{_show(mentions)}"
    )
    for mention, want in zip(found, case.expect, strict=True):
        got = {key: getattr(mention, key) for key in FIELDS}
        for key, value in want.items():
            assert got[key] == value, (
                f"{want['text']!r}: {key} is {got[key]!r}, expected {value!r}\n{_show(mentions)}"
            )
    for text in case.absent:
        assert not any(text in m.text for m in mentions), f"{text!r} was found:\n{_show(mentions)}"


def test_corpus_is_large_and_ids_unique() -> None:
    assert len(CASES) >= 300
    assert len({c.id for c in CASES}) == len(CASES)
    negatives = [c for c in CASES if not c.expect or c.absent]
    assert len(negatives) >= 30
