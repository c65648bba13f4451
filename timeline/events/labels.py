"""Event labels: the best of its claims' labels ("Residents ordered out of their homes").

Each claim carries a short description read with its sentence (see
:mod:`timeline.claims.labels`); a claim made without one (an older store, a hand-made claim)
gets one from its own text here. The label is the claim label nearest the event's content
centroid that reads best: body text before captions, a named subject before a pronoun, a
complete statement of 5 to 12 words.
"""

from __future__ import annotations

import re

from timeline.claims.labels import MAX_WORDS, describe
from timeline.models import Claim

CANDIDATES = 4  # claims tried as the label, most central first
# A label that credits a speaker ("... (lawsuit)") tells what one source claims; an event reads
# better under what happened, when a claim says that about as centrally.
CREDITED = 0.15
_CREDIT = re.compile(r"\([^()]+\)$")
_PRONOUN_START = re.compile(r"^(?:he|she|it|they|this|these|those|we|i|his|her|its|their)\b", re.I)
_VERB_START = re.compile(r"^(?:was|were|is|are|has|have|had|will|would)\b", re.I)


def clean_clause(claim: Claim) -> str:
    """The claim's label: its own, or one read from its text alone.

    >>> from timeline.models import Claim
    >>> t = "Hundreds were ordered out of their homes on Monday after a leak, officials said."
    >>> c = Claim(source_id="a", text=t, mention="Monday", start_char=0, end_char=len(t),
    ...           mention_start=44, mention_end=50, value="2023-10-09")
    >>> clean_clause(c)
    'Hundreds were ordered out of their homes'
    """
    if claim.label:
        return claim.label
    ms, me = claim.mention_start - claim.start_char, claim.mention_end - claim.start_char
    text = claim.text
    if not (0 <= ms < me <= len(text)):
        ms = me = len(text)
    return describe(text, (0, len(text)), (ms, me))


def readability(text: str) -> float:
    """A penalty for what makes a label read badly (0 for a good one).

    >>> readability("The plant was shut down"), readability("He was still prime minister") > 0
    (0.0, True)
    """
    n = len(text.split())
    penalty = 0.15 * max(0, 4 - n) + 0.03 * max(0, n - 10)
    penalty += 0.25 if _PRONOUN_START.match(text) else 0.0
    penalty += 0.25 if _VERB_START.match(text) else 0.0
    penalty += 0.1 if n >= MAX_WORDS else 0.0
    return penalty


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
        score = central - readability(text) - (0.2 if claim.caption else 0.0)
        if _CREDIT.search(text):
            score -= CREDITED  # "Leak could have been prevented (lawsuit)" is one voice's view
        if best is None or score > best[0]:
            best = (score, text)
    if best is None:
        return claims[0].text[:80]
    return best[1]
