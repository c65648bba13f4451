"""timelinejs.json in the TimelineJS3 format: dates at their own precision, escaped HTML."""

from __future__ import annotations

import json

import jsonschema
import pytest

from timeline.models import Chronology, Claim, CompetingDate, Event, Source
from timeline.render.timelinejs import timelinejs_dict, timelinejs_json

# The parts of the TimelineJS3 JSON format we produce (timeline.knightlab.com/docs/json-format).
_DATE = {
    "type": "object",
    "required": ["year"],
    "properties": {
        unit: {"type": "integer"} for unit in ("year", "month", "day", "hour", "minute", "second")
    }
    | {"display_date": {"type": "string"}},
    "additionalProperties": False,
}
_TEXT = {
    "type": "object",
    "properties": {"headline": {"type": "string"}, "text": {"type": "string"}},
    "additionalProperties": False,
}
SCHEMA = {
    "type": "object",
    "required": ["events"],
    "properties": {
        "title": {"type": "object", "properties": {"text": _TEXT}},
        "events": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["start_date", "text", "unique_id"],
                "properties": {
                    "start_date": _DATE,
                    "end_date": _DATE,
                    "text": _TEXT,
                    "group": {"type": "string"},
                    "display_date": {"type": "string"},
                    "unique_id": {"type": "string"},
                    "autolink": {"type": "boolean"},
                    "background": {"type": "object"},
                },
                "additionalProperties": False,
            },
        },
        "eras": {
            "type": "array",
            "items": {"type": "object", "required": ["start_date", "end_date"]},
        },
        "scale": {"enum": ["human", "cosmological"]},
    },
}

SOURCE = Source(
    id="wire",
    path="wire.txt",
    outlet="Wire <b>Service</b>",
    published="2013-04-20",
    published_how="dateline",
)


def _event(value, start, end, granularity, **extra) -> Event:
    claim = Claim(
        source_id="wire",
        text="It began <script>x</script> Monday.",
        mention="Monday",
        start_char=0,
        end_char=35,
        mention_start=28,
        mention_end=34,
        value=value,
        start=start,
        end=end,
        granularity=granularity,
    )
    return Event(
        id=extra.pop("id", "E0001"),
        label=extra.pop("label", "It began"),
        value=value,
        start=start,
        end=end,
        granularity=granularity,
        first_reported_by="wire",
        claims=[claim],
        **extra,
    )


def _slide(event: Event) -> dict:
    data = timelinejs_dict(Chronology(sources=[SOURCE], events=[event]))
    jsonschema.validate(data, SCHEMA)
    (slide,) = data["events"]
    return slide


@pytest.mark.parametrize(
    ("value", "start", "end", "granularity", "start_date", "end_date", "display"),
    [
        (
            "2013-04-15",
            "2013-04-15",
            "2013-04-16",
            "day",
            {"year": 2013, "month": 4, "day": 15},
            None,
            "15 Apr 2013",
        ),
        (
            "2013-W16",
            "2013-04-15",
            "2013-04-22",
            "week",
            {"year": 2013, "month": 4, "day": 15},
            {"year": 2013, "month": 4, "day": 21},
            "week of 15 Apr 2013",
        ),
        (
            "2013-04",
            "2013-04-01",
            "2013-05-01",
            "month",
            {"year": 2013, "month": 4},
            None,
            "Apr 2013",
        ),
        (
            "2012-FA",
            "2012-09-01",
            "2012-12-01",
            "season",
            {"year": 2012, "month": 9},
            {"year": 2012, "month": 11},
            "Fall 2012",
        ),
        ("2011", "2011-01-01", "2012-01-01", "year", {"year": 2011}, None, "2011"),
        ("199", "1990-01-01", "2000-01-01", "decade", {"year": 1990}, {"year": 1999}, "1990s"),
        (
            "2013-04-19T18",
            "2013-04-19T18:00:00",
            "2013-04-19T19:00:00",
            "hour",
            {"year": 2013, "month": 4, "day": 19, "hour": 18},
            None,
            "19 Apr 2013, 18:00",
        ),
    ],
)
def test_dates_keep_their_precision(value, start, end, granularity, start_date, end_date, display):
    slide = _slide(_event(value, start, end, granularity))
    assert slide["start_date"] == start_date
    assert slide.get("end_date") == end_date
    assert slide["display_date"] == display
    assert slide["unique_id"] == "E0001"


def test_text_is_escaped_html_and_grouped_by_first_reporter():
    slide = _slide(
        _event("2013-04-15", "2013-04-15", "2013-04-16", "day", label="<img src=x onerror=y>")
    )
    assert slide["text"]["headline"] == "&lt;img src=x onerror=y&gt;"
    assert "&lt;script&gt;x&lt;/script&gt;" in slide["text"]["text"]
    assert "<script>" not in slide["text"]["text"]
    assert slide["group"] == "Wire &lt;b&gt;Service&lt;/b&gt;"  # TimelineJS uses innerHTML


def test_conflicts_list_the_competing_dates():
    event = _event(
        "2013-04-15",
        "2013-04-15",
        "2013-04-16",
        "day",
        conflict=True,
        competing=[
            CompetingDate(
                value="2013-04-15", start="2013-04-15", end="2013-04-16", source_ids=["wire"]
            ),
            CompetingDate(
                value="2013-04-14", start="2013-04-14", end="2013-04-15", source_ids=["wire"]
            ),
        ],
    )
    slide = _slide(event)
    assert slide["display_date"] == "15 Apr 2013 or 14 Apr 2013"
    assert "Sources disagree" in slide["text"]["text"]


def test_undated_events_are_counted_not_placed(small):
    small = small.model_copy(deep=True)
    small.events[0].start = None
    data = json.loads(timelinejs_json(small))
    jsonschema.validate(data, SCHEMA)
    assert len(data["events"]) == len(small.events) - 1
    assert "1 event(s) without a usable date" in data["title"]["text"]["text"]
    assert data["eras"][0]["text"]["headline"] == "Reporting period"
