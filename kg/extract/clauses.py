"""Clauses: the stretch of a sentence a trigger's arguments, cues and time are looked for in.

No parser: a sentence is cut at semicolons, colons, dashes, quotation marks, contrastive
conjunctions after a comma (", but", ", while", ", although"), relative clauses (", which ...,")
and after a fronted subordinate clause ("After securing X in late March, forces have ...").
"""

from __future__ import annotations

from .document import Document
from .tokens import Token

_HARD = frozenset({";", ":", "—", "–", '"', "“", "”"})
_CONTRAST = frozenset({"but", "while", "whereas", "although", "though", "yet", "however",
                       "even", "as", "meanwhile", "because", "since", "after", "before"})
_RELATIVE = frozenset({"which", "who", "whom", "whose", "where"})
_SUBORDINATORS = frozenset({"after", "before", "since", "while", "when", "as", "although",
                            "though", "once", "until", "despite", "following", "if",
                            "because", "even", "amid", "with"})
_PRONOUNS = frozenset({"it", "he", "she", "they", "we", "i", "you", "there"})
_AUX = frozenset({"has", "have", "had", "is", "are", "was", "were", "will", "would", "could",
                  "can", "may", "might", "must", "should", "did", "does", "do", "remain",
                  "remains", "said", "says"})


def clause_bounds(doc: Document, sentence: int) -> list[tuple[int, int]]:
    """Character spans of the clauses of a sentence, in order, covering the sentence."""
    toks = doc.sentence_tokens_of(sentence)
    sent = doc.sentences[sentence]
    if not toks:
        return [(sent.start, sent.end)]
    cuts: set[int] = set()  # token indices where a new clause starts
    n = len(toks)
    for k, tok in enumerate(toks):
        if tok.text in _HARD:
            cuts.update((k, k + 1))
        if tok.text == "," and k + 1 < n:
            nxt = toks[k + 1].lower
            if nxt in _CONTRAST or nxt == "and" and _starts_clause(toks, k + 2):
                cuts.add(k + 1)
            elif nxt in _RELATIVE:
                cuts.add(k + 1)
                end = _next_comma(toks, k + 1)
                if end is not None:
                    cuts.add(end + 1)
        elif tok.lower in ("but", "whereas") and k > 0:
            cuts.add(k)
    first = next((k for k, t in enumerate(toks) if t.is_word), 0)
    for begin in sorted({first} | {c for c in cuts if c < n}):
        while begin < n and not toks[begin].is_word:
            begin += 1
        if begin >= n or toks[begin].lower not in _SUBORDINATORS:
            continue
        k = begin
        while True:
            comma = _next_comma(toks, k + 1)
            if comma is None:
                break
            if _starts_clause(toks, comma + 1):
                cuts.add(comma + 1)
                break
            k = comma
    starts = sorted(c for c in cuts if 0 < c < n)
    bounds = []
    prev = sent.start
    for c in starts:
        pos = toks[c].start
        if pos > prev:
            bounds.append((prev, pos))
            prev = pos
    bounds.append((prev, sent.end))
    return bounds


def _next_comma(toks: list[Token], k: int) -> int | None:
    for m in range(k, len(toks)):
        if toks[m].text == ",":
            return m
        if toks[m].text in _HARD:
            return None
    return None


def _starts_clause(toks: list[Token], k: int) -> bool:
    """A subject and a finite verb within the next few words."""
    if k < len(toks) and toks[k].lower in _PRONOUNS:
        return True
    for m in range(k, min(k + 5, len(toks))):
        low = toks[m].lower
        if toks[m].text == ",":
            return False
        if low in _AUX or (m > k and low.endswith("ed") and toks[m].text.islower()):
            return True
    return False


def clause_of(bounds: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    for b in bounds:
        if b[0] <= offset < b[1]:
            return b
    return bounds[-1]
