"""Places the catalog knows only by GeoNames id (their Q-id could not be verified)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.linking import Catalog, Linker, MentionToLink
from kg.linking.importers import import_file
from kg.linking.reconcile import reconcile
from kg.resources import data_dir

from .catalog_data import KHARKIV, OBLAST, UA, rec, write_jsonl

CITY_GEONAMES = 900_001


def city() -> dict:
    out = rec(KHARKIV, "place", "Kharkiv", aliases=["Kharkov"], country=UA,
              located_in=[OBLAST, UA], geonames=CITY_GEONAMES, population=1_400_000,
              lat=49.98, lon=36.25)
    del out["qid"]
    return out


@pytest.fixture
def cat(tmp_path: Path) -> Catalog:
    return Catalog.from_jsonl(write_jsonl(tmp_path / "c.jsonl", [
        rec(UA, "place", "Ukraine", population=40_000_000),
        rec(OBLAST, "place", "Kharkiv Oblast", aliases=["Kharkiv region", "Kharkiv"],
            country=UA, located_in=[UA]),
        city()]), tmp_path / "c.sqlite")


def test_stored_under_its_geonames_key(cat: Catalog) -> None:
    entry = cat.get(f"geonames:{CITY_GEONAMES}")
    assert entry is not None and entry.qid is None and entry.key == f"geonames:{CITY_GEONAMES}"
    assert cat.ancestors(entry.key) == [OBLAST, UA] or cat.ancestors(entry.key) == [UA, OBLAST]
    assert [e.key for e in cat.lookup("Kharkov")] == [entry.key]
    assert [e.key for e in cat.by_geonames(CITY_GEONAMES)] == [entry.key]


def test_without_qid_a_record_needs_a_geonames_id(tmp_path: Path) -> None:
    bad = city()
    del bad["geonames"]
    stats = import_file(write_jsonl(tmp_path / "c.jsonl", [bad]), tmp_path / "c.sqlite")
    assert (stats.added, stats.skipped_bad) == (0, 1)


def test_the_name_of_an_unverified_city_does_not_link_to_its_region(cat: Catalog) -> None:
    linker = Linker(cat, threshold=0.75)
    (d,) = linker.link([MentionToLink("Kharkiv", "place", 0, 7)])
    assert d.entry is None and d.info.status == "unlinked"
    assert d.info.method == "catalog-alias+no-qid"
    assert d.place is not None and d.place.geonames == CITY_GEONAMES
    assert (d.place.lat, d.place.lon) == (49.98, 36.25)
    assert [c["qid"] for c in d.info.candidates] == [OBLAST]  # only Q-ids are candidates
    (d,) = linker.link([MentionToLink("Kharkiv region", "place", 0, 14)])
    assert d.entry.qid == OBLAST


def test_reconciliation_returns_only_qids(cat: Catalog) -> None:
    answer = reconcile(cat, {"q": {"query": "Kharkiv"}}, threshold=0.75)
    assert [r["id"] for r in answer["q"]["result"]] == [OBLAST]
    assert answer["q"]["result"][0]["match"] is False


def test_the_shipped_starter_catalog_is_accepted_whole(tmp_path: Path) -> None:
    starter = data_dir() / "catalog" / "starter.jsonl"
    if not starter.is_file():
        pytest.skip("no shipped starter catalog")
    stats = import_file(starter, tmp_path / "c.sqlite")
    lines = [line for line in starter.read_text("utf-8").splitlines() if line.strip()]
    assert stats.skipped_bad == 0, stats.warnings
    assert stats.added + stats.merged == len(lines)
    cat = Catalog.open(tmp_path / "c.sqlite")
    for line in lines[:50]:
        record = json.loads(line)
        key = record.get("qid") or f"geonames:{record['geonames']}"
        assert cat.get(key) is not None
