"""The extraction pipeline: article text in, :class:`kg.model.AnalysedArticle` out.

Stages: screen the input -> sentences -> publication date -> time expressions (and anchors
stated in the text) -> mentions -> entities (linked) -> event mentions (triggers, modality,
roles, counts, quotations, times) -> one event per real event -> labels and ids.
Pure and deterministic: the adapters (catalog, gazetteer, linker) are passed in.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import date
from typing import Any

from ..model import (
    AnalysedArticle,
    Article,
    Entity,
    Event,
    Mention,
    Participant,
    Sentence,
    TimeSpec,
)
from ..temporal.tagger import calendar_day
from .dedup import merge_duplicates
from .document import Document
from .entities import EntityGroup, build_entities, drop_headline_guesses, group_mentions
from .events import EventDraft, extract_drafts
from .labels import event_label, weapon_word
from .lexicon import Lexicon, load_lexicon
from .mentions import collect_mentions
from .roles import MentionRef, RoleFinder
from .screening import screen
from .timing import TimeAttacher, find_anchors, merge_anchors, starts_after
from .vocabulary import CLOSING_QUOTES, OPENING_QUOTES

EXTRACTOR = "kg.extract/1.0 (rules)"
_SPEECH = frozenset({"Statement", "Announcement", "Accusation"})
_COUNTED_AFTERWARDS = frozenset({"CasualtiesReport", "Killing"})
_DECLARING = frozenset({"announce", "declare", "unveil", "present"})  # take a noun phrase
_YIELDING = frozenset({"surrender", "die", "died", "dies"})  # whose subject undergoes it
_LASTING = frozenset({"Occupation", "Encirclement"})  # states that begin "since" a time


def analyse_article(article: Article, *, catalog: Any = None, gazetteer: Any = None,
                    linker: Any = None, anchors: Mapping[str, date] | None = None
                    ) -> AnalysedArticle:
    """Extract sentences, entities, time expressions and events from ``article``."""
    lex = load_lexicon()
    warnings: list[str] = []
    doc = Document.parse(article.text)
    sentences = [Sentence(index=s.index, start=s.start, end=s.end, paragraph=s.paragraph)
                 for s in doc.sentences]
    problem = screen(article, doc, lex)
    if problem is not None:
        warnings.append(problem)
        return AnalysedArticle(article=article, sentences=sentences, warnings=warnings,
                               extractor=EXTRACTOR)

    article = _with_title(article, doc)
    article, published, precision = _publication(article, warnings)
    # a month guessed from the text resolves no "overnight" or "on Monday": only a day does
    timexes, filed = _tag_times(doc, published if precision == "day" else None, anchors,
                                warnings)
    if filed is not None:
        published = filed  # the report's own day: what it tells happened on or before it
    blocked = [(t.start, t.end) for t in timexes if t.start is not None and t.end is not None]

    cands = collect_mentions(doc, lex, catalog=_safe(catalog, "catalog", warnings),
                             gazetteer=_safe(gazetteer, "gazetteer", warnings), blocked=blocked)
    groups = drop_headline_guesses(group_mentions(cands, lex), doc.sentences, doc.text)
    entities, mentions, link_warnings = build_entities(groups, linker=linker)
    warnings.extend(link_warnings)

    finder = RoleFinder(doc, _mention_refs(groups, lex), lex)
    # "the first days of the invasion" is a time: the invasion there is its anchor, told
    # elsewhere, not an event of this sentence ("the first day of a four-day truce" is one,
    # and so is "the first days of the invasion that began on Feb. 24")
    anchoring = [(t.start, t.end) for t in timexes if t.rule and t.rule.startswith("anchored")
                 and t.start is not None and t.end is not None and
                 doc.text[t.end:t.end + 7].split()[:1] not in (["that"], ["which"])]
    drafts = [d for d in extract_drafts(doc, lex, finder)
              if not (d.trig.first and doc.words[d.trig.first - 1] == "the" and
                      any(s <= d.trig.start and d.trig.end <= e for s, e in anchoring))]
    attacher = TimeAttacher(doc, timexes, published, precision, [d.trig.start for d in drafts],
                            reporting=lex.reporting,
                            verb_offsets=[d.trig.start for d in drafts if d.trig.pos == "v"])
    for d in drafts:
        d.time = attacher.attach(d.trig.start, trigger_end=d.trig.end,
                                 perfect=d.reading.perfect, planned=d.modality == "planned",
                                 reporting=d.type in _SPEECH and d.trig.pos == "v",
                                 declaring=(d.type == "Announcement" or
                                            d.trig.entry.lemma in _DECLARING)
                                 and d.trig.pos == "v",
                                 infinitive=d.reading.cue in ("to", "to (purpose)"),
                                 lasting=d.type in _LASTING,
                                 toll=d.type == "CasualtiesReport",
                                 speech=d.type in _SPEECH)
        if d.modality in ("asserted", "claimed") and published is not None and \
                _after(d.time, published):
            if d.type in _COUNTED_AFTERWARDS or d.fatalities is not None or \
                    d.injured is not None:
                # deaths are counted after they happen: a later date is not this event's
                # ("Crush during Halloween festivities kills 151" filed the day before)
                d.time = attacher.fallback()
            else:
                d.reading = dataclasses.replace(d.reading, modality="planned",
                                                cue="future time")
        elif d.modality == "planned" and d.trig.pos == "n" and published is not None and \
                _past_year_before(d.time, d.trig.start, published):
            # "plotting a coup to overturn his 2022 election defeat": a past election named
            # by its year, not a plan
            d.reading = dataclasses.replace(d.reading, modality="asserted", cue="past year")
    for d in drafts:
        if d.modality == "planned" and d.trig.pos == "v":
            d.fatalities = d.injured = None  # "threatened to kill a hostage": no one killed
            # yet (a noun's count tells the event that was: "will investigate the attack,
            # which killed 20")
    _retake_own_ground(drafts, groups)
    _liberation_in_quotes(doc, drafts)
    drafts = merge_duplicates(drafts, _sides(groups))
    events = _events(doc, lex, drafts, groups)
    entities, mentions = _drop_idle_roles(entities, mentions, events, groups)
    out = AnalysedArticle(article=article, sentences=sentences, entities=entities,
                          mentions=mentions, timexes=timexes, events=events,
                          warnings=warnings, extractor=EXTRACTOR)
    out.check()
    return out


# -- stages ----------------------------------------------------------------------------------

def _publication(article: Article, warnings: list[str]) -> tuple[Article, date | None, str]:
    if article.published is not None:
        return article, calendar_day(article.published), "day"
    inferred = None
    try:
        from ..temporal import infer_publication_date
        inferred = infer_publication_date(article.text)
    except ImportError:
        warnings.append("no temporal tagger available: publication date not inferred")
    if inferred is None:
        warnings.append("publication date unknown: relative time expressions are unresolved "
                        "and event times are unknown unless stated")
        return article, None, "unknown"
    day, precision = inferred
    day = calendar_day(day)
    warnings.append(f"publication date inferred from the text: {day.isoformat()} "
                    f"({precision} precision)")
    article = dataclasses.replace(article, published=day, published_status="inferred")
    return article, day, precision


def _with_title(article: Article, doc: Document) -> Article:
    """An untitled article whose first line is a headline gets it as its title."""
    if article.title or not doc.paragraphs or doc.paragraphs[0].kind != "headline":
        return article
    first = doc.paragraphs[0]
    title = article.text[first.start:first.end].strip()
    if not 2 <= len(title.split()) <= 30:
        return article
    return dataclasses.replace(article, title=title)


def _tag_times(doc: Document, published: date | None, anchors: Mapping[str, date] | None,
               warnings: list[str]) -> tuple[list[TimeSpec], date | None]:
    """The time expressions, and the dateline's day when they were read against it."""
    try:
        from ..temporal import tag_timexes
    except ImportError:
        warnings.append("no temporal tagger available: time expressions not tagged")
        return [], None
    timexes = list(tag_timexes(doc.text, published, anchors=dict(anchors or {}) or None))
    filed = _filing_day(doc, timexes, published)
    if filed is not None:
        # "SYDNEY, May 3 - ... on Saturday" read on May 12: the report's days count from the
        # day its dateline was filed, not from a later publication (or scraping) date
        gap = (published - filed).days
        warnings.append(f"dated from the dateline ({filed.isoformat()}), {gap} "
                        f"day{'s' if gap > 1 else ''} before publication")
        published = filed
        timexes = list(tag_timexes(doc.text, published, anchors=dict(anchors or {}) or None))
    found = find_anchors(doc, timexes)
    new = {k: v for k, v in found.items() if not anchors or k not in anchors}
    if new:
        merged = merge_anchors(anchors, found)
        timexes = list(tag_timexes(doc.text, published, anchors=merged))
    timexes = [t for t in timexes if t.start is not None and t.end is not None
               and 0 <= t.start < t.end <= len(doc.text)]
    timexes.sort(key=lambda t: (t.start, t.end))
    return timexes, filed


def _filing_day(doc: Document, timexes: list[TimeSpec], published: date | None
                ) -> date | None:
    """The day of the report's only dateline when it names one up to two weeks before
    publication, and no date written in the text is later (not a live page or an updated
    report: "UPDATE, May 24:", "This story was updated on Oct. 11")."""
    if published is None or len(doc.datelines) != 1:
        return None
    start, end = doc.datelines[0]
    day = next((calendar_day(t.earliest) for t in timexes
                if t.start is not None and start <= t.start < end and t.precision == "day" and
                t.earliest is not None and t.earliest == t.latest), None)
    if day is None or not 0 < (published - day).days <= 14:
        return None
    for t in timexes:
        written = t.type == "DATE" and t.precision == "day" and t.text is not None and \
            any(c.isdigit() for c in t.text)  # ("May 24", "Oct. 11"; not "4 p.m.")
        if written and t.start is not None and not start <= t.start < end and \
                t.earliest is not None and calendar_day(t.earliest) is not None and \
                day < calendar_day(t.earliest) <= published:
            return None
    return day


def _safe(adapter: Any, name: str, warnings: list[str]) -> Any:
    """An adapter whose scan fails is reported and skipped, never fatal."""
    if adapter is None:
        return None

    class _Guarded:
        def scan(self, text: str) -> list[Any]:
            try:
                return list(adapter.scan(text))
            except Exception as exc:  # an adapter bug must not lose the article
                warnings.append(f"{name} scan failed: {type(exc).__name__}")
                return []

        def lookup(self, *args: Any, **kwargs: Any) -> list[Any]:
            try:
                return list(adapter.lookup(*args, **kwargs))
            except Exception as exc:  # (an adapter without a look-up names nothing more)
                warnings.append(f"{name} lookup failed: {type(exc).__name__}")
                return []

    return _Guarded()


def _mention_refs(groups: list[EntityGroup], lex: Lexicon) -> list[MentionRef]:
    facility_words = lex.words("facility_heads", "words")
    plurals = lex.union(("force_nouns",), ("casualties", "people_nouns"),
                        ("demonym_people", "words"))
    countries = {g.country_code: g.id for g in groups
                 if g.key and g.key.startswith("country:") and g.country_code}
    refs = []
    for g in groups:
        is_country = bool(g.key and g.key.startswith("country:"))
        capital = countries.get(g.capital_of) if g.capital_of else None
        if g.capital_of and capital is None:
            capital = g.id  # no country entity: the capital stands for itself
        words = g.label.split()
        facility = g.kind == "place" and len(words) > 1 and words[-1].lower() in facility_words \
            or g.kind == "place" and any(w[:1].isupper() and w.lower() in facility_words
                                         for w in words)
        for c in g.mentions:
            last = c.surface.split()[-1] if c.surface.split() else ""
            plural = g.kind != "person" and last.islower() and last.endswith("s") and \
                last in plurals
            refs.append(MentionRef(c.start, c.end, g.id, g.kind,
                                   demonym=bool(c.extra.get("demonym")), country=is_country,
                                   capital_of=capital, facility=facility,
                                   people=bool(c.extra.get("people")), plural=plural,
                                   official=bool(c.extra.get("official")),
                                   unnamed=(g.key or "").startswith("role:")))
    return refs


def _drop_idle_roles(entities: list[Entity], mentions: list[Mention], events: list[Event],
                     groups: list[EntityGroup]) -> tuple[list[Entity], list[Mention]]:
    """An unnamed title ("the education ministry said …") is kept as an entity only when an
    event refers to it (as agent, target, speaker or source); ids are numbered again."""
    roles = {g.id for g in groups if (g.key or "").startswith("role:")}
    if not roles:
        return entities, mentions
    used = {p for ev in events for p in ev.places} | \
        {p.entity for ev in events for p in ev.participants} | \
        {ev.according_to for ev in events if ev.according_to}
    idle = roles - used
    if not idle:
        return entities, mentions
    kept = [e for e in entities if e.id not in idle]
    new_ids = {e.id: f"e{n}" for n, e in enumerate(kept, 1)}
    for e in kept:
        e.id = new_ids[e.id]
    for g in groups:
        g.id = new_ids.get(g.id, g.id)
    mentions = [dataclasses.replace(m, entity=new_ids[m.entity]) for m in mentions
                if m.entity in new_ids]
    for ev in events:
        ev.places = [new_ids[p] for p in ev.places]
        ev.participants = [Participant(new_ids[p.entity], p.role) for p in ev.participants]
        ev.according_to = new_ids[ev.according_to] if ev.according_to else None
    return kept, mentions


def _past_year_before(t: TimeSpec, trigger_start: int, published: date) -> bool:
    """The time is a year written right before the trigger, before the publication's year."""
    return t.basis == "expression" and t.precision == "year" and t.end is not None and \
        0 <= trigger_start - t.end <= 1 and t.value is not None and t.value.isdigit() and \
        int(t.value) < published.year


def _after(t: TimeSpec, published: date) -> bool:
    """The time lies wholly after publication (a plan or forecast)."""
    return t.basis == "expression" and t.type == "DATE" and starts_after(t, published)


def _sides(groups: list[EntityGroup]) -> dict[str, str]:
    """Entity id -> country code for countries, their armed forces and capitals ("in:" + id
    -> the country a place lies in, where known)."""
    out = {}
    for g in groups:
        code = g.country_code or g.capital_of
        if code:
            out[g.id] = code
        if g.key and g.key.startswith("country:"):
            out[f"country:{g.id}"] = code or g.id
        if g.kind == "place" and (g.lies_in or g.key and g.key.startswith("country:")):
            out[f"in:{g.id}"] = g.lies_in or code or g.id  # the country a place lies in
    return out


def _retake_own_ground(drafts: list[EventDraft], groups: list[EntityGroup]) -> None:
    """A state or its armed forces taking places of its own country regain them ("Ukrainian
    forces took full control of Lyman", "the army captured the town from the rebels"): ACLED's
    "government regains territory", not a capture of foreign ground."""
    by_id = {g.id: g for g in groups}
    for d in drafts:
        if d.type != "TerritoryTaken" or not d.roles.places:
            continue
        agent = by_id.get(d.roles.agent) if d.roles.agent else None
        if agent is None or not (agent.key or "").startswith(("country:", "forces:")) or \
                not agent.country_code:
            continue
        places = [by_id.get(p) for p in d.roles.places]
        if all(g is not None and g.kind == "place" and g.lies_in == agent.country_code and
               not (g.key or "").startswith("country:") for g in places):
            d.retype = "TerritoryRetaken"


def _liberation_in_quotes(doc: Document, drafts: list[EventDraft]) -> None:
    """A "liberation" the report sets in quotation marks of a few words ("had 'liberated' the
    settlement", "'completed the liberation' of the town") is the claimant's word for a
    capture: territory taken, not regained."""
    for d in drafts:
        if d.type != "TerritoryRetaken" or \
                d.trig.entry.lemma not in ("liberate", "liberation"):
            continue
        quote = doc.quote_at(d.trig.start)
        if quote is not None and len(doc.text[quote[0]:quote[1]].split()) <= 5 or \
                doc.text[d.trig.start - 1:d.trig.start] in OPENING_QUOTES and \
                doc.text[d.trig.end:d.trig.end + 1] in CLOSING_QUOTES:
            d.retype = "TerritoryTaken"


def _hosts(d: EventDraft, entity: str | None, countries: set[str], places: list[str]) -> bool:
    """A country a vote is held in ("Poland held a presidential election"): the vote's place
    (given when it has none), not a party to it; its candidates and parties take part."""
    if d.type != "Election" or entity not in countries:
        return False
    if not places:
        places.append(entity)
    return True


def _events(doc: Document, lex: Lexicon, drafts: list[EventDraft], groups: list[EntityGroup]
            ) -> list[Event]:
    names = {g.id: (g.entity.label if g.entity is not None else g.label) for g in groups}
    weapons = {k: v for k, v in lex.cues["weapon_nouns"].items() if not k.startswith("_")}
    countries = {g.id for g in groups if (g.key or "").startswith("country:")}
    events = []
    for n, d in enumerate(drafts, 1):
        r = d.roles
        sent = doc.sentences[d.trig.sentence]
        words = [t.lower for t in doc.sentence_tokens_of(sent.index)]
        participants = []
        role = "speaker" if d.type in ("Statement", "Announcement") else \
            "affected" if d.trig.entry.lemma in _YIELDING else "agent"
        places = list(dict.fromkeys(r.places))
        agent = None if _hosts(d, r.agent, countries, places) else r.agent
        if agent:
            participants.append(Participant(r.agent, role))
            participants.extend(Participant(c, role) for c in r.co_agents)
        for t in r.targets:
            if t != r.agent:
                participants.append(Participant(t, "target"))
        for p in r.participants:
            if _hosts(d, p, countries, places):
                continue
            if p != r.agent and p not in r.targets and p not in r.co_agents:
                participants.append(Participant(p, "participant"))
        label = event_label(d.trig.entry.label, d.type, d.modality, agent=agent,
                            targets=r.targets, places=r.places,
                            weapon=weapon_word(words, weapons), name=names.__getitem__)
        according = r.according_to if r.according_to != r.agent or d.type not in (
            "Statement", "Announcement") else None
        events.append(Event(
            id=f"ev{n}", type=d.type, trigger_start=d.trig.start, trigger_end=d.trig.end,
            label=label, time=d.time or TimeSpec(basis="unknown", resolved=False),
            places=places, participants=participants,
            fatalities=d.fatalities, injured=d.injured, modality=d.modality,
            according_to=according, quote=d.quote, rule=d.rule,
            confidence=round(min(max(d.confidence, 0.0), 1.0), 3)))
    return events
