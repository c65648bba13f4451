"""Syndicated copies and reposts (skeleton)."""

from __future__ import annotations

from timeline.models import Document


def mark_syndication(documents: list[Document]) -> None:
    """Set ``syndicated_from`` on copies of another document in the collection."""
    return None
