"""Capitalized names an article uses for places, so that "he" or "her" never stands for one.

"Washington's appointment", "North Carolina's term", "Germany": a place looks like a person's
name to :func:`timeline.claims.labels.person_names` when it stands alone with a possessive or a
verb. Two sources tell places apart, read over the whole article:

* a small table of countries, US states, provinces, capitals and regions
  (``resources/places.txt``), unless the article itself names a person with the word ("George
  Washington", "Mr. Jordan");
* what the article says around a name: "the state of X", "X's highest court", "X's
  congressional delegation", "the X mayor", "X-based", "in X" or "from X" (when nothing in the
  article says X is a person: "X said", "Mr. X", "X, who").
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

_NAME = r"(?:[A-Z][a-z]+(?:[-’'][A-Z][a-z]+)?(?:\s+(?:of\s+)?[A-Z][a-z]+){0,2})"
# "the state of Tarvia", "the city of Bayport": the name of a place, said so.
_PLACE_OF = re.compile(
    rf"\b(?:state|city|town|village|province|county|republic|island|region|district|kingdom"
    rf"|capital|country|nation|people|residents|citizens|governor|mayor)\s+of\s+({_NAME})\b"
)
# "Tarvia's highest court", "Tarvia's congressional delegation": what only a place has.
_PLACE_NOUNS = (
    r"(?:highest\s+|supreme\s+|top\s+|state\s+|appeals\s+)?court|congressional\s+delegation"
    r"|delegation|capital|governor|legislature|parliament|economy|population|residents"
    r"|citizens|borders?|coast(?:line)?|mayor|premier|counties|cities|towns|villages|provinces"
    r"|regions|suburbs|streets|hospitals|schools|voters|electorate|airports?|ports?|harbou?r"
    r"|territory|countryside|coronavirus|outbreak"
)
_POSSESSIVE_PLACE = re.compile(rf"\b({_NAME})['’]s\s+(?:[a-z]+\s+)?(?:{_PLACE_NOUNS})\b")
# "the Tarvia mayor", "Bayport residents", "a Bayport-based firm", "Tarvia state".
_NAME_BEFORE_NOUN = re.compile(
    rf"\b({_NAME})(?:-based|\s+(?:mayor|governor|legislature|residents|natives?|state|city"
    rf"|county|province)\b)"
)
# "in Tarvia", "from Bayport": a place, unless the article says the name is a person's.
_LOCATIVE = re.compile(rf"\b(?:in|from)\s+({_NAME})(?!['’]s|[-’'\w])")
_HONORIFIC = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Gov|Sen|Rep|Gen|Prof|Judge|President|Minister|Secretary|Mayor|Governor"
    r"|Senator|Officer|Justice)\.?\s+$"
)
_PERSON_AFTER = re.compile(r"^(?:,\s+(?:who|whose)\b|\s+(?:said|says|told|tells|wrote|asked)\b)")
_RUN = re.compile(r"(?<![\w.])([A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)*)")
# Words before a place that make no person of it: "West Virginia", and a capitalized word
# that opens a sentence ("In Washington, ...", "But Georgia said").
_QUALIFIERS = frozenset(
    [
        "North",
        "South",
        "East",
        "West",
        "Northern",
        "Southern",
        "Eastern",
        "Western",
        "Central",
        "New",
        "Upper",
        "Lower",
        "Greater",
        "Old",
        "Great",
        "Little",
        "Saint",
        "St",
        "Equatorial",
        "Metro",
        "Downtown",
        "Rural",
        "Urban",
        "Coastal",
        "The",
        "In",
        "At",
        "On",
        "From",
        "For",
        "By",
        "To",
        "And",
        "But",
        "Or",
        "As",
        "Of",
        "With",
        "After",
        "Before",
        "When",
        "While",
        "If",
        "Since",
        "Across",
        "Near",
        "Inside",
        "Outside",
        "Like",
        "Unlike",
        "About",
        "This",
        "That",
        "These",
        "Those",
        "Many",
        "Most",
        "Some",
        "Both",
        "All",
        "Each",
        "Meanwhile",
        "However",
        "Also",
        "Then",
        "Here",
        "There",
        "Why",
        "What",
        "How",
        "Where",
        "Even",
        "Only",
        "Now",
        "Today",
        "Throughout",
        "Around",
        "Under",
        "Over",
        "Between",
        "Within",
        "Without",
        "Against",
        "Beyond",
        "Toward",
        "Towards",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
)


@lru_cache(maxsize=1)
def known_places() -> frozenset[str]:
    """Names of the table ``resources/places.txt``.

    >>> "North Carolina" in known_places(), "Ana Ruiz" in known_places()
    (True, False)
    """
    text = resources.files("timeline.claims").joinpath("resources", "places.txt").read_text("utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


@lru_cache(maxsize=4)
def place_names(text: str) -> frozenset[str]:
    """The capitalized names ``text`` uses for places (see the module's docstring).

    >>> sorted(place_names("Ivo Marek flew home from Tarvia. Georgia's coast was calm."))
    ['Georgia', 'Tarvia']
    >>> "Washington" in place_names("George Washington crossed the river.")
    False
    """
    runs = [(m, m.group(1).split()) for m in _RUN.finditer(text)]
    known = known_places()
    found = {
        " ".join(words[i:j])
        for _, words in runs
        for i in range(len(words))
        for j in range(i + 1, min(len(words), i + 3) + 1)
        if " ".join(words[i:j]) in known
    }
    strong: set[str] = set()
    for pattern in (_PLACE_OF, _POSSESSIVE_PLACE, _NAME_BEFORE_NOUN):
        strong.update(m.group(1) for m in pattern.finditer(text))
    weak = {m.group(1) for m in _LOCATIVE.finditer(text)} - strong - found
    places = found | strong | weak
    # The article's own people: a name after an honorific, before "said" (for names the table
    # does not hold), or the last word of a longer name ("George Washington").
    people: set[str] = set()
    for m, words in runs:
        run = " ".join(words)
        for n in range(len(words)):
            tail = " ".join(words[n:])
            if tail not in places:
                continue
            head = words[n - 1] if n else ""
            if n and _verb_form(head):
                continue  # "Recognizing Germany ...", a heading: a verb, no first name
            if n and head not in _QUALIFIERS and " ".join(words[: n + 1]) not in known:
                if words[0] not in _QUALIFIERS and run not in places:
                    people.add(tail)  # "George Washington", not "West Virginia"
            elif n == 0 and _HONORIFIC.search(text, max(0, m.start() - 12), m.start()):
                people.add(tail)  # "Mr. Jordan"
            elif n == 0 and tail in weak and _PERSON_AFTER.match(text, m.end()):
                people.add(tail)  # "in Marren ... Marren said": a person after all
    return frozenset(places - people)


def _verb_form(word: str) -> bool:
    """Is the capitalized ``word`` a verb's -ing or -ed form ("Recognizing", "Visited"), not a
    first name ("Sterling", "Mohamed")?

    >>> _verb_form("Recognizing"), _verb_form("Sterling"), _verb_form("Mohamed")
    (True, False, False)
    """
    import simplemma

    lower = word.lower()
    if len(lower) <= 5 or not lower.endswith(("ing", "ed")):
        return False
    lemma = simplemma.lemmatize(lower, lang="en")  # "Mohamed" for "mohamed": a name
    return lemma != lower and lemma.islower() and simplemma.is_known(lemma, lang="en")


__all__ = ["known_places", "place_names"]
