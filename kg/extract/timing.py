"""Times: tagging temporal expressions (via :mod:`kg.temporal`) and attaching them to events.

An event takes the time expression of its own clause; else an expression of its sentence that
no other event's clause holds; else the closest expression earlier in its paragraph (not for
present-perfect reports, which are anchored to the present); else "on or before publication"
(planned events: "on or after publication"); else, without a publication date, unknown.
An unresolved expression in the event's own clause or sentence stops the search: the event
then gets the publication bound rather than a neighbour's date.
"""

from __future__ import annotations

import calendar
import dataclasses
import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime

from ..model import TimeSpec
from .clauses import clause_of
from .document import Document

_ANCHOR_RE = re.compile(
    r"\b(?:start|beginning|outbreak|launch|onset|first days?|eve)\s+of\s+"
    r"(?:(?:the|a|an|its|their|[A-Z][\w'’]*(?:['’]s)?|full-scale|all-out|large-scale|"
    r"military|ground|current)\s+){0,4}"
    r"(war|invasion|conflict|offensive|fighting|hostilities|pandemic|crisis|protests|"
    r"uprising|revolution|occupation|siege|operation)\b"
    r"|\b(war|invasion|conflict|offensive|fighting|hostilities|uprising|protests)\s+"
    r"(?:began|started|erupted|broke out|was launched|were launched)\b",
    re.IGNORECASE)
_SYNONYMS = {"invasion": ("war",), "offensive": ("war",), "fighting": ("war",),
             "hostilities": ("war",), "conflict": ("war",), "war": ("invasion", "conflict")}
_PUBLICATION_RULE = "publication-bound"


def to_date(value: date | datetime | None) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value


def publication_time(published: date | None, precision: str, *, planned: bool = False
                     ) -> TimeSpec:
    """"On or before publication" (or "on or after" for plans); unknown without a date."""
    if published is None:
        return TimeSpec(basis="unknown", resolved=False, precision="unknown")
    iso, start, end = _period(published, precision)
    if planned:
        return TimeSpec(edtf=f"{iso}/..", precision=precision, earliest=start, latest=None,
                        basis="publication", resolved=True, rule=_PUBLICATION_RULE + ":after")
    return TimeSpec(edtf=f"../{iso}", precision=precision, earliest=None, latest=end,
                    basis="publication", resolved=True, rule=_PUBLICATION_RULE)


def _period(day: date, precision: str) -> tuple[str, date, date]:
    if precision == "year":
        return f"{day.year:04d}", date(day.year, 1, 1), date(day.year, 12, 31)
    if precision == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return (f"{day.year:04d}-{day.month:02d}", date(day.year, day.month, 1),
                date(day.year, day.month, last))
    return day.isoformat(), day, day


def find_anchors(doc: Document, timexes: Sequence[TimeSpec]) -> dict[str, date]:
    """Anchors stated in the text: "since the start of Russia's invasion on February 24"."""
    anchors: dict[str, date] = {}
    for m in _ANCHOR_RE.finditer(doc.text):
        noun = (m.group(1) or m.group(2)).lower()
        sent = doc.sentence_at(m.start())
        if sent is None:
            continue
        best = None
        for tx in timexes:
            if tx.start is None or not tx.resolved or tx.precision != "day":
                continue
            if m.end() <= tx.start <= m.end() + 40 and tx.start < sent.end:
                if doc.text[m.end():tx.start].strip().lower() in ("on", "in", ", on", "on the"):
                    best = tx
                    break
        if best is None or best.earliest is None:
            continue
        day = to_date(best.earliest)
        anchors.setdefault(noun, day)
        for alias in _SYNONYMS.get(noun, ()):
            anchors.setdefault(alias, day)
    return anchors


class TimeAttacher:
    """Chooses the time of each event trigger (see the module docstring)."""

    def __init__(self, doc: Document, timexes: Sequence[TimeSpec], published: date | None,
                 precision: str, trigger_offsets: Sequence[int]) -> None:
        self.doc = doc
        self.published = published
        self.precision = precision
        self.timexes = [t for t in timexes if t.start is not None and t.end is not None
                        and t.type != "SET"]
        self._owned_clauses: set[tuple[int, int]] = set()
        for off in trigger_offsets:
            sent = doc.sentence_at(off)
            if sent is not None:
                self._owned_clauses.add(clause_of(self.bounds(sent.index), off))

    def bounds(self, sentence: int) -> list[tuple[int, int]]:
        return self.doc.clauses(sentence)

    def fallback(self, planned: bool = False) -> TimeSpec:
        return publication_time(self.published, self.precision, planned=planned)

    def attach(self, trigger_start: int, *, perfect: bool = False, planned: bool = False
               ) -> TimeSpec:
        sent = self.doc.sentence_at(trigger_start)
        if sent is None:
            return self.fallback(planned)
        clause = clause_of(self.bounds(sent.index), trigger_start)
        own = [t for t in self.timexes if clause[0] <= t.start < clause[1] and _usable(t, True)]
        if own:
            best = min(own, key=lambda t: abs(t.start - trigger_start))
            if not best.resolved:
                return self.fallback(planned)
            return dataclasses.replace(best, basis="expression")
        in_sentence = [t for t in self.timexes if sent.start <= t.start < sent.end
                       and clause_of(self.bounds(sent.index), t.start) not in
                       self._owned_clauses and _usable(t, False)]
        if in_sentence:
            resolved = [t for t in in_sentence if t.resolved]
            if not resolved:
                return self.fallback(planned)
            best = min(resolved, key=lambda t: abs(t.start - trigger_start))
            return dataclasses.replace(best, basis="sentence")
        if not perfect:
            earlier = [t for t in self.timexes if t.resolved and _usable(t, False)
                       and t.end <= sent.start and self._same_paragraph(t.start, sent.paragraph)]
            if earlier:
                best = max(earlier, key=lambda t: t.start)
                return dataclasses.replace(best, basis="paragraph")
        return self.fallback(planned)

    def _same_paragraph(self, offset: int, paragraph: int) -> bool:
        s = self.doc.sentence_at(offset)
        return s is not None and s.paragraph == paragraph


def _usable(t: TimeSpec, own_clause: bool) -> bool:
    if t.type in ("DATE", "TIME"):
        return True
    if t.type == "DURATION" and own_clause:
        return t.earliest is not None or t.latest is not None
    return False


def merge_anchors(given: Mapping[str, date] | None, found: Mapping[str, date]
                  ) -> dict[str, date]:
    out = dict(found)
    out.update(given or {})
    return out
