"""The timeline index: one precomputed entry per timeline row, in ``{base}graph/timeline``.

:class:`TimelineIndex` keeps the graph equal to what :meth:`~TimelineIndex.rebuild` would write
(entries from :mod:`.entries`, a count per facet and per month, a format marker). After every
write (``KnowledgeGraph.after_write``, installed after the merger's hook so that it sees the
canonical events re-merged) it recomputes the entries the write can have changed: the events
stated in the written graphs, the index nodes computed from those graphs, and, closed under
aggregation, the canonical events and members around them. Entries and counts change in one
update, validated against the shapes first, like every write.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Iterable

import pyoxigraph as ox

from ..errors import ValidationFailed
from ..iris import parse_iri
from ..model import QID_RE
from ..namespaces import ONTOLOGY_IRI, SHAPES_IRI, SPARQL_PREFIXES, XSD_DATETIME
from ..store.values import iri_values
from . import entries as en
from .entries import Entry, Facts, Ref

log = logging.getLogger(__name__)

TL = en.TL
WD = en.WD
_CHUNK = 300
_VALIDATE_LINES = 200_000
_PRECISION = {f"{TL}{k}": v for k, v in {
    "Second": "second", "Minute": "minute", "Hour": "hour", "PartOfDay": "part_of_day",
    "Day": "day", "Week": "week", "Month": "month", "Season": "season", "Quarter": "quarter",
    "HalfYear": "half_year", "Year": "year", "Decade": "decade", "Century": "century",
    "UnknownPrecision": "unknown"}.items()}

PREFIXES = SPARQL_PREFIXES
# $VALUES$ blocks sit inside GRAPH and predicates are filtered, not joined with VALUES: so
# Oxigraph binds the listed nodes first (otherwise it scanned every graph: 100x slower).
# Facts are read graph by graph (a place's Wikidata items as the graph that places the event
# there describes them), so that every index node knows the graphs it depends on.
FACTS = PREFIXES + """
SELECT ?e ?g ?p ?o WHERE {
  GRAPH ?g { $VALUES$ ?e ?p ?o
    FILTER (?p IN (rdf:type, tl:precision, tl:earliest, tl:latest, tl:eventType, rdfs:label,
                   prov:wasDerivedFrom, tl:aggregates)) }
}"""
SENTENCES = PREFIXES + """
SELECT ?e ?g ?text WHERE { GRAPH ?g { $VALUES$ ?e tl:sentence ?s . ?s tl:anchorOf ?text } }"""
REFS = PREFIXES + """
SELECT ?e ?g ?kind ?x ?wd WHERE { GRAPH ?g {
  $VALUES$
  { ?e sem:hasPlace ?x BIND ("place" AS ?kind) OPTIONAL { ?x owl:sameAs|tl:country ?wd } }
  UNION { ?e tl:hasParticipant ?x BIND ("actor" AS ?kind) OPTIONAL { ?x owl:sameAs ?wd } }
} }"""
AGGREGATED = PREFIXES + """
SELECT DISTINCT ?e WHERE { GRAPH ?g { $VALUES$ ?c tl:aggregates ?e } }"""
ALL_NODES = PREFIXES + """
SELECT DISTINCT ?e WHERE { GRAPH ?g { { ?e a tl:Event } UNION { ?e tl:aggregates ?m } }
  FILTER isIRI(?e) }"""
# A graph's nodes: its subjects (then those typed as events anywhere, see EVENTS_AMONG) and
# both ends of its aggregations. Two queries: joined in one, Oxigraph scanned every event.
SUBJECTS_IN_GRAPH = PREFIXES + """
SELECT DISTINCT ?e WHERE { GRAPH $G$ { ?e ?p ?o } FILTER isIRI(?e) }"""
EVENTS_AMONG = PREFIXES + """
SELECT DISTINCT ?e WHERE { GRAPH ?h { $VALUES$ ?e a tl:Event } }"""
AGGREGATION_IN_GRAPH = PREFIXES + """
SELECT DISTINCT ?e WHERE {
  { GRAPH $G$ { ?e tl:aggregates ?m } } UNION { GRAPH $G$ { ?c tl:aggregates ?e } }
  FILTER isIRI(?e)
}"""
AROUND = PREFIXES + """
SELECT DISTINCT ?e WHERE {
  { GRAPH ?g { $VALUES$ ?e tl:aggregates ?m } } UNION { GRAPH ?g { $VALUES$ ?m tl:aggregates ?e } }
  UNION { GRAPH $INDEX$ { $VALUES$ ?x tl:covers ?m ; tl:entryOf ?e } }
  UNION { GRAPH $INDEX$ { $VALUES$ ?y tl:entryOf ?m ; tl:covers ?e } }
  FILTER isIRI(?e)
}"""
TRACED_FROM = PREFIXES + """
SELECT ?e WHERE { GRAPH $INDEX$ { ?x tl:sourceGraph $G$ ; tl:entryOf ?e } }"""
STORED = PREFIXES + """
SELECT ?x ?b ?k WHERE { GRAPH $INDEX$ { $VALUES$ ?x tl:entryBucket ?b ; tl:entryKey ?k } }"""
# Count nodes are looked up by their IRIs (minted from the key): by the key literal, Oxigraph
# scanned every facet.
COUNTS = PREFIXES + """
SELECT ?c ?n WHERE { GRAPH $INDEX$ { $VALUES$ ?c tl:entryCount ?n } }"""
FORMAT = PREFIXES + """
SELECT ?v WHERE { GRAPH $INDEX$ { ?i tl:indexFormat ?v } }"""



def _chunks(items: list, size: int = _CHUNK):
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _qid(iri: str) -> str | None:
    if iri.startswith(WD) and QID_RE.match(iri[len(WD):]):
        return iri[len(WD):]
    return None


class TimelineIndex:
    """Maintains the timeline index graph of a :class:`~kg.service.KnowledgeGraph`.

    ``places`` (see :mod:`kg.places`) says which places contain which: an entry lists, among
    its place facets, every place that contains one of its places, so that a place filter is a
    single look-up. With another catalog the index must be rebuilt (``kg merge`` does)."""

    def __init__(self, kg, places=None):
        self.kg = kg
        self.places = places
        self.base = kg.settings.base_iri
        self.graph = graph_iri(self.base)
        self._index = str(parse_iri(self.graph))

    @property
    def ancestors(self):
        find = getattr(self.places, "ancestors", None)
        return (lambda q: list(find(q))) if find is not None else None

    # -- the hook ------------------------------------------------------------------------------

    def after_write(self, graphs: set[str]) -> None:
        """``KnowledgeGraph.after_write`` hook. A write to all graphs or to the index graph
        itself rebuilds it; the ontology and shapes graphs hold no events. Never fails the
        write it follows: a failure is logged and ``kg merge`` rebuilds the index."""
        try:
            self.update(graphs)
        except Exception:  # noqa: BLE001 - the write itself has succeeded
            log.exception("updating the timeline index after a write to %s failed; run "
                          "`kg merge`", ", ".join(sorted(graphs))[:500])

    def update(self, graphs: set[str]) -> int:
        """Bring the index up to date after a write to ``graphs``; returns how many events
        were recomputed."""
        if "*" in graphs or self.graph in graphs:
            return self.rebuild()
        graphs = {g for g in graphs if g and g not in (ONTOLOGY_IRI, SHAPES_IRI)}
        if not graphs:
            return 0
        with self.kg.write_lock:
            affected = self.affected(graphs)
            self._apply(affected)
            return len(affected)

    def ensure(self) -> bool:
        """Rebuild the index when it is missing or in an older format; True if it did."""
        rows = list(self.kg.store.query(FORMAT.replace("$INDEX$", self._index)))
        if rows and rows[0]["v"].value == en.INDEX_FORMAT:
            return False
        self.rebuild()
        return True

    # -- reading the store -----------------------------------------------------------------------

    def facts(self, iris: Iterable[str]) -> dict[str, Facts]:
        """The facts of the given nodes and of the events they aggregate."""
        out: dict[str, Facts] = {}
        todo = sorted(set(iris))
        while todo:
            for chunk in _chunks(todo):
                out.update(self._facts(chunk))
            todo = sorted({m for f in out.values() for m in f.members} - out.keys())
        return out

    def _facts(self, iris: list[str]) -> dict[str, Facts]:
        store = self.kg.store
        block = iri_values("e", iris)
        out = {i: Facts(i) for i in iris}
        for r in store.query(FACTS.replace("$VALUES$", block)):
            f = out[r["e"].value]
            p, o = r["p"].value, r["o"]
            f.graphs.add(r["g"].value)
            if p.endswith("#type"):
                f.event |= o.value == f"{TL}Event"
                f.canonical |= o.value == f"{TL}CanonicalEvent"
            elif p == f"{TL}precision":
                f.precisions.add(_PRECISION.get(o.value, "unknown"))
            elif p == f"{TL}earliest" or p == f"{TL}latest":
                is_dt = getattr(o, "datatype", None) is not None and \
                    o.datatype.value == XSD_DATETIME
                bound = en.bound_string(o.value, is_dt)
                (f.earliest if p.endswith("earliest") else f.latest).append(bound)
            elif p == f"{TL}eventType":
                f.types.add(o.value.rsplit("#", 1)[-1])
            elif p.endswith("#label"):
                f.texts.add(o.value)
            elif p == "http://www.w3.org/ns/prov#wasDerivedFrom":
                if isinstance(o, ox.NamedNode):
                    f.articles.add(o.value)
            elif p == f"{TL}aggregates" and isinstance(o, ox.NamedNode):
                f.members.add(o.value)
        for r in store.query(SENTENCES.replace("$VALUES$", block)):
            f = out[r["e"].value]
            f.texts.add(r["text"].value)
            f.graphs.add(r["g"].value)
        refs: dict[tuple[str, str, str], set[str]] = defaultdict(set)
        for r in store.query(REFS.replace("$VALUES$", block)):
            key = (r["e"].value, r["kind"].value, r["x"].value)
            out[key[0]].graphs.add(r["g"].value)
            q = _qid(r["wd"].value) if r["wd"] is not None else None
            refs[key].update([q] if q else [])
        for (e, kind, x), qids in refs.items():
            (out[e].places if kind == "place" else out[e].actors).add(Ref(x, frozenset(qids)))
        for r in store.query(AGGREGATED.replace("$VALUES$", block)):
            out[r["e"].value].aggregated = True
        return out

    def affected(self, graphs: set[str]) -> set[str]:
        """The nodes whose index entries a write to ``graphs`` can have changed."""
        store = self.kg.store
        found: set[str] = set()
        for g in sorted(graphs):
            name = str(parse_iri(g))
            subjects = sorted(r["e"].value for r in store.query(
                SUBJECTS_IN_GRAPH.replace("$G$", name)))
            for chunk in _chunks(subjects):
                found |= {r["e"].value for r in store.query(
                    EVENTS_AMONG.replace("$VALUES$", iri_values("e", chunk)))}
            found |= {r["e"].value for r in store.query(
                AGGREGATION_IN_GRAPH.replace("$G$", name))}
            found |= {r["e"].value for r in store.query(
                TRACED_FROM.replace("$G$", name).replace("$INDEX$", self._index))}
        frontier = set(found)
        while frontier:
            near: set[str] = set()
            for chunk in _chunks(sorted(frontier)):
                q = AROUND.replace("$VALUES$", iri_values("m", chunk)).replace("$INDEX$",
                                                                           self._index)
                near |= {r["e"].value for r in store.query(q)}
            frontier = near - found
            found |= frontier
        return found

    def _stored(self, iris: list[str]) -> dict[str, tuple[str, set[str]]]:
        """Entry node -> (month, facets) of the visible entries stored for these events."""
        out: dict[str, tuple[str, set[str]]] = {}
        nodes = [en.entry_iri(self.graph, e, self.base) for e in iris]
        for chunk in _chunks(nodes):
            q = STORED.replace("$VALUES$", iri_values("x", chunk)).replace("$INDEX$", self._index)
            for r in self.kg.store.query(q):
                month = r["b"].value.removesuffix(en.OPEN)
                facet = r["k"].value.split("|", 1)[1]
                entry = out.setdefault(r["x"].value, (month, set()))
                if facet != en.ALL:
                    entry[1].add(facet)
        return out

    def _counts(self, node_iri, keys: list[str]) -> dict[str, int]:
        """The stored count of each key (``node_iri(graph, key)`` names its count node)."""
        by_node = {node_iri(self.graph, k): k for k in keys}
        out: dict[str, int] = {}
        for chunk in _chunks(sorted(by_node)):
            q = (COUNTS.replace("$VALUES$", iri_values("c", chunk))
                 .replace("$INDEX$", self._index))
            out.update({by_node[r["c"].value]: int(r["n"].value)
                        for r in self.kg.store.query(q)})
        return out

    # -- writing -------------------------------------------------------------------------------

    def entries(self, iris: Iterable[str]) -> dict[str, Entry]:
        """The index nodes the given events need now."""
        facts = self.facts(iris)
        out = {}
        for e in iris:
            entry = en.build_entry(facts[e], facts, self.ancestors)
            if entry is not None:
                out[e] = entry
        return out

    def _apply(self, affected: set[str]) -> None:
        events = sorted(affected)
        new = self.entries(events)
        old = self._stored(events)
        facet_delta: Counter[str] = Counter()
        month_delta: Counter[str] = Counter()
        for month, facets in old.values():
            month_delta[month] -= 1
            facet_delta.update({f: -1 for f in facets})
        for entry in new.values():
            if entry.visible:
                month_delta[entry.month] += 1
                facet_delta.update({f: 1 for f in entry.facets})
        facet_delta = Counter({k: v for k, v in facet_delta.items() if v})
        month_delta = Counter({k: v for k, v in month_delta.items() if v})
        lines: list[str] = []
        focus: list[str] = []
        for entry in new.values():
            lines += en.entry_lines(entry, self.graph, self.base)
            focus.append(en.entry_iri(self.graph, entry.event, self.base))
        gone: list[str] = [en.entry_iri(self.graph, e, self.base) for e in events]
        for delta, node_iri, node_lines, what in (
                (facet_delta, en.facet_iri, en.facet_lines, "facet"),
                (month_delta, en.month_iri, en.month_lines, "month")):
            stored = self._counts(node_iri, sorted(delta))
            for key, d in sorted(delta.items()):
                n = stored.get(key, 0) + d
                node = node_iri(self.graph, key)
                gone.append(node)
                if n > 0:
                    lines += node_lines(self.graph, key, n)
                    focus.append(node)
                elif n < 0:
                    raise RuntimeError(f"timeline index count of {what} {key!r} below zero")
        self._validate(lines, focus)
        ops = []
        for chunk in _chunks(gone, 400):
            ops.append(f"DELETE {{ GRAPH {self._index} {{ ?x ?p ?o }} }} WHERE {{ GRAPH "
                       f"{self._index} {{ {iri_values('x', chunk)} ?x ?p ?o }} }}")
        if lines:
            ops.append(f"INSERT DATA {{ GRAPH {self._index} {{ {chr(10).join(lines)} }} }}")
        if ops:
            self.kg.store.update(" ;\n".join(ops))

    def rebuild(self) -> int:
        """Recompute the whole index from the store; returns the number of timeline rows."""
        with self.kg.write_lock:
            q = ALL_NODES.replace("$INDEX$", self._index)
            nodes = sorted({r["e"].value for r in self.kg.store.query(q)})
            built = self.entries(nodes)
            lines = en.meta_lines(self.graph)
            focus = [en.meta_iri(self.graph)]
            facets: Counter[str] = Counter()
            months: Counter[str] = Counter()
            for entry in built.values():
                lines += en.entry_lines(entry, self.graph, self.base)
                focus.append(en.entry_iri(self.graph, entry.event, self.base))
                if entry.visible:
                    months[entry.month] += 1
                    facets.update(entry.facets)
            for f, n in sorted(facets.items()):
                lines += en.facet_lines(self.graph, f, n)
                focus.append(en.facet_iri(self.graph, f))
            for m, n in sorted(months.items()):
                lines += en.month_lines(self.graph, m, n)
                focus.append(en.month_iri(self.graph, m))
            self._validate(lines, focus)
            self.kg.store.replace_graphs({self.graph: "\n".join(lines)})
            return sum(1 for e in built.values() if e.visible)

    def _validate(self, lines: list[str], focus: list[str]) -> None:
        """Validate the index nodes about to be written (in batches of whole nodes)."""
        if not lines:
            return
        by_subject: dict[str, list[str]] = defaultdict(list)
        for line in lines:
            by_subject[line[1:line.index(">")]].append(line)
        batch: list[str] = []
        nodes: list[str] = []
        for node in focus:
            batch += by_subject[node]
            nodes.append(node)
            if len(batch) >= _VALIDATE_LINES:
                self._validate_batch(batch, nodes)
                batch, nodes = [], []
        if batch:
            self._validate_batch(batch, nodes)

    def _validate_batch(self, lines: list[str], nodes: list[str]) -> None:
        report = self.kg.validator.validate("\n".join(lines) + "\n", focus_nodes=nodes)
        if not report.conforms:
            first = report.results[0]["message"] if report.results else "violation"
            raise ValidationFailed(f"timeline index entries do not conform to the shapes: "
                                   f"{first}", errors=report.results)


def graph_iri(base: str) -> str:
    """The index graph's name: ``{base}graph/timeline``."""
    return f"{base}graph/timeline"


def install(kg, places=None) -> TimelineIndex:
    """Attach a :class:`TimelineIndex` to the service (after the merger's hook), building the
    index when the store has none yet; returns it."""
    index = TimelineIndex(kg, places)
    kg.timeline_index = index
    kg.after_write.append(index.after_write)
    if index.ensure():
        kg.state.bump()
    return index
