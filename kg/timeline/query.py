"""The timeline over the store: select a page of events, then describe each one.

One entry per canonical event and per article-level event no canonical event aggregates, in
time order (by the earliest bound, else the latest; undated last), then by precision (coarser
last), then by IRI. Pages end with an opaque keyset cursor. Filter values enter SPARQL only as
validated IRIs in VALUES blocks, dates built by :mod:`.filters`, or pyoxigraph substitutions.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from ..iris import parse_iri
from ..model import PRECISIONS, QID_RE, ROLES
from ..places import Places
from .filters import Cursor, Filters

TL = "https://w3id.org/timeline-kg/ontology#"
WD = "http://www.wikidata.org/entity/"
XSD = "http://www.w3.org/2001/XMLSchema#"
PREFIXES = """PREFIX tl: <https://w3id.org/timeline-kg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX schema: <http://schema.org/>
PREFIX geo: <http://www.w3.org/2003/01/geo/wgs84_pos#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""
_PRECISION_LOCAL = {"second": "Second", "minute": "Minute", "hour": "Hour",
                    "part_of_day": "PartOfDay", "day": "Day", "week": "Week", "month": "Month",
                    "season": "Season", "quarter": "Quarter", "half_year": "HalfYear",
                    "year": "Year", "decade": "Decade", "century": "Century",
                    "unknown": "UnknownPrecision"}
PRECISION_OF = {f"{TL}{v}": k for k, v in _PRECISION_LOCAL.items()}
# the precision's rank as one expression (a VALUES join here is much slower in pyoxigraph)
RANK_EXPR = "".join(f"IF(?prec = tl:{_PRECISION_LOCAL[p]}, {i}, " for i, p in
                    enumerate(PRECISIONS)) + "99" + ")" * len(PRECISIONS)
BASIS_OF = {f"{TL}FromExpression": "expression", f"{TL}FromSentence": "sentence",
            f"{TL}FromParagraph": "paragraph", f"{TL}BeforePublication": "publication",
            f"{TL}UnknownTime": "unknown"}
ROLE_OF = {f"{TL}{r.capitalize()}Role": r for r in ROLES}

SELECT = PREFIXES + """
SELECT DISTINCT ?e ?key ?rank $PROJECT$ WHERE {
  $MATCH$
  ?e a tl:Event ; tl:precision ?prec .
  FILTER NOT EXISTS { ?c tl:aggregates ?e }
  OPTIONAL { ?e tl:earliest ?ee } OPTIONAL { ?e tl:latest ?el }
  BIND ($RANKS$ AS ?rank)
  BIND (COALESCE(STR(?ee), STR(?el), "~") AS ?key)
  $FILTERS$
}
ORDER BY ?key ?rank STR(?e)
LIMIT $LIMIT$"""
_FROM = ("FILTER ((BOUND(?ee) || BOUND(?el)) && (!BOUND(?el) || ?el >= $D$ || "
         "?el >= $T$))")
_TO = ("FILTER ((BOUND(?ee) || BOUND(?el)) && (!BOUND(?ee) || ?ee <= $D$ || "
       "?ee <= $T$))")
_TEXT = """FILTER EXISTS {
    { ?e rdfs:label ?text } UNION { ?e tl:sentence/tl:anchorOf ?text }
    UNION { ?e tl:aggregates/rdfs:label ?text }
    UNION { ?e tl:aggregates/tl:sentence/tl:anchorOf ?text }
    FILTER (CONTAINS(LCASE(STR(?text)), ?q)) }"""
_CURSOR = ("FILTER (?key > ?ck || (?key = ?ck && (?rank > ?cr || "
           "(?rank = ?cr && STR(?e) > ?ci))))")

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
SAME_AS = PREFIXES + """
SELECT DISTINCT ?x WHERE { $VALUES$ { ?x owl:sameAs ?wd } UNION { ?x tl:country ?wd } }"""
QID_OF = PREFIXES + """
SELECT ?x ?wd WHERE {
  $VALUES$ ?x owl:sameAs ?wd FILTER STRSTARTS(STR(?wd), "http://www.wikidata.org/entity/Q")
}"""


@dataclass
class Page:
    entries: list[dict[str, Any]]
    next: Cursor | None = None
    keys: list[tuple[str, int, str]] = field(default_factory=list)


def values(var: str, iris) -> str:
    return f"VALUES ?{var} {{ {' '.join(str(parse_iri(i)) for i in iris)} }}"


def _v(term) -> str | None:
    return term.value if term is not None else None


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1]


class Timeline:
    """Timeline queries over a :class:`~kg.service.KnowledgeGraph`'s store."""

    def __init__(self, kg, places: Places | None = None):
        self.kg = kg
        self.places = places
        self.base = kg.settings.base_iri

    # -- place and actor resolution ------------------------------------------------------------

    def _qids(self, iri: str) -> list[str]:
        local = iri[len(self.base) + 7:] if iri.startswith(f"{self.base}entity/") else ""
        if QID_RE.match(local):
            return [local]
        rows = self.kg.store.query(QID_OF.replace("$VALUES$", values("x", [iri])))
        return sorted({r["wd"].value[len(WD):] for r in rows})

    def place_iris(self, ref: str) -> list[str]:
        """Our IRIs of the place ``ref`` (a Q-id or an IRI) and of the places inside it that
        the catalog knows of (and of unlinked places whose country it is)."""
        iris = set() if QID_RE.match(ref) else {ref}
        qids = set([ref] if QID_RE.match(ref) else self._qids(ref))
        if self.places is not None:
            for q in sorted(qids):
                qids.update(self.places.descendants(q))
        if qids:
            wd = " ".join(f"<{WD}{q}>" for q in sorted(qids) if QID_RE.match(q))
            iris.update(r["x"].value for r in self.kg.store.query(
                SAME_AS.replace("$VALUES$", f"VALUES ?wd {{ {wd} }}")))
        return sorted(iris)

    def actor_iris(self, ref: str) -> list[str]:
        if not QID_RE.match(ref):
            return [ref]
        rows = self.kg.store.query(PREFIXES + "SELECT DISTINCT ?x WHERE { ?x owl:sameAs "
                                   f"<{WD}{ref}> }}")
        return sorted(r["x"].value for r in rows)

    # -- selection ---------------------------------------------------------------------------

    def select(self, f: Filters) -> list[tuple[str, str, int]]:
        """(IRI, sort key, precision rank) of up to ``f.limit + 1`` entries after the cursor."""
        match, filters, subs = [], [], {}
        if f.place:
            iris = self.place_iris(f.place)
            if not iris:
                return []
            match.append(f"{values('place', iris)} ?e sem:hasPlace ?place .")
        if f.actor:
            iris = self.actor_iris(f.actor)
            if not iris:
                return []
            match.append(f"{values('actor', iris)} ?e tl:hasParticipant ?actor .")
        if f.article:
            match.append(f"?e prov:wasDerivedFrom {parse_iri(f.article)} .")
        if f.type:
            match.append(f"?e tl:eventType tl:{f.type} .")  # a name of EVENT_TYPES
        if f.start:
            filters.append(_FROM.replace("$D$", f'"{f.start.isoformat()}"^^xsd:date')
                           .replace("$T$", f'"{f.start.isoformat()}T00:00:00Z"^^xsd:dateTime'))
        if f.end:
            filters.append(_TO.replace("$D$", f'"{f.end.isoformat()}"^^xsd:date')
                           .replace("$T$", f'"{f.end.isoformat()}T23:59:59Z"^^xsd:dateTime'))
        if f.q:
            filters.append(_TEXT)
            subs["q"] = ox.Literal(f.q.lower())
        if f.cursor:
            filters.append(_CURSOR)
            subs.update(ck=ox.Literal(f.cursor.key),
                        cr=ox.Literal(str(f.cursor.rank),
                                      datatype=ox.NamedNode(f"{XSD}integer")),
                        ci=ox.Literal(f.cursor.iri))
        text = (SELECT.replace("$MATCH$", "\n  ".join(match))
                .replace("$FILTERS$", "\n  ".join(filters))
                .replace("$RANKS$", RANK_EXPR)
                .replace("$PROJECT$", " ".join(f"?{k}" for k in subs))
                .replace("$LIMIT$", str(int(f.limit) + 1)))
        rows = self.kg.store.query(text, substitutions=subs or None)
        return [(r["e"].value, r["key"].value, int(r["rank"].value)) for r in rows]

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
        for r in store.query(CORE.replace("$VALUES$", values("e", iris))):
            e = r["e"].value
            if e not in entries:
                entries[e] = self._core(r)
        members: dict[str, list[str]] = defaultdict(list)
        canon = [e for e, entry in entries.items() if entry["canonical"]]
        if canon:
            for r in store.query(MEMBERS.replace("$VALUES$", values("e", canon))):
                members[r["e"].value].append(r["m"].value)
        for e, entry in entries.items():
            if not entry["canonical"]:
                members[e] = [e]
        all_members = sorted({m for ms in members.values() for m in ms})
        sources: dict[str, dict[str, Any]] = {}
        places: dict[str, list[dict[str, Any]]] = defaultdict(list)
        roles: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for i in range(0, len(all_members), 200):
            block = values("m", all_members[i:i + 200])
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
