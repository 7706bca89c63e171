"""Catalog entries: one Wikidata item as the linker knows it, and the record format it is read
from (the starter catalog's JSON lines, also produced by the dump and SPARQL importers)."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from ..model import ENTITY_KINDS

QID_RE = re.compile(r"^Q[1-9][0-9]*\Z")
LANGUAGES = ("en", "uk", "ru")


class BadRecord(ValueError):
    """A catalog record that cannot be used (the importers count and skip these)."""


@dataclass(frozen=True)
class CatalogEntry:
    """One Wikidata item in the catalog. ``qid`` is ``None`` for a place the catalog knows
    only by its GeoNames id (its Q-id could not be verified): such an entry is never linked,
    but tells the linker which place a name means."""

    qid: str | None
    kind: str
    label: str
    labels: Mapping[str, str]
    aliases: Mapping[str, tuple[str, ...]]
    description: str | None
    types: tuple[str, ...]
    country: str | None
    located_in: tuple[str, ...]
    lat: float | None
    lon: float | None
    geonames: int | None
    population: int | None
    sitelinks: int | None
    sources: tuple[str, ...]

    @property
    def key(self) -> str:
        """The entry's key in the catalog: its Q-id, else ``geonames:<id>``."""
        return self.qid or f"geonames:{self.geonames}"

    @property
    def prior(self) -> float:
        """Prominence in [0, 1] from the number of sitelinks or the population."""
        return prior_of(self.sitelinks, self.population)

    def names(self) -> list[tuple[str, str]]:
        """Every (language, name) pair: labels first, then aliases, without duplicates."""
        seen: set[tuple[str, str]] = set()
        out = []
        for lang, label in self.labels.items():
            if (lang, label) not in seen:
                seen.add((lang, label))
                out.append((lang, label))
        for lang, names in self.aliases.items():
            for name in names:
                if (lang, name) not in seen:
                    seen.add((lang, name))
                    out.append((lang, name))
        return out

    def label_in(self, language: str) -> str:
        return self.labels.get(language) or self.label

    def to_record(self) -> dict[str, Any]:
        """The JSON record this entry was read from (the starter catalog's line format)."""
        return {"qid": self.qid, "kind": self.kind, "labels": dict(self.labels),
                "aliases": {k: list(v) for k, v in self.aliases.items()},
                "description": self.description, "types": list(self.types),
                "country": self.country, "located_in": list(self.located_in),
                "lat": self.lat, "lon": self.lon, "geonames": self.geonames,
                "population": self.population, "sitelinks": self.sitelinks,
                "sources": list(self.sources)}

    @classmethod
    def from_record(cls, rec: Mapping[str, Any]) -> CatalogEntry:
        """Build from a record (checked with :func:`clean_record` first)."""
        rec = clean_record(rec)
        labels = rec["labels"]
        label = labels.get("en") or next(iter(labels.values()))
        return cls(qid=rec["qid"], kind=rec["kind"], label=label,
                   labels=MappingProxyType(dict(labels)),
                   aliases=MappingProxyType({k: tuple(v) for k, v in rec["aliases"].items()}),
                   description=rec["description"], types=tuple(rec["types"]),
                   country=rec["country"], located_in=tuple(rec["located_in"]),
                   lat=rec["lat"], lon=rec["lon"], geonames=rec["geonames"],
                   population=rec["population"], sitelinks=rec["sitelinks"],
                   sources=tuple(rec["sources"]))


def prior_of(sitelinks: int | None, population: int | None) -> float:
    """Prominence in [0, 1]: ~300 sitelinks or a population of ten million count as 1."""
    score = 0.0
    if sitelinks:
        score = max(score, min(1.0, math.log1p(sitelinks) / math.log1p(300)))
    if population:
        score = max(score, min(1.0, math.log10(population + 1) / 7.0))
    return score


def _qid(value: Any, what: str) -> str:
    if not isinstance(value, str) or not QID_RE.match(value):
        raise BadRecord(f"{what} {value!r} is not a Wikidata Q-id")
    return value


def _qids(value: Any, what: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)):
        raise BadRecord(f"{what} must be a list of Q-ids")
    out: list[str] = []
    for v in value:
        q = _qid(v, what)
        if q not in out:
            out.append(q)
    return out


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise BadRecord(f"expected a string, got {type(value).__name__}")
    value = " ".join(value.split())
    return value or None


def _number(value: Any, what: str, kind: type) -> Any:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise BadRecord(f"{what} must be a number")
    try:
        number = kind(value)
    except (TypeError, ValueError):
        raise BadRecord(f"{what} must be a number") from None
    if isinstance(number, float) and not math.isfinite(number):
        raise BadRecord(f"{what} must be finite")
    return number


def clean_record(rec: Mapping[str, Any]) -> dict[str, Any]:
    """Check a catalog record and return it in canonical form; raises :class:`BadRecord`."""
    if not isinstance(rec, Mapping):
        raise BadRecord("a record must be a JSON object")
    raw_qid = rec.get("qid")
    if raw_qid is None and isinstance(rec.get("geonames"), int) and \
            not isinstance(rec.get("geonames"), bool):
        qid = None  # a place known only by its GeoNames id
    else:
        qid = _qid(raw_qid, "qid")
    kind = rec.get("kind")
    if kind not in ENTITY_KINDS:
        raise BadRecord(f"{qid}: kind {kind!r} is not one of {', '.join(ENTITY_KINDS)}")
    raw_labels = rec.get("labels") or {}
    if not isinstance(raw_labels, Mapping):
        raise BadRecord(f"{qid}: labels must be an object")
    labels = {}
    for lang, value in raw_labels.items():
        text = _text(value)
        if text:
            labels[str(lang)] = text
    if not labels:
        raise BadRecord(f"{qid}: no label")
    raw_aliases = rec.get("aliases") or {}
    if not isinstance(raw_aliases, Mapping):
        raise BadRecord(f"{qid}: aliases must be an object of lists")
    aliases: dict[str, list[str]] = {}
    for lang, values in raw_aliases.items():
        if isinstance(values, str):
            values = [values]
        if not isinstance(values, (list, tuple)):
            raise BadRecord(f"{qid}: aliases.{lang} must be a list")
        kept = []
        for value in values:
            text = _text(value)
            if text and text not in kept:
                kept.append(text)
        if kept:
            aliases[str(lang)] = kept
    description = rec.get("description")
    if isinstance(description, Mapping):
        description = description.get("en") or next(iter(description.values()), None)
    lat = _number(rec.get("lat"), "lat", float)
    lon = _number(rec.get("lon"), "lon", float)
    if (lat is None) != (lon is None):
        raise BadRecord(f"{qid}: lat and lon go together")
    if lat is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise BadRecord(f"{qid}: coordinates out of range")
    geonames = _number(rec.get("geonames"), "geonames", int)
    if geonames is not None and geonames <= 0:
        raise BadRecord(f"{qid}: geonames must be a positive id")
    population = _number(rec.get("population"), "population", int)
    sitelinks = _number(rec.get("sitelinks"), "sitelinks", int)
    for name, value in (("population", population), ("sitelinks", sitelinks)):
        if value is not None and value < 0:
            raise BadRecord(f"{qid}: {name} must not be negative")
    sources = rec.get("sources") or []
    if isinstance(sources, str):
        sources = [sources]
    if not isinstance(sources, (list, tuple)) or not all(isinstance(s, str) for s in sources):
        raise BadRecord(f"{qid}: sources must be a list of strings")
    country = rec.get("country")
    return {"qid": qid, "kind": kind, "labels": labels, "aliases": aliases,
            "description": _text(description), "types": _qids(rec.get("types"), "types"),
            "country": _qid(country, "country") if country else None,
            "located_in": _qids(rec.get("located_in"), "located_in"),
            "lat": lat, "lon": lon, "geonames": geonames, "population": population,
            "sitelinks": sitelinks, "sources": list(dict.fromkeys(sources))}


def record_key(rec: Mapping[str, Any]) -> str:
    """The catalog key of a clean record: its Q-id, else ``geonames:<id>``."""
    return rec["qid"] or f"geonames:{rec['geonames']}"


def merge_records(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, Any]:
    """Merge two clean records of the same item: the newer wins on single values, names,
    types, places and sources are united."""
    out = dict(old)
    out["kind"] = new["kind"]
    out["labels"] = {**old["labels"], **new["labels"]}
    aliases = {k: list(v) for k, v in old["aliases"].items()}
    for lang, names in new["aliases"].items():
        bucket = aliases.setdefault(lang, [])
        bucket.extend(n for n in names if n not in bucket)
    out["aliases"] = aliases
    for key in ("types", "located_in", "sources"):
        out[key] = list(dict.fromkeys([*old[key], *new[key]]))
    for key in ("description", "country", "lat", "lon", "geonames", "population", "sitelinks"):
        if new.get(key) is not None:
            out[key] = new[key]
    if new.get("lat") is not None:
        out["lon"] = new["lon"]
    return out
