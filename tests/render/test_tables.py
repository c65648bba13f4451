"""chronology.csv, audit.csv and chronology.json: one row per claim, spreadsheet-safe cells."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from timeline.models import Chronology
from timeline.render.tables import (
    audit_csv,
    chronology_csv,
    chronology_json,
    neutralize_cell,
)

_DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+SUM(A1:A2)", "'+SUM(A1:A2)"),
        ("-2+3", "'-2+3"),
        ("@cmd", "'@cmd"),
        ("\tTab", "'\tTab"),
        ("\rCR", "'\rCR"),
        ("  =1+1", "'  =1+1"),
        ("-2", "-2"),
        ("+3.5", "+3.5"),
        ("-1e3", "-1e3"),
        ("plain text", "plain text"),
        ("a = b", "a = b"),
        ("", ""),
        (None, None),
        (-2.0, -2.0),
        (7, 7),
    ],
)
def test_neutralize_cell(cell, expected):
    assert neutralize_cell(cell) == expected


def _read(text: str) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(text), keep_default_na=False)


def test_chronology_csv_one_row_per_claim_in_order(small):
    table = _read(chronology_csv(small))
    claims = [(e, c) for e in small.events for c in e.claims]
    assert len(table) == len(claims)
    assert list(table["event_id"]) == [e.id for e, _ in claims]
    assert list(table["quote"]) == [c.text for _, c in claims]
    assert list(table["mention"]) == [c.mention for _, c in claims]
    outlets = {s.id: s.outlet or "" for s in small.sources}
    assert list(table["outlet"]) == [outlets[c.source_id] for _, c in claims]
    firsts = [str(c.source_id == e.first_reported_by) for e, c in claims]
    assert [str(v) for v in table["first_reported"]] == firsts


def test_chronology_csv_tells_the_claims_date_from_the_events(small):
    """A row's event interval is the event's; the claim's own interval sits beside its value,
    so a claim that disagrees with its event does not look as if it said the event's date."""
    table = _read(chronology_csv(small))
    claims = [(e, c) for e in small.events for c in e.claims]
    assert list(table["start"]) == [e.start or "" for e, _ in claims]
    assert list(table["claim_start"]) == [c.start or "" for _, c in claims]
    assert list(table["claim_end"]) == [c.end or "" for _, c in claims]
    titles = {s.id: s.title or "" for s in small.sources}
    assert list(table["title"]) == [titles[c.source_id] for _, c in claims]
    assert list(table["end"]) == [e.end or "" for e, _ in claims]


def test_hostile_cells_are_neutralized_in_both_csvs(hostile):
    for text in (chronology_csv(hostile), audit_csv(hostile)):
        table = pd.read_csv(io.StringIO(text), keep_default_na=False, dtype=str)
        cells = [v for column in table.columns for v in table[column] if isinstance(v, str)]
        assert any(v.startswith("'=HYPERLINK") for v in cells), "the attack strings are there"
        for value in cells:
            assert (
                not value.startswith(_DANGEROUS) or value.lstrip("+-").replace(".", "").isdigit()
            ), value


def test_negative_lag_stays_a_number(small):
    small = small.model_copy(deep=True)
    small.events[0].lag_days = -2.0
    small.events[0].label = "-2"
    table = pd.read_csv(io.StringIO(audit_csv(small)))
    assert table["lag_days"].dtype.kind == "f"
    assert table.loc[0, "lag_days"] == -2.0
    assert str(table.loc[0, "label"]) in ("-2", "-2.0")
    raw = audit_csv(small).splitlines()[1]
    assert ",-2.0," in raw and "'-2" not in raw


def test_chronology_json_round_trips(small):
    assert Chronology.model_validate(json.loads(chronology_json(small))) == small


def test_empty_chronology_gives_header_only_csvs():
    assert len(chronology_csv(Chronology()).splitlines()) == 1
    assert len(audit_csv(Chronology()).splitlines()) == 1
