"""Hand-made claims and sources for the event and audit tests."""

from __future__ import annotations

from tests.claims.helpers import interval
from timeline.models import Claim, Source


def claim(
    source: str,
    sentence: str,
    mention: str,
    value: str,
    *,
    start: str | None = None,
    end: str | None = None,
    granularity: str | None = None,
    weight: float = 1.0,
) -> Claim:
    """A claim on ``sentence`` whose mention is the first occurrence of ``mention``."""
    at = sentence.index(mention)
    s, e, g = interval(value)
    return Claim(
        source_id=source,
        text=sentence,
        mention=mention,
        start_char=0,
        end_char=len(sentence),
        mention_start=at,
        mention_end=at + len(mention),
        value=value,
        start=start or s,
        end=end or e,
        granularity=granularity or g,
        weight=weight,
        caption=weight < 1.0,
    )


def source(id: str, published: str | None, syndicated_from: str | None = None) -> Source:
    return Source(id=id, path=f"{id}.txt", published=published, syndicated_from=syndicated_from)
