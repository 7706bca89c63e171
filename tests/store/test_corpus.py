"""The synthetic corpus: deterministic, and its gold annotations point at the right text."""

from __future__ import annotations

from bench.corpus import generate
from kg.model import AnalysedArticle


def test_same_seed_same_corpus_and_spans_match_the_text():
    a, b = list(generate(25, seed=5)), list(generate(25, seed=5))
    assert a == b and a != list(generate(25, seed=6))
    for doc in a:
        text = doc["article"]["text"]
        labels = {e["id"]: e["label"] for e in doc["entities"]}
        for m in doc["mentions"]:
            assert text[m["start"]:m["end"]].lower() == labels[m["entity"]].lower()
        for ev in doc["events"]:
            trigger = text[ev["trigger"]["start"]:ev["trigger"]["end"]]
            assert trigger.isalpha() and " " not in trigger
            if "time" in ev:
                assert text[ev["time"]["start"]:ev["time"]["end"]] == ev["time"]["text"]
                assert ev["time"]["latest"][:10] <= doc["article"]["published"][:10]
        AnalysedArticle.from_dict(doc).check()


def test_corpus_articles_conform_to_the_shapes(tmp_path):
    from kg.bootstrap import build_validation_only
    from kg.settings import Settings

    kg = build_validation_only(Settings(data_dir=tmp_path))
    for doc in generate(15, seed=8):
        graph, report = kg.build_graph(AnalysedArticle.from_dict(doc))
        assert report.conforms, report.results[:3]
        assert len(graph) > 40
