"""Word tokens with character offsets: the unit every extraction rule looks at."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A word (letters/digits, inner hyphens, apostrophes and dots of abbreviations such as "U.S."),
# a number with separators ("1,200", "3.5"), or any single other non-space character.
_TOKEN_RE = re.compile(
    r"(?:[A-Za-z]\.){2,}"                       # dotted acronyms: U.S., a.m.
    r"|\d+(?:[.,:]\d+)*[A-Za-z]*(?:-[A-Za-z]+)*"  # numbers: "1,200", "227th", "40-year-old"
    r"|[^\W\d_](?:[\w]|[-'’](?=\w))*"           # words with inner hyphens and apostrophes
    r"|\S",
    re.UNICODE)

_POSSESSIVE_RE = re.compile(r"^(.+?)(['’]s|['’])$")


@dataclass(frozen=True, slots=True)
class Token:
    """One token. ``i`` is its index in the document's token list."""

    text: str
    start: int
    end: int
    i: int

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalpha()

    @property
    def is_cap(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_number(self) -> bool:
        return self.text[:1].isdigit()

    @property
    def bare(self) -> str:
        """The word without a possessive ending ("Russia's" -> "Russia")."""
        m = _POSSESSIVE_RE.match(self.text)
        return m.group(1) if m and m.group(1)[:1].isalpha() else self.text

    @property
    def bare_end(self) -> int:
        return self.start + len(self.bare)


def tokenize(text: str, start: int = 0, end: int | None = None, first_index: int = 0
             ) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``; indices from ``first_index``."""
    end = len(text) if end is None else end
    out: list[Token] = []
    for m in _TOKEN_RE.finditer(text, start, end):
        out.append(Token(m.group(), m.start(), m.end(), first_index + len(out)))
    return out
