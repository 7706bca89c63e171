"""HTTP to a remote store: kept-alive connections per thread, authentication, timeouts,
retries with exponential backoff after connection errors, and errors that never carry
credentials.

Standard library only (``http.client``): one connection per thread and host, reused while the
server keeps it open. Requests are retried only when the connection failed (refused, reset,
dropped before an answer) and the request is safe to repeat; an HTTP error status is never
retried except 502/503/504 on reads.
"""

from __future__ import annotations

import base64
import contextlib
import http.client
import io
import logging
import socket
import threading
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import IO
from urllib.parse import urlencode, urlsplit

from ..errors import BackendUnavailable, ConfigError, QueryTimeout

log = logging.getLogger(__name__)

_CHUNK = 256 * 1024
_HOLD = 8 * 1024 * 1024
_CONNECT_ERRORS = (ConnectionRefusedError, socket.gaierror, ConnectionAbortedError)
_DROPPED = (ConnectionResetError, BrokenPipeError, http.client.RemoteDisconnected,
            http.client.BadStatusLine)


@dataclass
class Reply:
    """A finished answer: status, headers (lower-case names) and the whole body."""

    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    def text(self, limit: int = 500) -> str:
        return self.body[:limit].decode("utf-8", "replace").strip()


class _LiveBody(io.RawIOBase):
    """An answer too large to hold, read lazily from its own connection (taken out of the
    pool): the bytes already read, then the rest. Closing it (or dropping it) closes the
    connection, which stops the transfer when a reader needs only the first rows."""

    def __init__(self, head: bytes, resp: http.client.HTTPResponse,
                 conn: http.client.HTTPConnection):
        self._head = memoryview(head)
        self._resp = resp
        self._conn = conn

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._head.nbytes:
            n = min(len(buffer), self._head.nbytes)
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        return self._resp.readinto(buffer)

    def close(self) -> None:
        if not self.closed:
            with contextlib.suppress(Exception):
                self._resp.close()
                self._conn.close()
        super().close()

    def __del__(self) -> None:
        self.close()


class HttpTransport:
    """Sends requests to the store's URLs with the configured credentials."""

    def __init__(self, *, user: str = "", password: str | None = None,
                 token: str | None = None, timeout: float = 60.0, retries: int = 3,
                 backoff: float = 0.2):
        self._auth: str | None = None
        if token:
            self._auth = f"Bearer {token}"
        elif user:
            raw = f"{user}:{password or ''}".encode()
            self._auth = "Basic " + base64.b64encode(raw).decode("ascii")
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self._local = threading.local()
        self._all: list[http.client.HTTPConnection] = []
        self._all_lock = threading.Lock()

    # -- connections -----------------------------------------------------------------------------

    def _connection(self, scheme: str, netloc: str, timeout: float
                    ) -> tuple[http.client.HTTPConnection, bool]:
        """This thread's connection to ``netloc`` and whether it was used before."""
        pool = getattr(self._local, "pool", None)
        if pool is None:
            pool = self._local.pool = {}
        key = (scheme, netloc)
        conn = pool.get(key)
        if conn is not None:
            conn.timeout = timeout
            if conn.sock is not None:
                conn.sock.settimeout(timeout)
            return conn, True
        cls = http.client.HTTPSConnection if scheme == "https" else http.client.HTTPConnection
        conn = cls(netloc, timeout=timeout)
        pool[key] = conn
        with self._all_lock:
            self._all.append(conn)
        return conn, False

    def _detach(self, scheme: str, netloc: str) -> http.client.HTTPConnection | None:
        """Take this thread's connection to ``netloc`` out of the pool (still open)."""
        pool = getattr(self._local, "pool", {})
        conn = pool.pop((scheme, netloc), None)
        if conn is not None:
            with self._all_lock, contextlib.suppress(ValueError):
                self._all.remove(conn)
        return conn

    def _discard(self, scheme: str, netloc: str) -> None:
        conn = self._detach(scheme, netloc)
        if conn is not None:
            conn.close()

    def close(self) -> None:
        """Close every connection this transport opened (in any thread)."""
        with self._all_lock:
            conns, self._all = self._all, []
        for conn in conns:
            with contextlib.suppress(Exception):
                conn.close()
        self._local = threading.local()

    def __del__(self) -> None:
        with contextlib.suppress(Exception):
            self.close()

    # -- requests --------------------------------------------------------------------------------

    def _send(self, method: str, url: str, params, headers, body, timeout: float | None,
              idempotent: bool, query: bool) -> tuple[http.client.HTTPResponse, str, str]:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ConfigError("a remote store URL must be an http(s) URL")
        target = parts.path or "/"
        qs = parts.query
        if params:
            qs = "&".join(p for p in (qs, urlencode(list(params), doseq=True)) if p)
        if qs:
            target += "?" + qs
        hdrs = {"User-Agent": "timeline-kg", **(headers or {})}
        if self._auth:
            hdrs["Authorization"] = self._auth
        wait = timeout or self.timeout
        attempt = 0
        while True:
            conn, reused = self._connection(parts.scheme, parts.netloc, wait)
            sent = False
            try:
                if hasattr(body, "seek"):
                    body.seek(0)
                conn.request(method, target, body=body, headers=hdrs)
                sent = True
                return conn.getresponse(), parts.scheme, parts.netloc
            except TimeoutError:
                self._discard(parts.scheme, parts.netloc)
                if query:
                    raise QueryTimeout() from None
                log.warning("the store at %s did not answer within %.0f s", parts.netloc, wait)
                raise BackendUnavailable("the store did not answer in time; try again "
                                         "later") from None
            except (*_CONNECT_ERRORS, *_DROPPED, OSError) as exc:
                self._discard(parts.scheme, parts.netloc)
                if reused and isinstance(exc, _DROPPED):
                    continue  # a kept-alive connection the server had closed: try a fresh one
                safe = idempotent or not sent or isinstance(exc, _CONNECT_ERRORS)
                if not safe or attempt >= self.retries:
                    log.warning("the store at %s is unreachable (%s)", parts.netloc,
                                type(exc).__name__)
                    raise BackendUnavailable() from None
                delay = self.backoff * (2 ** attempt)
                attempt += 1
                log.info("store at %s: %s, retry %d in %.1f s", parts.netloc,
                         type(exc).__name__, attempt, delay)
                time.sleep(delay)

    def _send_retrying(self, method, url, params, headers, body, timeout, idempotent, query
                       ) -> tuple[http.client.HTTPResponse, str, str]:
        """:meth:`_send`, and again after a 502/503/504 answer to an idempotent request."""
        attempt = 0
        while True:
            resp, scheme, netloc = self._send(method, url, params, headers, body, timeout,
                                              idempotent, query)
            if resp.status not in (502, 503, 504) or not idempotent or \
                    attempt >= self.retries:
                return resp, scheme, netloc
            try:
                resp.read()
            except (OSError, http.client.HTTPException):
                self._discard(scheme, netloc)
            delay = self.backoff * (2 ** attempt)
            attempt += 1
            log.info("store at %s answered %d, retry %d in %.1f s", netloc, resp.status,
                     attempt, delay)
            time.sleep(delay)

    def request(self, method: str, url: str, *, params=None,
                headers: Mapping[str, str] | None = None, body: bytes | IO[bytes] | None = None,
                timeout: float | None = None, idempotent: bool = True,
                query: bool = False) -> Reply:
        """Send a request and read the whole answer."""
        resp, scheme, netloc = self._send_retrying(method, url, params, headers, body, timeout,
                                                   idempotent, query)
        with self._reading(scheme, netloc, query):
            data = resp.read()
        if resp.will_close:
            self._discard(scheme, netloc)
        return Reply(resp.status, {k.lower(): v for k, v in resp.getheaders()}, data)

    @contextlib.contextmanager
    def _reading(self, scheme: str, netloc: str, query: bool) -> Iterator[None]:
        """Reading an answer: a failure drops the connection and becomes a 503 (a query's
        timeout, ``QueryTimeout``)."""
        try:
            yield
        except TimeoutError:
            self._discard(scheme, netloc)
            raise (QueryTimeout() if query else BackendUnavailable()) from None
        except (OSError, http.client.HTTPException):
            self._discard(scheme, netloc)
            raise BackendUnavailable() from None

    @contextlib.contextmanager
    def stream(self, method: str, url: str, *, params=None,
               headers: Mapping[str, str] | None = None, body: bytes | IO[bytes] | None = None,
               timeout: float | None = None, idempotent: bool = True, query: bool = False
               ) -> Iterator[http.client.HTTPResponse]:
        """An answer to read incrementally; the connection is reused only when it was read to
        the end."""
        resp, scheme, netloc = self._send_retrying(method, url, params, headers, body, timeout,
                                                   idempotent, query)
        try:
            yield resp
        except (TimeoutError, OSError, http.client.HTTPException) as exc:
            self._discard(scheme, netloc)
            if isinstance(exc, BrokenPipeError):
                raise  # our own reader went away (e.g. a download cancelled by its client)
            if isinstance(exc, (TimeoutError, http.client.IncompleteRead, ConnectionError)):
                log.warning("the store at %s broke off an answer (%s)", netloc,
                            type(exc).__name__)
                raise BackendUnavailable() from None
            raise
        finally:
            if not resp.isclosed() or resp.will_close:
                self._discard(scheme, netloc)

    def fetch(self, method: str, url: str, *, params=None,
              headers: Mapping[str, str] | None = None, body: bytes | IO[bytes] | None = None,
              timeout: float | None = None, idempotent: bool = True, query: bool = False
              ) -> tuple[int, str, IO[bytes]]:
        """``(status, media type, body)`` with the body as a file. An answer up to 8 MiB is
        read whole (the connection goes back to the pool); a larger one is read lazily from
        its own connection (see :class:`_LiveBody`), so memory stays flat and a reader that
        stops early stops the transfer."""
        resp, scheme, netloc = self._send_retrying(method, url, params, headers, body, timeout,
                                                   idempotent, query)
        ctype = (resp.getheader("Content-Type") or "").split(";")[0].strip().lower()
        head = bytearray()
        finished = False
        with self._reading(scheme, netloc, query):
            while len(head) < _HOLD:
                chunk = resp.read1(_CHUNK)
                if not chunk:
                    head += resp.read()  # b"": marks the answer complete, the connection free
                    finished = True
                    break
                head += chunk
        if finished:
            if resp.will_close:
                self._discard(scheme, netloc)
            return resp.status, ctype, io.BytesIO(bytes(head))
        conn = self._detach(scheme, netloc)
        return resp.status, ctype, io.BufferedReader(_LiveBody(bytes(head), resp, conn),
                                                     buffer_size=_CHUNK)
