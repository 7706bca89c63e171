"""Rules for calendar expressions: dates, months, years, decades, centuries, quarters, halves,
seasons, weekdays and holidays."""

from __future__ import annotations

import re
from datetime import date, timedelta, timezone

from . import lexicon as lx
from .context import FUTURE, PAST, Context, Found
from .helpers import (
    dated,
    day_of,
    holiday,
    month_of,
    norm,
    part_mod,
    prev_word,
    safe_date,
    two_digit_year,
    unresolved,
    weekday_of,
    year_of,
)
from .points import Point, covering_point
from .rulebook import (
    APOSTROPHE,
    FOUR_DIGITS,
    MONTH_NEEDS,
    MONTH_WORDS,
    PMOD_WORDS,
    SEASON_NEEDS,
    SHORT_NUMBER,
    WEEKDAY_WORDS,
    rule,
)

# Words after which a bare "May"/"March" is a month rather than a verb.
_MONTH_CONTEXT = frozenset("""
in of since until till by from through during last next this early late mid before after
to between and or around about circa throughout past coming end beginning middle start
""".split())
# Words after a four-digit number that show it is a quantity, not a year.
_MEASURES = frozenset("""
people persons troops soldiers men women children residents refugees civilians tons tonnes
km kilometres kilometers miles metres meters feet foot ft dollars euros pounds rubles roubles
hryvnias yen yuan barrels units cases deaths votes times copies pages words calories mw kw
gw mph kph hectares acres sq square employees workers jobs points seats members students
patients homes houses buildings vehicles tanks cars shells rockets missiles drones killed
dead injured wounded arrested bpd rpm
""".split())
_QUANTITY_BEFORE = re.compile(
    r"(?:\b(?:about|some|nearly|almost|around|approximately|roughly|than|least|estimated|"
    r"another|additional|total|totalling|totaling|of\s+about|just|only|over|under|up\s+to)"
    r"\s+|[$£€¥#+±×x]\s*|No\.\s*|\d[,.]?|[,.]\d*)\Z", re.I)


def _check_month_word(m: re.Match, ctx: Context, bare: bool) -> bool:
    """A month name alone must be capitalised; "May"/"March" must also follow a
    preposition-like word (else they are the verbs)."""
    word = m["mon"]
    if word[:1].islower():
        return False
    if bare and norm(word) in ("may", "march"):
        return prev_word(ctx, m.start("mon")) in _MONTH_CONTEXT
    return True


def _day_point(ctx: Context, m: re.Match, month: int, day: int, year: int | None,
               weekday: int | None, rule: str, mod: str | None = None,
               pod: str | None = None) -> Found | None:
    if year is None and weekday is not None and ctx.dct is not None:
        for cand in sorted((ctx.dct.year, ctx.dct.year - 1, ctx.dct.year + 1),
                           key=lambda y: abs(y - ctx.dct.year)):
            d = safe_date(cand, month, day)
            if d is not None and d.isoweekday() == weekday and abs((d - ctx.dct).days) < 250:
                year = cand
                break
    if year is None:
        year = ctx.pick_year_for(month, day, m.start(), m.end())
    if year is None:
        if safe_date(2000, month, day) is None:
            return None
        return unresolved(rule, f"XXXX-{month:02d}-{day:02d}", mod=mod,
                          edtf=f"XXXX-{month:02d}-{day:02d}")
    d = safe_date(year, month, day)
    if d is None:
        return None
    ctx.note_year(month, day, year)
    if pod:  # ("on Wednesday evening, May 15")
        return dated(rule, Point("day", d).with_pod(pod), "TIME", mod)
    return dated(rule, Point("day", d), mod=mod)


# -- full and partial dates -----------------------------------------------------------------

@rule("date_iso",
      r"(?<![\w/.-])(?P<y>[12]\d{3})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])"
      r"(?:[T ](?P<H>[01]\d|2[0-3]):(?P<M>[0-5]\d)(?::(?P<S>[0-5]\d)(?:\.\d+)?)?"
      r"(?P<tz>Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?)?(?![\w/-])",
      FOUR_DIGITS)
def _date_iso(m: re.Match, ctx: Context) -> Found | None:
    d = safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    if d is None:
        return None
    if m["H"] is None:
        return dated("date_iso", Point("day", d))
    tz = None
    if m["tz"]:
        if m["tz"] == "Z":
            tz = timezone.utc
        else:
            sign = 1 if m["tz"][0] == "+" else -1
            digits = m["tz"][1:].replace(":", "")
            tz = timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
    gran = "second" if m["S"] else "minute"
    p = Point(gran, d, None, int(m["H"]), int(m["M"]), int(m["S"] or 0), tz)
    return dated("date_iso", p, "TIME")


@rule("date_numeric",
      r"(?<![\w/.,-])(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)(?P<y>[12]\d{3})"
      r"(?![\w/]|[.,]\d)",
      SHORT_NUMBER)
def _date_numeric(m: re.Match, ctx: Context) -> Found | None:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if a > 12 or (m["sep"] == "." and b <= 12):
        day, month = a, b
    else:
        month, day = a, b
    d = safe_date(y, month, day)
    return dated("date_numeric", Point("day", d)) if d else None


# a weekday before a date, with its "early"/"late" ("early on Tuesday, August 6") and its part
# of the day ("Wednesday evening, May 15")
_WD_PREFIX = (r"(?:(?:(?P<wpmod>early|late)<S>(?:on<S>)?)?(?P<wd><WEEKDAY>|<WEEKDAYABBR>)"
              r"(?:<S>(?P<wpod><POD>),)?,?<S>)?")


@rule("date_month_day",
      _WD_PREFIX + r"(?:(?P<pmod>early|mid|late)[\s-]+)?(?P<mon><MONTH>)<S>?(?P<day><DAY>)"
      r"(?!\d)(?!<S>?(?:%|percent|[-–]\s*\d|million|billion|people|points?))"
      r"(?:(?:,<S>?|<S>)(?P<year>[12]\d{3}|['’]\d\d)(?![\d,.]\d)|"
      r"<S>(?P<ly>last|this)<S>year(?!['’]))?(?!\w)(?!-\w)",
      WEEKDAY_WORDS | MONTH_WORDS | {"early", "mid", "late"},
      needs=MONTH_NEEDS)
def _date_month_day(m: re.Match, ctx: Context) -> Found | None:
    month = month_of(m["mon"])
    if month is None or m["mon"][:1].islower() and norm(m["mon"]) in ("may", "march"):
        return None
    day = day_of(m["day"])
    year = year_of(m["year"], ctx) if m["year"] else None
    if m["ly"] and ctx.dct is not None:  # "on November 6 last year": one date
        year = ctx.dct.year - (1 if m["ly"].lower() == "last" else 0)
    wd = weekday_of(m["wd"]) if m["wd"] else None
    return _day_point(ctx, m, month, day, year, wd, "date_month_day",
                      part_mod(m["pmod"] or m["wpmod"]), _pod_of(m["wpod"]))


@rule("date_day_month",
      _WD_PREFIX + r"(?:the<S>)?(?P<day><DAY>)(?:<S>of)?<S>(?P<mon><MONTH>)(?!\w)"
      r"(?:,?<S>(?P<year>[12]\d{3})(?![\d,.]\d)|<S>(?P<ly>last|this)<S>year(?!['’]))?"
      r"(?!\w)(?!-\w)",
      WEEKDAY_WORDS | SHORT_NUMBER | {"the", "early", "late"},
      needs=MONTH_NEEDS)
def _date_day_month(m: re.Match, ctx: Context) -> Found | None:
    month = month_of(m["mon"])
    if month is None or (m["mon"][:1].islower() and norm(m["mon"]) in ("may", "march")):
        return None
    wd = weekday_of(m["wd"]) if m["wd"] else None
    year = year_of(m["year"], ctx) if m["year"] else None
    if m["ly"] and ctx.dct is not None:  # "on 6 November last year": one date
        year = ctx.dct.year - (1 if m["ly"].lower() == "last" else 0)
    return _day_point(ctx, m, month, day_of(m["day"]), year, wd, "date_day_month",
                      part_mod(m["wpmod"]), _pod_of(m["wpod"]))


def _pod_of(word: str | None) -> str | None:
    return lx.PARTS_OF_DAY.get(word.lower()) if word else None


@rule("date_range_days",
      r"(?P<mon><MONTH>)<S>?(?P<d1><DAY>)<S>?(?P<sep>[-–]|to|through|until|and)<S>?"
      r"(?P<d2><DAY>)(?!\d)(?:,?<S>(?P<year>[12]\d{3}))?(?!\w)"
      r"|(?P<d3><DAY>)<S>?(?P<sep2>[-–]|to|and)<S>?(?P<d4><DAY>)<S>(?P<mon2><MONTH>)"
      r"(?:,?<S>(?P<year2>[12]\d{3}))?(?!\w)",
      MONTH_WORDS | SHORT_NUMBER,
      needs=("-", "–", " to ", "through", "until", " and "))
def _date_range_days(m: re.Match, ctx: Context) -> Found | None:
    """"May 15-17, 2022", "between Sept. 23 and 27": one interval."""
    if (m["sep"] or m["sep2"]).lower() == "and" and prev_word(ctx, m.start()) != "between":
        return None  # "April 24 and 25" are two dates
    mon = m["mon"] or m["mon2"]
    month = month_of(mon)
    d1, d2 = (day_of(m["d1"]), day_of(m["d2"])) if m["d1"] else (day_of(m["d3"]),
                                                                 day_of(m["d4"]))
    year_text = m["year"] or m["year2"]
    if month is None or d2 <= d1 or mon[:1].islower():
        return None
    year = int(year_text) if year_text else ctx.pick_year_for(month, d1, m.start(), m.end())
    if year is None:
        return unresolved("date_range_days", f"XXXX-{month:02d}", precision="day")
    lo, hi = safe_date(year, month, d1), safe_date(year, month, d2)
    if lo is None or hi is None:
        return None
    return Found("DATE", f"{year:04d}-{month:02d}", "date_range_days", None,
                 Point("month", date(year, month, 1)), earliest=lo, latest=hi,
                 edtf=f"{lo.isoformat()}/{hi.isoformat()}", precision="day", bounded=True)


@rule("day_continuation",
      r"(?P<day><DAY>)(?!\d)(?!<S>?(?:%|percent|[-–]))(?!\w)",
      SHORT_NUMBER)
def _day_continuation(m: re.Match, ctx: Context) -> Found | None:
    """The "25" of "April 24 and 25": a day of the month just mentioned."""
    if not _AFTER_DAY.search(ctx.text, max(0, m.start() - 24), m.start()):
        return None
    ref = ctx.last_day
    if ref is None or ref.gran != "day" or m.start() - ctx.last_day_pos > 24:
        return None
    d = safe_date(ref.first.year, ref.first.month, day_of(m["day"]))
    return dated("day_continuation", Point("day", d)) if d else None


_AFTER_DAY = re.compile(r"[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:and|or)\s+\Z")


@rule("week_of",
      r"the<S>week<S>of<S>(?P<mon><MONTH>)<S>?(?P<day><DAY>)(?:,?<S>(?P<year>[12]\d{3}))?(?!\w)",
      ["the"],
      needs=("week of",))
def _week_of(m: re.Match, ctx: Context) -> Found | None:
    month = month_of(m["mon"])
    if month is None:
        return None
    found = _day_point(ctx, m, month, day_of(m["day"]),
                       int(m["year"]) if m["year"] else None, None, "week_of")
    if found is None or found.point is None:
        return unresolved("week_of", "XXXX-WXX") if found else None
    return dated("week_of", Point.of("week", found.point.first))


# -- months ---------------------------------------------------------------------------------

@rule("month",
      r"(?:(?P<pmod><PMOD>)[\s-]+)?(?:(?P<rel>last|this<S>past|this<S>coming|this|next|coming|"
      r"the<S>following|the<S>previous|the<S>same|that)<S>)?"
      r"(?P<mon><MONTHFULL>|<MONTH>(?=<S>(?:of<S>)?(?:[12]\d{3}|['’]\d\d)))(?!\w)"
      r"(?:(?:<S>of)?(?:<S>|,<S>)(?P<year>[12]\d{3}|<YEARW>|['’]\d\d)(?![\d,.]\d)|"
      r"<S>(?:of<S>)?(?P<yrel>last|this|next|that)<S>year(?!['’]))?(?!\w)(?!-\w)",
      MONTH_WORDS | PMOD_WORDS | {"last", "this", "next", "coming", "the", "that"},
      needs=MONTH_NEEDS)
def _month(m: re.Match, ctx: Context) -> Found | None:
    month = month_of(m["mon"])
    if month is None:
        return None
    bare = not (m["year"] or m["yrel"] or m["rel"] or m["pmod"])
    if not _check_month_word(m, ctx, bare):
        return None
    mod = part_mod(m["pmod"])
    rel = norm(m["rel"]) if m["rel"] else None
    year = None
    if m["year"]:
        year = year_of(m["year"], ctx)
        if year is None:
            return None
    elif m["yrel"] and m["yrel"].lower() == "that":
        ref = ctx.reference("year")  # "in October of that year": the year told before
        if ref is None:
            return unresolved("month", f"XXXX-{month:02d}", mod=mod)
        year = ref.first.year
    elif m["yrel"]:
        if ctx.dct is None:
            return unresolved("month", f"XXXX-{month:02d}", mod=mod)
        year = ctx.dct.year + {"last": -1, "this": 0, "next": 1}[m["yrel"].lower()]
    elif rel in ("the following", "the previous", "the same", "that"):
        ref = ctx.reference()
        if ref is None:
            return unresolved("month", f"XXXX-{month:02d}", mod=mod)
        y = ref.first.year
        if rel == "the following":
            y = y if month > ref.first.month else y + 1
        elif rel == "the previous":
            y = y if month < ref.first.month else y - 1
        year = y
    elif rel is not None:
        if ctx.dct is None:
            return unresolved("month", f"XXXX-{month:02d}", mod=mod)
        y, cur = ctx.dct.year, ctx.dct.month
        if rel in ("last", "this past"):
            year = y if month < cur else y - 1
        elif rel in ("next", "coming", "this coming"):
            year = y if month > cur else y + 1
        else:
            year = y
    else:
        year = ctx.pick_year_for(month, None, m.start(), m.end())
        if year is None:
            return unresolved("month", f"XXXX-{month:02d}", mod=mod)
    ctx.note_year(month, None, year)
    return dated("month", Point("month", date(year, month, 1)), mod=mod)


# -- years, decades, centuries --------------------------------------------------------------

@rule("year",
      r"(?:(?P<pmod><PMOD>)[\s-]+|(?P<pre>pre|post|mid)-|(?P<fiscal>fiscal(?:<S>year)?<S>|"
      r"FY<S>?|the<S>year<S>|calendar(?:<S>year)?<S>|the<S>class<S>of<S>))?"
      r"(?P<year>1\d{3}|20\d\d)(?!\d)(?![.,:/]\d)(?!\w)(?!-\w)(?!<S>?(?:%|percent|°|–\d))"
      r"(?P<suffix><S>(?:and<S>beyond|or<S>later|or<S>earlier|onwards?|and<S>later|"
      r"and<S>after|and<S>earlier|or<S>so))?",
      PMOD_WORDS | FOUR_DIGITS | {"pre", "post", "mid", "fiscal", "fy", "the", "calendar"})
def _year(m: re.Match, ctx: Context) -> Found | None:
    year = int(m["year"])
    prefixed = m["pmod"] or m["pre"] or m["fiscal"]
    if not prefixed:
        head = ctx.before(m.start(), 20)
        if _QUANTITY_BEFORE.search(head):
            return None
        if year < 1600 and not re.search(r"\b(?:in|since|of|by|until|from|year|around|circa|"
                                         r"c\.)\s*\Z", head, re.I):
            return None
    nxt = re.match(r"\s*([A-Za-z]+)", ctx.text[m.end():m.end() + 20])
    if nxt and nxt.group(1).lower() in _MEASURES and not m["suffix"]:
        return None
    if nxt and nxt.group(1) in _NAMED_BODIES and not prefixed:
        return None  # "the backbench 1922 Committee": a name
    mod = part_mod(m["pmod"])
    if m["pre"]:
        mod = {"pre": "BEFORE", "post": "AFTER", "mid": "MID"}[m["pre"].lower()]
    suffix = norm(m["suffix"]) if m["suffix"] else ""
    if suffix in ("and beyond", "or later", "onward", "onwards", "and later", "and after"):
        mod = "ON_OR_AFTER"
    elif suffix in ("or earlier", "and earlier"):
        mod = "ON_OR_BEFORE"
    elif suffix == "or so":
        mod = "APPROX"
    return dated("year", Point("year", date(year, 1, 1)), mod=mod)


# bodies named after a year
_NAMED_BODIES = frozenset({"Committee", "Club", "Group", "Society", "Movement", "Commission",
                           "Foundation", "Network", "Collective"})


@rule("year_range",
      r"(?<![\w$£€-])(?P<y1>1\d{3}|20\d\d)<S>?(?:[-–]|to)<S>?(?P<y2>1\d{3}|20\d\d|\d\d)(?!\d)"
      r"(?![.,:/]\d)(?!\w)",
      FOUR_DIGITS)
def _year_range(m: re.Match, ctx: Context) -> Found | None:
    y1 = int(m["y1"])
    y2 = int(m["y2"]) if len(m["y2"]) == 4 else y1 // 100 * 100 + int(m["y2"])
    if not y1 < y2 <= y1 + 100 or _QUANTITY_BEFORE.search(ctx.before(m.start(), 20)):
        return None
    lo, hi = date(y1, 1, 1), date(y2, 12, 31)
    return Found("DATE", covering_point(lo, hi).value(), "year_range", None,
                 covering_point(lo, hi), earliest=lo, latest=hi, edtf=f"{y1:04d}/{y2:04d}",
                 precision="year", bounded=True)


@rule("year_words",
      r"(?:the<S>year<S>)?(?P<yw><YEARW>)(?!\w)(?!-\w)",
      ["the", "nineteen", "eighteen", "two", "twenty"],
      needs=("nineteen", "eighteen", "thousand", "twenty"))
def _year_words(m: re.Match, ctx: Context) -> Found | None:
    year = year_of(m["yw"])
    if year is None:
        return None
    low = norm(m.group(0))
    if low.startswith("two thousand") or low.startswith("twenty"):
        nxt = re.match(r"\s*([A-Za-z]+)", ctx.text[m.end():m.end() + 20])
        if nxt and nxt.group(1).lower() in _MEASURES | {"of", "more", "other"}:
            return None
        if low in ("two thousand", "twenty twenty") and prev_word(ctx, m.start()) not in (
                "in", "since", "until", "by", "year"):
            return None
    return dated("year_words", Point("year", date(year, 1, 1)))


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                 "seventies": 7, "eighties": 8, "nineties": 9, "noughties": 0}


@rule("decade",
      r"(?P<the>the<S>)?(?:(?P<pmod><PMOD>)[\s-]+)?(?:(?P<c>1\d|20)(?P<d>\d)0['’]?s|"
      r"['’](?P<d2>\d)0['’]?s|(?P<d3>\d)0['’]?s|(?P<dw>twenties|thirties|forties|fifties|"
      r"sixties|seventies|eighties|nineties|noughties))(?!\w)",
      PMOD_WORDS | FOUR_DIGITS | {"#2", APOSTROPHE, "the"} | set(_DECADE_WORDS),
      needs=("0s", "0's", "0’s", "ties"))
def _decade(m: re.Match, ctx: Context) -> Found | None:
    mod = part_mod(m["pmod"])
    if m["c"]:
        decade = int(m["c"]) * 10 + int(m["d"])
    else:
        if (m["d3"] or m["dw"]) and not m["the"]:
            return None
        digit = int(m["d2"] or m["d3"]) if (m["d2"] or m["d3"]) else _DECADE_WORDS[
            m["dw"].lower()]
        if ctx.dct is not None:
            century = ctx.dct.year // 100
            decade = century * 10 + digit
            if decade > ctx.dct.year // 10:
                decade -= 10
        else:
            decade = (20 if digit <= 1 else 19) * 10 + digit
    return dated("decade", Point("decade", date(max(1, decade * 10), 1, 1)), mod=mod)


@rule("century",
      r"(?:the<S>)?(?:(?P<pmod><PMOD>)[\s-]+)?(?:(?P<rel>this|last|next|the<S>past|"
      r"the<S>previous|the<S>current|the<S>last|the<S>next)|(?P<ord><ORD>|\d{1,2}"
      r"(?:st|nd|rd|th)))[\s-]+century(?!\w)",
      PMOD_WORDS | SHORT_NUMBER | {"the", "this", "last", "next"} | {w.split("-")[0].split()[0]
                                                            for w in lx.ORDINALS},
      needs=("centur",))
def _century(m: re.Match, ctx: Context) -> Found | None:
    from .numbers import parse_ordinal

    mod = part_mod(m["pmod"])
    rel = norm(m["rel"]) if m["rel"] else None
    if m["ord"] and norm(m["ord"]) == "last":
        rel = "last"
    if rel:
        if ctx.dct is None:
            return unresolved("century", "XX", mod=mod)
        if rel in ("the past", "the last"):
            return Found("DURATION", "P100Y", "century", mod, None, sets_reference=False,
                         precision="century")
        shift = {"this": 0, "the current": 0, "last": -1, "the previous": -1, "next": 1,
                 "the next": 1}[rel]
        p = Point.of("century", ctx.dct).shift(shift)
        return dated("century", p, mod=mod) if p else None
    n = parse_ordinal(m["ord"])
    if not n or n > 30:
        return None
    return dated("century", Point("century", date(max(1, (n - 1) * 100), 1, 1)), mod=mod)


# -- quarters and halves --------------------------------------------------------------------

_QUARTER_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
                "fourth": 4, "4th": 4, "final": 4, "last": 4}


def _year_from_words(m: re.Match, ctx: Context) -> tuple[int | None, bool]:
    """(year, explicit) from the year groups of the quarter/half rules."""
    for g in ("yr1", "yr2"):
        if m[g]:
            return int(m[g]), True
    det = norm(m["det"]) if m["det"] else ""
    yrel = norm(m["yrel"]) if m["yrel"] else ""
    word = det.split("'")[0] if "year's" in det else yrel
    if word in ("that", "the same") or (yrel == "the year" and ctx.reference("year")):
        ref = ctx.reference("year")
        return (ref.first.year if ref else None), True
    if ctx.dct is None:
        return None, bool(word)
    offset = {"this": 0, "the current": 0, "last": -1, "the previous": -1, "next": 1,
              "the following": 1, "the year": 0}.get(word)
    if offset is not None:
        return ctx.dct.year + offset, True
    return ctx.dct.year, False


@rule("quarter",
      r"(?:(?P<pmod><PMOD>)<S>)?(?:(?P<det>the|its|their|a|this<S>year['’]s|last<S>year['’]s|"
      r"next<S>year['’]s|(?P<yr1>[12]\d{3})(?:['’]s)?)<S>)?(?:(?:fiscal|calendar|flat|"
      r"current|(?P<ago>year-?ago|year-?earlier|year<S>earlier|year<S>ago)|(?P<yr3>[12]\d{3}))"
      r"[\s-]+)*(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|"
      r"final|last)[\s-]+(?:fiscal[\s-]+)?(?P<unit>quarter|half)(?!\w)(?!-\w(?!\w*\s))"
      r"(?:<S>of<S>(?:(?:fiscal<S>|calendar<S>)?(?P<yr2>[12]\d{3})|(?P<yrel>this|last|next|"
      r"the<S>current|the<S>previous|the<S>following|that|the<S>same)<S>(?:fiscal<S>)?year|"
      r"the<S>(?:fiscal<S>)?year))?(?!\w)",
      PMOD_WORDS | {"the", "its", "their", "a", "this", "last", "next", "fiscal", "calendar",
                    "flat", "current", "#4", "first", "second", "third", "fourth", "final",
                    "year"}, priority=-1,
      needs=("quarter", "half"))
def _quarter(m: re.Match, ctx: Context) -> Found | None:
    unit = m["unit"].lower()
    ordinal = _QUARTER_ORD[m["ord"].lower()]
    if m["yr3"] and not m["yr1"]:
        year, explicit = int(m["yr3"]), True
    else:
        year, explicit = _year_from_words(m, ctx)
    mod = part_mod(m["pmod"])
    det = norm(m["det"]) if m["det"] else ""
    text = m.group(0)
    if unit == "half":
        if ordinal not in (1, 2, 4):
            return None
        if not explicit and not re.search(r"-half", text, re.I):
            return None
        h = 1 if ordinal == 1 else 2
        if year is None:
            return unresolved("quarter", f"XXXX-H{h}", mod=mod)
        return dated("quarter", Point.half(year, h), mod=mod)
    if m["ord"].lower() in ("last", "final") and not explicit:
        if det == "the" and ctx.dct is not None:
            p = Point.of("quarter", ctx.dct).shift(-1)
            return dated("quarter", p, mod=mod) if p else None
        return None
    if det == "a" and not re.search(r"[\s-]quarter", text, re.I):
        return None
    if year is None:
        return unresolved("quarter", f"XXXX-Q{ordinal}", mod=mod)
    if not explicit and ctx.dct is not None:
        current = (ctx.dct.month - 1) // 3 + 1
        if ordinal > current and ctx.tense(m.start(), m.end()) == PAST:
            year -= 1
    if m["ago"]:
        return dated("quarter", Point.quarter(year - 1, ordinal), mod=mod, sets_reference=False)
    return dated("quarter", Point.quarter(year, ordinal), mod=mod)


@rule("quarter_code",
      r"(?:(?:[Ff]iscal|FY)<S>?)?(?<![\w-])(?P<q>Q[1-4]|H[12])(?:(?:<S>|-)(?P<yr>[12]\d{3})|"
      r"['’]?(?P<yy>\d\d))?(?!\w)",
      ["q", "h", "fiscal", "fy"], flags=0)
def _quarter_code(m: re.Match, ctx: Context) -> Found | None:
    kind, n = m["q"][0], int(m["q"][1])
    if m["yr"]:
        year = int(m["yr"])
    elif m["yy"]:
        year = two_digit_year(int(m["yy"]), ctx)
    elif ctx.dct is not None:
        year = ctx.dct.year
    else:
        return unresolved("quarter_code", f"XXXX-{m['q']}")
    p = Point.quarter(year, n) if kind == "Q" else Point.half(year, n)
    return dated("quarter_code", p)


@rule("quarter_relative",
      r"(?P<det>the|this|last|next|its|their|that)<S>(?P<adjs>(?:(?:current|latest|past|"
      r"previous|prior|preceding|most<S>recent|recent|same|comparable|corresponding|"
      r"year-?ago|year-?earlier|year<S>earlier|year<S>ago|following|next|coming|fiscal|"
      r"[12]\d{3})[\s-]+)*)(?P<unit>quarter|period)(?!\w)(?!-\w)"
      r"(?P<ago><S>a<S>year<S>(?:ago|earlier)|<S>last<S>year|<S>of<S>last<S>year|<S>a<S>year"
      r"<S>before)?",
      ["the", "this", "last", "next", "its", "their", "that"],
      needs=("quarter", "period"))
def _quarter_relative(m: re.Match, ctx: Context) -> Found | None:
    """"the quarter", "the latest quarter", "this quarter", "the year-ago period": the
    reporting period mentioned last (else the quarter before the DCT's), shifted as asked."""
    det = m["det"].lower()
    adjs = norm(m["adjs"])
    unit = m["unit"].lower()
    words = set(adjs.split())
    year_back = bool(m["ago"]) or "year" in words  # "year-ago", "year earlier" (normalised)
    explicit_year = re.search(r"[12]\d{3}", adjs)
    nxt = ctx.text[m.end():m.end() + 12].lower()
    if unit == "quarter" and re.match(r"\s*(?:of\s+(?:a|an|the|all|its|their)\b|century|"
                                      r"mile|point|final)", nxt):
        return None
    if unit == "period" and not (year_back or words & {"latest", "same", "comparable",
                                                      "corresponding", "current"}
                                 or explicit_year):
        return None
    grans = ("quarter",) if unit == "quarter" else ("quarter", "half", "month", "year",
                                                   "season", "week")
    ref = ctx.last_of(grans, within=3000, start=m.start())
    if year_back:
        ref = ctx.reporting_period(m.start(), 3000) or ref
    base = None
    if explicit_year:
        year = int(explicit_year.group())
        if ref is not None and ref.gran != "year":
            base = ref.shift(year - ref.first.year, "year")
        elif unit == "quarter" and ctx.dct is not None:
            base = Point.of("quarter", ctx.dct).shift(-1)
            base = base.shift(year - base.first.year, "year") if base else None
        else:
            base = Point("year", date(year, 1, 1))
        year_back = False
    elif words & {"current"} or det == "this" and not words:
        base = ctx.dct_point("quarter") if unit == "quarter" else (ref or ctx.dct_point(
            "quarter"))
    elif det == "last" and not words or words & {"previous", "prior", "preceding"}:
        anchor = ref if ref is not None and words else ctx.dct_point("quarter")
        base = anchor.shift(-1) if anchor else None
    elif det == "next" and not words or words & {"next", "coming", "following"}:
        anchor = ref if ref is not None and "following" in words else ctx.dct_point(
            "quarter")
        base = anchor.shift(1) if anchor else None
    else:  # the quarter, the latest quarter, the year-ago period, the same period
        if ref is not None:
            base = ref
        elif ctx.dct is not None and unit == "quarter":
            base = Point.of("quarter", ctx.dct).shift(-1)
        elif unit == "period":
            return None
    if base is None:
        return unresolved("quarter_relative", "XXXX-QX" if unit == "quarter" else "XXXX")
    if year_back:
        base = base.shift(-1, "year")
        if base is None:
            return None
    return dated("quarter_relative", base, sets_reference=not year_back)


_SEASON_PREPOSITIONS = frozenset("""in during by until till since through throughout over
for""".split())
_SEASON_CONTEXT = frozenset("""in during by until till since through throughout over of this last
next the early late mid""".split())


# -- seasons --------------------------------------------------------------------------------

@rule("season",
      r"(?:(?P<pmod><PMOD>)[\s-]+)?(?:(?P<rel>last|this<S>past|this<S>coming|this|next|"
      r"the<S>coming|the<S>past|the<S>following|the<S>previous|that|the|coming|past)<S>)?"
      r"(?P<season><SEASON>)(?!\w)(?:(?:<S>of)?<S>(?P<year>[12]\d{3}|<YEARW>|['’]\d\d)"
      r"(?![\d,.]\d)|<S>(?:of<S>)?(?P<yrel>last|this|next)<S>year(?!['’]))?(?!\w)(?!-\w)",
      PMOD_WORDS | set(lx.SEASONS) | {"last", "this", "next", "the", "that", "coming",
                                      "past"},
      needs=SEASON_NEEDS)
def _season(m: re.Match, ctx: Context) -> Found | None:
    code = lx.SEASONS[m["season"].lower()]
    rel = norm(m["rel"]) if m["rel"] else None
    mod = part_mod(m["pmod"])
    nxt = ctx.text[m.end():m.end() + 16].lower()
    prev = prev_word(ctx, m.start())
    if m["year"]:
        year = year_of(m["year"], ctx)
        if year is None:
            return None
        return dated("season", Point.season(year, code), mod=mod)
    verb_like = m["season"].lower() in ("fall", "spring")
    if verb_like and not (rel or mod) and prev not in _SEASON_CONTEXT:
        return None  # "prices will fall next year", "wells spring up"
    if m["yrel"]:
        if ctx.dct is None:
            return unresolved("season", f"XXXX-{code}", mod=mod)
        year = ctx.dct.year + {"last": -1, "this": 0, "next": 1}[m["yrel"].lower()]
        return dated("season", Point.season(year, code), mod=mod)
    if re.match(r"\s*(?:of|in|to|from|by|and|was|is|were|are|has|had|will|at|on|for)\b", nxt) \
            and rel in (None, "the"):
        return None
    if not mod and (rel is None or rel == "the" and code == "FA") and \
            prev not in _SEASON_PREPOSITIONS:
        return None  # "spring" or "the fall" alone are seasons only after "in", "during"...
    if rel in ("that", "the following", "the previous"):
        ref = ctx.reference("year")
        if ref is None:
            return unresolved("season", f"XXXX-{code}", mod=mod)
        p = Point.season(ref.first.year, code)
        if rel == "the following":
            p = p.shift(4) if p.first <= ref.first else p
        elif rel == "the previous":
            p = p.shift(-4) if p.first >= ref.first else p
        return dated("season", p, mod=mod) if p else None
    relation = {"last": "last", "this past": "last", "the past": "last", "past": "last",
                "this coming": "next", "the coming": "next", "coming": "next",
                "next": "next", "this": "this"}.get(rel or "")
    p = ctx.relative_season(code, m.start(), m.end(), relation)
    if p is None:
        return unresolved("season", f"XXXX-{code}", mod=mod)
    return dated("season", p, mod=mod)


# -- weekdays -------------------------------------------------------------------------------

@rule("weekday",
      r"(?:(?P<pmod>early|late|mid|earlier|later)<S>(?:on<S>)?)?(?:(?P<rel>last|this<S>past|"
      r"this<S>coming|this|next|coming|the<S>following|the<S>previous|the<S>next|past|"
      r"previous|following|that)<S>)?(?P<wd><WEEKDAY>)(?P<pl>s)?(?!\w)"
      r"(?:<S>(?P<wk>last|this|next)<S>week(?!\w))?"
      r"(?:(?:<S>|,<S>?)(?P<pod><POD>)(?P<pods>s)?(?!\w))?",
      WEEKDAY_WORDS | {w + "s" for w in lx.WEEKDAYS} | {"early", "late", "mid", "earlier",
                                                         "later", "last", "this", "next",
                                                         "coming", "the", "past",
                                                         "previous", "following", "that"},
      needs=("day",))
def _weekday(m: re.Match, ctx: Context) -> Found | None:
    wd = weekday_of(m["wd"])
    if wd is None:
        return None
    following = _NEXT_WORD.match(ctx.text, m.end())
    if following and following[1][:1].isupper() and following[1].lower() in lx.INSTRUMENTS:
        return None  # "the Good Friday Agreement": a treaty's name
    pod = lx.PARTS_OF_DAY.get(m["pod"].lower()) if m["pod"] else None
    if m["pl"] or m["pods"] and m["pl"]:
        value = f"XXXX-WXX-{wd}" + (f"T{pod}" if pod else "")
        return Found("SET", value, "weekday", None, None, sets_reference=False,
                     precision="part_of_day" if pod else "day")
    mod = part_mod(m["pmod"])
    rel = norm(m["rel"]) if m["rel"] else None
    day: Point | None = None
    if m["wk"] and not m["pl"]:
        # "on Monday last week", "Friday next week": that day of the week named
        this_week = ctx.weekday(wd, m.start(), m.end(), "this")
        if this_week is None:
            return unresolved("weekday", f"XXXX-WXX-{wd}", "DATE", mod)
        shift = {"last": -7, "this": 0, "next": 7}[m["wk"].lower()]
        day = Point("day", this_week.first + timedelta(days=shift))
    elif rel in ("the following", "the next", "the previous", "that"):
        ref = ctx.reference("day")
        if ref is not None:
            back = (ref.first.isoweekday() - wd) % 7
            ahead = (wd - ref.first.isoweekday()) % 7
            if rel == "the previous":
                day = Point("day", ref.first - timedelta(days=back or 7))
            elif rel == "that":
                day = Point("day", ref.first - timedelta(days=back)) if back <= 3 else \
                    Point("day", ref.first + timedelta(days=ahead))
            else:
                day = Point("day", ref.first + timedelta(days=ahead or 7))
        elif rel == "that":
            day = ctx.weekday(wd, m.start(), m.end(), None)
    else:
        relation = {"this past": "last", "past": "last", "previous": "last",
                    "this coming": "next", "coming": "next", "following": "next"}.get(
            rel or "", rel)
        day = ctx.weekday(wd, m.start(), m.end(), relation)
    if day is None:
        value = f"XXXX-WXX-{wd}" + (f"T{pod}" if pod else "")
        return unresolved("weekday", value, "TIME" if pod else "DATE", mod)
    if pod:
        return dated("weekday", day.with_pod(pod), "TIME", mod)
    return dated("weekday", day, mod=mod)


# -- holidays -------------------------------------------------------------------------------

# Nouns a holiday's name describes rather than dates ("a Christmas market").
_HOLIDAY_THINGS = frozenset("""
market markets fair fairs tree trees shopping shoppers lights decorations card cards gift gifts
present presents carol carols sales parade parades bazaar concert concerts egg eggs bunny
jumper jumpers pudding cake cakes song songs film films movie movies special specials
""".split()) | lx.INSTRUMENTS
_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")
# Events a holiday names ("the Labor Day hurricane", "the Easter Sunday bombings"), and the
# year the rest of the sentence may give them ("... that struck the Keys in 1935")
_HOLIDAY_EVENTS = frozenset("""
hurricane storm flood floods earthquake quake tsunami bombing bombings attack attacks
massacre riot riots fire blizzard tornado offensive uprising
""".split())
_YEAR_LATER = re.compile(r"(?:(?!,\s)[^.!?\n]){0,120}?"  # (no clause set off by a comma)
                         r"\bin\s+(?P<year>1[6-9]\d\d|20\d\d)(?![\d,.]\d)")
_HOLIDAYS = sorted(set(lx.FIXED_HOLIDAYS) | set(lx.MOVABLE_HOLIDAYS), key=len, reverse=True)


@rule("holiday",
      r"(?:(?P<rel>last|this<S>past|this<S>coming|this|next)<S>)?(?P<h>"
      + "|".join(re.escape(h).replace(r"\ ", "<S>").replace("'", "['’]") for h in _HOLIDAYS)
      + r")(?!\w)(?:,?<S>(?P<year>[12]\d{3})(?![\d,.]\d))?",
      {"last", "this", "next"} | {h.split()[0].split("'")[0] for h in _HOLIDAYS})
def _holiday(m: re.Match, ctx: Context) -> Found | None:
    name = m["h"]
    if name[:1].islower():
        return None
    following = _NEXT_WORD.match(ctx.text, m.end())
    if not m["year"] and not m["rel"] and following and \
            following[1].lower() in _HOLIDAY_THINGS:
        return None  # "a Christmas market", "Easter eggs": a thing, not a time
    year = m["year"]
    if not year and not m["rel"] and following and following[1].lower() in _HOLIDAY_EVENTS:
        stated = _YEAR_LATER.match(ctx.text, following.end())
        year = stated["year"] if stated else None  # "The Labor Day hurricane that struck
        # the Florida Keys in 1935": that year's Labor Day
    if year:
        d = holiday(name, int(year))
        return dated("holiday", Point("day", d)) if d else None
    if ctx.dct is None:
        probe = holiday(name, 2001)
        if probe is None or norm(name) in lx.MOVABLE_HOLIDAYS:
            return unresolved("holiday", "XXXX-XX-XX")
        return unresolved("holiday", f"XXXX-{probe.month:02d}-{probe.day:02d}")
    rel = norm(m["rel"]) if m["rel"] else None
    options = [d for d in (holiday(name, y) for y in (ctx.dct.year - 1, ctx.dct.year,
                                                     ctx.dct.year + 1)) if d]
    past = [d for d in options if d < ctx.dct]
    future = [d for d in options if d > ctx.dct]
    tense = ctx.tense(m.start(), m.end())
    if rel in ("last", "this past"):
        d = max(past)
    elif rel in ("next", "this coming"):
        d = min(future)
    elif ctx.dct in options:
        d = ctx.dct
    elif rel == "this":
        d = holiday(name, ctx.dct.year)
    elif tense == PAST and not (prev_word(ctx, m.start()) in ("for", "until", "by") and
                                future and (min(future) - ctx.dct).days <= 45):
        d = max(past)  # (not "announced a rally for New Year's Eve", told three days before)
    elif tense == FUTURE:
        d = min(future)
    else:
        d = min(options, key=lambda x: abs((x - ctx.dct).days))
    return dated("holiday", Point("day", d))

