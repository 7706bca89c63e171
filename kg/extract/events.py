"""Event mentions: triggers with their modality, roles, counts, quotation and time.

Reporting verbs ("said", "wrote") make a Statement only when they carry a quotation, or when
nothing else in the sentence is reported (then the statement itself is the news); otherwise
they only attribute the reported events. Casualty counts go to the violent event of their
sentence (or of the sentence before, in the same paragraph); with no such event they make a
CasualtiesReport (or a Killing, when an actor did the killing).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from ..model import TimeSpec
from ..temporal.lexicon import NUMBER_WORDS, WEEKDAYS
from .casualties import CASUALTY_WORDS, CasualtyReport, find_casualties, since_long_before
from .clauses import answers_before, clause_of, irregular_verb_forms, measured_opener
from .document import Document
from .lexicon import Lexicon, TriggerEntry
from .modality import Reading, read_modality
from .quotes import attached_quote, quote_text
from .roles import TOLD, RoleFinder, Roles
from .timing import reaction_before
from .triggers import PREPOSITIONS, Trigger, find_triggers

HOST_TYPES = frozenset({"ShellingMissileAttack", "AirStrike", "Bombing", "Attack", "Killing",
                        "ArmedClash", "Explosion", "Accident", "Earthquake", "Flood", "Storm",
                        "Wildfire", "Riot", "Protest", "Damage", "Disease"})
_TEMPORAL_SUBORDINATORS = frozenset({"after", "before", "since", "until", "till"})
_BEGINNING = frozenset({"began", "begun", "begin", "begins", "started", "start", "starts",
                        "continued", "continues", "resumed"})
_HABITUAL = frozenset({"regularly", "routinely", "frequently", "often", "usually", "typically",
                      "habitually", "sometimes", "occasionally"})
_INDEFINITE = frozenset({"a", "an", "another", "second", "third", "fresh", "separate"})
_KIND_WEIGHT = {"body": 1.0, "caption": 0.9, "headline": 0.85}
_REPORTING_STATEMENT = frozenset({"say", "tell", "write", "add", "state", "insist", "claim",
                                  "confirm", "announce", "respond", "post"})


@dataclass
class EventDraft:
    trig: Trigger
    reading: Reading
    roles: Roles
    confidence: float
    rule: str
    kind: str  # body | headline | caption
    quote: str | None = None
    quote_span: tuple[int, int] | None = None
    fatalities: int | None = None
    injured: int | None = None
    time: TimeSpec | None = None
    merged: list[EventDraft] = field(default_factory=list)
    anaphoric: bool = False  # "the quake", "the attack": refers back to an earlier mention
    named: frozenset[str] = frozenset()  # "the Markoye attack": the places that name it
    indefinite: bool = False  # "a smaller collapse", "another quake": introduces a new one
    subordinate: bool = False  # in an "after ..."/"since ..." clause: before or after the main
    answered: bool = False  # "in retaliation for the barrage": an earlier event, not this one's
    begun: bool = False  # "began attacking shipping": a campaign's start, no single event
    clause: tuple[int, int] | None = None
    context_places: frozenset[str] = frozenset()  # every place named in the sentence
    retype: str | None = None  # a more specific type learnt from a merged mention
    updated: bool = False  # its count was updated by a later toll ("the death toll rose to N")

    @property
    def type(self) -> str:
        return self.retype or self.trig.entry.type

    @property
    def modality(self) -> str:
        return self.reading.modality


def extract_drafts(doc: Document, lex: Lexicon, finder: RoleFinder) -> list[EventDraft]:
    triggers = _retype_survived(doc, _retype_fires(
        _filter_governed(doc, _specific(doc, find_triggers(doc, lex)))))
    by_sentence: dict[int, list[Trigger]] = {}
    for t in triggers:
        by_sentence.setdefault(t.sentence, []).append(t)
    drafts: list[EventDraft] = []
    bounds = doc.clauses

    readings = [read_modality(doc, trig, bounds(trig.sentence), lex,
                              is_reporting=trig.type == "Statement") for trig in triggers]
    _share_included_modality(doc, triggers, readings)
    reporters: dict[int, set[int]] = {}  # sentence -> reporting verbs that govern a trigger
    for trig, reading in zip(triggers, readings, strict=True):
        if reading.reporter is not None:
            reporters.setdefault(trig.sentence, set()).add(reading.reporter)

    for trig, reading in zip(triggers, readings, strict=True):
        sent = doc.sentences[trig.sentence]
        if sent.kind == "credit":
            continue  # "(Editing by ...)", "By ...": who wrote the report
        if trig.pos == "n" and trig.type in _NEGOTIATED and reading.modality == "asserted" and \
                _topic_of_talks(doc, trig):
            reading = dataclasses.replace(reading, modality="planned", cue="topic of talks")
        reporting = trig.type == "Statement" and trig.entry.lemma in _REPORTING_STATEMENT
        if trig.type == "Statement" and trig.pos == "v" and _continues_report(doc, trig, lex):
            continue  # "..., adding that ...", "..., warning that ...": the same statement
        if trig.entry.lemma == "add" and trig.pos == "v" and _adds_to_a_count(doc, trig):
            continue  # "Kvaratskhelia added a fourth", "added to the pressure": no words
        quote_span = attached_quote(doc, trig.start, trig.end, loose=not reporting) \
            if trig.type == "Statement" else None
        if trig.pos == "n" and (trig.type == "Statement" or trig.entry.lemma in _MEDIA_EVENTS) \
                and _medium(doc, trig, by_sentence):
            continue  # "said in a statement", "told a news conference": the medium of a report
        if trig.pos == "n" and trig.type == "Statement" and trig.first > 1 and \
                doc.words[trig.first - 1] in _POSSESSIVE_PRONOUNS and \
                doc.words[trig.first - 2] in _AROUND:
            continue  # "played music during his statement": the one told before
        attributes = reporting and quote_span is None
        if attributes and (trig.first in reporters.get(trig.sentence, ()) or
                           _reports_casualties(doc, trig, lex) or
                           _reports_a_report(doc, trig, reporters.get(trig.sentence, ()))):
            continue  # the verb only attributes what it reports
        if reporting and reading.modality == "negated":
            continue  # "did not say", "did not comment": nothing was said
        nxt = doc.words[trig.last + 1] if trig.last + 1 < len(doc.words) else ""
        if nxt in _LEGAL_HEADS or trig.pos == "n" and _named_charge(doc.words, trig.first):
            continue  # "murder charges", "a terrorism trial", "charged with murder": the
            # charge names no event here
        if trig.pos == "n" and trig.type == "Election" and nxt in _CAMPAIGN_THINGS:
            continue  # "an election rally", "election officials": the rally, the officials
        if trig.type == "Statement" and trig.first > 0 and doc.words[trig.first - 1] in _WEIGHED:
            continue  # "cannot confirm claims that ...": claims of others, the topic here
        if trig.pos == "v" and trig.first > 0 and doc.words[trig.first - 1] in _HABITUAL and \
                not doc.words[trig.first].endswith("ed"):
            continue  # "Armed groups regularly attack villages": a habit, no event (not "who
            # frequently attack ships, attacked a bulk carrier on Monday")
        roles = finder.find(trig, bounds(trig.sentence), reading)
        if attributes and (roles.agent is None or roles.agent in finder.unnamed):
            continue  # nobody named says something ("the fire service said": a source only)
        if _predicative_superlative(doc, trig, any(
                t is not trig and _same_kind(t.type, trig.type)
                for t in by_sentence.get(trig.sentence, ()))):
            continue  # "making it the deadliest U.S. wildfire in a century": a comparison
        if trig.pos == "n" and _class_since(doc, trig):
            continue  # "the highest turnout in a presidential vote since 1997": a class
        if trig.type == "Visit" and roles.agent is None and \
                doc.words[trig.last + 1:trig.last + 2] == ["from"]:
            continue  # "the Boeing 737, arriving from Bangkok": where a vehicle came from
        confidence = trig.entry.confidence * _KIND_WEIGHT.get(sent.kind, 1.0)
        if reading.quoted is not None:
            confidence *= 0.8
        draft = EventDraft(trig, reading, roles, round(confidence, 3),
                           f"lexicon:{trig.entry.pos}:{trig.entry.lemma}", sent.kind)
        draft.clause = clause_of(bounds(trig.sentence), trig.start)
        k = doc.first_token_at_or_after(draft.clause[0])
        if k < len(doc.words):
            k = measured_opener(doc.words, k)  # ", a day after lawmakers ousted him"
        draft.subordinate = k < len(doc.words) and doc.words[k] in _TEMPORAL_SUBORDINATORS
        draft.context_places = frozenset(m.entity for m in finder.between(sent.start, sent.end)
                                         if m.kind == "place" and not m.demonym)
        prev = doc.tokens[trig.first - 1].lower if trig.first > 0 else ""
        draft.anaphoric = trig.pos == "n" and (prev in ("the", "this", "that") or
                                               _dated_possessive(prev)) and \
            doc.token_sentence[trig.first - 1] == trig.sentence and trig.type != "Statement"
        if trig.pos == "n" and not draft.anaphoric and trig.type != "Statement":
            draft.named = _named_by(doc, finder, trig)
            draft.anaphoric = bool(draft.named)
        if roles.agent is not None and roles.agent not in draft.named:
            r = reaction_before(doc, trig.first, lex.reporting)
            if r >= 0 and not any(m.entity == roles.agent
                                  for m in finder.between(doc.tokens[r].end, trig.start)):
                roles.agent = None  # ("the African Union condemned the Markoye attack": no
                # attacker; but "condemned Iraq's invasion", "an Israeli air strike")
        a = doc.sentence_tokens[trig.sentence][0]
        draft.begun = trig.pos == "v" and trig.text.lower().endswith("ing") and \
            prev in _BEGINNING
        if answers_before(doc.words, max(a, trig.first - 5), trig.first):
            # "struck Iran in retaliation for the barrage ... Iran fired": what is answered is
            # another, earlier event, not one the same sentence tells
            draft.subordinate = draft.answered = True
        draft.indefinite = trig.pos == "n" and any(
            w in _INDEFINITE for w in doc.words[max(a, trig.first - 3):trig.first]) or \
            trig.pos == "v" and trig.type not in _TOLD_AGAIN and \
            "also" in doc.words[max(a, trig.first - 2):trig.first]  # "was also arrested"
        if trig.pos == "n" and _predicate_nominal(doc, trig):
            # "the attack was 'an assault on the whole nation'", "It was a deliberate attack":
            # a description of what the subject names, no new event
            draft.anaphoric, draft.indefinite = True, False
        if quote_span is not None:
            draft.quote_span = quote_span
            draft.quote = quote_text(doc, quote_span)
            draft.rule += "+quote"
        drafts.append(draft)
    _attribute_quotations(doc, drafts)
    drafts.extend(_casualties(doc, lex, finder, drafts, bounds))
    drafts.sort(key=lambda d: (d.trig.start, d.trig.end))
    return drafts


# types whose verb after "also" goes on telling the same event ("also killed three", "also
# said")
_TOLD_AGAIN = frozenset({"Killing", "CasualtiesReport", "Statement", "Announcement",
                         "Accusation", "Damage"})
# nouns an event noun may modify without telling the event ("murder charges")
_LEGAL_HEADS = frozenset({"charge", "charges", "trial", "trials", "suspect",
                          "suspects", "conviction", "convictions", "sentence", "verdict",
                          "indictment", "count", "counts", "law", "laws", "statute"})
# nouns an election noun qualifies without telling the vote ("at an election rally")
_CAMPAIGN_THINGS = frozenset({"rally", "rallies", "campaign", "campaigning", "commission",
                              "commissions", "official", "officials", "observer", "observers",
                              "monitor", "monitors", "poster", "posters", "manifesto",
                              "debate", "debates", "pledge", "pledges", "promise", "promises",
                              "law", "laws", "worker", "workers", "season", "trail"})
# a crime named as what someone is charged with, tried for or found guilty of
_CHARGED = frozenset({("charged", "with"), ("convicted", "of"), ("guilty", "of"),
                      ("acquitted", "of"), ("cleared", "of"), ("indicted", "for"),
                      ("indicted", "on"), ("suspicion", "of"), ("charges", "of"),
                      ("counts", "of"), ("count", "of"), ("tried", "for"),
                      ("sentenced", "for"), ("jailed", "for"), ("innocent", "of")})
_CHARGE_MODIFIERS = frozenset({"a", "an", "first-degree", "second-degree", "third-degree",
                               "attempted", "premeditated", "aggravated", "involuntary",
                               "voluntary", "felony", "capital", "mass"})


def _dated_possessive(word: str) -> bool:
    """"Monday's attack", "yesterday's blast", "last night's strike": a day's event, told
    before as a rule."""
    return word.endswith(("'s", "’s")) and word[:-2] in _DAYS_OWNING


_DAYS_OWNING = frozenset(WEEKDAYS) | {"yesterday", "night"}  # (not "next week's election")


def _share_included_modality(doc: Document, triggers: list[Trigger], readings: list) -> None:
    """An event named as one of those a noun before it covers has their modality
    ("cancelled all foreign trips, including a visit to Spain": no visit either)."""
    for n, trig in enumerate(triggers):
        k = trig.first - 1
        if k > 0 and doc.words[k] in ("a", "an", "the", "his", "her", "their", "its"):
            k -= 1
        if trig.pos != "n" or k < 1 or doc.words[k] != "including":
            continue
        for m in range(n - 1, -1, -1):
            other = triggers[m]
            if other.sentence != trig.sentence:
                break
            if other.type == trig.type and other.pos == "n" and other.last < k and \
                    readings[m].modality in ("negated", "planned", "hedged"):
                readings[n] = dataclasses.replace(readings[n], modality=readings[m].modality,
                                                  cue=readings[m].cue)
                break


def _named_by(doc: Document, finder: RoleFinder, trig: Trigger) -> frozenset[str]:
    """The places a definite event noun is named after ("condemned the Markoye attack", "the
    Kramatorsk strike"): an anaphor of an event told before there (not "the Russian attack":
    a side, no name of one event)."""
    k = trig.first
    while k > trig.first - 3 and k > 0 and doc.tokens[k - 1].is_cap and \
            doc.tokens[k - 1].is_word and doc.words[k - 1] not in ("the", "this") and \
            doc.token_sentence[k - 1] == trig.sentence:
        k -= 1
    if k == trig.first or k == 0 or doc.tokens[k - 1].lower not in ("the", "this") or \
            doc.token_sentence[k - 1] != trig.sentence:
        return frozenset()
    found = finder.between(doc.tokens[k].start, doc.tokens[trig.first - 1].end)
    if not found or any(m.demonym or m.kind != "place" for m in found):
        return frozenset()  # (not "the Hamas attack": an actor's deeds are many)
    return frozenset(m.entity for m in found)


def _named_charge(words: list[str], k: int) -> bool:
    """ "charged with murder", "found guilty of first-degree murder": a charge, no event."""
    k -= 1
    while k >= 0 and words[k] in _CHARGE_MODIFIERS:
        k -= 1
    if k >= 2 and words[k - 1] in _OBJECT_PRONOUNS and (words[k - 2], words[k]) in _CHARGED:
        return True  # "charged him with murder"
    return k >= 1 and (words[k - 1], words[k]) in _CHARGED


_OBJECT_PRONOUNS = frozenset({"him", "her", "them", "it"})


# verbs whose object is someone else's statement ("could not verify reports that ...")
_WEIGHED = frozenset({"confirm", "confirmed", "verify", "verified", "deny", "denied", "denies",
                      "dismissed", "dismisses", "rejected", "rejects", "investigate",
                      "investigating", "examining", "dispute", "disputed", "disputes"})
_NEGOTIATED = frozenset({"Ceasefire", "Agreement"})
_TALKS = frozenset({"talks", "negotiations", "negotiation", "talk", "push", "bid", "proposal",
                    "proposals", "efforts", "effort", "plan", "hopes", "hope", "calls", "call"})


def _topic_of_talks(doc: Document, trig: Trigger) -> bool:
    """ "talks on a ceasefire", "negotiations for a truce", "a push for a deal": what the
    talks seek, not something agreed."""
    k = trig.first
    j = k - 1
    while j >= 0 and k - j <= 3 and (doc.words[j] in ("a", "an", "the", "new", "lasting",
                                                       "permanent", "possible", "temporary")
                                     or doc.words[j].endswith("-term") or
                                     _plain_modifier(doc, j)):
        j -= 1
    if j + 2 < k and doc.words[j + 1].endswith("s") and _plain_modifier(doc, j + 1):
        return False  # "talks on tariffs yield trade deal": the plural is the topic
    return j >= 1 and doc.words[j] in ("on", "for", "over", "about", "towards", "toward") and \
        doc.words[j - 1] in _TALKS


def _plain_modifier(doc: Document, j: int) -> bool:
    """A lower-case word that may qualify the noun after it ("a broader trade agreement"),
    not a verb ("talks for weeks reached an agreement", "talks over tariffs brought a deal")
    nor a function word."""
    w = doc.words[j]
    return doc.tokens[j].text.islower() and w.isalpha() and len(w) > 2 and \
        not w.endswith(("ed", "ing")) and w not in PREPOSITIONS and \
        w not in _FUNCTION_WORDS and w not in irregular_verb_forms()


_FUNCTION_WORDS = frozenset({"and", "or", "but", "nor", "that", "which", "who", "was", "were",
                             "is", "are", "has", "have", "had", "will", "would", "could", "can",
                             "may", "might", "not", "its", "their", "his", "her", "our", "this",
                             "these", "those", "any", "all", "such", "than", "then", "also"})


_FIRST_TIME = frozenset({"was", "is", "marked", "marks", "marking"})
# ordinals that count an event told elsewhere: "It was the third attack on Kyiv in a week"
_ORDINALS = frozenset({"second", "third", "fourth", "fifth", "sixth", "seventh", "latest"})
_PREDICATING = frozenset({"it", "was", "is", "be", "been", "making", "becoming", "became",
                          "as", "remains", "remained"})


def _class_since(doc: Document, trig: Trigger) -> bool:
    """An indefinite noun after a superlative and followed by "since" and a year names a
    class of events compared with ("the highest in a presidential vote since 1997"; but "has
    been under a blockade since 2007" is one going on)."""
    before = doc.words[max(0, trig.first - 3):trig.first]
    after = doc.words[trig.last + 1:trig.last + 3]
    compared = doc.words[max(0, trig.first - 7):trig.first]
    return ("a" in before or "an" in before) and after[:1] == ["since"] and \
        len(after) > 1 and after[1].isdigit() and len(after[1]) == 4 and \
        any(w in _COMPARING or len(w) > 4 and w.endswith("est") for w in compared)


_COMPARING = frozenset({"highest", "lowest", "largest", "biggest", "first", "most", "least",
                        "worst", "best", "record", "deadliest"})


def _predicative_superlative(doc: Document, trig: Trigger, others: bool = False) -> bool:
    """ "making it the deadliest U.S. wildfire", "it was the worst flood", "it was the first
    time a government had been toppled since 1962": the trigger compares an event told
    elsewhere with others; it tells no event of its own."""
    k = trig.first
    a = doc.sentence_tokens[trig.sentence][0]
    before = doc.words[max(a, k - 12):k]
    for j in range(len(before) - 1):
        if before[j] == "first" and before[j + 1] == "time" and j > 1 and \
                before[j - 1] == "the" and before[j - 2] in _FIRST_TIME:
            return True  # "It was the first time a government had been toppled since 1962"
    for j in range(k - 1, max(a, k - 7) - 1, -1):
        w = doc.words[j]
        if w == ",":
            break
        if w in ("worst", "most", "biggest", "largest", "deadliest", "heaviest") or \
                w in _ORDINALS and k - j <= 2 or len(w) > 5 and w.endswith("iest"):
            if k - j > 3 and not {"since", "ever"} & set(doc.words[k + 1:k + 9]):
                return False  # far from the trigger, only "... since 1945" makes it one
            if j >= 4 and doc.words[j - 3:j] == ["one", "of", "the"]:
                # "It was one of the deadliest industrial accidents in years" (but "one of the
                # deadliest attacks on aid workers, killing 15": told here, with its toll)
                lo, hi = doc.sentence_tokens[trig.sentence]
                w4 = doc.words[j - 4]
                if w4 in ('"', "“", "'", "‘") and j >= 5:
                    w4 = doc.words[j - 5]  # 'called it "one of the most terrifying attacks"'
                return (w4 in _PREDICATING or w4 == "in" and others) and (others or not any(
                    t.is_number and doc.words[t.i - 1] not in ("in", "since", "over", "than")
                    and not (len(t.text) == 4 and t.text.isdigit())
                    for t in doc.tokens[lo:hi]))  # (not "since 2019", "in 50 years"; and
                # "killing 28 ... in one of the deadliest attacks": the killing's comparison)
            return j >= 2 and doc.words[j - 1] == "the" and doc.words[j - 2] in _PREDICATING
    return False


def _of_a_year(doc: Document, sentence: int) -> bool:
    """The sentence is set in a year of its own ("In 1990, a man killed 13 people in
    Aramoana"): its counts are no new figures for the event told before."""
    a, b = doc.sentence_tokens[sentence]
    words = doc.words[a:b]
    # (a comparison's "since YEAR" is no year of its own: "the most in a Spanish flood since
    # 1973")
    return any((w in ("in", "of") or w == "since" and not _COMPARING.intersection(
                   words[max(0, n - 6):n])) and _YEAR.fullmatch(nxt) is not None
               for n, (w, nxt) in enumerate(zip(words, words[1:], strict=False)))


_YEAR = re.compile(r"1[89]\d\d|20\d\d")


def _of_a_disease(doc: Document, sentence: int) -> bool:
    """The count's sentence tells of an illness ("the ministry reported about 2,700 new cases
    and 172 deaths"): its deaths are the disease's, not the strike's told before."""
    a, b = doc.sentence_tokens[sentence]
    return not _DISEASE_WORDS.isdisjoint(doc.words[a:b])


_DISEASE_WORDS = frozenset({"cases", "cholera", "outbreak", "infections", "infected",
                            "epidemic", "malaria", "measles", "dengue", "ebola", "mpox",
                            "covid", "covid-19", "disease", "diseases", "starvation",
                            "malnutrition", "famine"})


def _sentence_casualties(doc: Document, sentence: int, lex: Lexicon) -> list[CasualtyReport]:
    """The casualty phrases of a sentence (found once per document)."""
    key = ("casualties", sentence)
    found = doc._cache.get(key)
    if found is None:
        a, b = doc.sentence_tokens[sentence]
        words = doc.words[a:b]
        found = doc._cache[key] = [
            r for r in find_casualties(doc.tokens[a:b], lex)
            if not _rate_of(doc, r.token)  # ("accidents kill 3,000 people a year")
        ] if not CASUALTY_WORDS.isdisjoint(words) else []
    return found


def _reports_casualties(doc: Document, trig: Trigger, lex: Lexicon) -> bool:
    """The reporting verb reports casualties: after it ("said 12 people were killed"), or
    before it when it closes the sentence ("12 people were killed, police said")."""
    reports = _sentence_casualties(doc, trig.sentence, lex)
    if not reports:
        return False
    a, _b = doc.sentence_tokens[trig.sentence]
    closing = any(w in (",", '"', "”") for w in doc.words[max(a, trig.first - 4):trig.first])
    return any(r.start >= trig.end or closing and r.end <= trig.start for r in reports)


def _reports_a_report(doc: Document, trig: Trigger, reporters: set[int]) -> bool:
    """ "Kyiv said on Tuesday that Russia claimed its troops had captured X": the first verb
    reports the second report, which carries the event (and its source)."""
    return any(trig.last < r and "that" in doc.words[trig.last + 1:r] or trig.last + 1 < r and
               r - trig.last <= 12 and "," not in doc.words[trig.last + 1:r]
               for r in reporters)


# Types of violence one comparison may stand for ("pounded Kyiv ..., killing 28 in one of the
# deadliest attacks": the shelling is the attack compared).
_VIOLENCE = frozenset({"Attack", "ShellingMissileAttack", "AirStrike", "Bombing", "Explosion",
                       "Killing", "ArmedClash"})


def _same_kind(a: str, b: str) -> bool:
    return a == b or a in _VIOLENCE and b in _VIOLENCE
_CONTINUATIONS = frozenset({"adding", "saying", "warning", "noting", "stressing", "insisting",
                            "arguing", "explaining", "claiming", "urging", "calling",
                            "describing", "accusing", "telling", "writing"})


def _adds_to_a_count(doc: Document, trig: Trigger) -> bool:
    """"add" with what is added right after it: "added a fourth", "added another", "added
    two more", "added to fears" (not "added that ...", "added the deal was near")."""
    nxt = doc.words[trig.last + 1:trig.last + 3]
    if not nxt:
        return False
    if nxt[0] in ("to", "another") or _a_number(doc, trig.last + 1):
        return True
    return nxt[0] in ("a", "an", "the", "his", "her", "their", "its") and len(nxt) > 1 and \
        (nxt[1] in _COUNTED_ORDINALS or _a_number(doc, trig.last + 2))


def _a_number(doc: Document, i: int) -> bool:
    return doc.tokens[i].is_number or doc.words[i] in NUMBER_WORDS


_COUNTED_ORDINALS = frozenset({"second", "third", "fourth", "fifth", "sixth", "seventh",
                               "eighth", "ninth", "tenth", "further"})


def _continues_report(doc: Document, trig: Trigger, lex: Lexicon) -> bool:
    """A participle after a comma continues the report of the sentence's speaker: "X said in
    a statement, adding that ...", "Y urged both sides to talk, warning that ..."."""
    word = doc.words[trig.first]
    a, _b = doc.sentence_tokens[trig.sentence]
    if trig.first > a + 1 and doc.words[trig.first - 1] in ("but", "and") and \
            doc.words[trig.first - 2] == ",":
        pass  # "X told reporters ..., but warned that ...": the same speaker goes on
    elif word not in _CONTINUATIONS or trig.first == a or doc.words[trig.first - 1] != ",":
        return False
    return any(lex.reporting_lemma(w) or w in _SPEECH_VERBS
               for w in doc.words[a:trig.first - 1])


_SPEECH_VERBS = frozenset({"urged", "urges", "warned", "warns", "condemned", "condemns",
                           "praised", "praises", "called", "calls", "appealed", "vowed",
                           "pledged", "promised", "denied", "denies"})


_POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "its"})
_AROUND = frozenset({"during", "after", "before", "since", "throughout", "following"})
_MEDIA_EVENTS = frozenset({"news conference", "press conference", "conference", "briefing"})


def _medium(doc: Document, trig: Trigger, by_sentence: dict[int, list[Trigger]]) -> bool:
    words = [t.lower for t in doc.tokens[max(0, trig.first - 4):trig.first]]
    if TOLD & set(words):
        return True  # "told a news conference": whom the speaker told
    if "in" not in words and "at" not in words:
        return False  # ("said in a statement", "said at a news conference")
    return any(o is not trig and o.type == "Statement" and o.pos == "v"
               for o in by_sentence[trig.sentence])


_GENERIC_PREDICATES = (("are", "common"), ("are", "frequent"), ("are", "rare"),
                       ("are", "routine"), ("are", "commonplace"), ("are", "not", "uncommon"),
                       ("have", "multiplied"), ("have", "become", "common"),
                       ("have", "become", "more", "frequent"), ("happen", "often"),
                       ("occur", "regularly"), ("occur", "frequently"))
_SERIES = (("a", "string", "of"), ("a", "series", "of"), ("a", "spate", "of"),
           ("a", "rash", "of"), ("a", "history", "of"))
_SEEN = frozenset({"seen", "had", "experienced", "suffered", "witnessed"})


def _predicate_nominal(doc: Document, trig: Trigger) -> bool:
    """The noun follows a copula and an article: "was an assault", "is a 'massacre'"."""
    a = doc.sentence_tokens[trig.sentence][0]
    k = trig.first - 1
    while k > a and (doc.words[k] in ('"', "“", "'", "‘") or
                     doc.tokens[k].is_word and not doc.tokens[k].is_cap and
                     doc.words[k] not in ("a", "an") and trig.first - k <= 2 and
                     doc.words[k].endswith(("ed", "al", "ic", "ful", "ous", "ive", "ate"))):
        k -= 1  # over quotes and an adjective ("a deliberate attack")
    return k > a + 1 and doc.words[k] in ("a", "an") and doc.words[k - 1] in _COPULAS and \
        doc.words[k - 2] != "there"  # ("On Tuesday there was an explosion": a new one)


_COPULAS = frozenset({"was", "is", "were", "are", "been", "be"})


def _specific(doc: Document, triggers: list[Trigger]) -> list[Trigger]:
    """Drop plural nouns that speak of a kind of event rather than of events: "Building
    collapses are common in Lagos", "the country has seen a string of deadly accidents",
    "Glide bombs are difficult to intercept"."""
    out = []
    for t in triggers:
        word = doc.words[t.last]
        if t.pos == "n" and word != t.entry.lemma.split()[-1] and word.endswith("s") and \
                _generic(doc, t) or _kind_of_weapon(doc, t):
            continue
        out.append(t)
    return out


def _kind_of_weapon(doc: Document, t: Trigger) -> bool:
    """"Glide bombs, which are dropped from aircraft, are difficult to intercept": a bare
    plural weapon noun opening its sentence, told of in the present, is a kind of weapon."""
    a, b = doc.sentence_tokens[t.sentence]
    words = doc.words[a:b]
    if not (doc.words[t.last] in _WEAPON_PLURALS and t.first - a <= 1 and
            all(w.isalpha() and w not in _DETERMINED for w in words[:t.first - a])):
        return False
    rest = words[t.last + 1 - a:]
    if rest[:1] == [","] and "," in rest[1:]:
        rest = rest[rest.index(",", 1) + 1:]  # over a relative clause
    return bool(rest) and rest[0] in _KIND_VERBS and \
        not (len(rest) > 1 and (rest[1] in _SCHEDULED_WORDS or
                                rest[1].endswith(("ed", "ing"))))  # ("Bombs are falling")


_WEAPON_PLURALS = frozenset({"bombs", "missiles", "drones", "rockets", "shells", "mortars"})
_DETERMINED = frozenset({"the", "a", "an", "these", "those", "this", "that", "its", "their",
                         "his", "her", "our", "two", "three", "four", "five", "several"})
# present verbs after a bare plural subject that speak of a kind ("bombs are hard to stop")
_KIND_VERBS = frozenset({"are", "can", "cannot", "tend", "often", "usually", "remain",
                         "require", "need", "cost"})
_SCHEDULED_WORDS = frozenset({"expected", "due", "set", "planned", "scheduled", "likely",
                              "feared", "still", "being"})


def _generic(doc: Document, t: Trigger) -> bool:
    if t.pos == "n" and t.text.endswith("s") and _rate_of(doc, t.last + 1):
        return True  # "Road accidents kill about 3,000 people a year": what usually happens
    a, b = doc.sentence_tokens[t.sentence]
    words = doc.words[a:b]
    after = words[t.last + 1 - a:t.last + 6 - a]
    if any(tuple(after[i:i + len(p)]) == p for p in _GENERIC_PREDICATES
           for i in range(len(after))):
        return True
    before = tuple(words[max(0, t.first - a - 6):t.first - a])
    return any(before[i:i + len(p)] == p for p in _SERIES for i in range(len(before))) and \
        any(w in _SEEN for w in before)


_CAUSES = frozenset({"Earthquake", "Flood", "Storm", "Wildfire", "Explosion", "Other"})


def _filter_governed(doc: Document, triggers: list[Trigger]) -> list[Trigger]:
    """Drop a battle noun that is the object of "win"/"lose" (the victory covers it), and
    damage done by a disaster named just before it ("earthquakes damaged roads": the quake's
    damage, not an event of its own)."""
    out = []
    for n, t in enumerate(triggers):
        if t.type == "Damage" and t.pos == "v" and _damage_of_cause(doc, t, triggers[:n]):
            continue
        if t.type == "ArmedClash" and t.pos == "n":
            gov = [o for o in triggers if o.sentence == t.sentence and o.last < t.first
                   and t.first - o.last <= 3 and o.type in ("MilitaryVictory", "Election")]
            if gov:
                continue
        out.append(t)
    return out


def _damage_of_cause(doc: Document, t: Trigger, earlier: list[Trigger]) -> bool:
    """Damage told as part of a disaster or attack before it in the sentence: "earthquakes
    damaged roads", "..., damaging dozens of buildings", "The quake injured nine people and
    damaged several houses"."""
    causes = [o for o in earlier if o.sentence == t.sentence and o.type in _DAMAGE_CAUSES]
    if not causes:
        return False
    o = causes[-1]
    if o.pos == "n" and 0 < t.first - o.last <= 2:
        return True
    between = [x for x in earlier if x.first > o.last]
    if between:
        return False  # another event stands between them
    prev = doc.words[t.first - 1]
    if prev == "," and doc.words[t.first].endswith("ing"):
        return True  # a participle clause of the main event
    return prev == "and" and "," not in doc.words[o.last + 1:t.first - 1]


_DAMAGE_CAUSES = _CAUSES | frozenset({"ShellingMissileAttack", "AirStrike", "Bombing",
                                      "Attack", "Explosion", "Accident", "Storm"})


def _rate_of(doc: Document, k: int) -> bool:
    """The verb at token ``k`` is in the present with a rate after it in its sentence
    ("kill about 3,000 people a year")."""
    if k >= len(doc.words) or doc.words[k] not in _GENERIC_VERBS:
        return False
    b = doc.sentence_tokens[doc.token_sentence[k]][1]
    words = doc.words[k + 1:b]
    cut = next((n for n, w in enumerate(words) if w in _RATE_BREAKS), len(words))
    words = words[:cut]  # ("kill 30 in Gaza as aid trucks enter at barely 100 a day")
    return any(tuple(words[i:i + 2]) in _RATES and
               words[i + 2:i + 3] not in (["after"], ["before"], ["later"], ["earlier"],
                                          ["ago"]) or words[i] in ("annually", "yearly")
               for i in range(len(words)))  # (not "kill 30 people a day after ...")


# verbs in the present that tell a rate (not "hit", which is also a past: "airstrikes hit
# the city every day last week")
_GENERIC_VERBS = frozenset({"kill", "kills", "cause", "causes", "claim", "claims", "affect",
                            "affects", "displace", "displaces", "injure", "injures", "destroy",
                            "destroys"})
_RATE_BREAKS = frozenset({",", ";", "as", "where", "that", "with", "while", "and"})
_RATES = frozenset({("a", "year"), ("each", "year"), ("every", "year"), ("per", "year"),
                    ("a", "day"), ("each", "day"), ("every", "day"), ("a", "month"),
                    ("every", "month"), ("each", "month")})


def _retype_fires(triggers: list[Trigger]) -> list[Trigger]:
    """In a wildfire report, "the fire" and "the blaze" are the wildfire."""
    if not any(t.type == "Wildfire" for t in triggers):
        return triggers
    out = []
    for t in triggers:
        if t.type == "Accident" and t.entry.lemma in ("fire", "blaze"):
            entry = dataclasses.replace(t.entry, type="Wildfire", label="Wildfire")
            t = dataclasses.replace(t, entry=entry)
        out.append(t)
    return out


def _retype_survived(doc: Document, triggers: list[Trigger]) -> list[Trigger]:
    """"survived a stabbing during the 2018 campaign", "the shooting he survived": an attack,
    no killing."""
    out = []
    for t in triggers:
        if t.type == "Killing" and t.pos == "n" and t.entry.lemma in _SURVIVABLE and (
                _SURVIVING.intersection(doc.words[max(0, t.first - 3):t.first]) or
                _SURVIVING.intersection(doc.words[t.last + 1:t.last + 4])):
            t = dataclasses.replace(t, entry=dataclasses.replace(t.entry, type="Attack"))
        out.append(t)
    return out


_SURVIVING = frozenset({"survived", "survive", "survives", "surviving"})
# killings one may survive as a victim (not "survived the Srebrenica massacre": others died)
_SURVIVABLE = frozenset({"stabbing", "shooting"})


def _attribute_quotations(doc: Document, drafts: list[EventDraft]) -> None:
    """Events inside a quotation are claimed by the speaker of that quotation."""
    speakers = {d.quote_span: d.roles.agent for d in drafts if d.quote_span and d.roles.agent}
    by_paragraph = {doc.sentence_at(q[0]).paragraph: s for q, s in speakers.items()
                    if doc.sentence_at(q[0]) is not None}
    for d in drafts:
        q = d.reading.quoted
        if q is None or d.roles.according_to is not None:
            continue
        if q in speakers:
            d.roles.according_to = speakers[q]
        else:
            sent = doc.sentence_at(q[0])
            if sent is not None and sent.paragraph in by_paragraph:
                d.roles.according_to = by_paragraph[sent.paragraph]


def _casualties(doc: Document, lex: Lexicon, finder: RoleFinder, drafts: list[EventDraft],
                bounds) -> list[EventDraft]:
    new: list[EventDraft] = []
    by_sentence: dict[int, list[EventDraft]] = {}
    for d in drafts:
        by_sentence.setdefault(d.trig.sentence, []).append(d)
    for sent in doc.sentences:
        if sent.kind == "credit":
            continue
        reports = _sentence_casualties(doc, sent.index, lex)
        killing = None  # the killing of the person an active "killed" names, if a person
        if reports and reports[0].named and reports[0].active:
            killing = _report_event(doc, lex, finder, reports[0], bounds)
            if killing is None:
                # "killed Hezbollah fighters ..., killing at least 20": no named person, so the
                # counts go where counts go
                reports = [r for r in reports if not r.named]
        if not reports:
            continue
        groups = _by_source(doc, lex, reports)
        # "the ministry said 812 had been killed, while the White Helmets said 1,020 had
        # died": each source's count goes to the event told in its own words ("... had died
        # in the earthquake"), else to a report of its own; the first source's, when no
        # event is told in its words, to what the sentences around tell
        here = by_sentence.get(sent.index, [])
        limits = [begin for begin, _ in groups[1:]] + [sent.end]
        inside = [[d for d in here if begin <= d.trig.start < limit] for (begin, _), limit in
                  zip(groups, limits, strict=True)]
        own_report = False
        if len(groups) > 1:
            here = inside[0]
            # no event in the first source's words: the event told before takes its count,
            # unless another source's words tell an event of that kind ("An earthquake hit
            # Herat. The UN said 1,000 were killed, but the Taliban said 2,400 died in the
            # quake": the UN's figure is a report of its own)
            others = {d.type for events in inside[1:] for d in events}
            own_report = not here and bool(others) and sent.index > 0 and any(
                d.type in others for d in by_sentence.get(sent.index - 1, []))
        for (_, group), events in zip(groups[1:], inside[1:], strict=True):
            other = _host(doc, events, group[0]) or \
                _report_event(doc, lex, finder, group[0], bounds)
            if other is not None:
                _count(other, group)
                if other not in drafts and other not in new:
                    new.append(other)
                    by_sentence.setdefault(sent.index, []).append(other)
        reports = groups[0][1]
        # "Haniyeh was killed in an Israeli strike": the killing of that person, which the
        # strike's mention then joins (a named victim is no count of the strike)
        host = None if reports[0].named else _host(doc, here, reports[0])
        if host is not None and host.type in _PEACEFUL_HOSTS and \
                _perpetrated(doc, reports[0], lex):
            host = None  # "killed by security forces ... since the protests began": a killing
        if host is None and sent.index > 0 and not reports[0].named and not own_report and \
                not since_long_before(doc.words, reports[0].token) and \
                not _of_a_year(doc, sent.index) and not _of_a_disease(doc, sent.index):
            # (not "More than 500 inmates have died in prison violence since then": a report
            # of its own, not of the riot told before)
            prev = doc.sentences[sent.index - 1]
            if prev.paragraph == sent.paragraph:
                cands = [d for d in by_sentence.get(prev.index, [])
                         if d.type in HOST_TYPES and d.modality != "negated"
                         and d.fatalities is None and d.injured is None
                         and "+casualties" not in d.rule  # ("killing about 1,200")
                         and d.trig.entry.lemma.split()[-1] not in CAMPAIGN_HEADS]
                host = cands[-1] if cands else None
        running = False
        if host is None and reports[0].toll and not own_report:
            # "the death toll rose to 41": a new figure for the deadly event told before
            host = _told_before(drafts, new, sent.start, reports[0].count)
            if host is not None and host.fatalities is not None and \
                    _running_total(doc.words[slice(*doc.sentence_tokens[sent.index])]):
                # "Nineteen people were killed that day. ... the death toll since Monday had
                # risen to 51": a total over days, no new figure for that day
                host, running = None, True
        if host is None and not own_report and all(r.what == "injured" for r in reports):
            # "15 people were treated for injuries" paragraphs after the deadly fire: its
            # injured, when it has no count of them yet
            earlier = _told_before(drafts, new, sent.start)
            if earlier is not None and earlier.fatalities is not None and \
                    earlier.injured is None:
                host = earlier
        if host is None and all(r.count == 0 for r in reports):
            continue  # "no one was killed" with no event to say it of: no event of its own
        if host is None:
            host = killing or _report_event(doc, lex, finder, reports[0], bounds)
            if host is None:
                continue
            new.append(host)
            by_sentence.setdefault(sent.index, []).append(host)
        later = {}
        for r in reports:
            # "missiles slammed into a building in Kyiv, killing one person, and a strike on
            # Mykolaiv killed at least five": each count to the event told right before it
            own = _host(doc, here, r) if here and host in here else None
            if own is not None and own is not host and \
                    host.trig.start < own.trig.start < r.start and \
                    own.type not in _PEACEFUL_HOSTS:
                later.setdefault(id(own), (own, []))[1].append(r)
                continue
            cause = _cause_after(doc, here, r) if host in here and not r.active and \
                not host.trig.first <= r.token <= host.trig.last else None
            if cause is not None and cause is not host:
                # "the mayor was shot dead, and more than 400 inmates have been killed in
                # prison riots": the riots' dead
                later.setdefault(id(cause), (cause, []))[1].append(r)
        if later:
            moved = {id(r) for _, rs in later.values() for r in rs}
            reports = [r for r in reports if id(r) not in moved]
            for own, rs in later.values():
                _count(own, rs)
        _count(host, _own_victims(host, reports))
        if running:
            host.updated = False  # a figure of its own, which raises no other event's
    return new


def _cause_after(doc: Document, here: list[EventDraft], r: CasualtyReport
                 ) -> EventDraft | None:
    """The event named right after the passive casualty word and "in", "during" or "by"
    ("have been killed in prison riots")."""
    words = doc.words
    k = r.token + 1
    if k >= len(words) or words[k] not in ("in", "during", "by"):
        return None
    return next((d for d in here if 0 < d.trig.first - k <= 3), None)


def _own_victims(host: EventDraft, reports: list[CasualtyReport]) -> list[CasualtyReport]:
    """"Twenty-seven inmates were found dead on Monday, a day after a riot killed four other
    prisoners": the riot killed four; the dead told before it are others (not the riot's
    highest figure)."""
    doing = [r for r in reports if r.what == "killed" and r.active and r.count is not None
             and r.start > host.trig.start]
    if not doing:
        return reports
    return [r for r in reports if r.what != "killed" or r in doing or r.start > host.trig.start]


def _running_total(words: list[str]) -> bool:
    """A toll summed from a day on: "the death toll since Monday" (not "the toll has so far
    risen to 2,700": the same event's)."""
    return any(w in ("toll", "tolls") and "since" in words[n + 1:n + 3]
               for n, w in enumerate(words))


def _count(host: EventDraft, reports: list[CasualtyReport]) -> None:
    """Give ``host`` the counts of ``reports`` (the highest of each kind)."""
    if any(r.toll for r in reports):
        host.updated = True
    for r in reports:
        if r.count is None:
            continue
        if r.what == "killed":
            host.fatalities = r.count if host.fatalities is None else \
                max(host.fatalities, r.count)
        else:
            host.injured = r.count if host.injured is None else max(host.injured, r.count)
    host.rule += "+casualties"


# Words that set a second source against the first ("..., while X said ...").
_CONTRASTING = frozenset({"while", "whereas", "but", ";"})


def _by_source(doc: Document, lex: Lexicon, reports: list[CasualtyReport]
               ) -> list[tuple[int, list[CasualtyReport]]]:
    """The counts of a sentence grouped by who gives them, each group with the offset where
    its words begin: a new group starts where a contrasting word and a reporting verb of its
    own come before a count of a kind an earlier group counted too ("14 were killed; police
    said 30 were wounded" are one event's counts)."""
    groups: list[tuple[int, list[CasualtyReport]]] = [(-1, [reports[0]])]
    for prev, r in zip(reports, reports[1:], strict=False):
        first = prev.token + 1  # (a report's token is an index into the document's tokens)
        words = doc.words[first:r.token]
        cut = next((n for n, w in enumerate(words) if w in _CONTRASTING), None)
        if cut is not None and r.count is not None and \
                any(lex.reporting_lemma(w) is not None for w in words[cut:]) and \
                any(o.what == r.what for _, group in groups for o in group):
            groups.append((doc.tokens[first + cut].start, [r]))
        else:
            groups[-1][1].append(r)
    return groups


_PEACEFUL_HOSTS = frozenset({"Protest", "Disease", "Riot"})
# Nouns that name a whole campaign: "the invasion that began on Feb. 24" refers back only to an
# invasion, not to any attack told before ("the attack" after a shelling does), and a toll
# told after it is no count of the whole war.
CAMPAIGN_HEADS = frozenset({"invasion", "offensive", "counteroffensive", "counter-offensive",
                            "incursion", "occupation", "siege", "war"})


def _told_before(drafts: list[EventDraft], new: list[EventDraft], before: int,
                 figure: int | None = None) -> EventDraft | None:
    """The last deadly event told before ``before`` (one that reported deaths, else the last
    violent or disastrous one), for a toll that names no event of its own; a toll risen to
    ``figure`` raises the highest count below it ("the death toll had risen to 32": the
    bombing of the lead with 26 dead, not last month's bombing told since with 2)."""
    earlier = [d for d in (*drafts, *new) if d.trig.start < before and
               d.type in HOST_TYPES | {"CasualtiesReport"} and d.modality != "negated" and
               d.type not in _PEACEFUL_HOSTS]
    deadly = [d for d in earlier if d.fatalities is not None]
    below = [d for d in deadly if figure is not None and d.fatalities < figure]
    if below:
        return max(below, key=lambda d: (d.fatalities, d.trig.start))
    found = deadly or earlier
    return max(found, key=lambda d: d.trig.start) if found else None


def _perpetrated(doc: Document, report: CasualtyReport, lex: Lexicon | None = None) -> bool:
    """Someone did it: "killed by security forces", "shot dead by police" (and, given the
    lexicon, "A suicide bomber killed 50 people at a rally", "a missile killed ...")."""
    if "by" in doc.words[report.token + 1:report.token + 3]:
        return True
    if lex is None or not report.active or report.token == 0:
        return False
    before = doc.words[report.token - 1]
    return before in lex.words("perpetrators", "words") or before in lex.cues["weapon_nouns"]


def _host(doc: Document, candidates: list[EventDraft], report: CasualtyReport
          ) -> EventDraft | None:
    hosts = [d for d in candidates if d.type in HOST_TYPES and d.modality != "negated"]
    if not hosts:
        return None
    before = [d for d in hosts if d.trig.start <= report.start]
    if before and before[-1].type in _PEACEFUL_HOSTS:
        # "blew himself up at a rally, killing 50": the bombing's dead, not the rally's
        violent = [d for d in before if d.type not in _PEACEFUL_HOSTS]
        before = violent or before
    if before:
        if _own_clause(doc, before[-1], report):
            return None  # "launched strikes on Wednesday, two weeks after gunmen killed 26
            # people": the dead of the killing told in the clause, not of the strikes
        return before[-1]
    # (not past a second thing said: "said 26 had been killed, and that its forces had shot
    # down five jets", "Nine were killed; a separate flood destroyed homes")
    for d in hosts:
        if not _second_report(doc.words[report.token + 1:d.trig.first]):
            return d
        if d.trig.pos == "n" and d.trig.first > 0 and \
                doc.words[d.trig.first - 1] in ("the", "this", "that"):
            return d  # "... were killed; the strike hit a market": the strike told
    return None


# Conjunctions that open a clause of another event ("two weeks after gunmen killed 26"; not
# "until": "shelled the town until 15 civilians were killed" tells what the shelling did).
_OTHER_EVENT_CLAUSE = frozenset({"after", "before", "since"})
# Words of such a clause that tell what the host did: "a day after it killed 12", "hours
# before 9 bodies were recovered", "shortly before 12 guests were found dead".
_HOST_RESULTS = frozenset({"it", "they", "found", "recovered", "retrieved", "pulled",
                           "discovered", "dead"})
_TIME_WORDS = frozenset({"noon", "midnight", "dawn", "dusk", "daybreak", "nightfall",
                         "sunrise", "sunset"})


def _own_clause(doc: Document, host: EventDraft, report: CasualtyReport) -> bool:
    """The count's verb is a finite one in a clause of its own opened by "after", "before" or
    "since" after the host ("after gunmen killed 26", "after 26 people were killed"; not
    "after midnight, killing 5", "before noon and killed 12", nor "Floodwaters that swept
    through Derna after two dams burst have killed 5,000": the main clause's perfect)."""
    verb = doc.words[report.token]
    if verb.endswith("ing") or verb in _HOST_RESULTS:
        return False
    words = doc.words[host.trig.last + 1:report.token]
    for k in range(len(words) - 1, -1, -1):
        if words[k] in _OTHER_EVENT_CLAUSE:
            between = words[k + 1:]
            return 0 < len(between) <= 6 and not any(
                w in (",", ";", "and", "have", "has", "had") or w in _TIME_WORDS or
                w in WEEKDAYS or w in _HOST_RESULTS for w in between)
    return False


def _second_report(words: list[str]) -> bool:
    """The words between two clauses start a second report ("..., and that ...")."""
    return ";" in words or any(a == "and" and b == "that" for a, b in zip(
        words, words[1:], strict=False))


def _report_event(doc: Document, lex: Lexicon, finder: RoleFinder, report: CasualtyReport,
                  bounds) -> EventDraft | None:
    tok = doc.tokens[report.token]
    sent = doc.sentence_at(tok.start)
    if report.named:
        # "Ismail Haniyeh was killed in a strike on his residence": a killing of that person;
        # "Pope Francis died at his residence": the death of that person (who undergoes it)
        died = tok.lower == "died"
        entry = TriggerEntry("Other", "die", "v", 0.7, (), "Death", 0) if died else \
            TriggerEntry("Killing", "kill", "v", 0.7, (), "Killing", 0)
        trig = Trigger(sent.index, tok.i, tok.i, tok.start, tok.end, entry, "v", tok.text)
        reading = read_modality(doc, trig, bounds(sent.index), lex)
        roles = finder.find(trig, bounds(sent.index), reading)
        if died and (roles.agent is None or finder.kind_of(roles.agent) != "person"):
            return None
        if not died and (not roles.targets or report.active and not any(
                finder.kind_of(t) == "person" for t in roles.targets) or report.pair and any(
                finder.kind_of(t) != "person" for t in roles.targets)):
            return None  # no named person after all ("killed Hezbollah fighters")
        confidence = round(0.7 * _KIND_WEIGHT.get(sent.kind, 1.0), 3)
        return EventDraft(trig, reading, roles, confidence, f"casualties:{tok.lower}",
                          sent.kind)
    killing = (report.active or _perpetrated(doc, report)) and report.what == "killed"
    etype = "CasualtiesReport"
    entry = TriggerEntry(etype, tok.lower, "v" if report.active else "n", 0.7, (),
                         "Casualties", 0)
    trig = Trigger(sent.index, tok.i, tok.i, tok.start, tok.end, entry,
                   "v" if tok.lower.endswith(("ed", "ing")) or report.active else "n", tok.text)
    reading = read_modality(doc, trig, bounds(sent.index), lex)
    roles = finder.find(trig, bounds(sent.index), reading)
    before = [t.lower for t in doc.tokens[max(0, tok.i - 3):tok.i]]
    if roles.agent is not None and not report.active and not _perpetrated(doc, report) and \
            any(w in ("was", "were", "been", "being", "be") for w in before):
        roles.agent = None  # "100 Ukrainian soldiers were being killed": the dead, not killers
    perpetrator = any(w in lex.words("perpetrators", "words") for w in before)
    if killing and (roles.agent is not None or perpetrator):
        entry = TriggerEntry("Killing", tok.lower, "v", 0.7, (), "Killing", 0)
        trig = Trigger(sent.index, tok.i, tok.i, tok.start, tok.end, entry, "v", tok.text)
    confidence = round(0.7 * _KIND_WEIGHT.get(sent.kind, 1.0), 3)
    return EventDraft(trig, reading, roles, confidence, f"casualties:{tok.lower}", sent.kind)
