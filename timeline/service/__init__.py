"""HTTP service (issue 7)."""

from __future__ import annotations


def run(db: str | None = None, host: str = "127.0.0.1", port: int = 8000) -> None:
    from timeline.errors import TimelineError

    raise TimelineError("the HTTP service is not built yet")
