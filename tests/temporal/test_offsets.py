"""Offsets always point at the original characters, whatever the text looks like."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.temporal import resolve

PHRASES = [
    "Monday", "last week", "April 16, 2013", "in 2011", "the 1990s", "three years later",
    "Friday evening", "19-year-old", "six months", "every Tuesday", "10:35 a.m.", "9/11",
    "30-04-2013, 14:54", "the past few days", "yesterday morning", "Q3 2012", "$2,011",
    "129 hostages", "mid-April", "the end of June", "twice a week", "nineteen ninety-six",
]  # fmt: skip
GLUE = [
    "",
    " ",
    "  ",
    "\n",
    "\u00a0",
    ",",
    ".",
    "-",
    "—",
    "’s",
    "(",
    ")",
    "İ",
    "ß",
    "\t",
    "A",
    "x",
    "7",
]


@st.composite
def noisy_text(draw: st.DrawFn) -> str:
    pieces = draw(
        st.lists(
            st.one_of(
                st.sampled_from(PHRASES),
                st.sampled_from(GLUE),
                st.text(max_size=6),
            ),
            max_size=25,
        )
    )
    return "".join(pieces)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(noisy_text(), st.sampled_from([None, "2013-04-23"]))
def test_offsets_slice_the_original_text(text: str, published: str | None) -> None:
    mentions = resolve(text, published)
    end = 0
    for m in mentions:
        assert 0 <= m.start_char < m.end_char <= len(text)
        assert text[m.start_char : m.end_char] == m.text
        assert m.start_char >= end, "mentions overlap or are out of order"
        end = m.end_char
        assert m.text.strip() == m.text, "a mention starts or ends with blank space"


def test_glued_words_keep_original_offsets() -> None:
    text = "during his six-month stay inRussiain 2012, the recentBostonbombing onApril15"
    found = {m.text: m.value for m in resolve(text, "2013-04-30")}
    assert found["2012"] == "2012"
    assert found["April15"] == "2013-04-15"
    for m in resolve(text, "2013-04-30"):
        assert text[m.start_char : m.end_char] == m.text
