"""Rate limiting per client IP: a token bucket per address, in memory.

Each client may send ``KG_RATE_BURST`` requests at once, then ``KG_RATE_LIMIT`` per minute
(tokens refill continuously). Beyond that it gets 429 with ``Retry-After``. Off by default
(``KG_RATE_LIMIT=0``): a local service has one client. Behind reverse proxies, set
``KG_TRUSTED_PROXIES`` so that the client address comes from ``X-Forwarded-For``.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable

from flask import Flask, request
from werkzeug.middleware.proxy_fix import ProxyFix

from ..errors import RateLimited
from ..settings import Settings


class TokenBuckets:
    """One bucket per key: ``burst`` tokens at most, refilled at ``per_minute``/60 per second.

    Memory is bounded: at most ``max_keys`` buckets; full buckets (idle clients) are dropped
    first, then the least recently used."""

    def __init__(self, per_minute: float, burst: int, *, max_keys: int = 100_000,
                 clock: Callable[[], float] = time.monotonic):
        if per_minute <= 0 or burst < 1:
            raise ValueError("a token bucket needs a positive rate and a burst of at least 1")
        self.rate = per_minute / 60.0
        self.burst = float(burst)
        self.max_keys = max_keys
        self.clock = clock
        self._buckets: dict[str, list[float]] = {}  # key -> [tokens, last refill]
        self._lock = threading.Lock()

    def take(self, key: str) -> float:
        """Take a token: 0.0 when granted, else the seconds until one is available."""
        now = self.clock()
        with self._lock:
            bucket = self._buckets.get(key)
            if bucket is None:
                if len(self._buckets) >= self.max_keys:
                    self._evict(now)
                bucket = self._buckets[key] = [self.burst, now]
            else:
                bucket[0] = min(self.burst, bucket[0] + (now - bucket[1]) * self.rate)
                bucket[1] = now
            if bucket[0] >= 1.0:
                bucket[0] -= 1.0
                return 0.0
            return (1.0 - bucket[0]) / self.rate

    def __len__(self) -> int:
        return len(self._buckets)

    def _evict(self, now: float) -> None:
        idle = [k for k, (tokens, last) in self._buckets.items()
                if tokens + (now - last) * self.rate >= self.burst]
        for key in idle:
            del self._buckets[key]
        if len(self._buckets) >= self.max_keys:
            oldest = sorted(self._buckets, key=lambda k: self._buckets[k][1])
            for key in oldest[: max(1, len(oldest) // 10)]:
                del self._buckets[key]


def register_rate_limit(app: Flask, settings: Settings) -> TokenBuckets | None:
    """Trust ``KG_TRUSTED_PROXIES`` proxies for the client address, and when
    ``KG_RATE_LIMIT`` is set, refuse requests over the limit (429)."""
    if settings.trusted_proxies:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=settings.trusted_proxies,  # type: ignore
                                x_proto=0, x_host=0, x_port=0, x_prefix=0)
    if not settings.rate_limit:
        return None
    buckets = TokenBuckets(settings.rate_limit, settings.rate_burst)

    @app.before_request
    def _rate_limit():
        wait = buckets.take(request.remote_addr or "unknown")
        if wait > 0:
            raise RateLimited(
                f"too many requests from this address (KG_RATE_LIMIT is {settings.rate_limit} "
                "per minute); retry later",
                headers={"Retry-After": str(max(1, math.ceil(wait)))})
        return None

    return buckets
