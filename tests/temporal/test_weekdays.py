"""Weekday names: which Sunday is meant depends on the tense and on "next"/"last"."""

from __future__ import annotations

from datetime import date

import pytest

from .support import one, tag


@pytest.mark.parametrize("text, value", [
    ("Troops withdrew on Sunday.", "2022-05-15"),
    ("The ministers met Monday in Geneva.", "2022-05-16"),
    ("The ministers met on Wednesday.", "2022-05-18"),  # the DCT is a Wednesday
    ("Troops will return on Sunday.", "2022-05-22"),
    ("The ministers are scheduled to meet on Friday.", "2022-05-20"),
    ("The ministers said they would meet on Friday.", "2022-05-20"),
    ("The ministers meet next Monday.", "2022-05-23"),
    ("The ministers met last Wednesday.", "2022-05-11"),
    ("The ministers met last Monday.", "2022-05-16"),
    ("The ministers meet this Friday.", "2022-05-20"),
])
def test_weekday_resolution(text, value):
    assert one(text).value == value


def test_past_verb_nearest_to_the_weekday_decides():
    specs = tag("He was arrested on Tuesday and will appear in court on Friday.")
    assert [t.value for t in specs] == ["2022-05-17", "2022-05-20"]


def test_deadline_means_the_coming_day():
    assert one("Officials have until Friday to reply.").value == "2022-05-20"


def test_weekday_with_part_of_day_is_a_time():
    t = one("Shelling continued on Tuesday morning.")
    assert (t.type, t.value, t.precision) == ("TIME", "2022-05-17TMO", "part_of_day")
    assert t.earliest.hour == 6 and t.latest.hour == 11 and t.earliest.tzinfo is not None


def test_plural_weekday_is_a_set():
    t = one("The market opens on Mondays.")
    assert (t.type, t.value) == ("SET", "XXXX-WXX-1")


def test_weekday_with_explicit_date_uses_the_date():
    t = one("The vote is on Monday, June 6.", dct=date(2022, 5, 18))
    assert t.value == "2022-06-06"


def test_a_plan_reported_in_the_past_points_back():
    assert one("The offer had been due to expire on Friday.").value == "2022-05-13"
    assert one("The offer is due to expire on Friday.").value == "2022-05-20"


def test_time_with_a_parenthetical_before_the_day():
    t = one("The blast came at 10:35 a.m. (0735 GMT) Friday.")
    assert (t.type, t.value) == ("TIME", "2022-05-13T10:35")


@pytest.mark.parametrize("text, value", [
    # a closing ", X said" tells when it was said, not the tense of what it reports
    ("The council will hold an emergency meeting on the attack on Friday, diplomats said.",
     "2022-05-20"),
    ("The council held an emergency meeting on the attack on Friday, diplomats said.",
     "2022-05-13"),
    ("Talks on Friday, officials said.", "2022-05-13"),  # no other verb: the report's tense
    # "for Friday": the day something is set for, the one nearest the report
    ("Mourning was declared in the city for Thursday.", "2022-05-19"),
    ("Mourning was declared in the city for Monday.", "2022-05-16"),
    ("Police arrested two men for Friday's attack.", "2022-05-13"),
    ("Peace talks are scheduled for Monday in Geneva.", "2022-05-23"),  # (a plan: ahead)
    # a present progressive of an arrangement is to come; of an inquiry it is not
    ("The foreign minister is meeting his counterpart in Ankara on Friday.", "2022-05-20"),
    ("Police are investigating the shooting of a businessman on Friday.", "2022-05-13"),
    # a fronted day before "X said": the report is the main verb, its plan is no tense of it
    ("On Friday, the minister said he would resign.", "2022-05-13"),
    ("Speaking to reporters on Friday, the minister said he would resign.", "2022-05-13"),
    # a participle of speaking before the day: the day of the speaking, in the past
    ("The minister, speaking on Friday, said troops would withdraw.", "2022-05-13"),
    ("Biden, speaking at the White House on Monday afternoon, said he would go.", "2022-05-16TAF"),
    ("On Friday, the talks will resume, officials said.", "2022-05-20"),
])
def test_closing_reports_and_days_set_for(text, value):
    assert one(text).value == value  # (the DCT is Wednesday 18 May 2022)
