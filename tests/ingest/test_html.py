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
