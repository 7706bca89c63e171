"""Killing the service (SIGKILL) in the middle of a batch of writes loses nothing that was
acknowledged and leaves no half-written article: every article graph is either exactly the
graph its input maps to, or absent; re-running the batch completes it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from datetime import date, timedelta
from pathlib import Path

import pyoxigraph as ox
import pytest
import requests

from kg.mapping import map_article
from kg.model import AnalysedArticle
from kg.rdfconv import to_ox_triples
from kg.store.embedded import EmbeddedStore
from tests.conftest import TOKEN, free_port
from tests.fixtures.articles import storm_article

KG = str(Path(sys.executable).parent / "kg")
BASE = "http://127.0.0.1:8000/"


def _articles(n: int) -> list[dict]:
    """``n`` different articles: their own URLs, and events on days of their own (so that
    cross-document merging keeps them apart, as it would different storms)."""
    out = []
    for i in range(n):
        doc = storm_article(title=f"Storm report {i}", url=f"https://news.example/storm/{i}")
        day = date(2015, 1, 1) + timedelta(days=3 * i)
        doc["article"]["published"] = (day + timedelta(days=2)).isoformat()
        ev1, ev2, ev3 = doc["events"]
        ev1["time"].update(value=day.isoformat(), edtf=day.isoformat(),
                           earliest=day.isoformat(), latest=day.isoformat())
        later = (day + timedelta(days=2)).isoformat()
        ev2["time"].update(latest=later, edtf=f"../{later}")
        next_day = (day + timedelta(days=1)).isoformat()
        ev3["time"].update(value=f"{next_day}TMO", earliest=f"{next_day}T05:00:00Z",
                           latest=f"{next_day}T11:59:59Z")
        out.append(doc)
    return out


def _canonical(triples) -> frozenset:
    dataset = ox.Dataset(ox.Quad(t.subject, t.predicate, t.object) for t in triples)
    dataset.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return frozenset(str(q) for q in dataset)


def _expected(doc: dict, base: str) -> tuple[str, frozenset]:
    analysed = AnalysedArticle.from_dict(doc)
    graph = map_article(analysed, base)
    stored = ox.Store()  # the store keeps literals in their canonical form: compare those
    stored.extend(ox.Quad(t.subject, t.predicate, t.object) for t in to_ox_triples(graph))
    return f"{base}article/{analysed.article.id}", _canonical(
        q.triple for q in stored.quads_for_pattern(None, None, None))


def _check_store(data: Path, docs: list[dict], base: str) -> list[str]:
    """The ids of the articles present; fails on any article present but not whole."""
    store = EmbeddedStore(data / "store")  # opens read-write: the crash left it consistent
    present = []
    try:
        for doc in docs:
            iri, expected = _expected(doc, base)
            if not store.graph_exists(iri):
                continue
            assert _canonical(store.triples(iri)) == expected, f"{iri} is not whole"
            present.append(iri)
    finally:
        store.close()
    return present


def _version(data: Path) -> int:
    try:
        return json.loads((data / "state.json").read_text("utf-8"))["version"]
    except (OSError, ValueError, KeyError):
        return -1


def _env(data: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KG_")}
    env.update({"KG_DATA_DIR": str(data), "KG_LOG_LEVEL": "WARNING", **extra})
    return env


@pytest.mark.slow
def test_sigkill_during_batch_ingest(tmp_path):
    docs = _articles(200)
    batch = tmp_path / "batch.jsonl"
    batch.write_text("".join(json.dumps(d) + "\n" for d in docs), "utf-8")
    data = tmp_path / "data"
    proc = subprocess.Popen([KG, "ingest", "--no-progress", str(batch)], env=_env(data),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while _version(data) < 40 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert proc.poll() is None, "the batch ended before it could be interrupted"
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stderr.close()
    present = _check_store(data, docs, BASE)
    assert 0 < len(present) < len(docs)
    done = subprocess.run([KG, "ingest", "--no-progress", str(batch)], env=_env(data),
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "articles=200" in done.stdout
    assert len(_check_store(data, docs, BASE)) == len(docs)


@pytest.mark.slow
def test_sigkill_of_the_server_loses_no_acknowledged_write(tmp_path):
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    data = tmp_path / "data"
    docs = _articles(300)
    env = _env(data, KG_UPDATE_TOKEN=TOKEN, KG_BASE_IRI=base)
    proc = subprocess.Popen([KG, "serve", "--port", str(port), "--threads", "4"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    acknowledged: list[str] = []
    lock = threading.Lock()
    stop = threading.Event()
    try:
        assert proc.stdout.readline().startswith("http://"), "the server did not start"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                requests.get(f"{base}articles", timeout=5)
                break
            except requests.ConnectionError:
                time.sleep(0.05)

        def post(part: list[dict]) -> None:
            session = requests.Session()
            for doc in part:
                if stop.is_set():
                    return
                try:
                    resp = session.post(f"{base}articles", json=doc, timeout=60,
                                        headers={"Authorization": f"Bearer {TOKEN}"})
                except requests.RequestException:
                    return  # the server is gone
                if resp.status_code == 201:
                    with lock:
                        acknowledged.append(resp.json()["article"])

        threads = [threading.Thread(target=post, args=(docs[i::3],)) for i in range(3)]
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + 120
        while len(acknowledged) < 30 and time.monotonic() < deadline:
            time.sleep(0.01)
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
        stop.set()
        for thread in threads:
            thread.join(60)
    finally:
        stop.set()
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
    present = _check_store(data, docs, base)
    assert len(acknowledged) >= 30
    assert set(acknowledged) <= set(present), "an acknowledged article was lost"
    assert len(present) < len(docs)
