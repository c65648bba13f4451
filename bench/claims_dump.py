"""Dump every claim's sentence, label and attribution, to diff the claims stage before/after.

    python -m bench.claims_dump dev OUT.tsv        # bench/data/newsdev, newsdev2-4 (DCT as date)
    python -m bench.claims_dump examples OUT.tsv   # examples/ with its manifest
    python -m bench.claims_dump seeds OUT.tsv      # ../shared/seeds (when present)
    python -m bench.claims_dump dir PATH OUT.tsv   # any folder of articles (e.g. scraped pages)
    python -m bench.claims_dump diff OLD.tsv NEW.tsv

The held-out set (bench/data/newstest) is never read here. One row per claim: article, offset
of the date, the date, attribution, label and the clause; ``diff`` prints the rows whose label
or attribution changed, side by side, with counts. The dumps are not committed (they hold
article text): write them outside the repository.
"""

from __future__ import annotations

import csv
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEV_SETS = (
    "newsdev",
    "newsdev2",
    "newsdev3",
    "newsdev4",
    "newsdev5",
    "newsdev6",
)  # claims reviewed
SEEDS = REPO.parent / "shared" / "seeds"
FIELDS = ("doc", "at", "mention", "attribution", "label", "clause")


def _rows(documents: list) -> list[dict[str, str]]:
    from timeline.pipeline import document_claims

    rows = []
    for document in documents:
        for claim in document_claims(document):
            rows.append(
                {
                    "doc": document.source.id,
                    "at": str(claim.mention_start),
                    "mention": claim.mention,
                    "attribution": claim.attribution or "",
                    "label": claim.label or "",
                    "clause": " ".join(claim.text.split()),
                }
            )
    return rows


def dev_rows() -> list[dict[str, str]]:
    """Claims of the dev articles, each read as a text file dated by its DCT."""
    from timeline.ingest import load
    from timeline.temporal.tempeval import load_tml, tml_files

    with tempfile.TemporaryDirectory() as tmp:
        lines = ["path,published"]
        for name in DEV_SETS:
            for path in tml_files([REPO / "bench" / "data" / name]):
                doc = load_tml(path)
                target = Path(tmp) / f"{name}-{doc.name}.txt"
                target.write_text(doc.text, encoding="utf-8")
                lines.append(f"{target.name},{doc.dct.isoformat()}")
        manifest = Path(tmp) / "manifest.csv"
        manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return _rows(load([tmp], manifest).documents)


def example_rows() -> list[dict[str, str]]:
    from timeline.ingest import load

    return _rows(load([REPO / "examples"], REPO / "examples" / "manifest.csv").documents)


def seed_rows() -> list[dict[str, str]]:
    from timeline.ingest import load

    return _rows(load([SEEDS]).documents) if SEEDS.is_dir() else []


def folder_rows(path: str) -> list[dict[str, str]]:
    """Claims of any folder of articles (txt, html, ...), dated as ``timeline build`` dates them."""
    from timeline.ingest import load

    return _rows(load([Path(path)]).documents)


def write(rows: list[dict[str, str]], out: str) -> None:
    with open(out, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, FIELDS, delimiter="\t")
        writer.writeheader()
        writer.writerows(rows)


def read(path: str) -> dict[tuple[str, str], dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as f:
        return {(r["doc"], r["at"]): r for r in csv.DictReader(f, delimiter="\t")}


def diff(old_path: str, new_path: str) -> str:
    """The claims whose label or attribution changed, and how many.

    >>> import tempfile, os
    >>> d = tempfile.mkdtemp()
    >>> a, b = os.path.join(d, "a.tsv"), os.path.join(d, "b.tsv")
    >>> row = dict(doc="x", at="3", mention="May", attribution="", label="L", clause="c")
    >>> write([row], a); write([{**row, "label": "M"}], b)
    >>> print(diff(a, b).splitlines()[-1])
    claims 1 / 1; labels changed 1; attributions changed 0; only old 0; only new 0
    """
    old, new = read(old_path), read(new_path)
    out, labels, attributions = [], 0, 0
    for key in sorted(old.keys() & new.keys(), key=lambda k: (k[0], int(k[1]))):
        o, n = old[key], new[key]
        changed = []
        if o["label"] != n["label"]:
            labels += 1
            changed.append(f"  label: {o['label']!r}\n      -> {n['label']!r}")
        if o["attribution"] != n["attribution"]:
            attributions += 1
            changed.append(f"  attr:  {o['attribution']!r}\n      -> {n['attribution']!r}")
        if changed:
            out.append(f"{key[0]} @{key[1]} [{n['mention']}] {n['clause']}")
            out.extend(changed)
    gone, added = old.keys() - new.keys(), new.keys() - old.keys()
    for key in sorted(gone):
        out.append(f"only old: {key} {old[key]['label']!r}")
    for key in sorted(added):
        out.append(f"only new: {key} {new[key]['label']!r}")
    out.append(
        f"claims {len(old)} / {len(new)}; labels changed {labels}; "
        f"attributions changed {attributions}; only old {len(gone)}; only new {len(added)}"
    )
    return "\n".join(out)


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["diff"] and len(args) == 3:
        print(diff(args[1], args[2]))
        return
    if args[:1] == ["dir"] and len(args) == 3:
        write(folder_rows(args[1]), args[2])
        return
    sets = {"dev": dev_rows, "examples": example_rows, "seeds": seed_rows}
    if len(args) != 2 or args[0] not in sets:
        raise SystemExit(__doc__)
    write(sets[args[0]](), args[1])


if __name__ == "__main__":
    main()
