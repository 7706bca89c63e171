"""The SPARQL 1.1 Service Description of the endpoint."""

from __future__ import annotations

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from ..namespaces import SD, VOID

_FORMATS = {
    "http://www.w3.org/ns/formats/SPARQL_Results_JSON", "http://www.w3.org/ns/formats/SPARQL_Results_XML",
    "http://www.w3.org/ns/formats/SPARQL_Results_CSV", "http://www.w3.org/ns/formats/SPARQL_Results_TSV",
    "http://www.w3.org/ns/formats/Turtle", "http://www.w3.org/ns/formats/N-Triples",
    "http://www.w3.org/ns/formats/N-Quads", "http://www.w3.org/ns/formats/TriG",
    "http://www.w3.org/ns/formats/JSON-LD", "http://www.w3.org/ns/formats/RDF_XML",
}


def service_description(endpoint: str, media: str) -> bytes:
    g = Graph()
    g.bind("sd", SD)
    g.bind("void", VOID)
    svc = URIRef(endpoint + "#service")
    g.add((svc, RDF.type, SD.Service))
    g.add((svc, SD.endpoint, URIRef(endpoint)))
    g.add((svc, RDFS.label, Literal("timeline-kg SPARQL endpoint")))
    for lang in (SD.SPARQL10Query, SD.SPARQL11Query, SD.SPARQL11Update):
        g.add((svc, SD.supportedLanguage, lang))
    # SERVICE is refused unless allow-listed, so sd:BasicFederatedQuery is not advertised.
    g.add((svc, SD.feature, SD.UnionDefaultGraph))
    for fmt in sorted(_FORMATS):
        g.add((svc, SD.resultFormat, URIRef(fmt)))
    ds = BNode("dataset")
    dg = BNode("defaultGraph")
    g.add((svc, SD.defaultDataset, ds))
    g.add((ds, RDF.type, SD.Dataset))
    g.add((ds, SD.defaultGraph, dg))
    g.add((dg, RDF.type, SD.Graph))
    g.add((dg, RDFS.comment, Literal("The default graph is the union of all named graphs; "
                                     "each article's data is in its own named graph.")))
    fmt = {"text/turtle": "turtle", "application/n-triples": "nt",
           "application/rdf+xml": "xml", "application/ld+json": "json-ld"}[media]
    return g.serialize(format=fmt, encoding="utf-8")
