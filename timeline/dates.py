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
        return _in_range(value, what)
    if isinstance(value, date):
        return _in_range(datetime(value.year, value.month, value.day), what)
    text = str(value).strip()
    try:
        if len(text) == 10:
            moment = datetime.combine(date.fromisoformat(text), datetime.min.time())
        else:
            moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise DateError(
            f"{what} {text!r} is not an ISO 8601 date (expected e.g. 2013-04-23)"
        ) from None
    return _in_range(moment, what)


#: Publication years the engine reckons from: far enough from the calendar's ends (years 1 and
#: 9999) that "a century later" or "the Monday before" stays a date.
YEARS = (1000, 9000)


def _in_range(moment: datetime, what: str) -> datetime:
    """``moment``, or a DateError when its year is outside :data:`YEARS`.

    >>> _in_range(datetime(1, 1, 2), "published")
    Traceback (most recent call last):
    timeline.errors.DateError: published 0001-01-02 is out of range: the year must be 1000-9000
    """
    if not YEARS[0] <= moment.year <= YEARS[1]:
        raise DateError(
            f"{what} {moment.date().isoformat()} is out of range: the year must be "
            f"{YEARS[0]}-{YEARS[1]}"
        )
    return moment


def iso(value: date | datetime | None) -> str | None:
    """ISO text for a date or datetime; a datetime at midnight without zone stays a datetime."""
    return None if value is None else value.isoformat()


def moment_of(value: str | None) -> datetime | None:
    """A stored ISO date or date-time as a datetime, or None when missing or unreadable.

    >>> moment_of("2013-04-23T06:39:00Z").isoformat(), moment_of("April 23"), moment_of(None)
    ('2013-04-23T06:39:00+00:00', None, None)
    """
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def day_of(value: str | None) -> date | None:
    """The calendar day of a stored ISO date or date-time (its own zone's day), or None.

    >>> day_of("2013-04-23T23:30:00-04:00")
    datetime.date(2013, 4, 23)
    """
    moment = moment_of(value)
    return None if moment is None else moment.date()
