"""Fixtures for the HTTP service: a database URL per backend, an app, a client, a live server.

Every test that takes ``db_url`` runs on SQLite and, when a server answers, on PostgreSQL
(a fresh database per test session, a fresh schema per test; dropped at the end). Point
$TIMELINE_TEST_POSTGRES at another server (a SQLAlchemy URL) if needed.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator

import pytest
from sqlalchemy.engine import make_url

from tests.service.live import AUTH, TOKEN


def pytest_configure(config: pytest.Config) -> None:
    # Starlette's TestClient asks for httpx2 by a DeprecationWarning; httpx works meanwhile.
    config.addinivalue_line(
        "filterwarnings", "ignore:Using `httpx` with `starlette.testclient`:UserWarning"
    )


PG_ADMIN = os.environ.get(
    "TIMELINE_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


def _conninfo(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def pg_database() -> Iterator[str]:
    """A PostgreSQL database for this test session (skips when no server answers)."""
    psycopg = pytest.importorskip("psycopg", reason="psycopg is not installed")
    try:
        admin = psycopg.connect(_conninfo(PG_ADMIN), autocommit=True, connect_timeout=3)
    except psycopg.Error as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        pytest.skip(
            f"PostgreSQL not reachable at {make_url(PG_ADMIN).render_as_string()} ({reason}); "
            "set TIMELINE_TEST_POSTGRES to a server URL to run the PostgreSQL tests"
        )
    name = f"timeline_test_{os.getpid()}_{secrets.token_hex(3)}"
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield make_url(PG_ADMIN).set(database=name).render_as_string(hide_password=False)
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(
    params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)],
)
def db_url(request: pytest.FixtureRequest, tmp_path) -> str:
    """A fresh, empty database: a SQLite file, or a new schema in the session's PostgreSQL db."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'timeline.db'}"
    import psycopg

    base = request.getfixturevalue("pg_database")
    schema = f"t_{secrets.token_hex(5)}"
    with psycopg.connect(_conninfo(base), autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    return f"{base}?options=-csearch_path%3D{schema}"


@pytest.fixture
def app(db_url: str, monkeypatch: pytest.MonkeyPatch):
    from timeline.service import create_app

    monkeypatch.delenv("TIMELINE_TOKEN", raising=False)
    monkeypatch.delenv("TIMELINE_MAX_BODY", raising=False)
    application = create_app(db_url, token=TOKEN)
    yield application
    application.state.ctx.store.close()


@pytest.fixture
def client(app):
    from fastapi.testclient import TestClient

    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def collection(client) -> str:
    """A private collection's id."""
    response = client.post("/api/collections", json={"name": "test"}, headers=AUTH)
    assert response.status_code == 201, response.text
    return response.json()["id"]
