"""Rules for clock times: "3 p.m.", "10:35 a.m. Wednesday", "14:00 GMT", "0900 GMT",
"noon Thursday", "midnight"."""

from __future__ import annotations

import re
from datetime import timedelta

from . import lexicon as lx
from .context import Context, Found
from .helpers import dated, day_of, month_of, norm, unresolved, weekday_of
from .points import Point
from .rulebook import FOUR_DIGITS, SHORT_NUMBER, WEEKDAY_WORDS, rule
from .textscan import prev_words


def _day_ref(prefix: str) -> str:
    """A day next to a time ("Tuesday", "today", "May 16"), with prefixed group names."""
    p = prefix
    return (rf"(?:(?:(?P<{p}wrel>last|this|next)<S>)?(?P<{p}wd><WEEKDAY>)"
            rf"(?:,?<S>(?P<{p}mon><MONTH>)<S>?(?P<{p}day><DAY>)"
            rf"(?:,?<S>(?P<{p}year>[12]\d{{3}}))?)?|(?P<{p}rel>today|tonight|tomorrow|"
            rf"yesterday)|(?P<{p}mon2><MONTH>)<S>?(?P<{p}day2><DAY>)(?:,?<S>(?P<{p}year2>"
            rf"[12]\d{{3}}))?|(?P<{p}day3><DAY>)<S>(?P<{p}mon3><MONTH>)(?:,?<S>(?P<{p}year3>"
            rf"[12]\d{{3}}))?)(?!\w)")


_TZ = r"(?:<S>?\(?(?P<tz><TZ>|GMT|UTC)\)?(?!\w)|<S>(?P<local>local|[A-Z][a-z]+)<S>time)?"
_AFTER = r"(?:(?:<S>\([^()\n]{1,24}\))?(?:,?<S>(?:on<S>)?|<S>)" + _day_ref("a") + r")?"
_BEFORE = r"(?:" + _day_ref("b") + r"(?:,?<S>at|,|<S>at)?<S>)?"
_APPROX = r"(?:(?P<approx>about|around|approximately|roughly|at<S>about|at<S>around)<S>)?"


_CLOCK_PREFIXES = frozenset({"today", "tonight", "tomorrow", "yesterday", "about", "around",
                             "approximately", "roughly", "at"})


def _day_for(m: re.Match, ctx: Context, small_hours: bool = False) -> Point | None:
    """The day a clock time belongs to: the one written next to it, else the narrative
    reference day of the same sentence or of the two before ("... early on Tuesday. The ship
    hit a support at about 1:30 a.m."; after a night, the small hours are the next day's:
    "... overnight. A missile struck at around 4:00 am"), else the DCT."""
    from .rules_calendar import _day_point  # the same year logic as for dates

    for p in ("a", "b"):
        if m[p + "rel"]:
            word = m[p + "rel"].lower()
            if ctx.dct is None:
                return None
            return Point("day", ctx.dct + timedelta(days={"today": 0, "tonight": 0,
                                                           "tomorrow": 1,
                                                           "yesterday": -1}[word]))
        mon = m[p + "mon"] or m[p + "mon2"] or m[p + "mon3"]
        if mon:
            day = m[p + "day"] or m[p + "day2"] or m[p + "day3"]
            year = m[p + "year"] or m[p + "year2"] or m[p + "year3"]
            month = month_of(mon)
            if month is None:
                return None
            found = _day_point(ctx, m, month, day_of(day), int(year) if year else None,
                               weekday_of(m[p + "wd"]) if m[p + "wd"] else None, "clock")
            return found.point if found is not None else None
        if m[p + "wd"]:
            relation = m[p + "wrel"].lower() if m[p + "wrel"] else None
            return ctx.weekday(weekday_of(m[p + "wd"]), m.start(), m.end(), relation)
    if _entry_stamp(ctx.text, m):
        # "12:30 GMT - Ukraine says ...": a live page's entry stamp is of the page's own day,
        # not of the day the entry before it talked about
        return ctx.dct_point("day")
    ref = ctx.reference("day")
    if ref is not None and ctx.last_day_pos >= 0 and narrative_day(ctx, ref, m.start()):
        if small_hours and ctx.last_day is not None and ctx.last_day.pod == "NI":
            return ref.shift(1)
        return ref
    return ctx.dct_point("day")


def narrative_day(ctx: Context, ref: Point, start: int) -> bool:
    """The day last mentioned is still the story's: told in the same sentence or the two
    before, or up to five sentences back when it lies within a week before the DCT (the day a
    report narrates; not a background day: "the October 7 attack")."""
    gap = ctx.sentences.index(start) - ctx.sentences.index(ctx.last_day_pos)
    if gap <= 2:
        return True
    return gap <= 5 and ctx.dct is not None and \
        timedelta(0) <= ctx.dct - ref.day <= timedelta(days=7) and \
        not _SINCE_THEN.search(ctx.text, ctx.last_day_pos, start)


# a sentence that brings the story up to now ("Aid convoys have since reached the area")
_SINCE_THEN = re.compile(r"\b(?:ha(?:ve|s)\s+(?:since|now)|since\s+then)\b", re.I)


# A pluperfect right before a clock time: "Voting had started at 6 am" (before the night told)
_PLUPERFECT_BEFORE = re.compile(r"\bhad\s+(?:\w+\s+){0,2}$")
# What ends an entry's stamp: a dash or a colon, after a time zone's letters ("09:40 PT —").
_STAMP_END = re.compile(r"[ \t]*(?:[A-Z]{2,4}[ \t]*)?[-–—|:][ \t]")
# What may open the line before the stamp ("Update, 9:30 a.m.:").
_STAMP_LEAD = re.compile(r"(?:updated?|correction|breaking)?[ \t]*[,:]?[ \t]*", re.I)


def _entry_stamp(text: str, m: re.Match) -> bool:
    """Whether the time opens a line and a dash or colon follows it: an entry's time stamp."""
    line_start = text.rfind("\n", 0, m.start()) + 1
    return _STAMP_LEAD.fullmatch(text, line_start, m.start()) is not None and \
        _STAMP_END.match(text, m.end()) is not None


def _explicit_day(m: re.Match) -> bool:
    return any(m[p + k] for p in ("a", "b") for k in ("rel", "mon", "mon2", "mon3", "wd"))


def _tz_of(m: re.Match, ctx: Context):
    if m["tz"]:
        return lx.TIME_ZONES.get(m["tz"].upper())
    return None


def _make(m: re.Match, ctx: Context, rule: str, hour: int, minute: int, second: int = 0,
          gran: str = "minute") -> Found | None:
    if not (0 <= hour <= 24 and 0 <= minute < 60) or hour == 24 and minute:
        return None
    mod = "APPROX" if m["approx"] else None
    day = _day_for(m, ctx, small_hours=hour < 7 and
                   not _PLUPERFECT_BEFORE.search(ctx.text, max(0, m.start() - 40), m.start()))
    if day is None:
        clock = f"T{hour:02d}:{minute:02d}"
        return unresolved(rule, "XXXX-XX-XX" + clock, "TIME", mod)
    p = Point(gran, day.first, None, hour, minute, second, _tz_of(m, ctx))
    return dated(rule, p, "TIME", mod, sets_reference=_explicit_day(m) or True)


@rule("clock_ampm",
      _BEFORE + _APPROX + r"(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<m>[0-5]\d))?<S>?"
      r"(?P<ampm>[ap]\.<S>?m\.?|[ap]m(?!\w)|[AP]M(?!\w)|o['’]clock|in<S>the<S>(?:morning|"
      r"afternoon|evening|night))" + _TZ + _AFTER,
      WEEKDAY_WORDS | SHORT_NUMBER | _CLOCK_PREFIXES | set(lx.MONTHS)
      | set(lx.MONTH_ABBREVIATIONS),
      needs=("a.m", "p.m", "am", "pm", "a. m", "p. m", "o'clock", "o’clock", "in the"))
def _clock_ampm(m: re.Match, ctx: Context) -> Found | None:
    hour, minute = int(m["h"]), int(m["m"] or 0)
    marker = norm(m["ampm"]).replace(" ", "").replace(".", "")
    if marker.startswith("p") or any(w in marker for w in ("afternoon", "evening")) or \
            "night" in marker and hour < 12 and hour >= 6:
        hour = hour % 12 + 12
    elif marker.startswith("a") or "morning" in marker:
        hour = hour % 12
    return _make(m, ctx, "clock_ampm", hour, minute)


@rule("clock_24h",
      _BEFORE + _APPROX + r"(?<![\d:.,/])(?P<h>[01]?\d|2[0-3])[:h](?P<m>[0-5]\d)"
      r"(?::(?P<s>[0-5]\d))?(?![\d:]|[.,]\d)(?:<S>?(?:hrs|hours|h)(?!\w))?" + _TZ + _AFTER,
      WEEKDAY_WORDS | SHORT_NUMBER | _CLOCK_PREFIXES | set(lx.MONTHS)
      | set(lx.MONTH_ABBREVIATIONS),
      needs=(":",))
def _clock_24h(m: re.Match, ctx: Context) -> Found | None:
    if not (m["tz"] or m["local"] or _explicit_day(m)) and prev_words(
            ctx.text, m.start("h"), 1) in (["score"], ["won"], ["beat"], ["lost"], ["drew"]):
        return None  # a score, "won 3:1"
    if m["s"]:
        return _make(m, ctx, "clock_24h", int(m["h"]), int(m["m"]), int(m["s"]), "second")
    return _make(m, ctx, "clock_24h", int(m["h"]), int(m["m"]))


@rule("clock_military",
      _BEFORE + _APPROX + r"(?<![\d:.,/$])(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)<S>?"
      r"(?:(?P<tz><TZ>|GMT|UTC)(?!\w)|hrs(?!\w)|hours<S>(?:GMT|UTC|local<S>time)|"
      r"(?P<local>local)<S>time)" + _AFTER,
      WEEKDAY_WORDS | FOUR_DIGITS | _CLOCK_PREFIXES,
      needs=tuple(z.lower() for z in lx.TIME_ZONES if len(z) > 1) + ("hrs", "hours", "local"))
def _clock_military(m: re.Match, ctx: Context) -> Found | None:
    return _make(m, ctx, "clock_military", int(m["h"]), int(m["m"]))


@rule("clock_word",
      _BEFORE + _APPROX + r"(?P<w>noon|midday|mid-day|midnight)(?!\w)" + _TZ + _AFTER,
      WEEKDAY_WORDS | {"noon", "midday", "mid", "midnight", "today", "tonight", "tomorrow",
                       "yesterday", "about", "around", "approximately", "roughly", "at"},
      needs=("noon", "midday", "mid-day", "midnight"))
def _clock_word(m: re.Match, ctx: Context) -> Found | None:
    word = norm(m["w"])
    hour = 24 if word == "midnight" else 12
    if word == "midnight" and not _explicit_day(m) and ctx.dct is not None and \
            not _entry_stamp(ctx.text, m) and ctx.tense(m.start(), m.end()) == "past" and \
            _day_for(m, ctx) == ctx.dct_point("day"):
        # "the blast, which occurred shortly after midnight": the midnight that began the
        # day of the report (the end of the day before), not the one that ends it, which
        # lies after the report (also when the text last named the report's own day)
        day = ctx.dct_point("day").first - timedelta(days=1)
        p = Point("minute", day, None, 24, 0, 0, _tz_of(m, ctx))
        return dated("clock_word", p, "TIME", "APPROX" if m["approx"] else None,
                     sets_reference=True)
    if word == "midnight" and _explicit_day(m) and \
            ctx.text[max(0, m.start() - 12):m.start()].lower().rstrip().endswith("after"):
        # "ousted shortly after midnight last Friday": the midnight that began that Friday
        # (its T00:00), not the one that ended it
        day = _day_for(m, ctx)
        if day is not None and day.gran == "day":
            p = Point("minute", day.first, None, 0, 0, 0, _tz_of(m, ctx))
            return dated("clock_word", p, "TIME", "APPROX" if m["approx"] else None,
                         sets_reference=True)
    return _make(m, ctx, "clock_word", hour, 0)
