"""The two seed articles (read from ../shared/seeds), analysed by the extraction pipeline and
ingested together, give one merged event for the Russian withdrawal from Kharkiv with two
sources — and nothing else from them is merged wrongly."""

from __future__ import annotations

import pytest

from kg.bootstrap import build_service
from kg.model import Article
from kg.settings import Settings
from kg.timeline import Timeline, parse_filters
from tests.conftest import shared_path

SEEDS = ("000_9d8949336103d4e9.txt", "004_b774e172e3a994da.txt")


@pytest.fixture(scope="module")
def kg(tmp_path_factory):
    paths = [shared_path("seeds", name) for name in SEEDS]
    service = build_service(Settings(data_dir=tmp_path_factory.mktemp("seeds") / "data"))
    if service.analyser is None:
        pytest.skip("the extraction pipeline is not installed")
    for path in paths:
        text = path.read_text("utf-8")
        service.ingest_document(service.analyse(Article(text=text,
                                                        title=text.split("\n", 1)[0])))
    yield service
    service.store.close()


def test_the_seeds_report_one_withdrawal_from_kharkiv(kg):
    tl = Timeline(kg, kg.places)
    entries = tl.page(parse_filters({"type": "Withdrawal", "limit": "500"},
                                    kg.settings.base_iri)).entries
    merged = [e for e in entries if e["canonical"]]
    assert len(merged) == 1, [e["label"] for e in entries]
    (withdrawal,) = merged
    assert withdrawal["source_count"] == 2
    assert len({s["article"] for s in withdrawal["sources"]}) == 2
    assert "Kharkiv" in {p["label"] for p in withdrawal["places"]}
    assert all(s["sentence"] for s in withdrawal["sources"])


def test_every_merged_seed_event_draws_on_both_articles(kg):
    tl = Timeline(kg, kg.places)
    entries = tl.page(parse_filters({"limit": "500"}, kg.settings.base_iri)).entries
    for e in entries:
        if e["canonical"]:
            assert len({s["article"] for s in e["sources"]}) == 2, e["label"]
            types = {s["event"] for s in e["sources"]}
            assert len(types) == 2
