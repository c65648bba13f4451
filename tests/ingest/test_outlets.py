"""Outlets: named by the article's own masthead, site furniture, dateline, copyright or page
metadata, and never invented."""

from __future__ import annotations

import pytest

from timeline.ingest import load
from timeline.ingest.readers import document_from_record, make_document

STORY = (
    "The old bridge reopened on Wednesday after repairs that lasted two years, the council said "
    "in a statement, and buses will use it again from next month."
)


def outlet(text: str) -> str | None:
    return make_document(text, source_id="x", path="x.txt").source.outlet


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A masthead line in the head.
        (f"Riverton Gazette\n\nBridge reopens after repairs\n\n{STORY}\n", "Riverton Gazette"),
        # "PLACE - Agency" in the head names the agency, not the place.
        (f"Bridge reopens\n\nMOSCOW - Agence France-Presse\n\n{STORY}\n", "Agence France-Presse"),
        # The site's domain (glued by lost markup) and its name spelled out elsewhere.
        (
            f"Metro Ledger Appwww.metroledger.comFREE - In Google Play\n\nBridge reopens\n\n{STORY}"
            "\n\nSign up for the Metro Ledger newsletter\n",
            "Metro Ledger",
        ),
        # A wire dateline: the usual abbreviations spelled out, other agencies as written.
        (f"Bridge reopens\n\nMIAMI (AP) -- {STORY}\n", "Associated Press"),
        (f"Bridge reopens\n\nBRUSSELS, February 10 (Xinhua) -- {STORY}\n", "Xinhua"),
        # The copyright holder, without its legal form.
        (
            f"Bridge reopens\n\n{STORY}\n\n© 2021 Gazette Media Group, Inc. All rights reserved.\n",
            "Gazette Media Group",
        ),
    ],
)
def test_outlet_named_by_the_text(text, expected):
    assert outlet(text) == expected


def test_no_outlet_is_invented():
    # A byline, a photo credit naming an agency, and a domain nobody spells out: no outlet.
    text = (
        f"Bridge reopens\n\nBy Staff writer / April 29, 2013\n\n{STORY}\n\n"
        "Carolyn Kaster/AP/File\n\nMore at www.example-news.com\n"
    )
    assert outlet(text) is None


def test_the_site_beats_the_wire_copyright_it_reprints():
    text = (
        f"Bridge reopens\n\n{STORY}\n\n© Copyright 2022 The Associated Press. All rights "
        "reserved.\n\nVisit www.newsdaily.com\n\nJoin the NewsDaily community\n"
    )
    assert outlet(text) == "NewsDaily"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (
            '<script type="application/ld+json">{"@type": "NewsArticle", "publisher": '
            '{"@type": "Organization", "name": "The Daily Planet"}}</script>',
            "The Daily Planet",
        ),
        (
            '<script type="application/ld+json">{"@graph": [{"@type": "WebSite"}, '
            '{"@type": "NewsArticle", "publisher": {"name": "Graph News"}}]}</script>',
            "Graph News",
        ),
        ('<meta name="publisher" content="Harbour Times">', "Harbour Times"),
        ('<meta property="og:site_name" content="Metro Gazette">', "Metro Gazette"),
        ("", None),
    ],
)
def test_html_page_metadata_names_the_outlet(head, expected):
    html = (
        f"<html><head>{head}</head><body><article>{f'<p>{STORY}</p>' * 3}</article></body></html>"
    )
    doc = document_from_record({"html": html}, source_id="p", path="p.html")
    assert doc.source.outlet == expected


def test_seed_outlets(seeds_dir):
    outlets = {d.source.id[:3]: d.source.outlet for d in load([seeds_dir]).documents}
    assert outlets["000"] == "Agence France-Presse"  # "MOSCOW - Agence France-Presse"
    assert outlets["001"] == "Newsmax"  # its domain and name in the furniture, not the AP line
    # The others never say who published them: no outlet rather than a guess.
    assert outlets["002"] is None and outlets["003"] is None and outlets["004"] is None
