"""Every endpoint of the HTTP service, and every error it can answer, through a TestClient."""

from __future__ import annotations

import gzip
import io
import json
import logging

import pytest
from sqlalchemy.exc import OperationalError

from tests.outputs import check_outputs
from tests.service.live import AUTH, TOKEN, article
from timeline.ingest.readers import document_from_record
from timeline.pipeline import document_claims
from timeline.service import app as app_module
from timeline.service import cache as cache_module
from timeline.service.storage import Store
from timeline.temporal import resolve


def add(client, cid: str, payload: dict, status: int = 201) -> dict:
    response = client.post(f"/api/collections/{cid}/documents", json=payload, headers=AUTH)
    assert response.status_code == status, response.text
    return response.json()


def assert_error(response, status: int, *fields: str) -> dict:
    """An error answer: the status, our JSON shape, a request id, the fields named, no trace."""
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"detail", "errors", "request_id"}
    assert body["detail"] and "\n" not in body["detail"]
    assert body["request_id"] == response.headers["x-request-id"]
    assert "Traceback" not in response.text
    named = {e["field"] for e in body["errors"]}
    for field in fields:
        assert field in named, f"{field} not among {named}"
    return body


# -- service ----------------------------------------------------------------------------------


def test_healthz_reports_the_database(client, db_url):
    body = client.get("/healthz").json()
    assert body["status"] == "ok"
    assert body["database"] == db_url.split(":")[0].split("+")[0]


def test_healthz_is_503_when_the_database_is_gone(client, app, monkeypatch):
    def broken() -> None:
        raise OperationalError("SELECT 1", {}, Exception("server closed the connection"))

    monkeypatch.setattr(app.state.ctx.store, "ping", broken)
    assert_error(client.get("/healthz"), 503)


def test_openapi_lists_every_endpoint_and_the_docs_page_loads(client):
    schema = client.get("/openapi.json").json()
    paths = schema["paths"]
    for path, methods in {
        "/healthz": {"get"},
        "/api/collections": {"get", "post"},
        "/api/collections/{collection_id}": {"get", "patch", "delete"},
        "/api/collections/{collection_id}/documents": {"get", "post"},
        "/api/collections/{collection_id}/documents/{document_id}": {"get"},
        "/api/collections/{collection_id}/chronology": {"get"},
        "/api/collections/{collection_id}/chronology.csv": {"get"},
        "/api/collections/{collection_id}/audit": {"get"},
        "/api/collections/{collection_id}/audit.csv": {"get"},
        "/api/collections/{collection_id}/timeline": {"get"},
        "/api/resolve": {"post"},
    }.items():
        assert methods <= set(paths[path]), path
    body = paths["/api/collections/{collection_id}/documents"]["post"]["requestBody"]
    assert {"application/json", "multipart/form-data"} <= set(body["content"])
    # The shared models are the API's models.
    assert {"Chronology", "Source", "Claim", "Event", "Mention", "DocumentIn"} <= set(
        schema["components"]["schemas"]
    )
    assert "swagger" in client.get("/docs").text.lower()


def test_request_id_is_echoed_when_sane_and_replaced_otherwise(client):
    assert client.get("/healthz", headers={"X-Request-ID": "abc-123"}).headers["x-request-id"] == (
        "abc-123"
    )
    replaced = client.get("/healthz", headers={"X-Request-ID": "no spaces <allowed>"})
    assert replaced.headers["x-request-id"] != "no spaces <allowed>"
    assert len(replaced.headers["x-request-id"]) == 16


def test_unknown_route_and_method_are_json_errors(client):
    assert_error(client.get("/api/nope"), 404)
    assert_error(client.put("/api/collections"), 405)


# -- tokens -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"}],
    ids=["none", "wrong", "not-bearer"],
)
def test_writes_need_the_token(client, collection, headers):
    for response in (
        client.post("/api/collections", json={"name": "x"}, headers=headers),
        client.patch(f"/api/collections/{collection}", json={"public": True}, headers=headers),
        client.delete(f"/api/collections/{collection}", headers=headers),
        client.post(f"/api/collections/{collection}/documents", json=article(1), headers=headers),
    ):
        assert_error(response, 401)
        assert response.headers["www-authenticate"] == "Bearer"
    # Nothing was written.
    assert client.get(f"/api/collections/{collection}", headers=AUTH).json()["documents"] == 0


def test_generated_token_is_printed_once_and_stored_only_as_a_hash(tmp_path, monkeypatch):
    from fastapi.testclient import TestClient

    from timeline.service import create_app

    monkeypatch.delenv("TIMELINE_TOKEN", raising=False)
    db = tmp_path / "t.db"
    first = create_app(f"sqlite:///{db}")
    token = first.state.generated_token
    assert token and len(token) >= 32
    with TestClient(first) as client:
        ok = client.post(
            "/api/collections", json={"name": "a"}, headers={"Authorization": f"Bearer {token}"}
        )
        assert ok.status_code == 201
    again = create_app(f"sqlite:///{db}")
    assert again.state.generated_token is None  # shown once only
    with TestClient(again) as client:
        listed = client.get("/api/collections", headers={"Authorization": f"Bearer {token}"})
        assert [c["name"] for c in listed.json()] == ["a"]
    for path in tmp_path.iterdir():
        assert token.encode() not in path.read_bytes(), f"the token is stored in {path.name}"


def test_serve_prints_the_generated_token_once(tmp_path, monkeypatch, capsys):
    import uvicorn

    from timeline.service import run

    served = []
    monkeypatch.delenv("TIMELINE_TOKEN", raising=False)
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: served.append(options))
    db = f"sqlite:///{tmp_path / 't.db'}"
    run(db=db, port=8123)
    first = capsys.readouterr().err
    run(db=db, port=8123)
    second = capsys.readouterr().err
    assert [o["port"] for o in served] == [8123, 8123]
    token = next(line.strip() for line in first.splitlines()[1:] if line.strip())
    assert len(token) >= 32 and token not in second
    assert "generated the write token" in first and "TIMELINE_TOKEN" in second
    # With TIMELINE_TOKEN set, that token is the one: no word of a printed one.
    monkeypatch.setenv("TIMELINE_TOKEN", "s3cret")
    run(db=db, port=8123)
    third = capsys.readouterr().err
    assert "token printed" not in third and "generated" not in third, third


def test_timeline_token_environment_variable_is_the_token(tmp_path, monkeypatch):
    from fastapi.testclient import TestClient

    from timeline.service import create_app

    monkeypatch.setenv("TIMELINE_TOKEN", "from-env")
    app = create_app(f"sqlite:///{tmp_path / 't.db'}")
    assert app.state.generated_token is None
    with TestClient(app) as client:
        headers = {"Authorization": "Bearer from-env"}
        assert client.post("/api/collections", json={}, headers=headers).status_code == 201
        assert client.post("/api/collections", json={}, headers=AUTH).status_code == 401


# -- collections ------------------------------------------------------------------------------


def test_create_list_get_collections(client):
    response = client.post(
        "/api/collections", json={"name": "Boston", "public": True}, headers=AUTH
    )
    assert response.status_code == 201
    created = response.json()
    assert response.headers["location"] == f"/api/collections/{created['id']}"
    assert created["name"] == "Boston" and created["public"] and created["documents"] == 0
    assert created["links"]["chronology"].endswith(f"/{created['id']}/chronology")
    private = client.post("/api/collections", json={}, headers=AUTH).json()
    assert private["name"] == private["id"] and not private["public"]

    everything = client.get("/api/collections", headers=AUTH).json()
    assert [c["id"] for c in everything] == [created["id"], private["id"]]
    anonymous = client.get("/api/collections").json()
    assert [c["id"] for c in anonymous] == [created["id"]]

    assert client.get(f"/api/collections/{created['id']}").json() == created
    assert_error(client.get(f"/api/collections/{private['id']}"), 401)
    assert client.get(f"/api/collections/{private['id']}", headers=AUTH).status_code == 200


def test_collection_errors(client, collection):
    assert_error(client.get("/api/collections/doesnotexist"), 404)
    assert_error(client.get("/api/collections/..%2F..%2Fetc"), 404)
    assert_error(client.post("/api/collections", json={"nmae": "x"}, headers=AUTH), 422, "nmae")
    assert_error(
        client.post("/api/collections", json={"public": "maybe"}, headers=AUTH), 422, "public"
    )
    assert_error(
        client.post("/api/collections", json={"name": "x" * 201}, headers=AUTH), 422, "name"
    )
    assert_error(
        client.post(
            "/api/collections",
            content=b"{not json",
            headers=AUTH | {"Content-Type": "application/json"},
        ),
        422,
    )
    assert_error(client.patch("/api/collections/nope", json={"public": True}, headers=AUTH), 404)
    assert_error(
        client.patch(f"/api/collections/{collection}", json={"name": ""}, headers=AUTH), 422, "name"
    )


def test_patch_makes_a_collection_public_and_private_again(client, collection):
    assert_error(client.get(f"/api/collections/{collection}/chronology"), 401)
    patched = client.patch(f"/api/collections/{collection}", json={"public": True}, headers=AUTH)
    assert patched.status_code == 200 and patched.json()["public"] is True
    assert client.get(f"/api/collections/{collection}/chronology").status_code == 200
    client.patch(
        f"/api/collections/{collection}", json={"name": "renamed", "public": False}, headers=AUTH
    )
    assert_error(client.get(f"/api/collections/{collection}/chronology"), 401)
    assert client.get(f"/api/collections/{collection}", headers=AUTH).json()["name"] == "renamed"


def test_delete_removes_the_collection_its_documents_and_claims(client, app, collection):
    for n in range(3):
        add(client, collection, article(n))
    assert client.get(f"/api/collections/{collection}/chronology", headers=AUTH).status_code == 200
    assert client.delete(f"/api/collections/{collection}", headers=AUTH).status_code == 204
    assert_error(client.get(f"/api/collections/{collection}", headers=AUTH), 404)
    assert_error(client.get(f"/api/collections/{collection}/chronology", headers=AUTH), 404)
    assert_error(client.delete(f"/api/collections/{collection}", headers=AUTH), 404)
    store = app.state.ctx.store
    with store.read_session() as session:
        from sqlalchemy import func, select

        from timeline.service.storage import ClaimRow, DocumentRow

        assert session.scalar(select(func.count()).select_from(DocumentRow)) == 0
        assert session.scalar(select(func.count()).select_from(ClaimRow)) == 0
    assert store.check() == []


def test_names_are_data_not_sql(client):
    name = "x'); DROP TABLE documents; --"
    created = client.post("/api/collections", json={"name": name}, headers=AUTH).json()
    assert client.get(f"/api/collections/{created['id']}", headers=AUTH).json()["name"] == name
    add(client, created["id"], article(1))


# -- documents --------------------------------------------------------------------------------


def test_add_document_stores_what_the_pipeline_produces(client, collection):
    payload = article(7)
    created = add(client, collection, payload)
    assert created["seq"] == 1
    assert created["source"]["published"] == "2013-04-08"
    assert created["source"]["outlet"] == "Outlet 2"
    document = document_from_record(payload, source_id=created["id"], path=created["id"])
    expected = document_claims(document)
    assert expected, "the synthetic article should yield claims"
    detail = client.get(f"/api/collections/{collection}/documents/{created['id']}", headers=AUTH)
    assert detail.status_code == 200
    body = detail.json()
    assert body["text"] == payload["text"]
    assert body["claim_count"] == len(expected)
    assert body["claims"] == [c.model_dump() for c in expected]


def test_scraper_field_names_are_read_as_in_jsonl_files(client, collection):
    record = {
        "maintext": "The ferry resumed service on Friday, the port authority said.",
        "date_publish": "2021-03-05 09:30:00",
        "source_domain": "harbour-news.example",
        "headline": "Ferry back",
    }
    created = add(client, collection, record)
    assert created["source"]["published"].startswith("2021-03-05")
    assert created["source"]["outlet"] == "harbour-news.example"
    detail = client.get(f"/api/collections/{collection}/documents/{created['id']}", headers=AUTH)
    assert detail.json()["text"] == record["maintext"]
    # Our own name wins over an alias given beside it, as in files.
    both = add(client, collection, {"text": "Rain fell on Monday.", "content": "Snow."})
    detail = client.get(f"/api/collections/{collection}/documents/{both['id']}", headers=AUTH)
    assert detail.json()["text"] == "Rain fell on Monday."


def test_the_same_post_twice_is_200_with_the_stored_document(client, collection):
    first = add(client, collection, article(1), status=201)
    again = add(client, collection, article(1), status=200)
    assert again == first
    assert client.get(f"/api/collections/{collection}", headers=AUTH).json()["documents"] == 1
    # The same text from another outlet on another day is another source (a copy).
    copy = add(client, collection, {**article(1), "source": "Elsewhere", "published": "2013-04-09"})
    assert copy["id"] != first["id"] and copy["seq"] == 2
    # Same content in another collection is a new document there.
    other = client.post("/api/collections", json={}, headers=AUTH).json()["id"]
    add(client, other, article(1), status=201)


def test_source_ids_are_made_unique(client, collection):
    a = add(client, collection, {**article(1), "id": "wire"})
    b = add(client, collection, {**article(2), "id": "wire"})
    c = add(client, collection, article(3))
    assert (a["id"], b["id"]) == ("wire", "wire-2")
    assert c["id"] == c["content_hash"][:12]


def test_upload_a_file_with_form_fields(client, collection):
    data = article(4)["text"].encode()
    response = client.post(
        f"/api/collections/{collection}/documents",
        files={"file": ("reuters story.txt", io.BytesIO(data), "text/plain")},
        data={"published": "2013-04-23", "source": "Reuters"},
        headers=AUTH,
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["id"] == "reuters-story"
    assert body["source"]["outlet"] == "Reuters"
    assert body["source"]["published"].startswith("2013-04-23")
    assert response.headers["location"].endswith(f"/documents/{body['id']}")
    # Uploading it again (a retry) finds the stored document.
    again = client.post(
        f"/api/collections/{collection}/documents",
        files={"file": ("reuters story.txt", io.BytesIO(data), "text/plain")},
        data={"published": "2013-04-23", "source": "Reuters"},
        headers=AUTH,
    )
    assert again.status_code == 200 and again.json() == body


PAGE = """<html><head><title>Bridge closes for repairs - Riverside Gazette</title>
<meta property="article:published_time" content="2013-04-22T09:00:00Z"></head>
<body><nav>Home | News | Sport</nav><article><h1>Bridge closes for repairs</h1>
<p>The county council closed the old river bridge on Monday after inspectors found cracks in
two of its piers, a spokeswoman said.</p>
<p>Repairs began in March 2012 and were expected to end in 2014, according to the council's
own schedule published last year.</p></article>
<footer>Copyright 2013 Riverside Gazette</footer></body></html>"""


@pytest.mark.parametrize("how", ["json", "upload"])
def test_html_pages_are_read_like_the_cli_reads_them(client, collection, how):
    url = f"/api/collections/{collection}/documents"
    if how == "json":
        response = client.post(url, json={"html": PAGE}, headers=AUTH)
    else:
        files = {"file": ("bridge.html", PAGE.encode(), "text/html")}
        response = client.post(url, files=files, headers=AUTH)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["source"]["title"] == "Bridge closes for repairs"
    assert body["source"]["published"].startswith("2013-04-22")
    detail = client.get(f"{url}/{body['id']}", headers=AUTH).json()
    assert "Home | News" not in detail["text"], "the page's furniture is not article text"
    assert "2012-03" in {c["value"] for c in detail["claims"]}, "March 2012 is in the article"


def test_upload_decodes_legacy_encodings(client, collection):
    text = (
        "Le conseil s'est réuni lundi, a déclaré le maire. Les travaux ont commencé en mars 2012."
    )
    response = client.post(
        f"/api/collections/{collection}/documents",
        files={"file": ("fr.txt", text.encode("latin-1"), "text/plain")},
        headers=AUTH,
    )
    assert response.status_code == 201, response.text
    detail = client.get(f"/api/collections/{collection}/documents/fr", headers=AUTH).json()
    assert "réuni" in detail["text"]


def test_upload_errors_name_the_file_and_the_field(client, collection):
    url = f"/api/collections/{collection}/documents"
    binary = client.post(url, files={"file": ("photo.jpg", b"\xff\xd8\x00\x00JFIF")}, headers=AUTH)
    assert "photo.jpg" in assert_error(binary, 422, "file")["detail"]
    empty = client.post(url, files={"file": ("empty.txt", b"  \n")}, headers=AUTH)
    assert "empty.txt" in assert_error(empty, 422, "file")["detail"]
    no_file = client.post(
        url, data={"published": "2013-04-23"}, headers=AUTH, files={"x": ("a.txt", b"hi")}
    )
    assert_error(no_file, 422, "x")
    fields_only = client.post(url, data={"title": "t"}, headers=AUTH, files={"file": ("", b"")})
    assert fields_only.status_code in (400, 422)
    records = client.post(url, files={"file": ("feed.jsonl", b'{"text": "a"}\n')}, headers=AUTH)
    assert "feed.jsonl" in assert_error(records, 422, "file")["detail"]
    unknown = client.post(
        url,
        data={"colour": "red"},
        files={"file": ("a.txt", b"It rained on Monday.")},
        headers=AUTH,
    )
    assert_error(unknown, 422, "colour")


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({}, "body"),
        ({"text": "   "}, "body"),
        ({"text": "a", "html": "<p>b</p>"}, "body"),
        ({"text": 12}, "text"),
        ({"text": "It rained.", "published": "the other day"}, "published"),
        ({"text": "It rained.", "published": "2013-02-30"}, "published"),
        ({"text": "It rained.", "id": "../etc/passwd"}, "id"),
        ({"text": "It rained.", "colour": "red"}, "colour"),
        ({"text": "It rained.", "url": "u" * 2001}, "url"),
    ],
    ids=[
        "empty",
        "blank",
        "both",
        "number",
        "bad-date",
        "impossible-date",
        "bad-id",
        "extra",
        "long-url",
    ],
)
def test_invalid_documents_are_422_naming_the_field(client, collection, payload, field):
    response = client.post(f"/api/collections/{collection}/documents", json=payload, headers=AUTH)
    assert_error(response, 422, field)
    assert client.get(f"/api/collections/{collection}", headers=AUTH).json()["documents"] == 0


def test_documents_need_json_or_multipart(client, collection):
    response = client.post(
        f"/api/collections/{collection}/documents",
        content=b"It rained on Monday.",
        headers=AUTH | {"Content-Type": "text/plain"},
    )
    assert "multipart/form-data" in assert_error(response, 415)["detail"]
    bad_json = client.post(
        f"/api/collections/{collection}/documents",
        content=b'{"text": "unterminated',
        headers=AUTH | {"Content-Type": "application/json"},
    )
    assert_error(bad_json, 422)


def test_document_into_unknown_collection_is_404(client):
    response = client.post("/api/collections/nope/documents", json=article(1), headers=AUTH)
    assert_error(response, 404)


def test_nul_characters_are_dropped_and_lone_surrogates_refused_not_500(client, collection):
    url = f"/api/collections/{collection}/documents"
    json_headers = AUTH | {"Content-Type": "application/json"}
    raw = b'{"text": "It rained\\u0000 on Monday in Boston.", "title": "a\\u0000b"}'
    response = client.post(url, content=raw, headers=json_headers)
    assert response.status_code == 201, response.text
    assert response.json()["source"]["title"] == "ab"
    surrogate = b'{"text": "It rained on Monday \\ud800 in Boston."}'
    assert_error(client.post(url, content=surrogate, headers=json_headers), 422, "body")


def test_documents_are_paginated_in_arrival_order(client, collection):
    ids = [add(client, collection, article(n))["id"] for n in range(7)]
    url = f"/api/collections/{collection}/documents?limit=3"
    seen = []
    while url:
        page = client.get(url, headers=AUTH).json()
        assert page["total"] == 7 and page["limit"] == 3
        seen += [d["id"] for d in page["items"]]
        url = page["next"]
    assert seen == ids
    last = client.get(f"/api/collections/{collection}/documents?offset=6", headers=AUTH).json()
    assert [d["seq"] for d in last["items"]] == [7] and last["next"] is None
    beyond = client.get(f"/api/collections/{collection}/documents?offset=100", headers=AUTH).json()
    assert beyond["items"] == [] and beyond["next"] is None
    for query, field in (
        ("limit=0", "query.limit"),
        ("limit=501", "query.limit"),
        ("offset=-1", "query.offset"),
        ("offset=x", "query.offset"),
    ):
        url = f"/api/collections/{collection}/documents?{query}"
        assert_error(client.get(url, headers=AUTH), 422, field)
    assert_error(client.get(f"/api/collections/{collection}/documents"), 401)


def test_unknown_document_is_404(client, collection):
    assert_error(client.get(f"/api/collections/{collection}/documents/nope", headers=AUTH), 404)
    assert_error(client.get(f"/api/collections/{collection}/documents/..%2Fx", headers=AUTH), 404)


# -- outputs ----------------------------------------------------------------------------------


# Where the service serves each file `timeline build` writes.
OUTPUT_PATHS = {
    "chronology.json": ("/chronology", "application/json"),
    "chronology.csv": ("/chronology.csv", "*/*"),
    "audit.csv": ("/audit", "text/csv"),
    "timelinejs.json": ("/timelinejs", "application/json"),
    "timeline.html": ("/timeline", "text/html"),
}


def test_outputs_are_consistent_with_each_other_and_the_schema(client, collection, tmp_path):
    from timeline.render import OUTPUT_FILES

    missing = set(OUTPUT_FILES) - set(OUTPUT_PATHS)
    assert not missing, f"the service does not serve {missing}"
    for n in range(6):
        add(client, collection, article(n))
    base = f"/api/collections/{collection}"
    out = tmp_path / "out"
    out.mkdir()
    for name in OUTPUT_FILES:
        path, accept = OUTPUT_PATHS[name]
        response = client.get(base + path, headers=AUTH | {"Accept": accept})
        assert response.status_code == 200, response.text
        assert response.headers["x-timeline-stale"] == "false"
        assert response.headers["x-timeline-version"] == "6"
        (out / name).write_text(response.text, encoding="utf-8")
    chronology = check_outputs(out)
    assert len(chronology["sources"]) == 6
    assert chronology["events"], "six articles with dates should give events"
    audit = client.get(base + "/audit", headers=AUTH).json()
    assert [row["event_id"] for row in audit] == [e["id"] for e in chronology["events"]]


def test_csv_is_chosen_by_accept_header_or_suffix(client, collection):
    add(client, collection, article(1))
    base = f"/api/collections/{collection}"
    for path, accept in (
        ("/chronology", "text/csv"),
        ("/chronology", "application/json;q=0.5, text/csv"),
        ("/chronology.csv", "application/json"),
    ):
        response = client.get(base + path, headers=AUTH | {"Accept": accept})
        assert response.headers["content-type"].startswith("text/csv"), (path, accept)
        assert response.text.startswith("event_id,")
    for accept in ("application/json", "*/*", "text/csv;q=0.2, application/json", ""):
        response = client.get(base + "/chronology", headers=AUTH | {"Accept": accept})
        assert response.headers["content-type"] == "application/json", accept


def test_etag_gives_304_until_the_collection_changes(client, collection):
    add(client, collection, article(1))
    url = f"/api/collections/{collection}/chronology"
    first = client.get(url, headers=AUTH)
    tag = first.headers["etag"]
    assert client.get(url, headers=AUTH | {"If-None-Match": tag}).status_code == 304
    add(client, collection, article(2))
    changed = client.get(url, headers=AUTH | {"If-None-Match": tag})
    assert changed.status_code == 200 and changed.headers["etag"] != tag
    assert len(changed.json()["sources"]) == 2


def test_big_outputs_are_gzipped_when_the_client_accepts_it(client, collection):
    for n in range(5):
        add(client, collection, article(n))
    url = f"/api/collections/{collection}/chronology"
    plain = client.get(url, headers=AUTH | {"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    # httpx inflates transparently; read the raw bytes to see what went over the wire.
    with client.stream("GET", url, headers=AUTH | {"Accept-Encoding": "gzip"}) as response:
        assert response.headers["content-encoding"] == "gzip"
        raw = b"".join(response.iter_raw())
    assert len(raw) < len(plain.content)
    assert json.loads(gzip.decompress(raw)) == plain.json()


def test_public_outputs_are_readable_without_the_token(client):
    cid = client.post("/api/collections", json={"public": True}, headers=AUTH).json()["id"]
    add(client, cid, article(3))
    for path in (
        "",
        "/documents",
        "/chronology",
        "/chronology.csv",
        "/audit",
        "/audit.csv",
        "/timeline",
    ):
        assert client.get(f"/api/collections/{cid}{path}").status_code == 200, path
    page = client.get(f"/api/collections/{cid}/timeline")
    assert page.headers["content-type"].startswith("text/html")
    assert "plotly" in page.text.lower()


def test_private_outputs_need_the_token(client, collection):
    add(client, collection, article(3))
    for path in (
        "",
        "/documents",
        "/chronology",
        "/chronology.csv",
        "/audit",
        "/audit.csv",
        "/timeline",
    ):
        assert_error(client.get(f"/api/collections/{collection}{path}"), 401)
        bad = client.get(
            f"/api/collections/{collection}{path}", headers={"Authorization": "Bearer x"}
        )
        assert_error(bad, 401)


def test_adding_a_document_never_reprocesses_the_others(client, app, collection, monkeypatch):
    calls = []
    real = app_module.document_claims

    def counting(document):
        calls.append(document.source.id)
        return real(document)

    monkeypatch.setattr(app_module, "document_claims", counting)
    cache = app.state.ctx.cache
    url = f"/api/collections/{collection}/chronology"
    for n in range(5):
        add(client, collection, article(n))
    before = client.get(url, headers=AUTH).json()
    read_before, assembled_before = cache.claims_read, cache.assembled
    # Reading again changes nothing and recomputes nothing.
    assert client.get(url, headers=AUTH).json() == before
    assert (cache.claims_read, cache.assembled) == (read_before, assembled_before)

    new = add(client, collection, article(5))
    after = client.get(url, headers=AUTH).json()
    assert len(calls) == 6, "each document goes through the per-document stages exactly once"
    assert cache.claims_read - read_before == new["claim_count"], "only the new claims are read"
    assert cache.assembled == assembled_before + 1
    assert [s["id"] for s in after["sources"]] == [s["id"] for s in before["sources"]] + [new["id"]]
    # And the incremental answer is the answer from scratch.
    fresh = type(cache)(app.state.ctx.store).current(collection).snapshot
    assert json.loads(fresh.rendered("json").body) == after


def test_a_slow_refresh_serves_the_last_chronology_marked_stale(
    client, app, collection, monkeypatch
):
    import threading

    url = f"/api/collections/{collection}/chronology"
    add(client, collection, article(1))
    first = client.get(url, headers=AUTH)
    assert first.headers["x-timeline-stale"] == "false"
    cache = app.state.ctx.cache
    release = threading.Event()
    real = cache._assemble

    def slow(state):
        release.wait(30)
        return real(state)

    monkeypatch.setattr(cache, "_assemble", slow)
    add(client, collection, article(2))
    stale = client.get(url + "?wait=0.2", headers=AUTH)
    assert stale.status_code == 200
    assert stale.headers["x-timeline-stale"] == "true"
    assert (stale.headers["x-timeline-version"], stale.headers["x-timeline-latest-version"]) == (
        "1",
        "2",
    )
    assert len(stale.json()["sources"]) == 1
    release.set()
    fresh = client.get(url + "?wait=30", headers=AUTH)
    assert fresh.headers["x-timeline-stale"] == "false"
    assert len(fresh.json()["sources"]) == 2


def test_no_chronology_yet_is_a_503_with_retry_after(client, app, collection, monkeypatch):
    import threading

    release = threading.Event()
    real = app.state.ctx.cache._assemble
    monkeypatch.setattr(
        app.state.ctx.cache, "_assemble", lambda state: release.wait(30) and real(state)
    )
    add(client, collection, article(1))
    response = client.get(f"/api/collections/{collection}/timeline?wait=0", headers=AUTH)
    assert "retry" in assert_error(response, 503)["detail"]
    assert response.headers["retry-after"] == "5"
    release.set()
    assert (
        client.get(f"/api/collections/{collection}/timeline?wait=30", headers=AUTH).status_code
        == 200
    )


def test_a_failing_refresh_is_a_500_and_the_next_read_retries(client, app, collection, monkeypatch):
    add(client, collection, article(1))
    cache = app.state.ctx.cache
    real = cache._assemble
    calls = []

    def flaky(state):
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("clustering exploded")
        return real(state)

    monkeypatch.setattr(cache, "_assemble", flaky)
    url = f"/api/collections/{collection}/chronology"
    assert "clustering" not in assert_error(client.get(url, headers=AUTH), 500)["detail"]
    assert client.get(url, headers=AUTH).status_code == 200


def test_syndicated_copies_are_marked_across_requests(client, collection):
    story = article(9)
    add(client, collection, {**story, "published": "2013-04-10", "id": "original"})
    copy = {**story, "text": story["text"] + " ", "published": "2013-04-11", "id": "copy"}
    add(client, collection, copy)
    sources = {
        s["id"]: s
        for s in client.get(f"/api/collections/{collection}/chronology", headers=AUTH).json()[
            "sources"
        ]
    }
    assert sources["copy"]["syndicated_from"] == "original"
    assert sources["original"]["syndicated_from"] is None


STORY = (
    "The county council voted on Tuesday to close the Mill Lane bridge for repairs. "
    "Engineers found cracks in two of its piers during an inspection on March 3, the council's "
    "works director said, and the repairs should take until the autumn. Traders on Mill Lane "
    "said the closure would cost them customers, and the council promised a shuttle bus."
)


def test_an_undated_document_borrows_its_date_from_the_collection(
    client, app, collection, monkeypatch
):
    calls = []
    real = cache_module.document_claims

    def counting(document):
        calls.append((document.source.id, document.source.published))
        return real(document)

    monkeypatch.setattr(cache_module, "document_claims", counting)
    url = f"/api/collections/{collection}/chronology"
    add(client, collection, {"id": "original", "text": STORY, "published": "2014-04-10"})
    add(client, collection, article(1))
    assert client.get(url, headers=AUTH).status_code == 200
    assert calls == [], "every document carries its own date: no collection dating needed"

    # A copy with no date and no year in it: alone it is undated ("Tuesday" of when?).
    copy = add(client, collection, {"id": "copy", "text": "Reposted.\n\n" + STORY})
    assert copy["source"]["published_how"] in ("unknown", "inferred"), copy["source"]
    got = client.get(url, headers=AUTH).json()
    source = next(s for s in got["sources"] if s["id"] == "copy")
    assert (source["published"], source["published_how"]) == ("2014-04-10", "inferred")
    assert "original" in source["published_evidence"]
    assert calls == [("copy", "2014-04-10")], "only the re-dated document is resolved again"
    values = {c["value"] for e in got["events"] for c in e["claims"] if c["source_id"] == "copy"}
    assert "2014-04-08" in values, "its 'Tuesday' is anchored to the borrowed date"
    # What the CLI would build from the same articles, dates included.
    fresh = type(app.state.ctx.cache)(app.state.ctx.store).current(collection).snapshot
    assert json.loads(fresh.rendered("json").body) == got


def test_service_gives_the_cli_chronology_for_the_seeds(client, collection, seeds_dir):
    from timeline.pipeline import build

    expected = build([seeds_dir])
    for path in sorted(seeds_dir.glob("*.txt")):
        response = client.post(
            f"/api/collections/{collection}/documents",
            files={"file": (path.name, path.read_bytes(), "text/plain")},
            headers=AUTH,
        )
        assert response.status_code == 201, response.text
    got = client.get(f"/api/collections/{collection}/chronology", headers=AUTH).json()

    def events(chronology: list[dict]) -> list:
        return [
            (
                e["value"],
                sorted((c["source_id"], c["mention_start"], c["value"]) for c in e["claims"]),
            )
            for e in chronology
        ]

    assert events(got["events"]) == events([e.model_dump() for e in expected.events])
    assert {s["id"]: s["published"] for s in got["sources"]} == {
        s.id: s.published for s in expected.sources
    }


# -- resolve ----------------------------------------------------------------------------------


def test_resolve_matches_the_python_api_and_needs_no_token(client):
    text = "The talks ended on Monday; a new round starts in June 2014."
    response = client.post("/api/resolve", json={"text": text, "published": "2013-04-23"})
    assert response.status_code == 200
    assert response.json() == [m.model_dump() for m in resolve(text, "2013-04-23")]
    assert response.json(), "the text has time expressions"
    assert client.post("/api/resolve", json={"text": "nothing here"}).status_code == 200


def test_resolve_errors(client):
    assert_error(
        client.post("/api/resolve", json={"text": "x", "published": "soon"}), 422, "published"
    )
    assert_error(client.post("/api/resolve", json={"published": "2013-04-23"}), 422, "text")
    assert_error(client.post("/api/resolve", json={"text": ["a"]}), 422, "text")


# -- limits and failures ----------------------------------------------------------------------


def test_bodies_over_the_limit_are_413_before_being_read(client, collection):
    big = {"text": "word " * (1_100_000)}  # ~5.5 MB
    response = client.post(f"/api/collections/{collection}/documents", json=big, headers=AUTH)
    assert "5 MB" in assert_error(response, 413)["detail"]
    resolve_big = client.post("/api/resolve", json=big)
    assert_error(resolve_big, 413)


def test_streamed_bodies_are_cut_at_the_limit(db_url, monkeypatch):
    from fastapi.testclient import TestClient

    from timeline.service import create_app

    app = create_app(db_url, token=TOKEN, max_body="1KB")
    with TestClient(app) as client:
        cid = client.post("/api/collections", json={}, headers=AUTH).json()["id"]

        def chunks():
            yield b'{"text": "'
            for _ in range(40):
                yield b"x" * 100
            yield b'"}'

        # A generator body goes out chunked, without Content-Length: the count does the work.
        response = client.post(
            f"/api/collections/{cid}/documents",
            content=chunks(),
            headers=AUTH | {"Content-Type": "application/json"},
        )
        assert "1 KB" in assert_error(response, 413)["detail"]
        ok = client.post(
            f"/api/collections/{cid}/documents", json={"text": "It rained on Monday."}, headers=AUTH
        )
        assert ok.status_code == 201
    app.state.ctx.store.close()


def test_an_internal_error_is_a_json_500_without_details(client, collection, monkeypatch, caplog):
    def explode(document):
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(app_module, "document_claims", explode)
    with caplog.at_level(logging.ERROR, logger="timeline.service"):
        response = client.post(
            f"/api/collections/{collection}/documents", json=article(1), headers=AUTH
        )
    body = assert_error(response, 500)
    assert "secret" not in response.text
    assert body["request_id"] in body["detail"]
    # The details are in the log, under the same request id.
    assert any(body["request_id"] in r.getMessage() and r.exc_info for r in caplog.records)
    assert client.get(f"/api/collections/{collection}", headers=AUTH).json()["documents"] == 0


def test_a_busy_database_is_a_503_with_retry_after(client, app, collection, monkeypatch):
    def locked(*args, **kwargs):
        raise OperationalError("INSERT", {}, Exception("database is locked"))

    monkeypatch.setattr(app.state.ctx.store, "add_documents", locked)
    response = client.post(
        f"/api/collections/{collection}/documents", json=article(1), headers=AUTH
    )
    assert_error(response, 503)
    assert response.headers["retry-after"] == "1"


def test_a_broken_database_is_a_500_not_a_retry(client, app, collection, monkeypatch):
    def broken(*args, **kwargs):
        raise OperationalError("INSERT", {}, Exception("no such table: documents"))

    monkeypatch.setattr(app.state.ctx.store, "add_documents", broken)
    response = client.post(
        f"/api/collections/{collection}/documents", json=article(1), headers=AUTH
    )
    assert "no such table" not in assert_error(response, 500)["detail"]
    assert "retry-after" not in response.headers


# -- storage ----------------------------------------------------------------------------------


def test_an_in_memory_database_works_for_reads_and_writes():
    from fastapi.testclient import TestClient

    from timeline.service import create_app

    app = create_app("sqlite://", token=TOKEN)
    with TestClient(app) as client:
        cid = client.post("/api/collections", json={}, headers=AUTH).json()["id"]
        add(client, cid, article(1))
        assert client.get(f"/api/collections/{cid}", headers=AUTH).json()["documents"] == 1


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(tmp_path):
    store = Store(str(tmp_path / "plain-path.db"))
    with store.read_session() as session:
        conn = session.connection()
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    store.close()


def test_check_finds_a_half_written_document(client, app, collection):
    add(client, collection, article(1))
    store = app.state.ctx.store
    assert store.check() == []
    from sqlalchemy import delete

    from timeline.service.storage import ClaimRow

    with store.write_session() as session:
        session.execute(delete(ClaimRow))
    problems = store.check()
    assert problems and "claims stored" in problems[0]


def run_main(monkeypatch, capsys, *args: str) -> tuple[int, str, str]:
    """The real `timeline` entry point, in process (a subprocess pays seconds of imports)."""
    from timeline.cli import main

    monkeypatch.setattr("sys.argv", ["timeline", *args])
    with pytest.raises(SystemExit) as exit_info:
        main()
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


@pytest.mark.parametrize(
    ("db", "reason"),
    [
        ("nosuch://x", "unsupported database"),
        ("{tmp}/missing/x.db", "no folder"),
        ("postgresql+psycopg://nobody@127.0.0.1:1/x", "cannot open database"),
    ],
    ids=["scheme", "folder", "server"],
)
def test_bad_database_urls_are_one_line_errors(tmp_path, monkeypatch, capsys, db, reason):
    code, _, err = run_main(
        monkeypatch, capsys, "serve", "--db", db.format(tmp=tmp_path), "--port", "1"
    )
    assert code == 2, err
    assert reason in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err


def test_serve_help_explains_the_token_the_database_and_shows_curl(monkeypatch, capsys):
    code, out, _ = run_main(monkeypatch, capsys, "serve", "--help")
    assert code == 0
    text = " ".join(out.split())
    for needle in (
        "TIMELINE_TOKEN",
        "Authorization: Bearer",
        "curl",
        "postgresql+psycopg",
        "--max-body",
    ):
        assert needle in text, needle
