"""Benchmark: SHACL validation of one article's graph: the screen, pyshacl-turbo, pySHACL.

    python bench/validation.py [--repeat 5]

Maps the extraction benchmark's 600-word article (bench/extraction.py) to its graph, then times
(CPU time, median of --repeat runs) both engines on the same N-Triples and the same shapes, and
the service's path: the screen (kg.shacl, the shapes compiled to Python) on the mapped graph,
which answers a conforming graph without the engine. Prints the ratios. pySHACL is the
reference implementation; the service uses the screen in front of pyshacl-turbo.
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


def median_ms(validator: Validator, data, repeat: int) -> float:
    validator.validate(data)  # warm up
    times = []
    for _ in range(repeat):
        start = time.process_time()
        report = validator.validate(data)
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
        results[engine] = median_ms(Validator.from_dir(ontology_dir(), engine=engine,
                                                       screen=False),
                                    graph.ntriples, args.repeat)
        print(f"{engine:8s} {results[engine]:10.1f} ms per article")
    results["screen"] = median_ms(Validator.from_dir(ontology_dir()), graph, args.repeat)
    print(f"screen   {results['screen']:10.1f} ms per article (the service's path)")
    print(f"pyshacl-turbo is {results['pyshacl'] / results['turbo']:.0f}x faster than pySHACL; "
          f"the screen {results['turbo'] / results['screen']:.1f}x faster than pyshacl-turbo")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
