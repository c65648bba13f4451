"""Every CLI command and option, as a user runs them: exit codes, one-line errors, no tracebacks."""

from __future__ import annotations

import json

import pytest

from tests.conftest import EXAMPLES, run_cli


def assert_clean_failure(result, *needles: str, code: int = 2) -> None:
    assert result.returncode == code, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    for needle in needles:
        assert needle in result.stderr, result.stderr


def test_version():
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("timeline ")


@pytest.mark.parametrize("command", [[], ["resolve"], ["build"], ["eval", "tempeval"], ["serve"]])
def test_help(command):
    result = run_cli(*command, "--help")
    assert result.returncode == 0, result.stderr
    assert "Usage" in result.stdout


def test_help_names_values_and_shows_flags_as_flags():
    """A flag reads as taking no value ("--json", not "--json <bool>"); a value is named."""
    out = run_cli("resolve", "--help").stdout
    assert "<bool>" not in out
    assert "DATE" in out and "FILE" in out
    assert "PATH" in run_cli("build", "--help").stdout


def test_resolve_stdin_json():
    result = run_cli(
        "resolve",
        "-",
        "--published",
        "2013-04-20",
        "--json",
        input="The bombs went off Monday near the finish line.",
    )
    assert result.returncode == 0, result.stderr
    mentions = json.loads(result.stdout)
    monday = next(m for m in mentions if m["text"] == "Monday")
    assert monday["value"] == "2013-04-15"
    assert (monday["start"], monday["end"]) == ("2013-04-15", "2013-04-16")
    assert monday["anchor"] == "published"
    assert monday["type"] == "DATE"


def test_resolve_file_table(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Talks resumed on April 16, 2013.", encoding="utf-8")
    result = run_cli("resolve", str(article), "-p", "2013-04-23")
    assert result.returncode == 0, result.stderr
    assert "2013-04-16" in result.stdout


def test_resolve_piped_prints_whole_values_tab_separated(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(
        "Talks resume on Monday, after the vote of April 16, 2013.", encoding="utf-8"
    )
    result = run_cli("resolve", str(article), "-p", "2013-04-23")
    assert result.returncode == 0, result.stderr
    header, *rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert header == ["chars", "text", "type", "value", "interval", "granularity", "anchor"]
    assert [
        "16-22",
        "Monday",
        "DATE",
        "2013-04-29",
        "[2013-04-29, 2013-04-30)",
        "day",
        "published",
    ] in rows
    assert any(row[3] == "2013-04-16" for row in rows)


def test_resolve_without_published_says_what_stays_unresolved(tmp_path):
    """'Monday' used to come out as XXXX-WXX-1 with an empty interval and not a word why,
    even when the article's own dateline gives the date `timeline build` would use."""
    article = tmp_path / "a.txt"
    article.write_text(
        "Harbour talks resume\n\nBy Jo Park / March 3, 2021\n\n"
        "Talks resumed on Monday, the port said.\n",
        encoding="utf-8",
    )
    result = run_cli("resolve", str(article))
    assert result.returncode == 0, result.stderr
    assert "XXXX-WXX-1" in result.stdout
    assert "no --published date" in result.stderr and "'Monday'" in result.stderr
    assert "--published 2021-03-03" in result.stderr
    # Anchored, or with nothing relative in it, there is nothing to say.
    assert run_cli("resolve", str(article), "-p", "2021-03-03").stderr == ""
    assert run_cli("resolve", "-", input="It happened in 1999.").stderr == ""


def test_resolve_says_when_nothing_is_found():
    result = run_cli("resolve", "-", input="No dates in this sentence at all.")
    assert result.returncode == 0
    assert result.stdout == "" and "no time expressions found" in result.stderr


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("report.pdf", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\n", "binary"),
        ("photo.txt", b"\x89PNG\r\n\x1a\nrest", "binary"),
        (
            "notes.docx",
            b"PK\x03\x04\x14\x00\x06\x00",
            ".docx, .xlsx or .zip), not an article; save it as .txt",
        ),
    ],
)
def test_resolve_refuses_binary_files(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    assert_clean_failure(run_cli("resolve", str(path)), name, reason)


def test_resolve_a_folder_points_to_build(tmp_path):
    assert_clean_failure(run_cli("resolve", str(tmp_path)), "is a folder", "timeline build")


def test_resolve_bad_published():
    result = run_cli("resolve", "-", "--published", "23/04/2013", input="Monday")
    assert_clean_failure(result, "--published", "ISO 8601")


def test_resolve_missing_file(tmp_path):
    result = run_cli("resolve", str(tmp_path / "nope.txt"))
    assert_clean_failure(result, "nope.txt", "no such file")


def test_resolve_batch_keeps_order_and_reports_bad_lines():
    lines = [
        {"id": "a", "text": "It happened on Monday.", "published": "2013-04-20"},
        "this is not json",
        {"id": "c", "text": "In 2011 it began.", "published": "2013-04-20"},
        {"id": "d", "text": "Monday.", "published": "yesterday"},
    ]
    stdin = "\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n"
    result = run_cli("resolve", "--batch", "-", input=stdin)
    assert result.returncode == 1
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", None, "c", "d"]
    assert out[0]["mentions"] and out[2]["mentions"][0]["value"] == "2011"
    assert "error" in out[1] and "error" in out[3]
    assert "-:2:" in result.stderr and "-:4:" in result.stderr
    assert "Traceback" not in result.stderr


def test_build_missing_path(tmp_path):
    result = run_cli("build", str(tmp_path / "missing"), "--out", str(tmp_path / "out"))
    assert_clean_failure(result, "missing", "no such file or folder")
    assert not (tmp_path / "out").exists()


def test_build_out_that_cannot_be_written(tmp_path):
    """--out on a file, or under one: one line naming it, exit 2, no internal error."""
    article = tmp_path / "a.txt"
    article.write_text("Talks resumed on April 16, 2013.", encoding="utf-8")
    taken = tmp_path / "taken"
    taken.write_text("not a folder")
    result = run_cli("build", str(article), "--out", str(taken), "-q")
    assert_clean_failure(result, f"{taken}: is a file; --out takes a folder")
    result = run_cli("build", str(article), "--out", str(taken / "sub"), "-q")
    assert_clean_failure(result, f"{taken / 'sub'}: cannot create the folder")
    assert "internal error" not in result.stderr and len(result.stderr.splitlines()) == 1


def test_build_folder_without_articles(tmp_path):
    (tmp_path / "notes.md").write_text("nothing here")
    result = run_cli("build", str(tmp_path), "--out", str(tmp_path / "out"))
    assert_clean_failure(result, str(tmp_path), "no .txt, .html, .htm or .jsonl files")


def test_eval_bad_split_names_the_choices():
    result = run_cli("eval", "tempeval", str(EXAMPLES), "--split", "test")
    assert_clean_failure(result, "--split 'test' is not one of all, train, dev")


def test_build_skips_bad_files_and_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("The hearing took place on Thursday, Oct. 19, 2023.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    result = run_cli("build", str(tmp_path), "--out", str(tmp_path / "out"))
    assert result.returncode == 1, result.stderr
    assert "empty.txt" in result.stderr and "empty" in result.stderr
    assert "binary.txt" in result.stderr
    assert "Traceback" not in result.stderr
    data = json.loads((tmp_path / "out" / "chronology.json").read_text())
    assert [s["id"] for s in data["sources"]] == ["good"]
    assert {s["path"].split("/")[-1] for s in data["skipped"]} == {"empty.txt", "binary.txt"}


def test_build_bad_manifest_row(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Officials met on Monday.", encoding="utf-8")
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("path,published\na.txt,2013-04-23\nb.txt,not-a-date\n", encoding="utf-8")
    result = run_cli(
        "build", str(article), "--manifest", str(manifest), "--out", str(tmp_path / "out")
    )
    assert result.returncode == 1
    assert "manifest.csv:3" in result.stderr and "not-a-date" in result.stderr
    data = json.loads((tmp_path / "out" / "chronology.json").read_text())
    assert data["sources"][0]["published"] == "2013-04-23"


def test_build_manifest_without_required_columns(tmp_path):
    manifest = tmp_path / "m.csv"
    manifest.write_text("file,date\na.txt,2013-04-23\n")
    result = run_cli(
        "build", str(EXAMPLES), "--manifest", str(manifest), "--out", str(tmp_path / "o")
    )
    assert_clean_failure(result, "m.csv", "path", "published")
    assert "'file', 'date'" in result.stderr  # what the header has instead


def test_build_reports_exact_duplicates_as_notes(tmp_path):
    text = "Officials met on Thursday, Oct. 19, 2023, to discuss the permit."
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(text, encoding="utf-8")
    result = run_cli("build", str(tmp_path), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert "b.txt repeats the text of a" in result.stderr
    data = json.loads((tmp_path / "out" / "chronology.json").read_text())
    assert [s["id"] for s in data["sources"]] == ["a"]
    assert [(d["path"].split("/")[-1], d["duplicate_of"]) for d in data["duplicates"]] == [
        ("b.txt", "a")
    ]


def test_build_reports_how_each_article_was_dated(tmp_path):
    out = tmp_path / "out"
    result = run_cli(
        "build", str(EXAMPLES), "--manifest", str(EXAMPLES / "manifest.csv"), "--out", str(out)
    )
    assert result.returncode == 0, result.stderr
    data = json.loads((out / "chronology.json").read_text())
    lines = result.stderr.splitlines()
    for source in data["sources"]:
        line = next(
            line for line in lines if line.rstrip().split(", copy of ")[0].endswith(source["id"])
        )
        assert source["published_how"] in line
        assert (source["published"] or "unknown")[:10] in line
        if source["syndicated_from"]:
            assert f"copy of {source['syndicated_from']}" in line
    copies = sum(s["syndicated_from"] is not None for s in data["sources"])
    conflicts = sum(e["conflict"] for e in data["events"])
    summary = f"{len(data['sources'])} articles, {len(data['events'])} events ({conflicts} with"
    assert summary in result.stderr
    assert f"{copies} syndicated cop" in result.stderr
    assert str(out / "timeline.html") in result.stderr
    quiet = run_cli("build", str(EXAMPLES), "--out", str(tmp_path / "q"), "--quiet")
    assert "publication dates" not in quiet.stderr and "articles," in quiet.stderr


def test_build_names_what_it_did_not_read(tmp_path):
    """A folder as users have them: an article, a PDF, a script-only HTML page, and a manifest
    with a row for a file that is not there. Each gets its line; the article is still built."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Talks resumed on April 16, 2013, officials said on Tuesday.", encoding="utf-8"
    )
    (folder / "report.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    (folder / "README.md").write_text("Articles collected for the story.\n", encoding="utf-8")
    (folder / "shell.html").write_text(
        "<html><head><title>Loading</title></head><body><script>go()</script></body></html>",
        encoding="utf-8",
    )
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("path,published\nin/a.txt,2013-04-23\nin/typo.txt,2013-04-24\n")
    result = run_cli(
        "build", str(folder), "--manifest", str(manifest), "--out", str(tmp_path / "out"), "-q"
    )
    assert_clean_failure(result, "shell.html: HTML page has no article text", code=1)
    assert "report.pdf" in result.stderr and "not read" in result.stderr
    assert "README.md" not in result.stderr, "a folder's own notes are expected there"
    assert "typo.txt matches no input file" in result.stderr
    assert (tmp_path / "out" / "chronology.json").is_file()
