"""Group article-level events into clusters that report one real-world event. Pure.

1. Candidate pairs are found without comparing everything with everything: per event type, a
   sweep over the intervals (only overlapping events can be compatible), and for events with
   a weak time (which need the same place anyway) an index by place.
2. Compatible pairs (:func:`kg.merge.rules.compatible`) form a graph; each connected
   component is clustered on its own, so that a component gives the same clusters whether it
   is computed alone (incremental merging) or within the whole store (full recompute).
3. Within a component, events are taken best-dated first (then by time, then IRI); each joins
   the one cluster all of whose members it is compatible with. An event that fits several
   clusters is ambiguous (a month-precision report of a strike in a city that saw two strikes
   that month) and stays on its own: no over-merging.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from ..model import short_hash
from .records import EventRecord
from .rules import Contains, compatible


def canonical_key(members: Iterable[EventRecord | str]) -> str:
    """The key of a cluster's canonical IRI: a hash of its sorted member IRIs."""
    iris = sorted(m if isinstance(m, str) else m.iri for m in members)
    return short_hash(*iris, length=16)


def compatible_pairs(records: list[EventRecord], contains: Contains | None = None
                     ) -> dict[str, set[str]]:
    """The compatibility graph: IRI -> IRIs of compatible events."""
    adj: dict[str, set[str]] = defaultdict(set)

    def check(a: EventRecord, b: EventRecord) -> None:
        if b.iri not in adj[a.iri] and compatible(a, b, contains):
            adj[a.iri].add(b.iri)
            adj[b.iri].add(a.iri)

    by_type: dict[str, list[EventRecord]] = defaultdict(list)
    for r in records:
        by_type[r.type].append(r)
    for group in by_type.values():
        strong = [r for r in group if not r.weak_time]
        weak = [r for r in group if r.weak_time]
        # interval sweep over the well-dated events
        strong.sort(key=lambda r: (r.lo is not None, r.lo.isoformat() if r.lo else "", r.iri))
        active: list[EventRecord] = []
        for r in strong:
            if r.lo is not None:
                active = [x for x in active if x.hi is None or x.hi >= r.lo]
            for x in active:
                check(x, r)
            active.append(r)
        # weak events only ever match events sharing a place
        by_place: dict[str, list[EventRecord]] = defaultdict(list)
        for r in group:
            for key in _place_keys(r):
                by_place[key].append(r)
        for r in weak:
            seen: set[str] = set()
            for key in _place_keys(r):
                for x in by_place[key]:
                    if x.iri not in seen:
                        seen.add(x.iri)
                        check(r, x)
    return adj


def _place_keys(r: EventRecord) -> set[str]:
    return {p.iri for p in r.places} | {p.qid for p in r.places if p.qid}


def components(records: list[EventRecord], adj: dict[str, set[str]]
               ) -> list[list[EventRecord]]:
    """Connected components of the compatibility graph, each in clustering order."""
    by_iri = {r.iri: r for r in records}
    seen: set[str] = set()
    out = []
    for r in sorted(records, key=EventRecord.sort_key):
        if r.iri in seen:
            continue
        stack, comp = [r.iri], []
        seen.add(r.iri)
        while stack:
            iri = stack.pop()
            comp.append(by_iri[iri])
            for nxt in adj.get(iri, ()):
                if nxt not in seen and nxt in by_iri:
                    seen.add(nxt)
                    stack.append(nxt)
        out.append(sorted(comp, key=EventRecord.sort_key))
    return out


def cluster_component(component: list[EventRecord], adj: dict[str, set[str]]
                      ) -> list[list[EventRecord]]:
    """Greedy complete-link clustering of one component (see the module docstring)."""
    clusters: list[list[EventRecord]] = []
    closed: set[int] = set()
    for r in sorted(component, key=EventRecord.sort_key):
        near = adj.get(r.iri, set())
        fits = [i for i, c in enumerate(clusters)
                if i not in closed and all(m.iri in near for m in c)]
        if len(fits) == 1:
            clusters[fits[0]].append(r)
            continue
        clusters.append([r])
        if len(fits) > 1:
            closed.add(len(clusters) - 1)
    return clusters


def cluster(records: Iterable[EventRecord], contains: Contains | None = None
            ) -> list[list[EventRecord]]:
    """All clusters (singletons included), each in clustering order, ordered by their first
    member."""
    records = list({r.iri: r for r in records}.values())
    adj = compatible_pairs(records, contains)
    out: list[list[EventRecord]] = []
    for comp in components(records, adj):
        out.extend(cluster_component(comp, adj))
    out.sort(key=lambda c: c[0].sort_key())
    return out
