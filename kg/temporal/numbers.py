"""Reading English quantities: digits, number words, fractions and vague amounts."""

from __future__ import annotations

import re

from .lexicon import NUMBER_WORDS, ORDINALS, TENS, VAGUE_QUANTITIES

_SPACES = re.compile(r"[\s-]+")
_DIGITS = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+1/2|\s*½)?$")


_SCALES = frozenset({"hundred", "thousand", "million", "billion"})


def parse_number(text: str) -> float | None:
    """The value of a cardinal number in digits or words; ``None`` when vague or unknown.

    >>> parse_number("twenty-five"), parse_number("a dozen"), parse_number("2 1/2")
    (25, 12, 2.5)
    """
    t = text.strip().lower()
    if not t:
        return None
    m = _DIGITS.match(t)
    if m:
        value = float(m.group(1).replace(",", ""))
        if t.endswith("1/2") or t.endswith("½"):
            value += 0.5
        return int(value) if value == int(value) else value
    if t in VAGUE_QUANTITIES:
        lo, hi = VAGUE_QUANTITIES[t]
        return lo if lo == hi else None
    parts = [w for w in _SPACES.split(t) if w]
    if any(w == "and" and (k == 0 or parts[k - 1] not in _SCALES)
           for k, w in enumerate(parts)):
        return None  # "six and ten": two numbers (but "two hundred and ten")
    words = [w for w in parts if w != "and"]
    if words[:2] == ["half", "a"] and words[2:] == ["dozen"]:
        return 6
    if words == ["a", "half", "dozen"]:
        return 6
    total, current = 0, 0
    for i, w in enumerate(words):
        if w in ("a", "an") and i == 0:
            current = 1
        elif w in NUMBER_WORDS:
            current += NUMBER_WORDS[w]
        elif w in TENS:
            current += TENS[w]
        elif w == "dozen":
            current = (current or 1) * 12
        elif w == "hundred":
            current = (current or 1) * 100
        elif w == "thousand":
            total += (current or 1) * 1000
            current = 0
        else:
            return None
    return total + current


def vague_range(text: str) -> tuple[int, int] | None:
    """The plausible range of a vague quantity ("a few" -> (2, 5)), else ``None``."""
    return VAGUE_QUANTITIES.get(_SPACES.sub(" ", text.strip().lower()))


def parse_ordinal(text: str) -> int | None:
    """``"third"`` -> 3, ``"21st"`` -> 21, ``"twenty-first"`` -> 21."""
    t = _SPACES.sub(" ", text.strip().lower())
    if t in ORDINALS:
        return ORDINALS[t]
    t = t.replace(" ", "-")
    if t in ORDINALS:
        return ORDINALS[t]
    m = re.match(r"^(\d+)(?:st|nd|rd|th)?$", t)
    return int(m.group(1)) if m else None


_YEAR_WORDS = re.compile(
    r"^(?P<century>nineteen|eighteen|twenty)\s+(?P<rest>.+)$|^two\s+thousand(?:\s+(?:and\s+)?"
    r"(?P<small>.+))?$")


def parse_year_words(text: str) -> int | None:
    """A year spelled out: "nineteen ninety-six" -> 1996, "two thousand and two" -> 2002."""
    t = _SPACES.sub(" ", text.strip().lower())
    m = _YEAR_WORDS.match(t)
    if not m:
        return None
    if m.group("century"):
        century = {"eighteen": 18, "nineteen": 19, "twenty": 20}[m.group("century")]
        rest = parse_number(m.group("rest"))
        if rest is None or not 10 <= rest <= 99 or rest != int(rest):
            return None
        return century * 100 + int(rest)
    small = parse_number(m.group("small")) if m.group("small") else 0
    if small is None or small != int(small) or not 0 <= small < 100:
        return None
    return 2000 + int(small)
