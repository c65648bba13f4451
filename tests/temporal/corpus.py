"""Load the phrase cases of tests/corpus/*.yaml (Duckling style: text + reference -> mentions).

A file holds ``cases``; each case is ``{text, reference, expect}`` where ``reference`` (ISO date,
or ``null`` for no publication date) may be given once for the file, and ``expect`` lists the
mentions the engine must find, in order, each ``{text, value}`` plus any of ``type, start, end,
granularity, anchor, mod, quant, freq, reference``. By default nothing else may be found; a
case with ``partial: true`` only checks the listed ones, ``absent: [...]`` lists texts that
must not be (part of) any mention.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
FIELDS = (
    "text",
    "value",
    "type",
    "start",
    "end",
    "granularity",
    "anchor",
    "mod",
    "quant",
    "freq",
    "reference",
)


@dataclass
class Case:
    id: str
    text: str
    reference: str | None
    expect: list[dict[str, str | None]]
    partial: bool = False
    absent: list[str] = field(default_factory=list)


def _scalar(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def load_cases() -> list[Case]:
    """Every case of every corpus file, with ids like ``weekdays.yaml:3``."""
    cases: list[Case] = []
    for path in sorted(CORPUS.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        default_ref = _scalar(doc.get("reference"))
        for n, raw in enumerate(doc.get("cases") or [], start=1):
            unknown = set(raw) - {"text", "reference", "expect", "partial", "absent", "note"}
            if unknown:
                raise ValueError(f"{path.name}:{n}: unknown keys {sorted(unknown)}")
            expect = []
            for item in raw.get("expect") or []:
                bad = set(item) - set(FIELDS)
                if bad:
                    raise ValueError(f"{path.name}:{n}: unknown mention keys {sorted(bad)}")
                expect.append({k: _scalar(v) for k, v in item.items()})
            cases.append(
                Case(
                    id=f"{path.stem}:{n}",
                    text=str(raw["text"]),
                    reference=_scalar(raw["reference"]) if "reference" in raw else default_ref,
                    expect=expect,
                    partial=bool(raw.get("partial", False)),
                    absent=[str(a) for a in raw.get("absent") or []],
                )
            )
    return cases
