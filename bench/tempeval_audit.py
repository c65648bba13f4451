"""Audit of our TempEval-3 value errors: which are the gold annotation's, by automatic checks.

An audit, not a score. Every value error (a gold timex and our timex overlap, their values
differ) gets exactly one category, the first of these checks that holds:

1. ``gold-malformed``: the gold value is not a well-formed TIMEX3 value for its type
   (:func:`timeline.temporal.timex.malformed`: ``2000-W8``, ``T17`` without minutes, ``P1D``
   as a DATE, a date as a DURATION, a day that does not exist);
2. ``gold-wrong-weekday``: the gold text names one weekday and the gold value is a full date
   that falls on another;
3. ``gold-inconsistent``: the same phrase (:func:`phrase_key`) is annotated in another document
   of the gold with a value of the same DCT-relative :func:`shape` as ours. Two differences the
   sentence rather than a convention can explain only count for phrases anchored at the DCT by
   a deictic word (last, next, this, ago, recent, today, ...): shapes that differ only in their
   offset ("the quarter" is whichever quarter the article reports; "January" is past or future
   by tense), except a weekday one week off on the same side of the DCT; and a date against a
   duration ("the year", "five years", "one day"), except for SETs (``XXXX-XX-XX`` or ``P1D``);
4. ``peer-agrees``: HeidelTime gives exactly our value on a span overlapping the gold one (two
   independent systems against the gold); skipped when HeidelTime cannot run;
5. ``ours``: everything else, our error as far as these checks can tell: the worklist.

The "ceiling" is the value F1 with categories 1-3 counted as matches: what a consistent gold
would let the same output score. It is not our score.

``python -m bench.run tempeval_audit`` writes bench/results/tempeval_audit.{json,md}.
HeidelTime's outputs are cached in bench/.cache/heideltime/ (bench/peers/base.py: OutputCache).
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from timeline.temporal.tempeval import Report, Timex, TmlDocument, score_document
from timeline.temporal.timex import REF_VALUES, granularity_of, interval, malformed, value_at

CATEGORIES = ("gold-malformed", "gold-wrong-weekday", "gold-inconsistent", "peer-agrees", "ours")
#: The categories that blame the gold; the ceiling counts them as matches.
GOLD_CATEGORIES = CATEGORIES[:3]

RULES = {
    "gold-malformed": "gold value not a well-formed TIMEX3 value for its type",
    "gold-wrong-weekday": "gold text names a weekday, gold value is a date on another weekday",
    "gold-inconsistent": "same phrase annotated in another gold document with our DCT-relative shape",
    "peer-agrees": "HeidelTime gives exactly our value on an overlapping span",
    "ours": "none of the above: our error as far as the checks can tell",
}

System = Callable[[str, date], list[Timex]]

# --- phrases ---------------------------------------------------------------------------------

_EDGE = " \t\r\n.,;:!?\"'`()[]{}"
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_YEAR = re.compile(r"(?<!\d)[12]\d{3}(?!\d)")
_WEEKDAY = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b", re.IGNORECASE)
#: Words that anchor a phrase at the document creation time.
DEICTIC = frozenset(
    {
        "last",
        "next",
        "this",
        "ago",
        "past",
        "coming",
        "upcoming",
        "today",
        "yesterday",
        "tomorrow",
        "tonight",
        "current",
        "currently",
        "recent",
        "recently",
        "now",
        "present",
    }
)


def phrase_key(text: str) -> str:
    """The phrase as the consistency check compares it: lowercased, spaces collapsed, edge
    punctuation and a leading "the" removed, and a year it writes out replaced by ``####`` (the
    shape of such a value keeps the rest of it: see :func:`shape`).

    >>> phrase_key("  The last week."), phrase_key("Last  Week"), phrase_key("the 1980s")
    ('last week', 'last week', '####s')
    """
    key = " ".join(text.lower().split()).strip(_EDGE)
    key = re.sub(r"^the\s+", "", key).strip(_EDGE)
    return _YEAR.sub("####", key)


def named_weekday(text: str) -> int | None:
    """The weekday (0 = Monday) the text names, if it names exactly one.

    >>> named_weekday("late Tuesday night"), named_weekday("Monday and Tuesday"), named_weekday("Mondays")
    (1, None, None)
    """
    names = {m.group(1).lower() for m in _WEEKDAY.finditer(text)}
    return _WEEKDAYS.index(names.pop()) if len(names) == 1 else None


def is_deictic(key: str) -> bool:
    """Does the phrase contain a word that anchors it at the DCT?

    >>> is_deictic("a year ago"), is_deictic("quarter"), is_deictic("a year earlier")
    (True, False, False)
    """
    return any(word in DEICTIC for word in re.findall(r"[a-z]+", key))


# --- shapes ----------------------------------------------------------------------------------

_MONTHS_PER_UNIT = {
    "millennium": 12000,
    "century": 1200,
    "decade": 120,
    "year": 12,
    "half_year": 6,
    "quarter": 3,
    "season": 3,
    "month": 1,
}


@dataclass(frozen=True)
class Shape:
    """A value seen from its document's DCT.

    ``unit`` is the granularity of the value's concrete part (``year``, ``quarter``, ``week``,
    ``day``, ...; ``weekday`` for a day a weekday name picks; ``literal`` for values with no
    concrete part: ``*_REF``, durations, ``XXXX-...``, malformed values); ``offset`` counts those
    units from the DCT's own period (for ``weekday``: occurrences of that weekday, 0 being the
    DCT itself); ``rest`` keeps placeholders and clock literally (``-WXX``, ``TEV``, ``T17:00``),
    or the whole value of a literal. When the text itself writes the value's year ("1949",
    "the 1980s"), the value does not depend on the DCT: the shape is ``absolute`` and keeps the
    value with its year digits replaced by ``#`` (offset 0), so that "1949" as ``1949-XX``
    and "1952" as ``1952`` are two shapes of one phrase (:func:`phrase_key`).
    """

    unit: str
    offset: int
    rest: str
    absolute: bool = False

    def __str__(self) -> str:
        if self.unit == "literal":
            return self.rest
        if self.absolute:
            return f"{self.unit}:{self.rest}"
        return f"{self.unit}{self.offset:+d}" + (f"|{self.rest}" if self.rest else "")

    @property
    def form(self) -> tuple[str, str, bool]:
        """The shape without its offset: two shapes of one form differ only in how far they are."""
        return self.unit, self.rest, self.absolute


def shape(value: str, dct: date, text: str = "") -> Shape:
    """The DCT-relative shape of ``value`` (``text``, the timex's text, picks weekday shapes).

    >>> dct = date(1989, 11, 1)  # a Wednesday, ISO week 44
    >>> [str(shape(v, dct)) for v in ("1989-WXX", "1989-W43", "1988-Q3", "1988-QX", "197")]
    ['year+0|-WXX', 'week-1', 'quarter-5', 'year-1|-QX', 'decade-1']
    >>> str(shape("1989-10-31TEV", dct, "Tuesday evening")), str(shape("1989-10-24", dct, "Tuesday"))
    ('weekday-1|TEV', 'weekday-2')
    >>> [str(shape(v, dct)) for v in ("PAST_REF", "P1W", "XXXX-WXX-1", "2000-W8")]
    ['PAST_REF', 'P1W', 'XXXX-WXX-1', '2000-W8']
    >>> str(shape("1949-XX", dct, "1949")), str(shape("198X", dct, "the 1980s"))
    ('year:#-XX', 'decade:#X')
    """
    if value in REF_VALUES or value.startswith("P") or malformed(value) is not None:
        return Shape("literal", 0, value)
    head, sep, clock = value.partition("T")
    cut = head.find("X")
    prefix = head if cut < 0 else head[:cut]
    while prefix and interval(prefix) is None:  # "1998-W" -> "1998-" -> "1998"
        prefix = prefix[:-1]
    span = interval(prefix) if prefix else None
    if span is None:
        return Shape("literal", 0, value)
    rest = head[len(prefix) :] + sep + clock
    unit = span.granularity
    digits = prefix[: len(prefix) - len(prefix.lstrip("0123456789"))]  # the year's digits
    if len(digits) >= 3 and re.search(rf"(?<!\d){digits}", text):
        return Shape(unit, 0, "#" + value[len(digits) :], absolute=True)
    start = span.start.date()
    if unit in _MONTHS_PER_UNIT:
        here = interval(value_at(datetime(dct.year, dct.month, dct.day), unit))
        assert here is not None
        months = (start.year - here.start.year) * 12 + start.month - here.start.month
        return Shape(unit, months // _MONTHS_PER_UNIT[unit], rest)
    if unit in ("week", "weekend"):
        monday = start - timedelta(days=start.weekday())
        return Shape(unit, (monday - (dct - timedelta(days=dct.weekday()))).days // 7, rest)
    days = (start - dct).days
    if unit == "day" and named_weekday(text) == start.weekday():
        occurrences = 0 if days == 0 else (days + 6) // 7 if days > 0 else -((6 - days) // 7)
        return Shape("weekday", occurrences, rest)
    return Shape(unit, days, rest)


class GoldIndex:
    """Every gold timex's shape, by phrase, over a set of documents."""

    def __init__(self, documents: Iterable[TmlDocument]) -> None:
        self.by_phrase: dict[str, list[tuple[str, Shape]]] = defaultdict(list)
        for doc in documents:
            for t in doc.timexes:
                self.by_phrase[phrase_key(t.text)].append(
                    (doc.name, shape(t.value, doc.dct, t.text))
                )

    def documents_with(self, key: str, wanted: Shape, besides: str) -> list[str]:
        """The documents other than ``besides`` whose gold gives phrase ``key`` shape ``wanted``."""
        return sorted({d for d, s in self.by_phrase.get(key, ()) if s == wanted and d != besides})


# --- the categories --------------------------------------------------------------------------


@dataclass(frozen=True)
class Verdict:
    """The category of one value error and the evidence for it, in one line."""

    category: str
    reason: str


def _full_date(value: str) -> date | None:
    m = re.match(r"^(\d{4})-(\d\d)-(\d\d)", value)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def inconsistency(gold: Timex, ours: Timex, dct: date, doc: str, index: GoldIndex) -> str | None:
    """Why the gold of this phrase is inconsistent with the gold elsewhere, or None (check 3)."""
    key = phrase_key(gold.text)
    here, mine = shape(gold.value, dct, gold.text), shape(ours.value, dct, gold.text)
    if here == mine:
        return None
    support = index.documents_with(key, mine, besides=doc)
    if not support:
        return None
    if _context_may_explain(gold, ours, here, mine, is_deictic(key)):
        return None
    more = f" and {len(support) - 1} more" if len(support) > 1 else ""
    return f"{key!r}: here {here}, ours {mine} as in the gold of {support[0]}{more}"


def _context_may_explain(gold: Timex, ours: Timex, here: Shape, mine: Shape, deictic: bool) -> bool:
    """Could the sentence, rather than an annotation convention, explain the two shapes?"""
    if deictic:  # the DCT alone fixes the value of "last week", "a year ago", "today"
        return False
    if here.form == mine.form:
        # Only the offset differs: "the quarter" is whichever quarter the article reports.
        # Except one weekday a week apart on the same side of the DCT: tense picks the side,
        # not the week.
        week_apart = here.offset * mine.offset > 0 and abs(here.offset - mine.offset) == 1
        return not (here.unit == "weekday" and week_apart)
    kinds = {_kind(gold.value), _kind(ours.value)}
    # A date read as a duration or back ("the year", "five years", "one day"); a SET, though,
    # may be written either way (XXXX-XX-XX or P1D).
    return "duration" in kinds and len(kinds) == 2 and gold.type != "SET"


def overlaps(a: Timex, b: Timex) -> bool:
    """Do two timexes share at least one character?"""
    return min(a.end, b.end) > max(a.start, b.start)


def categorize(
    gold: Timex,
    ours: Timex,
    dct: date,
    doc: str,
    index: GoldIndex,
    peer: list[Timex] | None = None,
) -> Verdict:
    """The category of one value error (checks 1 to 5 in order); ``peer`` None skips check 4.

    >>> dct = date(1989, 11, 1)
    >>> gold = Timex(0, 9, "last week", "DATE", "1989-WXX")
    >>> ours = Timex(0, 9, "last week", "DATE", "1989-W43")
    >>> elsewhere = TmlDocument("B", "last week", date(1998, 3, 20), [
    ...     Timex(0, 9, "last week", "DATE", "1998-W11")])
    >>> categorize(gold, ours, dct, "A", GoldIndex([elsewhere])).category
    'gold-inconsistent'
    >>> categorize(gold, ours, dct, "A", GoldIndex([]), peer=[]).category
    'ours'
    """
    reason = malformed(gold.value, gold.type)
    if reason:
        return Verdict("gold-malformed", reason)
    named, day = named_weekday(gold.text), _full_date(gold.value)
    if named is not None and day is not None and day.weekday() != named:
        return Verdict(
            "gold-wrong-weekday", f"text names a {_WEEKDAYS[named].title()}, {day} is a {day:%A}"
        )
    conflict = inconsistency(gold, ours, dct, doc, index)
    if conflict:
        return Verdict("gold-inconsistent", conflict)
    if peer is not None:
        for p in peer:
            if overlaps(p, gold) and p.value == ours.value:
                return Verdict("peer-agrees", f"HeidelTime {p.text!r} {p.value}")
    return Verdict("ours", disagreement(gold.value, ours.value))


def _kind(value: str) -> str:
    if value in REF_VALUES:
        return "ref"
    return "duration" if value.startswith("P") else "point"


def disagreement(gold: str, ours: str) -> str:
    """A coarse label of how two values differ, to group the worklist.

    >>> disagreement("P1D", "1990-08-15"), disagreement("1988", "1988-Q3")
    ('duration vs point', 'granularity year vs quarter')
    >>> disagreement("1990-08-10", "1990-08-17"), disagreement("198X", "198")
    ('same day granularity, other day', 'placeholder vs none')
    """
    kinds = _kind(gold), _kind(ours)
    if kinds[0] != kinds[1]:
        return f"{kinds[0]} vs {kinds[1]}"
    if kinds[0] != "point":
        return f"{kinds[0]} differs"
    if ("X" in gold) != ("X" in ours):
        return "placeholder vs none" if "X" in gold else "none vs placeholder"
    grains = granularity_of(gold) or "?", granularity_of(ours) or "?"
    if grains[0] != grains[1]:
        return f"granularity {grains[0]} vs {grains[1]}"
    return f"same {grains[0]} granularity, other {grains[0]}"


# --- the audit -------------------------------------------------------------------------------


def _ceiling(report: Report, credited: int) -> float:
    return dataclasses.replace(report, value_hits=report.value_hits + credited).value_f1


def _merged(reports: Iterable[Report]) -> Report:
    total = Report()
    for r in reports:
        for f in dataclasses.fields(Report):
            if f.name != "errors":
                setattr(total, f.name, getattr(total, f.name) + getattr(r, f.name))
    return total


def audit(
    corpora: dict[str, list[TmlDocument]],
    system: System,
    peer: System | None = None,
    index: GoldIndex | None = None,
) -> dict[str, Any]:
    """Score ``system`` on each corpus and categorize every value error.

    ``index`` (the gold the consistency check looks in) defaults to the audited documents;
    ``peer`` None skips check 4. Returns counts, value F1 and ceiling per corpus and overall,
    and one row per value error (timex strings only).
    """
    every = [d for docs in corpora.values() for d in docs]
    index = GoldIndex(every) if index is None else index
    rows: list[dict[str, Any]] = []
    reports: dict[str, Report] = {}
    for corpus, docs in corpora.items():
        report = reports[corpus] = Report()
        for doc in docs:
            report.chars += len(doc.text)
            before = len(report.errors)
            score_document(report, doc.timexes, system(doc.text, doc.dct), doc.name)
            errors = [e for e in report.errors[before:] if e["kind"] == "value"]
            peer_timexes = peer(doc.text, doc.dct) if peer is not None and errors else None
            for error in errors:
                gold, ours = error["gold"], error["system"]
                verdict = categorize(gold, ours, doc.dct, doc.name, index, peer_timexes)
                rows.append(
                    {
                        "corpus": corpus,
                        "doc": doc.name,
                        "dct": doc.dct.isoformat(),
                        "gold_text": gold.text,
                        "gold_type": gold.type,
                        "gold_value": gold.value,
                        "system_text": ours.text,
                        "system_value": ours.value,
                        "category": verdict.category,
                        "reason": verdict.reason,
                        "pattern": disagreement(gold.value, ours.value),
                    }
                )
    reports["all"] = _merged(reports[c] for c in corpora)
    counts: dict[str, dict[str, int]] = {}
    scores: dict[str, dict[str, Any]] = {}
    for name, report in reports.items():
        mine = [r for r in rows if name == "all" or r["corpus"] == name]
        tally = Counter(r["category"] for r in mine)
        counts[name] = {c: tally.get(c, 0) for c in CATEGORIES}
        counts[name]["total"] = len(mine)
        credited = sum(tally.get(c, 0) for c in GOLD_CATEGORIES)
        scores[name] = {
            "documents": report.documents,
            "gold": report.gold,
            "relaxed_matches": report.relaxed_recall_hits,
            "value_hits": report.value_hits,
            "relaxed_f1": round(report.relaxed[2], 4),
            "value_f1": round(report.value_f1, 4),
            "audit_ceiling_value_f1": round(_ceiling(report, credited), 4),
        }
    return {"counts": counts, "scores": scores, "errors": rows}


# --- bench entry points ----------------------------------------------------------------------


def _heideltime(peers: list[str] | None) -> tuple[System | None, dict[str, Any]]:
    from bench.peers.base import OutputCache
    from bench.peers.heideltime_peer import PEER

    info: dict[str, Any] = {"name": PEER.name, "version": PEER.version(), "setup": PEER.setup}
    reason = "not requested (--peers)" if peers is not None and PEER.name not in peers else None
    reason = reason or PEER.unavailable()
    info.update(available=reason is None, reason=reason)
    if reason is not None:
        return None, info
    return OutputCache(PEER.name, PEER.version()).system(PEER), info


def run(quick: bool = False, peers: list[str] | None = None) -> dict[str, Any]:
    """Audit timeline's value errors on TimeBank + AQUAINT (every 4th document when quick).

    The consistency check always looks in the whole gold, quick or not.
    """
    from bench.temporal import TEMPEVAL, tempeval_documents
    from timeline.temporal.tempeval import timeline_system

    corpora = tempeval_documents(quick=False)
    if not corpora:
        raise SystemExit(f"bench.tempeval_audit: no TempEval-3 data under {TEMPEVAL}")
    index = GoldIndex(d for docs in corpora.values() for d in docs)
    if quick:
        corpora = {name: docs[::4] for name, docs in corpora.items()}
    peer, info = _heideltime(peers)
    result = audit(corpora, timeline_system, peer, index)
    if peer is not None:
        info.update(cache_hits=peer.hits, cache_misses=peer.misses)  # type: ignore[attr-defined]
    return {
        "note": "an audit of the gold annotation, not a score: the ceiling is NOT our value F1",
        "data": {name: len(docs) for name, docs in corpora.items()},
        "system": "timeline.temporal.tempeval.timeline_system (annotate, timeml=True)",
        "rules": RULES,
        "peer": info,
        **result,
    }


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def markdown(result: dict[str, Any]) -> str:
    """bench/results/tempeval_audit.md: counts, F1 and ceiling, the gold cases, the worklist."""
    scores, counts = result["scores"], result["counts"]
    corpora = [c for c in scores if c != "all"] + ["all"]
    lines = [
        "## TempEval-3 value-error audit (bench/tempeval_audit.py)",
        "",
        "**An audit of the gold annotation, not a score.** Each value error of timeline on "
        "TimeBank + AQUAINT (gold and system timexes overlap, values differ) gets the first "
        "category whose automatic check holds. The ceiling counts the three gold categories as "
        "matches: it is what the same output would score under a consistent gold, NOT our value F1.",
        "",
        "| | " + " | ".join(corpora) + " |",
        "|---|" + "---|" * len(corpora),
        "| documents | " + " | ".join(str(scores[c]["documents"]) for c in corpora) + " |",
        "| **value F1 (our score)** | "
        + " | ".join(f"**{scores[c]['value_f1']:.3f}**" for c in corpora)
        + " |",
        "| audit ceiling, categories 1-3 counted as matches (not a score) | "
        + " | ".join(f"{scores[c]['audit_ceiling_value_f1']:.3f}" for c in corpora)
        + " |",
        "",
        "### Value errors by category (checked in this order)",
        "",
        "| # | category | rule | " + " | ".join(corpora) + " |",
        "|---|---|---|" + "---|" * len(corpora),
    ]
    peer = result["peer"]
    for i, category in enumerate(CATEGORIES, 1):
        skipped = category == "peer-agrees" and not peer.get("available")
        lines.append(
            f"| {i} | {category} | {result['rules'][category]} | "
            + " | ".join("skipped" if skipped else str(counts[c][category]) for c in corpora)
            + " |"
        )
    lines.append(
        "| | **total** | | " + " | ".join(f"**{counts[c]['total']}**" for c in corpora) + " |"
    )
    if not peer.get("available"):
        lines += ["", f"Check 4 skipped, HeidelTime did not run: {peer.get('reason')}."]
    else:
        lines += [
            "",
            f"Check 4 used HeidelTime {peer.get('version') or ''} (outputs cached in "
            f"bench/.cache/heideltime/: {peer.get('cache_hits', 0)} hits, "
            f"{peer.get('cache_misses', 0)} runs this time).",
        ]
    errors = result["errors"]
    for category in GOLD_CATEGORIES:
        mine = [e for e in errors if e["category"] == category]
        lines += [
            "",
            f"### {category} ({len(mine)})",
            "",
            "| doc | gold text | gold value | our value | evidence |",
            "|---|---|---|---|---|",
        ]
        lines += [
            f"| {e['doc']} | {_cell(e['gold_text'])} | {e['gold_value']} | {e['system_value']} | "
            f"{_cell(e['reason'])} |"
            for e in mine
        ]
    agree = [e for e in errors if e["category"] == "peer-agrees"]
    if agree:
        lines += [
            "",
            f"### peer-agrees ({len(agree)}): HeidelTime gives our value",
            "",
            "| doc | gold text | gold value | our value |",
            "|---|---|---|---|",
        ]
        lines += [
            f"| {e['doc']} | {_cell(e['gold_text'])} | {e['gold_value']} | {e['system_value']} |"
            for e in agree
        ]
    ours = [e for e in errors if e["category"] == "ours"]
    by_pattern: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in ours:
        by_pattern[e["pattern"]].append(e)
    lines += [
        "",
        f"### Worklist: `ours` ({len(ours)}), grouped by how the values differ",
        "",
        "Our text is shown when our span differs from the gold span.",
        "",
        "| pattern | doc | gold text | our text | gold value | our value |",
        "|---|---|---|---|---|---|",
    ]
    for pattern, group in sorted(by_pattern.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        for e in group:
            ours_text = e["system_text"] if e["system_text"] != e["gold_text"] else ""
            lines.append(
                f"| {pattern} ({len(group)}) | {e['doc']} | {_cell(e['gold_text'])} | "
                f"{_cell(ours_text)} | {e['gold_value']} | {e['system_value']} |"
            )
    return "\n".join(lines) + "\n"


def summary(result: dict[str, Any]) -> list[dict[str, Any]]:
    """Rows for bench/results/README.md: the real value F1, the audit ceiling, the counts."""
    scores, counts = result["scores"]["all"], result["counts"]["all"]
    return [
        {"name": "value F1, TimeBank+AQUAINT (our score)", "value": scores["value_f1"]},
        {
            "name": "audit: value F1 ceiling under consistent gold (categories 1-3 as matches; "
            "not a score)",
            "value": scores["audit_ceiling_value_f1"],
        },
        {
            "name": f"audit: value errors by category (of {counts['total']})",
            "value": ", ".join(f"{c} {counts[c]}" for c in CATEGORIES),
        },
    ]


if __name__ == "__main__":
    import sys

    from bench.run import main

    sys.exit(main(["tempeval_audit", *sys.argv[1:]]))
