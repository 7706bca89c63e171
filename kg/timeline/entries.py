"""Timeline index entries: what the index keeps about one timeline row, as N-Triples. Pure.

One entry per timeline row (a canonical event, or an article-level event no canonical event
aggregates) carries everything the page selection needs, precomputed:

- its **sort key** ``"<key> <rank> <event IRI>"``: the key is the start bound, else the end
  bound, else ``~`` (undated, last); the rank is the precision's place in
  :data:`~kg.model.PRECISIONS` (two digits, finer first); so plain string order is the timeline's
  order, and a keyset cursor is one string comparison;
- its bounds as plain comparable strings (dates as they are, times with a zone in UTC);
- its **bucket** (the key's month, ``/open`` appended when the start is unknown) and one
  **key** per facet and bucket, ``"<bucket>|<facet>"``, for facets ``type:…``, ``place:…``
  (the place's IRI, its Wikidata items, their country, and every place the catalog says
  contains them), ``actor:…`` (IRI and Wikidata item) and ``word:…`` (the normalised words of
  labels and evidence sentences), plus ``"<day>|*"`` for the unfiltered timeline;
- the months its interval reaches past the key's month (``crossesMonth``, up to
  :data:`MAX_CROSSINGS`; longer or open-ended intervals are ``longSpan``), so that a ``from``
  filter finds events that started earlier;
- what it was computed from: ``sourceGraph`` (the graphs the facts came from) and ``covers``
  (the events a canonical event aggregates), so that a write finds the entries it touches.

A node that aggregates events but is no timeline row itself keeps a *trace* (its graphs and the
events it covers) for the same reason.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone

from .. import ntriples as nt
from ..model import PRECISIONS, short_hash

TL = "https://w3id.org/timeline-kg/ontology#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
WD = "http://www.wikidata.org/entity/"
INDEX_FORMAT = "1"
UNDATED = "~"
OPEN = "/open"
ALL = "*"
MAX_CROSSINGS = 24
_DAY = re.compile(r"^\d{4}-\d{2}-(0[1-9]|[12]\d|3[01])")
_MONTH = re.compile(r"^(\d{4})-(\d{2})\Z")
_LOCAL = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,200}\Z")
_WORD = re.compile(r"\w+")
# Words too common to find anything by; a query word among them is ignored.
STOPWORDS = frozenset(
    "a an and are as at be been but by for from had has have he her his in into is it its of on "
    "or she than that the their them they this to was were which who will with".split())

Ancestors = Callable[[str], Iterable[str]]


def normalise(text: str) -> str:
    """Case- and accent-insensitive form of a text (NFKD without marks, casefolded)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def words(text: str) -> set[str]:
    """The searchable words of a text: normalised, two characters or more (any number), not
    a stopword."""
    return {w for w in _WORD.findall(normalise(text))
            if (len(w) > 1 or w.isdigit()) and w not in STOPWORDS}


def bound_string(lexical: str, is_datetime: bool) -> str:
    """A time bound as a comparable string: a date as it is; a date-time with a zone in UTC
    (``2022-05-15T08:00:00Z``); anything unparseable as written (without spaces)."""
    lexical = "".join(lexical.split())
    if not is_datetime:
        return lexical
    try:
        moment = datetime.fromisoformat(lexical.replace("Z", "+00:00"))
    except ValueError:
        return lexical
    if moment.tzinfo is None:
        return lexical
    moment = moment.astimezone(timezone.utc)
    text = moment.strftime("%Y-%m-%dT%H:%M:%S")
    if moment.microsecond:
        text += f".{moment.microsecond:06d}".rstrip("0")
    return text + "Z"


def precision_rank(precision: str | None) -> int:
    return PRECISIONS.index(precision) if precision in PRECISIONS else 99


def sort_string(key: str, rank: int, iri: str) -> str:
    """The sort key: string order is (key, rank, IRI) order (keys hold no spaces)."""
    return f"{key} {rank:02d} {iri}"


def split_sort_string(value: str) -> tuple[str, int, str]:
    key, rank, iri = value.split(" ", 2)
    return key, int(rank), iri


def month_of(key: str) -> str:
    """The bucket month of a sort key (a prefix of it, so buckets keep the keys' order)."""
    return key[:7]


def day_of(key: str) -> str:
    """The bucket day of a sort key (its month when it is not a plain date)."""
    return key[:10] if _DAY.match(key) else month_of(key)


def is_plain_month(month: str) -> bool:
    return bool(_MONTH.match(month))


def next_month(month: str) -> str:
    y, m = (int(x) for x in _MONTH.match(month).groups())
    return f"{y + m // 12:04d}-{m % 12 + 1:02d}"


def entry_key(bucket: str, facet: str) -> str:
    return f"{bucket}|{facet}"


@dataclass(frozen=True)
class Ref:
    """A place or participant as one graph describes it: its IRI and its Wikidata items
    (``owl:sameAs``; for places also ``tl:country``)."""

    iri: str
    qids: frozenset[str] = frozenset()


@dataclass
class Facts:
    """What the store says about one event (or one node that aggregates events)."""

    iri: str
    event: bool = False  # typed tl:Event
    canonical: bool = False
    precisions: set[str] = field(default_factory=set)
    earliest: list[str] = field(default_factory=list)  # comparable bound strings
    latest: list[str] = field(default_factory=list)
    types: set[str] = field(default_factory=set)  # local names
    texts: set[str] = field(default_factory=set)  # labels and evidence sentences
    places: set[Ref] = field(default_factory=set)
    actors: set[Ref] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)  # prov:wasDerivedFrom
    graphs: set[str] = field(default_factory=set)  # where these facts were read
    members: set[str] = field(default_factory=set)  # tl:aggregates
    aggregated: bool = False  # something aggregates it


@dataclass(frozen=True)
class Entry:
    """One index node: a timeline row (``visible``) or the trace of an aggregating node."""

    event: str
    visible: bool
    key: str = UNDATED
    rank: int = 99
    start: str | None = None
    end: str | None = None
    facets: frozenset[str] = frozenset()
    articles: frozenset[str] = frozenset()
    graphs: frozenset[str] = frozenset()
    covers: frozenset[str] = frozenset()

    @property
    def sort_key(self) -> str:
        return sort_string(self.key, self.rank, self.event)

    @property
    def month(self) -> str:
        return month_of(self.key)

    @property
    def open_start(self) -> bool:
        return self.start is None and self.end is not None

    @property
    def bucket(self) -> str:
        return self.month + (OPEN if self.open_start else "")

    @property
    def day_bucket(self) -> str:
        return day_of(self.key) + (OPEN if self.open_start else "")

    def keys(self) -> list[str]:
        return [entry_key(self.day_bucket, ALL)] + \
            [entry_key(self.bucket, f) for f in sorted(self.facets)]

    def crossings(self) -> tuple[list[str], bool]:
        """The months after the key's month that the interval reaches, and whether it is
        too long (or open-ended) to list them."""
        if self.start is None:
            return [], False
        if self.end is None:
            return [], True
        first, last = month_of(self.start), month_of(self.end)
        if first >= last:
            return [], False
        if not (is_plain_month(first) and is_plain_month(last)):
            return [], True
        months, m = [], first
        while m < last:
            m = next_month(m)
            months.append(m)
            if len(months) > MAX_CROSSINGS:
                return [], True
        return months, False


def build_entry(facts: Facts, members: dict[str, Facts], ancestors: Ancestors | None) -> \
        Entry | None:
    """The index node of one event (``members``: the facts of the events it aggregates), or
    None when it needs none."""
    parts = [facts] + [members[m] for m in sorted(facts.members) if m in members]
    graphs = frozenset(g for p in parts for g in p.graphs)
    visible = facts.event and bool(facts.precisions) and not facts.aggregated
    if not visible:
        if not facts.members:
            return None
        return Entry(facts.iri, False, graphs=graphs, covers=frozenset(facts.members))
    start = min(facts.earliest) if facts.earliest else None
    end = max(facts.latest) if facts.latest else None
    facets = {f"type:{t}" for t in facts.types}
    for part in parts:
        for ref in part.places:
            facets.add(f"place:{ref.iri}")
            for q in ref.qids:
                facets.add(f"place:{WD}{q}")
                if ancestors is not None:
                    facets.update(f"place:{WD}{a}" for a in ancestors(q))
        for ref in part.actors:
            facets.add(f"actor:{ref.iri}")
            facets.update(f"actor:{WD}{q}" for q in ref.qids)
        for text in part.texts:
            facets.update(f"word:{w}" for w in words(text))
    return Entry(
        facts.iri, True, key=start or end or UNDATED,
        rank=min(precision_rank(p) for p in facts.precisions), start=start, end=end,
        facets=frozenset(facets), articles=frozenset(facts.articles), graphs=graphs,
        covers=frozenset(facts.members))


# -- RDF ----------------------------------------------------------------------------------


def entry_iri(graph: str, event: str, base: str) -> str:
    """The index node of an event: ``{graph}#{event id}`` for this service's events, else a
    hash of the event's IRI."""
    prefix = f"{base}event/"
    if event.startswith(prefix) and _LOCAL.match(event[len(prefix):]):
        return f"{graph}#{event[len(prefix):]}"
    return f"{graph}#x-{short_hash(event, length=24)}"


def facet_iri(graph: str, facet: str) -> str:
    return f"{graph}#facet-{short_hash(facet, length=20)}"


def month_iri(graph: str, month: str) -> str:
    if is_plain_month(month):
        return f"{graph}#month-{month}"
    return f"{graph}#month-x-{short_hash(month, length=16)}"


def meta_iri(graph: str) -> str:
    return f"{graph}#index"


def _p(name: str) -> str:
    return f"<{TL}{name}>"


def entry_lines(entry: Entry, graph: str, base: str) -> list[str]:
    """The N-Triples of one index node."""
    s = nt.iri(entry_iri(graph, entry.event, base))
    out = [f"{s} <{RDF_TYPE}> {_p('TimelineEntry' if entry.visible else 'TimelineTrace')} .",
           f"{s} {_p('entryOf')} {nt.iri(entry.event)} ."]
    out += [f"{s} {_p('sourceGraph')} {nt.iri(g)} ." for g in sorted(entry.graphs)]
    out += [f"{s} {_p('covers')} {nt.iri(m)} ." for m in sorted(entry.covers)]
    if not entry.visible:
        return out
    out.append(f"{s} {_p('sortKey')} {nt.literal(entry.sort_key)} .")
    out.append(f"{s} {_p('entryBucket')} {nt.literal(entry.bucket)} .")
    if entry.start is not None:
        out.append(f"{s} {_p('startBound')} {nt.literal(entry.start)} .")
    if entry.end is not None:
        out.append(f"{s} {_p('endBound')} {nt.literal(entry.end)} .")
    out += [f"{s} {_p('entryKey')} {nt.literal(k)} ." for k in entry.keys()]
    months, long = entry.crossings()
    out += [f"{s} {_p('crossesMonth')} {nt.literal(m)} ." for m in months]
    if long:
        out.append(f"{s} {_p('longSpan')} {nt.boolean(True)} .")
    out += [f"{s} {_p('entryArticle')} {nt.iri(a)} ." for a in sorted(entry.articles)]
    return out


def facet_lines(graph: str, facet: str, count: int) -> list[str]:
    s = nt.iri(facet_iri(graph, facet))
    return [f"{s} <{RDF_TYPE}> {_p('TimelineFacet')} .",
            f"{s} {_p('facet')} {nt.literal(facet)} .",
            f"{s} {_p('entryCount')} {nt.integer(count)} ."]


def month_lines(graph: str, month: str, count: int) -> list[str]:
    s = nt.iri(month_iri(graph, month))
    return [f"{s} <{RDF_TYPE}> {_p('TimelineMonth')} .",
            f"{s} {_p('month')} {nt.literal(month)} .",
            f"{s} {_p('entryCount')} {nt.integer(count)} ."]


def meta_lines(graph: str) -> list[str]:
    s = nt.iri(meta_iri(graph))
    return [f"{s} <{RDF_TYPE}> {_p('TimelineIndex')} .",
            f"{s} {_p('indexFormat')} {nt.literal(INDEX_FORMAT)} ."]
