"""Storage for the HTTP service: SQLAlchemy 2 ORM over SQLite (default, WAL) or PostgreSQL.

Tables: ``collections``, ``documents`` (one row per ingested article, with its Source, text and
syndication fingerprint), ``claims`` (the dated claims the per-document stages produced, stored
once so a new document never makes the others re-resolve) and ``meta`` (schema version, the
hash of the write token). A document and its claims are written in one transaction, together
with the bump of its collection's ``version``: the version is the sequence number of the newest
document, so a reader that knows version N can fetch exactly what changed since.

All SQL goes through the ORM (bound parameters); the only raw statements are SQLite PRAGMAs.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    create_engine,
    event,
    func,
    insert,
    select,
)
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker
from sqlalchemy.pool import StaticPool

from timeline.errors import TimelineError
from timeline.models import Claim, Source

SCHEMA_VERSION = "1"
DEFAULT_DB = "sqlite:///./timeline.db"
# How long a SQLite writer waits for another process's write lock before giving up.
SQLITE_BUSY_MS = 30_000


class StorageError(TimelineError):
    """The database cannot be opened or used (bad URL, unreachable server, wrong schema)."""


class Base(DeclarativeBase):
    pass


class CollectionRow(Base):
    __tablename__ = "collections"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    public: Mapped[bool] = mapped_column(Boolean, default=False)
    # Bumped by every document insert, in the same transaction: the newest document's seq.
    version: Mapped[int] = mapped_column(Integer, default=0)
    documents: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class DocumentRow(Base):
    __tablename__ = "documents"
    __table_args__ = (
        UniqueConstraint("collection_id", "content_hash", name="uq_documents_hash"),
        UniqueConstraint("collection_id", "source_id", name="uq_documents_source"),
        UniqueConstraint("collection_id", "seq", name="uq_documents_seq"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    collection_id: Mapped[str] = mapped_column(
        ForeignKey("collections.id", ondelete="CASCADE"), index=True
    )
    seq: Mapped[int] = mapped_column(Integer)
    source_id: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(Text)  # Source as JSON
    text: Mapped[str] = mapped_column(Text)
    fingerprint: Mapped[bytes] = mapped_column(LargeBinary)
    claim_count: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ClaimRow(Base):
    __tablename__ = "claims"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    ordinal: Mapped[int] = mapped_column(Integer)
    value: Mapped[str] = mapped_column(Text)
    data: Mapped[str] = mapped_column(Text)  # Claim as JSON


class MetaRow(Base):
    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


@dataclass
class CollectionInfo:
    """A collection row, detached from the session."""

    id: str
    name: str
    public: bool
    version: int
    documents: int
    created_at: datetime


@dataclass
class StoredDocument:
    """A document row as the API shows it (claims and text only when asked for)."""

    seq: int
    source: Source
    content_hash: str
    claim_count: int
    created_at: datetime
    text: str | None = None
    claims: list[Claim] | None = None


@dataclass
class NewDocument:
    """What the per-document stages produced for one article, ready to be stored."""

    source: Source
    text: str
    content_hash: str
    fingerprint: bytes
    claims: list[Claim]


@dataclass
class Delta:
    """Documents a collection gained after a known version: what the chronology cache needs."""

    version: int
    sources: list[tuple[Source, bytes]]
    claims: list[Claim]


def normalize_url(db: str | None) -> str:
    """The SQLAlchemy URL for a ``--db`` value: a URL, or a plain path meaning a SQLite file.

    >>> normalize_url("data/timeline.db")
    'sqlite:///data/timeline.db'
    """
    if not db:
        return DEFAULT_DB
    if "://" not in db:
        return f"sqlite:///{db}"
    if db.startswith(("postgresql://", "postgres://")):
        # psycopg 3 is the driver we ship; SQLAlchemy's default would be psycopg2.
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    return db


def _now() -> datetime:
    return datetime.now(UTC)


def _aware(value: datetime) -> datetime:
    # SQLite hands back naive datetimes; every time we store is UTC.
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def token_hash(token: str) -> str:
    """sha256 hex of a write token: what the database keeps instead of the token."""
    return hashlib.sha256(token.encode()).hexdigest()


class Store:
    """The service's database: schema creation, collections, documents, claims, the token.

    >>> store = Store("sqlite:///./timeline.db")  # doctest: +SKIP
    >>> store.create_collection("Boston", public=True).id  # doctest: +SKIP
    """

    def __init__(self, db: str | None = None) -> None:
        url = normalize_url(db)
        try:
            parsed = make_url(url)
        except ArgumentError:
            raise StorageError(
                f"--db {db!r} is not a database URL "
                "(e.g. sqlite:///./timeline.db or postgresql+psycopg://user@host/dbname)"
            ) from None
        self.url = parsed
        self.dialect = parsed.get_backend_name()
        self.is_sqlite = self.dialect == "sqlite"
        # SQLite has one writer at a time; queueing our own threads on a lock is fairer and
        # cheaper than letting them spin in SQLite's busy handler.
        self._write_lock = threading.Lock() if self.is_sqlite else None
        in_memory = self.is_sqlite and parsed.database in (None, "", ":memory:")
        try:
            self.engine = self._make_engine(parsed, immediate=in_memory)
            # An in-memory database lives in its one connection: reads and writes share it.
            self.write_engine = (
                self._make_engine(parsed, immediate=True)
                if self.is_sqlite and not in_memory
                else self.engine
            )
        except (NoSuchModuleError, ModuleNotFoundError, ImportError) as exc:
            raise StorageError(
                f"--db {parsed.drivername!r}: unsupported database ({exc})"
            ) from None
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(self.write_engine, expire_on_commit=False)
        self._create_schema()

    # -- engine and schema -------------------------------------------------------------

    def _make_engine(self, url, *, immediate: bool) -> Engine:
        if url.get_backend_name() != "sqlite":
            return create_engine(
                url, pool_pre_ping=True, pool_size=10, max_overflow=30, pool_timeout=60
            )
        database = url.database or ""
        if database and database != ":memory:":
            folder = Path(database).parent
            if not folder.is_dir():
                raise StorageError(f"cannot create the database {database!r}: no folder {folder}")
            engine = create_engine(
                url,
                connect_args={"timeout": SQLITE_BUSY_MS / 1000, "check_same_thread": False},
                pool_size=8,
                max_overflow=32,
                pool_timeout=60,
            )
        else:
            engine = create_engine(
                url, connect_args={"check_same_thread": False}, poolclass=StaticPool
            )

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_connection, _record) -> None:
            # Take transaction control from the sqlite3 module so BEGIN is ours (see below).
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
            cursor.execute("PRAGMA journal_mode=WAL")
            # FULL: an acknowledged document survives a crash of the process or the machine.
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _on_begin(connection) -> None:
            # A deferred transaction that later writes can fail with SQLITE_BUSY at once
            # (no waiting); writers take the lock up front with BEGIN IMMEDIATE instead.
            connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

        return engine

    def _create_schema(self) -> None:
        try:
            try:
                Base.metadata.create_all(self.write_engine)
            except IntegrityError:
                # Another process created the tables at the same moment.
                Base.metadata.create_all(self.write_engine)
            with self.write_session() as session:
                found = session.get(MetaRow, "schema_version")
                if found is None:
                    session.add(MetaRow(key="schema_version", value=SCHEMA_VERSION))
                elif found.value != SCHEMA_VERSION:
                    raise StorageError(
                        f"database {self.describe()} has schema version {found.value}, "
                        f"this timeline needs {SCHEMA_VERSION}"
                    )
        except OperationalError as exc:
            reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
            raise StorageError(f"cannot open database {self.describe()}: {reason}") from None

    def describe(self) -> str:
        """The database URL without its password, for messages and logs."""
        return self.url.render_as_string(hide_password=True)

    def close(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()
        if self.write_engine is not self.engine:
            self.write_engine.dispose()

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        """A session in a read transaction (a consistent snapshot on SQLite)."""
        with self._read() as session, session.begin():
            yield session

    @contextmanager
    def write_session(self) -> Iterator[Session]:
        """A session in a write transaction, committed on exit (BEGIN IMMEDIATE on SQLite)."""
        if self._write_lock is None:
            with self._write() as session, session.begin():
                yield session
            return
        with self._write_lock, self._write() as session, session.begin():
            yield session

    def ping(self) -> None:
        """Raise if the database cannot be queried."""
        with self.read_session() as session:
            session.scalar(select(func.count()).select_from(MetaRow))

    # -- the write token ---------------------------------------------------------------

    def write_token_hash(self) -> str | None:
        """The stored sha256 of the write token, if one was generated."""
        with self.read_session() as session:
            row = session.get(MetaRow, "write_token_sha256")
            return row.value if row else None

    def ensure_write_token(self) -> str | None:
        """Generate and store (as a hash) a write token if none exists; returns it once.

        Returns None when a token hash was already stored (the token itself is never kept).
        """
        token = secrets.token_urlsafe(32)
        try:
            with self.write_session() as session:
                if session.get(MetaRow, "write_token_sha256") is not None:
                    return None
                session.add(MetaRow(key="write_token_sha256", value=token_hash(token)))
        except IntegrityError:
            return None  # another process stored one first
        return token

    # -- collections -------------------------------------------------------------------

    def create_collection(self, name: str | None, *, public: bool) -> CollectionInfo:
        """A new, empty collection with a random id (named after the id when unnamed)."""
        cid = secrets.token_hex(6)
        row = CollectionRow(
            id=cid, name=name or cid, public=public, version=0, documents=0, created_at=_now()
        )
        with self.write_session() as session:
            session.add(row)
        return _info(row)

    def get_collection(self, cid: str) -> CollectionInfo | None:
        """The collection, or None."""
        with self.read_session() as session:
            row = session.get(CollectionRow, cid)
            return _info(row) if row else None

    def list_collections(self, *, public_only: bool) -> list[CollectionInfo]:
        """Every collection (or the public ones), oldest first."""
        query = select(CollectionRow).order_by(CollectionRow.created_at, CollectionRow.id)
        if public_only:
            query = query.where(CollectionRow.public.is_(True))
        with self.read_session() as session:
            return [_info(row) for row in session.scalars(query)]

    def update_collection(
        self, cid: str, *, name: str | None = None, public: bool | None = None
    ) -> CollectionInfo | None:
        with self.write_session() as session:
            row = session.get(CollectionRow, cid)
            if row is None:
                return None
            if name is not None:
                row.name = name
            if public is not None:
                row.public = public
            session.flush()
            return _info(row)

    def delete_collection(self, cid: str) -> bool:
        """Delete a collection, its documents and claims; False if it did not exist."""
        with self.write_session() as session:
            row = session.get(CollectionRow, cid)
            if row is None:
                return False
            # Explicit deletes: foreign-key cascades are off on SQLite files opened elsewhere.
            doc_ids = select(DocumentRow.id).where(DocumentRow.collection_id == cid)
            session.query(ClaimRow).filter(ClaimRow.document_id.in_(doc_ids)).delete(
                synchronize_session=False
            )
            session.query(DocumentRow).filter(DocumentRow.collection_id == cid).delete(
                synchronize_session=False
            )
            session.delete(row)
            return True

    # -- documents ---------------------------------------------------------------------

    def lookup(self, cid: str, content_hash: str) -> tuple[bool, StoredDocument | None]:
        """Whether the collection exists, and its document with this hash if any (one read)."""
        with self.read_session() as session:
            exists = session.scalar(select(CollectionRow.id).where(CollectionRow.id == cid))
            if exists is None:
                return False, None
            row = session.scalar(
                select(DocumentRow).where(
                    DocumentRow.collection_id == cid, DocumentRow.content_hash == content_hash
                )
            )
            return True, _stored(row) if row else None

    def find_document(self, cid: str, content_hash: str) -> StoredDocument | None:
        """The collection's document with this idempotency key, or None."""
        with self.read_session() as session:
            row = session.scalar(
                select(DocumentRow).where(
                    DocumentRow.collection_id == cid, DocumentRow.content_hash == content_hash
                )
            )
            return _stored(row) if row else None

    def add_document(self, cid: str, new: NewDocument) -> tuple[StoredDocument, bool] | None:
        """Store a document and its claims in one transaction; (document, created) or None.

        Idempotent by ``content_hash``: a known document comes back with ``created=False``.
        The source id is made unique in the collection (``name``, ``name-2``, ...). Returns
        None if the collection does not exist.
        """
        return self.add_documents([(cid, new)])[0]

    def add_documents(
        self, batch: list[tuple[str, NewDocument]]
    ) -> list[tuple[StoredDocument, bool] | None]:
        """Store several documents (each with its claims) in ONE transaction: a group commit.

        One commit (one fsync) for the lot is what makes concurrent ingest fast without giving
        up durability; all of them are stored or none. Results are in the order given, as for
        :meth:`add_document`.
        """
        results: list[tuple[StoredDocument, bool] | None] = [None] * len(batch)
        by_collection: dict[str, list[int]] = {}
        for n, (cid, _) in enumerate(batch):
            by_collection.setdefault(cid, []).append(n)
        rows: list[tuple[dict, list[Claim]]] = []
        # No autoflush: the batch's own rows are tracked in memory, and the queries below are
        # a few per collection, not a few per document.
        with self.write_session() as session, session.no_autoflush:
            # Lock the collection rows (in a fixed order: no deadlocks between writers) so
            # writers to one collection queue up on PostgreSQL; BEGIN IMMEDIATE did it on
            # SQLite. The checks below then cannot race with another writer.
            for cid in sorted(by_collection):
                collection = session.get(CollectionRow, cid, with_for_update=True)
                if collection is None:
                    continue
                news = [(n, batch[n][1]) for n in by_collection[cid]]
                known = {
                    row.content_hash: _stored(row)
                    for row in session.scalars(
                        select(DocumentRow).where(
                            DocumentRow.collection_id == cid,
                            DocumentRow.content_hash.in_({new.content_hash for _, new in news}),
                        )
                    )
                }
                taken = set(
                    session.scalars(
                        select(DocumentRow.source_id).where(
                            DocumentRow.collection_id == cid,
                            DocumentRow.source_id.in_({new.source.id for _, new in news}),
                        )
                    )
                )
                now = _now()
                for n, new in news:
                    if new.content_hash in known:
                        results[n] = (known[new.content_hash], False)
                        continue
                    source_id = self._free_source_id(session, cid, new.source.id, taken)
                    taken.add(source_id)
                    source, claims = new.source, new.claims
                    if source_id != source.id:  # renamed to stay unique: the claims follow
                        source = source.model_copy(update={"id": source_id})
                        claims = [c.model_copy(update={"source_id": source_id}) for c in claims]
                    collection.version += 1
                    collection.documents += 1
                    row = {
                        "collection_id": cid,
                        "seq": collection.version,
                        "source_id": source_id,
                        "content_hash": new.content_hash,
                        "source": source.model_dump_json(),
                        "text": new.text,
                        "fingerprint": new.fingerprint,
                        "claim_count": len(claims),
                        "created_at": now,
                    }
                    rows.append((row, claims))
                    stored = StoredDocument(
                        seq=collection.version,
                        source=source,
                        content_hash=new.content_hash,
                        claim_count=len(claims),
                        created_at=now,
                    )
                    known[new.content_hash] = stored  # the same article twice in one batch
                    results[n] = (stored, True)
            if rows:
                session.flush()  # the collections' new versions
                # One multi-row INSERT (ORM bulk mode, no unit of work), ids in row order.
                ids = session.scalars(
                    insert(DocumentRow).returning(DocumentRow.id, sort_by_parameter_order=True),
                    [row for row, _ in rows],
                ).all()
                claim_rows = [
                    {
                        "document_id": doc_id,
                        "ordinal": n,
                        "value": c.value,
                        "data": c.model_dump_json(),
                    }
                    for doc_id, (_, claims) in zip(ids, rows, strict=True)
                    for n, c in enumerate(claims)
                ]
                if claim_rows:
                    session.execute(insert(ClaimRow), claim_rows)
        return results

    @staticmethod
    def _free_source_id(session: Session, cid: str, wanted: str, taken: set[str]) -> str:
        """``wanted``, or ``wanted-2``, ``wanted-3``...: the first not used in the collection
        (``taken`` already says whether ``wanted`` itself is)."""
        candidate, n = wanted, 2
        while candidate in taken or (
            candidate != wanted
            and session.scalar(
                select(DocumentRow.id).where(
                    DocumentRow.collection_id == cid, DocumentRow.source_id == candidate
                )
            )
        ):
            candidate, n = f"{wanted}-{n}", n + 1
        return candidate

    def list_documents(self, cid: str, *, offset: int, limit: int) -> list[StoredDocument]:
        """Documents in order of arrival (seq), ``limit`` from ``offset``."""
        query = (
            select(DocumentRow)
            .where(DocumentRow.collection_id == cid)
            .order_by(DocumentRow.seq)
            .offset(offset)
            .limit(limit)
        )
        with self.read_session() as session:
            return [_stored(row) for row in session.scalars(query)]

    def get_document(self, cid: str, source_id: str) -> StoredDocument | None:
        """One document with its text and claims, by source id; None if unknown."""
        with self.read_session() as session:
            row = session.scalar(
                select(DocumentRow).where(
                    DocumentRow.collection_id == cid, DocumentRow.source_id == source_id
                )
            )
            if row is None:
                return None
            claims = session.scalars(
                select(ClaimRow.data)
                .where(ClaimRow.document_id == row.id)
                .order_by(ClaimRow.ordinal)
            )
            return _stored(
                row, text=row.text, claims=[Claim.model_validate_json(c) for c in claims]
            )

    def texts(self, cid: str, source_ids: list[str]) -> dict[str, str]:
        """The stored texts of some of a collection's documents, by source id."""
        found: dict[str, str] = {}
        with self.read_session() as session:
            for start in range(0, len(source_ids), 500):  # bound the statement's parameters
                rows = session.execute(
                    select(DocumentRow.source_id, DocumentRow.text).where(
                        DocumentRow.collection_id == cid,
                        DocumentRow.source_id.in_(source_ids[start : start + 500]),
                    )
                )
                found.update((source_id, text) for source_id, text in rows)
        return found

    def collection_version(self, cid: str) -> int | None:
        """The collection's version (its newest document's seq), or None if it does not exist."""
        with self.read_session() as session:
            return session.scalar(select(CollectionRow.version).where(CollectionRow.id == cid))

    def changes_since(self, cid: str, version: int) -> Delta | None:
        """Sources (with fingerprints) and claims of the documents added after ``version``.

        None if the collection does not exist. Only documents up to the collection's current
        version are returned, so the answer is a consistent step even while writers commit.
        """
        with self.read_session() as session:
            current = session.scalar(select(CollectionRow.version).where(CollectionRow.id == cid))
            if current is None:
                return None
            if current <= version:
                return Delta(version=current, sources=[], claims=[])
            window = (
                DocumentRow.collection_id == cid,
                DocumentRow.seq > version,
                DocumentRow.seq <= current,
            )
            sources = [
                (Source.model_validate_json(source), fingerprint)
                for source, fingerprint in session.execute(
                    select(DocumentRow.source, DocumentRow.fingerprint)
                    .where(*window)
                    .order_by(DocumentRow.seq)
                )
            ]
            claims = [
                Claim.model_validate_json(data)
                for data in session.scalars(
                    select(ClaimRow.data)
                    .join(DocumentRow, ClaimRow.document_id == DocumentRow.id)
                    .where(*window)
                    .order_by(DocumentRow.seq, ClaimRow.ordinal)
                )
            ]
            return Delta(version=current, sources=sources, claims=claims)

    # -- consistency -------------------------------------------------------------------

    def check(self) -> list[str]:
        """Problems found in the database (empty when consistent).

        SQLite's own integrity and foreign-key checks, then ours: every document has all its
        claims, every collection's counters match its documents.
        """
        problems: list[str] = []
        with self.read_session() as session:
            if self.is_sqlite:
                for (line,) in session.connection().exec_driver_sql("PRAGMA integrity_check"):
                    if line != "ok":
                        problems.append(f"integrity_check: {line}")
                for row in session.connection().exec_driver_sql("PRAGMA foreign_key_check"):
                    problems.append(f"foreign_key_check: {tuple(row)}")
            counted = (
                select(ClaimRow.document_id, func.count().label("n"))
                .group_by(ClaimRow.document_id)
                .subquery()
            )
            for seq, cid, expected, found in session.execute(
                select(
                    DocumentRow.seq,
                    DocumentRow.collection_id,
                    DocumentRow.claim_count,
                    func.coalesce(counted.c.n, 0),
                ).outerjoin(counted, counted.c.document_id == DocumentRow.id)
            ):
                if expected != found:
                    problems.append(
                        f"collection {cid} document #{seq}: {found} claims stored, {expected} expected"
                    )
            docs = (
                select(
                    DocumentRow.collection_id.label("cid"),
                    func.count().label("n"),
                    func.max(DocumentRow.seq).label("top"),
                )
                .group_by(DocumentRow.collection_id)
                .subquery()
            )
            for cid, version, documents, n, top in session.execute(
                select(
                    CollectionRow.id,
                    CollectionRow.version,
                    CollectionRow.documents,
                    func.coalesce(docs.c.n, 0),
                    func.coalesce(docs.c.top, 0),
                ).outerjoin(docs, docs.c.cid == CollectionRow.id)
            ):
                if documents != n or version != top:
                    problems.append(
                        f"collection {cid}: counters say {documents} documents up to #{version}, "
                        f"found {n} up to #{top}"
                    )
        return problems


def _info(row: CollectionRow) -> CollectionInfo:
    return CollectionInfo(
        id=row.id,
        name=row.name,
        public=bool(row.public),
        version=row.version,
        documents=row.documents,
        created_at=_aware(row.created_at),
    )


def _stored(
    row: DocumentRow, *, text: str | None = None, claims: list[Claim] | None = None
) -> StoredDocument:
    return StoredDocument(
        seq=row.seq,
        source=Source.model_validate_json(row.source),
        content_hash=row.content_hash,
        claim_count=row.claim_count,
        created_at=_aware(row.created_at),
        text=text,
        claims=claims,
    )
