"""SPARQL-based constraints (``sh:sparql`` / ``sh:select``), run by :mod:`.bgp` or pyoxigraph.

A query of triple patterns and filters that :mod:`.bgp` can evaluate runs in Python over the
data graph's index. For any other query, the statements it can match (those with the
predicates its patterns name, or all of them when a pattern has a variable or path predicate)
are loaded once per validation into an in-memory pyoxigraph store; ``$this`` is pre-bound with
``substitutions``. A query that reads ``$currentShape``, ``$shapesGraph`` or ``$PATH`` is not
compiled.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef, Variable
from rdflib.namespace import SH
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parserutils import CompValue

from . import bgp
from .data import DataGraph, Defer

_UNSUPPORTED_VARS = re.compile(r"[$?](currentShape|shapesGraph|PATH)\b")
_THIS = ox.Variable("this")


@dataclass(eq=False)
class SparqlConstraint:
    query: str
    predicates: frozenset[str] | None = None  # None: the query may read any statement
    # True when the query is a plain "SELECT $this ... WHERE { BGP with $this FILTER* }": then
    # one run without pre-binding finds the violations of every focus node at once (for
    # such queries pre-binding $this and selecting on it give the same solutions).
    batch: bool = False
    native: bgp.Query | None = None  # the query evaluated in Python, when it can be

    @classmethod
    def from_shapes(cls, shapes: Graph, node) -> SparqlConstraint:
        from .compiler import Unsupported

        if any(v == Literal(True) for v in shapes.objects(node, SH.deactivated)):
            return cls("")
        selects = list(shapes.objects(node, SH.select))
        if len(selects) != 1:
            raise Unsupported("a SPARQL constraint without exactly one sh:select")
        text = str(selects[0])
        if _UNSUPPORTED_VARS.search(text):
            raise Unsupported("a SPARQL constraint reading $currentShape, $shapesGraph or $PATH")
        prologue = []
        for source in shapes.objects(node, SH.prefixes):
            for decl in shapes.objects(source, SH.declare):
                prefix = shapes.value(decl, SH.prefix)
                namespace = shapes.value(decl, SH.namespace)
                prologue.append(f"PREFIX {prefix}: <{namespace}>")
        query = "\n".join(prologue + [text])
        try:
            ox.Store().query(query, substitutions={_THIS: ox.NamedNode("urn:x-check:this")})
        except (SyntaxError, ValueError, OSError) as exc:
            raise Unsupported(f"SPARQL constraint does not parse: {exc}") from exc
        try:
            algebra = prepareQuery(query).algebra
        except Exception:  # rdflib's parser rejects what Oxigraph accepts: no shortcuts
            return cls(query)
        try:
            native = bgp.Query.compile(algebra)
        except bgp.Unsupported:
            native = None
        return cls(query, _predicates(algebra), _batchable(algebra), native)

    def check(self, node: str, data: DataGraph) -> bool:
        """True when the query finds no violation for ``node``."""
        if not self.query:
            return True
        if node[0] != "<":
            raise Defer("blank-node focus of a SPARQL constraint")
        if self.batch:
            hits = data.sparql_hits.get(self)
            if hits is None:
                hits = data.sparql_hits[self] = self._focus_hits(data)
            return node not in hits
        if self.native is not None:
            return not self.native.solutions(data, {"this": node})
        results = self._store(data).query(self.query,
                                          substitutions={_THIS: ox.NamedNode(node[1:-1])})
        for _ in results:
            return False
        return True

    def _focus_hits(self, data: DataGraph) -> set[str]:
        """The focus nodes (N-Triples spellings) that some solution of the query reports."""
        if self.native is not None:
            return {sol["this"] for sol in self.native.solutions(data)}
        return {str(row["this"]) for row in self._store(data).query(self.query)}

    def _store(self, data: DataGraph) -> ox.Store:
        store = data.stores.get(self.predicates)
        if store is None:
            store = data.stores[self.predicates] = ox.Store()
            # lenient: no IRI syntax checks here (the store write that follows checks them)
            store.load(data.lines(self.predicates), ox.RdfFormat.N_TRIPLES, lenient=True)
        return store


def _predicates(algebra: CompValue) -> frozenset[str] | None:
    """The predicates (N-Triples spellings) of every triple pattern of the query, or None
    when some pattern's predicate is a variable or a path."""
    found: set[str] = set()
    todo = [algebra]
    while todo:
        node = todo.pop()
        if isinstance(node, CompValue):
            for triples in dict.get(node, "triples") or ():  # BGP; TriplesBlock in EXISTS
                if not isinstance(triples, (list, tuple)) or len(triples) % 3:
                    return None
                for p in triples[1::3]:
                    if not isinstance(p, URIRef):
                        return None
                    found.add(f"<{p}>")
            if node.name in ("ServiceGraphPattern", "Graph"):
                return None
            todo.extend(node.values())
        elif isinstance(node, (list, tuple, set)):
            todo.extend(node)
        elif isinstance(node, dict):
            todo.extend(node.values())
    return frozenset(found)


def _batchable(algebra: CompValue) -> bool:
    """Whether the query is Project(Filter*(BGP)) with ``$this`` projected and in the BGP."""
    this = Variable("this")
    node = algebra.get("p") if algebra.name == "SelectQuery" else None
    if node is None or node.name != "Project" or this not in node["PV"]:
        return False
    node = node["p"]
    while isinstance(node, CompValue) and node.name == "Filter":
        node = node["p"]
    return isinstance(node, CompValue) and node.name == "BGP" and \
        any(this in triple for triple in node["triples"])
