"""Which places lie inside which: a containment graph over Wikidata Q-ids.

The entity catalog (``kg.linking``) knows ``located_in`` edges and answers
``Catalog.descendants(qid)``; merging and the timeline accept any object with the two methods
of :class:`Places` (or no containment at all). :class:`PlaceHierarchy` is the small in-memory
implementation built from ``located_in`` edges, e.g. those of the shipped starter catalog.

Pure: no store, no network (reading a catalog file is explicit, by path).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

from .model import QID_RE


class Places(Protocol):
    """What merging and the timeline need to know about places."""

    def descendants(self, qid: str) -> Iterable[str]:
        """Every place inside ``qid`` (transitively)."""

    def contains(self, outer: str, inner: str) -> bool:
        """True when ``inner`` lies (transitively) inside ``outer``."""


class PlaceHierarchy:
    """Containment from ``(child, parent)`` edges between Q-ids; cycles are harmless."""

    def __init__(self, edges: Iterable[tuple[str, str]] = ()):
        self._children: dict[str, set[str]] = defaultdict(set)
        self._parents: dict[str, set[str]] = defaultdict(set)
        for child, parent in edges:
            if child != parent and QID_RE.match(child) and QID_RE.match(parent):
                self._children[parent].add(child)
                self._parents[child].add(parent)

    def __len__(self) -> int:
        return sum(len(c) for c in self._children.values())

    def descendants(self, qid: str) -> list[str]:
        """Every place inside ``qid``, nearest first, then by Q-id."""
        return _walk(qid, self._children)

    def ancestors(self, qid: str) -> list[str]:
        """Every place ``qid`` lies in, nearest first, then by Q-id."""
        return _walk(qid, self._parents)

    def contains(self, outer: str, inner: str) -> bool:
        return outer != inner and outer in self.ancestors(inner)

    @classmethod
    def from_catalog_file(cls, path: Path) -> PlaceHierarchy:
        """The ``located_in`` edges (and ``country``) of a catalog in JSON Lines, one entry a
        line with ``qid``, ``located_in`` and ``country`` (the starter catalog's shape)."""
        edges = []
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                line = line.strip()
                if not line:
                    continue
                rec = json.loads(line)
                qid = rec.get("qid")
                if not qid:
                    continue
                parents = list(rec.get("located_in") or ())
                if rec.get("country") and rec["country"] != qid:
                    parents.append(rec["country"])
                edges.extend((qid, p) for p in parents)
        return cls(edges)


def _walk(start: str, links: dict[str, set[str]]) -> list[str]:
    """Breadth-first from ``start`` along ``links``: nearest first, each level by Q-id."""
    seen = {start}
    out: list[str] = []
    level = [start]
    while level:
        level = sorted({q for p in level for q in links.get(p, ()) if q not in seen})
        seen.update(level)
        out.extend(level)
    return out


def default_places() -> PlaceHierarchy | None:
    """The containment of the shipped starter catalog, when the package carries it."""
    from .resources import data_dir

    try:
        path = data_dir() / "catalog" / "starter.jsonl"
    except FileNotFoundError:
        return None
    return PlaceHierarchy.from_catalog_file(path) if path.is_file() else None


class CatalogPlaces:
    """:class:`Places` over the entity catalog of :mod:`kg.linking` (its ``located_in``
    index), for when the service runs with a catalog."""

    def __init__(self, catalog):
        self.catalog = catalog

    def descendants(self, qid: str) -> list[str]:
        return list(self.catalog.descendants(qid))

    def contains(self, outer: str, inner: str) -> bool:
        return outer != inner and outer in self.catalog.ancestors(inner)
