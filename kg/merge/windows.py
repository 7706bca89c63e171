"""Candidate look-up for merging: article-level events by type and time window, in memory.

An RDF store has no range index on dates, so asking it for "events of this type whose interval
may overlap [lo, hi]" reads every event of the type: the cost of each article write grew with
the store. :class:`TimeWindows` keeps, per event type, each event's interval bounds; it is
loaded from the store once (one query) and kept current by the merger after every write to an
article graph. Its answer is a superset of the store query's (a day of slack at both ends):
candidates only feed :func:`~kg.merge.cluster.compatible`, which decides.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime, timedelta

from ..namespaces import SPARQL_PREFIXES, XSD_DATETIME
from .records import EventRecord, parse_bound

SLACK = timedelta(days=1)

# Every article-level event with its type and bounds (the store query's own patterns).
ALL_WINDOWS = SPARQL_PREFIXES + """
SELECT ?e ?a ?type ?ee ?el WHERE {
  GRAPH ?a { ?e tl:eventType ?type ; prov:wasDerivedFrom ?a .
    OPTIONAL { ?e tl:earliest ?ee } OPTIONAL { ?e tl:latest ?el } }
}"""

Window = tuple[datetime | None, datetime | None]


def _bound(term, end: bool) -> datetime | None:
    if term is None:
        return None
    try:
        return parse_bound(term.value, term.datatype.value == XSD_DATETIME, end)
    except (ValueError, AttributeError):
        return None  # unreadable: treated as open, so the event stays a candidate


class TimeWindows:
    """Per event type (local name), each article-level event's (earliest, latest)."""

    def __init__(self) -> None:
        self._by_type: dict[str, dict[str, Window]] = defaultdict(dict)
        self._events_of: dict[str, set[tuple[str, str]]] = defaultdict(set)  # article -> ...

    @classmethod
    def from_store(cls, store) -> TimeWindows:
        windows = cls()
        for r in store.query(ALL_WINDOWS):
            windows._add(r["e"].value, r["a"].value, r["type"].value.rsplit("#", 1)[-1],
                         (_bound(r["ee"], False), _bound(r["el"], True)))
        return windows

    def _add(self, iri: str, article: str, etype: str, window: Window) -> None:
        self._by_type[etype][iri] = window
        self._events_of[article].add((etype, iri))

    def replace_articles(self, articles: Iterable[str], records: Iterable[EventRecord]) -> None:
        """Forget the events of ``articles``, then add ``records`` (their current events)."""
        for article in articles:
            for etype, iri in self._events_of.pop(article, ()):
                self._by_type[etype].pop(iri, None)
        for rec in records:
            self._add(rec.iri, rec.article, rec.type, (rec.lo, rec.hi))

    def candidates(self, etype: str, lo: datetime | None, hi: datetime | None) -> set[str]:
        """Events of ``etype`` whose interval may overlap [lo, hi] (open ends match all)."""
        lo = lo - SLACK if lo is not None else None
        hi = hi + SLACK if hi is not None else None
        return {iri for iri, (e_lo, e_hi) in self._by_type.get(etype, {}).items()
                if (lo is None or e_hi is None or e_hi >= lo)
                and (hi is None or e_lo is None or e_lo <= hi)}

    def __len__(self) -> int:
        return sum(len(v) for v in self._by_type.values())
