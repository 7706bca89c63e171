"""Counts of killed and injured: exact numbers, lower bounds, and never an invented count."""

import pytest

from extract.helpers import analyse
from kg.extract.casualties import find_casualties
from kg.extract.lexicon import load_lexicon
from kg.extract.tokens import tokenize


def counts(sentence):
    return [(c.what, c.count) for c in find_casualties(tokenize(sentence), load_lexicon())]


@pytest.mark.parametrize("sentence, expected", [
    ("Rockets hit the suburb, wounding two residents and killing one 40-year-old man.",
     [("injured", 2), ("killed", 1)]),
    ("At least 12 people were killed and 40 injured.", [("killed", 12), ("injured", 40)]),
    ("More than 100 people died in the blast.", [("killed", 100)]),
    ("The death toll rose to 45 on Monday.", [("killed", 45)]),
    ("Dozens were injured in the stampede.", [("injured", None)]),
    ("About 30 people died.", [("killed", None)]),
    ("Twenty-five people were hurt.", [("injured", 25)]),
    ("The blast injured 2,300 others.", [("injured", 2300)]),
    ("A 40-year-old man was killed.", [("killed", 1)]),
    ("Nobody was killed.", [("killed", 0)]),
    ("The 40-year-old driver survived.", []),
])
def test_count_phrases(sentence, expected):
    assert counts(sentence) == expected


def test_counts_go_to_the_violent_event_of_the_sentence():
    doc = analyse("Russian rockets hit the suburb of Tsyrkuny overnight, wounding two "
                  "residents and killing one 40-year-old man.")
    (ev,) = doc.events
    assert (ev.type, ev.fatalities, ev.injured) == ("ShellingMissileAttack", 1, 2)


def test_counts_in_the_next_sentence_join_the_event():
    doc = analyse("An explosion ripped through a fireworks market in Kumasi. Seven people "
                  "were killed and 31 injured, the fire service said.")
    (ev,) = doc.events
    assert (ev.type, ev.fatalities, ev.injured) == ("Explosion", 7, 31)


def test_counts_without_an_event_make_a_casualty_report():
    doc = analyse("Three civilians were killed in Idlib province on Monday.")
    (ev,) = doc.events
    assert (ev.type, ev.fatalities) == ("CasualtiesReport", 3)
    doc = analyse("Gunmen killed four villagers in Zamfara state.")
    (ev,) = doc.events
    assert (ev.type, ev.fatalities) == ("Killing", 4)


def test_vague_counts_stay_unknown():
    doc = analyse("Dozens of people were injured when the bridge collapsed in Morbi.")
    (ev,) = doc.events
    assert ev.injured is None and ev.fatalities is None


@pytest.mark.parametrize("sentence, killed", [
    ("Twenty-seven campers and counselors died there.", 27),
    ("More than 8,000 men and boys were killed.", 8000),
    ("Two soldiers and three civilians were killed.", 5),
])
def test_one_count_for_a_subject_of_two_nouns(sentence, killed):
    assert counts(sentence) == [("killed", killed)]


def test_deaths_told_with_cases_of_a_disease_are_not_the_strikes_before():
    doc = analyse("Drone strikes on power stations had knocked out electricity and water "
                  "pumping. In one week in late May the ministry reported about 2,700 new cases "
                  "and 172 deaths, mostly in Khartoum state.")
    strike = next(e for e in doc.events if e.type == "ShellingMissileAttack")
    assert strike.fatalities is None
    assert [e.fatalities for e in doc.events if e.type == "CasualtiesReport"] == [172]


@pytest.mark.parametrize("sentence, killed", [
    ("A man aged 40 was killed.", 1),
    ("Three people aged between 20 and 30 were killed.", 3),
    ("Two men aged 67 and 56 and a 56-year-old woman died.", 3),
    ("Two men aged 67 and 56, and a woman aged 56 died.", 3),
    ("The mine killed four police officers and two civilian road workers.", 6),
    ("The crash killed three Greek rescuers and two members of a Libyan family.", 5),
])
def test_ages_are_no_counts_and_named_groups_add_up(sentence, killed):
    assert counts(sentence) == [("killed", killed)]


def test_no_one_seriously_hurt_is_no_count_of_the_injured():
    assert counts("Several people suffered minor injuries, but no one was seriously hurt.") \
        == [("injured", None)]
    assert counts("No one was hurt.") == [("injured", 0)]


@pytest.mark.parametrize("sentence, what, count", [
    ("The strike killed a man aged 40 and two women aged 67 and 56.", "killed", 3),
    ("Four police officers and two civilian road workers were also injured.", "injured", 6),
    ("Four police officers were also injured.", "injured", 4),
])
def test_ages_after_a_group_and_also_before_the_verb(sentence, what, count):
    assert counts(sentence) == [(what, count)]


def test_people_killed_in_an_event_named_after_them_are_its_dead():
    doc = analyse("Last month a mayor was shot dead in the port city, and more than 400 inmates "
                  "have been killed in prison riots since 2021.")
    assert {e.type: e.fatalities for e in doc.events}.get("Riot") == 400


def test_a_named_person_who_has_been_killed():
    doc = analyse("Governor Tom Ridge has been killed in a helicopter crash.")
    [killing] = [e for e in doc.events if e.type == "Killing"]
    assert [(p.role, doc.entity(p.entity).label) for p in killing.participants] == [
        ("target", "Tom Ridge")]


@pytest.mark.parametrize("sentence, targets", [
    ("Ana Lopez and Mark Green were killed in the port on Monday.", ["Ana Lopez", "Mark Green"]),
    ("Commander Omar Haddad and his deputy Yusuf Karim were killed in July.",
     ["Omar Haddad", "Yusuf Karim"]),
])
def test_two_named_people_who_were_killed(sentence, targets):
    doc = analyse(sentence)
    [killing] = [e for e in doc.events if e.type == "Killing"]
    assert [doc.entity(p.entity).label for p in killing.participants
            if p.role == "target"] == targets


def test_two_named_groups_that_were_killed_are_no_killing():
    doc = analyse("Fighters from Hamas and Islamic Jihad were killed on Monday.")
    assert not [e for e in doc.events if e.type == "Killing"]


def test_a_count_before_two_names_in_apposition():
    assert counts("Two journalists, Ana Lopez and Mark Green, were killed on Monday.") == [
        ("killed", 2)]
