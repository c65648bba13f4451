"""`timeline resolve --batch`: JSON Lines in, JSON Lines out, one line per input, in order."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import IO, TextIO

from timeline.errors import TimelineError
from timeline.temporal import resolve


def resolve_batch(
    lines: IO[str], out: TextIO, *, name: str = "-", on_error: Callable[[str], None] | None = None
) -> int:
    """Resolve every ``{"id", "text", "published"}`` line; returns how many lines failed.

    A failed line still gets its output line (``mentions: []`` and an ``error``) so the output
    stays aligned with the input.
    """
    failures = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        doc_id = None
        try:
            obj = json.loads(line)
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                raise ValueError('expected an object with a "text" string')
            doc_id = obj.get("id")
            mentions = [m.model_dump() for m in resolve(obj["text"], obj.get("published"))]
            record = {"id": doc_id, "mentions": mentions}
        except (ValueError, TimelineError) as exc:
            failures += 1
            reason = exc.reason if isinstance(exc, TimelineError) else str(exc)
            if on_error:
                on_error(f"timeline: {name}:{number}: {reason}")
            record = {"id": doc_id, "mentions": [], "error": reason}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return failures
