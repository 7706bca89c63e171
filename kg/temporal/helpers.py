"""Small helpers shared by the rule modules: reading matched words, making results."""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from . import lexicon as lx
from .context import Context, Found
from .numbers import parse_number, vague_range
from .points import Point
from .textscan import prev_words

_SPACE = re.compile(r"[\s\u00a0-]+")


def norm(text: str | None) -> str:
    """Lower case, single spaces, no hyphens or trailing dots."""
    return _norm(text or "")


@lru_cache(maxsize=4096)
def _norm(text: str) -> str:
    return _SPACE.sub(" ", text.lower()).strip(" .")


def month_of(text: str) -> int | None:
    t = norm(text)
    return lx.MONTHS.get(t) or lx.MONTH_ABBREVIATIONS.get(t)


def weekday_of(text: str) -> int | None:
    t = norm(text)
    if t.endswith("s") and t[:-1] in lx.WEEKDAYS:
        t = t[:-1]
    return lx.WEEKDAYS.get(t) or lx.WEEKDAY_ABBREVIATIONS.get(t)


def day_of(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def year_of(text: str, ctx: Context | None = None) -> int | None:
    """A year written as digits ("1998"), with an apostrophe ("'98") or in words."""
    from .numbers import parse_year_words

    t = text.strip()
    if re.fullmatch(r"\d{4}", t):
        return int(t)
    m = re.fullmatch(r"['’](\d\d)", t)
    if m:
        return two_digit_year(int(m.group(1)), ctx)
    return parse_year_words(t)


def two_digit_year(yy: int, ctx: Context | None) -> int:
    """The year of "'98": the one nearest the DCT (or 1950-2049 without a DCT)."""
    if ctx is not None and ctx.dct is not None:
        century = ctx.dct.year // 100 * 100
        options = [century - 100 + yy, century + yy, century + 100 + yy]
        return min(options, key=lambda y: (abs(y - ctx.dct.year), y))
    return 2000 + yy if yy < 50 else 1900 + yy


def part_mod(text: str | None) -> str | None:
    """TimeML mod of "early", "mid", "late", "the end of", ..."""
    if not text:
        return None
    return lx.PART_MODS.get(norm(text))


def quant_mod(text: str | None) -> str | None:
    if not text:
        return None
    return lx.QUANT_MODS.get(norm(text))


def quantity(text: str) -> tuple[float | None, tuple[int, int] | None]:
    """(number, vague range): "three" -> (3, None); "a few" -> (None, (2, 5))."""
    t = norm(text)
    if t in ("a", "an", "one"):
        return 1, None
    if t in ("half a", "half an", "a half"):
        return 0.5, None
    half = t.endswith(" and a half")
    if half:
        t = t[: -len(" and a half")]
    rng = vague_range(t)
    if rng is not None:
        return (rng[0] if rng[0] == rng[1] else None), (None if rng[0] == rng[1] else rng)
    n = parse_number(t)
    if n is None:
        return None, None
    return (n + 0.5 if half else n), None


def dated(rule: str, p: Point, type_: str = "DATE", mod: str | None = None, **kw) -> Found:
    """A result naming calendar point ``p``."""
    return Found(type_, p.value(), rule, mod, p, **kw)


def unresolved(rule: str, value: str, type_: str = "DATE", mod: str | None = None,
               **kw) -> Found:
    """A relative expression that could not be anchored (no DCT, no reference)."""
    return Found(type_, value, rule, mod, None, resolved=False, sets_reference=False, **kw)


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def nth_weekday(year: int, month: int, iso_weekday: int, n: int) -> date:
    """The n-th given weekday of a month; n = -1 for the last one."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(iso_weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    last = nxt - timedelta(days=1)
    return last - timedelta(days=(last.isoweekday() - iso_weekday) % 7)


def easter(year: int) -> date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return date(year, month, day + 1)


def holiday(name: str, year: int) -> date | None:
    key = norm(name).replace("’", "'")
    if key in lx.FIXED_HOLIDAYS:
        month, day = lx.FIXED_HOLIDAYS[key]
        return date(year, month, day)
    if key in ("thanksgiving", "thanksgiving day"):
        return nth_weekday(year, 11, 4, 4)
    if key in ("easter", "easter sunday"):
        return easter(year)
    if key == "good friday":
        return easter(year) - timedelta(days=2)
    if key == "easter monday":
        return easter(year) + timedelta(days=1)
    if key == "memorial day":
        return nth_weekday(year, 5, 1, -1)
    if key == "labor day":
        return nth_weekday(year, 9, 1, 1)
    if key == "mother's day":
        return nth_weekday(year, 5, 7, 2)
    if key == "father's day":
        return nth_weekday(year, 6, 7, 3)
    return None


def prev_word(ctx: Context, start: int) -> str:
    """The word just before ``start`` (lower case), or ''."""
    words = prev_words(ctx.text, start, 1, 30)
    return words[0] if words and words[0].isalpha() else ""
