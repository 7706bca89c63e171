"""Rules for durations ("three days", "the past two weeks", "more than a decade", "48-hour")
and sets ("every week", "daily", "twice a month", "on Mondays")."""

from __future__ import annotations

import re

from . import lexicon as lx
from .context import Context, Found
from .helpers import month_of, norm, quant_mod, quantity, weekday_of
from .rulebook import (
    MONTH_NEEDS,
    NUMBER_TRIGGERS,
    POD_NEEDS,
    QMOD_WORDS,
    SEASON_NEEDS,
    UNIT_NEEDS,
    rule,
)
from .rules_relative import _PRECISION, _duration_code, _move_date

_PAST_DIRS = {"past", "last", "previous", "preceding", "prior"}
_NEXT_DIRS = {"next", "coming", "following", "ensuing", "subsequent", "upcoming"}
_CURRENCY_BEFORE = re.compile(
    r"(?:\d|\b(?:million|billion|trillion|thousand|hundred|dollars?|euros?|pounds?|cents?|"
    r"pence|rubles?|roubles?|hryvnias?|yen|yuan|times|percent|barrels|tons|tonnes|"
    r"people|visitors|cases|deaths|flights|trips|meals|hours|miles)|%)[^\n.;]{0,12}\Z",
    re.I)


@rule("duration",
      r"(?:(?P<qmod><QMOD>)<S>)?(?:(?P<det>the|a|an|another|each<S>of<S>the|all)<S>)?"
      r"(?:(?P<dir>past|last|next|coming|previous|following|first|final|latest|preceding|"
      r"ensuing|subsequent|initial|remaining|upcoming|prior|same|better<S>part<S>of<S>the)<S>)?"
      r"(?P<q>(?:<NUM>)(?:<S>and<S>a<S>half)?(?:<S>(?:to|or|-|–)<S>?(?P<q2><NUM>))?|<VAGUE>|"
      r"half<S>an?|a<S>half|an?)(?:<S>(?P<adj>more|additional|extra|further|straight|"
      r"consecutive|full|whole|long|solid|short|brief|successive))?"
      r"(?:[\s-]+|(?<=\d))(?P<unit><UNIT>)(?!\w)(?P<half><S>and<S>a<S>half)?"
      r"(?P<orso><S>or<S>(?:so|more|longer|less))?(?P<adjx>-(?:long|old))?(?!\w)(?!-\w)",
      QMOD_WORDS | NUMBER_TRIGGERS | {"the", "a", "an", "another", "each", "all"},
      needs=UNIT_NEEDS)
def _duration(m: re.Match, ctx: Context) -> Found | None:
    unit_word = norm(m["unit"])
    unit = lx.UNITS.get(unit_word)
    if unit is None:
        return None
    q_text = norm(m["q"])
    nxt = ctx.text[m.end():m.end() + 24].lower()
    prev = ctx.text[max(0, m.start() - 30):m.start()]
    det = norm(m["det"]) if m["det"] else ""
    dir_ = norm(m["dir"]) if m["dir"] else ""
    if unit == "second" and (q_text in ("a", "an") or not unit_word.endswith("s")
                             and q_text == "one") and not m["qmod"]:
        if not re.match(r"\s*(?:[,.;:!?)]|$|later|earlier|ago|before|after|or\b)", nxt):
            return None
    if unit == "quarter" and (q_text in ("a", "an", "one", "three") or re.match(
            r"\s*of\b", nxt)) and not dir_:
        return None
    if unit == "quarter" and dir_ in ("first", "final") and q_text in ("a", "an"):
        return None
    if q_text in ("a", "an") and (dir_ or det):
        return None
    if q_text in ("a", "an") and unit_word in ("weekend",):
        return None
    if q_text in ("a", "an") and _CURRENCY_BEFORE.search(prev) and not m["qmod"]:
        return None  # "$5 a day" is a set, not a duration
    if m["adjx"] and m["adjx"].lower() == "-old" or re.match(r"\s+old\b", nxt):
        return None  # an age ("a 6-year-old", "30 years old"), not a time
    if det == "the" and not dir_ and q_text in ("a", "an", "half a", "half an"):
        return None
    if q_text in ("one",) and unit == "day" and not (m["qmod"] or det or dir_) and re.match(
            r"\s*(?:,|he|she|they|we|i|you|it|the|soon|when|in\s+the\s+future)\b", nxt) \
            and re.search(r"(?:^|[.!?\"“]\s*)\Z", prev):
        return Found("DATE", "FUTURE_REF", "duration", None, None,
                     resolved=ctx.dct is not None, sets_reference=False)
    if m["q2"]:
        n, rng = quantity(q_text.split(" to ")[0].split(" or ")[0].split(" - ")[0]
                          .split("–")[0].strip())
        mod = "EQUAL_OR_MORE"
    else:
        n, rng = quantity(q_text + (" and a half" if m["half"] else ""))
        mod = None
    if n is None and rng is None:
        return None
    start_shift = 0
    first_q = q_text.split(" ")[0]
    if det in ("a", "an") and not m["qmod"] and not dir_ and (
            first_q[:1].isdigit() or first_q in lx.NUMBER_WORDS or first_q in lx.TENS):
        start_shift = m.start("q") - m.start()  # "a 10-year plan": the article is not timex
    if m["qmod"] and det == "the" and norm(m["qmod"]) in ("over", "within", "under", "in",
                                                        "during", "throughout"):
        start_shift = m.start("det") - m.start()  # "over the past days": a preposition
    elif m["qmod"]:
        mod = quant_mod(m["qmod"])
    orso = norm(m["orso"]) if m["orso"] else ""
    if orso == "or so":
        mod = "APPROX"
    elif orso in ("or more", "or longer"):
        mod = "EQUAL_OR_MORE"
    elif orso == "or less":
        mod = "EQUAL_OR_LESS"
    if unit == "weekend":
        unit, n = "day", (n * 2 if n is not None else None)
    code = _duration_code(n, unit)
    found = Found("DURATION", code, "duration", mod, None, sets_reference=False,
                  precision=_PRECISION.get(unit, "unknown"), start_shift=start_shift)
    if ctx.dct is not None and (dir_ in _PAST_DIRS or dir_ in _NEXT_DIRS) and \
            dir_ not in ("following", "ensuing", "subsequent", "previous", "preceding", "prior"):
        amount = n if n is not None else (rng[1] if rng else None)
        if amount is not None:
            sign = -1 if dir_ in _PAST_DIRS else 1
            other = _move_date(ctx.dct, sign * amount, unit)
            if other is not None:
                found.earliest, found.latest = (other, ctx.dct) if sign < 0 else \
                    (ctx.dct, other)
                found.bounded = True
    return found


@rule("duration_bare",
      r"(?:(?<=\bfor\s)|(?<=\bin\s)|(?<=\bover\s)|(?<=\bwithin\s)|(?<=\bafter\s)|"
      r"(?<=\btake\s)|(?<=\btook\s)|(?<=\btakes\s)|(?<=\blast\s)|(?<=\bspent\s)|"
      r"(?<=\blasted\s)|(?<=\bspend\s))(?P<unit>years|months|weeks|days|decades|hours|"
      r"minutes|centuries)(?!\w)(?!<S>(?:of|ago|later|earlier|before|after)\b)",
      {"years", "months", "weeks", "days", "decades", "hours", "minutes", "centuries"})
def _duration_bare(m: re.Match, ctx: Context) -> Found | None:
    unit = lx.UNITS[m["unit"].lower()]
    return Found("DURATION", _duration_code(None, unit), "duration_bare", None, None,
                 sets_reference=False, precision=_PRECISION.get(unit, "unknown"))


@rule("duration_adj",
      r"(?:(?P<q>decades|years|months|weeks|days|hours|centuries)|(?P<one>day|week|month|"
      r"year|hour|night|decade|century|minute))-long(?!\w)",
      {"decades", "years", "months", "weeks", "days", "hours", "centuries", "day", "week",
       "month", "year", "hour", "night", "decade", "century", "minute"})
def _duration_adj(m: re.Match, ctx: Context) -> Found | None:
    word = (m["q"] or m["one"]).lower()
    unit = lx.UNITS[word]
    n = None if m["q"] else 1
    return Found("DURATION", _duration_code(n, unit), "duration_adj", None, None,
                 sets_reference=False, precision=_PRECISION.get(unit, "unknown"))


@rule("recent_units",
      r"(?P<rel>recent|coming|the<S>coming|the<S>past<S>few|the<S>last<S>few|the<S>next<S>few|"
      r"the<S>weeks<S>and<S>months<S>ahead|the)<S>?(?P<unit>days|weeks|months|years|decades|"
      r"quarters|hours)(?P<ahead><S>ahead|<S>to<S>come)?(?!\w)(?!<S>(?:of|before|after|ago)\b)",
      {"recent", "coming", "the"},
      needs=UNIT_NEEDS)
def _recent_units(m: re.Match, ctx: Context) -> Found | None:
    rel = norm(m["rel"])
    if rel == "the" and not m["ahead"]:
        return None
    unit = lx.UNITS[m["unit"].lower()]
    found = Found("DURATION", _duration_code(None, unit), "recent_units", None, None,
                  sets_reference=False, precision=_PRECISION.get(unit, "unknown"))
    if ctx.dct is not None:
        future = rel in ("coming", "the coming", "the next few") or m["ahead"]
        span = {"day": 9, "week": 9, "month": 9, "year": 9, "decade": 5, "quarter": 6,
                "hour": 24}.get(unit, 9)
        other = _move_date(ctx.dct, (1 if future else -1) * span, unit)
        if other is not None:
            found.earliest, found.latest = (ctx.dct, other) if future else (other, ctx.dct)
            found.bounded = True
    return found


# -- sets -----------------------------------------------------------------------------------

_ADVERBS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y",
            "annually": "P1Y", "hourly": "PT1H", "nightly": "P1D", "quarterly": "P3M",
            "biweekly": "P2W", "fortnightly": "P2W", "biannually": "P6M",
            "semiannually": "P6M", "semi-annually": "P6M", "twice-yearly": "P6M",
            "bimonthly": "P2M", "every day": "P1D", "each day": "P1D",
            "day after day": "P1D", "year after year": "P1Y", "week after week": "P1W"}


@rule("set_adverb",
      r"(?P<w>daily|weekly|monthly|yearly|annually|hourly|nightly|quarterly|biweekly|"
      r"fortnightly|biannually|semi-?annually|twice-yearly|bimonthly|day<S>after<S>day|"
      r"year<S>after<S>year|week<S>after<S>week)(?!\w)(?!-\w)",
      {"daily", "weekly", "monthly", "yearly", "annually", "hourly", "nightly", "quarterly",
       "biweekly", "fortnightly", "biannually", "semiannually", "semi", "twice", "bimonthly",
       "day", "year", "week"})
def _set_adverb(m: re.Match, ctx: Context) -> Found | None:
    nxt = ctx.text[m.end():m.end() + 16]
    if re.match(r"\s+[a-z]", nxt) and not re.match(
            r"\s+(?:and|or|but|in|at|on|for|to|from|since|until|through|by|with|during|over|"
            r"after|before|as|basis|than|throughout|across|because|while|when|if|so|the|a|"
            r"an|is|are|was|were|will|would|outside|inside|around|near|along|together|"
            r"again|online|abroad|here|there|now)\b", nxt):
        return None  # an adjective: "a quarterly dividend", "daily flights"
    word = " ".join(m["w"].lower().split())
    value = _ADVERBS.get(word) or _ADVERBS.get(word.replace("-", ""))
    if value is None:
        return None
    return Found("SET", value, "set_adverb", None, None, sets_reference=False,
                 precision=_set_precision(value))


# A unit of length or volume (or a count of operations) before "per": the measure of a
# rate ("kilometres per hour", "instructions per second"), no set of times (but "$15 per hour",
# "3,000 people per day", "barrels per day": amounts over each period).
_UNIT_BEFORE = re.compile(
    r"\b(?:kilomet(?:re|er)s?|km|miles|met(?:re|er)s|millimet(?:re|er)s|mm|centimet(?:re|er)s|"
    r"cm|inches|feet|knots|lit(?:re|er)s|gallons|instructions|revolutions|beats|frames|"
    r"bits|bytes)\s+\Z", re.I)


@rule("set_every",
      r"(?P<freq>(?:once|twice|thrice|(?:<NUM>)<S>times)<S>)?(?P<every>every|each|per|a|an)"
      r"(?:<S>(?P<other>other|second|single))?<S>(?:(?P<n><NUM>)<S>)?(?P<what><UNIT>|"
      r"<WEEKDAY>|<MONTHFULL>|<SEASON>|<POD>)(?!\w)(?!-\w)",
      NUMBER_TRIGGERS | {"once", "twice", "thrice", "every", "each", "per", "a", "an"},
      needs=UNIT_NEEDS + MONTH_NEEDS + SEASON_NEEDS + POD_NEEDS)
def _set_every(m: re.Match, ctx: Context) -> Found | None:
    every = m["every"].lower()
    what = norm(m["what"])
    if every in ("a", "an", "per") and not m["freq"]:
        if every != "per" and not _CURRENCY_BEFORE.search(ctx.before(m.start(), 40)):
            return None
        if every == "per" and _UNIT_BEFORE.search(ctx.before(m.start(), 40)):
            return None  # a rate, not a set of times: "220 kilometres per hour", "instructions
            # per second" (but "$15 per hour")
    if every in ("a", "an", "per") and what not in lx.UNITS:
        return None
    if every == "each" and re.match(r"\s*(?:of|other)\b", ctx.text[m.end():m.end() + 10]):
        return None
    step = 2 if m["other"] and m["other"].lower() in ("other", "second") else 1
    if m["n"]:
        n, _ = quantity(m["n"])
        if n is None:
            return None
        step = int(n)
    if what in lx.UNITS:
        unit = lx.UNITS[what]
        if what.endswith("s") and not m["n"]:
            return None
        if unit == "weekend":
            return Found("SET", "XXXX-WXX-WE", "set_every", None, None,
                         sets_reference=False, precision="week")
        value = _duration_code(step, unit)
        return Found("SET", value, "set_every", None, None, sets_reference=False,
                     precision=_PRECISION.get(unit, "unknown"))
    wd = weekday_of(what)
    if wd is not None:
        return Found("SET", f"XXXX-WXX-{wd}", "set_every", None, None, sets_reference=False,
                     precision="day")
    month = month_of(what)
    if month is not None:
        return Found("SET", f"XXXX-{month:02d}", "set_every", None, None,
                     sets_reference=False, precision="month")
    if what in lx.SEASONS:
        return Found("SET", f"XXXX-{lx.SEASONS[what]}", "set_every", None, None,
                     sets_reference=False, precision="season")
    if what in lx.PARTS_OF_DAY:
        return Found("SET", f"XXXX-XX-XXT{lx.PARTS_OF_DAY[what]}", "set_every", None, None,
                     sets_reference=False, precision="part_of_day")
    return None


def _set_precision(value: str) -> str:
    return {"D": "day", "W": "week", "M": "month", "Y": "year", "H": "hour"}.get(
        value[-1], "unknown")
