"""Undo words glued together by lost markup ("inRussiain 2012", "theBoston", "April20").

Scraped text loses the spaces that tags used to provide. We insert a space at a lower->Upper
boundary and between letters and digits (keeping "1990s", "19th", "3pm", "FY1989", "Q3" intact),
match on the spaced copy, and map every offset back to the original characters. A weekday or
month glued on both sides is split off too ("saidWednesdaythat", "inMayto").
"""

from __future__ import annotations

import re
from bisect import bisect_right

# Cheap pass for places two words may be glued; _glued() decides: lower->Upper ("theBoston"),
# a lower-case word->digit ("in2012", "April20"), digit->Capitalized word ("2013Newsmax").
_PAIR = re.compile(r"[a-z][A-Z0-9]|[0-9][A-Z]")


def _glued(text: str, i: int) -> bool:
    """Is there a glue point between ``text[i]`` and ``text[i + 1]``?"""
    a, b = text[i], text[i + 1]
    if a.isdigit():  # 2013Newsmax, not 3PM or 4GB
        return text[i + 2 : i + 4].isalpha() and text[i + 2 : i + 4].islower()
    if b.isdigit():  # in2012, not x86 or mp3 ... but "April20" and "in2012" alike
        return i > 0 and text[i - 1].islower()
    return True  # theBoston, inRussia, theFBI


# A weekday or month glued on both sides ("saidWednesdaythat", "sentencedFridayto", "inMayto"):
# the word after it is a short function word or part of the day, so "theMayor", "byMarchand"
# and "Augustine" stay whole.
_NAME_GLUED = re.compile(
    r"(?<=[a-z])(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?<=[a-z])(?:January|February|March|April|"
    r"May|June|July|August|September|October|November|December)"
)
_GLUED_AFTER = re.compile(
    r"(?:that|to|in|on|at|the|as|after|before|when|while|night|morning|afternoon|evening|for|"
    r"with|by|from|of|but|said|he|she|it|they|we|was|were|is|will|would)(?![a-z])"
)


class Glue:
    """A spaced copy of a text and the map from its offsets back to the original."""

    __slots__ = ("inserted", "text")

    def __init__(self, text: str) -> None:
        points = [m.start() + 1 for m in _PAIR.finditer(text) if _glued(text, m.start())]
        if points:
            tails = [
                m.end()
                for m in _NAME_GLUED.finditer(text)
                if _GLUED_AFTER.match(text, m.end())
                and not (m.group() == "August" and text.startswith("in", m.end()))  # Augustin
            ]
            if tails:
                points = sorted(set(points) | set(tails))
        if not points:
            self.text = text
            self.inserted: list[int] = []
            return
        pieces: list[str] = []
        last = 0
        for p in points:
            pieces.append(text[last:p])
            last = p
        pieces.append(text[last:])
        self.text = " ".join(pieces)
        # Position (in the spaced copy) of each inserted space.
        self.inserted = [p + i for i, p in enumerate(points)]

    def original(self, offset: int) -> int:
        """Offset in the original text of ``offset`` in the spaced copy.

        >>> g = Glue("inRussiain2012"); g.text, g.original(12), g.original(16)
        ('in Russiain 2012', 10, 14)
        """
        if not self.inserted:
            return offset
        return offset - bisect_right(self.inserted, offset - 1)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``[start, end)`` of a span of the spaced copy (inserted spaces dropped)."""
        return self.original(start), self.original(end)
