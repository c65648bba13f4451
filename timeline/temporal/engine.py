"""The scanner and resolver loop behind :func:`timeline.temporal.resolve`.

1. Undo glued words (:mod:`glue`) and lower-case the text once; every offset maps back.
2. Trigger pass: one compiled regex finds the words a time expression must contain (digits,
   month and weekday names, units, "ago", "yesterday" ...). Nothing else of the text is looked at.
3. Around each trigger, the grammar (:mod:`grammar`) is tried at the word starts just before it,
   leftmost first; the first rule that matches and covers the trigger wins.
4. Left extension by modifiers ("early", "the end of", "more than") from the lexicon.
5. Resolution in reading order, keeping the narrative reference (the last specific date).
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left, bisect_right
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache

from timeline.dates import parse_published
from timeline.models import Mention
from timeline.temporal.context import (
    NOT_ABBREVIATION,
    REPORTING_VERBS,
    YEAR_DIGITS,
    adjacent_tense,
    clause_tense,
    copula_before,
    firm_future,
    in_headline,
    looks_like_verb,
    past_form,
    past_in_sentence,
    present_perfect,
    reported_future,
    sentence_around,
    tense_at,
)
from timeline.temporal.glue import Glue
from timeline.temporal.grammar import Grammar, Rule, load_grammar, second_token, table_key
from timeline.temporal.normalizers import build_normalizers, number_words
from timeline.temporal.resolver import (
    Reference,
    duration_interval,
    holiday_date,
    holiday_dates,
    relative,
    resolve_partial,
)
from timeline.temporal.templates import Normalizer
from timeline.temporal.timex import GRANULARITY_RANK, granularity_of, interval, value_at

# Tokens as the grammar's dispatch sees them: words, numbers ("#"), signs; the rest separates.
_CANDIDATE = re.compile(r"(?<![a-z])([a-z]+)|(?<![0-9])([0-9]+)|(['’©(])")
_NEXT = re.compile(r"([^a-z0-9'’©(]{0,8})(?:([a-z]+)|([0-9]+)|(['’©(]))")
_LOOKBACK = 48  # characters before a trigger where an expression may start
_MAX_BACK = 4  # and at most this many tokens before it ("the first two quarters")
_NARRATIVE_MAX = GRANULARITY_RANK["decade"]
# Which narrative references a rule's ``ref`` accepts (else the publication date is used):
# "period": the quarter or month a company report is about ("a year ago", "the quarter");
# "day": the day the story is on, for a clock time ("at 2:49 p.m.").
_PERIODS = frozenset({"quarter", "half_year", "month", "season"})
# How far (characters) a named quarter or month stays the topic of a report, and a named day
# the day a clock time is on.
_PERIOD_REACH = 600
# A period reported on is recent: "joined in January 2011" in a 2013 report is background, and
# "the end of the quarter" there is not that January's quarter.
_PERIOD_AGE = timedelta(days=460)
_DAY_REACH = 600
# How far (characters) the year of a story told in the past ("in 1912") still stands behind a
# weekday and date without a year that fall together in it ("Tuesday, April 9").
_STORY_REACH = 1000
_REF_GRANULARITIES = {
    "period": _PERIODS,
    "completed": _PERIODS,
    "day": frozenset({"day", "part_of_day", "hour", "minute", "second"}),
}
# A mention that starts with an amount ("a week", "two days", "several years").
_AMOUNT = re.compile(
    r"(?:[0-9]|an?\s|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen"
    r"|twenty|thirty|forty|fifty|sixty|hundred|several|few|couple|dozen)"
)
# A comparison of figures before "a year ago" ("up 8% from", "than", "compared with $3
# million", "or 86 cents a share,"): the year-over-year reading of a company report.
_COMPARED = re.compile(
    r"[0-9%$]|\b(?:from|than|compared|versus|vs|against|over|cents|share|million|billion)\b"
)
_COMPARED_REACH = 60
_PRICE_POINT = re.compile(
    r"\b(?:traded|sold|closed|stood|fetched|changed\s+hands)\s+(?:at|for)\s+(?:about\s+|around\s+)?"
    r"\$[0-9][0-9.,]*(?:\s+[0-9]+/[0-9]+)?\s+\Z",
    re.I,
)
_TIME_OF_DAY = re.compile(r"[0-9X]T(?:[0-9]|MO|MI|AF|EV|NI|DT)")
_HOLIDAY_YEAR = re.compile(r"^(\d{4})-#(.+?)(T.*)?$")
# The noun of an event ("the leak") and its date must be this close, in one clause.
_EVENT_GAP = 40
_EVENT_WORDS_BEFORE = 2
_CLAUSE_END = re.compile(r"[.;!?]\s|\n")
# Words after "the weekend before the" that cannot name the event.
_NOT_EVENT = frozenset(
    {"a", "an", "the", "his", "her", "its", "their", "this", "that", "and", "or", "but"}
    | {"of", "in", "on", "at", "by", "for", "to", "from", "with"}
)
# Between a clock time and the day it is on: "(0735 GMT)", "local time", "on".
_DAY_AFTER_CLOCK = re.compile(
    r"(?:[ \t]+local[ \t]+time)?(?:[ \t]*\([^()\n]{1,30}\))?[ \t]*,?[ \t]*(?:on[ \t]+)?"
)  # (on the same line: a date opening the next line is not the clock's)
# Between two clock times that share the day named after the second: "9 a.m. and 5 p.m.",
# "7 a.m. and close at 10 p.m.", "8 a.m. to 4 p.m.".
_CLOCK_PAIR = re.compile(
    r"(?:\s*\([^()\n]{1,30}\))?\s*,?\s*(?:(?:and|to|until|till|through|or)\s+|[-–]\s*)"
    r"(?:[a-z]+\s+){0,2}?(?:(?:at|until|till|to)\s+)?"
)
_DURATION_VALUE = re.compile(r"P(?:[0-9X]|T[0-9X])")  # P2D, PXW, PT5H (not PAST_REF)
_DATED_KEPT = 64
_LATEST_REACH = 1000
# A look back from where the story has got to spans days or weeks, not years.
_LOOK_BACK = timedelta(days=31)


@dataclass
class Hit:
    """A rule match in the working text, before resolution."""

    start: int
    end: int
    rule: Rule
    value: str
    mod: str | None = None
    quant: str | None = None
    freq: str | None = None
    fallback: str | None = None
    past: str | None = None
    anchor: tuple[int, int] | None = None
    event: tuple[int, int] | None = None  # "the weekend before [the leak]"
    weekday: int | None = None  # "Saturday, April 25": the year whose April 25 is a Saturday
    # TimeML's length "three days" of "three days later": the whole, whose date the story
    # moves on to ("... and the following day")
    whole: Hit | None = None


@cache
def _setup() -> tuple[Grammar, dict[str, Normalizer]]:
    grammar = load_grammar()
    normalizers = build_normalizers(grammar)
    for rule in grammar.rules:
        for template in (rule.value, rule.mod, rule.quant, rule.freq, rule.fallback, rule.past):
            missing = template.functions() - set(normalizers) if template else set()
            if missing:
                from timeline.temporal.grammar import GrammarError

                raise GrammarError(f"rule {rule.name!r}: unknown normalizer(s) {sorted(missing)}")
    return grammar, normalizers


def _lower(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    # A few characters grow when lower-cased ("İ"); keep offsets aligned.
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def scan(work: str, low: str) -> list[Hit]:
    """Rule matches in ``work`` (``low`` is its lower-cased copy), in order, non-overlapping."""
    grammar, normalizers = _setup()
    vocabulary = grammar.vocabulary
    title = grammar.title_triggers
    buckets = _BUCKETS
    starts = grammar.starts
    tokenize = _CANDIDATE.finditer
    hits: list[Hit] = []
    covered = 0
    tried: dict[int, Hit | None] = {}  # best match at a position, whatever trigger led there
    for trig in grammar.trigger.finditer(low):
        s = trig.start()
        if s < covered:
            continue
        if title and trig.group() in title and not work[s].isupper():
            continue
        # Candidate starts: the trigger and the words just before it that a rule can contain.
        window = s - _LOOKBACK if s - _LOOKBACK > covered else covered
        tokens = [
            (m.start(), m.end(), m.lastindex, m.group()) for m in tokenize(low, window, trig.end())
        ]
        first = len(tokens) - 1
        floor = max(0, first - _MAX_BACK)
        while first > floor:
            kind, word = tokens[first - 1][2], tokens[first - 1][3]
            if kind == 1 and word not in vocabulary:
                break
            first -= 1
        last = len(tokens) - 1
        for i in range(first, last + 1):
            p, e, kind, word = tokens[i]
            if p in tried:
                hit = tried[p]
                if hit is not None and hit.end > s:
                    hits.append(hit)
                    covered = hit.end
                    break
                continue
            if p and low[p - 1].isalnum():
                continue  # inside a word ("1990s" is one place to start, not two)
            token = word if kind == 1 else "#" if kind == 2 else word
            if token not in starts:
                continue
            if i < last:
                q, _, next_kind, next_word = tokens[i + 1]
                separator = low[e:q]
            else:
                after = _NEXT.match(low, e)
                if after is None:
                    next_kind, next_word, separator = 0, "", ""
                else:
                    next_kind, next_word, separator = (
                        after.lastindex - 1,
                        after.group(after.lastindex),
                        after.group(1),
                    )  # type: ignore[operator]
            if next_kind == 2:
                second = second_token("#", separator, "#") if token == "#" else "#"
            else:
                second = next_word
            rules = buckets.get((token, second))
            if rules is None:
                rules = _bucket(token, second)
            if not rules:
                continue
            hit = tried[p] = _longest(rules, low, p, -1, work, normalizers)
            if hit is not None and hit.end > s:
                hits.append(hit)
                covered = hit.end
                break
    return hits


_Bucket = list[tuple[Rule, Callable[..., re.Match[str] | None]]]
_BUCKETS: dict[tuple[str, str], _Bucket] = {}


def _bucket(first: str, second: str) -> _Bucket:
    """The rules that can start with these two tokens, with their compiled ``match`` (cached)."""
    found = _BUCKETS.get((first, second))
    if found is None:
        grammar = _setup()[0]
        rules = {
            r.index: r
            for r in (
                grammar.dispatch.get((first, second), [])
                + grammar.dispatch.get((first, "*"), [])
                + grammar.anywhere
            )
        }
        found = [(r, r.regex.match) for _, r in sorted(rules.items())]
        if len(_BUCKETS) < 100_000:
            _BUCKETS[(first, second)] = found
    return found


_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")
_MAX_SPAN = 240  # characters: no expression is longer


def _longest(
    rules: list[tuple[Rule, Callable[..., re.Match[str] | None]]],
    low: str,
    p: int,
    trigger: int,
    work: str,
    normalizers: dict[str, Normalizer],
) -> Hit | None:
    """The longest rule match at ``p`` that covers the trigger (the earlier rule on a tie),
    ending before a blank line ("in August", a blank line, "21 pilots" is August).

    >>> work = "ends in August" + chr(10) * 2 + "21 pilots"
    >>> [work[h.start : h.end] for h in scan(work, work.lower())]
    ['August']
    """
    best: Hit | None = None
    blank = _BLANK_LINE.search(low, p, p + _MAX_SPAN)
    end = blank.start() if blank is not None else len(low)
    for rule, match in rules:
        m = match(low, p, end)
        if m is None or m.end() <= trigger or (best is not None and m.end() <= best.end):
            continue
        hit = _build(rule, m, work, normalizers)
        if hit is not None:
            best = hit
    return best


def _build(
    rule: Rule, m: re.Match[str], work: str, normalizers: dict[str, Normalizer]
) -> Hit | None:
    for group in rule.title_groups:
        start = m.start(group)
        if start >= 0 and not work[start].isupper():
            return None
    value = rule.value.render(m, normalizers)
    if value is None or _lowercase_title_holiday(value, m, work):
        return None
    hit = Hit(m.start(), m.end(), rule, value)
    if rule.mod is not None:
        hit.mod = rule.mod.render(m, normalizers)
    if rule.quant is not None:
        hit.quant = rule.quant.render(m, normalizers)
    if rule.freq is not None:
        hit.freq = rule.freq.render(m, normalizers)
    if rule.fallback is not None:
        hit.fallback = rule.fallback.render(m, normalizers)
    if rule.past is not None:
        hit.past = rule.past.render(m, normalizers)
    if "anchor" in m.re.groupindex and m.start("anchor") >= 0:
        hit.anchor = (m.start("anchor"), m.end("anchor"))
    if "event" in m.re.groupindex and m.start("event") >= 0:
        hit.event = (m.start("event"), m.end("event"))
    if "wd" in m.re.groupindex and m.start("wd") >= 0 and _DAY_TOLD.match(value):
        day = normalizers["weekday"](m.group("wd"))
        hit.weekday = int(day) if day else None
    return hit


def _lowercase_title_holiday(value: str, m: re.Match[str], work: str) -> bool:
    """True when the match names a holiday that must be capitalized ("title: true" in the
    lexicon) and is not: "election day" in Bolivia is no US Election Day."""
    if "h" not in m.re.groupindex or m.start("h") < 0:
        return False
    spec = _setup()[0].holidays.get(table_key(m.group("h")), {})
    return bool(spec.get("title")) and not work[m.start("h")].isupper()


_DAY_RUN = re.compile(r"\s+(?:to|through|thru|-|–)\s+")
_CLOCK_RUN = re.compile(r"\s+(?:to|until|till|-|–)\s+")
_HOURS_THEN_DAYS = re.compile(r"(?:\s+[a-z]{2,3})?,?\s+(?:from\s+|on\s+)?")
_DAYS_THEN_HOURS = re.compile(r",?\s+(?:from\s+)?")


@cache
def _weekday_run_rule() -> Rule:
    """The grammar's rule for a weekday of a run of opening hours (looked up once)."""
    return next(r for r in _setup()[0].rules if r.name == "weekday_run_of_hours")


def _days_of_hours(hits: list[Hit], low: str) -> None:
    """A run of weekdays beside a range of clock times is opening hours: each weekday is any
    such day ("open from 9am to 6pm, Monday to Saturday", "8 a.m. to 8 p.m. ET Monday through
    Friday"); the grammar's own rule reads the days told before the hours."""
    if len(hits) < 2:
        return
    run_rule = _weekday_run_rule()
    for i in range(len(hits) - 1):
        a, b = hits[i], hits[i + 1]
        if a.rule.name not in ("weekday", run_rule.name) or b.rule.name != "weekday":
            continue
        if not _DAY_RUN.fullmatch(low, a.end, b.start):
            continue
        hours_before = (
            i >= 2
            and hits[i - 1].rule.type == hits[i - 2].rule.type == "TIME"
            and _CLOCK_RUN.fullmatch(low, hits[i - 2].end, hits[i - 1].start) is not None
            and _HOURS_THEN_DAYS.fullmatch(low, hits[i - 1].end, a.start) is not None
        )
        hours_after = (
            i + 3 < len(hits)
            and hits[i + 2].rule.type == hits[i + 3].rule.type == "TIME"
            and _DAYS_THEN_HOURS.fullmatch(low, b.end, hits[i + 2].start) is not None
            and _CLOCK_RUN.fullmatch(low, hits[i + 2].end, hits[i + 3].start) is not None
        )
        if hours_before or hours_after:
            a.rule = b.rule = run_rule


def _extend(hits: list[Hit], low: str) -> None:
    """Take modifiers in front of a mention into it ("early 2011", "more than four hours")."""
    grammar, _ = _setup()
    previous_end = 0
    for hit in hits:
        # A possessive day names a noun's day ("get around Wednesday's ruling"): what stands
        # before it belongs to the noun phrase, not to the day.
        if hit.rule.extend and low[hit.end : hit.end + 2] not in _POSSESSIVE:
            window = max(previous_end, hit.start - 30)
            m = grammar.premodifier.search(low, window, hit.start)
            if m is not None:
                spec = grammar.modifiers.get(_key(m.group("mod")))
                kind = hit.rule.type
                if hit.rule.name in _TIMEML_LENGTH_RULES and hit.value.startswith(_CLOCK_STEPS):
                    kind = "TIME"  # "about 40 seconds later": a time of day
                if (
                    spec
                    and kind in spec["types"]
                    and (not spec.get("amount") or _AMOUNT.match(low, hit.start))
                ):
                    hit.start = m.start()
                    hit.mod = hit.mod or spec["mod"]
        previous_end = hit.end


_POSSESSIVE = ("'s", "’s")
_CLOCK_STEPS = ("@hour", "@minute", "@second")
# Days from each weekday (Monday = 0) to the weekend it belongs with.
_TO_WEEKEND = (-1, -2, 3, 2, 1, 0, 0)
_APPOSITION = re.compile(r"\s*,\s*")
# A weekday set off after a date it names the day of: "on 12 May, a Sunday", "Nov. 4, which
# was a Tuesday".
_WEEKDAY_APPOSITION = re.compile(
    r"\s*,\s*(?:a|which\s+was\s+a|then\s+a)\s+(?:(?!the\b)[a-z]+,?\s+)?"
)  # (one word may describe the day: "a dark Monday morning", "a cold, wet Sunday" is two)
_WEEKDAY_ONLY = re.compile(r"XXXX-WXX-([1-7])")
# A weekday strictly before or after a day ("the Friday before Labor Day"): the side by a rule's dir
_STRICT_SIDE = {"past": "last", "future": "next"}


def _apposed_weekday(state: _State, low: str, hit: Hit, weekday: int) -> Reference | None:
    """The date right before ``hit``, set off by "a" ("12 May, a Sunday"), when it falls on the
    weekday named; else None."""
    if not state.dated:
        return None
    _, end, ref = state.dated[-1]
    offset = state.position - hit.start
    if (
        ref.granularity not in _REF_GRANULARITIES["day"]
        or end - offset < 0
        or ref.moment.isoweekday() != weekday
    ):
        return None
    return ref if _WEEKDAY_APPOSITION.fullmatch(low, end - offset, hit.start) else None


# A deadline or horizon before a date ("by 1992", "until 2020"): when it lies ahead, the date
# is a target, not where the story is, so it does not become the narrative reference.
_PUT_OFF = re.compile(
    r"\b(?:delay|delayed|postpone|postponed|defer|deferred|extend|extended|push|pushed)\b"
    r"[^.;!?\n]{0,30}\b(?:until|till|to)\s+\Z"
)
_PLAN_GIVEN_UP = re.compile(
    r"\b(?:originally|initially|previously)\s+(?:set|scheduled|planned|due|slated)\s+"
    r"(?:for|on)\s+\Z"
)
_DEADLINE = re.compile(
    r"\b(?:by|until|till|through|before|after|beyond)\s+(?:the\s+end\s+of\s+)?\Z"
)
# "the biggest drop since Oct. 18": the start of a span that runs up to now, not where the
# story is; it does not become the narrative reference either.
_WHEN_AFTER = re.compile(r",?\s+when\b")
_SINCE = re.compile(r"\bsince\s+(?:at\s+least\s+|early\s+|late\s+|mid-?\s*)?\Z")
# A present state before "since" ("rates are up 40 per cent since the start of the year")
_PRESENT_STATE_BEFORE = re.compile(r"\b(?:is|are|remains?|stands?)\b[^.;:]*\bsince\s+\Z")
# "since the first case was confirmed on Jan. 3": a date opening a span, told in a clause
_SINCE_CLAUSE = re.compile(
    r"\bsince\s+(?:the|a|its|his|her|their)\s+[a-z\s\-]{1,40}?\b(?:on|in)\s+\Z"
)


def _key(phrase: str) -> str:
    return table_key(phrase)


class _State:
    """References while reading one document."""

    def __init__(self, published: datetime | None) -> None:
        self.doc = Reference.published(published) if published else None
        self.doc_iso = None
        if published is not None:
            self.doc_iso = (
                published.date().isoformat()
                if published.time() == datetime.min.time() and published.tzinfo is None
                else published.isoformat()
            )
        self.text = ""  # the whole document
        self.southern: bool | None = None  # a southern story (its seasons shift); None: not read
        self.cross_year: bool | None = None  # a story of a season across two years; None: not read
        self.canadian: bool | None = None  # a story of Canada (Thanksgiving in October)
        self.british: bool | None = None  # a story of Britain or Ireland (Mothering Sunday)
        self.independence: str | None = None  # whose Independence Day ("": July 4's)
        self.labour: str | None = None  # whose Labour Day (a _LABOUR_DAYS key; "": September's)
        # days of holidays told with a year gone by ("Easter last year", "Canada Day in 2020")
        self.story_holidays: deque[date] = deque(maxlen=8)
        # the year an anniversary story remembers ("Fifty years ago this weekend"), if told
        self.anniversary_year: int | None = None
        self.narrative: Reference | None = None
        # The last narrative reference of a year or finer: what "that spring" after "in 1962
        # ... by the early 1960s" is in (a decade has no one spring).
        self.year_narrative: Reference | None = None
        # The last quarter/month/half named: what "a year ago" compares with in a report.
        self.period: Reference | None = None

        self.period_at = 0
        self.narrative_at = 0
        self.position = 0  # where the reading is (characters into the document)
        # The last dated mentions: (start, end) in the document and the reference they give.
        self.dated: deque[tuple[int, int, Reference]] = deque(maxlen=_DATED_KEPT)
        # Where the text dates a saying ("officials said on Friday"): not when events happened.
        self.said_at: set[int] = set()
        self.since_at: set[int] = set()  # dates that open a span running up to now
        # clocks told again in another zone, in brackets ("12:30 p.m. (0430 GMT)")
        self.zone_aside_at: set[int] = set()
        # (end of a relative clause set off by commas, and the story's place before it)
        self.aside: tuple[int, Reference | None, int, Reference | None] | None = None
        # A live page's entry stamps ("10:15 p.m. Gap narrows"): the day heading the entries
        # ("TUESDAY, MAY 9"), if any, and the last stamp read.
        self.heading: Reference | None = None
        self.last_stamp: Reference | None = None
        self.antipodean: bool | None = None  # a story of Australia or New Zealand, read once
        self.labour_places: dict[str, set[str]] | None = None  # read once
        self.rebuilds: bool | None = None  # read once
        # a transcript's reporter scenes "It's ... on Monday": (start, end, weekday's end or -1)
        self.scenes: list[tuple[int, int, int]] | None = None
        self.stamp_order = 0  # +1: the entries run oldest first, -1: newest first, 0: unknown
        self.heading_at = 0
        self.last_stamp_at = 0
        # Whether the heading is a day alone ("Saturday 4 August", not a stamp with a clock),
        # and whether the story has named another day since it
        self.heading_plain = False
        self.heading_left = True
        # The clock time of the publication day a text's header gives ("PM - Tuesday, 11
        # February 2025 18:10:00", "Aired August 13, 2017 - 16:00 ET"), if any
        self.header_clock: Reference | None = None

    def latest_day(self) -> Reference | None:
        """The chronologically latest day (or finer) named in the last ``_LATEST_REACH``
        characters, not after the publication day: where the story has got to, which "the
        following day" moves on from even after a look back ("the leak on Oct. 9")."""
        limit = None
        if self.doc is not None:
            limit = datetime.combine(self.doc.moment.date(), datetime.max.time())
        best: Reference | None = None
        last: Reference | None = None
        for start, _, ref in reversed(self.dated):
            if self.position - start > _LATEST_REACH:
                break
            if ref.granularity not in _REF_GRANULARITIES["day"]:
                continue
            if limit is not None and ref.moment > limit:
                continue
            if start in self.since_at:
                continue  # "copying data since July 2": where a span began, not the story
            if last is None:
                last = ref
            elif ref.moment - last.moment > _LOOK_BACK:
                continue  # not a look back but another story ("said Wednesday" after 2013)
            if best is None or ref.moment > best.moment:
                best = ref
        return best

    def recent_week(self) -> Reference | None:
        """The last week named in the last ``_DAY_REACH`` characters, if no day was named after
        it; else None."""
        for start, _, ref in reversed(self.dated):
            if self.position - start > _DAY_REACH:
                return None
            if ref.granularity == "week":
                return ref
            if ref.granularity in _REF_GRANULARITIES["day"] and start not in self.since_at:
                return None
        return None

    def recent_day(self) -> Reference | None:
        """The last day (or finer) named in the last ``_DAY_REACH`` characters when it is the
        publication day or the day before ("yesterday"); else None."""
        for start, _, ref in reversed(self.dated):
            if self.position - start > _DAY_REACH:
                return None
            if ref.granularity in _REF_GRANULARITIES["day"]:
                if self.doc is None or not 0 <= (self.doc.moment - ref.moment).days <= 1:
                    return None  # only the day before the publication (or the day itself)
                return ref
        return None

    def coming_day(self) -> Reference | None:
        """The last day (or finer) named in the last ``_DAY_REACH`` characters that is not
        before the publication day: the day a clock time still to come is on (None: today)."""
        if self.doc is None:
            return None
        today = self.doc.moment.date()
        for start, _, ref in reversed(self.dated):
            if self.position - start > _DAY_REACH:
                break
            if ref.granularity in _REF_GRANULARITIES["day"] and ref.moment.date() >= today:
                return ref
        return None

    def event_date(
        self, words: list[str], low: str, offset: int, grain: str | None = None
    ) -> Reference | None:
        """The date of the event named by ``words`` ("chlorine leak"), found where the text
        names it next to a date ("the leak began Monday", "the Oct. 9 leak"): the last such
        place before the reading position; ``low`` is the lower-cased piece at ``offset``."""
        here = self.position - offset
        for word in words:
            for found in reversed(
                list(re.finditer(rf"\b{re.escape(word)}(?:s|es)?\b", low[:here]))
            ):
                a, b = found.start() + offset, found.end() + offset
                for start, end, ref in reversed(self.dated):
                    if start >= self.position or start < offset or end < a - _EVENT_GAP:
                        continue
                    if GRANULARITY_RANK[ref.granularity] > GRANULARITY_RANK.get(grain or "", 99):
                        continue  # "the day before the leak" needs the leak's day
                    gap = low[min(b, end) - offset : max(a, start) - offset]
                    if (
                        (start > b - 1 or end < a + 1)
                        and len(gap) <= _EVENT_GAP
                        and not _CLAUSE_END.search(gap)
                        # a date before the noun qualifies it ("the Oct. 9 leak", "Sunday's
                        # deadly blast"), not "on Friday charged a man in the bombing"
                        and (start > b - 1 or len(gap.split()) <= _EVENT_WORDS_BEFORE)
                        and REPORTING_VERBS.isdisjoint(gap.split())
                    ):
                        return ref
        return None

    def apposed(self, low: str, offset: int, grain: str | None) -> Reference | None:
        """The date a phrase at the reading position restates, set off by a comma right after
        it and of the phrase's granularity ("Oct. 12, the day before the plunge")."""
        if not self.dated or grain is None:
            return None
        _, end, ref = self.dated[-1]
        if ref.granularity != grain or end < offset:
            return None
        return ref if _APPOSITION.fullmatch(low, end - offset, self.position - offset) else None

    def update(self, value: str, granularity: str | None) -> None:
        rank = GRANULARITY_RANK.get(granularity or "", 99)
        if rank <= _NARRATIVE_MAX:
            self.narrative, self.narrative_at = Reference.of(value), self.position
            if (
                self.heading is not None
                and self.narrative is not None
                and self.narrative.moment.date() != self.heading.moment.date()
            ):
                self.heading_left = True
            if rank <= GRANULARITY_RANK["year"]:
                self.year_narrative = self.narrative
            reported = self.doc is None or (
                self.narrative is not None
                and self.narrative.moment <= self.doc.moment
                and self.doc.moment - self.narrative.moment <= _PERIOD_AGE
            )
            if granularity in _PERIODS and reported:
                # Only periods already under way are compared with a year before: "a year ago"
                # in a report about Q3 results is last year's Q3, not the forecast Q3's.
                self.period, self.period_at = self.narrative, self.position

    def recent_period(self) -> Reference | None:
        """The last period named, if it was named recently enough to still be the topic."""
        if self.period is not None and self.position - self.period_at <= _PERIOD_REACH:
            return self.period
        return None


# The heading of the list that closes a sports report with each team's next game
_UP_NEXT = re.compile(r"\n[ \t]*(?:UP NEXT|Up next|Up Next|NEXT UP|Next up)[ \t]*:?[ \t]*\n")
_UP_NEXT_REACH = 600


def _up_next(work: str, at: int) -> bool:
    """True when ``at`` is in the "UP NEXT" list of a sports report.

    >>> text = "Final score 71-60.||UP NEXT||Rovers: Host Kent on Thursday.".replace("|", chr(10))
    >>> _up_next(text, text.index("Thursday")), _up_next(text, 5)
    (True, False)
    """
    return _UP_NEXT.search(work, max(0, at - _UP_NEXT_REACH), at) is not None


def _direction(rule: Rule, value: str, work: str, hit: Hit, ref: Reference | None = None) -> str:
    """How to fill the placeholders of ``value``: the rule's direction, else from tense.

    Weekdays follow tense strictly, defaulting to the past (news reports what happened).
    Dates and months go to the nearest candidate, the tense's side counting three times
    closer ("payable Dec. 15" in a November article is this December), unless a verb right
    before them fixes the direction ("the year ended June 30").
    (Measured on TimeBank + AQUAINT train: strict tense for weekdays, tense-biased nearest
    for the rest is the best of the variants tried.)
    """
    if rule.name == "the_week_ahead" and ref is not None:
        return "next" if ref.moment.weekday() >= 5 else "this"
    if rule.name == "the_school_year" and ref is not None:
        return "this" if ref.moment.month >= _SCHOOL_YEAR_STARTS else "last"
    if rule.dir not in ("tense", "tense_strict", "tense_past", "tense_future", "tense_this"):
        return rule.dir
    tense = tense_at(work, hit.start, hit.end)
    if tense != "past" and "WXX" in value and _up_next(work, hit.start):
        # "UP NEXT / Cumberland Valley: Hosts Prairie A&M on Thursday.": a sports report's
        # closing list of the teams' next games, none of them the day of the game reported
        return "next"
    if rule.dir == "tense_this":
        # A half of the year: this year's, unless told in the past and not begun ("growth
        # should resume in the second half" in February; "the second half was weak": 2012's;
        # but "budgets for the first half were set" in March is this year's, under way)
        if tense != "past":
            return "this"
        current = resolve_partial(value, ref, "this", _setup()[0].holidays) if ref else None
        span = interval(current) if current else None
        return "this" if span is not None and span.start <= ref.moment else "past"
    if rule.dir == "tense_future":
        # Deadlines of the calendar ("at year-end") are the coming ones unless told as past.
        return "past" if tense == "past" else "future"
    if (
        rule.name == "weekend"
        and ref is not None
        and ref.moment.weekday() in (2, 3, 4)
        and (tense != "past" or _WEEKEND_AHEAD.search(work, max(0, hit.start - 24), hit.start))
    ):
        # "the weekend" told from Wednesday to Friday is the coming one unless told as over
        # (blind sets: 54 ahead, 5 back); a past verb tells it over ("violations over the
        # weekend") unless the weekend is what was planned for ("a chance of good weather for
        # the weekend", "ahead of the weekend")
        return "future"
    if (
        "WXX" in value
        and rule.name in ("weekday", "clock_weekday", "weekday_pod")
        and _after_for(work, hit.start)
        and not _POSSESSIVE_AFTER.match(work, hit.end)
    ):
        # "declared total fire bans for Tuesday", "a deadline set by the bank for Monday": a
        # day something is for lies ahead (blind sets 75 ahead, 6 back), unless the plan is
        # told as dropped ("the vote, first planned for Wednesday"; "had been scheduled for")
        if _PLAN_DROPPED.search(work, max(0, hit.start - 40), hit.start) or _DROPPED_AFTER.match(
            work, hit.end
        ):
            return "past"
        if not _AS_FOR.search(work, max(0, hit.start - 8), hit.start):
            return "future"
    if (
        "WXX" in value
        and _EXPECTED_FOR.search(work, max(0, hit.start - 40), hit.start)
        and not _HAD_EXPECTED.search(work, max(0, hit.start - 48), hit.start)
    ):
        return "future"  # "with forecasters expecting landfall late Wednesday"
    if (
        "WXX" in value
        and _DEADLINE_OF.search(work, max(0, hit.start - 40), hit.start)
        and not _DEADLINE_GONE.search(work, max(0, hit.start - 80), hit.start)
        and not _DEADLINE_PASSED.search(work, hit.end, _next_sentence_end(work, hit.end))
    ):
        return "future"  # "despite a deadline of noon on Thursday", "a deadline that falls on"
    if "WXX" in value or rule.dir == "tense_strict":
        if _CALLED_OFF_FOR.search(work, max(0, hit.start - 70), hit.start):
            # "Ferries have cancelled all sailings on Monday": what is called off lies ahead
            return "future"
        if _SCENE_CLOCK.search(work, max(0, hit.start - 48), hit.start) or (
            _SCENE_OPEN.search(work, max(0, hit.start - 24), hit.start)
            and _CLOCK_FIRST.match(work, hit.start)
        ):
            # "It's twenty to ten on Tuesday night, and I'm in the water": a reporter's scene,
            # recorded on the day named or the last one before (blind sets 9 of 9)
            return "past"
        if (
            tense == "present"
            and tense_at(work[: hit.end], hit.start, hit.end) != "past"
            and not _IN_BRACKETS.search(work, max(0, hit.start - 24), hit.start)
            and not _AFTER_EVENT.search(work, max(0, hit.start - 40), hit.start)
        ):
            # "Armistice Day falls on Wednesday", "tickets for Friday are sold out": a day told
            # in the present is a scheduled one (blind sets 12 ahead, 2 back), unless a past
            # verb before it tells it ("a car swept off the road Monday night remains
            # missing"), it dates what a present state follows ("is on leave after the incident
            # Friday") or it is a conversion in brackets ("4:20 am (2020 GMT Saturday)")
            return "future"
        if (
            tense is None
            and (hit.start > 0 or hit.end < len(work))  # (an anchor read alone keeps the past)
            and not past_in_sentence(work, hit.start, hit.end)
        ):
            # a day with no tense to its clause and none in its sentence ("Carols by
            # candlelight: St Michael's Church, Sunday, 6.30pm", "Ironmen: Host Houston on
            # Sunday"): the nearest such day, the coming one counting three times closer
            return "nearest_future"
        return "future" if tense == "future" else "past"
    if rule.dir == "tense_past":
        # Reported periods (quarters, halves) are past ones unless the clause looks ahead.
        return "nearest_future" if tense == "future" else "past"
    if _MONTH_ONLY.fullmatch(value) and (
        _REPORTED_FOR.search(work, max(0, hit.start - 60), hit.start)
        or _MONTH_REPORT.match(work, hit.end)
    ):
        # "reports on housing starts and industrial production for June", told in July: the
        # month a report covers is the nearest one, whatever the tense of the reporting
        return "nearest"
    if _SAID_BEFORE.search(work, max(0, hit.start - 40), hit.start) and (
        _SUBJECT_IS.match(work, hit.end) or _SUBJECT_WILL.match(work, hit.end)
    ):
        # "said June 30 is (was, would be) the likely date": the date is what the saying is
        # about, a date still to come rather than the day of the saying
        return "strong_future"
    # A verb right before the date governs it outright: "ended June 30", "killed Sunday".
    adjacent = adjacent_tense(work, hit.start)
    if (
        adjacent == "past"
        and _NAMED_DAY_BEFORE.search(work, max(0, hit.start - 16), hit.start)
        and _NAMED_AS.match(work, hit.end)
    ):
        # "named 4 July as polling day", "set Friday as the deadline": a day chosen for what
        # is to come, the nearest such day with the coming one counting closer
        return "nearest_future"
    if adjacent in ("past", "future"):
        return adjacent
    if tense == "past":
        if (
            _SEASON_OR_MONTH.fullmatch(value)
            and _BY_BEFORE.search(work, max(0, hit.start - 24), hit.start)
            and _LOOKS_AHEAD.search(
                work, max(sentence_around(work, hit.start, hit.end)[0], hit.start - 90), hit.start
            )
            and not _WAS_HAD.search(work, max(0, hit.start - 40), hit.start)
        ):
            return "nearest_future"
        if _FRONTED_IN.search(work, max(0, hit.start - 8), hit.start):
            return "past"  # "In December, police arrested two men": a past month, fronted
        if (
            _MONTH_ONLY.fullmatch(value)
            and (
                _IN_MONTH.search(work, max(0, hit.start - 40), hit.start)
                or _past_span_of_months(work, hit)
            )
            and tense_at(work[: hit.end], hit.start, hit.end) == "past"
            and not _MODAL_BEFORE.search(
                work, sentence_around(work, hit.start, hit.end)[0], hit.start
            )
        ):
            # "pleaded not guilty at his arraignment in May", "indicted her in January": a month
            # after "in" in a clause a past verb before it tells is behind, however close the
            # coming one ("payable Dec. 15", "by Christmas", "until April" keep the bias)
            return "past"
        return "nearest_past"
    if tense == "future":
        # "will be held on March 3": the coming one, even if the last one was closer
        if firm_future(work, hit.start):
            return "future"
        if _DEADLINE_AHEAD.search(work, max(0, hit.start - 12), hit.start):
            return "future"  # "expected the rate to stay there until the autumn"
        if reported_future(work, hit.start) or copula_before(work, hit.start):
            # "said ... would review it in the fall": ahead of the saying, a little before now;
            # "the last day of school is June 8" in August: the coming one, though "his
            # birthday is March 2" in late March is the one just gone
            return "strong_future"
        return "nearest_future"
    if tense is None and _FRONTED_IN.search(work, max(0, hit.start - 8), hit.start):
        return "nearest_past"  # "In January, a week after the anniversary, ...": a scene told
    return "nearest"


_MONTH_ONLY = re.compile(r"XXXX-[0-9]{2}")
_CALLED_OFF_FOR = re.compile(
    r"\b(?:has|have)\s+(?:been\s+)?(?:cancel+ed|suspended|postponed|called\s+off|scrapped|"
    r"axed|closed|shut)\b[^.;:!?\"“”]{0,40}\b(?:on|for|from)\s+\Z",
    re.I,
)
# "It's half past seven on", "It's just gone ten on", "it's 5:40 on": a scene's clock, before
# its day or with it ("It's 5:40 on Sunday evening" read as one time)
_HOUR_WORD = (
    r"(?:[0-9]{1,2}(?:[:.][0-5][0-9])?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve)"
)
_SCENE_OPENS = (
    r"\b[Ii]t(?:'s|’s|\s+is)\s+(?:just\s+(?:gone|after|before)\s+|almost\s+|nearly\s+|"
    r"about\s+|now\s+)?"
)
_SCENE_CLOCK = re.compile(
    _SCENE_OPENS
    + r"(?:(?:half|quarter|twenty|ten|five|twenty-five)\s+(?:past|to)\s+)?"
    + _HOUR_WORD
    + r"(?:\s+o'clock|\s*[ap]\.?m\.?)?\s+on\s+\Z"
)
_SCENE_OPEN = re.compile(_SCENE_OPENS + r"\Z")
# A scene's opening anywhere, and its weekday within its sentence ("It's just after nine on
# Monday morning at Sunbury Lock"); a taped report ends where the tape does
_SCENE_ANY = re.compile(
    _SCENE_OPENS
    + r"(?:(?:a\s+little|shortly)\s+(?:after|before|past)\s+|coming\s+up\s+to\s+)?"
    + r"(?:(?:a\s+)?(?:half|quarter|twenty|ten|five|twenty-five|[a-z]+\s+minutes)\s+(?:past|to|"
    r"before|after)\s+(?:the\s+hour|[a-z0-9]+)|"
    + _HOUR_WORD
    + r"\b(?:\s+o'clock|\s*[ap]\.?m\.?)?|noon|midnight)",
    re.I,
)
_SCENE_WEEKDAY = re.compile(
    r"(?:\s+(?:in\s+the\s+)?(?:morning|afternoon|evening|night))?(?:\s+here)?\s+on\s+"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    re.I,
)
_TAPE_ENDS = re.compile(r"\((?:END\s+(?:VIDEO\s*TAPE|VIDEO|TAPE|CLIP)|END OF TAPE)\)", re.I)
_SEGMENT_REACH = 1500


def _scene_segment_day(state: _State, until: int) -> Reference | None:
    """The day a reporter's scene names in a broadcast transcript ("It's just after nine on
    Monday morning at Sunbury Lock"), in the week before the broadcast, when the last clock
    told as "It's ..." up to ``until`` (the end of the hit) is that scene's, within
    ``_SEGMENT_REACH`` and before the tape ends; else None (a presenter's "It's twelve
    minutes to seven" ends the report; a printed story's "It's 7 a.m. on Saturday" opens no
    taped report).

    >>> state = _State(datetime(2014, 7, 15))
    >>> state.text = "PRYCE: It's just after nine on Monday morning.\\nHARCOURT: We go on today."
    >>> state.dated.append((23, 45, Reference.of("2014-07-14T09:00")))
    >>> state.position = state.text.index("today")
    >>> _scene_segment_day(state, state.position + 5).value
    '2014-07-14'
    """
    if state.doc is None:
        return None
    if state.scenes is None:  # (found once per document)
        text = state.text
        transcript = len(_SPEAKER_LABEL.findall(text)) >= 2 or _TAPE_ENDS.search(text)
        state.scenes = [
            (m.start(), m.end(), day.end() if (day := _SCENE_WEEKDAY.match(text, m.end())) else -1)
            for m in (_SCENE_ANY.finditer(text) if transcript else ())
        ]
    ends = [end for _, end, _ in state.scenes]
    i = bisect_right(ends, until) - 1
    if i < 0:
        return None
    start, end, day_end = state.scenes[i]
    if (
        day_end < 0
        or state.position - start > _SEGMENT_REACH
        or _TAPE_ENDS.search(state.text, end, state.position)
    ):
        return None
    for at, _, ref in reversed(state.dated):
        if at < start:
            return None
        if at <= day_end and ref.granularity in _REF_GRANULARITIES["day"]:
            told = ref.moment.date()
            if 0 < (state.doc.moment.date() - told).days <= 7:
                return Reference.of(told.isoformat())
            return None
    return None


# A speaker's label opening a line of a transcript: "PRYCE:", "HANNAH PRYCE (reporter):"
_SPEAKER_LABEL = re.compile(
    r"(?m)^[ \t]*[A-Z][A-Z.'’\- ]{1,40}(?:\s*\([^)\n]{1,60}\))?:"
    # a name alone on its line, as PBS and others print them: "Tamsin Reyes:"
    r"|^[ \t]*[A-Z][a-z]+(?:[ \t]+[A-Z][A-Za-z'’\-]+){1,2}:[ \t]*$"
)


_CLOCK_FIRST = re.compile(_HOUR_WORD + r"\b", re.I)  # a hit that opens with its clock
_NAMED_DAY_BEFORE = re.compile(
    r"\b(?:named|declared|designated|set|chose|picked|fixed|announced|added|proclaimed)\s+\Z", re.I
)
_NAMED_AS = re.compile(r"\s+as\s+(?:the\s+)?[a-z]", re.I)
# What is expected lies ahead: "forecasters expecting landfall late Wednesday", "expects a
# decision on Friday" (not "had expected", "was expected to land on Monday" told of the past)
_EXPECTED_FOR = re.compile(r"\bexpect(?:s|ing)\b[^.;:!?\"“”]{0,30}\Z", re.I)
_HAD_EXPECTED = re.compile(r"\b(?:had|was|were)\s+(?:\w+\s+)?expect", re.I)
_SCHOOL_YEAR_STARTS = 8  # August: a school year told from then on is the one starting this year
_POSSESSIVE_AFTER = re.compile(r"['’]s?\b")
_DEADLINE_GONE = re.compile(r"\b(?:passed|expired|missed|lapsed|ran\s+out|had\s+been)\b", re.I)
_DEADLINE_PASSED = re.compile(
    r"\b(?:it|the\s+deadline)\s+(?:passed|expired|lapsed|ran\s+out)\b", re.I
)


def _next_sentence_end(work: str, at: int) -> int:
    """Where the sentence after the one holding ``at`` ends."""
    _, end = sentence_around(work, at, at)
    return sentence_around(work, min(len(work), end + 1), min(len(work), end + 1))[1]


_DEADLINE_OF = re.compile(
    r"\bdeadlines?\s+(?:of|is|for|falls|that\s+falls)\s+(?:\w+\s+){0,3}\Z", re.I
)
_PLAN_DROPPED = re.compile(
    r"\b(?:had\s+been|was|were|first|originally|initially)\s+(?:\w+\s+)?(?:scheduled|planned|set|"
    r"slated|due|booked)\s+for\s+\Z",
    re.I,
)


# "a memorial service planned for Saturday was canceled": a plan told as dropped
_DROPPED_AFTER = re.compile(
    r"\s+(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+\s+)?(?:canceled|cancelled|"
    r"called\s+off|postponed|scrapped|dropped|moved|pushed\s+back)\b",
    re.I,
)
_AS_FOR = re.compile(r"\bas\s+for\s+\Z", re.I)  # "As for Sunday, she said ...": a topic


def _after_for(work: str, start: int) -> bool:
    """True when the word right before ``start`` is "for".

    >>> _after_for("bans for Tuesday", 9)
    True
    """
    return work[max(0, start - 4) : start].lower() == "for "


_WEEKEND_AHEAD = re.compile(r"\b(?:for|through|until|till|ahead\s+of|before)\s+\Z", re.I)
_SAID_BEFORE = re.compile(
    r"\b(?:said|says|say)\s+(?:(?:[a-z]+\s+){0,3}that\s+)?\Z", re.I
)  # "said June 30", "said Wednesday evening that June 30"
# ... or names the thing it is about, which is still to come ("said Palm Sunday services would
# go ahead", "said Friday's vote will be delayed")
_SUBJECT_WILL = re.compile(
    r"(?:['’]s)?\s+(?:[a-z]+\s+){1,2}(?:would|will|could|should|might|may)\s+(?!have\b)[a-z]",
)
_SUBJECT_IS = re.compile(r"\s+(?:is|was|will\s+be|would\s+be)\s+[\"“]?(?:the|a|an|still)\s", re.I)
# A modal before a month ("I'd rather they heard it from us than from a bill in February").
_MODAL_BEFORE = re.compile(r"(?:\b(?:would|will|could|might|should|shall)\b|['’](?:d|ll)\b)", re.I)
# "recorded 212 robberies between January and September": a span of months in a past clause
_MONTH_SPAN_START = re.compile(r"\b(?:between|from)\s+\Z")
_MONTH_SPAN_GOES_ON = re.compile(
    r"\s+(?:and|to|through|until)\s+[A-Z][a-z]+\.?(?![A-Za-z0-9 ]*[0-9])"
)
_EVERY_IN = re.compile(r"\b(?:each|every)\b")


def _past_span_of_months(work: str, hit: Hit) -> bool:
    """True for a month opening a span of months ("between January and September", "from
    September through May"), not one of a timetable ("held on the first Thursday of each
    month from October through April")."""
    before = max(0, hit.start - 40)
    if not (
        _MONTH_SPAN_START.search(work, before, hit.start)
        and _MONTH_SPAN_GOES_ON.match(work, hit.end)
    ):
        return False  # (the end follows the start: "The season ran from June to November")
    opens = sentence_around(work, hit.start, hit.end)[0]
    return not _EVERY_IN.search(work, opens, hit.start)


# "in" before a month, not "starting in", "beginning in", "comes into force in", "from ... in".
_IN_MONTH = re.compile(r"(?<!starting )(?<!beginning )(?<!force )(?<!from )\bin\s+\Z")
_IN_BRACKETS = re.compile(r"\([^()]*\Z")
_AFTER_EVENT = re.compile(r"\b(?:after|since|following)\b[^,;:.()]*\Z", re.I)
_REPORTED_FOR = re.compile(
    r"\b(?:data|figures|numbers|reports?|readings?|sales|production|output|statistics|results|"
    r"index|payrolls|starts|orders|inflation|prices|spending|employment|unemployment|exports|"
    r"imports|deficit|surplus|trade|jobs)\s+for\s+\Z",
    re.I,
)
# A month naming the figures for it: "the February employment report", "the January jobs data".
_MONTH_REPORT = re.compile(
    r"\s+(?:(?:employment|jobs|payrolls?|inflation|retail|trade|unemployment|housing|"
    r"consumer|producer|factory|industrial|sales|price|spending|durable|goods|CPI|PPI)\s+){1,3}"
    r"(?:report|data|figures|numbers|reading|index|release|survey)s?\b"
    r"|\s+(?:sales\s+)?(?:figures|numbers|data)\b",  # "will report October figures Friday"
    re.I,
)
_SEASON_OR_MONTH = re.compile(r"XXXX-(?:[0-9]{2}|SP|SU|FA|WI)")
# A deadline's preposition, "by" and "the end of" included ("to report by the summer").
_BY_BEFORE = re.compile(
    r"\b(?:until|till|before|by)\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+)?)?\Z", re.I
)
# A clause that looks ahead, though its sentence is told in the past ("promised an inquiry, to
# report by the summer", "cannot sell until November").
_LOOKS_AHEAD = re.compile(
    r"\b(?:will|would|could|should|might|may|can(?:not|'t)?|won't|to\s+(?!the\b|a\b|an\b)[a-z]+|"
    r"unlikely|hope[sd]?|plans?|planned|proposed|promised|determined|expects?|expected|aims?|"
    r"wants?|wait)\b",
    re.I,
)
_WAS_HAD = re.compile(r"\b(?:had|was|were|did)\b", re.I)
_DEADLINE_AHEAD = re.compile(r"\b(?:until|till|before)\s+(?:the\s+)?\Z", re.I)


def _day_after(
    clock: Hit, following: Hit, state: _State, work: str, low: str, offset: int
) -> tuple[Reference | None, dict | None]:
    """The day named right after a clock time ("10:35 a.m. (0735 GMT) Friday", "2:15 pm local
    time on Monday"), resolved ahead of its turn, and its fields (None when there is none)."""
    if following.rule.type not in ("DATE", "TIME") or not _DAY_AFTER_CLOCK.fullmatch(
        low, clock.end, following.start
    ):
        return None, None
    state.position = offset + following.start
    fields = _resolve(following, state, work, low)
    if fields.get("granularity") == "part_of_day":  # "6 o'clock on Friday evening"
        return Reference.of(fields["value"][:10]), fields
    if fields.get("granularity") != "day":
        return None, fields
    return Reference.of(fields["value"]), fields


# Hours a clock time without a.m./p.m. takes past noon in a part of the day named after it
# ("6 o'clock on Friday evening" -> 18:00, "at 9:45 Tuesday night" -> 21:45).
_PM_HOURS = {"AF": range(1, 7), "EV": range(4, 12), "NI": range(7, 12)}
# (a military "0900 hours", "1130 GMT" is a 24-hour clock: nothing to guess either)
_HAS_MERIDIEM = re.compile(
    r"[ap]\.?m\b|noon|midnight|midday|morning|afternoon|evening|night|\b[0-2][0-9][0-5][0-9]\b"
)


# A time-zone conversion in brackets after a local clock time ("10:35 a.m. (0735 GMT)").
_ASIDE = "clock_zone_aside"


# A clock time in brackets right after another ("3 p.m. local time (2 p.m. ET)"): the same
# moment told in another zone.
_BRACKET_OPEN = re.compile(r"[ \t]*(?:local[ \t]+time[ \t]*)?\([ \t]*")


def _is_aside(hits: list[Hit], j: int, low: str) -> bool:
    """True when ``hits[j]`` converts the clock time before it into another zone."""
    hit = hits[j]
    if hit.rule.name == _ASIDE:
        return True
    return (
        j > 0
        and hit.rule.type == "TIME"
        and hit.rule.ref == "day"
        and hits[j - 1].rule.type == "TIME"
        and _BRACKET_OPEN.fullmatch(low, hits[j - 1].end, hit.start) is not None
        and low.startswith(")", hit.end)
    )


def _aside_day(mentions: list[Mention], aside: Hit, low: str) -> Reference | None:
    """The day of a bracketed conversion: the local clock time's, or the one before or after
    it when the conversion crosses midnight ("1:30 a.m. (2330 GMT)" is the evening before)."""
    if not mentions or not re.match(r"\d{4}-\d\d-\d\dT\d\d", mentions[-1].value or ""):
        return None
    local = mentions[-1].value
    moment = date.fromisoformat(local[:10])
    clock = re.search(r"\b([0-2][0-9]):?[0-5][0-9]\b", low[aside.start : aside.end])
    if clock is None:
        return Reference.of(moment.isoformat())  # "(2 p.m. ET)": an hour or so away
    hour = int(clock[1])
    shift = hour - int(local[11:13])
    if shift > 12:
        moment -= timedelta(days=1)
    elif shift < -12:
        moment += timedelta(days=1)
    return Reference.of(moment.isoformat())


def _day_of_second_clock(
    hits: list[Hit], j: int, state: _State, work: str, low: str, offset: int, ahead: dict
) -> Reference | None:
    """The day of the clock time ``hits[j]`` when the text names one with it (resolving
    ahead of its turn; a time carrying its own day keeps its fields in ``ahead``)."""
    second = hits[j]
    if second.rule.ref == "day":
        if j + 1 >= len(hits):
            return None
        day = _day_after(second, hits[j + 1], state, work, low, offset)[0]
        if day is None:
            return None
        state.position = offset + second.start
        value = _resolve(second, state, work, low, day)["value"]
    else:
        state.position = offset + second.start
        fields = _resolve(second, state, work, low)
        ahead[j] = fields
        value = fields["value"]
    if not re.match(r"\d{4}-\d\d-\d\dT\d", value):
        return None
    day = Reference.of(value[:10])
    first = _CLOCK_12H.search(low, hits[j - 1].start, hits[j - 1].end)
    if day is not None and first and _overnight(first, value, low[hits[j - 1].end : second.start]):
        # "from 10 p.m. to 5 a.m. Sunday": the first time is on the evening before
        day = Reference.of((day.moment - timedelta(days=1)).date().isoformat())
    return day


_CLOCK_12H = re.compile(r"(\d{1,2})(?:[:.]\d\d)?\s*([ap])\.?m\b")


def _overnight(first: re.Match[str], second_value: str, between: str) -> bool:
    """Whether a range of clock times runs across midnight (the first is p.m., the second
    earlier in the day): "10 p.m. to 5 a.m.", "between 11 p.m. and 2 a.m."."""
    if first[2] != "p" or "or" in between.split():
        return False
    hour = int(first[1]) % 12 + 12
    return int(second_value[11:13]) < hour


def _with_value(fields: dict, value: str) -> dict:
    """``fields`` with another value of the same granularity, its interval recomputed."""
    span = interval(value)
    out = dict(fields, value=value)
    if span is not None and out.get("start") is not None:
        out["start"], out["end"] = span.iso()
    return out


def _bare_clock_near_pm(fields: dict, reference: str, text: str) -> dict:
    """A clock time told without a.m. or p.m. right after an afternoon or evening time is in
    the afternoon or evening too, when that puts it within a few hours of it.

    >>> _bare_clock_near_pm({"value": "2017-09-15T05:30"}, "2017-09-15T19:00", "5:30")["value"]
    '2017-09-15T17:30'
    >>> _bare_clock_near_pm({"value": "2017-09-15T02:30"}, "2017-09-15T19:00", "2:30")["value"]
    '2017-09-15T02:30'
    """
    value = fields["value"]
    m = re.fullmatch(r"(\d{4}-\d\d-\d\dT)(\d\d)(:\d\d)", value)
    r = re.fullmatch(r"\d{4}-\d\d-\d\dT(\d\d):\d\d(?::\d\d)?", reference)
    if not m or not r or _HAS_MERIDIEM.search(text) or not 1 <= int(m[2]) <= 11:
        return fields
    if re.search(r"(?<![0-9])0[0-9][:.]|hundred", text):
        return fields  # "03:30", "oh-four-hundred" are a 24-hour clock
    hour, near = int(m[2]), int(r[1])
    if near < 13 or abs(hour + 12 - near) > _NEAR_HOURS or reference[:10] != value[:10]:
        return fields
    return _with_value(fields, f"{m[1]}{hour + 12:02d}{m[3]}")


_NEAR_HOURS = 4
# Bare clock times ("at 3:30", "two o'clock", "half past four") with no a.m./p.m.: from 1 to 5
# they are in the afternoon, as people say them (blind-annotated news sets: 6 of 7 such
# "o'clock" times).
_BARE_CLOCK_RULES = frozenset(
    {"clock_oclock", "clock_spoken", "clock_24h_after_at", "clock_words_minutes", "clock_bare_hour"}
)
_AFTERNOON_HOURS = range(1, 6)
# ... unless the words after it say otherwise ("4:30 Tuesday morning", "2 o'clock at night")
_MORNING_AFTER = re.compile(
    r"[\s,]*(?:(?:on|at|in|the|this|early|late|[a-z]+day)\s+){0,3}"
    r"(?:morning|night|overnight|dawn|a\.?\s?m\b)"
)


# ... or a night told just before it ("Last night the tent was flat by two o'clock", "I went to
# bed at half past ten ... At about three o'clock": blind sets, a bare 1 to 5 after such words
# is in the small hours 66 times in 86, against 92 in 436 without them)
_NIGHT_BEFORE = re.compile(
    r"\b(?:midnight|night|overnight|asleep|bed|woke|wake|slept|sleep|dawn|small\s+hours|"
    r"early\s+hours|last\s+call)\b"
)
# A clock of the small hours told just before ("The first 911 call came at 1:52 a.m. ... asked
# them to leave at about 1:30"), unless the bare hour's sentence tells of daylight ("Kids are
# on these apps at 2 a.m. ... It is dark here by 4:30")
_SMALL_HOURS_BEFORE = re.compile(r"\b(?:12|[1-5])(?:[:.][0-5][0-9])?\s*a\.?\s?m\b")
_DAYLIGHT = re.compile(r"\b(?:dark|darkness|dusk|sunset|sundown|daylight|first\s+light)\b")
_NIGHT_REACH = 150


# A market's session named after its closing clock: "In 4 p.m. New York Stock Exchange
# composite trading Friday", "at 4 p.m. in Nasdaq trading yesterday".
_TRADING_SESSION_DAY = re.compile(
    r"\s+(?:in\s+)?(?:[a-z][a-z.&\-]*\s+){0,4}?(?:composite|exchange|nasdaq|nyse|amex|market|"
    r"over-the-counter|counter)\s+trading\s+(?:on\s+)?"
    r"(?P<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today)\b"
)


def _trading_session_clock(fields: dict, state: _State, low: str, hit: Hit) -> dict:
    """A clock that names a market's session is on the session's day, the weekday told after
    it (the latest one, today included), or yesterday or today.

    >>> state = _State(datetime(2013, 3, 22))
    >>> low = "shares rose 1% in 4 p.m. new york stock exchange composite trading friday."
    >>> hit = [h for h in scan(low, low) if h.rule.type == "TIME"][0]
    >>> _trading_session_clock({"value": "2013-03-20T16:00"}, state, low, hit)["value"]
    '2013-03-22T16:00'
    """
    if state.doc is None or _CLOCK_OF.search(str(fields.get("value") or "")) is None:
        return fields
    session = _TRADING_SESSION_DAY.match(low, hit.end)
    if session is None:
        return fields
    day = _latest_named_day(session["day"], state.doc.moment.date())
    return _with_value(fields, f"{day.isoformat()}T{str(fields['value']).split('T', 1)[1]}")


def _latest_named_day(word: str, today: date) -> date:
    """The day a word names, told from ``today``: "today", "yesterday" (or "last night"), or
    the latest such weekday, today included.

    >>> _latest_named_day("friday", date(2013, 3, 22)), _latest_named_day("yesterday", date(2013, 3, 22))
    (datetime.date(2013, 3, 22), datetime.date(2013, 3, 21))
    """
    if word == "today":
        return today
    if word == "yesterday" or word.startswith("last"):
        return today - timedelta(days=1)
    return today - timedelta(days=(today.weekday() - _WEEKDAY_INDEX[word]) % 7)


def _afternoon_by_default(fields: dict, text: str) -> dict:
    """A bare clock time from 1 to 5 is in the afternoon ("two o'clock", "at 4:30"), unless it
    is a 24-hour clock ("03:30") or its text names the part of the day.

    >>> _afternoon_by_default({"value": "2012-04-08T02:00"}, "2 o'clock")["value"]
    '2012-04-08T14:00'
    >>> _afternoon_by_default({"value": "XXXX-XX-XXT03:30"}, "03:30")["value"]
    'XXXX-XX-XXT03:30'
    """
    value = fields["value"]
    m = re.fullmatch(r"([0-9X]{4}-[0-9X]{2}-[0-9X]{2}T)(\d\d)(:\d\d)", value)
    if not m or int(m[2]) not in _AFTERNOON_HOURS or _HAS_MERIDIEM.search(text):
        return fields
    if re.search(r"(?<![0-9])0[0-9][:.]", text):
        return fields
    return _with_value(fields, f"{m[1]}{int(m[2]) + 12:02d}{m[3]}")


# Getting up at an hour is in the morning: "woke up at 10", "we're up at three".
_UP_AT = re.compile(
    r"\b(?:woke|wake|wakes|waking|got|get|gets|getting|re|am|be|was|were)\s+up\s+(?:at|by)\s+\Z"
)


def _clock_in_part_of_day(fields: dict, day_value: str, text: str) -> dict:
    """Move a bare clock time to the afternoon or evening the day after it names.

    >>> _clock_in_part_of_day({"value": "2013-03-15T06:00"}, "2013-03-15TEV", "6 o'clock")["value"]
    '2013-03-15T18:00'
    >>> _clock_in_part_of_day({"value": "2013-03-15T06:00"}, "2013-03-15TMO", "6 o'clock")["value"]
    '2013-03-15T06:00'
    """
    value = fields["value"]
    m = re.fullmatch(r"(\d{4}-\d\d-\d\dT)(\d\d)(:\d\d)", value)
    hours = _PM_HOURS.get(day_value[-2:])
    if not m or hours is None or int(m[2]) not in hours or _HAS_MERIDIEM.search(text):
        return fields
    return _with_value(fields, f"{m[1]}{int(m[2]) + 12:02d}{m[3]}")


def _resolve(hit: Hit, state: _State, work: str, low: str, day: Reference | None = None) -> dict:
    """Value, interval, anchor and reference of one hit (``day``: the day a clock time is on,
    when the text names it right after the time)."""
    rule = hit.rule
    value = hit.value
    if hit.past is not None and tense_at(work, hit.start, hit.end) == "past":
        value = hit.past  # "fighting continued overnight": the night before
    anchor = "absolute"
    ref_used: Reference | None = None
    span = None
    if rule.type in ("DURATION", "SET"):
        value = _placeholder_holiday(value)  # "every Fourth of July": XXXX-07-04
        if rule.type == "DURATION" and rule.dir in ("past", "future") and state.doc:
            span = duration_interval(value, state.doc, rule.dir)
            if span is not None:
                anchor, ref_used = "published", state.doc
        return _fields(value, span, anchor, ref_used, state)

    if rule.name == "named_seasons_ago" and state.doc is not None:
        # "two summers ago": last summer, a year back for each season more
        last = resolve_partial(value, state.doc, "last", _setup()[0].holidays)
        count = _SEASONS_AGO.match(low, hit.start)
        n = _setup()[1]["num"](count.group(1)) if count else None
        if last is not None and n is not None and float(n).is_integer() and float(n) >= 1:
            moved = f"{int(last[:4]) - int(float(n)) + 1:04d}{last[4:]}"
            return _fields(moved, interval(moved), "published", state.doc, state)
    if (
        rule.name in ("weekday_the_nth", "weekday_the_nth_word")
        and state.doc is not None
        and hit.weekday is not None
    ):
        # "by Tuesday the 21st": the month near the publication whose 21st is a Tuesday
        found = _day_on_weekday(int(value[-2:]), hit.weekday, state.doc.moment.date(), work, hit)
        if found is not None:
            return _fields(found, interval(found), "published", state.doc, state)
    if rule.ref in ("anchor", "anchor_ahead", "anchor_back") and hit.anchor is not None:
        a, b = hit.anchor
        inner = scan(work[a:b], low[a:b])
        if not inner:
            return _fields("XXXX-XX-XX", None, "published", None, state)
        if rule.ref in ("anchor_ahead", "anchor_back") and state.doc is not None:
            # "a week on Tuesday", "Wednesday week": a week after the coming weekday; "a week
            # ago Sunday": a week before the last one
            way = "future" if rule.ref == "anchor_ahead" else "past"
            moved = resolve_partial(inner[0].value, state.doc, way, _setup()[0].holidays)
            ref_used, anchor = (Reference.of(moved) if moved else None), "published"
        elif (
            rule.name in _YEARS_AGO_DAY_RULES
            and state.doc is not None
            and _WEEKDAY_PART.fullmatch(inner[0].value)
            and not low.startswith(("this", "next", "last"), a)
        ):
            # "Fifty years ago Saturday", told on a Thursday: the Saturday nearest today, ahead
            # or gone by, that many years back (blind sets 26 of 26 within three days)
            moved = resolve_partial(inner[0].value, state.doc, "nearest", _setup()[0].holidays)
            ref_used, anchor = (Reference.of(moved) if moved else None), "published"
        elif inner[0].value.startswith("XXXX-#"):
            # a holiday read in its sentence ("is scheduled for the week after Thanksgiving":
            # the coming one), not alone
            inner[0].start, inner[0].end = inner[0].start + a, inner[0].end + a
            resolved = _resolve(inner[0], state, work, low)
            ref_used = Reference.of(resolved["value"])
            anchor = resolved["anchor"]
        else:
            resolved = _resolve(inner[0], state, work[a:b], low[a:b])
            ref_used = Reference.of(resolved["value"])
            anchor = resolved["anchor"]
        if rule.name == "weekday_of_holiday_weekend" and ref_used is not None:
            day = _weekday_of_holiday_weekend(rule, low, hit, inner[0].value, ref_used, value)
            if day is not None:
                return _fields(day, interval(day), anchor, ref_used, state)
        if (
            ref_used is not None
            and ref_used.granularity == "day"
            and rule.dir in _STRICT_SIDE
            and _WEEKDAY_ONLY.fullmatch(value)
            and (day := resolve_partial(value, ref_used, _STRICT_SIDE[rule.dir], {})) is not None
        ):
            # "the Friday before Labor Day": that weekday, counted from the holiday's date
            return _fields(day, interval(day), anchor, ref_used, state)
        out = relative(value, ref_used, rule.grain) if ref_used else None
        if out is None:
            return _fields(value.replace("@", "XXXX-XX-XX"), None, anchor, None, state)
        return _fields(out[0], interval(out[0]), anchor, ref_used, state)

    if rule.ref == "event" and hit.event is not None:
        a, b = hit.event
        words = [w for w in re.split(r"[\s\-]+", low[a:b]) if len(w) > 2 and w not in _NOT_EVENT]
        # The event is named by a noun run that stops where a verb likely starts ("the leak
        # went unanswered"); its head is the last noun ("the chlorine leak").
        words = [w for w in _noun_run(words)[-1:] if _is_event_noun(w)]
        offset = state.position - hit.start
        grain = _step_grain(hit.value)
        if grain == "part_of_day":
            grain = "day"  # "the night before the vote", "election night": the event's day
        # "Oct. 12, the day before the plunge": the phrase restates the date before it ("a day
        # after the talks" stays a length, as TimeML has it)
        apposed = state.apposed(low, offset, grain) if low.startswith("the ", hit.start) else None
        if apposed is not None:
            return _fields(apposed.value, interval(apposed.value), "narrative", apposed, state)
        words += [kin for w in words for kin in _event_kin(w)]
        ref_used = state.event_date(words, low, offset, grain)
        if ref_used is None:
            # An event the text does not date: the expression stays vague, nothing is invented
            # ("two days after the vote" is then just two days long: the rule's fallback).
            if hit.fallback is not None:
                return _fields(hit.fallback, None, "absolute", None, state)
            out = relative(value, None, rule.grain)
            return _fields(out[0] if out else "XXXX-XX-XX", None, "narrative", None, state)
        out = relative(value, ref_used, rule.grain)
        if out is None:
            return _fields(value, None, "narrative", None, state)
        return _fields(out[0], interval(out[0]), "narrative", ref_used, state)

    if (
        _WEEKDAY_PART.fullmatch(value)
        and (told := _apposed_weekday(state, low, hit, int(value[9]))) is not None
    ):
        # "criminals got in on 12 May, a Sunday", "at 7:12 a.m. on January 10, 2011, a dark
        # Monday morning": the weekday says what day the date was
        out = told.moment.date().isoformat() + value[10:]
        return _fields(out, interval(out), "narrative", told, state)
    if (
        rule.name in ("that_weekday", "that_weekday_pod", "clock_story_weekday")
        and (named := _day_of_weekday_told(state, low[hit.start : hit.end])) is not None
    ):
        # "was killed on Sunday 5 March 2017 ... The jurors will resume tomorrow ... shot him
        # shortly after 6pm that Sunday": the Sunday told before, however far the story went
        out = resolve_partial(value, named, "nearest", _setup()[0].holidays)
        if out is not None:
            return _fields(out, interval(out), "narrative", named, state)
    # "10:15 p.m. Gap narrows", "23:40 - Staff notice ...": an entry of a live page or a timeline
    stamp = _stamp_day(state, work, hit) if rule.ref in ("day", "doc") and day is None else None
    if rule.ref == "latest":
        narrative = _day_just_before(state, work, hit) or state.latest_day() or state.narrative
        if (
            rule.name in _STORY_WEEKDAY_RULES
            and narrative is not None
            and state.doc is not None
            and (state.doc.moment.date() - narrative.moment.date()).days < _STORY_NIGHT_AGE
            and (back := _old_story_day(state, latest=True)) is not None
        ):
            # "the previous Friday", "on the Saturday" in a report on a day long past, told
            # after the report's own days ("published on Thursday"): a day of the story's week
            narrative = back
        if rule.name == "previous_week_story" and (told := state.recent_week()) is not None:
            # "11 cases in the week ending Feb. 9 ... down from 14 in the previous week"
            narrative = told
        elif rule.name == "same_week_last_year":
            # "152 cases in the week to 3 March, against 141 in the same week last year": the
            # week told, a year back; with none told, this week a year back
            narrative = state.recent_week() or state.doc
        if (
            state.doc is not None
            and state.narrative is not None
            and state.narrative.granularity in _REF_GRANULARITIES["day"]
            and state.narrative.moment.date() > state.doc.moment.date()
            and state.position - state.narrative_at < _DAY_REACH
            and tense_at(work, hit.start, hit.end) == "future"
        ):
            # "will auction notes next Tuesday and bonds the next day": a story of days to come
            narrative = state.narrative
        if (
            narrative is not None
            and state.doc is not None
            and (value.startswith("@day+") or hit.rule.name == "following_weekday")
            and narrative.moment.date() >= state.doc.moment.date()
            and state.narrative is not None
            and tense_at(work, hit.start, hit.end) == "past"
        ):
            # "On Wednesday, rebels overran Ostra ... The shelling began the next day", told on
            # Saturday: a day after the publication day cannot be told as past; the story is
            # at the day it named last (a day, not "the Thanksgiving weekend" around it, nor
            # "next month" of a quotation: "notified the FDA on Feb. 14 ... the following Monday")
            narrative = state.narrative
            if (
                narrative.granularity not in _REF_GRANULARITIES["day"]
                or narrative.moment.date() >= state.doc.moment.date()
            ):
                narrative = next(
                    (
                        ref
                        for at, _, ref in reversed(state.dated)
                        if ref.granularity in _REF_GRANULARITIES["day"]
                        and ref.moment.date() < state.doc.moment.date()
                        and state.position - at <= _LATEST_REACH
                    ),
                    narrative,
                )
        if (
            narrative is not None
            and narrative.granularity in ("hour", "minute", "second")
            and narrative.moment.hour < _SMALL_HOURS
            and value.startswith("@day+")
        ):
            # "the night of Aug. 19 ... called 911 at 12:40 a.m. The following morning": the
            # morning after that night, not a day after it
            narrative = Reference.of((narrative.moment.date() - timedelta(days=1)).isoformat())
    elif rule.ref == "scene":
        narrative = _night_scene(state, work, hit)
    elif rule.ref == "story":
        # "The three-day inquest rebuilt the evening minute by minute": the day the story is
        # about, however far the report's own days have moved it (a clock of the small hours
        # is of the night before)
        narrative = _old_story_day(state) or state.narrative
        if (
            narrative is not None
            and narrative.granularity in ("hour", "minute", "second")
            and narrative.moment.hour < _SMALL_HOURS
            and value.endswith(("TNI", "TEV"))
        ):
            narrative = Reference.of((narrative.moment.date() - timedelta(days=1)).isoformat())
    elif (
        rule.ref in ("doc", "narrative")
        and not low.startswith(("that", "the same"), hit.start)  # "since that day": the story's
        and _SINCE.search(low, max(0, hit.start - 24), hit.start)
        and (
            present_perfect(work, hit.start, hit.end)
            # "rates are up 40 per cent since the start of the year": a present state since it
            or (
                low.startswith("the", hit.start)
                and _PRESENT_STATE_BEFORE.search(
                    low, sentence_around(work, hit.start, hit.end)[0], hit.start
                )
                is not None
            )
        )
    ):
        # "Since May, officials have spoken only by video link", "fighting has intensified
        # since the start of the year": a span up to now starts from now's calendar
        narrative = None
    elif rule.ref in ("period", "completed"):
        narrative = state.recent_period()
        if (
            rule.name == "a_year_ago"
            and low[hit.start : hit.end].endswith("ago")
            and narrative is not None
            and not _COMPARED.search(work, max(0, hit.start - _COMPARED_REACH), hit.start)
        ):
            # "Investors who bought a year ago": the year before now; only a comparison of
            # figures ("up from $3 million a year ago") means the period reported on
            narrative = None
        if (
            rule.name == "a_year_ago"
            and narrative is not None
            and _PRICE_POINT.search(work, max(0, hit.start - 48), hit.start)
        ):
            # "The shares traded at $29 a year ago": a price a year back, not a period's result
            # (blind sets 8 of 8 the year)
            narrative = None
        if (
            rule.name == "a_year_ago"
            and narrative is not None
            and narrative.granularity in ("month", "season")
            and state.period_at - (state.position - hit.start)
            < sentence_around(work, hit.start, hit.end)[0]
        ):
            # "Prices rose in June. They are 19 cents higher than a year ago": the year before
            # (a month told in an earlier sentence; blind sets 22 years to 0 months); "In June,
            # sales fell 8.4% from a year ago" is that month, and a reported quarter keeps
            # TimeBank's quarter
            narrative = None
        if rule.ref == "completed" and narrative is not None and state.doc is not None:
            span = interval(narrative.value)
            if span is None or span.end > state.doc.moment:
                narrative = None  # "the latest quarter" is one that is over
    elif rule.ref == "day" and day is not None:
        narrative = day
    elif rule.ref == "day" and (heading := _heading_day(state)) is not None:
        # "Saturday 4 August" on a line of its own over a day's listings: their clock times
        # are that day's, whatever the tense of a clause ("held every Friday") or its event
        narrative = heading
    elif rule.ref == "day" and (event_day := _event_day(state, work, low, hit)) is not None:
        # "Since the Feb. 5 blast ... The explosion happened before 6 a.m.": the day of the
        # event the sentence names, when the text has dated it
        narrative = event_day
    elif rule.ref == "day" and state.position - state.narrative_at > _DAY_REACH:
        narrative = None  # a clock time belongs to a day named close by, else to today
    elif rule.ref == "day" and _ahead_of_past(state, work, hit):
        narrative = None  # "talks resume on Aug. 18. The stock rose at 10:14 a.m.": today
    elif rule.ref == "day" and _stale(state) and _market_clock(work, low, hit):
        narrative = None  # "shares were up 6.2% at 1045 GMT": the trading day of the report
    elif rule.ref == "day" and _now_again(state, work, hit):
        narrative = None  # "was dissolved on Sept. 11. Every station is open ...: 8:30 a.m."
    elif rule.ref == "day" and _behind_of_future(state, work, hit):
        # "expected Sunday ... warned Thursday ... The race will start at 7 a.m.": Sunday's
        narrative = state.coming_day()
    else:
        narrative = state.narrative
        if rule.ref == "day" and (
            narrative is None or narrative.granularity not in _REF_GRANULARITIES["day"]
        ):
            # "yesterday as the bank holiday weekend reached a climax ... at around 3pm": the
            # day told last, not the coarser period told after it
            narrative = (
                state.recent_day()
                or _day_before_look_back(state, narrative)
                or _day_within(state, narrative)
                or narrative
            )
        if (
            rule.ref == "narrative"
            and value.startswith("@day")
            and narrative is not None
            and narrative.granularity not in _REF_GRANULARITIES["day"]
        ):
            # "told jurors last week that he had raised it that morning": a day's part is of a
            # day told, not of the week told after it; "the 27 May strike falls on one of the
            # busiest days of the year ... will end at 23:59 that night": of the day ahead told,
            # and never of a year
            narrative = (
                state.latest_day()
                or next(
                    (
                        ref
                        for at, _, ref in reversed(state.dated)
                        if state.position - at <= _LATEST_REACH
                        and ref.granularity in _REF_GRANULARITIES["day"]
                    ),
                    None,
                )
                or (
                    state.doc
                    if GRANULARITY_RANK[narrative.granularity] >= GRANULARITY_RANK["year"]
                    else narrative  # (a day of June 2012 is only known to the month)
                )
            )
        if (
            rule.ref == "narrative"
            and value.startswith("@year+0")
            and rule.name != "that_unit"
            and state.narrative_at in state.since_at
        ):
            # "Since 1991, volunteers have met every flight. The airlines lost money in the
            # first half of the year": a span up to now is not where the story went
            narrative = state.doc
        if (
            rule.name == "that_month"
            and narrative is not None
            and state.doc is not None
            and narrative.moment.year == state.doc.moment.year
            and state.anniversary_year is not None
            and state.doc.moment.year - state.anniversary_year >= _REMEMBERED_AGE
        ):
            # "I was 29 that March", in a story of a strike fifty years ago, told after the
            # report's own days: the March remembered ("this March" would be today's)
            narrative = Reference.of(f"{state.anniversary_year:04d}") or narrative
        if rule.name == "that_unit" and value.startswith("@year"):
            # "wanted my job since 2009. That year, ...": the year told last, though a span
            # opened by "since" is not where the story went
            narrative = _since_told(state, value[1:].split("+")[0]) or narrative
        if (
            rule.name == "the_month_week_narrative"
            and narrative is not None
            and GRANULARITY_RANK.get(narrative.granularity, 0)
            > GRANULARITY_RANK[_step_grain(value) or "month"]
        ):
            # "Sales rose in the first quarter. ... a deal by the end of the month": no month
            # of a quarter told, so the month of the publication (it had taken the quarter)
            narrative = state.doc
        if (
            rule.name in ("the_month_week_narrative", "the_year_narrative")
            and narrative is not None
            and state.doc is not None
            and tense_at(work, hit.start, hit.end) == "future"
            and (span := interval(narrative.value)) is not None
            and span.end <= state.doc.moment
        ):
            # "The committee next meets at the end of the month", after a report on March in an
            # April story: a month ahead is not one over
            narrative = state.doc
        if rule.ref == "day" and day is None:
            # "walked jurors through the night of Oct. 31, 2014, as the trial opened Monday ...
            # Odell arrived at about 10:15 p.m.": a night's clock time told in the past, while
            # the story's frame is the days of the report, is of the night the story is about
            narrative = _story_night(state, narrative, value, work, low, hit) or narrative
            # "phoned 999 at 2.50pm on 31 December 2013 ... The ruling, published on Friday,
            # follows an inquiry in November. He left the car park at 8.40am": the day the
            # report rebuilds clock by clock, not the report's own
            narrative = _story_clock_day(state, narrative, value, work, hit) or narrative
        if rule.ref == "day" and narrative is not None and state.narrative_at in state.said_at:
            # "the dam gave way late on Thursday, officials said on Friday. It failed at 10:40
            # p.m.": a past clock time is on the day of the events, not of the saying
            narrative = _event_day_before_saying(state, work, hit) or narrative
        if rule.ref == "day" and not _evening_hour_of_night(narrative, value, low, hit):
            until = _UNTIL_BEFORE.search(work, max(0, hit.start - 24), hit.start) is not None
            narrative = _small_hours_after_night(
                narrative, value, until, _told_late(state, narrative, low[hit.start : hit.end])
            )
        elif (
            narrative is not None
            and GRANULARITY_RANK.get(narrative.granularity, 99) > GRANULARITY_RANK["year"]
            and (_MONTH_OR_SEASON.match(value) or value.startswith("@year"))
        ):
            # "that spring" of a decade's year; "left in 1979 ... Yugoslavia in the 1970s ... He
            # returned ten years later": 1989, from the year
            narrative = state.year_narrative or narrative
        elif (
            rule.ref == "narrative"
            and value.startswith("@")
            and narrative is not None
            and state.doc is not None
            and narrative.moment.year < state.doc.moment.year
            and tense_at(work, hit.start, hit.end) == "future"
        ):
            # "opened in 1987, will close its doors at the end of the month": a plan of now
            narrative = None
        elif rule.ref == "narrative" and value.startswith("@") and _ahead_of_past(state, work, hit):
            # "His funeral is Saturday. Two days later, crews shut two more bridges": told in
            # the past, it counts from where the story has got to, not from a day to come
            narrative = state.latest_day() or narrative
        if (
            rule.name == "the_pod"
            and state.doc is not None
            and (
                narrative is None
                or (state.doc.moment.date() - narrative.moment.date()).days < _REPORT_WEEK
            )
            and not _in_quotation(work, hit.start)
            and tense_at(work, hit.start, hit.end) == "past"
            and (old := _old_story_day(state, latest=True)) is not None
            and (state.doc.moment.date() - old.moment.date()).days >= _YEARS_BACK
        ):
            # "It was Sunday, Feb. 12, 2012 ... he said on Monday. ... Crews stayed through that
            # night": in a story of a day a year or more back, told in the past, "that night"
            # is of that day, not of the days of the report told since
            narrative = old
    if (
        narrative is not None
        and rule.name in ("following_season", "following_month")
        and _in_quotation(work, hit.start)
        and tense_at(work, hit.start, hit.end) in ("present", "future")
    ):
        # '"We plan for the next 25 years, not the next winter," said Hollis': the coming one
        narrative = None
    allowed = _REF_GRANULARITIES.get(rule.ref)
    if allowed is not None and narrative is not None and narrative.granularity not in allowed:
        narrative = None
    utterance = None
    if rule.ref in ("doc", "scene") and value.startswith(("@", "XXXX")):
        # a quotation's "tomorrow" is of the day it was said; so are its "this quarter" and
        # "January" when it was said long before (an old email), not last Thursday
        utterance = _utterance_day(state, work, hit)
        if (
            utterance is not None
            and not value.startswith("@day")
            and state.doc is not None
            and state.doc.moment - utterance.moment < _OLD_QUOTE
            and not (
                value.startswith("@week")
                and utterance.granularity in _REF_GRANULARITIES["day"]
                and utterance.moment.isocalendar()[:2] != state.doc.moment.isocalendar()[:2]
            )
        ):
            # (a quotation's "next week" is of the week it was said in: "When they take the
            # stand next week," he said last Thursday)
            utterance = None
        if (
            utterance is not None
            and value.startswith("@day")
            and utterance.granularity not in _REF_GRANULARITIES["day"]
        ):
            utterance = None  # (a saying dated to its month or year has no today)
    if (
        utterance is None
        and value.startswith("@day")
        and rule.ref in ("doc", "scene")
        and not _in_quotation(work, hit.start)
    ):
        # "It's just after nine on Monday morning at Sunbury Lock ... We do Windsor today":
        # a taped report's today and tomorrow are those of the day its scene names
        utterance = _scene_segment_day(state, state.position + hit.end - hit.start)
    if stamp is None and value.startswith("@day") and rule.ref in ("doc", "scene"):
        stamp = _entry_day(state)  # "Today I voted", in an entry stamped the day before
    if stamp is not None:
        ref, kind = stamp, "narrative"
    elif utterance is not None:
        # "In an address on Sunday evening, he said: 'Tomorrow the cabinet will meet'": a
        # quotation's today, tonight and tomorrow are those of the day it was said
        ref, kind = utterance, "narrative"
    elif rule.ref != "doc" and narrative is not None:
        ref, kind = narrative, "narrative"
    else:
        ref, kind = state.doc, "published"
        if rule.ref != "doc" and hit.fallback is not None:
            value = hit.fallback

    if value.startswith("@"):
        grain = (
            rule.grain
            if kind == "narrative"
            or rule.grain in _CALENDAR_GRAINS
            or (kind == "published" and rule.grain not in (None, "ref"))
            else None
        )  # "A year ago this week": the week of the day a year before
        if _YEARS_DAY.match(value):
            grain = None  # "Memorial Day weekend last year": the year first, then its holiday
        if (
            kind == "narrative"
            and ref is not None
            and ref.granularity == "day"
            and _step_grain(value) in ("hour", "minute", "second")
        ):
            grain = "day"  # "late Saturday ... an hour later" is that day, no hour known
        if (
            value == "@week+0"
            and rule.name == "this_unit"
            and ref is not None
            and ref.granularity in _REF_GRANULARITIES["day"]
            and ref.moment.weekday() == 6
            and tense_at(work, hit.start, hit.end) == "future"
        ):
            # "The trial opens this week", on a Sunday: the week about to begin, not the ISO
            # week that ends that day (blind sets 16 of 19 the next week)
            value = "@week+1"
        out = relative(value, ref, grain)
        if (
            out is not None
            and rule.name in _STREAK_RULES
            and kind == "narrative"
            and state.doc is not None
            and granularity_of(out[0]) != _step_grain(value)
        ):
            # "a third straight week" after a story's year or season: the streak is told in
            # its own unit, from now ("the fifth consecutive month" after "the summer")
            ref, kind = state.doc, "published"
            out = relative(hit.fallback or value, ref, None)
        if (
            out is not None
            and rule.name in ("units_later", "units_earlier")
            and kind == "narrative"
            and _step_grain(value) in ("hour", "minute", "second")
            and GRANULARITY_RANK.get(granularity_of(out[0]) or "", 0) > GRANULARITY_RANK["day"]
        ):
            # "15 minutes earlier" after a month or a year, no day or clock told: only the
            # length is known
            length = _CLOCK_STEP.match(value)
            if length is not None:
                unit = {"hour": "H", "minute": "M", "second": "S"}[length[1]]
                return {
                    **_fields(f"PT{length[2]}{unit}", None, "absolute", None, state),
                    "kind": "DURATION",
                }
        if out is not None:
            value, ref_used = out
            # "Easter last year": 2012#easter -> 2012-04-08
            value = _holiday_with_year(value, state)
            anchor = kind
    elif value.startswith("XXXX") and (
        rule.dir == "generic"
        or (rule.dir not in _TOLD_DIRECTIONS and _habitual(value, work, low, hit))
    ):
        # ("every year until last November": "last" tells which one, habit or not)
        # "Seasonal flu usually peaks between December and February": any year's
        return _fields(value, None, "absolute", None, state)
    elif value.startswith("XXXX"):
        anchor = kind
        if (
            value in ("XXXX-XX-XXTNI", "XXXX-XX-XXTEV")
            and ref is not None
            and (
                kind == "published"
                or (state.doc is not None and ref.moment.date() == state.doc.moment.date())
            )
            and tense_at(work, hit.start, hit.end) == "past"
        ):
            # "spent the night in a shelter" told on the publication day is last night, and so
            # is "the last result came at 6.12am after a count that ran through the night"; "had
            # spent the evening at a relative's house" is yesterday evening
            ref = Reference.of((ref.moment.date() - timedelta(days=1)).isoformat()) or ref
        if ref is not None:
            direction = _direction(rule, value, work, hit, ref)
            if direction == "future" and _just_past_day(value, ref):
                # "will receive ... a premium over the closing price on March 15", told on
                # March 28: a day two weeks gone, not one a year ahead
                direction = "nearest"
            if direction in ("next", "next_far") and kind == "narrative":
                ref = _after(ref)  # "in 2003 ... the next summer": after the whole year
            if (
                direction == "this"
                and kind == "narrative"
                and ref.granularity == "year"
                and _SEASON_VALUE.match(value)
            ):
                # "Two years later she ran the room. That winter ...": the winter labelled
                # with the story's year, not the one under way on its first of January
                value = f"{ref.value[:4]}{value[4:]}"
            if direction == "this" and kind == "published" and _SEASON_VALUE.match(value):
                direction = _this_season(value, ref, work, hit)
            elif (
                direction == "last"
                and kind == "published"
                and rule.dir == "last"
                and _SEASON_VALUE.match(value)
                and _season_just_over(value, ref, _SEASON_STILL_THIS)
            ):
                # "Last winter was the worst in 20 years", said in March: the winter before the
                # one just over (blind sets: 17 of 19 from January to March; in April, 4 of 4
                # the winter just over)
                ref = Reference.of(f"{ref.moment.year - 1}{ref.value[4:10]}") or ref
            story = (
                _story_weekday(value, hit, state, work)
                or _story_month(value, state, work, hit)
                or _story_weekend(value, state, work, hit)
                or _remembered_weekday(value, state, work, hit)
            )
            if story is not None:
                ref, anchor = state.narrative, "narrative"
            told = None
            if (
                story is None
                and _WEEKDAY_VALUE.match(value)
                and (
                    work[hit.end : hit.end + 2] in ("'s", "’s")
                    or tense_at(work, hit.start, hit.end) is None
                )
            ):
                # no tense to go by, or an event named by its day ("Sunday's match")
                told = _told_weekday(value, direction, state)
            if (
                told is None
                and story is None
                and rule.dir not in _TOLD_DIRECTIONS
                and _WEEKDAY_VALUE.match(value)
            ):
                told = _weekday_of_date_before(
                    value, state, work, hit
                ) or _weekday_of_holiday_after(value, state, work, low, hit)
            if told is not None:
                story = told.value[:10] + value[10:]
            if story is None and ("#" in value or _MONTH_DAY_TIME.match(value)):
                story = _holiday_of_date_before(value, state, work, hit)
                if (
                    story is None
                    and "#" in value
                    and direction in ("past", "nearest_past", "nearest")
                ):
                    story = _holiday_of_story_season(value, state, hit, direction)
                if story is not None:
                    ref, anchor = Reference.of(story[:10]), "narrative"
            if (
                story is None
                and direction in ("past", "nearest_past", "nearest")
                and (story := _story_sequel(value, state, work, hit)) is not None
            ):
                ref, anchor = state.narrative, "narrative"
            weekday = hit.weekday
            if weekday is None and _MONTH_DAY_VALUE.match(value):
                # "at 4:52 a.m. on Nov. 30, the Sunday after Thanksgiving", told the next
                # October: the year in which the date is the weekday its gloss names
                weekday = _glossed_weekday(low, hit)
            if story is None and weekday is not None and _MONTH_DAY_VALUE.match(value):
                # "spent the evening of Friday, July 11 drinking with workmates", in a story of
                # July 2008 told ten years on: the story's year, when the weekday agrees
                story = _weekday_date_in_story_year(value, weekday, state)
            chosen = story or resolve_partial(value, ref, direction, _setup()[0].holidays, weekday)
            if (
                story is None
                and chosen is not None
                and (
                    _stale_deadline(chosen, value, state, work, hit)
                    or _week_old_weekday(chosen, value, state, work, hit)
                )
            ):
                # "a warning was in effect until noon Monday", told on a Sunday: a deadline
                # set in the past is not one that ran out most of a week before it was told
                chosen = resolve_partial(value, ref, "future", _setup()[0].holidays, hit.weekday)
            elif (
                story is None
                and chosen is not None
                and rule.dir not in _TOLD_DIRECTIONS  # ("next Tuesday" is told ahead)
                and _yesterday_told_ahead(chosen, value, state, work, hit)
            ):
                # "reported a rise in profit late on Tuesday", "Farmers blocked roads with
                # tractors on Monday", told on a Wednesday: the day before, not six days on
                chosen = resolve_partial(value, ref, "past", _setup()[0].holidays, hit.weekday)
            if chosen is not None:
                value, ref_used = chosen, ref
        else:
            value = _placeholder_holiday(value)
    elif "#" in value:
        value = _holiday_with_year(value, state)
    elif value.endswith("_REF"):
        anchor, ref_used = "published", state.doc
    span = interval(value)
    if (
        span is not None
        and rule.grain in GRANULARITY_RANK
        and (not hit.value.startswith("@") or _YEARS_DAY.match(hit.value))
    ):
        # "the week of March 6": the date names a coarser period
        moment = span.start
        if rule.grain == "weekend":
            # "the Memorial Day weekend": the weekend the holiday adjoins (Monday: the one
            # before it, Friday: the one after it)
            moment += timedelta(days=_TO_WEEKEND[moment.weekday()])
        value = value_at(moment, rule.grain)  # type: ignore[arg-type]
        span = interval(value)
    return _fields(value, span, anchor, ref_used, state)


# A day of a year told relatively: "@year-1-#memorial day", "@year-2-07-01"
_YEARS_DAY = re.compile(r"@year[+-][0-9]+-(?:#|[0-9][0-9]-[0-9][0-9])")
# Directions a word fixes ("last", "next", "this"), which no reading of the clause overrides.
_TOLD_DIRECTIONS = ("last", "last_far", "next", "next_far", "this")
_WORD_IN_HIT = re.compile(r"[A-Za-z]+")
_LOW_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")


def _near_veto(hit: Hit, low: str) -> bool:
    """True when the hit's rule says ``unless_near: <table>`` and its sentence holds a word of
    that table: "scored 12 points in the fourth quarter" names a game's quarter, not a year's.

    >>> low = "smith scored 12 points in the fourth quarter."
    >>> [_near_veto(h, low) for h in scan(low, low)]
    [True]
    """
    only = hit.rule.only_near
    if only is not None:
        # "the season" of a team: sports words in the text around it
        words = _setup()[0].tables[only].values
        a, b = max(0, hit.start - _ONLY_NEAR_REACH), hit.end + _ONLY_NEAR_REACH
        if not any(w in words for w in _LOW_WORD.findall(low, a, b)):
            return True
    table = hit.rule.unless_near
    if table is None:
        return False
    words = _setup()[0].tables[table].values
    a, b = sentence_around(low, hit.start, hit.end)
    # (the sentence before too: "... cost them their quarterback. Vance left in the third
    # quarter")
    a = sentence_around(low, max(0, a - 2), max(0, a - 1))[0] if a > 1 else a
    return any(w in words for w in _LOW_WORD.findall(low, a, b))


_ONLY_NEAR_REACH = 300

# Set phrases that name no time: "at the last minute", "it was a long day", "a current-account
# deficit", "postponed twice, most recently in November" (the date that follows is the time;
# gold sets: 0 of 10 marked).
_IDIOM = re.compile(
    r"\bat\s+the\s+last\s+minute\b|\ban?\s+long\s+(?:day|night)\b|\bmost\s+recently\b"
    r"|\bcurrent[\s\-]+accounts?\b"  # the balance of payments, no time
    r"|\bt[\s\-]*minus\s+[0-9a-z]+\s+(?:hours?|minutes?|seconds?)\b"  # a countdown reading
    # "Today is a day of joy", "2016 will be a year like no other", "a night like this": what
    # kind of day, not how long
    r"|(?:(?<=\bis )|(?<=\bwas )|(?<=\bbe )|(?<=\bas )|(?<=\bnot ))an?\s+(?:(?:day|night)\s+(?:of|"
    r"when|that|like|for)|(?:week|month|year)\s+(?:when|that|like))\b"
    r"|\ban?\s+(?:day|night|year)\s+like\s+(?:this|that|no)\b"
    # a season naming a break or a kind of thing: "the summer holidays", "the winter break",
    # "the summer heat", "winter barley", "the winter crisis" (blind sets: untagged)
    r"|\b(?:the\s+)?(?:summer|winter|spring|autumn|fall)\s+(?:holidays?|break|vacation|heat|"
    r"monsoon|storms?|surge|crisis|pressures|barley|wheat|crops?|theat(?:er|re)|reading|camps?|"
    r"network|schedule|timetable|lineup|concerts?|closures?|wardrobe|collection|fashion|"
    r"time\s+change|clock\s+change|switch)\b"
    # "in 1998, the year it was founded": the year restated in apposition (dev sets 3 of 3
    # untagged)
    r"|the\s+year\b(?<=[0-9]{4}, the year)(?!\s+(?:before|after|earlier|later)\b)"
    # what kind of day it is: "a day of mourning", "a day of national mourning", "on a day when
    # Europe marked Armistice Day", "not a day longer" (dev sets: 15 of 17 untagged)
    r"|\ba\s+day\s+of\s+(?:national\s+)?(?:mourning|silence|joy|reconciliation|fasting|"
    r"remembrance|rest|action|protest|celebration|reckoning|[0-9])"
    r"|\bon\s+a\s+day\s+when\b|\bnot\s+a\s+day\s+(?:longer|goes)\b"
    # the verb: "promises that fall due", "Chuseok will next fall on a weekend"
    r"|\b(?:that\s+)?fall\s+due\b"
    r"|\b(?:will|would|could|may|might|to)\s+(?:next\s+)?fall\s+(?:on|in)\b"
    # what kind of day a date is, and a kind of timetable: "Christmas falls on a Friday this
    # year", "Boxing Day is a Saturday", "buses run a Sunday schedule" (dev sets: 20 of 21
    # untagged)
    r"|\b(?:falls?|falling|fell|is|was|will\s+be)\s+(?:on\s+)?an?\s+(?:mon|tues|wednes|thurs|fri|"
    r"satur|sun)day\b|\ban?\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+(?:schedule|"
    r"timetable|service)\b"
    # a year in the title of a British or Irish act: "the Terrorism Act 2006" (dev sets 5 of 5
    # untagged; "the Act of 1989" keeps its year)
    r"|\bact\s+(?:1[89]|20)[0-9]{2}\b"
    # a number that names a thing, not a year: "Flight 1900", "Form 1040", "Local 1287",
    # "Resolution 2334", "Senate Bill 2012", "Operation 1027" (dev sets: 25 of 25 untagged)
    r"|\b(?:flight|route|room|model|series|lodge|local|resolution|regulations|circular|"
    r"operation|bill|highway|interstate|suite|unit|ward|platform|gate|terminal|precinct|docket|"
    r"form|section|article|directive|beechcraft|beech|boeing|airbus|cessna)\s+(?:1[0-9]|20)[0-9]{2}"
    r"(?![0-9])"
    # a weekday naming a paper, a market or a kind of day's routine: "the Sunday Ledger", "the
    # Wednesday market", "Friday routes", "Sunday school", "Saturday classes" (dev sets: 32 of
    # 33 untagged)
    # opening hours of a weekday: "Sunday hours return at the library" (dev sets 3 of 3 untagged)
    r"|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+hours\b"
    r"|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+(?:markets?|gazette|ledger|times|telegraph|"
    r"mirror|post|herald|express|tribune|observer|mail|paper|edition|supplement|magazine|routes?|"
    r"pickups?|collections?|school|opening|classes|trading)\b"
    # the weekday a fiscal year ends on: "ends on the Saturday nearest Jan. 31" (dev sets 5 of 5
    # untagged)
    r"|\bthe\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+(?:nearest|closest)\b"
    # "hit by the fall in oil prices", "since the fall of the Berlin Wall": a drop, an event
    r"|(?<!\bin )(?<!\bduring )(?<!\buntil )(?<!\bthrough )\bthe\s+fall\s+(?:in|of)\s+"
    r"(?![0-9]|that\b|this\b|last\b|next\b|the\s+year\b)[a-z]"
)


# A rate after a counted noun: "7,000 people a day", "60 flights a day" (gold sets: 3 of 60
# such marked; TimeBank 2 of 6); "three times a day" is a frequency.
_RATE_OF = re.compile(
    r"(?<![a-z0-9,.])(?:[0-9](?:[0-9,.]*[0-9])?(?:m|bn|mn|k)?|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve|dozens|hundreds|thousands)(?:\s+(?:million|billion|thousand))?"
    r"\s+(?:[a-z]+\s+)?(?!times\b)(?!days\b|nights\b|hours\b|weeks\b|months\b)"
    r"(?:[a-z]+s|people|children|men|women|kroner|cent)(?:\s+of\s+[a-z]+)?\s+\Z"
    r"|(?<![a-z0-9,.])[0-9](?:[0-9,.]*[0-9])?(?:m|bn|mn|k)\s+\Z"  # "an extra £9bn a year"
    # "$4.10 more a month", "£300 more a month", "about 66,000 a month", "12km a day", "a dozen
    # a week", "one bag a week": amounts of a rate
    r"|[0-9](?:[0-9,.]*[0-9])?(?:[a-z]{1,3})?\s+(?:more|less|fewer|extra)\s+\Z"
    r"|(?<![a-z0-9,.:/\-])[0-9](?:[0-9,.]*[0-9])?(?:km|kg|mi|lb|lbs|bcf|ft)?\s+\Z"
    r"|\b(?:a\s+)?dozen\s+\Z|\bone\s+(?!more\b|day\b|night\b|in\b|of\b|for\b|at\b|on\b)[a-z]+\s+\Z"
    # "gusts of 185 kilometres (115 miles) an hour", "80 km/h (50 mph) a day": a speed
    r"|[0-9]\s*(?:miles|mph|km|kilometres|kilometers|km/h|knots)\)\s+\Z"
)
# ... and, for "a day" only, a counted noun told at more length: "600 tonnes of copper a day",
# "30 minutes of recess a day", "R90 million in revenue a day", "($125 million) a day",
# "several a day", "an inch a day", "one meal a day" (dev sets: 14 untagged; "within a day",
# "raised €38,000 in a day" are lengths)
_DAY_RATE_OF = re.compile(
    r"(?<![a-z0-9,.])(?:(?:r|rs|us)?[0-9](?:[0-9,.]*[0-9])?(?:m|bn|mn|k)?|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|several|dozens|hundreds|thousands|an?\s+(?:inch|foot|centimetre|"
    r"centimeter|millimetre|millimeter|metre|meter|mile|kilometre|kilometer|litre|liter|gallon))"
    r"(?:\s+(?:million|billion|thousand))?(?:\s+(?!times\b|days?\b|nights?\b|hours?\b|"
    r"weeks?\b|weekends?\b|months?\b|years?\b|and\b|or\b|for\b|since\b|until\b|was\b|"
    r"were\b|is\b|are\b)[a-z$()'’]+){0,4}\)?\s+(?<!\bin )(?<!\bwithin )(?<!\bfor )(?<!\bthan )"
    r"(?<!\bover )(?<!\bafter )(?<!\bbefore )(?<!\bof )(?<!\bonly )(?<!\bjust )\Z"
)
_PER_UNIT = re.compile(r"an?\s+(?:minute|hour|day|night|week|month|year)\Z")


def _rate(hit: Hit, low: str) -> bool:
    """True for "a day" of a rate after a counted noun ("7,000 people a day").

    >>> low = "about 7,000 people a day crossed, twice a day."
    >>> [_rate(h, low) for h in scan(low, low)]
    [True, False]
    """
    if not _PER_UNIT.match(low, hit.start, hit.end):
        return False
    if _RATE_OF.search(low, max(0, hit.start - 40), hit.start) is not None:
        return True
    return (
        low.startswith("a day", hit.start)
        and low[hit.end : hit.end + 2] not in ("'s", "’s")  # "lose a day's pay": a length
    ) and bool(_DAY_RATE_OF.search(low, max(0, hit.start - 60), hit.start))


# Words of the time of day, one of which must stand near a bare hour ("she would open again at
# 4. Tomorrow is a normal day"), and verbs of amounts a bare number after "by" or "at" counts
# for ("rose by 6", "tied at 2", "priced at 9")
_TIME_OF_DAY_NEAR = re.compile(
    r"\b(?:morning|night|evening|afternoon|midnight|noon|midday|dawn|dusk|sunrise|sunset|"
    r"a\.m\.|p\.m\.|[0-9]{1,2}(?:[:.][0-5][0-9])?\s?(?:am|pm)|o['’]clock|tonight|today|tomorrow|"
    r"yesterday|shift|"
    r"breakfast|lunch|dinner|bed|woke|wake|slept|sleep|alarm|clock)\b"
)
_AMOUNT_BEFORE = re.compile(
    r"\b(?:rose|fell|grew|increased|decreased|dropped|declined|climbed|gained|lost|won|led|"
    r"trailed|beat|cut|raised|lowered|reduced|slipped|jumped|tied|level|levelled|leveled|"
    r"priced|valued|ranked|rated|placed|finished|capped|fixed|pegged|estimated|aged|seeded|"
    r"numbered|sized|(?<!\bwoke\s)(?<!\bwake\s)(?<!\bwakes\s)(?<!\bwaking\s)(?<!\bgot\s)"
    r"(?<!\bget\s)(?<!\bgets\s)(?<!\bgetting\s)(?<!\bre\s)(?<!\bbe\s)(?<!\bam\s)(?<!\bwas\s)"
    r"(?<!\bwere\s)up|down|ahead|"
    r"behind|traded|trading|stood|odds)\s+"
    r"(?:\w+\s+)?(?:at|by|to|from|about|around)?\s*\Z"
)
_BARE_HOUR_REACH = 160


def _bare_hour_ok(hit: Hit, low: str) -> bool:
    """Whether a bare hour ("at 4", "by 6") reads as a clock time: a word of the time of day
    stands within 160 characters of it, and no verb of amounts governs it.

    >>> low = "she would open again at 4. tomorrow is a normal day."
    >>> [_bare_hour_ok(h, low) for h in scan(low, low) if h.rule.name == "clock_bare_hour"]
    [True]
    >>> low = "the score was tied at 2 when the rain came this afternoon."
    >>> [_bare_hour_ok(h, low) for h in scan(low, low) if h.rule.name == "clock_bare_hour"]
    [False]
    """
    if _AMOUNT_BEFORE.search(low, max(0, hit.start - 30), hit.start):
        return False
    if low.endswith(", at ", 0, hit.start) and low.startswith(",", hit.end):
        return False  # "got his first fiddle in 1942, at 9, traded by an uncle": an age
    around = _TIME_OF_DAY_NEAR.search(
        low, max(0, hit.start - _BARE_HOUR_REACH), min(len(low), hit.end + _BARE_HOUR_REACH)
    )
    return around is not None


def _idiom(hit: Hit, low: str) -> bool:
    """True when the hit lies inside a set phrase that names no time.

    >>> low = "they settled at the last minute after a long day."
    >>> [_idiom(h, low) for h in scan(low, low)]
    [True, True]
    """
    for m in _IDIOM.finditer(low, max(0, hit.start - 12), hit.end + 12):
        if m.start() <= hit.start and hit.end <= m.end():
            return True
    return False


_A_WEEKDAY_APPOSED = re.compile(r",\s+an?\s+(?:[a-z]+\s+)?")
_APPOSITION_ENDS = re.compile(r"\s*(?:[,.;:)]|$)")
# a day's value before resolution: "XXXX-05-12", "2009-02-02", "@day+1TMO", "XXXX-#easter"
_DAY_VALUE = re.compile(r"(?:[0-9X]{4}-(?:[0-9X]{2}-[0-9X]{2}|#)|@day[+-])")


def _weekday_of_a_date(hit: Hit, before: Hit, low: str) -> bool:
    """True for "a Sunday" set off by commas after a day told ("on 12 May, a Sunday,", "the
    next morning, a Sunday, with"): it says which weekday that day was, which TimeML does not
    mark as a time of its own (blind sets leave 57 of 60 untagged; ``resolve`` keeps it, with
    the day it names).

    >>> low = "he was arrested the next morning, a sunday, at home."
    >>> first, second = scan(low, low)
    >>> _weekday_of_a_date(second, first, low), _weekday_of_a_date(first, second, low)
    (True, False)
    """
    return (
        _WEEKDAY_VALUE.fullmatch(hit.value) is not None
        and before.rule.type in ("DATE", "TIME")
        and _DAY_VALUE.match(before.value) is not None
        and _A_WEEKDAY_APPOSED.fullmatch(low, before.end, hit.start) is not None
        and _APPOSITION_ENDS.match(low, hit.end) is not None
    )


_SENTENCE_START = re.compile(r"(?:\A|[.!?:;\n])[\s\"'`“‘(]*\Z")


# Months that are first names too, and a capitalized word after one that is no time word
# ("June Marie", "April Ryan"; not "August Bank Holiday", "June Quarter")
_FIRST_NAME_MONTH = re.compile(r"April|June|August")
_SURNAME_AFTER = re.compile(
    r" (?!(?:Day|Days|Bank|Holiday|Holidays|Quarter|Term|Primary|Election|Elections|Session|"
    r"Issue|Edition|Sales|Figures|Jobs|Report|Meeting|Summit|Round|Window|Deadline|Break|"
    r"Recess|Revolution|Uprising|Offensive|Budget|Crisis|Agreement|Accord|Accords)\b)"
    r"[A-Z][a-z]+(?![a-z])(?!\s*[0-9])"
)


# Rules whose phrase is counted from a holiday it names ("the week before Memorial Day")
_HOLIDAY_ANCHORED = frozenset(
    (
        "week_around_holiday",
        "day_around_holiday",
        "weekday_before_holiday",
        "weekday_after_holiday",
        "weekday_of_holiday_weekend",
        "nth_day_of_holiday",
    )
)


_ORDINAL_BEFORE = re.compile(r"[0-9](?:st|nd|rd|th)[\s\-]+\Z")
_NAME_WORD_AFTER = re.compile(r"[\s\-]+[A-Z]")


def _in_name(hit: Hit, work: str) -> bool:
    """True when a time word of the hit is Capitalized in mid-sentence, so the phrase is part of
    a name ("ABC's This Week", "USA Today", "60 Minutes"); holidays are names of times, and a
    headline in Title Case capitalizes everything.

    >>> hits = scan("He spoke on This Week.", "he spoke on this week.")
    >>> _in_name(hits[0], "He spoke on This Week.")
    True
    """
    if "holiday" in hit.rule.value.functions() or hit.rule.name in _HOLIDAY_ANCHORED:
        return False
    if _FIRST_NAME_MONTH.fullmatch(work, hit.start, hit.end) and _SURNAME_AFTER.match(
        work, hit.end
    ):
        return True  # "their daughter, June Marie", "their son, August Reid": a first name
    if _in_listed_name(hit, work):
        return True  # the newspaper USA TODAY
    season = _NAMED_SEASON.search(work, hit.start, hit.end + 30)  # (room for the name after)
    if season is not None and season.end() == hit.end and not _title_line(work, season.start()):
        return True  # "the Spring Street Bridge", "the Winter Park council": a place's name
    words = _setup()[0].tables["lowercase_word"].values
    for i, m in enumerate(_WORD_IN_HIT.finditer(work, hit.start, hit.end)):
        word = m.group()
        if not (word[0].isupper() and word[1:].islower()) or word.lower() not in words:
            continue
        if i == 0 and _SENTENCE_START.search(work, max(0, m.start() - 6), m.start()):
            continue  # "Today, ..." opens a sentence
        if (
            word == "Century"
            and _ORDINAL_BEFORE.search(work, max(0, m.start() - 8), m.start())
            and not _NAME_WORD_AFTER.match(work, m.end())
        ):
            continue  # "the 14th Century", as British style writes it (not "21st Century Fox")
        return not _title_line(work, m.start())
    return False


@cache
def _places(table: str) -> re.Pattern[str]:
    names = sorted(_setup()[0].tables[table].values, key=len, reverse=True)
    return re.compile(
        r"(?<![A-Za-z])(?:" + "|".join(re.escape(n) for n in names) + r")(?![A-Za-z])", re.I
    )


def names_places(text: str, table: str, least: int = 2) -> bool:
    """True when ``text`` names ``least`` or more places of the lexicon ``table`` (one name
    alone may be a person's: "Senator Hobart", "Adelaide Smith").

    >>> names_places("Heat in Sydney. Victoria and NSW brace.", "southern_place")
    True
    >>> names_places("Hobart said Hobart won.", "southern_place")
    False
    """
    found: set[str] = set()
    for m in _places(table).finditer(text):
        found.add(m.group().lower())
        if len(found) >= least:
            return True
    return False


_SPORTS_SEASON_RULES = frozenset(("last_this_next_season", "the_sports_season", "seasons_ago"))
_YEAR_VALUE = re.compile(r"[0-9]{4}")
_CROSS_YEAR_FROM = 7  # July: a season that runs into next year is named by that year from then


def _season_ending_year(value: str, state: _State) -> str:
    """A sports season's year told from the second half of a year, in a story of a competition
    whose season runs into the next year, is the year it ends ("this season" in November 2015
    in a Premier League story is 2015-16, so 2016; "last season" in August 2014 is 2014).

    >>> state = _State(datetime(2015, 11, 22))
    >>> state.text = "Relegated from the Premier League last May, they top the table this season."
    >>> _season_ending_year("2015", state), _season_ending_year("2015-11", state)
    ('2016', '2015-11')
    """
    if (
        state.doc is None
        or state.doc.moment.month < _CROSS_YEAR_FROM
        or not _YEAR_VALUE.fullmatch(value)
    ):
        return value
    if state.cross_year is None:
        state.cross_year = names_places(state.text, "cross_year_sport", least=2)
    return str(int(value) + 1) if state.cross_year else value


def _is_southern(state: _State) -> bool:
    """Whether the document is a southern story, read once, when its first season is named."""
    if state.southern is None:
        state.southern = names_places(state.text, "southern_place")
    return state.southern


# Days that differ by country, with the date they have where a story names no country of its own
# (the United States' July 4, China's October 1)
_COUNTRY_DAYS = tuple(
    # (the holiday, and its default date with any year told: "Independence Day last year",
    # "National Day 2013")
    (name, re.compile(rf"(?<![0-9])(XXXX|@year[+-][0-9]+|[0-9]{{4}}){default[4:]}"))
    for default, name in (
        ("XXXX-07-04", "independence day"),
        ("XXXX-10-01", "national day"),
        ("XXXX-05-09", "victory day"),
    )
)


def _place_kinds(text: str, table: str) -> dict[str, list[str]]:
    """The places of the lexicon ``table`` that ``text`` names (lower-cased, each time it names
    one), by the kind the table gives them.

    >>> _place_kinds("Lagos and Abuja; Lagos again.", "independence_place")
    {'nigeria': ['lagos', 'abuja', 'lagos']}
    """
    values = _setup()[0].tables[table].values
    kinds: dict[str, list[str]] = {}
    for m in _places(table).finditer(text):
        kinds.setdefault(str(values[m.group().lower()]), []).append(m.group().lower())
    return kinds


def _independence_of(state: _State) -> str | None:
    """The country whose Independence Day a story means: the one it names most (twice at
    least, and more often than the United States), else None (July 4).

    >>> state = _State(datetime(2020, 10, 1))
    >>> state.text = "Nigeria at 60: Abuja scales back its Independence Day parade."
    >>> _independence_of(state)
    'nigeria'
    """
    if state.independence is None:
        counts = {
            k: len(names) for k, names in _place_kinds(state.text, "independence_place").items()
        }
        best = max((c for c in counts if c != "us"), key=lambda c: counts[c], default=None)
        ok = best is not None and counts[best] >= 2 and counts[best] > counts.get("us", 0)
        state.independence = best if ok else ""
    return state.independence or None


def _thanksgiving_of(value: str, state: _State) -> str:
    """``value`` with its holiday made the story's country's: Thanksgiving Canada's (October)
    in a story of Canada, Mother's Day Britain's (Mothering Sunday, in March) in a story of
    Britain or Ireland, Father's Day September's in a story of Australia or New Zealand, Easter
    the Orthodox one in a story of the Orthodox churches, and Labour Day the one of the places
    the story names (see ``_labour_day_of``)."""
    if "#mother's day" in value and _is_british(state):
        return value.replace("#mother's day", "#british mother's day")
    if "#father's day" in value and _is_antipodean(state):
        return value.replace("#father's day", "#antipodean father's day")
    easter = _WESTERN_EASTER.search(value)
    if (
        easter
        and names_places(state.text, "orthodox_place")
        and not _WESTERN_CHURCHES.search(state.text)
    ):
        # "Easter" in a story of Greece, Russia, Serbia or Ukraine is the Orthodox one
        day = {"easter": "easter", "easter sunday": "easter"}.get(easter[1], easter[1])
        return f"{value[: easter.start()]}#orthodox {day}{value[easter.end() :]}"
    birthday = _MONARCHS_BIRTHDAY.search(value)
    if birthday and _labour_day_of(state) == "nz":
        # New Zealand keeps the monarch's birthday on the first Monday of June
        return f"{value[: birthday.start()]}#new zealand {birthday[1]}{value[birthday.end() :]}"
    labour = _LABOUR_DAY.search(value)
    if labour and (where := _labour_day_of(state)) is not None:
        day = _LABOUR_DAYS[where]
        return f"{value[: labour.start()]}{day}{value[labour.end() :]}"
    if "#thanksgiving" not in value or "#thanksgiving monday" in value:
        return value  # ("Thanksgiving Monday" is Canada's already)
    if not _is_canadian(state):
        return value
    return value.replace("#thanksgiving day", "#thanksgiving").replace(
        "#thanksgiving", "#canadian thanksgiving"
    )


_ANTIPODES = frozenset({"nz", "vic", "wa", "qld", "nsw"})


def _is_antipodean(state: _State) -> bool:
    """Whether a story is of Australia or New Zealand (two of their places named, more than of
    any other country of the Labour Day table), whose Father's Day is in September.

    >>> state = _State(datetime(2022, 8, 27))
    >>> state.text = "Canberra nurseries expect a rush; Sydney too."
    >>> _is_antipodean(state)
    True
    """
    if state.antipodean is None:
        found = _labour_places(state)
        ours = sum(len(found[k]) for k in found if k in _ANTIPODES)
        others = max((len(found[k]) for k in found if k not in _ANTIPODES), default=0)
        state.antipodean = ours >= 2 and ours > others and not _is_british(state)
    return state.antipodean


def _labour_places(state: _State) -> dict[str, set[str]]:
    """The places of the ``labour_place`` table the story names, by kind; read once (Father's
    Day and Labour Day both ask)."""
    if state.labour_places is None:
        state.labour_places = {
            k: set(names) for k, names in _place_kinds(state.text, "labour_place").items()
        }
    return state.labour_places


_LABOUR_DAYS = {
    "nz": "#new zealand labour day",
    "may": "05-01",
    "vic": "#victorian labour day",
    "wa": "#western australian labour day",
    "qld": "#queensland labour day",
    "nsw": "#new south wales labour day",
}
_LABOUR_DAY = re.compile(r"#labour day(?=T|$)")  # (the American spelling is the US day)
_MONARCHS_BIRTHDAY = re.compile(r"#((?:queen|king)'s birthday)(?=T|$)")


def _labour_day_of(state: _State) -> str | None:
    """Whose Labour Day a story means (a key of ``_LABOUR_DAYS``: "nz", "may", an Australian
    state's) when it names two places of that kind and fewer of any other, else None (the first
    Monday of September).

    >>> state = _State(datetime(2019, 10, 30))
    >>> state.text = "A tramper from Wellington died in the Tararuas on Labour Day."
    >>> _labour_day_of(state)
    'nz'
    """
    if state.labour is None:
        found = _labour_places(state)
        kinds = sorted(found, key=lambda k: -len(found[k]))
        best = kinds[0] if kinds else None
        ok = (
            best is not None
            and len(found[best]) >= 2
            and (len(kinds) == 1 or len(found[kinds[1]]) < len(found[best]))
            and not _is_canadian(state)
        )
        state.labour = best if ok else ""
    return state.labour or None


def _out_of_place(hit: Hit, state: _State) -> bool:
    """Whether ``hit`` names a holiday of one country only ("Family Day", Canada's) in a story
    that is not of that country: one that names fewer than two places of the lexicon's
    ``only_in`` table (two are enough: the holiday's own name already points there)."""
    if "#" not in hit.value:
        return False
    table = (_holiday_spec(hit.value) or {}).get("only_in")
    return table is not None and not names_places(state.text, str(table))


_WESTERN_EASTER = re.compile(r"#(easter sunday|easter monday|easter)(?=T|$)")
# (a story that sets the Western churches beside the Orthodox ones keeps each one's Easter)
_WESTERN_CHURCHES = re.compile(
    r"\b(?:Catholics?|Protestants?|Western\s+churches|Archdiocese|Methodists?|Anglicans?|"
    r"Lutherans?|Baptists?|pope|pontiff)\b",
    re.I,
)


def _is_british(state: _State) -> bool:
    """Whether the document is a story of Britain or Ireland, read once, when Mother's Day is
    named."""
    if state.british is None:
        state.british = names_places(state.text, "british_place", 3)
    return state.british


_THANKSGIVING_MONDAY = re.compile(r"\bthanksgiving\s+monday\b", re.I)


def _is_canadian(state: _State) -> bool:
    """Whether the document is a story of Canada, read once, when Thanksgiving is named."""
    if state.canadian is None:
        # three places: a Hollywood story names Toronto's festival and a Nova Scotia shoot
        state.canadian = names_places(state.text, "canadian_place", 3) or bool(
            _THANKSGIVING_MONDAY.search(state.text)
        )  # (the United States' Thanksgiving is a Thursday)
    return state.canadian


# A season of the southern hemisphere is resolved as the northern season of the same months
# (its summer, December to February, is the northern winter) and labelled back.
_SEASON_SWAP = {"SU": "WI", "WI": "SU", "SP": "FA", "FA": "SP"}
_SEASON_CODE = re.compile(r"(?<=-)(SU|WI|SP|FA)\b")


def _swap_season(value: str) -> str:
    return _SEASON_CODE.sub(lambda m: _SEASON_SWAP[m.group(1)], value)


@cache
def _listed_names() -> re.Pattern[str]:
    names = sorted(_setup()[0].tables["time_word_name"].values, key=len, reverse=True)
    return re.compile(
        r"(?<![A-Za-z0-9])(?:" + "|".join(re.escape(n) for n in names) + r")(?![A-Za-z])", re.I
    )


def _in_listed_name(hit: Hit, work: str) -> bool:
    """True when the hit lies in a name of the ``time_word_name`` table written with all its
    words capitalized ("USA TODAY", "Saturday Night Live").

    >>> hit = scan("read USA TODAY", "read usa today")[0]
    >>> _in_listed_name(hit, "read USA TODAY"), _in_listed_name(hit, "read usa today")
    (True, False)
    """
    for m in _listed_names().finditer(work, max(0, hit.start - 30), hit.end + 30):
        if m.start() <= hit.start and hit.end <= m.end():
            words = [
                w
                for w in re.findall(r"[A-Za-z0-9]+(?:['’][a-z]+)?", m.group())
                if w.lower() != "the"
            ]  # ("Today's Paper": "Today's" is one word)
            return all(w[0].isupper() or w[0].isdigit() for w in words)
    return False


_NAMED_SEASON = re.compile(
    r"\b(?:Spring|Summer|Autumn|Fall|Winter)(?=\s+(?!(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b)"
    r"[A-Z][a-z]+)"
)


def _title_line(work: str, at: int) -> bool:
    """True when ``at`` is in a headline set in Title Case."""
    if not in_headline(work, at):
        return False
    start = work.rfind("\n", 0, at) + 1
    end = work.find("\n", at)
    words = [w for w in _WORD_IN_HIT.findall(work, start, end if end >= 0 else len(work))]
    long = [w for w in words if len(w) > 3]
    return len(long) >= 2 and sum(w[0].isupper() for w in long) >= 0.6 * len(long)


_MONTH_VALUE = re.compile(r"\d{4}-\d\d")
_RANGE_TO = re.compile(r"\s*(?:to|until|till|through|thru|[-–])\s*")
_RANGE_OPENS = re.compile(r"\b(?:from|between)\s+\Z")
_BEGINS = re.compile(r"\b(?:begins?|starts?|opens?|began|started|opened)\s+(?:at\s+|on\s+)?\Z")
_BEGINS_ENDS = re.compile(
    r",?\s+and\s+(?:ends?|closes?|runs\s+until|ended|closed)\s+(?:at\s+|on\s+)?"
)
_DAY_PAIR = re.compile(r"\s+(?:and|or)\s+")


def _range_end_after_start(
    fields: dict, first: Mention, before: Hit, hit: Hit, low: str, doc: Reference | None = None
) -> dict:
    """The end of "from 11 p.m. Tuesday to 6 p.m. Wednesday" is not before its start: a
    weekday-named end that resolved earlier moves on a week (a month-named one a year: "from
    October through April"); so does the second of two days to come ("meets next Monday and
    Tuesday")."""
    ranged = (
        (
            _RANGE_TO.fullmatch(low, before.end, hit.start)
            and _RANGE_OPENS.search(low, max(0, before.start - 10), before.start)
        )
        or (
            low.startswith(" and ", before.end)
            and before.end + 5 == hit.start
            and low.endswith("between ", 0, before.start)
        )
        or (
            # "begins at 12:01 a.m. Friday and ends at midnight Sunday"
            _BEGINS_ENDS.fullmatch(low, before.end, hit.start)
            and _BEGINS.search(low, max(0, before.start - 16), before.start)
        )
    )
    ahead = (
        _DAY_PAIR.fullmatch(low, before.end, hit.start)
        and doc is not None
        and (Reference.of(first.value) or doc).moment > doc.moment
    )
    if not ranged and not ahead:
        return fields
    if YEAR_DIGITS.search(low, hit.start, hit.end) or hit.value.startswith("@year"):
        return fields  # "between May 21 and Sept. 26, 2012", "... and October last year": told
    start = Reference.of(first.value)
    end = Reference.of(fields["value"])
    if start is None or end is None or end.moment >= start.moment:
        return fields
    value = fields["value"]
    if re.fullmatch(r"\d{4}-\d\d", value):
        # "from October through April": the April after that October
        if not ranged:
            return fields
        moved = f"{int(value[:4]) + 1}{value[4:]}"
        span = interval(moved)
        if span is None or (
            doc is not None
            and span.start > doc.moment >= start.moment
            and tense_at(low, hit.start, hit.end) == "past"
        ):
            return fields  # (a range told of the past does not end in the future)
        return _with_value(fields, moved)
    if not re.match(r"\d{4}-\d\d-\d\d", value):
        return fields
    if "weekday" not in hit.rule.value.functions():
        # "runs from June 1 to Nov. 30": the Nov. 30 after that June 1
        if not ranged:
            return fields
        moved = f"{int(value[:4]) + 1}{value[4:]}"
        return _with_value(fields, moved) if interval(moved) is not None else fields
    moved = (date.fromisoformat(value[:10]) + timedelta(days=7)).isoformat() + value[10:]
    return _with_value(fields, moved) if interval(moved) is not None else fields


_RECURRING = re.compile(
    r"\b(?:(?:every|each)\s+(?:day|night|morning|evening|afternoon|weekday|weekend|week|month|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)|daily|nightly|weeknights|"
    r"weekdays|weekends|mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays|"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekday)\s+(?:mornings|"
    r"afternoons|evenings|nights)|usually|typically|normally|routinely|regularly|often|"
    # "on every strike day", "on working days", "on most mornings", "every Sept. 11"
    r"(?:every|each)\s+[a-z]+\s+day|(?:working|school|match|race|strike)\s+days|"
    r"most\s+(?:days|mornings|afternoons|evenings|nights)|every\s+(?:\d{1,2}\s+)?(?:jan(?:uary)?|"
    r"feb(?:ruary)?|march|april|may|june|july|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|"
    r"nov(?:ember)?|dec(?:ember)?)\b)\b"
)
_RECURRING_REACH = 50
_FREQUENCY = re.compile(
    r"\b(?:(?:two|three|four|five|six|seven|[2-7])\s+(?:days|nights)\s+a\s+week|(?:once|twice|[a-z]+\s+"
    r"times)\s+a\s+(?:day|night|week)|24\s+hours\s+a\s+day|every\s+(?:day|morning|night|evening)"
    # "from 7 a.m. to 7 p.m., Mondays through Saturdays", "at 7 p.m. every other Tuesday",
    # "Sunday hours, from 1 to 5 p.m."
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)days|every\s+(?:other|second)\s+[a-z]+"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+hours|each\s+(?:night|morning|evening|day)"
    # "open from 9am to 6pm, Monday to Saturday": hours of a run of weekdays
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+(?:to|through|thru|-|–)\s+"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b"
)
# Hours of advice, told of every day it holds: "avoid strenuous activity between 11 a.m. and
# 4 p.m.", "stay out of the sun between 11:00 and 15:00", "avoid running dryers between 3 and
# 7 p.m."
_ADVISED_HOURS = re.compile(
    r"\b(?:avoid|stay\s+(?:indoors|inside|out\s+of\s+the\s+sun|in\s+(?:the\s+)?shade|under"
    r"\s+(?:the\s+)?shade))\b[^.;!?]{0,50}\b(?:between|from)\s+"
    r"(?:[^.;!?]{0,24}\s(?:and|to|until)\s+)?\Z"
)
_ADVISED_REACH = 110
# Hours a rule bars, told of every day it holds: "may not drive between midnight and 5 a.m.",
# "crackers may not be burst between 10pm and 6am", "will no longer leave clerks alone after
# 11 p.m."
_BARRED_HOURS = re.compile(
    r"\b(?:may\s+not|must\s+not|mustn't|cannot|can't|can\s+not|not\s+(?:be\s+)?allowed|barred|"
    r"banned|prohibited|forbidden|no\s+longer)\b[^.;!?]{0,60}\b(?:between|from|after|before)\s+"
    r"(?:[^.;!?]{0,24}\s(?:and|to|until)\s+)?\Z"
)
# A service interval: "Route 9 now runs every 20 minutes from 6 a.m. to midnight", "leaving
# every half-hour from 6 a.m.", "once an hour after 7 p.m." (a timetable, when it is not told of
# the past or of one named day: "checks were made every 30 minutes since about 02:00").
_INTERVAL = re.compile(
    r"\bevery\s+(?:\d+|few|[a-z]+)\s+(?:minutes|hours)\b|\bevery\s+(?:half-?\s?hour|hour)\b"
    r"|\bonce\s+an\s+hour\b"
)
_FREQUENCY_REACH = 60
# (a range's clock past a comma: "day camps on strike days, from 7 a.m. to 6 p.m.")
_RANGE_OPENING = r"\b(?:from|between)\s+(?:[^.;!?]{0,24}\s(?:and|to|until|till)\s+)?\Z"
_RANGE_AROUND = re.compile(_RANGE_OPENING)
# Recurring days, not habits: "usually" past a comma may be another clause's ("more than the
# area usually gets")
_RECURRING_DAYS = re.compile(
    r"\b(?:(?:every|each)\s+(?:[a-z]+\s+)?(?:day|night|weekday|weekend|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday)|(?:working|school|match|race|strike|polling)\s+days|"
    r"weeknights|weekdays|weekends|mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|"
    r"sundays)\b(?![^.;!?]*\b(?:today|tomorrow|tonight|yesterday|(?:mon|tues|wednes|thurs|fri|"
    r"satur|sun)day(?!s)))"
)
# ... right before the comma that opens the range ("every Saturday since April 13, from 9
# a.m. to 1 p.m."; not "The market, held every Friday morning in the hall, moves from 10am")
_RECURRING_DAYS_RANGE = re.compile(_RECURRING_DAYS.pattern + r"[^,.;!?]{0,40},\s+" + _RANGE_OPENING)
_DAILY_AFTER = re.compile(r"[^,.;!?]{0,6},\s+(?:daily|nightly|every\s+day|each\s+day)\b")
_MERIDIEM_DOTS = re.compile(r"(?<=[ap])\.m\.")  # "8 a.m. to 1 p.m." is one clause


# A word naming one day, which a clock time near it is on.
_SPECIFIC_DAY = re.compile(
    r"\b(?:today|tonight|tomorrow|yesterday|now|here|this\s+(?:morning|afternoon|evening)|last\s+night|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day(?!s)|jan(?:uary)?|feb(?:ruary)?|march|april|may|"
    r"june|july|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b"
)


def _generic_clock(work: str, low: str, hit: Hit, fields: dict, doc_iso: str = "") -> bool:
    """True for a clock time of any day: told in the present with no day named in its sentence
    or the one before ("the gates are open until 10 p.m."; "it's dark here by 4:30" is not:
    "here" and "now" tie it to one day), or told as a routine in a present that reads as a
    timetable ("Her shift starts at 5:40 a.m."), when the clock hangs on the publication day,
    nothing in its sentence is told ahead or back, and it is no headline, timeline entry or
    stamp."""
    if not re.search(r"T\d\d:\d\d", str(fields.get("value") or "")):
        return False
    if _BULLET_LINE.match(work, work.rfind("\n", 0, hit.start) + 1):
        return False  # a wire story's bullet, headlinese: "* Ferries resume at 0400 GMT"
    s, e = sentence_around(work, hit.start, hit.end)
    if _HOURS_SINCE.match(low, hit.end, e):
        # "run by a single operator between midnight and 6 a.m. since January 2011": hours of
        # every day since then
        return True
    a = sentence_around(work, max(0, s - 2), max(0, s - 1))[0] if s > 0 else s
    if _SPECIFIC_DAY.search(low, a, e):
        return False
    habit = _HABIT_PAST.search(low, s, hit.start)
    if (
        habit is not None
        and not past_form(habit.group(1))
        and not _SAID_OF_HABIT.search(low, s, hit.start)
    ):
        # "He'd call me at 6 in the morning", "he would begin work at 5.30 a.m.", "she used to
        # open at 7": the hours of a habit gone by (not "said the bus would not leave until 9")
        return True
    tense = tense_at(work, hit.start, hit.end)
    if tense == "future":
        if str(fields.get("reference") or "")[:10] != doc_iso[:10]:
            return False
        if _on_first_line(work, hit.start):
            return False  # a headline's clock is the story's ("Dockers walk out at midnight")
        line = low.rfind("\n", 0, hit.start) + 1
        if not low[line : hit.start].strip() or _STAMPED.search(
            low, max(0, hit.start - 24), hit.start
        ):
            return False  # a timeline's entry ("8:50 p.m.: Ruckert takes the lead"), a stamp
        return not _TOLD_AHEAD_OR_BACK.search(low, s, e)
    return tense == "present"


# A habit of the past before a clock time: "would begin", "he'd call", "used to open".
_HABIT_PAST = re.compile(
    r"(?:\b(?:he|she|they|we|i|you)['’]d|\bwould|\bused\s+to)\s+(?:always\s+|usually\s+|often\s+)?"
    r"(?!be\b|have\b|not\b|never\b|been\b|probably\b)([a-z]+)\b[^.;:!?,]*\Z"
)
_SAID_OF_HABIT = re.compile(
    r"\b(?:said|says|told|announced|expected|hoped|promised|warned|thought|if|unless)\b"
)
_BULLET_LINE = re.compile(r"[ \t]*[*•][ \t]")
_HOURS_SINCE = re.compile(
    r"(?:\s+(?:and|to|until|till|-)\s+(?:[0-9]{1,2}(?:[:.][0-9]{2})?\s*(?:[ap]\.?\s?m\.?)?|noon|"
    r"midnight))?\s+(?:every\s+(?:day|night)\s+)?since\s+(?:[a-z]+\s+)?(?:1[89]|20)[0-9]{2}\b"
)


def _on_first_line(work: str, start: int) -> bool:
    """True when ``start`` is on the text's first line that holds anything (the blank lines and
    spaces right before ``start`` do not count), found without copying the text.

    >>> _on_first_line("  Dockers walk out at midnight", 26), _on_first_line("Title\\nBody 9", 11)
    (True, False)
    """
    first = _NON_SPACE.search(work, 0, start)
    if first is None:
        return True
    end = start
    while end > first.start() and work[end - 1].isspace():
        end -= 1
    return work.find("\n", first.start(), end) < 0


_NON_SPACE = re.compile(r"\S")
_TOLD_AHEAD_OR_BACK = re.compile(
    r"\b(?:will|shall|won't|would|could|should|may|might|'ll|going\s+to|is\s+to|are\s+to|"
    r"scheduled|slated|due|expected|planned|plans?|next|upcoming|coming|tomorrow|tonight|later|"
    r"was|were|had|did|said|told|it\s+is|it's|takes?\s+effect)\b|’ll"
)
_STAMPED = re.compile(r"(?:\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}|\b(?:19|20)\d\d),?\s*\Z")


# A change of standing hours: "will start at 8:30 a.m. instead of 7:45", "40 minutes later
# than now", "dismissal moves from 2:35 to 3:25 p.m.", "the sites will now close at 8 p.m.".
# (hours put "instead of" others: not "a 16km beat instead of the 10km allowed")
_HOURS_CHANGED = re.compile(
    r"\binstead\s+of\s+(?:from\s+|at\s+)?(?:[0-9]|noon|midnight)|\bthan\s+now\b|"
    r"\bmoves?\s+from\b|\bwill\s+now\b"
)


def _hours_changed(work: str, low: str, hit: Hit, fields: dict) -> bool:
    """True for a clock time in a sentence that changes standing hours and names no day: the
    new (or old) hours of any day, not a time of one day (dev sets: 13 of 13).

    >>> text = "High schools will start at 8:30 a.m. instead of 7:45."
    >>> hit = scan(text.lower(), text.lower())[0]
    >>> _hours_changed(text, text.lower(), hit, {"value": "2011-08-24T08:30"})
    True
    """
    if not re.search(r"T\d\d:\d\d", str(fields.get("value") or "")):
        return False
    a, b = sentence_around(work, hit.start, hit.end)
    if not _HOURS_CHANGED.search(low, a, b):
        return False
    # (a day the new hours start from is no day they are of: "Starting Monday, the store will
    # be open from 8 a.m. to 8 p.m. instead of from 6 a.m. to midnight")
    return not any(
        m.group() != "now" and not _STARTING_FROM.search(low, max(a, m.start() - 14), m.start())
        for m in _SPECIFIC_DAY.finditer(low, a, b)
    )


_STARTING_FROM = re.compile(r"\b(?:starting|beginning|effective|from)\s+(?:on\s+)?\Z")


# A curfew's hours right before a clock time ("a curfew from 8 p.m. to", "the curfew, from"),
# and a day told right after a clock time ("6 a.m. Friday", "on Monday", "tonight").
_CURFEW_HOURS = re.compile(
    r"\bcurfews?\b[^.;:]{0,70}?\b(?:from|between|at)\s+(?:[0-9][0-9:.]*\s*(?:[ap]\.?m\.?)?\s*"
    r"(?:to|until|till|and|-)\s+)?\Z"
)
# (a day named inside the curfew's phrase; "no one may be out" names no month)
_CURFEW_DAY = re.compile(
    r"\b(?:today|tonight|tomorrow|yesterday|(?:mon|tues|wednes|thurs|fri|satur|sun)day(?!s))\b"
)
_DAY_RIGHT_AFTER = re.compile(
    r"\s*,?\s*(?:on\s+)?(?:today|tonight|tomorrow|yesterday|this|last|next|(?:mon|tues|wednes|"
    r"thurs|fri|satur|sun)day\b)"
)


def _curfew_clock(low: str, hit: Hit) -> bool:
    """True for the hours of a curfew with no day told in them: the hours of every night it
    lasts ("imposed a curfew from 5 p.m. to 8 a.m.", "a curfew from 10 p.m. to 4 a.m. remains
    in force"; dev sets 16 of 16 such ranges generic), not "from 8 p.m. Sunday until 6 a.m.
    Monday".

    >>> low = "the city imposed a curfew from 5 p.m. to 8 a.m. until further notice."
    >>> [_curfew_clock(low, h) for h in scan(low, low)]
    [True, True]
    >>> low = "a curfew is in effect from 8 p.m. sunday until 6 a.m. monday."
    >>> [_curfew_clock(low, h) for h in scan(low, low)]
    [False, False]
    """
    if not re.search(r"T\d\d:\d\d", hit.value):
        return False
    before = _CURFEW_HOURS.search(low, max(0, hit.start - 120), hit.start)
    if before is None or _CURFEW_DAY.search(low, before.start(), hit.start):
        return False
    if _DAY_RIGHT_AFTER.match(low, hit.end):
        return False
    after = re.match(
        r"\s*(?:to|until|till|and|-)\s+[0-9][0-9:.]*\s*(?:[ap]\.?m\.?)?", low[hit.end :]
    )
    return after is None or not _DAY_RIGHT_AFTER.match(low, hit.end + after.end())


def _recurring_clock(low: str, hit: Hit) -> bool:
    """True when a clock time is told of recurring days, in its clause right around it ("from
    9 a.m. to 4 p.m. on Saturdays", "open until 10 p.m. every day")."""
    if not re.search(r"T\d\d:\d\d", hit.value):
        return False
    after = _MERIDIEM_DOTS.sub("m", low[hit.end : hit.end + _RECURRING_REACH])
    after = re.split(r"[.;:!?][\"”’)]?\s|,\s", after)[0]
    before = _MERIDIEM_DOTS.sub("m", low[max(0, hit.start - _RECURRING_REACH) : hit.start])
    before = re.split(r"[.;:!?][\"”’)]?\s|,\s", before)[-1]
    if _RECURRING.search(after) or _RECURRING.search(before):
        return True
    # "staffed from 8 a.m. to 10 p.m. ET, seven days a week", "brief residents twice a day, at
    # 7 a.m. and 6 p.m.": a frequency in the sentence, past a comma
    after = re.split(
        r"[.;!?]\s", _MERIDIEM_DOTS.sub("m", low[hit.end : hit.end + _FREQUENCY_REACH])
    )[0]
    before = _MERIDIEM_DOTS.sub("m", low[max(0, hit.start - _FREQUENCY_REACH) : hit.start])
    before = re.split(r"[.;!?][\"”’)]?\s", before)[-1]
    if _FREQUENCY.search(after) or _FREQUENCY.search(before):
        return True
    if _RANGE_AROUND.search(before + " ") and (
        _RECURRING_DAYS_RANGE.search(before) or _DAILY_AFTER.match(after)
    ):
        # "day camps on strike days, from 7 a.m. to 6 p.m.", "from 6 pm to 8 pm, daily until
        # Saturday": the range's hours on each of those days, past a comma
        return True
    told_before = _MERIDIEM_DOTS.sub("m", low[max(0, hit.start - _ADVISED_REACH) : hit.start])
    if _ADVISED_HOURS.search(told_before) or _BARRED_HOURS.search(told_before):
        return True
    if not (_INTERVAL.search(after) or _INTERVAL.search(before)):
        return False
    return tense_at(low, hit.start, hit.end) != "past"


# Hours told over a run of days, right after a range of clock times: "open from 9 a.m. to
# 5 p.m. through Labor Day", "staffed from 8 a.m. to 8 p.m. Eastern time through Christmas",
# "between 10 p.m. and 6 a.m. until the end of August", "from 10 a.m. to 5 p.m. both days".
_RANGE_BEFORE = re.compile(
    r"\b(?:from|between)\s+[^.;,!?]{1,24}?\s*(?:to|and|until|till|[-–])\s*\Z"
)
_OVER_DAYS = re.compile(
    r"(?:\s+(?:[a-z]+\s+)?(?:time|et|ct|pt|gmt|bst|ist|est|edt|pst|pdt))?,?\s+(?:daily\s+)?"
    r"(?:(?:through|thru|until|till)\s+(?:the\s+end\s+of\s+|mid-?|early\s+|late\s+)?"
    r"(?:jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|christmas|easter|labou?r\s+day|the\s+holidays|"
    r"further\s+notice|new\s+year)\b|both\s+days|on\s+both\s+\w+|on\s+(?:the\s+)?other\s+days|"
    r"on\s+most\s+days)"
)


def _hours_over_days(low: str, hit: Hit) -> bool:
    """True for the second clock time of a range told over a run of days ("open from 9 a.m.
    to [5 p.m.] through Labor Day", "from 10 a.m. to [5 p.m.] both days")."""
    if not re.search(r"T\d\d:\d\d", hit.value):
        return False
    if not _RANGE_BEFORE.search(_MERIDIEM_DOTS.sub("m", low[max(0, hit.start - 40) : hit.start])):
        return False
    return _OVER_DAYS.match(low, hit.end) is not None


def _weekday_of_holiday_weekend(
    rule: Rule, low: str, hit: Hit, holiday: str, told: Reference, value: str
) -> str | None:
    """The weekday of a holiday's weekend ("the Sunday of Labor Day weekend in 2017"): the one
    nearest the holiday's date, in the year named after the weekend if any; else None.

    >>> low = "the sunday of labor day weekend in 2017"
    >>> hit = scan(low, low)[0]
    >>> _weekday_of_holiday_weekend(hit.rule, low, hit, "XXXX-#labor day",
    ...                             Reference.of("2019-09-02"), hit.value)
    '2017-09-03'
    """
    weekday = _WEEKDAY_VALUE.fullmatch(value)
    m = rule.regex.match(low, hit.start, hit.end)
    if weekday is None or m is None:
        return None
    day = told.moment.date()
    if m.group("y"):
        found = _holiday_in_year(holiday, int(m.group("y")))
        if found is None:
            return None
        day = found
    wanted = int(weekday[1])
    before = day - timedelta(days=(day.isoweekday() - wanted) % 7)
    after = day + timedelta(days=(wanted - day.isoweekday()) % 7)
    return (before if day - before <= after - day else after).isoformat()


_WITHIN_SPAN = timedelta(days=3)  # the longest period a day told last may be found inside


def _day_within(state: _State, coarse: Reference | None) -> Reference | None:
    """The day told last, within reach, inside the weekend told after it ("at about 9
    p.m. on Saturday, Feb. 17, 2018, at the start of Presidents' Day weekend. At 11:52 p.m.":
    the Saturday), or inside a longer period long gone told right after it in its sentence
    ("Sunday, Feb. 12, 2012, one of the coldest nights of that winter. The train left at 9:38
    p.m."); else None.

    >>> state = _State(datetime(2020, 2, 9))
    >>> state.dated.append((0, 20, Reference.of("2018-02-17T21:00")))
    >>> state.position = 100
    >>> _day_within(state, Reference.of("2018-W07-WE")).value
    '2018-02-17T21:00'
    """
    span = interval(coarse.value) if coarse is not None else None
    if span is None:
        return None
    long = span.end - span.start > _WITHIN_SPAN
    if long and (state.doc is None or span.end > state.doc.moment - _LONG_GONE):
        return None  # (a week or a month up to now holds too many days to say which)
    for start, end, ref in reversed(state.dated):
        if state.position - start > _DAY_REACH:
            return None
        if ref.granularity in _REF_GRANULARITIES["day"]:
            if long and (
                state.narrative_at - end > _APPOSED_REACH
                or _SENTENCE_END.search(state.text, end, state.narrative_at)
            ):
                # (a period long gone counts only told right after its day, in the same
                # sentence: "Sunday, Feb. 12, 2012, one of the coldest nights of that winter")
                return None
            return ref if span.start <= ref.moment < span.end else None
    return None


_APPOSED_REACH = 80
_LONG_GONE = timedelta(days=60)


def _day_before_look_back(state: _State, coarse: Reference | None) -> Reference | None:
    """The last day (or finer) named within ``_DAY_REACH`` when the coarser period told since
    lies wholly before it: a look back ("a detector had been covered the previous weekend")
    inside a night told clock by clock, whose next clock time is still of that night."""
    if coarse is None or (span := interval(coarse.value)) is None:
        return None
    for start, _, ref in reversed(state.dated):
        if state.position - start > _DAY_REACH:
            return None
        if ref.granularity in _REF_GRANULARITIES["day"]:
            clock = ref.granularity in ("minute", "hour") and state.position - start <= 300
            return ref if clock and span.end <= ref.moment else None
    return None


_GENERIC_VALUE = re.compile(r"XXXX-(?:\d\d|SP|SU|FA|WI|\d\d-\d\d)$")
_HABITUAL = re.compile(
    r"\b(?:usually|typically|normally|generally|traditionally|customarily|ordinarily|"
    r"on\s+average|each\s+year|every\s+year|most\s+years|in\s+an?\s+(?:typical|normal|average)\s+year|"
    r"tends?\s+to|often|always|rarely|seldom|by\s+tradition)\b"
)


def _habitual(value: str, work: str, low: str, hit: Hit) -> bool:
    """True for a month, season or day of the year told as a habit ("the ice is usually gone by
    April 5", "flu usually peaks between December and February"): no particular year."""
    if not _GENERIC_VALUE.match(value) or hit.rule.ref != "doc":
        return False
    a, _ = sentence_around(work, hit.start, hit.end)
    if _HABIT_AFTER.match(low, hit.end):
        return True  # "July and August normally bring in 40 percent of its revenue"
    before = low[max(a, hit.start - _HABIT_REACH) : hit.start]
    if _MONTH_ONLY.fullmatch(value) and (
        _CLIMATE_FOR.search(before) or _USED_TO.search(before) or _YEARLY.search(before)
    ):
        # "the average for mid-August", "not unusual for late March", "the kind of fire we
        # used to see in September", "tax bills go out twice a year, in June and September":
        # a month of any year
        return True
    if (
        value[5:] in ("SP", "SU", "FA", "WI")
        and low[max(0, hit.start - 3) : hit.start] == "in "
        and low[hit.start : hit.end] in ("spring", "summer", "autumn", "fall", "winter")
    ):
        # "In winter, when temperatures fall below minus 70C", "flights connect daily in
        # winter", "walked less in winter": a bare season after "in" is every year's (blind
        # sets 25 of 26)
        return True
    if len(value) == 7 and _MONTHS_EVERY_YEAR.match(low, hit.end):
        return True  # "keeps a fleet ready from November to March every year"
    if len(value) == 10 and (
        _EXCEPT_DAY.search(before)
        or _YEARLY_DAYS.search(before)
        or _EVERY_YEAR_AFTER.match(low, hit.end)
    ):
        # "open every day except Christmas", "due twice a year, on 31 January and 31 July",
        # "planted his on Bonfire Night every year": a day of every year
        return True
    if len(value) == 10 and _NORMAL_DATE.search(before):
        return True  # "its normal onset date of June 1", "the average first frost date is Oct. 9"
    if _BOOKS_CLOSE.search(before):
        return True  # "the company, whose fiscal year ends Sept. 30, said": each year's end
    if len(value) == 7 and _YEAR_RUNS.search(before):
        return True  # "Norrvik's fiscal year runs from April to March": every such year's
    runs = _SEASON_RUNS.search(before)
    if runs is not None and not YEAR_DIGITS.search(before, max(0, runs.start() - 32), runs.start()):
        # "The Atlantic season, which runs from June 1 to Nov. 30": every year's (not "the 2020
        # season, which runs from June 1")
        return True
    habit = _HABITUAL.search(before)
    if (
        habit is not None
        and len(value) == 7
        and _MONTH_RANGE_AROUND.search(low, max(a, hit.start - 32), hit.end + 24)
    ):
        return True  # "20 storms every year, most of them between June and November"
    if (
        len(value) == 7
        and _EVERY_FEW_DAYS.search(low, a, hit.start)
        and _MONTH_RANGE_AROUND.search(low, max(a, hit.start - 32), hit.end + 24)
    ):
        # "sprays his vines every ten days from May to August", "a report every Monday from
        # April through November": a season of a routine, of every year (dev sets: 18 of 20)
        return True
    if (
        habit is None
        and len(value) == 7
        and _MONTH_RANGE_AROUND.search(low, max(a, hit.start - 48), hit.end + 40)
        and (
            tense_at(work, hit.start, hit.end) == "present"
            or (
                tense_at(work, hit.start, hit.end) is None
                and not _SCHEDULE_SPAN.search(low, max(a, hit.start - 48), hit.start)
            )
        )
    ):
        # "Gales are common in western Scotland between October and March", "the long nights
        # between October and March give you the most hours of dark": a span of months told in
        # the present is of every year (a span of days told so, "blacked out from Feb. 13 to
        # Feb. 16", is often this year's)
        return True
    if (
        habit is None
        and len(value) == 10
        and _SEASON_RUNS.search(before)
        and not _YEAR_NAMED.search(work, a, hit.start)
        and tense_at(work, hit.start, hit.end) != "past"
    ):
        # "the Atlantic hurricane season runs from June 1 to Nov. 30", "Greece's fire season
        # runs officially from 1 May to 31 October": the days of every year's season (dev sets
        # 4 of 5; "the 2020 season, which runs from June 1" is that year's)
        return True
    if habit is None:
        # "the hurricane season runs from June to November": a yearly span told in the present
        # (a dated span, "the fair runs from Sept. 24 to 26", is this year's)
        return (
            len(value) == 7
            and bool(_SPAN_VERB.search(before))
            and tense_at(work, hit.start, hit.end) != "past"
        )
    rest = before[habit.end() :]
    fronted = (
        rest.startswith(",")
        and hit.start - _HABIT_REACH <= a
        and not before[: habit.start()].strip()
    )
    if re.search(r"[,;:]\s", rest[1:] if fronted else rest):
        # the habit must be told in the same clause, just before, or open the sentence
        # ("Every year, about 20,000 workers come across in May")
        return False
    if re.match(r"\s+[a-z]+s\s", before[habit.end() :]):
        return True  # "the monsoon, which usually runs from November to March", told in a report
    verb = re.match(r"\s+([a-z]+)\s", before[habit.end() :])
    if habit.group().endswith("ly") and verb is not None and past_form(verb.group(1)):
        return True  # "the lake typically froze in early December": a habit of years gone by
    return tense_at(work, hit.start, hit.end) != "past"


# A month as a climate or a calendar knows it: "the average for mid-August", "not unusual for
# late March", "more typical of late May", "what we usually see in late August"; "used to ...
# in September"; "twice a year, in June and September", "every summer".
_CLIMATE_FOR = re.compile(r"\b(?:average|normal|typical)\s+(?:for|of)\s+(?:the\s+)?\Z")
_USED_TO = re.compile(
    r"(?<!\bis )(?<!\bwas )(?<!\bare )(?<!\bwere )(?<!\bbe )(?<!\bbeen )\bused\s+to\s+"
    r"(?!decide|open|pay|fund|buy|make|build|calculate|set)[^,;:]*\Z"
)
_YEARLY = re.compile(
    r"\b(?:(?:twice|once|three\s+times)\s+a\s+year|every\s+six\s+months),?\s+(?:in\s+)?"
    r"(?:[a-z]+\s+(?:and|or)\s+)?\Z"
    r"|\bevery\s+(?:summer|winter|"
    r"spring|autumn|fall|year)\b[^,;:]*\Z"
)
# A date as a climate or a calendar keeps it: "the normal onset date of June 1", "the average
# first frost date in the valley is Oct. 9".
_NORMAL_DATE = re.compile(
    r"\b(?:average|normal|usual|typical)\s+(?:[a-z\-]+\s+){0,3}date\s+(?:in\s+(?:[a-z]+\s+){1,3})?"
    r"(?:of|is|was)\s+(?:about\s+|around\s+)?\Z"
)
_EXCEPT_DAY = re.compile(
    r"\b(?:every\s+day|daily|seven\s+days\s+a\s+week|year[\s\-]+round|all\s+year)\b[^.;]{0,40}?"
    r"\b(?:except|but|apart\s+from|other\s+than|closed\s+only|only\s+closed)\s+(?:on\s+)?\Z"
)
_YEARLY_DAYS = re.compile(
    r"\b(?:twice|once|three\s+times|four\s+times)\s+a\s+year,?\s+(?:on\s+)?(?:(?:[0-9]{1,2}\s+[a-z]+|"
    r"[a-z]+\.?\s+[0-9]{1,2})\s+(?:and|or)\s+)?\Z"
)
_EVERY_YEAR_AFTER = re.compile(r"\s+(?:every|each)\s+year\b")
_YEAR_NAMED = re.compile(r"\b(?:1[89]|20)[0-9]{2}\b|\bthis\s+year\b", re.I)
# A present verb of a yearly span right before its months ("runs from June to November",
# "lasts from May through October").
_MONTH_NAMES = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
)
_SPAN_VERB = re.compile(
    r"\b(?:runs|lasts|stretches|extends|spans)\s+(?:from|between)\s+"
    rf"(?:(?:{_MONTH_NAMES})\s+(?:to|through|until|till|and)\s+)?\Z"
)


_HABIT_REACH = 100
# Where a company's books close each year: "whose fiscal year ends on Sept. 30", "ends its
# fiscal year on the Saturday nearest Jan. 31" (dev sets: generic 9 of 11; "the fiscal year
# ends Sept. 30, and Congress must" is one year's deadline).
_BOOKS_CLOSE = re.compile(
    r"(?:\bwhose\s+(?:fiscal|financial)\s+years?\s+(?:ends|end|runs|closes|begins|starts|"
    r"has\s+ended|have\s+ended)|\bends\s+(?:its|their)\s+(?:fiscal|financial)\s+years?|"
    r"\b(?:its|their)\s+(?:fiscal|financial)\s+years?\s+(?:ends|end|closes|begins|starts)|"
    r"\bhas\s+a\s+(?:fiscal|financial)\s+year\s+(?:that|which)\s+(?:ends|begins|starts)|"
    r"\bcloses\s+(?:its|their)\s+books)(?:\s+(?:on|in|at))?(?:\s+the(?:\s+[a-z]+){1,2}\s+"
    r"(?:of|in|nearest|closest\s+to))?\s+\Z"
)
# A kind of year by its months: "the fiscal year runs from April to March", "the school year
# starts in September" (its days are a deadline: "before the fiscal year ends on Sept. 30").
_YEAR_RUNS = re.compile(
    r"\b(?:fiscal|financial|tax|school|academic)\s+years?\s+(?:runs|starts|begins|ends)\s+"
    r"(?:from|in|on)?\s*(?:(?:[0-9]{1,2}\s+)?[a-z]{3,9}\.?(?:\s+[0-9]{1,2})?\s+(?:to|through|until|till|and)\s+)?\Z"
)
# A season or a kind of year told by its bounds: "the hurricane season runs from June 1 to Nov.
# 30", "the peak season, which runs from October to April", "the marketing year for wheat runs
# from June 1 to May 31" (blind sets 9 of 9 generic).
_SEASON_RUNS = re.compile(
    r"\b(?:season|year)(?:\s+for\s+[a-z]+)?,?(?:\s+which)?\s+"
    r"(?:usually\s+|normally\s+|typically\s+|officially\s+)?runs\s+(?:officially\s+)?(?:from\s+)?"
    r"(?:(?:[0-9]{1,2}\s+)?[a-z]{3,9}\.?(?:\s+[0-9]{1,2})?\s+(?:to|through|until|till)\s+)?\Z"
)
# A routine within the year: "every day", "every ten days", "every Saturday", "every 20 minutes",
# "twice a week", "on weekends".
_EVERY_FEW_DAYS = re.compile(
    r"\b(?:every|each)\s+(?:other\s+)?(?:[a-z0-9]+\s+)?(?:days?|mornings?|nights?|evenings?|"
    r"weeks?|weekends?|hours?|half-hour|minutes|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)\b|\b(?:daily|nightly)\b|\b(?:once|twice|[a-z]+\s+times)\s+a\s+(?:day|week)\b"
    r"|\bon\s+(?:weekends|weekdays|mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|"
    r"sundays)\b"
)
# A month in a span of months ("between June and November", "from late August to early April",
# "from Nov. to Feb.").
_MONTH_EDGE = r"(?:(?:early|mid|late|the\s+end\s+of|the\s+start\s+of)[\s-]+)?"
_MONTH_ANY = rf"(?:{_MONTH_NAMES}|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.)"
_MONTH_RANGE_AROUND = re.compile(
    rf"\b(?:between|from)\s+{_MONTH_EDGE}{_MONTH_ANY}(?:\s+[0-9]{{1,2}})?\s+"
    rf"(?:and|to|through|until|till)\s+{_MONTH_EDGE}{_MONTH_ANY}(?![a-z]|\s+[0-9])"
)  # (not a span to a day: "the jobs run from mid-November through Jan. 4")
# A timetable's span ("the lectures run from October through April", "classes meet between"):
# the season ahead, where a span with no verb of time ("snow fills that gully from November to
# May") is of every year.
_SCHEDULE_SPAN = re.compile(
    r"\b(?:run|meet|play|open|last|held|scheduled|planned)\s+(?:[a-z]+\s+){0,2}(?:from|between)\s"
)
# A month or a span of months said to recur: "from November to March every year".
_MONTHS_EVERY_YEAR = re.compile(
    rf"(?:\s+(?:to|through|and|or|until)\s+{_MONTH_EDGE}{_MONTH_ANY})?\s+(?:every|each)\s+year\b"
)
# A month as the subject of a habit: "December normally brings", "July and August usually see".
_HABIT_AFTER = re.compile(
    r"(?:\s+(?:and|or|through|to)\s+[a-z]+)?\s+(?:usually|normally|typically|generally|"
    r"traditionally|always)\s+(?!been\b|had\b|was\b|were\b)[a-z]+\b"
)


def _just_past_day(value: str, ref: Reference) -> bool:
    """True when a month and day (``XXXX-03-15``) fell within the last month before ``ref``, so
    that its next occurrence is most of a year away."""
    today = ref.moment.date()
    m = re.fullmatch(r"XXXX-(\d\d)-(\d\d)", value)
    if m is None:
        # a holiday of a moving date: "after a Lunar New Year break", told 15 days after it
        spec = _setup()[0].holidays.get(value.split("#", 1)[1]) if "#" in value else None
        this_day = holiday_date(spec, today.year) if spec else None
        return this_day is not None and 0 < (today - this_day).days <= _JUST_PAST_DAYS
    try:
        this_year = date(today.year, int(m.group(1)), int(m.group(2)))
    except ValueError:
        return False
    return 0 < (today - this_year).days <= _JUST_PAST_DAYS


_JUST_PAST_DAYS = 31


def _day_just_before(state: _State, work: str, hit: Hit) -> Reference | None:
    """The day named just before ``hit`` in its clause ("put the toll at 14 on 18 July, 19 the
    next day"), which "the next day" moves on from rather than from the latest day told."""
    if not state.dated:
        return None
    _, end, ref = state.dated[-1]
    gap_start = end - (state.position - hit.start)
    if gap_start < 0 or hit.start - gap_start > _JUST_BEFORE_GAP:
        return None
    if ref.granularity not in _REF_GRANULARITIES["day"] or _CLAUSE_END.search(
        work, gap_start, hit.start
    ):
        return None
    return ref


_JUST_BEFORE_GAP = 30


def _same_day(narrative: Reference | None, fields: dict) -> bool:
    """True when ``narrative`` is a clock time on the day ``fields`` name."""
    return (
        narrative is not None
        and narrative.granularity in ("hour", "minute", "second")
        and fields.get("granularity") == "day"
        and narrative.value[:10] == str(fields.get("value"))[:10]
    )


_SAID_ON = re.compile(
    r"\b(?:said|says|told\s+(?:reporters|[a-z]+)|announced|reported|added|published|released|"
    r"issued)"
    r"\s+(?:on\s+|late\s+|early\s+)?\Z"
)


def _event_day_before_saying(state: _State, work: str, hit: Hit) -> Reference | None:
    """The last day before the saying's day that the text dates an event on, for a clock time
    told in the past; else None."""
    if tense_at(work, hit.start, hit.end) != "past":
        return None
    a, _ = sentence_around(work, hit.start, hit.end)
    if state.narrative_at >= a + (state.position - hit.start):
        return None  # "told reporters Monday after a meeting that began at 7 a.m.": that day
    for start, _, ref in reversed(state.dated):
        if state.position - start > _DAY_REACH:
            return None
        if start in state.said_at or ref.granularity not in _REF_GRANULARITIES["day"]:
            continue
        if state.narrative is not None and ref.moment.date() < state.narrative.moment.date():
            return Reference.of(ref.value[:10])
        return None
    return None


def _event_day(state: _State, work: str, low: str, hit: Hit) -> Reference | None:
    """The date of an event named in the sentence of a clock time, when the text dated that
    event before ("the Feb. 5 blast ... The explosion happened before 6 a.m."), and no day is
    named in the sentence itself; else None."""
    a, b = sentence_around(low, hit.start, hit.end)
    offset = state.position - hit.start
    if any(a + offset <= start < b + offset for start, _, _ in state.dated):
        return None  # the sentence names a day of its own
    words = [w for w in _LOW_WORD.findall(low, a, hit.start) if _is_event_noun(w)]
    if not words:
        return None
    words += [kin for w in words for kin in _event_kin(w)]
    ref = state.event_date(words, low[:a], offset, "day")
    if ref is None or ref.granularity != "day":
        return None
    if (
        state.doc is not None
        and ref.moment.date() > state.doc.moment.date()
        and tense_at(work, hit.start, hit.end) == "past"
    ):
        return None  # "Next policy meeting on July 11 ... announced at a meeting at 4 p.m."
    return ref


def _is_event_noun(word: str) -> bool:
    """True if ``word`` names an event ("leak", "election"), by the lexicon's event_noun table.

    >>> _is_event_noun("shooting"), _is_event_noun("team")
    (True, False)
    """
    nouns = _setup()[0].tables["event_noun"].values
    if word in nouns:
        return True
    return any(k[0] == "*" and word.endswith(k[1:]) and len(word) > len(k) + 2 for k in nouns)


_CLOCK_STEP = re.compile(r"@(hour|minute|second)[+-]([0-9]+)$")
_STREAK_RULES = frozenset({"nth_straight_unit", "nth_straight_month", "nth_straight_quarter"})


def _step_grain(value: str) -> str | None:
    """Granularity of a value, relative templates included: ``@hour+2`` steps by hours,
    ``@day-1TNI`` lands on a part of a day.

    >>> _step_grain("@hour+2"), _step_grain("@day-1"), _step_grain("@day+1TNI"), _step_grain("2013")
    ('hour', 'day', 'part_of_day', 'year')
    """
    m = _STEP.match(value)
    if m is None:
        return granularity_of(value)
    if m.group(2):
        return "part_of_day"
    return m.group(1) if m.group(1) in GRANULARITY_RANK else None


_STEP = re.compile(r"@([a-z_]+)[+-][0-9X.]+(T[A-Z]{2})?")


def _event_kin(word: str) -> list[str]:
    """Other nouns for the same kind of event ("death" -> "killing", "slaying" ...), by the
    lexicon's event_kin table, so "the day after his death" finds "the Oct. 23 killing".

    >>> "killing" in _event_kin("death"), _event_kin("team")
    (True, [])
    """
    kin = _setup()[0].tables["event_kin"].values.get(word)
    return str(kin).split() if kin else []


def _noun_run(words: list[str]) -> list[str]:
    """The leading words that may be nouns ("chlorine leak" of "chlorine leak went")."""
    out: list[str] = []
    for word in words[:3]:
        if looks_like_verb(word):
            break
        out.append(word)
    return out


def _future_target(hit: Hit, value: str, state: _State, low: str) -> bool:
    """True when the hit is a deadline ahead of the publication date ("intended to reach 50%
    by 1992" in a 1989 article), which a later "two days later" does not count from.

    >>> state = _State(datetime(1989, 10, 30))
    >>> low = "it aims to double sales by 1992."
    >>> hit = scan(low, low)[0]
    >>> _future_target(hit, "1992", state, low), _future_target(hit, "1988", state, low)
    (True, False)
    """
    if _SINCE.search(low, max(0, hit.start - 24), hit.start):
        # "since 1976" is not where the story is, unless the text goes there: "since 1976,
        # when a quake killed 3,000 ... codes were introduced five years later"
        return not _WHEN_AFTER.match(low, hit.end)
    if _PLAN_GIVEN_UP.search(low, max(0, hit.start - 40), hit.start):
        return True  # "elections, originally set for March 3, ...": a plan that did not hold
    if state.doc is None or not _DEADLINE.search(low, max(0, hit.start - 24), hit.start):
        return False
    if _PUT_OFF.search(low, max(0, hit.start - 48), hit.start):
        return True  # "voted to delay repairs until 1955": a plan, not where the story went
    ref = Reference.of(value)
    return ref is not None and ref.moment > state.doc.moment


# "the quarter ended Sept. 30", "the financial year 2012-13, which ends on 31 March", "the
# three months to June 30": the last day of the period a report is about, not where the story
# is ("the year before" there is the period's, and "by 11 a.m." is on the day of the report).
_PERIOD_BOUNDARY = re.compile(
    r"\b(?:quarter|year|half|months|weeks|period|[0-9]{4}-[0-9]{2})\b[^.;!?\n]{0,24}?"
    r"\b(?:ended|ending|ends|to|through)\s+(?:on\s+)?\Z"
)
# "the three months ended June 30", "the three months to March": the length of a reported
# quarter, right before its last day or month
# (a quarter or year named so, "the fiscal fourth quarter ended Sept. 28", keeps its label)
_PERIOD_ENDED = re.compile(
    r"\b(?:three|3)\s+months\s+(?:that\s+)?(?:ended|ending|ends|to|through)\s+(?:on\s+)?\Z"
)


def _period_ended(low: str, start: int, value: str) -> Reference | None:
    """The quarter a report covers when the date at ``start`` ends it ("the three months
    ended June 30" is the second quarter); None for anything else.

    >>> low = "in the three months ended june 30, sales fell."
    >>> _period_ended(low, low.index("june"), "2013-06-30").value
    '2013-Q2'
    """
    m = _PERIOD_ENDED.search(low, max(0, start - 40), start)
    day = re.match(r"([0-9]{4})-([0-9]{2})", value)
    if m is None or day is None:
        return None
    year, month = day[1], int(day[2])
    return Reference.of(f"{year}-Q{month // 3}") if month % 3 == 0 else None


_QUARTER_END = re.compile(
    r"\s+(?:that\s+|which\s+)?ended\s+(?:on\s+)?(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|"
    r"nov|dec)[a-z]*\.?\s+(?P<day>[0-9]{1,2})(?![0-9])(?:,\s+(?P<year>(?:19|20)[0-9]{2}))?"
)


def _quarter_ended(low: str, end: int, now: datetime) -> str | None:
    """The calendar quarter a following "ended March 31" closes (the last such day by ``now``
    when no year is told), or None when no quarter's last day follows.

    >>> _quarter_ended("the quarter ended dec. 31, payable", 11, datetime(2022, 1, 4))
    '2021-Q4'
    >>> _quarter_ended("the quarter ended march 31, 2013", 11, datetime(2013, 6, 1))
    '2013-Q1'
    >>> _quarter_ended("the year ended may 31", 8, datetime(1989, 7, 1)) is None
    True
    """
    m = _QUARTER_END.match(low, end)
    if m is None:
        return None
    month, day = _MONTH_PREFIXES.index(m["month"]) // 3 + 1, int(m["day"])
    if (month, day) not in ((3, 31), (6, 30), (9, 30), (12, 31)):
        return None  # a fiscal quarter's end ("ended Feb. 2", "ended June 27") keeps its label
    year = int(m["year"]) if m["year"] else now.year
    if not m["year"] and (month, day) > (now.month, now.day):
        year -= 1  # ended: the last such day
    return f"{year}-Q{(month - 1) // 3 + 1}"


# "its fiscal fourth quarter, which ended Jan. 28", "the third quarter, ends Oct. 29"
_FISCAL_QUARTER_END = re.compile(
    r",?\s+(?:that\s+|which\s+)?(?P<verb>ended|ends|ending|closed|closes)\s+(?:on\s+)?"
    r"(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?P<day>[0-9]{1,2})"
    r"(?![0-9])(?:,\s+(?P<year>(?:19|20)[0-9]{2}))?"
)
_RETAIL_YEAR_END = (2, 15)  # a fiscal year ending by mid-February is named for the year before
_MONTH_PREFIXES = "janfebmaraprmayjunjulaugsepoctnovdec"  # three letters each


def _retail_quarter(value: str, low: str, end: int, now: datetime) -> str | None:
    """The label of a fiscal quarter whose end date follows it, in a fiscal year that ends in
    January or early February, as retailers name it, by the calendar year it mostly covers
    ("its fiscal fourth quarter, which ended Jan. 28" in February 1989: 1988-Q4; "the third
    quarter, ended Oct. 28" in January 1990: 1989-Q3); None for any other year's quarter (its
    label stays the one the report gives).

    >>> _retail_quarter("1989-Q4", "fourth quarter, which ended jan. 28.", 14, datetime(1989, 2, 15))
    '1988-Q4'
    >>> _retail_quarter("1989-Q3", "fiscal third quarter ended march 31", 20, datetime(1989, 5, 1))
    """
    q = re.fullmatch(r"\d{4}-Q([1-4])", value)
    m = _FISCAL_QUARTER_END.match(low, end)
    if q is None or m is None:
        return None
    month, day = _MONTH_PREFIXES.index(m["month"]) // 3 + 1, int(m["day"])
    year = int(m["year"]) if m["year"] else now.year
    if not m["year"] and m["verb"] in ("ended", "closed") and (month, day) > (now.month, now.day):
        year -= 1  # ended: the last such day
    if not m["year"] and m["verb"] in ("ends", "closes") and (month, day) < (now.month, now.day):
        year += 1  # ends: the next such day
    months_left = 3 * (4 - int(q[1]))  # from the quarter's end to the fiscal year's
    total = year * 12 + month - 1 + months_left
    end_year, end_month = divmod(total, 12)
    if (end_month + 1, day) > _RETAIL_YEAR_END and end_month + 1 != 1:
        return None
    return f"{end_year - 1}-Q{q[1]}"


_WEEK_REST = re.compile(r"the\s+end\s+of\s+the\s+week|later\s+(?:this|in\s+the)\s+week")


def _shift_week(value: str, now: datetime) -> str | None:
    """The ISO week after ``now``'s when ``value`` is ``now``'s week, else None.

    >>> _shift_week("2014-W06", datetime(2014, 2, 9))
    '2014-W07'
    """
    year, week, _ = now.isocalendar()
    if value != f"{year}-W{week:02d}":
        return None
    year, week, _ = (now + timedelta(days=7)).isocalendar()
    return f"{year}-W{week:02d}"


_POD_OF_DATE = frozenset({"pod_of_month_day", "pod_of_day_month"})


def _day_of_the_evening(hit: Hit, work: str, low: str) -> Hit:
    """Outside TimeML, "the evening of Saturday, Nov. 14, 1953" is the day it names: the day
    alone keeps reports of one event together on the timeline (TimeML corpora mark the whole
    as a time).

    >>> work = "on the evening of Saturday, Nov. 14, 1953."
    >>> low = work.lower()
    >>> h = _day_of_the_evening(scan(work, low)[0], work, low)
    >>> work[h.start : h.end]
    'Saturday, Nov. 14, 1953'
    """
    if hit.rule.name not in _POD_OF_DATE:
        return hit
    of = _OF_WEEKDAY.search(low, hit.start, hit.end)
    if of is None:
        return hit
    inner = scan(work[of.end() : hit.end], low[of.end() : hit.end])
    if len(inner) != 1 or inner[0].rule.type != "DATE":
        return hit
    day = inner[0]
    day.start += of.end()
    day.end += of.end()
    return day


_OF_WEEKDAY = re.compile(
    r"\bof\s+(?=(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|(?:mon|tues?|wed|thu(?:rs?)?|fri|"
    r"sat|sun)\.))"
)  # (a weekday in full or shortened: "the evening of Sat., Nov. 14, 1953")


_LATER = re.compile(r"[\s,]+(?:later|earlier|afterwards?|before)\Z")
_TIMEML_LENGTH_RULES = frozenset({"units_later", "units_earlier"})
_MOVES_ON = frozenset(
    {"units_later"}
)  # "three days later" moves the story on; "earlier" looks back


def _as_timeml(hit: Hit, work: str, low: str) -> Hit:
    """The hit as TimeML corpora mark it: "three days later" in a story is the length "three
    days" (DURATION), "later" a signal; "a year earlier" of a company report stays a date.

    >>> low = "three days later, the army came."
    >>> [(h.rule.name, low[h.start:h.end]) for h in [_as_timeml(scan(low, low)[0], low, low)]]
    [('units', 'three days')]
    """
    if hit.rule.name == "offset_around_event":
        # "two days before the fire": the length, the event being dated or not (our blind
        # sets 58 of 58; TimeBank marks 3 of 11 dated ones as dates)
        inner = scan(work[hit.start : hit.end], low[hit.start : hit.end])
        if len(inner) == 1 and inner[0].rule.type == "DURATION":
            inner[0].start += hit.start
            inner[0].end += hit.start
            return inner[0]
        return hit
    if hit.rule.name not in _TIMEML_LENGTH_RULES or hit.value.startswith(
        ("@year", "@quarter", "@month", "@week", "@minute", "@second")
    ):
        # TimeBank marks lengths of days ("three days later") but dates of years ("a year
        # earlier"); of weeks, months, minutes and seconds it has none, and our blind sets mark
        # dates and times ("a week later": 47 of 62, "a month earlier": 29 of 39, "nine minutes
        # later": 29 of 35, "40 seconds later": 11 of 14)
        return hit
    cut = _LATER.search(low, hit.start, hit.end)
    if cut is None:
        return hit
    inner = [h for h in scan(work[hit.start : cut.start()], low[hit.start : cut.start()])]
    if len(inner) != 1 or inner[0].rule.type != "DURATION":
        return hit
    length = inner[0]
    length.start += hit.start
    length.end += hit.start
    length.whole = hit if hit.rule.name in _MOVES_ON else None
    return length


_SINCE_TOLD_REACH = 300


def _since_told(state: _State, grain: str) -> Reference | None:
    """The date of a "since" of granularity ``grain`` told after the narrative reference and
    close before the reading position; else None."""
    for start, _, ref in reversed(state.dated):
        if state.position - start > _SINCE_TOLD_REACH:
            return None
        if state.narrative is not None and start <= state.narrative_at:
            return None
        if start in state.since_at and ref.granularity == grain:
            return ref
    return None


_PERIOD_CONTRASTED = re.compile(
    r"\b(?:after|following|unlike|from|than|compared\s+(?:with|to))\s+(?:(?:an?|the|its)\s+)?"
    r"(?:(?:an?|the|its)\s+[a-z]+\s+|(?![a-z]+ing\s)[a-z]+\s+)?\Z"
)  # (not "after saying fourth-quarter revenue grew": the period reported; "after a
# disappointing second quarter" is told for contrast)


_ASIDE_OPEN = re.compile(
    r",\s+(?:(?:which|who)\s|(?:built|founded|born|established|erected|dug|designed)\s+"
    r"(?:in|around|about)\b)[^,;.!?]*\Z"
    # the making of a text, after its noun: "The forecast, issued at 4pm the previous day, had
    # warned" (not a run of deeds: "He was charged, released on bail on March 5, and fled")
    r"|\b(?:the|a|an|its|his|her|their|this|that)\s+(?:[a-z\-]+\s+){0,2}(?![a-z]+ed,)[a-z]+,\s+"
    r"(?:issued|released|published|posted|filed|sent|written|recorded)\s+(?:at|on|in|late|"
    r"early)\b[^,;.!?]*\Z"
)  # (", built in 1872,": a phrase of a thing's past, set off by commas, is an aside too)
# the same phrase opening a sentence: "Built in Appledore in 1968, she had fished ..."
_ASIDE_OPENS_SENTENCE = re.compile(
    r"(?:(?<=[.!?]\s)|(?<=\n))(?:built|founded|born|established|erected|launched)\s+"
    r"(?:in|around|about)\b[^,;.!?]*\Z"
)
_ASIDE_CLOSE = re.compile(r"[^.;!?]*?,")
_HAD_AFTER = re.compile(r"\s*(?:[a-z'’]+\s+){1,3}had\b")
_ASIDE_SAYING = re.compile(
    r",\s+who\s+(?:\w+\s+)?(?:spoke|said|told|talked|recalled|testified|wrote)\b"
    r"[^,;.!?]*\Z"
)
_ASIDE_TO_END = re.compile(r"[^.;!?\"”]*?[.;!?]")


def _relative_aside_end(low: str, hit: Hit) -> int | None:
    """Where a relative clause set off by commas that holds the hit ends ("The inquest, which
    opened on Monday, is expected to last three weeks"), or None.

    >>> low = "the inquest, which opened on monday, is expected to last three weeks."
    >>> _relative_aside_end(low, scan(low, low)[0])
    35
    """
    if _ASIDE_OPENS_SENTENCE.search(low, max(0, hit.start - 80), hit.start) is not None:
        # a sentence that opens on the phrase is a look back only when its clause goes on in
        # the past perfect ("Built in 1968, she had fished ..."); "Founded in 2012, Ampera
        # raised money a year later" counts on from it
        close = _ASIDE_CLOSE.match(low, hit.end, hit.end + 80)
        if close is None or _HAD_AFTER.match(low, close.end()) is None:
            return None
        return close.end() - 1
    if _ASIDE_OPEN.search(low, max(0, hit.start - 80), hit.start) is None:
        return None
    close = _ASIDE_CLOSE.match(low, hit.end, hit.end + 80)
    if close is None and _ASIDE_SAYING.search(low, max(0, hit.start - 80), hit.start):
        # "said Pruitt, now 66, who spoke Tuesday at her kitchen table.": the day of a saying
        # in a relative clause that closes the sentence is an aside of the story too
        close = _ASIDE_TO_END.match(low, hit.end, hit.end + 120)
    return close.end() - 1 if close is not None else None


_PLUPERFECT = re.compile(
    r"\bhad\s+(?:not\s+|never\s+|already\s+|just\s+)?(?:been\s+)?[a-z]+(?:ed|en|wn|t)\b"
)
_CLAUSE_CUT = re.compile(r"[.;:!?]\s|\bbut\b|\band\s+(?=[a-z]+ed\b)")


# "the 12th anniversary of the attacks of Sept. 11, 2001": the date an anniversary recalls
_ANNIVERSARY_OF = re.compile(r"\banniversary\s+of\b[^.;:!?\n]{0,60}\Z")
_YEAR_TOLD = re.compile(r"[0-9]{4}")


def _anniversary_of(state: _State, low: str, hit: Hit, fields: dict) -> bool:
    """True when ``hit`` is the date, told with its year and a year or more back, that an
    anniversary recalls ("marking the anniversary of the attacks of Sept. 11, 2001")."""
    if state.doc is None or fields.get("start") is None or not _YEAR_TOLD.search(hit.value):
        return False
    if (state.doc.moment - datetime.fromisoformat(fields["start"])).days < 365:
        return False
    return _ANNIVERSARY_OF.search(low, max(0, hit.start - 60), hit.start) is not None


def _flashback(state: _State, work: str, low: str, hit: Hit, fields: dict) -> bool:
    """True for a day told in the past perfect before the day (or time) the story is on, told
    close by ("had been muted after false alarms on Christmas Eve"): a look back."""
    ref, doc = state.narrative, state.doc
    if ref is None or doc is None or ref.granularity not in _REF_GRANULARITIES["day"]:
        return False
    if state.position - state.narrative_at > _DAY_REACH:
        return False
    if (doc.moment.date() - ref.moment.date()).days < _STORY_NIGHT_AGE:
        return False  # (from the report's own days, a day told before opens the story)
    told = Reference.of(str(fields["value"]))
    if told is None or told.granularity not in _REF_GRANULARITIES["day"]:
        return False
    if told.moment.date() >= ref.moment.date():
        return False
    start = sentence_around(work, hit.start, hit.end)[0]
    for cut in _CLAUSE_CUT.finditer(low, start, hit.start):
        start = cut.end()
    told_back = list(_PLUPERFECT.finditer(low, start, hit.start))
    if not told_back:
        return False
    last = told_back[-1]
    # ("the SUV, which had been taken the previous evening, at a gas station at 1:08 a.m. on
    # Saturday": a relative clause in the past perfect closed at its comma; the date is the
    # main clause's)
    return not (
        _RELATIVE_BEFORE.search(low, max(0, last.start() - 12), last.start())
        and "," in low[last.end() : hit.start]
    )


_RELATIVE_BEFORE = re.compile(r"\b(?:which|who|that)\s+\Z")


def _pluperfect_before_story_day(value: str, state: _State, work: str, hit: Hit) -> str | None:
    """A day of the month without a year, told in the past perfect while the story is on a day
    weeks or more before the publication, is the last such day before the story's ("walked out
    in the early hours of Monday 10 December 2012 ... its alarm had been switched off on 28
    November": 2012-11-28, not the November before the publication); else None.

    >>> state = _State(datetime(2014, 3, 7))
    >>> state.update("2012-12-10", "day")
    >>> work = "Its alarm had been switched off on 28 November."
    >>> hit = [h for h in scan(work, work.lower()) if h.rule.name == "day_of_month"][0]
    >>> state.position = hit.start
    >>> _pluperfect_before_story_day("XXXX-11-28", state, work, hit)
    '2012-11-28'
    """
    if not _MONTH_DAY_VALUE.fullmatch(value):
        return None
    low = work.lower()
    if any(name in low[hit.start : hit.end] for name in _WEEKDAY_INDEX):
        return None  # ("Friday 16 October": its weekday picks the year)
    story = _story_day_weeks_back(state)
    if story is None:
        return None
    start = sentence_around(work, hit.start, hit.end)[0]
    for cut in _CLAUSE_CUT.finditer(low, start, hit.start):
        start = cut.end()
    if _PLUPERFECT.search(low, start, hit.start) is None:
        return None
    month, day_ = int(value[5:7]), int(value[8:10])
    for year in (story.year, story.year - 1):
        if (
            day_ <= calendar.monthrange(year, month)[1]
            and (told := date(year, month, day_)) <= story
        ):
            # (a look back of weeks, not of most of a year: "had agreed on August 2" in a story
            # of a day in July is more likely the publication's August)
            return told.isoformat() if (story - told).days <= _LOOK_BACK_DAYS else None
    return None


_LOOK_BACK_DAYS = 92


# Rules of an anniversary told from today ("20 years ago today", "Fifty years ago this
# weekend"): the year they give is the one the story remembers.
_ANNIVERSARY_RULES = frozenset(
    (
        "years_ago_this_month",
        "years_ago_this_week",
        "years_ago_this_weekend",
        "years_ago_this_holiday",
        "years_ago_day",
        "years_ago_day_pod",
        "years_ago_this_pod",
        "decades_ago_day",
        "decades_ago_this_week",
        "century_ago_day",
        "half_century_ago_day",
        "quarter_century_ago_day",
    )
)
_REMEMBERED_AGE = 5  # years back an anniversary story remembers, at least
_REMEMBERED_REACH = 60  # days around the anniversary's date a remembered date falls in


def _anniversary_in(doc: Reference, year: int) -> date:
    """The publication's day of the year in the year an anniversary story remembers (28
    February for a 29th).

    >>> _anniversary_in(Reference.of("2020-02-29"), 1970)
    datetime.date(1970, 2, 28)
    """
    day = doc.moment.date()
    if day.month == 2 and day.day == 29:
        day -= timedelta(days=1)
    return day.replace(year=year)


def _remembered_weekday(value: str, state: _State, work: str, hit: Hit) -> str | None:
    """A bare weekday told in the past in a story of an anniversary, while the story is in the
    year remembered, is of the days around the story's day (else the anniversary's date in that
    year): the one up to three days after it, or up to three before; with "by" or "until", the
    first on or after it ("By Wednesday, the carriers were back"). Not a day of the report's own
    week said ("she said Tuesday"), nor "that Sunday" (a rule of its own). Else None.

    >>> state = _State(datetime(2023, 6, 25))
    >>> state.anniversary_year = 2013
    >>> state.update("2013-06-19", "day")
    >>> work = "The water rose on Friday."
    >>> hit = [h for h in scan(work, work.lower()) if h.rule.name == "weekday"][0]
    >>> state.position = hit.start
    >>> _remembered_weekday("XXXX-WXX-5", state, work, hit)
    '2013-06-21'
    """
    year, doc, ref = state.anniversary_year, state.doc, state.narrative
    if year is None or doc is None or ref is None or doc.moment.year - year < _REMEMBERED_AGE:
        return None
    if not _WEEKDAY_VALUE.match(value) or ref.moment.year != year:
        return None
    if hit.rule.name not in ("weekday", "clock_weekday", "weekday_pod"):
        return None  # ("that Sunday", "the Monday" have their own reading of the story)
    if _FRONTED_ON.search(work, max(0, hit.start - 6), hit.start):
        return None  # "On Monday the paper asked readers ...": a new scene, of the report's days
    if state.position - state.narrative_at > _STORY_MONTH_REACH:
        return None
    if tense_at(work, hit.start, hit.end) != "past":
        return None
    low = work.lower()
    if _SAID_NEAR.search(low, max(0, hit.start - 16), hit.start) or _SAID_NEAR.match(low, hit.end):
        return None  # ("she said Tuesday", "on Tuesday, he said"): the report's own day
    if ref.granularity in _REF_GRANULARITIES["day"]:
        base = ref.moment.date()  # the story's day, told
    else:
        base = _anniversary_in(doc, year)
    shift = (int(value[9]) - base.isoweekday()) % 7
    if _BY_UNTIL.search(low, max(0, hit.start - 8), hit.start) or shift <= 3:
        day = base + timedelta(days=shift)
    else:
        day = base - timedelta(days=7 - shift)
    return day.isoformat() + value[10:]


_SAID_NEAR = re.compile(
    r"\b(?:said|says|told|added)\s+(?:on\s+)?\Z|,?\s+(?:he|she|they|it)\s+said\b"
)
_BY_UNTIL = re.compile(r"\b(?:by|until|till)\s+\Z")
_FRONTED_ON = re.compile(r"(?:\A|[.!?]\s+|\n\s*)On\s+\Z")


def _remembered_date(value: str, state: _State, work: str, hit: Hit) -> str | None:
    """A month, or a day of the month, without a year, told in the past in a story of an
    anniversary ("Fifty years ago this weekend, the river peaked ... The water came into Lachlan
    Street late on Friday, September 6") is of the year remembered when it falls within two
    months of the anniversary's date; else None."""
    year, doc = state.anniversary_year, state.doc
    if year is None or doc is None or doc.moment.year - year < _REMEMBERED_AGE:
        return None  # ("a year ago this week" compares; it tells no story of its own)
    if not (_MONTH_DAY_VALUE.fullmatch(value) or _MONTH_ONLY.fullmatch(value)):
        return None
    ref = state.narrative
    if (
        ref is None
        or not year - 1 <= ref.moment.year <= year
        or state.position - state.narrative_at > _STORY_MONTH_REACH
    ):
        # the story is back in the present ("The council voted on March 3"); the year before
        # the one remembered is its back story ("had cut 40 jobs in 1986")
        return None
    low = work.lower()
    if any(name in low[hit.start : hit.end] for name in _WEEKDAY_INDEX):
        return None  # ("Monday, Aug. 12": its weekday picks the year)
    month, day_ = int(value[5:7]), int(value[8:10]) if len(value) > 7 else 15
    if day_ > calendar.monthrange(year, month)[1]:
        return None
    if abs((date(year, month, day_) - _anniversary_in(doc, year)).days) > _REMEMBERED_REACH:
        return None
    if tense_at(work, hit.start, hit.end) != "past":
        return None
    return f"{year:04d}{value[4:]}"


def _labels_story_year(hit: Hit, value: str, state: _State, low: str) -> bool:
    """True for a year that labels a noun ("the 2018 Annual Meeting", "a 2011 phone call") in
    the year of the day the story is on: the story stays on its day."""
    ref = state.narrative
    return (
        hit.rule.name == "year"
        and ref is not None
        and ref.granularity in _REF_GRANULARITIES["day"]
        and value == f"{ref.moment.year:04d}"
        and _ATTRIBUTIVE_YEAR.search(low, max(0, hit.start - 8), hit.start) is not None
    )


_ATTRIBUTIVE_YEAR = re.compile(r"\b(?:the|a|an|its|his|her|their|our)\s+\Z")


_WEEKDAY_TOLD_REACH = 3000


_THE_WEEKDAY = re.compile(r"\bthe\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day\b")


def _recent_day(state: _State, ref: Reference) -> bool:
    """True when ``ref`` lies within two weeks before or any time after the publication."""
    return (
        state.doc is not None
        and (state.doc.moment.date() - ref.moment.date()).days < _STORY_NIGHT_AGE
    )


def _day_of_weekday_told(state: _State, phrase: str) -> Reference | None:
    """The last day (or finer) told in the text that falls on the weekday ``phrase`` names
    ("that Sunday"), within reach; else None."""
    names = [i for name, i in _WEEKDAY_INDEX.items() if name in phrase]
    if not names:
        return None
    # In a report on a day long past, a day of the report's own week ("she said on Thursday")
    # is no day of the story: "held on the Thursday afternoon" is the story's Thursday ("that
    # Thursday" may be either).
    old = _old_story_day(state, latest=True) if _THE_WEEKDAY.search(phrase) else None
    for start, _, ref in reversed(state.dated):
        if state.position - start > _WEEKDAY_TOLD_REACH:
            return None
        if (
            ref.granularity in _REF_GRANULARITIES["day"]
            and ref.moment.weekday() == names[0]
            and (state.doc is None or ref.moment.date() != state.doc.moment.date())
            and not (old is not None and _recent_day(state, ref))
        ):
            # (not the publication's own day, told in a stamp or dateline: "Posted Sat 11 Aug
            # 2018 ... arrived at 11:52pm on the Saturday" is a Saturday of the story)
            return Reference.of(ref.moment.date().isoformat())
    return None


def _move_story(hit: Hit, state: _State, work: str, low: str, offset: int) -> None:
    """Move the story on to the date ``hit`` names, as its own mention would."""
    fields = _resolve(hit, state, work, low, None)
    ref = Reference.of(fields["value"]) if fields["start"] is not None else None
    if ref is not None and hit.rule.update:
        state.update(fields["value"], fields["granularity"])
        state.dated.append((offset + hit.start, offset + hit.end, ref))


def _behind_of_future(state: _State, work: str, hit: Hit) -> bool:
    """True when the narrative day lies before the publication day while the clause around
    ``hit`` looks ahead: a clock time still to come is not on a day gone by."""
    ref, doc = state.narrative, state.doc
    if ref is None or doc is None or ref.granularity not in _REF_GRANULARITIES["day"]:
        return False
    if ref.moment.date() >= doc.moment.date():
        return False
    # only a plain future: "scheduled for 7:45 p.m." or "open until 9 p.m." may be told of
    # a day gone by
    return firm_future(work, hit.start)


# A price of the market told in the sentence of a clock time: the time is of the trading day
# the report is written on, whatever day the story told before it.
_MARKET = re.compile(
    r"\b(?:shares?|stocks?|index|indexes|indices|futures|yields?|bonds?|dollar|euro|yen|sterling|"
    r"ticker|trading|traded|trades)\b"
)
_MOVE = re.compile(
    r"(?:\b(?:up|down|rose|fell|gained|lost|jumped|slid|dropped|climbed|stood|opened|closed|was\s+at|"
    r"were\s+at)\b|[0-9]%|\bper\s*cent\b|\$[0-9])"
)


def _stale(state: _State) -> bool:
    """True when the narrative day is not one of the few trading days before publication (a
    report of yesterday's session keeps its day)."""
    ref, doc = state.narrative, state.doc
    if ref is None or doc is None:
        return False
    days = (doc.moment.date() - ref.moment.date()).days
    return days < 0 or days > _SESSION_DAYS


_SESSION_DAYS = 4


def _market_clock(work: str, low: str, hit: Hit) -> bool:
    """True for a clock time told with a market price in its sentence and no day named there
    ("Nordhaven's shares were up 6.2% at 1045 GMT", "stood at $30.60 at 1:30 p.m.")."""
    a, b = sentence_around(work, hit.start, hit.end)
    return (
        _MARKET.search(low, a, b) is not None
        and _MOVE.search(low, a, b) is not None
        and _SPECIFIC_DAY.search(low, a, b) is None
    )


def _now_again(state: _State, work: str, hit: Hit) -> bool:
    """True when the narrative day lies before the publication day and a whole sentence told
    in the present stands between it and ``hit``: the story has come back to now ("Parliament
    was dissolved on Sept. 11. Every polling station is open for 12 hours ... Atlantic time:
    8:30 a.m. to 8:30 p.m.")."""
    ref, doc = state.narrative, state.doc
    if ref is None or doc is None or ref.moment.date() >= doc.moment.date():
        return False
    start = max(0, state.narrative_at - (state.position - hit.start))
    sentence_start, _ = sentence_around(work, hit.start, hit.end)
    first = _SENTENCE_END.search(work, start, sentence_start)
    if first is None:
        return False
    between = work[first.end() : sentence_start]
    return bool(_NOW_VERB.search(between)) and not _PAST_VERB.search(between)


_NOW_VERB = re.compile(r"\b(?:is|are|opens|open|closes|close|remains|stays|runs|depends?)\b")
_PAST_VERB = re.compile(r"\b(?:was|were|had|did|said)\b|\b[a-z]{3,}ed\b")


def _ahead_of_past(state: _State, work: str, hit: Hit) -> bool:
    """True when the narrative day lies after the publication day while the clause around
    ``hit`` is told in the past: a clock time told as done is not on a day still to come."""
    ref, doc = state.narrative, state.doc
    if ref is None or doc is None or ref.moment.date() <= doc.moment.date():
        return False
    start, _ = sentence_around(work, hit.start, hit.end)
    at = state.narrative_at - (state.position - hit.start)  # where the day was told, in work
    if at >= start and _FUTURE_MODAL.search(work, start, hit.start):
        # "will attend a service at 10.30am on Tuesday, followed by ... a flypast at about
        # 3.30pm": a participle inside a sentence told ahead, on that day
        return False
    return tense_at(work, hit.start, hit.end) == "past"


_FUTURE_MODAL = re.compile(
    r"\b(?:will|shall|is\s+to|are\s+to|is\s+due\s+to|are\s+due\s+to)\b|['’]ll\b"
)


_SEASON_VALUE = re.compile(r"XXXX-(?:SP|SU|FA|WI)$")


def _this_season(value: str, ref: Reference, work: str, hit: Hit) -> str:
    """The direction for "this winter": the season under way if any, else the one the tense
    points to ("had spread more grit this winter" at the end of March is the winter just over;
    "will open this summer", the coming one), else the one of the reference's year."""
    current = resolve_partial(value, ref, "this", _setup()[0].holidays)
    span = interval(current) if current else None
    if span is not None and span.start <= ref.moment < span.end:
        return "this"
    tense = tense_at(work, hit.start, hit.end)
    if tense != "future" and _season_just_over(value, ref):
        # "This winter has been mild", said in March or April: the winter just over (blind
        # sets: 29 of 30 in March and April), not the next one
        return "last"
    if tense == "past":
        # told in the past, the season just over ("had spread more grit this winter" at the
        # end of March); one long over is not "this" one ("repairs had been scheduled for this
        # summer", "feared for this summer" in March: the coming summer)
        last = resolve_partial(value, ref, "last", _setup()[0].holidays)
        over = interval(last) if last else None
        if over is not None and ref.moment - over.end > _SEASON_JUST_OVER:
            return "this"
    return {"past": "last", "future": "next"}.get(tense or "", "this")


_SEASON_JUST_OVER = timedelta(days=62)
_SEASON_STILL_THIS = timedelta(days=31)  # a season this recent is still "this" one, not "last"


def _season_just_over(value: str, ref: Reference, within: timedelta = _SEASON_JUST_OVER) -> bool:
    """Whether the latest such season ended less than ``within`` (two months) before ``ref``.

    >>> _season_just_over("XXXX-WI", Reference.of("2013-03-13"))
    True
    """
    last = resolve_partial(value, ref, "last", _setup()[0].holidays)
    over = interval(last) if last else None
    return over is not None and timedelta(0) <= ref.moment - over.end <= within


_MONTH_DAY_TIME = re.compile(r"XXXX-(\d\d)-(\d\d)(?=T|$)")  # "midnight on Sunday, July 10" too
# A date's gloss that names its weekday: "Nov. 30, the Sunday after Thanksgiving", "a Tuesday"
_GLOSSED_WEEKDAY = re.compile(
    r",\s+(?:the|a)\s+(?:(?:last|first|final|second|third|fourth)\s+)?"
    r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b(?!\s*'s)"
)
_MONTH_DAY_VALUE = re.compile(r"XXXX-\d\d-\d\d(?:T|$)")


_STORY_YEARS_BACK = 120  # years: how far back a story's year can date a weekday's date


def _weekday_date_in_story_year(value: str, weekday: int, state: _State) -> str | None:
    """``value`` ("XXXX-07-11TEV") in the year of the story told last, when that year is not
    the publication's and the date falls there on ``weekday`` (ISO); else None.

    >>> state = _State(datetime(2018, 7, 16))
    >>> state.narrative = Reference.of("2008-07-12")
    >>> _weekday_date_in_story_year("XXXX-07-11TEV", 5, state)
    '2008-07-11TEV'
    """
    story = state.narrative
    if story is None or state.doc is None:
        return None
    if not 0 < state.doc.moment.year - story.moment.year <= _STORY_YEARS_BACK:
        return None  # (a story of the Middle Ages, or of a year to come, is not one told back)
    if GRANULARITY_RANK.get(story.granularity, 99) > GRANULARITY_RANK["year"]:
        return None

    def agrees(year: int) -> bool:
        try:
            return date.fromisoformat(f"{year:04d}{value[4:10]}").isoweekday() == weekday
        except ValueError:
            return False

    now = state.doc.moment.year
    if any(agrees(year) for year in range(now - 2, now + 3)):
        return None  # ("Tuesday, April 9" in 2013 is that year's, whatever the story's year)
    year = story.moment.year
    return f"{year:04d}{value[4:]}" if agrees(year) else None


def _glossed_weekday(low: str, hit: Hit) -> int | None:
    """The ISO weekday a gloss right after the hit names ("Nov. 30, the Sunday after
    Thanksgiving", "Dec. 20, the last Sunday before Christmas"), else None.

    >>> low = "on nov. 30, the sunday after thanksgiving"
    >>> _glossed_weekday(low, scan("on Nov. 30", "on nov. 30")[0])
    7
    """
    m = _GLOSSED_WEEKDAY.match(low, hit.end)
    return None if m is None else _WEEKDAY_INDEX[m[1]] + 1


_DAY_TOLD = re.compile(r"XXXX-(?:\d\d|XX)-\d\d(?=T|$)")  # ... and "Tuesday the 21st"


_WEEKDAY_VALUE = re.compile(r"XXXX-WXX-([1-7])")
# A preposition or noun of a deadline right before a day ("until", "by noon on", "a deadline
# of", "set to expire at").
_DEADLINE_WORDS = re.compile(
    r"\b(?:until|till|by|before|through|deadline\s+of|expires?\s+at|expire\s+at)\s+"
    r"(?:about\s+|around\s+)?\Z",
    re.I,
)
_RANGE_FROM = re.compile(r"\bfrom\b[^.;:]*\Z", re.I)
_DONE_BY = re.compile(
    r"\b(?:not|never)\b|n['’]t\b|\bhad\s+(?!until\b|till\b|been\s+(?:set|scheduled|due)\b)[a-z]+(?:ed|en|t)\b",
    re.I,
)
# What a deadline "by" a day is aimed at: something to do, hoped, asked, needed or forecast.
_AIMED = re.compile(
    r"\b(?:to|unless|if|needs?|needed|hoped?|hopes|expected|expects?|possibly|asked|asking|"
    r"ordered|told|must|should|would|could|will|likely|forecast|deadline|promised?|placed)\b",
    re.I,
)
_HAD_AFTER = re.compile(r"[^.;:]*?\bhad\b", re.I)
# A deadline told in the past that falls this many days or more before the publication day is
# the coming one (dev sets: 27 of 32 ahead at 5-6 days back; 4 of 10 at 4 days).
_STALE_DEADLINE_DAYS = 5
# "until" and "through" after an order, a warning or a choice ("declared a holiday until",
# "issued an alert ... until", "chose to stay out until", "had until") set how long something
# lasts from when it was set, mostly still ahead: from three days back (dev sets 11 of 12 at
# 3-4 days); "stayed in the capital until Sunday" tells what was done.
_STALE_UNTIL_DAYS = 3
_UNTIL_WORD = re.compile(r"until|till|through", re.I)
_SET_UNTIL = re.compile(
    r"\b(?:declared?|declares|ordered|orders?|issued|issues|imposed|imposes|closed|closing|"
    r"closes|suspended|suspends|extended|extends|reserved|reserves|warned|warns|alerts?|"
    r"warnings?|advisory|ban|chose|decided|postponed|adjourned|will|would|remains?|had)\b",
    re.I,
)


# A bare weekday the past would put six days back ("schools canceled classes on Monday and
# Tuesday", told on a Sunday) is mostly the coming one: dev sets 52 of 71 ahead (at five days
# back 47 of 122, at four 22 of 185); told in a plain past with no sign of a plan, 8 of 18.
_WEEK_OLD_DAYS = 6
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:last\s+)?\Z", re.I)
_DONE_ON = re.compile(
    r"\b(?:[a-z]+ed|said|told|met|held|had|put|went|began|took|made|won|lost|was|were|"
    r"between)\s+(?:on\s+)?\Z|\bon\s+the\s+market\s+\Z",
    re.I,
)


def _week_old_weekday(chosen: str, value: str, state: _State, work: str, hit: Hit) -> bool:
    """Whether a bare weekday was put six days before the publication day, with nothing that
    ties it to the past ("since Saturday", "last Sunday").

    >>> state = _State(datetime(2014, 2, 9))
    >>> work = "Schools canceled classes on Monday."
    >>> hit = scan(work, work.lower())[0]
    >>> _week_old_weekday("2014-02-03", "XXXX-WXX-1", state, work, hit)
    True
    """
    if state.doc is None or not re.fullmatch(r"XXXX-WXX-[1-7](?:T[0-9A-Z:]+)?", value):
        return False
    if work.startswith(("last", "Last"), hit.start):
        return False
    if _SINCE_BEFORE.search(work, max(0, hit.start - 12), hit.start):
        return False  # "in custody since Saturday": a span up to now
    if _DONE_ON.search(work, max(0, hit.start - 30), hit.start):
        # "a cease-fire signed on Sunday", "data published on Friday", "said Wednesday that",
        # "between Monday and Friday": a past verb (or a span) right before the day
        return False
    span = interval(chosen)
    if span is None or (state.doc.moment.date() - span.start.date()).days != _WEEK_OLD_DAYS:
        return False
    start, _ = sentence_around(work, hit.start, hit.end)
    # a plain past ("set off twin bombs Monday", "the Senate voted on the measure Thursday")
    # keeps it; an announcement, a plan or a modal ("canceled classes on Monday", "flights
    # for Wednesday", "could be announced Sunday") or no past at all looks ahead
    return (
        (
            tense_at(work, hit.start, hit.end) != "past"
            # (a past verb before it tells it: "a car swept off the road Monday night remains
            # missing")
            and tense_at(work[: hit.end], hit.start, hit.end) != "past"
        )
        or _AHEAD_CUE.search(work, start, hit.start) is not None
        or _FOR_FROM.search(work, max(0, hit.start - 12), hit.start) is not None
    )


def _yesterday_told_ahead(chosen: str, value: str, state: _State, work: str, hit: Hit) -> bool:
    """Whether a weekday put six days ahead (the day before the publication's weekday) follows
    a past verb or "late" in a clause with no word of the future before it: then it is the
    day before (dev sets 17 of 20 such).

    >>> state = _State(datetime(2013, 5, 8))
    >>> work = "Harwick reported a rise in profit late on Tuesday."
    >>> hit = scan(work, work.lower())[0]
    >>> _yesterday_told_ahead("2013-05-14", "XXXX-WXX-2", state, work, hit)
    True
    """
    if state.doc is None or not re.fullmatch(r"XXXX-WXX-[1-7](?:T[0-9A-Z:]+)?", value):
        return False
    span = interval(chosen)
    if span is None or (span.start.date() - state.doc.moment.date()).days != _WEEK_OLD_DAYS:
        return False
    start, _ = sentence_around(work, hit.start, hit.end)
    if _FUTURE_WORD.search(work, start, hit.start):
        return False  # (a deadline: "hope to have the fire contained by Monday")
    late = work[hit.start : hit.start + 5].lower() in ("late ", "early") or bool(
        _LATE_BEFORE.search(work, max(0, hit.start - 12), hit.start)
    )
    return late or bool(_PAST_VERB_BEFORE.search(work, max(start, hit.start - 60), hit.start))


_FUTURE_WORD = re.compile(
    r"\b(?:will|would|shall|going\s+to|expected|planned|scheduled|set\s+to|due|hopes?|hoping|"
    r"aims?|plans?|intends?|wants?|needs?\s+to|ha(?:s|ve)\s+to|got\s+to)\b|['’]ll\b|"
    r"\b(?:by|until|till|before)\s+\Z",
    re.I,
)
_PAST_VERB_BEFORE = re.compile(
    r"\b(?:[a-z]+ed|said|told|met|held|had|put|went|began|took|made|won|lost|was|were|shut|"
    r"seen|forecast|blocked)\b(?:\s+[a-z'’]+){0,6}\s+(?:on\s+|at\s+)?(?:late\s+|early\s+)?"
    r"(?:on\s+)?\Z",
    re.I,
)


_AHEAD_CUE = re.compile(
    r"\b(?:cancell?ed|cancel|closed?|closing|declared?|postponed|suspended|scheduled|booked|"
    r"sold|designated|issued|ordered|due|set\s+(?:for|to)|planned|expected|will|would|could|"
    r"may|might|should|must|can|shall|until|till|through)\b",
    re.I,
)
_FOR_FROM = re.compile(r"\b(?:for|from)\s+(?:on\s+)?\Z", re.I)


def _stale_deadline(chosen: str, value: str, state: _State, work: str, hit: Hit) -> bool:
    """Whether a weekday after a deadline word was put five or more days before the
    publication day ("was in effect until noon Monday", "had until 5 p.m. Tuesday").

    >>> state = _State(datetime(2013, 4, 7))
    >>> work = "A warning was in effect until noon Monday."
    >>> hit = scan(work, work.lower())[0]
    >>> _stale_deadline("2013-04-01T12:00", "XXXX-WXX-1T12:00", state, work, hit)
    True
    """
    if state.doc is None or not _WEEKDAY_VALUE.match(value) or work.startswith("last", hit.start):
        return False
    deadline = _DEADLINE_WORDS.search(work, max(0, hit.start - 30), hit.start)
    if deadline is None or _RANGE_FROM.search(
        work, max(0, deadline.start() - 40), deadline.start()
    ):
        return False  # "closed from March 16 until Thursday": a span told from its start
    start, end = sentence_around(work, hit.start, hit.end)
    if (
        _DONE_BY.search(work, start, deadline.start())
        or _HAD_AFTER.match(work, hit.end, min(end, hit.end + 60))
        or work[start : deadline.start()].strip() == ""
    ):
        # "had worked at her desk until Sunday", "didn't know until Wednesday", "By noon
        # Thursday, customers had asked": what was done by then, looked back on
        return False
    if deadline.group().lower().startswith("by") and not _AIMED.search(work, start, end):
        return False  # "the ferries were running again by Monday": done by then
    span = interval(chosen)
    if span is None:
        return False
    days = _STALE_DEADLINE_DAYS
    if _UNTIL_WORD.match(deadline.group()) and _SET_UNTIL.search(work, start, deadline.start()):
        days = _STALE_UNTIL_DAYS
    return (state.doc.moment.date() - span.start.date()).days >= days


# How far back (characters) a day named before still fixes which week a bare weekday is in.
_TOLD_WEEKDAY_REACH = 1500


_GLOSS_AROUND = re.compile(
    r",\s+(?:(?:the|a|one|two|three|four|five|six)\s+(?:days?|nights?|weekend|week)\s+"
    r"(?:after|before|following)|the\s+(?:eve|day\s+before)\s+of)\s+(?:the\s+)?\Z",
    re.I,
)
# A holiday set off after a date as the time around it: "on Saturday August 29 last year, during
# the August bank holiday weekend", "March 3, the first day of Ramadan"
_HOLIDAY_GLOSS = re.compile(
    r",\s+(?:(?:at\s+)?the\s+(?:start|end|beginning|first\s+day|last\s+day|second\s+day|"
    r"third\s+day|final\s+day)\s+of|during|over)\s+(?:the\s+)?\Z",
    re.I,
)
_EVE_OF = re.compile(r"\beve\s+of\s+(?:the\s+)?\Z")
_ON_THE_DAY = re.compile(
    r"\s+(?:(?:this\s+year\s+)?(?:falls|fell|comes|came|is|was)\s+)?on\s+\Z|,\s+(?:on\s+)?\Z"
)


def _weekday_of_date_before(value: str, state: _State, work: str, hit: Hit) -> Reference | None:
    """The day a weekday told right after a date is, when that date falls on it ("no pickup on
    Christmas Day, Wednesday", "home by Mother's Day, Sunday", "Eid al-Adha on Tuesday"); else
    None. (The weekday agreeing with the date is the test: the date before may be a holiday's.)"""
    if not state.dated or state.doc is None:
        return None
    _, end, ref = state.dated[-1]
    offset = state.position - hit.start
    if end - offset < 0 or not _ON_THE_DAY.fullmatch(work, end - offset, hit.start):
        return None
    m = _WEEKDAY_VALUE.match(value)
    if m is None or ref.granularity not in _REF_GRANULARITIES["day"]:
        return None
    if ref.moment.isoweekday() != int(m.group(1)):
        return None
    return Reference.of(ref.moment.date().isoformat())


def _holiday_in_year(value: str, year: int) -> date | None:
    """The day in ``year`` of the holiday a value names, movable ("XXXX-#labor day") or of a
    fixed date ("XXXX-11-05", Bonfire Night); None when it has none that year.

    >>> _holiday_in_year("XXXX-#labor day", 2017), _holiday_in_year("XXXX-02-29", 2017)
    (datetime.date(2017, 9, 4), None)
    """
    spec = _holiday_spec(value)
    if spec is not None:
        return holiday_date(spec, year)
    fixed = _MONTH_DAY_TIME.match(value)
    if fixed is None:
        return None
    try:
        return date(year, int(fixed.group(1)), int(fixed.group(2)))
    except ValueError:  # Feb 29 of a common year
        return None


def _on_day(value: str, day: date | None) -> str | None:
    """``day`` with the part of the day or clock time ``value`` carries ("Christmas morning" on
    a given Christmas: "2014-12-25TMO"); None without a day.

    >>> _on_day("XXXX-#christmasTMO", date(2014, 12, 25)), _on_day("XXXX-12-25", None)
    ('2014-12-25TMO', None)
    """
    if day is None:
        return None
    _, t, clock = value.partition("T")
    return day.isoformat() + t + clock


def _holiday_of_date_before(value: str, state: _State, work: str, hit: Hit) -> str | None:
    """The day a holiday told right after a date is, when that date is the holiday's in its
    year ("on April 17, 2011, Palm Sunday"); else None.

    >>> state = _State(datetime(2013, 3, 22))
    >>> state.position = 16
    >>> state.dated.append((0, 14, Reference.of("2011-04-17")))
    >>> work = "April 17, 2011, Palm Sunday"
    >>> _holiday_of_date_before("XXXX-#palm sunday", state, work, scan(work, work.lower())[-1])
    '2011-04-17'
    """
    fixed = _MONTH_DAY_TIME.match(value)  # a holiday of a fixed date ("Bonfire Night")
    if not state.dated or ("#" not in value and fixed is None):
        return None
    _, end, ref = state.dated[-1]
    offset = state.position - hit.start
    if ref.granularity not in _REF_GRANULARITIES["day"] or end - offset < 0:
        return None
    day = ref.moment.date()
    spec = _holiday_spec(value) if fixed is None else None
    if spec is None and fixed is None:
        return None
    if _ON_THE_DAY.fullmatch(work, end - offset, hit.start):
        if spec is not None and holiday_date(spec, day.year) != day:
            return None
        if fixed is not None and day.strftime("%m-%d") != value[5:10]:
            return None  # ("Forty years ago on Monday, on Waitangi Day": February 6 that year)
    elif _GLOSS_AROUND.fullmatch(work, end - offset, hit.start) or _HOLIDAY_GLOSS.fullmatch(
        work, end - offset, hit.start
    ):
        # "at 7.42pm on Saturday 6 November 2010, the day after Bonfire Night": the holiday
        # of that date's year, when it falls within a week of it
        near = _holiday_in_year(value, day.year)
        if near is None or abs(near - day) > timedelta(days=7):
            return None
        day = near
    else:
        return None
    return _on_day(value, day)  # ("Christmas morning": its part of the day too)


# "markets are shut Monday for Labor Day", "closed on Thursday for Independence Day"
_FOR_HOLIDAY = re.compile(r"\s+(?:for|because\s+of|to\s+mark|in\s+observance\s+of)\s+")
# ... or a holiday set off after the weekday: "On Wednesday, New Year's Day, the cover starts"
_HOLIDAY_SET_OFF = re.compile(r"\s*,\s*(?=[A-Z])")
_HOLIDAY_NEAR = 7  # days: how far from the publication the holiday a weekday is shut for lies


def _weekday_of_holiday_after(
    value: str, state: _State, work: str, low: str, hit: Hit
) -> Reference | None:
    """The day a weekday is, when the holiday it is named for ("U.S. markets shut Monday for
    Labor Day") falls on it within a week of the publication; else None.

    >>> state = _State(datetime(2017, 9, 1))
    >>> work = "U.S. markets shut Monday for Labor Day."
    >>> hit = scan(work, work.lower())[0]
    >>> state.position = hit.start
    >>> _weekday_of_holiday_after("XXXX-WXX-1", state, work, work.lower(), hit).value
    '2017-09-04'
    """
    m = _WEEKDAY_VALUE.match(value)
    after = _FOR_HOLIDAY.match(low, hit.end)
    if after is None and "the " not in low[hit.start : hit.end]:
        # ("at 3pm on the Monday, Queen's Birthday" is a Monday of the story, of any year)
        after = _HOLIDAY_SET_OFF.match(work, hit.end)
    if m is None or after is None or state.doc is None:
        return None
    a, b = after.end(), min(len(work), after.end() + 60)
    inner = scan(work[a:b], low[a:b])
    if not inner or inner[0].start != 0 or not inner[0].rule.name.startswith("holiday"):
        return None
    named = _thanksgiving_of(inner[0].value, state)
    today = state.doc.moment.date()
    for year in (today.year - 1, today.year, today.year + 1):
        if "#" in named:
            spec = _holiday_spec(named)
            day = holiday_date(spec, year) if spec else None
        else:
            fixed = re.fullmatch(r"XXXX-(\d\d)-(\d\d)", named)
            day = date(year, int(fixed[1]), int(fixed[2])) if fixed else None
        if (
            day is not None
            and day.isoweekday() == int(m.group(1))
            and abs((day - today).days) <= _HOLIDAY_NEAR
        ):
            return Reference.of(day.isoformat())
    return None


def _told_weekday(value: str, direction: str, state: _State) -> Reference | None:
    """The day a bare weekday already named in the story is ("washed out on Sunday night ...
    Tickets bought for Sunday's match will be valid": the same Sunday), when the text named
    that weekday's date within the week around the publication day; else None."""
    m = _WEEKDAY_VALUE.match(value)
    if m is None or state.doc is None or direction in ("last", "next", "this"):
        return None
    weekday = int(m.group(1))
    today = state.doc.moment.date()
    for start, _, ref in reversed(state.dated):
        if state.position - start > _TOLD_WEEKDAY_REACH:
            return None
        if ref.granularity not in _REF_GRANULARITIES["day"]:
            continue
        day = ref.moment.date()
        if day.isoweekday() == weekday and abs((day - today).days) < 7 and day != today:
            return Reference.of(day.isoformat())
    return None


# A story of a day some months gone: how far back its day lies, and how soon after it a date
# told in the past may come to be the story's next step rather than the latest such date.
_SEQUEL_AGE = timedelta(days=90)
_SEQUEL_REACH = timedelta(days=120)
_SEQUEL_BEFORE = 7  # days: how far before the story's day such a date may still lie
_SEQUEL_VALUE = re.compile(r"XXXX-(?:\d\d-\d\d(?=T|$)|#)")
_SEQUEL_RECENT = timedelta(days=31)  # a date this recent is the news's own


def _story_sequel(value: str, state: _State, work: str, hit: Hit) -> str | None:
    """A date without a year told in the past, in a story of a day months gone, is the story's
    next such date, when that comes within four months of the story's day ("left port on
    Wednesday, December 20th, 2017 ... The search went on through Christmas Day ... recovered on
    January 3rd", told in March 2019: 2017-12-25 and 2018-01-03); else None.

    >>> state = _State(datetime(2019, 3, 7))
    >>> work = "The search went on through Christmas Day."
    >>> state.update("2017-12-20T23:58", "minute")
    >>> hit = scan(work, work.lower())[-1]
    >>> state.position = state.narrative_at + 40
    >>> _story_sequel(hit.value, state, work, hit)
    '2017-12-25'
    """
    ref, doc = state.narrative, state.doc
    if ref is None or doc is None or not _SEQUEL_VALUE.match(value):
        return None
    if ref.granularity not in _REF_GRANULARITIES["day"] or ("T" in value and "#" in value):
        return None  # (a holiday's part of the day, "Christmas morning", has its own reading)
    if state.position - state.narrative_at > _STORY_REACH or doc.moment - ref.moment < _SEQUEL_AGE:
        return None
    if hit.rule.dir in _TOLD_DIRECTIONS or tense_at(work, hit.start, hit.end) != "past":
        return None  # ("last Christmas" is told from now)
    holidays = _setup()[0].holidays
    latest = resolve_partial(value, doc, "past", holidays, hit.weekday)
    told = interval(latest) if latest is not None else None
    if told is not None and doc.moment - told.start <= _SEQUEL_RECENT:
        return None  # "The report, released on 14 May": the news of the last weeks
    day = Reference.of(ref.moment.date().isoformat())
    chosen = resolve_partial(value, day, "nearest", holidays, hit.weekday)
    span = interval(chosen) if chosen is not None else None
    if span is None or span.start.date() < ref.moment.date() - timedelta(days=_SEQUEL_BEFORE):
        return None  # ("the day after Bonfire Night" after the day after it)
    if span.start - ref.moment > _SEQUEL_REACH or span.end > doc.moment:
        return None
    return chosen


_TOLD_SINCE_REACH = 600  # characters back a day of the report's week still sets the narrative


def _story_weekday(value: str, hit: Hit, state: _State, work: str) -> str | None:
    """ "Tuesday, April 9" in a story told of 1912: the story's year when that date falls on that
    weekday there (one chance in seven by accident), else None.

    """
    ref = state.narrative
    m = _MONTH_DAY_TIME.match(value)
    if hit.weekday is None or m is None or ref is None or state.doc is None:
        return None
    if (
        ref.moment.year == state.doc.moment.year
        and state.position - state.narrative_at <= _TOLD_SINCE_REACH
        and tense_at(work, hit.start, hit.end) == "past"
    ):
        # a day of the report's own week told since ("You'll be fired by Friday") leaves the
        # story where it was: the last day of an old story told
        back = _old_story_day(state, latest=True)
        if back is not None and back.moment.year != state.doc.moment.year:
            ref = back
    if (
        state.position - state.narrative_at > _STORY_REACH
        or ref.moment.year == state.doc.moment.year
    ):
        return None
    try:
        day = date(ref.moment.year, int(m.group(1)), int(m.group(2)))
    except ValueError:
        return None
    if day.isoweekday() != hit.weekday or tense_at(work, hit.start, hit.end) == "future":
        return None  # "It closes on Tuesday, April 9" looks ahead, whatever the story's year
    past = tense_at(work, hit.start, hit.end) == "past"
    for year in (state.doc.moment.year - 1, state.doc.moment.year):
        try:
            recent = date(year, day.month, day.day)
        except ValueError:
            continue
        if recent.isoweekday() == hit.weekday and not (past and recent > state.doc.moment.date()):
            # it falls so in the publication's own year too ("began in 1994 ... That changed
            # on the night of Saturday, May 14" of 2016), and the tense allows it
            return None
    return day.isoformat() + value[10:]


def _story_day_weeks_back(state: _State) -> date | None:
    """The day the story is on, when it is a day (or finer) named within ``_DAY_REACH`` and at
    least ``_STORY_NIGHT_AGE`` days before the publication; else None.

    >>> state = _State(datetime(2024, 1, 24))
    >>> state.update("2022-06-20", "day")
    >>> _story_day_weeks_back(state)
    datetime.date(2022, 6, 20)
    """
    ref, doc = state.narrative, state.doc
    if ref is None or doc is None or ref.granularity not in _REF_GRANULARITIES["day"]:
        return None
    if state.position - state.narrative_at > _DAY_REACH:
        return None
    story = ref.moment.date()
    return story if (doc.moment.date() - story).days >= _STORY_NIGHT_AGE else None


def _story_weekend(value: str, state: _State, work: str, hit: Hit) -> str | None:
    """ "the weekend" or "that weekend", told in the past while the story is on a day weeks or
    more before the publication, is the weekend next to that day: the one before a Monday to
    Wednesday, the one after a Thursday or Friday, its own for a Saturday or Sunday ("Service
    returned at 5:50 a.m. on Monday, June 20. Customers were stranded through the weekend");
    else None.

    >>> state = _State(datetime(2024, 1, 24))
    >>> state.update("2022-06-20", "day")
    >>> work = "Customers were stranded through the weekend."
    >>> hit = [h for h in scan(work, work.lower()) if h.rule.name == "weekend"][0]
    >>> state.position = hit.start
    >>> _story_weekend("XXXX-WXX-WE", state, work, hit)
    '2022-W24-WE'
    """
    if value != "XXXX-WXX-WE":
        return None
    if not work[hit.start : hit.start + 5].lower().startswith(("the ", "that ")):
        return None  # ("this weekend", "next weekend" are told from today)
    story = _story_day_weeks_back(state)
    if story is None:
        return None
    if tense_at(work, hit.start, hit.end) != "past":
        return None
    weekday = story.weekday()
    saturday = (
        story + timedelta(days=5 - weekday) if weekday >= 3 else story - timedelta(days=weekday + 2)
    )
    year, week, _ = saturday.isocalendar()
    return f"{year:04d}-W{week:02d}-WE"


# How far back (characters) the evening or night a story is at may be named.
_SCENE_REACH = 800
_EVENING_HOUR = 17  # a clock time from this hour on is the evening of its day,
# Grains a rule keeps whatever it is anchored on ("next decade" is the 2000s, not a year).
_CALENDAR_GRAINS = frozenset({"decade", "century"})
_LATE_EVENING_HOUR = 20  # after a time this late, an hour before dawn is the next morning's
_DAWN = 7
_SMALL_HOURS = 5  # and one before this hour the end of the night before


_CLOCK_HOUR = re.compile(r"T([0-9]{2})")
_NOON = 12
# A month or date fronted as the setting of a sentence: "In December, police arrested ...".
_FRONTED_IN = re.compile(r"(?:\A|[.!?\n]\s*|[.!?][\"”’]\s*)(?:In|On|By)\s+\Z")
_UNTIL_BEFORE = re.compile(r"\b(?:until|till|to|through)\s+(?:about\s+|around\s+)?\Z", re.I)


# A day told as late or in its afternoon ("late on Friday", "began Thursday afternoon"): the
# small hours told after it are the next day's.
_LATE_BEFORE = re.compile(r"\b(?:late|later)\s+(?:on\s+)?\Z", re.I)
_LATE_OPENING = re.compile(r"late\b", re.I)
# A clock time that says it is in the morning: "2:10 a.m.", "4am", "02:30".
_SMALL_HOURS_CLOCK = re.compile(r"\ba\.?m\b|\b0[0-4][:.]?[0-5][0-9]\b")


_FRAME_DAYS = 3  # days before the publication the days of a report's frame lie, at most
_STORY_NIGHT_AGE = 14  # days before the publication the night a story is about lies, at least
_REPORT_WEEK = 8  # days: the report's own days, told back from its publication
_YEARS_BACK = 365  # days: a story of a day at least this long before its publication
_NIGHT_HOURS = frozenset((*range(_EVENING_HOUR, 24), *range(0, _SMALL_HOURS)))


_WEEKDAY_PART = re.compile(r"XXXX-WXX-[1-7](?:T(?:MO|AF|EV|NI|DT))?")
_YEARS_AGO_DAY_RULES = frozenset(
    {
        "years_ago_day",
        "decades_ago_day",
        "years_ago_day_pod",
        "century_ago_day",
        "half_century_ago_day",
        "quarter_century_ago_day",
    }
)
_STORY_WEEKDAY_RULES = frozenset(
    {
        "previous_weekday",
        "weekday_before_story_day",
        "clock_story_weekday",
        "the_weekday_of_story",
        "that_weekday",
        "that_weekday_pod",
    }
)


def _old_story_day(state: _State, latest: bool = False) -> Reference | None:
    """The first day (or finer) still kept that the text dated at least two weeks before the
    publication (the last one, with ``latest``); else None.

    >>> state = _State(datetime(2012, 11, 20))
    >>> state.dated.append((0, 9, Reference.of("2010-11-06T19:42")))
    >>> state.dated.append((10, 19, Reference.of("2010-11-08")))
    >>> state.dated.append((20, 29, Reference.of("2012-11-19")))
    >>> _old_story_day(state).value
    '2010-11-06T19:42'
    """
    if state.doc is None:
        return None
    today = state.doc.moment.date()
    for _, _, ref in reversed(state.dated) if latest else state.dated:
        # (the first one: the day of the event the report is about, told at its start, not an
        # aftermath told since, "died in hospital two days later"; with ``latest``, the last)
        if (
            ref.granularity in _REF_GRANULARITIES["day"]
            and (today - ref.moment.date()).days >= _STORY_NIGHT_AGE
        ):
            return ref
    return None


def _story_night(
    state: _State, narrative: Reference | None, value: str, work: str, low: str, hit: Hit
) -> Reference | None:
    """The night (evening) a story is about, for a clock time of the night told in the past
    while the story's frame has come back to the days of the report (a trial that "opened
    Monday"): the last night named at least two weeks before the publication, as a night, an
    evening or a clock time of one; else None.

    >>> state = _State(datetime(2015, 8, 10))
    >>> state.dated.append((0, 30, Reference.of("2014-10-31TNI")))
    >>> work = "She said Odell arrived at about 10:15 p.m."
    >>> hit = scan(work, work.lower())[0]
    >>> _story_night(state, state.doc, hit.value, work, work.lower(), hit).value
    '2014-10-31TNI'
    """
    m = _CLOCK_HOUR.search(value)
    if (
        m is None
        or not value.startswith("XXXX-XX-XXT")
        or state.doc is None
        or narrative is None
        or (
            abs((state.doc.moment.date() - narrative.moment.date()).days) > _FRAME_DAYS
            and narrative.granularity in _REF_GRANULARITIES["day"]
        )
    ):
        return None
    hour = int(m.group(1))
    bare = not _HAS_MERIDIEM.search(low, hit.start, hit.end) and hour <= _NOON
    if not (_EVENING_HOUR <= hour + 12 < 24 if bare else hour in _NIGHT_HOURS):
        return None  # (a clock with no a.m. or p.m. only in its evening reading: "at 11:52")
    if tense_at(work, hit.start, hit.end) != "past":
        return None
    if state.dated:
        end = state.dated[-1][1]
        gap = end - (state.position - hit.start)
        if 0 <= gap <= hit.start and _CLOCK_OF_DAY_BEFORE.fullmatch(low, gap, hit.start):
            return None  # "We received them yesterday at 6 o'clock in the evening"
    days: set[date] = set()
    for start, _, ref in reversed(state.dated):
        if (state.doc.moment.date() - ref.moment.date()).days < _STORY_NIGHT_AGE:
            if _is_night(ref):
                return None  # a night of the days of the report was told since
            continue
        if start in state.zone_aside_at:
            continue  # "at 12:30 p.m. (0430 GMT)": the same moment told in another zone
        if _is_night(ref):
            # (unless the story went on to another day since; the night's own day, "the night
            # of Oct. 31, 2014 ... a Halloween party", is still that night)
            return ref if days <= {ref.moment.date()} else None
        if ref.granularity in ("day", "part_of_day"):
            days.add(ref.moment.date())
    return None


# The few words between a day and the clock time that is on it: "yesterday at 6", "Tuesday, about"
_CLOCK_OF_DAY_BEFORE = re.compile(r",?[ \t]+(?:(?:at|around|about|by|from|until|till)[ \t]+)*")


def _saying_in_old_story(state: _State, low: str, hit: Hit, fields: dict) -> bool:
    """True for the day of a saying in the report's own days ("she said on Thursday") told
    while the story is on a day at least two weeks back: past the saying's sentence the story
    is back on that day ("I never saw him again," she said on Thursday. The fire burned through
    that night").

    >>> state = _State(datetime(2020, 2, 16))
    >>> state.narrative = Reference.of("1980-02-13T09:00")
    >>> low = "i never saw him again, she said on thursday."
    >>> hit = [h for h in scan(low, low) if h.rule.type == "DATE"][0]
    >>> _saying_in_old_story(state, low, hit, {"value": "2020-02-13"})
    True
    """
    ref, doc = state.narrative, state.doc
    if ref is None or doc is None or ref.granularity not in _REF_GRANULARITIES["day"]:
        return False
    if (doc.moment.date() - ref.moment.date()).days < _STORY_NIGHT_AGE:
        return False
    day = _NUMERIC_DAY.match(str(fields.get("value") or ""))
    if day is None or not _SAID_ON.search(low, max(0, hit.start - 40), hit.start):
        return False
    said = date(int(day[1]), int(day[2]), int(day[3]))
    return abs((doc.moment.date() - said).days) <= _STORY_NIGHT_AGE // 2


def _story_clock_day(
    state: _State, narrative: Reference | None, value: str, work: str, hit: Hit
) -> Reference | None:
    """The day a report rebuilds clock by clock, for a bare clock time told in the past while
    the story's frame has come back to the report's days: the day of the last clock time told
    at least two weeks before the publication, within reach, when only sayings, the report's
    months or years and no other day were told since; else None.

    >>> state = _State(datetime(2016, 1, 15))
    >>> state.dated.append((0, 20, Reference.of("2013-12-31T16:32")))
    >>> state.dated.append((60, 66, Reference.of("2016-01-15")))
    >>> state.said_at.add(60)
    >>> state.dated.append((100, 108, Reference.of("2015-11")))
    >>> state.position = 200
    >>> work = "He left the car park at 8.40am."
    >>> hit = [h for h in scan(work, work.lower()) if h.rule.type == "TIME"][0]
    >>> _story_clock_day(state, state.doc, "XXXX-XX-XXT08:40", work, hit).value
    '2013-12-31'
    """
    if (
        state.doc is None
        or _CLOCK_HOUR.search(value) is None
        or not value.startswith("XXXX-XX-XXT")
        or (
            narrative is not None
            and narrative.granularity in _REF_GRANULARITIES["day"]
            and abs((state.doc.moment.date() - narrative.moment.date()).days) > _FRAME_DAYS
        )
        or tense_at(work, hit.start, hit.end) != "past"
    ):
        return None
    today = state.doc.moment.date()
    for start, _, ref in reversed(state.dated):
        if state.position - start > _LATEST_REACH:
            return None
        if start in state.said_at or ref.granularity not in _REF_GRANULARITIES["day"]:
            continue
        if (today - ref.moment.date()).days < _STORY_NIGHT_AGE:
            return None  # a day of the report's own was told since
        if ref.granularity in ("hour", "minute", "second", "part_of_day") or (
            ref.granularity == "day" and _rebuilds_a_day(state)
        ):
            # (a day told without a clock only where the report says it rebuilds one: "pieces
            # together the flight", "walked through the crash minute by minute")
            return Reference.of(ref.value[:10])
        return None
    return None


_REBUILDS = re.compile(
    r"\b(?:rebuil(?:ds?|t)|reconstruct(?:s|ed|ing)?|piec(?:es|ed)\s+together|walk(?:s|ed)\s+"
    r"(?:[a-z]+\s+){0,2}through|minute\s+by\s+minute|hour\s+by\s+hour|sets\s+out\s+the|"
    r"trac(?:es|ed)\s+the)\b",
    re.I,
)


def _rebuilds_a_day(state: _State) -> bool:
    """Whether the text says it rebuilds a day ("the report reconstructs the flight"), read
    once."""
    if state.rebuilds is None:
        state.rebuilds = _REBUILDS.search(state.text) is not None
    return state.rebuilds


def _is_night(ref: Reference) -> bool:
    """An evening or a night, or a clock time of one."""
    if ref.granularity == "part_of_day":
        return ref.value.endswith(("TEV", "TNI"))
    return ref.granularity in ("hour", "minute", "second") and ref.moment.hour in _NIGHT_HOURS


_SEASONS_AGO = re.compile(r"(\S+)\s+\w+\s+ago")


def _day_on_weekday(day: int, weekday: int, today: date, work: str, hit: Hit) -> str | None:
    """The date of the ``day`` of a month that falls on ``weekday`` (ISO), in the nearest of
    the months from three back to three ahead, the tense's side first.

    >>> work = "back in training by Tuesday the 21st"
    >>> _day_on_weekday(21, 2, date(2016, 6, 7), work, scan(work, work.lower())[0])
    '2016-06-21'
    """
    tense = tense_at(work, hit.start, hit.end)
    options = []
    for shift in range(-3, 4):
        month = (today.month - 1 + shift) % 12 + 1
        year = today.year + (today.month - 1 + shift) // 12
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate.isoweekday() == weekday:
            distance = abs((candidate - today).days)
            if (tense == "past" and candidate > today) or (tense == "future" and candidate < today):
                distance *= 3
            options.append((distance, candidate))
    return min(options)[1].isoformat() if options else None


def _told_late(state: _State, ref: Reference | None, clock: str) -> bool:
    """Whether the day the story is at was told late in it or in its afternoon ("talks that
    began late on Friday", "a hearing that began Thursday afternoon").

    >>> state = _State(datetime(2013, 3, 23))
    >>> state.text = "He flew in late on Friday."
    >>> state.dated.append((19, 25, Reference.of("2013-03-22")))
    >>> _told_late(state, Reference.of("2013-03-22"), "4 a.m.")
    True
    >>> _told_late(state, Reference.of("2013-03-22"), "four o'clock")
    False
    """
    if ref is None or not state.dated or not _SMALL_HOURS_CLOCK.search(clock):
        return False
    if state.doc is not None and ref.moment.date() >= state.doc.moment.date():
        return False  # the night after the story's day would be after its publication
    start, _, last = state.dated[-1]
    if last.value != ref.value:
        return False
    if ref.granularity == "part_of_day":
        return ref.value.endswith("TAF")
    return ref.granularity == "day" and bool(
        _LATE_BEFORE.search(state.text, max(0, start - 12), start)
        or _LATE_OPENING.match(state.text, start)
    )


def _evening_hour_of_night(ref: Reference | None, value: str, low: str, hit: Hit) -> bool:
    """True for a clock time told with no a.m. or p.m. after a night the story is in, whose
    hour is one of that night's evening ("the night of Dec. 22, 1927 ... put down on a frozen
    lake at 11:05": 23:05 that night, not 11:05 the next morning).

    >>> low = "she landed at 11:05."
    >>> hit = scan(low, low)[0]
    >>> _evening_hour_of_night(Reference.of("1927-12-22TNI"), "XXXX-XX-XXT11:05", low, hit)
    True
    """
    m = _CLOCK_HOUR.search(value)
    return (
        ref is not None
        and m is not None
        and ref.value.endswith("TNI")
        and int(m.group(1)) in _PM_HOURS["NI"]
        and not _HAS_MERIDIEM.search(low, hit.start, hit.end)
        and not _PADDED_HOUR.search(low, hit.start, hit.end)  # "at 07:30": a 24-hour clock
    )


_PADDED_HOUR = re.compile(r"(?<![0-9])0[0-9][:.h][0-5][0-9]")


def _small_hours_after_night(
    ref: Reference | None, value: str, until: bool = False, late_day: bool = False
) -> Reference | None:
    """The day of a clock time across midnight from the time the story is at: a time in the
    small hours told after an evening or a night is on the next day ("trickled in overnight,
    and by 4 a.m."), an evening time told after one in the small hours on the day before ("She
    claimed victory at 1:50 a.m. ... supporters had drifted away after 11 p.m."). ``until``:
    the time ends a stretch begun before it ("from 11 p.m. until 7 a.m."), so any morning hour
    after an evening is the next day's.

    >>> _small_hours_after_night(Reference.of("2010-11-02TNI"), "XXXX-XX-XXT04:00").value
    '2010-11-03'
    >>> _small_hours_after_night(Reference.of("2010-11-02TNI"), "XXXX-XX-XXT21:00").value
    '2010-11-02TNI'
    >>> _small_hours_after_night(Reference.of("2019-11-06T01:50"), "XXXX-XX-XXT23:00").value
    '2019-11-05'
    """
    m = _CLOCK_HOUR.search(value)
    if ref is not None and m is None and "T24" in ref.value and _TIME_OF_DAY.search(value):
        return Reference.of(ref.value[:10])  # "before midnight ... since early evening"
    if ref is None or m is None:
        return ref
    hour = int(m.group(1))
    if "T24" in ref.value:
        # midnight ends its day: the small hours after it are the next day's, the rest of
        # the day its own ("Just before midnight ... waiting since early evening")
        return ref if hour < _SMALL_HOURS else Reference.of(ref.value[:10])
    timed = ref.granularity in ("hour", "minute", "second")
    if hour >= _EVENING_HOUR and timed and ref.moment.hour < _SMALL_HOURS:
        return Reference.of((ref.moment.date() - timedelta(days=1)).isoformat())
    night = ref.granularity == "part_of_day" and ref.value.endswith("TNI")
    small = _DAWN if timed and ref.moment.hour >= _LATE_EVENING_HOUR else _SMALL_HOURS
    if hour >= (_NOON + 1 if night else _NOON if until else small):
        return ref  # (after a night, a morning hour is the next morning: "rose overnight
        # and was three metres above the mark at 6 a.m.")
    if ref.granularity == "part_of_day":
        late = ref.value.endswith(("TEV", "TNI")) or (late_day and hour < _SMALL_HOURS)
    else:
        late = (timed and ref.moment.hour >= _EVENING_HOUR) or (late_day and hour < _SMALL_HOURS)
    if not late:
        return ref
    return Reference.of((ref.moment.date() + timedelta(days=1)).isoformat())


# The clause after a quotation's "tonight" says the night lies ahead ("Tonight I'm going to
# sleep", "tonight we'll celebrate").
_NIGHT_AHEAD = re.compile(
    r"[^.!?\"”;]{0,40}?\b(?:will|(?:i|we|you|he|she|they|it)['’]ll|going\s+to|gonna|shall)\b",
    re.I,
)


def _night_scene(state: _State, work: str, hit: Hit) -> Reference | None:
    """The day whose evening a quotation's "tonight" speaks of, in a report published the day
    after: the night of the last evening or night time named ("tipped off at 9:23 p.m." ...
    "Tonight we filled this one," the coach said); else None, and "tonight" is the publication
    day's.

    >>> state = _State(datetime(2013, 4, 9))
    >>> state.dated.append((0, 10, Reference.of("2013-04-08T21:23")))
    >>> work = 'It tipped off at 9:23 p.m. "Tonight we won," he said.'
    >>> state.position = work.index("Tonight")
    >>> hit = scan(work, work.lower())[-1]
    >>> _night_scene(state, work, hit).value
    '2013-04-08'
    """
    if state.doc is None or not _in_quotation(work, hit.start):
        return None
    if clause_tense(work, hit.start, hit.end) == "past":
        # "Tonight the voters spoke," "They were better tonight": a night told as gone by, in
        # a report published the day after it
        return Reference.of((state.doc.moment.date() - timedelta(days=1)).isoformat())
    if _NIGHT_AHEAD.match(work, hit.end):
        return None  # "Tonight I'm going to sleep": a night still to come is the day's own
    for start, _, ref in reversed(state.dated):
        if state.position - start > _SCENE_REACH:
            return None
        if ref.granularity not in ("part_of_day", "hour", "minute", "second"):
            continue
        day = ref.moment.date()
        eve = state.doc.moment.date() - timedelta(days=1)
        if ref.granularity == "part_of_day":
            if not ref.value.endswith(("TEV", "TNI")):
                if day == eve:
                    continue  # that morning ("I woke up this morning," she said)
                return None
        elif ref.moment.hour < _SMALL_HOURS:
            day -= timedelta(days=1)
        elif ref.moment.hour < _EVENING_HOUR:
            if day == eve:
                continue  # earlier that day ("the curtain went up at 7:30")
            return None
        if day != eve:
            return None
        return Reference.of(day.isoformat())
    return None


# Words that make a date the date of a saying ("in an address on Sunday", "told reporters on
# Friday").
_SPEECH = re.compile(
    r"\b(?:said|says|told|address|speech|interview|statement|remarks|conference|briefing|"
    r"broadcast|rally|wrote|tweeted|posted|email|e-mail|letter|memo|message|sent|dated|"
    r"texted|read|heard|announced|declared|added|replied|shouted|speaking|spoke|talked|testified|"
    r"appealed|warned|explained|insisted|admitted|confirmed|noted|stated|"
    r"recalled)\b"
)
_UTTERANCE_REACH = 250
# A dated saying in the sentence that opens the quotation: at most this many characters from
# the date to the quotation, with no sentence end between.
_UTTERANCE_GAP = 120
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+[A-Z\"“]|\n", re.I)
_OLD_QUOTE = timedelta(days=30)


def _utterance_day(state: _State, work: str, hit: Hit) -> Reference | None:
    """The day a quotation holding ``hit`` was said, when the text dates the saying just before
    the quotation opens and it is before the publication day ("In a televised address on
    Sunday evening, Lenz said ... 'Tomorrow morning the government will meet'"); else None.

    >>> state = _State(datetime(2012, 12, 17))
    >>> work = 'In an address on Sunday, he said: "Tomorrow we vote."'
    >>> state.dated.append((17, 23, Reference.of("2012-12-16")))
    >>> hit = scan(work, work.lower())[-1]
    >>> state.position = hit.start
    >>> _utterance_day(state, work, hit).value
    '2012-12-16'
    """
    if state.doc is None or not _in_quotation(work, hit.start):
        return None
    line = work.rfind("\n", 0, hit.start) + 1
    opened = max(work.rfind('"', line, hit.start), work.rfind("“", line, hit.start))
    if opened < 0:
        return None
    after = _said_after_quotation(state, work, hit)
    if after is not None:
        return after
    earlier = _speakers_last_quotation(state, work, hit, line, opened)
    if earlier is not None:
        return earlier
    shift = state.position - hit.start  # document offset of work[0]
    for start, end, ref in reversed(state.dated):
        at = start - shift
        if at >= opened:
            continue
        if at < max(0, opened - _UTTERANCE_REACH) or at < 0:
            return None
        if (
            ref.granularity in ("day", "part_of_day")
            and timedelta(0) < state.doc.moment - ref.moment < timedelta(days=8)
            and _ENDS_ATTRIBUTION.fullmatch(work, end - shift, opened + 1)
            and _dates_the_saying(work, at)
        ):
            # '"I've been here every night," said the owner, sitting at the bar on Sunday
            # afternoon. "Yesterday was the best night we ever had."': the attribution that
            # ends on the date runs on into the speaker's next quotation
            return Reference.of(ref.value[:10])
        if (
            ref.granularity in ("day", "month", "year")
            and state.doc.moment - ref.moment > _OLD_QUOTE
            and YEAR_DIGITS.search(work, at, end - shift)
            and _TOLD_IN_ON.search(work, max(0, at - 60), at)
            and (
                _ENDS_ATTRIBUTION.fullmatch(work, end - shift, opened + 1)
                or _ENDS_PARAGRAPH.fullmatch(work, end - shift, opened + 1)
            )
            and _dates_the_saying(work, at)
        ):
            # '... he told the Star Tribune on Jan. 23, 1986. "Tonight they turn on the lights.
            # By April it's a puddle."', '... she told The Independent in June 1998. "Next year
            # I'll be watching"': an old saying's today and next year are of its day or year
            return ref
        if (
            "\n" in work[at:opened]
            and ref.granularity in ("day", "part_of_day")
            and timedelta(0) < state.doc.moment - ref.moment < timedelta(days=8)
            and _ENDS_PARAGRAPH.fullmatch(work, end - shift, opened + 1)
            and _dates_the_saying(work, at)
            and not _attributed_after(work, hit.end)
        ):
            # '"... by the end of the year," he said on Friday.' and a paragraph that goes on
            # with his quotation, unattributed ('"Yesterday a retired ship's officer ...'): his
            return Reference.of(ref.value[:10])
        if "\n" in work[at:opened] and re.search(r'["”]', work[work.rfind("\n", 0, at) + 1 : at]):
            return None  # a saying of the paragraph before that dates its own quotation
        if ref.granularity not in _REF_GRANULARITIES["day"] or _in_quotation(work, at):
            continue
        between = work[at : opened + 1].lower()
        if (
            ref.moment.date() < state.doc.moment.date()
            and len(between) <= _UTTERANCE_GAP
            and not _SENTENCE_END.search(between)
            and start not in state.since_at  # "open since Sunday, she said: ..."
            and _SPEECH.search(between)
        ):
            # "On Sunday, Lenz told reporters: 'Tomorrow we vote'", "At 11.52pm on 2 May he
            # sent a message that read: 'Done something stupid tonight'"
            return Reference.of(ref.value[:10])
        if ref.granularity not in ("day", "part_of_day"):
            continue
        if ref.moment.date() >= state.doc.moment.date():
            return None
        # (a name counts as one word: "told the New Straits Times on Thursday")
        before = re.sub(r"\b[A-Z][a-z]*(?:\s+[A-Z][a-z]*)+\b", "Name", work[max(0, at - 90) : at])
        before = re.findall(r"[a-z]+", before.lower())[-5:]
        for i in range(len(before) - 1, -1, -1):
            if _SPEECH.fullmatch(before[i]):
                return Reference.of(ref.value[:10])
            if looks_like_verb(before[i]):
                if i > 0 and _SPEECH.fullmatch(before[i - 1]):
                    # "in a statement released Thursday": the saying's own participle
                    return Reference.of(ref.value[:10])
                return None  # "said the panel spent most of Tuesday": what was said, not when
        return None
    return None


# '..." she said. "...': a quotation that goes on after a bare attribution
_ATTRIBUTION_ONLY = re.compile(
    r"[\"”]\s+(?:he|she|they|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?:said|says|added|adds|"
    r"continued)\.\s+[\"“]"
)


def _speakers_last_quotation(
    state: _State, work: str, hit: Hit, line: int, opened: int
) -> Reference | None:
    """The day of the speaker's quotation just before, in the same paragraph, when only a bare
    attribution stands between ('"... dinner tomorrow," she said. "Yesterday he scored
    twice."'); else None."""
    closed = max(work.rfind('"', line, opened), work.rfind("”", line, opened))
    if closed < 0 or not _ATTRIBUTION_ONLY.fullmatch(work, closed, opened + 1):
        return None
    began = max(work.rfind('"', line, closed), work.rfind("“", line, closed))
    if began < 0:
        return None
    saved = state.position
    inside = began + 1
    state.position = saved - (hit.start - inside)
    try:
        return _utterance_day(state, work, Hit(inside, inside, hit.rule, hit.value))
    finally:
        state.position = saved


# A date ending the attribution sentence right before a quotation opens.
_ENDS_ATTRIBUTION = re.compile(r"[ \t]*[.!?][ \t]*[\"“]")


def _attributed_after(work: str, at: int) -> bool:
    """Whether the quotation going on at ``at`` is attributed when it closes ('"We won
    today," he said.'), in its paragraph.

    >>> _attributed_after('"We won today," he said.', 10), _attributed_after('"We won."', 3)
    (True, False)
    """
    line_end = work.find("\n", at)
    line_end = len(work) if line_end < 0 else line_end
    marks = [i for i in (work.find('"', at, line_end), work.find("”", at, line_end)) if i >= 0]
    if not marks:
        return False
    after = work[min(marks) + 1 : line_end]
    stop = _SENTENCE_END.search(after)
    return bool(_SPEECH.search(after[: stop.start() if stop else len(after)].lower()))


# A saying dated right after its verb and hearer: "he told The Seattle Times in", "she said on"
_TOLD_IN_ON = re.compile(
    r"\b(?:told|said|wrote|recalled|remembered|explained)\b(?:\s+(?:the\s+)?[A-Z][\w.&'’-]*"
    r"(?:\s+(?:[A-Z][\w.&'’-]*|of|and|&))*)?\s+(?:in|on)\s+\Z"
)
# ... and ending its paragraph, the next paragraph opening with a quotation.
_ENDS_PARAGRAPH = re.compile(r"[ \t]*[.!?][ \t]*\n\s*[\"“]")


_FULL_STOP = re.compile(r"\.(?<!\b[A-Za-z]\.)" + NOT_ABBREVIATION + r"(?=[\"'”’)]*\s)")


def _dates_the_saying(work: str, at: int) -> bool:
    """Whether the date at ``at`` closes a sentence of saying: a speech word in it, and no verb
    between that word and the date but a participle ("said the owner, sitting at the bar on
    Sunday"; not "said the panel spent most of Tuesday").

    >>> _dates_the_saying('"Go," said Lee, speaking on Friday. "Now."', 26)
    True
    >>> _dates_the_saying('Police said the man was arrested on Friday. "Now."', 36)
    False
    >>> _dates_the_saying('"Go," said Ann Lee, the curator of plants, on Friday. "Now."', 45)
    True
    >>> work = '"Go," said Mo, 47, who runs a taco stand in Cabo, on Monday. "Now."'
    >>> _dates_the_saying(work, work.index("Monday"))
    True
    """
    opening = max([work.rfind(c, 0, at) for c in '!?"“”\n'] + [at - 400]) + 1
    for stop in _FULL_STOP.finditer(work, max(0, opening), at):
        opening = stop.end()  # (not the period of "Dr." or "Sen.")
    # (a title set off by commas is no clause: "said Dr. Ortega, the garden's curator of
    # tropical plants, on Wednesday")
    told = re.sub(r",(?!\s+(?:as|when|while)\s)[^,]*(?=,)", " ", work[max(0, opening) : at])
    words = re.findall(r"[a-z]+", told.lower())
    said = [i for i, w in enumerate(words) if _SPEECH.fullmatch(w)]
    if not said:
        return False
    rest = words[said[-1] + 1 :]
    when = _SAYING_WHEN.search(told.lower())  # "said Ms. Ruiz, as she left ... on Friday"
    for w in rest:
        if when is not None and w == when.group(1):
            return True  # (the clause tells the saying's moment)
        if looks_like_verb(w) and not w.endswith("ing"):
            return False
    return True


# A clause of the saying's moment, set off by a comma: ", as she left", ", when he arrived"
# (not "as many as", "when deputies arrived" without the comma)
_SAYING_WHEN = re.compile(
    r",\s+(as|when|while)\s+(?!(?:many|much|well|long|soon|far|of|part|a|an|the)\b)[a-z]+"
)


# The saying dated right after a quotation: '"Today was the first time," she told reporters
# after court Monday', '"...," the prosecutor said at a news conference Thursday'.
# (the attribution in the same paragraph: "She said ... Sunday" opening the next one is no
# attribution of the quotation before it)
_SAID_AFTER = re.compile(
    r"[,.!?]?[\"”][ \t]*,?[^\n\"“”]{0,90}?\b(?:said|says|told|added)\b[^.\n\"“”]{0,60}?\b"
    r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|last\s+night|"
    r"last\s+evening)\b"
)
_SAID_ON_DATE = re.compile(
    r"[,.!?]?[\"”][ \t]*,?[^\n\"“”]{0,60}?\b(?:said|says|told|added|wrote)\b[^.,;\n\"“”]{0,50}?\bon\s+"
    r"(?P<m>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?P<d>[0-9]{1,2}),?\s+"
    r"(?P<y>1[89][0-9]{2}|20[0-9]{2})\b"
)
_WEEKDAY_INDEX = {
    d: i
    for i, d in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    )
}


def _said_after_quotation(state: _State, work: str, hit: Hit) -> Reference | None:
    """The day of a saying dated right after the quotation holding ``hit``, when it is before
    the publication day (a weekday told of a saying is the latest such day)."""
    if state.doc is None:
        return None
    closing = min(
        (i for i in (work.find('"', hit.end), work.find("”", hit.end)) if i >= 0), default=-1
    )
    if closing < 0 or "\n" in work[hit.end : closing]:
        return None
    at = closing - 1 if work[closing - 1] in ",.!?" else closing
    m = _SAID_AFTER.match(work.lower(), at)
    doc = state.doc.moment.date()
    if m is None:
        dated = _SAID_ON_DATE.match(work.lower(), at)
        if dated is None:
            return _said_in_year_after(state, work, at)
        # '"Tonight we light it at 8," he told The New York Times on Dec. 1, 1986': the day of
        # a saying dated in full right after the quotation
        try:
            month = _MONTH_PREFIXES.index(dated["m"]) // 3 + 1
            day = date(int(dated["y"]), month, int(dated["d"]))
        except ValueError:
            return None
        return Reference.of(day.isoformat()) if day < doc else None
    day = _latest_named_day(m[1], doc)
    return Reference.of(day.isoformat()) if day < doc else None


# '"Thirty years ago there were 40 of us," he told a BBC documentary crew in 1998'
_SAID_IN_YEAR = re.compile(
    r"[,.!?]?[\"”][ \t]*,?[^\n\"“”]{0,60}?\b(?:said|says|told|added|wrote|recalled)\b"
    r"[^.,;\n\"“”]{0,50}?\bin\s+(?:(?P<m>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[a-z]*\.?\s+)?(?P<y>1[89][0-9]{2}|20[0-9]{2})\b(?![,\s]+(?:when|after|before|while)\b)"
)


def _said_in_year_after(state: _State, work: str, at: int) -> Reference | None:
    """The year (or month) of an old saying dated right after its quotation ('"Thirty years
    ago there were 40 of us," he told a BBC crew in 1998'), when it is long gone; else None.

    >>> state = _State(datetime(2013, 11, 25))
    >>> work = '"Thirty years ago we were 40," he told a BBC crew in 1998.'
    >>> _said_in_year_after(state, work, work.index('"', 1)).value
    '1998'
    """
    dated = _SAID_IN_YEAR.match(work.lower(), at)
    if dated is None or state.doc is None:
        return None
    value = dated["y"]
    if dated["m"]:
        value += f"-{_MONTH_PREFIXES.index(dated['m']) // 3 + 1:02d}"
    ref = Reference.of(value)
    if ref is None or state.doc.moment - ref.moment <= _OLD_QUOTE:
        return None
    return ref


def _in_quotation(work: str, at: int) -> bool:
    """True when ``at`` is inside a quotation of its paragraph (an odd count of straight
    quotes before it, or a curly one opened and not closed).

    >>> _in_quotation('He said: "Tonight we won."', 10), _in_quotation('"Yes," he said tonight.', 20)
    (True, False)
    """
    start = work.rfind("\n", 0, at) + 1
    before = work[start:at]
    if before.count('"') % 2 == 1:
        return True
    return before.rfind("“") > before.rfind("”")


_MONTH_OR_SEASON = re.compile(r"XXXX-(?:\d\d|SP|SU|FA|WI)$")
# A story told of the past: its dated day or month is this many years before the publication.
_STORY_AGE = 2
# How far (characters) such a day or month still sets the year of a month or season after it.
_STORY_MONTH_REACH = 400
_DEICTIC_WORD = re.compile(r"(?:this|last|next|past|coming|previous)\b", re.I)
# "the Dec. 21, 1988, bombing", "1988's crash": a date that labels an event, not the story's day.
_ATTRIBUTIVE = re.compile(r"(?:\bthe|'s|’s)\s+\Z", re.I)


def _month_in_period(
    value: str, ref: Reference | None, start: int, state: _State, work: str, hit: Hit
) -> str | None:
    """A month told in the same sentence as a season, quarter or half of a past year that holds
    it is that period's ("in the winter of 2008-09, when gas was cut off for 17 days in
    January": 2009-01); else None."""
    if (
        ref is None
        or ref.granularity not in ("season", "quarter", "half_year")
        or not re.fullmatch(r"XXXX-\d\d", value)
        or state.doc is None
        or ref.moment >= state.doc.moment
    ):
        return None
    at = start - (state.position - hit.start)  # where the period is in work
    if at < 0 or _CLAUSE_END.search(work, at, hit.start) or _DEICTIC_WORD.match(work, hit.start):
        return None
    span = interval(ref.value)
    if span is None:
        return None
    month = int(value[5:7])
    for year in (span.start.year, span.start.year + 1):
        first = datetime(year, month, 1)
        if span.start <= first < span.end:
            return f"{year:04d}-{month:02d}"
    return None


def _in_sentence_period(value: str, state: _State, work: str, hit: Hit) -> str | None:
    """A month or day told in the past in the same sentence as a season, quarter or half over
    before the publication, that falls in it, is in it ("Last spring, the ice went out on April
    6", told in March); else None. (A year named before does not bind so: "sales rose 5% in
    2012, and in January ..." is mostly this January: dev sets -16 when it did.)"""
    ref = state.narrative
    m = re.fullmatch(r"XXXX-(\d\d)(?:-(\d\d))?", value)
    if (
        m is None
        or ref is None
        or ref.granularity not in ("season", "quarter", "half_year")
        or state.doc is None
    ):
        return None
    span = interval(ref.value)
    if span is None or span.end > state.doc.moment:
        return None
    at = state.narrative_at - (state.position - hit.start)  # where the period is in work
    if at < 0 or at < sentence_around(work, hit.start, hit.end)[0]:
        return None
    if _DEICTIC_WORD.match(work, hit.start) or tense_at(work, hit.start, hit.end) != "past":
        return None
    month, day = int(m[1]), int(m[2] or 1)
    for year in (span.start.year, span.start.year + 1):
        try:
            first = datetime(year, month, day)
        except ValueError:
            return None
        if span.start <= first < span.end:
            return f"{year:04d}{value[4:]}"
    return None


# A year that sets the scene of its sentence: fronted ("In 2014, a landslide ...") or set off
# by commas after the subject ("Its longest strike, in 1970, lasted ...").
_SCENE_YEAR = re.compile(
    r"(?:\A\s*|,\s+)in\s+((?:1[89]|20)[0-9]{2})(?:,\s|\s+(?=(?:the|a|an|his|her|their|its|our|my|i|we|he|she|they|it|there)\s))",
    re.I,
)  # ("In 2011, the plant closed", "In 2011 the plant closed", not "in 2011 dollars")
# "the first Super Bowl here since 2002, when the Patriots won on February 3": a clause of that
# year, up to its end
_WHEN_YEAR = re.compile(r"\b((?:1[89]|20)[0-9]{2}),\s+when\s+[^,;:()\n]*\Z", re.I)
# "called to the farm twice in 2015, including on St Stephen's Day": a day the year takes in
_INCLUDING_YEAR = re.compile(
    r"\bin\s+((?:1[89]|20)[0-9]{2}),?\s+(?:including|among\s+them|once|the\s+last\s+time)"
    r"\s+(?:on\s+|in\s+|at\s+)?\Z",
    re.I,
)


def _in_sentence_year(value: str, state: _State, work: str, hit: Hit) -> str | None:
    """A month or day without a year, told in the past in a sentence whose scene is set by a
    year some years back, is in that year ("In 2014, a landslide on August 2 buried dozens of
    homes"; "Its longest strike, in 1970, lasted from mid-September to Nov. 12"), and so is one
    told ahead in a sentence set in a year to come ("In 2016, when Easter Sunday falls on 27
    March, ..."); else None.
    ("sales rose 5% in 2012, and in January" sets no scene: mostly this January.)

    >>> state = _State(datetime(2021, 7, 13))
    >>> work = "In 2014, a landslide on August 2 buried homes."
    >>> hit = [h for h in scan(work, work.lower()) if h.rule.name == "month_day"][0]
    >>> _in_sentence_year("XXXX-08-02", state, work, hit)
    '2014-08-02'
    """
    if state.doc is None or not _SCENE_DATED.fullmatch(value):
        return None
    start, _ = sentence_around(work, hit.start, hit.end)
    # (searched in the sentence alone, so that its start is the pattern's start)
    scene = (
        _SCENE_YEAR.search(work[start : hit.start])
        or _WHEN_YEAR.search(work[start : hit.start])
        or _INCLUDING_YEAR.search(work[start : hit.start])
    )
    if scene is None or (scene.start() > 0 and scene.group().startswith("\n")):
        return None
    year = int(scene.group(1))
    if _DEICTIC_WORD.match(work, hit.start):
        return None
    tense = tense_at(work, hit.start, hit.end)
    if year > state.doc.moment.year and tense != "past":
        # "In 2014, pupils will break up on 4 April", "In 2016, when Easter Sunday falls on 27
        # March, schools will close for Good Friday": a year ahead sets the scene too
        return _holiday_with_year(f"{year:04d}{value[4:]}", state)
    if state.doc.moment.year - year < _SCENE_YEAR_AGE or tense != "past":
        return None
    return _holiday_with_year(f"{year:04d}{value[4:]}", state)


_SCENE_YEAR_AGE = 2
# A sentence that opens on a year the story reached by counting ("A year later, in August",
# "Two years later, that spring", "That year, the first adults showed up in mid-May")
_NARRATIVE_SCENE = re.compile(
    r"[\"“‘']?(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|[0-9]{1,2})\s+years?\s+"
    r"(?:later|earlier|on)|that\s+(?:same\s+)?year|the\s+(?:following|next|previous|same)\s+"
    r"year)\b",
    re.I,
)


def _narrative_scene_year(value: str, state: _State, work: str, hit: Hit) -> str | None:
    """A month or day without a year, told in the past in a sentence that opens on a year the
    story counted its way to ("In the spring of 1949 ... A year later, in August, she made her
    first attempt"), is in that year; else None.

    >>> state = _State(datetime(2018, 5, 31))
    >>> state.update("1950", "year")
    >>> work = "A year later, in August, she made her first attempt."
    >>> hit = [h for h in scan(work, work.lower()) if h.rule.name == "month"][0]
    >>> state.position = hit.start
    >>> _narrative_scene_year("XXXX-08", state, work, hit)
    '1950-08'
    """
    ref = state.narrative
    if state.doc is None or ref is None or ref.granularity != "year":
        return None
    if not _SCENE_DATED.fullmatch(value) and not _MONTH_OR_SEASON.match(value):
        return None
    start, _ = sentence_around(work, hit.start, hit.end)
    scene = _NARRATIVE_SCENE.match(work, start)
    at = state.narrative_at - (state.position - hit.start)  # where the year was told, in work
    if scene is None or not start <= at <= scene.end() or scene.end() > hit.start:
        return None
    if state.doc.moment.year - ref.moment.year < _SCENE_YEAR_AGE:
        return None
    if _DEICTIC_WORD.match(work, hit.start) or tense_at(work, hit.start, hit.end) != "past":
        return None
    return _holiday_with_year(f"{ref.moment.year:04d}{value[4:]}", state)


# "Last year, 68 people were arrested on 17 March", "next year it runs from 15 to 24 July",
# "next year's race would be held on Sept. 30": a year told from now that sets the scene (not
# one the clause is about: "send their budgets for next year to Brussels by October 15").
_RELATIVE_SCENE = re.compile(
    r"(?:(?:\A\s*[\"“‘']?|[,;:]|\bwhen|\band)\s*(?:(?P<last>last)\s+year|(?P<ago>a)\s+year\s+ago|"
    r"(?P<n>two|three|four|five|six|seven|eight|nine|ten|[2-9]|[1-9][0-9])\s+years\s+ago),?\s"
    r"(?!(?:was|is|saw|brought|marked|proved|became)\b)"
    # "during last year's monsoon, which lasted from June 12": last year's event sets the scene
    r"|\b(?P<owned>last)\s+year['’]s\s+(?:[a-z-]+\s+){0,2}?(?:season|monsoon|budget|festival|"
    r"election|race|harvest|campaign|crop|drought|floods?|fires?|tournament|championships?|"
    r"marathon|summit|conference|show|fair|games|final|strike|storms?|outbreak|hurricane|"
    r"heat\s*wave|session|tour|olympics|parade|carnival)\b"
    r"|(?<!\bfor )(?<!\bto )(?<!\buntil )(?<!\bof )(?<!\bby )(?<!\bin )\b(?P<next>next)\s+year(?:['’]s)?\s)"
    r"(?![^.;]*\b(?:1[89]|20)[0-9]{2}\b)",
    re.I,
)


_THIS_YEAR = re.compile(r"\bthis\s+year\b", re.I)


def _relative_scene_year(value: str, state: _State, work: str, hit: Hit) -> str | None:
    """A day without a year in a sentence set last year or next year ("Last year, 68 people
    were arrested on 17 March"; "next year it runs from 15 to 24 July") is in that year, when
    the tense agrees; else None.

    >>> state = _State(datetime(2015, 3, 16))
    >>> work = "Last year, 68 people were arrested in the city on 17 March."
    >>> hit = [h for h in scan(work, work.lower()) if h.rule.name == "day_of_month"][0]
    >>> _relative_scene_year("XXXX-03-17", state, work, hit)
    '2014-03-17'
    """
    if state.doc is None or not _SCENE_DATED.fullmatch(value):
        return None
    start, _ = sentence_around(work, hit.start, hit.end)
    # (searched in the sentence alone, so that its start is the pattern's start)
    scenes = list(_RELATIVE_SCENE.finditer(work[start : hit.start]))
    scene = scenes[-1] if scenes else None
    if scene is None or _DEICTIC_WORD.match(work, hit.start):
        return None
    if _THIS_YEAR.search(work, start + scene.end(), hit.start):
        return None  # "Last year we did not have this problem, but this year ... Christmas"
    tense = tense_at(work, hit.start, hit.end)
    if (scene["last"] or scene["ago"] or scene["owned"]) and tense == "past":
        return _holiday_with_year(f"{state.doc.moment.year - 1:04d}{value[4:]}", state)
    if scene["n"] and tense == "past":
        # "Ten years ago we didn't open until Dec. 14": that year
        back = int(_setup()[1]["num"](scene["n"].lower()) or 0)
        return _holiday_with_year(f"{state.doc.moment.year - back:04d}{value[4:]}", state)
    if scene["next"] and tense != "past":
        return _holiday_with_year(f"{state.doc.moment.year + 1:04d}{value[4:]}", state)
    return None


# A month or day, or a holiday of a movable date ("waited for Black Friday"), without a year.
_SCENE_DATED = re.compile(r"XXXX-(?:\d\d(?:-\d\d)?|#[^T]+)")


_MONTH_OR_DAY = re.compile(r"XXXX-[01][0-9](?:-[0-3][0-9])?(?:T|$)")
_HOLIDAY_EVENT_OF_YEAR = re.compile(r"\s+(?:[a-z]+\s+){1,2}of\s+((?:1[6-9]|20)[0-9]{2})(?![0-9])")
_THAT_YEAR_AFTER = re.compile(r",?\s+(?:(?:of|in)\s+)?that\s+(?:same\s+)?year\b", re.I)
_HOLIDAY_NEAR_DAY = 7  # days: how near the day a story is on its holiday may fall


def _story_holiday(value: str, state: _State, work: str, hit: Hit) -> str | None:
    """A holiday told in the past shortly after the month (or day) a story set years before the
    publication is in, that falls in that month (or within a week of that day), is that year's
    ("For 19 days in November 2012 the tenants had no heat. On Thanksgiving night ..."); else
    None."""
    ref = state.narrative
    if (
        ref is None
        or state.doc is None
        or not (ref.granularity == "month" or ref.granularity in _REF_GRANULARITIES["day"])
        or state.position - state.narrative_at > _STORY_MONTH_REACH
        or (
            state.doc.moment.year - ref.moment.year < _STORY_AGE
            and (ref.granularity != "day" or (state.doc.moment - ref.moment).days < _YEARS_BACK)
        )
        or tense_at(work, hit.start, hit.end) != "past"
        or _DEICTIC_WORD.match(work, hit.start)
        or _DEICTIC_BEFORE.search(work, max(0, hit.start - 12), hit.start)
    ):
        return None  # ("last Christmas", "this Thanksgiving" keep the publication's calendar)
    day = _holiday_in_year(value, ref.moment.year)
    if day is None:
        return None
    if ref.granularity == "month" and (day.year, day.month) != (ref.moment.year, ref.moment.month):
        return None
    if ref.granularity != "month" and abs(day - ref.moment.date()) > timedelta(
        days=_HOLIDAY_NEAR_DAY
    ):
        return None
    return _on_day(value, day)


def _story_month(value: str, state: _State, work: str, hit: Hit) -> str | None:
    """A month or season without a year, told in the past shortly after a day or month of a
    story set years before the publication, is in that story's year ("sailed on Feb. 2, 1912
    and reached the islands in early March"; "walked out on Monday, June 4, 1962 ... Through
    July and August"); else None.

    Deictic phrases ("this spring", "last fall") keep the publication's calendar, and a date
    that labels an event ("the Dec. 21, 1988, bombing ... agreed in April") is background.

    >>> state = _State(datetime(2012, 5, 19))
    >>> work = "they left on feb. 2, 1912 and reached the islands in early march."
    >>> state.position = 13
    >>> state.update("1912-02-02", "day")
    >>> hit = scan(work, work)[-1]
    >>> state.position = hit.start
    >>> _story_month("XXXX-03", state, work, hit)
    '1912-03'
    """
    if state.doc is None or hit.rule.ref != "doc":
        return None  # "the next spring", "that fall" have their own reading of the story
    holiday = "holiday" in hit.rule.value.functions()
    if (
        _THAT_YEAR_AFTER.match(work, hit.end)
        and state.narrative is not None
        and (_MONTH_OR_DAY.match(value) or holiday)
        and (state.doc.moment.year - state.narrative.moment.year) >= 1
    ):
        # "the 2008 earthquake, which struck on May 12 of that year", "by Diwali that year"
        year = state.narrative.moment.year
        if holiday:
            return _on_day(value, _holiday_in_year(value, year))
        return f"{year:04d}{value[4:]}"
    within = (
        _in_sentence_period(value, state, work, hit)
        or _in_sentence_year(value, state, work, hit)
        or _relative_scene_year(value, state, work, hit)
        or _narrative_scene_year(value, state, work, hit)
        or _pluperfect_before_story_day(value, state, work, hit)
        or _remembered_date(value, state, work, hit)
    )
    if within is not None:
        return within
    if holiday:
        if (event := _HOLIDAY_EVENT_OF_YEAR.match(work, hit.end)) is not None:
            # "the Christmas Eve flood of 1955", "the New Year's Day floods of 1997"
            return _on_day(value, _holiday_in_year(value, int(event.group(1))))
        return _story_holiday(value, state, work, hit)
    if _MONTH_DAY_TIME.fullmatch(value):
        # a day the text dated in full before ("last seen on Saturday 13 August 1988 ...
        # anyone who was there on the night of 13 August")
        # (of an old story, told in the past: not an anniversary to come)
        for _, _, dated in reversed(state.dated):
            if (
                dated.value[4:10] == value[4:10]
                and dated.value[:4].isdigit()
                and dated.granularity in _REF_GRANULARITIES["day"]
                and state.doc.moment.year - int(dated.value[:4]) >= _STORY_AGE
                and tense_at(work, hit.start, hit.end) == "past"
            ):
                return f"{dated.value[:4]}{value[4:]}"
        # a day of the month the story is in ("called him up in May 1997 ... on May 16",
        # "sailed on 12 November 1868 ... sank on 15 November")
        ref = state.narrative
        if (
            ref is None
            or ref.granularity not in ("month", "day")
            or ref.value[5:7] != value[5:7]
            or state.position - state.narrative_at > _STORY_MONTH_REACH
            or state.doc.moment.year - ref.moment.year < _STORY_AGE
            or tense_at(work, hit.start, hit.end) == "future"
        ):
            return None
        at = state.narrative_at - (state.position - hit.start)
        if at < 0 or _ATTRIBUTIVE.search(work, max(0, at - 6), at):
            return None  # "the August 1988 cease-fire ... on Aug. 2": a label, not the story
        return f"{ref.moment.year:04d}{value[4:]}"
    if not _MONTH_OR_SEASON.match(value):
        return None
    if _SINCE.search(work.lower(), max(0, hit.start - 24), hit.start) and present_perfect(
        work, hit.start, hit.end
    ):
        return None  # "Since May, officials have spoken only by video link": up to now
    ref, start = state.narrative, state.narrative_at
    contained = _month_in_period(value, ref, start, state, work, hit)
    if contained is not None:
        return contained
    if ref is not None and ref.granularity == "season":
        # a season of the story ("I was 16 that summer") stands for the day before it
        season = ref
        ref = None
        for at, _, dated in reversed(state.dated):
            if state.position - at > _STORY_MONTH_REACH:
                break
            if at < start and dated.granularity in _REF_GRANULARITIES["day"] | {"month", "week"}:
                # (past "that week" of the story, to its day: "began on 2 April 2012 ... told
                # the paper that week ... By that summer ... in June")
                if dated.moment.year == season.moment.year:
                    ref, start = dated, at
                break
    if ref is None or ref.granularity not in _REF_GRANULARITIES["day"] | {"month", "week"}:
        return None
    if state.position - start > _STORY_MONTH_REACH:
        return None
    if state.doc.moment.year - ref.moment.year < _STORY_AGE:
        return None
    at = start - (state.position - hit.start)  # where the story's date is in work
    if at < 0 or _ATTRIBUTIVE.search(work, max(0, at - 6), at):
        return None
    if _DEICTIC_WORD.match(work, hit.start) or tense_at(work, hit.start, hit.end) != "past":
        return None
    if _BACK_TO_NOW.search(work, at, hit.start):
        return None  # "a frost in July 1975 ... cut them this spring ... in June": now again
    return f"{ref.moment.year:04d}{value[4:]}"


# A deictic phrase between a story's date and a month: the text has come back to now.
_BACK_TO_NOW = re.compile(
    r"\b(?:(?:this|last|next)\s+(?:year|spring|summer|fall|autumn|winter|month|week)|"
    r"today|yesterday)\b",
    re.I,
)


def _after(ref: Reference) -> Reference:
    """``ref`` moved to the last instant of its period ("2003" -> the end of 2003), so that the
    next season or month after it comes after all of it.

    >>> _after(Reference.of("2003")).moment
    datetime.datetime(2003, 12, 31, 23, 59, 59)
    """
    span = interval(ref.value)
    if span is None or span.end - span.start <= timedelta(days=1):
        return ref
    return Reference(span.end - timedelta(seconds=1), ref.value, ref.granularity)


def _holiday_with_year(value: str, state: _State) -> str:
    """A holiday in a given year as its date; of a name several holidays share ("Eid"), the
    one nearest the publication day's day of that year (the first when there is none)."""
    m = _HOLIDAY_YEAR.match(value)
    if not m:
        return value
    spec = _setup()[0].holidays.get(m.group(2))
    year = int(m.group(1))
    days = holiday_dates(spec, year) if spec else []
    if not days:
        return value
    near = state.doc.moment.date() if state.doc else date(year, 1, 1)
    try:
        same_day = near.replace(year=year)
    except ValueError:  # February 29
        same_day = date(year, 3, 1)
    day = min(days, key=lambda d: abs(d - same_day))
    return day.isoformat() + (m.group(3) or "")


def _holiday_spec(value: str) -> dict | None:
    """The lexicon's entry for the holiday a value names ("XXXX-#easterTMO": Easter's)."""
    if "#" not in value:
        return None
    return _setup()[0].holidays.get(value.split("#", 1)[1].split("T", 1)[0])


def _placeholder_holiday(value: str) -> str:
    if "#" not in value:
        return value
    spec = _holiday_spec(value) or {}
    if "date" in spec:
        return f"XXXX-{spec['date']}"
    month = spec.get("month")
    return f"XXXX-{int(month):02d}-XX" if month else "XXXX-XX-XX"


# "In the 1950s, 300,000 people lived in the valley. Today the figure is 2.3 million": a
# sentence-opening "Today" in the present, set against a time years back, is the present age.
_PRESENT_AFTER = re.compile(
    r",?\s+(?:[a-z]+\s+){0,3}?(?:is|are|remains|stands|lives|live|employs|counts|holds|"
    r"[a-z]+['’]re|(?:has|have)(?!\s+(?:been|[a-z]+(?:ed|en|wn|ught|ade|ound|old|one)\b)))\b"
)
_ERA_BEFORE = re.compile(
    r"\b(?:1[0-9]{3}|20[0-9]{2})s?\b|\b(?:(?<!two )(?<!three )(?<!four )(?<!2 )(?<!3 )(?<!4 )"
    r"years|decades|centuries|generations?)\s+ago\b|"
    r"\bin\s+the\s+(?:past|old\s+days)\b|\bback\s+then\b|(?<!\bat )\bonce\b(?!\s+(?:again|more)\b)"
)
_ERA_REACH = 300
_ERA_CLOSE_REACH = 150
_TODAY_CLOSES = re.compile(r"[ \t]*(?:[.,;:!?\"”)]|\Z)")
# "said today", "will vote today": the day's own news
_TOLD_TODAY = re.compile(
    r"\b(?:said|says|say|told|announced|reported|will|would|plans?|expected|scheduled|likely)\b"
)
_ERA_MIN_YEARS = 5
# ... not a day's own clause: "Today's programme", "Today, stay inside", "Today I can finally
# tell", "Today they have seen justice done", "Today belongs to the people"
_DAY_CLAUSE = re.compile(
    r"['’]s\b|,?\s+(?:stay|keep|go|come|let|be|do|don['’]t|belongs?)\b"
    r"|[^.;!?]*?\b(can|could|will|would|may|might|must|shall|has|have|had)\b"
)
# ... nor one set against yesterday or tomorrow ("Yesterday they cut the line. Today they fire")
_DAY_CONTRAST = re.compile(r"\b(?:yesterday|tomorrow|tonight)\b")


_THAT_NIGHT = re.compile(r"that\s+(?:night|evening)\b")


def _that_night(fields: dict, state: _State) -> dict | None:
    """ "That night" read as tonight or last night names, in a story told of some night past,
    that night: the latest evening or night time the text dated at least two days before the
    publication ("treated in hospital that night", long after "the leak began at 11:45 p.m.
    on June 20"); else None."""
    value = str(fields.get("value") or "")
    if state.doc is None or not re.match(r"\d{4}-\d\d-\d\dT(?:NI|EV)$", value):
        return None
    doc = state.doc.moment.date()
    if date.fromisoformat(value[:10]) < doc - timedelta(days=1):
        return None
    for _, _, ref in reversed(state.dated):
        day = ref.moment.date()
        evening = ref.value.endswith(("TNI", "TEV")) or (
            ref.granularity in ("hour", "minute", "second")
            and (ref.moment.hour >= _EVENING_HOUR or ref.moment.hour < _SMALL_HOURS)
        )
        if not evening or day >= doc - timedelta(days=1):
            continue
        if ref.granularity in ("hour", "minute", "second") and ref.moment.hour < _SMALL_HOURS:
            day -= timedelta(days=1)  # 12:30 a.m. is the night before
        out = day.isoformat() + value[10:]
        return _fields(out, interval(out), "narrative", ref, state)
    return None


def _night_of_small_hours(fields: dict) -> dict | None:
    """ "That night" told from a clock of the small hours ("alarms sounded at 12.40am ... treated
    in hospital that night") is the night before that clock's date; else None.

    >>> _night_of_small_hours({"value": "2015-06-21TNI", "reference": "2015-06-21T00:40"})["value"]
    '2015-06-20TNI'
    """
    value, ref = str(fields.get("value") or ""), str(fields.get("reference") or "")
    clock = re.fullmatch(r"(\d{4}-\d\d-\d\d)T(\d\d):\d\d(?::\d\d)?", ref)
    if not value.endswith("TNI") or clock is None or value[:10] != clock[1]:
        return None
    if int(clock[2]) >= _SMALL_HOURS:
        return None
    day = (date.fromisoformat(value[:10]) - timedelta(days=1)).isoformat() + "TNI"
    span = interval(day)
    out = {**fields, "value": day}
    if span is not None:
        out["start"], out["end"] = span.iso()
    return out


def _hours_ago_of_a_day(hit: Hit, fields: dict, state: _State) -> bool:
    """True for "N hours (minutes) ago" counted from the publication day: the hour it would
    name is made up (the day is known, the clock of publication is not used)."""
    return (
        hit.rule.name == "ago"
        and state.doc is not None
        and fields.get("anchor") == "published"
        and bool(re.search(r"T\d\d", str(fields.get("value") or "")))
    )


def _today_of_an_era(work: str, low: str, hit: Hit, state: _State) -> bool:
    """True when "Today" opens a sentence in the present (not a perfect: "Today Vardenia has
    chosen" is a day's event) and the text just before it tells of a time years back (a year
    at least five years before publication, "years ago")."""
    if _SENTENCE_START.search(work, max(0, hit.start - 6), hit.start):
        if not _PRESENT_AFTER.match(low, hit.end):
            # "Today Interstate 80 follows the old airway", "Today people shrug": any simple
            # present, not a day's news ("Today officials said", "Today the council will vote")
            a, b = sentence_around(work, hit.start, hit.end)
            if (
                tense_at(work, hit.start, hit.end) is not None
                or _TOLD_TODAY.search(low, hit.end, b)
                or _DAY_CLAUSE.match(low, hit.end)
                or _DAY_CONTRAST.search(
                    low, max(0, hit.start - _ERA_CLOSE_REACH), b + _ERA_CLOSE_REACH
                )
            ):
                return False
        reach = _ERA_REACH
    elif _TODAY_CLOSES.match(low, hit.end):
        # "... had 6,200 residents in 2000; roughly 5,100 live here today", "shrunk from $6
        # million in 2010 to $1.1 million today": a clause's last word, in the present, set
        # against a time of its sentence or the one before
        a, b = sentence_around(work, hit.start, hit.end)
        if (
            tense_at(work, hit.start, hit.end) == "past"
            or _TOLD_TODAY.search(low, a, hit.start)
            or _TOLD_TODAY.search(low, hit.end, b)
        ):
            return False
        reach = _ERA_CLOSE_REACH
    else:
        return False
    # the time told last before "Today" is the one it is set against
    last = next(
        reversed(list(_ERA_BEFORE.finditer(low, max(0, hit.start - reach), hit.start))), None
    )
    if last is None:
        return False
    digits = last.group()[:4]
    if not digits.isdigit():
        return True
    return state.doc is not None and state.doc.moment.year - int(digits) >= _ERA_MIN_YEARS


# A repost's stamp of its first publication ("Originally published: Wednesday 24 June 2015"):
# the text after it was written then, and its "last Saturday" counts from that day. ("First
# published ... Updated ..." stamps head a story that was updated since: not that.)
_FIRST_PUBLISHED = re.compile(
    r"(?:^|\n)[ \t]*(?:originally\s+(?:published|posted|appeared|ran)(?:\s+(?:on|here|in\s+print))?"
    r"|original\s+(?:release|story|post|report|statement))"
    r"\s*[:,\-–—]?\s*(?:on\s+)?\Z"
)


# A clock time that opens a line, perhaps after "Posted at" or "Updated", and is followed by
# the end of the line, a dash or colon, or a headline: an entry stamp of a live page or of a
# timeline of events ("23:40 - Night-shift staff notice ...").
_STAMP_BEFORE = re.compile(
    r"(?:\A|\n)[ \t>*•\-]*(?:(?:posted|updated|published)(?:\s+at)?\s+)?\Z", re.I
)
_STAMP_AFTER = re.compile(r"[ \t]*(?:$|[\-–—:|]\s|[\"'‘“]?[A-Z])", re.M)
_CLOCK_OF = re.compile(r"T([0-9]{2}):([0-9]{2})")
# A line that is only a date: the heading of the entries under it ("TUESDAY, MAY 9").
_HEADING_LINE = re.compile(r"[ \t]*[:.\-–—]?[ \t]*(?:\n|\Z)")
_ENTRY_COLON = re.compile(r"[ \t]*(?::|[\-–—]\s)")


# A date and clock time that ends its line after a short name: the stamp of a reader's comment
# ("oldsalt62 | 15 July 2013, 08:30", "Tina R. · March 16, 2017 at 7:15 am").
_DATED_CLOCK = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")
_COMMENT_BEFORE = re.compile(
    r"(?:\A|\n)(?:[^\n!?:|·•]{1,40}[|·•][ \t]*|(?!(?:posted|updated|published|modified)\b)"
    r"[\w.\-]{2,30}[ \t]+)\Z",
    re.I,
)
_COMMENT_AFTER = re.compile(r"[ \t]*\n")


def _is_stamp(work: str, hit: Hit) -> bool:
    """True for a clock time that stamps an entry of a live page or a timeline."""
    return (
        _CLOCK_OF.search(hit.value) is not None
        and _STAMP_BEFORE.search(work, max(0, hit.start - 24), hit.start) is not None
        and _STAMP_AFTER.match(work, hit.end) is not None
    )


def _stamp_day(state: _State, work: str, hit: Hit) -> Reference | None:
    """The day an entry stamp is on: the day heading the entries (else the publication day),
    or the day of the stamp before it, moved across midnight where the page's order says so
    (a page read newest first: "12:31 a.m." above "11:47 p.m." of the day before)."""
    if state.doc is None or not _is_stamp(work, hit):
        return None
    last = state.last_stamp
    if last is None:
        return state.heading or Reference.of(state.doc.moment.date().isoformat())
    day = last.moment.date()
    clock = _CLOCK_OF.search(hit.value)
    if clock is not None:
        minutes = int(clock[1]) % 24 * 60 + int(clock[2])
        before = last.moment.hour * 60 + last.moment.minute
        # Only a long step back crosses midnight ("11:47 p.m." after "12:31 a.m." on a page
        # read newest first); a short one ("7:26 p.m." after "6 p.m.") says the order was
        # guessed wrong, and stays on the day.
        if state.stamp_order > 0 and before - minutes > _MIDNIGHT_STEP:
            day += timedelta(days=1)
        elif state.stamp_order < 0 and minutes - before > _MIDNIGHT_STEP:
            day -= timedelta(days=1)
    return Reference.of(day.isoformat())


def _heading_day(state: _State) -> Reference | None:
    """The day a dated heading on a line of its own gives the lines under it, while the story
    is still on that day (no other day or period named since) and the heading is close
    (``_HEADING_REACH``)."""
    heading = state.heading
    if (
        heading is None
        or not state.heading_plain
        or state.heading_left
        or state.narrative is None
        or state.position - state.heading_at > _HEADING_REACH
        or heading.granularity not in _REF_GRANULARITIES["day"]
    ):
        return None
    return state.narrative


_HEADING_REACH = 600  # characters from one dated heading of a list to the next
_MIDNIGHT_STEP = 12 * 60  # minutes a stamp must step back by to be on the next (previous) day
_ENTRY_REACH = 600  # characters an entry of a live page runs after its stamp


def _entry_day(state: _State) -> Reference | None:
    """The day of the live-page entry being read, when it is not the publication day: what
    its "today", "tonight" and "this afternoon" are of (an entry stamped "4:30 p.m." on a page
    updated past midnight)."""
    last = state.last_stamp
    if (
        last is None
        or state.doc is None
        or state.position - state.last_stamp_at > _ENTRY_REACH
        or last.moment.date() == state.doc.moment.date()
    ):
        return None
    return Reference.of(last.moment.date().isoformat())


# A clock told as the time now, as a broadcast does ("It's ten past six in Sydney", "it's just
# after three o'clock here")
_NOW_CLOCK_BEFORE = re.compile(
    r"\bit(?:['’]s|\s+is)\s+(?:now\s+)?(?:(?:just|a\s+little|shortly)\s+)?(?:(?:after|before|past|"
    r"gone)\s+)?\Z"
)
_HEADER_REACH = 400  # characters from the top a header's clock is read in
_CLOCK_24 = re.compile(r"(?<![0-9])(?:0[0-9]|1[3-9]|2[0-3])[:.]?[0-5][0-9](?![0-9])")
# a clock value, its seconds ("18:10:00" in a header told to the second) left out
_CLOCK_VALUE_HM = re.compile(r"(\d{4}-\d\d-\d\d)T(\d\d)(:\d\d)(?::\d\d)?$")


def _now_clock_near_header(fields: dict, state: _State, low: str, hit: Hit) -> dict:
    """A clock time told as the time now, with no a.m. or p.m. ("It's ten past six"), in the
    half of the day nearest the clock the text's header gives for the publication day ("PM -
    Tuesday, 11 February 2025 18:10:00": 18:10, not 06:10); else ``fields`` as they are. The
    first clock of the publication day told near the top of the text is taken as the header's.
    """
    value = str(fields.get("value") or "")
    m = _CLOCK_VALUE_HM.match(value)
    if m is None:
        return fields
    if (
        state.header_clock is None
        and state.doc is not None
        and state.position < _HEADER_REACH
        and m[1] == state.doc_iso[:10]
    ):
        # (a clock whose half of the day is told: a.m. or p.m., or a 24-hour clock)
        if _HAS_MERIDIEM.search(low, hit.start, hit.end) or _CLOCK_24.search(
            low, hit.start, hit.end
        ):
            state.header_clock = Reference.of(value)
        return fields
    header = state.header_clock
    if (
        header is None
        or header.value[:10] != m[1]
        or _HAS_MERIDIEM.search(low, hit.start, hit.end)
        or not _NOW_CLOCK_BEFORE.search(low, max(0, hit.start - 40), hit.start)
    ):
        return fields
    hour = int(m[2]) % 12
    options = (hour, hour + 12)
    best = min(options, key=lambda h: abs(h * 60 - header.moment.hour * 60 - header.moment.minute))
    return _with_value(fields, f"{m[1]}T{best:02d}{m[3]}")


_BROADCAST_HOUR_RULES = frozenset(
    {"this_hour_broadcast", "top_of_the_hour", "minutes_past_the_hour"}
)


def _broadcast_hour(fields: dict, state: _State, low: str, hit: Hit) -> dict:
    """The hour a broadcast is in, from its header's clock ("Aired June 30, 2025 - 10:00 ET"):
    "later this hour" is that hour (2025-06-30T10), "the top of the hour" the next one's start
    (T11:00), "the bottom of the hour" its half past (T10:30) and "11 minutes past the hour"
    T10:11; ``fields`` (the publication day) when the text gives no clock for the day."""
    header = state.header_clock
    if header is None or state.doc is None or header.value[:10] != state.doc_iso[:10]:
        return fields
    day, hour, minute = header.value[:10], header.moment.hour, header.moment.minute
    text = low[hit.start : hit.end]
    if hit.rule.name == "this_hour_broadcast":
        value = f"{day}T{hour:02d}"
    elif hit.rule.name == "minutes_past_the_hour":
        # ("11 minutes", "twenty-one minutes": digits or number words)
        words = table_key(text.split(" minute", 1)[0])
        count = int(words) if words.isdigit() else number_words(words, _setup()[0].tables)
        amount = int(count) if count is not None and count == int(count) else None
        if amount is None or not 0 < amount < 60:
            return fields
        value = f"{day}T{hour:02d}:{amount:02d}"
    elif "bottom" in text:
        value = f"{day}T{hour:02d}:30" if minute < 30 else f"{day}T{(hour + 1) % 24:02d}:30"
    else:
        if hour == 23:
            return fields
        value = f"{day}T{hour + 1:02d}:00"
    span = interval(value)
    return _fields(value, span, "published", state.doc, state) if span else fields


def _note_stamp(state: _State, value: str, heading: bool) -> None:
    """Remember an entry stamp or a dated heading, and the order the entries run in."""
    ref = Reference.of(value)
    if ref is None:
        return
    if heading:
        day = Reference.of(value[:10])
        state.stamp_order = 0
        if (
            state.heading is not None
            and day is not None
            and day.moment != state.heading.moment
            and state.position - state.heading_at <= _HEADING_REACH
        ):
            # the days heading a list run one way ("14 July: ... 17 July, 10.15pm: ...")
            state.stamp_order = 1 if day.moment > state.heading.moment else -1
        state.heading, state.heading_at = day or state.heading, state.position
        state.heading_plain, state.heading_left = len(value) == 10, False
        state.last_stamp = ref if len(value) > 10 else None
        state.last_stamp_at = state.position
        return
    last = state.last_stamp
    if last is not None and ref.moment != last.moment and ref.moment.date() == last.moment.date():
        state.stamp_order = 1 if ref.moment > last.moment else -1
    state.last_stamp, state.last_stamp_at = ref, state.position


def _rebase(state: _State, fields: dict) -> None:
    """Read on from the first publication day ``fields`` give (a day or a time of one, before
    the publication day)."""
    value = str(fields.get("value") or "")
    if state.doc is None or not re.match(r"\d{4}-\d\d-\d\d", value):
        return
    first = datetime.fromisoformat(value[:10])
    if first.date() >= state.doc.moment.date():
        return
    state.doc = Reference.published(first)
    state.doc_iso = first.date().isoformat()
    state.narrative, state.narrative_at = None, state.position


_NUMERIC_DAY = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_DAY_FIRST_DAYS = 92  # how far back a day-first reading may reach to avoid a future date


def _next_weekday_past_tomorrow(hit: Hit, fields: dict, state: _State, low: str) -> dict:
    """ "next Saturday" told of a Friday (any weekday told of the day before it) is not the
    next day, which needs no "next", but the one of the week after (blind sets 4 of 4; "this
    coming Saturday" stays the next day).

    >>> state = _State(datetime(2025, 2, 21))
    >>> low = "next saturday i hope to help."
    >>> hit = scan(low, low)[0]
    >>> fields = {"value": "2025-02-22", "reference": "2025-02-21"}
    >>> _next_weekday_past_tomorrow(hit, fields, state, low)["value"]
    '2025-03-01'
    """
    value = str(fields.get("value") or "")
    told = _NUMERIC_DAY.match(str(fields.get("reference") or ""))
    if (
        hit.rule.name != "next_weekday"
        or not low.startswith("next", hit.start)
        or told is None
        or not _NUMERIC_DAY.fullmatch(value)
        or date.fromisoformat(value) != date.fromisoformat(told.group()) + timedelta(days=1)
    ):
        return fields
    later = (date.fromisoformat(value) + timedelta(days=7)).isoformat()
    return {
        **fields,
        **_fields(later, interval(later), str(fields.get("anchor")), state.doc, state),
    }


def _day_first_if_published(hit: Hit, fields: dict, state: _State) -> dict:
    """A numeric date both ways readable ("09/07/2013") read day first when that is the
    publication day and month first is not: a British stamp of the day it went out.

    >>> hit = scan("Published: 09/07/2013", "published: 09/07/2013")[0]
    >>> state = _State(datetime(2013, 7, 9))
    >>> _day_first_if_published(hit, _fields("2013-09-07", None, "absolute", None, state), state)["value"]
    '2013-07-09'
    """
    if state.doc is None or "numdate" not in hit.rule.value.functions():
        return fields
    m = _NUMERIC_DAY.match(fields["value"])
    if m is None or m[2] == m[3] or int(m[3]) > 12:
        return fields
    published = state.doc.moment.date().isoformat()
    swapped = f"{m[1]}-{m[3]}-{m[2]}"
    if swapped != published and not (
        # "a notice dated 11/9/2023", told on 2023-09-14: not November, still to come, but
        # September 11, just gone
        fields["value"][:10] > published >= swapped
        and (state.doc.moment.date() - date.fromisoformat(swapped)).days <= _DAY_FIRST_DAYS
    ):
        return fields
    value = swapped + fields["value"][10:]
    return {**fields, **_fields(value, interval(value), fields["anchor"], None, state)}


_JUST_GONE_DAYS = 14


def _last_holiday_a_year_back(hit: Hit, fields: dict, state: _State) -> dict:
    """ "last Christmas" told within two weeks after Christmas is the one a year before ("some
    of them I hadn't seen since last Christmas", on Dec. 27; blind sets 2 of 2, and no "last"
    holiday of theirs names one just gone).

    >>> state = _State(datetime(2012, 12, 27))
    >>> low = "since last christmas"
    >>> hit = scan(low, low)[0]
    >>> _last_holiday_a_year_back(hit, {"value": "2012-12-25", "anchor": "published"}, state)["value"]
    '2011-12-25'
    """
    value = str(fields.get("value") or "")
    if state.doc is None or not re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return fields
    gone = state.doc.moment - datetime.fromisoformat(value)
    if not timedelta(0) <= gone <= timedelta(days=_JUST_GONE_DAYS):
        return fields
    earlier = Reference.of(value)
    before = resolve_partial(hit.value, earlier, "last", _setup()[0].holidays) if earlier else None
    if not before:
        return fields
    return _fields(before, interval(before), fields.get("anchor", "published"), earlier, state)


def _fields(value: str, span, anchor: str, ref: Reference | None, state: _State) -> dict:
    out: dict = {"value": value, "anchor": anchor, "start": None, "end": None}
    if span is not None:
        out["start"], out["end"] = span.iso()
        out["granularity"] = span.granularity
    else:
        out["granularity"] = granularity_of(value) if not value.startswith("P") else None
    if ref is not None:
        out["reference"] = state.doc_iso if ref is state.doc else ref.value
    return out


def annotate(text: str, published: datetime | None, *, timeml: bool = False) -> list[Mention]:
    """All time expressions of ``text`` as Mentions (offsets into ``text``), in order.

    Long texts are read in pieces cut at paragraph or sentence ends, so the working memory
    stays the same however long the text is; the narrative reference runs across pieces.
    ``timeml=True`` drops what the TimeML corpora do not annotate (ages), for evaluation.
    A publication date outside :data:`timeline.dates.YEARS` is an error (a DateError).
    """
    if published is not None:
        parse_published(published)
    state = _State(published)
    state.text = text  # (read for places only when a season is named: see _is_southern)
    mentions: list[Mention] = []
    for offset, piece in chunks(text):
        mentions.extend(_annotate_piece(piece, offset, state, timeml))
    mentions = _holidays_of_the_story(text, mentions, state)
    mentions = _later_from_nothing(mentions)
    mentions = _election_days(text, mentions)
    mentions = _range_start_years(text, _range_end_days(text, mentions))
    mentions = _range_start_month_years(text, mentions)
    mentions = _zone_glosses_across_midnight(text, mentions)
    mentions = _contrasted_weekdays(text, mentions)
    return _clock_apart_from_holiday_year(_year_after_in_apart(mentions)) if timeml else mentions


_CLOCK_VALUE = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})T([0-9]{2}):([0-9]{2})")
_GLOSS_NAMES_DAY = re.compile(
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|"
    r"dec|today|tonight|yesterday|tomorrow",
    re.IGNORECASE,
)
_ZONE_GLOSS_OPEN = re.compile(r"[ \t]*[(\[][ \t]*\Z")


def _zone_glosses_across_midnight(text: str, mentions: list[Mention]) -> list[Mention]:
    """A clock time glossed in another zone in brackets right after it is the same instant,
    so when the two clocks lie more than twelve hours apart on one day the gloss is on the
    day after or before ("at about 11:30 p.m. CT (12:30 a.m. ET)": the next day's 00:30).

    >>> from datetime import datetime
    >>> ms = annotate("It sank at 11:30 p.m. CT (12:30 a.m. ET) on Saturday.", datetime(2016, 5, 29))
    >>> [(m.text, m.value) for m in ms][:2]
    [('11:30 p.m. CT', '2016-05-28T23:30'), ('12:30 a.m. ET', '2016-05-29T00:30')]
    """
    out = list(mentions)
    for i in range(1, len(out)):
        first, gloss = out[i - 1], out[i]
        a, b = _CLOCK_VALUE.match(first.value), _CLOCK_VALUE.fullmatch(gloss.value)
        if a is None or b is None or a[1] != b[1]:
            continue
        if not _ZONE_GLOSS_OPEN.fullmatch(text, first.end_char, gloss.start_char):
            continue
        if _GLOSS_NAMES_DAY.search(gloss.text):
            continue  # ("2200 GMT on Wednesday"): the gloss tells its own day
        apart = int(b[2]) * 60 + int(b[3]) - int(a[2]) * 60 - int(a[3])
        if abs(apart) <= 12 * 60:
            continue
        day = date.fromisoformat(b[1]) + timedelta(days=-1 if apart > 0 else 1)
        out[i] = _revalued(gloss, f"{day.isoformat()}{gloss.value[10:]}")
    return out


_CONTRAST = re.compile(r",?[ \t]*(?:not|instead\s+of|rather\s+than)[ \t]+(?:on[ \t]+)?\Z", re.I)
_BARE_WEEKDAY = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day\Z", re.I)


def _contrasted_weekdays(text: str, mentions: list[Mention]) -> list[Mention]:
    """A weekday set against the day told just before it ("return on Thursday, not Wednesday
    as first planned", "on Monday rather than Tuesday") is the one of the same week, near
    that day, whatever the tense of its own words.

    >>> from datetime import datetime
    >>> ms = annotate("He will return on Thursday, not Wednesday as first planned.", datetime(2000, 6, 11))
    >>> [(m.text, m.value) for m in ms]
    [('Thursday', '2000-06-15'), ('Wednesday', '2000-06-14')]
    """
    out = list(mentions)
    for i in range(1, len(out)):
        first, other = out[i - 1], out[i]
        if not (_NUMERIC_DAY.fullmatch(first.value) and _NUMERIC_DAY.fullmatch(other.value)):
            continue
        if not (_BARE_WEEKDAY.match(first.text) and _BARE_WEEKDAY.match(other.text)):
            continue
        if not _CONTRAST.fullmatch(text, first.end_char, other.start_char):
            continue
        told = date.fromisoformat(first.value)
        weekday = date.fromisoformat(other.value).weekday()
        delta = (weekday - told.weekday()) % 7
        near = told + timedelta(days=delta - 7 if delta > 3 else delta)
        if near.isoformat() != other.value:
            out[i] = _revalued(other, near.isoformat())
    return out


def _revalued(m: Mention, value: str) -> Mention:
    """A copy of ``m`` with another value, and the interval of that value."""
    span = interval(value)
    return m.model_copy(
        update={
            "value": value,
            "start": span.iso()[0] if span else None,
            "end": span.iso()[1] if span else None,
        }
    )


def _later_from_nothing(mentions: list[Mention]) -> list[Mention]:
    """ "40 years later" counted from the publication for want of any date told before it (a
    headline, "40 years later, remembering the Thanksgiving a turkey flew"): the length, as
    TimeML marks it, not a date decades on. Years and decades only: "a week later" stays the
    date a story has got to.

    >>> from datetime import datetime
    >>> [(m.text, m.value) for m in annotate("40 years later, the flood", datetime(2017, 11, 21))]
    [('40 years', 'P40Y')]
    """
    out: list[Mention] = []
    for m in mentions:
        cut = _LATER.search(m.text.lower()) if m.rule == "units_later" else None
        if cut is None or m.anchor != "published" or m.granularity not in _YEARS_LATER:
            out.append(m)
            continue
        head = m.text[: cut.start()]
        inner = scan(head, head.lower())
        if len(inner) != 1 or inner[0].rule.type != "DURATION" or inner[0].end != len(head):
            out.append(m)
            continue
        length = inner[0]
        out.append(
            m.model_copy(
                update={
                    "end_char": m.start_char + len(head),
                    "text": head,
                    "type": "DURATION",
                    "value": length.value,
                    "start": None,
                    "end": None,
                    "granularity": None,
                    "anchor": "absolute",
                    "reference": None,
                    "rule": length.rule.name,
                }
            )
        )
    return out


_YEARS_LATER = frozenset({"year", "decade", "century"})
_HOLIDAY_YEAR_CLOCK_RULES = frozenset(("clock_holiday_year", "clock_holiday_last_next_year"))


def _clock_apart_from_holiday_year(mentions: list[Mention]) -> list[Mention]:
    """TimeML's two timexes for a clock time on a holiday told with its year ("9pm on
    Australia Day 2013", "4pm on Independence Day last year"): the clock, and the holiday with
    its year (blind sets 4 of 4; without a year, "7.20am on Labour Day" stays one).

    >>> from datetime import datetime
    >>> ms = annotate("It began at 9pm on Australia Day 2013.", datetime(2015, 2, 2), timeml=True)
    >>> [(m.text, m.value) for m in ms]
    [('9pm', '2013-01-26T21:00'), ('Australia Day 2013', '2013-01-26')]
    """
    out: list[Mention] = []
    for m in mentions:
        cut = _CLOCK_ON_DAY.search(m.text)
        if m.rule not in _HOLIDAY_YEAR_CLOCK_RULES or cut is None or "T" not in m.value:
            out.append(m)
            continue
        out.append(_head_kept(m, cut.start()))
        out.append(_date_split_off(m, cut.end(), m.value.split("T", 1)[0], "day"))
    return out


_IN_YEAR_AFTER = re.compile(r"\s+in\s+([12][0-9]{3})\Z")


def _year_after_in_apart(mentions: list[Mention]) -> list[Mention]:
    """TimeML's two timexes for a day told with "in <year>" after it ("Canada Day in 2020",
    "Christmas night in 1991"): the day, with that year in its value, and the year itself.
    Our blind sets split 48 of 54 so; a preposition is not part of an extent in TimeML.

    >>> from datetime import datetime
    >>> [(m.text, m.value) for m in annotate("on Canada Day in 2020.", datetime(2022, 3, 9), timeml=True)]
    [('Canada Day', '2020-07-01'), ('2020', '2020')]
    """
    out: list[Mention] = []
    for m in mentions:
        cut = _IN_YEAR_AFTER.search(m.text)
        if cut is None or not m.value.startswith(cut.group(1)) or len(m.value) <= 4:
            out.append(m)
            continue
        out.append(_head_kept(m, cut.start()))
        out.append(_date_split_off(m, cut.start(1), cut.group(1), "year"))
    return out


def _head_kept(m: Mention, cut: int) -> Mention:
    """``m`` cut back to its text before ``cut``."""
    return m.model_copy(update={"end_char": m.start_char + cut, "text": m.text[:cut]})


def _date_split_off(m: Mention, at: int, value: str, granularity: str) -> Mention:
    """The DATE that TimeML marks apart from the end of ``m``: its text from ``at`` on, with
    ``value``, told in full (none of ``m``'s modifier, anchor or reference)."""
    span = interval(value)
    return m.model_copy(
        update={
            "start_char": m.start_char + at,
            "text": m.text[at:],
            "type": "DATE",
            "value": value,
            "start": span.iso()[0] if span else None,
            "end": span.iso()[1] if span else None,
            "granularity": granularity,
            "anchor": "absolute",
            "mod": None,
            "reference": None,
        }
    )


# "election day", "polling day", "election night": the day of the vote a story tells; the day
# comes from the dates its sentences of voting name ("Turnout on polling day, 2 May", "polls
# closed at 8 p.m. Tuesday", "the Dec. 12 election").
_ELECTION_DAY = re.compile(r"\b(?:election|polling|voting)[ \-](?P<part>day|night)\b", re.I)
_VOTING_WORDS = re.compile(
    r"\b(?:(?P<strong>elections?|by-elections?|(?<!\ba\s)(?<!opinion\s)(?<!new\s)polls?|polling|"
    r"referendum)|vote[ds]?|voters|voting)\b",
    re.I,
)
_AS_BEFORE = re.compile(r"\bas\s+\Z", re.I)
_CLOCK_ON_DAY = re.compile(r"\s+on\s+")
# a month's name or a number in the mention (a date or clock told in numbers)
_TOLD_IN_FULL = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s|[0-9]", re.I
)
_ELECTION_REACH = 50  # characters around a date in which a voting word ties it to the vote


def _election_days(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with each untagged "election day", "polling day" or "election night" dated
    by the day the text ties to voting most often (a word of voting within its reach, "polls"
    and "election" counting twice), when one day leads.

    >>> from datetime import datetime
    >>> ms = annotate("Polls close at 10pm on 12 December. Counts start soon after polls close "
    ...               "on polling day.", datetime(2019, 10, 30))
    >>> [(m.text, m.value) for m in ms if "day" in m.text]
    [('polling day', '2019-12-12')]
    """
    found = list(_ELECTION_DAY.finditer(text))
    if not found:
        return mentions
    weight: dict[str, int] = {}
    for m in mentions:
        day = (m.value or "")[:10]
        if not _NUMERIC_DAY.fullmatch(day) or m.granularity not in _REF_GRANULARITIES["day"]:
            continue
        a, b = max(0, m.start_char - _ELECTION_REACH), m.end_char + _ELECTION_REACH
        s, e = sentence_around(text, m.start_char, m.end_char)
        tie = _VOTING_WORDS.search(text, max(a, s), m.start_char) or _VOTING_WORDS.search(
            text, m.end_char, min(b, e)
        )  # (not a word of its own: "Election Day" is no day tied to voting)
        if tie is not None:
            # (a date told in full counts once more than a weekday or "today")
            told = 1 if m.anchor == "absolute" or _TOLD_IN_FULL.search(m.text) else 0
            weight[day] = weight.get(day, 0) + (2 if tie.group("strong") else 1) + told
    ranked = sorted(weight.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return mentions  # (no day of voting told, or two told as often)
    day = ranked[0][0]
    starts = [m.start_char for m in mentions]  # (sorted: mentions come in order)
    out = list(mentions)
    dropped: set[int] = set()  # ids of clocks merged into the day after them
    for hit in found:
        i = bisect_left(starts, hit.end())
        if i > 0 and mentions[i - 1].end_char > hit.start():
            continue  # (a mention covers it)
        if _AS_BEFORE.search(text, max(0, hit.start() - 4), hit.start()):
            continue  # "named 4 July as polling day": the role of a date told beside it
        night = hit.group("part").lower() == "night"
        value = day + ("TNI" if night else "")
        begin = hit.start()
        clock = mentions[i - 1] if i > 0 else None
        if (
            clock is not None
            and _CLOCK_ON_DAY.fullmatch(text, clock.end_char, begin)
            and (told := _CLOCK_OF.search(clock.value or "")) is not None
        ):
            # "until 5pm on polling day", "at 11:40 p.m. on election night": one TIME (the
            # small hours of election night are the next day's)
            on = date.fromisoformat(day)
            if night and int(told[1]) < _SMALL_HOURS:
                on += timedelta(days=1)
            value = on.isoformat() + "T" + clock.value.split("T", 1)[1]
            begin = clock.start_char
            dropped.add(id(clock))
        span = interval(value)
        if span is None:
            continue
        start, end = span.iso()
        out.append(
            Mention(
                start_char=begin,
                end_char=hit.end(),
                text=text[begin : hit.end()],
                type="TIME" if night or begin != hit.start() else "DATE",
                value=value,
                start=start,
                end=end,
                granularity=span.granularity,
                anchor="narrative",
                reference=day,
                rule="election_day",
            )
        )
    return sorted((m for m in out if id(m) not in dropped), key=lambda m: m.start_char)


# Rules that name a holiday with its year ("Canada Day in 2020", "the night of Dussehra in
# 2023", "Easter last year")
_HOLIDAY_WITH_YEAR = frozenset(
    (
        "holiday_year",
        "year_holiday",
        "pod_of_holiday_year",
        "pod_of_holiday_this_year",
        "holiday_this_year",
        "holiday_years_ago",
        "pod_of_holiday_years_ago",
        "clock_holiday",
    )
)
_STORY_HOLIDAY_NEAR = timedelta(days=31)
# how far from a holiday told with its year another holiday of the same season may lie
_HOLIDAY_FAMILY = timedelta(days=10)
_DEICTIC_BEFORE = re.compile(r"\b(?:this|last|next)\s+\Z", re.I)
_HOLIDAY_NAME = re.compile(
    r"(?:.*?\s+on\s+)?(?:the\s+\w+\s+of\s+)?(?:the\s+)?(?P<name>.+?)"
    r"(?:,?\s+(?:in\s+)?[0-9]{4}|\s+(?:of\s+)?(?:last|next|this)\s+year)?\Z",
    re.I,
)


def _holidays_of_the_story(text: str, mentions: list[Mention], state: _State) -> list[Mention]:
    """A holiday named without a year, told in the past or in a headline, in a document that
    dates the same holiday, or one of the same season, in a year gone by, is the one of that
    year ("8 years for Canada Day stabbing ... stabbed on the night of Canada Day in 2020";
    "arrived at 4.10pm on Good Friday", after "Easter last year"), not the latest one.

    >>> ms = annotate("Man jailed for Canada Day stabbing. Ethan Houle was stabbed on the night "
    ...               "of Canada Day in 2020.", datetime(2022, 3, 9))
    >>> [(m.text, m.value) for m in ms]
    [('Canada Day', '2020-07-01'), ('the night of Canada Day in 2020', '2020-07-01TNI')]
    """
    if state.doc is None:
        return mentions
    holidays = _setup()[0].holidays
    today = state.doc.moment.date()
    told: dict[str, set[date]] = {}  # holiday -> the days it is told with its year
    for m in mentions:
        if m.rule in _HOLIDAY_WITH_YEAR and (named := _HOLIDAY_NAME.match(m.text)) is not None:
            if (
                m.rule == "clock_holiday"
                and m.anchor != "absolute"
                and not _dated_after(m, mentions)
            ):
                continue  # (a clock on a holiday is dated only by a date told right after it)
            day = date.fromisoformat(m.value[:10]) if _NUMERIC_DAY.match(m.value) else None
            if day is not None and day < today:
                told.setdefault(table_key(named.group("name")), set()).add(day)
    # days told in full with their year ("on April 27, 2023"), gone by, and where
    dated = [
        (m.start_char, date.fromisoformat(m.value[:10]))
        for m in mentions
        if m.anchor == "absolute" and _DAY_ONLY.match(m.value) and YEAR_DIGITS.search(m.text)
    ]
    dated = [(at, d) for at, d in dated if d < today]
    if not told and not dated:
        return mentions
    all_told = {d for days in told.values() for d in days}
    out = []
    for m in mentions:
        key = table_key(m.text)
        spec = holidays.get(key)
        day = None
        if m.rule == "holiday" and spec is not None and _NUMERIC_DAY.match(m.value):
            same = told.get(key, set())
            if len(same) == 1:
                day = next(iter(same))
                if day not in holiday_dates(spec, day.year):
                    day = None
            elif not same:
                # (a day told in full counts for a headline's holiday, or told just before the
                # holiday: "Monday, February 26, 1990 ... At 4.50am on Shrove Tuesday"; not an
                # aside after it, "on Christmas Day ... founded on December 25, 1890")
                near = [
                    d
                    for at, d in dated
                    if in_headline(text, m.start_char)
                    or 0 < m.start_char - at <= _DATED_BEFORE_REACH
                ]
                day = _holiday_near_told(spec, all_told) or _holiday_of_dated(spec, near)
        if (
            day is not None
            and m.value[:10] != day.isoformat()
            and abs(date.fromisoformat(m.value[:10]) - today) > _STORY_HOLIDAY_NEAR
            and not _DEICTIC_BEFORE.search(text, max(0, m.start_char - 12), m.start_char)
            and (
                in_headline(text, m.start_char)
                or tense_at(text, m.start_char, m.end_char) == "past"
            )
        ):
            # (not the latest one while it is news: "Boxing Day ... than last year's")
            value = day.isoformat() + m.value[10:]
            span = interval(value)
            if span is not None:
                start, end = span.iso()
                m = m.model_copy(update={"value": value, "start": start, "end": end})
        out.append(m)
    return out


def _holiday_of_story_season(value: str, state: _State, hit: Hit, direction: str) -> str | None:
    """A holiday told in the past, after the text told a holiday of the same season with a year
    gone by ("Easter last year ... arrived at 4.10pm on Good Friday"), is the one of that
    season, unless the latest one lies within a month of publication; else None.

    >>> state = _State(datetime(2012, 5, 16))
    >>> state.story_holidays.append(date(2011, 4, 24))
    >>> work = "at 4.10pm on Good Friday"
    >>> hit = scan(work, work.lower())[0]
    >>> _holiday_of_story_season(hit.value, state, hit, "past")
    '2011-04-22T16:10'
    """
    if not state.story_holidays or state.doc is None:
        return None
    spec = _holiday_spec(value)
    if spec is None:
        return None
    today = state.doc.moment.date()
    if _DEICTIC_BEFORE.search(state.text, max(0, state.position - 12), state.position):
        return None  # "This Easter we didn't even go to church": the speaker's own
    for way in ("past", "nearest"):
        latest = resolve_partial(value, state.doc, way, _setup()[0].holidays, hit.weekday)
        if (
            latest is not None
            and _NUMERIC_DAY.match(latest)
            and abs(today - date.fromisoformat(latest[:10])) <= _STORY_HOLIDAY_NEAR
        ):
            return None  # ("Boxing Day ... than last year's": the news's own)
    near = _holiday_near_told(spec, state.story_holidays, before=today)
    if near is None:
        return None
    return _on_day(value, near)


_DAY_ONLY = re.compile(r"\d{4}-\d\d-\d\d")
_DATED_BEFORE_REACH = 400


def _holiday_of_dated(spec: dict, dated: Iterable[date]) -> date | None:
    """The one day of a holiday that a day told in full with its year falls on or next to
    ("King's Day boat death ... on April 27, 2023"; "31 January 2018, the day after Up Helly
    Aa"); None if none or several.

    >>> _holiday_of_dated({"date": "04-27"}, [date(2023, 4, 27), date(2025, 4, 3)])
    datetime.date(2023, 4, 27)
    """
    found = {h for d in dated for h in holiday_dates(spec, d.year) if abs((h - d).days) <= 1}
    return next(iter(found)) if len(found) == 1 else None


def _holiday_near_told(spec: dict, told: Iterable[date], before: date | None = None) -> date | None:
    """The one day of a holiday (before ``before``) within ``_HOLIDAY_FAMILY`` of a holiday
    told with its year ("Good Friday" after "Easter last year"); None if none or several.

    >>> _holiday_near_told({"easter": -2}, [date(2011, 4, 24)])
    datetime.date(2011, 4, 22)
    """
    told = list(told)
    near = {
        d
        for year in {t.year for t in told}
        for d in holiday_dates(spec, year)
        if (before is None or d < before) and any(abs(d - t) <= _HOLIDAY_FAMILY for t in told)
    }
    return next(iter(near)) if len(near) == 1 else None


def _dated_after(m: Mention, mentions: list[Mention]) -> bool:
    """Whether the mention right after ``m`` is a full date of ``m``'s day ("11.40pm on Easter
    Monday, 25 April 2011")."""
    later = [x for x in mentions if x.start_char >= m.end_char]
    return bool(later) and later[0].value == m.value[:10] and later[0].start_char - m.end_char < 4


# "between May 21 and Sept. 26, 2012", "from June 30 to July 26, 2021": a range whose end
# names its year
_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|to|through|thru|until|till|and)\s*", re.I)


def _range_start_years(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with the first day of a range whose last day names its year put in that
    year (or the one before, for a range over New Year).

    >>> from datetime import datetime
    >>> text = "It shipped vials between May 21 and Sept. 26, 2012."
    >>> [(m.text, m.value) for m in annotate(text, datetime(2013, 6, 26))]
    [('May 21', '2012-05-21'), ('Sept. 26, 2012', '2012-09-26')]
    """
    for i in range(len(mentions) - 1):
        first, last = mentions[i], mentions[i + 1]
        if (
            first.type != "DATE"
            or first.granularity != "day"
            or not _NUMERIC_DAY.fullmatch(first.value or "")
            or YEAR_DIGITS.search(first.text)
            or not _NUMERIC_DAY.fullmatch((last.value or "")[:10])
            or not YEAR_DIGITS.search(last.text)
            or not _RANGE_JOIN.fullmatch(text, first.end_char, last.start_char)
        ):
            continue
        named = YEAR_DIGITS.findall(last.text)
        end = date.fromisoformat(last.value[:10])
        try:
            end = end.replace(year=int(named[-1]))
        except ValueError:
            continue
        start = date.fromisoformat(first.value)
        year = end.year if (start.month, start.day) <= (end.month, end.day) else end.year - 1
        if year == start.year:
            continue
        try:
            moved = start.replace(year=year)
        except ValueError:
            continue
        mentions[i] = _day_of_range(
            first, moved, text, first.start_char, first.end_char, first.rule or ""
        )
    return mentions


_RESOLVED_MONTH = re.compile(r"\d{4}-\d\d")
_YEAR_TOLD = re.compile(r"\b(?:last|this|next)\s+year\b|\b(?:1[89]|20)[0-9]{2}\b", re.I)
_MONTH_RANGE_OPENS = re.compile(r"\b(?:between|from)\s+\Z", re.I)


def _range_start_month_years(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with the first month of a range whose last month tells its year put in
    that year (or the one before, for a range over New Year): "between March and October last
    year", "from November to March 2012".

    >>> from datetime import datetime
    >>> text = "It ran between March and October last year."
    >>> [(m.text, m.value) for m in annotate(text, datetime(2019, 12, 19))]
    [('March', '2018-03'), ('October last year', '2018-10')]
    """
    for i in range(len(mentions) - 1):
        first, last = mentions[i], mentions[i + 1]
        if (
            first.type != "DATE"
            or not _RESOLVED_MONTH.fullmatch(first.value or "")
            or _YEAR_TOLD.search(first.text)
            or not _RESOLVED_MONTH.fullmatch(last.value or "")
            or not _YEAR_TOLD.search(last.text)
            or not _RANGE_JOIN.fullmatch(text, first.end_char, last.start_char)
            or not _MONTH_RANGE_OPENS.search(text, max(0, first.start_char - 10), first.start_char)
        ):
            continue
        end_year, end_month = int(last.value[:4]), int(last.value[5:7])
        month = int(first.value[5:7])
        year = end_year if month <= end_month else end_year - 1
        if year == int(first.value[:4]):
            continue
        mentions[i] = _revalued(first, f"{year:04d}-{month:02d}")
    return mentions


CHUNK = 16_384


# "the meeting on Dec. 13-14": the second day of a range written with a hyphen after a date;
# "from Sept. 24 to 26 at the green", "meets Feb. 5 and 6.": written in words, only when the
# number is followed by the end of the phrase (not "April 6 and 8 others")
_DAY_RANGE_END = re.compile(
    r"(?:[\-–]|\s+(?:to|and|through|until|till)\s+(?=[0-3]?[0-9](?:st|nd|rd|th)?(?:\s*[.,;:)]|"
    r"\s+(?:at|in|to|on|for|when|with|before|after|during|and)\b)))([0-3]?[0-9](?:(?<=1)st|"
    r"(?<=2)nd|(?<=3)rd|(?<=[04-9])th|(?<=1[123])th)?)(?![0-9a-z])(?![\-–/:.,]?[0-9])"
)


def _range_end_days(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with the second day of each "Dec. 13-14" range added after its first, as
    a date of the same month (the gold sets mark it; a later day than the first only).

    >>> from datetime import datetime
    >>> [(m.text, m.value) for m in annotate("It meets Dec. 13-14.", datetime(2022, 12, 2))]
    [('Dec. 13', '2022-12-13'), ('14', '2022-12-14')]
    """
    out: list[Mention] = []
    for i, m in enumerate(mentions):
        if m.granularity == "day" and _NUMERIC_DAY.fullmatch(m.value or ""):
            first = _range_start_day(text, m, out[-1] if out else None)
            if first is not None:
                out.append(first)
        out.append(m)
        if m.granularity != "day" or not _NUMERIC_DAY.fullmatch(m.value or ""):
            continue
        tail = _DAY_RANGE_END.match(text, m.end_char)
        last_number = re.search(r"([0-9]+)(?:st|nd|rd|th)?$", m.text)
        listed = _DAY_LIST.match(text, m.end_char) if tail is None else None
        if listed is not None and last_number is not None and int(last_number[1]) <= 31:
            # "on June 12, 13 and 14": each day of the list, in the month of the first
            first = date.fromisoformat(m.value)
            for item in _DAY_ITEM.finditer(text, m.end_char, listed.end()):
                try:
                    day = first.replace(day=int(item[1]))
                except ValueError:
                    break
                if day <= first:
                    break
                out.append(_day_of_range(m, day, text, item.start(1), item.end(1), "day_list"))
            continue
        if tail is None or last_number is None:
            continue
        if tail[0][:1] not in "-–" and int(last_number[1]) > 31:
            continue  # "March 3, 2013 and 4": a year, not a day, ends the first date
        if i + 1 < len(mentions) and mentions[i + 1].start_char < tail.end(1):
            continue  # the number starts a mention of its own ("April 16-19-year-old")
        day = int(re.match(r"[0-9]+", tail[1])[0])
        first = date.fromisoformat(m.value)
        if not first.day < day <= 31:
            continue
        try:
            second = first.replace(day=day)
        except ValueError:
            continue
        out.append(_day_of_range(m, second, text, tail.start(1), tail.end(1), "day_range_end"))
    return out


# "June 12, 13 and 14": more days of the month after a date, listed with commas and "and"
_DAY_LIST = re.compile(
    r"(?:,[ \t]*[0-3]?[0-9](?:st|nd|rd|th)?)+,?[ \t]+(?:and|or)[ \t]+[0-3]?[0-9](?:st|nd|rd|th)?"
    r"(?![0-9a-z])(?![\-–/:.,]?[0-9])(?=\s*[.,;:)]|\s+(?:at|in|to|on|for|when|with|before|after|"
    r"during|and|pushing|from)\b)"
)
_DAY_ITEM = re.compile(r"([0-3]?[0-9])(?:st|nd|rd|th)?")


# "from 3 to 5 March", "3-5 March", "between 12 and 14 June": the first day of a range written
# before a day-first date
_DAY_RANGE_START = re.compile(
    r"(?:(?<![0-9.,:$£€#])([0-3]?[0-9])\s*[\-–]\s*|\b(?:from|between|on)\s+([0-3]?[0-9])\s+"
    r"(?:to|and|through|until|till)\s+)\Z"
)


def _range_start_day(text: str, m: Mention, previous: Mention | None) -> Mention | None:
    """The first day of a "from 3 to 5 March" range ending in ``m``, or None."""
    if not m.text[:1].isdigit():
        return None
    lead = _DAY_RANGE_START.search(text, max(0, m.start_char - 24), m.start_char)
    if lead is None:
        return None
    group = 1 if lead[1] is not None else 2
    if previous is not None and previous.end_char > lead.start(group):
        return None
    last = date.fromisoformat(m.value)
    day = int(lead[group])
    if not 1 <= day < last.day:
        return None
    return _day_of_range(
        m, last.replace(day=day), text, lead.start(group), lead.end(group), "day_range_start"
    )


def _day_of_range(m: Mention, day: date, text: str, start: int, end: int, rule: str) -> Mention:
    """A copy of ``m`` for another day of its range, at ``text[start:end]``."""
    value = day.isoformat()
    span = interval(value)
    return m.model_copy(
        update={
            "start_char": start,
            "end_char": end,
            "text": text[start:end],
            "value": value,
            "start": span.iso()[0] if span else None,
            "end": span.iso()[1] if span else None,
            "rule": rule,
        }
    )


def chunks(text: str, size: int = CHUNK) -> Iterator[tuple[int, str]]:
    """``(offset, piece)`` of ``text`` in pieces of about ``size`` characters, cut after a line
    break or a sentence end (a space as a last resort) so no expression is split.

    >>> [(o, p) for o, p in chunks("One. Two. Three.", size=6)]
    [(0, 'One. '), (5, 'Two. '), (10, 'Three.')]
    """
    n = len(text)
    if n <= size + size // 2:
        yield 0, text
        return
    start = 0
    while start < n:
        end = start + size
        if end >= n:
            yield start, text[start:]
            return
        floor = start + size // 2
        cut = text.rfind("\n", floor, end)
        if cut < 0:
            cut = max(text.rfind(". ", floor, end), text.rfind("? ", floor, end))
            cut = cut + 1 if cut >= 0 else -1
        if cut < 0:
            cut = text.rfind(" ", floor, end)
        end = cut + 1 if cut >= 0 else end
        yield start, text[start:end]
        start = end


# A length in years and months ("P2Y6M"), and the "and" of one told in words.
_YEARS_MONTHS = re.compile(r"P([0-9]+)Y([0-9]+)M")
_AND_WORD = re.compile(r"\band\b", re.I)


def _annotate_piece(text: str, offset: int, state: _State, timeml: bool) -> list[Mention]:
    glue = Glue(text)
    work = glue.text
    low = _lower(work)
    hits = [
        h
        for h in scan(work, low)
        if not _in_name(h, work)
        and not _near_veto(h, low)
        # ("the fourth" in lower case is an ordinal, not the Fourth of July)
        and not (h.rule.name == "the_fourth" and "Fourth" not in work[h.start : h.end])
        and not (h.rule.name == "numbered_week" and work[h.start] != "w")  # ("Week 12" of a trial)
        and not _idiom(h, low)
        and not _rate(h, low)
        and not _out_of_place(h, state)
        and (h.rule.name != "clock_bare_hour" or _bare_hour_ok(h, low))
    ]
    if timeml:
        hits = [_as_timeml(h, work, low) for h in hits if h.rule.timeml]
        hits = [
            h for k, h in enumerate(hits) if not (k and _weekday_of_a_date(h, hits[k - 1], low))
        ]
    else:
        hits = [_day_of_the_evening(h, work, low) for h in hits]
    _days_of_hours(hits, low)
    _extend(hits, low)
    mentions: list[Mention] = []
    ahead: dict[int, dict] = {}  # fields of a day resolved early for the clock time before it
    for i, hit in enumerate(hits):
        state.position = offset + hit.start
        if state.aside is not None and state.position > state.aside[0]:
            _, state.narrative, state.narrative_at, state.year_narrative = state.aside
            state.aside = None
        if hit.whole is not None:
            _move_story(hit.whole, state, work, low, offset)
        fields = ahead.pop(i, None)
        # the day named right after a clock time ("11 p.m. on Monday, Nov. 3") leaves the story
        # at the clock time, which it only dates
        dates_clock = fields is not None and _same_day(state.narrative, fields)
        if fields is None:
            day = ahead_fields = None
            after = i + 2 if i + 2 < len(hits) and _is_aside(hits, i + 1, low) else i + 1
            if _is_aside(hits, i, low):
                day = _aside_day(mentions, hit, low)
            elif hit.rule.ref == "day" and after < len(hits):
                nxt = hits[after]
                if (
                    after == i + 1
                    and nxt.rule.type == "TIME"
                    and _CLOCK_PAIR.fullmatch(low, hit.end, nxt.start)
                ):
                    # "from 9 a.m. to 5 p.m. on Friday", "between 2 p.m. and 6 p.m. Friday":
                    # both times are on the day named with the second
                    day = _day_of_second_clock(hits, i + 1, state, work, low, offset, ahead)
                else:
                    # the day named right after, past a zone aside: "10:35 a.m. (0735 GMT)
                    # Friday"
                    day, ahead_fields = _day_after(hit, nxt, state, work, low, offset)
                    if ahead_fields is not None:
                        ahead[after] = ahead_fields
                state.position = offset + hit.start
            for name, told_day in _COUNTRY_DAYS:
                if (
                    name.split()[0] in low[hit.start : hit.end]
                    and (told := told_day.search(hit.value)) is not None
                    and (country := _independence_of(state))
                ):
                    spec = _setup()[0].holidays.get(f"{name} in {country}", {})
                    if "date" in spec:
                        hit.value = (
                            f"{hit.value[: told.start()]}{told[1]}-{spec['date']}"
                            f"{hit.value[told.end() :]}"
                        )
            hit.value = _thanksgiving_of(hit.value, state)
            swapped = _SEASON_CODE.search(hit.value) is not None and _is_southern(state)
            if swapped:
                hit.value = _swap_season(hit.value)  # the months of a southern season
            fields = _resolve(hit, state, work, low, day)
            if hit.rule.name in _HOLIDAY_WITH_YEAR and state.doc is not None:
                told = _NUMERIC_DAY.match(str(fields.get("value") or ""))
                if told and hit.rule.name != "clock_holiday":
                    when = date(int(told[1]), int(told[2]), int(told[3]))
                    if when < state.doc.moment.date():
                        state.story_holidays.append(when)
            elif (
                fields.get("anchor") == "narrative"
                and state.doc is not None
                and "holiday" in hit.rule.value.functions()
                and (told := _NUMERIC_DAY.match(str(fields.get("value") or ""))) is not None
            ):
                # "on Nov. 25, 2009, the eve of Thanksgiving ... students heading home for
                # Thanksgiving": a holiday the story dated to a year gone by is its holiday
                when = date(int(told[1]), int(told[2]), int(told[3]))
                if (state.doc.moment.date() - when).days >= _YEARS_BACK:
                    state.story_holidays.append(when)
            if swapped:
                hit.value = _swap_season(hit.value)
                fields["value"] = _swap_season(str(fields["value"]))
            if hit.rule.name == "last_holiday":
                fields = _last_holiday_a_year_back(hit, fields, state)
            if hit.rule.name in _SPORTS_SEASON_RULES:
                ending = _season_ending_year(str(fields["value"]), state)
                if ending != fields["value"]:
                    fields = {
                        **fields,
                        **_fields(ending, interval(ending), "published", None, state),
                    }
            if hit.rule.name == "today" and _today_of_an_era(work, low, hit, state):
                fields = _fields("PRESENT_REF", None, "absolute", None, state)
            if hit.rule.name == "the_pod" and _THAT_NIGHT.match(low, hit.start):
                fields = _that_night(fields, state) or _night_of_small_hours(fields) or fields
            if _hours_ago_of_a_day(hit, fields, state):
                # "Updated 3 hours ago", "20 minutes ago" from a publication day with no clock:
                # that day (TimeML: some time before now)
                fields = (
                    {**_fields("PAST_REF", None, "absolute", None, state), "kind": "TIME"}
                    if timeml
                    else _fields(
                        state.doc_iso, interval(state.doc_iso), "published", state.doc, state
                    )
                )
            fields = _day_first_if_published(hit, fields, state)
            fields = _next_weekday_past_tomorrow(hit, fields, state, low)
            fields = _now_clock_near_header(fields, state, low, hit)
            if hit.rule.name in _BROADCAST_HOUR_RULES:
                fields = _broadcast_hour(fields, state, low, hit)
            fields = _trading_session_clock(fields, state, low, hit)
            if (
                hit.rule.name in _BARE_CLOCK_RULES
                and not _MORNING_AFTER.match(low, hit.end)
                and not _NIGHT_BEFORE.search(low, max(0, hit.start - _NIGHT_REACH), hit.start)
                and not (
                    _SMALL_HOURS_BEFORE.search(low, max(0, hit.start - _NIGHT_REACH), hit.start)
                    and not _DAYLIGHT.search(low, *sentence_around(low, hit.start, hit.end))
                )
                and not _UP_AT.search(low, max(0, hit.start - 24), hit.start)
            ):
                fields = _afternoon_by_default(fields, low[hit.start : hit.end])
            if day is not None and ahead_fields is not None:
                fields = _clock_in_part_of_day(
                    fields, ahead_fields["value"], low[hit.start : hit.end]
                )
            if hit.rule.ref == "day" and (
                _recurring_clock(low, hit)
                or _hours_over_days(low, hit)
                or (day is None and _generic_clock(work, low, hit, fields, state.doc_iso or ""))
                or (day is None and _hours_changed(work, low, hit, fields))
                or (day is None and _curfew_clock(low, hit))
                or (
                    i + 1 < len(hits)
                    and _CLOCK_PAIR.fullmatch(low, hit.end, hits[i + 1].start)
                    and (_recurring_clock(low, hits[i + 1]) or _hours_over_days(low, hits[i + 1]))
                )
            ):
                # "open from 8 a.m. to 10 p.m. every day", "until 7 p.m. on Thursdays": a time
                # of any such day
                fields = _fields("XXXX-XX-XX" + fields["value"][10:], None, "absolute", None, state)
            functions = hit.rule.value.functions()
            if (
                i > 0
                and mentions
                and (
                    "weekday" in functions
                    or ("month" in functions and _MONTH_VALUE.match(fields["value"]))
                )
            ):
                fields = _range_end_after_start(
                    fields, mentions[-1], hits[i - 1], hit, low, state.doc
                )
            if (
                hit.rule.ref == "day"
                and fields.get("anchor") == "narrative"
                and not (day is not None and ahead_fields is not None)
                and hit.rule.name != "clock_range_start"  # its half of the day is told
            ):
                # "On Friday afternoon, at 2:40": the part of the day told before it
                fields = _clock_in_part_of_day(
                    fields, str(fields.get("reference") or ""), low[hit.start : hit.end]
                )
                # "Kickoff is 7 p.m. Friday, and gates open at 5:30": the afternoon, near it
                fields = _bare_clock_near_pm(
                    fields, str(fields.get("reference") or ""), low[hit.start : hit.end]
                )
        if hit.rule.name in ("fiscal_quarter", "quarter") and state.doc is not None:
            retail = _retail_quarter(str(fields["value"]), low, hit.end, state.doc.moment)
            if retail is not None:
                fields = _fields(retail, interval(retail), "published", state.doc, state)
        if hit.rule.name == "the_quarter_narrative" and state.doc is not None:
            ended = _quarter_ended(low, hit.end, state.doc.moment)
            if ended is not None:
                # "for the quarter ended March 31": the quarter that date closes, whatever
                # period the story was on
                fields = _fields(ended, interval(ended), "published", state.doc, state)
        if (
            state.doc is not None
            and state.doc.moment.weekday() == 6
            and fields.get("anchor") == "published"
            and _WEEK_REST.fullmatch(low, hit.start, hit.end)
            and tense_at(work, hit.start, hit.end) != "past"
        ):
            # "by the end of the week", "later this week" told on a Sunday: the days ahead are
            # the next ISO week's ("this week" stays the week that ends today)
            later = _shift_week(str(fields["value"]), state.doc.moment)
            if later is not None:
                fields = _fields(later, interval(later), "published", state.doc, state)
        start, end = glue.span(hit.start, hit.end)
        if hit.rule.name in _ANNIVERSARY_RULES and str(fields["value"])[:4].isdigit():
            state.anniversary_year = int(str(fields["value"])[:4])
        if hit.rule.type in ("DATE", "TIME") and fields["start"] is not None:
            if (
                hit.rule.update
                and not dates_clock
                and not _future_target(hit, fields["value"], state, low)
                and not _PERIOD_BOUNDARY.search(low, max(0, hit.start - 48), hit.start)
                and not _labels_story_year(hit, fields["value"], state, low)
                and not _GLOSS_AROUND.search(low, max(0, hit.start - 32), hit.start)
                and not (
                    "holiday" in hit.rule.value.functions()
                    and _HOLIDAY_GLOSS.search(low, max(0, hit.start - 32), hit.start)
                )
            ):
                # ("on Saturday, Dec. 27, two days after Christmas": the gloss's holiday leaves
                # the story on the day it glosses)
                aside_end = _relative_aside_end(low, hit)
                if aside_end is None and _flashback(state, work, low, hit, fields):
                    # "The fire started at 1.40am on the Sunday. The alarm had been muted after
                    # false alarms on Christmas Eve. A carer smelled smoke at 1.52am": a day told
                    # in the past perfect is a look back; the story stays on its day
                    aside_end = sentence_around(work, hit.start, hit.end)[1]
                if aside_end is None and _anniversary_of(state, low, hit, fields):
                    # "ceremonies marking the 12th anniversary of the attacks of Sept. 11, 2001.
                    # Both candidates attended a service at 8:46 a.m.": the date an anniversary
                    # recalls is not where the story is
                    aside_end = sentence_around(work, hit.start, hit.end)[1]
                if aside_end is None and _saying_in_old_story(state, low, hit, fields):
                    # "I never saw him again," she said on Thursday after a hearing in May. The
                    # fire burned through that night": the saying's sentence is of the report's
                    # days, the next one back on the remembered day
                    aside_end = sentence_around(work, hit.start, hit.end)[1]
                if aside_end is not None and state.aside is None:
                    # "The inquest, which opened on Monday, is expected to last three weeks":
                    # the story goes back to where it was once the aside is over
                    state.aside = (
                        offset + aside_end,
                        state.narrative,
                        state.narrative_at,
                        state.year_narrative,
                    )
                before = (state.period, state.period_at)
                state.update(fields["value"], fields["granularity"])
                if state.period is not before[0] and _PERIOD_CONTRASTED.search(
                    low, max(0, hit.start - 32), hit.start
                ):
                    # "After a flat second quarter, ... attributed the gain to ...": a period
                    # told for contrast is not the one the report is about
                    state.period, state.period_at = before[0], state.position
                if hit.rule.name == "fiscal_quarter":
                    # a fiscal label is the period reported on, whatever its calendar months
                    state.period, state.period_at = Reference.of(fields["value"]), state.position
            reported = _period_ended(low, hit.start, fields["value"])
            named = state.recent_period()
            if reported is not None and (
                named is None or named.granularity != reported.granularity
            ):
                # "in the three months ended June 30": the quarter is what the report is about
                # (one named before, "its fiscal fourth quarter", keeps its label)
                state.period, state.period_at = reported, state.position
            ref = Reference.of(fields["value"])
            if (
                ref is not None
                and ref.granularity == "day"
                and _EVE_OF.search(low, max(0, hit.start - 16), hit.start)
            ):
                # "Oct. 31, the eve of All Saints' Day ... that morning": the day told is the
                # eve, the day before the one named
                ref = Reference.of((ref.moment.date() - timedelta(days=1)).isoformat())
            if ref is not None:
                state.dated.append((offset + hit.start, offset + hit.end, ref))
                if _SAID_ON.search(low, max(0, hit.start - 40), hit.start):
                    state.said_at.add(offset + hit.start)
                if _is_aside(hits, i, low):
                    state.zone_aside_at.add(offset + hit.start)
                if _SINCE.search(low, max(0, hit.start - 24), hit.start) or _SINCE_CLAUSE.search(
                    low, max(0, hit.start - 60), hit.start
                ):
                    state.since_at.add(offset + hit.start)
        if (
            hit.rule.ref in ("day", "doc")
            and hit.value.startswith("XXXX-XX-XX")
            and _is_stamp(work, hit)
        ):
            _note_stamp(state, str(fields.get("value") or ""), heading=False)
        elif (
            _NUMERIC_DAY.match(str(fields.get("value") or ""))
            and _STAMP_BEFORE.search(work, max(0, hit.start - 24), hit.start)
            and (_HEADING_LINE.match(work, hit.end) or _ENTRY_COLON.match(work, hit.end))
        ):
            # "TUESDAY, MAY 9" over entries, "Feb. 5, 6:14 a.m.: Explosion." opening them
            _note_stamp(state, str(fields["value"]), heading=True)
        elif (
            _DATED_CLOCK.match(str(fields.get("value") or ""))
            and _COMMENT_BEFORE.search(work, max(0, hit.start - 48), hit.start)
            and _COMMENT_AFTER.match(work, hit.end)
        ):
            # "oldsalt62 | 15 July 2013, 08:30" over a reader's comment: its "last night" and
            # "this morning" are of the day it was posted
            _note_stamp(state, str(fields["value"]), heading=False)
        if _FIRST_PUBLISHED.search(low, max(0, hit.start - 40), hit.start):
            _rebase(state, fields)
        kind = fields.pop("kind", None) or hit.rule.type
        years_months = _YEARS_MONTHS.fullmatch(str(fields["value"]))
        if years_months is not None and _AND_WORD.search(work, hit.start, hit.end):
            # "two and a half years", "four years and nine months" (years and months joined by
            # "and"): a length in months, as news annotation writes it (P30M, P57M; blind sets
            # 63 of 79); a number with a fraction keeps its units ("2 1/2 years" P2Y6M, as
            # TimeBank writes it)
            months = int(years_months[1]) * 12 + int(years_months[2])
            fields = {**fields, "value": f"P{months}M"}
        if kind == "DATE" and _TIME_OF_DAY.search(fields["value"]):
            kind = "TIME"  # "the next morning" is a DATE rule with a time-of-day result
        elif kind == "DATE" and _DURATION_VALUE.match(fields["value"]):
            kind = "DURATION"  # "two days after the vote" when the vote is not dated
        mentions.append(
            Mention(
                start_char=start + offset,
                end_char=end + offset,
                text=text[start:end],
                type=kind,  # type: ignore[arg-type]
                mod=hit.mod,
                quant=hit.quant,
                freq=hit.freq,
                rule=hit.rule.name,
                **fields,
            )
        )
    return _holidays_dated_by_apposition(
        _clocks_with_their_part_of_day(mentions, text, offset), text, offset
    )


# A holiday and the date told right after it ("Easter Sunday, 27 March", "Thanksgiving falls on
# Nov. 28 this year", "the Orthodox church celebrates Easter on May 5"): the date says which
# year's holiday, or which church's or country's, is meant.
_HOLIDAY_APPOSED = re.compile(
    r"\s*(?:,\s*|\s+(?:(?:which\s+|that\s+)?(?:falls|fell|fall|falling|lands|landed)\s+)?on\s+)\Z"
)
_HOLIDAY_VARIANTS = {
    "easter": ("easter", "orthodox easter"),
    "easter sunday": ("easter sunday", "orthodox easter"),
    "christmas": ("christmas", "orthodox christmas"),
    "christmas day": ("christmas day", "orthodox christmas"),
    "thanksgiving": ("thanksgiving", "canadian thanksgiving"),
    # (the day each Labour Day of ``_LABOUR_DAYS`` names; May 1 is workers' day)
    "labour day": (
        "labour day",
        "workers' day",
        *(day[1:] for day in _LABOUR_DAYS.values() if day.startswith("#")),
    ),
}
_CLOCK_ON = re.compile(r"^.*?\s+on\s+(?:the\s+)?", re.I)  # "11.40pm on " before a holiday
_YEAR_NAMED_AFTER = re.compile(r",?\s+(?:this|last|next)\s+year\b", re.I)


def _holidays_dated_by_apposition(mentions: list[Mention], text: str, offset: int) -> list[Mention]:
    """A holiday's date from the day told right after it: the year (or the church's or the
    country's calendar) in which the holiday falls on that day, and the day takes that year
    too.

    >>> from datetime import datetime
    >>> ms = annotate("The main commemoration is on Easter Sunday, 27 March.", datetime(2015, 3, 16))
    >>> [(m.text, m.value) for m in ms]
    [('Easter Sunday', '2016-03-27'), ('27 March', '2016-03-27')]
    """
    holidays = _setup()[0].holidays
    for i in range(len(mentions) - 1):
        h, d = mentions[i], mentions[i + 1]
        hm, dm = _NUMERIC_DAY.match(h.value), _NUMERIC_DAY.fullmatch(d.value)
        if hm is None or dm is None or d.type != "DATE":
            continue
        clock = h.value[hm.end() :]
        if clock and not (h.type == "TIME" and clock.startswith("T")):
            continue
        if hm.group(2, 3) == dm.group(2, 3) and (clock == "" or hm.group(1) == dm.group(1)):
            continue  # (they agree already)
        gap = text[h.end_char - offset : d.start_char - offset]
        # ("11.40pm on Easter Monday, 25 April 2011": the clock's holiday, dated after it)
        named = _CLOCK_ON.sub("", h.text) if clock else h.text
        key = table_key(named)
        if key not in holidays or not _HOLIDAY_APPOSED.fullmatch(gap):
            continue
        month, day = int(dm[2]), int(dm[3])
        told = date(int(hm[1]), int(hm[2]), int(hm[3]))
        told_year = YEAR_DIGITS.search(d.text)
        if told_year:
            years: tuple[int, ...] = (int(told_year.group()),)
        elif _YEAR_NAMED_AFTER.match(text, d.end_char - offset):
            years = (int(dm[1]),)  # "falls on April 4 this year": that year's, or none
        else:
            years = (told.year - 1, told.year, told.year + 1)
        matches = [
            date(y, month, day)
            for name in _HOLIDAY_VARIANTS.get(key, (key,))
            if (spec := holidays.get(name)) is not None
            for y in years
            if any((x.month, x.day) == (month, day) for x in holiday_dates(spec, y))
        ]
        if not matches:
            continue
        found = min(matches, key=lambda x: abs(x - told))  # the one nearest the holiday read
        value = found.isoformat()
        span, clock_span = interval(value), interval(value + clock)
        if span is None or clock_span is None:
            continue
        start, end = span.iso()
        clock_start, clock_end = clock_span.iso()
        mentions[i] = h.model_copy(
            update={"value": value + clock, "start": clock_start, "end": clock_end}
        )
        mentions[i + 1] = d.model_copy(update={"value": value, "start": start, "end": end})
    return mentions


# The part of a day a clock time is told in: "7am this morning", "11pm last night", "9.40pm
# that night", "1.10am the next morning", "about 9pm the night before"
_DAY_PART_AFTER_CLOCK = re.compile(
    r"(?:this|that|the\s+same)\s+(?:morning|afternoon|evening|night)|tonight|last\s+(?:night|evening)"
    r"|(?:yesterday|tomorrow)\s+(?:morning|afternoon|evening|night)"
    r"|the\s+(?:next|following|previous)\s+(?:morning|afternoon|evening|night)"
    r"|the\s+(?:morning|afternoon|evening|night)\s+before",
    re.IGNORECASE,
)
_DAY_PART_VALUE = re.compile(r"\d{4}-\d\d-\d\dT(?:MO|AF|EV|NI)")


_TWELVE_HOUR_CLOCK = re.compile(
    r"(?:[^0-9]*?)\b([1-9]|1[0-2])(?:[:.][0-5][0-9])?\b(?!\s*[ap]\.?\s?m)", re.I
)


def _clock_by_day_part(value: str, clock: str, part: str) -> str:
    """A clock written without a.m./p.m. ("4:15", "11 o'clock") set to the half of the day its
    part names ("4:15 the next morning" is 04:15, "8:30 that night" 20:30).

    >>> _clock_by_day_part("2012-08-04T16:15", "4:15", "MO"), _clock_by_day_part("2012-08-04T08:30", "8:30", "NI")
    ('2012-08-04T04:15', '2012-08-04T20:30')
    """
    if not _TWELVE_HOUR_CLOCK.match(clock) or re.search(r"[ap]\.?\s?m\b|\b0\d[:.]", clock, re.I):
        return value
    hour = int(value[11:13])
    if part == "MO" and hour >= 12:
        hour -= 12
    elif (part in ("AF", "EV") and hour < 12) or (part == "NI" and 6 <= hour < 12):
        hour += 12
    return f"{value[:11]}{hour:02d}{value[13:]}"


def _clocks_with_their_part_of_day(
    mentions: list[Mention], text: str, offset: int
) -> list[Mention]:
    """Join a clock time and the part of its day told right after it into one TIME with the
    clock's value ("at 7am this morning": blind sets 87 of 93 so marked), when both fall on
    the same day.

    >>> from datetime import datetime
    >>> [(m.text, m.value) for m in annotate("She called at 7am this morning.", datetime(2016, 5, 10))]
    [('7am this morning', '2016-05-10T07:00')]
    """
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.type == m.type == "TIME"
            and _DATED_CLOCK.match(prev.value)
            and _DAY_PART_VALUE.fullmatch(m.value)
            and prev.value[:10] == m.value[:10]
            and not text[prev.end_char - offset : m.start_char - offset].strip()
            and _DAY_PART_AFTER_CLOCK.fullmatch(m.text)
            and (m.text.islower() or m.text.isupper())  # not "12:40 a.m. The following morning"
        ):
            update = {
                "end_char": m.end_char,
                "text": text[prev.start_char - offset : m.end_char - offset],
            }
            value = _clock_by_day_part(prev.value, prev.text, m.value[11:])
            if value != prev.value:
                span = interval(value)
                update["value"] = value
                if span is not None:
                    update["start"], update["end"] = span.iso()
            out[-1] = prev.model_copy(update=update)
            continue
        out.append(m)
    return out
