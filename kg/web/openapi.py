"""``GET /openapi.json``: the OpenAPI 3.1 description of the HTTP API."""

from __future__ import annotations

from flask import Blueprint, jsonify

bp = Blueprint("openapi", __name__)


@bp.route("/openapi.json", methods=["GET", "HEAD"])
def openapi():
    from .openapi_doc import document

    return jsonify(document())
