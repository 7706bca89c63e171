"""The store interface: one abstract class, one module per backend (embedded, remote).

Terms crossing this interface are pyoxigraph terms (``NamedNode``, ``Triple``, ``Quad``...), and
query results are pyoxigraph result objects, whichever backend answers. Graph names are IRI
strings; ``None`` stands for the default graph.
"""

from __future__ import annotations

import abc
from collections.abc import Iterable, Iterator, Mapping
from typing import BinaryIO

import pyoxigraph as ox

from ..iris import parse_iri

QueryResult = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples


def ntriples_text(triples: Iterable[ox.Triple] | str) -> str:
    """N-Triples text (valid inside INSERT DATA), empty when there are no triples. A string is
    taken to be N-Triples already (the mapping writes it directly)."""
    if isinstance(triples, str):
        return triples.strip()
    return ox.serialize(list(triples), format=ox.RdfFormat.N_TRIPLES).decode("utf-8").strip()


def replace_graphs_update(graphs: Mapping[str | None, Iterable[ox.Triple] | str],
                          drop: Iterable[str] = ()) -> str:
    """The SPARQL Update that does :meth:`Store.replace_graphs` in one request ("" when
    there is nothing to do). Graph names are checked IRIs."""
    ops = [f"DROP SILENT GRAPH {parse_iri(g, 'graph')}" for g in drop]
    for graph, triples in graphs.items():
        body = ntriples_text(triples)
        if graph is None:
            ops.append("CLEAR SILENT DEFAULT")
            if body:
                ops.append(f"INSERT DATA {{ {body} }}")
            continue
        name = parse_iri(graph, "graph")
        ops.append(f"DROP SILENT GRAPH {name}")
        ops.append(f"INSERT DATA {{ GRAPH {name} {{ {body} }} }}" if body
                   else f"CREATE SILENT GRAPH {name}")
    return " ;\n".join(ops)


def add_triples_update(graph: str | None, body: str) -> str:
    """The SPARQL Update that does :meth:`Store.add_triples` with N-Triples ``body`` ("" when
    there is nothing to do); a named graph is created even when ``body`` is empty."""
    if graph is None:
        return f"INSERT DATA {{ {body} }}" if body else ""
    name = parse_iri(graph, "graph")
    ops = [f"CREATE SILENT GRAPH {name}"]
    if body:
        ops.append(f"INSERT DATA {{ GRAPH {name} {{ {body} }} }}")
    return " ;\n".join(ops)


class Store(abc.ABC):
    """A quad store holding one named graph per article plus shared graphs."""

    kind = "abstract"

    # -- reads ---------------------------------------------------------------------------------
    @abc.abstractmethod
    def query(self, sparql: str, *, substitutions: Mapping[str, ox.NamedNode | ox.Literal]
              | None = None, default_graph_uris: list[str] | None = None,
              named_graph_uris: list[str] | None = None, base_iri: str | None = None,
              union_default_graph: bool = True) -> QueryResult:
        """Run a SPARQL query. ``substitutions`` bind variables (by name) to terms, never
        pasted text. The dataset, in order of precedence: the protocol dataset
        (``default_graph_uris``/``named_graph_uris``; a list left out is empty), else with
        ``union_default_graph`` a default graph that is the union of all graphs, else the
        query's own ``FROM``/``FROM NAMED`` or the store's default graph. Callers pass
        ``union_default_graph=False`` for queries with a ``FROM`` clause."""

    @abc.abstractmethod
    def graph_exists(self, graph: str) -> bool: ...

    @abc.abstractmethod
    def triples(self, graph: str | None) -> Iterator[ox.Triple]:
        """The triples of one graph (``None``: the store's own default graph)."""

    @abc.abstractmethod
    def named_graphs(self) -> Iterator[str]: ...

    @abc.abstractmethod
    def dump(self, output: BinaryIO, fmt: ox.RdfFormat, graph: str | None = None,
             all_graphs: bool = False, prefixes: dict[str, str] | None = None) -> None:
        """Serialise one graph, or with ``all_graphs`` the whole dataset (quad formats keep the
        graphs; triple formats get the merge of all graphs, where a triple kept in several
        graphs may appear more than once). Streams: memory does not grow with the store.
        ``prefixes`` (name -> IRI) abbreviate IRIs in the formats that have prefixes."""

    @abc.abstractmethod
    def __len__(self) -> int: ...

    # -- writes (atomic each) -------------------------------------------------------------------
    @abc.abstractmethod
    def replace_graphs(self, graphs: Mapping[str | None, Iterable[ox.Triple] | str],
                       drop: Iterable[str] = ()) -> None:
        """In one transaction: replace each graph's content (triples, or N-Triples text as the
        mapping writes it), and drop the ``drop`` graphs."""

    @abc.abstractmethod
    def add_triples(self, graph: str | None, triples: Iterable[ox.Triple]) -> None:
        """Add triples to a graph in one transaction."""

    @abc.abstractmethod
    def update(self, sparql: str, *, base_iri: str | None = None) -> None:
        """Run a SPARQL Update in one transaction (no validation: callers validate)."""

    def preview_update(self, sparql: str, *, base_iri: str | None = None):
        """A context manager giving a throw-away :class:`Store` with the update applied, for
        validating an update before it is run for real. Backends that cannot preview raise
        :class:`~kg.errors.BadRequest`."""
        from ..errors import BadRequest

        raise BadRequest("this store backend cannot validate SPARQL Updates before running "
                         "them; use the Graph Store Protocol instead")

    # -- lifecycle -------------------------------------------------------------------------------
    def close(self) -> None:  # noqa: B027 - pragma: no cover; backends holding resources override
        """Release the store's resources."""

    def flush(self) -> None:  # noqa: B027 - a no-op where writes are already durable
        """Make committed writes durable (no-op where writes are already durable)."""
