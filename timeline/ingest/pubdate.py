"""Publication date: a cascade with evidence (htmldate style), validated against sane bounds.

    manifest  >  metadata  >  dateline  >  inferred  >  unknown

* ``manifest`` and ``metadata`` (HTML meta tags / JSON-LD, a JSONL ``published`` field) are set by
  the readers; this module leaves such documents alone.
* ``dateline``: a date stamped in the head of the text ("Tuesday, 23 April 2013 06:39 AM EDT",
  "Published 30-04-2013, 14:54", "By Staff writer / April 29, 2013", "PORT ALDERY, Oct. 10, 2023
  (HWS) —"), with its clock time and zone when given. Only byline/dateline segments found by
  cleanup.py count: never a copyright line, a photo caption, or a date inside a body sentence.
* ``inferred``: nothing states the date, so it is reasoned from the text (:func:`infer_date`) and,
  in a collection, from dated articles that share text or report the same dated events. The
  confidence comes from a table calibrated on TempEval-3 with the creation dates withheld
  (bench/results/pubdate.md): at >= 0.5 the date was within 7 days at least 9 times in 10.
* ``unknown``: no real evidence; ``published`` stays null rather than a guess.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from timeline.dates import day_of
from timeline.ingest.cleanup import Cleaned, clean
from timeline.ingest.datetext import MONTHS, WEEKDAYS, StatedDate, find_dates
from timeline.models import Document

EARLIEST = date(1950, 1, 1)
# Days between the latest event an article reports and its publication (median on TempEval-3).
LAG_DAYS = 1

# Confidence = P(year right) x P(day within a week | year right), one factor per kind of
# evidence, measured on TempEval-3 train (256 documents, DCT withheld) and the examples; see
# bench/results/pubdate.md for the calibration this gives.
STAMP_CONFIDENCE: dict[str, float] = {
    "dateline": 0.95,  # a full date stamped in the head (with its year)
    "dateline-tail": 0.8,  # a full date stamp only after the story (timestamp under the text)
    "dateline-weekday-mismatch": 0.4,  # a stamp whose stated weekday contradicts the date
}
YEAR_CONFIDENCE: dict[str, float] = {
    "full-dates": 0.5,  # "Oct. 10, 2023" in the text, with year-less dates beside it
    # Measured at 0 % within a week on TempEval: no real evidence, so these give "unknown".
    "full-dates-only": 0.0,  # only full dates: older events a story recalls, or due dates
    "collection": 0.95,  # dated articles report the same month-days in that year
    "collection-span": 0.9,  # the collection's dates span under a year: its dates fall in it
    "weekday-pairs": 0.9,  # "Monday, Oct. 9": only one fitting year near the years stated
    "weekday-pairs-ambiguous": 0.5,  # ... several fitting years (every 5-11 years)
    "weekday": 0.85,  # a dateline month-day whose weekday the lede names
    "years": 0.0,  # only the latest year the text states as past
}
# An undated article whose nearest dated articles were all published within a week (a story
# followed for days; see _story_windows). On TempEval-3 folds (bench/results/pubdate.md) such
# estimates were within 7 days 9 times in 10 on AQUAINT, more on TimeBank, whose dates bunch;
# a collection can hold a late follow-up that says no date, hence a confidence below 0.5.
WINDOW_CONFIDENCE = 0.4
WINDOW_NEIGHBOURS = 3  # the nearest dated articles consulted
WINDOW_SIMILARITY = 0.1  # TF-IDF cosine of the bodies each must reach (some shared story)
WINDOW_DAYS = 7  # their publication dates span at most this
DAY_CONFIDENCE: dict[str, float] = {
    "partial-dateline": 0.98,  # "BRUSSELS, February 10": the day is stated, only the year is not
    "events+bound": 0.9,  # latest past event, and an upcoming one within a week after it
    "events+relative": 0.45,  # latest past event plus relative day words ("on Monday")
    "events": 0.25,  # latest past event only: the article could be much later
    "shared-text": 0.5,  # shares its text with a dated article (reposts come days later)
}


@dataclass
class Clue:
    """A dated mention in the body or a caption, with the tense of its clause."""

    start: int
    end: int
    text: str
    year: int | None
    month: int | None
    day: int | None
    weekday: int | None = None
    tense: str = "unknown"  # past | future | unknown
    caption: bool = False

    @property
    def is_day(self) -> bool:
        return self.month is not None and self.day is not None


@dataclass
class Inference:
    """A publication date reasoned from evidence, or None as ``day`` when there is none.

    ``basis`` names the evidence: a stamp kind ("dateline", ...), or "<year basis>/<day basis>"
    for an inference (e.g. "weekday-pairs/events+bound"); the confidence follows from it.
    """

    day: date | None
    basis: str
    evidence: list[str] = field(default_factory=list)
    stated: StatedDate | None = None

    @property
    def confidence(self) -> float:
        if self.day is None:
            return 0.0
        if self.basis in STAMP_CONFIDENCE:
            return STAMP_CONFIDENCE[self.basis]
        if self.basis == "collection/story-window":
            return WINDOW_CONFIDENCE
        year, _, day = self.basis.partition("/")
        return round(YEAR_CONFIDENCE.get(year, 0.0) * DAY_CONFIDENCE.get(day, 0.0), 3)


@dataclass
class Dating:
    """What one document says about its own date (:func:`date_alone`), kept for the collection
    pass: the cascade's answer, the dated clues of its text, and a year-less dateline."""

    document: Document
    inference: Inference
    clues: list[Clue]
    partial: StatedDate | None = None


def date_alone(document: Document) -> Dating | None:
    """The cascade on one document's own text; None when the manifest or metadata dates it.

    ``load()`` calls this as each file is read (the text's cleanup is still cached then) and
    hands the results to :func:`date_documents`.

    >>> from timeline.ingest.readers import make_document
    >>> date_alone(make_document("Title\\n\\nPublished 30-04-2013, 14:54\\n\\nText of the story.",
    ...                          source_id="a", path="a.txt")).inference.basis
    'dateline'
    """
    source = document.source
    if source.published_how in {"manifest", "metadata"} and source.published:
        return None
    return _cascade(document)


def _cascade(document: Document) -> Dating:
    cleaned = clean(document.text)
    stamp = find_dateline(document.text, cleaned)
    if stamp is not None and stamp.day is not None:
        return Dating(document, stamp, [])
    clues = find_clues(document.text, cleaned)
    partial = stamp.stated if stamp is not None else None
    inference = infer_date(clues, partial=partial, text=document.text, cleaned=cleaned)
    return Dating(document, inference, clues, partial)


def date_documents(
    documents: list[Document],
    *,
    prepared: dict[str, Dating | None] | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> None:
    """Fill ``published`` on every document not dated by the manifest or metadata.

    Within a collection, undated articles also borrow from dated ones that share their text or
    report the same dated events. ``prepared`` holds :func:`date_alone` results by source id
    (computed when missing); ``progress("dates", done, total)`` follows the collection pass.

    >>> from timeline.ingest.readers import make_document
    >>> doc = make_document("Title of the piece\\n\\nBy Ann Lee / April 29, 2013\\n\\nThe mayor said on "
    ...                     "Monday that the bridge will reopen.", source_id="a", path="a.txt")
    >>> date_documents([doc]); doc.source.published, doc.source.published_how
    ('2013-04-29', 'dateline')
    """
    prepared = prepared or {}
    pending: list[Dating] = []
    for document in documents:
        dating = (
            prepared[document.source.id] if document.source.id in prepared else date_alone(document)
        )
        if dating is not None:
            pending.append(dating)
    if len(documents) > 1 and pending:
        _from_collection(documents, pending, progress)
    elif progress:
        progress("dates", 0, 0)  # nobody needs the collection: the stage is done at once
    for dating in pending:
        _apply(dating.document, dating.inference)


def date_document(document: Document) -> tuple[Inference, list[Clue]]:
    """The cascade for one document on its own: dateline, then inference from its text.

    >>> from timeline.ingest.readers import make_document
    >>> date_document(make_document("Title\\n\\nBy Ann Lee / April 29, 2013\\n\\nThe story.",
    ...                             source_id="a", path="a.txt"))[0].day
    datetime.date(2013, 4, 29)
    """
    dating = _cascade(document)
    return dating.inference, dating.clues


# --- dateline ------------------------------------------------------------------------------------


def find_dateline(text: str, cleaned: Cleaned | None = None) -> Inference | None:
    """The publication stamp in the byline/dateline lines of the head (or a timestamp line).

    Returns an Inference with ``day`` set (basis ``dateline``...) for a full date, or with
    ``day=None`` and ``stated`` set for a month and day without a year ("BRUSSELS, February 10").

    >>> find_dateline("Big news\\n\\nPublished 30-04-2013, 14:54\\n\\nThe story starts here.").evidence
    ['Published 30-04-2013, 14:54']
    """
    cleaned = cleaned or clean(text)
    segments = cleaned.segments
    first_body = next((i for i, s in enumerate(segments) if s.kind == "body"), len(segments))
    body_seen = 0
    head: list[tuple[StatedDate, str]] = []
    tail: list[tuple[StatedDate, str]] = []
    for i, seg in enumerate(segments):
        if seg.kind == "body":
            body_seen += 1
        if seg.kind not in {"byline", "dateline", "masthead", "title"}:
            continue
        line = text[seg.start : seg.end].strip()
        if seg.kind == "title" and not _is_stamp_line(line):
            continue
        for stated in find_dates(line):
            if stated.year is not None and not _sane(stated):
                continue
            # The head: before the story or within its first paragraphs.
            target = head if i <= first_body or body_seen <= 2 else tail
            target.append((stated, line))
    for candidates, basis in ((head, "dateline"), (tail, "dateline-tail")):
        full = [(s, line) for s, line in candidates if s.day is not None]
        if full:
            stated, line = _prefer_original(full)
            if stated.weekday_agrees is False:
                basis = "dateline-weekday-mismatch"
            return Inference(stated.day, basis, [line], stated)
    partial = [(s, line) for s, line in head if s.day is None]
    if partial:
        stated, line = partial[0]
        return Inference(None, "partial-dateline", [line], stated)
    return None


def _prefer_original(candidates: list[tuple[StatedDate, str]]) -> tuple[StatedDate, str]:
    """Published/posted stamps before updated ones; among equals the earliest (htmldate's
    ``original_date``)."""
    fresh = [c for c in candidates if not re.search(r"updated|modified|edited", c[1], re.I)]
    pool = fresh or candidates
    return min(pool, key=lambda c: c[0].day or date.max)


def _is_stamp_line(line: str) -> bool:
    dates = find_dates(line)
    return bool(dates) and sum(d.end - d.start for d in dates) >= 0.6 * len(line)


def _sane(stated: StatedDate) -> bool:
    return stated.day is not None and EARLIEST <= stated.day <= date.today() + timedelta(days=1)


# --- clues in the text ---------------------------------------------------------------------------

_FUTURE = re.compile(
    r"\b(?:will|won't|shall|'ll|(?:is|are|was|were)\s+(?:set|scheduled|expected|due|slated|planned|"
    r"poised|likely|to)\b|upcoming|next|plans?\s+to|prepar\w*\s+(?:to|for)|ahead\s+of|run-?up|"
    r"coming|until|through|deadline|by\s+the\s+end)",
    re.I,
)
_PAST = re.compile(
    r"\b(?:was|were|had|did|ago|last|said|told|announced|reported|since|earlier|previously"
    r"|\w{3,}ed)\b",
    re.I,
)
# Sentence ends, not abbreviations ("Oct. 9", "Mr. Marren", "U.S. officials").
_SENTENCE_END = re.compile(
    r"(?<!\b[A-Z])(?<!\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Gen|Gov|Sen|Rep|Mrs|Sgt))"
    r"(?<!\b(?:Sept|Corp))(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr|No|Co|vs|Lt))[.!?]+[\"'”’)\]]*\s+(?=[A-Z\"“‘'(])"
)
_YEAR = re.compile(r"(?<![\d$€£.,/-])(?P<year>(?:19|20)\d\d)(?![\d%]|-year|\s*(?:people|percent))")
_MONTH_YEAR = re.compile(
    r"\b(?P<month>(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?|May)\s+(?:of\s+)?"
    r"(?P<year>(?:19|20)\d\d)\b"
)
_RELATIVE_DAY = re.compile(
    r"\b(?:(?:on|last|this|next|late|early)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday"
    r"|sunday)\b|\b(?:yesterday|today|tonight|this (?:morning|afternoon|evening|week))\b",
    re.I,
)


def find_clues(text: str, cleaned: Cleaned | None = None, *, engine: bool = True) -> list[Clue]:
    """Dated mentions in the body and captions: full dates, month-day pairs (with a weekday when
    one is attached), months with years, and years; each with the tense of its sentence.

    >>> [(c.month, c.day, c.weekday) for c in find_clues("It began on Monday, Oct. 9, at noon.")]
    [(10, 9, 0)]
    """
    cleaned = cleaned or clean(text)
    return _clues_in(text, cleaned.body, cleaned.captions, engine=engine)


def _clues_in(
    text: str, body: list[tuple[int, int]], captions: list[tuple[int, int]], *, engine: bool
) -> list[Clue]:
    spans = [(s, e, False) for s, e in body] + [(s, e, True) for s, e in captions]
    clues: list[Clue] = []
    for start, end, caption in sorted(spans):
        chunk = text[start:end]
        cut = 0
        for stop in [m.end() for m in _SENTENCE_END.finditer(chunk)] + [len(chunk)]:
            clues.extend(_sentence_clues(chunk[cut:stop], start + cut, caption))
            cut = stop
    if engine:
        clues.extend(_engine_clues(text, clues, spans))
    return sorted(clues, key=lambda c: c.start)


def _sentence_clues(sentence: str, offset: int, caption: bool) -> list[Clue]:
    found: list[Clue] = []
    taken: list[tuple[int, int]] = []
    for stated in find_dates(sentence):
        if stated.ambiguous_order and stated.year is None:
            continue
        found.append(
            Clue(
                offset + stated.start,
                offset + stated.end,
                stated.text,
                stated.year,
                stated.month,
                stated.day_of_month,
                stated.weekday,
                caption=caption,
            )
        )
        taken.append((stated.start, stated.end))
    for m in _MONTH_YEAR.finditer(sentence):
        if any(m.start() < e and s < m.end() for s, e in taken):
            continue
        month = MONTHS.get(m.group("month").lower().rstrip(".")[:3])
        found.append(
            Clue(
                offset + m.start(), offset + m.end(), m.group(0), int(m.group("year")), month, None
            )
        )
        taken.append((m.start(), m.end()))
    for m in _YEAR.finditer(sentence):
        if any(m.start() < e and s < m.end() for s, e in taken):
            continue
        found.append(
            Clue(offset + m.start(), offset + m.end(), m.group(0), int(m.group("year")), None, None)
        )
    for clue in found:
        clue.tense = _tense(sentence, clue.start - offset, clue.end - offset)
        clue.caption = caption
    return found


def _tense(sentence: str, start: int, end: int) -> str:
    """Past/future of the clause around a mention, from cue words; the nearest cue wins
    ("officials said a hearing is set for Oct. 19" -> future)."""
    cues: list[tuple[int, str]] = []
    for offset, window in (
        (max(0, start - 80), sentence[max(0, start - 80) : start]),
        (end, sentence[end : end + 40]),
    ):
        masked = window
        for m in _FUTURE.finditer(window):
            cues.append((_distance(offset + m.start(), offset + m.end(), start, end), "future"))
            masked = masked[: m.start()] + " " * (m.end() - m.start()) + masked[m.end() :]
        for m in _PAST.finditer(masked):
            cues.append((_distance(offset + m.start(), offset + m.end(), start, end), "past"))
    if not cues:
        return "unknown"
    return min(cues)[1]


def _distance(cue_start: int, cue_end: int, start: int, end: int) -> int:
    # Cues before the mention count a little nearer: English puts the verb first.
    return start - cue_end if cue_end <= start else (cue_start - end) + 10


def _engine_clues(text: str, have: list[Clue], spans: list[tuple[int, int, bool]]) -> list[Clue]:
    """Dates the temporal engine finds with no reference time (absolute ones and placeholders
    such as ``XXXX-04-19``) that the stamp reader above missed."""
    try:
        from timeline.temporal import resolve

        mentions = resolve(text, None)
    except Exception:  # the engine is another stage's code: a failure there must not stop ingest
        return []
    extra: list[Clue] = []
    for m in mentions:
        if m.type != "DATE" or any(m.start_char < c.end and c.start < m.end_char for c in have):
            continue
        inside = next((cap for s, e, cap in spans if s <= m.start_char and m.end_char <= e), None)
        if inside is None:
            continue
        value = re.match(r"^(\d{4}|XXXX)(?:-(\d\d)(?:-(\d\d))?)?$", m.value)
        if not value:
            continue
        year = None if value.group(1) == "XXXX" else int(value.group(1))
        month = int(value.group(2)) if value.group(2) else None
        day = int(value.group(3)) if value.group(3) else None
        if year is None and day is None:
            continue
        sentence = _sentence_around(text, m.start_char)
        weekday = next(
            (n for name, n in WEEKDAYS.items() if len(name) > 3 and name in m.text.lower()), None
        )
        clue = Clue(m.start_char, m.end_char, m.text, year, month, day, weekday, caption=inside)
        clue.tense = _tense(sentence[0], m.start_char - sentence[1], m.end_char - sentence[1])
        extra.append(clue)
    return extra


_AROUND = 1000


def _sentence_around(text: str, pos: int) -> tuple[str, int]:
    # A line of its own, at most _AROUND characters either side (a text with no line breaks or
    # sentence ends must not make this scan the whole text for every date in it).
    line_start = max(text.rfind("\n", max(0, pos - _AROUND), pos) + 1, pos - _AROUND, 0)
    line_end = text.find("\n", pos, pos + _AROUND)
    line_end = min(len(text), pos + _AROUND) if line_end == -1 else line_end
    start, end = line_start, line_end
    for m in _SENTENCE_END.finditer(text, line_start, line_end):
        if m.end() <= pos:
            start = m.end()
        else:
            end = m.end()
            break
    return text[start:end], start


# --- inference -----------------------------------------------------------------------------------


def infer_date(
    clues: list[Clue],
    *,
    partial: StatedDate | None = None,
    text: str = "",
    cleaned: Cleaned | None = None,
    year_hint: tuple[int, str] | None = None,
) -> Inference:
    """Reason a publication date from the dated clues of one text.

    The year comes from full dates, then weekday+date pairs that must agree ("Friday, April 19"
    happened in 2013, 2019, 2024...; the candidate nearest the years the text states as past wins),
    then the years mentioned. The day: a dateline's month-day when there is one, else the latest
    event reported in the past, bounded above by events described as upcoming.

    >>> clues = find_clues("Crews met on Friday, Oct. 13, 2023. A hearing is set for Oct. 19.")
    >>> inf = infer_date(clues); inf.day, inf.basis
    (datetime.date(2023, 10, 14), 'weekday-pairs/events+bound')
    """
    evidence: list[str] = []
    year, year_basis = _infer_year(clues, partial, text, evidence)
    if year_hint is not None and YEAR_CONFIDENCE.get(year_basis, 0) < YEAR_CONFIDENCE[year_hint[1]]:
        year, year_basis = year_hint
        evidence[:] = [
            f"year {year}: dated articles report the same month-days in that year"
            if year_basis == "collection"
            else f"year {year}: the only year the collection's dated articles span"
        ]
    if year is None:
        return Inference(None, "unknown", evidence)
    if partial is not None:
        try:
            day = date(year, partial.month, partial.day_of_month)
        except ValueError:
            return Inference(None, "unknown", evidence)
        evidence.insert(0, f"dateline {partial.text!r} without a year")
        return Inference(day, f"{year_basis}/partial-dateline", evidence, partial)
    return _from_events(clues, year, year_basis, text, evidence)


def _infer_year(
    clues: list[Clue], partial: StatedDate | None, text: str, evidence: list[str]
) -> tuple[int | None, str]:
    today = date.today()
    past_years = [
        c.year
        for c in clues
        if c.year is not None and c.tense == "past" and EARLIEST.year <= c.year <= today.year
    ]
    floor = max(past_years) if past_years else None
    full = [c for c in clues if c.is_day and c.year is not None and c.tense != "future"]
    full = [c for c in full if EARLIEST.year <= c.year <= today.year]  # type: ignore[operator]
    pairs = [c for c in clues if c.is_day and c.year is None and c.weekday is not None]
    partials = [c for c in clues if c.is_day and c.year is None]
    if pairs and (full or floor is not None):
        years = _pair_years(pairs, today)
        if floor is not None:
            years = [y for y in years if y >= floor - 1] or years
        if years:
            ref = max(c.year for c in full) if full else floor if floor is not None else today.year
            best = min(years, key=lambda y: (abs(y - ref), -y))
            shown = ", ".join(f"{c.text!r}" for c in pairs[:3])
            # Another fitting year after the latest past year stated makes the choice a guess.
            rivals = [y for y in years if y != best and abs(y - best) <= 12]
            evidence.append(
                f"weekday and date agree in {best}: {shown}"
                + (f" (also in {', '.join(map(str, rivals))})" if rivals else "")
            )
            return best, "weekday-pairs-ambiguous" if rivals else "weekday-pairs"
    # Writers name the weekday of recent dates only: "Friday, Oct. 13, 2023" is news.
    recent = [
        c for c in full if c.weekday is not None and _weekday(c.year, c.month, c.day) == c.weekday
    ]  # type: ignore[arg-type]
    if recent:
        latest = max(recent, key=lambda c: (c.year, c.month, c.day))
        evidence.append(f"weekday and full date agree: {latest.text!r}")
        return latest.year, "weekday-pairs"  # type: ignore[return-value]
    if full:
        latest = max(full, key=lambda c: (c.year, c.month, c.day))
        evidence.append(f"full date in the text: {latest.text!r}")
        # News drops the year for dates of the current year: a full date alone is often an
        # older event, so the year is a guess unless year-less dates come with it.
        return latest.year, "full-dates" if partials else "full-dates-only"
    if partial is not None and text:
        year = _lede_weekday_year(partial, text)
        if year is not None:
            evidence.append(f"the lede's weekday matches {partial.text!r} in {year}")
            return year, "weekday"
    if floor is not None:
        evidence.append(f"latest past year mentioned: {floor}")
        return floor, "years"
    return None, "none"


def _pair_years(pairs: list[Clue], today: date) -> list[int]:
    """Years (newest first) in which every weekday+date pair is consistent."""
    years: list[int] = []
    for year in range(today.year, EARLIEST.year - 1, -1):
        ok = True
        for c in pairs:
            try:
                ok = date(year, c.month, c.day).weekday() == c.weekday  # type: ignore[arg-type]
            except ValueError:
                ok = False
            if not ok:
                break
        if ok:
            years.append(year)
    return years


def _lede_weekday_year(partial: StatedDate, text: str) -> int | None:
    """Wire datelines give month and day; the lede usually names that weekday or the one before
    ("BRUSSELS, February 10 ... said on Wednesday"). The years in the text narrow the choice."""
    lede = text[:600]
    first = next(
        (m for m in re.finditer(r"\b\w+day\b", lede, re.I) if m.group(0).lower() in WEEKDAYS),
        None,
    )
    if first is None:
        return None
    named = {WEEKDAYS[first.group(0).lower()]}
    mentioned = [int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", text)]
    if not mentioned:
        return None
    top = (
        max(y for y in mentioned if y <= date.today().year)
        if any(y <= date.today().year for y in mentioned)
        else None
    )
    if top is None:
        return None
    fits = []
    # News names older years, rarely later ones: the dateline's year is at or after the latest.
    for year in range(top - 1, top + 3):
        try:
            d = date(year, partial.month, partial.day_of_month)
        except ValueError:
            continue
        if d.weekday() in named or (d - timedelta(days=1)).weekday() in named:
            fits.append(year)
    return fits[0] if len(fits) == 1 else None


def _from_events(
    clues: list[Clue], year: int, year_basis: str, text: str, evidence: list[str]
) -> Inference:
    dated: list[tuple[date, Clue]] = []
    for c in clues:
        if not c.is_day:
            continue
        y = c.year if c.year is not None else year
        try:
            d = date(y, c.month, c.day)  # type: ignore[arg-type]
        except ValueError:
            continue
        if c.year is None and c.weekday is not None and d.weekday() != c.weekday:
            continue
        dated.append((d, c))
    past = [(d, c) for d, c in dated if c.tense != "future" and d.year <= year]
    if not past:
        return Inference(None, "unknown", evidence)
    latest, clue = max(past, key=lambda p: p[0])
    evidence.append(f"latest event reported: {clue.text!r} ({latest.isoformat()})")
    upcoming = sorted(
        ((d, c) for d, c in dated if c.tense == "future" and d > latest), key=lambda p: p[0]
    )
    day = latest + timedelta(days=LAG_DAYS)
    if upcoming and (upcoming[0][0] - latest).days <= 7:
        bound, bound_clue = upcoming[0]
        evidence.append(f"upcoming: {bound_clue.text!r} ({bound.isoformat()})")
        day = min(day, bound - timedelta(days=1))
        day_basis = "events+bound"
    elif _RELATIVE_DAY.search(text):
        day_basis = "events+relative"
    else:
        day_basis = "events"
    return Inference(day, f"{year_basis}/{day_basis}", evidence)


# --- collection ----------------------------------------------------------------------------------


def _from_collection(
    documents: list[Document],
    pending: list[Dating],
    progress: Callable[[str, int, int], None] | None = None,
) -> None:
    """Undated articles borrow from dated ones: shared text first, then shared dated events."""
    from timeline.ingest.syndication import similar_groups

    dated = {
        d.source.id: d
        for d in documents
        if d.source.published and d.source.published_how in {"manifest", "metadata"}
    }
    known = {doc_id: _published_day(doc) for doc_id, doc in dated.items()}
    for dating in pending:
        if dating.inference.day is not None and dating.inference.basis.startswith("dateline"):
            dated[dating.document.source.id] = dating.document  # dated by its stamp just now
            known[dating.document.source.id] = dating.inference.day
    # Only articles short of a collection-level confidence look for help.
    todo = [
        n
        for n, dating in enumerate(pending)
        if dating.inference.day is None
        or dating.inference.confidence < YEAR_CONFIDENCE["collection"]
    ]
    # Month-day -> years, from the dated articles' own clues (only when someone can use it).
    events: dict[tuple[int, int], Counter[int]] = defaultdict(Counter)
    wanted = any(
        pending[n].partial is not None or any(c.is_day and c.year is None for c in pending[n].clues)
        for n in todo
    )
    for doc_id, doc in dated.items() if wanted else ():
        when = known[doc_id]
        if when is None:
            continue
        for month, day, year in _month_days(doc):
            events[(month, day)][_year_near(Clue(0, 0, "", year, month, day), when)] += 1
    neighbours: dict[str, list[str]] | None = None
    span = sorted(d for d in known.values() if d is not None)
    if progress:
        progress("dates", 0, len(todo))
    for done, n in enumerate(todo, start=1):
        if progress:
            progress("dates", done, len(todo))
        dating = pending[n]
        document, inference, clues, partial = (
            dating.document,
            dating.inference,
            dating.clues,
            dating.partial,
        )
        votes = clues
        if partial is not None:  # the dateline's month-day is one more dated event
            votes = [*clues, Clue(0, 0, partial.text, None, partial.month, partial.day_of_month)]
        hint = _year_from_events(votes, events)
        basis = "collection"
        if hint is None:
            hint = _year_from_span(votes, span)
            basis = "collection-span"
        if hint is not None:
            better = infer_date(clues, partial=partial, text=document.text, year_hint=(hint, basis))
            if better.day is not None and better.confidence > inference.confidence:
                dating.inference = better
                continue
        if inference.confidence >= DAY_CONFIDENCE["shared-text"]:
            continue
        if neighbours is None:
            neighbours = similar_groups(documents)  # once, and only when someone can use it
        shared = [dated[i] for i in neighbours.get(document.source.id, ()) if i in dated]
        shared_days = [d for d in (known[doc.source.id] for doc in shared) if d is not None]
        if shared_days:
            first = min(shared_days)
            own = inference.day
            if own is None or own <= first + timedelta(days=7):
                source = next(doc for doc in shared if known[doc.source.id] == first)
                dating.inference = Inference(
                    first,
                    "collection/shared-text",
                    [f"shares its text with {source.source.id} ({first.isoformat()})"],
                )
    needy = [pending[n] for n in todo if pending[n].inference.confidence < WINDOW_CONFIDENCE]
    if needy and dated:
        _story_windows(needy, dated, known)


def _story_windows(
    needy: list[Dating], dated: dict[str, Document], known: dict[str, date | None]
) -> None:
    """Articles still without a date whose nearest dated articles (TF-IDF cosine of the bodies)
    were all published within a week: their median date, at a low confidence.

    The WINDOW_NEIGHBOURS nearest must each reach WINDOW_SIMILARITY and span at most
    WINDOW_DAYS; the article's own text must not contradict the window (no year stated as past
    after it, no dated event after it).
    """
    from sklearn.feature_extraction.text import TfidfVectorizer

    ids = [doc_id for doc_id, day in known.items() if day is not None and doc_id in dated]
    if len(ids) < WINDOW_NEIGHBOURS:
        return
    texts = [_body(dated[doc_id]) for doc_id in ids] + [_body(d.document) for d in needy]
    try:
        matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)
    except ValueError:  # no words at all (empty vocabulary)
        return
    similarity = (matrix[len(ids) :] @ matrix[: len(ids)].T).toarray()
    for row, dating in zip(similarity, needy, strict=True):
        nearest = [
            k for k in row.argsort()[::-1][:WINDOW_NEIGHBOURS] if row[k] >= WINDOW_SIMILARITY
        ]
        if len(nearest) < WINDOW_NEIGHBOURS:
            continue
        close = sorted((known[ids[k]], ids[k]) for k in nearest)
        first, last = close[0][0], close[-1][0]
        assert first is not None and last is not None
        if (last - first).days > WINDOW_DAYS or _contradicts(dating.clues, last):
            continue
        middle = close[(len(close) - 1) // 2][0]
        assert middle is not None
        shown = ", ".join(doc_id for _, doc_id in close)
        dating.inference = Inference(
            middle,
            "collection/story-window",
            [
                f"its {len(close)} nearest dated articles by content ({shown}) were published "
                f"{first.isoformat()} to {last.isoformat()}: their median date"
            ],
        )


def _contradicts(clues: list[Clue], last: date) -> bool:
    """Does the text report, in the past, a year or a dated event after ``last``?"""
    for c in clues:
        if c.tense != "past" or (c.year is None and not c.is_day):
            continue
        year = c.year if c.year is not None else last.year
        if year > last.year:
            return True
        if (
            c.is_day
            and _weekday(year, c.month, c.day) is not None
            and date(year, c.month, c.day) > last + timedelta(days=1)  # type: ignore[arg-type]
        ):
            return True
    return False


def _body(document: Document) -> str:
    spans = document.body + document.captions
    return "\n".join(document.text[s:e] for s, e in spans) if spans else document.text


def _month_days(document: Document) -> list[tuple[int, int, int | None]]:
    """(month, day, stated year) of the dates in a document's body and captions.

    The same dates find_clues reads, without tenses, and the whole body at once rather than a
    sentence at a time (which only changes which weekday a date is read with). The spans are
    joined by NUL, which no date pattern reads across.
    """
    if document.body or document.captions:
        spans = document.body + document.captions
    else:
        cleaned = clean(document.text)
        spans = cleaned.body + cleaned.captions
    body = "\x00".join(document.text[start:end] for start, end in spans)
    return [
        (stated.month, stated.day_of_month, stated.year)
        for stated in find_dates(body)
        if not (stated.ambiguous_order and stated.year is None)
    ]


def _year_from_span(clues: list[Clue], days: list[date]) -> int | None:
    """A collection covering less than a year (one story followed for weeks) places its
    year-less dates: the one year in which they fall inside the span (a month of slack)."""
    if len(days) < 2 or (days[-1] - days[0]).days > 300:
        return None
    first, last = days[0] - timedelta(days=31), days[-1] + timedelta(days=31)
    years: set[int] = set()
    for c in clues:
        if not (c.is_day and c.year is None):
            continue
        fits = {
            y
            for y in range(first.year, last.year + 1)
            if _weekday(y, c.month, c.day) is not None
            and first <= date(y, c.month, c.day) <= last  # type: ignore[arg-type]
            and (c.weekday is None or _weekday(y, c.month, c.day) == c.weekday)
        }
        if len(fits) != 1:
            return None
        years |= fits
    return years.pop() if len(years) == 1 else None


def _year_from_events(clues: list[Clue], events: dict[tuple[int, int], Counter[int]]) -> int | None:
    votes: Counter[int] = Counter()
    matched: set[tuple[int, int]] = set()
    for c in clues:
        if c.is_day and c.year is None and (c.month, c.day) in events:
            years = events[(c.month, c.day)]  # type: ignore[index]
            if c.weekday is not None:
                years = Counter(
                    {y: n for y, n in years.items() if _weekday(y, c.month, c.day) == c.weekday}
                )
            if years:
                matched.add((c.month, c.day))  # type: ignore[arg-type]
                votes.update({years.most_common(1)[0][0]: 1})
    # One shared month-day can be chance; two different ones are the same story.
    if len(matched) < 2 or not votes:
        return None
    (year, count), *rest = votes.most_common()
    return year if not rest or count > rest[0][1] else None


def _weekday(year: int, month: int | None, day: int | None) -> int | None:
    try:
        return date(year, month, day).weekday()  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def _year_near(clue: Clue, published: date) -> int:
    if clue.year is not None:
        return clue.year
    year = published.year
    try:
        if date(year, clue.month, clue.day) > published + timedelta(days=90):  # type: ignore[arg-type]
            year -= 1
    except ValueError:
        pass
    return year


def _published_day(document: Document) -> date | None:
    return day_of(document.source.published)


def _apply(document: Document, inference: Inference) -> None:
    source = document.source
    evidence = "; ".join(inference.evidence) or None
    if inference.day is None or inference.confidence <= 0:
        source.published = None
        source.published_how = "unknown"
        source.published_confidence = 0.0
        source.published_evidence = evidence
        return
    if inference.basis.startswith("dateline") and inference.stated is not None:
        source.published = inference.stated.iso()
        source.published_how = "dateline"
    else:
        source.published = inference.day.isoformat()
        source.published_how = "inferred"
    source.published_confidence = inference.confidence
    source.published_evidence = evidence
