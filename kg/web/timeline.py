"""``GET /timeline``: the timeline as JSON (the default), a page for browsers, and exports.

Which representation: ``?format=`` (``json``, ``html``, ``timelinejs``, ``vis``, ``csv``,
``ttl``/``turtle``) or else the Accept header (``text/html`` preferred over JSON gives the
page; ``text/csv``, ``text/turtle`` the exports). Every representation is the same selection.
"""

from __future__ import annotations

from urllib.parse import urlencode

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, jsonify, render_template, request

from ..errors import NotAcceptable
from ..model import EVENT_TYPES
from ..timeline import Timeline, parse_filters
from ..timeline.exports import csv_text, timelinejs, vis_items
from ..timeline.filters import MAX_EXPORT_LIMIT
from .dumps import _PREFIXES, EVENT_DESCRIPTION

bp = Blueprint("timeline", __name__)

FORMATS = {"json": "application/json", "html": "text/html", "timelinejs": "application/json",
           "vis": "application/json", "csv": "text/csv", "ttl": "text/turtle",
           "turtle": "text/turtle"}
_OFFERED = ["application/json", "text/html", "text/csv", "text/turtle"]


def timeline_service() -> Timeline:
    """The app's :class:`Timeline` (created on first use)."""
    tl = current_app.extensions.get("kg_timeline")
    if tl is None:
        kg = current_app.extensions["kg"]
        tl = current_app.extensions["kg_timeline"] = Timeline(kg, kg.places)
    return tl


def _format() -> str:
    fmt = request.args.get("format")
    if fmt:
        if fmt not in FORMATS:
            raise NotAcceptable(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
        return fmt
    accept = request.accept_mimetypes
    if not list(accept.values()):
        return "json"
    if "text/html" in accept and accept["text/html"] > accept["application/json"]:
        return "html"
    best = accept.best_match(_OFFERED, default=None)
    if best is None:
        raise NotAcceptable(f"cannot produce any requested media type; available: "
                            f"{', '.join(_OFFERED)}")
    return {"text/csv": "csv", "text/turtle": "ttl"}.get(best, "json")


@bp.route("/timeline", methods=["GET", "HEAD"])
def timeline():
    kg = current_app.extensions["kg"]
    fmt = _format()
    export = fmt in ("timelinejs", "vis", "csv", "ttl", "turtle")
    filters = parse_filters(request.args, kg.settings.base_iri,
                            max_limit=MAX_EXPORT_LIMIT if export else 500,
                            default_limit=1000 if export else 50)
    tl = timeline_service()
    if fmt == "html":
        page = tl.page(filters)
        return Response(render_template(
            "timeline.html", page=page, filters=filters, event_types=EVENT_TYPES,
            args=filters.without_paging(), next_url=_next_url(filters, page),
            base_iri=kg.settings.base_iri), headers={"Vary": "Accept"})
    page = tl.page(filters)
    headers = {"Vary": "Accept", "Cache-Control": "no-cache"}
    nxt = _next_url(filters, page)
    if nxt:
        headers["Link"] = f'<{nxt}>; rel="next"'
    if fmt == "json":
        resp = jsonify({"ok": True, "count": len(page.entries), "filters":
                        filters.without_paging(), "events": page.entries,
                        "next": page.next.encode() if page.next else None, "next_url": nxt})
    elif fmt == "timelinejs":
        resp = jsonify(timelinejs(page.entries))
    elif fmt == "vis":
        resp = jsonify(vis_items(page.entries))
    elif fmt == "csv":
        resp = Response(csv_text(page.entries), content_type="text/csv; charset=utf-8")
        headers["Content-Disposition"] = 'attachment; filename="timeline.csv"'
    else:
        resp = Response(_turtle(kg, [e["iri"] for e in page.entries]),
                        content_type="text/turtle; charset=utf-8")
    resp.headers.update(headers)
    return resp


def _next_url(filters, page) -> str | None:
    if page.next is None:
        return None
    args = {**filters.without_paging(), "limit": str(filters.limit),
            "cursor": page.next.encode()}
    if request.args.get("format"):
        args["format"] = request.args["format"]
    return f"/timeline?{urlencode(args)}"


def _turtle(kg, iris: list[str]) -> bytes:
    triples = set()
    for iri in iris:
        triples.update(kg.store.query(EVENT_DESCRIPTION, substitutions={"e": ox.NamedNode(iri)}))
    return ox.serialize(sorted(triples, key=str), format=ox.RdfFormat.TURTLE,
                        prefixes=_PREFIXES)
