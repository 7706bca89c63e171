"""Writing the catalog's SQLite index: built in a temporary file, swapped in atomically.

Layout (``FORMAT`` names it; a catalog of another format is rebuilt, never misread):

- ``entity(id, qid, kind, prior, geonames, origin, record)``: one row per item, ``qid`` its key
  (the Q-id, or ``geonames:<id>`` for a place without a verified Q-id), ``record`` the clean
  JSON record, ``origin`` where it came from (``starter``, ``import:NAME``, ``learn``);
- ``alias(key, entity, shape)``: every normalised name of every item, with the case shape of
  the original spelling, indexed on ``(key, entity, shape)`` so a look-up reads the index only;
- ``located(child, parent)``: located-in edges (P131, and the country of a place), both ways;
- ``meta(key, value)``: format, counts, sources and what the scanner needs to know (the
  first words of lower-case names, ``lower_first``; the keys that begin longer keys,
  ``prefixes``; either ``None`` when too many, and missing in older indexes).

A reader never sees a half-written catalog: :class:`CatalogWriter` copies the current file (when
extending) into a temporary file beside it, writes there, and replaces the catalog with
``os.replace`` only when everything went well.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from .entry import BadRecord, clean_record, merge_records, prior_of, record_key
from .normalise import name_key_shape

FORMAT = "kg-catalog/1"
LOWER_FIRST_LIMIT = 20_000
PREFIXES_LIMIT = 200_000
_BATCH = 5000

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS entity(
    id INTEGER PRIMARY KEY, qid TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, prior REAL NOT NULL,
    geonames INTEGER, origin TEXT NOT NULL, record TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS alias(key TEXT NOT NULL, entity INTEGER NOT NULL, shape TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS located(child TEXT NOT NULL, parent TEXT NOT NULL,
    PRIMARY KEY(child, parent)) WITHOUT ROWID;
"""
INDEXES = """
CREATE INDEX IF NOT EXISTS alias_key ON alias(key, entity, shape);
CREATE INDEX IF NOT EXISTS alias_entity ON alias(entity);
CREATE INDEX IF NOT EXISTS located_parent ON located(parent, child);
CREATE INDEX IF NOT EXISTS entity_geonames ON entity(geonames);
"""


@dataclass
class ImportStats:
    """What an import read, kept and skipped (with the first warnings, for the user)."""

    read: int = 0
    added: int = 0
    merged: int = 0
    skipped_type: int = 0
    skipped_bad: int = 0
    warnings: list[str] = field(default_factory=list)

    def warn(self, message: str) -> None:
        self.skipped_bad += 1
        if len(self.warnings) < 20:
            self.warnings.append(message)

    def as_dict(self) -> dict[str, Any]:
        return {"read": self.read, "added": self.added, "merged": self.merged,
                "skipped_type": self.skipped_type, "skipped_bad": self.skipped_bad,
                "warnings": list(self.warnings)}


def alias_rows(record: Mapping[str, Any]) -> set[tuple[str, str]]:
    """The distinct (key, shape) pairs of every label and alias of a clean record."""
    rows = set()
    names = list(record["labels"].values())
    for values in record["aliases"].values():
        names.extend(values)
    for name in names:
        key, shape = name_key_shape(name)
        if not key or (len(key) < 2 and "U" not in shape):
            continue  # a single letter is never a name worth matching
        rows.add((key, shape))
    return rows


class CatalogWriter:
    """Builds or extends a catalog; use as a context manager (aborts on an exception)."""

    def __init__(self, path: Path, *, extend: bool = True):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=self.path.name + ".", suffix=".tmp",
                                   dir=self.path.parent)
        os.close(fd)
        self.tmp = Path(tmp)
        self._bulk = not (extend and self.path.exists())
        if not self._bulk:
            _copy_database(self.path, self.tmp)
        self.conn = sqlite3.connect(self.tmp, isolation_level=None)
        self.conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; "
                                "PRAGMA cache_size=-200000; PRAGMA temp_store=MEMORY;")
        if not self._bulk:
            fmt = self._meta("format")
            if fmt != FORMAT:
                self.abort()
                raise ConfigError(f"{self.path} is not a catalog of format {FORMAT}")
        self.conn.executescript(SCHEMA)
        if not self._bulk:
            self.conn.executescript(INDEXES)
        self.conn.execute("BEGIN")
        self._aliases: list[tuple[str, int, str]] = []
        self._located: list[tuple[str, str]] = []
        self._done = False

    # -- context manager --------------------------------------------------------------------

    def __enter__(self) -> CatalogWriter:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if self._done:
            return
        if exc_type is None:
            self.commit()
        else:
            self.abort()

    # -- writing ----------------------------------------------------------------------------

    def add(self, record: Mapping[str, Any], origin: str, stats: ImportStats | None = None,
            *, clean: bool = False) -> bool:
        """Add (or merge into an existing item) one record; a bad record is counted in
        ``stats`` and skipped. Returns whether the record was stored."""
        try:
            rec = dict(record) if clean else clean_record(record)
        except BadRecord as exc:
            if stats is None:
                raise
            stats.warn(str(exc))
            return False
        key = record_key(rec)
        cur = self.conn.execute(
            "INSERT INTO entity(qid, kind, prior, geonames, origin, record) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(qid) DO NOTHING",
            (key, rec["kind"], prior_of(rec["sitelinks"], rec["population"]),
             rec["geonames"], origin, json.dumps(rec, ensure_ascii=False, separators=(",", ":"))))
        if cur.rowcount == 1:
            entity_id = cur.lastrowid
            if stats is not None:
                stats.added += 1
        else:
            entity_id = self._merge(rec)
            if stats is not None:
                stats.merged += 1
        for alias_key, shape in alias_rows(rec):
            self._aliases.append((alias_key, entity_id, shape))
        edges = list(rec["located_in"])
        if rec["kind"] == "place" and rec["country"] and rec["country"] != key:
            edges.append(rec["country"])
        self._located.extend((key, parent) for parent in edges if parent != key)
        if len(self._aliases) >= _BATCH:
            self._flush()
        return True

    def _merge(self, rec: dict[str, Any]) -> int:
        self._flush()
        entity_id, old = self.conn.execute(
            "SELECT id, record FROM entity WHERE qid = ?", (record_key(rec),)).fetchone()
        merged = merge_records(json.loads(old), rec)
        self.conn.execute(
            "UPDATE entity SET kind = ?, prior = ?, geonames = ?, record = ? WHERE id = ?",
            (merged["kind"], prior_of(merged["sitelinks"], merged["population"]),
             merged["geonames"], json.dumps(merged, ensure_ascii=False, separators=(",", ":")),
             entity_id))
        self.conn.execute("DELETE FROM alias WHERE entity = ?", (entity_id,))
        rec.clear()
        rec.update(merged)
        return entity_id

    def remove_origin(self, origin: str) -> int:
        """Delete every item that came from ``origin`` (before re-importing that source)."""
        self._flush()
        ids = [r[0] for r in self.conn.execute("SELECT id FROM entity WHERE origin = ?",
                                               (origin,))]
        qids = [r[0] for r in self.conn.execute("SELECT qid FROM entity WHERE origin = ?",
                                                (origin,))]
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            marks = ",".join("?" * len(chunk))
            self.conn.execute(f"DELETE FROM alias WHERE entity IN ({marks})", chunk)
            self.conn.execute(f"DELETE FROM entity WHERE id IN ({marks})", chunk)
        for i in range(0, len(qids), 500):
            chunk = qids[i:i + 500]
            marks = ",".join("?" * len(chunk))
            self.conn.execute(f"DELETE FROM located WHERE child IN ({marks})", chunk)
        return len(ids)

    def set_meta(self, key: str, value: Any) -> None:
        self.conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
                          (key, json.dumps(value)))

    def _meta(self, key: str) -> Any:
        try:
            row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        except sqlite3.DatabaseError:
            return None
        return json.loads(row[0]) if row else None

    def record_source(self, origin: str, info: Mapping[str, Any]) -> None:
        sources = self._meta("sources") or {}
        sources[origin] = dict(info)
        self.set_meta("sources", sources)

    def _flush(self) -> None:
        if self._aliases:
            self.conn.executemany("INSERT INTO alias(key, entity, shape) VALUES (?, ?, ?)",
                                  self._aliases)
            self._aliases = []
        if self._located:
            self.conn.executemany("INSERT OR IGNORE INTO located(child, parent) VALUES (?, ?)",
                                  self._located)
            self._located = []

    # -- finishing --------------------------------------------------------------------------

    def commit(self) -> None:
        """Finish the index and swap it in place of the catalog."""
        try:
            self._flush()
            self.conn.execute("COMMIT")
            self.conn.executescript(INDEXES)
            self.conn.execute("BEGIN")
            self._write_summary()
            self.conn.execute("COMMIT")
            self.conn.execute("ANALYZE")
            self.conn.close()
            os.replace(self.tmp, self.path)
            self._done = True
        except BaseException:
            self.abort()
            raise

    def _write_summary(self) -> None:
        c = self.conn
        self.set_meta("format", FORMAT)
        self.set_meta("entities", c.execute("SELECT count(*) FROM entity").fetchone()[0])
        self.set_meta("aliases", c.execute("SELECT count(*) FROM alias").fetchone()[0])
        longest = c.execute("SELECT max(length(key) - length(replace(key, ' ', ''))) "
                            "FROM alias").fetchone()[0]
        self.set_meta("max_words", (longest or 0) + 1)
        firsts = [r[0] for r in c.execute(
            "SELECT DISTINCT CASE WHEN instr(key, ' ') > 0 THEN substr(key, 1, instr(key, ' ') - 1)"
            " ELSE key END FROM alias WHERE shape LIKE 'L%' LIMIT ?", (LOWER_FIRST_LIMIT + 1,))]
        self.set_meta("lower_first", None if len(firsts) > LOWER_FIRST_LIMIT else sorted(firsts))
        self.set_meta("prefixes", self._prefixes())

    def _prefixes(self) -> list[str] | None:
        """The keys that begin a longer key ("new" and "new york" of "new york city"): the
        scanner extends an n-gram only past one of them. ``None`` above ``PREFIXES_LIMIT``."""
        found: set[str] = set()
        for (key,) in self.conn.execute("SELECT DISTINCT key FROM alias WHERE instr(key, ' ') > 0"):
            parts = key.split(" ")
            found.update(" ".join(parts[:k]) for k in range(1, len(parts)))
            if len(found) > PREFIXES_LIMIT:
                return None
        return sorted(found)

    def abort(self) -> None:
        """Throw the temporary file away; the catalog is left as it was."""
        self._done = True
        try:
            self.conn.close()
        except Exception:  # noqa: BLE001 - closing a broken connection may fail; ignore
            pass
        for suffix in ("", "-journal", "-wal", "-shm"):
            try:
                os.unlink(str(self.tmp) + suffix)
            except FileNotFoundError:
                pass


def _copy_database(src: Path, dst: Path) -> None:
    try:
        source = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
        target = sqlite3.connect(dst)
        with target:
            source.backup(target)
        source.close()
        target.close()
    except sqlite3.DatabaseError:
        os.unlink(dst)
        raise ConfigError(f"{src} is not a readable catalog index; delete it or build it again"
                          ) from None
