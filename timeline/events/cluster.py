"""Clustering of claims into happenings, blocked by time and by shared words.

Claims are taken finest first (days before weeks before years), so precise dates found the
events and vaguer mentions ("last week", "in 2012") join the event they are about. A claim is
compared only with the events that share one of its most telling features within its time
block (the months it touches, or the years for coarse claims): an inverted index keyed by
(feature, block) keeps the cost near-linear in the number of claims.

A claim joins an event when:

* the dates agree (the intervals share a day) and the content is similar (cosine of TF-IDF
  vectors against the event centroid); within one source and with the very same date, a lower
  bar applies (an article referring back to what it already told);
* or the dates disagree but are close (a few days; the longer interval for coarse dates), the
  content is very similar, and the disagreement is possible: a source that published on
  April 20 about a past event cannot be describing the one another source dates April 22.
  Such events are then flagged as conflicts (see :mod:`timeline.events.conflicts`).

A second pass (:meth:`Clusterer.merge`) then merges formed events that tell one happening:
accounts worded apart, a year told by several sources beside the precise date another gives,
or the same happening dated a day apart (which makes it a dispute).
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np
from scipy import sparse

from timeline.events.timeaxis import (
    DAY,
    Span,
    compatible,
    conflict_window,
    day,
    gap,
    month_index,
)
from timeline.models import GRANULARITY_ORDER

MERGE = 0.15  # dates agree: similarity needed to be the same happening
SAME_SOURCE = 0.10  # same source, same date value
CONFLICT = 0.18  # dates disagree (same kind of happening): similarity needed anyway
SELF_DISPUTE = 0.10  # added to CONFLICT when one article's body would contradict itself
NAME_MISMATCH = 0.50  # subtracted when both name people or places and none is shared
WHAT = 0.05  # cosine that words other than names must carry: what happened, not only where
NAME_SHARE = 0.34  # ... by at least this share of the event's named members
FRAME_MISMATCH = 0.35  # added to the bar when both name kinds of happening and none is shared
VAGUENESS = 0.04  # added per doubling of length when a vaguer date joins a more precise event
INDEX_FEATURES = 12  # most telling features of each claim used as index keys (+ its frames)
CANDIDATES = 40  # events scored exactly per claim, best pre-scores first
INDEX_DEPTH = 64  # latest events read per index key: the cost per claim stays flat as data grows
# Second pass (see Clusterer.merge): formed events whose dates agree, or disagree by a day, are
# one happening when their centroids are this similar. Events say more than single claims, so
# the bar is above MERGE; the name and frame penalties of the first pass apply.
MERGE_EVENTS = 0.25
WHAT_EVENTS = 0.10  # ... of which words other than names must carry this much
MERGE_ROUNDS = 3  # merging changes centroids: a few rounds, until nothing moves
_COARSE_RANK = GRANULARITY_ORDER["season"]
_WEEK_RANK = GRANULARITY_ORDER["week"]
_DECADE_RANK = GRANULARITY_ORDER["decade"]
_MAX_MONTHS = 36


@dataclass
class Item:
    """One claim as the clusterer sees it."""

    index: int
    span: Span
    source: str
    value: str
    published: datetime | None  # publication day of the claim's source
    caption: bool = False
    frames: frozenset[str] = frozenset()  # kinds of happening named next to the mention
    names: frozenset[str] = frozenset()  # who and where (capitalized words of the clause)
    name_columns: frozenset[int] = frozenset()  # matrix columns of all its names
    # Counted back from its own publication day over a week or more ("last week"): see
    # _plausible.
    counted_back: bool = False


@dataclass
class Group:
    """A forming event: its members, centroid and the interval its agreeing claims share."""

    members: list[int] = field(default_factory=list)
    centroid: dict[int, float] = field(default_factory=dict)
    norm2: float = 0.0
    main: Span | None = None
    values: set[tuple[str, str]] = field(default_factory=set)  # (source, value)
    frames: set[str] = field(default_factory=set)  # kinds of happening its members name
    names: dict[str, int] = field(default_factory=dict)  # name -> members that mention it
    named: int = 0  # members that mention any name
    name_columns: set[int] = field(default_factory=set)  # matrix columns of its members' names
    sources: dict[str, set[bool]] = field(default_factory=dict)  # source -> caption flags seen
    # (publication day, date end) of members that report a past happening, for plausibility.
    past: list[tuple[datetime, datetime]] = field(default_factory=list)


class Clusterer:
    """Incremental clustering over a TF-IDF matrix (one row per claim)."""

    def __init__(
        self, matrix: sparse.csr_matrix, frame_columns: frozenset[int] = frozenset()
    ) -> None:
        self.matrix = matrix
        self.frame_columns = frame_columns
        self.groups: list[Group] = []
        self.index: dict[tuple[int, int], list[int]] = defaultdict(list)
        self.trace: list[tuple] | None = None  # (claim, event, sim, bar, kind) when debugging
        # Names each source gives anywhere in its claims (filled by add): who and where the
        # article is about, beyond the one clause.
        self.cast: dict[str, set[str]] = defaultdict(set)
        self.alias: dict[int, int] = {}  # merged event -> the event it went into (second pass)

    def run(self, items: list[Item]) -> list[list[int]]:
        """Cluster the items; returns the member claim indices of each event."""
        order = sorted(items, key=lambda it: (it.span.rank, it.span.start, it.source, it.index))
        for item in order:
            self.add(item)
        return [g.members for g in self.groups]

    def merge(self) -> None:
        """Second pass: merge formed events that tell one happening.

        Claims join one by one, so accounts worded apart ("the span fell", "the bridge gave
        way") or dated coarsely ("in 2014" beside "April 2, 2014") may each found an event.
        Two events are merged when their dates share a day, or disagree by at most the
        conflict window (then the merged event shows the dispute), and their centroids are
        similar enough (``MERGE_EVENTS``, less the first pass's name and frame penalties; a
        one-claim event joins at the first pass's bars, which it met too late: finer dates go
        in first, so a live page's minute may found an event before the day's accounts exist).
        Candidate pairs come from the index, so the cost stays near-linear; the best pairs
        merge first, each re-scored against the events as they stand.
        """
        alive = [True] * len(self.groups)
        for _ in range(MERGE_ROUNDS):
            pairs: list[tuple[float, int, int]] = []
            seen: set[tuple[int, int]] = set()
            for gid, group in enumerate(self.groups):
                if not alive[gid]:
                    continue
                for other in self._group_candidates(gid):
                    pair = (min(gid, other), max(gid, other))
                    if not alive[other] or pair in seen:
                        continue
                    seen.add(pair)
                    margin = self._merge_margin(group, self.groups[other])
                    if margin is not None:
                        pairs.append((margin, *pair))
            merged = False
            for _, a, b in sorted(pairs, reverse=True):
                if not (alive[a] and alive[b]):
                    continue
                if self._merge_margin(self.groups[a], self.groups[b]) is None:
                    continue
                keep, drop = (
                    (a, b) if len(self.groups[a].members) >= len(self.groups[b].members) else (b, a)
                )
                self._absorb(keep, drop)
                alive[drop] = False
                merged = True
            if not merged:
                break
        self.groups = [g for g, live in zip(self.groups, alive, strict=True) if live]
        self.index.clear()  # gids changed: the index is of no further use
        self.alias.clear()

    def _group_candidates(self, gid: int) -> list[int]:
        group = self.groups[gid]
        assert group.main is not None
        norm = math.sqrt(group.norm2) or 1.0
        features = {f: w / norm for f, w in group.centroid.items()}
        keys = self._keys(features)
        scores: dict[int, float] = defaultdict(float)
        for block in self._blocks(group.main, widen=True):
            for f in keys:
                for other in self.index.get((f, block), ())[-INDEX_DEPTH:]:
                    scores[self._alive(other)] += features[f]
        scores.pop(gid, None)
        if len(scores) <= CANDIDATES:
            return list(scores)
        return heapq.nlargest(CANDIDATES, scores, key=scores.__getitem__)

    def _alive(self, gid: int) -> int:
        """The event that ``gid`` was merged into, or ``gid`` itself."""
        while gid in self.alias:
            gid = self.alias[gid]
        return gid

    def _merge_margin(self, a: Group, b: Group) -> float | None:
        """How far two events clear the bar to be one happening, or None when they don't."""
        assert a.main is not None and b.main is not None
        agree = compatible(a.main, b.main)
        if not agree and gap(a.main, b.main) > conflict_window(a.main, b.main):
            return None
        if a.norm2 <= 0 or b.norm2 <= 0:
            return None
        names = a.name_columns | b.name_columns
        dot = what = 0.0
        for f, w in a.centroid.items():
            product = w * b.centroid.get(f, 0.0)
            dot += product
            if f not in names:
                what += product
        norm = math.sqrt(a.norm2 * b.norm2)
        sim, what = dot / norm, what / norm
        if self.trace is not None:
            self.trace.append((a.members[0], b.members[0], round(sim, 3), round(what, 3), "merge"))
        single = min(len(a.members), len(b.members)) == 1
        if what < (WHAT if single else WHAT_EVENTS):
            return None  # only names in common: the same place or people, another happening
        if a.frames and b.frames and not a.frames & b.frames:
            sim -= FRAME_MISMATCH
        apart = self._named_apart_events(a, b)
        if apart:
            sim -= NAME_MISMATCH
        if not agree and (
            apart
            or not a.frames & b.frames  # a dispute is about the same kind of happening
            or not (_plausible_groups(a, b) and _plausible_groups(b, a))
        ):
            return None
        if single:
            # One claim is an event only because it came before the event it tells of had
            # formed (finer dates are taken first): it joins at the bar it would have met then.
            claim, event = (a, b) if len(a.members) == 1 else (b, a)
            if len(event.members) == 1 and event.main.length > claim.main.length:
                claim, event = event, claim  # of two claims, the vaguer one joins the other
            assert claim.main is not None and event.main is not None
            bar = MERGE if agree else CONFLICT + _self_dispute_groups(claim, event)
            ratio = claim.main.length / max(event.main.length, DAY)
            if (
                agree
                and ratio > 1
                and (claim.main.rank >= _DECADE_RANK or not claim.frames & event.frames)
            ):
                bar += VAGUENESS * math.log2(ratio)
            bar = min(bar, MERGE_EVENTS)  # ... and never a higher one than two events
        else:
            bar = MERGE_EVENTS
        margin = sim - bar
        return margin if margin >= 0 else None

    def _named_apart_events(self, a: Group, b: Group) -> bool:
        """Both events name who or where and share no name, and their sources do not tell
        of each other's names anywhere either: "a funeral for Ames" and "the funeral at St.
        Bede's" are one when the second article names Ames elsewhere; a fire in Bayport and
        one in Milltown, each told by its own paper, stay two."""
        if not a.names or not b.names or a.names.keys() & b.names.keys():
            return False
        return not (self._told_by(a, b.names.keys()) or self._told_by(b, a.names.keys()))

    def _told_by(self, group: Group, names: Iterable[str]) -> bool:
        cast = set().union(*(self.cast.get(source, set()) for source in group.sources))
        return not cast.isdisjoint(names)

    def _tells_names(self, item: Item, group: Group) -> bool:
        """The claim's source names the event's who or where elsewhere, or the event's sources
        name the claim's: "an inquiry into the attack on Marrowfield General" and "the Cyber
        Crimes Unit opened an investigation" on the same day are one when each paper names the
        other's names somewhere (a dispute still needs names in common)."""
        return self._told_by(group, item.names) or not self.cast[item.source].isdisjoint(
            group.names
        )

    def _absorb(self, keep: int, drop: int) -> None:
        """Merge event ``drop`` into ``keep``."""
        a, b = self.groups[keep], self.groups[drop]
        assert a.main is not None and b.main is not None
        a.members.extend(b.members)
        for f, w in b.centroid.items():
            a.centroid[f] = a.centroid.get(f, 0.0) + w
        a.norm2 = sum(w * w for w in a.centroid.values())
        if compatible(a.main, b.main) and b.main.rank < a.main.rank:
            a.main = b.main
        a.values |= b.values
        a.frames |= b.frames
        for name, n in b.names.items():
            a.names[name] = a.names.get(name, 0) + n
        a.named += b.named
        a.name_columns |= b.name_columns
        for source, flags in b.sources.items():
            a.sources.setdefault(source, set()).update(flags)
        a.past.extend(b.past)
        self.alias[drop] = keep  # the index still names ``drop``: read it as ``keep``

    def features(self, index: int) -> dict[int, float]:
        """Row ``index`` of the matrix as {column: weight} (CSR slices: no sparse object)."""
        lo, hi = self.matrix.indptr[index], self.matrix.indptr[index + 1]
        columns = self.matrix.indices[lo:hi].tolist()
        return dict(zip(columns, self.matrix.data[lo:hi].tolist(), strict=True))

    def add(self, item: Item) -> None:
        self.cast[item.source].update(item.names)
        features = self.features(item.index)
        frames = item.frames
        # Agreeing dates first: a claim joins a disputed event only when none agrees with it.
        agreeing: tuple[float, int] | None = None
        disputed: tuple[float, int] | None = None
        fits_somewhere = False  # an agreeing event is similar enough: no dispute then
        for gid in self._candidates(item, features):
            group = self.groups[gid]
            assert group.main is not None
            sim = _cosine(features, group)
            if _what(features, group, item.name_columns) < WHAT:
                continue  # only names in common: the same place or people, another happening
            if frames and group.frames and not frames & group.frames:
                sim -= FRAME_MISMATCH  # "arrested" vs "walked out": different happenings
            named_apart = _named_apart(item, group)
            agree = compatible(item.span, group.main)
            if named_apart and not (agree and self._tells_names(item, group)):
                sim -= NAME_MISMATCH  # a fire in Bayport is not the fire in Milltown
            if agree:
                bar = SAME_SOURCE if (item.source, item.value) in group.values else MERGE
                # "last week" agrees with every day of the week: it must say more to join one,
                # unless it names the same kind of happening next to its date. A decade must
                # say more anyway: "a war in the 1990s" is background, not the war of 1999.
                ratio = item.span.length / max(group.main.length, DAY)
                if ratio > 1 and (item.span.rank >= _DECADE_RANK or not frames & group.frames):
                    bar += VAGUENESS * math.log2(ratio)
                fits_somewhere = fits_somewhere or sim >= MERGE
                if self.trace is not None:
                    self.trace.append((item.index, gid, round(sim, 3), round(bar, 3), "agree"))
                if sim >= bar and (agreeing is None or sim - bar > agreeing[0]):
                    agreeing = (sim - bar, gid)
            elif (
                gap(item.span, group.main) <= conflict_window(item.span, group.main)
                and frames & group.frames  # a disagreement is about the same kind of happening
                and not named_apart  # ... and the same who or where, when both name one
                and _plausible(item, group)
                and sim >= (bar := CONFLICT + _self_dispute(item, group))
                and (disputed is None or sim - bar > disputed[0])
            ):
                disputed = (sim - bar, gid)
            elif self.trace is not None:
                self.trace.append((item.index, gid, round(sim, 3), None, "apart"))
        best = agreeing or (None if fits_somewhere else disputed)
        if best is None:
            self.groups.append(Group())
            gid = len(self.groups) - 1
        else:
            gid = best[1]
        self._join(gid, item, features)

    def _keys(self, features: dict[int, float]) -> set[int]:
        """Index keys: the rarest-weighted features, and every frame (kinds of happening are
        what two accounts of one event share even when their words differ)."""
        keys = set(heapq.nlargest(INDEX_FEATURES, features, key=features.__getitem__))
        keys.update(f for f in features if f in self.frame_columns)
        return keys

    def _blocks(self, span: Span, widen: bool) -> list[int]:
        start, end = span.days
        if widen:
            window = min(conflict_window(span, span), 400 * DAY)
            start, end = start - window, end + window
        if span.rank >= _COARSE_RANK:
            return [-(y + 1) for y in range(start.year, (end - DAY).year + 1)][:200]
        first, last = month_index(start), month_index(end - DAY)
        return list(range(first, min(last, first + _MAX_MONTHS) + 1))

    def _candidates(self, item: Item, features: dict[int, float]) -> list[int]:
        if not features or not self.groups:
            return []
        keys = self._keys(features)
        scores: dict[int, float] = defaultdict(float)
        for block in self._blocks(item.span, widen=True):
            for f in keys:
                entries = self.index.get((f, block))
                if entries:
                    for gid in entries[-INDEX_DEPTH:]:
                        scores[gid] += features[f]
        if len(scores) <= CANDIDATES:
            return list(scores)
        return heapq.nlargest(CANDIDATES, scores, key=scores.__getitem__)

    def _join(self, gid: int, item: Item, features: dict[int, float]) -> None:
        group = self.groups[gid]
        group.members.append(item.index)
        for f, w in features.items():
            old = group.centroid.get(f, 0.0)
            group.centroid[f] = old + w
            group.norm2 += (old + w) ** 2 - old**2
        if group.main is None or (
            compatible(item.span, group.main) and item.span.rank < group.main.rank
        ):
            group.main = item.span
        group.values.add((item.source, item.value))
        group.frames.update(item.frames)
        group.name_columns.update(item.name_columns)
        if item.names:
            group.named += 1
            for name in item.names:
                group.names[name] = group.names.get(name, 0) + 1
        group.sources.setdefault(item.source, set()).add(item.caption)
        if item.published is not None and item.span.days[1] <= item.published + DAY:
            group.past.append((item.published, item.span.days[1]))
        keys = self._keys(features)
        # Register under both month and year blocks so fine and coarse claims find the event.
        blocks = set(self._blocks(item.span, widen=False))
        start, end = item.span.days
        blocks.update(-(y + 1) for y in range(start.year, (end - DAY).year + 1))
        for block in blocks:
            for f in keys:
                entries = self.index[(f, block)]
                if not entries or entries[-1] != gid:
                    entries.append(gid)


def _cosine(features: dict[int, float], group: Group) -> float:
    if group.norm2 <= 0:
        return 0.0
    dot = sum(w * group.centroid.get(f, 0.0) for f, w in features.items())
    return float(dot / np.sqrt(group.norm2))


def _what(features: dict[int, float], group: Group, names: frozenset[int]) -> float:
    """The part of the cosine carried by what the claim says, not by who or where."""
    if group.norm2 <= 0:
        return 0.0
    dot = sum(w * group.centroid.get(f, 0.0) for f, w in features.items() if f not in names)
    return float(dot / np.sqrt(group.norm2))


def _named_apart(item: Item, group: Group) -> bool:
    """Both name who or where, and the claim's names are not those of the event: shared by
    fewer than ``NAME_SHARE`` of its named members (one stray member must not open the event
    to every name it brought)."""
    if not item.names or not group.named:
        return False
    shared = max((group.names.get(name, 0) for name in item.names), default=0)
    return shared < NAME_SHARE * group.named


def _plausible_groups(a: Group, b: Group) -> bool:
    """No source of ``a``, writing about the past, was published before ``b``'s date."""
    assert b.main is not None
    start = b.main.days[0]
    return all(start < published + DAY for published, _ in a.past)


def _self_dispute_groups(claim: Group, event: Group) -> float:
    """:func:`_self_dispute` for a one-claim event joining another."""
    ((source, flags),) = claim.sources.items()
    seen = event.sources.get(source)
    if seen is None or True in flags or True in seen:
        return 0.0
    return SELF_DISPUTE


def _self_dispute(item: Item, group: Group) -> float:
    """Extra similarity needed when an article would disagree with itself: it happens (an
    article reporting a dispute, a caption against the body) but less often than across
    sources."""
    flags = group.sources.get(item.source)
    if flags is None or item.caption or True in flags:
        return 0.0
    return SELF_DISPUTE


def _plausible(item: Item, group: Group) -> bool:
    """Could these be one happening with disputed dates? Not when one side's source, writing
    about a past happening, was published before the other side's date.

    A vague date counted back from the claim's own publication day ("last week") errs late
    when it errs: the text was written before it was published, or is a repost. So such a
    claim may date a happening later than sources that had already told it, but it cannot
    mean one after its interval and by its publication day: "last week" written on a Monday
    is not that Monday (the writer would have said so).
    """
    start = item.span.days[0]
    if item.counted_back and item.published is not None:
        after = group.main is not None and group.main.days[0] >= item.span.days[1]
        return not (after and group.main.days[0] < item.published + DAY)
    for published, _ in group.past:
        if start >= published + DAY:
            return False
    if item.published is not None and item.span.days[1] <= item.published + DAY:
        assert group.main is not None
        if group.main.days[0] >= item.published + DAY:
            return False
    return True


def publication_day(value: datetime | None) -> datetime | None:
    """The day a source was published (the time of day does not matter here)."""
    return None if value is None else day(value)
