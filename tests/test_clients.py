"""Off-the-shelf SPARQL clients work against the live endpoint unchanged: SPARQLWrapper (SELECT
in JSON/XML/CSV/TSV, ASK, CONSTRUCT) and rdflib's SPARQLStore / SPARQLUpdateStore, with the
write token passed as an ordinary header. Real HTTP on 127.0.0.1."""

from __future__ import annotations

import csv
import io
from urllib.error import HTTPError

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore, SPARQLUpdateStore
from SPARQLWrapper import CSV, JSON, JSONLD, N3, POST, TSV, TURTLE, XML, SPARQLWrapper

from tests.conftest import TOKEN
from tests.fixtures.articles import storm_article

TL = Namespace("https://w3id.org/timeline-kg/ontology#")
EVENTS = """PREFIX tl: <https://w3id.org/timeline-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?e ?label ?n WHERE { ?e a tl:Event ; rdfs:label ?label . OPTIONAL { ?e tl:fatalities ?n } }
ORDER BY ?label"""
LABELS = ["Power restored", "Residents evacuated", "Storm strikes Odesa"]
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def server(live_app):
    import requests

    resp = requests.post(live_app.url + "/articles", json=storm_article(), headers=AUTH,
                         timeout=60)
    assert resp.status_code == 201, resp.text
    live_app.article = resp.json()["article"]
    return live_app


class _Answer:
    """A SPARQLWrapper answer, converted, its response closed."""

    def __init__(self, result):
        self.content_type = result.response.headers["Content-Type"]
        try:
            self.value = result.convert()
        finally:
            result.response.close()

    def convert(self):
        return self.value


def _wrapper(server, query, fmt, method=None) -> _Answer:
    sparql = SPARQLWrapper(server.url + "/sparql")
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    if method:
        sparql.setMethod(method)
    return _Answer(sparql.query())


@pytest.mark.parametrize("method", [None, POST])
def test_sparqlwrapper_select_json(server, method):
    data = _wrapper(server, EVENTS, JSON, method).convert()
    assert [b["label"]["value"] for b in data["results"]["bindings"]] == LABELS
    storm = data["results"]["bindings"][2]
    assert storm["n"] == {"type": "literal", "value": "2",
                          "datatype": "http://www.w3.org/2001/XMLSchema#integer"}


def test_sparqlwrapper_select_xml(server):
    doc = _wrapper(server, EVENTS, XML).convert()  # an xml.dom.minidom document
    literals = [b.getElementsByTagName("literal")[0].firstChild.data
                for b in doc.getElementsByTagName("binding") if b.getAttribute("name") == "label"]
    assert literals == LABELS


@pytest.mark.parametrize("fmt, delimiter", [(CSV, ","), (TSV, "\t")])
def test_sparqlwrapper_select_csv_tsv(server, fmt, delimiter):
    result = _wrapper(server, EVENTS, fmt)
    assert result.content_type.startswith(
        "text/csv" if fmt == CSV else "text/tab-separated-values")
    rows = list(csv.reader(io.StringIO(result.convert().decode("utf-8")), delimiter=delimiter))
    assert rows[0] in (["e", "label", "n"], ["?e", "?label", "?n"])
    labels = [r[1].strip('"') for r in rows[1:]]
    assert labels == LABELS


@pytest.mark.parametrize("fmt", [JSON, XML])
def test_sparqlwrapper_ask(server, fmt):
    yes = _wrapper(server, "ASK { ?e a <https://w3id.org/timeline-kg/ontology#Event> }", fmt)
    no = _wrapper(server, "ASK { ?e a <https://w3id.org/timeline-kg/ontology#Nothing> }", fmt)
    if fmt == JSON:
        assert yes.convert()["boolean"] is True and no.convert()["boolean"] is False
    else:
        assert yes.convert().getElementsByTagName("boolean")[0].firstChild.data == "true"


# SPARQLWrapper itself parses RDF/XML and JSON-LD answers into rdflib's deprecated
# ConjunctiveGraph; that warning is theirs, not about our answer.
@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
@pytest.mark.parametrize("fmt", [TURTLE, XML, JSONLD, N3])
def test_sparqlwrapper_construct(server, fmt):
    query = """PREFIX tl: <https://w3id.org/timeline-kg/ontology#>
    CONSTRUCT { ?e tl:eventType ?t } WHERE { ?e tl:eventType ?t }"""
    result = _wrapper(server, query, fmt).convert()
    graph = result if isinstance(result, Graph) else Graph().parse(data=result, format="turtle")
    assert sorted(str(t).rsplit("#", 1)[1] for t in graph.objects()) == \
        ["Evacuation", "RestorationOfServices", "Storm"]


def test_rdflib_sparqlstore_reads(server):
    store = SPARQLStore(server.url + "/sparql", returnFormat="json")
    graph = Graph(store=store)
    rows = list(graph.query(EVENTS))
    assert [str(r.label) for r in rows] == LABELS
    article = Graph(store=store, identifier=URIRef(server.article))
    assert len(article) > 100  # the article's graph, via default-graph-uri
    types = set(article.objects(None, TL.eventType))
    assert types == {TL.Storm, TL.Evacuation, TL.RestorationOfServices}
    store.close()


def test_rdflib_sparqlupdatestore_writes_with_the_token(server):
    endpoint = server.url + "/sparql"
    notes = URIRef("http://example.org/graphs/notes")
    store = SPARQLUpdateStore(endpoint, endpoint, headers=dict(AUTH), returnFormat="json")
    graph = Graph(store=store, identifier=notes)
    graph.add((URIRef("http://example.org/a"), URIRef("http://example.org/says"),
               Literal("hello")))
    assert (URIRef("http://example.org/a"), None, Literal("hello")) in graph
    graph.update('INSERT DATA { <http://example.org/b> <http://example.org/says> "bye" }')
    assert len(graph) == 2
    graph.remove((URIRef("http://example.org/a"), None, None))
    assert len(graph) == 1

    # the shapes still apply: a negative casualty count in the article is refused (422)
    article = Graph(store=store, identifier=URIRef(server.article))
    event = next(iter(article.subjects(TL.eventType, TL.Storm)))
    with pytest.raises(HTTPError) as refused:
        article.add((event, TL.injured, Literal(-5)))
    assert refused.value.code == 422
    refused.value.close()
    assert (event, TL.injured, Literal(-5)) not in article

    anonymous = Graph(store=SPARQLUpdateStore(endpoint, endpoint), identifier=notes)
    with pytest.raises(HTTPError) as denied:
        anonymous.add((URIRef("http://example.org/c"), URIRef("http://example.org/says"),
                       Literal("no token")))
    assert denied.value.code == 401
    denied.value.close()
    store.close()
