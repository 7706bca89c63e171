"""Capitalised words that are usually not names: the scanners' guard against false matches.

A single capitalised word matches a one-word alias only when it is not a trap: month and
weekday names never do ("in May" is not Theresa May), and at the start of a sentence a word
that is a common English word, or that the same text also writes in lower case ("Police said
... the police"), does not either.
"""

from __future__ import annotations

from collections.abc import Sequence

from .normalise import Word, fold_word

MONTHS_DAYS = frozenset(fold_word(w) for w in (
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday").split())

COMMON_WORDS = frozenset(fold_word(w) for w in (
    "a about above across after again against all almost also although among an and another "
    "any are around as at authorities back be because been before being below between both "
    "but by can could day days despite down during each early earlier even every few first "
    "five for forces four from further government he her here his how however if in into it "
    "its just last late later less many meanwhile military minister more most much must my "
    "near new next nine no none nor not now of off officials old on once one only or other "
    "our out over people police president residents said says second several she should "
    "since six so some still such ten than that the their them then there these they this "
    "those three through to today tomorrow troops two under until up us very was we were "
    "what when where which while who why will with within without would yesterday yet you "
    "your outside inside beyond amid around throughout toward towards"
).split())

# Words that are also names of towns: not taken for a place at the start of a sentence.
TOWN_LIKE_WORDS = frozenset(fold_word(w) for w in (
    "victory hope liberty independence union unity peace progress friendship energy mobile "
    "reading nice bath split bar best gap gold grand hero human humans rescue power justice "
    "freedom liberal far time rise hit come set point run goes retreat valley bank tours "
    "ruin ruins chaos havoc misery fury carnage mercy relief storm fire"
).split())


# Words after a place name that keep it a place ("Kharkiv Oblast", "Kharkiv Mayor ...").
PLACE_FOLLOWERS = frozenset(fold_word(w) for w in (
    "oblast region province district raion city county state governorate krai republic "
    "airport river port mayor governor authorities police army officials residents council "
    "administration front direction offensive counteroffensive axis area border "
    # a photo caption's credit after the place: "Russian retreat from Kherson Reuters"
    "reuters afp getty"
).split())
# Words after a place of several words that name a wider place or a thing of it
_WIDER_FOLLOWERS = frozenset(fold_word(w) for w in (
    "bay island islands peninsula harbour harbor valley basin delta strait gulf international "
    "metropolitan metro state province county district region city university times post"
).split())
# Words before a place name that keep it a place ("Eastern Ukraine", "Greater Kharkiv").
PLACE_LEADERS = frozenset(fold_word(w) for w in (
    "north south east west northern southern eastern western central greater upper lower "
    "northeastern northwestern southeastern southwestern occupied liberated"
).split())


# Romance connectors inside names ("Tren de Aragua").
NAME_CONNECTORS = frozenset({"de", "del", "da", "do", "dos", "das", "di", "du"})
# A compass word and a name that together name a wider region than the name alone.
WIDER_REGIONS = frozenset((fold_word(a), fold_word(b)) for a, b in (
    w.split() for w in ("South America", "North America", "Central America", "East Africa",
                        "West Africa", "North Africa", "Central Africa", "Southern Africa",
                        "East Asia", "South Asia", "Central Asia", "Southeast Asia",
                        "Eastern Europe", "Western Europe", "Central Europe",
                        "Northern Europe", "Southern Europe")))


# The compass words that open names of their own ("East Palestine", "North Darfur"); their
# longer forms ("Eastern", "Northern") describe a part of the place.
_COMPASS = frozenset({"north", "south", "east", "west"})
# Common words that open place names ("New York", "Fort Worth", "Port Sudan").
NAME_OPENERS = frozenset(fold_word(w) for w in "new fort port mount cape saint".split())


def is_trap(ws: Sequence[Word], i: int, j: int, lower_keys: frozenset[str] | set[str]) -> bool:
    """Is the span of words ``i..j`` a capitalised common word rather than a name?
    ``lower_keys`` holds the keys of the words the text writes in lower case."""
    if i != j:
        return False
    w = ws[i]
    if w.shape != "T":
        return False
    if w.key in MONTHS_DAYS:
        return True
    weak = w.sentence_initial or w.title_line
    return weak and (w.key in COMMON_WORDS or w.key in TOWN_LIKE_WORDS or w.key in lower_keys)


def inside_longer_name(ws: Sequence[Word], i: int, j: int) -> bool:
    """Is the span ``i..j`` likely a part of a longer name that is not a place ("Vladimir
    Zelensky", "John Moore", "President Vladimir"; of several words, a hyphenated given name
    after a family name: "Lai Ching-te", not "Arab East Jerusalem")? Not judged on
    title-case lines, where every word is capitalised."""
    if ws[i].title_line:
        return False
    if i != j and all(ws[k].shape != "L" for k in range(i, j + 1)):
        # a name of several words runs on into a person's ("Aung San Suu Kyi": no town Aung
        # San), but not into a word that keeps it a place ("Los Angeles County", "San
        # Francisco Bay")
        nxt = ws[j + 1] if j + 1 < len(ws) and ws[j + 1].joins_previous and \
            ws[j + 1].start - ws[j].end < 3 else None  # (not over a possessive: "Hong Kong's")
        return nxt is not None and nxt.shape == "T" and nxt.key not in PLACE_FOLLOWERS and \
            nxt.key not in _WIDER_FOLLOWERS and not nxt.sentence_initial

    nxt = ws[i + 1] if i == j and i + 1 < len(ws) and ws[i + 1].joins_previous else None
    if nxt is not None and nxt.shape in "TU" and nxt.key not in PLACE_FOLLOWERS:
        return True
    prev = ws[i - 1] if i > 0 and ws[i].joins_previous else None
    if prev is not None and ws[i].start - prev.end >= 3:
        prev = None  # a possessive ends the name before: "Ukraine's Kharkiv"
    if prev is not None and prev.shape == "L" and prev.key in NAME_CONNECTORS and i >= 2 and \
            prev.joins_previous and ws[i - 2].shape in "TU" and \
            not (ws[i - 2].sentence_initial and ws[i - 2].key in COMMON_WORDS):
        return True  # "Tren de Aragua", "Cartel del Noreste": a name's last word
    if prev is not None and prev.shape in "TU" and i == j and \
            (prev.key, ws[i].key) in WIDER_REGIONS:
        return True  # "South America", "East Africa": a continent's part, not the country
    if prev is not None and prev.shape == "T" and prev.key in _COMPASS and \
            not _alone_elsewhere(ws, i):
        return True  # "East Palestine" (Ohio), "South Sudan": another place than the name's
        # (the catalog's own "North Korea" is matched whole; "eastern Ukraine" is no name)
    if prev is not None and prev.shape in "TU" and prev.key not in PLACE_LEADERS:
        # a common word opening the sentence is no part of the name, unless it opens names
        # ("New York prosecutors": not York)
        return not (prev.sentence_initial and (prev.key in COMMON_WORDS or _gerund(prev.key))
                    and prev.key not in NAME_OPENERS)  # ("Taking Kidal is a win")
    return False


def _gerund(key: str) -> bool:
    """An -ing form opening a sentence ("Taking", "Defending"; not a short "Xing")."""
    return len(key) >= 6 and key.endswith("ing")


def _alone_elsewhere(ws: Sequence[Word], i: int) -> bool:
    """The word at ``i`` occurs elsewhere without a compass word before it ("South Lebanon"
    ... "Lebanon's health ministry": a part of that country; not "East Palestine, Ohio")."""
    key = ws[i].key
    return any(w.key == key and k != i and w.shape == ws[i].shape and
               not (k > 0 and ws[k - 1].key in _COMPASS and w.joins_previous)
               for k, w in enumerate(ws))


def lower_case_keys(ws: Sequence[Word]) -> set[str]:
    return {w.key for w in ws if w.shape == "L"}
