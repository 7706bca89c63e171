"""Run engine calls on a thread with a large stack.

pyoxigraph parses and evaluates SPARQL recursively; a deeply nested or very long query or
update (a few thousand nested groups, or a chain of thousands of ``UNION``s or ``BIND``s)
overflows an ordinary 8 MiB thread stack, and a stack overflow kills the whole process. On a
stack of :data:`LARGE_STACK` bytes the same text runs (its depth is bounded by
``KG_MAX_QUERY_LENGTH``). The memory is virtual: only the pages a call touches are used.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

LARGE_STACK = 512 * 1024 * 1024

T = TypeVar("T")
_sizing = threading.Lock()


def run_on_large_stack(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """``fn(*args, **kwargs)`` on a fresh thread with a large stack; returns or raises as
    ``fn`` does."""
    outcome: list[Any] = []
    box = [(fn, args, kwargs)]
    del fn, args, kwargs  # only the thread holds the call (tracebacks keep frames' locals)

    def target() -> None:
        call, a, kw = box.pop()
        try:
            result = call(*a, **kw)
        except BaseException as exc:  # noqa: BLE001 - handed back to the caller
            del call, a, kw
            outcome.append((False, exc))
            return
        del call, a, kw
        outcome.append((True, result))

    with _sizing:  # the stack size is process-wide: set it just for this thread
        previous = threading.stack_size(LARGE_STACK)
        try:
            thread = threading.Thread(target=target, name="kg-large-stack", daemon=True)
            thread.start()
        finally:
            threading.stack_size(previous)
    thread.join()
    ok, value = outcome[0]
    if ok:
        return value
    raise value
