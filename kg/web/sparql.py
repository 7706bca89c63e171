"""The SPARQL 1.1 endpoint: queries for everyone, updates with the write token."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, render_template, request

from ..sparql.protocol import parse_request
from .auth import require_write_token
from .rdf import choose_rdf_type, content_type
from .service_description import service_description

bp = Blueprint("sparql", __name__)


@bp.route("/sparql", methods=["GET", "POST", "HEAD", "PUT", "DELETE", "PATCH"])
@bp.route("/sparql/", methods=["GET", "POST", "HEAD", "PUT", "DELETE", "PATCH"])
def endpoint():
    kg = current_app.extensions["kg"]
    body = request.get_data(cache=False) if request.method == "POST" else b""
    op = parse_request(request.method, request.headers.get("Content-Type"),
                       request.args.items(multi=True), body,
                       max_length=kg.settings.max_query_length)
    if op.kind == "description":
        if _wants_html():
            return render_template("sparql.html", examples=current_app.extensions[
                "kg_examples"], endpoint=request.base_url)
        media = choose_rdf_type(["text/turtle", "application/n-triples",
                                 "application/rdf+xml", "application/ld+json"])
        data = service_description(request.base_url, media)
        return Response(data, content_type=content_type(media),
                        headers={"Vary": "Accept"})
    if op.kind == "update":
        require_write_token()
        kg.sparql_update(op, base_iri=request.base_url)
        return Response(status=204)
    answer = kg.sparql_query(op, request.accept_mimetypes, request.args.get("format"))
    headers = {"Vary": "Accept", "Cache-Control": "no-cache"}
    if answer.truncated:
        headers["X-KG-Truncated"] = "true"
        headers["X-KG-Result-Limit"] = str(kg.settings.max_result_rows)
    return Response(answer.chunks, content_type=answer.media_type, headers=headers)


@bp.route("/update", methods=["POST", "GET", "PUT", "DELETE"])
def update():
    """An alias for updates only (some clients expect a separate update URL)."""
    kg = current_app.extensions["kg"]
    body = request.get_data(cache=False) if request.method == "POST" else b""
    op = parse_request(request.method, request.headers.get("Content-Type"),
                       request.args.items(multi=True), body,
                       max_length=kg.settings.max_query_length)
    if op.kind != "update":
        from ..errors import BadRequest

        raise BadRequest("this URL takes SPARQL Updates; send queries to /sparql")
    require_write_token()
    kg.sparql_update(op, base_iri=request.base_url)
    return Response(status=204)


def _wants_html() -> bool:
    accept = request.accept_mimetypes
    return accept.best_match(["text/html", "text/turtle"]) == "text/html" and \
        accept["text/html"] >= accept["text/turtle"] and "text/html" in accept
