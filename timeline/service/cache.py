"""Per-collection chronology cache, updated incrementally, refreshed in the background.

A collection's chronology depends on its documents only, and documents are only ever added
(each add bumps the collection's version in the same transaction). So the cache keeps, per
collection, the sources, fingerprints and claims it has read so far; when the version moves it
reads only the new documents' rows (never re-resolving any text), re-runs the collection stages
(syndication, clustering, audit) and renders outputs lazily, once per version and format.

The collection stages grow with the collection (minutes at tens of thousands of documents), so
they run in a background thread, one at a time per collection. A reader waits for the refresh up
to a bound it chooses; past that it gets the last chronology assembled, marked stale, instead of
a request that hangs: a live timeline keeps answering while documents stream in.
"""

from __future__ import annotations

import gzip
import json
import logging
import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field

from timeline.audit import audit_rows
from timeline.ingest.pubdate import Dating, date_alone, date_documents
from timeline.ingest.readers import make_document
from timeline.ingest.syndication import find_copies
from timeline.models import Chronology, Claim, Document, Source
from timeline.pipeline import assemble, document_claims
from timeline.render import (
    audit_csv,
    chronology_csv,
    chronology_json,
    render_html,
    timelinejs_json,
)
from timeline.service.storage import Store

log = logging.getLogger("timeline.service")

CSV = "text/csv; charset=utf-8"


def _audit_json(chronology: Chronology) -> str:
    return json.dumps(
        [row.model_dump() for row in audit_rows(chronology.events, chronology.sources)], indent=2
    )


RENDERERS: dict[str, tuple[Callable[[Chronology], str], str]] = {
    "json": (chronology_json, "application/json"),
    "csv": (chronology_csv, CSV),
    "audit.json": (_audit_json, "application/json"),
    "audit.csv": (audit_csv, CSV),
    "timelinejs": (timelinejs_json, "application/json"),
    "html": (render_html, "text/html; charset=utf-8"),
}


class CollectionGone(LookupError):
    """The collection does not exist (any more)."""


@dataclass
class Rendered:
    """One output as bytes, with its media type; gzipped on first demand."""

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
        """The chronology as ``kind`` (a key of RENDERERS), rendered once.

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
class Lookup:
    """What a reader gets: the newest snapshot there is (None while the first one is being
    assembled) and the collection's current version."""

    snapshot: Snapshot | None
    latest: int

    @property
    def fresh(self) -> bool:
        return self.snapshot is not None and self.snapshot.version >= self.latest


@dataclass
class _State:
    cid: str
    version: int = 0
    sources: list[tuple[Source, bytes]] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    snapshot: Snapshot | None = None
    refresh: Future | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)
    # Collection-level dating (only once an undated document arrives): each document as
    # read back, its own dating, and the claims of documents re-resolved on a borrowed date.
    documents: dict[str, Document] = field(default_factory=dict)
    datings: dict[str, Dating | None] = field(default_factory=dict)
    redated: dict[tuple[str, str | None], list[Claim]] = field(default_factory=dict)


class ChronologyCache:
    """Chronologies of the most recently read collections, kept up to date incrementally.

    >>> cache = ChronologyCache(store)  # doctest: +SKIP
    >>> cache.current("4f1c0a9e2b7d", wait=10).snapshot.chronology.events  # doctest: +SKIP
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
                state = self._states[cid] = _State(cid)
            self._states.move_to_end(cid)
            while len(self._states) > self.size:
                self._states.popitem(last=False)
            return state

    def forget(self, cid: str) -> None:
        """Drop what is cached for a collection (deleted, or gone from the database)."""
        with self._lock:
            self._states.pop(cid, None)

    def current(self, cid: str, *, wait: float | None = None) -> Lookup:
        """The collection's chronology, refreshed if the collection changed.

        Waits up to ``wait`` seconds (None: as long as it takes) for a refresh; past that
        returns the newest snapshot there is, which may be stale or None. Raises
        CollectionGone if the collection does not exist, and whatever the refresh raised.
        """
        latest = self.store.collection_version(cid)
        if latest is None:
            self.forget(cid)
            raise CollectionGone(cid)
        state = self._state(cid)
        with state.lock:
            if state.snapshot is not None and state.snapshot.version >= latest:
                return Lookup(state.snapshot, latest)
            refresh = state.refresh
            if refresh is None:
                # One refresh per collection at a time; it reads up to the newest version.
                refresh = state.refresh = Future()
                threading.Thread(
                    target=self._refresh,
                    args=(cid, state, refresh),
                    name=f"timeline-refresh-{cid}",
                    daemon=True,
                ).start()
        try:
            refresh.result(timeout=wait)
        except FutureTimeout:
            pass
        except CollectionGone:
            self.forget(cid)
            raise
        with state.lock:
            return Lookup(state.snapshot, latest)

    def _refresh(self, cid: str, state: _State, done: Future) -> None:
        try:
            delta = self.store.changes_since(cid, state.version)
            if delta is None:
                raise CollectionGone(cid)
            if delta.version < state.version:
                # Deleted and re-created under the same id: start over.
                state.sources, state.claims, state.version = [], [], 0
                state.documents, state.datings, state.redated = {}, {}, {}
                delta = self.store.changes_since(cid, 0)
                if delta is None:
                    raise CollectionGone(cid)
            self.claims_read += len(delta.claims)
            state.sources.extend(delta.sources)
            state.claims.extend(delta.claims)
            state.version = delta.version
            snapshot = Snapshot(cid, state.version, self._assemble(state))
            with state.lock:
                state.snapshot = snapshot
                state.refresh = None
            done.set_result(snapshot)
        except BaseException as exc:
            if not isinstance(exc, CollectionGone):
                log.exception("assembling the chronology of collection %s failed", cid)
            with state.lock:
                state.refresh = None
            done.set_exception(exc)

    def _assemble(self, state: _State) -> Chronology:
        stored = [source for source, _ in state.sources]
        dated = self._date_in_collection(state, stored)
        fingerprints = [signature for _, signature in state.sources]
        copies = find_copies(list(zip(dated, fingerprints, strict=True)))
        sources = [
            source.model_copy(update={"syndicated_from": copies.get(source.id)}) for source in dated
        ]
        moved = {
            s.id for s, before in zip(dated, stored, strict=True) if s.published != before.published
        }
        # The collection stages may annotate what they are given; hand them copies so the
        # cached claims stay as stored.
        claims = [claim.model_copy() for claim in state.claims if claim.source_id not in moved]
        for source in dated:
            if source.id in moved:
                redated = state.redated[(source.id, source.published)]
                claims.extend(claim.model_copy() for claim in redated)
        self.assembled += 1
        return assemble(sources, claims)

    def _date_in_collection(self, state: _State, stored: list[Source]) -> list[Source]:
        """The collection pass of publication dating, as ``timeline build`` runs it.

        Each document was dated alone when posted; one without a date of its own (inferred or
        unknown) may borrow one from the collection (shared text, shared dated events, the
        story's window) once other documents are in. Those documents' claims are re-resolved
        against the borrowed date (once per date). Returns the sources, the re-dated ones as
        new objects; collections whose documents all carry their own date cost nothing here.
        """
        weak = [s for s in stored if s.published_how in ("inferred", "unknown")]
        if not weak or len(stored) < 2:
            return stored
        missing = [s.id for s in stored if s.id not in state.documents]
        texts = self.store.texts(state.cid, missing)
        for source in stored:
            if source.id in state.documents or source.id not in texts:
                continue
            document = make_document(texts[source.id], source_id=source.id, path=source.path)
            document.source = source
            state.documents[source.id] = document
            state.datings[source.id] = date_alone(document)
        if any(s.id not in state.documents for s in stored):
            return stored  # a document vanished under us: keep the dates as posted
        documents: list[Document] = []
        prepared: dict[str, Dating | None] = {}
        for source in stored:
            # Fresh copies: the pass writes into the sources and datings it is given.
            document = state.documents[source.id].model_copy(update={"source": source.model_copy()})
            documents.append(document)
            own = state.datings[source.id]
            prepared[source.id] = (
                None if own is None else Dating(document, own.inference, own.clues, own.partial)
            )
        date_documents(documents, prepared=prepared)
        result: list[Source] = []
        for before, document in zip(stored, documents, strict=True):
            after = document.source
            if after == before:
                result.append(before)
                continue
            if after.published != before.published:
                key = (after.id, after.published)
                if key not in state.redated:
                    state.redated[key] = document_claims(document)
            result.append(after)
        return result
