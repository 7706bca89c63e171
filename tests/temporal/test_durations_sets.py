"""Durations (with number words, fractions, modifiers) and sets."""

from __future__ import annotations

from datetime import date

import pytest

from .support import DCT, find, one, tag


@pytest.mark.parametrize("text, expression, value", [
    ("The siege lasted three days.", "three days", "P3D"),
    ("The ceasefire held for 48 hours.", "48 hours", "PT48H"),
    ("Talks took two weeks.", "two weeks", "P2W"),
    ("The war lasted twenty-five years.", "twenty-five years", "P25Y"),
    ("The war lasted a dozen years.", "a dozen years", "P12Y"),
    ("The trial took two and a half years.", "two and a half years", "P2Y6M"),
    ("The trial took 2 1/2 years.", "2 1/2 years", "P2Y6M"),
    ("The flight took an hour and a half.", "an hour and a half", "PT1H30M"),
    ("The flight took half an hour.", "half an hour", "PT30M"),
    ("The blockade lasted a decade.", "a decade", "P10Y"),
    ("The ruins have stood for two centuries.", "two centuries", "P200Y"),
    ("They waited a few days.", "a few days", "PXD"),
    ("They waited several months.", "several months", "PXM"),
    ("It was a 10-year plan.", "10-year", "P10Y"),
    ("A five-hour meeting ended.", "five-hour", "PT5H"),
    ("The stand-off lasted 90 minutes.", "90 minutes", "PT90M"),
    ("The stand-off lasted for years.", "years", "PXY"),
])
def test_durations(text, expression, value):
    t = find(text, expression)
    assert (t.type, t.value, t.edtf) == ("DURATION", value, None)


@pytest.mark.parametrize("text, expression, mod", [
    ("Tension lasted more than a decade.", "more than a decade", "MORE_THAN"),
    ("The talks lasted about two weeks.", "about two weeks", "APPROX"),
    ("Repairs take at least 30 days.", "at least 30 days", "EQUAL_OR_MORE"),
    ("Repairs take less than an hour.", "less than an hour", "LESS_THAN"),
    ("Repairs take up to six months.", "up to six months", "EQUAL_OR_LESS"),
])
def test_duration_modifiers(text, expression, mod):
    t = find(text, expression)
    assert (t.type, t.mod) == ("DURATION", mod)


def test_plain_duration_has_no_bounds():
    t = one("The siege lasted three days.")
    assert t.earliest is None and t.latest is None and t.precision == "day"


def test_duration_anchored_on_the_dct_has_bounds():
    t = one("Fighting raged for the past two weeks.")
    assert (t.value, t.earliest, t.latest) == ("P2W", date(2022, 5, 4), DCT)
    t = one("Fighting will go on for the next three days.")
    assert (t.value, t.earliest, t.latest) == ("P3D", DCT, date(2022, 5, 21))


def test_ages_are_not_durations():
    assert tag("A 6-year-old boy and a man aged 40 years old were rescued.") == []


def test_duration_before_an_event_stays_a_duration():
    t = one("Two days before the election, rallies were banned.")
    assert (t.text, t.type, t.value) == ("Two days", "DURATION", "P2D")


@pytest.mark.parametrize("text, expression, value", [
    ("Patrols run every week.", "every week", "P1W"),
    ("Patrols run every other day.", "every other day", "P2D"),
    ("Patrols run each month.", "each month", "P1M"),
    ("Food is delivered daily.", "daily", "P1D"),
    ("The report is published annually.", "annually", "P1Y"),
    ("Guards are changed hourly.", "hourly", "PT1H"),
    ("Ferries sail twice a week.", "twice a week", "P1W"),
    ("The fund pays $5 million a year.", "a year", "P1Y"),
    ("Pilgrims come every Sunday.", "every Sunday", "XXXX-WXX-7"),
    ("Pilgrims come every July.", "every July", "XXXX-07"),
])
def test_sets(text, expression, value):
    t = find(text, expression)
    assert (t.type, t.value, t.edtf) == ("SET", value, None)


def test_frequency_adjectives_are_not_sets():
    assert tag("The firm raised its quarterly dividend and daily output.") == []
