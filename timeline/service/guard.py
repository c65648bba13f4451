"""The outermost layer of the service: request ids, the request size limit, last-resort errors.

It wraps the whole ASGI app (outside Starlette's own error middleware), so a body that is too
large is refused before any handler reads it, every response carries ``X-Request-ID``, and an
exception that escapes everything still ends as a JSON 500 naming the request, never a trace.
"""

from __future__ import annotations

import json
import logging
import re
import uuid

from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("timeline.service")

_SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


def human_size(n: int) -> str:
    """Bytes for people: ``human_size(5 * 1024 * 1024) == '5 MB'``."""
    for unit, size in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if n >= size:
            value = n / size
            return f"{value:.0f} {unit}" if value == int(value) else f"{value:.1f} {unit}"
    return f"{n} bytes"


def parse_size(text: str | int) -> int:
    """A size like ``5MB``, ``512k`` or ``1048576`` in bytes.

    >>> parse_size("5MB")
    5242880
    """
    if isinstance(text, int):
        return text
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmg]?)i?b?\s*", str(text), re.IGNORECASE)
    if not match:
        raise ValueError(f"{text!r} is not a size (e.g. 5MB, 512KB, 1048576)")
    number, unit = float(match.group(1)), match.group(2).lower()
    return int(number * {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30}[unit])


class BodyTooLarge(HTTPException):
    """Raised while a handler reads a body that grows past the limit (chunked uploads)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, too_large_message(limit))


def too_large_message(limit: int) -> str:
    """The one line a client gets with a 413."""
    return (
        f"request body is larger than the limit of {human_size(limit)} "
        "(split the upload, or start the server with a larger --max-body)"
    )


def request_id(scope: Scope) -> str | None:
    """The id the Guard gave this request (also sent back as X-Request-ID)."""
    return scope.get("state", {}).get("request_id")


async def send_json(send: Send, status: int, body: dict, rid: str) -> None:
    """Answer with a JSON body straight on the ASGI channel (the app never saw the request)."""
    payload = json.dumps(body).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(payload)).encode()),
                (b"x-request-id", rid.encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": payload})


class Guard:
    """ASGI wrapper: request id, body size limit, and a JSON 500 for anything unhandled."""

    def __init__(self, app: ASGIApp, *, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        given = headers.get("x-request-id", "")
        rid = given if _SAFE_ID.match(given) else uuid.uuid4().hex[:16]
        scope.setdefault("state", {})["request_id"] = rid

        length = headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            status, detail = (
                (413, too_large_message(self.max_body))
                if length.isdigit()
                else (400, "Content-Length is not a number")
            )
            await send_json(send, status, {"detail": detail, "errors": [], "request_id": rid}, rid)
            return

        started = False
        received = 0

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise BodyTooLarge(self.max_body)
            return message

        async def tagged_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                MutableHeaders(scope=message).append("x-request-id", rid)
            await send(message)

        try:
            await self.app(scope, counted_receive, tagged_send)
        except Exception:
            # Starlette's error middleware has already answered (with our JSON handler) and
            # logged; re-raising would only make the server print the same trace again.
            if not started:
                log.exception("request %s failed", rid)
                await send_json(
                    send,
                    500,
                    {"detail": "internal error", "errors": [], "request_id": rid},
                    rid,
                )
