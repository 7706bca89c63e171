"""Input screening: text the English rules cannot read yields no events and a warning.

Empty text, binary or garbled text (control or replacement characters, few letters), another
script, or a Latin-script text with hardly any English function words (French, German, ...).
"""

from __future__ import annotations

from ..model import Article
from .document import Document
from .lexicon import Lexicon

_ENGLISH = frozenset("""
the a an of to in on at for and or but is are was were be been has have had it its this that
with by from as not he she they we his her their which who will would said says after over
""".split())


def screen(article: Article, doc: Document, lex: Lexicon) -> str | None:
    """A warning when the article cannot be analysed, else None."""
    text = article.text
    if not text.strip():
        return "empty text: nothing to extract"
    if article.language and not article.language.lower().startswith("en"):
        return f"language {article.language!r} is not supported (English only): no events " \
               "extracted"
    visible = [c for c in text if not c.isspace()]
    controls = sum(1 for c in text if (ord(c) < 32 and c not in "\n\t") or c == "\ufffd"
                   or 0x7f <= ord(c) < 0xa0)
    if controls > max(2, len(text) // 100):
        return "text looks binary or garbled (control characters): no events extracted"
    letters = [c for c in visible if c.isalpha()]
    if len(letters) < 0.5 * len(visible):
        return "text looks garbled (few letters): no events extracted"
    latin = sum(1 for c in letters if c.isascii() or "\u00c0" <= c <= "\u024f")
    if latin < 0.7 * len(letters):
        return "text is not in English (non-Latin script): no events extracted"
    words = [t.lower for t in doc.tokens if t.is_word]
    if len(words) >= 8:
        english = sum(1 for w in words if w in _ENGLISH)
        if english < 0.06 * len(words):
            return "text does not look like English: no events extracted"
    return None
