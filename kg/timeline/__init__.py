"""The timeline: filtered, time-ordered, paginated events with their sources, and exports.

:mod:`.filters` parses and validates the selection (pure), :mod:`.query` runs it on the store,
:mod:`.exports` turns entries into TimelineJS3, vis-timeline, CSV (pure) and Turtle.
"""

from __future__ import annotations

from .filters import Cursor, Filters, parse_filters
from .query import Page, Timeline

__all__ = ["Cursor", "Filters", "Page", "Timeline", "parse_filters"]
