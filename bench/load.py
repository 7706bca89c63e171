"""Load test: concurrent clients against the real server, started as users start it.

    .venv/bin/python bench/load.py                  # 60 s
    .venv/bin/python bench/load.py --duration 5     # a smoke run

Starts ``kg serve`` (waitress) on 127.0.0.1 with a fresh data folder, seeds it with synthetic
articles, then runs for ``--duration`` seconds (and at most ``--max-requests`` requests):
clients asking timeline-like SPARQL queries, clients asking other queries and pages, and
writers ingesting new articles. Loopback only. It reports throughput, p50/p95/p99 latency and
errors per kind, then checks that every acknowledged article (201) is in the store.

Exit status 1 on any 5xx, transport error or lost write (the goals are zero of each).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic_articles import OTHER_QUERIES, TIMELINE_QUERY, article  # noqa: E402

KG = Path(sys.executable).parent / "kg"


class Recorder:
    """Latencies and outcomes per kind of request, thread-safe."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latency: dict[str, list[float]] = defaultdict(list)
        self.outcomes: dict[str, Counter] = defaultdict(Counter)
        self.acknowledged: list[str] = []
        self.requests = 0

    def record(self, kind: str, seconds: float, outcome: str) -> None:
        with self.lock:
            self.latency[kind].append(seconds)
            self.outcomes[kind][outcome] += 1
            self.requests += 1


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(data: Path, port: int, token: str, threads: int, workers: int | None):
    env = {k: v for k, v in os.environ.items() if not k.startswith("KG_")}
    env.update({"KG_DATA_DIR": str(data), "KG_UPDATE_TOKEN": token, "KG_LOG_LEVEL": "WARNING",
                "KG_BASE_IRI": f"http://127.0.0.1:{port}/"})
    if workers is not None:
        env["KG_QUERY_WORKERS"] = str(workers)
    proc = subprocess.Popen([str(KG), "serve", "--host", "127.0.0.1", "--port", str(port),
                             "--threads", str(threads)], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    line = proc.stdout.readline()
    if not line.startswith("http://") or not wait_for_port(port, 60):
        proc.kill()
        raise SystemExit("the server did not start")
    return proc


def wait_for_port(port: int, seconds: float) -> bool:
    """Whether 127.0.0.1:port accepts connections within ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return True
        except OSError:
            time.sleep(0.05)
    return False


def run(args) -> dict:
    token = secrets.token_hex(16)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    tmp = Path(tempfile.mkdtemp(prefix="kg-load-"))
    proc = start_server(tmp / "data", port, token, args.threads, args.workers)
    auth = {"Authorization": f"Bearer {token}"}
    rec = Recorder()
    run_id = secrets.token_hex(4)
    try:
        session = requests.Session()
        for i in range(args.seed):
            resp = session.post(f"{base}/articles", json=article(i, f"seed-{run_id}"),
                                headers=auth, timeout=60)
            resp.raise_for_status()
        stop_at = time.monotonic() + args.duration
        budget = threading.Semaphore(args.max_requests)
        counter = iter(range(10**9))
        counter_lock = threading.Lock()

        def go() -> bool:
            return time.monotonic() < stop_at and budget.acquire(blocking=False)

        def timed(kind: str, send) -> requests.Response | None:
            started = time.perf_counter()
            try:
                resp = send()
            except requests.RequestException as exc:
                rec.record(kind, time.perf_counter() - started, f"error:{type(exc).__name__}")
                return None
            rec.record(kind, time.perf_counter() - started, str(resp.status_code))
            return resp

        def timeline_client(seed: int) -> None:
            rnd, s = random.Random(seed), requests.Session()
            while go():
                start = f"{2020 + rnd.randrange(4)}-{1 + rnd.randrange(12):02d}-01T00:00:00Z"
                timed("timeline query", lambda s=s, q=TIMELINE_QUERY % start: s.get(
                    f"{base}/sparql", params={"query": q}, timeout=120,
                    headers={"Accept": "application/sparql-results+json"}))

        def other_client(seed: int) -> None:
            rnd, s = random.Random(seed), requests.Session()
            while go():
                pick = rnd.randrange(len(OTHER_QUERIES) + 2)
                if pick < len(OTHER_QUERIES):
                    timed("other query", lambda s=s, q=OTHER_QUERIES[pick]: s.post(
                        f"{base}/sparql", data=q.encode(), timeout=120,
                        headers={"Content-Type": "application/sparql-query",
                                 "Accept": "application/sparql-results+json"}))
                else:
                    timed("page", lambda s=s: s.get(f"{base}/articles", timeout=120))

        def writer() -> None:
            s = requests.Session()
            while go():
                with counter_lock:
                    n = next(counter)
                resp = timed("ingest", lambda s=s, n=n: s.post(
                    f"{base}/articles", json=article(args.seed + n, f"load-{run_id}"),
                    headers=auth, timeout=120))
                if resp is not None and resp.status_code == 201:
                    with rec.lock:
                        rec.acknowledged.append(resp.json()["id"])

        threads = [threading.Thread(target=timeline_client, args=(i,))
                   for i in range(args.timeline_clients)]
        threads += [threading.Thread(target=other_client, args=(100 + i,))
                    for i in range(args.query_clients)]
        threads += [threading.Thread(target=writer) for _ in range(args.writers)]
        started = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.monotonic() - started
        # every acknowledged write must be there
        lost = [a for a in rec.acknowledged
                if session.get(f"{base}/articles/{a}", timeout=60).status_code != 200]
    finally:
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
        proc.stdout.close()
        shutil.rmtree(tmp, ignore_errors=True)
    return report(rec, elapsed, lost)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def report(rec: Recorder, elapsed: float, lost: list[str]) -> dict:
    kinds = {}
    for kind, lat in sorted(rec.latency.items()):
        out = rec.outcomes[kind]
        kinds[kind] = {
            "requests": len(lat), "per_second": len(lat) / elapsed,
            "p50_ms": 1000 * percentile(lat, 50), "p95_ms": 1000 * percentile(lat, 95),
            "p99_ms": 1000 * percentile(lat, 99), "mean_ms": 1000 * statistics.fmean(lat),
            "status": dict(out),
            "server_errors": sum(n for k, n in out.items() if k.startswith("5")),
            "client_errors": sum(n for k, n in out.items() if k.startswith("4")),
            "transport_errors": sum(n for k, n in out.items() if k.startswith("error")),
        }
    return {"seconds": elapsed, "requests": rec.requests,
            "per_second": rec.requests / elapsed, "kinds": kinds,
            "acknowledged_writes": len(rec.acknowledged), "lost_writes": len(lost),
            "server_errors": sum(k["server_errors"] for k in kinds.values()),
            "transport_errors": sum(k["transport_errors"] for k in kinds.values())}


def print_report(res: dict) -> None:
    print(f"{res['requests']} requests in {res['seconds']:.1f} s "
          f"({res['per_second']:.1f}/s)")
    print(f"{'kind':16} {'requests':>8} {'per s':>7} {'p50 ms':>8} {'p95 ms':>8} "
          f"{'p99 ms':>8}  statuses")
    for kind, k in res["kinds"].items():
        print(f"{kind:16} {k['requests']:8d} {k['per_second']:7.1f} {k['p50_ms']:8.1f} "
              f"{k['p95_ms']:8.1f} {k['p99_ms']:8.1f}  {k['status']}")
    print(f"5xx: {res['server_errors']}  transport errors: {res['transport_errors']}  "
          f"acknowledged writes: {res['acknowledged_writes']}  lost: {res['lost_writes']}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of load")
    parser.add_argument("--max-requests", type=int, default=200_000,
                        help="stop after this many requests")
    parser.add_argument("--timeline-clients", type=int, default=4)
    parser.add_argument("--query-clients", type=int, default=2)
    parser.add_argument("--writers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=40, help="articles stored before the run")
    parser.add_argument("--threads", type=int, default=8, help="server threads")
    parser.add_argument("--workers", type=int, default=None,
                        help="KG_QUERY_WORKERS for the server (default: its default)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    res = run(args)
    if args.json:
        print(json.dumps(res, indent=2))
    else:
        print_report(res)
    return 1 if res["server_errors"] or res["transport_errors"] or res["lost_writes"] else 0


if __name__ == "__main__":
    sys.exit(main())
