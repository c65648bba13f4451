"""What a claim is about, as a sparse TF-IDF vector over lemmas and event frames.

The words of the claim's clause, less what does not name the happening: the time mention
itself, stop words, reporting verbs ("said", "told") and calendar words. Glued words left by lost
markup are split with ingest's normalized view when it is there. Lemmas come from simplemma (so
"bombings"/"bombing", "captured"/"capture" meet), and :file:`lexicon.yaml` adds one "@frame"
feature per kind of happening named ("captured" and "apprehended" both give ``@arrest``).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib import resources

import numpy as np
import simplemma
import yaml
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

from timeline.ingest.datetext import MONTHS
from timeline.models import Claim

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")
_GLUED = re.compile(r"[a-z][A-Z]")
_CALENDAR = set(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        *MONTHS,  # month names and abbreviations
        "day",
        "days",
        "week",
        "weeks",
        "weekend",
        "month",
        "months",
        "year",
        "years",
        "decade",
        "decades",
        "century",
        "today",
        "yesterday",
        "tomorrow",
        "tonight",
        "morning",
        "afternoon",
        "evening",
        "night",
        "noon",
        "midnight",
        "last",
        "next",
        "ago",
        "later",
        "earlier",
        "early",
        "late",
        "mid",
        "recent",
        "recently",
        "previous",
        "following",
        "spring",
        "summer",
        "fall",
        "autumn",
        "winter",
        "season",
        "time",
    ]
)
_REPORTING = set(
    [
        "say",
        "said",
        "says",
        "tell",
        "told",
        "tells",
        "report",
        "reports",
        "reported",
        "according",
        "add",
        "added",
        "adds",
        "note",
        "noted",
        "notes",
        "claim",
        "claimed",
        "claims",
        "write",
        "wrote",
        "writes",
        # "stated" only: "state" is what "a state audit" or "state investigators" name.
        "stated",
        "mr",
        "mrs",
        "ms",
        "dr",
    ]
)
# Words of the standard stop list that name what happened in news text: "the May 3 fire", "the
# bill passed", "a phone call", "the records system".
_NEWS_WORDS = {"fire", "bill", "call", "system"}
_DROP = (ENGLISH_STOP_WORDS - _NEWS_WORDS) | _CALENDAR | _REPORTING


@cache
def _lexicon() -> dict[str, list[str]]:
    return yaml.safe_load(
        resources.files("timeline.events").joinpath("lexicon.yaml").read_text(encoding="utf-8")
    )


def _frame_entries() -> list[tuple[str, str]]:
    """(entry, frame) for every word or phrase of every frame of lexicon.yaml."""
    return [
        (str(word).lower(), f"@{frame}")
        for frame, words in _lexicon().items()
        if frame[0].isalpha()  # "~frame" (compatible frames) and "+heads" are other tables
        for word in words
    ]


@cache
def frames() -> dict[str, tuple[str, ...]]:
    """Lemma -> the event frames it names, from lexicon.yaml (one-word entries).

    >>> frames()["apprehend"]
    ('@arrest',)
    """
    out: dict[str, list[str]] = {}
    for word, frame in _frame_entries():
        if " " not in word:
            out.setdefault(word, []).append(frame)
    return {k: tuple(v) for k, v in out.items()}


@cache
def phrases() -> dict[tuple[str, ...], tuple[str, ...]]:
    """Lemmas of a multi-word entry of lexicon.yaml -> the frames it names: a verb and its
    particle ("gave way", "came down") name what neither word names alone.

    >>> phrases()[("give", "way")]
    ('@collapse',)

    An idiom ("-idioms") is such an entry naming no frame: "took charge of the case" is one
    feature, and no charge in court.

    >>> phrases()[("take", "charge")]
    ()
    """
    out: dict[tuple[str, ...], list[str]] = {}
    for words in _lexicon().get("-idioms", ()):
        out.setdefault(tuple(_lemma(w) for w in str(words).lower().split()), [])
    for words, frame in _frame_entries():
        if " " in words:
            out.setdefault(tuple(_lemma(w) for w in words.split()), []).append(frame)
    return {k: tuple(v) for k, v in out.items()}


@cache
def compound_heads() -> tuple[str, ...]:
    """Nouns that close compounds end with ("+heads" in lexicon.yaml): a "footbridge" is a
    bridge, and an account that says "the bridge" tells of it too.

    >>> "bridge" in compound_heads()
    True
    """
    return tuple(str(w).lower() for w in _lexicon().get("+heads", ()))


def compound_head(lemma: str) -> str | None:
    """The head of a closed compound written as one word, when its first part is a word.

    >>> compound_head("footbridge"), compound_head("bridge"), compound_head("abridge")
    ('bridge', None, None)
    """
    for head in compound_heads():
        first = lemma[: -len(head)]
        if lemma.endswith(head) and len(first) >= 3 and simplemma.is_known(first, lang="en"):
            return head
    return None


@cache
def compatible_frames() -> dict[str, frozenset[str]]:
    """Frame -> the frames a claim naming it also matches (``~frame`` lists in lexicon.yaml):
    an agreement is reached in a call or a meeting, so "agreed" and "spoke by phone" can tell
    one happening.

    >>> sorted(compatible_frames()["@call"])
    ['@agree', '@call']
    """
    out: dict[str, set[str]] = {}
    for key, partners in _lexicon().items():
        if key.startswith("~"):
            frame = f"@{key[1:]}"
            for partner in partners:
                out.setdefault(frame, {frame}).add(f"@{partner}")
                out.setdefault(f"@{partner}", {f"@{partner}"}).add(frame)
    return {k: frozenset(v) for k, v in out.items()}


def expand_frames(found: frozenset[str]) -> frozenset[str]:
    """The frames a claim matches: its own and their compatible ones."""
    table = compatible_frames()
    out = set(found)
    for frame in found:
        out.update(table.get(frame, ()))
    return frozenset(out)


@lru_cache(maxsize=200_000)
def _lemma(word: str) -> str:
    return simplemma.lemmatize(word, lang="en").lower()


def _split_glued(text: str) -> str:
    if not _GLUED.search(text):
        return text
    try:
        from timeline.ingest.cleanup import normalize
    except ImportError:  # ingest's normalized view not available: split at case changes
        return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", text)
    return normalize(text).text


def tokens(claim: Claim) -> list[str]:
    """The content features of a claim (see :func:`analyse`).

    >>> from timeline.models import Claim
    >>> c = Claim(source_id="a", text="He was captured on Friday evening.", mention="Friday evening",
    ...           start_char=0, end_char=34, mention_start=18, mention_end=32, value="2013-04-19")
    >>> tokens(c)
    ['capture', '@arrest', 'capture', '@arrest']
    """
    return analyse(claim)[0]


def analyse(claim: Claim) -> tuple[list[str], frozenset[str], frozenset[str]]:
    """The content features of a claim: lemmas of its clause without the mention, plus frames.

    Words near the mention count twice: the happening a date belongs to is usually named next
    to it, while the far end of a long sentence often tells something else.

    >>> from timeline.models import Claim
    >>> c = Claim(source_id="a", text="Police captured Ivo Marek on Friday evening.",
    ...           mention="Friday evening", start_char=0, end_char=44, mention_start=29,
    ...           mention_end=43, value="2013-04-19")
    >>> [sorted(part) for part in analyse(c)[1:]]
    [['@arrest'], ['ivo', 'marek']]

    The second part is the frames named near the mention (what kind of happening is dated),
    the third the names in the clause (who or where: two accounts of one happening share some).
    """
    cut_start = claim.mention_start - claim.start_char
    cut_end = claim.mention_end - claim.start_char
    text = claim.text
    # Who says so is not what happened: the attribution's words are left out, where it stands
    # when it can be found ("Kespel Corp" may be both the speaker and who the clause is about).
    speaker: set[str] = set()
    at = text.find(claim.attribution) if claim.attribution else -1
    if at >= 0 and not (at < cut_end and cut_start < at + len(claim.attribution or "")):
        text = (
            text[:at]
            + " " * len(claim.attribution or "")
            + text[at + len(claim.attribution or "") :]
        )
    elif not _dated_speaker(claim.attribution or "", text[:cut_start], text[cut_end:]):
        speaker = {w.lower() for w in _WORD.findall(claim.attribution or "")}
    before = _words(text[:cut_start], reverse=True)
    after = _words(text[cut_end:])
    size = _modified_noun(text[:cut_start], text[cut_end:])
    if size:
        # A date before a noun dates that noun ("exposed in the Oct. 12 cyberattack", "cites
        # last week's hearing"): the noun phrase names the happening; the rest of the clause
        # (who sued, what was exposed) tells another one and is left out but for its names.
        before = [(feature, False, name) for feature, _, name in before]
        after = [(f, near and n < size, name) for n, (f, near, name) in enumerate(after)]
    if (
        claim.label
        and not (before or after)
        and not (_words(claim.text[:cut_start]) or _words(claim.text[cut_end:]))
    ):
        # A clause that is only its date ("Last October," or "since late Sunday." cut from the
        # rest of its sentence; not one that is only who says so, "Over the weekend the paper
        # reported": the report is what is dated): what it dates is told by the claim's label,
        # read with the whole sentence ("Whose records have been offline": the relative word opens it).
        after = _words(_LEADING_RELATIVE.sub("", claim.label))
    out: list[str] = []
    near_frames: set[str] = set()
    names: set[str] = set()
    for words in (before, after):
        for n, (feature, near, name) in enumerate(words):
            if feature[0] not in speaker:
                close = near and n < NEAR
                if size and not close and not name:
                    continue  # a dated noun: the rest of the clause is another happening
                out.extend(feature * (2 if close else 1))
                if close:
                    near_frames.update(f for f in feature[1:] if f[0] == "@")
                if name:
                    names.add(feature[0])
    return out, frozenset(near_frames), frozenset(names)


_LINKS = {"in", "on", "at", "by", "since", "during", "from"}
_LEADING_RELATIVE = re.compile(r"^\W*(?:that|which|who|whose)\b", re.I)


def _dated_speaker(attribution: str, before: str, after: str) -> bool:
    """The date stands inside the words of who says so: the saying is the happening dated ("A
    state audit in 2017 warned that ...", attribution "A state audit warned"), so its words
    tell what happened.

    >>> _dated_speaker("A state audit warned", "A state audit in ", " warned that")
    True
    >>> _dated_speaker("Police said", "Police said the bridge fell on ", ".")
    False
    """
    words = [w.lower() for w in _WORD.findall(attribution)]
    head = [w.lower() for w in _WORD.findall(before)]
    while head and head[-1] in _LINKS:
        head.pop()
    tail = [w.lower() for w in _WORD.findall(after)]
    return any(
        head[len(head) - k :] == words[:k] and tail[: len(words) - k] == words[k:]
        for k in range(1, len(words))
        if k <= len(head)
    )


def _initial(claim: Claim) -> str | None:
    """The lemma of the clause's first word when it is capitalized: a name if the collection
    writes it capitalized inside a clause elsewhere ("Russia waged ...")."""
    m = _WORD.search(claim.text)
    if (
        m is None
        or not m.group(0)[:1].isupper()
        or m.start() >= claim.mention_start - claim.start_char
    ):
        return None
    word = m.group(0).lower().replace("’", "'")
    word = word[:-2] if word.endswith("'s") else word
    if len(word) < 2 or word in _DROP:
        return None
    return _lemma(word)


NEAR = 6  # content words on each side of the mention that count double

_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|this|that|its|his|her|their|our)\s+$", re.I)
_NOUN_AFTER = re.compile(r"(['’]s)?((?:\s+[A-Za-z][A-Za-z-]*){1,8})")
_COMPLEMENT = {"of", "on", "at", "in", "against"}


def _modified_noun(before: str, after: str) -> int:
    """How many content words follow a date used as a modifier of a noun ("the Oct. 12
    cyberattack", "a 2014 study", "last week's legislative hearing"), 0 when it is none.

    >>> _modified_noun("exposed in the ", " cyberattack."), _modified_noun("cites ", "'s legislative hearing")
    (1, 2)
    >>> _modified_noun("A state audit in ", " warned that"), _modified_noun("on ", " in Ohio")
    (0, 0)
    """
    m = _NOUN_AFTER.match(after)
    if m is None or not (m.group(1) or _DETERMINER_BEFORE.search(before)):
        return 0
    size = 0
    words = [w.lower() for w in m.group(2).split()]
    n = 0
    while n < len(words) and words[n] not in ENGLISH_STOP_WORDS:
        size += words[n] not in _DROP  # "the 2017 state audit": a noun here
        n += 1
    if size and n < len(words) and words[n] in _COMPLEMENT:
        # ... and what it names: "the May 13 collapse of a footbridge"
        n += 1 + (n + 1 < len(words) and words[n + 1] in _DETERMINERS)
        while n < len(words) and words[n] not in ENGLISH_STOP_WORDS:
            size += words[n] not in _DROP
            n += 1
    return size


_CLAUSE_BREAK = {
    "that",
    "after",
    "when",
    "while",
    "because",
    "before",
    "following",
    "since",
    "which",
    "who",
    "whose",
    "until",
    "as",
}


# Words before a participle that make it an adjective: "a retired machinist" is no resignation.
_DETERMINERS = {"a", "an", "the", "his", "her", "its", "their", "our", "my", "your", "this"}
_RELATIVE = {"that", "which", "who", "whose"}
_PHRASE_LENGTHS = (3, 2)


def _words(text: str, *, reverse: bool = False) -> list[tuple[list[str], bool, bool]]:
    """Content words of ``text`` walking away from the mention, each as ([lemma, head?,
    frames...], near, name): words past a subordinating word ("after a chlorine leak") are not
    near, they tell another happening; a capitalized word inside the clause is a name. A verb
    and its particle in the lexicon ("gave way") are one feature, whatever the stop words."""
    table = frames()
    multi = phrases()
    found = list(_WORD.finditer(_split_glued(text)))
    lowered = []
    for m in found:
        word = m.group(0).lower().replace("’", "'")
        lowered.append(word[:-2] if word.endswith("'s") else word)
    lemmas = [_lemma(w) if len(w) >= 2 else w for w in lowered]
    # In reading order: (match, word, lemma, the phrase's features when a phrase starts here).
    tokens: list[tuple[re.Match[str], str, str, list[str] | None]] = []
    n = 0
    while n < len(found):
        phrase = None
        for size in _PHRASE_LENGTHS:
            kinds = multi.get(tuple(lemmas[n : n + size]))
            if kinds is not None and not (found[n].group(0)[0].isupper() and found[n].start() > 0):
                phrase = [" ".join(lemmas[n : n + size]), *kinds]
                break
        tokens.append((found[n], lowered[n], lemmas[n], phrase))
        n += len(phrase[0].split()) if phrase else 1
    out: list[tuple[list[str], bool, bool]] = []
    near = True
    order = range(len(tokens) - 1, -1, -1) if reverse else range(len(tokens))
    antecedent = -1  # the noun a relative clause holding the mention is about
    for at in order:
        m, word, lemma, phrase = tokens[at]
        raw = m.group(0)
        if raw.lower() in _CLAUSE_BREAK:
            if near and reverse and raw.lower() in _RELATIVE and at >= 2:
                # "the cyberattack that began on Oct. 13": the clause tells of the noun
                # before it, when a determiner shows it is one ("warned that" is no noun).
                antecedent = at - 1 if tokens[at - 2][1] in _DETERMINERS else -1
            near = False
        if at == antecedent:
            near = True
        elif reverse and antecedent > at:
            near, antecedent = False, -1
        if phrase:
            out.append((phrase, near, False))
            continue
        if len(word) < 2 or word in _DROP:
            continue
        # A calendar word is dropped as written: "fell" is no season, "mornings" no date.
        if lemma in _DROP and (lemma not in _CALENDAR or word in _CALENDAR):
            continue
        name = raw[0].isupper() and lemma not in _TITLES and (m.start() > 0 or _initial_name(m))
        # A name tells who or where, not what happened: "the Lantern Walk" is no strike; nor
        # does a participle after a determiner, an adjective: "a retired machinist".
        adjective = (
            word != lemma and word.endswith("ed") and at > 0 and tokens[at - 1][1] in _DETERMINERS
        )
        kinds = () if name or adjective else table.get(lemma, ()) or table.get(word, ())
        head = None if name else compound_head(lemma)
        if head and not adjective:
            # A compound names what its head names too: a "cyberattack" is an attack.
            kinds = (*kinds, *(k for k in table.get(head, ()) if k not in kinds))
        out.append(([lemma, *([head] if head else []), *kinds], near, name))
    return out


def _common_names(names: list[frozenset[str]]) -> frozenset[str]:
    """Capitalized words too frequent to tell who or where: in a large collection, a word
    named by more than ``COMMON_NAME_SHARE`` of the claims ("Corp", "Russia" in a collection
    about Russia) no longer separates one happening from another."""
    if len(names) < COMMON_NAME_MIN_CLAIMS:
        return frozenset()
    counts: dict[str, int] = {}
    for found in names:
        for name in found:
            counts[name] = counts.get(name, 0) + 1
    limit = COMMON_NAME_SHARE * len(names)
    return frozenset(name for name, n in counts.items() if n > limit)


COMMON_NAME_SHARE = 0.02
COMMON_NAME_MIN_CLAIMS = 500  # below this, frequencies say more about the story than the word


def _initial_name(m: re.Match[str]) -> bool:
    """A clause's first word is a name when it is no dictionary word ("Marren", "Kespel") or
    the next word is capitalized too ("Paul Marren")."""
    rest = m.string[m.end() : m.end() + 2]
    return (rest[:1] == " " and rest[1:2].isupper()) or not simplemma.is_known(
        m.group(0), lang="en"
    )


_TITLES = set(
    [
        "president",
        "minister",
        "prime",
        "secretary",
        "chief",
        "general",
        "governor",
        "senator",
        "commissioner",
        "officer",
        "director",
        "chairman",
        "spokesman",
        "spokeswoman",
        "mayor",
        "judge",
        "king",
        "queen",
        "prince",
        "pope",
        "sheriff",
        "police",
        "state",
        "federal",
        "national",
        "county",
        "city",
        "government",
        "ministry",
        "department",
        "court",
        # Words that make names of organizations and places without telling which one.
        "corp",
        "corporation",
        "inc",
        "ltd",
        "llc",
        "co",
        "company",
        "group",
        "university",
        "college",
        "council",
        "agency",
        "office",
        "river",
        "road",
        "street",
        "avenue",
    ]
)


def vectorize(
    claims: list[Claim],
) -> tuple[
    sparse.csr_matrix, list[tuple[frozenset[str], frozenset[str], frozenset[int]]], frozenset[int]
]:
    """One L2-normalized TF-IDF row per claim (IDF over the whole collection), the (frames
    named near the mention, telling names, columns of all its names) of each claim, and the
    columns of the "@frame" features.

    >>> from timeline.models import Claim
    >>> c = Claim(source_id="a", text="Police arrested Ivo Marek on May 7.", mention="May 7",
    ...           start_char=0, end_char=35, mention_start=29, mention_end=34, value="2021-05-07")
    >>> matrix, info, frame_columns = vectorize([c])
    >>> matrix.shape[0], sorted(info[0][0]), len(frame_columns)
    (1, ['@arrest'], 1)
    """
    analysed = [list(analyse(c)) for c in claims]
    known = {name for a in analysed for name in a[2]}
    for a, claim in zip(analysed, claims, strict=True):
        initial = _initial(claim)
        if initial in known and initial not in a[2] and initial in a[0] and initial not in _TITLES:
            a[2] = a[2] | {initial}
    docs = [a[0] for a in analysed]
    common = _common_names([a[2] for a in analysed])
    if not any(docs):
        near = [(expand_frames(a[1]), a[2] - common, frozenset[int]()) for a in analysed]
        return sparse.csr_matrix((len(claims), 1), dtype=np.float64), near, frozenset()
    vectorizer = TfidfVectorizer(analyzer=lambda d: d, sublinear_tf=True, norm="l2")
    matrix = vectorizer.fit_transform(docs).tocsr()
    vocabulary = vectorizer.vocabulary_
    frame_columns = frozenset(c for name, c in vocabulary.items() if name[0] == "@")
    near = [
        (
            expand_frames(a[1]),
            a[2] - common,
            frozenset(vocabulary[n] for n in a[2] if n in vocabulary),
        )
        for a in analysed
    ]
    return matrix, near, frame_columns
