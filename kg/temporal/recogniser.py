"""Finding candidate expressions fast: rules are tried only where a word that can start
them occurs, and overlapping candidates are settled leftmost-longest."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import lexicon as lx
from . import rules_anchored, rules_calendar, rules_clock, rules_duration, rules_relative  # noqa: F401
from .rulebook import APOSTROPHE, INDEX, MONTH_WORDS, RULES, Rule, digit_key

# Tokens of the lower-cased text: ASCII letters (every trigger word is ASCII), digits, and
# an apostrophe before a digit ("'90s"). A trigger inside a longer word is rejected later.
_TOKEN = re.compile(r"[a-z]+|[0-9]+|'(?=[0-9])|’(?=[0-9])")
SHORT_DIGITS = frozenset({"#1", "#2", "#3"})
_ORDER = {r.name: i for i, r in enumerate(RULES)}
# Function words that start many rules but are temporal only before a temporal word: a rule
# is tried at one of them only if one of the next four tokens is a trigger of its own that is
# not in this list (a month, a unit, a number, "past", ...).
GATES = frozenset("""
the a an this that these last next in at about around approximately roughly some nearly
almost just under less fewer more over up no within barely only another each every per all
its their his her early late mid middle earlier later coming well longer most right once
twice thrice as until till pre post calendar flat fiscal fy of end beginning start close
turn dawn latter to
""".split())
_LOOKAHEAD = {"the": 2, "this": 2, "that": 2, "these": 2, "last": 2, "next": 2, "in": 2,
              "its": 2, "their": 2, "his": 2, "her": 2, "a": 3, "an": 3, "of": 3, "to": 3}
_DEFAULT_LOOKAHEAD = 4
# What may follow a one- to three-digit number that starts an expression: a clock or date
# separator, "a.m.", an ordinal or plural suffix, a range; else a temporal word must follow.
_NUMBER_TAIL = re.compile(r"(?:[:/.h]\d|\s*(?:[ap]\.?\s?m\b|[AP]M\b|o['’]clock|st\b|nd\b|"
                          r"rd\b|th\b|['’]?s\b|1/2|½|[-–]\s*\d|(?:to|and|or)\s+\d))")
# Temporal words that may follow a gate word (besides the non-gate triggers themselves).
CONTENT_WORDS = frozenset(
    {w.split()[-1] for w in (*lx.UNITS, *lx.PARTS_OF_DAY, *lx.SEASONS, *lx.ORDINALS)}
    | set(lx.MONTHS) | set(lx.MONTH_ABBREVIATIONS) | set(lx.WEEKDAYS)
    | {w + "s" for w in lx.WEEKDAYS} | set(lx.NUMBER_WORDS) | set(lx.TENS)
    | {w.split()[-1] for w in lx.VAGUE_QUANTITIES}
    | set("""half dozen period future past present moment term time date stage ago now
    today tonight tomorrow yesterday weekend quarter fiscal start beginning outbreak onset eve
    anniversary launch days weeks months years decades hours minutes centuries end middle
    close turn dawn part latter q h""".split()))


@dataclass
class Candidate:
    start: int
    end: int
    rule: Rule
    match: re.Match


_START = re.Match.start
_GROUP = re.Match.group
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_DIGIT_KEY = {n: digit_key("0" * n) for n in range(1, 6)}


def triggers(text: str) -> tuple[str, list[tuple[int, str]]]:
    """The ASCII-lower-cased text and the (offset, key) of every word where a rule may start,
    in document order (function words only when a temporal word follows closely)."""
    low = text.lower()
    if len(low) != len(text):
        # case folding changed the length (e.g. "İ"): fold only ASCII, keeping the offsets
        low = text.translate(_ASCII_LOWER)
    matches = list(_TOKEN.finditer(low))  # (one pass for the tokens and their offsets)
    tokens = list(map(_GROUP, matches))
    starts = list(map(_START, matches))
    keys = [t if t[0] > "9" else (_DIGIT_KEY[min(len(t), 5)] if t[0] >= "0" else APOSTROPHE)
            for t in tokens]
    content = [k in _CONTENT_KEYS for k in keys]
    wordy = [c and k[0] != "#" for c, k in zip(content, keys, strict=True)]
    n = len(keys)
    out: list[tuple[int, str]] = []
    index = INDEX
    for i in [i for i, k in enumerate(keys) if k in index]:
        key = keys[i]
        pos = starts[i]
        if key in GATES:
            if not any(content[i + 1:i + 1 + _LOOKAHEAD.get(key, _DEFAULT_LOOKAHEAD)]):
                continue
        elif key in SHORT_DIGITS:
            if pos and text[pos - 1].isalpha():
                continue  # inside a word such as "ABC12"
            if not any(wordy[i + 1:min(n, i + 4)]) and not _NUMBER_TAIL.match(
                    text, pos + len(tokens[i])) and not (
                    i >= 3 and keys[i - 1] in ("and", "or") and keys[i - 2] in SHORT_DIGITS
                    and keys[i - 3] in MONTH_WORDS):
                continue
        if pos and text[pos - 1].isalnum() and key[0] != "#":
            continue  # inside a word
        out.append((pos, key))
    return low, out


def matches_at(text: str, low: str, pos: int, key: str) -> list[Candidate]:
    """The matches of the rules triggered by ``key`` at ``pos``, longest first (ties: rule
    priority, then registration order)."""
    out: list[Candidate] = []
    stop = pos + 64
    for r in INDEX[key]:
        if r.needs is not None and r.needs.search(low, pos, stop) is None:
            continue
        m = r.pattern.match(text, pos)
        if m is not None and m.end() > pos:
            out.append(Candidate(pos, m.end(), r, m))
    if len(out) > 1:
        out.sort(key=lambda c: (pos - c.end, c.rule.priority, _ORDER[c.rule.name]))
    return out


def candidates(text: str) -> list[Candidate]:
    """All rule matches at all trigger words, sorted leftmost-longest first (for tests and
    diagnostics; the tagger uses :func:`triggers` and :func:`matches_at` lazily)."""
    low, found = triggers(text)
    return [c for pos, key in found for c in matches_at(text, low, pos, key)]


_CONTENT_KEYS = frozenset(CONTENT_WORDS | (set(INDEX) - GATES))
