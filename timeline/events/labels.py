"""Short readable event labels drawn from the claims ("Residents ordered out of their homes").

A label is one claim's clause with what the chart shows elsewhere taken out: the attribution
("county officials said"), the date mention and its preposition, a leading "that"-clause
introducer ("US authorities said that ..."), and trailing subordinate clauses when the rest is
long enough to stand alone. The claim chosen is the one nearest the event's content centroid
whose cleaned clause reads best (5 to 12 words, body text, not starting with a pronoun).
"""

from __future__ import annotations

import re

from timeline.models import Claim

MAX_WORDS = 12
CANDIDATES = 4  # claims tried as the label, most central first
_ATTRIBUTION_TAIL = re.compile(
    r"(?:,\s*|\s+)(?:according to|as reported by|citing)\s+[^,.;]+|,\s*(?:[A-Za-z.'’-]+\s+){1,8}?"
    r"(?:said|says|told [^,.;]+|reported|added|noted|wrote|claimed|announced)(?:\s+in an? \w+)?"
    r"\s*(?=[,.;]|$)"
)
_ATTRIBUTION_HEAD = re.compile(
    r"^(?:[\w.'’-]+\s+){1,8}?(?:said|says|told [\w\s.'’-]{1,40}?|reported|announced|wrote|claimed"
    r"|repeated|noted|added)(?:\s+in an? \w+)?\s+(?:(?:on|in|last|this)\s+\w+\s+)?"
    r"(?:that\s+|(?=(?:the|a|an)\s))"
)
_QUOTE_TAIL = re.compile(r"[,\"”]+\s*(?:said|says|added|noted)\s+[^.]*\.?$")
# ", who did not attend," / ", which employs 140 people,": asides inside the clause.
_ASIDE = re.compile(r",\s*(?:who|which|whose)\b[^,]{1,80},")
# "Paul Marren, chief executive of X, resigned": a name's title, between commas.
_APPOSITIVE = re.compile(r"^((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*),\s+[^,]{3,60},\s+(?=[a-z])")
_SUBORDINATE = re.compile(
    r"(?:,\s*|\s+)(?:(?:\w+\s+)?(?:hours?|days?|weeks?|months?|years?)\s+)?(?:after|when|while|because|as|which|who|whose|where|though|although|before"
    r"|until|since|but|and then|saying|claiming|accusing|according)\b"
)
_PREPOSITION = r"(?:on|in|at|by|since|during|from|until|until|over|for|of|around|about|early|late)"
_PRONOUN_START = re.compile(r"^(?:he|she|it|they|this|that|these|those|we|i)\b", re.I)
_EDGE = " \t\n,;:—–-\"'“”‘’()"


_MARK = "\u2063"  # an invisible separator where the date was: the label grows around it
_BREAK = re.compile(
    r",\s+|;\s*|\s+(?:—|–|--)\s+|\s+(?=(?:after|when|while|because|as|which|who|whose|where"
    r"|though|although|before|until|since|that|and then)\b)"
)
_RELATIVE = re.compile(r"^(?:who|which|that)\s+", re.I)
# A clause that starts with its verb ("was killed by Russian forces") lost its subject.
_VERB_START = re.compile(r"^(?:was|were|is|are|had|has|have|did|will|would|could)\b")
_PREPOSITION_START = re.compile(r"^(?:in|on|at|of|for|from|to|with|near|by)\b", re.I)
MIN_WORDS = 5
_LEADING_LINK = re.compile(
    r"^(?:(?:and|but|then|so|also|that|after|when|while|because|as|since|though|although|before"
    r"|until|where)\s+)+",
    re.I,
)


def clean_clause(claim: Claim) -> str:
    """The claim's clause without its attribution and date, trimmed to the statement the date
    belongs to.

    >>> from timeline.models import Claim
    >>> t = "Hundreds were ordered out of their homes on Monday after a leak, officials said."
    >>> c = Claim(source_id="a", text=t, mention="Monday", start_char=0, end_char=len(t),
    ...           mention_start=44, mention_end=50, value="2023-10-09")
    >>> clean_clause(c)
    'Hundreds were ordered out of their homes'
    """
    text = claim.text
    ms, me = claim.mention_start - claim.start_char, claim.mention_end - claim.start_char
    if 0 <= ms < me <= len(text):
        before = re.sub(rf"(?:\b{_PREPOSITION}\s+)?(?:the\s+)?$", "", text[:ms], flags=re.I)
        after = text[me:]
        # Keep the punctuation that follows the date: it separates what comes next.
        text = before.rstrip(" ,") + _MARK + (after if after[:1] in ",;." else " " + after.lstrip())
    text = _unless_marked(_ASIDE, text, "")
    text = _APPOSITIVE.sub(r"\1 ", text)
    text = _unless_marked(_ATTRIBUTION_TAIL, text, "")
    text = _unless_marked(_QUOTE_TAIL, text, "")
    text = _drop_head(text)
    text = _around_mark(text) if _MARK in text else _main_clause(text)
    text = _LEADING_LINK.sub("", text.replace(_MARK, " ").strip(_EDGE))
    text = re.sub(r"\s+([,;.])", r"\1", re.sub(r"\s+", " ", text)).strip(_EDGE + ".")
    words = text.split()
    if len(words) > MAX_WORDS:
        cut = " ".join(words[:MAX_WORDS])
        comma = cut.rfind(",")
        text = (cut[:comma] if comma > len(cut) // 2 else cut).rstrip(_EDGE) + "…"
    return text[:1].upper() + text[1:] if text else text


_NAME = re.compile(r"(?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+(?=\s*$|,)")
_HE_SHE = re.compile(r"^(?:he|she)\b")


def _drop_head(text: str) -> str:
    """Drop "X said that": the speaker is in the attribution. When what remains starts with
    "he" or "she", the speaker's name takes its place ("Paul Marren would meet the board")."""
    head = _ATTRIBUTION_HEAD.match(text)
    if not head or _MARK in head.group(0):
        return text
    rest = text[head.end() :]
    speaker = head.group(0)
    verb = re.search(
        r"\s(?:said|says|told|reported|announced|wrote|claimed|repeated|noted|added)\b", speaker
    )
    name = _NAME.search(speaker[: verb.start()] if verb else "")
    if name and _HE_SHE.match(rest):
        rest = name.group(0) + rest[_HE_SHE.match(rest).end() :]
    return rest


def _unless_marked(pattern: re.Pattern[str], text: str, replacement: str) -> str:
    """Remove ``pattern`` matches that do not hold the date's place (that part is the story)."""
    return pattern.sub(lambda m: m.group(0) if _MARK in m.group(0) else replacement, text)


def _around_mark(text: str) -> str:
    """The clause holding the date's place, widened until it can stand as a label."""
    at = text.index(_MARK)
    cuts = [(m.start(), m.end()) for m in _BREAK.finditer(text)]
    left = [c for c in cuts if c[1] <= at]
    right = [c for c in cuts if c[0] >= at]
    lo = left[-1][1] if left else 0
    hi = right[0][0] if right else len(text)
    clause = text[lo:hi]
    # "the two young men who set off twin bombs", "Abu Dujan, was killed": a clause that
    # starts with a relative pronoun or its verb takes back its subject.
    if left and (_RELATIVE.match(clause) or _VERB_START.match(clause)):
        start = left[-2][1] if len(left) > 1 else 0
        subject = text[start : left[-1][0]].strip(_EDGE)
        if 0 < len(subject.split()) <= 6:
            clause = subject + " " + _RELATIVE.sub("", clause)
    elif left and _PREPOSITION_START.match(clause):
        left.pop()  # "in Los Cabos": the place of something said before it
        lo = left[-1][1] if left else 0
        clause = text[lo:hi]
    # Too short to say anything: take in the next clause on the right, then on the left.
    while (right or left) and (
        _words(clause) < MIN_WORDS or (not right and _PREPOSITION_START.match(clause.strip()))
    ):
        if right:
            hi = right.pop(0)[0] if len(right) > 1 else len(text)
            right = right if len(right) > 0 else []
            clause = text[lo:hi] if hi > lo else clause
            if hi == len(text):
                right = []
        elif left:
            left.pop()
            lo = left[-1][1] if left else 0
            clause = text[lo:hi]
    return clause


def _words(text: str) -> int:
    return sum(1 for w in text.replace(_MARK, " ").split() if any(ch.isalnum() for ch in w))


def _main_clause(text: str) -> str:
    """Without a date to grow from: the text up to its first subordinate clause."""
    if len(text.split()) > 6:
        for m in _SUBORDINATE.finditer(text):
            head = text[: m.start()].strip(_EDGE)
            if len(head.split()) >= 4:
                return head
    return text


def label(claims: list[Claim], centrality: list[float]) -> str:
    """The best label among the claims: central, short but complete, from the body text.

    >>> from timeline.models import Claim
    >>> t = "The plant opened in 2008."
    >>> c = Claim(source_id="a", text=t, mention="2008", start_char=0, end_char=len(t),
    ...           mention_start=20, mention_end=24, value="2008")
    >>> label([c], [1.0])
    'The plant opened'
    """
    best: tuple[float, str] | None = None
    # The most central claims are the candidates: a big event need not clean every clause.
    ranked = sorted(zip(claims, centrality, strict=True), key=lambda p: -p[1])[:CANDIDATES]
    for claim, central in ranked:
        text = clean_clause(claim)
        if not text:
            continue
        n = len(text.split())
        score = central
        score -= 0.15 * max(0, 4 - n) + 0.03 * max(0, n - 10)
        score -= 0.2 if claim.caption else 0.0
        score -= 0.2 if _PRONOUN_START.match(text) else 0.0
        score -= 0.1 if text.endswith("…") else 0.0
        if best is None or score > best[0]:
            best = (score, text)
    if best is None:
        return claims[0].text[:80]
    return best[1]
