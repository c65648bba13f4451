"""Shared fixtures: paths to the repo, the examples, the seeds and TempEval-3 (read in place)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
SHARED = Path(os.environ.get("TIMELINE_SHARED", REPO.parent / "shared"))
SEEDS = SHARED / "seeds"
TEMPEVAL = SHARED / "data" / "tempeval3" / "train"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS} (set TIMELINE_SHARED)")
    return SEEDS


@pytest.fixture(scope="session")
def tempeval_dir() -> Path:
    if not TEMPEVAL.is_dir():
        pytest.skip(f"TempEval-3 data not found at {TEMPEVAL} (set TIMELINE_SHARED)")
    return TEMPEVAL


def run_cli(
    *args: str, input: str | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess:
    """Run the real `timeline` entry point in a subprocess (exit codes and stderr as a user sees them)."""
    return subprocess.run(
        [sys.executable, "-c", "from timeline.cli import main; main()", *args],
        input=input,
        capture_output=True,
        text=True,
        cwd=cwd or REPO,
        timeout=300,
    )
