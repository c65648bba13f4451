"""Ingest benchmark (issue 4): publication-date accuracy and calibration, then throughput.

Two parts, both run in one process so peers share the machine's mood:

* **pubdate**: every TempEval-3 train document (TimeBank + AQUAINT, 256) with its creation date
  (DCT) withheld, dated (a) on its own and (b) in its collection (8 folds: the other 7/8 keep
  their dates, as articles a user already dated would), plus the examples/ articles each with
  its own date withheld. Coverage, share within 1 and 7 days, calibration by confidence bucket.
  Peers on the same text: htmldate (extensive search, the text wrapped in a page) and
  dateparser's ``search_dates`` (latest date found). Written to bench/results/pubdate.json/.md.
* **throughput**: ``timeline.ingest.load`` over 10,000 generated articles (txt with furniture
  and stamps, HTML pages with metadata, JSONL feeds; 10 % reposts), documents per second, peak
  RSS growth and tracemalloc peak, against a peer pipeline built from the libraries people use
  (charset-normalizer for text files, trafilatura + htmldate for pages) on the same files.

``python -m bench.run ingest`` (or ``python -m bench.ingest [pubdate|throughput] [--quick]``).
"""

from __future__ import annotations

import gc
import html as html_lib
import json
import os
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from timeline.dates import day_of
from timeline.ingest import load
from timeline.ingest.pubdate import date_document, date_documents
from timeline.ingest.readers import make_document
from timeline.models import Document

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("TIMELINE_SHARED", REPO.parent / "shared"))
TEMPEVAL = SHARED / "data" / "tempeval3" / "train"
EXAMPLES = REPO / "examples"
RESULTS = REPO / "bench" / "results"
BUCKETS = [(0.0, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 1.01)]
# The examples' true dates (manifest, metadata, README: 04 is "within a few days of Oct. 14").
EXAMPLE_TRUTH = {
    "01-hws-chlorine-leak": date(2023, 10, 10),
    "02-riverton-gazette-repost": date(2023, 10, 11),
    "03-aldery-courier-residents": date(2023, 10, 11),
    "04-valley-weekly-feature": date(2023, 10, 14),
    "05-courier-hearing": date(2023, 10, 20),
    "06-followups-marren-resigns": date(2023, 11, 3),
    "06-followups-state-sues": date(2023, 11, 21),
}
TARGETS = {"docs_per_s": 100, "within7_at_conf_ge_0.5": 0.9}


# --- publication dates ---------------------------------------------------------------------------


_day = day_of


def _record(name: str, truth: date, source_or_day: Any, confidence: float, how: str, basis: str):
    day = source_or_day if isinstance(source_or_day, date) or source_or_day is None else None
    error = None if day is None else (day - truth).days
    return {
        "doc": name,
        "truth": truth.isoformat(),
        "predicted": day.isoformat() if day else None,
        "error_days": error,
        "confidence": round(confidence, 3),
        "how": how,
        "basis": basis,
    }


def metrics(records: list[dict[str, Any]], *, with_confidence: bool = True) -> dict[str, Any]:
    """Coverage, within 1/7 days (of all documents and of those dated), calibration buckets."""
    n = len(records)
    dated = [r for r in records if r["predicted"] is not None]
    w1 = sum(1 for r in dated if abs(r["error_days"]) <= 1)
    w7 = sum(1 for r in dated if abs(r["error_days"]) <= 7)
    out: dict[str, Any] = {
        "documents": n,
        "coverage": round(len(dated) / n, 3) if n else 0.0,
        "within_1_day": round(w1 / n, 3) if n else 0.0,
        "within_7_days": round(w7 / n, 3) if n else 0.0,
        "within_1_day_of_dated": round(w1 / len(dated), 3) if dated else None,
        "within_7_days_of_dated": round(w7 / len(dated), 3) if dated else None,
    }
    if with_confidence:
        buckets = []
        for lo, hi in BUCKETS:
            inside = [r for r in dated if lo <= r["confidence"] < hi]
            hits = sum(1 for r in inside if abs(r["error_days"]) <= 7)
            buckets.append(
                {
                    "confidence": f"[{lo:.1f}, {min(hi, 1.0):.1f}{']' if hi > 1 else ')'}",
                    "n": len(inside),
                    "within_7_days": round(hits / len(inside), 3) if inside else None,
                    "mean_confidence": round(sum(r["confidence"] for r in inside) / len(inside), 3)
                    if inside
                    else None,
                }
            )
        confident = [r for r in dated if r["confidence"] >= 0.5]
        out["calibration"] = buckets
        out["confident_n"] = len(confident)
        out["within_7_days_at_conf_ge_0.5"] = (
            round(sum(1 for r in confident if abs(r["error_days"]) <= 7) / len(confident), 3)
            if confident
            else None
        )
    return out


def _tempeval_documents(quick: bool) -> list[tuple[Document, date]]:
    from timeline.temporal.tempeval import load_tml

    paths = sorted(TEMPEVAL.glob("*/*.tml"))
    if quick:
        paths = paths[::4]
    out = []
    for path in paths:
        tml = load_tml(path)
        doc = make_document(tml.text, source_id=tml.name, path=f"{path.parent.name}/{path.name}")
        out.append((doc, tml.dct))
    return out


def _alone(pairs: list[tuple[Document, date]]) -> list[dict[str, Any]]:
    records = []
    for doc, truth in pairs:
        inference, _ = date_document(doc)
        # As date_documents does: no confidence means "unknown", whatever was guessed; the
        # guess is kept to show why its evidence gets no confidence.
        record = _record(
            doc.source.id,
            truth,
            inference.day if inference.confidence > 0 else None,
            inference.confidence,
            "dateline" if inference.basis.startswith("dateline") else "inferred",
            inference.basis,
        )
        record["guess_error_days"] = (inference.day - truth).days if inference.day else None
        records.append(record)
    return records


def _in_collection(pairs: list[tuple[Document, date]], folds: int = 8) -> list[dict[str, Any]]:
    records = []
    for fold in range(folds):
        docs = []
        withheld = set()
        for n, (doc, truth) in enumerate(pairs):
            copy = doc.model_copy(deep=True)
            if n % folds == fold:
                withheld.add(copy.source.id)
            else:
                copy.source.published = truth.isoformat()
                copy.source.published_how = "manifest"
                copy.source.published_confidence = 1.0
            docs.append(copy)
        date_documents(docs)
        truths = {doc.source.id: truth for doc, truth in pairs}
        for doc in docs:
            if doc.source.id in withheld:
                s = doc.source
                record = _record(
                    s.id,
                    truths[s.id],
                    _day(s.published),
                    s.published_confidence,
                    s.published_how,
                    s.published_evidence or "",
                )
                record["corpus"] = s.path.split("/")[0]
                record["evidence"] = _evidence_kind(s)
                records.append(record)
    return records


def _evidence_kind(source: Any) -> str:
    """A short name for what dated an article in a collection (from its evidence text)."""
    evidence = source.published_evidence or ""
    if source.published is None:
        return "unknown"
    if source.published_how != "inferred":
        return source.published_how
    for marker, kind in (
        ("nearest dated articles", "story window"),
        ("shares its text", "shared text"),
        ("dated articles report the same", "collection year"),
        ("the collection's dated articles span", "collection year"),
    ):
        if marker in evidence:
            return kind
    return "own text"


def _breakdown(records: list[dict[str, Any]], key: str) -> dict[str, dict[str, Any]]:
    """n, confidence and within 1/7 days for each value of ``key`` among dated records."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for r in records:
        if r["predicted"] is not None:
            groups.setdefault(r[key], []).append(r)
    return {
        name: {
            "n": len(rs),
            "mean_confidence": round(sum(r["confidence"] for r in rs) / len(rs), 3),
            "within_1_day": round(sum(abs(r["error_days"]) <= 1 for r in rs) / len(rs), 3),
            "within_7_days": round(sum(abs(r["error_days"]) <= 7 for r in rs) / len(rs), 3),
        }
        for name, rs in sorted(groups.items(), key=lambda kv: -len(kv[1]))
    }


def _examples() -> list[dict[str, Any]]:
    """Each example with its own date withheld, the others dated as the manifest/metadata say."""
    base = load([EXAMPLES], manifest=EXAMPLES / "manifest.csv").documents
    records = []
    for target in base:
        docs = []
        for doc in base:
            copy = doc.model_copy(deep=True)
            if copy.source.id == target.source.id:
                copy = make_document(copy.text, source_id=copy.source.id, path=copy.source.path)
            docs.append(copy)
        date_documents(docs)
        s = next(d.source for d in docs if d.source.id == target.source.id)
        records.append(
            _record(
                s.id,
                EXAMPLE_TRUTH[s.id],
                _day(s.published),
                s.published_confidence,
                s.published_how,
                s.published_evidence or "",
            )
        )
    return records


def _peer_htmldate(pairs: list[tuple[Document, date]]) -> list[dict[str, Any]]:
    from htmldate import find_date

    records = []
    for doc, truth in pairs:
        paragraphs = "".join(f"<p>{html_lib.escape(p)}</p>" for p in doc.text.split("\n") if p)
        page = f"<html><body><article>{paragraphs}</article></body></html>"
        try:
            found = find_date(
                page, extensive_search=True, original_date=True, min_date="1980-01-01"
            )
        except Exception:  # a peer failing on one document counts as no answer
            found = None
        records.append(_record(doc.source.id, truth, _day(found), 1.0, "htmldate", ""))
    return records


def _peer_dateparser(pairs: list[tuple[Document, date]]) -> list[dict[str, Any]]:
    from dateparser.search import search_dates

    records = []
    for doc, truth in pairs:
        try:
            found = search_dates(
                doc.text[:3000],
                languages=["en"],
                settings={"REQUIRE_PARTS": ["day", "month", "year"], "STRICT_PARSING": True},
            )
        except Exception:
            found = None
        days = [d.date() for _, d in found or [] if date(1980, 1, 1) <= d.date() <= date.today()]
        records.append(_record(doc.source.id, truth, max(days) if days else None, 1.0, "dp", ""))
    return records


def run_pubdate(quick: bool = False) -> dict[str, Any]:
    """Publication-date accuracy and calibration; writes bench/results/pubdate.json and .md."""
    pairs = _tempeval_documents(quick)
    alone = _alone(pairs)
    collection = _in_collection(pairs)
    examples = _examples()
    peers = {
        "htmldate": metrics(_peer_htmldate(pairs), with_confidence=False),
        "dateparser.search_dates (latest)": metrics(_peer_dateparser(pairs), with_confidence=False),
    }
    result = {
        "tempeval_alone": metrics(alone),
        "tempeval_collection": metrics(collection),
        "collection_by_evidence": _breakdown(collection, "evidence"),
        "collection_story_window_by_corpus": _breakdown(
            [r for r in collection if r["evidence"] == "story window"], "corpus"
        ),
        "examples_collection": metrics(examples),
        "peers_tempeval": peers,
        "by_basis": _by_basis(alone),
        "examples": examples,
        "tempeval_records": alone,
    }
    if not quick:
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / "pubdate.json").write_text(json.dumps(result, indent=1) + "\n")
        (RESULTS / "pubdate.md").write_text(pubdate_markdown(result))
    return result


def _by_basis(records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    groups: dict[str, list[dict[str, Any]]] = {}
    for r in records:
        if r.get("guess_error_days") is not None:
            groups.setdefault(r["basis"], []).append(r)
    return {
        basis: {
            "n": len(rs),
            "confidence": rs[0]["confidence"],
            "within_1_day": round(sum(abs(r["guess_error_days"]) <= 1 for r in rs) / len(rs), 3),
            "within_7_days": round(sum(abs(r["guess_error_days"]) <= 7 for r in rs) / len(rs), 3),
        }
        for basis, rs in sorted(groups.items(), key=lambda kv: -len(kv[1]))
    }


def pubdate_markdown(result: dict[str, Any]) -> str:
    """The short Markdown report of the publication-date measurements."""
    lines = [
        "# Publication dates: accuracy and calibration",
        "",
        "TempEval-3 train (TimeBank + AQUAINT) with each document's creation date withheld; "
        "`alone` = the document on its own, `collection` = 8 folds, the other documents keep "
        "their dates. Examples: each article's date withheld, the others dated. "
        "Written by `python -m bench.ingest pubdate`.",
        "",
        "| setting | docs | coverage | within 1 day | within 7 days | dated within 7 | "
        "conf >= 0.5: n | conf >= 0.5: within 7 days |",
        "|---|---|---|---|---|---|---|---|",
    ]
    rows = [
        ("timeline, alone", result["tempeval_alone"]),
        ("timeline, collection", result["tempeval_collection"]),
        ("timeline, examples", result["examples_collection"]),
    ] + [(f"peer: {name}", m) for name, m in result["peers_tempeval"].items()]
    for name, m in rows:
        lines.append(
            f"| {name} | {m['documents']} | {m['coverage']:.0%} | {m['within_1_day']:.0%} | "
            f"{m['within_7_days']:.0%} | {_pct(m['within_7_days_of_dated'])} | "
            f"{m.get('confident_n', '-')} | {_pct(m.get('within_7_days_at_conf_ge_0.5'))} |"
        )
    lines += ["", "Calibration (timeline, TempEval alone / collection):", ""]
    lines += ["| confidence | n alone | within 7 days | n collection | within 7 days |"]
    lines += ["|---|---|---|---|---|"]
    for a, c in zip(
        result["tempeval_alone"]["calibration"],
        result["tempeval_collection"]["calibration"],
        strict=True,
    ):
        lines.append(
            f"| {a['confidence']} | {a['n']} | {_pct(a['within_7_days'])} | {c['n']} | "
            f"{_pct(c['within_7_days'])} |"
        )
    lines += [
        "",
        "What dated the withheld articles in the collection setting (TempEval, 8 folds):",
        "",
        "| evidence | n | mean confidence | within 1 | within 7 |",
        "|---|---|---|---|---|",
    ]
    for kind, b in result["collection_by_evidence"].items():
        lines.append(
            f"| {kind} | {b['n']} | {b['mean_confidence']} | {b['within_1_day']:.0%} | "
            f"{b['within_7_days']:.0%} |"
        )
    lines += [
        "",
        "The story window by sub-corpus (TimeBank's dates bunch more than AQUAINT's):",
        "",
    ]
    lines += ["| corpus | n | within 1 | within 7 |", "|---|---|---|---|"]
    for corpus, b in result["collection_story_window_by_corpus"].items():
        lines.append(
            f"| {corpus} | {b['n']} | {b['within_1_day']:.0%} | {b['within_7_days']:.0%} |"
        )
    lines += [
        "",
        "By evidence (TempEval alone; confidence 0 = reported as unknown, the guess shown):",
        "",
        "| basis | n | confidence | within 1 | within 7 |",
    ]
    lines += ["|---|---|---|---|---|"]
    for basis, b in result["by_basis"].items():
        lines.append(
            f"| {basis} | {b['n']} | {b['confidence']} | {b['within_1_day']:.0%} | "
            f"{b['within_7_days']:.0%} |"
        )
    return "\n".join(lines) + "\n"


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


# --- throughput ----------------------------------------------------------------------------------

_PLACES = ["RIVERTON", "PORT ALDERY", "MILLBROOK", "EASTON", "CALDER FALLS", "NORTH BAY"]
_SUBJECTS = ["council", "water board", "school district", "harbour authority", "police", "mayor"]
_ACTIONS = ["approved", "rejected", "delayed", "announced", "questioned", "defended"]
_OBJECTS = ["budget", "bridge repairs", "new bus routes", "a hiring freeze", "the port plan"]
_MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct."]


def _vocabulary() -> list[str]:
    from timeline.ingest.cleanup import _lexicon

    return [w for w, rank in sorted(_lexicon().items(), key=lambda kv: kv[1])[:8000] if len(w) > 2]


def _story(rng: random.Random, n: int, vocabulary: list[str]) -> tuple[str, str, date]:
    """A story of 6-12 paragraphs: template sentences around random words, so distinct
    stories share few word 5-grams (as distinct news stories do)."""
    day = date(2015 + n % 9, 1 + n % 10, 1 + n % 27)
    month = _MONTHS[day.month - 1]
    title = f"{rng.choice(_SUBJECTS).title()} {rng.choice(_ACTIONS)} {rng.choice(_OBJECTS)} ({n})"
    paragraphs = []
    for k in range(rng.randint(6, 12)):
        filler = " ".join(rng.choices(vocabulary, k=rng.randint(18, 40)))
        paragraphs.append(
            f"The {rng.choice(_SUBJECTS)} {rng.choice(_ACTIONS)} {rng.choice(_OBJECTS)} on "
            f"{month} {max(1, day.day - k % 3)}, officials said, {filler}. A vote is set for "
            f"{month} {min(28, day.day + 3)}."
        )
    return title, "\n\n".join(paragraphs), day


def generate_corpus(folder: Path, count: int, seed: int = 4) -> dict[str, int]:
    """Write ``count`` articles under ``folder``: 60 % txt, 25 % HTML, 15 % in JSONL feeds of 50;
    every tenth article is a truncated repost of the one before it."""
    rng = random.Random(seed)
    vocabulary = _vocabulary()
    kinds = {"txt": 0, "html": 0, "jsonl": 0}
    feed: list[str] = []
    feeds = 0
    previous = ""
    for n in range(count):
        title, body, day = _story(rng, n, vocabulary)
        if n % 10 == 9 and previous:
            body = previous[: len(previous) // 2 + 200]
        previous = body
        kind = rng.choices(["txt", "html", "jsonl"], weights=[60, 25, 15])[0]
        kinds[kind] += 1
        sub = folder / f"batch{n // 1000:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        if kind == "txt":
            text = (
                f"Skip to: Content\nHome | News | Sport | Opinion\n\n{title}\n\n"
                f"By Staff writer / {day.strftime('%B')} {day.day}, {day.year}\n\n{body}\n\n"
                f"Tags: {title.split()[0]} | local\n\nComments (3)\n\n"
                f"© {day.year - 3} Gazette Media. All rights reserved.\n"
            )
            (sub / f"a{n:05d}.txt").write_text(text, encoding="utf-8")
        elif kind == "html":
            paras = "".join(f"<p>{html_lib.escape(p)}</p>" for p in body.split("\n\n"))
            page = (
                f"<html><head><title>{title}</title>"
                f'<meta property="og:site_name" content="Gazette {n % 7}">'
                f'<meta property="article:published_time" content="{day.isoformat()}T08:00:00Z">'
                f"</head><body><nav>Home | News</nav><article><h1>{title}</h1>{paras}</article>"
                f"<footer>© 2019 Gazette</footer></body></html>"
            )
            (sub / f"a{n:05d}.html").write_text(page, encoding="utf-8")
        else:
            feed.append(json.dumps({"id": n, "title": title, "text": body, "source": "Wire"}))
            if len(feed) == 50:
                (sub / f"feed{feeds:03d}.jsonl").write_text("\n".join(feed) + "\n")
                feed, feeds = [], feeds + 1
    if feed:
        (folder / f"feed{feeds:03d}.jsonl").write_text("\n".join(feed) + "\n")
    return kinds


def _peer_pipeline(folder: Path) -> int:
    """What people do today with the usual libraries: decode, extract, date."""
    import trafilatura
    from charset_normalizer import from_bytes
    from htmldate import find_date

    count = 0
    for path in sorted(folder.rglob("*")):
        if path.suffix == ".txt":
            str(from_bytes(path.read_bytes()).best())
            count += 1
        elif path.suffix == ".html":
            page = path.read_text(encoding="utf-8")
            trafilatura.bare_extraction(page, with_metadata=True)
            find_date(page)
            count += 1
        elif path.suffix == ".jsonl":
            for line in path.read_text(encoding="utf-8").splitlines():
                json.loads(line)
                count += 1
    return count


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _timed(function: Callable[[], Any]) -> tuple[float, Any]:
    gc.collect()
    started = time.perf_counter()
    value = function()
    return time.perf_counter() - started, value


def _cpu_timed(function: Callable[[], Any]) -> tuple[float, float, Any]:
    """Wall and CPU seconds (CPU time is steadier on a shared machine)."""
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    value = function()
    return time.perf_counter() - wall, time.process_time() - cpu, value


class _StageClock:
    """CPU seconds spent in each stage ``load`` reports through its progress callback."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.last = time.process_time()

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.process_time()
        self.seconds[stage] = self.seconds.get(stage, 0.0) + now - self.last
        self.last = now


def run_throughput(quick: bool = False) -> dict[str, Any]:
    """Documents per second of ``load`` over generated articles, memory, and the peer."""
    count = 1_000 if quick else 10_000
    with tempfile.TemporaryDirectory(prefix="timeline-bench-ingest-") as tmp:
        folder, warm = Path(tmp) / "corpus", Path(tmp) / "warm-up"
        kinds = generate_corpus(folder, count)
        size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
        # Warm-up on other articles (imports, lexicon, grammar): nothing measured is cached.
        generate_corpus(warm, 200, seed=5)
        load([warm])
        _peer_pipeline(warm)
        rss_before = _rss_mb()
        clock = _StageClock()
        seconds, cpu_seconds, result = _cpu_timed(lambda: load([folder], progress=clock))
        rss_after = _rss_mb()
        documents = len(result.documents)
        copies = sum(1 for d in result.documents if d.source.syndicated_from)
        text_mb = sum(len(d.text) for d in result.documents) / 1e6
        dated = sum(1 for d in result.documents if d.source.published)
        del result
        # A tenth of the corpus under tracemalloc (it slows Python down several times).
        gc.collect()
        tracemalloc.start()
        load([folder / "batch00"])
        _, traced_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        peer_seconds, peer_cpu, peer_docs = _cpu_timed(lambda: _peer_pipeline(folder))
    return {
        "articles": count,
        "kinds": kinds,
        "corpus_mb": round(size / 1e6, 1),
        "documents": documents,
        "copies_found": copies,
        "dated": dated,
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu_seconds, 2),
        "cpu_seconds_by_stage": {k: round(v, 2) for k, v in clock.seconds.items()},
        "docs_per_s": round(documents / seconds, 1),
        "docs_per_cpu_s": round(documents / cpu_seconds, 1),
        "peak_rss_growth_mb": round(rss_after - rss_before, 1),
        "text_held_mb": round(text_mb, 1),
        "tracemalloc_peak_mb_per_1000": round(traced_peak / 1e6, 1),
        "peer": "charset-normalizer (txt) + trafilatura + htmldate (html) + json (jsonl)",
        "peer_docs_per_s": round(peer_docs / peer_seconds, 1),
        "peer_docs_per_cpu_s": round(peer_docs / peer_cpu, 1),
        "ratio_vs_peer": round((documents / seconds) / (peer_docs / peer_seconds), 2),
        "cpu_ratio_vs_peer": round((documents / cpu_seconds) / (peer_docs / peer_cpu), 2),
    }


# --- entry points --------------------------------------------------------------------------------


def run(quick: bool = False) -> dict[str, Any]:
    """Both parts; bench.run writes the result to bench/results/ingest.json."""
    pubdate = run_pubdate(quick)
    throughput = run_throughput(quick)
    keep = ("tempeval_alone", "tempeval_collection", "examples_collection", "peers_tempeval")
    return {"throughput": throughput, "pubdate": {k: pubdate[k] for k in keep}}


def summary(result: dict[str, Any]) -> list[dict[str, Any]]:
    """Rows for bench/results/README.md."""
    t, p = result["throughput"], result["pubdate"]
    calibrated = p["tempeval_alone"].get("within_7_days_at_conf_ge_0.5")
    return [
        {
            "name": "docs/s (10k generated)",
            "value": t["docs_per_s"],
            "target": f">= {TARGETS['docs_per_s']}",
            "pass": t["docs_per_s"] >= TARGETS["docs_per_s"],
        },
        {
            "name": "docs/s vs peer pipeline",
            "value": t["ratio_vs_peer"],
            "target": "-",
            "pass": None,
        },
        {
            "name": "docs per CPU-second vs peer pipeline",
            "value": t["cpu_ratio_vs_peer"],
            "target": "-",
            "pass": None,
        },
        {
            "name": "tracemalloc peak per 1,000 docs (MB)",
            "value": t["tracemalloc_peak_mb_per_1000"],
            "target": "-",
            "pass": None,
        },
        {
            "name": "pubdate within 7 days at conf >= 0.5 (TempEval)",
            "value": calibrated,
            "target": ">= 0.9",
            "pass": calibrated is not None and calibrated >= 0.9,
        },
    ]


def markdown(result: dict[str, Any]) -> str:
    """bench/results/ingest.md."""
    t = result["throughput"]
    lines = [
        "# Ingest benchmark",
        "",
        f"`load()` over {t['articles']:,} generated articles ({t['kinds']}; {t['corpus_mb']} MB, "
        f"every tenth a truncated repost): **{t['docs_per_s']} documents/s** "
        f"({t['seconds']} s wall; {t['docs_per_cpu_s']} per CPU-second), {t['copies_found']} "
        f"copies found, {t['dated']} dated. CPU seconds by stage: {t['cpu_seconds_by_stage']}.",
        "",
        f"Memory: peak RSS grew {t['peak_rss_growth_mb']} MB while holding {t['text_held_mb']} MB "
        f"of text; tracemalloc peak {t['tracemalloc_peak_mb_per_1000']} MB per 1,000 documents.",
        "",
        f"Peer in the same process ({t['peer']}): {t['peer_docs_per_s']} documents/s "
        f"({t['peer_docs_per_cpu_s']} per CPU-second); timeline/peer = {t['ratio_vs_peer']} "
        f"(CPU: {t['cpu_ratio_vs_peer']}). timeline also cleans, dates, dedupes and finds copies.",
        "",
        "Publication dates: see pubdate.md.",
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    """``python -m bench.ingest [pubdate|throughput] [--quick]``; all parts by default."""
    args = sys.argv[1:] if argv is None else argv
    quick = "--quick" in args
    parts = [a for a in args if not a.startswith("-")] or ["pubdate", "throughput"]
    RESULTS.mkdir(parents=True, exist_ok=True)
    if parts == ["pubdate"]:
        result = run_pubdate(quick)
        print(pubdate_markdown(result))
        return
    if parts == ["throughput"]:
        print(json.dumps(run_throughput(quick), indent=1))
        return
    result = {"name": "ingest", **run(quick)}
    if not quick:
        (RESULTS / "ingest.json").write_text(json.dumps(result, indent=1) + "\n")
        (RESULTS / "ingest.md").write_text(markdown(result))
    print(markdown(result))


if __name__ == "__main__":
    main()
