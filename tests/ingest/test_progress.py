"""load() reports its progress: files read, then the collection passes (dates, copies)."""

from __future__ import annotations

import json
from pathlib import Path

from timeline.ingest import load

STORY = (
    "Harbour repairs start\n\n"
    "Work on the harbour wall began on Monday, March 1, after two years of delays, the port "
    "said. The contractor expects to finish before the storm season, officials added.\n"
)


def _corpus(folder: Path) -> None:
    folder.mkdir()
    (folder / "a.txt").write_text("Harbour\n\nBy Jo Park / March 3, 2021\n\n" + STORY)
    (folder / "b.txt").write_text(STORY.replace("harbour wall", "sea wall"))
    (folder / "empty.txt").write_text("")  # skipped, but still a file read
    lines = [{"text": STORY.replace("Monday", f"Monday ({n})"), "id": n} for n in range(3)]
    (folder / "feed.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n")


def test_read_counts_files_then_dates_and_copies_finish(tmp_path):
    _corpus(tmp_path / "in")
    calls: list[tuple[str, int, int]] = []
    result = load([tmp_path / "in"], progress=lambda *a: calls.append(a))
    assert len(result.documents) == 5 and len(result.skipped) == 1
    stages = list(dict.fromkeys(stage for stage, _, _ in calls))
    assert stages == ["read", "dates", "copies"]
    read = [(done, total) for stage, done, total in calls if stage == "read"]
    # One report per file, counted before any was read; a .jsonl file counts once.
    assert read == [(n, 4) for n in range(5)]
    for stage in ("dates", "copies"):
        done = [(d, t) for s, d, t in calls if s == stage]
        assert done[-1][0] == done[-1][1], f"{stage} did not finish"
        assert [d for d, _ in done] == sorted(d for d, _ in done), f"{stage} went backwards"
    # The undated articles looked to the collection: one dates step each.
    undated = sum(1 for d in result.documents if d.source.published_how != "dateline")
    assert [t for s, _, t in calls if s == "dates"][-1] == undated


def test_without_a_progress_callback_nothing_changes(tmp_path):
    _corpus(tmp_path / "in")
    quiet = load([tmp_path / "in"])
    loud = load([tmp_path / "in"], progress=lambda *a: None)
    assert [d.source for d in quiet.documents] == [d.source for d in loud.documents]


def test_missing_input_still_reports_a_finished_read(tmp_path):
    calls: list[tuple[str, int, int]] = []
    result = load([tmp_path / "nothing-here"], progress=lambda *a: calls.append(a))
    assert result.skipped and not result.documents
    assert ("read", 0, 0) in calls
