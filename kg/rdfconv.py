"""Conversions between rdflib terms (mapping, validation) and pyoxigraph terms (store)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD

_XSD_STRING = str(XSD.string)


def to_ox_term(term):
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(_bnode_id(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None and str(term.datatype) != _XSD_STRING:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def _bnode_id(b: BNode) -> str:
    ident = str(b)
    return ident if ident.replace("_", "").isalnum() and ident[:1].isalpha() else \
        "b" + "".join(c if c.isalnum() else "_" for c in ident)


def to_ox_triples(graph: Graph) -> Iterator[ox.Triple]:
    for s, p, o in graph:
        yield ox.Triple(to_ox_term(s), to_ox_term(p), to_ox_term(o))


def to_rdflib_term(term):
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == _XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise TypeError(f"unsupported RDF term: {term!r}")


def to_rdflib_graph(triples: Iterable[ox.Triple], graph: Graph | None = None) -> Graph:
    g = Graph() if graph is None else graph
    add = g.add
    for t in triples:
        add((to_rdflib_term(t.subject), to_rdflib_term(t.predicate), to_rdflib_term(t.object)))
    return g
