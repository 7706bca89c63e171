"""Validate the starter entity catalog and the Wikidata class table (stdlib only).

Usage: ``python data/catalog/check_catalog.py [starter.jsonl] [ontology_wikidata_classes.csv]``.
Prints one line per problem and exits 1 when there is any, 0 otherwise.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

QID_RE = re.compile(r"^Q[1-9][0-9]*$")
KINDS = ("person", "place", "organization", "military_unit", "media", "group")
LANGS = ("en", "uk", "ru")
KNOWN_KEYS = {"qid", "kind", "labels", "aliases", "description", "types", "country", "located_in",
              "lat", "lon", "geonames", "population", "sources"}
CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
CLASS_COLUMNS = ["concept", "qid", "label", "source1", "source2"]

HERE = Path(__file__).resolve().parent
DEFAULT_CATALOG = HERE / "starter.jsonl"
DEFAULT_CLASSES = HERE.parent / "ontology_wikidata_classes.csv"


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _check_entry(entry: dict, where: str) -> list[str]:
    errors = []
    unknown = set(entry) - KNOWN_KEYS
    if unknown:
        errors.append(f"{where}: unknown keys {sorted(unknown)}")
    qid = entry.get("qid")
    if qid is None and not isinstance(entry.get("geonames"), int):
        errors.append(f"{where}: needs a qid or a geonames id")
    if qid is not None and (not isinstance(qid, str) or not QID_RE.match(qid)):
        errors.append(f"{where}: bad qid {qid!r}")
    if entry.get("kind") not in KINDS:
        errors.append(f"{where}: kind must be one of {KINDS}")
    labels = entry.get("labels")
    if not isinstance(labels, dict) or not isinstance(labels.get("en"), str) \
            or not labels["en"].strip():
        errors.append(f"{where}: labels.en is required")
    else:
        for lang, text in labels.items():
            if lang not in LANGS or not isinstance(text, str) or not text.strip():
                errors.append(f"{where}: bad label {lang!r}")
            elif lang in ("uk", "ru") and not CYRILLIC_RE.search(text):
                errors.append(f"{where}: labels.{lang} must be Cyrillic")
    aliases = entry.get("aliases", {})
    if not isinstance(aliases, dict) or any(
            lang not in LANGS or not isinstance(v, list)
            or not all(isinstance(a, str) and a.strip() for a in v)
            for lang, v in aliases.items()):
        errors.append(f"{where}: aliases must map en/uk/ru to lists of strings")
    for key in ("types", "located_in"):
        values = entry.get(key, [])
        if not isinstance(values, list) or not all(
                isinstance(v, str) and QID_RE.match(v) for v in values):
            errors.append(f"{where}: {key} must be a list of Q-ids")
    country = entry.get("country")
    if country is not None and (not isinstance(country, str) or not QID_RE.match(country)):
        errors.append(f"{where}: bad country {country!r}")
    if ("lat" in entry) != ("lon" in entry):
        errors.append(f"{where}: lat and lon go together")
    if "lat" in entry and not (_is_number(entry["lat"]) and -90 <= entry["lat"] <= 90):
        errors.append(f"{where}: lat out of range")
    if "lon" in entry and not (_is_number(entry["lon"]) and -180 <= entry["lon"] <= 180):
        errors.append(f"{where}: lon out of range")
    for key in ("geonames", "population"):
        if key in entry and (not isinstance(entry[key], int) or isinstance(entry[key], bool)
                             or entry[key] < (1 if key == "geonames" else 0)):
            errors.append(f"{where}: bad {key}")
    sources = entry.get("sources")
    if not isinstance(sources, list) or len({s.strip() for s in sources
                                             if isinstance(s, str) and s.strip()}) < 2:
        errors.append(f"{where}: needs at least two distinct sources")
    return errors


def check_catalog(path: Path | str = DEFAULT_CATALOG) -> list[str]:
    """Return the list of problems found in a catalog JSON Lines file."""
    errors: list[str] = []
    entries: list[tuple[str, dict]] = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"line {n}"
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"{where}: invalid JSON ({exc.msg})")
            continue
        if not isinstance(entry, dict):
            errors.append(f"{where}: not a JSON object")
            continue
        errors.extend(_check_entry(entry, where))
        entries.append((where, entry))
    qids: dict[str, str] = {}
    geonames: dict[int, str] = {}
    for where, entry in entries:
        qid = entry.get("qid")
        if isinstance(qid, str):
            if qid in qids:
                errors.append(f"{where}: duplicate qid {qid} (first at {qids[qid]})")
            qids.setdefault(qid, where)
        gid = entry.get("geonames")
        if isinstance(gid, int):
            if gid in geonames:
                errors.append(f"{where}: duplicate geonames id {gid} (first at {geonames[gid]})")
            geonames.setdefault(gid, where)
    for where, entry in entries:
        refs = list(entry.get("located_in", []) or [])
        if entry.get("country"):
            refs.append(entry["country"])
        for ref in refs:
            if isinstance(ref, str) and ref not in qids:
                errors.append(f"{where}: refers to {ref}, which is not in the catalog")
            if ref == entry.get("qid"):
                errors.append(f"{where}: located in itself")
    errors.extend(_alias_collisions(entries))
    return errors


def _alias_collisions(entries: list[tuple[str, dict]]) -> list[str]:
    """An alias may not be another entry's label in the same language: "Kharkiv" as an alias of
    Kharkiv Oblast would make the city's name point at the region."""
    labels: dict[tuple[str, str], str] = {}
    for where, entry in entries:
        for lang, label in (entry.get("labels") or {}).items():
            if isinstance(label, str):
                labels.setdefault((lang, label.casefold().strip()), where)
    errors = []
    for where, entry in entries:
        for lang, aliases in (entry.get("aliases") or {}).items():
            for alias in aliases if isinstance(aliases, list) else []:
                owner = labels.get((lang, str(alias).casefold().strip()))
                if owner is not None and owner != where:
                    errors.append(f"{where}: alias {alias!r} is the label of the entry at "
                                  f"{owner}")
    return errors


def check_classes(path: Path | str = DEFAULT_CLASSES) -> list[str]:
    """Return the list of problems found in the concept -> Wikidata class CSV."""
    errors: list[str] = []
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader, None)
        if header != CLASS_COLUMNS:
            return [f"header must be {','.join(CLASS_COLUMNS)}"]
        seen = set()
        for n, row in enumerate(reader, 2):
            if len(row) != len(CLASS_COLUMNS):
                errors.append(f"row {n}: expected {len(CLASS_COLUMNS)} columns")
                continue
            concept, qid, label, s1, s2 = (c.strip() for c in row)
            if not concept or not label:
                errors.append(f"row {n}: concept and label are required")
            if not QID_RE.match(qid):
                errors.append(f"row {n}: bad qid {qid!r}")
            if not s1 or not s2 or s1 == s2:
                errors.append(f"row {n}: needs two different sources")
            if (concept, qid) in seen:
                errors.append(f"row {n}: duplicate {concept},{qid}")
            seen.add((concept, qid))
    return errors


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    catalog = Path(args[0]) if args else DEFAULT_CATALOG
    classes = Path(args[1]) if len(args) > 1 else DEFAULT_CLASSES
    problems = [f"{catalog.name}: {e}" for e in check_catalog(catalog)]
    if classes.exists():
        problems += [f"{classes.name}: {e}" for e in check_classes(classes)]
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
