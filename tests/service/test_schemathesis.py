"""Property tests over the OpenAPI schema (schemathesis): no 500s, answers conform to the schema.

Bounded and deterministic: a fixed number of examples per operation, derandomized. Requests
carry the token, and path ids point at real collections and documents half of the time, so the
generated cases reach the handlers instead of stopping at 401/404.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from tests.service.live import AUTH, TOKEN, article

EXAMPLES = 20


@pytest.fixture
def seeded(app):
    """The app with a public and a private collection holding a document each."""
    from fastapi.testclient import TestClient  # imported late: the warning filter applies then

    with TestClient(app) as client:
        ids = []
        for n, public in enumerate((True, False)):
            cid = client.post("/api/collections", json={"public": public}, headers=AUTH).json()[
                "id"
            ]
            doc = client.post(f"/api/collections/{cid}/documents", json=article(n), headers=AUTH)
            assert doc.status_code == 201, doc.text
            ids.append((cid, doc.json()["id"]))
    app.state.known_ids = ids
    return app


def _operations() -> list[str]:
    """Every operation in the schema, as "METHOD /path" (from an app on an in-memory db)."""
    from timeline.service import create_app

    app = create_app("sqlite://", token=TOKEN)
    labels = [
        f"{method.upper()} {path}"
        for path, methods in app.openapi()["paths"].items()
        for method in methods
    ]
    app.state.ctx.store.close()
    return labels


# One test per operation; schemathesis' own lazy-fixture mode does not run on pytest 9.
@pytest.mark.parametrize("label", _operations())
def test_api_conforms_to_its_schema(seeded, label):
    operation = schemathesis.openapi.from_asgi("/openapi.json", seeded).find_operation_by_label(
        label
    )
    assert operation is not None, label
    known = seeded.state.known_ids
    statuses: list[int] = []

    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def check(case) -> None:
        params = case.path_parameters or {}
        # Aim half of the cases at real ids (picked from the generated data: deterministic).
        if "collection_id" in params and len(str(params["collection_id"])) % 2 == 0:
            pick = known[len(str(params["collection_id"])) % len(known)]
            params["collection_id"] = pick[0]
            if "document_id" in params:
                params["document_id"] = pick[1]
        if operation.path != "/healthz":
            case.headers = {**(case.headers or {}), "Authorization": f"Bearer {TOKEN}"}
        # Every check but "schema-valid data is accepted": a schema cannot say that a date
        # must exist or that an article must not be blank, so 422s there are right.
        response = case.call_and_validate(excluded_checks=[positive_data_acceptance])
        statuses.append(response.status_code)

    check()
    # The cases must reach the handlers, not all bounce off validation or lookups.
    assert any(200 <= status < 300 for status in statuses), (label, sorted(set(statuses)))
