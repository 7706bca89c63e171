"""Counts of people killed and injured, read from the words around casualty verbs and nouns.

Policy (never invent a number):
- an exact number gives the count ("killing one 40-year-old man" -> 1, "12 people were
  killed" -> 12, "the death toll rose to 45" -> 45);
- a stated lower bound gives that bound ("at least 12", "more than 100" -> 12, 100): the count
  is then a minimum the text guarantees;
- approximate or vague amounts ("about 30", "dozens", "several") give no count (None), though
  they still show that there were casualties;
- ages ("40-year-old") are never counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..temporal.lexicon import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS
from .clauses import irregular_verb_forms
from .inflection import looks_plural
from .lexicon import Lexicon
from .tokens import Token
from .triggers import PASSIVE_BE

_AGE_RE = re.compile(r"^\d+-(?:year|month|week|day)s?-old$", re.IGNORECASE)
_DIGITS_RE = re.compile(r"^\d{1,3}(?:,\d{3})*$|^\d+$")
_KILLED_FORMS = frozenset({"killed", "dead", "died", "deaths", "fatalities", "perished",
                           "drowned", "kills", "kill", "killing", "dies", "die", "dying", "death",
                           "murdered", "murdering"})
_INJURED_FORMS = frozenset({"wounded", "injured", "hurt", "injuries", "wounding", "injuring",
                            "hurting", "wounds", "injures", "injure", "wound",
                            "hospitalised", "hospitalized"})
# a sentence without them reports none ("bodies": "87 bodies have been recovered"; "lives":
# "claimed 300 lives")
CASUALTY_WORDS = _KILLED_FORMS | _INJURED_FORMS | {"bodies", "lives"}
_ACTIVE = frozenset({"killing", "kill", "kills", "wounding", "injuring", "hurting", "killed",
                     "wounded", "injured", "injures", "injure", "wound", "murdered",
                     "murdering"})
_BE = frozenset({"were", "was", "are", "is", "have", "has", "had", "been", "be", "being",
                 "reportedly", "also", "later", "all", "confirmed", "left", "feared",
                 "critically", "seriously", "severely", "badly", "slightly", "lightly",
                 "gravely", "mortally", "fatally"})


_PASSIVE_BE = PASSIVE_BE | {"got", "get"}  # (also "got killed")
# Words between a count and "injuries": "15 people were treated for injuries".
_INJURY_LEADS = frozenset({"treated", "for", "suffered", "sustained", "received", "minor",
                           "serious", "severe", "with"})


def _before_inclusion(words: list[str], m: int) -> int:
    """The index before a parenthetical ", including seven firefighters," that ends at ``m``
    (``m`` itself when there is none)."""
    if m < 0 or words[m] != ",":
        return m
    for c in range(m - 1, max(0, m - 10), -1):
        if words[c] == "," and words[c + 1] in ("including", "among", "mostly", "most"):
            return c - 1
        if words[c] in (",", ";", ".") or words[c] in _KILLED_FORMS | _INJURED_FORMS:
            break
    return m


def _before_apposition(toks: list[Token], words: list[str], m: int) -> int:
    """The index before a name in apposition (", 37-year-old Ho Wai-ho,") that ends at ``m``
    after a people noun; ``m`` itself when there is none."""
    if m < 2 or words[m] != ",":
        return m
    for c in range(m - 1, max(0, m - 8), -1):
        if words[c] == ",":
            if c > 0 and c < m - 1 and toks[m - 1].is_cap:
                return c - 1
            return m
        if not (toks[c].is_cap or _AGE_RE.match(words[c]) or words[c] in ("-", "'", ".") or
                words[c] == "and" and toks[c - 1].is_cap):  # ", Ana Lopez and Mark Green,"
            return m
    return m


# verbs whose count of "lives" counts the dead ("claimed 300 lives")
_TAKING_LIVES = frozenset({"claimed", "claim", "claims", "claiming", "cost", "costs",
                           "costing", "took", "taken", "taking"})
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "who", "one"})
_DEAD_BY = frozenset({"shot", "gunned", "stabbed", "beaten", "hacked", "burned", "found"})
_OF_DETERMINERS = frozenset({"its", "their", "the", "those", "these", "his", "her", "our"})


@dataclass(frozen=True)
class CasualtyReport:
    """One count phrase: ``what`` is "killed" or "injured"; ``count`` None when vague."""

    what: str
    count: int | None
    token: int  # index of the casualty word
    start: int
    end: int
    active: bool  # "X killed 3" (an agent may precede) rather than "3 were killed"
    toll: bool = False  # "the death toll rose to 41": a new figure for an event told before
    named: bool = False  # "Ismail Haniyeh was killed", "killed Yahya Sinwar": one named person
    # (no count given; ``active`` when the person is the object)
    pair: bool = False  # "Ana Lopez and Mark Green were killed": named people, each a person


def number_value(words: list[str], k: int, lex: Lexicon) -> tuple[int | None, int]:
    """Value of the number starting at word ``k`` and the index after it; (None, k) if none."""
    nums = lex.cues["numbers"]
    w = words[k]
    if _AGE_RE.match(w):
        return None, k
    if _DIGITS_RE.match(w):
        if len(w) == 4 and w.isdigit() and 1900 <= int(w) <= 2100 and k > 0 and \
                words[k - 1] in _BEFORE_A_YEAR:
            return None, k  # "the 2019 killing of a dissident": a year
        return int(w.replace(",", "")), k + 1
    if "-" in w:
        parts = w.split("-")
        if len(parts) == 2 and parts[0] in nums and parts[1] in nums and \
                nums[parts[0]] >= 20 and nums[parts[1]] < 10:
            return nums[parts[0]] + nums[parts[1]], k + 1
    if w in ("his", "her", "their") and k + 1 < len(words) and words[k + 1] in _KIN:
        return _relatives(words, k, lex), k + 1  # "killed his father": one person
    if w in nums and w not in ("hundred", "thousand"):
        value = nums[w]
        n = k + 1
        if n < len(words) and words[n] in ("hundred", "thousand"):
            value *= nums[words[n]]
            n += 1
            if n + 1 < len(words) and words[n] == "and" and words[n + 1] in nums and \
                    nums[words[n + 1]] < 100:
                value += nums[words[n + 1]]  # "a hundred and fifty"
                n += 2
        if w in ("a", "an") and value == 1 and (n >= len(words) or words[n] in ("dozen",
                                                                             "few", "number")):
            return None, k
        if w in ("a", "an") and not _person_follows(words, n, lex):
            return None, k  # "hurting an economy": no count of people
        return value, n
    return None, k


# Words before a four-digit number that make it a year ("the 2019 killing", "its 2014 war").
_BEFORE_A_YEAR = frozenset({"the", "a", "his", "her", "its", "their", "our", "in", "since"})
# Relatives a possessive counts ("killed his father", "her parents").
_KIN = {"father": 1, "mother": 1, "wife": 1, "husband": 1, "son": 1, "daughter": 1,
        "brother": 1, "sister": 1, "grandfather": 1, "grandmother": 1, "uncle": 1, "aunt": 1,
        "parents": 2}
# Words after which a count opens a subject ("said 12 soldiers and three civilians were
# killed"; not "rescued 104 hostages and 21 passengers were killed": an object).
_BEFORE_A_SUBJECT = frozenset({",", ";", ":", "—", "–", "that", "the", "least", "including",
                               "among"})


def _count_before(words: list[str], n: int, lex: Lexicon) -> int | None:
    """The number before the people noun at ``n`` (over up to two modifiers): 21 of
    "Twenty-one hostages", None when there is none ("a gunman")."""
    people = lex.words("casualties", "people_nouns")
    if n < 0 or words[n] not in people:
        return None
    m = n - 1
    while m >= 0 and n - m <= 3 and (_adjective_like(words[m]) or words[m] in people):
        m -= 1
    if m < 0:
        return None
    value, end = number_value(words, m, lex)
    if value is None or end <= m:
        return None
    # the first count opens the subject, not the object of a verb before it ("Troops rescued
    # 104 hostages and 21 passengers were killed"), nor a chain ("two soldiers and three ...
    # and four ...") or an estimate ("About 200 migrants and four crew")
    prev = words[m - 1] if m else ""
    if _qualifier_before(words, m, lex) == "approx":
        return None
    if m == 0 or prev in _BEFORE_A_SUBJECT or prev in WEEKDAYS or \
            lex.reporting_lemma(prev) is not None or \
            prev in ("and", "while", "but") and m >= 2 and words[m - 2] == ",":
        return value  # ("Officials said 12 soldiers and three civilians", ", and a guard and
        # one shopper", "On Tuesday 14 miners and ...")
    return None


def _before_aboard(words: list[str], m: int) -> int:
    """The index before "aboard" or "on board" (and the vessel named after it) that ends at
    ``m``; ``m`` itself when there is none."""
    crossed = False
    for a in range(m, max(-1, m - 14), -1):
        w = words[a]
        if w in ("aboard", "onboard") or w == "board" and a >= 1 and words[a - 1] == "on":
            at = a - 1 if w != "board" else a - 2
            if crossed and words[a + 1:a + 2] not in (["a"], ["an"], ["the"]) and \
                    any(v in ("had", "has", "have", "carrying", "carried", "with")
                        for v in words[max(0, at - 4):at + 1]):
                return m  # ("had 40 migrants aboard and the captain drowned": not them; but
                # "Five people aboard and the pilot were killed": at least five)
            return at
        if w == "and" and words[a + 1:a + 2] in (["a"], ["an"], ["the"]) and a < m:
            crossed = True
            continue  # "aboard an American Airlines jet and a U.S. Army helicopter"
        if not (w.isalnum() or "-" in w or "." in w[:-1]) or w in _BE or w in _CLAUSE_WORDS:
            break
    return m


# prepositions of a short phrase that closes a counted subject ("19 people on the ground")
_SUBJECT_PREPOSITIONS = frozenset({"on", "in", "at", "inside", "near", "of", "from"})


def _before_place_phrase(words: list[str], m: int, people: frozenset[str]) -> int:
    """The index before a short phrase of a preposition and up to five words that ends at
    ``m`` and follows a people noun ("At least 19 people on the ground were also killed",
    "Nine staff members of the aid group Relief International were killed"); ``m`` itself
    when there is none."""
    for p in range(m, max(0, m - 6), -1):
        w = words[p]
        if w in _SUBJECT_PREPOSITIONS and p < m:
            before = words[p - 1]
            if (before in people or _plural(before)) and \
                    all(x.isalpha() for x in words[p + 1:m + 1]):
                return p - 1
            return m
        if not w.isalpha() or w in _BE or w in _CLAUSE_WORDS:
            break
    return m


# Words of a part before "of the N" ("Many of the 500 people aboard the boat drowned").
_PART_WORDS = frozenset({"many", "most", "some", "half", "several", "few", "all", "none", "no",
                         "each", "every", "both", "majority", "minority", "dozens", "hundreds",
                         "thousands"})
# Words between a number and "bodies" ("87 charred bodies"; not "Two federal bodies").
_OF_BODIES = frozenset({"more", "charred", "burned", "burnt", "decomposed", "mutilated",
                        "decapitated", "dismembered", "unidentified", "other"})
_BODY_VERBS = frozenset({"recovered", "found", "retrieved", "pulled", "discovered",
                         "exhumed", "identified", "counted"})
_CLAUSE_WORDS = frozenset({"that", "which", "who", "when", "where", "after", "before", "and"})


def _person_follows(words: list[str], n: int, lex: Lexicon) -> bool:
    """A person noun at ``n`` or after one or two modifiers ("a 40-year-old man")."""
    people = lex.words("casualties", "people_nouns")
    for m in range(n, min(n + 3, len(words))):
        if words[m] in people:
            return True
        if not (_adjective_like(words[m]) or _AGE_RE.match(words[m]) or words[m] in
                ("young", "local", "police", "civilian", "security", "rescue", "aid") or
                words[m] in lex.demonyms):  # ("a Qatari security officer")
            return False
    return False


def _qualifier(words: list[str], k: int, lex: Lexicon) -> tuple[str | None, int]:
    """'lower' / 'approx' qualifier starting at ``k`` and the index after it."""
    for kind, key in (("lower", "lower_bound"), ("approx", "approximate")):
        for p in lex.phrases(key):
            if tuple(words[k:k + len(p)]) == p:
                return kind, k + len(p)
    return None, k


def _qualifier_before(words: list[str], k: int, lex: Lexicon) -> str | None:
    for kind, key in (("lower", "lower_bound"), ("approx", "approximate")):
        for p in lex.phrases(key):
            if k >= len(p) and tuple(words[k - len(p):k]) == p:
                return kind
    return None


def _relatives(words: list[str], k: int, lex: Lexicon) -> int | None:
    """How many people "his father", "her son and husband", "his wife, a teacher," count
    (``words[k]`` the possessive); None when more are named than counted ("her husband and
    three of her sons")."""
    value = _KIN[words[k + 1]]
    rest = words[k + 2:k + 6]
    if rest[:1] == [","]:
        nxt = rest[1:2]
        if not nxt or nxt[0] in ("a", "an", "the", "who", "whose", "aged") or \
                nxt[0].isdigit() and rest[2:3] in ([","], ["."]):
            # "his wife, a 34-year-old teacher,", "his son, 7,", "her daughter, who ...": a
            # description of one (but "his son, 7, and daughter, 5": more, how many untold)
            close = next((i for i in range(k + 3, min(len(words), k + 14))
                          if words[i] in (",", ".", ";")), None)
            if close is not None and words[close + 1:close + 2] == ["and"]:
                return None
            return value
        return None  # "his wife, son and daughter": a list
    if rest[:1] != ["and"] or len(rest) < 2 or rest[1] in _KILLED_FORMS or \
            rest[1] in _INJURED_FORMS:
        return value  # ("killed her parents and injured her sister")
    q = 1 + (rest[1] in ("his", "her", "their"))
    if q < len(rest) and rest[q] in _KIN and rest[q + 1:q + 2] not in ([","], ["and"]):
        return value + _KIN[rest[q]]  # "his wife and daughter", "her son and husband"
    if _object_conjunct(words, k + 1, lex) is not None:
        return value  # "his wife and two children": the object's count adds the rest
    return None


def _object_conjunct(words: list[str], n: int, lex: Lexicon) -> int | None:
    """The count of a second object joined by "and" after the people counted up to ``n``
    ("two soldiers and three civilians", "a father and his two sons"); None when there is none
    or when it opens a clause of its own ("12 people and three more were injured")."""
    people = lex.words("casualties", "people_nouns")
    p = n
    while p < len(words) and p - n < 3 and (words[p] in people or _adjective_like(words[p])
                                            or _AGE_RE.match(words[p]) or
                                            _modifies_people(words, p, people)):
        p += 1
    p = _after_ages(words, p)  # "a man aged 40 and two women"
    placed = False
    if p > n and p + 2 < len(words) and words[p] == "in" and "and" in words[p + 2:p + 4]:
        p = words.index("and", p + 2)  # "16 people in Bangladesh and six in India"
        placed = True
    if p == n or p + 1 >= len(words) or words[p] != "and":
        return None
    q = p + 1
    if placed:
        value, r = number_value(words, q, lex)
        return value if value is not None and words[r:r + 1] == ["in"] else None
    if words[q] in ("his", "her", "their", "its") and q + 1 < len(words):
        if words[q + 1] in _KIN:
            return None  # "his wife and his daughter": the relatives count both
        q += 1  # "and his two sons"
    value, r = number_value(words, q, lex)
    if value is None or not _person_follows(words, r, lex):
        return None
    while r < len(words) and words[r] not in people and (_adjective_like(words[r]) or
                                                         _AGE_RE.match(words[r])):
        r += 1  # "three young civilians"
    while r < len(words) and (words[r] in people or _modifies_people(words, r, people)):
        r += 1  # ("two civilian road workers")
    if words[r:r + 1] == ["of"] and words[r - 1] in ("members", "relatives") and \
            words[r + 1:r + 2] in (["a"], ["the"]):
        j = next((j for j in range(r + 2, min(r + 5, len(words))) if words[j] in people), None)
        if j is not None and all(w.replace("-", "").isalpha() for w in words[r + 2:j]):
            r = j + 1  # "and two members of a Libyan family"
    r = _after_ages(words, r)  # "and two women aged 67 and 56"
    # a verb of their own ("and 30 others remained missing", "and 200 people remain trapped",
    # "and 15 others still need treatment", "and three others inside the car were injured")
    if r < len(words) and words[r].isalpha() and words[r] not in _AFTER_AN_OBJECT:
        return None
    for w in words[r:r + 8]:
        if w in (",", ".", ";", ":", "and", "but"):
            break  # (", and wounding nine other people": another count)
        if _verb_like(w):
            return None
    return value


# Words that may follow a counted object ("killed two soldiers and three civilians in ...").
_AFTER_AN_OBJECT = frozenset({"in", "on", "at", "near", "and", "when", "as", "after", "amid",
                              "during", "while", "before", "across", "following", "by", "from",
                              "including", "overnight", "early", "late", "last", "this",
                              "yesterday", "today", "according", "with", "within", "since",
                              *WEEKDAYS})


def _verb_like(word: str) -> bool:
    """A finite verb after a counted group ("remained", "remain", "were", "fled")."""
    return word in _BE or word in _KILLED_FORMS or word in _INJURED_FORMS or \
        word in _REMAINING or len(word) > 4 and word.endswith("ed") or \
        word in irregular_verb_forms()


# Present forms of staying alive or in place ("and 200 people remain trapped"); the forms of
# "be" and "have" are in _BE.
_REMAINING = frozenset({"remain", "remains", "stay", "stayed", "survived", "escaped"})


def _toll_to_number(words: list[str], n: int) -> bool:
    """A death toll with its figure after word ``n`` ("bringing the death toll to 41"; not
    "the toll could rise", nor "the toll of injured rose to 20")."""
    return any(w == "toll" and any(x[:1].isdigit() for x in words[m + 1:m + 7]) and
               not {"injured", "wounded"} & set(words[m + 1:m + 4])
               for m, w in enumerate(words[n:], n))


def _members_of(words: list[str], end: int, lex: Lexicon) -> int | None:
    """The count of "N members of (the) X" ending right before ``end`` ("Four members of the
    paramilitary Rangers and ...")."""
    for j in range(end - 3, max(-1, end - 9), -1):
        if words[j + 1:j + 3] == ["members", "of"]:
            value, _ = number_value(words, j, lex)
            if value is not None and all(w.replace("-", "").isalpha() for w in words[j + 3:end]):
                return value
            return None
    return None


_TIME_UNITS = frozenset({"day", "days", "week", "weeks", "month", "months", "year", "years",
                         "hour", "hours", "minute", "minutes", "night", "nights", "decade",
                         "decades"})


def _count_at(words: list[str], k: int, lex: Lexicon) -> tuple[int | None, bool, int]:
    """(count, found, next index) for a possibly qualified number at ``k``."""
    qual, n = _qualifier(words, k, lex)
    if qual is None and n + 1 < len(words) and words[n] == "all":
        n += 1  # "killing all 61 on board": an exact count
    if n < len(words) and words[n] in lex.words("casualties", "vague"):
        return None, True, n + 1
    if n >= len(words):
        return None, False, k
    value, m = number_value(words, n, lex)
    if value is None:
        return None, False, k
    if words[m:m + 1] and words[m] in _TIME_UNITS:
        return None, False, k  # "injured over three days": a span of time, no one counted
    if qual == "approx":
        return None, True, m
    return value, True, m


def find_casualties(toks: list[Token], lex: Lexicon) -> list[CasualtyReport]:
    """Casualty phrases in one sentence's tokens."""
    words = [t.lower for t in toks]
    people = lex.words("casualties", "people_nouns")
    out: list[CasualtyReport] = []
    used: set[int] = set()
    for k, w in enumerate(words):
        if w in _TAKING_LIVES and k not in used:
            c, f, n = _count_at(words, k + 1, lex)
            if f and words[n:n + 1] == ["lives"]:
                # "The floods have claimed at least 300 lives", "cost 20 lives"
                used.update(range(k + 1, n + 1))
                out.append(CasualtyReport("killed", c, toks[k].i, toks[k].start, toks[k].end,
                                          active=True))
                continue
        what = "killed" if w in _KILLED_FORMS else "injured" if w in _INJURED_FORMS else None
        if what is None and w in _BODY_VERBS:
            j = k - 1
            while j >= 0 and words[j] in _BE:
                j -= 1
            n = j - 1
            while n > 0 and j - n <= 2 and words[n] in _OF_BODIES:
                n -= 1  # "87 charred bodies", "Twelve more bodies"
            if j >= 1 and words[j] == "bodies" and j < k - 1 and \
                    number_value(words, n, lex)[0] is not None and \
                    not (k + 1 < len(words) and words[k + 1] in ("that", "to", "orbiting")):
                what = "killed"  # "87 bodies have been recovered": 87 dead (not "Two federal
                # bodies have found that ...", "two bodies were found orbiting a star")
            elif j >= 3 and words[j - 3:j - 1] == ["bodies", "of"] and j < k - 1 and \
                    words[j] in people and number_value(words, j - 1, lex)[0] is not None:
                what = "killed"  # "the bodies of 410 civilians had been recovered"
        if what is None and w in _BODY_VERBS and k not in used and \
                words[k + 1:k + 4] == ["the", "bodies", "of"]:
            c, f, n = _count_at(words, k + 4, lex)
            if f and n < len(words) and words[n] in people and not _toll_to_number(words, n):
                # (not "recovered the bodies of 4 miners, bringing the death toll to 41")
                # "had recovered the bodies of 410 civilians": 410 dead, as in the passive
                used.update(range(k + 1, n + 1))
                out.append(CasualtyReport("killed", c, toks[k].i, toks[k].start, toks[k].end,
                                          active=False, toll=True))
                continue
        if what is None and w in _BODY_VERBS and k not in used:
            c, f, n = _count_at(words, k + 1, lex)
            j = n
            while f and j < len(words) and j - n < 2 and words[j] in _OF_BODIES:
                j += 1
            if f and j < len(words) and words[j] == "bodies" and \
                    words[j + 1:j + 2] not in (["that"], ["to"]):
                # "Divers had recovered at least 40 bodies from the river": 40 dead, a
                # figure of the deadly event told before (as a toll is)
                used.update(range(k + 1, j + 1))
                out.append(CasualtyReport("killed", c, toks[k].i, toks[k].start, toks[k].end,
                                          active=False, toll=True))
                continue
        if what is None or w == "drowned" and words[k + 1:k + 2] == ["out"]:
            continue  # ("boos drowned out the anthem")
        count, found, active, toll, named = None, False, False, False, False
        pair = False
        # "killing one 40-year-old man", "wounding two residents", "killed 12 people",
        # "shot dead a security guard"
        if (w in _ACTIVE or w == "dead" and k > 0 and words[k - 1] in _DEAD_BY) and \
                k + 1 < len(words):
            c, f, n = _count_at(words, k + 1, lex)
            if f:
                count, found, active = c, True, True
                used.update(range(k + 1, n))
                more = _object_conjunct(words, n, lex) if c is not None else None
                if more is not None:
                    count += more  # "killed two soldiers and three civilians": five
        # "12 people were killed", "two residents wounded", "45 dead" (not "an official death
        # toll": no death of one)
        if not found and not (w == "death" and words[k + 1:k + 2] == ["toll"]):
            m = k - 1
            if w == "dead" and m >= 0 and words[m] in _DEAD_BY:
                m -= 1  # "two of his aides were shot dead"
            while m >= 0 and (words[m] in _BE or words[m] in ("not", "also") or
                              w in ("injuries", "wounds") and words[m] in _INJURY_LEADS):
                m -= 1  # "were seriously injured", "were treated for injuries"
            predicate = m < k - 1 or w in ("died", "perished")
            m = _before_apposition(toks, words, _before_inclusion(words, m))
            # ("15 people, including seven firefighters,"; "One firefighter, 37-year-old Ho
            # Wai-ho, was killed")
            m = _before_place_phrase(words, _before_aboard(words, m), people)
            # ("all eight people aboard died", "the five
            # people aboard the submersible were killed"
            m = _before_ages(words, m)  # "A man aged 40 was killed": one man, no 40
            steps = 0
            vague = lex.words("casualties", "vague")
            while m >= 0 and steps < 3 and words[m] not in vague and (
                    words[m] in people or _adjective_like(words[m]) or
                    _modifies_people(words, m, people) and
                    number_value(words, m, lex)[0] is None or
                    words[m] in lex.demonyms or _AGE_RE.match(words[m]) or
                    _plural(words[m]) or
                    # "Twenty-seven campers and counselors died": one count for both
                    steps and words[m] == "and" and m > 0 and words[m - 1] in people):
                m -= 1
                steps += 1
            if steps and m >= 3 and words[m] in ("their", "his", "her") and \
                    words[m - 1] == "and" and (words[m - 2] in people or _plural(words[m - 2])):
                # "460 patients and their companions were killed": the first count (at least)
                m -= 2
                while m >= 0 and steps < 6 and words[m] not in vague and (
                        words[m] in people or _adjective_like(words[m]) or _plural(words[m])):
                    m -= 1
                    steps += 1
            # "41 of its citizens", "thousands of people", "two of the passengers"
            if steps and m >= 1 and words[m] in _OF_DETERMINERS:
                m -= 1
            if steps and m >= 1 and words[m] == "of" and (
                    words[m - 1] in vague or number_value(words, m - 1, lex)[0] is not None):
                m -= 1
            if m >= 0 and (words[m] == "nobody" or words[m] == "one" and m > 0 and
                           words[m - 1] == "no"):
                if what == "injured" and _SEVERELY.intersection(words[m:k]):
                    continue  # "no one was seriously hurt": some were, lightly
                count, found = 0, True
            elif m >= 0 and m not in used:
                if m >= 3 and words[m - 1] == "and" and words[m - 2] in ("hundred", "thousand") \
                        and words[m - 3] in lex.cues["numbers"]:
                    m -= 3  # "a hundred and fifty people were killed": from "a"
                value, _ = number_value(words, m, lex)
                if value is None and m > 0 and words[m] in ("hundred", "thousand"):
                    value, _ = number_value(words, m - 1, lex)
                if value is not None and m >= 3 and \
                        words[m - 1] in ("the", "its", "their") and words[m - 2] == "of" and \
                        (predicate or w in ("drowned", "suffocated") and (
                            words[m - 3] in _PART_WORDS or
                            number_value(words, m - 3, lex)[0] is not None)):
                    # "one of the 67 people aboard ... was killed", "None of the 300
                    # passengers ... were injured": the part (but "10 of the 35 people killed
                    # in the airstrike were children": the 35)
                    part, _ = number_value(words, m - 3, lex)
                    if part is not None or words[m - 3] in ("none", "no"):
                        value, m = (part if part is not None else 0), m - 3
                    elif words[m - 3] not in ("all", "each", "every", "both"):
                        value = None  # "most of the 67", "a majority of the 200": a part
                if value is not None and m >= 2 and words[m - 1] in _SUBJECT_PREPOSITIONS and \
                        (words[m - 2] in people or _plural(words[m - 2])) and \
                        words[m - 2] != "bodies":
                    value = None  # "Members of 11 families", "Relatives of 14 victims": the
                    # number counts what they belong to, not them
                if value is not None:
                    qual = _qualifier_before(words, m, lex)
                    count, found = (None if qual == "approx" else value), True
                    aged = _before_ages(words, m - 3 if words[m - 2] == "," else m - 2) \
                        if m >= 3 and words[m - 1] in ("and", "plus") else m - 2
                    if m >= 2 and words[m - 1] in ("and", "plus") and (
                            words[aged] in people or
                            words[aged] in lex.words("perpetrators", "words")):
                        count = None  # "a gunman and one spectator were killed": 1 is a part
                        first = _count_before(words, aged, lex)  # (over "aged 67 and 56")
                        if first is None:
                            first = _members_of(words, m - 1, lex)  # "Six members of one
                            # family and three neighbours were killed": 9
                        if first is not None and count is None and value is not None and \
                                qual is None:
                            # "Twenty-one hostages and four soldiers were killed": 25
                            count = first + value
                    elif m >= 4 and words[m - 1] == "and" and qual is None and \
                            (first := _members_of(words, m - 1, lex)) is not None:
                        # "Four members of the paramilitary Rangers and two police officers
                        # were killed": 6
                        count = first + value
                    used.add(m)
                elif words[m] == "many" and m > 0 and words[m - 1] == "how":
                    continue  # "did not say how many people had died": an open question
                elif words[m] in lex.words("casualties", "vague"):
                    count, found = None, True
                elif w == "killed" and steps == 0 and m > 0 and \
                        ("was" in words[m + 1:k] or words[m + 1:m + 3] in (
                            ["has", "been"], ["had", "been"])) and \
                        _named_subject(toks, words, m):
                    named = True  # "Ismail Haniyeh was killed in a strike", "Igor Kirillov,
                    # the head of the chemical troops, was killed"
                elif w == "killed" and steps == 0 and m > 0 and \
                        words[m + 1:k][:1] in (["were"], ["have"], ["had"]) and \
                        _named_pair(toks, words, m):
                    named = pair = True  # "Ana Lopez and Mark Green were killed"
                elif w == "died" and m >= 0 and (
                        _named_subject(toks, words, k - 1) or
                        k >= 2 and words[k - 1] in ("has", "had") and
                        _named_subject(toks, words, k - 2)):
                    named = True  # "Pope Francis died at his residence", "Jimmy Carter, the
                    # 39th president, died on Sunday": a death of that person
        named_object = not found and not named and w in ("killed", "kills", "killing") and \
            k + 1 < len(toks) and toks[k + 1].is_cap and toks[k + 1].is_word and \
            not (k > 0 and words[k - 1] in _PASSIVE_BE)  # "troops had killed Hamas leader
        # Yahya Sinwar": that person, if a person is named there (see events._report_event)
        # "the death toll rose to 45", "the death toll from last week's landslide ... rose to
        # 23", "the number of people killed when ... has risen to 23"
        if not found and w in ("death", "dead") and _aggregate(words, k):
            continue  # "the overall death toll in the war": the war's, not this event's
        if not found and (w in ("death", "dead") and k + 1 < len(words) and
                          words[k + 1] == "toll" or "number" in words[max(0, k - 4):k]):
            c, f = _risen_to(words, k + 2 if words[k + 1:k + 2] == ["toll"] else k + 1, lex)
            if f:
                count, found, toll = c, True, True
            elif words[k + 1:k + 2] == ["toll"]:
                for n in range(k + 2, min(k + 8, len(words))):
                    if words[n] in _TOLL_STOPS:
                        break  # "... death toll but said they had treated 2,700 people"
                    c, f, _ = _count_at(words, n, lex)
                    if f:
                        count, found, toll = c, True, True
                        break
        if (named or named_object) and not found:
            out.append(CasualtyReport(what, None, toks[k].i, toks[k].start, toks[k].end,
                                      active=named_object, named=True, pair=pair))
            continue
        if not found:
            continue
        if w in ("dead", "death") and count is None:
            continue
        if not active and _since_the_war(words, k):
            continue  # "46,000 have been killed since the war began": the war's, no event's
        if _a_rate(words, k):
            continue  # "losses averaged more than 1,500 killed and wounded a day": a rate
        if k >= 2 and words[k - 1] == "since" and words[k - 2] in ("has", "have", "had"):
            continue  # "began in 2017 with an attack ... and has since killed more than
            # 6,000 people": the conflict's toll over the years, not the attack's
        out.append(CasualtyReport(what, count, toks[k].i, toks[k].start, toks[k].end,
                                  active=active, toll=toll))
    brought = _brought_toll(toks, words, lex) if not _KILLED_FORMS.isdisjoint(words) else None
    if brought is not None:
        # "two more victims died, bringing the toll to 139": the toll, not the increment
        out = [brought] + [r for r in out if r.what != "killed"]
    return out


def _brought_toll(toks: list[Token], words: list[str], lex: Lexicon) -> CasualtyReport | None:
    """ "..., bringing the (death) toll to 139", "taking the toll to", "raising the death toll
    to": the new toll of the deadly event told before."""
    for k in range(len(words) - 3):
        if words[k] not in _BRINGING:
            continue
        n = k + 1
        if words[n:n + 1] in (["the"], ["its"]):
            n += 1
        if words[n:n + 1] == ["death"]:
            n += 1
        if words[n:n + 2] == ["toll", "from"]:
            # "raising the death toll from Wednesday's missile strike to at least 33"
            to = next((m for m in range(n + 2, min(n + 12, len(words) - 1))
                       if words[m] in ("to", ",", ";", ".")), None)
            if to is None or words[to] != "to":
                continue
            n = to - 1
        elif words[n:n + 2] != ["toll", "to"]:
            continue
        c, f, after = _count_at(words, n + 2, lex)
        rest = words[after:after + 3]
        if f and (not rest or rest[0] in _AFTER_A_TOLL) and \
                not any(w in ("since", "this", "so", "in") for w in rest[:1]):
            # (not "bringing the toll to 40 wounded", "to 3,000 houses", "to 34,000 since
            # October", "to 11 this week": no new toll of the dead of this event)
            return CasualtyReport("killed", c, toks[k].i, toks[k].start, toks[k].end,
                                  active=False, toll=True)
    return None


# what may follow the number of a toll brought to it (the end of the clause, or the dead)
_AFTER_A_TOLL = frozenset({".", ",", ";", ")", "dead", "deaths", "people", "killed", "lives",
                           "fatalities", "and", "according", "officials", "police",
                           "authorities"})


_BRINGING = frozenset({"bringing", "brought", "taking", "took", "raising", "raised",
                       "pushing", "pushed", "lifting", "lifted"})


_AGGREGATE_BEFORE = frozenset({"overall", "total", "cumulative", "war's", "conflict's",
                               "war’s", "conflict’s"})
_AGGREGATE_AFTER = frozenset({"war", "conflict", "pandemic", "campaign", "offensive",
                              "fighting", "violence", "unrest", "crisis"})


def _named_subject(toks: list[Token], words: list[str], m: int) -> bool:
    """A capitalised name ends at ``m``, or before an apposition that ends there."""
    if words[m] == ",":
        j = m - 1
        while j > 0 and m - j <= 15 and words[j] not in (",", "."):
            j -= 1
        if j <= 0 or words[j] != ",":
            return False
        m = j - 1
    return toks[m].is_cap and toks[m].is_word and words[m] not in _PRONOUNS and \
        toks[m].text == toks[m].bare


def _named_pair(toks: list[Token], words: list[str], m: int) -> bool:
    """Two names of two words or more joined by "and" end at ``m`` ("Ana Lopez and Mark
    Green"; not "Hamas and Islamic Jihad", "Israel and Lebanon")."""
    def name_start(j: int) -> int:
        while j >= 0 and toks[j].is_cap and toks[j].is_word and words[j] not in _PRONOUNS:
            j -= 1
        return j + 1
    first = name_start(m)
    j = first - 1
    if j >= 3 and words[j - 1] in ("his", "her", "their", "its") and words[j - 2] == "and":
        j -= 2  # "Mohammed Deif and his deputy Marwan Issa"
    if m - first < 1 or j < 2 or words[j] != "and":
        return False
    second = name_start(j - 1)
    return j - 1 - second >= 1


def _aggregate(words: list[str], k: int) -> bool:
    """A toll for a whole war or crisis: "the overall death toll", "the death toll in the war",
    "the death toll since the conflict began"."""
    if k + 1 >= len(words) or words[k + 1] != "toll":
        return False
    if _AGGREGATE_BEFORE.intersection(words[max(0, k - 3):k]):
        return True
    after = words[k + 2:k + 6]
    if not after or after[0] not in ("in", "since", "of", "from", "to"):
        return False
    if after[0] != "to" and _AGGREGATE_AFTER.intersection(after):
        return True
    # "the death toll in Gaza since Oct. 7", "since the war began", "bringing the death toll
    # to 42,300 since the war began": everyone killed since (but "since Friday", "since the
    # earthquake struck": the event's own)
    n = after.index("since") if "since" in after else -1
    if n < 0 or n + 1 >= len(after):
        return False
    later = words[k + 3 + n:k + 9 + n]
    return any(w in _MONTHS or w[:1].isdigit() for w in later[:3]) or \
        bool(_AGGREGATE_AFTER.intersection(later)) or "invasion" in later


_MONTHS = frozenset(MONTHS) | frozenset(MONTH_ABBREVIATIONS)  # (the temporal tagger's names)


_PER = frozenset({"a", "per", "each", "every"})
_SPANS = frozenset({"day", "week", "month", "year", "hour"})


def _a_rate(words: list[str], k: int) -> bool:
    """The count is a rate: "killed and wounded a day", "dying each week", "killed per
    month" (also after "averaged", "an average of")."""
    for n in range(k + 1, min(k + 6, len(words) - 1)):
        if words[n] in _PER and words[n + 1] in _SPANS and \
                words[n + 2:n + 3] not in (["ago"], ["earlier"], ["later"], ["before"]):
            return True  # (not "killed a week ago")
        if words[n] in (",", ";", ".", "in", "on", "since", "after"):
            break
    return "averaged" in words[max(0, k - 8):k] or \
        any(words[i] == "an" and words[i + 1] == "average" for i in range(max(0, k - 8), k - 1))


def _since_the_war(words: list[str], k: int) -> bool:
    """ "killed since the war began", "killed in the war", "wounded since the invasion":
    a count of a whole war (but "killed since the storm hit": the storm's)."""
    after = words[k + 1:k + 5]
    if len(after) < 3 or after[1] != "the" or after[2] not in _WHOLE_WARS:
        return False
    # (not "killed in the fighting around Bakhmut", "killed since the unrest began": the
    # fighting's, the unrest's; nor "killed in the war zone near Kherson", "during the
    # invasion of the Capitol", "in the conflict in Hodeidah on Sunday")
    if after[0] == "since":
        return True
    return after[0] in ("in", "during") and after[2] != "invasion" and \
        (len(after) == 3 or after[3] in (",", ".", ";", "so", "to", "since", "began"))


_WHOLE_WARS = frozenset({"war", "conflict", "invasion"})


def since_long_before(words: list[str], k: int) -> bool:
    """ "More than 500 inmates have died in prison violence since then", "killed since 2014":
    a count of years, no one event's (but "killed since Monday" may be the storm's own)."""
    for n in range(k + 1, min(k + 7, len(words) - 1)):
        if words[n] in (",", ";", ".", "when", "after"):
            return False
        if words[n] == "since":
            nxt = words[n + 1]
            return nxt == "then" or len(nxt) == 4 and nxt.isdigit()
    return False


_TOLL_STOPS = frozenset({",", ";", "but", "and", "said", "says", "while", "after", "when",
                         "had", "have", "has", "treated", "injured", "wounded"})
# Before a rise verb: the figure is a projection ("could rise to", "is expected to reach").
_PROJECTED = frozenset({"could", "may", "might", "would", "will", "expected", "likely",
                        "feared", "set", "predicted", "forecast"})
_RISE = frozenset({"risen", "rose", "rises", "rise", "climbed", "climbs", "reached", "reaches",
                   "stands", "stood", "jumped", "increased", "grew", "hit", "passed", "topped",
                   "surpassed"})


def _risen_to(words: list[str], k: int, lex: Lexicon) -> tuple[int | None, bool]:
    """The count after "rose to", "stands at", "has climbed to" (within the next 30 words,
    not past a semicolon or another clause's "said")."""
    for n in range(k, min(k + 30, len(words) - 1)):
        w = words[n]
        if w in (";", "said", "says"):
            break
        if w in _RISE:
            m = n + 2 if words[n + 1] in ("to", "at") else n + 1 if w in (
                "passed", "topped", "surpassed", "hit", "reached", "reaches") else None
            if m is None:
                continue
            c, f, _ = _count_at(words, m, lex)
            if f and _PROJECTED.intersection(words[max(k, n - 3):n]):
                return None, True  # "could rise to 10,000": a fear, not a count
            return c, f
    return None, False


def _plural(word: str) -> bool:
    """A counted plural noun ("candidates", "journalists")."""
    return word.isalpha() and looks_plural(word)


_SEVERELY = frozenset({"seriously", "badly", "critically", "severely", "gravely"})


def _after_ages(words: list[str], k: int) -> int:
    """The index after "aged 40" or "aged 67 and 56" starting at ``k``; ``k`` itself when no
    ages start there."""
    if words[k:k + 1] != ["aged"] or k + 1 >= len(words) or not words[k + 1].isdigit():
        return k
    j = k + 2
    while j + 1 < len(words) and words[j] in ("and", ",", "to") and words[j + 1].isdigit():
        j += 2
    return j


def _before_ages(words: list[str], k: int) -> int:
    """The index of the noun before "aged 67 and 56" ending at ``k`` ("Two men aged 67 and
    56"); ``k`` itself when no ages end there."""
    j = k
    while j >= 1 and words[j].isdigit():
        j -= 1
        if words[j] in ("and", ",", "to", "or"):
            j -= 1
            continue
        if words[j] in ("between", "from"):
            j -= 1
        return j - 1 if words[j] == "aged" else k
    return k


def _modifies_people(words: list[str], k: int, people: frozenset[str]) -> bool:
    """A word before a people noun that is part of its name ("road workers", "Greek
    rescuers")."""
    return k + 1 < len(words) and words[k].isalpha() and words[k + 1] in people and \
        words[k] not in ("and", "or", "of", "the", "a", "an")


def _adjective_like(word: str) -> bool:
    return word.endswith(("ian", "ese", "ish", "al", "ed", "ing", "ic")) and len(word) > 4 or \
        word in ("more", "other", "local", "young", "elderly", "innocent", "civilian",
                 "foreign", "unarmed", "fellow", "off-duty", "senior", "former", "military",
                 "paramilitary", "police", "security", "army", "border", "rescue", "aid")
