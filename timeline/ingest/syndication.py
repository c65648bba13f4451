"""Syndicated copies and reposts (skeleton; issue 4 builds MinHash/LSH with containment).

Contract used by the HTTP service (which stores fingerprints so a new document is compared
with the collection without re-reading every text):

* ``fingerprint(document) -> bytes``: a compact, storable signature of the text;
* ``find_copies(items) -> dict[copy_id, original_id]`` over ``(Source, fingerprint)`` pairs;
* ``mark_syndication(documents)``: both, applied to a list of documents in place.
"""

from __future__ import annotations

import hashlib

from timeline.models import Document, Source


def fingerprint(document: Document) -> bytes:
    """A storable signature of the document's text (skeleton: exact-text hash)."""
    return hashlib.sha256(" ".join(document.text.split()).encode()).digest()


def find_copies(items: list[tuple[Source, bytes]]) -> dict[str, str]:
    """Map each copy's source id to its original's id (skeleton: exact duplicates only)."""
    first: dict[bytes, Source] = {}
    copies: dict[str, str] = {}
    for source, signature in sorted(items, key=lambda it: (it[0].published or "9999", it[0].id)):
        if signature in first:
            copies[source.id] = first[signature].id
        else:
            first[signature] = source
    return copies


def mark_syndication(documents: list[Document]) -> None:
    """Set ``syndicated_from`` on copies of another document in the collection."""
    copies = find_copies([(d.source, fingerprint(d)) for d in documents])
    for document in documents:
        document.source.syndicated_from = copies.get(document.source.id)
