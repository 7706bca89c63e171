"""The RDF of one canonical event, from the article-level events of its cluster. Pure.

The canonical event keeps every source: ``prov:wasDerivedFrom`` lists every article,
``tl:aggregates`` every article-level event, and each casualty figure is a
``tl:CasualtyFigure`` attributed to the event that reports it (conflicting figures are all
kept, never averaged). Its time is the intersection of its members' intervals, with the finest
precision among them.
"""

from __future__ import annotations

import calendar
from datetime import date

from rdflib import Graph, Literal, URIRef

from ..iris import IRIs
from ..mapping import BASIS_CONCEPTS, PRECISION_CONCEPTS
from ..model import short_hash
from ..namespaces import PROV, RDF, RDFS, SEM, TL, XSD
from .cluster import canonical_key
from .records import BASIS_RANK, PRECISION_RANK, Bound, EventRecord

_MODALITY_ORDER = ("asserted", "claimed", "hedged", "negated", "planned")


def canonical_iri(members: list[EventRecord], base_iri: str) -> str:
    return IRIs(base_iri).canonical_event(canonical_key(members))


def source_count(members: list[EventRecord]) -> int:
    """Independent sources: distinct publishers where known, plus each article without one."""
    publishers = set()
    anonymous = set()
    for m in members:
        if m.publisher and m.publisher.strip():
            publishers.add(" ".join(m.publisher.casefold().split()))
        else:
            anonymous.add(m.article)
    return len(publishers) + len(anonymous)


def representative(members: list[EventRecord]) -> EventRecord:
    """The best-dated, most confident member (its label names the canonical event)."""
    return min(members, key=lambda m: (m.weak_time, BASIS_RANK.get(m.basis, 9),
                                       PRECISION_RANK.get(m.precision, 99), -m.confidence,
                                       m.iri))


def intersection(members: list[EventRecord]) -> tuple[Bound | None, Bound | None]:
    """The latest lower bound and the earliest upper bound of the members."""
    lows = [m for m in members if m.earliest is not None]
    highs = [m for m in members if m.latest is not None]
    lo = max(lows, key=lambda m: (m.lo, m.earliest.is_datetime)).earliest if lows else None
    hi = min(highs, key=lambda m: (m.hi, not m.latest.is_datetime)).latest if highs else None
    return lo, hi


def canonical_graph(members: list[EventRecord], base_iri: str) -> Graph:
    """The triples describing the canonical event of ``members`` (two or more events)."""
    if len(members) < 2:
        raise ValueError("a canonical event aggregates at least two events")
    members = sorted(members, key=lambda m: m.iri)
    g = Graph()
    add = g.add
    c = URIRef(canonical_iri(members, base_iri))
    rep = representative(members)
    add((c, RDF.type, TL.Event))
    add((c, RDF.type, TL.CanonicalEvent))
    add((c, TL.eventType, TL[rep.type]))
    add((c, RDFS.label, Literal(rep.label or rep.type)))
    for article in sorted({m.article for m in members}):
        add((c, PROV.wasDerivedFrom, URIRef(article)))
    for m in members:
        add((c, TL.aggregates, URIRef(m.iri)))
    add((c, TL.sourceCount, Literal(source_count(members), datatype=XSD.integer)))

    lo, hi = intersection(members)
    lo_lit, hi_lit = _literals(lo, hi)
    if lo_lit is not None:
        add((c, TL.earliest, lo_lit))
    if hi_lit is not None:
        add((c, TL.latest, hi_lit))
    dated = [m for m in members if not m.weak_time] or members
    precision = min((m.precision for m in dated), key=lambda p: PRECISION_RANK.get(p, 99))
    add((c, TL.precision, PRECISION_CONCEPTS[precision]))
    basis = min((m.basis for m in members), key=lambda b: BASIS_RANK.get(b, 9))
    add((c, TL.timeBasis, BASIS_CONCEPTS[basis]))
    edtf = _edtf_of(members, lo, hi) or _edtf(lo_lit, hi_lit)
    if edtf:
        add((c, TL.edtf, Literal(edtf)))

    modalities = {m.modality for m in members}
    add((c, TL.modality, TL[next(x for x in _MODALITY_ORDER if x in modalities).capitalize()]))
    add((c, TL.confidence, Literal(f"{max(m.confidence for m in members):.3f}",
                                   datatype=XSD.decimal)))

    for place in sorted({p.iri for m in members for p in m.places}):
        add((c, SEM.hasPlace, URIRef(place)))
    for actor in sorted({p.iri for m in members for p in m.participants}):
        add((c, TL.hasParticipant, URIRef(actor)))
    for actor, role in sorted({r for m in members for r in m.roles}):
        node = URIRef(f"{c}#p-{short_hash(actor, role, length=10)}")
        add((c, TL.participation, node))
        add((node, RDF.type, TL.Participation))
        add((node, RDF.value, URIRef(actor)))
        add((node, SEM.roleType, URIRef(role)))

    for m in members:
        for prop, value, tag in ((TL.reportedFatalities, m.fatalities, "f"),
                                 (TL.reportedInjured, m.injured, "i")):
            if value is None:
                continue
            node = URIRef(f"{c}#{tag}-{short_hash(m.iri, length=10)}")
            add((c, prop, node))
            add((node, RDF.type, TL.CasualtyFigure))
            add((node, RDF.value, Literal(value, datatype=XSD.integer)))
            add((node, PROV.wasDerivedFrom, URIRef(m.iri)))
    return g


def _literals(lo: Bound | None, hi: Bound | None) -> tuple[Literal | None, Literal | None]:
    """Both bounds of one datatype (dateTime if either is one), so that they compare."""
    mixed = lo is not None and hi is not None and lo.is_datetime != hi.is_datetime
    out = []
    for bound, end in ((lo, False), (hi, True)):
        if bound is None:
            out.append(None)
        elif bound.is_datetime:
            out.append(Literal(bound.value, datatype=XSD.dateTime, normalize=False))
        elif mixed:
            stamp = bound.as_datetime(end).replace(microsecond=0).isoformat()
            out.append(Literal(stamp.replace("+00:00", "Z"), datatype=XSD.dateTime,
                               normalize=False))
        else:
            out.append(Literal(bound.value, datatype=XSD.date, normalize=False))
    return out[0], out[1]


def _edtf_of(members: list[EventRecord], lo: Bound | None, hi: Bound | None) -> str | None:
    """The EDTF of a member whose interval is the intersection itself."""
    for m in sorted(members, key=lambda m: (PRECISION_RANK.get(m.precision, 99), m.iri)):
        if m.edtf and m.earliest == lo and m.latest == hi:
            return m.edtf
    return None


def _edtf(lo: Literal | None, hi: Literal | None) -> str | None:
    """EDTF of an interval: a day, a month or a year when the bounds span exactly that."""
    a = str(lo) if lo is not None else None
    b = str(hi) if hi is not None else None
    if a and b and lo.datatype == XSD.date and hi.datatype == XSD.date:
        a, b = a[:10], b[:10]
        if a == b:
            return a
        first, last = date.fromisoformat(a), date.fromisoformat(b)
        if first.day == 1 and first.year == last.year:
            month_end = calendar.monthrange(last.year, last.month)[1]
            if first.month == last.month and last.day == month_end:
                return a[:7]
            if first.month == 1 and last.month == 12 and last.day == 31:
                return a[:4]
        return f"{a}/{b}"
    if a and b:
        return f"{a}/{b}"
    if b:
        return f"../{b}"
    if a:
        return f"{a}/.."
    return None
