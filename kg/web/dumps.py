"""Downloads: the whole store, one article's graph, one event with its sources.

Streamed (memory stays flat as the store grows), gzip on request, ``ETag`` and
``Last-Modified`` with ``304`` on revalidation, and a ``Content-Disposition`` file name.
"""

from __future__ import annotations

import hashlib
from email.utils import format_datetime

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, request

from ..errors import NotFound
from ..model import ARTICLE_ID_RE
from .rdf import EXTENSIONS, RDF_TYPES, choose_rdf_type, content_type
from .streaming import stream_writer

bp = Blueprint("dumps", __name__)

TRIPLE_TYPES = ["text/turtle", "application/n-triples", "application/ld+json",
                "application/rdf+xml", "application/n-quads", "application/trig"]

EVENT_DESCRIPTION = """
PREFIX tl: <https://w3id.org/timeline-kg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <http://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
CONSTRUCT {
  ?e ?p ?o . ?part ?pp ?po . ?span ?sp ?so .
  ?ent rdfs:label ?entLabel ; a ?entType ; <http://www.w3.org/2002/07/owl#sameAs> ?same .
  ?art a tl:NewsArticle ; schema:headline ?title ; schema:url ?url ;
       schema:datePublished ?date ; tl:publisherName ?publisher .
} WHERE {
  { ?e ?p ?o }
  UNION { ?e tl:participation ?part . ?part ?pp ?po }
  UNION { ?e tl:trigger|tl:sentence|tl:timeExpression ?span . ?span ?sp ?so }
  UNION { ?e tl:hasParticipant|sem:hasPlace|tl:accordingTo ?ent .
          ?ent rdfs:label ?entLabel ; a ?entType .
          OPTIONAL { ?ent <http://www.w3.org/2002/07/owl#sameAs> ?same } }
  UNION { ?e prov:wasDerivedFrom ?art . ?art a tl:NewsArticle .
          OPTIONAL { ?art schema:headline ?title } OPTIONAL { ?art schema:url ?url }
          OPTIONAL { ?art schema:datePublished ?date }
          OPTIONAL { ?art tl:publisherName ?publisher } }
  UNION { ?e tl:aggregates ?part . ?part ?pp ?po }
}"""


def _conditional(etag: str, filename: str, media: str, producer, gzip_ok: bool = True):
    kg = current_app.extensions["kg"]
    last_modified = kg.state.last_modified
    gzip = gzip_ok and (request.args.get("compress") == "gzip" or
                        "gzip" in request.headers.get("Accept-Encoding", ""))
    tag = hashlib.sha256(f"{etag}|{media}|{gzip}".encode()).hexdigest()[:32]
    headers = {"ETag": f'"{tag}"', "Last-Modified": format_datetime(last_modified, usegmt=True),
               "Vary": "Accept, Accept-Encoding", "Cache-Control": "no-cache",
               "Content-Disposition": f'attachment; filename="{filename}"'}
    inm = request.headers.get("If-None-Match")
    if inm is not None:
        if f'"{tag}"' in [t.strip().removeprefix("W/") for t in inm.split(",")] or \
                inm.strip() == "*":
            return Response(status=304, headers=headers)
    elif request.if_modified_since is not None and \
            last_modified <= request.if_modified_since:
        return Response(status=304, headers=headers)
    if gzip:
        headers["Content-Encoding"] = "gzip"
    if request.method == "HEAD":
        return Response(status=200, content_type=content_type(media), headers=headers)
    return Response(stream_writer(producer, gzip=gzip), content_type=content_type(media),
                    headers=headers)


@bp.route("/dump", methods=["GET", "HEAD"])
def dump_all():
    kg = current_app.extensions["kg"]
    media = choose_rdf_type(TRIPLE_TYPES)
    fmt = RDF_TYPES[media]
    name = f"timeline-kg.{EXTENSIONS[media]}"
    return _conditional(f"all|{kg.state.version}", name, media,
                        lambda out: kg.store.dump(out, fmt, all_graphs=True))


@bp.route("/dump/article/<article_id>", methods=["GET", "HEAD"])
def dump_article(article_id: str):
    kg = current_app.extensions["kg"]
    if not kg.article_exists(article_id):
        raise NotFound(f"no article with id {article_id!r}")
    media = choose_rdf_type(TRIPLE_TYPES)
    fmt = RDF_TYPES[media]
    graph = kg.iris.article(article_id)
    return _conditional(f"article|{article_id}|{kg.state.version}",
                        f"article-{article_id}.{EXTENSIONS[media]}", media,
                        lambda out: kg.store.dump(out, fmt, graph=graph))


@bp.route("/dump/event/<event_id>", methods=["GET", "HEAD"])
def dump_event(event_id: str):
    kg = current_app.extensions["kg"]
    if not ARTICLE_ID_RE.match(event_id):
        raise NotFound("no such event")
    iri = f"{kg.settings.base_iri}event/{event_id}"
    node = ox.NamedNode(iri)
    if not kg.store.query("ASK { ?e a <https://w3id.org/timeline-kg/ontology#Event> }",
                          substitutions={"e": node}):
        raise NotFound(f"no event {event_id!r}")
    media = choose_rdf_type([t for t in TRIPLE_TYPES if not RDF_TYPES[t].supports_datasets])
    fmt = RDF_TYPES[media]

    def produce(out):
        triples = kg.store.query(EVENT_DESCRIPTION, substitutions={"e": node})
        ox.serialize(triples, out, fmt, prefixes=_PREFIXES if fmt in _PREFIXED else None)

    return _conditional(f"event|{event_id}|{kg.state.version}",
                        f"event-{event_id}.{EXTENSIONS[media]}", media, produce)


_PREFIXED = (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG)
_PREFIXES = {"tl": "https://w3id.org/timeline-kg/ontology#", "prov": "http://www.w3.org/ns/prov#",
             "schema": "http://schema.org/", "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
             "sem": "http://semanticweb.cs.vu.nl/2009/11/sem/",
             "xsd": "http://www.w3.org/2001/XMLSchema#"}
