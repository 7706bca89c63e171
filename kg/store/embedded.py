"""The embedded backend: a pyoxigraph (RocksDB) store in a local folder."""

from __future__ import annotations

import contextlib
import tempfile
import threading
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from ..errors import BadRequest, QuerySyntaxError, StoreError
from ..iris import parse_iri
from .base import QueryResult, Store, add_triples_update, ntriples_text, replace_graphs_update
from .stack import run_on_large_stack


class EmbeddedStore(Store):
    """pyoxigraph on disk (or in memory when ``path`` is None). Writes are serialised by a lock
    and each is one pyoxigraph transaction."""

    kind = "embedded"

    def __init__(self, path: Path | None):
        self.path = path
        try:
            if path is None:
                self._store = ox.Store()
            else:
                path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(path))
        except OSError as exc:
            hint = " (is another process, such as `kg serve`, using it?)" \
                if "lock" in str(exc).lower() else ""
            raise StoreError(f"the store at {path} could not be opened{hint}") from exc
        self._write_lock = threading.Lock()

    @classmethod
    def open_read_only(cls, path: Path) -> EmbeddedStore:
        """A read-only view of a store folder no other process writes (a snapshot)."""
        store = cls.__new__(cls)
        store.path = path
        try:
            store._store = ox.Store.read_only(str(path))
        except OSError as exc:
            raise StoreError(f"the store at {path} could not be opened") from exc
        store._write_lock = threading.Lock()
        return store

    @property
    def raw(self) -> ox.Store:
        """The pyoxigraph store itself (for bulk loads and backups)."""
        return self._store

    def query(self, sparql, *, substitutions=None, default_graph_uris=None,
              named_graph_uris=None, base_iri=None, union_default_graph=True) -> QueryResult:
        kwargs: dict = {"base_iri": base_iri}
        if substitutions:
            kwargs["substitutions"] = {ox.Variable(k): v for k, v in substitutions.items()}
        if default_graph_uris is not None or named_graph_uris is not None:
            # A protocol dataset replaces the query's FROM/FROM NAMED entirely: a list left out
            # is empty (no default-graph-uri: an empty default graph), never "the store's".
            kwargs["default_graph"] = [parse_iri(g, "default-graph-uri")
                                       for g in default_graph_uris or []]
            kwargs["named_graphs"] = [parse_iri(g, "named-graph-uri")
                                      for g in named_graph_uris or []]
        else:
            kwargs["use_default_graph_as_union"] = union_default_graph
        try:
            return self._store.query(sparql, **kwargs)
        except SyntaxError as exc:
            raise QuerySyntaxError(f"SPARQL syntax error: {exc}") from None

    def graph_exists(self, graph: str) -> bool:
        return self._store.contains_named_graph(parse_iri(graph, "graph"))

    def triples(self, graph: str | None) -> Iterator[ox.Triple]:
        g = ox.DefaultGraph() if graph is None else parse_iri(graph, "graph")
        for q in self._store.quads_for_pattern(None, None, None, g):
            yield q.triple

    def named_graphs(self) -> Iterator[str]:
        for g in self._store.named_graphs():
            if isinstance(g, ox.NamedNode):
                yield g.value

    def dump(self, output: BinaryIO, fmt: ox.RdfFormat, graph: str | None = None,
             all_graphs: bool = False, prefixes: dict[str, str] | None = None) -> None:
        if all_graphs:
            if fmt.supports_datasets:
                self._store.dump(output, fmt, prefixes=prefixes)
            else:
                # Streamed straight from the index: a triple kept in several graphs may be
                # written more than once (the same RDF graph once parsed). Merging them (a
                # CONSTRUCT over the union) would hold every triple in memory.
                ox.serialize((q.triple for q in
                              self._store.quads_for_pattern(None, None, None, None)),
                             output, fmt, prefixes=prefixes)
            return
        g = ox.DefaultGraph() if graph is None else parse_iri(graph, "graph")
        if fmt.supports_datasets:
            ox.serialize(self._store.quads_for_pattern(None, None, None, g), output, fmt,
                         prefixes=prefixes)
        else:
            self._store.dump(output, fmt, from_graph=g, prefixes=prefixes)

    def __len__(self) -> int:
        return len(self._store)

    def replace_graphs(self, graphs: Mapping[str | None, Iterable[ox.Triple] | str],
                       drop: Iterable[str] = ()) -> None:
        sparql = replace_graphs_update(graphs, drop)
        if sparql:
            self._run_update(sparql)

    def add_triples(self, graph: str | None, triples: Iterable[ox.Triple]) -> None:
        sparql = add_triples_update(graph, ntriples_text(triples))
        if sparql:
            self._run_update(sparql)

    def update(self, sparql: str, *, base_iri: str | None = None) -> None:
        self._run_update(sparql, base_iri=base_iri)

    def _run_update(self, sparql: str, base_iri: str | None = None) -> None:
        with self._write_lock:
            try:
                run_on_large_stack(self._update_now, sparql, base_iri)
            except SyntaxError as exc:
                raise QuerySyntaxError(f"SPARQL Update syntax error: {exc}") from None
            except RuntimeError as exc:
                # the update itself failed (DROP of a missing graph without SILENT, CREATE of
                # one that exists...): the request's fault, and nothing was changed
                error = BadRequest(f"the update failed: {str(exc).splitlines()[0][:300]}")
                error.code = "update_failed"
                raise error from None
            except OSError as exc:
                raise StoreError() from exc

    def _update_now(self, sparql: str, base_iri: str | None) -> None:
        # through ``self``: an exception's traceback then holds this object, not the raw store,
        # which close() releases (a store kept open by a traceback keeps its files busy)
        self._store.update(sparql, base_iri=base_iri)

    @contextlib.contextmanager
    def preview_update(self, sparql: str, *, base_iri: str | None = None):
        """Apply the update to a copy of the store and yield it: a checkpoint (cheap: hard
        links) for an on-disk store, a copy in memory for an in-memory one."""
        if self.path is None:
            preview = EmbeddedStore(None)
            for graph in self._store.named_graphs():
                preview.raw.add_graph(graph)
            preview.raw.extend(self._store.quads_for_pattern(None, None, None, None))
            try:
                preview.update(sparql, base_iri=base_iri)
                yield preview
            finally:
                preview.close()
            return
        with tempfile.TemporaryDirectory(prefix="preview-", dir=self.path.parent) as tmp:
            target = Path(tmp) / "store"
            self._store.backup(str(target))
            preview = EmbeddedStore(target)
            try:
                preview.update(sparql, base_iri=base_iri)
                yield preview
            finally:
                preview.close()

    def flush(self) -> None:
        self._store.flush()

    def backup(self, target: Path) -> None:
        """A consistent copy of the store in ``target`` (hard links where possible)."""
        self._store.backup(str(target))

    def close(self) -> None:
        self._store = None  # type: ignore[assignment]

