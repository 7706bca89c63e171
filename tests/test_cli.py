"""The kg command line over a real on-disk store."""

from __future__ import annotations

import json

from click.testing import CliRunner

from kg.cli import main
from tests.fixtures.articles import storm_article


def _run(*args, input=None, env=None):
    return CliRunner().invoke(main, list(args), input=input, env=env, catch_exceptions=False)


def test_ingest_dump_validate(tmp_path):
    data = tmp_path / "data"
    good = tmp_path / "storm.json"
    good.write_text(json.dumps(storm_article()), "utf-8")
    res = _run("ingest", "--data", str(data), "--no-progress", str(good))
    assert res.exit_code == 0, res.output
    assert "articles=1 events=3" in res.output
    out = tmp_path / "all.nq"
    res = _run("dump", "--data", str(data), "--format", "nq", "-o", str(out))
    assert res.exit_code == 0
    text = out.read_text("utf-8")
    assert "https://w3id.org/timeline-kg/ontology#Storm" in text
    res = _run("validate", str(good))
    assert res.exit_code == 0 and "conforms" in res.output


def test_ingest_batch_with_a_bad_item_stores_the_rest_and_fails(tmp_path):
    data = tmp_path / "data"
    batch = tmp_path / "batch.jsonl"
    other = storm_article(url="https://news.example/second")
    batch.write_text("\n".join([json.dumps(storm_article()), "{broken",
                                json.dumps(other)]), "utf-8")
    res = _run("ingest", "--data", str(data), "--no-progress", str(batch))
    assert res.exit_code == 1
    assert "articles=2" in res.output and "rejects=1" in res.output
    assert "batch.jsonl:2" in res.output


def test_ingest_folder_and_glob(tmp_path):
    data = tmp_path / "data"
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        (folder / f"a{i}.json").write_text(
            json.dumps(storm_article(url=f"https://news.example/{i}")), "utf-8")
    res = _run("ingest", "--data", str(data), "--no-progress", str(folder))
    assert "articles=3" in res.output, res.output
    res = _run("ingest", "--data", str(data), "--no-progress", str(folder / "a*.json"))
    assert "articles=3" in res.output


def test_missing_input_is_a_clear_message(tmp_path):
    res = _run("ingest", "--data", str(tmp_path / "d"), "--no-progress",
               str(tmp_path / "nope.json"))
    assert res.exit_code == 2 and "no such file" in res.output


def test_invalid_environment_setting_is_reported(tmp_path):
    res = _run("ingest", "--data", str(tmp_path / "d"), str(tmp_path),
               env={"KG_QUERY_TIMEOUT": "soon"})
    assert res.exit_code == 2 and "KG_QUERY_TIMEOUT" in res.output
