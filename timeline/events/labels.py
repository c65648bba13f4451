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
CANDIDATES = 8  # claims tried as the label, most central first
_ATTRIBUTION_TAIL = re.compile(
    r"(?:,\s*|\s+)(?:according to|as reported by|citing)\s+[^,.;]+|,\s*(?:[A-Za-z.'’-]+\s+){1,8}?"
    r"(?:said|says|told [^,.;]+|reported|added|noted|wrote|claimed|announced)(?:\s+in an? \w+)?"
    r"\s*(?=[,.;]|$)"
)
_ATTRIBUTION_HEAD = re.compile(
    r"^(?:[\w.'’-]+\s+){1,8}?(?:said|says|told [\w\s.'’-]{1,40}?|reported|announced|wrote|claimed"
    r"|repeated|noted|added)\s+(?:(?:on|in|last|this)\s+\w+\s+)?that\s+"
)
_QUOTE_TAIL = re.compile(r"[,\"”]+\s*(?:said|says|added|noted)\s+[^.]*$")
_SUBORDINATE = re.compile(
    r"(?:,\s*|\s+)(?:after|when|while|because|as|which|who|whose|where|though|although|before"
    r"|until|since|but|and then|saying|claiming|accusing|according)\b"
)
_PREPOSITION = r"(?:on|in|at|by|since|during|from|until|until|over|for|of|around|about|early|late)"
_PRONOUN_START = re.compile(r"^(?:he|she|it|they|this|that|these|those|we|i)\b", re.I)
_EDGE = " \t\n,;:—–-\"'“”‘’()"


def clean_clause(claim: Claim) -> str:
    """The claim's clause without its attribution and date, trimmed to the main statement.

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
        text = before.rstrip(" ,") + " " + text[me:].lstrip(" ,")
    text = _ATTRIBUTION_TAIL.sub("", text)
    text = _QUOTE_TAIL.sub("", text)
    text = _ATTRIBUTION_HEAD.sub("", text)
    text = re.sub(r"^(?:and|but|then|so|also|and then)\s+", "", text.strip(_EDGE), flags=re.I)
    text = re.sub(r"\s+", " ", text).strip(_EDGE + ".")
    words = text.split()
    if len(words) > 6:
        # Keep the main clause when what precedes a subordinate clause can stand alone.
        for m in _SUBORDINATE.finditer(text):
            head = text[: m.start()].strip(_EDGE)
            if len(head.split()) >= 4:
                text = head
                break
    words = text.split()
    if len(words) > MAX_WORDS:
        cut = " ".join(words[:MAX_WORDS])
        comma = cut.rfind(",")
        text = (cut[:comma] if comma > len(cut) // 2 else cut).rstrip(_EDGE) + "…"
    return text[:1].upper() + text[1:] if text else text


def label(claims: list[Claim], centrality: list[float]) -> str:
    """The best label among the claims: central, short but complete, from the body text."""
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
