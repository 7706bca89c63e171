"""Large-stack calls: results and errors come back, deep recursion runs, threads are reused,
nested calls do not deadlock, and a forked child gets a pool of its own."""

from __future__ import annotations

import os
import signal
import sys
import threading
import warnings

import pytest

from kg.store import stack


def test_returns_and_raises_like_the_call():
    assert stack.run_on_large_stack(lambda a, b=0: a + b, 40, b=2) == 42
    with pytest.raises(KeyError, match="missing"):
        stack.run_on_large_stack(lambda: {}["missing"])


def test_recursion_deeper_than_an_ordinary_thread_stack_allows():
    def depth(n: int) -> int:
        return 0 if n == 0 else 1 + depth(n - 1)

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(200_000)
    try:
        assert stack.run_on_large_stack(depth, 100_000) == 100_000
    finally:
        sys.setrecursionlimit(limit)


def test_threads_are_reused_and_nested_calls_run_in_place():
    names = {stack.run_on_large_stack(lambda: threading.current_thread().name)
             for _ in range(50)}
    assert len(names) <= stack.POOL_SIZE
    outer = stack.run_on_large_stack(
        lambda: (threading.current_thread().name,
                 stack.run_on_large_stack(lambda: threading.current_thread().name)))
    assert outer[0] == outer[1]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")
def test_a_forked_child_starts_its_own_pool():
    stack.run_on_large_stack(lambda: None)  # the parent's pool exists
    read, write = os.pipe()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # fork with threads (3.12+)
        pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        signal.alarm(10)  # a hang (a pool of the parent's threads, gone) ends the child
        try:
            os.write(write, str(stack.run_on_large_stack(lambda: 7 * 6)).encode())
        finally:
            os._exit(0)
    os.close(write)
    _, status = os.waitpid(pid, 0)
    assert os.read(read, 16) == b"42" and status == 0
    os.close(read)
