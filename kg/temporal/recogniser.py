"""Finding candidate expressions fast: rules are tried only where a word that can start
them occurs, and overlapping candidates are settled leftmost-longest."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import rules_anchored, rules_calendar, rules_clock, rules_duration, rules_relative  # noqa: F401
from .rulebook import APOSTROPHE, DIGIT, INDEX, RULES, Rule

_TOKEN = re.compile(r"[^\W\d_]+|\d+|['’](?=\d)")
_ORDER = {r.name: i for i, r in enumerate(RULES)}


@dataclass
class Candidate:
    start: int
    end: int
    rule: Rule
    match: re.Match

    @property
    def sort_key(self) -> tuple[int, int, int, int]:
        return self.start, self.start - self.end, self.rule.priority, _ORDER[self.rule.name]


def candidates(text: str) -> list[Candidate]:
    """All rule matches starting at a trigger word, sorted leftmost-longest first."""
    out: list[Candidate] = []
    index = INDEX
    for tm in _TOKEN.finditer(text):
        pos = tm.start()
        if pos and text[pos - 1].isalnum():
            continue  # inside a word such as "ABC2022"
        tok = tm.group()
        first = tok[0]
        key = DIGIT if first.isdigit() else APOSTROPHE if first in "'’" else tok.lower()
        rules = index.get(key)
        if not rules:
            continue
        for r in rules:
            m = r.pattern.match(text, pos)
            if m is not None and m.end() > pos:
                out.append(Candidate(pos, m.end(), r, m))
    out.sort(key=lambda c: c.sort_key)
    return out

