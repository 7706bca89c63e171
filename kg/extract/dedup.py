"""One event per real event: mentions of the same event within an article are merged.

Two mentions are the same event when they have the same type and polarity (a denial never
merges with an assertion), compatible times (overlapping bounds, or at least one only bounded
by publication), no conflicting agents, places or counts, and (for statements) the same
speaker. The best-evidenced mention is kept — body text before captions before headlines,
then more roles filled, a more specific time, higher confidence, earlier position — and the
others contribute the roles, counts and quotation it lacks.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date, datetime

from ..model import BASIS_RANK, EVENT_TYPES, TimeSpec
from ..temporal.tagger import calendar_day
from .events import CAMPAIGN_HEADS, EventDraft
from .roles import INTERCEPTING, Roles
from .timing import REFERENCES

_KIND_RANK = {"body": 0, "caption": 1, "headline": 2}
_VIOLENT = frozenset({"ShellingMissileAttack", "AirStrike", "Bombing", "Attack", "Killing",
                      "ArmedClash", "Explosion", "Accident", "Damage", "CasualtiesReport"})


def _bounds(t: TimeSpec | None) -> tuple[date | None, date | None]:
    if t is None:
        return None, None
    return calendar_day(t.earliest), calendar_day(t.latest)


def times_compatible(a: TimeSpec | None, b: TimeSpec | None) -> bool:
    if a is None or b is None or a.basis in ("publication", "unknown") or \
            b.basis in ("publication", "unknown"):
        return True
    ae, al = _bounds(a)
    be, bl = _bounds(b)
    if ae is None and al is None or be is None and bl is None:
        return a.value == b.value or not (a.value and b.value)
    lo_a, hi_a = ae or date.min, al or date.max
    lo_b, hi_b = be or date.min, bl or date.max
    return lo_a <= hi_b and lo_b <= hi_a


_ATTACKS = frozenset({"Attack", "ShellingMissileAttack", "AirStrike", "Bombing", "Explosion"})
# a generic anaphor ("the attack", "the blast") may refer to a more specific earlier event
_FAMILIES = {**{t: _ATTACKS | {"ArmedClash"} for t in _ATTACKS},
             "Explosion": _ATTACKS | {"Accident"}}


# generic types that a more specific one may replace when two mentions are one event
_GENERIC = {"Attack": _ATTACKS - {"Attack"}, "Explosion": frozenset({"Bombing"}),
            # a report of deaths is the violent event that caused them, when all else agrees
            "Killing": _ATTACKS | {"ArmedClash"},
            # a headline's "... kills dozens" is the deadly event the body tells
            "CasualtiesReport": _ATTACKS | {"ArmedClash", "Killing", "Accident", "Earthquake",
                                            "Flood", "Storm", "Wildfire"}}
_ONE_PER_REPORT = frozenset({"Earthquake", "Flood", "Storm", "Wildfire", "Election"})


def compatible_types(a: str, b: str) -> bool:
    return a == b or b in _GENERIC.get(a, ()) or a in _GENERIC.get(b, ())


_COMPATIBLE: dict[str, frozenset[str]] = {}


def _compatible_with(etype: str) -> frozenset[str]:
    """The types a mention of ``etype`` may be merged with (itself included)."""
    found = _COMPATIBLE.get(etype)
    if found is None:
        found = _COMPATIBLE[etype] = frozenset(
            t for t in (*EVENT_TYPES, etype) if compatible_types(etype, t))
    return found


def _specific(types: list[str]) -> str:
    """The most specific of compatible types (Bombing over Explosion over Attack)."""
    best = types[0]
    for t in types[1:]:
        if t in _GENERIC.get(best, ()):
            best = t
    return best


def _narrower(a: TimeSpec, b: TimeSpec) -> bool:
    """``a`` lies inside ``b`` and is shorter ("on Monday" inside "in recent weeks": a day
    told beats a stretch); parts of days are compared by the clock ("on Sunday morning" is
    not inside "late on Saturday night")."""
    la, ha, lb, hb = a.earliest, a.latest, b.earliest, b.latest
    if not all(isinstance(v, datetime) and v.tzinfo == la.tzinfo for v in (la, ha, lb, hb)):
        la, ha = _bounds(a)
        lb, hb = _bounds(b)
    if None in (la, ha, lb, hb):
        return False
    finer = a.precision in _WITHIN_A_DAY and b.precision == "day"  # ("at 11:47 p.m." on
    # the day told "late on Friday")
    return lb <= la and ha <= hb and ((ha - la) < (hb - lb) or finer)


_WITHIN_A_DAY = frozenset({"part_of_day", "hour", "minute", "second"})


def _same_actor(x: str | None, y: str | None, sides: Mapping[str, str]) -> bool:
    return x == y or (x is not None and y is not None and x in sides and
                      sides.get(x) == sides.get(y))


def _polarity(d: EventDraft) -> bool:
    return d.modality != "negated"


# Labels of the measures among Other events, each its own kind of event
_MEASURES = frozenset({"Deportation", "Closure", "Suspension", "Diplomatic break",
                       "Diplomatic downgrade", "Recall of envoy", "Expulsion"})


def _other_kinds_differ(a: EventDraft, b: EventDraft) -> bool:
    """Two events of type Other of kinds that are never one event: a kidnapping and anything
    else, a measure and anything of another label."""
    if a.type != "Other" or b.type != "Other":
        return False
    la, lb = a.trig.entry.label, b.trig.entry.label
    return _kidnapping(a) != _kidnapping(b) or bool(_MEASURES & {la, lb}) and la != lb


def _kidnapping(d: EventDraft) -> bool:
    """An event of type Other that is a kidnapping (its label "Kidnapping" or "Abduction")."""
    return d.trig.entry.label in ("Kidnapping", "Abduction")


def conflict(a: EventDraft, b: EventDraft, sides: Mapping[str, str]) -> bool:
    """True when two mentions cannot be the same event."""
    if not compatible_types(a.type, b.type) or _polarity(a) != _polarity(b):
        return True
    if _other_kinds_differ(a, b):
        return True  # a kidnapping is no hijacking, nor the sentencing for it; closing the
        # borders is no seizure of power
    if (a.modality == "planned") != (b.modality == "planned") and \
            not (a.anaphoric or b.anaphoric):
        return True  # a plan is not the event that already happened (an anaphor only refers)
    if not times_compatible(a.time, b.time):
        return True
    if a.trig.sentence == b.trig.sentence and a.subordinate != b.subordinate and \
            not (a.anaphoric or b.anaphoric) or \
            a.trig.sentence == b.trig.sentence and a.answered != b.answered:
        return True  # "resigned on Thursday, a day after lawmakers ousted him": two events
    if _background(a, b) or _background(b, a) or _past_told_later(a, b):
        return True
    ra, rb = a.roles, b.roles
    if ra.agent and rb.agent and not _same_actor(ra.agent, rb.agent, sides) and not (
            a.type in _MULTIPARTY and _parties(a) & _parties(b)):
        return True  # (a meeting's parties may be named in any order)
    if a.type == "Statement" and (ra.agent is None or ra.agent != rb.agent):
        return True
    if _caption_abroad(a, b, sides) or _caption_abroad(b, a, sides):
        return True
    headline = "headline" in (a.kind, b.kind) or "caption" in (a.kind, b.kind)
    if a.type == b.type and a.type in _ONE_PER_REPORT:
        headline = True  # places of one disaster or election are areas it touched
    if ra.places and rb.places and not set(ra.places) & set(rb.places) and not headline and \
            not _coarse(ra.places, sides) and not _coarse(rb.places, sides) and \
            not _same_clause(a, b) and not (set(ra.places) & b.context_places or
                                            set(rb.places) & a.context_places):
        return True
    if ra.targets and rb.targets and not set(ra.targets) & set(rb.targets):
        return True
    if not (a.updated or b.updated):  # (a risen toll is a new figure, not another event)
        for x, y in ((a.fatalities, b.fatalities), (a.injured, b.injured)):
            if x is not None and y is not None and x != y:
                return True
    return False


def _caption_abroad(cap: EventDraft, body: EventDraft, sides: Mapping[str, str]) -> bool:
    """A photo's event in another country than the body's ("A woman holds a portrait of
    Mahsa Amini at a rally in Istanbul" under a report of protests in Iran): another event."""
    if cap.kind != "caption" or body.kind != "body":
        return False
    where = {sides.get(f"in:{p}") for p in cap.roles.places} - {None}
    home = {sides.get(f"in:{p}") for p in (*body.roles.places, *body.context_places)} - {None}
    return bool(where and home and not where & home)


def _entities(d: EventDraft) -> set[str]:
    """The entities an event draft names as its places and actors."""
    r = d.roles
    return {*r.places, *r.targets, *r.participants, *r.co_agents, *([r.agent] if r.agent else [])}


def _times_agree(o: EventDraft, d: EventDraft) -> bool:
    """An anaphor dated by the text refers to no event more than a year away from its time
    (nearer times may be one event's told loosely, or another event's in its sentence:
    "officials close to the negotiations said" after "could sign a treaty before the end of
    the year")."""
    if d.time is None or o.time is None or "publication" in (d.time.basis, o.time.basis) or \
            "unknown" in (d.time.basis, o.time.basis):
        return True
    de, dl = calendar_day(d.time.earliest), calendar_day(d.time.latest)
    oe, ol = calendar_day(o.time.earliest), calendar_day(o.time.latest)
    if de is None or dl is None or oe is None or ol is None:
        return True
    return (oe - dl).days <= 365 and (de - ol).days <= 365


def _background(old: EventDraft, new: EventDraft) -> bool:
    """ "its biggest gain since it captured Bakhmut in May last year" is not the "taken full
    control of the town" told later: a subordinate clause's event dated over a month before
    the publication that bounds an undated main-clause event."""
    if not old.subordinate or new.subordinate or old.anaphoric or new.anaphoric or \
            old.time is None or new.time is None or old.time.basis != "expression" or \
            new.time.basis != "publication":
        return False
    gap = _days_apart(old.time, new.time)
    return gap is not None and gap > 30


def _days_apart(earlier: TimeSpec, later: TimeSpec) -> int | None:
    """Days from the end of ``earlier`` to the end of ``later`` (None when either is open)."""
    end, bound = calendar_day(earlier.latest), calendar_day(later.latest)
    return None if end is None or bound is None else (bound - end).days


def _past_told_later(a: EventDraft, b: EventDraft) -> bool:
    """An undated event told first is not a dated one told more than two sentences later
    and over three months before the publication ("houses collapsed" in the story of a
    New Year's quake, and "Last May a quake struck near Suzu, damaging dozens of buildings"
    near its end): the story tells the news first and the past later."""
    first, second = (a, b) if a.trig.start < b.trig.start else (b, a)
    if first.time is None or second.time is None or first.anaphoric or second.anaphoric or \
            first.time.basis != "publication" or second.time.basis != "expression" or \
            second.trig.sentence - first.trig.sentence <= 2 or "body" != first.kind:
        return False
    gap = _days_apart(second.time, first.time)
    return gap is not None and gap > 90


_MULTIPARTY = frozenset({"Meeting", "Negotiation", "Agreement", "Ceasefire"})


def _parties(d: EventDraft) -> set[str]:
    return {p for p in (d.roles.agent, *d.roles.participants) if p}


def _coarse(places: list[str], sides: Mapping[str, str]) -> bool:
    """A country-level place (compatible with any place inside it)."""
    return all(sides.get(f"country:{p}") is not None for p in places)


def _specific_places(r, sides: Mapping[str, str]) -> list[str]:
    return [p for p in r.places if sides.get(f"country:{p}") is None]


def _same_clause(a: EventDraft, b: EventDraft) -> bool:
    return a.clause is not None and a.clause == b.clause


def linked(a: EventDraft, b: EventDraft, sides: Mapping[str, str]) -> bool:
    """True when two non-conflicting mentions share enough to be one event."""
    ra, rb = a.roles, b.roles
    if _same_clause(a, b):
        return True
    later = a if a.trig.start > b.trig.start else b
    if later.indefinite and a.kind == b.kind == "body":
        return False  # "a second quake hit", "after a smaller collapse": another event
    if a.type == "Statement":
        return True  # same speaker, compatible times (checked by conflict)
    if (a.trig.entry.lemma in INTERCEPTING) != (b.trig.entry.lemma in INTERCEPTING) and \
            "headline" not in (a.kind, b.kind):
        return False  # drones shot down are a raid of their own, not the shelling nearby
    if set(ra.places) & set(rb.places) or set(ra.targets) & set(rb.targets):
        return a.type == b.type or "headline" in (a.kind, b.kind) or \
            bool(a.anaphoric or b.anaphoric)
    if "headline" in (a.kind, b.kind) or "caption" in (a.kind, b.kind):
        return True  # a headline restates the story (conflicts were ruled out)
    if a.type == b.type and a.type in _ONE_PER_REPORT:
        return True  # one flood, one quake, one election per report: other places are areas
    same_agent = bool(ra.agent and _same_actor(ra.agent, rb.agent, sides))
    quoted_self = bool(ra.according_to and ra.according_to == rb.agent or
                       rb.according_to and rb.according_to == ra.agent)
    near = abs(a.trig.sentence - b.trig.sentence) <= 2
    if a.type == b.type and near and (same_agent or quoted_self or
                                      not (ra.agent and rb.agent)):
        # a follow-up mention a sentence or two later elaborates the same event; for violent
        # events only when one of the two names no place (a country is none: "crashed in
        # northwest Iran" ... "went down near the town of Varzaqan") and no target of its own
        if a.type not in _VIOLENT or not (_specific_places(ra, sides) or ra.targets) or \
                not (_specific_places(rb, sides) or rb.targets):
            return True
    if a.type == b.type and a.type not in _VIOLENT and same_agent and \
            not (ra.places and rb.places):
        return True  # the same actor doing the same kind of thing, once placed, once not
    if ra.places or rb.places or ra.targets or rb.targets:
        return False
    if a.type in _VIOLENT:
        return _same_expression(a, b) and (same_agent or not (ra.agent or rb.agent))
    if same_agent:
        return True
    return not (ra.agent or rb.agent) and (a.reading.quoted is None) == \
        (b.reading.quoted is None)


def _same_expression(a: EventDraft, b: EventDraft) -> bool:
    return bool(a.time and b.time and a.time.basis == b.time.basis == "expression"
                and a.time.value and a.time.value == b.time.value)


def same_event(a: EventDraft, b: EventDraft, sides: Mapping[str, str] | None = None) -> bool:
    """True when two mentions report the same event (see the module docstring)."""
    sides = sides or {}
    return not conflict(a, b, sides) and linked(a, b, sides)


def _affinity(a: EventDraft, b: EventDraft, sides: Mapping[str, str]) -> int:
    """How much two compatible mentions agree (to pick the event a headline restates)."""
    ra, rb = a.roles, b.roles
    score = 3 * bool(ra.agent and _same_actor(ra.agent, rb.agent, sides))
    score += 2 * bool(set(ra.places) & set(rb.places)) + 2 * bool(set(ra.targets) &
                                                                 set(rb.targets))
    score += 2 * sum(1 for x, y in ((a.fatalities, b.fatalities), (a.injured, b.injured))
                     if x is not None and x == y)
    return score + (a.type == b.type)


def _evidence(d: EventDraft) -> tuple:
    r = d.roles
    filled = sum(1 for x in (r.agent, r.places, r.targets, d.fatalities, d.injured, d.quote)
                 if x)
    basis = BASIS_RANK.get(d.time.basis if d.time else "unknown", 5)
    return (_KIND_RANK.get(d.kind, 3), -filled, basis, -d.confidence, d.trig.start)


def merge_duplicates(drafts: list[EventDraft], sides: Mapping[str, str] | None = None
                     ) -> list[EventDraft]:
    """Merge mentions of the same event; returns the kept drafts in text order.

    ``sides`` maps entity ids to a side (a country code), so that "Russia" and "Russian
    forces" count as the same actor.
    """
    clusters: list[list[EventDraft]] = []
    types: list[set[str]] = []  # the event types in each cluster
    # body mentions first, in text order; then captions and headlines join the body event
    # they agree with most (a headline names a wider area, so its place may differ)
    for d in sorted(drafts, key=lambda d: (_KIND_RANK.get(d.kind, 3), d.trig.start)):
        dtype = d.type
        if d.anaphoric:
            family = _FAMILIES.get(dtype, {dtype})
            # "41 people were killed when a crowd surged ... The crush began at 10.40pm": the
            # deaths told just before are the event the anaphor names (not one with counts,
            # places or targets of its own, nor a plan: "... said 1,020 had died in the
            # earthquake", "the fighting in the Donbas", "a session on the attack next week")
            tolled = dtype in _GENERIC["CasualtiesReport"] and d.fatalities is None and \
                d.injured is None and d.modality != "planned" and not d.roles.places and \
                not d.roles.targets
            head = d.trig.entry.lemma.split()[-1]
            same = [c for c in reversed(clusters) if all(
                _polarity(o) == _polarity(d) and _times_agree(o, d) and
                not _other_kinds_differ(o, d) for o in c) and not (
                d.answered and any(o.trig.sentence == d.trig.sentence for o in c))]
            if d.named:  # ("the Markoye attack": one told at Markoye)
                same = [c for c in same if any(d.named & _entities(o) for o in c)]
            # ("In December 2016, a man drove a truck into a market in Berlin ... That attack
            # was claimed by Islamic State": not the Magdeburg attack of 2024 told before)
            # ("struck Iran in retaliation for the barrage": the barrage is no strike of the
            # same sentence, but may be one told before)
            # "the attack": the last attack (or mention with that word), else the last of
            # its family ("the assault" after a shelling); a campaign begun ("the first deaths
            # since the group began attacking shipping. The attack also wounded four": the
            # attack is the strike told before) only when nothing else fits
            antecedent = None
            for pool in ([c for c in same if not all(o.begun for o in c)], same):
                antecedent = next((c for c in pool if any(
                    o.type == dtype or head in o.trig.text.lower() for o in c)), None) or \
                    next((c for c in pool if (c[0].type in family or tolled and all(
                        o.type == "CasualtiesReport" for o in c) and
                        d.trig.sentence - c[-1].trig.sentence <= 3) and
                        head not in CAMPAIGN_HEADS), None)
                if antecedent is not None:
                    break
            if antecedent is not None:
                antecedent.append(d)
                types[clusters.index(antecedent)].add(dtype)
                continue
        fits = []
        compatible = _compatible_with(dtype)
        for n, (cluster, kinds) in enumerate(zip(clusters, types, strict=True)):
            if kinds.isdisjoint(compatible):
                continue
            # a headline restates the event its cluster began with; anaphors that joined it
            # later ("the storm first hit Mozambique") may tell other parts of it
            judged = [o for o in cluster if not o.anaphoric] if d.kind != "body" else cluster
            if not any(conflict(d, other, sides) for other in judged or cluster) and \
                    any(linked(d, other, sides) for other in cluster):
                if d.kind == "body":
                    # body text: the event told in the same clause ("was also arrested and
                    # charged"), else the first (earliest) fitting event
                    fits.append((not any(_same_clause(d, o) for o in cluster), len(fits), n))
                    continue
                fits.append((-max(_affinity(d, o, sides) for o in cluster), n))
        if fits:
            n = min(fits)[-1]
            clusters[n].append(d)
            types[n].add(d.type)
        else:
            clusters.append([d])
            types.append({d.type})
    kept = []
    for cluster in clusters:
        cluster.sort(key=_evidence)
        if cluster[0].anaphoric and cluster[0].modality == "planned":
            # "died during preparations for the storm": the storm the report tells as come,
            # whose plan the anaphor only names, is the event
            told = next((d for d in cluster if not d.anaphoric and d.modality != "planned"),
                        None)
            if told is not None:
                cluster.remove(told)
                cluster.insert(0, told)
        best = cluster[0]
        if _told_as_fact(best, cluster):
            # the report tells as fact, on a day of its own, what a source it cites claims
            # ("a drone struck a housing area at Tower 22 early on Sunday" and "the militia
            # claimed it had launched drones"): the report's word
            best.reading = replace(best.reading, modality="asserted", cue=None)
        for other in cluster[1:]:
            _absorb(best, other)
        specific = _specific([d.type for d in cluster])
        if specific != best.type:
            best.retype = specific
        kept.append(best)
    kept.sort(key=lambda d: (d.trig.start, d.trig.end))
    return kept


def _told_as_fact(best: EventDraft, cluster: list[EventDraft]) -> bool:
    """The claimed or hedged best mention's cluster holds an asserted body mention dated by an
    expression of its own on the same day."""
    if best.modality not in ("claimed", "hedged") or best.time is None or \
            best.time.basis != "expression":
        return False
    day = calendar_day(best.time.earliest), calendar_day(best.time.latest)
    return any(d.kind == "body" and not d.anaphoric and d.modality == "asserted" and
               d.time is not None and d.time.basis == "expression" and
               (calendar_day(d.time.earliest), calendar_day(d.time.latest)) == day
               for d in cluster[1:])


def _reports(d: EventDraft) -> bool:
    """The mention tells something of the event: a time of its own or a count."""
    return d.fatalities is not None or d.injured is not None or \
        d.time is not None and d.time.basis == "expression"


def _absorb(best: EventDraft, other: EventDraft) -> None:
    r, o = best.roles, other.roles
    if other.named:
        # a place-named anaphor's sentence tells of a reaction to the event, whose other
        # parties are not the event's ("condemned the Mogadishu bombing and blamed al-Shabaab")
        o = Roles(places=o.places)
    if r.agent is None and o.agent is not None and o.agent not in r.targets:
        r.agent = o.agent  # (not who the event was done to: "arrested the mayor, ... detained")
    for p in o.places:
        if not r.places:
            r.places.append(p)
    for t in o.targets:
        if t not in r.targets and not r.targets:
            r.targets.append(t)
    for p in ([] if other.anaphoric and best.type in _ONE_PER_REPORT else o.participants):
        # (not those named beside a later "the vote": "Moldovans voted abroad, most of them
        # in the European Union")
        if p not in r.participants and p != r.agent:
            r.participants.append(p)
    if r.according_to is None and o.according_to is not None and \
            best.modality == other.modality and (not other.anaphoric or _reports(other)):
        r.according_to = o.according_to  # (a later mention's speaker only when it tells the
        # event's time or toll: "The collapse happened shortly after 3 p.m., police spokesman
        # Paul Nyathi said"; not "Cherizier said the attacks were aimed at ...")
    if best.fatalities is None or other.updated and other.fatalities is not None:
        best.fatalities = other.fatalities if best.fatalities is None else \
            max(best.fatalities, other.fatalities)
    if best.injured is None or other.updated and other.injured is not None:
        best.injured = other.injured if best.injured is None else \
            max(best.injured, other.injured)
    if other.quote and not best.quote:
        best.quote, best.quote_span = other.quote, other.quote_span
    elif other.quote and best.quote and other.quote_span != best.quote_span and \
            other.quote not in best.quote:
        best.quote = f"{best.quote} … {other.quote}"
    if best.time is not None and other.time is not None and \
            other.time.value not in REFERENCES and (  # ("who are now accused of the murder")
            BASIS_RANK.get(other.time.basis, 5) < BASIS_RANK.get(best.time.basis, 5) or
            BASIS_RANK.get(other.time.basis, 5) == BASIS_RANK.get(best.time.basis, 5) and
            (best.time.type == "DURATION" or not other.anaphoric or
             other.time.type == "TIME" and other.time.basis == "expression") and
            other.time.type != "DURATION" and _narrower(other.time, best.time)) and \
            not (other.anaphoric and best.time.basis != "publication" and
                 not times_compatible(best.time, other.time)):
        best.time = other.time  # (a day told inside "in recent weeks", "last week": the day;
        # a clock time inside the night told: "The crush began at about 10.40pm";
        # but a later mention dated apart from a time the text gave keeps none of its own:
        # "police opened fire" on Monday is not dated by "... the shootings" next week)
    best.confidence = max(best.confidence, other.confidence)
    best.merged.append(other)
