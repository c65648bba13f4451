"""Which time mentions date a happening, and which are something else.

A fact-checker's timeline wants the days things happened (or will happen). These are not
claims: durations and sets ("for 14 years", "every week"), ages ("19-year-old"), a publication
dateline or byline date, a copyright year, a year that is part of a name ("the 2014 Winter
Olympics", "9/11", "Super Tuesday"), a date in a web address, a quoted title (the film "1917"),
a citation ("(Ruiz, 2019)"), a page's time stamp, a score ("voted 4-1"), a time compared to ("like it's 1985"), and a bare clock time
that only the publication date anchors ("at 2 in the morning", typically hypothetical). Each
rule is a small named test so a rejected mention can say why (see :func:`rejection`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from timeline.ingest.cleanup import is_byline
from timeline.models import Mention

_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright|\bcopr\.)\s*$", re.I)
_AGE = re.compile(r"^[\s-]*(?:years?|months?|weeks?|days?)?[\s-]*old\b", re.I)
# "PORT ALDERY, Oct. 10, 2023 (HWS) —": a place in capitals, the date, an agency, a dash.
_DATELINE_BEFORE = re.compile(r"(?:^|\n)[ \t]*[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][A-Za-z.]+)?,\s*$")
_DATELINE_AFTER = re.compile(r"^,?\s*(?:\d{4})?\s*(?:\([^)\n]{1,30}\))?\s*(?:—|–|--|-|_)\s")
_STAMP = re.compile(
    r"(?:^|\n)[ \t]*(?:published|posted|updated|last updated|first published"
    r"|date|dated|created|modified)[^\n]{0,40}$",
    re.I,
)
_FINAL = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
_NAME_AFTER = re.compile(r"^(?:'s|’s)?\s+[A-Z][a-z]+")
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|this|next|last|its|his|her|their|our)\s+$", re.I)
_SLASH_DAY = re.compile(r"^\d{1,2}/\d{1,2}$")
_SCORE = re.compile(r"^\d{1,2}-\d{1,2}$")
_CLOCK_ONLY = re.compile(
    r"^(?:at\s+|by\s+|around\s+|about\s+|until\s+)?(?:\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\.?)?"
    r"|noon|midnight|(?:early|late|mid-?)?\s*(?:morning|afternoon|evening|night)|dawn|dusk"
    r"|(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"(?:\s+o'clock)?\s+in\s+the\s+(?:morning|afternoon|evening))$",
    re.I,
)


# Longer than this, a line is not a byline or timestamp (those are at most 12 words).
_SHORT_LINE = 300


def _type(m: Mention, text: str) -> bool:
    return m.type not in ("DATE", "TIME")


def _unresolved(m: Mention, text: str) -> bool:
    return m.start is None or m.end is None


def _copyright(m: Mention, text: str) -> bool:
    return bool(_COPYRIGHT.search(text[max(0, m.start_char - 14) : m.start_char]))


def _age(m: Mention, text: str) -> bool:
    return bool(_AGE.match(text[m.end_char : m.end_char + 14]))


def _dateline(m: Mention, text: str) -> bool:
    before = text[max(0, m.start_char - 60) : m.start_char]
    after = text[m.end_char : m.end_char + 40]
    if _DATELINE_BEFORE.search(before) and _DATELINE_AFTER.match(after):
        return True
    if m.anchor != "absolute":
        return False
    if _STAMP.search(before):
        return True
    # Look for the line's ends only within _SHORT_LINE characters, so that a text of one huge
    # line costs the same per mention as a text of many short ones.
    line_start = text.rfind("\n", max(0, m.start_char - _SHORT_LINE), m.start_char)
    line_end = text.find("\n", m.end_char, m.end_char + _SHORT_LINE)
    if (line_start < 0 and m.start_char > _SHORT_LINE) or (
        line_end < 0 and len(text) - m.end_char > _SHORT_LINE
    ):
        return False
    line = text[line_start + 1 : len(text) if line_end < 0 else line_end].strip()
    # "By Jo Park | March 3, 2021": a byline; a short line with no final punctuation holding an
    # absolute date is a byline or timestamp too.
    return is_byline(line) or (len(line.split()) <= 12 and not _FINAL.search(line))


def _name(m: Mention, text: str) -> bool:
    if _SLASH_DAY.match(m.text.strip()):
        return True
    after = text[m.end_char : m.end_char + 20]
    if not _NAME_AFTER.match(after):
        return False
    possessive = after.startswith(("'s", "’s"))
    before = text[max(0, m.start_char - 12) : m.start_char]
    return possessive or bool(_DETERMINER_BEFORE.search(before))


# A day's name in a holiday or event ("Super Tuesday", "Black Friday"): the weekday alone is no date.
_NAMED_DAY = re.compile(
    r"\b(?:Super|Black|Cyber|Giving|Good|Holy|Maundy|Ash|Easter|Palm|Bloody|Shrove|Fat)\s+$"
)
# "Altenahr's 2009 Goldkapsel", "the firm's 2020 Annual Report": a year in a name after a possessive.
_POSSESSIVE_BEFORE = re.compile(r"[A-Za-z]['’]s\s+$")
_WEEKDAY = re.compile(r"^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day$")


def _named(m: Mention, text: str) -> bool:
    """Part of a name, not a date: "Super Tuesday", "Altenahr's 2009 Goldkapsel"."""
    before = text[max(0, m.start_char - 12) : m.start_char]
    if _WEEKDAY.match(m.text.strip()) and _NAMED_DAY.search(before):
        return True
    after = text[m.end_char : m.end_char + 20]
    return bool(
        re.fullmatch(r"\d{4}", m.text.strip())
        and _POSSESSIVE_BEFORE.search(before)
        and re.match(r"\s+[A-Z][a-z]", after)
    )


_WEB = re.compile(r"www\.|https?:|@|\.(?:com|org|net|gov|edu|info|io)\b", re.I)


def _web_address(m: Mention, text: str) -> bool:
    """A date inside a web or mail address ("www.fair2022.com")."""
    start = max(0, m.start_char - 60)
    token_start = max(text.rfind(" ", start, m.start_char), text.rfind("\n", start, m.start_char))
    ends = [i for i in (text.find(" ", m.end_char), text.find("\n", m.end_char)) if i >= 0]
    token = text[token_start + 1 : min(ends, default=len(text))]
    return len(token) < 120 and bool(_WEB.search(token))


def _title(m: Mention, text: str) -> bool:
    """A date that is all of a quoted title: the film “1917,”."""
    before = text[max(0, m.start_char - 1) : m.start_char]
    after = text[m.end_char : m.end_char + 2]
    return before in ("“", '"') and bool(re.match(r"[,.!?]?[”\"]", after))


# "(Climate Service, 2023)", "(Ruiz 2019)": a reference to a source, in parentheses.
_CITATION_BEFORE = re.compile(r"\(\s*[A-Z][^()\n]{1,80}?(?:,|\s)\s*(?:\n\s*)?$")


def _citation(m: Mention, text: str) -> bool:
    before = text[max(0, m.start_char - 90) : m.start_char]
    after = text[m.end_char : m.end_char + 3]
    return (
        bool(re.fullmatch(r"\d{4}", m.text.strip()))
        and after.lstrip().startswith(")")
        and bool(_CITATION_BEFORE.search(before))
    )


# "August 13, 2015, 11:32 am" with no preposition before it: a page's time stamp, not a claim.
_FULL_STAMP = re.compile(r"\d{4},?\s+(?:at\s+)?\d{1,2}:\d\d\s*(?:[ap]\.?m\.?)?$", re.I)
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:on|at|by|since|from|until|till|before|after|of|in|to|through)\s+$", re.I
)


def _time_stamp(m: Mention, text: str) -> bool:
    before = text[max(0, m.start_char - 12) : m.start_char]
    return bool(_FULL_STAMP.search(m.text.strip())) and not _PREPOSITION_BEFORE.search(before)


# "like it's 1985", "as if it were the 1950s": a time compared to, not a time something happened.
_AS_IF = re.compile(
    r"\b(?:like|as\s+if|as\s+though)\s+(?:it|we|they|you|i|he|she|this)"
    r"(?:['’]s|['’]re|\s+(?:is|was|were|are))\s+(?:still\s+|back\s+in\s+|suddenly\s+)?(?:the\s+)?$",
    re.I,
)


def _comparison(m: Mention, text: str) -> bool:
    return bool(_AS_IF.search(text[max(0, m.start_char - 40) : m.start_char]))


def _score(m: Mention, text: str) -> bool:
    return bool(_SCORE.match(m.text.strip()))


# A transcript's running stamps and its header's hours on air ("[12:00:07]", "Aired 12-1p ET"):
# when the words were broadcast, not when anything happened.
_BROADCAST_STAMP_RULES = frozenset(("transcript_stamp", "aired_range_start", "aired_range_end"))


def _broadcast_stamp(m: Mention, text: str) -> bool:
    return m.rule in _BROADCAST_STAMP_RULES


def _clock_only(m: Mention, text: str) -> bool:
    return m.type == "TIME" and m.anchor == "published" and bool(_CLOCK_ONLY.match(m.text.strip()))


# Order matters only for the reason reported; every rule is cheap.
RULES: list[tuple[str, Callable[[Mention, str], bool]]] = [
    ("not a date or time", _type),
    ("no interval", _unresolved),
    ("copyright year", _copyright),
    ("age", _age),
    ("dateline or byline", _dateline),
    ("part of a name", _name),
    ("part of a name", _named),
    ("in a web address", _web_address),
    ("a quoted title", _title),
    ("a citation of a source", _citation),
    ("a page's time stamp", _time_stamp),
    ("a page's time stamp", _broadcast_stamp),
    ("a score, not a date", _score),
    ("a time compared to", _comparison),
    ("clock time anchored only on the publication date", _clock_only),
]


# A page talking to its reader: "We are logging off for the night", "our live blog below",
# "Sign up for our newsletter". The page speaks (we, our, you), about itself.
_READER = re.compile(r"\b(?:we|we're|we['’]ll|we['’]re|our|ours|us|you|your)\b", re.I)
_PAGE = re.compile(
    r"\b(?:live\s+(?:blog|coverage|updates|page)|newsletters?|sign\s+up|subscribe|subscription"
    r"|log(?:ging)?\s+off|signing\s+off|be\s+back|stay\s+tuned|follow\s+(?:us|along)|click"
    r"|bring\s+you|keep\s+you\s+(?:updated|posted|informed)|inbox|download|this\s+page"
    r"|(?:blog|updates|coverage|story|article)\s+(?:below|above))\b",
    re.I,
)


def sentence_rejection(text: str, sentence: tuple[int, int], at: int) -> str | None:
    """Why the sentence ``text[sentence[0]:sentence[1]]`` is no claim for a date at ``at``: a
    question the date is part of, or the page talking to its reader; None when it may be one.

    >>> t = "Will the ferry run on Monday? The ferry ran on Monday."
    >>> sentence_rejection(t, (0, 29), 22), sentence_rejection(t, (30, len(t)), 47)
    ('a question', None)
    """
    s0, s1 = sentence
    body = text[s0:s1].rstrip()
    question = re.search(r"\?[\"”’')\]]*$", body)
    if question:
        # Only the question itself: 'Ana Ruiz asked on Monday: "Why did it close?"' dates the
        # asking.
        q1 = s0 + question.start()
        q0 = max(text.rfind("“", s0, q1), text.rfind('"', s0, q1), text.rfind(": ", s0, q1))
        if (q0 < 0 or q0 < at) and at < q1:
            return "a question"
    if (
        _PAGE.search(body)
        and _READER.search(body)
        and not re.search(r"[\"“”]", body)
        # "welcome to our live coverage of the storm, which brought gusts overnight": news
        and not re.search(r",\s+(?:which|who|where|when)\s", text[s0:at])
    ):
        return "the page talking to its reader"
    return None


def rejection(mention: Mention, text: str) -> str | None:
    """Why ``mention`` does not date a happening, or None when it does.

    >>> from timeline.models import Mention
    >>> t = "He is a 19-year-old student."
    >>> m = Mention(start_char=8, end_char=10, text="19", type="DATE", value="2019",
    ...             start="2019-01-01", end="2020-01-01", granularity="year")
    >>> rejection(m, t)
    'age'
    """
    for reason, rule in RULES:
        if rule(mention, text):
            return reason
    return None
