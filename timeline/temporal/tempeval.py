"""TempEval-3 style evaluation of TIMEX3 recognition and normalization.

Scores the way the official TE3 toolkit (``evaluate_entities.py``) does, on character spans
instead of its Perl tokenizer:

* strict match: same extent (ignoring surrounding whitespace and punctuation, which the
  toolkit's tokenizer splits off);
* relaxed match: extents overlap;
* precision = matched system timexes / system timexes; recall = matched gold / gold timexes;
* attribute F1 (type, value) = (gold timexes whose relaxed-matched system timex has the same
  attribute / relaxed-matched gold timexes) x relaxed F1, exactly the toolkit's formula.

Only the ``<TEXT>`` element is scored; the document creation time (DCT) is the reference time.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

_TRIM = " \t\r\n.,;:!?\"'`()[]{}"


@dataclass(frozen=True)
class Timex:
    """One TIMEX3: character span in the document's TEXT, its text, type and value."""

    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class TmlDocument:
    """A TimeML document: the plain TEXT, its creation date, and the gold TIMEX3s in TEXT."""

    name: str
    text: str
    dct: date
    timexes: list[Timex]


def load_tml(path: str | Path) -> TmlDocument:
    """Parse a .tml file into its plain text, DCT and gold timexes (offsets into the text).

    >>> doc = load_tml("APW19980807.0261.tml")  # doctest: +SKIP
    >>> doc.dct, doc.timexes[0].value  # doctest: +SKIP
    """
    path = Path(path)
    root = ET.parse(path).getroot()
    dct_node = root.find("./DCT/TIMEX3")
    if dct_node is None:
        raise ValueError(f"{path}: no DCT")
    dct = date.fromisoformat(dct_node.get("value", "")[:10])
    text_node = root.find("./TEXT")
    if text_node is None:
        raise ValueError(f"{path}: no TEXT element")
    parts: list[str] = []
    timexes: list[Timex] = []

    def walk(node: ET.Element) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            start = sum(map(len, parts))
            walk(child)
            if child.tag == "TIMEX3":
                end = sum(map(len, parts))
                covered = "".join(parts)[start:end]
                timexes.append(
                    Timex(start, end, covered, child.get("type", ""), child.get("value", ""))
                )
            if child.tail:
                parts.append(child.tail)

    walk(text_node)
    return TmlDocument(name=path.stem, text="".join(parts), dct=dct, timexes=timexes)


def _trimmed(t: Timex) -> tuple[int, int]:
    start, end = t.start, t.end
    while start < end and t.text[start - t.start] in _TRIM:
        start += 1
    while end > start and t.text[end - 1 - t.start] in _TRIM:
        end -= 1
    return start, end


def _overlap(a: Timex, b: Timex) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


@dataclass
class Report:
    """Counts and scores over a set of documents; ``errors`` lists value mismatches."""

    documents: int = 0
    gold: int = 0
    system: int = 0
    strict_precision_hits: int = 0
    strict_recall_hits: int = 0
    relaxed_precision_hits: int = 0
    relaxed_recall_hits: int = 0
    type_hits: int = 0
    value_hits: int = 0
    chars: int = 0
    errors: list[dict] = field(default_factory=list)

    @staticmethod
    def _f1(p: float, r: float) -> float:
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def _pr(self, p_hits: int, r_hits: int) -> tuple[float, float, float]:
        p = p_hits / self.system if self.system else 0.0
        r = r_hits / self.gold if self.gold else 0.0
        return p, r, self._f1(p, r)

    @property
    def strict(self) -> tuple[float, float, float]:
        return self._pr(self.strict_precision_hits, self.strict_recall_hits)

    @property
    def relaxed(self) -> tuple[float, float, float]:
        return self._pr(self.relaxed_precision_hits, self.relaxed_recall_hits)

    def _attribute_f1(self, hits: int) -> float:
        if not self.relaxed_recall_hits:
            return 0.0
        return hits / self.relaxed_recall_hits * self.relaxed[2]

    @property
    def type_f1(self) -> float:
        return self._attribute_f1(self.type_hits)

    @property
    def value_f1(self) -> float:
        return self._attribute_f1(self.value_hits)

    @property
    def value_accuracy(self) -> float:
        return self.value_hits / self.relaxed_recall_hits if self.relaxed_recall_hits else 0.0

    def as_dict(self) -> dict:
        sp, sr, sf = self.strict
        rp, rr, rf = self.relaxed
        return {
            "documents": self.documents,
            "chars": self.chars,
            "gold": self.gold,
            "system": self.system,
            "strict": {"precision": sp, "recall": sr, "f1": sf},
            "relaxed": {"precision": rp, "recall": rr, "f1": rf},
            "type_f1": self.type_f1,
            "value_f1": self.value_f1,
            "value_accuracy": self.value_accuracy,
        }


def score_document(report: Report, gold: list[Timex], system: list[Timex], name: str = "") -> None:
    """Add one document's gold and system timexes to ``report``."""
    report.documents += 1
    report.gold += len(gold)
    report.system += len(system)
    gold_strict = {_trimmed(g) for g in gold}
    system_strict = {_trimmed(s) for s in system}
    report.strict_precision_hits += sum(_trimmed(s) in gold_strict for s in system)
    report.strict_recall_hits += sum(_trimmed(g) in system_strict for g in gold)
    report.relaxed_precision_hits += sum(any(_overlap(s, g) for g in gold) for s in system)
    for g in gold:
        overlapping = [s for s in system if _overlap(s, g)]
        if not overlapping:
            report.errors.append({"doc": name, "kind": "missed", "gold": g, "system": None})
            continue
        report.relaxed_recall_hits += 1
        # Like the toolkit, compare with the system timex that covers the gold one best.
        best = max(overlapping, key=lambda s: (_overlap(s, g), -abs(s.start - g.start)))
        report.type_hits += best.type == g.type
        if best.value == g.value:
            report.value_hits += 1
        else:
            report.errors.append({"doc": name, "kind": "value", "gold": g, "system": best})
    for s in system:
        if not any(_overlap(s, g) for g in gold):
            report.errors.append({"doc": name, "kind": "spurious", "gold": None, "system": s})


System = Callable[[str, date], list[Timex]]


def timeline_system(text: str, dct: date) -> list[Timex]:
    """Our engine as a TempEval system: every mention becomes a Timex.

    Mentions TimeML corpora do not annotate (ages such as "19-year-old") are left out.
    """
    from datetime import datetime

    from timeline.temporal.engine import annotate

    published = datetime(dct.year, dct.month, dct.day)
    return [
        Timex(m.start_char, m.end_char, m.text, m.type, m.value)
        for m in annotate(text, published, timeml=True)
    ]


SPLITS = ("all", "train", "dev")


def split_files(files: list[Path], split: str = "all") -> list[Path]:
    """The held-out ``dev`` split is every 5th document by sorted file name; ``train`` the rest.

    >>> [p.name for p in split_files([Path(f"d{i}.tml") for i in range(10)], "dev")]
    ['d4.tml', 'd9.tml']
    """
    if split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS}")
    if split == "all":
        return files
    ordered = sorted(files, key=lambda p: (p.name, str(p)))
    dev = {p for i, p in enumerate(ordered) if i % 5 == 4}
    return [p for p in files if (p in dev) == (split == "dev")]


def tml_files(paths: Iterable[str | Path]) -> list[Path]:
    """The .tml files under ``paths`` (files or folders), sorted."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(path.rglob("*.tml")))
        elif path.is_file():
            found.append(path)
        else:
            from timeline.errors import InputError

            raise InputError("no such file or folder", path=str(path))
    return found


def evaluate(documents: Iterable[TmlDocument], system: System = timeline_system) -> Report:
    """Score ``system`` on already-loaded documents."""
    report = Report()
    for doc in documents:
        report.chars += len(doc.text)
        score_document(report, doc.timexes, system(doc.text, doc.dct), doc.name)
    return report


def evaluate_paths(
    paths: Iterable[str | Path], system: System = timeline_system, split: str = "all"
) -> Report:
    """Load every .tml under ``paths`` (or one split of them) and score ``system`` on them."""
    paths = list(paths)
    files = split_files(tml_files(paths), split)
    if not files:
        from timeline.errors import InputError

        raise InputError("no .tml files found", path=", ".join(map(str, paths)))
    return evaluate((load_tml(f) for f in files), system)


def format_report(report: Report, errors: int = 0) -> str:
    """A human-readable table of the scores, plus up to ``errors`` example errors."""
    sp, sr, sf = report.strict
    rp, rr, rf = report.relaxed
    lines = [
        f"documents {report.documents}   gold timexes {report.gold}   system timexes {report.system}",
        "",
        "               F1      P       R",
        f"strict span  {sf:6.3f}  {sp:6.3f}  {sr:6.3f}",
        f"relaxed span {rf:6.3f}  {rp:6.3f}  {rr:6.3f}",
        f"type F1      {report.type_f1:6.3f}",
        f"value F1     {report.value_f1:6.3f}   (value accuracy on matches {report.value_accuracy:.3f})",
    ]
    if errors:
        lines += ["", f"first {errors} errors:"]
        for err in report.errors[:errors]:
            g, s = err["gold"], err["system"]
            gold = f"{g.text!r} {g.type} {g.value}" if g else "-"
            got = f"{s.text!r} {s.type} {s.value}" if s else "-"
            lines.append(f"  {err['kind']:<8} {err['doc']}: gold {gold}  system {got}")
    return "\n".join(lines)


def summary(paths: Iterable[str | Path]) -> dict:
    """Scores on every split of the documents under ``paths`` (what ``make eval`` records),
    and, given several folders, on each folder alone (``corpora``).

    The held-out ``dev`` split is the generalization check: rules are tuned on ``train`` only.

    >>> summary(["train/TimeBank", "train/AQUAINT"])["corpora"]["AQUAINT"]["value_f1"]  # doctest: +SKIP
    0.78
    """
    paths = list(paths)
    out: dict = {
        "corpus": sorted({Path(p).name for p in paths}),
        "dev_split": "every 5th document by sorted file name",
        "targets": {"value_f1": 0.85, "relaxed_f1": 0.92},
        "reference_heideltime_te3_eval": {
            "value_f1": 0.776,
            "relaxed_f1": 0.903,
            "strict_f1": 0.813,
        },
        "splits": {},
    }
    for split in SPLITS:
        report = evaluate_paths(paths, split=split)
        out["splits"][split] = _rounded(report.as_dict())
    if len(paths) > 1:
        # Each corpus alone (all its documents): AQUAINT is the newswire closest to AP/AFP.
        out["corpora"] = {
            Path(p).name: _rounded(evaluate_paths([p]).as_dict()) for p in sorted(paths, key=str)
        }
    return out


def _rounded(value: object) -> object:
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    return value


def main(argv: list[str] | None = None) -> int:
    """``python -m timeline.temporal.tempeval DIR... [--out FILE]``: scores on all splits as JSON."""
    import argparse
    import json
    import sys

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("dirs", nargs="+", help="folders of .tml files")
    parser.add_argument("--out", help="write the JSON here (default: standard output)")
    args = parser.parse_args(argv)
    text = json.dumps(summary(args.dirs), indent=2) + "\n"
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(text, encoding="utf-8")
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
