"""Word tokens with character offsets: the unit every extraction rule looks at."""

from __future__ import annotations

import re
from functools import partial
from typing import NamedTuple

# A word (letters/digits, inner hyphens, apostrophes and dots of abbreviations such as "U.S."),
# a number with separators ("1,200", "3.5"), or any single other non-space character.
_TOKEN_RE = re.compile(
    r"(?:[A-Za-z]\.){2,}"                       # dotted acronyms: U.S., a.m.
    r"|\d+(?:[.,:]\d+)*[A-Za-z]*(?:-[A-Za-z]+)*"  # numbers: "1,200", "227th", "40-year-old"
    r"|[^\W\d_]\w*(?:[-'’]\w+)*"                 # words with inner hyphens and apostrophes
    r"|\S",
    re.UNICODE)

_POSSESSIVE_RE = re.compile(r"^(.+?)(['’]s|['’])$")


class Token(NamedTuple):
    """One token. ``i`` is its index in the document's token list."""

    text: str
    start: int
    end: int
    i: int
    lower: str
    is_word: bool  # starts with a letter
    is_cap: bool  # starts with an upper-case letter
    is_number: bool

    @property
    def bare(self) -> str:
        """The word without a possessive ending ("Russia's" -> "Russia")."""
        if "'" not in self.text and "’" not in self.text:
            return self.text
        m = _POSSESSIVE_RE.match(self.text)
        return m.group(1) if m and m.group(1)[:1].isalpha() else self.text

    @property
    def bare_end(self) -> int:
        return self.start + len(self.bare)


_new_token = partial(tuple.__new__, Token)


_MATCH_START = re.Match.start
_MATCH_END = re.Match.end
_MATCH_GROUP = re.Match.group


def tokenize(text: str, start: int = 0, end: int | None = None, first_index: int = 0
             ) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``; indices from ``first_index``."""
    end = len(text) if end is None else end
    matches = list(_TOKEN_RE.finditer(text, start, end))
    words = list(map(_MATCH_GROUP, matches))
    firsts = [w[0] for w in words]
    # built column by column with C-level maps: no Python frame per token
    return list(map(_new_token, zip(
        words, map(_MATCH_START, matches), map(_MATCH_END, matches),
        range(first_index, first_index + len(words)), map(str.lower, words),
        map(str.isalpha, firsts), map(str.isupper, firsts), map(str.isdigit, firsts),
        strict=True)))
