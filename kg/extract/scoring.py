"""Scoring extraction output against hand-written expectations (tests and ``eval/``).

An expectation file holds an article and the events, entities and time expressions a careful
analyst would list (see ``tests/extract/articles/``). Matching is one-to-one and greedy in
gold order:
- an event matches when the types agree (``type`` or one of ``alt_types``) and the predicted
  trigger is one of the gold ``triggers`` (either contains the other, case-insensitive);
  ``optional`` gold events are neither required nor counted as false positives when found;
- an entity matches when the kinds agree and a label or alias of one equals a label or alias
  of the other (case-insensitive);
- a time expression matches on its text, and its value is compared when the gold gives one.
Attributes of matched events (date, place, agent, counts, modality, source) are scored
separately as accuracies over the gold attributes that are given.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..model import AnalysedArticle, Event

ATTRIBUTES = ("date", "place", "agent", "fatalities", "injured", "modality", "according_to")


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Tally) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class ArticleScore:
    events: Tally = field(default_factory=Tally)
    entities: Tally = field(default_factory=Tally)
    timexes: Tally = field(default_factory=Tally)  # value-level: text and value right
    links: Tally = field(default_factory=Tally)
    attributes: dict[str, list[int]] = field(default_factory=lambda: {a: [0, 0]
                                                                      for a in ATTRIBUTES})
    violations: list[str] = field(default_factory=list)  # "absent" events found asserted
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    def add(self, other: ArticleScore) -> None:
        self.events.add(other.events)
        self.entities.add(other.entities)
        self.timexes.add(other.timexes)
        self.links.add(other.links)
        for a in ATTRIBUTES:
            self.attributes[a][0] += other.attributes[a][0]
            self.attributes[a][1] += other.attributes[a][1]
        self.violations += other.violations
        self.missed += other.missed
        self.spurious += other.spurious
        self.wrong += other.wrong


def _options(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list) else [value]


def _norm(text: str | None) -> str:
    return " ".join((text or "").lower().replace("’", "'").split())


def trigger_text(doc: AnalysedArticle, ev: Event) -> str:
    return doc.article.text[ev.trigger_start:ev.trigger_end]


def event_matches(doc: AnalysedArticle, ev: Event, gold: dict[str, Any], *,
                  exact: bool = False) -> bool:
    """Type agrees and the trigger is one of the gold triggers (or, unless ``exact``, a
    phrase containing one, or one of them without its last letters: "flood"/"floods")."""
    types = [gold["type"], *gold.get("alt_types", [])]
    if ev.type not in types:
        return False
    trig = _norm(trigger_text(doc, ev))
    for g in map(_norm, gold.get("triggers", [])):
        if trig == g:
            return True
        if not exact and (g in trig or trig in g and len(trig) >= len(g) - 2):
            return True
    return False


def _names(doc: AnalysedArticle, entity_id: str | None) -> set[str]:
    if entity_id is None:
        return set()
    try:
        e = doc.entity(entity_id)
    except KeyError:
        return set()
    return {_norm(e.label), *(_norm(a) for a in e.aliases)}


def time_value(ev: Event) -> str | None:
    """The comparable value of an event's time: the TimeML value, "PUB", the EDTF of a
    report's bound ("../2024-10-17") or None."""
    t = ev.time
    if t.basis == "publication":
        return "PUB"
    if t.basis == "report":
        return t.edtf
    if t.basis == "unknown" or not t.resolved and t.value is None:
        return None
    return t.value


def _check_attributes(doc: AnalysedArticle, ev: Event, gold: dict[str, Any],
                      score: ArticleScore) -> None:
    label = gold.get("label") or f"{gold['type']}:{gold.get('triggers', ['?'])[0]}"
    checks: dict[str, bool] = {}
    if "date" in gold or gold.get("basis") == "publication":
        want = ["PUB"] if gold.get("basis") == "publication" and "date" not in gold else \
            _options(gold.get("date"))
        got = time_value(ev)
        ok = got in want
        if not ok and got not in (None, "PUB") and any(isinstance(w, str) and w for w in want):
            ok = any(isinstance(w, str) and got.startswith(w) and len(w) >= 10 for w in want)
        if gold.get("basis_not"):
            ok = ok and ev.time.basis not in gold["basis_not"]
        checks["date"] = ok
    if "place" in gold:
        names = set().union(*(_names(doc, p) for p in ev.places)) if ev.places else set()
        checks["place"] = any(_norm(w) in names for w in _options(gold["place"])) \
            if gold["place"] else not ev.places
    if "agent" in gold:
        agents = set().union(*(_names(doc, p.entity) for p in ev.participants
                               if p.role in ("agent", "speaker"))) \
            if ev.participants else set()
        checks["agent"] = any(_norm(w) in agents for w in _options(gold["agent"])) \
            if gold["agent"] else not agents
    for key in ("fatalities", "injured"):
        if key in gold:
            checks[key] = getattr(ev, key) in _options(gold[key])
    if "modality" in gold:
        checks["modality"] = ev.modality in _options(gold["modality"])
    if "according_to" in gold:
        checks["according_to"] = any(_norm(w) in _names(doc, ev.according_to)
                                     for w in _options(gold["according_to"])) \
            if gold["according_to"] else ev.according_to is None
    for key, ok in checks.items():
        score.attributes[key][1] += 1
        score.attributes[key][0] += int(ok)
        if not ok:
            score.wrong.append(f"{label}: {key} {_describe(doc, ev, key)} != "
                               f"{gold.get(key, gold.get('basis'))!r}")


def _agreement(doc: AnalysedArticle, ev: Event, gold: dict[str, Any]) -> int:
    """How many of the gold attributes an event gets right (ties: the earlier event)."""
    probe = ArticleScore()
    _check_attributes(doc, ev, gold, probe)
    return sum(right for right, _n in probe.attributes.values())


def _describe(doc: AnalysedArticle, ev: Event, key: str) -> str:
    if key == "date":
        return f"{time_value(ev)!r} ({ev.time.basis})"
    if key == "place":
        return repr([doc.entity(p).label for p in ev.places])
    if key == "agent":
        return repr([doc.entity(p.entity).label for p in ev.participants])
    if key == "according_to":
        return repr(doc.entity(ev.according_to).label if ev.according_to else None)
    return repr(getattr(ev, key))


def score_article(doc: AnalysedArticle, expected: dict[str, Any], *,
                  link_qids: dict[str, str | None] | None = None) -> ArticleScore:
    """Score one analysed article against its expectations.

    ``link_qids`` maps gold entity labels to the Q-id the catalog gives them (None: should
    stay unlinked); links are only scored when it is given.
    """
    score = ArticleScore()
    _score_events(doc, expected.get("events", []), expected.get("absent", []), score)
    _score_entities(doc, expected.get("entities", []), score, link_qids)
    if "timexes" in expected:
        _score_timexes(doc, expected["timexes"], score)
    return score


def match_events(doc: AnalysedArticle, gold_events: list[dict[str, Any]]
                 ) -> list[tuple[dict[str, Any], Event | None]]:
    """Each gold event with the predicted event it is matched to (or None), one-to-one, in
    gold order: as many pairs as can be made (a maximum matching, so that one gold event
    taking the only event another could match leaves neither unmatched needlessly); each
    gold event prefers the events that match its trigger exactly, then those that agree
    with most gold attributes (ties: the earlier event)."""
    events = list(doc.events)
    prefs: list[list[int]] = []
    for gold in gold_events:
        exact = [n for n, ev in enumerate(events) if event_matches(doc, ev, gold, exact=True)]
        loose = [n for n, ev in enumerate(events)
                 if n not in exact and event_matches(doc, ev, gold)]
        prefs.append(sorted(exact, key=lambda n: -_agreement(doc, events[n], gold)) +
                     sorted(loose, key=lambda n: -_agreement(doc, events[n], gold)))
    owner: dict[int, int] = {}  # event index -> gold index

    def augment(g: int, seen: set[int]) -> bool:
        for n in prefs[g]:
            if n in seen:
                continue
            seen.add(n)
            if n not in owner or augment(owner[n], seen):
                owner[n] = g
                return True
        return False

    for g in range(len(gold_events)):
        augment(g, set())
    matched = {g: n for n, g in owner.items()}
    return [(gold, events[matched[g]] if g in matched else None)
            for g, gold in enumerate(gold_events)]


def _score_events(doc: AnalysedArticle, gold_events: list[dict[str, Any]],
                  absent: list[dict[str, Any]], score: ArticleScore) -> None:
    pairs = match_events(doc, gold_events)
    matched = {id(ev) for _g, ev in pairs if ev is not None}
    free = [ev for ev in doc.events if id(ev) not in matched]
    for gold, match in pairs:
        if match is None:
            if not gold.get("optional"):
                score.events.fn += 1
                score.missed.append(f"{gold['type']}:{gold.get('triggers', ['?'])[0]}")
            continue
        if gold.get("optional"):
            continue
        score.events.tp += 1
        _check_attributes(doc, match, gold, score)
    for ev in free:
        bad = [g for g in absent if event_matches(doc, ev, g) and
               ev.modality in _options(g.get("modality", ev.modality))]
        if bad:
            score.violations.append(f"{ev.type}:{trigger_text(doc, ev)} ({ev.modality})")
        score.events.fp += 1
        score.spurious.append(f"{ev.type}:{trigger_text(doc, ev)} [{ev.label}]")


def _entity_names(labels: Iterable[str]) -> set[str]:
    return {_norm(x) for x in labels if x}


def _score_entities(doc: AnalysedArticle, gold: list[dict[str, Any]], score: ArticleScore,
                    link_qids: dict[str, str | None] | None) -> None:
    free = list(doc.entities)
    for g in gold:
        names = _entity_names([g["label"], *g.get("aliases", [])])
        match = next((e for e in free if e.kind == g["kind"] and
                      names & _entity_names([e.label, *e.aliases])), None)
        if match is None:
            score.entities.fn += 1
            score.missed.append(f"entity {g['label']} ({g['kind']})")
            if link_qids is not None and link_qids.get(g["label"]):
                score.links.fn += 1
            continue
        free.remove(match)
        score.entities.tp += 1
        if link_qids is not None and g["label"] in link_qids:
            want = link_qids[g["label"]]
            if want and match.wikidata == want:
                score.links.tp += 1
            elif want and match.wikidata is None:
                score.links.fn += 1
                score.wrong.append(f"link {g['label']}: unlinked ({match.link.status}, "
                                   f"{match.link.method}), catalog has {want}")
            elif match.wikidata is not None and match.wikidata != want:
                score.links.fp += 1
                score.wrong.append(f"link {g['label']}: {match.wikidata} != {want}")
                if want:
                    score.links.fn += 1
    for e in free:
        score.entities.fp += 1
        score.spurious.append(f"entity {e.label} ({e.kind})")
        if link_qids is not None and e.wikidata is not None:
            score.links.fp += 1


def _score_timexes(doc: AnalysedArticle, gold: list[dict[str, Any]], score: ArticleScore
                   ) -> None:
    free = list(doc.timexes)
    for g in gold:
        match = next((t for t in free if _norm(t.text) == _norm(g["text"])), None)
        if match is None:
            score.timexes.fn += 1
            score.missed.append(f"timex {g['text']!r}")
            continue
        free.remove(match)
        if "value" in g and match.value != g["value"]:
            score.timexes.fn += 1
            score.timexes.fp += 1
            score.wrong.append(f"timex {g['text']!r}: {match.value!r} != {g['value']!r}")
        else:
            score.timexes.tp += 1
    score.timexes.fp += len(free)
    score.spurious.extend(f"timex {t.text!r} = {t.value}" for t in free)
