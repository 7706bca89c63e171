"""Inferring the publication date from explicit dates in the text."""

from __future__ import annotations

from datetime import date

from kg.temporal import infer_publication_date


def test_dateline_at_the_top_wins():
    text = "LVIV, 18 May 2022 - Officials said the bridge, hit on May 2, 2022, is closed."
    assert infer_publication_date(text) == (date(2022, 5, 18), "day")


def test_published_marker_wins_anywhere():
    text = ("The bridge was hit on May 2, 2022. " + "Filler sentence. " * 40 +
            "Published: 2022-05-19 10:00")
    assert infer_publication_date(text) == (date(2022, 5, 19), "day")


def test_latest_explicit_day_otherwise():
    text = ("Filler sentence. " * 30 + "The bridge was hit on May 2, 2022, and again on "
            "May 9, 2022.")
    assert infer_publication_date(text) == (date(2022, 5, 9), "day")


def test_month_precision_when_only_months_are_known():
    text = "Filler sentence. " * 30 + "The harvest of May 2022 was poor."
    assert infer_publication_date(text) == (date(2022, 5, 1), "month")


def test_relative_expressions_are_not_used():
    assert infer_publication_date("The bridge was hit yesterday and last week.") is None
    assert infer_publication_date("The bridge was hit on May 2.") is None
