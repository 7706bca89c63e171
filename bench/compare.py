"""Benchmark two commits against each other, alternating, on the end-to-end loop.

    python bench/compare.py BASE [OTHER] [--rounds 4] [--articles 120]

BASE and OTHER are git revisions (OTHER defaults to the working tree). Each is checked out
in a temporary worktree (the working tree is used as it is), and each round runs, first for
BASE and then for OTHER, a fresh process on one core that times the loop of
``bench/extraction.py`` (extraction with linking, then extraction + linking + mapping + SHACL
of the benchmark article) in CPU time. Alternating keeps a drifting, shared machine from
favouring one side; every round is printed, so the spread is visible. The loop uses only what
both sides have (``bench/extraction.py``'s article and adapters), so it compares commits from
before this script too.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Run in the checkout under test (its own kg/ and bench/ come first on the path).
_LOOP = r"""
import os, sys, tempfile, time
from pathlib import Path
sys.path[:0] = [os.getcwd(), os.path.join(os.getcwd(), "bench")]
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
from extraction import adapters, article_of, forget_texts
from kg.extract import analyse_article
from kg.mapping import map_article_nt
from kg.resources import ontology_dir
from kg.validation import Validator
n = int(sys.argv[1])
article = article_of()
adapt = adapters(Path(tempfile.mkdtemp()))
validator = Validator.from_dir(ontology_dir())
def extract():
    return analyse_article(article, **adapt)
def end_to_end():
    validator.validate(map_article_nt(extract(), "http://127.0.0.1:8000/"))
def ms(fn):
    for _ in range(5):
        forget_texts(); fn()
    start = time.process_time()
    for _ in range(n):
        forget_texts(); fn()
    return (time.process_time() - start) / n * 1000
print(f"{ms(extract):.2f} {ms(end_to_end):.2f}")
"""


def measure(checkout: Path, articles: int) -> tuple[float, float]:
    """(extraction with linking, end to end) in ms per article, in a fresh process."""
    out = subprocess.run([sys.executable, "-c", _LOOP, str(articles)], cwd=checkout,
                         capture_output=True, text=True, check=True)
    a, b = out.stdout.split()[-2:]
    return float(a), float(b)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", help="the revision to compare against")
    parser.add_argument("other", nargs="?", help="a revision (default: the working tree)")
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--articles", type=int, default=120, help="articles per timing")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        sides = []
        for name, rev in (("base", args.base), ("other", args.other)):
            if rev is None:
                sides.append(("working tree", ROOT))
                continue
            path = Path(tmp) / name
            subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach",
                            str(path), rev], check=True)
            sides.append((rev, path))
        try:
            results: dict[str, list[tuple[float, float]]] = {label: [] for label, _ in sides}
            for r in range(1, args.rounds + 1):
                for label, path in sides:
                    ext, e2e = measure(path, args.articles)
                    results[label].append((ext, e2e))
                    print(f"round {r}  {label:>14}: extraction + linking {ext:6.2f} ms, "
                          f"end to end {e2e:6.2f} ms per article", flush=True)
            for label, rows in results.items():
                ext = sorted(x for x, _ in rows)
                e2e = sorted(y for _, y in rows)
                print(f"{label:>14}: extraction + linking {ext[0]:.2f}-{ext[-1]:.2f} ms, "
                      f"end to end {e2e[0]:.2f}-{e2e[-1]:.2f} ms")
            (_, base), (_, other) = results.items()
            ratio = sorted(b[1] for b in base)[len(base) // 2] / \
                sorted(o[1] for o in other)[len(other) // 2]
            print(f"end to end, median base / median other: {ratio:.2f}x")
        finally:
            for _, path in sides:
                if path != ROOT:
                    subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force",
                                    str(path)], check=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
