"""The OpenRefine-compatible reconciliation functions."""

from __future__ import annotations

import json

import pytest

from kg.errors import InvalidInput
from kg.linking import Catalog
from kg.linking.reconcile import manifest, reconcile

from .catalog_data import FR, G_WASHINGTON, KHARKIV, PARIS_FR, PARIS_TX, WASHINGTON_DC


def test_manifest() -> None:
    m = manifest()
    assert m["versions"] == ["0.2"]
    assert m["identifierSpace"] == "http://www.wikidata.org/entity/"
    assert {t["id"] for t in m["defaultTypes"]} >= {"person", "place"}
    assert "{{id}}" in m["view"]["url"]


def test_queries(catalog: Catalog) -> None:
    answer = reconcile(catalog, json.dumps({
        "q0": {"query": "kharkov"},
        "q1": {"query": "Paris", "limit": 1},
        "q2": {"query": "Paris", "properties": [{"pid": "P17", "v": FR}]},
        "q3": {"query": "Washington", "type": "person"},
        "q4": {"query": "Washington", "type": "Q900009999"},
        "q5": {"query": "Nowhere"},
    }), threshold=0.75)
    (k,) = answer["q0"]["result"]
    assert (k["id"], k["name"], k["match"]) == (KHARKIV, "Kharkiv", True)
    assert 0 < k["score"] <= 100
    assert [r["id"] for r in answer["q1"]["result"]] == [PARIS_FR]
    assert answer["q1"]["result"][0]["match"] is False  # ambiguous without context
    q2 = answer["q2"]["result"]
    assert [r["id"] for r in q2] == [PARIS_FR, PARIS_TX] and q2[0]["match"] is True
    assert q2[0]["description"] == "capital of France"
    assert [r["id"] for r in answer["q3"]["result"]] == [G_WASHINGTON]
    assert answer["q4"]["result"] == []
    assert answer["q5"]["result"] == []
    assert WASHINGTON_DC not in {r["id"] for r in answer["q3"]["result"]}


@pytest.mark.parametrize("queries", [
    "not json", "[]", {"q0": "Paris"}, {"q0": {"query": ""}}, {"q0": {"query": "x", "limit": 0}},
    {"q0": {"query": "x", "type": "city"}}, {"q0": {"query": "x", "properties": ["P17"]}},
    {f"q{i}": {"query": "x"} for i in range(101)},
])
def test_bad_queries(catalog: Catalog, queries: object) -> None:
    with pytest.raises(InvalidInput):
        reconcile(catalog, queries, threshold=0.75)
