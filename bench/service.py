"""Service benchmark (issue 7): ingest rate, and GET /chronology latency at 10,000 documents.

A real ``timeline serve`` process (SQLite file in WAL mode by default; ``--db URL`` for another
database) on loopback. The articles are bench/build.py's generated corpus (many invented stories
told by several outlets, 10 % reposts), posted as JSON with their manifest date and outlet.

Measured:

* ingest: 8 concurrent clients post every article; documents per second and POST latency;
* the first chronology read after ingest (the collection stages over every stored claim),
  then warm reads: p50/p95/max latency of GET /chronology (gzip, as browsers ask), without
  gzip, with If-None-Match (304), and with 4 concurrent readers; the sizes served;
* incrementality: one more document, then the refresh it causes. Peer, in this process: what a
  non-incremental service would redo, i.e. re-resolving every stored document (timed here on
  the same articles) on top of the same collection stages;
* the per-document pipeline alone (dating, resolution, claims), single-threaded in this process:
  the ceiling the ingest rate is compared with.

``python -m bench.run service [--quick]`` (quick: 1,000 articles), or
``python -m bench.service [--docs N] [--db URL]``.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import queue
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parent.parent
SIZE, QUICK_SIZE = 10_000, 1_000
CLIENTS = 8
TOKEN = "bench-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
TARGETS = {"chronology_p95_s": 0.5, "speedup_vs_rebuild": 2.0}


# -- the corpus ------------------------------------------------------------------------------


def payloads(folder: Path, count: int) -> list[dict[str, Any]]:
    """``count`` generated articles as API payloads (text, published, source, id)."""
    from bench.build import generate_corpus

    generate_corpus(folder, count)
    with (folder / "manifest.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return [
        {
            "text": (folder / row["path"]).read_text(encoding="utf-8"),
            "published": row["published"],
            "source": row.get("source") or None,
            "id": Path(row["path"]).stem,
        }
        for row in rows
    ]


# -- the server ------------------------------------------------------------------------------


class Server:
    def __init__(self, db: str, log: Path) -> None:
        self.db, self.log = db, log
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> Server:
        out = self.log.open("ab")
        self.process = subprocess.Popen(
            [
                *(sys.executable, "-c", "from timeline.cli import main; main()", "serve"),
                *("--db", self.db, "--port", str(self.port), "--max-body", "50MB"),
            ],
            stdout=out,
            stderr=out,
            env={**os.environ, "TIMELINE_TOKEN": TOKEN},
            cwd=REPO,
        )
        out.close()
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited: {self.log.read_text()[-2000:]}")
            try:
                if httpx.get(f"{self.url}/healthz", timeout=2).status_code == 200:
                    return self
            except httpx.HTTPError:
                time.sleep(0.2)
        raise RuntimeError("server did not start in 120 s")

    def cpu_seconds(self) -> float:
        """CPU time the server process has used so far (user + system): steady on a busy
        machine where wall-clock time is not."""
        assert self.process is not None
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def __exit__(self, *exc: object) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()


# -- measures --------------------------------------------------------------------------------


def _percentiles(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)

    def at(q: float) -> float:
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]

    return {
        "n": len(ordered),
        "p50_s": round(statistics.median(ordered), 4),
        "p95_s": round(at(0.95), 4),
        "max_s": round(ordered[-1], 4),
    }


def ingest(url: str, cid: str, docs: list[dict[str, Any]], clients: int) -> dict[str, Any]:
    todo: queue.Queue = queue.Queue()
    for doc in docs:
        todo.put(doc)
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    lock = threading.Lock()

    def client() -> None:
        with httpx.Client(base_url=url, headers=AUTH, timeout=300) as http:
            while True:
                try:
                    doc = todo.get_nowait()
                except queue.Empty:
                    return
                started = time.perf_counter()
                response = http.post(f"/api/collections/{cid}/documents", json=doc)
                elapsed = time.perf_counter() - started
                with lock:
                    latencies.append(elapsed)
                    statuses[response.status_code] = statuses.get(response.status_code, 0) + 1

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    return {
        "documents": len(docs),
        "clients": clients,
        "seconds": round(seconds, 2),
        "per_s": round(len(docs) / seconds, 1),
        "statuses": statuses,
        "post_latency": _percentiles(latencies),
    }


def _get(
    http: httpx.Client, path: str, headers: dict[str, str]
) -> tuple[float, httpx.Response, int]:
    """Time one GET to the last byte, without decoding (what a client waits for)."""
    started = time.perf_counter()
    with http.stream("GET", path, headers=headers) as response:
        raw = b"".join(response.iter_raw())
    seconds = time.perf_counter() - started
    if response.status_code not in (200, 304):
        raise RuntimeError(f"GET {path}: {response.status_code} {raw[:500]!r}")
    return seconds, response, len(raw)


def reads(url: str, cid: str, repeat: int) -> dict[str, Any]:
    path = f"/api/collections/{cid}/chronology"
    with httpx.Client(base_url=url, headers=AUTH, timeout=3600) as http:
        first_s, first, gz_size = _get(http, path + "?wait=3600", {"Accept-Encoding": "gzip"})
        etag = first.headers["etag"]
        warm = [_get(http, path, {"Accept-Encoding": "gzip"})[0] for _ in range(repeat)]
        plain_times = []
        plain_size = 0
        for _ in range(max(5, repeat // 5)):
            seconds, _, plain_size = _get(http, path, {"Accept-Encoding": "identity"})
            plain_times.append(seconds)
        not_modified = [
            _get(http, path, {"Accept-Encoding": "gzip", "If-None-Match": etag})[0]
            for _ in range(repeat)
        ]
        csv_s, _, csv_size = _get(http, path + ".csv", {"Accept-Encoding": "gzip"})
        page_s, _, page_size = _get(
            http, f"/api/collections/{cid}/timeline", {"Accept-Encoding": "gzip"}
        )
        body = http.get(path).json()
    concurrent: list[float] = []
    lock = threading.Lock()

    def reader() -> None:
        with httpx.Client(base_url=url, headers=AUTH, timeout=600) as http:
            for _ in range(max(5, repeat // 4)):
                seconds = _get(http, path, {"Accept-Encoding": "gzip"})[0]
                with lock:
                    concurrent.append(seconds)

    threads = [threading.Thread(target=reader) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {
        "sources": len(body["sources"]),
        "events": len(body["events"]),
        "claims": sum(len(e["claims"]) for e in body["events"]),
        "first_read_s": round(first_s, 2),
        "warm_gzip": _percentiles(warm),
        "warm_identity": _percentiles(plain_times),
        "not_modified_304": _percentiles(not_modified),
        "concurrent_4_readers": _percentiles(concurrent),
        "bytes_gzip": gz_size,
        "bytes_identity": plain_size,
        "csv_first_s": round(csv_s, 3),
        "csv_bytes_gzip": csv_size,
        "timeline_page_first_s": round(page_s, 3),
        "timeline_page_bytes_gzip": page_size,
    }


def one_more(url: str, cid: str, doc: dict[str, Any]) -> dict[str, Any]:
    path = f"/api/collections/{cid}/chronology"
    with httpx.Client(base_url=url, headers=AUTH, timeout=3600) as http:
        started = time.perf_counter()
        response = http.post(f"/api/collections/{cid}/documents", json=doc)
        post_s = time.perf_counter() - started
        assert response.status_code == 201, response.text
        stale_s, stale, _ = _get(http, path + "?wait=0", {"Accept-Encoding": "gzip"})
        refresh_s, fresh, _ = _get(http, path + "?wait=3600", {"Accept-Encoding": "gzip"})
    return {
        "post_s": round(post_s, 3),
        "stale_read_s": round(stale_s, 3),
        "stale_read_was_stale": stale.headers.get("x-timeline-stale") == "true",
        "refresh_s": round(refresh_s, 2),
        "fresh_version": int(fresh.headers["x-timeline-version"]),
    }


def pipeline_alone(docs: list[dict[str, Any]], sample: int) -> dict[str, Any]:
    """The per-document stages in this process, single-threaded: the ceiling for ingest."""
    from timeline.service.api import DocumentIn
    from timeline.service.app import prepare

    chosen = docs[:sample]
    prepare(DocumentIn(**chosen[0]))  # warm-up: lazy loads
    wall, cpu = time.perf_counter(), time.process_time()
    for doc in chosen:
        prepare(DocumentIn(**doc))
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    return {
        "documents": len(chosen),
        "cpu_s": round(cpu, 2),
        "per_cpu_s": round(len(chosen) / cpu, 1),
        "wall_s": round(wall, 2),
    }


def resolve_everything(docs: list[dict[str, Any]]) -> dict[str, Any]:
    """Peer: re-resolving every document, what a non-incremental refresh redoes each time."""
    from timeline.ingest.pubdate import date_documents
    from timeline.ingest.readers import document_from_record
    from timeline.pipeline import document_claims

    wall, cpu = time.perf_counter(), time.process_time()
    for doc in docs:
        record = {k: v for k, v in doc.items() if k != "id" and v is not None}
        document = document_from_record(record, source_id=doc["id"], path=doc["id"])
        date_documents([document])
        document_claims(document)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    return {"documents": len(docs), "cpu_s": round(cpu, 2), "wall_s": round(wall, 2)}


# -- the run ---------------------------------------------------------------------------------


def run(quick: bool = False, docs: int | None = None, db: str | None = None) -> dict[str, Any]:
    count = docs or (QUICK_SIZE if quick else SIZE)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        articles = payloads(folder / "articles", count + 1)
        extra, articles = articles[-1], articles[:-1]
        db_url = db or f"sqlite:///{folder / 'bench.db'}"
        with Server(db_url, folder / "server.log") as server:
            with httpx.Client(base_url=server.url, headers=AUTH, timeout=60) as http:
                cid = http.post("/api/collections", json={"name": "bench"}).json()["id"]
            cpu = server.cpu_seconds()
            ingested = ingest(server.url, cid, articles, CLIENTS)
            ingested["server_cpu_s"] = round(server.cpu_seconds() - cpu, 1)
            ingested["per_server_cpu_s"] = round(len(articles) / ingested["server_cpu_s"], 1)
            cpu = server.cpu_seconds()
            read = reads(server.url, cid, repeat=10 if quick else 50)
            read["server_cpu_s"] = round(server.cpu_seconds() - cpu, 1)
            cpu = server.cpu_seconds()
            incremental = one_more(server.url, cid, extra)
            incremental["server_cpu_s"] = round(server.cpu_seconds() - cpu, 1)
        db_bytes = sum(p.stat().st_size for p in folder.glob("bench.db*")) if db is None else None
    alone = pipeline_alone(articles, 200 if quick else 500)
    peer = resolve_everything(articles)
    # CPU seconds on both sides: steady on a shared machine, where wall-clock time is not.
    refresh_cpu = incremental["server_cpu_s"]
    rebuild_cpu = peer["cpu_s"] + refresh_cpu
    return {
        "quick": quick,
        "documents": count,
        "database": db_url.split(":")[0] if db else "sqlite (WAL, synchronous=FULL)",
        "database_bytes": db_bytes,
        "ingest": ingested,
        "reads": read,
        "one_more_document": incremental,
        "pipeline_alone": alone,
        "peer_full_rebuild": {
            "resolve_every_document_cpu_s": peer["cpu_s"],
            "resolve_every_document_wall_s": peer["wall_s"],
            "plus_collection_stages_cpu_s": refresh_cpu,
            "total_cpu_s": round(rebuild_cpu, 2),
        },
        "speedup_vs_rebuild": round(rebuild_cpu / max(refresh_cpu, 1e-9), 2),
        "ingest_efficiency": round(ingested["per_server_cpu_s"] / alone["per_cpu_s"], 2),
    }


def summary(result: dict[str, Any]) -> list[dict[str, Any]]:
    n = result["documents"]
    p95 = result["reads"]["warm_gzip"]["p95_s"]
    speedup = result["speedup_vs_rebuild"]
    efficiency = result["ingest_efficiency"]
    return [
        {
            "name": f"ingest, documents/s, {result['ingest']['clients']} clients (wall clock)",
            "value": result["ingest"]["per_s"],
            "target": "-",
            "pass": None,
        },
        {
            "name": "share of the server's ingest CPU spent in the pipeline itself",
            "value": efficiency,
            "target": "-",
            "pass": None,
        },
        {
            "name": f"GET /chronology p95 at {n:,} documents, warm, gzip (s)",
            "value": p95,
            "target": f"<= {TARGETS['chronology_p95_s']}",
            "pass": p95 <= TARGETS["chronology_p95_s"],
        },
        {
            "name": f"GET /chronology, first read at {n:,} documents (s)",
            "value": result["reads"]["first_read_s"],
            "target": "-",
            "pass": None,
        },
        {
            "name": "refresh after one more document (s)",
            "value": result["one_more_document"]["refresh_s"],
            "target": "-",
            "pass": None,
        },
        {
            "name": "incremental refresh vs full rebuild, CPU (x)",
            "value": speedup,
            "target": f">= {TARGETS['speedup_vs_rebuild']:.0f}",
            "pass": speedup >= TARGETS["speedup_vs_rebuild"],
        },
    ]


def markdown(result: dict[str, Any]) -> str:
    r, i, one = result["reads"], result["ingest"], result["one_more_document"]
    peer = result["peer_full_rebuild"]

    def row(name: str, p: dict[str, float]) -> str:
        return f"| {name} | {p['n']} | {p['p50_s']} | {p['p95_s']} | {p['max_s']} |"

    lines = [
        f"# Service benchmark{' (quick)' if result.get('quick') else ''}",
        "",
        f"{result['documents']:,} generated articles posted to a real `timeline serve` over "
        f"loopback; database: {result['database']}"
        + (
            f", {result['database_bytes'] / 1e6:.1f} MB on disk."
            if result.get("database_bytes")
            else "."
        ),
        "",
        "## Ingest",
        "",
        f"{i['clients']} concurrent clients: **{i['per_s']} documents/s** ({i['seconds']} s; "
        f"statuses {i['statuses']}); the server used {i['server_cpu_s']} s of CPU, i.e. "
        f"{i['per_server_cpu_s']} documents per CPU-second. The per-document pipeline alone, "
        f"single-threaded in the bench process: {result['pipeline_alone']['per_cpu_s']} "
        f"documents per CPU-second: the service spends {result['ingest_efficiency']:.0%} of "
        "its CPU on the pipeline itself, the rest on HTTP, validation and storage.",
        "",
        "| POST latency | n | p50 s | p95 s | max s |",
        "|---|---|---|---|---|",
        row("POST /documents", i["post_latency"]),
        "",
        f"## GET /chronology at {r['sources']:,} sources, {r['events']:,} events, "
        f"{r['claims']:,} claims",
        "",
        f"First read after ingest (collection stages over every stored claim, then rendering): "
        f"**{r['first_read_s']} s**. Served: {r['bytes_gzip'] / 1e6:.1f} MB gzipped, "
        f"{r['bytes_identity'] / 1e6:.1f} MB plain. CSV first read {r['csv_first_s']} s "
        f"({r['csv_bytes_gzip'] / 1e6:.1f} MB gzipped); timeline page first read "
        f"{r['timeline_page_first_s']} s ({r['timeline_page_bytes_gzip'] / 1e6:.1f} MB gzipped).",
        "",
        "| warm reads | n | p50 s | p95 s | max s |",
        "|---|---|---|---|---|",
        row("gzip (as browsers ask)", r["warm_gzip"]),
        row("identity (no compression)", r["warm_identity"]),
        row("If-None-Match -> 304", r["not_modified_304"]),
        row("4 concurrent readers, gzip", r["concurrent_4_readers"]),
        "",
        "## One more document",
        "",
        f"POST {one['post_s']} s; a read right after with `?wait=0` took {one['stale_read_s']} s "
        f"(served the previous chronology marked stale: {one['stale_read_was_stale']}); the "
        f"refresh (new rows read, collection stages re-run, JSON rendered) took "
        f"**{one['refresh_s']} s**. Nothing was re-resolved.",
        "",
        f"The refresh cost the server {one['server_cpu_s']} CPU-s. Peer, a full rebuild: "
        f"re-resolving every document takes {peer['resolve_every_document_cpu_s']} CPU-s in the "
        f"bench process ({peer['resolve_every_document_wall_s']} s wall), plus the same "
        f"collection stages: {peer['total_cpu_s']} CPU-s, **{result['speedup_vs_rebuild']}x** "
        "the incremental refresh.",
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark and write bench/results/service.json and service.md."""
    parser = argparse.ArgumentParser(
        prog="python -m bench.service", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--docs", type=int, help=f"articles to post (default {SIZE:,})")
    parser.add_argument("--db", help="database URL for the server (default: a fresh SQLite file)")
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_SIZE:,} articles")
    args = parser.parse_args(argv)
    from bench.run import QUICK_RESULTS, RESULTS, machine

    started = time.perf_counter()
    result = {"name": "service", "machine": machine(), **run(args.quick, args.docs, args.db)}
    result["seconds"] = round(time.perf_counter() - started, 1)
    folder = QUICK_RESULTS if (args.quick or args.docs or args.db) else RESULTS
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "service.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    (folder / "service.md").write_text(markdown(result), encoding="utf-8")
    print(
        f"bench service: done in {result['seconds']} s -> {folder / 'service.json'}",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main(sys.argv[1:])
