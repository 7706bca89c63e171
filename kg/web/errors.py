"""One JSON error shape for every 4xx/5xx; no traceback, path or secret ever reaches a client."""

from __future__ import annotations

import logging

from flask import Flask, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from ..errors import KGError, PayloadTooLarge

log = logging.getLogger("kg.web")


def error_response(exc: KGError):
    body = exc.to_dict()
    report = getattr(exc, "report", None)
    if report is not None and _wants_turtle_report():
        resp = Flask.response_class(report.to_turtle(), status=exc.status,
                                    mimetype="text/turtle")
    elif _wants_html():
        # a browser navigating to a page: the same fields, as a page
        resp = Flask.response_class(render_template("error.html", error=body),
                                    status=exc.status, mimetype="text/html")
    else:
        resp = jsonify(body)
        resp.status_code = exc.status
    for k, v in exc.headers.items():
        resp.headers[k] = v
    resp.headers["Cache-Control"] = "no-store"
    return resp


def _wants_html() -> bool:
    accept = request.accept_mimetypes
    return request.method in ("GET", "HEAD") and "text/html" in accept and \
        accept["text/html"] > accept["application/json"]


def _wants_turtle_report() -> bool:
    if request.args.get("report") == "turtle":
        return True
    accept = request.accept_mimetypes
    return accept.best == "text/turtle" and accept["text/turtle"] > accept["application/json"]


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(KGError)
    def _kg_error(exc: KGError):
        if not exc.client_fault:
            log.error("server error %s on %s %s", exc.code, request.method, request.path,
                      exc_info=exc.__cause__ or exc)
        return error_response(exc)

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException):
        if exc.code == 413:
            limit = app.config.get("MAX_CONTENT_LENGTH")
            return error_response(PayloadTooLarge(
                f"the request body is larger than KG_MAX_REQUEST_BYTES ({limit} bytes)"))
        err = KGError(exc.description or exc.name)
        err.status = exc.code or 500
        err.code = (exc.name or "error").lower().replace(" ", "_")
        if exc.code == 405 and exc.valid_methods:
            err.headers["Allow"] = ", ".join(sorted(exc.valid_methods))
        return error_response(err)

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception):
        log.exception("unexpected error on %s %s", request.method, request.path)
        return error_response(KGError())
