"""The committed JSON Schemas must match the models (run `make schemas` after changing a model)."""

from __future__ import annotations

import json

from tests.conftest import REPO
from timeline.schemas import schema_texts


def test_committed_schemas_match_models():
    for name, text in schema_texts().items():
        committed = REPO / "schemas" / name
        assert committed.is_file(), f"schemas/{name} is missing: run `make schemas`"
        assert json.loads(committed.read_text()) == json.loads(text), (
            f"schemas/{name} drifted from the models: run `make schemas`"
        )


def test_no_stray_schema_files():
    expected = set(schema_texts())
    present = {p.name for p in (REPO / "schemas").glob("*.schema.json")}
    assert present == expected
