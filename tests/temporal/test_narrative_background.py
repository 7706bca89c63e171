"""Narrative anchoring skips background dates; "overnight" is the night before the reported day."""

from __future__ import annotations

from datetime import date, datetime, timezone

from kg.temporal import tag_timexes

from .support import find


def _by_text(text, dct):
    return {t.text: t for t in tag_timexes(text, dct)}


def test_since_clause_date_does_not_anchor_the_following_day():
    text = ("The port was the worst-hit town since the siege began on March 2. "
            "The navy released a statement on Friday. "
            "The following day, the minister visited the harbour.")
    found = _by_text(text, date(2023, 4, 10))
    assert found["Friday"].value == "2023-04-07"
    assert found["The following day"].value == "2023-04-08"


def test_overnight_after_a_morning_is_the_night_before_it():
    text = ("Wednesday morning was quiet in the capital, but the governor said drones had "
            "struck a depot overnight.")
    found = _by_text(text, date(2023, 4, 12))
    night = found["overnight"]
    assert night.value == "2023-04-11TNI"
    assert night.earliest == datetime(2023, 4, 11, 20, 0, tzinfo=timezone.utc)
    assert night.latest.date() == date(2023, 4, 12)


def test_a_month_after_a_participle_of_the_past_is_behind_us():
    """ "expect Russia to throw troops withdrawn from the Kyiv region in late March into a
    push in the coming weeks": the participle tells a past (a reduced relative clause), the
    month is this year's March; after "has" it is a perfect and decides nothing ("has given
    them until 9 a.m. Tuesday": a deadline ahead)."""
    text = ("Officials said they expect Russia to throw troops withdrawn from the Kyiv region "
            "in late March into a major push in the coming weeks.")
    assert find(text, "late March", date(2022, 4, 9)).value == "2022-03"
    text = "The agency has given the family until 9 a.m. Tuesday to sign the paper."
    assert find(text, "9 a.m. Tuesday", date(2000, 4, 3)).value == "2000-04-04T09:00"
