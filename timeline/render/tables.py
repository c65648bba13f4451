"""CSV and JSON chronologies and the audit CSV, written with pandas (skeleton)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from timeline.audit import audit_rows
from timeline.models import Chronology


def write_chronology_json(chronology: Chronology, path: Path) -> Path:
    path.write_text(chronology.model_dump_json(indent=2), encoding="utf-8")
    return path


def write_chronology_csv(chronology: Chronology, path: Path) -> Path:
    published = {s.id: s.published for s in chronology.sources}
    outlet = {s.id: s.outlet for s in chronology.sources}
    rows = [
        {
            "event_id": e.id,
            "label": e.label,
            "start": e.start,
            "end": e.end,
            "granularity": e.granularity,
            "value": c.value,
            "source_id": c.source_id,
            "outlet": outlet.get(c.source_id),
            "published": published.get(c.source_id),
            "mention": c.mention,
            "quote": c.text,
            "first_reported": c.source_id == e.first_reported_by,
        }
        for e in chronology.events
        for c in e.claims
    ]
    pd.DataFrame(
        rows,
        columns=[
            "event_id",
            "label",
            "start",
            "end",
            "granularity",
            "value",
            "source_id",
            "outlet",
            "published",
            "mention",
            "quote",
            "first_reported",
        ],
    ).to_csv(path, index=False)
    return path


def write_audit_csv(chronology: Chronology, path: Path) -> Path:
    rows = [r.model_dump() for r in audit_rows(chronology.events)]
    pd.DataFrame(
        rows,
        columns=[
            "event_id",
            "label",
            "event_start",
            "event_end",
            "granularity",
            "first_reported_by",
            "first_published",
            "lag_days",
            "independent_sources",
            "copies",
            "conflict",
        ],
    ).to_csv(path, index=False)
    return path
