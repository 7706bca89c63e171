"""Limits over real HTTP: the query time limit (a runaway query is stopped while other clients
keep getting fast answers), result rows and bytes, request body size and query length."""

from __future__ import annotations

import csv
import io
import json
import threading

import pytest
import requests

from tests.conftest import TOKEN
from tests.hardening.conftest import assert_error_shape, serve

AUTH = {"Authorization": f"Bearer {TOKEN}"}

RUNAWAYS = {
    "cross product": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . "
                     "?j ?k ?l }",
    # (three path hops: with two, a fast moment of the machine once finished it inside the
    # 2 s limit, about 280,000 rows)
    "property path over everything": "SELECT (COUNT(*) AS ?n) WHERE { ?x (!<urn:x:none>)* ?y "
                                     ". ?y (!<urn:x:none>)* ?z . ?z (!<urn:x:none>)* ?w "
                                     ". ?w ?p ?o }",
    "huge ORDER BY": "SELECT ?a ?d ?g WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } "
                     "ORDER BY DESC(STR(?c)) ?f ?i LIMIT 1",
}


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    with serve(tmp_path_factory.mktemp("limits"), query_timeout=2.0, query_workers=2,
               max_result_rows=200, max_result_bytes=40_000, max_request_bytes=200_000,
               max_query_length=5_000, threads=8) as app:
        # some data: 300 triples in a graph
        lines = "\n".join(f"<http://example.org/s{i}> <http://example.org/p> "
                          f"\"value {i} {'x' * 200}\" ." for i in range(300))
        resp = requests.put(f"{app.url}/store?graph=http://example.org/g", data=lines.encode(),
                            headers={**AUTH, "Content-Type": "application/n-triples"},
                            timeout=60)
        assert resp.status_code in (201, 204), resp.text
        yield app


@pytest.mark.parametrize("name", sorted(RUNAWAYS))
def test_runaway_query_is_stopped_and_others_keep_being_answered(live, name):
    result: dict = {}

    def runaway() -> None:
        result["resp"] = requests.get(f"{live.url}/sparql", params={"query": RUNAWAYS[name]},
                                      timeout=60)

    thread = threading.Thread(target=runaway)
    thread.start()
    answered_meanwhile = 0
    session = requests.Session()
    while thread.is_alive():
        resp = session.get(f"{live.url}/sparql", timeout=30, params={
            "query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <http://example.org/g> "
                     "{ ?s ?p ?o } }"})
        assert resp.status_code == 200
        assert resp.json()["results"]["bindings"][0]["n"]["value"] == "300"
        other = session.get(f"{live.url}/articles", timeout=30)
        assert other.status_code == 200
        answered_meanwhile += thread.is_alive()  # answered while the runaway still ran
    thread.join()
    body = assert_error_shape(result["resp"], 503)
    assert body["code"] == "query_timeout" and "KG_QUERY_TIMEOUT" in body["error"]
    assert answered_meanwhile >= 2
    # the worker was replaced: the service still answers with its full pool
    assert session.get(f"{live.url}/sparql", params={"query": "ASK {}"},
                       timeout=30).json()["boolean"] is True


def test_row_limit_over_http(live):
    resp = requests.get(f"{live.url}/sparql", timeout=30, params={
        "query": "SELECT ?s WHERE { ?s ?p ?o . ?x ?p ?y } LIMIT 2000"})
    assert resp.status_code == 200
    assert resp.headers["X-KG-Truncated"] == "true"
    assert resp.headers["X-KG-Truncated-By"] == "rows"
    assert resp.headers["X-KG-Result-Limit"] == "200"
    assert len(resp.json()["results"]["bindings"]) == 200


@pytest.mark.parametrize("accept", ["application/sparql-results+json", "text/csv",
                                    "application/sparql-results+xml"])
def test_byte_limit_over_http(live, accept):
    query = "SELECT ?s ?o WHERE { GRAPH <http://example.org/g> { ?s ?p ?o } } ORDER BY ?s"
    resp = requests.get(f"{live.url}/sparql", params={"query": query},
                        headers={"Accept": accept}, timeout=30)
    assert resp.status_code == 200
    assert resp.headers["X-KG-Truncated"] == "true"
    assert resp.headers["X-KG-Truncated-By"] == "bytes"
    assert 0 < len(resp.content) <= 40_000
    if "json" in accept:
        rows = resp.json()["results"]["bindings"]
    elif accept == "text/csv":
        rows = list(csv.DictReader(io.StringIO(resp.text)))
    else:
        import xml.dom.minidom

        rows = xml.dom.minidom.parseString(resp.content).getElementsByTagName("result")
    assert 0 < len(rows) < 300


def test_small_results_are_whole(live):
    resp = requests.get(f"{live.url}/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } "
                                                      "LIMIT 3"}, timeout=30)
    assert resp.status_code == 200 and "X-KG-Truncated" not in resp.headers
    assert len(resp.json()["results"]["bindings"]) == 3


def test_construct_byte_limit_over_http(live):
    resp = requests.get(f"{live.url}/sparql", headers={"Accept": "text/turtle"}, timeout=30,
                        params={"query": "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH "
                                         "<http://example.org/g> { ?s ?p ?o } }"})
    assert resp.status_code == 200 and resp.headers["X-KG-Truncated-By"] == "bytes"
    import pyoxigraph as ox

    assert 0 < len(list(ox.parse(resp.content, format=ox.RdfFormat.TURTLE))) < 300


@pytest.mark.parametrize("path, ctype", [
    ("/sparql", "application/sparql-query"), ("/sparql", "application/x-www-form-urlencoded"),
    ("/articles", "text/plain"), ("/store?graph=http://example.org/big", "text/turtle"),
    ("/update", "application/sparql-update"),
])
def test_request_body_limit_over_http(live, path, ctype):
    body = b"#" + b"x" * 250_000
    for chunked in (False, True):
        data = iter([body[:100_000], body[100_000:]]) if chunked else body
        resp = requests.post(f"{live.url}{path}", data=data, timeout=30,
                             headers={**AUTH, "Content-Type": ctype})
        err = assert_error_shape(resp, 413)
        assert err["code"] == "payload_too_large"
        assert "KG_MAX_REQUEST_BYTES" in err["error"]


def test_query_length_limit_over_http(live):
    query = "ASK { " + " ".join(f"?s{i} ?p ?o ." for i in range(1000)) + " }"
    assert len(query) > 5_000
    for resp in (requests.get(f"{live.url}/sparql", params={"query": query}, timeout=30),
                 requests.post(f"{live.url}/sparql", data=query.encode(), timeout=30,
                               headers={"Content-Type": "application/sparql-query"})):
        err = assert_error_shape(resp, 413)
        assert "KG_MAX_QUERY_LENGTH" in err["error"]
    update = "INSERT DATA { " + " ".join(
        f"<http://example.org/s{i}> <http://example.org/p> {i} ." for i in range(200)) + " }"
    resp = requests.post(f"{live.url}/update", data=update.encode(), timeout=30,
                         headers={**AUTH, "Content-Type": "application/sparql-update"})
    assert_error_shape(resp, 413)


def test_long_urls_are_refused_cleanly(live):
    resp = requests.get(f"{live.url}/sparql", params={"query": "ASK {}" + " " * 20_000},
                        timeout=30)
    assert resp.status_code in (413, 414, 431)


def test_deeply_nested_queries_do_not_crash(live):
    """Nesting that overflows an ordinary stack: answered (or refused), never a crash."""
    depth = 2_400  # the query length limit of this server bounds the depth
    query = "SELECT * WHERE " + "{" * depth + "?s ?p ?o" + "}" * depth + " LIMIT 1"
    resp = requests.post(f"{live.url}/sparql", data=query.encode(), timeout=60,
                         headers={"Content-Type": "application/sparql-query"})
    assert resp.status_code in (200, 400), resp.text[:300]
    update = "INSERT { ?s ?p ?o } WHERE " + "{" * depth + "?s ?p ?o" + "}" * depth
    resp = requests.post(f"{live.url}/update", data=update.encode(), timeout=60,
                         headers={**AUTH, "Content-Type": "application/sparql-update"})
    assert resp.status_code < 500, resp.text[:300]
    assert requests.get(f"{live.url}/sparql", params={"query": "ASK {}"},
                        timeout=30).status_code == 200


def test_timeout_setting_reaches_the_error(live):
    resp = requests.get(f"{live.url}/sparql", params={"query": RUNAWAYS["cross product"]},
                        timeout=60)
    body = assert_error_shape(resp, 503)
    assert "2 s" in body["error"]
    assert json.loads(resp.content)["status"] == 503


@pytest.mark.parametrize("workers", [2, 0])
def test_nesting_deep_enough_to_overflow_a_thread_stack(tmp_path, workers):
    """30,000 nested groups overflow an 8 MiB stack and would kill the process; queries (in
    the pool or in the request thread) and updates run on a large stack instead."""
    from kg.settings import Settings
    from kg.web import create_app

    app = create_app(Settings(data_dir=tmp_path / "d", update_token=TOKEN,
                              query_workers=workers))
    try:
        client = app.test_client()
        depth = 30_000
        query = "SELECT * WHERE " + "{" * depth + "?s ?p ?o" + "}" * depth + " LIMIT 1"
        resp = client.post("/sparql", data=query.encode(),
                           headers={"Content-Type": "application/sparql-query"})
        assert resp.status_code == 200, resp.get_data(as_text=True)[:300]
        assert len(resp.get_json()["results"]["bindings"]) == 1
        update = ("INSERT { GRAPH <http://example.org/copy> { ?s ?p ?o } } WHERE "
                  + "{" * depth + "GRAPH <urn:x:none> { ?s ?p ?o }" + "}" * depth)
        resp = client.post("/update", data=update.encode(),
                           headers={**AUTH, "Content-Type": "application/sparql-update"})
        assert resp.status_code == 204, resp.get_data(as_text=True)[:300]
        chain = "SELECT * WHERE { BIND(0 AS ?v0) " + " ".join(
            f"BIND(?v{i} + 1 AS ?v{i + 1})" for i in range(3_000)) + " }"
        resp = client.post("/sparql", data=chain.encode(),
                           headers={"Content-Type": "application/sparql-query"})
        assert resp.status_code == 200
    finally:
        app.extensions["kg"].close()
