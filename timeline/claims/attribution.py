"""Attribution: who says so ("the Kremlin said", "according to a White House statement").

Three shapes cover most news attribution, each found around a reporting verb:

* ``according to X``;
* subject before the verb: ``Russian officials told US investigators that ...``,
  ``Lena K. Moss, Mr. Marren's spokeswoman, repeated ...``, ``..., county officials said.``;
* verb before the subject after a quote or comma: ``..." said Ruth Okafor``.

A pronoun subject ("he noted") is resolved to the last named speaker of the article, when
there is one, so the claim still says who.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_VERBS = (
    "said|says|say|told|tells|tell|reported|reports|announced|announces|stated"
    "|claimed|claims|added|adds|noted|wrote|writes|repeated|repeats|confirmed|confirms"
    "|acknowledged|acknowledges|insisted|insists|warned|warns|argued|argues|explained|explains"
    "|declared|declares|testified|disclosed|revealed|alleged|alleges|alleging|recalled|recalls"
    "|complained|complains|cautioned|cautions|concluded|asserted|asserts|indicated|suggested"
    "|denied|denies|admitted|admits|conceded|concedes|estimated|estimates|predicted|believes"
    "|believe|contends|contended|maintains|maintained|recounted|emphasized|stressed|underscored"
    "|pointed out|shows|showed"
)
_VERB = re.compile(rf"\b(?P<verb>{_VERBS})\b")
_ACCORDING = re.compile(r"\b(?P<lead>according to|as reported by|citing|in the words of)\s+")
# Things that follow a verb and still belong to the attribution ("said in a statement").
_EXTRA = re.compile(
    r"^\s+(?:in an? (?:statement|letter|interview|email|e-mail|post|tweet|filing|report|speech"
    r"|press release|briefing)|on (?:Twitter|X|Facebook|Telegram|television|TV|radio)"
    r"|to reporters|to journalists)\b"
)
# The listener of "told": "told US investigators", "told the Wire Daily news service".
_LISTENER = re.compile(
    r"^\s+((?:the |a |an )?(?:[A-Z][\w.'’&-]*\s){0,4}(?:[a-z]+\s){0,2}?(?:reporters|journalists"
    r"|commissioners|investigators|officials|lawmakers|regulators|police|prosecutors|residents"
    r"|members|board|court|agency|service|radio|newspaper|television|committee|senators|panel)\b"
    r"|(?:the |a |an )?(?:[A-Z][\w.'’&-]*(?:\s|$)){1,5})"
)
_INVERTED_SUBJECT = re.compile(
    r"^\s+((?:(?:the|a|an)\s+)?(?:(?:[A-Z][\w.'’-]*|of|the|for|and)\s?){1,6}"
    r"|(?:the|a|an)\s+(?:[a-z]+\s){0,3}(?:official|spokesman|spokeswoman|spokesperson|company"
    r"|statement|report|police|ministry|agency|government|source|sources|officials))"
)
# Inside one sentence a period is an abbreviation ("Anna K. Berg"), not a boundary.
_BOUNDARY = re.compile(r"[;:!?\"“”()\[\]—–]|--|\s-\s|(?<!\d),|,(?!\d)")  # not "3,000"
_DEFINITE = re.compile(
    r"^(?:the|a|an|its|his|her|their|our)\s+[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,3}$", re.I
)
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you"}
_TIME_WORD = re.compile(
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tomorrow"
    r"|january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|last|this|next|early|late|earlier|later)\b",
    re.I,
)
_PERSONAL = {"he", "she"}
# A subject starts after the last subordinator: "a day before the company says" -> "the company".
_SUBJECT_CUT = re.compile(
    r"\b(?:before|after|when|while|because|that|than|if|as|since|until|though|although|where"
    r"|whereas|so)\s+",
    re.I,
)
_LEADING_NOISE = re.compile(
    r"^(?:(?:but|and|also|however|now|still|yet|so|then|meanwhile|moreover|indeed|instead"
    r"|separately|later|earlier|previously|again|on|in|at|over|during|last|this|since)\s+)+",
    re.I,
)
_SUBJECT_STOP = re.compile(
    r"^(?:that|which|who|whom|whose|what|it is|there|this|these|those)\b", re.I
)
_SPEAKER_NOUNS = re.compile(
    r"\b(?:officials?|authorities|police|spokes(?:man|woman|person)|company|firm|government"
    r"|ministry|department|agency|office|statement|analysts?|experts?|investigators?"
    r"|prosecutors?|residents?|witnesses|sources?|records?|reports?|documents?|lawsuit|suit"
    r"|commissioners?|board|chief|manager|aide|adviser|advisor|minister|president|leader"
    r"|lawmakers?|officers?|observers?|newspaper|agency|reporters?|workers?|family|members?"
    r"|people|group|groups|researchers?|scientists?|doctors?|hospital|court|judge|filing"
    r"|campaign|party|army|military|service|administration|committee|council|union"
    r"|neighbou?rs?|activists?|critics?|historians?|data|study|survey|timeline|letter|memo)\b",
    re.I,
)


@dataclass(frozen=True)
class Attribution:
    """An attribution found in a sentence: the phrase, its offsets, and the speaker's name."""

    phrase: str
    start: int
    end: int
    speaker: str


def find_attributions(text: str, start: int, end: int) -> list[Attribution]:
    """Attributions in ``text[start:end]`` (one sentence), in order.

    >>> t = "Crews left Monday, county officials said."
    >>> [a.phrase for a in find_attributions(t, 0, len(t))]
    ['county officials said']
    """
    found: list[Attribution] = []
    for m in _ACCORDING.finditer(text, start, end):
        who_end = _boundary_after(text, m.end(), end)
        who = _clip_words(text[m.end() : who_end], 10).rstrip(".")
        if who:
            phrase = f"{m.group('lead')} {who}"
            found.append(Attribution(phrase, m.start(), m.end() + len(who), who))
    for m in _VERB.finditer(text, start, end):
        attribution = _subject_before(text, start, m) or _subject_after(text, start, end, m)
        if attribution is not None:
            found.append(attribution)
    found.sort(key=lambda a: a.start)
    return found


def choose(attributions: list[Attribution], mention_start: int) -> Attribution | None:
    """The attribution nearest to a mention, preferring one that comes before it.

    >>> t = "Police said the road closed on Monday, residents said."
    >>> choose(find_attributions(t, 0, len(t)), t.index("Monday")).phrase
    'Police said'
    """
    if not attributions:
        return None
    before = [a for a in attributions if a.start <= mention_start]
    if before:
        return before[-1]
    return attributions[0]


def is_pronoun(attribution: Attribution) -> bool:
    """True when the speaker is only a pronoun ("he said").

    >>> is_pronoun(Attribution("he said", 0, 7, "he"))
    True
    """
    return attribution.speaker.lower() in _PRONOUNS


def is_personal(attribution: Attribution) -> bool:
    """True for "he"/"she": a pronoun that can stand for the last person quoted.

    >>> is_personal(Attribution("it says", 0, 7, "it"))
    False
    """
    return attribution.speaker.lower() in _PERSONAL


def _subject_before(text: str, start: int, m: re.Match[str]) -> Attribution | None:
    verb_start, verb_end = m.start(), m.end()
    left = text[start:verb_start]
    cut = _last_boundary(left)
    subject = left[cut:].strip()
    subject_start = start + cut + (len(left[cut:]) - len(left[cut:].lstrip()))
    if not subject and left.rstrip().endswith(","):
        # Appositive: "Lena K. Moss, Mr. Marren's spokeswoman, repeated".
        inner = left.rstrip()[:-1]
        c1 = _last_boundary(inner)
        role = inner[c1:].strip()
        before_role = inner[:c1].rstrip()
        if role and before_role.endswith(",") and len(role.split()) <= 6:
            c2 = _last_boundary(before_role[:-1])
            name = before_role[:-1][c2:].strip()
            # "Lena K. Moss, Mr. Marren's spokeswoman," / "The company, which has 3,000 employees,"
            relative = re.match(r"(?:who|which)\b", role) and _DEFINITE.match(name)
            if name and (_is_name(name) or relative):
                subject = f"{name}, {role},"
                subject_start = start + before_role[:-1].index(name, c2)
    if not subject:
        return None
    cut_words = list(_SUBJECT_CUT.finditer(subject))
    if cut_words:
        subject_start += cut_words[-1].end()
        subject = subject[cut_words[-1].end() :]
    subject = _LEADING_NOISE.sub("", subject)
    subject = _drop_time_words(subject)
    if not subject or _SUBJECT_STOP.match(subject) or len(subject.split()) > 9:
        return None
    if not (
        _SPEAKER_NOUNS.search(subject)
        or _has_name(subject)
        or _is_pronoun(subject)
        or _DEFINITE.match(subject)
    ):
        return None
    verb = m.group("verb")
    tail = verb
    rest = text[verb_end:]
    if verb in ("told", "tells", "tell"):
        listener = _LISTENER.match(rest)
        if listener:
            tail = f"{verb} {listener.group(1).strip()}"
    extra = _EXTRA.match(rest)
    if extra:
        tail = f"{verb}{extra.group(0)}"
    phrase = f"{subject} {tail}"
    speaker = subject.rstrip(",")
    return Attribution(phrase, subject_start, verb_end, speaker)


def _subject_after(text: str, start: int, end: int, m: re.Match[str]) -> Attribution | None:
    """``..." said Ruth Okafor`` / ``..., says Mark Galeotti``: a quote or comma, then the verb."""
    before = text[max(start, m.start() - 3) : m.start()]
    if not re.search(r"[,\"”’']\s*$", before):
        return None
    rest = text[m.end() : end]
    subject = _INVERTED_SUBJECT.match(rest)
    if not subject:
        return None
    who = subject.group(1).strip()
    if not who or who.lower() in ("that", "the", "a", "an") or _TIME_WORD.match(who):
        return None  # "..., said Monday it would close": a day is no speaker
    return Attribution(f"{m.group('verb')} {who}", m.start(), m.end() + len(subject.group(0)), who)


def _last_boundary(left: str) -> int:
    last = 0
    for b in _BOUNDARY.finditer(left):
        last = b.end()
    return last


def _boundary_after(text: str, pos: int, end: int) -> int:
    b = _BOUNDARY.search(text, pos, end)
    return b.start() if b else end


def _clip_words(phrase: str, limit: int) -> str:
    words = phrase.split()
    return " ".join(words[:limit]).strip()


def _drop_time_words(subject: str) -> str:
    # "Over the weekend the newspaper Harbor Ledger" -> "the newspaper Harbor Ledger".
    subject = re.sub(
        r"^(?:(?:over|on|in|during|last|this|early|late)\s+)?(?:the\s+)?"
        r"(?:weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|year"
        r"|morning|evening|night|afternoon|\d{4})\b[\s,]*",
        "",
        subject,
        flags=re.I,
    )
    # "Officials in 2011 also" -> "Officials".
    subject = re.sub(r"\s+(?:in|on|last|this)\s+(?:\d{4}|[A-Z][a-z]+day)\b", "", subject)
    subject = re.sub(r"\s+(?:also|now|still|already|then|again|later|earlier)$", "", subject)
    return subject.strip()


def _is_name(phrase: str) -> bool:
    words = phrase.split()
    return 1 <= len(words) <= 5 and all(w[0].isupper() for w in words)


def _has_name(phrase: str) -> bool:
    words = phrase.split()
    # A capitalized word after the first (the first may be capitalized for the sentence).
    return any(w[:1].isupper() for w in words[1:]) or (
        len(words) == 1 and words[0][:1].isupper() and words[0].lower() not in _PRONOUNS
    )


def _is_pronoun(subject: str) -> bool:
    return subject.lower() in _PRONOUNS
