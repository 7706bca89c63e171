"""The analysed text: paragraphs, sentences, tokens and quotations, with lookups by offset."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .sentences import (
    Paragraph,
    SentenceSpan,
    dateline_end,
    split_paragraphs,
    split_sentences,
)
from .tokens import Token, tokenize
from .vocabulary import SURNAME_PARTICLES

_QUOTE_CHARS = re.compile(r"[\"“”]")


@dataclass
class Document:
    text: str
    paragraphs: list[Paragraph]
    sentences: list[SentenceSpan]
    tokens: list[Token]
    sentence_tokens: list[tuple[int, int]]  # [first, last) token indices of each sentence
    token_sentence: list[int]
    quotes: list[tuple[int, int]]  # character spans of quotations, marks included

    def __post_init__(self) -> None:
        self._sentence_starts = [s.start for s in self.sentences]
        self._token_starts = [t.start for t in self.tokens]
        self._token_ends = [t.end for t in self.tokens]
        self._clauses: dict[int, list[tuple[int, int]]] = {}
        # lower-cased words with typographic apostrophes made plain, parallel to ``tokens``
        self.words = [t.lower.replace("’", "'") if "’" in t.lower else t.lower
                      for t in self.tokens]
        self._cache: dict = {}  # per-document results of the stages (by key)
        # datelines ("KADOMA, Zimbabwe, June 12 - "): where and when the report was filed
        self.datelines = [(p.start, e) for p in self.paragraphs
                          for e in [dateline_end(self.text, p.start, p.end, p.kind)]
                          if e is not None]

    def in_dateline(self, offset: int) -> bool:
        return any(s <= offset < e for s, e in self.datelines)

    def tokens_between(self, start: int, end: int) -> list[Token]:
        """The tokens lying wholly inside ``start:end``."""
        i = bisect.bisect_left(self._token_starts, start)
        j = bisect.bisect_right(self._token_ends, end)
        return self.tokens[i:j] if j > i else []

    def clauses(self, sentence: int) -> list[tuple[int, int]]:
        """Clause spans of a sentence (computed once)."""
        found = self._clauses.get(sentence)
        if found is None:
            from .clauses import clause_bounds

            found = self._clauses[sentence] = clause_bounds(self, sentence)
        return found

    @classmethod
    def parse(cls, text: str) -> Document:
        paragraphs = split_paragraphs(text)
        sentences = split_sentences(text, paragraphs)
        tokens = tokenize(text)  # whitespace lies between sentences: one pass for all
        starts = [t.start for t in tokens]
        ranges = []
        token_sentence: list[int] = []
        for s in sentences:
            first = bisect.bisect_left(starts, s.start)
            last = bisect.bisect_left(starts, s.end, first)
            ranges.append((first, last))
            token_sentence.extend([s.index] * (last - first))
        if len(token_sentence) != len(tokens):  # a token outside every sentence: per sentence
            tokens, ranges, token_sentence = [], [], []
            for s in sentences:
                first = len(tokens)
                tokens.extend(tokenize(text, s.start, s.end, first))
                ranges.append((first, len(tokens)))
                token_sentence.extend([s.index] * (len(tokens) - first))
        quotes = [q for p in paragraphs for q in _quotations(text, p.start, p.end)]
        return cls(text, paragraphs, sentences, tokens, ranges, token_sentence, quotes)

    def sentence_tokens_of(self, sentence: int) -> list[Token]:
        a, b = self.sentence_tokens[sentence]
        return self.tokens[a:b]

    def sentence_at(self, offset: int) -> SentenceSpan | None:
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if 0 <= i < len(self.sentences) and offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def token_at(self, offset: int) -> Token | None:
        i = bisect.bisect_right(self._token_starts, offset) - 1
        if 0 <= i < len(self.tokens) and offset < self.tokens[i].end:
            return self.tokens[i]
        return None

    def quote_at(self, offset: int) -> tuple[int, int] | None:
        for q in self.quotes:
            if q[0] <= offset < q[1]:
                return q
            if q[0] > offset:
                break
        return None

    def word_before(self, floor: int, end: int) -> str:
        """The last (lower-cased) token lying wholly inside ``floor:end``, or ""."""
        j = bisect.bisect_right(self._token_ends, end)
        if j > 0 and self.tokens[j - 1].start >= floor:
            return self.tokens[j - 1].lower
        return ""

    def first_token_at_or_after(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        return bisect.bisect_left(self._token_starts, offset)

    def words_between(self, start: int, end: int) -> list[str]:
        """The lower-cased words of the tokens starting in ``start:end``."""
        return self.words[self.first_token_at_or_after(start):self.first_token_at_or_after(end)]

    def paragraph_sentences(self, paragraph: int) -> list[SentenceSpan]:
        return [s for s in self.sentences if s.paragraph == paragraph]


_NICKNAME_RE = re.compile(r"[\"“][A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2}[\"”]")
_NAME_BEFORE_RE = re.compile(r"[A-Z][a-z'’-]+ $")
_NAME_AFTER_RE = re.compile(r" (?:(?:" + "|".join(sorted(SURNAME_PARTICLES)) + r") )?[A-Z][a-z]")


def _a_nickname(text: str, start: int, end: int) -> bool:
    """The quoted words are a nickname between a given name and a surname ('Ismael "El Mayo"
    Zambada'), not a quotation."""
    return bool(_NICKNAME_RE.fullmatch(text, start, end) and
                _NAME_BEFORE_RE.search(text, max(0, start - 30), start) and
                _NAME_AFTER_RE.match(text, end))


def _quotations(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Quoted spans in a paragraph; an unclosed quotation runs to the paragraph's end."""
    out = []
    opened: int | None = None
    for m in _QUOTE_CHARS.finditer(text, start, end):
        ch = m.group()
        if opened is None:
            if ch != "”":
                opened = m.start()
        elif ch != "“":
            if not _a_nickname(text, opened, m.end()):
                out.append((opened, m.end()))
            opened = None
    if opened is not None and end - opened > 1:
        out.append((opened, end))
    return out
