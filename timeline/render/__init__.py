"""Writers: the interactive timeline page, CSV and JSON chronologies, the audit CSV.

Every output has a string-returning function (used by the HTTP service) and ``write_all``
writes them all into a folder (used by the CLI).
"""

from __future__ import annotations

from pathlib import Path

from timeline.models import Chronology
from timeline.render.html import render_html
from timeline.render.tables import audit_csv, chronology_csv, chronology_json

OUTPUT_FILES = ("timeline.html", "chronology.csv", "chronology.json", "audit.csv")


def write_all(chronology: Chronology, out_dir: str | Path) -> dict[str, Path]:
    """Write every output into ``out_dir`` (created if needed); returns file name -> path."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    renderers = {
        "chronology.json": chronology_json,
        "chronology.csv": chronology_csv,
        "audit.csv": audit_csv,
        "timeline.html": render_html,
    }
    written = {}
    for name, render in renderers.items():
        path = out / name
        path.write_text(render(chronology), encoding="utf-8")
        written[name] = path
    return written


__all__ = [
    "OUTPUT_FILES",
    "audit_csv",
    "chronology_csv",
    "chronology_json",
    "render_html",
    "write_all",
]
