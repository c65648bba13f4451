"""HTTP service: collections of articles in, live chronologies out (FastAPI + SQLAlchemy).

``timeline serve`` calls :func:`run`; tests and other ASGI servers use :func:`create_app`.
"""

from __future__ import annotations

import logging
import os
import sys
from typing import Any

from timeline.errors import TimelineError


def run(
    db: str | None = None,
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    max_body: str | int | None = None,
    token: str | None = None,
    log_level: str = "info",
) -> None:
    """Serve the API with uvicorn until interrupted; the edge that prints to the terminal.

    >>> run("sqlite:///./timeline.db", port=8000)  # doctest: +SKIP
    """
    import uvicorn

    from timeline.service.app import create_app

    logging.basicConfig(
        level=getattr(logging, log_level.upper(), logging.INFO),
        format="%(levelname)s:     %(name)s: %(message)s",
    )
    app = create_app(db, token=token, max_body=max_body)
    store = app.state.ctx.store
    generated = app.state.generated_token
    if generated:
        print(
            "timeline: generated the write token (shown only this once; it is stored as a "
            f"hash, set TIMELINE_TOKEN to use your own):\n\n    {generated}\n",
            file=sys.stderr,
            flush=True,
        )
    elif app.state.ctx.token_digest and not (token or os.environ.get("TIMELINE_TOKEN")):
        print(
            "timeline: writes need the token printed on this database's first start "
            "(or set TIMELINE_TOKEN)",
            file=sys.stderr,
            flush=True,
        )
    print(
        f"timeline: database {store.describe()}; API on http://{host}:{port}/api, "
        f"docs on http://{host}:{port}/docs",
        file=sys.stderr,
        flush=True,
    )
    try:
        uvicorn.run(app, host=host, port=port, log_level=log_level, timeout_graceful_shutdown=5)
    except OSError as exc:
        raise TimelineError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None


def create_app(*args: Any, **kwargs: Any) -> Any:
    """See :func:`timeline.service.app.create_app` (imported lazily: FastAPI is slow to load)."""
    from timeline.service.app import create_app as _create_app

    return _create_app(*args, **kwargs)


__all__ = ["create_app", "run"]
