"""Times: tagging temporal expressions (via :mod:`kg.temporal`) and attaching them to events.

An event takes the time expression of its own clause; else an expression of its sentence that
no other event's clause holds; else the closest expression earlier in its paragraph (not for
present-perfect reports, which are anchored to the present); else "on or before publication"
(planned events: "on or after publication"); else, without a publication date, unknown. An
event told inside a dated report is "on or before" that report's day, not on it.
An unresolved expression in the event's own clause or sentence stops the search: the event
then gets the publication bound rather than a neighbour's date.
"""

from __future__ import annotations

import calendar
import dataclasses
import re
from bisect import bisect_left
from collections.abc import Container, Mapping, Sequence
from datetime import date, timedelta

from ..model import TimeSpec
from ..temporal.lexicon import INSTRUMENTS
from ..temporal.tagger import calendar_day
from ..temporal.tense import IRREGULAR_PAST, named_day, names_a_report, relative_clause_at
from .clauses import ANSWERING, REPORTING_NOUNS, clause_of, irregular_verb_forms, measured_opener
from .document import Document
from .triggers import DETERMINERS, PREPOSITIONS, is_superlative

_ANCHOR_RE = re.compile(
    r"\b(?:start|beginning|outbreak|launch|onset|first days?|eve)\s+of\s+"
    r"(?:(?:the|a|an|its|their|[A-Z][\w'’]*(?:['’]s)?|full-scale|all-out|large-scale|"
    r"military|ground|current)\s+){0,4}"
    r"(war|invasion|conflict|offensive|fighting|hostilities|pandemic|crisis|protests|"
    r"uprising|revolution|occupation|siege|operation)\b"
    r"|\b(war|invasion|conflict|offensive|fighting|hostilities|uprising|protests)\s+"
    r"(?:began|started|erupted|broke out|was launched|were launched)\b",
    re.IGNORECASE)
_ANCHOR_WORDS = ("start", "beginning", "outbreak", "launch", "onset", "first day", "eve of",
                 "began", "erupted", "broke out")
_SYNONYMS = {"invasion": ("war",), "offensive": ("war",), "fighting": ("war",),
             "hostilities": ("war",), "conflict": ("war",), "war": ("invasion", "conflict")}
_PUBLICATION_RULE = "publication-bound"
_REPORT_RULE = "report-bound"
_AHEAD_RULE = _PUBLICATION_RULE + ":ahead-of"
_DAY_NOUNS = (["day"], ["same"], ["night"], ["morning"], ["evening"])
_ONGOING = frozenset({"is", "are", "was", "were", "been", "still"})


def starts_after(t: TimeSpec, day: date) -> bool:
    """The time lies wholly after ``day`` (its earliest day is later)."""
    earliest = calendar_day(t.earliest)
    return earliest is not None and earliest > day


def publication_time(published: date | None, precision: str, *, planned: bool = False
                     ) -> TimeSpec:
    """"On or before publication" (or "on or after" for plans); unknown without a date."""
    if published is None:
        return TimeSpec(basis="unknown", resolved=False, precision="unknown")
    iso, start, end = _period(published, precision)
    if planned:
        return TimeSpec(edtf=f"{iso}/..", precision=precision, earliest=start, latest=None,
                        basis="publication", resolved=True, rule=_PUBLICATION_RULE + ":after")
    return TimeSpec(edtf=f"../{iso}", precision=precision, earliest=None, latest=end,
                    basis="publication", resolved=True, rule=_PUBLICATION_RULE)


def report_bound(t: TimeSpec, *, after: bool = False) -> TimeSpec:
    """ "On or before" the day of the report that tells the event (``after``: "on or after"
    it, for a plan the report announces): the bounds and EDTF are the event's, the value,
    text and span the report's expression's."""
    bound = t.edtf if t.edtf and "/" not in t.edtf else \
        calendar_day(t.earliest if after else t.latest).isoformat()
    if after:
        return dataclasses.replace(t, edtf=f"{bound}/..", latest=None, basis="report",
                                   rule=_REPORT_RULE + ":after")
    return dataclasses.replace(t, edtf=f"../{bound}", earliest=None, basis="report",
                               rule=_REPORT_RULE)


def _a_day(t: TimeSpec) -> bool:
    """A resolved date or time with an upper bound, where the text says it: what can be a
    report's day."""
    return t.start is not None and t.end is not None and t.resolved and \
        t.type in ("DATE", "TIME") and t.latest is not None


def reaction_before(doc: Document, k: int, reporting: Container[str]) -> int:
    """The token of the reaction whose object the noun at ``k`` heads ("condemned the Markoye
    attack", "mourned the victims": an event told before, whose actor the reaction's subject
    is not), or -1."""
    j = k - 1
    while j >= 0 and k - j <= 4 and doc.tokens[j].is_word and (
            doc.words[j] in _DETERMINING or doc.tokens[j].is_cap or
            doc.words[j] not in PREPOSITIONS and doc.words[j] not in reporting and
            doc.words[j] not in ("and", "or", "but") and
            not doc.words[j].endswith(_REACTION_ENDINGS)):
        j -= 1
    found = j >= 0 and j < k - 1 and doc.words[j].startswith(_REACTIONS) and \
        doc.words[j].endswith(_REACTION_ENDINGS) and \
        doc.token_sentence[j] == doc.token_sentence[k]
    return j if found else -1


def _period(day: date, precision: str) -> tuple[str, date, date]:
    if precision == "year":
        return f"{day.year:04d}", date(day.year, 1, 1), date(day.year, 12, 31)
    if precision == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return (f"{day.year:04d}-{day.month:02d}", date(day.year, day.month, 1),
                date(day.year, day.month, last))
    return day.isoformat(), day, day


def find_anchors(doc: Document, timexes: Sequence[TimeSpec]) -> dict[str, date]:
    """Anchors stated in the text: "since the start of Russia's invasion on February 24"."""
    anchors: dict[str, date] = {}
    low = doc.text.lower()
    if not any(w in low for w in _ANCHOR_WORDS):
        return anchors  # (a quick test before the long pattern)
    for m in _ANCHOR_RE.finditer(doc.text):
        noun = (m.group(1) or m.group(2)).lower()
        sent = doc.sentence_at(m.start())
        if sent is None:
            continue
        best = None
        for tx in timexes:
            if tx.start is None or not tx.resolved or tx.precision != "day":
                continue
            if m.end() <= tx.start <= m.end() + 40 and tx.start < sent.end:
                if doc.text[m.end():tx.start].strip().lower() in ("on", "in", ", on", "on the"):
                    best = tx
                    break
        if best is None or best.earliest is None:
            continue
        day = calendar_day(best.earliest)
        anchors.setdefault(noun, day)
        for alias in _SYNONYMS.get(noun, ()):
            anchors.setdefault(alias, day)
    return anchors


# Verbs after which "over"/"for" names what someone is held for ("arrested over the attack").
_CHARGING = frozenset({"accused", "suspected", "guilty", "acquitted",
                       "arrested", "detained", "charged", "convicted", "sentenced", "jailed",
                       "held", "questioned", "indicted", "prosecuted", "tried", "fined",
                       "suspects", "suspect", "charges", "resigned", "apologised", "apologized",
                       "sacked", "fired", "suspended", "removed", "dismissed"})


# Verbs of a reaction whose object is the event reacted to, or the party addressed ("urged
# both countries on Wednesday", "rejected the claim on Thursday")
_REACTING = ("condemn", "welcom", "prais", "denounc", "hail", "mourn", "urg", "reject",
             "dismiss", "critici", "rebuff")
# reactions to what came before them ("condemned the attack", "mourned the dead"), and the
# endings of their verb forms (not "condemnation of")
_REACTIONS = ("condemn", "denounc", "mourn", "deplor", "decri", "decry", "prais", "hail",
              "welcom")
_REACTION_ENDINGS = ("ed", "es", "ns", "ls", "ing", "rn", "rns")


class TimeAttacher:
    """Chooses the time of each event trigger (see the module docstring)."""

    def __init__(self, doc: Document, timexes: Sequence[TimeSpec], published: date | None,
                 precision: str, trigger_offsets: Sequence[int],
                 reporting: Mapping[str, str] | frozenset[str] = frozenset(),
                 verb_offsets: Sequence[int] = ()) -> None:
        self.doc = doc
        self.verb_offsets = sorted(verb_offsets)  # the starts of the triggers that are verbs
        self.reporting = reporting  # forms of reporting verbs ("said", "told")
        self.published = published
        self.precision = precision
        # the date of a dateline is when the report was filed, not when anything happened
        # and the time of a figure compared with ("down from 303 in 2019") dates nothing
        self.timexes = [t for t in timexes if t.start is not None and t.end is not None
                        and t.type != "SET" and not doc.in_dateline(t.start)
                        and not self._compared(t)]
        self._by_sentence: dict[int, list[TimeSpec]] = {}
        for t in self.timexes:
            sent = doc.sentence_at(t.start)
            if sent is not None:
                self._by_sentence.setdefault(sent.index, []).append(t)
        self._owned_clauses: set[tuple[int, int]] = set()
        for off in trigger_offsets:
            sent = doc.sentence_at(off)
            if sent is not None:
                self._owned_clauses.add(clause_of(self.bounds(sent.index), off))

    def bounds(self, sentence: int) -> list[tuple[int, int]]:
        return self.doc.clauses(sentence)

    def fallback(self, planned: bool = False) -> TimeSpec:
        return publication_time(self.published, self.precision, planned=planned)

    def attach(self, trigger_start: int, **kw: bool | int | None) -> TimeSpec:
        """The time of the event whose trigger starts at ``trigger_start`` (see
        :meth:`_attach`); a stretch of time ("over the past day") is given as the interval
        it covers, and an event told by a dated report ("said on Thursday that its troops
        had killed ...", "..., the army said on Thursday") as on or before that report's
        day."""
        speech = kw.pop("speech", False)  # (a statement, of any part of speech)
        t = self._attach(trigger_start, **kw)  # type: ignore[arg-type]
        if kw.get("planned") and t.basis == "publication" and \
                t.rule == _PUBLICATION_RULE + ":after":
            # "announced on Monday that he would resign": on or after that Monday (the plan
            # may have come to pass before publication)
            said = self._report_day_before(trigger_start)
            if said is not None:
                return report_bound(said, after=True)
        # (a statement keeps the day of a report that opens its sentence: "The following day,
        # Zelensky responded with a video address")
        opener = not speech
        if not any(kw.get(k) for k in ("planned", "reporting", "declaring", "toll", "lasting")):
            if t.basis in ("expression", "sentence") and (
                    self._told_by_report(t, trigger_start, opener) or
                    self._reacted_to(t, trigger_start)) or \
                    t.basis == "paragraph" and self._a_reports_day(t):
                # ("Police said on Friday that ... . Hundreds of inmates escaped.": the next
                # sentence's event is bounded by that day too)
                return report_bound(t)
            if t.basis == "publication" and t.rule == _PUBLICATION_RULE:
                told = opener and self._opening_report_day(trigger_start) or \
                    self._closing_report_day(trigger_start, kw.get("trigger_end") or trigger_start)
                if told is not None:
                    return report_bound(told)
        if t.type == "DURATION" and t.edtf is None and isinstance(t.earliest, date) and \
                isinstance(t.latest, date):
            lo, hi = calendar_day(t.earliest), calendar_day(t.latest)
            return dataclasses.replace(t, edtf=f"{lo}/{hi}")
        return t

    def _attach(self, trigger_start: int, *, trigger_end: int | None = None,
                perfect: bool = False, planned: bool = False, reporting: bool = False,
                infinitive: bool = False, declaring: bool = False, lasting: bool = False,
                toll: bool = False) -> TimeSpec:
        """The time of the event whose trigger starts at ``trigger_start``. ``reporting``: a
        speech verb, whose complement's times are what it reports, not when it was said;
        ``declaring``: one that takes a noun phrase ("declared a state of emergency on
        Sunday": the day of the declaration); ``infinitive``: "signed a deal on Friday to
        reopen ports" (only later times count); ``lasting``: a state that began when "since"
        says ("which Russian troops had occupied since early March": the occupation's
        March); ``toll``: a count of casualties, which the day of its report dates when
        nothing else in its sentence does ("On Tuesday the Security Bureau said 156 people
        had died": the toll of Tuesday)."""
        doc = self.doc
        sent = doc.sentence_at(trigger_start)
        if sent is None:
            return self.fallback(planned)
        end = trigger_end if trigger_end is not None else trigger_start
        bounds = self.bounds(sent.index)
        clause = clause_of(bounds, trigger_start)
        here = self._by_sentence.get(sent.index, [])
        k = doc.first_token_at_or_after(trigger_start)
        j = k - 1
        while j > 0 and k - j <= 2 and doc.tokens[j].is_cap and doc.tokens[j].is_word:
            j -= 1  # "the Southport stabbing site"
        if doc.text[end:end + 6] in (" site ", " site.", " site,", " sites") and j >= 0 and \
                doc.words[j] in ("the", "a", "an", "this", "that"):
            # "Modi visited the crash site on Friday": the site of a crash told before, whose
            # day is not the visit's
            return self.fallback(planned)
        told = self._days_before(here, trigger_start)
        if told is not None:
            return dataclasses.replace(told, basis="expression")
        if self._since_bound(k, trigger_start, end):
            # "the first war crimes trial since the invasion opened in Kyiv on Friday": the
            # invasion bounds a time; a day after it is another verb's unless it began then
            return self.fallback(planned)
        if not self._is_verb(trigger_start) and self._ahead_of(k, here, trigger_start):
            # "Ahead of Albright's visit, the State Department on Sunday issued a warning":
            # the visit comes after that Sunday, not on it (nor before it)
            return dataclasses.replace(self.fallback(planned), rule=_AHEAD_RULE)
        if self._temporal_object(trigger_start):
            # "Economists polled before the meeting said ... by the end of the year": the
            # meeting is not of the clause's time; only a time of its own ("the meeting on
            # Monday") dates it, not one after a comma or a report ("arrested over the attack,
            # police said on Monday")
            k0 = doc.first_token_at_or_after(trigger_start)
            # (a charge after "of" keeps a day of its own further on: "A man accused of
            # shooting dead a lawmaker at their home on Saturday was charged on Monday")
            reach = 16 if k0 > 0 and doc.words[k0 - 1] == "of" else 2
            own = [t for t in here if t.start >= end and t.resolved and _usable(t, True) and
                   doc.first_token_at_or_after(t.start) - doc.first_token_at_or_after(end) <= reach
                   and not any(w in (",", ";") or w in _MAIN_VERBS or
                               w in self.reporting and w not in REPORTING_NOUNS
                               for w in doc.words_between(end, t.start))]
            if own:
                return dataclasses.replace(own[0], basis="expression")
            return self.fallback(planned)
        told = self._when_of(here, trigger_start)
        if told is not None:
            return dataclasses.replace(told, basis="expression")
        here = [t for t in here if not self._in_attribution(t, end) and not self._named_day(t)
                and not self._in_other_clause(t, sent.start, trigger_start)]
        here = [t for t in here if not self._closing_report(t, trigger_start) and
                not self._in_participle_apposition(t, trigger_start)]
        own = [t for t in here if clause[0] <= t.start < clause[1] and _usable(t, True)
               and (planned or not self._coming(t))
               and self._fits(t, trigger_start, end, reporting, infinitive, declaring,
                              lasting)
               and not (t.start > end and self._premodifies(t) and
                        not self._during_dated(end, t))
               and not (t.start > end and not infinitive and not planned and
                        self._ahead(t) and self._is_verb(trigger_start) and
                        self._infinitive_between(end, t))
               and not self._in_relative_after(t, end)
               and not self._closed_relative_before(t, trigger_start)
               and not self._relative_of_a_thing_after(t, trigger_start)
               and not (not reporting and self._before_report_of_opener(t, trigger_start))
               # ("protests marking the anniversary of 2024 demonstrations")
               and not (t.start > end and self._later_verbs_clause(t, end))
               # ("said it had retaken the town, saying it would advance on Monday")
               and not (t.start > end and self._saying_between(end, t))
               and not (t.start > end and not planned and self._ahead(t) and
                        self._second_verbs(t, end))
               and not (t.start > end and t.value == "FUTURE_REF" and
                        self._definite(trigger_start))
               # ("observed a day of mourning on Saturday after a canopy ... collapsed")
               and not (t.end <= trigger_start and self._subordinate_verb(t, trigger_start))
               and not (perfect and self._first_conjunct(t, trigger_start))
               # ("In a statement issued on Tuesday, the rebels said they would fight on":
               # the day of the report, not of what it announces)
               and not ((planned or self._pluperfect(trigger_start)) and
                        self._report_between(t, trigger_start))
               and not (planned and t.end <= trigger_start and self._follows_report(t))]
        if len(own) > 1:
            # "arrested in March 2023 and sentenced ... in July": the month before "and" is
            # the first verb's when the second has its own
            later = [t for t in own if not self._first_conjunct(t, trigger_start)]
            own = later or own
        if len(own) > 1 and not reporting:
            # "said on Saturday that he would travel to Washington on Monday": the report's
            # day dates what it tells only when that has no day of its own
            told = [t for t in own if not (t.end <= trigger_start and self._follows_report(t))]
            if any(t.type in ("DATE", "TIME") for t in told):
                own = told  # (a length of time, "in the past 24 hours", leaves it the day)
        if len(own) > 1 and any(t.value in _PAST_OR_PRESENT for t in own):
            # "valued as recently as January ... filed on Friday": a vague "recently" or
            # "now" gives way to a time the clause names
            named = [t for t in own if t.value not in _PAST_OR_PRESENT and t.resolved and
                     t.type in ("DATE", "TIME") and not self._ahead(t)]
            own = named or own
        if own:
            best = min(own, key=lambda t: abs(t.start - trigger_start))
            if not best.resolved and self._shift(best):
                # "Hours later, explosions were heard ... late on Saturday": the day named
                # dates it, the shift from an untold point does not
                best = min((t for t in own if t.resolved and t.type in ("DATE", "TIME")),
                           key=lambda t: abs(t.start - trigger_start), default=best)
            if not best.resolved:
                return self.fallback(planned)
            return dataclasses.replace(best, basis="expression")
        if reporting and k > 0 and doc.words[k - 1] == "and":
            # "Vucic said on Sunday that ... and insisted he would not resign": the second
            # report of the same speaker is of the first one's day
            said = [t for t in here if t.end <= trigger_start and t.resolved and
                    _usable(t, True) and self._follows_report(t)]
            if said:
                return dataclasses.replace(said[-1], basis="expression")
        if (declaring or reporting) and doc.words[k].endswith("ing") and k > 0 and \
                doc.words[k - 1] == ",":
            # "The military seized power on Monday, declaring a state of emergency": the
            # participle shares the day of the clause before its comma (and "apologised on
            # Friday, saying ...")
            before = [t for t in here if t.end <= trigger_start and t.resolved and
                      t.type in ("DATE", "TIME") and _usable(t, True) and
                      not self._in_other_clause(t, sent.start, trigger_start) and
                      not (reporting and (self._ahead(t) or self._premodifies(t)))]
            if before:
                return dataclasses.replace(before[-1], basis="sentence")
        if not (reporting or infinitive) and not self._subordinate(clause):
            in_sentence = [t for t in here if _usable(t, False) and not self._premodifies(t) and
                           # ("... Retreat, But The City Is Now Under Fire": "now" is
                           # another clause's present, not the retreat's day)
                           t.value not in REFERENCES and
                           # "the war, which began in April 2023, has displaced millions": a
                           # perfect reaches up to now; another clause's date is not its own
                           not ((perfect or self._perfect_clause(clause)) and
                                clause_of(bounds, t.start) != clause) and
                           clause_of(bounds, t.start) not in self._owned_clauses and
                           (not self._subordinate(clause_of(bounds, t.start)) or
                            self._describes(clause_of(bounds, t.start), end)) and
                           not self._since(t, sent.start) and
                           not self._reported_after(t, end) and
                           not self._closed_relative_before(t, trigger_start) and
                           not self._before_report_of_opener(t, trigger_start) and
                           not (t.end <= trigger_start and
                                self._dates_report(t, trigger_start))]
            if in_sentence:
                resolved = [t for t in in_sentence if t.resolved]
                if not resolved:
                    return self.fallback(planned)
                best = min(resolved, key=lambda t: abs(t.start - trigger_start))
                return dataclasses.replace(best, basis="sentence")
        if not (reporting or infinitive or planned) and self._subordinate(clause):
            # "In 2019, dozens went missing after a boat sank": a year or month opening the
            # sentence holds what its "after"/"when" clause tells too
            opening = self._coarse_opener(here, sent.start, clause, trigger_start)
            if opening is not None:
                return dataclasses.replace(opening, basis="sentence")
            main = self._after_clause_bound(here, sent.start, clause, bounds)
            if main is not None:
                return main
        if toll:
            said = [t for t in self._by_sentence.get(sent.index, [])
                    if t.resolved and t.type in ("DATE", "TIME") and _usable(t, True) and
                    self._report_between(t, trigger_start)]
            if said:
                return dataclasses.replace(said[-1], basis="sentence")
        if not (perfect or reporting or planned) and self._coordinated(clause):
            # "Thousands marched on parliament on Monday, September 8, and police opened
            # fire": the day of the clause this one is joined to by "and"
            first = [t for t in self._by_sentence.get(sent.index, [])
                     if t.end <= clause[0] and t.resolved and t.type in ("DATE", "TIME") and
                     _usable(t, False) and t.value not in REFERENCES and
                     not self._premodifies(t) and not self._since(t, sent.start) and
                     not self._subordinate(clause_of(bounds, t.start)) and not self._ahead(t)]
            if first:
                return dataclasses.replace(first[-1], basis="sentence")
        if not perfect and not reporting:
            earlier = [t for t in self.timexes if t.resolved and _usable(t, False)
                       and t.value not in REFERENCES  # ("now" dates no later sentence)
                       and t.end <= sent.start and self._same_paragraph(t.start, sent.paragraph)
                       and not self._premodifies(t) and (planned or not self._ahead(t))
                       and not self._in_a_things_relative(t)
                       and not (planned and self._behind(t)) and not self._since(t, 0)
                       and not self._in_subordinate(t)]
            if earlier:
                best = max(earlier, key=lambda t: t.start)
                return dataclasses.replace(best, basis="paragraph")
            heading = None if planned else self._heading_time(sent.paragraph)
            if heading is not None and not self._ahead(heading):
                return dataclasses.replace(heading, basis="paragraph")
        return self.fallback(planned)

    def _after_clause_bound(self, here: list[TimeSpec], sent_start: int,
                            clause: tuple[int, int], bounds) -> TimeSpec | None:
        """An "after" clause with no time of its own after a main clause dated to a day:
        on or before that day ("Kishida escaped unharmed on Saturday after a man hurled a
        pipe bomb towards him")."""
        k = self.doc.first_token_at_or_after(clause[0])
        if k >= len(self.doc.words) or self.doc.words[k] != "after":
            return None
        main = [t for t in here if sent_start <= t.start and t.end <= clause[0] and
                t.resolved and t.type in ("DATE", "TIME") and _usable(t, False) and
                t.precision in ("day", "part_of_day", "hour", "minute") and
                t.value not in REFERENCES and not self._premodifies(t) and
                not self._since(t, sent_start) and
                not self._subordinate(clause_of(bounds, t.start))]
        if not main or any(clause[0] <= t.start < clause[1] for t in here):
            return None
        day = calendar_day(main[-1].latest)
        if day is None:
            return None
        return dataclasses.replace(main[-1], edtf=f"../{day.isoformat()}", earliest=None,
                                   basis="sentence", rule="after-clause")

    def _infinitive_between(self, end: int, t: TimeSpec) -> bool:
        """The trigger governs an infinitive before the time: "have agreed to maintain a
        ceasefire and to meet again next week" (the agreement is not next week)."""
        between = self.doc.words_between(end, t.start)
        return between[:1] == ["to"] and len(between) > 1 and between[1].isalpha() and \
            between[1] not in DETERMINERS and between[1] not in _NOT_VERBS_AFTER_TO

    def _during_dated(self, end: int, t: TimeSpec) -> bool:
        """The event took place in what the date qualifies: "recaptured in its September 2022
        counteroffensive", "was wounded during the 2014 war"."""
        between = self.doc.words_between(end, t.start)
        return bool(between) and between[0] in ("in", "during") and \
            all(w in _DURING_WORDS for w in between)

    def _perfect_clause(self, clause: tuple[int, int]) -> bool:
        """The clause's verb is a present perfect ("but outbreaks have become more common"):
        it reaches up to now, not to another clause's date."""
        doc = self.doc
        words = doc.words[doc.first_token_at_or_after(clause[0]):
                          doc.first_token_at_or_after(clause[1])]
        return any(w in ("has", "have", "'ve") and n + 1 < len(words) and
                   (words[n + 1].endswith(("ed", "en", "n")) or words[n + 1] in _BEEN_LIKE)
                   for n, w in enumerate(words))

    def _is_verb(self, trigger_start: int) -> bool:
        """The trigger starting at ``trigger_start`` is a verb (of the clause it opens)."""
        i = bisect_left(self.verb_offsets, trigger_start)
        return i < len(self.verb_offsets) and self.verb_offsets[i] == trigger_start

    def _subordinate_verb(self, t: TimeSpec, trigger_start: int) -> bool:
        """The trigger is the verb of a clause with a subject of its own opened by "after",
        "before", "since" or "because" after the expression ("... on Saturday after a concrete
        canopy at the station collapsed"): the expression is the main clause's (but "when"
        tells the same time: "was killed on Tuesday when a bomb exploded")."""
        if not self._is_verb(trigger_start):
            return False
        words = self.doc.words_between(t.end, trigger_start)
        k = max((n for n, w in enumerate(words) if w in _CLAUSE_CONJUNCTIONS), default=-1)
        return 0 <= k < len(words) - 1 and not any(
            w in (",", ";", "and", "but", "who", "which", "that") for w in words[k + 1:])

    def _in_other_clause(self, t: TimeSpec, lo: int, trigger_start: int) -> bool:
        """The expression, a month or coarser, lies in a relative or participial clause set
        off by commas that does not hold the trigger ("The bridge, built in 1890, collapsed on
        Sunday"; but "The plane, which took off from Baku on Wednesday, crashed": that day)."""
        if t.start is None or trigger_start < t.start or t.precision not in _COARSE:
            return False
        text = self.doc.text
        clause = relative_clause_at(text, lo, t.start)
        if clause is None or clause[1] > trigger_start:
            return False
        opener = text[clause[0] + 1:clause[0] + 40].split()[:2]
        after = text[clause[1] + 1:clause[1] + 30].split()[:1]
        # a relative clause, or a participle with its preposition (", built in 1890,"), and
        # no participle or conjunction after it (not ", the head of Wagner, crashed in Tver
        # on Wednesday, killing all ten")
        return (opener[0].lower() in ("who", "which", "whose", "where") or
                len(opener) == 2 and opener[1] in PREPOSITIONS) and \
            not (after and (after[0].endswith("ing") or after[0] in ("and", "but")))

    def _named_day(self, t: TimeSpec) -> bool:
        """ "declared Sunday a day of mourning": a day named, the time of no event told."""
        return named_day(self.doc.text, t.start, t.end)

    def _shift(self, t: TimeSpec) -> bool:
        """An unresolved shift from another event ("hours later", "minutes earlier")."""
        return self.doc.text[t.start:t.end].lower().endswith(("later", "earlier"))

    def _heading_time(self, paragraph: int) -> TimeSpec | None:
        """The date of a short line ending in a colon that heads the paragraphs after it
        ("Key developments on July 12:"), for a paragraph no time of its own dates."""
        doc = self.doc
        for n in range(paragraph - 1, max(-1, paragraph - 6), -1):
            para = doc.paragraphs[n]
            text = doc.text[para.start:para.end]
            found = [t for t in self.timexes if t.resolved and _usable(t, False) and
                     para.start <= t.start < para.end]
            if not text.rstrip().endswith(":"):
                if found or para.kind == "headline":
                    return None  # a paragraph with its own time, a subhead: the list ended
                continue
            if len(text.split()) > 12 or len(found) != 1 or found[0].precision != "day" or \
                    _NOT_THE_DAY.intersection(text[:found[0].start - para.start].lower().split()):
                return None  # ("Here is what has happened since November 11, 2022:", "He
                # said:", "Updated at 10:00 GMT on July 13:", "between July 1 and July 12:")
            return found[0]
        return None

    def _fits(self, t: TimeSpec, start: int, end: int, reporting: bool, infinitive: bool,
              declaring: bool = False, lasting: bool = False) -> bool:
        """Whether an expression of the trigger's own clause dates it."""
        if self._since(t, start if t.start > start else 0, start) and not (
                lasting and t.start > start and t.type == "DATE" and
                self.doc.word_before(start, t.start) == "since"):
            # "the first deal since February", "who had lived in Germany since 2006, was
            # arrested": a bound of a state, not the date of an event
            return False
        if self.doc.text[t.end:t.end + 2] in ("'s", "’s"):
            # "last month's election": the time of the noun it qualifies, nothing else
            # (within its noun phrase: not "the candidate in November's election, toured")
            k = self.doc.first_token_at_or_after(t.end + 2)
            return start >= t.end and self.doc.first_token_at_or_after(start) - k <= 3 and \
                not any(w in _PHRASE_BREAKS for w in self.doc.words_between(t.end + 2, start)) \
                and not self._is_verb(start)  # (nor "lost Sunday's runoff marched")
        k = self.doc.first_token_at_or_after(t.start)
        if k > 0 and self.doc.words[k - 1] == "from" and \
                _POSTPONED.intersection(self.doc.words_between(start, t.start)):
            return False  # "postponed from February": the date it no longer has
        if self._premodifies(t):
            # "before the 2016 election": the year of that election, of nothing else
            k = self.doc.first_token_at_or_after(t.end)
            # (a century qualifies only the noun right after it: "the 17th-century plague",
            # but not the verb after "A 19th-century bridge")
            reach = 0 if t.precision == "century" else 2
            if t.start >= end and self._during_dated(end, t):
                return True
            return start >= t.end and self.doc.first_token_at_or_after(start) - k <= reach \
                and not _CONJOINING.intersection(self.doc.words_between(t.end, start))
            # (not "to overturn the 2022 election and sentenced him": another verb's)
        if infinitive:
            return t.start >= end
        doc = self.doc
        if reporting and t.start < start:
            # "The collapse happened after 3 p.m. ..., police said": the report's content;
            # "On Monday, Zhadan posted ...": a time opening the sentence is the report's
            k = doc.first_token_at_or_after(t.end)
            stop = doc.first_token_at_or_after(start)
            marks = [m for m in range(k, stop) if doc.words[m] in (",", '"', "”")]
            if not marks:
                return True
            sent = doc.sentence_at(t.start)
            lead = doc.words_between(sent.start if sent else t.start, t.start)
            return marks[0] == k and (all(w in _FRONTED for w in lead) or
                                      self._report_opener(t))
        if not reporting and self._reported_after(t, end):
            return False
        if not reporting and t.end <= start and self._dates_report(t, start):
            return False  # "said on Tuesday that Russia claimed ...": the day of the report
        if reporting and t.start >= end:
            # "said on Tuesday", "told reporters on Tuesday"; not "said ... until the end of May"
            gap = doc.words_between(end, t.start)
            if not gap and doc.text[start:end].lower().startswith(_NAMING_VERBS) and \
                    doc.words[doc.first_token_at_or_after(t.end):][:1] in (["a"], ["an"]):
                return False  # "declared Sunday a day of mourning": the day named, not when
            obj = gap[:-1] if gap and gap[-1] in ("on", "in", "at") else gap
            # "claimed responsibility for the attack on Friday": a claim with an object
            declaring = declaring or obj[:1] == ["responsibility"] and \
                doc.text[start:end].lower().startswith("claim") or \
                doc.text[start:end].lower().startswith(_REACTING) and obj[:1] in (
                    ["the"], ["his"], ["her"], ["their"], ["its"], ["both"], ["all"])
            # ("condemned the killing the following morning": the day of the condemning)
            if declaring and len(obj) <= 10 and \
                    not any(w in _CLAUSE_MARKS or w in self.reporting and
                            obj[i + 1:i + 2] != ["of"] and  # "a state of emergency": a noun
                            not (i and obj[i - 1] in DETERMINERS) and  # ("the claim")
                            not (w == "state" and obj[i + 1:i + 2] not in (["that"], []))
                            for i, w in enumerate(obj)):  # ("a day of state mourning")
                return True  # "declared a period of national mourning on Sunday"
            if len(gap) <= 4 and all(w in _SPEECH_ADJUNCTS for w in gap):
                return True
            if gap and gap[-1] in ("on", "at", "in") and (
                    names_a_report(gap[:-1]) or
                    len(gap) == 3 and gap[0] == "on" and
                    doc.tokens[doc.first_token_at_or_after(end) + 1].is_cap):
                return True  # "said in his nightly video address on Friday", "wrote on
                # Telegram on Sunday": where it was said, then when
            # "told Mayotte la 1ere on Sunday", "told cheering supporters in the capital early
            # on Monday": a name or an audience the words are addressed to
            first = doc.first_token_at_or_after(end)
            return 0 < len(gap) <= 8 and doc.text[start:end].lower() == "told" and all(
                w in _SPEECH_ADJUNCTS or w in _AUDIENCE or doc.tokens[first + i].is_cap or
                "-" in w.strip("-")  # ("told a pro-government rally on April 29")
                for i, w in enumerate(gap))
        return True

    def _when_of(self, here: list[TimeSpec], trigger_start: int) -> TimeSpec | None:
        """The time a ", when ..." (or ", where ...") clause holding the trigger follows
        ("built after 1999, when an earthquake near Izmit killed 17,000 people": 1999),
        whatever else its sentence dates."""
        if not here:
            return None
        doc = self.doc
        k = doc.first_token_at_or_after(trigger_start) - 1
        floor = doc.sentence_tokens[doc.token_sentence[k]][0] if k >= 0 else 0
        while k > floor and (doc.words[k] not in ("when", "where", ",", ";", ":") or
                             doc.words[k] == "," and doc.words[k + 1] == "while"):
            k -= 1  # (over ", while ...": "on Saturday night, when bombers struck Fordow,
            # while missiles hit Natanz")
        if k <= floor or doc.words[k] not in ("when", "where") or doc.words[k - 1] != ",":
            return None
        comma = doc.tokens[k - 1].start
        # (", where": only a day's visit goes on there: "travelled to Kherson on Thursday,
        # where he met officials"; not "born in Kharkiv in 1970, where he studied")
        return next((t for t in here if t.end == comma and t.resolved and _usable(t, True) and
                     t.type in ("DATE", "TIME") and
                     (doc.words[k] == "when" or t.precision in _DAY_OR_FINER)), None)

    def _days_before(self, here: list[TimeSpec], trigger_start: int) -> TimeSpec | None:
        """The day a ", a day after ..." clause holding the trigger tells, counted back from
        the day before its comma ("resigned on Monday, a day after the alliance came first in
        the election": the election's Sunday)."""
        doc = self.doc
        k = doc.first_token_at_or_after(trigger_start) - 1
        floor = doc.sentence_tokens[doc.token_sentence[k]][0] if k >= 0 else 0
        while k > floor and doc.words[k] not in ("after", ",", ";", ":"):
            k -= 1
        if k - 2 == floor and doc.words[k] == "after":
            return self._days_before_main(here, k, trigger_start)
        if k - 3 < floor or doc.words[k] != "after" or \
                doc.words[k - 1] not in ("day", "days", "week") or doc.words[k - 3] != ",":
            return None
        count = _COUNTS.get(doc.words[k - 2])
        if count is None or (doc.words[k - 1] == "days") != (count > 1):
            return None
        days = count * (7 if doc.words[k - 1] == "week" else 1)
        comma = doc.tokens[k - 3].start
        t = next((t for t in here if t.end == comma and t.resolved and _one_day(t)), None)
        if t is None:
            return None
        return _days_back(t, days, doc.text, t.start, doc.tokens[k].end)

    def _days_before_main(self, here: list[TimeSpec], k: int, trigger_start: int
                          ) -> TimeSpec | None:
        """The day of an opening "A week after ..." clause, counted back from the day its
        main clause tells after the comma ("A week after soldiers seized power, France began
        evacuating its citizens on Wednesday": the Wednesday before)."""
        doc = self.doc
        unit = doc.words[k - 1]
        count = _COUNTS.get(doc.words[k - 2])
        if count is None or unit not in ("day", "days", "week", "weeks") or \
                unit.endswith("s") != (count > 1):
            return None
        end = doc.sentence_tokens[doc.token_sentence[k]][1]
        comma = next((j for j in range(k + 1, end) if doc.words[j] == ","), None)
        if comma is None or doc.tokens[comma].start < trigger_start:
            return None
        t = next((t for t in here if t.start > doc.tokens[comma].start and t.resolved and
                  _one_day(t)), None)
        if t is None:
            return None
        return _days_back(t, count * (7 if unit[0] == "w" else 1), doc.text,
                          doc.tokens[k - 2].start, doc.tokens[k].end)

    def _report_opener(self, t: TimeSpec) -> bool:
        """The expression ends an opener that names the report itself, before a comma
        ("In a televised address on Saturday, ...", "Speaking on Sunday, ...")."""
        doc = self.doc
        sent = doc.sentence_at(t.start)
        if sent is None or doc.text[t.end:t.end + 1] != ",":
            return False
        lead = doc.words_between(sent.start, t.start)
        if "," in lead:
            # "Vucic, in a televised address late on Sunday, condemned ...": the opener of
            # the parenthesis after the subject
            lead = lead[len(lead) - lead[::-1].index(","):]
        if lead[-1:] and lead[-1] in ("on", "at", "in"):
            lead = lead[:-1]
        if lead[:1] == ["speaking"]:
            return len(lead) <= 4 and all(w in _SPEECH_ADJUNCTS or w in _AUDIENCE or w == "to"
                                          for w in lead[1:])
        return names_a_report(lead)

    def _before_report_of_opener(self, t: TimeSpec, trigger_start: int) -> bool:
        """The trigger stands between a report's opener and its reporting verb ("In a
        televised address on Saturday, his first comments on the attack, Putin said"): the
        day is the address's, not the attack's."""
        if t.end > trigger_start or not self._report_opener(t):
            return False
        sent = self.doc.sentence_at(t.start)
        after = self.doc.words_between(trigger_start, sent.end)
        before = self.doc.words_between(t.end, trigger_start)
        return not any(w in self.reporting for w in before) and \
            any(w in self.reporting for w in after)

    def _behind(self, t: TimeSpec) -> bool:
        """The time lies wholly before publication: it dates no plan told after it ("the first
        meeting ... since 2021. Putin suggested that their next meeting could be held in
        Moscow")."""
        latest = calendar_day(t.latest)
        return self.published is not None and latest is not None and latest < self.published

    def _coming(self, t: TimeSpec) -> bool:
        """A stretch that runs on past publication ("in the coming days"): the time of what
        is to come, not of a deed told as done ("... and promised that ...")."""
        return t.type == "DURATION" and self.published is not None and \
            isinstance(t.latest, date) and calendar_day(t.latest) > self.published

    def _ahead(self, t: TimeSpec) -> bool:
        """The time lies wholly after publication ("which will happen on May 30"): it dates
        no later sentence's event told as done."""
        return self.published is not None and starts_after(t, self.published)

    def _temporal_object(self, trigger_start: int) -> bool:
        """The trigger is the object of "before", "after", "since" or "until" (or of a
        toll: "the death toll from the wildfire")."""
        doc = self.doc
        k = doc.first_token_at_or_after(trigger_start)
        j = k - 1
        while j >= 0 and k - j <= 3 and doc.words[j] in _DETERMINING:
            j -= 1  # "before the meeting", "after the city's vote"
        t = j
        while t > j - 2 and t >= 1 and doc.words[t].isalpha() and doc.words[t].islower() and \
                doc.words[t] not in PREPOSITIONS:
            t -= 1  # over adjectives: "the death toll from the strongest earthquake"
        while t >= 0 and j - t <= 3 and doc.words[t] in _DETERMINING:
            t -= 1
        if t >= 1 and doc.words[t] in ("from", "in", "of") and doc.words[t - 1] == "toll":
            return True  # "the death toll from the wildfire rose to 93 on Saturday"
        if j >= 1 and (doc.words[j - 1], doc.words[j]) in ANSWERING:
            return True  # "struck on Saturday in retaliation for the barrage": an earlier one
        p = j
        while p > 0 and j - p < 2 and doc.words[p].isalpha() and doc.words[p] not in (
                "with", "over", "for", "of"):
            p -= 1  # over an adjective: "in connection with the fatal shooting"
        if p >= 1 and (doc.words[p] == "with" and doc.words[p - 1] == "connection" or
                       doc.words[p] in ("over", "for", "of") and self._charged_before(p)):
            return True  # "arrested on Monday in connection with the shooting": the arrest's
        m = j
        while m >= 0 and j - m < 2 and doc.words[m] != "of" and doc.tokens[m].is_word and \
                doc.words[m].islower() and doc.words[m] not in PREPOSITIONS:
            m -= 1  # over modifiers: "weeks of deadly protests"
        if m >= 2 and doc.words[m] == "of" and doc.words[m - 1] in _STRETCHES:
            j = m - 2  # "after weeks of deadly protests": the protests of those weeks
            if j >= 0 and (doc.words[j] in _STRETCH_COUNTS or doc.tokens[j].is_number):
                j -= 1  # "after two weeks of talks"
            return j >= 0 and doc.words[j] in _TEMPORAL_PREPOSITIONS
        return j >= 0 and j < k - 1 and doc.words[j] in _TEMPORAL_PREPOSITIONS

    def _pluperfect(self, trigger_start: int) -> bool:
        """ "had travelled", "had already left": a past before the narrative's time."""
        doc = self.doc
        k = doc.first_token_at_or_after(trigger_start)
        return any(w == "had" for w in doc.words[max(0, k - 3):k])

    def _report_between(self, t: TimeSpec, trigger_start: int) -> bool:
        """ "A day later, Norway said ... a patient who had travelled to Uganda": the time
        dates the report; what had happened before it is not of that day."""
        if t.end > trigger_start:
            return False
        return any(w in self.reporting for w in self.doc.words_between(t.end, trigger_start))

    def _first_conjunct(self, t: TimeSpec, trigger_start: int) -> bool:
        """ "The war broke out in April and has displaced millions": the date belongs to the
        first verb; the perfect after "and" runs up to now."""
        if t.end > trigger_start:
            return False
        return "and" in self.doc.words_between(t.end, trigger_start)

    def _premodifies(self, t: TimeSpec) -> bool:
        """The expression qualifies the noun after it, between a determiner and that noun:
        "the 2016 election", "a 2014 law", "the May 9 parade"."""
        if t.type != "DATE":
            return False
        doc = self.doc
        k = doc.first_token_at_or_after(t.start)
        j = doc.first_token_at_or_after(t.end)
        if j < len(doc.words) and doc.tokens[j].is_word and t.text is not None and \
                t.text.lower().endswith("-century") and \
                doc.token_sentence[k] == doc.token_sentence[j]:
            return True  # "The 12th-century Tinmel mosque": the hyphenated form qualifies
        if k == 0 or j >= len(doc.words) or doc.token_sentence[k - 1] != doc.token_sentence[j]:
            return False
        if doc.words[k - 1] == "of" and (
                doc.text[t.end:t.end + 2] in ("'s", "’s") or
                _plural_noun(doc.words[j]) and doc.tokens[j].text.islower()):
            return True  # "the anniversary of 2024 demonstrations", "54% of Sunday's ballot"
            # (not "The earthquake of February 6 killed", "On the night of August 4 police")
        if doc.words[k - 1] not in _PREMODIFIER_DETERMINERS and not (
                # headlines drop the article: "Sunak calls surprise July 4 election"
                doc.sentences[doc.token_sentence[k]].kind == "headline" and
                doc.tokens[k - 1].is_word and doc.words[k - 1] not in PREPOSITIONS):
            return False
        nxt = doc.tokens[j]
        return nxt.is_word and (nxt.text.islower() and nxt.lower not in _NOT_NOUNS or
                                # "the 1922 Committee": a name (but "the 2014 Minsk
                                # agreements" were made in 2014)
                                nxt.is_cap and t.precision == "year" and
                                nxt.lower in _NAMED_BODIES or
                                # "suspended the 1960 Indus Waters Treaty": the year of a
                                # named instrument (but "signed the 1998 Good Friday
                                # Agreement": the year it was made)
                                nxt.is_cap and t.precision == "year" and
                                self._names_an_instrument(j) and
                                not (k > 1 and doc.words[k - 2] in _MAKING) or
                                # "the 1938 Nazi pogrom", "the 1979 Soviet invasion": a
                                # regime's adjective and the noun it qualifies
                                nxt.lower in _REGIMES and j + 1 < len(doc.words) and
                                doc.tokens[j + 1].is_word and
                                doc.tokens[j + 1].text.islower())

    def _names_an_instrument(self, j: int) -> bool:
        """The capitalised words from token ``j`` name a treaty, law or the like ("Indus
        Waters Treaty", "Good Friday Agreement", "Simla Agreement")."""
        doc = self.doc
        for m in range(j, min(j + 5, len(doc.words))):
            if not (doc.tokens[m].is_cap and doc.tokens[m].is_word):
                return False
            if doc.words[m] in INSTRUMENTS:
                return True
        return False

    def _in_relative_after(self, t: TimeSpec, end: int) -> bool:
        """The expression lies in a relative clause after the trigger, about a thing it
        names ("hit a footbridge that was opened in 2019", "burst two dams that were built in
        the 1970s"): that clause's time, not the event's."""
        if t.start < end:
            return False
        words = self.doc.words_between(end, t.start)
        rel = next((n for n, w in enumerate(words) if w in _RELATIVE_WORDS), None)
        if rel is not None and rel <= 3 and words[rel + 1:rel + 2] and \
                words[rel + 1] in _EVENT_DOINGS:
            return False  # "the train collision near Tempi that killed 57 people last week":
            # what the event itself did, and when
        return _thing_relative(words)

    def _in_a_things_relative(self, t: TimeSpec) -> bool:
        """The expression lies in a relative clause about a thing, wherever its sentence's
        events are ("A missile hit a footbridge that was opened in 2019. Floodwaters ...":
        2019 dates no later sentence either)."""
        sent = self.doc.sentence_at(t.start)
        return sent is not None and \
            _thing_relative(self.doc.words_between(sent.start, t.start)[-8:])

    def _closed_relative_before(self, t: TimeSpec, trigger_start: int) -> bool:
        """The expression lies in a relative clause about a thing that a comma closes before
        the trigger ("blame for the catastrophe that tore through the city eight days
        earlier, and some protesters later set fire": the catastrophe's time)."""
        if t.end > trigger_start:
            return False
        between = self.doc.words_between(t.end, trigger_start)
        if "," not in between:
            return False
        tail = between[len(between) - between[::-1].index(","):]
        if tail[:1] in (["and"], ["but"]):
            tail = tail[1:]
        if not tail and self._pluperfect_relative(t):
            return True  # "Storm Daniel, a cyclone that had already caused flooding in Greece
            # earlier this month, made landfall on Sunday": what had been before
        # a subject of its own after the comma (not "earthquakes that struck western Japan
        # on Monday killed 48 people, damaged thousands of buildings": one subject's verbs)
        return bool(tail) and (self._in_a_things_relative(t) or self._in_a_persons_relative(t))

    def _in_participle_apposition(self, t: TimeSpec, trigger_start: int) -> bool:
        """The expression lies in a participle phrase between commas right before the verb
        ("FTX, valued at $32 billion as recently as January, filed for bankruptcy on
        Friday": the valuation's time, not the filing's)."""
        between = self.doc.words_between(t.end, trigger_start)
        if t.end > trigger_start or between[-1:] != [","] or between.count(",") > 1 or \
                len(between) > 6 or self.doc.token_at(trigger_start) is None or \
                self.doc.token_at(trigger_start).lower.endswith("ing"):
            return False  # (not "apologised on Friday, saying": the participle's own day)
        sent = self.doc.sentence_at(t.start)
        if sent is None:
            return False
        before = self.doc.words_between(sent.start, t.start)
        if "," not in before:
            return False
        k = len(before) - before[::-1].index(",")
        opener = before[k] if k < len(before) else ""
        return k >= 2 and (opener.endswith("ed") and len(opener) > 4 or
                           opener in irregular_verb_forms())

    def _pluperfect_relative(self, t: TimeSpec) -> bool:
        """The expression lies in a relative clause in the past perfect ("that had already
        caused ... earlier this month")."""
        sent = self.doc.sentence_at(t.start)
        if sent is None:
            return False
        words = self.doc.words_between(sent.start, t.start)[-14:]
        rel = max((n for n, w in enumerate(words) if w in _RELATIVE_WORDS), default=-1)
        return rel >= 0 and words[rel + 1:rel + 2] == ["had"]

    def _relative_of_a_thing_after(self, t: TimeSpec, trigger_start: int) -> bool:
        """The trigger is the verb of a relative clause about a thing named after the
        expression ("Rescue teams on Saturday pulled a body from the wreckage of a train that
        derailed in the Alps"): the main clause's day, not the derailment's (not "said on
        Saturday that the train derailed": a report's complement)."""
        doc = self.doc
        if t.end > trigger_start:
            return False
        k = doc.first_token_at_or_after(trigger_start)
        r = k - 1
        if r >= 1 and doc.words[r] in ("had", "was", "were", "has", "have"):
            r -= 1
        if r < 2 or doc.words[r] not in _RELATIVE_WORDS or doc.tokens[r].start < t.end:
            return False
        head = doc.words[r - 1]
        between = doc.words_between(t.end, doc.tokens[r].start)
        sent = doc.sentence_at(t.start)
        lead = doc.words_between(sent.start, doc.tokens[r].start) if sent else between
        # a main clause's own past verb between the day and the thing ("pulled a body from
        # the wreckage of a train that derailed"; not "the 2021 coup that ousted", "last May
        # after a siege that killed": the thing's own time), and no report in the sentence
        return doc.tokens[r - 1].is_word and head.isalpha() and head not in self.reporting and \
            not head.endswith("ed") and head not in _NOT_RELATIVE_HEADS and \
            "," not in between and \
            any(_past_form(w) for w in between[:-2]) and \
            not any(w in self.reporting for w in lead)

    def _in_a_persons_relative(self, t: TimeSpec) -> bool:
        """ "Milei, an economist who entered politics two years ago, was elected": the
        expression lies in a relative clause about a person set off by commas."""
        sent = self.doc.sentence_at(t.start)
        if sent is None:
            return False
        words = self.doc.words_between(sent.start, t.start)[-10:]
        return any(w == "who" and "," in words[:n] and "," not in words[n + 1:] and
                   n + 1 < len(words) and _finite(words[n + 1]) for n, w in enumerate(words))

    def _saying_between(self, end: int, t: TimeSpec) -> bool:
        """A comma and a participle of saying stand between the trigger and the expression,
        which dates what that participle reports."""
        words = self.doc.words_between(end, t.start)
        return any(w == "," and n + 1 < len(words) and words[n + 1].endswith("ing") and
                   words[n + 1] in self.reporting for n, w in enumerate(words))

    def _reported_after(self, t: TimeSpec, end: int) -> bool:
        """ "... collapsed in Ikoyi has risen to 23, officials said on Thursday": the day of
        the report, not of what it reports."""
        if t.start < end:
            return False
        between = self.doc.words_between(end, t.start)
        if "," not in between:
            return False
        toks = self.doc.tokens_between(end, t.start)[-4:]
        # (not "North Darfur state, on Friday": "state" after a name is no verb of saying)
        return any(tok.lower in self.reporting and not (
            tok.lower in ("state", "states") and n and toks[n - 1].is_cap)
            for n, tok in enumerate(toks))

    def _since_bound(self, k: int, start: int, end: int) -> bool:
        """The trigger at token ``k`` is a noun governed by "since" ("since the invasion",
        "since Russia's invasion") and no verb of beginning follows it ("since the invasion
        began on February 24" keeps its day; a verb, "since the government took office in
        October", is a clause of its own)."""
        if self._is_verb(start):
            return False
        words = self.doc.words
        before = words[max(0, k - 3):k]
        if "since" not in before or any(w in (",", ";") for w in before):
            return False
        at = before.index("since")
        if words[k - len(before) + at - 1] in _STRETCHES:
            return True  # "marked 100 days since Russia's invasion on Friday": the marking's
        rest = before[at + 1:]
        if not rest or not (rest[0] in _DETERMINING or
                            self.doc.tokens[k - 1].bare != self.doc.tokens[k - 1].text):
            return False
        j = self.doc.first_token_at_or_after(end)
        since = self.doc.tokens[k - len(before) + at].end
        if any(t.start is not None and t.start >= since and (
                t.start < start or t.start >= end and self._own_phrase(end, t.start))
               for t in self.timexes):
            return False  # "since the attack on Monday", "since a 2010 earthquake"
        return not (j < len(words) and words[j] in _BEGAN)

    def _ahead_of(self, k: int, here: list[TimeSpec], trigger_start: int) -> bool:
        """The noun at token ``k`` is governed by "ahead of" ("ahead of Albright's one-day
        trip", "ahead of the vote") with no time of its own before it (not "ahead of
        Sunday's election")."""
        doc = self.doc
        lo = max(0, k - 5)
        before = doc.words[lo:k]
        at = next((i for i in range(len(before) - 1) if before[i:i + 2] == ["ahead", "of"]),
                  None)
        if at is None or any(w in (",", ";", "and", "or") or w in self.reporting
                             for w in before[at + 2:]):
            return False
        of = doc.tokens[lo + at + 1].end
        return not any(t.start is not None and of <= t.start < trigger_start and
                       t.type in ("DATE", "TIME") for t in here)

    def _own_phrase(self, end: int, start: int) -> bool:
        """Only prepositions and names stand between a noun and a time: the time is in the
        noun's phrase ("the attack on Monday", "the fall of Bakhmut in May"; not "the
        invasion opened on Friday")."""
        toks = self.doc.tokens_between(end, start)
        return len(toks) <= 4 and all(t.lower in PREPOSITIONS or t.is_cap for t in toks)

    def _closing_report(self, t: TimeSpec, trigger: int) -> bool:
        """The expression dates a report that closes a clause before the trigger ("...,
        authorities said on Thursday, the city's deadliest blaze in decades"): not the blaze's
        day."""
        between = self.doc.words_between(t.end, trigger)
        if t.end > trigger or between[:1] != [","] or len(between) > 6 or \
                between[1:2] not in (["the"], ["a"], ["an"], ["its"], ["their"]) or \
                between[2:3] in _DAY_NOUNS:
            return False  # (an apposition: not "..., as rescuers searched for survivors
            # buried by mudslides", which goes on at the report's time, nor "..., the day a
            # cyclone hit the coast")
        doc = self.doc
        k = doc.first_token_at_or_after(t.start) - 1
        steps = 0
        while k > 0 and steps < 4 and doc.words[k] in _SPEECH_ADJUNCTS:
            k -= 1
            steps += 1
        return k > 0 and doc.words[k] in self.reporting and doc.tokens[k].is_word and \
            "," in doc.words[max(0, k - 5):k]

    def _dates_report(self, t: TimeSpec, trigger: int) -> bool:
        """The expression follows a reporting verb ("said on Tuesday", "told reporters on
        Monday") and the event is told by another report inside it ("... that Russia claimed
        its troops had captured X"): the day dates the outer report only. (What the report
        tells itself — "said on Tuesday that police had arrested two men" — is bounded by that
        day: see :meth:`attach`.)"""
        return self._report_between(t, trigger) and self._follows_report(t)

    def _told_by_report(self, t: TimeSpec, trigger_start: int, opener: bool = True) -> bool:
        """The time is the day of a report ("said on Thursday that its troops had killed
        ...") and the trigger lies in what that report tells, after it in its sentence."""
        if not _a_day(t) or t.end > trigger_start:
            return False
        doc = self.doc
        sent = doc.sentence_at(t.start)
        if sent is None or trigger_start >= sent.end:
            return False
        between = doc.words_between(t.end, trigger_start)
        if ";" in between or between[:1] == [","] and between[2:3] in _DAY_NOUNS:
            return False  # (", the day a cyclone hit the coast": an apposition naming the day)
        k = doc.first_token_at_or_after(trigger_start)
        near = doc.words[max(0, k - 1):k + 4]
        if any(w in _ONGOING and (nxt.endswith("ing") or nxt in ("ongoing", "under"))
               for w, nxt in zip(near, near[1:], strict=False)):
            return False  # "said on Monday that fighting was continuing": that day's
        return self._follows_report(t) or opener and self._opens_report(t, trigger_start)

    def _reacted_to(self, t: TimeSpec, trigger_start: int) -> bool:
        """The trigger heads the object of a reaction ("condemned the Markoye attack on
        Wednesday") and the day is the sentence's only one: the reaction's, which the event
        came before (not "on Saturday condemned two bomb attacks in Kenya Friday")."""
        doc = self.doc
        sent = doc.sentence_at(trigger_start)
        if not _a_day(t) or sent is None or any(
                o.start != t.start and _a_day(o) for o in self._by_sentence.get(sent.index, [])):
            return False
        return reaction_before(doc, doc.first_token_at_or_after(trigger_start),
                               self.reporting) >= 0

    def _opening_report_day(self, trigger_start: int) -> TimeSpec | None:
        """The day of a report that opens the trigger's sentence ("Speaking on Thursday, the
        minister said troops had killed ...", "On Thursday, the army said it had ..."): the
        report's verb stands between that day and the trigger."""
        sent = self.doc.sentence_at(trigger_start)
        if sent is None:
            return None
        return next((t for t in self._by_sentence.get(sent.index, [])
                     if _a_day(t) and t.end <= trigger_start and
                     self._opens_report(t, trigger_start)), None)

    def _opens_report(self, t: TimeSpec, trigger_start: int) -> bool:
        """The time ends a report's opener before a comma ("Speaking on Thursday,", "In a
        statement on Monday,", "On Thursday," before "the army said"; "According to officials
        on Monday,") and the report's verb, if it needs one, stands before the trigger."""
        doc = self.doc
        sent = doc.sentence_at(t.start)
        if sent is None:
            return False
        lead = doc.words_between(sent.start, t.start)
        between = doc.words_between(t.end, trigger_start)
        if doc.text[t.end:t.end + 1] != ",":
            # (without a comma only right before the report: "On Friday the army said")
            return bool(lead) and all(w in _FRONTED for w in lead) and \
                not any(w in (";", ",", "but") for w in between) and \
                any(w in self.reporting for w in between[:5])
        toks = doc.tokens_between(t.end, trigger_start)
        if any(w in (";", "but") for w in between):
            return False  # (not "..., but ... the whole attack")
        if lead[:2] == ["according", "to"] and "," not in lead:
            return True
        # the report's verb soon after the comma ("On Thursday, the army said"; not "..., a
        # report of its own", "On April 4, 1949, ..., Truman's secretary of state, ... signed")
        return (all(w in _FRONTED for w in lead) or self._report_opener(t)) and \
            any(w in self.reporting and not toks[n].is_cap and between[n - 1] not in DETERMINERS
                and between[n - 1] != "of" for n, w in enumerate(between[:7]) if n)

    def _report_day_before(self, trigger_start: int) -> TimeSpec | None:
        """The day of a report earlier in the trigger's sentence that the trigger is told by
        ("announced on Monday that he would resign", "Speaking on Monday, he said ...")."""
        sent = self.doc.sentence_at(trigger_start)
        if sent is None:
            return None
        return next((t for t in reversed(self._by_sentence.get(sent.index, []))
                     if t.end is not None and t.end <= trigger_start and
                     self._a_reports_day(t) and
                     not any(w in (";", ".") for w in self.doc.words_between(t.end,
                                                                             trigger_start))),
                    None)

    def _a_reports_day(self, t: TimeSpec) -> bool:
        """The expression is the day of a report: it follows a reporting verb ("officials
        said on Friday") or ends a report's opener ("Speaking on Friday, ... said")."""
        if not _a_day(t):
            return False
        sent = self.doc.sentence_at(t.start)
        return sent is not None and (self._follows_report(t) or
                                     self._opens_report(t, sent.end))

    def _closing_report_day(self, trigger_start: int, trigger_end: int) -> TimeSpec | None:
        """The day of a report that closes the trigger's sentence ("Russian troops have
        retaken the village, the General Staff said on Tuesday")."""
        sent = self.doc.sentence_at(trigger_start)
        if sent is None:
            return None
        return next((t for t in self._by_sentence.get(sent.index, [])
                     if _a_day(t) and t.start >= trigger_end and
                     self._reported_after(t, trigger_end)), None)

    def _follows_report(self, t: TimeSpec) -> bool:
        """The expression follows a reporting verb ("said on Tuesday", "told reporters on
        Monday"): the day of the report."""
        doc = self.doc
        k = doc.first_token_at_or_after(t.start) - 1
        sent = doc.sentence_at(t.start)
        lo = doc.first_token_at_or_after(sent.start) if sent is not None else 0
        steps = 0
        while k >= lo and steps < 4 and doc.words[k] in _SPEECH_ADJUNCTS:
            k -= 1
            steps += 1
        if k >= lo and doc.words[k] in self.reporting and doc.tokens[k].is_word and \
                not (doc.tokens[k].is_cap and k > lo):  # (not "the United States April 2")
            return True
        # "The army told residents on Tuesday", "told the BBC on Monday": an addressee
        told = next((j for j in range(k, max(lo, k - 4) - 1, -1) if doc.words[j] == "told"),
                    None)
        return told is not None and not any(
            w in _CLAUSE_MARKS or w in self.reporting for w in doc.words[told + 1:k + 1])

    def _describes(self, clause: tuple[int, int], end: int) -> bool:
        """A relative clause right after the trigger: "The outbreak, which began in October"."""
        return self.doc.words_between(end, clause[0]) in ([","], [])

    def _compared(self, t: TimeSpec) -> bool:
        """The time of a figure compared with: "down from 303 in 2019", "than in 2019",
        "compared with 12% a year earlier"."""
        k = self.doc.first_token_at_or_after(t.start)
        before = self.doc.words[max(0, k - 6):k]
        if before[-1:] == ["than"] or before[-2:-1] == ["than"] and before[-1] in (
                "in", "on", "at", "during"):
            return True  # "more than in 2019", not "more than 1,000 died during this year's"
        for i, w in enumerate(before):
            if w == "compared" or w == "from" and i > 0 and before[i - 1] in (
                    "down", "up", "rose", "fell", "increased", "decreased", "risen", "fallen"):
                return not any(x in (",", ";", ".") for x in before[i + 1:])
        return False

    def _in_attribution(self, t: TimeSpec, trigger_end: int) -> bool:
        """ "won the election ..., according to results released on Monday": a time inside the
        source's phrase after the event dates the source, not the event."""
        if t.start < trigger_end:
            return False
        between = self.doc.words_between(trigger_end, t.start)
        return any(between[i:i + 2] == ["according", "to"] for i in range(len(between) - 1))

    def _charged_before(self, p: int) -> bool:
        """A verb of charging before "over"/"for" at token ``p``, over a time between them
        ("jailed for", "sentenced to life on Thursday for")."""
        for q in range(p - 1, max(-1, p - 10), -1):
            w = self.doc.words[q]
            if w in _CHARGING:
                return True
            if w in (",", ";", ".") or q == p - 1 and not self._in_timex(q):
                return False
            if not self._in_timex(q) and w not in ("on", "in", "at", "to", "life", "prison",
                                                   "jail", "years"):
                return False
        return False

    def _in_timex(self, q: int) -> bool:
        start = self.doc.tokens[q].start
        return any(t.start <= start < t.end for t in self.timexes)

    def _definite(self, trigger_start: int) -> bool:
        """A noun after "the" and before a verb in the past: an event told as given ("the
        defeat showed ... in the near term": the near term is what the clause foresees, not
        when the defeat was; but "the talks will resume in the near future")."""
        doc = self.doc
        k = doc.first_token_at_or_after(trigger_start)
        nxt = doc.words[k + 1] if k + 1 < len(doc.words) else ""
        return k > 0 and doc.words[k - 1] == "the" and not self._is_verb(trigger_start) and \
            _past_form(nxt)  # (told as done)

    def _second_verbs(self, t: TimeSpec, end: int) -> bool:
        """The time follows a second verb joined by "and" after the trigger's object: "the
        president dissolved the House and set fresh elections for March 5, 2026" (asked of a
        time to come only: "thousands attacked shops and burned cars on Friday" did both
        then)."""
        doc = self.doc
        k0, k1 = doc.first_token_at_or_after(end), doc.first_token_at_or_after(t.start)
        for k in range(k0 + 1, k1 - 1):
            if doc.words[k] in (",", ";"):
                return False
            if doc.words[k] == "and":
                nxt = doc.tokens[k + 1].start
                i = bisect_left(self.verb_offsets, nxt)
                word = doc.words[k + 1]
                return i < len(self.verb_offsets) and self.verb_offsets[i] == nxt or \
                    not doc.tokens[k + 1].is_cap and (
                        _past_form(word) and word not in ("was", "were", "had") or
                        word in _SAME_IN_THE_PAST)
        return False

    def _later_verbs_clause(self, t: TimeSpec, end: int) -> bool:
        """The time lies in a clause of "after", "before" or "until" with a verb of its own
        after the trigger ("The protests began after the canopy collapsed on Nov. 1": the
        collapse's day; but "arrested him after a raid on Monday" keeps it)."""
        doc = self.doc
        k0, k1 = doc.first_token_at_or_after(end), doc.first_token_at_or_after(t.start)
        opener = next((k for k in range(k1 - 1, k0 - 1, -1)
                       if doc.words[k] in _LATER_CLAUSE_OPENERS), None)
        if opener is None or opener + 1 >= k1 or doc.words[opener + 1].endswith("ing"):
            return False  # ("met the prime minister after arriving in Tokyo on Monday")
        lo = doc.tokens[opener].end
        i = bisect_left(self.verb_offsets, lo)
        if i == len(self.verb_offsets) or self.verb_offsets[i] >= t.start:
            return False
        # the verb has a subject of its own after the conjunction, and is not the main
        # clause's second verb ("shelled the town after dawn and captured it on Wednesday";
        # but "after Hamas and Islamic Jihad fired rockets on Sunday" is the clause's)
        verb = doc.first_token_at_or_after(self.verb_offsets[i])
        between = doc.words[opener + 1:verb]
        return bool(between) and between[-1] not in ("and", "or", "but", "then", ";")

    def _since(self, t: TimeSpec, floor: int, trigger: int | None = None) -> bool:
        """A time after "since" (a bound), unless a "when" clause tells what happened then
        ("the deadliest crash since 2007, when a jet overshot the runway"), or the event at
        ``trigger`` is the one the phrase names ("since the fall of Bakhmut in May")."""
        if self.doc.text[t.end:t.end + 7].startswith((", when", " when")) and not (
                trigger is not None and trigger < t.start and _superlative(
                    self.doc.words_between(trigger, t.start))):
            return False  # (the "when" clause's own event; but "The earthquake was the
            # deadliest since 1960, when a quake destroyed Agadir": not the earthquake told)
        if self.doc.word_before(floor, t.start) == "since" or \
                (t.text or "").lower().startswith("since "):
            return True
        # in the phrase a "since" opens: "its biggest gain since the fall of Bakhmut in May
        # last year", "since independence in 1960" (but not past a clause of its own: "since
        # 2014 that troops entered ... on Monday")
        k = self.doc.first_token_at_or_after(t.start)
        back = self.doc.words[max(0, k - 8):k]
        if "since" not in back:
            return False
        phrase = back[len(back) - 1 - back[::-1].index("since") + 1:]
        if trigger is not None and self.doc.first_token_at_or_after(trigger) >= \
                k - len(phrase) and not (trigger > t.start and any(
                    w in (";", "and") for w in self.doc.words_between(t.end, trigger))):
            return False  # the phrase's own event: "since the fall of Bakhmut in May", "since
            # the 2004 Beslan school siege" (not a verb after it: "its first since the
            # disaster of March 2011, and urged people to flee")
        common = len(phrase) <= 3 and phrase[-1] in ("in", "of") and not any(
            tok.is_cap for tok in self.doc.tokens[k - len(phrase):k])  # (not "since Gilbert
        # in 1988, which killed 45": the storm named)
        return bool(phrase) and (phrase[0] in _DETERMINING or common) and \
            not any(w in (",", ";", "that", "when", "and", "but", "which", "who") or
                    w in _BEGAN for w in phrase) and \
            self.doc.token_sentence[max(0, k - len(phrase) - 1)] == self.doc.token_sentence[k]

    def _in_subordinate(self, t: TimeSpec) -> bool:
        """ "... its biggest gain since it captured Bakhmut in May last year": a time of a
        subordinate clause dates that clause's event, not the sentences after it."""
        sent = self.doc.sentence_at(t.start)
        return sent is not None and self._subordinate(clause_of(self.bounds(sent.index),
                                                                t.start))

    def _coordinated(self, clause: tuple[int, int]) -> bool:
        """A main clause joined to the one before it by "and" (", and police opened fire"),
        which tells of no other time ("and the government eventually resigned", "and he was
        arrested when he returned")."""
        k = self.doc.first_token_at_or_after(clause[0])
        words = self.doc.words
        if not (0 < k < len(words) and (words[k] == "and" or words[k - 1] == "and")):
            return False
        own = words[k:self.doc.first_token_at_or_after(clause[1])]
        return not _LATER.intersection(own)

    def _subordinate(self, clause: tuple[int, int]) -> bool:
        """A clause opened by "after", "since", "because"...: its times are its own."""
        k = self.doc.first_token_at_or_after(clause[0])
        if k < len(self.doc.words):
            k = measured_opener(self.doc.words, k)  # ", a day after ..."
        if k + 1 < len(self.doc.words) and self.doc.words[k] in ("after", "before") and \
                self._in_timex(k + 1):
            return False  # ", shortly after 1:38 p.m. on Thursday": a time, no clause
        return k < len(self.doc.words) and self.doc.words[k] in _SUBORDINATE_OPENERS

    def _coarse_opener(self, here: list[TimeSpec], sent_start: int, clause: tuple[int, int],
                       trigger_start: int) -> TimeSpec | None:
        """A year, month or season opening the sentence before a comma ("In 2019,", "In
        March,") when the trigger's clause is opened by "after", "when", "as" or "while"."""
        doc = self.doc
        k = doc.first_token_at_or_after(clause[0])
        if k < len(doc.words):
            k = measured_opener(doc.words, k)
        if k + 1 >= len(doc.words) or doc.words[k] not in ("after", "when", "as", "while") or \
                doc.words[k + 1] == "being" or doc.words[k + 1].endswith("ing"):
            return None  # (not "... had been killed soon after being captured")
        return next((t for t in here
                     if t.end is not None and t.end <= clause[0] and t.resolved and
                     t.precision in _COARSE and t.type == "DATE" and
                     doc.text[t.end:t.end + 1] == "," and
                     all(w in _FRONTED for w in doc.words_between(sent_start, t.start))),
                    None)

    def _same_paragraph(self, offset: int, paragraph: int) -> bool:
        s = self.doc.sentence_at(offset)
        return s is not None and s.paragraph == paragraph


# Verbs that end the subject of a charge ("The man accused of murdering two teenagers appeared
# in court on Tuesday": the day is the court's).
_MAIN_VERBS = frozenset({"was", "were", "is", "are", "has", "have", "had", "will", "appeared",
                         "pleaded", "faces", "faced", "went", "remains", "remained", "goes"})
# Conjunctions that open a clause whose own verb a following time dates.
_LATER_CLAUSE_OPENERS = frozenset({"after", "before", "until", "till"})
# punctuation that ends a noun phrase
_PHRASE_BREAKS = frozenset({",", ";", ":", "(", ")", "—", "–"})
# words in a heading before its date that make it no day of what follows
def _superlative(words: list[str]) -> bool:
    """A superlative among ``words`` ("the deadliest", "the worst", "the first")."""
    return any(w in ("first", "most") or is_superlative(w) for w in words)


_NOT_THE_DAY = frozenset({"since", "before", "until", "between", "born", "updated", "posted",
                          "published", "said", "says", "told", "wrote", "as", "after", "by"})
_COUNTS = {"a": 1, "one": 1, "the": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_DAY_OR_FINER = frozenset({"second", "minute", "hour", "part_of_day", "day"})
_FRONTED = frozenset({"on", "in", "at", "late", "early", "by", "the", "last", "this", "'", '"',
                      "“"})
# Words that open a clause or a second event inside an announcement's object.
_CLAUSE_MARKS = frozenset({"that", ",", '"', "“", "”", "to", "which", "who", "after",
                           "before", "when", "while", "and", "but", "since", "until"})
_TEMPORAL_PREPOSITIONS = frozenset({"before", "after", "since", "until", "following"})
_POSTPONED = frozenset({"postponed", "delayed", "moved", "pushed", "brought", "rescheduled",
                        "deferred", "shifted", "put"})
# verbs of beginning after an event noun governed by "since" ("since the war began")
_BEGAN = frozenset({"began", "begun", "started", "erupted", "broke", "was", "launched",
                    "struck", "hit", "happened", "occurred", "took"})
_STRETCHES = frozenset({"hours", "days", "weeks", "months", "years", "decades"})
_STRETCH_COUNTS = frozenset({"two", "three", "four", "five", "six", "several", "many", "few"})
_DETERMINING = frozenset({"the", "a", "an", "its", "their", "his", "her", "this", "that",
                          "last", "latest", "recent", "previous", "'s", "’s"})
_PREMODIFIER_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our",
                                      "this", "that", "these", "those"})
# Words after a date that show it is no noun modifier ("the 2016 and 2020 elections" aside).
_NOT_NOUNS = frozenset({"and", "or", "to", "of", "in", "on", "at", "by", "for", "from", "with",
                        "as", "when", "while", "was", "were", "is", "are", "had", "has", "have",
                        "will", "would", "saw", "brought", "ended", "began", "that", "which",
                        "than", "through", "until", "after", "before", "onwards", "itself"})
# Verbs that name something ("declared Sunday a day of mourning", "designated 2024 the year
# of ..."): a time right after them, followed by "a"/"an", is what they name.
_NAMING_VERBS = ("declar", "proclaim", "designat")
# words that put a clause at another time than the one before it ("and the government
# eventually resigned", "and he was arrested when he returned")
_LATER = frozenset({"eventually", "later", "subsequently", "afterwards", "afterward", "then",
                    "soon", "finally", "since", "when", "after", "before", "once", "until",
                    "ultimately"})
_CLAUSE_CONJUNCTIONS = frozenset({"after", "before", "since", "because"})
_COARSE = frozenset({"month", "season", "quarter", "half_year", "year", "decade", "century"})
_SPEECH_ADJUNCTS = frozenset({
    "on", "in", "at", "late", "early", "a", "an", "the", "his", "her", "their", "its", "this",
    "last", "statement", "interview", "reporters", "journalists", "briefing", "conference",
    "news", "press", "television", "tv", "radio", "video", "address", "post", "message",
    "speech", "earlier", "later", "parliament", "lawmakers", "supporters", "online", "nation",
    "country", "people", "public", "assembly", "congress", "senate", "crowd", "crowds",
    "defeat", "social", "media", "platform", "platforms", "telegram", "facebook", "twitter",
    "instagram", "website", "blog", "state"})  # ("wrote on social media the following day")
# Words of the audience after "told" ("told cheering supporters in the capital").
_AUDIENCE = frozenset({"cheering", "supporters", "capital", "city", "rally", "gathering",
                       "audience", "delegates", "residents", "officials", "leaders", "ministers",
                       "correspondents", "broadcaster", "channel", "newspaper", "daily",
                       "agency", "state", "local", "national", "public", "french", "reporters",
                       "square", "crowd", "crowds", "thousands", "hundreds", "of", "outside",
                       "before"})
# bodies named after a year ("the 1922 Committee")
_NAMED_BODIES = frozenset({"committee", "commission", "club", "group", "foundation",
                           "movement", "society", "council", "brigade", "battalion"})
# verbs that make a treaty or a law
_MAKING = frozenset({"signed", "sign", "signing", "signs", "concluded", "adopted", "agreed",
                     "negotiated", "brokered", "passed", "enacted", "ratified", "reached",
                     "struck", "drafted", "approved"})
# a relative word of a clause about a thing and what may follow it ("that was opened"; not
# "protesters who stormed parliament on Tuesday", whose day is the scene's)
_RELATIVE_WORDS = frozenset({"that", "which"})
# words before "that" that make it no relative pronoun ("so that", "is that", "now that")
_NOT_RELATIVE_HEADS = frozenset({"so", "such", "now", "is", "was", "be", "been", "are", "were",
                                 "and", "but", "than", "fact", "news", "claim", "claims",
                                 "report", "reports", "sign", "signs", "evidence", "hope",
                                 "fear", "fears", "warning", "warnings", "statement"})
# verbs by which a relative clause tells what an event did ("the crash that killed 57")
_EVENT_DOINGS = frozenset({"killed", "left", "injured", "wounded", "claimed", "destroyed",
                           "devastated", "flattened", "happened", "occurred", "erupted",
                           "struck", "hit", "ravaged", "displaced"})
_RELATIVE_VERBS = frozenset({"was", "were", "is", "are", "has", "have", "had", "been"})
_SUBJECT_PRONOUNS = frozenset({"they", "it", "he", "she", "we", "i", "you"})
_FORCES = frozenset({"forces", "troops", "soldiers", "army", "militants", "fighters",
                     "rebels", "police"})
_IRREGULAR_PASTS = frozenset({"took", "won", "held", "lost", "built", "fought", "struck",
                              "left", "made", "gave", "began", "seized", "overran", "hit",
                              "tore", "swept", "shook", "brought"})
_SUBORDINATE_OPENERS = frozenset({"after", "before", "since", "until", "till", "because",
                                  "although", "though", "unlike", "despite", "who", "which",
                                  "whose", "whom"})  # (relative clauses: their own times)


_CONJOINING = frozenset({",", ";", "and", "or", "but"})
# verbs whose past is their base form ("and set fresh elections for March 5")
_SAME_IN_THE_PAST = frozenset({"set", "put", "cut", "let", "hit", "shut", "spread", "cast",
                               "burst", "quit"})
# words after "to" that open no infinitive ("agreed to a truce", "returned to Kyiv")
_NOT_VERBS_AFTER_TO = frozenset({"its", "their", "his", "her", "our", "them", "him", "us",
                                 "power", "office", "court", "prison", "hospital", "date",
                                 "death", "life", "years", "months", "weeks", "days"})
_DURING_WORDS = frozenset({"in", "during", "its", "their", "the", "his", "her", "a", "an"})
_BEEN_LIKE = frozenset({"been", "become", "come", "grown", "risen", "fallen", "hit", "put",
                        "cut", "set", "spread", "left", "fled", "led", "kept", "held"})


_REGIMES = frozenset({"nazi", "soviet", "ottoman", "tsarist", "fascist", "communist",
                      "imperial", "colonial"})


def _past_form(word: str) -> bool:
    """A verb in the past by its spelling: an irregular past or one in -ed."""
    return word in IRREGULAR_PAST or len(word) > 4 and word.endswith("ed")


def _thing_relative(words: list[str]) -> bool:
    """The words before an expression hold "that" or "which" after a word of their own and
    before a verb ("a footbridge that was opened in", "two dams that were built in"; not "the
    attack that was carried out on Monday", the attack's own time, nor past a comma that
    closes the clause: "hit a plant which produced tanks, killing three workers on Friday")."""
    return any(w in _RELATIVE_WORDS and n + 1 < len(words) and
               any(x.isalpha() for x in words[:n]) and "," not in words[n + 1:] and
               (_finite(words[n + 1]) or
                # a subject of its own first: a pronoun, or a name of up to two words
                # ("that they seized", "that Russian forces occupied on the first day")
                words[n + 1] in _SUBJECT_PRONOUNS and n + 2 < len(words) and
                _finite(words[n + 2]) or
                n + 3 < len(words) and words[n + 2] in _FORCES and _finite(words[n + 3]))
               for n, w in enumerate(words))


def _finite(word: str) -> bool:
    """A verb of a clause by its form: an auxiliary, a past in -ed, a common irregular past
    ("the outcrop that they seized", "which it took in 2014")."""
    return word in _RELATIVE_VERBS or word in _IRREGULAR_PASTS or \
        len(word) > 4 and word.endswith("ed")


def _plural_noun(word: str) -> bool:
    """A plural noun, by its spelling ("demonstrations", "protests"; not "was", "has")."""
    return len(word) > 3 and word.isalpha() and word.endswith("s") and \
        not word.endswith(("ss", "us", "is"))


# TimeML's values of "now", "recently", "in the future": no day for another sentence.
# "now", "in the past", "in the future": no time of an event told
REFERENCES = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})
_PAST_OR_PRESENT = REFERENCES - {"FUTURE_REF"}


def _days_back(t: TimeSpec, days: int, text: str, start: int, end: int) -> TimeSpec:
    """The day ``days`` before the day ``t`` names, told by ``text[start:end]`` (", a day
    after", "A week after")."""
    day = calendar_day(t.earliest) - timedelta(days=days)
    return dataclasses.replace(t, value=day.isoformat(), edtf=day.isoformat(), earliest=day,
                               latest=day, text=text[start:end], start=start, end=end,
                               mod=None, rule="days-before")


def _usable(t: TimeSpec, own_clause: bool) -> bool:
    if t.type in ("DATE", "TIME"):
        return True
    if t.type == "DURATION" and own_clause:
        return t.earliest is not None or t.latest is not None
    return False


def merge_anchors(given: Mapping[str, date] | None, found: Mapping[str, date]
                  ) -> dict[str, date]:
    out = dict(found)
    out.update(given or {})
    return out


def _one_day(t: TimeSpec) -> bool:
    """A date of one day, or a part of one day ("on Thursday evening")."""
    return t.type in ("DATE", "TIME") and t.precision in ("day", "part_of_day") and \
        isinstance(t.earliest, date) and isinstance(t.latest, date) and \
        calendar_day(t.earliest) == calendar_day(t.latest)
