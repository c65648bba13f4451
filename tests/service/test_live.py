"""A real uvicorn server over loopback: concurrent clients, and kill -9 in the middle of ingest.

The promise under test: a document the server acknowledged (2xx) is stored, whole, with its
claims, whatever happens next; and nothing half-written is ever left behind.
"""

from __future__ import annotations

import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor, wait

import httpx
import pytest

from tests.service.live import AUTH, LiveServer, note
from timeline.service.api import DocumentIn
from timeline.service.app import content_hash
from timeline.service.storage import Store

pytestmark = pytest.mark.slow

# 20 clients x 25 documents by default (the suite stays fast); TIMELINE_LOAD=20x100 for more.
CLIENTS, PER_CLIENT = (int(x) for x in os.environ.get("TIMELINE_LOAD", "20x25").split("x"))
LOAD_TIMEOUT = 240  # seconds; a bound, not a speed target (the benchmark measures speed)


def stored_hashes(client: httpx.Client, cid: str) -> dict[str, int]:
    """content_hash -> claim_count of every document in the collection, through the API."""
    found: dict[str, int] = {}
    url: str | None = f"/api/collections/{cid}/documents?limit=500"
    while url:
        page = client.get(url)
        assert page.status_code == 200, page.text
        body = page.json()
        found.update({d["content_hash"]: d["claim_count"] for d in body["items"]})
        url = body["next"]
    return found


def check_database(db_url: str) -> None:
    store = Store(db_url)
    try:
        assert store.check() == []
    finally:
        store.close()


def concurrent_load(server: LiveServer, cid: str) -> dict[str, int]:
    """CLIENTS clients post PER_CLIENT documents each; returns content_hash -> claim_count."""
    acked: dict[str, int] = {}
    problems: list[str] = []
    lock = threading.Lock()

    def one_client(k: int) -> None:
        with httpx.Client(base_url=server.url, headers=AUTH, timeout=120) as client:
            for n in range(PER_CLIENT):
                payload = note(n, client=k)
                response = client.post(f"/api/collections/{cid}/documents", json=payload)
                with lock:
                    if response.status_code != 201:
                        problems.append(f"{k}/{n}: {response.status_code} {response.text}")
                        continue
                    body = response.json()
                    if body["content_hash"] != content_hash(DocumentIn(**payload)):
                        problems.append(f"{k}/{n}: acknowledged another document")
                    acked[body["content_hash"]] = body["claim_count"]

    started = time.monotonic()
    with ThreadPoolExecutor(CLIENTS) as pool:
        futures = [pool.submit(one_client, k) for k in range(CLIENTS)]
        done, pending = wait(futures, timeout=LOAD_TIMEOUT)
        assert not pending, f"load did not finish in {LOAD_TIMEOUT}s:\n{server.tail()}"
        for future in done:
            future.result()
    elapsed = time.monotonic() - started
    assert not problems, problems[:5]
    assert len(acked) == CLIENTS * PER_CLIENT
    print(f"{len(acked)} documents in {elapsed:.1f}s ({len(acked) / elapsed:.0f}/s)")
    return acked


def ingest_until_killed(server: LiveServer, cid: str, acked: dict, offset: int, kills_after: int):
    """Eight clients post new documents; the server is SIGKILLed after ``kills_after`` acks."""
    stop = threading.Event()
    lock = threading.Lock()
    in_flight_errors: list[str] = []
    cut: list[int] = []  # requests the kill cut off: proof that it hit mid-ingest

    def one_client(k: int) -> None:
        with httpx.Client(base_url=server.url, headers=AUTH, timeout=30) as client:
            n = 0
            while not stop.is_set():
                payload = note(offset + n, client=k)
                n += 1
                try:
                    response = client.post(f"/api/collections/{cid}/documents", json=payload)
                except httpx.HTTPError:
                    cut.append(k)
                    return  # the server is gone: this one was never acknowledged
                with lock:
                    if response.is_success:
                        acked[response.json()["content_hash"]] = payload
                    else:
                        in_flight_errors.append(f"{response.status_code} {response.text}")

    threads = [threading.Thread(target=one_client, args=(k,)) for k in range(8)]
    before = len(acked)
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 120
    while len(acked) - before < kills_after and time.monotonic() < deadline:
        time.sleep(0.01)
    server.kill()
    stop.set()
    for thread in threads:
        thread.join(timeout=60)
    assert len(acked) - before >= kills_after, f"ingest stalled:\n{server.tail()}"
    assert not in_flight_errors, in_flight_errors[:5]
    assert cut, "the kill should have cut requests in flight"


def test_concurrent_load_then_kill_9_loses_no_acknowledged_document(db_url, tmp_path):
    """One server (starting one costs seconds): concurrent load, then SIGKILL mid-ingest."""
    server = LiveServer(db_url, tmp_path / "server.log").start()
    try:
        with httpx.Client(base_url=server.url, headers=AUTH, timeout=30) as client:
            cid = client.post("/api/collections", json={"name": "load"}).json()["id"]
        loaded = concurrent_load(server, cid)
        with httpx.Client(base_url=server.url, headers=AUTH, timeout=120) as client:
            assert stored_hashes(client, cid) == loaded
            info = client.get(f"/api/collections/{cid}").json()
            assert info["documents"] == info["version"] == len(loaded)

        acked: dict[str, dict] = {}
        ingest_until_killed(server, cid, acked, offset=PER_CLIENT, kills_after=40)
        check_database(db_url)  # consistent before anyone touched it after the crash
        server.start()
        with httpx.Client(base_url=server.url, headers=AUTH, timeout=60) as client:
            stored = stored_hashes(client, cid)
            missing = (set(acked) | set(loaded)) - set(stored)
            assert not missing, f"{len(missing)} acknowledged documents lost"
            info = client.get(f"/api/collections/{cid}").json()
            assert info["documents"] == len(stored) == info["version"]
            # Acknowledged means known: posting one again is a 200, not a second copy.
            for payload in list(acked.values())[:3]:
                again = client.post(f"/api/collections/{cid}/documents", json=payload)
                assert again.status_code == 200
            # And the restarted server takes new documents and serves the chronology.
            fresh = client.post(f"/api/collections/{cid}/documents", json=note(1, client=99))
            assert fresh.status_code == 201
            chronology = client.get(f"/api/collections/{cid}/chronology?wait=300").json()
            assert len(chronology["sources"]) == len(stored) + 1
    finally:
        server.stop()
    check_database(db_url)
