"""Every stage of `timeline.build` reports its progress (the CLI's progress bar is driven by it)."""

from __future__ import annotations

from tests.conftest import EXAMPLES
from timeline.pipeline import build


def test_each_stage_reports_and_finishes():
    calls: list[tuple[str, int, int]] = []
    chronology = build([EXAMPLES], EXAMPLES / "manifest.csv", progress=lambda *a: calls.append(a))
    stages = list(dict.fromkeys(stage for stage, _, _ in calls))
    assert stages == ["read", "dates", "copies", "claims", "events", "audit"]
    for stage in stages:
        done, total = next((d, t) for s, d, t in reversed(calls) if s == stage)
        assert done == total, f"{stage} did not finish"
    per_document = [d for s, d, t in calls if s == "claims" and d > 0]
    assert per_document == list(range(1, len(chronology.sources) + 1))
    assert next(t for s, _, t in reversed(calls) if s == "audit") == len(chronology.events)
