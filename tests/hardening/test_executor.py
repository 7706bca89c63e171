"""The query executor: worker processes over store snapshots, stopped at the time limit."""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import os
import signal
import threading
import time
import xml.dom.minidom

import pyoxigraph as ox
import pytest

from kg.errors import BackendUnavailable, KGError, QuerySyntaxError, QueryTimeout, QueryTooComplex
from kg.sparql.executor import QueryExecutor, QueryJob, answer
from kg.sparql.worker import drop_network
from kg.store.embedded import EmbeddedStore
from kg.store.snapshots import Snapshots

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


class Version:
    def __init__(self) -> None:
        self.value = 1

    def __call__(self) -> int:
        return self.value


@pytest.fixture
def store(tmp_path):
    st = EmbeddedStore(tmp_path / "store")
    st.raw.bulk_extend(
        ox.Quad(ox.NamedNode(f"http://example.org/s{i}"), ox.NamedNode("http://example.org/p"),
                ox.Literal(f"value {i} " + "x" * (i % 7)), ox.NamedNode("http://example.org/g"))
        for i in range(600))
    yield st
    st.close()


@pytest.fixture
def pool(store, tmp_path):
    version = Version()
    snaps = Snapshots(store, tmp_path / "snapshots", version)
    ex = QueryExecutor(snaps, size=2, timeout=2.0)
    ex.version = version
    yield ex
    ex.close()


def test_answers_like_the_store_does(pool, store):
    job = QueryJob("SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s LIMIT 5")
    assert pool.run(job).body == answer(store, job).body
    rows = json.loads(pool.run(job).body)["results"]["bindings"]
    assert [r["s"]["value"] for r in rows] == sorted(r["s"]["value"] for r in rows)


def test_runaway_query_is_stopped_while_others_are_answered(pool):
    outcome: dict = {}

    def runaway() -> None:
        try:
            pool.run(QueryJob(RUNAWAY))
        except QueryTimeout as exc:
            outcome["error"] = exc

    thread = threading.Thread(target=runaway)
    thread.start()
    meanwhile = 0
    while thread.is_alive():
        assert json.loads(pool.run(QueryJob("ASK { ?s ?p ?o }")).body)["boolean"] is True
        meanwhile += thread.is_alive()
        time.sleep(0.05)
    thread.join()
    assert isinstance(outcome.get("error"), QueryTimeout)
    assert outcome["error"].status == 503 and outcome["error"].code == "query_timeout"
    assert meanwhile >= 2  # answered while the runaway ran, not only after it
    # the killed worker is replaced: the pool still answers with both workers
    assert json.loads(pool.run(QueryJob("ASK { ?s ?p ?o }")).body)["boolean"] is True


def test_killed_worker_is_gone(pool):
    with pytest.raises(QueryTimeout):
        pool.run(QueryJob(RUNAWAY))
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        alive = [w for w in pool._workers if w.proc.is_alive()]
        if len(alive) == pool.live_workers:
            break
        time.sleep(0.05)
    assert pool.live_workers == 0 and not [w for w in pool._workers if w.proc.is_alive()]


def test_every_worker_busy_until_the_deadline(store, tmp_path):
    """One worker and three runaway queries: the first runs until the limit, then one of the
    two waiting runs; the other waited for the limit too and gets a 503 busy."""
    snaps = Snapshots(store, tmp_path / "snapshots", Version())
    ex = QueryExecutor(snaps, size=1, timeout=1.0)
    errors: list = []

    def runaway() -> None:
        try:
            ex.run(QueryJob(RUNAWAY))
        except (QueryTimeout, BackendUnavailable) as exc:
            errors.append(exc)

    try:
        ex.run(QueryJob("ASK {}"))  # the snapshot and the worker exist: no start-up delays
        threads = [threading.Thread(target=runaway) for _ in range(3)]
        for thread in threads:
            thread.start()
            time.sleep(0.1)
        for thread in threads:
            thread.join()
        assert sorted(type(e).__name__ for e in errors) == [
            "BackendUnavailable", "QueryTimeout", "QueryTimeout"]
        busy = next(e for e in errors if isinstance(e, BackendUnavailable))
        assert busy.status == 503 and busy.headers["Retry-After"]
        assert json.loads(ex.run(QueryJob("ASK {}")).body)["boolean"] is True
    finally:
        ex.close()


def test_snapshot_follows_writes_and_old_ones_are_removed(pool, store, tmp_path):
    ask = QueryJob("ASK { <http://example.org/new> ?p ?o }")
    assert json.loads(pool.run(ask).body)["boolean"] is False
    store.add_triples("http://example.org/g", [ox.Triple(
        ox.NamedNode("http://example.org/new"), ox.NamedNode("http://example.org/p"),
        ox.Literal("x"))])
    # an unchanged version keeps the old snapshot (the write is not announced yet)...
    assert json.loads(pool.run(ask).body)["boolean"] is False
    pool.version.value += 1
    # ...an announced write is always seen by the next query, by every worker
    for _ in range(4):
        assert json.loads(pool.run(ask).body)["boolean"] is True
    pool.run(ask)
    names = sorted(p.name for p in (tmp_path / "snapshots").iterdir())
    assert names == [f"v{pool.version.value}-2"]


def test_a_crashing_query_is_a_client_error(pool):
    """A worker that dies of a crash signal while running a query (as a stack overflow in the
    engine would make it) answers 400, and the pool replaces it."""
    worker = pool._checkout(time.monotonic() + 5)
    os.kill(worker.proc.pid, signal.SIGSEGV)
    worker.proc.join(5)
    pool._idle.append(worker)
    with pytest.raises(QueryTooComplex) as info:
        pool.run(QueryJob("ASK {}"))
    assert info.value.status == 400 and info.value.code == "query_too_complex"
    assert json.loads(pool.run(QueryJob("ASK {}")).body)["boolean"] is True


def test_deeply_nested_query_does_not_crash(pool):
    depth = 20_000
    text = "SELECT * WHERE " + "{" * depth + " ?s ?p ?o " + "}" * depth + " LIMIT 1"
    body = json.loads(pool.run(QueryJob(text)).body)
    assert len(body["results"]["bindings"]) == 1


def test_errors_come_back_as_their_class(pool):
    with pytest.raises(QuerySyntaxError) as info:
        pool.run(QueryJob("SELECT * WHERE { ?s ?p"))
    assert info.value.status == 400 and "syntax" in info.value.message


@pytest.mark.parametrize("media", ["application/sparql-results+json",
                                   "application/sparql-results+xml", "text/csv",
                                   "text/tab-separated-values"])
def test_byte_limit_cuts_whole_rows(pool, media):
    full = pool.run(QueryJob("SELECT ?s ?o WHERE { ?s ?p ?o } ORDER BY ?s",
                             accept=((media, 1.0),)))
    assert full.truncated is None
    limit = len(full.body) // 3
    cut = pool.run(QueryJob("SELECT ?s ?o WHERE { ?s ?p ?o } ORDER BY ?s",
                            accept=((media, 1.0),), max_bytes=limit))
    assert cut.truncated == "bytes" and 0 < len(cut.body) <= limit
    rows_full, rows_cut = _rows(full.body, media), _rows(cut.body, media)
    assert 0 < len(rows_cut) < len(rows_full) and rows_cut == rows_full[:len(rows_cut)]


def test_byte_limit_on_graphs(pool):
    job = QueryJob("CONSTRUCT WHERE { ?s ?p ?o }", accept=(("text/turtle", 1.0),),
                   max_bytes=4000)
    cut = pool.run(job)
    assert cut.truncated == "bytes" and len(cut.body) <= 4000
    triples = list(ox.parse(cut.body, format=ox.RdfFormat.TURTLE))
    assert 0 < len(triples) < 600


def test_row_limit_is_reported(pool):
    reply = pool.run(QueryJob("SELECT * WHERE { ?s ?p ?o }", max_rows=10))
    assert reply.truncated == "rows"
    assert len(json.loads(reply.body)["results"]["bindings"]) == 10
    answer_ = reply.to_answer()
    assert answer_.truncated and answer_.headers == {"X-KG-Truncated-By": "rows"}


def test_tiny_byte_limit_still_gives_a_document(pool):
    reply = pool.run(QueryJob("SELECT * WHERE { ?s ?p ?o }", max_bytes=10))
    assert reply.truncated == "bytes"
    assert json.loads(reply.body)["results"]["bindings"] == []


def test_no_outbound_requests_from_workers(store, tmp_path, listener):
    """Even a SERVICE call that reached a worker cannot leave it (a network namespace of its
    own), where the kernel allows unprivileged namespaces; without isolation it would."""
    ctx = multiprocessing.get_context("forkserver")
    with ctx.Pool(1) as probe:
        if not probe.apply(drop_network):
            pytest.skip("this kernel does not allow unprivileged network namespaces")
    job = QueryJob(f"SELECT * WHERE {{ SERVICE <{listener.url}sparql> {{ ?s ?p ?o }} }}")
    for isolate in (True, False):
        ex = QueryExecutor(Snapshots(store, tmp_path / f"snapshots-{isolate}", Version()),
                           size=1, timeout=5, isolate_network=isolate)
        try:
            with pytest.raises(KGError):
                ex.run(job)  # fails either way: the listener does not speak SPARQL results
        finally:
            ex.close()
        assert bool(listener.hits) is not isolate


def _rows(body: bytes, media: str) -> list:
    if "json" in media:
        return [r["s"]["value"] for r in json.loads(body)["results"]["bindings"]]
    if "xml" in media:
        doc = xml.dom.minidom.parseString(body)
        return [b.getElementsByTagName("uri")[0].firstChild.data
                for b in doc.getElementsByTagName("binding") if b.getAttribute("name") == "s"]
    if media == "text/csv":
        return [r[0] for r in list(csv.reader(io.StringIO(body.decode())))[1:]]
    return [line.split("\t")[0] for line in body.decode().splitlines()[1:]]
