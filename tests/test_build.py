"""End to end: `timeline build` on the seeds and on the examples writes four consistent outputs."""

from __future__ import annotations

import pytest

from tests.conftest import EXAMPLES, run_cli
from tests.outputs import check_outputs


def test_build_seeds_outputs_are_consistent(seeds_dir, tmp_path):
    result = run_cli("build", str(seeds_dir), "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    chronology = check_outputs(tmp_path)
    assert len(chronology["sources"]) == 5
    assert chronology["events"], "the seeds report dated events"


def test_build_examples_with_manifest(tmp_path):
    result = run_cli(
        "build", str(EXAMPLES), "--manifest", str(EXAMPLES / "manifest.csv"), "--out", str(tmp_path)
    )
    assert result.returncode == 0, result.stderr
    chronology = check_outputs(tmp_path)
    by_path = {s["path"].split("/")[-1]: s for s in chronology["sources"]}
    hearing = by_path["05-courier-hearing.txt"]
    assert hearing["published"] == "2023-10-20"
    assert hearing["published_how"] == "manifest"
    assert hearing["outlet"] == "Aldery Courier"
    # two articles from one JSONL file, each its own source
    assert sum(1 for s in chronology["sources"] if s["path"].endswith("06-followups.jsonl")) == 2


def test_python_api_matches_cli(tmp_path):
    from timeline import build

    chronology = build([EXAMPLES], manifest=EXAMPLES / "manifest.csv")
    result = run_cli(
        "build", str(EXAMPLES), "--manifest", str(EXAMPLES / "manifest.csv"), "--out", str(tmp_path)
    )
    assert result.returncode == 0
    import json

    written = json.loads((tmp_path / "chronology.json").read_text())
    assert [e["value"] for e in written["events"]] == [e.value for e in chronology.events]


def test_an_internal_error_on_one_article_does_not_stop_the_build(tmp_path, monkeypatch):
    import timeline.pipeline as pipeline

    real = pipeline.resolve

    def flaky(text, published):
        if "north pier" in text:
            raise ValueError("year -480 is out of range")
        return real(text, published)

    monkeypatch.setattr(pipeline, "resolve", flaky)
    monkeypatch.delenv("TIMELINE_DEBUG", raising=False)
    (tmp_path / "bad.txt").write_text("The north pier was first built on Monday, May 3, 2021.")
    (tmp_path / "good.txt").write_text("The ferry service resumed on Friday, May 7, 2021.")
    chronology = pipeline.build([tmp_path])
    assert sorted(s.id for s in chronology.sources) == ["bad", "good"]
    [skipped] = chronology.skipped
    assert skipped.path.endswith("bad.txt")
    assert "ValueError: year -480 is out of range" in skipped.reason and "\n" not in skipped.reason
    assert {c.source_id for e in chronology.events for c in e.claims} == {"good"}
    monkeypatch.setenv("TIMELINE_DEBUG", "1")
    with pytest.raises(ValueError):
        pipeline.build([tmp_path])
