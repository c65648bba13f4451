"""CSV and JSON chronologies and the audit CSV, written with pandas (skeleton)."""

from __future__ import annotations

import pandas as pd

from timeline.audit import audit_rows
from timeline.models import Chronology

CHRONOLOGY_COLUMNS = [
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
]
AUDIT_COLUMNS = [
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
]


def chronology_json(chronology: Chronology) -> str:
    return chronology.model_dump_json(indent=2) + "\n"


def chronology_csv(chronology: Chronology) -> str:
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
    return pd.DataFrame(rows, columns=CHRONOLOGY_COLUMNS).to_csv(index=False)


def audit_csv(chronology: Chronology) -> str:
    rows = [r.model_dump() for r in audit_rows(chronology.events)]
    return pd.DataFrame(rows, columns=AUDIT_COLUMNS).to_csv(index=False)
