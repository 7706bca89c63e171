"""When two article-level events report the same real-world event. Pure.

Two events are *compatible* when they come from different articles and agree on

* type (the same concept) and modality group (asserted/claimed/hedged events happened;
  negated and planned ones only match their own kind);
* time: their intervals overlap (a point inside the other's interval counts), open bounds
  being open;
* place: they share a place, or one contains the other (``contains(outer, inner)`` over
  Wikidata Q-ids, when a containment is known); events without a place never merge;
* and they share a participant or the stem of their trigger.

An event dated only "on or before publication" (or not at all) says little about when it
happened, so it is compatible only when everything else agrees strongly: the same place (not
mere containment), a shared participant, *and* the same trigger stem — unless the type is one
that happens about once per place and actor (:data:`ONCE_PER_PLACE`: a withdrawal from a city,
its capture, a victory there). A participant is shared when it is the same entity, or a country
and an armed force acting for it (from the lexicon's table of armed forces).
"""

from __future__ import annotations

from collections.abc import Callable

from .records import EventRecord

Contains = Callable[[str, str], bool]

#: types that happen about once for a given place and actor within a news cycle (a withdrawal
#: from a city, its capture): for these, a weakly dated report at the same place by the same
#: actor need not use the same trigger word
ONCE_PER_PLACE = frozenset({"TerritoryTaken", "TerritoryRetaken", "Withdrawal",
                            "MilitaryVictory", "Encirclement", "Occupation", "Ceasefire",
                            "Election", "Resignation"})

MODALITY_GROUP = {"asserted": "happened", "claimed": "happened", "hedged": "happened",
                  "negated": "negated", "planned": "planned"}


def overlaps(a: EventRecord, b: EventRecord) -> bool:
    """Whether the two intervals share an instant (missing bounds are open)."""
    if a.lo is not None and b.hi is not None and a.lo > b.hi:
        return False
    return not (b.lo is not None and a.hi is not None and b.lo > a.hi)


def place_relation(a: EventRecord, b: EventRecord, contains: Contains | None = None
                   ) -> str | None:
    """``"same"`` when they share a place, ``"contains"`` when one's place lies inside the
    other's, else None."""
    if not a.places or not b.places:
        return None
    if {p.iri for p in a.places} & {p.iri for p in b.places}:
        return "same"
    qa = {p.qid for p in a.places if p.qid}
    qb = {p.qid for p in b.places if p.qid}
    if qa & qb:
        return "same"
    if contains is not None:
        for x in sorted(qa):
            for y in sorted(qb):
                if contains(x, y) or contains(y, x):
                    return "contains"
    return None


def shares_participant(a: EventRecord, b: EventRecord) -> bool:
    """A participant in common: the same entity (IRI or Q-id), or a country and an armed
    force acting for it (``Ref.side``)."""
    if {p.iri for p in a.participants} & {p.iri for p in b.participants}:
        return True
    qa = {p.qid for p in a.participants if p.qid} | {p.side for p in a.participants if p.side}
    qb = {p.qid for p in b.participants if p.qid} | {p.side for p in b.participants if p.side}
    return bool(qa & qb)


def shares_stem(a: EventRecord, b: EventRecord) -> bool:
    return a.stem is not None and a.stem == b.stem


def compatible(a: EventRecord, b: EventRecord, contains: Contains | None = None) -> bool:
    """Whether ``a`` and ``b`` may report the same event (symmetric)."""
    if a.iri == b.iri or a.article == b.article or a.type != b.type:
        return False
    if MODALITY_GROUP.get(a.modality) != MODALITY_GROUP.get(b.modality):
        return False
    if not overlaps(a, b):
        return False
    relation = place_relation(a, b, contains)
    if relation is None:
        return False
    if a.weak_time or b.weak_time:
        if relation != "same" or not shares_participant(a, b):
            return False
        return shares_stem(a, b) or a.type in ONCE_PER_PLACE
    return shares_participant(a, b) or shares_stem(a, b)
