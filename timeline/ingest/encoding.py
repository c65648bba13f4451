"""Bytes -> text: encoding detection that never crashes on bad bytes.

Order (cheapest and most reliable first): a byte-order mark, strict UTF-8, UTF-8 with a handful of
stray bytes replaced (a cp1252 quote pasted into a UTF-8 file), then charset-normalizer's guess.
Binary files (NUL bytes outside UTF-16, known magic numbers, many control characters) are refused
with a reason instead of being decoded into garbage.
"""

from __future__ import annotations

import codecs

from timeline.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Formats people drop into an article folder by mistake; named in the error message.
_MAGIC = (
    (b"%PDF", "PDF"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"PK\x03\x04", "a ZIP archive: .docx, .xlsx or .zip"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xd0\xcf\x11\xe0", "MS Office document"),
    (b"\x7fELF", "executable"),
    (b"SQLite format 3", "SQLite database"),
)
# Documents whose text a user can save as an article (named in a hint).
_DOCUMENTS = {"PDF", "a ZIP archive: .docx, .xlsx or .zip", "MS Office document"}
# Share of replaced bytes under which a UTF-8 file is still read as UTF-8.
_STRAY_BYTES = 0.005
_HIGH_BYTES = bytes(range(0x80, 0x100))
_CONTROL_BYTES = bytes(sorted(set(range(32)) - {9, 10, 12, 13, 27}))


def decode_bytes(data: bytes, *, path: str | None = None) -> tuple[str, str]:
    """Decode an article's bytes; returns ``(text, encoding)`` or raises InputError.

    >>> decode_bytes("Le café de la gare a rouvert lundi.".encode("latin-1"))
    ('Le café de la gare a rouvert lundi.', 'cp1252')
    """
    if not data.strip():
        raise InputError("file is empty", path=path)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                raise InputError(
                    f"starts with a {encoding} byte-order mark but is not {encoding}", path=path
                ) from None
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            hint = "; save it as .txt or .html" if kind in _DOCUMENTS else ""
            raise InputError(f"binary file ({kind}), not an article{hint}", path=path)
    head = data[:8192]
    if b"\x00" in head:
        # UTF-16 without a BOM: every other byte is NUL in Latin-script text.
        utf16 = _try_utf16(data)
        if utf16 is not None:
            return utf16
        raise InputError("binary file, not an article", path=path)
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if controls > max(8, len(head) // 50):
        raise InputError("binary file, not an article", path=path)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 127) - bad
    if bad <= max(3, int(len(data) * _STRAY_BYTES)) and good >= 2 * bad:
        return text, "utf-8 (stray bytes replaced)"
    ascii_share = len(data.translate(None, _HIGH_BYTES)) / len(data)
    if ascii_share >= 0.9:
        # Mostly-English text with a few accented letters or smart quotes: the Windows Latin
        # code page is by far the likeliest, and short samples defeat statistical detection.
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    return _guess(data, path)


def _try_utf16(data: bytes) -> tuple[str, str] | None:
    even, odd = data[0:4096:2], data[1:4096:2]
    encoding = (
        "utf-16-le"
        if odd.count(0) > 0.4 * len(odd)
        else "utf-16-be"
        if even.count(0) > 0.4 * len(even)
        else None
    )
    if encoding is None:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return (text, encoding) if _looks_like_text(text) else None


def _looks_like_text(text: str) -> bool:
    """Mostly printable characters with some letters (not bytes forced through a codec)."""
    sample = text[:4096]
    printable = sum(1 for ch in sample if ch.isprintable() or ch in "\n\r\t")
    letters = sum(1 for ch in sample if ch.isalpha())
    return printable >= 0.97 * len(sample) and letters >= 0.3 * len(sample.strip() or "x")


def _guess(data: bytes, path: str | None) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError("cannot decode: no character encoding fits the bytes", path=path)
    text = str(best)
    if not text.strip():
        raise InputError("file is empty once decoded", path=path)
    if not _looks_like_text(text):
        raise InputError("binary file, not an article", path=path)
    return text, best.encoding
