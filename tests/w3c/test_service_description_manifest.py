"""The W3C SPARQL 1.1 Service Description tests (``service-description/manifest.ttl``).

The manifest names three tests without machine-readable actions; each has a check here, keyed
by the test's name, and a test the manifest adds without a check here fails.
"""

from __future__ import annotations

import pytest
from rdflib import Graph, Namespace, URIRef
from rdflib.compare import isomorphic

from kg.validation import Validator
from tests.conftest import shared_path
from tests.w3c.harness import MF, RDF_PARSERS, manifest_params, parse_rdf, send, shared_manifest

MANIFEST = ("w3c", "sparql11", "service-description", "manifest.ttl")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
ENDPOINTS = ("/sparql", "/sparql/")

# The structure the Service Description vocabulary prescribes (domains, ranges and the closed
# sets of languages and features from the recommendation), written as SHACL.
SD_SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix ex: <urn:test:sd#> .

ex:Service a sh:NodeShape ; sh:targetClass sd:Service ;
  sh:property [ sh:path sd:endpoint ; sh:minCount 1 ; sh:nodeKind sh:IRI ] ;
  sh:property [ sh:path sd:supportedLanguage ; sh:minCount 1 ;
                sh:in ( sd:SPARQL10Query sd:SPARQL11Query sd:SPARQL11Update ) ] ;
  sh:property [ sh:path sd:feature ; sh:in ( sd:DereferencesURIs sd:UnionDefaultGraph
                sd:RequiresDataset sd:EmptyGraphs sd:BasicFederatedQuery ) ] ;
  sh:property [ sh:path sd:resultFormat ; sh:nodeKind sh:IRI ] ;
  sh:property [ sh:path sd:inputFormat ; sh:nodeKind sh:IRI ] ;
  sh:property [ sh:path sd:defaultEntailmentRegime ; sh:nodeKind sh:IRI ] ;
  sh:property [ sh:path sd:defaultDataset ; sh:maxCount 1 ; sh:class sd:Dataset ] ;
  sh:property [ sh:path sd:availableGraphs ; sh:class sd:GraphCollection ] .

ex:Dataset a sh:NodeShape ; sh:targetClass sd:Dataset ;
  sh:property [ sh:path sd:defaultGraph ; sh:maxCount 1 ; sh:class sd:Graph ] ;
  sh:property [ sh:path sd:namedGraph ; sh:class sd:NamedGraph ] .

ex:NamedGraph a sh:NodeShape ; sh:targetClass sd:NamedGraph ;
  sh:property [ sh:path sd:name ; sh:minCount 1 ; sh:maxCount 1 ; sh:nodeKind sh:IRI ] ;
  sh:property [ sh:path sd:graph ; sh:maxCount 1 ; sh:class sd:Graph ] .

ex:Subjects a sh:NodeShape ;
  sh:targetSubjectsOf sd:endpoint, sd:supportedLanguage, sd:feature, sd:resultFormat,
                      sd:defaultDataset ;
  sh:class sd:Service .
ex:DatasetSubjects a sh:NodeShape ; sh:targetSubjectsOf sd:defaultGraph ; sh:class sd:Dataset .
"""


def _cases():
    return manifest_params(shared_manifest(*MANIFEST), MF.ServiceDescriptionTest)


def _get(live_app, path: str, accept: str | None = None):
    host, port = live_app.url.removeprefix("http://").split(":")
    headers = [("Accept", accept)] if accept else []
    return send(host, int(port), "GET", path, headers, None)


def _description(live_app, path: str, accept: str | None = None) -> Graph:
    reply = _get(live_app, path, accept)
    assert reply.status == 200, reply.body[:300]
    assert reply.media_type in RDF_PARSERS, reply.media_type
    return parse_rdf(reply.body, reply.media_type, base=live_app.url + path)


def returns_rdf(live_app):
    """GET on the endpoint without a query returns RDF, in each RDF syntax asked for."""
    default = _description(live_app, "/sparql")
    assert len(default) > 0
    for accept in ("text/turtle", "application/rdf+xml", "application/n-triples",
                   "application/ld+json", "application/rdf+xml;q=0.9, text/turtle;q=0.5"):
        assert isomorphic(_description(live_app, "/sparql", accept), default), accept


def has_endpoint_triple(live_app):
    """The description contains ``?s sd:endpoint <the request URL>``."""
    for path in ENDPOINTS:
        url = live_app.url + path
        graph = _description(live_app, path)
        answer = graph.query("ASK { ?s ?endpoint ?url }",
                             initBindings={"endpoint": SD.endpoint, "url": URIRef(url)})
        assert answer.askAnswer, url


def conforms_to_schema(live_app):
    """The description follows the vocabulary's structure (checked with SHACL)."""
    graph = _description(live_app, "/sparql")
    report = Validator(SD_SHAPES, engine="pyshacl").validate(graph)
    assert report.conforms, report.results
    services = list(graph.subjects(predicate=None, object=SD.Service))
    assert len(services) == 1


CHECKS = {"returns-rdf": returns_rdf, "has-endpoint-triple": has_endpoint_triple,
          "conforms-to-schema": conforms_to_schema}


@pytest.mark.parametrize("case", _cases())
def test_service_description(case, live_app):
    shared_path(*MANIFEST)
    assert case.id in CHECKS, f"no check for the manifest's test {case.id}"
    CHECKS[case.id](live_app)


def test_schema_check_can_fail():
    """The SHACL schema check rejects a description that breaks the vocabulary."""
    bad = Graph().parse(data="""
        @prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
        <urn:s> a sd:Service ; sd:endpoint "not an IRI" ; sd:supportedLanguage sd:SPARQL12 ;
          sd:defaultDataset [ a sd:Dataset ; sd:namedGraph [ a sd:NamedGraph ] ] .""",
                        format="turtle")
    report = Validator(SD_SHAPES, engine="pyshacl").validate(bad)
    assert not report.conforms and len(report.results) == 3
