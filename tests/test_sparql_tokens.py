"""The SPARQL analyses run before a request: graphs an update may change, USING injection for
the protocol's ``using-graph-uri``, SERVICE/LOAD targets and FROM clauses."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.errors import BadRequest
from kg.sparql.tokens import add_protocol_dataset, analyse_query, analyse_update, tokenize
from kg.web.examples import EXAMPLE_QUERIES

P = "PREFIX ex: <http://example.org/>\nPREFIX : <http://example.org/empty#>\n"
G1, G2 = "http://example.org/g1", "http://example.org/g2"


def graphs(text: str, base: str | None = None):
    a = analyse_update(text, base)
    return a.graphs, a.all_graphs


@pytest.mark.parametrize("text, expected", [
    # INSERT DATA / DELETE DATA: the default graph and each GRAPH block
    (P + "INSERT DATA { ex:a ex:b ex:c }", {None}),
    (P + "INSERT DATA { GRAPH ex:g1 { ex:a ex:b ex:c } }", {G1}),
    (P + "INSERT DATA { ex:a ex:b 1 . GRAPH <http://example.org/g2> { ex:a ex:b 2 } }",
     {None, G2}),
    (P + "DELETE DATA { GRAPH ex:g1 { ex:a ex:b ex:c } GRAPH ex:g2 { ex:a ex:b ex:c } }",
     {G1, G2}),
    # DELETE WHERE
    (P + "DELETE WHERE { ?s ex:b ?o }", {None}),
    (P + "DELETE WHERE { GRAPH ex:g1 { ?s ex:b ?o } }", {G1}),
    # DELETE/INSERT ... WHERE: the templates decide, not the WHERE pattern
    (P + "INSERT { GRAPH ex:g2 { ?s ex:b ?o } } WHERE { GRAPH ex:g1 { ?s ex:b ?o } }", {G2}),
    (P + "DELETE { ?s ex:b ?o } INSERT { GRAPH ex:g2 { ?s ex:b ?o } } WHERE { ?s ex:b ?o }",
     {None, G2}),
    # WITH names the graph of template triples outside GRAPH; USING only feeds WHERE
    (P + "WITH ex:g1 DELETE { ?s ex:b ?o } WHERE { ?s ex:b ?o }", {G1}),
    (P + "WITH ex:g1 INSERT { ?s ex:b ?o GRAPH ex:g2 { ?s ex:b ?o } } WHERE { ?s ex:b ?o }",
     {G1, G2}),
    (P + "INSERT { GRAPH ex:g1 { ?s ex:b ?o } } USING ex:g2 USING NAMED ex:g2 "
         "WHERE { ?s ex:b ?o }", {G1}),
    # graph management
    (P + "CLEAR GRAPH ex:g1", {G1}),
    (P + "CLEAR SILENT DEFAULT", {None}),
    (P + "DROP SILENT GRAPH <http://example.org/g2>", {G2}),
    (P + "CREATE GRAPH ex:g1", {G1}),
    (P + "ADD ex:g1 TO ex:g2", {G2}),
    (P + "COPY DEFAULT TO GRAPH ex:g2", {G2}),
    (P + "MOVE GRAPH ex:g1 TO DEFAULT", {G1, None}),
    # several operations, a trailing ';', keywords in any case
    (P + "insert data { ex:a ex:b 1 } ; Clear Graph ex:g1 ;", {None, G1}),
])
def test_graphs_an_update_may_change(text, expected):
    assert graphs(text) == (expected, False)


@pytest.mark.parametrize("text", [
    P + "INSERT { GRAPH ?g { ?s ex:b 1 } } WHERE { GRAPH ?g { ?s ex:b ?o } }",
    P + "DELETE WHERE { GRAPH ?g { ?s ex:b ?o } }",
    P + "WITH ex:g1 DELETE { GRAPH ?g { ?s ?p ?o } } WHERE { GRAPH ?g { ?s ?p ?o } }",
    "CLEAR ALL", "DROP NAMED", "CLEAR SILENT ALL",
])
def test_a_graph_variable_or_all_graphs_means_every_graph(text):
    assert analyse_update(text).all_graphs


def test_prefixed_names_base_and_relative_iris():
    text = ("BASE <http://example.org/base/>\nPREFIX p: <sub/>\nPREFIX q: <http://q.example/>\n"
            "INSERT DATA { GRAPH <g1> { <a> <b> <c> } GRAPH p:g2 { <a> <b> <c> } "
            "GRAPH q:x\\-y { <a> <b> <c> } }")
    assert graphs(text)[0] == {"http://example.org/base/g1", "http://example.org/base/sub/g2",
                              "http://q.example/x-y"}
    # without BASE, relative IRIs resolve against the endpoint URL given as base
    assert graphs("CLEAR GRAPH <notes>", "http://host/sparql")[0] == {"http://host/notes"}
    assert graphs(": INSERT DATA { GRAPH :g { :a :b :c } }".replace(": INSERT", P + "INSERT")
                  )[0] == {"http://example.org/empty#g"}


def test_comments_and_strings_do_not_count():
    text = P + '''# GRAPH <http://evil.example/> DROP ALL
    INSERT DATA { GRAPH ex:g1 { ex:a ex:b "GRAPH <http://x.example/> { DROP ALL }" ;
                                        ex:c """multi-line
    CLEAR ALL } GRAPH <http://y.example/>""" ; ex:d 'it''s' , '#not a comment' } } # CLEAR ALL
    '''
    a = analyse_update(text)
    assert a.graphs == {G1} and not a.all_graphs and not a.loads and not a.services


def test_load_and_service_targets():
    a = analyse_update(P + "LOAD SILENT <http://data.example/x.ttl> INTO GRAPH ex:g1 ; "
                           "LOAD ex:other")
    assert a.loads == ["http://data.example/x.ttl", "http://example.org/other"]
    assert a.graphs == {G1, None}
    a = analyse_update(P + "INSERT { ?s ex:b ?o } WHERE { SERVICE SILENT ex:remote { ?s ?p ?o } "
                           "SERVICE ?where { ?s ?p ?o } }")
    assert a.services == ["http://example.org/remote", "?where"]


@pytest.mark.parametrize("text", [
    "INSERT DATA { GRAPH nope:g { <urn:a> <urn:b> <urn:c> } }",  # undefined prefix
    "CLEAR XYZ", "UPSERT DATA { }", "ADD <urn:a> <urn:b>", "INSERT DATA { <urn:a> <urn:b> <urn:c>",
    "INSERT DATA { <urn:a> <urn:b> <urn:c> } DROP ALL",  # missing ';'
    "INSERT DATA { <urn:a> <urn:b> ` }",  # stray character
])
def test_syntax_errors_are_400(text):
    with pytest.raises(BadRequest):
        analyse_update(text)


def test_query_analysis():
    q = analyse_query(P + "SELECT * FROM ex:g1 FROM NAMED ex:g2 WHERE { ?s ?p 'FROM' }")
    assert q.has_dataset_clause and q.services == []
    q = analyse_query(P + "SELECT * WHERE { ?s ?p \"from <x>\" # FROM ex:g1\n }")
    assert not q.has_dataset_clause
    q = analyse_query(P + "SELECT * { SERVICE ex:svc { ?s ?p ?o } SERVICE SILENT <rel> {} }",
                      "http://host/sparql")
    assert q.services == ["http://example.org/svc", "http://host/rel"]


def _run(store: ox.Store, text: str) -> set[tuple[str, str]]:
    store.update(text)
    return {(q.subject.value, q.graph_name.value) for q in
            store.quads_for_pattern(None, ox.NamedNode("http://example.org/copied"), None)}


def _store() -> ox.Store:
    store = ox.Store()
    store.update(P + "INSERT DATA { GRAPH ex:g1 { ex:one ex:b 1 } GRAPH ex:g2 { ex:two ex:b 2 } }")
    return store


@pytest.mark.parametrize("text", [
    P + "INSERT { GRAPH ex:out { ?s ex:copied ?o } } WHERE { ?s ex:b ?o }",
    P + "INSERT { GRAPH ex:out { ?s ex:copied ?o } } WHERE { ?s ex:b ?o } ;\n"
        "INSERT { GRAPH ex:out { ?s ex:copied ?o } }\nWHERE { ?s ex:b ?o }",
])
def test_using_graph_uri_becomes_using_clauses(text):
    a = analyse_update(text)
    rewritten = add_protocol_dataset(text, a, [G1], [])
    assert rewritten.count(f"USING <{G1}>") == text.count("WHERE")
    assert _run(_store(), rewritten) == {("http://example.org/one", "http://example.org/out")}
    named = add_protocol_dataset(text.replace("?s ex:b ?o }", "GRAPH ?g { ?s ex:b ?o } }"),
                                 analyse_update(text.replace("?s ex:b ?o }",
                                                             "GRAPH ?g { ?s ex:b ?o } }")),
                                 [], [G2])
    assert _run(_store(), named) == {("http://example.org/two", "http://example.org/out")}


def test_delete_where_is_rewritten_with_using():
    text = P + "DELETE WHERE { ?s ex:b ?o }"
    rewritten = add_protocol_dataset(text, analyse_update(text), [G1], [])
    assert "USING <http://example.org/g1>" in rewritten
    store = _store()
    store.update(P + "INSERT DATA { ex:one ex:b 1 }")  # the same triple in the default graph
    store.update(rewritten)
    # DELETE WHERE deletes from the default graph (the store's), matched through USING g1
    assert {q.graph_name for q in store} == {ox.NamedNode(G1), ox.NamedNode(G2)}


@pytest.mark.parametrize("text", [
    P + "WITH ex:g1 DELETE { ?s ex:b ?o } WHERE { ?s ex:b ?o }",
    P + "DELETE { ?s ex:b ?o } USING ex:g1 WHERE { ?s ex:b ?o }",
    P + "INSERT DATA { ex:a ex:b 1 } ;\n"
        "DELETE { ?s ex:b ?o } USING NAMED ex:g1 WHERE { ?s ex:b ?o }",
])
def test_using_parameters_conflict_with_using_or_with(text):
    with pytest.raises(BadRequest):
        add_protocol_dataset(text, analyse_update(text), [], [G1])
    assert add_protocol_dataset(text, analyse_update(text), [], []) == text


def test_every_example_query_tokenizes():
    for example in EXAMPLE_QUERIES:
        assert tokenize(example["query"])
        assert not analyse_query(example["query"]).services


@pytest.mark.parametrize("text", [
    "SELECT * WHERE { ?s ?p <http://example.org/\\u00E9t\\u00E9> }",
    "SELECT ?x WHERE { ?x <urn:p> ?o FILTER(?o<=3 && ?o>=1 || ?o!=2) } ORDER BY DESC(?x)",
    "PREFIX ex: <http://example.org/> SELECT * { ?s ex:p/ex:q*|^ex:r ?o ; a ex:T . "
    "?o ex:v \"x\"@en-GB, 1.5e3, -2, .5, true, \"d\"^^<urn:t> }",
    "SELECT * { << <urn:a> <urn:b> <urn:c> >> <urn:d> ?o }",
    "ASK { _:b0 <urn:p> [ <urn:q> () ] }",
])
def test_tokenizer_accepts_valid_sparql(text):
    assert tokenize(text)
