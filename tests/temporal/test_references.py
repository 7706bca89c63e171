"""TimeML reference values: now, currently, recently, the future; "former" is not a time."""

from __future__ import annotations

from datetime import date

import pytest

from .support import DCT, one, tag


@pytest.mark.parametrize("text, value", [
    ("He is now the mayor.", "PRESENT_REF"),
    ("He currently leads the party.", "PRESENT_REF"),
    ("The current government fell.", "PRESENT_REF"),
    ("Nowadays few trains run.", "PRESENT_REF"),
    ("The border is closed at present.", "PRESENT_REF"),
    ("He was recently re-elected.", "PAST_REF"),
    ("Recent attacks worried residents.", "PAST_REF"),
    ("Such things happened in the past.", "PAST_REF"),
    ("Talks may resume in the future.", "FUTURE_REF"),
    ("Prices will stay high in the near future.", "FUTURE_REF"),
])
def test_reference_values(text, value):
    t = one(text)
    assert (t.type, t.value) == ("DATE", value)


def test_reference_bounds_follow_the_dct():
    now = one("He is now the mayor.")
    assert (now.earliest, now.latest, now.edtf, now.precision) == (DCT, DCT, "2022-05-18", "day")
    past = one("He was recently re-elected.")
    assert (past.earliest, past.latest, past.edtf) == (None, DCT, "../2022-05-18")
    future = one("Talks may resume in the future.")
    assert (future.earliest, future.latest, future.edtf) == (DCT, None, "2022-05-18/..")


def test_references_without_dct_are_unresolved():
    t = one("He is now the mayor.", dct=None)
    assert (t.value, t.resolved, t.earliest, t.latest, t.edtf) == (
        "PRESENT_REF", False, None, None, None)


@pytest.mark.parametrize("text", [
    "The former mayor left.", "A former soldier spoke.", "The futures market fell.",
    "The current account deficit grew.", "Today's world is complicated.",
])
def test_not_temporal(text):
    assert tag(text) == []


def test_today_is_the_dct():
    assert one("Today the square is empty.", dct=date(2022, 5, 18)).value == "2022-05-18"
