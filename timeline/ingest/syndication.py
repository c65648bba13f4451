"""Syndicated copies and reposts: MinHash over word shingles, LSH Ensemble for containment.

A copy may be truncated (a site keeps the first half of a wire story) or extended (a site adds its
own paragraphs): a Jaccard threshold suited to near-duplicates misses both, containment
|A ∩ B| / |A| does not. A datasketch MinHashLSH index with a low Jaccard threshold (0.25) finds the
candidates without comparing all pairs, so the cost grows near-linearly with the collection; the
containment estimated from the two MinHashes and the shingle counts then decides. (datasketch's
LSH Ensemble answers containment queries directly but cost 6x the time and 7x the memory on the
benchmark corpus; a copy keeping less than about a quarter of its original can be missed.)

Contract used by the HTTP service (which stores fingerprints so a new document is compared with
the collection without re-reading every text):

* ``fingerprint(document) -> bytes``: a compact, storable signature (about 560 bytes);
* ``find_copies(items) -> dict[copy_id, original_id]`` over ``(Source, fingerprint)`` pairs;
* ``mark_syndication(documents)``: both, applied to a list of documents in place.

The original is the earliest-published document (by day; on the same day the one that carries
an outlet byline or dateline, then the earlier clock time); undated documents come last.
Shingles are taken from the article body only (cleanup.py), so two stories from one site do not
match on their shared menus and footers.
"""

from __future__ import annotations

import hashlib
import re
import struct
from collections import OrderedDict
from collections.abc import Callable
from datetime import UTC, date
from hashlib import sha1
from itertools import accumulate

import numpy as np

from timeline.dates import moment_of
from timeline.ingest.cleanup import is_byline, words
from timeline.models import Document, Source

NUM_PERM = 128
SHINGLE = 5  # words per shingle: long enough that shared boilerplate phrases rarely match
CONTAINMENT = 0.5  # share of the smaller text found in the larger one
# LSH candidates: Jaccard >= ~0.25, i.e. a copy keeping at least a quarter of its original
# (truncated) or adding up to three times its length (extended); containment then decides.
CANDIDATE_JACCARD = 0.25
MIN_SHINGLES = 8  # below this a text is too short to call a copy
_MAGIC = b"TLS1"
_HEADER = struct.Struct("<4sBI32s")  # magic, flags, shingle count, sha256 of the words
_FLAG_BYLINE = 1
_SEED = 1
_SCHEME = "affine32"  # 32-bit values: half the bytes to store per document
_cache: OrderedDict[tuple[str | None, int, int], bytes] = OrderedDict()
_CACHE_SIZE = 50_000


def fingerprint(document: Document) -> bytes:
    """A storable signature of the document's body text (MinHash + size + flags).

    >>> from timeline.ingest.readers import make_document
    >>> doc = make_document("A title line\\n\\n" + "word " * 40, source_id="a", path="a.txt")
    >>> len(fingerprint(doc))
    553
    """
    key = (document.source.content_hash, len(document.text), len(document.body))
    cached = _cache.get(key)
    if cached is not None:
        _cache.move_to_end(key)
        return cached
    tokens = words(_body_text(document))
    grams = _shingles(tokens)
    minhash = _minhash(grams)
    flags = _FLAG_BYLINE if _has_byline(document) else 0
    digest = hashlib.sha256(" ".join(tokens).encode()).digest()
    values = np.asarray(minhash.hashvalues).astype("<u4").tobytes()
    signature = _HEADER.pack(_MAGIC, flags, len(grams), digest) + values
    _cache[key] = signature
    if len(_cache) > _CACHE_SIZE:
        _cache.popitem(last=False)
    return signature


def find_copies(items: list[tuple[Source, bytes]]) -> dict[str, str]:
    """Map each copy's source id to its original's id.

    >>> find_copies([])
    {}
    """
    parsed = [(source, _parse(signature)) for source, signature in items]
    order = {source.id: _order_key(source, flags) for source, (_, _, flags, _) in parsed}
    matches = _matches(parsed)
    copies: dict[str, str] = {}
    for source, _ in sorted(parsed, key=lambda p: order[p[0].id]):
        earlier = [m for m in matches.get(source.id, ()) if order[m] < order[source.id]]
        if not earlier:
            continue
        original = min(earlier, key=lambda m: order[m])
        # A copy of a copy credits the first original.
        copies[source.id] = copies.get(original, original)
    return copies


def mark_syndication(
    documents: list[Document], *, progress: Callable[[str, int, int], None] | None = None
) -> None:
    """Set ``syndicated_from`` on copies of another document in the collection.

    ``progress("copies", done, total)`` counts the documents fingerprinted, then compared.

    >>> from timeline.ingest.readers import make_document
    >>> story = " ".join(f"word{i}" for i in range(40))
    >>> docs = [make_document(f"A title line\\n\\n{story}", source_id=n, path=n) for n in "ab"]
    >>> mark_syndication(docs); [d.source.syndicated_from for d in docs]
    [None, 'a']
    """
    total = len(documents)
    items = []
    for n, document in enumerate(documents):
        if progress and n % 100 == 0:
            progress("copies", n // 2, total)
        items.append((document.source, fingerprint(document)))
    if progress:
        progress("copies", total // 2, total)
    copies = find_copies(items)
    for document in documents:
        document.source.syndicated_from = copies.get(document.source.id)
    if progress:
        progress("copies", total, total)


def similar_groups(documents: list[Document]) -> dict[str, list[str]]:
    """For each document id, the ids of documents sharing most of its text (either way)."""
    parsed = [(d.source, _parse(fingerprint(d))) for d in documents]
    return {key: sorted(value) for key, value in _matches(parsed).items()}


# --- internals -----------------------------------------------------------------------------------


def _matches(
    parsed: list[tuple[Source, tuple[object, int, int, bytes]]],
) -> dict[str, set[str]]:
    """Pairs whose smaller text is mostly contained in the larger one (symmetric map)."""
    key = tuple((source.id, digest, size) for source, (_, size, _, digest) in parsed)
    if _last_matches is not None and _last_matches[0] == key:
        return _last_matches[1]  # load() asks twice: for dating, then for copies
    found = _compute_matches(parsed)
    globals()["_last_matches"] = (key, found)
    return found


_last_matches: tuple[tuple, dict[str, set[str]]] | None = None


def _compute_matches(
    parsed: list[tuple[Source, tuple[object, int, int, bytes]]],
) -> dict[str, set[str]]:
    from datasketch import MinHashLSH

    found: dict[str, set[str]] = {}

    def link(a: str, b: str) -> None:
        found.setdefault(a, set()).add(b)
        found.setdefault(b, set()).add(a)

    by_digest: dict[bytes, str] = {}
    usable = []
    for source, (minhash, size, _flags, digest) in parsed:
        if size < MIN_SHINGLES:
            continue  # too short to tell a copy from a coincidence
        if digest in by_digest:
            link(source.id, by_digest[digest])
            continue
        by_digest[digest] = source.id
        usable.append((source.id, minhash, size))
    if len(usable) < 2:
        return found
    index = MinHashLSH(threshold=CANDIDATE_JACCARD, num_perm=NUM_PERM)
    for key, minhash, _ in usable:
        index.insert(key, minhash)
    sizes = {key: size for key, _, size in usable}
    hashes = {key: minhash for key, minhash, _ in usable}
    for key, minhash, size in usable:
        for other in index.query(minhash):
            if other == key or other in found.get(key, ()):
                continue
            jaccard = minhash.jaccard(hashes[other])  # type: ignore[attr-defined]
            # |A ∩ B| from Jaccard and the sizes, then containment of the smaller one.
            inter = jaccard * (size + sizes[other]) / (1 + jaccard)
            if inter / min(size, sizes[other]) >= CONTAINMENT:
                link(key, other)
    return found


def _order_key(source: Source, flags: int) -> tuple:
    """Earliest day first; same day: the one with an outlet byline, then the earlier time."""
    stamp = _when(source.published)
    if stamp is None:
        return (1, date.max, 1, 0.0, source.id)
    day, instant = stamp
    return (0, day, 0 if flags & _FLAG_BYLINE or source.outlet else 1, instant, source.id)


def _when(value: str | None) -> tuple[date, float] | None:
    parsed = moment_of(value)
    if parsed is None:
        return None
    instant = parsed.astimezone(UTC).timestamp() if parsed.tzinfo else parsed.timestamp()
    return parsed.date(), instant


def _body_text(document: Document) -> str:
    spans = sorted(document.body + document.captions)
    if not spans:
        return document.text
    return "\n".join(document.text[s:e] for s, e in spans)


def _shingles(tokens: list[str]) -> list[bytes]:
    if len(tokens) < SHINGLE:
        return [" ".join(tokens).encode()] if tokens else []
    # Slices of the encoded text, one per run of SHINGLE words (tokens are ASCII: from words()).
    joined = " ".join(tokens).encode()
    starts = [0, *accumulate(len(token) + 1 for token in tokens)]
    return list({joined[a : b - 1] for a, b in zip(starts, starts[SHINGLE:], strict=False)})


_PERMUTATIONS: tuple[np.ndarray, np.ndarray] | None = None


def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The MinHash permutations, made once per process (every fingerprint shares them)."""
    global _PERMUTATIONS
    if _PERMUTATIONS is None:
        from datasketch import MinHash

        _PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME).permutations
    return _PERMUTATIONS


def _minhash(grams: list[bytes]):  # type: ignore[no-untyped-def]
    from datasketch import MinHash

    # datasketch's default hash (sha1_hash32: the first 4 bytes of SHA-1, little-endian),
    # computed here in one comprehension and handed over as integers: the same values, at a
    # third of the cost of a Python call per shingle.
    minhash = MinHash(
        num_perm=NUM_PERM, seed=_SEED, permutations=_permutations(), scheme=_SCHEME, hashfunc=int
    )
    if grams:
        minhash.update_batch([int.from_bytes(sha1(g).digest()[:4], "little") for g in grams])
    return minhash


def _parse(signature: bytes) -> tuple[object, int, int, bytes]:
    from datasketch import MinHash

    if len(signature) != _HEADER.size + 4 * NUM_PERM or not signature.startswith(_MAGIC):
        raise ValueError("not a timeline syndication fingerprint")
    _magic, flags, size, digest = _HEADER.unpack_from(signature)
    values = np.frombuffer(signature, dtype="<u4", offset=_HEADER.size).astype(np.uint32)
    minhash = MinHash(
        num_perm=NUM_PERM,
        seed=_SEED,
        hashvalues=values,
        permutations=_permutations(),
        scheme=_SCHEME,
    )
    return minhash, size, flags, digest


_AGENCY_DATELINE = re.compile(r"\([A-Z][A-Za-z]{1,10}\)\s*(?:—|–|--|-|_)")


def _has_byline(document: Document) -> bool:
    """Does the article carry its own byline or agency dateline ("By X", "(HWS) —")?

    >>> from types import SimpleNamespace as Doc
    >>> _has_byline(Doc(text="By the end of 2012, the debt had doubled.")), _has_byline(Doc(text="By Jo Park\\nRain."))
    (False, True)
    """
    head = document.text[:1500]
    return bool(_AGENCY_DATELINE.search(head)) or any(
        is_byline(line.strip()) for line in head.splitlines()
    )
