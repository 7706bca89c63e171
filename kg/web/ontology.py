"""The ontology and shapes by content negotiation, and the VoID description of the dataset."""

from __future__ import annotations

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, render_template, request
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from ..namespaces import DCTERMS, ONTOLOGY_IRI, SHAPES_IRI, TL, VOID
from .rdf import RDF_TYPES, choose_rdf_type, content_type

bp = Blueprint("ontology", __name__)
GRAPH_TYPES = [t for t, f in RDF_TYPES.items() if not f.supports_datasets]


def _wants_html() -> bool:
    accept = request.accept_mimetypes
    return "format" not in request.args and "text/html" in accept and \
        accept["text/html"] > accept["text/turtle"]


@bp.route("/ontology", methods=["GET", "HEAD"])
def ontology():
    return _graph_document(ONTOLOGY_IRI, "ontology")


@bp.route("/ontology/shapes", methods=["GET", "HEAD"])
def shapes():
    return _graph_document(SHAPES_IRI, "shapes")


def _graph_document(graph: str, name: str):
    kg = current_app.extensions["kg"]
    if _wants_html() and name == "ontology":
        return render_template("ontology.html", terms=_terms(kg))
    media = choose_rdf_type(GRAPH_TYPES)
    data = ox.serialize(kg.store.triples(graph), format=RDF_TYPES[media],
                        prefixes={"tl": str(TL), "rdfs": str(RDFS), "owl": str(OWL),
                                  "skos": str(SKOS), "sh": "http://www.w3.org/ns/shacl#"}
                        if RDF_TYPES[media] == ox.RdfFormat.TURTLE else None)
    return Response(data, content_type=content_type(media),
                    headers={"Vary": "Accept",
                             "Content-Disposition": f'inline; filename="{name}.ttl"'})


def _terms(kg) -> list[dict]:
    rows = kg.store.query("""
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?g ?term ?type ?label ?comment WHERE {
          GRAPH ?g { ?term a ?type ; rdfs:label ?label . OPTIONAL { ?term rdfs:comment ?comment } }
          FILTER (STRSTARTS(STR(?term), "https://w3id.org/timeline-kg/ontology#"))
        } ORDER BY ?type ?term""", substitutions={"g": ox.NamedNode(ONTOLOGY_IRI)})
    return [{"term": r["term"].value, "name": r["term"].value.rsplit("#", 1)[-1],
             "type": r["type"].value.rsplit("#", 1)[-1].rsplit("/", 1)[-1],
             "label": r["label"].value, "comment": r["comment"].value if r["comment"] else ""}
            for r in rows]


@bp.route("/void", methods=["GET", "HEAD"])
@bp.route("/.well-known/void", methods=["GET", "HEAD"])
@bp.route("/dataset", methods=["GET", "HEAD"])
def void():
    kg = current_app.extensions["kg"]
    stats = kg.stats()
    root = request.host_url
    g = Graph()
    g.bind("void", VOID)
    g.bind("tl", TL)
    g.bind("dcterms", DCTERMS)
    ds = URIRef(kg.iris.dataset())
    g.add((ds, RDF.type, VOID.Dataset))
    g.add((ds, DCTERMS.title, Literal("timeline-kg: events from news reporting")))
    g.add((ds, DCTERMS.description, Literal(
        "Events extracted from news articles, linked to Wikidata, validated with SHACL.")))
    g.add((ds, DCTERMS.modified, Literal(stats["last_modified"], datatype=XSD.dateTime)))
    g.add((ds, VOID.triples, Literal(stats["triples"], datatype=XSD.integer)))
    g.add((ds, VOID.entities, Literal(stats["entities"] + stats["events"] + stats["articles"],
                                      datatype=XSD.integer)))
    g.add((ds, VOID.sparqlEndpoint, URIRef(root + "sparql")))
    g.add((ds, VOID.uriSpace, Literal(kg.settings.base_iri)))
    g.add((ds, VOID.vocabulary, URIRef(ONTOLOGY_IRI)))
    for ext, media in (("ttl", "text/turtle"), ("nt", "application/n-triples"),
                       ("nq", "application/n-quads"), ("trig", "application/trig"),
                       ("jsonld", "application/ld+json")):
        dump = URIRef(f"{root}dump?format={ext}")
        g.add((ds, VOID.dataDump, dump))
        g.add((dump, DCTERMS["format"], Literal(media)))
    for cls, count in ((TL.NewsArticle, stats["articles"]), (TL.Event, stats["events"]),
                       (TL.Agent, None), (TL.Place, None)):
        part = URIRef(f"{ds}#class-{cls.split('#')[1]}")
        g.add((ds, VOID.classPartition, part))
        g.add((part, VOID["class"], cls))
        if count is not None:
            g.add((part, VOID.entities, Literal(count, datatype=XSD.integer)))
    g.add((ds, RDFS.comment, Literal(f"{stats['entities']} entities, of which "
                                     f"{stats['linked_entities']} are linked to Wikidata.")))
    media = choose_rdf_type(GRAPH_TYPES)
    fmt = {"text/turtle": "turtle", "application/n-triples": "nt", "application/ld+json":
           "json-ld", "application/rdf+xml": "xml"}[media]
    return Response(g.serialize(format=fmt, encoding="utf-8"), content_type=content_type(media),
                    headers={"Vary": "Accept"})
