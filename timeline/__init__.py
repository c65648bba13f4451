"""timeline: claim-timeline reconstruction from news articles.

>>> from timeline import resolve, build

``resolve`` and ``build`` are imported on first use, so ``timeline --help`` and
``timeline resolve`` start without loading the clustering stack (scikit-learn, pandas).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["__version__", "build", "resolve"]

if TYPE_CHECKING:
    from timeline.pipeline import build
    from timeline.temporal import resolve


def __getattr__(name: str) -> Any:
    if name == "build":
        from timeline.pipeline import build

        return build
    if name == "resolve":
        from timeline.temporal import resolve

        return resolve
    raise AttributeError(f"module 'timeline' has no attribute {name!r}")
