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
import logging
import socket
import tempfile
import threading
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import IO
from urllib.parse import urlencode, urlsplit

from ..errors import BackendUnavailable, ConfigError, QueryTimeout

log = logging.getLogger(__name__)

_CHUNK = 256 * 1024
_SPOOL_MEMORY = 8 * 1024 * 1024
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


class _Spool(tempfile.SpooledTemporaryFile):
    """A spooled answer that closes itself when its last reader (a lazy pyoxigraph parser)
    lets go of it."""

    def __del__(self) -> None:
        with contextlib.suppress(Exception):
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

    def _discard(self, scheme: str, netloc: str) -> None:
        pool = getattr(self._local, "pool", {})
        conn = pool.pop((scheme, netloc), None)
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
        try:
            data = resp.read()
        except TimeoutError:
            self._discard(scheme, netloc)
            raise (QueryTimeout() if query else BackendUnavailable()) from None
        except (OSError, http.client.HTTPException):
            self._discard(scheme, netloc)
            raise BackendUnavailable() from None
        if resp.will_close:
            self._discard(scheme, netloc)
        return Reply(resp.status, {k.lower(): v for k, v in resp.getheaders()}, data)

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

    def spool(self, resp: http.client.HTTPResponse, query: bool = True) -> IO[bytes]:
        """Copy an answer's body into a temporary file (memory up to 8 MiB, then disk) so
        that its connection is free again; the file is positioned at its start."""
        out = _Spool(max_size=_SPOOL_MEMORY)
        try:
            while True:
                chunk = resp.read(_CHUNK)
                if not chunk:
                    break
                out.write(chunk)
        except TimeoutError:
            raise (QueryTimeout() if query else BackendUnavailable()) from None
        except (OSError, http.client.HTTPException):
            raise BackendUnavailable() from None
        out.seek(0)
        return out
