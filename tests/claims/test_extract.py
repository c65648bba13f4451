"""extract_claims: exact offsets, body and captions, dropped non-events, merged mentions."""

from __future__ import annotations

from tests.claims.helpers import document, mention
from timeline.claims import extract_claims

TEXT = (
    "Wire Service\n"
    "\n"
    "MILLTOWN, May 3, 2021 (WS) — Workers walked out on Monday after talks failed, union leaders said.\n"
    "\n"
    "The mill opened in 1998. He has worked there for 14 years, said Ana Ruiz, a 42-year-old welder.\n"
    "\n"
    "Strikers marched past the gate on Friday evening, May 7, police said.\n"
    "\n"
    "A picket line at the gate on May 8. Photo/WS\n"
    "\n"
    "© 2021 Wire Service"
)


def _mentions():
    return [
        mention(TEXT, "May 3, 2021", "2021-05-03", anchor="absolute"),
        mention(TEXT, "Monday", "2021-05-03"),
        mention(TEXT, "1998", "1998", anchor="absolute"),
        mention(TEXT, "14 years", "P14Y", type="DURATION", anchor="absolute"),
        mention(TEXT, "42", "2042", anchor="absolute"),
        mention(TEXT, "Friday evening", "2021-05-07TEV", type="TIME"),
        mention(TEXT, "May 7", "2021-05-07"),
        mention(TEXT, "May 8", "2021-05-08"),
        mention(TEXT, "2021", "2021", occurrence=1, anchor="absolute"),
    ]


def _doc():
    caption_start = TEXT.index("A picket line")
    caption_end = TEXT.index("Photo/WS") + len("Photo/WS")
    body_end = TEXT.index("\n\nA picket line")
    return document(
        TEXT,
        published="2021-05-03",
        body=[(TEXT.index("MILLTOWN"), body_end)],
        captions=[(caption_start, caption_end)],
    )


def test_offsets_point_at_the_original_characters():
    claims = extract_claims(_doc(), _mentions())
    assert claims
    for claim in claims:
        assert TEXT[claim.start_char : claim.end_char] == claim.text
        assert TEXT[claim.mention_start : claim.mention_end] == claim.mention
        assert claim.start_char <= claim.mention_start < claim.mention_end <= claim.end_char


def test_dateline_duration_age_and_copyright_are_not_claims():
    mentions = {c.mention for c in extract_claims(_doc(), _mentions())}
    assert mentions == {"Monday", "1998", "Friday evening, May 7", "May 8"}


def test_adjacent_mentions_merge_and_keep_the_finer_value():
    (claim,) = [c for c in extract_claims(_doc(), _mentions()) if "Friday" in c.mention]
    assert claim.value == "2021-05-07TEV"
    assert claim.granularity == "part_of_day"
    assert claim.attribution == "police said"


def test_captions_are_claims_of_lower_weight():
    claims = {c.mention: c for c in extract_claims(_doc(), _mentions())}
    assert claims["May 8"].caption is True
    assert claims["May 8"].weight < 1.0
    assert claims["Monday"].caption is False
    assert claims["Monday"].weight == 1.0


def test_attribution_travels_with_the_claim():
    claims = {c.mention: c for c in extract_claims(_doc(), _mentions())}
    assert claims["Monday"].attribution == "union leaders said"
    assert claims["1998"].attribution is None


def test_mentions_outside_body_and_captions_are_ignored():
    doc = document(TEXT, body=[(0, 10)], captions=[])
    assert extract_claims(doc, _mentions()) == []


def test_empty_body_means_the_whole_text():
    doc = document("The plant opened in 1998.", body=[])
    (claim,) = extract_claims(doc, [mention(doc.text, "1998", "1998", anchor="absolute")])
    assert claim.text == "The plant opened in 1998."
    assert claim.source_id == "doc"
