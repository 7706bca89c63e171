"""Benchmark: end-to-end extraction of a ~600-word news article on one core.

    python bench/extraction.py [--seconds 3]

Prints articles per second for (1) a bare regex sentence split (the baseline, measured in the
same run), (2) the extraction pipeline (kg.extract.analyse_article), (3) extraction plus
mapping to RDF and SHACL validation, with and without the linking adapters when they are
installed. The goal is >= 100 articles/s for (3) on one core. Validation is also timed alone,
with pyshacl-turbo by itself (the baseline) and through the screen (kg.shacl) as the service runs
it. Rates are measured in CPU time
of this process, so that other load on the machine does not distort them. Caches keyed on a
whole article text are emptied before every run (``forget_texts``): repeating one article must
cost what new articles cost. With linking, the end-to-end loop is timed once more with the
analyser's long-lived data returned to the garbage collector's full scans, and once with the
collector's default threshold for young objects, which shows what each half of
``kg.bootstrap.settle_long_lived`` is worth.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import re
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.extract import analyse_article  # noqa: E402
from kg.model import Article  # noqa: E402

_SPLIT = re.compile(r"(?<=[.!?])\s+")


# The development articles the benchmark text is built from (a fixed list, so that figures
# stay comparable when articles are added).
BENCH_ARTICLES = ("ceasefire-talks", "election-runoff", "flood-undated", "hurricane-power",
                  "minister-resigns", "myanmar-airstrike", "protest-paris", "quake-nepal",
                  "sanctions-statement", "sudan-shelling", "train-derailment", "wildfire-rhodes")


def article_of(words: int = 600) -> Article:
    """A dated article of about ``words`` words built from the dev test articles."""
    parts = []
    count = 0
    folder = ROOT / "tests" / "extract" / "articles"
    for name in BENCH_ARTICLES:
        data = json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))
        for para in data["article"]["text"].split("\n\n")[1:]:
            parts.append(para)
            count += len(para.split())
            if count >= words:
                text = "Benchmark digest of the day's news\n\n" + "\n\n".join(parts)
                return Article(text=text, published=date(2024, 3, 14), title="Digest")
    raise SystemExit("not enough test articles to build the benchmark text")


def forget_texts() -> None:
    """Empty the caches keyed on a whole article text, so that every run costs what a new
    article costs (the catalog and gazetteer scans share one tokenisation per text)."""
    try:
        from kg.linking.normalise import words
    except ImportError:
        return
    words.cache_clear()


def rate(fn, seconds: float) -> float:
    fn()  # warm up (lexicon, caches)
    n, start = 0, time.process_time()
    while True:
        forget_texts()
        fn()
        n += 1
        elapsed = time.process_time() - start
        if elapsed >= seconds:
            return n / elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="time per measurement")
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    article = article_of()
    print(f"article: {len(article.text.split())} words, {len(article.text)} characters")
    base = rate(lambda: _SPLIT.split(article.text), args.seconds)
    print(f"baseline regex sentence split: {base:12.1f} articles/s")
    doc = analyse_article(article)
    print(f"  ({len(doc.sentences)} sentences, {len(doc.entities)} entities, "
          f"{len(doc.timexes)} time expressions, {len(doc.events)} events)")
    ext = rate(lambda: analyse_article(article), args.seconds)
    print(f"extraction (no adapters):      {ext:12.1f} articles/s  "
          f"({base / ext:,.0f}x slower than the baseline)")
    with tempfile.TemporaryDirectory() as tmp:
        adapt = adapters(Path(tmp))
        if adapt:
            linked = rate(lambda: analyse_article(article, **adapt), args.seconds)
            print(f"extraction + linking:          {linked:12.1f} articles/s  "
                  f"({base / linked:,.0f}x slower than the baseline)")
        end_to_end(article, adapt, base, args.seconds)
    return 0


def adapters(folder: Path) -> dict:
    """The linking adapters as the service builds them (``kg.bootstrap.Analyser``, which also
    settles the long-lived objects out of the garbage collector's way)."""
    try:
        from kg.bootstrap import Analyser
        from kg.settings import Settings
    except ImportError as exc:
        print(f"kg.linking not importable ({exc}): figures without linking only",
              file=sys.stderr)
        return {}
    built = Analyser(Settings(data_dir=folder, demo=False)).adapters()
    return {k: built[k] for k in ("catalog", "gazetteer", "linker")}


def end_to_end(article: Article, adapt: dict, base: float, seconds: float) -> None:
    """The service's ingest path without the store write: map to N-Triples, validate them."""
    from kg.mapping import map_article_nt
    from kg.resources import ontology_dir
    from kg.shacl import DataGraph
    from kg.validation import Validator

    validator = Validator.from_dir(ontology_dir())
    engine_only = Validator.from_dir(ontology_dir(), screen=False)
    doc = analyse_article(article, **adapt)
    graph = map_article_nt(doc, "http://127.0.0.1:8000/")
    assert validator.screen is not None and validator.screen.conforms(
        DataGraph(graph.triples)), "the screen does not pass the benchmark article"
    mapping = rate(lambda: map_article_nt(doc, "http://127.0.0.1:8000/"), seconds)
    engine = rate(lambda: engine_only.validate(graph.ntriples), seconds)
    validation = rate(lambda: validator.validate(graph), seconds)
    print(f"  mapping alone ({len(graph)} triples): {mapping:8.1f} articles/s")
    print(f"  SHACL, pyshacl-turbo alone:  {engine:12.1f} articles/s")
    print(f"  SHACL, screen (service path):{validation:12.1f} articles/s  "
          f"({validation / engine:.1f}x the engine alone)")

    def run(v: Validator) -> None:
        d = analyse_article(article, **adapt)
        report = v.validate(map_article_nt(d, "http://127.0.0.1:8000/"))
        assert report.conforms, report.results[:3]

    what = f"extraction{' + linking' if adapt else ''} + mapping + SHACL"
    without = rate(lambda: run(engine_only), seconds)
    print(f"{what} (engine alone): {without:8.1f} articles/s")
    e2e = rate(lambda: run(validator), seconds)
    print(f"{what}: {e2e:8.1f} articles/s  ({base / e2e:,.0f}x slower than the baseline, "
          f"{e2e / without:.2f}x the rate with the engine alone; goal >= 100/s)")
    if adapt and gc.get_freeze_count():
        # the same loop with the analyser's data back under the collector's full scans
        # (kg.bootstrap.settle_long_lived's freeze undone), to show what settling it is worth
        frozen = gc.get_freeze_count()
        gc.unfreeze()
        unsettled = rate(lambda: run(validator), seconds)
        gc.freeze()
        print(f"  same, without settling the analyser's data ({frozen:,} objects): "
              f"{unsettled:8.1f} articles/s ({e2e / unsettled:.2f}x slower)")
    threshold = gc.get_threshold()
    if adapt and threshold[0] != 700:
        # and with Python's default threshold for the youngest generation (settle_long_lived
        # raises it)
        gc.set_threshold(700, *threshold[1:])
        default = rate(lambda: run(validator), seconds)
        gc.set_threshold(*threshold)
        print(f"  same, with the collector's default threshold (700, not {threshold[0]:,}): "
              f"{default:8.1f} articles/s ({e2e / default:.2f}x slower)")

if __name__ == "__main__":
    raise SystemExit(main())
