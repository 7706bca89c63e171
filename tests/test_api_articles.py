"""The articles API over a real app and an on-disk store."""

from __future__ import annotations

import json

import pytest

from tests.fixtures.articles import storm_article


def _assert_error_shape(resp, status):
    assert resp.status_code == status, resp.get_data(as_text=True)
    body = resp.get_json()
    assert body["ok"] is False and body["status"] == status
    assert isinstance(body["error"], str) and body["error"]
    assert isinstance(body["errors"], list) and "code" in body
    assert "Traceback" not in resp.get_data(as_text=True)
    return body


def _dump(client):
    return client.get("/dump", headers={"Accept": "application/n-quads"}).get_data()


def test_post_annotated_article_then_read_and_delete(client, auth):
    resp = client.post("/articles", json=storm_article(), headers=auth)
    assert resp.status_code == 201, resp.get_json()
    body = resp.get_json()
    assert body["ok"] and len(body["events"]) == 3 and resp.headers["Location"] == body["article"]
    art = client.get(f"/articles/{body['id']}").get_json()
    assert art["title"] == "Storm batters port city"
    assert [e["type"] for e in art["events"]] == ["Storm", "Evacuation",
                                                   "RestorationOfServices"]
    listing = client.get("/articles").get_json()
    assert [a["id"] for a in listing["articles"]] == [body["id"]]
    assert listing["articles"][0]["events"] == 3
    assert client.delete(f"/articles/{body['id']}", headers=auth).status_code == 204
    _assert_error_shape(client.get(f"/articles/{body['id']}"), 404)


def test_reingest_replaces_the_graph(client, auth):
    first = client.post("/articles", json=storm_article(), headers=auth).get_json()
    before = _dump(client)
    second = client.post("/articles", json=storm_article(), headers=auth).get_json()
    assert second["replaced"] is True and first["article"] == second["article"]
    assert sorted(_dump(client).splitlines()) == sorted(before.splitlines())


def test_writes_need_the_token(client, app):
    _assert_error_shape(client.post("/articles", json=storm_article()), 401)
    _assert_error_shape(client.post("/articles", json=storm_article(),
                                    headers={"Authorization": "Bearer wrong"}), 403)
    assert client.get("/articles").get_json()["articles"] == []


def test_writes_disabled_without_a_configured_token(tmp_path):
    from kg.settings import Settings
    from kg.web import create_app

    app = create_app(Settings(data_dir=tmp_path / "d"))
    body = _assert_error_shape(app.test_client().post(
        "/articles", json=storm_article(), headers={"Authorization": "Bearer x"}), 403)
    assert "disabled" in body["error"]
    app.extensions["kg"].store.close()


@pytest.mark.parametrize("payload, content_type, status", [
    (b"{not json", "application/json", 400),
    (b"\xff\xfe\x00b\x00a\x00d", "application/json", 400),
    (json.dumps({"title": "x"}).encode(), "application/json", 400),
    (json.dumps({"title": "x", "text": " \n "}).encode(), "application/json", 400),
    (json.dumps({"article": {"text": "x", "published": "yesterday"}}).encode(),
     "application/json", 400),
    (b"hello", "application/pdf", 400),
])
def test_bad_input_is_a_4xx_and_stores_nothing(client, auth, payload, content_type, status):
    before = _dump(client)
    resp = client.post("/articles", data=payload, headers={**auth, "Content-Type": content_type})
    _assert_error_shape(resp, status)
    assert _dump(client) == before


def test_an_empty_publication_date_means_unknown(client, auth):
    resp = client.post("/articles", json={"title": "Storm", "text": "A storm hit the coast.",
                                          "published": ""}, headers=auth)
    assert resp.status_code == 201, resp.get_data(as_text=True)
    assert any("publication date unknown" in w for w in resp.get_json()["warnings"])


def test_invalid_graph_is_refused_with_a_report(client, auth, app):
    doc = storm_article()
    # offsets that do not match the text pass the model but not the shapes
    doc["events"][0]["time"]["text"] = "on Tuesday"
    before = _dump(client)
    kg = app.extensions["kg"]
    from kg.model import AnalysedArticle

    parsed = AnalysedArticle.from_dict(doc)
    parsed.events[0].confidence = 1.5  # bypasses the model's own check
    with pytest.raises(Exception) as exc:
        kg.ingest(parsed)
    assert exc.value.status == 422
    assert any("between 0 and 1" in e["message"] for e in exc.value.errors)
    assert _dump(client) == before


def test_batch_keeps_good_articles_and_reports_bad_ones(client, auth):
    good = storm_article()
    other = storm_article(url="https://news.example/other")
    bad = {"article": {"text": "x", "url": "not a url"}}
    body = "\n".join(json.dumps(d) for d in (good, bad, other))
    resp = client.post("/articles", data=body,
                       headers={**auth, "Content-Type": "application/x-ndjson"})
    err = _assert_error_shape(resp, 400)
    assert len(err["articles"]) == 2 and err["errors"][0]["item"] == "body:2"
    assert len(client.get("/articles").get_json()["articles"]) == 2


def test_size_limit(client, auth, app):
    doc = storm_article()
    doc["article"]["text"] = "a" * (app.extensions["kg"].settings.max_article_bytes + 1)
    doc["events"], doc["mentions"], doc["entities"] = [], [], []
    _assert_error_shape(client.post("/articles", json=doc, headers=auth), 413)
