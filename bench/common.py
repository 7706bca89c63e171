"""Shared parts of the benchmarks: building a store from the synthetic corpus, starting servers
(`kg serve` with waitress, a real Oxigraph server), timing SPARQL queries over HTTP, and
printing figures."""

from __future__ import annotations

import http.client
import os
import platform
import statistics
import subprocess
import sys
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests.conftest import free_port  # noqa: E402
from tests.oxigraph_server import OxigraphServer, oxigraph_binary  # noqa: E402

PREFIXES = """PREFIX tl: <https://w3id.org/timeline-kg/ontology#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""


def timeline_queries(place: str, actor: str, month: str) -> dict[str, str]:
    """The four timeline queries of the benchmarks (``month`` like ``2023-01``)."""
    year, mon = (int(x) for x in month.split("-"))
    end = f"{year + (mon == 12)}-{(mon % 12) + 1:02d}"
    return {
        "date_range": PREFIXES + f"""SELECT ?e ?label ?t WHERE {{
  ?e a tl:Event ; rdfs:label ?label ; tl:earliest ?t .
  FILTER(STR(?t) >= "{month}-01" && STR(?t) < "{end}-01")
}} ORDER BY ?t ?e LIMIT 100""",
        "at_place": PREFIXES + f"""SELECT ?e ?label ?t WHERE {{
  ?e sem:hasPlace <{place}> ; rdfs:label ?label .
  OPTIONAL {{ ?e tl:earliest ?t }}
}} ORDER BY ?t ?e LIMIT 100""",
        "by_actor": PREFIXES + f"""SELECT ?e ?label ?t WHERE {{
  ?e tl:hasParticipant|tl:accordingTo <{actor}> ; rdfs:label ?label .
  OPTIONAL {{ ?e tl:earliest ?t }}
}} ORDER BY ?t ?e LIMIT 100""",
        "per_month": PREFIXES + """SELECT ?month (COUNT(DISTINCT ?e) AS ?events) WHERE {
  ?e a tl:Event ; tl:earliest ?t .
  BIND(SUBSTR(STR(?t), 1, 7) AS ?month)
} GROUP BY ?month ORDER BY ?month""",
    }


PICK_QUERIES = {
    "place": PREFIXES + "SELECT ?x (COUNT(*) AS ?n) WHERE { ?e sem:hasPlace ?x } "
                        "GROUP BY ?x ORDER BY DESC(?n) ?x LIMIT 1",
    "actor": PREFIXES + "SELECT ?x (COUNT(*) AS ?n) WHERE { ?e tl:hasParticipant|tl:accordingTo "
                        "?x } GROUP BY ?x ORDER BY DESC(?n) ?x LIMIT 1",
    "month": PREFIXES + "SELECT ?x (COUNT(*) AS ?n) WHERE { ?e a tl:Event ; tl:earliest ?t . "
                        "BIND(SUBSTR(STR(?t), 1, 7) AS ?x) } GROUP BY ?x ORDER BY DESC(?n) ?x "
                        "LIMIT 1",
}


def pick_parameters(store) -> dict[str, str]:
    """The busiest place, actor and month in a store (any :class:`kg.store.base.Store`)."""
    return {k: next(iter(store.query(q)))["x"].value for k, q in PICK_QUERIES.items()}


def machine() -> str:
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as fh:
            cpu = next(line.split(":", 1)[1].strip() for line in fh
                       if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return (f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GiB RAM, Python "
            f"{platform.python_version()}, {platform.system()} {platform.release()}")


def build_shards(n: int, out: Path, workers: int = 2, chunk_size: int = 500,
                 seed: int = 7, annotated: bool = True):
    """Generate ``n`` articles and run the bulk extraction into ``out``; returns totals and
    the corpus path."""
    from bench.corpus import write_corpus
    from kg.bulk.extract import run_extract
    from kg.settings import Settings

    corpus = write_corpus(out.parent / f"corpus-{n}-{seed}{'-ann' if annotated else ''}.jsonl",
                          n, seed, annotated)
    totals = run_extract(Settings(), [str(corpus)], out, workers=workers,
                         chunk_size=chunk_size)
    return totals, corpus


def load_embedded(shards: Path, data_dir: Path):
    """Load shards into an embedded store under ``data_dir`` (as `kg load` does)."""
    from kg.bulk.load import load_shards
    from kg.settings import Settings
    from kg.store.embedded import EmbeddedStore

    settings = Settings(data_dir=data_dir)
    store = EmbeddedStore(settings.store_path)
    try:
        return load_shards(store, shards, settings)
    finally:
        store.close()


def oxigraph_load(shards: Path, location: Path) -> float:
    """`oxigraph load` of the shards (a folder of them, or one N-Quads file) into a fresh
    location; seconds taken."""
    files = sorted(str(p) for p in shards.glob("chunk-*.nq")) if shards.is_dir() \
        else [str(shards)]
    started = time.perf_counter()
    subprocess.run([oxigraph_binary(), "load", "--location", str(location), "--file", *files],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


class KgServer:
    """`kg serve` (waitress) as a subprocess on 127.0.0.1."""

    def __init__(self, data_dir: Path, store_url: str | None = None, threads: int = 4):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        env = {**os.environ, "KG_DATA_DIR": str(data_dir), "KG_LOG_LEVEL": "WARNING"}
        if store_url:
            env["KG_STORE"] = store_url
        kg = Path(sys.executable).with_name("kg")
        self.log = open(data_dir.parent / f"kg-serve-{self.port}.log", "wb")
        self.proc = subprocess.Popen([str(kg), "serve", "--port", str(self.port),
                                      "--threads", str(threads)], env=env,
                                     stdout=self.log, stderr=self.log)
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"kg serve exited; see {self.log.name}")
            try:
                http_get(self.url + "sparql?query=ASK%7B%7D")
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("kg serve did not start")

    def peak_rss_mib(self) -> float:
        return peak_rss_mib(self.proc.pid)

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=30)
        self.log.close()


def peak_rss_mib(pid: int) -> float:
    """A running process's peak resident memory (VmHWM), MiB."""
    with open(f"/proc/{pid}/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def http_get(url: str, headers: dict[str, str] | None = None) -> bytes:
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.netloc, timeout=600)
    try:
        conn.request("GET", parts.path + ("?" + parts.query if parts.query else ""),
                     headers=headers or {})
        resp = conn.getresponse()
        data = resp.read()
        if resp.status != 200:
            raise RuntimeError(f"GET {url}: {resp.status} {data[:300]!r}")
        return data
    finally:
        conn.close()


@dataclass
class Timing:
    median_ms: float
    p95_ms: float
    rows: int


class SparqlClient:
    """Times GET queries over one kept-alive connection (the same client for every server)."""

    def __init__(self, endpoint: str, extra: dict[str, str] | None = None):
        parts = urllib.parse.urlsplit(endpoint)
        self.netloc, self.path = parts.netloc, parts.path
        self.extra = extra or {}
        self.conn = http.client.HTTPConnection(self.netloc, timeout=600)

    def run(self, query: str) -> bytes:
        qs = urllib.parse.urlencode({"query": query, **self.extra})
        self.conn.request("GET", f"{self.path}?{qs}",
                          headers={"Accept": "application/sparql-results+json"})
        resp = self.conn.getresponse()
        data = resp.read()
        if resp.status != 200:
            raise RuntimeError(f"{resp.status}: {data[:300]!r}")
        return data

    def time(self, query: str, repeat: int, warmup: int = 3) -> Timing:
        import json

        for _ in range(warmup):
            data = self.run(query)
        rows = len(json.loads(data)["results"]["bindings"])
        samples = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            self.run(query)
            samples.append((time.perf_counter() - t0) * 1000)
        return Timing(statistics.median(samples), percentile(samples, 95), rows)

    def close(self) -> None:
        self.conn.close()


def time_interleaved(clients: dict[str, SparqlClient], query: str, repeat: int,
                     warmup: int = 3) -> dict[str, Timing]:
    """Time one query on several servers, alternating between them on every run so that
    background noise (compactions, other processes) falls on all of them alike."""
    import json

    rows = {}
    for name, client in clients.items():
        for _ in range(warmup):
            data = client.run(query)
        rows[name] = len(json.loads(data)["results"]["bindings"])
    samples: dict[str, list[float]] = {name: [] for name in clients}
    for i in range(repeat):
        order = list(clients.items())
        if i % 2:
            order.reverse()
        for name, client in order:
            t0 = time.perf_counter()
            client.run(query)
            samples[name].append((time.perf_counter() - t0) * 1000)
    return {name: Timing(statistics.median(s), percentile(s, 95), rows[name])
            for name, s in samples.items()}


def percentile(samples: list[float], pct: float) -> float:
    ordered = sorted(samples)
    k = max(0, min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1))))
    return ordered[k]


def dump_rate(url: str, headers: dict[str, str]) -> tuple[float, int, int]:
    """(seconds, bytes, lines) for a streamed N-Quads download."""
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.netloc, timeout=3600)
    t0 = time.perf_counter()
    conn.request("GET", parts.path + ("?" + parts.query if parts.query else ""),
                 headers=headers)
    resp = conn.getresponse()
    size = lines = 0
    while True:
        chunk = resp.read(1 << 20)
        if not chunk:
            break
        size += len(chunk)
        lines += chunk.count(b"\n")
    conn.close()
    if resp.status != 200:
        raise RuntimeError(f"dump answered {resp.status}")
    return time.perf_counter() - t0, size, lines


def table(rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    out = []
    for j, r in enumerate(rows):
        out.append("| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |")
        if j == 0:
            out.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(out)


__all__ = ["OxigraphServer", "free_port", "oxigraph_binary"]
