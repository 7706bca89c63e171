"""An OpenRefine-compatible reconciliation service over the entity catalog (``/reconcile``)."""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify, request

from ..errors import BadRequest
from ..linking.reconcile import manifest

bp = Blueprint("reconcile", __name__)


@bp.route("/reconcile", methods=["GET", "POST"])
def reconcile():
    """Without ``queries``: the service manifest. With ``queries`` (form or URL parameter,
    JSON): the candidates for each query, ids being Wikidata Q-ids."""
    raw = request.values.get("queries")
    if raw is None:
        if request.method == "POST" and request.is_json:
            raw = request.get_json(silent=True)
            raw = raw.get("queries") if isinstance(raw, dict) else None
        if raw is None:
            if request.method == "POST":
                raise BadRequest("missing 'queries'")
            resp = jsonify(manifest())
            resp.headers["Access-Control-Allow-Origin"] = "*"
            return resp
    resp = jsonify(current_app.extensions["kg"].reconcile(raw))
    resp.headers["Access-Control-Allow-Origin"] = "*"
    return resp
