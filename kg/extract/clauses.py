"""Clauses: the stretch of a sentence a trigger's arguments, cues and time are looked for in.

No parser: a sentence is cut at semicolons, colons, dashes, quotation marks, contrastive
conjunctions after a comma (", but", ", while", ", although"), relative clauses (", which ...,")
and after a fronted subordinate clause ("After securing X in late March, forces have ...").
"""

from __future__ import annotations

from functools import lru_cache

from .document import Document
from .tokens import Token

# Reporting words that are also nouns ("state media", "reports said", "claims of").
REPORTING_NOUNS = frozenset({"state", "states", "report", "reports", "claim", "claims"})

_HARD = frozenset({";", ":", "—", "–", '"', "“", "”"})
_CONTRAST = frozenset({"but", "while", "whereas", "although", "though", "yet", "however",
                       "even", "as", "meanwhile", "because", "since", "after", "before"})
_RELATIVE = frozenset({"which", "who", "whom", "whose", "where"})
# Words opening a subordinate clause, which clause_bounds cuts off at the main clause
SUBORDINATORS = frozenset({"after", "before", "since", "while", "when", "as", "although",
                            "though", "once", "until", "despite", "following", "if",
                            "because", "even", "amid", "with"})
_PRONOUNS = frozenset({"it", "he", "she", "they", "we", "i", "you", "there"})
# Phrases before an event noun that make it what another event answers ("in retaliation for
# the barrage", "in response to the attack"): an earlier event of its own.
ANSWERING = frozenset({("retaliation", "for"), ("response", "to"), ("revenge", "for"),
                       ("reprisal", "for"), ("reprisals", "for"), ("retaliating", "for")})
# Pronouns that open a relative clause.
RELATIVE_PRONOUNS = frozenset({"who", "whom", "whose", "which"})
_AUX = frozenset({"has", "have", "had", "is", "are", "was", "were", "will", "would", "could",
                  "can", "may", "might", "must", "should", "did", "does", "do", "remain",
                  "remains", "said", "says"})


# words before a quotation of speech ('He said "we will retaliate"'), and words found only in
# speech, not in a quoted phrase
_BEFORE_SPEECH = frozenset({",", ":", "said", "says", "say", "told", "added", "warned",
                            "wrote", "declared", "announced", "shouted", "chanted"})
_SPOKEN = frozenset({"i", "we", "you", "he", "she", "they", "it", "will", "would", "must",
                     "can", "could", "shall", "should", "may", "might"})

def answers_before(words: list[str], lo: int, first: int) -> bool:
    """An answering phrase ("in retaliation for") stands in ``words[lo:first]``: the event
    at ``first`` is what another answers."""
    return any((words[i], words[i + 1]) in ANSWERING for i in range(lo, first - 1))


def _scare_quotes(toks: list[Token], words: list[str]) -> set[int]:
    """Quotation marks around at most three words inside a sentence ('carried out "precise
    strikes" on military targets'): a phrase quoted, no clause of its own."""
    out: set[int] = set()
    for k, w in enumerate(words):
        if w not in ('"', "“") or k == 0 or k in out or words[k - 1] in _BEFORE_SPEECH:
            continue
        for e in range(k + 2, min(len(words), k + 5)):
            if words[e] in ('"', "”"):
                if e + 1 < len(words) and toks[e + 1].is_word and \
                        all(t.is_word and t.lower not in _SPOKEN for t in toks[k + 1:e]):
                    out.update((k, e))
                break
    return out


def clause_bounds(doc: Document, sentence: int) -> list[tuple[int, int]]:
    """Character spans of the clauses of a sentence, in order, covering the sentence."""
    a, b = doc.sentence_tokens[sentence]
    toks = doc.tokens[a:b]
    sent = doc.sentences[sentence]
    if not toks:
        return [(sent.start, sent.end)]
    words = doc.words[a:b]
    cuts: set[int] = set()  # token indices where a new clause starts
    n = len(toks)
    scare = _scare_quotes(toks, words)
    for k, w in enumerate(words):
        if w in _HARD and k not in scare:
            cuts.update((k, k + 1))
        elif w == "," and k + 1 < n:
            nxt = words[k + 1]
            if nxt in _CONTRAST or nxt == "and" and _starts_clause(toks, k + 2) or \
                    measured_opener(words, k + 1) > k + 1:
                cuts.add(k + 1)  # (", a day after the rally turned violent")
            elif nxt in _RELATIVE:
                cuts.add(k + 1)
                end = _next_comma(toks, k + 1)
                if end is not None:
                    cuts.add(end + 1)
        elif k > 0 and (w == "but" or w == "whereas"):
            cuts.add(k)
        elif k > 0 and w in _MID_SUBORDINATORS and words[k - 1] != "," and \
                _finite_clause(words, k + 1):
            cuts.add(k)  # "the first deal since the invasion began in February"
    first = next((k for k, t in enumerate(toks) if t.is_word), 0)
    for begin in sorted({first} | {c for c in cuts if c < n}):
        while begin < n and not toks[begin].is_word:
            begin += 1
        if begin < n:
            begin = measured_opener(words, begin)  # "Two days after the vote, ..."
        if begin >= n or words[begin] not in SUBORDINATORS:
            continue
        k = begin
        while True:
            comma = _next_comma(toks, k + 1)
            if comma is None:
                break
            if _starts_clause(toks, comma + 1, irregular=True):
                cuts.add(comma + 1)
                break
            k = comma
    for s, e in doc.datelines:  # the dateline is a clause of its own
        if sent.start <= s < sent.end:
            k = next((k for k, t in enumerate(toks) if t.start >= e), None)
            if k is not None:
                cuts.add(k)
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


# conjunctions that open a subordinate clause without a comma before them
_MID_SUBORDINATORS = frozenset({"since", "after", "before", "until", "till", "because",
                                "although", "though", "while", "when", "once", "whereas"})
_NOT_IN_SUBJECT = frozenset({"and", "or", "but", "on", "in", "at", "to", "for", "from", "with",
                             "by", "into", "near", "over", "during", "against"})
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "this", "that",
                          "these", "those", "our", "my", "some", "many", "most", "all"})


# a measure before a temporal conjunction: "a day after", "two weeks before", "hours after",
# "just days after", "shortly after"
_MEASURE_WORDS = frozenset({
    "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "twelve", "24", "48", "72", "few", "several", "some", "just", "only", "barely", "less",
    "more", "than", "nearly", "almost", "about", "around", "shortly", "soon", "moments",
    "minutes", "minute", "hours", "hour", "days", "day", "weeks", "week", "months", "month",
    "years", "year", "nights", "night", "immediately", "right", "long", "even", "the"})
_MEASURED = frozenset({"after", "before", "since", "following", "ahead"})
_UNITS = frozenset({"moments", "minutes", "minute", "hours", "hour", "days", "day", "weeks",
                    "week", "months", "month", "years", "year", "nights", "night"})


def measured_opener(words: list[str], k: int) -> int:
    """Index of the temporal conjunction a clause opens with after a measure ("a day after",
    "hours before", "shortly after"), or ``k`` when the words at ``k`` are no such measure."""
    m = k
    while m < len(words) and m - k < 6 and words[m] in _MEASURE_WORDS or \
            m < len(words) and m - k < 6 and words[m][:1].isdigit():
        m += 1
    if m == k or m >= len(words) or words[m] not in _MEASURED:
        return k
    span = words[k:m]
    if not (set(span) & _UNITS or span[-1] in ("shortly", "soon", "immediately", "right",
                                                "long")):
        return k  # "the first deal since February" keeps its own reading
    return m


def _finite_clause(words: list[str], k: int) -> bool:
    """A subject and a finite verb start at ``k``: "the invasion began", "it was", "Russia
    invaded" (not "since February", "after the attack on the city")."""
    if k < len(words) and words[k] in _PRONOUNS:
        return True
    past = irregular_verb_forms()
    for m in range(k, min(k + 6, len(words))):
        w = words[m]
        if not w[:1].isalnum() or m > k and w in _NOT_IN_SUBJECT:
            return False  # "before dawn on Thursday and abducted": no subject and verb
        if m > k and (w in _AUX or w in past or w.endswith("ed") and len(w) > 4 and
                      words[m - 1] not in _DETERMINERS):
            return True
    return False


@lru_cache(maxsize=1)
def irregular_verb_forms() -> frozenset[str]:
    """The past forms and participles of the irregular verbs ("brought", "won", "seen")."""
    from .lexicon import load_lexicon

    return frozenset(f for forms in load_lexicon().irregular.values() for f in forms)


def _next_comma(toks: list[Token], k: int) -> int | None:
    for m in range(k, len(toks)):
        if toks[m].text == ",":
            return m
        if toks[m].text in _HARD:
            return None
    return None


def _starts_clause(toks: list[Token], k: int, *, irregular: bool = False) -> bool:
    """A subject and a finite verb within the next few words (an irregular past counts as
    one after a subordinate clause: "Despite protests from China, the Philippines held ...";
    after ", and" it is left to the first clause, whose place it may share)."""
    if k < len(toks) and toks[k].lower in _PRONOUNS:
        return True
    for m in range(k, min(k + 5, len(toks))):
        low = toks[m].lower
        if toks[m].text == ",":
            return False
        if low in _AUX or m > k and toks[m].text.islower() and (
                low.endswith("ed") or irregular and low in irregular_verb_forms()):
            return True
    return False


def clause_of(bounds: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    for b in bounds:
        if b[0] <= offset < b[1]:
            return b
    return bounds[-1]
