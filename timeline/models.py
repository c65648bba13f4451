"""Pydantic models shared by every stage: Source, Mention, Claim, Event, Chronology.

Data flows one way: ingest -> temporal -> claims -> events -> audit -> render.
Each stage takes the previous stage's models and returns its own. Field names here are a
public contract (JSON output, schemas/, the HTTP API): fields may be added, never renamed.

Intervals are half-open ``[start, end)`` ISO 8601 strings: a plain date (``2013-04-15``) when
the granularity is a day or coarser, a date-time (``2013-04-19T18:00:00``) when finer.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]

# Ordered finest -> coarsest; `GRANULARITY_ORDER` ranks them for sorting and comparisons.
Granularity = Literal[
    "second",
    "minute",
    "hour",
    "part_of_day",
    "day",
    "weekend",
    "week",
    "month",
    "season",
    "quarter",
    "half_year",
    "year",
    "decade",
    "century",
    "millennium",
]
GRANULARITY_ORDER: dict[str, int] = {
    name: rank
    for rank, name in enumerate(Granularity.__args__)  # type: ignore[attr-defined]
}

# What a mention was resolved against: the document's publication date, the running
# narrative reference (an earlier date in the text), or nothing (an absolute date, a duration).
Anchor = Literal["published", "narrative", "absolute"]

PublishedHow = Literal["manifest", "metadata", "dateline", "inferred", "unknown"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Mention(_Model):
    """One time expression found in a text, normalized to TIMEX3 and to an interval.

    Example: in "set off twin bombs Monday" published 2013-04-20, the mention "Monday" has
    ``value="2013-04-15"``, ``start="2013-04-15"``, ``end="2013-04-16"``, ``granularity="day"``,
    ``anchor="published"``.
    """

    start_char: int = Field(ge=0, description="Offset of the first character in the given text.")
    end_char: int = Field(ge=0, description="Offset just past the last character (exclusive).")
    text: str = Field(description="The expression exactly as written.")
    type: TimexType
    value: str = Field(
        description="TIMEX3 value, e.g. 2013-04-15, 2013-W16, 2012-FA, P6M, XXXX-WXX-2."
    )
    start: str | None = Field(default=None, description="Interval start (inclusive), ISO 8601.")
    end: str | None = Field(default=None, description="Interval end (exclusive), ISO 8601.")
    granularity: Granularity | None = None
    anchor: Anchor = "absolute"
    mod: str | None = Field(
        default=None, description="TIMEX3 mod: BEFORE, AFTER, START, MID, END, APPROX ..."
    )
    quant: str | None = Field(default=None, description="TIMEX3 quant for sets, e.g. EVERY.")
    freq: str | None = Field(default=None, description="TIMEX3 freq for sets, e.g. 1W.")
    reference: str | None = Field(
        default=None, description="The reference time the value was computed from (ISO), if any."
    )
    rule: str | None = Field(default=None, description="Name of the grammar rule that matched.")


class Source(_Model):
    """One article, with its publication date and how that date was found."""

    id: str = Field(description="File name without extension, disambiguated on collisions.")
    path: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = Field(default=None, description="ISO 8601 date or date-time, or null.")
    published_how: PublishedHow = "unknown"
    published_confidence: float = Field(default=0.0, ge=0.0, le=1.0)
    published_evidence: str | None = Field(
        default=None, description="The text or field the publication date was read from."
    )
    syndicated_from: str | None = Field(
        default=None, description="Id of the source this one copies, or null."
    )
    content_hash: str | None = Field(default=None, description="sha256 of the normalized text.")
    chars: int = Field(default=0, ge=0, description="Length of the article text in characters.")


class Claim(_Model):
    """A sentence of one source that dates something, with the time mention it hangs on."""

    source_id: str
    text: str = Field(description="The sentence (or clause) as written in the source.")
    mention: str = Field(description="The time expression as written.")
    start_char: int = Field(ge=0, description="Sentence start, offset into the source's text.")
    end_char: int = Field(ge=0, description="Sentence end (exclusive).")
    mention_start: int = Field(ge=0, description="Mention start, offset into the source's text.")
    mention_end: int = Field(ge=0, description="Mention end (exclusive).")
    value: str = Field(description="TIMEX3 value of the mention.")
    start: str | None = None
    end: str | None = None
    granularity: Granularity | None = None
    anchor: Anchor = "absolute"
    attribution: str | None = Field(
        default=None, description='Who says so, e.g. "the Kremlin said", or null.'
    )
    weight: float = Field(default=1.0, ge=0.0, le=1.0, description="Lower for photo captions.")
    caption: bool = False
    label: str | None = Field(
        default=None,
        description="Short description of what the claim dates (who did what), read with its "
        "sentence; the event label is chosen among these.",
    )


class CompetingDate(_Model):
    """One of the dates sources give for an event whose sources disagree."""

    value: str
    start: str | None = None
    end: str | None = None
    source_ids: list[str]


class Event(_Model):
    """A happening reported by one or more sources, with its date and first reporter."""

    id: str
    label: str
    value: str
    start: str | None = None
    end: str | None = None
    granularity: Granularity | None = None
    first_reported_by: str | None = None
    first_reported_at: str | None = None
    conflict: bool = False
    competing: list[CompetingDate] = Field(default_factory=list)
    lag_days: float | None = Field(
        default=None, description="First publication minus event start, in days."
    )
    independent_sources: int = 0
    copies: list[str] = Field(
        default_factory=list,
        description="Ids of syndicated copies carrying the event that repeat another of its "
        "sources (their original, or another copy of it).",
    )
    claims: list[Claim] = Field(default_factory=list)


class Skipped(_Model):
    """An input that could not be processed, and why."""

    path: str
    reason: str


class DuplicateInput(_Model):
    """An input whose text is exactly that of an article already read: kept once, not an error."""

    path: str
    duplicate_of: str = Field(description="Id of the source whose text it repeats.")


class Chronology(_Model):
    """Everything `timeline build` produces: the sources and the ordered events."""

    sources: list[Source] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    skipped: list[Skipped] = Field(default_factory=list)
    duplicates: list[DuplicateInput] = Field(default_factory=list)


class AuditRow(_Model):
    """One row of audit.csv."""

    event_id: str
    label: str
    event_start: str | None
    event_end: str | None
    granularity: str | None
    first_reported_by: str | None
    first_reported_name: str | None = Field(
        default=None, description="The first reporter's outlet, else its title."
    )
    first_published: str | None
    lag_days: float | None
    independent_sources: int
    copies: int
    conflict: bool


class Document(_Model):
    """An ingested article: its Source plus the text every offset in the pipeline points into.

    Internal to the pipeline (not part of the JSON outputs). ``body`` lists the spans of
    ``text`` that are article body once boilerplate (menus, promos, furniture) is set aside;
    ``captions`` the spans that are photo captions. Nothing is deleted from ``text``, so quotes
    and mentions always point at the original characters.
    """

    source: Source
    text: str
    body: list[tuple[int, int]] = Field(default_factory=list)
    captions: list[tuple[int, int]] = Field(default_factory=list)
