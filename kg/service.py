"""The application service: every operation of the knowledge graph, over injected adapters.

Both front ends (the ``kg`` CLI and the Flask app) call this class and nothing below it. It
validates every write against the shapes before committing it, atomically, and keeps the
store's version and modification time (for ETags and ``Last-Modified``).
"""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from .errors import Forbidden, InvalidInput, NotFound, ValidationFailed
from .iris import IRIs, parse_iri
from .mapping import MappedGraph, map_article_nt
from .model import ARTICLE_ID_RE, AnalysedArticle, Article
from .namespaces import ONTOLOGY_IRI, SHAPES_IRI
from .rdfconv import to_rdflib_graph
from .settings import Settings
from .sparql.executor import QueryExecutor, QueryJob, answer
from .sparql.protocol import Operation
from .sparql.results import Answer
from .sparql.tokens import add_protocol_dataset, analyse_query, analyse_update
from .store.base import Store
from .store.stack import run_on_large_stack
from .validation import ValidationReport, Validator

log = logging.getLogger(__name__)

Analyser = Callable[[Article], AnalysedArticle]


@dataclass
class IngestResult:
    article_id: str
    article_iri: str
    replaced: bool
    events: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    triples: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"ok": True, "article": self.article_iri, "id": self.article_id,
                "replaced": self.replaced, "events": self.events, "warnings": self.warnings,
                "triples": self.triples}


class StoreState:
    """The store's version counter, last modification time and small bookkeeping values,
    kept in ``state.json`` beside the store."""

    def __init__(self, path: Path | None):
        self.path = path
        self.version = 0
        self.last_modified = datetime.now(timezone.utc).replace(microsecond=0)
        self.meta: dict[str, Any] = {}
        if path is not None and path.is_file():
            try:
                data = json.loads(path.read_text("utf-8"))
                self.version = int(data["version"])
                self.last_modified = datetime.fromisoformat(data["last_modified"])
                self.meta = dict(data.get("meta") or {})
            except (ValueError, KeyError, TypeError):
                log.warning("ignoring unreadable store state file")

    def bump(self) -> None:
        self.version += 1
        self.last_modified = datetime.now(timezone.utc).replace(microsecond=0)
        self.save()

    def save(self) -> None:
        if self.path is not None:
            tmp = self.path.with_suffix(".tmp")
            tmp.write_text(json.dumps({"version": self.version,
                                       "last_modified": self.last_modified.isoformat(),
                                       "meta": self.meta}), "utf-8")
            os.replace(tmp, self.path)


class KnowledgeGraph:
    """The service. ``analyser`` turns an :class:`Article` into an :class:`AnalysedArticle`
    (the extraction pipeline); it is injected so that tests and front ends choose it."""

    def __init__(self, settings: Settings, store: Store, validator: Validator, *,
                 analyser: Analyser | None = None, state_path: Path | None = None):
        self.settings = settings
        self.store = store
        self.validator = validator
        self.analyser = analyser
        self.iris = IRIs(settings.base_iri)
        self.state = StoreState(state_path)
        self.write_lock = threading.RLock()
        self.after_write: list[Callable[[set[str]], None]] = []
        self.executor: QueryExecutor | None = None  # runs SPARQL queries with a time limit
        self.places = None  # kg.places.Places: which place lies inside which (optional)
        self.merger = None  # kg.merge.store.Merger, installed by kg.bootstrap
        self.timeline_index = None  # kg.timeline.index.TimelineIndex, installed by kg.bootstrap

    # -- articles -------------------------------------------------------------------------------

    def analyse(self, article: Article) -> AnalysedArticle:
        if self.analyser is None:
            raise InvalidInput("this service has no extraction pipeline configured; post "
                               "pre-annotated JSON (with 'events') instead")
        return self.analyser(article)

    def check_article_size(self, text: str) -> None:
        if len(text.encode("utf-8")) > self.settings.max_article_bytes:
            from .errors import PayloadTooLarge

            raise PayloadTooLarge(
                f"article text is larger than KG_MAX_ARTICLE_BYTES "
                f"({self.settings.max_article_bytes} bytes)")

    def build_graph(self, doc: AnalysedArticle) -> tuple[MappedGraph, ValidationReport]:
        """Map and validate without storing (``kg validate``, dry runs)."""
        self.check_article_size(doc.article.text)
        doc.check()
        graph = map_article_nt(doc, self.settings.base_iri)
        return graph, self.validator.validate(graph)

    def ingest_document(self, doc: AnalysedArticle) -> IngestResult:
        """Analyse the article unless it came pre-annotated, then :meth:`ingest` it."""
        self.check_article_size(doc.article.text)
        if not doc.annotated:
            doc = self.analyse(doc.article)
        return self.ingest(doc)

    def ingest(self, doc: AnalysedArticle) -> IngestResult:
        """Map, validate and store one analysed article as its own graph (replacing a previous
        version). Nothing is stored when validation fails."""
        graph, report = self.build_graph(doc)
        if not report.conforms:
            raise _validation_error(report)
        iri = self.iris.article(doc.article.id)
        with self.write_lock:
            replaced = self.store.graph_exists(iri)
            self.store.replace_graphs({iri: graph.ntriples})
            self._written({iri})
        events = [{"iri": self.iris.event(doc.article.id, ev.type, ev.trigger_start,
                                          ev.trigger_end),
                   "type": ev.type, "label": ev.label, "modality": ev.modality,
                   "time": ev.time.edtf or ev.time.value}
                  for ev in doc.events]
        return IngestResult(doc.article.id, iri, replaced, events, list(doc.warnings),
                            len(graph))

    def delete_article(self, article_id: str) -> None:
        if not ARTICLE_ID_RE.match(article_id):
            raise InvalidInput("invalid article id")
        iri = self.iris.article(article_id)
        with self.write_lock:
            if not self.store.graph_exists(iri):
                raise NotFound(f"no article with id {article_id!r}")
            self.store.replace_graphs({}, drop=[iri])
            self._written({iri})

    def article_summary(self, article_id: str) -> dict[str, Any]:
        """An article's metadata and its events, for the JSON API."""
        iri = self.iris.article(article_id)
        node = ox.NamedNode(iri)
        meta = next(iter(self.store.query(_ARTICLE_QUERY, substitutions={"a": node})), None)
        events = [{"iri": r["e"].value, "type": r["type"].value.rsplit("#", 1)[-1],
                   "label": r["label"].value,
                   "earliest": r["earliest"].value if r["earliest"] else None,
                   "latest": r["latest"].value if r["latest"] else None,
                   "precision": r["precision"].value.rsplit("#", 1)[-1],
                   "modality": r["modality"].value.rsplit("#", 1)[-1]}
                  for r in self.store.query(_ARTICLE_EVENTS_QUERY, substitutions={"a": node})]
        def val(name):
            return meta[name].value if meta is not None and meta[name] is not None else None
        return {"iri": iri, "id": article_id, "title": val("title"), "url": val("url"),
                "published": val("published"), "publisher": val("publisher"),
                "language": val("language"), "text_hash": val("hash"), "events": events}

    def article_exists(self, article_id: str) -> bool:
        return bool(ARTICLE_ID_RE.match(article_id)) and \
            self.store.graph_exists(self.iris.article(article_id))

    # -- graphs (Graph Store Protocol) ---------------------------------------------------------

    def graph_exists(self, graph: str | None) -> bool:
        if graph is None:
            return True
        return self.store.graph_exists(graph)

    def put_graph(self, graph: str | None, triples: list[ox.Triple], *, merge: bool = False
                  ) -> bool:
        """Replace (or with ``merge`` add to) a graph after validating its new content.
        Returns whether the graph existed before."""
        if graph is not None:
            parse_iri(graph, "graph")
        with self.write_lock:
            existed = self.graph_exists(graph) and (graph is None or
                                                    self.store.graph_exists(graph))
            new = list(self.store.triples(graph)) + triples if merge else triples
            report = self.validate_triples(new)
            if not report.conforms:
                raise _validation_error(report)
            self.store.replace_graphs({graph: new})
            self._written({graph or ""})
        return existed

    def delete_graph(self, graph: str | None) -> None:
        with self.write_lock:
            if graph is None:
                self.store.replace_graphs({None: []})
            else:
                if not self.store.graph_exists(graph):
                    raise NotFound("no such graph")
                self.store.replace_graphs({}, drop=[graph])
            self._written({graph or ""})

    def validate_triples(self, triples: Iterable[ox.Triple]) -> ValidationReport:
        """Validate a graph's new content together with the types of the nodes it references
        in the rest of the store (so that a reference to an article elsewhere checks out)."""
        return self.validator.validate(self._with_context(to_rdflib_graph(triples), self.store))

    @staticmethod
    def _with_context(graph: Graph, store: Store) -> Graph:
        """Add the ``rdf:type`` of the nodes the graph references but does not describe."""
        subjects = set(graph.subjects())
        referenced = sorted({str(o) for o in graph.objects()
                             if isinstance(o, URIRef) and o not in subjects})[:5000]
        if referenced:
            values = " ".join(str(parse_iri(r)) for r in referenced)
            result = store.query(f"SELECT ?s ?t WHERE {{ VALUES ?s {{ {values} }} ?s a ?t }}")
            for sol in result:
                graph.add((URIRef(sol["s"].value), RDF.type, URIRef(sol["t"].value)))
        return graph

    # -- reconciliation ----------------------------------------------------------------------------

    def reconcile(self, queries) -> dict[str, Any]:
        """Answer an OpenRefine reconciliation batch against the entity catalog."""
        from .linking.reconcile import reconcile

        catalog = getattr(self.analyser, "catalog", None)
        if catalog is None:
            raise NotFound("this service has no entity catalog")
        return reconcile(catalog(), queries, threshold=self.settings.link_threshold)

    # -- SPARQL ----------------------------------------------------------------------------------

    def sparql_query(self, op: Operation, accept=None, fmt: str | None = None, *,
                     base_iri: str | None = None) -> Answer:
        """Run a protocol query (read-only) and serialise its bounded answer.

        The dataset: the protocol's ``default-graph-uri``/``named-graph-uri`` when given (they
        override ``FROM``/``FROM NAMED``), else the query's ``FROM`` clauses, else the union of
        all graphs as default graph. Relative IRIs resolve against ``base_iri`` (the endpoint's
        URL)."""
        analysis = analyse_query(op.text, base_iri)
        self._check_remote(analysis.services, "SERVICE")
        kwargs: dict[str, Any] = {"base_iri": base_iri}
        if op.has_protocol_dataset:
            kwargs.update(default_graph_uris=op.default_graph_uris,
                          named_graph_uris=op.named_graph_uris)
        else:
            kwargs["union_default_graph"] = not analysis.has_dataset_clause
        job = QueryJob(op.text, kwargs, accept=None if accept is None else tuple(accept),
                       fmt=fmt, max_rows=self.settings.max_result_rows,
                       max_bytes=self.settings.max_result_bytes)
        reply = self.executor.run(job) if self.executor is not None else \
            run_on_large_stack(answer, self.store, job)
        return reply.to_answer()

    def sparql_update(self, op: Operation, *, base_iri: str | None = None) -> set[str | None]:
        """Run a SPARQL Update so that every graph it changes still conforms to the shapes;
        otherwise refuse it (422) and leave the store unchanged. Returns the changed graphs.

        The update runs on a cheap checkpoint of the store first; each graph it may change
        (:func:`~kg.sparql.tokens.analyse_update`) that differs afterwards is validated there,
        and exactly the validated content is then written to the store in one transaction. So
        functions such as ``RAND()`` or ``NOW()`` cannot make the stored result differ from the
        checked one, and a graph outside the analysis is never changed."""
        analysis = analyse_update(op.text, base_iri)
        self._check_remote(analysis.services, "SERVICE")
        self._check_remote(analysis.loads, "LOAD")
        text = add_protocol_dataset(op.text, analysis, op.using_graph_uris,
                                    op.using_named_graph_uris)
        with self.write_lock:
            with self.store.preview_update(text, base_iri=base_iri) as preview:
                candidates: set[str | None] = set(analysis.graphs)
                if analysis.all_graphs:
                    candidates |= set(self.store.named_graphs()) | \
                        set(preview.named_graphs()) | {None}
                replace: dict[str | None, list[ox.Triple]] = {}
                drop: list[str] = []
                for graph in sorted(candidates, key=lambda g: g or ""):
                    before = graph is None or self.store.graph_exists(graph)
                    if graph is not None and not preview.graph_exists(graph):
                        if before:
                            drop.append(graph)
                        continue
                    after = list(preview.triples(graph))
                    if before and set(after) == set(self.store.triples(graph)):
                        continue
                    if after:
                        report = self.validator.validate(
                            self._with_context(to_rdflib_graph(after), preview))
                        if not report.conforms:
                            raise _validation_error(report)
                    replace[graph] = after
            if not replace and not drop:
                return set()
            self.store.replace_graphs(replace, drop=drop)
            changed = set(replace) | set(drop)
            self._written({g or "" for g in changed})
        return changed

    def _check_remote(self, targets: list[str], what: str) -> None:
        allowed = self.settings.allowed_remote_prefixes
        for target in targets:
            if not any(target.startswith(prefix) for prefix in allowed):
                raise Forbidden(f"{what} {target} is not allowed on this endpoint (see "
                                "KG_SERVICE_ALLOWLIST)")

    # -- ontology --------------------------------------------------------------------------------

    def load_ontology(self, ontology_dir: Path) -> None:
        """Load the ontology and the shapes into their own named graphs, when they changed."""
        import hashlib

        files = (("timeline.ttl", ONTOLOGY_IRI), ("shapes.ttl", SHAPES_IRI))
        digest = hashlib.sha256(b"".join((ontology_dir / name).read_bytes()
                                         for name, _ in files)).hexdigest()
        if self.state.meta.get("ontology_sha256") == digest and \
                all(self.store.graph_exists(iri) for _, iri in files):
            return
        graphs = {iri: [q.triple for q in ox.parse(path=str(ontology_dir / name),
                                                   format=ox.RdfFormat.TURTLE)]
                  for name, iri in files}
        with self.write_lock:
            self.store.replace_graphs(graphs)
            self.state.meta["ontology_sha256"] = digest
            self._written(set(graphs))

    def close(self) -> None:
        """Release the store and the analyser's catalog (the CLI calls this when a command
        ends)."""
        close = getattr(self.analyser, "close", None)
        if close is not None:
            close()
        if self.executor is not None:
            self.executor.close()
        self.store.close()

    def __enter__(self) -> KnowledgeGraph:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- bookkeeping -----------------------------------------------------------------------------

    def _written(self, graphs: set[str]) -> None:
        self.state.bump()
        for hook in self.after_write:
            hook(graphs)

    def stats(self) -> dict[str, Any]:
        """Counts for the home page and the VoID description."""
        counts = next(iter(self.store.query(
            "PREFIX tl: <https://w3id.org/timeline-kg/ontology#> "
            "SELECT (COUNT(DISTINCT ?article) AS ?articles) (COUNT(DISTINCT ?event) AS ?events) "
            "WHERE { { ?article a tl:NewsArticle } UNION { ?event a tl:Event } }")))
        span = next(iter(self.store.query(
            "PREFIX tl: <https://w3id.org/timeline-kg/ontology#> "
            "SELECT (MIN(?day) AS ?from) (MAX(?day) AS ?to) WHERE { ?event a tl:Event ; "
            "tl:earliest|tl:latest ?t BIND (SUBSTR(STR(?t), 1, 10) AS ?day) }")))
        entities = next(iter(self.store.query(
            "PREFIX tl: <https://w3id.org/timeline-kg/ontology#> "
            "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { { ?e a tl:Agent } UNION "
            "{ ?e a tl:Place } }")))["n"]
        linked = next(iter(self.store.query(
            "PREFIX owl: <http://www.w3.org/2002/07/owl#> SELECT (COUNT(DISTINCT ?e) AS ?n) "
            "WHERE { ?e owl:sameAs ?wd FILTER STRSTARTS(STR(?wd), "
            "'http://www.wikidata.org/entity/') }")))["n"]
        return {
            "triples": len(self.store),
            "articles": int(counts["articles"].value),
            "events": int(counts["events"].value),
            "entities": int(entities.value),
            "linked_entities": int(linked.value),
            "from": span["from"].value if span["from"] is not None else None,
            "to": span["to"].value if span["to"] is not None else None,
            "version": self.state.version,
            "last_modified": self.state.last_modified.isoformat(),
        }


_ARTICLE_QUERY = """
PREFIX tl: <https://w3id.org/timeline-kg/ontology#>
PREFIX schema: <http://schema.org/>
SELECT ?a ?title ?url ?published ?publisher ?language ?hash WHERE {
  GRAPH ?a { ?a a tl:NewsArticle ; tl:textHash ?hash .
    OPTIONAL { ?a schema:headline ?title } OPTIONAL { ?a schema:url ?url }
    OPTIONAL { ?a schema:datePublished ?published }
    OPTIONAL { ?a tl:publisherName ?publisher } OPTIONAL { ?a schema:inLanguage ?language } }
}"""

_ARTICLE_EVENTS_QUERY = """
PREFIX tl: <https://w3id.org/timeline-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?a ?e ?type ?label ?earliest ?latest ?precision ?modality WHERE {
  GRAPH ?a { ?e a tl:Event ; tl:eventType ?type ; rdfs:label ?label ; tl:precision ?precision ;
                tl:modality ?modality ; tl:trigger/tl:begin ?begin .
    OPTIONAL { ?e tl:earliest ?earliest } OPTIONAL { ?e tl:latest ?latest } }
} ORDER BY ?begin"""


def _validation_error(report: ValidationReport) -> ValidationFailed:
    """A 422 listing every violation; the report graph rides along for Turtle on request."""
    n = len(report.results)
    first = report.results[0]["message"] if report.results else "constraint violated"
    exc = ValidationFailed(
        f"the data does not conform to the shapes ({n} violation{'s' * (n != 1)}; first: "
        f"{first})", errors=report.results)
    exc.report = report  # type: ignore[attr-defined]
    return exc
