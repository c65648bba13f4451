"""The benchmark harness and the peer adapters' pure parts (no Java, no HeidelTime run here)."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from bench import run as bench_run
from bench import temporal
from bench.peers import peers
from bench.peers.base import OutputCache, duration_value, find_spans, offset_map, timex_value
from bench.peers.duckling_peer import to_timex
from bench.peers.heideltime_peer import parse_timeml
from timeline.temporal.tempeval import Timex


def test_timex_values_follow_timeml_granularities() -> None:
    moment = datetime(2013, 1, 1, 9, 5)
    assert timex_value(moment, "year") == ("DATE", "2013")
    assert timex_value(moment, "quarter") == ("DATE", "2013-Q1")
    assert timex_value(moment, "month") == ("DATE", "2013-01")
    # 2013-01-01 is in ISO week 1 of 2013; 2012-12-31 too (ISO year != calendar year).
    assert timex_value(moment, "week") == ("DATE", "2013-W01")
    assert timex_value(datetime(2012, 12, 31), "week") == ("DATE", "2013-W01")
    assert timex_value(moment, "day") == ("DATE", "2013-01-01")
    assert timex_value(moment, "minute") == ("TIME", "2013-01-01T09:05")
    assert duration_value(19, "year") == "P19Y"
    assert duration_value(1.5, "hour") == "PT1.5H"


def test_find_spans_searches_in_order_and_tolerates_spacing() -> None:
    text = "On Monday,  April 16 and again on Monday."
    assert find_spans(text, ["Monday", "april 16", "Monday", "June"]) == [
        (3, 9),
        (12, 20),
        (34, 40),
        None,
    ]


def test_offset_map_realigns_an_altered_echo() -> None:
    source, target = "x &amp; Monday", "x & Monday"
    mapping = offset_map(source, target)
    start = source.index("Monday")
    assert target[mapping[start] : mapping[start + 6]] == "Monday"


def test_heideltime_timeml_is_parsed_back_to_offsets_in_the_input() -> None:
    text = "\nTalks began Monday & ended <late> in 2012.\n"
    timeml = (
        '<?xml version="1.0"?>\n<!DOCTYPE TimeML SYSTEM "TimeML.dtd">\n<TimeML>\n'
        'Talks began <TIMEX3 tid="t1" type="DATE" value="2013-04-15">Monday</TIMEX3> & ended '
        '<late> in <TIMEX3 tid="t2" type="DATE" value="2012">2012</TIMEX3>.\n\n</TimeML>\n'
    )
    found = parse_timeml(text, timeml)
    assert [(text[t.start : t.end], t.value) for t in found] == [
        ("Monday", "2013-04-15"),
        ("2012", "2012"),
    ]


def test_heideltime_output_that_differs_from_the_input_is_realigned() -> None:
    text = "Talks began Monday."
    timeml = '<TimeML>Talks  began <TIMEX3 type="DATE" value="X">Monday</TIMEX3>.</TimeML>'
    (found,) = parse_timeml(text, timeml)
    assert text[found.start : found.end] == "Monday"


def _duckling(body: str, text: str, value: dict, dim: str = "time") -> Timex | None:
    start = text.index(body)
    entity = {"dim": dim, "body": body, "start": start, "end": start + len(body), "value": value}
    return to_timex(text, entity)


def test_a_duckling_moment_beyond_the_calendar_is_no_timex() -> None:
    """Duckling gives "470 million years ago" as year -469997988; the bench must not crash."""
    text = "The crater formed 470 million years ago."
    value = {"value": "-469997988-09-01T00:00:00.000-07:00", "grain": "year"}
    assert _duckling("470 million years ago", text, value) is None


def test_duckling_interval_shapes_become_seasons_weekends_and_parts_of_day() -> None:
    def point(stamp: str, grain: str) -> dict:
        return {"value": stamp + ".000+00:00", "grain": grain}

    fall = {
        "type": "interval",
        "from": point("2012-09-23T00:00:00", "day"),
        "to": point("2012-12-22T00:00:00", "day"),
    }
    weekend = {
        "type": "interval",
        "from": point("2013-04-19T18:00:00", "hour"),
        "to": point("2013-04-22T00:00:00", "hour"),
    }
    evening = {
        "type": "interval",
        "from": point("2013-04-19T18:00:00", "hour"),
        "to": point("2013-04-20T00:00:00", "hour"),
    }
    text = "last fall, the weekend, Friday evening"
    assert _duckling("last fall", text, fall).value == "2012-FA"
    assert _duckling("the weekend", text, weekend).value == "2013-W16-WE"
    assert _duckling("Friday evening", text, evening).value == "2013-04-19TEV"
    duration = _duckling("six months", "for six months", {"value": 6, "unit": "month"}, "duration")
    assert (duration.type, duration.value) == ("DURATION", "P6M")


def test_dateparser_peer_offsets_point_at_its_strings() -> None:
    peer = next(p for p in peers() if p.name == "dateparser")
    if peer.unavailable():
        pytest.skip(peer.unavailable())
    text = "The talks ended on March 3, 2013, officials said."
    found = peer.system(text, date(2013, 4, 23))
    assert found, "dateparser found nothing in a plain absolute date"
    assert all(text[t.start : t.end] == t.text for t in found)
    assert any(t.value == "2013-03-03" for t in found)


def test_every_peer_says_in_one_line_why_it_cannot_run() -> None:
    for peer in peers():
        if peer.name == "heideltime":
            continue  # its check starts a JVM: that belongs to `make bench`, not `make test`
        reason = peer.unavailable()
        assert reason is None or (reason.strip() and "\n" not in reason), peer.name


def test_output_cache_round_trips(tmp_path: Path) -> None:
    cache = OutputCache("peer", "1.0", root=tmp_path)
    timexes = [Timex(0, 6, "Monday", "DATE", "2013-04-15")]
    assert cache.get("Monday", date(2013, 4, 20)) is None
    cache.put("Monday", date(2013, 4, 20), timexes, 0.5)
    assert cache.get("Monday", date(2013, 4, 20)) == (timexes, 0.5)
    assert cache.get("Monday", date(2013, 4, 21)) is None  # the DCT is part of the key


def test_throughput_pairs_systems_and_reports_speedups() -> None:
    slow = temporal.Contender("slow", lambda t, d: sum(range(200_000)), lambda t, d: [])
    fast = temporal.Contender("fast", lambda t, d: None, lambda t, d: [])
    texts = [("x" * 100, date(2013, 4, 20))] * 5
    result = temporal.throughput([fast, slow], texts, repetitions=3, min_seconds=0.0)
    assert result["chars"] == 500
    assert result["fast"]["timeline_speedup"] == pytest.approx(1.0)
    assert result["slow"]["timeline_speedup"] > 1.0
    assert len(result["slow"]["cpu_seconds"]) == len(result["slow"]["wall_seconds"]) == 3


def test_phrase_table_credits_only_the_expected_value() -> None:
    case = temporal.PHRASES[0]
    start = case.sentence.index(case.phrase)
    right = Timex(start, start + len(case.phrase), case.phrase, "DATE", case.expected)
    wrong = Timex(start, start + len(case.phrase), case.phrase, "DATE", "1999")
    systems = [
        temporal.Contender(
            "right", lambda t, d: None, lambda t, d: [right] if t == case.sentence else []
        ),
        temporal.Contender("wrong", lambda t, d: None, lambda t, d: [wrong]),
    ]
    first = temporal.phrases(systems)[0]
    assert first["right"]["ok"] is True
    assert first["wrong"] == {"value": "1999", "text": case.phrase, "ok": False}


def test_memory_is_measured_on_n_and_10n_characters() -> None:
    texts = [("Talks ended Monday. " * 50, date(2013, 4, 20))]
    keep = temporal.Contender("keep", lambda t, d: list(t), lambda t, d: [])
    result = temporal.memory([keep], texts, 1_000)["keep"]
    assert result["n"]["chars"] == 1_000
    assert 10_000 <= result["10n"]["chars"] <= 10_020  # ten copies and their separators
    # A system that keeps one object per character: its result grows 10x, its working set doesn't.
    assert result["10n"]["result_bytes"] > 5 * result["n"]["result_bytes"]


def test_runner_skips_benchmarks_not_written_yet(capsys: pytest.CaptureFixture[str]) -> None:
    assert bench_run.run_one("not_written_yet", quick=True, peers=None) is None
    assert "not written yet" in capsys.readouterr().err


def test_summary_table_lists_every_recorded_result(tmp_path: Path) -> None:
    result = {
        "name": "no_such_module",
        "machine": {"date": "2013-04-23 10:00 UTC", "cpu": "test cpu", "cores": 2},
        "summary": [{"name": "docs/s", "value": 1234.5, "target": ">= 1000", "pass": True}],
    }
    (tmp_path / "no_such_module.json").write_text(json.dumps(result), encoding="utf-8")
    table = bench_run.summary_markdown(tmp_path)
    assert "| no_such_module | docs/s | 1,234 | >= 1000 | yes | 2013-04-23 10:00 UTC |" in table
    assert "test cpu" in table
