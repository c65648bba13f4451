"""Checks that the four outputs of `timeline build` agree with each other and with the schemas."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pandas as pd

from tests.conftest import REPO


def _cell(value: object) -> object:
    """A CSV cell as written before CSV-injection neutralizing (a leading ' before =+-@)."""
    if (
        isinstance(value, str)
        and value[:1] == "'"
        and value[1:2] in ("=", "+", "-", "@", "\t", "\r")
    ):
        return value[1:]
    return value


def check_outputs(out: Path) -> dict:
    """Assert the outputs in ``out`` are consistent; returns the parsed chronology.json."""
    for name in (
        "timeline.html",
        "chronology.csv",
        "chronology.json",
        "audit.csv",
        "timelinejs.json",
    ):
        assert (out / name).is_file(), f"{name} was not written"
    chronology = json.loads((out / "chronology.json").read_text(encoding="utf-8"))
    schema = json.loads((REPO / "schemas" / "chronology.schema.json").read_text())
    jsonschema.validate(chronology, schema)

    sources = {s["id"]: s for s in chronology["sources"]}
    assert len(sources) == len(chronology["sources"]), "source ids must be unique"
    events = chronology["events"]
    assert len({e["id"] for e in events}) == len(events), "event ids must be unique"
    for event in events:
        assert event["claims"], f"event {event['id']} has no claims"
        for claim in event["claims"]:
            assert claim["source_id"] in sources
            assert (
                claim["start_char"]
                <= claim["mention_start"]
                < claim["mention_end"]
                <= claim["end_char"]
            )
        if event["first_reported_by"] is not None:
            assert event["first_reported_by"] in {c["source_id"] for c in event["claims"]} | {
                sources[c["source_id"]]["syndicated_from"] for c in event["claims"]
            }
    # Offsets point at the original characters of plain-text sources.
    for event in events:
        for claim in event["claims"]:
            path = Path(sources[claim["source_id"]]["path"])
            if path.suffix == ".txt" and path.is_file():
                text = path.read_text(encoding="utf-8")
                assert text[claim["start_char"] : claim["end_char"]] == claim["text"]
                assert text[claim["mention_start"] : claim["mention_end"]] == claim["mention"]

    table = pd.read_csv(out / "chronology.csv", keep_default_na=False)
    # The columns users' scripts read (fields may be added, never renamed).
    for column in (
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
    ):
        assert column in table.columns, f"chronology.csv lacks {column}"
    assert len(table) == sum(len(e["claims"]) for e in events), "one CSV row per claim"
    assert set(table["event_id"]) == {e["id"] for e in events if e["claims"]}
    assert set(table["source_id"].map(_cell)) <= set(sources)

    audit = pd.read_csv(out / "audit.csv", keep_default_na=False)
    for column in (
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
    ):
        assert column in audit.columns, f"audit.csv lacks {column}"
    assert list(audit["event_id"]) == [e["id"] for e in events]
    for row, event in zip(audit.to_dict("records"), events, strict=True):
        assert str(row["conflict"]).lower() == str(event["conflict"]).lower()
        assert (_cell(row["first_reported_by"]) or None) == event["first_reported_by"]

    # TimelineJS: one slide per event that has a start date, each with a start year.
    slides = json.loads((out / "timelinejs.json").read_text(encoding="utf-8"))["events"]
    assert [s["unique_id"] for s in slides] == [e["id"] for e in events if e["start"]]
    assert all(isinstance(s["start_date"]["year"], int) for s in slides)

    page = (out / "timeline.html").read_text(encoding="utf-8")
    assert "plotly" in page.lower()
    for event in events:
        assert event["id"] in page, f"event {event['id']} is not in timeline.html"
    return chronology
