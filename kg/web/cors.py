"""Cross-origin access: reads from any origin, writes from none.

- ``GET``/``HEAD`` responses (pages, dumps, queries, errors) and responses to ``POST`` queries
  on ``/sparql`` carry ``Access-Control-Allow-Origin: *``, so any web page may read the data.
- Write requests (every request that asked for the write token: SPARQL Update, Graph Store
  writes, article ingest and delete) never carry CORS headers.
- A preflight (``OPTIONS`` with ``Access-Control-Request-Method``) is granted for GET and HEAD
  anywhere and POST on ``/sparql`` only, with simple headers; one asking for any other method
  (PUT, DELETE, PATCH, POST elsewhere) or for the ``Authorization`` header is refused (403, no
  CORS headers), so a browser never sends a cross-origin write with credentials.
"""

from __future__ import annotations

from flask import Flask, Response, g, request

from ..errors import Forbidden

QUERY_PATHS = frozenset({"/sparql", "/sparql/"})
READ_METHODS = frozenset({"GET", "HEAD"})
ALLOWED_HEADERS = frozenset({"accept", "accept-language", "content-language", "content-type",
                             "cache-control", "if-none-match", "if-modified-since"})
EXPOSED = "Content-Disposition, ETag, Last-Modified, Retry-After, X-KG-Truncated, " \
    "X-KG-Truncated-By, X-KG-Result-Limit"
MAX_AGE = "600"


def mark_write() -> None:
    """Record that this request is a write (it gets no CORS headers)."""
    g.kg_write = True


def register_cors(app: Flask) -> None:
    @app.before_request
    def _preflight():
        if request.method != "OPTIONS" or "Access-Control-Request-Method" not in request.headers:
            return None
        method = request.headers["Access-Control-Request-Method"].strip().upper()
        methods = ["GET", "HEAD", "POST"] if request.path in QUERY_PATHS else ["GET", "HEAD"]
        asked = {h.strip().lower() for h in
                 request.headers.get("Access-Control-Request-Headers", "").split(",")
                 if h.strip()}
        if method not in methods or not asked <= ALLOWED_HEADERS:
            mark_write()
            refused = sorted(asked - ALLOWED_HEADERS)
            what = f"the header(s) {', '.join(refused)}" if refused and method in methods \
                else f"{method} requests"
            raise Forbidden(f"cross-origin {what} are not allowed here; only reads (and "
                            "queries by POST to /sparql) may come from other origins")
        resp = Response(status=204)
        resp.headers["Access-Control-Allow-Methods"] = ", ".join(methods)
        resp.headers["Access-Control-Allow-Headers"] = "Accept, Content-Type"
        resp.headers["Access-Control-Max-Age"] = MAX_AGE
        return resp

    @app.after_request
    def _allow_reads(resp):
        if g.get("kg_write"):
            return resp
        if request.method in READ_METHODS or request.method == "OPTIONS" or \
                (request.method == "POST" and request.path in QUERY_PATHS):
            resp.headers["Access-Control-Allow-Origin"] = "*"
            resp.headers["Access-Control-Expose-Headers"] = EXPOSED
        return resp
