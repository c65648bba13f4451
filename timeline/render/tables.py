"""CSV and JSON chronologies and the audit CSV, written with pandas.

The CSVs are meant to be opened in a spreadsheet, and every text cell comes from untrusted
articles: a cell that starts like a formula (``=``, ``+``, ``-``, ``@``, tab, carriage return)
is prefixed with a single quote so Excel, LibreOffice and Google Sheets show it as text (OWASP
"CSV injection"). Numbers stay numbers: numeric columns are never touched, and a text cell
that is exactly a number (``-2``) is left as is. chronology.json is for programs and is
written unchanged.
"""

from __future__ import annotations

import re
from typing import Any

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
    "claim_start",
    "claim_end",
    "source_id",
    "outlet",
    "title",
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
    "first_reported_name",
    "first_published",
    "lag_days",
    "independent_sources",
    "copies",
    "conflict",
]

_FORMULA_START = frozenset("=+-@\t\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def neutralize_cell(value: Any) -> Any:
    """A spreadsheet-safe CSV cell: text that a spreadsheet would run as a formula gets a
    leading single quote; numbers, plain numeric text and everything else pass unchanged.

    >>> neutralize_cell("=HYPERLINK(\\"http://x\\")"), neutralize_cell("-2"), neutralize_cell(-2.0)
    ('\\'=HYPERLINK("http://x")', '-2', -2.0)
    >>> neutralize_cell("  @SUM(A1)")
    "'  @SUM(A1)"
    """
    if not isinstance(value, str) or not value:
        return value
    first = value[0]
    if first in _FORMULA_START or (first.isspace() and value.lstrip()[:1] in _FORMULA_START):
        if _NUMBER.fullmatch(value.strip()):
            return value
        return "'" + value
    return value


def safe_csv(rows: list[dict[str, Any]], columns: list[str]) -> str:
    """Rows as CSV text via pandas, with every text cell neutralized (see neutralize_cell).

    >>> safe_csv([{"a": "=1+1", "b": -2}], ["a", "b"])
    "a,b\\n'=1+1,-2\\n"
    """
    frame = pd.DataFrame(rows, columns=columns)
    for column in frame.columns:
        kind = frame[column].dtype
        if not (pd.api.types.is_numeric_dtype(kind) or pd.api.types.is_bool_dtype(kind)):
            frame[column] = frame[column].map(neutralize_cell)
    return frame.to_csv(index=False, lineterminator="\n")


def chronology_json(chronology: Chronology) -> str:
    """chronology.json: the whole chronology (schema in schemas/chronology.schema.json).

    >>> chronology_json(Chronology()).startswith("{")
    True
    """
    return chronology.model_dump_json(indent=2) + "\n"


def chronology_csv(chronology: Chronology) -> str:
    """chronology.csv: one row per claim: its event (id, label, interval, granularity), the
    claim's own date (value, claim_start, claim_end: where sources disagree it differs from the
    event's), its source and quote. Intervals are half-open: ``end`` is the first instant after.

    >>> chronology_csv(Chronology()).splitlines()[0].startswith("event_id,label,start,end")
    True
    """
    published = {s.id: s.published for s in chronology.sources}
    outlet = {s.id: s.outlet for s in chronology.sources}
    title = {s.id: s.title for s in chronology.sources}
    rows = [
        {
            "event_id": e.id,
            "label": e.label,
            "start": e.start,
            "end": e.end,
            "granularity": e.granularity,
            "value": c.value,
            "claim_start": c.start,
            "claim_end": c.end,
            "source_id": c.source_id,
            "outlet": outlet.get(c.source_id),
            "title": title.get(c.source_id),
            "published": published.get(c.source_id),
            "mention": c.mention,
            "quote": c.text,
            "first_reported": c.source_id == e.first_reported_by,
        }
        for e in chronology.events
        for c in e.claims
    ]
    return safe_csv(rows, CHRONOLOGY_COLUMNS)


def audit_csv(chronology: Chronology) -> str:
    """audit.csv: one row per event with first reporter, lag, independent sources, copies.

    >>> audit_csv(Chronology()).splitlines()[0].split(",")[:3]
    ['event_id', 'label', 'event_start']
    """
    rows = [r.model_dump() for r in audit_rows(chronology.events, chronology.sources)]
    return safe_csv(rows, AUDIT_COLUMNS)
