"""Rules for expressions relative to the document creation time (DCT) or to the narrative
reference time: "yesterday", "last week", "two days ago", "a year earlier", "the following
day", "earlier this month", "now", "recently", "the future"."""

from __future__ import annotations

import re
from datetime import date, timedelta

from . import lexicon as lx
from .context import FUTURE, PAST, Context, Found
from .helpers import dated, norm, part_mod, prev_word, quant_mod, quantity, unresolved
from .points import Point
from .rulebook import NUMBER_TRIGGERS, PMOD_WORDS, POD_NEEDS, QMOD_WORDS, UNIT_NEEDS, rule
from .rules_clock import narrative_day

_DAY_WORDS = {"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1,
              "the day before yesterday": -2, "the day after tomorrow": 2}
_UNRESOLVED = {"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX", "day": "XXXX-XX-XX",
               "quarter": "XXXX-QX", "weekend": "XXXX-WXX-WE", "decade": "XXX",
               "century": "XX", "half": "XXXX-HX", "season": "XXXX-XX", "pod": "XXXX-XX-XX",
               "hour": "XXXX-XX-XXTXX:XX", "minute": "XXXX-XX-XXTXX:XX",
               "second": "XXXX-XX-XXTXX:XX:XX"}


def _earlier_later(found: Found, pmod: str | None, ctx: Context) -> Found:
    """"earlier this month" / "later this year": the part of the unit before / after the DCT."""
    word = norm(pmod)
    if word not in ("earlier", "later") or found.point is None or ctx.dct is None:
        return found
    p = found.point
    if p.is_time or not p.first <= ctx.dct <= p.last():
        return found
    if word == "earlier":
        found.earliest, found.latest = p.first, ctx.dct
    else:
        found.earliest, found.latest = ctx.dct, p.last()
    found.bounded = True
    return found


_GENERIC_TODAY = re.compile(
    r"['’]s\s+(?:[a-z]+\s+)?(?:world|society|economy|economies|standards|generation|youth|"
    r"young|children|kids|computers|technology|market|markets|culture|media|politics|"
    r"environment|age|era|times|people|families|consumers|students|workers|women|men)\b")


# -- today, yesterday, tomorrow, tonight ----------------------------------------------------

@rule("day_word",
      r"(?:(?P<pmod>early|late|earlier|later|mid)<S>)?(?P<w>the<S>day<S>before<S>yesterday|"
      r"the<S>day<S>after<S>tomorrow|today|tonight|tomorrow|yesterday)(?!\w)"
      r"(?:(?:<S>|,<S>?)(?P<pod><POD>)(?!\w))?",
      {"early", "late", "earlier", "later", "mid", "the", "today", "tonight", "tomorrow",
       "yesterday"},
      needs=("today", "tonight", "tomorrow", "yesterday"))
def _day_word(m: re.Match, ctx: Context) -> Found | None:
    word = norm(m["w"])
    mod = part_mod(m["pmod"])
    pod = lx.PARTS_OF_DAY.get(m["pod"].lower()) if m["pod"] else ("NI" if word == "tonight"
                                                                     else None)
    if word == "today" and _GENERIC_TODAY.match(ctx.text, m.end()):
        return None  # "today's world": the present in general, not a day
    if ctx.dct is None:
        return unresolved("day_word", "XXXX-XX-XX" + (f"T{pod}" if pod else ""),
                          "TIME" if pod else "DATE", mod)
    day = Point("day", ctx.dct + timedelta(days=_DAY_WORDS[word]))
    if pod:
        return dated("day_word", day.with_pod(pod), "TIME", mod)
    return _earlier_later(dated("day_word", day, mod=mod), m["pmod"], ctx)


# -- now, recently, the future --------------------------------------------------------------

_REFS = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "just now": "PAST_REF",
    "currently": "PRESENT_REF", "current": "PRESENT_REF", "presently": "PRESENT_REF",
    "nowadays": "PRESENT_REF", "these days": "PRESENT_REF", "the present": "PRESENT_REF",
    "present": "PRESENT_REF", "the moment": "PRESENT_REF", "this moment": "PRESENT_REF",
    "the present day": "PRESENT_REF", "present day": "PRESENT_REF",
    "present-day": "PRESENT_REF", "this time": "PRESENT_REF",
    "recently": "PAST_REF", "recent": "PAST_REF", "lately": "PAST_REF",
    "the past": "PAST_REF", "the future": "FUTURE_REF", "the near future": "FUTURE_REF",
    "the distant future": "FUTURE_REF", "the foreseeable future": "FUTURE_REF",
    "future": "FUTURE_REF", "the near term": "FUTURE_REF", "the short term": "FUTURE_REF",
    "the long term": "FUTURE_REF", "the longer term": "FUTURE_REF",
    "a later date": "FUTURE_REF", "a later stage": "FUTURE_REF",
}


@rule("reference",
      r"(?:(?P<more>more|most)<S>)?(?P<w>right<S>now|just<S>now|now|"
      r"currently|current|presently|nowadays|these<S>days|the<S>present(?:<S>day)?|"
      r"present[\s-]day|(?<=at\s)present|(?<=at\s)(?:the|this)<S>moment|(?<=at\s)this<S>time|"
      r"recently|recent|lately|the<S>past|the<S>(?:near|"
      r"distant|foreseeable)<S>future|the<S>future|future|the<S>(?:near|short|long|longer)"
      r"<S>term|a<S>later<S>(?:date|stage))(?!\w)(?!-\w)",
      {"more", "most", "right", "just", "now", "currently",
       "current", "presently", "nowadays", "these", "the", "present", "this", "recently",
       "recent", "lately", "future", "a"},
      needs=("now", "current", "present", "nowaday", "days", "moment", "time", "recent",
             "lately", "past", "future", "term", "later"))
def _reference(m: re.Match, ctx: Context) -> Found | None:
    word = norm(m["w"]).replace("-", " ")
    value = _REFS.get(word) or _REFS.get(word.replace(" ", "-"))
    if value is None:
        return None
    nxt = ctx.text[m.end():m.end() + 24].lower()
    prev = prev_word(ctx, m.start("w"))
    if word == "current" and re.match(r"\s*(?:account|accounts|affairs|flows?|events|"
                                      r"density|of|and\s+voltage)\b|s\b", nxt):
        return None
    if word == "future" and (re.match(r"s\b|\s*(?:contract|contracts|market|markets|tense|"
                                      r"perfect)\b", nxt) or prev in ("the", "a", "its")):
        return None
    if word == "present" and prev not in ("at",):
        return None
    if word == "now" and re.match(r"[-‐]\w", ctx.text[m.end():m.end() + 2]):
        return None
    return Found("DATE", value, "reference", None, None, resolved=ctx.dct is not None,
                 sets_reference=False)


# -- this/last/next week, month, year ... ---------------------------------------------------

_REL_UNIT = (r"(?P<rel>last|this|next|the<S>past|the<S>last|the<S>previous|the<S>following|"
             r"the<S>next|the<S>coming|the<S>current|the<S>same|that<S>same|that|"
             r"this<S>past|this<S>coming|the<S>preceding|the<S>prior|coming|past|previous|"
             r"following|the<S>ensuing|the|in<S>the|later<S>that|earlier<S>that)")


@rule("unit_relative",
      r"(?:(?P<pmod><PMOD>)(?:<S>in)?[\s-]+)?" + _REL_UNIT + r"<S>(?P<fiscal>fiscal<S>)?"
      r"(?P<unit>week|weekend|month|year|decade|fortnight|day|quarter|night|morning|"
      r"afternoon|evening)(?!\w)(?!-\w)(?!<S>and<S>a<S>half\b)",
      PMOD_WORDS | {"last", "this", "next", "the", "that", "coming", "past", "previous",
                    "following", "in", "later", "earlier"},
      needs=UNIT_NEEDS + POD_NEEDS)
def _unit_relative(m: re.Match, ctx: Context) -> Found | None:
    rel = norm(m["rel"])
    unit = m["unit"].lower()
    pmod = m["pmod"]
    mod = part_mod(pmod)
    if rel.startswith("later that") or rel.startswith("earlier that"):
        pmod = rel.split()[0]
        mod = part_mod(pmod)
        rel = "that"
    if rel in ("the", "in the") and not pmod and unit != "weekend":
        return None
    if rel in ("the", "in the", "that", "the same", "that same", "the following",
               "the previous", "the next") and re.match(r"\s+(?:of|before|after)\b",
                                                         ctx.text[m.end():m.end() + 8]):
        return None  # "the day after the vote", "the week of May 2": other rules
    if rel == "in the":
        if norm(pmod) not in ("earlier", "later", "early", "late"):
            return None
        rel = "the"
    pod = lx.PARTS_OF_DAY.get(unit)
    if unit == "night" and rel in ("last",):
        pod, unit = "NI", "night"
    if pod:
        return _pod_relative(m, ctx, rel, pod, mod)
    if unit == "night":
        return None
    if unit == "day" and rel in ("last", "this", "next", "past", "the last",
                                 "coming", "the coming", "the current", "previous",
                                 "following"):
        return None  # ("the past day" is the day before the DCT: a duration, below)
    if unit == "quarter":
        return None  # handled by quarter_relative
    if rel in ("the past", "the last", "this past") and unit not in ("weekend",) and \
            not (rel == "this past" and unit in ("week", "month", "year")):
        return _past_unit_duration(m, ctx, unit, mod)
    if unit == "fortnight":
        unit = "week"
    gran = unit
    if rel == "the" and gran == "weekend" and not pmod:
        if ctx.dct is None:
            return unresolved("unit_relative", _UNRESOLVED[gran])
        return _weekend(m, ctx, "the", mod)
    if rel in ("the same", "that same", "that", "the"):
        ref = ctx.reference("day" if unit == "day" else gran)
        if rel == "the" and unit != "day" or ref is None and rel == "the":
            ref = ctx.dct_point(gran) if unit != "day" else (ref or ctx.dct_point("day"))
        if ref is None:
            return unresolved("unit_relative", _UNRESOLVED[gran], mod=mod)
        p = ref.at(gran) if gran != "weekend" else Point.of("weekend", ref.first)
        found = dated("unit_relative", p, mod=mod)
        return _earlier_later(found, pmod, ctx)
    if rel in ("the previous", "the preceding", "the prior", "previous", "the following",
               "the next", "following", "the ensuing"):
        step = -1 if rel in ("the previous", "the preceding", "the prior", "previous") else 1
        ref = ctx.reference("day" if gran == "day" else gran)
        if ref is None and rel == "the next" and gran != "day":
            ref = ctx.dct_point(gran)
        if ref is None and gran in ("year", "month", "week") and step < 0:
            ref = ctx.dct_point(gran)
        if ref is None:
            return unresolved("unit_relative", _UNRESOLVED[gran], mod=mod)
        base = ref.at(gran) if gran != "weekend" else Point.of("weekend", ref.first)
        p = base.shift(step, "week" if gran == "weekend" else gran)
        return dated("unit_relative", p, mod=mod) if p else None
    if ctx.dct is None:
        return unresolved("unit_relative", _UNRESOLVED[gran], mod=mod)
    if gran == "weekend":
        return _weekend(m, ctx, rel, mod)
    base = Point.of(gran, ctx.dct)
    step = {"last": -1, "past": -1, "this past": -1, "previous": -1, "this": 0,
            "the current": 0, "next": 1, "coming": 1, "the coming": 1,
            "this coming": 1}.get(rel)
    if step is None:
        return None
    p = base.shift(step)
    if p is None:
        return None
    found = dated("unit_relative", p, mod=mod)
    if step == 0:
        found = _earlier_later(found, pmod, ctx)
    return found


def _weekend(m: re.Match, ctx: Context, rel: str, mod: str | None) -> Found | None:
    """Which weekend: on a Saturday or Sunday "this/the weekend" is the current one; "last"
    is the one before the DCT's week, "next"/"coming" the next one still ahead; otherwise
    the tense decides between the weekend just past and the one ahead."""
    dct = ctx.dct
    current = Point.of("weekend", dct)  # the weekend of the DCT's ISO week
    in_weekend = dct.isoweekday() >= 6
    if rel in ("last", "past", "previous", "this past"):
        p = current if rel == "this past" and in_weekend else current.shift(-1)
    elif rel in ("next", "coming", "the coming", "this coming"):
        late_in_week = dct.isoweekday() >= (5 if rel == "next" else 6)
        p = current.shift(1) if late_in_week else current
    elif in_weekend:
        p = current
    else:
        tense = ctx.tense(m.start(), m.end())
        ahead = tense == FUTURE or rel == "this" and tense != PAST
        p = current if ahead else current.shift(-1)
    return dated("unit_relative", p, mod=mod) if p else None


def _past_unit_duration(m: re.Match, ctx: Context, unit: str, mod: str | None) -> Found:
    """"the past week", "the last year": a one-unit duration ending at the DCT."""
    code = _duration_code(1, unit)
    found = Found("DURATION", code, "unit_relative", mod, None, sets_reference=False,
                  precision=_PRECISION.get(unit, "unknown"), bounded=True)
    if ctx.dct is not None:
        start = _move_date(ctx.dct, -1, unit)
        if start is not None:
            found.earliest, found.latest = start, ctx.dct
    return found


def _pod_relative(m: re.Match, ctx: Context, rel: str, pod: str, mod: str | None
                  ) -> Found | None:
    """"this morning", "last night", "that evening", "the next morning"."""
    if rel in ("this", "the current"):
        base = ctx.dct_point("day")
    elif rel == "last":
        if pod not in ("NI", "EV"):
            return None
        base = Point("day", ctx.dct - timedelta(days=1)) if ctx.dct else None
    elif rel in ("that", "the same", "that same", "the"):
        base = ctx.reference("day")
        if base is None and rel == "the":
            base = ctx.dct_point("day")
    elif rel in ("the next", "the following", "following", "next"):
        ref = ctx.reference("day")
        base = ref.shift(1) if ref else None
    elif rel in ("the previous", "the preceding", "previous"):
        ref = ctx.reference("day")
        base = ref.shift(-1) if ref else None
    else:
        return None
    if base is None:
        return unresolved("unit_relative", f"XXXX-XX-XXT{pod}", "TIME", mod)
    return dated("unit_relative", base.with_pod(pod), "TIME", mod)


# a noun (and a modifier) and "on" a day or date, after a hyphenated part of the day
_DAY_AFTER_THE_NOUN = re.compile(
    r"\s+[a-z]+(?:\s+[a-z]+)?\s+on\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)")


@rule("part_of_day",
      r"(?:(?P<pmod>early|late|mid)[\s-]?(?:in<S>the<S>)?(?P<pod><POD>)|(?P<mid>midafternoon|"
      r"midmorning|mid-morning|mid-afternoon|overnight))(?!\w)"
      r"(?:(?:<S>|,<S>)(?:on<S>)?(?P<day>yesterday|today|tomorrow|<WEEKDAY>)(?!\w)"
      r"(?:<S>into<S><WEEKDAY>(?!\w))?|<S>into<S>(?P<into>today|<WEEKDAY>)(?!\w))?",
      {"early", "late", "mid", "midafternoon", "midmorning", "overnight"},
      needs=POD_NEEDS + ("overnight",))
def _part_of_day(m: re.Match, ctx: Context) -> Found | None:
    from .helpers import weekday_of

    word = norm(m["mid"]) if m["mid"] else ""
    if "-" in m.group() and not m["day"] and not m["into"] and \
            _DAY_AFTER_THE_NOUN.match(ctx.text, m.end()):
        return None  # "a late-night address on May 11": the day after the noun dates it
    if word == "overnight":
        pod, mod = "NI", None
    elif word:
        pod = "MO" if "morning" in word else "AF"
        mod = "MID"
    else:
        pod, mod = lx.PARTS_OF_DAY[m["pod"].lower()], part_mod(m["pmod"])
    day = None
    if m["day"]:
        d = norm(m["day"])
        if d in _DAY_WORDS and ctx.dct is not None:
            day = Point("day", ctx.dct + timedelta(days=_DAY_WORDS[d]))
        elif d not in _DAY_WORDS:
            day = ctx.weekday(weekday_of(d), m.start(), m.end(), None)
    elif m["into"]:
        # "overnight into Wednesday": the night that ends on Wednesday
        d = norm(m["into"])
        end = Point("day", ctx.dct) if d == "today" and ctx.dct is not None else \
            None if d == "today" else ctx.weekday(weekday_of(d), m.start(), m.end(), None)
        day = end.shift(-1) if end is not None else None
    elif word == "overnight":
        nxt = ctx.text[m.end():m.end() + 20].lower()
        if re.match(r"\s*(?:success|sensation|stay|stays|flight|train|bus)\b", nxt):
            return None
        ref = ctx.reference("day")
        evening = ref is not None and ctx.last_day is not None and \
            ctx.last_day.pod in ("EV", "NI") and ctx.last_day_pos >= 0 and \
            0 <= ctx.sentences.index(m.start()) - ctx.sentences.index(ctx.last_day_pos) <= 1
        if evening:
            # after an evening, the night that follows it ("on Wednesday evening ... climbed
            # overnight", "clashed on Wednesday evening. Police arrested 50 people overnight")
            day = ref
        elif ref is not None and ctx.same_sentence(ctx.last_day_pos, m.start()):
            # "Tuesday morning ... had hit ... overnight": news report the night before the
            # day they talk about, i.e. from the previous evening to that morning
            day = ref.shift(-1)
        elif ctx.dct is not None:
            day = Point("day", ctx.dct - timedelta(days=1))
    else:
        prev = prev_word(ctx, m.start())
        if prev == "the":
            return None
        ref = ctx.reference("day")
        # the story's day: "The crisis came to a head on 9 July ... By early afternoon they
        # had broken through police lines" (the day told, not the DCT's)
        day = ref if ref is not None and ctx.last_day_pos >= 0 and (
            ctx.same_sentence(ctx.last_day_pos, m.start()) or
            narrative_day(ctx, ref, m.start()) and
            (ctx.dct is None or ref.day <= ctx.dct)) else ctx.dct_point("day")
        # (not a day ahead: "Voters go to the polls on November 5. Harris held a rally by
        # late afternoon")
    if day is None:
        return unresolved("part_of_day", f"XXXX-XX-XXT{pod}", "TIME", mod)
    return dated("part_of_day", day.with_pod(pod), "TIME", mod)


# -- ago, later, earlier ---------------------------------------------------------------------

_PRECISION = {"second": "second", "minute": "minute", "hour": "hour", "day": "day",
              "night": "day", "week": "week", "weekend": "week", "fortnight": "week",
              "month": "month", "quarter": "quarter", "year": "year", "decade": "decade",
              "century": "century", "millennium": "century"}
_GRAN_FOR_UNIT = {"day": "day", "night": "day", "week": "week", "fortnight": "week",
                  "weekend": "week", "month": "month", "quarter": "quarter", "year": "year",
                  "decade": "year", "century": "year", "millennium": "year"}
_DATE_MODS = {"APPROX": "APPROX", "LESS_THAN": "APPROX", "MORE_THAN": "BEFORE",
              "EQUAL_OR_MORE": "ON_OR_BEFORE", "EQUAL_OR_LESS": "ON_OR_AFTER"}


def _move_date(d: date, n: float, unit: str) -> date | None:
    p = Point("day", d).shift(n, _unit_for_shift(unit))
    return p.first if p else None


def _unit_for_shift(unit: str) -> str:
    return {"night": "day", "weekend": "week"}.get(unit, unit)


@rule("ago",
      r"(?:(?P<qmod><QMOD>)<S>)?(?P<q>(?:<NUM>|<VAGUE>)(?:<S>and<S>a<S>half)?|half<S>an?|"
      r"a<S>half|an?)?<S>?(?:more<S>|full<S>|long<S>)?(?P<unit><UNIT>)(?!\w)"
      r"(?P<half><S>and<S>a<S>half)?(?P<orso><S>or<S>so)?<S>(?P<dir>ago|earlier|later|before|"
      r"after|previously|hence|from<S>now|back|prior)(?!\w)",
      QMOD_WORDS | NUMBER_TRIGGERS | {u for u in lx.UNITS if u.endswith("s") or u in (
          "centuries", "millennia")} | {"a", "an"},
      needs=("ago", "earlier", "later", "before", "after", "previously", "hence", "from now",
             "back", "prior"))
def _ago(m: re.Match, ctx: Context) -> Found | None:
    unit = lx.UNITS[norm(m["unit"])] if norm(m["unit"]) in lx.UNITS else None
    direction = norm(m["dir"])
    nxt = ctx.text[m.end():m.end() + 30]
    if unit is None:
        return None
    if direction in ("before", "after", "prior") and not re.match(
            r"\s*(?:[,.;:!?)\"'”’—–]|-\s|$|and\b|when\b|that\b)", nxt):
        return None
    if direction == "back" and not re.match(r"\s*(?:[,.;:!?)\"'”’—–]|$|in\b|when\b|from\b)",
                                            nxt):
        return None
    q_text = m["q"]
    plural = norm(m["unit"]).endswith("s") or norm(m["unit"]) in ("centuries", "millennia")
    if q_text is None and not plural:
        return None
    if q_text is None:
        n, rng = None, (2, 9)
    else:
        n, rng = quantity(q_text + (" and a half" if m["half"] else ""))
        if n is None and rng is None:
            return None
    mod = _DATE_MODS.get(quant_mod(m["qmod"]) or "", None)
    if m["orso"]:
        mod = "APPROX"
    sign = -1 if direction in ("ago", "earlier", "before", "previously", "back", "prior") \
        else 1
    narrative = direction in ("earlier", "later", "before", "after", "prior")
    gran = _GRAN_FOR_UNIT.get(unit)
    time_unit = unit in ("second", "minute", "hour")
    type_ = "TIME" if time_unit else "DATE"
    comparison = unit == "year" and n == 1 and sign < 0
    if comparison and (narrative or direction == "ago"):
        period = ctx.reporting_period(m.start())
        if period is not None:
            p = period.shift(-1, "year")
            if p is not None:
                return dated("ago", p, type_, mod, sets_reference=False)
    if narrative:
        if time_unit:
            base = ctx.last if ctx.last is not None and ctx.last.is_time else None
        else:
            base = ctx.reference("day" if unit in ("day", "night", "week") else None)
            if base is None and unit in ("year", "decade", "century") and ctx.dct:
                base = Point.of("year", ctx.dct)
    elif time_unit:
        base = None
        if ctx.dct_time is not None:
            t = ctx.dct_time
            base = Point("minute", t.date(), None, t.hour, t.minute, 0, t.tzinfo)
    else:
        base = Point.of(gran, ctx.dct) if ctx.dct is not None else None
    if base is None:
        value = _UNRESOLVED.get(gran or "day", "XXXX-XX-XX") if not time_unit else \
            "XXXX-XX-XXTXX:XX"
        return unresolved("ago", value, type_, mod, precision=_PRECISION[unit])
    if n is None:
        return _vague_shift(m, ctx, base, sign, rng, unit, type_, mod)
    p = base.shift(sign * n, _unit_for_shift(unit))
    if p is None:
        return unresolved("ago", _UNRESOLVED.get(base.gran, "XXXX-XX-XX"), type_, mod,
                          precision=_PRECISION[unit])
    if not narrative and unit in ("decade", "century", "millennium"):
        p = p.at("year")
    return dated("ago", p, type_, mod, sets_reference=not comparison)


def _vague_shift(m: re.Match, ctx: Context, base: Point, sign: int, rng: tuple[int, int],
                 unit: str, type_: str, mod: str | None) -> Found:
    """"a few weeks ago": a bounded interval; the value keeps the digits both ends share."""
    lo_n, hi_n = rng
    near = base.shift(sign * lo_n, _unit_for_shift(unit))
    far = base.shift(sign * hi_n, _unit_for_shift(unit))
    if near is None or far is None:
        if base.is_time:
            # "Hours later" after "On Thursday morning": no clock time to count from
            return unresolved("ago", "XXXX-XX-XXTXX:XX", type_, mod,
                              precision=_PRECISION[unit])
        ref = "PAST_REF" if sign < 0 else "FUTURE_REF"
        return Found(type_, ref, "ago", mod, None, sets_reference=False)
    first, last = (far, near) if sign < 0 else (near, far)
    a, b = first.value(), last.value()
    common = 0
    while common < min(len(a), len(b)) and a[common] == b[common]:
        common += 1
    if common >= 3 and common < len(a):
        value = a[:common] + "".join("X" if c.isdigit() else c for c in a[common:])
    elif common == len(a):
        value = a
    else:
        value = "PAST_REF" if sign < 0 else "FUTURE_REF"
    lo, hi = first.bounds()[0], last.bounds()[1]
    edtf = None if first.is_time else f"{lo.isoformat()}/{hi.isoformat()}"
    return Found(type_, value, "ago", mod, None, earliest=lo, latest=hi, edtf=edtf,
                 precision=_PRECISION[unit], sets_reference=False, bounded=True)


@rule("year_ago_adj",
      r"(?P<w>year-(?:earlier|ago)|a<S>year<S>(?:earlier|ago)|year<S>(?:earlier|ago))(?!\w)"
      r"(?!<S>(?:quarter|period))",
      {"year", "a"})
def _year_ago_adj(m: re.Match, ctx: Context) -> Found | None:
    if m["w"].lower().startswith("a"):
        return None
    ref = ctx.reporting_period(m.start()) or ctx.dct_point("year")
    if ref is None:
        return unresolved("year_ago_adj", "XXXX")
    p = ref.shift(-1, "year")
    return dated("year_ago_adj", p, sets_reference=False) if p else None


_MONEY_BEFORE = re.compile(r"(?:[$#£€]|\b(?:C\$|US\$))\s?[\d.,]+(?:\s+(?:million|billion))?"
                          r"(?:,?\s+or\s+[^,;.]{1,30}?)?,?\s*\Z", re.I)


@rule("year_comparison",
      r"last<S>year(?!\w)(?!['’]s)", {"last"}, priority=-1,
      needs=("year",))
def _year_comparison(m: re.Match, ctx: Context) -> Found | None:
    """"compared with $3 million last year": the same period of the previous year."""
    if not _MONEY_BEFORE.search(ctx.text, max(0, m.start() - 60), m.start()):
        return None
    period = ctx.reporting_period(m.start())
    if period is None:
        return None
    p = period.shift(-1, "year")
    return dated("year_comparison", p, sets_reference=False) if p else None


@rule("year_period",
      r"the<S>(?P<adj>(?:(?:full|current|fiscal|calendar|financial|latest|entire|whole)<S>)*)"
      r"year(?!\w)(?!-\w)(?P<tail><S>(?:ended|ending|that<S>ended|that<S>ends|to<S>date))?",
      {"the"},
      needs=("year",))
def _year_period(m: re.Match, ctx: Context) -> Found | None:
    """"the year ended Sept. 30" (a duration), "the full year", "the current fiscal year"."""
    adj = set(norm(m["adj"]).split())
    if m["tail"]:
        return Found("DURATION", "P1Y", "year_period", None, None, sets_reference=False,
                     precision="year")
    if not adj:
        prev = prev_word(ctx, m.start())
        nxt = ctx.text[m.end():m.end() + 3]
        if prev not in ("for", "during", "throughout", "of") or not re.match(r"\s*[,.;]|\s+of\b",
                                                                           nxt):
            return None
    if ctx.dct is None:
        return unresolved("year_period", "XXXX")
    year = ctx.dct.year - (1 if "latest" in adj else 0)
    return dated("year_period", Point("year", date(year, 1, 1)))


@rule("year_end",
      r"(?P<w>year[\s-]end|year['’]s<S>end)(?!\w)", {"year"})
def _year_end(m: re.Match, ctx: Context) -> Found | None:
    if ctx.dct is None:
        return unresolved("year_end", "XXXX", mod="END")
    since = prev_word(ctx, m.start()) == "since" or ctx.tense(m.start(), m.end()) == PAST
    return dated("year_end", Point("year", date(ctx.dct.year - since, 1, 1)), mod="END")


@rule("day_before_after",
      r"the<S>(?:(?P<what>day|night|morning|evening|week|month|year)<S>)(?P<dir>before|after)"
      r"(?!\w)",
      {"the"},
      needs=("before", "after"))
def _day_before_after(m: re.Match, ctx: Context) -> Found | None:
    nxt = ctx.text[m.end():m.end() + 20]
    if not re.match(r"\s*(?:[,.;:!?)\"'”’—–]|$)", nxt):
        return None
    what = m["what"].lower()
    step = -1 if m["dir"].lower() == "before" else 1
    gran = {"night": "day", "morning": "day", "evening": "day"}.get(what, what)
    ref = ctx.reference("day" if gran == "day" else gran)
    if ref is None:
        return unresolved("day_before_after", _UNRESOLVED[gran])
    p = ref.at(gran).shift(step)
    if p is None:
        return None
    if what in ("night", "morning", "evening"):
        return dated("day_before_after", p.with_pod(lx.PARTS_OF_DAY[what]), "TIME")
    return dated("day_before_after", p)


# -- durations (shared with the duration rules) --------------------------------------------

def _duration_code(n: float | None, unit: str) -> str:
    """TimeML duration value: ``P3D``, ``PT2H``, ``P2Y6M``; ``PXD`` for unknown counts."""
    unit = _unit_for_shift(unit)
    if n is None:
        return {"second": "PTXS", "minute": "PTXM", "hour": "PTXH", "day": "PXD",
                "week": "PXW", "fortnight": "PXW", "month": "PXM", "quarter": "PXQ",
                "year": "PXY", "decade": "PXE", "century": "PXC",
                "millennium": "PXL"}.get(unit, "PXX")
    scale = {"decade": ("year", 10), "century": ("year", 100), "millennium": ("year", 1000),
             "fortnight": ("week", 2)}
    if unit in scale:
        unit, factor = scale[unit]
        n = n * factor
    letters = {"second": "TS", "minute": "TM", "hour": "TH", "day": "D", "week": "W",
               "month": "M", "quarter": "Q", "year": "Y"}
    if n == int(n):
        code = letters[unit]
        return f"P{'T' if code.startswith('T') else ''}{int(n)}{code[-1]}"
    whole = int(n)
    frac = n - whole
    sub = {"year": (12, "M", ""), "month": None, "week": (7, "D", ""), "day": (24, "H", "T"),
           "hour": (60, "M", "T"), "minute": (60, "S", "T"), "quarter": (3, "M", "")}[unit] \
        if unit != "month" else None
    if sub is not None and (frac * sub[0]) == int(frac * sub[0]):
        amount, letter, t = sub
        head = letters[unit]
        head_text = f"{whole}{head[-1]}" if whole else ""
        if unit == "quarter":
            return f"P{int(n * 3)}M"
        if unit == "week":
            return f"P{int(n * 7)}D"
        prefix = "PT" if head.startswith("T") else "P"
        middle = "T" if t and not head.startswith("T") else ""
        return f"{prefix}{head_text}{middle}{int(frac * amount)}{letter}"
    code = letters[unit]
    return f"P{'T' if code.startswith('T') else ''}{n:g}{code[-1]}"
