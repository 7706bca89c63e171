"""The service's catalog: the starter catalog indexed on first use, settings."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kg.errors import ConfigError
from kg.linking.defaults import ensure_catalog, make_client, make_linker
from kg.linking.importers import import_file
from kg.settings import Settings

from .catalog_data import KHARKIV, RECORDS, rec, write_jsonl


def test_starter_is_indexed_on_first_use_and_again_when_it_changes(tmp_path: Path) -> None:
    starter = write_jsonl(tmp_path / "starter.jsonl", RECORDS)
    index = tmp_path / "data" / "catalog.sqlite"
    cat = ensure_catalog(index, starter)
    assert cat.get(KHARKIV) is not None and len(cat) == len(RECORDS)
    built = index.stat().st_mtime_ns
    assert ensure_catalog(index, starter).get(KHARKIV) is not None
    assert index.stat().st_mtime_ns == built  # up to date: not rebuilt

    extra = write_jsonl(tmp_path / "extra.jsonl", [rec("Q900000951", "place", "Extratown")])
    import_file(extra, index)
    write_jsonl(starter, RECORDS[:3] + [rec("Q900000950", "place", "Newstartertown")])
    os.utime(starter, (1, 1))
    cat = ensure_catalog(index, starter)
    assert cat.get(KHARKIV) is None  # dropped from the starter
    assert cat.get("Q900000950") is not None
    assert cat.get("Q900000951") is not None  # imported items are kept
    assert cat.meta["sources"]["starter"]["sha256"]


def test_same_content_with_a_new_date_is_not_rebuilt(tmp_path: Path) -> None:
    starter = write_jsonl(tmp_path / "starter.jsonl", RECORDS)
    index = tmp_path / "catalog.sqlite"
    ensure_catalog(index, starter)
    built = index.stat().st_mtime_ns
    os.utime(starter, (2, 2))
    ensure_catalog(index, starter)
    assert index.stat().st_mtime_ns == built


def test_without_a_starter_the_catalog_is_empty(tmp_path: Path) -> None:
    cat = ensure_catalog(tmp_path / "catalog.sqlite", tmp_path / "absent.jsonl")
    assert len(cat) == 0 and cat.scan("Kharkiv") == []


def test_a_broken_index_is_rebuilt(tmp_path: Path) -> None:
    starter = write_jsonl(tmp_path / "starter.jsonl", RECORDS)
    index = tmp_path / "catalog.sqlite"
    index.write_text("garbage")
    assert ensure_catalog(index, starter).get(KHARKIV) is not None


def test_settings(tmp_path: Path) -> None:
    s = Settings.from_env({"KG_DATA_DIR": str(tmp_path), "KG_WIKIDATA_ONLINE": "yes",
                           "KG_WIKIDATA_API_URL": "http://127.0.0.1:1/w/api.php"})
    assert s.catalog_file == tmp_path / "catalog.sqlite" and s.wikidata_online
    assert s.wikidata_cache_dir == tmp_path / "cache" / "wikidata"
    client = make_client(s)
    assert client is not None and client.api_url == "http://127.0.0.1:1/w/api.php"
    assert make_client(s.replace(wikidata_online=False)) is None
    s2 = Settings.from_env({"KG_CATALOG": str(tmp_path / "x.sqlite")})
    assert s2.catalog_file == tmp_path / "x.sqlite" and not s2.wikidata_online
    with pytest.raises(ConfigError):
        Settings.from_env({"KG_WIKIDATA_API_URL": "ftp://x"})


def test_make_linker(tmp_path: Path) -> None:
    s = Settings.from_env({"KG_DATA_DIR": str(tmp_path), "KG_LINK_THRESHOLD": "0.8"})
    linker = make_linker(s, use_gazetteer=False)
    assert linker.threshold == 0.8 and linker.online is None
    assert s.catalog_file.is_file()
