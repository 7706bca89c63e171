"""Absolute and partial calendar dates: values, precision, bounds and EDTF."""

from __future__ import annotations

from datetime import date

import pytest

from .support import DCT, find, one, tag


@pytest.mark.parametrize("text, expression, value", [
    ("The truce was signed on May 16, 2022, in the capital.", "May 16, 2022", "2022-05-16"),
    ("The truce was signed on 16 May 2022 in the capital.", "16 May 2022", "2022-05-16"),
    ("The truce was signed on Monday, May 16, 2022.", "Monday, May 16, 2022", "2022-05-16"),
    ("The truce was signed on the 16th of May 2022.", "the 16th of May 2022", "2022-05-16"),
    ("The truce was signed on Sept. 3, 1998.", "Sept. 3, 1998", "1998-09-03"),
    ("The file is dated 2022-05-16.", "2022-05-16", "2022-05-16"),
    ("The form is dated 16.05.2022 in the archive.", "16.05.2022", "2022-05-16"),
    ("The form is dated 05/16/2022 in the archive.", "05/16/2022", "2022-05-16"),
])
def test_full_dates(text, expression, value):
    t = find(text, expression)
    assert (t.type, t.value, t.precision, t.resolved) == ("DATE", value, "day", True)
    assert t.earliest == t.latest == date.fromisoformat(value)
    assert t.edtf == value


def test_day_and_month_takes_the_year_from_the_dct():
    t = one("Voting ended on 16 May.")
    assert (t.value, t.earliest, t.latest) == ("2022-05-16", date(2022, 5, 16), date(2022, 5, 16))


def test_day_and_month_in_the_past_tense_reaches_back_a_year():
    t = one("The bridge was destroyed on Dec. 28.", dct=date(2022, 1, 5))
    assert t.value == "2021-12-28"


def test_day_and_month_in_the_future_tense_reaches_forward():
    t = one("The court will rule on Jan. 4.", dct=date(2022, 12, 20))
    assert t.value == "2023-01-04"


def test_later_mentions_of_a_day_keep_its_year():
    specs = tag("On Jan. 14, 2000 the deadline passed. Officials recalled the Jan. 14 deadline.",
                dct=date(2001, 3, 1))
    assert [t.value for t in specs] == ["2000-01-14", "2000-01-14"]


def test_month_and_year():
    t = one("The dam was finished in May 2022.")
    assert (t.value, t.precision, t.earliest, t.latest, t.edtf) == (
        "2022-05", "month", date(2022, 5, 1), date(2022, 5, 31), "2022-05")


def test_month_alone_uses_dct_year_and_tense():
    assert one("The talks collapsed in February.").value == "2022-02"
    assert one("The talks will resume in February.").value == "2023-02"


@pytest.mark.parametrize("text", ["They may agree.", "Protesters march to the square.",
                                  "The may tree blossomed."])
def test_may_and_march_as_verbs_are_not_months(text):
    assert tag(text) == []


def test_year():
    t = one("The bridge was built in 1998 by engineers.")
    assert (t.value, t.precision, t.earliest, t.latest, t.edtf) == (
        "1998", "year", date(1998, 1, 1), date(1998, 12, 31), "1998")


@pytest.mark.parametrize("text", ["It cost $2022 to fix.", "About 1500 people fled.",
                                  "The convoy carried 1800 tons of grain.",
                                  "She met the chairman of the 1922 Committee.",
                                  "He founded the 1970 Club with friends."])
def test_numbers_that_are_not_years(text):
    assert tag(text) == []


def test_decade():
    t = one("The town grew quickly in the 1990s.")
    assert (t.value, t.precision, t.earliest, t.latest, t.edtf) == (
        "199", "decade", date(1990, 1, 1), date(1999, 12, 31), "199X")


def test_decade_with_apostrophe_and_words():
    assert one("Prices soared in the '70s.").value == "197"
    assert one("Prices soared in the seventies.").value == "197"


def test_ages_are_not_decades():
    assert tag("She was in her 60s when she left.") == []


def test_early_decade():
    t = one("Unrest began in the early 2000s.")
    assert (t.value, t.mod, t.earliest, t.latest, t.edtf) == (
        "200", "START", date(2000, 1, 1), date(2003, 12, 31), "2000/2003")


def test_century():
    t = one("The fortress dates from the 12th century.")
    assert (t.value, t.precision, t.earliest, t.latest, t.edtf) == (
        "11", "century", date(1100, 1, 1), date(1199, 12, 31), "11XX")


def test_season_with_year():
    t = one("Crops failed in the summer of 2021.")
    assert (t.value, t.precision, t.earliest, t.latest, t.edtf) == (
        "2021-SU", "season", date(2021, 6, 1), date(2021, 8, 31), "2021-22")


def test_relative_seasons():
    assert one("The offensive stalled last winter.").value == "2021-WI"
    assert one("The offensive will resume next spring.").value == "2023-SP"
    assert one("Repairs are planned for this autumn.").value == "2022-FA"


def test_the_fall_of_a_city_is_not_a_season():
    assert tag("After the fall of the city, refugees left.") == []


def test_quarters_and_fiscal_quarters():
    t = one("Exports fell in the third quarter of 2021.")
    assert (t.value, t.precision, t.earliest, t.latest, t.edtf) == (
        "2021-Q3", "quarter", date(2021, 7, 1), date(2021, 9, 30), "2021-35")
    assert one("Exports fell in fiscal Q1 2022.").value == "2022-Q1"
    assert one("Exports fell in the fiscal first quarter.").value == "2022-Q1"
    assert one("Exports will recover in the fourth quarter.").value == "2022-Q4"


def test_half_year():
    t = one("Growth slowed in the second half of 2021.")
    assert (t.value, t.precision, t.earliest, t.latest) == (
        "2021-H2", "half_year", date(2021, 7, 1), date(2021, 12, 31))


def test_early_mid_late_month():
    late = one("Fighting resumed in late March 2022.")
    assert (late.value, late.mod, late.precision, late.earliest, late.latest, late.edtf) == (
        "2022-03", "END", "month", date(2022, 3, 21), date(2022, 3, 31),
        "2022-03-21/2022-03-31")
    mid = one("Rain came in mid-May.")
    assert (mid.value, mid.mod, mid.earliest, mid.latest) == (
        "2022-05", "MID", date(2022, 5, 11), date(2022, 5, 20))


def test_early_year():
    t = one("Calm returned in early 2021.")
    assert (t.value, t.mod, t.precision, t.earliest, t.latest, t.edtf) == (
        "2021", "START", "year", date(2021, 1, 1), date(2021, 4, 30), "2021-01/2021-04")


def test_before_and_after_a_year():
    pre = one("The pre-1990 border was restored.")
    assert (pre.value, pre.mod, pre.earliest, pre.latest, pre.edtf) == (
        "1990", "BEFORE", None, date(1989, 12, 31), "../1989-12-31")
    later = one("No profit is expected until 2025 or later.")
    assert (later.mod, later.earliest, later.latest, later.edtf) == (
        "ON_OR_AFTER", date(2025, 1, 1), None, "2025/..")


def test_day_range():
    t = one("The summit ran May 15-17, 2022.")
    assert (t.earliest, t.latest, t.edtf, t.precision) == (
        date(2022, 5, 15), date(2022, 5, 17), "2022-05-15/2022-05-17", "day")


def test_holidays():
    assert one("The strike ended on Christmas Day 2021.").value == "2021-12-25"
    assert one("They met on Thanksgiving 2021.").value == "2021-11-25"
    assert one("Pilgrims gathered at Easter 2022.").value == "2022-04-17"


def test_a_holiday_naming_a_thing_is_no_time():
    assert tag("A car drove into the Christmas market and hit the Christmas tree.") == []
    assert one("The market closed at Christmas.", dct=date(2024, 12, 20)).value == "2023-12-25"


def test_spelled_out_year():
    assert one("It happened in nineteen ninety-six.").value == "1996"


def test_dct_never_changes_absolute_dates():
    for dct in (None, DCT, date(1990, 1, 1)):
        assert one("It was signed on May 16, 2022.", dct=dct).value == "2022-05-16"


def test_between_two_days_is_one_interval():
    t = one("The referendum was held between Sept. 23 and 27.", dct=date(2022, 10, 10))
    assert (t.text, t.earliest, t.latest, t.edtf) == (
        "Sept. 23 and 27", date(2022, 9, 23), date(2022, 9, 27), "2022-09-23/2022-09-27")


def test_second_day_of_a_pair_takes_the_month():
    specs = tag("They met on April 24 and 25.", dct=date(2022, 10, 10))
    assert [(t.text, t.value) for t in specs] == [("April 24", "2022-04-24"),
                                                  ("25", "2022-04-25")]
    assert tag("He scored 24 and 25 points.") == []


def test_a_bare_midnight_in_the_past_is_the_one_that_began_the_day_of_the_report():
    from kg.temporal import tag_timexes

    def value(text):
        return [t.value for t in tag_timexes(text, date(2024, 3, 14))]

    assert value("The blast occurred shortly after midnight.") == ["2024-03-13T24:00"]
    assert value("The curfew will begin at midnight.") == ["2024-03-14T24:00"]
    assert value("The ceasefire took effect at midnight on Sunday.") == ["2024-03-10T24:00"]


def test_a_weekday_with_its_part_before_a_date_is_that_date():
    """From the 89th batch: "early on Tuesday, August 6" (published August 14) is August 6,
    early; it was split into "early on Tuesday" (the 13th) and "August 6"."""
    found = tag("Units crossed the border early on Tuesday, August 6.", date(2024, 8, 14))
    assert [(t.text, t.value, t.mod) for t in found] == \
        [("early on Tuesday, August 6", "2024-08-06", "START")]
    found = tag("It happened late on Friday, 9 August.", date(2024, 8, 14))
    assert [(t.text, t.value) for t in found] == [("late on Friday, 9 August", "2024-08-09")]
    # (a part of the day too: "on Wednesday evening, May 15" was the coming Wednesday's
    # evening beside a date of its own)
    found = tag("France declared a state of emergency on Wednesday evening, May 15.",
                date(2024, 5, 24))
    assert [(t.text, t.value, t.type) for t in found] == \
        [("Wednesday evening, May 15", "2024-05-15TEV", "TIME")]
    found = tag("Police moved in on Friday morning, 3 May 2024.", date(2024, 5, 24))
    assert [(t.text, t.value) for t in found] == [("Friday morning, 3 May 2024", "2024-05-03TMO")]


def test_a_month_of_last_year():
    """ "since May of last year": the month of the year before the DCT, one expression."""
    t = one("The group has besieged the city since May of last year.", dct=date(2025, 4, 15))
    assert (t.text, t.value) == ("May of last year", "2024-05")
    t = find("It happened on May 3 of last year.", "May 3", dct=date(2025, 4, 15))
    assert t.value == "2024-05-03"


@pytest.mark.parametrize("text", [
    "Thousands gathered in May 13 Square on Tuesday.",
    "The March 23 Movement seized Goma.",
    "The 6 April Youth Movement called a strike.",
    "Crowds marked the anniversary of the 25 January Revolution.",
])
def test_a_date_inside_a_name_is_no_date(text):
    assert [t.text for t in tag(text) if any(c.isdigit() for c in t.text)] == []


@pytest.mark.parametrize("text, dct, expression, value", [
    ("The demonstrations began on Monday last week.", date(2025, 9, 1), "Monday last week",
     "2025-08-25"),
    ("The rally was held on Tuesday last week.", date(2025, 9, 1), "Tuesday last week",
     "2025-08-26"),
    ("The summit opens on Friday next week.", date(2025, 9, 3), "Friday next week",
     "2025-09-12"),
    ("He won the election in February 2024. He took office in October of that year.",
     date(2025, 9, 1), "October of that year", "2024-10"),
])
def test_a_weekday_of_a_named_week_and_a_month_of_that_year(text, dct, expression, value):
    assert find(text, expression, dct=dct).value == value


def test_as_early_as_a_weekday_looks_ahead():
    """ "officials said a first meeting could take place as early as Friday": the coming
    Friday, though the report is in the past."""
    t = find("Party officials said a first meeting could take place as early as Friday.",
             "Friday", dct=date(2025, 2, 24))
    assert t.value == "2025-02-28"


def test_a_holiday_naming_an_event_takes_the_year_the_sentence_gives():
    """ "The Labor Day hurricane that struck the Florida Keys in 1935": Labor Day 1935 (not
    this year's)."""
    assert find("The Labor Day hurricane that struck the Florida Keys in 1935 killed more "
                "than 400 people.", "Labor Day", dct=date(2025, 10, 31)).value == "1935-09-02"
    assert find("The Christmas Day attack killed ten people.", "Christmas Day",
                dct=date(2025, 12, 28)).value == "2025-12-25"


def test_a_weekend_a_storm_may_reach_is_the_coming_one():
    """ "may strengthen and approach ... over the weekend": the weekend to come (but "may not
    have reached", "could" - also a past ability: "could reach the village only on Sunday" -
    and "could be located Wednesday" look back)."""
    dct = date(2025, 11, 7)
    assert find("The storm may strengthen and approach the northern Philippines over the "
                "weekend, forecasters said.", "the weekend", dct=dct).value == "2025-W45-WE"
    assert find("Rescuers could reach the village only on Sunday, a day after the landslide.",
                "Sunday", dct=dct).value == "2025-11-02"
    assert find("They could be located Wednesday in their hometown.", "Wednesday",
                dct=dct).value == "2025-11-05"


def test_a_date_a_past_telling_looks_ahead_to_is_the_nearest():
    """ "the speaker announced that the president would step down on July 13", filed on July
    15: the telling lay before the report, so July 13 of that year (not of the next); "would
    resign on January 3" in July is next January, and "will resign on July 13" next July."""
    dct = date(2022, 7, 15)
    assert find("Hours later the speaker announced that the president had told him he would "
                "step down on July 13.", "July 13", dct=dct).value == "2022-07-13"
    assert find("He said he would resign on January 3.", "January 3",
                dct=dct).value == "2023-01-03"
    assert find("He will resign on July 13.", "July 13", dct=dct).value == "2023-07-13"


def test_a_weekday_keeps_its_verbs_tense_before_a_second_conjunct():
    """ "Lawmakers will meet on Saturday and are expected to hold a vote on July 20": the
    coming Saturday (the present of the second verb after "and" is not the meeting's)."""
    dct = date(2022, 7, 15)
    assert find("Lawmakers will meet on Saturday and are expected to hold a vote on July 20.",
                "Saturday", dct=dct).value == "2022-07-16"
    assert find("Lawmakers met on Saturday and are expected to vote on July 20.",
                "Saturday", dct=dct).value == "2022-07-09"
    # (a past verb after "and" is the second conjunct's, not the plan's: the coming Saturday)
    assert find("He said he would visit troops in the southern province on Saturday and "
                "warned that soldiers would act harshly.", "Saturday",
                dct=dct).value == "2022-07-16"


def test_a_day_counted_back_in_a_flashback_moves_the_story_no_further():
    """ "On Saturday, July 9, crowds stormed ... Rajapaksa had been moved out of the residence
    the previous day. That night, demonstrators set fire ...": the night of July 9 (the past
    perfect's "previous day" looks back; the story stays on the 9th)."""
    text = ("On Saturday, July 9, crowds stormed President's House. Rajapaksa had been moved "
            "out of the residence by the military the previous day. That night, demonstrators "
            "set fire to the residence of the prime minister.")
    dct = date(2022, 7, 15)
    assert find(text, "the previous day", dct=dct).value == "2022-07-08"
    assert find(text, "That night", dct=dct).value == "2022-07-09TNI"


def test_a_weekday_fronted_with_a_gathering_takes_the_reports_tense():
    """ "At peace talks in Istanbul on Tuesday, the minister said the army would reduce ...":
    the Tuesday of the talks, before the report (the "would" is what was said)."""
    dct = date(2022, 4, 3)
    assert find("At peace talks in Istanbul on Tuesday, Russia's deputy defence minister said "
                "the army would drastically reduce military activity around Kyiv.", "Tuesday",
                dct=dct).value == "2022-03-29"
    assert find("At a summit in Brussels on Thursday, leaders said they would meet again.",
                "Thursday", dct=dct).value == "2022-03-31"


def test_a_day_that_names_an_attack_lies_behind():
    """ "since the October 7 attack", "weeks after the September 11 attacks": the latest such
    day on or before the report, never one to come."""
    dct = date(2021, 8, 17)
    assert find("Israel has been at war since the October 7 attack.", "October 7",
                dct=dct).value == "2020-10-07"
    assert find("Troops went in weeks after the September 11 attacks.", "September 11",
                dct=dct).value == "2020-09-11"
    assert find("Elections will be held on September 11.", "September 11",
                dct=dct).value == "2021-09-11"


def test_a_past_deed_months_ahead_of_the_report_lies_last_year():
    """ "Hamas-led gunmen attacked southern Israel on 7 October", told on 1 August: October of
    the year before (a past tense allows a date weeks ahead - reported plans - not months);
    "was originally scheduled for February 25", told in late March, is the February gone by;
    "the earthquake that struck ... on New Year's Day", told on 3 January, is two days back
    ("that" opens a relative clause, no determiner)."""
    assert find("Hamas-led gunmen attacked southern Israel on 7 October, killing about 1,200 "
                "people.", "7 October", dct=date(2024, 8, 1)).value == "2023-10-07"
    assert find("He said the vote would take place on 7 October.", "7 October",
                dct=date(2024, 8, 1)).value == "2024-10-07"
    dct = date(2024, 3, 26)
    assert find("The vote was originally scheduled for February 25, but Sall postponed it.",
                "February 25", dct=dct).value == "2024-02-25"
    assert find("The vote is scheduled for February 25.", "February 25",
                dct=dct).value == "2025-02-25"
    assert find("Survivors of the earthquake that struck the Noto peninsula on New Year's Day "
                "were waiting for supplies the coast guard plane had been preparing to fly.",
                "New Year's Day", dct=date(2024, 1, 3)).value == "2024-01-01"


def test_a_weekday_ahead_under_an_expectation():
    """ "will chair a meeting ... on Friday, where security chiefs are expected to review":
    the coming Friday ("are expected" is one future, not a present); "The storm was expected
    to make landfall ... on Saturday", told on a Friday: the next day."""
    assert find("Sharif will chair a meeting of the apex committee in Peshawar on Friday, where "
                "security chiefs are expected to review the response.", "Friday",
                dct=date(2023, 2, 2)).value == "2023-02-03"
    assert find("The storm was expected to make landfall in Tanzania on Saturday.", "Saturday",
                dct=date(2024, 5, 3)).value == "2024-05-04"


@pytest.mark.parametrize("text, expression, dct, value", [
    ("The electoral commission said the referendum was scheduled for 15 November.",
     "15 November", date(2024, 8, 20), "2024-11-15"),
    ("The government announced that schools were set to reopen on 25 November.",
     "25 November", date(2024, 9, 2), "2024-11-25"),
    ("The government announced elections to be held on March 5.", "March 5",
     date(2024, 1, 10), "2024-03-05"),
    ("The storm was expected to make landfall on Thursday but weakened before it reached "
     "the coast.", "Thursday", date(2024, 9, 30), "2024-09-26"),
    ("Hamas-led gunmen attacked southern Israel on 7 October.", "7 October",
     date(2024, 8, 15), "2023-10-07"),
])
def test_review_of_the_twenty_sixth_stop_dates(text, expression, dct, value):
    """A plan told in the past ("was scheduled for", "were set to") is the nearest such day;
    "to be held" looks ahead; an expectation that a "but" undoes lies behind; a deed told in
    the past more than six weeks ahead of the report was last year's."""
    assert find(text, expression, dct=dct).value == value


def test_a_holiday_named_for_a_plan_told_in_the_past_is_the_coming_one():
    found = tag("The opposition announced a rally for New Year's Eve.", date(2024, 12, 29))
    assert [(t.text, t.value) for t in found] == [("New Year's Eve", "2024-12-31")]
    found = tag("Protesters gathered on New Year's Eve.", date(2024, 12, 29))
    assert [t.value for t in found] == ["2023-12-31"]
    # (a day in a treaty's name is no time)
    assert tag("Both sides signed the Good Friday Agreement.", date(2024, 12, 29)) == []
    # (a plan told in the past: the nearest such day)
    found = tag("The election was likely to take place on June 3.", date(2025, 4, 4))
    assert [t.value for t in found] == ["2025-06-03"]


def test_a_night_told_by_a_later_report_is_the_night_before_that_report():
    """ "overnight, the air force said on Wednesday" (published Thursday) is the night that ends
    on Wednesday, not the night after the report."""
    found = tag("Russia launched a wave of missiles at power plants overnight, Ukraine's air "
                "force said on Wednesday.", date(2024, 8, 22))
    night = next(t for t in found if t.text == "overnight")
    assert (night.value, night.edtf) == ("2024-08-20TNI", "2024-08-20/2024-08-21")
    # (a report of the publication's day, or none, leaves the night before publication)
    for text in ("Russia launched 40 drones overnight, the air force said on Thursday.",
                 "Russia launched 40 drones overnight, the air force said."):
        night = next(t for t in tag(text, date(2024, 8, 22)) if t.text == "overnight")
        assert night.value == "2024-08-21TNI", text


def test_a_day_and_month_with_last_year_is_one_date():
    found = tag("Scholz sacked his finance minister on November 6 last year.", date(2025, 5, 6))
    assert [(t.text, t.value) for t in found] == [("November 6 last year", "2024-11-06")]
    found = tag("It happened on 6 November last year.", date(2025, 5, 6))
    assert [(t.text, t.value) for t in found] == [("6 November last year", "2024-11-06")]
    # (not the possessive of a year: "last year's winner")
    found = tag("On May 2 last year's winner spoke.", date(2025, 5, 6))
    assert [t.text for t in found] == ["May 2", "last year"]
