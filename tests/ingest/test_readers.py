"""Readers: every input kind, every bad input, manifest override, duplicates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from timeline.ingest import load
from timeline.ingest.readers import content_hash, document_from_record

ARTICLE = (
    "Harbour repairs start\n\n"
    "By Jo Park / March 3, 2021\n\n"
    "Work on the harbour wall began on Monday after two years of delays, the port said.\n\n"
    "The contractor expects to finish before the storm season.\n"
)


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def test_txt_text_is_the_file_untouched(tmp_path):
    path = _write(tmp_path / "a.txt", ARTICLE.replace("\n", "\r\n"))
    [doc] = load([path]).documents
    assert doc.text == path.read_bytes().decode("utf-8")
    assert doc.source.id == "a" and doc.source.chars == len(doc.text)
    assert doc.source.title == "Harbour repairs start"
    assert all(0 <= s < e <= len(doc.text) for s, e in doc.body)


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("latin-1", "Le maire a inauguré le café de la gare lundi, a précisé la mairie.\n"),
        ("cp1252", "The \u201cnew\u201d bridge opened on Monday \u2014 finally, officials said.\n"),
        ("utf-16", "The council met on Tuesday and voted to close the old bridge.\n"),
        ("cp1251", "Власти города сообщили в понедельник о закрытии старого моста.\n"),
    ],
)
def test_encodings_are_detected(tmp_path, encoding, text):
    path = _write(tmp_path / "x.txt", text, encoding)
    result = load([path])
    assert not result.skipped
    assert result.documents[0].text == text


def test_stray_bad_bytes_do_not_crash(tmp_path):
    data = (
        "Officials said \u201cthe bridge\u201d opened on Monday. " * 20
    ).encode() + b"\x93oops\x94"
    (tmp_path / "mixed.txt").write_bytes(data)
    [doc] = load([tmp_path / "mixed.txt"]).documents
    assert "\u201cthe bridge\u201d" in doc.text and "\ufffd" in doc.text


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n ", "empty"),
        ("binary.txt", b"\x00\x01\x02\xff" * 50, "binary"),
        ("report.txt", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + b"\x00" * 20, "PDF"),
        (
            "page.html",
            b"<html><body><script>var a=1;</script></body></html>",
            "no extractable text",
        ),
        ("empty.jsonl", b"\n\n", "empty"),
    ],
)
def test_bad_inputs_are_skipped_with_one_line(tmp_path, name, data, reason):
    (tmp_path / name).write_bytes(data)
    _write(tmp_path / "good.txt", ARTICLE)
    result = load([tmp_path])
    assert [d.source.id for d in result.documents] == ["good"]
    [skipped] = result.skipped
    assert skipped.path.endswith(name)
    assert reason.lower() in skipped.reason.lower()
    assert "\n" not in skipped.reason and "Traceback" not in skipped.reason


def test_missing_path_and_empty_folder(tmp_path):
    (tmp_path / "empty").mkdir()
    result = load([tmp_path / "missing.txt", tmp_path / "empty"])
    reasons = {Path(s.path).name: s.reason for s in result.skipped}
    assert reasons == {
        "missing.txt": "no such file or folder",
        "empty": "folder holds no .txt, .html, .htm or .jsonl files",
    }


def test_folders_are_searched_recursively_and_hidden_files_ignored(tmp_path):
    _write(tmp_path / "a" / "b" / "deep.txt", ARTICLE)
    _write(tmp_path / "a" / "notes.md", "not an article")
    _write(tmp_path / ".git" / "hidden.txt", ARTICLE + "x")
    ids = [d.source.id for d in load([tmp_path]).documents]
    assert ids == ["deep"]


def test_html_title_outlet_and_metadata_date(tmp_path):
    html = (
        "<html><head><title>Bridge reopens | The Gazette</title>"
        '<meta property="og:site_name" content="The Gazette">'
        '<meta property="article:published_time" content="2021-03-04T08:00:00+01:00"></head>'
        "<body><nav>Home | News | Sport</nav><article><h1>Bridge reopens</h1>"
        + "<p>The old bridge reopened on Wednesday after repairs that lasted two years, "
        "the council said in a statement.</p>"
        * 3
        + "</article><footer>&copy; 2015 Gazette Media</footer></body></html>"
    )
    _write(tmp_path / "page.html", html)
    [doc] = load([tmp_path]).documents
    source = doc.source
    assert source.outlet == "The Gazette" and source.title == "Bridge reopens"
    assert source.published == "2021-03-04T08:00:00+01:00"
    assert source.published_how == "metadata" and "article:published_time" in (
        source.published_evidence or ""
    )
    assert "Home | News" not in doc.text and "2015" not in doc.text


def test_html_json_ld_date(tmp_path):
    html = (
        '<html><head><script type="application/ld+json">'
        '{"@graph": [{"@type": "NewsArticle", "datePublished": "2020-06-01"}]}</script></head>'
        "<body><article>"
        + "<p>The mayor said on Monday that the market would move next spring.</p>" * 3
        + "</article></body></html>"
    )
    _write(tmp_path / "ld.htm", html)
    [doc] = load([tmp_path]).documents
    assert doc.source.published == "2020-06-01" and "JSON-LD" in doc.source.published_evidence


def test_jsonl_records_ids_and_bad_lines(tmp_path):
    lines = [
        json.dumps({"id": "one", "text": ARTICLE, "published": "2021-03-03", "source": "Wire"}),
        "{not json",
        json.dumps({"title": "no text"}),
        json.dumps(
            {"text": "Second story: the ferry resumed service on Friday.", "published": "soon"}
        ),
        json.dumps(
            {"html": "<html><body><p>" + "The port reopened on Friday. " * 5 + "</p></body></html>"}
        ),
        json.dumps(["a", "list"]),
    ]
    _write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    result = load([tmp_path])
    assert [d.source.id for d in result.documents] == ["feed-one", "feed-5"]
    first = result.documents[0].source
    assert (first.published, first.published_how, first.outlet) == (
        "2021-03-03",
        "metadata",
        "Wire",
    )
    reasons = {s.path.rsplit(":", 1)[1]: s.reason for s in result.skipped}
    assert set(reasons) == {"2", "3", "4", "6"}
    assert "not valid JSON" in reasons["2"]
    assert "text" in reasons["3"] and "not a date" in reasons["4"] and "object" in reasons["6"]


def test_jsonl_bad_lines_say_where_and_which_field(tmp_path):
    """The reasons used to read 'line is not valid JSON (Invalid control character at)' and
    '"published" must be a string' for a scraper's numeric "date_publish"."""
    lines = [
        '{"text": "Rain\tfell on Monday."}',  # a raw tab inside a JSON string
        json.dumps({"maintext": "The ferry resumed on Friday.", "date_publish": 1614800000}),
    ]
    _write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    reasons = [s.reason for s in load([tmp_path]).skipped]
    assert reasons == [
        "line is not valid JSON (Invalid control character at column 15)",
        '"date_publish" (read as "published") must be a string such as 2013-04-23, not 1614800000',
    ]


def test_jsonl_from_scrapers_reads_their_field_names(tmp_path):
    # news-please writes maintext/date_publish/source_domain, newspaper3k publish_date.
    lines = [
        json.dumps(
            {
                "maintext": ARTICLE,
                "date_publish": "2021-03-03 08:30:00",
                "source_domain": "harbour.example",
                "headline": "Harbour repairs start",
            }
        ),
        json.dumps(
            {"content": "The ferry resumed service on Friday.", "publish_date": "2021-03-05"}
        ),
        json.dumps({"text": "", "body": "The port reopened on Friday.", "date": "2021-03-06"}),
    ]
    _write(tmp_path / "scraped.jsonl", "\n".join(lines) + "\n")
    result = load([tmp_path])
    assert not result.skipped
    got = [(d.source.published, d.source.outlet, d.source.title) for d in result.documents]
    assert got[0] == ("2021-03-03T08:30:00", "harbour.example", "Harbour repairs start")
    assert [p for p, _, _ in got[1:]] == ["2021-03-05", "2021-03-06"]


def test_document_from_record_contract():
    doc = document_from_record(
        {"text": ARTICLE, "url": "https://x.example/a", "title": "T", "source": "Wire"},
        source_id="x",
        path="api",
    )
    assert (doc.source.id, doc.source.url, doc.source.title, doc.source.outlet) == (
        "x",
        "https://x.example/a",
        "T",
        "Wire",
    )
    assert doc.body and doc.source.content_hash == content_hash(ARTICLE)
    for bad in ({}, {"text": "  "}, {"text": 3}, {"text": "x", "published": "no date"}):
        with pytest.raises(ValueError):
            document_from_record(bad, source_id="x", path="api")


def test_manifest_overrides_text(tmp_path):
    _write(tmp_path / "a.txt", ARTICLE)
    (tmp_path / "m.csv").write_text(
        "path,published,source,url,title\na.txt,2021-03-05,Port News,https://p.example,Better title\n"
    )
    [doc] = load([tmp_path / "a.txt"], manifest=tmp_path / "m.csv").documents
    source = doc.source
    assert (source.published, source.published_how, source.published_confidence) == (
        "2021-03-05",
        "manifest",
        1.0,
    )
    assert (source.outlet, source.title) == ("Port News", "Better title")


@pytest.mark.parametrize(
    ("header", "row", "encoding"),
    [
        ("Path, Published ,Source", "a.txt, 2021-03-05 ,Café News", "utf-8"),  # typed by hand
        ("path;published;source", "a.txt;2021-03-05;Café News", "utf-8"),  # European Excel
        ("path\tpublished\tsource", "a.txt\t2021-03-05\tCafé News", "utf-8"),
        ("path,published,source", "a.txt,2021-03-05,Café News", "cp1252"),  # Excel on Windows
    ],
)
def test_manifest_as_spreadsheets_save_it(tmp_path, header, row, encoding):
    """Each of these used to stop the run: 'manifest lacks column(s): path, published' for a
    header that has them, 'not a readable CSV file (utf-8 codec can't decode ...)'."""
    _write(tmp_path / "a.txt", ARTICLE)
    _write(tmp_path / "m.csv", f"{header}\n{row}\n\n", encoding)
    result = load([tmp_path / "a.txt"], manifest=tmp_path / "m.csv")
    [doc] = result.documents
    assert (doc.source.published, doc.source.published_how) == ("2021-03-05", "manifest")
    assert doc.source.outlet == "Café News"
    assert not result.skipped


def test_manifest_row_repeating_a_path_with_another_date_is_named(tmp_path):
    """The last of two rows for one file used to win silently."""
    _write(tmp_path / "a.txt", ARTICLE)
    (tmp_path / "m.csv").write_text(
        "path,published\na.txt,2021-03-05\na.txt,2021-03-05\n\na.txt,2021-03-06\n"
    )
    result = load([tmp_path / "a.txt"], manifest=tmp_path / "m.csv")
    assert result.documents[0].source.published == "2021-03-05"
    [skipped] = result.skipped
    assert skipped.path.endswith("m.csv:5"), skipped
    assert "line 2" in skipped.reason and "2021-03-06" in skipped.reason


def test_exact_duplicates_are_read_once_and_reported(tmp_path):
    _write(tmp_path / "a.txt", ARTICLE)
    _write(tmp_path / "b.txt", ARTICLE.replace("\n", "\n\n"))  # reflowed: same words
    result = load([tmp_path, tmp_path / "a.txt"])  # a.txt named twice: read once
    assert [d.source.id for d in result.documents] == ["a"]
    assert not result.skipped
    [dup] = result.duplicates
    assert dup.path.endswith("b.txt") and dup.duplicate_of == "a" and "same text" in dup.reason


def test_same_text_other_outlet_is_kept_as_a_copy(tmp_path):
    body = "<p>" + "The ferry resumed service on Friday after the storm, the operator said. " * 4
    for name, site, day in (("x", "Site X", "2021-03-01"), ("y", "Site Y", "2021-03-02")):
        _write(
            tmp_path / f"{name}.html",
            f'<html><head><meta property="og:site_name" content="{site}">'
            f'<meta property="article:published_time" content="{day}"></head>'
            f"<body><article>{body}</p></article></body></html>",
        )
    result = load([tmp_path])
    assert [d.source.id for d in result.documents] == ["x", "y"]
    assert result.documents[1].source.syndicated_from == "x" and not result.duplicates


def test_id_collisions_are_disambiguated(tmp_path):
    _write(tmp_path / "one" / "story.txt", ARTICLE)
    _write(tmp_path / "two" / "story.txt", ARTICLE + "\nA correction was added on Tuesday.\n")
    ids = [d.source.id for d in load([tmp_path]).documents]
    assert ids == ["story", "story-2"]


def test_examples_read_without_errors(tmp_path):
    examples = Path(__file__).resolve().parents[2] / "examples"
    result = load([examples], manifest=examples / "manifest.csv")
    assert not result.skipped and not result.duplicates
    assert len(result.documents) == 7
    by_id = {d.source.id: d.source for d in result.documents}
    assert by_id["06-followups-marren-resigns"].outlet == "Harbor Wire Service"
    assert by_id["02-riverton-gazette-repost"].outlet == "Riverton Gazette"


def test_a_published_year_at_the_calendar_ends_is_a_bad_line(tmp_path):
    """Year 1 or 9999 is no publication date: the line is named and skipped, the rest is read
    (it used to crash the copy detection further on)."""
    lines = [
        json.dumps({"text": "The council met on Monday to vote.", "published": "0001-01-01"}),
        json.dumps({"text": "The council met again on Tuesday.", "published": "9999-12-31"}),
        json.dumps({"text": "The council adjourned on Wednesday.", "published": "2013-04-24"}),
    ]
    _write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    result = load([tmp_path])
    assert [d.source.published for d in result.documents] == ["2013-04-24"]
    reasons = [s.reason for s in result.skipped]
    assert len(reasons) == 2 and all("1000-9000" in r for r in reasons)
