"""Selecting one timeline page from the index graph (see :mod:`.index`).

The index has no range look-up (an RDF store has none), so the selection walks **month
buckets** in time order and asks, per batch of buckets, for the entries under the keys
``"<bucket>|<facet>"`` of one filter — the *driver*, the filter with the fewest entries per the
index's facet counts (the unfiltered timeline walks days: ``"<day>|*"``). The other filters are
checked on each entry by looking its own bucket's key up; the interval, the cursor and the order
are applied to the few rows returned. Batches are sized from the month counts so that a batch
is expected to fill the page, and grow when it does not.

With ``from``/``to`` (an event matches when its interval overlaps them) the walk covers the
buckets from ``from``'s month to ``to``'s month; before it come the entries that started
earlier and last into ``from``'s month (``crossesMonth``, ``longSpan``), after it the entries
with an unknown start whose end lies beyond ``to`` (buckets marked ``/open``).

Every value in a query text is an IRI checked by pyoxigraph or a literal serialised by it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pyoxigraph as ox

from ..iris import parse_iri
from ..store.values import iri_values
from . import entries as en

MAX_ROWS = 3000  # rows a batch is expected to read at most
MAX_KEYS = 400  # keys in one VALUES block
DAYS = [f"{d:02d}" for d in range(1, 32)]

PREFIXES = "PREFIX tl: <https://w3id.org/timeline-kg/ontology#>\n"
PAGE = PREFIXES + """SELECT ?sk ?s ?en WHERE { GRAPH $INDEX$ {
  $DRIVER$
  ?x tl:sortKey ?sk .
  $CHECKS$
  $BOUNDS$
} }"""
KEYS = "$VALUES$ ?x tl:entryKey ?k ."
ARTICLE = "?x tl:entryArticle $A$ ."
CROSSING = "{ ?x tl:crossesMonth $M$ } UNION { ?x tl:longSpan true }"
BUCKET = "?x tl:entryBucket ?b ."
CHECK = ("FILTER EXISTS { $VALUES$ BIND (CONCAT(?b, \"|\", ?f$I$) AS ?k$I$) "
         "?x tl:entryKey ?k$I$ }")
BOUNDS = "OPTIONAL { ?x tl:startBound ?s } OPTIONAL { ?x tl:endBound ?en }"
MONTHS = PREFIXES + "SELECT ?m ?n WHERE { GRAPH $INDEX$ { ?c tl:month ?m ; tl:entryCount ?n } }"
# count nodes by their IRIs (minted from the facet): by the facet literal, Oxigraph scanned them all
FACETS = PREFIXES + """SELECT ?c ?n WHERE { GRAPH $INDEX$ { $VALUES$ ?c tl:entryCount ?n } }"""


@dataclass(frozen=True)
class Selection:
    """What to select: ``families`` of facets (an entry needs one facet of every family),
    an article IRI, the days ``start``/``end`` (``YYYY-MM-DD``), the sort key of the cursor
    (``after``) and the page size."""

    families: tuple[tuple[str, ...], ...] = ()
    article: str | None = None
    start: str | None = None
    end: str | None = None
    after: str | None = None
    limit: int = 50


@dataclass(frozen=True)
class Row:
    sort_key: str
    start: str | None
    end: str | None


def _lits(var: str, texts) -> str:
    return f"VALUES ?{var} {{ {' '.join(str(ox.Literal(t)) for t in texts)} }}"


class IndexReader:
    """Reads pages from the index graph ``graph`` of ``store``."""

    def __init__(self, store, graph: str):
        self.store = store
        self.graph = graph
        self._index = str(parse_iri(graph))

    # -- what the index counts -------------------------------------------------------------

    def months(self) -> list[tuple[str, int]]:
        rows = self.store.query(MONTHS.replace("$INDEX$", self._index))
        return sorted((r["m"].value, int(r["n"].value)) for r in rows)

    def facet_counts(self, facets: list[str]) -> dict[str, int]:
        if not facets:
            return {}
        by_node = {en.facet_iri(self.graph, f): f for f in facets}
        q = FACETS.replace("$VALUES$", iri_values("c", sorted(by_node))).replace(
            "$INDEX$", self._index)
        return {by_node[r["c"].value]: int(r["n"].value) for r in self.store.query(q)}

    # -- one query -----------------------------------------------------------------------------

    def rows(self, driver: str, checks: list[tuple[str, ...]], bounds: bool) -> list[Row]:
        """The entries ``driver`` finds that have a facet of every family in ``checks``."""
        parts = []
        if checks:
            parts.append(BUCKET)
            for i, family in enumerate(checks):
                parts.append(CHECK.replace("$VALUES$", _lits(f"f{i}", family))
                             .replace("$I$", str(i)))
        text = (PAGE.replace("$INDEX$", self._index).replace("$DRIVER$", driver)
                .replace("$CHECKS$", "\n  ".join(parts))
                .replace("$BOUNDS$", BOUNDS if bounds else ""))
        return [Row(r["sk"].value, r["s"].value if r["s"] is not None else None,
                    r["en"].value if r["en"] is not None else None)
                for r in self.store.query(text)]

    # -- a page --------------------------------------------------------------------------------

    def select(self, sel: Selection) -> list[str]:
        """The sort keys of up to ``sel.limit + 1`` entries after the cursor, in order."""
        families = [tuple(sorted(set(f))) for f in sel.families]
        counts = self.facet_counts(sorted({x for f in families for x in f}))
        sizes = [sum(counts.get(x, 0) for x in f) for f in families]
        if any(n == 0 for n in sizes):
            return []
        dated = sel.start is not None or sel.end is not None
        bounds = dated
        if sel.article is not None:
            driver = ARTICLE.replace("$A$", str(parse_iri(sel.article)))
            rows = self.rows(driver, families, bounds)
            return self._page(rows, sel, [])
        months = [(m, n) for m, n in self.months() if not (dated and m == en.UNDATED)]
        total = sum(n for _, n in months)
        if total == 0:
            return []
        if families:
            i = min(range(len(families)), key=lambda j: (sizes[j], j))
            driver, rate = families[i], sizes[i] / total
            checks = families[:i] + families[i + 1:]
            hit = 1.0
            for j, n in enumerate(sizes):
                if j != i:
                    hit *= min(1.0, n / total)
        else:
            driver, rate, checks, hit = None, 1.0, [], 1.0
        out: list[str] = []
        first = en.month_of(sel.start) if sel.start else None
        last = en.month_of(sel.end) if sel.end else None
        after_month = en.month_of(sel.after.split(" ", 1)[0]) if sel.after else None
        # 1. entries that started before `from`'s month and last into it
        if first is not None and (sel.after is None or sel.after < first):
            rows = self.rows(CROSSING.replace("$M$", str(ox.Literal(first))), families, True)
            out = self._page([r for r in rows if r.sort_key < first], sel, out)
            if len(out) > sel.limit:
                return out
        # 2. the buckets from `from`'s month (or the cursor's) to `to`'s month
        lo = max(filter(None, (first, after_month)), default=None)
        span = [(m, n) for m, n in months
                if (lo is None or m >= lo) and (last is None or m <= last)]
        out = self._walk(span, driver, rate, hit, checks, bounds, sel, out, open_only=False)
        if len(out) > sel.limit or last is None:
            return out
        # 3. entries with an unknown start whose end lies after `to`
        beyond = [(m, n) for m, n in months if m > last and (lo is None or m >= lo)]
        return self._walk(beyond, driver, rate, hit, checks, bounds, sel, out, open_only=True)

    def _walk(self, months, driver, rate, hit, checks, bounds, sel, out, *, open_only):
        goal = 1.5
        keys: list[str] = []
        rows_expected = matches_expected = 0.0
        for slot_keys, expected in _slots(months, driver, rate, open_only):
            keys += slot_keys
            rows_expected += expected
            matches_expected += expected * hit
            need = sel.limit + 1 - len(out)
            if matches_expected >= goal * need + 2 or rows_expected >= MAX_ROWS or \
                    len(keys) >= MAX_KEYS:
                out = self._page(self.rows(KEYS.replace("$VALUES$", _lits("k", keys)),
                                           checks, bounds), sel, out)
                if len(out) > sel.limit:
                    return out
                keys, rows_expected, matches_expected = [], 0.0, 0.0
                goal *= 2
        if keys:
            out = self._page(self.rows(KEYS.replace("$VALUES$", _lits("k", keys)), checks,
                                       bounds), sel, out)
        return out

    @staticmethod
    def _page(rows: list[Row], sel: Selection, out: list[str]) -> list[str]:
        """``out`` followed by the rows that match, in order (rows come after ``out``)."""
        to = f"{sel.end}~" if sel.end else None  # every time on that day sorts before
        keep = set()
        for r in rows:
            if sel.after is not None and r.sort_key <= sel.after:
                continue
            if sel.start is not None or sel.end is not None:
                if r.start is None and r.end is None:
                    continue
                if to is not None and r.start is not None and r.start > to:
                    continue
                if sel.start is not None and r.end is not None and r.end < sel.start:
                    continue
            keep.add(r.sort_key)
        return (out + sorted(keep))[:sel.limit + 1]


def _slots(months, driver, rate, open_only) -> Iterator[tuple[list[str], float]]:
    """(keys, expected rows) per slot, in time order: a day of the unfiltered timeline, else a
    month of the driver's facets."""
    suffixes = [en.OPEN] if open_only else ["", en.OPEN]
    for m, n in months:
        if driver is None and en.is_plain_month(m):
            per_day = n / len(DAYS)
            yield [en.entry_key(m + s, en.ALL) for s in suffixes], 0.0
            for d in DAYS:
                yield [en.entry_key(f"{m}-{d}{s}", en.ALL) for s in suffixes], per_day
        elif driver is None:
            yield [en.entry_key(m + s, en.ALL) for s in suffixes], float(n)
        else:
            yield [en.entry_key(m + s, f) for f in driver for s in suffixes], n * rate
