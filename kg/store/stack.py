"""Run engine calls on threads with a large stack.

pyoxigraph parses and evaluates SPARQL recursively; a deeply nested or very long query or
update (a few thousand nested groups, or a chain of thousands of ``UNION``s or ``BIND``s)
overflows an ordinary 8 MiB thread stack, and a stack overflow kills the whole process. On a
stack of :data:`LARGE_STACK` bytes the same text runs (its depth is bounded by
``KG_MAX_QUERY_LENGTH``). The memory is virtual: only the pages a call touches are used.

The threads are long-lived (a pool started on first use): RocksDB keeps per-thread state, and
a fresh thread for every write made each later write slower as the store grew (measured: 4 ms
against 33 ms per article write at 75,000 quads).
"""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Callable
from typing import Any, TypeVar

LARGE_STACK = 512 * 1024 * 1024
POOL_SIZE = 8

T = TypeVar("T")
_lock = threading.Lock()
_calls: queue.SimpleQueue = queue.SimpleQueue()
_threads: list[threading.Thread] = []
_idle = 0


class _Call:
    __slots__ = ("box", "done", "outcome")

    def __init__(self, fn: Callable[..., Any], args: tuple, kwargs: dict) -> None:
        self.box = [(fn, args, kwargs)]
        self.done = threading.Event()
        self.outcome: list[Any] = []


def _serve() -> None:
    global _idle
    while True:
        call = _calls.get()
        with _lock:
            _idle -= 1
        fn, a, kw = call.box.pop()
        try:
            result = fn(*a, **kw)
        except BaseException as exc:  # noqa: BLE001 - handed back to the caller
            del fn, a, kw
            call.outcome.append((False, exc))
        else:
            del fn, a, kw
            call.outcome.append((True, result))
            del result
        with _lock:
            _idle += 1
        call.done.set()
        del call


def _ensure_thread() -> None:
    """Start one more pool thread when none is idle (up to :data:`POOL_SIZE`)."""
    global _idle
    with _lock:
        if _idle > 0 or len(_threads) >= POOL_SIZE:
            return
        previous = threading.stack_size(LARGE_STACK)  # process-wide: just for this thread
        try:
            thread = threading.Thread(target=_serve, name=f"kg-large-stack-{len(_threads)}",
                                      daemon=True)
            thread.start()
        finally:
            threading.stack_size(previous)
        _threads.append(thread)
        _idle += 1


def _forget_pool() -> None:
    """In a forked child the pool's threads do not exist: start afresh."""
    global _lock, _calls, _threads, _idle
    _lock = threading.Lock()
    _calls = queue.SimpleQueue()
    _threads = []
    _idle = 0


os.register_at_fork(after_in_child=_forget_pool)


def run_on_large_stack(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """``fn(*args, **kwargs)`` on a pool thread with a large stack; returns or raises as
    ``fn`` does. Only the pool thread holds the call (tracebacks keep frames' locals)."""
    if threading.current_thread() in _threads:  # already on a large stack: no deadlock
        return fn(*args, **kwargs)
    call = _Call(fn, args, kwargs)
    del fn, args, kwargs
    _ensure_thread()
    _calls.put(call)
    call.done.wait()
    ok, value = call.outcome.pop()
    if ok:
        return value
    raise value
