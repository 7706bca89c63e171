"""No path traversal through identifiers; no traceback, file path or secret in any response."""

from __future__ import annotations

import http.client
import json
import logging

import pytest
import requests

from tests.conftest import TOKEN
from tests.fixtures.articles import storm_article
from tests.hardening.conftest import assert_error_shape, serve

AUTH = {"Authorization": f"Bearer {TOKEN}"}

TRAVERSALS = [
    "/articles/..%2F..%2F..%2Fetc%2Fpasswd",
    "/articles/../../../etc/passwd",
    "/articles/%2Fetc%2Fpasswd",
    "/articles/..",
    "/articles/.%2E%2Fstate.json",
    "/articles/%2e%2e%2f%2e%2e%2fstate.json",
    "/articles/..%5C..%5Cstate.json",
    "/articles/%00",
    "/dump/article/..%2F..%2Fstate.json",
    "/dump/article/..%2Fstore%2FCURRENT",
    "/dump/article/%2Fetc%2Fpasswd",
    "/dump/event/..%2F..%2Fetc%2Fpasswd",
    "/store/..%2F..%2F..%2Fetc%2Fpasswd",
    "/store/../../etc/passwd",
    "/store?graph=file:///etc/passwd",
    "/store?graph=file:///proc/self/environ",
    "/store?graph=../../../etc/passwd",
    "/store?graph=%2Fetc%2Fpasswd",
    "/static/../../../../etc/passwd",
    "/static/..%2F..%2F..%2F..%2Fetc%2Fpasswd",
    "/static/..%2F__init__.py",
    "/static/%2E%2E/settings.py",
    "//etc/passwd",
    "/..%2F..%2Fetc%2Fpasswd",
]


def _raw(url: str, method: str, path: str, headers=None, body: bytes | None = None):
    """A request with the path sent exactly as written (no client-side normalisation)."""
    host, port = url.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=30)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        resp = conn.getresponse()
        return resp.status, dict(resp.getheaders()), resp.read()
    finally:
        conn.close()


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("leaks")
    with serve(tmp, rate_limit=100_000, rate_burst=100_000, query_timeout=1.0,
               max_request_bytes=64 * 1024) as app:
        resp = requests.post(f"{app.url}/articles", json=storm_article(), headers=AUTH,
                             timeout=60)
        assert resp.status_code == 201
        app.article_id = resp.json()["id"]
        yield app


def _secrets(app) -> list[str]:
    data_dir = str(app.extensions["kg"].settings.data_dir)
    return ["Traceback", 'File "', data_dir, data_dir.rsplit("/", 1)[0], "/work/", "site-packages",
            TOKEN, "root:x:0:0", "HOME=", "kg/web", ".py\""]


def _assert_clean(app, body: bytes, where: str) -> None:
    text = body.decode("utf-8", "replace")
    for secret in _secrets(app):
        assert secret not in text, f"{where} leaks {secret!r}"


@pytest.mark.parametrize("path", TRAVERSALS)
@pytest.mark.parametrize("method", ["GET", "DELETE", "PUT"])
def test_no_traversal(live, path, method):
    before = requests.get(f"{live.url}/dump", headers={"Accept": "application/n-quads"},
                          timeout=30).content
    headers = {**AUTH, "Content-Type": "text/turtle"} if method != "GET" else {}
    body = b"<http://example.org/a> <http://example.org/b> <http://example.org/c> ." \
        if method == "PUT" else None
    status, hdrs, data = _raw(live.url, method, path, headers, body)
    _assert_clean(live, data, f"{method} {path}")
    assert b"root:" not in data
    if path.startswith("/store?graph=") and method != "GET" and status < 300:
        # a graph may be *named* by any absolute IRI (a name, never a file): it is stored
        # under that name and nothing is read from the file system
        got = requests.get(f"{live.url}{path}", headers={"Accept": "application/n-triples"},
                           timeout=30)
        assert b"root:" not in got.content and b"example.org" in got.content
        requests.delete(f"{live.url}{path}", headers=AUTH, timeout=30)
        return
    assert 400 <= status < 500, (method, path, status, data[:200])
    if hdrs.get("Content-Type", "").startswith("application/json"):
        assert json.loads(data)["ok"] is False
    after = requests.get(f"{live.url}/dump", headers={"Accept": "application/n-quads"},
                         timeout=30).content
    assert after == before


@pytest.mark.parametrize("article_id", ["../../etc/passwd", "/etc/passwd", "..", "a/b",
                                        "a\\b", "C:\\x", "%2e%2e", "a b", "ä", "x" * 200])
def test_article_ids_with_paths_are_refused(live, article_id):
    doc = storm_article()
    doc["article"]["id"] = article_id
    resp = requests.post(f"{live.url}/articles", json=doc, headers=AUTH, timeout=30)
    body = assert_error_shape(resp, 400)
    assert "id" in body["error"]


def _error_requests(app):
    """One request per error class the service has (status, code, how)."""
    url = app.url
    long_query = "ASK { " + "?s ?p ?o . " * 12_000 + "}"
    return [
        (400, "bad_request", lambda: requests.post(
            f"{url}/sparql", data=b"nothing=here",
            headers={"Content-Type": "application/x-www-form-urlencoded"}, timeout=30)),
        (400, "query_syntax", lambda: requests.get(
            f"{url}/sparql", params={"query": "SELECT * WHERE { ?s"}, timeout=30)),
        (400, "invalid_input", lambda: requests.put(
            f"{url}/store?graph=http://example.org/g", data=b"<a> <b> .",
            headers={**AUTH, "Content-Type": "text/turtle"}, timeout=30)),
        (401, "unauthorized", lambda: requests.post(
            f"{url}/articles", json=storm_article(), timeout=30)),
        (403, "forbidden", lambda: requests.post(
            f"{url}/articles", json=storm_article(),
            headers={"Authorization": "Bearer nope"}, timeout=30)),
        (403, "forbidden", lambda: requests.get(
            f"{url}/sparql", params={"query": "SELECT * WHERE { SERVICE "
                                     "<http://127.0.0.1:9/> { ?s ?p ?o } }"}, timeout=30)),
        (404, "not_found", lambda: requests.get(f"{url}/articles/nope", timeout=30)),
        (404, "not_found", lambda: requests.get(f"{url}/no/such/page", timeout=30)),
        (405, "method_not_allowed", lambda: requests.patch(f"{url}/articles", timeout=30)),
        (406, "not_acceptable", lambda: requests.get(
            f"{url}/sparql", params={"query": "ASK {}"}, headers={"Accept": "image/png"},
            timeout=30)),
        (413, "payload_too_large", lambda: requests.post(
            f"{url}/articles", data=b"x" * (65 * 1024),
            headers={**AUTH, "Content-Type": "text/plain"}, timeout=30)),
        (413, "payload_too_large", lambda: requests.post(
            f"{url}/sparql", data=long_query.encode(),
            headers={"Content-Type": "application/sparql-query"}, timeout=30)),
        (415, "unsupported_media_type", lambda: requests.post(
            f"{url}/sparql", data=b"ASK {}", headers={"Content-Type": "image/png"},
            timeout=30)),
        (422, "validation_failed", lambda: requests.put(
            f"{url}/store?graph=http://example.org/g",
            data=b"<http://example.org/e> a <https://w3id.org/timeline-kg/ontology#Event> .",
            headers={**AUTH, "Content-Type": "text/turtle"}, timeout=30)),
        (503, "query_timeout", lambda: requests.get(
            f"{url}/sparql", params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . "
                                     "?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"},
            timeout=60)),
    ]


def test_every_error_class_is_clean(live):
    seen = set()
    for status, code, send in _error_requests(live):
        resp = send()
        body = assert_error_shape(resp, status)
        assert body["code"] == code, (status, body)
        _assert_clean(live, resp.content, f"{status} {code}")
        seen.add(status)
    assert seen == {400, 401, 403, 404, 405, 406, 413, 415, 422, 503}


def test_unexpected_errors_reveal_nothing(live, monkeypatch, caplog):
    """A 500 from an exception whose text holds the data folder and the token: the client
    gets the generic message, the log gets the details."""
    kg = live.extensions["kg"]
    secret = f"boom in {kg.settings.data_dir}/store with {TOKEN}"

    def explode(*args, **kwargs):
        raise RuntimeError(secret)

    monkeypatch.setattr(kg, "article_summary", explode)
    with caplog.at_level(logging.ERROR, logger="kg.web"):
        resp = requests.get(f"{live.url}/articles/{live.article_id}", timeout=30)
    body = assert_error_shape(resp, 500)
    assert body["code"] == "internal_error" and "logged" in body["error"]
    _assert_clean(live, resp.content, "500")
    assert secret in caplog.text


def test_store_errors_reveal_nothing(live, monkeypatch):
    from kg.errors import StoreError

    kg = live.extensions["kg"]

    def fail(*args, **kwargs):
        raise StoreError(f"the store at {kg.settings.data_dir} broke") from OSError("disk")

    monkeypatch.setattr(kg, "article_summary", fail)
    resp = requests.get(f"{live.url}/articles/{live.article_id}", timeout=30)
    assert_error_shape(resp, 500)
    _assert_clean(live, resp.content, "store error")


def test_rate_limited_is_clean(tmp_path):
    with serve(tmp_path, rate_limit=1, rate_burst=1) as app:
        requests.get(f"{app.url}/articles", timeout=30)
        resp = requests.get(f"{app.url}/articles", timeout=30)
        assert_error_shape(resp, 429)
        _assert_clean(app, resp.content, "429")


@pytest.mark.parametrize("path, accept", [
    ("/sparql", "text/html"), ("/ontology", "text/html"), ("/sparql", "text/turtle"),
    ("/void", "text/turtle"), ("/articles", "application/json"),
    (None, "application/json"), ("/dump", "text/turtle"),
])
def test_pages_and_documents_are_clean(live, path, accept):
    path = path or f"/articles/{live.article_id}"
    resp = requests.get(f"{live.url}{path}", headers={"Accept": accept}, timeout=30)
    assert resp.status_code == 200
    _assert_clean(live, resp.content, path)
