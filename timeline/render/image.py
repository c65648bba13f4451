"""Optional static export of the timeline chart (PNG, SVG, PDF) through kaleido.

kaleido v1 drives a local Chrome or Chromium; nothing is downloaded: we point it at the
browser on this machine (``$BROWSER_PATH``, else chromium / google-chrome on the PATH) and
switch MathJax off (kaleido would otherwise fetch it from a CDN). kaleido itself is an optional
dependency (``pip install 'timeline[image]'``); without it, or without a browser, export fails
with one clear TimelineError and the other outputs are unaffected.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

from timeline.errors import TimelineError
from timeline.models import Chronology
from timeline.render.figure import build_figure

IMAGE_FORMATS = ("png", "svg", "pdf")
_BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")


def find_browser() -> str | None:
    """Path of a Chrome/Chromium kaleido can drive: ``$BROWSER_PATH`` first, then the PATH.

    >>> find_browser() is None or Path(find_browser()).name != ""
    True
    """
    env = os.environ.get("BROWSER_PATH")
    if env and Path(env).is_file():
        return env
    return next((p for p in map(shutil.which, _BROWSERS) if p), None)


def image_available() -> bool:
    """True when kaleido is installed and a browser was found (image export can work).

    >>> isinstance(image_available(), bool)
    True
    """
    try:
        import kaleido  # noqa: F401
    except ImportError:
        return False
    return find_browser() is not None


def static_figure(chronology: Chronology, *, title: str | None = None) -> dict[str, Any]:
    """The chart as a static image wants it: a title, no zoom buttons, no "click" hint, and
    margins that automargin fits exactly (no hurry here) instead of the page's estimates.

    >>> static_figure(Chronology())["layout"]["title"]["text"]
    'Timeline of claims'
    """
    figure = build_figure(chronology, title=title or "Timeline of claims")
    layout = figure["layout"]
    layout["legend"]["title"]["text"] = "<b>First reported by</b>"
    layout["margin"].update(l=24, r=24, b=40)
    return figure


def write_image(
    chronology: Chronology,
    path: str | Path,
    *,
    format: str | None = None,
    width: int = 1400,
    scale: float = 1.0,
    title: str | None = None,
    timeout: float = 90,
) -> Path:
    """Write the timeline chart as a PNG, SVG or PDF (from ``format`` or the file suffix).

    >>> write_image(chronology, "out/timeline.png")  # doctest: +SKIP
    PosixPath('out/timeline.png')
    """
    target = Path(path)
    kind = (format or target.suffix.lstrip(".") or "png").lower()
    if kind not in IMAGE_FORMATS:
        raise TimelineError(
            f"cannot export an image as {kind!r} (use one of {', '.join(IMAGE_FORMATS)})",
            path=str(target),
        )
    try:
        import kaleido
    except ImportError:
        raise TimelineError(
            "image export needs kaleido: pip install 'timeline[image]' (or pip install kaleido)",
            path=str(target),
        ) from None
    browser = find_browser()
    if browser is None:
        raise TimelineError(
            "image export needs Chrome or Chromium (set BROWSER_PATH, or install Debian's "
            "chromium: scripts/setup-browser.sh)",
            path=str(target),
        )
    figure = static_figure(chronology, title=title)
    height = int(figure["layout"]["height"])
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        kaleido.write_fig_sync(
            figure,
            path=str(target),
            opts={"format": kind, "width": width, "height": height, "scale": scale},
            kopts={"mathjax": False, "path": browser, "timeout": timeout},
        )
    except Exception as exc:  # kaleido/choreographer raise many types; one line for the user
        raise TimelineError(
            f"image export failed ({type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else 'no detail'})",
            path=str(target),
        ) from exc
    if not target.is_file():
        raise TimelineError("image export wrote nothing", path=str(target))
    return target
