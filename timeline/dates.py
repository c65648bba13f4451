"""Small helpers for the ISO 8601 dates users hand us (``--published``, manifests, JSONL)."""

from __future__ import annotations

from datetime import date, datetime

from timeline.errors import DateError


def parse_published(
    value: date | datetime | str | None, *, what: str = "published"
) -> datetime | None:
    """Turn a user-given publication date into a datetime (naive dates become midnight).

    >>> parse_published("2013-04-23")
    datetime.datetime(2013, 4, 23, 0, 0)
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    text = str(value).strip()
    try:
        if len(text) == 10:
            return datetime.combine(date.fromisoformat(text), datetime.min.time())
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise DateError(
            f"{what} {text!r} is not an ISO 8601 date (expected e.g. 2013-04-23)"
        ) from None


def iso(value: date | datetime | None) -> str | None:
    """ISO text for a date or datetime; a datetime at midnight without zone stays a datetime."""
    return None if value is None else value.isoformat()
