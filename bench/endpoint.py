"""The SPARQL endpoint benchmark: timeline queries through our HTTP endpoint (`kg serve`,
waitress, embedded store) against a real Oxigraph server and rdflib in memory, on the same
data, in the same run; dump throughput and peak memory.

    python bench/endpoint.py            # quick: 300 articles (~40k triples)
    python bench/endpoint.py --full     # 8,000 articles (>= 1M triples)

Goals: our endpoint within 1.3x of Oxigraph's median latency; rdflib >= 20x slower than us.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (  # noqa: E402
    KgServer,
    OxigraphServer,
    SparqlClient,
    build_shards,
    dump_rate,
    free_port,
    load_embedded,
    machine,
    oxigraph_binary,
    oxigraph_load,
    pick_parameters,
    table,
    time_interleaved,
    timeline_queries,
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--full", action="store_true", help="8,000 articles (>= 1M triples)")
    parser.add_argument("--repeat", type=int, default=30, help="timed runs per query")
    parser.add_argument("--rdflib-repeat", type=int, default=3)
    parser.add_argument("--no-rdflib", action="store_true")
    parser.add_argument("--work", type=Path, default=Path("bench/out/endpoint"))
    args = parser.parse_args(argv)
    n = 8000 if args.full else args.articles
    if oxigraph_binary() is None:
        print("the oxigraph binary is missing (pip install oxigraph)", file=sys.stderr)
        return 2
    work = args.work.resolve()
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    print(f"machine: {machine()}")

    t0 = time.perf_counter()
    totals, _ = build_shards(n, work / "shards")
    print(f"extracted {totals.articles} articles into {totals.triples} triples "
          f"({time.perf_counter() - t0:.1f} s, 2 workers)")
    loaded = load_embedded(work / "shards", work / "data")
    print(f"embedded load: {loaded.triples} triples in {loaded.seconds:.1f} s")
    import pyoxigraph as ox

    from kg.settings import Settings
    from kg.store.embedded import EmbeddedStore

    # The baselines get exactly our store's content (shards plus what the post-load steps
    # added: ontology, shapes, merged events), exported as N-Quads.
    same = work / "same-data.nq"
    store = EmbeddedStore(Settings(data_dir=work / "data").store_path)
    params = pick_parameters(store)
    with open(same, "wb") as fh:
        store.dump(fh, ox.RdfFormat.N_QUADS, all_graphs=True)
    store.close()
    del store
    ox_seconds = oxigraph_load(same, work / "oxigraph")
    print(f"oxigraph load: {ox_seconds:.1f} s")
    queries = timeline_queries(params["place"], params["actor"], params["month"])

    ours = KgServer(work / "data")
    oxi = OxigraphServer(work / "oxigraph", free_port()).start()
    results: dict[str, dict] = {}
    try:
        ours_client = SparqlClient(ours.url + "sparql")
        oxi_client = SparqlClient(oxi.url + "query", {"union-default-graph": ""})
        for name, q in queries.items():
            timed = time_interleaved({"ours": ours_client, "oxigraph": oxi_client}, q,
                                     args.repeat)
            a, b = timed["ours"], timed["oxigraph"]
            if _bindings(ours_client.run(q)) != _bindings(oxi_client.run(q)):
                raise SystemExit(f"{name}: different answers from us and from Oxigraph")
            results[name] = {"ours": a, "oxigraph": b}
        ours_client.close()
        oxi_client.close()
        d_ours = dump_rate(ours.url + "dump", {"Accept": "application/n-quads"})
        d_oxi = dump_rate(oxi.url + "store", {"Accept": "application/n-quads"})
        mem_ours, mem_oxi = ours.peak_rss_mib(), oxi_peak(oxi)
    finally:
        ours.stop()
        oxi.stop()

    if not args.no_rdflib:
        rdf_times, rdf_mem, rdf_load = run_rdflib(same, queries, args.rdflib_repeat, results)
    rows = [["query", "rows", "ours median ms", "ours p95 ms", "oxigraph median ms",
             "oxigraph p95 ms", "ours/oxigraph"]
            + ([] if args.no_rdflib else ["rdflib median ms", "rdflib/ours"])]
    ratios, rdf_ratios = [], []
    for name, r in results.items():
        a, b = r["ours"], r["oxigraph"]
        ratio = a.median_ms / b.median_ms
        ratios.append(ratio)
        row = [name, str(a.rows), f"{a.median_ms:.2f}", f"{a.p95_ms:.2f}", f"{b.median_ms:.2f}",
               f"{b.p95_ms:.2f}", f"{ratio:.2f}x"]
        if not args.no_rdflib:
            rr = rdf_times[name] / a.median_ms
            rdf_ratios.append(rr)
            row += [f"{rdf_times[name]:.1f}", f"{rr:.0f}x"]
        rows.append(row)
    print(f"\n{loaded.triples} triples, {totals.articles} articles; {args.repeat} timed runs "
          "per query over HTTP (one kept-alive connection, JSON results)\n")
    print(table(rows))
    geo = statistics.geometric_mean(ratios)
    print(f"\nours/oxigraph geometric mean: {geo:.2f}x (goal <= 1.3x: "
          f"{'met' if geo <= 1.3 else 'MISSED'})")
    if rdf_ratios:
        print(f"rdflib/ours geometric mean: {statistics.geometric_mean(rdf_ratios):.0f}x "
              f"(expected >= 20x); rdflib parse of the data: {rdf_load:.1f} s")
    for label, (secs, size, lines) in (("ours (/dump)", d_ours), ("oxigraph (/store)", d_oxi)):
        print(f"dump {label}: {lines} quads, {size / 2**20:.1f} MiB in {secs:.2f} s = "
              f"{lines / secs:,.0f} quads/s")
    print(f"dump ours/oxigraph time: {d_ours[0] / d_oxi[0]:.2f}x")
    print(f"peak memory: kg serve {mem_ours:.0f} MiB, oxigraph server {mem_oxi:.0f} MiB"
          + ("" if args.no_rdflib else f", rdflib (bench process) {rdf_mem:.0f} MiB"))
    summary = {"triples": loaded.triples, "articles": totals.articles,
               "ratios": dict(zip(results, ratios, strict=True)), "geo_ratio": geo}
    (work / "summary.json").write_text(json.dumps(summary, indent=1))
    return 0


def _bindings(data: bytes) -> list[dict]:
    return json.loads(data)["results"]["bindings"]


def oxi_peak(server: OxigraphServer) -> float:
    from bench.common import peak_rss_mib

    return peak_rss_mib(server.proc.pid)


def run_rdflib(data: Path, queries: dict[str, str], repeat: int, results: dict):
    """Load the data into an rdflib Dataset (union default graph) and time the queries."""
    from rdflib import Dataset

    t0 = time.perf_counter()
    ds = Dataset(default_union=True)
    ds.parse(str(data), format="nquads")
    load = time.perf_counter() - t0
    times = {}
    for name, q in queries.items():
        rows = len(list(ds.query(q)))
        if rows != results[name]["ours"].rows:
            raise SystemExit(f"{name}: rdflib gave {rows} rows, we gave "
                             f"{results[name]['ours'].rows}")
        samples = []
        for _ in range(repeat):
            t = time.perf_counter()
            list(ds.query(q))
            samples.append((time.perf_counter() - t) * 1000)
        times[name] = statistics.median(samples)
    mem = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return times, mem, load


if __name__ == "__main__":
    sys.exit(main())
