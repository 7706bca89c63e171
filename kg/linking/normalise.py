"""Name normalisation shared by the catalog, the gazetteer and the linker.

A name becomes a *key*: its words, each case-folded, stripped of diacritics, apostrophes and
inner dots, with common transliteration variants collapsed (``Izyum``/``Izium``,
``Zelenskyy``/``Zelenskiy``), a possessive ``'s`` and a leading "the" dropped. Index and query
go through the same :func:`words` tokeniser, so a name written in an article and the same name
in the catalog give the same key.

Each word also keeps its *shape* (``U`` all capitals, ``T`` capitalised, ``L`` lower case,
``N`` no case, e.g. digits). :func:`shape_compatible` is the case policy: an acronym alias
("US") only matches a word written in capitals, a capitalised alias ("May") never matches a
lower-case word ("may"), and a lower-case alias never matches a capitalised word except at the
start of a sentence.

Pure functions, no I/O.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache, partial
from typing import NamedTuple

# A word: letters/digits, with inner apostrophes ("Khar'kov", "O'Brien") or inner dots
# ("U.S") kept inside it.
_WORD_RE = re.compile(r"[^\W_]+(?:(?:['’ʼ`]|\.(?=[^\W_]))[^\W_]+)*")
_INNER_PUNCT = str.maketrans("", "", "'’ʼ`.")
_SPECIAL = str.maketrans({
    "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae",
    "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i", "ð": "d", "Ð": "D", "þ": "th", "Þ": "TH",
})
# Transliteration variants of Ukrainian and Russian names in Latin script.
_FINAL_Y_RE = re.compile(r"(?:iy|yy|yi|ij|ii)$")
_INNER_Y_RE = re.compile(r"(?<=[a-z])[ij](?=[aeuo])")
_VOWEL_YI_RE = re.compile(r"(?<=[aeou])yi")
# Separators that a multi-word name may span: spaces, hyphens and dashes.
_JOIN_RE = re.compile(r"^[\s\-‐‑‒–—]+$")
# An abbreviation that may be followed by ". " inside a name ("St. Petersburg", "J. Smith").
_ABBREVIATION_RE = re.compile(r"^[A-ZА-ЯІЇЄҐ][a-zа-яіїєґ]{0,2}$")
_SENTENCE_END = frozenset(".!?\n…")
_OPENERS = frozenset("\"'“”‘’«»([{—–- \t")


class Word(NamedTuple):
    """One word of a text: its span (a possessive 's excluded), key and shape."""

    start: int
    end: int
    key: str
    shape: str  # U, T, L or N
    sentence_initial: bool
    joins_previous: bool  # False when punctuation or a line end separates it from the last
    title_line: bool = False  # on a line in title case (a headline): capitals say little


@lru_cache(maxsize=262144)
def fold_word(word: str) -> str:
    """The key of one word (see the module docstring)."""
    if word.isascii():
        text = word.lower().translate(_INNER_PUNCT)
    else:
        text = word.translate(_SPECIAL)
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
        text = text.casefold().translate(_INNER_PUNCT).replace(" ", "")
    if "i" in text or "y" in text or "j" in text:
        text = _FINAL_Y_RE.sub("y", text)
        text = _VOWEL_YI_RE.sub("i", text)
        text = _INNER_Y_RE.sub("y", text)
    return text


@lru_cache(maxsize=65536)
def word_shape(word: str) -> str:
    """``U`` (two or more cased letters, all capitals), ``T`` (first letter a capital),
    ``L`` (first letter lower case) or ``N`` (no cased letter)."""
    upper = word.upper()
    if word.lower() == upper:
        return "N"
    if word == upper:
        cased = sum(1 for ch in word if ch.lower() != ch)
        return "U" if cased >= 2 else "T"
    for ch in word:
        if ch.lower() != ch.upper():
            return "T" if ch.isupper() else "L"
    return "N"


@lru_cache(maxsize=16)
def words(text: str) -> tuple[Word, ...]:
    """Tokenise ``text`` into words with keys, shapes and sentence/phrase boundaries (the
    last few texts are cached: the catalog and the gazetteer scan the same article)."""
    out: list[Word] = []
    lines: list[int] = []
    line = 0
    prev_end = 0
    prev_word = ""
    new_word = _new_word
    form = _word_form
    # each match is (the separators before the word, the word): offsets follow from lengths
    for gap, word in _GAP_WORD_RE.findall(text):
        start = prev_end + len(gap)
        prev_end = start + len(word)
        cut, dotted, key, shape = form(word)
        end = prev_end - cut
        if gap == " " and out:
            initial, joins = False, True  # the common case, decided without the regexes
        elif gap in _AMPERSANDS and out and out[-1].end == start - len(gap):
            # "Trinidad & Tobago", "Jammu & Kashmir": the ampersand is a word "and"
            amp = start - len(gap) + gap.index("&")
            out.append(new_word((amp, amp + 1, "and", "N", False, True, False)))
            lines.append(line)
            initial, joins = False, True
        else:
            line += gap.count("\n")
            if not out:
                initial, joins = _initial(text, start), False
            else:
                joins = bool(_JOIN_RE.match(gap)) and "\n" not in gap
                if not joins and gap in (". ", ".") and _ABBREVIATION_RE.match(prev_word):
                    joins = True  # "St. Petersburg", "J. Smith"
                # after a dotted acronym ("U.S. officials") a dot does not end the sentence
                initial = not joins and "." not in prev_word and _initial(text, start)
        if dotted and text[end:end + 1] == ".":
            end += 1  # the closing dot of "U.S."
        out.append(new_word((start, end, key, shape, initial, joins, False)))
        lines.append(line)
        prev_word = word
    return _mark_title_lines(out, lines)


_AMPERSANDS = frozenset({" & ", "&"})
# The separators before a word and the word (the separators hold no word character).
_GAP_WORD_RE = re.compile(r"([\W_]*)(" + _WORD_RE.pattern + ")")


@lru_cache(maxsize=262144)
def key_and_shape(word: str) -> tuple[str, str]:
    """:func:`fold_word` and :func:`word_shape` of a word, in one cached call."""
    return fold_word(word), word_shape(word)


_APOSTROPHES = frozenset("'’ʼ`")
_new_word = partial(tuple.__new__, Word)


@lru_cache(maxsize=262144)
def _word_form(word: str) -> tuple[int, bool, str, str]:
    """What :func:`words` needs of a word: the characters a possessive 's takes off its end,
    whether it is dotted ("U.S", which a closing dot may follow), and its key and shape."""
    if len(word) > 2 and word[-2] in _APOSTROPHES and word[-1] in "sS":
        return (2, False, *key_and_shape(word[:-2]))
    return (0, "." in word, *key_and_shape(word))


def _mark_title_lines(ws: list[Word], lines: list[int]) -> tuple[Word, ...]:
    """Flag the words of lines written in title case ("Ukraine Says it Has Won Battle")."""
    counts: dict[int, list[int]] = {}
    for w, line in zip(ws, lines, strict=True):
        if len(w.key) >= 4 and w.shape != "N":
            c = counts.setdefault(line, [0, 0])
            c[0] += 1
            c[1] += w.shape != "L"
    titled = {line for line, (n, caps) in counts.items() if n >= 3 and caps >= 0.8 * n}
    if not titled:
        return tuple(ws)
    return tuple(w._replace(title_line=True) if line in titled else w
                 for w, line in zip(ws, lines, strict=True))


def _initial(text: str, start: int) -> bool:
    """Is the word at ``start`` the first of a sentence, a line or the text?"""
    i = start - 1
    while i >= 0 and text[i] in _OPENERS:
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END or text[i] == ":"


def name_words(name: str) -> tuple[Word, ...]:
    """The words of a name as the index stores them: a leading "the" dropped when more
    words follow."""
    ws = words(name)
    if len(ws) > 1 and ws[0].key == "the":
        ws = ws[1:]
    return ws


def name_key_shape(name: str) -> tuple[str, str]:
    """The key and the word shapes of a name (a leading "the" dropped when more words follow):
    the same as :func:`name_words` gives, faster."""
    keys: list[str] = []
    shapes: list[str] = []
    for word in _WORD_RE.findall(name.replace("&", " and ") if "&" in name else name):
        _, _, key, shape = _word_form(word)  # (a possessive 's dropped, as words() does)
        keys.append(key)
        shapes.append(shape)
    if len(keys) > 1 and keys[0] == "the":
        del keys[0], shapes[0]
    return " ".join(keys), "".join(shapes)


def name_key(name: str) -> str:
    """The normalised key of a whole name ("the U.S." and "US" give the same key)."""
    return name_key_shape(name)[0]


def name_shape(name: str) -> str:
    """The shapes of the words of a name, e.g. ``TLT`` for "Bosnia and Herzegovina"."""
    return name_key_shape(name)[1]


def shape_compatible(alias_shape: str, surface_shape: str, *, sentence_initial: bool,
                     alias_letters: tuple[int, ...] | None = None) -> bool:
    """The case policy: may a surface of shape ``surface_shape`` stand for an alias of shape
    ``alias_shape``?  ``alias_letters`` gives the length of each alias word (acronyms of four
    letters or more may also be written capitalised: "Nato")."""
    if len(alias_shape) != len(surface_shape):
        return False
    has_title = "T" in alias_shape or "U" in alias_shape
    # a name of several words all in capitals (a dateline's "NEW DELHI", "LA PAZ"): its short
    # words are no acronyms
    capitals = len(surface_shape) > 1 and surface_shape.strip("U") == "" and \
        alias_letters is not None and sum(alias_letters) >= 5
    for i, (a, s) in enumerate(zip(alias_shape, surface_shape, strict=True)):
        if a == "N" or s == "N" or a == s:
            continue
        long_word = alias_letters is not None and (alias_letters[i] >= 4 or capitals)
        if a == "U":
            if not (s == "T" and long_word):
                return False
        elif a == "T":
            if not (s == "U" and long_word):
                return False
        else:  # lower-case alias word
            if s == "L":
                continue
            if i == 0 and sentence_initial:
                continue
            if has_title and i > 0:
                continue  # "Bosnia And Herzegovina" in a title-cased headline
            return False
    return True


def key_lengths(key: str) -> tuple[int, ...]:
    """The length of each word of a key (for the acronym rule of :func:`shape_compatible`)."""
    return tuple(len(k) for k in key.split(" "))
