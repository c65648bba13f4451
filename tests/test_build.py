"""End to end: `timeline build` on the seeds and on the examples writes four consistent outputs."""

from __future__ import annotations

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
