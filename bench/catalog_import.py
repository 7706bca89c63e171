"""Benchmark: import a synthetic Wikidata JSON dump into the catalog index, then measure
look-ups and scans against baselines measured in the same run.

    python bench/catalog_import.py                # 1,000,000 entities
    python bench/catalog_import.py --n 50000      # a quicker check

Prints entities/s for the import, the index size, look-up latency (p50/p99) for
``Catalog.lookup`` on cold and warm caches, against (a) a plain in-memory dict from name key to
ids and (b) a naive ``LIKE`` query on the stored records, and the time to scan a 600-word text.
The dump is generated (synthetic names and Q-ids from Q900000000 on); nothing is downloaded.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.linking import Catalog  # noqa: E402
from kg.linking.importers import import_file  # noqa: E402
from kg.linking.normalise import name_key  # noqa: E402

SYLLABLES = ("ka", "ro", "mi", "lo", "va", "dru", "zhe", "nyk", "pol", "sta", "ter", "bor",
             "hor", "lyn", "vi", "sa", "myr", "ton", "gra", "dov", "chen", "ko", "ly", "ar",
             "bel", "cor", "dan", "fen", "gol", "hen", "jus", "kel", "mor", "nel", "pas", "rud",
             "sel", "tum", "ul", "zan")
CLASSES = (("Q5", 0.45), ("Q515", 0.15), ("Q486972", 0.1), ("Q43229", 0.1),
           ("Q11424", 0.2))  # the last is not configured: skipped on import


def word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(3, 5))).capitalize()


def entity(i: int, rng: random.Random) -> tuple[dict, list[str]]:
    qid = f"Q{900_000_000 + i}"
    r, acc, cls = rng.random(), 0.0, CLASSES[-1][0]
    for c, p in CLASSES:
        acc += p
        if r < acc:
            cls = c
            break
    label = f"{word(rng)} {word(rng)}" if cls == "Q5" else word(rng)
    aliases = [word(rng) for _ in range(rng.randint(0, 3))]
    claims = {"P31": [{"mainsnak": {"snaktype": "value", "property": "P31", "datavalue": {
        "value": {"entity-type": "item", "id": cls}, "type": "wikibase-entityid"}},
        "type": "statement", "rank": "normal"}]}
    if cls != "Q5":
        claims["P1082"] = [{"mainsnak": {"snaktype": "value", "property": "P1082", "datavalue": {
            "value": {"amount": f"+{rng.randint(100, 3_000_000)}", "unit": "1"},
            "type": "quantity"}}, "type": "statement", "rank": "normal"}]
    doc = {"type": "item", "id": qid,
           "labels": {"en": {"language": "en", "value": label},
                      "de": {"language": "de", "value": label}},
           "aliases": {"en": [{"language": "en", "value": a} for a in aliases]},
           "descriptions": {"en": {"language": "en", "value": "synthetic benchmark item"}},
           "claims": claims,
           "sitelinks": {f"w{k}": {"site": f"w{k}", "title": label}
                         for k in range(rng.randint(0, 5))}}
    return doc, [label, *aliases]


def write_dump(path: Path, n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    names: list[str] = []
    with open(path, "w", encoding="utf-8") as f:
        f.write("[\n")
        for i in range(n):
            doc, doc_names = entity(i, rng)
            if i < 200_000:
                names.extend(doc_names)
            f.write(json.dumps(doc, separators=(",", ":")))
            f.write(",\n" if i < n - 1 else "\n")
        f.write("]\n")
    return names


def percentiles(samples: list[float]) -> tuple[float, float]:
    samples = sorted(samples)
    return (statistics.median(samples) * 1e6,
            samples[min(len(samples) - 1, int(len(samples) * 0.99))] * 1e6)


def timed(fn, items) -> list[float]:
    out = []
    for item in items:
        t = time.perf_counter()
        fn(item)
        out.append(time.perf_counter() - t)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="entities in the dump")
    parser.add_argument("--queries", type=int, default=20_000, help="look-ups to time")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--dir", type=Path, default=None, help="work folder (default: temp)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        work = Path(tmp)
        dump, index = work / "dump.json", work / "catalog.sqlite"
        t = time.perf_counter()
        names = write_dump(dump, args.n, args.seed)
        print(f"generated {args.n:,} entities ({dump.stat().st_size / 1e6:.0f} MB) in "
              f"{time.perf_counter() - t:.1f} s")

        t = time.perf_counter()
        stats = import_file(dump, index, extend=False, progress=False)
        took = time.perf_counter() - t
        print(f"import: {stats.read:,} read, {stats.added:,} kept, {stats.skipped_type:,} "
              f"of other classes in {took:.1f} s = {stats.read / took:,.0f} entities/s "
              f"({stats.added / took:,.0f} kept/s)")
        cat = Catalog.open(index)
        print(f"index: {index.stat().st_size / 1e6:.0f} MB, {cat.meta['entities']:,} entities, "
              f"{cat.meta['aliases']:,} name keys")

        rng = random.Random(args.seed + 1)
        hits = [rng.choice(names) for _ in range(args.queries)]
        misses = [f"{word(rng)}q{word(rng)}" for _ in range(args.queries // 4)]
        queries = hits + misses
        rng.shuffle(queries)

        cold = timed(cat.lookup, queries)
        warm = timed(cat.lookup, queries)
        p50c, p99c = percentiles(cold)
        p50w, p99w = percentiles(warm)
        print(f"Catalog.lookup  cold p50 {p50c:7.1f} µs  p99 {p99c:7.1f} µs | "
              f"warm p50 {p50w:6.1f} µs  p99 {p99w:6.1f} µs")

        # baseline (a): a plain dict from name key to ids, built in memory from the index
        t = time.perf_counter()
        conn = sqlite3.connect(index)
        table: dict[str, list[int]] = {}
        for key, ident in conn.execute("SELECT key, entity FROM alias"):
            table.setdefault(key, []).append(ident)
        build = time.perf_counter() - t
        base = timed(lambda q: table.get(name_key(q)), queries)
        p50d, p99d = percentiles(base)
        print(f"baseline dict   p50 {p50d:7.1f} µs  p99 {p99d:7.1f} µs (ids only, no entries; "
              f"{build:.1f} s to build, all in memory) → lookup/dict p50 ratio "
              f"{p50c / p50d:.1f}x cold, {p50w / p50d:.1f}x warm")

        # baseline (b): a naive LIKE over the stored records (what no index gives)
        sample = queries[:20]
        like = timed(lambda q: conn.execute(
            "SELECT id FROM entity WHERE record LIKE ?", (f'%"{q}"%',)).fetchall(), sample)
        p50l, _ = percentiles(like)
        print(f"baseline LIKE   p50 {p50l / 1000:7.1f} ms (20 queries) → index is "
              f"{p50l / p50c:,.0f}x faster (cold)")
        conn.close()

        # scanning a 600-word text with 60 catalog names among common words
        filler = ("the army said on monday that forces had moved near the border while "
                  "officials in the region reported damage and several people were hurt").split()
        words = []
        while len(words) < 600:
            words.extend(rng.sample(filler, 9))
            words.append(rng.choice(names))
        text = " ".join(words[:600]) + "."
        samples = timed(cat.scan, [text] * 30)
        p50s, p99s = percentiles(samples)
        found = len(cat.scan(text))
        print(f"Catalog.scan    600 words: p50 {p50s / 1000:.2f} ms, p99 {p99s / 1000:.2f} ms "
              f"({found} names found)")
        cat.close()


if __name__ == "__main__":
    main()
