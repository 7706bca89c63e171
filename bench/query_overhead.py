"""What the query time limit costs: the same read queries against the same data on

- ``kg serve`` with its query worker pool (the default: every query can be stopped),
- ``kg serve`` with ``KG_QUERY_WORKERS=0`` (queries in the request thread, no time limit),
- the Oxigraph server (``oxigraph serve``, Rust) on a copy of the same store,

one client at a time (latency) and several at once (throughput). The three run side by side
and take turns, round after round, so that noise from other processes falls on all alike.
Prints medians and the ratios pool / in-thread and pool / Oxigraph.

    .venv/bin/python bench/query_overhead.py [--articles 400] [--requests 300] [--clients 4]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load import free_port, wait_for_port  # noqa: E402
from synthetic_articles import OTHER_QUERIES, TIMELINE_QUERY, article  # noqa: E402

BIN = Path(sys.executable).parent


def queries(n: int, seed: int = 7) -> list[str]:
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        if rnd.random() < 0.7:
            start = f"{2020 + rnd.randrange(4)}-{1 + rnd.randrange(12):02d}-01T00:00:00Z"
            out.append(TIMELINE_QUERY % start)
        else:
            out.append(rnd.choice(OTHER_QUERIES[:3]))
    return out


def build(root: Path, articles: int) -> None:
    """A store of ``articles`` synthetic articles in ``root/data``, and two copies of it."""
    data = root / "data"
    batch = root / "articles.jsonl"
    batch.write_text("".join(json.dumps(article(i)) + "\n" for i in range(articles)), "utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("KG_")}
    env["KG_DATA_DIR"] = str(data)
    subprocess.run([str(BIN / "kg"), "ingest", "--no-progress", str(batch)], env=env,
                   check=True, stdout=subprocess.DEVNULL)
    for copy in ("copy-thread", "copy-oxigraph"):  # a backup folder is a data folder
        subprocess.run([str(BIN / "kg"), "backup", str(root / copy)], env=env, check=True,
                       stdout=subprocess.DEVNULL)


def serve_kg(data: Path, workers: int):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("KG_")}
    env.update({"KG_DATA_DIR": str(data), "KG_QUERY_WORKERS": str(workers),
                "KG_LOG_LEVEL": "WARNING"})
    proc = subprocess.Popen([str(BIN / "kg"), "serve", "--port", str(port), "--threads", "8"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return proc, f"http://127.0.0.1:{port}/sparql", port


def serve_oxigraph(location: Path):
    port = free_port()
    proc = subprocess.Popen([str(BIN / "oxigraph"), "serve", "--location", str(location),
                             "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return proc, f"http://127.0.0.1:{port}/query", port


HEADERS = {"Accept": "application/sparql-results+json"}


def latency(url: str, texts: list[str]) -> list[float]:
    """Seconds per query, one client."""
    session = requests.Session()
    out = []
    for q in texts:
        started = time.perf_counter()
        session.get(url, params={"query": q}, headers=HEADERS, timeout=120).raise_for_status()
        out.append(time.perf_counter() - started)
    return out


def throughput(url: str, texts: list[str], clients: int) -> float:
    """Queries per second with ``clients`` concurrent clients."""
    def client(part: list[str]) -> None:
        s = requests.Session()
        for q in part:
            s.get(url, params={"query": q}, headers=HEADERS, timeout=120).raise_for_status()

    threads = [threading.Thread(target=client, args=(texts[i::clients],))
               for i in range(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return len(texts) / (time.perf_counter() - started)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--requests", type=int, default=300, help="queries per server")
    parser.add_argument("--rounds", type=int, default=5,
                        help="the servers take turns this many times (fair under noise)")
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--workers", type=int, default=4, help="KG_QUERY_WORKERS of the pool")
    args = parser.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="kg-overhead-"))
    servers = {}
    try:
        build(tmp, args.articles)
        servers = {"kg, worker pool": serve_kg(tmp / "data", args.workers),
                   "kg, in-thread": serve_kg(tmp / "copy-thread", 0),
                   "oxigraph serve": serve_oxigraph(tmp / "copy-oxigraph" / "store")}
        for _, _, port in servers.values():
            if not wait_for_port(port, 60):
                raise SystemExit("a server did not start")
        texts = queries(args.requests)
        rounds = [texts[i::args.rounds] for i in range(args.rounds)]
        lat: dict[str, list[float]] = {name: [] for name in servers}
        rate: dict[str, list[float]] = {name: [] for name in servers}
        for _, url, _ in servers.values():
            latency(url, texts[:20])  # warm up: workers started, caches filled
        for part in rounds:
            for name, (_, url, _) in servers.items():
                lat[name].extend(latency(url, part))
                rate[name].append(throughput(url, part, args.clients))
    finally:
        for proc, _, _ in servers.values():
            proc.terminate()
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"{args.articles} articles, {args.requests} queries per server (70% timeline), "
          f"{args.rounds} rounds, {args.clients} clients for throughput, "
          f"pool of {args.workers}")
    print(f"{'server':18} {'median ms':>10} {'p95 ms':>8} {'req/s':>8}")
    med = {n: statistics.median(v) for n, v in lat.items()}
    thr = {n: statistics.median(v) for n, v in rate.items()}
    for name in servers:
        p95 = sorted(lat[name])[int(0.95 * (len(lat[name]) - 1))]
        print(f"{name:18} {1000 * med[name]:10.2f} {1000 * p95:8.2f} {thr[name]:8.1f}")
    pool, thread, oxi = "kg, worker pool", "kg, in-thread", "oxigraph serve"
    print(f"latency ratio pool/in-thread {med[pool] / med[thread]:.2f}, "
          f"pool/oxigraph {med[pool] / med[oxi]:.2f}")
    print(f"throughput ratio in-thread/pool {thr[thread] / thr[pool]:.2f}, "
          f"oxigraph/pool {thr[oxi] / thr[pool]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
