"""Event quality against hand-judged gold: examples/, the seeds and the two multi-source stories.

``python -m bench.run events`` scores each gold set with ``tests.events.goldscore`` (event
precision and recall, B-cubed precision and recall over the anchored claims, first-reporter
accuracy, conflicts found, syndicated copies found), with the gold publication dates as a
manifest and, for the seeds and the stories, end to end (dates found by ingest). The stories
(``bench/data/stories``) are invented: ``bridge`` and ``hospital`` are development stories,
``ferry`` is held out (never tuned on). The seeds are skipped, with a note, where ``../shared/seeds`` is absent.
Seconds per set are wall time of build and scoring; ``quick`` changes nothing (it is fast).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from tests.conftest import SEEDS
from tests.events.goldscore import STORY_GOLD, evaluate, load_gold

#: Floors on the development stories (gold dates), checked in the summary table.
TARGETS = {"event_recall": 0.9, "event_precision": 0.6, "first_reporter_accuracy": 0.8}


def _runs() -> list[tuple[str, str | Path, bool]]:
    runs: list[tuple[str, str | Path, bool]] = [("examples", "examples", True)]
    if SEEDS.is_dir():
        runs += [("seeds (gold dates)", "seeds", True), ("seeds (end to end)", "seeds", False)]
    for path in STORY_GOLD:
        story = path.name.removesuffix(".gold.yaml")
        if load_gold(path).get("held_out"):
            story += " [held out]"
        runs += [(f"{story} (gold dates)", path, True), (f"{story} (end to end)", path, False)]
    return runs


def run(quick: bool = False) -> dict[str, Any]:
    sets: dict[str, Any] = {}
    for tag, name, dated in _runs():
        started = time.perf_counter()
        score = evaluate(name, with_gold_dates=dated)
        sets[tag] = {**score.summary(), "seconds": round(time.perf_counter() - started, 2)}
    notes = [] if SEEDS.is_dir() else ["seeds skipped: ../shared/seeds not found"]
    return {"sets": sets, "notes": notes}


def summary(result: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for tag, numbers in result["sets"].items():
        dev = tag in ("bridge (gold dates)", "hospital (gold dates)")
        for key in ("event_precision", "event_recall", "first_reporter_accuracy"):
            row: dict[str, Any] = {"name": f"events {tag}: {key}", "value": numbers[key]}
            if dev:
                row["target"] = f">= {TARGETS[key]}"
                row["pass"] = numbers[key] >= TARGETS[key]
            rows.append(row)
    return rows


def markdown(result: dict[str, Any]) -> str:
    keys = [
        "event_precision",
        "event_recall",
        "bcubed_precision",
        "bcubed_recall",
        "first_reporter_accuracy",
        "date_accuracy",
        "conflicts_found",
        "conflicts_predicted",
        "copies_found",
        "copies_predicted",
        "noise_rate",
        "gold_events",
        "predicted_events",
    ]
    lines = [
        "# Event quality against hand-judged gold",
        "",
        "Scored by `tests/events/goldscore.py` (see `tests/gold/README.md` and",
        "`bench/data/stories/README.md`). `bridge` and `hospital` are development stories,",
        "`ferry` is held out.",
        "",
        "| set | " + " | ".join(keys) + " |",
        "|---|" + "---:|" * len(keys),
    ]
    for tag, numbers in result["sets"].items():
        lines.append(f"| {tag} | " + " | ".join(str(numbers[k]) for k in keys) + " |")
    lines += ["", *result.get("notes", [])]
    return "\n".join(lines) + "\n"
