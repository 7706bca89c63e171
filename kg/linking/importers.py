"""Catalog importers: catalog JSON lines, Wikidata JSON dumps, WDQS SPARQL results, CSV.

Every importer streams records into a :class:`~.index.CatalogWriter`, which builds into a
temporary file: a file that cannot be read (wrong type, broken compression) stops the import
with :class:`~kg.errors.InvalidInput` and leaves the catalog as it was; a single bad record (a
corrupt dump line, a malformed Q-id) is skipped and counted.
"""

from __future__ import annotations

import bz2
import csv
import gzip
import io
import json
import re
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from tqdm import tqdm

from ..errors import InvalidInput
from ..model import ENTITY_KINDS
from .entry import QID_RE, BadRecord, clean_record
from .index import CatalogWriter, ImportStats
from .types import DEFAULT_TYPE_KINDS, kind_for
from .wdjson import record_from_entity

FORMATS = ("jsonl", "wikidata-dump", "sparql-json", "csv")
_ENTITY_IRI_RE = re.compile(r"^https?://www\.wikidata\.org/(?:entity|wiki)/(Q[0-9]+)$")
_POINT_RE = re.compile(r"^\s*Point\(\s*(-?[0-9.eE+-]+)\s+(-?[0-9.eE+-]+)\s*\)\s*$")


def open_text(path: Path) -> IO[str]:
    """Open a text file, transparently decompressing ``.gz`` and ``.bz2``."""
    name = path.name.lower()
    if name.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8", errors="replace")
    if name.endswith(".bz2"):
        return bz2.open(path, "rt", encoding="utf-8", errors="replace")
    return open(path, encoding="utf-8", errors="replace", newline="")


def detect_format(path: Path) -> str:
    """Tell the kind of catalog file from its name and first characters."""
    name = path.name.lower()
    for suffix in (".gz", ".bz2"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    try:
        with open_text(path) as f:
            head = f.read(4096)
    except (OSError, EOFError):
        raise InvalidInput(f"{path.name}: cannot read the file (broken compression?)") from None
    stripped = head.lstrip("\ufeff \t\r\n")
    if name.endswith(".csv"):
        return "csv"
    if name.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if stripped.startswith("["):
        rest = stripped[1:].lstrip()
        if not rest or rest.startswith("{") or rest.startswith("]"):
            return "wikidata-dump"
    if stripped.startswith("{"):
        if '"head"' in head and ('"results"' in head or '"vars"' in head):
            return "sparql-json"
        if '"qid"' in head:
            return "jsonl"
    first_line = stripped.split("\n", 1)[0].lower()
    if "qid" in first_line and "," in first_line:
        return "csv"
    raise InvalidInput(f"{path.name}: not a catalog file (expected catalog JSON lines, a Wikidata "
                       "JSON dump, SPARQL results JSON or CSV with a qid column)")


# -- readers ---------------------------------------------------------------------------------

Reader = Callable[..., Iterator[dict[str, Any]]]


def read_jsonl(f: IO[str], stats: ImportStats, **_: Any) -> Iterator[dict[str, Any]]:
    for n, line in enumerate(f, 1):
        line = line.strip()
        if not line:
            continue
        stats.read += 1
        try:
            yield json.loads(line)
        except json.JSONDecodeError:
            stats.warn(f"line {n}: not valid JSON")


def read_dump(f: IO[str], stats: ImportStats, *, type_kinds: Mapping[str, str],
              progress: bool = False, **_: Any) -> Iterator[dict[str, Any]]:
    """Wikidata's JSON dump: ``[``, one entity per line ending with ``,``, ``]``."""
    bar = tqdm(unit=" entities", disable=not progress, mininterval=1.0)
    try:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if line.endswith(","):
                line = line[:-1]
            if line in ("", "[", "]"):
                continue
            stats.read += 1
            bar.update(1)
            if '"P31"' not in line and line.startswith("{") and line.endswith("}"):
                stats.skipped_type += 1  # cheap pre-filter: no class, nothing to keep
                continue
            try:
                entity = json.loads(line)
                record = record_from_entity(entity, type_kinds, source="wikidata-dump")
            except (ValueError, KeyError, TypeError, AttributeError):
                stats.warn(f"line {n}: not a valid entity")
                continue
            if record is None:
                stats.skipped_type += 1
                continue
            yield record
    finally:
        bar.close()


def _qid_of(value: str) -> str | None:
    value = value.strip()
    m = _ENTITY_IRI_RE.match(value)
    if m:
        value = m.group(1)
    return value if QID_RE.match(value) else None


def _default_kind(kind: str | None) -> str | None:
    if kind is not None and kind not in ENTITY_KINDS:
        raise InvalidInput(f"--kind must be one of {', '.join(ENTITY_KINDS)}")
    return kind


class _Collector:
    """Groups rows of one item (SPARQL and CSV give one row per name or class)."""

    def __init__(self, stats: ImportStats, type_kinds: Mapping[str, str],
                 default_kind: str | None, source: str):
        self.items: dict[str, dict[str, Any]] = {}
        self.stats, self.type_kinds, self.default_kind = stats, type_kinds, default_kind
        self.source = source

    def item(self, raw_qid: str, where: str) -> dict[str, Any] | None:
        qid = _qid_of(raw_qid)
        if qid is None:
            self.stats.warn(f"{where}: {raw_qid!r} is not a Wikidata Q-id")
            return None
        if qid not in self.items:
            self.items[qid] = {"qid": qid, "kind": None, "labels": {}, "aliases": {},
                               "description": None, "types": [], "located_in": [],
                               "sources": [self.source]}
        return self.items[qid]

    def records(self) -> Iterator[dict[str, Any]]:
        self.stats.read += len(self.items)
        for rec in self.items.values():
            if not rec["kind"]:
                rec["kind"] = kind_for(rec["types"], self.type_kinds) or self.default_kind
            if not rec["kind"]:
                self.stats.skipped_type += 1
                continue
            yield rec


def read_sparql(f: IO[str], stats: ImportStats, *, type_kinds: Mapping[str, str],
                default_kind: str | None = None, **_: Any) -> Iterator[dict[str, Any]]:
    """WDQS results (``application/sparql-results+json``): columns ``item``, ``itemLabel``,
    ``itemDescription``, ``altLabel``/``itemAltLabel`` (comma-separated), and optionally
    ``kind``, ``type``, ``country``, ``coord``, ``geonames``, ``population``, ``sitelinks``,
    ``locatedIn``."""
    try:
        doc = json.load(f)
        variables = doc["head"]["vars"]
        bindings = doc["results"]["bindings"]
    except (json.JSONDecodeError, KeyError, TypeError):
        raise InvalidInput("not SPARQL results JSON (expected head.vars and results.bindings)"
                           ) from None
    item_var = "item" if "item" in variables else next(iter(variables), None)
    if item_var is None:
        raise InvalidInput("the SPARQL results have no columns")
    col = _Collector(stats, type_kinds, default_kind, "sparql-import")
    for n, row in enumerate(bindings, 1):
        if not isinstance(row, Mapping) or item_var not in row:
            continue
        rec = col.item(str(row[item_var].get("value", "")), f"row {n}")
        if rec is None:
            continue
        try:
            _sparql_row(rec, row, item_var)
        except (ValueError, TypeError, AttributeError):
            stats.warn(f"row {n}: a value could not be read")
    yield from col.records()


def _lang(binding: Mapping[str, Any]) -> str:
    return str(binding.get("xml:lang") or "en").split("-")[0].lower()


def _sparql_row(rec: dict[str, Any], row: Mapping[str, Any], item_var: str) -> None:
    def val(*names: str) -> tuple[str, Mapping[str, Any]] | None:
        for name in names:
            b = row.get(name)
            if isinstance(b, Mapping) and b.get("value") not in (None, ""):
                return str(b["value"]), b
        return None

    if (v := val(f"{item_var}Label", "label")) is not None:
        text, b = v
        if _qid_of(text) is None:  # the label service returns the Q-id when no label exists
            rec["labels"].setdefault(_lang(b), text)
    if (v := val(f"{item_var}AltLabel", "altLabel", "alias")) is not None:
        text, b = v
        bucket = rec["aliases"].setdefault(_lang(b), [])
        bucket.extend(a.strip() for a in text.split(", ") if a.strip() not in bucket)
    if (v := val(f"{item_var}Description", "description")) is not None and \
            rec["description"] is None:
        rec["description"] = v[0]
    if (v := val("kind")) is not None:
        rec["kind"] = v[0]
    for name, key in (("type", "types"), ("class", "types"), ("locatedIn", "located_in"),
                      ("located_in", "located_in")):
        if (v := val(name)) is not None and (q := _qid_of(v[0])) and q not in rec[key]:
            rec[key].append(q)
    if (v := val("country")) is not None:
        rec["country"] = _qid_of(v[0])
    if (v := val("coord", "coordinates")) is not None:
        m = _POINT_RE.match(v[0])
        if m:
            rec["lon"], rec["lat"] = float(m.group(1)), float(m.group(2))
    for name in ("geonames", "population", "sitelinks"):
        if (v := val(name)) is not None:
            rec[name] = int(float(v[0]))


def read_csv(f: IO[str], stats: ImportStats, *, type_kinds: Mapping[str, str],
             default_kind: str | None = None, **_: Any) -> Iterator[dict[str, Any]]:
    """CSV with a header: ``qid``, ``label``, ``alias`` and optionally ``kind``, ``lang``,
    ``description``, ``type``; one row per name."""
    reader = csv.DictReader(f)
    fields = [h.strip().lower() for h in (reader.fieldnames or [])]
    if "qid" not in fields or "label" not in fields:
        raise InvalidInput("the CSV needs a header with at least the columns qid and label")
    reader.fieldnames = fields
    if "kind" not in fields and "type" not in fields and default_kind is None:
        raise InvalidInput("the CSV has no kind column; give the kind with --kind")
    col = _Collector(stats, type_kinds, default_kind, "csv-import")
    try:
        for n, row in enumerate(reader, 2):
            rec = col.item(row.get("qid") or "", f"line {n}")
            if rec is None:
                continue
            lang = (row.get("lang") or "en").strip().lower() or "en"
            label = (row.get("label") or "").strip()
            if label:
                rec["labels"].setdefault(lang, label)
            alias = (row.get("alias") or "").strip()
            if alias:
                bucket = rec["aliases"].setdefault(lang, [])
                if alias not in bucket:
                    bucket.append(alias)
            if (row.get("description") or "").strip() and rec["description"] is None:
                rec["description"] = row["description"].strip()
            if (row.get("kind") or "").strip():
                rec["kind"] = row["kind"].strip()
            if (t := _qid_of(row.get("type") or "")) and t not in rec["types"]:
                rec["types"].append(t)
    except csv.Error as exc:
        raise InvalidInput(f"the CSV cannot be parsed: {exc}") from None
    yield from col.records()


READERS: dict[str, Reader] = {"jsonl": read_jsonl, "wikidata-dump": read_dump,
                              "sparql-json": read_sparql, "csv": read_csv}


# -- import ----------------------------------------------------------------------------------

def import_file(path: Path, index_path: Path, *, extend: bool = True, fmt: str | None = None,
                type_kinds: Mapping[str, str] | None = None, default_kind: str | None = None,
                origin: str | None = None, progress: bool = False,
                replace_origin: bool = False,
                source_info: Mapping[str, Any] | None = None) -> ImportStats:
    """Import one file into the catalog at ``index_path`` (atomically)."""
    path = Path(path)
    if not path.is_file():
        raise InvalidInput(f"{path}: no such file")
    fmt = fmt or detect_format(path)
    if fmt not in READERS:
        raise InvalidInput(f"unknown catalog format {fmt!r}; one of {', '.join(FORMATS)}")
    type_kinds = dict(type_kinds or DEFAULT_TYPE_KINDS)
    default_kind = _default_kind(default_kind)
    origin = origin or f"import:{path.name}"
    stats = ImportStats()
    with CatalogWriter(index_path, extend=extend) as writer:
        if replace_origin:
            writer.remove_origin(origin)
        try:
            with open_text(path) as f:
                for record in READERS[fmt](f, stats, type_kinds=type_kinds,
                                           default_kind=default_kind, progress=progress):
                    writer.add(record, origin, stats)
        except (OSError, EOFError, UnicodeDecodeError, io.UnsupportedOperation):
            raise InvalidInput(f"{path.name}: the file is truncated or corrupt; nothing was "
                               "imported") from None
        stat = path.stat()
        writer.record_source(origin, {"file": path.name, "format": fmt, "size": stat.st_size,
                                      "mtime": int(stat.st_mtime), **stats.as_dict(),
                                      **(source_info or {})})
    return stats


def check_record(record: Mapping[str, Any]) -> dict[str, Any]:
    """Validate one record (raises :class:`~kg.errors.InvalidInput`)."""
    try:
        return clean_record(record)
    except BadRecord as exc:
        raise InvalidInput(str(exc)) from None
