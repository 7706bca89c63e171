"""Downloads: the whole store, one article's graph, one event with its sources.

Streamed (memory stays flat as the store grows), compressed on request, ``ETag`` and
``Last-Modified`` with ``304`` on revalidation, and a ``Content-Disposition`` file name.

Two kinds of gzip: ``Accept-Encoding: gzip`` compresses the transfer (``Content-Encoding``; the
client stores the document itself), ``?compress=gzip`` sends a gzip *file*
(``application/gzip``, ``….ttl.gz``) that stays compressed once saved.
"""

from __future__ import annotations

import hashlib
from email.utils import format_datetime

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, request

from ..errors import BadRequest, NotFound
from ..model import ARTICLE_ID_RE
from ..namespaces import PREFIXES
from .rdf import EXTENSIONS, GRAPH_TYPES, RDF_TYPES, choose_rdf_type, content_type
from .streaming import stream_writer

bp = Blueprint("dumps", __name__)

TRIPLE_TYPES = ["text/turtle", "application/n-triples", "application/ld+json",
                "application/rdf+xml", "application/n-quads", "application/trig"]
_PREFIXED = (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG, ox.RdfFormat.RDF_XML)
_PREFIXES = {k: v for k, v in PREFIXES.items() if k != "rdf"}

EVENT_DESCRIPTION = """
PREFIX tl: <https://w3id.org/timeline-kg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <http://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
CONSTRUCT {
  ?e ?p ?o . ?part ?pp ?po . ?span ?sp ?so .
  ?ent rdfs:label ?entLabel ; a ?entType ; owl:sameAs ?same .
  ?art a tl:NewsArticle ; schema:headline ?title ; schema:url ?url ;
       schema:datePublished ?date ; tl:publisherName ?publisher .
} WHERE {
  { ?e ?p ?o }
  UNION { ?e tl:participation ?part . ?part ?pp ?po }
  UNION { ?e tl:trigger|tl:sentence|tl:timeExpression ?span . ?span ?sp ?so }
  UNION { ?e tl:hasParticipant|sem:hasPlace|tl:accordingTo ?ent .
          ?ent rdfs:label ?entLabel ; a ?entType .
          OPTIONAL { ?ent owl:sameAs ?same } }
  UNION { ?e tl:aggregates?/prov:wasDerivedFrom ?art . ?art a tl:NewsArticle .
          OPTIONAL { ?art schema:headline ?title } OPTIONAL { ?art schema:url ?url }
          OPTIONAL { ?art schema:datePublished ?date }
          OPTIONAL { ?art tl:publisherName ?publisher } }
  UNION { ?e tl:aggregates ?part . ?part ?pp ?po }
}"""


def _compression() -> str | None:
    """``"file"`` for ``?compress=gzip``, ``"transfer"`` for ``Accept-Encoding: gzip``."""
    compress = request.args.get("compress")
    if compress not in (None, "", "gzip", "none"):
        raise BadRequest(f"unknown compress={compress!r}; use compress=gzip")
    if compress == "gzip":
        return "file"
    if compress != "none" and request.accept_encodings["gzip"] > 0:
        return "transfer"
    return None


def _conditional(key: str, stem: str, media: str, producer):
    """A streamed download of ``producer(file)`` with validators and revalidation."""
    kg = current_app.extensions["kg"]
    last_modified = kg.state.last_modified
    gzip = _compression()
    tag = hashlib.sha256(f"{key}|{kg.state.version}|{media}|{gzip}".encode()).hexdigest()[:32]
    filename = f"{stem}.{EXTENSIONS[media]}" + (".gz" if gzip == "file" else "")
    headers = {"ETag": f'"{tag}"', "Last-Modified": format_datetime(last_modified, usegmt=True),
               "Vary": "Accept, Accept-Encoding", "Cache-Control": "no-cache",
               "Content-Disposition": f'attachment; filename="{filename}"'}
    inm = request.headers.get("If-None-Match")
    if inm is not None:
        tags = [t.strip().removeprefix("W/") for t in inm.split(",")]
        if f'"{tag}"' in tags or inm.strip() == "*":
            return Response(status=304, headers=headers)
    elif request.if_modified_since is not None and last_modified <= request.if_modified_since:
        return Response(status=304, headers=headers)
    ctype = content_type(media)
    if gzip == "file":
        ctype = "application/gzip"
    elif gzip == "transfer":
        headers["Content-Encoding"] = "gzip"
    if request.method == "HEAD":
        return Response(status=200, content_type=ctype, headers=headers)
    return Response(stream_writer(producer, gzip=gzip is not None), content_type=ctype,
                    headers=headers)


def _prefixes(fmt: ox.RdfFormat) -> dict[str, str] | None:
    return _PREFIXES if fmt in _PREFIXED else None


@bp.route("/dump", methods=["GET", "HEAD"])
def dump_all():
    """The whole store: the graphs kept apart in N-Quads, TriG and JSON-LD, merged otherwise."""
    kg = current_app.extensions["kg"]
    media = choose_rdf_type(TRIPLE_TYPES)
    fmt = RDF_TYPES[media]
    return _conditional("all", "timeline-kg", media,
                        lambda out: kg.store.dump(out, fmt, all_graphs=True,
                                                  prefixes=_prefixes(fmt)))


@bp.route("/dump/article/<article_id>", methods=["GET", "HEAD"])
def dump_article(article_id: str):
    """One article's graph (its text, sentences, mentions, entities and events)."""
    kg = current_app.extensions["kg"]
    if not kg.article_exists(article_id):
        raise NotFound(f"no article with id {article_id!r}")
    media = choose_rdf_type(TRIPLE_TYPES)
    fmt = RDF_TYPES[media]
    graph = kg.iris.article(article_id)
    return _conditional(f"article|{article_id}", f"article-{article_id}", media,
                        lambda out: kg.store.dump(out, fmt, graph=graph,
                                                  prefixes=_prefixes(fmt)))


@bp.route("/dump/event/<event_id>", methods=["GET", "HEAD"])
def dump_event(event_id: str):
    """One event: its description, participants, spans and the articles it comes from (for a
    canonical event, also the article-level events it aggregates and their articles)."""
    kg = current_app.extensions["kg"]
    if not ARTICLE_ID_RE.match(event_id):
        raise NotFound("no such event")
    node = ox.NamedNode(f"{kg.settings.base_iri}event/{event_id}")
    if not kg.store.query("ASK { ?e a <https://w3id.org/timeline-kg/ontology#Event> }",
                          substitutions={"e": node}):
        raise NotFound(f"no event {event_id!r}")
    media = choose_rdf_type(GRAPH_TYPES)
    fmt = RDF_TYPES[media]

    def produce(out):
        triples = kg.store.query(EVENT_DESCRIPTION, substitutions={"e": node})
        ox.serialize(triples, out, fmt, prefixes=_prefixes(fmt))

    return _conditional(f"event|{event_id}", f"event-{event_id}", media, produce)
