"""The demo loads through the real pipeline; plain articles posted to the API are analysed."""

from __future__ import annotations

import json
from datetime import date

from kg.resources import data_dir
from kg.settings import Settings
from kg.web import create_app
from tests.conftest import TOKEN


def test_demo_articles_are_analysed_into_an_empty_store(tmp_path):
    demo_files = [p for p in (data_dir() / "demo").glob("*.json")]
    app = create_app(Settings(data_dir=tmp_path / "d", demo=True))
    stats = app.extensions["kg"].stats()
    assert stats["articles"] == len(demo_files) >= 5
    assert stats["events"] >= len(demo_files)
    assert stats["linked_entities"] > 0 and stats["from"] and stats["to"]
    app.extensions["kg"].close()
    # a second start does not load them again
    app = create_app(Settings(data_dir=tmp_path / "d", demo=True))
    assert app.extensions["kg"].stats()["version"] == stats["version"]
    app.extensions["kg"].close()


def test_plain_text_article_is_analysed(tmp_path):
    app = create_app(Settings(data_dir=tmp_path / "d", update_token=TOKEN))
    client = app.test_client()
    text = ("Floods hit river town\n\nFloodwaters swept through the town of Kremenchuk on "
            "Sunday, killing three people, the regional governor said on Monday.")
    resp = client.post("/articles?published=2023-06-12&url=https://news.example/flood",
                       data=text.encode(), headers={"Content-Type": "text/plain",
                                                    "Authorization": f"Bearer {TOKEN}"})
    assert resp.status_code == 201, resp.get_json()
    events = resp.get_json()["events"]
    assert any(e["type"] == "Flood" for e in events), json.dumps(events)
    art = client.get(f"/articles/{resp.get_json()['id']}").get_json()
    assert art["published"].startswith("2023-06-12")
    app.extensions["kg"].close()


def test_settling_raises_the_young_threshold_but_never_lowers_it(monkeypatch):
    """Python's 700 becomes GC_YOUNG_THRESHOLD; a larger one set by the embedding process
    stays, and so does a collector switched off by a threshold of 0."""
    import gc

    from kg import bootstrap

    before = gc.get_threshold()
    try:
        for start, expected in ((700, bootstrap.GC_YOUNG_THRESHOLD), (50_000, 50_000), (0, 0)):
            monkeypatch.setattr(bootstrap, "_settled", False)
            gc.set_threshold(start, 10, 10)
            bootstrap.settle_long_lived()
            assert gc.get_threshold() == (expected, 10, 10)
    finally:
        gc.set_threshold(*before)


def test_analyser_settles_its_data_out_of_the_collectors_way(tmp_path):
    """The lexicon, gazetteer and catalog live as long as the process: once loaded they are
    frozen out of the cyclic collector's full scans (kg.bootstrap.settle_long_lived)."""
    import gc

    from kg.bootstrap import GC_YOUNG_THRESHOLD, Analyser
    from kg.model import Article

    analyser = Analyser(Settings(data_dir=tmp_path / "d"))
    try:
        gazetteer = analyser.adapters()["gazetteer"]
        assert gc.get_freeze_count() > 0
        assert not any(o is gazetteer for o in gc.get_objects())  # frozen, not tracked
        assert gc.get_threshold()[0] >= GC_YOUNG_THRESHOLD > 700
        doc = analyser(Article(text="A Russian missile strike killed two people in Kharkiv on "
                               "Sunday, the mayor said.", published=date(2024, 3, 14)))
        assert [e.type for e in doc.events] == ["ShellingMissileAttack"]
    finally:
        analyser.close()
