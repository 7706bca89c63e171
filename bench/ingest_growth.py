"""Benchmark: does an article write get slower as the store grows?

    python bench/ingest_growth.py                    # 5,000 articles
    python bench/ingest_growth.py --articles 1000    # a quicker check

Ingests synthetic pre-annotated articles (``bench/synthetic_articles.py``, our own prose; two
events each, places and dates recurring so that cross-article merging has work to do) one by
one through ``KnowledgeGraph.ingest``: mapping, SHACL validation, the store write, merging
and the timeline index update, as ``POST /articles`` does after extraction. It prints the
median time per article at each checkpoint and, measured in the same run at the same
checkpoint, the baseline: the same article's N-Triples written straight into a bare pyoxigraph
store holding the same number of articles (``DROP GRAPH`` + ``INSERT DATA``, nothing else).

The goal: the time per article stays flat (ratio to the first checkpoint near 1) as the
store grows; the ratio to the bare write shows what validation, merging and indexing cost.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.synthetic_articles import article  # noqa: E402
from kg.bootstrap import build_service  # noqa: E402
from kg.mapping import map_article_nt  # noqa: E402
from kg.model import AnalysedArticle  # noqa: E402
from kg.settings import Settings  # noqa: E402

WINDOW = 50  # articles timed at each checkpoint


def bare_write(store: ox.Store, graph: str, ntriples: str) -> None:
    store.update(f"DROP SILENT GRAPH <{graph}> ; INSERT DATA {{ GRAPH <{graph}> "
                 f"{{ {ntriples} }} }}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--checkpoints", type=int, default=5)
    args = ap.parse_args()
    step = max(WINDOW, args.articles // args.checkpoints)
    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as tmp:
        kg = build_service(Settings(data_dir=Path(tmp) / "kg"))
        bare = ox.Store(str(Path(tmp) / "bare"))
        base = kg.settings.base_iri
        print(f"{'articles stored':>16} {'ours ms/article':>16} {'bare write ms':>14} "
              f"{'ours/bare':>10} {'vs first':>9}")
        first = None
        done = 0
        while done < args.articles:
            ours, theirs = [], []
            for i in range(done, min(done + step, args.articles)):
                doc = AnalysedArticle.from_dict(article(i))
                timed = i >= done + step - WINDOW
                t = time.perf_counter()
                kg.ingest(doc)
                if timed:
                    ours.append((time.perf_counter() - t) * 1000)
                nt = map_article_nt(doc, base).ntriples
                t = time.perf_counter()
                bare_write(bare, kg.iris.article(doc.article.id), nt)
                if timed:
                    theirs.append((time.perf_counter() - t) * 1000)
            done = min(done + step, args.articles)
            a, b = statistics.median(ours), statistics.median(theirs)
            first = first or a
            print(f"{done:>16} {a:>16.1f} {b:>14.1f} {a / b:>9.1f}x {a / first:>8.2f}x")
        canonical = next(iter(kg.store.query(
            "PREFIX tl: <https://w3id.org/timeline-kg/ontology#> SELECT (COUNT(*) AS ?n) "
            "WHERE { GRAPH ?g { ?c a tl:CanonicalEvent } }")))["n"].value
        print(f"\nstore: {len(kg.store)} quads, {canonical} canonical (merged) events")
        kg.close()


if __name__ == "__main__":
    main()
