"""Cross-check of the clustering thresholds: tune on one gold set, test on the other.

``python -m tests.events.crosscheck`` scores a small grid of (MERGE, NAME_MISMATCH, WHAT) on
the examples and on the seeds (claims extracted once, events re-clustered per setting), picks
the best setting on each set by B-cubed F1 (event F1 breaking ties) and reports how it does on
the other set, next to the shipped constants. Shipped constants that sit near the best of both
sets, and a held-out loss that stays small, mean they were not tuned to one story.
"""

from __future__ import annotations

import itertools

import timeline.events.cluster as cluster
from tests.events.goldscore import Score, _build, load_gold, score
from timeline.pipeline import assemble

GRID = {
    "MERGE": (0.10, 0.15, 0.20),
    "NAME_MISMATCH": (0.3, 0.5, 0.7),
    "WHAT": (0.0, 0.05, 0.10),
}


def _f1(s: Score) -> tuple[float, float]:
    b = 2 * s.bcubed_p * s.bcubed_r / (s.bcubed_p + s.bcubed_r) if s.bcubed_p + s.bcubed_r else 0
    e = 2 * s.precision * s.recall / (s.precision + s.recall) if s.precision + s.recall else 0
    return round(b, 3), round(e, 3)


def main() -> None:
    sets = {}
    for name in ("examples", "seeds"):
        chronology, docs = _build(name)
        claims = [c for e in chronology.events for c in e.claims]
        sets[name] = (chronology.sources, claims, docs, load_gold(name))
    shipped = {k: getattr(cluster, k) for k in GRID}
    results: dict[tuple, dict[str, tuple[float, float]]] = {}
    for values in itertools.product(*GRID.values()):
        for k, v in zip(GRID, values, strict=True):
            setattr(cluster, k, v)
        results[values] = {
            name: _f1(score(assemble(sources, claims), docs, gold))
            for name, (sources, claims, docs, gold) in sets.items()
        }
    for k, v in shipped.items():
        setattr(cluster, k, v)
    here = tuple(shipped.values())
    print("shipped", dict(zip(GRID, here, strict=True)), results[here])
    for tune, test in (("examples", "seeds"), ("seeds", "examples")):
        best = max(results, key=lambda v: results[v][tune])
        print(
            f"tuned on {tune}: {dict(zip(GRID, best, strict=True))} -> {tune} {results[best][tune]}"
            f", held-out {test} {results[best][test]} (best possible {max(r[test] for r in results.values())},"
            f" shipped {results[here][test]})"
        )


if __name__ == "__main__":
    main()
