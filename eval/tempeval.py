#!/usr/bin/env python3
"""Evaluate kg.temporal on the TempEval-3 TBAQ corpus with the official-style scorer.

    python eval/tempeval.py [CORPUS_DIR] [--errors N] [--keep SYSTEM.jsonl]

CORPUS_DIR holds ``tbaq_train.jsonl``, ``te3_score.py`` and ``te3_extract.py`` (default:
``../shared/tempeval3`` relative to the repository root). The corpus is read in place, never
copied. Prints the scorer's figures (strict/relaxed span F1, value F1, type F1), a per-type
breakdown (recall, value accuracy on matched, misses, false positives), the most frequent
error strings, and the tagging speed (documents/s, characters/s, ms per 600-word article).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.temporal.corpus import tag_document  # noqa: E402

DEFAULT_DIR = ROOT.parent / "shared" / "tempeval3"
TYPES = ("DATE", "TIME", "DURATION", "SET")


def load_scorer(corpus_dir: Path):
    """Import the corpus's te3_score.py (it imports te3_extract from its own folder)."""
    sys.path.insert(0, str(corpus_dir))
    spec = importlib.util.spec_from_file_location("te3_score", corpus_dir / "te3_score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def keyed(records: list[dict]) -> dict[str, dict]:
    """Documents keyed the way te3_score.py keys them (file stem, else doc_id)."""
    return {(r["file"].rsplit(".", 1)[0] if r.get("file") else r["doc_id"]): r for r in records}


def tag_corpus(docs: list[dict], passes: int = 1) -> tuple[list[dict], list[float]]:
    """Tag every document; per document the best CPU time of ``passes`` runs (process time,
    so that other load on the host does not count)."""
    records, times = [], []
    for doc in docs:
        best = float("inf")
        for _ in range(passes):
            started = time.process_time()
            record = tag_document(doc, doc.get("doc_id", "document"))
            best = min(best, time.process_time() - started)
        records.append(record)
        times.append(best)
    return records, times


def breakdown(scorer, gold: dict, system: dict) -> dict[str, Counter]:
    """Per gold type: gold, matched, value_ok, missed; per system type: false positives."""
    out = {t: Counter() for t in TYPES}
    for doc_id, gd in gold.items():
        gt = gd["timexes"]
        st = system.get(doc_id, {"timexes": []})["timexes"]
        pairs = scorer.match(gt, st, gd["text"])
        matched_g = {i for i, _, _ in pairs}
        matched_s = {j for _, j, _ in pairs}
        for t in gt:
            out.setdefault(t["type"], Counter())["gold"] += 1
        for i, j, _strict in pairs:
            c = out.setdefault(gt[i]["type"], Counter())
            c["matched"] += 1
            c["value_ok"] += gt[i].get("value") == st[j].get("value")
            c["type_ok"] += gt[i].get("type") == st[j].get("type")
        for i, t in enumerate(gt):
            if i not in matched_g:
                out[t["type"]]["missed"] += 1
        for j, t in enumerate(st):
            if j not in matched_s:
                out.setdefault(t["type"], Counter())["false_pos"] += 1
    return out


def print_breakdown(table: dict[str, Counter]) -> None:
    print(f"{'type':<9}{'gold':>6}{'found':>7}{'recall':>8}{'value ok':>10}{'value acc':>10}"
          f"{'missed':>8}{'false +':>9}")
    for t in TYPES:
        c = table.get(t, Counter())
        rec = c["matched"] / c["gold"] if c["gold"] else 0.0
        acc = c["value_ok"] / c["matched"] if c["matched"] else 0.0
        print(f"{t:<9}{c['gold']:>6}{c['matched']:>7}{rec:>8.1%}{c['value_ok']:>10}{acc:>10.1%}"
              f"{c['missed']:>8}{c['false_pos']:>9}")


def frequent_errors(scorer, gold: dict, system: dict, n: int) -> None:
    wrong, missed, extra = Counter(), Counter(), Counter()
    for doc_id, gd in gold.items():
        gt = gd["timexes"]
        st = system.get(doc_id, {"timexes": []})["timexes"]
        pairs = scorer.match(gt, st, gd["text"])
        for i, j, _ in pairs:
            if gt[i].get("value") != st[j].get("value"):
                wrong[(gt[i]["type"], gt[i]["text"].lower(), gt[i]["value"],
                       st[j]["value"])] += 1
        mg = {i for i, _, _ in pairs}
        ms = {j for _, j, _ in pairs}
        missed.update((t["type"], t["text"].lower()) for i, t in enumerate(gt) if i not in mg)
        extra.update((t["type"], gd["text"][t["start"]:t["end"]].lower())
                     for j, t in enumerate(st) if j not in ms)
    print(f"\nmost frequent wrong values (gold type, text, gold value, system value), top {n}:")
    for key, count in wrong.most_common(n):
        print(f"  {count:>3}  {key}")
    print(f"most frequent misses (gold type, text), top {n}:")
    for key, count in missed.most_common(n):
        print(f"  {count:>3}  {key}")
    print(f"most frequent false positives (system type, text), top {n}:")
    for key, count in extra.most_common(n):
        print(f"  {count:>3}  {key}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus_dir", nargs="?", default=str(DEFAULT_DIR))
    parser.add_argument("--errors", type=int, default=10, help="show the N most frequent errors")
    parser.add_argument("--keep", help="also write the system JSONL here")
    args = parser.parse_args(argv)
    corpus_dir = Path(args.corpus_dir)
    gold_path = corpus_dir / "tbaq_train.jsonl"
    if not gold_path.is_file() or not (corpus_dir / "te3_score.py").is_file():
        print(f"error: {corpus_dir} lacks tbaq_train.jsonl or te3_score.py", file=sys.stderr)
        return 2
    scorer = load_scorer(corpus_dir)
    with gold_path.open(encoding="utf-8") as handle:
        docs = [json.loads(line) for line in handle if line.strip()]
    tag_corpus(docs[:5])  # warm up (imports, regex caches)
    records, times = tag_corpus(docs, passes=3)
    if args.keep:
        with open(args.keep, "w", encoding="utf-8") as out:
            for record in records:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    gold, system = keyed(docs), keyed(records)
    result = scorer.score(gold, system)
    print(f"TempEval-3 TBAQ training corpus: {len(docs)} documents, {result['n_gold']} gold "
          f"TIMEX3, {result['n_sys']} system")
    print(scorer.fmt(result))
    print(f"value F1 {result['value_F1']:.1%}  (reference: HeidelTime 77.6 on the TE3 "
          f"platinum test set)")
    print()
    print_breakdown(breakdown(scorer, gold, system))
    if args.errors:
        frequent_errors(scorer, gold, system, args.errors)
    total = sum(times)
    chars = sum(len(d["text"]) for d in docs)
    words = sum(len(d["text"].split()) for d in docs)
    per_word = total / words
    print(f"\nspeed (best of 3 per document, CPU time): {len(docs) / total:,.0f} documents/s, "
          f"{chars / total:,.0f} chars/s, "
          f"{words / total:,.0f} words/s; a 600-word article takes {600 * per_word * 1000:.2f} "
          f"ms (median document {statistics.median(times) * 1000:.2f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
