"""Queries behind the event, entity and article pages (and their JSON)."""

from __future__ import annotations

import re
from typing import Any

import pyoxigraph as ox

from ..store.values import iri_values
from ..timeline.query import PREFIXES, Timeline

TL = "https://w3id.org/timeline-kg/ontology#"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_PROPS = {
    RDFS_LABEL: "labels", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type": "types",
    f"{TL}kind": "kind", "http://www.w3.org/2002/07/owl#sameAs": "same_as",
    f"{TL}country": "country", "http://www.w3.org/2003/01/geo/wgs84_pos#lat": "lat",
    "http://www.w3.org/2003/01/geo/wgs84_pos#long": "lon", f"{TL}geonames": "geonames",
    "http://schema.org/description": "description",
    "http://www.w3.org/2004/02/skos/core#altLabel": "aliases",
}
ENTITY = PREFIXES + "SELECT ?x ?p ?o WHERE { ?x ?p ?o }"
LINKS = PREFIXES + """
SELECT ?x ?la ?a ?title ?status ?conf ?thr ?method ?source ?item ?score WHERE {
  ?x tl:linkAssessment ?la . ?la prov:wasDerivedFrom ?a ; tl:linkStatus ?status .
  OPTIONAL { ?a schema:headline ?title }
  OPTIONAL { ?la tl:confidence ?conf } OPTIONAL { ?la tl:threshold ?thr }
  OPTIONAL { ?la tl:linkMethod ?method } OPTIONAL { ?la tl:linkSource ?source }
  OPTIONAL { ?la tl:candidate ?c . ?c tl:item ?item ; tl:score ?score }
} ORDER BY ?a DESC(?score)"""
MENTIONS = PREFIXES + """
SELECT ?x ?m ?a ?b ?e ?anchor ?title WHERE {
  ?m tl:denotes ?x ; tl:inArticle ?a ; tl:begin ?b ; tl:end ?e ; tl:anchorOf ?anchor .
  OPTIONAL { ?a schema:headline ?title }
} ORDER BY ?a ?b LIMIT 200"""
TEXTS = PREFIXES + "SELECT ?a ?text WHERE { $VALUES$ ?a tl:text ?text }"
ENTITY_EVENTS = PREFIXES + """
SELECT DISTINCT ?x ?ev WHERE {
  { ?ev sem:hasPlace|tl:hasParticipant|tl:accordingTo ?x }
  UNION { ?m tl:accordingTo ?x . ?ev tl:aggregates ?m }
  ?ev a tl:Event .
  FILTER NOT EXISTS { ?c tl:aggregates ?ev }
} LIMIT 300"""
SPANS = PREFIXES + """
SELECT ?a ?s ?b ?e ?kind ?target ?value ?label WHERE { GRAPH ?a {
  ?s tl:inArticle ?a ; tl:begin ?b ; tl:end ?e .
  { ?s tl:denotes ?target BIND ("entity" AS ?kind) OPTIONAL { ?target rdfs:label ?label } }
  UNION { ?s a tl:TimeExpression ; tl:timemlValue ?value BIND ("time" AS ?kind)
          OPTIONAL { ?s tl:edtf ?label } }
  UNION { ?target tl:trigger ?s BIND ("event" AS ?kind) OPTIONAL { ?target rdfs:label ?label } }
} }"""
ARTICLE_TEXT = PREFIXES + "SELECT ?a ?text WHERE { GRAPH ?a { ?a tl:text ?text } }"
CANONICAL_OF = PREFIXES + "SELECT ?m ?c WHERE { $VALUES$ ?c tl:aggregates ?m }"
CANONICAL_LIST = PREFIXES + """
SELECT ?c ?label ?n WHERE { GRAPH ?g { ?c a tl:CanonicalEvent ; rdfs:label ?label ;
                                         tl:sourceCount ?n } } ORDER BY ?c"""


DATE_RANGE = PREFIXES + """
SELECT (MIN(?d) AS ?from) (MAX(?d) AS ?to) WHERE {
  ?e a tl:Event ; tl:earliest|tl:latest ?t BIND (SUBSTR(STR(?t), 1, 10) AS ?d) }"""


def date_range(kg) -> tuple[str | None, str | None]:
    """The first and last day any event's bounds mention (compared as ISO strings, so that
    dates and date-times mix)."""
    row = next(iter(kg.store.query(DATE_RANGE)), None)
    if row is None or row["from"] is None:
        return None, None
    return row["from"].value, row["to"].value


def local_path(base: str, iri: str | None) -> str | None:
    """'/event/…' for one of our IRIs (a link within the site), else None."""
    if iri and iri.startswith(base):
        return "/" + iri[len(base):]
    return None


def entity(kg, iri: str) -> dict[str, Any] | None:
    """An entity's description across all articles, or None when nothing is known of it."""
    node = ox.NamedNode(iri)
    info: dict[str, Any] = {"iri": iri, "labels": [], "types": [], "aliases": [],
                            "same_as": [], "kind": None, "country": None, "lat": None,
                            "lon": None, "geonames": None, "description": None}
    found = False
    for r in kg.store.query(ENTITY, substitutions={"x": node}):
        found = True
        key = _PROPS.get(r["p"].value)
        if key is None:
            continue
        value = r["o"].value
        if isinstance(info[key], list):
            if value not in info[key]:
                info[key].append(value)
        elif info[key] is None:
            info[key] = float(value) if key in ("lat", "lon") else value
    if not found:
        return None
    info["label"] = info["labels"][0] if info["labels"] else iri.rsplit("/", 1)[-1]
    info["types"] = sorted(t.rsplit("#", 1)[-1] for t in info["types"]
                           if t.startswith(TL))
    wd = [s for s in info["same_as"] if s.startswith("http://www.wikidata.org/entity/Q")]
    info["wikidata"] = wd[0].rsplit("/", 1)[1] if wd else None
    assessments: dict[str, dict[str, Any]] = {}
    for r in kg.store.query(LINKS, substitutions={"x": node}):
        la = r["la"].value
        item = assessments.setdefault(la, {
            "article": r["a"].value, "title": _v(r["title"]),
            "status": r["status"].value.rsplit("#", 1)[-1].lower(),
            "confidence": _f(r["conf"]), "threshold": _f(r["thr"]),
            "method": _v(r["method"]), "source": _v(r["source"]), "candidates": []})
        if r["item"] is not None:
            cand = {"qid": r["item"].value.rsplit("/", 1)[-1], "score": _f(r["score"])}
            if cand not in item["candidates"]:
                item["candidates"].append(cand)
    info["assessments"] = list(assessments.values())
    info["linked"] = info["wikidata"] is not None
    info["not_linked_reason"] = None if info["linked"] else _reason(info["assessments"])
    return info


def _reason(assessments: list[dict[str, Any]]) -> str:
    if not assessments:
        return "no link assessment was recorded"
    parts = []
    for a in assessments:
        best = max((c["score"] or 0 for c in a["candidates"]), default=None)
        if a["status"] == "ambiguous":
            parts.append("several candidates scored too closely to choose")
        elif best is not None and a["threshold"] is not None:
            parts.append(f"the best candidate scored {best:.2f}, below the threshold "
                         f"{a['threshold']:.2f}")
        elif not a["candidates"]:
            parts.append("no Wikidata candidate was found")
        else:
            parts.append("no candidate reached the threshold")
    return "; ".join(dict.fromkeys(parts))


def mentions(kg, iri: str) -> list[dict[str, Any]]:
    rows = list(kg.store.query(MENTIONS, substitutions={"x": ox.NamedNode(iri)}))
    articles = sorted({r["a"].value for r in rows})
    texts = {}
    if articles:
        texts = {r["a"].value: r["text"].value for r in kg.store.query(
            TEXTS.replace("$VALUES$", iri_values("a", articles)))}
    out = []
    for r in rows:
        b, e = int(r["b"].value), int(r["e"].value)
        text = texts.get(r["a"].value, "")
        start, end = _sentence_bounds(text, b, e)
        out.append({"article": r["a"].value, "title": _v(r["title"]), "begin": b, "end": e,
                    "anchor": r["anchor"].value, "before": text[start:b],
                    "after": text[e:end]})
    return out


def _sentence_bounds(text: str, b: int, e: int, limit: int = 160) -> tuple[int, int]:
    stop = text.rfind(". ", 0, b)
    start = max(stop + 2 if stop != -1 else 0, text.rfind("\n", 0, b) + 1, b - limit, 0)
    stops = [i for i in (text.find(". ", e), text.find("\n", e)) if i != -1]
    end = min(min(stops) + 1 if stops else len(text), e + limit, len(text))
    return start, end


def entity_events(kg, iri: str, tl: Timeline) -> list[dict[str, Any]]:
    rows = kg.store.query(ENTITY_EVENTS, substitutions={"x": ox.NamedNode(iri)})
    entries = tl.describe(sorted({r["ev"].value for r in rows}))
    return sorted(entries, key=sort_key)


def sort_key(entry: dict[str, Any]) -> tuple:
    t = entry["time"]
    from ..model import PRECISIONS

    return (t["earliest"] or t["latest"] or "~", PRECISIONS.index(t["precision"]),
            entry["iri"])


def canonical_of(kg, iris: list[str]) -> dict[str, str]:
    if not iris:
        return {}
    return {r["m"].value: r["c"].value for r in kg.store.query(
        CANONICAL_OF.replace("$VALUES$", iri_values("m", iris)))}


def article_text_and_spans(kg, article_iri: str) -> tuple[str, list[dict[str, Any]]]:
    node = ox.NamedNode(article_iri)
    row = next(iter(kg.store.query(ARTICLE_TEXT, substitutions={"a": node})), None)
    text = row["text"].value if row is not None else ""
    spans = []
    for r in kg.store.query(SPANS, substitutions={"a": node}):
        spans.append({"begin": int(r["b"].value), "end": int(r["e"].value),
                      "kind": r["kind"].value, "target": _v(r["target"]),
                      "value": _v(r["value"]), "label": _v(r["label"])})
    spans.sort(key=lambda s: (s["begin"], -(s["end"] - s["begin"]), s["kind"],
                              s["target"] or ""))
    return text, spans


def segments(text: str, spans: list[dict[str, Any]], base: str) -> list[dict[str, Any]]:
    """The text cut into plain and highlighted pieces (overlapping spans: the first wins)."""
    out, pos = [], 0
    for s in spans:
        if s["begin"] < pos or s["end"] > len(text):
            continue
        if s["begin"] > pos:
            out.append({"text": text[pos:s["begin"]], "kind": None})
        title = s["label"] or s["value"] or ""
        if s["kind"] == "time" and s["value"]:
            title = f"{s['value']}" + (f" (EDTF {s['label']})" if s["label"] else "")
        out.append({"text": text[s["begin"]:s["end"]], "kind": s["kind"],
                    "href": local_path(base, s["target"]), "title": title,
                    "anchor": f"s{s['begin']}-{s['end']}"})
        pos = s["end"]
    if pos < len(text):
        out.append({"text": text[pos:], "kind": None})
    return out


def canonical_list(kg) -> list[dict[str, Any]]:
    q = CANONICAL_LIST.replace("GRAPH ?g", f"GRAPH {ox.NamedNode(kg.iris.graph_canonical())}")
    return [{"iri": r["c"].value, "label": r["label"].value, "sources": int(r["n"].value)}
            for r in kg.store.query(q)]


_ID = re.compile(r"^[^/\s<>\"{}|\\^`]{1,200}\Z")


def valid_local_id(value: str) -> bool:
    return bool(_ID.match(value))


def _v(term) -> str | None:
    return term.value if term is not None else None


def _f(term) -> float | None:
    return float(term.value) if term is not None else None
