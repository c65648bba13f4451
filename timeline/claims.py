"""Claims: sentences that date something, with source, offsets and attribution (skeleton)."""

from __future__ import annotations

import re

from timeline.models import Claim, Document, Mention

_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


def extract_claims(document: Document, mentions: list[Mention]) -> list[Claim]:
    """The dated claims of one document, given its resolved mentions."""
    claims: list[Claim] = []
    sentences = [(m.start(), m.end()) for m in _SENTENCE.finditer(document.text)]
    for mention in mentions:
        if mention.type not in ("DATE", "TIME") or mention.start is None:
            continue
        start, end = next(
            ((s, e) for s, e in sentences if s <= mention.start_char < e),
            (mention.start_char, mention.end_char),
        )
        while start < end and document.text[start].isspace():
            start += 1
        while end > start and document.text[end - 1].isspace():
            end -= 1
        claims.append(
            Claim(
                source_id=document.source.id,
                text=document.text[start:end],
                mention=mention.text,
                start_char=start,
                end_char=end,
                mention_start=mention.start_char,
                mention_end=mention.end_char,
                value=mention.value,
                start=mention.start,
                end=mention.end,
                granularity=mention.granularity,
                anchor=mention.anchor,
            )
        )
    return claims
