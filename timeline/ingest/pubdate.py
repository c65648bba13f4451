"""Publication date cascade: manifest > metadata > dateline > inference (skeleton)."""

from __future__ import annotations

from timeline.models import Document


def date_documents(documents: list[Document]) -> None:
    """Fill ``published`` on every document that the manifest did not date."""
    return None
