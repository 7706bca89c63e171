"""Importers: Wikidata dumps, SPARQL results, CSV, JSON lines; bad input; atomic swaps."""

from __future__ import annotations

import bz2
import gzip
import json
from pathlib import Path

import pytest

from kg.errors import ConfigError, InvalidInput
from kg.linking import Catalog
from kg.linking.importers import detect_format, import_file
from kg.linking.index import CatalogWriter
from kg.linking.types import parse_types

from .catalog_data import RECORDS, claim, dump_lines, rec, wd_entity, write_jsonl

CITY, HUMAN, FILM = "Q515", "Q5", "Q11424"  # FILM: a class the defaults do not keep


def sample_dump() -> list[object]:
    return [
        wd_entity("Q900000201", "Testgrad", [CITY], aliases=["Testograd"], uk="Тестоград",
                  description="a synthetic city",
                  claims={"P17": ["Q900000200"], "P131": ["Q900000202"],
                          "P625": [(50.5, 30.25)], "P1566": ["700001"],
                          "P1082": [claim("P1082", 1000, rank="normal"),
                                    claim("P1082", 1500, rank="preferred")]},
                  sitelinks=12),
        wd_entity("Q900000203", "Ann Example", [HUMAN], aliases=["A. Example"], sitelinks=3),
        wd_entity("Q900000204", "Some Film", [FILM]),
        '{"type": "item", "id": "Q900000205", "labels": {',  # a corrupt line
        wd_entity("Q0205", "Bad Id", [CITY]),
        {"type": "item", "id": "Q900000206", "labels": {},
         "claims": {"P31": [claim("P31", CITY)]}},  # no label in our languages
        {"type": "property", "id": "P31", "labels": {"en": {"language": "en",
                                                            "value": "instance of"}}},
        wd_entity("Q900000207", "Deprecated Town", [CITY],
                  claims={"P17": [claim("P17", "Q900000299", rank="deprecated"),
                                  claim("P17", "Q900000200")]}),
    ]


@pytest.mark.parametrize("suffix, opener", [(".json", open), (".json.gz", gzip.open),
                                            (".json.bz2", bz2.open)])
def test_wikidata_dump(tmp_path: Path, suffix: str, opener) -> None:
    path = tmp_path / f"dump{suffix}"
    with opener(path, "wt", encoding="utf-8") as f:
        f.write(dump_lines(sample_dump()))
    assert detect_format(path) == "wikidata-dump"
    stats = import_file(path, tmp_path / "c.sqlite")
    assert (stats.read, stats.added, stats.skipped_type) == (8, 3, 2)  # film, property
    assert stats.skipped_bad == 3 and len(stats.warnings) == 3
    cat = Catalog.open(tmp_path / "c.sqlite")
    city = cat.get("Q900000201")
    assert city is not None and city.kind == "place"
    assert city.labels == {"en": "Testgrad", "uk": "Тестоград"}  # French dropped
    assert city.aliases == {"en": ("Testograd",)}
    assert (city.country, city.located_in, city.lat, city.lon) == (
        "Q900000200", ("Q900000202",), 50.5, 30.25)
    assert (city.geonames, city.population, city.sitelinks) == (700001, 1500, 12)
    assert city.description == "a synthetic city" and city.types == (CITY,)
    assert cat.get("Q900000203").kind == "person"
    assert cat.get("Q900000204") is None  # class not configured
    assert cat.get("Q900000207").country == "Q900000200"  # deprecated statement ignored
    assert [e.qid for e in cat.lookup("Testograd")] == ["Q900000201"]


def test_dump_types_option(tmp_path: Path) -> None:
    path = tmp_path / "dump.json"
    path.write_text(dump_lines(sample_dump()), encoding="utf-8")
    stats = import_file(path, tmp_path / "c.sqlite",
                        type_kinds=parse_types(f"{FILM}=media,{HUMAN}"))
    cat = Catalog.open(tmp_path / "c.sqlite")
    assert stats.added == 2
    assert cat.get("Q900000204").kind == "media" and cat.get("Q900000201") is None


@pytest.mark.parametrize("option", ["Q123", "X5", "Q5=city", ","])
def test_bad_types_option(option: str) -> None:
    with pytest.raises(InvalidInput):
        parse_types(option)


def test_sparql_results(tmp_path: Path) -> None:
    def uri(q: str) -> dict[str, str]:
        return {"type": "uri", "value": f"http://www.wikidata.org/entity/{q}"}

    def lit(v: str, lang: str | None = None) -> dict[str, str]:
        out = {"type": "literal", "value": v}
        if lang:
            out["xml:lang"] = lang
        return out

    doc = {"head": {"vars": ["item", "itemLabel", "itemAltLabel", "type", "coord"]},
           "results": {"bindings": [
               {"item": uri("Q900000301"), "itemLabel": lit("Sparqltown", "en"),
                "itemAltLabel": lit("Sparqlville, S-Town", "en"), "type": uri(CITY),
                "coord": lit("Point(30.5 50.25)")},
               {"item": uri("Q900000301"), "itemLabel": lit("Спарклтаун", "uk"),
                "type": uri("Q486972")},
               {"item": uri("Q900000302"), "itemLabel": lit("Q900000302"), "type": uri(FILM)},
               {"item": {"type": "uri", "value": "http://example.org/not-an-item"},
                "itemLabel": lit("Nothing")},
           ]}}
    path = tmp_path / "query.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert detect_format(path) == "sparql-json"
    stats = import_file(path, tmp_path / "c.sqlite")
    assert stats.added == 1 and stats.skipped_type == 1 and stats.skipped_bad == 1
    town = Catalog.open(tmp_path / "c.sqlite").get("Q900000301")
    assert town.labels == {"en": "Sparqltown", "uk": "Спарклтаун"}
    assert town.aliases["en"] == ("Sparqlville", "S-Town")
    assert (town.lat, town.lon, town.types) == (50.25, 30.5, (CITY, "Q486972"))


def test_csv(tmp_path: Path) -> None:
    path = tmp_path / "names.csv"
    path.write_text("qid,label,alias,kind\n"
                    "Q900000401,Csvtown,Csv Town,place\n"
                    "Q900000401,Csvtown,CT-Town,place\n"
                    "Q04,Bad,,place\n"
                    "http://www.wikidata.org/entity/Q900000402,Ivan Csv,,person\n",
                    encoding="utf-8")
    stats = import_file(path, tmp_path / "c.sqlite")
    assert (stats.added, stats.skipped_bad) == (2, 1)
    cat = Catalog.open(tmp_path / "c.sqlite")
    assert cat.get("Q900000401").aliases["en"] == ("Csv Town", "CT-Town")
    assert cat.get("Q900000402").kind == "person"


def test_csv_without_kind_needs_the_option(tmp_path: Path) -> None:
    path = tmp_path / "names.csv"
    path.write_text("qid,label,alias\nQ900000401,Csvtown,\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match="--kind"):
        import_file(path, tmp_path / "c.sqlite")
    stats = import_file(path, tmp_path / "c.sqlite", default_kind="place")
    assert stats.added == 1


@pytest.mark.parametrize("content, name", [
    ("just some prose\nwith lines\n", "notes.txt"),
    ('{"hello": "world"}\n', "other.json"),
    ("", "empty.json"),
])
def test_wrong_file_type_is_a_clear_error(tmp_path: Path, content: str, name: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InvalidInput, match="not a catalog file"):
        import_file(path, tmp_path / "c.sqlite")
    assert not (tmp_path / "c.sqlite").exists()
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left behind


def _snapshot(cat_path: Path) -> list[str]:
    cat = Catalog.open(cat_path)
    try:
        return sorted(e.qid for r in RECORDS for e in cat.lookup(r["labels"]["en"]))
    finally:
        cat.close()


def test_truncated_archive_leaves_the_catalog_untouched(tmp_path: Path) -> None:
    index = tmp_path / "c.sqlite"
    Catalog.from_jsonl(write_jsonl(tmp_path / "c.jsonl", RECORDS), index).close()
    before = (index.read_bytes(), _snapshot(index))
    data = gzip.compress(dump_lines(sample_dump() * 50).encode())
    broken = tmp_path / "dump.json.gz"
    broken.write_bytes(data[: len(data) // 2])
    with pytest.raises(InvalidInput, match="truncated or corrupt"):
        import_file(broken, index)
    assert (index.read_bytes(), _snapshot(index)) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.jsonl", "c.sqlite", "dump.json.gz"]


def test_failure_inside_the_writer_aborts(tmp_path: Path) -> None:
    index = tmp_path / "c.sqlite"
    Catalog.from_jsonl(write_jsonl(tmp_path / "c.jsonl", RECORDS), index).close()
    before = index.read_bytes()
    with pytest.raises(RuntimeError):
        with CatalogWriter(index) as writer:
            writer.add(rec("Q900000501", "place", "Halfway"), "test")
            raise RuntimeError("stop")
    assert index.read_bytes() == before
    assert Catalog.open(index).get("Q900000501") is None


def test_extend_merges_existing_items(tmp_path: Path) -> None:
    index = tmp_path / "c.sqlite"
    import_file(write_jsonl(tmp_path / "a.jsonl", [
        rec("Q900000601", "place", "Mergetown", aliases=["Old Name"], population=10)]), index)
    import_file(write_jsonl(tmp_path / "b.jsonl", [
        rec("Q900000601", "place", "Mergetown", aliases=["New Name"], population=20),
        rec("Q900000602", "person", "Other Person")]), index)
    cat = Catalog.open(index)
    entry = cat.get("Q900000601")
    assert entry.aliases["en"] == ("Old Name", "New Name") and entry.population == 20
    assert [e.qid for e in cat.lookup("Old Name")] == ["Q900000601"]
    assert [e.qid for e in cat.lookup("New Name")] == ["Q900000601"]
    assert len(cat) == 2
    assert set(cat.meta["sources"]) == {"import:a.jsonl", "import:b.jsonl"}


def test_replace_builds_a_new_catalog(tmp_path: Path) -> None:
    index = tmp_path / "c.sqlite"
    import_file(write_jsonl(tmp_path / "a.jsonl", [rec("Q900000601", "place", "Oldtown")]),
                index)
    import_file(write_jsonl(tmp_path / "b.jsonl", [rec("Q900000602", "place", "Newtown")]),
                index, extend=False)
    cat = Catalog.open(index)
    assert cat.get("Q900000601") is None and cat.get("Q900000602") is not None


@pytest.mark.parametrize("bad", [
    {"qid": "Q900000701", "kind": "city", "labels": {"en": "X"}},
    {"qid": "Q900000701", "kind": "place", "labels": {}},
    {"qid": "Q900000701", "kind": "place", "labels": {"en": "X"}, "lat": 91, "lon": 0},
    {"qid": "Q900000701", "kind": "place", "labels": {"en": "X"}, "lat": 1},
    {"qid": "Q900000701", "kind": "place", "labels": {"en": "X"}, "country": "France"},
    {"qid": "Q900000701", "kind": "place", "labels": {"en": "X"}, "population": "many"},
    {"qid": "q900000701", "kind": "place", "labels": {"en": "X"}},
    ["not", "an", "object"],
])
def test_bad_records_are_counted_and_skipped(tmp_path: Path, bad: object) -> None:
    path = write_jsonl(tmp_path / "c.jsonl", [bad, rec("Q900000702", "place", "Goodtown")])
    stats = import_file(path, tmp_path / "c.sqlite")
    assert (stats.added, stats.skipped_bad) == (1, 1)


def test_writer_refuses_a_foreign_database(tmp_path: Path) -> None:
    import sqlite3

    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).close()
    other.write_bytes(b"")  # an empty file is a valid, empty SQLite database
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(ConfigError):
        import_file(write_jsonl(tmp_path / "a.jsonl", [rec("Q900000601", "place", "X")]),
                    other)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.jsonl", "other.sqlite"]
