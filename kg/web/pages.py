"""The home page and the pages behind every IRI the service mints.

``GET /event/<id>``, ``/entity/<id>``, ``/article/<id>`` and ``/graph/canonical`` answer with
HTML for a browser (``text/html`` preferred), JSON for ``application/json``, and Turtle,
JSON-LD or N-Triples by Accept or ``?format=`` (served directly, no 303).
"""

from __future__ import annotations

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, jsonify, render_template, request

from ..errors import NotFound
from ..iris import parse_iri
from ..model import ARTICLE_ID_RE, EVENT_TYPES
from . import resources as res
from .dumps import _PREFIXES, EVENT_DESCRIPTION
from .rdf import RDF_TYPES, choose_rdf_type, content_type
from .timeline import timeline_service

bp = Blueprint("pages", __name__)

RDF_OFFERED = ["text/turtle", "application/ld+json", "application/n-triples"]
ENTITY_DESCRIPTION = """
PREFIX tl: <https://w3id.org/timeline-kg/ontology#>
CONSTRUCT { ?x ?p ?o . ?la ?lp ?lo . ?c ?cp ?co }
WHERE { { ?x ?p ?o } UNION { ?x tl:linkAssessment ?la . ?la ?lp ?lo }
        UNION { ?x tl:linkAssessment/tl:candidate ?c . ?c ?cp ?co } }"""


def representation() -> str:
    """'html', 'json' or an RDF media type, from ``?format=`` or the Accept header."""
    fmt = request.args.get("format", "").lower()
    if fmt in ("html", "json"):
        return fmt
    if fmt:
        return choose_rdf_type(RDF_OFFERED)
    accept = request.accept_mimetypes
    if not list(accept.values()):
        return "text/turtle"
    html, js = accept["text/html"], accept["application/json"]
    rdf = max(accept[t] for t in RDF_OFFERED)
    if "text/html" in accept and html > rdf and html >= js:
        return "html"
    if js > rdf:
        return "json"
    return choose_rdf_type(RDF_OFFERED)


def _rdf(media: str, triples, name: str) -> Response:
    fmt = RDF_TYPES[media]
    data = ox.serialize(triples, format=fmt,
                        prefixes=_PREFIXES if fmt == ox.RdfFormat.TURTLE else None)
    return Response(data, content_type=content_type(media),
                    headers={"Vary": "Accept",
                             "Content-Disposition": f'inline; filename="{name}"'})


@bp.app_template_filter("local")
def local_filter(iri: str | None) -> str | None:
    """A link within the site for one of our IRIs; other IRIs stay as they are."""
    return res.local_path(_kg().settings.base_iri, iri) or iri


def _kg():
    return current_app.extensions["kg"]


@bp.route("/", methods=["GET", "HEAD"])
def home():
    kg = _kg()
    stats = kg.stats()
    canonical = len(res.canonical_list(kg)) if stats["events"] else 0
    stats["from"], stats["to"] = res.date_range(kg)
    return render_template("home.html", stats=stats, canonical=canonical,
                           article_events=stats["events"] - canonical,
                           event_types=EVENT_TYPES, writable=bool(kg.settings.update_token))


@bp.route("/event/<event_id>", methods=["GET", "HEAD"])
def event(event_id: str):
    kg = _kg()
    if not ARTICLE_ID_RE.match(event_id):
        raise NotFound(f"no event {event_id!r}")
    iri = f"{kg.settings.base_iri}event/{event_id}"
    tl = timeline_service()
    entries = tl.describe([iri])
    if not entries:
        raise NotFound(f"no event {event_id!r}")
    entry = entries[0]
    canonical = res.canonical_of(kg, [iri]).get(iri)
    want = representation()
    if want == "json":
        return jsonify({"ok": True, "event": entry, "canonical": canonical})
    if want != "html":
        triples = kg.store.query(EVENT_DESCRIPTION, substitutions={"e": ox.NamedNode(iri)})
        return _rdf(want, triples, f"event-{event_id}.{_ext(want)}")
    members = []
    if entry["canonical"]:
        members = tl.describe(sorted({s["event"] for s in entry["sources"]}))
    return _html("event.html", entry=entry, canonical=canonical, members=members,
                 base=kg.settings.base_iri)


@bp.route("/entity/<entity_id>", methods=["GET", "HEAD"])
def entity(entity_id: str):
    kg = _kg()
    if not res.valid_local_id(entity_id):
        raise NotFound(f"no entity {entity_id!r}")
    iri = f"{kg.settings.base_iri}entity/{entity_id}"
    try:
        parse_iri(iri)
    except Exception:  # noqa: BLE001 - any invalid IRI is simply not one of ours
        raise NotFound(f"no entity {entity_id!r}") from None
    info = res.entity(kg, iri)
    if info is None:
        raise NotFound(f"no entity {entity_id!r}")
    want = representation()
    if want not in ("html", "json"):
        triples = kg.store.query(ENTITY_DESCRIPTION, substitutions={"x": ox.NamedNode(iri)})
        return _rdf(want, triples, f"entity.{_ext(want)}")
    mentions = res.mentions(kg, iri)
    events = res.entity_events(kg, iri, timeline_service())
    if want == "json":
        return jsonify({"ok": True, "entity": info, "mentions": mentions, "events": events})
    return _html("entity.html", entity=info, mentions=mentions, events=events,
                 base=kg.settings.base_iri)


@bp.route("/article/<article_id>", methods=["GET", "HEAD"])
def article(article_id: str):
    kg = _kg()
    if not kg.article_exists(article_id):
        raise NotFound(f"no article with id {article_id!r}")
    iri = kg.iris.article(article_id)
    want = representation()
    if want not in ("html", "json"):
        return _rdf(want, kg.store.triples(iri), f"article-{article_id}.{_ext(want)}")
    summary = kg.article_summary(article_id)
    text, spans = res.article_text_and_spans(kg, iri)
    if want == "json":
        return jsonify({"ok": True, **summary, "text": text, "spans": spans})
    canon = res.canonical_of(kg, [e["iri"] for e in summary["events"]])
    for ev in summary["events"]:
        ev["canonical"] = canon.get(ev["iri"])
    return _html("article.html", article=summary, segments=res.segments(
        text, spans, kg.settings.base_iri), base=kg.settings.base_iri)


@bp.route("/graph/canonical", methods=["GET", "HEAD"])
def canonical_graph():
    kg = _kg()
    want = representation()
    if want in ("html", "json"):
        items = res.canonical_list(kg)
        if want == "json":
            return jsonify({"ok": True, "graph": kg.iris.graph_canonical(), "events": items})
        return _html("canonical.html", items=items, base=kg.settings.base_iri,
                     graph=kg.iris.graph_canonical())
    return _rdf(want, kg.store.triples(kg.iris.graph_canonical()), f"canonical.{_ext(want)}")


def _html(template: str, **context) -> Response:
    return Response(render_template(template, **context), headers={"Vary": "Accept"})


def _ext(media: str) -> str:
    from .rdf import EXTENSIONS

    return EXTENSIONS[media]
