"""Argument roles from local syntax: who did it, to whom, where, and who says so.

- agent: the subject before a verb trigger (a pronoun is resolved to the nearest fitting actor
  before it); after a passive verb, "by X"; for a noun trigger, the actor just before it
  ("Russia's invasion", "Russian missile attack"), "by X" after it, or the subject of a light
  verb ("Russia launched an offensive");
- target: the object of an attack verb, or "on/against X" after an attack noun;
- places: places after "in/at/near/from/..." in the trigger's clause, the object of territorial
  verbs, and a country named right after a place ("in Biskvitne, Ukraine");
- speaker: the agent of a statement; according_to: the subject of the reporting verb or the
  actor after "according to".
Cities do not act: only people, organisations, units, media, countries and capitals (read as
their country's government) fill agent, speaker and source roles.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .clauses import (
    RELATIVE_PRONOUNS,
    REPORTING_NOUNS,
    SUBORDINATORS,
    answers_before,
    clause_of,
    irregular_verb_forms,
    measured_opener,
)
from .document import Document
from .inflection import is_participle_or_gerund
from .lexicon import Lexicon
from .modality import Reading, reporting_verbs
from .names import NEARNESS, names_a_weapon
from .sentences import SentenceSpan
from .tokens import Token
from .triggers import DETERMINERS, PREPOSITIONS, Trigger

ATTACK_TYPES = frozenset({"ShellingMissileAttack", "AirStrike", "Bombing", "Attack", "Killing",
                          "ArmedClash", "Arrest", "Sanctions", "Accusation", "Damage",
                          "Encirclement"})
TERRITORY_TYPES = frozenset({"TerritoryTaken", "TerritoryRetaken", "Occupation", "Advance",
                             "Encirclement", "Withdrawal", "Evacuation", "Visit"})
# Head nouns of "the Gaza city of Rafah" (the place after "of" is the one meant).
# ("the Itaewon district of Seoul" reads the other way round: districts and regions are not
# taken.)
# verbs of telling: the word after them is whom the speaker told ("told Reuters")
TOLD = frozenset({"told", "tells", "telling", "tell"})
_SETTLEMENTS = frozenset({"city", "town", "village", "port", "capital", "enclave", "suburb",
                          "camp", "settlement"})
# People who report from a place ("officials in Damascus said")
_SPEAKERS = frozenset({"officials", "official", "sources", "source", "authorities",
                       "diplomats", "diplomat", "analysts", "spokesman", "spokeswoman",
                       "spokesperson", "observers"})
# Participles and adjectives before "to" that relate a thing to a country ("linked to Israel")
_RELATING = frozenset({"linked", "tied", "connected", "related", "belonging", "allied",
                       "loyal", "affiliated", "sympathetic"})
# Last words of the names of seas ("the Red Sea city": the sea qualifies a city).
_WATERS = frozenset({"sea", "gulf", "ocean", "coast", "bay", "strait"})
# Participles between a weapon and its launcher: "a missile fired by X".
_LAUNCHED = frozenset({"fired", "launched", "dropped", "flown", "sent", "operated", "planted"})
# Events whose object is whom they concern, not where they happen ("blamed Israel").
_NOT_PLACED_OBJECTS = frozenset({"Accusation", "Sanctions", "Arrest"})
# Court decisions whose object (or passive subject) is the person judged.
_JUDGED = frozenset({"sentence", "jail", "imprison", "convict", "acquit"})
GROUP_TYPES = frozenset({"Meeting", "Negotiation", "Agreement", "Ceasefire", "Election",
                         "Visit", "Protest"})
ACTOR_KINDS = frozenset({"person", "organization", "military_unit", "media", "group"})
# Event types that count the dead and injured, and the words that open the clause telling
# how they came to harm.
_COUNTED = frozenset({"CasualtiesReport"})
# adjectives that make a country's name a region of it ("western Nepal")
_PART_OF_A_COUNTRY = frozenset({
    "northern", "southern", "eastern", "western", "central", "north-western", "northwestern",
    "north-eastern", "northeastern", "south-western", "southwestern", "south-eastern",
    "southeastern", "northwest", "northeast", "southwest", "southeast", "remote", "rural"})
_CIRCUMSTANCE = frozenset({"when", "as", "after"})
# events that move away from a place, which "from X" names
_AWAY = frozenset({"Withdrawal", "Evacuation", "TerritoryRetaken"})
# Nouns of a reaction to an event, whose sources "from" names ("drew condemnation from the
# United States, France and ECOWAS": neither places of the event nor parties to it).
_REACTIONS = frozenset({"condemnation", "criticism", "praise", "outrage", "reaction",
                        "reactions", "rebuke", "rebukes", "backlash", "congratulations",
                        "condolences", "warnings", "objections", "pressure", "demands",
                        "appeals"})
# nouns whose "from X" is where people or help come from, not where the event is
_FROM_NOUNS = frozenset({"officials", "official", "delegation", "delegations", "counterpart",
                         "counterparts", "envoy", "envoys", "mediation", "mediators",
                         "diplomats", "representatives", "leaders", "ministers", "minister",
                         "troops", "soldiers", "fighters", "aid", "help", "support", "visitors",
                         "experts", "investigators", "monitors", "observers", "team", "teams",
                         "volunteers", "workers", "students", "refugees", "migrants", "man",
                         "woman", "boy", "girl", "teenager", "suspect", "resident",
                         "residents"})
# words of a journey: a place after "from" or "to" near them is the route's, not the event's
_JOURNEY = frozenset({"flying", "flight", "travelling", "traveling", "bound", "sailing",
                      "en", "heading", "headed", "route", "journey", "carrying", "departed",
                      "leaving", "driving"})
_PLACE_PREPS = frozenset({"in", "at", "near", "outside", "around", "across", "inside", "into",
                          "on", "over", "throughout", "from", "to", "toward", "towards",
                          "through", "of", "off", "along", "within", "between"})
_PASSIVE_AUX = frozenset({"was", "were", "been", "being", "is", "are", "be", "got", "get",
                          "gets"})
# words between a subject and its passive verb ("Kharkiv has again been shelled", "Sumy
# region was partly occupied")
_BEFORE_PASSIVE = frozenset({"has", "have", "had", "again", "also", "repeatedly", "heavily",
                             "then", "later", "reportedly", "partly", "fully", "briefly",
                             "largely", "completely", "finally"})
# events of ground taken whose passive subject is the ground ("Sumy region was partly
# occupied", "the Chernihiv region was cleared of Russian troops")
_TAKEN_TYPES = frozenset({"TerritoryTaken", "TerritoryRetaken", "Occupation", "Encirclement"})
# Nouns of one unnamed person opening a sentence, whom a "he" or "she" after them means
_UNNAMED_PEOPLE = frozenset({"gunman", "attacker", "assailant", "suspect", "man", "woman",
                             "bomber", "sniper", "driver", "shooter", "killer", "teenager",
                             "boy", "girl", "officer", "soldier", "pilot", "guard"})
_PRONOUNS = {"they": "plural", "it": "thing", "he": "person", "she": "person", "we": "plural",
             "its": "thing", "their": "plural"}
# Triggers whose subject defends against the attack they tell ("shot down", "downed").
INTERCEPTING = frozenset({"shoot down", "down", "intercept"})
# Verbs whose object an "it" after them is ("a fire left it badly damaged"): no subject.
_RESULT_VERBS = frozenset({"left", "leave", "leaves", "leaving", "found", "find", "finds",
                           "kept", "keep", "keeps", "rendered", "render", "renders"})
# Words between "who"/"which" and its verb when the pronoun is the verb's subject.
_RELATIVE_FILLERS = frozenset({"had", "has", "have", "was", "were", "is", "are", "been",
                               "being", "also", "already", "later", "then", "reportedly",
                               "recently", "previously", "just", "once", "allegedly"})
# People who work for a news outlet: "a Reuters reporter" is a person, not the outlet.
_STAFF_NOUNS = frozenset({"reporter", "reporters", "journalist", "journalists", "correspondent",
                          "correspondents", "photographer", "photographers", "cameraman",
                          "editor", "editors", "producer", "staffer", "staffers", "employee",
                          "employees", "columnist", "presenter", "crew"})
_SEPARATING = frozenset({"after", "amid", "following", "during", "despite", "since", "before",
                         "over", "against"})
# Verbs whose subject judges or describes an event named after them, and did not do it.
_EVALUATIVE = frozenset({
    "call", "called", "calls", "calling", "condemn", "condemned", "condemns", "condemning",
    "denounce", "denounced", "denounces", "describe", "described", "describes", "decry",
    "decried", "criticise", "criticised", "criticize", "criticized", "praise", "praised",
    "welcome", "welcomed", "welcomes", "blame", "blamed", "blames", "investigate",
    "investigated", "mourn", "mourned", "deplore", "deplored", "labelled", "labeled"})
# verbs whose object is the subject's own act ("offered his resignation")
_OWN_ACT_VERBS = frozenset({"offered", "offers", "offer", "tendered", "submitted", "handed",
                            "confirmed", "confirms"})
_LIGHT_VERBS = frozenset({
    "launch", "launched", "launches", "launching", "carry", "carried", "carries", "stage", "out",
    "staged", "stages", "hold", "held", "holds", "begin", "began", "begun", "begins", "mount",
    "mounted", "conduct", "conducted", "continue", "continued", "continues", "respond",
    "responded", "responds", "give", "gave", "gives", "deliver", "delivered", "make", "made",
    "makes", "announce", "announced", "publish", "published", "post", "posted", "unleash",
    "unleashed", "step", "stepped", "intensify", "intensified", "resume", "resumed", "focus",
    "focused", "focusing", "ensure", "ensuring", "complete", "completed", "win", "won", "wins",
    "claim", "claimed", "suffer", "suffered", "face", "faced", "lead", "led",
    "organise", "organised", "organize", "organized", "sign", "signed", "impose", "imposed",
    "imposes", "praised", "praise", "praises", "reach", "reached", "agree", "agreed", "host",
    "hosted", "join", "joined", "attend", "attended", "pay", "paid", "undertook", "undertake",
    "undertakes", "prepare", "prepared",
})


_PLACE_FILLERS = frozenset({
    "city", "town", "village", "suburb", "suburbs", "region", "area", "areas", "outskirts",
    "district", "province", "northeast", "northwest", "southeast", "southwest", "north",
    "south", "east", "west", "northern", "southern", "eastern", "western", "central", "port",
    "capital", "hub", "transport", "frontline", "border", "streets", "centre", "center",
    "heart", "parts", "part", "oblast", "settlement", "villages", "towns", "cities",
    "nearby", "neighbouring", "neighboring", "occupied", "besieged", "embattled", "coastal",
    "industrial", "southeastern", "northeastern", "southwestern", "northwestern", "state",
    "county", "island", "river", "rural", "remote", "mountainous", "small", "key", "strategic",
    "town's", "city's"})
# nouns after which "of X" names a place: "troops of a Kharkiv region unit", "residents of X"
_OF_PLACE_NOUNS = frozenset({"troops", "forces", "soldiers", "units", "residents", "people",
                             "citizens", "villagers", "inhabitants", "outskirts", "edge",
                             "coast", "shores", "banks", "mayor", "governor", "council",
                             "battle", "siege", "capture", "control", "liberation", "fall",
                             "defence", "defense", "occupation", "evacuation", "bombing",
                             "shelling", "storming", "blockade", "encirclement", "recapture"})
_IMPACT = frozenset({"struck", "strikes", "strike", "hit", "hits", "rocked", "rocks", "jolted",
                     "shook", "battered", "batters", "swept", "sweeps", "lashed", "lashes",
                     "slammed", "slams", "flattened", "devastated", "engulfed", "flooded",
                     "pounded", "tore", "ripped", "destroyed", "damaged", "killed"})
_UNDERGO = frozenset({"faced", "faces", "facing", "suffered", "suffers", "endured", "endures",
                      "experienced", "saw", "sees", "witnessed", "under", "withstood",
                      "weathered", "survived"})
# events a country hosts rather than performs ("Mexico's election", "Turkey's earthquake")
_HOSTED = frozenset({"Election", "Protest", "Riot", "Disease", "Earthquake", "Flood", "Storm",
                     "Wildfire", "Accident", "Explosion", "CasualtiesReport"})
_SPEECH_TYPES = frozenset({"Statement", "Announcement", "Accusation"})
# events that happen at one spot (a dateline may say where); not outbreaks, votes, talks ...
_LOCAL_TYPES = frozenset({"ShellingMissileAttack", "AirStrike", "Bombing", "Attack", "Killing",
                          "ArmedClash", "Explosion", "Accident", "Earthquake", "Flood", "Storm",
                          "Wildfire", "Riot", "Protest", "Damage", "CasualtiesReport", "Arrest"})
_MAX_SUBJECT_GAP = 10  # words between a subject and its verb
_PREPOSITIONS_NOT_AS = (PREPOSITIONS | {"between", "among", "amongst"}) - {"as"}
_ARTICLES = frozenset({"the", "a", "an"})
# those who speak for someone named after "of" or "for"
_VOICES = frozenset({"office", "spokesman", "spokeswoman", "spokesperson", "spokespeople",
                     "spokesmen", "aides", "aide"})
_CLOSERS = frozenset({",", '"', "”", "'"})
_CONJUNCTIONS = frozenset({"after", "before", "since", "until", "as", "while", "once"})
_TEMPORAL_CONJUNCTIONS = frozenset({"after", "before", "since", "until", "till"})


def _closes_apposition(toks: list[Token], k: int) -> bool:
    """The mention starting at token ``k`` ends an apposition opened by a comma and an
    article after an earlier word (", the founder of the exchange FTX,")."""
    for c in range(k - 1, 0, -1):
        if toks[c].text == ",":
            return c + 1 < k and toks[c + 1].lower in ("the", "a", "an")
    return False


def _inside_apposition(toks: list[Token], k: int, after: int) -> bool:
    """The mention from token ``k`` to ``after`` modifies the noun of an apposition set off
    by commas (", a Fico ally,", ", a Hamas commander,")."""
    if not (k >= 2 and toks[k - 1].lower in ("a", "an") and toks[k - 2].text == ","):
        return False
    tail = next((c for c in range(after, min(after + 4, len(toks))) if toks[c].text == ","),
                None)
    return tail is not None and tail > after and \
        all(t.is_word and t.text.islower() for t in toks[after:tail])


def _apposition_gap(words: list[str]) -> bool:
    """The words before a name are a title in apposition: "the mayor of Istanbul ,", "the
    country's former finance minister ,"."""
    return 3 <= len(words) <= 9 and words[0] in ("the", "a", "an") and words[-1] == "," and \
        words.count(",") == 1 and not any(w in (";", ":", "and", "who", "which") for w in words)


def _modifier(t: Token, lex: Lexicon) -> bool:
    """A word that may stand between an actor and its event noun ("Russia's full-scale")."""
    if not t.is_word:
        return t.text in ("'s", "’s", "-")
    low = t.lower
    if low in PREPOSITIONS or low in ("and", "or", "but", "that", "which", "who"):
        return False
    if low in DETERMINERS:
        return True
    return not (low.endswith("ed") or lex.reporting_lemma(low) or low in _LIGHT_VERBS)


@dataclass(frozen=True)
class MentionRef:
    start: int
    end: int
    entity: str
    kind: str
    demonym: bool = False
    country: bool = False  # the entity is a country
    capital_of: str | None = None  # country entity id when the entity is a capital
    facility: bool = False  # a building or site ("House of Culture"): a target, not a location
    people: bool = False  # a demonym for people ("German train drivers"): no actor
    plural: bool = False  # "Russian troops": not what "it" refers to
    official: bool = False  # "Russian officials": a demonym that speaks for its government
    unnamed: bool = False  # "the governor", "the health ministry": a title, no name


# Superlatives by which a country's own disaster is told ("the country's worst shooting").
_SUFFERED = frozenset({"worst", "deadliest", "bloodiest"})
# Strikes by weapons a state fires ("in Russia's deadliest missile strike in months": Russia's).
_WEAPON_STRIKES = frozenset({"ShellingMissileAttack", "AirStrike"})


@dataclass
class Roles:
    agent: str | None = None
    targets: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    according_to: str | None = None
    passive_subject: str | None = None
    passive_co: list[str] = field(default_factory=list)  # "A and B were killed": A
    co_agents: list[str] = field(default_factory=list)  # "Egypt, Qatar and Jordan condemned"


class RoleFinder:
    """Finds role fillers among the mentions of one document."""

    def __init__(self, doc: Document, mentions: list[MentionRef], lex: Lexicon) -> None:
        self.doc = doc
        self.lex = lex
        self.mentions = sorted(mentions, key=lambda m: (m.start, m.end))
        self._starts = [m.start for m in self.mentions]
        self._countries = {m.entity for m in self.mentions if m.country}
        self.unnamed = frozenset(m.entity for m in self.mentions if m.unnamed)
        # "near the airport of X", "at the port of X": a site of a place
        self._site_heads = lex.words("place_heads", "lowercase_after")

    # -- lookups ---------------------------------------------------------------------------

    def kind_of(self, entity: str) -> str | None:
        """The kind of an entity's mentions ("person", "place", ...)."""
        return next((m.kind for m in self.mentions if m.entity == entity), None)

    def between(self, a: int, b: int) -> list[MentionRef]:
        i = bisect.bisect_left(self._starts, a)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < b:
            if self.mentions[i].end <= b:
                out.append(self.mentions[i])
            i += 1
        return out

    def actor_id(self, m: MentionRef) -> str | None:
        """The entity a mention contributes as an actor, or None when it cannot act."""
        if m.people:
            return None
        if m.kind in ACTOR_KINDS:
            return m.entity
        if m.country:
            return m.entity
        if m.capital_of:
            return m.capital_of
        return None

    def _tokens(self, a: int, b: int) -> list[Token]:
        return [t for t in self.doc.tokens if a <= t.start and t.end <= b] \
            if b - a > 2000 else self._tokens_fast(a, b)

    def _tokens_fast(self, a: int, b: int) -> list[Token]:
        return self.doc.tokens_between(a, b)

    def _prev_word(self, m: MentionRef, floor: int) -> str:
        return self.doc.word_before(floor, m.start)

    def _in_prepositional_phrase(self, m: MentionRef, floor: int) -> bool:
        """The mention depends on a preposition, directly or as a later item of a list:
        "with Turkey and the United Nations", "in the city of X"."""
        doc = self.doc
        k = doc.first_token_at_or_after(m.start) - 1
        lo = doc.first_token_at_or_after(floor)
        steps = 0
        listed = False  # past an "and": the earlier items may be common nouns ("the army")
        while k >= lo and steps < 12:
            w, tok = doc.words[k], doc.tokens[k]
            if w in _PREPOSITIONS_NOT_AS:
                if w in ("of", "for") and m.kind == "person" and not listed and k > lo and \
                        doc.tokens[k - 1].is_cap and doc.tokens[k + 1].is_cap and \
                        (doc.words[k - 1],) in self.lex.titles:
                    # "Secretary of State Antony Blinken", "Secretary for Justice Paul Lam": a
                    # title, no phrase of "of" or "for"
                    k -= 1
                    steps += 1
                    continue
                # "after Erdogan agreed ...": a conjunction opening the clause, not a preposition
                return not (k == lo and w in _CONJUNCTIONS)
            if w in ("and", "or"):
                listed = True
            if w in _ARTICLES or w in ("and", "or", "'s", "’s") or tok.is_cap or \
                    w in _PLACE_FILLERS or listed and tok.is_word and steps < 6:
                # "in southern Lebanon", "in the city of X", "between the army and the RSF"
                k -= 1
                steps += 1
                continue
            return False
        return False

    # -- roles -----------------------------------------------------------------------------

    def find(self, trig: Trigger, bounds: list[tuple[int, int]], reading: Reading) -> Roles:
        roles = Roles()
        floor = 0  # actors before this offset take no part (before a relative pronoun)
        clause = clause_of(bounds, trig.start)
        sent = self.doc.sentences[trig.sentence]
        in_clause = self.between(clause[0], clause[1])
        idx = bounds.index(clause) if clause in bounds else -1
        if idx >= 2 and self._starts_relative(bounds[idx - 1]):
            # "Kharkiv, which lies near the border, had faced ...": skip the relative clause
            # (after a reporting verb there: "Toninelli said the management of Autostrade,
            # which operates the motorway, should resign": not the speaker's resignation)
            lo, hi = bounds[idx - 2]
            said = [self.doc.tokens[k].end for k in reporting_verbs(self.doc, trig.sentence,
                                                                     self.lex)
                    if lo <= self.doc.tokens[k].start and self.doc.tokens[k].end <= hi]
            in_clause = self.between(said[-1] if said else lo, hi) + in_clause
        before = [m for m in in_clause if m.end <= trig.start]
        after = [m for m in in_clause if m.start >= trig.end]
        all_before = before
        if reading.reporter is not None:
            verb = self.doc.tokens[reading.reporter]
            if clause[0] <= verb.start and verb.end <= trig.start:
                clause = (verb.end, clause[1])  # the reporter's subject is the source
                before = [m for m in before if m.start >= verb.end]
            elif verb.end <= trig.start:
                # (also past a relative clause: "Toninelli said the management of Autostrade,
                # which operates the motorway, should resign": not Toninelli's resignation)
                before = [m for m in before if m.start >= verb.end]
        passive = trig.pos == "v" and self._passive(trig, clause)
        if trig.pos == "v":
            if passive:
                roles.agent = self._by_agent(after, trig)
                subj = self._subject(before, clause, trig.start)
                if subj is None and trig.type in ATTACK_TYPES:
                    # "The Kakhovka dam ... was destroyed": a facility undergoes it
                    subj = next((m.entity for m in reversed(before) if m.facility and
                                 not self._in_prepositional_phrase(m, clause[0])), None)
                if subj is None:
                    subj = self._subject_before_being(trig, bounds)
                roles.passive_subject = subj
                if subj is not None:
                    roles.passive_co = self._conjuncts(subj, before, trig)
            elif trig.type in _SPEECH_TYPES:
                roles.agent = self._speaker(trig, before, after, clause)
            elif self.doc.words[trig.first].endswith("ing") and trig.first > 1 and \
                    self.doc.words[trig.first - 1] == ",":
                # "US-backed fighters captured the last Islamic State positions in Raqqa,
                # seizing the city's stadium": the participle's subject opens the sentence
                # (not the object of the verb before the comma)
                lo = bounds[0][0]
                if self.doc.words[self.doc.sentence_tokens[trig.sentence][0]] in \
                        SUBORDINATORS and len(bounds) > 1 and bounds[1][0] < trig.start:
                    # ("After Hamas fighters crossed into Israel, Israeli warplanes pounded
                    # Gaza, killing ...": the main clause's subject, after the fronted clause)
                    lo = bounds[1][0]
                roles.agent = self._opening_subject(lo, self.doc.tokens[trig.first - 1].start)
            else:
                roles.agent = self._subject(before, clause, trig.start)
                if roles.agent is not None and trig.first > 0 and \
                        self.doc.words[trig.first - 1] == "and":
                    roles.agent = self._shared_subject(before, clause) or roles.agent
                if roles.agent is None and trig.first > 0 and \
                        self.doc.words[trig.first - 1] in ("but", "yet") and \
                        self.doc.first_token_at_or_after(clause[0]) >= trig.first - 1:
                    roles.agent = self._subject_of_clause_before(clause, bounds)
                if roles.agent is None and trig.type in ATTACK_TYPES:
                    roles.agent = self._launcher(before, trig)
                relative = self._relative_antecedent(clause, trig)
                if relative is not None:
                    # "a patient who had travelled": the patient (no named actor), and nobody
                    # named before the pronoun takes part
                    roles.agent, floor = relative
                if trig.type in _HOSTED and roles.agent in self._countries:
                    roles.agent = None  # "Mexico elects ...": the country hosts the vote
        elif trig.entry.lemma.startswith("under "):
            roles.agent = self._by_agent(after, trig)  # (whoever is under fire undergoes it)
        else:
            roles.agent = self._noun_agent(before, after, clause, trig)
            if roles.agent is None:
                roles.agent = self._owner_of_own_act(trig, all_before, clause)
        if trig.pos == "v" and not passive and roles.agent is None and not before:
            roles.agent = self._subject_before_relative(bounds, clause)
        if trig.entry.lemma in INTERCEPTING:
            # "Ukraine's air force downed 24 Shahed drones launched by Russia": the attack is
            # the launcher's; who shot the drones down takes part in it
            defender, roles.agent = roles.agent, self._weapon_owner(trig, after)
            if defender is not None and defender != roles.agent:
                roles.participants.append(defender)
        if reading.purpose or reading.cue and reading.cue.endswith("plot to"):
            roles.agent = None  # "signed deals to reopen ports": who reopens is not said;
            # "the FBI had foiled a plot to kidnap": not the FBI's kidnapping
        if roles.agent is not None and not passive and trig.pos == "v":
            roles.co_agents = self._conjuncts(roles.agent, before, trig)
        if trig.type in GROUP_TYPES and roles.agent and self._coordinated(roles.agent, before):
            # "Ukraine and Russia signed agreements": both are parties (so neither is a
            # co-agent either)
            roles.agent, roles.co_agents = None, []
        if trig.type == "Accident" and roles.agent is not None and \
                self.kind_of(roles.agent) == "organization":
            # "An Air India Boeing 787-8 crashed": the airline or the maker of what crashed
            # takes part in the accident; nobody did it
            roles.participants.append(roles.agent)
            roles.agent = None
        roles.targets, objects = self._targets(trig, after, passive, roles)
        roles.places = self._places(trig, all_before, after, objects, roles, sent.start,
                                    sent.end)
        if not roles.places and (trig.type in TERRITORY_TYPES or trig.type in _LOCAL_TYPES):
            roles.places = self._antecedent_place(trig, clause, bounds, objects)
        if not roles.places and trig.type in _COUNTED:
            roles.places = self._circumstance_place(trig, clause, bounds, roles, sent)
        if not roles.places and trig.type in _LOCAL_TYPES and \
                not self._temporal_subordinate(clause):
            roles.places = self._dateline_place(sent.start, sent.end, roles)
        if trig.type in GROUP_TYPES:
            seen = {roles.agent, *roles.places}
            for m in in_clause:
                aid = self.actor_id(m)
                if m.end <= floor:
                    continue
                if m.capital_of and self._governing_preposition(m, sent.start):
                    continue  # "a summit in Brussels": the capital is where, not who
                if trig.type == "Protest" and trig.pos == "n" and m.end <= trig.start and \
                        self._governed_noun(trig, m):
                    continue  # "Ruto drops tax bill after deadly protests": not a protester
                    # (but "Stoltenberg spoke after the talks with Erdogan": a party to them)
                reporter = self.doc.tokens[reading.reporter].start \
                    if reading.reporter is not None else -1
                if trig.start < reporter < m.start + 40 and m.start > trig.end and \
                        self._after_comma(m, trig):
                    continue  # "…, the European Council said": the source, not a party
                if trig.type == "Protest" and m.end <= reporter < trig.start:
                    continue  # "Ruto said the protests had been hijacked": who speaks of them
                    # (of talks or an election, a speaker is often a party: not skipped)
                gap = self.doc.words_between(trig.end, m.start) \
                    if trig.type == "Protest" and m.start >= trig.end else []
                if "against" in gap and not _PROTEST_BREAKS.intersection(
                        gap[gap.index("against"):]):
                    # "protested against President Javier Milei's measures": what is
                    # protested, not who protests (its target when named right after; but
                    # "..., with the FNSEA union joining the march", "organised by": a
                    # protester)
                    if aid and len(gap) - gap.index("against") <= 3 and not m.demonym and \
                            aid not in roles.targets:
                        roles.targets.append(aid)
                    continue
                if m.start > trig.end and self._noun_before_from(m, sent.start) in _REACTIONS:
                    continue  # "The election drew criticism from France": who reacts to it
                if m.kind == "person" and _inside_apposition(
                        self.doc.tokens, self.doc.first_token_at_or_after(m.start),
                        self.doc.first_token_at_or_after(m.end)):
                    continue  # "Peter Pellegrini, a Fico ally, met": not Fico
                if aid and aid not in seen and not m.demonym:
                    roles.participants.append(aid)
                    seen.add(aid)
                if len(roles.participants) >= 4:
                    break
        roles.according_to = self._source(reading, sent.start, sent.end, bounds)
        if trig.entry.label == "Guilty verdict" and roles.agent is not None and \
                self.kind_of(roles.agent) == "person":
            # "found Donald Trump guilty", "Bankman-Fried was found guilty": the person judged
            roles.targets.insert(0, roles.agent)
            roles.agent = None
        return roles

    def _speaker(self, trig: Trigger, before: list[MentionRef], after: list[MentionRef],
                 clause: tuple[int, int]) -> str | None:
        """Who speaks: the subject, which for a verb that closes a report lies after the last
        comma or quotation mark ("..., police spokesman Paul Nyathi said", "..., the air force
        said": nobody named), or comes right after the verb ("...," said Tendai Moyo)."""
        doc = self.doc
        k = trig.first
        if doc.words[k].endswith("ing") and k > 0 and doc.words[k - 1] == ",":
            # "The council condemned the killings, accusing the RSF of ...": the participle's
            # subject is the one opening the sentence (not an apposition just before the
            # comma, "the region's president, Carlos Mazon, accusing"); whom it accuses is
            # never the speaker
            return self._opening_subject(doc.sentences[trig.sentence].start,
                                         doc.tokens[k - 1].start)
        lo = max(doc.first_token_at_or_after(clause[0]), k - 8)
        mark = next((m for m in range(k - 1, lo - 1, -1) if doc.words[m] in _CLOSERS), None)
        max_gap = _MAX_SUBJECT_GAP
        # (over auxiliaries: "Ukraine's new commander, Oleksandr Syrskyi, has promised")
        if mark is not None:
            found, before_opener = self._apposition_speaker(k, mark, clause, before)
            if found is not None:
                return found
            if before_opener:
                mark, max_gap = None, _MAX_SUBJECT_GAP * 2
        if k > lo and doc.words[k - 1] == "and":
            # 'X called the attack "an assault" and said ...': the subject of X's first verb
            mark = None
            sent = doc.sentences[trig.sentence]
            clause = (sent.start, clause[1])
            before = [m for m in self.between(sent.start, trig.start) if m.end <= trig.start]
            # "Hezbollah blamed Israel for the blasts and vowed ...": the first actor of the
            # sentence, not the first verb's object
            first = next((m for m in before if self.actor_id(m) and
                          not (m.demonym and not m.official) and
                          not self._in_prepositional_phrase(m, sent.start) and
                          not self._describes_person(m, before) and
                          not _addressed(doc.tokens, doc.first_token_at_or_after(m.start))),
                         None)
            if first is not None and doc.text[first.end:first.end + 2] in ("'s", "’s"):
                # "Tajikistan's president, Emomali Rahmon, spoke ... and condemned": the
                # person the possessive's title names
                named = next((m for m in before if m.start > first.end and m.kind == "person"
                              and len(self._tokens_fast(first.end, m.start)) <= 5), None)
                if named is not None and self.actor_id(named):
                    return self.actor_id(named)
            if first is not None and first is not before[-1]:
                return self.actor_id(first)
        if mark is not None:
            floor = doc.tokens[mark].end
            before = [m for m in before if m.start >= floor]
            clause = (floor, clause[1])
        subject = self._subject(before, clause, trig.start, speaker=True,
                                max_gap=_MAX_SUBJECT_GAP * 3 if mark is None and k > lo and
                                doc.words[k - 1] == "and" else max_gap)
        if subject is not None or not (mark == k - 1 or k == lo or
                                       doc.words[k - 1] in _CLOSERS):
            return subject
        if doc.words[k] in TOLD:
            return None  # "..., told Reuters": whom the speaker told, never the speaker
        for m in after[:1]:  # inverted: '"...," said Tendai Moyo'
            between = self._tokens_fast(trig.end, m.start)
            if len(between) <= 1 and not m.demonym and \
                    not (between and between[0].lower == "that"):  # ", warning that Russia"
                return self.actor_id(m)
        return None

    def _opening_subject(self, lo: int, hi: int) -> str | None:
        """The actor that opens the clause between ``lo`` and ``hi`` as its subject
        ("Sudan's army-led Sovereign Council condemned ...": the council), or None when the
        clause opens with anything else ("the guerrilla fighters waged war on the troops of
        Batista": no named subject)."""
        doc = self.doc
        start = lo
        for m in self.between(lo, hi):
            if m.end > hi:
                break
            lead = self._tokens_fast(start, m.start)
            if m.kind == "person" and 2 <= len(lead) <= 5 and lead[-1].text == "," and \
                    doc.text[m.end:m.end + 1] == "," and self.actor_id(m) and \
                    all(t.is_word or t.text in ("'", "’") for t in lead[:-1]):
                # "Hungary's prime minister, Viktor Orban, lashed out ..., accusing": the
                # subject's own name in apposition
                return self.actor_id(m)
            if len(lead) > 4 or any(t.is_word and not t.is_cap and "-" not in t.lower and
                                    t.lower not in _ARTICLES for t in lead):
                return None
            if self.actor_id(m) is None or m.demonym and not m.official:
                start = m.end
                continue
            if doc.text[m.end:m.end + 2] in ("'s", "’s"):
                start = m.end + 2  # the possessor of the subject: what it holds may follow
                continue
            return self.actor_id(m)
        return None

    def _apposition_speaker(self, k: int, mark: int, clause: tuple[int, int],
                            before: list[MentionRef]) -> tuple[str | None, bool]:
        """The speaker when an apposition closes right before the reporting verb at token
        ``k`` (the comma at ``mark``, over auxiliaries): the person it describes ("Olaf Scholz,
        speaking alongside French President Emmanuel Macron in Berlin, said"), else the
        actor it names ('"...," the hospital's director, Jana Horvathova, told reporters');
        and whether an actor stands right before it (the subject lies before the apposition:
        "France, the former colonial power, condemned", "Yuriy Saks, an adviser to Defense
        Minister Oleksiy Reznikov, told Reuters")."""
        doc = self.doc
        if doc.words[mark] != "," or not all(w in _AUXILIARIES for w in doc.words[mark + 1:k]):
            return None, False
        floor = max(doc.first_token_at_or_after(clause[0]), mark - 10)
        opener = next((m for m in range(mark - 1, floor - 1, -1) if doc.words[m] == ","), None)
        if opener is None:
            return None, False
        start = doc.tokens[opener].start
        named = next((m for m in before if m.kind == "person" and m.end <= start and
                      start - m.end <= 1 and self.actor_id(m)), None)
        if named is not None and self._others_of(named):
            return None, False  # "Relatives of Joe Garcia, a teacher killed ..., said": not he
        if named is not None:
            return self.actor_id(named), False
        inside = [m for m in before if m.start > start and m.end <= doc.tokens[mark].start
                  and self.actor_id(m) and not m.demonym and
                  # "Kharkiv, Ukraine's second-largest city, said": not the possessor
                  doc.text[m.end:m.end + 2] not in ("'s", "’s") and
                  # "Prokopenko, commander of the Azov regiment, said": not the regiment
                  not self._in_prepositional_phrase(m, doc.tokens[opener].end)]
        if inside:
            return self.actor_id(inside[-1]), False
        return None, any(m.end <= start and start - m.end <= 1 and self.actor_id(m)
                         for m in before)

    def _conjuncts(self, agent: str, before: list[MentionRef], trig: Trigger) -> list[str]:
        """The actors joined to the subject ("Egypt, Qatar and Jordan condemned", "Macron,
        German Chancellor Olaf Scholz and Mario Draghi arrived"): the agent's co-agents."""
        before = [m for m in before if not m.demonym]  # "German Chancellor": a title
        n = next((n for n in range(len(before) - 1, -1, -1)
                  if self.actor_id(before[n]) == agent), None)
        if n is None or len(self._tokens_fast(before[n].end, trig.start)) > 3:
            return []
        found: list[str] = []
        joined = False
        while n > 0:
            m, prev = before[n], before[n - 1]
            gap = self._tokens_fast(prev.end, m.start)
            k = 0
            while k < len(gap) and gap[k].lower in (",", "and") or \
                    k and k < len(gap) and gap[k].lower == "the":  # ", the United States"
                k += 1
            if k and k + 1 < len(gap) and gap[k].lower in ("his", "her", "their", "its") and \
                    len(gap) - k <= 3:
                k = len(gap)  # "Mohammed Deif and his deputy Marwan Issa"
            if k == 0 or len(gap) - k > 4 or not all(t.is_cap for t in gap[k:]):
                break  # only titles may stand between: ", German Chancellor"
            if not joined and not any(t.lower == "and" for t in gap[:k]):
                break  # the last two are joined by "and", or this is no coordination
            joined = True
            aid = self.actor_id(prev)
            if aid is None:
                break
            if aid != agent and aid not in found:
                found.append(aid)
            n -= 1
        return found[::-1]

    def _coordinated(self, agent: str, before: list[MentionRef]) -> bool:
        """The agent is the second of two actors joined by "and" ("Ukraine and Russia")."""
        doc = self.doc
        for n in range(len(before) - 1, 0, -1):
            m = before[n]
            if self.actor_id(m) != agent:
                continue
            gap = doc.words_between(before[n - 1].end, m.start)
            return gap in (["and"], ["and", "the"]) and self.actor_id(before[n - 1]) is not None
        return False

    def _passive(self, trig: Trigger, clause: tuple[int, int]) -> bool:
        first = self.doc.tokens[trig.first]
        if not is_participle_or_gerund(first.lower, trig.entry.lemma.split()[0],
                                       self.lex.irregular) or first.lower.endswith("ing"):
            return False
        before = self._tokens_fast(clause[0], trig.start)
        toks = before[-3:]
        if any(t.lower in _PASSIVE_AUX for t in toks):
            # (not "said a government would be formed and promised that ...": the auxiliary
            # of another verb, and a clause of what is promised follows)
            return not (toks[-1].lower == "and" and
                        self.doc.words[trig.last + 1:trig.last + 2] == ["that"])
        if toks and toks[-1].lower == "and" and first.lower in _DONE_TO and \
                self.doc.words[trig.last + 1:trig.last + 2] in _NO_OBJECT and any(
                t.lower in ("was", "were") and n + 1 < len(before) - 1 and
                before[n + 1].lower.endswith("ed") for n, t in enumerate(before[:-1])):
            return True  # "was arrested in Yekaterinburg in March 2023 and sentenced to 16
            # years" (but "were deployed in March and attacked the town", "were repelled near
            # Kharkiv and retreated to the border": active)
        # headlines tell past events in the present and drop "was": a bare participle there
        # is passive ("FTX founder sentenced to 25 years", "Mayor arrested over bribes")
        return self.doc.sentences[trig.sentence].kind == "headline" and \
            first.lower.endswith("ed") and \
            not any(t.lower in ("has", "have", "had", "'s", "’s") for t in toks)

    def _subject_before_relative(self, bounds: list[tuple[int, int]],
                                 clause: tuple[int, int]) -> str | None:
        """ "Acting President Choi Sang-mok, who took over on Friday, declared seven days of
        mourning": the subject before the relative clause the verb's clause follows."""
        k = bounds.index(clause) if clause in bounds else -1
        if k < 2 or self.doc.text[clause[0] - 2:clause[0]].strip() != "," or \
                self.doc.words[self.doc.first_token_at_or_after(clause[0])] == "and":
            return None  # (", and urged elections": the verb of the first subject)
        for j in range(k - 1, max(0, k - 4), -1):  # (the relative clause may hold clauses)
            rel = self._tokens_fast(bounds[j][0], bounds[j][1])
            if rel and rel[0].lower in ("who", "which"):
                main = bounds[j - 1]
                head = self.doc.text[main[0]:main[1]].rstrip()
                if not head.endswith(","):
                    return None
                # the antecedent just before the comma, the subject of its clause (not
                # "said the management of Autostrade, which ..., should resign")
                found = [m for m in self.between(main[0], main[1])
                         if m.end == main[0] + len(head) - 1]
                if not found or self._in_prepositional_phrase(found[-1], main[0]) or any(
                        t.is_word and not t.is_cap and t.lower not in _ARTICLES
                        for t in self._tokens_fast(main[0], found[-1].start)):
                    return None  # the subject opens its clause ("Acting President Choi"; not
                    # "The UN envoy met Ahmed al-Sharaa, who ..., and urged")
                return self._subject(found, main, main[1])
        return None

    def _subject_before_being(self, trig: Trigger, bounds: list[tuple[int, int]]
                              ) -> str | None:
        """ "Fico was in hospital after being shot in Handlova": the subject of the clause
        the "after/before/while being ..." clause depends on undergoes the passive verb."""
        k = trig.first
        words = self.doc.words
        if k < 2 or words[k - 1] != "being" or words[k - 2] not in _BEING_OPENERS:
            return None
        opener = self.doc.tokens[k - 2].start
        main = clause_of(bounds, max(bounds[0][0], opener - 1))
        if main[0] >= opener or any(main[0] <= self.doc.tokens[r].start < opener for r in
                                    reporting_verbs(self.doc, trig.sentence, self.lex)):
            return None  # (not "The UN said the convoy was looted after being attacked")
        return self._subject(self.between(main[0], opener), main, opener)

    def _by_agent(self, after: list[MentionRef], trig: Trigger) -> str | None:
        for n, m in enumerate(after[:3]):
            toks = self._tokens_fast(trig.end, m.start)
            if trig.pos == "n" and any(t.lower in _PASSIVE_AUXILIARIES for t in toks) and \
                    self._after_preposition(trig) and \
                    not any(t.lower == "claimed" for t in toks):
                break  # "An investigation into the attack has been opened by Ukraine's
                # prosecutor": the agent of another verb's passive (but "That attack was
                # claimed by Islamic State", "Responsibility for the attack was claimed by")
            if len(toks) <= 6 and toks and (toks[-1].lower == "by" or len(toks) >= 2 and
                                            toks[-2].lower == "by" and
                                            toks[-1].lower == "the"):
                owned = after[n + 1] if n + 1 < len(after) else None
                if owned is not None and self.doc.text[m.end:m.end + 2] in ("'s", "’s"):
                    gap = self._tokens_fast(m.end, owned.start)
                    if len(gap) <= 3 and all(t.is_word and t.text.islower() or t.text in (
                            "'s", "’s") for t in gap) and self.actor_id(owned):
                        m = owned  # "Attacks by Sudan's paramilitary Rapid Support Forces":
                        # the force, not the country that owns it
                aid = self.actor_id(m)
                if aid:
                    return aid
        return None

    def _subject(self, before: list[MentionRef], clause: tuple[int, int], limit: int,
                 *, speaker: bool = False, max_gap: int = _MAX_SUBJECT_GAP,
                 floor: int | None = None) -> str | None:
        """The actor before offset ``limit`` in the clause that is no prepositional object
        (for a ``speaker``, a demonym — "Israeli strikes …, officials say" — never is); a
        pronoun counts only after ``floor``."""
        toks = self._tokens_fast(clause[0], limit)
        starts = [t.start for t in toks]
        claimant = self._claimant(toks, before)
        if claimant is not None:
            return claimant or None  # (a claimant that cannot act: no agent at all)
        for m in reversed(before):
            aid = self.actor_id(m) or (m.entity if speaker and m.facility else None)
            if aid is None or speaker and m.demonym and not m.official:
                continue
            after = bisect.bisect_left(starts, m.end)  # first token at or after the mention
            gap = len(toks) - after
            if after < len(toks) and toks[after].text == ",":
                # "Darya Dugina, the daughter of ... Alexander Dugin, was killed": the
                # apposition does not count
                close = next((c for c in range(after + 1, len(toks)) if toks[c].text == ","),
                             None)
                if close is not None:
                    gap = len(toks) - close - 1
            if gap > max_gap:
                break
            if self._modifies(m):
                return None  # "Iran-backed militias attacked": the militias, unnamed
            if _subordinate_between(toks, after):
                break  # "Hasina resigns as protesters storm her residence": the protesters
            if speaker and self._voice_of(m):
                return aid  # "The office of Prime Minister Benjamin Netanyahu said": his
            if self._in_prepositional_phrase(m, clause[0]) or \
                    _in_relative_clause(toks, bisect.bisect_left(starts, m.start)) or \
                    self._in_reduced_relative(m, limit):
                continue
            if m.kind == "media" and after < len(toks) and toks[after].lower in _STAFF_NOUNS:
                continue  # "Gershkovich, a Wall Street Journal reporter, was arrested"
            if after < len(toks) and toks[after].text == "," and \
                    _closes_apposition(toks, bisect.bisect_left(starts, m.start)):
                continue  # "Bankman-Fried, the founder of the exchange FTX, was sentenced"
            if m.kind == "person" and \
                    _inside_apposition(toks, bisect.bisect_left(starts, m.start), after):
                continue  # "Peter Pellegrini, a Fico ally, met": the ally, not Fico
            first = bisect.bisect_left(starts, m.start)
            if first > 0 and toks[first - 1].text == "," and \
                    self._possesses_place(m) and any(t.text == "," for t in toks[after:]):
                continue  # "Odesa, Ukraine's largest port, has come under attack" (but
                # "Earlier, Hamas's fighters, emerging from tunnels, attacked": Hamas)
            if self._possessed(m) in _OTHERS_OF or self._others_of(m):
                return None  # "Syria's neighbours shut their borders": not Syria (nor
                # "Supporters of former president Jair Bolsonaro invaded Congress")
            if _addressed(toks, bisect.bisect_left(starts, m.start)):
                continue  # "He urged Washington and Beijing to respond and called for new
                # sanctions": whom he urged, not who called
            # a pronoun between the actor and the trigger is the real subject
            pron = _last_pronoun(toks, after, possessive=True)
            if pron is not None and pron.lower not in ("its", "their"):
                return self._resolve_pronoun(pron, clause, speaker=speaker)
            return aid
        # (not a pronoun before "that": "said it had struck a depot and that the ammunition
        # detonated" — "it" is the subject of another clause)
        that = max((n for n, t in enumerate(toks) if t.lower == "that"), default=-1)
        if floor is not None:
            that = max(that, bisect.bisect_left(starts, floor) - 1)
        pron = _last_pronoun(toks, that + 1, possessive=False)
        if pron is not None:
            return self._resolve_pronoun(pron, clause, speaker=speaker)
        return None

    def _resolve_pronoun(self, pron: Token, clause: tuple[int, int], *, speaker: bool = False
                         ) -> str | None:
        """The actor a pronoun refers to: the nearest fitting one before it in its sentence or
        the one before; a speaker ("..., it said") is rather the previous sentence's subject."""
        sent = self.doc.sentence_at(pron.start)
        if sent is not None and self._reported_by_unnamed(pron, sent.start):
            return None  # "Vaccine makers said they could ship doses": the makers
        floor = self.doc.sentences[sent.index - 1].start if sent and sent.index > 0 and \
            self.doc.sentences[sent.index - 1].paragraph == sent.paragraph else \
            (sent.start if sent else clause[0])
        want = _PRONOUNS[pron.lower]
        found = [m for m in self.between(floor, pron.start) if self._fits_pronoun(m, want, floor)
                 and not self._addressee(m, pron)]
        if speaker and sent is not None and found and found[0].start < sent.start:
            here = [m for m in found if m.start >= sent.start]
            if here and self._speaks(here[0]):
                # "The RSF said ... that it had attacked army positions and denied ...": the
                # speaker of this sentence
                return self.actor_id(here[0])
            # the speaker of the sentence before ("Russia launched 188 drones ..., Ukraine's
            # air force said. It said 76 had been shot down"), else its subject
            spoke = next((m for m in found if m.start < sent.start and self._speaks(m) and
                          self.doc.word_before(0, m.start) not in RELATIVE_PRONOUNS), None)
            # ("Israel, which Hamas says bombed the school, rejected ... It said": Israel)
            return self.actor_id(spoke or found[0])
        if not speaker and sent is not None and want != "person" and \
                not any(m.start >= sent.start for m in found) and self._unnamed_subject(sent):
            return None  # "The military has carried out ... since it seized power": the military
        if not speaker and sent is not None and want == "person" and \
                not any(m.start >= sent.start for m in found) and self._unnamed_person(sent):
            return None  # "Karlov was shot dead. The gunman shouted as he opened fire": the
            # gunman, not the person named before
        return self.actor_id(found[-1]) if found else None

    def _voice_of(self, m: MentionRef) -> bool:
        """The mention follows "the office of", "a spokesman for" and its titles: who
        speaks through them."""
        doc = self.doc
        k = doc.first_token_at_or_after(m.start) - 1
        while k > 0 and doc.words[k] in self.lex.title_words and doc.words[k] not in ("of", "for"):
            k -= 1  # "the office of Prime Minister Benjamin Netanyahu"
        return k > 0 and doc.words[k] in ("of", "for") and doc.words[k - 1] in _VOICES

    def _addressee(self, m: MentionRef, pron: Token) -> bool:
        """Whom the speaker tells what the pronoun's clause says ("had informed King Charles
        III that she was stepping down": she is the speaker)."""
        doc = self.doc
        k, e = doc.first_token_at_or_after(m.start), doc.first_token_at_or_after(m.end)
        return e + 1 == pron.i and doc.words[e] == "that" and \
            any(w in _ADDRESSING for w in doc.words[max(0, k - 2):k])

    def _unnamed_person(self, sent: SentenceSpan) -> bool:
        """The sentence opens with an unnamed person ("The gunman", "A young man")."""
        a, b = self.doc.sentence_tokens[sent.index]
        words = self.doc.words[a:min(b, a + 3)]
        return len(words) >= 2 and words[0] in ("the", "a", "an") and (
            words[1] in _UNNAMED_PEOPLE or len(words) == 3 and words[2] in _UNNAMED_PEOPLE and
            self.doc.tokens[a + 1].text.islower())

    def _claimant(self, toks: list[Token], before: list[MentionRef]) -> str | None:
        """"Moscow's assertion that its troops had taken Kupiansk": the possessor of a claim
        is whom the "its"/"their" of the claim's subject points back to, not the sentence's
        subject (the pronoun's noun phrase right before the verb). "" when the possessor can
        be no actor, None when there is no such claim."""
        for i in range(max(0, len(toks) - 6), len(toks) - 2):
            if toks[i].lower in _CLAIM_NOUNS and toks[i + 1].lower == "that" and \
                    toks[i + 2].lower in ("its", "their") and \
                    all(t.is_word and not t.is_cap for t in toks[i + 3:]):
                owner = next((m for m in reversed(before) if m.end <= toks[i].start and
                              self._possessed(m) == toks[i].lower), None)
                return (self.actor_id(owner) or "") if owner is not None else None
        return None

    def _speaks(self, m: MentionRef) -> bool:
        """A reporting verb follows the mention ("The RSF said", "Kyiv has said")."""
        k = self.doc.first_token_at_or_after(m.end)
        return any(self.lex.reporting_lemma(w) is not None for w in self.doc.words[k:k + 2])

    def _weapon_owner(self, trig: Trigger, after: list[MentionRef]) -> str | None:
        """Whose weapons were shot down: "two Ukrainian Su-25 aircraft", "drones launched by
        Russia" (a demonym or a launcher within the object)."""
        for m in after[:3]:
            toks = self._tokens_fast(trig.end, m.start)
            if len(toks) > 8 or any(t.text in (",", ";") for t in toks):
                break
            words = [t.lower for t in toks]
            owner = m.demonym and len(words) <= 3  # "two Ukrainian Su-25 aircraft"
            launched = words[-2:-1] == ["by"] or (  # "flown by the", "launched by"
                words[-1:] == ["by"] and len(words) >= 2 and words[-2] in _LAUNCHED)
            nxt = self._tokens_fast(m.end, m.end + 12)[:1]
            # "85 of the 215 drones Russia launched": a launcher in a relative clause
            relative = bool(nxt) and nxt[0].lower in _LAUNCHED and bool(words) and \
                words[-1].endswith("s") and words[-1].isalpha()
            if owner or launched or relative:
                return self.actor_id(m)
        return None

    def _launcher(self, before: list[MentionRef], trig: Trigger) -> str | None:
        """ "A missile fired by Yemen's Houthi movement struck ...": who fired the weapon
        that is the subject."""
        for m in reversed(before):
            words = [t.lower for t in self._tokens_fast(max(0, m.start - 40), m.start)][-3:]
            if len(words) >= 2 and words[-1] == "by" and words[-2] in _LAUNCHED or \
                    len(words) == 3 and words[-2] == "by" and words[-3] in _LAUNCHED:
                gap = self._tokens_fast(m.end, trig.start)
                if len(gap) <= 3 and not any(t.text in (",", ";") for t in gap):
                    return self.actor_id(m)
        return None

    def _unnamed_subject(self, sent: SentenceSpan) -> bool:
        """The sentence opens with a definite noun phrase no mention covers ("The military
        has ...")."""
        a, b = self.doc.sentence_tokens[sent.index]
        words = self.doc.words[a:min(b, a + 2)]
        return len(words) == 2 and words[0] == "the" and self.doc.tokens[a + 1].is_word and \
            self.doc.tokens[a + 1].text.islower() and \
            not any(m.start <= self.doc.tokens[a + 1].start < m.end
                    for m in self.between(sent.start, self.doc.tokens[a + 1].end))

    def _reported_by_unnamed(self, pron: Token, sent_start: int) -> bool:
        """The pronoun opens what a speaker says ("X said (that) they ...") and the speaker,
        before the verb in the same sentence, is no named actor: the pronoun is that speaker."""
        doc = self.doc
        # "said (that) they", "announced on national television late Wednesday that they":
        # the nearest verb of saying a few words before, within the clause
        k = next((j for j in range(pron.i - 1, max(-1, pron.i - 8), -1)
                  if doc.words[j] in _CLAUSE_BREAKS or
                  self.lex.reporting_lemma(doc.words[j]) is not None), -1)
        if k < 0 or doc.tokens[k].start < sent_start or \
                self.lex.reporting_lemma(doc.words[k]) is None:
            return False
        toks = self._tokens_fast(sent_start, doc.tokens[k].start)
        if any(t.lower in _PRONOUNS and t.lower not in ("its", "their")
               for t in (*toks, *doc.tokens[k + 1:pron.i])):
            return False  # "She said she had informed the king that she ...": a pronoun
            # speaker or subject, whom the pronoun takes up
        starts = [t.start for t in toks]
        return not any(self.actor_id(m) and not self._modifies(m) and
                       not _in_relative_clause(toks, bisect.bisect_left(starts, m.start))
                       for m in self.between(sent_start, doc.tokens[k].start))

    def _fits_pronoun(self, m: MentionRef, want: str, floor: int) -> bool:
        if self.actor_id(m) is None or m.demonym and not m.official:
            return False  # ("The Israeli military said ... It said": the military's country)
        if m.kind == "media" and self.doc.text[m.start - 1:m.start] == "(" and \
                self.doc.text[m.end:m.end + 1] == ")":
            return False  # the agency of a dateline ("GAZA, Feb 29 (Reuters) -")
        if want == "person" and m.kind != "person":
            return False
        if want != "person" and m.kind == "person":
            return False
        if want == "thing" and m.plural:
            return False  # "Russian troops withdrew ..., it said": "it" is someone else
        return self._prev_word(m, floor) not in _PREPOSITIONS_NOT_AS

    def _noun_agent(self, before: list[MentionRef], after: list[MentionRef],
                    clause: tuple[int, int], trig: Trigger) -> str | None:
        if before:
            m = before[-1]
            gap = self._tokens_fast(m.end, trig.start)
            if len(gap) <= 3 and all(_modifier(t, self.lex) for t in gap):
                aid = self.actor_id(m)
                if aid and not (m.country and trig.type in _HOSTED) and \
                        not self._suffered(m, gap, trig):
                    return aid  # "Mexico's presidential election": Mexico hosts it
        by = self._by_agent(after, trig)
        if by:
            return by
        if trig.type in _SPEECH_TYPES and after:
            # "drew condemnation from France": who condemns
            m = after[0]
            gap = [t.lower for t in self._tokens_fast(trig.end, m.start)]
            if gap in (["from"], ["from", "the"]) and self.actor_id(m):
                return self.actor_id(m)
        doc = self.doc
        lo = doc.first_token_at_or_after(clause[0])
        reporting = self.lex.reporting
        last = next((k for k in range(trig.first - 1, lo - 1, -1)
                     if doc.tokens[k].lower in _LIGHT_VERBS or doc.tokens[k].lower in reporting),
                    None)
        if last is not None and doc.tokens[last].lower in _EVALUATIVE:
            return None  # "he called the storming of parliament treasonous": no agent of it
        if last is not None:
            light = doc.tokens[last].start
            gap = self._tokens_fast(light, trig.start)[1:]
            if sum(t.is_word for t in gap) > 4 or any(
                    t.lower in PREPOSITIONS and t.lower not in ("with", "on") or
                    t.text in (",", ";") for t in gap):
                return None
            subj = [m for m in before if m.end <= light]
            verb = last
            while verb > lo and doc.words[verb - 1] in _LIGHT_VERBS:
                verb -= 1  # "carried out"
            if verb > 0 and doc.words[verb - 1] == "and" and \
                    doc.token_sentence[verb - 1] == trig.sentence:
                # "Russian troops shelled Ukrainian positions and carried out air strikes":
                # the subject of the first verb, not its object
                sent = doc.sentences[trig.sentence]
                first = next((m for m in self.between(sent.start, light)
                              if self.actor_id(m) and not (m.demonym and not m.official) and
                              not self._in_prepositional_phrase(m, sent.start)), None)
                if first is not None:
                    return self.actor_id(first)
            return self._subject(subj, clause, light) if subj else None
        return None

    def _owner_of_own_act(self, trig: Trigger, before: list[MentionRef],
                          clause: tuple[int, int]) -> str | None:
        """"Attal offered his resignation", "announced her resignation": the subject of the
        verb whose own act the noun is."""
        doc = self.doc
        k = trig.first
        if k < 2 or doc.words[k - 1] not in ("his", "her", "their") or \
                not (doc.words[k - 2] in _OWN_ACT_VERBS or doc.words[k - 2] in _LIGHT_VERBS or
                     doc.words[k - 2] in self.lex.reporting):
            return None
        verb = doc.tokens[k - 2].start
        subj = [m for m in before if m.end <= verb]
        return self._subject(subj, clause, verb) if subj else None

    def _in_reduced_relative(self, m: MentionRef, limit: int) -> bool:
        """``m`` follows "<noun> suspected of", "accused of", "charged with" ... in its
        sentence, with no comma between, and an auxiliary of the main verb follows it before
        ``limit`` ("A man suspected of shooting Charlie Kirk was taken into custody": not Kirk;
        but "accused of helping Iran attack Israel": Iran attacks)."""
        doc = self.doc
        if not any(w in _MAIN_AUXILIARIES for w in doc.words_between(m.end, limit)):
            return False
        k = doc.first_token_at_or_after(m.start)
        lo = doc.sentence_tokens[doc.token_sentence[k]][0] if k < len(doc.tokens) else k
        for r in range(k - 1, max(lo + 1, k - 8) - 1, -1):
            w = doc.words[r]
            if w in (",", ";", ":"):
                return False
            if w in ("of", "with", "for") and doc.words[r - 1] in _REDUCED_RELATIVES and \
                    r - 2 >= lo and doc.tokens[r - 2].is_word and \
                    doc.words[r - 2] not in _AUXILIARIES:
                return True  # (not "he was accused of killing Kirk")
        return False

    def _suffered(self, m: MentionRef, gap: list[Token], trig: Trigger) -> bool:
        """Where a country's worst or deadliest event happened, named after "in": one it
        suffered ("killed 14 people in Czech Republic's worst mass shooting", "In Pakistan's
        worst bombing in years"); but "Russia's deadliest attack in months", "in Russia's
        deadliest attack on Kyiv", "in Russia's deadliest missile strike" are theirs."""
        if not m.country or trig.type in _WEAPON_STRIKES or \
                not any(t.lower in _SUFFERED for t in gap) or \
                self.doc.word_before(0, m.start) != "in":
            return False
        nxt = self.doc.words[trig.last + 1:trig.last + 2]
        return nxt not in (["on"], ["against"])

    def _relative_antecedent(self, trig_clause: tuple[int, int], trig: Trigger
                             ) -> tuple[str | None, int] | None:
        """For a verb whose subject is "who"/"which" just before it: the actor the pronoun
        stands for (the mention just before it, None when that is no named actor) and where
        the pronoun starts; None when the verb is not in such a relative clause."""
        doc = self.doc
        lo = doc.first_token_at_or_after(trig_clause[0])
        k = next((j for j in range(trig.first - 1, max(lo, trig.first - 4) - 1, -1)
                  if doc.words[j] in ("who", "which")), None)
        if k is None:
            return None
        if any(doc.words[j] not in _RELATIVE_FILLERS for j in range(k + 1, trig.first)):
            return None  # "which they recaptured": the relative clause has its own subject
        start = doc.tokens[k].start
        j = k - 1
        if j >= 0 and doc.words[j] == ",":
            j -= 1
        if j < 0:
            return None, start
        tok = doc.tokens[j]
        found = next((m for m in self.between(max(0, tok.start - 80), tok.end)
                      if m.end == tok.end), None)
        sent = doc.sentence_at(start)
        if found is None or self._in_prepositional_phrase(found, sent.start if sent else 0):
            return None, start  # "protesters in Paris who set fire": the protesters
        return self.actor_id(found), start

    def _governed_noun(self, trig: Trigger, m: MentionRef) -> bool:
        """A temporal or causal preposition stands between the mention and the noun trigger
        after it ("X drops the bill after protests"): the mention acts in the other event."""
        return any(t.lower in _SEPARATING for t in self._tokens_fast(m.end, trig.start))

    def _targets(self, trig: Trigger, after: list[MentionRef], passive: bool, roles: Roles
                 ) -> tuple[list[str], list[MentionRef]]:
        targets: list[str] = []
        objects: list[MentionRef] = []
        judged = trig.entry.lemma in _JUDGED
        if trig.type == "Accusation" and trig.pos == "v" and not passive:
            # "Hezbollah blamed Israel for the blasts", "Kyiv accused Moscow of war crimes"
            for m in after[:1]:
                aid = self.actor_id(m)
                if aid and aid != roles.agent and not m.demonym and \
                        self.doc.words_between(trig.end, m.start) in ([], ["the"]):
                    return [aid], [m]
        if trig.type not in ATTACK_TYPES and trig.type not in TERRITORY_TYPES and not judged:
            return targets, objects
        if passive and roles.passive_subject and (trig.type in ATTACK_TYPES or judged):
            targets.extend(roles.passive_co)  # "Ana Lopez and Mark Green were killed": both
            targets.append(roles.passive_subject)
        for m in after[:3]:
            if self._modifies(m):
                continue  # "struck a Barbados-flagged bulk carrier": the carrier is struck
            if (self.doc.text[m.start:m.end].isupper() or m.kind == "place") and \
                    names_a_weapon(self.doc.words, self.doc.first_token_at_or_after(m.end),
                                   self.lex):
                continue  # "fired ATACMS missiles": the weapon's name (but "struck Hamas
                # rocket launchers", "Russia missile sites": whose they were)
            gap = self._tokens_fast(trig.end, m.start)
            words = [t.lower for t in gap]
            if m.kind == "person" and trig.type in ATTACK_TYPES and _apposition_gap(words):
                # "detained the mayor of Istanbul, Ekrem Imamoglu,": the named holder
                objects.append(m)
                if m.entity not in targets and m.entity != roles.agent:
                    targets.append(m.entity)
                break
            if len(gap) > 6 or any(t.text in (",", ";", ":") for t in gap):
                break
            direct = trig.pos == "v" and not passive and all(
                w not in PREPOSITIONS or w == "of" and len(words) > 1 for w in words)
            marked = words[:1] in (["on"], ["against"]) or (
                trig.pos == "n" and words[:1] == ["of"] and
                (m.kind == "person" or words[-1] in ("of", "the") or
                 words[-1] in _PLACE_FILLERS))
            # ("the barrage of ballistic missiles Iran fired": Iran is no object of it; but
            # "the murder of teacher Samuel Paty")
            if not (direct or marked):
                continue
            if m.kind != "person" and words[-1:] == ["of"] and trig.type in ATTACK_TYPES:
                # "detained the mayor of Istanbul, Ekrem Imamoglu,", "the leader of Hamas,
                # Yahya Sinwar,": the named holder
                m = self._appositive(m, after) or m
            if self.doc.text[m.end:m.end + 2] in ("'s", "’s") and m.kind != "place":
                # "arrested Kiprono's former finance officer, James Mwangi,": the possessor
                # is not the object; an appositive name after a comma ("Hamas's leader Yahya
                # Sinwar": a title and a name) is
                m = self._titled_person(m, after) or self._appositive(m, after)
                if m is None:
                    break
            m = self._titled_person(m, after) or m  # "of UnitedHealthcare CEO Brian Thompson"
            objects.append(m)
            if judged and m.kind == "person" or \
                    trig.type in ATTACK_TYPES and (m.kind != "place" or m.facility):
                aid = m.entity if m.kind == "place" else self.actor_id(m)
                if aid and aid not in targets and aid != roles.agent:
                    targets.append(aid)
            break
        return targets, objects

    def _subject_of_clause_before(self, clause: tuple[int, int],
                                  bounds: list[tuple[int, int]]) -> str | None:
        """"Russian forces suffered heavy losses but captured the village": the verb after
        "but" shares the subject of the clause before it."""
        earlier = [b for b in bounds if b[1] <= clause[0]]
        if not earlier:
            return None
        lo, hi = earlier[-1]
        return self._subject(self.between(lo, hi), (lo, hi), hi)

    def _shared_subject(self, before: list[MentionRef], clause: tuple[int, int]) -> str | None:
        """The subject a verb after "and" shares with the clause's first verb ("Ukrainian
        troops have pushed Russian forces back from Kharkiv and reached the border": the
        troops, not the forces pushed), or None when the clause opens with no actor."""
        k = self.doc.first_token_at_or_after(clause[0])
        if k < len(self.doc.words) and self.doc.words[k] in _PRONOUNS:
            # "said it had killed 300 Russian soldiers and destroyed 12 tanks": it destroyed
            return self._resolve_pronoun(self.doc.tokens[k], clause, speaker=False)
        first = next((m for m in before if self.actor_id(m) and not m.people and
                      not self._in_prepositional_phrase(m, clause[0])), None)
        if first is None:
            return None
        lead = self.doc.words_between(clause[0], first.start)
        if any(w not in _ARTICLES and not w.isdigit() for w in lead) and \
                not all(t.is_cap for t in self.doc.tokens_between(clause[0], first.start)):
            return None  # ("After the talks, Russia ..." : not the clause's first words)
        return self.actor_id(first)

    def _describes_person(self, m: MentionRef, mentions: list[MentionRef]) -> bool:
        """A demonym that only describes the titled person after it ("Israeli military
        spokesman Rear Adm. Daniel Hagari"), or an employer before a title of the person
        ("Jeju Air chief executive Kim E-bae")."""
        if not m.demonym and m.kind not in ("organization", "media"):
            return False
        nxt = next((n for n in mentions if n.start >= m.end), None)
        if nxt is None or nxt.kind != "person":
            return False
        between = self._tokens_fast(m.end, nxt.start)
        if m.demonym:
            return len(between) <= 5
        return 0 < len(between) <= 4 and all(t.is_word and not t.is_cap for t in between) \
            and tuple(t.lower for t in between) in self.lex.titles  # (not "The UN envoy met")

    def _object_of_speech(self, trig: Trigger) -> bool:
        """The event noun is the object of a verb that judges it ("condemned the attack",
        "denounced the brutal killing"; not "said the strike killed five")."""
        k = trig.first
        gap = self.doc.words[max(0, k - 4):k]
        return any(w in _judging_verbs(self.lex) and all(t[:1].isalpha() for t in gap[n + 1:])
                   for n, w in enumerate(gap))

    def _possessed(self, m: MentionRef) -> str | None:
        """The word after a mention in the possessive ("Ukraine's military" -> "military"),
        or None when the mention is no possessive."""
        if self.doc.text[m.end:m.end + 2] not in ("'s", "’s"):
            return None
        k = self.doc.first_token_at_or_after(m.end + 2)
        return self.doc.words[k] if k < len(self.doc.words) else ""

    def _after_preposition(self, trig: Trigger) -> bool:
        """The trigger noun is the object of a preposition ("into the attack")."""
        k = trig.first - 1
        while k >= 0 and trig.first - k <= 3 and self.doc.words[k] in _DETERMINERS_ONLY:
            k -= 1
        return k >= 0 and self.doc.words[k] in PREPOSITIONS

    def _others_of(self, m: MentionRef) -> bool:
        """The mention follows "of" after a word for others of it, over up to three lower-case
        words ("supporters of former president Jair Bolsonaro", "allies of Hamas")."""
        k = self.doc.first_token_at_or_after(m.start)
        j = k - 1
        while j > 0 and k - j <= 3 and self.doc.words[j] != "of" and \
                self.doc.tokens[j].is_word and not self.doc.tokens[j].is_cap:
            j -= 1
        return j > 0 and self.doc.words[j] == "of" and self.doc.words[j - 1] in _OTHERS_OF

    def _possesses_place(self, m: MentionRef) -> bool:
        """A possessive before a place or a rank ("Ukraine's largest port", "Libya's
        capital")."""
        nxt = self._possessed(m)
        return nxt is not None and (nxt in _SETTLEMENTS or nxt in _PLACE_FILLERS or
                                    nxt in ("harbour", "harbor") or _rank(nxt))

    def _owner_of_speaker(self, m: MentionRef) -> bool:
        """A country in the possessive before who speaks ("in Mariupol, Ukraine's military
        said"; but "Libya's capital", "Ukraine's Black Sea port")."""
        return self._possessed(m) in _SPEAKING_BODIES

    def _speakers_place(self, m: MentionRef, sent_start: int, trig_start: int) -> bool:
        """ "officials in Damascus said", "sources in Kyiv told": a capital, where a
        government's people report from, right before their reporting verb, which comes before
        the trigger (officials in a town of the events may well be where they are)."""
        if not m.capital_of and self.doc.text[m.start:m.end].lower() not in self.lex.capitals:
            return False
        words = self.doc.words_between(sent_start, m.start)
        after = self.doc.words_between(m.end, trig_start)
        return len(words) >= 2 and words[-1] in ("in", "from") and words[-2] in _SPEAKERS and \
            bool(after) and after[0] in self.lex.reporting

    def _related_to(self, m: MentionRef, sent_start: int) -> bool:
        """ "ships linked to Israel", "militias loyal to Iran": the place a thing is related
        to, not where anything happens."""
        words = self.doc.words_between(sent_start, m.start)
        if words[-1:] == ["the"]:
            words = words[:-1]
        return words[-1:] == ["to"] and words[-2:-1] != [] and words[-2] in _RELATING

    def _qualifies_a_place(self, m: MentionRef) -> bool:
        """A sea's name qualifies a place told elsewhere: "the Red Sea city", "the Black Sea
        port" (but "the Black Sea port of Odesa" names it, and "the Odesa port" is Odesa)."""
        doc = self.doc
        k = doc.first_token_at_or_after(m.end)
        last = doc.text[m.start:m.end].split()[-1].lower()
        return last in _WATERS and doc.word_before(0, m.start) == "the" and \
            k + 1 < len(doc.words) and doc.words[k] in _SETTLEMENTS and \
            doc.tokens[k].text.islower() and doc.words[k + 1] != "of"

    def _opening_adjunct_end(self, trig: Trigger, first: int) -> int | None:
        """Where the temporal opener that names the (noun) trigger ends ("Hours after the
        earthquake, ...", "Following the attack on Kherson, ..."): the offset of its comma."""
        if trig.pos != "n":
            return None
        words = self.doc.words
        k = trig.first - 1
        while k > first and words[k] in _OPENER_FILLERS:
            k -= 1
        if words[k] not in ("after", "before", "since", "following") or \
                any(w in (",", ";") for w in words[first:k]) or k - first > 3:
            return None
        b = self.doc.sentence_tokens[trig.sentence][1]
        comma = next((j for j in range(trig.last + 1, min(b, trig.last + 12))
                      if words[j] == ","), None)
        return None if comma is None else self.doc.tokens[comma].start

    def _birthplace(self, m: MentionRef) -> bool:
        """A place someone was born or grew up in ("Prevost, born in Chicago, led ..."), a
        body's seat ("a group based in Oslo"), or where someone is a citizen of ("citizens of
        Tajikistan"), is no place of an event (but "The issue was raised in Geneva")."""
        k = self.doc.first_token_at_or_after(m.start)
        if k >= 2 and self.doc.words[k - 1] == "of" and self.doc.words[k - 2] in _NATIONALS:
            return True  # "citizens of Tajikistan, were charged": a nationality
        if k >= 2 and self.doc.words[k - 1] == "from" and self.doc.words[k - 2] in _FROM_PLACES:
            return True  # "a doctor from Saudi Arabia, was detained": where someone is from
        j = k - 2 if k >= 2 and self.doc.words[k - 1] == "the" else k - 1
        if j >= 0 and self.doc.words[j] in _ACCUSING:
            return True  # "blamed Israel for the blasts": the accused, not where they were
        if k >= 2 and self.doc.words[k - 1] == "in" and self.doc.words[k - 2] in _BASED:
            return True  # "Iran Human Rights, a group based in Oslo, said": its seat
        return k >= 2 and self.doc.words[k - 2:k] == ["born", "in"] or \
            k >= 4 and self.doc.words[k - 4:k] == ["born", "and", "raised", "in"] or \
            k >= 3 and self.doc.words[k - 3:k] == ["grew", "up", "in"]

    def _ranks_in(self, m: MentionRef) -> bool:
        """A continent where something ranks ("at Europe's largest nuclear power plant") is
        no place of the event (a country or a city is: "Kharkiv's largest market")."""
        nxt = self._possessed(m)
        return nxt is not None and self.doc.text[m.start:m.end].lower() in _CONTINENTS and \
            _rank(nxt)

    def _modifies(self, m: MentionRef) -> bool:
        """The name opens a hyphenated modifier ("a Barbados-flagged carrier", "Iran-backed
        militias"): it is neither the object nor the place of the event."""
        text = self.doc.text
        if text[m.end:m.end + 1] not in ("-", "‑"):
            return False
        tail = _WORD_AFTER_HYPHEN.match(text, m.end + 1)
        return tail is not None and tail.group().islower()

    def _titled_person(self, m: MentionRef, after: list[MentionRef]) -> MentionRef | None:
        """The person a body's name and a title introduce ("UnitedHealthcare CEO Brian
        Thompson", "Kremlin spokesman Dmitry Peskov"), or None."""
        place = m.kind == "place" and not m.facility
        if m.kind not in ("organization", "media", "military_unit") and not place:
            return None
        nxt = next((n for n in after if n.start >= m.end), None)
        if nxt is None or nxt.kind != "person":
            return None
        gap = tuple(t.lower for t in self._tokens_fast(m.end, nxt.start))
        if place and self.doc.text[m.end:m.end + 2] not in ("'s", "’s"):
            return None  # (but "Niger's President Mohamed Bazoum": a country's title holder)
        return nxt if 0 < len(gap) <= 3 and gap in self.lex.titles else None

    def _appositive(self, m: MentionRef, after: list[MentionRef]) -> MentionRef | None:
        """The person named after a comma that closes the noun phrase ``m`` opens."""
        for n in after:
            if n.start <= m.end:
                continue
            gap = self._tokens_fast(m.end, n.start)
            if len(gap) <= 6 and gap and gap[-1].text == "," and n.kind == "person" and \
                    sum(1 for t in gap if t.text == ",") == 1:
                return n
            return None
        return None

    def _places(self, trig: Trigger, before: list[MentionRef], after: list[MentionRef],
                objects: list[MentionRef], roles: Roles, sent_start: int, sent_end: int
                ) -> list[str]:
        places: list[str] = []
        used = set(roles.targets) | {roles.agent}
        candidates: list[tuple[int, MentionRef]] = []
        first_in_clause = before[0] if before else None
        undergoer = None
        impact = self._impact_object(trig, after)
        if impact is not None and impact not in objects:
            objects = [*objects, impact]
        first = self.doc.sentence_tokens[trig.sentence][0]
        answered = answers_before(self.doc.words, max(first, trig.first - 5), trig.first)
        opener = self._opening_adjunct_end(trig, first)
        if opener is not None:
            # "Hours after the earthquake, a strike on Nawnghkio killed seven": the strike's
            # place; the quake named in the opener has only the opener's own
            before, after = [], [m for m in after if m.end <= opener]
        for m in after if answered else before + after:
            # ("struck Iran in retaliation for the barrage": not where the barrage was; a
            # dateline's town is where the report was filed: see _dateline_place)
            if m.kind != "place" or m.demonym or m.entity in used or self._modifies(m) or \
                    self.doc.in_dateline(m.start) or \
                    self._ranks_in(m) or self._birthplace(m) or self._qualifies_a_place(m):
                continue
            if m.end <= trig.start and trig.pos == "n" and \
                    self._suffered(m, self._tokens_fast(m.end, trig.start), trig) and \
                    any(c.kind == "place" and not c.country for c in before + after):
                continue  # "14 people in Prague ... in Czech Republic's worst mass shooting"
            if m.capital_of and m not in objects and self._is_actor_position(m) and \
                    trig.type not in TERRITORY_TYPES:
                continue
            if trig.type in _SPEECH_TYPES and not (
                    m.start >= trig.end and len(self._tokens_fast(trig.end, m.start)) <= 2):
                continue
            prep = self._governing_preposition(m, sent_start)
            if m.end <= trig.start and trig.pos == "n" and prep not in (None, "of") and \
                    self._object_of_speech(trig):
                continue  # "Leaders across Europe condemned the attack": the leaders' place
                # (but "the governor of Kursk said ... shelling": the governor's region, and
                # "Mozambique reported outbreaks": the country)
            if prep == "between" and trig.type in GROUP_TYPES and self.actor_id(m):
                continue  # "talks between Russia and Ukraine": parties, not places
            if prep == "from" and trig.type == "Protest" and m.start > trig.end and \
                    self.doc.words_between(trig.end, m.start) in (["from"], ["from", "the"]) \
                    and not self._stretch_after(m):
                continue  # "Despite protests from China": who protests, not where (but
                # "Protests from Belgrade to Novi Sad": a stretch)
            if prep in ("over", "about", "against") and \
                    self.doc.text[m.end:m.end + 2] in ("'s", "’s") and \
                    self._possessed_thing(m.end + 2):
                continue  # "talks over Tehran's nuclear program": what they are about (but
                # "drones over Russia's Belgorod region", "over London's Heathrow airport")
            if m.end <= trig.start and prep in ("in", "from") and \
                    self._speakers_place(m, sent_start, trig.start) and \
                    any(x.kind == "place" and x.start > trig.start and not x.demonym
                        for x in after):
                continue  # "Officials in Damascus said the attacks in Latakia had been
                # repelled": where the speakers are, not where the attacks were (but
                # "Authorities in Kyiv said a missile attack damaged buildings in the city")
            if prep == "to" and self._related_to(m, sent_start):
                continue  # "attacking ships linked to Israel": whom they belong to
            if m.end <= trig.start and self._on_route(m, before, prep, sent_start):
                continue  # "a jet flying from Baku to Grozny in Russia crashed near Aktau"
            if m.start >= trig.end and self._launch_site(trig, m):
                continue  # "was hit by Kh-22 missiles launched by Tu-22M3 bombers flying over
                # Russia's Kursk region": where the weapon came from
            if prep in ("from", "of") and trig.type not in _AWAY and \
                    self._origin(m, sent_start):
                continue  # "officials from the UAE met ... in Port Sudan": where they come from
                # (but "the withdrawal of its troops from Kharkiv": the place it concerns)
            territorial = m in objects and (trig.type in TERRITORY_TYPES or m is impact or
                                            trig.type in ATTACK_TYPES and not m.facility and
                                            trig.type not in _NOT_PLACED_OBJECTS)
            subject = m is first_in_clause and (
                trig.type in ATTACK_TYPES or trig.entry.lemma == "fall" or
                trig.type in _TAKEN_TYPES and trig.pos == "v") and \
                not m.country and prep is None and self._undergoes(m, trig)
            hosted = trig.type in _HOSTED and m.country and m.end <= trig.start and \
                len(self._tokens_fast(m.end, trig.start)) <= 3
            # ("pulled out of Avdiivka": where the pullout was; "companies pulled out of
            # Russia after the invasion": not where the invasion was)
            marked = prep in _PLACE_PREPS or territorial or subject or hosted or \
                prep == "out of" and trig.type in _AWAY
            if not marked:
                continue
            distance = m.start - trig.end if m.start >= trig.end else (trig.start - m.end) * 2
            candidates.append((distance, m))
            if subject:
                # "Mariupol, on the Sea of Azov, came under attack": not the apposition's place
                undergoer = m
        if undergoer is not None:
            candidates = [c for c in candidates
                          if not undergoer.end <= c[1].start < trig.start]
        if not candidates:
            return places
        candidates.sort(key=lambda c: (c[0], c[1].start))
        best = candidates[0][1]
        # "the southern Gaza city of Rafah", "the Kharkiv region town of Balakliia": the
        # place the head noun names
        best = next((m for m in after if m.kind == "place" and not m.demonym and
                     m.start > best.end and self._settlement_of(best, m.start)), best)
        if best.country:
            # "in Mozambique's capital Maputo": the place inside the country
            inner = next((m for m in after if m.kind == "place" and not m.country and
                          not m.demonym and m.start > best.end and
                          self.doc.text[best.end:best.end + 2] in ("'s", "’s") and
                          len(self._tokens_fast(best.end, m.start)) <= 3), None)
            best = inner or best
        places.append(best.entity)
        # "captured the villages of Stepove and Berdychi", "retaken Cherkaski Tyshky, Ruski
        # Tyshky, Rubizhne and Bairak": the other places of a list that ends with "and"
        listed, prev = [], best
        for m in (m for m in after if m.start > best.end):
            join = self.doc.text[prev.end:m.start]
            if join not in (", ", " and ", ", and ") or m.kind != "place" or m.demonym or \
                    m.country or best.country or m.entity in used:
                break
            listed.append(m.entity)
            prev = m
            if join != ", ":
                places.extend(e for e in listed if e not in places)
                break
        # "in Biskvitne, Ukraine": a country right after the place
        nxt = [m for m in after if m.start >= best.end and m.start - best.end <= 3
               and m.kind == "place" and m.country]
        if nxt and self.doc.text[best.end:nxt[0].start].strip() == "," and \
                nxt[0].entity not in places and not self._owner_of_speaker(nxt[0]):
            places.append(nxt[0].entity)  # (not "in Mariupol, Ukraine's military said")
        return places

    def _settlement_of(self, place: MentionRef, start: int) -> bool:
        """Only "city of", "town of", "port of" ... lies between the place and ``start``, or
        only "of" after a place ending in such a word ("the Mississippi Delta town of")."""
        words = [t.lower for t in self._tokens_fast(place.end, start)]
        if words[:1] == [","]:
            return False  # "El Fasher, the capital of North Darfur": an apposition
        if words == ["of"]:
            last = self.doc.text[place.start:place.end].rsplit(None, 1)[-1].lower()
            return last in _SETTLEMENTS
        return 2 <= len(words) <= 4 and words[-1] == "of" and words[-2] in _SETTLEMENTS

    def _circumstance_place(self, trig: Trigger, clause: tuple[int, int],
                            bounds: list[tuple[int, int]], roles: Roles, sent: SentenceSpan
                            ) -> list[str]:
        """ "21 people were killed when a crowd surged into a lane in Plovdiv": deaths counted
        in the main clause happened where the next clause, which tells how, took place."""
        if clause not in bounds:
            return []
        idx = bounds.index(clause)
        if idx + 1 >= len(bounds):
            return []
        nxt = bounds[idx + 1]
        k = self.doc.first_token_at_or_after(nxt[0])
        if k >= len(self.doc.words) or self.doc.words[k] not in _CIRCUMSTANCE:
            return []
        return self._places(trig, [], self.between(*nxt), [], roles, sent.start, sent.end)

    def _antecedent_place(self, trig: Trigger, clause: tuple[int, int],
                          bounds: list[tuple[int, int]], objects: list[MentionRef]
                          ) -> list[str]:
        """ "near the village of Robotyne, which they recaptured in August", "in Kherson,
        where shelling continued": the place a relative clause hangs on."""
        doc = self.doc
        k = doc.first_token_at_or_after(clause[0])
        if k >= len(doc.words) or doc.words[k] not in ("which", "where") or clause not in bounds:
            return []
        if doc.words[k] == "which" and (trig.pos != "v" or objects):
            return []  # "which" is the object of the verb it opens the clause for
        i = bounds.index(clause)
        if i == 0 or doc.words[k - 1] != ",":
            return []
        prev = [m for m in self.between(*bounds[i - 1]) if m.kind == "place" and not m.demonym]
        if prev and not doc.words[doc.first_token_at_or_after(prev[-1].end):k - 1]:
            return [prev[-1].entity]
        return []

    def _closing_mark(self, verb: int, floor: int) -> int | None:
        """Where a report that closes its sentence begins: the end of the last comma or
        quotation mark within the eight words before the verb ("..., police chief X said")."""
        doc = self.doc
        lo = max(doc.first_token_at_or_after(floor), verb - 8)
        for k in range(verb - 1, lo - 1, -1):
            if doc.words[k] in _CLOSERS and not (doc.words[k] in ('"', "”") and not any(
                    q[1] == doc.tokens[k].end for q in doc.quotes)):
                return doc.tokens[k].end  # (not the marks of a nickname: 'Ismael "El
                # Mayo" Zambada said', which close no quotation)
        return None

    def _temporal_subordinate(self, clause: tuple[int, int]) -> bool:
        """ "..., a day after he was shot in an assassination attempt": a clause that places
        another, earlier or later, event in time; where the story was filed says nothing
        about where that one happened."""
        words = self.doc.words
        k = self.doc.first_token_at_or_after(clause[0])
        if k < len(words):
            k = measured_opener(words, k)
        return k < len(words) and words[k] in _TEMPORAL_CONJUNCTIONS

    def _dateline_place(self, start: int, end: int, roles: Roles) -> list[str]:
        """"KYIV, May 14 (Reuters) - A drone attack on Sunday killed two people": an event of
        the dateline's sentence that names no place of its own happened where it was filed."""
        for s, e in self.doc.datelines:
            if start <= s < end:
                if "/" in self.doc.text[s:e].split(",", 1)[0]:
                    return []  # "MOSCOW/KYIV, April 15 -": filed from two cities, placed in
                    # neither
                filed = [m.entity for m in self.between(s, e)
                         if m.kind == "place" and not m.demonym and m.entity not in roles.targets]
                if filed and any(m.kind == "place" and not m.demonym and m.entity not in filed
                                 and (not m.country or
                                      self.doc.word_before(e, m.start) in _PART_OF_A_COUNTRY)
                                 for m in self.between(e, end)):
                    return []  # "MOSCOW - ... the bridge linking Russia to the Crimean
                    # peninsula", "KATHMANDU - ... hill districts of western Nepal": another
                    # place named in the sentence; not where it was filed
                return filed[:1]
        return []

    def _impact_object(self, trig: Trigger, after: list[MentionRef]) -> MentionRef | None:
        """"An earthquake struck the Jajarkot district": the object of an impact verb."""
        if trig.pos != "n":
            return None
        toks = self._tokens_fast(trig.end, trig.end + 80)[:7]
        # "An earthquake of magnitude 5.8 shook ...": over the noun's own modifiers
        toks = toks[:next((n for n, t in enumerate(toks) if not t.is_word and t.text != "." and
                           not t.is_number), len(toks))]
        verb = next((t for t in toks if t.lower in _IMPACT), None)
        if verb is None:
            return None
        for m in after:
            if m.start < verb.end:
                continue
            gap = self._tokens_fast(verb.end, m.start)
            if len(gap) <= 4 and not any(t.text in (",", ";") for t in gap) and \
                    m.kind == "place":
                return m
            break
        return None

    def _undergoes(self, m: MentionRef, trig: Trigger) -> bool:
        """"Kharkiv had faced bombardment": the subject suffers a noun trigger; "Kharkiv was
        shelled overnight", "Saltivka was pounded for weeks": the subject of a passive verb
        right after it; "Mariupol fell to Russian forces": the subject of "fall"."""
        between = self._tokens_fast(m.end, trig.start)
        auxiliaries = all(t.lower in _PASSIVE_AUX or t.lower in _BEFORE_PASSIVE for t in between)
        if trig.entry.lemma == "fall":
            return auxiliaries  # "Mariupol fell to Russian forces", "Kherson had fallen"
        if trig.entry.lemma.startswith("under "):
            return len(between) <= 3  # "Kharkiv came under heavy fire", "the area was still
            # under fire"
        if trig.pos == "n":
            return any(t.lower in _UNDERGO for t in between)
        return 0 < len(between) <= 4 and auxiliaries and self._passive(trig, (m.start, trig.end))

    def _after_comma(self, m: MentionRef, trig: Trigger) -> bool:
        return any(t.text == "," for t in self._tokens_fast(trig.end, m.start))

    def _possessed_thing(self, offset: int) -> bool:
        """The words after a possessive at ``offset`` name a thing, not a place ("Tehran's
        rapidly advancing nuclear program"; not "Russia's Belgorod region", "Gaza's north")."""
        k = self.doc.first_token_at_or_after(offset)
        if k >= len(self.doc.tokens):
            return False
        tok = self.doc.tokens[k]
        if tok.lower.endswith("ern") and k + 1 < len(self.doc.tokens):
            tok = self.doc.tokens[k + 1]  # "over Kyiv's western districts"
        return tok.is_word and not tok.is_cap and tok.lower not in _PLACE_NOUNS

    def _starts_relative(self, span: tuple[int, int]) -> bool:
        toks = self._tokens_fast(span[0], span[1])
        return bool(toks) and toks[0].lower in ("which", "who", "whose", "where")

    def _stretch_after(self, m: MentionRef) -> bool:
        """ "from Belgrade to Novi Sad": the place opens a stretch."""
        k = self.doc.first_token_at_or_after(m.end)
        return self.doc.words[k:k + 1] == ["to"] and k + 1 < len(self.doc.tokens) and \
            self.doc.tokens[k + 1].is_cap

    def _origin(self, m: MentionRef, floor: int) -> bool:
        """ "officials from the UAE", "mediation from Qatar", "condemnation from France":
        "from" after a noun of people, help or reaction names where they come from."""
        if self._stretch_after(m):
            return False  # "Protests from Belgrade to Novi Sad": a stretch, not an origin
            # (but "officials from Qatar to discuss")
        noun = self._noun_before_from(m, floor)
        return noun in _FROM_NOUNS or noun in _REACTIONS

    def _noun_before_from(self, m: MentionRef, floor: int) -> str | None:
        """The word before the "from" that governs ``m`` (over a list of names before it)."""
        toks = self._tokens_fast(max(floor, m.start - 90), m.start)
        words = [t.lower for t in toks]
        if len(words) >= 2 and words[-1] == "of" and words[-2] in _SETTLEMENTS:
            del words[-2:]  # "a boy from the nearby village of Banks"
        while words and (words[-1] in ("the", "a", "an") or words[-1] in NEARNESS):
            words.pop()
        # "condemnation from the United States, France and ...": a later name of the list;
        # "pressure from U.S. President Donald Trump": a name after its titles
        k = len(words) - 1
        while k > 0 and (words[k] in (",", "and", "the") or toks[k].is_cap):
            k -= 1
        words = words[:k + 1]
        return words[-2] if len(words) >= 2 and words[-1] == "from" else None

    def _on_route(self, m: MentionRef, before: list[MentionRef], prep: str | None,
                  floor: int) -> bool:
        """Before the trigger, a place a journey starts from or heads to ("flying from Baku to
        Grozny in Russia"), or the place such an end lies in, is no place of the event."""
        if prep in ("from", "to", "toward", "towards"):
            return self._route_verb_before(m, floor)
        if prep != "in":
            return False
        prev = next((p for p in reversed(before) if p.end <= m.start), None)
        return prev is not None and prev.kind == "place" and \
            [t.lower for t in self._tokens_fast(prev.end, m.start)] == ["in"] and \
            self._on_route(prev, before, self._governing_preposition(prev, floor), floor)

    def _launch_site(self, trig: Trigger, m: MentionRef) -> bool:
        """Between the trigger and the place, a word of launching or flying and then "over",
        "from" or "above": the place the weapon came from."""
        words = [t.lower for t in self._tokens_fast(trig.end, m.start)]
        return any((w in _LAUNCHED or w in _JOURNEY) and
                   any(x in ("over", "from", "above") for x in words[n + 1:n + 4])
                   for n, w in enumerate(words))

    def _route_verb_before(self, m: MentionRef, floor: int) -> bool:
        words = [t.lower for t in self._tokens_fast(max(floor, m.start - 120), m.start)][-8:]
        return any(w in _JOURNEY for w in words)

    def _governing_preposition(self, m: MentionRef, floor: int) -> str | None:
        """The preposition a place depends on: "in Dergachi", "in the northeast suburb of X"."""
        toks = self._tokens_fast(max(floor, m.start - 80), m.start)
        for n, t in enumerate(reversed(toks[-5:])):
            low = t.lower
            if low == "of":
                # "the city of X", "the outskirts of X", not "with the help of Egypt"
                k = len(toks) - 2 - n
                if k >= 0 and toks[k].lower == "out":
                    return "out of"  # "pulled out of Avdiivka"
                return low if k >= 0 and (toks[k].lower in _PLACE_FILLERS or
                                          toks[k].lower in _OF_PLACE_NOUNS or
                                          toks[k].lower in self._site_heads) else None
            if low in PREPOSITIONS or low in _PLACE_PREPS:
                return low
            if not t.is_word or t.is_cap and low not in self.lex.demonyms:
                return None  # ("in the Danish capital Copenhagen": over the demonym)
            if low not in _PLACE_FILLERS and low not in DETERMINERS and not t.is_cap:
                return None
        return None

    def _is_actor_position(self, m: MentionRef) -> bool:
        sent = self.doc.sentence_at(m.start)
        prev = self._prev_word(m, sent.start if sent else 0)
        return prev not in _PLACE_PREPS and \
            self._governing_preposition(m, sent.start if sent else 0) is None

    def _source(self, reading: Reading, sent_start: int, sent_end: int,
                bounds: list[tuple[int, int]]) -> str | None:
        if reading.according_to is not None:
            a, b = reading.according_to
            start = self.doc.tokens[a].start
            end = self.doc.tokens[b - 1].end
            named = [m for m in self.between(start, end) if self.actor_id(m)]
            # "according to Kharkiv Oblast Administration Head Oleh Synehubov": the head
            person = [m for m in named if m.kind == "person"]
            if person and person[-1] is named[-1] and len(named) > 1 and \
                    len(self._tokens_fast(named[-2].end, person[-1].start)) <= 2:
                return self.actor_id(person[-1])
            if named:
                return self.actor_id(named[0])
        if reading.reporter is not None and not reading.unconfirmed:
            k = reading.reporter
            words = self.doc.words
            if words[k].endswith("ing") and k >= 2 and words[k - 1] == "," and \
                    self.lex.reporting_lemma(words[k - 2]) is not None:
                k -= 2  # "..., health authorities said, accusing Israeli forces of ...": the
                # participle's subject is the speaker of "said"
            verb = self.doc.tokens[k]
            clause = clause_of(bounds, verb.start)
            idx = bounds.index(clause) if clause in bounds else -1
            if idx >= 2 and clause[0] == verb.start and self._starts_relative(bounds[idx - 1]):
                # "Zelensky, who met Biden, said ...": the subject before the relative clause
                main = bounds[idx - 2]
                return self._subject(self.between(*main), main, main[1], speaker=True)
            before = self.between(clause[0], verb.start)
            mark = self._closing_mark(k, clause[0])
            max_gap = _MAX_SUBJECT_GAP
            if mark is not None and words[k] not in REPORTING_NOUNS:
                # (not "..., state media said": "state" is no verb)
                comma = self.doc.first_token_at_or_after(mark) - 1
                found, before_opener = self._apposition_speaker(k, comma, clause, before)
                if found is not None:
                    return found  # "Kyrylo Budanov, the intelligence chief, told Sky News"
                if before_opener:
                    mark, max_gap = None, _MAX_SUBJECT_GAP * 2
            if mark is not None:  # "..., the Israeli military said": after the last comma
                before = [m for m in before if m.start >= mark]
            # ("died of wounds he suffered ..., the army said": not "he")
            subj = self._subject(before, clause, verb.start, speaker=True, max_gap=max_gap,
                                 floor=None if words[k].endswith("ing") else mark)
            if subj:
                return subj
            # "..., said X": the speaker right after a reporting verb that follows a comma
            # (not "..., accusing Israeli forces of ...": whom a participle accuses; nor
            # "..., told Sky News": whom the speaker told)
            prev = self._tokens_fast(max(sent_start, verb.start - 4), verb.start)
            if prev and prev[-1].text in (",", '"', "”") and not verb.lower.endswith("ing") \
                    and verb.lower not in TOLD:
                for m in self.between(verb.end, min(sent_end, verb.end + 40))[:1]:
                    gap = self._tokens_fast(verb.end, m.start)
                    aid = self.actor_id(m)
                    if aid and len(gap) <= 3 and not m.demonym and \
                            not (gap and gap[0].lower == "that"):  # ", warning that Russia"
                        return aid
        return None


# words between a temporal preposition and the event noun it governs ("after the deadly")
_OPENER_FILLERS = frozenset({"the", "a", "an", "this", "that", "last", "week's", "deadly",
                             "powerful", "devastating", "massive", "latest", "first"})
# verbs whose object is the one accused ("blamed Israel for the blasts")
_ACCUSING = frozenset({"blamed", "blames", "blame", "blaming", "accused", "accuses", "accuse",
                       "accusing"})
# nouns of belonging to a country before "of" ("citizens of Tajikistan")
_NATIONALS = frozenset({"citizen", "citizens", "national", "nationals", "native", "natives",
                        "passport", "passports", "subjects"})
# people and craft named with where they come from ("a doctor from Saudi Arabia", "a plane
# from Moscow crashed in Kazakhstan")
_FROM_PLACES = _NATIONALS | frozenset({"man", "woman", "men", "women", "doctor", "resident",
                                       "residents", "immigrant", "immigrants", "refugee",
                                       "refugees", "student", "students", "tourist",
                                       "tourists", "teenager", "boy", "girl", "veteran",
                                       "plane", "flight", "airliner", "jet", "train", "bus",
                                       "ferry", "ship", "vessel"})
_WORD_AFTER_HYPHEN = re.compile(r"[^\W\d_]+")
_RANKS = frozenset({"most", "only", "main", "top", "leading", "second", "third"})
# participles that are passive after "and" when the verb before was ("was arrested ... and
# sentenced"): what is done to someone by courts and police
_DONE_TO = frozenset({"sentenced", "charged", "jailed", "convicted", "fined", "deported",
                      "indicted", "imprisoned", "questioned", "released", "detained",
                      "arrested", "tried", "executed", "expelled", "extradited"})
# what follows a passive participle that takes no object ("sentenced to", "charged with")
_NO_OBJECT = [[w] for w in ("to", "with", "for", "on", "in", "at", "by", "over", ",", ".",
                            "and", "after")]
# what a country in the possessive may head that speaks for it ("Ukraine's military said")
_SPEAKING_BODIES = frozenset({
    "military", "army", "armed", "ministry", "officials", "official", "president", "prime",
    "government", "forces", "troops", "police", "authorities", "leader", "leaders",
    "spokesman", "spokeswoman", "foreign", "defence", "defense", "interior", "health",
    "emergency", "emergencies", "general", "security", "state", "air", "navy", "parliament",
    "national", "top", "chief", "ambassador", "embassy", "intelligence", "prosecutor",
    "prosecutors", "regional", "central"})
# verbs whose object is a person or a state spoken to or of ("urged Washington")
_ADDRESSING = frozenset({"urged", "told", "asked", "thanked", "praised", "accused", "blamed",
                         "warned", "criticised", "criticized", "condemned", "pressed",
                         "implored", "invited", "congratulated", "phoned", "lobbied",
                         "informed", "assured", "reassured", "begged", "summoned"})


def _addressed(toks: list[Token], first: int) -> bool:
    """The mention whose first token is ``first`` is the object of a verb of addressing, alone
    or in a list ("urged Washington and Beijing")."""
    k = first - 1
    while k >= 0 and first - k <= 8:
        w = toks[k].lower
        if w in _ADDRESSING:
            return True
        if not (w in ("and", ",", "the") or toks[k].is_cap and toks[k].is_word):
            return False
        k -= 1
    return False


# Auxiliaries of a passive ("has been opened by")
_PASSIVE_AUXILIARIES = frozenset({"has", "have", "had", "been", "was", "were", "is", "are",
                                  "be", "being"})
# Participles that give a body's seat ("based in Oslo"), not where an event was.
_BASED = frozenset({"based", "headquartered", "registered", "incorporated"})
# what a possessor's others are called ("Russia's allies", "Syria's neighbours"): not the
# possessor
_OTHERS_OF = frozenset({
    "neighbours", "neighbors", "neighbour", "neighbor", "allies", "ally", "rivals", "rival",
    "enemies", "enemy", "foes", "foe", "opponents", "opponent", "critics", "critic",
    "adversaries", "adversary", "partners", "partner", "proxies", "proxy", "backers",
    "creditors", "lenders", "supporters", "supporter", "followers", "loyalists", "son", "sons",
    "daughter", "daughters", "wife", "husband", "brother", "sister", "father", "mother",
    "family", "relatives", "lawyer", "lawyers", "aides", "aide"})
_CONTINENTS = frozenset({"europe", "asia", "africa", "america", "north america",
                         "south america", "latin america", "oceania", "the middle east",
                         "middle east"})


def _rank(word: str) -> bool:
    """A word of rank ("largest", "second-largest", "main")."""
    return word.endswith("est") and len(word) > 4 or word in _RANKS


def _judging_verbs(lex: Lexicon) -> frozenset[str]:
    """Every form of a verb that judges an event ("condemned", "denounced"), not one that
    reports it ("said", "reported": what follows is what happened)."""
    found = lex._sets.get("judging_verbs")
    if found is None:
        found = lex._sets["judging_verbs"] = frozenset(
            word for word, options in lex.triggers.items()
            if lex.reporting_lemma(word) is None and
            any(e.type in _SPEECH_TYPES and e.pos == "v" for _, e, _ in options))
    return found


def _subordinate_between(toks: list[Token], n: int) -> bool:
    """A subordinate clause with a subject of its own opens after ``toks[n - 1]`` ("resigns
    and flees country as protesters storm ..."; not "as well as", "as president")."""
    apposition = n < len(toks) and toks[n].text == ","
    for r in range(n, len(toks) - 1):
        prev = toks[r - 1].lower
        if toks[r].lower in _CLAUSE_OPENERS and toks[r - 1].is_word and \
                toks[r + 1].is_word and not toks[r + 1].is_cap and \
                toks[r + 1].lower not in _NOT_CLAUSE_AFTER and \
                prev not in _AS_TAKERS and \
                not (apposition and prev.endswith("ed") and
                     (r - 1 == n + 1 or r - 1 == n + 2 and toks[n + 1].lower.endswith("ly"))):
            # ("fighters dressed as soldiers attacked", "The Houthis, recognised as the
            # government in Sanaa, attacked"; but "Hasina resigned as protesters stormed")
            return True
    # "Choi, who took over on Friday after parliament impeached Han": the verb at the end
    # has a subject of its own, a common noun after a conjunction of time
    for r in range(max(n, len(toks) - 4), len(toks) - 1):
        rest = toks[r + 1:]
        if toks[r].lower in _TIME_CONJUNCTIONS and all(
                t.is_word and not t.is_cap and t.lower not in _NOT_A_SUBJECT and
                not t.lower.endswith("ed") and t.lower not in irregular_verb_forms()
                for t in rest) and rest[-1].lower not in _DETERMINERS_ONLY:
            return True
    # "would cover the cost of rebuilding the span that collapsed": the relative pronoun
    # right before the verb is its subject, standing for the common noun before it
    return len(toks) - 2 >= n and toks[-1].lower in ("that", "which", "who") and \
        toks[-2].is_word and not toks[-2].is_cap and toks[-2].lower not in _NOT_ANTECEDENTS


_TIME_CONJUNCTIONS = frozenset({"after", "before", "when", "until", "once"})
# (nor a verb or a conjunction: "conceded defeat after polls closed and said")
_NOT_A_SUBJECT = frozenset({"being", "having", "of", "to", "in", "on", "at", "for", "with",
                            "and", "or", "but"})
# Nouns of a claim whose possessor the pronouns of its "that" clause mean.
_CLAIM_NOUNS = frozenset({"assertion", "assertions", "claim", "claims", "statement", "insistence",
                          "announcement", "suggestion", "allegation", "allegations", "denial"})
_DETERMINERS_ONLY = frozenset({"the", "a", "an", "its", "their", "his", "her"})


_CLAUSE_OPENERS = frozenset({"as", "while", "whereas", "because", "although", "though"})
_PROTEST_BREAKS = frozenset({",", ";", "organised", "organized"})
_AS_TAKERS = frozenset({"such", "well", "as", "so", "just", "known", "posing", "posed",
                        "dressed", "disguised", "masked", "described", "regarded", "seen",
                        "identified", "listed", "named", "designated", "serving", "served"})
_NOT_CLAUSE_AFTER = frozenset({"well", "part", "a", "an", "of", "soon", "long", "much", "many",
                               "far", "expected", "usual", "such", "if", "though", "to"})


def _in_relative_clause(toks: list[Token], n: int) -> bool:
    """``toks[n]`` lies inside a relative clause not closed by a comma before it, past the
    clause's first word ("Soldiers who detained President Bazoum announced": not Bazoum;
    "unclear which Russian unit attacked": the unit may be the subject)."""
    for r in range(n - 2, 0, -1):
        w = toks[r].lower
        if w == ",":
            return False
        if w in RELATIVE_PRONOUNS:
            return toks[r - 1].is_word
        prev = toks[r - 1]
        if w == "that" and prev.is_word and (prev.text.islower() or r == 1) and \
                not prev.lower.endswith("ed") and prev.lower not in _NOT_ANTECEDENTS and \
                (toks[r + 1].lower.endswith("ed") or toks[r + 1].lower in _PAST_FORMS):
            return True  # "earthquakes that struck western Japan ... damaged": not Japan
            # (a noun, "that", a past verb: a relative clause, not what is said)
    return False


# Conjunctions opening a clause of "being" + participle that shares the main subject.
_BEING_OPENERS = frozenset({"after", "before", "while", "since", "despite", "without"})
# Auxiliaries of a main verb after a subject ("A man suspected of ... was arrested").
_MAIN_AUXILIARIES = frozenset({"was", "were", "is", "are", "has", "have", "had", "will"})
# Participles that open a reduced relative clause after a noun ("a man suspected of ...").
_REDUCED_RELATIVES = frozenset({"suspected", "accused", "charged", "convicted", "wanted"})
_AUXILIARIES = frozenset({"has", "have", "had", "is", "was", "were", "are", "will", "would",
                          "also", "later", "then", "again"})
# words before "that" that make it no relative pronoun ("said that Russia attacked")
_NOT_ANTECEDENTS = frozenset({"said", "says", "say", "told", "warned", "claimed", "reported",
                              "announced", "noted", "stated", "added", "believe", "believes",
                              "so", "such", "now", "and", "but", "than", "fact", "clear",
                              "sure", "confirmed", "denied", "insisted", "argued", "feared",
                              "given", "except", "provided", "or"})
_PAST_FORMS = frozenset({"struck", "hit", "shook", "swept", "tore", "began", "left", "took",
                         "sent", "brought", "made", "broke", "fell", "spread"})
_CLAUSE_BREAKS = frozenset({",", ";", ":", "and", "but", "or", '"', "“", "”"})


def _last_pronoun(toks: list[Token], lo: int, *, possessive: bool) -> Token | None:
    """The last pronoun from ``toks[lo]`` on that may be a subject ("its"/"their" only with
    ``possessive``); not the object of a verb before it ("a fire left it badly damaged")."""
    for n in range(len(toks) - 1, lo - 1, -1):
        t = toks[n]
        if t.lower in _PRONOUNS and (possessive or t.lower not in ("its", "their")) and \
                not (n > 0 and toks[n - 1].lower in _RESULT_VERBS) and \
                not (n > 0 and toks[n - 1].text == "," and n + 1 < len(toks) and
                     toks[n + 1].lower in _PARENTHETICAL_SAYING):
            return t  # (not "Russian forces, he said, were pulling back": who says so)
    return None


# A report set off by commas inside a clause (", he said,")
_PARENTHETICAL_SAYING = frozenset({"said", "says", "added", "told", "claimed", "insisted",
                                   "noted", "argued", "stressed"})
# Nouns of places after a possessive ("Russia's east", "Gaza's border").
_PLACE_NOUNS = frozenset({"region", "regions", "airspace", "airport", "city", "capital",
                          "border", "borders", "territory", "territories", "east", "west",
                          "north", "south", "coast", "province", "state", "skies", "waters",
                          "northeast", "northwest", "southeast", "southwest", "centre",
                          "center", "outskirts", "frontline", "front", "suburbs", "suburb",
                          "districts", "district", "neighbourhoods", "neighborhoods",
                          "villages", "areas", "area", "towns", "cities", "ports", "port"})
