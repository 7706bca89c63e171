"""``kg timex-eval`` through click's CliRunner, on a small corpus written by the test."""

from __future__ import annotations

import json

from click.testing import CliRunner

from kg.cli import main


def _write_corpus(path):
    docs = [
        {"doc_id": "d1", "file": "d1.tml", "dct": "2022-05-18",
         "text": "The council met on Monday and will meet again next week."},
        {"doc_id": "d2", "dct": "2022-05-18T09:30",
         "text": "Shelling resumed two hours ago, three days after the truce of May 15."},
        {"doc_id": "d3", "dct": None, "text": "The bridge reopened yesterday."},
        {"doc_id": "d4", "dct": "19980108", "text": "No time here."},
    ]
    path.write_text("".join(json.dumps(d) + "\n" for d in docs) + "\n", encoding="utf-8")


def test_timex_eval_writes_the_scorer_format(tmp_path):
    gold, out = tmp_path / "gold.jsonl", tmp_path / "system.jsonl"
    _write_corpus(gold)
    result = CliRunner().invoke(main, ["timex-eval", str(gold), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "tagged 4 documents" in result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["doc_id"] for r in records] == ["d1", "d2", "d3", "d4"]
    assert records[0]["file"] == "d1.tml"
    first = records[0]["timexes"]
    assert [(t["text"], t["type"], t["value"]) for t in first] == [
        ("Monday", "DATE", "2022-05-16"), ("next week", "DATE", "2022-W21")]
    assert all(set(t) >= {"start", "end", "type", "value"} for r in records
               for t in r["timexes"])
    second = {t["text"]: t["value"] for t in records[1]["timexes"]}
    assert second["two hours ago"] == "2022-05-18T07:30"
    assert second["May 15"] == "2022-05-15"
    assert records[2]["timexes"][0]["value"] == "XXXX-XX-XX"
    assert records[3]["timexes"] == []


def test_timex_eval_reports_bad_json_as_an_error(tmp_path):
    gold, out = tmp_path / "gold.jsonl", tmp_path / "system.jsonl"
    gold.write_text('{"text": "fine", "dct": null}\n{not json\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["timex-eval", str(gold), "--out", str(out)])
    assert result.exit_code == 2
    assert "line 2" in result.output
    assert not out.exists()


def test_timex_eval_reports_a_bad_dct(tmp_path):
    gold, out = tmp_path / "gold.jsonl", tmp_path / "system.jsonl"
    gold.write_text('{"text": "Monday", "dct": "last Tuesday"}\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["timex-eval", str(gold), "--out", str(out)])
    assert result.exit_code == 2
    assert "line 1.dct" in result.output


def test_timex_eval_requires_text(tmp_path):
    gold, out = tmp_path / "gold.jsonl", tmp_path / "system.jsonl"
    gold.write_text('{"dct": "2022-05-18"}\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["timex-eval", str(gold), "--out", str(out)])
    assert result.exit_code == 2
    assert "text" in result.output
