"""Which dataset a query sees: the union of all graphs by default, the query's FROM/FROM NAMED
when it has them, and the protocol's default-graph-uri/named-graph-uri above both."""

from __future__ import annotations

import pytest

from tests.fixtures.web import assert_error_shape, update

DATA = """PREFIX ex: <http://example.org/>
INSERT DATA { ex:d ex:in "default" . GRAPH ex:g1 { ex:s1 ex:in "g1" }
  GRAPH ex:g2 { ex:s2 ex:in "g2" } GRAPH ex:g3 { ex:s3 ex:in "g3" } }"""
DEFAULT = "SELECT ?v WHERE { ?s <http://example.org/in> ?v } ORDER BY ?v"
NAMED = "SELECT ?g ?v WHERE { GRAPH ?g { ?s <http://example.org/in> ?v } } ORDER BY ?v"
EX = "http://example.org/"


@pytest.fixture
def data(client, auth):
    assert update(client, DATA, auth).status_code == 204
    return client


def _values(client, query, method="GET", **params):
    if method == "GET":
        resp = client.get("/sparql", query_string={"query": query, **params})
    else:
        resp = client.post("/sparql", data=query, query_string=params,
                           content_type="application/sparql-query")
    assert resp.status_code == 200, resp.get_data(as_text=True)
    return [tuple(b[v]["value"] for v in resp.get_json()["head"]["vars"] if v in b)
            for b in resp.get_json()["results"]["bindings"]]


def test_default_graph_is_the_union_of_all_graphs(data):
    assert _values(data, DEFAULT) == [("default",), ("g1",), ("g2",), ("g3",)]
    assert _values(data, NAMED) == [(EX + "g1", "g1"), (EX + "g2", "g2"), (EX + "g3", "g3")]


def test_from_clauses_are_honoured(data):
    assert _values(data, DEFAULT.replace("WHERE", f"FROM <{EX}g1> FROM <{EX}g2> WHERE")) == \
        [("g1",), ("g2",)]
    # FROM NAMED alone: named graphs as listed, an empty default graph
    assert _values(data, NAMED.replace("WHERE", f"FROM NAMED <{EX}g3> WHERE")) == \
        [(EX + "g3", "g3")]
    assert _values(data, DEFAULT.replace("WHERE", f"FROM NAMED <{EX}g3> WHERE")) == []


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_protocol_dataset_overrides_from(data, method):
    query = DEFAULT.replace("WHERE", f"FROM <{EX}g1> FROM NAMED <{EX}g1> WHERE")
    assert _values(data, query, method, **{"default-graph-uri": EX + "g2"}) == [("g2",)]
    named = NAMED.replace("WHERE", f"FROM NAMED <{EX}g1> WHERE")
    assert _values(data, named, method, **{"named-graph-uri": EX + "g3"}) == [(EX + "g3", "g3")]


def test_only_named_graphs_given_means_an_empty_default_graph(data):
    params = {"named-graph-uri": [EX + "g1", EX + "g2"]}
    assert _values(data, DEFAULT, **params) == []
    assert _values(data, NAMED, **params) == [(EX + "g1", "g1"), (EX + "g2", "g2")]


def test_only_default_graphs_given_means_no_named_graphs(data):
    params = {"default-graph-uri": [EX + "g1", EX + "g3"]}
    assert _values(data, DEFAULT, **params) == [("g1",), ("g3",)]
    assert _values(data, NAMED, **params) == []


def test_a_graph_that_does_not_exist_is_just_empty(data):
    assert _values(data, DEFAULT, **{"default-graph-uri": EX + "nothing"}) == []


@pytest.mark.parametrize("params", [
    {"default-graph-uri": "not an iri"},
    {"named-graph-uri": "relative/path"},
    {"using-graph-uri": EX + "g1"},
])
def test_bad_dataset_parameters_are_400(data, params):
    assert_error_shape(data.get("/sparql", query_string={"query": DEFAULT, **params}), 400)


def test_update_with_protocol_dataset(data, auth):
    text = f"INSERT {{ GRAPH <{EX}out> {{ ?s <{EX}copied> ?v }} }} WHERE {{ ?s <{EX}in> ?v }}"
    resp = update(data, text, auth, **{"using-graph-uri": EX + "g2"})
    assert resp.status_code == 204
    assert _values(data, f"SELECT ?v WHERE {{ GRAPH <{EX}out> {{ ?s ?p ?v }} }}") == [("g2",)]
    own_using = text.replace("WHERE", f"USING <{EX}g1> WHERE")
    body = assert_error_shape(update(data, own_using, auth,
                                     **{"using-named-graph-uri": EX + "g2"}), 400)
    assert "USING" in body["error"]
    assert_error_shape(update(data, text, auth, **{"default-graph-uri": EX + "g2"}), 400)
