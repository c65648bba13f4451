"""Writers: the interactive timeline page, CSV and JSON chronologies, the audit CSV, TimelineJS.

Every output has a string-returning function (used by the HTTP service) and ``write_all``
writes them all into a folder (used by the CLI). Static images of the chart (PNG/SVG/PDF)
are optional: ``write_image`` needs kaleido and a local Chrome/Chromium.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from timeline.errors import OutputError
from timeline.models import Chronology
from timeline.render.html import render_html
from timeline.render.image import IMAGE_FORMATS, image_available, write_image
from timeline.render.tables import audit_csv, chronology_csv, chronology_json
from timeline.render.timelinejs import timelinejs_json

OUTPUT_FILES = (
    "timeline.html",
    "chronology.csv",
    "chronology.json",
    "audit.csv",
    "timelinejs.json",
)

RENDERERS: dict[str, Callable[[Chronology], str]] = {
    "chronology.json": chronology_json,
    "chronology.csv": chronology_csv,
    "audit.csv": audit_csv,
    "timelinejs.json": timelinejs_json,
    "timeline.html": render_html,
}


def write_all(
    chronology: Chronology, out_dir: str | Path, *, images: Iterable[str] = ()
) -> dict[str, Path]:
    """Write every output into ``out_dir`` (created if needed); returns file name -> path.

    ``images`` adds static charts, e.g. ``("png", "svg")`` writes timeline.png and
    timeline.svg (needs kaleido and Chrome/Chromium; raises TimelineError otherwise, after
    the text outputs are written). A folder or file that cannot be written raises OutputError.

    >>> write_all(chronology, "out")["timeline.html"]  # doctest: +SKIP
    PosixPath('out/timeline.html')
    """
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise OutputError("is a file; --out takes a folder", path=str(out))
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the folder ({_reason(exc)})", path=str(out)) from exc
    written = {}
    for name, render in RENDERERS.items():
        path = out / name
        try:
            path.write_text(render(chronology), encoding="utf-8")
        except OSError as exc:
            raise OutputError(f"cannot write ({_reason(exc)})", path=str(path)) from exc
        written[name] = path
    for kind in images:
        name = f"timeline.{kind}"
        written[name] = write_image(chronology, out / name, format=kind)
    return written


def _reason(exc: OSError) -> str:
    """The OS's words for the failure, lower-cased ('permission denied'), without the path."""
    words = exc.strerror or type(exc).__name__
    return words[:1].lower() + words[1:]


__all__ = [
    "IMAGE_FORMATS",
    "OUTPUT_FILES",
    "audit_csv",
    "chronology_csv",
    "chronology_json",
    "image_available",
    "render_html",
    "timelinejs_json",
    "write_all",
    "write_image",
]
