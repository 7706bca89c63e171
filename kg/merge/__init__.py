"""Cross-document event merging: one canonical event per cluster of article-level events that
report the same real-world event.

Pure core: :mod:`.records` (what an event is to merging), :mod:`.lemma` (trigger stems),
:mod:`.rules` (when two events are compatible), :mod:`.cluster` (clustering),
:mod:`.canonical` (the canonical event's RDF). Adapter: :mod:`.store` (:class:`Merger`, reads
the store and writes ``{base}graph/canonical``).
"""

from __future__ import annotations

from .cluster import canonical_key, cluster
from .records import Bound, EventRecord, Ref
from .rules import compatible

__all__ = ["Bound", "EventRecord", "Ref", "canonical_key", "cluster", "compatible",
           "install"]


def install(kg, places=None):
    """Attach a :class:`~kg.merge.store.Merger` to the service and re-merge after every
    write; returns the merger."""
    from .store import Merger

    merger = Merger(kg, places)
    kg.merger = merger
    kg.after_write.append(merger.after_write)
    return merger
