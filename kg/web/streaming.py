"""Stream a serialiser that writes to a file object as HTTP chunks, with flat memory."""

from __future__ import annotations

import queue
import threading
import zlib
from collections.abc import Callable, Iterator
from typing import BinaryIO

_CHUNK = 64 * 1024
_DONE = object()


class _QueueWriter:
    """A write-only binary file that hands 64 KiB chunks to a bounded queue."""

    def __init__(self, q: queue.Queue, cancelled: threading.Event):
        self.q = q
        self.cancelled = cancelled
        self.buf = bytearray()

    def write(self, data) -> int:
        if self.cancelled.is_set():
            raise BrokenPipeError("client went away")
        self.buf += data
        while len(self.buf) >= _CHUNK:
            self._put(bytes(self.buf[:_CHUNK]))
            del self.buf[:_CHUNK]
        return len(data)

    def _put(self, item) -> None:
        while True:
            if self.cancelled.is_set():
                raise BrokenPipeError("client went away")
            try:
                self.q.put(item, timeout=0.5)
                return
            except queue.Full:
                continue

    def flush(self) -> None:
        pass

    def close(self) -> None:
        if self.buf:
            self._put(bytes(self.buf))
            self.buf.clear()

    def writable(self) -> bool:
        return True


def stream_writer(produce: Callable[[BinaryIO], None], *, gzip: bool = False
                  ) -> Iterator[bytes]:
    """Run ``produce(file)`` in a thread; yield what it writes, at most 16 chunks ahead."""
    q: queue.Queue = queue.Queue(maxsize=16)
    cancelled = threading.Event()
    errors: list[BaseException] = []

    def run() -> None:
        writer = _QueueWriter(q, cancelled)
        try:
            produce(writer)  # type: ignore[arg-type]
            writer.close()
        except BrokenPipeError:
            pass
        except BaseException as exc:  # noqa: BLE001 - reported to the consumer
            errors.append(exc)
        finally:
            try:
                q.put(_DONE, timeout=5)
            except queue.Full:
                pass

    thread = threading.Thread(target=run, name="kg-dump", daemon=True)
    thread.start()
    compressor = zlib.compressobj(6, zlib.DEFLATED, 31) if gzip else None
    try:
        while True:
            item = q.get()
            if item is _DONE:
                break
            yield compressor.compress(item) if compressor else item
        if errors:
            raise errors[0]
        if compressor:
            yield compressor.flush()
    finally:
        cancelled.set()
