"""Clock times and parts of the day."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from .support import find, one, tag


def test_pm_time_on_dct_day():
    t = one("The blast happened at 3 p.m.")
    assert (t.type, t.value, t.precision) == ("TIME", "2022-05-18T15:00", "minute")
    assert t.earliest == datetime(2022, 5, 18, 15, 0, tzinfo=timezone.utc)
    assert t.latest == datetime(2022, 5, 18, 15, 0, 59, tzinfo=timezone.utc)


def test_time_with_zone_is_tz_aware():
    t = one("Sirens sounded at 14:00 GMT.")
    assert t.value == "2022-05-18T14:00"
    assert t.earliest.utcoffset() == timedelta(0)
    assert t.edtf == "2022-05-18T14:00:00Z"


def test_time_in_eastern_time():
    t = one("The market closed at 4 p.m. EDT.")
    assert t.earliest.utcoffset() == timedelta(hours=-4)
    assert t.edtf == "2022-05-18T16:00:00-04:00"


@pytest.mark.parametrize("text", ["The crush began at about 10.15pm on 29 October.",
                                  "It began on 29 October at 10.15pm.",
                                  "The crush began at 22:15 on 29 October 2021."])
def test_time_with_a_day_before_its_month(text):
    assert one(text).value == "2021-10-29T22:15"


def test_military_time():
    assert one("The convoy left at 0600 GMT.").value == "2022-05-18T06:00"


def test_time_with_weekday():
    t = one("The deadline expired at 10 a.m. Tuesday.")
    assert t.value == "2022-05-17T10:00"


def test_noon_and_midnight():
    assert one("The curfew starts at midnight.").value == "2022-05-18T24:00"
    assert one("They will meet at noon Thursday.").value == "2022-05-19T12:00"
    assert one("They met at noon Thursday.").value == "2022-05-12T12:00"


def test_time_takes_the_day_mentioned_in_the_same_sentence():
    t = find("On May 2 the shelling began at 5 a.m. near the port.", "5 a.m.")
    assert t.value == "2022-05-02T05:00"


@pytest.mark.parametrize("text, value", [
    ("Shelling resumed this morning.", "2022-05-18TMO"),
    ("He left last night.", "2022-05-17TNI"),
    ("The vote is tonight.", "2022-05-18TNI"),
    ("This evening the square was calm.", "2022-05-18TEV"),
    ("Drones struck overnight.", "2022-05-17TNI"),
    ("They fled yesterday afternoon.", "2022-05-17TAF"),
])
def test_parts_of_day(text, value):
    t = one(text)
    assert (t.type, t.value, t.precision) == ("TIME", value, "part_of_day")


def test_night_spans_midnight():
    t = one("He left last night.")
    assert t.earliest == datetime(2022, 5, 17, 20, 0, tzinfo=timezone.utc)
    assert t.latest == datetime(2022, 5, 18, 5, 59, 59, tzinfo=timezone.utc)


def test_scores_are_not_times():
    assert [t.text for t in one.__globals__["tag"]("The home side won 3:21 overall.")] == []


def test_time_takes_the_day_of_the_sentence_before():
    """ "... early on Monday. The ship hit a pillar at 1:30 a.m.": Monday's 1:30, not the
    publication day's (a day mentioned two sentences back still counts; up to five back when
    it lies in the week before publication - the day the report narrates - else not)."""
    assert find("A ship slammed into a bridge early on Monday, officials said. It hit a "
                "pillar at 1:30 a.m.", "1:30 a.m.").value == "2022-05-16T01:30"
    assert find("Fighting began on Monday. Shelling went on. Rockets fell. Sirens sounded. "
                "A depot burned at 1:30 a.m.", "1:30 a.m.").value == "2022-05-16T01:30"
    assert find("Fighting began on Monday. Shelling went on. Rockets fell. Sirens sounded. "
                "Crowds fled. Trains stopped. A depot burned at 1:30 a.m.",
                "1:30 a.m.").value == "2022-05-18T01:30"
    assert find("The war began on February 24. Shelling went on. Rockets fell. Sirens sounded. "
                "A depot burned at 1:30 a.m.", "1:30 a.m.").value == "2022-05-18T01:30"


def test_the_night_after_an_evening_told_is_that_evenings():
    """ "Earlier on Wednesday evening he had put the number at 63, but the figure climbed
    overnight": the night into Thursday (not the night before Wednesday)."""
    assert find("Earlier on Monday evening he had put the number at 63, but it climbed "
                "overnight.", "overnight").value == "2022-05-16TNI"
    assert find("Shelling began on Monday morning after drones hit the city overnight.",
                "overnight").value == "2022-05-15TNI"
    # (also in the next sentence)
    assert find("Protesters clashed with police on Monday evening. Police arrested 50 people "
                "overnight.", "overnight").value == "2022-05-16TNI"


def test_live_page_stamps_with_a_zone_or_an_update_word_are_the_pages_day():
    """First contact, 83rd batch: "09:40 PT — ..." after an entry that named Tuesday, and
    "Update, 9:30 a.m.: ..." after one that told of the night, are of the page's own day."""
    text = ("09:05 PT — The fire broke out shortly after 10:30 a.m. on Tuesday.\n\n"
            "09:40 PT — Two people had died, the chief said.\n\n"
            "Update, 9:30 a.m.: Trains were halted overnight.\n")
    assert find(text, "09:40").value == "2022-05-18T09:40"
    assert find(text, "9:30 a.m.").value == "2022-05-18T09:30"
    assert find("He was arrested on Tuesday. At 09:40 the police said he had confessed.",
                "09:40").value == "2022-05-17T09:40"


def test_hours_later_after_a_part_of_the_day_is_unresolved_not_the_future():
    """ "On Thursday morning the ministry said ... Hours later, ...": a part of the day has
    no clock time to count hours from; the shift stays unresolved (a past narrative, never
    FUTURE_REF)."""
    t = find("On Thursday morning the ministry said a fire had broken out. Hours later, the "
             "ministry said the cruiser had sunk.", "Hours later")
    assert (t.value, t.precision) == ("XXXX-XX-XXTXX:XX", "hour")


@pytest.mark.parametrize("text, expression, value", [
    ("The fire broke out shortly before 3pm last Wednesday, November 26.",
     "3pm last Wednesday, November 26", "2025-11-26T15:00"),
    ("The vote is at 10am next Monday.", "10am next Monday", "2025-12-08T10:00"),
])
def test_a_time_of_a_weekday_named_with_last_or_next(text, expression, value):
    """ "3pm last Wednesday": the time of that day (was 3pm of the publication day)."""
    assert find(text, expression, dct=date(2025, 12, 2)).value == value


@pytest.mark.parametrize("text, expression, value", [
    # the night that ends on that day
    ("Russia launched 476 drones overnight into Wednesday.", "overnight into Wednesday",
     "2025-11-04TNI"),
    ("Russia attacked overnight Tuesday into Wednesday.", "overnight Tuesday into Wednesday",
     "2025-11-04TNI"),
    # the midnight that began that day, not the one that ended it
    ("Boluarte was ousted shortly after midnight last Friday.", "midnight last Friday",
     "2025-10-31T00:00"),
    ("The vote ended just before midnight on Friday.", "midnight on Friday",
     "2025-11-07T24:00"),
])
def test_nights_and_midnights_named_by_the_day_they_open_or_end(text, expression, value):
    assert find(text, expression, dct=date(2025, 11, 7)).value == value


def test_a_hyphenated_part_of_the_day_before_a_dated_noun():
    """"in a late-night address on May 11": the address's day is May 11 (no night of the
    publication day); "In a late-night address on Sunday, Zelensky said ...": the report's
    own day, the Sunday before."""
    specs = tag("Zelensky said in a late-night address on May 11 that talks would continue.",
                date(2025, 11, 7))
    assert [(t.text, t.value) for t in specs] == [("May 11", "2025-05-11")]
    assert find("In a late-night address on Sunday, Zelensky said talks would continue.",
                "Sunday", dct=date(2025, 11, 7)).value == "2025-11-02"


def test_a_date_set_beside_a_relative_month_takes_its_year():
    """First contact, batch 187: "Four months later, on June 14" after February 2023 is
    June 14, 2023 (not the June 14 before publication)."""
    text = ("In February 2023, a boat broke apart near Cutro. Four months later, on June 14, a "
            "fishing boat sank off Pylos.")
    assert find(text, "June 14", dct=date(2024, 9, 16)).value == "2023-06-14"


def test_a_clock_time_after_a_sentence_that_brings_the_story_up_to_now_is_the_dcts():
    """Review of the stop's rules: "By 6pm" after "Aid convoys have since reached the area"
    is no time of the quake day three sentences back."""
    text = ("The earthquake struck before dawn on Monday. Thousands of buildings collapsed. "
            "Aid convoys have since reached the area. By 6pm, rescuers had evacuated 200 more "
            "residents.")
    assert find(text, "6pm", dct=date(2022, 5, 20)).value == "2022-05-20T18:00"


def test_a_clock_time_after_a_report_day_is_of_the_day_reported():
    found = tag("Gunmen stormed a beachfront on Friday evening, police said on Saturday. The "
                "assault began at about 10 p.m. when a bomber blew himself up.")
    assert [t.value for t in found] == ["2022-05-13TEV", "2022-05-14", "2022-05-13T22:00"]


def test_a_part_of_the_day_after_the_story_s_day_is_that_days():
    found = tag("The crisis came to a head on 9 May, when thousands poured into the capital. "
                "Many travelled in packed trains.\n\nBy early afternoon they had broken through "
                "police lines. That evening, protesters set fire to a residence.")
    assert [t.value for t in found] == ["2022-05-09", "2022-05-09TAF", "2022-05-09TEV"]
