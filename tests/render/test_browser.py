"""timeline.html in a real headless chromium: loads clean and offline, one bar per event,
hover holds the quote, the table filters and sorts, and hostile articles stay inert."""

from __future__ import annotations

import io
import re

import pandas as pd
import pytest

from tests.conftest import EXAMPLES
from tests.render.synthetic import synthetic_chronology
from timeline.render import render_html, write_all
from timeline.render.figure import build_figure, place_events
from timeline.render.html import chart_views
from timeline.render.view import initial_view

pytestmark = pytest.mark.browser

# Bars drawn in the plot (one path per bar; a range slider would add a miniature copy).
_BARS = "return document.querySelectorAll('#chart .cartesianlayer .barlayer .trace.bars .point').length;"
_DATA_BARS = """
var gd = document.getElementById('chart');
return gd.data.filter(function (t) { return t.type === 'bar'; })
              .reduce(function (n, t) { return n + t.y.length; }, 0);
"""
_INJECTED = """
return {
  pwned: typeof window.__pwned === 'undefined' ? null : String(window.__pwned),
  scripts: document.querySelectorAll('script').length,
  imgs: document.querySelectorAll('img').length,
  handlers: Array.prototype.filter.call(document.querySelectorAll('*'), function (el) {
    return Array.prototype.some.call(el.attributes, function (a) { return /^on/i.test(a.name); });
  }).length,
};
"""


class Pages(dict):
    """Page name -> path of the written page; ``chronologies`` holds what each one shows."""

    chronologies: dict


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> Pages:
    out = tmp_path_factory.mktemp("pages")
    made = {
        "small": synthetic_chronology(40, 6),
        "hostile": synthetic_chronology(30, 6, hostile=True, conflict_rate=0.3),
        "big": synthetic_chronology(500, 12),
    }
    paths = Pages()
    for name, chronology in made.items():
        paths[name] = out / f"{name}.html"
        paths[name].write_text(render_html(chronology), encoding="utf-8")
    paths.chronologies = made
    return paths


def _wait(page, condition, timeout: float = 5) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(page.browser, timeout).until(lambda _: condition())


def _drawable(chronology) -> int:
    return len(place_events(chronology.events)[0])


#: URLs that are no network request of the page: plotly's data:/blob: URLs, and chromium's own
#: pages (a fresh profile may still load its new-tab page while the test page opens).
_NOT_NETWORK = ("data:", "blob:", "chrome:", "chrome-untrusted:", "chrome-search:", "devtools:")


def _assert_offline(page, url: str) -> None:
    """Nothing but the page itself (and data:/blob: URLs plotly makes) was requested."""
    asked = [u for u in page.requests() if not u.startswith(_NOT_NETWORK)]
    assert set(asked) <= {url}, asked


def test_examples_page_loads_clean_offline_one_bar_per_event(page, tmp_path):
    from timeline import build

    chronology = build([EXAMPLES], manifest=EXAMPLES / "manifest.csv")
    written = write_all(chronology, tmp_path)
    page.browser.get_log("performance")
    page.open(written["timeline.html"])
    assert page.errors() == []
    _assert_offline(page, written["timeline.html"].resolve().as_uri())
    n = _drawable(chronology)
    assert n and page.js(_BARS) == n == page.js(_DATA_BARS)
    assert page.js("return document.querySelectorAll('#events tbody tr').length;") == len(
        chronology.events
    )
    for event in chronology.events:
        assert page.js("return !!document.getElementById('row-' + arguments[0]);", event.id)


def test_synthetic_page_one_bar_per_event_and_day_markers(page, pages):
    chronology = pages.chronologies["small"]
    page.open(pages["small"])
    assert page.errors() == []
    assert page.js(_BARS) == _drawable(chronology) == len(chronology.events)
    diamonds = page.js(
        "return document.querySelectorAll('#chart .scatterlayer path.point').length;"
    )
    days = sum(1 for e in chronology.events if e.granularity in ("day", "hour"))
    assert diamonds >= days


def test_hover_shows_label_dates_and_quote(page, pages):
    chronology = pages.chronologies["small"]
    page.open(pages["small"])
    event = next(e for e in chronology.events if e.granularity == "year")
    page.js(
        """
        var gd = document.getElementById('chart');
        for (var c = 0; c < gd.data.length; c++) {
          var t = gd.data[c];
          if (t.type !== 'bar') continue;
          var i = t.y.indexOf(arguments[0]);
          if (i >= 0) { Plotly.Fx.hover(gd, [{curveNumber: c, pointNumber: i}]); break; }
        }
        """,
        event.id,
    )
    box = "var b = document.querySelector('#chart .hoverlayer .hovertext'); return b ? b.textContent : null;"
    _wait(page, lambda: page.js(box))
    text = page.js(box)
    assert text, "no hover label appeared"
    squashed = re.sub(r"\s+", "", text)
    quote = re.sub(r"\s+", "", event.claims[0].text)[:80]
    assert quote in squashed
    assert (
        event.id in text
        and "Aswritten" in squashed
        and event.claims[0].mention.replace(" ", "") in squashed
    )
    assert event.value in text


def test_real_mouse_hover_on_a_bar(page, pages):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    page.open(pages["small"])
    bars = page.browser.find_elements(By.CSS_SELECTOR, "#chart .barlayer .trace.bars .point path")
    widest = max(bars, key=lambda b: b.size["width"])
    page.js("arguments[0].scrollIntoView({block: 'center'});", widest)
    ActionChains(page.browser).move_to_element(widest).perform()
    box = "var b = document.querySelector('#chart .hoverlayer .hovertext'); return b ? b.textContent : '';"
    _wait(page, lambda: page.js(box))
    text = page.js(box)
    assert "Quotes" in text and "“" in text


def test_table_search_conflict_filter_and_sort(page, pages):
    from selenium.webdriver.common.by import By

    chronology = pages.chronologies["small"]
    page.open(pages["small"])
    visible = "return Array.prototype.filter.call(document.querySelectorAll('#events tbody tr'), function (r) { return !r.hidden; }).map(function (r) { return r.id; });"
    assert len(page.js(visible)) == len(chronology.events)

    target = chronology.events[7]
    box = page.browser.find_element(By.ID, "event-search")
    box.send_keys(target.id)
    _wait(page, lambda: len(page.js(visible)) < len(chronology.events))
    shown = page.js(visible)
    assert shown == [f"row-{target.id}"]
    assert "showing 1 of" in page.browser.find_element(By.ID, "event-count").text

    box.clear()
    box.send_keys("Aldery Courier")
    _wait(page, lambda: len(page.js(visible)) > 1)
    shown = page.js(visible)
    expected = [
        f"row-{e.id}"
        for e in chronology.events
        if any(
            s.outlet == "Aldery Courier"
            for s in chronology.sources
            if s.id in {c.source_id for c in e.claims} | {e.first_reported_by}
        )
    ]
    assert shown and set(shown) <= {f"row-{e.id}" for e in chronology.events}
    assert set(expected) <= set(shown)

    box.clear()
    page.js("var b = document.getElementById('event-search'); b.dispatchEvent(new Event('input'));")
    _wait(page, lambda: len(page.js(visible)) == len(chronology.events))
    page.browser.find_element(By.ID, "conflicts-only").click()
    assert page.js(visible) == [f"row-{e.id}" for e in chronology.events if e.conflict]
    page.browser.find_element(By.ID, "conflicts-only").click()

    header = page.browser.find_elements(By.CSS_SELECTOR, "#events thead th button")[4]
    header.click()
    counts = page.js(
        "return Array.prototype.map.call(document.querySelectorAll('#events tbody tr'), "
        "function (r) { return parseFloat(r.cells[4].getAttribute('data-sort')); });"
    )
    assert counts == sorted(counts)
    header.click()
    counts = page.js(
        "return Array.prototype.map.call(document.querySelectorAll('#events tbody tr'), "
        "function (r) { return parseFloat(r.cells[4].getAttribute('data-sort')); });"
    )
    assert counts == sorted(counts, reverse=True)


def test_clicking_a_bar_opens_its_row(page, pages):
    chronology = pages.chronologies["small"]
    page.open(pages["small"])
    target = chronology.events[3].id
    page.js(
        "document.getElementById('chart').emit('plotly_click', {points: [{customdata: arguments[0]}]});",
        target,
    )
    assert page.js(
        "return document.querySelector('#row-' + arguments[0] + ' details').open;", target
    )


def test_hostile_page_stays_inert(page, pages):
    from selenium.common.exceptions import NoAlertPresentException

    chronology = pages.chronologies["hostile"]
    page.browser.get_log("performance")
    page.open(pages["hostile"])
    with pytest.raises(NoAlertPresentException):
        page.browser.switch_to.alert.text  # noqa: B018
    state = page.js(_INJECTED)
    assert state == {"pwned": None, "scripts": 3, "imgs": 0, "handlers": 0}
    assert page.errors() == [], "a blocked injection would show up as a CSP error"
    _assert_offline(page, pages["hostile"].resolve().as_uri())
    # The attack text is displayed as text, in the table and in the hover.
    body = page.js("return document.body.textContent;")
    assert "<script>window.__pwned" in body and "onerror=" in body
    page.js(
        "var gd = document.getElementById('chart');"
        "var c = gd.data.findIndex(function (t) { return t.type === 'bar'; });"
        "Plotly.Fx.hover(gd, [{curveNumber: c, pointNumber: 0}]);"
    )
    # plotly throttles hover drawing: wait for the label rather than read it at once
    _wait(
        page, lambda: page.js("return !!document.querySelector('#chart .hoverlayer .hovertext');")
    )
    hover = page.js("return document.querySelector('#chart .hoverlayer').innerHTML;")
    assert "&lt;script&gt;" in hover or "&lt;img" in hover or "&lt;svg" in hover
    assert page.js(_INJECTED)["pwned"] is None
    assert (
        page.js(
            "return document.querySelectorAll('#chart .hoverlayer a, #chart .hoverlayer img').length;"
        )
        == 0
    )
    assert page.js(_BARS) == _drawable(chronology)


def test_hostile_articles_end_to_end(page, tmp_path):
    """Attack strings in real article files: the built page stays inert, the CSVs are safe."""
    from timeline import build

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "attack.txt").write_text(
        "Plant closes after leak\n\n"
        "On March 3, 2021, <script>window.__pwned='txt'</script> the council voted to close "
        "the plant, officials said.\n\n"
        '=HYPERLINK("http://example.invalid","x") The leak began on Monday, March 1, 2021 '
        "<img src=x onerror=\"window.__pwned='img'\">, residents said.\n\n"
        "@SUM(A1) Inspectors returned on April 12, 2021 </script><!-- to check the valves.\n",
        encoding="utf-8",
    )
    (corpus / "feed.jsonl").write_text(
        '{"text": "+cmd On March 3, 2021 the council voted. <svg onload=\\"window.__pwned=1\\">",'
        ' "published": "2021-03-04", "source": "=Evil Outlet", "title": "<b>t</b>"}\n',
        encoding="utf-8",
    )
    chronology = build([corpus])
    written = write_all(chronology, tmp_path / "out")
    page.open(written["timeline.html"])
    assert page.js(_INJECTED) == {"pwned": None, "scripts": 3, "imgs": 0, "handlers": 0}
    assert page.errors() == []
    assert "window.__pwned" in page.js("return document.body.textContent;"), "shown as text"
    assert "'=HYPERLINK" in written["chronology.csv"].read_text(), "neutralized, not dropped"
    for name in ("chronology.csv", "audit.csv"):
        table = pd.read_csv(
            io.StringIO(written[name].read_text()), dtype=str, keep_default_na=False
        )
        for column in table.columns:
            for value in table[column]:
                assert not value.startswith(("=", "+", "-", "@", "\t", "\r")) or re.fullmatch(
                    r"[+-]?\d+(\.\d+)?", value
                ), (name, column, value)


def test_500_events_render_and_scale(page, pages):
    chronology = pages.chronologies["big"]
    page.open(pages["big"])
    assert page.errors() == []
    assert page.js(_BARS) == 500
    chart_height = "return document.getElementById('chart').getBoundingClientRect().height;"
    shown = len(initial_view(chronology).shown)
    assert 100 < shown < 500 and page.js(chart_height) > shown * 16
    page.js("document.getElementById('reset-zoom').click();")
    _wait(page, lambda: page.js(chart_height) > 500 * 16)
    assert page.js("return document.querySelectorAll('#events tbody tr').length;") == 500
    assert len(chronology.events) == 500
    _assert_drawn_once_with_room_for_labels(page)


_MARGINS = """
    var gd = document.getElementById('chart'), box = gd.getBoundingClientRect();
    var labels = Array.from(gd.querySelectorAll('.ytick text, .legend text'))
      .map(function (t) { return t.getBoundingClientRect(); });
    return {
      asked: gd.layout.margin, used: gd._fullLayout._size,
      left: Math.min.apply(null, labels.map(function (r) { return r.left - box.left; })),
      right: Math.max.apply(null, labels.map(function (r) { return r.right - box.left; })),
      width: box.width,
    };
"""


def _assert_drawn_once_with_room_for_labels(page) -> None:
    """The figure's margins already fit the row labels and the legend: automargin had nothing
    to grow (growing them makes plotly.js draw the whole chart a second time), and no label
    is cut off at either edge."""
    got = page.js(_MARGINS)
    assert {k: got["used"][k] for k in "lrtb"} == {k: got["asked"][k] for k in "lrtb"}, got
    assert got["left"] >= 0 and got["right"] <= got["width"], got


def test_examples_and_hostile_pages_fit_their_margins(page, pages, tmp_path):
    from timeline import build

    written = write_all(build([EXAMPLES], manifest=EXAMPLES / "manifest.csv"), tmp_path)
    for path in (written["timeline.html"], pages["small"], pages["hostile"]):
        page.open(path)
        _assert_drawn_once_with_room_for_labels(page)


def test_zooming_in_fades_the_stand_in_diamonds(page, pages):
    """Diamonds stand in for bars too thin to see; zoomed in, the real bar shows instead."""
    page.open(pages["small"])
    opacities = """
        var gd = document.getElementById('chart'), out = {};
        gd.data.forEach(function (t) {
          if (t.marker && t.marker.symbol === 'diamond')
            t.customdata.forEach(function (id, i) { out[id] = t.marker.opacity[i]; });
        });
        return out;
    """
    before = page.js(opacities)
    day = next(e for e in pages.chronologies["small"].events if e.granularity == "day")
    assert before[day.id] > 0
    page.js("document.querySelector('#row-' + arguments[0] + ' button.zoom').click();", day.id)
    _wait(page, lambda: page.js(opacities)[day.id] == 0)
    hour = [e.id for e in pages.chronologies["small"].events if e.granularity == "hour"]
    after = page.js(opacities)
    assert all(after[i] > 0 for i in hour), "an hour is still too thin to see at this zoom"


def test_builtin_png_download_works_under_the_csp(page, pages):
    """The modebar's 'download as PNG' (plotly's toImage) needs no network and no kaleido."""
    page.open(pages["small"])
    url = page.browser.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "Plotly.toImage(document.getElementById('chart'), {format: 'png', width: 800, height: 600})"
        "  .then(done, function (e) { done('error: ' + e); });"
    )
    assert url.startswith("data:image/png;base64,") and len(url) > 10000
    assert page.errors() == []


_LEGEND_BOXES = """
    var gd = document.getElementById('chart'), box = gd.getBoundingClientRect();
    var legend = gd.querySelector('.legend .bg').getBoundingClientRect();
    var buttons = Array.from(gd.querySelectorAll('.modebar-btn'))
      .map(function (b) { return b.getBoundingClientRect(); })
      .filter(function (r) { return r.width > 0; });
    var hit = buttons.filter(function (r) {
      return r.left < legend.right && r.right > legend.left &&
             r.top < legend.bottom && r.bottom > legend.top;
    }).length;
    return {legend: [legend.left - box.left, legend.right - box.left], width: box.width, hit: hit};
"""


@pytest.mark.parametrize("width", [900, 1099])
def test_on_a_narrow_screen_the_legend_stays_clear_of_the_tool_buttons(page, tmp_path, width):
    """Below 1100 px the legend goes above the chart; it used to set each source beside the
    last and run past the right edge, under the zoom and download buttons."""
    from timeline import build

    written = write_all(build([EXAMPLES], manifest=EXAMPLES / "manifest.csv"), tmp_path)
    size = page.browser.get_window_size()
    page.browser.set_window_size(width, 800)
    try:
        page.open(written["timeline.html"])
        got = page.js(_LEGEND_BOXES)
        # Nor do the tables need a sideways scroll (a disputed event's two dates on one
        # line, unbreakable headers and evidence used to widen them past the screen).
        overflow = page.js(
            "return Array.from(document.querySelectorAll('.table-wrap'))"
            ".map(function (w) { return w.scrollWidth - w.clientWidth; });"
        )
    finally:
        page.browser.set_window_size(size["width"], size["height"])
    assert got["hit"] == 0, got
    assert got["legend"][0] >= 0 and got["legend"][1] <= got["width"], got
    assert overflow and max(overflow) <= 1, overflow


_PLOT_ROOM = """
    var gd = document.getElementById('chart'), box = gd.getBoundingClientRect();
    var labels = Array.from(gd.querySelectorAll('.ytick text'))
      .map(function (t) { return t.getBoundingClientRect().left - box.left; });
    return {plot: gd._fullLayout._size.w, width: box.width, leftmost: Math.min.apply(null, labels)};
"""


@pytest.mark.parametrize("width", [400, 768])
def test_on_a_phone_the_bars_keep_room_beside_the_row_labels(page, tmp_path, width):
    """At 400 px the full row labels took the chart's whole width: the plot was under 30 px
    wide and the labels ran off its left edge. Shorter labels go in there, so the bars keep
    a third of the chart or more and no label is cut; the legend stays clear of the tool
    buttons."""
    from timeline import build

    written = write_all(build([EXAMPLES], manifest=EXAMPLES / "manifest.csv"), tmp_path)
    size = page.browser.get_window_size()
    page.browser.set_window_size(width, 800)
    try:
        page.open(written["timeline.html"])
        room = page.js(_PLOT_ROOM)
        legend = page.js(_LEGEND_BOXES)
    finally:
        page.browser.set_window_size(size["width"], size["height"])
    assert room["plot"] >= room["width"] / 3, room
    assert room["leftmost"] >= 0, room
    assert legend["hit"] == 0, legend
    assert legend["legend"][0] >= 0 and legend["legend"][1] <= legend["width"], legend


_VIEW = """
    var gd = document.getElementById('chart'), fl = gd._fullLayout;
    var note = document.getElementById('view-note');
    return {
      range: fl.xaxis.range.map(String), rows: fl.yaxis.tickvals.slice(), height: fl.height,
      view: gd.getAttribute('data-view'), note: note && !note.hidden ? note.textContent : null,
      pressed: ['news-window', 'reset-zoom'].map(function (id) {
        return document.getElementById(id).getAttribute('aria-pressed');
      }),
    };
"""


def test_the_examples_open_on_the_reporting_period_and_show_all_brings_back_the_rest(
    page, tmp_path
):
    """Background years (2008, 2011) used to squeeze Oct-Nov 2023 into one line of diamonds."""
    from timeline import build

    chronology = build([EXAMPLES], manifest=EXAMPLES / "manifest.csv")
    written = write_all(chronology, tmp_path)
    views = chart_views(chronology, build_figure(chronology))
    page.open(written["timeline.html"])
    assert page.errors() == []
    got = page.js(_VIEW)
    assert [r[:16] for r in got["range"]] == [r[:16] for r in views["news"]["range"]], got
    assert got["rows"] == views["news"]["rows"] and got["view"] == "news"
    assert got["note"].startswith("6 earlier events (2008 –") and got["pressed"] == [
        "true",
        "false",
    ]
    assert got["height"] == views["news"]["height"]

    page.js("document.getElementById('reset-zoom').click();")
    _wait(page, lambda: page.js(_VIEW)["range"][0] < "2008")
    got = page.js(_VIEW)
    assert got["rows"] == views["all"]["rows"] and got["view"] == "all"
    assert got["note"] is None and got["pressed"] == ["false", "true"]
    assert got["range"][1] > "2023-12" and got["height"] == views["all"]["height"]

    page.js("document.getElementById('news-window').click();")
    _wait(page, lambda: page.js(_VIEW)["range"][0] > "2023")
    assert page.js(_VIEW)["rows"] == views["news"]["rows"]

    # Zooming out (double-click) from a zoom inside the reporting period goes back to it,
    # and from there to all dates.
    relayout = "Plotly.relayout(document.getElementById('chart'), arguments[0]);"
    page.js(relayout, {"xaxis.range": ["2023-10-08", "2023-10-12"]})
    _wait(page, lambda: page.js(_VIEW)["range"][0].startswith("2023-10-08"))
    page.js(relayout, {"xaxis.autorange": True})
    _wait(page, lambda: page.js(_VIEW)["range"][0][:16] == views["news"]["range"][0][:16])
    assert page.js(_VIEW)["view"] == "news"
    page.js(relayout, {"xaxis.autorange": True})
    _wait(
        page,
        lambda: page.js(_VIEW)["view"] == "all" and page.js(_VIEW)["rows"] == views["all"]["rows"],
    )

    # The table's "chart" button for a background event brings its row back.
    page.js("document.getElementById('news-window').click();")
    _wait(page, lambda: page.js(_VIEW)["view"] == "news")
    page.js("document.querySelector('#row-E0001 button.zoom').click();")
    _wait(page, lambda: "E0001" in page.js(_VIEW)["rows"])
    got = page.js(_VIEW)
    assert got["range"][0] < "2008" < "2009" < got["range"][1] and got["view"] == "all", got
    assert page.errors() == []


_CARD = """
    var g = document.querySelector('#chart .hoverlayer g.hovertext');
    if (!g) return null;
    var r = g.getBoundingClientRect();
    return {top: r.top, bottom: r.bottom, height: r.height, window: window.innerHeight,
            text: g.textContent};
"""

_POINT = """
    var gd = document.getElementById('chart'), fl = gd._fullLayout, id = arguments[0];
    var box = gd.getBoundingClientRect();
    for (var c = 0; c < gd.data.length; c++) {
      var t = gd.data[c];
      if (t.type !== 'bar') continue;
      var i = t.y.indexOf(id);
      if (i < 0) continue;
      var middle = Date.parse(t.base[i].replace(' ', 'T')) + t.x[i] / 2;
      return [box.left + fl.xaxis._offset + fl.xaxis.d2p(middle),
              box.top + fl.yaxis._offset + fl.yaxis.d2p(id)];
    }
"""


def test_a_tall_hover_card_near_the_top_of_the_window_stays_in_it(page, tmp_path):
    """The card of the leak's start (three long quotes and a dispute, ~450 px) on a row near
    the top of the scrolled page ran past the top of the screen."""
    from selenium.webdriver.common.actions.action_builder import ActionBuilder

    from timeline import build

    chronology = build([EXAMPLES], manifest=EXAMPLES / "manifest.csv")
    event = max(chronology.events, key=lambda e: len(e.claims) + 3 * e.conflict)
    written = write_all(chronology, tmp_path)
    page.open(written["timeline.html"])
    assert event.id in page.js(_VIEW)["rows"]
    page.js(
        "var gd = document.getElementById('chart');"
        "var k = gd._fullLayout.yaxis.tickvals.indexOf(arguments[0]);"
        "var tick = gd.querySelectorAll('.ytick')[k].getBoundingClientRect();"
        "window.scrollBy(0, tick.top - 100);",
        event.id,
    )
    x, y = page.js(_POINT, event.id)
    assert 60 < y < 140
    mouse = ActionBuilder(page.browser)
    mouse.pointer_action.move_to_location(int(x), int(y))
    mouse.perform()
    _wait(page, lambda: page.js(_CARD))
    card = page.js(_CARD)
    assert event.id in card["text"] and card["height"] > 300, card
    assert card["top"] >= 0 and card["bottom"] <= card["window"], card
