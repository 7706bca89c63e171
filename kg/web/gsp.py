"""The SPARQL 1.1 Graph Store HTTP Protocol at ``/store``: reads for everyone, writes with the
token, each write validated against the shapes before it is committed."""

from __future__ import annotations

import uuid

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, request

from ..errors import BadRequest, NotFound, UnsupportedMediaType
from ..iris import parse_iri
from .auth import require_write_token
from .rdf import GRAPH_TYPES, RDF_TYPES, choose_rdf_type, content_type, parse_rdf_body

bp = Blueprint("gsp", __name__)
METHODS = ["GET", "HEAD", "PUT", "POST", "DELETE"]


@bp.route("/store", methods=METHODS)
def indirect():
    graph_params = request.args.getlist("graph")
    default = "default" in request.args
    if len(graph_params) > 1 or (graph_params and default):
        raise BadRequest("give exactly one of ?graph=<IRI> or ?default")
    if not graph_params and not default:
        if request.method == "POST":
            return _create_graph()
        raise BadRequest("identify the graph with ?graph=<IRI> or ?default")
    graph = None if default else parse_iri(graph_params[0], "graph").value
    return _handle(graph)


@bp.route("/store/<path:rest>", methods=METHODS)
def direct(rest: str):
    """Direct graph identification: the request URL is the graph's IRI."""
    if request.query_string:
        raise BadRequest("a directly identified graph takes no query string")
    if any(seg in (".", "..") for seg in rest.split("/")):
        raise BadRequest("a graph URL under /store/ has no '.' or '..' segments")
    return _handle(parse_iri(request.base_url, "graph").value)


def _handle(graph: str | None):
    kg = current_app.extensions["kg"]
    method = request.method
    if method in ("GET", "HEAD"):
        if graph is not None and not kg.store.graph_exists(graph):
            raise NotFound("no such graph")
        media = choose_rdf_type(GRAPH_TYPES)
        fmt = RDF_TYPES[media]
        if method == "HEAD":
            return Response(status=200, content_type=content_type(media))
        data = ox.serialize(kg.store.triples(graph), format=fmt)
        return Response(data, content_type=content_type(media), headers={"Vary": "Accept"})
    require_write_token()
    if method == "DELETE":
        kg.delete_graph(graph)
        return Response(status=204)
    triples = _body_triples(graph)
    existed = kg.put_graph(graph, triples, merge=(method == "POST"))
    return Response(status=204 if existed else 201)


def _body_triples(graph: str | None) -> list[ox.Triple]:
    base = graph or current_app.extensions["kg"].settings.base_iri
    ctype = request.headers.get("Content-Type", "")
    if ctype.split(";")[0].strip().lower() == "multipart/form-data":
        triples: list[ox.Triple] = []
        if not request.files:
            raise BadRequest("the multipart body holds no RDF file")
        for part in request.files.values():
            quads = parse_rdf_body(part.read(), part.mimetype or _guess(part.filename), base)
            triples.extend(q.triple for q in quads)
        return triples
    if not ctype:
        raise UnsupportedMediaType("a graph body needs a Content-Type such as text/turtle")
    return [q.triple for q in parse_rdf_body(request.get_data(cache=False), ctype, base)]


def _guess(filename: str | None) -> str | None:
    from .rdf import EXTENSIONS

    if filename and "." in filename:
        ext = filename.rsplit(".", 1)[1].lower()
        for media, e in EXTENSIONS.items():
            if e == ext:
                return media
    return None


def _create_graph():
    """POST to the store itself: a new graph whose IRI is a URL of direct identification, so
    that the ``Location`` returned can be dereferenced (GET, PUT, DELETE) as it is."""
    kg = current_app.extensions["kg"]
    require_write_token()
    graph = f"{request.base_url.rstrip('/')}/{uuid.uuid4().hex}"
    triples = _body_triples(graph)
    kg.put_graph(graph, triples)
    return Response(status=201, headers={"Location": graph})
