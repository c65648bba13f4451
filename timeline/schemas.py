"""JSON Schemas of the public models, written to ``schemas/`` (``make schemas``).

A test regenerates them in memory and fails when the committed files drift from the models.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pydantic import BaseModel

from timeline.models import Chronology, Claim, Event, Mention, Source

PUBLIC_MODELS: dict[str, type[BaseModel]] = {
    "mention": Mention,
    "source": Source,
    "claim": Claim,
    "event": Event,
    "chronology": Chronology,
}


def schema_texts() -> dict[str, str]:
    """File name -> JSON Schema text, for every public model."""
    return {
        f"{name}.schema.json": json.dumps(model.model_json_schema(), indent=2, sort_keys=True)
        + "\n"
        for name, model in PUBLIC_MODELS.items()
    }


def write_schemas(folder: str | Path) -> list[Path]:
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_texts().items():
        (out / name).write_text(text, encoding="utf-8")
        written.append(out / name)
    return written


if __name__ == "__main__":
    for path in write_schemas(sys.argv[1] if len(sys.argv) > 1 else "schemas"):
        print(path)
