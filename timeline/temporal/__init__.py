"""Temporal engine: recognize time expressions and normalize them to TIMEX3 and intervals."""

from __future__ import annotations

from datetime import date, datetime

from timeline.dates import parse_published
from timeline.models import Mention
from timeline.temporal.engine import annotate


def resolve(text: str, published: date | datetime | str | None = None) -> list[Mention]:
    """Find the time expressions in ``text``, anchored on its publication date.

    >>> [m.value for m in resolve("The talks ended on Monday.", published="2013-04-23")]
    ['2013-04-22']
    """
    return annotate(text, parse_published(published))


__all__ = ["resolve"]
