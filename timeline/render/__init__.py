"""Writers: the interactive timeline page, CSV and JSON chronologies, the audit CSV."""

from __future__ import annotations

from pathlib import Path

from timeline.models import Chronology
from timeline.render.html import write_html
from timeline.render.tables import write_audit_csv, write_chronology_csv, write_chronology_json

OUTPUT_FILES = ("timeline.html", "chronology.csv", "chronology.json", "audit.csv")


def write_all(chronology: Chronology, out_dir: str | Path) -> dict[str, Path]:
    """Write every output into ``out_dir`` (created if needed); returns name -> path."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = {
        "chronology.json": write_chronology_json(chronology, out / "chronology.json"),
        "chronology.csv": write_chronology_csv(chronology, out / "chronology.csv"),
        "audit.csv": write_audit_csv(chronology, out / "audit.csv"),
        "timeline.html": write_html(chronology, out / "timeline.html"),
    }
    return written
