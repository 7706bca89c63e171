"""The remote backend: any SPARQL 1.1 store over HTTP (Oxigraph server, Fuseki, GraphDB,
Virtuoso, QLever, Neptune).

Reads are SPARQL queries whose answers are parsed by pyoxigraph, so callers get the same result
objects as from the embedded store. Writes are one Graph Store Protocol ``PUT`` per graph or one
SPARQL Update request (atomic on every store that runs an update request in one transaction).
The ``oxigraph`` flavour also uses Oxigraph's extensions: the ``union-default-graph`` query
parameter and the whole-dataset N-Quads export and import at the Graph Store URL.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import IO, BinaryIO
from urllib.parse import urljoin, urlsplit

import pyoxigraph as ox

from ..errors import (
    BackendUnavailable,
    BadRequest,
    ConfigError,
    QuerySyntaxError,
    StoreError,
)
from ..iris import parse_iri
from .base import QueryResult, Store, add_triples_update, ntriples_text, replace_graphs_update
from .transport import HttpTransport, Reply

log = logging.getLogger(__name__)

_ACCEPT_QUERY = ("application/sparql-results+json, application/n-triples;q=0.9, "
                 "text/turtle;q=0.8, application/sparql-results+xml;q=0.7, "
                 "application/rdf+xml;q=0.6")
_RESULT_FORMATS = {"application/sparql-results+json": ox.QueryResultsFormat.JSON,
                   "application/json": ox.QueryResultsFormat.JSON,
                   "application/sparql-results+xml": ox.QueryResultsFormat.XML,
                   "application/xml": ox.QueryResultsFormat.XML,
                   "text/tab-separated-values": ox.QueryResultsFormat.TSV}
_GRAPH_FORMATS = {"application/n-triples": ox.RdfFormat.N_TRIPLES,
                  "text/plain": ox.RdfFormat.N_TRIPLES, "text/turtle": ox.RdfFormat.TURTLE,
                  "application/rdf+xml": ox.RdfFormat.RDF_XML,
                  "application/n-quads": ox.RdfFormat.N_QUADS}
_NT = "application/n-triples"
_NQ = "application/n-quads"


@dataclass(frozen=True)
class Endpoints:
    """Where the store answers: query, update, and (optionally) Graph Store Protocol URLs."""

    query: str
    update: str
    gsp: str | None

    @classmethod
    def from_settings(cls, settings) -> Endpoints:
        """From ``KG_STORE`` (``sparql+http://host:port/path/``, Oxigraph's layout) and the
        explicit ``KG_STORE_*_URL`` settings, which win."""
        query = update = gsp = ""
        if settings.store:
            url = settings.store
            if not url.startswith(("sparql+http://", "sparql+https://")):
                raise ConfigError("KG_STORE must be a sparql+http:// or sparql+https:// URL "
                                  "(or empty for the embedded store)")
            base = url.removeprefix("sparql+")
            if not base.endswith("/"):
                base += "/"
            query, update, gsp = (urljoin(base, "query"), urljoin(base, "update"),
                                  urljoin(base, "store"))
        query = settings.store_query_url or query
        update = settings.store_update_url or update
        gsp = settings.store_gsp_url or gsp
        if gsp.lower() == "none":
            gsp = ""
        for name, value in (("query", query), ("update", update), ("Graph Store", gsp)):
            if value and (urlsplit(value).scheme not in ("http", "https") or
                          not urlsplit(value).netloc):
                raise ConfigError(f"the remote store's {name} URL must be an http(s) URL")
        if not query or not update:
            raise ConfigError("a remote store needs a query and an update URL: set KG_STORE, "
                              "or KG_STORE_QUERY_URL and KG_STORE_UPDATE_URL")
        return cls(query, update, gsp or None)


def is_remote(settings) -> bool:
    """Whether the settings name a remote store."""
    return bool(settings.store or settings.store_query_url)


class RemoteStore(Store):
    """A SPARQL 1.1 store over HTTP. Thread-safe: each thread keeps its own connection."""

    kind = "remote"

    def __init__(self, endpoints: Endpoints, *, flavour: str = "oxigraph",
                 transport: HttpTransport | None = None, query_timeout: float = 30.0):
        if flavour not in ("oxigraph", "generic"):
            raise ConfigError("KG_STORE_FLAVOUR must be 'oxigraph' or 'generic'")
        self.endpoints = endpoints
        self.flavour = flavour
        self.http = transport or HttpTransport()
        self.query_timeout = query_timeout

    @classmethod
    def from_settings(cls, settings) -> RemoteStore:
        transport = HttpTransport(user=settings.store_user, password=settings.store_password,
                                  token=settings.store_token, timeout=settings.store_timeout,
                                  retries=settings.store_retries)
        return cls(Endpoints.from_settings(settings), flavour=settings.store_flavour,
                   transport=transport, query_timeout=settings.query_timeout)

    @property
    def oxigraph(self) -> bool:
        return self.flavour == "oxigraph"

    # -- reads -----------------------------------------------------------------------------------

    def query(self, sparql, *, substitutions=None, default_graph_uris=None,
              named_graph_uris=None, base_iri=None, union_default_graph=True) -> QueryResult:
        if substitutions:
            from .values import bind_values

            sparql = bind_values(sparql, substitutions)
        if base_iri:
            sparql = f"BASE {parse_iri(base_iri, 'base IRI')}\n{sparql}"
        params: list[tuple[str, str]] = []
        if default_graph_uris is not None or named_graph_uris is not None:
            params += [("default-graph-uri", parse_iri(g, "default-graph-uri").value)
                       for g in default_graph_uris or []]
            params += [("named-graph-uri", parse_iri(g, "named-graph-uri").value)
                       for g in named_graph_uris or []]
        elif union_default_graph and self.oxigraph:
            params.append(("union-default-graph", ""))
        status, ctype, data = self.http.fetch(
            "POST", self.endpoints.query, params=params,
            headers={"Content-Type": "application/sparql-query; charset=utf-8",
                     "Accept": _ACCEPT_QUERY},
            body=sparql.encode("utf-8"), timeout=self.query_timeout, query=True)
        if status >= 400:
            _raise_for(Reply(status, {}, data.read(4096)), "query")
        return _parse_answer(data, ctype)

    def graph_exists(self, graph: str) -> bool:
        name = parse_iri(graph, "graph")
        if self.endpoints.gsp:
            reply = self.http.request("HEAD", self.endpoints.gsp,
                                      params=[("graph", name.value)])
            if reply.status in (200, 204):
                return True
            if reply.status == 404:
                return False
            _raise_for(reply, "graph check")
        return bool(self.query("ASK { GRAPH ?g { ?s ?p ?o } }", substitutions={"g": name}))

    def triples(self, graph: str | None) -> Iterator[ox.Triple]:
        if graph is None and not self.oxigraph:
            raise BadRequest("this store's default graph is the union of its named graphs; "
                             "name a graph")
        if self.endpoints.gsp:
            params = [("default", "")] if graph is None else \
                [("graph", parse_iri(graph, "graph").value)]
            status, _, data = self.http.fetch("GET", self.endpoints.gsp, params=params,
                                              headers={"Accept": _NT})
            if status == 404:
                return iter(())
            if status >= 400:
                _raise_for(Reply(status, {}, data.read(4096)), "graph read")
            return (q.triple for q in ox.parse(data, format=ox.RdfFormat.N_TRIPLES))
        if graph is None:
            result = self.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
                                union_default_graph=False)
        else:
            result = self.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }",
                                substitutions={"g": parse_iri(graph, "graph")})
        return iter(result)

    def named_graphs(self) -> Iterator[str]:
        q = "SELECT DISTINCT ?g WHERE { GRAPH ?g { } }" if self.oxigraph else \
            "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
        for row in self.query(q):
            if isinstance(row["g"], ox.NamedNode):
                yield row["g"].value

    def dump(self, output: BinaryIO, fmt: ox.RdfFormat, graph: str | None = None,
             all_graphs: bool = False, prefixes: dict[str, str] | None = None) -> None:
        """Streams the store's own export; ``prefixes`` abbreviate IRIs in the formats that
        have prefixes (N-Triples and N-Quads pass through unchanged)."""
        kw = {"prefixes": prefixes} if prefixes else {}
        if all_graphs and fmt.supports_datasets:
            if self.oxigraph and self.endpoints.gsp:
                self._export(output, fmt, self.endpoints.gsp, [], {"Accept": _NQ},
                             ox.RdfFormat.N_QUADS, "GET", **kw)
            else:
                rows = self.query("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
                ox.serialize((ox.Quad(r["s"], r["p"], r["o"], r["g"]) for r in rows),
                             output, fmt, **kw)
            return
        if all_graphs:
            params = [("union-default-graph", "")] if self.oxigraph else []
            self._export(output, fmt, self.endpoints.query, params,
                         {"Accept": _NT, "Content-Type": "application/sparql-query"},
                         ox.RdfFormat.N_TRIPLES, "POST",
                         body=b"CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", **kw)
            return
        if fmt == ox.RdfFormat.N_TRIPLES and self.endpoints.gsp and graph is not None:
            self._export(output, fmt, self.endpoints.gsp,
                         [("graph", parse_iri(graph, "graph").value)], {"Accept": _NT},
                         ox.RdfFormat.N_TRIPLES, "GET")
            return
        triples = self.triples(graph)
        if fmt.supports_datasets:
            g = ox.DefaultGraph() if graph is None else parse_iri(graph, "graph")
            ox.serialize((ox.Quad(t.subject, t.predicate, t.object, g) for t in triples),
                         output, fmt, **kw)
        else:
            ox.serialize(triples, output, fmt, **kw)

    def _export(self, output: BinaryIO, fmt: ox.RdfFormat, url: str, params, headers,
                source: ox.RdfFormat, method: str, body: bytes | None = None,
                prefixes: dict[str, str] | None = None) -> None:
        """Stream the store's own export to ``output``: copied byte for byte when it is
        already in ``fmt``, else parsed and re-serialised on the fly."""
        with self.http.stream(method, url, params=params, headers=headers, body=body,
                              timeout=max(self.http.timeout, self.query_timeout)) as resp:
            if resp.status >= 400:
                _raise_for(Reply(resp.status, {}, resp.read()), "export")
            if fmt == source:
                shutil.copyfileobj(resp, output, 256 * 1024)
                return
            kw = {"prefixes": prefixes} if prefixes else {}
            if source.supports_datasets or not fmt.supports_datasets:
                ox.serialize(ox.parse(resp, format=source), output, fmt, **kw)
            else:
                ox.serialize((ox.Quad(q.subject, q.predicate, q.object)
                              for q in ox.parse(resp, format=source)), output, fmt, **kw)

    def __len__(self) -> int:
        q = "SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }" \
            if self.oxigraph else "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
        row = next(iter(self.query(q, union_default_graph=False)))
        return int(row["n"].value)

    # -- writes ----------------------------------------------------------------------------------

    def replace_graphs(self, graphs: Mapping[str | None, Iterable[ox.Triple] | str],
                       drop: Iterable[str] = ()) -> None:
        drop = list(drop)
        if len(graphs) == 1 and not drop and self.endpoints.gsp:
            (graph, triples), = graphs.items()
            if graph is not None or self.oxigraph:
                self._put(graph, triples)
                return
        if None in graphs:
            self._check_default_writable()
        sparql = replace_graphs_update(graphs, drop)
        if sparql:
            self._update(sparql, idempotent=True)

    def _put(self, graph: str | None, triples: Iterable[ox.Triple] | str) -> None:
        """One Graph Store Protocol PUT: the graph's whole new content, atomically."""
        params = [("default", "")] if graph is None else \
            [("graph", parse_iri(graph, "graph").value)]
        body = triples.encode("utf-8") if isinstance(triples, str) else \
            ox.serialize(list(triples), format=ox.RdfFormat.N_TRIPLES)
        reply = self.http.request("PUT", self.endpoints.gsp, params=params, body=body,
                                  headers={"Content-Type": _NT})
        if reply.status >= 400:
            _raise_for(reply, "graph write")

    def add_triples(self, graph: str | None, triples: Iterable[ox.Triple]) -> None:
        if graph is None:
            self._check_default_writable()
        body = ntriples_text(triples)
        if self.endpoints.gsp and (graph is not None or self.oxigraph):
            params = [("default", "")] if graph is None else \
                [("graph", parse_iri(graph, "graph").value)]
            reply = self.http.request("POST", self.endpoints.gsp, params=params,
                                      body=body.encode("utf-8"),
                                      headers={"Content-Type": _NT}, idempotent=True)
            if reply.status >= 400:
                _raise_for(reply, "graph write")
            return
        sparql = add_triples_update(graph, body)
        if sparql:
            self._update(sparql, idempotent=True)

    def update(self, sparql: str, *, base_iri: str | None = None) -> None:
        if base_iri:
            sparql = f"BASE {parse_iri(base_iri, 'base IRI')}\n{sparql}"
        self._update(sparql, idempotent=False)

    def _update(self, sparql: str, *, idempotent: bool) -> None:
        reply = self.http.request("POST", self.endpoints.update, body=sparql.encode("utf-8"),
                                  headers={"Content-Type": "application/sparql-update; "
                                                           "charset=utf-8"},
                                  idempotent=idempotent)
        if reply.status >= 400:
            _raise_for(reply, "update")

    def _check_default_writable(self) -> None:
        if not self.oxigraph:
            raise BadRequest("this store's default graph is the union of its named graphs; "
                             "write to a named graph instead")

    def preview_update(self, sparql: str, *, base_iri: str | None = None):
        """Apply the update to an in-memory copy of the graphs it reads and writes (see
        :mod:`kg.store.preview`); refuses (400) updates whose graphs cannot be known."""
        from .preview import preview_remote_update

        return preview_remote_update(self, sparql, base_iri=base_iri)

    # -- bulk ------------------------------------------------------------------------------------

    def load_dataset(self, data: IO[bytes], graphs: list[str]) -> None:
        """Load an N-Quads file whose named graphs are ``graphs``, replacing those graphs.

        Oxigraph: one update dropping them, then one ``POST`` of the whole file to the Graph
        Store URL (a dataset request). Other stores: one ``PUT`` per graph."""
        if self.oxigraph and self.endpoints.gsp:
            for i in range(0, len(graphs), 2000):
                names = graphs[i:i + 2000]
                self._update(" ;\n".join(f"DROP SILENT GRAPH {parse_iri(g, 'graph')}"
                                         for g in names), idempotent=True)
            reply = self.http.request("POST", self.endpoints.gsp, body=data,
                                      headers={"Content-Type": _NQ},
                                      timeout=max(self.http.timeout, 600.0))
            if reply.status >= 400:
                _raise_for(reply, "load")
            return
        by_graph: dict[str, list[ox.Triple]] = {}
        for q in ox.parse(data, format=ox.RdfFormat.N_QUADS):
            if isinstance(q.graph_name, ox.NamedNode):
                by_graph.setdefault(q.graph_name.value, []).append(q.triple)
        for graph, triples in by_graph.items():
            if self.endpoints.gsp:
                self._put(graph, triples)
            else:
                self.replace_graphs({graph: triples})

    def close(self) -> None:
        self.http.close()


def _parse_answer(data: IO[bytes], ctype: str) -> QueryResult:
    """pyoxigraph result objects from a query answer's body."""
    if ctype in _RESULT_FORMATS:
        try:
            return ox.parse_query_results(data, format=_RESULT_FORMATS[ctype])
        except SyntaxError:
            raise StoreError("the store sent an unreadable query answer") from None
    if ctype in _GRAPH_FORMATS:
        # A CONSTRUCT or DESCRIBE answer: pass it through an in-memory store so that callers
        # get a pyoxigraph QueryTriples like the embedded store returns.
        scratch = ox.Store()
        try:
            scratch.load(data, format=_GRAPH_FORMATS[ctype], to_graph=ox.DefaultGraph())
        except SyntaxError:
            raise StoreError("the store sent an unreadable query answer") from None
        return scratch.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    raise StoreError(f"the store answered a query with an unexpected media type {ctype!r}")


def _raise_for(reply: Reply, what: str):
    """Turn a store's error status into our error classes (never echoing credentials: the
    store's own message is shown only for client faults, cut to 500 characters)."""
    status = reply.status
    if status == 400:
        message = reply.text()
        raise QuerySyntaxError(f"the store refused the {what}: {message}" if message
                               else f"the store refused the {what}")
    if status in (401, 403):
        log.error("the store refused our credentials (%d) for a %s; check KG_STORE_USER, "
                  "KG_STORE_PASSWORD or KG_STORE_TOKEN", status, what)
        raise StoreError("the store refused the service's credentials")
    if status in (502, 503, 504):
        log.warning("the store answered %d to a %s", status, what)
        raise BackendUnavailable()
    if status == 413:
        raise BadRequest(f"the store refused the {what} as too large")
    log.error("the store answered %d to a %s: %s", status, what, reply.text(200))
    raise StoreError(f"the store answered {status} to a {what}")


