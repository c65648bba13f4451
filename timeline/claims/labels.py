"""Claim labels: a short description of what a clause dates, who did what (where), for display.

A label is grown from the clause around the date: the date and its preposition are taken out,
so is who says so ("county officials said", "US authorities said that"), and the clause is cut
back to the statement the date belongs to. The sentence and the text before it fill in what the
clause leaves out, as a reader would:

* a clause that lost its subject takes it back: "... the two young men who set off twin bombs
  Monday and then shot dead a policeman on Friday" -> "The two young men shot dead a policeman";
  "an insurgency that Marren suppressed a decade later" -> "Marren suppressed an insurgency";
* a leading he/she/his/her names the person it stands for, the nearest one named before it;
* a date that only sets the time of a state ("when he was still prime minister in 1999")
  labels the happening it dates ("the second started by Marren");
* leading links ("But", "Also", "Well:") go, a label never stops on "of", "the" or a comma,
  and words glued by lost markup are split (``timeline.ingest.cleanup.normalize``).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from functools import lru_cache

from timeline.claims.places import place_names
from timeline.claims.sentences import clause_spans

MAX_WORDS = 12
MIN_WORDS = 5
_MARK = "\u2063"  # an invisible separator where the date was: the label grows around it
_COMMA = "\u201a"  # a comma that separates no clauses (an appositive kept in the label)
_EDGE = " \t\n,;:—–-\"'“”‘’()"
_BULLETS = "•·▪▫◦‣●■□►*"
_PREPOSITION = (
    r"(?:on|in|at|by|since|during|from|until|over|for|of|around|about|early|late|as of|through)"
)
# Separators between the clauses of a sentence, in the order a label would rather cut at.
_BREAK = re.compile(
    r",\s+|;\s*|:\s+|\s+(?:—|–|--)\s+|\s+(?=(?:after|when|while|because|as|which|who|whose|where"
    r"|though|although|before|until|since|that|and then|and that|what)\b)"
)
# "as" that opens no clause: a comparison ("half as much coal as it did", "as low as"), "such
# as", "as well as".
_COMPARATIVE_AS = re.compile(
    r"(?:\bas\s+[\w-]+(?:\s+[\w-]+){0,4}\s+|\b(?:such|well|twice|half|times|just|nearly|almost"
    r"|about|not|so)\s+)$",
    re.I,
)
_AS_COMPARED = re.compile(
    r"as\s+(?:much|many|few|little|far|long|well|high|low|large|big|small|good|bad|[a-z]+er"
    r"|[a-z]+ly|[a-z]+ous|[a-z]+ful|[a-z]+ive|[a-z]+al|[a-z]+ic)\b(?:\s+[\w-]+){0,5}?\s+as\b",
    re.I,
)


def _breaks(text: str) -> list[tuple[int, int]]:
    """The clause breaks of ``text`` (see ``_BREAK``), but for an "as" of a comparison."""
    cuts = []
    for m in _BREAK.finditer(text):
        if text[m.end() : m.end() + 3].lower() == "as " and (
            _COMPARATIVE_AS.search(text, 0, m.start() + 1) or _AS_COMPARED.match(text, m.end())
        ):
            continue
        cuts.append((m.start(), m.end()))
    return cuts


_RELATIVE = re.compile(r"^(?:who|which|that)\s+", re.I)
_AUX = (
    r"was|were|is|are|had|has|have|did|will|would|could|should|can|may|might|must|has been"
    r"|had been|have been"
)
# A clause that starts with its verb ("was killed by Russian forces") lost its subject.
_VERB_START = re.compile(rf"^(?:{_AUX})\b")
_PREPOSITION_START = re.compile(r"^(?:in|on|at|of|for|from|to|with|near|by)\b", re.I)
_LEADING_LINK = re.compile(
    r"^(?:(?:as soon as|as long as|and|but|then|so|also|that|after|when|while|because|as|since|though|although|before"
    r"|until|where|well|however|meanwhile|moreover|indeed|instead|still|yet|now|besides|plus"
    r"|thus|hence|even so|so far|as well|in turn)\b[\s,:;—–-]*)+",
    re.I,
)
# Whom it was told is a few words, never a clause ("told CBS that Harry had said ..." is news).
_ATTRIBUTION_TAIL = re.compile(
    r"(?:,\s*|\s+)(?:according to|as reported by|citing)\s+[^,.;]+|,\s*(?:[A-Za-z.'’-]+\s+){1,8}?"
    r"(?:said|says|told(?:\s+(?!that\b)[\w.'’-]+){1,5}|reported|added|noted|wrote|claimed"
    r"|announced)(?:\s+in an? \w+)?\s*(?=[,.;]|$)"
)
# Reporting verbs that report a clause only with "that" ("announced extra measures" is news).
_THAT_VERBS = (
    "announced",
    "confirmed",
    "claimed",
    "warned",
    "indicated",
    "stressed",
    "revealed",
    "testified",
    "insisted",
    "argued",
    "acknowledged",
    "emphasized",
    "declared",
    "disclosed",
    "admitted",
    "conceded",
)
_REPORTING = (
    r"said|says|say|told [\w\s.'’-]{1,40}?|tells|reported|reports|announced|wrote|claimed"
    r"|repeated|noted|added|stated|confirmed"
)
# ... and those that end a saying without what was said ("Mr. Lund indicated | that ...").
_REPORTING_ANY = _REPORTING + "|" + "|".join(_THAT_VERBS)
# Where it was said: "in a statement", "in a telephone interview".
_SAID_IN = r"\s+in\s+an?\s+(?:[\w-]+\s+){0,2}?[\w-]+"
_ATTRIBUTION_HEAD = re.compile(
    rf"^(?:[\w.'’-]+\s+){{1,8}}?(?:{_REPORTING})(?:{_SAID_IN})?\s+"
    r"(?:(?:on|in|last|this)\s+\w+\s+)?(?:that(?:\s+|$)|(?=(?:the|a|an)\s))"
)
_QUOTE_TAIL = re.compile(r"[,\"”]+\s*(?:said|says|added|noted)\s+[^.]*\.?$")
# ", who did not attend," / ", which employs 140 people,": asides inside the clause.
_ASIDE = re.compile(r",\s*(?:who|which|whose)\b(?:[^,]|(?<=\d),(?=\d)){1,80},")
_TAIL_ASIDE = re.compile(
    r",\s+(?P<aside>[^,;:\u2063]{2,40}),\s+(?P<tail>[a-z]+(?:\s+[a-z]+){0,2})\s*[.!?]?[\"”]?\s*$"
)
# "Paul Marren, chief executive of X, resigned": a name's title, between commas.
_APPOSITIVE = re.compile(
    r"(^|\s(?:—|–|--)\s+)((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*),\s+[^,]{3,60},\s+(?=[a-z])"
)
# "when he was still prime minister": the date sets the time of a state, not a happening.
_STATE = re.compile(
    r"^(?:when|while|as)\s+(?:he|she|they|it|we|i|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)\s+"
    r"(?:was|were|is|are)\s+(?!\w+ed\b|being\b)",
)
_ORDINAL_SUBJECT = re.compile(
    r"^(?:the\s+)?(?:first|second|third|fourth|fifth|last|latter|former|other)\s+"
    r"(?!(?:time|day|week|month|year)\b)(?=[a-z]+(?:ed|en|t)\b)",
    re.I,
)
_PRONOUN = re.compile(r"^(he|she|his|her)\b(?!\s+own\b)", re.I)
_POSSESSIVE_NAMED = re.compile(
    r"^(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?:[a-z0-9][\w-]*\s+){1,4}"
    r"((?:[A-Z][\w'’.-]+\s+){0,2}[A-Z][\w'’-]+)(?=\s+(?:was|were|is|had|has|who|,)\b|\s+[a-z]+ed\b)"
)
_NAME = re.compile(
    r"(?:(?:Mr|Mrs|Ms|Dr)\. +)?[A-Z][a-z]+(?:[-’'][A-Za-z]+)*"
    r"(?: +(?:[A-Z]\. +)?[A-Z][a-z]+(?:[-’'][A-Za-z]+)*)*(?:['’]s)?"
)
_NOT_NAMES = re.compile(
    r"^(?:The|A|An|This|That|These|Those|But|And|Or|So|If|When|While|After|Before|Since|As|In"
    r"|On|At|It|He|She|They|We|His|Her|Their|Its|Our|I|Mr|Mrs|Ms|Dr|Monday|Tuesday|Wednesday"
    r"|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August"
    r"|September|October|November|December|Some|Many|Most|All|Both|Other|Officials|Police"
    r"|President|Secretary|Minister|Prime|Chief|General|Governor|Senator|Mayor|Judge|State"
    r"|Federal|National|County|City|Russian|American|British|Chinese|French|German"
    # words of events, places and bodies, not people ("World War II", "Harlow Street Bridge")
    r"|World|War|Cup|Games|Olympics|University|College|Street|Avenue|Road|Bridge|River|Park"
    r"|Hospital|Center|Centre|Church|School|Council|Court|Department|Ministry|Agency|Airport"
    r"|Station|Company|Party|Army|Navy|Union|Association|Committee|Commission|Board|Bank"
    r"|Service|Institute|Museum)$"
)
# Words that make a run of capitalized words a body's or a place's name, not a person's.
_BODY_WORD = re.compile(
    r"^(?:Cup|Games|Olympics|University|College|Street|Avenue|Road|Bridge|River|Park|Hospital"
    r"|Center|Centre|Church|School|Council|Court|Department|Ministry|Agency|Airport|Station"
    r"|Company|Party|Army|Navy|Union|Association|Committee|Commission|Board|Bank|Service"
    r"|Institute|Museum|Times|Post|News|Inc|Corp|Ltd|Group|Foundation|Authority|Office)$"
)
_TITLE_BEFORE = re.compile(
    r"\b(?:by|president|leader|minister|secretary|spokesman|spokeswoman|chief|director|mayor"
    r"|governor|senator|officer|aide|adviser|general|judge|executive)\s+$",
    re.I,
)
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|from|to|into|near|across|through|of|the|across)\s+$")
_CUT_BEFORE = re.compile(
    r"^(?:of|in|on|at|to|for|with|by|from|into|about|over|after|before|than|as|under|between"
    r"|against|during|without|via|near|and|or|but|because|while|when|where|which|who|whose"
    r"|that|due|including|amid|despite|following|until|since|saying|claiming|according)$",
    re.I,
)
_DANGLING = re.compile(
    r"^(?:of|in|on|at|to|for|with|by|from|into|about|over|after|before|than|as|under|between"
    r"|against|during|without|via|near|the|a|an|this|that|these|those|its|his|her|their|our"
    r"|my|your|some|any|no|every|and|or|but|nor|so|yet|if|because|while|when|where|whether"
    r"|who|which|whose|is|are|was|were|be|been|being|has|have|had|will|would|could|should"
    r"|can|may|might|must|do|does|did|not|very|more|most|such|also|its|both|either|neither"
    r"|few|many|several|all|each|much|another|other|still|just|only|even|already|than"
    r"|unable|able|likely|unlikely|shortly|immediately|sometime|around|about|approximately"
    r"|roughly|nearly|almost|though|although|unless|whereas|allegedly|reportedly|purportedly)$",
    re.I,
)


def describe(
    text: str,
    clause: tuple[int, int],
    mention: tuple[int, int],
    *,
    sentence: tuple[int, int] | None = None,
    attributions: Sequence[tuple[int, int]] = (),
    names: Sequence[tuple[int, str]] = (),
    dates: Sequence[tuple[int, int]] = (),
) -> str:
    """A short description of what the clause ``text[clause[0]:clause[1]]`` dates.

    ``sentence`` is the sentence holding the clause (it lends a lost subject or object),
    ``attributions`` the spans of who-says-so phrases in it, ``names`` the people named earlier
    in the text as ``(offset, name)`` (a leading "he" stands for the nearest), ``dates`` the
    spans of the sentence's other dates (one joined to this date by "and" goes with it).

    >>> t = "Police said the two men who set off a bomb on May 3 and then robbed a bank on May 5."
    >>> describe(t, (t.index("and then"), len(t)), (t.index("May 5"), t.index("May 5") + 5),
    ...          sentence=(0, len(t)), attributions=[(0, 11)])
    'The two men robbed a bank'
    """
    c0, c1 = clause
    m0, m1 = mention
    places = place_names(text)
    names = [(o, n) for o, n in names if n not in places]  # "he" is never a place
    quoted = _quote_first(text, sentence or clause, mention, names)
    if quoted is not None:
        return quoted
    saying = _saying_last(text, sentence or clause, mention, attributions, names, dates)
    if saying is not None:
        return saying
    according = None
    for found in _ACCORDING.finditer(text, c0, m0):
        if not re.search(r"[,;:—–]", text[found.end() : m0]):
            according = found
    if according is not None:
        # "..., according to records released Monday": the records' release is what is dated
        c0 = according.end()
        sentence = (c0, c1)
        attributions = ()
    s0 = (sentence or clause)[0]
    dateline = _DATELINE.match(text, s0, c0) if s0 < c0 else _DATELINE.match(text, s0, c1)
    if dateline and dateline.end() <= m0:
        # "NORTHFIELD — State inspectors warned ...": the place line is no subject
        s0 = dateline.end()
        c0 = max(c0, s0)
    if (
        c0 == s0
        and sentence is not None
        and c1 < sentence[1]
        and _FRONTED_PARTICIPLE_START.match(text, c0)
        and re.match(r",\s+", text[c1 : c1 + 3])
    ):
        c1 = sentence[1]  # "Born in 1950 in Ohio | , she moved ...": the subject comes after
    elif (
        c0 == s0
        and sentence is not None
        and c1 < sentence[1]
        and _PREPOSITION_START.match(text, c0)
        and re.match(r",\s+", text[c1 : c1 + 3])
        and not _has_verb(text[c0:c1])
    ):
        c1 = sentence[1]  # "In the first nine months of the year | , revenue rose ...": the main
    lead = text[s0:c0]
    said_before = False  # an attribution (and its time) runs up to the clause: "X said | that"
    for a0, a1 in sorted(attributions, reverse=True):
        if re.fullmatch(r"\s*,\s*", text[a1:c0]) and re.match(r"who(?:m|se)?\b", text[c0:c1]):
            continue  # '..." said coach Ana Ruiz, | who took over in 1998': she took over
        if s0 <= a0 and a1 <= c0:  # who says so is not what happened
            # ... nor when it was said: "confirmed Tuesday that | its product would slip"
            timed = _SAYING_TIME.match(text, a1, c0)
            that = re.match(r"\s+that\b", text[timed.end() if timed else a1 : c0])
            if timed and (
                that or timed.group(0).endswith("that") or not text[timed.end() : c0].strip()
            ):
                a1 = timed.end() + (that.end() if that else 0)
            said_before = said_before or not text[a1:c0].strip()
            lead = lead[: a0 - s0] + " " * (a1 - a0) + lead[a1 - s0 :]
    lead = _drop_head(lead.strip())
    body = text[c0:c1]
    ms, me = m0 - c0, m1 - c0
    inside = [(a0 - c0, a1 - c0) for a0, a1 in attributions if c0 <= a0 and a1 <= c1]
    joined = [(d0 - c0, d1 - c0) for d0, d1 in dates if c0 <= d0 and d1 <= c1]
    body = _mark(body, ms, me, inside, joined)
    whole = (s0, sentence[1] if sentence else c1)
    before = text.rfind(",", s0, c0)
    if before > s0 and _AMOUNT_APPOSITION.match(body):
        # "The firm said it would cut 400 jobs, | or about 8 percent of its staff, by June":
        # the amount adds to the clause before it, which is what the date dates
        return describe(
            text,
            (s0, before),
            (before, before),
            sentence=(s0, before),
            attributions=[(a0, a1) for a0, a1 in attributions if a1 <= before],
            names=names,
            dates=dates,
        )

    def _sentence_label() -> str:
        return describe(
            text,
            whole,
            mention,
            sentence=whole,
            attributions=attributions,
            names=names,
            dates=dates,
        )

    if (c0, c1) != whole and (
        _words(body) == 0 or (_words(body) <= 2 and _ELLIPTIC.fullmatch(body.strip()))
    ):
        # The clause is the date alone ("... are expected to last | until Friday.", "On
        # Tuesday, | the bank ...") or an ellipsis ("... in 2012 | and again in 2014."): it
        # dates the sentence it is part of.
        return _sentence_label()
    that = re.match(r"\s*(?:that\s+)?", body)  # "said Monday (that) it would close ..."
    if (
        that
        and c0 > s0
        and (
            _REPORTED_THAT.search(text[s0:c0].strip())
            # an attribution right before the clause: "though forecasters warned | that ..."
            or said_before
        )
        and _starts_with_subject(body[that.end() :])
    ):
        # "Officials said last week | that repairs had been scheduled": what was said
        body, lead = body[that.end() :], ""
        body = _pronoun_to_speaker(body, _speaker(text[s0:c0].strip()))
    label = _clause_label(body, lead)
    pronoun = _PRONOUN.match(label)
    if pronoun:
        # The people named before the pronoun itself: earlier text, then this sentence.
        at = _last_before(text, pronoun.group(1), s0, m0)
        label = _name_pronoun(label, [(o, n) for o, n in names if o < s0] + _names_in(text, s0, at))
    s1 = sentence[1] if sentence else c1
    label = _close_quote(label, text[c0:s1])
    label, credit = _reported(label, text[c0:s1])
    finished = _finish(label, credit)
    if not finished and (c0, c1) != whole:
        # Nothing left of the clause ("before Saturday, according to the weather service"):
        # the date belongs to its sentence.
        return _sentence_label()
    return finished


# A sentence-opening noun phrase up to its first comma: "The plant", "Ivo Marek".
_SUBJECT_NP = r"(?P<np>(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+[^,\u2063]{1,50}|[A-Z][^,\u2063]{1,50})"
_PARTICIPIAL = re.compile(
    _SUBJECT_NP + ","
    r"\s+(?:first\s+|originally\s+)?(?P<part>[a-z]+)(?P<by>\s+by\s+[^,\u2063]{1,40}?)?\s*\u2063\s*(?:,|$)"
)
_SUBJECT_RELATIVE = re.compile(
    _SUBJECT_NP + ","
    r"\s+(?:who|which)\s+(?P<rest>[^,]{0,80}\u2063[^,]{0,40}),"
)
_FRONTED_EVENT = re.compile(
    r"(?P<prep>After|Before|Following|During|Ahead\s+of)\s+(?:\u2063\s*)?(?P<np>(?:the|a|an|his|her"
    r"|its|their)\s+[^,\u2063]{1,40}?)\s*(?:\u2063\s*)?,\s+(?P<main>[^\u2063]+)$"
)
_FRONTED_PARTICIPLE = re.compile(
    r"(?P<part>Born|[A-Z][a-z]+ed)\s+(?P<pre>[^,\u2063]{0,30}?)\s*\u2063\s*(?P<post>[^,\u2063]{0,40}),"
    r"\s+(?P<subj>he|she|they|it|(?:the|its|his|her|their)\s+[\w'’-]+|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
    r"\s+(?!\u2063)"
)
_FRONTED_SETTING = re.compile(
    r"(?:In|At|During|On)\s+(?:a|an|the|his|her|its|their)\s+[^,\u2063]{0,60}\u2063[^,\u2063]{0,30},"
    r"\s+(?P<main>[^\u2063]+)$"
)
_FRONTED_PARTICIPLE_START = re.compile(r"(?:Born|[A-Z][a-z]+ed)\s")
_NOMINAL_APPOSITIVE = re.compile(
    r"(?P<np>(?:The|A|An|Its|His|Her|Their)\s+[\w'’-]+(?:\s+[\w'’-]+)?),\s+"
    r"(?P<app>(?:the|a|an)\s+[^,\u2063]{1,40}?)\s*\u2063[^,]{0,20},"
)
_ELLIPTIC = re.compile(
    r"(?:(?:and|but|or|then|again|also|too|once|more)\s+)*\u2063\s*(?:(?:again|too|also)\s*)?[.,;]?"
)
# "..., or about 8 percent of its work force, by the end of June": an amount set beside the
# clause before, no statement of its own.
_AMOUNT = (
    r"(?:or|and)\s+(?:about\s+|roughly\s+|nearly\s+|almost\s+|some\s+|more\s+than\s+"
    r"|less\s+than\s+)?[$€£]?\d[^,;\u2063]*"
)
_AMOUNT_APPOSITION = re.compile(rf"\s*{_AMOUNT},")  # a clause that is only the amount
_AMOUNT_ASIDE = re.compile(rf",\s*{_AMOUNT}(?=,)")  # the amount between commas in a clause
_CLEFT = re.compile(
    r"It\s+(?:was|is|had\s+been|has\s+been)\s+(?:not\s+|only\s+)?(?:until\s+|in\s+|on\s+)?"
    r"\u2063\s*that\s+(?P<rest>[^\u2063]+)$"
)
_AGE = re.compile(r"(?<=[A-Za-z.]),\s+\d{1,3},(?=\s+[a-z])")
_SAYING_TIME = re.compile(
    r"\s+(?:on\s+|last\s+|this\s+|early\s+|late\s+)?(?:monday|tuesday|wednesday|thursday|friday"
    r"|saturday|sunday|yesterday|today|week|night|morning|evening|afternoon)(?:\s+that)?\b",
    re.I,
)
_ACCORDING = re.compile(r"\baccording\s+to\s+", re.I)
_PRONOUNS = frozenset(["he", "she", "they", "we", "i", "it", "you"])
# A dateline opening the sentence: "NORTHFIELD —", "MOSCOW (AP) -", "WASHINGTON, May 3 --".
_DATELINE = re.compile(
    r"[A-Z][A-Z .'’-]{2,40}(?:,\s*[A-Z][\w.]*(?:\s+\d{1,2})?)?(?:\s*\([A-Za-z.]+\))?\s*(?:—|–|--|-)\s+"
)
# A quotation first, its speaker after it: "“We asked for the money,” Sam Pike said Tuesday."
_QUOTE_FIRST = re.compile(
    r"\s*[“\"](?P<quote>[^“”\"]{8,}?)[,.!?]?\s*[”\"],?\s+"
    r"(?:(?P<speaker>(?:[\w.'’-]+\s+){0,7}?[\w.'’-]+)\s+(?P<verb>said|says|added|told|wrote|explained|recalled)"
    r"|(?P<verb2>said|says|added|told|wrote|explained|recalled)\s+(?P<speaker2>(?:[\w.'’-]+\s+){0,7}?[\w.'’-]+?)(?=\s+(?:on|last|this|in|at|to|during|after|before|[A-Z]|\w+day)\b|[\s,.]*$))\b"
)


def _quote_first(
    text: str, sentence: tuple[int, int], mention: tuple[int, int], names: Sequence[tuple[int, str]]
) -> str | None:
    """The label of a sentence that opens with a quotation and names its speaker after it:
    what was said, credited. A date inside the quotation dates what the quotation tells (its
    label is the quotation without it); a date after it dates the saying (the whole quotation).

    >>> t = '“We asked for the money three years ago,” county engineer Sam Pike said Tuesday.'
    >>> _quote_first(t, (0, len(t)), (t.index("three"), t.index(",")), [])
    'We asked for the money (Sam Pike)'
    >>> _quote_first(t, (0, len(t)), (t.index("Tuesday"), len(t) - 1), [])
    'We asked for the money three years ago (Sam Pike)'
    """
    s0, s1 = sentence
    m = _QUOTE_FIRST.match(text, s0, s1)
    if m is None:
        return None
    speaker = (m.group("speaker") or m.group("speaker2") or "").strip()
    credit = _credit(speaker) if speaker and not _has_verb(speaker) else ""
    if not credit:
        return None
    if credit.lower() in _PRONOUNS:
        # "he said": the person named last before the sentence, else no credit at all
        earlier = [name for offset, name in names if offset < s0]
        credit = _credit(earlier[-1]) if earlier and credit.lower() in ("he", "she") else ""
        if credit.lower() in _PRONOUNS:
            credit = ""
    q0, q1 = m.span("quote")
    m0, m1 = mention
    if q0 <= m0 and m1 <= q1:
        inner = describe(text, (q0, q1), mention, sentence=(q0, q1), names=names)
        return _finish(inner.split(" (")[0] if credit else inner, credit)
    if m0 >= m.end("quote"):
        return _finish(text[q0:q1], credit)
    return None


def _saying_last(
    text: str,
    sentence: tuple[int, int],
    mention: tuple[int, int],
    attributions: Sequence[tuple[int, int]],
    names: Sequence[tuple[int, str]],
    dates: Sequence[tuple[int, int]],
) -> str | None:
    """The label of a date in the saying that closes its sentence ("..., Grant Shapps said on
    Thursday."): the date dates the saying, whose news is what was said, credited.

    >>> t = "The ferry will stop at Elm Point, harbour master Ana Ruiz said on Thursday."
    >>> m0 = t.index("Thursday")
    >>> _saying_last(t, (0, len(t)), (m0, m0 + 8), [(t.index("harbour"), m0 - 4)], [], [])
    'The ferry will stop at Elm Point (Ana Ruiz)'
    """
    s0, s1 = sentence
    m0, m1 = mention
    if not re.fullmatch(r"[\s.!\"”’']*", text[m1:s1]):
        return None
    for a0, a1 in attributions:
        comma = re.search(r",\s*$", text[s0:a0]) if s0 < a0 else None
        if comma is None or a1 > m0 or not _SAYING_GAP.fullmatch(text, a1, m0):
            continue
        phrase = text[a0:a1]
        verb = re.search(rf"\b(?:{_REPORTING})\b", phrase)
        if verb is None:
            continue
        who = phrase[verb.end() :] if verb.start() == 0 else phrase[: verb.start()]
        credit = _credit(who.strip()) if who.strip() and not _has_verb(who) else ""
        if credit.lower() in _PRONOUNS:
            earlier = [name for offset, name in names if offset < s0]
            credit = _credit(earlier[-1]) if earlier and credit.lower() in ("he", "she") else ""
        if not credit or credit.lower() in _PRONOUNS:
            return None
        end = s0 + comma.start()
        before = [d for d in dates if s0 <= d[0] and d[1] <= end]
        # What was said holds dates of its own: labelled as the last one of its main clause
        # ("Police arrested a man Monday over robberies that began last fall": the arrest).
        main = [d for d in before if not _subordinate(text, s0, d[0])]
        inner = max(main or before or [(end, end)])
        # ... cut to its clause as extract_claims cuts it, so both labels agree.
        spans = clause_spans(text, (s0, end), before) if before else [(s0, end)]
        said = describe(
            text,
            spans[before.index(inner)] if before else (s0, end),
            inner,
            sentence=(s0, end),
            attributions=[(b0, b1) for b0, b1 in attributions if b1 <= end],
            names=names,
            dates=[d for d in before if d != inner],
        )
        said = said.split(" (")[0] if said.endswith(")") else said
        return _finish(said, credit) if said else None
    return None


def _subordinate(text: str, s0: int, at: int) -> bool:
    """Is the date at ``at`` in a relative clause or a fronted phrase of the sentence opening
    at ``s0`` ("robberies that began last fall", "Based on sales through Sept. 30, ...")?"""
    before = text[s0:at]
    return bool(re.search(r"\b(?:that|which|who|whose|when|after|before)\s", before)) or (
        "," not in before
        and bool(_FRONTED_PARTICIPLE_START.match(text, s0) or _PREPOSITION_START.match(text, s0))
    )


# Between a saying and its time: "said on Thursday", "said late Monday".
_SAYING_GAP = re.compile(r"\s*(?:(?:on|last|this|early|late|earlier|later)\s+)?")


# "X said / reported / told Y (that) ...": a reporting frame, whose news is what was said.
_FRAME = re.compile(
    r"^(?P<speaker>(?:[\w.'’-]+\s+){1,8}?)(?P<verb>said|says|reported|reports|wrote|stated|added"
    rf"|noted|told|tells|{'|'.join(_THAT_VERBS)})"
    r"(?P<object>(?:\s+(?!that\b)[\w.'’-]+){0,5}?)(?P<that>\s+that\b)?(?P<rest>(?:\s.*)?)$"
)
_NEEDS_THAT = _THAT_VERBS
_HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Dr)\.\s+(?=[A-Z])")
# A title before a name, dropped when a label is short of room ("President Lund" -> "Lund").
_TITLE = re.compile(
    r"(?<![\w.])(?:Mr\.|Mrs\.|Ms\.|Dr\.|President|Premier|Chancellor|Senator|Governor|Mayor"
    r"|General)\s+(?=[A-Z][a-z])"
)
_TITLE_WORDS = frozenset(
    [
        "President",
        "Secretary",
        "Minister",
        "Prime",
        "Premier",
        "Chancellor",
        "Senator",
        "Governor",
        "Mayor",
        "General",
        "Judge",
        "Chief",
        "Director",
        "Spokesman",
        "Spokeswoman",
        "Officer",
        "Foreign",
        "State",
    ]
)


# Words that describe a name without being part of it: "Rival Stenmark", "Former Mayor Lund".
_DESCRIBING = frozenset(
    [
        "Rival",
        "Former",
        "Fellow",
        "Longtime",
        "Veteran",
        "Embattled",
        "Retired",
        "Incoming",
        "Outgoing",
        "Acting",
        "Interim",
        "Deputy",
        "Parent",
        "Local",
        "Regional",
        "Neighboring",
        "Struggling",
        "Troubled",
    ]
)


def _reported(label: str, sentence: str) -> tuple[str, str]:
    """A label that is a reporting frame ("Ana Ruiz said the two mayors agreed ...")
    becomes what was reported, crediting who reported it: ("The two presidents agreed ...",
    "Ana Ruiz"). A frame cut before its content ("The newspaper Harbor Ledger reported")
    takes the content from the rest of ``sentence`` (the text from the clause on)."""
    frame = _FRAME.match(label.strip(" \t\n,;:"))
    if not frame:
        return label, ""
    speaker = frame.group("speaker").strip(_EDGE)
    verb, obj = frame.group("verb"), frame.group("object").strip()
    rest = frame.group("rest").strip(" \t\n,;:")
    if any(_VERB_START.match(w.lower()) for w in speaker.split()) or not _starts_with_subject(
        speaker
    ):
        return label, ""
    if verb.startswith("t") and not frame.group("that"):
        # "told the Wire Daily news service": whom it told, the content cut away
        obj, rest = f"{obj} {rest}".strip(), ""
        if not obj or len(obj.split()) > 6 or _has_verb(obj):
            return label, ""
    elif not verb.startswith("t"):
        rest, obj = f"{obj} {rest}".strip(), ""
    if verb in _NEEDS_THAT and not frame.group("that") and not _that_after(sentence, verb):
        return label, ""
    if not rest:
        rest = _continuation(sentence, verb, obj)
    opens = _starts_with_subject(rest) or re.match(
        r"[“\"]|(?:there|no|every|each|all|most|few|many|none|nobody|nothing)\b", rest, re.I
    )
    if not rest or not opens or not _has_verb(rest):
        return label, ""  # what follows is no clause: "announced extra security measures"
    he = re.match(r"(?:he|she)\b", rest)
    if he:  # "Mr. Lind said he would resign": the speaker is the subject
        name = _credit(speaker)
        return (name + rest[he.end() :], "") if name else (label, "")
    if re.match(r"(?:it|they)\b", rest):  # "The company announced that it would cut ..."
        return _pronoun_to_speaker(rest, speaker), ""
    named = _pronoun_to_speaker(rest, speaker)  # "Rival Stenmark said its profit fell"
    if named != rest:
        return named, ""
    return rest, _credit(speaker)


def _pronoun_to_speaker(clause: str, speaker: str | None) -> str:
    """A reported clause opening with the speaker's pronoun names the speaker instead ("it
    would cut 1,200 jobs" said by "The company" -> "The company would cut 1,200 jobs"; "its
    profit fell" said by "Rival Stenmark" -> "Stenmark's profit fell").

    >>> _pronoun_to_speaker("it would cut jobs", "The company"), _pronoun_to_speaker("they left", None)
    ('The company would cut jobs', 'they left')
    """
    if not speaker:
        return clause
    pronoun = re.match(r"\s*(it|they|its|their|he|she)\b", clause)
    if not pronoun:
        return clause
    words = speaker.split()
    while len(words) > 1 and words[0] in _DESCRIBING:
        words.pop(0)  # "Rival Stenmark": the name alone
    while len(words) > 1 and words[-1] in _SOFT:
        words.pop()  # "The company also confirmed"
    speaker = " ".join(words)
    who = speaker if pronoun.group(1) in ("it", "they", "its", "their") else _credit(speaker)
    if who and pronoun.group(1) in ("its", "their"):
        if len(words) > 4 or re.search(r"\bof\b|['’]s?\b", speaker):
            return clause  # "the League of Towns's members": no name to possess
        who += "'" if who.endswith("s") else "'s"
    return f"{who}{clause[pronoun.end() :]}" if who else clause


def _that_after(sentence: str, verb: str) -> bool:
    """Does ``verb`` take a "that" clause in the sentence, past a time next to it ("announced
    on Monday that it would ...")?"""
    return bool(re.search(rf"\b{verb}\s+(?:[\w.,]+\s+){{0,3}}that\b", sentence))


def _close_quote(label: str, rest: str) -> str:
    """A label stopping inside a quotation takes in the few words that close it, from
    ``rest`` (the text from the clause on): "provide “information" -> "provide “information
    which had operative value”"."""
    words = label.split()
    if not _open_quote(words) or len(words) < 2:
        return label
    tail = re.search(r"\s+".join(re.escape(w) for w in words[-2:]), rest)
    if not tail:
        return label
    after = rest[tail.end() :]
    close = re.match(r"[^”\".;]{0,60}?[”\"]", after)
    if not close or len(close.group(0).split()) > 5:
        return label
    return label.rstrip() + close.group(0)


def _continuation(sentence: str, verb: str, obj: str) -> str:
    """What the frame ``verb obj`` reports, read from the sentence after it: past a date or
    a "that" next to the verb and a leading adverbial ("during his stay in 2012,")."""
    words = [verb, *obj.split()]
    found = re.search(r"\b" + r"\s+".join(re.escape(w) for w in words) + r"\b", sentence)
    if not found:
        return ""
    rest = sentence[found.end() :]
    rest = re.sub(r"^\s*(?:[\w.,]+\s+){0,3}?(?=that\b)", "", rest)  # "earlier this week that"
    rest = re.sub(r"^[\s,:]*(?:that\b)?\s*", "", rest)
    opener = re.match(rf"^(?:{_PREPOSITION}|during|after|before|while)\b[^,;:]{{0,80}},\s+", rest)
    if opener:
        rest = rest[opener.end() :]
    # Up to the first strong break; the finish cuts it to length at a phrase boundary.
    return re.split(r",\s+|;\s*|:\s+|\s+(?:—|–|--)\s+", rest.strip(_EDGE + "."))[0].strip(_EDGE)


_PARTICLES = frozenset(["de", "da", "del", "van", "von", "der", "al", "bin", "le", "la", "du"])


def _credit(speaker: str) -> str:
    """Who said it, short: the name at the end of the speaker's phrase without an honorific
    or a title ("the newspaper Harbor Ledger" -> "Harbor Ledger", "Mr. Marren" -> "Marren"),
    else the phrase without its article ("an unnamed official" -> "unnamed official")."""
    speaker = _HONORIFIC.sub("", speaker.split(",")[0]).strip(_EDGE)
    of_place = re.match(r"(.*?\b[A-Z][\w'’-]+\s+[A-Z][\w'’-]+)\s+of\s+[A-Z]", speaker)
    if of_place and not set(of_place.group(1).split()[-2:]) & (_TITLE_WORDS | _DESCRIBING):
        speaker = of_place.group(1)  # "Harriet Colby of Oregon": the person, not her state
    words = speaker.split()
    if words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    name: list[str] = []
    for n, word in reversed(list(enumerate(words))):
        if name and (
            word in _PARTICLES or (word == "and" and n > 0 and words[n - 1][:1].isupper())
        ):
            name.insert(0, word)  # "Bill de Blasio"
            continue
        if not word[:1].isupper() or word in _TITLE_WORDS or word in _DESCRIBING:
            break
        name.insert(0, word)
    while name and (name[0] in _PARTICLES or name[0] == "and"):
        name.pop(0)
    if name:
        return " ".join(name)
    return " ".join(words) if 0 < len(words) <= 3 else ""


def _last_before(text: str, word: str, start: int, end: int) -> int:
    found = [m.start() for m in re.finditer(rf"\b{re.escape(word)}\b", text[start:end], re.I)]
    return start + found[-1] if found else start


# "in 1998 and 2004", "between Monday and Friday", "by June or July": two dates joined, the
# one labelled and another of the sentence ("and again in 2004" tells two happenings: not one).
# "from 10 a.m. to 9 p.m.", "2021-2025", "(1939-1945)": a range, its two ends one span of time.
_JOINED = re.compile(
    rf"\s*,?\s*(?:(?:and|or|to|through|thru|till|until)\s+|[-–—]\s*)"
    rf"(?:(?:{_PREPOSITION}|between)\s+)?(?:the\s+)?",
    re.I,
)


def _mark(
    body: str,
    ms: int,
    me: int,
    attributions: list[tuple[int, int]],
    dates: Sequence[tuple[int, int]] = (),
) -> str:
    """The clause with the date replaced by the mark and attributions that do not hold it
    taken out ("Moscow on April 16 announced" keeps its speaker: the saying is the news); a
    date of ``dates`` joined to it by "and" or "or" goes with it ("the mill flooded in 1998 and
    2004": what happened is "the mill flooded", not "the mill flooded and 2004")."""
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement) on the clause
    if 0 <= ms < me <= len(body):
        preposition = re.search(
            r"(?:,?\s*\b(?:starting|beginning)\s+)?"  # "..., starting at 6 p.m.": with the date
            rf"(?:\bas\s+(?:recently|early|late|far\s+back|long\s+ago)\s+as\s+"
            rf"|\b(?:(?:early|late)\s+)?{_PREPOSITION}\s+)?"
            r"(?:the\s+)?$",
            body[:ms],
            re.I,
        )
        start = preposition.start() if preposition else ms
        if (
            re.match(r" [a-z]", body[me : me + 2])
            and re.fullmatch(r"\d{4}", body[ms:me])
            and re.search(r"\b(?:the|a|an|its|his|her|their)\s+$", body[:ms], re.I)
        ):
            start = ms  # a year naming a noun ("since the 2011 uprising"): the phrase stays
        for d0, d1 in sorted(dates):
            if d0 >= me and _JOINED.fullmatch(body, me, d0):
                me, start = d1, min(start, _before_preposition(body, ms))  # "in <date> and 2004"
            elif d1 <= start and (
                _JOINED.fullmatch(body, d1, start) or _JOINED.fullmatch(body, d1, ms)
            ):
                start = _before_preposition(body, d0)  # "between 1998 and <date>"
        # Keep the punctuation that follows the date: it separates what comes next.
        gap = "" if body[me : me + 1] in (",", ";", ".") else " "
        aside = re.search(r"[^\W\d_],\s+$", body[:start])
        predicate = re.match(r",\s+([a-z]+)\b", body[me:])
        if (
            aside
            and start < ms
            and predicate
            and not _CUT_BEFORE.match(predicate.group(1))
            and not _DETERMINER_WORD.match(predicate.group(1))
            and not dates
        ):
            # "The last flood, in March 1997, damaged 600 homes": the date and its preposition
            # between commas are an aside; its commas go with it and separate no clauses
            start, me, gap = aside.start() + 1, me + 1, " "
        if body[me : me + 2] in ("'s", "’s"):
            # "after Tuesday's vote", "commented on Tuesday's talks": the vote, the talks
            start, me, gap = ms, me + 2, " the "
        elif _subject_date(body, ms, me):
            start = me  # "Wednesday is forecast to be colder": the day is what the clause is about
        article = re.search(r"\b(an?)\s+$", body[:start], re.I)
        following = re.match(r"\s*([\w'’-]+)", body[me:])
        if article and following and start == ms and not _DANGLING.match(following.group(1)):
            # "a November 6 attack" -> "an attack": the article goes with the word after
            a = _article(following.group(1))
            a = a.capitalize() if article.group(1)[0].isupper() else a
            edits.append((article.start(1), article.end(1), a))
        edits.append((start, me, _MARK + gap))
    for a0, a1 in attributions:
        # "Mr. Marren said last week that ...": a date next to the saying dates the saying.
        if a0 <= ms < a1 or (a1 <= ms and _next_to(body[a1:ms])):
            continue
        if me <= a0 and not body[me:a0].strip(" ,"):
            continue
        # The saying's own time goes with it ("said Monday (that) it would close ..."), unless
        # that time is the date being labelled.
        timed = _SAYING_TIME.match(body, a1)
        if timed and (timed.end() <= ms or me <= a1):
            cut = timed.end()
        else:
            that = re.match(rf"(?:{_SAID_IN})?\s+that\b", body[a1:])  # "said in a ... that"
            cut = a1 + (that.end() if that else 0)
        if any(e0 < cut and a0 < e1 for e0, e1, _ in edits):
            continue
        edits.append((a0, cut, " "))
        # "The company said it replaced those valves": "it" is the company.
        opens = not _LEADING_LINK.sub("", body[:a0].strip())  # "and the union said it ..."
        speaker = _speaker(body[a0:a1]) if opens else None
        pronoun = re.match(r"\s*(it|its|they|their|he|his|she)\b", body[cut:])
        if speaker and pronoun:
            p0, p1 = cut + pronoun.start(1), cut + pronoun.end(1)
            if not any(e0 < p1 and p0 < e1 for e0, e1, _ in edits):
                own = pronoun.group(1) in ("its", "their", "his")
                mark = ("'" if speaker.endswith("s") else "'s") if own else ""
                edits.append((p0, p1, speaker + mark))  # "officials' concerns"
    for start, end, replacement in sorted(edits, reverse=True):
        body = body[:start] + replacement + body[end:]
    return body


_DETERMINER_WORD = re.compile(
    r"(?:the|a|an|this|that|these|those|its|his|her|their|our|my|your|some|many|most|all"
    r"|several|no|each|every|both)$",
    re.I,
)


def _subject_date(body: str, ms: int, me: int) -> bool:
    """Is the date the subject of its clause ("Wednesday is forecast to be colder", "• The
    third quarter belonged to Embiid", "2023 is set to be the hottest year")?"""
    before = body[:ms].rsplit(",", 1)[-1].strip(_EDGE + _BULLETS).lower()
    return before in ("", "the", "this", "that") and _finite_first(body[me:].lstrip())


_VOWEL_SOUND = re.compile(r"(?:[aeio]|u(?!ni|s[aeu]|ti|ro|ra|ki))|h(?:our|onest|onou?r|eir)", re.I)


def _article(word: str) -> str:
    """ "a" or "an" before ``word`` ("an attack", "a union", "an hour", "an FBI", "a GOP")."""
    if len(word) > 1 and word.isupper() and word.isalpha():
        return "an" if word[0] in "AEFHILMNORSX" else "a"
    return "an" if _VOWEL_SOUND.match(word) else "a"


def _before_preposition(body: str, at: int) -> int:
    """Where the date at ``at`` starts with its preposition ("between", "in the")."""
    found = re.search(rf"(?:\b(?:{_PREPOSITION}|between)\s+)?(?:the\s+)?$", body[:at], re.I)
    return found.start() if found else at


def _next_to(gap: str) -> bool:
    """Is the date close enough to a saying to date it ("told the Wire Daily news service on
    Monday")? A few words, no clause between."""
    return (
        len(gap.split()) <= 6
        and not re.search(r"[,;:—–\"“”]|\bthat\b", gap)
        # "in his opening statement": an -ing word after a determiner is a noun's modifier
        and not _has_verb(re.sub(r"\b(?:the|a|an|his|her|its|their|our)\s+\w+ing\b", " ", gap))
        and not re.match(r"\s*(?:it|its|he|his|she|her|they|their|we)\b", gap)
    )


def _speaker(attribution: str) -> str | None:
    """The subject of an attribution that opens its clause ("The company said" -> "The
    company"), when it reads as one."""
    verb = re.search(rf"\s(?:{_REPORTING})\b", attribution)
    if not verb:
        return None
    subject = _ASIDE.sub("", attribution[: verb.start()]).strip(_EDGE)
    return subject if 0 < len(subject.split()) <= 5 else None


def _clause_label(body: str, lead: str) -> str:
    body = _AGE.sub("", body)  # "Smith, 54, joined the firm"
    fronted_part = _FRONTED_PARTICIPLE.match(body.strip())
    if fronted_part and (
        fronted_part.group("part").lower() == "born"
        or fronted_part.group("part").lower().endswith("ed")
    ):
        # "Born in 1950 in Ohio, she moved ...": she was born in Ohio
        subject = fronted_part.group("subj")
        subject = subject[0].upper() + subject[1:]
        where = " ".join(f"{fronted_part.group('pre')} {fronted_part.group('post')}".split())
        be = "were" if subject.lower() == "they" else "was"
        return f"{subject} {be} {fronted_part.group('part').lower()} {where}".strip()
    setting = _FRONTED_SETTING.match(body.strip())
    if setting and _starts_with_subject(setting.group("main")):
        # "In a statement released late Friday, the ministry said ...": the main clause
        return setting.group("main").rstrip(_EDGE + ".")
    appositive = _NOMINAL_APPOSITIVE.match(body.strip())
    if appositive:
        # "The drought, the worst since 1976, has cut ...": the drought, the worst
        return f"{appositive.group('np')}, {appositive.group('app')}"
    cleft = _CLEFT.match(body.strip())
    if cleft:
        # "It was not until 2018 that the report was made public": the report was made public
        return cleft.group("rest")
    fronted = _FRONTED_EVENT.match(body.strip())
    if fronted and not (
        _VERB_START.match(fronted.group("main")) or _verb_first(fronted.group("main"))
    ):
        # "After the vote on Tuesday, protesters gathered ...": what happened, after what
        main = fronted.group("main").rstrip(_EDGE + ".")
        return f"{main} {fronted.group('prep').lower()} {fronted.group('np')}"
    subject_relative = _SUBJECT_RELATIVE.match(body.strip())
    if subject_relative and not _starts_with_subject(subject_relative.group("rest")):
        # "Marren, who joined in 1998, resigned": the date times the joining
        rest = re.sub(r"\s+", " ", subject_relative.group("rest").replace(_MARK, " ")).strip()
        return f"{subject_relative.group('np')} {rest}"
    participial = _PARTICIPIAL.match(body.strip())
    if participial and (
        participial.group("part").endswith("ed") or participial.group("part") in _IRREGULAR_PAST
    ):
        # "The plant, built in 1962, employs 400 people": the date times the building
        np = participial.group("np")
        be = "were" if re.search(r"[^s]s$", np) else "was"
        return f"{np} {be} {participial.group('part')}{participial.group('by') or ''}"
    body = _unless_marked(_ASIDE, body, "")
    body = _unless_marked(_AMOUNT_ASIDE, body, "")  # "cut 400 jobs, or about 8 percent,"
    # "ended with 330 people, about half children, killed": the aside goes, the tail stays.
    tail = _TAIL_ASIDE.search(body)
    if tail and not _has_verb(tail.group("aside")) and _is_verb(tail.group("tail").split()[0]):
        body = body[: tail.start()] + " " + tail.group("tail")
    short = _APPOSITIVE.sub(r"\1\2 ", body.strip())
    # "Paul Marren, chief executive of X, resigned": the title goes unless it is most of it.
    if short != body.strip() and _MARK in short:
        if _words(_bare_clause(_drop_head(short))) >= 4:
            body = short
        else:  # kept, its commas no clause breaks: "Paul Marren, chief executive of X, resigned"
            body = _APPOSITIVE.sub(lambda m: m.group(0).replace(",", _COMMA), body.strip())
    else:
        body = short
    body = _unless_marked(_ATTRIBUTION_TAIL, body, "")
    body = _unless_marked(_QUOTE_TAIL, body, "")
    body = _drop_head(body)
    if _MARK in body:
        clause, before = _around_mark(body)
        lead = f"{lead} {before}".strip() if before.strip() else lead
        reduced = _reduced_relative(clause)
        if reduced:
            return reduced
        clause = _relative_ends_at_mark(clause)
    else:
        clause = _main_clause(body)
    clause = re.sub(r"\s+", " ", clause.replace(_MARK, " ")).strip(_EDGE)
    # "that Russia's security service has been watching": a reported clause, not a relative.
    relative = _RELATIVE.match(clause)
    if relative and _starts_with_subject(clause[relative.end() :]) and not lead.strip():
        clause = clause[relative.end() :]
        relative = None
    last = lead.rstrip(_EDGE).split()[-1:] if lead.strip() else []
    if relative and last and (_is_verb(last[0].lower()) or last[0].lower() in _ASKING):
        # "They asked that the US question him": "that" reports what was asked.
        rest = clause[relative.end() :]
        head = lead.strip(_EDGE)
        if last[0].lower() in _MANDATIVE:  # "asked that the US question him": "that" stays
            head = f"{head} {relative.group(0).strip()}"
        return f"{head} {rest}" if len(head.split()) <= 5 else rest
    if (
        relative
        and last
        and relative.group(0).strip().lower() == "who"
        and (last[0].lower() in _QUESTION_BEFORE or _is_verb(last[0].lower()))
    ):
        # "We have to look at who committed it": who did it is asked, "who" names no one
        head = lead.strip(_EDGE)
        return f"{head} {clause}" if len(head.split()) <= 8 else clause
    if relative:
        rest = clause[relative.end() :]
        antecedent = _antecedent(lead)
        if antecedent and _starts_with_subject(rest):
            return _insert_object(rest, antecedent)  # "that Marren suppressed": the object
        if antecedent:
            return _cut_main_verb(f"{antecedent} {rest}")
        if _starts_with_subject(rest):
            return rest
    link = _LEADING_LINK.match(clause)
    clause = clause[link.end() :] if link else clause
    # A clause that lost its subject (it opens with its verb: "and then shot dead a
    # policeman") takes it back from the part of the sentence before it.
    # ... or a predicate after an aside that closed on a comma ("The agreement, signed in 2011,
    # | expires in June").
    after_aside = bool(
        lead
        and lead.rstrip().endswith(",")
        and _DETERMINER.match(lead.split()[0])
        and clause[:1].islower()
        and _finite_first(clause)  # not an adjective's phrase: "a dividend, | payable Nov. 25"
    )
    postmodifier = _POSTMODIFIER.match(clause)
    if postmodifier and lead.rstrip().endswith(","):
        # "declared a dividend of 35 cents a share, | payable Nov. 25": what is payable
        thing = _object_of(lead.rstrip(_EDGE))
        if thing:
            return f"{thing} {clause}"
    if (_VERB_START.match(clause) or _verb_first(clause) or after_aside) and lead:
        subject = _subject(lead)
        if subject and not _starts_with_subject(clause):
            return _cut_main_verb(f"{subject} {clause}")
    return clause


# Adjectives that follow the noun they describe, with a date: "a dividend, payable Nov. 25".
_POSTMODIFIER = re.compile(r"(?:payable|due|effective|valid|available|eligible|pending)\b")


def _finite_first(clause: str) -> bool:
    """Does the clause open with a finite verb ("expires in June", "was signed", "rose")?"""
    first = clause.split(maxsplit=1)[0].strip(_EDGE).lower() if clause.strip() else ""
    return bool(
        first in _SUBJECT_AUX
        or first in _IRREGULAR_PAST
        or re.fullmatch(r"[a-z]{2,}(?:[^su]s|ed)", first)
    )


def _object_of(lead: str) -> str | None:
    """The object of the last verb of ``lead``, up to a preposition other than "of"
    ("The board approved a dividend of 14 cents a share" -> "a dividend of 14 cents a share")."""
    words = lead.split()
    verbs = [n for n, w in enumerate(words) if w.islower() and _is_verb(w)]
    if not verbs or verbs[-1] + 1 >= len(words):
        return None
    thing: list[str] = []
    for word in words[verbs[-1] + 1 :]:
        if thing and _CUT_BEFORE.match(word) and word.lower() != "of":
            break
        thing.append(word)
    if not thing or not (_DETERMINER.match(thing[0]) or thing[0][:1].isdigit()):
        return None
    return " ".join(thing)


# "... nor verified accounts of two warnings sent by the F.S.B. in 2011": a past participle
# right before the date says what the date times (the warnings sent), not the main verb.
_REDUCED = re.compile(
    r"^(?P<head>.*?)\b(?:of|about|for|with|on|from|against|over|into)\s+"
    r"(?P<np>(?:[\w'’.-]+\s+){0,4}?[\w'’-]+)\s+(?P<verb>[a-z]+)"
    r"(?P<by>\s+by\s+[^,;:\u2063]{1,40}?)?\s*\u2063(?P<rest>[^,;:]*)"
)
_COPULA = re.compile(r"\b(?:is|are|was|were|be|been|being|remains?|remained|became)\b", re.I)


_FINITE_AFTER = re.compile(r"\s*(?:was|were|is|are|had|has|have|will|would)\b")


def _relative_ends_at_mark(clause: str) -> str:
    """A relative clause that has its verb before the date ends there: the finite verb right
    after the date is the sentence's own ("that stretched <date> produced a deal" -> "that
    stretched")."""
    relative = _RELATIVE.match(clause.strip())
    if not relative:
        return clause
    before, after = clause.split(_MARK, 1)
    first = after.split(maxsplit=1)[:1]
    finite = bool(_FINITE_AFTER.match(after)) or bool(
        first and first[0][:1].islower() and not first[0].endswith("ing") and _is_verb(first[0])
    )
    own = before.strip()[relative.end() :]  # a subject relative: its verb first
    if finite and (_VERB_START.match(own) or _verb_first(own)):
        return before + _MARK
    return clause


def _reduced_relative(clause: str) -> str | None:
    """The noun phrase a past participle dates, when the clause's own verb is not a copula:
    "... nor verified accounts of two warnings sent by the F.S.B. <date> identifying X" ->
    "two warnings sent by the F.S.B. identifying X" ("was one of two rebels killed <date>"
    stays: the killing is what the clause tells)."""
    m = _REDUCED.match(clause)
    if not m:
        return None
    np, verb, head = m.group("np").split(), m.group("verb"), m.group("head")
    participle = verb in _IRREGULAR_PAST or (verb.endswith("ed") and _is_verb(verb))
    if (
        not participle
        or not (_DETERMINER.match(np[0]) or np[0][:1].isdigit())
        or any(_is_verb(w.lower()) or _VERB_START.match(w.lower()) for w in np)
        or _COPULA.search(head)
        or not _has_verb(head)
    ):
        return None
    return " ".join([*np, verb, (m.group("by") or "").strip(), m.group("rest").strip()])


# Words after which "who" opens an indirect question, not a relative clause.
_QUESTION_BEFORE = frozenset(
    ["at", "about", "of", "on", "over", "to", "know", "knows", "see", "ask", "asks", "wonder"]
)
_ASKING = frozenset(["asked", "urged", "demanded", "insisted", "requested", "warned", "said"])
# Verbs whose "that" clause has a bare verb ("urged that the council delay the vote"):
# without "that" the label reads as a word dropped.
_MANDATIVE = frozenset(
    ["asked", "urged", "demanded", "insisted", "requested", "proposed", "recommended", "ordered"]
)


def _insert_object(rest: str, antecedent: str) -> str:
    """ "Tamerlan Tsarnaev spent in Dagestan" + "the six months" -> "Tamerlan Tsarnaev spent
    the six months in Dagestan": the object goes after the verb."""
    words = rest.rstrip(_EDGE).split()
    if re.match(r"(?:The|A|An|This|That|These|Those|Its|His|Her|Their)\s", antecedent):
        antecedent = antecedent[0].lower() + antecedent[1:]  # it no longer opens the label
    for n, word in enumerate(words[1:6], start=1):
        if _is_verb(word.lower()) or re.fullmatch(r"[a-z]+ed", word):
            if words[n - 1].lower() in _BE - {"to"}:
                return " ".join(words)  # "will be needed": a passive has no object to take
            if n + 1 < len(words) and _DETERMINER.match(words[n + 1]):
                # "that crews finished the repairs": the verb has its object, so "that"
                # reports a clause ("said in a statement that ...") and nothing goes in
                return " ".join(words)
            return " ".join([*words[: n + 1], antecedent, *words[n + 1 :]])
    # No verb to take the object: "assumes | that river flows will fall" reports a clause.
    return " ".join(words)


def _around_mark(text: str) -> tuple[str, str]:
    """The clause holding the date's place, widened until it can stand as a label, and the
    text before it (where a lost subject or object is found)."""
    at = text.index(_MARK)
    cuts = _breaks(text)
    left = [c for c in cuts if c[1] <= at]
    right = [c for c in cuts if c[0] >= at]
    lo = left[-1][1] if left else 0
    hi = right[0][0] if right else len(text)
    clause = text[lo:hi]
    # "when he was still prime minister <date>": the date times the happening before it.
    if left and _STATE.match(clause.strip()):
        hi = left[-1][0]
        lo = left[-2][1] if len(left) > 1 else 0
        right = [c for c in cuts if c[0] >= hi]
        left = [c for c in cuts if c[1] <= lo]
        clause = text[lo:hi]
    # "the second started by Marren": an ordinal for a subject takes in what it counts.
    if left and _ORDINAL_SUBJECT.match(clause.strip()):
        lo = left[-2][1] if len(left) > 1 else 0
        left = [c for c in left if c[1] <= lo]
        clause = text[lo:hi]
    # "an attack on a theater <date> that left 129 hostages dead": a happening named by a
    # noun takes the verb of the relative clause after it.
    if right and not _has_verb(clause) and _RELATIVE.match(text[right[0][1] :].lstrip()):
        nxt = right[1][0] if len(right) > 1 else len(text)
        relative = text[right[0][1] : nxt].strip()
        rest = _RELATIVE.sub("", relative)
        if not _starts_with_subject(rest):
            return f"{clause.strip()} {rest}", text[:lo]
    if left and _VERB_START.match(clause.strip()):
        # "Abu Dujan, was killed": the verb takes back its subject.
        start = left[-2][1] if len(left) > 1 else 0
        subject = text[start : left[-1][0]].strip(_EDGE)
        if 0 < len(subject.split()) <= 6 and not _RELATIVE.match(subject):
            return subject + " " + clause.strip(), text[:start]
    elif left and _PREPOSITION_START.match(clause.strip()):
        left.pop()  # "in Los Cabos": the place of something said before it
        lo = left[-1][1] if left else 0
        clause = text[lo:hi]
    said = text[:lo].rstrip(_EDGE).split()[-1:]
    if (
        right
        and text[right[0][0] : right[0][1]].strip() == ","
        and not _words(_LEADING_LINK.sub("", clause.strip()))
        and (
            re.match(r"(?:and|but)\s+that\s", clause.strip())
            or (not left and not _words(clause))
            or (
                re.match(r"that\s", clause.strip())
                and said
                and (_is_verb(said[0].lower()) or re.fullmatch(_REPORTING_ANY, said[0]))
            )
        )
    ):
        # "found that | between 1997 and 2012, | two-thirds of firms grew": a date fronted in
        # what was said dates the clause after its comma
        lo = right.pop(0)[1]
        hi = right[0][0] if right else len(text)
        clause, left = text[lo:hi], []  # it does not grow back over the date
    if left and _RELATIVE.match(clause.strip()) and not _words(_RELATIVE.sub("", clause.strip())):
        # "less pressure to do | that <date>": "that" is what is done, no clause of its own
        left.pop()
        lo = left[-1][1] if left else 0
        clause = text[lo:hi]
    if left and _RELATIVE.match(clause.strip()):
        return clause, text[:lo]  # it takes back its antecedent (see _clause_label)
    # Too short to say anything: take in the next clause on the right, then on the left.
    # A second "and that" clause is a statement of its own ("said that orders picked up
    # <date> and that he expected growth"): the clause before it is not grown into it.
    if right and _has_verb(clause) and re.match(r"\s*and\s+that\b", text[right[0][0] :]):
        right = []
    while (right or left) and (
        (_words(clause) < MIN_WORDS and not _complete(clause))
        or (not right and _PREPOSITION_START.match(clause.strip()))
    ):
        if right:
            hi = right.pop(0)[0] if len(right) > 1 else len(text)
            clause = text[lo:hi] if hi > lo else clause
            if hi == len(text):
                right = []
        elif left:
            left.pop()
            lo = left[-1][1] if left else 0
            clause = text[lo:hi]
    # "would review the program | after the first semester and could change it <date>": the
    # "after" was a preposition; the date dates the verb after "and", whose subject is before.
    joined = _PREPOSITION_AND_VERB.match(clause)
    if joined and _MARK not in joined.group(0) and not _has_verb(joined.group("np")):
        return clause[joined.end() :], text[: lo + joined.end()]
    return clause, text[:lo]


_PREPOSITION_AND_VERB = re.compile(
    rf"\s*(?:after|before|until|since)\s+(?P<np>[^,;\u2063]{{1,60}}?)\s+and\s+(?=(?:{_AUX})\b)"
)


def _bare_clause(text: str) -> str:
    """The clause holding the mark, between the nearest breaks."""
    at = text.index(_MARK)
    cuts = _breaks(text)
    lo = max([e for s, e in cuts if e <= at], default=0)
    hi = min([s for s, e in cuts if s >= at], default=len(text))
    return text[lo:hi]


def _complete(clause: str) -> bool:
    """A short clause that says who did what ("Paul Marren resigned") needs nothing more."""
    text = clause.replace(_MARK, " ").strip(_EDGE)
    words = text.split()
    if re.fullmatch(_REPORTING_ANY, words[-1] if words else ""):
        return False  # "Mr. Marren said": what was said is the rest
    return len(words) >= 4 and words[0][:1].isupper() and _has_verb(" ".join(words[1:]))


def _has_verb(clause: str) -> bool:
    words = [w.strip(_EDGE).lower() for w in clause.replace(_MARK, " ").split()]
    return any(
        _VERB_START.match(w)
        or _is_verb(w)
        or (re.fullmatch(r"[a-z]+(?:ed|s)", w) and w in _VERBISH)
        for w in words
    ) or any(
        re.fullmatch(r"[a-z]{3,}ed", w)
        # a present tense after its pronoun: "it aims", "she runs"
        or (n > 0 and words[n - 1] in ("he", "she", "it") and re.fullmatch(r"[a-z]{2,}[^s]s", w))
        for n, w in enumerate(words)
    )


_VERBISH = frozenset(["says", "plans", "wants", "agrees", "leads", "runs", "faces"])


def _main_clause(text: str) -> str:
    """Without a date to grow from: the text up to its first subordinate clause."""
    if len(text.split()) > 6:
        for start, _ in _breaks(text):
            head = text[:start].strip(_EDGE)
            if len(head.split()) >= 4:
                return head
    return text


def _drop_head(text: str) -> str:
    """Drop "X said that": the speaker is in the attribution. When what remains starts with
    "he" or "she", the speaker's name takes its place ("Paul Marren would meet the board")."""
    head = _ATTRIBUTION_HEAD.match(text)
    if not head or _MARK in head.group(0):
        return text
    rest = text[head.end() :]
    upto = rest.split(_MARK, 1)[0] if _MARK in rest else None
    if (
        upto is not None
        and len(upto.split()) <= 4
        and not _BREAK.search(upto)
        and not head.group(0).rstrip().endswith("that")  # "said that orders rose <date>"
    ):
        return text  # "an official told the Wire Daily news service on Monday": the telling
    speaker = head.group(0)
    verb = re.search(rf"\s(?:{_REPORTING})\b", speaker)
    name = re.search(
        r"(?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+(?=\s*$|,)", speaker[: verb.start()] if verb else ""
    )
    he = re.match(r"^(?:he|she)\b", rest)
    if name and he:
        rest = name.group(0) + rest[he.end() :]
    return rest


def _unless_marked(pattern: re.Pattern[str], text: str, replacement: str) -> str:
    """Remove ``pattern`` matches that do not hold the date's place (that part is the story)."""
    return pattern.sub(lambda m: m.group(0) if _MARK in m.group(0) else replacement, text)


def _words(text: str) -> int:
    return sum(1 for w in text.replace(_MARK, " ").split() if any(ch.isalnum() for ch in w))


# --- lost subjects and objects --------------------------------------------------------------

_DETERMINER = re.compile(
    r"^(?:the|a|an|his|her|its|their|our|this|that|these|those|some|two|three|four|five|several"
    r"|many|one)$",
    re.I,
)


def _antecedent(lead: str) -> str | None:
    """The noun phrase just before a relative pronoun: "... into an Islamist insurgency",
    "apartment explosions in Moscow" (back to its determiner, a comma or a verb)."""
    words = lead.rstrip(_EDGE).split()
    phrase: list[str] = []
    for word in reversed(words[-7:]):
        bare = word.strip(_EDGE)
        lower = bare.lower()
        if (
            not bare
            or word.rstrip("\"”’'").endswith((",", ";", ":", "!", "?"))
            or lower in ("he", "she", "they", "it", "we", "i", "who", "which", "that", "there")
            or _VERB_START.match(lower)
            or (_is_verb(lower) and bare[:1].islower())
            or lower in _CLAUSE_WORDS
        ):
            break
        phrase.insert(0, bare)
        if _DETERMINER.match(bare):
            if len(phrase) < len(words) and words[-len(phrase) - 1].lower() in (
                "the",
                "all",
                "these",
            ):
                phrase.insert(0, words[-len(phrase) - 1])
            break
    while phrase and _CUT_BEFORE.match(phrase[0]) and not _DETERMINER.match(phrase[0]):
        phrase.pop(0)
    if not phrase or len(phrase) > 6:
        return None
    return " ".join(phrase)


_CLAUSE_WORDS = frozenset(
    [
        "and",
        "or",
        "but",
        "because",
        "while",
        "when",
        "where",
        "after",
        "before",
        "since",
        "as",
        "though",
        "although",
        "unless",
        "whereas",
        "if",
    ]
)


def _subject(lead: str) -> str | None:
    """The subject of the sentence part before a clause that lost its own: the words up to
    the first relative pronoun ("the two young men who ...") or verb."""
    lead = _LEADING_LINK.sub("", lead.strip(_EDGE))
    words = lead.split()
    subject: list[str] = []
    for word in words[:8]:
        bare = word.strip(_EDGE).lower()
        if bare in ("who", "that", "which") or _VERB_START.match(bare) or _is_verb(bare):
            break
        subject.append(word.strip(",;:"))
        if word != word.rstrip(",;:"):
            break
    if not subject or len(subject) > 6 or len(subject) == len(words):
        return None
    first = subject[0].lower()
    if first in ("he", "she", "they", "it", "we", "i", "there", "this"):
        return None
    return " ".join(subject)


def _starts_with_subject(text: str) -> bool:
    """Does the clause open with a subject (a name, a pronoun, a determiner)?"""
    words = text.split(maxsplit=2)
    first = words[0] if words else ""
    return bool(
        first[:1].isupper()
        or _DETERMINER.match(first)
        or first.lower() in ("he", "she", "they", "it", "we", "i", "officials", "police")
        # a modifier, its noun, then an auxiliary: "shifting winds could push", "heavy rain was"
        or _modified_subject(text.split()[:3])
        # a bare plural before an auxiliary: "repairs had been scheduled", "prices have risen"
        or (len(words) > 1 and first.endswith("s") and words[1].lower() in _SUBJECT_AUX)
        # a bare noun before a past-tense verb: "revenue rose 5%", "profit jumped"
        or (
            len(words) > 1
            and first.isalpha()
            and not _DANGLING.match(first)  # "has left", "that began": no noun first
            and not _is_verb(first)  # "stretched produced": a verb is no subject
            and (words[1] in _IRREGULAR_PAST or re.fullmatch(r"[a-z]{3,}ed", words[1]) is not None)
        )
    )


def _modified_subject(words: list[str]) -> bool:
    """ "shifting winds could ...": two words before an auxiliary, the first no finite verb
    ("said he would" is a verb, its subject and an auxiliary)."""
    if len(words) < 3 or words[2] not in _SUBJECT_AUX or not all(w.isalpha() for w in words[:2]):
        return False
    first, second = words[0], words[1]
    return (
        first.islower()
        and second.islower()
        and second not in _PRONOUNS
        and first not in _SUBJECT_AUX
        and (first.endswith("ing") or not _is_verb(first))
        and not _DANGLING.match(first)
    )


# A lead ending in a reporting verb, maybe with its time: "Officials said (last week)".
_REPORTED_THAT = re.compile(
    r"\b(?:said|says|say|told|tells|reported|reports|announced|wrote|claimed|noted|added|stated"
    r"|confirmed)(?:\s+(?:on|in|last|this|early|late)?\s*\w+)?"
    rf"(?:{_SAID_IN})?$"
)
_SUBJECT_AUX = frozenset(
    [
        "had",
        "have",
        "has",
        "were",
        "are",
        "was",
        "is",
        "will",
        "would",
        "could",
        "can",
        "may",
        "might",
        "must",
        "should",
    ]
)


# English irregular past forms (a closed class): "shot dead a policeman" starts with a verb.
_IRREGULAR_PAST = frozenset(
    re.findall(
        r"[a-z]+",
        """ate became began begun bought brought built came caught chose chosen did done drove driven
    fell fallen fled flew flown fought forgot found froze gave given went gone grew held hid
    hidden hit hung kept knew known laid led left lost made meant met paid put quit ran rang
    rode rose risen said sank sat saw seen sent set shook shot shut slew sold sought spent spoke
    spoken stood stole stolen struck swept swore taught thought threw thrown told took taken
    tore torn understood upheld withdrew withdrawn woke won wore wrote written drew drawn bore
    borne dealt dug felt fought forbade forgave forgiven froze heard overcame rode sang slid spun
    stuck strove swam swung wept bled bred clung fled blew broke broken chose crept overtook
    overthrew rebuilt shrank sprang sped""",
    )
)


@lru_cache(maxsize=20_000)
def _is_verb(word: str) -> bool:
    """A word that reads as an inflected verb: a past tense or participle ("shot", "killed")."""
    import simplemma

    if word in _IRREGULAR_PAST:
        return True
    if len(word) < 4 or not word.isalpha() or not word.endswith(("ed", "ing")):
        return False
    return simplemma.lemmatize(word, lang="en") != word


def _verb_first(clause: str) -> bool:
    words = clause.split(maxsplit=1)
    return bool(words) and words[0][:1].islower() and _is_verb(words[0].lower())


def _cut_main_verb(text: str) -> str:
    """In "the two young men shot dead a policeman were ethnic Chechens" the second finite verb
    is the sentence's own predicate: the relative clause ends before it."""
    words = text.split()
    for n in range(3, len(words)):
        if re.fullmatch(r"(?:was|were|is|are)", words[n]) and words[n - 1][:1].islower():
            return " ".join(words[:n])
    return text


# --- pronouns -------------------------------------------------------------------------------


def _names_in(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """People named in ``text[start:end]``: capitalized runs not after "in"/"the" (places and
    groups), as ``(offset, name)``."""
    return person_names(
        text[start:end], offset=start, places=place_names(text), known=article_people(text)
    )


@lru_cache(maxsize=4)
def article_people(text: str) -> frozenset[str]:
    """The surnames of the people ``text`` names in full ("Mark Reyes" -> "Reyes"): the word
    alone names them anywhere in the article, even opening a sentence ("Reyes has ...").

    >>> sorted(article_people("Rep. Mark Reyes spoke. Later Reyes left for Tarvia."))
    ['Reyes']
    """
    places = place_names(text)
    return frozenset(
        name.split()[-1]
        for _, name in person_names(text, places=places)
        if len(name.split()) >= 2 and not name.startswith(("Mr.", "Mrs.", "Ms.", "Dr."))
    )


def person_names(
    text: str,
    offset: int = 0,
    places: Collection[str] = (),
    known: Collection[str] = (),
) -> list[tuple[int, str]]:
    """Capitalized names in ``text`` that can be a person's: not a sentence's opening word,
    not after a place preposition or "the" (unless possessive: "of Marren's actions"), not one
    of ``places`` (the article's places, :func:`timeline.claims.places.place_names`), not a
    body's name ("the Tarvia Supreme Court").

    >>> person_names("He met Ivo Marek in Bayport, where Ana Ruiz's team waited.")
    [(7, 'Ivo Marek'), (35, 'Ana Ruiz')]
    >>> person_names("Ana Ruiz met Tarvia's governor.", places={"Tarvia"})
    [(0, 'Ana Ruiz')]

    ``known`` are surnames the article gives a person in full (:func:`article_people`): alone,
    they are a name even without a sign of one ("Reyes has not ruled out ...").
    """
    out = []
    for m in _NAME.finditer(text):
        name = m.group(0)
        line_end = text.find("\n", m.end())
        line = text[text.rfind("\n", 0, m.start()) + 1 : len(text) if line_end < 0 else line_end]
        if line_end >= 0 and not re.search(r"[.!?][\"”’)]*\s*$", line):
            continue  # a title, a byline or a caption credit, not prose about someone
        possessive = name.endswith(("'s", "’s"))
        name = name[:-2] if possessive else name
        titled = name.startswith(("Mr.", "Mrs.", "Ms.", "Dr."))
        words = name.split()
        body = [n for n, w in enumerate(words) if _BODY_WORD.match(w)]
        if body:  # "the Tarvia Supreme Court": a body; "Court Clerk Ana Ruiz": the person after
            words = words[body[-1] + 1 :]
        words = [w for w in words if not _NOT_NAMES.match(w.rstrip("."))]
        if not titled and " ".join(words) in places:
            continue
        # "Criticizing Marren": a capitalized verb that opens a line is no part of the name.
        while words and words[0].lower().endswith(("ing", "ed")) and len(words[0]) > 5:
            words.pop(0)
        if not words:
            continue
        before = text[max(0, m.start() - 12) : m.start()]
        after = text[m.end() : m.end() + 12]
        # One word is a person's name only with a sign of it: a title, a possessive, an agent
        # ("by Marren"), or a verb after it ("Marren said").
        if len(words) == 1 and words[0] in known and not titled:
            out.append((offset + m.start(), words[0]))
            continue
        if len(words) == 1 and not (
            possessive
            or titled
            or _TITLE_BEFORE.search(before)
            or re.match(r"\s+(?:said|says|told|was|is|had|has|who|\w+ed)\b", after)
        ):
            continue
        if (
            (
                m.start() == 0
                or re.search(r"[.!?][\"”’]?\s+$", text[max(0, m.start() - 3) : m.start()])
            )
            and len(words) < 2
            and not possessive
            and not titled
        ):
            continue  # a sentence's first word is capitalized anyway
        if not possessive and _LOCATIVE_BEFORE.search(text[max(0, m.start() - 8) : m.start()]):
            continue
        title = name.split()[0] + " " if titled else ""
        out.append((offset + m.start(), title + " ".join(words)))
    return out


def _name_pronoun(label: str, names: list[tuple[int, str]]) -> str:
    """ "His 19-year-old sibling Dzhokhar Tsarnaev was apprehended" -> "Dzhokhar Tsarnaev was
    apprehended"; "he visited ..." -> "Tamerlan Tsarnaev visited ..." (the nearest name)."""
    named = _POSSESSIVE_NAMED.match(label)
    if named:
        return label[named.start(1) :]
    pronoun = _PRONOUN.match(label)
    if not pronoun or not names:
        return label
    name = max(names)[1]
    possessive = pronoun.group(1).lower() in ("his",) or (
        pronoun.group(1).lower() == "her"
        and not re.match(r"^her\s+(?:to|in|on|at|with)\b", label, re.I)
    )
    if pronoun.group(1).lower() == "her" and re.match(r"^her\s+[a-z]+(?:ed|s)\b", label, re.I):
        possessive = True
    replacement = f"{name}'s" if possessive else name
    return replacement + label[pronoun.end() :]


# --- the finish -----------------------------------------------------------------------------


# What a page puts before a sentence, no part of it: a list bullet, a transcript's speaker
# ("Anchor:", "Report:"), a log's heading in capitals ("ACCIDENT –").
_LABEL_TAG = re.compile(
    r"^(?:[A-Z][a-z]+(?:\s[A-Z][a-z]+)?:\s+|[A-Z]{3,}(?:\s[A-Z]{3,})?\s+[–—-]\s+)"
)


def _finish(text: str, credit: str = "") -> str:
    """Spaces and punctuation tidied, glued words split, at most ``MAX_WORDS`` words cut at a
    phrase boundary, no dangling word or mark at the end, a capital first; ``credit`` (who
    said it) in brackets after, when the label can hold it."""
    text = _trim(re.sub(r"\s+([,;.:!?])", r"\1", re.sub(r"\s+", " ", text)))
    text = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", text).replace(_COMMA, ",")
    text = re.sub(r"\s*\(\s*\)", "", text)  # "World War II (1939-1945)" without its dates
    text = _trim(_LEADING_LINK.sub("", _LABEL_TAG.sub("", text.lstrip(_BULLETS + " \t"))))
    text = split_glued(text)
    words = text.split(" ")
    credits = [credit] if credit else []
    if credit and " " in credit and credit.split()[-1][:1].isupper():
        # "Ana Ruiz" -> "Ruiz", "Bill de Blasio" -> "de Blasio" when room is short
        surname = re.search(rf"(?:\b(?:{'|'.join(_PARTICLES)})\s+)*\S+$", credit)
        credits.append(surname.group(0) if surname else credit.split()[-1])
    kept, credit = _fit(words, [*credits, ""])
    words = kept
    # A quotation cut short reads as a misquote: stop before it opens.
    opened = [
        n for n, w in enumerate(words) if w.startswith(("“", '"')) and not w.endswith(("”", '"'))
    ]
    if (
        opened
        and opened[-1] >= 4
        and " ".join(words[opened[-1] :]).count("”") == 0
        and " ".join(words[opened[-1] :]).count('"') <= 1
    ):
        words = words[: opened[-1]]
    while len(words) > 1 and (
        (_DANGLING.match(words[-1].strip(_EDGE + ".")) and not _elliptic_end(words))
        or not words[-1].strip(_EDGE + ".")
    ):
        words.pop()
    text = " ".join(words).strip(_EDGE + ".")
    if re.search(r"\b(?:[A-Z]\.){1,}[A-Z]$", text) and words[-1].endswith("."):
        text += "."  # "the F.S.B." keeps its last point
    text = _balance_quotes(text)
    text = re.sub(r"^([“\"‘]?)(\w)", lambda m: m.group(1) + m.group(2).upper(), text)
    return f"{text} ({credit})" if text and credit else text


def _elliptic_end(words: list[str]) -> bool:
    """ "... as it did", "... than they were": a pronoun and its auxiliary close a clause."""
    last = words[-1].strip(_EDGE + ".").lower()
    if len(words) > 2 and last in _PARTICLE_ADVERBS:
        # "this was over", "talks dragged on": an adverb after its verb ends the clause
        before = words[-2].strip(_EDGE).lower()
        return before in _BE or before in _SUBJECT_AUX or _is_verb(before)
    return (
        len(words) > 2
        and words[-1].strip(_EDGE + ".").lower() in _FINAL_AUX
        and words[-2].lower() in _PRONOUNS
        and words[-3].lower() in ("as", "than")
    )


_PARTICLE_ADVERBS = frozenset(["over", "on", "off", "up", "out", "down", "around", "in", "through"])
_FINAL_AUX = frozenset(["did", "does", "do", "was", "were", "is", "are", "had", "has", "have"])


def _trim(text: str) -> str:
    """``text`` without marks and spaces at its edges, but for a closing quote that closes a
    quotation in it ("“information which had operative value”")."""
    trimmed = text.strip(_EDGE + ".")
    right = text[len(text.rstrip(_EDGE + ".")) :]
    close = next((q for q in ("”", '"') if q in right), "")
    if close and _open_quote(trimmed.split()):
        trimmed += close
    return trimmed


_CLAUSE_START = re.compile(
    r"^(?:because|while|when|where|which|who|whose|that|due|including|amid|despite|following"
    r"|until|since|saying|claiming|according|after|before|as|but|and)$",
    re.I,
)
_BE = frozenset(["be", "been", "being", "is", "are", "was", "were", "to", "am"])
_SOFT = frozenset(["still", "already", "now", "also", "just", "only", "even", "then"])


def _fit(words: list[str], credits: list[str]) -> tuple[list[str], str]:
    """The words kept and the credit that fits with them: the first credit (the longest)
    that leaves room for a cut at a phrase boundary; else the label cut as best it can be.
    To fit, an honorific goes ("Mr. Marren" -> "Marren"), then a leading article."""
    for credit in credits:
        room = MAX_WORDS - len(credit.split())
        if len(words) <= room:
            return words, credit
        short = _TITLE.sub("", " ".join(words)).split(" ")
        tries = [short]
        if short[0].lower() in ("the", "a", "an") and short[1:2] and short[1][:1].isupper():
            tries.append(short[1:])  # "Federal Security Service was unable ..."
        for attempt in tries:
            if len(attempt) <= room:
                return attempt, credit
            n = _cut(attempt, room)
            if n:
                return attempt[:n], credit
    fallback = credits[-1] if credits else ""
    return words[: MAX_WORDS - len(fallback.split())], fallback


def _cut(words: list[str], limit: int = MAX_WORDS) -> int:
    """Where to cut a label that is too long (0: nowhere good): before a clause, else before
    a participle ("... carrying out an operation"), else before a phrase (not before an
    infinitive's "to"), else after a comma; never inside a quotation, nor where the words
    kept end on a determiner, a quantifier, a preposition, an auxiliary or a conjunction."""

    def participle(n: int) -> bool:
        word = words[n].strip(_EDGE).lower()
        kept = [w.strip(_EDGE).lower() for w in words[:n]]
        before = next((w for w in reversed(kept) if w not in _SOFT), "")
        return (
            word.endswith("ing")
            and n < len(words) - 1  # "information sharing" ends a label as a noun
            and _is_verb(word)
            and not _DANGLING.match(before)
            and not _BE.intersection(w.strip(_EDGE).lower() for w in words[max(0, n - 3) : n])
        )

    def phrase(n: int) -> bool:
        word = words[n].strip(_EDGE)
        if word.lower() == "to" and n + 1 < len(words) and not _takes_noun(words[n + 1]):
            return False  # "pledged to improve": the infinitive completes the verb
        return bool(_CUT_BEFORE.match(word))

    def clause(n: int) -> bool:
        word = words[n].strip(_EDGE).lower()
        if word in ("and", "or") and "between" in [w.lower() for w in words[max(0, n - 6) : n]]:
            return False  # "between X and Y" is one phrase
        return bool(_CLAUSE_START.match(word))

    def comma(n: int) -> bool:
        return words[n - 1].endswith((",", ";", ":"))

    top = min(limit, len(words) - 1)
    for test in (clause, participle, phrase, comma):
        for n in range(top, 3, -1):
            if not test(n):
                continue
            k = n
            while k > 4 and words[k - 1].strip(_EDGE + ".").lower() in _SOFT:
                k -= 1  # "few in the administration still touting": "still" goes too
            last = words[k - 1].strip(_EDGE + ".")
            if _DANGLING.match(last) or _open_quote(words[:k]):
                continue
            return k
    return 0


def _takes_noun(word: str) -> bool:
    """Does ``word`` open a noun phrase (after "to": a place or a thing, not a verb)?"""
    bare = word.strip(_EDGE)
    return bool(bare[:1].isupper() or bare[:1].isdigit() or _DETERMINER.match(bare))


def _open_quote(words: list[str]) -> bool:
    joined = " ".join(words)
    return joined.count("“") > joined.count("”") or joined.count('"') % 2 == 1


def _balance_quotes(text: str) -> str:
    for opening, closing in (("“", "”"), ("(", ")")):
        if text.count(opening) > text.count(closing):
            text = text + closing if text.rfind(opening) < len(text) - 1 else text[:-1]
    if text.count('"') % 2:
        text = text.replace('"', "", 1) if text.startswith('"') else text + '"'
    return text.strip()


def split_glued(text: str) -> str:
    """Words glued by lost markup split for display ("stay inRussiain 2012" -> "stay in Russia
    in 2012"); brand names that are words of their own ("YouTube") stay whole.

    >>> split_glued("his stay inRussiain 2012 and YouTube videos")
    'his stay in Russia in 2012 and YouTube videos'
    """
    if not re.search(r"[a-z]{2}[A-Z]", text):
        return text
    from timeline.ingest.cleanup import normalize

    def one(m: re.Match[str]) -> str:
        token = m.group(0)
        if not re.search(r"[a-z]{2}[A-Z]", token) or _known_word(token):
            return token
        return normalize(token).text

    return re.sub(r"[A-Za-z]+", one, text)


@lru_cache(maxsize=4096)
def _known_word(token: str) -> bool:
    import wordninja

    return len(wordninja.split(token)) == 1
