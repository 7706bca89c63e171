"""Read-only snapshots of the embedded store, for processes that only read it.

A snapshot is a checkpoint of the live store (pyoxigraph ``backup()``: hard links, so cheap in
space) labelled with the service's store version when it was taken. Another process may open
a snapshot read-only while the service keeps writing the live store; opening the live store
itself from a second process while it is written is undefined behaviour.

Snapshots are reference counted. The newest is held by the manager; an older one lives until
the last holder (a query worker that still has it open) lets it go, then its folder is removed.
A new snapshot is taken lazily, when a reader asks for one and the store version has moved on,
so a burst of writes costs one checkpoint, and a reader always sees every write acknowledged
before it asked.
"""

from __future__ import annotations

import itertools
import logging
import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .embedded import EmbeddedStore

log = logging.getLogger(__name__)


@dataclass(eq=False)
class Snapshot:
    """One checkpoint folder, the store version it holds at least, and its holders."""

    path: Path
    version: int
    refs: int = 0


class Snapshots:
    """Takes, hands out and removes the snapshots of ``store`` under ``root``.

    ``version`` returns the store's current version (it grows with every write)."""

    def __init__(self, store: EmbeddedStore, root: Path, version: Callable[[], int]):
        if store.path is None:
            raise ValueError("snapshots need an on-disk store")
        self.store = store
        self.root = root
        self._version = version
        self._lock = threading.Lock()  # guards refs and _current
        self._taking = threading.Lock()  # one checkpoint at a time
        self._current: Snapshot | None = None
        self._seq = itertools.count(1)
        shutil.rmtree(root, ignore_errors=True)  # left over by a previous run
        root.mkdir(parents=True, exist_ok=True)

    def acquire(self) -> Snapshot:
        """A snapshot holding every write made before this call; release it when done."""
        wanted = self._version()
        snap = self._fresh(wanted)
        if snap is not None:
            return snap
        with self._taking:
            snap = self._fresh(wanted)  # another reader may have taken it meanwhile
            if snap is not None:
                return snap
            label = self._version()  # read first: the checkpoint holds at least this version
            path = self.root / f"v{label}-{next(self._seq)}"
            self.store.backup(path)
            snap = Snapshot(path, label, refs=2)  # the manager's reference and the caller's
            with self._lock:
                old, self._current = self._current, snap
        if old is not None:
            self.release(old)
        return snap

    def hold(self, snap: Snapshot) -> Snapshot:
        """One more reference to a snapshot already held."""
        with self._lock:
            snap.refs += 1
        return snap

    def release(self, snap: Snapshot) -> None:
        """Drop one reference; the last one removes the folder."""
        with self._lock:
            snap.refs -= 1
            gone = snap.refs <= 0
        if gone:
            shutil.rmtree(snap.path, ignore_errors=True)

    def _fresh(self, wanted: int) -> Snapshot | None:
        with self._lock:
            cur = self._current
            if cur is not None and cur.version >= wanted:
                cur.refs += 1
                return cur
        return None

    def close(self) -> None:
        """Drop the manager's reference and remove every snapshot folder."""
        with self._lock:
            cur, self._current = self._current, None
        if cur is not None:
            self.release(cur)
        shutil.rmtree(self.root, ignore_errors=True)
