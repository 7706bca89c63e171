"""A candidate mention: a span that may name an entity, with the evidence for its kind."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Which source wins when two candidates cover the same span (lower is stronger).
SOURCE_RANK = {"catalog": 0, "gazetteer": 1, "pattern": 2, "propagated": 3}


@dataclass
class Candidate:
    start: int
    end: int
    surface: str
    kind: str
    source: str  # catalog | gazetteer | pattern | propagated
    rule: str
    confidence: float
    entries: tuple[Any, ...] = ()  # catalog entries (kg.linking.CatalogEntry)
    places: tuple[Any, ...] = ()  # gazetteer places (kg.linking.GazPlace)
    key: str | None = None  # grouping key when the rule knows the entity ("country:UA")
    label: str | None = None  # proposed entity label
    title: str | None = None  # title or role word before a person's name
    weak: bool = False  # a guess that yields to any overlapping stronger candidate
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def length(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Candidate) -> bool:
        return self.start < other.end and other.start < self.end
