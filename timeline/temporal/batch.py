"""`timeline resolve --batch`: JSON Lines in, JSON Lines out, one line per input, in order.

Each input line is ``{"id", "text", "published"}`` (``published`` optional, ISO 8601); each
output line is ``{"id", "mentions": [...]}``, or ``{"id", "mentions": [], "error"}`` for a line
that could not be read, so the output stays aligned with the input. Documents are processed one
at a time (memory stays flat however many there are); a progress bar goes to stderr when it is a
terminal or when asked.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import IO, TextIO

from timeline.errors import TimelineError
from timeline.temporal import resolve


def resolve_line(line: str) -> dict:
    """The output record of one input line; raises ValueError/TimelineError on bad input.

    >>> resolve_line('{"id": 1, "text": "on Monday", "published": "2013-04-23"}')["mentions"][0]["value"]
    '2013-04-22'
    """
    obj = json.loads(line)
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        raise ValueError('expected an object with a "text" string')
    mentions = resolve(obj["text"], obj.get("published"))
    return {"id": obj.get("id"), "mentions": [m.model_dump() for m in mentions]}


def resolve_batch(
    lines: IO[str] | Iterable[str],
    out: TextIO,
    *,
    name: str = "-",
    on_error: Callable[[str], None] | None = None,
    progress: bool | None = None,
    total: int | None = None,
) -> int:
    """Resolve every ``{"id", "text", "published"}`` line; returns how many lines failed.

    A failed line still gets its output line (``mentions: []`` and an ``error``) so the output
    stays aligned with the input. ``progress=None`` shows a bar only when stderr is a terminal.

    >>> import io
    >>> out = io.StringIO()
    >>> resolve_batch(['{"id": "a", "text": "in 2011"}', 'oops'], out, on_error=lambda m: None)
    1
    """
    failures = 0
    with _progress_bar(progress, total, name) as advance:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                record = resolve_line(line)
            except (ValueError, TimelineError) as exc:
                failures += 1
                reason = exc.reason if isinstance(exc, TimelineError) else _reason(exc)
                if on_error:
                    on_error(f"timeline: {name}:{number}: {reason}")
                record = {"id": _id_of(line), "mentions": [], "error": reason}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            advance()
    return failures


def _reason(exc: ValueError) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"not JSON ({exc.msg}, column {exc.colno})"
    return str(exc)


def _id_of(line: str) -> object:
    try:
        obj = json.loads(line)
    except ValueError:
        return None
    return obj.get("id") if isinstance(obj, dict) else None


@contextmanager
def _progress_bar(
    progress: bool | None, total: int | None, name: str
) -> Iterator[Callable[[], None]]:
    show = sys.stderr.isatty() if progress is None else progress
    if not show:
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    columns = [TextColumn("resolving {task.description}"), BarColumn(), MofNCompleteColumn()]
    columns += [TimeElapsedColumn(), TimeRemainingColumn()]
    bar = Progress(*columns, console=Console(stderr=True), transient=False)
    with bar:
        task = bar.add_task(name, total=total)
        yield lambda: bar.advance(task)


def count_lines(path: str) -> int | None:
    """Number of non-empty lines of a file (for the progress bar's total), or None."""
    try:
        with open(path, "rb") as handle:
            return sum(1 for line in handle if line.strip())
    except OSError:
        return None
