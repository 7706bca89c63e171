"""Spelling variants of one name within an article: transliterations and typos.

Two spellings are taken for one name when (after lower-casing and folding accents)
- their consonant skeletons agree (Kharkiv/Kharkov, Zelensky/Zelenskyy, Kyiv/Kiev), or
- they start with the same letter and use the same letters (Kyvi/Kyiv, Karkhiv/Kharkiv), or
- they are one edit apart and at least six letters long (Dergachi/Derhachi).
Short names (under four letters) never match, and the tests are only applied between a name
the article does not otherwise explain and a name it does.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_TRANSLIT = (("kh", "h"), ("zh", "j"), ("ts", "c"), ("ch", "c"), ("sh", "s"), ("yy", "y"),
             ("iy", "y"), ("yi", "y"), ("ij", "y"), ("ii", "y"), ("j", "y"), ("w", "v"),
             ("ph", "f"), ("ck", "k"), ("q", "k"), ("x", "ks"), ("g", "h"), ("'", ""),
             ("’", ""), ("-", ""), (" ", ""))
_VOWELS = set("aeiouy")


@lru_cache(maxsize=4096)
def fold(name: str) -> str:
    """Lower case without accents."""
    decomposed = unicodedata.normalize("NFKD", name.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=4096)
def skeleton(name: str) -> str:
    """Consonant skeleton after common transliteration folds."""
    s = fold(name)
    for a, b in _TRANSLIT:
        s = s.replace(a, b)
    if not s:
        return s
    out = [s[0]]
    for c in s[1:]:
        if c in _VOWELS or c == out[-1]:
            continue
        out.append(c)
    return "".join(out)


def _one_edit(a: str, b: str) -> bool:
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:] or (i + 1 < len(a) and a[i] == b[i + 1] and
                                          a[i + 1] == b[i] and a[i + 2:] == b[i + 2:])
    return a[i:] == b[i + 1:]


@lru_cache(maxsize=65536)
def are_variants(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` plausibly spell the same name."""
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return True
    if min(len(fa), len(fb)) < 4 or fa[0] != fb[0] or abs(len(fa) - len(fb)) > 2:
        return False
    if sorted(fa) == sorted(fb):
        return True
    if min(len(fa), len(fb)) >= 6 and _one_edit(fa, fb):
        return True
    sa, sb = skeleton(a), skeleton(b)
    return len(sa) >= 3 and sa == sb and abs(len(fa) - len(fb)) <= 1
