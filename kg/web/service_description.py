"""The SPARQL 1.1 Service Description of the endpoint (returned by a GET without a query)."""

from __future__ import annotations

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from ..namespaces import SD, VOID

FORMATS = "http://www.w3.org/ns/formats/"
_RESULT_FORMATS = ["SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
                   "SPARQL_Results_TSV", "Turtle", "N-Triples", "N-Quads", "TriG", "JSON-LD",
                   "RDF_XML"]
_INPUT_FORMATS = ["Turtle", "N-Triples", "JSON-LD", "RDF_XML"]  # Graph Store bodies

# media type -> rdflib serialiser; the first is the default
SD_TYPES = ["text/turtle", "application/n-triples", "application/rdf+xml",
            "application/ld+json"]
_SERIALISERS = dict(zip(SD_TYPES, ["turtle", "nt", "xml", "json-ld"], strict=True))


def service_description(endpoint: str, media: str) -> bytes:
    """The description of the endpoint at URL ``endpoint``, serialised as ``media``."""
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
    g.add((svc, SD.feature, SD.EmptyGraphs))
    for fmt in _RESULT_FORMATS:
        g.add((svc, SD.resultFormat, URIRef(FORMATS + fmt)))
    for fmt in _INPUT_FORMATS:
        g.add((svc, SD.inputFormat, URIRef(FORMATS + fmt)))
    ds = BNode("dataset")
    dg = BNode("defaultGraph")
    g.add((svc, SD.defaultDataset, ds))
    g.add((ds, RDF.type, SD.Dataset))
    g.add((ds, SD.defaultGraph, dg))
    g.add((dg, RDF.type, SD.Graph))
    g.add((dg, RDFS.comment, Literal(
        "For queries, the default graph is the union of all graphs (each article's data is "
        "in its own named graph); protocol parameters or FROM clauses choose another. "
        "Updates and the Graph Store's ?default address the store's own default graph.")))
    return g.serialize(format=_SERIALISERS[media], encoding="utf-8")
