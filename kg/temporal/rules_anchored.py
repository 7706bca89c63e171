"""Rules for expressions anchored on an event rather than on the calendar: "the early days of
the war", "the start of the invasion", "three weeks into the siege", "a year after the
earthquake". They resolve only through the caller's ``anchors`` ({"war": date(2022, 2, 24)})
or an anchor stated in the text ("the war, which began on 24 February 2022"); otherwise they
are returned unresolved."""

from __future__ import annotations

import re
from datetime import date, timedelta

from . import lexicon as lx
from .context import Context, Found
from .helpers import norm, quantity, unresolved
from .points import Point, add_months, covering_point
from .rulebook import NUMBER_TRIGGERS, expand, rule
from .rules_relative import _GRAN_FOR_UNIT, _PRECISION

# Event nouns that make an anchored phrase worth reporting even without a known anchor.
EVENT_NOUNS = frozenset("""
war invasion full-scale conflict pandemic epidemic outbreak crisis siege occupation offensive
counteroffensive counter-offensive revolution uprising protests protest ceasefire truce
earthquake attack attacks strike strikes election elections referendum coup blockade bombing
bombings campaign fighting hostilities lockdown recession flood floods storm hurricane fire
wildfire talks negotiations summit operation assault battle shelling evacuation mobilisation
mobilization annexation withdrawal incursion raid war's deal agreement crash disaster
""".split())

_KEY = r"(?P<key>[A-Za-z][\w'’-]*(?:<S>[A-Za-z][\w'’-]*){0,3})"
_PART_LENGTH = {  # how long "the early/first N of" lasts, in days
    "day": 0, "days": 13, "week": 6, "weeks": 27, "month": 30, "months": 91, "hour": 0,
    "hours": 0, "year": 364, "years": 3 * 365, "stage": 30, "stages": 30, "phase": 60,
    "phases": 60, "moment": 0, "moments": 1,
}


# The precision of "the first days of ...": a span of about two weeks is known to the week.
_PART_PRECISION = {"day": "day", "days": "week", "week": "week", "weeks": "month",
                   "month": "month", "months": "quarter", "hour": "hour", "hours": "day",
                   "year": "year", "years": "year"}


def _resolve_key(m: re.Match, ctx: Context) -> tuple[str | None, date | None, int]:
    """The longest leading run of key words that is a known anchor or an event noun; returns
    (key, anchor date or None, end offset of the key)."""
    words = list(re.finditer(r"[A-Za-z][\w'’-]*", m["key"]))
    for n in range(len(words), 0, -1):
        key = m["key"][: words[n - 1].end()]
        anchor = ctx.anchor(key)
        if anchor is not None:
            return key, anchor, m.start("key") + words[n - 1].end()
    for n in range(len(words), 0, -1):
        key = m["key"][: words[n - 1].end()]
        if norm(key).split()[-1] in EVENT_NOUNS:
            return key, None, m.start("key") + words[n - 1].end()
    return None, None, m.end()


def _interval(rule: str, lo: date, hi: date, precision: str, mod: str | None) -> Found:
    p = covering_point(lo, hi)
    return Found("DATE", p.value(), rule, mod, p, earliest=lo, latest=hi,
                 edtf=lo.isoformat() if lo == hi else f"{lo.isoformat()}/{hi.isoformat()}",
                 precision=precision, bounded=True, sets_reference=False)


@rule("anchored_part",
      r"the<S>(?P<part>early|earliest|first|opening|initial|final|last|closing|later|latter|"
      r"first<S>few|last<S>few)<S>(?P<unit>days?|weeks?|months?|hours?|years?|stages?|"
      r"phases?|moments?)<S>of<S>(?:the<S>|this<S>|that<S>)?" + _KEY,
      ["the"],
      needs=(" of ",))
def _anchored_part(m: re.Match, ctx: Context) -> Found | None:
    key, anchor, key_end = _resolve_key(m, ctx)
    if key is None:
        return None
    part = norm(m["part"])
    unit = m["unit"].lower()
    end_shift = m.end() - key_end
    start_of = part in ("early", "earliest", "first", "opening", "initial", "first few")
    mod = "START" if start_of else "END"
    if anchor is None or not start_of:
        if unit.rstrip("s") not in ("day", "week", "month", "hour", "year"):
            return None  # "the early stage of the attack": not a time expression by itself
        return unresolved("anchored_part", "XXXX-XX-XX", mod=mod, end_shift=end_shift)
    length = _PART_LENGTH.get(unit, 30)
    found = _interval("anchored_part", anchor, anchor + timedelta(days=length),
                      _PART_PRECISION.get(unit, "month"), mod)
    found.end_shift = end_shift
    return found


@rule("anchored_point",
      r"the<S>(?P<what>start|beginning|outbreak|onset|eve|launch|first<S>day|"
      r"(?:first|second|third|fourth|fifth|\d+(?:st|nd|rd|th))<S>anniversary|anniversary|"
      r"first<S>(?:week|month|year))<S>of<S>(?:the<S>|this<S>|that<S>)?" + _KEY,
      ["the"],
      needs=(" of ",))
def _anchored_point(m: re.Match, ctx: Context) -> Found | None:
    from .numbers import parse_ordinal

    key, anchor, key_end = _resolve_key(m, ctx)
    if key is None:
        return None
    what = norm(m["what"])
    end_shift = m.end() - key_end
    if anchor is None:
        return None  # "the outbreak of the war" names an event; without its date, no time
    if what in ("start", "beginning", "outbreak", "onset", "launch", "first day"):
        found = Found("DATE", anchor.isoformat(), "anchored_point", None,
                      Point("day", anchor), sets_reference=False)
    elif what == "eve":
        d = anchor - timedelta(days=1)
        found = Found("DATE", d.isoformat(), "anchored_point", None, Point("day", d),
                      sets_reference=False)
    elif what.startswith("first ") and what.split()[1] in ("week", "month", "year"):
        unit = what.split()[1]
        hi = {"week": anchor + timedelta(days=6),
              "month": add_months(anchor, 1) - timedelta(days=1),
              "year": add_months(anchor, 12) - timedelta(days=1)}[unit]
        found = _interval("anchored_point", anchor, hi, unit, "START")
    else:
        n = 1 if what == "anniversary" else parse_ordinal(what.split()[0]) or 1
        d = add_months(anchor, 12 * n)
        found = Found("DATE", d.isoformat(), "anchored_point", None, Point("day", d),
                      sets_reference=False)
    found.end_shift = end_shift
    return found


@rule("anchored_offset",
      r"(?P<q><NUM>|<VAGUE>|an?)<S>(?P<unit><UNIT>)<S>(?P<dir>into|after|before|since)<S>"
      r"(?:the<S>|this<S>|that<S>)?" + _KEY,
      NUMBER_TRIGGERS | {"a", "an"}, needs=(" into ", " after ", " before ", " since "))
def _anchored_offset(m: re.Match, ctx: Context) -> Found | None:
    key, anchor, key_end = _resolve_key(m, ctx)
    if key is None or anchor is None:
        return None  # leave "three days" to the duration rule
    unit = lx.UNITS.get(norm(m["unit"]))
    n, rng = quantity(m["q"])
    if unit is None or m["dir"].lower() == "since" or (n is None and rng is None):
        return None
    sign = -1 if m["dir"].lower() == "before" else 1
    end_shift = m.end() - key_end
    base = Point("day", anchor)
    gran = _GRAN_FOR_UNIT.get(unit, "day")
    if n is None:
        near = base.shift(sign * rng[0], {"weekend": "week", "night": "day"}.get(unit, unit))
        far = base.shift(sign * rng[1], {"weekend": "week", "night": "day"}.get(unit, unit))
        if near is None or far is None:
            return None
        lo, hi = sorted((near.first, far.first))
        found = _interval("anchored_offset", lo, hi, _PRECISION.get(unit, "day"), None)
    else:
        p = base.shift(sign * n, {"weekend": "week", "night": "day"}.get(unit, unit))
        if p is None:
            return None
        p = p.at(gran) if gran in ("month", "year", "week", "quarter") else p
        found = Found("DATE", p.value(), "anchored_offset", None, p, sets_reference=False)
    found.end_shift = end_shift
    return found


# An anchor stated in the text: "the war, which began on 24 February 2022".
ANCHOR_INTRO = re.compile(expand(
    r"(?:the<S>)?(?P<key>[A-Za-z][\w'’-]*(?:<S>[A-Za-z][\w'’-]*){0,2}),?<S>(?:that<S>|which<S>)?"
    r"(?:began|started|broke<S>out|erupted|was<S>launched|kicked<S>off|was<S>declared)"
    r"(?:<S>on|<S>in)?<S>?\Z"), re.I)


_INTRO_VERBS = ("began", "started", "broke out", "erupted", "launched", "kicked off",
                 "declared")


def text_anchor_keys(text: str, start: int) -> list[str]:
    """Event keys introduced right before offset ``start`` ("the invasion began on ...")."""
    window = text[max(0, start - 24):start].lower()
    if not any(verb in window for verb in _INTRO_VERBS):
        return []
    m = ANCHOR_INTRO.search(text, max(0, start - 80), start)
    if not m:
        return []
    words = m["key"].split()
    return [" ".join(words[i:]) for i in range(len(words)) if words[-1].lower() in EVENT_NOUNS
            or " ".join(words[i:]).lower() in EVENT_NOUNS]
