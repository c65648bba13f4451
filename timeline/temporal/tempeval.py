"""TempEval-3 style evaluation (skeleton; issue 3 writes the real scorer)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Report:
    scores: dict[str, float] = field(default_factory=dict)

    def as_dict(self) -> dict[str, float]:
        return dict(self.scores)


def evaluate_paths(paths: list[Path]) -> Report:
    return Report()


def format_report(report: Report, errors: int = 0) -> str:
    return "\n".join(f"{k}: {v:.3f}" for k, v in report.scores.items())
