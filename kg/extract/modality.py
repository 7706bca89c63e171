"""Modality of an event mention: asserted, claimed, hedged, negated or planned.

Cues are looked for in the trigger's clause, mostly just before the trigger:
- negated: "not", "never", "n't", "no (reports of)", "without", "yet to", "prevented X from",
  "failed to", "denied";
- planned: "will", "would", "plans to", "is expected to", "attempting to", "upcoming";
- hedged: "may", "could", "appears to", "reportedly", "allegedly";
- claimed: a reporting verb governing the clause ("Ukraine says it has won", "X claimed that",
  ", officials said"), "according to X", or a quotation.
When several apply, the first in the order negated, planned, hedged, claimed wins; the source
of a claim is kept even when the modality is another one.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .clauses import clause_of
from .document import Document
from .inflection import verb_forms
from .lexicon import Lexicon
from .tokens import Token
from .triggers import Trigger

_NEG_PARTICLES = frozenset({"not", "never", "neither", "nor", "cannot"})
_NEG_FROM_VERBS = ("prevent", "stop", "block", "bar", "keep", "deter", "dissuade", "restrain")
_NEG_TO_VERBS = ("fail", "refuse", "decline")
_NO_PHRASES = (("no", "reports", "of"), ("no", "report", "of"), ("no", "sign", "of"),
               ("no", "signs", "of"), ("no", "evidence", "of"), ("no", "word", "of"),
               ("no", "immediate", "reports", "of"), ("no", "indication", "of"))


@dataclass(frozen=True)
class Reading:
    """What the cues say about one trigger."""

    modality: str
    cue: str | None = None
    reporter: int | None = None  # token index of the reporting verb, when claimed
    according_to: tuple[int, int] | None = None  # token range after "according to"
    quoted: tuple[int, int] | None = None  # the quotation holding the trigger
    perfect: bool = False  # present perfect ("has won"): anchored to the present


@lru_cache(maxsize=1)
def _negation_forms() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    from .lexicon import load_lexicon

    irregular = load_lexicon().irregular
    from_forms = frozenset(f for v in _NEG_FROM_VERBS for f in verb_forms(v, irregular))
    to_forms = frozenset(f for v in _NEG_TO_VERBS for f in verb_forms(v, irregular))
    deny = frozenset(verb_forms("deny", irregular))
    return from_forms, to_forms, deny


def read_modality(doc: Document, trig: Trigger, bounds: list[tuple[int, int]], lex: Lexicon,
                  *, is_reporting: bool = False) -> Reading:
    clause = clause_of(bounds, trig.start)
    a, b = doc.sentence_tokens[trig.sentence]
    sent_toks = doc.tokens[a:b]
    quote = doc.quote_at(trig.start)
    before = [t for t in sent_toks if clause[0] <= t.start and t.end <= trig.start
              and (quote is None or t.start > quote[0])]
    words = [t.lower.replace("’", "'") for t in before]
    perfect = any(w in ("has", "have", "'ve", "hasn't", "haven't") for w in words[-3:]) \
        and trig.pos == "v"
    negation = _negated(before, words, trig, lex)
    planned = _cue_before(words, lex.phrase_index("planned"), 9, trig)
    hedge = _cue_before(words, lex.phrase_index("hedges"), 5, trig)
    if planned == "would" and hedge:
        planned = None
    reporter, according = _claim(doc, trig, sent_toks, clause, quote, lex, is_reporting)
    if negation:
        modality, cue = "negated", negation
    elif planned:
        modality, cue = "planned", planned
    elif hedge:
        modality, cue = "hedged", hedge
    elif quote is not None or reporter is not None or according is not None:
        modality, cue = "claimed", "quotation" if quote is not None and reporter is None \
            and according is None else "report"
    else:
        modality, cue = "asserted", None
    return Reading(modality, cue, reporter, according, quote, perfect)


def _negated(before: list[Token], words: list[str], trig: Trigger, lex: Lexicon) -> str | None:
    from_forms, to_forms, deny = _negation_forms()
    near = words[-4:]
    for w in near:
        if w in _NEG_PARTICLES or w.endswith("n't") or w == "no" and trig.pos == "n":
            if w == "no" or "longer" not in words[-3:]:
                return w
    if words[-2:-1] == ["without"] or words[-1:] == ["without"]:
        return "without"
    joined = " ".join(words[-6:])
    for p in _NO_PHRASES:
        if " ".join(p) in joined:
            return " ".join(p)
    if "yet to" in " ".join(words[-3:]):
        return "yet to"
    window = words[-9:]
    for i, w in enumerate(window):
        if w in from_forms and "from" in window[i + 1:]:
            return f"{w} ... from"
        if w in to_forms and window[i + 1:i + 2] == ["to"]:
            return f"{w} to"
        if w in deny and (len(window) - i <= 3 or "that" in window[i + 1:i + 2]) and \
                "and" not in window[i + 1:]:
            return w
    return None


def _cue_before(words: list[str], index: dict[str, tuple[tuple[str, ...], ...]], size: int,
                trig: Trigger) -> str | None:
    window = words[-size:]
    for i, w in enumerate(window):
        for p in index.get(w, ()):
            if tuple(window[i:i + len(p)]) == p:
                return " ".join(p)
    return None


def _claim(doc: Document, trig: Trigger, sent_toks: list[Token], clause: tuple[int, int],
           quote: tuple[int, int] | None, lex: Lexicon, is_reporting: bool
           ) -> tuple[int | None, tuple[int, int] | None]:
    """The reporting verb (token index) or "according to" span that governs the trigger."""
    def outside_quote(t: Token) -> bool:
        q = doc.quote_at(t.start)
        return q is None or q == quote

    according = None
    for k, t in enumerate(sent_toks[:-2]):
        if t.lower == "according" and sent_toks[k + 1].lower == "to" and outside_quote(t):
            end = k + 2
            while end < len(sent_toks) and sent_toks[end].text not in (",", ".", ";", ":"):
                end += 1
            according = (sent_toks[k + 2].i, sent_toks[end - 1].i + 1)
            break
    if is_reporting and quote is None:
        return None, according
    # a reporting verb before the trigger in its clause: "X said (that) ..."
    for t in reversed(sent_toks):
        if t.end > trig.start or t.start < clause[0]:
            continue
        if not outside_quote(t) or (quote is not None and doc.quote_at(t.start) == quote):
            continue
        if lex.reporting_lemma(t.lower) and t.is_word and not _noun_use(sent_toks, t):
            return t.i, according
    # ", X said" after the trigger, in the same sentence and outside the trigger's quotation
    after = [t for t in sent_toks if t.start >= trig.end and
             (quote is None or t.start >= quote[1])]
    comma_at = None
    for n, t in enumerate(after):
        if t.text == ";":
            break
        if t.text in (",", "”", '"'):
            comma_at = n
            continue
        if comma_at is not None and n - comma_at <= 8 and t.is_word and \
                lex.reporting_lemma(t.lower) and not _noun_use(sent_toks, t):
            return t.i, according
    return None, according


def _noun_use(sent_toks: list[Token], t: Token) -> bool:
    k = next(i for i, x in enumerate(sent_toks) if x.i == t.i)
    prev = sent_toks[k - 1].lower if k > 0 else ""
    return prev in ("the", "a", "an", "its", "their", "his", "her", "this", "that")
