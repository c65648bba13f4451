"""dateparser's ``search_dates`` as a peer: it returns strings and datetimes, we find the offsets."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from bench.peers.base import Peer, find_spans, timex_value
from timeline.temporal.tempeval import Timex

# dateparser's `period` names -> our granularity names.
_GRAINS = {"year": "year", "month": "month", "week": "week", "day": "day", "time": "time"}


class DateparserPeer(Peer):
    """``dateparser.search.search_dates(text, languages=["en"], add_period=True)``.

    Settings: RELATIVE_BASE = the reference date (midnight), PREFER_DATES_FROM = "past" (news
    reports mostly on the past; this is dateparser's best setting here), naive datetimes.

    >>> PEER.name
    'dateparser'
    """

    name = "dateparser"
    distribution = "dateparser"
    setup = (
        "search_dates(text, languages=['en'], add_period=True) with RELATIVE_BASE=DCT and "
        "PREFER_DATES_FROM='past'; offsets found by searching its strings in order; values at "
        "the granularity of its `period`"
    )

    def unavailable(self) -> str | None:
        try:
            import dateparser.search  # noqa: F401
        except ImportError as exc:
            return f"dateparser cannot be imported ({exc})"
        return None

    def call(self, text: str, dct: date) -> Any:
        from dateparser.search import search_dates

        settings = {
            "RELATIVE_BASE": datetime(dct.year, dct.month, dct.day),
            "PREFER_DATES_FROM": "past",
            "RETURN_AS_TIMEZONE_AWARE": False,
        }
        return search_dates(text, languages=["en"], settings=settings, add_period=True) or []

    def convert(self, text: str, dct: date, raw: Any) -> list[Timex]:
        timexes: list[Timex] = []
        spans = find_spans(text, [item[0] for item in raw])
        for item, span in zip(raw, spans, strict=True):
            if span is None:
                continue
            moment, period = item[1], item[2] if len(item) > 2 else "day"
            kind, value = timex_value(moment, _GRAINS.get(period or "day", "day"))
            timexes.append(Timex(span[0], span[1], text[span[0] : span[1]], kind, value))
        return timexes


PEER = DateparserPeer()
