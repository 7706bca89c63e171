"""Writes through SPARQL Update and the Graph Store Protocol are validated against the shapes:
an update that would leave an article graph invalid is refused (422, with a report) and the
store stays byte-for-byte the same; a valid one goes through."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, SH, XSD

from tests.fixtures.articles import storm_article
from tests.fixtures.web import PREFIXES, TL, ask, assert_error_shape, nquads, update

TLNS = Namespace(TL)


@pytest.fixture
def stored(client, auth):
    """The storm article ingested: its graph IRI and its three events."""
    body = client.post("/articles", json=storm_article(), headers=auth).get_json()
    return {"article": body["article"], "events": [e["iri"] for e in body["events"]]}


def _refused(client, auth, text, **query):
    before = nquads(client)
    version = client.application.extensions["kg"].state.version
    body = assert_error_shape(update(client, text, auth, **query), 422)
    assert nquads(client) == before
    assert client.application.extensions["kg"].state.version == version
    return body


def test_deleting_an_event_type_is_refused(client, auth, stored):
    event = stored["events"][0]
    body = _refused(client, auth, PREFIXES + f"""
        DELETE {{ GRAPH ?g {{ <{event}> tl:eventType ?t }} }}
        WHERE {{ GRAPH ?g {{ <{event}> tl:eventType ?t }} }}""")
    assert body["code"] == "validation_failed"
    [error] = body["errors"]
    assert error["focus_node"] == event and error["path"] == TL + "eventType"
    assert "exactly one tl:eventType" in error["message"] and error["severity"] == "Violation"
    assert "1 violation" in body["error"]


def test_negative_fatalities_are_refused_with_the_value(client, auth, stored):
    event = stored["events"][1]
    body = _refused(client, auth, PREFIXES + f"""
        INSERT DATA {{ GRAPH <{stored['article']}> {{ <{event}> tl:fatalities -3 }} }}""")
    assert [(e["focus_node"], e["path"], e["value"]) for e in body["errors"]] == \
        [(event, TL + "fatalities", "-3")]
    assert "non-negative" in body["errors"][0]["message"]


@pytest.mark.parametrize("form", ["with", "delete_where", "graph_var", "using_param"])
def test_every_update_form_is_checked(client, auth, stored, form):
    art, event = stored["article"], stored["events"][0]
    texts = {
        "with": f"WITH <{art}> DELETE {{ ?e tl:eventType ?t }} WHERE {{ ?e tl:eventType ?t }}",
        "delete_where": f"DELETE WHERE {{ GRAPH <{art}> {{ <{event}> rdfs:label ?l }} }}",
        "graph_var": "INSERT { GRAPH ?g { ?e tl:injured -1 } } "
                     "WHERE { GRAPH ?g { ?e a tl:Event } }",
        "using_param": f"INSERT {{ GRAPH <{art}> {{ ?e tl:confidence 7.5 }} }} "
                       "WHERE { ?e a tl:Event }",
    }
    query = {"using-graph-uri": art} if form == "using_param" else {}
    body = _refused(client, auth, PREFIXES + texts[form], **query)
    assert body["errors"] and all(e["focus_node"].startswith(art.replace("article", "event"))
                                  for e in body["errors"])


def test_turtle_report_on_request(client, auth, stored):
    event = stored["events"][0]
    text = PREFIXES + f"DELETE WHERE {{ GRAPH ?g {{ <{event}> tl:eventType ?t }} }}"
    for kwargs in ({"query": {"report": "turtle"}}, {"accept": "text/turtle"}):
        headers = dict(auth)
        if "accept" in kwargs:
            headers["Accept"] = kwargs["accept"]
        resp = update(client, text, headers, **kwargs.get("query", {}))
        assert resp.status_code == 422 and resp.mimetype == "text/turtle"
        report = Graph().parse(data=resp.get_data(as_text=True), format="turtle")
        [node] = report.subjects(RDF.type, SH.ValidationReport)
        assert report.value(node, SH.conforms) == Literal(False)
        [result] = report.objects(node, SH.result)
        assert report.value(result, SH.focusNode) == URIRef(stored["events"][0])
        assert report.value(result, SH.resultPath) == TLNS.eventType


def test_a_valid_update_goes_through(client, auth, stored):
    event, art = stored["events"][0], stored["article"]
    version = client.application.extensions["kg"].state.version
    resp = update(client, PREFIXES + f"""
        WITH <{art}> DELETE {{ ?e rdfs:label ?old }}
        INSERT {{ ?e rdfs:label "Storm hits the port" }}
        WHERE {{ BIND(<{event}> AS ?e) ?e rdfs:label ?old }}""", auth)
    assert resp.status_code == 204, resp.get_data(as_text=True)
    assert ask(client, PREFIXES + f'ASK {{ <{event}> rdfs:label "Storm hits the port" }}')
    assert not ask(client, PREFIXES + f'ASK {{ <{event}> rdfs:label "Storm strikes Odesa" }}')
    assert client.application.extensions["kg"].state.version == version + 1


def test_an_update_that_changes_nothing_does_not_bump_the_version(client, auth, stored):
    kg = client.application.extensions["kg"]
    version, before = kg.state.version, nquads(client)
    # the default graph of an update is the store's own (empty) default graph, not the union
    resp = update(client, PREFIXES + "DELETE WHERE { ?e tl:eventType ?t }", auth)
    assert resp.status_code == 204
    assert kg.state.version == version and nquads(client) == before


def test_only_the_validated_content_is_stored(client, auth, stored, monkeypatch):
    """Non-deterministic functions run once, on the checkpoint: the value that was validated is
    the value stored (running the update again for real would draw another one)."""
    art = stored["article"]
    kg = client.application.extensions["kg"]
    seen: list[Graph] = []
    validate = kg.validator.validate
    monkeypatch.setattr(kg.validator, "validate", lambda g: seen.append(g) or validate(g))
    resp = update(client, PREFIXES + f"""
        INSERT {{ GRAPH <{art}> {{ <{art}> rdfs:comment ?c }} }}
        WHERE {{ BIND(CONCAT(STRUUID(), "/", STR(RAND())) AS ?c) }}""", auth)
    assert resp.status_code == 204
    [checked] = seen
    [validated] = checked.objects(URIRef(art), URIRef("http://www.w3.org/2000/01/rdf-schema#comment"))
    rows = client.get("/sparql", query_string={
        "query": f"SELECT ?c WHERE {{ <{art}> <http://www.w3.org/2000/01/rdf-schema#comment> ?c }}"
    }).get_json()["results"]["bindings"]
    assert [r["c"]["value"] for r in rows] == [str(validated)]


def test_update_alias_and_auth(client, auth, stored):
    art, event = stored["article"], stored["events"][0]
    text = PREFIXES + f"INSERT DATA {{ GRAPH <{art}> {{ <{event}> tl:injured -4 }} }}"
    before = nquads(client)
    assert_error_shape(update(client, text), 401)
    assert_error_shape(update(client, text, {"Authorization": "Bearer nope"}), 403)
    assert_error_shape(update(client, text, auth, path="/update"), 422)
    assert nquads(client) == before
    ok = PREFIXES + "INSERT DATA { GRAPH <urn:x:notes> { <urn:x:a> rdfs:label \"note\" } }"
    assert update(client, ok, auth, path="/update").status_code == 204
    assert_error_shape(client.get("/update"), 405)


@pytest.mark.parametrize("text, status", [
    ("INSERT DATA { <urn:a> <urn:b> }", 400),
    ("CLEAR XYZ", 400),
    ("LOAD <http://example.org/data.ttl>", 403),
    ("INSERT { <urn:a> <urn:b> ?o } WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
     403),
    ("PREFIX ex: <http://example.org/> INSERT DATA { nope:a ex:b ex:c }", 400),
    ("DROP GRAPH <http://example.org/missing>", 400),
    ("CREATE GRAPH <https://w3id.org/timeline-kg/ontology>", 400),
])
def test_bad_updates_are_refused_before_anything_runs(client, auth, stored, text, status):
    before = nquads(client)
    assert_error_shape(update(client, text, auth), status)
    assert nquads(client) == before


def _article_turtle(client, article: str) -> Graph:
    resp = client.get("/store", query_string={"graph": article}, headers={"Accept": "text/turtle"})
    assert resp.status_code == 200 and resp.headers["Content-Type"] == "text/turtle; charset=utf-8"
    return Graph().parse(data=resp.get_data(as_text=True), format="turtle")


@pytest.mark.parametrize("method", ["PUT", "POST"])
def test_graph_store_writes_are_validated(client, auth, stored, method):
    art, event = stored["article"], URIRef(stored["events"][0])
    graph = _article_turtle(client, art)
    if method == "PUT":
        graph.remove((event, TLNS.eventType, None))
        payload = graph.serialize(format="turtle")
    else:  # POST merges: a second fatalities value, and a negative one
        payload = f"<{event}> <{TL}fatalities> \"-1\"^^<{XSD.integer}> ."
    before = nquads(client)
    resp = client.open("/store", method=method, query_string={"graph": art}, data=payload,
                       headers={**auth, "Content-Type": "text/turtle"})
    body = assert_error_shape(resp, 422)
    assert {e["focus_node"] for e in body["errors"]} == {str(event)}
    assert nquads(client) == before
    report = client.open("/store", method=method, query_string={"graph": art, "report": "turtle"},
                         data=payload, headers={**auth, "Content-Type": "text/turtle"})
    assert report.status_code == 422 and report.mimetype == "text/turtle"


def test_graph_store_put_of_valid_data_replaces_the_graph(client, auth, stored):
    art, event = stored["article"], URIRef(stored["events"][0])
    graph = _article_turtle(client, art)
    graph.set((event, TLNS.fatalities, Literal(3)))
    resp = client.put("/store", query_string={"graph": art}, data=graph.serialize(format="nt"),
                      headers={**auth, "Content-Type": "application/n-triples"})
    assert resp.status_code == 204
    assert ask(client, PREFIXES + f"ASK {{ <{event}> tl:fatalities 3 }}")
    assert not ask(client, PREFIXES + f"ASK {{ <{event}> tl:fatalities 2 }}")
