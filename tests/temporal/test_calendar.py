"""Calendar arithmetic, number words and EDTF rendering of points."""

from __future__ import annotations

from datetime import date

import pytest

from kg.temporal.numbers import parse_number, parse_ordinal, parse_year_words
from kg.temporal.points import Point, add_months, covering_point, part_bounds


@pytest.mark.parametrize("text, value", [
    ("two", 2), ("twenty-five", 25), ("twenty five", 25), ("a dozen", 12),
    ("half a dozen", 6), ("two hundred", 200), ("a hundred and five", 105),
    ("1,200", 1200), ("2.5", 2.5), ("2 1/2", 2.5), ("several", None), ("a couple of", 2),
    ("banana", None),
])
def test_parse_number(text, value):
    assert parse_number(text) == value


def test_parse_ordinal_and_year_words():
    assert parse_ordinal("twenty-first") == 21 and parse_ordinal("3rd") == 3
    assert parse_year_words("nineteen ninety-six") == 1996
    assert parse_year_words("two thousand and two") == 2002
    assert parse_year_words("nineteen banana") is None


def test_add_months_clamps_the_day():
    assert add_months(date(2022, 1, 31), 1) == date(2022, 2, 28)
    assert add_months(date(2024, 3, 31), -1) == date(2024, 2, 29)
    assert add_months(date(2022, 11, 15), 3) == date(2023, 2, 15)


@pytest.mark.parametrize("gran, day, value, edtf, last", [
    ("year", date(2022, 5, 18), "2022", "2022", date(2022, 12, 31)),
    ("half", date(2022, 8, 1), "2022-H2", "2022-41", date(2022, 12, 31)),
    ("quarter", date(2022, 5, 18), "2022-Q2", "2022-34", date(2022, 6, 30)),
    ("season", date(2022, 1, 10), "2021-WI", "2021-24", date(2022, 2, 28)),
    ("season", date(2022, 4, 10), "2022-SP", "2022-21", date(2022, 5, 31)),
    ("month", date(2024, 2, 10), "2024-02", "2024-02", date(2024, 2, 29)),
    ("week", date(2021, 1, 2), "2020-W53", "2020-12-28/2021-01-03", date(2021, 1, 3)),
    ("weekend", date(2022, 5, 18), "2022-W20-WE", "2022-05-21/2022-05-22",
     date(2022, 5, 22)),
    ("decade", date(1994, 5, 1), "199", "199X", date(1999, 12, 31)),
    ("century", date(1994, 5, 1), "19", "19XX", date(1999, 12, 31)),
])
def test_points(gran, day, value, edtf, last):
    p = Point.of(gran, day)
    assert (p.value(), p.edtf(), p.last()) == (value, edtf, last)


def test_shift_keeps_granularity():
    q = Point.quarter(1989, 3)
    assert q.shift(-1, "year").value() == "1988-Q3"
    assert q.shift(1).value() == "1989-Q4"
    assert q.shift(1, "month") is None  # a month after a quarter is not a quarter
    w = Point.week(2022, 20)
    assert w.shift(-1, "year").value() == "2021-W20"
    assert Point("day", date(2022, 5, 18)).shift(48, "hour").value() == "2022-05-20"


def test_part_bounds():
    assert part_bounds(Point.of("month", date(2022, 2, 1)), "END") == (date(2022, 2, 21),
                                                                      date(2022, 2, 28))
    assert part_bounds(Point.of("year", date(2022, 2, 1)), "MID") == (date(2022, 5, 1),
                                                                     date(2022, 8, 31))
    assert part_bounds(Point.of("decade", date(1994, 1, 1)), "END") == (date(1997, 1, 1),
                                                                       date(1999, 12, 31))


def test_open_ended_bounds_and_edtf():
    p = Point.of("day", date(2022, 5, 18))
    assert p.bounds("BEFORE") == (None, date(2022, 5, 17))
    assert p.bounds("ON_OR_AFTER") == (date(2022, 5, 18), None)
    assert p.edtf("BEFORE") == "../2022-05-17"
    assert p.edtf("AFTER") == "2022-05-19/.."
    assert p.edtf("APPROX") == "2022-05-18~"


def test_covering_point():
    assert covering_point(date(2022, 5, 16), date(2022, 5, 17)).value() == "2022-W20"
    assert covering_point(date(2022, 5, 1), date(2022, 5, 31)).value() == "2022-05"
    assert covering_point(date(2022, 2, 24), date(2022, 3, 9)).value() == "2022-Q1"
