"""The OpenRefine reconciliation endpoint over the shipped catalog."""

from __future__ import annotations

import json


def test_manifest(client):
    body = client.get("/reconcile").get_json()
    assert body["identifierSpace"] == "http://www.wikidata.org/entity/"
    assert {"id": "place", "name": "place"} in body["defaultTypes"]


def test_queries_return_catalog_candidates(client):
    queries = {"q0": {"query": "Kyiv", "type": "place", "limit": 3},
               "q1": {"query": "zzqx unknown name", "limit": 3}}
    body = client.post("/reconcile", data={"queries": json.dumps(queries)}).get_json()
    top = body["q0"]["result"][0]
    assert top["name"] == "Kyiv" and top["id"].startswith("Q")
    assert body["q1"]["result"] == []


def test_bad_queries_are_a_4xx(client):
    resp = client.post("/reconcile", data={"queries": "{not json"})
    assert resp.status_code == 400 and resp.get_json()["ok"] is False
    resp = client.post("/reconcile", data={"queries": json.dumps({"q": {"query": ""}})})
    assert resp.status_code == 400
