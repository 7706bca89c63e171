"""The timeline over the store: select a page of events, then describe each one.

One entry per canonical event and per article-level event no canonical event aggregates, in
time order (by the earliest bound, else the latest; undated last), then by precision (coarser
last), then by IRI. Pages end with an opaque keyset cursor. The page is selected from the
timeline index (:mod:`.index`, :mod:`.selection`); the entries are then described from the
data itself. Filter values enter SPARQL only as IRIs checked by pyoxigraph or literals it
serialises; the cursor and the dates are compared in Python.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..model import QID_RE, ROLES
from ..namespaces import SPARQL_PREFIXES
from ..store.values import iri_values
from .entries import sort_string, split_sort_string, words
from .filters import Cursor, Filters
from .index import graph_iri
from .selection import IndexReader, Selection

TL = "https://w3id.org/timeline-kg/ontology#"
WD = "http://www.wikidata.org/entity/"
PREFIXES = SPARQL_PREFIXES
_PRECISION_LOCAL = {"second": "Second", "minute": "Minute", "hour": "Hour",
                    "part_of_day": "PartOfDay", "day": "Day", "week": "Week", "month": "Month",
                    "season": "Season", "quarter": "Quarter", "half_year": "HalfYear",
                    "year": "Year", "decade": "Decade", "century": "Century",
                    "unknown": "UnknownPrecision"}
PRECISION_OF = {f"{TL}{v}": k for k, v in _PRECISION_LOCAL.items()}
BASIS_OF = {f"{TL}FromExpression": "expression", f"{TL}FromSentence": "sentence",
            f"{TL}FromParagraph": "paragraph", f"{TL}BeforeReport": "report",
            f"{TL}BeforePublication": "publication",
            f"{TL}UnknownTime": "unknown"}
ROLE_OF = {f"{TL}{r.capitalize()}Role": r for r in ROLES}

CORE = PREFIXES + """
SELECT ?e ?type ?label ?ee ?el ?prec ?basis ?edtf ?mod ?conf ?n ?canon ?timeText ?typeLabel
WHERE {
  $VALUES$
  ?e a tl:Event ; tl:eventType ?type ; tl:precision ?prec ; tl:timeBasis ?basis ;
     tl:modality ?mod .
  OPTIONAL { ?e rdfs:label ?label } OPTIONAL { ?e tl:earliest ?ee }
  OPTIONAL { ?e tl:latest ?el } OPTIONAL { ?e tl:edtf ?edtf }
  OPTIONAL { ?e tl:confidence ?conf } OPTIONAL { ?e tl:sourceCount ?n }
  OPTIONAL { ?e tl:timeText ?timeText } OPTIONAL { ?type rdfs:label ?typeLabel }
  BIND (EXISTS { ?e a tl:CanonicalEvent } AS ?canon)
}"""
# Places, participants and sources are read per article-level event from its own article
# graph (where its entities are described), with one triple pattern per OPTIONAL: both keep
# pyoxigraph on index look-ups.
PLACES = PREFIXES + """
SELECT ?m ?x ?label ?wd ?lat ?long WHERE { GRAPH ?a {
  $VALUES$
  ?m sem:hasPlace ?x .
  OPTIONAL { ?x rdfs:label ?label } OPTIONAL { ?x owl:sameAs ?wd }
  OPTIONAL { ?x geo:lat ?lat } OPTIONAL { ?x geo:long ?long }
} }"""
PARTICIPANTS = PREFIXES + """
SELECT ?m ?x ?role ?label ?wd WHERE { GRAPH ?a {
  $VALUES$
  ?m tl:participation ?n . ?n rdf:value ?x ; sem:roleType ?role .
  OPTIONAL { ?x rdfs:label ?label } OPTIONAL { ?x owl:sameAs ?wd }
} }"""
MEMBERS = PREFIXES + """
SELECT ?e ?m WHERE { $VALUES$ ?e tl:aggregates ?m }"""
SOURCES = PREFIXES + """
SELECT ?m ?a ?title ?url ?pub ?publisher ?sentence ?trigger ?tb ?te ?fat ?inj ?mod ?acc
       ?accLabel ?label WHERE { GRAPH ?a {
  $VALUES$
  ?m prov:wasDerivedFrom ?a . ?a a tl:NewsArticle .
  OPTIONAL { ?a schema:headline ?title } OPTIONAL { ?a schema:url ?url }
  OPTIONAL { ?a schema:datePublished ?pub } OPTIONAL { ?a tl:publisherName ?publisher }
  OPTIONAL { ?m rdfs:label ?label }
  OPTIONAL { ?m tl:sentence/tl:anchorOf ?sentence }
  OPTIONAL { ?m tl:trigger/tl:anchorOf ?trigger }
  OPTIONAL { ?m tl:trigger/tl:begin ?tb } OPTIONAL { ?m tl:trigger/tl:end ?te }
  OPTIONAL { ?m tl:fatalities ?fat } OPTIONAL { ?m tl:injured ?inj }
  OPTIONAL { ?m tl:modality ?mod }
  OPTIONAL { ?m tl:accordingTo ?acc } OPTIONAL { ?m tl:accordingTo/rdfs:label ?accLabel }
} }"""
QID_OF = PREFIXES + """
SELECT ?x ?wd WHERE {
  $VALUES$ ?x owl:sameAs ?wd FILTER STRSTARTS(STR(?wd), "http://www.wikidata.org/entity/Q")
}"""


@dataclass
class Page:
    entries: list[dict[str, Any]]
    next: Cursor | None = None
    keys: list[tuple[str, int, str]] = field(default_factory=list)



def _v(term) -> str | None:
    return term.value if term is not None else None


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1]


class Timeline:
    """Timeline queries over a :class:`~kg.service.KnowledgeGraph`'s store."""

    def __init__(self, kg):
        self.kg = kg
        self.base = kg.settings.base_iri
        self.reader = IndexReader(kg.store, graph_iri(self.base))

    # -- place and actor resolution ------------------------------------------------------------

    def _qids(self, iri: str) -> list[str]:
        local = iri[len(self.base) + 7:] if iri.startswith(f"{self.base}entity/") else ""
        if QID_RE.match(local):
            return [local]
        rows = self.kg.store.query(QID_OF.replace("$VALUES$", iri_values("x", [iri])))
        return sorted({r["wd"].value[len(WD):] for r in rows})

    def place_facets(self, ref: str) -> tuple[str, ...]:
        """The index facets of the place ``ref`` (a Q-id or an IRI): the place itself and its
        Wikidata items. The index lists, for each event, the items of its places and every
        place the catalog says contains them, and the countries of unlinked places, so these
        facets also find the events at places inside ``ref``."""
        if QID_RE.match(ref):
            return (f"place:{WD}{ref}",)
        return (f"place:{ref}",) + tuple(f"place:{WD}{q}" for q in self._qids(ref))

    def actor_facets(self, ref: str) -> tuple[str, ...]:
        """The index facets of the participant ``ref``: a Q-id finds every entity linked to
        it (``owl:sameAs``), an IRI that entity."""
        return (f"actor:{WD}{ref}",) if QID_RE.match(ref) else (f"actor:{ref}",)

    # -- selection ---------------------------------------------------------------------------

    def selection(self, f: Filters) -> Selection | None:
        """The index selection for ``f`` (None when nothing can match)."""
        families: list[tuple[str, ...]] = []
        if f.place:
            families.append(self.place_facets(f.place))
        if f.actor:
            families.append(self.actor_facets(f.actor))
        if f.type:
            families.append((f"type:{f.type}",))  # a name of EVENT_TYPES
        if f.q:
            found = words(f.q)
            if not found:
                return None
            families += [(f"word:{w}",) for w in sorted(found)]
        after = sort_string(f.cursor.key, f.cursor.rank, f.cursor.iri) if f.cursor else None
        return Selection(tuple(families), article=f.article,
                         start=f.start.isoformat() if f.start else None,
                         end=f.end.isoformat() if f.end else None, after=after,
                         limit=int(f.limit))

    def select(self, f: Filters) -> list[tuple[str, str, int]]:
        """(IRI, sort key, precision rank) of up to ``f.limit + 1`` entries after the cursor."""
        sel = self.selection(f)
        if sel is None:
            return []
        rows = []
        for sk in self.reader.select(sel):
            key, rank, iri = split_sort_string(sk)
            rows.append((iri, key, rank))
        return rows

    def page(self, f: Filters) -> Page:
        rows = self.select(f)
        more = len(rows) > f.limit
        rows = rows[:f.limit]
        entries = self.describe([r[0] for r in rows])
        nxt = Cursor(rows[-1][1], rows[-1][2], rows[-1][0]) if more and rows else None
        return Page(entries, nxt, rows)

    # -- description -------------------------------------------------------------------------

    def describe(self, iris: list[str]) -> list[dict[str, Any]]:
        """Timeline entries for events (canonical or article-level), in the given order."""
        if not iris:
            return []
        store = self.kg.store
        entries: dict[str, dict[str, Any]] = {}
        for r in store.query(CORE.replace("$VALUES$", iri_values("e", iris))):
            e = r["e"].value
            if e not in entries:
                entries[e] = self._core(r)
        members: dict[str, list[str]] = defaultdict(list)
        canon = [e for e, entry in entries.items() if entry["canonical"]]
        if canon:
            for r in store.query(MEMBERS.replace("$VALUES$", iri_values("e", canon))):
                members[r["e"].value].append(r["m"].value)
        for e, entry in entries.items():
            if not entry["canonical"]:
                members[e] = [e]
        all_members = sorted({m for ms in members.values() for m in ms})
        sources: dict[str, dict[str, Any]] = {}
        places: dict[str, list[dict[str, Any]]] = defaultdict(list)
        roles: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for i in range(0, len(all_members), 200):
            block = iri_values("m", all_members[i:i + 200])
            for r in store.query(SOURCES.replace("$VALUES$", block)):
                sources.setdefault(r["m"].value, self._source(r))
            for r in store.query(PLACES.replace("$VALUES$", block)):
                place = _merge_ref(places[r["m"].value], r["x"].value, r)
                if place.get("lat") is None and r["lat"] is not None and r["long"] is not None:
                    place["lat"], place["lon"] = float(r["lat"].value), float(r["long"].value)
            for r in store.query(PARTICIPANTS.replace("$VALUES$", block)):
                role = ROLE_OF.get(r["role"].value, _local(r["role"].value))
                roles[r["m"].value].append({"iri": r["x"].value, "label": _v(r["label"]),
                                            "role": role, "wikidata": _qid(r["wd"])})
        for e, entry in entries.items():
            ms = members[e]
            entry["sources"] = sorted((sources[m] for m in ms if m in sources),
                                      key=lambda s: (s["published"] or "", s["article"]))
            _casualties(entry, entry["sources"])
            if entry["source_count"] is None:
                entry["source_count"] = len({s["article"] for s in entry["sources"]})
            merged_places: dict[str, dict[str, Any]] = {}
            for m in ms:
                for p in places.get(m, ()):
                    known = merged_places.setdefault(p["iri"], dict(p))
                    for k, v in p.items():
                        if known.get(k) is None:
                            known[k] = v
            entry["places"] = sorted(merged_places.values(),
                                     key=lambda p: (p["label"] or "", p["iri"]))
            seen: dict[tuple[str, str], dict[str, Any]] = {}
            for m in ms:
                for p in roles.get(m, ()):
                    known = seen.setdefault((p["iri"], p["role"]), dict(p))
                    known["label"] = known["label"] or p["label"]
                    known["wikidata"] = known["wikidata"] or p["wikidata"]
            entry["participants"] = sorted(
                seen.values(), key=lambda p: (ROLES.index(p["role"]) if p["role"] in ROLES
                                              else 99, p["label"] or "", p["iri"]))
        return [entries[i] for i in iris if i in entries]

    def _core(self, r) -> dict[str, Any]:
        e = r["e"].value
        canonical = r["canon"].value == "true"
        local = e[len(self.base):] if e.startswith(self.base) else None
        return {
            "iri": e, "id": local[len("event/"):] if local and local.startswith("event/")
            else None,
            "kind": "canonical" if canonical else "article",
            "canonical": canonical,
            "label": _v(r["label"]) or _local(r["type"].value),
            "type": _local(r["type"].value), "type_label": _v(r["typeLabel"]),
            "time": {"earliest": _v(r["ee"]), "latest": _v(r["el"]),
                     "precision": PRECISION_OF.get(r["prec"].value, "unknown"),
                     "edtf": _v(r["edtf"]), "basis": BASIS_OF.get(r["basis"].value, "unknown"),
                     "text": _v(r["timeText"])},
            "places": [], "participants": [],
            "modality": _local(r["mod"].value).lower(),
            "confidence": float(r["conf"].value) if r["conf"] is not None else None,
            "source_count": int(r["n"].value) if r["n"] is not None else None,
        }

    def _source(self, r) -> dict[str, Any]:
        return {"event": r["m"].value, "article": r["a"].value,
                "article_id": r["a"].value.rsplit("/", 1)[-1], "title": _v(r["title"]),
                "url": _v(r["url"]), "published": _v(r["pub"]), "publisher": _v(r["publisher"]),
                "label": _v(r["label"]), "sentence": _v(r["sentence"]),
                "trigger": _v(r["trigger"]),
                "trigger_span": [int(r["tb"].value), int(r["te"].value)]
                if r["tb"] is not None else None,
                "fatalities": int(r["fat"].value) if r["fat"] is not None else None,
                "injured": int(r["inj"].value) if r["inj"] is not None else None,
                "modality": _local(r["mod"].value).lower() if r["mod"] is not None else None,
                "according_to": {"iri": r["acc"].value, "label": _v(r["accLabel"])}
                if r["acc"] is not None else None}


def _qid(term) -> str | None:
    if term is None or not term.value.startswith(WD):
        return None
    q = term.value[len(WD):]
    return q if QID_RE.match(q) else None


def _merge_ref(refs: list[dict[str, Any]], iri: str, r) -> dict[str, Any]:
    for ref in refs:
        if ref["iri"] == iri:
            break
    else:
        ref = {"iri": iri, "label": None, "wikidata": None, "lat": None, "lon": None}
        refs.append(ref)
    ref["label"] = ref["label"] or _v(r["label"])
    ref["wikidata"] = ref["wikidata"] or _qid(r["wd"])
    return ref


def _casualties(entry: dict[str, Any], sources: list[dict[str, Any]]) -> None:
    """Per-source figures; the agreed figure, or None with a conflict when sources differ."""
    entry["conflicts"] = []
    for kind in ("fatalities", "injured"):
        figures = [{"count": s[kind], "event": s["event"], "article": s["article"],
                    "publisher": s["publisher"], "title": s["title"]}
                   for s in sources if s[kind] is not None]
        counts = {f["count"] for f in figures}
        entry[kind] = counts.pop() if len(counts) == 1 else None
        if len(figures) > 1 and len({f["count"] for f in figures}) > 1:
            entry["conflicts"].append(kind)
        entry[f"{kind}_by_source"] = figures
