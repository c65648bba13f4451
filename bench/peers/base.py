"""What every peer adapter shares: the Peer interface, TIMEX3 value formatting, span finding, cache."""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections.abc import Iterable
from datetime import date, datetime
from difflib import SequenceMatcher
from importlib import metadata
from pathlib import Path
from typing import Any

from timeline.temporal.tempeval import Timex

CACHE_DIR = Path(__file__).resolve().parent.parent / ".cache"


class Peer:
    """A temporal tagger we compare against.

    Subclasses set ``name``, ``distribution`` (the PyPI name its version is read from) and
    ``setup`` (how it runs here, one sentence), and implement ``unavailable``, ``call`` and
    ``convert``. ``call`` is the peer's own entry point, which throughput measures; ``convert``
    turns its output into Timexes, which accuracy scores.

    >>> class Echo(Peer):
    ...     name = "echo"
    ...     def call(self, text, dct): return []
    ...     def convert(self, text, dct, raw): return raw
    >>> Echo().system("Monday", date(2013, 4, 20))
    []
    """

    name: str = ""
    distribution: str | None = None
    setup: str = ""
    #: Slow peers are run once over the accuracy set and their outputs cached in bench/.cache/.
    slow: bool = False

    def unavailable(self) -> str | None:
        """One line saying why this peer cannot run here, or None when it can."""
        return None

    def call(self, text: str, dct: date) -> Any:
        """The peer's own entry point on ``text`` with reference date ``dct``."""
        raise NotImplementedError

    def convert(self, text: str, dct: date, raw: Any) -> list[Timex]:
        """Turn ``call``'s output into Timexes with offsets into ``text``."""
        raise NotImplementedError

    def system(self, text: str, dct: date) -> list[Timex]:
        """The peer as a TempEval ``System``: (text, dct) -> timexes."""
        return self.convert(text, dct, self.call(text, dct))

    def version(self) -> str | None:
        """The installed version of the peer's distribution, if any."""
        if not self.distribution:
            return None
        try:
            return metadata.version(self.distribution)
        except metadata.PackageNotFoundError:
            return None


# --- TIMEX3 values -------------------------------------------------------------------------

_TIME_GRAINS = {"hour", "minute", "second", "time"}


def timex_value(moment: datetime, grain: str) -> tuple[str, str]:
    """(type, value) of a point at a granularity, as TIMEX3 writes it.

    >>> timex_value(datetime(2013, 4, 13), "week")
    ('DATE', '2013-W15')
    >>> timex_value(datetime(2013, 4, 19, 18, 0), "hour")
    ('TIME', '2013-04-19T18:00')
    """
    if grain == "year":
        return "DATE", f"{moment.year:04d}"
    if grain == "quarter":
        return "DATE", f"{moment.year:04d}-Q{(moment.month - 1) // 3 + 1}"
    if grain == "month":
        return "DATE", f"{moment.year:04d}-{moment.month:02d}"
    if grain == "week":
        iso = moment.isocalendar()
        return "DATE", f"{iso.year:04d}-W{iso.week:02d}"
    if grain in _TIME_GRAINS:
        if grain == "second" and moment.second:
            return "TIME", moment.strftime("%Y-%m-%dT%H:%M:%S")
        return "TIME", moment.strftime("%Y-%m-%dT%H:%M")
    return "DATE", moment.strftime("%Y-%m-%d")


_DURATION_UNITS = {
    "year": ("P", "Y", 1),
    "quarter": ("P", "M", 3),
    "month": ("P", "M", 1),
    "week": ("P", "W", 1),
    "day": ("P", "D", 1),
    "hour": ("PT", "H", 1),
    "minute": ("PT", "M", 1),
    "second": ("PT", "S", 1),
}


def duration_value(amount: float, unit: str) -> str:
    """TIMEX3 duration value of ``amount`` ``unit``s.

    >>> duration_value(6, "month"), duration_value(2, "hour"), duration_value(1, "quarter")
    ('P6M', 'PT2H', 'P3M')
    """
    prefix, letter, factor = _DURATION_UNITS.get(unit, ("P", "X", 1))
    number = amount * factor
    shown = str(int(number)) if float(number).is_integer() else f"{number:g}"
    return f"{prefix}{shown}{letter}"


# --- spans ---------------------------------------------------------------------------------


def find_spans(text: str, pieces: Iterable[str]) -> list[tuple[int, int] | None]:
    """Offsets of each piece in ``text``, searched in order (peers that return only strings).

    Falls back to a whitespace- and case-tolerant search, then to the whole text, so a peer
    that normalizes spaces still gets credit; a piece never found maps to None.

    >>> find_spans("Monday and again Monday", ["Monday", "Monday", "Friday"])
    [(0, 6), (17, 23), None]
    """
    found: list[tuple[int, int] | None] = []
    cursor = 0
    for piece in pieces:
        start = text.find(piece, cursor)
        if start < 0:
            words = [re.escape(w) for w in piece.split()]
            pattern = re.compile(r"\s+".join(words), re.IGNORECASE) if words else None
            match = (pattern.search(text, cursor) or pattern.search(text)) if pattern else None
            span = (match.start(), match.end()) if match else None
        else:
            span = (start, start + len(piece))
        found.append(span)
        if span:
            cursor = span[1]
    return found


def offset_map(source: str, target: str) -> list[int]:
    """For each position in ``source`` (and its end), the matching position in ``target``.

    Used when a peer echoes the text slightly altered (whitespace, escapes).

    >>> offset_map("a  b", "a b")
    [0, 1, 2, 2, 3]
    """
    mapping = [-1] * (len(source) + 1)
    matcher = SequenceMatcher(None, source, target, autojunk=False)
    for a, b, size in matcher.get_matching_blocks():
        for k in range(size + 1):
            if mapping[a + k] < 0:
                mapping[a + k] = b + k
    last = 0
    for i, pos in enumerate(mapping):
        if pos < 0:
            mapping[i] = last
        last = mapping[i]
    return mapping


# --- cache for slow peers -------------------------------------------------------------------


class OutputCache:
    """Timexes a slow peer produced, keyed by peer, version, reference date and text.

    >>> cache = OutputCache("demo", "0", root=Path("/nonexistent"))
    >>> cache.get("text", date(2013, 4, 20)) is None
    True
    """

    def __init__(self, peer: str, version: str | None, root: Path = CACHE_DIR) -> None:
        self.folder = root / peer
        self.version = version or "unknown"

    def _path(self, text: str, dct: date) -> Path:
        key = hashlib.sha1(f"{self.version}\0{dct.isoformat()}\0{text}".encode()).hexdigest()
        return self.folder / f"{key}.json"

    def get(self, text: str, dct: date) -> tuple[list[Timex], float] | None:
        """The cached timexes and the seconds the peer took, or None."""
        path = self._path(text, dct)
        if not path.is_file():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        return [Timex(**t) for t in data["timexes"]], float(data["seconds"])

    def put(self, text: str, dct: date, timexes: list[Timex], seconds: float) -> None:
        """Store one document's output."""
        self.folder.mkdir(parents=True, exist_ok=True)
        payload = {"seconds": seconds, "timexes": [t.__dict__ for t in timexes]}
        self._path(text, dct).write_text(json.dumps(payload), encoding="utf-8")

    def system(self, peer: Peer) -> CachedSystem:
        """A System that answers from the cache and runs ``peer`` on a miss."""
        return CachedSystem(peer, self)


class CachedSystem:
    """``peer.system`` through an OutputCache; counts hits, misses and the peer's seconds."""

    def __init__(self, peer: Peer, cache: OutputCache) -> None:
        self.peer, self.cache = peer, cache
        self.hits = self.misses = 0
        self.seconds = 0.0
        self.chars = 0

    def __call__(self, text: str, dct: date) -> list[Timex]:
        cached = self.cache.get(text, dct)
        if cached is None:
            started = time.perf_counter()
            raw = self.peer.call(text, dct)
            seconds = time.perf_counter() - started
            timexes = self.peer.convert(text, dct, raw)
            self.cache.put(text, dct, timexes, seconds)
            self.misses += 1
        else:
            timexes, seconds = cached
            self.hits += 1
        self.seconds += seconds
        self.chars += len(text)
        return timexes
