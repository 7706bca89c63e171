"""Rewrite the golden graphs from the fixtures: ``python -m tests.regenerate_golden``.

Run it only after reading the diff of the change that made the golden test fail."""

from __future__ import annotations

from pathlib import Path

from kg.mapping import map_article
from kg.model import AnalysedArticle
from kg.namespaces import PREFIXES
from tests.fixtures.articles import storm_article

GOLDEN = Path(__file__).parent / "golden"
BASE = "http://127.0.0.1:8000/"


def storm_graph():
    return map_article(AnalysedArticle.from_dict(storm_article()), BASE)


def main() -> None:
    g = storm_graph()
    for k, v in PREFIXES.items():
        g.bind(k, v, replace=True)
    header = ("# Golden graph of tests/fixtures/articles.py:storm_article (base "
              f"{BASE}).\n# Regenerate with `python -m tests.regenerate_golden` after "
              "reviewing the change.\n")
    (GOLDEN / "storm.ttl").write_text(header + g.serialize(format="turtle"), "utf-8")


if __name__ == "__main__":
    main()
