"""The Gantt-style plotly figure: one row per event, one bar per event interval.

Built as a plain plotly figure dict (data + layout) so the page can embed it as JSON without a
round trip through plotly's validators, and the image export can hand it to plotly/kaleido.

Reading the chart:
- colour = the event's first reporter (legend entries toggle a source's bars and markers);
- opacity and hatching = precision: a day is solid, a season, year or decade pale and hatched;
- a diamond marks events too short to see as a bar at the full zoom (a day on a decade axis);
- a red outline, a red "⚠" in the row label and red crosses at the competing dates = sources
  disagree about when it happened;
- the top row holds each source's publication date (a hollow triangle = inferred).

Drawing speed (bench/render.py times ``Plotly.newPlot`` in chromium): plotly.js draws the whole
chart a second time whenever its automatic margins have to grow, so the margins are set here
from an estimate of the widest row label and legend entry (see ``text_width``) and automargin
is left on only as a safety net. There is no range slider: it draws every trace again in
miniature and, pushing the bottom margin past its own size, forces that second draw anyway.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime
from html import escape
from typing import Any

from timeline.models import GRANULARITY_ORDER, Chronology, Event, Source
from timeline.render.describe import (
    copy_words,
    describe_competing,
    describe_event_date,
    describe_event_lag,
    describe_interval,
    display_names,
    is_coarse,
    name_list,
    opacity,
    parse_when,
    precision_words,
    source_name,
    truncate,
)

# Tableau 10 without its red (red means "conflict" here), then lighter companions.
PALETTE = (
    "#4e79a7",
    "#f28e2b",
    "#59a14f",
    "#b07aa1",
    "#76b7b2",
    "#edc948",
    "#9c755f",
    "#ff9da7",
    "#86bcb6",
    "#a0cbe8",
    "#ffbe7d",
    "#8cd17d",
    "#d4a6c8",
    "#b6992d",
    "#499894",
    "#d7b5a6",
    "#79706e",
    "#bab0ac",
)
UNKNOWN_COLOUR = "#9aa0a6"
CONFLICT_COLOUR = "#d62728"
FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'
PUBLISHED_ROW = "published"
LABEL_CHARS = 52
# Shorter row labels for a narrow window and for a phone (page.js swaps in the longest that
# keeps the labels within 40% of the chart's width): hover cards and the table keep the whole.
NARROW_LABEL_CHARS = (34, 20)
LEGEND_CHARS = 34
HOVER_NAME_CHARS = 56
# Publication-date lines across the whole chart help up to a handful of sources; past that
# they are a fence, and the publication row alone says it.
MAX_PUBLICATION_LINES = 12
_MAX_HOVER_QUOTES = 3
_WRAP = 78
_SOLID_HOW = {"manifest", "metadata", "dateline"}


# Advance widths of printable ASCII (" " to "~") in thousandths of an em, of DejaVu Sans: what
# FONT resolves to on most Linux desktops and the widest of the usual sans-serif system fonts,
# so the margins made from it fit the labels elsewhere too (with a little room to spare).
_ASCII_WIDTHS = (
    318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636,
    636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698,
    770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732,
    684, 989, 685, 611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635,
    634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592,
    525, 636, 337, 636, 838,
)  # fmt: skip
_BOLD = 1.27  # the widest bold/regular ratio of those characters


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """An upper estimate of ``text``'s width in px at font ``size`` (plain text, no markup).

    Accented letters count as their base letter, anything else outside ASCII as a full em.

    >>> round(text_width("Published", 12)), round(text_width("Published", 12, bold=True))
    (58, 74)
    """
    total = 0
    for char in text:
        code = ord(char)
        if code >= 127:
            base = unicodedata.normalize("NFD", char)[0]
            code = ord(base) if ord(base) < 127 else 0
        total += _ASCII_WIDTHS[code - 32] if 32 <= code < 127 else 1000
    return total * size / 1000 * (_BOLD if bold else 1.0)


@dataclass(frozen=True)
class Placed:
    """An event that can be drawn: its parsed interval and its row."""

    event: Event
    start: datetime
    end: datetime

    @property
    def ms(self) -> float:
        return max((self.end - self.start).total_seconds() * 1000.0, 0.0)

    @property
    def middle(self) -> datetime:
        return self.start + (self.end - self.start) / 2


def plotly_date(d: datetime) -> str:
    """A datetime as plotly's date axis reads it (zero-padded years, no zone).

    >>> plotly_date(datetime(2013, 4, 15, 18, 30))
    '2013-04-15 18:30:00'
    """
    day = f"{d.year:04d}-{d.month:02d}-{d.day:02d}"
    if d.hour or d.minute or d.second:
        return f"{day} {d.hour:02d}:{d.minute:02d}:{d.second:02d}"
    return day


def wrap(text: str, width: int) -> list[str]:
    """Greedy word wrap (textwrap is ~5x slower and this runs for every quote of every event).

    >>> wrap("a bb ccc dddd", 6)
    ['a bb', 'ccc', 'dddd']
    """
    lines: list[str] = []
    line = ""
    for word in text.split():
        while len(word) > width:  # a URL or a run without spaces: cut it
            if line:
                lines.append(line)
                line = ""
            lines.append(word[:width])
            word = word[width:]
        if not line:
            line = word
        elif len(line) + 1 + len(word) <= width:
            line = f"{line} {word}"
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def plotly_text(text: str, width: int = _WRAP) -> str:
    """Untrusted text made inert for plotly's pseudo-HTML labels, wrapped with <br>.

    Plotly parses a few tags (<b>, <a href>, <span style>) in hover and tick text: escaping
    ``&<>`` shows them literally instead (plotly decodes the entities back for display).

    >>> plotly_text("<b>bold</b> & co")
    '&lt;b&gt;bold&lt;/b&gt; &amp; co'
    """
    lines = wrap(text, width) if width else [" ".join(text.split())]
    return "<br>".join(escape(line, quote=False) for line in lines)


def ordered_sources(sources: list[Source]) -> list[Source]:
    """Sources in publication order, undated ones last (the legend and the sources table)."""
    return sorted(sources, key=lambda s: (s.published is None, s.published or "", s.id))


def colours_for(sources: list[Source]) -> dict[str, str]:
    """One colour per source, in publication order (undated sources last).

    >>> colours_for([Source(id="b", path="b"), Source(id="a", path="a", published="2013-04-20")])
    {'a': '#4e79a7', 'b': '#f28e2b'}
    """
    return {s.id: PALETTE[n % len(PALETTE)] for n, s in enumerate(ordered_sources(sources))}


def place_events(events: list[Event]) -> tuple[list[Placed], list[Event]]:
    """Split events into those with a drawable interval and those without (table only)."""
    placed: list[Placed] = []
    undrawn: list[Event] = []
    for event in events:
        start = parse_when(event.start)
        end = parse_when(event.end)
        if start is None:
            undrawn.append(event)
            continue
        placed.append(Placed(event, start, end if end and end > start else start))
    return placed, undrawn


def _published_words(source: Source | None) -> str:
    if source is None or not source.published:
        return "publication date unknown"
    when = describe_interval(source.published[:10], None, "day")
    if source.published_how == "inferred":
        return f"published ≈ {when} (inferred, confidence {source.published_confidence:.2f})"
    return f"published {when} ({source.published_how})"


def event_hover(
    event: Event, sources: dict[str, Source], names: dict[str, str] | None = None
) -> str:
    """The hover card of one event, as plotly text: label, dates as written and as resolved,
    first reporter, competing dates, and the first few quotes with source and publication.
    ``names`` (see ``display_names``) tells apart sources that share an outlet."""
    if names is None:
        names = display_names(list(sources.values()))
    lines = [f"<b>{escape(event.id)}</b> · <b>{plotly_text(event.label)}</b>"]
    grain = precision_words(event.granularity)
    lines.append(f"<b>When:</b> {escape(describe_event_date(event))} ({escape(grain)})")
    span = f"[{event.start}, {event.end})" if event.end else f"{event.start}"
    lines.append(
        f"<b>Resolved:</b> {plotly_text(event.value, 0)} = {plotly_text(span, 0)}"
        if event.start
        else f"<b>Resolved:</b> {plotly_text(event.value, 0)} (no interval)"
    )
    written: list[str] = []
    for claim in event.claims:
        if claim.mention not in written:
            written.append(claim.mention)
    if written:
        shown = ", ".join(f"“{w}”" for w in written[:6])
        more = f" +{len(written) - 6}" if len(written) > 6 else ""
        lines.append(f"<b>As written:</b> {plotly_text(shown)}{more}")
    if event.first_reported_by:
        first = sources.get(event.first_reported_by)
        lag = ""
        if event.lag_days is not None:
            lag = f", {describe_event_lag(event)}"
        first_name = names.get(event.first_reported_by, source_name(first))
        who = f"{first_name} ({_published_words(first)}{lag})"
        lines.append(f"<b>First reported by:</b> {plotly_text(who, _WRAP - 19)}")
    if event.conflict:
        lines.append(f"<span style='color:{CONFLICT_COLOUR}'><b>⚠ Sources disagree:</b></span>")
        for competing in event.competing:
            who = name_list(competing.source_ids, names)
            words = describe_competing(event, competing)
            lines.append(f"   {plotly_text(f'{words} ({competing.value}): {who}')}")
    n_sources = len({c.source_id for c in event.claims})
    lines.append(
        f"<b>Quotes</b> ({len(event.claims)} claim{'s' * (len(event.claims) != 1)}, "
        f"{n_sources} source{'s' * (n_sources != 1)}):"
    )
    for claim in event.claims[:_MAX_HOVER_QUOTES]:
        source = sources.get(claim.source_id)
        lines.append("“" + plotly_text(truncate(claim.text, 260)) + "”")
        said = f", {claim.attribution}" if claim.attribution else ""
        copy = f" [{copy_words(source, names)}]" if copy_words(source, names) else ""
        name = names.get(claim.source_id, source_name(source, claim.source_id))
        cite = f"— {name}{copy}{said}, {_published_words(source)}"
        lines.append(f"<i>{plotly_text(cite)}</i>")
    if len(event.claims) > _MAX_HOVER_QUOTES:
        lines.append(f"<i>+ {len(event.claims) - _MAX_HOVER_QUOTES} more in the table below</i>")
    return "<br>".join(lines)


def _row_label(event: Event, chars: int = LABEL_CHARS) -> str:
    label = plotly_text(truncate(event.label, chars), 0)
    if event.conflict:
        return f"<span style='color:{CONFLICT_COLOUR}'>⚠</span> {label}"
    return label


def _row_height(n_rows: int) -> int:
    if n_rows <= 30:
        return 30
    if n_rows <= 120:
        return 24
    return 20


def chart_height(layout: dict[str, Any], rows: int) -> int:
    """The figure's height with only ``rows`` of its rows drawn (the row height and the top
    and bottom margins stay those of the whole chart, so switching views moves nothing else).

    >>> layout = build_figure(Chronology())["layout"]
    >>> layout["height"], chart_height(layout, 10)
    (194, 404)
    """
    total = len(layout["yaxis"]["categoryarray"])
    margin = layout["margin"]["t"] + layout["margin"]["b"]
    row = _row_height(total)
    return max(rows, 3) * row + margin


def build_figure(chronology: Chronology, *, title: str | None = None) -> dict[str, Any]:
    """The timeline as a plotly figure dict: ``{"data": [...], "layout": {...}}``.

    One horizontal bar per drawable event (``base`` = start, ``x`` = length in ms), grouped in
    one trace per first reporter so the legend toggles sources.

    >>> fig = build_figure(Chronology())
    >>> fig["data"], fig["layout"]["yaxis"]["categoryarray"]
    ([], [])
    """
    sources = {s.id: s for s in chronology.sources}
    colours = colours_for(chronology.sources)
    placed, _ = place_events(chronology.events)
    dated_sources = [
        (s, parse_when(s.published)) for s in chronology.sources if parse_when(s.published)
    ]
    dated_sources.sort(key=lambda pair: pair[1])

    rows = [p.event.id for p in placed]
    categories = ([PUBLISHED_ROW] if dated_sources else []) + rows
    ticktext = (["<b>Published</b>"] if dated_sources else []) + [
        _row_label(p.event) for p in placed
    ]

    # Whatever is under ~0.6% of the full span is a sliver at the initial zoom: mark it.
    all_times = [p.start for p in placed] + [p.end for p in placed] + [d for _, d in dated_sources]
    span_ms = (
        (max(all_times) - min(all_times)).total_seconds() * 1000.0 if len(all_times) > 1 else 0.0
    )
    sliver = span_ms * 0.006

    by_reporter: dict[str | None, list[Placed]] = {}
    for p in placed:
        key = p.event.first_reported_by if p.event.first_reported_by in sources else None
        by_reporter.setdefault(key, []).append(p)

    data: list[dict[str, Any]] = []
    # Hover cards name sources as the legend does, a little longer: a source known only by
    # its headline (a repost and its original share most of one) would fill the card.
    full_names = display_names(chronology.sources, limit=HOVER_NAME_CHARS)
    hovers = {p.event.id: event_hover(p.event, sources, full_names) for p in placed}
    names = display_names(chronology.sources, limit=LEGEND_CHARS)
    groups: list[tuple[str | None, str, str]] = [
        (s.id, colours[s.id], names[s.id]) for s in ordered_sources(chronology.sources)
    ]
    groups.append((None, UNKNOWN_COLOUR, "First reporter unknown"))

    for sid, colour, name in groups:
        group = sid if sid is not None else "__unknown__"
        legend_name = plotly_text(name, 0)
        # A legend-only entry per source: a plain swatch, whatever its first bar looks like.
        data.append(
            {
                "type": "scatter",
                "mode": "markers",
                "name": legend_name,
                "legendgroup": group,
                "showlegend": True,
                "x": [None],
                "y": [None],
                "hoverinfo": "skip",
                "marker": {"symbol": "square", "size": 12, "color": colour},
            }
        )
        legend_at = len(data) - 1
        members = by_reporter.get(sid, [])
        if members:
            events = [p.event for p in members]
            hover = [hovers[e.id] for e in events]
            data.append(
                {
                    "type": "bar",
                    "orientation": "h",
                    "name": legend_name,
                    "legendgroup": group,
                    "showlegend": False,
                    "y": [e.id for e in events],
                    "base": [plotly_date(p.start) for p in members],
                    "x": [p.ms for p in members],
                    "customdata": [e.id for e in events],
                    "hovertext": hover,
                    "hoverinfo": "text",
                    "width": 0.62,
                    "marker": {
                        "color": colour,
                        "opacity": [opacity(e.granularity) for e in events],
                        "line": {
                            "color": [CONFLICT_COLOUR if e.conflict else colour for e in events],
                            "width": [2.5 if e.conflict else 0.5 for e in events],
                        },
                        "pattern": {
                            "shape": ["/" if is_coarse(e.granularity) else "" for e in events],
                            "fillmode": "overlay",
                            "fgcolor": "#ffffff",
                            "fgopacity": 0.55,
                            "size": 7,
                            "solidity": 0.25,
                        },
                    },
                    "hoverlabel": {"bordercolor": colour},
                }
            )
            short = [
                p
                for p in members
                if p.ms <= sliver
                or GRANULARITY_ORDER.get(p.event.granularity or "", 99) <= GRANULARITY_ORDER["day"]
            ]
            if short:
                data.append(
                    {
                        "type": "scatter",
                        "mode": "markers",
                        "name": legend_name,
                        "legendgroup": group,
                        "showlegend": False,
                        "y": [p.event.id for p in short],
                        "x": [plotly_date(p.middle) for p in short],
                        "customdata": [p.event.id for p in short],
                        "hovertext": [hovers[p.event.id] for p in short],
                        "hoverinfo": "text",
                        "marker": {
                            "symbol": "diamond",
                            "size": 11,
                            "color": colour,
                            "opacity": [max(opacity(p.event.granularity), 0.6) for p in short],
                            "line": {
                                "color": [
                                    CONFLICT_COLOUR if p.event.conflict else "#ffffff"
                                    for p in short
                                ],
                                "width": [2 if p.event.conflict else 1 for p in short],
                            },
                        },
                        "hoverlabel": {"bordercolor": colour},
                    }
                )
        source = sources.get(sid) if sid else None
        when = parse_when(source.published) if source else None
        if source is not None and when is not None:
            inferred = source.published_how not in _SOLID_HOW
            data.append(
                {
                    "type": "scatter",
                    "mode": "markers",
                    "name": legend_name,
                    "legendgroup": group,
                    "showlegend": False,
                    "y": [PUBLISHED_ROW],
                    "x": [plotly_date(when)],
                    "hovertext": [_publication_hover(source, full_names)],
                    "hoverinfo": "text",
                    "marker": {
                        "symbol": "triangle-down-open" if inferred else "triangle-down",
                        "size": 14,
                        "color": colour,
                        "line": {"color": colour if inferred else "#ffffff", "width": 2},
                    },
                    "hoverlabel": {"bordercolor": colour},
                }
            )

        if len(data) - 1 == legend_at:
            data.pop()

    conflicts = [p for p in placed if p.event.conflict and p.event.competing]
    if conflicts:
        xs, ys, texts = [], [], []
        for p in conflicts:
            for competing in p.event.competing:
                start = parse_when(competing.start)
                # The bar already shows the event's own date: cross only the other ones.
                if start is None or (competing.start, competing.end) == (
                    p.event.start,
                    p.event.end,
                ):
                    continue
                end = parse_when(competing.end) or start
                xs.append(plotly_date(start + (max(end, start) - start) / 2))
                ys.append(p.event.id)
                words = describe_competing(p.event, competing)
                who = name_list(competing.source_ids, full_names)
                texts.append(
                    f"<b>⚠ {escape(p.event.id)}: one of the competing dates</b><br>"
                    f"{plotly_text(words)} ({plotly_text(competing.value, 0)})<br>"
                    f"according to {plotly_text(who)}"
                )
        data.append(
            {
                "type": "scatter",
                "mode": "markers",
                "name": "Competing dates (sources disagree)",
                "legendgroup": "__conflicts__",
                "y": ys,
                "x": xs,
                "hovertext": texts,
                "hoverinfo": "text",
                "marker": {
                    "symbol": "x-thin-open",
                    "size": 13,
                    "color": CONFLICT_COLOUR,
                    "line": {"color": CONFLICT_COLOUR, "width": 2.5},
                },
                "hoverlabel": {"bordercolor": CONFLICT_COLOUR},
            }
        )

    n_rows = len(categories)
    row = _row_height(n_rows)
    plot_height = max(n_rows, 3) * row
    # A tall chart is read from the top: its date axis goes there (bottom: tick marks only).
    axis_on_top = n_rows > 25
    top, bottom = (64, 32) if axis_on_top else (40, 64)
    shapes = []
    if dated_sources and len(dated_sources) <= MAX_PUBLICATION_LINES:
        for source, when in dated_sources:
            shapes.append(
                {
                    "type": "line",
                    "xref": "x",
                    "yref": "paper",
                    "x0": plotly_date(when),
                    "x1": plotly_date(when),
                    "y0": 0,
                    "y1": 1,
                    "layer": "below",
                    "line": {
                        "color": colours[source.id],
                        "width": 1,
                        "dash": "dot" if source.published_how not in _SOLID_HOW else "dash",
                    },
                    "opacity": 0.45,
                }
            )
    xaxis: dict[str, Any] = {
        "type": "date",
        "showgrid": True,
        "gridcolor": "#e6e8eb",
        "linecolor": "#c5cad1",
        "ticks": "outside",
        "tickcolor": "#c5cad1",
        "automargin": True,
    }
    if axis_on_top:
        xaxis["side"] = "top"
        xaxis["mirror"] = "ticks"
    legend_title = "First reported by"
    legend_names = [name for _, _, name in groups] + (
        ["Competing dates (sources disagree)"] if conflicts else []
    )
    layout: dict[str, Any] = {
        "height": plot_height + top + bottom,
        "margin": {
            "l": _label_margin(placed, bool(dated_sources)),
            "r": _legend_margin(legend_names, legend_title),
            "t": top,
            "b": bottom,
            "pad": 4,
        },
        "font": {"family": FONT, "size": 12, "color": "#1f2328"},
        "plot_bgcolor": "#ffffff",
        "paper_bgcolor": "#ffffff",
        "barmode": "overlay",
        "bargap": 0.35,
        "hovermode": "closest",
        "hoverdistance": 12,
        "hoverlabel": {
            "align": "left",
            "bgcolor": "#ffffff",
            "font": {"family": FONT, "size": 12, "color": "#1f2328"},
            "namelength": 0,
        },
        "dragmode": "zoom",
        "xaxis": xaxis,
        "yaxis": {
            "type": "category",
            "categoryorder": "array",
            "categoryarray": categories,
            "tickmode": "array",
            "tickvals": categories,
            "ticktext": ticktext,
            # An explicit range: marker padding would otherwise leave empty rows at both ends.
            "range": [len(categories) - 0.5, -0.5],
            "automargin": True,
            "showgrid": True,
            "gridcolor": "#f0f2f4",
            "fixedrange": True,
            "tickfont": {"size": 12},
        },
        "legend": {
            "orientation": "v",
            "yanchor": "top",
            "y": 1.0,
            "xanchor": "left",
            "x": 1.01,
            "title": {
                "text": f"<b>{legend_title}</b><br><span style='font-size:11px'>click: hide/show</span>"
            },
            "groupclick": "togglegroup",
            "itemsizing": "constant",
            "font": {"size": 12},
            "tracegroupgap": 2,
        },
        "shapes": shapes,
        "showlegend": True,
    }
    if title:
        layout["title"] = {"text": plotly_text(title, 0), "x": 0, "xanchor": "left"}
        layout["margin"]["t"] += 40
    return {"data": data, "layout": layout}


def narrow_axis(chronology: Chronology) -> list[dict[str, Any]]:
    """Shorter row labels and the left margin each set needs, longest first, for a narrow
    screen: the same rows as ``build_figure``'s ``yaxis.ticktext``, cut to each of
    ``NARROW_LABEL_CHARS``.

    >>> narrow_axis(Chronology())
    [{'ticktext': [], 'margin_l': 24}, {'ticktext': [], 'margin_l': 24}]
    """
    placed, _ = place_events(chronology.events)
    published_row = any(parse_when(s.published) for s in chronology.sources)
    head = ["<b>Published</b>"] if published_row else []
    return [
        {
            "ticktext": head + [_row_label(p.event, chars) for p in placed],
            "margin_l": _label_margin(placed, published_row, chars),
        }
        for chars in NARROW_LABEL_CHARS
    ]


def _label_margin(placed: list[Placed], published_row: bool, chars: int = LABEL_CHARS) -> int:
    """The left margin: room for the widest row label (as ``_row_label`` writes it), its
    standoff and plotly's 12 px of automargin padding, so automargin need not grow it."""
    widths = [text_width("Published", 12, bold=True)] if published_row else []
    for p in placed:
        label = " ".join(truncate(p.event.label, chars).split())
        widths.append(text_width(("⚠ " if p.event.conflict else "") + label, 12))
    return round(max(widths, default=0) + 24)


def _legend_margin(names: list[str], title: str) -> int:
    """The right margin: the legend (its widest entry or title, a 40 px swatch column and
    borders) set 1% of the plot width (at most ~20 px) right of the plot, plus padding."""
    widest = max(
        [text_width(n, 12) + 40 for n in names]
        + [text_width(title, 12, bold=True), text_width("click: hide/show", 11)]
    )
    return round(widest + 40)


def _publication_hover(source: Source, names: dict[str, str]) -> str:
    lines = [f"<b>{plotly_text(source_name(source))}</b>"]
    if source.title and source.title != source_name(source):
        lines.append(plotly_text(truncate(source.title, 160)))
    lines.append(escape(_published_words(source)))
    if source.published_how == "manifest":
        lines.append("<i>evidence:</i> given in the manifest")
    elif source.published_evidence:
        lines.append(f"<i>evidence:</i> “{plotly_text(truncate(source.published_evidence, 160))}”")
    if source.syndicated_from:
        lines.append(plotly_text(copy_words(source, names)))
    lines.append(f"<i>id:</i> {plotly_text(source.id, 0)}")
    return "<br>".join(lines)
