"""Inferring when an article was published from the explicit dates in its text."""

from __future__ import annotations

import re
from datetime import date

from .tagger import calendar_day, tag_timexes

# A date introduced as the publication or update date, or a dateline near the top.
_MARKER = re.compile(r"\b(?:published|posted|updated|last\s+updated|last\s+modified|"
                     r"first\s+published|date|dated|issued)\b\s*(?:on|at)?\s*:?\s*\Z", re.I)
_HEAD = 300  # characters from the start in which a full date is taken as the dateline
_EXPLICIT = ("date_iso", "date_numeric", "date_month_day", "date_day_month")


def infer_publication_date(text: str) -> tuple[date, str] | None:
    """(date, precision) of publication inferred from explicit dates in the text, or None.

    A full date introduced by "Published", "Updated", "Posted"... wins; else a full date in the
    first lines (a dateline); else the latest explicit full date (the article cannot predate
    the last day it reports), with precision "day". Without any explicit dated day but with
    explicit months, the latest month is returned with precision "month". Relative
    expressions are never used (there is nothing to anchor them on), nor are dates in a
    "since ..." phrase (a start of what still goes on, perhaps long before).
    """
    if not isinstance(text, str) or not text.strip():
        return None
    specs = [t for t in tag_timexes(text, None) if t.resolved and t.earliest is not None and
             not _since(text, t.start)]
    days = [t for t in specs if t.rule in _EXPLICIT and t.precision in ("day", "minute",
                                                                        "second", "hour")]
    for t in days:
        if _MARKER.search(text, max(0, t.start - 40), t.start):
            return calendar_day(t.earliest), "day"
    head = [t for t in days if t.start < _HEAD]
    if head:
        return calendar_day(head[0].earliest), "day"
    if days:
        return max(calendar_day(t.earliest) for t in days), "day"
    months = [t for t in specs if t.rule == "month" and t.precision == "month" and not t.mod]
    if months:
        return max(calendar_day(t.earliest) for t in months), "month"
    return None


def _since(text: str, start: int) -> bool:
    """The date starts something still going on ("under attack since Russia launched its
    invasion in February 2022", "since March 2023"): the article may be years later, so it
    dates nothing. "since" stands before the date in its clause, and no verb of the main
    clause comes between ("the first strike since the truce began came on March 3, 2024":
    that date counts)."""
    before = text[max(0, start - 80):start]
    cut = max(before.rfind(". "), before.rfind("\n"), before.rfind(", "), before.rfind(";"))
    words = [w.lower() for w in before[cut + 1:].split()]
    if "since" not in words:
        return False
    clause = words[len(words) - words[::-1].index("since"):]
    verbs = [n for n, w in enumerate(clause) if w.endswith("ed") or w in _PAST_VERBS]
    # the main clause's verb comes after the since-clause's own ("since the truce took effect
    # killed six"; but "since Hamas fighters killed 1,200 people ... on Oct. 7, 2023")
    return not any(clause[n] in _MAIN_VERBS for n in verbs[1:])


# verbs of a main clause after a "since ..." clause ("since the truce began came on ...")
_PAST_VERBS = frozenset({"began", "took", "came", "broke", "struck", "hit", "left", "went",
                         "fell", "won", "made"})
_MAIN_VERBS = frozenset({"came", "erupted", "happened", "occurred", "killed", "hit", "struck",
                         "left", "wounded", "destroyed"})

