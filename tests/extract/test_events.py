"""Triggers, modality, roles and counts on single sentences (times are tested elsewhere)."""

from datetime import date

import pytest

from extract.helpers import (
    FakeGazetteer,
    analyse,
    entity_label,
    events_of,
    places,
    role,
    trigger,
)


def only(doc, etype):
    found = events_of(doc, etype)
    assert len(found) == 1, [(e.type, trigger(doc, e)) for e in doc.events]
    return found[0]


@pytest.mark.parametrize("text, etype, word", [
    ("Rebels shelled the town of Kadugli.", "ShellingMissileAttack", "shelled"),
    ("Warplanes carried out an airstrike on the village of Tana.", "AirStrike", "airstrike"),
    ("A powerful earthquake struck central Chile.", "Earthquake", "earthquake"),
    ("Police arrested twelve protesters in Lima.", "Arrest", "arrested"),
    ("Thousands protested outside the parliament in Tbilisi.", "Protest", "protested"),
    ("The minister resigned after the scandal.", "Resignation", "resigned"),
    ("Ukrainian troops recaptured the village of Robotyne.", "TerritoryRetaken",
     "recaptured"),
    ("The army pulled back from the western bank of the river.", "Withdrawal", "pulled back"),
    ("A passenger train derailed near Odisha.", "Accident", "derailed"),
    ("Floodwaters inundated the river valley after the dam burst its banks.", "Flood",
     "burst its banks"),
    ("Both sides agreed to a ceasefire in Doha.", "Ceasefire", "ceasefire"),
    ("Residents were evacuated from Lahaina.", "Evacuation", "evacuated"),
])
def test_triggers_with_inflection(text, etype, word):
    doc = analyse(text)
    ev = only(doc, etype)
    assert trigger(doc, ev) == word
    assert ev.rule.startswith("lexicon:") and 0 < ev.confidence <= 1


def test_ambiguous_words_need_their_context():
    doc = analyse("Workers went on strike at the port. A drone strike hit the depot.")
    assert [e.type for e in doc.events] == ["Protest", "ShellingMissileAttack"]
    doc = analyse("Tropical Storm Lee strengthened. Protesters tried to storm the building.")
    assert [e.type for e in doc.events] == ["Storm", "Attack"]
    assert analyse("The company posted a record profit in March.").events == []


def test_participles_used_as_adjectives_are_not_events():
    doc = analyse("A resident looked at a destroyed tank as the occupying forces left.")
    assert [trigger(doc, e) for e in doc.events] == ["left"]


def test_claims_with_source():
    doc = analyse("Ukraine has won the battle for the city, Kyiv claimed.")
    ev = only(doc, "MilitaryVictory")
    assert ev.modality == "claimed"
    assert entity_label(doc, ev.according_to) == "Ukraine"  # a capital speaks for its country
    doc = analyse("The Kharkiv regional administration said Russian rockets hit the suburb "
                  "of Tsyrkuny.")
    ev = only(doc, "ShellingMissileAttack")
    assert ev.modality == "claimed"
    assert entity_label(doc, ev.according_to) == "Kharkiv regional administration"
    doc = analyse("Five soldiers were killed in the ambush, according to the Syrian "
                  "Observatory for Human Rights.")
    ev = only(doc, "Attack")
    assert ev.modality == "claimed" and ev.fatalities == 5
    assert entity_label(doc, ev.according_to) == "Syrian Observatory for Human Rights"


@pytest.mark.parametrize("text, etype, modality", [
    ("Ukrainian forces prevented Russian troops from encircling the city.", "Encirclement",
     "negated"),
    ("The morning brought no reports of further damage in the city.", "Damage", "negated"),
    ("The army did not withdraw from the town.", "Withdrawal", "negated"),
    ("The forces have yet to secure the entire region.", "TerritoryRetaken", "negated"),
    ("Government troops failed to recapture the airport.", "TerritoryRetaken", "negated"),
    ("Analysts said Russia appears to have won the battle.", "MilitaryVictory", "hedged"),
    ("The rebels may have shelled the camp.", "ShellingMissileAttack", "hedged"),
    ("The army could be withdrawing some units.", "Withdrawal", "hedged"),
    ("The president will visit the flooded region.", "Visit", "planned"),
    ("Moscow plans to annex the territories.", "TerritoryTaken", "planned"),
    ("Troops attempting to seize the capital were repelled.", "TerritoryTaken", "planned"),
    ("Opposition parties called for a ceasefire.", "Ceasefire", "planned"),
    ("Rebels shelled the town of Kadugli.", "ShellingMissileAttack", "asserted"),
])
def test_modality(text, etype, modality):
    assert only(analyse(text), etype).modality == modality


def test_negation_does_not_leak_into_a_coordinated_clause():
    doc = analyse("The RSF denied firing on civilians and accused the army of airstrikes.")
    assert only(doc, "Accusation").modality != "negated"


def test_quoted_events_are_claimed_by_the_speaker():
    doc = analyse('"We have arrived at the border," Colonel Oleh Petrenko said on Sunday.')
    ev = only(doc, "Advance")
    assert ev.modality == "claimed"
    assert entity_label(doc, ev.according_to) == "Oleh Petrenko"
    st = only(doc, "Statement")
    assert st.quote == "We have arrived at the border"
    assert role(doc, st, "speaker") == ["Oleh Petrenko"]


def test_statement_with_introducing_colon():
    doc = analyse('President Maria Lopez responded with a televised address: "Our soldiers '
                  'are heroes. Thank you."')
    st = only(doc, "Statement")
    assert st.quote == "Our soldiers are heroes. Thank you."
    assert role(doc, st, "speaker") == ["Maria Lopez"]


def test_reporting_verbs_only_attribute_what_they_report():
    doc = analyse("Officials said rebels attacked a convoy near Goma.")
    assert [e.type for e in doc.events] == ["Attack"]


def test_roles_agent_target_place():
    doc = analyse("Firefighters doused the wreckage in Dergachi after an overnight Russian "
                  "missile attack on the House of Culture.")
    ev = only(doc, "ShellingMissileAttack")
    assert role(doc, ev, "agent") == ["Russia"]
    assert role(doc, ev, "target") == ["House of Culture"]
    assert places(doc, ev) == ["Dergachi"]
    assert "Missile" in ev.label and "Dergachi" in ev.label
    doc = analyse("The village of Robotyne was recaptured by Ukrainian forces.")
    ev = only(doc, "TerritoryRetaken")
    assert role(doc, ev, "agent") == ["Armed Forces of Ukraine"]
    assert places(doc, ev) == ["Robotyne"]


def test_pronoun_subject_is_resolved():
    doc = analyse("The Russian army lost the bridge. It withdrew from Kherson the next day.")
    ev = only(doc, "Withdrawal")
    assert role(doc, ev, "agent") == ["Russian Armed Forces"]
    assert places(doc, ev) == ["Kherson"]


def test_cities_do_not_act_but_suffer():
    doc = analyse("Kharkiv, which lies near the border, had faced heavy bombardment.",
                  gazetteer=FakeGazetteer("Kharkiv"))
    ev = only(doc, "ShellingMissileAttack")
    assert role(doc, ev, "agent") == []
    assert places(doc, ev) == ["Kharkiv"]


def test_the_agent_after_by_is_the_force_a_country_owns_not_the_country():
    doc = analyse("Attacks by Sudan's paramilitary Rapid Support Forces killed dozens of people "
                  "in El Fasher.", published=date(2025, 4, 14))
    attack = next(e for e in doc.events if e.type == "Attack")
    assert role(doc, attack, "agent") == ["Rapid Support Forces"]
    doc = analyse("The village was attacked by Russia on Monday.", published=date(2025, 4, 14))
    assert role(doc, doc.events[0], "agent") == ["Russia"]


@pytest.mark.parametrize("text", [
    "The cockpit voice recording captures one pilot asking the other why he cut the fuel.",
    "Security cameras captured the moment the crowd surged forward.",
])
def test_what_a_recording_captures_is_no_capture(text):
    assert "TerritoryTaken" not in [e.type for e in analyse(text).events]


@pytest.mark.parametrize("text, etype", [
    ("Zambada, who co-founded the cartel, had evaded capture for decades.", "TerritoryTaken"),
    ("The cockpit voice recording captures one pilot asking the other why.", "TerritoryTaken"),
    ("He escaped capture after the raid.", "TerritoryTaken"),
    ("Guzman is serving a life sentence in Colorado.", "Other"),
])
def test_a_capture_evaded_and_a_sentence_served_are_no_events(text, etype):
    assert etype not in [e.type for e in analyse(text).events]


def test_what_a_vote_enacts_is_done():
    doc = analyse("Lawmakers voted 195 to 106 to pass the bill on Tuesday.")
    assert [(trigger(doc, e), e.modality) for e in doc.events if e.type == "Other"] == \
        [("pass", "asserted")]
    # (not a vote lost, nor one against)
    for text in ("The Senate voted 40 to 60 to pass the budget bill on Monday.",
                 "Opposition lawmakers voted against a motion to suspend cooperation with the "
                 "IMF."):
        doc = analyse(text)
        assert [e.modality for e in doc.events if trigger(doc, e) in ("pass", "suspend")] == \
            ["planned"], text


def test_aircraft_hit_by_gunfire_are_no_air_strike():
    doc = analyse("Two commercial aircraft were hit by gunfire as they approached the airport.")
    assert "AirStrike" not in [e.type for e in doc.events]
    doc = analyse("Israeli warplanes hit targets in southern Lebanon on Monday.")
    assert [e.type for e in doc.events] == ["AirStrike"]


def test_advance_polls_are_no_advance_and_truth_social_is_no_person():
    doc = analyse("Canadians voted at advance polls over the Easter weekend.")
    assert "Advance" not in [e.type for e in doc.events]
    doc = analyse("Trump wrote on his Truth Social platform that the strikes were a success.")
    assert ("Truth Social", "organization") in [(e.label, e.kind) for e in doc.entities]


@pytest.mark.parametrize("text, etype", [
    ("Geolocated video shows Russian forces captured the village of Ocheretyne on Sunday.",
     "TerritoryTaken"),
    ("Soldiers who escaped the encirclement captured the bridge over the river on Monday.",
     "TerritoryTaken"),
    ("A former prison officer was sentenced on Tuesday to six years for misconduct.", "Other"),
    ("A court in Tehran handed the protester a death sentence on Monday.", "Other"),
    ("A military court handed a life sentence to the former general on Wednesday.", "Other"),
])
def test_a_capture_reported_and_a_sentence_handed_down_are_events(text, etype):
    assert etype in [e.type for e in analyse(text).events]


@pytest.mark.parametrize("text", ["Opposition politicians were quick to seize on it.",
                                  "Critics seized upon the remarks."])
def test_seizing_on_something_said_is_no_capture(text):
    assert "TerritoryTaken" not in [e.type for e in analyse(text).events]


@pytest.mark.parametrize("text", [
    "The suspect, a 50-year-old doctor from Saudi Arabia, was detained at the scene.",
    "The attacker, a U.S. citizen from Texas, opened fire on police.",
    "A plane from Moscow crashed on Wednesday.",
])
def test_where_someone_comes_from_is_no_place_of_the_event(text):
    doc = analyse(text)
    assert [places(doc, e) for e in doc.events] == [[]]


def test_a_labour_strike_at_a_planemaker_is_no_air_strike():
    doc = analyse("Boeing's factory workers voted on Monday to accept a new contract and end a "
                  "strike that had halted production of the company's best-selling jets.\n\n"
                  "A previous strike in 1995 lasted 69 days.\n\n"
                  "The last machinists' strike began in September 2008, costing the company "
                  "$2 billion and pushing back the first flight of its new jet.")
    assert [e.type for e in doc.events] == ["Protest"]
    assert trigger(doc, doc.events[0]) == "strike"
    assert doc.events[0].time.value == "2008-09"


def test_pushing_a_bank_into_a_takeover_is_no_advance():
    doc = analyse("Swiss authorities on Sunday pushed UBS into buying its stricken rival "
                  "Credit Suisse.")
    assert "Advance" not in [e.type for e in doc.events]


@pytest.mark.parametrize("text, etype", [
    ("Saudi authorities expelled more than 300,000 unregistered people from Mecca.",
     "TerritoryRetaken"),
    ("Brazil stopped short of rejecting Maduro's victory.", "MilitaryVictory"),
    ("The bank's reputation had been damaged by a series of scandals.", "Damage"),
    ("The affair did damage to its reputation.", "Damage"),
])
def test_figures_of_speech_and_other_senses_are_no_events(text, etype):
    assert etype not in [e.type for e in analyse(text).events]


def test_no_warning_is_a_warning_denied():
    doc = analyse("Many residents said they received no warning at all.")
    assert [(e.type, e.modality) for e in doc.events if trigger(doc, e) == "warning"] == [
        ("Statement", "negated")]


def test_a_killing_named_as_a_noun():
    doc = analyse("The killings took place before dawn on Thursday on the coast road.",
                  published=date(2024, 3, 2))
    assert [(e.type, e.time.value) for e in doc.events] == [("Killing", "2024-02-29")]
    doc = analyse("The Kremlin on Friday rejected suggestions that it had ordered the killing of "
                  "Yevgeny Prigozhin.", published=date(2023, 8, 25))
    assert [(e.type, e.modality) for e in doc.events if e.type == "Killing"] == [
        ("Killing", "negated")]
    for text in ("Troops opened fire on the crowd, killing 12 people.",
                 "The mayor condemned the killings."):
        assert [e.type for e in analyse(text).events] in (["Attack"], ["Statement"]), text


def test_gunmen_who_stormed_a_school_attacked_it():
    doc = analyse("Gunmen on motorcycles stormed the government primary and secondary school in "
                  "the village on Thursday.")
    assert [(e.type, trigger(doc, e)) for e in doc.events] == [("Attack", "stormed")]


def test_the_head_noun_of_a_phrase_told_before_is_that_event():
    doc = analyse("Police failed to answer calls before the crowd crush in the "
                  "district.\n\nThe mayor apologised.\n\nThe crush began at about 10.15pm on 29 "
                  "October, when tens of thousands of people had packed the streets.",
                  published=date(2022, 11, 2))
    [crush] = [e for e in doc.events if e.type == "Accident"]
    assert crush.time.value.startswith("2022-10-29T22:15")


def test_responding_with_strikes_is_an_act_and_a_ring_of_fire_no_fire():
    doc = analyse("Israel responded with a wave of air strikes across southern Lebanon.")
    assert [(e.type, e.modality) for e in doc.events] == [("AirStrike", "asserted")]
    doc = analyse("The ministry responded with a statement saying the strike had hit a depot.")
    assert "claimed" in [e.modality for e in doc.events]
    doc = analyse("Japan sits on the so-called Ring of Fire and has many strong earthquakes.")
    assert "Accident" not in [e.type for e in doc.events]


def test_the_deadliest_mass_killing_describes_the_event_told():
    doc = analyse("The country was in mourning on Friday after a former police officer killed "
                  "at least 36 people at a nursery, in the deadliest mass killing in its history.",
                  published=date(2022, 10, 7))
    assert "Killing" not in [e.type for e in doc.events if trigger(doc, e) == "killing"]
    doc = analyse("Some of the worst killing took place at the music festival.")
    assert [e.type for e in doc.events] == ["Killing"]


@pytest.mark.parametrize("text", [
    "Protest leaders said they would stay in the square.",
    "The train was wrongly routed onto a loop line.",
    "The pause in fighting, brokered by Qatar, took effect at 7am on Friday.",
])
def test_words_of_events_that_name_none(text):
    assert [e.type for e in analyse(text).events
            if e.type in ("Protest", "MilitaryVictory", "ArmedClash")] == []


def test_a_rout_and_protests_still_are_events():
    assert [e.type for e in analyse("Ukrainian forces routed Russian troops near the city, and "
                                    "protests spread to the capital.").events] == [
        "MilitaryVictory", "Protest"]


def test_an_event_included_in_cancelled_ones_is_cancelled_too():
    doc = analyse("The president cancelled all foreign trips, including a visit to Spain.")
    assert {e.modality for e in doc.events if e.type == "Visit"} == {"negated"}
    doc = analyse("Rebels carried out several attacks, including an attack on a police station.")
    assert {e.modality for e in doc.events} == {"asserted"}


def test_a_call_with_a_day_between_is_a_call_for():
    doc = analyse("Church leaders called on Tuesday for a ceasefire.")
    assert [(e.type, e.modality) for e in doc.events] == [("Ceasefire", "planned")]


def test_an_event_said_to_be_likely_is_a_prospect():
    doc = analyse("Officials warned that more floods were likely. The attack was likely carried "
                  "out by rebels. The ceasefire was expected to hold.")
    assert {e.type: e.modality for e in doc.events if e.type != "Statement"} == {
        "Flood": "hedged", "Attack": "asserted", "Ceasefire": "asserted"}
