"""`kg catalog` commands."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from kg.cli import main

from .catalog_data import KHARKIV, RECORDS, dump_lines, wd_entity, write_jsonl
from .wikidata_server import FakeWikidata, closed_port_url, serve


def run(args: list[str], tmp_path: Path, **env: str):
    runner = CliRunner()
    return runner.invoke(main, args, env={"KG_DATA_DIR": str(tmp_path / "data"), **env},
                         catch_exceptions=False)


def test_import_lookup_info(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "c.jsonl", RECORDS + ["{broken"])
    index = tmp_path / "c.sqlite"
    result = run(["catalog", "import", str(source), "--catalog", str(index), "--no-progress"],
                 tmp_path)
    assert result.exit_code == 0, result.output
    assert f"added {len(RECORDS)}" in result.output and "1 bad" in result.output
    result = run(["catalog", "lookup", "Kharkov", "--catalog", str(index), "--json"], tmp_path)
    data = json.loads(result.output)
    assert data["candidates"][0]["qid"] == KHARKIV and data["candidates"][0]["linked"]
    result = run(["catalog", "lookup", "Paris", "--catalog", str(index), "--kind", "place"],
                 tmp_path)
    assert result.exit_code == 0 and "threshold 0.75" in result.output
    assert not any(line.startswith("*") for line in result.output.splitlines())
    result = run(["catalog", "info", "--catalog", str(index)], tmp_path)
    assert json.loads(result.output)["entities"] == len(RECORDS)


def test_import_dump_with_types(tmp_path: Path) -> None:
    dump = tmp_path / "dump.json"
    dump.write_text(dump_lines([wd_entity("Q900000201", "Dumptown", ["Q515"]),
                                wd_entity("Q900000202", "Dump Person", ["Q5"])]))
    index = tmp_path / "c.sqlite"
    result = run(["catalog", "import", str(dump), "--catalog", str(index), "--types", "Q5",
                  "--no-progress"], tmp_path)
    assert result.exit_code == 0 and "added 1" in result.output


def test_bad_input_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    prose = tmp_path / "notes.txt"
    prose.write_text("hello\n")
    result = run(["catalog", "import", str(prose), "--catalog", str(tmp_path / "c.sqlite")],
                 tmp_path)
    assert result.exit_code == 2 and "not a catalog file" in result.output
    result = run(["catalog", "import", str(prose), "--types", "Q1"], tmp_path)
    assert result.exit_code == 2 and "no default kind" in result.output
    result = run(["catalog", "lookup", "x", "--catalog", str(tmp_path / "none.sqlite")],
                 tmp_path)
    assert result.exit_code == 2 and "no catalog index" in result.output


def test_learn(tmp_path: Path) -> None:
    index = tmp_path / "c.sqlite"
    run(["catalog", "import", str(write_jsonl(tmp_path / "c.jsonl", RECORDS)), "--catalog",
         str(index), "--no-progress"], tmp_path)
    fake = FakeWikidata([wd_entity("Q900000801", "Learntown", ["Q515"], sitelinks=3),
                         wd_entity("Q900000802", "Twin", ["Q515"]),
                         wd_entity("Q900000803", "Twin", ["Q515"])])
    with serve(fake) as server:
        result = run(["catalog", "learn", "Learntown", "Twin", "--kind", "place", "--catalog",
                      str(index)], tmp_path, KG_WIKIDATA_API_URL=server.url)
    assert result.exit_code == 0, result.output
    assert "learned 'Learntown' → Q900000801" in result.output
    assert "not learned 'Twin'" in result.output
    result = run(["catalog", "lookup", "Learntown", "--catalog", str(index), "--json"],
                 tmp_path)
    assert json.loads(result.output)["candidates"][0]["qid"] == "Q900000801"


def test_learn_with_the_service_down(tmp_path: Path) -> None:
    index = tmp_path / "c.sqlite"
    run(["catalog", "import", str(write_jsonl(tmp_path / "c.jsonl", RECORDS)), "--catalog",
         str(index), "--no-progress"], tmp_path)
    before = index.read_bytes()
    result = run(["catalog", "learn", "Learntown", "--catalog", str(index)], tmp_path,
                 KG_WIKIDATA_API_URL=closed_port_url())
    assert result.exit_code == 2 and "could not be reached" in result.output
    assert index.read_bytes() == before
