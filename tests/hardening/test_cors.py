"""CORS: reads from any origin, writes from none."""

from __future__ import annotations

import pytest

from tests.fixtures.articles import storm_article
from tests.hardening.conftest import assert_error_shape

ORIGIN = {"Origin": "https://elsewhere.example"}
QUERY = "ASK { ?s ?p ?o }"


@pytest.mark.parametrize("path", ["/sparql?query=ASK%7B%7D", "/articles", "/dump", "/void",
                                  "/ontology", "/sparql", "/no-such-page"])
def test_reads_are_open_to_every_origin(client, path):
    for method in ("GET", "HEAD"):
        resp = client.open(path, method=method, headers=ORIGIN)
        assert resp.headers["Access-Control-Allow-Origin"] == "*", (method, path)
        assert "X-KG-Truncated" in resp.headers["Access-Control-Expose-Headers"]


@pytest.mark.parametrize("ctype, body", [
    ("application/sparql-query", QUERY.encode()),
    ("application/x-www-form-urlencoded", b"query=ASK%20%7B%7D"),
])
def test_post_queries_are_open_to_every_origin(client, ctype, body):
    resp = client.post("/sparql", data=body, headers={**ORIGIN, "Content-Type": ctype})
    assert resp.status_code == 200
    assert resp.headers["Access-Control-Allow-Origin"] == "*"


def _write_requests(auth):
    update = "INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/a> " \
        "<http://example.org/b> <http://example.org/c> } }"
    turtle = b"<http://example.org/a> <http://example.org/b> <http://example.org/c> ."
    return [
        ("POST", "/sparql", {"Content-Type": "application/sparql-update"}, update.encode()),
        ("POST", "/sparql", {"Content-Type": "application/x-www-form-urlencoded"},
         b"update=" + update.replace(" ", "%20").encode()),
        ("POST", "/update", {"Content-Type": "application/sparql-update"}, update.encode()),
        ("PUT", "/store?graph=http://example.org/g", {"Content-Type": "text/turtle"}, turtle),
        ("POST", "/store?graph=http://example.org/g", {"Content-Type": "text/turtle"}, turtle),
        ("DELETE", "/store?graph=http://example.org/g", {}, b""),
        ("POST", "/articles", {"Content-Type": "application/json"},
         __import__("json").dumps(storm_article()).encode()),
        ("DELETE", "/articles/no-such-article", {}, b""),
    ]


@pytest.mark.parametrize("with_token", [True, False])
def test_writes_never_carry_cors_headers(client, auth, with_token):
    for method, path, headers, body in _write_requests(auth):
        hdrs = {**ORIGIN, **headers, **(auth if with_token else {})}
        resp = client.open(path, method=method, headers=hdrs, data=body)
        assert "Access-Control-Allow-Origin" not in resp.headers, (method, path,
                                                                    resp.status_code)
        if not with_token:
            assert resp.status_code == 401


def _preflight(client, path, method, headers=""):
    hdrs = {**ORIGIN, "Access-Control-Request-Method": method}
    if headers:
        hdrs["Access-Control-Request-Headers"] = headers
    return client.options(path, headers=hdrs)


@pytest.mark.parametrize("path, method, headers", [
    ("/sparql", "GET", ""), ("/sparql", "POST", "content-type"),
    ("/sparql", "POST", "Content-Type, Accept"), ("/articles", "GET", "accept"),
    ("/dump", "HEAD", ""),
])
def test_preflight_for_reads_is_granted(client, path, method, headers):
    resp = _preflight(client, path, method, headers)
    assert resp.status_code == 204
    assert resp.headers["Access-Control-Allow-Origin"] == "*"
    assert method in resp.headers["Access-Control-Allow-Methods"]
    assert "Authorization" not in resp.headers["Access-Control-Allow-Headers"]
    assert int(resp.headers["Access-Control-Max-Age"]) > 0


@pytest.mark.parametrize("path, method, headers", [
    ("/store", "PUT", "content-type"), ("/store", "DELETE", ""),
    ("/store/graph/x", "PUT", ""), ("/articles/x", "DELETE", ""),
    ("/articles", "POST", "content-type"), ("/update", "POST", "content-type"),
    ("/store", "POST", "content-type"), ("/sparql", "PUT", ""), ("/sparql", "PATCH", ""),
    ("/sparql", "POST", "authorization, content-type"), ("/sparql", "GET", "authorization"),
    ("/dump", "GET", "x-custom"),
])
def test_preflight_for_writes_is_refused(client, path, method, headers):
    resp = _preflight(client, path, method, headers)
    assert_error_shape(resp, 403)
    assert not [h for h in resp.headers.keys() if h.lower().startswith("access-control-")]


def test_options_without_preflight_is_not_a_grant(client):
    resp = client.options("/articles", headers=ORIGIN)
    assert "Access-Control-Allow-Methods" not in resp.headers
