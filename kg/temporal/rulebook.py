"""The rule registry: each rule is a precompiled pattern, the words it can start with, and a
function that turns a match into a :class:`~kg.temporal.context.Found`.

Patterns are written with ``<NAME>`` placeholders for the shared fragments below; they are
expanded and compiled once, at import time.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from . import lexicon as lx
from .context import Context, Found

Builder = Callable[[re.Match, Context], "Found | None"]

DIGIT = "#"  # trigger key for any token made of digits (expanded to the lengths below)
SHORT_NUMBER = frozenset({"#1", "#2"})  # a one- or two-digit token: days, hours
FOUR_DIGITS = frozenset({"#4"})  # a four-digit token: years, ISO dates, military times
DIGIT_KEYS = ("#1", "#2", "#3", "#4", "#5")
APOSTROPHE = "'"  # trigger key for "'90s", "'98"

FRAGMENTS: dict[str, str] = {
    "MONTH": lx.ANY_MONTH_RE,
    "MONTHFULL": lx.MONTH_RE,
    "WEEKDAY": lx.WEEKDAY_RE,
    "WEEKDAYABBR": lx.alternation(lx.WEEKDAY_ABBREVIATIONS) + r"\.?",
    "SEASON": lx.SEASON_RE,
    "POD": lx.POD_RE,
    "UNIT": lx.UNIT_RE,
    "UNIT1": lx.UNIT_SINGULAR_RE,
    "UNITS": lx.UNIT_PLURAL_RE,
    "NUMW": lx.NUMBER_WORD_RE,
    "NUMD": lx.NUMBER_DIGIT_RE,
    "NUM": r"(?:" + lx.NUMBER_DIGIT_RE + "|" + lx.NUMBER_WORD_RE + r")",
    "VAGUE": lx.VAGUE_RE,
    "ORD": lx.ORDINAL_RE,
    "QMOD": lx.QUANT_MOD_RE,
    "PMOD": lx.PART_MOD_RE,
    "TZ": lx.TIME_ZONE_RE,
    "DAY": r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?",
    "YEAR": r"(?:1[0-9]{3}|20[0-9]{2})",
    "YEARW": r"(?:(?:nineteen|eighteen)[\s-]+(?:(?:twenty|thirty|forty|fifty|sixty|seventy|"
             r"eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|"
             r"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
             r"nineteen)|two\s+thousand(?:\s+(?:and\s+)?(?:one|two|three|four|five|six|seven|"
             r"eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
             r"eighteen|nineteen|twenty(?:[\s-](?:one|two|three|four|five))?))?|twenty[\s-]+"
             r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
             r"nineteen|twenty(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?))",
    # at least one space, never a blank line (a group, so "<S>?" is optional): "kills 18\n\n
    # June 28 - ..." is no "18 June"
    "S": r"(?:(?:[^\S\n]|\n(?![^\S\n]*\n))+)",
}
_PLACEHOLDER = re.compile(r"(?<!\?P)<([A-Z0-9]+)>")


def expand(pattern: str) -> str:
    """Replace ``<NAME>`` placeholders with their fragments (recursively)."""
    previous = None
    while previous != pattern:
        previous = pattern
        pattern = _PLACEHOLDER.sub(lambda m: FRAGMENTS[m.group(1)], pattern)
    return pattern


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern
    build: Builder
    triggers: frozenset[str]
    priority: int = 0  # among equally long matches at one place, lower goes first
    needs: re.Pattern | None = None  # one of these literals must occur soon after the start


RULES: list[Rule] = []
INDEX: dict[str, list[Rule]] = {}


def rule(name: str, pattern: str, triggers: Iterable[str], flags: int = re.I,
         priority: int = 0, needs: Iterable[str] = ()) -> Callable[[Builder], Builder]:
    """Register ``build`` as the builder of a rule (decorator).

    ``needs`` is a cheap pre-check: the pattern is only tried where one of these lower-case
    strings occurs within the next 64 characters.
    """

    def register(build: Builder) -> Builder:
        keys = {t.lower() for t in triggers}
        if DIGIT in keys:
            keys = (keys - {DIGIT}) | set(DIGIT_KEYS)
        keys = frozenset(keys)
        literals = sorted(set(needs))
        needs_re = re.compile(lx.alternation(literals)) if literals else None
        r = Rule(name, re.compile(expand(pattern), flags), build, keys, priority, needs_re)
        RULES.append(r)
        for key in keys:
            INDEX.setdefault(key, []).append(r)
        return build

    return register


def words(*groups: Iterable[str]) -> set[str]:
    """The first tokens of all words/phrases in ``groups`` (trigger keys)."""
    out: set[str] = set()
    for group in groups:
        for w in group:
            first = re.split(r"[\s'’.-]+", w.strip().lower())[0]
            if first:
                out.add(DIGIT if first[0].isdigit() else first)
    return out


def digit_key(token: str) -> str:
    """The trigger key of a token of digits: "#" and its length (5 for longer ones)."""
    return DIGIT_KEYS[min(len(token), 5) - 1]


# Literal pre-checks (see ``rule(needs=...)``).
UNIT_NEEDS = ("sec", "min", "hour", "hr", "day", "night", "week", "fortnight", "month",
              "quarter", "year", "yr", "decade", "centur", "millenni")
MONTH_NEEDS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
               "dec")
SEASON_NEEDS = ("spring", "summer", "autumn", "fall", "winter")
POD_NEEDS = ("morning", "afternoon", "evening", "night", "dawn", "dusk", "daybreak")

MONTH_WORDS = words(lx.MONTHS, lx.MONTH_ABBREVIATIONS)
WEEKDAY_WORDS = words(lx.WEEKDAYS)
PMOD_WORDS = words(lx.PART_MODS)
QMOD_WORDS = words(lx.QUANT_MODS)
NUMBER_TRIGGERS = words(lx.NUMBER_WORDS, lx.TENS, ["a", "an", "half", "dozen", DIGIT],
                        lx.VAGUE_QUANTITIES)
