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

import re
from dataclasses import dataclass
from functools import lru_cache

from ..temporal.lexicon import WEEKDAYS
from .clauses import RELATIVE_PRONOUNS, clause_of, irregular_verb_forms, measured_opener
from .document import Document
from .inflection import verb_forms
from .lexicon import Lexicon
from .triggers import PREPOSITIONS, Trigger

_NEG_PARTICLES = frozenset({"not", "never", "neither", "nor", "cannot"})
_NEG_FROM_VERBS = ("prevent", "stop", "block", "bar", "keep", "deter", "dissuade", "restrain")
_NEG_TO_VERBS = ("fail", "refuse", "decline")
_SAVED = frozenset({"save", "saves", "saved", "saving", "spare", "spares", "spared", "sparing",
                    "rescued", "shielded"})
# Words that end the noun phrase after "no reports of" ("... of casualties as the storm hit").
_NOT_BEFORE_A_NOUN = frozenset({"as", "when", "while", "after", "before", "in", "on", "at",
                                "from", "by", "with", "that", "which", "who", "but", "since",
                                "during", "amid", "despite", "because", "until", "than", "of",
                                "to", "for", "following", "about", "over", "into", "among",
                                "near"})
# Nouns of several events before "of" ("a wave of attacks", "a repeat of the clashes").
_COLLECTIVES = frozenset({"wave", "spate", "series", "repeat", "resumption", "pattern",
                          "string", "round", "outbreak", "renewal"})
_BEFORE_COLLECTIVES = frozenset({"a", "an", "the", "any", "new", "fresh", "further",
                                 "renewed", "second", "third", "major"})
# Verbs that stop a plot before it is carried out, and the nouns of plots.
_FOILING = frozenset({"foiled", "foil", "foils", "thwarted", "thwart", "thwarts", "disrupted",
                      "uncovered", "prevented", "averted"})
_PLOTS = frozenset({"plot", "plan", "attempt", "bid", "scheme", "conspiracy"})
# prepositions of a phrase that places something in a known event ("injured in the quake")
_BACKGROUND_PREPOSITIONS = frozenset({"in", "by", "during", "from", "after", "since"})
_NO_PHRASES = (("no", "progress", "towards"), ("no", "progress", "toward"),
               ("no", "progress", "on"), ("no", "reports", "of"), ("no", "report", "of"),
               ("no", "sign", "of"),
               ("no", "signs", "of"), ("no", "evidence", "of"), ("no", "word", "of"),
               ("no", "immediate", "reports", "of"), ("no", "indication", "of"),
               ("not", "caused", "by"), ("not", "triggered", "by"),
               ("not", "the", "result", "of"), ("no", "question", "of"),
               ("little", "sign", "of"), ("little", "sign", "that"), ("no", "sign", "that"),
               ("no", "evidence", "that"), ("little", "evidence", "of"),
               ("no", "indication", "that"))


_INTENTIONS = frozenset({"plan", "plans", "intention", "intentions"})
# the auxiliary right before the verb of a "whether" clause ("whether anyone had been held")
_WHETHER_AUXILIARIES = frozenset({"had", "has", "have", "been", "was", "were", "is", "are", "be",
                                  "would", "will", "could", "did"})
# present forms of a timetable, and the conjunctions that set them ahead ("before Trump takes
# office", "until the truce expires")
_TIMETABLED = frozenset({"takes", "expires", "convenes", "begins", "starts"})
_WHEN_IT_COMES = frozenset({"before", "until", "till", "once", "when"})


def _no_plans(words: list[str]) -> bool:
    """The words before a verb's "to" deny a plan: "no plans to", "no immediate plans for the
    president to", "did not have any plans to"."""
    for j in range(len(words) - 2, max(0, len(words) - 8), -1):
        if words[j] in _INTENTIONS:
            lead = words[max(0, j - 2):j]
            rest = words[j + 1:-1]
            denied = lead[-1:] == ["no"] or \
                lead[-1:] == ["any"] and "not" in words[max(0, j - 5):j] or \
                lead[:1] == ["no"] and lead[-1] in ("immediate", "current", "further")
            return denied and (not rest or rest[0] == "for" and all(w.isalpha() for w in rest))
    return False


# demands refused: "rejected calls to resign"
_DEMANDS = frozenset({"calls", "demands", "pressure", "appeals"})
_REFUSING = frozenset({"resisted", "rejected", "ignored", "defied", "dismissed", "refused",
                       "rebuffed", "resists", "rejects", "ignores", "defies", "dismisses",
                       "refuses", "rebuffs", "resisting", "rejecting", "ignoring", "defying"})


@dataclass(frozen=True)
class Reading:
    """What the cues say about one trigger."""

    modality: str
    cue: str | None = None
    reporter: int | None = None  # token index of the reporting verb, when claimed
    according_to: tuple[int, int] | None = None  # token range after "according to"
    quoted: tuple[int, int] | None = None  # the quotation holding the trigger
    perfect: bool = False  # present perfect ("has won"): anchored to the present
    purpose: bool = False  # "signed a deal to reopen ports": an aim, with no subject of its own
    unconfirmed: bool = False  # the reporter "could not confirm" it: no source vouches for it


@lru_cache(maxsize=1)
def _negation_forms() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    from .lexicon import load_lexicon

    irregular = load_lexicon().irregular
    from_forms = frozenset(f for v in _NEG_FROM_VERBS for f in verb_forms(v, irregular))
    to_forms = frozenset(f for v in _NEG_TO_VERBS for f in verb_forms(v, irregular))
    # "denied attacking", "to avoid encirclement", "rejected the deal": the verb right before
    # the event denies it
    deny = frozenset(f for v in ("deny", "avoid", "escape", "reject", "cancel", "scrap",
                                 "postpone")
                     for f in verb_forms(v, irregular)) | {"cancelled", "cancelling"} | \
        {"banned", "bans", "banning", "prohibited", "outlawed"}
    # ("cancelled a planned trip to Italy": no trip; "postponed the election": not held;
    # "banned all demonstrations": none held - but not "defied a ban on protests")
    return from_forms, to_forms, deny


# reporting verbs whose negation leaves what they would report unsaid
_SAYING = frozenset({"said", "say", "says", "announced", "stated", "indicated", "claimed"})
# what a rejection may take before "for"/"of" ("rejected calls for a truce")
_ASKED = frozenset({"call", "calls", "proposal", "proposals", "offer", "offers", "demand",
                    "demands", "plan", "plans", "bid", "request", "requests", "appeal",
                    "appeals", "idea", "ideas", "prospect", "notion", "possibility"})
# verbs that deny a claim they take ("dismissed Moscow's assertion that ...")
_DISMISSING = frozenset({"dismissed", "dismisses", "dismiss", "dismissing", "disputed",
                         "disputes", "dispute", "refuted", "refutes", "refute", "contested"})
# what a denial may take before "that" ("denied the allegation that ...")
_DISPUTED = frozenset({"claim", "claims", "accusation", "accusations", "allegation",
                       "allegations", "suggestion", "suggestions", "assertion", "report",
                       "reports", "charge", "charges"})
_CONCLUDED = frozenset({"signed", "reached", "agreed", "concluded", "brokered", "struck",
                        "that", "which", "in"})


def _concluded(doc: Document, trig: Trigger) -> bool:
    """ "the ceasefire agreement signed by the government", "the deal that Moscow signed": an
    agreement that exists, which a rejection does not undo."""
    return any(w in _CONCLUDED for w in doc.words[trig.last + 1:trig.last + 4])


# "ruled out" (a possibility closed, or left open when negated)
_RULING = frozenset({"ruled", "rules", "ruling", "rule"})
# "appeared to", however far before the event: what seems so (not what is placed at or in a
# given event)
_SEEMING = frozenset({"appear", "appears", "appeared", "seem", "seems", "seemed"})
_SEEMING_INDEX = {w: ((w, "to"),) for w in _SEEMING}
_PLACING = frozenset({"at", "in", "on", "during"})
# verbs that end what they govern: the cues before them are theirs, not the event's
_ENDING = frozenset({"halt", "halts", "halted", "halting", "end", "ends", "ended", "ending",
                     "stop", "stops", "stopped", "stopping", "cease", "ceases", "ceased",
                     "suspend", "suspends", "suspended", "lift", "lifts", "lifted", "pause",
                     "paused", "scale", "wind"})
# what can be rejected before it happens: "rejected the deal" (not "rejected the annexation")
_PROPOSED = frozenset({"Agreement", "Ceasefire", "Negotiation"})
_REPORT_BREAKS = frozenset({",", ";", ":", '"', "“", "”"})
_SUBORDINATE = frozenset({"since", "after", "before", "until", "till", "because", "although",
                          "though", "while", "when", "once", "whereas"})


def _reported_span(doc: Document, bounds: list[tuple[int, int]], clause: tuple[int, int],
                   reporters: tuple[int, ...] = ()) -> tuple[int, int]:
    """Where a reporting verb governing the clause may stand: the clause, and the clause
    before it when this one is subordinate to it ("She said the mine had closed after a
    smaller collapse injured four workers")."""
    first = k = doc.first_token_at_or_after(clause[0])
    if k < len(doc.words):
        k = measured_opener(doc.words, k)
    if k < len(doc.words) and doc.words[k] in _SUBORDINATE and clause in bounds:
        i = bounds.index(clause)
        if i > 0 and doc.words[first - 1] != ",":
            return bounds[i - 1][0], clause[1]
    if clause in bounds and reporters:
        # "said Russian troops, who have controlled the dam since 2022, had blown it up": the
        # report stands before the relative clause that parts its subject from the verb
        i = bounds.index(clause)
        if i >= 2 and doc.words[doc.first_token_at_or_after(bounds[i - 1][0])] in \
                RELATIVE_PRONOUNS and doc.text[bounds[i - 1][0] - 2:bounds[i - 1][0]].strip() \
                == "," and not any(bounds[i - 1][0] <= doc.tokens[k].start < bounds[i - 1][1]
                                   for k in reporters) and \
                any(bounds[i - 2][0] <= doc.tokens[k].start < bounds[i - 2][1]
                    for k in reporters):
            return bounds[i - 2][0], clause[1]
    return clause


@lru_cache(maxsize=1)
def _negation_words() -> frozenset[str]:
    """Every word that can start a negation cue (a quick test before the detailed one)."""
    from_forms, to_forms, deny = _negation_forms()
    return _NEG_PARTICLES | {"no", "without", "yet", "little", "out", "off"} | from_forms | \
        to_forms | deny | _SAVED | _DISMISSING


# A part in an event whose denial or claim the words before the event's noun tell
_ROLE_IN_IT = re.compile(r"\b(?:involvement|role|complicity|(?:any|no) part) in "
                         r"(?:the|this|that|last|these|those)((?: \S+){0,3})$|"
                         r"\bresponsibility for (?:the|this|that|these|those)((?: \S+){0,3})$")
# Words between the role and the event that keep the event's own modality ("any role in the
# planned bombing", which was foiled)
_UNDONE = frozenset({"planned", "foiled", "thwarted", "attempted", "possible", "alleged",
                     "proposed", "failed", "would-be", "suspected"})


def read_modality(doc: Document, trig: Trigger, bounds: list[tuple[int, int]], lex: Lexicon,
                  *, is_reporting: bool = False) -> Reading:
    clause = clause_of(bounds, trig.start)
    quote = doc.quote_at(trig.start)
    lo = doc.first_token_at_or_after(clause[0] if quote is None else
                                     max(clause[0], quote[0] + 1))
    words = doc.words[lo:trig.first] if lo < trig.first else []
    if "may" in words:
        # "On 25 May, a guided bomb struck ...": the month, no "may" of a hedge
        words = [w if w != "may" or doc.tokens[lo + n].text != "May" else "<month>"
                 for n, w in enumerate(words)]
    if "will" in words and doc.words[doc.sentence_tokens[trig.sentence][1] - 1] != "?" and \
            not doc.sentences[trig.sentence].titlecase:
        # "Will Smith arrived in Kyiv": a given name, no "will" of a plan (but "Will Russia
        # attack?" asks, and so may a headline without its question mark)
        toks = doc.tokens
        words = [w if w != "will" or toks[lo + n].text != "Will" or not toks[lo + n + 1].is_cap
                 else "<name>" for n, w in enumerate(words)]
    if '"' in words or "“" in words:
        words = _unquote_words(words)
    if trig.pos == "n":
        stop = max((i for i in range(max(0, len(words) - 4), len(words))
                    if words[i] in _ENDING), default=-1)
        if stop >= 0:
            words = words[stop + 1:]  # "Israel should halt its offensive": the halt is asked,
            # the offensive goes on
    role = _ROLE_IN_IT.search(" ".join(words[-6:])) if trig.pos == "n" else None
    undone = _UNDONE.intersection((role.group(1) or role.group(2) or "").split()) \
        if role is not None else None
    if role is not None and not undone:
        # "Russia has denied any involvement in the attack": the role is denied, the attack
        # is told as fact
        return Reading("asserted")
    if is_reporting and trig.pos == "v":
        # "... would take two weeks, he said": what is reported is no cue of the saying (but
        # "Hamas may, officials said, announce a ceasefire": the subject stands before)
        cut = max((i for i, w in enumerate(words) if w in _REPORT_BREAKS), default=-1)
        if cut >= 0 and 0 < len(words) - cut - 1 <= 5:
            words = words[cut + 1:]
    perfect = trig.pos == "v" and any(w in ("has", "have", "'ve", "hasn't", "haven't")
                                      for w in words[-3:])
    negation = _negated(doc, words, trig) or _thwarted(doc, trig, words) or \
        _failed(doc, trig, words) or _called_off(doc, trig)
    # an inflected verb ("were detained", "attacked", "said"), not the base form
    inflected = trig.pos == "v" and doc.words[trig.first] != trig.entry.lemma.split()[0]
    planned = _cue_before(_calls_for(words), lex.phrase_index("planned"), 9, trig)
    if not planned:
        planned = _aimed_at(words, trig.pos == "v")
    if not planned and trig.type == "AidDelivery" and trig.pos == "n" and \
            any(w in _PLEDGING for w in words[-8:]) and \
            not any(w in (",", ";", "and", "but", "which", "that") for w in words[-8:]):
        planned = "pledged"  # "A donor conference pledged more than 2 billion euros in
        # humanitarian aid": aid promised, not yet delivered
    if not planned and doc.words[trig.first] in _TIMETABLED and \
            _WHEN_IT_COMES.intersection(words[-5:]):
        planned = "timetable"  # "two weeks before Donald Trump takes office": to come
    if planned == "next" and _the_next_day(words):
        planned = None  # "Cambodia responded the next day by downgrading relations": a day of
        # the story, not one to come
    if planned == "due to" and trig.pos == "n" and _caused_by(words):
        planned = None  # "closed due to storm damage": a cause, not a schedule
    if planned and trig.pos == "n" and len(words) >= 2 and words[-1] in _DEFINITE and \
            words[-2] in _PRESUPPOSING and words[-3:-2] not in _ASKING:
        planned = None  # "vowed to punish those behind the attack": an attack that was (and
        # "retaliate for the bombing", "sanctions over the arrest")
    if planned and trig.pos == "n" and "into" in words[-4:] and \
            _DEFINITE.intersection(words[words.index("into", len(words) - 4) + 1:]):
        planned = None  # "calls for an inquiry into the bridge collapse": the collapse was
    if planned and planned.endswith(" to") and _finite_after(words, planned):
        planned = None  # "A resident who tried to stop them was shot dead": the aim of
        # another verb, which a finite verb of the clause follows
    if planned and trig.pos == "v" and words and (
            words[-1] in ("that", "which") or
            words[-2:-1] in (["that"], ["which"], ["who"]) and
            words[-1] in ("was", "were", "had") or
            "whose" in words[-4:-1] and words[-1] in ("was", "were", "been")) and \
            _past_form(doc.words[trig.first]):
        planned = None  # "would cover the cost of rebuilding the span that collapsed": a
        # relative clause of the past tells what was (and "residents whose homes were
        # damaged", "everything that was destroyed", "residents who had fled")
    if planned and words and words[-1] in ("and", "but") and inflected and \
            not doc.words[trig.first].endswith("ing"):
        planned = None  # "called for a response and said ...": a finite verb of its own
    infinitive = _infinitive(doc, words, trig)
    if infinitive is not None and not planned:
        planned = infinitive
    if planned and (planned in ("to", "to (purpose)") or planned.endswith(" to")) and \
            not negation and trig.pos == "v" and words[-1:] == ["to"]:
        negation = _intention_denied(words)
    if not planned and trig.pos == "n":
        planned = _pressed_for(words)
    refusal = next((i for i in range(len(words) - 2, max(-1, len(words) - 7), -1)
                    if words[i] in _REFUSING), None)
    if planned and not negation and _DEMANDS.intersection(words[-4:]) and \
            refusal is not None and not ("had" in words[max(0, refusal - 2):refusal] and
                                         "which" in words[max(0, refusal - 6):refusal]):
        # (not "ending weeks in which she had resisted calls to resign": she resigns now)
        negation = "refused calls"  # "has resisted calls to resign", "ignored demands that
        # he step down": what was asked was not done
    if not planned and trig.pos == "v" and "before" in words[-6:]:
        rest = words[len(words) - words[::-1].index("before"):]
        if _STILL_TO_COME.intersection(rest) and not _PAST_BE.intersection(rest):
            planned = "before ... is"  # "pull out of Myrnohrad before it is fully
            # encircled": what is feared, not yet done (not "before the town was encircled")
    if planned in ("offered", "offers") and trig.type == "Resignation":
        planned = None  # "offered his resignation": tendered
    if planned and trig.entry.label in ("Guilty verdict", "Guilty plea"):
        planned = None  # "pleaded guilty ... to planning an attack": a plea made
    if planned and words[-2:-1] and words[-2].startswith("attempt") and words[-1] == "to" and \
            _charged_with(doc, trig):
        planned = None  # "charged with murdering three girls and attempting to murder 10
        # others": an attempt made, the charge's
    if not planned and trig.pos == "n":
        planned = _future_predicate(doc.words[trig.last + 1:trig.last + 9],
                                    stallable=trig.type in _GIVEN_OR_AGREED)
    if not negation and trig.pos == "n" and _not_scheduled(doc.words[trig.last + 1:trig.last + 5]):
        negation = "not expected"  # "A ceasefire is not expected soon": none
    # (an inflected verb is no noun a "suspected" could modify: "were detained")
    hedge = _cue_before(words, lex.phrase_index("hedges"), 5, trig,
                        skip=_ATTRIBUTIVE_HEDGES if inflected else frozenset())
    if not hedge and not planned and _SEEMING.intersection(words[-10:-5]) and \
            _PLACING.isdisjoint(words[-5:]):
        hedge = _cue_before(words[:-5], _SEEMING_INDEX, 5, trig)  # "appeared to have been
        # preceded by a small earthquake swarm", "appeared to bear the brunt of the damage":
        # what seems so is all the clause tells (not "appear to match those found at the
        # clinic bombing", "seemed to hint at it in a brief statement": given, where it was)
    if not hedge and "whether" in words[-9:] and trig.pos == "v" and \
            words[-1:] and words[-1] in _WHETHER_AUXILIARIES:
        k = len(words) - words[::-1].index("whether")
        if not {",", ";", "and", "but", "who", "that", "which"}.intersection(words[k:]):
            hedge = "whether"  # "did not say whether any company managers had been
            # detained": a subject of several words between, the question still open
    if planned == "would" and hedge or planned == "must" and hedge == "must have":
        planned = None  # ("the plane must have crashed": a guess, not a plan)
    if (hedge == "whether" or hedge == "if" and _asks_if(words)) and \
            _presupposed(doc, trig) and not _itself_in_question(doc, trig):
        hedge = None  # "unclear whether the attack killed anyone", "asked if the arrest was
        # lawful": the attack and the arrest are given, what is asked is said of them (a
        # condition stays one: "If the ceasefire collapses, ...")
    if not hedge and ("if" in words or "unless" in words) and \
            not _after_the_condition(words) and not _presupposed(doc, trig):
        hedge = "if"  # "could have been avoided if Libya had a weather service able to
        # organise evacuations": a condition's event, however far after the "if" (but "did
        # not know if the attack was linked": the attack was)
    if not hedge and trig.pos == "n" and (words[-1:] == ["any"] or
                                          words[-2:-1] == ["any"] and words[-1].isalpha()) \
            and _MODAL_AFTER.intersection(doc.words[trig.last + 1:trig.last + 8]):
        hedge = "any"  # "Any deal reached without Kyiv would be dead on arrival": whichever
        # there may be, none told
    if not hedge and trig.pos == "n" and _likely_after(doc.words[trig.last + 1:trig.last + 5]):
        hedge = "likely"  # "more floods were likely", "further eruptions are possible": a
        # prospect, not an event
    if not hedge and _left_open(words, trig, doc):
        hedge = "not ruled out"  # "did not rule out declaring a state of emergency": a
        # possibility left open
    if hedge in ("feared", "fear", "fears", "fearing") and _fear_not_of_event(words):
        hedge = None  # "20 people are feared dead after the quake": the toll is feared
    reporters = _sentence_cues(doc, trig.sentence, lex).reporters
    reporter, according = _claim(doc, trig, _reported_span(doc, bounds, clause, reporters),
                                 quote, lex, is_reporting)
    # "The Pentagon could not confirm what caused the explosion": nobody vouches for it,
    # least of all the one who cannot confirm it
    # (and "did not confirm or deny that the suspect had been arrested")
    k = reporter
    if k is not None and doc.words[k - 1:k] in (["or"], ["nor"]) and \
            doc.words[k - 2] in _VERIFYING:
        k -= 2  # (the verb the negation governs)
    unconfirmed = k is not None and not is_reporting and doc.words[k] in _VERIFYING and \
        any(_negating(w) for w in doc.words[max(0, k - 3):k])
    if unconfirmed:
        hedge = hedge or "unconfirmed"
    elif k is not None and not is_reporting and doc.words[k] in _SAYING and \
            any(_negating(w) for w in doc.words[max(0, k - 3):k]) and \
            (doc.words[k + 1:k + 2] == ["that"] or trig.pos == "v") and \
            doc.words[k + 1:k + 2] not in (["how"], ["when"], ["where"], ["why"], ["who"],
                                           ["what"], ["whether"], ["if"], ["which"]):
        # "JNIM has not said that it intends to attack Bamako": nobody says so, nobody plans
        # it on the page (not "did not say how many soldiers had been killed in the attack":
        # the attack is given; nor "has not yet announced his resignation", the verb's object)
        hedge, planned = hedge or "not said", None
    neg_at = max((n for n, w in enumerate(words) if _negating(w)), default=-1)
    if negation and hedge == "if" and _negating(negation) and \
            0 <= neg_at - max((n for n, w in enumerate(words) if w in ("if", "unless")),
                              default=-99) <= 6 and \
            words[neg_at - 1:neg_at] not in (["will"], ["would"], ["shall"], ["can"], ["could"]):
        negation = None  # "The deal will collapse if Rwanda does not pull out its troops": a
        # condition, neither done nor denied (but "If talks fail the army will not withdraw"
        # denies the consequence)
    until = _not_until(doc, trig, negation, words) if negation else None
    if until:
        # "Schools will not reopen until Monday": they will then; "Police did not arrest him
        # until Tuesday": they did then
        modality, cue = until, f"{negation} ... until"
    elif negation:
        modality, cue = "negated", negation
    elif planned:
        modality, cue = "planned", planned
    elif hedge:
        modality, cue = "hedged", hedge
    elif quote is None and trig.pos == "n" and "responsibility" in words[-4:-1] and \
            words[-3:].count("for") == 1:
        modality, cue = "asserted", None  # "claimed responsibility for the blast": the blast
        # is given; who did it is claimed
    elif quote is None and according is None and _announces_own(words, trig) and \
            not any(w in lex.reporting for w in words[:-2]):
        # "Mazon announced his resignation on Monday": the announcement is the resignation
        # ("has not yet announced his resignation": none)
        modality, cue = ("negated", "not announced") if any(
            _negating(w) for w in words[-5:-2]) else ("asserted", None)
    elif quote is None and according is None and reporter is not None and \
            (_background_of_report(doc, trig) or _cause_of_toll(doc, trig)):
        modality, cue = "asserted", None  # "the toll after last week's earthquake has
        # climbed, the government said": the quake is known, the toll is reported
    elif quote is not None or reporter is not None or according is not None:
        modality, cue = "claimed", "quotation" if quote is not None and reporter is None \
            and according is None else "report"
    else:
        modality, cue = "asserted", None
    return Reading(modality, cue, reporter, according, quote, perfect,
                   purpose=infinitive == "to (purpose)" and modality == "planned",
                   unconfirmed=unconfirmed)


def _pressed_for(words: list[str]) -> str | None:
    """"pressed for an immediate ceasefire", "offered only a two- to three-day truce": what
    is pressed for or offered, right after the verb, is still to come (not "pressed for
    details about the arrest")."""
    for n in range(max(0, len(words) - 8), len(words)):
        if words[n] in _PRESSING and (words[n + 1:n + 2] == ["for"] or
                                      words[n] in _OFFERING):
            rest = words[n + 2:] if words[n + 1:n + 2] == ["for"] else words[n + 1:]
            if words[n] in _REQUESTING_DIRECT and (len(rest) > 3 or
                                                   any(w in PREPOSITIONS for w in rest)):
                continue  # "requested an emergency meeting" (not "is being sought as a
                # material witness in the shooting")
            if len(rest) <= 6 and all(w.isalpha() or "-" in w for w in rest) and \
                    not _NOT_PRESSED.intersection(rest):
                return f"{words[n]} for" if words[n] not in _OFFERING else words[n]
    return None


_REQUESTING_DIRECT = frozenset({"requested", "requests", "requesting", "request", "sought",
                                "seeks", "seeking", "seek"})  # ("requested an emergency
# meeting": asked for, not held)
_OFFERING = frozenset({"offered", "offers", "offering", "offer", "proposed", "proposes",
                       "proposing", "propose"}) | _REQUESTING_DIRECT
_PRESSING = frozenset({"pressed", "pressing", "press", "presses", "pushed", "pushing", "push",
                       "pushes", "braced", "bracing", "brace", "braces"}) | _OFFERING
# ("Residents braced for more shelling": what they expect, not yet told)
_NOT_PRESSED = frozenset({"details", "information", "answers", "his", "her", "their", "its",
                          "condolences", "resignation", "shelter", "rooms", "free", "help",
                          "support", "prayers", "years", "months"})


def _left_open(words: list[str], trig: Trigger, doc: Document) -> bool:
    """"did not rule out declaring", "has not ruled out a terrorist attack"."""
    k = len(words)
    if trig.pos == "n":
        while k > 0 and len(words) - k < 3 and words[k - 1] not in ("out", ",", ";"):
            k -= 1
    elif not doc.words[trig.first].endswith("ing"):
        return False
    return words[k - 1:k] == ["out"] and k >= 2 and \
        words[k - 2] in _RULING and \
        any(_negating(x) for x in words[max(0, k - 6):k - 2])


def _aimed_at(words: list[str], verb: bool) -> str | None:
    """ "talks aimed at securing a six-week truce", "a push aimed at a ceasefire", "aimed at
    capturing the town": the aim, not what happened (not "policies aimed at Cuba, including
    an embargo", "was aimed at boosting liquidity, said ...", "Strikes aimed at knocking out
    power stations killed four civilians": a verb is the aim only as the gerund itself)."""
    at = max((i for i in range(len(words) - 1)
              if words[i] in ("aimed", "aiming", "aims", "aim") and words[i + 1] == "at"),
             default=None)
    if at is None:
        return None
    rest = words[at + 2:]
    if any(w in (",", ";", ":") for w in rest) or verb and rest:
        return None
    return "aimed at" if not rest or rest in (["a"], ["an"], ["the"]) or \
        rest[0].endswith("ing") else None


_BE_FORMS = frozenset({"was", "were", "is", "are"})


def _said_of(doc: Document, trig: Trigger) -> bool:
    """A noun that a verb "to be" follows, which tells something of it other than that it
    happened: "denied that the arrest was politically motivated" denies the motive."""
    if trig.pos != "n":
        return False
    after = doc.words[trig.last + 1:trig.last + 9]
    k = 0
    if after[:1] in (["of"], ["on"], ["in"], ["against"]):
        k = next((n for n, w in enumerate(after) if w in _BE_FORMS), len(after))
        if any(not w.replace("-", "").isalpha() for w in after[:k]):
            return False  # ("the arrest of Rodrigo Duterte was ...": over the noun's own phrase)
    if after[k:k + 1] and after[k] in ("had", "has", "have") and after[k + 1:k + 2] == ["been"] \
            and after[k + 2:k + 3] and after[k + 2].endswith("ly"):
        return True  # "denied that the evacuation had been poorly organised", "... had been
        # disorderly": its manner (but "denied that any arrests had been made")
    return bool(after[k:k + 1]) and after[k] in _BE_FORMS and \
        not _itself_in_question(doc, trig) and " ".join(after[k:k + 2]) not in _HAPPENING


def _likely_after(after: list[str]) -> bool:
    """A noun's predicate says it may come: "were likely", "are possible", "is expected"
    (not "was expected to end": what it does)."""
    if not after or after[0] not in _BE_FORMS:
        return False
    k = 2 if after[1:2] in (["very"], ["highly"], ["also"], ["still"], ["increasingly"]) else 1
    nxt = after[k + 1] if k + 1 < len(after) else ""
    if nxt == "to" or nxt.endswith("ed") or nxt in irregular_verb_forms():
        return False  # ("was likely carried out by rebels": who did it is the guess)
    return after[k:k + 1] in (["likely"], ["unlikely"], ["possible"], ["probable"],
                              ["expected"], ["forecast"], ["feared"])


def _itself_in_question(doc: Document, trig: Trigger) -> bool:
    """What follows the noun asks whether it happens at all: "whether the attack on Rafah
    would go ahead", "that a chemical attack took place"."""
    after = doc.words[trig.last + 1:trig.last + 9]
    end = next((i for i, w in enumerate(after) if w in (",", ";", ".")), len(after))
    rest = f" {' '.join(after[:end])} "
    return any(f" {p} " in rest for p in _HAPPENING)


# Predicates that say whether an event happens at all (not "whether the fighting would ease":
# the fighting goes on).
_HAPPENING = ("took place", "take place", "taken place", "happen", "happened", "occur",
              "occurred", "go ahead", "went ahead", "gone ahead", "proceed", "be held",
              "was held", "were held", "been held", "was staged", "were staged",
              "be carried out", "was carried out", "were carried out", "had been carried out")


def _asks_if(words: list[str]) -> bool:
    """The last "if" opens an indirect question ("asked if", "not clear if"), not a
    condition."""
    last = max((i for i, w in enumerate(words) if w == "if"), default=0)
    return last > 0 and words[last - 1] in _ASKING_IF


# Words before "if" that make it ask rather than set a condition.
_ASKING_IF = frozenset({"ask", "asks", "asked", "asking", "know", "knew", "known", "knows",
                        "clear", "unclear", "see", "wonder", "wondered", "determine",
                        "check", "checking", "sure", "certain", "say", "said", "tell",
                        "investigating", "examine", "examining", "establish", "rule",
                        "decide", "decides", "decided"})


def _presupposed(doc: Document, trig: Trigger) -> bool:
    """A noun whose phrase opens with a definite determiner or a possessor: "the attack",
    "the trade embargo", "the relatives' appeal" - something known to exist."""
    if trig.pos != "n":
        return False
    lo = doc.sentence_tokens[trig.sentence][0]
    for k in range(trig.first - 1, max(lo, trig.first - 4) - 1, -1):
        tok = doc.tokens[k]
        if tok.lower in _DEFINITE or tok.bare != tok.text or \
                tok.text in ("'", "’") and doc.words[k - 1].endswith("s"):
            return True  # ("the relatives' appeal")
        if not tok.is_word or tok.lower in ("a", "an", "any", "no") or \
                tok.lower in PREPOSITIONS:
            return False
    return False


def _background_of_report(doc: Document, trig: Trigger) -> bool:
    """A known event named as the time of what is reported: a noun after "after", "since",
    "following" or "during" with a definite determiner or a possessor ("dead after last
    week's earthquake", "since the invasion")."""
    if not _presupposed(doc, trig):
        return False
    lo = doc.sentence_tokens[trig.sentence][0]
    for k in range(trig.first - 1, max(lo, trig.first - 5) - 1, -1):
        w = doc.words[k]
        if w in ("after", "since", "following", "during"):
            return True
        if w in PREPOSITIONS or w in (",", ";", ":") or w in RELATIVE_PRONOUNS:
            return False
    return False


def _cause_of_toll(doc: Document, trig: Trigger) -> bool:
    """The event is what a reported toll counts the dead of ("The number of people killed
    when a missile struck the station has risen to 57, the governor said", "The death toll
    from the missile strike has risen"): given; only the count is reported."""
    lo, hi = doc.sentence_tokens[trig.sentence]
    words = doc.words[max(lo, trig.first - 8):trig.first]
    if not any(w == "toll" and words[n + 1:n + 2] in (["from"], ["in"], ["after"]) or
               w in ("killed", "dead", "died", "injured", "wounded") and
               words[n + 1:n + 2] in (["when"], ["after"])
               for n, w in enumerate(words)) or \
            any(w in (",", ";") or w in _SAYING for w in words):
        return False  # (not "the death toll from what officials said was a drone strike")
    # the toll's own verb, before a comma: "... has risen to 57" (a risen toll: the event
    # was told before; not "Five people were killed when a cylinder exploded ..., and the
    # number of injured rose to 40", the first telling)
    rest = doc.words[trig.last + 1:hi]
    end = next((n for n, w in enumerate(rest) if w in (",", ";")), len(rest))
    return not _UPDATED.isdisjoint(rest[:min(end, 12)])  # ("from the floods and landslides
    # in Sumatra has risen to 26")


_UPDATED = frozenset({"risen", "rose", "climbed", "increased", "jumped", "reached", "soared",
                      "grown", "grew"})


def _after_the_condition(words: list[str]) -> bool:
    """The condition ends before the trigger: "if" opened a clause a comma closed ("If the
    truce holds, aid convoys will enter": the entering is the consequence), or the trigger
    lies in a relative clause inside it, which tells what is given ("asked residents if they
    had seen the gunmen who attacked the bank", "if people were trapped in the building that
    collapsed")."""
    last = max(i for i, w in enumerate(words) if w in ("if", "unless"))
    return any(w == "," or w in RELATIVE_PRONOUNS for w in words[last + 1:]) or \
        words[-1:] == ["that"] and last < len(words) - 2


def _past_form(word: str) -> bool:
    """A past tense or participle: "collapsed", "fell" (not "collapses")."""
    return len(word) > 4 and word.endswith("ed") or word in irregular_verb_forms()


# verbs and adjectives after which "to VERB" reports what happened ("began to withdraw")
_FACTIVE_TO = frozenset({
    "begin", "begins", "began", "begun", "start", "starts", "started", "continue", "continues",
    "continued", "manage", "manages", "managed", "forced", "forcing", "compelled",
    "compelling", "prompted", "prompting", "had", "has", "have",
    "having", "used", "help", "helps", "helped", "helping", "came", "went", "got", "able", "unable",
    "proceeded", "moved", "rushed", "scrambled", "caused", "causing", "causes"})
# words before "to VERB" that make the infinitive an intention of their subject
_CONTROL_TO = frozenset({
    "plan", "plans", "planned", "planning", "vow", "vows", "vowed", "agree", "agrees",
    "agreed", "decide", "decides", "decided", "due", "set", "expected", "expects", "ready",
    "about", "going", "is", "are", "was", "were", "be", "promise", "promised", "pledge",
    "pledged", "threaten", "threatened", "threatens", "seek", "seeks", "sought", "want",
    "wants", "wanted", "try", "tries", "tried", "trying", "attempt", "attempts", "attempted",
    "attempting", "intend", "intends", "intended", "aim", "aims", "aimed", "prepare", "prepared",
    "preparing", "prepares", "hope", "hopes", "hoped", "refuse", "refused", "offer",
    "offered", "offers", "ask", "asked", "urge", "urged", "order", "ordered", "likely",
    "unlikely", "need", "needs", "needed", "wish", "wishes", "vote", "voted", "voting",
    "choose", "chose", "elect", "elected", "seem", "seems", "seemed", "appear", "appears",
    "appeared", "allowed", "authorised", "authorized", "permitted", "invited", "told",
    "called", "asking", "calling", "struggle", "struggled", "struggling", "eager", "willing",
    "determined", "poised", "scheduled", "slated", "meant", "supposed", "threat", "threats",
    "plot", "plots", "bid"})
# verbs that make an event noun their object: "to make an arrest", "to carry out an attack"
_LIGHT_VERBS = frozenset({"make", "commit", "carry", "launch", "stage", "mount", "conduct",
                          "hold", "organise", "organize", "perpetrate"})


_CLAUSE_WORDS = frozenset({"and", "or", "but", "that", "which", "who", "while", "when"})


def _infinitive(doc: Document, words: list[str], trig: Trigger) -> str | None:
    """ "to VERB": an intention ("agreed to reopen", "signed a deal to reopen ports") unless a
    factive verb governs it ("began to withdraw"); None when the trigger is no infinitive.
    An event noun after "to" and a light verb ("to make an arrest", "to carry out an attack")
    is read as that infinitive."""
    if trig.pos == "n" and words[-1:] == ["to"] and \
            doc.words[trig.first] == trig.entry.lemma.split()[0] and \
            trig.entry.lemma in _VERB_NOUNS:
        return _governed_infinitive(words, trig.entry.lemma)  # "ordered the guards to
        # surrender": the noun's word is the verb
    if trig.pos == "n":
        k = len(words) - 1  # back over "out", an article and up to two modifiers
        while k >= 0 and len(words) - k <= 4 and words[k] not in _LIGHT_VERBS and \
                words[k].isalpha() and words[k] not in _CLAUSE_WORDS:
            k -= 1
        if k < 1 or words[k] not in _LIGHT_VERBS or words[k - 1] != "to":
            return None
        return _governed_infinitive(words[:k], "")
    if words[-2:] == ["to", "be"] and doc.words[trig.first] != trig.entry.lemma.split()[0]:
        words = words[:-1]  # "wants the fighters to be exchanged": a passive infinitive
    elif words[-1:] != ["to"] or doc.words[trig.first] != trig.entry.lemma.split()[0]:
        return None  # no infinitive, or not the base form
    return _governed_infinitive(words, trig.entry.lemma)


# an event noun whose own predicate is still to come: "an election must be held within 50
# days", "talks will take place next week", "the vote is scheduled for Sunday"
_MODAL_AFTER = frozenset({"will", "must", "would", "shall", "could", "may", "might", "should"})
_STAGED = frozenset({"held", "staged", "organised", "organized", "called", "convened",
                     "conducted"})
_STARTING = frozenset({"begin", "start", "resume", "follow", "come", "happen", "occur"})
_STARTING_PHRASES = frozenset({("take", "place"), ("go", "ahead")})
_SCHEDULED = frozenset({"expected", "due", "scheduled", "set", "planned", "slated"})
_STILL_BE = frozenset({"is", "are", "remains", "remain", "remained"})
# (not "the counteroffensive remains stalled": an attack that stalls took place)
_GIVEN_OR_AGREED = frozenset({"AidDelivery", "Agreement", "Ceasefire", "Negotiation",
                              "Sanctions"})
_STALLED = frozenset({"stalled", "blocked", "frozen", "stuck", "pending"})
_STALLED_PHRASES = frozenset({("held", "up"), ("on", "hold")})


def _future_predicate(after: list[str], *, stallable: bool = False) -> str | None:
    """The event noun is the subject of a future or obligatory predicate (or, for what is
    given or agreed, of "is stalled", "remains on hold": not given yet)."""
    if len(after) < 2:
        return None
    first, second = after[0], after[1]
    if first in ("on", "in", "against", "at", "near"):
        # over the noun's own phrase: "An attack on the city could come within days"
        m = next((i for i in range(2, min(len(after), 6)) if after[i] in _MODAL_AFTER), None)
        if m is None or any(w in (",", ";", "and", "but", "which", "that") for w in after[:m]):
            return None
        after = after[m:]
        if len(after) < 2:
            return None
        first, second = after[0], after[1]
    if first in _MODAL_AFTER:
        if second == "be" and len(after) > 2 and after[2] in _STAGED or second in _STARTING \
                or tuple(after[1:3]) in _STARTING_PHRASES:
            return f"{first} ... (after)"
        return None
    if first in ("is", "are") and second in _SCHEDULED:
        return f"{first} {second}"
    if stallable and first in _STILL_BE and (second in _STALLED or
                                             tuple(after[1:3]) in _STALLED_PHRASES):
        return f"{first} {second}"  # "an aid package is stalled in Congress": not yet given
    return None


_PLEDGING = frozenset({"pledged", "pledges", "pledging", "pledge", "promised", "promises",
                       "promising", "offered", "offers", "offering"})


def _not_scheduled(after: list[str]) -> bool:
    """The event noun is the subject of "is not expected", "was not due" (not "is not
    expected to hold": what is doubted is its lasting)."""
    return len(after) >= 3 and after[0] in ("is", "are", "was", "were") and \
        after[1] == "not" and after[2] in _SCHEDULED and after[3:4] != ["to"]


_FEARED_STATES = frozenset({"dead", "killed", "missing", "trapped", "drowned", "lost",
                            "injured", "buried"})


def _fear_not_of_event(words: list[str]) -> bool:
    """ "feared dead", "feared trapped": the fear is for people; "live in fear since the
    massacre": a state of fear; "fear the attack on the dam will cause flooding": a fear of
    what the event (given, definite) will bring. The event itself is no less real."""
    for k in range(len(words) - 1, max(-1, len(words) - 7), -1):
        if words[k] in ("feared", "fear", "fears", "fearing"):
            return k + 1 < len(words) and words[k + 1] in _FEARED_STATES or \
                words[k] == "fear" and k > 0 and words[k - 1] in ("in", "with", "of") or \
                words[k] != "feared" and any(w in _DEFINITE for w in words[k + 1:])
    return False


_DEFINITE = frozenset({"the", "this", "that", "its", "their", "his", "her", "our"})


# what a vote does by being taken: "lawmakers voted to impeach the president"
_ENACTED_BY_VOTE = frozenset({"impeach", "oust", "remove", "dismiss", "expel", "censure", "pass",
                              "approve", "adopt", "ratify", "repeal", "suspend", "extend"})
_VOTED = frozenset({"vote", "votes", "voted"})


def _carried(words: list[str]) -> bool:
    """The words between "voted" and "to" let the vote carry: not "against", "down", and no
    tally whose first number is the smaller ("voted 40 to 60 to pass": it failed)."""
    if _VOTED_DOWN.intersection(words):
        return False
    for n in range(len(words) - 2):
        if words[n + 1] == "to" and words[n].isdigit() and words[n + 2].isdigit():
            return int(words[n]) > int(words[n + 2])
    return True


_VOTED_DOWN = frozenset({"against", "down", "not", "narrowly"})


def _caused_by(words: list[str]) -> bool:
    """The words ending before a noun trigger hold "due to" and then only the noun phrase
    ("due to storm damage", "due to the threat of"; not "were due to gather in Washington
    for a summit")."""
    k = max((i for i in range(len(words) - 1) if words[i:i + 2] == ["due", "to"]),
            default=None)
    if k is None:
        return False
    if k > 0 and words[k - 1] in ("is", "are", "was", "were", "be", "been", "being", "'s"):
        return False  # "Nurses are due to strike on Monday": a timetable
    between = words[k + 2:]
    return len(between) <= 4 and all(w.isalpha() and (w == "of" or w not in PREPOSITIONS)
                                     for w in between)


# event nouns that are also the base form of their verb
_VERB_NOUNS = frozenset({"surrender", "retreat", "withdraw", "evacuate", "resign"})


def _intention_denied(words: list[str]) -> str | None:
    """"did not offer to resign", "We did not come here to destroy anything", "has no plans
    to": the intention itself is denied, so is the deed (not "did not hesitate to fire": it
    was done)."""
    k = len(words) - 2
    while k > 0 and words[k] in _INFINITIVE_ADVERBS:
        k -= 1
    if k < 1 or not words[k].isalpha() or words[k].startswith(_DONE_ALL_THE_SAME):
        return None
    before = words[max(0, k - 2):k]
    if words[k] in ("plan", "plans", "intention", "intentions") and before[-1:] == ["no"]:
        return "no ... to"
    return next((f"{w} ... to" for w in before if _negating(w)), None)


_INFINITIVE_ADVERBS = frozenset({"here", "there", "back", "out", "in", "forward"})
_DONE_ALL_THE_SAME = ("hesitat", "fail", "forg", "neglect", "wait", "stop", "take", "long",
                      "first", "last", "only", "second")  # ("did not take long to", "was not
# the first to resign": done)


def _governed_infinitive(words: list[str], lemma: str) -> str | None:
    """What governs the "to" that ends ``words``: an intention ("to"), a purpose, or a
    factive verb (None: "began to withdraw" tells what happened)."""
    if words[-3:-1] in (["in", "order"], ["so", "as"]):
        return "to (purpose)"
    # the governing verb, possibly before an object: "forced them to leave", "ordered the
    # army to withdraw"
    window = words[-7:-1]
    for n in range(len(window) - 1, -1, -1):
        w = window[n]
        if w in _RANKS_DONE and n + 1 < len(window):
            return None  # "became the first former president to be convicted": it was done
        if w in _FACTIVE_TO or w in _VOTED and lemma in _ENACTED_BY_VOTE and \
                _carried(window[n + 1:]) or \
                w in ("forces", "force") and n + 1 < len(window) and \
                (window[n + 1] in _FORCED or window[n + 1][:1].isdigit()):
            return None  # ("forces tens of thousands to flee": the verb, not troops)
        if w in _DISPATCHED and lemma in _SORTIES and _AIRCRAFT.intersection(window[n + 1:]):
            return None  # "sent F-16 fighter jets to bomb Cambodian targets": the sortie
            # flown, as news tells it
        if w in _CONTROL_TO and (w != "about" or n == len(window) - 1):
            return "to"  # ("about to leave", not "forced about 30,000 residents to leave")
        if w[:1].isdigit():
            continue  # "forcing about 30,000 residents to evacuate"
        if not w[:1].isalpha() or w in _CLAUSE_WORDS:
            break
    return "to (purpose)"


_STILL_TO_COME = frozenset({"is", "are", "am", "gets", "get"})
_PAST_BE = frozenset({"was", "were", "had", "got"})
# aircraft sent on a sortie: what they were sent to do is told as done
_DISPATCHED = frozenset({"sent", "dispatched", "scrambled", "sending", "dispatching",
                         "scrambling"})
_SORTIES = frozenset({"bomb", "strike", "hit", "attack", "shell", "pound"})
_AIRCRAFT = frozenset({"jets", "warplanes", "aircraft", "bombers", "planes", "drones",
                       "helicopters", "fighters", "f-16s", "f-35s"})
# an ordinal or "only" before a noun and an infinitive: the first to have done it
_RANKS_DONE = frozenset({"first", "second", "third", "last", "only", "latest"})
# who is forced: "forces thousands to flee", "forced them to leave"
_FORCED = frozenset({"tens", "thousands", "hundreds", "dozens", "millions", "residents",
                     "people", "them", "him", "her", "us", "families", "civilians", "many",
                     "some", "most", "all"})


def _negated(doc: Document, words: list[str], trig: Trigger) -> str | None:
    from_forms, to_forms, deny = _negation_forms()
    window = words[-9:]
    # "an evacuation rather than a surrender", "instead of an attack", "a direct hit rather
    # than damage from an intercepted missile", "chose to retreat rather than fight"
    det = 1 if trig.pos == "n" and words[-1:] and words[-1] in ("a", "an", "the") or \
        trig.pos == "v" and words[-1:] == ["being"] else 0  # ("sent home rather than being
    # detained")
    if words[-2 - det:len(words) - det] in (["rather", "than"], ["instead", "of"]):
        return " ".join(words[-2 - det:len(words) - det])
    for i, w in enumerate(window[:-1]):
        if w in _FOILING and window[-1] == "to" and \
                any(x in _PLOTS for x in window[i + 1:-1]):
            return f"{w} ... plot to"  # "had foiled a plot to kidnap the governor"
    if trig.pos == "v" and words[-1:] in (["nearly"], ["almost"]) and \
            trig.type in ("Killing", "CasualtiesReport"):
        return words[-1]  # "a gunman nearly killed Donald Trump": he lived (but "the town
        # was nearly destroyed" tells of damage)
    if trig.pos == "v":
        k = len(words)
        while k > 0 and words[k - 1] in _AUXILIARIES:
            k -= 1
        if k < len(words) and (words[k - 1:k] == ["nobody"] or
                               words[k - 2:k] in (["no", "one"], ["none"]) or
                               ("no" in words[max(0, k - 3):k - 1] or
                                "neither" in words[max(0, k - 3):k - 1]) and
                               all(w.isalpha() for w in words[max(0, k - 3):k])):
            return "no one"  # "Nobody had been detained by Saturday", "no one was arrested",
            # "No group has claimed responsibility", "Neither side has published figures"
    cues = _negation_words()
    if not any(w in cues or w.endswith("n't") for w in window):
        return None
    near = words[-4:]
    for i, w in enumerate(near):
        if _negating(w) or w == "no" and trig.pos == "n":
            if (w == "no" or "longer" not in words[-3:]) and \
                    (not _other_verb_between(_without_modifier(near[i + 1:], trig), trig) or
                     len(near) - i == 3 and near[-1] in ("or", "nor") and trig.pos == "v"):
                return w  # (and "did not confirm or deny": the negation spans both)
            k = trig.first - (len(near) - i)
            if w == "no" and len(near) - i <= 3 and all(
                    x.isalpha() and x not in _NOT_MODIFIERS for x in near[i + 1:]) and \
                    not (doc.tokens[k].text == "No" and doc.tokens[k + 1].is_cap and
                         k > doc.sentence_tokens[trig.sentence][0]):
                return w  # "no radiation leak", "no major damage": modifiers of the noun
                # (not "No Kings rallies": a name)
    if words[-2:-1] == ["without"] or words[-1:] == ["without"]:
        return "without"
    if "off" in words[-4:]:
        k = len(words) - words[::-1].index("off") - 1
        if words[k - 1:k] in (["called"], ["call"], ["calls"], ["calling"]) and \
                words[k - 2:k - 1] != ["to"] and \
                not _CALLED_OFF_BREAKS.intersection(words[k + 1:]):
            return "called off"  # "called off a planned assault on the plant" (not "called
            # off the wedding after the bombing", "urged Moscow to call off its offensive")
    if trig.pos == "n" and "without" in words[-6:-2] and all(
            w in _WITHOUT_A_DEAL for w in words[len(words) - words[::-1].index("without"):]):
        return "without"  # "ended without a deal on a ceasefire"
    if trig.pos == "n" and words[-1:] == ["any"] and \
            any(_negating(w) for w in window[-5:]):
        return "not ... any"  # "Moscow has not acknowledged any attack"
    for p in _NO_PHRASES:
        # the phrase right before the noun or its modifiers: "no indication of a widespread or
        # severe attack" (not "no reports of casualties as the storm ripped through")
        n = len(p)
        if p[1] == "question" and (doc.words[trig.last + 1:trig.last + 2] == ["being"] or
                                   any(w.endswith("ing") for w in words[-4:] if w not in p)):
            continue  # "no question of the talks being cancelled", "no question of
            # regretting the annexation": the cancelling, the regret
        if p[-1] == "that" and trig.pos != "v" and not _itself_in_question(doc, trig):
            continue  # "little sign that the fighting was easing": what is denied is said of
            # the fighting, which goes on (but "no evidence that a chemical attack took
            # place" denies the attack)
        for i in range(max(0, len(words) - 10), len(words) - n + 1):
            rest = words[i + n:]
            if p[0] == "not" and rest[:1] not in ([], ["a"], ["an"], ["any"]):
                continue  # ("not caused by a cyberattack"; but "not caused by the earthquake
                # but by years of neglect": the earthquake happened)
            if tuple(words[i:i + n]) == p and all(
                    w.isalpha() and (w not in _NOT_BEFORE_A_NOUN or
                                     w == "of" and x and rest[x - 1] in _COLLECTIVES and
                                     all(v in _BEFORE_COLLECTIVES or v.isalpha() and
                                         not v.endswith(("s", "ed")) and
                                         v not in _NOT_BEFORE_A_NOUN for v in rest[:x - 1]))
                    for x, w in enumerate(rest)):
                return " ".join(p)  # ("no reports of a repeat of the clashes"; not "No
                # reports of injuries followed a series of explosions")
    if words[-1:] == ["to"] and _no_plans(words):
        return "no plans"  # "there were no plans for Putin to address the nation"
    if "yet to" in " ".join(words[-3:]):
        return "yet to"
    if words[-2:] == ["from", "being"] and any(w in _SAVED for w in window[:-2]):
        return "saved from being"  # "had to be saved from being surrounded" (not "saved
        # the children from the fire": the fire was)
    for i in range(len(window) - 2):
        j = i + 2 if window[i + 1] in ("the", "a", "any", "its", "their", "his", "her") or \
            window[i + 1].endswith(("'s", "’s")) else i + 1  # (or a possessor: "Moscow's")
        if j >= len(window):
            continue
        if (window[i] in deny or window[i] in _DISMISSING) and window[j] in _DISPUTED and \
                window[j + 1:j + 2] == ["that"] \
                and not any(x in (",", ";", "that", "and", "but") for x in window[j + 2:]) \
                and not (window[-2:-1] and (window[-2] in _BACKGROUND_PREPOSITIONS or
                                            window[-2] == "of") and
                         window[-1] in ("the", "a", "an", "this", "that")):
            # (not "denied reports that women injured in the quake were turned away", "victims
            # of the earthquake": the quake is where they were hurt, not what is denied)
            return f"{window[i]} ... {window[j]} that"  # "rejected the claim that its troops
            # had shelled the town", "denied reports that": what the claim says is denied
        if window[i] in deny:
            # (over a possessor: "rejected the regional bloc's offer of talks", "rejected
            # Kyiv's proposal for an exchange", "rejected the UN call for a ceasefire")
            a = next((n for n in range(i + 1, min(i + 6, len(window) - 1))
                      if window[n] in _ASKED or not window[n].replace("'", "").isalpha()),
                     None)
            if a is not None and window[a] in _ASKED and \
                    window[a + 1:a + 2] in (["for"], ["of"]) and len(window) - a <= 6 and \
                    not any(x in (",", ";", "that", "and", "but") for x in window[a + 2:]):
                return f"{window[i]} ... {window[a]} for"  # "rejected calls for a 30-day
                # truce", "rejected an offer of talks": what was asked for did not happen
    for i, w in enumerate(window):
        if w == "out" and i and window[i - 1] in _RULING and \
                (len(window) - i <= 3 and trig.pos == "n" or
                 len(window) - i == 1 and doc.words[trig.first].endswith("ing")) and \
                not any(_negating(x) for x in window[max(0, i - 4):i - 1]):
            # (not "have not ruled out a terrorist attack": a possibility left open)
            return "ruled out"  # "has ruled out negotiations", "ruled out a ceasefire",
            # "has ruled out resigning"
        if w == "short" and window[i + 1:i + 2] == ["of"] and len(window) - i <= 5 and i and \
                window[i - 1] in ("stop", "stops", "stopped", "stopping") and \
                not any(x.endswith("ing") for x in window[i + 2:]):
            return "stopped short of"  # "stopping short of the full-scale assault": none
            # (not "stopped short of condemning the coup": the coup was)
        if w in from_forms and "from" in window[i + 1:]:
            return f"{w} ... from"
        if w in to_forms and window[i + 1:i + 2] == ["to"] and \
                (len(window) == i + 2 or window[i + 2] in _NEG_TRANSPARENT):
            # the event, or a verb that only carries it, right after "to" ("failed to reach a
            # peace deal"; not "declined to comment on the explosions": the comment)
            return f"{w} to"
        if w in deny and (len(window) - i <= 3 or "that" in window[i + 1:i + 2]) and \
                (not w.startswith("reject") or trig.type in _PROPOSED and
                 not _concluded(doc, trig)) and \
                not (i >= 2 and window[i - 1] in ("or", "nor") and
                     any(_negating(x) for x in window[:i - 1])) and \
                not (w.startswith("escap") and window[i + 1:i + 2] == ["the"]) and \
                not (window[i + 1:i + 2] == ["that"] and _said_of(doc, trig)) and \
                not any(x == "and" or x in _SUBORDINATE or x in _CAUSES
                        for x in window[i + 1:]):
            return w  # not "inmates escape as gangs storm the prison"
    return None


# words that may stand between a negation and the event it denies ("did not launch an attack",
# "has not yet been restored")
_NEG_TRANSPARENT = frozenset({
    "a", "an", "the", "any", "its", "their", "his", "her", "be", "been", "being", "have",
    "has", "had", "yet", "immediately", "fully", "directly", "officially", "publicly",
    "launch", "launched", "carry", "carried", "out", "conduct", "conducted", "stage", "staged",
    "make", "made", "mount", "mounted", "hold", "held", "to", "by", "from", "further", "new",
    "major", "such", "single", "reported", "confirmed", "involved", "in", "take", "taken",
    "sign", "signed", "reach", "reached", "accept", "accepted", "approve", "approved",
    "allow", "allowed", "permit", "permitted", "produce", "produced", "secure", "secured",
    "broker", "brokered", "achieve", "achieved", "clinch", "clinched", "conclude", "concluded",
    "seal", "sealed", "fire", "assign", "assigned", "apportion", "apportioned", "lay",
    "laid", "place", "placed", "issue", "issued", "anyone", "anybody", "under", "able",
    "suffer", "suffered", "sustain", "sustained", "experience", "experienced",
    # ("did not amount to a ceasefire", "does not constitute an invasion")
    "amount", "amounted", "amounting", "constitute", "constituted", "constituting"})


_THWARTED = frozenset({"thwarted", "foiled", "averted", "prevented", "aborted"})
# Verbs of keeping an event from happening, and what may stand between them and its noun
_PREVENTING = frozenset({"prevent", "prevents", "preventing", "avert", "averts", "averting",
                         "avoid", "avoids", "avoiding"})
_IN_VAIN = frozenset({"failed", "fail", "fails", "unable", "powerless", "nothing", "little",
                      "struggled", "helpless"})
_PREVENTED_MODIFIERS = frozenset({"a", "an", "the", "any", "further", "more", "new", "another",
                                  "future", "fresh", "renewed", "such", "all-out", "wider"})


def _thwarted(doc: Document, trig: Trigger, words: list[str]) -> str | None:
    """ "a foiled attack", "an attack ... had been thwarted": it did not happen."""
    if trig.pos != "n":
        return None
    if words and words[-1] in _THWARTED:
        return words[-1]  # "a foiled bombing"
    if len(words) > 1 and words[-2] in _THWARTED and words[-1] in ("a", "an", "the"):
        if words[-3:-2] == ["have"]:
            return None  # "could have prevented the accident": it happened
        return words[-2]  # "police foiled an attack"
    k = len(words) - 1
    while k > 0 and words[k] in _PREVENTED_MODIFIERS:
        k -= 1
    if words and words[k] in _PREVENTING and \
            not (words[k - 1:k] == ["to"] and words[k - 2:k - 1] and words[k - 2] in _IN_VAIN):
        return words[k]  # "deployed to prevent further attacks", "to avert a war" (but
        # "failed to prevent fresh clashes", "did nothing to prevent the shooting": they were)
    after = doc.words[trig.last + 1:trig.last + 7]
    for i, w in enumerate(after):
        if w in _THWARTED:
            return w if i > 0 and after[i - 1] in ("been", "was", "were", "is", "are") else None
        if w in (",", ".", ";", "and", "but"):
            return None
    return None


_CALLED_OFF = frozenset({"cancelled", "canceled", "scrapped", "abandoned", "shelved"})
_BE_DONE = frozenset({"was", "were", "is", "are", "has", "have", "had", "been"})
_CLAUSE_ENDS = frozenset({".", ";", "and", "but", "which", "who", "that", "after", "as",
                          "because", "when", "while"})


def _called_off(doc: Document, trig: Trigger) -> str | None:
    """ "A rally planned for Sunday was cancelled", "The summit, planned for May, was called
    off": the noun is the subject of a passive that calls it off (not "postponed": "The
    election had been postponed from February" was held all the same)."""
    if trig.pos != "n":
        return None
    after = doc.words[trig.last + 1:trig.last + 16]
    commas = 0
    for i, w in enumerate(after):
        if w in _CLAUSE_ENDS:
            return None
        if w == ",":
            commas += 1
            continue
        if w in _BE_DONE and commas % 2 == 0:
            rest = [x for x in after[i + 1:i + 5] if x not in _BE_DONE and not x.endswith("ly")]
            if rest[:1] and rest[0] in _CALLED_OFF:
                return rest[0]
            if rest[:2] == ["called", "off"] or rest[:2] == ["put", "off"]:
                return " ".join(rest[:2])
            return None
    return None


# words that end the noun phrase "no" opens ("no comment on the attack")
_CALLED_OFF_BREAKS = frozenset({"after", "following", "and", "as", ",", "days", "before",
                                "over", "amid", "because"})
# what may stand between "without" and the event it denies ("without a deal on a ceasefire")
_WITHOUT_A_DEAL = frozenset({"a", "an", "the", "any", "deal", "agreement", "accord", "on",
                             "for", "of", "lasting", "permanent", "full", "new", "formal"})
_NOT_MODIFIERS = frozenset({"on", "of", "in", "at", "for", "about", "to", "from", "with", "by",
                            "the", "a", "an", "and", "or", "was", "were", "is", "are", "be",
                            "that", "which"})


def _without_modifier(words: list[str], trig: Trigger) -> list[str]:
    """The words between a negation and a noun trigger, less the noun's modifier after a
    transparent verb or article ("would not conclude trade deals", "did not reach a peace
    deal")."""
    if trig.pos == "n" and len(words) >= 2 and words[-1].isalpha() and \
            words[-2] in _NEG_TRANSPARENT:
        return words[:-1]
    return words


def _not_until(doc: Document, trig: Trigger, negation: str, words: list[str]) -> str | None:
    """A plain negation ("not", "n't") of a verb followed by "until" or "before" puts the
    event off rather than denying it: "planned" ("will not reopen until Monday", "would not
    resume before next week") or, told in the past, "asserted" ("did not arrest him until
    Tuesday"); None for any other negation."""
    if trig.pos != "v" or not _negating(negation) or \
            not any(w in ("until", "till", "before")
                    for w in doc.words[trig.last + 1:trig.last + 5]):
        return None
    past = any(w in _PAST_AUXILIARIES for w in words[-4:])
    return "asserted" if past else "planned"


_PAST_AUXILIARIES = frozenset({"did", "didn't", "was", "wasn't", "were", "weren't", "had",
                               "hadn't"})


def _the_next_day(words: list[str]) -> bool:
    """The last "next" is of "the next day" (morning, evening, night)."""
    k = max((i for i, w in enumerate(words) if w == "next"), default=0)
    return k > 0 and words[k - 1] == "the" and words[k + 1:k + 2] in (
        ["day"], ["morning"], ["afternoon"], ["evening"], ["night"])


def _negating(word: str) -> bool:
    """A negation particle ("not", "never", ...) or a contracted one ("didn't")."""
    return word in _NEG_PARTICLES or word.endswith("n't")


def _announces_own(words: list[str], trig: Trigger) -> bool:
    """ "announced his resignation", "announced their withdrawal from the race": an act the
    announcing does."""
    return trig.pos == "n" and trig.type in ("Resignation", "Withdrawal") and \
        words[-1:] in (["his"], ["her"], ["their"], ["its"]) and \
        words[-2:-1] in (["announced"], ["announces"], ["announcing"])


def _unquote_words(words: list[str]) -> list[str]:
    """The words with scare quotes around a single word dropped ('Israel had "failed" to
    kill them': "failed to")."""
    out: list[str] = []
    n = 0
    while n < len(words):
        if words[n] in ('"', "“") and n + 2 < len(words) and words[n + 1].isalpha() and \
                words[n + 2] in ('"', "”"):
            out.append(words[n + 1])
            n += 3
            continue
        out.append(words[n])
        n += 1
    return out


def _failed(doc: Document, trig: Trigger, words: list[str]) -> str | None:
    """ "tried to set fire to the lift but did not succeed", "attempted to storm the building
    but were repelled", "repelled Ukrainian attempts to advance": an attempt that failed."""
    if words[-1:] == ["to"] and words[-2:-1] and words[-2] in _ATTEMPTS:
        stop = next((w for w in words[-6:-2] if w in _REPELLING), None)
        if stop is not None:
            return f"{stop} ... {words[-2]} to"
        a, b = doc.sentence_tokens[trig.sentence]
        for w in doc.words[trig.last + 1:min(b, trig.last + 9)]:
            if w in ("failed", "fail", "fails"):
                return f"{words[-2]} to ... {w}"  # "attempts to intercept the missile had
                # failed"
            if w in (",", ";", "but", "and"):
                break
    if words[-1:] == ["to"] and _REQUESTING.intersection(words[-7:-1]):
        a, b = doc.sentence_tokens[trig.sentence]
        after = doc.words[trig.last + 1:b]
        for n in range(len(after) - 1):
            if after[n] == "but" and _TURNED_DOWN.intersection(after[n + 1:n + 4]):
                return f"asked to ... but {' '.join(after[n + 1:n + 3])}"  # "asked the
                # president to dissolve parliament, but he refused"
    if words[-2:-1] not in (["tried"], ["attempted"], ["sought"]) or words[-1:] != ["to"]:
        return None
    a, b = doc.sentence_tokens[trig.sentence]
    after = doc.words[trig.last + 1:b]
    for n in range(len(after)):
        if after[n] in ("unsuccessfully", "vain") or after[n:n + 2] in _FAILURES or \
                after[n:n + 3] in _FAILURES or after[n:n + 4] in _FAILURES:
            return f"{words[-2]} to ... {' '.join(after[n:n + 2])}"
    return None


_ATTEMPTS = frozenset({"attempt", "attempts", "bid", "bids", "effort", "efforts"})
# a request that is then refused ("asked the president to dissolve parliament, but he refused")
_REQUESTING = frozenset({"asked", "urged", "requested", "pressed", "called"})
_TURNED_DOWN = frozenset({"refused", "declined", "rejected"})
# what is done to an attempt that then fails ("repelled attempts to advance"), or by whom it
# was aimed at
_REPELLING = frozenset({"repelled", "repulsed", "thwarted", "foiled", "rebuffed", "repel",
                        "repulse", "thwart", "foil", "repelling", "repulsing", "thwarting",
                        "foiling", "escaped", "escaping", "survived", "surviving", "evaded",
                        "evading"})  # (and what the attempt's target got away from: "escaped
# an attempt to arrest him")
# what follows an attempt that failed ("but failed", "but did not succeed", "without success")
_FAILURES = [["but", "failed"], ["without", "success"], ["but", "were", "repelled"],
             ["but", "was", "repelled"], ["but", "were", "stopped"], ["but", "was", "stopped"],
             ["but", "were", "thwarted"], ["but", "was", "thwarted"],
             ["but", "did", "not", "succeed"], ["but", "didn't", "succeed"],
             ["but", "abandoned"], ["but", "gave", "up"], ["but", "were", "blocked"],
             ["but", "was", "blocked"], ["but", "were", "turned", "back"],
             ["but", "was", "turned", "back"], ["but", "were", "prevented"],
             ["but", "was", "prevented"]]


def _other_verb_between(words: list[str], trig: Trigger) -> bool:
    """ "did not comment on the attack": the negation denies the comment, not the attack."""
    return any(w not in _NEG_TRANSPARENT and w.isalpha() and not w.endswith("ly")
               for w in words)


# Hedges that are adjectives: before a verb they describe a participant ("four suspected
# gunmen were detained"), not the event ("a suspected attack").
_ATTRIBUTIVE_HEDGES = frozenset({"suspected", "alleged", "apparent", "unconfirmed", "purported",
                                 "unverified"})


_FINITE_BE_HAVE = frozenset({"was", "were", "is", "are", "has", "had"})
# Words after a verb of denial that open its cause, which it does not deny ("was scrapped
# following the attack", "cancelled amid protests", "inmates escape as gangs storm").
_CAUSES = frozenset({"as", "following", "amid", "due", "over", "because", "after"})
# Prepositions before "the X" that presuppose the event X ("retaliate for the attack").
# (not "after", "following": "plans to visit the town after the election", one to come)
_PRESUPPOSING = frozenset({"behind", "for", "over", "since"})
# Nouns of asking before "for": what is asked for is to come ("rejected calls for his
# resignation", "prepares for the election").
_ASKING = tuple([w] for w in ("calls", "call", "calling", "called", "demands", "demand",
                              "pressure", "push", "bid", "plans", "preparations", "prepare",
                              "prepares", "preparing", "ready", "hopes", "appeal", "appeals"))
# Words between a subject and its passive verb ("had been", "was reportedly").
_AUXILIARIES = frozenset({"was", "were", "is", "are", "has", "have", "had", "been", "be",
                          "being", "will", "would", "yet", "reportedly", "immediately", "ever"})


_CHARGES = frozenset({"charged", "accused", "convicted", "guilty", "suspected", "suspicion",
                      "acquitted", "sentenced", "arrested", "indicted", "jailed"})


def _charged_with(doc: Document, trig: Trigger) -> bool:
    """A verb of charging stands up to 14 words before the trigger in its sentence."""
    lo = max(doc.sentence_tokens[trig.sentence][0], trig.first - 14)
    return any(w in _CHARGES for w in doc.words[lo:trig.first])


def _finite_after(words: list[str], cue: str) -> bool:
    """A finite "was", "is", "has" ... follows the last ``cue`` ("tried to") in ``words``."""
    p = cue.split()
    last = max((i for i in range(len(words) - len(p) + 1) if words[i:i + len(p)] == p),
               default=None)
    if last is None:
        return False
    for w in words[last + len(p):]:
        if w in ("that", "which", "who"):
            return False  # ("plans to launch an offensive that is aimed at retaking")
        if w in _FINITE_BE_HAVE:
            return True
    return False


def _calls_for(words: list[str]) -> list[str]:
    """The words with a time or an adverb between "called" and "for" left out ("called on
    Tuesday for a ceasefire", "called again for talks": a call for them)."""
    if "for" not in words:
        return words
    out: list[str] = []
    i = 0
    while i < len(words):
        out.append(words[i])
        if words[i] in _CALL_FORMS:
            j = i + 1
            while j < len(words) and j - i <= 4 and (words[j] in _CALL_ADJUNCTS or
                                                     words[j] in WEEKDAYS):
                j += 1
            if j > i + 1 and j < len(words) and words[j] == "for":
                i = j
                continue
        i += 1
    return out


_CALL_FORMS = frozenset({"call", "calls", "called", "calling"})
_CALL_ADJUNCTS = frozenset({"on", "again", "repeatedly", "also", "late", "early", "last",
                            "this", "week", "weekend", "yesterday", "today", "once", "instead"})


def _cue_before(words: list[str], index: dict[str, tuple[tuple[str, ...], ...]], size: int,
                trig: Trigger, skip: frozenset[str] = frozenset()) -> str | None:
    window = words[-size:]
    for i, w in enumerate(window):
        if w in skip:
            continue
        for p in index.get(w, ()):
            if tuple(window[i:i + len(p)]) == p:
                return " ".join(p)
    return None


@dataclass(frozen=True)
class _SentenceCues:
    """What a sentence offers every trigger in it: "according to" spans, the reporting verbs
    outside quotations, and the marks a closing report is looked for by (token indices)."""

    according: tuple[tuple[int, tuple[int, int], tuple[int, int] | None], ...]
    reporters: tuple[int, ...]
    marks: tuple[tuple[int, str], ...]  # (index, "stop" | "comma" | "verb") in order


def reporting_verbs(doc: Document, sentence: int, lex: Lexicon) -> tuple[int, ...]:
    """Token indices of the reporting verbs of a sentence outside quotations ("said",
    "told"; not the nouns "the report", "the 51st state")."""
    return _sentence_cues(doc, sentence, lex).reporters


_LIVES = frozenset({"lives", "life", "victims"})
# what a reply "with" says ("responded with a statement"; not "responded with a wave of
# missile strikes": an act)
_SPEECH_NOUNS = frozenset({"statement", "statements", "words", "comment", "comments", "letter",
                           "message", "remarks", "tweet", "post", "speech", "question",
                           "questions", "denial", "threat", "threats", "warning", "warnings"})


def _sentence_cues(doc: Document, sentence: int, lex: Lexicon) -> _SentenceCues:
    key = ("modality", sentence)
    found = doc._cache.get(key)
    if found is not None:
        return found
    a, b = doc.sentence_tokens[sentence]
    toks, words = doc.tokens, doc.words
    reporting = lex.reporting
    according = []
    reporters = []
    marks = []
    for k in range(a, b):
        w = words[k]
        if w == "according" and k + 2 < b and words[k + 1] == "to":
            end = k + 2
            while end < b and toks[end].text not in (",", ".", ";", ":"):
                end += 1
            according.append((k, (k + 2, end), doc.quote_at(toks[k].start)))
        if w == ";":
            marks.append((k, "stop"))
        elif w in (",", "”", '"'):
            new_clause = w == "," and k + 1 < b and words[k + 1] in _NEW_CLAUSE
            marks.append((k, "stop" if new_clause else "comma"))
        elif w in reporting and toks[k].is_word and not _noun_use(words, a, k) and \
                not (w in ("state", "states") and _state_noun(doc, sentence, k, a)) and \
                not (k + 2 < b and words[k + 1] == "by" and words[k + 2].endswith("ing")) and \
                not (k + 1 < b and words[k + 1] == "with" and w.startswith(("respond", "repl"))
                     and not _SPEECH_NOUNS.intersection(words[k + 2:min(b, k + 6)])) and \
                not (w.startswith("claim") and _LIVES.intersection(words[k + 1:min(b, k + 5)])):
            # (not "Iran responded by firing drones", "responded with missile strikes": an
            # act, no report; nor "The disaster claimed more lives": deaths)
            marks.append((k, "verb"))
            if doc.quote_at(toks[k].start) is None:
                reporters.append(k)
    found = doc._cache[key] = _SentenceCues(tuple(according), tuple(reporters), tuple(marks))
    return found


def _claim(doc: Document, trig: Trigger, clause: tuple[int, int],
           quote: tuple[int, int] | None, lex: Lexicon, is_reporting: bool
           ) -> tuple[int | None, tuple[int, int] | None]:
    """The reporting verb (token index) or "according to" span that governs the trigger."""
    cues = _sentence_cues(doc, trig.sentence, lex)
    according = next((span for k, span, q in cues.according if (q is None or q == quote) and
                      not _contrast_between(doc.words, min(k, trig.first), max(k, trig.first))),
                     None)
    if is_reporting and quote is None:
        return None, according
    toks = doc.tokens
    # a reporting verb before the trigger in its clause: "X said (that) ..."
    words = doc.words
    for k in reversed(cues.reporters):
        t = toks[k]
        if t.end <= trig.start and t.start >= clause[0]:
            if words[k + 1] == "," and words[k + 2] not in ('"', "“"):
                continue  # "..., a rights group said, in the largest protest": it closes
            return k, according
        if t.end <= trig.start and t.start < clause[0]:
            break
    # ", X said" after the trigger, in the same sentence and outside the trigger's quotation
    floor = trig.end if quote is None else max(trig.end, quote[1])
    k = doc.first_token_at_or_after(floor)
    b = doc.sentence_tokens[trig.sentence][1]
    comma_at = None
    for m, kind in cues.marks:
        if m < k:
            continue
        if kind == "stop":
            if words[m] == "," and words[m + 1] not in _CONTRAST and \
                    words[m + 1] not in _OWN_SUBJECT:
                continue  # "..., after weeks of shelling, the military says": the same report
            break  # ";" or ", but the governor said ...": another clause, another report
        if kind == "comma":
            comma_at = m
        elif comma_at is not None and m - comma_at <= 8:
            if m == comma_at + 1 and words[m].endswith("ing"):
                break  # "resigned on Wednesday, saying he took responsibility": goes on
            if m == comma_at + 1 and words[doc.first_token_at_or_after(clause[0])] in \
                    RELATIVE_PRONOUNS:
                break  # "Zelensky, who met Biden, said ...": the meeting is not what he says
            if _has_complement(doc, m, b):
                break  # "..., officials said that ...": it reports what follows
            if trig.pos == "n" and _in_fronted_adjunct(doc, trig, comma_at):
                break  # "After the attack, Putin said ...": an attack presupposed, not told
            return m, according
    return None, according


# Prepositions that open an adjunct before a sentence's subject ("After the attack, ...").
_ADJUNCT_OPENERS = frozenset({"after", "in", "during", "following", "amid", "since", "before",
                              "on", "at", "over", "despite"})
_MODIFIER_SLOTS = frozenset({"a", "an", "the", "his", "her", "its", "their", "this", "that"})


def _in_fronted_adjunct(doc: Document, trig: Trigger, comma: int) -> bool:
    """The noun trigger stands in verbless material that opens the sentence with a
    preposition and ends at ``comma`` before the subject of a closing report ("After the
    attack on the market, Putin said ...", "In a televised address on Saturday, his first
    comments on the attack, Putin said ..."): an event spoken of, not what is reported."""
    words = doc.words
    first = doc.sentence_tokens[trig.sentence][0]
    if first >= trig.first or words[first] not in _ADJUNCT_OPENERS:
        return False
    for k in range(first + 1, comma):
        if trig.first <= k <= trig.last:
            continue
        w = words[k]
        if w in _VERB_WORDS or doc.tokens[k].is_word and w.endswith("ed") and \
                words[k - 1] not in _MODIFIER_SLOTS:
            return False  # "On Tuesday, Russia launched an attack, officials said"
    return True


# finite verbs no opening adjunct holds
_VERB_WORDS = frozenset({"was", "were", "is", "are", "has", "have", "had", "will", "would",
                         "be", "been", "hit", "struck", "killed", "left", "began", "broke",
                         "took", "came", "fell", "say", "says", "said"})


# Openers after a comma whose clause may carry its own report ("..., as the governor said").
_OWN_SUBJECT = frozenset({"as", "which", "who", "whom", "whose", "where", "when", "if",
                          "unless"})
_VERIFYING = frozenset({"confirm", "confirmed", "verify", "verified"})
_CONTRAST = frozenset({"but", "while", "whereas", "although", "though", "yet", "however"})


def _contrast_between(words: list[str], lo: int, hi: int) -> bool:
    """ "X counterattacked ..., but Russian forces shelled ..., according to Y": a ";" or a
    contrasting ", but" ends what "according to" vouches for."""
    return any(words[k] == ";" or words[k] == "," and words[k + 1] in _CONTRAST
               for k in range(lo, hi))


_NEW_CLAUSE = _CONTRAST | frozenset({"because", "since", "after", "before", "when", "which",
                                     "who", "whom", "whose", "where", "if", "unless", "until",
                                     "as"})
_MAX_TAIL = 10  # words after a reporting verb that closes its sentence ("..., X said ...")


def _has_complement(doc: Document, verb: int, end: int) -> bool:
    """The reporting verb introduces a clause of its own ("said that ...", "said a missile
    strike hit ...") rather than closing the sentence it attributes ("..., X said on Tuesday
    as ...")."""
    tail = []
    for w in doc.words[verb + 1:end]:
        if w == "," or w in _NEW_CLAUSE:
            break
        tail.append(w)
    if tail[:1] == ["that"] or tail[1:2] == ["that"] and tail[0] not in ("in", "on"):
        return True
    early = tail[:next((n for n, w in enumerate(tail) if w in ("that", "which", "who")), 5)]
    if tail and tail[0] not in PREPOSITIONS and _COMPLEMENT_AUXILIARIES.intersection(early):
        return True  # "..., and by Sunday the group said it had taken the camp": its own
        # clause, which the fighting before it is no part of (not "said in a statement that
        # was posted online")
    return sum(1 for w in tail if w[:1].isalpha()) > _MAX_TAIL


# auxiliaries that mark a finite clause after a reporting verb ("said it had", "said
# Tuesday the army was")
_COMPLEMENT_AUXILIARIES = frozenset({"had", "has", "have", "was", "were", "would", "will",
                                     "could", "is", "are", "might", "should", "must"})


_NOUNS_TOO = frozenset({"note", "report", "claim", "estimate", "reply", "post", "tweet",
                        "quote", "statement", "comment", "response", "answer", "remark"})


def _state_noun(doc: Document, sentence: int, k: int, first: int) -> bool:
    """ "the United States", "Lashio, Shan state, in August": a state, no verb of saying (a
    capitalised "States" inside a sentence not in title case, or a state after a name)."""
    toks = doc.tokens
    if doc.sentences[sentence].titlecase:
        return False
    return k > first and (toks[k].is_cap or k - 1 > first and toks[k - 1].is_cap)


def _noun_use(words: list[str], first: int, k: int) -> bool:
    """A reporting word used as a noun: "the report", "on a high note"."""
    prev = words[k - 1] if k > first else ""
    if prev in ("the", "a", "an", "its", "their", "his", "her", "this", "that"):
        return True
    if prev[:1].isdigit() and prev.endswith(("st", "nd", "rd", "th")) and \
            words[k] in ("state", "states", "post", "posts", "report", "reports"):
        return True  # "the 51st state" (but "The 42nd said it repelled five assaults")
    return words[k] in _NOUNS_TOO and k - 2 >= first and words[k - 2] in ("a", "an", "the") \
        and not prev.endswith("s")
