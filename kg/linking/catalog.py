"""The entity catalog: a read-only view of the SQLite index written by :mod:`.index`.

Nothing is loaded up front: names are looked up in the index (one probe of a covering index per
name, cached), entries are read and parsed on demand (cached). :meth:`Catalog.scan` finds the
catalog's names in a text with a single query for all candidate word n-grams.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..errors import ConfigError
from .entry import CatalogEntry
from .index import FORMAT
from .normalise import key_lengths, name_key, name_key_shape, shape_compatible, words
from .traps import inside_longer_name, is_trap, lower_case_keys

MAX_SCAN_WORDS = 8
ENTRY_CACHE_SIZE = 200_000
_CHUNK = 500


@dataclass(frozen=True)
class AliasMatch:
    """A catalog name found in a text: ``text[start:end] == surface``."""

    start: int
    end: int
    surface: str
    entries: tuple[CatalogEntry, ...]


class Catalog:
    """Read access to a catalog index (safe to share between threads)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._local = threading.local()
        meta = self._read_meta()
        prefixes = meta.pop("prefixes", None)  # the scanner's, too long to show as meta
        self._prefixes = None if prefixes is None else frozenset(prefixes)
        if meta.get("format") != FORMAT:
            raise ConfigError(f"{self.path} is not a catalog index of format {FORMAT}; "
                              "build it again with `kg catalog import`")
        self.meta = MappingProxyType(meta)
        self.max_words = min(MAX_SCAN_WORDS, int(meta.get("max_words") or 1))
        lower = meta.get("lower_first")
        self._lower_first = None if lower is None else frozenset(lower)
        self._cache: OrderedDict[int, CatalogEntry] = OrderedDict()
        self._cache_lock = threading.Lock()
        self._ids_for_key = lru_cache(maxsize=200_000)(self._query_key)
        self._up = lru_cache(maxsize=50_000)(self._query_ancestors)
        self._id_of = lru_cache(maxsize=200_000)(self._query_id)

    # -- construction -----------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path) -> Catalog:
        """Open an existing index."""
        path = Path(path)
        if not path.is_file():
            raise ConfigError(f"no catalog index at {path}; build one with `kg catalog import`")
        return cls(path)

    @classmethod
    def from_jsonl(cls, path: Path, index_path: Path) -> Catalog:
        """Build (replacing) the index at ``index_path`` from a catalog JSON-lines file."""
        from .importers import import_file

        import_file(Path(path), Path(index_path), extend=False, fmt="jsonl")
        return cls.open(index_path)

    # -- connection -------------------------------------------------------------------------

    @property
    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            try:
                conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True,
                                       check_same_thread=False)
                conn.execute("PRAGMA query_only=ON")
            except sqlite3.DatabaseError:
                raise ConfigError(f"cannot open the catalog index {self.path}") from None
            self._local.conn = conn
        return conn

    def _read_meta(self) -> dict[str, Any]:
        try:
            rows = self._conn.execute("SELECT key, value FROM meta").fetchall()
        except sqlite3.DatabaseError:
            raise ConfigError(f"{self.path} is not a catalog index; build it again with "
                              "`kg catalog import`") from None
        return {k: json.loads(v) for k, v in rows}

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    # -- entries ----------------------------------------------------------------------------

    def _remember(self, entity_id: int, raw: str) -> CatalogEntry:
        entry = _entry_from_json(raw)
        with self._cache_lock:
            self._cache[entity_id] = entry
            if len(self._cache) > ENTRY_CACHE_SIZE:
                self._cache.popitem(last=False)
        return entry

    def _entry(self, entity_id: int) -> CatalogEntry | None:
        entry = self._cache.get(entity_id)
        if entry is not None:
            return entry
        row = self._conn.execute("SELECT record FROM entity WHERE id = ?",
                                 (entity_id,)).fetchone()
        return None if row is None else self._remember(entity_id, row[0])

    def _entries(self, ids: Iterable[int]) -> list[CatalogEntry]:
        ids = list(ids)
        missing = [i for i in ids if i not in self._cache]
        for start in range(0, len(missing), _CHUNK):
            chunk = missing[start:start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            for entity_id, raw in self._conn.execute(
                    f"SELECT id, record FROM entity WHERE id IN ({marks})", chunk):
                self._remember(entity_id, raw)
        return [e for e in (self._cache.get(i) for i in ids) if e is not None]

    def get(self, qid: str) -> CatalogEntry | None:
        """The entry of a Q-id (or of a key ``geonames:<id>``), or ``None``."""
        entity_id = self._id_of(qid)
        return None if entity_id is None else self._entry(entity_id)

    def _query_id(self, qid: str) -> int | None:
        row = self._conn.execute("SELECT id FROM entity WHERE qid = ?", (qid,)).fetchone()
        return None if row is None else row[0]

    def by_geonames(self, geonames: int) -> list[CatalogEntry]:
        """Entries carrying this GeoNames id."""
        ids = [r[0] for r in self._conn.execute("SELECT id FROM entity WHERE geonames = ?",
                                                (geonames,))]
        return self._entries(ids)

    def __len__(self) -> int:
        return int(self.meta.get("entities") or 0)

    # -- names ------------------------------------------------------------------------------

    def _query_key(self, key: str) -> tuple[tuple[int, str], ...]:
        rows = self._conn.execute(
            "SELECT a.entity, a.shape, e.record FROM alias a JOIN entity e ON e.id = a.entity "
            "WHERE a.key = ?", (key,)).fetchall()
        for entity_id, _, raw in rows:
            if entity_id not in self._cache:
                self._remember(entity_id, raw)
        return tuple(sorted({(entity_id, shape) for entity_id, shape, _ in rows}))

    def candidates(self, surface: str, *, respect_case: bool = True
                   ) -> list[tuple[CatalogEntry, bool]]:
        """Entries with a name whose key equals the key of ``surface``; with ``respect_case``
        the case policy applies (a lower-case "us" does not find "US"). Each entry comes with
        whether the surface spells one of its names exactly (up to case)."""
        key, shape = name_key_shape(surface)
        if not key:
            return []
        lens = key_lengths(key)
        ok: dict[int, None] = {}
        for entity_id, alias_shape in self._ids_for_key(key):
            if not respect_case or shape_compatible(alias_shape, shape, sentence_initial=True,
                                                    alias_letters=lens):
                ok[entity_id] = None
        folded = " ".join(surface.split()).casefold()
        out = []
        for entry in self._entries(ok):
            exact = any(" ".join(n.split()).casefold() == folded for _, n in entry.names())
            out.append((entry, exact))
        return out

    def lookup(self, name: str, kind: str | None = None, limit: int = 20) -> list[CatalogEntry]:
        """Entries with a name equal to ``name`` after normalisation (case ignored), exact
        spellings first, then by prominence."""
        found = self.candidates(name, respect_case=False)
        if kind is not None:
            found = [(e, x) for e, x in found if e.kind == kind]
        found.sort(key=lambda ex: (not ex[1], -ex[0].prior, ex[0].key))
        return [e for e, _ in found[:max(0, limit)]]

    def scan(self, text: str) -> list[AliasMatch]:
        """The longest non-overlapping occurrences of catalog names in ``text``."""
        ws = words(text)
        if not ws:
            return []
        spans: dict[str, list[tuple[int, int]]] = {}
        n = len(ws)
        lower_first = self._lower_first
        prefixes = self._prefixes
        longest = self.max_words
        for i, w in enumerate(ws):
            key = w.key
            if key == "the" or w.shape == "L" and lower_first is not None and \
                    key not in lower_first:
                continue  # a lower-case word starts no name unless some alias does
            spans.setdefault(key, []).append((i, i))
            for j in range(i + 1, min(n, i + longest)):
                if not ws[j].joins_previous or prefixes is not None and key not in prefixes:
                    break  # no name goes on from here
                key = f"{key} {ws[j].key}"
                spans.setdefault(key, []).append((i, j))
        found = self._query_keys(list(spans))
        lower_keys = lower_case_keys(ws)
        matches: list[tuple[int, int, list[int]]] = []
        for key, rows in found.items():
            lens = key_lengths(key)
            for i, j in spans[key]:
                if is_trap(ws, i, j, lower_keys):
                    continue
                shape = "".join(ws[k].shape for k in range(i, j + 1))
                ids = sorted({eid for eid, alias_shape in rows
                              if shape_compatible(alias_shape, shape,
                                                  sentence_initial=ws[i].sentence_initial,
                                                  alias_letters=lens)})
                if ids and inside_longer_name(ws, i, j):
                    ids = [eid for eid in ids if self._kind_of(eid) != "place"]
                if ids:
                    matches.append((i, j, ids))
        matches.sort(key=lambda m: (m[0] - m[1], m[0]))
        taken = [False] * n
        out = []
        for i, j, ids in matches:
            if any(taken[i:j + 1]):
                continue
            for k in range(i, j + 1):
                taken[k] = True
            entries = sorted(self._entries(ids), key=lambda e: (-e.prior, e.key))
            start, end = ws[i].start, ws[j].end
            out.append(AliasMatch(start, end, text[start:end], tuple(entries)))
        out.sort(key=lambda m: m.start)
        return out

    def _kind_of(self, entity_id: int) -> str | None:
        entry = self._entry(entity_id)
        return None if entry is None else entry.kind

    def _query_keys(self, keys: list[str]) -> dict[str, list[tuple[int, str]]]:
        out: dict[str, list[tuple[int, str]]] = {}
        conn = self._conn
        for i in range(0, len(keys), _CHUNK):
            chunk = keys[i:i + _CHUNK]
            marks = ",".join("?" * len(chunk))
            for key, entity_id, shape in conn.execute(
                    f"SELECT key, entity, shape FROM alias WHERE key IN ({marks})", chunk):
                out.setdefault(key, []).append((entity_id, shape))
        return out

    # -- places -----------------------------------------------------------------------------

    def ancestors(self, qid: str) -> list[str]:
        """Every place ``qid`` lies in (transitively), nearest first."""
        return list(self._up(qid))

    def _query_ancestors(self, qid: str) -> tuple[str, ...]:
        rows = self._conn.execute(
            "WITH RECURSIVE up(q, d) AS (SELECT parent, 1 FROM located WHERE child = ? "
            "UNION SELECT l.parent, up.d + 1 FROM located l JOIN up ON l.child = up.q "
            "WHERE up.d < 25) SELECT q, min(d) FROM up WHERE q != ? GROUP BY q "
            "ORDER BY min(d), q", (qid, qid)).fetchall()
        return tuple(r[0] for r in rows)

    def descendants(self, qid: str) -> list[str]:
        """Every place inside ``qid`` (transitively), nearest first."""
        rows = self._conn.execute(
            "WITH RECURSIVE down(q, d) AS (SELECT child, 1 FROM located WHERE parent = ? "
            "UNION SELECT l.child, down.d + 1 FROM located l JOIN down ON l.parent = down.q "
            "WHERE down.d < 25) SELECT q, min(d) FROM down WHERE q != ? GROUP BY q "
            "ORDER BY min(d), q", (qid, qid)).fetchall()
        return [r[0] for r in rows]

    def key_of(self, name: str) -> str:
        return name_key(name)


def _entry_from_json(raw: str) -> CatalogEntry:
    rec = json.loads(raw)
    labels = rec["labels"]
    return CatalogEntry(
        qid=rec.get("qid"), kind=rec["kind"], label=labels.get("en") or next(iter(labels.values())),
        labels=MappingProxyType(labels),
        aliases=MappingProxyType({k: tuple(v) for k, v in rec["aliases"].items()}),
        description=rec.get("description"), types=tuple(rec.get("types") or ()),
        country=rec.get("country"), located_in=tuple(rec.get("located_in") or ()),
        lat=rec.get("lat"), lon=rec.get("lon"), geonames=rec.get("geonames"),
        population=rec.get("population"), sitelinks=rec.get("sitelinks"),
        sources=tuple(rec.get("sources") or ()))
