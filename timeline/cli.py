"""The `timeline` command: a thin typer layer over the Python API (same names, same options).

Every user-facing failure is a TimelineError, printed as one line on stderr; exit codes:
0 all good, 1 some inputs skipped (listed), 2 nothing could be done.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from timeline import __version__
from timeline.errors import DateError, InputError, NothingToDo, TimelineError

if TYPE_CHECKING:
    from timeline.models import Chronology


def _plain_flags() -> None:
    """Show no value type beside a flag in --help ("--json" reads as taking no value, not as
    "--json <bool>") nor beside an argument that names its value ("PATH..."); other options
    keep theirs. Leaves older typers, which show none, alone."""
    from typer import core

    for name, plain in (
        ("TyperOption", lambda p: getattr(p, "is_flag", False)),
        ("TyperArgument", lambda p: getattr(p, "metavar", None) is not None),
    ):
        cls = getattr(core, name, None)
        shown = getattr(cls, "display_type_rich", None)
        if cls is None or shown is None or getattr(shown, "plain", False):
            continue

        def display_type_rich(self, ctx, _shown=shown, _plain=plain):  # type: ignore[no-untyped-def]
            return "" if _plain(self) else _shown(self, ctx)

        display_type_rich.plain = True  # type: ignore[attr-defined]
        cls.display_type_rich = display_type_rich


_plain_flags()

app = typer.Typer(
    name="timeline",
    help=(
        "Reconstruct a sourced timeline of claims from news articles: what happened when, "
        "who said so, which source reported it first, and where sources disagree."
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(
    help="Score the temporal engine against annotated corpora.", no_args_is_help=True
)
app.add_typer(eval_app, name="eval")


def _stderr(message: str) -> None:
    print(message, file=sys.stderr)


def _version(value: bool) -> None:
    if value:
        print(f"timeline {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """timeline: claim-timeline reconstruction."""


def _read_text(file: str) -> str:
    if file == "-":
        return sys.stdin.read()
    path = Path(file)
    if path.is_dir():
        raise InputError(
            "is a folder: resolve reads one text (timeline build takes folders)", path=file
        )
    if not path.is_file():
        raise InputError("no such file", path=file)
    from timeline.ingest.encoding import decode_bytes

    return decode_bytes(path.read_bytes(), path=file)[0]


@app.command()
def resolve(
    file: Annotated[
        str | None,
        typer.Argument(
            help="Text file to read, or - for standard input.", show_default=False, metavar="FILE"
        ),
    ] = None,
    published: Annotated[
        str | None,
        typer.Option(
            "--published",
            "-p",
            help="Publication date (ISO 8601) that relative dates are anchored on.",
            metavar="DATE",
        ),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the mentions as a JSON array.")
    ] = False,
    batch: Annotated[
        str | None,
        typer.Option(
            "--batch",
            help='JSON Lines file (or -) of {"id", "text", "published"}; prints one JSON line per input, in order.',
            show_default=False,
            metavar="FILE",
        ),
    ] = None,
    progress: Annotated[
        bool | None,
        typer.Option(
            "--progress/--no-progress",
            help="Progress bar on stderr for --batch (default: when stderr is a terminal).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Find the time expressions in one text and resolve them to TIMEX3 values and intervals.

    [bold]Examples[/bold]

      timeline resolve article.txt --published 2013-04-23

      echo "The bombs went off Monday." | timeline resolve - -p 2013-04-20 --json
    """
    from timeline.temporal import resolve as resolve_text

    if batch is not None:
        raise typer.Exit(_resolve_batch(batch, progress))
    if file is None:
        raise InputError("give a FILE (or - for standard input), or --batch FILE")
    if published is not None:
        from timeline.dates import parse_published

        parse_published(published, what="--published")
    text = _read_text(file)
    mentions = resolve_text(text, published)
    if published is None:
        _note_unanchored(text, mentions)
    if as_json:
        print(json.dumps([m.model_dump() for m in mentions], indent=2, ensure_ascii=False))
        return
    if not mentions:
        _stderr("timeline: no time expressions found")
        return
    columns = ("chars", "text", "type", "value", "interval", "granularity", "anchor")
    rows = [
        (
            f"{m.start_char}-{m.end_char}",
            " ".join(m.text.split()),
            m.type,
            m.value,
            f"[{m.start}, {m.end})" if m.start else "",
            m.granularity or "",
            m.anchor,
        )
        for m in mentions
    ]
    if not sys.stdout.isatty():
        # Piped: tab-separated lines, whole values (a table would cut them to a width).
        for row in (columns, *rows):
            print("\t".join(row))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(*columns, box=None)
    for row in rows:
        table.add_row(*row)
    Console(soft_wrap=True).print(table)


def _note_unanchored(text: str, mentions: list) -> None:
    """Without --published, "Monday" or "last week" stay XXXX values: say so once, with the
    date the text states for itself when it has one (the dateline `timeline build` reads)."""
    unanchored = [m for m in mentions if m.anchor == "published" and m.reference is None]
    if not unanchored:
        return
    n = len(unanchored)
    shown = ", ".join(f"'{' '.join(m.text.split())}'" for m in unanchored[:3])
    more = ", ..." if n > 3 else ""
    hint = "give --published DATE to anchor them"
    from timeline.ingest.pubdate import find_dateline

    try:
        stamp = find_dateline(text)
    except Exception:  # a hint only: never fail the command over it
        stamp = None
    if stamp is not None and stamp.day is not None:
        quote = " ".join(stamp.evidence[0].split())[:60] if stamp.evidence else ""
        hint += f"; the text is dated {stamp.day.isoformat()} ('{quote}'): --published {stamp.day}"
    what = "expression" if n == 1 else "expressions"
    _stderr(
        f"timeline: note: no --published date: {n} {what} relative to it left unresolved "
        f"({shown}{more}); {hint}"
    )


def _resolve_batch(batch: str, progress: bool | None = None) -> int:
    from timeline.temporal.batch import count_lines, resolve_batch

    stream = sys.stdin if batch == "-" else None
    if stream is None:
        path = Path(batch)
        if not path.is_file():
            raise InputError("no such file", path=batch)
        stream = path.open(encoding="utf-8", errors="replace")
    total = count_lines(batch) if batch != "-" else None
    failures = resolve_batch(
        stream, sys.stdout, name=batch, on_error=_stderr, progress=progress, total=total
    )
    return 1 if failures else 0


@app.command()
def build(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Article files or folders (.txt, .html, .htm, .jsonl; folders are searched recursively).",
            metavar="PATH",
        ),
    ],
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Folder to write the outputs into.", metavar="DIR")
    ] = Path("out"),
    manifest: Annotated[
        Path | None,
        typer.Option(
            "--manifest",
            "-m",
            help="CSV with path,published[,source,url,title]; its values override the text.",
            show_default=False,
            metavar="CSV",
        ),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    png: Annotated[
        bool,
        typer.Option("--png", help="Also write timeline.png (needs kaleido and Chrome/Chromium)."),
    ] = False,
    svg: Annotated[
        bool,
        typer.Option("--svg", help="Also write timeline.svg (needs kaleido and Chrome/Chromium)."),
    ] = False,
) -> None:
    """Build the sourced chronology of a pile of articles.

    Writes timeline.html, chronology.csv/.json, audit.csv and timelinejs.json into --out.

    [bold]Example[/bold]

      timeline build examples/ --manifest examples/manifest.csv --out out/
    """
    from timeline.pipeline import build as build_chronology
    from timeline.render import write_all

    with _progress(quiet) as progress:
        chronology = build_chronology(inputs, manifest, progress=progress)
    for skipped in chronology.skipped:
        _stderr(f"timeline: skipped {skipped.path}: {skipped.reason}")
    _note_ignored(inputs, manifest)
    for duplicate in chronology.duplicates:
        _stderr(
            f"timeline: note: {duplicate.path} repeats the text of {duplicate.duplicate_of}; read once"
        )
    if not chronology.sources:
        raise NothingToDo("no article could be read; nothing written")
    images = [kind for kind, wanted in (("png", png), ("svg", svg)) if wanted]
    written = write_all(chronology, out, images=images)
    if not quiet:
        for line in _dating_report(chronology):
            _stderr(line)
    _stderr(_build_summary(chronology))
    _stderr(f"timeline: wrote {', '.join(str(path) for path in written.values())}")
    if chronology.skipped:
        _stderr(f"timeline: {len(chronology.skipped)} input(s) skipped (listed above)")
        raise typer.Exit(1)


def _note_ignored(inputs: list[str], manifest: Path | None, shown: int = 5) -> None:
    """One note naming the files in the input folders that were not read for their type
    (the manifest itself excepted): not an error, but a PDF left out should not go unsaid."""
    from timeline.ingest.readers import ignored_files

    skip = manifest.resolve() if manifest is not None else None
    ignored = [p for p in ignored_files(inputs) if p.resolve() != skip]
    if not ignored:
        return
    names = ", ".join(str(p) for p in ignored[:shown])
    more = f" and {len(ignored) - shown} more" if len(ignored) > shown else ""
    _stderr(f"timeline: note: not read (not .txt, .html, .htm or .jsonl): {names}{more}")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _build_summary(chronology: Chronology) -> str:
    """One line: what was read and found.

    >>> from timeline.models import Chronology, Event
    >>> _build_summary(Chronology(sources=[], events=[Event(id="E1", label="x", value="2013", conflict=True)]))
    'timeline: 0 articles, 1 event (1 with conflicting dates), 0 syndicated copies'
    """
    conflicts = sum(e.conflict for e in chronology.events)
    copies = sum(s.syndicated_from is not None for s in chronology.sources)
    return (
        f"timeline: {_plural(len(chronology.sources), 'article')}, "
        f"{_plural(len(chronology.events), 'event')} ({conflicts} with conflicting dates), "
        f"{_plural(copies, 'syndicated copy').replace('copys', 'copies')}"
    )


def _dating_report(chronology: Chronology, limit: int = 30) -> list[str]:
    """How each article was dated, one line each (the first ``limit``): the thing to check
    first when a timeline looks wrong."""
    if not chronology.sources:
        return []
    lines = ["timeline: publication dates (how found, confidence):"]
    for source in chronology.sources[:limit]:
        when = (source.published or "unknown")[:16].replace("T", " ")
        copy = f", copy of {source.syndicated_from}" if source.syndicated_from else ""
        lines.append(
            f"  {when:<16}  {source.published_how:<9} {source.published_confidence:4.2f}  "
            f"{source.id}{copy}"
        )
    if len(chronology.sources) > limit:
        lines.append(f"  ... and {len(chronology.sources) - limit} more (see chronology.json)")
    return lines


class _progress:
    """A rich progress bar on stderr, one task per pipeline stage; silent when not a terminal."""

    def __init__(self, quiet: bool) -> None:
        self.enabled = not quiet and sys.stderr.isatty()
        self.tasks: dict[str, int] = {}

    def __enter__(self):
        if not self.enabled:
            return None
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        self.bar = Progress(
            TextColumn("{task.description:<10}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self.bar.__enter__()
        return self.update

    def update(self, stage: str, done: int, total: int) -> None:
        if stage not in self.tasks:
            self.tasks[stage] = self.bar.add_task(stage, total=total)
        self.bar.update(self.tasks[stage], completed=done, total=total)

    def __exit__(self, *exc: object) -> None:
        if self.enabled:
            self.bar.__exit__(None, None, None)


@eval_app.command("tempeval")
def eval_tempeval(
    dirs: Annotated[
        list[Path],
        typer.Argument(
            help="Folders (or files) of TimeML .tml documents with gold TIMEX3.", metavar="PATH"
        ),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    errors: Annotated[
        int, typer.Option("--errors", help="Show up to N value errors.", metavar="N")
    ] = 0,
    split: Annotated[
        str,
        typer.Option(
            "--split",
            help="all, or train / dev: dev is every 5th document by sorted name (held out).",
            metavar="SPLIT",
        ),
    ] = "all",
) -> None:
    """Score the engine the way the TempEval-3 scorer does: strict/relaxed span, type and value F1.

    [bold]Example[/bold]

      timeline eval tempeval ../shared/data/tempeval3/train/TimeBank --split dev
    """
    from timeline.temporal.tempeval import SPLITS, evaluate_paths, format_report

    if split not in SPLITS:
        raise InputError(f"--split {split!r} is not one of {', '.join(SPLITS)}")
    report = evaluate_paths(dirs, split=split)
    print(
        json.dumps(report.as_dict(), indent=2) if as_json else format_report(report, errors=errors)
    )


@app.command()
def serve(
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            help="Database: a SQLite file path, or a SQLAlchemy URL such as "
            "postgresql+psycopg://user@host/dbname; default sqlite:///./timeline.db (WAL).",
            show_default=False,
            metavar="URL",
        ),
    ] = None,
    host: Annotated[
        str, typer.Option("--host", help="Interface to listen on.", metavar="HOST")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.", metavar="PORT")] = 8000,
    max_body: Annotated[
        str | None,
        typer.Option(
            "--max-body",
            help="Largest request body accepted (e.g. 5MB, 20MB); larger ones get a 413. "
            "Default: $TIMELINE_MAX_BODY or 5MB.",
            show_default=False,
            metavar="SIZE",
        ),
    ] = None,
) -> None:
    """Run the HTTP service: collections, documents, live chronologies (OpenAPI at /docs).

    [bold]Token[/bold]: writes need [cyan]Authorization: Bearer TOKEN[/cyan].
    TOKEN is $TIMELINE_TOKEN, or one made and printed once at the first start.
    Only its hash is stored. Reads need it too, unless the collection is public.

    [bold]Example[/bold]

      TIMELINE_TOKEN=s3cret timeline serve --db sqlite:///./timeline.db --port 8000

      curl -X POST localhost:8000/api/collections -H 'Authorization: Bearer s3cret' -H 'Content-Type: application/json' -d '{"name": "boston", "public": true}'

      curl -X POST localhost:8000/api/collections/ID/documents -H 'Authorization: Bearer s3cret' -F file=@article.txt -F published=2013-04-23

      curl localhost:8000/api/collections/ID/chronology.csv
    """
    from timeline.service import run

    run(db=db, host=host, port=port, max_body=max_body)


def main() -> None:
    """Entry point: run the app, turning every user-facing error into one line on stderr."""
    try:
        app()
    except TimelineError as exc:
        _stderr(f"timeline: error: {exc}")
        sys.exit(2)
    except KeyboardInterrupt:
        _stderr("timeline: interrupted")
        sys.exit(130)
    except Exception as exc:  # the edge: never a traceback for a user, unless asked for
        if os.environ.get("TIMELINE_DEBUG"):
            raise
        _stderr(
            f"timeline: internal error: {type(exc).__name__}: {exc} (set TIMELINE_DEBUG=1 for details)"
        )
        sys.exit(1)


__all__ = ["DateError", "app", "main"]
