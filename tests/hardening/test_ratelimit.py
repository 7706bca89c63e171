"""Rate limiting per client address: a token bucket, 429 with Retry-After beyond it."""

from __future__ import annotations

import requests

from kg.settings import Settings
from kg.web import create_app
from kg.web.ratelimit import TokenBuckets
from tests.conftest import TOKEN
from tests.hardening.conftest import assert_error_shape, serve


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_bucket_allows_a_burst_then_the_rate():
    clock = Clock()
    buckets = TokenBuckets(60, 3, clock=clock)  # one a second, three at once
    assert [buckets.take("a") for _ in range(3)] == [0.0, 0.0, 0.0]
    wait = buckets.take("a")
    assert 0.99 <= wait <= 1.0
    assert buckets.take("b") == 0.0  # another client has its own bucket
    clock.now += 0.5
    assert 0.49 <= buckets.take("a") <= 0.51
    clock.now += 0.5
    assert buckets.take("a") == 0.0
    clock.now += 100
    assert [buckets.take("a") for _ in range(3)] == [0.0, 0.0, 0.0]  # refills to the burst only
    assert buckets.take("a") > 0


def test_bucket_memory_is_bounded():
    clock = Clock()
    buckets = TokenBuckets(60, 2, max_keys=100, clock=clock)
    for i in range(1000):
        buckets.take(f"10.0.{i // 256}.{i % 256}")
        clock.now += 0.001
    assert len(buckets) <= 100
    clock.now += 10  # everyone idle: their buckets are full again and can go
    buckets.take("fresh")
    assert len(buckets) <= 100


def test_429_with_retry_after_over_http(tmp_path):
    with serve(tmp_path, rate_limit=30, rate_burst=5) as app:
        statuses = []
        for _ in range(8):
            resp = requests.get(f"{app.url}/sparql", params={"query": "ASK {}"}, timeout=10)
            statuses.append(resp.status_code)
        assert statuses[:5] == [200] * 5
        assert statuses[5:] == [429] * 3
        body = assert_error_shape(resp, 429)
        assert body["code"] == "rate_limited"
        assert 1 <= int(resp.headers["Retry-After"]) <= 2


def test_clients_are_told_apart_behind_trusted_proxies(tmp_path):
    app = create_app(Settings(data_dir=tmp_path / "d", update_token=TOKEN, rate_limit=60,
                              rate_burst=2, trusted_proxies=1))
    try:
        client = app.test_client()

        def get(addr: str) -> int:
            return client.get("/articles", headers={"X-Forwarded-For": addr}).status_code

        assert [get("198.51.100.1") for _ in range(3)] == [200, 200, 429]
        assert get("198.51.100.2") == 200
    finally:
        app.extensions["kg"].close()


def test_forwarded_for_is_ignored_without_trusted_proxies(tmp_path):
    app = create_app(Settings(data_dir=tmp_path / "d", update_token=TOKEN, rate_limit=60,
                              rate_burst=2))
    try:
        client = app.test_client()
        codes = [client.get("/articles", headers={"X-Forwarded-For": f"203.0.113.{i}"})
                 .status_code for i in range(3)]
        assert codes == [200, 200, 429]  # a client cannot pose as many by forging the header
    finally:
        app.extensions["kg"].close()


def test_off_by_default(client):
    assert all(client.get("/articles").status_code == 200 for _ in range(100))
