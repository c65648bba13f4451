"""HTML pages as real sites serve them: XHTML declarations, script shells, metadata dates.

Every page here is a small invented snippet shaped like a kind of page found in the wild.
"""

from __future__ import annotations

import pytest

from timeline.errors import InputError
from timeline.ingest.html import read_html

STORY = (
    "<p>The harbour board voted on Tuesday to rebuild the north pier after the winter storms "
    "damaged its oldest section, the chair told reporters.</p>"
    "<p>Work is expected to start in the spring and to last about eighteen months, according "
    "to the plan the board approved.</p>"
)


def _page(head: str = "", body: str = STORY, prolog: str = "<!DOCTYPE html>") -> str:
    return f"{prolog}<html><head><title>Pier to be rebuilt</title>{head}</head><body><article>{body}</article></body></html>"


def test_xhtml_with_an_xml_declaration_is_read():
    page = _page(
        '<meta name="date" content="2012-05-08">',
        prolog='<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html PUBLIC '
        '"-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">',
    )
    article = read_html(page)
    assert "north pier" in article.text
    assert article.published is not None and article.published.iso() == "2012-05-08"


@pytest.mark.parametrize(
    "notice",
    [
        "We're sorry but this site doesn't work properly without JavaScript enabled. "
        "Please enable it to continue.",
        "You need to enable JavaScript to run this app.",
    ],
)
def test_a_script_shell_is_refused_with_one_reason(notice):
    shell = _page(body=f"<noscript><strong>{notice}</strong></noscript><div id=app></div>")
    with pytest.raises(InputError, match="needs JavaScript"):
        read_html(shell)


def test_a_story_that_mentions_javascript_is_kept():
    body = STORY + "<p>Readers can enable JavaScript to see the pier's live camera.</p>"
    assert "live camera" in read_html(_page(body=body)).text


UTC_STAMP = '<meta property="article:published_time" content="2021-03-10T02:40:15+00:00">'


@pytest.mark.parametrize(
    ("local", "expected"),
    [
        # a zone-less local time of the same instant (seconds and all): its offset is implied
        ('<meta name="sailthru.date" content="2021-03-09 18:40:15">', "2021-03-09T18:40:15-08:00"),
        (
            '<script type="application/ld+json">{"@type": "NewsArticle", '
            '"datePublished": "2021-03-09T21:40:15-05:00"}</script>',
            "2021-03-09T21:40:15-05:00",
        ),
        # not the same instant (other seconds): the UTC stamp stands
        ('<meta name="sailthru.date" content="2021-03-09 18:12:00">', "2021-03-10T02:40:15+00:00"),
    ],
)
def test_a_utc_stamp_gives_way_to_the_same_instant_in_local_time(local, expected):
    article = read_html(_page(UTC_STAMP + local))
    assert article.published.iso() == expected
    assert "article:published_time" in article.published_evidence


@pytest.mark.parametrize(
    ("stamp", "url", "expected"),
    [
        (UTC_STAMP, "https://harbour.example/2021/03/09/pier-vote/", "2021-03-09"),
        (UTC_STAMP, "https://harbour.example/news/20210309/pier-vote", "2021-03-09"),
        # 10:05 UTC is the 10th everywhere from UTC-10 on: the URL's day is an earlier draft
        (
            '<meta property="article:published_time" content="2021-03-10T10:05:00Z">',
            "https://harbour.example/2021/03/09/pier-vote/",
            "2021-03-10T10:05:00+00:00",
        ),
        # a stamp with its own zone already says its local day
        (
            '<meta property="article:published_time" content="2021-03-10T02:40:15+01:00">',
            "https://harbour.example/2021/03/09/pier-vote/",
            "2021-03-10T02:40:15+01:00",
        ),
    ],
)
def test_a_utc_stamp_takes_the_local_day_of_the_url(stamp, url, expected):
    article = read_html(_page(stamp + f'<link rel="canonical" href="{url}">'))
    assert article.published.iso() == expected
    if len(expected) == 10:
        assert "is UTC; the URL's date" in article.published_evidence


@pytest.mark.parametrize(
    "elsewhere",
    [
        '<ul class="related-posts"><li><a href="/old">An older story</a> '
        '<time class="published" datetime="2008-02-12 11:15:00">Feb. 12, 2008</time></li></ul>',
        '<nav><a href="/prev">Previous</a> <time pubdate datetime="2015-06-01">June 1</time></nav>',
        '<ol id="comments"><li><p class="comment-meta"><time pubdate datetime="2018-08-30T07:45:12Z">'
        "Aug. 30</time></p><p>Great piece!</p></li></ol>",
    ],
)
def test_time_tags_of_related_posts_menus_and_comments_are_not_the_article_date(elsewhere):
    own = '<p class="byline"><time pubdate datetime="2018-07-03">July 3, 2018</time></p>'
    page = f"<!DOCTYPE html><html><head><title>Pier</title></head><body>{elsewhere}<article>{own}{STORY}</article></body></html>"
    assert read_html(page).published.iso() == "2018-07-03"


def test_a_layout_class_on_the_page_does_not_hide_the_article_date():
    page = (
        '<!DOCTYPE html><html><head><title>Pier</title></head><body class="single has-comments">'
        '<div class="content has-related-posts"><article><time class="published" '
        f'datetime="2018-07-03T09:00:00+02:00">July 3</time>{STORY}</article></div></body></html>'
    )
    assert read_html(page).published.iso() == "2018-07-03T09:00:00+02:00"
