"""Run a SPARQL query on a store and serialise the answer in the negotiated format.

Results are bounded: at most ``max_rows`` solutions (or triples) are returned; a longer result
is cut there and the answer says so (``truncated``). Serialisation of solutions is done here
(SPARQL 1.1 JSON, XML, CSV, TSV), graphs by pyoxigraph's native serialisers.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from ..errors import NotAcceptable

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

SOLUTION_TYPES = {
    "application/sparql-results+json": "json", "application/json": "json",
    "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml",
    "text/csv": "csv", "text/tab-separated-values": "tsv",
}
BOOLEAN_TYPES = {k: v for k, v in SOLUTION_TYPES.items() if v in ("json", "xml")}
GRAPH_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE, "application/x-turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES, "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD, "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/trig": ox.RdfFormat.TRIG, "application/n-quads": ox.RdfFormat.N_QUADS,
}
CANONICAL = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
             "csv": "text/csv", "tsv": "text/tab-separated-values"}


@dataclass
class Answer:
    """A serialised query answer."""

    media_type: str
    chunks: Iterator[bytes]
    truncated: bool = False
    headers: dict[str, str] = field(default_factory=dict)


def plain_accept(accept):
    """The Accept header without media type parameters (``text/turtle; charset=utf-8`` asks
    for ``text/turtle``; werkzeug would otherwise match no offer), qualities kept."""
    from werkzeug.datastructures import MIMEAccept

    return MIMEAccept([(value.split(";")[0].strip().lower(), q) for value, q in accept])


def negotiate(accept, offered: list[str], default: str) -> str:
    """The best offered media type for an Accept header (werkzeug MIMEAccept or None)."""
    if accept is None or not list(accept.values()):
        return default
    accept = plain_accept(accept)
    best = accept.best_match(offered, default=None)
    if best is None:
        raise NotAcceptable(f"none of the requested media types can be produced; available: "
                            f"{', '.join(offered)}")
    return best


def serialise(result, accept, max_rows: int, format_override: str | None = None) -> Answer:
    """Serialise a pyoxigraph query result for the client's Accept header."""
    if isinstance(result, ox.QueryBoolean):
        media = _choose(accept, list(BOOLEAN_TYPES), "application/sparql-results+json",
                        format_override, BOOLEAN_TYPES)
        kind = BOOLEAN_TYPES[media]
        return Answer(_content_type(media), iter([_boolean(bool(result), kind)]))
    if isinstance(result, ox.QuerySolutions):
        media = _choose(accept, list(SOLUTION_TYPES), "application/sparql-results+json",
                        format_override, SOLUTION_TYPES)
        kind = SOLUTION_TYPES[media]
        variables = [v.value for v in result.variables]
        rows = list(islice(result, max_rows + 1))
        truncated = len(rows) > max_rows
        rows = rows[:max_rows]
        writer = {"json": _json_rows, "xml": _xml_rows, "csv": _csv_rows, "tsv": _tsv_rows}[kind]
        return Answer(_content_type(media), writer(variables, rows, truncated), truncated)
    # CONSTRUCT / DESCRIBE
    media = _choose(accept, list(GRAPH_TYPES), "text/turtle", format_override, GRAPH_TYPES)
    fmt = GRAPH_TYPES[media]
    triples = list(islice(result, max_rows + 1))
    truncated = len(triples) > max_rows
    triples = triples[:max_rows]
    buf = io.BytesIO()
    if fmt.supports_datasets:
        ox.serialize((ox.Quad(t.subject, t.predicate, t.object) for t in triples), buf, fmt)
    else:
        ox.serialize(triples, buf, fmt)
    return Answer(_content_type(media), iter([buf.getvalue()]), truncated)


# ``?format=`` names (besides the media types themselves)
SOLUTION_NAMES = {"json": CANONICAL["json"], "srj": CANONICAL["json"], "xml": CANONICAL["xml"],
                  "srx": CANONICAL["xml"], "csv": CANONICAL["csv"], "tsv": CANONICAL["tsv"]}
GRAPH_NAMES = {"ttl": "text/turtle", "turtle": "text/turtle", "nt": "application/n-triples",
               "ntriples": "application/n-triples", "n-triples": "application/n-triples",
               "jsonld": "application/ld+json", "json-ld": "application/ld+json",
               "json": "application/ld+json", "rdf": "application/rdf+xml",
               "rdfxml": "application/rdf+xml", "xml": "application/rdf+xml",
               "trig": "application/trig", "nq": "application/n-quads",
               "nquads": "application/n-quads", "n-quads": "application/n-quads",
               # as SPARQLWrapper names them (Turtle is also valid N3)
               "n3": "text/turtle", "rdf+xml": "application/rdf+xml"}


def _choose(accept, offered, default, override, table) -> str:
    if override:
        names = GRAPH_NAMES if default == "text/turtle" else SOLUTION_NAMES
        media = names.get(override.lower(), override.lower())
        if media in table:
            return media
        choices = sorted(n for n, m in names.items() if m in table)
        raise NotAcceptable(f"format {override!r} is not available for this result; use one "
                            f"of {', '.join(choices)}")
    return negotiate(accept, offered, default)


def _content_type(media: str) -> str:
    if media.startswith("text/") or media.endswith(("json", "+xml", "xml", "trig")):
        return f"{media}; charset=utf-8"
    return media


# -- SPARQL 1.1 Query Results JSON ---------------------------------------------------------------

def _json_term(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": _json_term(term.subject),
                                            "predicate": _json_term(term.predicate),
                                            "object": _json_term(term.object)}}
    raise TypeError(term)


def _json_rows(variables, rows, truncated) -> Iterator[bytes]:
    dumps = json.dumps
    yield ('{"head":{"vars":' + dumps(variables) + '},"results":{"bindings":[').encode()
    batch = []
    for i, sol in enumerate(rows):
        binding = {}
        for v in variables:
            term = sol[v]
            if term is not None:
                binding[v] = _json_term(term)
        batch.append(("," if i else "") + dumps(binding, ensure_ascii=False))
        if len(batch) >= 500:
            yield "".join(batch).encode("utf-8")
            batch = []
    if batch:
        yield "".join(batch).encode("utf-8")
    yield b"]}}"


def _boolean(value: bool, kind: str) -> bytes:
    if kind == "json":
        return json.dumps({"head": {}, "boolean": value}).encode()
    return ('<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
            f'<head/><boolean>{"true" if value else "false"}</boolean></sparql>\n').encode()


# -- XML ------------------------------------------------------------------------------------------

def _xml_term(term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value != XSD_STRING:
            return (f"<literal datatype={quoteattr(term.datatype.value)}>"
                    f"{escape(term.value)}</literal>")
        return f"<literal>{escape(term.value)}</literal>"
    if isinstance(term, ox.Triple):
        return (f"<triple><subject>{_xml_term(term.subject)}</subject><predicate>"
                f"{_xml_term(term.predicate)}</predicate><object>{_xml_term(term.object)}"
                "</object></triple>")
    raise TypeError(term)


def _xml_rows(variables, rows, truncated) -> Iterator[bytes]:
    head = "".join(f"<variable name={quoteattr(v)}/>" for v in variables)
    yield ('<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
           f"<head>{head}</head><results>").encode()
    batch = []
    for sol in rows:
        parts = ["<result>"]
        for v in variables:
            term = sol[v]
            if term is not None:
                parts.append(f"<binding name={quoteattr(v)}>{_xml_term(term)}</binding>")
        parts.append("</result>")
        batch.append("".join(parts))
        if len(batch) >= 500:
            yield "".join(batch).encode("utf-8")
            batch = []
    if batch:
        yield "".join(batch).encode("utf-8")
    yield b"</results></sparql>\n"


# -- CSV and TSV ----------------------------------------------------------------------------------

def _csv_value(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        value = f"_:{term.value}"
    elif isinstance(term, (ox.NamedNode, ox.Literal)):
        value = term.value
    else:
        value = str(term)
    if any(c in value for c in ',"\r\n'):
        value = '"' + value.replace('"', '""') + '"'
    return value


def _csv_rows(variables, rows, truncated) -> Iterator[bytes]:
    yield (",".join(variables) + "\r\n").encode()
    batch = []
    for sol in rows:
        batch.append(",".join(_csv_value(sol[v]) for v in variables) + "\r\n")
        if len(batch) >= 1000:
            yield "".join(batch).encode("utf-8")
            batch = []
    if batch:
        yield "".join(batch).encode("utf-8")


def _tsv_rows(variables, rows, truncated) -> Iterator[bytes]:
    yield ("\t".join("?" + v for v in variables) + "\n").encode()
    batch = []
    for sol in rows:
        batch.append("\t".join(_tsv_value(sol[v]) for v in variables) + "\n")
        if len(batch) >= 1000:
            yield "".join(batch).encode("utf-8")
            batch = []
    if batch:
        yield "".join(batch).encode("utf-8")


def _tsv_value(term) -> str:
    if term is None:
        return ""
    return str(term).replace("\t", "\\t")
