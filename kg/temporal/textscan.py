"""Cheap scans of the text around an expression (no regular expressions)."""

from __future__ import annotations


def prev_words(text: str, start: int, n: int = 1, limit: int = 60) -> list[str]:
    """Up to ``n`` words (lower case) right before ``start``, nearest last; stops at a
    sentence-ending punctuation mark or a line break."""
    out: list[str] = []
    i = start
    floor_ = max(0, start - limit)
    while len(out) < n and i > floor_:
        while i > floor_ and not text[i - 1].isalnum():
            if text[i - 1] in ".!?\n" and not (out == [] and i == start):
                return out[::-1]
            i -= 1
        j = i
        while j > floor_ and (text[j - 1].isalnum() or text[j - 1] in "'’"):
            j -= 1
        if j == i:
            break
        out.append(text[j:i].lower())
        i = j
    return out[::-1]
