"""Expressions relative to the document creation time (DCT): values and bounds, and what
happens without a DCT (unresolved, never today's date)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from .support import DCT, find, one, tag


@pytest.mark.parametrize("text, value", [
    ("The mayor spoke yesterday.", "2022-05-17"),
    ("The mayor speaks today.", "2022-05-18"),
    ("The mayor will speak tomorrow.", "2022-05-19"),
    ("The mayor spoke the day before yesterday.", "2022-05-16"),
    ("The council met last week.", "2022-W19"),
    ("The council meets this week.", "2022-W20"),
    ("The council will meet next week.", "2022-W21"),
    ("Prices rose last month.", "2022-04"),
    ("Prices rose this month.", "2022-05"),
    ("Prices will fall next month.", "2022-06"),
    ("Prices rose last year.", "2021"),
    ("Prices will fall next year.", "2023"),
    ("The bridge opened two days ago.", "2022-05-16"),
    ("The bridge opened three weeks ago.", "2022-W17"),
    ("The bridge opened five months ago.", "2021-12"),
    ("The bridge opened a year ago.", "2021"),
    ("The bridge opened twenty-five years ago.", "1997"),
])
def test_relative_to_dct(text, value):
    t = one(text)
    assert (t.value, t.resolved) == (value, True)


def test_bounds_of_relative_week():
    t = one("The council met last week.")
    assert (t.precision, t.earliest, t.latest, t.edtf) == (
        "week", date(2022, 5, 9), date(2022, 5, 15), "2022-05-09/2022-05-15")


def test_a_few_weeks_ago_is_a_bounded_interval():
    t = one("The plan was drafted a few weeks ago.")
    assert t.resolved and t.precision == "week"
    assert t.earliest == date(2022, 4, 11) and t.latest == date(2022, 5, 8)
    assert t.edtf == "2022-04-11/2022-05-08"


def test_over_the_past_several_days_is_a_duration_ending_at_the_dct():
    t = find("Over the past several days, fighting intensified.", "the past several days")
    assert (t.type, t.value, t.earliest, t.latest) == ("DURATION", "PXD", date(2022, 5, 9), DCT)


def test_earlier_this_month_ends_at_the_dct():
    t = one("Earlier this month the army advanced.")
    assert (t.value, t.mod, t.earliest, t.latest) == ("2022-05", "START", date(2022, 5, 1), DCT)


def test_later_this_year_starts_at_the_dct():
    t = one("Elections will be held later this year.")
    assert (t.value, t.mod, t.earliest, t.latest) == ("2022", "END", DCT, date(2022, 12, 31))


def test_early_next_year():
    t = one("The plant will open early next year.")
    assert (t.value, t.mod, t.earliest, t.latest) == (
        "2023", "START", date(2023, 1, 1), date(2023, 4, 30))


def test_the_end_of_the_year():
    t = one("Troops will stay until the end of the year.")
    assert (t.value, t.mod, t.earliest, t.latest) == (
        "2022", "END", date(2022, 9, 1), date(2022, 12, 31))


def test_the_past_year_is_a_year_long_duration_ending_at_the_dct():
    t = one("Prices doubled over the past year.")
    assert (t.type, t.value, t.earliest, t.latest) == ("DURATION", "P1Y", date(2021, 5, 18), DCT)


@pytest.mark.parametrize("text", [
    "The mayor spoke yesterday.", "The council met last week.", "Prices rose last month.",
    "The bridge opened two days ago.", "Earlier this month the army advanced.",
    "Troops withdrew on Sunday.", "Shelling resumed this morning.", "He left last night.",
    "The plan was drafted a few weeks ago.", "Voting ended on 16 May.",
    "The talks collapsed in February.", "Prices will fall next year.",
    "The blast happened at 3 p.m.", "Talks resumed last summer.",
])
def test_without_dct_relative_expressions_stay_unresolved(text):
    specs = tag(text, dct=None)
    assert specs, text
    today = date.today()
    for t in specs:
        assert t.resolved is False
        assert t.earliest is None and t.latest is None
        assert "X" in t.value
        assert str(today.year) not in t.value
    # and the DCT-less values keep what is known
    assert re.fullmatch(r"[X0-9TWMOAFEVNISUPQH:-]+", specs[0].value)


def test_without_dct_known_parts_are_kept():
    assert one("Voting ended on 16 May.", dct=None).value == "XXXX-05-16"
    assert one("Troops withdrew on Sunday.", dct=None).value == "XXXX-WXX-7"
    assert one("The blast happened at 3 p.m.", dct=None).value == "XXXX-XX-XXT15:00"


def test_without_dct_absolute_dates_still_resolve():
    t = one("It was signed on May 16, 2022.", dct=None)
    assert t.resolved and t.earliest == date(2022, 5, 16)


def test_datetime_dct_is_accepted():
    from datetime import datetime, timezone

    t = one("The mayor spoke yesterday.", dct=datetime(2022, 5, 18, 9, 30, tzinfo=timezone.utc))
    assert t.value == "2022-05-17"


def test_hours_ago_need_a_dct_time():
    from datetime import datetime, timezone

    t = one("The blast happened two hours ago.",
            dct=datetime(2022, 5, 18, 9, 30, tzinfo=timezone.utc))
    assert (t.type, t.value) == ("TIME", "2022-05-18T07:30")
    t = one("The blast happened two hours ago.", dct=date(2022, 5, 18))
    assert t.resolved is False


@pytest.mark.parametrize("text, value", [
    ("Talks stalled over the weekend.", "2022-W19-WE"),
    ("Talks will resume over the weekend.", "2022-W20-WE"),
    ("The rally is this weekend.", "2022-W20-WE"),
    ("The rally was last weekend.", "2022-W19-WE"),
    ("The rally is next weekend.", "2022-W20-WE"),
])
def test_weekends(text, value):
    t = one(text)
    assert t.value == value and t.precision == "week"


def test_weekend_bounds():
    t = one("The rally is this weekend.")
    assert (t.earliest, t.latest, t.edtf) == (date(2022, 5, 21), date(2022, 5, 22),
                                              "2022-05-21/2022-05-22")


def test_a_caption_date_is_no_narrative_reference():
    """A photo caption dates its picture: "the same day" after it refers to the day the
    report told before (88th batch)."""
    text = ("Russia completed its withdrawal on November 11.\n\n"
            "Residents greet soldiers in Kherson on November 12. Photo: Reuters\n\n"
            "The Kremlin said on the same day that nothing had changed.")
    assert find(text, "the same day", date(2022, 11, 25)).value == "2022-11-11"
    text = text.replace(" Photo: Reuters", "")
    assert find(text, "the same day", date(2022, 11, 25)).value == "2022-11-12"
