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

from timeline.claims.labels import _is_verb

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
    r"|members|board|court|agency|service|radio|newspaper|television|committee|senators|panel"
    r"|jurors|jury|analysts|students|voters|parliament|shareholders|investors|employees|staff"
    r"|workers|delegates|supporters|crowd|audience|judge|council|hearing|conference)\b"
    r"|(?:the |a |an )?(?:[A-Z][\w.'’&-]*(?:\s|$)){1,5})"
)
_INVERTED_SUBJECT = re.compile(
    r"^\s+((?:(?:the|a|an)\s+)?(?:(?:[A-Z][\w.'’-]*|of|the|for|and)(?:\s+|(?=[,.;:]|$))){1,6}"
    r"|(?:the|a|an)\s+(?:[a-z]+\s){0,3}(?:official|spokesman|spokeswoman|spokesperson|company"
    r"|statement|report|police|ministry|agency|government|source|sources|officials))"
)
# "analyst Tom Reed", "county emergency director Ana Ruiz", "its chair, Colin Ward" (a name,
# maybe after a title in lower case) or a role ("the study's lead author", "a company spokesman").
_TITLED_NAME = re.compile(
    r"(?:(?:the|a|an|its|his|her|their|our)\s+|[A-Z][\w&.-]*['’]s\s+)?(?:[a-z][\w'’-]*\s+){0,4}"
    r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|of|de|van|von|al|bin))*"
)
_ROLE = re.compile(
    r"(?:(?:the|a|an|its|his|her|their|our)\s+|[A-Z][\w&.-]*['’]s\s+)(?:[\w'’-]+\s+){0,4}"
    r"(?:author|chair|chairman|chairwoman|director|secretary|coach|editor|professor|economist"
    r"|analyst|lawyer|attorney|head|founder|owner|spokes(?:man|woman|person)|official"
    r"|officials|chief|executive|manager|president|leader|minister|researcher|scientist"
    r"|spokesperson|statement|report|company|agency|ministry|police|source|sources"
    r"|[a-z]{3,}(?:ist|ian|or|er))"  # "hydrologist", "librarian", "director", "manager"
)
_FOLLOWING_NAME = re.compile(
    r",\s+((?:(?:Dr|Mr|Mrs|Ms|Prof)\.\s+)?(?:[A-Z][\w.'’-]*\s?){1,4})(?=[,.;]|$)"
)
_ABBREVIATION = re.compile(
    r"\b(?:[A-Z]|Rep|Sen|Gov|Gen|Dr|Mr|Mrs|Ms|Jr|Sr|St|Co|Inc|Corp|Ltd|Bros|Prof)\.$"
)
# Inside one sentence a period is an abbreviation ("Anna K. Berg"), not a boundary.
_BOUNDARY = re.compile(r"[;:!?\"“”()\[\]—–]|--|\s-\s|(?<!\d),|,(?!\d)")  # not "3,000"
_DEFINITE = re.compile(
    r"^(?:the|a|an|its|his|her|their|our)\s+[a-z\d][\w'’-]*(?:\s+[a-z\d][\w'’-]*){0,4}"
    r"(?:\s+of\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,2})?$",
    re.I,
)
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you"}
_DETERMINER_BEFORE = re.compile(r"\b(?:an?|the)\s+$", re.I)
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


# Verbs that say something (not "showed", "reported sales"): a bare plural may speak with
# them ("organizers said", "two surgeons noted").
_SAYING = frozenset(
    [
        "said",
        "says",
        "say",
        "told",
        "tell",
        "tells",
        "added",
        "adds",
        "noted",
        "warned",
        "warns",
        "argued",
        "argues",
        "insisted",
        "insists",
        "explained",
        "stressed",
        "cautioned",
        "predicted",
        "acknowledged",
        "conceded",
        "recalled",
        "complained",
    ]
)
# A "verb" that is no saying: a participle with its agent or measure ("winds estimated at",
# "a plan announced by"), or a noun before a verb ("after their shows had ended").
_NOT_SAYING = re.compile(
    r"\s+(?:at|by|as\s+(?!saying)|to\s+be|had|has|have|was|were|is|are|will|would|could)\b"
)
# "the town has added a second parking lot", "declared a dividend": a thing, not a saying.
_ADDED_THING = re.compile(r"\s+(?:a|an|another|\d[\d,.]*|more|new|extra|two|three)\s")
# "had not said whether", "can't tell", "declined to say": nothing was said.
_NEGATED = re.compile(
    r"(?:\bnot|n['’]t|\bnever|\bdeclined\s+to|\brefused\s+to|\bwould\s+not)\s+(?:\w+\s+)?$"
)
_AUXILIARIES = frozenset(["has", "have", "had", "was", "were", "is", "are", "been"])
# Between a speaker and its verb: auxiliaries, adverbs and the time of the saying ("has also
# said", "today announced", "on Monday said").
_BEFORE_VERB = re.compile(
    r"(?:(?<=\s)|^)(?:(?:has|have|had|was|were|is|are|been|also|previously|later|earlier"
    r"|repeatedly|again|then|often|long|once|recently|publicly|privately|already|now|still"
    r"|first|today|yesterday|tonight|(?:on\s+|last\s+)?(?:monday|tuesday|wednesday|thursday"
    r"|friday|saturday|sunday))\s+)+$",
    re.I,
)
# "Staff were told", "have been told to expect": the subject heard it, said nothing.
_PASSIVE = re.compile(r"\b(?:was|were|is|are|be|been|being)\s+(?:\w+ly\s+)?$", re.I)
# A second clause of its own: what its speaker says is not what came before.
_NEW_CLAUSE = re.compile(r"(?:[,;]\s+(?:and|but|while|though|although|whereas)|;)\s+$")
# "... and said", "... but told": a second verb of the sentence's subject.
_COORDINATED = re.compile(r"\s(?:and|but)(?:\s+(?:also|then|later))?\s*$")
_ADVERB_ASIDE = re.compile(
    r"meanwhile|however|though|too|in turn|for (?:his|her|its|their) part|in a statement"
    r"|in an interview|separately|likewise|also|for example|for instance",
    re.I,
)
_DETERMINED = re.compile(r"(?:the|a|an|its|his|her|their|our)\s", re.I)
# A proper name's possessive as determiner: "Chile's association of salmon farmers".
_POSSESSOR = re.compile(r"(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*['’]s?\s+[a-z]")
# A bare plural: "organizers", "shipping lines", "several medical societies", "two surgeons".
_PLURAL = re.compile(
    r"(?:(?:some|several|many|most|other|two|three|four|five|\d+)\s+)?(?:[a-z][\w-]*\s+){0,2}"
    r"[a-z][\w-]*[^su\W]s"
)
_FINITE_WORDS = frozenset(
    [
        "was",
        "were",
        "is",
        "are",
        "has",
        "had",
        "have",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "must",
        "did",
        "does",
    ]
)
# Irregular pasts that are rarely an adjective or a noun ("set", "cut", "left" are left out).
_IRREGULAR_FINITE = frozenset(
    [
        "rose",
        "fell",
        "began",
        "came",
        "went",
        "took",
        "made",
        "gave",
        "won",
        "ran",
        "grew",
        "saw",
        "met",
        "paid",
        "sold",
        "bought",
        "brought",
        "built",
        "kept",
        "held",
        "found",
        "fled",
        "fought",
        "spent",
        "sent",
        "stood",
        "struck",
        "thought",
        "became",
        "drove",
        "flew",
        "wrote",
        "spoke",
        "ate",
        "knew",
        "broke",
        "chose",
        "froze",
        "shook",
        "swore",
        "threw",
        "tore",
        "wore",
        "woke",
        "withdrew",
    ]
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
        if _quoted(text[start : m.start()]):
            continue  # "“Europe has told savers ...,” said X": the quotation's words, not X's
        if _DETERMINER_BEFORE.search(text, max(start, m.start() - 6), m.start()):
            continue  # "with an estimated net worth", "the alleged plot": an adjective
        attribution = _subject_before(text, start, m) or _subject_after(text, start, end, m)
        if attribution is not None:
            found.append(attribution)
    found.sort(key=lambda a: a.start)
    return found


def _quoted(before: str) -> bool:
    """Is the end of ``before`` (the sentence up to a word) inside a quotation?"""
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def choose(
    attributions: list[Attribution], mention_start: int, text: str | None = None
) -> Attribution | None:
    """The attribution nearest to a mention, preferring one that comes before it; one after it
    unless it opens a clause of its own ("..., and officials said", given ``text``).

    >>> t = "Police said the road closed on Monday, residents said."
    >>> choose(find_attributions(t, 0, len(t)), t.index("Monday")).phrase
    'Police said'
    >>> t = "The road closed on Monday, and residents said it was overdue."
    >>> choose(find_attributions(t, 0, len(t)), t.index("Monday"), t) is None
    True
    """
    if not attributions:
        return None
    before = [a for a in attributions if a.start <= mention_start]
    if before:
        return before[-1]
    if text is not None and _NEW_CLAUSE.search(text[mention_start : attributions[0].start]):
        return None  # "The rally is Saturday, and organizers said ...": what they said is later
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
    """The speaker before the verb: ``X said``, ``X, a spokeswoman for Y, said``, ``X, who has
    led the firm since 2008, has said``, ``Her son, Ana Ruiz, said``, ``X resigned and said``."""
    verb_start, verb_end = m.start(), m.end()
    verb = m.group("verb")
    said = verb in ("said", "says", "say", "told", "tells", "tell")
    if (
        (not said and _NOT_SAYING.match(text, verb_end))
        or (verb in ("added", "adds", "declared") and _ADDED_THING.match(text, verb_end))
        or _NEGATED.search(text[start:verb_start])
        or _PASSIVE.search(text[start:verb_start])
    ):
        return None  # "winds estimated at", "their shows had ended", "had not said whether"
    left = text[start:verb_start]
    # Words between the speaker and the verb: "has also said", "(NYSE: NVF) today announced".
    between = _BEFORE_VERB.search(left)
    core_end = between.start() if between else len(left)
    aux = [w for w in left[core_end:].split() if w.lower() in _AUXILIARIES]
    found = _speaker_ending_at(text, start, start + core_end, plural=verb in _SAYING)
    coordinated = _COORDINATED.search(left[:core_end]) if found is None else None
    if coordinated:
        # "Judge Ana Ruiz ordered a recount and said ...": the subject of the first verb.
        found = _first_subject(text, start, start + coordinated.start())
        if found is not None:
            verb_start = start + coordinated.end()
    if found is None:
        return None
    subject, subject_start, appositives = found
    tail = " ".join([*aux, verb])
    rest_text = text[verb_end:]
    if verb in ("told", "tells", "tell"):
        listener = _LISTENER.match(rest_text)
        if listener:
            tail = f"{tail} {listener.group(1).strip()}"
            verb_end += listener.end(1)  # whom it was told is part of the attribution
            rest_text = text[verb_end:]
    extra = _EXTRA.match(rest_text)
    if extra:
        tail = f"{tail}{extra.group(0)}"
        verb_end += extra.end()
    speaker = subject
    if appositives:
        named = [a for a in appositives if _has_name(a) and not _DETERMINED.match(a)]
        if not _has_name(speaker) and named:
            speaker = named[0]  # "Her son, Daniel Moore": the person is the name
        subject = f"{subject}, {', '.join(appositives)},"
    if coordinated:  # only the verb is the attribution's text: the first verb is news
        return Attribution(f"{subject} {tail}", verb_start, verb_end, speaker)
    return Attribution(f"{subject} {tail}", subject_start, verb_end, speaker)


def _speaker_ending_at(
    text: str, start: int, end: int, *, plural: bool = True
) -> tuple[str, int, list[str]] | None:
    """The speaker whose words end at ``end``: its noun phrase, where it starts, and the
    appositives kept with it; asides between commas (an age, a relative clause, "meanwhile")
    are read past and left out."""
    core = text[start:end]
    ticker = re.search(r"\s*\([^()]{1,40}\)\s*$", core)  # "Norvale Foods Inc. (NYSE: NVF)"
    if ticker:
        core = core[: ticker.start()]
    appositives: list[str] = []
    rest = core.rstrip()
    asides = 0
    while rest.endswith(",") and asides < 3:
        inner = rest[:-1]
        cut = _last_boundary(inner)
        piece = inner[cut:].strip()
        if cut == 0 or not inner[:cut].rstrip().endswith(",") or not piece:
            break
        kind = _aside(piece)
        if kind is None:
            break
        if kind == "appositive":
            appositives.insert(0, _short_appositive(piece))
        asides += 1
        rest = inner[:cut].rstrip()[:-1]
    if rest.endswith(","):
        return None  # "..., the highest since 2008, said": no speaker before the asides
    cut = _last_boundary(rest)
    subject = rest[cut:].strip()
    subject_start = start + cut + (len(rest[cut:]) - len(rest[cut:].lstrip()))
    if not subject:
        return None
    cut_words = list(_SUBJECT_CUT.finditer(subject))
    if cut_words:
        subject_start += cut_words[-1].end()
        subject = subject[cut_words[-1].end() :]
        if cut_words[-1].group(0).strip().lower() == "that":
            plural = False  # "a runoff that opinion polls say is close": a relative, no speaker
    noise = _LEADING_NOISE.match(subject)
    if noise:
        subject_start += noise.end()
        subject = subject[noise.end() :]
    subject = _drop_time_words(subject)
    if not subject or _SUBJECT_STOP.match(subject) or len(subject.split()) > 9:
        return None
    if _has_finite_verb(subject) or not (
        _SPEAKER_NOUNS.search(subject)
        or _has_name(subject)
        or _is_pronoun(subject)
        or _DEFINITE.match(subject)
        or _POSSESSOR.match(subject)
        or (plural and _PLURAL.fullmatch(subject))
        or any(_has_name(a) for a in appositives)
    ):
        return None
    return subject, subject_start, appositives


def _first_subject(text: str, start: int, end: int) -> tuple[str, int, list[str]] | None:
    """The subject of the first finite verb in ``text[start:end]`` ("The authority's general
    manager, Ana Ruiz, apologized ..."), when it reads as a speaker."""
    for word in re.finditer(r"(?<![\w'’-])[a-z]+\b", text[start:end]):
        if _finite(word.group(0), text[start + word.end() : end].split()[:1]):
            return _speaker_ending_at(text, start, start + word.start(), plural=False)
    return None


def _aside(piece: str) -> str | None:
    """What an aside between commas is: "age", "relative", "adverb", "appositive" or None
    (no aside: a clause of its own)."""
    if re.fullmatch(r"\d{1,3}", piece):
        return "age"
    if re.match(r"(?:who|whom|whose|which)\b", piece):
        return "relative"
    if _ADVERB_ASIDE.fullmatch(piece):
        return "adverb"
    short = _short_appositive(piece)
    if len(short.split()) > 10 or _has_finite_verb(short) or _TIME_WORD.match(piece):
        return None
    if _DETERMINED.match(piece) or _POSSESSOR.match(piece) or _has_name(piece):
        return "appositive"
    return None


def _short_appositive(piece: str) -> str:
    """An appositive without its relative clause: "a retired nurse who has run it for years"
    -> "a retired nurse"."""
    return re.split(r"\s+(?:who|whom|whose|which|that)\s", piece, maxsplit=1)[0].strip()


def _has_finite_verb(phrase: str) -> bool:
    """Does the phrase hold a finite verb ("Prices rose in March", "The board approved a
    dividend")? Not a participle that modifies ("a retired nurse", "an engineer named X")."""
    words = phrase.split()
    return any(
        word[:1].islower() and _finite(word.strip(",.;:"), words[n + 1 : n + 2])
        for n, word in enumerate(words)
    )


def _finite(word: str, after: list[str]) -> bool:
    """Is ``word``, followed by the words ``after``, a finite verb? An auxiliary, an
    irregular past, or a past in -ed that has an object ("approved a", "ordered the")."""
    if word in _FINITE_WORDS or word in _IRREGULAR_FINITE or _VERB.fullmatch(word):
        return True
    nxt = after[0] if after else ""
    return (
        len(word) > 4
        and word.endswith("ed")
        and bool(_DETERMINED.match(nxt + " ") or re.fullmatch(r"\d[\d,.]*", nxt))
        and _is_verb(word)
    )


def _subject_after(text: str, start: int, end: int, m: re.Match[str]) -> Attribution | None:
    """``..." said Ruth Okafor`` / ``..., says Mark Galeotti`` / ``..." said analyst Tom Reed``
    / ``..." said the study's lead author, Dr. Ana Ruiz``: a quote or comma, then the verb."""
    before = text[max(start, m.start() - 3) : m.start()]
    if not re.search(r"[,\"”’']\s*$", before):
        return None
    rest = text[m.end() : end]
    stop = _boundary_after(rest, 0, len(rest))
    chunk = rest[:stop].strip()
    if not _ABBREVIATION.search(chunk):  # "Rep." keeps its point
        chunk = chunk.rstrip(".")
    phrase = chunk
    who = chunk
    if (
        chunk
        and len(chunk.split()) <= 8
        and not _TIME_WORD.match(chunk)
        and not _has_finite_verb(chunk)
        and (_TITLED_NAME.fullmatch(chunk) or _ROLE.fullmatch(chunk))
    ):
        named = _FOLLOWING_NAME.match(rest, stop)
        if not _TITLED_NAME.fullmatch(chunk) and named:
            # "the study's lead author, Dr. Ana Ruiz": the role, then the name
            name = named.group(1).strip()
            if not _ABBREVIATION.search(name):
                name = name.rstrip(".")  # the sentence's point, not an initial's
            phrase, who = f"{chunk}, {name}", name
        span_end = m.end() + rest.index(chunk) + len(chunk)
        return Attribution(f"{m.group('verb')} {phrase}", m.start(), span_end, who)
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
