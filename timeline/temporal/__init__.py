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
    reference = parse_published(published)
    if reference is not None and reference.tzinfo is not None:
        # Relative dates live on the article's own calendar: "Monday" in a story stamped
        # 09:30-04:00 is the local Monday, so keep the wall-clock time and drop the zone.
        reference = reference.replace(tzinfo=None)
    return annotate(text, reference)


__all__ = ["resolve"]
