"""Word lists of English temporal language and the regex fragments built from them.

Everything here is data: names of months, weekdays, seasons, parts of the day, units, number
words, modifiers and time zones, each mapped to its normalised form. The fragments are plain
strings meant to be embedded in the rule patterns of :mod:`kg.temporal.rules`.
"""

from __future__ import annotations

from datetime import timedelta, timezone

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS: dict[str, int] = {  # ISO weekday numbers
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
    "sunday": 7,
}
WEEKDAY_ABBREVIATIONS: dict[str, int] = {
    "mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4, "fri": 5,
    "sat": 6, "sun": 7,
}
SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI",
}
# TimeML part-of-day codes.
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "dawn": "MO",
    "daybreak": "MO", "dusk": "EV", "nightfall": "EV",
}
# Time units: word (singular or plural) -> unit code used by kg.temporal.calendar.
UNITS: dict[str, str] = {}
for _unit, _words in {
    "second": ("second", "seconds", "sec", "secs"),
    "minute": ("minute", "minutes", "min", "mins"),
    "hour": ("hour", "hours", "hr", "hrs"),
    "day": ("day", "days", "trading day", "trading days", "business day", "business days",
            "working day", "working days", "session", "sessions"),
    "night": ("night", "nights"),
    "week": ("week", "weeks", "business week", "business weeks"),
    "weekend": ("weekend", "weekends"),
    "fortnight": ("fortnight", "fortnights"),
    "month": ("month", "months"),
    "quarter": ("quarter", "quarters"),
    "year": ("year", "years", "yr", "yrs"),
    "decade": ("decade", "decades"),
    "century": ("century", "centuries"),
    "millennium": ("millennium", "millennia", "millenniums"),
}.items():
    for _w in _words:
        UNITS[_w] = _unit

NUMBER_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}
for _tens, _base in (("twenty", 20), ("thirty", 30)):
    for _word, _n in list(ORDINALS.items())[:9]:
        ORDINALS[f"{_tens}-{_word}"] = _base + _n
        ORDINALS[f"{_tens} {_word}"] = _base + _n
ORDINALS["last"] = 4  # "the last quarter" of a year

# Quantities that stand for an unknown number ("a few days" -> PXD) with a plausible range.
VAGUE_QUANTITIES: dict[str, tuple[int, int]] = {
    "a few": (2, 5), "few": (2, 5), "several": (3, 9), "some": (2, 9), "many": (5, 30),
    "a number of": (3, 12), "a couple of": (2, 2), "couple of": (2, 2), "a couple": (2, 2),
    "dozens of": (24, 120), "hundreds of": (200, 1200), "numerous": (5, 30),
}

# Approximation and comparison modifiers -> TimeML mod ("just" and "only" stay outside the
# expression, as in TimeML: "just [over an hour]").
QUANT_MODS: dict[str, str] = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "some": "APPROX", "circa": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN",
    "less than": "LESS_THAN", "fewer than": "LESS_THAN",
    "under": "LESS_THAN", "more than": "MORE_THAN", "over": "MORE_THAN",
    "longer than": "MORE_THAN", "at least": "EQUAL_OR_MORE",
    "no less than": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS", "within": "EQUAL_OR_LESS", "well over": "MORE_THAN",
    "barely": "LESS_THAN", "another": None,
    "an additional": None, "a full": None, "a further": None,
}
# Position-in-period modifiers -> TimeML mod.
PART_MODS: dict[str, str] = {
    "early": "START", "earlier": "START", "mid": "MID", "middle": "MID", "late": "END",
    "later": "END", "the beginning of": "START", "the start of": "START",
    "the middle of": "MID", "the end of": "END", "the close of": "END",
    "the turn of": "START", "the dawn of": "START", "the early part of": "START",
    "the latter part of": "END", "the first part of": "START",
    "the last part of": "END", "the second half of": "END", "the first half of": "START",
    "the latter half of": "END", "the last half of": "END",
}
# Time zone abbreviations with their UTC offsets (hours); ambiguous ones are left out.
TIME_ZONES: dict[str, timezone] = {
    name: timezone(timedelta(hours=hours), name) for name, hours in {
        "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "BST": 1, "CET": 1, "WAT": 1, "CEST": 2,
        "EET": 2, "CAT": 2, "SAST": 2, "EEST": 3, "MSK": 3, "EAT": 3, "GST": 4, "PKT": 5,
        "JST": 9, "KST": 9, "AEST": 10, "AEDT": 11, "NZST": 12, "EST": -5, "EDT": -4,
        "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7, "AKST": -9,
        "HST": -10,
    }.items()
}
TIME_ZONES["IST"] = timezone(timedelta(hours=5, minutes=30), "IST")

# Fixed-date holidays (month, day) and movable ones (computed in kg.temporal.calendar).
FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    "new year's day": (1, 1), "new year's eve": (12, 31), "christmas": (12, 25),
    "christmas day": (12, 25), "christmas eve": (12, 24), "boxing day": (12, 26),
    "valentine's day": (2, 14), "halloween": (10, 31), "independence day": (7, 4),
    "bastille day": (7, 14), "may day": (5, 1), "armistice day": (11, 11),
    "veterans day": (11, 11), "veterans' day": (11, 11), "st. patrick's day": (3, 17),
    "st patrick's day": (3, 17),
}
MOVABLE_HOLIDAYS = ("thanksgiving day", "thanksgiving", "easter sunday", "easter",
                    "good friday", "easter monday", "memorial day", "labor day",
                    "mother's day", "father's day")
# Head nouns of a treaty's, law's or declaration's name: a date or holiday in such a name
# ("the Good Friday Agreement") does not date anything, and the name is no party to events.
INSTRUMENTS = frozenset({"agreement", "agreements", "accord", "accords", "treaty", "treaties",
                         "convention", "act", "protocol", "charter", "constitution", "pact",
                         "declaration", "memorandum"})


def alternation(words, *, escape: bool = True) -> str:
    """A non-capturing regex alternation of ``words``, factored by common prefixes (a trie)
    so that ``re`` tries each character once; a space in a word matches any whitespace."""
    import re

    if not escape:
        items = sorted(set(words), key=lambda w: (-len(w), w))
        return "(?:" + "|".join(items) + ")"
    tree: dict = {}
    for word in set(words):
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node: dict) -> str:
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + render(child)
                    for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return "(?:" + render(tree) + ")"


MONTH_RE = alternation(MONTHS)
MONTH_ABBR_RE = r"(?:" + alternation(MONTH_ABBREVIATIONS) + r"\.?)"
# Full names or abbreviations; "May", "March" are only months when capitalised (checked later).
ANY_MONTH_RE = r"(?:" + MONTH_RE + "|" + MONTH_ABBR_RE + r")"
WEEKDAY_RE = alternation(WEEKDAYS)
SEASON_RE = alternation(SEASONS)
POD_RE = alternation(PARTS_OF_DAY)
UNIT_RE = alternation(UNITS)
UNIT_SINGULAR_RE = alternation(
    [w for w in UNITS if w not in ("hrs", "yrs", "secs", "mins", "centuries", "millennia",
                                    "millenniums") and not w.endswith("s")])
UNIT_PLURAL_RE = alternation(
    [w for w in UNITS if w.endswith("s") or w in ("centuries", "millennia")])
# A cardinal number in words: "seven", "twenty-five", "two hundred", "a hundred", "a dozen".
_NUMBER_WORD = alternation([*NUMBER_WORDS, *TENS, "hundred", "thousand", "dozen"])
NUMBER_WORD_RE = (r"(?:(?:a|one|half\s+a|a\s+half)\s+(?:dozen|hundred|thousand)(?![^\W\d_])"
                  r"(?:(?:[\s-]+|\s+and\s+)" + _NUMBER_WORD + r"(?![^\W\d_]))*|" + _NUMBER_WORD
                  + r"(?![^\W\d_])(?:(?:[\s-]+|\s+and\s+)" + _NUMBER_WORD
                  + r"(?![^\W\d_]))*)")
NUMBER_DIGIT_RE = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s+1/2|\s*½)?)"
VAGUE_RE = alternation(VAGUE_QUANTITIES)
ORDINAL_RE = alternation(ORDINALS)
QUANT_MOD_RE = alternation(QUANT_MODS)
PART_MOD_RE = alternation(PART_MODS)
TIME_ZONE_RE = alternation([z for z in TIME_ZONES if z != "Z"], escape=False)
