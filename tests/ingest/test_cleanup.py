"""Cleanup: each furniture phenomenon on small fixtures, captions, the normalized view, the seeds."""

from __future__ import annotations

import pytest

from timeline.ingest.cleanup import clean, normalize, split_glued, words

STORY = (
    "The county council voted on Tuesday to close the old bridge for repairs, officials said, "
    "after inspectors found cracks in two of its supports last month."
)
MORE = (
    "Drivers will be sent across the river on the northern ring road, which the council said "
    "can carry the extra traffic until the work is done next spring."
)


def kinds(text: str) -> dict[str, str]:
    """Each labelled line (stripped) -> its kind."""
    return {text[s.start : s.end].strip(): s.kind for s in clean(text).segments}


def body_text(text: str) -> str:
    return " ".join(text[s:e] for s, e in clean(text).body)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Skip to: Main content", "nav"),
        ("Skip to next paragraph", "nav"),
        ("Home | News | Sport | Business | Opinion", "nav"),
        ("Get the Daily Bugle app - FREE on Google Play", "promo"),
        ("Bugle TV & Webwww.bugle.example FREE - On the App Store", "promo"),
        ("Tags: bridge | council | roads", "tags"),
        ("Comments (12)", "comments"),
        ("Comments: 0", "comments"),
        ("Read and Post Comments", "comments"),
        ("Sign up for our Morning Briefing newsletter", "newsletter"),
        ("Receive the day's top stories right to your inbox.", "newsletter"),
        ("Become a fan! Follow us! See our feeds!", "social"),
        ("© 2019 Bugle Media Group. All rights reserved.", "copyright"),
        ("(c) Copyright 2022 The Wire Agency. All rights reserved.", "copyright"),
    ],
)
def test_furniture_lines(line, kind):
    text = f"Bridge to close for repairs\n\n{line}\n\n{STORY}\n\n{MORE}\n"
    assert kinds(text)[line] == kind
    assert line not in body_text(text)
    assert STORY in body_text(text)


def test_repeated_title_byline_and_head():
    text = (
        "Skip to: Content\n\nDaily Bugle\n\nBridge to close for repairs\n\n"
        "Bridge to close for repairs\n\nBy Ann Lee / March 3, 2021\n\n"
        f"{STORY}\n\n{MORE}\n"
    )
    labels = kinds(text)
    assert labels["Daily Bugle"] == "masthead"
    assert labels["By Ann Lee / March 3, 2021"] == "byline"
    segments = [s.kind for s in clean(text).segments]
    assert segments.count("title") == 1
    assert segments.count("repeat") == 1
    assert clean(text).title == "Bridge to close for repairs"


def test_related_block_and_trailing_furniture_after_story():
    text = (
        f"Bridge to close for repairs\n\n{STORY}\n\n{MORE}\n\nMost Popular\n"
        "• Five-alarm fire guts bakery\n• Schools announce new bus routes\n\n"
        "Doing Good\n\nA runner raised money for a hospital by crossing the country on foot, "
        "from one coast to the other, in ninety days.\n\nAll Rights Reserved\n"
    )
    body = body_text(text)
    assert STORY in body and MORE in body
    assert "bakery" not in body and "runner" not in body


def test_promo_box_in_the_middle_does_not_cut_the_story():
    paragraphs = [STORY, MORE] + [f"{MORE} Paragraph {n} adds detail." for n in range(4)]
    text = "Bridge to close\n\n" + "\n\n".join(
        [*paragraphs[:2], "Sign up for our newsletter", *paragraphs[2:]]
    )
    body = body_text(text)
    assert "Paragraph 3 adds detail" in body and "newsletter" not in body


def test_caption_above_a_credit_line():
    caption = "The old bridge seen from the river bank in June 2019, before the cracks appeared."
    text = f"Bridge to close\n\n{caption}\n\nJane Roe/AP/File\n\n{STORY}\n\n{MORE}\n"
    cleaned = clean(text)
    assert [text[s:e] for s, e in cleaned.captions] == [caption]
    assert kinds(text)["Jane Roe/AP/File"] == "credit"
    assert caption not in body_text(text)


def test_caption_with_inline_credit():
    caption = "Workers inspect a support of the bridge on Monday, March 1."
    text = f"Bridge to close\n\n{caption} AP photo/Jane Roe\n\n{STORY}\n\n{MORE}\n"
    cleaned = clean(text)
    assert [text[s:e] for s, e in cleaned.captions] == [caption]
    assert any(
        s.kind == "credit" and text[s.start : s.end] == "AP photo/Jane Roe"
        for s in cleaned.segments
    )


def test_dateline_prefix_and_glued_image_slug_are_not_body():
    text = (
        "Bridge to close\n\nRIVERTON, March 3, 2021 (BW) — " + STORY + "\n\n"
        "bridge21n-repair-4" + MORE + "\n"
    )
    cleaned = clean(text)
    body = [text[s:e] for s, e in cleaned.body]
    assert body == [STORY, MORE]
    assert cleaned.byline == "RIVERTON, March 3, 2021 (BW) —"


def test_nothing_is_deleted_spans_point_into_the_text():
    text = "Skip to: Content\n\nTitle line here\n\n" + STORY + "\n\nTags: a | b\n"
    cleaned = clean(text)
    for seg in cleaned.segments:
        assert 0 <= seg.start < seg.end <= len(text)
        assert text[seg.start : seg.end].strip() == text[seg.start : seg.end]


def test_normalized_view_splits_glued_words_with_offsets():
    text = "during his stay inRussiain 2012 atNew YorkUniversity and theBostonbombing"
    view = normalize(text)
    assert (
        view.text
        == "during his stay in Russia in 2012 at New York University and the Boston bombing"
    )
    for word in ("Russia", "University", "Boston", "bombing"):
        i = view.text.index(word)
        start, end = view.original(i, i + len(word))
        assert text[start:end] == word


@pytest.mark.parametrize("name", ["Tsarnaev", "Dzhokhar", "McDonald", "iPhone", "Galeotti", "NATO"])
def test_names_are_not_split(name):
    assert split_glued(name) == [name]


def test_normalized_view_unifies_typography():
    assert normalize("the\u00a0bridge \u201copened\u201d \u2014 it\u2019s done").text == (
        'the bridge "opened" - it\'s done'
    )
    assert words("It\u2019s theBridge") == ["it's", "the", "bridge"]


# --- seeds, read at run time --------------------------------------------------------------------


def _seed(seeds_dir, prefix: str) -> str:
    [path] = sorted(seeds_dir.glob(f"{prefix}_*.txt"))
    return path.read_text(encoding="utf-8")


def test_seed_app_promos_tags_newsletter_are_furniture(seeds_dir):
    text = _seed(seeds_dir, "001")
    body = body_text(text)
    for furniture in ("Google Play", "App Store", "Tags:", "Newsletter", "Community Guidelines"):
        assert furniture in text and furniture not in body
    assert "registered trademarks" not in body and "Copyright 2022" not in body
    # The story's lead appears twice (again after the copyright line): it is body once.
    lead = clean(text).body[0]
    assert body.count(text[lead[0] : lead[1]]) == 1


def test_seed_skip_to_menus_subscription_and_trailing_story_are_furniture(seeds_dir):
    text = _seed(seeds_dir, "004")
    cleaned = clean(text)
    body = body_text(text)
    assert "Skip to" in text and "Skip to" not in body
    assert "Subscribe" not in body and "Follow us" not in body
    assert "Danny Bent" in text and "Danny Bent" not in body  # a promo story after the article
    [caption] = cleaned.captions
    assert "/AP/File" in text[caption[1] : caption[1] + 40]


def test_seed_caption_with_inline_photo_credit(seeds_dir):
    text = _seed(seeds_dir, "000")
    cleaned = clean(text)
    [caption] = [text[s:e] for s, e in cleaned.captions]
    assert "April 19" in caption and "AP photo" not in caption
    assert all("AP photo" not in text[s:e] for s, e in cleaned.body)
    assert sum(s.kind == "repeat" for s in cleaned.segments) >= 2  # the title, repeated


def test_seed_comment_counters_and_glued_slug(seeds_dir):
    assert "Comments: 0" not in body_text(_seed(seeds_dir, "002"))
    text = _seed(seeds_dir, "003")
    first = clean(text).body[0]
    assert text[first[0]].isupper()  # the image file name glued to the first word is set aside
    assert "in Russia in 2012" in normalize(text).text


@pytest.mark.parametrize(
    "link",
    [
        "READ MORE: Council approves new bus routes for the east side",
        "MORE : Ferry timetable changes as the pier closes",
        "Also read: Harbour fees to rise next year",
        "See also: How the old pier was built",
    ],
)
def test_a_link_to_another_story_mid_article_is_not_body_and_does_not_end_it(link):
    text = f"Bridge to close for repairs\n\n{STORY}\n\n{link}\n\n{MORE}\n"
    assert kinds(text)[link] == "link"
    body = body_text(text)
    assert link not in body and STORY in body and MORE in body


def test_dated_links_listed_after_the_story_are_not_body():
    items = [
        "- Schools announce new bus routes for the autumn term - March 18, 2019",
        "- Bakery reopens three months after the fire - March 17, 2019",
    ]
    text = "Bridge to close for repairs\n\n" + "\n".join([STORY, MORE, *items]) + "\n"
    labels = kinds(text)
    assert [labels[item] for item in items] == ["link", "link"]
    assert "Bakery" not in body_text(text)


def test_a_headline_with_its_date_at_the_head_is_not_a_link():
    head = "Council votes to close the bridge - March 3, 2021"
    assert kinds(f"{head}\n\n{STORY}\n\n{MORE}\n")[head] != "link"


@pytest.mark.parametrize(
    "entry",
    [
        "- 4. Lee A, Park J. Harbour sediment and pier decay. J Coast Eng. 2007;212:1410-18.",
        "Tam R. Tidal loads on timber piles. Mar Struct. 2013;31(5):1201-9. [PMID: 31415926]",
        "Ortiz M. Pier repair costs. Eng Rev. doi:10.1000/pier.2019.77 Crossref",
    ],
)
def test_reference_list_entries_are_not_body(entry):
    text = f"Bridge to close for repairs\n\n{STORY}\n\n{MORE}\n\nReferences\n\n{entry}\n"
    assert kinds(text)[entry] == "reference"
    assert entry not in body_text(text)


def test_a_sentence_with_a_year_and_a_semicolon_is_body():
    line = "Repairs began in 2019; 20 workers were on site by the spring, the council said."
    assert kinds(f"Bridge to close for repairs\n\n{STORY}\n\n{line}\n\n{MORE}\n")[line] == "body"
