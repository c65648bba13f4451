"""What the page says about a disputed event, as a reader sees it: each competing date at its
own precision, each source once and told apart from others of the same outlet."""

from __future__ import annotations

import json
import re

from timeline.models import Chronology, Claim, CompetingDate, Event, Source
from timeline.render import render_html, timelinejs_json
from timeline.render.figure import build_figure


def _claim(source_id: str, mention: str, value: str, start: str, end: str, grain: str) -> Claim:
    text = f"The leak began {mention}."
    return Claim(
        source_id=source_id,
        text=text,
        mention=mention,
        start_char=0,
        end_char=len(text),
        mention_start=15,
        mention_end=15 + len(mention),
        value=value,
        start=start,
        end=end,
        granularity=grain,
    )


def disputed() -> Chronology:
    """The examples' leak in small: a wire and two issues of one paper say Monday morning,
    the first issue also says Sunday (a plain day)."""
    sources = [
        Source(id="wire", path="wire.txt", outlet="Wire", published="2023-10-10"),
        Source(id="c1", path="c1.txt", outlet="Courier", published="2023-10-11"),
        Source(id="c2", path="c2.txt", outlet="Courier", published="2023-10-20"),
    ]
    morning = ("Monday morning", "2023-10-09TMO", "2023-10-09T06:00:00", "2023-10-09T12:00:00")
    claims = [
        _claim("wire", *morning, "part_of_day"),
        _claim("c1", *morning, "part_of_day"),
        _claim("c1", "late Sunday, Oct. 8", "2023-10-08", "2023-10-08", "2023-10-09", "day"),
        _claim("c2", *morning, "part_of_day"),
    ]
    event = Event(
        id="E0001",
        label="The leak began",
        value=morning[1],
        start=morning[2],
        end=morning[3],
        granularity="part_of_day",
        first_reported_by="wire",
        first_reported_at="2023-10-10",
        conflict=True,
        competing=[
            CompetingDate(
                value=morning[1], start=morning[2], end=morning[3], source_ids=["wire", "c1", "c2"]
            ),
            CompetingDate(
                value="2023-10-08", start="2023-10-08", end="2023-10-09", source_ids=["c1"]
            ),
        ],
        lag_days=0.75,
        independent_sources=3,
        claims=claims,
    )
    return Chronology(sources=sources, events=[event])


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_a_competing_day_is_said_as_a_day_not_as_midnight_to_midnight():
    chronology = disputed()
    html = render_html(chronology)
    assert "Mon 9 Oct 2023, 06:00–12:00<br>or Sun 8 Oct 2023<br><small>part of day · " in html
    assert "00:00–00:00" not in html and "part_of_day" not in _text(html)
    figure = build_figure(chronology)
    texts = [t for trace in figure["data"] for t in trace.get("hovertext") or []]
    assert texts and not any("00:00–00:00" in t for t in texts)
    crosses = next(t for t in figure["data"] if t["name"].startswith("Competing dates"))
    assert "8 Oct 2023 (2023-10-08)" in crosses["hovertext"][0]
    assert "00:00–00:00" not in timelinejs_json(chronology)
    assert "part of day" in timelinejs_json(chronology)


def test_each_source_of_a_competing_date_is_named_once_and_told_apart():
    chronology = disputed()
    page = _text(render_html(chronology))
    both = "(Wire; Courier, 11 Oct 2023; Courier, 20 Oct 2023)"
    assert both in page and "vs 8 Oct 2023 (Courier, 11 Oct 2023)" in page
    assert "Courier, Courier" not in page
    figure = build_figure(chronology)
    hover = next(t for trace in figure["data"] for t in trace.get("hovertext") or [] if "⚠" in t)
    assert "Wire; Courier, 11 Oct 2023; Courier, 20 Oct 2023" in hover.replace("<br>", " ")
    slides = json.loads(timelinejs_json(chronology))["events"]
    assert "Courier, 11 Oct 2023; Courier, 20 Oct 2023" in slides[0]["text"]["text"]


def test_the_reporting_lag_counts_calendar_days():
    """An evening event in that day's paper was reported 'the day the event began'; a morning
    event in the next day's paper '1 day after' (lag_days -0.75 and 0.75 both round to a day)."""
    chronology = disputed()
    page = _text(render_html(chronology))
    assert "1 day after the event began" in page
    evening = chronology.events[0].model_copy(
        update={
            "value": "2023-10-10TEV",
            "start": "2023-10-10T18:00:00",
            "end": "2023-10-10T21:00:00",
            "conflict": False,
            "competing": [],
            "lag_days": -0.75,
        }
    )
    page = _text(render_html(chronology.model_copy(update={"events": [evening]})))
    assert "the day the event began" in page and "before the event began" not in page
    hover = build_figure(chronology.model_copy(update={"events": [evening]}))
    texts = [
        t.replace("<br>", " ") for trace in hover["data"] for t in trace.get("hovertext") or []
    ]
    assert any("the day the event began" in t for t in texts)


def test_a_copy_names_its_original_and_the_sources_table_explains_dates():
    chronology = disputed()
    wire, c1, c2 = chronology.sources
    repost = Source(
        id="gazette",
        path="gazette.html",
        outlet="Gazette",
        published="2023-10-11T07:15:00",
        published_how="metadata",
        published_confidence=0.95,
        syndicated_from="wire",
    )
    c1 = c1.model_copy(
        update={
            "published_how": "manifest",
            "published_evidence": "manifest",
            "published_confidence": 1.0,
        }
    )
    event = chronology.events[0]
    quote = event.claims[0].model_copy(update={"source_id": "gazette"})
    event = event.model_copy(update={"claims": [quote, *event.claims]})
    chronology = Chronology(sources=[wire, c1, c2, repost], events=[event])
    html = render_html(chronology)
    page = _text(html)
    assert "copy of Wire (wire)" in page  # under its quote
    assert "Confidence runs from 0 to 1" in page and "inferred (reasoned from" in page
    assert "given in the manifest" in page and "“manifest”" not in page
    figure = build_figure(chronology)
    texts = [
        t.replace("<br>", " ") for trace in figure["data"] for t in trace.get("hovertext") or []
    ]
    assert any("— Gazette [copy of Wire (wire)]" in t for t in texts)  # the event's hover
    assert any(t.startswith("<b>Gazette</b>") and "copy of Wire (wire)" in t for t in texts)
