"""The bulk pipeline benchmark: generate articles, `kg extract` them with 2 workers, `kg load`
the shards into the embedded store, and compare that load with `oxigraph load` of the same
N-Quads in the same run.

    python bench/bulk.py              # quick: 2,000 articles
    python bench/bulk.py --full       # 100,000 articles

Goal: the embedded load within 2x of `oxigraph load`. Raw articles go through the extraction
pipeline when it is installed; otherwise the corpus's gold annotations are used (said in the
output), so mapping and validation are measured either way.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (  # noqa: E402
    OxigraphServer,
    free_port,
    machine,
    oxigraph_binary,
    oxigraph_load,
    table,
)


def folder_mib(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--full", action="store_true", help="100,000 articles")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--chunk-size", type=int, default=500)
    parser.add_argument("--remote", action="store_true",
                        help="also load the shards into a running Oxigraph server")
    parser.add_argument("--work", type=Path, default=Path("bench/out/bulk"))
    parser.add_argument("--keep", action="store_true",
                        help="reuse the corpus and finished shards of an earlier run in --work "
                             "(extraction resumes; the loads are measured afresh)")
    args = parser.parse_args(argv)
    n = 100_000 if args.full else args.articles
    if oxigraph_binary() is None:
        print("the oxigraph binary is missing (pip install oxigraph)", file=sys.stderr)
        return 2
    from bench.corpus import write_corpus
    from kg.bootstrap import _analyser
    from kg.bulk.extract import run_extract
    from kg.bulk.load import load_shards
    from kg.settings import Settings
    from kg.store.embedded import EmbeddedStore

    work = args.work.resolve()
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    for stale in ("data", "oxigraph", "oxigraph-remote"):
        shutil.rmtree(work / stale, ignore_errors=True)
    work.mkdir(parents=True, exist_ok=True)
    settings = Settings(data_dir=work / "data")
    annotated = _analyser(settings) is None
    print(f"machine: {machine()}")
    print("input: " + ("pre-annotated articles (gold annotations; the extraction pipeline is "
                       "not installed)" if annotated else "raw articles through the "
                                                          "extraction pipeline"))
    stages = [["stage", "articles", "seconds", "articles/s", "notes"]]

    corpus = work / "corpus.jsonl"
    if not (args.keep and corpus.is_file()):
        t0 = time.perf_counter()
        write_corpus(corpus, n, seed=11, annotated=annotated)
        secs = time.perf_counter() - t0
        stages.append(["generate", str(n), f"{secs:.1f}", f"{n / secs:,.0f}",
                       f"{corpus.stat().st_size / 2**20:.0f} MiB JSON Lines"])

    totals = run_extract(settings, [str(corpus)], work / "shards", workers=args.workers,
                         chunk_size=args.chunk_size)
    stages.append(["extract", str(totals.fresh_articles), f"{totals.seconds:.1f}",
                   f"{totals.fresh_articles / totals.seconds:,.0f}",
                   f"{args.workers} workers, {totals.triples:,} triples, "
                   f"{totals.rejects} rejects, {folder_mib(work / 'shards'):.0f} MiB shards"])

    store = EmbeddedStore(settings.store_path)
    loaded = load_shards(store, work / "shards", settings)
    store.close()
    del store
    stages.append(["load (embedded)", str(loaded.graphs), f"{loaded.seconds:.1f}",
                   f"{loaded.graphs / loaded.seconds:,.0f}",
                   f"{loaded.triples / loaded.seconds:,.0f} triples/s; store "
                   f"{folder_mib(settings.store_path):.0f} MiB"])
    ox_secs = oxigraph_load(work / "shards", work / "oxigraph")
    stages.append(["oxigraph load (CLI)", str(loaded.graphs), f"{ox_secs:.1f}",
                   f"{loaded.graphs / ox_secs:,.0f}",
                   f"{loaded.triples / ox_secs:,.0f} triples/s; store "
                   f"{folder_mib(work / 'oxigraph'):.0f} MiB"])
    if args.remote:
        from kg.store.remote import RemoteStore

        server = OxigraphServer(work / "oxigraph-remote", free_port()).start()
        try:
            remote_settings = settings.replace(store=server.store_url)
            remote = RemoteStore.from_settings(remote_settings)
            r = load_shards(remote, work / "shards", remote_settings)
            remote.close()
        finally:
            server.stop()
        stages.append(["load (remote Oxigraph)", str(r.graphs), f"{r.seconds:.1f}",
                       f"{r.graphs / r.seconds:,.0f}", f"{r.triples / r.seconds:,.0f} triples/s"])

    print()
    print(table(stages))
    ratio = loaded.seconds / ox_secs
    print(f"\nfinal store: {loaded.triples:,} triples from {loaded.graphs:,} articles")
    print(f"embedded load / oxigraph load: {ratio:.2f}x (goal <= 2x: "
          f"{'met' if ratio <= 2 else 'MISSED'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
