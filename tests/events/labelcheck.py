"""Readability checks for event labels, and their shares over the gold corpora.

A label is display text: a short event description (who did what, where), 4 to 12 words, that
starts with its subject (not a pronoun, a conjunction or a discourse adverb such as "Well:"),
does not stop mid-phrase (on "of", "the", "was", a comma, an ellipsis), and has no words glued
together by lost markup ("inRussiain"). :func:`problems` names what a label gets wrong;
``python -m tests.events.labelcheck`` prints the shares for the examples and the seeds.

The checks are written from those rules, not from the label code, so they can disagree with it.
"""

from __future__ import annotations

import re
import sys

import simplemma
import wordninja

from timeline.ingest.cleanup import normalize

PRONOUNS = {
    "he", "she", "it", "they", "his", "her", "its", "their", "him", "them", "we", "i", "our",
    "this", "these", "those",
}  # fmt: skip
LINKS = {
    "and", "but", "or", "so", "also", "then", "well", "however", "yet", "still", "now",
    "meanwhile", "moreover", "indeed", "though", "although", "because", "when", "while",
    "after", "before", "since", "that", "which", "who", "whom", "whose", "where", "nor",
    "instead", "besides", "furthermore", "thus", "hence", "therefore", "plus", "even",
}  # fmt: skip
FUNCTION_WORDS = {
    "of", "in", "on", "at", "to", "for", "with", "by", "from", "into", "about", "over", "after",
    "before", "than", "as", "under", "between", "against", "during", "without", "via", "near",
    "the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our",
    "my", "your", "some", "any", "no", "every", "and", "or", "but", "nor", "so", "yet", "if",
    "because", "while", "when", "where", "whether", "who", "which", "whose", "is", "are",
    "was", "were", "be", "been", "being", "has", "have", "had", "will", "would", "could",
    "should", "can", "may", "might", "must", "do", "does", "did", "not", "very", "more",
    "most", "less", "such", "both", "either", "neither", "also", "up",
}  # fmt: skip
AUXILIARIES = {
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "could",
    "should", "can", "may", "might", "must", "did", "does", "do",
}  # fmt: skip
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# Lost markup glues a word to the next one's capital ("theBoston", "inRussiain"): a lower-case
# run then a capital, in a token that is not itself a word ("YouTube", "PlayStation").
_GLUED_CANDIDATE = re.compile(r"[a-z]{2,}[A-Z]")


def _words(label: str) -> list[str]:
    return _WORD.findall(label)


def glued(label: str) -> list[str]:
    """Tokens of ``label`` that the normalized view splits (words glued by lost markup).

    >>> glued("During his six-month stay inRussiain 2012")
    ['inRussiain']
    """
    out = []
    for token in re.findall(r"[A-Za-z]+", label):
        if (
            _GLUED_CANDIDATE.search(token)
            and len(wordninja.split(token)) > 1
            and " " in normalize(token).text
        ):
            out.append(token)
    return out


def _verb_form(word: str) -> bool:
    """A word that reads as an inflected verb at the start of a label (lost subject)."""
    lower = word.lower()
    if lower in FUNCTION_WORDS - AUXILIARIES:
        return False
    if lower in AUXILIARIES:
        return True
    lemma = simplemma.lemmatize(lower, lang="en")
    return lemma != lower and not lower.endswith("s") and lower.endswith(("ed", "ing", "t", "n"))


def problems(label: str) -> set[str]:
    """What is wrong with ``label`` as a short event description.

    >>> sorted(problems("Well: apartment explosions in Moscow prompted Russia's second invasion"))
    ['leading link']
    >>> sorted(problems("Has left few in the Obama administration still touting the benefits of…"))
    ['ends mid-phrase', 'no subject']
    >>> sorted(problems("Police arrested the driver in Milltown"))
    []
    """
    found: set[str] = set()
    words = _words(label)
    if not words:
        return {"empty"}
    first = words[0].lower()
    if first in PRONOUNS:
        found.add("pronoun subject")
    if first in LINKS or re.match(r"^\s*[A-Za-z]+\s*:", label):
        found.add("leading link")
    elif _verb_form(words[0]):
        found.add("no subject")
    stripped = label.rstrip()
    if (
        stripped.endswith(("…", "...", ",", ";", ":", "—", "–", "-", "(", "“", "‘"))
        or words[-1].lower() in FUNCTION_WORDS
        or stripped.count("(") != stripped.count(")")
    ):
        found.add("ends mid-phrase")
    if glued(label):
        found.add("glued word")
    n = len(words)
    if n < 4:
        found.add("too short")
    elif n > 12:
        found.add("too long")
    return found


def shares(labels: list[str]) -> dict[str, float]:
    """Share of labels with each problem, and with any."""
    kinds = [
        "pronoun subject",
        "leading link",
        "no subject",
        "ends mid-phrase",
        "glued word",
        "too short",
        "too long",
    ]
    found = [problems(label) for label in labels]
    total = max(len(labels), 1)
    out = {k: round(sum(k in f for f in found) / total, 3) for k in kinds}
    out["any"] = round(sum(bool(f) for f in found) / total, 3)
    out["labels"] = len(labels)
    return out


def main() -> None:
    from tests.events.goldscore import evaluate_chronology

    all_labels: list[str] = []
    for name, dated in (("examples", True), ("seeds", True), ("seeds", False)):
        chronology = evaluate_chronology(name, with_gold_dates=dated)
        labels = [e.label for e in chronology.events]
        if dated:
            all_labels += labels
        tag = name if dated else f"{name} (end to end)"
        print(f"== {tag}: {shares(labels)}")
        if "-v" in sys.argv:
            for label in labels:
                print(f"  {sorted(problems(label))!s:40} {label}")
    print(f"== examples + seeds: {shares(all_labels)}")


if __name__ == "__main__":
    main()
