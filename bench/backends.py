"""The backends benchmark: the timeline queries through the service (`kg serve` over HTTP) on
the embedded store and on a remote Oxigraph server (`KG_STORE`), same data, same run; plus the
latency of ingesting one article through each.

    python bench/backends.py            # quick: 500 articles
    python bench/backends.py --full     # 8,000 articles (>= 1M triples)
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (  # noqa: E402
    KgServer,
    OxigraphServer,
    SparqlClient,
    build_shards,
    free_port,
    load_embedded,
    machine,
    oxigraph_binary,
    pick_parameters,
    table,
    time_interleaved,
    timeline_queries,
)

TOKEN = "bench-token"


def ingest_latency(url: str, docs: list[dict]) -> float:
    """Median milliseconds of POST /articles (analysis skipped: pre-annotated)."""
    samples = []
    for doc in docs:
        req = urllib.request.Request(url + "articles", data=json.dumps(doc).encode(),
                                     headers={"Content-Type": "application/json",
                                              "Authorization": f"Bearer {TOKEN}"})
        t0 = time.perf_counter()
        with urllib.request.urlopen(req, timeout=120) as resp:
            resp.read()
        samples.append((time.perf_counter() - t0) * 1000)
    return statistics.median(samples)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--full", action="store_true")
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--work", type=Path, default=Path("bench/out/backends"))
    args = parser.parse_args(argv)
    n = 8000 if args.full else args.articles
    if oxigraph_binary() is None:
        print("the oxigraph binary is missing (pip install oxigraph)", file=sys.stderr)
        return 2
    import os

    from bench.corpus import generate
    from kg.bulk.load import load_shards
    from kg.settings import Settings
    from kg.store.embedded import EmbeddedStore
    from kg.store.remote import RemoteStore

    os.environ["KG_UPDATE_TOKEN"] = TOKEN
    work = args.work.resolve()
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    print(f"machine: {machine()}")
    totals, _ = build_shards(n, work / "shards")
    loaded = load_embedded(work / "shards", work / "embedded")
    store = EmbeddedStore(Settings(data_dir=work / "embedded").store_path)
    params = pick_parameters(store)
    store.close()
    del store
    queries = timeline_queries(params["place"], params["actor"], params["month"])
    extra = [doc for doc in generate(20, seed=99)]

    oxi = OxigraphServer(work / "oxigraph", free_port()).start()
    servers = []
    try:
        rs = Settings(data_dir=work / "remote", store=oxi.store_url)
        remote = RemoteStore.from_settings(rs)
        load_shards(remote, work / "shards", rs)
        remote.close()
        embedded_server = KgServer(work / "embedded")
        servers.append(embedded_server)
        remote_server = KgServer(work / "remote", store_url=oxi.store_url)
        servers.append(remote_server)
        clients = {"embedded": SparqlClient(embedded_server.url + "sparql"),
                   "remote": SparqlClient(remote_server.url + "sparql")}
        rows = [["query", "rows", "embedded median ms", "embedded p95 ms", "remote median ms",
                 "remote p95 ms", "remote/embedded"]]
        ratios = []
        for name, q in queries.items():
            t = time_interleaved(clients, q, args.repeat)
            a, b = t["embedded"], t["remote"]
            if a.rows != b.rows:
                raise SystemExit(f"{name}: {a.rows} rows embedded, {b.rows} remote")
            ratios.append(b.median_ms / a.median_ms)
            rows.append([name, str(a.rows), f"{a.median_ms:.2f}", f"{a.p95_ms:.2f}",
                         f"{b.median_ms:.2f}", f"{b.p95_ms:.2f}", f"{ratios[-1]:.2f}x"])
        for c in clients.values():
            c.close()
        ing_e = ingest_latency(embedded_server.url, extra[:10])
        ing_r = ingest_latency(remote_server.url, extra[10:])
    finally:
        for s in servers:
            s.stop()
        oxi.stop()
    print(f"\n{loaded.triples:,} triples, {totals.articles:,} articles; {args.repeat} timed runs "
          "per query through `kg serve` over HTTP\n")
    print(table(rows))
    print(f"\nremote/embedded geometric mean: {statistics.geometric_mean(ratios):.2f}x")
    print(f"ingest one article (POST /articles, validated): embedded {ing_e:.1f} ms, remote "
          f"{ing_r:.1f} ms ({ing_r / ing_e:.2f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
