"""Result formats and content negotiation of the SPARQL endpoint, the truncation of long
results, the Service Description / HTML page for a GET without a query, and the example
queries of the query page."""

from __future__ import annotations

import csv
import io
import json
from xml.etree import ElementTree

import pytest
from rdflib.compare import isomorphic

from kg.settings import Settings
from kg.web import create_app
from kg.web.examples import EXAMPLE_QUERIES
from tests.conftest import TOKEN
from tests.fixtures.articles import storm_article
from tests.fixtures.web import assert_error_shape, update
from tests.w3c.harness import RESULTS_NS, parse_rdf

DATA = """PREFIX ex: <http://example.org/>
INSERT DATA { GRAPH ex:fmt {
  ex:a ex:text "comma, \\"quote\\"\\nnew line\\tand tab" ; ex:lang "Kyiv"@en ; ex:n 42 ;
       ex:d "2024-02-29"^^<http://www.w3.org/2001/XMLSchema#date> ; ex:node _:b .
  _:b ex:text "blank" .
} }"""
SELECT = ("PREFIX ex: <http://example.org/> SELECT ?p ?o ?missing WHERE { "
          "GRAPH ex:fmt { ex:a ?p ?o } OPTIONAL { ?o ex:absent ?missing } } ORDER BY ?p")
CONSTRUCT = ("PREFIX ex: <http://example.org/> "
             "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ex:fmt { ?s ?p ?o } }")
SOLUTION_TYPES = {"json": "application/sparql-results+json",
                  "xml": "application/sparql-results+xml", "csv": "text/csv",
                  "tsv": "text/tab-separated-values"}
GRAPH_TYPES = {"ttl": "text/turtle", "nt": "application/n-triples",
               "jsonld": "application/ld+json", "rdf": "application/rdf+xml",
               "trig": "application/trig", "nq": "application/n-quads"}


@pytest.fixture
def data(client, auth):
    assert update(client, DATA, auth).status_code == 204
    return client


def _query(client, query, accept=None, **params):
    headers = {"Accept": accept} if accept else {}
    return client.get("/sparql", query_string={"query": query, **params}, headers=headers)


def _rows(resp) -> list[dict[str, str]]:
    """Rows as {variable: value} whatever the result format (values as plain strings)."""
    media = resp.mimetype
    text = resp.get_data(as_text=True)
    if media == "application/sparql-results+json":
        doc = json.loads(text)
        return [{k: v["value"] for k, v in b.items()} for b in doc["results"]["bindings"]]
    if media == "application/sparql-results+xml":
        root = ElementTree.fromstring(text)
        return [{b.get("name"): b[0].text for b in r.iter(f"{RESULTS_NS}binding")}
                for r in root.iter(f"{RESULTS_NS}result")]
    if media == "text/csv":
        return [{k: v for k, v in row.items() if v != ""}
                for row in csv.DictReader(io.StringIO(text, newline=""))]
    assert media == "text/tab-separated-values"
    header, *lines = text.rstrip("\n").split("\n")
    names = [h[1:] for h in header.split("\t")]
    return [{n: v for n, v in zip(names, line.split("\t"), strict=True) if v} for line in lines]


def test_select_default_is_sparql_json(data):
    resp = _query(data, SELECT)
    assert resp.status_code == 200
    assert resp.headers["Content-Type"] == "application/sparql-results+json; charset=utf-8"
    doc = resp.get_json()
    assert doc["head"]["vars"] == ["p", "o", "missing"]
    by_p = {b["p"]["value"].rsplit("/", 1)[1]: b["o"] for b in doc["results"]["bindings"]}
    assert by_p["lang"] == {"type": "literal", "value": "Kyiv", "xml:lang": "en"}
    assert by_p["n"] == {"type": "literal", "value": "42",
                         "datatype": "http://www.w3.org/2001/XMLSchema#integer"}
    assert by_p["text"] == {"type": "literal", "value": 'comma, "quote"\nnew line\tand tab'}
    assert by_p["node"]["type"] == "bnode"
    assert all("missing" not in b for b in doc["results"]["bindings"])


@pytest.mark.parametrize("name", SOLUTION_TYPES)
def test_select_in_every_format_by_accept_and_by_name(data, name):
    expected = _rows(_query(data, SELECT))
    for resp in (_query(data, SELECT, SOLUTION_TYPES[name]), _query(data, SELECT, format=name)):
        assert resp.status_code == 200 and resp.mimetype == SOLUTION_TYPES[name]
        rows = _rows(resp)
        if name == "tsv":  # TSV writes RDF terms in their Turtle form
            by_p = {r["p"]: r["o"] for r in rows}
            ex = "<http://example.org/"
            assert by_p[ex + "lang>"] == '"Kyiv"@en'
            assert by_p[ex + "n>"] == '"42"^^<http://www.w3.org/2001/XMLSchema#integer>'
            assert by_p[ex + "text>"] == '"comma, \\"quote\\"\\nnew line\\tand tab"'
            assert by_p[ex + "node>"].startswith("_:")
            continue
        for got, want in zip(rows, expected, strict=True):
            if want["o"].startswith("_:") or "node" in want["p"]:
                assert got["p"] == want["p"]  # blank node labels differ between formats
                continue
            assert got == want, name
    assert resp.headers["Vary"] == "Accept"


def test_csv_quotes_and_crlf(data):
    text = _query(data, SELECT, "text/csv").get_data(as_text=True)
    assert text.startswith("p,o,missing\r\n")
    assert '"comma, ""quote""\nnew line\tand tab"' in text


@pytest.mark.parametrize("accept, expected", [
    (None, "application/sparql-results+json"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("application/json", "application/json"),
    ("text/csv;q=0.5, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
])
def test_ask(data, accept, expected):
    resp = _query(data, "ASK { GRAPH <http://example.org/fmt> { ?s ?p 42 } }", accept)
    assert resp.status_code == 200 and resp.mimetype == expected
    if "json" in expected:
        assert resp.get_json() == {"head": {}, "boolean": True}
    else:
        node = ElementTree.fromstring(resp.get_data()).find(f"{RESULTS_NS}boolean")
        assert node.text == "true"


@pytest.mark.parametrize("name", GRAPH_TYPES)
def test_construct_and_describe_in_every_rdf_format(data, name):
    reference = parse_rdf(_query(data, CONSTRUCT).get_data(), "text/turtle")
    assert len(reference) == 6
    for resp in (_query(data, CONSTRUCT, GRAPH_TYPES[name]),
                 _query(data, CONSTRUCT, format=name)):
        assert resp.status_code == 200 and resp.mimetype == GRAPH_TYPES[name]
        assert isomorphic(parse_rdf(resp.get_data(), resp.mimetype), reference), name
    describe = _query(data, "DESCRIBE <http://example.org/a>", GRAPH_TYPES[name])
    assert describe.status_code == 200
    assert len(parse_rdf(describe.get_data(), describe.mimetype)) >= 5


def test_construct_default_is_turtle(data):
    resp = _query(data, CONSTRUCT, "*/*")
    assert resp.headers["Content-Type"] == "text/turtle; charset=utf-8"


@pytest.mark.parametrize("query, params, accept", [
    (SELECT, {}, "image/png"),
    ("ASK {}", {}, "text/csv"),
    (CONSTRUCT, {}, "application/sparql-results+json"),
    (SELECT, {"format": "ttl"}, None),
    (CONSTRUCT, {"format": "csv"}, None),
])
def test_impossible_formats_are_406(data, query, params, accept):
    body = assert_error_shape(_query(data, query, accept, **params), 406)
    assert "available" in body["error"] or "use one of" in body["error"]


def test_relative_iris_resolve_against_the_endpoint(client):
    resp = _query(client, "SELECT ?x WHERE { BIND(<notes/1> AS ?x) }")
    assert resp.get_json()["results"]["bindings"][0]["x"]["value"] == \
        "http://localhost/notes/1"


@pytest.fixture
def small_app(tmp_path):
    app = create_app(Settings(data_dir=tmp_path / "d", update_token=TOKEN, max_result_rows=3))
    yield app
    app.extensions["kg"].store.close()


def test_long_results_are_truncated_and_say_so(small_app):
    client = small_app.test_client()
    assert update(client, DATA, {"Authorization": f"Bearer {TOKEN}"}).status_code == 204
    for name in SOLUTION_TYPES:
        resp = _query(client, SELECT, format=name)
        assert resp.headers["X-KG-Truncated"] == "true"
        assert resp.headers["X-KG-Result-Limit"] == "3"
        assert len(_rows(resp)) == 3, name
    resp = _query(client, CONSTRUCT, "application/n-triples")
    assert resp.headers["X-KG-Truncated"] == "true"
    assert len(parse_rdf(resp.get_data(), "application/n-triples")) == 3
    short = _query(client, "SELECT * WHERE { VALUES ?x { 1 2 3 } }")
    assert "X-KG-Truncated" not in short.headers and len(_rows(short)) == 3


@pytest.mark.parametrize("accept, media", [
    (None, "text/turtle"), ("application/rdf+xml", "application/rdf+xml"),
    ("application/ld+json", "application/ld+json"),
    ("application/n-triples", "application/n-triples"),
])
def test_get_without_query_is_the_service_description(client, accept, media):
    resp = client.get("/sparql", headers={"Accept": accept} if accept else {})
    assert resp.status_code == 200 and resp.mimetype == media
    graph = parse_rdf(resp.get_data(), media)
    assert any(str(o) == "http://localhost/sparql" for o in graph.objects())


def test_html_page_for_browsers(client):
    resp = client.get("/sparql", headers={
        "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"})
    assert resp.status_code == 200 and resp.mimetype == "text/html"
    page = resp.get_data(as_text=True)
    assert 'action="http://localhost/sparql"' in page
    for example in EXAMPLE_QUERIES:
        assert example["title"] in page
    script = client.get("/static/sparql.js")
    assert script.status_code == 200 and "fetch(endpoint" in script.get_data(as_text=True)
    script.close()


@pytest.fixture
def storm(client, auth):
    assert client.post("/articles", json=storm_article(), headers=auth).status_code == 201
    return client


@pytest.mark.parametrize("example", EXAMPLE_QUERIES, ids=[e["title"] for e in EXAMPLE_QUERIES])
def test_every_example_query_parses_and_answers(storm, example):
    for accept in ("application/sparql-results+json", "text/csv"):
        resp = storm.post("/sparql", data={"query": example["query"]},
                          headers={"Accept": accept})
        assert resp.status_code == 200, resp.get_data(as_text=True)
        rows = _rows(resp)
        assert isinstance(rows, list)
    if example["title"] == "Timeline of all events":
        labels = [r["label"] for r in _rows(resp)]
        assert labels == ["Storm strikes Odesa", "Power restored", "Residents evacuated"]
