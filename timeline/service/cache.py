"""Per-collection chronology cache, updated incrementally.

A collection's chronology depends on its documents only, and documents are only ever added
(each add bumps the collection's version in the same transaction). So the cache keeps, per
collection, the sources, fingerprints and claims it has read so far; when the version moves it
reads only the new documents' rows (never re-resolving any text), re-runs the collection stages
(syndication, clustering, audit) and drops the rendered outputs, which are then rendered again
lazily, once per version and format.
"""

from __future__ import annotations

import gzip
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

from timeline.ingest.syndication import find_copies
from timeline.models import Chronology, Claim, Source
from timeline.pipeline import assemble
from timeline.render import audit_csv, chronology_csv, chronology_json, render_html
from timeline.service.storage import Store

RENDERERS: dict[str, tuple[Callable[[Chronology], str], str]] = {
    "json": (chronology_json, "application/json"),
    "csv": (chronology_csv, "text/csv; charset=utf-8"),
    "audit.csv": (audit_csv, "text/csv; charset=utf-8"),
    "html": (render_html, "text/html; charset=utf-8"),
}


@dataclass
class Rendered:
    body: bytes
    media_type: str
    _gzipped: bytes | None = None

    def gzipped(self) -> bytes:
        # Compressed once per version: big chronologies shrink ~10x and are re-served often.
        if self._gzipped is None:
            self._gzipped = gzip.compress(self.body, compresslevel=5, mtime=0)
        return self._gzipped


@dataclass
class Snapshot:
    """One collection's chronology at one version, and its outputs rendered on demand."""

    collection_id: str
    version: int
    chronology: Chronology
    _rendered: dict[str, Rendered] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def rendered(self, kind: str) -> Rendered:
        """The chronology as ``kind`` (json, csv, audit.csv, html), rendered once.

        >>> snapshot.rendered("csv").media_type  # doctest: +SKIP
        'text/csv; charset=utf-8'
        """
        with self._lock:
            found = self._rendered.get(kind)
            if found is None:
                render, media_type = RENDERERS[kind]
                found = Rendered(render(self.chronology).encode("utf-8"), media_type)
                self._rendered[kind] = found
            return found


@dataclass
class _State:
    version: int = 0
    sources: list[tuple[Source, bytes]] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    snapshot: Snapshot | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)


class ChronologyCache:
    """Chronologies of the most recently read collections, kept up to date incrementally.

    >>> cache = ChronologyCache(store)  # doctest: +SKIP
    >>> cache.current("4f1c0a9e2b7d").chronology.events[0].first_reported_by  # doctest: +SKIP
    """

    def __init__(self, store: Store, *, size: int = 8) -> None:
        self.store = store
        self.size = size
        self._states: OrderedDict[str, _State] = OrderedDict()
        self._lock = threading.Lock()
        self.assembled = 0  # how many times the collection stages ran (tests, benchmark)
        self.claims_read = 0  # how many stored claims were read (tests: incremental)

    def _state(self, cid: str) -> _State:
        with self._lock:
            state = self._states.get(cid)
            if state is None:
                state = self._states[cid] = _State()
            self._states.move_to_end(cid)
            while len(self._states) > self.size:
                self._states.popitem(last=False)
            return state

    def forget(self, cid: str) -> None:
        with self._lock:
            self._states.pop(cid, None)

    def current(self, cid: str) -> Snapshot | None:
        """The collection's chronology at its current version; None if it does not exist."""
        state = self._state(cid)
        # One updater per collection: concurrent readers of a stale chronology wait for the
        # single refresh instead of each recomputing it.
        with state.lock:
            delta = self.store.changes_since(cid, state.version)
            if delta is None:
                self.forget(cid)
                return None
            if state.snapshot is not None and delta.version == state.version:
                return state.snapshot
            if delta.version < state.version:
                # The collection was deleted and re-created under the same id: start over.
                state.sources, state.claims = [], []
                delta = self.store.changes_since(cid, 0)
                if delta is None:
                    return None
            self.claims_read += len(delta.claims)
            state.sources.extend(delta.sources)
            state.claims.extend(delta.claims)
            state.version = delta.version
            state.snapshot = Snapshot(cid, state.version, self._assemble(state))
            return state.snapshot

    def _assemble(self, state: _State) -> Chronology:
        copies = find_copies(state.sources)
        sources = [
            source.model_copy(update={"syndicated_from": copies.get(source.id)})
            for source, _ in state.sources
        ]
        # The collection stages may annotate what they are given; hand them copies so the
        # cached claims stay as stored.
        claims = [claim.model_copy() for claim in state.claims]
        self.assembled += 1
        return assemble(sources, claims)
