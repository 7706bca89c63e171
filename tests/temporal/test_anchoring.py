"""Narrative anchoring ("the following day" on the last date mentioned) and event anchors
("the early days of the war")."""

from __future__ import annotations

from datetime import date

from .support import find, one, tag


def test_following_day_anchors_on_the_previous_date_not_the_dct():
    specs = tag("The siege began on March 3, 2014. The following day the city fell.")
    assert [t.value for t in specs] == ["2014-03-03", "2014-03-04"]


def test_tomorrow_anchors_on_the_dct():
    specs = tag("The siege began on March 3, 2014. Talks resume tomorrow.")
    assert [t.value for t in specs] == ["2014-03-03", "2022-05-19"]


def test_narrative_chain():
    text = ("Rebels entered the town on Aug. 7, 1998. Two days later they left. "
            "The day before, aid had arrived. That evening, shots were heard.")
    assert [(t.text, t.value) for t in tag(text)] == [
        ("Aug. 7, 1998", "1998-08-07"), ("Two days later", "1998-08-09"),
        ("The day before", "1998-08-08"), ("That evening", "1998-08-08TEV")]


def test_narrative_anchoring_works_without_a_dct():
    specs = tag("The dam broke on May 2, 2021. The next day the water receded.", dct=None)
    assert [(t.value, t.resolved) for t in specs] == [("2021-05-02", True),
                                                      ("2021-05-03", True)]


def test_following_day_without_any_date_is_unresolved():
    t = one("The following day the city fell.")
    assert (t.value, t.resolved) == ("XXXX-XX-XX", False)


def test_a_year_earlier_keeps_the_granularity_of_the_period():
    specs = tag("Exports rose 5% in the third quarter of 2021 from a year earlier.")
    assert [t.value for t in specs] == ["2021-Q3", "2020-Q3"]


def test_event_anchor_given_by_the_caller():
    t = one("In the early days of the war, many fled.", anchors={"war": date(2022, 2, 24)})
    assert (t.text, t.mod, t.resolved) == ("the early days of the war", "START", True)
    assert (t.earliest, t.latest) == (date(2022, 2, 24), date(2022, 3, 9))
    assert t.edtf == "2022-02-24/2022-03-09"


def test_event_anchor_unknown_stays_unresolved():
    t = one("In the early days of the war, many fled.")
    assert (t.value, t.mod, t.resolved, t.earliest, t.latest) == (
        "XXXX-XX-XX", "START", False, None, None)


def test_event_anchor_stated_in_the_text():
    text = ("The invasion, which began on 24 February 2022, displaced millions. "
            "In the first weeks of the invasion, many fled.")
    t = find(text, "the first weeks of the invasion", dct=None)
    assert (t.resolved, t.earliest) == (True, date(2022, 2, 24))


def test_offset_from_an_event_anchor():
    t = one("Three weeks into the war, the city fell.", anchors={"war": date(2022, 2, 24)})
    assert (t.value, t.earliest, t.latest) == ("2022-W11", date(2022, 3, 14), date(2022, 3, 20))
    t = one("A year after the earthquake, the town was rebuilt.",
            anchors={"earthquake": date(2020, 1, 6)})
    assert t.value == "2021"


def test_start_of_an_anchored_event():
    t = one("At the start of the war, the border closed.", anchors={"war": date(2022, 2, 24)})
    assert (t.text, t.value) == ("the start of the war", "2022-02-24")


def test_a_day_news_names_by_its_date_takes_the_anchors_year():
    """With the anchor "october 7" (a report on Gaza), "the October 7 attack" and "since
    October 7" told eleven days after October 7, 2024 are the attack of 2023; without the
    anchor, or for a day to come, the latest such day as before."""
    dct = date(2024, 10, 18)
    anchors = {"october 7": date(2023, 10, 7)}
    text = "Sinwar, the mastermind of the October 7 attack, was killed in Rafah."
    assert find(text, "October 7", dct=dct, anchors=anchors).value == "2023-10-07"
    assert find(text, "October 7", dct=dct).value == "2024-10-07"
    assert find("More than 42,000 people have been killed since October 7.", "October 7",
                dct=dct, anchors=anchors).value == "2023-10-07"
    assert find("Talks will resume on October 7.", "October 7", dct=date(2024, 9, 1),
                anchors=anchors).value == "2024-10-07"


def test_the_shipped_table_anchors_october_7_in_reports_on_gaza():
    from kg.anchors import AnchorTable
    from kg.model import Article
    from kg.resources import data_dir

    table = AnchorTable.load(data_dir() / "anchors.json")
    gaza = Article(text="Hamas fighters crossed into Israel.", published=date(2024, 10, 18))
    other = Article(text="The festival opens in Lyon.", published=date(2024, 10, 18))
    before = Article(text="Hamas fighters crossed into Israel.", published=date(2023, 10, 1))
    assert table.for_article(gaza)["october 7"] == date(2023, 10, 7)
    assert "october 7" not in table.for_article(other)
    assert "october 7" not in table.for_article(before)


def test_the_shipped_anchors_need_their_own_cues():
    """"the September 11 shooting" of a report on political terror in 2025 and "the October 7
    storm" of a report on Israeli aid workers are those days of their own year."""
    from kg.anchors import AnchorTable
    from kg.model import Article
    from kg.resources import data_dir

    table = AnchorTable.load(data_dir() / "anchors.json")
    kirk = Article(text="Authorities called the September 11 shooting an act of political "
                        "terror.", published=date(2025, 9, 20))
    storm = Article(text="Since the October 7 storm, Israeli aid workers have rebuilt homes.",
                    published=date(2024, 10, 20))
    assert table.for_article(kirk) == {} and table.for_article(storm) == {}
