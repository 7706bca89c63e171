"""/openapi.json describes every route, only routes that exist, and answers match it."""

from __future__ import annotations

import re

import pytest
from jsonschema import Draft202012Validator

from kg.model import AnalysedArticle
from tests.conftest import TOKEN
from tests.fixtures import timeline_articles as ta

IGNORED_METHODS = {"HEAD", "OPTIONS"}


def _openapi_path(rule: str) -> str:
    return re.sub(r"<(?:[a-z]+:)?([A-Za-z_]+)>", r"{\1}", rule)


@pytest.fixture
def doc(client):
    resp = client.get("/openapi.json")
    assert resp.status_code == 200
    return resp.get_json()


def test_every_route_is_described_and_every_described_path_exists(app, doc):
    routes: dict[str, set[str]] = {}
    for rule in app.url_map.iter_rules():
        methods = set(rule.methods or ()) - IGNORED_METHODS
        routes.setdefault(_openapi_path(rule.rule), set()).update(m.lower() for m in methods)
    described = {path: {m for m in item if m in ("get", "post", "put", "delete", "patch")}
                 for path, item in doc["paths"].items()}
    assert sorted(set(routes) - set(described)) == [], "routes missing from /openapi.json"
    assert sorted(set(described) - set(routes)) == [], "described paths that do not exist"
    for path, methods in routes.items():
        assert methods == described[path], path


def test_document_is_well_formed(doc):
    assert doc["openapi"].startswith("3.1")
    for schema in doc["components"]["schemas"].values():
        Draft202012Validator.check_schema(schema)
    text = str(doc)
    for ref in set(re.findall(r"#/components/schemas/(\w+)", text)):
        assert ref in doc["components"]["schemas"], ref
    for path, item in doc["paths"].items():
        for method, op in item.items():
            assert op["summary"] and op["responses"], (path, method)
            params = {p["name"] for p in op.get("parameters", []) if p["in"] == "path"}
            assert params == set(re.findall(r"{(\w+)}", path)), (path, method)


def _validator(doc, name):
    return Draft202012Validator({"$ref": f"#/components/schemas/{name}",
                                 "components": doc["components"]})


def _schema_for(doc, path, method, status, media="application/json"):
    return doc["paths"][path][method]["responses"][str(status)]["content"][media]["schema"]


def test_answers_validate_against_their_schemas(app, client, doc, auth):
    kg = app.extensions["kg"]
    for d in (ta.sunday_strike_a(), ta.withdrawal_a()):
        kg.ingest(AnalysedArticle.from_dict(d))
    resp = client.post("/articles", json=ta.sunday_strike_b(), headers=auth)
    assert resp.status_code == 201
    calls = [
        ("/timeline", "/timeline", "get", 200),
        ("/timeline?type=Nope", "/timeline", "get", 400),
        ("/articles", "/articles", "get", 200),
        ("/articles/depot-wire", "/articles/{article_id}", "get", 200),
        ("/article/depot-wire", "/article/{article_id}", "get", 200),
        ("/entity/Q212", "/entity/{entity_id}", "get", 200),
        ("/graph/canonical", "/graph/canonical", "get", 200),
        ("/event/nope", "/event/{event_id}", "get", 404),
    ]
    first = client.get("/timeline").get_json()["events"][0]
    calls.append((f"/event/{first['id']}", "/event/{event_id}", "get", 200))
    for url, path, method, status in calls:
        r = client.get(url, headers={"Accept": "application/json"})
        assert r.status_code == status, url
        schema = _schema_for(doc, path, method, status)
        Draft202012Validator({**schema, "components": doc["components"]}).validate(
            r.get_json())
    bad = client.post("/articles", json={"article": {"text": ""}, "events": []},
                      headers={"Authorization": f"Bearer {TOKEN}x"})
    _validator(doc, "Error").validate(bad.get_json())
    assert resp.get_json()["ok"] is True
    Draft202012Validator({**_schema_for(doc, "/articles", "post", 201),
                          "components": doc["components"]}).validate(resp.get_json())


def test_a_wrong_answer_would_fail_validation(doc):
    entry = _validator(doc, "TimelineEntry")
    with pytest.raises(Exception):  # noqa: B017 - jsonschema.ValidationError
        entry.validate({"iri": "x", "kind": "merged"})
