"""Build benchmark (issue 5): `timeline.build` on 1,000 and 10,000 generated articles.

The articles are generated from templates in a temporary folder (never committed): many
invented stories, each a handful of happenings on known dates, told by several outlets at
different times with the expressions news uses ("on Monday", "last week", "on March 3",
"in 2019"), attributions, datelines, and 10 % reposts of another article. A manifest gives the
publication dates, as a newsroom archive would.

Measured, each size in a fresh subprocess (so peak memory is that run's own):

* wall time of the whole build and of each stage (from the progress callback);
* peak RSS (``VmHWM``, else ``ru_maxrss``) and its growth over the process after imports;
* near-linearity: time and memory ratios 10k / 1k (10 is linear);
* the clustering stage against a peer in the same process: the textbook approach people use,
  all-pairs cosine similarity + agglomerative clustering (scikit-learn), on the same claims at
  1,000 and 3,000 articles (it is quadratic: at 10,000 its distance matrix alone would need
  about 7 GB);
* event quality on the generated stories (their happenings are known): B-cubed precision and
  recall over claims, share of events with the right first reporter.

``python -m bench.run build [--quick]`` (quick: 200 and 2,000 articles).
"""

from __future__ import annotations

import csv
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SIZES = (1_000, 10_000)
QUICK_SIZES = (200, 2_000)
#: A middle size where the quadratic peer still fits in memory, to show where the curves cross.
PEER_SIZES = (3_000,)
QUICK_PEER_SIZES = (600,)
TARGETS = {"time_ratio_10x": 13.0, "memory_ratio_10x": 13.0, "speedup_vs_peer": 1.0}

_SYLLABLES = [
    "bar",
    "del",
    "fen",
    "gor",
    "hal",
    "kes",
    "lin",
    "mor",
    "nav",
    "pel",
    "quin",
    "ros",
    "sal",
    "tor",
    "ul",
    "ven",
    "wil",
    "yor",
    "zan",
]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTHS = [
    "Jan.",
    "Feb.",
    "March",
    "April",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
]
_OUTLETS = ["Valley Wire", "Harbor Post", "Evening Ledger", "Coast Daily", "Metro Courier"]

# (template, needs) - a happening; {org}, {place}, {person}, {n} are filled per story.
_HAPPENINGS = [
    "a fire broke out at the {org} warehouse in {place}",
    "{person} resigned as chief executive of {org}",
    "police arrested {n} people outside the {org} offices",
    "regulators ordered the {org} plant in {place} to close",
    "{org} announced a recall of {n} thousand heaters",
    "a court fined {org} {n} million dollars",
    "voters in {place} approved a new school budget",
    "a storm flooded the main roads of {place}",
    "{person} met the {place} council to discuss the plan",
    "the {place} bridge reopened after repairs",
    "workers at {org} walked off the job over pay",
    "a chemical spill closed the river near {place}",
]
_ATTRIBUTIONS = [
    "officials said",
    "police said",
    "according to a statement from {org}",
    "a spokeswoman for {org} said",
    "{person} told reporters",
]
_FILLER = [
    "Residents of {place} have followed the case closely.",
    "{org} employs about {n} hundred people in the region.",
    "The {place} area has seen several such disputes in recent years.",
    "Local groups called for a full public inquiry.",
    "It was not immediately clear what would happen next.",
]


def _name(rng: random.Random, parts: int = 2) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(parts)).capitalize()


def _when(day: date, published: date, rng: random.Random) -> str:
    """How an article published on ``published`` would date ``day``."""
    ago = (published - day).days
    if 0 < ago < 7 and rng.random() < 0.7:
        return f"on {_DAYS[day.weekday()]}"
    if published.year == day.year and rng.random() < 0.8:
        return f"on {_MONTHS[day.month - 1]} {day.day}"
    if rng.random() < 0.5:
        return f"in {_MONTHS[day.month - 1].rstrip('.')} {day.year}"
    return f"on {_MONTHS[day.month - 1]} {day.day}, {day.year}"


def generate_corpus(folder: Path, count: int, seed: int = 5) -> dict[str, Any]:
    """Write ``count`` articles and a manifest into ``folder``; returns the truth.

    Truth: for each article, the character spans of its dated sentences and the id of the
    happening each tells, and each happening's date.
    """
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    truth: dict[str, Any] = {"spans": {}, "happenings": {}, "published": {}}
    manifest_rows = []
    written = 0
    story = 0
    while written < count:
        story += 1
        org, place, person = f"{_name(rng)} Corp", _name(rng, 3), f"{_name(rng)} {_name(rng)}"
        start = date(2015, 1, 1) + timedelta(days=rng.randrange(3300))
        happenings = []
        for k, template in enumerate(rng.sample(_HAPPENINGS, rng.randint(3, 5))):
            day = start + timedelta(days=rng.randrange(40))
            text = template.format(org=org, place=place, person=person, n=rng.randint(2, 90))
            hid = f"s{story}h{k}"
            truth["happenings"][hid] = day.isoformat()
            happenings.append((hid, day, text))
        last = max(d for _, d, _ in happenings)
        originals: list[tuple[str, str, date]] = []
        for _ in range(min(rng.randint(6, 12), count - written)):
            name = f"a{written:06d}"
            if originals and rng.random() < 0.1:  # a repost of an earlier article
                _, text, original_day = rng.choice(originals)
                published = original_day + timedelta(days=rng.randint(0, 2))
                copy_from = next(n for n, t, _ in originals if t == text)
                truth["spans"][name] = truth["spans"][copy_from]
            else:
                published = last + timedelta(days=rng.randint(1, 20))
                text, spans = _article(rng, happenings, published, org, place, person)
                truth["spans"][name] = spans
                originals.append((name, text, published))
            (folder / f"{name}.txt").write_text(text, encoding="utf-8")
            truth["published"][name] = published.isoformat()
            manifest_rows.append((f"{name}.txt", published.isoformat(), rng.choice(_OUTLETS)))
            written += 1
    with (folder / "manifest.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["path", "published", "source"])
        writer.writerows(manifest_rows)
    truth["stories"] = story
    return truth


def _article(rng, happenings, published: date, org: str, place: str, person: str):
    told = rng.sample(happenings, rng.randint(2, len(happenings)))
    head = f"{place.upper()}, {_MONTHS[published.month - 1]} {published.day}, {published.year} — "
    parts = [f"{org} under scrutiny in {place}\n\n"]
    spans: list[tuple[int, int, str]] = []
    body = head
    for n, (hid, day, text) in enumerate(told):
        who = rng.choice(_ATTRIBUTIONS).format(org=org, person=person)
        sentence = f"{text[0].upper()}{text[1:]} {_when(day, published, rng)}, {who}."
        offset = sum(len(p) for p in parts) + len(body)
        spans.append((offset, offset + len(sentence), hid))
        body += sentence + " "
        if n % 2 == 1:
            filler = rng.choice(_FILLER).format(org=org, place=place, n=rng.randint(2, 9))
            body += filler + " "
        if n % 2 == 1:
            parts.append(body.rstrip() + "\n\n")
            body = ""
    if body:
        parts.append(body.rstrip() + "\n")
    return "".join(parts), spans


# --- one measured run (in a subprocess) ---------------------------------------------------------


def measure(count: int, with_peer: bool) -> dict[str, Any]:
    """Generate ``count`` articles, build them, return times, memory and quality."""
    baseline_kib = _peak_kib()
    from timeline.pipeline import build

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        truth = generate_corpus(folder, count)
        imported_kib = _peak_kib()
        marks: dict[str, float] = {}
        cpu_started = _cpu()
        started = time.perf_counter()

        def progress(stage: str, done: int, total: int) -> None:
            marks[stage] = time.perf_counter() - started

        chronology = build([folder], folder / "manifest.csv", progress=progress)
        seconds = time.perf_counter() - started
        cpu_seconds = _cpu() - cpu_started
    peak_kib = _peak_kib()
    stages, previous = {}, 0.0
    for stage, at in marks.items():
        stages[stage] = round(at - previous, 3)
        previous = at
    claims = [c for e in chronology.events for c in e.claims]
    result = {
        "articles": count,
        "sources": len(chronology.sources),
        "claims": len(claims),
        "events": len(chronology.events),
        "stories": truth["stories"],
        "seconds": round(seconds, 3),
        "cpu_seconds": round(cpu_seconds, 3),
        "stages": stages,
        "peak_rss_mb": round(peak_kib / 1024, 1),
        "rss_growth_mb": round((peak_kib - max(imported_kib, baseline_kib)) / 1024, 1),
        "quality": quality(chronology, truth),
    }
    if with_peer:
        result["peer"] = peer_clustering(chronology)
    return result


def _peak_kib() -> int:
    """This process's peak resident memory (KiB). Linux's ``VmHWM`` where there is one: the
    ``ru_maxrss`` of a process started from a big one carries the parent's peak over exec (a
    ``make bench`` that ran HeidelTime first recorded 2.7 GB here)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _cpu() -> float:
    """CPU seconds of this process: steadier than wall time on a shared machine."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def quality(chronology, truth: dict[str, Any]) -> dict[str, Any]:
    """B-cubed precision/recall of events against the generated happenings, and the share of
    happenings whose event names the earliest publisher as first reporter."""
    label: dict[tuple[str, int], str] = {}
    items = []
    for n, event in enumerate(chronology.events):
        for claim in event.claims:
            for start, end, hid in truth["spans"].get(claim.source_id, []):
                if start <= claim.mention_start < end:
                    items.append((n, hid))
                    label[(claim.source_id, claim.mention_start)] = hid
                    break
    if not items:
        return {}
    per_event = Counter(n for n, _ in items)
    per_pair = Counter(items)
    per_truth = Counter(h for _, h in items)
    precision = sum(per_pair[i] / per_event[i[0]] for i in items) / len(items)
    recall = sum(per_pair[i] / per_truth[i[1]] for i in items) / len(items)
    # First reporter: among the events holding most claims of a happening.
    best: dict[str, tuple[int, int]] = {}
    for (n, hid), k in per_pair.items():
        if k > best.get(hid, (0, -1))[0]:
            best[hid] = (k, n)
    right = 0
    for hid, (_, n) in best.items():
        carriers = {s for s, spans in truth["spans"].items() if any(h == hid for *_, h in spans)}
        earliest = min(truth["published"][s] for s in carriers)
        event = chronology.events[n]
        right += truth["published"].get(event.first_reported_by or "", "") == earliest
    on_time = sum(
        1
        for hid, (_, n) in best.items()
        if chronology.events[n].start
        and chronology.events[n].start[:10]
        <= truth["happenings"][hid]
        < (chronology.events[n].end or "")[:10]
    )
    return {
        "claims_matched": len(items),
        "bcubed_precision": round(precision, 3),
        "bcubed_recall": round(recall, 3),
        "first_reporter_accuracy": round(right / len(best), 3),
        "date_accuracy": round(on_time / len(best), 3),
        "happenings": len(best),
    }


def peer_clustering(chronology) -> dict[str, Any]:
    """The events stage again, timed against the usual approach on the same claims."""
    from sklearn.cluster import AgglomerativeClustering

    from timeline.events import cluster_events
    from timeline.events.features import vectorize

    claims = [c for e in chronology.events for c in e.claims]
    started = time.perf_counter()
    cluster_events(claims, chronology.sources)
    ours = time.perf_counter() - started

    started = time.perf_counter()
    matrix, _, _ = vectorize(claims)
    distance = 1.0 - (matrix @ matrix.T).toarray()
    AgglomerativeClustering(
        n_clusters=None,
        metric="precomputed",
        linkage="average",
        distance_threshold=0.85,
    ).fit(distance)
    peer = time.perf_counter() - started
    return {
        "claims": len(claims),
        "timeline_seconds": round(ours, 3),
        "peer": "scikit-learn all-pairs cosine + average-linkage agglomerative",
        "peer_seconds": round(peer, 3),
        "speedup": round(peer / ours, 2) if ours else None,
        "peer_matrix_mb": round(distance.nbytes / 2**20, 1),
    }


def _subprocess(count: int, with_peer: bool) -> dict[str, Any]:
    code = (
        "import json, sys; from bench.build import measure; "
        f"print(json.dumps(measure({count}, {with_peer})))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"build of {count} articles failed: {done.stderr.strip()[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def run(quick: bool = False) -> dict[str, Any]:
    """Both sizes, each in its own process; the peer runs at the small size."""
    small, large = QUICK_SIZES if quick else SIZES
    runs = [_subprocess(small, True), _subprocess(large, False)]
    peers = [_subprocess(n, True) for n in (QUICK_PEER_SIZES if quick else PEER_SIZES)]
    a, b = runs
    return {
        "quick": quick,
        "runs": runs,
        "peer_runs": peers,
        # CPU time: the machine is shared, wall time swings with the neighbours' load.
        "time_ratio": round(b["cpu_seconds"] / a["cpu_seconds"], 2),
        "wall_time_ratio": round(b["seconds"] / a["seconds"], 2),
        "memory_ratio": round(b["rss_growth_mb"] / max(a["rss_growth_mb"], 0.1), 2),
        "claims_ratio": round(b["claims"] / max(a["claims"], 1), 2),
        "targets": TARGETS,
    }


def summary(result: dict[str, Any]) -> list[dict[str, Any]]:
    a, b = result["runs"]
    peer = (result.get("peer_runs") or [a])[-1].get("peer", {})
    return [
        {"name": f"build {a['articles']:,} articles (s)", "value": a["seconds"]},
        {"name": f"build {b['articles']:,} articles (s)", "value": b["seconds"]},
        {
            "name": "CPU time ratio 10x articles",
            "value": result["time_ratio"],
            "target": f"<= {TARGETS['time_ratio_10x']}",
            "pass": result["time_ratio"] <= TARGETS["time_ratio_10x"],
        },
        {
            "name": "memory growth ratio 10x articles",
            "value": result["memory_ratio"],
            "target": f"<= {TARGETS['memory_ratio_10x']}",
            "pass": result["memory_ratio"] <= TARGETS["memory_ratio_10x"],
        },
        {
            "name": f"events stage speed-up vs all-pairs agglomerative ({peer.get('claims', 0):,} claims)",
            "value": peer.get("speedup"),
            "target": f">= {TARGETS['speedup_vs_peer']}",
            "pass": (peer.get("speedup") or 0) >= TARGETS["speedup_vs_peer"],
        },
        {"name": "B-cubed F1 on generated stories", "value": _f1(b["quality"])},
    ]


def _f1(q: dict[str, Any]) -> float | None:
    p, r = q.get("bcubed_precision"), q.get("bcubed_recall")
    return round(2 * p * r / (p + r), 3) if p and r else None


def markdown(result: dict[str, Any]) -> str:
    lines = [
        "# Build benchmark",
        "",
        "`timeline.build` on generated articles (see bench/build.py), each size in a fresh process.",
        "",
        "| articles | claims | events | seconds | CPU s | read | claims stage | events | audit | peak RSS MB | RSS growth MB |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in result["runs"]:
        s = r["stages"]
        lines.append(
            f"| {r['articles']:,} | {r['claims']:,} | {r['events']:,} | {r['seconds']} | "
            f"{r.get('cpu_seconds', '-')} | {s.get('read', '-')} | {s.get('claims', '-')} | {s.get('events', '-')} | "
            f"{s.get('audit', '-')} | {r['peak_rss_mb']} | {r['rss_growth_mb']} |"
        )
    lines += [
        "",
        f"Ratios 10x articles: CPU time {result['time_ratio']} (wall "
        f"{result.get('wall_time_ratio')}; claims {result['claims_ratio']}), memory growth "
        f"{result['memory_ratio']} (linear = 10). Stage columns are wall seconds.",
        "",
    ]
    for r in [result["runs"][0], *result.get("peer_runs", [])]:
        peer = r.get("peer")
        if peer:
            lines += [
                f"Events stage on {peer['claims']:,} claims ({r['articles']:,} articles): "
                f"timeline {peer['timeline_seconds']} s, {peer['peer']} {peer['peer_seconds']} s "
                f"(speed-up x{peer['speedup']}; its distance matrix alone takes "
                f"{peer['peer_matrix_mb']} MB and grows with the square of the claims).",
                "",
            ]
    lines += [
        "| articles | B-cubed P | B-cubed R | first reporter | event date |",
        "|---|---|---|---|---|",
    ]
    for r in result["runs"]:
        q = r["quality"]
        lines.append(
            f"| {r['articles']:,} | {q.get('bcubed_precision')} | {q.get('bcubed_recall')} | "
            f"{q.get('first_reporter_accuracy')} | {q.get('date_accuracy')} |"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    """Run through bench.run so the results land beside the others."""
    from bench.run import run_one

    run_one("build", "--quick" in sys.argv, None)


if __name__ == "__main__":
    main()
