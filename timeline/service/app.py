"""The FastAPI app: collections of articles in, live chronologies out.

Writes (creating collections, adding documents) need the bearer token; reads of a collection
are open when it is public. Each new document goes through the per-document stages (dating,
resolution, claims) once, in the request that adds it; chronologies are assembled from the
stored claims when first read after a change (see ``cache.py``).
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import os
import re
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import PurePath
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Path, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import ValidationError
from sqlalchemy.exc import OperationalError
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException

from timeline import __version__
from timeline.errors import DateError, InputError, TimelineError
from timeline.ingest.pubdate import date_documents
from timeline.ingest.readers import document_from_record
from timeline.ingest.syndication import fingerprint
from timeline.models import AuditRow, Chronology, Mention
from timeline.pipeline import document_claims
from timeline.service.api import (
    SOURCE_ID_PATTERN,
    CollectionIn,
    CollectionLinks,
    CollectionOut,
    CollectionPatch,
    DocumentDetail,
    DocumentIn,
    DocumentOut,
    DocumentPage,
    ErrorOut,
    FieldError,
    Health,
    ResolveIn,
)
from timeline.service.cache import ChronologyCache, CollectionGone, Snapshot
from timeline.service.guard import Guard, parse_size, request_id
from timeline.service.storage import (
    CollectionInfo,
    NewDocument,
    Store,
    StoredDocument,
    token_hash,
)
from timeline.service.writer import DocumentWriter
from timeline.temporal import resolve

log = logging.getLogger("timeline.service")

DEFAULT_MAX_BODY = 5 * 1024 * 1024
# Database errors worth a retry (503); any other is a bug or a broken setup (500).
TRANSIENT = ("locked", "busy", "connection", "connect", "timeout", "timed out", "terminat")
_COLLECTION_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_SOURCE_ID = re.compile(SOURCE_ID_PATTERN)
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
RECORD_SUFFIXES = {".jsonl", ".ndjson", ".json", ".csv"}

DESCRIPTION = """
Reconstruct a sourced timeline from news articles, live: post articles into a collection, read
its chronology (JSON or CSV), its audit (who reported each event first) and its interactive
timeline page.

**Token.** Writes need `Authorization: Bearer <token>`: the `TIMELINE_TOKEN` environment
variable of the server, or the token it generated and printed on its first start (only a hash
is stored). Reads of a collection need the token too, unless the collection is public.

```sh
curl -X POST localhost:8000/api/collections -H "Authorization: Bearer $TOKEN" \\
     -H 'Content-Type: application/json' -d '{"name": "boston", "public": true}'
curl -X POST localhost:8000/api/collections/ID/documents -H "Authorization: Bearer $TOKEN" \\
     -F file=@article.txt -F published=2013-04-23
curl localhost:8000/api/collections/ID/chronology.csv
```
"""


class TimelineAPI(FastAPI):
    """FastAPI with the Guard wrapped around everything, Starlette's error middleware included."""

    max_body: int = DEFAULT_MAX_BODY

    def build_middleware_stack(self):  # type: ignore[override]
        return Guard(super().build_middleware_stack(), max_body=self.max_body)


class Context:
    """What every request needs: the store, the chronology cache, the expected token hash."""

    def __init__(self, store: Store, token_digest: str | None) -> None:
        self.store = store
        self.cache = ChronologyCache(store)
        self.writer = DocumentWriter(store)
        self.token_digest = token_digest

    def authorized(self, credentials: HTTPAuthorizationCredentials | None) -> bool:
        if credentials is None or not self.token_digest:
            return False
        return hmac.compare_digest(token_hash(credentials.credentials), self.token_digest)


bearer = HTTPBearer(
    auto_error=False,
    scheme_name="token",
    description="TIMELINE_TOKEN, or the token the server printed on its first start.",
)
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
CollectionId = Annotated[str, Path(description="The collection id returned on creation.")]


def _ctx(request: Request) -> Context:
    return request.app.state.ctx


async def require_token(request: Request, credentials: Credentials) -> None:
    """Dependency of every write: a valid bearer token, or 401 (async: a hash needs no thread)."""
    if not _ctx(request).authorized(credentials):
        raise _unauthorized(credentials)


def _unauthorized(credentials: HTTPAuthorizationCredentials | None) -> HTTPException:
    detail = (
        "the bearer token is not valid"
        if credentials is not None
        else "this needs the write token: send the header Authorization: Bearer <token>"
    )
    return HTTPException(401, detail, headers={"WWW-Authenticate": "Bearer"})


def _readable(request: Request, collection_id: str, credentials) -> CollectionInfo:
    """The collection if this request may read it: 404 if unknown, 401 if private."""
    ctx = _ctx(request)
    found = ctx.store.get_collection(collection_id) if _COLLECTION_ID.match(collection_id) else None
    if found is None:
        raise HTTPException(404, f"no collection {collection_id!r}")
    if not found.public and not ctx.authorized(credentials):
        if credentials is None:
            raise HTTPException(
                401,
                f"collection {collection_id!r} is private: send Authorization: Bearer <token>",
                headers={"WWW-Authenticate": "Bearer"},
            )
        raise _unauthorized(credentials)
    return found


def _base(request: Request) -> str:
    return request.scope.get("root_path", "").rstrip("/")


def _collection_out(request: Request, info: CollectionInfo) -> CollectionOut:
    base = f"{_base(request)}/api/collections/{info.id}"
    return CollectionOut(
        id=info.id,
        name=info.name,
        public=info.public,
        documents=info.documents,
        version=info.version,
        created_at=info.created_at.isoformat(),
        links=CollectionLinks(
            documents=f"{base}/documents",
            chronology=f"{base}/chronology",
            audit=f"{base}/audit",
            timeline=f"{base}/timeline",
        ),
    )


def _document_out(doc: StoredDocument) -> DocumentOut:
    return DocumentOut(
        id=doc.source.id,
        seq=doc.seq,
        content_hash=doc.content_hash,
        claim_count=doc.claim_count,
        created_at=doc.created_at.isoformat(),
        source=doc.source,
    )


# Reads take the token when it is given, and do without it on public collections.
# FastAPI appends this to the requirement it derives from the dependency: token OR nothing.
OPTIONAL_TOKEN: dict[str, Any] = {"security": [{}]}
READ_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorOut, "description": "Private collection, no valid token"},
    404: {"model": ErrorOut, "description": "No such collection"},
    422: {"model": ErrorOut, "description": "Invalid parameters"},
}
WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorOut, "description": "No valid token"},
    413: {"model": ErrorOut, "description": "Request body too large"},
    422: {"model": ErrorOut, "description": "Invalid body; the fields at fault are listed"},
    503: {"model": ErrorOut, "description": "Database busy or unreachable; retry"},
}


def _media_q(accept: str, wanted: str) -> float:
    """Quality the Accept header gives ``wanted`` (type/subtype), counting wildcards."""
    best = 0.0
    family = wanted.split("/")[0]
    for part in accept.split(","):
        pieces = [p.strip() for p in part.split(";")]
        media = pieces[0].lower()
        if media not in (wanted, f"{family}/*", "*/*"):
            continue
        q = 1.0
        for param in pieces[1:]:
            if param.startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        # An exact match outranks a wildcard at the same quality.
        best = max(best, q + (0.001 if media == wanted else 0.0))
    return best


def wants_csv(accept: str | None) -> bool:
    """True when the Accept header prefers CSV over JSON (JSON wins ties and absence).

    >>> wants_csv("text/csv"), wants_csv("application/json, text/csv;q=0.5"), wants_csv(None)
    (True, False, False)
    """
    if not accept:
        return False
    return _media_q(accept, "text/csv") > _media_q(accept, "application/json")


def accepts_gzip(accept_encoding: str | None) -> bool:
    """True when Accept-Encoding allows gzip (listed, or ``*``, with a quality above 0).

    >>> accepts_gzip("gzip, deflate"), accepts_gzip("gzip;q=0"), accepts_gzip(None)
    (True, False, False)
    """
    for part in (accept_encoding or "").split(","):
        pieces = [p.strip().lower() for p in part.split(";")]
        if pieces[0] in ("gzip", "*"):
            q = next((p[2:] for p in pieces[1:] if p.startswith("q=")), "1")
            try:
                return float(q) > 0
            except ValueError:
                return False
    return False


def _serve(request: Request, snapshot: Snapshot, kind: str, *, public: bool) -> Response:
    rendered = snapshot.rendered(kind)
    gzipped = len(rendered.body) > 2048 and accepts_gzip(request.headers.get("accept-encoding"))
    tag = f'"{snapshot.collection_id}-{snapshot.version}-{kind}{"-gz" if gzipped else ""}"'
    headers = {
        "ETag": tag,
        "Vary": "Accept, Accept-Encoding, Authorization",
        # no-cache: clients may keep a copy but must revalidate (cheap: the ETag) each time.
        "Cache-Control": ("public" if public else "private") + ", no-cache",
    }
    seen = [t.strip() for t in request.headers.get("if-none-match", "").split(",")]
    if tag in seen or f"W/{tag}" in seen:
        return Response(status_code=304, headers=headers)
    if gzipped:
        headers["Content-Encoding"] = "gzip"
        return Response(rendered.gzipped(), media_type=rendered.media_type, headers=headers)
    return Response(rendered.body, media_type=rendered.media_type, headers=headers)


DEFAULT_WAIT = 20.0
Wait = Annotated[
    float,
    Query(
        ge=0,
        le=3600,
        description="Seconds to wait for a chronology that includes every document. Past "
        "that, the last one assembled is served with X-Timeline-Stale: true (or a 503 if "
        "there is none yet). Small collections are ready at once.",
    ),
]


def _snapshot(request: Request, info: CollectionInfo, wait: float) -> tuple[Snapshot, dict]:
    """The collection's chronology (fresh, or stale after ``wait`` seconds) and headers
    saying which version it is."""
    try:
        found = _ctx(request).cache.current(info.id, wait=wait)
    except CollectionGone:  # deleted between the access check and now
        raise HTTPException(404, f"no collection {info.id!r}") from None
    if found.snapshot is None:
        raise HTTPException(
            503,
            f"the chronology of collection {info.id!r} ({info.documents} documents) is being "
            "assembled; retry shortly, or pass ?wait=SECONDS to wait longer",
            headers={"Retry-After": "5"},
        )
    headers = {
        "X-Timeline-Version": str(found.snapshot.version),
        "X-Timeline-Stale": "false" if found.fresh else "true",
        "X-Timeline-Latest-Version": str(found.latest),
    }
    return found.snapshot, headers


def _output(
    request: Request, collection_id: str, credentials, kind: str | None, wait: float
) -> Response:
    """Serve one rendering of a collection's chronology (kind None: JSON or CSV by Accept)."""
    info = _readable(request, collection_id, credentials)
    snapshot, headers = _snapshot(request, info, wait)
    if kind is None or kind == "audit":
        csv = wants_csv(request.headers.get("accept"))
        kind = {None: "csv" if csv else "json", "audit": "audit.csv" if csv else "audit.json"}[kind]
    response = _serve(request, snapshot, kind, public=info.public)
    response.headers.update(headers)
    return response


# -- errors ---------------------------------------------------------------------------------


def _error_response(
    request: Request,
    status: int,
    detail: str,
    errors: list[FieldError] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body = ErrorOut(detail=detail, errors=errors or [], request_id=request_id(request.scope))
    return JSONResponse(body.model_dump(), status_code=status, headers=headers)


def field_errors(errors: list[dict]) -> list[FieldError]:
    """Pydantic errors as (field, message) pairs, ``body.`` dropped from field paths."""
    out = []
    for error in errors:
        loc = [str(p) for p in error.get("loc", ())]
        if loc and loc[0] == "body":
            loc = loc[1:]
        message = str(error.get("msg", "invalid"))
        message = message.removeprefix("Value error, ")
        out.append(FieldError(field=".".join(loc) or "body", message=message))
    return out


def _validation_response(request: Request, errors: list[dict]) -> JSONResponse:
    fields = field_errors(errors)
    summary = "; ".join(f"{f.field}: {f.message}" for f in fields[:3])
    more = f" (and {len(fields) - 3} more)" if len(fields) > 3 else ""
    return _error_response(request, 422, f"invalid request: {summary}{more}", fields)


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException) -> JSONResponse:
        return _error_response(request, exc.status_code, str(exc.detail), headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return _validation_response(request, list(exc.errors()))

    @app.exception_handler(ValidationError)
    async def _invalid_model(request: Request, exc: ValidationError) -> JSONResponse:
        return _validation_response(request, list(exc.errors()))

    @app.exception_handler(TimelineError)
    async def _timeline(request: Request, exc: TimelineError) -> JSONResponse:
        return _error_response(request, 422, str(exc))

    @app.exception_handler(OperationalError)
    async def _database(request: Request, exc: OperationalError) -> JSONResponse:
        rid = request_id(request.scope)
        reason = str(exc.orig).lower()
        if exc.connection_invalidated or any(word in reason for word in TRANSIENT):
            log.warning("request %s: database unavailable: %s", rid, exc.orig)
            return _error_response(
                request,
                503,
                "the database is busy or unreachable; retry shortly",
                headers={"Retry-After": "1"},
            )
        log.error("request %s: database error", rid, exc_info=exc)
        return _error_response(
            request, 500, f"internal error (request id {rid}; details are in the server log)"
        )

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> JSONResponse:
        rid = request_id(request.scope)
        log.error("request %s failed", rid, exc_info=exc)
        return _error_response(
            request, 500, f"internal error (request id {rid}; details are in the server log)"
        )


# -- ingest ---------------------------------------------------------------------------------


def content_hash(payload: DocumentIn, filename: str | None = None) -> str:
    """The idempotency key of a posted article: sha256 of the article and its metadata.

    Posting the same thing twice (a retry) finds the stored document; the same text from
    another outlet, URL or date is another document (and the chronology marks it as a copy).

    >>> content_hash(DocumentIn(text="a")) == content_hash(DocumentIn(text="a"))
    True
    """
    fields = payload.model_dump(exclude_none=True)
    if filename:
        fields["filename"] = filename
    canonical = json.dumps(fields, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()


def prepare(payload: DocumentIn, filename: str | None = None) -> NewDocument:
    """Run the per-document stages on one article: read, date, resolve, extract claims.

    >>> prepare(DocumentIn(text="It rained on Monday.", published="2013-04-23")).claims  # doctest: +SKIP
    """
    digest = content_hash(payload, filename)
    source_id = payload.id or _id_from_filename(filename) or digest[:12]
    record = payload.model_dump(exclude_none=True, exclude={"id"})
    try:
        document = document_from_record(
            record, source_id=source_id, path=filename or payload.url or source_id
        )
    except ValueError as exc:
        # The reader owns the rules (e.g. which date forms count); point at the field it names.
        message = str(exc)
        field = "published" if "published" in message else ("html" if payload.html else "text")
        raise _field_error(field, message) from None
    date_documents([document])
    try:
        claims = document_claims(document)
    except DateError as exc:
        raise _field_error("published", exc.reason) from None
    return NewDocument(
        source=document.source,
        text=document.text,
        content_hash=digest,
        fingerprint=fingerprint(document),
        claims=claims,
    )


def ingest(
    store: Store, collection_id: str, payload: DocumentIn, filename: str | None = None
) -> tuple[StoredDocument, bool] | None:
    """Process one article and store it with its claims (what a POST does, minus HTTP).

    Returns (document, created), or None when the collection does not exist. A document
    already in the collection (same content) is returned as is, without any processing.

    >>> ingest(store, "4f1c0a9e2b7d", DocumentIn(text="It rained Monday."))  # doctest: +SKIP
    """
    exists, known = store.lookup(collection_id, content_hash(payload, filename))
    if not exists:
        return None
    if known is not None:
        return known, False
    return store.add_document(collection_id, prepare(payload, filename))


def _lookup_or_prepare(
    store: Store, collection_id: str, payload: DocumentIn, filename: str | None
) -> StoredDocument | NewDocument | None:
    """The stored document if known, else the processed new one; None without a collection."""
    exists, known = store.lookup(collection_id, content_hash(payload, filename))
    if not exists:
        return None
    return known if known is not None else prepare(payload, filename)


def _id_from_filename(filename: str | None) -> str | None:
    if not filename:
        return None
    stem = PurePath(filename.replace("\\", "/")).stem
    cleaned = re.sub(r"[^A-Za-z0-9._~-]+", "-", stem).strip("-._~")[:120]
    return cleaned or None


def _decode_upload(name: str, data: bytes) -> str:
    from timeline.ingest.encoding import decode_bytes

    try:
        return decode_bytes(data, path=name)[0]
    except InputError as exc:
        raise _field_error("file", f"file {name!r}: {exc.reason}") from None


def _field_error(field: str, message: str) -> ValidationError:
    return ValidationError.from_exception_data(
        "DocumentIn",
        [{"type": "value_error", "loc": (field,), "input": None, "ctx": {"error": message}}],
    )


async def _read_document(request: Request) -> tuple[DocumentIn, str | None]:
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media in ("", "application/json") or media.endswith("+json"):
        return DocumentIn.model_validate_json(await request.body()), None
    if media != "multipart/form-data":
        raise HTTPException(
            415,
            f"unsupported Content-Type {media!r}: send application/json "
            "or multipart/form-data with a file field",
        )
    form = await request.form(max_files=1, max_fields=16)
    fields: dict[str, Any] = {}
    filename = None
    for key, value in form.multi_items():
        if isinstance(value, UploadFile):
            if key != "file":
                raise _field_error(key, "the article file goes in the field named 'file'")
            filename = value.filename or "upload.txt"
            if PurePath(filename).suffix.lower() in RECORD_SUFFIXES:
                raise _field_error(
                    "file",
                    f"file {filename!r} holds records, not an article: upload one .txt or "
                    ".html article per request, or post each record as JSON",
                )
            text = _decode_upload(filename, await value.read())
            is_html = PurePath(filename).suffix.lower() in HTML_SUFFIXES or (
                value.content_type or ""
            ).startswith(("text/html", "application/xhtml"))
            fields["html" if is_html else "text"] = text
        elif value != "":
            fields[key] = value
    return DocumentIn.model_validate(fields), filename


# -- the app --------------------------------------------------------------------------------


def create_app(
    db: str | None = None,
    *,
    token: str | None = None,
    max_body: int | str | None = None,
    store: Store | None = None,
) -> TimelineAPI:
    """The service as an ASGI app (run it with uvicorn, or test it with a TestClient).

    ``token`` defaults to $TIMELINE_TOKEN; without one, a token is generated on first start
    (only its hash is stored) and left in ``app.state.generated_token`` for the caller to
    show once. ``max_body`` defaults to $TIMELINE_MAX_BODY, else 5 MB.

    >>> app = create_app("sqlite:///./timeline.db", token="s3cret")  # doctest: +SKIP
    """
    store = store or Store(db)
    token = token or os.environ.get("TIMELINE_TOKEN") or None
    generated = None
    if token:
        digest: str | None = token_hash(token)
    else:
        generated = store.ensure_write_token()
        digest = store.write_token_hash()
    limit = max_body if max_body is not None else os.environ.get("TIMELINE_MAX_BODY")
    try:
        limit_bytes = parse_size(limit) if limit is not None else DEFAULT_MAX_BODY
    except ValueError as exc:
        raise TimelineError(f"max body size: {exc}") from None

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        app.state.ctx.writer.close()
        store.close()

    app = TimelineAPI(
        title="timeline",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url="/docs",
        redoc_url=None,
    )
    app.max_body = limit_bytes
    app.state.ctx = Context(store, digest)
    app.state.generated_token = generated
    _install_error_handlers(app)
    _install_routes(app)
    _install_openapi(app)
    return app


def _install_routes(app: FastAPI) -> None:
    @app.get("/", include_in_schema=False)
    def _root() -> RedirectResponse:
        return RedirectResponse("/docs")

    @app.get(
        "/healthz",
        response_model=Health,
        tags=["service"],
        responses={503: {"model": ErrorOut, "description": "Database unreachable"}},
    )
    def healthz(request: Request) -> Any:
        """Liveness and database reachability."""
        store = _ctx(request).store
        try:
            store.ping()
        except Exception as exc:
            log.warning("healthz: database unreachable: %s", exc)
            return _error_response(request, 503, "database unreachable")
        return Health(status="ok", database=store.dialect, version=__version__)

    @app.post(
        "/api/collections",
        status_code=201,
        response_model=CollectionOut,
        tags=["collections"],
        responses=WRITE_ERRORS,
        dependencies=[Depends(require_token)],
    )
    def create_collection(request: Request, body: CollectionIn, response: Response) -> Any:
        """Create a collection; its id is in the answer and in the Location header."""
        info = _ctx(request).store.create_collection(body.name, public=body.public)
        out = _collection_out(request, info)
        response.headers["Location"] = f"{_base(request)}/api/collections/{info.id}"
        return out

    @app.get(
        "/api/collections",
        response_model=list[CollectionOut],
        tags=["collections"],
        openapi_extra=OPTIONAL_TOKEN,
    )
    def list_collections(request: Request, credentials: Credentials) -> Any:
        """Every collection with the token; only the public ones without it."""
        ctx = _ctx(request)
        found = ctx.store.list_collections(public_only=not ctx.authorized(credentials))
        return [_collection_out(request, info) for info in found]

    @app.get(
        "/api/collections/{collection_id}",
        response_model=CollectionOut,
        tags=["collections"],
        responses=READ_ERRORS,
        openapi_extra=OPTIONAL_TOKEN,
    )
    def get_collection(
        request: Request, collection_id: CollectionId, credentials: Credentials
    ) -> Any:
        """One collection: name, visibility, document count, version."""
        return _collection_out(request, _readable(request, collection_id, credentials))

    @app.patch(
        "/api/collections/{collection_id}",
        response_model=CollectionOut,
        tags=["collections"],
        responses={**WRITE_ERRORS, 404: READ_ERRORS[404]},
        dependencies=[Depends(require_token)],
    )
    def update_collection(
        request: Request, collection_id: CollectionId, body: CollectionPatch
    ) -> Any:
        """Rename a collection or change its visibility (``{"public": true}``)."""
        info = None
        if _COLLECTION_ID.match(collection_id):
            info = _ctx(request).store.update_collection(
                collection_id, name=body.name, public=body.public
            )
        if info is None:
            raise HTTPException(404, f"no collection {collection_id!r}")
        return _collection_out(request, info)

    @app.delete(
        "/api/collections/{collection_id}",
        status_code=204,
        tags=["collections"],
        responses={**WRITE_ERRORS, 404: READ_ERRORS[404]},
        dependencies=[Depends(require_token)],
    )
    def delete_collection(request: Request, collection_id: CollectionId) -> Response:
        """Delete a collection with all its documents and claims."""
        ctx = _ctx(request)
        if not (_COLLECTION_ID.match(collection_id) and ctx.store.delete_collection(collection_id)):
            raise HTTPException(404, f"no collection {collection_id!r}")
        ctx.cache.forget(collection_id)
        return Response(status_code=204)

    upload_schema = {
        "type": "object",
        "properties": {
            "file": {"type": "string", "format": "binary", "description": ".txt or .html"},
            "published": {"type": "string", "description": "ISO 8601 date or date-time"},
            "url": {"type": "string"},
            "title": {"type": "string"},
            "source": {"type": "string", "description": "The outlet"},
            "id": {"type": "string", "pattern": SOURCE_ID_PATTERN},
        },
        "required": ["file"],
    }

    @app.post(
        "/api/collections/{collection_id}/documents",
        status_code=201,
        response_model=DocumentOut,
        tags=["documents"],
        responses={
            200: {"model": DocumentOut, "description": "Already in the collection (same content)"},
            201: {"model": DocumentOut, "description": "Added"},
            400: {"model": ErrorOut, "description": "Malformed multipart body"},
            404: READ_ERRORS[404],
            415: {"model": ErrorOut, "description": "Neither JSON nor multipart"},
            **WRITE_ERRORS,
        },
        dependencies=[Depends(require_token)],
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/DocumentIn"}},
                    "multipart/form-data": {"schema": upload_schema},
                },
            }
        },
    )
    async def add_document(request: Request, collection_id: CollectionId) -> Any:
        """Add one article, as JSON or as a file upload (field ``file``, plus optional
        ``published``, ``url``, ``title``, ``source``, ``id`` fields).

        Idempotent: 201 with the new document, or 200 with the stored one when the same
        content is already in the collection. The article is dated, resolved and its claims
        extracted once, here; the collection's chronology follows on its next read.
        """
        ctx = _ctx(request)
        if not _COLLECTION_ID.match(collection_id):
            raise HTTPException(404, f"no collection {collection_id!r}")
        payload, filename = await _read_document(request)
        # One trip to a worker thread: look the document up, process it if it is new.
        found = await run_in_threadpool(
            _lookup_or_prepare, ctx.store, collection_id, payload, filename
        )
        if found is None:
            raise HTTPException(404, f"no collection {collection_id!r}")
        if isinstance(found, NewDocument):
            # Stored by the writer thread with whatever else is queued: one commit for all.
            result = await asyncio.wrap_future(ctx.writer.submit(collection_id, found))
        else:
            result = (found, False)
        if result is None:
            raise HTTPException(404, f"no collection {collection_id!r}")
        document, created = result
        headers = {
            "Location": f"{_base(request)}/api/collections/{collection_id}"
            f"/documents/{document.source.id}"
        }
        return JSONResponse(
            _document_out(document).model_dump(mode="json"),
            status_code=201 if created else 200,
            headers=headers,
        )

    @app.get(
        "/api/collections/{collection_id}/documents",
        response_model=DocumentPage,
        tags=["documents"],
        responses=READ_ERRORS,
        openapi_extra=OPTIONAL_TOKEN,
    )
    def list_documents(
        request: Request,
        collection_id: CollectionId,
        credentials: Credentials,
        offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
    ) -> Any:
        """The collection's documents in order of arrival, ``limit`` at a time."""
        info = _readable(request, collection_id, credentials)
        items = _ctx(request).store.list_documents(info.id, offset=offset, limit=limit)
        following = offset + len(items)
        next_url = None
        if items and following < info.documents:
            next_url = (
                f"{_base(request)}/api/collections/{info.id}/documents"
                f"?offset={following}&limit={limit}"
            )
        return DocumentPage(
            items=[_document_out(d) for d in items],
            total=info.documents,
            offset=offset,
            limit=limit,
            next=next_url,
        )

    @app.get(
        "/api/collections/{collection_id}/documents/{document_id}",
        response_model=DocumentDetail,
        tags=["documents"],
        responses={**READ_ERRORS, 404: {"model": ErrorOut, "description": "No such document"}},
        openapi_extra=OPTIONAL_TOKEN,
    )
    def get_document(
        request: Request,
        collection_id: CollectionId,
        document_id: Annotated[str, Path(description="The document's source id.")],
        credentials: Credentials,
    ) -> Any:
        """One document with its text and the dated claims found in it."""
        info = _readable(request, collection_id, credentials)
        found = None
        if _SOURCE_ID.match(document_id):
            found = _ctx(request).store.get_document(info.id, document_id)
        if found is None:
            raise HTTPException(404, f"no document {document_id!r} in collection {info.id!r}")
        return DocumentDetail(
            **_document_out(found).model_dump(), text=found.text or "", claims=found.claims or []
        )

    outputs = {
        # path suffix: (kind, summary, media types besides JSON, response model for JSON)
        "chronology": (None, "JSON, or CSV with Accept: text/csv", ["text/csv"], Chronology),
        "chronology.csv": ("csv", "One row per claim", ["text/csv"], None),
        "audit": ("audit", "JSON, or CSV with Accept: text/csv", ["text/csv"], list[AuditRow]),
        "audit.csv": ("audit.csv", "The audit as CSV", ["text/csv"], None),
        "timelinejs": ("timelinejs", "TimelineJS3 data (timeline.knightlab.com)", [], None),
        "timeline": ("html", "The interactive page, self-contained HTML", ["text/html"], None),
    }
    docs = {
        "chronology": "Sources and events with their claims, as JSON (``Accept: text/csv`` for "
        "one row per claim).",
        "chronology.csv": "The chronology as CSV, one row per claim.",
        "audit": "Per event: first reporter, lag, independent sources, copies, conflict "
        "(JSON, or CSV with ``Accept: text/csv``).",
        "audit.csv": "The audit as CSV.",
        "timelinejs": "The chronology as TimelineJS3 JSON, to embed with Knight Lab's viewer.",
        "timeline": "The interactive timeline page (self-contained HTML, works offline).",
    }
    common = (
        " Every output carries an ETag (send it back in If-None-Match for a 304 while the "
        "collection is unchanged) and X-Timeline-Version / X-Timeline-Stale headers."
    )
    for suffix, (kind, summary, media, model) in outputs.items():
        content: dict[str, Any] = {m: {"schema": {"type": "string"}} for m in media}
        if suffix in ("timelinejs",):
            content["application/json"] = {"schema": {"type": "object"}}
        responses: dict[int | str, dict[str, Any]] = {
            200: {"description": summary, "content": content, "headers": OUTPUT_HEADERS},
            304: {"description": "Unchanged since the ETag given in If-None-Match"},
            **READ_ERRORS,
            503: {"model": ErrorOut, "description": "First chronology still being assembled"},
        }
        if model is None and "application/json" not in content:
            # Not JSON at all: do not let FastAPI advertise a JSON body.
            responses[200]["content"] = content

        endpoint = _output_endpoint(kind)
        endpoint.__doc__ = docs[suffix] + common
        app.add_api_route(
            f"/api/collections/{{collection_id}}/{suffix}",
            endpoint,
            methods=["GET"],
            name=f"output_{suffix.replace('.', '_')}",
            summary=f"Get the {suffix.replace('.csv', ' as CSV')}",
            tags=["outputs"],
            response_model=model,
            response_class=Response if model is None else JSONResponse,
            responses=responses,
            openapi_extra=OPTIONAL_TOKEN,
        )

    @app.post(
        "/api/resolve",
        response_model=list[Mention],
        tags=["temporal"],
        responses={
            413: WRITE_ERRORS[413],
            422: {"model": ErrorOut, "description": "Invalid body; the fields at fault are listed"},
        },
    )
    def resolve_text(body: ResolveIn) -> Any:
        """Find the time expressions in a text and resolve them against ``published``
        (no token needed: nothing is stored)."""
        return resolve(body.text, body.published)


OUTPUT_HEADERS: dict[str, Any] = {
    "ETag": {"description": "Changes with the collection", "schema": {"type": "string"}},
    "X-Timeline-Version": {
        "description": "The collection version this chronology includes",
        "schema": {"type": "string"},
    },
    "X-Timeline-Stale": {
        "description": '"true" when newer documents are not in it yet (see ?wait)',
        "schema": {"type": "string", "enum": ["true", "false"]},
    },
}


def _output_endpoint(kind: str | None) -> Callable[..., Response]:
    def endpoint(
        request: Request,
        collection_id: CollectionId,
        credentials: Credentials,
        wait: Wait = DEFAULT_WAIT,
    ) -> Response:
        return _output(request, collection_id, credentials, kind, wait)

    return endpoint


def _install_openapi(app: FastAPI) -> None:
    """Add DocumentIn to the components: the documents route reads its body by hand (JSON or
    multipart), so FastAPI cannot see the model."""
    original = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = original()
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        components["DocumentIn"] = DocumentIn.model_json_schema(
            ref_template="#/components/schemas/{model}"
        )
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
