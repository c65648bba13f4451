"""Request and response bodies of the HTTP API (the pipeline's own models are reused as is)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from timeline.dates import parse_published
from timeline.errors import DateError
from timeline.ingest.readers import canonical_keys
from timeline.models import Claim, Source


def clean_text(value: str) -> str:
    """Drop NUL characters and lone surrogates: no database stores them, no article needs them.

    >>> clean_text("a\\x00b")
    'ab'
    """
    if "\x00" in value:
        value = value.replace("\x00", "")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        value = value.encode("utf-8", "replace").decode("utf-8")
    return value


Text = Annotated[str, AfterValidator(clean_text)]
SOURCE_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._~-]{0,119}$"


def check_published(value: str | None) -> str | None:
    """None for blank, the stripped value if ISO 8601, else ValueError naming the value.

    >>> check_published(" 2013-04-23 ")
    '2013-04-23'
    """
    if value is None or not value.strip():
        return None
    try:
        parse_published(value)
    except DateError:
        raise ValueError(
            f"{value.strip()!r} is not an ISO 8601 date or date-time (e.g. 2013-04-23)"
        ) from None
    return value.strip()


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CollectionIn(_In):
    """A new collection: a name, and whether anyone may read it without the token."""

    name: Text | None = Field(default=None, max_length=200, description="Defaults to the id.")
    public: bool = Field(default=False, description="Readable without the token.")


class CollectionPatch(_In):
    """Rename a collection, or make it public or private."""

    name: Text | None = Field(default=None, min_length=1, max_length=200)
    public: bool | None = None


class CollectionLinks(BaseModel):
    """Where to read the collection's documents and outputs."""

    documents: str
    chronology: str
    audit: str
    timeline: str


class CollectionOut(BaseModel):
    """A collection as the API shows it."""

    id: str
    name: str
    public: bool
    documents: int = Field(description="How many documents the collection holds.")
    version: int = Field(description="Bumped by every new document; the chronology's ETag.")
    created_at: str
    links: CollectionLinks


class DocumentIn(_In):
    """One article, as JSON. Give ``text`` or ``html``; the rest is optional metadata.

    A ``published`` date counts as metadata (it beats a dateline in the text). Posting the
    same article with the same metadata again is a no-op that returns the stored document
    (status 200); the same text with another outlet, URL or date is another document.
    The field names scrapers write are read as in JSONL files (news-please ``maintext``,
    ``date_publish``, ``source_domain``; newspaper3k ``publish_date`` ...).
    """

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            # What the validator below enforces, said in the schema for clients and tools.
            "anyOf": [{"required": ["text"]}, {"required": ["html"]}],
            "examples": [
                {
                    "text": "The council approved the budget on Monday, the mayor said.",
                    "published": "2013-04-23",
                    "source": "Riverside Gazette",
                }
            ],
        },
    )

    # minLength only in the schema: the check below words the error better than pydantic would.
    text: Text | None = Field(
        default=None, json_schema_extra={"minLength": 1}, description="The article as plain text."
    )
    html: Text | None = Field(
        default=None, json_schema_extra={"minLength": 1}, description="The article page as HTML."
    )
    url: Text | None = Field(default=None, max_length=2000)
    title: Text | None = Field(default=None, max_length=1000)
    published: Text | None = Field(
        default=None,
        max_length=64,
        description="Publication date, ISO 8601 (e.g. 2013-04-23); checked by the reader.",
    )
    source: Text | None = Field(default=None, max_length=200, description="The outlet.")
    id: str | None = Field(
        default=None,
        pattern=SOURCE_ID_PATTERN,
        description="Source id to use (made unique in the collection); default: from the "
        "uploaded file name, else the first 12 hex digits of the content hash.",
    )

    @model_validator(mode="before")
    @classmethod
    def _scraper_names(cls, data: object) -> object:
        return canonical_keys(data) if isinstance(data, dict) else data

    @model_validator(mode="after")
    def _one_body(self) -> DocumentIn:
        has_text = bool(self.text and self.text.strip())
        has_html = bool(self.html and self.html.strip())
        if has_text == has_html:
            raise ValueError(
                'give the article as "text" or as "html" (exactly one, not empty)'
                if not has_text
                else 'give "text" or "html", not both'
            )
        return self


class DocumentOut(BaseModel):
    """A stored document: its source (publication date, how it was found) and claim count."""

    id: str = Field(description="The source id, unique in the collection.")
    seq: int = Field(description="Order of arrival in the collection, from 1.")
    content_hash: str = Field(
        description="sha256 of the posted article and its metadata: the idempotency key."
    )
    claim_count: int
    created_at: str
    source: Source


class DocumentDetail(DocumentOut):
    """A stored document with its text and its dated claims."""

    text: str
    claims: list[Claim]


class DocumentPage(BaseModel):
    """One page of a collection's documents, in order of arrival."""

    items: list[DocumentOut]
    total: int
    offset: int
    limit: int
    next: str | None = Field(description="URL of the next page, or null on the last one.")


class ResolveIn(_In):
    """A text to resolve, and the publication date its relative dates hang on."""

    text: Text = Field(description="Any text; time expressions are found in it.")
    published: Text | None = Field(
        default=None, max_length=64, description="ISO 8601 date or date-time."
    )

    @field_validator("published")
    @classmethod
    def _published(cls, value: str | None) -> str | None:
        return check_published(value)


class FieldError(BaseModel):
    """One field at fault in a request, and why."""

    field: str = Field(description='Where the problem is, e.g. "text" or "query.limit".')
    message: str


class ErrorOut(BaseModel):
    """Every error response: one line for people, the fields at fault, the request id."""

    detail: str
    errors: list[FieldError] = Field(default_factory=list)
    request_id: str | None = None


class Health(BaseModel):
    """GET /healthz: the service answers and its database too."""

    status: Literal["ok"]
    database: str
    version: str
