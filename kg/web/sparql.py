"""The SPARQL 1.1 endpoint: queries for everyone, updates with the write token."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, render_template, request

from ..errors import BadRequest, MethodNotAllowed
from ..sparql.protocol import parse_request
from .auth import require_write_token
from .rdf import choose_rdf_type, content_type
from .service_description import SD_TYPES, service_description

bp = Blueprint("sparql", __name__)

# Other methods get Flask's 405 (in the one error shape, with Allow) and an honest OPTIONS.
@bp.route("/sparql", methods=["GET", "POST", "HEAD"])
@bp.route("/sparql/", methods=["GET", "POST", "HEAD"])
def endpoint():
    """Queries (GET, POST), updates (POST) and, for a GET without a query, the Service
    Description (RDF) or the query page (HTML)."""
    kg = current_app.extensions["kg"]
    op = _operation(kg, allow="GET, HEAD, POST")
    if op.kind == "description":
        if _wants_html():
            return render_template("sparql.html", examples=current_app.extensions[
                "kg_examples"], endpoint=request.base_url)
        media = choose_rdf_type(SD_TYPES)
        data = service_description(request.base_url, media)
        return Response(data, content_type=content_type(media), headers={"Vary": "Accept"})
    if op.kind == "update":
        require_write_token()
        kg.sparql_update(op, base_iri=request.base_url)
        return no_content()
    answer = kg.sparql_query(op, request.accept_mimetypes, request.args.get("format"),
                             base_iri=request.base_url)
    headers = {"Vary": "Accept", "Cache-Control": "no-cache"}
    if answer.truncated:
        headers["X-KG-Truncated"] = "true"
        headers["X-KG-Result-Limit"] = str(kg.settings.max_result_rows)
        headers.update(answer.headers)  # X-KG-Truncated-By: rows or bytes
    return Response(answer.chunks, content_type=answer.media_type, headers=headers)


@bp.route("/update", methods=["POST"])
def update():
    """An alias for updates only (some clients expect a separate update URL)."""
    kg = current_app.extensions["kg"]
    op = _operation(kg, allow="POST")
    if op.kind != "update":
        raise BadRequest("this URL takes SPARQL Updates; send queries to /sparql")
    require_write_token()
    kg.sparql_update(op, base_iri=request.base_url)
    return no_content()


def _operation(kg, allow: str):
    body = request.get_data(cache=False) if request.method == "POST" else b""
    try:
        return parse_request(request.method, request.headers.get("Content-Type"),
                             request.args.items(multi=True), body,
                             max_length=kg.settings.max_query_length)
    except MethodNotAllowed as exc:
        exc.headers.setdefault("Allow", allow)
        raise


def no_content() -> Response:
    """204 with no body and no Content-Type."""
    resp = Response(status=204)
    del resp.headers["Content-Type"]
    return resp


def _wants_html() -> bool:
    accept = request.accept_mimetypes
    return accept.best_match(["text/html", "text/turtle"]) == "text/html" and \
        accept["text/html"] >= accept["text/turtle"] and "text/html" in accept
