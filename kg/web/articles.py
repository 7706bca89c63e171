"""The articles API: ingest (``POST /articles``), list, read and delete."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify, request

from ..errors import BadRequest, KGError, NotFound
from ..model import ARTICLE_ID_RE
from ..readers import format_for, is_batch, read_batch
from .auth import require_write_token

bp = Blueprint("articles", __name__)

_META = ("title", "url", "published", "publisher", "language", "id")

LIST_QUERY = """
PREFIX tl: <https://w3id.org/timeline-kg/ontology#>
PREFIX schema: <http://schema.org/>
SELECT ?a ?title ?url ?published ?publisher (COUNT(DISTINCT ?e) AS ?events) WHERE {
  GRAPH ?a { ?a a tl:NewsArticle .
    OPTIONAL { ?a schema:headline ?title } OPTIONAL { ?a schema:url ?url }
    OPTIONAL { ?a schema:datePublished ?published }
    OPTIONAL { ?a tl:publisherName ?publisher }
    OPTIONAL { ?e a tl:Event } }
} GROUP BY ?a ?title ?url ?published ?publisher
ORDER BY DESC(?published) ?a
LIMIT 101 OFFSET ?offset"""


@bp.route("/articles", methods=["POST"])
def ingest():
    """Ingest one article (JSON, plain text with metadata in the query string, or HTML), or a
    batch (a JSON array or JSON Lines). Pre-annotated JSON (with ``events``) is stored as
    given; otherwise the extraction pipeline analyses the text. Each article is validated and
    stored on its own, atomically; in a batch, a bad article does not stop the others."""
    require_write_token()
    kg = current_app.extensions["kg"]
    fmt = format_for(None, request.headers.get("Content-Type") or "text/plain")
    defaults = {k: request.args.get(k) for k in _META if request.args.get(k)}
    data = request.get_data(cache=False)
    results, errors = [], []
    for where, item in read_batch(data, fmt, name="body", defaults=defaults):
        try:
            if isinstance(item, KGError):
                raise item
            results.append(kg.ingest_document(item).to_dict())
        except KGError as exc:
            if not exc.client_fault:
                raise
            errors.append({"item": where, "status": exc.status, "code": exc.code,
                           "message": exc.message, "errors": exc.errors[:50]})
    if not is_batch(data, fmt):
        if errors:
            err = errors[0]
            exc = KGError(err["message"], errors=err["errors"])
            exc.status, exc.code = err["status"], err["code"]
            raise exc
        resp = jsonify(results[0])
        resp.headers["Location"] = results[0]["article"]
        resp.status_code = 201
        return resp
    if not results and not errors:
        raise BadRequest("the request holds no article")
    if errors:
        exc = BadRequest(f"{len(errors)} of {len(errors) + len(results)} articles were "
                         "rejected; the others were stored", errors=errors,
                         extra={"articles": results})
        exc.status = 422 if all(e["status"] == 422 for e in errors) else 400
        raise exc
    resp = jsonify({"ok": True, "articles": results})
    resp.status_code = 201
    return resp


@bp.route("/articles", methods=["GET"])
def list_articles():
    kg = current_app.extensions["kg"]
    try:
        page = int(request.args.get("page", "1"))
    except ValueError:
        page = 0
    if page < 1 or page > 100_000:
        raise BadRequest("page must be an integer between 1 and 100000")
    query = LIST_QUERY.replace("?offset", str((page - 1) * 100))  # an int, not user text
    rows = list(kg.store.query(query))
    items = [{"iri": r["a"].value, "id": r["a"].value.rsplit("/", 1)[-1],
              "title": r["title"].value if r["title"] else None,
              "url": r["url"].value if r["url"] else None,
              "published": r["published"].value if r["published"] else None,
              "publisher": r["publisher"].value if r["publisher"] else None,
              "events": int(r["events"].value)} for r in rows[:100]]
    return jsonify({"ok": True, "page": page, "articles": items,
                    "next_page": page + 1 if len(rows) > 100 else None})


@bp.route("/articles/<article_id>", methods=["GET"])
def get_article(article_id: str):
    kg = current_app.extensions["kg"]
    if not kg.article_exists(article_id):
        raise NotFound(f"no article with id {article_id!r}")
    return jsonify({"ok": True, **kg.article_summary(article_id)})


@bp.route("/articles/<article_id>", methods=["DELETE"])
def delete_article(article_id: str):
    require_write_token()
    kg = current_app.extensions["kg"]
    if not ARTICLE_ID_RE.match(article_id):
        raise NotFound(f"no article with id {article_id!r}")
    kg.delete_article(article_id)
    return Response(status=204)
