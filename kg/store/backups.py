"""Backups of the embedded store: ``kg backup``, ``kg restore`` and ``kg restore-dump``.

A backup folder holds ``store/`` (a pyoxigraph checkpoint: a consistent copy, hard links
where the file system allows), ``state.json`` (the service's version counter and bookkeeping)
and ``backup.json`` (what was backed up, with the counts a restore checks). It appears
atomically: it is written under a temporary name and renamed when complete.

A restore (or a load from an N-Quads/TriG dump) builds the new store beside the live one and
then swaps the folders, so an interrupted restore leaves the old store in place. Both refuse
to replace a store that holds data unless ``force`` is given. The store must not be in use
(stop ``kg serve`` first); the store's own lock enforces it.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, BinaryIO

import pyoxigraph as ox

from .. import __version__
from ..errors import InvalidInput
from ..settings import Settings
from .embedded import EmbeddedStore

MANIFEST = "backup.json"
KIND = "timeline-kg-backup"
DUMP_FORMATS = {"nq": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG}


def backup_store(settings: Settings, target: Path) -> dict[str, Any]:
    """Write a backup of the store to ``target`` (a new or empty folder); returns the
    manifest."""
    target = Path(target)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise InvalidInput(f"{target} already exists and is not an empty folder; choose a new "
                           "folder for the backup")
    _require_store(settings)
    store = EmbeddedStore(settings.store_path)
    staging = target.parent / f".{target.name}.partial-{uuid.uuid4().hex[:8]}"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging.mkdir()
        store.backup(staging / "store")
        manifest = {"kind": KIND, "format": 1, "created": _now(), "timeline_kg": __version__,
                    **_counts(store.raw)}
        state = settings.data_dir / "state.json"
        if state.is_file():
            shutil.copy2(state, staging / "state.json")
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=2), "utf-8")
        _fsync_tree(staging)
        if target.exists():
            target.rmdir()
        os.replace(staging, target)
    finally:
        store.close()
        shutil.rmtree(staging, ignore_errors=True)
    return manifest


def restore_store(settings: Settings, source: Path, *, force: bool = False) -> dict[str, Any]:
    """Replace the store with the backup in ``source``; returns the backup's manifest."""
    source = Path(source)
    manifest = read_manifest(source)
    backup = EmbeddedStore.open_read_only(source / "store")
    try:
        found = _counts(backup.raw)
    finally:
        backup.close()
    if found != {k: manifest.get(k) for k in found}:
        raise InvalidInput(f"the backup in {source} is damaged: it holds {found}, its manifest "
                           f"says {({k: manifest.get(k) for k in found})}")
    _refuse_overwrite(settings, force)

    def build(staging: Path) -> None:
        shutil.copytree(source / "store", staging)

    _swap_in(settings, build)
    _write_state(settings, source / "state.json")
    return manifest


def load_dump(settings: Settings, data: Path | BinaryIO, fmt: str, *,
              force: bool = False) -> dict[str, Any]:
    """Replace the store with the quads of an N-Quads or TriG dump (``kg dump --format nq``);
    returns the counts loaded."""
    if fmt not in DUMP_FORMATS:
        raise InvalidInput(f"a dump to load must be N-Quads or TriG (keeping the graphs), not "
                           f"{fmt!r}; write one with `kg dump --format nq`")
    _refuse_overwrite(settings, force)
    counts: dict[str, Any] = {}

    def build(staging: Path) -> None:
        store = ox.Store(str(staging))
        try:
            if isinstance(data, Path):
                store.bulk_load(path=str(data), format=DUMP_FORMATS[fmt])
            else:
                store.bulk_load(data, format=DUMP_FORMATS[fmt])
        except SyntaxError as exc:
            raise InvalidInput(f"the dump could not be parsed: {str(exc)[:300]}") from None
        except OSError as exc:
            raise InvalidInput(f"the dump could not be read: {exc.strerror or exc}") from None
        store.flush()
        counts.update(_counts(store))
        del store

    _swap_in(settings, build)
    _write_state(settings, None)
    return counts


def read_manifest(source: Path) -> dict[str, Any]:
    try:
        manifest = json.loads((source / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError):
        raise InvalidInput(f"{source} is not a timeline-kg backup (no readable {MANIFEST})") \
            from None
    if not isinstance(manifest, dict) or manifest.get("kind") != KIND or \
            not (source / "store").is_dir():
        raise InvalidInput(f"{source} is not a timeline-kg backup")
    return manifest


# -- helpers ------------------------------------------------------------------------------------

def _require_store(settings: Settings) -> None:
    if settings.store:
        raise InvalidInput("backups are made of the embedded store; KG_STORE names a remote one")
    if not settings.store_path.is_dir():
        raise InvalidInput(f"there is no store at {settings.store_path}")


def _refuse_overwrite(settings: Settings, force: bool) -> None:
    if settings.store:
        raise InvalidInput("restoring needs the embedded store; KG_STORE names a remote one")
    if not settings.store_path.exists() or force:
        if settings.store_path.exists():
            EmbeddedStore(settings.store_path).close()  # fails when the store is in use
        return
    store = EmbeddedStore(settings.store_path)
    try:
        size = len(store)
    finally:
        store.close()
    if size:
        raise InvalidInput(f"the store at {settings.store_path} holds {size} triples; pass "
                           "--force to replace them")


def _swap_in(settings: Settings, build) -> None:
    """Build a new store folder beside the live one, then put it in its place."""
    live = settings.store_path
    live.parent.mkdir(parents=True, exist_ok=True)
    tag = uuid.uuid4().hex[:8]
    staging = live.parent / f".restore-{tag}"
    retired = live.parent / f".replaced-{tag}"
    try:
        build(staging)
        _fsync_tree(staging)
        if live.exists():
            os.replace(live, retired)
        os.replace(staging, live)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        if retired.exists() and not live.exists():
            os.replace(retired, live)
        raise
    shutil.rmtree(retired, ignore_errors=True)


def _write_state(settings: Settings, backup_state: Path | None) -> None:
    """A version above both the old store's and the backup's (so cached ETags change)."""
    path = settings.data_dir / "state.json"
    versions, meta = [], {}
    for p in (path, backup_state):
        if p is not None and p.is_file():
            try:
                data = json.loads(p.read_text("utf-8"))
                versions.append(int(data.get("version", 0)))
                if p == backup_state:
                    meta = dict(data.get("meta") or {})
            except (OSError, ValueError, TypeError):
                continue
    state = {"version": max(versions, default=0) + 1, "last_modified": _now(), "meta": meta}
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(state), "utf-8")
    os.replace(tmp, path)


def _counts(raw: ox.Store) -> dict[str, int]:
    return {"triples": len(raw), "graphs": sum(1 for _ in raw.named_graphs())}


def _now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def _fsync_tree(root: Path) -> None:
    """Make a freshly written folder durable before it is renamed into place."""
    for path in [*root.rglob("*"), root]:
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            continue
        try:
            os.fsync(fd)
        except OSError:
            pass
        finally:
            os.close(fd)
