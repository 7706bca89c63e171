"""Event triggers: lexicon words and phrases found in a sentence, with their part of speech.

A form shared by a noun and a verb entry ("attack") is read as a noun after a determiner,
possessive, adjective, number or preposition, and as a verb otherwise. Participles used as
adjectives ("a destroyed tank", "the occupying forces") are not triggers.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..temporal.lexicon import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS
from .document import Document
from .lexicon import Condition, Lexicon, TriggerEntry
from .names import MAKERS
from .sentences import every_long_word_capitalised
from .tokens import Token

DETERMINERS = frozenset({
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our",
    "my", "your", "another", "any", "every", "each", "no", "some", "such", "first", "second",
    "third", "latest", "new", "further", "fresh", "recent", "massive", "major", "overnight",
    "deadly", "heavy", "renewed", "full-scale", "large-scale", "failed", "successful",
    "alleged", "apparent", "possible", "suspected", "planned", "upcoming", "next", "last",
    "final", "brief", "short", "long", "ongoing", "continued", "continuing", "fierce",
    "intense", "powerful", "strong", "huge", "devastating", "fatal", "several", "many",
    "multiple", "two", "three", "daily", "nightly", "weekly", "national", "nationwide",
    "peaceful", "violent", "mass", "general", "local", "regional", "presidential",
    "parliamentary", "early", "snap", "municipal", "video", "televised", "rare", "same",
    "similar", "earlier", "later", "initial", "significant", "minor", "small",
    "big", "deadliest", "worst", "largest", "biggest", "key", "joint", "military",
})
PREPOSITIONS = frozenset({
    "in", "on", "of", "after", "before", "during", "amid", "following", "since", "by", "with",
    "for", "from", "against", "despite", "about", "over", "under", "into", "at", "near",
    "through", "without", "to", "as", "like", "toward", "towards", "behind", "within",
})
_INFINITIVE_TAKERS = frozenset({
    "try", "tried", "tries", "trying", "attempt", "attempted", "attempting", "attempts", "want",
    "wanted", "wants", "plan", "plans", "planned", "planning", "vow", "vowed", "vows",
    "threaten", "threatened", "threatens", "decide", "decided", "agree", "agreed", "refuse",
    "refused", "continue", "continued", "continues", "begin", "began", "begun", "expected",
    "going", "ready", "able", "set", "forced", "ordered", "allowed", "seek", "seeks", "sought",
    "promise", "promised", "pledge", "pledged", "intend", "intended", "intends", "aim", "aimed",
    "aims", "prepare", "prepared", "preparing", "moved", "need", "needed", "managed", "used",
    "likely", "unlikely", "failed", "fail", "fails", "urged", "called", "asked", "vote", "voted",
    "started", "start", "starts", "threat", "threats", "plot", "plots", "bid"})
_ARTICLES = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their",
                       "his", "her", "our", "my", "your"})
_VERBAL_BEFORE = frozenset({
    "to", "will", "would", "could", "can", "may", "might", "must", "should", "did", "does",
    "do", "not", "n't", "they", "we", "he", "she", "it", "i", "you", "who", "which", "also",
    "has", "have", "had", "is", "are", "was", "were", "be", "been", "being", "then", "later",
    "reportedly", "allegedly", "jointly", "repeatedly", "again", "forces", "troops",
    "soldiers", "officials", "police", "rebels", "protesters", "authorities",
})


_NAMING = frozenset({"called", "calling", "calls", "branded", "termed", "labelled", "labeled",
                     "described", "describing", "denounced"})
_POSITIVE = frozenset({"near", "after", "before"})  # conditions that look for a sense's context
_OBJECT_DETERMINERS = frozenset({"its", "their", "his", "her", "our", "the", "a", "an"})
_OPENERS = frozenset({"the", "a", "an", "in", "on", "at", "after", "before", "but", "and",
                      "as", "when", "while", "if", "so", "then", "meanwhile", "still"})
# Nouns that end the name of a disaster ("the Palisades Fire", "the Camp Fire").
_NAMED_DISASTERS = frozenset({"fire", "fires", "wildfire", "complex"})
_FORCE_WORDS = frozenset({"forces", "troops", "soldiers", "army", "units", "fighters",
                          "troop", "force", "unit", "columns", "convoys", "tanks"})


_IDIOM_NOUNS = frozenset({("exchange",), ("return",)})  # "in exchange for", "in return for"
_COMPOUNDABLE = frozenset({"Bombing", "Explosion", "Attack", "ShellingMissileAttack",
                          "AirStrike", "Killing"})


@dataclass(frozen=True)
class Trigger:
    """One trigger occurrence: tokens ``first..last`` (inclusive) of sentence ``sentence``."""

    sentence: int
    first: int
    last: int
    start: int
    end: int
    entry: TriggerEntry
    pos: str  # v | n
    text: str

    @property
    def type(self) -> str:
        return self.entry.type


def find_triggers(doc: Document, lex: Lexicon) -> list[Trigger]:
    out: list[Trigger] = []
    index = lex.triggers
    seen: set[tuple[str, str]] = set()  # (lemma, type) of the triggers found so far
    told: set[tuple[str, str]] = set()  # the same, outside headlines
    # (lemma, type) of nouns whose context ruled their sense out ("a campaign rally"): a later
    # "the rally" refers back to that one
    refused: set[tuple[str, str]] = set()
    all_words = doc.words
    # token indices of words that may start a trigger, found in one pass over the document
    starts = [i for i, w in enumerate(all_words) if w in index]
    next_free = 0
    current = -1
    words: list[str] = []
    toks: list[Token] = []
    a = 0
    subheadings = _subheadings(doc)
    for i in starts:
        if i < next_free:
            continue  # inside the previous trigger
        sentence = doc.token_sentence[i]
        if sentence in subheadings:
            continue
        if sentence != current:
            current = sentence
            a, b = doc.sentence_tokens[sentence]
            words, toks = all_words[a:b], doc.tokens[a:b]
        hit = _match_at(toks, words, i - a, lex, seen, refused, told,
                        titled=doc.sentences[sentence].titlecase)
        if hit is None:
            continue
        end_k, entry, pos = hit
        if entry.type == "MilitaryVictory" and _scored(toks, words):
            continue  # "beat Inter Milan 5-0 ..., the biggest margin of victory": a match's
        seen.add((entry.lemma, entry.type))
        if entry.pos == "n" and " " in entry.lemma and entry.type not in _ARMED_SENSES and \
                entry.type != "Bombing":
            # "Saturday night's crowd crush ... The crush began at 10.15pm": the head noun
            # of a phrase told before is that event's too (not "a drone attack" ... "the
            # October 7 attack": an attack by any weapon)
            head = (entry.lemma.rsplit(" ", 1)[1], entry.type)
            seen.add(head)
            if doc.sentences[sentence].kind != "headline":
                told.add(head)
        if entry.type == "ShellingMissileAttack":
            # "a missile slammed into the station ... The strike came at 10:30 a.m.": the
            # noun refers back to any strike by a weapon
            seen.add(("strike", entry.type))
        if doc.sentences[sentence].kind != "headline":
            told.add((entry.lemma, entry.type))
        first, last = toks[i - a], toks[end_k - 1]
        prev = out[-1] if out else None
        if prev is not None and prev.sentence == sentence and prev.last + 1 == first.i \
                and prev.pos == "n" and pos == "n" and \
                {prev.type, entry.type} <= _COMPOUNDABLE:
            # "bomb blast", "shelling attack": one event, the modifier's (specific) type
            out[-1] = Trigger(sentence, prev.first, last.i, prev.start, last.end,
                              prev.entry, "n", doc.text[prev.start:last.end])
        else:
            out.append(Trigger(sentence, first.i, last.i, first.start, last.end, entry,
                               pos, doc.text[first.start:last.end]))
        next_free = a + end_k
    if refused:
        # a headline's noun in a sense the report rules out further down, of the same thing
        # ("... attempt at Pennsylvania rally" over "a campaign rally in Pennsylvania"): the
        # reader reads the body's sense (not "Storm hits southern England" over "a political
        # storm")
        out = [t for t in out if not (t.pos == "n" and (t.entry.lemma, t.type) in refused and
                                      (t.entry.lemma, t.type) not in told and
                                      doc.sentences[t.sentence].kind == "headline" and
                                      _restated(doc, t))]
    return out


def _subheadings(doc: Document) -> set[int]:
    """Sentences that are a short line in title case below the headline ("A Flood Of
    Questions", "The Fall Of Hasina", "Calls For Calm"): a section's label, which names no event
    of its own (the paragraphs under it tell what happened)."""
    out = set()
    for sent in doc.sentences:
        if sent.kind == "headline" and sent.titlecase and sent.paragraph > 0:
            a, b = doc.sentence_tokens[sent.index]
            if sum(1 for t in doc.tokens[a:b] if t.is_word) <= _SUBHEADING_WORDS and \
                    every_long_word_capitalised(doc.text, sent.start, sent.end):
                out.add(sent.index)
    return out


_SUBHEADING_WORDS = 7


def _scored(toks: list[Token], words: list[str]) -> bool:
    """The sentence tells a match's score: "beat Inter Milan 5-0", "won 3-1", "Liverpool 2-1
    Chelsea" (not "10-15 people", "Around 10-15 Ukrainian soldiers", "on May 10-11", "Route
    2-3 checkpoints", "a Boeing 737-800": no name or result word before the numbers, or a
    counted noun after them)."""
    for x in range(1, len(words) - 2):
        if not (words[x + 1] == "-" and words[x].isdigit() and words[x + 2].isdigit() and
                len(words[x]) <= 3 and len(words[x + 2]) <= 3):
            continue
        before, after = toks[x - 1], words[x + 3] if x + 3 < len(words) else "."
        named = before.is_cap and before.is_word and x - 1 > 0 and \
            words[x - 1] not in MONTHS and words[x - 1] not in MONTH_ABBREVIATIONS and \
            words[x - 1] not in MAKERS
        if (named or words[x - 1] in _RESULTS) and not _counted_noun(after):
            return True
    return False


def _counted_noun(word: str) -> bool:
    """A noun that a range of numbers counts ("10-15 people", "Brigade 10-11 positions"), not
    what follows a score ("2-1 last night", "4-0 yesterday", "2-1 in the derby")."""
    return word.isalpha() and word.islower() and (
        word.endswith("s") and word not in _NOT_PLURALS or word in _COUNTED)


_COUNTED = frozenset({"people", "men", "women", "children", "km", "per", "percent", "year",
                      "day", "week", "month", "hour", "mile", "metre", "meter", "kilometre"})
_NOT_PLURALS = frozenset({"afterwards", "always", "thus", "towards", "as", "its", "his", "is",
                          "was", "this", "thanks", "has"})


# Words of a result right before a score ("won 3-1", "drew 1-1").
_RESULTS = frozenset({"won", "lost", "beat", "drew", "defeated", "edged", "thrashed", "win",
                      "victory", "defeat", "draw", "loss"})


def _restated(doc: Document, trig: Trigger) -> bool:
    """A body sentence uses the headline trigger's word with a name of the headline."""
    word = doc.words[trig.last]
    a, b = doc.sentence_tokens[trig.sentence]
    names = {t.lower for t in doc.tokens[a:b] if t.is_cap and t.is_word and t.i != trig.last
             and t.i > a}
    for sent in doc.sentences:
        if sent.kind == "headline":
            continue
        lo, hi = doc.sentence_tokens[sent.index]
        words = doc.words[lo:hi]
        if word in words and any(t.is_cap and t.i > lo and t.lower in names
                                 for t in doc.tokens[lo:hi]):
            return True
    return False


def _match_at(toks: list[Token], words: list[str], k: int, lex: Lexicon,
              seen: set[tuple[str, str]] = frozenset(),  # type: ignore[assignment]
              refused: set[tuple[str, str]] | None = None,
              told: set[tuple[str, str]] | None = None, *, titled: bool = False
              ) -> tuple[int, TriggerEntry, str] | None:
    options = lex.triggers.get(words[k])
    if not options:
        return None
    if not toks[k].is_word:
        return None
    if toks[k].is_cap and k > 0 and toks[k - 1].is_cap and toks[k - 1].is_word and \
            words[k - 1] not in _OPENERS and not (
                words[k] in _NAMED_DISASTERS and
                (k + 1 >= len(toks) or not (toks[k + 1].is_cap and toks[k + 1].is_word))) \
            and not (titled and (words[k - 1] in lex.country_names or
                                 words[k - 1] in lex.demonyms)):
        return None  # part of a name: "the United States", "National Rally" (but a named
        # fire is one: "The Palisades Fire, which broke out on Tuesday"; and in a line in
        # title case a country or its people act: "Libya Detains Eight Officials")
    if toks[k].is_cap and k >= 2 and words[k - 1] in ("for", "of") and toks[k - 2].is_cap and \
            toks[k - 2].is_word and not titled and k - 2 > 0:
        return None  # "the Ring of Fire", "the Coalition for Peace": a word of a name
    if toks[k].is_cap and k >= 3 and toks[k - 1].text == "the" and words[k - 2] in ("for", "of") \
            and toks[k - 3].is_cap and toks[k - 3].is_word and not titled:
        return None  # "the Democratic Forces for the Liberation of Rwanda", "the Movement
        # for the Defence of ...": a word of a name
    for form, entry, participle in options:
        n = len(form)
        if n > 1 and tuple(words[k:k + n]) != form:
            n = _separated(toks, words, k, form) if entry.pos == "v" else 0
            if not n:
                continue
        pos = entry.pos if entry.pos != "x" else "n"
        if lex.pos_ambiguous(form):
            guess = guess_pos(toks, words, k, n, lex.demonyms)
            if entry.pos != guess:
                continue
        elif entry.pos == "n" and form[-1] in ("killing", "killings") and \
                words[k + 1:k + 2] not in (["took"], ["happened"], ["occurred"]) and (not (
                    words[k + 1:k + 2] == ["of"] or k > 0 and words[k - 1] in _KILLING_KINDS)
                or any(is_superlative(w) for w in words[max(0, k - 3):k])):
            continue  # ", killing 12 people", "for killing a journalist": a participle (the
            # count's); "condemned the killings": the deaths told before; but "the killing
            # of Jamal Khashoggi", "extrajudicial killings", "The killings took place ..."
            # (not "in the deadliest mass killing in its history": what the event was)
        if participle and _adjectival(toks, words, k, n, lex):
            continue
        if entry.pos == "v" and not participle and k > 0 and (
                words[k - 1] in _ARTICLES or
                words[k - 1] == "same" and k > 1 and words[k - 2] in _ARTICLES or
                toks[k - 1].bare != toks[k - 1].text and
                words[k] in ("state", "states", "report", "reports") or
                words[k - 1][:1].isdigit() and
                words[k - 1].endswith(("st", "nd", "rd", "th")) and
                words[k] in ("state", "states", "post", "posts", "report", "reports")) or \
                words[k] == "states" and k > 0 and toks[k - 1].is_cap and \
                words[k + 1:k + 2] in ([","], ["."], [";"], ["and"], ["that"], ["to"]):
            continue  # a noun after all: "the state border", "a post", "the same jail",
            # "Ukraine's state nuclear operator", "the approval of all 30 NATO states."
        if entry.pos == "v" and n == 1 and words[k] == entry.lemma + "s" and \
                words[k + 1:k + 2] == ["of"]:
            continue  # a plural noun: "the blackened shells of residential blocks"
        if entry.pos == "v" and not participle and k > 0 and words[k] == form[0] and \
                words[k - 1] in PREPOSITIONS and words[k - 1] != "to":
            continue  # a noun after all: "on state television", "into travel agencies"
        if entry.pos == "v" and k > 0 and form[0] == entry.lemma.split()[0] + "s" and \
                words[k - 1] in _NOUN_MODIFIERS and \
                (k + n >= len(words) or not toks[k + n].is_word or words[k + n] in PREPOSITIONS
                 or words[k + n] in ("and", "or", "than") or words[k + n] in _TIME_ADVERBS):
            continue  # a plural noun: "strikes on military targets in Iran" (but "Ukraine's
            # military targets Russian oil refineries": a verb and its object)
        if entry.pos == "n" and k > 0 and words[k - 1] == "to" and \
                words[k + n:k + n + 1] in (["the"], ["its"], ["their"]):
            continue  # a verb after all: "poised to storm the charts" (no weather)
        if entry.pos == "n" and not lex.pos_ambiguous(form) and k + n < len(words) and \
                words[k + n] in _OBJECT_DETERMINERS and k > 0 and \
                words[k - 1] not in DETERMINERS and words[k - 1] not in PREPOSITIONS and \
                not toks[k - 1].is_number and toks[k - 1].bare == toks[k - 1].text:
            continue  # a verb after all: "as the country battles its worst outbreak"
        if entry.pos != "v" and k + n < len(words) and \
                words[k + n] in lex.words("modifier_heads", "words") and pos == "n":
            continue  # a modifier: "the fire service", "a flood warning"
        if toks[k].is_cap and k > 0 and form[0] in ("march", "may") and toks[k].text[0] == "M":
            continue  # the months
        if form in _IDIOM_NOUNS and k > 0 and words[k - 1] == "in" and k + n < len(words) and \
                words[k + n] == "for":
            continue  # "in exchange for 150 prisoners": a condition, not an exchange
        if form == ("advance",) and k > 0 and words[k - 1] == "in":
            continue  # "told in advance": beforehand, not an advance
        if words[k] == "protest" and k > 0 and words[k - 1] == "in" and (
                k + 1 >= len(words) or words[k + 1] in _IN_PROTEST_AFTER):
            continue  # "quit the government in protest": how, not a protest of its own
        if form == ("storm",) and entry.pos == "n" and k > 0 and words[k - 1] == "by" and \
                not toks[k].is_cap:
            continue  # "take it by storm": an assault's idiom (but "battered by a storm")
        if entry.lemma == "give way" and words[k + n:k + n + 1] == ["to"]:
            continue  # "talks gave way to a dispute", "gave way to demands": yielded
        if words[k] == "met" and k > 0 and words[k - 1] in PASSIVE_BE and \
                words[k + 1:k + 2] == ["with"]:
            continue  # "any attack would be met with a response": how it is received
        art = _article_before(words, k) if entry.pos == "n" else None
        if art is not None and art > 1 and words[art - 1] not in PREPOSITIONS and any(
                words[j] in _NAMING and words[j + 1] not in PREPOSITIONS and
                words[j + 1] not in ("off", "up", "out")
                for j in range(max(0, art - 5), art - 1)):
            continue  # "called the shooting an attack on democracy", "called the killings a
            # 'terrorist attack against Sweden'": a name for an event
        if entry.pos == "n" and k > 3 and _what_they_called(words, k):
            continue  # "condemned what they called an attempted coup": their name for it
        if entry.pos == "n" and k > 3 and _treated_as(words, k):
            continue  # "treating the shooting as an attempted assassination": what the
            # shooting is taken for, no second event
        failed = _failed_conditions(entry, toks, words, k, n, lex)
        sense = (entry.lemma, entry.type)
        # (a noun whose sense the article told before needs no context of its own)
        told_before = entry.pos == "n" and sense in seen and \
            all(c.key in _POSITIVE for c in failed)
        if failed and told_before and _other_sense_holds(options, entry, toks, words, k, n,
                                                         lex):
            continue  # "The strike is expected to last a week" after "doctors began a
            # strike over unpaid wages": the sense its own context shows, not the one told
        if failed and not told_before:
            if refused is not None and entry.pos == "n" and \
                    not all(c.key in _POSITIVE for c in failed):
                refused.add(sense)
            continue  # the context does not show this sense, nor did the article before
            # (one sense per article, for nouns: "the collapse" after "a mine collapse")
        if refused and sense in refused and sense not in (seen if told is None else told) and \
                entry.pos == "n" and k > 0 and words[k - 1] in ("the", "this", "that"):
            continue  # "the rally" after "a campaign rally": the sense ruled out before
        if entry.pos == "v" and participle and form[-1].endswith("ing") and k > 0 and \
                (words[k - 1] in _ARTICLES or words[k - 1] == "no"):
            pos = "n"  # "the storming of parliament": a gerund that names the event ("no
            # warning": none)
        return k + n, entry, pos
    return None


#: forms of "be" before a passive participle ("would be met with")
PASSIVE_BE = frozenset({"be", "been", "being", "is", "are", "was", "were"})


def is_superlative(word: str) -> bool:
    """ "deadliest", "worst", "largest", "biggest"."""
    return word.endswith("iest") or word in ("worst", "largest", "biggest")


# kinds of killing that name one ("a contract killing", "extrajudicial killings")
_KILLING_KINDS = frozenset({"mass", "extrajudicial", "summary", "contract", "revenge", "targeted",
                            "ethnic", "honour", "honor", "sectarian", "retaliatory", "serial",
                            "execution-style", "unlawful", "arbitrary"})
# what follows "in protest" used as a manner ("resigned in protest at the deal")
_IN_PROTEST_AFTER = frozenset({"at", "against", "over", "of", "after", "following", ",", ".",
                               ";", "and", "on", "when"})
_ARMED_SENSES = frozenset({"ShellingMissileAttack", "AirStrike", "Attack", "Killing",
                           "Explosion"})


def _other_sense_holds(options, entry: TriggerEntry, toks: list[Token], words: list[str],
                       k: int, n: int, lex: Lexicon) -> bool:
    """Another noun sense of the same form, of another kind (a labour strike, not another
    attack), whose conditions all hold here."""
    return any(e is not entry and e.pos == "n" and len(form) == n and e.conditions and
               (e.type in _ARMED_SENSES) != (entry.type in _ARMED_SENSES) and
               not _failed_conditions(e, toks, words, k, n, lex)
               for form, e, _p in options)


def _failed_conditions(entry: TriggerEntry, toks: list[Token], words: list[str], k: int,
                       n: int, lex: Lexicon) -> list[Condition]:
    """The entry's context conditions that do not hold for the form at ``k``."""
    return [c for c in entry.conditions if not (
        _between_states(toks, words, k, n, lex) if c.key == "parties" else
        _name_after(toks, k + n) if c.key == "name" else
        _holds(c, words, k, n))]


def _name_after(toks: list[Token], k: int) -> bool:
    """The ``name=after`` condition: a capitalised name (not a month or weekday) right after
    the trigger ("meet Putin", "met Zelensky in Kyiv")."""
    return k < len(toks) and toks[k].is_cap and toks[k].is_word and \
        toks[k].lower not in _NOT_A_TARGET


def _separated(toks: list[Token], words: list[str], k: int, form: tuple[str, ...]) -> int:
    """The length of a phrasal verb whose object stands between verb and particle ("pulls
    troops out", "shot the drone down"), or 0. The object is a short noun phrase headed by a
    noun of forces or of things that are shot down or blown up ("pulled survivors out of the
    rubble" is no pullout), or "it"/"them" after such a noun in the sentence ("mined the dam
    and blew it up"; not "Netanyahu blew it up", a deal)."""
    if len(form) != 2 or form[1] not in _PARTICLES:
        return 0
    for j in range(k + 2, min(len(words), k + 5)):
        if words[j] == form[1]:
            obj = words[k + 1:j]
            if not all(t.is_word for t in toks[k + 1:j]):
                return 0
            if obj[-1] in _SEPARABLE_OBJECTS and not any(w in _NOT_IN_OBJECT for w in obj[:-1]):
                return j - k + 1
            if obj in (["it"], ["them"]) and form[1] in ("up", "down") and \
                    _DESTROYED.intersection(words[:k]):
                return j - k + 1  # "mined the Kakhovka dam and blew it up"
            return 0
    return 0


_PARTICLES = frozenset({"out", "back", "down", "up"})
_TIME_ADVERBS = frozenset({"overnight", "today", "yesterday", "tonight", "early", "late",
                           "this", "last", "on", "earlier", "again"})
# words before a plural noun that is spelled like a verb ("military targets", "air raids")
_NOUN_MODIFIERS = frozenset({"military", "civilian", "strategic", "key", "legitimate", "enemy",
                             "energy", "russian", "ukrainian", "israeli", "iranian", "other",
                             "new", "several", "many", "more", "further", "artillery",
                             "tank", "mortar", "howitzer"})
_SEPARABLE_OBJECTS = frozenset({
    "troops", "forces", "soldiers", "units", "army", "military", "fighters", "personnel",
    "garrison", "drone", "drones", "missile", "missiles", "rocket", "rockets", "plane", "planes",
    "jet", "jets", "aircraft", "helicopter", "helicopters", "bridge", "building", "buildings",
    "house", "houses", "home", "homes", "dam", "depot"})
# things blown up or shot down that "it" or "them" may stand for
_DESTROYED = frozenset({"dam", "bridge", "building", "buildings", "depot", "plane", "planes",
                        "jet", "jets", "aircraft", "helicopter", "helicopters", "drone",
                        "drones", "missile", "missiles", "rocket", "rockets", "house",
                        "houses", "home", "homes"})
_NOT_IN_OBJECT = frozenset({"and", "or", "but", "that", "which", "who", "to", "of", "in", "on",
                            "at", "from", "with", "by", "for", "into", "was", "were", "is",
                            "are", "had", "has", "have"})


_QUOTE_MARKS = frozenset({'"', "“", "‘", "'"})


def _article_before(words: list[str], k: int) -> int | None:
    """The index of the "a"/"an" opening the noun phrase of the noun at ``k`` (over up to two
    modifiers and an opening quotation mark), if any."""
    for x in (k - 1, k - 2, k - 3, k - 4):
        if x < 0:
            return None
        if words[x] in ("a", "an"):
            return x
        if not (words[x].isalpha() or words[x] in _QUOTE_MARKS):
            return None
    return None


def _treated_as(words: list[str], k: int) -> bool:
    """ "is treating the shooting as an attempted assassination", "the stabbing is being
    investigated as a terrorist attack": the noun at ``k`` (after "as a" and up to two
    modifiers) classifies an event named before it."""
    d = next((x for x in (k - 1, k - 2, k - 3) if x > 1 and words[x] in ("a", "an")), None)
    if d is None or words[d - 1] != "as" or not all(w.isalpha() for w in words[d + 1:k]):
        return False
    return any(words[j] in _CLASSIFYING for j in range(max(0, d - 6), d - 1))


# Verbs that take an event "as" a kind of event
_CLASSIFYING = frozenset({
    "treat", "treats", "treated", "treating", "investigate", "investigates", "investigated",
    "investigating", "classify", "classifies", "classified", "classifying", "consider",
    "considers", "considered", "considering", "regard", "regards", "regarded", "regarding",
    "characterised", "characterized", "described", "describing", "labelled", "labeled",
    "condemned", "denounced"})


def _what_they_called(words: list[str], k: int) -> bool:
    """ "what they called an attempted coup", "what he described as a massacre": the noun at
    ``k`` is someone's name for an event told elsewhere."""
    d = k - 1 if words[k - 1] in ("a", "an") else \
        k - 2 if words[k - 2] in ("a", "an") and words[k - 1].isalpha() else None
    if d is None:
        return False
    if words[d - 1] == "as":
        d -= 1  # "described as a"
    return words[d - 1] in _NAMING and "what" in words[max(0, d - 5):d - 1]


def guess_pos(toks: list[Token], words: list[str], k: int, n: int,
              demonyms: Mapping[str, object] | None = None) -> str:
    """'n' or 'v' for a form that can be either ("attack", "attacks", "shelling")."""
    prev = words[k - 1] if k > 0 else ""
    if demonyms is not None and prev in demonyms and toks[k - 1].is_cap and \
            not prev.endswith("s") and (k < 2 or words[k - 2] != "the"):
        return "n"  # "Israeli strikes kill 30": a nation's strikes (but "the Russians storm
        # the village": a people that acts)
    if prev == "to" and k > 1 and (words[k - 2] in _INFINITIVE_TAKERS or
                                   words[k + n:k + n + 1] in (["the"], ["its"], ["their"])):
        return "v"  # ("ordered his forces not to storm the complex", "after failing to
        # capture the city"; not "due to storm damage")
    if prev in DETERMINERS or prev in PREPOSITIONS or (k > 0 and toks[k - 1].bare !=
                                                     toks[k - 1].text):
        return "n"
    if k > 0 and (toks[k - 1].is_number or prev.endswith(("al", "ic", "ive", "ful", "ian",
                                                           "ese", "ish"))):
        return "n"
    if prev in _VERBAL_BEFORE:
        return "v"
    if k > 1 and words[k - 2] in _ARTICLES and toks[k - 1].is_word and \
            not toks[k - 1].is_cap:
        return "n"  # "a smaller collapse", "the latest attack"
    after = k + n + (k + n < len(words) and words[k + n] in _CLOSING_QUOTES)
    nxt = words[after] if after < len(words) else ""  # (over a closing quotation mark:
    # 'carried out "precise strikes" on military targets')
    if nxt in _COMPOUND_HEADS:
        return "n"  # "when riot police fired tear gas": a noun that qualifies the police
    if nxt in ("on", "against", "by", "of", "in", "at", "near", ",", ".", ";", ":", "",
               "was", "were", "is", "are", "killed", "has", "have", "had", "that", "which"):
        return "n"
    if k == 0 or not toks[k - 1].is_word:
        return "n"
    return "v"


_CLOSING_QUOTES = frozenset({'"', "”", "'", "’"})
# Nouns a form that is also a verb qualifies ("riot police", "riot gear", "bomb squad").
_COMPOUND_HEADS = frozenset({"police", "gear", "squad", "squads", "shields"})
# Quantities before a participle and a plural noun it describes ("more collapsed buildings").
_QUANTIFIERS = frozenset({"more", "many", "several", "other", "few", "fewer", "most",
                          "dozens", "hundreds", "thousands"})
# Words in -ly that are no adverbs ("Moscow's ally shelled").
_LY_NOT_ADVERBS = frozenset({"ally", "family", "rally", "assembly", "supply", "bully", "july",
                             "italy", "holy", "belly", "jelly", "monopoly", "anomaly", "reply",
                             "fly", "daily", "weekly", "monthly", "yearly", "early", "only",
                             "elderly", "friendly", "deadly", "lonely", "ugly", "lily"})
_FINDING = frozenset({"found", "saw", "see", "find", "finds", "reach", "reached", "left",
                      "leaves", "shows", "showed", "discovered", "spotted", "inspected",
                      "searched", "cleared"})
_BEFORE_QUANTITIES = frozenset({"as", "and", "while", "with", "of", "where", "but", "after",
                                "when", "the"})
_STATE_VERBS = frozenset({"were", "was", "are", "is", "had", "have", "remain", "remained"})
# Participles that, right before a noun, describe it ("advanced weapons", "besieged city").
_DESCRIBING = frozenset({"advanced", "embattled", "besieged", "occupied", "contested"})
# those that are verbs after a subject ("Russian forces occupied Kherson", "Russia occupied
# Crimea"; not "Israeli occupied East Jerusalem", "Nvidia advanced chips")
_SUBJECT_VERBS = frozenset({"occupied", "besieged"})
# Verbs whose object a participle before a noun describes ("inspecting destroyed buildings").
_LOOKING_AT = frozenset({"inspecting", "inspected", "visiting", "visited", "touring", "toured",
                         "surveying", "surveyed", "showing", "showed", "shows", "photographing",
                         "filming", "clearing", "cleared", "repairing", "repaired",
                         "rebuilding", "rebuilt", "examining", "examined"})


def _adjectival(toks: list[Token], words: list[str], k: int, n: int, lex: Lexicon) -> bool:
    """A participle modifying the next noun: "a destroyed tank", "the occupying forces"."""
    prev = words[k - 1] if k > 0 else ""
    nxt_i = k + n
    if nxt_i >= len(toks) or not toks[nxt_i].is_word:
        return False
    nxt = words[nxt_i]
    if prev in ("later", "earlier") and (k < 2 or words[k - 2] not in _ARTICLES):
        return False  # "A judge later sentenced Rod Blagojevich": an adverb, then the verb
    if nxt in PREPOSITIONS or nxt in ("and", "or", "but", "that", "which", "who", "the", "a",
                                      "an", "his", "her", "their", "its", "them", "him"):
        return False
    if lex.reporting_lemma(nxt) is not None and nxt.endswith("ed"):
        return False
    if words[k].endswith("ed") and toks[nxt_i].is_cap and nxt in lex.words("titles", "words") \
            and (k == 0 or prev in ("former", ",") or prev in DETERMINERS or
                 prev in PREPOSITIONS or prev.endswith("ed") and not toks[k - 1].is_cap) \
            and nxt_i + 1 < len(toks) and toks[nxt_i + 1].is_cap and toks[nxt_i + 1].is_word:
        return True  # "Impeached President Yoon Suk Yeol was detained", "arrested impeached
        # President Yoon": who he is (but "Elected President in 2019, Nayib Bukele ...": when
        # he was elected; "lawmakers impeached President Yoon": the verb)
    if (nxt in lex.demonyms and toks[nxt_i].is_cap or nxt in _FORCE_WORDS) and \
            (prev in DETERMINERS or prev in PREPOSITIONS):
        return True  # "against counterattacking Ukrainian forces", "the retreating troops"
    if words[k].endswith("ed") and (nxt in lex.words("casualties", "people_nouns") or
                                    nxt in lex.demonyms and nxt.endswith("s")) and \
            (prev in DETERMINERS or prev in PREPOSITIONS or prev.endswith("ing")):
        # "sheltering displaced families", "the evacuated residents", "housing displaced
        # Palestinians"
        return True
    if prev.endswith("ly") and prev not in _LY_NOT_ADVERBS and k > 1 and \
            (words[k - 2] in DETERMINERS or
             toks[k - 2].bare != toks[k - 2].text) and nxt.isalpha() and \
            nxt not in DETERMINERS:
        return True  # "Tehran's rapidly advancing nuclear program", "the heavily damaged
        # bridge": an adverb between a determiner and the participle
    if words[k].endswith("ed") and prev in _LOOKING_AT and nxt.isalpha():
        return True  # "inspecting destroyed buildings": what was looked at, not an event
    if words[k].endswith("ed") and prev in _QUANTIFIERS and k > 1 and nxt.isalpha() and \
            nxt.endswith("s") and (
                words[k - 2] in _BEFORE_QUANTITIES and
                any(w in _STATE_VERBS for w in words[nxt_i + 1:nxt_i + 3]) or
                words[k - 2] in _FINDING):
        # ("Rescuers found more collapsed buildings": what they found)
        return True  # "as more collapsed buildings were searched": which buildings (but
        # "Hundreds attacked hotels": a verb)
    if words[k] in _DESCRIBING and nxt.isalpha() and not nxt.endswith("ly") and \
            nxt not in DETERMINERS:
        # "includes advanced rocket systems", "the embattled city" (but "Russian forces
        # occupied Kherson", "Russia occupied Crimea": a subject, then the verb)
        return not (words[k] in _SUBJECT_VERBS and (
            prev in _FORCE_WORDS or prev in ("had", "has", "have") or
            k >= 1 and toks[k - 1].is_cap and toks[k - 1].is_word and
            prev not in DETERMINERS and prev not in PREPOSITIONS and prev not in _NOT_A_TARGET
            and prev not in lex.demonyms))  # (nor a weekday: "On Friday occupied Gaza")
    return prev in DETERMINERS or prev in PREPOSITIONS and not words[k].endswith("ing")


def _between_states(toks: list[Token], words: list[str], k: int, n: int, lex: Lexicon) -> bool:
    """The ``parties=state`` condition: a country, a capital or an army right before the verb
    and a name right after it ("India struck Pakistan", "Russia also struck Kharkiv")."""
    j = k - 1
    if j >= 0 and words[j] in _STATE_ADVERBS:
        j -= 1
    if j < 0 or k + n >= len(toks):
        return False
    subject = words[j]
    state = toks[j].is_cap and (subject in lex.country_names or subject in lex.capitals) or \
        subject in _FORCE_WORDS and (j == 0 or words[j - 1] != "market")
    after = toks[k + n]
    if not (state and after.is_cap and after.is_word and words[k + n] not in _NOT_A_TARGET):
        return False
    following = words[k + n + 1:k + n + 3]
    later = words[k + n + 1:k + n + 8]
    if following[:1] and following[0].isdigit() and following[1:2] == ["-"]:
        return False  # "Kenya struck Somalia 3-1": a score
    if any(w in _DEALT for w in following) or any(
            w in _PENALTIES or w in _SCORING and not (
                w in ("goal", "goals") and (later[x + 1:x + 2] == ["of"] or
                                            x and later[x - 1] in _AIMS))
            for x, w in enumerate(later)):  # (not "with the stated goal of crippling")
        return False  # "Egypt struck IMF deal", "Brussels struck Apple with a ... fine",
        # "Washington struck Cuba from its list"
    # "Jordan struck Garcia", "Georgia struck Tennessee 28-14": a name that is also a
    # person's or a state's strikes only a country, a capital or targets
    return subject not in _AMBIGUOUS_STATES or words[k + n] in lex.country_names or \
        words[k + n] in lex.capitals or any(w in _TARGET_NOUNS for w in words[k + n + 1:k + n + 4])


# Adverbs between a state and its verb ("Russia also struck", "Israel again struck").
_STATE_ADVERBS = frozenset({"also", "again", "then", "later", "reportedly", "repeatedly",
                            "allegedly", "had", "has", "have", "first"})
# Countries whose names are also people's or US states' names.
_AMBIGUOUS_STATES = frozenset({"jordan", "chad", "georgia", "victoria", "washington"})
# Words after the struck name that make it a deal struck ("struck IMF deal").
_DEALT = frozenset({"deal", "deals", "agreement", "agreements", "pact", "accord", "contract",
                    "contracts", "loan", "gold"})
# Words a little further on that make it a penalty or a list ("struck Apple with a fine").
_PENALTIES = frozenset({"fine", "fined", "penalty", "list", "tariff", "tariffs"})
# Words of a score in the words after the struck name ("struck Argentina with two late goals").
_SCORING = frozenset({"goal", "goals", "penalty", "penalties", "wicket", "wickets", "win",
                      "runs"})
# Words before "goal" that make it an aim, not a score.
_AIMS = frozenset({"stated", "main", "strategic", "ultimate", "political", "military",
                   "declared", "key", "primary", "overall", "long-term", "common", "shared"})
# Nouns of military targets after a name ("struck Houthi targets", "struck Boko Haram bases").
_TARGET_NOUNS = frozenset({"targets", "target", "positions", "bases", "base", "sites", "camps",
                           "militias", "militants", "fighters", "facilities", "depots",
                           "strongholds", "hideouts", "forces", "troops"})
# Capitalised words after a verb that name no target ("Israel struck on Monday").
_NOT_A_TARGET = frozenset({*WEEKDAYS, *MONTHS})


def _holds(cond: Condition, words: list[str], k: int, n: int) -> bool:
    if cond.key in ("near", "not"):
        lo, hi = max(0, k - 10), min(len(words), k + n + 10)
    elif cond.key in ("after", "notafter"):
        lo, hi = k + n, min(len(words), k + n + 5)
        if cond.key == "notafter":
            # a blocker reaches no further than a comma ("pulled out of Irpin, where bodies
            # lay": a withdrawal)
            hi = next((i for i in range(lo, hi) if words[i] in (",", ";")), hi)
    else:
        lo, hi = max(0, k - 4), k
    found = _any_in(cond, words, lo, hi)
    return found if cond.key in ("near", "after", "before") else not found


_STEMS: dict[Condition, tuple[frozenset[str], frozenset[str], bool,
                              tuple[tuple[str, ...], ...], frozenset[str], frozenset[str],
                              bool]] = {}
# Condition words this short match only themselves: "to" must not match "top" or "tons".
_EXACT_ONLY = 2


def _word_sets(stems: Iterable[str]) -> tuple[frozenset[str], frozenset[str], bool]:
    """The words a stem matches by itself (``exact``), the stems a word may extend by up to
    two letters (``extensible``), and whether "#" (any number) is among them: a word ``w``
    matches when ``w in exact or w[:-1] in extensible or w[:-2] in extensible`` (or it is a
    number), as :func:`_prefix` decides for one stem."""
    stems = list(stems)
    plain = frozenset(s for s in stems if not s.endswith("!"))
    bang = frozenset(w for s in stems if s.endswith("!") for w in (s[:-1], s[:-1] + "s"))
    return plain | bang, frozenset(s for s in plain if len(s) > _EXACT_ONLY), "#" in plain


def _any_in(cond: Condition, words: list[str], lo: int, hi: int) -> bool:
    parts = _STEMS.get(cond)
    if parts is None:
        parts = _STEMS[cond] = (*_word_sets(cond.stems), cond.phrases,
                                *_word_sets(alt[0] for alt in cond.phrases))
    stems, extensible, numbers, phrases, first_words, first_stems, first_number = parts
    for i in range(lo, hi):
        w = words[i]
        if w in stems or w[:-1] in extensible or w[:-2] in extensible or \
                numbers and w[:1].isdigit():
            return True
    if not phrases:
        return False
    # the places where some phrase's first word matches, then the phrases there
    starts = [i for i in range(lo, hi) if (w := words[i]) in first_words or
              w[:-1] in first_stems or w[:-2] in first_stems or
              first_number and w[:1].isdigit()]
    for i in starts:
        for alt in phrases:
            size = len(alt)
            if i + size <= hi and all(_prefix(words[i + m], alt[m]) for m in range(size)):
                return True
    return False


def _prefix(word: str, stem: str) -> bool:
    if stem == "#":
        return word[:1].isdigit()  # "fell to 121": any number
    if stem.endswith("!"):
        return word in (stem[:-1], stem[:-1] + "s")  # "plan!": plan, plans, not plant
    if len(stem) <= _EXACT_ONLY:
        return word == stem
    return word.startswith(stem) and len(word) - len(stem) <= 2
