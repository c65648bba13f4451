"""Score a chronology against the gold events in tests/gold/*.yaml.

``python -m tests.events.goldscore`` prints the numbers for the examples, the seeds and the
stories of bench/data/stories (with the gold publication dates as a manifest, and end to end
without one); ``python -m tests.events.goldscore PATH.gold.yaml`` scores one gold file, whose
``corpus`` names its folder (relative to the repository). Error lists (``-v``) are never printed
for a held-out story (its gold file says ``held_out: true``).

Matching: a predicted claim hits a gold anchor when its mention overlaps the anchor's time
expression. A predicted event is assigned the gold event most of its anchored claims belong
to; each gold event is matched by the predicted event holding most of its anchors among those
assigned to it. Precision = matched / predicted events (events whose claims are all optional
are not counted; events with unlisted or ignored claims only are false positives); recall =
matched / gold events. B-cubed precision/recall are computed over the anchored claims.
"""

from __future__ import annotations

import csv
import re
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import yaml

from tests.conftest import EXAMPLES, REPO, SEEDS
from timeline.ingest import load
from timeline.models import Chronology, Claim, Document, Event
from timeline.pipeline import assemble, document_claims

GOLD = REPO / "tests" / "gold"
STORIES = REPO / "bench" / "data" / "stories"
#: The multi-source stories: the development ones first, then the held-out one.
STORY_GOLD = [
    STORIES / "bridge.gold.yaml",
    STORIES / "hospital.gold.yaml",
    STORIES / "ferry.gold.yaml",
]


def gold_interval(value: str) -> tuple[date, date]:
    """[start, end) of a gold TIMEX3 value (the few shapes the gold files use)."""
    if re.fullmatch(r"\d{3}", value):
        y = int(value) * 10
        return date(y, 1, 1), date(y + 10, 1, 1)
    if re.fullmatch(r"\d{4}", value):
        return date(int(value), 1, 1), date(int(value) + 1, 1, 1)
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
        y, month = int(m.group(1)), {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[m.group(2)]
        start = date(y, month, 1)
        end_month = month + 3
        return start, date(y + (end_month - 1) // 12, (end_month - 1) % 12 + 1, 1)
    if m := re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", value):
        monday = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        if m.group(3):
            return monday + timedelta(days=5), monday + timedelta(days=7)
        return monday, monday + timedelta(days=7)
    if m := re.fullmatch(r"(\d{4})-(\d\d)", value):
        y, mo = int(m.group(1)), int(m.group(2))
        return date(y, mo, 1), date(y + mo // 12, mo % 12 + 1, 1)
    d = date.fromisoformat(value[:10])
    return d, d + timedelta(days=1)


@dataclass
class Score:
    """The numbers of one gold evaluation, plus the details behind them."""

    gold_events: int = 0
    predicted_events: int = 0
    matched: int = 0
    on_time: int = 0
    first_reporter_ok: int = 0
    conflict_ok: int = 0
    conflicts_gold: int = 0
    conflicts_found: int = 0
    conflicts_predicted: int = 0
    anchors: int = 0
    anchors_hit: int = 0
    ignored: int = 0
    ignored_hit: int = 0
    bcubed_p: float = 0.0
    bcubed_r: float = 0.0
    copies_gold: int = 0
    copies_found: int = 0  # gold copies credited to their gold original
    copies_predicted: int = 0  # sources marked as a copy of anything
    unmatched_gold: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    wrong_first: list[str] = field(default_factory=list)
    matched_events: dict[str, Event] = field(default_factory=dict)  # gold id -> predicted
    claims_at: dict[tuple[str, str], Claim] = field(default_factory=dict)  # (source, phrase)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted_events if self.predicted_events else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold_events if self.gold_events else 0.0

    @property
    def first_reporter_accuracy(self) -> float:
        return self.first_reporter_ok / self.matched if self.matched else 0.0

    def summary(self) -> dict[str, float]:
        return {
            "event_precision": round(self.precision, 3),
            "event_recall": round(self.recall, 3),
            "first_reporter_accuracy": round(self.first_reporter_accuracy, 3),
            "date_accuracy": round(self.on_time / self.matched, 3) if self.matched else 0.0,
            "conflict_accuracy": round(self.conflict_ok / self.matched, 3) if self.matched else 0.0,
            "conflicts_found": f"{self.conflicts_found}/{self.conflicts_gold}",
            "conflicts_predicted": self.conflicts_predicted,
            "claim_recall": round(self.anchors_hit / self.anchors, 3) if self.anchors else 0.0,
            "noise_rate": round(self.ignored_hit / self.ignored, 3) if self.ignored else 0.0,
            "bcubed_precision": round(self.bcubed_p, 3),
            "bcubed_recall": round(self.bcubed_r, 3),
            "copies_found": f"{self.copies_found}/{self.copies_gold}",
            "copies_predicted": self.copies_predicted,
            "gold_events": self.gold_events,
            "predicted_events": self.predicted_events,
        }


def load_gold(name: str | Path) -> dict:
    """The gold of ``name`` ("examples", "seeds") or of the gold file at path ``name``."""
    path = Path(name) if str(name).endswith(".yaml") else GOLD / f"{name}.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def build_with_documents(
    paths: list[Path], manifest: Path | None
) -> tuple[Chronology, dict[str, Document]]:
    """Run the pipeline stage by stage, keeping the documents (their texts locate anchors)."""
    result = load(paths, manifest)
    claims = [c for d in result.documents for c in document_claims(d)]
    chronology = assemble([d.source for d in result.documents], claims, result.skipped)
    return chronology, {d.source.id: d for d in result.documents}


def gold_manifest(
    gold: dict, folder: Path, out: Path, suffixes: tuple[str, ...] = (".txt",)
) -> Path:
    """A manifest of the gold publication dates for the files in ``folder``.

    Only one-article files get a row (a row dates every article of its file); the articles of a
    JSON Lines file keep their own ``published`` field.
    """
    with out.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["path", "published"])
        for source_id, published in gold["published"].items():
            for suffix in suffixes:
                path = folder / f"{source_id}{suffix}"
                if path.is_file():
                    writer.writerow([str(path), published])
    return out


def _locate(docs: dict[str, Document], anchor: list[str]) -> tuple[str, int, int]:
    source, phrase, mention = anchor
    text = docs[source].text
    at = text.find(phrase)
    if at < 0:
        raise AssertionError(f"gold phrase not found in {source}: {phrase!r}")
    start = at + phrase.index(mention)
    return source, start, start + len(mention)


def score(chronology: Chronology, docs: dict[str, Document], gold: dict) -> Score:
    """Compare ``chronology`` with ``gold`` (see the module docstring)."""
    result = Score(gold_events=len(gold["events"]))
    where: list[tuple[str, int, int, str]] = []  # (source, start, end, label)
    for event in gold["events"]:
        for anchor in event["anchors"]:
            where.append((*_locate(docs, anchor), event["id"]))
    for anchor in gold.get("ignore", []):
        where.append((*_locate(docs, anchor), "!ignore"))
    for anchor in gold.get("optional", []):
        where.append((*_locate(docs, anchor), "?optional"))

    def label_of(claim) -> str | None:
        for source, start, end, label in where:
            if (
                source == claim.source_id
                and claim.mention_start < end
                and start < claim.mention_end
            ):
                return label
        return None

    gold_by_id = {e["id"]: e for e in gold["events"]}
    hit: set[tuple[str, int, int, str]] = set()
    assigned: dict[str, list[tuple[int, int]]] = {}  # gold id -> [(event n, anchors held)]
    labelled_events: list[Counter] = []
    for n, event in enumerate(chronology.events):
        labels = [label_of(c) for c in event.claims]
        for claim, lab in zip(event.claims, labels, strict=True):
            if lab is None:
                continue
            for w in where:
                if (
                    w[3] == lab
                    and w[0] == claim.source_id
                    and claim.mention_start < w[2]
                    and w[1] < claim.mention_end
                ):
                    hit.add(w)
        counts = Counter(lab for lab in labels if lab and lab[0] not in "!?")
        labelled_events.append(counts)
        if not counts:
            if all(lab and lab.startswith("?") for lab in labels):
                continue  # only optional claims: not scored
            result.predicted_events += 1
            result.spurious.append(f"{event.id} {event.value} {event.label!r}")
            continue
        result.predicted_events += 1
        majority, held = counts.most_common(1)[0]
        assigned.setdefault(majority, []).append((n, held))

    for gold_id, event in gold_by_id.items():
        candidates = assigned.get(gold_id)
        if not candidates:
            result.unmatched_gold.append(gold_id)
            continue
        n, _ = max(candidates, key=lambda c: c[1])
        predicted = chronology.events[n]
        result.matched_events[gold_id] = predicted
        result.matched += 1
        g0, g1 = gold_interval(str(event["date"]))
        if predicted.start and predicted.end:
            p0 = date.fromisoformat(predicted.start[:10])
            p1 = date.fromisoformat(predicted.end[:10])
            p1 = max(p1, p0 + timedelta(days=1))
            result.on_time += p0 < g1 and g0 < p1
        if predicted.first_reported_by in event["first_reporter"]:
            result.first_reporter_ok += 1
        else:
            result.wrong_first.append(f"{gold_id}: {predicted.first_reported_by}")
        result.conflict_ok += predicted.conflict == event["conflict"]
        result.conflicts_found += predicted.conflict and event["conflict"]
    result.conflicts_gold = sum(1 for e in gold["events"] if e["conflict"])
    result.conflicts_predicted = sum(1 for e in chronology.events if e.conflict)

    for event in gold["events"]:
        for anchor in event["anchors"]:
            source, start, end = _locate(docs, anchor)
            for predicted in chronology.events:
                for claim in predicted.claims:
                    if (
                        claim.source_id == source
                        and claim.mention_start < end
                        and start < claim.mention_end
                    ):
                        result.claims_at[(source, anchor[1])] = claim

    anchored = [w for w in where if w[3][0] not in "!?"]
    result.anchors = len(anchored)
    result.anchors_hit = sum(1 for w in anchored if w in hit)
    ignored = [w for w in where if w[3] == "!ignore"]
    result.ignored = len(ignored)
    result.ignored_hit = sum(1 for w in ignored if w in hit)

    copies = gold.get("copies") or {}
    result.copies_gold = len(copies)
    result.copies_found = sum(
        1 for s in chronology.sources if s.syndicated_from and copies.get(s.id) == s.syndicated_from
    )
    result.copies_predicted = sum(1 for s in chronology.sources if s.syndicated_from)

    # B-cubed over claims that hit a gold event's anchor.
    items = [(n, lab) for n, counts in enumerate(labelled_events) for lab in counts.elements()]
    if items:
        per_event = Counter(n for n, _ in items)
        per_pair = Counter(items)
        per_gold = Counter(lab for _, lab in items)
        result.bcubed_p = sum(per_pair[(n, lab)] / per_event[n] for n, lab in items) / len(items)
        result.bcubed_r = sum(per_pair[(n, lab)] / per_gold[lab] for n, lab in items) / len(items)
    return result


def _build(
    name: str | Path, *, with_gold_dates: bool = True
) -> tuple[Chronology, dict[str, Document]]:
    gold = load_gold(name)
    if name == "examples":
        return build_with_documents([EXAMPLES], EXAMPLES / "manifest.csv")
    if str(name).endswith(".yaml"):
        folder = REPO / gold["corpus"]
        own = folder / "manifest.csv"
        if not with_gold_dates:
            return build_with_documents([folder], own if own.is_file() else None)
        with tempfile.TemporaryDirectory() as tmp:
            manifest = gold_manifest(
                gold, folder, Path(tmp) / "manifest.csv", (".txt", ".html", ".htm")
            )
            return build_with_documents([folder], manifest)
    with tempfile.TemporaryDirectory() as tmp:
        manifest = (
            gold_manifest(gold, SEEDS, Path(tmp) / "manifest.csv") if with_gold_dates else None
        )
        return build_with_documents([SEEDS], manifest)


def evaluate_chronology(name: str | Path, *, with_gold_dates: bool = True) -> Chronology:
    """The chronology of the gold corpus ``name``, built as :func:`evaluate` builds it."""
    return _build(name, with_gold_dates=with_gold_dates)[0]


def evaluate(name: str | Path, *, with_gold_dates: bool = True) -> Score:
    """Build the gold corpus ``name`` ("examples", "seeds" or a gold file's path) and score it."""
    chronology, docs = _build(name, with_gold_dates=with_gold_dates)
    return score(chronology, docs, load_gold(name))


def main() -> None:
    paths = [a for a in sys.argv[1:] if a.endswith(".yaml")]
    if paths:
        runs = [(p, dated) for p in paths for dated in (True, False)]
    else:
        runs = [("examples", True), ("seeds", True), ("seeds", False)]
        runs += [(p, dated) for p in STORY_GOLD for dated in (True, False)]
    for name, dated in runs:
        result = evaluate(name, with_gold_dates=dated)
        label = Path(name).name.removesuffix(".gold.yaml") if str(name).endswith(".yaml") else name
        held_out = bool(load_gold(name).get("held_out"))
        tag = label + (
            "" if name == "examples" else (" (gold dates)" if dated else " (end to end)")
        )
        print(f"== {tag}{' [held out]' if held_out else ''}")
        for key, value in result.summary().items():
            print(f"  {key:26} {value}")
        if "-v" in sys.argv and not held_out:
            print("  unmatched gold:", result.unmatched_gold)
            print("  spurious:", *result.spurious, sep="\n    ")
            print("  wrong first reporter:", result.wrong_first)


if __name__ == "__main__":
    main()
