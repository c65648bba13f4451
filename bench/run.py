"""`make bench`: run every benchmark and write its results under bench/results/."""

from __future__ import annotations

import importlib
import sys

BENCHMARKS = [
    "bench.temporal",
]


def main(argv: list[str]) -> int:
    wanted = argv or BENCHMARKS
    for name in wanted:
        module = importlib.import_module(name if name.startswith("bench.") else f"bench.{name}")
        module.main()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
