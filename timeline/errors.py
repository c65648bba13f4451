"""One exception type per user-facing failure; the CLI and the service turn them into one line."""

from __future__ import annotations


class TimelineError(Exception):
    """Base class: anything a user can cause and should be told about in one line."""

    def __init__(self, reason: str, *, path: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}" if self.path else self.reason


class InputError(TimelineError):
    """An input file or folder that cannot be read as an article."""


class ManifestError(TimelineError):
    """A manifest that cannot be used (missing columns, bad rows)."""


class DateError(TimelineError):
    """A date given by the user (e.g. --published) that is not ISO 8601."""


class OutputError(TimelineError):
    """An output folder or file that cannot be written (--out on a file, no permission)."""


class NothingToDo(TimelineError):
    """No input could be processed at all."""
