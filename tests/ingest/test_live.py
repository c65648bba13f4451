"""Live-updates pages: every entry keeps its timestamp line, in order, under the headline.

The pages are invented, shaped like the live blogs news sites serve (entries in
``<div class="entry">``, ``<section class="post">``, stamps in headings, ``<time>``, spans,
``<aside>``), with a site menu, a related-stories box and a footer that must stay out.
"""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from timeline.ingest.html import read_html
from timeline.ingest.live import prepare_live_entries

ENTRIES = [
    (
        "5:10 p.m.",
        "The council says the water main on Pell Street has been repaired and the road will reopen tonight.",
    ),
    (
        "2:35 p.m.",
        "Crews have found the break under the junction with Dorran Lane, a council engineer says.",
    ),
    (
        "11:05 a.m.",
        "About 400 homes in the Pell Street area have no water. Bottled water is handed out at the library.",
    ),
]
HEADLINE = "Live: water main burst on Pell Street"
INTRO = "We are updating this page through the day. Newest entries first."
MENU = '<div id="site-menu"><a href="/">Lakeside Post</a> | <a href="/sport">Sport</a> | <a href="/weather">Weather</a></div>'
RELATED = (
    '<aside class="related"><h3>More from the Post</h3><ul><li><a href="/2024/01/pipes">'
    "January: council warns of ageing pipes</a></li></ul></aside>"
)
FOOTER = "<footer><p>The Lakeside Post is an independent local site.</p></footer>"
BOILERPLATE = ("Sport", "Weather", "ageing pipes", "independent local site")

STAMPS = {
    "h3": "<h3>{t}</h3>",
    "h4": "<h4>{t}</h4>",
    "time": '<time datetime="2024-03-05">{t}</time>',
    "p>time": '<p><time datetime="2024-03-05">{t}</time></p>',
    "span.timestamp": '<span class="timestamp">{t}</span>',
    "div.timestamp": '<div class="timestamp">{t}</div>',
    "aside>time": '<aside class="entry-aside"><time>{t}</time></aside>',
    "meta bar": '<ul class="entry-meta"><li><time>{t}</time></li><li><a href="/share">Share</a></li></ul>',
}
ENTRY_BLOCKS = {
    "div.entry": '<div class="entry">{x}</div>',
    "section.entry": '<section class="entry">{x}</section>',
    "div.post": '<div class="post">{x}</div>',
    "article.post": '<article class="post">{x}</article>',
    "div.update": '<div class="update">{x}</div>',
    "entry-content": '<div class="live-entry"><div class="entry-content">{x}</div></div>',
}


def _live_page(block: str = "div.entry", stamp: str = "h3", extra: str = "") -> str:
    entries = "".join(
        ENTRY_BLOCKS[block].format(x=STAMPS[stamp].format(t=t) + f"<p>{text}</p>")
        for t, text in ENTRIES
    )
    return (
        "<!DOCTYPE html><html><head><title>Live: water main burst - Lakeside Post</title>"
        '<meta property="article:published_time" content="2024-03-05T11:05:00+00:00"></head>'
        f'<body>{MENU}<main><article class="liveblog"><h1>{HEADLINE}</h1>'
        f'<p class="standfirst">{INTRO}</p>{entries}</article>{extra}{RELATED}</main>{FOOTER}'
        "</body></html>"
    )


def _assert_live_text(text: str) -> None:
    lines = [line.lstrip("- ").strip() for line in text.splitlines()]
    assert lines[0] == HEADLINE
    assert lines[1] == INTRO
    expected = [line for stamp, entry in ENTRIES for line in (stamp, entry)]
    assert lines[2:] == expected, text
    assert not any(word in text for word in BOILERPLATE), text


def test_a_live_page_whose_entries_are_named_entry_keeps_headline_stamps_and_order():
    # Trafilatura took the first class="entry" for the article: the headline and all stamps
    # but the first were lost, and the intro came after the first entry.
    _assert_live_text(read_html(_live_page()).text)


@pytest.mark.parametrize("block", sorted(ENTRY_BLOCKS))
@pytest.mark.parametrize("stamp", sorted(STAMPS))
def test_every_entry_keeps_its_stamp_whatever_holds_it(block, stamp):
    _assert_live_text(read_html(_live_page(block, stamp)).text)


def test_the_page_date_and_title_come_from_the_page_as_served():
    article = read_html(_live_page(stamp="time"))
    assert article.published.iso() == "2024-03-05T11:05:00+00:00"
    assert article.title == HEADLINE


def test_a_date_only_the_entries_time_tags_state_is_still_found():
    # htmldate reads <time datetime>: it is asked about the page as served, not as rewritten.
    page = _live_page(stamp="time").replace(
        '<meta property="article:published_time" content="2024-03-05T11:05:00+00:00">', ""
    )
    article = read_html(page)
    assert article.published.iso() == "2024-03-05"
    assert article.published_evidence == "htmldate: 2024-03-05"


def test_a_latest_updates_box_of_links_stays_out():
    teaser = (
        '<div class="latest"><h3>Latest updates</h3>'
        + "".join(
            f'<div class="latest-item"><span>{t}</span><a href="/live/{n}">Another live story '
            f"headline number {n} goes here</a></div>"
            for n, t in enumerate(("9:40 a.m.", "9:12 a.m.", "8:55 a.m."))
        )
        + "</div>"
    )
    text = read_html(_live_page(extra=teaser)).text
    _assert_live_text(text)
    assert "Another live story" not in text


def test_entries_stamped_with_dates_only_are_not_taken_for_a_live_blog():
    # A list of comments or teasers headed by dates: left as trafilatura reads it.
    tree = lxml_html.fromstring(
        "<html><body><article>"
        + "".join(
            f'<div class="comment"><span>{day}</span><p>{text}</p></div>'
            for day, (_, text) in zip(
                ("03.03.2024", "04.03.2024", "05.03.2024"), ENTRIES, strict=True
            )
        )
        + "</article></body></html>"
    )
    assert prepare_live_entries(tree) is False


def test_an_article_without_entries_is_left_as_it_is():
    page = (
        "<html><body><article><h1>Water main repaired</h1>"
        + "".join(f"<p>{text}</p>" for _, text in ENTRIES)
        + "</article></body></html>"
    )
    assert prepare_live_entries(lxml_html.fromstring(page)) is False
