"""`timeline resolve --batch`: order kept, bad lines reported in place, progress on request."""

from __future__ import annotations

import io
import json

from tests.conftest import run_cli
from timeline.temporal.batch import resolve_batch


def _lines(n: int) -> list[str]:
    days = ["Monday", "last week", "in 2011", "April 16", "six months", "no date here"]
    return [
        json.dumps(
            {"id": i, "text": f"Doc {i}: talks {days[i % len(days)]}.", "published": "2013-04-23"}
        )
        for i in range(n)
    ]


def test_ten_thousand_documents_in_order() -> None:
    out = io.StringIO()
    failures = resolve_batch(_lines(10_000), out, progress=False)
    assert failures == 0
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["id"] for r in records] == list(range(10_000))
    assert records[0]["mentions"][0]["value"] == "2013-04-22"
    assert records[2]["mentions"][0]["value"] == "2011"
    assert records[5]["mentions"] == []


def test_bad_lines_keep_their_place_and_are_reported() -> None:
    lines = [
        '{"id": "a", "text": "on Monday", "published": "2013-04-23"}',
        "not json",
        '{"id": "c", "text": "on Monday", "published": "23/04/2013"}',
        '{"id": "d", "text": 5}',
        "",
        '{"id": "e", "text": "in 2011"}',
    ]
    out, errors = io.StringIO(), []
    failures = resolve_batch(lines, out, name="docs.jsonl", on_error=errors.append, progress=False)
    assert failures == 3
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["id"] for r in records] == ["a", None, "c", "d", "e"]
    assert [bool(r.get("error")) for r in records] == [False, True, True, True, False]
    assert errors[0].startswith("timeline: docs.jsonl:2: not JSON")
    assert "docs.jsonl:3" in errors[1] and "23/04/2013" in errors[1]
    assert "docs.jsonl:4" in errors[2]


def test_progress_bar_only_when_asked(capsys) -> None:
    resolve_batch(_lines(30), io.StringIO(), progress=True, total=30, name="docs")
    assert "resolving docs" in capsys.readouterr().err
    resolve_batch(_lines(30), io.StringIO(), progress=False)
    assert capsys.readouterr().err == ""


def test_cli_batch_with_progress_on_stderr() -> None:
    result = run_cli("resolve", "--batch", "-", "--progress", input="\n".join(_lines(50)) + "\n")
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 50
    assert "resolving" in result.stderr
