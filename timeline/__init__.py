"""timeline: claim-timeline reconstruction from news articles.

>>> from timeline import resolve, build
"""

from timeline.pipeline import build
from timeline.temporal import resolve

__version__ = "0.1.0"
__all__ = ["__version__", "build", "resolve"]
