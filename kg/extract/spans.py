"""Sets of character spans with fast overlap tests (bisect over sorted, merged intervals)."""

from __future__ import annotations

import bisect
from collections.abc import Iterable


class SpanSet:
    """Character spans ``[start, end)``; overlapping or touching spans are merged."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        for s, e in sorted(spans):
            self.add(s, e)

    def overlaps(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` shares a character with a span of the set."""
        i = bisect.bisect_right(self._starts, start) - 1
        if i >= 0 and self._ends[i] > start:
            return True
        return i + 1 < len(self._starts) and self._starts[i + 1] < end

    def add(self, start: int, end: int) -> None:
        if end <= start:
            return
        i = bisect.bisect_left(self._ends, start)  # first span that may touch or overlap
        j = bisect.bisect_right(self._starts, end)  # spans before j start at or before end
        if i < j:
            start = min(start, self._starts[i])
            end = max(end, self._ends[j - 1])
        self._starts[i:j] = [start]
        self._ends[i:j] = [end]
