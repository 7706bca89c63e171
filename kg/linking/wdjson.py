"""Wikidata's entity JSON (dumps and ``wbgetentities`` share it) into catalog records."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .entry import LANGUAGES, QID_RE
from .types import kind_for


def _statements(entity: Mapping[str, Any], prop: str) -> list[Mapping[str, Any]]:
    """Non-deprecated statements with a value, preferred ones first."""
    claims = entity.get("claims")
    if not isinstance(claims, Mapping):
        return []
    items = claims.get(prop)
    if not isinstance(items, list):
        return []
    good = [s for s in items if isinstance(s, Mapping) and s.get("rank") != "deprecated"
            and isinstance(s.get("mainsnak"), Mapping)
            and s["mainsnak"].get("snaktype", "value") == "value"
            and isinstance(s["mainsnak"].get("datavalue"), Mapping)]
    return sorted(good, key=lambda s: s.get("rank") != "preferred")


def _values(entity: Mapping[str, Any], prop: str) -> list[Any]:
    return [s["mainsnak"]["datavalue"].get("value") for s in _statements(entity, prop)]


def _item_ids(entity: Mapping[str, Any], prop: str) -> list[str]:
    out = []
    for v in _values(entity, prop):
        qid = v.get("id") if isinstance(v, Mapping) else None
        if qid is None and isinstance(v, Mapping) and isinstance(v.get("numeric-id"), int):
            qid = f"Q{v['numeric-id']}"
        if isinstance(qid, str) and QID_RE.match(qid) and qid not in out:
            out.append(qid)
    return out


def _lang_values(block: Any, languages: Iterable[str]) -> dict[str, Any]:
    if not isinstance(block, Mapping):
        return {}
    return {lang: block[lang] for lang in languages if lang in block}


def entity_types(entity: Mapping[str, Any]) -> list[str]:
    return _item_ids(entity, "P31")


def record_from_entity(entity: Mapping[str, Any], type_kinds: Mapping[str, str], *,
                       source: str, languages: Iterable[str] = LANGUAGES
                       ) -> dict[str, Any] | None:
    """A catalog record, or ``None`` when the item is of none of the configured classes.
    Malformed values raise ``ValueError``/``KeyError``/``TypeError`` (the caller counts them)."""
    types = entity_types(entity)
    kind = kind_for(types, type_kinds)
    if kind is None:
        return None
    languages = tuple(languages)
    labels = {lang: v["value"] for lang, v in
              _lang_values(entity.get("labels"), languages).items()}
    aliases = {lang: [a["value"] for a in vs] for lang, vs in
               _lang_values(entity.get("aliases"), languages).items()}
    descriptions = {lang: v["value"] for lang, v in
                    _lang_values(entity.get("descriptions"), languages).items()}
    lat = lon = None
    for v in _values(entity, "P625"):
        if isinstance(v, Mapping) and v.get("latitude") is not None:
            globe = v.get("globe") or ""
            if globe and not globe.endswith("/Q2"):
                continue  # a coordinate on another body than the Earth
            lat, lon = float(v["latitude"]), float(v["longitude"])
            break
    geonames = None
    for v in _values(entity, "P1566"):
        if isinstance(v, str) and v.isdigit():
            geonames = int(v)
            break
    population = None
    for v in _values(entity, "P1082"):
        if isinstance(v, Mapping) and v.get("amount") is not None:
            population = int(float(str(v["amount"]).lstrip("+")))
            break
    countries = _item_ids(entity, "P17")
    sitelinks = entity.get("sitelinks")
    return {
        "qid": entity["id"], "kind": kind, "labels": labels, "aliases": aliases,
        "description": descriptions.get("en") or next(iter(descriptions.values()), None),
        "types": types, "country": countries[0] if countries else None,
        "located_in": _item_ids(entity, "P131"), "lat": lat, "lon": lon,
        "geonames": geonames, "population": population,
        "sitelinks": len(sitelinks) if isinstance(sitelinks, Mapping) else None,
        "sources": [source],
    }
