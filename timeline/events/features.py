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
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
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
        "state",
        "stated",
        "mr",
        "mrs",
        "ms",
        "dr",
    ]
)
_DROP = ENGLISH_STOP_WORDS | _CALENDAR | _REPORTING


@cache
def frames() -> dict[str, tuple[str, ...]]:
    """Lemma -> the event frames it names, from lexicon.yaml.

    >>> frames()["apprehend"]
    ('@arrest',)
    """
    table = yaml.safe_load(
        resources.files("timeline.events").joinpath("lexicon.yaml").read_text(encoding="utf-8")
    )
    out: dict[str, list[str]] = {}
    for frame, words in table.items():
        for word in words:
            out.setdefault(str(word).lower(), []).append(f"@{frame}")
    return {k: tuple(v) for k, v in out.items()}


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
    >>> analyse(c)[1:]
    (frozenset({'@arrest'}), frozenset({'marek', 'ivo'}))

    The second part is the frames named near the mention (what kind of happening is dated),
    the third the names in the clause (who or where: two accounts of one happening share some).
    """
    cut_start = claim.mention_start - claim.start_char
    cut_end = claim.mention_end - claim.start_char
    before = _words(claim.text[:cut_start], reverse=True)
    after = _words(claim.text[cut_end:])
    # Who says so is not what happened: the attribution's words are left out.
    speaker = {w.lower() for w in _WORD.findall(claim.attribution or "")}
    out: list[str] = []
    near_frames: set[str] = set()
    names: set[str] = set()
    for words in (before, after):
        for n, (feature, near, name) in enumerate(words):
            if feature[0] not in speaker:
                close = near and n < NEAR
                out.extend(feature * (2 if close else 1))
                if close:
                    near_frames.update(feature[1:])
                if name:
                    names.add(feature[0])
    return out, frozenset(near_frames), frozenset(names)


NEAR = 6  # content words on each side of the mention that count double


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


def _words(text: str, *, reverse: bool = False) -> list[tuple[list[str], bool, bool]]:
    """Content words of ``text`` walking away from the mention, each as ([lemma, frames...],
    near, name): words past a subordinating word ("after a chlorine leak") are not near, they
    tell another happening; a capitalized word inside the clause is a name."""
    table = frames()
    out: list[tuple[list[str], bool, bool]] = []
    found = list(_WORD.finditer(_split_glued(text)))
    near = True
    for m in reversed(found) if reverse else found:
        raw = m.group(0)
        word = raw.lower().replace("’", "'")
        if word in _CLAUSE_BREAK:
            near = False
        if word.endswith("'s"):
            word = word[:-2]
        if len(word) < 2 or word in _DROP:
            continue
        lemma = _lemma(word)
        if lemma in _DROP:
            continue
        name = raw[0].isupper() and m.start() > 0 and lemma not in _TITLES
        out.append(([lemma, *(table.get(lemma, ()) or table.get(word, ()))], near, name))
    return out


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
    ]
)


def vectorize(
    claims: list[Claim],
) -> tuple[sparse.csr_matrix, list[tuple[frozenset[str], frozenset[str]]], frozenset[int]]:
    """One L2-normalized TF-IDF row per claim (IDF over the whole collection), the (frames
    named near the mention, names) of each claim, and the columns of the "@frame" features.

    >>> from timeline.models import Claim
    >>> c = Claim(source_id="a", text="Police arrested Ivo Marek on May 7.", mention="May 7",
    ...           start_char=0, end_char=35, mention_start=29, mention_end=34, value="2021-05-07")
    >>> matrix, info, frame_columns = vectorize([c])
    >>> matrix.shape[0], sorted(info[0][0]), len(frame_columns)
    (1, ['@arrest'], 1)
    """
    analysed = [analyse(c) for c in claims]
    docs = [a[0] for a in analysed]
    near = [(a[1], a[2]) for a in analysed]
    if not any(docs):
        return sparse.csr_matrix((len(claims), 1), dtype=np.float64), near, frozenset()
    vectorizer = TfidfVectorizer(analyzer=lambda d: d, sublinear_tf=True, norm="l2")
    matrix = vectorizer.fit_transform(docs).tocsr()
    frame_columns = frozenset(c for name, c in vectorizer.vocabulary_.items() if name[0] == "@")
    return matrix, near, frame_columns
