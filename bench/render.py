"""Render benchmark (issue 6): how fast and how big the outputs are, against what people use today.

Peer: the usual way to make a Gantt chart with plotly, ``plotly.express.timeline`` on a
DataFrame of the same events (colour = first reporter, hover = label and first quote) written
with ``fig.to_html(include_plotlyjs=True)``: the same self-contained page without our tables,
escaping, precision styling or conflict marks. Both run in this process on the same synthetic
chronologies (tests/render/synthetic.py: 50 and 500 events, realistic labels and quotes).

Measured: Python render time (median of repeats) and page size for ours and the peer; the CSV,
JSON and TimelineJS writers; and, when Debian's chromium and chromedriver are installed, the
``Plotly.newPlot`` draw time of both figures in one headless chromium page (interleaved).
"""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from tests.render.synthetic import synthetic_chronology
from timeline.models import Chronology
from timeline.render import (
    audit_csv,
    chronology_csv,
    chronology_json,
    render_html,
    timelinejs_json,
)

SIZES = (50, 500)
#: Targets: ours may cost at most this many times the peer (it does much more per event).
TARGET_RENDER_RATIO = 2.0
TARGET_BROWSER_RATIO = 1.5
TARGET_RENDER_500_S = 2.0


def _median_seconds(function, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peer_figure(chronology: Chronology):
    """The plotly-express Gantt of the same events, as most people would write it."""
    import pandas as pd
    import plotly.express as px

    names = {s.id: s.outlet or s.id for s in chronology.sources}
    rows = [
        {
            "Event": f"{e.id} {e.label[:50]}",
            "Start": datetime.fromisoformat(e.start),
            "Finish": datetime.fromisoformat(e.end),
            "First reporter": names.get(e.first_reported_by or "", "unknown"),
            "Label": e.label,
            "Quote": e.claims[0].text if e.claims else "",
        }
        for e in chronology.events
        if e.start and e.end
    ]
    frame = pd.DataFrame(rows)
    fig = px.timeline(
        frame,
        x_start="Start",
        x_end="Finish",
        y="Event",
        color="First reporter",
        hover_data=["Label", "Quote"],
    )
    fig.update_yaxes(autorange="reversed")
    fig.update_layout(height=max(400, 22 * len(rows) + 150))
    return fig


def peer_page(chronology: Chronology) -> str:
    """The peer's self-contained page: ``fig.to_html(include_plotlyjs=True)``."""
    return peer_figure(chronology).to_html(include_plotlyjs=True, full_html=True)


_DRAW_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
<div id="chart" style="width:1300px"></div>
<script type="application/json" id="figures">%s</script>
<script>%s</script>
<script>
window.drawTimes = function (repeats) {
  var figures = JSON.parse(document.getElementById('figures').textContent);
  var chart = document.getElementById('chart');
  var times = {ours: [], peer: []};
  var order = [];
  for (var i = 0; i < repeats; i++) { order.push('ours', 'peer'); }
  function next(k) {
    if (k >= order.length) { return Promise.resolve(times); }
    var name = order[k];
    var figure = JSON.parse(JSON.stringify(figures[name]));
    Plotly.purge(chart);
    var start = performance.now();
    return Plotly.newPlot(chart, figure.data, figure.layout).then(function () {
      times[name].push(performance.now() - start);
      return next(k + 1);
    });
  }
  return next(0);
};
</script></body></html>"""


def _browser_times(chronology: Chronology, repeats: int) -> dict[str, Any] | None:
    """Chart draw time in headless chromium: ``Plotly.newPlot`` of our figure and of the peer's
    in one page, interleaved, so plotly.js parsing (the same 4.8 MB for both, and the noisiest
    part on a shared machine) is left out. Medians in ms; None when chromium is absent."""
    try:
        from tests.render.browser import find_browser, make_driver
    except ImportError:
        return None
    if None in find_browser():
        return None
    from plotly.offline import get_plotlyjs

    from timeline.render.figure import build_figure
    from timeline.render.html import script_json

    ours = build_figure(chronology)
    peer = json.loads(peer_figure(chronology).to_json())
    html = _DRAW_PAGE % (script_json({"ours": ours, "peer": peer}), get_plotlyjs())
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "draw.html"
        page.write_text(html, encoding="utf-8")
        try:
            driver = make_driver(Path(tmp) / "profile")
        except Exception:
            return None
        try:
            driver.set_script_timeout(300)
            driver.get(page.as_uri())
            times = driver.execute_async_script(
                "var done = arguments[arguments.length - 1];"
                "window.drawTimes(arguments[0]).then(done);",
                repeats,
            )
        finally:
            driver.quit()
    # The minimum is the least disturbed run (a shared 2-core machine adds only delays).
    best = {name: min(samples) for name, samples in times.items()}
    medians = {name: statistics.median(samples) for name, samples in times.items()}
    return {
        "draw_ms": {k: round(v, 1) for k, v in best.items()},
        "draw_median_ms": {k: round(v, 1) for k, v in medians.items()},
        "draw_ratio": round(best["ours"] / best["peer"], 3),
    }


def run(quick: bool = False) -> dict[str, Any]:
    """Measure render speed and sizes for ours and the plotly-express peer."""
    repeats = 3 if quick else 7
    sizes: dict[str, Any] = {}
    for n in SIZES:
        chronology = synthetic_chronology(n, 10)
        render_html(chronology)  # warm: plotly.js read once, like a long-running service
        peer_page(chronology)
        ours = _median_seconds(lambda c=chronology: render_html(c), repeats)
        peer = _median_seconds(lambda c=chronology: peer_page(c), repeats)
        page, peer_html = render_html(chronology), peer_page(chronology)
        writers = {
            name: _median_seconds(lambda f=f, c=chronology: f(c), repeats)
            for name, f in (
                ("chronology_csv", chronology_csv),
                ("audit_csv", audit_csv),
                ("chronology_json", chronology_json),
                ("timelinejs_json", timelinejs_json),
            )
        }
        entry: dict[str, Any] = {
            "events": n,
            "claims": sum(len(e.claims) for e in chronology.events),
            "render_html_s": round(ours, 4),
            "peer_px_timeline_s": round(peer, 4),
            "render_ratio": round(ours / peer, 3),
            "page_bytes": len(page.encode()),
            "peer_page_bytes": len(peer_html.encode()),
            "writers_s": {k: round(v, 4) for k, v in writers.items()},
        }
        browser = _browser_times(chronology, 3 if quick else 9)
        if browser:
            entry.update(browser)
        sizes[str(n)] = entry
    return {"sizes": sizes, "repeats": repeats}


def summary(result: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    big = result["sizes"].get("500")
    if big:
        rows.append(
            {
                "name": "render_html, 500 events (s)",
                "value": big["render_html_s"],
                "target": f"< {TARGET_RENDER_500_S}",
                "pass": big["render_html_s"] < TARGET_RENDER_500_S,
            }
        )
        rows.append(
            {
                "name": "render_html / px.timeline+to_html, 500 events",
                "value": big["render_ratio"],
                "target": f"<= {TARGET_RENDER_RATIO}",
                "pass": big["render_ratio"] <= TARGET_RENDER_RATIO,
            }
        )
        if "draw_ratio" in big:
            rows.append(
                {
                    "name": "Plotly.newPlot in chromium, ours / peer, 500 events",
                    "value": big["draw_ratio"],
                    "target": f"<= {TARGET_BROWSER_RATIO}",
                    "pass": big["draw_ratio"] <= TARGET_BROWSER_RATIO,
                }
            )
    return rows


def markdown(result: dict[str, Any]) -> str:
    lines = [
        "# Render benchmark",
        "",
        "Ours: `render_html` (plotly.js inlined, escaped tables of events, quotes and sources,",
        "CSP). Peer: `plotly.express.timeline(...).to_html(include_plotlyjs=True)` on the same",
        "events. Same process, same synthetic chronologies; Python times are medians, draw times",
        "(`Plotly.newPlot` in headless chromium, both figures interleaved in one page) minima.",
        "",
        "| events | claims | ours (s) | peer (s) | ratio | page (KB) | peer page (KB) "
        "| draw ours (ms, min) | draw peer (ms, min) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for entry in result["sizes"].values():
        browser = entry.get("draw_ms", {})
        lines.append(
            f"| {entry['events']} | {entry['claims']} | {entry['render_html_s']} "
            f"| {entry['peer_px_timeline_s']} | {entry['render_ratio']} "
            f"| {entry['page_bytes'] / 1024:.0f} | {entry['peer_page_bytes'] / 1024:.0f} "
            f"| {browser.get('ours', '-')} | {browser.get('peer', '-')} |"
        )
    lines += ["", "Writers (s):", "", "| events | " + " | ".join(_writer_names(result)) + " |"]
    lines.append("|---:|" + "---:|" * len(_writer_names(result)))
    for entry in result["sizes"].values():
        lines.append(
            f"| {entry['events']} | "
            + " | ".join(str(entry["writers_s"][k]) for k in _writer_names(result))
            + " |"
        )
    return "\n".join(lines) + "\n"


def _writer_names(result: dict[str, Any]) -> list[str]:
    first = next(iter(result["sizes"].values()), {"writers_s": {}})
    return list(first["writers_s"])
