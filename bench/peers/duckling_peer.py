"""Facebook's Duckling (Haskell) as a peer, through PyPI ``pyduckling-native-phihos``.

That wheel bundles the compiled Haskell library and its rules, so it runs offline. Duckling is
built for assistants: it resolves ambiguous references toward the future ("Monday" is the next
Monday), which is its own behaviour and is measured as such.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from bench.peers.base import Peer, duration_value, timex_value
from timeline.temporal.tempeval import Timex

ZONEINFO = Path("/usr/share/zoneinfo")

# Duckling's interval shapes -> TIMEX3: seasons by the months they run between, parts of day by
# their first hour.
_SEASONS = {(3, 6): "SP", (6, 9): "SU", (9, 12): "FA", (12, 3): "WI"}


def _moment(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp[:19])


def _interval_value(frm: dict | None, to: dict | None) -> tuple[str, str]:
    if frm is None or to is None:
        point = frm or to
        assert point is not None
        return timex_value(_moment(point["value"]), point.get("grain", "day"))
    start, end = _moment(frm["value"]), _moment(to["value"])
    season = _SEASONS.get((start.month, end.month))
    if season and 80 <= (end - start).days <= 100:
        return "DATE", f"{start.year:04d}-{season}"
    if start.weekday() == 4 and start.hour >= 17 and end.weekday() == 0 and (end - start).days < 4:
        iso = start.isocalendar()
        return "DATE", f"{iso.year:04d}-W{iso.week:02d}-WE"
    if frm.get("grain") == "hour" and (end - start).total_seconds() <= 12 * 3600:
        part = "MO" if start.hour < 12 else "AF" if start.hour < 18 else "EV"
        return "TIME", f"{start:%Y-%m-%d}T{part}"
    return timex_value(start, frm.get("grain", "day"))


def to_timex(text: str, entity: dict) -> Timex | None:
    """One Duckling entity -> Timex (None for shapes TIMEX3 has no value for).

    >>> e = {"dim": "duration", "start": 4, "end": 14, "body": "six months",
    ...      "value": {"value": 6, "unit": "month"}}
    >>> to_timex("for six months", e).value
    'P6M'
    """
    start, end, body = entity["start"], entity["end"], entity["body"]
    if text[start:end] != body:
        # Duckling counts characters as Haskell Text does; re-find the body if they differ.
        found = text.find(body, max(0, start - 8))
        if found < 0:
            return None
        start, end = found, found + len(body)
    value = entity["value"]
    if entity["dim"] == "duration":
        return Timex(start, end, body, "DURATION", duration_value(value["value"], value["unit"]))
    try:
        if value.get("type") == "interval":
            kind, timex = _interval_value(value.get("from"), value.get("to"))
        elif "value" in value:
            kind, timex = timex_value(_moment(value["value"]), value.get("grain", "day"))
        else:
            return None
    except ValueError:
        return None  # a moment Python cannot hold ("470 million years ago": year -469997988)
    return Timex(start, end, body, kind, timex)


class DucklingPeer(Peer):
    """``duckling.parse(text, context, ["time", "duration"])``, reference = DCT 12:00 UTC.

    >>> PEER.name
    'duckling'
    """

    name = "duckling"
    distribution = "pyduckling-native-phihos"
    setup = (
        "pyduckling-native-phihos (compiled Haskell Duckling in the wheel), locale EN_US, "
        "dimensions time+duration, reference time = DCT 12:00 UTC, latent parses off; "
        "intervals mapped to seasons, weekends and parts of day where their shape says so"
    )

    def unavailable(self) -> str | None:
        try:
            import duckling
        except ImportError:
            return "pyduckling-native-phihos is not installed (pip install -e '.[bench]')"
        if not hasattr(duckling, "parse_text"):
            return "the installed `duckling` module is not pyduckling-native (another package?)"
        if not ZONEINFO.is_dir():
            return f"Duckling needs the system time-zone database ({ZONEINFO}; apt tzdata)"
        return None

    @staticmethod
    @cache
    def _setup() -> tuple[Any, Any, Any]:
        import duckling

        zones = duckling.load_time_zones(str(ZONEINFO))
        lang = duckling.parse_lang("EN")
        locale = duckling.parse_locale("EN_US", duckling.default_locale_lang(lang))
        return zones, locale, duckling.parse_dimensions(["time", "duration"])

    def call(self, text: str, dct: date) -> Any:
        import duckling

        zones, locale, dims = self._setup()
        stamp = calendar.timegm(datetime(dct.year, dct.month, dct.day, 12).timetuple())
        context = duckling.Context(duckling.parse_ref_time(zones, "UTC", stamp), locale)
        return duckling.parse_text(text, context, dims, False)

    def convert(self, text: str, dct: date, raw: Any) -> list[Timex]:
        import json

        timexes = [to_timex(text, e) for e in json.loads(raw)]
        return [t for t in timexes if t is not None]


PEER = DucklingPeer()
