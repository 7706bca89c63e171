"""Benchmark: SHACL validation of one article's graph, pyshacl-turbo against pySHACL.

    python bench/validation.py [--repeat 5]

Maps the extraction benchmark's 600-word article (bench/extraction.py) to its graph, then times
(CPU time, median of --repeat runs) both engines on the same N-Triples and the same shapes, and
prints the ratio. pySHACL is the reference implementation; the service uses pyshacl-turbo.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from extraction import article_of  # noqa: E402

from kg.extract import analyse_article  # noqa: E402
from kg.mapping import map_article_nt  # noqa: E402
from kg.resources import ontology_dir  # noqa: E402
from kg.validation import Validator  # noqa: E402


def median_ms(validator: Validator, text: str, repeat: int) -> float:
    validator.validate(text)  # warm up
    times = []
    for _ in range(repeat):
        start = time.process_time()
        report = validator.validate(text)
        times.append((time.process_time() - start) * 1000)
        assert report.conforms, report.results[:3]
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    graph = map_article_nt(analyse_article(article_of()), "http://127.0.0.1:8000/")
    print(f"graph: {len(graph)} triples")
    results = {}
    for engine in ("pyshacl", "turbo"):
        results[engine] = median_ms(Validator.from_dir(ontology_dir(), engine=engine),
                                    graph.ntriples, args.repeat)
        print(f"{engine:8s} {results[engine]:10.1f} ms per article")
    print(f"pyshacl-turbo is {results['pyshacl'] / results['turbo']:.0f}x faster than pySHACL")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
