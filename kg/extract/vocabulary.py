"""Closed word classes that several rule modules read (one definition each)."""

from __future__ import annotations

# Lower-case particles inside a surname: "Marine Le Pen", "Ursula von der Leyen",
# "Ronald dela Rosa", "Mohammed bin Salman".
SURNAME_PARTICLES = frozenset({"le", "la", "de", "du", "da", "di", "del", "dela", "della", "dos",
                               "das", "van", "von", "der", "den", "ter", "bin", "ibn", "ben",
                               "abu", "al", "el"})
# Quotation marks, straight and curly; a straight single one may also be an apostrophe.
OPENING_QUOTES = frozenset({'"', "“", "‘", "'"})
CLOSING_QUOTES = frozenset({'"', "”", "’", "'"})
