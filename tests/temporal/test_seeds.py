"""The seed articles, read where they are: key expressions get the values a careful reader gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.temporal import resolve

# (seed file prefix, publication date, phrase as it appears, expected value of the mention there)
EXPECTED = [
    ("001", "2013-04-23", "last week", "2013-W16"),
    ("001", "2013-04-23", "four years ago", "2009"),
    ("001", "2013-04-23", "the 1990s", "199"),
    ("001", "2013-04-23", "a decade later", "200"),
    ("001", "2013-04-23", "three years later", "2002"),
    ("001", "2013-04-23", "14 years", "P14Y"),
    ("001", "2013-04-23", "six months", "P6M"),
    ("001", "2013-04-23", "last year", "2012"),
    ("001", "2013-04-23", "9/11", "2001-09-11"),
    ("001", "2013-04-23", "the last decade and a half", "P15Y"),
    ("001", "2013-04-23", "Tuesday, 23 April 2013 06:39 AM EDT", "2013-04-23T06:39"),
    ("000", "2013-04-21", "Friday evening, April 19", "2013-04-19TEV"),
    ("000", "2013-04-21", "April 16", "2013-04-16"),
    ("000", "2013-04-21", "February 2014", "2014-02"),
    ("000", "2013-04-21", "August", "2013-08"),
    ("000", "2013-04-21", "since 2010", "2010"),
    ("002", "2013-04-30", "last fall", "2012-FA"),
    ("002", "2013-04-30", "December", "2012-12"),
    ("002", "2013-04-30", "Sunday", "2013-04-28"),
    ("002", "2013-04-30", "30-04-2013, 14:54", "2013-04-30T14:54"),
    ("003", "2013-04-30", "the past few days", "PXD"),
    ("003", "2013-04-30", "Over the weekend", "2013-W17-WE"),
    ("003", "2013-04-30", "inRussiain 2012", "2012"),
    ("003", "2013-04-30", "on Monday", "2013-04-29"),
    ("004", "2013-04-29", "June 2012", "2012-06"),
    ("004", "2013-04-29", "April 29, 2013", "2013-04-29"),
]
NOT_TIMES = [("001", "129 hostages"), ("001", "330 people"), ("001", "100,000 people")]


def _seed(seeds_dir: Path, prefix: str) -> str:
    (path,) = sorted(seeds_dir.glob(f"{prefix}_*.txt"))
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize(("prefix", "published", "phrase", "value"), EXPECTED)
def test_seed_expression(
    seeds_dir: Path, prefix: str, published: str, phrase: str, value: str
) -> None:
    text = _seed(seeds_dir, prefix)
    at = text.find(phrase)
    assert at >= 0, f"{phrase!r} is not in seed {prefix}"
    mentions = resolve(text, published)
    covering = [m for m in mentions if m.start_char < at + len(phrase) and m.end_char > at]
    assert covering, f"nothing found at {phrase!r}"
    assert covering[0].value == value, f"{phrase!r}: {covering[0]}"


@pytest.mark.parametrize(("prefix", "phrase"), NOT_TIMES)
def test_seed_counts_are_not_times(seeds_dir: Path, prefix: str, phrase: str) -> None:
    text = _seed(seeds_dir, prefix)
    at = text.find(phrase)
    assert at >= 0
    mentions = resolve(text, "2013-04-23")
    assert not [m for m in mentions if m.start_char < at + len(phrase) and m.end_char > at]


def test_every_seed_resolves_with_offsets_into_it(seeds_dir: Path) -> None:
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        mentions = resolve(text, "2013-04-25")
        assert mentions, path.name
        for m in mentions:
            assert text[m.start_char : m.end_char] == m.text
