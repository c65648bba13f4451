"""The outlet an article's own text names, when it names one (never a guess).

A cascade, most specific first:

1. a masthead line in the head ("Harbor Wire Service"; "MOSCOW - Agence France-Presse" gives
   the agency);
2. the site's name, when the text carries its domain ("www.newsmax.com") and spells the same
   name out elsewhere ("Newsmax"): menus, promos and footers of scraped pages do both;
3. a wire agency in a dateline ("NAIROBI, Kenya (AP) _", "BRUSSELS, February 10 (Xinhua) --");
4. the holder of the last copyright line ("© Newsmax Media, Inc." -> "Newsmax Media").

HTML pages add their metadata first (og:site_name, a JSON-LD publisher): see html.py.
"""

from __future__ import annotations

import re

from timeline.ingest.cleanup import Cleaned

# Abbreviations wire datelines use, spelled out; any other agency is kept as written.
AGENCIES = {
    "AP": "Associated Press",
    "AFP": "Agence France-Presse",
    "UPI": "United Press International",
}
_PLACE_AGENCY = re.compile(r"^[A-Z][A-Z .'-]+\s+[-–—]\s+(.+)$")
_DATELINE_AGENCY = re.compile(r"\(\s*([A-Za-z][\w .&'-]{0,30}?)\s*\)\s*(?:—|–|--|-|_)")
# A lower-case letter may not follow: "www.newsmax.comFREE" (glued by lost markup) still counts.
_DOMAIN = re.compile(
    r"(?:www\.|https?://(?:www\.)?)([A-Za-z0-9][A-Za-z0-9-]{2,40})"
    r"\.(?:com|org|net|co\.uk|com\.au|ca|news|info)(?![a-z0-9-])"
)
_NAME = re.compile(r"\b[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3}")
_COPYRIGHT_HOLDER = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:copyright\s*)?(?:\d{4}\s*)?(?:[-–]\s*\d{4}\s*)?,?\s*(.+)", re.I
)
_LEGAL_SUFFIX = re.compile(
    r",?\s+(?:Inc|Incorporated|LLC|L\.L\.C|Ltd|Limited|Corp|Corporation|Co|plc|GmbH|S\.A)\.?$",
    re.I,
)


def outlet_from_text(text: str, cleaned: Cleaned) -> str | None:
    """The outlet the text names in its masthead, site furniture, dateline or copyright line.

    >>> from timeline.ingest.cleanup import clean
    >>> text = "MIAMI (AP) -- Storms hit the coast on Monday, officials said, and more are due."
    >>> outlet_from_text(text, clean(text))
    'Associated Press'
    """
    for step in (_masthead, _site_name, _dateline_agency, _copyright_holder):
        name = step(text, cleaned)
        if name:
            return name
    return None


def _masthead(text: str, cleaned: Cleaned) -> str | None:
    for start, end in cleaned.spans("masthead"):
        line = text[start:end].strip()
        agency = _PLACE_AGENCY.match(line)
        return (agency.group(1) if agency else line).strip() or None
    return None


def _site_name(text: str, cleaned: Cleaned) -> str | None:
    """A name spelled out in the text whose letters are the domain's ("www.newsmax.com" and
    "Newsmax", "bostonglobe.com" and "The Boston Globe")."""
    labels = {m.group(1).lower() for m in _DOMAIN.finditer(text)}
    if not labels:
        return None
    # Names are looked for outside the domains themselves ("Webwww.newsmax.comFREE").
    rest = _DOMAIN.sub(" ", text)
    found: dict[str, int] = {}
    for m in _NAME.finditer(rest):
        words = m.group(0).split()
        # Every run of consecutive capitalized words, "The" dropped ("The Boston Globe").
        for i in range(len(words)):
            for j in range(i + 1, len(words) + 1):
                name = " ".join(words[i:j]).rstrip(".'’")
                key = re.sub(r"[\W_]+", "", name).lower()
                if key in labels or (key.startswith("the") and key[3:] in labels):
                    found[name] = found.get(name, 0) + 1
    if not found:
        return None
    return max(found, key=lambda name: (found[name], len(name)))


def _dateline_agency(text: str, cleaned: Cleaned) -> str | None:
    for start, end in cleaned.spans("dateline"):
        m = _DATELINE_AGENCY.search(text[start:end])
        if m:
            code = m.group(1).strip()
            return AGENCIES.get(code.upper(), code)
    return None


def _copyright_holder(text: str, cleaned: Cleaned) -> str | None:
    holder = None
    for start, end in cleaned.spans("copyright"):
        m = _COPYRIGHT_HOLDER.search(text[start:end])
        if m:
            name = re.split(r"\.\s|\. *$|,? all rights", m.group(1).strip(), flags=re.I)[0]
            name = _LEGAL_SUFFIX.sub("", name.strip()).strip(" ,")
            if 2 <= len(name) <= 60:
                holder = name
    return holder
