"""timeline.html without a browser: self-contained, escaped, CSP that matches its scripts."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections import Counter
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.render.synthetic import HOSTILE, synthetic_chronology
from timeline.models import Chronology
from timeline.render import render_html
from timeline.render.html import script_json, summary_counts

_SCRIPT = re.compile(r"<script([^>]*)>(.*?)</script>", re.S)


def _scripts(page: str) -> list[tuple[str, str]]:
    return _SCRIPT.findall(page)


def test_every_event_id_and_summary_are_in_the_page(small):
    page = render_html(small)
    for event in small.events:
        assert f"id='row-{event.id}'" in page
    counts = summary_counts(small)
    summary = re.search(r'<p class="summary" id="summary">(.*?)</p>', page, re.S)[1]
    text = re.sub(r"<[^>]+>", "", summary)
    assert f"{counts['sources']} sources" in text
    assert f"{counts['events']} events" in text
    assert f"{counts['conflicts']} conflict" in text
    assert counts["inferred"] and f"{counts['inferred']} publication date" in text
    assert counts["unknown"] and f"{counts['unknown']} unknown" in text


def test_page_is_self_contained():
    page = render_html(synthetic_chronology(12, 4))
    # plotly.js is inlined: no script, stylesheet, font, image or frame is loaded from anywhere
    assert not re.search(r"<script[^>]+src=", page)
    assert not re.search(r"<(link|img|iframe|object|embed|audio|video|source)\b", page, re.I)
    css = re.search(r"<style>(.*?)</style>", page, re.S)[1]
    assert "@import" not in css and "url(" not in css and "@font-face" not in css
    assert "MathJax.Hub" not in page.split("<script>")[0]
    scripts = _scripts(page)
    assert len(scripts) == 3, "figure data, plotly.js, page.js"
    assert 'type="application/json"' in scripts[0][0]
    assert "plotly.js" in scripts[1][1][:300]


def test_csp_allows_exactly_the_shipped_scripts(small):
    page = render_html(small)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)[1]
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";") if d.strip())
    assert directives["default-src"] == "'none'"
    assert directives["connect-src"] == "'none'"
    assert "unsafe-inline" not in directives["script-src"]
    assert "unsafe-eval" not in directives["script-src"]
    executable = [body for attrs, body in _scripts(page) if "application/json" not in attrs]
    hashes = {
        "'sha256-" + base64.b64encode(hashlib.sha256(b.encode()).digest()).decode() + "'"
        for b in executable
    }
    assert set(directives["script-src"].split()) == hashes


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: Counter[str] = Counter()
        self.handlers: list[tuple[str, str]] = []
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags[tag] += 1
        self.handlers += [(tag, name) for name, _ in attrs if name.startswith("on")]
        self.hrefs += [value or "" for name, value in attrs if name in ("href", "src")]


def _tags(page: str) -> _Tags:
    parser = _Tags()
    parser.feed(page)
    return parser


def test_hostile_text_is_escaped_everywhere(hostile):
    page = render_html(hostile)
    clean = render_html(synthetic_chronology(30, 6, conflict_rate=0.3))
    # The hostile text is shown (escaped), not dropped ...
    assert "&lt;script&gt;window.__pwned" in page
    assert "&lt;img src=x onerror=" in page
    # ... and the parsed page holds the same elements as a clean one: nothing injected.
    found, expected = _tags(page), _tags(clean)
    assert not found.handlers, found.handlers
    assert found.tags["script"] == 3
    for tag in ("img", "svg", "iframe", "object", "embed", "base", "meta", "form", "a"):
        assert found.tags[tag] == expected.tags[tag], tag
    assert all(not h.lower().startswith("javascript:") for h in found.hrefs)
    # The data block cannot be closed early and parses back to the same strings.
    data_attrs, data = _scripts(page)[0]
    assert "application/json" in data_attrs
    assert "</" not in data and "<!--" not in data and "\u2028" not in data
    figure = json.loads(data)
    hover = " ".join(figure["hover"].values())
    assert set(figure["hover"]) == {e.id for e in hostile.events}
    assert "&lt;script&gt;window.__pwned" in hover
    assert "<script>" not in hover


def test_unsafe_source_urls_are_not_links():
    chronology = synthetic_chronology(5, 3)
    chronology.sources[0].url = "javascript:alert(1)"
    chronology.sources[1].url = "https://news.example.invalid/a?b=1&c=2"
    page = render_html(chronology)
    assert "href='javascript:" not in page
    assert "href='https://news.example.invalid/a?b=1&amp;c=2'" in page


def test_empty_chronology_renders():
    page = render_html(Chronology())
    assert "No dated events" in page and "<table" not in page.split("id='sources'")[0][-10:]


@settings(max_examples=60, deadline=None)
@given(
    st.recursive(
        st.text(),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
        max_leaves=12,
    )
)
def test_script_json_round_trips_and_never_closes_its_tag(value):
    text = script_json(value)
    assert json.loads(text) == value
    lowered = text.lower()
    assert "</script" not in lowered and "<!--" not in text and "<" not in text
    assert "\u2028" not in text and "\u2029" not in text


def test_hostile_strings_cover_the_known_attacks():
    joined = " ".join(HOSTILE)
    for needle in ("</script>", "<!--", "onerror", "=HYPERLINK", "\u2028", "@cmd", "\t"):
        assert needle in joined


def test_the_when_cell_names_the_timex_value_as_such(small):
    """A bare "decade · 199" read as a number cut short; the value is labelled TIMEX3."""
    page = render_html(small)
    event = small.events[0]
    cell = re.search(rf"<tr id='row-{event.id}'.*?<td class='when'[^>]*>(.*?)</td>", page, re.S)[1]
    assert f"TIMEX3 <code title='the TIMEX3 value of the date'>{event.value}</code>" in cell


def test_the_when_cell_names_the_weekday_of_a_day(small):
    """Articles say "Monday": the table says which day that was, for each disputed date too."""
    from datetime import date

    page = render_html(small)

    def cell(event):
        found = re.search(
            rf"<tr id='row-{event.id}'.*?<td class='when'[^>]*>(.*?)<br><small>", page, re.S
        )
        return found[1]

    day = next(e for e in small.events if e.granularity == "day" and not e.conflict)
    weekday = date.fromisoformat(day.start).strftime("%a")
    assert cell(day).startswith(f"{weekday} {date.fromisoformat(day.start).day} ")
    year = next(e for e in small.events if e.granularity == "year")
    assert cell(year) == year.start[:4]
    disputed = next(e for e in small.events if e.conflict)
    lines = cell(disputed).split("<br>or ")
    assert len(lines) == 2
    for line, competing in zip(lines, disputed.competing, strict=True):
        assert line.startswith(date.fromisoformat(competing.start).strftime("%a "))
