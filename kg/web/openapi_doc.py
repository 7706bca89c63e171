"""The OpenAPI 3.1 document of the HTTP API (served at ``/openapi.json``).

Kept true by ``tests/test_openapi.py``: every Flask route and method is described, every
described path exists, and the JSON answers of several calls validate against these schemas.
"""

from __future__ import annotations

from typing import Any

from .. import __version__
from ..model import EVENT_TYPES, MODALITIES, PRECISIONS, ROLES, TIME_BASES

RDF_MEDIA = ["text/turtle", "application/n-triples", "application/ld+json",
             "application/rdf+xml"]


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict[str, Any], description: str = "OK") -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _rdf(description: str = "RDF in the negotiated syntax") -> dict[str, Any]:
    return {"description": description,
            "content": {m: {"schema": {"type": "string"}} for m in RDF_MEDIA}}


def _html(description: str = "An HTML page") -> dict[str, Any]:
    return {"description": description, "content": {"text/html": {"schema": {"type": "string"}}}}


def _errors(*codes: int) -> dict[str, Any]:
    text = {400: "Bad request (the one error shape)", 401: "Missing bearer token",
            403: "Writes disabled or wrong token", 404: "Not found", 405: "Method not allowed",
            406: "No acceptable representation", 413: "Payload too large",
            415: "Unsupported media type", 422: "Does not conform to the shapes",
            503: "Time limit or store unavailable"}
    return {str(c): {"description": text[c], "content": {"application/json": {
        "schema": _ref("Error")}}} for c in codes}


def _param(name: str, where: str, description: str, schema: dict[str, Any] | None = None,
           required: bool = False) -> dict[str, Any]:
    return {"name": name, "in": where, "required": required or where == "path",
            "description": description, "schema": schema or {"type": "string"}}


_FORMAT = _param("format", "query", "Representation instead of the Accept header.")
_TOKEN = [{"bearer": []}]


def _op(summary: str, responses: dict[str, Any], *, params=(), body=None, security=None,
        tags=()) -> dict[str, Any]:
    op: dict[str, Any] = {"summary": summary, "responses": responses}
    if params:
        op["parameters"] = list(params)
    if body:
        op["requestBody"] = body
    if security:
        op["security"] = security
    if tags:
        op["tags"] = list(tags)
    return op


def _sparql_path(update_only: bool = False) -> dict[str, Any]:
    query = _param("query", "query", "A SPARQL query (GET).")
    body = {"content": {
        "application/sparql-query": {"schema": {"type": "string"}},
        "application/sparql-update": {"schema": {"type": "string"}},
        "application/x-www-form-urlencoded": {"schema": {"type": "object", "properties": {
            "query": {"type": "string"}, "update": {"type": "string"},
            "default-graph-uri": {"type": "string"}, "named-graph-uri": {"type": "string"},
            "using-graph-uri": {"type": "string"},
            "using-named-graph-uri": {"type": "string"}}}}}}
    results = {"description": "Query results (SPARQL JSON/XML/CSV/TSV) or RDF (CONSTRUCT, "
                              "DESCRIBE), or the service description / query page",
               "content": {m: {"schema": {"type": "string"}} for m in (
                   "application/sparql-results+json", "application/sparql-results+xml",
                   "text/csv", "text/tab-separated-values", "text/turtle", "text/html")}}
    item: dict[str, Any] = {}
    if not update_only:
        item["get"] = _op("Run a query (SPARQL 1.1 Protocol); without a query: the service "
                          "description, or the query page for browsers",
                          {"200": results, **_errors(400, 406, 503)},
                          params=[query, _param("default-graph-uri", "query", "Dataset."),
                                  _param("named-graph-uri", "query", "Dataset."), _FORMAT],
                          tags=["sparql"])
        item["post"] = _op("Run a query, or an update with the bearer token",
                           {"200": results, "204": {"description": "Update done"},
                            **_errors(400, 401, 403, 406, 413, 415, 422, 503)},
                           body=body, tags=["sparql"])
    else:
        item["post"] = _op("Run an update (bearer token)",
                           {"204": {"description": "Update done"},
                            **_errors(400, 401, 403, 413, 415, 422)},
                           body=body, security=_TOKEN, tags=["sparql"])
    return item


def _store_path(direct: bool) -> dict[str, Any]:
    params = [_param("rest", "path", "The rest of the graph's IRI under /store/.")] \
        if direct else [_param("graph", "query", "The graph's IRI."),
                        _param("default", "query", "The default graph (no value).")]
    rdf_body = {"content": {m: {"schema": {"type": "string"}} for m in RDF_MEDIA}}
    written = {"201": {"description": "Created"}, "204": {"description": "Replaced"},
               **_errors(400, 401, 403, 413, 415, 422)}
    return {
        "get": _op("Read a graph (Graph Store Protocol)", {"200": _rdf(), **_errors(400, 404,
                                                                                   406)},
                   params=params, tags=["store"]),
        "put": _op("Replace a graph (validated first)", written, params=params, body=rdf_body,
                   security=_TOKEN, tags=["store"]),
        "post": _op("Add to a graph (validated first)" + ("" if direct else
                                                          "; without a graph: a new graph"),
                    written, params=params, body=rdf_body, security=_TOKEN, tags=["store"]),
        "delete": _op("Delete a graph", {"204": {"description": "Deleted"},
                                         **_errors(400, 401, 403, 404)},
                      params=params, security=_TOKEN, tags=["store"]),
    }


def _schemas() -> dict[str, Any]:
    nullable_str = {"type": ["string", "null"]}
    ref_item = {"type": "object", "required": ["iri"], "properties": {
        "iri": {"type": "string"}, "label": nullable_str,
        "wikidata": {"type": ["string", "null"], "pattern": "^Q[1-9][0-9]*$"}}}
    figure = {"type": "object", "required": ["count", "event", "article"], "properties": {
        "count": {"type": "integer", "minimum": 0}, "event": {"type": "string"},
        "article": {"type": "string"}, "publisher": nullable_str, "title": nullable_str}}
    source = {"type": "object", "required": ["event", "article", "sentence"], "properties": {
        "event": {"type": "string"}, "article": {"type": "string"},
        "article_id": {"type": "string"}, "title": nullable_str, "url": nullable_str,
        "published": nullable_str, "publisher": nullable_str, "label": nullable_str,
        "sentence": nullable_str, "trigger": nullable_str,
        "trigger_span": {"type": ["array", "null"], "items": {"type": "integer"}},
        "fatalities": {"type": ["integer", "null"]}, "injured": {"type": ["integer", "null"]},
        "modality": {"type": ["string", "null"]},
        "according_to": {"type": ["object", "null"]}}}
    entry = {
        "type": "object",
        "required": ["iri", "kind", "label", "type", "time", "places", "participants",
                     "modality", "sources", "source_count", "fatalities", "injured",
                     "conflicts"],
        "properties": {
            "iri": {"type": "string"}, "id": nullable_str,
            "kind": {"enum": ["canonical", "article"]}, "canonical": {"type": "boolean"},
            "label": {"type": "string"}, "type": {"enum": list(EVENT_TYPES)},
            "type_label": nullable_str,
            "time": {"type": "object", "required": ["precision", "basis"], "properties": {
                "earliest": nullable_str, "latest": nullable_str,
                "precision": {"enum": list(PRECISIONS)}, "edtf": nullable_str,
                "basis": {"enum": list(TIME_BASES)}, "text": nullable_str}},
            "places": {"type": "array", "items": {**ref_item, "properties": {
                **ref_item["properties"], "lat": {"type": ["number", "null"]},
                "lon": {"type": ["number", "null"]}}}},
            "participants": {"type": "array", "items": {**ref_item, "properties": {
                **ref_item["properties"], "role": {"enum": list(ROLES)}}}},
            "modality": {"enum": list(MODALITIES)},
            "confidence": {"type": ["number", "null"], "minimum": 0, "maximum": 1},
            "source_count": {"type": "integer", "minimum": 0},
            "sources": {"type": "array", "items": source},
            "fatalities": {"type": ["integer", "null"]}, "injured": {"type": ["integer", "null"]},
            "fatalities_by_source": {"type": "array", "items": figure},
            "injured_by_source": {"type": "array", "items": figure},
            "conflicts": {"type": "array", "items": {"enum": ["fatalities", "injured"]}},
        }}
    return {
        "Error": {"type": "object", "required": ["ok", "status", "code", "error", "errors"],
                  "properties": {"ok": {"const": False}, "status": {"type": "integer"},
                                 "code": {"type": "string"}, "error": {"type": "string"},
                                 "errors": {"type": "array"}}},
        "TimelineEntry": entry,
        "TimelinePage": {"type": "object", "required": ["ok", "count", "events", "next"],
                         "properties": {"ok": {"const": True}, "count": {"type": "integer"},
                                        "filters": {"type": "object"},
                                        "events": {"type": "array",
                                                   "items": _ref("TimelineEntry")},
                                        "next": nullable_str, "next_url": nullable_str}},
        "EventResponse": {"type": "object", "required": ["ok", "event", "canonical"],
                          "properties": {"ok": {"const": True},
                                         "event": _ref("TimelineEntry"),
                                         "canonical": nullable_str}},
        "Entity": {"type": "object", "required": ["iri", "label", "linked", "assessments"],
                   "properties": {"iri": {"type": "string"}, "label": {"type": "string"},
                                  "labels": {"type": "array", "items": {"type": "string"}},
                                  "types": {"type": "array", "items": {"type": "string"}},
                                  "wikidata": nullable_str, "linked": {"type": "boolean"},
                                  "not_linked_reason": nullable_str,
                                  "lat": {"type": ["number", "null"]},
                                  "lon": {"type": ["number", "null"]},
                                  "assessments": {"type": "array"}}},
        "EntityResponse": {"type": "object", "required": ["ok", "entity", "mentions", "events"],
                           "properties": {"ok": {"const": True}, "entity": _ref("Entity"),
                                          "mentions": {"type": "array"},
                                          "events": {"type": "array",
                                                     "items": _ref("TimelineEntry")}}},
        "ArticleSummary": {"type": "object", "required": ["ok", "iri", "id", "events"],
                           "properties": {"ok": {"const": True}, "iri": {"type": "string"},
                                          "id": {"type": "string"}, "title": nullable_str,
                                          "url": nullable_str, "published": nullable_str,
                                          "publisher": nullable_str, "language": nullable_str,
                                          "text_hash": nullable_str,
                                          "events": {"type": "array"},
                                          "text": {"type": "string"},
                                          "spans": {"type": "array"}}},
        "ArticleList": {"type": "object", "required": ["ok", "page", "articles"],
                        "properties": {"ok": {"const": True}, "page": {"type": "integer"},
                                       "articles": {"type": "array"},
                                       "next_page": {"type": ["integer", "null"]}}},
        "IngestResult": {"type": "object", "required": ["ok"], "properties": {
            "ok": {"const": True}, "article": {"type": "string"}, "id": {"type": "string"},
            "replaced": {"type": "boolean"}, "events": {"type": "array"},
            "warnings": {"type": "array"}, "articles": {"type": "array"}}},
        "CanonicalList": {"type": "object", "required": ["ok", "graph", "events"],
                          "properties": {"ok": {"const": True}, "graph": {"type": "string"},
                                         "events": {"type": "array"}}},
    }


def document() -> dict[str, Any]:
    """The OpenAPI 3.1 document."""
    timeline_params = [
        _param("place", "query", "Wikidata Q-id or IRI of a place; the places inside it "
                                 "count too"),
        _param("actor", "query", "Wikidata Q-id or IRI of a participant"),
        _param("type", "query", "Event type", {"enum": list(EVENT_TYPES)}),
        _param("from", "query", "Events ending on or after this day (YYYY, YYYY-MM or "
                                "YYYY-MM-DD)"),
        _param("to", "query", "Events starting on or before this day"),
        _param("q", "query", "Words in the labels or evidence sentences"),
        _param("article", "query", "Article id or IRI"),
        _param("limit", "query", "Page size (1-500; exports up to 5000)",
               {"type": "integer", "minimum": 1}),
        _param("cursor", "query", "Opaque cursor from the previous page's `next`"),
        _param("format", "query", "json, html, timelinejs, vis, csv, ttl",
               {"enum": ["json", "html", "timelinejs", "vis", "csv", "ttl", "turtle"]}),
    ]
    resource = {"200": {"description": "HTML, JSON or RDF by Accept / ?format=",
                        "content": {"text/html": {"schema": {"type": "string"}},
                                    **{m: {"schema": {"type": "string"}}
                                       for m in ("text/turtle", "application/ld+json",
                                                 "application/n-triples")}}}}
    article_id = _param("article_id", "path", "Article id")
    paths: dict[str, Any] = {
        "/": {"get": _op("Home page: what the store holds, search, ingest form",
                         {"200": _html()}, tags=["pages"])},
        "/timeline": {"get": _op(
            "Events in time order (one per canonical event and per unmerged article-level "
            "event), filtered and paginated; HTML for browsers, exports by ?format=",
            {"200": {"description": "The selection", "content": {
                "application/json": {"schema": _ref("TimelinePage")},
                "text/html": {"schema": {"type": "string"}},
                "text/csv": {"schema": {"type": "string"}},
                "text/turtle": {"schema": {"type": "string"}}}},
             **_errors(400, 406)}, params=timeline_params, tags=["timeline"])},
        "/event/{event_id}": {"get": _op(
            "An event (canonical or article-level): HTML, JSON (application/json) or RDF",
            {**resource, "200": {**resource["200"], "content": {
                **resource["200"]["content"],
                "application/json": {"schema": _ref("EventResponse")}}},
             **_errors(404, 406)},
            params=[_param("event_id", "path", "Event id"), _FORMAT], tags=["events"])},
        "/entity/{entity_id}": {"get": _op(
            "An entity: label, type, Wikidata link or why not, coordinates, mentions, events",
            {"200": {**resource["200"], "content": {
                **resource["200"]["content"],
                "application/json": {"schema": _ref("EntityResponse")}}},
             **_errors(404, 406)},
            params=[_param("entity_id", "path", "Entity id (Q-id or kind-slug)"), _FORMAT],
            tags=["entities"])},
        "/article/{article_id}": {"get": _op(
            "An article: text with mentions and time expressions highlighted, its events; "
            "JSON or its graph as RDF",
            {"200": {**resource["200"], "content": {
                **resource["200"]["content"],
                "application/json": {"schema": _ref("ArticleSummary")}}},
             **_errors(404, 406)}, params=[article_id, _FORMAT], tags=["articles"])},
        "/graph/canonical": {"get": _op(
            "The graph of canonical (merged) events",
            {"200": {**resource["200"], "content": {
                **resource["200"]["content"],
                "application/json": {"schema": _ref("CanonicalList")}}}, **_errors(406)},
            params=[_FORMAT], tags=["events"])},
        "/articles": {
            "get": _op("List articles, newest first, 100 a page",
                       {"200": _json(_ref("ArticleList")), **_errors(400)},
                       params=[_param("page", "query", "Page number from 1",
                                      {"type": "integer", "minimum": 1})], tags=["articles"]),
            "post": _op(
                "Ingest one article or a batch (JSON, JSON Lines, plain text, HTML); "
                "pre-annotated JSON is stored as given, otherwise the text is analysed",
                {"201": _json(_ref("IngestResult"), "Stored"),
                 **_errors(400, 401, 403, 413, 415, 422)},
                params=[_param(k, "query", f"Article {k} for plain text or HTML bodies")
                        for k in ("title", "url", "published", "publisher", "language", "id")],
                body={"content": {m: {"schema": {"type": "string"}} for m in (
                    "application/json", "application/x-ndjson", "text/plain", "text/html")}},
                security=_TOKEN, tags=["articles"])},
        "/articles/{article_id}": {
            "get": _op("An article's metadata and events",
                       {"200": _json(_ref("ArticleSummary")), **_errors(404)},
                       params=[article_id], tags=["articles"]),
            "delete": _op("Delete an article (its graph; merging is recomputed)",
                          {"204": {"description": "Deleted"}, **_errors(401, 403, 404)},
                          params=[article_id], security=_TOKEN, tags=["articles"])},
        "/sparql": _sparql_path(),
        "/sparql/": _sparql_path(),
        "/update": _sparql_path(update_only=True),
        "/store": _store_path(direct=False),
        "/store/{rest}": _store_path(direct=True),
        "/dump": {"get": _op("The whole store as RDF (streamed; ETag, gzip)",
                             {"200": _rdf(), "304": {"description": "Not modified"},
                              **_errors(406)}, params=[_FORMAT], tags=["dumps"])},
        "/dump/article/{article_id}": {"get": _op(
            "One article's graph", {"200": _rdf(), "304": {"description": "Not modified"},
                                    **_errors(404, 406)},
            params=[article_id, _FORMAT], tags=["dumps"])},
        "/dump/event/{event_id}": {"get": _op(
            "One event with its sources", {"200": _rdf(), "304": {"description":
                                                                  "Not modified"},
                                           **_errors(404, 406)},
            params=[_param("event_id", "path", "Event id"), _FORMAT], tags=["dumps"])},
        "/ontology": {"get": _op("The ontology (HTML or RDF)", {"200": _rdf(), **_errors(406)},
                                 params=[_FORMAT], tags=["ontology"])},
        "/ontology/shapes": {"get": _op("The SHACL shapes", {"200": _rdf(), **_errors(406)},
                                        params=[_FORMAT], tags=["ontology"])},
        "/void": {"get": _op("VoID description of the dataset", {"200": _rdf(),
                                                                  **_errors(406)},
                             params=[_FORMAT], tags=["ontology"])},
        "/.well-known/void": {"get": _op("VoID description (well-known location)",
                                         {"200": _rdf(), **_errors(406)}, params=[_FORMAT],
                                         tags=["ontology"])},
        "/dataset": {"get": _op("The dataset's own IRI: its VoID description",
                                {"200": _rdf(), **_errors(406)}, params=[_FORMAT],
                                tags=["ontology"])},
        "/reconcile": {
            "get": _op("OpenRefine reconciliation: without `queries` the service manifest, "
                       "with `queries` (JSON) the catalog's candidates (Wikidata Q-ids)",
                       {"200": _json({"type": "object"}), **_errors(400)},
                       params=[_param("queries", "query", "Reconciliation queries (JSON)")],
                       tags=["entities"]),
            "post": _op("OpenRefine reconciliation (form or JSON body with `queries`)",
                        {"200": _json({"type": "object"}), **_errors(400)},
                        body={"content": {
                            "application/x-www-form-urlencoded": {"schema": {
                                "type": "object",
                                "properties": {"queries": {"type": "string"}}}},
                            "application/json": {"schema": {"type": "object"}}}},
                        tags=["entities"])},
        "/openapi.json": {"get": _op("This document", {"200": _json({"type": "object"})},
                                     tags=["meta"])},
        "/static/{filename}": {"get": _op(
            "The site's own stylesheet and scripts",
            {"200": {"description": "A file"}, **_errors(404)},
            params=[_param("filename", "path", "File name")], tags=["pages"])},
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "timeline-kg", "version": __version__,
                 "description": "News articles in, a SHACL-checked timeline knowledge graph "
                                "of events out: articles, events, entities, the timeline, a "
                                "SPARQL 1.1 endpoint, the Graph Store Protocol and dumps.",
                 "license": {"name": "MIT", "identifier": "MIT"}},
        "jsonSchemaDialect": "https://spec.openapis.org/oas/3.1/dialect/base",
        "paths": paths,
        "components": {"schemas": _schemas(),
                       "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer",
                                                      "description": "KG_UPDATE_TOKEN"}}},
    }
