"""Shared helpers for the temporal tagger tests (imported by the test modules)."""

from __future__ import annotations

from datetime import date

from kg.temporal import tag_timexes

# Wednesday 18 May 2022: the document creation time used throughout unless a test says so.
DCT = date(2022, 5, 18)


def tag(text: str, dct=DCT, **kw):
    """Tag ``text`` and check the invariants every result must satisfy."""
    specs = tag_timexes(text, dct, **kw)
    for t in specs:
        assert text[t.start:t.end] == t.text, (t.text, t.start, t.end)
        assert t.basis == "expression"
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        if t.earliest is not None and t.latest is not None:
            assert _key(t.earliest) <= _key(t.latest, end=True), t
    return specs


def one(text: str, dct=DCT, **kw):
    """The single expression found in ``text``."""
    specs = tag(text, dct, **kw)
    assert len(specs) == 1, [(t.text, t.value) for t in specs]
    return specs[0]


def find(text: str, expression: str, dct=DCT, **kw):
    """The expression whose text is ``expression``."""
    specs = tag(text, dct, **kw)
    hits = [t for t in specs if t.text == expression]
    assert hits, [(t.text, t.value) for t in specs]
    return hits[0]


def _key(value, end: bool = False):
    from kg.model import _as_dt

    return _as_dt(value, end=end)
