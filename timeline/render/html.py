"""timeline.html: the interactive Gantt-style timeline page, self-contained and offline.

The page holds a plotly chart (plotly.js inlined, figure data as an inert JSON script), a
summary line, a searchable and sortable table of events with their quotes, and a table of
sources saying how each publication date was found. Article text is untrusted: it only ever
reaches the page HTML-escaped (tables, rendered here) or inside the JSON data block (escaped
so it cannot close its script tag), and a Content-Security-Policy allows exactly the two
inline scripts shipped with the package (by hash) and no network access at all.
"""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import datetime
from functools import cache
from html import escape
from importlib.resources import files
from string import Template
from typing import Any
from urllib.parse import urlsplit

from timeline.models import Chronology, Claim, Event, Source
from timeline.render.describe import (
    competing_dates,
    copy_words,
    describe_competing,
    describe_event_date,
    describe_event_lag,
    describe_interval,
    display_names,
    name_list,
    parse_when,
    precision_words,
    source_name,
    truncate,
)
from timeline.render.figure import (
    CONFLICT_COLOUR,
    PUBLISHED_ROW,
    UNKNOWN_COLOUR,
    build_figure,
    chart_height,
    colours_for,
    narrow_axis,
    place_events,
    plotly_date,
)
from timeline.render.view import View, initial_view, reporting_view

_SOLID_HOW = {"manifest", "metadata", "dateline"}


def _asset(name: str) -> str:
    return files("timeline.render").joinpath("assets", name).read_text(encoding="utf-8")


@cache
def _plotly_js() -> str:
    from plotly.offline import get_plotlyjs

    return get_plotlyjs()


def script_json(data: Any) -> str:
    """JSON that is safe inside ``<script type="application/json">``: it cannot end the tag
    (``</script>``), open a comment (``<!--``) or hit the U+2028/2029 line separators.

    >>> script_json({"q": "</script><!--\u2028"})
    '{"q":"\\\\u003c/script\\\\u003e\\\\u003c!--\\\\u2028"}'
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _sha256(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy(*scripts: str) -> str:
    """A CSP allowing only the given inline scripts (by hash), inline styles (plotly sets
    them) and data:/blob: images (plotly's PNG download); nothing may be fetched.

    >>> "connect-src 'none'" in content_security_policy("1+1")
    True
    """
    hashes = " ".join(_sha256(s) for s in scripts)
    return (
        "default-src 'none'; "
        f"script-src {hashes}; "
        "style-src 'unsafe-inline'; "
        "img-src data: blob:; "
        "font-src 'none'; connect-src 'none'; media-src 'none'; object-src 'none'; "
        "frame-src 'none'; worker-src 'none'; base-uri 'none'; form-action 'none'"
    )


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _published_cell(source: Source | None) -> str:
    if source is None or not source.published:
        return '<span class="badge unknown">date unknown</span>'
    when = describe_interval(source.published[:10], None, "day")
    if source.published_how in _SOLID_HOW:
        return _e(when)
    return f"≈ {_e(when)} <span class='badge inferred'>{_e(source.published_how)}</span>"


def _published_date(source: Source) -> str:
    """The date alone (the sources table has a column for how it was found)."""
    if not source.published:
        return '<span class="badge unknown">unknown</span>'
    when = _e(describe_interval(source.published[:10], None, "day"))
    return when if source.published_how in _SOLID_HOW else f"≈ {when}"


def _quote_html(claim: Claim) -> str:
    """The claim's sentence with its time expression marked (offsets first, text search second)."""
    text = claim.text
    at = claim.mention_start - claim.start_char
    end = at + (claim.mention_end - claim.mention_start)
    if not (0 <= at < end <= len(text) and text[at:end] == claim.mention):
        at = text.find(claim.mention) if claim.mention else -1
        end = at + len(claim.mention)
    if at < 0:
        return _e(text)
    return f"{_e(text[:at])}<mark>{_e(text[at:end])}</mark>{_e(text[end:])}"


def _claims_html(
    event: Event, sources: dict[str, Source], colours: dict[str, str], names: dict[str, str]
) -> str:
    n_sources = len({c.source_id for c in event.claims})
    items = []
    for claim in event.claims:
        source = sources.get(claim.source_id)
        colour = colours.get(claim.source_id, UNKNOWN_COLOUR)
        said = f" · {_e(claim.attribution)}" if claim.attribution else ""
        caption = " · photo caption" if claim.caption else ""
        copy = f" · {_e(copy_words(source, names))}" if copy_words(source, names) else ""
        resolved = describe_interval(claim.start, claim.end, claim.granularity, claim.value)
        items.append(
            "<li><blockquote>"
            + _quote_html(claim)
            + "</blockquote><div class='cite'>"
            + f"<span class='swatch' style='background:{colour}'></span>"
            + f"{_e(source_name(source, claim.source_id))} ({_published_cell(source)}){copy}"
            + f" · “{_e(claim.mention)}” → {_e(resolved)} <small>({_e(claim.value)}, "
            + f"{_e(claim.anchor)})</small>{said}{caption}</div></li>"
        )
    plural = "s" * (len(event.claims) != 1)
    return (
        f"<details><summary>{len(event.claims)} quote{plural} from {n_sources} "
        f"source{'s' * (n_sources != 1)}</summary><ol class='claims'>{''.join(items)}</ol></details>"
    )


_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _with_weekday(words: str, start: str | None, granularity: str | None) -> str:
    """A day (or a time within one) with its weekday, as the articles name it ("Monday"), so
    a reader can match the quote to the date: 'Mon 15 Apr 2013'.

    >>> _with_weekday("15 Apr 2013", "2013-04-15", "day")
    'Mon 15 Apr 2013'
    >>> _with_weekday("Fall 2012", "2012-09-01", "season")
    'Fall 2012'
    """
    when = parse_when(start)
    if when is None or granularity not in ("day", "part_of_day", "hour", "minute", "second"):
        return words
    return f"{_WEEKDAYS[when.weekday()]} {words}"


def _when_words(event: Event) -> str:
    """The When cell's date: competing dates one to a line, each kept whole (the column does
    not wrap inside a date, and two disputed dates on one line widened the whole table)."""
    if len(competing_dates(event)) > 1:
        dates: list[str] = []
        for competing in event.competing:
            granularity = next(
                (c.granularity for c in event.claims if c.value == competing.value),
                event.granularity,
            )
            words = _with_weekday(
                describe_competing(event, competing), competing.start, granularity
            )
            if words not in dates:
                dates.append(words)
        return "<br>or ".join(_e(words) for words in dates)
    return _e(_with_weekday(describe_event_date(event), event.start, event.granularity))


def _events_table(chronology: Chronology, colours: dict[str, str]) -> str:
    sources = {s.id: s for s in chronology.sources}
    names = display_names(chronology.sources)
    placed, _ = place_events(chronology.events)
    bounds = {p.event.id: (plotly_date(p.start), plotly_date(p.end)) for p in placed}
    if not chronology.events:
        return "<p class='empty'>No dated events were found in these articles.</p>"
    rows = []
    for event in chronology.events:
        first = sources.get(event.first_reported_by or "")
        start, end = bounds.get(event.id, ("", ""))
        zoom = (
            "<button type='button' class='zoom' title='Zoom the chart to this event'>chart</button>"
            if start
            else "<small>not drawn</small>"
        )
        if first:
            colour = colours.get(first.id, UNKNOWN_COLOUR)
            lag = (
                f"<br><small>{_e(describe_event_lag(event))}</small>"
                if event.lag_days is not None
                else ""
            )
            reporter = (
                f"<span class='swatch' style='background:{colour}'></span>"
                f"{_e(source_name(first))}<br><small>{_published_cell(first)}</small>{lag}"
            )
        else:
            reporter = "<span class='empty'>unknown (no dated source)</span>"
        if event.conflict:
            parts = []
            for competing in event.competing:
                who = name_list(competing.source_ids, names)
                words = describe_competing(event, competing)
                parts.append(f"{_e(words)} <small>({_e(who)})</small>")
            conflict = (
                "<span class='badge conflict'>⚠ disagree</span><div class='conflict-dates'>"
                + "<br>vs ".join(parts)
                + "</div>"
            )
        else:
            conflict = ""
        copies = (
            f" <small>+{len(event.copies)} cop{'ies' if len(event.copies) != 1 else 'y'}</small>"
        )
        rows.append(
            f"<tr id='row-{_e(event.id)}' data-conflict='{int(event.conflict)}' "
            f"data-start='{_e(start)}' data-end='{_e(end)}'>"
            f"<td class='id' data-sort='{_e(event.id)}'>{_e(event.id)}<br>{zoom}</td>"
            f"<td class='when' data-sort='{_e(event.start or '')}'>"
            f"{_when_words(event)}<br><small>{_e(precision_words(event.granularity))} · "
            f"TIMEX3 <code title='the TIMEX3 value of the date'>{_e(event.value)}</code>"
            "</small></td>"
            f"<td><div class='label'>{_e(event.label)}</div>"
            f"{_claims_html(event, sources, colours, names)}</td>"
            f"<td data-sort='{_e(source_name(first) if first else '~')}'>{reporter}</td>"
            f"<td class='num' data-sort='{event.independent_sources}'>"
            f"{event.independent_sources}{copies if event.copies else ''}</td>"
            f"<td data-sort='{int(event.conflict)}'>{conflict}</td>"
            "</tr>"
        )
    head = (
        "<thead><tr>"
        "<th><button type='button'>Event</button></th>"
        "<th><button type='button'>When</button></th>"
        "<th><button type='button'>What (and who said so)</button></th>"
        "<th><button type='button'>First reported by</button></th>"
        "<th data-type='number'><button type='button' title='independent sources'>Sources</button></th>"
        "<th data-type='number'><button type='button'>Conflict</button></th>"
        "</tr></thead>"
    )
    return (
        f"<div class='table-wrap'><table id='events' class='sortable'>{head}"
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def _safe_url(url: str | None) -> str | None:
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def _copy_of_cell(source: Source, names: dict[str, str]) -> str:
    """The original a syndicated copy repeats: its name as the page gives it, and its id."""
    original = source.syndicated_from
    if not original:
        return ""
    name = names.get(original, original)
    if name == original:
        return _e(original)
    return f"{_e(name)}<br><small>{_e(original)}</small>"


def _sources_table(chronology: Chronology, colours: dict[str, str]) -> str:
    if not chronology.sources:
        return "<p class='empty'>No sources.</p>"
    names = display_names(chronology.sources)
    cited: dict[str, int] = {}
    firsts: dict[str, int] = {}
    for event in chronology.events:
        for sid in {c.source_id for c in event.claims}:
            cited[sid] = cited.get(sid, 0) + 1
        if event.first_reported_by:
            firsts[event.first_reported_by] = firsts.get(event.first_reported_by, 0) + 1
    ordered = sorted(
        chronology.sources, key=lambda s: (s.published is None, s.published or "", s.id)
    )
    rows = []
    for s in ordered:
        url = _safe_url(s.url)
        title = _e(truncate(s.title, 120)) if s.title else "<span class='empty'>untitled</span>"
        if url:
            title = f"<a href='{_e(url)}' rel='noopener noreferrer nofollow' target='_blank'>{title}</a>"
        how_class = (
            "unknown"
            if s.published_how == "unknown"
            else "inferred"
            if s.published_how not in _SOLID_HOW
            else ""
        )
        confidence = (
            f"{s.published_confidence:.2f}<span class='conf'>"
            f"<span style='width:{round(100 * s.published_confidence)}%'></span></span>"
        )
        if s.published_how == "manifest":
            evidence = "given in the manifest"
        elif s.published_evidence:
            evidence = f"“{_e(truncate(s.published_evidence, 140))}”"
        else:
            evidence = "<span class='empty'>none</span>"
        rows.append(
            "<tr>"
            f"<td data-sort='{_e(source_name(s))}'><span class='swatch' "
            f"style='background:{colours.get(s.id, UNKNOWN_COLOUR)}'></span>"
            f"<b>{_e(source_name(s))}</b><br><small>{_e(s.id)}</small></td>"
            f"<td>{title}</td>"
            f"<td class='when' data-sort='{_e(s.published or '~')}'>{_published_date(s)}</td>"
            f"<td data-sort='{_e(s.published_how)}'><span class='badge {how_class}'>"
            f"{_e(s.published_how)}</span></td>"
            f"<td class='num' data-sort='{s.published_confidence}'>{confidence}</td>"
            f"<td class='evidence'><small>{evidence}</small></td>"
            f"<td>{_copy_of_cell(s, names)}</td>"
            f"<td class='num' data-sort='{cited.get(s.id, 0)}'>{cited.get(s.id, 0)}</td>"
            f"<td class='num' data-sort='{firsts.get(s.id, 0)}'>{firsts.get(s.id, 0)}</td>"
            "</tr>"
        )
    head = (
        "<thead><tr>"
        "<th><button type='button'>Source</button></th>"
        "<th><button type='button'>Title</button></th>"
        "<th><button type='button'>Published</button></th>"
        "<th><button type='button' title='how the publication date was found'>How</button></th>"
        "<th data-type='number'><button type='button'>Confidence</button></th>"
        "<th>Evidence</th>"
        "<th><button type='button'>Copy of</button></th>"
        "<th data-type='number'><button type='button' title='events it reports'>Events</button></th>"
        "<th data-type='number'><button type='button' title='events it reported first'>First</button></th>"
        "</tr></thead>"
    )
    return (
        f"<div class='table-wrap'><table id='sources' class='sortable'>{head}"
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def _skipped(chronology: Chronology) -> str:
    if not chronology.skipped:
        return ""
    items = "".join(
        f"<li><code>{_e(s.path)}</code>: {_e(s.reason)}</li>" for s in chronology.skipped
    )
    return (
        "<section id='skipped-section'><h2>Inputs skipped</h2>"
        f"<ul class='skipped'>{items}</ul></section>"
    )


def summary_counts(chronology: Chronology) -> dict[str, int]:
    """The numbers of the summary line.

    >>> summary_counts(Chronology())["events"]
    0
    """
    _, undrawn = place_events(chronology.events)
    return {
        "sources": len(chronology.sources),
        "events": len(chronology.events),
        "undrawn": len(undrawn),
        "conflicts": sum(e.conflict for e in chronology.events),
        "inferred": sum(
            1 for s in chronology.sources if s.published and s.published_how not in _SOLID_HOW
        ),
        "unknown": sum(1 for s in chronology.sources if not s.published),
        "copies": sum(1 for s in chronology.sources if s.syndicated_from),
        "skipped": len(chronology.skipped),
    }


def _summary(chronology: Chronology) -> str:
    n = summary_counts(chronology)

    def plural(count: int, word: str, many: str | None = None) -> str:
        return f"<strong>{count}</strong> {word if count == 1 else (many or word + 's')}"

    dates = []
    if n["inferred"]:
        dates.append(
            f"<span class='warn'>{n['inferred']} publication date{'s' * (n['inferred'] != 1)} inferred</span>"
        )
    if n["unknown"]:
        dates.append(f"<span class='warn'>{n['unknown']} unknown</span>")
    parts = [plural(n["sources"], "source") + (f" ({', '.join(dates)})" if dates else "")]
    parts.append(
        plural(n["events"], "event")
        + (f" ({n['undrawn']} without a drawable date)" if n["undrawn"] else "")
    )
    conflicts = plural(n["conflicts"], "conflict")
    parts.append(f"<span class='bad'>{conflicts}</span>" if n["conflicts"] else conflicts)
    if n["copies"]:
        parts.append(plural(n["copies"], "syndicated copy", "syndicated copies"))
    placed, _ = place_events(chronology.events)
    if placed:
        first = min(placed, key=lambda p: p.start).event
        last = max(placed, key=lambda p: p.start).event
        words = [describe_interval(e.start, e.end, e.granularity, e.value) for e in (first, last)]
        parts.append(
            f"dates from {_e(words[0])} to {_e(words[1])}" if first is not last else _e(words[0])
        )
    if n["skipped"]:
        parts.append(f"<span class='warn'>{n['skipped']} input(s) skipped</span>")
    return "<span class='sep'>·</span>".join(parts)


def _key() -> str:
    """The chart's reading key, as small inline SVG swatches (static markup, no input)."""

    def svg(body: str, w: int = 22) -> str:
        return f"<svg width='{w}' height='14' viewBox='0 0 {w} 14' aria-hidden='true'>{body}</svg>"

    hatch = "".join(
        f"<line x1='{x}' y1='13' x2='{x + 8}' y2='1' stroke='#fff' stroke-opacity='.7'/>"
        for x in range(-4, 22, 5)
    )
    items = [
        (svg("<rect x='1' y='3' width='20' height='8' rx='2' fill='#4e79a7'/>"), "a day or finer"),
        (
            svg(
                f"<rect x='1' y='3' width='20' height='8' rx='2' fill='#4e79a7' opacity='.45'/>{hatch}"
            ),
            "pale, hatched: a season, year or decade (coarse)",
        ),
        (
            svg("<path d='M11 1 L17 7 L11 13 L5 7 Z' fill='#4e79a7' stroke='#fff'/>"),
            "too short to see at this zoom",
        ),
        (
            svg(
                f"<rect x='1' y='3' width='20' height='8' rx='2' fill='#4e79a7' stroke='{CONFLICT_COLOUR}' stroke-width='2'/>"
            ),
            "⚠ sources disagree",
        ),
        (
            svg(
                f"<path d='M6 2 L16 12 M16 2 L6 12' stroke='{CONFLICT_COLOUR}' stroke-width='2.2'/>"
            ),
            "a competing date",
        ),
        (
            svg("<path d='M4 2 L18 2 L11 12 Z' fill='#4e79a7'/>"),
            "publication date",
        ),
        (
            svg("<path d='M4 2 L18 2 L11 12 Z' fill='none' stroke='#4e79a7' stroke-width='1.8'/>"),
            "inferred publication date",
        ),
    ]
    lis = "".join(f"<li>{icon}{words}</li>" for icon, words in items)
    return f"<ul class='key' aria-label='How to read the chart'>{lis}</ul>"


def _short_span(first: datetime, last: datetime) -> str:
    """'10 Oct – 21 Nov 2023', '10 Oct 2023' or '30 Dec 2022 – 2 Jan 2023'."""
    end = describe_interval(plotly_date(last)[:10], None, "day")
    if first.date() == last.date():
        return end
    start = describe_interval(plotly_date(first)[:10], None, "day")
    if first.year == last.year:
        start = start.rsplit(" ", 1)[0]
    return f"{start} – {end}"


def _toolbar(chronology: Chronology, news: View | None, opened: bool) -> str:
    """The view buttons (the one showing pressed) and the note on what the view leaves out."""
    pressed = {True: "true", False: "false"}
    buttons = [
        "<button type='button' id='reset-zoom' "
        f"aria-pressed='{pressed[not opened]}'>Show all dates</button>"
    ]
    dated = sorted(
        d for d in (parse_when(s.published) for s in chronology.sources) if d is not None
    )
    if news is not None and dated:
        buttons.append(
            f"<button type='button' id='news-window' aria-pressed='{pressed[opened]}'>"
            f"Zoom to the reporting period ({_e(_short_span(dated[0], dated[-1]))})</button>"
        )
        buttons.append(
            f"<span class='view-note' id='view-note'{'' if opened else ' hidden'}>"
            f"{_hidden_words(chronology, news)}</span>"
        )
    return "".join(buttons)


def _hidden_words(chronology: Chronology, view: View) -> str:
    """'20 earlier events (1990s – Dec 2012) are not shown.' for the view's note."""
    events = {e.id: e for e in chronology.events}
    parts = []
    for ids, word in ((view.before, "earlier"), (view.after, "later")):
        if not ids:
            continue
        first, last = events[ids[0]], events[ids[-1]]
        if word == "earlier":  # the latest of the earlier ones is the one ending last
            last = max((events[i] for i in ids), key=lambda e: e.end or e.start or "")
        span = [describe_interval(e.start, e.end, e.granularity, e.value) for e in (first, last)]
        when = span[0] if span[0] == span[1] else f"{span[0]} – {span[1]}"
        parts.append(
            f"<strong>{len(ids)}</strong> {word} event{'s' * (len(ids) != 1)} ({_e(when)})"
        )
    if not parts:
        return "Every event is in this view."
    verb = "is" if view.hidden == 1 else "are"
    return f"{' and '.join(parts)} {verb} outside this view."


def chart_views(chronology: Chronology, figure: dict[str, Any]) -> dict[str, Any]:
    """The chart's two views for page.js: ``all`` (every row, every date) and, when there are
    publication dates, ``news`` (the reporting period: its date range and only the rows of
    the events it meets); ``initial`` names the one the page opens on (see ``view``).

    >>> chart_views(Chronology(), build_figure(Chronology()))["initial"]
    'all'
    """
    layout = figure["layout"]
    rows = list(layout["yaxis"]["categoryarray"])
    views: dict[str, Any] = {"all": {"rows": rows, "height": layout["height"], "range": None}}
    news = reporting_view(chronology)
    if news is not None:
        shown = set(news.shown)
        news_rows = [r for r in rows if r == PUBLISHED_ROW or r in shown]
        views["news"] = {
            "rows": news_rows,
            "height": chart_height(layout, len(news_rows)),
            "range": [plotly_date(news.start), plotly_date(news.end)],
        }
    opened = initial_view(chronology) is not None
    return {"initial": "news" if opened else "all", **views}


def share_hovers(figure: dict[str, Any]) -> dict[str, Any]:
    """Move event hover texts out of the traces into one ``hover`` map (event id -> text).

    A day-level event has a bar and a marker carrying the same long card; sent once, the page
    is smaller. page.js puts them back (``hovertext`` from ``customdata``) before plotting.

    >>> share_hovers({"data": [{"customdata": ["E1"], "hovertext": ["card"]}]})["hover"]
    {'E1': 'card'}
    """
    hover: dict[str, str] = {}
    for trace in figure["data"]:
        ids, texts = trace.get("customdata"), trace.get("hovertext")
        if ids and texts and len(ids) == len(texts):
            hover.update(zip(ids, texts, strict=True))
            del trace["hovertext"]
    figure["hover"] = hover
    return figure


def render_html(chronology: Chronology, *, title: str | None = None) -> str:
    """The self-contained timeline page for ``chronology``, as one HTML string.

    >>> page = render_html(Chronology())
    >>> page.startswith("<!DOCTYPE html>") and "Content-Security-Policy" in page
    True
    """
    from timeline import __version__

    colours = colours_for(chronology.sources)
    heading = title or _default_title(chronology)
    figure = share_hovers(build_figure(chronology))
    figure["narrow"] = narrow_axis(chronology)
    figure["views"] = chart_views(chronology, figure)
    news = reporting_view(chronology)
    page_js = _asset("page.js")
    plotly_js = _plotly_js()
    return Template(_asset("page.html")).substitute(
        csp=escape(content_security_policy(plotly_js, page_js), quote=False),
        version=_e(__version__),
        title=_e(heading),
        css=_asset("page.css"),
        summary=_summary(chronology),
        key=_key(),
        toolbar=_toolbar(chronology, news, figure["views"]["initial"] == "news"),
        events_table=_events_table(chronology, colours),
        sources_table=_sources_table(chronology, colours),
        skipped=_skipped(chronology),
        n_sources=len(chronology.sources),
        figure_json=script_json(figure),
        plotly_js=plotly_js,
        page_js=page_js,
    )


def _default_title(chronology: Chronology) -> str:
    n = len(chronology.sources)
    outlets = sorted({s.outlet for s in chronology.sources if s.outlet})
    if n == 0:
        return "Timeline"
    if outlets and len(outlets) <= 3 and all(s.outlet for s in chronology.sources):
        return "Timeline of claims in " + ", ".join(outlets)
    return f"Timeline of claims in {n} article{'s' * (n != 1)}"
