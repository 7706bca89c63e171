#!/usr/bin/env python3
"""Speed of kg.temporal.tag_timexes on a 600-word news-like article.

    python bench/temporal_bench.py [--repeat N]

Prints the CPU time per article (best of N runs of 10, one core) for a typical article (one
sentence in three has a temporal expression, about 20 expressions) and a dense one (every
sentence has some, about 70), each with its ratio to a baseline measured in the same run on
the same text: one regex pass that splits the text into words, the least any tokenising
tagger must do. The articles are assembled from sentences written for this benchmark.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.temporal import tag_timexes  # noqa: E402

SENTENCES = [
    "Shelling resumed overnight on the eastern outskirts, local officials said on Tuesday.",
    "The regional council met last week and will meet again on Friday at 3 p.m.",
    "Since late March more than 12,000 residents have left the district, aid groups said.",
    "Two days later, on May 20, a convoy of 40 trucks crossed the river under escort.",
    "The following day the same convoy returned empty after a six-hour wait at the bridge.",
    "In the early days of the war the main road was closed for 48 hours at a time.",
    "Fuel is delivered daily, but bread reaches the villages only twice a week.",
    "Prices rose 5 percent in the first quarter from a year earlier, the ministry said.",
    "Grain exports are now at their lowest level since the 1990s, traders said.",
    "The mayor, who took office in 2019, said repairs would take at least three months.",
    "A ceasefire agreed in the summer of 2021 collapsed after a few weeks.",
    "Engineers expect the dam to be repaired by the end of the year.",
    "Talks between the two sides are scheduled to resume next Monday in the capital.",
    "Residents said they had heard explosions at about 14:00 GMT and again this evening.",
    "The hospital, damaged twice in the past several days, is treating 200 patients.",
    "Officials said the curfew, introduced in February, would remain in force until June.",
    "Schools have been closed for most of the past two years and reopened only recently.",
    "The river port handled 1.2 million tonnes of cargo in 2021, its busiest year.",
    "Volunteers work in shifts every day, some of them for more than a decade.",
    "A spokesman said the bridge would reopen early next year if funding arrives.",
]


# Sentences without temporal expressions: news prose is mostly these.
FILLER = [
    "The district administration asked residents to register with the new aid centre.",
    "Several families were sheltering in the basement of the school near the station.",
    "According to the agency, water and power supplies remain unstable in the area.",
    "A spokesman for the organisation said the situation was extremely difficult.",
    "The governor called on international partners to send more generators and medicine.",
    "Local volunteers have set up a kitchen that feeds hundreds of people in the square.",
    "Photographs published by the council showed collapsed roofs and burned vehicles.",
    "The ministry said it was investigating reports of damage to the rail depot.",
]


def article(words: int = 600, dense: bool = False) -> str:
    """About ``words`` words; one temporal sentence in three unless ``dense``."""
    out, n, i, j = [], 0, 0, 0
    while n < words:
        if dense or len(out) % 3 == 0:
            sentence = SENTENCES[i % len(SENTENCES)]
            i += 1
        else:
            sentence = FILLER[j % len(FILLER)]
            j += 1
        out.append(sentence)
        n += len(sentence.split())
    return " ".join(out)


def best_of(fn, repeat: int) -> float:
    """Best CPU time of ``repeat`` runs (process time: robust to other load on the host)."""
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        for _ in range(10):
            fn()
        best = min(best, (time.process_time() - started) / 10)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args(argv)
    dct = date(2022, 5, 18)
    word_re = re.compile(r"\w+")
    for label, text in (("typical", article()), ("dense", article(dense=True))):
        words = len(text.split())
        specs = tag_timexes(text, dct)  # warm up
        tagger = best_of(lambda text=text: tag_timexes(text, dct), args.repeat)
        baseline = best_of(lambda text=text: word_re.findall(text), args.repeat)
        print(f"{label} article: {words} words, {len(text)} characters, {len(specs)} "
              f"expressions")
        print(f"  tag_timexes: {tagger * 1000:.2f} ms per article "
              f"({words / tagger:,.0f} words/s, {len(text) / tagger:,.0f} chars/s)")
        print(f"  baseline (one regex word split): {baseline * 1000:.3f} ms; "
              f"ratio tagger/baseline {tagger / baseline:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
