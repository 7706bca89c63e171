"""Evaluate the extraction pipeline against the hand-written expectations.

    python eval/extraction.py [--errors] [--split dev|heldout|seeds] [--only PATTERN]

Reads ``tests/extract/articles/*.json`` (own test articles; ``heldout: true`` marks the ones
kept out of rule development) and ``tests/extract/seeds.json`` (expectations for the real
sample articles in ``../shared/seeds/``, skipped when absent). Prints precision, recall and F1
for events, entities, time-expression values (and Wikidata links when the linking adapters are
available), plus the accuracy of event attributes, per split.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from datetime import date
from fnmatch import fnmatch
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.extract import analyse_article  # noqa: E402
from kg.extract.scoring import ATTRIBUTES, ArticleScore, score_article  # noqa: E402
from kg.model import Article  # noqa: E402


def load_cases(root: Path = ROOT) -> list[dict]:
    """All evaluation cases: {split, id, article, anchors, expected}."""
    cases = []
    for path in sorted((root / "tests" / "extract" / "articles").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        cases.append({"split": "heldout" if data.get("heldout") else "dev", "id": data["id"],
                      "article": Article.from_dict(data["article"]),
                      "anchors": {k: date.fromisoformat(v)
                                  for k, v in data.get("anchors", {}).items()},
                      "expected": data["expected"]})
    seeds = json.loads((root / "tests" / "extract" / "seeds.json").read_text(encoding="utf-8"))
    folder = root.parent / "shared" / "seeds"
    for s in seeds["seeds"]:
        path = folder / s["file"]
        if not path.exists():
            continue
        article = Article(text=path.read_text(encoding="utf-8"),
                          published=date.fromisoformat(s["published"]), id=s["file"][:3])
        cases.append({"split": "seeds", "id": s["file"], "article": article, "anchors": {},
                      "expected": s["expected"]})
    return cases


def adapters(folder: Path) -> dict:
    """Catalog (the shipped starter catalog, indexed into ``folder``), gazetteer and linker,
    when the linking package is installed."""
    try:
        from kg.linking import Gazetteer, Linker
        from kg.linking.defaults import ensure_catalog
        from kg.settings import Settings
    except ImportError as exc:
        print(f"linking adapters unavailable ({exc}): figures without linking",
              file=sys.stderr)
        return {}
    catalog = ensure_catalog(folder / "catalog.sqlite")
    gazetteer = Gazetteer.load()
    linker = Linker(catalog, threshold=Settings().link_threshold, gazetteer=gazetteer)
    return {"catalog": catalog, "gazetteer": gazetteer, "linker": linker}


def link_expectations(case: dict, adapt: dict) -> dict[str, str | None] | None:
    """Gold label -> expected Q-id, taken from the catalog by the gold label (no Q-ids in
    the expectation files)."""
    catalog = adapt.get("catalog")
    if catalog is None:
        return None
    out: dict[str, str | None] = {}
    for ent in case["expected"].get("entities", []):
        if "link" in ent and ent["link"] is None:
            out[ent["label"]] = None
            continue
        names = [ent.get("link") or ent["label"], *ent.get("aliases", [])]
        qids = {e.qid for n in names for e in catalog.lookup(n, kind=ent["kind"])}
        # one verified item under the gold names: expected link; none: expected unlinked
        out[ent["label"]] = qids.pop() if len(qids) == 1 else None
        if len(qids) > 1:
            del out[ent["label"]]  # the names are ambiguous in the catalog: not scored
    return out


def fmt(t) -> str:
    return f"P {t.precision:6.1%}  R {t.recall:6.1%}  F1 {t.f1:6.1%}  (tp {t.tp}, fp {t.fp}, " \
           f"fn {t.fn})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list misses and false alarms")
    parser.add_argument("--split", choices=("dev", "heldout", "seeds"), action="append")
    parser.add_argument("--no-linking", action="store_true",
                        help="evaluate without catalog, gazetteer and linker")
    parser.add_argument("--only", action="append", metavar="PATTERN",
                        help="only the articles whose id matches (fnmatch; repeatable), e.g. "
                             "'heldout-*'")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        adapt = {} if args.no_linking else adapters(Path(tmp))
        return _evaluate(args, adapt)


def _evaluate(args: argparse.Namespace, adapt: dict) -> int:
    cases = [c for c in load_cases() if (not args.split or c["split"] in args.split) and
             (not args.only or any(fnmatch(c["id"], p) for p in args.only))]
    totals: dict[str, ArticleScore] = {}
    for case in cases:
        doc = analyse_article(case["article"], anchors=case["anchors"] or None, **adapt)
        score = score_article(doc, case["expected"], link_qids=link_expectations(case, adapt))
        totals.setdefault(case["split"], ArticleScore()).add(score)
        totals.setdefault("all", ArticleScore()).add(score)
        if args.errors:
            print(f"== {case['split']} {case['id']}")
            for line in score.missed + score.spurious + score.wrong + \
                    [f"VIOLATION {v}" for v in score.violations]:
                print("   ", line)
    print(f"linking adapters: {'yes' if adapt else 'no'}")
    for split in ("dev", "heldout", "seeds", "all"):
        if split not in totals:
            continue
        s = totals[split]
        n = sum(1 for c in cases if c["split"] == split) if split != "all" else len(cases)
        print(f"\n[{split}] {n} articles")
        print(f"  events    {fmt(s.events)}")
        print(f"  entities  {fmt(s.entities)}")
        print(f"  timex val {fmt(s.timexes)}")
        if adapt:
            print(f"  links     {fmt(s.links)}")
        attrs = "  ".join(f"{a} {s.attributes[a][0]}/{s.attributes[a][1]}"
                          for a in ATTRIBUTES if s.attributes[a][1])
        print(f"  attributes of matched events: {attrs}")
        print(f"  'absent' events asserted: {len(s.violations)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
