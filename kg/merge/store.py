"""The store adapter of merging: read article-level events, write the canonical graph.

Canonical events live in their own graph (``{base}graph/canonical``); article graphs are never
changed. :meth:`Merger.update` recomputes only the clusters touching the given articles (found
through queries by event type and time window, then closed under compatibility), and
:meth:`Merger.merge_all` recomputes everything (``kg merge``, after bulk loads). Both validate
what they write against the shapes, like every write.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox

from ..errors import ValidationFailed
from ..iris import parse_iri
from ..mapping import BASIS_CONCEPTS, PRECISION_CONCEPTS
from ..namespaces import SPARQL_PREFIXES, XSD_DATETIME
from ..places import Places
from ..rdfconv import to_ox_triples, to_rdflib_graph
from ..store.values import iri_values
from .affiliation import default_affiliations
from .canonical import canonical_graph, canonical_iri
from .cluster import cluster
from .lemma import trigger_stem
from .records import Bound, EventRecord, Ref
from .rules import compatible
from .windows import TimeWindows

log = logging.getLogger(__name__)

TL = "https://w3id.org/timeline-kg/ontology#"
_PRECISION = {str(v): k for k, v in PRECISION_CONCEPTS.items()}
_BASIS = {str(v): k for k, v in BASIS_CONCEPTS.items()}
_CHUNK = 400

PREFIXES = SPARQL_PREFIXES

# One row per article-level event ($VALUES$ is empty or a VALUES block of validated IRIs; it
# sits inside GRAPH so that Oxigraph binds ?e first: outside, a look-up scanned every event).
RECORDS = PREFIXES + """
SELECT ?e ?a ?type ?label ?earliest ?latest ?prec ?basis ?edtf ?modality ?rule ?anchor
       ?publisher ?fat ?inj ?conf WHERE {
  GRAPH ?a {
    $VALUES$
    ?e a tl:Event ; prov:wasDerivedFrom ?a ; tl:eventType ?type ; tl:precision ?prec ;
       tl:timeBasis ?basis ; tl:modality ?modality .
    ?a a tl:NewsArticle .
    OPTIONAL { ?e rdfs:label ?label } OPTIONAL { ?e tl:earliest ?earliest }
    OPTIONAL { ?e tl:latest ?latest } OPTIONAL { ?e tl:edtf ?edtf }
    OPTIONAL { ?e tl:rule ?rule } OPTIONAL { ?e tl:trigger/tl:anchorOf ?anchor }
    OPTIONAL { ?a tl:publisherName ?publisher } OPTIONAL { ?e tl:fatalities ?fat }
    OPTIONAL { ?e tl:injured ?inj } OPTIONAL { ?e tl:confidence ?conf }
  }
}"""

REFS = PREFIXES + """
SELECT ?e ?kind ?x ?wd ?role ?label WHERE {
  GRAPH ?a {
    $VALUES$
    ?e prov:wasDerivedFrom ?a .
    { ?e sem:hasPlace ?x BIND ("place" AS ?kind) }
    UNION { ?e tl:hasParticipant ?x BIND ("actor" AS ?kind) }
    UNION { ?e tl:participation ?n . ?n rdf:value ?x ; sem:roleType ?role BIND ("role" AS ?kind) }
    OPTIONAL { ?x owl:sameAs ?wd FILTER STRSTARTS(STR(?wd), "http://www.wikidata.org/entity/Q") }
    OPTIONAL { ?x rdfs:label ?label }
  }
}"""

ARTICLE_EVENTS = PREFIXES + """
SELECT ?e WHERE { GRAPH ?a { $VALUES$ ?e a tl:Event ; prov:wasDerivedFrom ?a } }"""

# Events of one type whose interval may overlap [lo, hi]; $LO$/$HI$ are fixed filters below.
CANDIDATES = PREFIXES + """
SELECT DISTINCT ?e ?type $SUBS$ WHERE {
  GRAPH ?a { ?e tl:eventType ?type ; prov:wasDerivedFrom ?a .
    $PLACE$
    OPTIONAL { ?e tl:earliest ?ee } OPTIONAL { ?e tl:latest ?el } }
  $LO$ $HI$
}"""
_LO = "FILTER (!BOUND(?el) || ?el >= ?lo_d || ?el >= ?lo_t)"
_HI = "FILTER (!BOUND(?ee) || ?ee <= ?hi_d || ?ee <= ?hi_t)"
_PLACE = "?e sem:hasPlace ?p . VALUES ?p { $PLACES$ }"

CANONICALS_OF_ARTICLES = PREFIXES + """
SELECT DISTINCT ?c WHERE { GRAPH $G$ { $VALUES$ ?c a tl:CanonicalEvent ;
                                              prov:wasDerivedFrom ?a } }"""
CANONICALS_OF_EVENTS = PREFIXES + """
SELECT DISTINCT ?c WHERE { GRAPH $G$ { $VALUES$ ?c tl:aggregates ?e } }"""
MEMBERS = PREFIXES + """
SELECT ?c ?e WHERE { GRAPH $G$ { $VALUES$ ?c tl:aggregates ?e } }"""


@dataclass
class MergeResult:
    """What a merge run did."""

    events: int = 0  # article-level events considered
    canonical: int = 0  # canonical events written
    removed: int = 0  # canonical events removed (replaced or gone)

    def to_dict(self) -> dict[str, int]:
        return {"events": self.events, "canonical": self.canonical, "removed": self.removed}



class Merger:
    """Cross-document event merging over a :class:`~kg.service.KnowledgeGraph`."""

    def __init__(self, kg, places: Places | None = None):
        self.kg = kg
        self.places = places
        self.graph = kg.iris.graph_canonical()
        self.sides = default_affiliations()
        self._article_prefix = kg.iris.article("")
        # candidate windows in memory: only for the embedded store, which no other process
        # writes while this one has it open (a remote store may have other writers)
        self._use_windows = getattr(kg.store, "kind", "") == "embedded"
        self._windows: TimeWindows | None = None

    @property
    def contains(self):
        return self.places.contains if self.places is not None else None

    # -- hooks -----------------------------------------------------------------------------

    def after_write(self, graphs: set[str]) -> None:
        """``KnowledgeGraph.after_write`` hook: re-merge around the articles just written or
        deleted (everything after a write to all graphs). Never fails the write it follows:
        a failure is logged and ``kg merge`` repairs the canonical graph."""
        if self.graph in graphs:
            return
        try:
            if "*" in graphs:
                self.merge_all()
                return
            articles = {g for g in graphs if g.startswith(self._article_prefix)}
            if articles:
                self.update(articles)
        except Exception:  # noqa: BLE001 - the article write itself has succeeded
            self._windows = None  # may be out of step: reload on the next use
            log.exception("merging after a write to %s failed; run `kg merge`",
                          ", ".join(sorted(graphs))[:500])

    # -- reading ---------------------------------------------------------------------------

    def records(self, iris: Iterable[str] | None = None) -> dict[str, EventRecord]:
        """Article-level events as records: the given ones (those still stored), or all."""
        if iris is None:
            return self._records("")
        iris = sorted(set(iris))
        out: dict[str, EventRecord] = {}
        for i in range(0, len(iris), _CHUNK):
            out.update(self._records(iri_values("e", iris[i:i + _CHUNK])))
        return out

    def _records(self, values_block: str) -> dict[str, EventRecord]:
        store = self.kg.store
        rows: dict[str, dict] = {}
        for r in store.query(RECORDS.replace("$VALUES$", values_block)):
            e = r["e"].value
            if e in rows:
                continue  # a second label or figure: the first one wins
            rows[e] = {name: r[name] for name in ("a", "type", "label", "earliest", "latest",
                                                  "prec", "basis", "edtf", "modality", "rule",
                                                  "anchor", "publisher", "fat", "inj", "conf")}
        refs: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
        for r in store.query(REFS.replace("$VALUES$", values_block)):
            e, kind = r["e"].value, r["kind"].value
            if e not in rows:
                continue
            if kind == "role":
                refs[e]["roles"].add((r["x"].value, r["role"].value))
                continue
            qid = r["wd"].value.rsplit("/", 1)[1] if r["wd"] is not None else None
            side = self.sides.get(r["label"].value.casefold()) if r["label"] is not None \
                else None
            refs[e][kind].add(Ref(r["x"].value, qid, side))
        out = {}
        for e, row in rows.items():
            ref = refs.get(e, {})
            out[e] = EventRecord(
                iri=e, article=row["a"].value, type=row["type"].value.rsplit("#", 1)[1],
                label=_str(row["label"]) or "", earliest=_bound(row["earliest"]),
                latest=_bound(row["latest"]), precision=_PRECISION.get(row["prec"].value,
                                                                       "unknown"),
                basis=_BASIS.get(row["basis"].value, "unknown"), edtf=_str(row["edtf"]),
                modality=row["modality"].value.rsplit("#", 1)[1].lower(),
                places=frozenset(ref.get("place", ())),
                participants=frozenset(ref.get("actor", ())),
                roles=frozenset(ref.get("roles", ())),
                stem=trigger_stem(_str(row["rule"]), _str(row["anchor"])),
                publisher=_str(row["publisher"]), fatalities=_int(row["fat"]),
                injured=_int(row["inj"]),
                confidence=float(row["conf"].value) if row["conf"] is not None else 1.0)
        return out

    def _events_of_articles(self, articles: Iterable[str]) -> set[str]:
        return {r["e"].value for r in self.kg.store.query(
            ARTICLE_EVENTS.replace("$VALUES$", iri_values("a", sorted(articles))))}

    def _candidates(self, rec: EventRecord) -> set[str]:
        if self._windows is not None and not rec.weak_time:
            return self._windows.candidates(rec.type, rec.lo, rec.hi)
        subs: dict[str, ox.NamedNode | ox.Literal] = {
            "type": ox.NamedNode(f"{TL}{rec.type}")}
        text = CANDIDATES
        if rec.weak_time:
            # weak events only match events at the very same place
            places = sorted({p.iri for p in rec.places})
            if not places:
                return set()
            text = text.replace("$PLACE$", _PLACE.replace(
                "$PLACES$", " ".join(str(parse_iri(p)) for p in places)))
        text = text.replace("$PLACE$", "")
        for name, moment, clause in (("lo", rec.lo, _LO), ("hi", rec.hi, _HI)):
            if moment is None:
                text = text.replace(f"${name.upper()}$", "")
                continue
            text = text.replace(f"${name.upper()}$", clause)
            subs[f"{name}_d"] = ox.Literal(moment.date().isoformat(), datatype=ox.NamedNode(
                "http://www.w3.org/2001/XMLSchema#date"))
            subs[f"{name}_t"] = ox.Literal(moment.isoformat().replace("+00:00", "Z"),
                                           datatype=ox.NamedNode(XSD_DATETIME))
        text = text.replace("$SUBS$", " ".join(f"?{k}" for k in subs if k != "type"))
        return {r["e"].value for r in self.kg.store.query(text, substitutions=subs)}

    def _canonicals(self, template: str, var: str, iris: Iterable[str]) -> set[str]:
        iris = sorted(set(iris))
        out: set[str] = set()
        for i in range(0, len(iris), _CHUNK):
            q = template.replace("$VALUES$", iri_values(var, iris[i:i + _CHUNK]))
            out |= {r["c"].value for r in self.kg.store.query(
                q.replace("$G$", str(parse_iri(self.graph))))}
        return out

    def _members(self, canonicals: Iterable[str]) -> set[str]:
        canonicals = sorted(set(canonicals))
        out: set[str] = set()
        for i in range(0, len(canonicals), _CHUNK):
            q = MEMBERS.replace("$VALUES$", iri_values("c", canonicals[i:i + _CHUNK]))
            out |= {r["e"].value for r in self.kg.store.query(
                q.replace("$G$", str(parse_iri(self.graph))))}
        return out

    # -- merging ---------------------------------------------------------------------------

    def component(self, seeds: dict[str, EventRecord]) -> dict[str, EventRecord]:
        """The seeds closed under compatibility with the stored events."""
        found = dict(seeds)
        frontier = list(seeds.values())
        contains = self.contains
        while frontier:
            wanted: dict[str, list[EventRecord]] = defaultdict(list)
            for rec in frontier:
                for iri in self._candidates(rec) - found.keys():
                    wanted[iri].append(rec)
            fetched = self.records(wanted)
            frontier = []
            for iri in sorted(fetched):
                cand = fetched[iri]
                if iri not in found and any(compatible(r, cand, contains)
                                            for r in wanted[iri]):
                    found[iri] = cand
                    frontier.append(cand)
        return found

    def update(self, articles: set[str]) -> MergeResult:
        """Recompute the clusters touching the events of ``articles`` (added, re-ingested or
        deleted)."""
        with self.kg.write_lock:
            seeds = self.records(self._events_of_articles(articles))
            if self._use_windows:
                if self._windows is None:  # first use: read every event's window once
                    self._windows = TimeWindows.from_store(self.kg.store)
                else:
                    self._windows.replace_articles(
                        articles, [r for r in seeds.values() if r.article in articles])
            touched = self._canonicals(CANONICALS_OF_ARTICLES, "a", articles)
            seeds.update(self.records(self._members(touched)))
            while True:
                comp = self.component(seeds)
                touched |= self._canonicals(CANONICALS_OF_EVENTS, "e", comp)
                extra = self._members(touched) - comp.keys()
                more = self.records(extra)
                if not more:
                    break
                seeds = {**comp, **more}
            clusters = [c for c in cluster(comp.values(), self.contains) if len(c) >= 2]
            return self._write(clusters, touched, len(comp))

    def merge_all(self) -> MergeResult:
        """Recompute every canonical event from all article-level events."""
        with self.kg.write_lock:
            self._windows = None  # reloaded on the next incremental update
            records = self.records()
            clusters = [c for c in cluster(records.values(), self.contains) if len(c) >= 2]
            triples = self._validated(clusters)
            old = self._count()
            self.kg.store.replace_graphs({self.graph: triples})
            return MergeResult(len(records), len(clusters), old)

    def _count(self) -> int:
        q = PREFIXES + ("SELECT (COUNT(?c) AS ?n) WHERE { GRAPH " + str(parse_iri(self.graph))
                        + " { ?c a tl:CanonicalEvent } }")
        row = next(iter(self.kg.store.query(q)))
        return int(row["n"].value)

    def _validated(self, clusters: list[list[EventRecord]]) -> list[ox.Triple]:
        """The canonical events' triples, validated in batches together with the types of
        the nodes they reference; raises :class:`ValidationFailed` when a canonical node (an
        event, a participation, a casualty figure) violates a shape. Violations of the
        referenced nodes themselves do not count here: their article graphs were validated
        on their own when they were written."""
        base = self.kg.settings.base_iri
        triples: list[ox.Triple] = []
        for i in range(0, len(clusters), 200):
            batch: list[ox.Triple] = []
            for members in clusters[i:i + 200]:
                batch.extend(to_ox_triples(canonical_graph(members, base)))
            ours = sorted({t.subject.value for t in batch})
            graph = self.kg._with_context(to_rdflib_graph(batch), self.kg.store)
            report = self.kg.validator.validate(graph, focus_nodes=ours)
            errors = [r for r in report.results if r["focus_node"] in set(ours)]
            if errors or (not report.conforms and not report.results):
                first = errors[0]["message"] if errors else "violation"
                raise ValidationFailed(f"canonical events do not conform to the shapes: "
                                       f"{first}", errors=errors)
            triples.extend(batch)
        return triples

    def _write(self, clusters: list[list[EventRecord]], remove: set[str],
               considered: int) -> MergeResult:
        base = self.kg.settings.base_iri
        new_iris = {canonical_iri(c, base) for c in clusters}
        triples = self._validated(clusters)
        ops = []
        if remove:
            g = str(parse_iri(self.graph))
            for chunk in _chunks(sorted(remove)):
                vals = iri_values("c", chunk)
                # the canonical events' own nodes first (found through them), then the events
                ops.append("DELETE { GRAPH " + g + " { ?s ?p ?o } } WHERE { GRAPH "
                           + g + " { " + vals + " ?c tl:participation|tl:reportedFatalities|"
                           "tl:reportedInjured ?s . ?s ?p ?o } }")
                ops.append("DELETE { GRAPH " + g + " { ?c ?p ?o } } WHERE { GRAPH "
                           + g + " { " + vals + " ?c ?p ?o } }")
        if triples:
            body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
            ops.append(f"INSERT DATA {{ GRAPH {parse_iri(self.graph)} {{ {body} }} }}")
        if ops:
            self.kg.store.update(PREFIXES + " ;\n".join(ops))
        return MergeResult(considered, len(new_iris), len(remove))


def _chunks(items: list[str]) -> Iterable[list[str]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i:i + _CHUNK]


def _str(term) -> str | None:
    return term.value if term is not None else None


def _int(term) -> int | None:
    try:
        return int(term.value) if term is not None else None
    except ValueError:
        return None


def _bound(term) -> Bound | None:
    if term is None:
        return None
    return Bound(term.value, term.datatype.value == XSD_DATETIME)
