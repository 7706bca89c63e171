"""A crude, deterministic stem for event triggers, so that "withdrew", "withdrawal" and
"withdrawing" (or "struck" and "strikes") compare equal across articles.

The extraction pipeline records the lexicon lemma it matched in the event's rule
(``lexicon:<pos>:<lemma>``); that lemma is preferred, the trigger's own text is the fallback.
Both go through :func:`stem`, so they meet. Pure.
"""

from __future__ import annotations

import re

# irregular verb forms and nouns whose stem differs from their verb's
_IRREGULAR = {
    "struck": "strike", "stricken": "strike", "withdrew": "withdraw", "withdrawn": "withdraw",
    "fought": "fight", "took": "take", "taken": "take", "retook": "retake", "retaken": "retake",
    "overran": "overrun", "shot": "shoot", "fled": "flee", "left": "leave", "won": "win",
    "lost": "lose", "held": "hold", "met": "meet", "meeting": "meet", "broke": "break",
    "broken": "break", "blew": "blow", "blown": "blow", "fell": "fall", "fallen": "fall",
    "shook": "shake", "shaken": "shake", "sent": "send", "spoke": "speak", "spoken": "speak",
    "said": "say", "told": "tell", "drove": "drive", "driven": "drive", "began": "begin",
    "begun": "begin", "hit": "hit", "seized": "seize", "sought": "seek", "rode": "ride",
    "froze": "freeze", "frozen": "freeze", "bombardment": "bombard", "explosion": "explode",
    "destruction": "destroy", "killing": "kill", "death": "die", "died": "die",
    "dead": "die", "victory": "win", "defeat": "defeat", "occupation": "occupy",
    "occupied": "occupy", "invasion": "invade", "capture": "capture", "pullback": "pull back",
    "retreat": "retreat", "resignation": "resign", "election": "elect",
}
_SUFFIXES = ("ments", "ment", "ions", "ion", "ings", "ing", "als", "al", "ies", "ied", "es",
             "ed", "s", "e", "y")
_RULE = re.compile(r"^lexicon:[a-z_]+:(.+)$")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)


def trigger_stem(rule: str | None, anchor: str | None) -> str | None:
    """The stem of an event's trigger: from the extraction rule's lemma, else its text."""
    if rule:
        m = _RULE.match(rule.strip())
        if m:
            return stem(m.group(1))
    return stem(anchor) if anchor else None


def stem(phrase: str) -> str | None:
    """Stem every word of a phrase (case-folded), joined by single spaces."""
    words = _WORD.findall(phrase.casefold())
    if not words:
        return None
    return " ".join(_stem_word(w) for w in words)


def _stem_word(word: str) -> str:
    word = _IRREGULAR.get(word, word)
    if " " in word:
        return " ".join(_stem_word(w) for w in word.split())
    stripped = ""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word, stripped = word[: -len(suffix)], suffix
            break
    if stripped in ("ment", "ments", "al", "als") and word.endswith("e"):
        word = word[:-1]  # agreement -> agree -> agre, like agreed -> agre
    if len(word) >= 4 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]  # stopped -> stopp -> stop; but shell, kill stay
    return word
