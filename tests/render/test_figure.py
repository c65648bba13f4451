"""The plotly figure: one bar per drawable event, precision shown, conflicts marked."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from tests.render.synthetic import synthetic_chronology
from timeline.models import Chronology, Claim, Event, Source
from timeline.render.describe import describe_interval, display_names, opacity, truncate
from timeline.render.figure import (
    CONFLICT_COLOUR,
    LABEL_CHARS,
    PUBLISHED_ROW,
    build_figure,
    place_events,
    text_width,
)


def _bars(figure: dict) -> list[dict]:
    return [t for t in figure["data"] if t["type"] == "bar"]


def _bar_points(figure: dict) -> dict[str, dict]:
    """event id -> its bar's attributes (colour, opacity, outline, pattern)."""
    points = {}
    for trace in _bars(figure):
        marker = trace["marker"]
        for i, event_id in enumerate(trace["y"]):
            assert event_id not in points, f"{event_id} has two bars"
            points[event_id] = {
                "colour": marker["color"],
                "opacity": marker["opacity"][i],
                "outline": marker["line"]["color"][i],
                "pattern": marker["pattern"]["shape"][i],
                "base": trace["base"][i],
                "ms": trace["x"][i],
                "group": trace["legendgroup"],
            }
    return points


def test_one_bar_per_event_spanning_its_interval(small):
    figure = build_figure(small)
    points = _bar_points(figure)
    assert set(points) == {e.id for e in small.events}
    for event in small.events:
        placed = next(p for p in place_events([event])[0])
        assert points[event.id]["ms"] == (placed.end - placed.start).total_seconds() * 1000
        assert points[event.id]["base"].startswith(event.start[:10])
    go.Figure(figure)  # plotly validates every property name and value


def test_colour_follows_the_first_reporter_and_the_legend_toggles_sources(small):
    figure = build_figure(small)
    for event_id, point in _bar_points(figure).items():
        event = next(e for e in small.events if e.id == event_id)
        assert point["group"] == (event.first_reported_by or "__unknown__")
    legend = [t for t in figure["data"] if t.get("showlegend")]
    names = display_names(small.sources)
    shown = {t["legendgroup"] for t in legend}
    assert {e.first_reported_by for e in small.events if e.first_reported_by} <= shown
    assert all(
        t["name"]
        in {truncate(n, 34) for n in names.values()}
        | {"First reporter unknown", "Competing dates (sources disagree)"}
        for t in legend
    )


def test_coarse_extents_are_lighter_and_hatched_day_events_get_a_marker(small):
    figure = build_figure(small)
    points = _bar_points(figure)
    by_id = {e.id: e for e in small.events}
    grains = {e.granularity for e in small.events}
    assert {"day", "year", "season"} <= grains
    for event_id, point in points.items():
        grain = by_id[event_id].granularity
        assert point["opacity"] == opacity(grain)
        assert (point["pattern"] == "/") == (grain in ("season", "year", "decade"))
    assert opacity("day") > opacity("month") > opacity("year") > opacity("decade")
    markers = {
        y for t in figure["data"] if t.get("marker", {}).get("symbol") == "diamond" for y in t["y"]
    }
    assert {e.id for e in small.events if e.granularity in ("day", "hour")} <= markers


def test_conflicts_are_outlined_and_competing_dates_marked():
    chronology = synthetic_chronology(60, 5, conflict_rate=0.5)
    conflicts = [e for e in chronology.events if e.conflict]
    assert conflicts
    figure = build_figure(chronology)
    points = _bar_points(figure)
    for event in chronology.events:
        assert (points[event.id]["outline"] == CONFLICT_COLOUR) == event.conflict
    crosses = next(t for t in figure["data"] if t["name"].startswith("Competing dates"))
    others = [e.id for e in conflicts for c in e.competing if (c.start, c.end) != (e.start, e.end)]
    assert others and sorted(crosses["y"]) == sorted(others)
    ticks = dict(
        zip(
            figure["layout"]["yaxis"]["tickvals"],
            figure["layout"]["yaxis"]["ticktext"],
            strict=True,
        )
    )
    assert all("⚠" in ticks[e.id] for e in conflicts)


def test_hover_names_headline_sources_short_enough_to_read():
    """Sources known only by their headline (a repost and its original) were named in full in
    the hover card, each 80 characters, twice in the disputed-dates line and again in the
    'copy of' note of every quote."""
    from timeline.models import CompetingDate

    headline = "Can cooperation on the harbour talks bridge a decade of distrust? It will be hard."
    sources = [
        Source(id="orig", path="a", title=headline + " (+video)", published="2013-04-29"),
        Source(id="copy", path="b", title=headline, published="2013-04-30", syndicated_from="orig"),
        Source(id="other", path="c", outlet="Courier", published="2013-04-29"),
    ]

    def claim(source_id: str, value: str, start: str, end: str) -> Claim:
        return Claim(
            source_id=source_id,
            text="The leaders spoke by phone.",
            mention="x",
            start_char=0,
            end_char=1,
            mention_start=0,
            mention_end=1,
            value=value,
            start=start,
            end=end,
        )

    event = Event(
        id="E0001",
        label="The leaders spoke by phone",
        value="2013-W17",
        start="2013-04-22",
        end="2013-04-29",
        granularity="week",
        conflict=True,
        first_reported_by="orig",
        competing=[
            CompetingDate(
                value="2013-W17", start="2013-04-22", end="2013-04-29", source_ids=["copy", "orig"]
            ),
            CompetingDate(
                value="2013-04-29", start="2013-04-29", end="2013-04-30", source_ids=["other"]
            ),
        ],
        claims=[
            claim("copy", "2013-W17", "2013-04-22", "2013-04-29"),
            claim("orig", "2013-W17", "2013-04-22", "2013-04-29"),
            claim("other", "2013-04-29", "2013-04-29", "2013-04-30"),
        ],
    )
    figure = build_figure(Chronology(sources=sources, events=[event]))
    hover = next(t for t in figure["data"] if t.get("customdata"))["hovertext"][0]
    assert headline not in hover
    flat = " ".join(hover.replace("<br>", " ").split())
    assert "talks…, 30 Apr 2013; Can cooperation on the harbour talks…, 29 Apr 2013" in flat
    assert "Courier" in hover


def test_publication_dates_have_their_own_row_inferred_ones_hollow(small):
    figure = build_figure(small)
    published = [t for t in figure["data"] if t.get("y") == [PUBLISHED_ROW]]
    dated = [s for s in small.sources if s.published]
    assert len(published) == len(dated)
    for trace in published:
        source = next(s for s in dated if s.id == trace["legendgroup"])
        hollow = trace["marker"]["symbol"].endswith("-open")
        assert hollow == (source.published_how == "inferred")
        assert source.published[:10] in trace["x"][0]


@pytest.mark.parametrize("n", [5, 60, 500])
def test_height_scales_with_rows_and_labels_are_truncated(n):
    chronology = synthetic_chronology(n, 8)
    layout = build_figure(chronology)["layout"]
    rows = len(layout["yaxis"]["categoryarray"])
    assert layout["height"] >= rows * 18
    assert layout["height"] <= rows * 30 + 300
    assert max(len(t) for t in layout["yaxis"]["ticktext"]) < 120
    # No range slider: it draws every bar again and makes plotly.js draw the chart twice.
    assert "rangeslider" not in layout["xaxis"]


@pytest.mark.parametrize("n", [4, 60])
def test_margins_hold_the_longest_row_label_and_legend_entry(n):
    """The margins come from estimated text widths (automargin would otherwise draw twice)."""
    chronology = synthetic_chronology(n, 8, conflict_rate=0.3)
    layout = build_figure(chronology)["layout"]
    labels = [
        ("⚠ " if e.conflict else "") + " ".join(truncate(e.label, LABEL_CHARS).split())
        for e in chronology.events
    ]
    assert n < 10 or any(label.startswith("⚠") for label in labels)
    widest = max(labels, key=len)
    assert layout["margin"]["l"] >= text_width(widest, 12) + 12
    assert layout["margin"]["l"] < text_width(widest, 12) * 1.5 + 40, "not absurdly wide"
    names = [t["name"] for t in build_figure(chronology)["data"] if t.get("showlegend")]
    assert layout["margin"]["r"] >= max(text_width(n, 12) for n in names) + 40
    assert text_width("⚠ Wäre", 12) > text_width("Ware", 12), "non-ASCII counts"


def test_undated_events_are_left_out_of_the_chart_not_dropped():
    source = Source(id="a", path="a.txt", published="2013-04-20", published_how="manifest")
    claim = Claim(
        source_id="a",
        text="At some point.",
        mention="once",
        start_char=0,
        end_char=14,
        mention_start=8,
        mention_end=12,
        value="PAST_REF",
    )
    events = [
        Event(id="E0001", label="undated", value="PAST_REF", claims=[claim]),
        Event(
            id="E0002",
            label="dated",
            value="2013-04-15",
            start="2013-04-15",
            end="2013-04-16",
            granularity="day",
            claims=[claim],
        ),
        Event(id="E0003", label="odd", value="2013", start="not a date", claims=[claim]),
    ]
    figure = build_figure(Chronology(sources=[source], events=events))
    assert set(_bar_points(figure)) == {"E0002"}


@pytest.mark.parametrize(
    ("start", "end", "granularity", "value", "words"),
    [
        ("2013-04-15", "2013-04-16", "day", "2013-04-15", "15 Apr 2013"),
        ("2013-04-01", "2013-05-01", "month", "2013-04", "Apr 2013"),
        ("2012-09-01", "2012-12-01", "season", "2012-FA", "Fall 2012"),
        ("1990-01-01", "2000-01-01", "decade", "199", "1990s"),
        ("2013-04-15", "2013-04-22", "week", "2013-W16", "week of 15 Apr 2013"),
        (
            "2013-04-19T18:00:00",
            "2013-04-19T19:00:00",
            "hour",
            "2013-04-19T18",
            "19 Apr 2013, 18:00",
        ),
        (None, None, None, "PAST_REF", "PAST_REF"),
    ],
)
def test_dates_in_words(start, end, granularity, value, words):
    assert describe_interval(start, end, granularity, value) == words
