"""Content negotiation and parsing for RDF documents (dumps, Graph Store bodies, resources)."""

from __future__ import annotations

import pyoxigraph as ox
from flask import request

from ..errors import InvalidInput, NotAcceptable, UnsupportedMediaType
from ..sparql.results import plain_accept
from .uploads import check_rdf_upload

# media type -> format; the first is the default
RDF_TYPES: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/n-quads": ox.RdfFormat.N_QUADS,
    "application/trig": ox.RdfFormat.TRIG,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}
# the types that carry one graph (JSON-LD can carry several, but one is checked on input)
GRAPH_TYPES = [t for t in RDF_TYPES if t not in ("application/n-quads", "application/trig")]
ALIASES = {"application/x-turtle": "text/turtle", "text/plain": "application/n-triples",
           "application/xml": "application/rdf+xml", "application/json": "application/ld+json"}
FORMAT_NAMES = {"ttl": "text/turtle", "turtle": "text/turtle", "nt": "application/n-triples",
                "ntriples": "application/n-triples", "nq": "application/n-quads",
                "nquads": "application/n-quads", "trig": "application/trig",
                "jsonld": "application/ld+json", "json-ld": "application/ld+json",
                "rdf": "application/rdf+xml", "rdfxml": "application/rdf+xml",
                "xml": "application/rdf+xml"}
EXTENSIONS = {"text/turtle": "ttl", "application/n-triples": "nt", "application/n-quads": "nq",
              "application/trig": "trig", "application/ld+json": "jsonld",
              "application/rdf+xml": "rdf"}


def choose_rdf_type(offered: list[str] | None = None, default: str = "text/turtle") -> str:
    """From ``?format=`` or the Accept header; raises 406 when nothing offered fits."""
    offered = offered or list(RDF_TYPES)
    fmt = request.args.get("format")
    if fmt:
        media = FORMAT_NAMES.get(fmt.lower()) or ALIASES.get(fmt.lower(), fmt.lower())
        if media not in offered:
            raise NotAcceptable(f"unknown format {fmt!r}; use one of "
                                f"{', '.join(sorted(FORMAT_NAMES))}")
        return media
    accept = plain_accept(request.accept_mimetypes)
    if not list(accept.values()):
        return default
    best = accept.best_match(offered + list(ALIASES), default=None)
    if best is None:
        raise NotAcceptable(f"cannot produce any requested media type; available: "
                            f"{', '.join(offered)}")
    best = ALIASES.get(best, best)
    if best not in offered:
        return default
    # werkzeug picks the first offered on ties such as */*: keep our default then
    if accept.quality(best) == accept.quality(default) and default in offered and \
            accept.find(best) == accept.find(default):
        return default
    return best


def content_type(media: str) -> str:
    return f"{media}; charset=utf-8" if media not in ("application/n-quads",) else media


def parse_rdf_body(data: bytes, content_type: str | None, base_iri: str,
                   *, allow_datasets: bool = False) -> list[ox.Quad]:
    """Parse an uploaded RDF document; no remote context or entity is ever fetched."""
    media = (content_type or "").split(";")[0].strip().lower()
    media = ALIASES.get(media, media)
    if media not in RDF_TYPES:
        raise UnsupportedMediaType(f"unsupported RDF media type {media or '(none)'!r}; use "
                                   f"{', '.join(RDF_TYPES)}")
    charset = _charset(content_type or "")
    if charset is not None and charset.replace("-", "").lower() != "utf8":
        # the body is read as UTF-8 whatever it says (as the SPARQL protocol's bodies are)
        raise UnsupportedMediaType(f"an RDF body must be UTF-8, not {charset}")
    fmt = RDF_TYPES[media]
    if media not in GRAPH_TYPES and not allow_datasets:
        raise UnsupportedMediaType(f"{media} carries several graphs; send one graph")
    check_rdf_upload(data, fmt)  # nesting and entity expansion that would cost minutes
    try:
        quads = list(ox.parse(data, format=fmt, base_iri=base_iri))
    except (SyntaxError, ValueError) as exc:
        raise InvalidInput(f"the {media} body could not be parsed: {_first_line(exc)}") \
            from None
    if not allow_datasets and any(not isinstance(q.graph_name, ox.DefaultGraph) for q in quads):
        raise InvalidInput(f"the {media} body holds named graphs; send one graph")
    return quads


def _charset(content_type: str) -> str | None:
    for p in content_type.split(";")[1:]:
        p = p.strip()
        if p.lower().startswith("charset="):
            return p.split("=", 1)[1].strip().strip('"')
    return None


def _first_line(exc: Exception) -> str:
    return str(exc).splitlines()[0][:300] if str(exc) else type(exc).__name__
