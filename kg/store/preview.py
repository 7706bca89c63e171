"""Previewing a SPARQL Update on a remote store, which cannot checkpoint.

The graphs an update reads and writes are found from its text (``footprint``); they are copied
into an in-memory pyoxigraph store, the update runs there, and the copy is what the service
validates. The types of the nodes those graphs reference elsewhere in the remote store ride
along in a hidden context graph, as the validator expects.

An update whose graphs cannot be known before it runs is refused (400) with the reason:
``LOAD``; ``GRAPH ?var`` in a ``DELETE``/``INSERT`` template (it writes graphs chosen at run
time); ``GRAPH ?var`` in a ``WHERE`` without ``USING NAMED`` (it reads every named graph); and on
a ``generic`` store, any read or write of the default graph (there it is the union of all
graphs).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field

import pyoxigraph as ox

from ..errors import BadRequest
from ..sparql.tokens import _Cursor, tokenize
from .embedded import EmbeddedStore

CONTEXT_GRAPH = "urn:x-timeline-kg:preview-context"
_MAX_CONTEXT = 5000


class CannotPreview(BadRequest):
    code = "update_not_previewable"


@dataclass
class Footprint:
    """The graphs an update may read or write (``None``: the default graph)."""

    graphs: set[str | None] = field(default_factory=set)


def footprint(text: str, base_iri: str | None = None) -> Footprint:
    """The graphs to copy before running ``text`` on a copy; raises :class:`CannotPreview`."""
    cur = _Cursor(tokenize(text), text)
    cur.base = base_iri
    fp = Footprint()
    while cur.peek() is not None:
        while cur.word("PREFIX", "BASE"):
            if cur.next().upper == "BASE":
                cur.base = cur.iri(cur.next())
            else:
                name = cur.next()
                cur.prefixes[name.text[:-1]] = cur.iri(cur.next()) or ""
        if cur.peek() is None:
            break
        _operation(cur, fp)
        if cur.peek() is not None:
            if cur.peek().text != ";":
                raise BadRequest(f"SPARQL syntax error near {cur.peek().text!r}")
            cur.next()
    return fp


def _ref(cur: _Cursor, fp: Footprint) -> None:
    """GRAPH <iri> | <iri> | DEFAULT | NAMED | ALL (NAMED/ALL empty every graph: no copy)."""
    tok = cur.next()
    if tok.upper == "GRAPH":
        tok = cur.next()
    elif tok.upper == "DEFAULT":
        fp.graphs.add(None)
        return
    elif tok.upper in ("NAMED", "ALL"):
        return
    iri = cur.iri(tok)
    if iri is None:
        raise BadRequest("SPARQL syntax error: a graph IRI is expected")
    fp.graphs.add(iri)


def _operation(cur: _Cursor, fp: Footprint) -> None:
    kw = cur.next().upper
    if kw == "LOAD":
        raise CannotPreview("LOAD cannot be validated before it runs on a remote store; "
                            "post the data to the Graph Store Protocol instead")
    if kw in ("CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY"):
        if cur.word("SILENT"):
            cur.next()
        _ref(cur, fp)
        if kw in ("ADD", "MOVE", "COPY"):
            cur.next()  # TO
            _ref(cur, fp)
        return
    if kw in ("INSERT", "DELETE") and cur.word("DATA", "WHERE"):
        cur.next()
        start, end = cur.skip_group()
        _groups(cur, start, end, fp, default=None, named=None, template=True)
        return
    with_graph = None
    if kw == "WITH":
        with_graph = cur.iri(cur.next())
        kw = cur.next().upper
    while kw in ("DELETE", "INSERT"):
        start, end = cur.skip_group()
        _groups(cur, start, end, fp, default=with_graph, named=None, template=True)
        if cur.word("DELETE", "INSERT"):
            kw = cur.next().upper
        else:
            break
    using: list[str] = []
    using_named: list[str] = []
    while cur.word("USING"):
        cur.next()
        target = using
        if cur.word("NAMED"):
            cur.next()
            target = using_named
        target.append(cur.iri(cur.next()) or "")
    if cur.word("WHERE"):
        cur.next()
    start, end = cur.skip_group()
    if using or using_named:
        fp.graphs.update(using)
        fp.graphs.update(using_named)
        default_reads: list[str | None] = []  # USING replaces the default graph
    else:
        default_reads = [with_graph]
    _groups(cur, start, end, fp, default=default_reads, named=using_named or None,
            template=False)


def _groups(cur: _Cursor, start: int, end: int, fp: Footprint, *, default, named,
            template: bool) -> None:
    """Graphs named in a template or pattern (tokens ``start..end``, braces included)."""
    tokens = cur.t
    depth = 0
    inside: list[int] = []
    outside = False
    i = start
    while i < end:
        tok = tokens[i]
        if tok.text == "{":
            depth += 1
        elif tok.text == "}":
            if inside and inside[-1] == depth:
                inside.pop()
            depth -= 1
        elif tok.upper == "GRAPH" and i + 1 < end:
            iri = cur.iri(tokens[i + 1])
            if iri is not None:
                fp.graphs.add(iri)
            elif template:
                raise CannotPreview("an update writing GRAPH ?variable may change any graph, "
                                    "so it cannot be validated on a remote store; name the "
                                    "graph")
            elif named is None:
                raise CannotPreview("an update whose WHERE reads GRAPH ?variable reads every "
                                    "named graph, so it cannot be validated on a remote store; "
                                    "name the graphs (GRAPH <iri>) or list them with USING "
                                    "NAMED")
            inside.append(depth + 1)
            i += 2
            continue
        elif depth >= 1 and not inside and tok.kind in ("iri", "pname", "var", "bnode",
                                                        "string", "number", "word"):
            outside = True
        i += 1
    if outside:
        if isinstance(default, list):
            fp.graphs.update(default)
        else:
            fp.graphs.add(default)


class PreviewStore(EmbeddedStore):
    """An in-memory copy whose context graph is invisible to graph listings."""

    def named_graphs(self) -> Iterator[str]:
        return (g for g in super().named_graphs() if g != CONTEXT_GRAPH)

    def graph_exists(self, graph: str) -> bool:
        return graph != CONTEXT_GRAPH and super().graph_exists(graph)


@contextlib.contextmanager
def preview_remote_update(remote, sparql: str, *, base_iri: str | None = None):
    """Yield an in-memory store holding the copied graphs with the update applied."""
    fp = footprint(sparql, base_iri)
    if None in fp.graphs and not remote.oxigraph:
        raise CannotPreview("on this store the default graph is the union of all graphs, so an "
                            "update reading or writing it cannot be validated; use GRAPH <iri>")
    preview = PreviewStore(None)
    try:
        raw = preview.raw
        for graph in sorted(fp.graphs, key=lambda g: g or ""):
            if graph is None:
                raw.extend(ox.Quad(t.subject, t.predicate, t.object)
                           for t in remote.triples(None))
            elif remote.graph_exists(graph):
                name = ox.NamedNode(graph)
                raw.add_graph(name)
                raw.extend(ox.Quad(t.subject, t.predicate, t.object, name)
                           for t in remote.triples(graph))
        preview.update(sparql, base_iri=base_iri)
        _add_context(preview, remote, fp)
        yield preview
    finally:
        preview.close()


def _add_context(preview: PreviewStore, remote, fp: Footprint) -> None:
    """Copy the ``rdf:type`` of the IRIs the copied graphs reference, from the graphs that were
    not copied, into the context graph."""
    refs = sorted({r["o"].value for r in preview.query(
        "SELECT DISTINCT ?o WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } "
        "FILTER isIRI(?o) }")})[:_MAX_CONTEXT]
    if not refs:
        return
    values = " ".join(str(ox.NamedNode(r)) for r in refs)
    copied = [g for g in fp.graphs if g is not None]
    exclude = ""
    if copied:
        exclude = "FILTER(?g NOT IN (" + ", ".join(str(ox.NamedNode(g)) for g in copied) + "))"
    rows = list(remote.query(
        f"SELECT ?s ?t WHERE {{ VALUES ?s {{ {values} }} GRAPH ?g {{ ?s a ?t }} {exclude} }}",
        union_default_graph=False))
    if None not in fp.graphs and remote.oxigraph:
        rows += list(remote.query(f"SELECT ?s ?t WHERE {{ VALUES ?s {{ {values} }} ?s a ?t }}",
                                  union_default_graph=False))
    ctx = ox.NamedNode(CONTEXT_GRAPH)
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    preview.raw.extend(ox.Quad(r["s"], rdf_type, r["t"], ctx) for r in rows
                       if isinstance(r["t"], ox.NamedNode))
