"""Every write needs the bearer token; without one configured, writes over HTTP are off."""

from __future__ import annotations

import json

import pytest

from kg.settings import Settings
from kg.web import create_app
from tests.conftest import TOKEN
from tests.fixtures.articles import storm_article
from tests.hardening.conftest import assert_error_shape

GRAPH = "http://example.org/graph/kept"
TURTLE = b"<http://example.org/a> <http://example.org/b> <http://example.org/c> ."
UPDATE = ("INSERT DATA { GRAPH <http://example.org/graph/new> { <http://example.org/a> "
          "<http://example.org/b> <http://example.org/c> } }")


def _writes(article_id: str):
    """(method, path, headers, body) of every kind of write."""
    form = "update=" + __import__("urllib.parse").parse.quote(UPDATE)
    return [
        ("POST", "/sparql", {"Content-Type": "application/sparql-update"}, UPDATE.encode()),
        ("POST", "/sparql", {"Content-Type": "application/x-www-form-urlencoded"},
         form.encode()),
        ("POST", "/update", {"Content-Type": "application/sparql-update"}, UPDATE.encode()),
        ("POST", "/update", {"Content-Type": "application/x-www-form-urlencoded"},
         form.encode()),
        ("PUT", f"/store?graph={GRAPH}", {"Content-Type": "text/turtle"}, TURTLE),
        ("POST", f"/store?graph={GRAPH}", {"Content-Type": "text/turtle"}, TURTLE),
        ("DELETE", f"/store?graph={GRAPH}", {}, b""),
        ("PUT", "/store?default", {"Content-Type": "text/turtle"}, TURTLE),
        ("DELETE", "/store?default", {}, b""),
        ("POST", "/store", {"Content-Type": "text/turtle"}, TURTLE),
        ("PUT", "/store/graph/direct", {"Content-Type": "text/turtle"}, TURTLE),
        ("DELETE", "/store/graph/direct", {}, b""),
        ("POST", "/articles", {"Content-Type": "application/json"},
         json.dumps(storm_article(title="Another storm")).encode()),
        ("POST", "/articles", {"Content-Type": "text/plain"},
         b"A storm hit the coast on Monday.\n\nIt flooded the harbour."),
        ("DELETE", f"/articles/{article_id}", {}, b""),
    ]


@pytest.fixture
def seeded(app, client, auth):
    resp = client.post("/articles", json=storm_article(), headers=auth)
    assert resp.status_code == 201
    assert client.put(f"/store?graph={GRAPH}", data=TURTLE,
                      headers={**auth, "Content-Type": "text/turtle"}).status_code == 201
    return resp.get_json()["id"]


def _dump(client) -> bytes:
    return client.get("/dump", headers={"Accept": "application/n-quads"}).get_data()


BAD_CREDENTIALS = [
    ({}, 401),
    ({"Authorization": "Bearer"}, 401),
    ({"Authorization": "Bearer "}, 401),
    ({"Authorization": f"Basic {TOKEN}"}, 401),
    ({"Authorization": TOKEN}, 401),
    ({"Authorization": "Bearer wrong-token"}, 403),
    ({"Authorization": f"Bearer {TOKEN[:-1]}"}, 403),
    ({"Authorization": f"Bearer {TOKEN}x"}, 403),
    ({"Authorization": f"Bearer {TOKEN.upper()}"}, 403),
    ({"X-Token": TOKEN}, 401),
]


@pytest.mark.parametrize("credentials, status", BAD_CREDENTIALS)
def test_every_write_needs_the_token(client, seeded, credentials, status):
    before = _dump(client)
    for method, path, headers, body in _writes(seeded):
        resp = client.open(path, method=method, headers={**headers, **credentials}, data=body)
        err = assert_error_shape(resp, status)
        assert err["code"] == ("unauthorized" if status == 401 else "forbidden"), (method, path)
        if status == 401:
            assert resp.headers["WWW-Authenticate"].startswith("Bearer")
        assert TOKEN not in resp.get_data(as_text=True)
    assert _dump(client) == before


def test_the_token_grants_every_write(client, seeded, auth):
    """The positive control: the same requests with the token are accepted."""
    for method, path, headers, body in _writes(seeded):
        resp = client.open(path, method=method, headers={**headers, **auth}, data=body)
        assert resp.status_code < 300, (method, path, resp.get_data(as_text=True)[:300])


def test_no_configured_token_means_no_writes(tmp_path):
    app = create_app(Settings(data_dir=tmp_path / "d"))
    try:
        client = app.test_client()
        before = _dump(client)
        for credentials in ({}, {"Authorization": "Bearer "}, {"Authorization": "Bearer x"},
                            {"Authorization": "Bearer None"}):
            for method, path, headers, body in _writes("some-article"):
                resp = client.open(path, method=method, headers={**headers, **credentials},
                                   data=body)
                err = assert_error_shape(resp, 403)
                assert "disabled" in err["error"], (method, path)
        assert _dump(client) == before
        # reads still work
        assert client.get("/sparql", query_string={"query": "ASK {}"}).status_code == 200
    finally:
        app.extensions["kg"].close()


def test_empty_token_setting_disables_writes(tmp_path):
    app = create_app(Settings(data_dir=tmp_path / "d", update_token=""))
    try:
        resp = app.test_client().post("/articles", json=storm_article(),
                                      headers={"Authorization": "Bearer "})
        assert_error_shape(resp, 403)
    finally:
        app.extensions["kg"].close()
