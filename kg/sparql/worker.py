"""The query worker process: receives ``(snapshot path, QueryJob)``, sends back a reply.

Replies are ``("ok", QueryReply)``, ``("error", KGError)`` for a client fault or a known
server fault, or ``("crash", traceback text)`` for anything unexpected (the parent logs it; the
client only sees a generic 500). The worker exits when its pipe closes (the service stopped or
died).
"""

from __future__ import annotations

import ctypes
import signal
import threading
import traceback
from pathlib import Path

from ..errors import KGError
from ..store.embedded import EmbeddedStore
from ..store.stack import LARGE_STACK
from .executor import answer

_CLONE_NEWUSER = 0x10000000
_CLONE_NEWNET = 0x40000000


def main(conn, isolate_network: bool) -> None:
    """Entry point of a worker process."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the service, which stops us
    if isolate_network:
        drop_network()
    threading.stack_size(LARGE_STACK)
    thread = threading.Thread(target=serve, args=(conn,), name="kg-query")
    thread.start()
    thread.join()


def drop_network() -> bool:
    """Move this (still single-threaded) process into a new, empty network namespace, so that
    it cannot open any connection; False where the kernel does not allow it."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.unshare(_CLONE_NEWUSER | _CLONE_NEWNET) == 0
    except (OSError, AttributeError):
        return False


def serve(conn) -> None:
    """Answer jobs until the pipe closes."""
    store = None
    opened = None
    while True:
        try:
            path, job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            if path != opened:
                store = opened = None  # close the old snapshot before opening the new one
                store = EmbeddedStore.open_read_only(Path(path))
                opened = path
            reply = ("ok", answer(store, job))
        except KGError as exc:
            exc.__cause__ = exc.__context__ = None
            reply = ("error", exc)
        except Exception:  # noqa: BLE001 - reported to the parent, which logs it
            reply = ("crash", traceback.format_exc())
        try:
            conn.send(reply)
        except (EOFError, OSError):
            return
