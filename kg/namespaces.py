"""RDF namespaces used across the service."""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD

TL = Namespace("https://w3id.org/timeline-kg/ontology#")
TLSH = Namespace("https://w3id.org/timeline-kg/shapes#")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
SCHEMA = Namespace("http://schema.org/")
GEO = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
WD = Namespace("http://www.wikidata.org/entity/")
VOID = Namespace("http://rdfs.org/ns/void#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
DCTERMS = Namespace("http://purl.org/dc/terms/")

ONTOLOGY_IRI = "https://w3id.org/timeline-kg/ontology"
SHAPES_IRI = "https://w3id.org/timeline-kg/shapes"
GEONAMES = "https://sws.geonames.org/"
XSD_DATETIME = str(XSD.dateTime)  # as a plain string, for comparing pyoxigraph datatypes

PREFIXES = {
    "tl": str(TL), "sem": str(SEM), "schema": str(SCHEMA), "prov": str(PROV),
    "skos": str(SKOS), "owl": str(OWL), "rdf": str(RDF), "rdfs": str(RDFS), "xsd": str(XSD),
    "geo": str(GEO), "wd": str(WD),
}

# The same prefixes as a SPARQL prologue, for the service's own queries.
SPARQL_PREFIXES = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())

__all__ = ["TL", "TLSH", "SEM", "SCHEMA", "GEO", "WD", "VOID", "SD", "DCTERMS", "OWL", "PROV",
           "RDF", "RDFS", "SKOS", "XSD", "ONTOLOGY_IRI", "SHAPES_IRI", "GEONAMES", "XSD_DATETIME",
           "PREFIXES", "SPARQL_PREFIXES"]
