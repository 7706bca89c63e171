"""An article-level event as merging sees it, with its time as comparable bounds.

Pure: plain values in (IRIs, lexical forms of literals, vocabulary names), no store.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timezone

from ..model import BASIS_RANK, PRECISIONS

#: precision name -> rank, finest first ('unknown' last)
PRECISION_RANK = {name: i for i, name in enumerate(PRECISIONS)}
#: bases that say little about when the event happened (an upper bound at most)
WEAK_BASES = frozenset({"report", "publication", "unknown"})


@dataclass(frozen=True)
class Bound:
    """One end of an interval as stored: the lexical form and whether it is a dateTime."""

    value: str
    is_datetime: bool

    def as_datetime(self, end: bool) -> datetime:
        """A comparable UTC datetime; a date stands for its first (or, as an upper bound,
        last) instant."""
        return parse_bound(self.value, self.is_datetime, end)


def parse_bound(value: str, is_datetime: bool, end: bool) -> datetime:
    text = value.strip()
    if is_datetime:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=timezone.utc)
        return parsed.astimezone(timezone.utc)
    # xsd:date may carry a zone suffix (2022-05-14Z); the day is what counts
    day = date.fromisoformat(text[:10])
    return datetime.combine(day, time.max if end else time.min, tzinfo=timezone.utc)


@dataclass(frozen=True)
class Ref:
    """A place or participant: our IRI and, when linked, its Wikidata Q-id."""

    iri: str
    qid: str | None = None
    side: str | None = field(default=None, compare=False)  # Q-id of the country it acts for


@dataclass(frozen=True)
class EventRecord:
    """What merging needs to know about one article-level event."""

    iri: str
    article: str
    type: str  # local name of the event type concept, e.g. "AirStrike"
    label: str = ""
    earliest: Bound | None = None
    latest: Bound | None = None
    precision: str = "unknown"  # a name of kg.model.PRECISIONS
    basis: str = "unknown"  # a name of kg.model.TIME_BASES
    edtf: str | None = None
    modality: str = "asserted"
    places: frozenset[Ref] = frozenset()
    participants: frozenset[Ref] = frozenset()
    roles: frozenset[tuple[str, str]] = frozenset()  # (participant IRI, role concept IRI)
    stem: str | None = None  # trigger stem, see kg.merge.lemma
    publisher: str | None = None
    fatalities: int | None = None
    injured: int | None = None
    confidence: float = 1.0
    lo: datetime | None = field(default=None, init=False, compare=False, repr=False)
    hi: datetime | None = field(default=None, init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "lo", self.earliest.as_datetime(False) if self.earliest
                           else None)
        object.__setattr__(self, "hi", self.latest.as_datetime(True) if self.latest else None)

    @property
    def weak_time(self) -> bool:
        """Dated only by an upper bound (a report's day or the publication's: "on or before")
        or not at all."""
        return self.basis in WEAK_BASES or (self.lo is None and self.hi is None)

    def sort_key(self) -> tuple:
        """Total order used by clustering: best-dated first, then time, then IRI."""
        return (self.weak_time, PRECISION_RANK.get(self.precision, 99),
                BASIS_RANK.get(self.basis, 9), self.lo.isoformat() if self.lo else "~",
                self.iri)
