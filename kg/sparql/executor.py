"""SPARQL queries with a time limit: a pool of worker processes over store snapshots.

Neither pyoxigraph nor rdflib can interrupt a running query, so a query runs in a worker
process that opens a read-only snapshot of the store (:mod:`kg.store.snapshots`), evaluates
the query and serialises the answer there, and sends the bytes back. At the deadline the
worker is killed (freeing its memory and CPU at once) and replaced; the request gets
:class:`~kg.errors.QueryTimeout` (503). Other requests keep being answered meanwhile by the
other workers and by the main process.

Workers are forked from a ``forkserver`` that has already imported the engine, so starting or
replacing one takes milliseconds; they start on demand, up to ``size``. Each evaluates on a
thread with a large stack (a deeply nested query would overflow an ordinary one); if a query
still crashes its worker, the client gets :class:`~kg.errors.QueryTooComplex` (400). With an
empty ``KG_SERVICE_ALLOWLIST`` the workers also drop their network access (a fresh network
namespace, where the kernel allows it), so no query can make an outbound request even if it
slipped past the ``SERVICE`` check.

:func:`answer` is the one code path for both modes: the workers call it, and so does the
request thread when the pool is disabled (``KG_QUERY_WORKERS=0``).
"""

from __future__ import annotations

import logging
import multiprocessing
import signal
import threading
import time
import weakref
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from ..errors import BackendUnavailable, KGError, QueryTimeout, QueryTooComplex
from ..store.snapshots import Snapshot, Snapshots
from .results import Answer, serialise

log = logging.getLogger(__name__)

_CONTEXT = multiprocessing.get_context("forkserver")
# The forkserver imports the worker (and pyoxigraph) once; workers fork from it warm. Only this
# module list is preloaded (not __main__, which may be a console script or pytest).
_CONTEXT.set_forkserver_preload(["kg.sparql.worker"])

_CRASH_SIGNALS = {-signal.SIGSEGV, -signal.SIGABRT, -signal.SIGBUS, -signal.SIGILL}


@dataclass(frozen=True)
class QueryJob:
    """A query to run: its text, the store's ``query()`` keyword arguments (dataset, base),
    the client's Accept header as (media type, quality) pairs and ``?format=``, and the
    bounds of the answer."""

    text: str
    kwargs: dict[str, Any] = field(default_factory=dict)
    accept: tuple[tuple[str, float], ...] | None = None
    fmt: str | None = None
    max_rows: int = 100_000
    max_bytes: int = 64 * 1024 * 1024


@dataclass(frozen=True)
class QueryReply:
    """A serialised answer. ``truncated`` is None, ``"rows"`` or ``"bytes"``."""

    media_type: str
    body: bytes
    truncated: str | None = None

    def to_answer(self) -> Answer:
        """As a response: ``truncated`` is told in the ``X-KG-Truncated-By`` header."""
        headers = {"X-KG-Truncated-By": self.truncated} if self.truncated else {}
        return Answer(self.media_type, iter([self.body]), self.truncated is not None, headers)


def answer(store, job: QueryJob) -> QueryReply:
    """Run ``job`` on ``store`` and serialise its answer within ``max_rows`` and ``max_bytes``.

    A result longer than ``max_bytes`` once serialised is cut after fewer rows: the query is
    run again with a smaller row limit, estimated from the size per row, until the document
    fits (each document stays well-formed, in any format)."""
    accept = _accept(job.accept)
    result = store.query(job.text, **job.kwargs)
    ans = serialise(result, accept, job.max_rows, job.fmt)
    body, size = _collect(ans.chunks, job.max_bytes)
    if body is not None:
        return QueryReply(ans.media_type, body, "rows" if ans.truncated else None)
    rows = sum(1 for _ in islice(store.query(job.text, **job.kwargs), job.max_rows))
    limit = rows
    while True:
        limit = max(0, min(limit - 1, int(limit * job.max_bytes / size * 0.95)))
        ans = serialise(store.query(job.text, **job.kwargs), accept, limit, job.fmt)
        body, size = _collect(ans.chunks, job.max_bytes)
        if body is not None or limit == 0:
            if body is None:  # even an empty document is larger than the limit
                body, _ = _collect(
                    serialise(store.query(job.text, **job.kwargs), accept, 0, job.fmt).chunks,
                    None)
            return QueryReply(ans.media_type, body, "bytes")


def _collect(chunks, limit: int | None) -> tuple[bytes | None, int]:
    """The chunks joined, or None when they exceed ``limit`` (then only counted)."""
    chunks = iter(chunks)
    parts: list[bytes] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if limit is not None and size > limit:
            parts.clear()
            for rest in chunks:
                size += len(rest)
            return None, size
        parts.append(chunk)
    return b"".join(parts), size


def _accept(pairs):
    if pairs is None:
        return None
    from werkzeug.datastructures import MIMEAccept

    return MIMEAccept(list(pairs))


class _Worker:
    """One worker process, its end of the pipe, and the snapshot it has open."""

    def __init__(self, isolate_network: bool):
        from . import worker

        parent, child = _CONTEXT.Pipe(duplex=True)
        self.proc = _CONTEXT.Process(target=worker.main, args=(child, isolate_network),
                                     name="kg-query-worker", daemon=True)
        self.proc.start()
        child.close()
        self.conn = parent
        self.snapshot: Snapshot | None = None

    def kill(self) -> None:
        try:
            self.proc.kill()
        except (OSError, ValueError, AttributeError):
            pass
        self.proc.join(5)
        self.conn.close()


class QueryExecutor:
    """Runs :class:`QueryJob` s in up to ``size`` worker processes, each stopped at
    ``timeout`` seconds."""

    def __init__(self, snapshots: Snapshots, *, size: int, timeout: float,
                 isolate_network: bool = True):
        if size < 1:
            raise ValueError("a query pool needs at least one worker")
        self.snapshots = snapshots
        self.size = size
        self.timeout = timeout
        self.isolate_network = isolate_network
        self._cond = threading.Condition()
        self._idle: list[_Worker] = []
        self._live = 0
        self._workers: set[_Worker] = set()
        self._closed = False
        self._finalizer = weakref.finalize(self, _shutdown, self._workers)

    # -- running -----------------------------------------------------------------------------

    def run(self, job: QueryJob) -> QueryReply:
        """The answer, or QueryTimeout (503) when it ran for ``timeout`` seconds,
        QueryTooComplex (400) when it crashed its worker, BackendUnavailable (503) when no
        worker became free within ``timeout`` seconds."""
        snap = self.snapshots.acquire()
        try:
            worker = self._checkout(time.monotonic() + self.timeout)
        except BaseException:
            self.snapshots.release(snap)
            raise
        deadline = time.monotonic() + self.timeout
        try:
            worker.conn.send((str(snap.path), job))
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not worker.conn.poll(remaining):
                self._discard(worker, snap)
                raise QueryTimeout(f"the query ran longer than KG_QUERY_TIMEOUT "
                                   f"({self.timeout:g} s) and was stopped")
            status, payload = worker.conn.recv()
        except (EOFError, OSError):
            self._discard(worker, snap)
            raise self._death(worker) from None
        self._settle(worker, snap)
        if status == "ok":
            return payload
        if status == "error":
            raise payload
        log.error("a query worker failed:\n%s", payload)
        raise KGError()

    def _checkout(self, deadline: float) -> _Worker:
        with self._cond:
            while True:
                if self._closed:
                    raise BackendUnavailable("the query service is shutting down")
                if self._idle:
                    return self._idle.pop()
                if self._live < self.size:
                    self._live += 1
                    break
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise BackendUnavailable(
                        "every query worker stayed busy for KG_QUERY_TIMEOUT; try again later",
                        headers={"Retry-After": "5"})
                self._cond.wait(remaining)
        try:
            worker = _Worker(self.isolate_network)
        except BaseException:
            with self._cond:
                self._live -= 1
                self._cond.notify()
            raise
        with self._cond:
            self._workers.add(worker)
        return worker

    def _settle(self, worker: _Worker, snap: Snapshot) -> None:
        """Back to the idle list; the worker now holds ``snap`` (the caller's reference)."""
        old, worker.snapshot = worker.snapshot, snap
        if old is not None:
            self.snapshots.release(old)
        with self._cond:
            if self._closed:
                self._workers.discard(worker)
                worker.kill()
                return
            self._idle.append(worker)
            self._cond.notify()

    def _discard(self, worker: _Worker, snap: Snapshot) -> None:
        """Kill a worker (timed out or dead) and let a waiting request start a new one. The
        snapshots it held are released once it is gone."""
        with self._cond:
            self._workers.discard(worker)
            self._live -= 1
            self._cond.notify()
        held = [s for s in (worker.snapshot, snap) if s is not None]

        def reap() -> None:
            worker.kill()
            for s in held:
                self.snapshots.release(s)

        threading.Thread(target=reap, name="kg-query-reaper", daemon=True).start()

    @staticmethod
    def _death(worker: _Worker) -> KGError:
        worker.proc.join(2)
        code = worker.proc.exitcode
        if code in _CRASH_SIGNALS:
            log.warning("a query crashed its worker (exit code %s)", code)
            return QueryTooComplex("the query is too deeply nested or too long for the "
                                   "engine; simplify it")
        log.error("a query worker died (exit code %s)", code)
        return BackendUnavailable()

    # -- lifecycle ---------------------------------------------------------------------------

    @property
    def live_workers(self) -> int:
        return self._live

    def close(self) -> None:
        """Stop every worker (a running query is cut off) and remove the snapshots."""
        with self._cond:
            self._closed = True
            self._idle.clear()
            self._cond.notify_all()
        self._finalizer()
        self.snapshots.close()


def build_executor(settings, store, version) -> QueryExecutor | None:
    """The pool for a service's store, or None to run queries in the request thread: when
    ``KG_QUERY_WORKERS`` is 0 or the store is not on local disk (then queries have no time
    limit). ``version`` returns the store version (it grows with every write)."""
    from ..store.embedded import EmbeddedStore

    if settings.query_workers < 1 or not isinstance(store, EmbeddedStore) or store.path is None:
        log.warning("SPARQL queries run without a time limit (no query workers for this "
                    "store)")
        return None
    root = store.path.parent / f"{store.path.name}-snapshots"
    return QueryExecutor(Snapshots(store, root, version), size=settings.query_workers,
                         timeout=settings.query_timeout,
                         isolate_network=not settings.allowed_remote_prefixes)


def _shutdown(workers: set[_Worker]) -> None:
    for worker in list(workers):
        worker.kill()
    workers.clear()
