"""Input screening: text the English rules cannot read yields no events and a warning.

Empty text, binary or garbled text (control or replacement characters, few letters), another
script, or a Latin-script text with hardly any English function words (French, German, ...).
"""

from __future__ import annotations

import re

from ..model import Article
from .document import Document
from .lexicon import Lexicon

_SAMPLE = 20_000  # characters looked at
_SPACE_RE = re.compile(r"\s+")
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffd]+")
_LETTER_RE = re.compile(r"[^\W\d_]+")
_LATIN_RE = re.compile("[A-Za-z\u00c0-\u024f]+")


def _count(pattern: re.Pattern[str], text: str) -> int:
    """Characters of ``text`` matched by ``pattern`` (runs removed in C, then measured)."""
    return len(text) - len(pattern.sub("", text))
_ENGLISH = frozenset("""
the a an of to in on at for and or but is are was were be been has have had it its this that
with by from as not he she they we his her their which who will would said says after over
""".split())


# ASCII byte classes for the fast path (same sets as the patterns above, for ASCII text)
_ASCII_SPACE = b" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"
_ASCII_CONTROL = bytes(range(0x00, 0x09)) + bytes(range(0x0b, 0x20)) + b"\x7f"
_ASCII_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_ASCII_NOT_LETTERS = bytes(c for c in range(128) if c not in _ASCII_LETTERS)


def _measure(sample: str) -> tuple[int, int, int, int]:
    """Visible, control, letter and Latin-letter character counts of ``sample``."""
    if sample.isascii():
        b = sample.encode("ascii")
        letters = len(b.translate(None, _ASCII_NOT_LETTERS))
        controls = len(b) - len(b.translate(None, _ASCII_CONTROL))
        return len(b.translate(None, _ASCII_SPACE)), controls, letters, letters
    return (len(_SPACE_RE.sub("", sample)), _count(_CONTROL_RE, sample),
            _count(_LETTER_RE, sample), _count(_LATIN_RE, sample))


def screen(article: Article, doc: Document, lex: Lexicon) -> str | None:
    """A warning when the article cannot be analysed, else None."""
    text = article.text
    if not text.strip():
        return "empty text: nothing to extract"
    if article.language and not article.language.lower().startswith("en"):
        return f"language {article.language!r} is not supported (English only): no events " \
               "extracted"
    sample = text[:_SAMPLE]
    visible, controls, letters, latin = _measure(sample)
    if controls > max(2, len(sample) // 100):
        return "text looks binary or garbled (control characters): no events extracted"
    if letters < 0.5 * visible:
        return "text looks garbled (few letters): no events extracted"
    if latin < 0.7 * letters:
        return "text is not in English (non-Latin script): no events extracted"
    words = [t.lower for t in doc.tokens if t.is_word]
    if len(words) >= 8:
        english = sum(1 for w in words if w in _ENGLISH)
        if english < 0.06 * len(words):
            return "text does not look like English: no events extracted"
    return None
