"""Claims: the sentences (or clauses) of an article that date a happening, with attribution.

A claim is one dated mention in its clause: the source, the clause and the mention as offsets
into the original text, the mention's TIMEX3 value and interval, and who says so. Only the
article body counts; a photo caption gives a claim of lower weight (``caption=True``), and
mentions that do not date a happening (durations, ages, the dateline, a copyright year, a name
such as "the 2014 Winter Olympics") are left out (see :mod:`timeline.claims.filters`).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from timeline.claims.attribution import (
    Attribution,
    choose,
    find_attributions,
    is_personal,
    is_pronoun,
)
from timeline.claims.filters import rejection, sentence_rejection
from timeline.claims.labels import describe, person_names
from timeline.claims.places import place_names
from timeline.claims.sentences import SentenceIndex, clause_spans, sentence_spans
from timeline.models import GRANULARITY_ORDER, Claim, Document, Mention

CAPTION_WEIGHT = 0.5
NAMES_BEFORE = 600  # characters before a sentence read for the people a "he" may stand for
# Two mentions separated only by this are one expression ("Friday evening, April 19").
_GLUE = re.compile(r"^[\s,]*(?:(?:at|on|the)\s+)?$")


def extract_claims(document: Document, mentions: list[Mention]) -> list[Claim]:
    """The dated claims of one document, given its resolved mentions.

    >>> from timeline.models import Document, Source
    >>> from timeline.temporal import resolve
    >>> text = "The leak began Monday, officials said."
    >>> doc = Document(source=Source(id="a", path="a.txt", published="2023-10-10"), text=text)
    >>> [(c.mention, c.value, c.attribution) for c in extract_claims(doc, resolve(text, "2023-10-10"))]
    [('Monday', '2023-10-09', 'officials said')]
    """
    text = document.text
    body = sorted(document.body) or [(0, len(text))]
    captions = sorted(document.captions)
    kept = [m for m in sorted(mentions, key=lambda m: m.start_char) if rejection(m, text) is None]
    kept = _merge_adjacent(kept, text)
    placed: list[tuple[Mention, bool]] = []
    for m in kept:
        if _inside(m, captions):
            placed.append((m, True))
        elif _inside(m, body):
            placed.append((m, False))
    if not placed:
        return []
    regions = _merge_regions(body + captions)
    wanted = sorted(m.start_char for m, _ in placed)
    index = SentenceIndex([s for r in regions for s in sentence_spans(text, *r, only=wanted)])
    by_sentence: dict[tuple[int, int], list[tuple[Mention, bool]]] = {}
    for m, caption in placed:
        sentence = index.find(m.start_char) or (m.start_char, m.end_char)
        if sentence[1] < m.end_char:  # a mention across a sentence break: widen
            sentence = (sentence[0], m.end_char)
        if sentence_rejection(text, sentence, m.start_char) is not None:
            continue  # a question, or the page talking to its reader
        by_sentence.setdefault(sentence, []).append((m, caption))

    places = place_names(text)  # never what "he" or "her" stands for
    claims: list[Claim] = []
    speakers: list[tuple[int, str]] = []  # (offset, named speaker) to resolve "he said"
    for sentence in sorted(by_sentence):
        items = by_sentence[sentence]
        spans = clause_spans(text, sentence, [(m.start_char, m.end_char) for m, _ in items])
        attributions = find_attributions(text, *sentence)
        for a in attributions:
            if not is_pronoun(a):
                speakers.append((a.start, a.speaker))
        said = [(a.start, a.end) for a in attributions]
        # People named shortly before the sentence, for a label's leading "he"/"his".
        named = person_names(
            text[max(0, sentence[0] - NAMES_BEFORE) : sentence[0]],
            offset=max(0, sentence[0] - NAMES_BEFORE),
            places=places,
        )
        for (m, caption), (c_start, c_end) in zip(items, spans, strict=True):
            if not (c_start <= m.start_char and m.end_char <= c_end):
                c_start, c_end = sentence
            attribution = choose(attributions, m.start_char, text)
            claims.append(
                Claim(
                    source_id=document.source.id,
                    text=text[c_start:c_end],
                    mention=text[m.start_char : m.end_char],
                    start_char=c_start,
                    end_char=c_end,
                    mention_start=m.start_char,
                    mention_end=m.end_char,
                    value=m.value,
                    start=m.start,
                    end=m.end,
                    granularity=m.granularity,
                    anchor=m.anchor,
                    attribution=_phrase(attribution, speakers, sentence[0], places),
                    weight=CAPTION_WEIGHT if caption else 1.0,
                    caption=caption,
                    label=describe(
                        text,
                        (c_start, c_end),
                        (m.start_char, m.end_char),
                        sentence=sentence,
                        attributions=said,
                        names=named,
                        dates=[(o.start_char, o.end_char) for o, _ in items if o is not m],
                    ),
                )
            )
    return claims


def _phrase(
    attribution: Attribution | None,
    speakers: list[tuple[int, str]],
    at: int,
    places: frozenset[str] = frozenset(),
) -> str | None:
    if attribution is None:
        return None
    if is_pronoun(attribution):
        # "he said" stands for the last person quoted; "it says" is too vague to keep.
        earlier = [
            name
            for offset, name in speakers
            if offset < at and _person(name) and name not in places
        ]
        if is_personal(attribution) and earlier:
            return f"{earlier[-1]} ({attribution.phrase})"
        return None
    return attribution.phrase


# Words that make a name a body or a place, not a person "he" or "she" can stand for.
_NOT_PERSON = re.compile(
    r"\b(?:Ministry|Department|Office|Council|Court|Agency|Bank|Bar|Hospital|University|College"
    r"|School|Party|Association|International|Organi[sz]ation|Foundation|Institute|Service|Board"
    r"|Commission|Committee|Police|Government|Company|Corp|Inc|Ltd|Group|News|Times|Post|Club"
    r"|Church|Authority|Union|Council|Centre|Center)\b"
)


def _person(name: str) -> bool:
    name = name.split(" of ")[0]  # "Lisa Okafor of Tessel Bar": the person before her body
    words = name.replace(",", " ").split()
    return (
        sum(w[:1].isupper() for w in words) >= 2
        and not _NOT_PERSON.search(name)
        and words[0].lower() not in ("the", "a", "an")
    )


def _inside(m: Mention, spans: list[tuple[int, int]]) -> bool:
    i = bisect_right(spans, (m.start_char, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= m.start_char and m.end_char <= spans[i][1]


def _merge_regions(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [(s, e) for s, e in merged]


def _merge_adjacent(mentions: list[Mention], text: str) -> list[Mention]:
    """Join "Friday evening" + "April 19" into one mention carrying the finer value."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.end_char <= m.start_char
            and _GLUE.match(text[prev.end_char : m.start_char])
            and _overlap(prev, m)
        ):
            finer = min((prev, m), key=lambda x: GRANULARITY_ORDER.get(x.granularity or "day", 99))
            out[-1] = finer.model_copy(
                update={
                    "start_char": prev.start_char,
                    "end_char": m.end_char,
                    "text": text[prev.start_char : m.end_char],
                }
            )
        else:
            out.append(m)
    return out


def _overlap(a: Mention, b: Mention) -> bool:
    assert a.start and a.end and b.start and b.end
    return a.start < b.end and b.start < a.end


__all__ = ["extract_claims"]
