"""Rules against false or misattributed events on unseen news text (our own sentences):
claims, plans, capitals acting for their countries, background times, speakers, counts."""

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
from kg.extract.labels import event_label


def one(doc, etype):
    found = events_of(doc, etype)
    assert len(found) == 1, [(e.type, trigger(doc, e), e.modality) for e in doc.events]
    return found[0]


def test_blame_makes_a_claim_of_the_accuser_and_a_capital_speaks_for_its_country():
    doc = analyse("Kyiv accused Russian forces of blowing up the dam, while Moscow blamed "
                  "Ukrainian shelling.")
    shelling = one(doc, "ShellingMissileAttack")
    assert shelling.modality == "claimed"
    assert entity_label(doc, shelling.according_to) == "Russia"
    accusation = next(e for e in doc.events if trigger(doc, e) == "accused")
    assert accusation.modality == "asserted"  # the 'blamed' of the next clause is not its source
    assert role(doc, accusation, "agent") == ["Ukraine"]


def test_a_capital_as_a_place_stays_the_city():
    doc = analyse("MOSCOW, March 17 - Drones struck a refinery near Moscow overnight, "
                  "killing one worker. Moscow said its air defences destroyed 35 drones.")
    labels = {doc.article.text[m.start:m.end] + "@" + doc.entity(m.entity).label
              for m in doc.mentions}
    assert "Moscow@Russia" in labels  # the capital that speaks
    assert "Moscow@Moscow" in labels  # the city where it happened
    russia = next(e for e in doc.entities if e.label == "Russia")
    assert "Moscow" not in russia.aliases


def test_purpose_infinitive_is_planned_and_has_no_agent():
    doc = analyse("Ukraine and Russia signed agreements with Turkey and the United Nations on "
                  "Friday to reopen Black Sea ports.", published=date(2022, 7, 22))
    reopening = one(doc, "RestorationOfServices")
    assert reopening.modality == "planned"
    assert role(doc, reopening, "agent") == []
    assert reopening.time.basis != "expression"  # Friday is when they signed
    deal = one(doc, "Agreement")
    assert deal.modality == "asserted" and deal.time.value == "2022-07-22"
    assert role(doc, deal, "agent") == []  # "Ukraine and Russia": both are parties
    assert {"Ukraine", "Russia"} <= set(role(doc, deal, "participant"))


def test_factive_verbs_keep_the_infinitive_asserted():
    doc = analyse("Russian troops were forced to withdraw from the city.")
    assert one(doc, "Withdrawal").modality == "asserted"
    doc = analyse("The army ordered its units to withdraw from the city.")
    assert one(doc, "Withdrawal").modality == "planned"


def test_a_time_in_a_since_clause_dates_the_event_in_it_not_the_main_event():
    doc = analyse("Ukraine and Russia signed a grain deal on Friday, the first major deal "
                  "between the warring sides since the invasion began in February.",
                  published=date(2022, 7, 22))
    deal = next(e for e in doc.events if e.type == "Agreement")
    assert deal.time.value == "2022-07-22"
    invasion = one(doc, "Attack")
    assert invasion.time.value == "2022-02"


def test_a_background_event_after_a_dated_clause_is_not_dated_by_it():
    doc = analyse("Sweden applied to join NATO in May 2022, after Russia's full-scale invasion "
                  "of Ukraine.", published=date(2023, 7, 12))
    invasion = one(doc, "Attack")
    assert invasion.time.basis == "publication"


def test_evacuation_label_names_who_evacuates():
    doc = analyse("Ukrainian officials began evacuating residents of low-lying districts.")
    assert one(doc, "Evacuation").label == "Evacuation by Ukraine"
    name = {"a": "Russian Armed Forces", "k": "Kharkiv", "x": "Kiprono"}.__getitem__
    assert event_label("Withdrawal", "Withdrawal", "asserted", agent="a", targets=[],
                       places=["k"], weapon=None, name=name) == \
        "Withdrawal of Russian Armed Forces from Kharkiv"
    assert event_label("Arrest", "Arrest", "asserted", agent=None, targets=["x"], places=[],
                       weapon=None, name=name) == "Arrest of Kiprono"


def test_a_report_in_a_later_clause_does_not_claim_the_earlier_one():
    doc = analyse("Russian forces withdrew from the city earlier this month, but the governor "
                  "said a missile strike hit an industrial area on Monday night.")
    assert one(doc, "Withdrawal").modality == "asserted"
    assert one(doc, "ShellingMissileAttack").modality == "claimed"


def test_a_closing_report_still_claims_what_it_follows():
    doc = analyse("Ukraine has won the battle of Kharkiv, Kyiv claimed as Russian troops "
                  "faced heavy losses.")
    assert one(doc, "MilitaryVictory").modality == "claimed"


def test_a_statement_is_not_dated_by_what_it_reports():
    doc = analyse("Mayor Ihor Terekhov said the metro would be free for passengers until the "
                  "end of May.", published=date(2022, 5, 24))
    statement = one(doc, "Statement")
    assert statement.time.basis == "publication"
    doc = analyse("On Monday, poet Serhiy Zhadan posted an update to his page.",
                  published=date(2022, 5, 17))
    assert one(doc, "Statement").time.value == "2022-05-16"


def test_dateline_date_does_not_date_the_event():
    doc = analyse("SAO PAULO, Aug 10 - A passenger plane crashed in the town of Vinhedo on "
                  "Friday afternoon, killing all 61 people on board.",
                  published=date(2024, 8, 10))
    crash = one(doc, "Accident")
    assert crash.time.value.startswith("2024-08-09")
    assert crash.fatalities == 61


def test_speaker_after_the_quote_and_inside_a_title():
    doc = analyse('"We can still hear voices," said Tendai Moyo, a rescue supervisor.')
    assert role(doc, one(doc, "Statement"), "speaker") == ["Tendai Moyo"]
    doc = analyse("Mines Minister Joseph Mhlanga visited the site on Wednesday.")
    assert role(doc, one(doc, "Visit"), "agent") == ["Joseph Mhlanga"]
    doc = analyse('"This is a historic step," NATO Secretary-General Jens Stoltenberg told '
                  'reporters.')
    assert role(doc, one(doc, "Statement"), "speaker") == ["Jens Stoltenberg"]


def test_a_report_closed_by_an_unnamed_speaker_has_no_agent_from_inside_the_report():
    doc = analyse("The plane was flying to Sao Paulo when it lost contact with air traffic "
                  "control, the air force said.")
    assert events_of(doc, "Statement") == []


def test_participles_continue_the_same_statement():
    doc = analyse("The plane was operated by regional carrier Voepass. "
                  '"We are deeply saddened," Voepass said in a statement, adding that the '
                  "aircraft had no known technical problems.")
    assert role(doc, one(doc, "Statement"), "speaker") == ["Voepass"]


def test_counts_of_a_group_and_no_count_for_things():
    doc = analyse("Jordan said 41 of its citizens had died during the pilgrimage.")
    assert [e.fatalities for e in doc.events] == [41]
    doc = analyse("The minister warned that the stoppage was hurting an economy in recession.")
    assert events_of(doc, "CasualtiesReport") == []


def test_a_second_quake_is_another_event():
    doc = analyse("A magnitude 7.8 earthquake struck southern Turkey before dawn on Monday. "
                  "A second large quake hit the same region in the afternoon.",
                  published=date(2023, 2, 6))
    assert len(events_of(doc, "Earthquake")) == 2


def test_the_same_noun_later_in_the_article_keeps_its_sense():
    doc = analyse("A shaft collapsed at a small gold mine near Kadoma on Tuesday, killing 11 "
                  "miners. The collapse happened shortly after 3 p.m. as a shift was going "
                  "down. Rescuers said the ground was unstable.", published=date(2024, 6, 12))
    assert len(events_of(doc, "Accident")) == 1


def test_words_inside_names_are_no_triggers():
    doc = analyse("Saudi Arabia and the United States suspended talks in Jeddah. Marine Le "
                  "Pen's far-right National Rally backed the motion.")
    assert [e.type for e in doc.events] == ["Negotiation"]


def test_nouns_used_as_verbs_and_verbs_used_as_nouns():
    doc = analyse("The country battles its worst outbreak in years.")
    assert [e.type for e in doc.events] == ["Disease"]
    doc = analyse("A spokesman confirmed the attack on state television.")
    assert events_of(doc, "Statement") == []


def test_possessor_is_not_the_object():
    doc = analyse("A court jailed former governor Daniel Kiprono. Police arrested Kiprono's "
                  "former finance officer, James Mwangi, at the airport on Thursday evening.")
    assert role(doc, one(doc, "Arrest"), "target") == ["James Mwangi"]


def test_people_named_by_a_demonym_are_no_actor():
    doc = analyse("German train drivers walked off the job on Wednesday in a strike.")
    assert any(e.label == "Germany" for e in doc.entities)
    assert all(role(doc, e, "agent") != ["Germany"] for e in doc.events)


def test_conditions_rumours_and_possibilities_are_not_asserted():
    doc = analyse("If the ceasefire collapses, the army will launch an offensive.")
    assert all(e.modality != "asserted" for e in doc.events), \
        [(trigger(doc, e), e.modality) for e in doc.events]
    doc = analyse("There were unconfirmed reports of shelling near the airport.")
    assert one(doc, "ShellingMissileAttack").modality == "hedged"
    doc = analyse("Officials warned of a possible attack on the capital.")
    assert one(doc, "Attack").modality == "hedged"


def test_generic_plurals_are_no_events():
    doc = analyse("Building collapses are common in the city, where rules are poorly "
                  "enforced. The country has seen a string of deadly accidents at mines.")
    assert doc.events == []
    doc = analyse("A series of explosions rocked the port on Sunday.")
    assert [e.type for e in doc.events] == ["Explosion"]


def test_an_agency_is_no_news_outlet_unless_it_is_a_news_agency():
    doc = analyse("The United Nations children's agency UNICEF said it was horrified. The news "
                  "agency AFP reported the blast.")
    kinds = {e.label: e.kind for e in doc.entities}
    assert kinds["UNICEF"] == "organization"
    assert kinds["AFP"] == "media"


def test_who_acts_before_after_protests_is_no_protester():
    doc = analyse("President William Ruto drops tax bill after deadly protests\n\nThousands "
                  "marched through Nairobi on Tuesday.")
    protest = one(doc, "Protest")
    assert role(doc, protest, "participant") == [] and role(doc, protest, "agent") == []


def test_named_periods_are_no_entities_and_particle_surnames_join_their_names():
    doc = analyse("Far-right leader Marine Le Pen said the Cold War was over. Le Pen spoke on "
                  "Tuesday, a day after the Institute for the Study of War published a report.")
    labels = {e.label: e for e in doc.entities}
    assert "Cold War" not in labels
    assert "Institute for the Study of War" in labels
    assert "Le Pen" in labels["Marine Le Pen"].aliases and "Le Pen" not in labels


def test_airlines_are_organisations_and_shares_no_name():
    doc = analyse("Delta Air Lines cancelled 1,000 flights and British Airways delayed dozens. "
                  "Shares of Delta fell on Friday.")
    kinds = {e.label: e.kind for e in doc.entities}
    assert kinds.get("Delta Air Lines") == "organization"
    assert kinds.get("British Airways") == "organization"
    assert not any(label.startswith("Shares") for label in kinds)


def test_banks_and_reserves_are_organisations_and_the_west_bank_a_place():
    doc = analyse("The European Central Bank and the Federal Reserve met. Settlers attacked a "
                  "village in the West Bank.")
    kinds = {e.label: e.kind for e in doc.entities}
    assert kinds.get("European Central Bank") == "organization"
    assert kinds.get("Federal Reserve") == "organization"
    assert kinds.get("West Bank") == "place"


def test_a_projected_toll_is_no_count_and_the_missing_are_not_dead():
    doc = analyse("Floods in the coastal town of Ardena have killed at least 2,100 people and "
                  "about 4,000 others are missing, officials said on Wednesday. The death toll "
                  "could rise to 6,000, a regional minister said.")
    flood = one(doc, "Flood")
    assert flood.fatalities == 2100


def test_adverbs_before_a_casualty_verb_and_counts_of_one_part_of_a_list():
    doc = analyse("A bomb exploded at a market in Tarvel on Monday, and three vendors were "
                  "seriously injured.")
    assert one(doc, "Explosion").injured == 3
    doc = analyse("A bomb exploded at a market in Tarvel on Monday, and a guard and one "
                  "shopper were killed.")
    blast = one(doc, "Explosion")
    assert blast.fatalities == 2  # two died: "one shopper" is only a part of them
    doc = analyse("A gunman opened fire at a market in Tarvel on Monday, and the gunman and "
                  "one shopper were killed.")
    assert all(e.fatalities in (None, 2) for e in doc.events)


def test_a_person_shot_in_the_arm_is_an_attack_and_a_campaign_rally_no_protest():
    doc = analyse("The mayor of Dorvik was shot in the arm at a campaign rally on Saturday. "
                  "Police said a man who attended the rally had been arrested.",
                  published=date(2024, 5, 12))
    assert [trigger(doc, e) for e in events_of(doc, "Attack")] == ["shot"]
    assert events_of(doc, "Protest") == []  # neither "a campaign rally" nor "the rally"
    assert time_of(one(doc, "Attack")) == "2024-05-11"


def test_waves_reaching_a_coast_are_no_advance():
    doc = analyse("Waves of two metres reached the coast at Sorun after the quake on Monday. "
                  "Government troops reached the border on Tuesday.")
    advances = events_of(doc, "Advance")
    assert [trigger(doc, e) for e in advances] == ["reached"]
    assert advances[0].trigger_start > doc.article.text.index("troops")


def test_suspected_attackers_detained_is_a_detention_not_a_hedge():
    doc = analyse("Four suspected attackers were detained on Friday. A suspected arson "
                  "attack destroyed a warehouse.")
    assert one(doc, "Arrest").modality == "asserted"
    assert one(doc, "Attack").modality == "hedged"


def test_a_day_a_leader_declares_a_day_of_mourning_does_not_date_the_declaration():
    doc = analyse("The president declared Sunday a national day of mourning.",
                  published=date(2024, 3, 23))
    announcement = one(doc, "Announcement")
    assert announcement.time.basis == "publication"


def time_of(ev):
    return ev.time.value or ev.time.edtf


def test_a_bare_participle_in_a_headline_is_passive():
    doc = analyse("Former governor Ali Rana sentenced to 12 years in prison\n\n"
                  "A court in Tarvel sentenced former governor Ali Rana to 12 years in prison "
                  "on Tuesday.")
    sentencing = [e for e in doc.events if trigger(doc, e) == "sentenced"]
    assert sentencing and all(role(doc, e, "agent") == [] for e in sentencing)
    assert role(doc, sentencing[0], "target") == ["Ali Rana"]


def test_the_subject_before_an_apposition_is_who_is_sentenced():
    doc = analyse("Omar Dell, the founder of the failed lender Brightbank, was sentenced to "
                  "nine years in prison on Tuesday.")
    sentencing = one(doc, "Other")
    assert role(doc, sentencing, "target") == ["Omar Dell"]


def test_the_dateline_is_no_place_when_the_sentence_names_another():
    doc = analyse("MOSCOW, Oct 8 - An explosion struck the road and rail bridge linking Russia "
                  "to the annexed Crimean peninsula early on Saturday, killing three people.",
                  published=date(2022, 10, 8))
    assert "Moscow" not in places(doc, one(doc, "Explosion"))


def test_a_judge_of_a_district_court_is_no_place():
    doc = analyse("U.S. District Judge Lewis Kaplan handed down the sentence on Thursday.")
    assert {e.label: e.kind for e in doc.entities} == {"Lewis Kaplan": "person"}


def test_calling_an_election_is_an_announcement_and_calling_for_one_a_statement():
    doc = analyse("Sunak calls surprise July 4 election\n\nLONDON, May 22 - Prime Minister "
                  "Rishi Sunak on Wednesday called a national election for July 4. The "
                  "opposition called for an end to the campaign of fear.",
                  published=date(2024, 5, 22))
    announcement = one(doc, "Announcement")  # the headline's "calls" is the same event
    assert announcement.time.value == "2024-05-22"
    assert announcement.modality == "asserted"
    assert role(doc, announcement, "speaker") == ["Rishi Sunak"]
    assert [e.time.value for e in events_of(doc, "Election")] == ["2024-07-04"]


def test_during_his_statement_refers_to_the_statement_told():
    doc = analyse("Prime Minister Rishi Sunak announced the plan outside his office on "
                  "Wednesday. Protesters played loud music during his statement.")
    assert [trigger(doc, e) for e in doc.events] == ["announced"]


def test_a_later_date_of_the_paragraph_does_not_date_a_done_event():
    doc = analyse("The prime minister said on Wednesday that parliament would be dissolved "
                  "on May 30. Police arrested two protesters outside.",
                  published=date(2024, 5, 22))
    assert one(doc, "Arrest").time.value == "2024-05-22"


def test_injuries_told_paragraphs_later_join_the_deadly_event():
    doc = analyse("A fire tore through a tower block in Tarvel on Thursday, killing 10 people."
                  "\n\n"
                  "Firefighters rescued residents from balconies, and 15 people, including "
                  "seven firefighters, were treated for injuries.")
    fire = one(doc, "Accident")
    assert (fire.fatalities, fire.injured) == (10, 15)
    assert events_of(doc, "CasualtiesReport") == []


def test_armed_groups_are_organisations_whatever_the_gazetteer_says():
    doc = analyse("Hamas said on Monday that talks had stalled. Hezbollah fired rockets at "
                  "Israel, and Hizbollah fighters clashed with troops.",
                  gazetteer=FakeGazetteer("Hamas"))
    kinds = {e.label: (e.kind, e.aliases) for e in doc.entities}
    assert kinds["Hamas"][0] == "organization"
    assert kinds["Hezbollah"] == ("organization", ["Hizbollah"])  # one group, two spellings


def test_the_city_named_after_its_region_is_the_place():
    doc = analyse("An air strike hit a camp in the southern Gaza city of Rafah on Sunday "
                  "night, killing at least 45 people.", gazetteer=FakeGazetteer("Gaza", "Rafah"))
    assert places(doc, one(doc, "AirStrike")) == ["Rafah"]


def test_condemnation_from_a_country_has_it_as_speaker_not_place():
    doc = analyse("The strike drew condemnation from France, Germany and the United Nations.")
    statement = one(doc, "Statement")
    assert role(doc, statement, "speaker") == ["France"]
    assert places(doc, statement) == []


def test_protests_over_weeks_before_a_resignation_are_not_dated_by_it():
    doc = analyse("Prime Minister Sheikh Hasina resigned on Monday after weeks of deadly "
                  "protests.", published=date(2024, 8, 5))
    assert one(doc, "Resignation").time.value == "2024-08-05"
    assert one(doc, "Protest").time.basis == "publication"


def test_release_from_house_arrest_is_no_arrest():
    doc = analyse("The president ordered the release of opposition leader Khaleda Zia from "
                  "house arrest on Tuesday. Police placed a former minister under house arrest "
                  "on Wednesday.")
    assert [trigger(doc, e) for e in events_of(doc, "Arrest")] == ["arrest"]
    assert one(doc, "Arrest").trigger_start > doc.article.text.index("Police")


def test_airlines_named_with_air_and_demonyms_of_two_words():
    doc = analyse("A Jeju Air passenger jet skidded off a runway on Sunday, killing 179 "
                  "people. Officials ordered checks of jets operated by South Korean airlines.")
    kinds = {e.label: e.kind for e in doc.entities}
    assert kinds.get("Jeju Air") == "organization"
    assert "South Korean" not in kinds
    crash = one(doc, "Accident")
    assert (trigger(doc, crash), crash.fatalities) == ("skidded off", 179)


def test_a_plane_arriving_from_a_city_is_no_visit():
    doc = analyse("The Boeing 737, arriving from Bangkok, landed at about 9 a.m. on Sunday.")
    assert events_of(doc, "Visit") == []


def test_a_finite_verb_after_and_is_no_part_of_the_plan_before_it():
    doc = analyse("President Salome Zourabichvili said she would not sign the law and called "
                  "for an international investigation.")
    appeal = next(e for e in doc.events if trigger(doc, e) == "called for")
    assert appeal.modality == "asserted"


def test_it_after_an_official_demonym_is_that_country():
    doc = analyse("The Israeli military said it had targeted a Hamas compound. It said it was "
                  "reviewing reports that civilians had been harmed.")
    speakers = [role(doc, e, "speaker") for e in events_of(doc, "Statement")]
    assert speakers and all(s == ["Israel"] for s in speakers)


def test_a_headline_toll_is_the_strike_the_body_tells():
    doc = analyse("Israeli strike on Rafah camp kills dozens\n\nAn air strike hit a camp in Rafah "
                  "on Sunday night, killing at least 45 people.", published=date(2024, 5, 27),
                  gazetteer=FakeGazetteer("Rafah"))
    assert [e.type for e in doc.events] == ["AirStrike"]
    assert one(doc, "AirStrike").fatalities == 45


def test_a_group_turned_modifier_names_the_group():
    doc = analyse("Health officials in the Hamas-run enclave said 100 people were killed. "
                  "Kremlin-backed forces advanced.")
    labels = {e.label: e.kind for e in doc.entities}
    assert labels.get("Hamas") == "organization"
    assert not any("-" in label for label in labels)


def test_a_war_s_overall_toll_is_not_the_incident_s():
    doc = analyse("More than 100 people were killed on Thursday near an aid convoy in Gaza "
                  "City. The health ministry said the overall death toll in the war had passed "
                  "30,000.")
    assert [e.fatalities for e in doc.events if e.fatalities] == [100]


def test_national_tv_is_no_entity():
    doc = analyse("Soldiers appeared on national TV on Wednesday.")
    assert [e.label for e in doc.entities] == []


def test_coups_and_seizures_of_power_are_events_and_a_name_for_one_is_not():
    doc = analyse("Soldiers said on Wednesday that they had removed President Mohamed Bazoum "
                  "from power. The African Union condemned what it called an attempted coup.",
                  published=date(2023, 7, 27))
    coups = [e for e in doc.events if e.type == "Other"]
    assert [trigger(doc, e) for e in coups] == ["removed"]
    # (told by the soldiers' report of Wednesday: on or before that day)
    assert (coups[0].time.edtf, coups[0].time.basis) == ("../2023-07-26", "report")
    doc = analyse("The military has carried out hundreds of airstrikes since it seized power in "
                  "February 2021.", published=date(2023, 4, 12))
    seizure = next(e for e in doc.events if trigger(doc, e) == "seized power")
    assert seizure.time.value == "2021-02"


def test_a_state_of_emergency_is_no_statement():
    doc = analyse("President Tayyip Erdogan declared a three-month state of emergency in 10 "
                  "provinces on Tuesday.", published=date(2023, 2, 7))
    assert [e.type for e in doc.events] == ["Announcement"]


def test_a_toll_s_date_and_a_superlative_do_not_date_the_disaster():
    doc = analyse("The death toll from the wildfire that destroyed the town of Lahaina rose to "
                  "93 on Saturday, making it the deadliest U.S. wildfire in a century. The fire "
                  "swept into the town on Tuesday afternoon.", published=date(2023, 8, 13))
    fire = one(doc, "Wildfire")
    assert fire.fatalities == 93
    assert fire.time.value == "2023-08-08TAF"


def test_it_in_a_sentence_opened_by_an_unnamed_subject_is_that_subject():
    doc = analyse("The United Nations said it was horrified. The military has carried out "
                  "hundreds of airstrikes since it seized power in February 2021.",
                  published=date(2023, 4, 12))
    seizure = next(e for e in doc.events if trigger(doc, e) == "seized power")
    assert role(doc, seizure, "agent") == []


def test_the_first_time_since_compares_and_tells_no_new_event():
    doc = analyse("Lawmakers ousted the government in a no-confidence vote on Wednesday. It "
                  "was the first time a government had been toppled by parliament since 1962.",
                  published=date(2024, 12, 5))
    assert "toppled" not in [trigger(doc, e) for e in doc.events]


def test_a_named_person_killed_is_a_killing_of_that_person():
    doc = analyse("Hamas political leader Ismail Haniyeh was killed in a strike on his "
                  "residence in Tehran early on Wednesday, the group said. He was killed hours "
                  "after a ceremony.", published=date(2024, 7, 31))
    killing = one(doc, "Killing")
    assert role(doc, killing, "target") == ["Ismail Haniyeh"]
    assert killing.time.value == "2024-07-31" and killing.fatalities is None


def test_who_fired_the_weapon_that_struck_is_the_agent():
    doc = analyse("A missile fired by Yemen's Houthi movement struck a fuel tanker in the Gulf "
                  "of Aden on Friday evening.")
    assert role(doc, one(doc, "ShellingMissileAttack"), "agent") == ["Houthi movement"]


def test_a_ceasefire_that_talks_seek_is_no_ceasefire_yet():
    doc = analyse("Haniyeh led the group's diplomacy during talks on a ceasefire in Gaza. In "
                  "March the two sides agreed a ceasefire.")
    ceasefires = events_of(doc, "Ceasefire")
    assert [c.modality for c in ceasefires] == ["planned", "asserted"]


def test_executives_titles_and_a_company_that_speaks():
    doc = analyse("Intel said on Thursday it would cut more than 15% of its workforce. Chief "
                  "Executive Pat Gelsinger said in a memo that most cuts would be completed by "
                  "the end of the year. Scientists said the chips were slow.")
    kinds = {e.label: e.kind for e in doc.entities}
    assert kinds == {"Intel": "organization", "Pat Gelsinger": "person"}


def test_abbreviated_governor_and_a_dated_state_of_emergency():
    doc = analyse("Mississippi Gov. Tate Reeves declared a state of emergency on Saturday.",
                  published=date(2023, 3, 25))
    announcement = one(doc, "Announcement")
    assert role(doc, announcement, "speaker") == ["Tate Reeves"]
    assert announcement.time.value == "2023-03-25"


def test_a_participle_after_the_comma_goes_on_and_claims_nothing():
    doc = analyse("Transport minister Kostas Karamanlis resigned on Wednesday, saying he took "
                  "responsibility for the failures.")
    assert one(doc, "Resignation").modality == "asserted"


def test_ferries_resume_and_the_town_named_after_its_region():
    doc = analyse("Ferries between Dover and Calais resumed on Friday morning. A tornado ripped "
                  "through the Mississippi Delta town of Rolling Fork late Friday.",
                  published=date(2023, 3, 25))
    assert trigger(doc, one(doc, "RestorationOfServices")) == "resumed"
    assert places(doc, one(doc, "Storm")) == ["Rolling Fork"]


def test_pitch_invasions_stampedes_and_police_regaining_a_studio():
    doc = analyse("At least 125 people were killed when police fired tear gas at fans who "
                  "invaded the pitch, causing a crush at the exits. Police regained control of "
                  "the studio on Tuesday.")
    assert [e.type for e in doc.events] == ["Accident"]
    assert (trigger(doc, doc.events[0]), doc.events[0].fatalities) == ("crush", 125)


def test_nobody_killed_with_no_event_to_say_it_of_is_no_event():
    doc = analyse("Police said 13 people had been arrested and that no one was killed.")
    assert [e.type for e in doc.events] == ["Arrest"]


def test_a_day_told_beats_a_stretch_when_two_mentions_merge():
    doc = analyse("Shelling damaged the last main power line connecting the nuclear plant to "
                  "the grid on Monday, forcing it to rely on a reserve line, the agency said.\n\n"
                  "The Russian-held plant in southern Ukraine has been shelled repeatedly in "
                  "recent weeks.", published=date(2022, 9, 5))
    assert [e.time.value for e in events_of(doc, "ShellingMissileAttack")] == ["2022-09-05"]


def test_a_headline_disaster_dated_after_publication_with_its_dead_is_no_plan():
    doc = analyse("Crush at Halloween street party kills 21\n\nTwenty-one people were killed "
                  "when a crowd surged into a lane in Plovdiv late on Monday.",
                  published=date(2024, 10, 30))
    assert [(e.type, e.modality, e.fatalities) for e in doc.events] == \
        [("Accident", "asserted", 21)]


def test_football_clubs_are_organisations():
    doc = analyse("Arema FC lost to its rivals on Saturday.")
    assert {e.label: e.kind for e in doc.entities} == {"Arema FC": "organization"}


def test_a_headline_joins_its_event_whatever_anaphors_told_of_other_parts():
    doc = analyse("Cyclone Freddy kills more than 100 in Malawi\n\nCyclone Freddy has killed "
                  "more than 100 people in Malawi since it made landfall on Saturday night, "
                  "authorities said.\n\nThe storm first hit Mozambique in late February, "
                  "killing at least 10 people there.", published=None)
    # (the storm's earlier landfall in Mozambique, with its own 10 dead, may stay apart)
    assert [(e.type, e.fatalities) for e in events_of(doc, "Storm")][:1] == [("Storm", 100)]
    assert all(e.fatalities == 10 for e in events_of(doc, "Storm")[1:])


def test_thwarted_and_foiled_attacks_did_not_happen():
    doc = analyse("Officials said an attack on the depot had been thwarted in mid-October. "
                  "Police foiled a bombing at a concert.")
    assert [e.modality for e in doc.events if e.type in ("Attack", "Bombing")] == \
        ["negated", "negated"]


def test_a_news_brief_s_place_label_places_its_events():
    doc = analyse("World news in brief\n\nPeru: A bus plunged off a mountain road on Monday "
                  "night, killing 25 passengers, police said.\n\nPhilippines: A typhoon forced "
                  "more than 12,000 people to leave their homes on Wednesday.",
                  published=date(2023, 7, 26))
    crash = one(doc, "Accident")
    assert (trigger(doc, crash), crash.fatalities, places(doc, crash)) == \
        ("plunged", 25, ["Peru"])
    assert places(doc, one(doc, "Storm")) == ["Philippines"]
    assert trigger(doc, one(doc, "Evacuation")) == "leave their homes"


def test_the_date_an_election_was_postponed_from_is_not_its_date():
    doc = analyse("Faye won about 54% of Sunday's ballot, results showed. Ba conceded defeat "
                  "on Monday. The election had been postponed from February.",
                  published=date(2024, 3, 25))
    assert [e.time.value for e in events_of(doc, "Election")] == ["2024-03-24"]
    concession = next(e for e in doc.events if trigger(doc, e) == "conceded")
    assert concession.time.value == "2024-03-25"


def test_urging_families_to_leave_their_homes_is_no_evacuation():
    doc = analyse("The authority urged families living near riverbanks to leave their homes.")
    assert events_of(doc, "Evacuation") == []


def test_it_in_a_report_is_the_speaker_of_that_sentence():
    doc = analyse("The Wad Al-Noura Resistance Committee said the fighters stormed the village "
                  "twice. The RSF "
                  "said in a statement that it had attacked army positions and denied "
                  "targeting civilians.")
    denial = next(e for e in doc.events if trigger(doc, e) == "denied")
    assert role(doc, denial, "speaker") == ["RSF"]


def test_a_perfect_is_not_dated_by_another_clause_and_hostages_taken_last_autumn():
    doc = analyse("The war, which began in April 2023, has displaced more than 10 million "
                  "people. The four were taken hostage from a music festival on Oct. 7.",
                  published=date(2024, 6, 8))
    assert one(doc, "Evacuation").time.basis == "publication"
    taking = one(doc, "Attack")
    assert (trigger(doc, taking), taking.time.value, taking.modality) == \
        ("taken hostage", "2023-10-07", "asserted")


def test_naming_a_suspect_is_no_appointment_and_a_news_conference_is_a_medium():
    doc = analyse("Police named the suspect as Robert Card, 40. Governor Janet Mills said at a "
                  "news conference that schools would stay closed.")
    assert not any(e.type in ("Appointment", "Meeting") for e in doc.events)


def test_companies_named_by_their_trade():
    doc = analyse("The blast happened at a factory run by Shandong Yuhuang Chemical in the city "
                  "of Heze on Sunday.")
    assert {e.label: e.kind for e in doc.entities}.get("Shandong Yuhuang Chemical") == \
        "organization"


def test_what_troops_withdraw_to_avoid_did_not_happen():
    doc = analyse("Ukraine's army said on Saturday it had withdrawn its troops from the town of "
                  "Avdiivka to avoid encirclement.", published=date(2024, 2, 17))
    assert one(doc, "Encirclement").modality == "negated"
    assert one(doc, "Withdrawal").modality in ("asserted", "claimed")


def test_a_count_before_a_demonym_is_no_name_and_shell_stocks_are_no_shelling():
    doc = analyse("Two Russian guided bombs struck a store in Kharkiv on Saturday. Officials "
                  "blamed the setback on a shortage of artillery shells.")
    assert not any(e.label.startswith("Two") for e in doc.entities)
    assert events_of(doc, "ShellingMissileAttack") == []


def test_two_places_joined_by_and_and_a_warship_sunk_by_drones():
    doc = analyse("Russia's defence ministry said its forces had captured the villages of "
                  "Stepove and Berdychi on Wednesday.", gazetteer=FakeGazetteer("Stepove",
                                                                                "Berdychi"))
    assert places(doc, one(doc, "TerritoryTaken")) == ["Stepove", "Berdychi"]
    doc = analyse("Ukraine said it sank a Russian warship off Crimea with sea drones.")
    assert events_of(doc, "Accident") == []
    assert trigger(doc, one(doc, "Attack")) == "sank"


def test_drones_shot_down_tell_a_drone_attack():
    doc = analyse("Ukraine's air force said its air defences shot down 11 of 14 Shahed drones "
                  "launched by Russia overnight.", published=date(2024, 2, 28))
    attack = one(doc, "ShellingMissileAttack")
    assert (trigger(doc, attack), attack.modality) == ("shot down", "claimed")


def test_troops_entering_a_city_and_the_invasion_is_no_earlier_blast():
    doc = analyse("Ukrainian troops entered the southern city of Kherson on Friday. Ukraine's "
                  "military said Russian forces had blown up bridges as they left.\n\nRussia "
                  "captured Kherson in the first days of the invasion that began on Feb. 24.",
                  published=date(2022, 11, 11), gazetteer=FakeGazetteer("Kherson"))
    entry = one(doc, "Advance")
    assert (trigger(doc, entry), places(doc, entry), entry.time.value) == \
        ("entered", ["Kherson"], "2022-11-11")
    assert one(doc, "Explosion").time.text != "the first days of the invasion"


def test_the_accused_is_no_place_and_and_vowed_keeps_the_first_subject():
    doc = analyse("Hezbollah blamed Israel for the blasts and vowed to retaliate. Iran's "
                  "ambassador was among those injured, Iranian state media reported.")
    accusation = one(doc, "Accusation")
    assert places(doc, accusation) == []
    vow = next(e for e in doc.events if trigger(doc, e) == "vowed")
    assert role(doc, vow, "speaker") == ["Hezbollah"]
    assert "state" not in [trigger(doc, e) for e in doc.events]


def test_an_attack_defeated_is_no_military_victory():
    doc = analyse("President Joe Biden said the attack appeared to have been defeated and "
                  "ineffective.")
    assert events_of(doc, "MilitaryVictory") == []


def test_striking_an_ammunition_depot_is_a_strike():
    doc = analyse("Ukraine's military said it had struck a Russian ammunition depot near Nova "
                  "Kakhovka, triggering secondary explosions.")
    strike = one(doc, "ShellingMissileAttack")
    assert (trigger(doc, strike), strike.modality) == ("struck", "claimed")


def test_avalanches_and_a_place_after_of_that_says_nothing():
    doc = analyse("An avalanche swept away a group of skiers near Riederalp on Monday afternoon, "
                  "killing three people and injuring one, police in the canton of Valais said. "
                  "The firm faced an avalanche of criticism.")
    avalanche = one(doc, "Accident")
    assert (trigger(doc, avalanche), avalanche.fatalities, avalanche.injured) == \
        ("avalanche", 3, 1)
    assert {e.label: e.kind for e in doc.entities}.get("Valais") != "organization"


def test_a_live_page_entry_stamp_is_of_the_page_day_and_dates_no_event():
    text = ("War live: strikes in the east\n\n"
            "09:15 GMT - Shelling kills two in Lysychansk\n\n"
            "Two civilians were killed by shelling in Lysychansk on Wednesday, the governor "
            "said.\n\n"
            "10:40 GMT - Leaders arrive in Kyiv\n\n"
            "The leaders of France and Germany arrived in Kyiv by overnight train.")
    doc = analyse(text, published=date(2022, 6, 16))
    stamps = {t.text: t.value for t in doc.timexes if "GMT" in (t.text or "")}
    assert stamps == {"09:15 GMT": "2022-06-16T09:15", "10:40 GMT": "2022-06-16T10:40"}
    shelling = one(doc, "ShellingMissileAttack")  # the entry's heading and body: one event
    assert (shelling.time.value, shelling.fatalities) == ("2022-06-15", 2)
    visit = one(doc, "Visit")
    assert visit.time.basis == "publication"  # posted at 10:40, not arrived at 10:40


def test_striking_a_warship_is_a_strike_and_a_cruiser_is_no_cruise_missile():
    doc = analyse("Ukraine's navy said it struck a Russian tugboat carrying troops and "
                  "weapons. A freighter hit a cruiser moored at the dock. A storm hit a "
                  "cruise ship off Norway.")
    strike = one(doc, "ShellingMissileAttack")
    assert (trigger(doc, strike), strike.modality) == ("struck", "claimed")


def test_a_dateline_of_two_cities_places_nothing():
    doc = analyse("Warship sinks\n\nMOSCOW/KYIV, April 15 - The cruiser sank on Thursday while "
                  "being towed to port in stormy seas, the defence ministry said.",
                  published=date(2022, 4, 15))
    sinking = one(doc, "Accident")
    assert places(doc, sinking) == []


def test_rather_than_and_not_any_negate_and_a_passive_infinitive_is_planned():
    doc = analyse("The command called the operation an evacuation rather than a surrender. "
                  "Moscow has not acknowledged any attack on the ship. Kyiv wants the "
                  "fighters to be exchanged for Russian prisoners.")
    assert one(doc, "MilitaryVictory").modality == "negated"
    assert one(doc, "Attack").modality == "negated"
    exchange = next(e for e in doc.events if trigger(doc, e) == "exchanged")
    assert exchange.modality == "planned"


def test_a_warning_that_names_no_speaker_after_that_and_preparing_an_attack_is_a_plan():
    doc = analyse("Authorities in the region have been urging residents to leave, warning "
                  "that Russia is preparing a major offensive.")
    warning = next(e for e in doc.events if trigger(doc, e) == "warning")
    assert role(doc, warning, "speaker") == []
    offensive = one(doc, "Attack")  # being prepared: planned, and not Russia's claim
    assert (offensive.modality, offensive.according_to) == ("planned", None)


def test_a_superlative_since_a_war_tells_no_event():
    doc = analyse("The Moskva is the largest Russian warship lost in combat since the Second "
                  "World War.")
    assert doc.events == []
    # far from the superlative and without "since" or "ever", the noun still tells an event
    doc = analyse("It was the largest group of soldiers killed in combat near the town.")
    assert [trigger(doc, e) for e in doc.events] == ["combat"]


def test_it_after_left_is_an_object_not_the_subject():
    doc = analyse("The cruiser sank on Thursday, the defence ministry said, a day after a fire "
                  "left it badly damaged.")
    damage = one(doc, "Damage")
    assert role(doc, damage, "agent") == []


def test_who_surrenders_undergoes_the_defeat():
    doc = analyse("Russia said on Friday that Ukrainian troops in the steelworks had "
                  "surrendered.", published=date(2022, 5, 21))
    surrender = one(doc, "MilitaryVictory")
    assert role(doc, surrender, "agent") == []
    assert role(doc, surrender, "affected") == ["Armed Forces of Ukraine"]


def test_the_second_of_two_villages_is_a_place_without_a_gazetteer():
    doc = analyse("Russian forces captured the villages of Hirske and Zolote, the military "
                  "said.")
    assert places(doc, one(doc, "TerritoryTaken")) == ["Hirske", "Zolote"]
    doc = analyse("Ukrainian forces recaptured the villages of Pytomnyk and Rusky Tyshky, the "
                  "military said.")
    assert places(doc, one(doc, "TerritoryRetaken")) == ["Pytomnyk", "Rusky Tyshky"]


def test_a_name_before_a_lower_case_regiment_is_a_unit_and_no_speaker_of_its_commander():
    doc = analyse("Denis Prokopenko, commander of the Azov regiment, said in a video that his "
                  "men had been ordered to stop. The Azov Regiment held the plant for weeks.")
    units = [e.label for e in doc.entities if e.kind == "military_unit"]
    assert units == ["Azov regiment"]  # one unit, however its head is written
    statement = one(doc, "Statement")
    assert role(doc, statement, "speaker") == ["Denis Prokopenko"]


def test_the_war_a_time_is_anchored_on_is_no_event_and_the_undergoer_is_the_place():
    doc = analyse("Mariupol, on the Sea of Azov, came under attack in the first days of the "
                  "invasion in late February.", published=date(2022, 5, 21),
                  gazetteer=FakeGazetteer("Mariupol"))
    attack = one(doc, "Attack")
    assert (trigger(doc, attack), places(doc, attack)) == ("attack", ["Mariupol"])
    # an anchor told in its own right stays an event
    doc = analyse("Russia captured Kherson in the first days of the invasion that began on "
                  "Feb. 24.", published=date(2022, 11, 11))
    assert "invasion" in [trigger(doc, e) for e in doc.events]


def test_a_time_after_since_dates_no_event_unless_a_when_clause_tells_one():
    doc = analyse("The driver, a doctor who had lived in Germany since 2006, was arrested at "
                  "the scene, officials said.", published=date(2024, 12, 20))
    assert one(doc, "Arrest").time.basis == "publication"
    doc = analyse("It was the worst crash since 2007, when a jet overshot the runway, killing "
                  "199 people.", published=date(2024, 8, 10))
    assert [e.time.value for e in doc.events] == ["2007"]


def test_a_figure_compared_with_dates_nothing_and_seats_secured_are_no_territory():
    doc = analyse("The party won 240 of the 543 seats, down from 303 in 2019. Its alliance "
                  "secured 293 seats, above the 272 needed.", published=date(2024, 6, 4))
    assert [e.time.value for e in doc.events if e.time.basis != "publication"] == []
    assert events_of(doc, "TerritoryRetaken") == []


def test_displaced_before_a_people_name_and_hundreds_of_are_no_event_and_no_name():
    doc = analyse("An air strike hit a school housing displaced Palestinians. Hundreds of "
                  "Arce's supporters gathered outside the palace.")
    assert events_of(doc, "Evacuation") == []
    assert not any(e.label.startswith("Hundreds") for e in doc.entities)


def test_parties_between_which_talks_run_are_no_places():
    doc = analyse("Talks between Russia and Ukraine resumed in Istanbul on Tuesday.",
                  gazetteer=FakeGazetteer("Istanbul"))
    talks = one(doc, "Negotiation")
    assert places(doc, talks) == ["Istanbul"]
    assert {"Russia", "Ukraine"} <= set(role(doc, talks, "participant"))


def test_subjects_joined_by_and_all_act():
    doc = analyse("Egypt, Qatar and Jordan condemned the attack. French President Emmanuel "
                  "Macron, German Chancellor Olaf Scholz and Italian Prime Minister Mario "
                  "Draghi arrived in Kyiv by overnight train.")
    condemnation = next(e for e in doc.events if trigger(doc, e) == "condemned")
    assert sorted(role(doc, condemnation, "speaker")) == ["Egypt", "Jordan", "Qatar"]
    visit = one(doc, "Visit")
    assert sorted(role(doc, visit, "agent")) == ["Emmanuel Macron", "Mario Draghi",
                                                  "Olaf Scholz"]
    # a list that is no subject is no agent: "talks with Iran and Turkey, Russia said"
    doc = analyse("Russia held talks with Iran and Turkey on Monday.")
    talks = one(doc, "Meeting")
    assert role(doc, talks, "agent") in ([], ["Russia"])


def test_an_organisation_head_before_a_facility_noun_names_no_body():
    doc = analyse("The military said it struck a Hamas command centre inside the school.")
    assert [e.label for e in doc.entities] == ["Hamas"]


def test_drones_shot_down_are_the_launcher_s_attack_and_the_defender_takes_part():
    doc = analyse("Ukraine's Air Force said on Tuesday that it downed 24 of 30 Shahed drones "
                  "launched by Russia overnight. Russian shelling injured six people in the "
                  "Kharkiv region, the governor said.", published=date(2024, 8, 14))
    downing = next(e for e in doc.events if trigger(doc, e) == "downed")
    assert role(doc, downing, "agent") == ["Russia"]
    assert role(doc, downing, "participant") == ["Ukraine Air Force"]
    assert len(events_of(doc, "ShellingMissileAttack")) == 2  # not one with the shelling
    doc = analyse("The ministry said that Russian air defences shot down two Ukrainian Su-25 "
                  "aircraft and three Orlan-10 drones near the town of Berestovoye.")
    downing = one(doc, "ShellingMissileAttack")
    assert role(doc, downing, "agent") == ["Ukraine"]
    assert not any(e.kind == "person" for e in doc.entities)  # "Ukrainian Su-25" is no one


def test_military_report_phrasing():
    doc = analyse("Units of the Luhansk People's Republic have taken full control of the town "
                  "of Svitlodarsk, Lieutenant-General Igor Konashenkov said on Friday. Russian "
                  "forces fired artillery at the villages of Ruska Lozova and Prudianka. They "
                  "may attempt to resume offensive operations toward Sloviansk in the coming "
                  "days.", published=date(2022, 5, 27))
    labels = {e.label for e in doc.entities}
    assert {"Luhansk People's Republic", "Igor Konashenkov"} <= labels
    capture = one(doc, "TerritoryTaken")
    assert places(doc, capture) == ["Svitlodarsk"]
    shelling = one(doc, "ShellingMissileAttack")
    assert places(doc, shelling) == ["Ruska Lozova", "Prudianka"]
    assert events_of(doc, "RestorationOfServices") == []


def test_a_background_capture_in_a_since_clause_is_not_the_new_one():
    doc = analyse("Ukraine withdrew from the town on Saturday, handing Russia its biggest gain "
                  "since it captured Bakhmut in May last year. Russia's defence ministry said "
                  "its forces had taken full control of the town.", published=date(2024, 2, 18))
    assert len(events_of(doc, "TerritoryTaken")) == 2


def test_according_to_vouches_for_its_own_clause_and_names_the_head_of_a_body():
    doc = analyse("Ukrainian forces recaptured several villages in the past week, but Russian "
                  "forces shelled Kharkiv on May 29, killing at least nine civilians, according "
                  "to Kharkiv Oblast Administration Head Oleh Synehubov.",
                  published=date(2022, 5, 30), gazetteer=FakeGazetteer("Kharkiv"))
    recapture = one(doc, "TerritoryRetaken")
    assert (recapture.modality, recapture.according_to) == ("asserted", None)
    shelling = one(doc, "ShellingMissileAttack")
    assert entity_label(doc, shelling.according_to) == "Oleh Synehubov"


def test_what_a_source_cannot_confirm_is_hedged_and_not_its_claim():
    doc = analyse("Reuters could not verify that Russian forces had shelled the town, and the "
                  "institute cannot independently confirm claims that they captured a village.")
    shelling = one(doc, "ShellingMissileAttack")
    assert (shelling.modality, shelling.according_to) == ("hedged", None)
    assert events_of(doc, "Statement") == []  # the claims are others'


def test_a_noun_after_and_a_light_verb_takes_the_first_verb_s_subject():
    doc = analyse("According to the report, Russian troops shelled Ukrainian positions along "
                  "the front line and carried out air strikes near Bakhmut.")
    strikes = one(doc, "AirStrike")
    assert role(doc, strikes, "agent") == ["Russian Armed Forces"]


def test_a_one_word_gazetteer_place_named_like_a_person_of_the_story_is_that_person():
    doc = analyse("North Korean leader Kim Jong Un greeted Russian President Vladimir Putin at "
                  "the airport. Kim said the pact was historic. Chief Executive Dave Calhoun "
                  "will step down. Calhoun, who took over in 2020, said so.",
                  gazetteer=FakeGazetteer("Kim", "Calhoun"))
    assert not {"Kim", "Calhoun"} & {e.label for e in doc.entities if e.kind == "place"}
    meant = {doc.article.text[m.start:m.end]: doc.entity(m.entity).label for m in doc.mentions}
    assert (meant["Kim"], meant["Calhoun"]) == ("Kim Jong Un", "Dave Calhoun")


def test_charges_and_supplied_shells_tell_no_event():
    doc = analyse("Prosecutors are expected to file murder charges later this week. The United "
                  "States has accused North Korea of supplying Russia with artillery shells.",
                  published=date(2024, 12, 9))
    assert [e.type for e in doc.events] == ["Accusation"]


def test_common_capitals_and_people_of_a_place_name_no_entity():
    doc = analyse("Board chairman Larry Kellner will not stand again, the company said after a "
                  "door panel blew off a 737 MAX jet. Officers found a fake ID. New York "
                  "officials said the suspect was held. NATO allies met in Vilnius.")
    labels = {e.label for e in doc.entities}
    assert not {"Board", "MAX", "ID", "New York"} & labels
    assert "NATO" in labels  # an acronym opening a sentence still names a body


def test_new_opening_a_sentence_is_part_of_the_place_name():
    gazetteer = pytest.importorskip("kg.linking").Gazetteer.load()
    assert [m.surface for m in gazetteer.scan("New York prosecutors are expected to act.")] \
        == []  # not "York"


def test_was_shot_is_a_shooting_and_an_arrest_s_day_is_not_the_crime_s():
    doc = analyse("Police arrested a man on Monday in connection with the fatal shooting of "
                  "Brian Thompson. Thompson was shot from behind early on Wednesday morning. "
                  "The film was shot in Morocco.", published=date(2024, 12, 9))
    shooting = one(doc, "Attack")
    assert shooting.time.value == "2024-12-04TMO"
    assert role(doc, shooting, "target") == ["Brian Thompson"]
    arrest = one(doc, "Arrest")
    assert arrest.time.value == "2024-12-09"


def test_a_toll_after_a_sentence_naming_the_invasion_is_not_the_invasion_s():
    doc = analyse("The city has been shelled almost constantly since the invasion began on 24 "
                  "February. Local officials say more than 600 civilians have been killed in "
                  "the region.", published=date(2022, 5, 14))
    invasion = next(e for e in doc.events if trigger(doc, e) == "invasion")
    assert invasion.fatalities is None


def test_a_strike_that_kills_is_a_strike_and_a_named_victim_stays_a_killing():
    doc = analyse("In Deir el-Balah, a strike on a house killed eight members of one family. "
                  "A lightning strike killed two hikers. A strike by bus drivers halted "
                  "services.", gazetteer=FakeGazetteer("Deir el-Balah"))
    strike = one(doc, "Attack")
    assert (trigger(doc, strike), strike.fatalities) == ("strike", 8)
    doc = analyse("Hamas leader Ismail Haniyeh was killed in an Israeli strike on his residence "
                  "in Tehran early on Wednesday, the group said.", published=date(2024, 7, 31))
    killing = one(doc, "Killing")
    assert role(doc, killing, "target") == ["Ismail Haniyeh"]


def test_a_closing_report_reaches_over_a_subordinate_clause_but_not_over_but():
    doc = analyse("Russian troops are withdrawing from the city, after weeks of heavy "
                  "bombardment, Ukraine's military says. Troops advanced on Monday, but the "
                  "shelling went on, officials said.", published=date(2022, 5, 14))
    withdrawal = one(doc, "Withdrawal")
    assert (withdrawal.modality, entity_label(doc, withdrawal.according_to)) == \
        ("claimed", "Ukraine")
    assert one(doc, "Advance").modality == "asserted"


def test_forcing_people_to_flee_tells_the_flight_and_attempting_to_plans():
    doc = analyse("The fire raged north of the city on Monday, forcing thousands of people to "
                  "flee, officials said. Russian forces attempting to seize Kyiv in February "
                  "were pushed back.", published=date(2024, 8, 12))
    flight = one(doc, "Evacuation")
    assert flight.modality == "claimed"
    seizure = one(doc, "TerritoryTaken")
    assert (seizure.modality, role(doc, seizure, "agent")) == ("planned", ["Russian Armed Forces"])


def test_a_visitor_meets_and_leaves_and_inspects_what_was_destroyed():
    doc = analyse("Zelensky was shown inspecting destroyed buildings in Kharkiv. He also met "
                  "the head of the regional administration, Oleh Synehubov. Hours after he "
                  "left, Russian forces shelled the city again.", published=date(2022, 5, 29))
    assert sorted(e.type for e in doc.events) == ["Meeting", "ShellingMissileAttack"]


def test_ship_names_and_a_pronoun_of_another_clause_and_no_date_across_a_blank_line():
    doc = analyse("Strike on mall kills at least 18\n\nJune 28 - The garrison refused to "
                  "surrender to the Russian warship Moskva. The ministry said it had struck a "
                  "depot and that the ammunition detonated.", published=date(2022, 6, 28),
                  gazetteer=FakeGazetteer("Moskva"))
    assert [t.text for t in doc.timexes] == ["June 28"]  # not "18\n\nJune"
    assert "Moskva" not in [e.label for e in doc.entities]
    blast = one(doc, "Explosion")
    assert role(doc, blast, "agent") == []


def test_soldiers_being_killed_kill_nobody_and_ordinals_and_advanced_weapons_tell_nothing():
    doc = analyse("Ukrainian officials said on Thursday that up to 100 Ukrainian soldiers were "
                  "being killed every day. It was the third attack on Kyiv in a week. The "
                  "package includes advanced rocket systems, the Pentagon said.",
                  published=date(2022, 6, 3))
    # (a rate, "100 killed every day", is no event's toll, and no one's killing)
    assert events_of(doc, "CasualtiesReport") == [] and events_of(doc, "Killing") == []
    assert events_of(doc, "Attack") == [] and events_of(doc, "Advance") == []


def test_a_title_in_the_lead_is_not_a_holder_named_paragraphs_later():
    doc = analyse("Ukrainian forces have pushed Russian troops back to the border, the region's "
                  "governor said on Monday.\n\nIn the west, Russian missiles struck a depot "
                  "overnight, regional governor Maksym Kozytskyy said.",
                  published=date(2022, 5, 16))
    advance = one(doc, "Advance")
    assert entity_label(doc, advance.according_to) != "Maksym Kozytskyy"
    strike = one(doc, "ShellingMissileAttack")
    assert entity_label(doc, strike.according_to) == "Maksym Kozytskyy"


def test_an_escape_before_another_clause_denies_nothing_in_it():
    doc = analyse("Hundreds of inmates escape as gangs storm the main prison of the capital "
                  "on Saturday, the police said.")
    attack = one(doc, "Attack")
    assert attack.modality == "claimed"


def test_lakes_governed_provinces_and_penitentiaries_are_places_and_the_drowned_count():
    doc = analyse("At least 78 people drowned when a boat capsized on Lake Kivu on Thursday, "
                  "according to the governor of North Kivu, who said ten people survived. "
                  "Gangs later stormed the National Penitentiary in the capital.",
                  published=date(2024, 10, 4))
    kinds = {e.label: e.kind for e in doc.entities}
    assert kinds["Lake Kivu"] == kinds["North Kivu"] == "place"
    assert kinds["National Penitentiary"] == "place"
    accident = one(doc, "Accident")
    assert (accident.fatalities, places(doc, accident)) == (78, ["Lake Kivu"])


def test_threats_to_commit_and_evidence_to_make_an_arrest_are_no_facts_nor_is_a_charge():
    doc = analyse("The boy had been questioned last year about threats to commit a school "
                  "shooting, but there was not enough evidence to make an arrest. Another "
                  "student made threats to attack a school. He will be charged with murder, "
                  "the sheriff said.", published=date(2024, 9, 6))
    assert events_of(doc, "Killing") == []  # "charged with murder" names the charge
    assert {(trigger(doc, e), e.modality) for e in doc.events
            if e.type in ("Attack", "Arrest") and e.modality != "planned"} == set()


def test_a_suspect_surrendering_to_police_is_arrested_a_garrison_surrendering_is_defeated():
    doc = analyse("The gunman surrendered to police after a standoff on Tuesday. Later that "
                  "week the garrison surrendered to Russian forces.")
    assert sorted(e.type for e in doc.events) == ["Arrest", "MilitaryVictory"]


def test_a_county_after_a_city_name_is_not_the_city_and_a_sheriff_is_a_title():
    doc = analyse("Barrow County Sheriff Jud Smith said the suspect was arrested on Wednesday.",
                  gazetteer=FakeGazetteer("Barrow"))
    kinds = {e.label: e.kind for e in doc.entities}
    assert kinds == {"Barrow County": "place", "Jud Smith": "person"}
    assert all(e.geonames is None for e in doc.entities)


def test_a_surname_in_the_lead_and_a_family_name_written_first_join_the_full_name():
    doc = analyse("Lawmakers voted against President Fico on Saturday. Robert Fico said he "
                  "would appeal.\n\nIn Seoul, lawmakers voted to impeach President Yoon. Yoon "
                  "Suk Yeol said he would fight on.", published=date(2024, 12, 14))
    people = sorted(e.label for e in doc.entities if e.kind == "person")
    assert people == ["Robert Fico", "Yoon Suk Yeol"]
    impeachment = next(e for e in doc.events if trigger(doc, e) == "impeach")
    assert impeachment.modality == "asserted"  # a vote to impeach impeaches


def test_every_country_of_a_list_with_articles_speaks_and_an_also_tells_another_event():
    doc = analyse("South Korea, the United States and Japan condemned the launch on Thursday. "
                  "The suspect surrendered and was taken into custody, the police said. On "
                  "Thursday his father was also arrested and charged with manslaughter.",
                  published=date(2024, 10, 31))
    condemned = next(e for e in doc.events if trigger(doc, e) == "condemned")
    assert sorted(role(doc, condemned, "speaker")) == [
        "Japan", "South Korea", "United States"]
    assert len(events_of(doc, "Arrest")) == 2


def test_a_company_before_its_staff_a_rejected_deal_and_a_walkout_and_a_titled_victim():
    doc = analyse("Thousands of Acmecorp machinists walked off the job on Friday after "
                  "voting to reject the deal, the first strike at Acmecorp since 2008. "
                  "Acmecorp chief executive Jane Doerr said talks would resume. Police are "
                  "investigating the shooting of Globex CEO Hank Scorpio on Monday.")
    kinds = {e.label: e.kind for e in doc.entities}
    assert kinds["Acmecorp"] == kinds["Globex"] == "organization"
    assert one(doc, "Agreement").modality == "negated"
    strike = next(e for e in doc.events if trigger(doc, e) == "walked off the job")
    assert strike.type == "Protest" and strike.modality == "asserted"
    assert role(doc, one(doc, "Attack"), "target") == ["Hank Scorpio"]


def test_named_fires_are_events_regions_open_with_a_compass_and_the_forced_do_flee():
    doc = analyse("Wildfire forces tens of thousands to flee homes\n\nThe Palisades Fire swept "
                  "through Southern California on Tuesday, forcing about 30,000 residents to "
                  "evacuate. Residents abandoned their cars and fled on foot.",
                  published=date(2025, 1, 8))
    kinds = {e.label: e.kind for e in doc.entities}
    assert "Palisades Fire" not in kinds and kinds["Southern California"] == "place"
    assert {e.type for e in doc.events} == {"Wildfire", "Evacuation"}
    assert all(e.modality == "asserted" for e in doc.events)
    assert role(doc, one(doc, "Wildfire"), "agent") == []


def test_the_route_of_a_journey_is_not_where_the_crash_happened():
    doc = analyse("A passenger jet flying from Baku to Grozny in Russia crashed near Aktau in "
                  "Kazakhstan on Wednesday, killing 38 people.", published=date(2024, 12, 25),
                  gazetteer=FakeGazetteer("Baku", "Grozny", "Aktau"))
    crash = one(doc, "Accident")
    assert places(doc, crash) == ["Aktau"] and crash.fatalities == 38


def test_rebels_entering_a_capital_advance():
    doc = analyse("Rebels entered Damascus unopposed early on Sunday, residents said.",
                  published=date(2024, 12, 8))
    entry = one(doc, "Advance")
    assert places(doc, entry) == ["Damascus"]


def test_a_helicopter_going_down_counts_those_on_board_and_joins_the_crash_in_the_country():
    doc = analyse("Iran's president was killed when his helicopter crashed in the mountains of "
                  "northwest Iran, state media said on Monday.\n\nThe helicopter went down on "
                  "Sunday afternoon near the town of Varzaqan. All eight people on board died, "
                  "officials said. A presidential election must be held within 50 days.",
                  published=date(2024, 5, 20))
    crash = one(doc, "Accident")
    assert (crash.fatalities, crash.time.value) == (8, "2024-05-19TAF")
    assert one(doc, "Election").modality == "planned"


def test_expelled_diplomats_a_hijacked_ship_and_a_bankruptcy_filing():
    doc = analyse("Germany expelled two Russian diplomats on Wednesday. Rebels hijacked the "
                  "Galaxy Leader, a car carrier owned by a British company, on Sunday. The "
                  "retailer filed for bankruptcy protection on Monday.",
                  published=date(2024, 3, 14))
    assert events_of(doc, "TerritoryRetaken") == []
    labels = sorted(e.label.split(" by ")[0].split(" on ")[0] for e in doc.events)
    assert labels == ["Bankruptcy filing", "Expulsion", "Hijacking"], labels
    assert "Galaxy Leader" not in [e.label for e in doc.entities]


def test_an_event_noun_before_a_future_predicate_is_planned():
    doc = analyse("Talks will take place in Geneva, officials said. A "
                  "new vote must be held, the court ruled. The attack will be investigated by "
                  "police.", published=date(2024, 3, 14))
    assert {(e.type, e.modality) for e in doc.events} == {
        ("Negotiation", "planned"), ("Election", "planned"), ("Attack", "asserted")}


def test_the_convicted_are_targets_and_a_house_before_its_speaker_is_a_chamber():
    doc = analyse("A federal jury on Thursday convicted former Illinois House Speaker Michael "
                  "Madigan of bribery. The judge sentenced Rod Blagojevich to 14 years in "
                  "prison on Friday.",
                  published=date(2025, 2, 13))
    kinds = {e.label: e.kind for e in doc.entities}
    assert kinds["Illinois House"] == "organization"
    targets = sorted(t for e in doc.events for t in role(doc, e, "target"))
    assert targets == ["Michael Madigan", "Rod Blagojevich"]


def test_a_match_report_and_a_market_report_tell_no_war():
    doc = analyse("Real Madrid beat Borussia Dortmund 2-0 in the Champions League final at "
                  "Wembley on Saturday, securing the Spanish club's 15th European title. Kroos "
                  "played his last match before the European Championship.\n\nNEW YORK (Reuters) "
                  "- Brent crude rose $1.80 to $83.20 a barrel on Tuesday.",
                  published=date(2024, 6, 2), gazetteer=FakeGazetteer("Brent", "Wembley"))
    assert doc.events == []
    kinds = {e.label: e.kind for e in doc.entities}
    assert "Champions League" not in kinds and "European Championship" not in kinds
    assert "Brent" not in kinds and kinds["New York"] == "place"


def test_prizes_accords_beaches_and_a_country_in_an_age():
    doc = analyse("He won the Nobel Peace Prize and brokered the Camp David Accords. The "
                  "invasion opened a front against Nazi Germany. Leaders met above Omaha Beach "
                  "on Thursday.", published=date(2024, 6, 6))
    kinds = {e.label: e.kind for e in doc.entities}
    assert kinds == {"Nazi Germany": "place", "Omaha Beach": "place"}


def test_bylines_and_trailers_name_the_reporters_and_tell_no_event():
    text = ("Drone attack on port kills two\n\nBy Anna Kovalenko\n\nKYIV, Nov 17 (Reuters) - A "
            "drone attack on Odesa overnight killed two people, the governor said.\n\n"
            "(Reporting by Anna Kovalenko; Additional reporting by Max Hunder in London; "
            "Editing by Tom Balmforth)\n\n___\n\nAssociated Press writer Riaz Khan in Peshawar "
            "contributed to this report.")
    doc = analyse(text, published=date(2024, 11, 17),
                  gazetteer=FakeGazetteer("Anna", "Odesa", "London", "Peshawar"))
    kinds = {e.label: e.kind for e in doc.entities}
    assert {"Anna Kovalenko", "Max Hunder", "Tom Balmforth", "Riaz Khan"} <= set(kinds)
    assert all(kinds[n] == "person" for n in ("Anna Kovalenko", "Max Hunder", "Riaz Khan"))
    assert "London" not in kinds and "Peshawar" not in kinds and "Anna" not in kinds
    assert [e.type for e in doc.events] == ["ShellingMissileAttack"]


def test_a_feared_offensive_is_uncertain_a_toll_feared_is_not_and_should_is_a_condition():
    doc = analyse("Residents fear a new offensive in the spring. At least 20 people are feared "
                  "dead after the quake on Monday. Should the talks fail, fighting could "
                  "resume.", published=date(2024, 3, 14))
    assert one(doc, "Attack").modality == "hedged"
    assert one(doc, "Earthquake").modality == "asserted"
    assert one(doc, "Negotiation").modality == "hedged"


def test_forces_abandoning_a_city_withdraw_and_a_closing_said_is_no_plan():
    doc = analyse("Investigators found graves near Izium, which Russian forces abandoned last "
                  "week, officials said on Friday.\n\nOleh Synehubov said most of the dead were "
                  "civilians. Exhumations began on Friday and would take about two weeks, he "
                  "said.", published=date(2022, 9, 16))
    withdrawal = one(doc, "Withdrawal")
    assert (withdrawal.time.value, places(doc, withdrawal)) == ("2022-W36", ["Izium"])
    statements = events_of(doc, "Statement")
    assert len(statements) == 1 and statements[0].modality == "asserted"


def test_troops_killing_a_named_leader_is_a_killing_of_that_person():
    doc = analyse("Two days earlier, Israel said its troops had killed Hamas leader Yahya "
                  "Sinwar in a gunfight in Rafah.\n\nThree soldiers were killed Tuesday "
                  "near Bakhmut.", published=date(2024, 10, 19))
    killing = one(doc, "Killing")
    assert role(doc, killing, "target") == ["Yahya Sinwar"]
    assert killing.modality == "claimed"
    assert one(doc, "CasualtiesReport").fatalities == 3


def test_who_speaks_of_protests_is_no_protester_and_a_hijacking_needs_a_vehicle():
    doc = analyse("President William Ruto said the protests had been hijacked by dangerous "
                  "people. Gunmen hijacked a bus near the border on Monday.",
                  published=date(2024, 6, 26))
    protest = one(doc, "Protest")
    assert role(doc, protest, "participant") == []
    assert [trigger(doc, e) for e in doc.events if e.type == "Other"] == ["hijacked"]
    assert sum(e.type == "Other" for e in doc.events) == 1


def test_a_withdrawal_from_a_plant_is_no_withdrawn_plan():
    doc = analyse("Russia withdrew its troops from the plant on Monday. The government "
                  "withdrew its plan on Tuesday. Staff began the evacuation of the plant.",
                  published=date(2024, 3, 14))
    assert [trigger(doc, e) for e in doc.events] == ["withdrew", "evacuation"]


def test_winds_do_not_make_a_landslide_an_election_win():
    doc = analyse("Strong winds and rain triggered a landslide that buried ten homes on "
                  "Monday. The ruling party won the election by a landslide.",
                  published=date(2024, 3, 14))
    assert [(e.type, trigger(doc, e)) for e in doc.events] == [
        ("Flood", "landslide"), ("Election", "election")]


def test_review_cases_keep_what_the_rules_of_this_stop_must_not_take():
    # places and people the "City, Region" and "the X" rules must leave alone
    doc = analyse("After Russian missiles struck Lviv, Poland scrambled jets. At a gala in "
                  "Paris, Victoria Beckham said she was delighted. Survivors of the Beirut port "
                  "explosion protested.", published=date(2024, 3, 14),
                  gazetteer=FakeGazetteer("Lviv", "Paris", "Beirut"))
    kinds = {e.label: e.kind for e in doc.entities}
    assert kinds.get("Victoria Beckham") == "person" and kinds.get("Beirut") == "place"
    assert "Victoria" not in kinds
    # a named killing needs a person; other counts of the sentence stay
    doc = analyse("Israeli airstrikes killed Palestinian civilians in Rafah, killing at least "
                  "20 people. An Israeli strike killed Hezbollah fighters in Lebanon.",
                  published=date(2024, 3, 14))
    assert events_of(doc, "Killing") == []
    assert one(doc, "AirStrike").fatalities == 20
    # modality cues that must not reach too far
    doc = analyse("Rebuilding after the earthquake could take years. Western governments "
                  "rejected the annexation of Crimea. Residents live in fear since the "
                  "massacre in the village. Experts said the plane must have crashed.",
                  published=date(2024, 3, 14))
    assert one(doc, "Earthquake").modality == "asserted"
    assert one(doc, "TerritoryTaken").modality == "asserted"
    assert one(doc, "Killing").modality == "asserted"
    assert one(doc, "Accident").modality == "hedged"  # a guess, no plan


def test_review_cases_of_words_with_another_sense():
    doc = analyse("Boos from the 40,000 drowned out the anthem. Jet fuel prices went down "
                  "sharply on Monday. Flights were cancelled by Wizz Air, a low-cost carrier. "
                  "UNICEF (the UN children's agency) said schools had reopened. Netanyahu "
                  "spokesman Omer Dostri said talks would resume. Russian forces abandoned plans "
                  "to storm the capital.", published=date(2024, 3, 14))
    assert {e.type for e in doc.events} <= {"Statement", "Negotiation", "Attack",
                                             "RestorationOfServices"}
    kinds = {e.label: e.kind for e in doc.entities}
    assert kinds.get("Wizz Air") == "organization" and kinds.get("UNICEF") != "place"
    assert kinds.get("Netanyahu") != "organization"
    assert "Air And Sea" not in {e.label for e in analyse(
        "By Air And Sea, Israel Strikes Houthi Ports\n\nIsraeli jets struck the port of "
        "Hodeidah on Sunday.").entities}


def test_second_review_cases():
    # people from a country meet somewhere else
    doc = analyse("Officials from the UAE met Sudanese army leaders in Port Sudan on Monday.",
                  published=date(2024, 3, 14), gazetteer=FakeGazetteer("Port Sudan"))
    assert places(doc, one(doc, "Meeting")) == ["Port Sudan"]
    # an offensive asked to halt goes on; a feared consequence is no fear of the event; an
    # agreement already signed is not undone by its rejection
    doc = analyse("Israel should halt its offensive, the UN said. Residents fear the attack on "
                  "the dam will cause flooding. The opposition rejected the ceasefire agreement "
                  "signed by the government.", published=date(2024, 3, 14))
    modalities = {e.type: e.modality for e in doc.events}
    assert modalities["Attack"] in ("claimed", "asserted")
    assert modalities["Ceasefire"] == "asserted"
    assert all(e.modality != "hedged" for e in doc.events if e.type == "Attack")


def test_later_before_a_verb_is_an_adverb():
    doc = analyse("A judge later sentenced Rod Blagojevich to 14 years in prison.",
                  published=date(2024, 3, 14))
    assert role(doc, one(doc, "Other"), "target") == ["Rod Blagojevich"]


def test_a_time_in_the_source_phrase_dates_the_source_not_the_event():
    doc = analyse("Faye won Senegal's presidential election in the first round, according to "
                  "provisional results released on Monday. Turnout in Sunday's vote was 61%.",
                  published=date(2024, 3, 25))
    election = one(doc, "Election")
    assert election.time.value == "2024-03-24"


def test_a_cooperation_is_an_organisation():
    doc = analyse("The two leaders met on the sidelines of the Asia-Pacific Economic Cooperation "
                  "summit on Wednesday.", published=date(2023, 11, 16))
    kinds = {e.label: e.kind for e in doc.entities}
    assert kinds["Asia-Pacific Economic Cooperation"] == "organization"


def test_a_state_in_a_name_says_nothing_and_an_apposition_keeps_the_city():
    doc = analyse("The United States expelled two Russian diplomats on Monday. The RSF shelled "
                  "a hospital in El Fasher, the capital of North Darfur state, on Friday, "
                  "killing at least 30 people. Rebels captured Lashio, Shan state, in August.",
                  published=date(2024, 10, 26),
                  gazetteer=FakeGazetteer("El Fasher", "North Darfur", "Lashio"))
    expulsion = next(e for e in doc.events if trigger(doc, e) == "expelled")
    assert expulsion.modality == "asserted"  # "States" is no "states" of saying
    shelling = one(doc, "ShellingMissileAttack")
    assert (places(doc, shelling), shelling.time.value) == (["El Fasher"], "2024-10-25")
    assert one(doc, "TerritoryTaken").time.value == "2024-08"


def test_a_named_victim_before_an_apposition_is_killed():
    doc = analyse("Lieutenant General Igor Kirillov, the head of Russia's chemical protection "
                  "troops, was killed on Tuesday when a bomb exploded outside his building.",
                  published=date(2024, 12, 18))
    killing = one(doc, "Killing")
    assert role(doc, killing, "target") == ["Igor Kirillov"]
    assert killing.time.value == "2024-12-17"


def test_a_relative_clause_before_the_verb_of_saying_neither_speaks_nor_is_said():
    doc = analyse("U.S. Secretary of State Antony Blinken said on Friday that Washington would "
                  "not recognise the takeover.", published=date(2023, 7, 28))
    assert role(doc, one(doc, "Statement"), "speaker") == ["Antony Blinken"]
    doc = analyse("Soldiers who detained President Mohamed Bazoum said on national television "
                  "late Wednesday that they had seized power.", published=date(2023, 7, 27))
    coup = next(e for e in doc.events if trigger(doc, e) == "seized power")
    assert coup.according_to is None and role(doc, coup, "agent") == []
    doc = analyse("Volodymyr Zelensky, who met Joe Biden in Kyiv on Monday, said Russian "
                  "forces had attacked Kharkiv.", published=date(2024, 3, 14))
    assert entity_label(doc, one(doc, "Attack").according_to) == "Volodymyr Zelensky"
    meeting = one(doc, "Meeting")
    assert (meeting.modality, meeting.according_to) == ("asserted", None)


def test_a_countrys_or_groups_title_holder_is_the_target():
    doc = analyse("Soldiers detained Niger's President Mohamed Bazoum at the palace on "
                  "Wednesday.", published=date(2023, 7, 27))
    assert role(doc, one(doc, "Arrest"), "target") == ["Mohamed Bazoum"]
    doc = analyse("Israel killed Hamas's leader Yahya Sinwar in Gaza, the army said on "
                  "Thursday.", published=date(2024, 10, 18))
    killing = one(doc, "Killing")
    assert role(doc, killing, "target") == ["Yahya Sinwar"]
    assert {e.label: e.kind for e in doc.entities}["Hamas"] == "organization"


def test_a_ship_named_in_apposition_is_no_place():
    doc = analyse("The ship, the Dali, had left the port of Baltimore at about 1 a.m. and "
                  "rammed into a support column of the bridge on Tuesday.",
                  published=date(2024, 3, 26), gazetteer=FakeGazetteer("Dali", "Baltimore"))
    assert {e.label for e in doc.entities if e.kind == "place"} == {"Baltimore"}
    assert one(doc, "Accident").time.value == "2024-03-26"


def test_ramming_a_crowd_is_an_attack_and_rams_fans_are_not():
    doc = analyse("The driver rammed the car into a crowd of people on Bourbon Street on "
                  "Wednesday.", published=date(2025, 1, 2))
    assert one(doc, "Attack").label.startswith("Ramming attack")
    doc = analyse("Rams fans crowded into the stadium on Sunday to watch the game.",
                  published=date(2024, 3, 14))
    assert doc.events == []


def test_a_place_after_neighbouring_and_a_spa_are_places_and_a_staff_credit_no_person():
    doc = analyse("By Staff Reporter\n\nThree people died in neighbouring Castilla-La Mancha "
                  "on Tuesday. The nearby Blue Lagoon spa closed its doors on Monday.",
                  published=date(2024, 3, 14))
    kinds = {e.label: e.kind for e in doc.entities}
    assert kinds["Castilla-La Mancha"] == "place"
    assert kinds["Blue Lagoon"] != "person"
    assert "Staff Reporter" not in kinds


def test_a_phrasal_verb_with_its_object_between_verb_and_particle():
    doc = analyse("Ukraine pulled its troops out of Avdiivka on Saturday to avoid "
                  "encirclement.", published=date(2024, 2, 17),
                  gazetteer=FakeGazetteer("Avdiivka"))
    withdrawal = one(doc, "Withdrawal")
    assert (places(doc, withdrawal), withdrawal.modality) == (["Avdiivka"], "asserted")
    doc = analyse("Rescuers pulled survivors out of the rubble in Antakya on Saturday.",
                  published=date(2024, 2, 17), gazetteer=FakeGazetteer("Antakya"))
    assert events_of(doc, "Withdrawal") == []


def test_a_stalled_package_is_not_yet_given():
    doc = analyse("Ukraine faces shortages of shells while a $60 billion U.S. aid package is "
                  "stalled in Congress.", published=date(2024, 2, 17))
    assert one(doc, "AidDelivery").modality == "planned"


def test_a_hyphenated_modifier_names_nobody_and_an_english_town_is_no_name():
    doc = analyse("A teenager attacked a Taylor Swift-themed dance class in the northern "
                  "English town of Southport on Monday, police said.",
                  published=date(2024, 7, 30), gazetteer=FakeGazetteer("Southport"))
    assert {e.label for e in doc.entities} == {"Southport"}
    attack = one(doc, "Attack")
    assert (places(doc, attack), role(doc, attack, "target")) == (["Southport"], [])
    doc = analyse("Acting President Choi Sang-mok declared a week of national mourning on "
                  "Sunday.", published=date(2024, 12, 29))  # a name, no modifier
    assert role(doc, one(doc, "Announcement"), "speaker") == ["Choi Sang-mok"]


def test_where_a_suspect_comes_from_is_not_where_he_was_arrested():
    doc = analyse("A 17-year-old boy from the nearby village of Banks was arrested at the "
                  "scene in Southport on Monday, police said.", published=date(2024, 7, 30),
                  gazetteer=FakeGazetteer("Southport", "Banks"))
    assert places(doc, one(doc, "Arrest")) == ["Southport"]


def test_a_name_in_a_hyphenated_modifier_is_neither_object_nor_place_nor_subject():
    doc = analyse("A missile fired by Houthi rebels struck a Barbados-flagged bulk carrier in "
                  "the Gulf of Aden on Wednesday, killing three crew members.",
                  published=date(2024, 3, 7), gazetteer=FakeGazetteer("Barbados", "Gulf of Aden"))
    strike = one(doc, "ShellingMissileAttack")
    assert (places(doc, strike), role(doc, strike, "target")) == (["Gulf of Aden"], [])
    doc = analyse("Iran-backed militias attacked a base in Syria on Monday. Russia-backed "
                  "separatists said on Tuesday they had captured the town.",
                  published=date(2024, 3, 7))
    assert role(doc, one(doc, "Attack"), "agent") == []
    assert role(doc, one(doc, "TerritoryTaken"), "agent") == []


def test_where_leaders_speak_is_not_where_the_attack_was():
    doc = analyse("Leaders across Europe condemned the attack on the prime minister on "
                  "Wednesday.", published=date(2024, 5, 15), gazetteer=FakeGazetteer("Europe"))
    assert places(doc, one(doc, "Attack")) == []


def test_a_subordinate_clause_has_a_subject_of_its_own():
    doc = analyse("Sheikh Hasina resigns and flees country as protesters storm her residence\n\n"
                  "Thousands of protesters stormed her official residence in Dhaka on Monday.",
                  published=date(2024, 8, 5), gazetteer=FakeGazetteer("Dhaka"))
    storming = one(doc, "Attack")
    assert (role(doc, storming, "agent"), places(doc, storming)) == ([], ["Dhaka"])


def test_a_verb_of_saying_after_another_verbs_passive_is_active():
    doc = analyse("Army chief General Waker-Uz-Zaman said an interim government would be formed "
                  "and promised that the military would investigate the killings.",
                  published=date(2024, 8, 5))
    statements = events_of(doc, "Statement")
    assert statements and all(role(doc, s, "speaker") == ["Waker-Uz-Zaman"]
                              for s in statements)


def test_the_attack_refers_to_the_main_event_not_to_a_campaign_in_a_since_clause():
    doc = analyse("A missile struck a bulk carrier in the Gulf of Aden on Wednesday, killing "
                  "three crew members, the first deaths since the group began attacking "
                  "shipping in November. The attack also wounded four people.",
                  published=date(2024, 3, 7))
    strike = one(doc, "ShellingMissileAttack")
    assert (strike.time.value, strike.fatalities, strike.injured) == ("2024-03-06", 3, 4)


def test_an_ocean_adjective_and_a_name_after_the_are_no_place_and_no_person():
    doc = analyse("Rioting in the Pacific territory left four people dead on Wednesday. The "
                  "attack on the True Confidence wounded four people on Thursday.",
                  published=date(2024, 5, 16))
    kinds = {e.label: e.kind for e in doc.entities}
    assert "Pacific" not in kinds and kinds["True Confidence"] != "person"


def test_a_possessor_after_a_number_of_is_no_title():
    doc = analyse("Opposition leader Venancio Mondlane called for protests. Two of Mondlane's "
                  "allies were shot dead in Maputo on Oct. 19.", published=date(2024, 11, 7),
                  gazetteer=FakeGazetteer("Maputo"))
    assert role(doc, one(doc, "Killing"), "target") == []


def test_control_of_a_place_is_taken_there_and_a_toll_does_not_date_its_quake():
    doc = analyse("M23 rebels said on Monday they had taken control of Goma, the biggest city "
                  "in eastern Congo.", published=date(2025, 1, 27),
                  gazetteer=FakeGazetteer("Goma", "Congo"))
    assert places(doc, one(doc, "TerritoryTaken")) == ["Goma"]
    doc = analyse("The death toll from the strongest earthquake to hit Morocco in a century "
                  "rose to 2,012 on Sunday. The quake struck late on Friday.",
                  published=date(2023, 9, 10))
    assert one(doc, "Earthquake").time.value.startswith("2023-09-08")


def test_a_strike_in_scare_quotes_and_the_barrage_it_answers_are_two_events():
    doc = analyse('Israel\'s military said it carried out "precise strikes" on military targets '
                  "in Iran early Saturday, in retaliation for the barrage of ballistic missiles "
                  "Iran fired at Israel earlier this month.", published=date(2024, 10, 26))
    strikes = next(e for e in doc.events if trigger(doc, e) == "strikes")
    barrage = next(e for e in doc.events if trigger(doc, e) == "barrage")
    assert (places(doc, strikes), strikes.time.value) == (["Iran"], "2024-10-26")
    assert places(doc, barrage) == ["Israel"] and barrage.time.value != "2024-10-26"


def test_a_count_past_an_adjective_and_a_weapon_name_is_no_target():
    doc = analyse("At least 13 foreign peacekeepers were killed in fighting with the rebels last "
                  "week, the United Nations said.", published=date(2025, 1, 27))
    assert one(doc, "ArmedClash").fatalities == 13
    doc = analyse("Ukraine fired ATACMS missiles at a military facility in the Bryansk region on "
                  "Tuesday, Russia's defence ministry said.", published=date(2024, 11, 19))
    assert role(doc, one(doc, "ShellingMissileAttack"), "target") == []


def test_a_titled_spokesman_says_what_he_warned():
    doc = analyse("Israeli military spokesman Rear Adm. Daniel Hagari said the strikes were over "
                  "and warned that Israel would respond.", published=date(2024, 10, 26))
    assert all(role(doc, s, "speaker") == ["Daniel Hagari"]
               for s in events_of(doc, "Statement"))
    assert "Rear" not in {e.label for e in doc.entities}


def test_a_rally_where_defeat_is_conceded_is_no_protest_and_targets_are_no_verb():
    doc = analyse("Hou Yu-ih conceded defeat at a rally in New Taipei on Saturday. The military "
                  "hit military targets in the region on Sunday.", published=date(2024, 1, 14))
    assert events_of(doc, "Protest") == [] and events_of(doc, "Attack") == []
    doc = analyse("Lai Ching-te of the Democratic Progressive Party won, and Hou Yu-ih of the "
                  "Kuomintang came second.", published=date(2024, 1, 14))
    kinds = {e.label: e.kind for e in doc.entities}
    assert kinds["Hou Yu-ih"] == "person" and kinds["Lai Ching-te"] == "person"


def test_no_before_a_modified_event_noun_denies_it():
    doc = analyse("No radiation leak was detected at the plant, the agency said on Saturday. "
                  "There was no immediate comment on the attack from Moscow.",
                  published=date(2022, 8, 6))
    assert one(doc, "Accident").modality == "negated"
    assert one(doc, "Attack").modality != "negated"


def test_a_victim_named_before_a_long_apposition_is_killed():
    doc = analyse("Darya Dugina, the daughter of Russian nationalist philosopher Alexander Dugin, "
                  "was killed when the car she was driving exploded on Saturday night.",
                  published=date(2022, 8, 22))
    assert role(doc, one(doc, "Killing"), "target") == ["Darya Dugina"]


def test_a_link_to_another_story_tells_no_event():
    doc = analyse("Fighters leave steel plant\n\nMore than 260 soldiers were evacuated from the "
                  "steelworks on Monday, the military said.\n\nREAD MORE: Russia says it has "
                  "captured Mariupol\n\nRelated: Zelensky visits troops in Kharkiv",
                  published=date(2022, 5, 17))
    assert events_of(doc, "TerritoryTaken") == [] and events_of(doc, "Visit") == []


def test_a_country_whose_military_speaks_and_a_continent_where_a_plant_ranks():
    doc = analyse("More than 260 soldiers were evacuated from the steelworks in Mariupol, "
                  "Ukraine's military said on Tuesday. Militia fighters clashed in Tripoli, "
                  "Libya's capital, overnight.", published=date(2022, 5, 17),
                  gazetteer=FakeGazetteer("Mariupol", "Tripoli"))
    assert places(doc, one(doc, "Evacuation")) == ["Mariupol"]
    assert places(doc, one(doc, "ArmedClash")) == ["Tripoli", "Libya"]
    doc = analyse("The agency said shelling at Europe's largest nuclear power plant on Friday "
                  "damaged a power line.", published=date(2022, 8, 6),
                  gazetteer=FakeGazetteer("Europe"))
    assert places(doc, one(doc, "ShellingMissileAttack")) == []


def test_a_participle_after_and_shares_the_passive_only_without_an_object():
    doc = analyse("Evan Gershkovich, a Wall Street Journal reporter, was arrested in March 2023 "
                  "and sentenced to 16 years in July.", published=date(2024, 8, 2))
    sentencing = next(e for e in doc.events if trigger(doc, e) == "sentenced")
    assert (role(doc, sentencing, "target"), role(doc, sentencing, "agent")) == \
        (["Evan Gershkovich"], [])
    doc = analyse("Russian forces were deployed in March and attacked Kharkiv in April.",
                  published=date(2024, 8, 2), gazetteer=FakeGazetteer("Kharkiv"))
    assert role(doc, one(doc, "Attack"), "agent") == ["Russian Armed Forces"]


def test_a_toll_since_a_date_is_no_count_of_the_days_attack():
    doc = analyse("More than 100 Palestinians were killed in Gaza City on Thursday, the health "
                  "ministry said, accusing Israeli forces of opening fire on the crowd. The "
                  "ministry said the death toll in Gaza since Oct. 7 had passed 30,000.",
                  published=date(2024, 2, 29))
    attack = one(doc, "Attack")
    assert attack.fatalities == 100
    assert entity_label(doc, attack.according_to) == "health ministry"  # who accuses


def test_crowds_around_trucks_encircle_nothing_and_leaving_dead_is_no_pullout():
    doc = analyse("Crowds surround aid trucks in Gaza City\n\nMilitia fighters clashed in "
                  "Tripoli overnight, leaving at least 55 dead.", published=date(2024, 2, 29))
    assert events_of(doc, "Encirclement") == [] and events_of(doc, "Withdrawal") == []


def test_a_protest_against_a_named_leader_has_him_as_target():
    doc = analyse("Thousands protested in Buenos Aires against President Javier Milei's "
                  "austerity measures on Monday.", published=date(2024, 3, 14))
    protest = one(doc, "Protest")
    assert (role(doc, protest, "target"), role(doc, protest, "participant")) == \
        (["Javier Milei"], [])
    assert protest.label.startswith("Protest against Javier Milei")


def test_a_date_after_since_dates_no_publication_and_a_guessed_month_no_night():
    from kg.temporal import infer_publication_date
    assert infer_publication_date("Odesa has come under attack since Russia launched its "
                                  "invasion in February 2022.") is None
    doc = analyse("Drones hit Odesa\n\nFighting resumed in March 2023. Russian drones struck "
                  "an apartment block in Odesa overnight, killing two people.", published=None)
    strike = one(doc, "ShellingMissileAttack")
    assert strike.time.precision != "part_of_day"  # no night of a guessed month


def test_review_of_the_fourteenth_stop_rules():
    """Sentences a review found the 49th-53rd batches' rules misread, each now right."""
    gaz = FakeGazetteer("Jenin", "Kharkiv", "Kherson", "Islamabad", "Libya", "Odesa",
                        "Nairobi", "Golan Heights", "Beirut", "Gaza", "Russia")
    def run(text):
        return analyse(text, published=date(2024, 8, 6), gazetteer=gaz)
    doc = run("Israeli special forces disguised as medical staff raided a hospital in Jenin on "
              "Tuesday.")
    assert role(doc, one(doc, "Attack"), "agent")  # "as" after a participle opens no clause
    doc = run("Officials in Kharkiv said the strike killed five people on Tuesday.")
    assert places(doc, one(doc, "Attack")) == ["Kharkiv"]  # "said" judges nothing
    doc = run("The investigation into the shooting is pending. The counteroffensive remains "
              "stalled.")
    assert all(e.modality != "planned" for e in doc.events)
    doc = run("Police said No Kings rallies in Nairobi were peaceful. Police told reporters a "
              "rally against the government in Nairobi turned violent.")
    assert len(events_of(doc, "Protest")) >= 1
    assert all(e.modality != "negated" for e in events_of(doc, "Protest"))
    doc = run("Rescuers pulled them out of the rubble alive. The deal was close, but "
              "Netanyahu blew it up.")
    assert events_of(doc, "Withdrawal") == [] and events_of(doc, "Explosion") == []
    doc = run("Western companies pulled out of Russia after the invasion.")
    assert places(doc, one(doc, "Attack")) == []  # "out of" places only the pullout
    doc = run("Israel struck Beirut on Tuesday, days after a rocket attack on the Golan Heights "
              "killed 12 children.\nThe attack also wounded 30 people.")
    rocket = next(e for e in doc.events if trigger(doc, e) == "rocket attack")
    assert (rocket.fatalities, rocket.injured) == (12, 30)
    doc = run("Israeli jets struck Hamas rocket launchers in Gaza on Sunday.")
    assert role(doc, one(doc, "ShellingMissileAttack"), "target") == ["Hamas"]
    doc = run("Gunmen attacked the Marriott resort in Islamabad on Saturday.")
    assert places(doc, one(doc, "Attack")) == ["Islamabad"]
    doc = run("The ruling party rammed through market reforms despite protests.")
    assert events_of(doc, "Attack") == []
    doc = run("Ukraine's military targets Russian oil refineries with long-range drones.")
    assert len(events_of(doc, "Attack")) == 1
    doc = run("Russian missiles hit Odesa, Ukraine's Black Sea port, on Monday.")
    assert places(doc, one(doc, "ShellingMissileAttack")) == ["Odesa", "Ukraine"]
    doc = run("Police foiled a plot to attack the Taylor Swift concert in Vienna.")
    assert {e.label: e.kind for e in doc.entities}["Taylor Swift"] == "person"
    doc = run('He said "we will retaliate" and Iran fired missiles at Israel on Monday.')
    assert one(doc, "ShellingMissileAttack").modality == "asserted"
    doc = run("Russian forces were repelled near Kharkiv and retreated to the border on "
              "Monday.")
    assert role(doc, one(doc, "Withdrawal"), "agent") == ["Russian Armed Forces"]


def test_an_election_landslide_and_a_canopy_collapse():
    doc = analyse("Sheinbaum elected Mexico's first woman president in landslide\n\nAt least 37 "
                  "candidates were killed during the campaign, a consulting firm said.",
                  published=date(2024, 6, 3))
    assert events_of(doc, "Flood") == []
    doc = analyse("A concrete canopy at the railway station in Novi Sad collapsed on Friday, "
                  "killing 14 people.", published=date(2024, 11, 2))
    assert one(doc, "Accident").fatalities == 14


def test_a_relative_that_clause_and_the_speaker_a_pronoun_continues():
    doc = analyse("A series of earthquakes that struck western Japan on Monday killed at least "
                  "48 people, damaged thousands of buildings and set off fires, officials "
                  "said.", published=date(2024, 1, 2))
    assert role(doc, one(doc, "Damage"), "agent") == []
    doc = analyse("Russia launched 188 drones at Ukraine overnight, Ukraine's air force said. It "
                  "said 76 drones had been shot down.", published=date(2024, 11, 26))
    # (what "It said" reports, the drones shot down, is the air force's claim)
    reported = next(e for e in doc.events if e.trigger_start > doc.article.text.index("It said"))
    assert (role(doc, reported, "speaker") if reported.type == "Statement" else
            [entity_label(doc, reported.according_to)]) == ["Ukraine Air Force"]


def test_the_month_may_is_no_hedge():
    doc = analyse("On the afternoon of 25 May, a guided aerial bomb struck a hypermarket in "
                  "Kharkiv. On 26 May, a missile strike damaged a printing house, killing seven "
                  "workers. Russia may launch a new offensive in May.",
                  published=date(2024, 5, 27))
    modalities = sorted(e.modality for e in doc.events)
    assert modalities.count("hedged") == 1, [(trigger(doc, e), e.modality) for e in doc.events]


def test_shells_to_supply_a_speaker_before_an_auxiliary_and_a_rate_are_no_events():
    doc = analyse("Kyiv would need far more artillery shells than its allies are currently "
                  "supplying. Ukraine's new commander, Oleksandr Syrskyi, has promised to rotate "
                  "exhausted units. Road accidents kill about three thousand people a year in "
                  "Peru.", published=date(2024, 2, 19))
    assert events_of(doc, "ShellingMissileAttack") == []
    assert events_of(doc, "Accident") == [] and events_of(doc, "CasualtiesReport") == []
    assert role(doc, one(doc, "Statement"), "speaker") == ["Oleksandr Syrskyi"]
    doc = analyse("Strike on school\n\nDEIR AL-BALAH, Gaza Strip (AP) — An Israeli airstrike "
                  "hit a school on Saturday.", published=date(2024, 7, 27))
    assert "Deir Al-Balah" in {e.label for e in doc.entities}


def test_a_byline_with_its_date_a_time_zone_and_a_subject_shared_across_and():
    doc = analyse("Ukraine pushes Russian forces back\n\nBy Tom Walker On 5/15/22 at 9:12 AM "
                  "EDT\n\nUkrainian troops have pushed Russian forces back from Kharkiv and "
                  "reached the border, the military said.\n\nUpdate 5/15/22, 10:30 a.m. ET: "
                  "This article has been updated.", published=date(2022, 5, 15))
    labels = {e.label: e.kind for e in doc.entities}
    assert labels.get("Tom Walker") == "person" and "Tom Walker On" not in labels
    assert "ET" not in labels
    assert all(role(doc, e, "agent") in ([], ["Armed Forces of Ukraine"])
               for e in events_of(doc, "Advance"))
    doc = analyse("Police arrested the suspect and charged him with murder.")
    assert events_of(doc, "Killing") == []


def test_review_of_the_fifty_fourth_to_fifty_sixth_batches():
    """Sentences a second review found the later rules misread, each now right."""
    gaz = FakeGazetteer("Rafah", "Dhaka", "Damascus", "Kharkiv", "Magdeburg", "Ohio",
                        "Pokrovsk", "Brussels", "Mai Mahiu")
    def run(text):
        return analyse(text, published=date(2024, 8, 6), gazetteer=gaz)
    doc = run("Earlier, Hamas's fighters, emerging from tunnels, attacked Israeli troops in "
              "Rafah.")
    assert role(doc, one(doc, "Attack"), "agent") == ["Hamas"]
    doc = run("Israel, which Hamas says bombed the school, rejected the accusation. It said it "
              "had struck a command centre.")
    assert all(role(doc, s, "speaker") != ["Hamas"] for s in events_of(doc, "Statement")
               if s.trigger_start > doc.article.text.index("It said"))
    doc = run("Prime Minister Sheikh Hasina resigned as protesters stormed her residence in "
              "Dhaka.")
    assert role(doc, one(doc, "Attack"), "agent") == []
    doc = run("A man rammed his car through a crowd at a Christmas market in Magdeburg, "
              "killing five.")
    assert len(events_of(doc, "Attack")) == 1
    doc = run("Trump told a rally in Ohio that Biden would start a war.")
    assert events_of(doc, "Protest") == []
    doc = run("Police said Russian troops had surrounded the town of Pokrovsk.")
    assert len(events_of(doc, "Encirclement")) == 1
    doc = run("Farmers protested against the EU's environmental rules in Brussels, with the "
              "FNSEA union joining the march.")
    assert "FNSEA" in role(doc, one(doc, "Protest"), "participant")
    doc = run("The death toll from the floods since Friday has risen to 45.")
    assert one(doc, "Flood").fatalities == 45
    doc = run("President William Ruto visited the site of the landslide in Mai Mahiu.")
    assert len(events_of(doc, "Flood")) == 1
    doc = run("Ukraine struck Russian military targets overnight.")
    assert all(role(doc, e, "agent") != ["Russia"] for e in doc.events)
    doc = run("Russian forces mined the dam and blew it up in June 2023.")
    assert len(events_of(doc, "Explosion")) == 1
    doc = run("The Golden Dawn trial ended in Athens.")
    assert {e.label: e.kind for e in doc.entities}.get("Golden Dawn") != "person"


def test_a_pronoun_opening_the_reported_clause_is_the_subject_after_and():
    doc = analyse("Ukraine's military said it had killed 300 Russian soldiers and destroyed 12 "
                  "tanks over the past day. Power was cut to 200,000 homes in Kharkiv after a "
                  "Russian strike on an energy facility on Tuesday, the governor said.",
                  published=date(2024, 7, 3))
    assert role(doc, one(doc, "Damage"), "agent") == ["Ukraine"]
    assert role(doc, one(doc, "Attack"), "agent") == ["Russia"]


def test_a_name_stops_before_an_adjective_of_a_noun():
    doc = analyse("The wildfire destroyed the historic town of Lahaina on the Hawaiian island of "
                  "Maui on Tuesday.", published=date(2023, 8, 13))
    assert places(doc, one(doc, "Wildfire")) == ["Lahaina"]


def test_review_of_the_fifty_seventh_to_sixtieth_batches():
    """Sentences a third review found the latest rules misread, each now right."""
    gaz = FakeGazetteer("Valencia", "Gaza", "Derna", "Rugeley", "London", "Dhaka", "Sanaa",
                        "Kyiv")
    def run(text, published=date(2024, 8, 6)):
        return analyse(text, published=published, gazetteer=gaz)
    doc = run("Floods\n\nBy Monday at least 40 people had died in the floods in Valencia, "
              "officials said.")
    assert one(doc, "Flood").fatalities == 40  # no byline
    doc = run("Israeli strikes kill 30 Palestinians in Gaza a day after the talks stalled.")
    assert one(doc, "Attack").fatalities == 30  # "a day after" is no rate
    doc = run("The death toll in Gaza since the war began has risen to 34,000, the ministry "
              "said.")
    assert doc.events == []  # an aggregate
    doc = run("The ruling party is heading for a landslide, according to projections.")
    assert events_of(doc, "Flood") == []
    doc = run("Floodwaters surrounded the town of Derna on Monday. Armed police surrounded a "
              "house in the village of Rugeley on Tuesday.")
    assert events_of(doc, "Encirclement") == []
    doc = run("A man rammed his car into pedestrians outside parliament in London on "
              "Wednesday.")
    assert len(events_of(doc, "Attack")) == 1
    doc = run("Thousands protested in Dhaka against the government led by Prime Minister "
              "Sheikh Hasina on Monday.")
    assert role(doc, one(doc, "Protest"), "participant") == []
    doc = run("Israel said it struck Gaza rocket launchers overnight.")
    assert places(doc, one(doc, "ShellingMissileAttack")) == ["Gaza"]
    doc = run("Rescuers found the soldiers under the rubble on Monday and pulled them out "
              "alive.")
    assert events_of(doc, "Withdrawal") == []
    doc = run("The Houthis, recognised as the de facto government in Sanaa, attacked a "
              "commercial ship on Monday.")
    assert role(doc, one(doc, "Attack"), "agent") == ["Houthis"]
    doc = run("Pilots at the airline announced a strike on an unprecedented scale for next "
              "week.")
    assert events_of(doc, "Attack") == []
    from kg.temporal import infer_publication_date
    assert infer_publication_date("Kharkiv has been under bombardment since Russia launched "
                                  "its full-scale invasion of Ukraine in February 2022.") is None


def test_review_of_the_third_reviews_fixes():
    """Sentences a fourth review found the third review's fixes misread, each now right."""
    gaz = FakeGazetteer("Krasnohorivka", "Gaza", "Belgorod", "Kharkiv", "Derna", "Vuhledar")
    def run(text):
        return analyse(text, published=date(2024, 8, 6), gazetteer=gaz)
    doc = run("Local officials say the Russians storm the village of Krasnohorivka every night "
              "with armoured vehicles.")
    assert events_of(doc, "Storm") == [] and len(events_of(doc, "Attack")) == 1
    doc = run("An Israeli strike killed five UN staff members in central Gaza on Tuesday, "
              "officials said.")
    assert role(doc, one(doc, "Attack"), "agent") == ["Israel"]
    doc = run("Road accidents kill an estimated 1.35 million people around the world each "
              "year.")
    assert events_of(doc, "Accident") == [] and events_of(doc, "CasualtiesReport") == []
    doc = run("The death toll since the earthquake struck on Monday has risen to 2,300, "
              "officials said.")
    assert one(doc, "Earthquake").fatalities == 2300
    doc = run("Putin, speaking in Moscow on Tuesday, looked relaxed as drones attacked the "
              "city of Belgorod.")
    assert role(doc, one(doc, "ShellingMissileAttack"), "agent") == []
    doc = run("Russia launched Iskander missiles at positions near Kharkiv on Monday.")
    assert places(doc, one(doc, "ShellingMissileAttack")) == ["Kharkiv"]
    doc = run("Rescue teams were heading for the village where a landslide buried dozens of "
              "homes on Friday.")
    assert len(events_of(doc, "Flood")) == 1
    doc = run("Russian troops surrounded the town of Vuhledar and cut off its water supply on "
              "Monday.")
    assert len(events_of(doc, "Encirclement")) == 1
    from kg.temporal import infer_publication_date
    found = infer_publication_date("The deadliest attack since the truce took effect killed "
                                   "six people on March 3, 2024 in Rafah.")
    assert found is not None and found[0].isoformat() == "2024-03-03"


def test_a_heading_line_dates_the_list_after_it_and_a_caption_credit_names_no_place():
    doc = analyse("Ukraine war latest\n\nKey developments on July 12:\n\nRussian missiles struck "
                  "a residential area in Dnipro, killing eight people, the governor said.\n\n"
                  "President Zelensky met NATO leaders at the summit in Vilnius.",
                  published=date(2023, 7, 14), gazetteer=FakeGazetteer("Dnipro", "Vilnius"))
    assert one(doc, "ShellingMissileAttack").time.value == "2023-07-12"
    assert one(doc, "Meeting").time.value == "2023-07-12"
    doc = analyse("Russian retreat from Kherson\nRussian retreat from Kherson Reuters\n\nTroops "
                  "left the city on Friday.", published=date(2022, 11, 11))
    assert "Kherson Reuters" not in {e.label for e in doc.entities}


def test_names_listed_after_a_place_are_places():
    doc = analyse("Ukraine's defense ministry said on Friday that its troops had liberated "
                  "Rubizhne, Cherkaski Tyshky and Ruski Tyshky. Speaking in Kyiv, Oleksandr "
                  "Syrskyi said the army would hold.", published=date(2022, 5, 14),
                  gazetteer=FakeGazetteer("Rubizhne", "Kyiv"))
    kinds = {e.label: e.kind for e in doc.entities}
    assert kinds["Cherkaski Tyshky"] == "place" and kinds["Ruski Tyshky"] == "place"
    assert kinds["Oleksandr Syrskyi"] == "person"


def test_review_of_the_last_fix_rounds():
    """Texts a fifth review found the last rules misread, each now right."""
    gaz = FakeGazetteer("Kharkiv", "Odesa", "Kyiv", "Baza", "Dnipro")
    def run(text, published=date(2023, 7, 14)):
        return analyse(text, published=published, gazetteer=gaz)
    doc = run("Latest\n\nHere is what has happened since November 11, 2022:\n\nA Russian missile "
              "struck the regional administration building in Kharkiv.")
    assert one(doc, "ShellingMissileAttack").time.value != "2022-11-11"
    doc = run("Latest\n\nZelensky said on Tuesday:\n\nWe will launch a counteroffensive soon.")
    assert all(e.time.value is None or not e.time.value.startswith("2023-07-11")
               for e in doc.events if e.modality == "planned")
    doc = run("Russian missiles hit Kharkiv, Oleh Synehubov, Kharkiv's regional governor, said. "
              "Speaking in Kyiv, Oleksandr Tarnavskyi and Yurii Sodol said the line held.")
    kinds = {e.label: e.kind for e in doc.entities}
    assert kinds["Oleh Synehubov"] == kinds["Oleksandr Tarnavskyi"] == "person"
    doc = run("A strike by Lufthansa ground staff hit hundreds of flights on Wednesday. The town "
              "was surrounded by floodwaters on Thursday.")
    assert events_of(doc, "Attack") == [] and events_of(doc, "Encirclement") == []
    doc = run("The ruling party is on course for a landslide, according to preliminary "
              "results.")
    assert events_of(doc, "Flood") == []
    doc = run("Israeli strikes kill 30 in Gaza as aid trucks enter at a rate of barely 100 a "
              "day.")
    assert len(events_of(doc, "Attack")) == 1
    doc = run("The Houthis, widely recognised as the de facto government in Sanaa, attacked a "
              "commercial ship on Monday.")
    assert role(doc, one(doc, "Attack"), "agent") == ["Houthis"]
    doc = run("A driver rammed his car into shoppers outside a budget supermarket on Friday.")
    assert len(events_of(doc, "Attack")) == 1
    from kg.temporal import infer_publication_date
    assert infer_publication_date("Gaza has been under bombardment since Hamas fighters "
                                  "killed 1,200 people in Israel on Oct. 7, 2023.") is None


def test_a_state_striking_a_named_target_is_an_attack():
    doc = analyse("Iran struck Israel late on Saturday, the army said.",
                  published=date(2024, 4, 15))
    attack = one(doc, "Attack")
    assert role(doc, attack, "agent") == ["Iran"] and attack.time.value == "2024-04-13"
    doc = analyse("Russia also struck Odesa overnight, killing four people, the regional "
                  "governor said on Telegram.", gazetteer=FakeGazetteer("Odesa"))
    assert role(doc, one(doc, "Attack"), "agent") == ["Russia"]
    for text in ("Britain struck a trade deal with Japan on Monday.",
                 "Israel struck back on Monday.", "Lightning struck Paris on Monday."):
        assert events_of(analyse(text), "Attack") == [], text


def test_a_maker_before_a_model_number_and_named_operations_are_no_people():
    doc = analyse("A Lion Air Boeing 737 crashed into the sea on Monday, killing 189 people. "
                  "Boeing said it was deeply saddened.")
    kinds = {e.label: e.kind for e in doc.entities}
    assert kinds.get("Lion Air") == "organization" and kinds.get("Boeing") != "person"
    crash = one(doc, "Accident")
    assert role(doc, crash, "agent") == [] and role(doc, crash, "participant")
    doc = analyse("The drone raid, named Operation Spiderweb, hit four air bases on Sunday. "
                  "Wintershall Dea AG said it would write off its stake.")
    kinds = {e.label: e.kind for e in doc.entities}
    assert "Operation Spiderweb" not in kinds
    assert kinds.get("Wintershall Dea AG") == "organization"
    doc = analyse("Nigeria's civil aviation ministry said the airline had been grounded.")
    assert {e.label: e.kind for e in doc.entities}.get(
        "Nigeria's civil aviation ministry") == "organization"


# A report of an air crash written for the sixty-third batch (our own wording of the Ahmedabad
# crash of 12 June 2025).
AIR_CRASH = (
    "Air India jet crashes after takeoff in Ahmedabad, killing 241 on board\n\n"
    "By Staff Writer\n\n"
    "AHMEDABAD, India — An Air India Boeing 787-8 bound for London crashed into a "
    "medical college hostel seconds after taking off from Ahmedabad on Thursday, "
    "killing 241 of the 242 people on board and at least 19 on the ground.\n\n"
    "Flight AI171 left Sardar Vallabhbhai Patel International Airport at 1:39 p.m. "
    "and sent a mayday call before losing height, India's civil aviation ministry "
    "said. A British national seated in 11A survived and was taken to hospital.\n\n"
    "Prime Minister Narendra Modi visited the crash site on Friday and met the "
    "survivor. Boeing said it was in contact with Air India and ready to support the "
    "airline. The Aircraft Accident Investigation Bureau has opened an investigation "
    "and recovered the flight data recorder.")


def test_the_crash_site_is_the_site_of_a_crash_told_before():
    doc = analyse(AIR_CRASH, published=date(2025, 6, 13))
    crash = one(doc, "Accident")
    assert crash.time.value == "2025-06-12" and crash.fatalities == 241
    assert role(doc, crash, "agent") == []
    doc = analyse("A small plane crashed into a field near Leeds on Sunday, killing two "
                  "people. Investigators visited the crash site on Tuesday.",
                  published=date(2024, 3, 14))
    assert one(doc, "Accident").time.value == "2024-03-10"


def test_a_participle_after_a_quantity_describes_its_noun():
    doc = analyse("Rescuers searched the rubble all night, and more collapsed homes were "
                  "found in the hills on Tuesday.")
    assert events_of(doc, "Damage") == []


def test_a_second_source_gives_a_count_of_its_own():
    doc = analyse("The army said 14 soldiers had been killed, while the RSF said 63 fighters "
                  "had died.")
    counts = sorted(e.fatalities for e in events_of(doc, "CasualtiesReport"))
    assert counts == [14, 63]
    doc = analyse("Officials said eight people had been killed and 20 wounded, and that the "
                  "army had shot down three drones.")
    assert all(e.fatalities is None for e in doc.events if trigger(doc, e) == "shot down")
    assert [e.fatalities for e in doc.events if e.fatalities is not None] == [8]


# A report of the strikes of 7 May 2025 written for the sixty-third batch (our own wording).
STRIKES_AFTER_AN_ATTACK = (
    "India strikes Pakistan after Kashmir attack; Pakistan says 26 killed\n\n"
    "NEW DELHI/ISLAMABAD, May 7 - India launched missile strikes on nine sites in "
    "Pakistan and Pakistani Kashmir early on Wednesday, two weeks after an attack on "
    "tourists in Indian Kashmir killed 26 men.\n\n"
    "India's defence ministry said the strikes, named Operation Sindoor, targeted "
    "infrastructure used by militant groups and that no Pakistani military facility "
    "had been hit. Pakistan said 26 civilians, including women and children, had been "
    "killed and 46 wounded, and that its forces had shot down five Indian jets, a "
    "claim India did not confirm.\n\n"
    "Artillery exchanges along the Line of Control killed at least 10 people on the "
    "Indian side, police in Poonch said. Pakistan's Prime Minister Shehbaz Sharif "
    "called the strikes an act of war and said his country had every right to "
    "respond.\n\n"
    "The April 22 attack in Pahalgam was the deadliest on civilians in the region in "
    "years. New Delhi has blamed Pakistan for it; Islamabad denied any role.")


def test_a_headline_reads_its_nouns_as_the_body_does():
    doc = analyse("Trump wounded in assassination attempt at Pennsylvania rally\n\nDonald Trump "
                  "was shot in the ear during a campaign rally in Pennsylvania on Saturday.\n\n"
                  "One man attending the rally was killed and two others were critically "
                  "injured, the Secret Service said.")
    assert events_of(doc, "Protest") == []
    doc = analyse(STRIKES_AFTER_AN_ATTACK, published=date(2025, 5, 7))
    kinds = {e.label: e.kind for e in doc.entities}
    assert "Operation Sindoor" not in kinds
    attacks = [e for e in events_of(doc, "Attack") if trigger(doc, e) == "attack"]
    assert attacks and all(role(doc, e, "agent") == [] for e in attacks)
    assert all(e.fatalities is None for e in doc.events if trigger(doc, e) == "shot down")


def test_titles_with_of_possessive_place_names_and_regional_adjectives():
    doc = analyse("The first Latin American pope greeted pilgrims in St. Peter's Square on "
                  "Sunday. Police later arrested the CEO of Telegram, Pavel Durov, at an "
                  "airport near Paris.")
    kinds = {e.label: e.kind for e in doc.entities}
    assert "Latin American" not in kinds and "of Telegram" not in kinds
    assert kinds.get("St. Peter's Square") == "place" and kinds.get("Pavel Durov") == "person"
    doc = analyse("The US Coast Guard said the search would go on. The U.S. Coast Guard later "
                  "said debris had been found.")
    assert sum(e.label.endswith("Coast Guard") for e in doc.entities) == 1


def test_people_aboard_a_named_vessel_are_counted():
    doc = analyse("The five people aboard the submersible were killed when it imploded, "
                  "officials said on Thursday. The search ended.")
    assert [e.fatalities for e in doc.events] == [5]
    doc = analyse("All 12 people on board the small plane were killed, the airline said. The "
                  "airport was closed.")
    assert [e.fatalities for e in doc.events if e.type != "Other"] == [12]


def test_review_of_the_sixty_third_batch():
    """Texts a review found the sixty-third batch's rules misread, each now right."""
    for text in ("Japan struck Germany twice in eight minutes to win the World Cup match 2-1. "
                 "Fans cheered.", "Georgia struck Tennessee 28-14 on Saturday. Fans cheered.",
                 "Jordan struck Garcia with a right hand. The crowd roared.",
                 "Brussels struck Apple with a 1.8 billion euro fine on Monday. Shares fell.",
                 "Market forces struck Wall Street hard on Monday. Shares fell."):
        assert events_of(analyse(text), "Attack") == [], text
    doc = analyse("Israel bombed sites linked to Hezbollah on Tuesday, the military said.",
                  published=date(2024, 8, 15))
    assert one(doc, "Bombing").time.value == "2024-08-13"
    doc = analyse("Syria's health ministry said 812 people had been killed, while the White "
                  "Helmets said 1,020 had died in the earthquake. Rescuers dug all night.")
    quake = one(doc, "Earthquake")
    assert quake.fatalities == 1020 and entity_label(doc, quake.according_to) == "White Helmets"
    report = one(doc, "CasualtiesReport")
    assert report.fatalities == 812 and \
        entity_label(doc, report.according_to) == "Syria's health ministry"
    doc = analyse("The governor said 14 people were killed in the attack; police said 30 were "
                  "wounded. The town mourned.")
    attack = one(doc, "Attack")
    assert (attack.fatalities, attack.injured) == (14, 30)
    doc = analyse("Police said 12 people were killed and that the explosion was caused by a gas "
                  "leak. The street was closed.")
    assert one(doc, "Explosion").fatalities == 12
    doc = analyse("Hundreds attacked hotels housing asylum seekers in Rotherham on Sunday. "
                  "Police arrested ten.")
    assert len(events_of(doc, "Attack")) == 1
    for text in ("A China Eastern 737 crashed in Guangxi on Monday, officials said.",
                 "Max Verstappen 277, Lando Norris 199 led the standings, officials said."):
        kinds = {e.label: e.kind for e in analyse(text).entities}
        assert "China Eastern" in kinds or "Max Verstappen" in kinds, (text, kinds)
    doc = analyse("New York AG Letitia James sued the company on Monday. Operation Smile said "
                  "its surgeons treated 300 children.")
    kinds = {e.label: e.kind for e in doc.entities}
    assert "New York AG Letitia James" not in kinds
    assert kinds.get("Operation Smile") == "organization"
    assert events_of(analyse("Airline profits crashed during the pandemic, analysts said."),
                     "Accident") == []
    doc = analyse("Storm hits southern England\n\nHeavy rain and winds of 80 mph battered "
                  "southern England on Monday. The government faced a political storm over "
                  "its response.")
    assert len(events_of(doc, "Storm")) == 1


def test_abductions_are_events_and_no_indication_denies():
    doc = analyse("Gunmen kidnapped at least 80 pupils from a school in Kuriga on Thursday, "
                  "residents said. Police searched the forest.", published=date(2024, 3, 8),
                  gazetteer=FakeGazetteer("Kuriga"))
    kidnapping = one(doc, "Other")
    assert trigger(doc, kidnapping) == "kidnapped" and kidnapping.label.startswith("Kidnapping")
    assert kidnapping.time.value == "2024-03-07"
    doc = analyse("He was charged with kidnapping on Monday. The trial opens in May.")
    assert events_of(doc, "Other") == []
    doc = analyse("Officials said there was no indication of a widespread or severe attack. "
                  "Flights resumed on Sunday.")
    assert one(doc, "Attack").modality == "negated"
    doc = analyse("There were no reports of casualties as the storm ripped through the town. "
                  "Power was cut.")
    assert one(doc, "Storm").modality != "negated"
    doc = analyse("The heat would ease as the monsoon advanced, forecasters said. Schools "
                  "closed early.")
    assert events_of(doc, "Advance") == []


def test_adjectives_before_names_and_a_past_year_before_an_event_noun():
    doc = analyse("Former Brazilian president Jair Bolsonaro was sentenced on Thursday. Hackers "
                  "disrupted check-in systems at several European airports. Collins Aerospace "
                  "said it was working on a fix.")
    kinds = {e.label: e.kind for e in doc.entities}
    assert "Former Brazilian" not in kinds and "European" not in kinds
    assert kinds.get("Collins Aerospace") == "organization"
    doc = analyse("He was convicted of plotting a coup to overturn his 2022 election defeat. "
                  "His lawyers will appeal.", published=date(2025, 9, 11))
    assert one(doc, "Election").modality == "asserted"
    doc = analyse("He vowed to contest the 2026 election. His lawyers will appeal.",
                  published=date(2025, 9, 11))
    assert one(doc, "Election").modality == "planned"


def test_review_of_the_sixty_fourth_batch():
    """Texts a second review found the new rules misread, each now right."""
    doc = analyse("Israel said 1,200 people were killed in the Hamas attack, while Gaza's "
                  "health ministry said 10,000 Palestinians had died in the Israeli "
                  "bombardment. The war goes on.")
    assert {e.fatalities for e in doc.events if e.fatalities} == {1200, 10000}
    assert one(doc, "Attack").fatalities == 1200
    doc = analyse("Russia struck Kharkiv overnight, hitting a crowded market and killing seven "
                  "people, the governor said.", gazetteer=FakeGazetteer("Kharkiv"))
    assert one(doc, "Attack").fatalities == 7
    doc = analyse("Washington struck Houthi targets in Yemen on Thursday, the Pentagon said.")
    assert len(events_of(doc, "Attack")) == 1
    doc = analyse("The number of people killed in the bus crash in Kenya rose to 14 on Sunday, "
                  "police said.")
    assert one(doc, "Accident").fatalities == 14
    doc = analyse("Only one of the 67 people aboard the plane was killed when it landed in "
                  "Toronto on Monday. The airport reopened.")
    assert [e.fatalities for e in doc.events if e.fatalities is not None] == [1]
    doc = analyse("The 12 people aboard the helicopter, including two children, were killed, "
                  "officials said. The airport reopened.")
    assert [e.fatalities for e in doc.events if e.fatalities is not None] == [12]
    doc = analyse("Nine people were killed in the north on Saturday; a separate flood in the "
                  "south destroyed hundreds of homes, officials said.")
    assert all(e.fatalities is None for e in events_of(doc, "Flood"))
    doc = analyse("Archbishop of Canterbury Justin Welby resigned on Tuesday. Mayor of New York "
                  "Eric Adams said it was sad. Trump's Park Avenue apartment was searched. "
                  "Police in Reno NV said a man was held. Operation Sindoor told the world it "
                  "would act. Two Latin American countries expelled envoys.")
    kinds = {e.label: e.kind for e in doc.entities}
    assert kinds.get("Justin Welby") == "person" and kinds.get("Eric Adams") == "person"
    assert "Trump's Park Avenue" not in kinds and kinds.get("Reno NV") != "organization"
    assert "Operation Sindoor" not in kinds and "Two Latin American" not in kinds
    assert role(doc, one(doc, "Resignation"), "agent") == ["Justin Welby"]
    doc = analyse("Police cordoned off the Southport stabbing site on Tuesday. Three girls were "
                  "killed in the attack on Monday.", published=date(2024, 7, 31))
    assert all(e.time.value != "2024-07-30" for e in doc.events if e.type != "Other" and
               trigger(doc, e) == "stabbing")
    doc = analyse("Rescuers found more collapsed buildings in the hills on Tuesday. Roads were "
                  "cut.")
    assert events_of(doc, "Damage") == []


def test_a_closing_reports_day_and_a_speaker_before_a_relative_clause():
    doc = analyse("Fire kills 44 in Hong Kong\n\nA fire that tore through several towers killed "
                  "at least 44 people, authorities said on Thursday, the city's deadliest blaze "
                  "in decades.\n\nThe fire broke out on Wednesday afternoon in bamboo "
                  "scaffolding, officials said.", published=date(2025, 11, 27))
    fire = one(doc, "Accident")
    assert fire.time.value == "2025-11-26TAF" and fire.fatalities == 44
    doc = analyse("Toninelli said the top management of Autostrade, which operates the "
                  "motorway, should resign. Salvini agreed.")
    assert role(doc, one(doc, "Resignation"), "agent") == []
    doc = analyse("Saudi Arabia and the United States, which brokered the truce, suspended "
                  "talks in Jeddah on Thursday. Fighting went on.")
    assert role(doc, one(doc, "Negotiation"), "participant")


def test_an_adverb_before_a_participle_and_what_talks_are_about():
    doc = analyse("U.S. and Iranian officials held talks over Tehran's rapidly advancing "
                  "nuclear program in Oman on Saturday. Both sides were upbeat.")
    assert events_of(doc, "Advance") == []
    assert places(doc, one(doc, "Meeting")) == ["Oman"]
    doc = analyse("Israeli jets carried out heavy strikes on Beirut's southern suburbs on "
                  "Friday. Smoke rose over the city.")
    assert any("Beirut" in places(doc, e) for e in doc.events)


def test_review_of_the_sixty_fifth_batch():
    """Texts a third review found the new rules misread, each now right."""
    for text, etype in (("There were no reports of damage or injuries following the "
                         "earthquake off the coast of Japan. Trains stopped.", "Earthquake"),
                        ("Police said there was no evidence of a link to the bombing in "
                         "Ankara. The inquiry goes on.", "Bombing")):
        assert one(analyse(text), etype).modality != "negated", text
    doc = analyse("At least 10 of the 35 people killed in the airstrike were children, medics "
                  "said. The town mourned.")
    assert [e.fatalities for e in doc.events if e.fatalities] == [35]
    doc = analyse("The bodies of the 12 miners killed in the explosion were recovered on "
                  "Monday. The mine closed.")
    assert [e.fatalities for e in doc.events if e.fatalities] == [12]
    for text in ("France struck Argentina with two late goals to reach the final. Fans "
                 "cheered.", "Ireland struck France early in the Six Nations game. Fans "
                 "cheered."):
        assert events_of(analyse(text), "Attack") == [], text
    doc = analyse("Israel struck Iran hours after Washington announced new sanctions on "
                  "Tehran. Oil prices rose.")
    assert len(events_of(doc, "Attack")) == 1
    doc = analyse("An earthquake hit Herat on Saturday. The UN said 1,000 people were killed, "
                  "but the Taliban said 2,400 people died in the quake.")
    assert sorted(e.fatalities for e in doc.events if e.fatalities) == [1000, 2400]
    doc = analyse("Gunmen abducted and killed a priest in Enugu on Sunday, police said. The "
                  "church mourned.")
    assert len(events_of(doc, "Killing")) == 1
    for text in ("Police dismantled a kidnapping ring in Lagos on Monday. Ten were held.",
                 "The country's kidnapping rate rose sharply last year. Ten were held."):
        assert events_of(analyse(text), "Other") == [], text
    doc = analyse("Russian forces advanced near Pokrovsk despite bad weather on Monday. Talks "
                  "stalled.")
    assert len(events_of(doc, "Advance")) == 1
    doc = analyse("Airbus SE said deliveries rose. Regent's Park and Guy's Hospital were closed "
                  "on Monday. The Governor of New South Wales declared a disaster.")
    kinds = {e.label: e.kind for e in doc.entities}
    assert kinds.get("Airbus SE") == "organization" and "Regent's Park" in kinds
    assert "South Wales" not in kinds
    doc = analyse("Police estimated thousands attacked shops and burned cars in the city on "
                  "Friday. Calm returned.")
    assert events_of(doc, "Attack")
    doc = analyse("A storm erupted over the city on Tuesday evening, flooding streets and "
                  "cutting power. Schools closed.")
    assert events_of(doc, "Storm")


def test_us_states_named_fires_bodies_and_counts_joined_by_and():
    doc = analyse("KERRVILLE, Texas, July 8 - The death toll from flash floods in central Texas "
                  "rose to 104 on Tuesday, officials said.\n\nIn Kerr County alone, 87 bodies "
                  "have been recovered, including 30 children, the sheriff said.",
                  published=date(2025, 7, 8))
    assert {e.label: e.kind for e in doc.entities}.get("Texas") == "place"
    assert sorted(e.fatalities for e in doc.events if e.fatalities) == [87, 104]
    doc = analyse("The Palisades Fire, which broke out on Tuesday morning, has burned more than "
                  "20,000 acres. Crews worked through the night.", published=date(2025, 1, 9))
    fires = [e for e in doc.events if trigger(doc, e) == "Fire"]
    assert [e.time.value for e in fires] == ["2025-01-07TMO"]
    doc = analyse("The Los Angeles Fire Department said crews were at the scene. Roads closed.")
    assert events_of(doc, "Wildfire") == [] and events_of(doc, "Accident") == []
    doc = analyse("Twenty-one hostages and four paramilitary soldiers were killed during the "
                  "siege, the military said. Trains stopped.")
    assert [e.fatalities for e in doc.events if e.fatalities] == [25]


def test_now_dates_no_later_sentence_and_restored_powers_are_no_services():
    doc = analyse("The court now has up to 180 days to decide whether to remove him or restore "
                  "his powers. He declared martial law on Dec. 3 and lifted it hours later "
                  "after lawmakers voted it down.", published=date(2024, 12, 14))
    assert events_of(doc, "RestorationOfServices") == []
    assert all(e.time.value != "PRESENT_REF" for e in doc.events
               if trigger(doc, e) == "voted")


def test_review_of_the_sixty_sixth_batch():
    """Texts a fourth review found the new rules misread, each now right."""
    doc = analyse("Pirates hijacked a cargo ship off Somalia on Thursday. Separately, gunmen "
                  "kidnapped two engineers in Kenya.")
    assert len(events_of(doc, "Other")) == 2
    doc = analyse("Moscow's ally shelled Ukrainian border villages on Monday, Kyiv said. Two "
                  "people were hurt.")
    assert events_of(doc, "ShellingMissileAttack")
    doc = analyse("Boko Haram militants in Borno state, which borders Cameroon, attacked a "
                  "military base on Sunday. Ten soldiers died.")
    assert role(doc, one(doc, "Attack"), "agent") == ["Boko Haram"]
    doc = analyse("Israel struck Khan Younis on Sunday as Hamas leaders try to regroup, the "
                  "army said. At least 15 people were killed.")
    assert len(events_of(doc, "Attack")) == 1
    doc = analyse("Three doctors at King's College Hospital were hurt in the attack on Monday. "
                  "Britain's Church of England said it would pray for them.")
    kinds = {e.label: e.kind for e in doc.entities}
    assert "King's College Hospital" in kinds and "Britain's Church of England" not in kinds
    doc = analyse("Russian air defences shot down 20 drones over Russia's Belgorod region "
                  "overnight, the ministry said. No one was hurt.",
                  gazetteer=FakeGazetteer("Belgorod"))
    assert any(places(doc, e) for e in doc.events)
    doc = analyse("A majority of the 200 passengers were injured when the train derailed on "
                  "Monday. Many of the 500 people aboard the boat drowned.")
    assert all(e.injured != 200 and e.fatalities != 500 for e in doc.events)
    doc = analyse("There were no reports of a repeat of the clashes in Leicester overnight. "
                  "Police stayed on alert.")
    assert all(e.modality == "negated" for e in doc.events if trigger(doc, e) == "clashes")
    doc = analyse("The advance of the monsoon has been slower than usual this year. Farmers "
                  "waited.")
    assert events_of(doc, "Advance") == []
    doc = analyse("Minister of Defense Israel Katz said the army would respond. Police in "
                  "Henderson NV said a man was held.")
    kinds = {e.label: e.kind for e in doc.entities}
    assert kinds.get("Israel Katz") == "person" and kinds.get("Henderson NV") != "organization"
    doc = analyse("The ministry issued a warning, officials said on Monday, the day a cyclone "
                  "hit the coast. Schools closed.", published=date(2024, 8, 15))
    assert [e.time.value for e in events_of(doc, "Storm")] == ["2024-08-12"]
    doc = analyse("An earthquake hit Herat on Saturday. The UN said 1,000 people were killed, "
                  "but the Taliban said 2,400 people died in the quake.")
    assert sorted(e.fatalities for e in doc.events if e.fatalities) == [1000, 2400]


def test_responding_by_acting_ordinals_before_nouns_and_years_of_other_nouns():
    doc = analyse("Iran responded by firing more than 100 drones towards Israel, the Israeli "
                  "military said. Oil prices rose.")
    strike = one(doc, "ShellingMissileAttack")
    assert role(doc, strike, "agent") == ["Iran"]
    assert entity_label(doc, strike.according_to) != "Iran"
    doc = analyse("Trump's talk of making Canada the 51st state angered voters. Carney won "
                  "the vote.")
    assert events_of(doc, "Statement") == []
    doc = analyse("Kenyan police kill 16 in protests marking anniversary of 2024 "
                  "demonstrations\n\nAt least 16 people were killed in protests across Kenya "
                  "on Wednesday, a rights group said.", published=date(2025, 6, 26))
    assert [e.fatalities for e in events_of(doc, "Protest") if e.time.value == "2024"] in (
        [], [None])


def test_review_of_the_sixty_seventh_batch():
    """Texts a fifth review found the new rules misread, each now right."""
    doc = analyse("Troops rescued 104 hostages and 21 passengers were killed in the siege of the "
                  "train, the army said. Trains stopped.")
    assert all(e.fatalities != 125 for e in doc.events)
    doc = analyse("Police arrested 30 protesters and two officers were injured during clashes, "
                  "officials said. Calm returned.")
    assert all(e.injured != 32 for e in doc.events)
    doc = analyse("An earthquake struck Herat province on Saturday. The UN said the death toll "
                  "had risen to 1,000, but the Taliban said 2,400 people died in the quake.")
    assert sorted(e.fatalities for e in doc.events if e.fatalities) == [1000, 2400]
    doc = analyse("The families of the 40 migrants drowned off Lampedusa gathered at the port "
                  "on Sunday. The mayor spoke.")
    assert [e.fatalities for e in doc.events if e.fatalities] == [40]
    for text in ("Two federal bodies have found that the train derailment was caused by a "
                 "faulty axle. The line reopened.",
                 "Scientists said two bodies were found orbiting a distant star. The team "
                 "celebrated."):
        assert all(e.fatalities is None for e in analyse(text).events), text
    doc = analyse("Former quarterback Joe Montana was hurt in a crash on Monday. Montana was "
                  "taken to hospital, officials said.")
    assert {e.label: e.kind for e in doc.entities}.get("Joe Montana") == "person"
    assert "Montana" not in {e.label for e in doc.entities if e.kind == "place"}
    doc = analyse("A gunman opened fire near San Francisco's Church Street station on Monday. "
                  "Two people were hurt.")
    assert "San Francisco's Church Street" not in {e.label for e in doc.entities}
    doc = analyse("Engineers worked through the night to restore power in order to keep "
                  "hospitals running. Crews returned.")
    assert events_of(doc, "RestorationOfServices")
    doc = analyse("No reports of injuries followed a series of explosions at an arms depot in "
                  "Tikhoretsk. Trains stopped.")
    assert all(e.modality != "negated" for e in events_of(doc, "Explosion"))
    doc = analyse("Israel struck Iran on Friday with the stated goal of crippling its nuclear "
                  "program. Oil prices rose.")
    assert len(events_of(doc, "Attack")) == 1


def test_not_caused_by_a_noun_denies_it():
    doc = analyse("The grid operator said the outage was not caused by a cyberattack. Trains "
                  "stopped.")
    assert all(e.modality == "negated" for e in doc.events
               if trigger(doc, e) == "cyberattack")
    doc = analyse("Police said the fire was caused by an explosion in the basement. Trains "
                  "stopped.")
    assert one(doc, "Explosion").modality != "negated"


def test_review_of_the_sixty_eighth_batch():
    """Texts a sixth review found the new rules misread, each now right."""
    doc = analyse("The earthquake of February 6 killed more than 50,000 people. Aftershocks "
                  "continued for weeks.", published=date(2023, 3, 1))
    assert one(doc, "Earthquake").time.value == "2023-02-06"
    doc = analyse("Officials said 12 soldiers and three civilians were killed in the ambush. "
                  "Troops searched the area.")
    assert [e.fatalities for e in doc.events if e.fatalities] == [15]
    doc = analyse("The two countries agreed to restore diplomatic relations and resume direct "
                  "flights. Trade rose.")
    assert all(trigger(doc, e) != "restore" for e in doc.events)
    doc = analyse("Argentina struck Brazil with a stoppage-time goal in Buenos Aires on "
                  "Tuesday. Fans cheered.")
    assert events_of(doc, "Attack") == []
    doc = analyse("Rescuers said 87 charred bodies were recovered from the burned-out bus. "
                  "The road was closed.")
    assert [e.fatalities for e in doc.events if e.fatalities] == [87]
    doc = analyse("Hurricane Ian slammed into Southwest Florida on Wednesday. Florida officials "
                  "said power was out.")
    assert "Florida" in {e.label for e in doc.entities}
    doc = analyse("There were no reports of another wave of attacks on Sunday. Police stayed "
                  "on alert.")
    assert all(e.modality == "negated" for e in events_of(doc, "Attack"))
    doc = analyse("The UN said with growing alarm that 300 civilians had been killed in El "
                  "Fasher. Aid was blocked.")
    assert all(e.modality == "claimed" for e in doc.events if e.fatalities == 300)
    doc = analyse("Authorities warned villagers of the advance of the rainy season. Farmers "
                  "waited.")
    assert events_of(doc, "Advance") == []
    doc = analyse("The 42nd said it repelled five assaults near Pokrovsk on Monday. Fighting "
                  "went on.")
    assert all(e.modality != "asserted" for e in doc.events if trigger(doc, e) == "repelled")


def test_review_of_the_sixty_ninth_batch():
    """Texts a seventh review found the new rules misread, each now right."""
    doc = analyse("Parliament is not due to vote on the bill until next month. Opposition "
                  "parties have called for protests in the capital.")
    assert all(e.modality != "negated" for e in doc.events if trigger(doc, e) == "vote")
    doc = analyse("Voters go to the polls on November 5. Harris held a rally in Philadelphia "
                  "by late afternoon, her campaign said.", published=date(2024, 10, 20))
    assert [t.value for t in doc.timexes if t.text == "late afternoon"] == ["2024-10-20TAF"]
    doc = analyse("Hospitals are treating 40 patients and 12 people have died since the "
                  "explosion at the chemical plant, officials said. The cause is unknown.")
    assert all(e.fatalities != 52 for e in doc.events)
    doc = analyse("Officials said the cracks in the dam were not caused by the earthquake but "
                  "by years of neglect. The quake killed 40 people in the province.")
    assert all(e.modality != "negated" for e in events_of(doc, "Earthquake"))
    doc = analyse("Two federal bodies have found problems with the reactor's cooling system. "
                  "The plant was shut.")
    assert all(e.fatalities is None for e in doc.events)
    doc = analyse("On the evening of June 12 Americans across the country watched the debate. "
                  "Trump attacked Biden over immigration.", published=date(2024, 8, 15))
    assert all(e.time.value == "2024-06-12" for e in doc.events if e.type == "Attack")


def test_review_of_the_whole_stop():
    """Texts an overall review of the stop's rules found misread, each now right."""
    doc = analyse("The FBI said it had foiled a plot to kidnap the governor of Michigan. Six men "
                  "were arrested on Thursday.")
    kidnap = one(doc, "Other")
    assert kidnap.modality == "negated" and role(doc, kidnap, "agent") == []
    for text in ("Kenya struck Somalia 3-1 in the Africa Cup qualifier on Sunday. Fans in "
                 "Nairobi cheered.", "India struck Australia for 350 runs on the first day "
                 "of the Test in Perth. Kohli scored a century."):
        assert events_of(analyse(text), "Attack") == [], text
    doc = analyse("Thailand struck Cambodian military positions with F-16 jets on Thursday, "
                  "the Thai army said. Twelve died.")
    assert len(events_of(doc, "AirStrike")) == 1


def test_armed_forces_entering_and_drones_a_state_launched():
    doc = analyse("Units of the Armed Forces of Ukraine entered the village of Kyselivka on "
                  "Thursday. Fighting went on.", gazetteer=FakeGazetteer("Kyselivka"))
    assert places(doc, one(doc, "Advance")) == ["Kyselivka"]
    doc = analyse("The treaty entered into force on Monday. Trade rose.")
    assert events_of(doc, "Advance") == []
    doc = analyse("Ukraine's air force said it had shot down 85 of the 215 drones Russia "
                  "launched. Power was cut.")
    strike = one(doc, "ShellingMissileAttack")
    assert role(doc, strike, "agent") == ["Russia"] and places(doc, strike) == []


def test_seventy_first_batch_coordinated_parties_scores_and_added_goals():
    doc = analyse("Britain and China agreed on Monday to cut tariffs on each other's goods. "
                  "Markets rose.")
    deal = one(doc, "Agreement")
    assert sorted(role(doc, deal, "participant")) == ["China", "United Kingdom"]
    doc = analyse("Paris Saint-Germain beat Inter Milan 5-0 in Munich on Saturday, the biggest "
                  "margin of victory in the history of the final. Fans celebrated.")
    assert events_of(doc, "MilitaryVictory") == []
    assert [e.kind for e in doc.entities if e.label == "Inter Milan"] == ["organization"]
    doc = analyse("Ukraine declared victory in the battle for Kharkiv on Saturday, after Russian "
                  "troops withdrew 40 km to the border.")
    assert len(events_of(doc, "MilitaryVictory")) == 1
    doc = analyse("Hakimi opened the scoring after 12 minutes. Doue struck twice before "
                  "Khvicha Kvaratskhelia added a fourth. Substitute Senny Mayulu scored late.")
    assert events_of(doc, "Statement") == []
    assert "Senny Mayulu" in [e.label for e in doc.entities if e.kind == "person"]
    for text in ("Dmitry Peskov added that he was satisfied.",
                 "Dmitry Peskov added the Kremlin was satisfied."):
        doc = analyse(text)
        assert role(doc, one(doc, "Statement"), "speaker") == ["Dmitry Peskov"], text
    assert events_of(analyse("Dmitry Peskov added to the confusion."), "Statement") == []
    doc = analyse("Manchester City won the Premier League for a fourth season. The Arab League "
                  "met in Cairo.")
    assert {e.label: e.kind for e in doc.entities}.get("Premier League") == "organization"
    doc = analyse("The Boeing 737-800, arriving from Bangkok, landed without its landing gear "
                  "on Sunday.", gazetteer=FakeGazetteer("Bangkok"))
    assert events_of(doc, "Visit") == []
    doc = analyse("Negotiations on a broader trade agreement continued on Tuesday. Stocks rose.")
    assert one(doc, "Agreement").modality == "planned"
    doc = analyse("Talks for weeks reached an agreement on Tuesday. Stocks rose.")
    assert one(doc, "Agreement").modality == "asserted"


def test_review_of_the_seventy_first_batch():
    """Texts a review of the seventy-first batch found misread, each now right."""
    for text in ("Around 10-15 Ukrainian soldiers surrendered near Pokrovsk on Sunday.",
                 "Between 40-50 fighters surrendered to the army in Goma on Sunday.",
                 "Ukrainian forces routed Russian troops near Kupiansk on Feb. 10-11.",
                 "Rebels said they had shot down a Boeing 737-800 and defeated government "
                 "troops near the airport.",
                 "Myanmar's junta suffered a defeat in Lashio, where Brigade 10-11 positions "
                 "fell to rebels."):
        assert len(events_of(analyse(text), "MilitaryVictory")) == 1, text
    for text, name in (("The Senate confirmed Pete Hegseth 51-50 on Friday.", "Pete Hegseth"),
                       ("Carlos Alcaraz beat Jannik Sinner 6-4 7-6 on Sunday.", "Jannik Sinner"),
                       ("Max Verstappen title hopes fade after crash in Singapore",
                        "Max Verstappen")):
        kinds = {e.label: e.kind for e in analyse(text).entities}
        assert kinds.get(name) == "person", (text, kinds)
    for text in ("Trump leads Harris 48-45 in Georgia, a poll showed.",
                 "Sinner beat Alcaraz 6-4 in the first set before rain stopped play."):
        assert "organization" not in {e.kind for e in analyse(text).entities}, text
    for text in ("Talks over tariffs brought an agreement on Friday.",
                 "Talks over weeks won a ceasefire on Friday."):
        doc = analyse(text)
        assert [e.modality for e in doc.events if e.type in ("Agreement", "Ceasefire")] == \
            ["asserted"], text
    doc = analyse("Liverpool 2-1 Chelsea: Salah scores late winner")
    assert {e.label: e.kind for e in doc.entities}.get("Liverpool") == "organization"


def test_seventy_second_batch_later_clauses_parties_and_world_wars():
    doc = analyse("Hundreds of thousands marched in Belgrade on Saturday. The protests, led by "
                  "students, began after the canopy of the railway station in Novi Sad collapsed "
                  "on Nov. 1, killing 15 people.", published=date(2025, 3, 16),
                  gazetteer=FakeGazetteer("Belgrade", "Novi Sad"))
    protest = one(doc, "Protest")
    assert protest.time.value == "2025-03-15" and places(doc, protest) == ["Belgrade"]
    assert one(doc, "Accident").time.value == "2024-11-01"
    doc = analyse("Police arrested him after a raid on Monday. He was charged.")
    assert one(doc, "Arrest").time.value == "2024-03-11"
    doc = analyse("Chancellor Olaf Scholz's Social Democrats slumped to 16.4%, their worst "
                  "showing since World War Two.")
    kinds = {e.label: e.kind for e in doc.entities}
    assert kinds.get("Social Democrats") == "organization" and "World War Two" not in kinds


def test_seventy_third_batch_relatives_killed_countries_suffering_and_reactions():
    doc = analyse("The gunman had earlier killed his father in the village of Hostoun, police "
                  "said.", published=date(2023, 12, 22), gazetteer=FakeGazetteer("Hostoun"))
    assert [(e.fatalities, places(doc, e)) for e in doc.events] == [(1, ["Hostoun"])]
    doc = analyse("Her parents were killed in an airstrike on Monday.")
    assert one(doc, "AirStrike").fatalities == 2
    assert analyse("The father of the victim said the police had failed.").events == []
    doc = analyse("Gunman kills 14 at Prague university in Czech Republic's worst mass shooting",
                  published=date(2023, 12, 22))
    assert role(doc, one(doc, "Attack"), "agent") == []
    doc = analyse("Two people were killed in Russia's deadliest attack on Kyiv this year.")
    assert role(doc, one(doc, "Attack"), "agent") == ["Russia"]
    doc = analyse("The coup drew swift condemnation from the United States, France and the "
                  "regional bloc ECOWAS.")
    assert places(doc, one(doc, "Other")) == []
    doc = analyse("The election drew criticism from France and Germany.")
    assert role(doc, one(doc, "Election"), "participant") == []
    doc = analyse("US officials held talks with officials from Qatar and Egypt on Monday.")
    assert role(doc, one(doc, "Meeting"), "participant") == ["Qatar", "Egypt"]


def test_review_of_the_seventy_second_batch():
    """Texts a review of the seventy-second batch found misread, each now right."""
    for text, word, day in (
            ("The army shelled the town after dawn and captured it on Wednesday.", "shelled",
             "2024-03-13"),
            ("Troops fought until dawn and withdrew from the village on Tuesday.", "fought",
             "2024-03-12"),
            ("The president met the prime minister after arriving in Tokyo on Monday.", "met",
             "2024-03-11")):
        doc = analyse(text)
        ev = next(e for e in doc.events if trigger(doc, e) == word)
        assert ev.time.value == day, (text, ev.time)
    doc = analyse("He was arrested after the match and charged with assault on Saturday.")
    assert trigger(doc, one(doc, "Arrest")) == "arrested"
    for text in ("Arsenal beat Chelsea 2-1 last night to secure victory in the derby.",
                 "Spain won 4-0 yesterday, a victory that sent them top.",
                 "PSG's victory over Arsenal 2-1 sent them to the final."):
        assert events_of(analyse(text), "MilitaryVictory") == [], text
    for text, team in (("Boston beat the Knicks 108-95 on Sunday.", "Knicks"),
                       ("Denver lost to the Lakers 120-115 on Sunday.", "Lakers"),
                       ("Barcelona lost to Inter Milan 4-3 after extra time.", "Inter Milan")):
        kinds = {e.label: e.kind for e in analyse(text).entities}
        assert kinds.get(team) == "organization", (text, kinds)
    for text in ("Napoli won the Serie A title on Sunday.",
                 "He won the Formula One title in 2021."):
        assert analyse(text).entities == [], text
    kinds = {e.label: e.kind for e in analyse("Police said Sarah Greens was arrested in Leeds "
                                               "on Monday.").entities}
    assert kinds.get("Sarah Greens") == "person"


def test_seventy_fourth_batch_companions_pressure_and_years():
    doc = analyse("More than 460 patients and their companions were killed at the hospital.")
    assert [e.fatalities for e in doc.events] == [460]
    doc = analyse("NATO leaders agreed on Wednesday to raise spending, bowing to pressure from "
                  "U.S. President Donald Trump.")
    deal = one(doc, "Agreement")
    assert role(doc, deal, "participant") == [] and places(doc, deal) == []
    doc = analyse("He was serving a life sentence in Germany for the 2019 killing of a "
                  "dissident in a Berlin park.")
    assert [e.fatalities for e in doc.events if e.fatalities] == []
    doc = analyse("A total of 2019 people were killed in the floods.")
    assert [e.fatalities for e in doc.events] == [2019]


def test_review_of_the_seventy_third_batch():
    """Texts a review of the seventy-third batch found misread, each now right."""
    doc = analyse("Clashes broke out in Tripoli after rival militias, backed by different "
                  "ministries, seized the port on Monday.")
    assert one(doc, "ArmedClash").time.value is None
    doc = analyse("The government resigned before the king and parliament agreed on a new "
                  "cabinet on Thursday.")
    assert one(doc, "Resignation").time.value is None
    for text, agent in (("Russia's deadliest attack in months killed 20 people in Kyiv on "
                         "Thursday.", "Russia"),
                        ("Israel's bloodiest bombardment of the war killed more than 400 people "
                         "in Gaza on Monday.", "Israel")):
        doc = analyse(text)
        assert [role(doc, e, "agent") for e in doc.events] == [[agent]], text
    doc = analyse("A gunman killed 14 people in Prague on Thursday in Czech Republic's worst "
                  "mass shooting.")
    assert places(doc, one(doc, "Attack")) == ["Prague"]
    for text, dead in (("An Israeli airstrike killed her husband and three of her sons on "
                        "Saturday.", None),
                       ("The strike killed a father and his two sons on Tuesday.", 3),
                       ("The strike killed two soldiers and three civilians on Tuesday.", 5),
                       ("A man shot and killed his wife and two children on Tuesday.", 3),
                       ("The attack killed 12 people and three more were injured.", 12)):
        assert [e.fatalities for e in analyse(text).events] == [dead], text
    doc = analyse("He was jailed on Thursday for killing two people in 2022.")
    killing = next(e for e in doc.events if e.fatalities == 2)
    assert killing.time.value in (None, "2022")  # not the day of the sentence
    doc = analyse("Protests from Belgrade to Novi Sad drew 100,000 people on Saturday.")
    assert places(doc, one(doc, "Protest")) == ["Belgrade"]
    for text, name, kind in (
            ("The Supreme Court ruled against Trump 6-3 on Friday.", "Trump", None),
            ("A car ploughed into fans at the Liverpool title parade on Monday, injuring 79 "
             "people.", "Liverpool", "place"),
            ("The Austrian Greens left the coalition on Monday.", "Austrian Greens",
             "organization")):
        kinds = {e.label: e.kind for e in analyse(text).entities}
        assert kinds.get(name) == kind, (text, kinds)


def test_review_of_the_seventy_fourth_batch():
    """Texts a review of the seventy-fourth batch found misread, each now right."""
    for text, dead in (
            ("The suspect killed his wife, a 34-year-old teacher, at their home on Friday.", 1),
            ("The driver killed his son, 7, when his car hit a tree on Friday.", 1),
            ("The man killed his wife and daughter before turning the gun on himself.", 2),
            ("A drone strike killed her son and husband in Kherson on Sunday.", 2),
            ("He killed his wife, son and daughter on Monday.", None)):
        assert [e.fatalities for e in analyse(text).events if e.fatalities is not None] == \
            ([dead] if dead else []), text
    for text in ("Shelling in the DPR killed four civilians on Monday.",
                 "Bushfires in the ACT forced evacuations on Monday."):
        assert [e.kind for e in analyse(text).entities] == ["place"], text
    doc = analyse("In Pakistan's worst bombing in years, 80 people were killed in Peshawar.",
                  gazetteer=FakeGazetteer("Peshawar"))
    assert [role(doc, e, "agent") for e in doc.events] == [[]]


def test_seventy_fifth_batch_reduced_relatives_and_birthplaces():
    doc = analyse("A 22-year-old man suspected of fatally shooting activist Charlie Kirk was "
                  "taken into custody late Thursday.")
    assert role(doc, one(doc, "Arrest"), "target") == []
    doc = analyse("Charlie Kirk was arrested on Thursday.")
    assert role(doc, one(doc, "Arrest"), "target") == ["Charlie Kirk"]
    doc = analyse("Prevost, born in Chicago, led the Vatican office that selects bishops before "
                  "his election.", gazetteer=FakeGazetteer("Chicago"))
    assert places(doc, one(doc, "Election")) == []


def test_review_of_the_seventy_fifth_batch():
    """Texts a review of the seventy-fifth batch found misread, each now right."""
    for text, dead in (("The strike killed his wife and his daughter in Gaza City on Monday.", 2),
                       ("The blast killed her son and his wife in Kabul on Monday.", 2),
                       ("A drone strike killed his son, 7, and daughter, 5, in Kherson on "
                        "Monday.", None),
                       ("A gunman shot dead his wife, a nurse, and their three children on "
                        "Monday.", None)):
        assert [e.fatalities for e in analyse(text).events if e.fatalities] == \
            ([dead] if dead else []), text
    doc = analyse("A source in the SBU said the drones had been smuggled in trucks.")
    assert {e.label: e.kind for e in doc.entities} == {"SBU": "organization"}
    for text in ("Nine people were killed in Russia's deadliest air strike in weeks on Monday.",
                 "Ten people died in Israel's deadliest airstrike since the truce on Monday."):
        doc = analyse(text)
        strikes = [e for e in doc.events if e.type == "AirStrike"]
        assert [len(role(doc, e, "agent")) for e in strikes] == [1], text
    doc = analyse("At least 50 people died in Nigeria's worst bandit attack in Zamfara on "
                  "Sunday.", gazetteer=FakeGazetteer("Zamfara"))
    assert role(doc, one(doc, "Attack"), "agent") == []
    doc = analyse("Witkoff met officials from Qatar to discuss the ceasefire in Doha on Monday.",
                  gazetteer=FakeGazetteer("Doha"))
    assert places(doc, one(doc, "Meeting")) == ["Doha"]
    doc = analyse("A man accused of helping Iran attack Israel was arrested in Tel Aviv on "
                  "Monday.")
    assert role(doc, one(doc, "Attack"), "agent") == ["Iran"]
    doc = analyse("The issue was raised in Geneva at talks between Iran and the United States "
                  "on Monday.", gazetteer=FakeGazetteer("Geneva"))
    assert places(doc, one(doc, "Negotiation")) == ["Geneva"]


def test_seventy_sixth_batch_storms_laws_and_timetables():
    doc = analyse("Hurricane Melissa made landfall in Jamaica on Tuesday as a Category 5 storm. "
                  "At least three people died in Jamaica during preparations for the storm.",
                  published=date(2025, 10, 29))
    storm = one(doc, "Storm")
    assert storm.modality == "asserted" and storm.time.value == "2025-10-28"
    doc = analyse("The justices said the law did not violate the First Amendment. Congress "
                  "passed the Inflation Reduction Act in 2022.")
    assert {e.label for e in doc.entities}.isdisjoint({"First Amendment",
                                                       "Inflation Reduction Act"})
    doc = analyse("President-elect Donald Trump, who takes office on Monday, said he would "
                  "decide soon.", published=date(2025, 1, 17))
    assert [t.value for t in doc.timexes if t.text == "Monday"] == ["2025-01-20"]
    doc = analyse("A gunman opens fire on Monday.", published=date(2025, 1, 17))
    assert [t.value for t in doc.timexes] == ["2025-01-13"]


def test_review_of_the_whole_sixteenth_stop():
    """Texts an overall review of the stop found misread, each now right."""
    for text, name in (("Jannik Sinner beat Carlos Alcaraz 6-4, 7-5 in the Rome final on "
                        "Sunday.", "Carlos Alcaraz"),
                       ("Aryna Sabalenka lost to Coco Gauff 6-4, 6-2 in the semi-final.",
                        "Coco Gauff")):
        assert {e.label: e.kind for e in analyse(text).entities}.get(name) == "person", text
    for text, dead in (("The mudslide killed 50 people and 30 others remained missing on "
                        "Monday.", 50),
                       ("The earthquake killed 120 people and 200 others remain trapped, "
                        "officials said.", 120)):
        assert [e.fatalities for e in analyse(text).events] == [dead], text
    doc = analyse("US-China talks on tariffs yield trade deal")
    assert one(doc, "Agreement").modality == "asserted"
    doc = analyse("Sources in the CAR said rebels attacked a convoy near Bangui.")
    assert {e.label: e.kind for e in doc.entities}.get("CAR") == "place"


def test_seventy_seventh_batch_shootings_aboard_reports_and_plans():
    doc = analyse("Police fired on young protesters in the capital on Monday, killing at least "
                  "19 people.")
    assert [(e.type, e.fatalities) for e in doc.events] == [("Attack", 19)]
    doc = analyse("All 67 people aboard an American Airlines regional jet and a U.S. Army Black "
                  "Hawk helicopter were killed when the two aircraft collided on Wednesday.")
    assert [e.fatalities for e in doc.events] == [67]
    doc = analyse("Zelensky said on Saturday that he would travel to Washington on Monday.",
                  published=date(2025, 8, 16))
    assert one(doc, "Visit").time.value == "2025-08-18"
    doc = analyse("It was the first meeting between the two leaders since 2021. Putin suggested "
                  "that their next meeting could be held in Moscow.", published=date(2025, 8, 16))
    plans = [e for e in doc.events if e.modality == "planned"]
    assert plans and all(e.time.value != "2021" for e in plans)
    doc = analyse("It was one of the deadliest industrial accidents in Telangana in recent "
                  "years.")
    assert events_of(doc, "Accident") == []


def test_review_of_the_seventy_sixth_and_seventy_seventh_batches():
    """Texts a review of the seventy-sixth and seventy-seventh batches found misread."""
    for text, day in (("Wall Street closes higher on Friday as tech stocks rally.", "2025-05-09"),
                      ("Israel begins new offensive in Gaza on Friday, military says.",
                       "2025-05-09"),
                      ("Police will investigate the attack on Sunday, which killed 20 people.",
                       "2025-05-11")):
        doc = analyse(text, published=date(2025, 5, 12))
        assert [t.value for t in doc.timexes] == [day], text
    for text, dead in (("The boat had 40 migrants aboard and the captain drowned.", None),
                       ("The bombing killed 12 soldiers and three others.", 15),
                       ("The strike killed two soldiers and three civilians Sunday.", 5),
                       ("The strike killed five soldiers and three civilians amid heavy "
                        "fighting in Pokrovsk.", 8),
                       ("The mudslide killed 50 people and 30 others remained missing.", 50)):
        assert [e.fatalities for e in analyse(text).events if e.fatalities] == \
            ([dead] if dead else []), text
    for text in ("Talks on a minerals agreement broke down on Friday.",
                 "A push for an arms control agreement failed in Geneva."):
        assert one(analyse(text), "Agreement").modality == "planned", text
    doc = analyse("The army said on Sunday that it had killed 20 militants in the past 24 "
                  "hours.", published=date(2025, 5, 12))
    assert [e.time.value for e in doc.events] == ["2025-05-11"]
    doc = analyse("It was one of the deadliest attacks on aid workers, killing 15 staff, the UN "
                  "said.")
    assert [(e.type, e.fatalities) for e in doc.events] == [("Attack", 15)]
    assert {e.label: e.kind for e in analyse("The Constitutional Convention approved the draft "
                                              "on Friday.").entities} == \
        {"Constitutional Convention": "organization"}


def test_seventy_eighth_batch_a_place_that_qualifies_a_city():
    doc = analyse("Drones struck the airport on Tuesday, the third day of attacks on the Red Sea "
                  "city.", gazetteer=FakeGazetteer("Red Sea"))
    assert all(places(doc, e) == [] for e in doc.events)
    doc = analyse("Drones struck the Black Sea port of Odesa on Tuesday.",
                  gazetteer=FakeGazetteer("Black Sea", "Odesa"))
    assert [places(doc, e) for e in doc.events] == [["Odesa"]]


def test_review_of_the_seventy_eighth_batch_and_its_fixes():
    """Texts a review of the last fixes found misread, each now right."""
    for text, day in (("Ukraine and Russia are due to hold direct talks in Istanbul on Thursday, "
                       "the Kremlin said.", "2025-05-15"),
                      ("The minister resigned, and on Friday parliament will elect her "
                       "successor.", "2025-05-16"),
                      ("Police will investigate the attack on Sunday, which killed 20 people.",
                       "2025-05-11")):
        doc = analyse(text, published=date(2025, 5, 12))
        assert [t.value for t in doc.timexes] == [day], text
    for text, dead in (("The earthquake killed 40 people and 30 others missing.", 40),
                       ("The fire killed eight people and 15 others still need treatment.", 8),
                       ("The crash killed two people and three others inside the car were "
                        "injured.", 2),
                       ("Five people aboard and the pilot were killed when the plane crashed.",
                        5),
                       ("A gunman opened fire at the school, killing two students and two "
                        "teachers and wounding nine other people.", 4)):
        assert [e.fatalities for e in analyse(text).events if e.fatalities] == [dead], text
    for text in ("It was one of the deadliest attacks on Kyiv since the war began in 2022.",
                 "It was one of the worst floods in 50 years, officials said."):
        assert analyse(text).events == [], text
    doc = analyse("Drone strikes hit the Odesa port on Sunday.", gazetteer=FakeGazetteer("Odesa"))
    assert [places(doc, e) for e in doc.events] == [["Odesa"]]
    doc = analyse("Turkey was the first country to ratify the Istanbul Convention.")
    assert "Istanbul Convention" not in {e.label for e in doc.entities}


def test_seventy_ninth_batch_classes_and_comparisons_of_told_events():
    doc = analyse("Turnout was 79.4%, the highest in a presidential vote since 1997.",
                  published=date(2025, 6, 4))
    assert events_of(doc, "Election") == []
    doc = analyse("Russia pounded Kyiv with drones and missiles overnight, killing at least 28 "
                  "people in one of the deadliest attacks on the capital since the start of "
                  "the war.", published=date(2025, 6, 17))
    assert [trigger(doc, e) for e in doc.events] == ["pounded"]
    doc = analyse('Zelensky called it "one of the most terrifying attacks" on Tuesday.',
                  published=date(2025, 6, 17))
    assert events_of(doc, "Attack") == []
    doc = analyse("The army said it was one of the deadliest ambushes in years, with 12 soldiers "
                  "killed.")
    assert [e.fatalities for e in doc.events] == [12]


def test_review_of_the_seventy_ninth_batch():
    """Texts a review of the seventy-ninth batch found misread, each now right."""
    for text, etype in (("Gaza has been under a blockade since 2007, and aid groups say food "
                         "is running out.", "Encirclement"),
                        ("Kenya has seen a wave of protests since 2024 against tax increases.",
                         "Protest"),
                        ("Thousands fled their homes in one of the worst floods to hit "
                         "Pakistan, officials said.", "Flood"),
                        ("Hundreds of homes were flooded in one of the worst storms to hit "
                         "Britain in years.", "Storm"),
                        ("It was one of the largest protests in Georgia since 2020, and police "
                         "detained 30 people.", "Protest"),
                        ("During a visit to Kyiv, the German chancellor was caught in one of "
                         "the heaviest air raids of the war.", "AirStrike")):
        assert len(events_of(analyse(text), etype)) == 1, text


def test_eightieth_batch_weekdays_count_from_the_dateline_filed_before_publication():
    text = ("UK's Sunak calls July 4 election\n\nLONDON, May 22 - British Prime Minister Rishi "
            "Sunak on Wednesday called a national election for July 4.")
    doc = analyse(text, published=date(2024, 6, 1))
    call = doc.events[0]
    assert call.time.value == "2024-05-22", call.time
    assert any("dateline (2024-05-22), 10 days" in w for w in doc.warnings)
    for published, day in ((date(2024, 5, 22), "2024-05-22"), (date(2024, 7, 1), "2024-06-26")):
        doc = analyse(text, published=published)
        assert doc.events[0].time.value == day, published
        assert not any("dateline" in w for w in doc.warnings)


def test_review_of_the_dateline_rule():
    """A plan told after the dateline's day stays a plan; an updated report is not re-dated."""
    text = ("Storm batters Norway\n\nOSLO, Jan 2 - A storm battered western Norway on Thursday, "
            "cutting power to thousands. Forecasters said a second storm would hit the coast on "
            "Saturday.")
    doc = analyse(text, published=date(2025, 1, 9))
    assert [(e.modality, e.time.value) for e in doc.events] == \
        [("asserted", "2025-01-02"), ("planned", "2025-01-04")]
    text = ("Landslide buries village\n\nPORT MORESBY, May 20 - A landslide buried a village in "
            "Enga province on Sunday, officials said.\n\nUPDATE, May 24: The UN said on Friday "
            "that aid convoys had reached the site.")
    doc = analyse(text, published=date(2025, 5, 27))
    assert not any("dateline" in w for w in doc.warnings)


def test_murders_are_counted_and_a_sentence_of_detention_is_no_arrest():
    doc = analyse("A British court on Friday sentenced a man to indefinite detention in a "
                  "high-security hospital for murdering three people in a knife attack in "
                  "Nottingham in June 2023.", published=date(2025, 5, 12))
    assert events_of(doc, "Arrest") == []
    assert [(e.fatalities, e.time.value) for e in doc.events if e.fatalities] == \
        [(3, "2023-06")]
    doc = analyse("Gunmen murdered four villagers in Zamfara on Sunday.")
    assert [e.fatalities for e in doc.events] == [4]
    for text in ("He was convicted on Monday of murdering his wife in 2019.",
                 "The man accused of murdering two teenagers appeared in court on Tuesday.",
                 "Troops were accused on Monday of shelling the village."):
        doc = analyse(text, published=date(2025, 5, 12))
        told = [e for e in doc.events if e.type not in ("Other", "Accusation")]
        assert [e.time.value for e in told] in ([None], ["2019"]), text  # not the court's day


def test_review_of_the_charges_of():
    """A crime after "accused of"/"suspected of" keeps its own day, not the court's."""
    for text, day in (("A man accused of shooting dead Minnesota state lawmaker Melissa Hortman "
                       "and her husband at their home on Saturday was charged with murder on "
                       "Monday, prosecutors said.", "2025-06-14"),
                      ("A man suspected of shooting dead a police officer on Saturday was "
                       "arrested on Monday.", "2025-06-14"),
                      ("He was convicted on Monday of murdering his wife in 2019.", "2019")):
        doc = analyse(text, published=date(2025, 6, 16))
        assert [e.time.value for e in doc.events if e.type == "Killing"] == [day], text
    doc = analyse("The man accused of murdering two teenagers appeared in court on Tuesday.",
                  published=date(2025, 6, 16))
    assert [e.time.value for e in doc.events if e.type == "Killing"] == [None]


def test_eighty_first_batch_times_counts_and_modality():
    """First contact, 80th and 81st batches: tense across "that" and relative clauses, a
    shift from an untold point, a count in a clause of its own, "no one", an aim in a
    relative clause, idioms and fires that are no events of their kind."""
    # a weekday after "will remain closed" is ahead; "told ... on Monday that she would" is
    # the telling's Monday; "who is expected to speak on Tuesday, said" the next Tuesday
    doc = analyse("Schools will remain closed on Monday, the governor said. Sheinbaum told "
                  "supporters early on Monday that she would govern for all. Raisi, who is "
                  "expected to address the assembly on Tuesday, said Tehran would decide.",
                  published=date(2024, 3, 23))
    assert [t.value for t in doc.timexes] == ["2024-03-25", "2024-03-18", "2024-03-26"]
    doc = analyse("Yoon, whose party suffered a heavy defeat in elections in April, has seen "
                  "his ratings fall.", published=date(2024, 12, 4))
    assert [t.value for t in doc.timexes if t.type == "DATE"] == ["2024-04"]
    # a speed is no set of times
    doc = analyse("The storm brought winds of 220 kilometres per hour.")
    assert not [t for t in doc.timexes if t.type == "SET"]
    # "Hours later": the day named dates the explosions
    doc = analyse("Just hours later, explosions were heard in Srinagar late on Saturday.",
                  published=date(2025, 5, 11))
    assert one(doc, "Explosion").time.value == "2025-05-10"
    # the dead of a killing told after "after" are not the strikes'
    doc = analyse("India launched missile strikes on Wednesday, two weeks after gunmen killed "
                  "26 people near Pahalgam.", published=date(2025, 5, 8))
    assert one(doc, "ShellingMissileAttack").fatalities is None
    assert [e.fatalities for e in doc.events if e.type != "ShellingMissileAttack"] == [26]
    doc = analyse("Floodwaters that swept through Derna after two dams burst have killed "
                  "more than 5,000 people, officials said.")
    assert one(doc, "Flood").fatalities == 5000
    # "nobody had been detained": no arrest; "who tried to stop them was shot dead": no plan
    doc = analyse("Nobody had been detained by Saturday, police said.")
    assert one(doc, "Arrest").modality == "negated"
    doc = analyse("A local resident who tried to stop them was reportedly shot dead.")
    assert one(doc, "Killing").modality == "hedged"
    # idioms and objects that make no event of the trigger's type
    doc = analyse("Officials were told in advance. Rescuers pulled out the last two bodies "
                  "on Saturday. Boko Haram militants seized 276 schoolgirls in Chibok in 2014.")
    assert not [e for e in doc.events if e.type in ("Advance", "Withdrawal", "TerritoryTaken")]
    doc = analyse("A fire swept through a passenger ferry late on Wednesday, killing 31 people.")
    assert one(doc, "Accident").fatalities == 31 and not events_of(doc, "Wildfire")
    # "the European Union and China": two names
    doc = analyse("The European Union and China agreed to hold talks.")
    assert "European Union and China" not in {e.label for e in doc.entities}


def test_eighty_first_batch_audiences_passive_subjects_and_named_days():
    """First contact, 80th and 81st batches: "told" an audience before its day, the subject
    of "after being shot", a day named by "declared", an event presupposed after "for"."""
    doc = analyse("Sheinbaum told cheering supporters in the capital early on Monday that she "
                  "would govern for all.", published=date(2024, 6, 3))
    assert one(doc, "Statement").time.value == "2024-06-03"
    doc = analyse("Prime Minister Robert Fico was in hospital on Thursday after being shot in "
                  "the town of Handlova on Wednesday.", published=date(2024, 5, 16))
    assert role(doc, one(doc, "Attack"), "target") == ["Robert Fico"]
    # the day a verb names is ahead and dates no event of the sentence
    doc = analyse("Putin declared Sunday a national day of mourning and vowed to punish those "
                  "behind the attack.", published=date(2024, 3, 23))
    assert [t.value for t in doc.timexes] == ["2024-03-24"]
    assert all(e.modality != "planned" and e.time.value is None for e in doc.events), \
        [(trigger(doc, e), e.modality, e.time.value) for e in doc.events]
    doc = analyse("The army plans to retaliate for the bombing of the base.")
    assert one(doc, "Bombing").modality == "asserted"
    doc = analyse("The army plans to launch a bombing campaign.")
    assert one(doc, "Bombing").modality == "planned"


def test_a_time_of_a_clause_set_off_by_commas_is_not_the_main_verbs():
    """First contact, 81st batch: "The botanical garden, founded in 1931, was destroyed"
    happened in 2024; a time of a relative clause dates no main verb after it."""
    doc = analyse("The botanical garden, founded in 1931, was almost completely destroyed, "
                  "officials said.", published=date(2024, 2, 5))
    assert one(doc, "Damage").time.value is None
    doc = analyse("The bridge, built in 1890, collapsed on Sunday.", published=date(2024, 2, 5))
    assert one(doc, "Damage").time.value == "2024-02-04"
    doc = analyse("President Zuzana Caputova, who leaves office in June, invited the leaders of "
                  "all parties to a meeting.", published=date(2024, 5, 16))
    assert one(doc, "Meeting").time.value is None
    # (but a finite verb after an apposition keeps its day, and so does what it causes)
    doc = analyse("A jet carrying Yevgeny Prigozhin, the head of the Wagner group, crashed in "
                  "the Tver region on Wednesday, killing all ten people on board.",
                  published=date(2023, 8, 24))
    assert {e.time.value for e in doc.events} == {"2023-08-23"}


def test_eighty_first_batch_subjects_past_relative_clauses_and_titles():
    """First contact, 80th batch: the subject before a relative clause speaks after it; a
    verb after "after" + a common noun has that noun as subject; an employer before a title
    does not speak for the person named after it."""
    doc = analyse("Acting President Choi Sang-mok, who took over the role only on Friday after "
                  "parliament impeached Prime Minister Han Duck-soo, declared seven days of "
                  "national mourning.", published=date(2024, 12, 29))
    assert role(doc, one(doc, "Announcement"), "speaker") == ["Choi Sang-mok"]
    assert [role(doc, e, "agent") for e in doc.events if trigger(doc, e) == "impeached"] == [[]]
    doc = analyse("Jeju Air chief executive Kim E-bae bowed in apology at a news conference and "
                  "said the airline would cooperate fully.", published=date(2024, 12, 29))
    assert role(doc, one(doc, "Statement"), "speaker") == ["Kim E-bae"]
    # (but "Toninelli said the management of Autostrade, which operates the motorway, should
    # resign": the management resigns, not Toninelli; see the test of a closing report's day)


def test_eighty_first_batch_a_main_clauses_day_and_structures_that_give_way():
    """First contact, 81st batch: the day of the main clause does not date the verb of an
    "after" clause with its own subject (but "when" tells the same time); "gave way" is a
    collapse; bodies pulled out are no withdrawal."""
    doc = analyse("Serbia observed a day of national mourning on Saturday after a concrete "
                  "canopy at the railway station in Novi Sad collapsed.",
                  published=date(2024, 11, 2))
    assert one(doc, "Accident").time.value is None
    doc = analyse("General Igor Kirillov was killed on Tuesday when a bomb hidden in an electric "
                  "scooter exploded outside his building.", published=date(2024, 12, 18))
    assert one(doc, "Explosion").time.value == "2024-12-17"
    doc = analyse("The canopy gave way shortly before noon on Friday. The last two bodies were "
                  "pulled out early on Saturday.", published=date(2024, 11, 2))
    assert one(doc, "Accident").time.value == "2024-11-01T12:00"
    assert not events_of(doc, "Withdrawal")


def test_bodies_recovered_are_dead_of_the_event_told_before():
    """A left-alone case of the sixteenth stop: "Divers had recovered at least 40 bodies"
    counts 40 dead, for the flood told before (a figure as a toll is); bodies that orbit a
    star or bodies set up to oversee are no dead."""
    doc = analyse("Flash floods swept through the valley on Sunday. Divers had recovered at "
                  "least 40 bodies from the river by Monday evening, officials said.",
                  published=date(2024, 6, 4))
    assert one(doc, "Flood").fatalities == 40 and len(doc.events) == 1
    doc = analyse("Astronomers found two bodies that orbit a star. The government identified "
                  "two bodies to oversee the inquiry.")
    assert all(e.fatalities is None for e in doc.events)


def test_protests_from_a_country_and_a_clause_after_despite():
    """A left-alone case of the sixteenth stop: "Despite protests from China, the Philippines
    held drills on Wednesday" is China's protest, not one in China, nor one of the drills'
    parties or day; "Protests from Belgrade to Novi Sad" is still a stretch of places."""
    doc = analyse("Despite protests from China, the Philippines held joint drills with the "
                  "United States on Wednesday.", published=date(2024, 6, 4))
    protest = one(doc, "Protest")
    assert places(doc, protest) == [] and protest.time.value is None
    assert role(doc, protest, "participant") == ["China"]
    doc = analyse("Protests from Belgrade to Novi Sad drew thousands.",
                  gazetteer=FakeGazetteer("Belgrade", "Novi Sad"))
    assert "Belgrade" in places(doc, one(doc, "Protest"))


def test_review_of_the_eighty_first_batch_rules():
    """A helper's review of the 81st batch's rules (237 texts, 42 better, 12 worse, each now
    right): a day of a relative clause still dates the verb after it; a named day is the one
    nearest the report; "after the election" in a plan is still to come; "gave way to" is no
    collapse; an object before a relative clause and a speaker's subject are no subjects."""
    doc = analyse("The plane, which took off from Baku on Wednesday, crashed near Aktau, "
                  "killing 38 people.", published=date(2024, 12, 26))
    assert one(doc, "Accident").time.value == "2024-12-25"
    for text, day in (("Serbia declared Sunday a day of mourning after the canopy collapsed "
                       "in Novi Sad on Friday.", "2024-10-27"),
                      ("The government declared Wednesday a national day of mourning after "
                       "the ferry sank on Sunday.", "2024-10-30")):
        doc = analyse(text, published=date(2024, 10, 28))
        assert [t.value for t in doc.timexes][0] == day, text
    doc = analyse("The ministry declared Sunday a day after the blast that the toll had risen.",
                  published=date(2024, 7, 3))
    assert [t.value for t in doc.timexes][0] == "2024-06-30"
    doc = analyse("The president plans to visit the town after the election.")
    assert one(doc, "Election").modality == "planned"
    doc = analyse("Talks over the dam gave way to a bitter dispute. The mayor gave way to "
                  "demands for the bridge to be closed.")
    assert not events_of(doc, "Damage") and not events_of(doc, "Accident")
    doc = analyse("The UN envoy met Ahmed al-Sharaa, who leads Syria's new government, and "
                  "urged elections.")
    assert role(doc, one(doc, "Statement"), "speaker") == ["UN"]
    doc = analyse("The UN said the convoy was looted after being attacked near Rafah.")
    assert role(doc, one(doc, "Attack"), "target") == []


def test_review_of_the_eightieth_batch_rules():
    """A helper's review of the 80th batch's rules (249 texts: 45 better, 40 worse, each now
    right): money and counts "per day" stay sets; a count "until"/"it killed"/"found dead"
    after a clause opener is the host's; an aim's relative clause keeps the plan; blockers
    stop at a comma; vehicles in a wildfire report; "Cooperation and Development"; a city
    before a noun after "the"; a city's "party chief"."""
    doc = analyse("The government will spend $2 billion per year. About 3,000 people per day "
                  "are crossing the border.")
    assert [t.type for t in doc.timexes] == ["SET", "SET"]
    for text, etype, dead in (
            ("A fire broke out at the hotel shortly before 12 guests were found dead.",
             "Accident", 12),
            ("Rebels shelled the town until 15 civilians were killed, witnesses said.",
             "ShellingMissileAttack", 15),
            ("The typhoon weakened after it killed 21 people in the Philippines.", "Storm", 21),
            ("The building collapsed after heavy rain, hours before 9 bodies were recovered.",
             "Damage", 9)):
        doc = analyse(text)
        assert [(e.type, e.fatalities) for e in doc.events] == [(etype, dead)], text
    doc = analyse("The group said it plans to launch an offensive that is aimed at retaking "
                  "the city.")
    assert all(e.modality == "planned" for e in doc.events if e.type == "TerritoryRetaken")
    assert events_of(doc, "TerritoryRetaken")
    for text in ("Troops pulled out of the river port of Kherson on Friday.",
                 "Ukrainian forces pulled out of Irpin, where bodies lay in the streets."):
        assert events_of(analyse(text), "Withdrawal"), text
    doc = analyse("Insurgents seized the district, forcing villagers to flee.")
    assert events_of(doc, "TerritoryTaken")
    for text in ("The fire has burned 5,000 hectares of forest, and water-bombing planes were "
                 "deployed.", "The fire burned through pine forest on the island, and ferries "
                 "evacuated hundreds of tourists."):
        assert events_of(analyse(text), "Wildfire"), text
    doc = analyse("The Organization for Economic Cooperation and Development said inflation "
                  "would ease.")
    assert "Organization for Economic Cooperation and Development" in \
        {e.label for e in doc.entities}


def test_review_of_the_eightieth_batch_places():
    """The same review: a city written as a modifier after "the" ("the Gaza City hospital")
    keeps its place; a city before "party chief" stays the city."""
    gazetteer = pytest.importorskip("kg.linking").Gazetteer.load()
    doc = analyse("Residents fled Gaza City on Monday. Doctors at the Gaza City hospital said "
                  "20 people were killed.", gazetteer=gazetteer)
    assert [e.geonames is not None for e in doc.entities if e.label == "Gaza City"] == [True]
    doc = analyse("The Istanbul party chief was detained by police on Wednesday.",
                  gazetteer=gazetteer)
    assert [(e.label, e.kind) for e in doc.entities] == [("Istanbul", "place")]


def test_review_of_the_whole_seventeenth_stop():
    """The overall review of the stop (50 reports): "after polls closed and said" leaves the
    speaker to the main subject; ", and some set fire" keeps the sentence's place."""
    doc = analyse("Sergio Massa conceded defeat about two hours after polls closed and said "
                  "he had called Javier Milei to congratulate him.", published=date(2023, 11, 20))
    assert [role(doc, e, "speaker") for e in doc.events if trigger(doc, e) == "said"] == \
        [["Sergio Massa"]]
    doc = analyse("Hundreds of supporters of the junta gathered outside the national assembly "
                  "in Niamey, and some set fire to the headquarters of Bazoum's party.",
                  published=date(2023, 7, 27), gazetteer=FakeGazetteer("Niamey"))
    assert places(doc, one(doc, "Damage")) == ["Niamey"]


def test_holidays_and_diseases_are_no_entities():
    """From the overall review: "the New Year" is a day, no person or organisation (and no
    agent of an attack); "the Marburg virus" and "Lassa fever" are diseases, no towns; "no
    advance knowledge" is no advance; a dateline's "THE HAGUE" is The Hague."""
    doc = analyse("Attack kills 14 on New Year\n\nA man drove a truck into a crowd celebrating "
                  "the New Year in New Orleans, killing 14 people, police said. Crowds marked "
                  "Victory Day and Lunar New Year. Crowds marked Australia Day. The Day of the "
                  "Dead parade drew thousands.", published=date(2025, 1, 2))
    assert not [e for e in doc.entities if "Year" in e.label or "Day" in e.label]
    gazetteer = pytest.importorskip("kg.linking").Gazetteer.load()
    doc = analyse("THE HAGUE, Jan 2 (Reuters) - Rwanda reported new cases of the Marburg virus "
                  "on Monday. Lassa fever cases rose in Nigeria. Officials said they had no "
                  "advance knowledge of the plot.", published=date(2025, 1, 2),
                  gazetteer=gazetteer)
    labels = {e.label for e in doc.entities}
    assert "Marburg" not in labels and "Lassa" not in labels and "The Hague" in labels
    assert not events_of(doc, "Advance")


def test_guilty_verdicts_and_pleas():
    """From the overall review: "found X guilty" and "was found guilty" are verdicts on the
    person (a target, not an agent); "pleaded guilty" is the person's plea; "pleaded not
    guilty" is a plea denied."""
    doc = analyse("A New York jury on Thursday found Donald Trump guilty of falsifying business "
                  "records.", published=date(2024, 5, 31))
    verdict = one(doc, "Other")
    assert role(doc, verdict, "target") == ["Donald Trump"] and verdict.time.value == "2024-05-30"
    doc = analyse("FTX founder Sam Bankman-Fried was found guilty on Thursday of stealing "
                  "billions of dollars.", published=date(2023, 11, 3))
    assert role(doc, one(doc, "Other"), "target") == ["Sam Bankman-Fried"]
    doc = analyse("The former minister pleaded guilty to bribery on Monday.")
    assert one(doc, "Other").modality == "asserted"
    doc = analyse("Trump pleaded not guilty in April.")
    assert one(doc, "Other").modality == "negated"


def test_weekdays_of_meetings_behind_closed_doors_and_votes_as_early_as():
    """From the overall review: "will meet behind closed doors on Sunday" is the next Sunday
    ("closed" after a preposition is an adjective, no past); "as early as Friday" is ahead
    whatever the clause before it tells."""
    doc = analyse("The UN Security Council will meet behind closed doors on Sunday.",
                  published=date(2023, 10, 7))
    assert [t.value for t in doc.timexes] == ["2023-10-08"]
    doc = analyse("Six opposition parties submitted the bill later on Wednesday, and a vote "
                  "could be held as early as Friday.", published=date(2024, 12, 4))
    assert [t.value for t in doc.timexes] == ["2024-12-04", "2024-12-06"]


def test_a_wars_toll_is_no_count_of_its_first_attack():
    """From the overall review: "46,000 Palestinians have been killed since the war began on
    Oct 7, 2023, when Hamas-led gunmen attacked southern Israel" gave the attack 46,000 dead;
    a count "since the war began" or "in the war" is the war's. (But "killed since the storm
    hit", "killed in the fighting around Bakhmut" stay counts of those events.)"""
    doc = analyse("Gaza's health ministry says more than 46,000 Palestinians have been killed "
                  "since the war began on Oct 7, 2023, when Hamas-led gunmen attacked southern "
                  "Israel.", published=date(2025, 1, 15))
    assert all(e.fatalities is None for e in doc.events)
    doc = analyse("At least 12 people have been killed since the storm hit on Sunday.")
    assert one(doc, "Storm").fatalities == 12
    doc = analyse("More than 500 soldiers were killed in the fighting around Bakhmut on Monday.")
    assert one(doc, "ArmedClash").fatalities == 500


def test_eighty_second_and_third_batches():
    """First contact, 82nd and 83rd batches (live blogs, analyses, roundups, local news):
    "Oct. 1 last year"; "between six and ten hours" is no 16 hours; "declined to comment on
    the explosions" denies no explosion; an attempt charged is no plan; ramming attacks and a
    submersible's implosion; the House of Commons is a chamber; a cancelled trip is none."""
    doc = analyse("Ishiba took office on Oct. 1 last year.", published=date(2025, 9, 8))
    assert [t.value for t in doc.timexes][0] == "2024-10-01"
    assert one(doc, "Appointment").modality == "asserted"
    doc = analyse("Power could take between six and ten hours to return.")
    assert "PT16H" not in [t.value for t in doc.timexes]
    doc = analyse("Israel's military declined to comment on the explosions. The rebels refused "
                  "to sign the deal.")
    assert [e.modality for e in doc.events] == ["asserted", "negated"]
    doc = analyse("He was charged with murdering three girls and attempting to murder 10 other "
                  "people.")
    assert all(e.modality != "planned" for e in doc.events)
    doc = analyse("A man drove a car into a crowd at a Christmas market, killing five people.")
    assert one(doc, "Attack").fatalities == 5
    doc = analyse("The submersible suffered a catastrophic implosion.")
    assert one(doc, "Accident")
    doc = analyse("Labour won a large majority in the House of Commons.")
    assert [(e.label, e.kind) for e in doc.entities] == [("House of Commons", "organization")]
    doc = analyse("Biden cancelled a planned trip to Italy.")
    assert one(doc, "Visit").modality == "negated"


def test_a_name_ending_in_a_countrys_code_or_a_platform_after_on_is_no_person():
    """First contact, 82nd batch: "Reform UK" and "wrote on Truth Social" are no persons."""
    doc = analyse("Reform UK won five seats. Trump wrote on Truth Social that he was fine. "
                  "Paul Young said the count was slow.")
    kinds = {e.label: e.kind for e in doc.entities}
    assert kinds.get("Reform UK") != "person" and kinds.get("Truth Social") != "person"
    assert kinds["Paul Young"] == "person"


def test_review_of_the_guilty_verdicts_and_the_eighty_second_batch():
    """A helper's review of the rules from holidays to cancelled events (238 texts: 69 better,
    27 worse, each now right): "failed to reach a peace deal" denies the deal (a verb that
    carries the event right after "to"); "began as early as Monday" is past; "killed in the
    war zone near Kherson" is a count; "scrapped following the attack" denies no attack; an
    accidental ploughing is no attack; "found guilty parties", "the court heard the guilty
    man" are no verdicts; a plea "to planning an attack" is a plea made; "last year's winner"
    gives no year; "Hong Kong fever clinics" and "Fierce Santa Ana winds"."""
    for text in ("The two sides failed to reach a peace deal in Doha on Sunday, mediators said.",
                 "The junta declined to hold presidential elections in Bamako this year.",
                 "Hamas refused to accept the Egyptian ceasefire proposal on Monday."):
        assert {e.modality for e in analyse(text).events} == {"negated"}, text
    doc = analyse("Fighting began as early as Monday, residents said on Wednesday.",
                  published=date(2024, 9, 11))
    assert [t.value for t in doc.timexes][0] == "2024-09-09"
    doc = analyse("Two journalists were killed in the war zone near Kherson on Monday.")
    assert [e.fatalities for e in doc.events] == [2]
    doc = analyse("The match was scrapped following the attack on the team bus in Lahore.")
    assert one(doc, "Attack").modality == "asserted"
    doc = analyse("An elderly driver lost control and ploughed into a crowd of shoppers in Tokyo "
                  "on Monday; police said it was an accident.")
    assert not events_of(doc, "Attack")
    doc = analyse("Investigators found guilty parties had smuggled weapons. The court heard the "
                  "guilty man had planned the attack for months.")
    assert not [e for e in doc.events if trigger(doc, e) == "guilty"]
    doc = analyse("Three men pleaded guilty in Sydney on Thursday to planning a terrorist attack, "
                  "federal police said.", published=date(2023, 12, 1))
    assert [(e.modality, e.time.value) for e in doc.events if trigger(doc, e) == "guilty"] == \
        [("claimed", "2023-11-30")]
    doc = analyse("On March 3, last year's winner Tadej Pogacar crashed in the race.",
                  published=date(2024, 5, 22))
    assert [t.value for t in doc.timexes][0] == "2024-03-03"
    doc = analyse("Hong Kong fever clinics filled up. Fierce Santa Ana winds fanned the fires.")
    assert [e.label for e in doc.entities] == ["Hong Kong"]


def test_a_hundred_and_fifty_counts_one_hundred_and_fifty():
    """From the review: "A hundred and fifty people were killed" counted 50."""
    for text, dead in (("A hundred and fifty people were killed in the floods on Sunday.", 150),
                       ("Floods killed a hundred and fifty people on Sunday.", 150)):
        assert [e.fatalities for e in analyse(text).events] == [dead], text
    doc = analyse("Two hundred and ten soldiers were wounded in the clashes.")
    assert [e.injured for e in doc.events] == [210]


def test_review_of_the_whole_stop_once_more():
    """The last overall review of the stop (50 reports: 13 better, 5 worse, 3 mixed): "That
    attack" after a paragraph of 2016 is not the 2024 attack told first; "near the White House
    where" leaves the White House no town; "Those found guilty will be punished" is no
    verdict; "rejected calls for his resignation" presupposes no resignation."""
    doc = analyse("A man drove a car into a crowded Christmas market in Magdeburg on Friday "
                  "evening, killing five people.\n\nIn December 2016, a Tunisian man drove a "
                  "truck into a Christmas market in Berlin, killing 13 people. That attack was "
                  "claimed by Islamic State.", published=date(2024, 12, 21))
    attacks = [e for e in doc.events if e.type == "Attack"]
    assert len(attacks) == 2 and role(doc, attacks[0], "agent") == []
    gazetteer = pytest.importorskip("kg.linking").Gazetteer.load()
    doc = analyse("The protesters had gathered for a rally near the White House where Trump "
                  "spoke.", gazetteer=gazetteer)
    assert [e.geonames for e in doc.entities if e.label == "White House"] == [None]
    doc = analyse('"Those found guilty will be punished severely," he told reporters.')
    assert not [e for e in doc.events if trigger(doc, e) == "guilty"]
    doc = analyse("He rejected calls for his resignation.")
    assert one(doc, "Resignation").modality != "asserted"


def test_eighty_fourth_batch_speakers_and_negations():
    """Eighty-fourth batch (2022's war in the seeds' web style): the speaker of "X, an adviser
    to Defense Minister Y, told Reuters" is X (a long apposition; "told" is never followed by
    its speaker); "air raid sirens" are no raid; "causing ammunition to detonate" tells what
    happened; "there was no question of Russian forces capturing Kharkiv" denies the capture;
    a song's title in quotation marks names nobody."""
    doc = analyse("Yuriy Saks, an adviser to Defense Minister Oleksiy Reznikov, told Reuters "
                  "on Tuesday that operations north of the city had been a success.",
                  published=date(2022, 5, 11))
    assert role(doc, one(doc, "Statement"), "speaker") == ["Yuriy Saks"]
    doc = analyse("Officials urged residents not to ignore air raid sirens.")
    assert not events_of(doc, "Attack") and not events_of(doc, "AirStrike"), doc.events
    doc = analyse("The ministry said a fire had broken out on board, causing ammunition to "
                  "detonate.", published=date(2022, 4, 15))
    assert one(doc, "Explosion").modality != "planned"
    doc = analyse("He said there was no question of Russian forces capturing Kharkiv.")
    assert one(doc, "TerritoryTaken").modality == "negated"
    # (a review: "no question of the talks being cancelled" denies the cancelling only, and
    # "made no mention of the strike on Makiivka, which killed 89" denies no strike)
    doc = analyse("There is no question of the talks being cancelled, the foreign minister "
                  "said.")
    assert one(doc, "Negotiation").modality != "negated"
    doc = analyse("State television made no mention of the strike on Makiivka, which killed "
                  "at least 89 soldiers.")
    assert one(doc, "Attack").modality != "negated"
    # the person an apposition describes speaks, not a name inside it
    doc = analyse("Olaf Scholz, speaking alongside French President Emmanuel Macron in "
                  "Berlin, said Germany would not send troops. Denis Pushilin, the leader of "
                  "the self-proclaimed Donetsk People's Republic, said the fate of the "
                  "fighters would be decided by a court.")
    assert [role(doc, e, "speaker") for e in events_of(doc, "Statement")] == \
        [["Olaf Scholz"], ["Denis Pushilin"]]
    doc = analyse('Britain\'s Sam Ryder came second with "Space Man", while Spain finished '
                  'third.')
    assert "Space Man" not in {e.label for e in doc.entities}


def test_the_subject_of_a_passive_attack_is_its_place_and_rockets_slam_into():
    """Eighty-fourth batch: "Saltivka was pounded for weeks", "Kharkiv has again been
    shelled": the subject of a passive verb of attack is where it struck; "rockets slammed
    into residential neighborhoods of Kharkiv" is a strike (a car slamming into a wall stays
    a crash)."""
    gazetteer = pytest.importorskip("kg.linking").Gazetteer.load()
    doc = analyse("Saltivka was pounded for weeks by artillery.", gazetteer=gazetteer)
    assert places(doc, one(doc, "ShellingMissileAttack")) == ["Saltivka"]
    doc = analyse("Kharkiv has again been shelled, the mayor said.", gazetteer=gazetteer)
    assert places(doc, one(doc, "ShellingMissileAttack")) == ["Kharkiv"]
    doc = analyse("Russian rockets slammed into residential neighborhoods of Kharkiv on "
                  "Thursday, killing nine people.", gazetteer=gazetteer)
    assert places(doc, one(doc, "ShellingMissileAttack")) == ["Kharkiv"]
    doc = analyse("A car slammed into a wall in Kharkiv on Thursday, killing two people.",
                  gazetteer=gazetteer)
    assert not events_of(doc, "ShellingMissileAttack") and events_of(doc, "Accident")


def test_to_storm_the_complex_is_an_assault_and_due_to_storm_damage_a_cause():
    """Eighty-fourth batch: "ordered his forces not to storm the complex" is an assault not
    made, no weather; "closed due to storm damage" tells a cause, no schedule."""
    doc = analyse("In late April, Putin ordered his forces not to storm the complex.",
                  published=date(2022, 5, 21))
    assert not events_of(doc, "Storm") and one(doc, "Attack").modality == "negated"
    doc = analyse("Roads were closed due to storm damage.")
    assert all(e.modality != "planned" for e in doc.events), doc.events
    doc = analyse("The summit is due to open on Monday.")
    assert one(doc, "Meeting").modality == "planned"


def test_villages_no_list_holds_are_places_by_their_context():
    """Eighty-fourth batch (villages of the Kharkiv counter-offensive): a name described as a
    village in apposition, a name a verb only places take governs ("occupied", "lost control
    of"), and guessed names listed with a place are places, and the list's places are all
    the event's; "forces occupied" is a verb, "occupied Kherson" after "in" a description;
    "Russian troops lost control of Balakliia" is their withdrawal (a driver losing control of
    a car is none)."""
    gazetteer = pytest.importorskip("kg.linking").Gazetteer.load()
    doc = analyse("Ukrainian forces recaptured Ruska Lozova, a village on the main road to "
                  "Belgorod. The General Staff said units had retaken Cherkaski Tyshky, Ruski "
                  "Tyshky, Rubizhne and Bairak. Russian troops lost control of Balakliia. "
                  "Russian forces occupied Staryi Saltiv in March.",
                  published=date(2022, 5, 11), gazetteer=gazetteer)
    kinds = {e.label: e.kind for e in doc.entities}
    assert all(kinds.get(n) == "place" for n in ("Ruska Lozova", "Cherkaski Tyshky",
                                                   "Ruski Tyshky", "Bairak", "Staryi Saltiv")), \
        kinds
    retaken = events_of(doc, "TerritoryRetaken")
    assert [places(doc, e) for e in retaken] == [
        ["Ruska Lozova"], ["Cherkaski Tyshky", "Ruski Tyshky", "Rubizhne", "Bairak"]]
    assert places(doc, one(doc, "Withdrawal")) == ["Balakliia"]
    assert places(doc, one(doc, "Occupation")) == ["Staryi Saltiv"]
    doc = analyse("Residents of occupied Kherson fled. Anna Kovalenko, a town councillor, "
                  "said the driver lost control of the car.", gazetteer=gazetteer)
    assert not events_of(doc, "Occupation") and not events_of(doc, "Withdrawal")
    assert {e.label: e.kind for e in doc.entities}.get("Anna Kovalenko") == "person"


def test_review_of_the_eighty_fourth_batch_places_and_verbs():
    """A review of the villages' rules (205 texts: 38 better, 46 worse) and what mended them:
    a person described by a role in a village is no village; names after "liberated",
    "took control of" or before a possessive are no places; people and firms listed with
    countries are actors; "Israeli occupied East Jerusalem" and "Nvidia advanced chips" are
    descriptions; losing control of a narrative is no withdrawal; "poised to storm the charts"
    is no event; "Nurses are due to strike on Monday" is a plan."""
    gazetteer = pytest.importorskip("kg.linking").Gazetteer.load()
    doc = analyse("Olena Petrenko, a resident of the village, said the shelling lasted all "
                  "night. Israeli special forces liberated Noa Argamani from captivity in "
                  "Gaza. Russian artillery shelled Ivan Bondarenko's farm near Izium.",
                  gazetteer=gazetteer)
    kinds = {e.label: e.kind for e in doc.entities}
    assert [kinds.get(n) for n in ("Olena Petrenko", "Noa Argamani", "Ivan Bondarenko")] == \
        ["person"] * 3, kinds
    doc = analyse("The truce was brokered by Steve Witkoff, Qatar and Egypt.",
                  gazetteer=gazetteer)
    assert {e.label: e.kind for e in doc.entities}.get("Steve Witkoff") == "person"
    doc = analyse("Residents of Israeli occupied East Jerusalem protested on Sunday. The "
                  "rules cover Nvidia advanced chips.", gazetteer=gazetteer)
    assert not events_of(doc, "Occupation") and not events_of(doc, "Advance"), doc.events
    doc = analyse("The army lost control of the narrative after the raid.")
    assert not events_of(doc, "Withdrawal")
    doc = analyse("Taylor Swift's new album is poised to storm the charts on Friday.")
    assert not doc.events, doc.events
    doc = analyse("Nurses are due to strike on Monday over pay.")
    assert all(e.modality == "planned" for e in doc.events) and doc.events


def test_forces_strike_dismissing_an_account_and_where_bombers_flew():
    """Eighty-fourth batch: "Ukrainian forces then struck the bridges" is a strike (an armed
    subject; "troops struck a deal" is none); "Ukrainian officials dismissed that account" is
    no dismissal; "the mall was hit by missiles launched by bombers flying over Russia's Kursk
    region" did not happen in Kursk."""
    doc = analyse("Ukrainian forces then struck the bridges near the village.")
    assert one(doc, "ShellingMissileAttack")
    doc = analyse("The troops struck a deal with the militants.")
    assert not events_of(doc, "ShellingMissileAttack")
    doc = analyse("Ukrainian officials dismissed that account as a lie.")
    assert not events_of(doc, "Resignation"), doc.events
    gazetteer = pytest.importorskip("kg.linking").Gazetteer.load()
    doc = analyse("The Air Force said the mall was hit by Kh-22 missiles launched by Tu-22M3 "
                  "bombers flying over Russia's Kursk region.", gazetteer=gazetteer)
    assert "Kursk" not in " ".join(places(doc, one(doc, "ShellingMissileAttack")))


def test_a_roundups_sources_and_words():
    """Eighty-fourth batch (a day-80 roundup): the source of what "Kyrylo Budanov, the
    intelligence chief, told Sky News" is Budanov, not Sky News; "As the war enters its 80th
    day" is no advance; "the approval of all 30 NATO states" is no statement; "at Weissenhaus
    on Germany's Baltic coast" names Weissenhaus; a later speaker's word on an attack ("said
    the attacks were aimed at forcing the resignation") does not become its source."""
    doc = analyse("Ukraine's military intelligence chief, Kyrylo Budanov, told Sky News that "
                  "most active fighting could be over by the end of the year.",
                  published=date(2022, 5, 14))
    assert entity_label(doc, one(doc, "ArmedClash").according_to) == "Kyrylo Budanov"
    doc = analyse("As the war enters its 80th day, Russian troops are pulling back from the "
                  "area. Any new member requires the approval of all 30 NATO states.",
                  published=date(2022, 5, 14))
    assert not events_of(doc, "Advance") and not events_of(doc, "Statement"), doc.events
    doc = analyse("Ministers met at Weissenhaus on Germany's Baltic coast.")
    assert "Weissenhaus" in {e.label for e in doc.entities}
    doc = analyse("Armed gangs stormed the main prison on Saturday, officials said on Sunday. "
                  "Gang leader Jimmy Cherizier, known as Barbecue, said the attacks were aimed "
                  "at forcing the government out.", published=date(2024, 3, 4))
    storming = [e for e in doc.events if trigger(doc, e) == "stormed"]
    assert len(storming) == 1 and entity_label(doc, storming[0].according_to) is None


def test_bodies_counted_and_recovered_and_a_pluperfect_occupation():
    """Eighty-fourth batch (Bucha): "journalists counted at least 20 bodies" and "the bodies of
    410 civilians had been recovered" report deaths; "Russian troops had occupied Bucha" is
    an occupation (a pluperfect, no description of Bucha)."""
    doc = analyse("On Saturday, journalists counted at least 20 bodies of men in civilian "
                  "clothes on a single street.", published=date(2022, 4, 4))
    assert one(doc, "CasualtiesReport").fatalities == 20
    doc = analyse("The bodies of 410 civilians had been recovered from towns in the region, "
                  "the prosecutor said on Sunday.", published=date(2022, 4, 4))
    assert one(doc, "CasualtiesReport").fatalities == 410
    doc = analyse("Russian troops had occupied Bucha since the first days of the invasion.",
                  published=date(2022, 4, 4))
    assert one(doc, "Occupation").modality == "asserted"


def test_overall_review_words_of_another_sense_and_an_election_ahead():
    """An overall review of the stop (50 reports: 44 better, none worse) listed errors both
    versions made: "Storm Shadow missiles" are no storm; "the European Union condemned the
    strike" is no labour strike (a union's strike still is); "The pound fell to a record low"
    is no fall of a city; "campaigning ahead of Sunday's election" looks to the coming
    Sunday."""
    doc = analyse("Britain supplied Storm Shadow missiles to Ukraine. The pound fell to a "
                  "record low against the dollar.", published=date(2022, 10, 1))
    assert not events_of(doc, "Storm") and not events_of(doc, "TerritoryTaken"), doc.events
    doc = analyse("The UN and the European Union condemned the strike on the hospital.")
    assert not events_of(doc, "Protest") and one(doc, "Attack")
    doc = analyse("The strike by the teachers union closed schools on Monday.")
    assert one(doc, "Protest")
    doc = analyse("Abe was shot while campaigning in Nara ahead of Sunday's upper house "
                  "election.", published=date(2022, 7, 8))
    assert one(doc, "Election").time.value == "2022-07-10"


def test_a_year_of_a_things_relative_clause_or_name_dates_no_event():
    """The overall review's third kind: "hit a glass footbridge that was opened in 2019",
    "burst two dams that were built in the 1970s", "strained by a spy balloon that crossed the
    US in February" and "the chairman of the 1922 Committee" date nothing but the thing they
    describe; "protesters who stormed parliament on Tuesday" still dates the shooting at
    them."""
    doc = analyse("A Russian missile hit a glass footbridge in central Kyiv that was opened "
                  "in 2019, killing five people. Floodwaters burst two dams that were built in "
                  "the 1970s. Truss resigned after a meeting with the chairman of the 1922 "
                  "Committee.", published=date(2023, 10, 11))
    assert all(e.time.basis == "publication" for e in doc.events), \
        [(e.type, e.time.value) for e in doc.events]
    doc = analyse("Kenyan police opened fire on protesters who stormed parliament on Tuesday.",
                  published=date(2024, 6, 26))
    assert all(e.time.value == "2024-06-25" for e in doc.events), doc.events


def test_the_strike_refers_back_to_a_strike_by_a_weapon():
    """Eighty-fourth batch (Kramatorsk): after "a missile slammed into the railway station",
    "The strike came at around 10:30 a.m. on Friday" is that strike, and dates it."""
    doc = analyse("Officials were still counting the dead after a missile slammed into the "
                  "railway station in Kramatorsk.\n\nThe strike came at around 10:30 a.m. on "
                  "Friday, as families crowded the station building.",
                  published=date(2022, 4, 9))
    assert one(doc, "ShellingMissileAttack").time.value == "2022-04-08T10:30"


def test_review_of_the_roundup_and_overall_rules():
    """A review of the later rules (199 texts: 67 better, 11 worse) and what mended them:
    "ahead of" looks forward only for what follows it ("held final rallies on Friday ahead of
    Sunday's election": Friday is past); a city falls even when prices are named nearby, and
    the city that fell is the place; "Union leader Mick Lynch said the strike" is a labour
    strike; a comma closes a relative clause ("hit a plant which produced tanks, killing three
    workers on Friday": Friday is the strike's); a possessor inside an apposition is no
    source ("Kharkiv, Ukraine's second-largest city, said"); "the 2014 Minsk agreements"
    were made in 2014."""
    doc = analyse("Candidates held final rallies on Friday ahead of Sunday's presidential "
                  "election.", published=date(2022, 5, 14))
    assert one(doc, "Protest").time.value == "2022-05-13"
    gazetteer = pytest.importorskip("kg.linking").Gazetteer.load()
    doc = analyse("Kherson fell to Russian troops in March, and the rouble fell to record "
                  "lows.", published=date(2022, 5, 14), gazetteer=gazetteer)
    assert places(doc, one(doc, "TerritoryTaken")) == ["Kherson"]
    doc = analyse("Union leader Mick Lynch said the strike would go ahead on Tuesday.",
                  published=date(2022, 5, 14))
    assert one(doc, "Protest")
    doc = analyse("Russian missiles hit a plant which produced tanks, killing three workers "
                  "on Friday.", published=date(2022, 5, 14))
    assert one(doc, "ShellingMissileAttack").time.value == "2022-05-13"
    doc = analyse("Kharkiv, Ukraine's second-largest city, said it was shelled on Friday.",
                  published=date(2022, 5, 14), gazetteer=gazetteer)
    assert one(doc, "ShellingMissileAttack").according_to is None
    doc = analyse("Under the 2014 Minsk agreements, both sides agreed to a ceasefire.",
                  published=date(2022, 5, 14))
    assert one(doc, "Agreement").time.value == "2014"


def test_a_region_cleared_of_troops_and_ground_taken_in_the_passive():
    """Eighty-fourth batch (Sumy and Chernihiv): "The Chernihiv region was cleared of Russian
    troops in early April" is its recapture, there; the subject of a passive verb of ground
    taken is that ground ("Mariupol was encircled in early March")."""
    gazetteer = pytest.importorskip("kg.linking").Gazetteer.load()
    doc = analyse("The Chernihiv region was cleared of Russian troops in early April. "
                  "Mariupol was encircled in early March.", published=date(2022, 5, 17),
                  gazetteer=gazetteer)
    assert one(doc, "TerritoryRetaken").time.value == "2022-04"
    assert places(doc, one(doc, "Encirclement")) == ["Mariupol"]


def test_eighty_fifth_batch_words_and_states_since():
    """Eighty-fifth batch (Kharkiv, Kherson, Izium, Zaporizhzhia): "the blackened shells of
    residential blocks" are ruins, no shelling; "Ukrainian soldiers rolled into the centre of
    Kherson" entered it; "no question of regretting the annexation" denies the regret, not the
    annexation; "Ukraine's state nuclear operator" is no statement; "Far from the front" names
    no town; a state that began "since early March" began then ("which Russian troops had
    occupied since early March"), but "the first trial since the invasion opened on Friday"
    does not date the invasion."""
    gazetteer = pytest.importorskip("kg.linking").Gazetteer.load()
    doc = analyse("Zelensky walked past the blackened shells of residential blocks in Kharkiv "
                  "on Sunday. Far from the front, residents returned home.",
                  published=date(2022, 5, 30), gazetteer=gazetteer)
    assert not events_of(doc, "ShellingMissileAttack") and \
        "Far" not in {e.label for e in doc.entities}, doc.events
    doc = analyse("Ukrainian soldiers rolled into the centre of Kherson on Friday.",
                  published=date(2022, 11, 12), gazetteer=gazetteer)
    assert places(doc, one(doc, "Advance")) == ["Kherson"]
    doc = analyse("He said there was no question of regretting the annexation. Ukraine's state "
                  "nuclear operator said the reactor was shut down.")
    assert one(doc, "TerritoryTaken").modality != "negated"
    assert [trigger(doc, e) for e in events_of(doc, "Statement")] == ["said"]
    doc = analyse("Balakliia, which Russian troops had occupied since early March, was "
                  "retaken on Thursday. The first war crimes trial since the invasion opened "
                  "in Kyiv on Friday.", published=date(2022, 9, 11))
    assert one(doc, "Occupation").time.value == "2022-03"
    assert all(e.time.basis == "publication" for e in events_of(doc, "Attack"))


def test_a_relative_clause_with_its_own_subject_keeps_its_time():
    """Eighty-fifth batch (Snake Island): "Russian forces have left Snake Island, the outcrop
    that they seized on the first day of the war" - the first day is the seizure's, not the
    withdrawal's."""
    doc = analyse("Russian forces have left Snake Island, the rocky outcrop that they seized on "
                  "the first day of the war in Ukraine.", published=date(2022, 7, 1),
                  anchors={"war": date(2022, 2, 24)})
    assert one(doc, "Withdrawal").time.value != "2022-02-24"
    assert one(doc, "TerritoryTaken").time.value == "2022-02-24"


def test_review_of_the_eighty_fifth_batch_rules():
    """A review of the later batch rules (151 texts: 44 better, 13 worse) and what mended
    them: "the strike" after a labour strike told in its own words stays a labour strike even
    when a missile strike came before; markets and weather that "fell to" a figure took no
    town; "since the attack on Monday" and "since the earthquake struck on Feb 6" keep their
    days (but "100 days since Russia's invasion on Friday" does not date the invasion); aid
    trucks that "rolled into Gaza" are no advance."""
    doc = analyse("Russian rockets hit a power plant in Kharkiv on Monday. Meanwhile, doctors "
                  "in the city began a strike over unpaid wages. The strike is expected to "
                  "last a week.", published=date(2023, 3, 8))
    assert not [e for e in events_of(doc, "ShellingMissileAttack") if trigger(doc, e) ==
                "strike"] and events_of(doc, "Protest"), doc.events
    doc = analyse("Temperatures fell to minus 20 in Kharkiv overnight. The pound fell to $1.20 "
                  "on Monday. Bitcoin fell to about $25,000 on Thursday.",
                  published=date(2023, 3, 8))
    assert not events_of(doc, "TerritoryTaken"), doc.events
    doc = analyse("More than 50,000 people have died since the earthquake struck on Feb 6.",
                  published=date(2023, 3, 8))
    assert one(doc, "Earthquake").time.value == "2023-02-06"
    doc = analyse("Ukraine marked 100 days since Russia's invasion on Friday.",
                  published=date(2022, 6, 4))
    assert one(doc, "Attack").time.value != "2022-06-03"
    doc = analyse("The convoy of aid trucks rolled into Gaza on Saturday.")
    assert not events_of(doc, "Advance")


def test_a_year_inside_a_since_phrase_stays_its_events():
    """The last overall review (50 reports: 29 better, 4 worse): "the deadliest disaster
    since a 2010 earthquake" keeps the earthquake's year (the noun after "since" takes a time
    written inside its own phrase)."""
    doc = analyse("The fires made it the country's deadliest disaster since a 2010 earthquake.",
                  published=date(2024, 2, 5))
    assert one(doc, "Earthquake").time.value == "2010"


def test_a_time_in_a_since_phrase_bounds_the_main_event():
    """The last overall review, an error both versions made: "withdrawing its troops from
    Avdiivka ..., handing Russia its most significant gain since the fall of Bakhmut in May
    last year" - May is the bound's (Bakhmut's), not the withdrawal's."""
    doc = analyse("Ukraine announced early on Saturday that it was withdrawing its troops from "
                  "Avdiivka, handing Russia its most significant battlefield gain since the "
                  "fall of Bakhmut in May last year.", published=date(2024, 2, 17))
    assert one(doc, "Withdrawal").time.value == "2024-02-17"


def test_under_fire_and_a_relative_clause_with_forces_as_subject():
    """Eighty-fourth batch, read again at the end: "the area was still under fire" is no fire
    accident; "fighting around Staryi Saltiv, a village that Russian forces occupied on the
    first day of the invasion" - the first day is the occupation's, not the fighting's."""
    doc = analyse("No evacuation buses could be sent because the area was still under fire.")
    assert not events_of(doc, "Accident"), doc.events
    doc = analyse("Fighting has swung back and forth around Staryi Saltiv, a village on the "
                  "reservoir that Russian forces occupied on the first day of the invasion of "
                  "Ukraine.", published=date(2022, 5, 11), anchors={"invasion": date(2022, 2, 24)})
    assert one(doc, "ArmedClash").time.value != "2022-02-24"


def test_a_bridge_that_collapsed_is_told_not_planned():
    """Eighty-sixth batch (a bridge struck by a ship): "rebuilding the bridge that collapsed"
    after "would cover the cost" - the collapse is a past the relative clause tells, not part
    of the plan, and the planner is not its agent. The review of the batch's rules: a span, a
    structure or something that "fell" is no collapse by those words alone ("the structure of
    a government collapsed", "within the span of a week", "house prices fell")."""
    doc = analyse("Biden promised on Friday that Washington would cover the cost of rebuilding "
                  "the bridge that collapsed into the river ten days earlier.",
                  published=date(2024, 4, 6))
    collapse = one(doc, "Damage")
    assert (collapse.modality, collapse.time.value) == ("asserted", "2024-03-26")
    assert not collapse.participants
    for text in ("Negotiations over the structure of a new government collapsed on Monday.",
                 "Within the span of a week, the government collapsed.",
                 "House prices fell for a third month, the Nationwide said.",
                 "The Speaker of the House fell short of the votes needed."):
        assert not events_of(analyse(text), "Damage"), text


@pytest.mark.parametrize("text, etype, modality", [
    # a condition's event, however far after the "if" (a thing known to exist is not)
    ("Experts said many deaths could have been avoided if Libya had a weather service able "
     "to organise evacuations.", "Evacuation", "hedged"),
    ("It was not clear if anyone was killed in the blast on Monday.", "Explosion", "asserted"),
    # "rather than" denies a verb as it denies a noun
    ("The building suffered a direct hit rather than damage from an intercepted missile.",
     "Damage", "negated"),
    # saved from what did not happen; little sign of what did not
    ("The general said his troops had to be saved from being surrounded.", "Encirclement",
     "negated"),
    ("There was little sign that Moscow had pulled large units out of the area.",
     "Withdrawal", "negated"),
    # the aim of talks is no event yet (but "policies aimed at Cuba" aim at a country)
    ("The talks were aimed at securing a six-week truce.", "Ceasefire", "planned"),
    ("Castro said Cubans would protest American policies aimed at Cuba, including a "
     "four-decade economic embargo.", "Sanctions", "claimed"),
    # the review of these rules: a relative clause inside the condition tells what is given;
    # "little sign that" denies what is said of its subject, not the subject; an aim ends
    # before the main verb
    ("Police asked residents if they had seen the gunmen who attacked the bank on Monday.",
     "Attack", "asserted"),
    ("Rescuers did not know if more people were trapped in the building that collapsed.",
     "Damage", "asserted"),
    ("There was little sign that the fighting in Khartoum was easing.", "ArmedClash",
     "asserted"),
    ("Strikes aimed at knocking out power stations killed four civilians overnight.",
     "CasualtiesReport", "asserted"),
])
def test_conditions_alternatives_rescues_and_aims(text, etype, modality):
    """Eighty-sixth batch: hypotheticals, alternatives ruled out and aims read as facts."""
    assert one(analyse(text), etype).modality == modality


def test_a_buildings_century_and_a_closed_relative_clause_date_no_event():
    """Eighty-sixth batch: "The 12th-century Tinmel mosque" qualifies a building (its century
    dates nothing that happens to it later); a relative clause about another event that a
    comma closes keeps its time from a verb with a subject of its own after it ("the
    catastrophe that tore through the city eight days earlier, and some protesters later set
    fire": Monday's), but not from the same subject's next verb (see the earthquakes that
    struck western Japan on Monday)."""
    doc = analyse("The 12th-century Tinmel mosque was badly damaged, local officials said. In "
                  "Marrakech, parts of the medina walls collapsed.", published=date(2023, 9, 12))
    assert all(e.time.precision != "century" for e in doc.events), doc.events
    doc = analyse("Residents gathered outside the mosque on Monday, chanting against officials "
                  "they blame for the catastrophe that tore through the city eight days "
                  "earlier, and some protesters later set fire to the house of the mayor.",
                  published=date(2023, 9, 19))
    assert one(doc, "Damage").time.value == "2023-09-18"


def test_an_indirect_question_presupposes_the_thing_it_asks_about():
    """The review of the 86th batch, an error both versions made: "whether"/"asked if" ask
    something about an attack or an arrest that was; a condition ("If the ceasefire
    collapses") stays one (see test_conditions_rumours_and_possibilities_are_not_asserted)."""
    assert one(analyse("It was unclear whether the attack killed anyone."),
               "Attack").modality == "asserted"
    assert one(analyse("He asked the court to rule if the arrest was lawful."),
               "Arrest").modality == "asserted"
    assert one(analyse("Officials asked if an attack had been planned."),
               "Attack").modality == "hedged"


def test_eighty_seventh_batch_compounds_and_offices():
    """Eighty-seventh batch: "riot police", "combat readiness" and "expelled from the United
    Nations" are no riot, clash or retaking; a "general" near "strikes" makes no general
    strike unless the two stand together ("Prosecutor General's Office opened investigations
    into both strikes"); a titled official's office is one organisation."""
    for text, etype in (("The worst night came on April 30, when riot police fired tear gas.",
                         "Riot"),
                        ("The troops withdrew to restore their combat readiness.",
                         "ArmedClash"),
                        ("The ambassador called for Russia to be expelled from the United "
                         "Nations.", "TerritoryRetaken"),
                        ("Ukraine's Prosecutor General's Office opened war crimes "
                         "investigations into both strikes.", "Protest")):
        assert not events_of(analyse(text), etype), text
    assert events_of(analyse("Youths riot in the suburbs after a police shooting."), "Riot")
    assert events_of(analyse("Unions called a general strike for Thursday."), "Protest")
    assert events_of(analyse("Ukrainian forces expelled Russian troops from the village on "
                             "Monday."), "TerritoryRetaken")
    doc = analyse("Ukraine's Prosecutor General's Office opened an investigation on Monday.")
    assert {e.label: e.kind for e in doc.entities}.get("Prosecutor General's Office") == \
        "organization", doc.entities


def test_eighty_seventh_batch_audiences_and_what_could_follow():
    """Eighty-seventh batch: "told a pro-government rally on April 29 that ..." is the telling's
    day (a hyphenated word in the audience); "Sanctions could follow", "An attack on the city
    could come within days" are not yet (a noun, its own phrase, then a modal)."""
    doc = analyse("Kobakhidze told a pro-government rally on April 29 that the law would "
                  "protect the country.", published=date(2024, 5, 28))
    assert one(doc, "Statement").time.value == "2024-04-29"
    doc = analyse("Sanctions could follow if the law was adopted, the State Department said.")
    assert one(doc, "Sanctions").modality == "planned"
    doc = analyse("An attack on the city could come within days, officials warned.")
    assert one(doc, "Attack").modality == "planned"
    doc = analyse("The attack on the convoy killed three people.")
    assert one(doc, "Attack").modality == "asserted"


def test_review_of_the_second_round_and_initials():
    """The review of the nineteenth stop's second round (210 texts: 77 better, 10 worse):
    "Source:"/"Originally published" lines are credits only when they name a source and
    nothing more; a question whether the event happens at all keeps it in doubt ("whether
    the attack on Rafah would go ahead", "no evidence that a chemical attack took place");
    a span, a structure and a bridge or roof that fell are collapses again, with the senses
    the first review found kept out. And a middle or first initial stays in the name ("George
    W. Bush", "Foreign Minister S. Jaishankar")."""
    doc = analyse("Source: a senior police officer told Reuters that two suspects were "
                  "arrested in the capital on Tuesday.")
    assert events_of(doc, "Arrest")
    doc = analyse("Originally published on March 3, the report said Russian forces had "
                  "shelled Kherson on Tuesday.")
    assert events_of(doc, "ShellingMissileAttack")
    assert one(analyse("It was unclear whether the attack on Rafah would go ahead."),
               "Attack").modality != "asserted"
    assert one(analyse("Inspectors found no evidence that a chemical attack took place in "
                       "Douma."), "Attack").modality == "negated"
    assert one(analyse("There was little sign that the fighting would ease soon."),
               "ArmedClash").modality == "asserted"
    for text in ("The roof of the stadium fell in during a storm on Sunday.",
                 "A span of the highway overpass collapsed on Monday, killing 20 people.",
                 "The structure collapsed during heavy rain on Tuesday."):
        assert events_of(analyse(text), "Damage"), text
    assert not events_of(analyse("The regional power structure collapsed after the death of "
                                 "the warlord."), "Damage")
    doc = analyse("George W. Bush visited Texas. Indian Foreign Minister S. Jaishankar told "
                  "parliament on Tuesday that the talks had ended.")
    people = {e.label for e in doc.entities if e.kind == "person"}
    assert {"George W. Bush", "S. Jaishankar"} <= people, people


def test_review_of_the_third_round():
    """The review of the third round (136 texts: 43 better, 11 worse, all mended): a letter
    after "Terminal", "Type", "Hall", "Gate" ... ends that name, and its dot may end the
    sentence ("at Terminal E. Passengers were evacuated"); a middle initial makes a person's
    name whose surname is also a place ("John F. Kennedy ... Kennedy"); "fell into
    disrepair", "the structure of the deal collapsed" are no collapses; "Originally published
    in Le Monde on March 10." is a credit line."""
    doc = analyse("Flights were delayed at Terminal E. Passengers were evacuated after a fire "
                  "broke out on Sunday.")
    assert all("Passengers" not in e.label for e in doc.entities), doc.entities
    doc = analyse("John F. Kennedy was assassinated in Dallas in 1963. Kennedy had been in "
                  "office for under three years.")
    assert role(doc, one(doc, "Killing"), "target") == ["John F. Kennedy"]
    for text in ("The bridge fell into disrepair after years of neglect.",
                 "The structure of the deal collapsed after the bank withdrew on Friday."):
        assert not events_of(analyse(text), "Damage"), text
    doc = analyse("Originally published in Le Monde on March 10.\n\nFarmers blocked roads.")
    assert "Le Monde" not in {e.label for e in doc.entities if e.kind == "place"}


def test_a_century_before_a_noun_dates_that_noun_only():
    """From the second review, an error both versions made: "A 19th-century bridge collapsed"
    is no collapse of the 19th century (the century qualifies the bridge)."""
    doc = analyse("A 19th-century bridge collapsed in the city.")
    assert one(doc, "Damage").time.precision != "century"


def test_a_report_named_before_its_subject_takes_the_day():
    """From the 88th batch: "In a televised address on Saturday, ... Putin said": the day is
    the address's, not that of "the attack" spoken of in an apposition before the subject; an
    event named in a fronted adjunct ("After the attack, X said ...") is spoken of, not what
    X reports; "claimed responsibility on Friday night" dates the claim."""
    pub = date(2024, 3, 25)
    doc = analyse("In a televised address on Saturday afternoon, his first comments on the "
                  "attack, Putin said the attackers had tried to flee.", published=pub)
    said = one(doc, "Statement")
    assert said.time.value.startswith("2024-03-23") and said.time.basis == "expression"
    attack = one(doc, "Attack")
    assert attack.time.basis != "expression" and attack.modality == "asserted"
    doc = analyse("In an interview on Sunday, Zelensky said prices were stable.", published=pub)
    assert one(doc, "Statement").time.value == "2024-03-24"
    assert one(analyse("After the attack on the market, the governor said the city would "
                       "rebuild.", published=pub), "Attack").modality == "asserted"
    for text in ("On Tuesday, Russia launched an attack, officials said.",
                 "On Tuesday, a missile strike on the city killed five, officials said."):
        assert any(e.modality == "claimed" for e in analyse(text, published=pub).events), text
    doc = analyse("The Islamic State group claimed responsibility on Friday night in a "
                  "statement.", published=pub)
    assert one(doc, "Statement").time.value == "2024-03-22TNI"


def test_a_when_clause_takes_the_time_it_follows():
    """From the 88th batch: "built after 1999, when an earthquake near Izmit killed ...": the
    quake is of 1999 (the sentence's other verbs did not let it have that year, and a later
    paragraph's 1939 quake then took it over)."""
    doc = analyse("Many of the buildings that collapsed were built after 1999, when a strong "
                  "earthquake near Izmit killed more than 17,000 people.\n\nThe disaster "
                  "surpassed the 1939 Erzincan earthquake.", published=date(2023, 2, 12))
    quakes = sorted(e.time.value or "" for e in events_of(doc, "Earthquake"))
    assert quakes == ["1939", "1999"], quakes


def test_negations_over_a_pair_of_verbs_and_carried_events():
    """From the 88th batch: "did not confirm or deny any role" denies no more than it
    confirms; "failed to produce a lasting ceasefire", "failed to secure a truce": no truce;
    a council's "vote on the resolution" is no election."""
    pub = date(2024, 9, 19)
    doc = analyse("Israel's military did not confirm or deny any role in the blasts.",
                  published=pub)
    assert all(e.modality == "negated" for e in events_of(doc, "Statement")), doc.events
    for text in ("Several rounds of talks in Jeddah have failed to produce a lasting ceasefire.",
                 "Mediators failed to secure a truce."):
        assert one(analyse(text, published=pub), "Ceasefire").modality == "negated", text
    assert one(analyse("Qatar brokered a ceasefire on Monday.", published=pub),
               "Ceasefire").modality == "asserted"
    for text in ("The UN Security Council will vote on the resolution next week.",
                 "A vote on the draft resolution was postponed."):
        assert not events_of(analyse(text, published=pub), "Election"), text
    assert events_of(analyse("Voters went to the polls on Sunday.", published=pub), "Election")


def test_a_participle_after_a_comma_speaks_for_the_opening_subject():
    """From the 88th batch: ", accusing the RSF of ..." is the council's accusation, the RSF
    its target (the RSF was taken for the speaker, as in '"...," said X'); no subject named at
    the clause's start, no speaker ("the guerrilla fighters waged war on the troops of
    Batista, declaring victory"); "Tajikistan's president, Emomali Rahmon, spoke ... and
    condemned": Rahmon speaks, not Tajikistan."""
    pub = date(2024, 6, 7)
    doc = analyse("Sudan's army-led Sovereign Council condemned the killings, accusing the RSF "
                  "of committing a massacre.", published=pub)
    accusation = one(doc, "Accusation")
    assert role(doc, accusation, "agent") == ["Sovereign Council"]
    assert role(doc, accusation, "target") == ["RSF"]
    doc = analyse("In the years that followed, the guerrilla fighters waged war on the troops "
                  "of dictator Fulgencio Batista, declaring victory in 1959.", published=pub)
    assert all(role(doc, e, "speaker") == [] and role(doc, e, "agent") == []
               for e in events_of(doc, "Announcement"))
    doc = analyse("Tajikistan's president, Emomali Rahmon, spoke to Putin by phone on Sunday "
                  "and condemned the attack.", published=pub)
    assert role(doc, one(doc, "Statement"), "speaker") == ["Emomali Rahmon"]


def test_met_with_a_reception_is_no_meeting():
    """From the 88th batch: "soldiers were met with flags", "met with tear gas", "met with
    criticism": a reception, no meeting; "met with soldiers" still is one."""
    for text in ("Ukrainian soldiers were met with flags and flowers in the square.",
                 "Protesters were met with tear gas on Sunday.",
                 "The proposal was met with criticism."):
        assert not events_of(analyse(text), "Meeting"), text
    assert events_of(analyse("Zelensky met with soldiers in Kherson on Monday."), "Meeting")


def test_nationality_is_no_place_and_words_are_no_attack():
    """From the 88th batch: "identified as citizens of Tajikistan, were charged" is no charge
    in Tajikistan; "attacking Russia's military leadership", "attacked the media": words, no
    attack (but "attacked a police station" is one)."""
    doc = analyse("The four men, identified by the court as citizens of Tajikistan, were "
                  "charged with terrorism.")
    assert all(places(doc, e) == [] for e in doc.events), doc.events
    doc = analyse("Two nationals of Pakistan were arrested in Dubai on Monday.")
    assert places(doc, one(doc, "Arrest")) == ["Dubai"]
    for text in ("Prigozhin has spent months attacking Russia's military leadership.",
                 "The senator attacked the government's handling of the crisis."):
        assert not events_of(analyse(text), "Attack"), text
    for text in ("Gunmen attacked a police station on Monday.",
                 "Masked men attacked media crews covering the rally, injuring two cameramen."):
        assert events_of(analyse(text), "Attack"), text


def test_candidates_pulling_out_and_an_own_resignation():
    """From the 88th batch: candidates who "pulled out of three-way contests" make no
    military withdrawal; "without a vote" is no vote; "Attal offered his resignation": his."""
    assert not events_of(analyse("Dozens of candidates pulled out of three-way contests to "
                                 "block the far right."), "Withdrawal")
    assert events_of(analyse("Russian troops pulled out of the city on Friday."), "Withdrawal")
    assert not events_of(analyse("The government pushed the law through without a vote."),
                         "Election")
    doc = analyse("Prime Minister Gabriel Attal offered his resignation on Monday.")
    assert role(doc, one(doc, "Resignation"), "agent") == ["Gabriel Attal"]


def test_a_report_reaches_over_a_relative_clause_and_assault_units_are_no_assault():
    """From the 88th batch: "Ukraine's armed forces said Russian troops, who have controlled
    the dam since 2022, had blown it up": a claim (the relative clause parted the report from
    its verb); a relative clause with a report of its own does not pass it on ("Kiprono, who
    has denied wrongdoing, was taken into custody"); "assault detachments" are units."""
    doc = analyse("Ukraine's armed forces said Russian troops, who have controlled the dam "
                  "since the first days of the invasion in February 2022, had blown it up "
                  "from the inside.", published=date(2023, 6, 10))
    assert one(doc, "Explosion").modality == "claimed"
    doc = analyse("Kiprono, who has denied wrongdoing, was taken into custody on Monday.")
    assert one(doc, "Arrest").modality == "asserted"
    assert not events_of(analyse("Putin congratulated Wagner's \"assault detachments\" on "
                                 "Sunday."), "Attack")


def test_rejecting_an_accusation_and_a_day_visit_where():
    """From the 88th batch: "Peskov rejected the accusation" is his denial, no new accusation;
    "rejected the claim that its troops had shelled the town" denies the shelling; "travelled
    to the Kherson region on Thursday, where he met officials": the meeting is Thursday's."""
    pub = date(2023, 6, 10)
    doc = analyse("Kremlin spokesman Dmitry Peskov rejected the accusation.", published=pub)
    assert [e.type for e in doc.events] == ["Statement"]
    doc = analyse("The ministry rejected the claim that its troops had shelled the town.",
                  published=pub)
    assert one(doc, "ShellingMissileAttack").modality == "negated"
    doc = analyse("Ukraine rejected the peace plan on Monday.", published=pub)
    assert not events_of(doc, "Statement")
    doc = analyse("Zelensky travelled to the Kherson region on Thursday, where he met local "
                  "officials.", published=pub)
    assert one(doc, "Meeting").time.value == "2023-06-08"


def test_whom_an_accusation_names_is_its_target_not_a_place():
    """From the 88th batch: "Hezbollah blamed Israel for the blasts": Israel is accused (the
    target of the accusation), not where the blasts were; "Kyiv accused Moscow": Russia."""
    doc = analyse("Hezbollah blamed Israel for the blasts and vowed to retaliate.")
    assert role(doc, one(doc, "Accusation"), "target") == ["Israel"]
    assert all(places(doc, e) == [] for e in events_of(doc, "Explosion"))
    doc = analyse("Kyiv accused Moscow of war crimes.")
    assert role(doc, one(doc, "Accusation"), "target") == ["Russia"]


def test_review_of_the_twentieth_stop():
    """The review of this stop's rules (133 texts: 39 better, 2 worse, both mended) and errors
    both versions made: "In a televised address on Saturday, Macron said France would ..."
    is Saturday's statement, not a plan a week ahead; "did not confirm or deny that the
    suspect had been arrested": unconfirmed, not denied; "to escape the fighting": fighting
    there was; "postponed the election": not held; "Wagner assault detachments captured":
    no assault."""
    pub = date(2024, 6, 9)
    doc = analyse("In a televised address on Saturday, President Emmanuel Macron said France "
                  "would send more air defence systems to Ukraine.", published=pub)
    said = one(doc, "Statement")
    assert (said.modality, said.time.value) == ("asserted", "2024-06-08")
    doc = analyse("Police did not confirm or deny that the suspect had been arrested in "
                  "Marseille on Monday evening.", published=pub)
    assert one(doc, "Arrest").modality == "hedged"
    doc = analyse("Thousands of refugees crossed into Benin last week to escape the fighting.",
                  published=pub)
    assert one(doc, "ArmedClash").modality == "asserted"
    assert one(analyse("The convoy narrowly escaped encirclement.", published=pub),
               "Encirclement").modality == "negated"
    doc = analyse("Police fired tear gas at protesters in Dakar on Sunday after the president "
                  "postponed the election.", published=pub)
    assert all(e.modality == "negated" for e in events_of(doc, "Election"))
    doc = analyse("Wagner assault detachments captured the village of Klishchiivka on Sunday.",
                  published=pub)
    assert not events_of(doc, "Attack") and events_of(doc, "TerritoryTaken")


def test_fires_captives_and_denied_reports_of_the_89th_batch():
    """From the 89th batch: "Israel denied reports that its tanks had advanced": no advance;
    "captured several hundred Russian servicemen": prisoners, no territory; flames that
    "advanced" or winds that "push the fire" are no military advance; "blazes" in the hills
    with winds are wildfires; an alert that "did not reach the centre" is no advance."""
    pub = date(2024, 12, 12)
    doc = analyse("Israel denied reports that its tanks had advanced to within 25 kilometres "
                  "of Damascus.", published=pub)
    assert one(doc, "Advance").modality == "negated"
    assert not events_of(analyse("Ukraine captured several hundred Russian servicemen."),
                         "TerritoryTaken")
    assert events_of(analyse("Ukraine captured the village from Russian troops."),
                     "TerritoryTaken")
    doc = analyse("Flames advanced into the canyon overnight, threatening to push the fire "
                  "toward homes.", published=pub)
    assert not events_of(doc, "Advance")
    doc = analyse("Both blazes broke out on Tuesday as strong winds swept the hills.",
                  published=pub)
    assert [e.type for e in doc.events] == ["Wildfire"]
    assert not analyse("The alert did not reach the emergency coordination centre.").events
    assert events_of(analyse("Troops reached the centre of Bakhmut."), "Advance")


def test_hostages_and_prisoners_freed_are_releases():
    """From the 89th batch: "Hamas freed three hostages", "Israel released 90 Palestinian
    prisoners", "were handed over to the Red Cross": releases (no event before); "released a
    video" stays a publication and "released 2 billion dollars" nothing."""
    pub = date(2025, 1, 20)
    for text in ("Hamas freed three hostages on Sunday.",
                 "Israel released 90 Palestinian prisoners early on Monday.",
                 "The three women were handed over to the Red Cross in Gaza City."):
        doc = analyse(text, published=pub)
        assert [e.type for e in doc.events] == ["Other"], text
    assert [e.type for e in analyse("The army released a video of the strike.").events] == \
        ["Announcement"]
    assert not analyse("The central bank released 2 billion dollars.").events


def test_a_fire_named_after_a_place_word_is_no_place():
    """From the 89th batch: "near the Kenneth fire in West Hills": the fire's name, no place
    called Kenneth (the arrest is in West Hills)."""
    doc = analyse("Police detained a man near the Kenneth fire in West Hills on Friday.",
                  gazetteer=FakeGazetteer(["West Hills"]))
    assert [e.label for e in doc.entities if e.kind == "place"] == ["West Hills"]


def test_targets_as_a_noun_and_a_sinking_in_a_strike():
    """From the 89th batch: "US forces struck more than 75 Islamic State targets": the noun,
    no attack by Islamic State; "480 strikes on military targets": the strikes; "struck the
    port ..., sinking 15 warships": no accident."""
    pub = date(2024, 12, 12)
    doc = analyse("US forces struck more than 75 Islamic State targets in central Syria on "
                  "Sunday.", published=pub)
    assert all(trigger(doc, e) != "targets" for e in doc.events), doc.events
    doc = analyse("Israel said it had carried out around 480 strikes on military targets "
                  "across Syria.", published=pub)
    assert [trigger(doc, e) for e in doc.events] == ["strikes"]
    doc = analyse("Its navy struck the port of Latakia overnight, sinking about 15 Syrian "
                  "warships.", published=pub)
    assert not events_of(doc, "Accident")


def test_a_lead_that_names_a_known_event_keeps_its_day_and_fact():
    """From the 89th batch: "the toll after last week's earthquake has climbed, the government
    said" reports the toll, not the quake; merged with "The quake struck shortly before 1pm
    on Friday, March 28", the event keeps that time (it kept the lead's week, as a claim)."""
    text = ("Quake toll passes 3,000\n\nThe number of people confirmed dead after last week's "
            "powerful earthquake in central Myanmar has climbed above 3,000, the military "
            "government said on Wednesday.\n\nThe magnitude 7.7 quake struck shortly before 1pm "
            "on Friday, March 28, near the city of Sagaing.")
    doc = analyse(text, published=date(2025, 4, 3))
    assert [(e.type, e.modality, e.time.value) for e in doc.events] == \
        [("Earthquake", "asserted", "2025-03-28T13:00")]
    doc = analyse("Officials said the attack killed ten people.")
    assert one(doc, "Attack").modality == "claimed"


def test_crossings_sweeps_and_storming_a_studio():
    """From the 89th batch and the review: "Ukrainian units crossed the border near Sudzha",
    "Rebel fighters swept into the capital", "Gunmen stormed a television studio" were no
    events; migrants and aid trucks crossing, floodwaters sweeping are no advance."""
    pub = date(2024, 8, 14)
    doc = analyse("Ukrainian units crossed the border near the town of Sudzha early on "
                  "Tuesday, August 6.", published=pub)
    crossing = one(doc, "Advance")
    assert crossing.time.value == "2024-08-06"
    assert one(analyse("Rebel fighters swept into the capital on Sunday.", published=pub),
               "Advance")
    assert one(analyse("Gunmen stormed a television studio in Guayaquil on Tuesday.",
                       published=pub), "Attack")
    for text in ("Thousands of migrants crossed the border into Poland.",
                 "Aid trucks crossed into Gaza on Sunday.",
                 "Floodwaters swept through the town overnight."):
        assert not events_of(analyse(text, published=pub), "Advance"), text


def test_a_day_after_counts_back_from_the_day_before_it():
    """From the 88th batch: "offered his resignation on Monday, a day after a left-wing
    alliance came first in the snap election": the election is Sunday's (it had no day, and
    merged with the European vote of a month before); "two days after the strike", "a week
    after the shooting" likewise."""
    pub = date(2024, 7, 9)
    doc = analyse("Prime Minister Gabriel Attal offered his resignation on Monday, a day after "
                  "a left-wing alliance came first in France's snap parliamentary election.",
                  published=pub)
    election = one(doc, "Election")
    assert (election.time.value, election.time.basis) == ("2024-07-07", "expression")
    assert election.time.text == "Monday, a day after"
    doc = analyse("The minister resigned on Friday, two days after the strike on the market.",
                  published=pub)
    assert one(doc, "Attack").time.value == "2024-07-03"
    doc = analyse("He was arrested on Tuesday, a week after the shooting in the mall.",
                  published=pub)
    assert one(doc, "Attack").time.value == "2024-07-02"


def test_the_dead_of_a_bombing_at_a_rally_are_the_bombing_s():
    """From the review's errors: "A suicide bomber killed at least 50 people at a political
    rally" gave the rally 50 dead and no killing; "blew himself up at a rally ..., killing at
    least 50" gave them to the rally too."""
    pub = date(2023, 7, 31)
    doc = analyse("A suicide bomber killed at least 50 people at a political rally in Bajaur "
                  "on Sunday.", published=pub)
    assert one(doc, "Killing").fatalities == 50
    assert one(doc, "Protest").fatalities is None
    doc = analyse("A suicide bomber blew himself up at a rally in Bajaur on Sunday, killing at "
                  "least 50 people.", published=pub)
    assert one(doc, "Bombing").fatalities == 50
    doc = analyse("Police fired tear gas at the protest, and three protesters were killed.",
                  published=pub)
    assert one(doc, "Protest").fatalities == 3


def test_calls_to_step_down_and_an_apposition_before_a_participle():
    """From the 89th batch: "has resisted calls to step down" is no resignation done;
    "to demand the resignation of the region's president, Carlos Mazon, accusing his
    government of ...": the protesters accuse (no named agent), never Mazon."""
    assert one(analyse("Mazon has resisted calls to step down."), "Resignation").modality == \
        "negated"  # (resisted: not done, stop 29)
    doc = analyse("Protesters filled the centre of Valencia on Saturday evening to demand the "
                  "resignation of the region's president, Carlos Mazon, accusing his government "
                  "of failing to warn residents.", published=date(2024, 11, 10))
    assert role(doc, one(doc, "Accusation"), "agent") == []


def test_idioms_and_numbered_things_of_the_90th_batch():
    """From the 90th batch: "a possible bird strike" is no air strike; "no accident record",
    "restricted hospital visits" tell no event; students' "blockade" is a protest, a navy's an
    encirclement; "the first former president to be convicted" was convicted; "Reactor No. 6"
    is nobody's name."""
    pub = date(2025, 1, 3)
    doc = analyse("The control tower warned the aircraft of a possible bird strike minutes "
                  "before the crash.", published=pub)
    assert not events_of(doc, "AirStrike")
    assert events_of(analyse("Israeli jets struck Gaza on Monday.", published=pub), "AirStrike")
    for text in ("The aircraft had no accident record.",
                 "The hospital temporarily restricted hospital visits."):
        assert not analyse(text, published=pub).events, text
    assert events_of(analyse("The university has been under blockade by students since "
                             "December.", published=pub), "Protest")
    assert events_of(analyse("The navy imposed a blockade of the port.", published=pub),
                     "Encirclement")
    doc = analyse("Trump became the first former US president to be convicted of a crime on "
                  "Thursday.", published=date(2024, 6, 1))
    assert [e.modality for e in doc.events] == ["asserted"]
    doc = analyse("A drone hit Reactor No. 6 on Sunday.", published=date(2024, 4, 10))
    assert not any(e.kind == "person" for e in doc.entities), doc.entities


def test_a_second_report_after_and_shares_the_first_ones_day():
    """From the 90th batch: "Vucic said on Sunday that ... and insisted he would not resign":
    the insisting is Sunday's too."""
    doc = analyse("Vu\u010di\u0107 said on Sunday that a new government would be formed "
                  "\"within days\" and insisted he would not resign.", published=date(2025, 3, 17))
    assert one(doc, "Statement").time.value == "2025-03-16"


def test_review_of_the_twentieth_stop_second_round():
    """The second review (142 texts: 33 better, 3 worse, all mended): "Hungary's prime
    minister, Viktor Orban, lashed out ..., accusing the European Commission": the name in
    apposition to the opening subject accuses (the first mend had left no agent); from the
    errors both versions made: helicopters that "sank three Houthi boats" attacked them (but
    "helicopters rescued 30 migrants after their boat sank": an accident, from the third
    review)."""
    doc = analyse("Hungary's prime minister, Viktor Orban, lashed out at Brussels on Friday, "
                  "accusing the European Commission of blackmail over frozen funds.",
                  published=date(2023, 12, 9))
    assert role(doc, one(doc, "Accusation"), "agent") == ["Viktor Orban"]
    doc = analyse("U.S. Navy helicopters sank three Houthi boats in the Red Sea on Sunday.",
                  published=date(2024, 1, 2))
    assert [e.type for e in doc.events] == ["Attack"]
    for text in ("A navy ship sank after a fire on board.",
                 "Coast guard helicopters rescued 30 migrants after their boat sank on "
                 "Thursday."):
        assert [e.type for e in analyse(text).events] == ["Accident"], text


def test_an_election_qualifying_a_noun_is_no_vote():
    """From the second review's errors: "at an election rally", "election observers said",
    "the referendum campaign has begun": the rally, the observers, the campaign."""
    pub = date(2023, 7, 31)
    doc = analyse("A bomber killed at least 40 people at an election rally in northwest "
                  "Pakistan on Sunday, officials said.", published=pub)
    assert not events_of(doc, "Election") and events_of(doc, "Killing")
    doc = analyse("The real referendum campaign has clearly begun.", published=pub)
    assert not events_of(doc, "Election")
    assert events_of(analyse("The election on Sunday was calm.", published=pub), "Election")


def test_the_death_of_a_named_person_is_an_event():
    """From the 91st batch: "Pope Francis died at his residence" told nothing; a named person's
    death is an event (Other, "Death of X", the person affected); a count of the dead stays
    the event's count ("Three people died in the floods")."""
    doc = analyse("Former president Jimmy Carter died on Sunday at his home in Plains, Georgia.",
                  published=date(2024, 12, 31))
    death = one(doc, "Other")
    assert (death.label, death.time.value) == ("Death of Jimmy Carter in Plains", "2024-12-29")
    assert [(p.role, doc.entity(p.entity).label) for p in death.participants] == \
        [("affected", "Jimmy Carter")]
    doc = analyse("Three people died in the floods.")
    assert [(e.type, e.fatalities) for e in doc.events] == [("Flood", 3)]


def test_a_flight_with_people_on_board_crashed_shortly_after_a_time():
    """From the 91st batch: "Flight AI171, bound for London Gatwick with 242 people on board,
    crashed into a hostel ..., shortly after 1:38 p.m. on Thursday, June 12" had no event
    (the flight was out of the trigger's reach) and then no time (", shortly after 1:38 p.m."
    was read as a clause of its own)."""
    doc = analyse("Flight AI171, bound for London Gatwick with 242 people on board, crashed into "
                  "a hostel used by doctors at a medical college less than a minute after "
                  "take-off, shortly after 1:38 p.m. local time on Thursday, June 12.",
                  published=date(2025, 7, 13))
    assert one(doc, "Accident").time.value == "2025-06-12T13:38"


def test_wishes_demands_and_rejected_calls_are_no_facts():
    """From the 91st batch: "a draft resolution demanding a ceasefire", "looked forward to
    meeting the new pope" are not done; "rejected calls for a 30-day truce", "rejected its
    call for an unconditional ceasefire" deny them; "an activist fighting illegal
    construction" is no armed clash."""
    pub = date(2025, 6, 4)
    doc = analyse("The council will vote on a draft resolution demanding a ceasefire in Gaza.",
                  published=pub)
    assert one(doc, "Ceasefire").modality == "planned"
    doc = analyse("He said he looked forward to meeting the new pope.", published=pub)
    assert one(doc, "Meeting").modality == "planned"
    for text in ("Putin has rejected calls for a 30-day truce.",
                 "Russia had rejected its call for an unconditional ceasefire."):
        assert one(analyse(text, published=pub), "Ceasefire").modality == "negated", text
    assert not events_of(analyse("An activist fighting illegal construction was arrested.",
                                 published=pub), "ArmedClash")
    assert events_of(analyse("Fighting raged in the city on Monday.", published=pub),
                     "ArmedClash")


def test_a_while_clause_after_a_when_clause_shares_its_time():
    """From the 91st batch: "joined the war on Saturday night, when bombers dropped bombs on
    Fordow, while cruise missiles hit Natanz": the missiles' night too (a part of the day
    before "when" counts as well as a date)."""
    doc = analyse("The United States joined the war on Saturday night, when B-2 stealth bombers "
                  "dropped bunker-busting bombs on the enrichment site at Fordow, while "
                  "submarine-launched cruise missiles hit Natanz and Isfahan.",
                  published=date(2025, 6, 25))
    assert sorted(e.time.value or "" for e in doc.events) == ["2025-06-21TNI"] * 2


def test_model_codes_are_no_actors():
    """From the 91st batch: "B-2 stealth bombers dropped bombs" made the organisation "B-2"
    the strike's agent; model codes (B-2, A-50, AK-47) name no actor, but "the G-7" does."""
    for text in ("B-2 stealth bombers dropped bombs on Fordow on Saturday night.",
                 "Two Russian A-50 spy planes were shot down."):
        doc = analyse(text, published=date(2025, 6, 25))
        assert not [e for e in doc.entities if e.kind == "organization"], doc.entities
    doc = analyse("The G-7 summit opened in Italy.")
    assert [e.label for e in doc.entities if e.kind == "organization"] == ["G-7"]


def test_review_of_the_twentieth_stop_third_round():
    """The third review (125 texts: 38 better, 2 worse, both mended): helicopters that rescued
    people after a boat sank made the sinking an attack (the aircraft must stand right before
    "sank"); "near the Durango fire ... schools in Durango" lost its place (a town that names a
    fire places it; only a guessed name before "fire" is none). From errors both versions
    made: a rejected offer or proposal with a possessor denies it ("rejected the regional
    bloc's offer of talks", "Kyiv's proposal for an exchange", "the UN call for a
    ceasefire"); "calls for an inquiry into the bridge collapse": the collapse was."""
    pub = date(2024, 6, 9)
    doc = analyse("Two firefighters were injured near the Durango fire on Saturday, and smoke "
                  "forced schools in Durango to close.", published=pub,
                  gazetteer=FakeGazetteer(["Durango"]))
    assert [places(doc, e) for e in doc.events] == [["Durango"]]
    for text, etype in (("The junta rejected the regional bloc's offer of talks on Monday.",
                         "Negotiation"),
                        ("Israel rejected the UN call for an unconditional ceasefire.",
                         "Ceasefire"),
                        ("Moscow rejected Kyiv's proposal for an exchange of all prisoners.",
                         "Other")):
        assert one(analyse(text, published=pub), etype).modality == "negated", text
    doc = analyse("Lawmakers rejected calls for an independent inquiry into the bridge "
                  "collapse.", published=pub)
    assert one(doc, "Damage").modality == "asserted"


def test_first_contact_of_the_twenty_first_stop_triggers():
    """Batches 92-95 (16 reports of our own): curfews and lockdowns imposed are announcements,
    students or farmers blockading roads and bridges protest, an aircraft that came down
    crashed; idioms are none ("fighting back tears", "pulled out alive", the inauguration of
    a dam, rescue teams pushing into valleys, a court blocking a law)."""
    pub = date(2024, 8, 8)
    for text, etype in (
            ("The government imposed a nationwide curfew on Friday.", "Announcement"),
            ("Authorities imposed a lockdown in the city on Tuesday.", "Announcement"),
            ("Students blockaded the main bridge on Saturday.", "Protest"),
            ("Farmers blocked motorways around the capital on Monday.", "Protest"),
            ("The helicopter came down in fog near the village on Sunday.", "Accident")):
        assert one(analyse(text, published=pub), etype).modality == "asserted", text
    for text in ("The commander was fighting back tears as he spoke to the troops.",
                 "Rescuers pulled out alive a woman from the rubble on Tuesday.",
                 "The president attended the inauguration of the new dam on Sunday.",
                 "Rescue teams pushed into isolated valleys on Monday.",
                 "The court blocked the law on Monday.",
                 "Police blocked protesters from reaching the square.",
                 "Prices came down in May."):
        doc = analyse(text, published=pub)
        assert not doc.events, (text, [(e.type, trigger(doc, e)) for e in doc.events])


def test_first_contact_of_the_twenty_first_stop_subheadings():
    """A short title-case line under the headline labels a section and names no event of its
    own ("A Flood Of Questions", "Calls For Calm"); the headline itself still counts."""
    doc = analyse("Gunman Opens Fire In Town Square\n\nA gunman opened fire in the town "
                  "square on Saturday.\n\nA Flood Of Questions\n\nLawmakers asked how the "
                  "gunman reached the roof.\n\nCalls For Calm\n\nLeaders of both parties "
                  "met in the evening.", published=date(2024, 7, 16))
    assert [(e.type, trigger(doc, e)) for e in doc.events] == [("Attack", "opened fire")]
    assert doc.events[0].time.value == "2024-07-13"


def test_first_contact_of_the_twenty_first_stop_times_and_names():
    """", three days after ..." counts back from a part of a day too ("sworn in on Thursday
    evening, three days after ... forced Hasina to resign": the Monday); a merged mention's
    time replaces the event's only when it lies inside it by the clock ("on Sunday morning" is
    not inside "late on Saturday night"); "des", "dos" join a name ("Laurence des Cars")."""
    doc = analyse("Yunus was sworn in on Thursday evening, three days after mass protests "
                  "forced Hasina to resign.", published=date(2024, 8, 8))
    assert one(doc, "Resignation").time.value == "2024-08-05"
    doc = analyse("Late on Saturday night, Wagner vehicles pulled out of Rostov-on-Don. The "
                  "governor said on Sunday morning that all fighters had left.",
                  published=date(2023, 6, 25))
    assert one(doc, "Withdrawal").time.value == "2023-06-24TNI"
    doc = analyse("The museum's director, Laurence des Cars, said the alarms had worked.")
    assert [(e.label, e.kind) for e in doc.entities] == [("Laurence des Cars", "person")]


def test_first_contact_of_the_twenty_first_stop_entities():
    """Names from batches 92-95: a full name before "of" and a town or a country is a person
    of that place ("Thomas Matthew Crooks of Bethel Park", "Boris Yeltsin of Russia"; a
    plural title keeps "of": "Presidents ..."); townships are places, energy firms and
    builders bodies, a party named "Progressive Slovakia" no person (but "Jim Jordan" is
    one); no lone letter is a town ("F. D. Roosevelt"), no maker before its model a town ("the
    Bell 212"), no person a shrine is named after ("the Imam Reza shrine")."""
    def kinds(text, *gazetteer):
        kw = {"gazetteer": FakeGazetteer(*gazetteer)} if gazetteer else {}
        return {(e.label, e.kind) for e in analyse(text, **kw).entities}
    assert kinds("The gunman, Thomas Matthew Crooks of Bethel Park, was killed.",
                 "Bethel Park") == {("Thomas Matthew Crooks", "person"),
                                    ("Bethel Park", "place")}
    assert ("Boris Yeltsin", "person") in kinds("Boris Yeltsin of Russia met Leonid Kuchma.")
    assert kinds("A former fire chief from Buffalo Township was killed.") == \
        {("Buffalo Township", "place")}
    assert kinds("Duke Energy said power would be restored, and Brawner Builders said six "
                 "workers were missing.") == {("Duke Energy", "organization"),
                                              ("Brawner Builders", "organization")}
    assert kinds("Progressive Slovakia condemned the attack.") == \
        {("Progressive Slovakia", "organization")}
    assert kinds("Jim Jordan said the hearing would go ahead.") == {("Jim Jordan", "person")}
    assert kinds("He was taken to F. D. Roosevelt University Hospital.", "F", "D") == \
        {("Roosevelt University Hospital", "organization")}
    assert kinds("The Bell 212 helicopter came down in fog.", "Bell") == set()
    assert kinds("Pilgrims gathered at the Imam Reza shrine in Mashhad.", "Mashhad") == \
        {("Mashhad", "place")}


def test_first_contact_of_the_twenty_first_stop_modality_and_times():
    """A negation reaches a noun over its modifier after a transparent verb ("would not
    conclude trade deals", "did not reach a peace deal"); an attempt that failed did not
    happen ("tried to set fire to the lift but did not succeed", "tried to storm the building
    but were repelled"; "tried to ... and fled" stays an aim); a possessive time qualifies its
    own noun only, not a verb past a comma ("the candidate in November's election, toured
    damage ... on Monday")."""
    pub = date(2024, 10, 1)
    for text, etype, modality in (
            ("Washington would not conclude trade deals with Beijing.", "Agreement", "negated"),
            ("The parties did not reach a peace deal.", "Agreement", "negated"),
            ("The thieves tried to set fire to the lift but did not succeed.", "Damage",
             "negated"),
            ("Protesters tried to storm the building but were repelled by police.", "Attack",
             "negated"),
            ("The thieves tried to set fire to the lift and fled.", "Damage", "planned")):
        assert one(analyse(text, published=pub), etype).modality == modality, text
    doc = analyse("Trump, the Republican candidate in November's election, toured the "
                  "flooded town on Monday.", published=pub)
    visit = one(doc, "Visit")
    assert (visit.time.value, visit.modality) == ("2024-09-30", "asserted")
    assert one(doc, "Election").time.value == "2024-11"


def test_first_contact_of_the_twenty_first_stop_third_round():
    """Diplomatic breaks are events ("cut diplomatic ties", "severed ties", "recalled its
    ambassador", "downgraded relations"; not "cut spending", "recalled the day"); a country a
    thing is linked to places no event ("attacking ships linked to Israel"); a stretch that
    runs on past publication dates no deed told as done ("will meet ... in the coming days and
    promised that ...")."""
    pub = date(2025, 7, 29)
    for text, label in (("Congo cut diplomatic ties with Rwanda on Saturday.",
                         "Diplomatic break"),
                        ("Iran severed ties with Saudi Arabia in 2016.", "Diplomatic break"),
                        ("Thailand recalled its ambassador on Wednesday.", "Recall of envoy"),
                        ("Cambodia downgraded relations with Thailand.", "Diplomatic downgrade")):
        ev = one(analyse(text, published=pub), "Other")
        assert ev.label.startswith(label) and ev.modality == "asserted", (text, ev.label)
    for text in ("The government cut spending by 10 percent.",
                 "She recalled the day the war began."):
        assert not analyse(text, published=pub).events, text
    doc = analyse("The Houthis say they are attacking ships linked to Israel.", published=pub)
    assert places(doc, one(doc, "Attack")) == []
    doc = analyse("Ruto said the government will meet youth leaders in the coming days and "
                  "promised that a new budget would be drawn up.", published=pub)
    promise = next(e for e in doc.events if trigger(doc, e) == "promised")
    assert promise.time.value != "PXD" and promise.time.basis != "expression"


def test_first_contact_of_the_twenty_first_stop_fourth_round():
    """An event taken "as" a kind of event is no second event ("treating the shooting as an
    attempted assassination", "investigated as a terrorist attack"); airmen, peacekeepers and
    other service members are counted among the dead."""
    pub = date(2024, 7, 23)
    doc = analyse("A gunman opened fire at a campaign event near Butler on July 13, killing one "
                  "spectator.\n\nThe FBI said on Sunday that it was treating the shooting as an "
                  "attempted assassination.", published=pub)
    assert [trigger(doc, e) for e in events_of(doc, "Attack")] == ["opened fire"]
    doc = analyse("The stabbing is being investigated as a terrorist attack, police said.",
                  published=pub)
    assert [e.type for e in doc.events] == ["Attack"]
    for text in ("At least 13 airmen were killed.",
                 "Thirteen peacekeepers have been killed since Thursday."):
        assert one(analyse(text, published=pub), "CasualtiesReport").fatalities == 13, text


def test_first_contact_of_the_twenty_first_stop_longer_names():
    """A name and a longer form of it are one entity ("Edmundo Gonzalez Urrutia" ...
    "Edmundo Gonzalez", "the US Secret Service" ... "the Secret Service", "the Francis Scott
    Key Bridge" ... "the Key Bridge"), unless the short name fits two longer ones."""
    def labels(text):
        return [e.label for e in analyse(text).entities]
    assert labels("Edmundo Gonzalez Urrutia fled to Spain. Edmundo Gonzalez said he would "
                  "keep fighting.") == ["Edmundo Gonzalez Urrutia", "Spain"]
    assert labels("The US Secret Service said it had failed. The Secret Service director "
                  "resigned.") == ["US Secret Service"]
    assert labels("The Francis Scott Key Bridge collapsed. The Key Bridge carried 30,000 "
                  "vehicles a day.") == ["Francis Scott Key Bridge"]
    assert len(labels("The Russian Defence Ministry said it struck. The Ukrainian Defence "
                      "Ministry denied it. The Defence Ministry added more.")) == 3


def test_review_of_the_twenty_first_stop():
    """The review of this stop's rules (179 texts: 43 better, 10 worse, all mended): no
    diplomatic break between a club and its sponsor, no envoy recalled in "residents recalled
    how diplomats fled", no blockade of an exam "portal", no crash when a helicopter "came down
    safely" or a minister "came down hard on airlines"; "Marcus Brazil" and "Gina Portugal" are
    people (only a party's adjective before a country makes a body: "Progressive Slovakia");
    the man a memorial is for stays ("a Jordan Neely memorial"); a longer name of someone the
    catalog knows is someone else ("Nicolas Maduro Guerra"). From errors both versions made: a
    possessive time dates no verb after its noun ("lost Sunday's runoff marched ... on
    Tuesday"); aid convoys pushing into a region advance no front; students marching
    protest."""
    pub = date(2024, 6, 5)
    for text in ("The club said on Friday it had severed ties with its shirt sponsor.",
                 "Residents recalled how diplomats fled the embassy in April.",
                 "Students complained that a software error blocked access to the exam "
                 "portal on Monday.",
                 "The helicopter came down safely on the hospital helipad.",
                 "The minister came down hard on airlines over flight cancellations.",
                 "Aid convoys pushed into the north of the region on Sunday."):
        doc = analyse(text, published=pub)
        assert all(e.type in ("Evacuation", "AidDelivery") for e in doc.events), \
            (text, [(e.type, trigger(doc, e)) for e in doc.events])
    for text, label in (("Police said Marcus Brazil, 34, was arrested on Sunday.",
                         "Marcus Brazil"),
                        ("Gina Portugal, a spokeswoman, said two deputies were wounded.",
                         "Gina Portugal"),
                        ("Hundreds attended a Jordan Neely memorial on Friday.",
                         "Jordan Neely")):
        assert (label, "person") in {(e.label, e.kind) for e in analyse(text).entities}, text
    doc = analyse("Supporters of the candidate who lost Sunday's runoff marched through the "
                  "capital on Tuesday.", published=date(2022, 6, 22))
    assert one(doc, "Protest").time.value == "2022-06-21"
    doc = analyse("Riot police blocked the bridge as students marched through the city on "
                  "Saturday.", published=pub)
    assert one(doc, "Protest").time.value == "2024-06-01"


def test_an_agency_alone_after_a_captions_photo_is_a_medium():
    """A caption's credit without a photographer ("Photo: AFP", "Photograph: Reuters") names
    the agency, as "Photo: Ahmad Gharabli/AFP" does."""
    for text, agency in (("Rescuers search the rubble on Monday. Photo: AFP", "AFP"),
                         ("Rescuers search the rubble. Photograph: Reuters", "Reuters")):
        assert (agency, "media") in {(e.label, e.kind) for e in analyse(text).entities}, text


def test_first_contact_of_the_twenty_first_stop_batches_96_to_99():
    """Batches 96-99 (Niger, Maui, El Fasher, Mozambique, Balasore, Haiti, Georgia, Duterte,
    Afghanistan, Melissa, Peru, refinery drones, Iran-Israel, Syria's coast, Solingen,
    Valencia): a capitalised future word inside a name is no future ("made landfall near New
    Hope around midday on Tuesday": the Tuesday before); "announced his resignation" is the
    resignation; officials in a capital who report are not where the attacks they place
    elsewhere were; what is
    done "to prevent further attacks" did not happen; "Any deal ... would be" is hedged; the
    withdrawal of aid is no military withdrawal; "visit him in detention" is no arrest; a
    denial that a noun's event was so-and-so leaves the event ("denied that the arrest was
    politically motivated"); "Alternative for Germany" and "Hawaiian Electric" are bodies,
    "THE HAGUE, ..." the place The Hague, "the Dublin rules" no place."""
    doc = analyse("Hurricane Melissa made landfall near New Hope around midday on Tuesday.",
                  published=date(2025, 10, 31))
    assert one(doc, "Storm").time.value == "2025-10-28T12:00"
    pub = date(2025, 3, 10)
    doc = analyse("Carlos Mazon announced his resignation on Monday.", published=pub)
    assert one(doc, "Resignation").modality == "asserted"
    doc = analyse("Officials in Damascus said the attacks on checkpoints in Latakia had been "
                  "repelled.", published=pub, gazetteer=FakeGazetteer("Latakia"))
    assert places(doc, one(doc, "Attack")) == ["Latakia"]
    doc = analyse("Officials in Damascus said the attacks had been repelled.", published=pub)
    assert places(doc, one(doc, "Attack")) == ["Damascus"]  # (no other place told)
    doc = analyse("Officials in Kharkiv said the attacks had been repelled.", published=pub,
                  gazetteer=FakeGazetteer("Kharkiv"))
    assert places(doc, one(doc, "Attack")) == ["Kharkiv"]
    for text, etype, modality in (
            ("Units would remain deployed to prevent further attacks.", "Attack", "negated"),
            ("Any deal reached without Kyiv would be dead on arrival.", "Agreement", "hedged")):
        assert one(analyse(text, published=pub), etype).modality == modality, text
    doc = analyse("He denied that the arrest was politically motivated.", published=pub)
    assert one(doc, "Arrest").modality != "negated"
    for text in ("Aid groups warned about the withdrawal of much of the US assistance.",
                 "Relatives hope to visit him in detention next week."):
        doc = analyse(text, published=pub)
        assert not events_of(doc, "Withdrawal") and not events_of(doc, "Arrest"), text
    def kinds(text):
        return {(e.label, e.kind) for e in analyse(text).entities}
    assert kinds("The far-right Alternative for Germany accused the government.") == \
        {("Alternative for Germany", "organization")}
    assert kinds("Hawaiian Electric said power lines may have sparked the fire.") == \
        {("Hawaiian Electric", "organization")}
    assert kinds("THE HAGUE — Duterte appeared before the court on Friday.") == \
        {("The Hague", "place")}
    assert kinds("The suspect could not be sent back under the EU's Dublin rules.") == set()


def test_first_contact_of_the_twenty_first_stop_names_of_batches_96_to_99():
    """An acronym may take more than initials ("ECOWAS": Economic COmmunity of West African
    States); a name no list knows is the division named after it ("Kunar" ... "Kunar
    province"); "By Our Berlin Correspondent" names nobody; "Plaza San Martin" is a square."""
    def labels(text, *gazetteer):
        kw = {"gazetteer": FakeGazetteer(*gazetteer)} if gazetteer else {}
        return [(e.label, e.kind) for e in analyse(text, **kw).entities]
    assert labels("The Economic Community of West African States met on Sunday. ECOWAS "
                  "threatened force.") == [("Economic Community of West African States",
                                            "organization")]
    assert labels("The quake struck Kunar province on Sunday night. Villages in Kunar were "
                  "flattened.") == [("Kunar province", "place")]
    assert labels("By Our Berlin Correspondent\n\nThree people were killed in Solingen.",
                  "Solingen") == [("Solingen", "place")]
    assert labels("Protesters gathered in Plaza San Martin on Thursday.") == \
        [("Plaza San Martin", "place")]


def test_where_a_body_is_based_is_no_part_of_its_name():
    """"The Britain-based Syrian Observatory for Human Rights", "the Kremlin-linked Wagner
    Group": the place or the backer before the name is no part of it; "the fall of Assad's
    government" takes no territory; "Villages in Kunar" names no town Villages."""
    doc = analyse("The Britain-based Syrian Observatory for Human Rights said 745 civilians "
                  "had been killed.", published=date(2025, 3, 10))
    assert "Syrian Observatory for Human Rights" in [e.label for e in doc.entities]
    assert entity_label(doc, one(doc, "CasualtiesReport").according_to) == \
        "Syrian Observatory for Human Rights"
    doc = analyse("The fall of Bashar al-Assad's government in December left a vacuum.",
                  published=date(2025, 3, 10))
    assert not events_of(doc, "TerritoryTaken")
    doc = analyse("Villages in Kunar were flattened.", gazetteer=FakeGazetteer("Villages"))
    assert "Villages" not in [e.label for e in doc.entities]


def test_first_contact_of_the_twenty_first_stop_events_of_batches_96_to_99():
    """A claim of responsibility is a statement whose attack is given ("claimed responsibility
    for the attack"), and no event when nobody claimed it; an electoral college that "chose X
    as the next president" elected him; supporters who "gathered" rallied; gunmen "stormed
    the National Penitentiary"; a report's opener may name where it was given ("In a speech at
    a mosque in Damascus on Sunday, Sharaa said": Sunday)."""
    pub = date(2024, 12, 15)
    doc = analyse("The Islamic State group claimed responsibility for the attack on Saturday.",
                  published=pub)
    assert one(doc, "Statement").label.startswith("Claim of responsibility")
    assert one(doc, "Attack").modality == "asserted"
    doc = analyse("No group has claimed responsibility for the blast.", published=pub)
    assert not events_of(doc, "Statement") and one(doc, "Explosion").modality == "asserted"
    for text, etype, day in (
            ("The electoral college on Saturday chose Mikheil Kavelashvili as the next "
             "president.", "Election", "2024-12-14"),
            ("Thousands of supporters gathered in the city on Friday.", "Protest",
             "2024-12-13"),
            ("Gunmen stormed the National Penitentiary on Saturday.", "Attack", "2024-12-14"),
            ("In a speech at a mosque in Damascus on Sunday, Sharaa said those responsible "
             "would be held to account.", "Statement", "2024-12-15")):
        assert one(analyse(text, published=pub), etype).time.value == day, text
    doc = analyse("Investigators gathered evidence at the scene on Friday.", published=pub)
    assert not doc.events


def test_the_next_day_of_a_story_is_no_plan():
    """ "Cambodia responded the next day by downgrading relations": a day of the story told, not
    one to come ("Talks will resume the next day" stays a plan)."""
    pub = date(2025, 7, 29)
    doc = analyse("Cambodia responded the next day by downgrading relations.", published=pub)
    assert one(doc, "Other").modality != "planned"
    assert one(analyse("Talks will resume the next day.", published=pub),
               "Negotiation").modality == "planned"


def test_second_review_of_the_twenty_first_stop():
    """The second review (228 texts: 61 better, 19 worse, all mended): "has not announced his
    resignation" denies it; what one "failed to prevent", "did nothing to prevent" or was
    "unable to avert" happened; a club's or a firm's choice of a manager or chief executive is
    no election; supporters gathering at a convention or to celebrate do not protest; police
    who storm a jail and a leader who "stormed out of the ministry" attack nothing; "denied
    that the meeting was held" denies it; a court's "pretrial detention" detains; "any damage
    ... was repaired" is no hedge; "Photo: IDF" is no agency; "Under EU rules" keeps the EU;
    "Houses of Parliament" keeps its name. From errors both versions made: a denial over the
    noun's own phrase ("denied that the arrest of Rodrigo Duterte was politically motivated");
    "Secretary for Justice Paul Lam" and "the New York-based Committee"."""
    pub = date(2024, 12, 20)
    for text, etype, modality in (
            ("The mayor has not yet announced his resignation.", "Resignation", "negated"),
            ("The ceasefire failed to prevent fresh clashes in the city.", "ArmedClash",
             "asserted"),
            ("Authorities were unable to avert the flood, which swept through the towns on "
             "Tuesday night.", "Flood", "asserted"),
            ("The Kremlin denied that the meeting was held.", "Meeting", "negated"),
            ("The company said any damage to the plant was repaired within hours.", "Damage",
             "claimed")):
        assert one(analyse(text, published=pub), etype).modality == modality, text
    for text in ("Liverpool chose Arne Slot as the new manager on Monday.",
                 "Starbucks chose Brian Niccol as its new chief executive on Tuesday.",
                 "Supporters of the club gathered outside the stadium on Sunday to celebrate "
                 "the title.",
                 "The opposition leader stormed out of the ministry on Monday."):
        doc = analyse(text, published=pub)
        assert not doc.events, (text, [(e.type, trigger(doc, e)) for e in doc.events])
    doc = analyse("Police stormed the jail on Wednesday to end a riot in which 33 inmates died.",
                  published=pub)
    assert not events_of(doc, "Attack") and one(doc, "Riot").fatalities == 33
    doc = analyse("A court placed the mayor in pretrial detention on Friday.", published=pub)
    assert one(doc, "Arrest").time.value == "2024-12-20"
    doc = analyse("The government denied that the arrest of Rodrigo Duterte was politically "
                  "motivated.", published=pub)
    assert one(doc, "Arrest").modality != "negated"
    def labels(text):
        return {(e.label, e.kind) for e in analyse(text).entities}
    assert ("IDF", "media") not in labels("Tanks move near the border. Photo: IDF")
    assert ("EU", "organization") in labels("Under EU rules, the Commission fined Apple.")
    assert ("Houses of Parliament", "organization") in \
        labels("Houses of Parliament staff were evacuated on Wednesday.")
    assert ("Paul Lam", "person") in labels("Secretary for Justice Paul Lam said the law was "
                                            "needed.")
    assert not any(label.startswith("New York") for label, _ in labels(
        "The New York-based Committee said reporters were killed."))


def test_first_contact_of_the_twenty_first_stop_batches_100_to_103():
    """Batches 100-103 (Hezbollah 2024, the June 2025 strikes on Iran, Pahalgam, Imamoglu,
    Brazil's floods, Tripoli, South Africa's election, a Kenyan school fire, Zaporizhzhia,
    Sumy, drones over Poland, Kherson, a Gaza flotilla, Minneapolis, Takaichi, Myanmar):
    "will not reopen until Monday" is a plan; "banned all demonstrations" holds none (but
    "defied a ban on protests" did); "did not fire a single shot" denies the shot; words that
    only look like events are none ("a permanent cessation of hostilities", "combat
    fatigues", "pushed back decades", "Her victory", "convicted war criminals", "hateful
    statements", "denied access to lawyers", "a shooting gallery", "the alliance's founding
    treaty", "newly elected members", "his inauguration speech", "Devastating news"); "said in
    English" names no place; "a Buddhist-backed party" names nothing."""
    pub = date(2025, 10, 22)
    for text, etype, modality in (
            ("Schools will not reopen until Monday.", "RestorationOfServices", "planned"),
            ("The governor banned all demonstrations in the city.", "Protest", "negated"),
            ("Thousands defied a ban on protests on Sunday.", "Protest", "asserted")):
        assert one(analyse(text, published=pub), etype).modality == modality, text
    doc = analyse("Iranian air defences did not fire a single shot, officials said.",
                  published=pub)
    assert all(e.modality == "negated" for e in doc.events), \
        [(e.type, trigger(doc, e), e.modality) for e in doc.events]
    for text in ("The deal calls for a permanent cessation of hostilities.",
                 "Men in combat fatigues waited.",
                 "Hezbollah had been pushed back decades.",
                 "Her victory was made possible by the smaller party.",
                 "Japan released convicted war criminals.",
                 "The suspect had made hateful statements.",
                 "Detainees had been denied access to lawyers.",
                 "The town has become a shooting gallery.",
                 "Poland invoked Article 4 of the alliance's founding treaty.",
                 "The newly elected members boycotted the session.",
                 "Devastating news from the school."):
        doc = analyse(text, published=pub)
        assert all(e.type == "Statement" and trigger(doc, e) == "calls for"
                   for e in doc.events), (text, [(e.type, trigger(doc, e)) for e in doc.events])
    doc = analyse("He spoke of unity in his inauguration speech.", published=pub)
    assert not events_of(doc, "Appointment")
    def labels(text):
        return {e.label for e in analyse(text).entities}
    assert "English" not in labels("Modi said in English that the attackers would pay.")
    assert "Buddhist-backed" not in labels("Komeito, a Buddhist-backed party, left.")


def test_third_review_of_the_twenty_first_stop():
    """The third review (208 texts: 58 better, 10 worse, all mended): a title with "for" keeps
    its holder the speaker ("Hong Kong's Secretary for Justice Paul Lam said"); "directly",
    "recently", "popularly elected" elect (only "newly", "democratically", "freshly", "duly"
    make the participle an adjective); a court that "convicted three terrorists" or "the
    killer" convicts; "the governor's statement" is one; "his victory over Islamic State" is
    military; "did not arrest him until Tuesday" arrested him on Tuesday (a past negation with
    "until" tells when, a future one a plan)."""
    pub = date(2025, 2, 7)
    doc = analyse("Hong Kong's Secretary for Justice Paul Lam said on Friday that the trial "
                  "would continue.", published=pub)
    assert role(doc, one(doc, "Statement"), "speaker") == ["Paul Lam"]
    for text, etype, modality in (
            ("Residents directly elected their first mayor on Sunday.", "Election",
             "asserted"),
            ("A court convicted three terrorists on Thursday.", "Other", "asserted"),
            ("Veterans marked his victory over Islamic State in 2017.", "MilitaryVictory",
             "asserted"),
            ("Police did not arrest him until Tuesday.", "Arrest", "asserted"),
            ("Schools will not reopen until Monday.", "RestorationOfServices", "planned")):
        assert one(analyse(text, published=pub), etype).modality == modality, text
    doc = analyse("In the governor's statement on Monday, she declared a state of emergency.",
                  published=pub)
    assert events_of(doc, "Statement")


def test_measures_are_events_of_their_own():
    """Deportations, closures of borders and airspace, suspensions from office or of
    cooperation, treaties held "in abeyance" are events (Other: Deportation, Closure,
    Suspension), each its own: closing the borders does not merge into the seizure of power
    told beside it; shops and markets that "closed", a suspended sentence are none."""
    pub = date(2025, 4, 26)
    for text, label in (("Israel began deporting hundreds of activists on Saturday.",
                         "Deportation"),
                        ("Pakistan closed its airspace to Indian airlines on Thursday.",
                         "Closure"),
                        ("India shut the Attari border crossing on Wednesday.", "Closure"),
                        ("The interior ministry suspended the mayor from office on Sunday.",
                         "Suspension"),
                        ("India held the Indus Waters Treaty in abeyance.", "Suspension"),
                        ("Egypt ordered the closure of the Rafah crossing on Tuesday.",
                         "Closure")):
        assert one(analyse(text, published=pub), "Other").label.startswith(label), text
    for text in ("The shop closed at 6pm.", "Stocks closed lower on Friday.",
                 "The factory closure cost 300 jobs.",
                 "The court suspended the sentence.", "He faces deportation."):
        assert not analyse(text, published=pub).events, text
    doc = analyse("Officers said they had taken power, dissolved all state institutions and "
                  "closed the country's borders.", published=pub)
    assert [e.label for e in events_of(doc, "Other")] == ["Seizure of power", "Closure"]


def test_review_of_the_measures():
    """The review of the measures (100 texts: 46 better, 6 worse): "close to the border" is
    an adjective, "shut the embassy gate" a door; a measure never takes "the coup" told beside
    it ("suspended Niger's membership on Saturday following the coup"); airports close too,
    and members are suspended from their party."""
    pub = date(2024, 6, 17)
    for text in ("The village lies close to the border with Lebanon.",
                 "She shut the embassy gate behind her."):
        assert not analyse(text, published=pub).events, text
    doc = analyse("The African Union suspended Niger's membership on Saturday following the "
                  "coup.", published=pub)
    assert [e.label for e in events_of(doc, "Other")] == ["Suspension by African Union",
                                                           "Coup"]
    for text in ("The authorities closed the airport in Lagos on Monday.",
                 "The party suspended him from the party on Friday."):
        assert len(events_of(analyse(text, published=pub), "Other")) == 1, text


def test_passive_closures_and_deportation_flights():
    """A border, airspace or embassy "was closed" is a closure as much as "closed the border";
    one that "remained closed" or a "closed-door" meeting is none; "deportation flights" are a
    deportation."""
    pub = date(2024, 6, 14)
    doc = analyse("All borders were shut on Sunday as the curfew began.", published=pub)
    assert [(e.label, e.time.value) for e in events_of(doc, "Other")] == [
        ("Closure", "2024-06-09")]
    doc = analyse("Officials said the airport would be closed until further notice.",
                  published=pub)
    assert [e.modality for e in events_of(doc, "Other")] == ["planned"]
    for text in ("The border crossing at Nogales remained closed on Friday.",
                 "The ambassador held closed-door talks at the embassy on Monday.",
                 "Border guards closed the road to traffic on Monday."):
        assert events_of(analyse(text, published=pub), "Other") == [], text
    doc = analyse("The deportation flights began on Tuesday, the ministry said.", published=pub)
    assert [e.time.value for e in events_of(doc, "Other")] == ["2024-06-11"]


def test_a_possessors_others_are_not_the_possessor():
    """ "Syria's neighbours shut their borders": the neighbours act, not Syria (but "Hamas's
    fighters attacked": Hamas)."""
    pub = date(2024, 6, 14)
    for text in ("Syria's neighbours shut their borders on Monday.",
                 "Iran's proxies attacked US bases in Iraq on Tuesday."):
        doc = analyse(text, published=pub)
        assert [p.role for e in doc.events for p in e.participants] == [], text
    doc = analyse("Hamas's fighters attacked the base on Monday.", published=pub)
    assert [p.role for p in one(doc, "Attack").participants] == ["agent"]


def test_first_contact_of_the_twenty_second_stop():
    """Words of the sixteen reports of stop 22 that named no event, and measures that did."""
    pub = date(2025, 10, 17)
    for text in ("Morales, who faces an arrest warrant, denied the charges on Monday.",
                 "A rare outbreak of tornadoes hit the state on Wednesday.",
                 "Officials promised on Monday to add flood warning systems.",
                 "Kerr County's top elected official spoke on Monday.",
                 "Min Aung Hlaing, who is under Western sanctions, spoke on Monday.",
                 "Qatar denied that Doha had received advance warning.",
                 "The decree lets the governor restrict movement and seize vehicles.",
                 "Firefighters battle flames on Mulholland Drive on Saturday.",
                 "The junta declared a two-week pause in offensive operations on Saturday.",
                 "The law protects the right to peaceful protest."):
        doc = analyse(text, published=pub)
        kinds = {"Arrest", "Disease", "Flood", "Election", "Sanctions", "Advance",
                 "TerritoryTaken", "Explosion", "ArmedClash", "Attack", "Protest"}
        assert [e.type for e in doc.events if e.type in kinds] == [], text
    doc = analyse("Paz won the run-off on Sunday, defeating former president Jorge Quiroga.",
                  published=pub)
    assert [e.type for e in doc.events] == ["Election"]
    doc = analyse("A power struggle exploded into open fighting in April 2023.", published=pub)
    assert [e.type for e in doc.events] == ["ArmedClash"]
    for text, label in (("The cabinet lifted martial law early on Wednesday.",
                         "Lifting of a measure"),
                        ("The government lifted the social media ban on Tuesday.",
                         "Lifting of a measure"),
                        ("The president dissolved the National Assembly on Tuesday.",
                         "Dissolution"),
                        ("Rajoelina fled the country on Sunday.", "Flight into exile")):
        assert [e.label.split(" by ")[0] for e in analyse(text, published=pub).events] == \
            [label], text


def test_a_report_with_a_clause_of_its_own_does_not_claim_what_stands_before_it():
    """ "..., and by Sunday the group said it had taken the camp": the report's clause is its
    own ("it had taken"), so the fighting told before it is asserted."""
    pub = date(2025, 4, 15)
    doc = analyse("Fighting and shelling continued through Saturday, and by Sunday the "
                  "paramilitary group said it had taken full control of the camp.",
                  published=pub)
    assert [(e.type, e.modality) for e in doc.events] == [
        ("ArmedClash", "asserted"), ("ShellingMissileAttack", "asserted"),
        ("TerritoryTaken", "claimed")]
    doc = analyse("The army retook the capital last month, and analysts say the war has "
                  "entered a new phase.", published=pub)
    assert one(doc, "TerritoryRetaken").modality == "asserted"
    doc = analyse("The army retook the capital last month, analysts said on Monday.",
                  published=pub)
    assert one(doc, "TerritoryRetaken").modality == "claimed"


def test_negation_through_scare_quotes_and_light_verbs():
    """ 'Israel had "failed" to assassinate them': scare quotes hide no failure; "did not
    assign blame", "did not issue a warning": the negated verb only carries the noun."""
    pub = date(2025, 9, 13)
    doc = analyse('Israel had "failed" to assassinate them, Hamas said on Wednesday.',
                  published=pub)
    assert one(doc, "Killing").modality == "negated"
    doc = analyse("The report did not assign blame, investigators said on Saturday.",
                  published=pub)
    assert one(doc, "Accusation").modality == "negated"
    doc = analyse("The ministry did not issue a warning before the flood.", published=pub)
    assert one(doc, "Statement").modality == "negated"


def test_airbases_and_airfields_are_places():
    """ "the Mezzeh airbase", "the Shahid Airbase": places (an attack's target)."""
    for text, name in (("Israeli jets struck the Mezzeh airbase on Monday.", "Mezzeh airbase"),
                       ("Drones hit the Shahid Airbase overnight.", "Shahid Airbase")):
        kinds = {e.label: e.kind for e in analyse(text).entities}
        assert kinds.get(name) == "place", (text, kinds)


def test_a_participle_before_a_title_says_who_someone_is():
    """ "Impeached President Yoon Suk Yeol was detained": an impeachment told of before, no
    event of this sentence (but "Parliament impeached President Yoon on Saturday")."""
    pub = date(2025, 1, 17)
    doc = analyse("Impeached President Yoon Suk Yeol was detained on Wednesday.", published=pub)
    assert [e.type for e in doc.events] == ["Arrest"]
    doc = analyse("Parliament impeached President Yoon on Saturday.", published=pub)
    assert [(e.type, e.time.value) for e in doc.events] == [("Other", "2025-01-11")]


def test_a_later_mention_dated_apart_keeps_its_time_to_itself():
    """ "police opened fire" in a paragraph of Monday 8 September is not dated "next week" by
    a closing "... investigate the shootings" in a sentence that plans something next week."""
    text = ("Students rally in Kathmandu\n\nStudents marched on parliament in Kathmandu on "
            "Monday, September 8. When some climbed the gates, police opened fire with live "
            "rounds.\n\nOrganisers said on Saturday they would hold a vigil next week and would "
            "press the government to investigate the shootings.")
    doc = analyse(text, published=date(2025, 9, 13))
    assert [e.time.value for e in events_of(doc, "Attack")] == ["2025-09-08"]


def test_a_toll_summed_since_a_day_is_no_new_figure_for_that_day():
    """ "Nineteen people were killed that day ... the death toll since Monday had risen to at
    least 51": the day keeps its 19, and the 51 is a report of its own."""
    text = ("Protests in Kathmandu\n\nThousands marched on parliament in Kathmandu on Monday, "
            "September 8.\n\nNineteen people were killed that day and more than 300 were "
            "injured, according to police.\n\nThe health ministry said on Friday that the death "
            "toll since Monday had risen to at least 51.")
    doc = analyse(text, published=date(2025, 9, 13))
    assert sorted((e.fatalities, e.time.value) for e in events_of(doc, "CasualtiesReport")) \
        == [(19, "2025-09-08"), (51, "2025-09-12")]


def test_a_clause_joined_by_and_takes_the_day_of_the_clause_before():
    """ "Thousands marched on parliament on Monday, September 8, and police opened fire": the
    shooting is of that Monday (not of the publication day)."""
    doc = analyse("Thousands marched on parliament in Kathmandu on Monday, September 8, and "
                  "police opened fire.", published=date(2025, 9, 13))
    assert one(doc, "Attack").time.value == "2025-09-08"


def test_a_counted_subject_may_close_with_a_short_phrase():
    """ "At least 19 people on the ground were also killed", "Nine staff members of the aid
    group Relief International were killed": the count before the phrase."""
    for text, killed in (("At least 19 people on the ground were also killed on Thursday.", 19),
                         ("Nine staff members of the aid group Relief International were "
                          "killed on Friday.", 9)):
        doc = analyse(text, published=date(2025, 6, 14))
        assert [e.fatalities for e in doc.events] == [killed], text


def test_a_demonym_may_stand_in_a_counted_group():
    """ "A Qatari security officer was also killed", "killed three Israeli soldiers": the
    demonym is one of the people noun's modifiers."""
    pub = date(2025, 6, 14)
    doc = analyse("A Qatari security officer was also killed on Tuesday.", published=pub)
    assert [e.fatalities for e in doc.events] == [1]
    doc = analyse("Last week, Hezbollah fighters killed three Israeli soldiers and seriously "
                  "wounded six others.", published=pub)
    assert [(e.fatalities, e.injured) for e in doc.events] == [(3, 6)]


def test_repelled_attempts_and_control_of_an_army():
    """ "repelled Ukrainian attempts to advance": the advance failed; "had taken control of
    all the country's armed forces" is no capture of territory."""
    pub = date(2024, 12, 9)
    doc = analyse("Russian forces repelled Ukrainian attempts to advance near Korenevo on "
                  "Monday.", published=pub)
    assert one(doc, "Advance").modality == "negated"
    doc = analyse("The soldiers claimed they had taken control of all the country's armed "
                  "forces.", published=pub)
    assert events_of(doc, "TerritoryTaken") == []
    doc = analyse("Rebels took control of the city on Monday.", published=pub)
    assert len(events_of(doc, "TerritoryTaken")) == 1


def test_a_town_that_fell_on_a_day_was_taken():
    """ "The city fell overnight after a week of fighting", "The town fell under rebel
    control on Sunday": taken (not "The city fell silent", nor "The town's population
    fell")."""
    pub = date(2024, 12, 9)
    for text in ("The city fell overnight after a week of fighting.",
                 "The town fell under rebel control on Sunday."):
        assert len(events_of(analyse(text, published=pub), "TerritoryTaken")) == 1, text
    for text in ("The city fell silent on Sunday.", "The town's population fell after the war.",
                 "Temperatures in the city fell overnight.", "Snow fell on the town overnight."):
        assert analyse(text, published=pub).events == [], text


def test_review_of_the_twenty_second_stop():
    """The review of this stop's rules (216 texts of a helper's own: 67 better, 26 worse),
    each worse case now right."""
    pub = date(2024, 10, 5)
    doc = analyse("Protesters occupied the square on 3 March, and the government eventually "
                  "resigned.", published=pub)
    assert one(doc, "Resignation").time.basis == "publication"  # another, later time
    for text in ("Members of 11 families in the village were killed in the bombing, the mayor "
                 "said.", "Fishermen from two villages on the coast were killed when the storm "
                 "hit.", "Relatives of 14 victims of the crash were injured when a stand "
                 "collapsed at the memorial service."):
        doc = analyse(text, published=pub)
        assert [(e.fatalities, e.injured) for e in doc.events] == [(None, None)], text
    for text in ("The football federation dissolved the national team's coaching staff on "
                 "Thursday after the World Cup exit.",
                 "More than a million Syrians fled the country in the first years of the war.",
                 "Many doctors and nurses have fled abroad, leaving hospitals short of staff.",
                 "A giant crane lifted the suspension bridge's central span into place on "
                 "Tuesday, engineers said.",
                 "Iran is under Western sanctions over its nuclear programme."):
        assert [e for e in analyse(text, published=pub).events if e.type != "Statement"] \
            == [], text
    doc = analyse("The prime minister asked the president to dissolve parliament, but he "
                  "refused.", published=pub)
    assert one(doc, "Other").modality == "negated"
    doc = analyse("Residents said flood warning systems failed as the river rose overnight and "
                  "swept away a summer camp.", published=date(2025, 7, 6))
    assert [e.type for e in doc.events] == ["Flood"]
    doc = analyse("Sudan's army defeated the RSF in Omdurman, retaking about 90 percent of the "
                  "city.", published=pub)
    assert len(events_of(doc, "MilitaryVictory")) == 1
    for text in ("Elected President in 2019, Nayib Bukele has cracked down hard on the "
                 "country's gangs.", "Nayib Bukele, elected President in 2019, was sworn in "
                 "for a second term on Saturday."):
        assert [e.time.value for e in events_of(analyse(text, published=pub), "Election")] \
            == ["2019"], text
    doc = analyse("The general was arrested during the purges in May of last year's spring "
                  "offensive.", published=date(2025, 1, 5))
    assert one(doc, "Arrest").time.value == "2024-05"
    for text, day in (("On 4 June Park Geun-hye's former aide was arrested in Seoul.",
                       "2024-06-04"),
                      ("On Monday Coalition aircraft struck a weapons depot near Sanaa.",
                       "2024-09-30"),
                      ("On 12 March University students marched on the education ministry.",
                       "2024-03-12")):
        assert [e.time.value for e in analyse(text, published=pub).events] == [day], text
    for text in ("Israeli strikes killed 27 people across Gaza on Sunday, the health ministry "
                 "said in a statement that was posted online.",
                 "A drone struck a hospital in El Fasher, killing 30 people, the governor said "
                 "in a post that has since been deleted."):
        assert [e.modality for e in analyse(text, published=pub).events] == ["claimed"], text
    doc = analyse("Myanmar quake toll climbs\n\nAn earthquake killed at least 1,000 people in "
                  "central Myanmar on Friday. The death toll has so far risen to 2,700, the "
                  "junta said on Tuesday.", published=date(2025, 4, 1))
    assert [(e.type, e.fatalities) for e in doc.events] == [("Earthquake", 2700)]
    doc = analyse("Police did not place anyone under arrest after the clashes.", published=pub)
    assert one(doc, "Arrest").modality == "negated"


def test_first_contact_of_the_twenty_second_stop_second_round():
    """Words of the twelve later reports of stop 22 that named no event of their type."""
    pub = date(2025, 2, 24)
    for text in ("The helicopter struck the jet shortly before 9 p.m. on January 29.",
                 "A fire had broken out early on Wednesday at the house.",
                 "The crisis pushed immigration to the top of the agenda.",
                 "Trump repeated his talk of annexing the country on Monday.",
                 "Carney had never held elected office before this year.",
                 "Lindner announced on Sunday that he would withdraw from front-line politics."):
        doc = analyse(text, published=pub)
        assert [e.type for e in doc.events if e.type in (
            "AirStrike", "ArmedClash", "Advance", "TerritoryTaken", "Election",
            "Withdrawal")] == [], text
    for text, etype in (("Israeli jets struck the port on Monday.", "AirStrike"),
                        ("Russian troops withdrew from the town on Monday.", "Withdrawal"),
                        ("Fighting broke out in the capital on Monday.", "ArmedClash")):
        assert len(events_of(analyse(text, published=pub), etype)) == 1, text


def test_a_country_that_speaks_after_a_titled_person_of_that_surname_is_the_person():
    """ "Prime Minister Luís Montenegro said ... Montenegro added": the person, not the
    country (which keeps its own mentions otherwise)."""
    doc = analyse("Prime Minister Luís Montenegro said on Tuesday that the cause was unclear. "
                  "Montenegro added that Portugal would ask for an audit.")
    assert [e.label for e in doc.entities if e.kind == "person"] == ["Luís Montenegro"]
    assert "Montenegro" not in {e.label for e in doc.entities}


def test_questions_faiths_and_ranks_name_no_one():
    """ "Who Was The Attacker?" (a subheading), "converted to Islam", "Chief Warrant Officer
    2 Andrew Eaves and Staff Sergeant Ryan O'Hara": no person "Was The Attacker", no place
    "Islam", no person "Warrant Officer" nor organisation "Staff" (but "Will Smith")."""
    labels = {e.label for e in analyse("Who Was The Attacker?\n\nHe had converted to Islam as "
                                       "a child. Chief Warrant Officer 2 Andrew Eaves and Staff "
                                       "Sergeant Ryan O'Hara were aboard.").entities}
    assert labels == {"Andrew Eaves", "Ryan O'Hara"}
    assert [e.label for e in analyse("Will Smith arrived on Monday.").entities] == ["Will Smith"]


def test_a_disaster_that_claimed_lives_is_no_claim():
    """ "The disaster claimed more lives on Friday when a rescue helicopter crashed": deaths,
    not a claim (but "Russia claimed the strike killed 30 soldiers")."""
    pub = date(2025, 8, 17)
    doc = analyse("The disaster claimed more lives on Friday when a rescue helicopter crashed "
                  "in bad weather.", published=pub)
    assert [e.modality for e in doc.events] == ["asserted"]
    doc = analyse("Russia claimed the strike killed 30 soldiers.", published=pub)
    assert [e.modality for e in doc.events] == ["claimed"]


def test_attempts_that_failed():
    """ "Several attempts to intercept the missile had failed": not done."""
    doc = analyse("Several attempts to intercept the missile had failed, the military said.",
                  published=date(2025, 5, 7))
    assert [e.modality for e in doc.events if e.type != "Statement"] == ["negated"]
    # (abandoned, blocked)
    for text in ("Investigators tried to detain the president at his residence but abandoned "
                 "the attempt after a standoff.",
                 "Police tried to arrest the suspect but were blocked by a crowd."):
        assert [e.modality for e in analyse(text).events] == ["negated"], text


def test_whom_a_speaker_urges_is_not_the_speaker():
    """ "He urged Washington and Beijing to respond and called for new sanctions": the
    sanctions are called for by him, not by Washington."""
    doc = analyse("Zelensky said on Friday that Russia had launched 598 drones. He urged "
                  "Washington and Beijing to respond and called for new sanctions.",
                  published=date(2025, 8, 29))
    sanctions = one(doc, "Sanctions")
    assert sanctions.according_to is None or \
        entity_label(doc, sanctions.according_to) not in ("Washington", "United States")
    assert all(entity_label(doc, p.entity) not in ("Washington", "United States")
               for e in events_of(doc, "Statement") for p in e.participants)


def test_first_contact_of_the_twenty_second_stop_third_round():
    """The twelve last reports of stop 22 (Hong Kong's tower fire, Charlie Kirk, drones over
    Denmark, El Obeid, the Gaza ceasefire, Cebu, Morocco, Kunar, Spiderweb, Poland, Kenya,
    Mali): words that named no event, events missed, counts lost."""
    pub = date(2025, 9, 16)
    for text in ("Family members persuaded him to surrender on Thursday.",
                 "The minister said the state will not surrender the streets to violence.",
                 "Poland has changed since the fall of communism.",
                 "The country could not meet the needs of survivors, officials said."):
        assert [e.type for e in analyse(text, published=pub).events
                if e.type != "Statement"] == [], text
    assert len(events_of(analyse("The garrison surrendered on Friday.", published=pub),
                         "MilitaryVictory")) == 1
    doc = analyse("The bell tower of the church in Daanbantayan crumbled.", published=pub)
    assert [e.type for e in doc.events] == ["Damage"]
    doc = analyse("The talks produced an agreement on prisoners but no progress towards a "
                  "ceasefire.", published=pub)
    assert one(doc, "Ceasefire").modality == "negated"
    doc = analyse("The Taliban denied reports that women injured in the quake had been turned "
                  "away from hospitals.", published=pub)
    assert one(doc, "Earthquake").modality != "negated"
    for text in ("One firefighter, 37-year-old Ho Wai-ho, was killed.",
                 "A protester was shot dead on Monday."):
        assert [e.fatalities for e in analyse(text, published=pub).events] == [1], text


def test_a_toll_is_of_the_day_it_was_reported_when_nothing_else_dates_it():
    """ "On Tuesday the Security Bureau said 156 people had died": the toll of Tuesday, not of
    "by the weekend" in the sentence before."""
    doc = analyse("Hong Kong fire toll rises\n\nOfficials confirmed 36 deaths by Thursday "
                  "morning, 94 by Friday and 128 by the weekend. On Tuesday the Security Bureau "
                  "said 156 people had died.", published=date(2025, 12, 2))
    assert [(e.fatalities, e.time.value) for e in events_of(doc, "CasualtiesReport")
            if e.fatalities == 156] == [(156, "2025-12-02")]


def test_second_review_of_the_twenty_second_stop():
    """The second review of this stop's rules (220 texts: 55 better, 17 worse), each worse
    case now right, and counts both versions lost."""
    pub = date(2024, 10, 30)
    for text, etype in (
            ("Fighter jets struck the base at dawn on Monday, and the collision of two fuel "
             "trucks then set the depot ablaze.", "AirStrike"),
            ("Israeli aircraft struck a jet parked at Sanaa airport on Wednesday, the Houthis "
             "said.", "AirStrike"),
            ("Moscow threatened on Friday to annex four more regions of Ukraine.",
             "TerritoryTaken"),
            ("Republicans who held the majority elected Mike Johnson as speaker of the House on "
             "Wednesday.", "Election"),
            ("Syrian rebels pushed to the centre of Hama on Thursday.", "Advance"),
            ("The besieged garrison agreed to surrender on Saturday.", "MilitaryVictory"),
            ("Rebel fighters surrendered their weapons to the army in Kidal on Monday.",
             "MilitaryVictory"),
            ("Soldiers withdrew from the election commission compound in Caracas on Monday.",
             "Withdrawal")):
        assert len(events_of(analyse(text, published=pub), etype)) == 1, text
    for text in ("Support for the government crumbled after the vote.",
                 "The Berlin Wall crumbled on 9 November 1989, and crowds poured into the West."):
        assert events_of(analyse(text, published=pub), "Damage") == [], text
    doc = analyse("Jordan said on Sunday that its jets had shot down Iranian drones. Queen Rania "
                  "of Jordan said the kingdom wanted calm.", published=pub)
    assert "Jordan" in {e.label for e in doc.entities}
    doc = analyse("Rep. Jim Jordan praised the strikes on Friday. Meanwhile, Jordan said it had "
                  "closed its airspace to all flights.", published=pub)
    assert "Jordan" in {e.label for e in doc.entities}
    doc = analyse("One soldier, Sgt. Daniel Reyes, was killed and two others were wounded.",
                  published=pub)
    assert [(e.fatalities, e.injured) for e in doc.events] == [(1, 2)]
    for text, killed in (("The floods have claimed at least 300 lives in Kerala.", 300),
                         ("The cyclone, which claimed 20 lives, hit on Monday.", 20)):
        assert [e.fatalities for e in analyse(text, published=pub).events] == [killed], text
    assert analyse("Rescuers saved 20 lives on Monday.", published=pub).events == []


def test_a_strike_that_kills_is_no_labour_strike_and_a_base_is_struck():
    """ "An aid worker was killed in an Israeli strike on a convoy": no labour protest (the
    "worker" is its victim); "Iran struck a US base in Qatar": an attack."""
    pub = date(2025, 6, 24)
    doc = analyse("An aid worker was killed in an Israeli strike on a convoy in Deir al-Balah.",
                  published=pub)
    assert events_of(doc, "Protest") == [] and [e.fatalities for e in doc.events] == [1]
    doc = analyse("Iran struck a US base in Qatar hours later.", published=pub)
    assert [e.type for e in doc.events] == ["ShellingMissileAttack"]
    doc = analyse("Rail workers began a strike on Monday.", published=pub)
    assert [e.type for e in doc.events] == ["Protest"]


def test_first_contact_of_the_twenty_second_stop_fourth_round():
    """The last twelve reports of stop 22 (Crocus City Hall, Vanuatu, Magdeburg, the RSF's
    charter, Hasina's verdict, Tanzania, Chornobyl, Kamchatka, the Kumbh Mela crush, Machala,
    North Korean troops, Lashio): words that named no event, and credits kept in their line."""
    pub = date(2025, 11, 11)
    for text in ("Searchers combed the charred shell of the Crocus City Hall on Sunday.",
                 "The reactor cover suffered damage to the outer shell.",
                 "The roof was not designed to withstand a direct hit.",
                 "A judge ordered him held on suspicion of five counts of murder.",
                 "A dense crowd pushed forward after barricades gave way.",
                 "Thirteen of them were recaptured on Monday.",
                 "Security forces had seized firearms and explosives.",
                 "She can return only if she surrenders."):
        assert [e.type for e in analyse(text, published=pub).events
                if e.type not in ("Damage", "Statement")] == [], text
    doc = analyse("Troops pushed forward into the village on Monday.", published=pub)
    assert [e.type for e in doc.events] == ["Advance"]
    doc = analyse("A damaged roof on Friday. Photo: Ukrainian President's Office / Handout\n\n"
                  "Kremlin Rejects Accusation\n\nThe Kremlin denied any role.", published=pub)
    assert all("\n" not in e.label for e in doc.entities)


def test_bringing_the_toll_to_a_number_updates_the_toll():
    """ "two more victims died in hospital, bringing the toll to 139": the deadly event told
    before now has 139 dead (not 2)."""
    doc = analyse("Gunmen attacked the concert hall on Friday, killing 40 people.\n\nOn Sunday "
                  "two more victims died in hospital, bringing the toll to 139.",
                  published=date(2024, 3, 26))
    assert [e.fatalities for e in doc.events] == [139]
    doc = analyse("The floods killed 12 more people, bringing the toll to 50.",
                  published=date(2024, 3, 26))
    assert [e.fatalities for e in doc.events] == [50]


def test_what_is_ruled_out_did_not_happen():
    """ "has ruled out negotiations", "ruled out a ceasefire": negated (but "carried out an
    attack" is one)."""
    pub = date(2025, 3, 22)
    for text in ("Burhan has ruled out negotiations with the RSF.",
                 "The army ruled out a ceasefire on Monday."):
        assert [e.modality for e in analyse(text, published=pub).events] == ["negated"], text
    doc = analyse("Troops carried out an attack on Monday.", published=pub)
    assert [e.modality for e in doc.events] == ["asserted"]


def test_first_contact_of_the_twenty_second_stop_fifth_round():
    """The last eight reports of stop 22 (Kharkiv's glide bombs, Mirebalais, the Lebanon
    ceasefire, the Eastern Cape floods, Japan's upper house, Tbilisi, Catatumbo, the Jaffar
    Express): "surrounding villages", "arrest warrants", "has fought for decades for
    independence" and an editor's note name no event."""
    pub = date(2025, 4, 3)
    for text in ("More than 5,000 people fled Mirebalais and surrounding villages.",
                 "The court reactivated arrest warrants for the leaders.",
                 "The BLA, a banned group that has fought for decades for independence, said "
                 "nothing."):
        assert [e.type for e in analyse(text, published=pub).events
                if e.type in ("Encirclement", "Arrest", "ArmedClash")] == [], text
    doc = analyse("Train hijacked in Pakistan\n\nMilitants attacked the train on Tuesday.\n\n"
                  "This story has been updated to include the prime minister's visit.",
                  published=pub)
    assert events_of(doc, "Visit") == []
    for text, etype in (("Rebels surrounded the town on Monday.", "Encirclement"),
                        ("Police arrested the leaders on Monday.", "Arrest")):
        assert len(events_of(analyse(text, published=pub), etype)) == 1, text


def test_third_review_of_the_twenty_second_stop():
    """The third review of this stop's rules (207 texts: 75 better, 28 worse), each worse
    case now right."""
    pub = date(2024, 9, 7)
    for text, killed in (
            ("An Israeli strike killed nine people in Rafah, bringing the toll to 34,000 since "
             "October.", 9),
            ("Russian missiles killed four people in Odesa on Tuesday, bringing the toll to 11 "
             "this week.", 4)):
        assert [e.fatalities for e in analyse(text, published=pub).events] == [killed], text
    for text in ("An explosion at a fireworks depot injured 12 more people, bringing the toll "
                 "to 40 wounded.", "The floods destroyed 500 more homes on Monday, bringing "
                 "the toll to 3,000 houses.", "Motorists will pay a higher toll on the bridge "
                 "from April, bringing the toll to 8 euros."):
        assert all(e.fatalities is None for e in analyse(text, published=pub).events), text
    doc = analyse("A fire at a boarding school killed 17 pupils on Thursday night. Four injured "
                  "children died in hospital on Friday, bringing the toll to 21.",
                  published=pub)
    assert [e.fatalities for e in doc.events if e.fatalities] == [21]
    for text, etype in (
            ("The burned-out village was shelled again overnight, the mayor said.",
             "ShellingMissileAttack"),
            ("Ukrainian troops, cheered by crowds of residents, pushed into the village on "
             "Tuesday.", "Advance"),
            ("After the prisoners escaped, rebels recaptured the town on Friday.",
             "TerritoryRetaken"),
            ("Fighters seized an arms depot on the outskirts of the town overnight.",
             "TerritoryTaken"),
            ("Militants seized the town after explosives blew open its main gate.",
             "TerritoryTaken"),
            ("He said the soldiers surrendered to the rebels on Sunday without a fight.",
             "MilitaryVictory"),
            ("Bus drivers went on strike on Monday over the killing of a colleague.",
             "Protest"),
            ("Teachers in Nairobi went on strike after a colleague was killed in a robbery.",
             "Protest")):
        assert len(events_of(analyse(text, published=pub), etype)) == 1, text
    for text in ("The candidate struck a chord with his base at a rally in Pennsylvania.",
                 "Hurricane Milton struck near the naval base in Florida late on Wednesday."):
        assert events_of(analyse(text, published=pub), "ShellingMissileAttack") == [], text
    doc = analyse("Officials have not ruled out a terrorist attack as the cause of the "
                  "explosion.", published=pub)
    assert [e.modality for e in events_of(doc, "Attack")] != ["negated"]
    for text, name in (("Michelle Obama told the convention that hope was making a comeback.",
                        "Michelle Obama"),
                       ("Melania Trump joined her husband on Monday.", "Melania Trump")):
        assert name in {e.label for e in analyse(text, published=pub).entities}, text


def test_a_death_toll_brought_to_a_war_total_is_not_the_strike_s():
    """ "killed 12 people on Tuesday, bringing the death toll to 42,300 since the war began":
    the strike killed 12; 42,300 is the war's (but "bringing the death toll to 41 since the
    quake struck" is the quake's own)."""
    pub = date(2024, 10, 10)
    doc = analyse("An Israeli strike on Gaza City killed 12 people on Tuesday, bringing the "
                  "death toll to 42,300 since the war began, the health ministry said.",
                  published=pub)
    assert [e.fatalities for e in doc.events] == [12]
    doc = analyse("Two more bodies were found on Friday, bringing the death toll to 41 since the "
                  "quake struck.", published=pub)
    assert [e.fatalities for e in doc.events] == [41]


def test_a_given_name_will_is_no_plan():
    """ "Will Smith arrived in Kyiv on Monday": a visit made (but "Will Russia attack Kharkiv
    again?" and "Russia will attack" are not asserted)."""
    pub = date(2024, 10, 10)
    for text in ("Will Smith arrived in Kyiv on Monday.",
                 "The delegation led by Will Smith met the governor on Monday."):
        assert [e.modality for e in analyse(text, published=pub).events] == ["asserted"], text
    for text in ("Will Russia attack Kharkiv again?", "Russia will attack Kharkiv again."):
        assert [e.modality for e in analyse(text, published=pub).events] == ["planned"], text


def test_a_former_holder_keeps_his_name_and_the_sitting_one_is_another():
    """"former president Jair Bolsonaro ... the former president": one person named Jair
    Bolsonaro (the description gives no label), and "the president" who speaks of him is not
    he."""
    text = ("Brazil's Supreme Court convicted former president Jair Bolsonaro on Thursday of "
            "plotting a coup.\n\nLula said on Friday that the trial had been fair. \"He tried "
            "to stage a coup,\" the president said.\n\nThe former president has been held "
            "under house arrest since 4 August.")
    doc = analyse(text, published=date(2025, 9, 12))
    labels = {text[m.start:m.end]: entity_label(doc, m.entity) for m in doc.mentions}
    assert labels["former president"] == "Jair Bolsonaro"
    assert labels["president"] != "Jair Bolsonaro"
    assert "former president" not in [e.label for e in doc.entities]


def test_a_possessor_s_supporters_and_family_are_not_he():
    """"President Jair Bolsonaro's supporters rallied", "... Bolsonaro's son Eduardo urged":
    the supporters and the son act, not Bolsonaro."""
    pub = date(2025, 9, 12)
    for text in ("President Jair Bolsonaro's supporters rallied in Sao Paulo on Sunday.",
                 "President Jair Bolsonaro's son Eduardo urged Washington to act."):
        doc = analyse(text, published=pub)
        assert [entity_label(doc, p.entity) for e in doc.events for p in e.participants
                if p.role in ("agent", "speaker")] == [], text


def test_first_contact_of_the_twenty_third_stop():
    """Twenty reports of stop 23 (the Thailand-Cambodia border, Guinea-Bissau, Melissa, the
    Louvre, Iran, Venezuela's boats, Bolsonaro, Peru, Hayli Gubbi, measles, Kalmaegi, Machala,
    Ternopil, Pokrovsk, refineries, Zaporizhzhia, El Fasher, the Congo deal, Sweida, the
    shutdown's flights): what they found, each a general rule."""
    pub = date(2025, 10, 30)
    for text, etype, word in (
            ("Israeli warplanes hit the headquarters of the defence ministry in Damascus on "
             "Wednesday.", "AirStrike", "hit"),
            ("The rebels marched into Bukavu on February 16.", "Advance", "marched into"),
            ("The storm made landfall late on Monday in the town of Silago.", "Storm",
             "made landfall"),
            ("Thieves stole eight pieces of jewellery from the Louvre on Sunday.", "Other",
             "stole"),
            ("The heist at the museum took less than eight minutes.", "Other", "heist"),
            ("Five soldiers were wounded by a landmine on Wednesday.", "Explosion", "landmine"),
            ("Thousands of protesters marched into the square on Monday.", "Protest",
             "marched")):
        doc = analyse(text, published=pub)
        assert [(e.type, trigger(doc, e)) for e in doc.events] == [(etype, word)], text
    for text in ("The Democratic Forces for the Liberation of Rwanda said nothing.",
                 "The troops advanced quickly, meeting little resistance.",
                 "The Louvre is the world's most visited museum.",
                 "Residents sheltered in basements partly flooded by burst water pipes.",
                 "Four prisoners were found dead in the same jail.",
                 "The jet hit a warehouse after skidding off the runway, killing 199 people.",
                 "He said the strikers would steal the show."):
        assert [e.type for e in analyse(text, published=pub).events
                if e.type in ("TerritoryRetaken", "Meeting", "Visit", "Flood", "Other",
                              "AirStrike")] == [], text


def test_first_contact_of_the_twenty_third_stop_modality():
    """What seems so is hedged however far the cue ("appeared to have been preceded by a small
    earthquake swarm"); a negation passes "suffer", "been able to" and "being"; an attempt
    escaped failed; a reward for information leading to an arrest awaits it."""
    pub = date(2025, 11, 25)
    for text, modality in (
            ("The eruption appeared to have been preceded by a small earthquake swarm.",
             "hedged"),
            ("St Elizabeth appeared to bear the brunt of the damage.", "hedged"),
            ("Steel plates recovered there appear to match those found at the clinic bombing.",
             "asserted"),
            ("The plant did not suffer any radiation leak, the agency said.", "negated"),
            ("Inspectors have not been able to visit the bombed sites.", "negated"),
            ("Dias said he had escaped an attempt to arrest him on Wednesday.", "negated"),
            ("The crew were sent home rather than being detained.", "negated"),
            ("Police offered a reward for information leading to his arrest.", "planned"),
            ("The region suffered an attack on Monday.", "asserted"),
            ("Troops were able to capture the town on Monday.", "asserted")):
        assert [e.modality for e in analyse(text, published=pub).events] == [modality], text


def test_first_contact_of_the_twenty_third_stop_counts():
    """"found dead ..., a day after a riot killed four": the riot's four; "raising the death
    toll from Wednesday's strike to at least 33": 33; "500 have died in prison violence since
    then": a report of its own, not the riot's told before."""
    pub = date(2025, 11, 21)
    doc = analyse("Twenty-seven inmates were found dead in a prison on Monday, a day after a "
                  "riot in the same jail killed four prisoners.", published=pub)
    assert [(e.type, e.fatalities) for e in doc.events] == [("Riot", 4)]
    doc = analyse("Rescuers pulled two more bodies from the rubble on Friday, raising the death "
                  "toll from Wednesday's Russian missile and drone strike to at least 33.",
                  published=pub)
    assert [e.fatalities for e in doc.events] == [33]
    doc = analyse("In 2021, 119 inmates were killed in a single riot at the Litoral "
                  "penitentiary. More than 500 inmates have died in prison violence since "
                  "then, according to rights groups.", published=pub)
    assert [(e.type, e.fatalities) for e in doc.events] == \
        [("Riot", 119), ("CasualtiesReport", 500)]


def test_a_year_that_names_an_election_dates_no_verb_after_and():
    """ "convicted him on Thursday of plotting to overturn the 2022 election and sentenced
    him to 27 years": the sentence was passed on Thursday, not in 2022."""
    doc = analyse("The court convicted him on Thursday of plotting to overturn the 2022 "
                  "election and sentenced him to 27 years in prison.",
                  published=date(2025, 9, 12))
    assert [(trigger(doc, e), e.time.value) for e in doc.events] == \
        [("election", "2022"), ("sentenced", "2025-09-11")]


def test_first_contact_of_the_twenty_third_stop_politics():
    """Envoys due to meet a named leader meet him; a legislature's or a court's vote, a bill
    passed and a bill signed into law are events of their own, not elections (and a vote for
    a new parliament stays one)."""
    pub = date(2025, 11, 13)
    for text, etype, word, modality in (
            ("U.S. envoys were due to meet Putin in Moscow next week.", "Meeting", "meet",
             "planned"),
            ("The Senate passed the bill on Monday.", "Other", "passed", "asserted"),
            ("Trump signed the spending bill late on Wednesday.", "Other", "signed",
             "asserted"),
            ("The House voted 222-209 on Wednesday to approve the bill.", "Other", "voted",
             "asserted"),
            ("Justice Luiz Fux dissented on Wednesday in a marathon vote.", "Other", "vote",
             "asserted"),
            ("Voters went to the polls on Sunday to vote for a new parliament.", "Election",
             "went to the polls", "asserted"),
            ("She said she would not sign the law.", "Other", "sign", "negated")):
        doc = analyse(text, published=pub)
        assert [(e.type, trigger(doc, e), e.modality) for e in doc.events
                if e.type != "Statement"] == [(etype, word, modality)], text
    for text in ("Kyiv must meet NATO standards before joining.",
                 "The country failed to meet EU targets."):
        assert events_of(analyse(text, published=pub), "Meeting") == [], text


def test_jets_sent_to_bomb_bombed_and_a_town_encircled_before_it_is_was_not():
    """"sent F-16 fighter jets to bomb Cambodian military targets": the sortie flown (but
    "sent troops to recapture the town" is an aim); "pull out of Myrnohrad before it is fully
    encircled": the encirclement is still to come (not "before the town was encircled")."""
    pub = date(2025, 7, 25)
    for text, etype, modality in (
            ("Thailand sent F-16 fighter jets to bomb Cambodian military targets on Thursday.",
             "AirStrike", "asserted"),
            ("The army sent troops to recapture the town.", "TerritoryRetaken", "planned"),
            ("Analysts urged Kyiv to pull its troops out of Myrnohrad before it is fully "
             "encircled.", "Encirclement", "planned"),
            ("Residents fled before the town was encircled.", "Encirclement", "asserted")):
        assert [e.modality for e in events_of(analyse(text, published=pub), etype)] == \
            [modality], text


def test_a_dateline_with_its_place_in_title_case_dates_nothing():
    """"Bangkok, Oct 8 -- A military paraglider dropped bombs on a crowd gathered for a
    protest in central Myanmar on Monday night": the dateline's day is when the report was
    filed; the bombing was on Monday night."""
    doc = analyse("Bangkok, Oct 8 -- A military paraglider dropped bombs on a crowd gathered for "
                  "a Buddhist festival and a candlelight protest in central Myanmar on Monday "
                  "night, killing at least 24 people, according to residents.",
                  published=date(2025, 10, 8))
    assert [e.time.value for e in events_of(doc, "Bombing")] == ["2025-10-06TNI"]


def test_first_contact_of_the_twenty_third_stop_second_round():
    """The second round of stop 23 (Kupiansk, Kyiv, a prisoner swap, Kharkiv's glide bombs,
    Gaza's aid sites, the Red Sea, South Sudan, Kashmir, Iberian wildfires, Dhaka, France,
    Japan, Myanmar, Plateau, Haiti, Moldova): words that named no event of their type, and
    what is ruled out or left open."""
    pub = date(2025, 9, 19)
    for text, etype in (
            ("Falling debris set fire to a shopping centre.", "TerritoryTaken"),
            ("The coalition falls short of a majority in the lower house.", "TerritoryTaken"),
            ("Some of the soldiers had been captured during the defence of Mariupol.",
             "TerritoryTaken"),
            ("India expelled Pakistani military advisers on Wednesday.", "TerritoryRetaken"),
            ("Elections were first pushed back to December 2024.", "Advance"),
            ("The fighting could push the country back into civil war.", "Advance"),
            ("Spain will deploy another 500 soldiers to fight the wildfires.", "ArmedClash"),
            ("Protesters marched on Thursday, demanding the withdrawal of the budget plan.",
             "Withdrawal"),
            ("Violence must not be met with more violence, he said.", "Meeting")):
        assert events_of(analyse(text, published=pub), etype) == [], text
    for text, etype in (("Russian troops captured the village on Monday.", "TerritoryTaken"),
                        ("The city fell to rebels on Sunday.", "TerritoryTaken")):
        assert len(events_of(analyse(text, published=pub), etype)) == 1, text
    for text, modality in (
            ("The president has ruled out resigning before his term ends in 2027.", "negated"),
            ("The government did not rule out declaring a state of emergency.", "hedged"),
            ("Police have not ruled out a terrorist attack.", "hedged")):
        assert [e.modality for e in analyse(text, published=pub).events] == [modality], text


def test_strikes_on_ports_retaliation_air_campaigns_and_deployments():
    """What "X said it had ..." told and the rules did not read: "struck Houthi-held ports",
    "had retaliated with missiles and drones", "launched an intense air campaign", "deployed
    special forces to Juba", "had hit the Sheskharis terminal" (not workers striking a port, a
    bus hitting a terminal, an army capable of deploying troops)."""
    pub = date(2025, 7, 10)
    for text, etype, word in (
            ("Israel said it struck Houthi-held ports at Hodeidah on Monday.", "Attack",
             "struck"),
            ("Pakistan said it had retaliated with missiles and drones on Saturday.",
             "ShellingMissileAttack", "retaliated"),
            ("The United States launched an intense air campaign against Houthi targets on "
             "March 15.", "AirStrike", "air campaign"),
            ("Uganda deployed special forces to Juba on March 11.", "Other", "deployed"),
            ("The General Staff said it had hit the Sheskharis terminal.",
             "ShellingMissileAttack", "hit")):
        doc = analyse(text, published=pub)
        assert [(e.type, trigger(doc, e)) for e in doc.events if e.type != "Statement"] == \
            [(etype, word)], text
    for text in ("The workers struck the port on Monday in a dispute over pay.",
                 "A bus hit the terminal building on Monday.",
                 "Commanders said they were capable of deploying 300,000 troops."):
        assert [e.type for e in analyse(text, published=pub).events
                if e.type != "Statement"] == [], text
    doc = analyse("Israel Strikes Houthi Ports\n\nIsraeli jets struck the port of Hodeidah on "
                  "Sunday.", published=pub)
    assert [e.type for e in doc.events] == ["AirStrike"]


def test_first_contact_names_of_the_twenty_third_stop_second_round():
    """"Outside Kharkiv, ..." opens with a preposition, no name; "An FPV drone" names a
    weapon's kind; "(Staff)" credits nobody; "Nur Khan air base" is a place."""
    text = ("Strikes Hit Region\n\nKHARKIV (Staff) - An FPV drone struck her house in the "
            "village on Monday, officials said.\n\nOutside Kharkiv, Russian artillery hit 14 "
            "towns over the past day.\n\nPakistan said Indian missiles had hit Nur Khan air "
            "base.")
    doc = analyse(text, published=date(2025, 11, 5))
    kinds = {e.label: e.kind for e in doc.entities}
    assert "Outside Kharkiv" not in kinds and kinds.get("Kharkiv") == "place"
    assert "FPV" not in kinds and "Staff" not in kinds
    assert kinds.get("Nur Khan air base") == "place" and "Nur Khan" not in kinds


def test_what_comes_under_fire_is_attacked_and_the_small_hours_after_a_night():
    """"a UN helicopter came under fire in Nasir": an attack (not the minister who "came under
    fire from critics"); "... overnight. A missile struck at around 4:00 am": the morning after
    the night."""
    pub = date(2025, 8, 28)
    doc = analyse("Three days later, a UN helicopter came under fire in Nasir.", published=pub,
                  gazetteer=FakeGazetteer("Nasir"))
    assert [(e.type, places(doc, e)) for e in doc.events] == [("Attack", ["Nasir"])]
    for text in ("The minister came under fire from critics for the plan.",
                 "The government is under fire over its handling of the crisis."):
        assert analyse(text, published=pub).events == [], text
    doc = analyse("Kharkiv came under heavy fire overnight.", published=pub,
                  gazetteer=FakeGazetteer("Kharkiv"))
    assert [(trigger(doc, e), places(doc, e)) for e in doc.events] == \
        [("under heavy fire", ["Kharkiv"])]
    doc = analyse("Russia launched a massive attack on Kyiv overnight. A missile struck a "
                  "five-storey building at around 4:00 am, officials said.", published=pub)
    assert [e.time.value for e in doc.events if trigger(doc, e) == "struck"] == \
        ["2025-08-28T04:00"]


def test_first_contact_of_the_twenty_third_stop_third_round():
    """A condition's negation is no denial ("if Rwanda does not pull out its troops"); a
    perfect clause after "but" takes no other clause's year ("declared measles eliminated in
    2000, but outbreaks have become more common"); an assault group and a claim dismissed
    name no attack and no dismissal."""
    pub = date(2025, 10, 31)
    doc = analyse("If the army does not attack, the town will hold.", published=pub)
    assert [e.modality for e in doc.events] == ["hedged"]
    doc = analyse("The army did not attack the town on Monday.", published=pub)
    assert [e.modality for e in doc.events] == ["negated"]
    doc = analyse("The US declared measles eliminated in 2000, but outbreaks have become more "
                  "common.", published=pub)
    assert [e.time.value for e in events_of(doc, "Disease")] == [None]
    for text in ("The Pentagon said an amphibious assault group had arrived in the Caribbean.",
                 "Maduro said the strikes were illegal, a claim US officials dismissed."):
        assert [e.type for e in analyse(text, published=pub).events
                if e.type in ("Attack", "Resignation")] == [], text
    doc = analyse("The president dismissed the defence minister on Monday.", published=pub)
    assert [e.type for e in doc.events] == ["Resignation"]


def test_a_claim_dismissed_and_an_event_inside_a_dated_campaign():
    """"dismissed Moscow's assertion that its troops had taken full control of Kupiansk": what
    the assertion says is denied (as "rejected the claim that"); "recaptured in its September
    2022 counteroffensive": the recapture is of that month (not "arrested him before the 2016
    election")."""
    pub = date(2025, 11, 21)
    doc = analyse("Ukraine dismissed Moscow's assertion that its troops had taken full control "
                  "of Kupiansk.", published=pub)
    assert [e.modality for e in events_of(doc, "TerritoryTaken")] == ["negated"]
    doc = analyse("Kupiansk is a railway hub that Ukraine recaptured in its September 2022 "
                  "counteroffensive.", published=pub)
    assert [e.time.value for e in events_of(doc, "TerritoryRetaken")] == ["2022-09"]
    doc = analyse("Police arrested him before the 2016 election.", published=pub)
    assert [e.time.value for e in events_of(doc, "Arrest")] == [None]


def test_a_kind_of_weapon_and_fragments_of_a_bomb_are_no_strikes():
    """"Glide bombs, which are dropped from aircraft, are difficult to intercept": a kind of
    weapon; "found fragments of a KAB-250 bomb": the bomb's remains (but "Drones struck the
    city overnight" and "Missiles are expected to hit the city" are events)."""
    pub = date(2025, 11, 5)
    for text in ("Glide bombs, which are dropped from aircraft and guided to their targets, "
                 "are difficult for air defences to intercept.",
                 "Drones are cheap and hard to stop.",
                 "Investigators found fragments of a KAB-250 bomb at the site."):
        assert analyse(text, published=pub).events == [], text
    for text in ("Drones struck the city overnight.",
                 "Missiles are expected to hit the city overnight."):
        assert len(analyse(text, published=pub).events) == 1, text


def test_a_predicate_noun_describes_the_event_told_before():
    """"Officials said it was a deliberate attack", "It was a brutal occupation": what the
    subject names, described, not a second event."""
    pub = date(2025, 4, 2)
    for text, etype in (("Gunmen attacked a police station on Monday. Officials said it was a "
                         "deliberate attack.", "Attack"),
                        ("Russian forces occupied Bucha in March. It was a brutal occupation.",
                         "Occupation")):
        assert len(events_of(analyse(text, published=pub), etype)) == 1, text


def test_police_raids_and_bomb_threats_are_no_attacks():
    """"Police carried out about 250 raids" (an operation of the police, read with arrests),
    "Bomb threats were reported at polling stations": no attack or bombing (but "Israeli forces
    carried out a raid in Jenin" is one)."""
    pub = date(2025, 9, 29)
    assert [e.type for e in analyse("Police carried out about 250 raids on Monday.",
                                    published=pub).events] == ["Arrest"]
    assert analyse("Bomb threats were reported at polling stations in Italy.",
                   published=pub).events == []
    doc = analyse("Israeli forces carried out a raid in Jenin on Monday.", published=pub)
    assert [e.type for e in doc.events] == ["Attack"]


def test_review_of_the_twenty_third_stop():
    """The review of this stop's rules (260 texts: 88 better, 57 worse), each worse case now
    right: other senses of the words the new triggers read."""
    pub = date(2024, 11, 8)
    for text in (
            "The city launched a clean air campaign on Monday, urging drivers to leave their "
            "cars at home.",
            "The company said it had deployed the faulty update to units in 80 countries.",
            "A private jet carrying the band hit severe turbulence over the Atlantic on Saturday.",
            "Boeing shares hit a record low on Friday after the aircraft maker cut its forecast.",
            "Budget cuts have hit the air force hardest, the defence committee said on Monday.",
            "Longshoremen struck ports from Maine to Texas on Tuesday, halting containers.",
            "Storm Ciaran hit the port of Dover on Thursday, forcing the harbour to close.",
            "A cyberattack hit the port of Nagoya on Tuesday, halting container operations.",
            "Long delays hit Terminal 5 at Heathrow on Wednesday after a computer failure.",
            "A lightning strike hit the power station on Tuesday, cutting electricity.",
            "The union retaliated with strikes at three plants after the company cut wages.",
            "The coach came under fire from supporters on Saturday after his side lost 4-0.",
            "The BBC is under fire after a documentary about Gaza was criticised.",
            "The health minister remained under fire on Wednesday amid reports that hospital "
            "waiting lists had doubled.",
            "Noah Lyles stole gold from Kishane Thompson by five thousandths of a second.",
            "Shoppers called the prices at the new store daylight robbery.",
            "Critics say the museum's refusal to return the marbles amounts to theft.",
            "Netflix announced on Wednesday that a new heist film will start shooting in June.",
            "Spain will meet France in the Euro 2024 semi-final in Munich on Tuesday.",
            "Real Madrid met Napoli in the Champions League on Wednesday and won 4-2.",
            "More than 3,000 graduates passed the law exam this year."):
        doc = analyse(text, published=pub)
        assert [trigger(doc, e) for e in doc.events if trigger(doc, e) in (
            "air campaign", "deployed", "hit", "struck", "retaliated", "under fire", "stole",
            "robbery", "theft", "heist", "meet", "met", "passed")] == [], text
    for text, etype in (
            ("Despite much criticism, Modi visited Moscow on Monday for talks with Putin.",
             "Visit"),
            ("Torrential rain flooded homes and streets with sewage in the town.", "Flood"),
            ("Russian forces captured the village during fighting that lasted three days, the "
             "ministry said.", "TerritoryTaken"),
            ("The US completed the withdrawal of the planes and troops from the air base on "
             "Sunday.", "Withdrawal"),
            ("Nigerians voted for state governors and assembly members on Saturday.",
             "Election"),
            ("Troops in the village were under fire for six hours before reinforcements "
             "arrived, the army said.", "Attack")):
        assert len(events_of(analyse(text, published=pub), etype)) == 1, text
    doc = analyse("Police acted on information leading to the arrest of two men on Tuesday.",
                  published=pub)
    assert [e.modality for e in doc.events] == ["asserted"]
    doc = analyse("Will Israel Strike Iran's Oil Facilities\n\nAnalysts say the risks are high.",
                  published=pub)
    assert [e.modality for e in doc.events] == ["planned"]
    doc = analyse("Polls in the state closed on Sunday night. Voting had started at 6 am, "
                  "officials said.", published=date(2024, 11, 4))
    assert [t.value for t in doc.timexes if t.text == "6 am"] == ["2024-11-03T06:00"]
    doc = analyse("Friday, Oct 11 -- Israeli strikes killed at least 20 people in Gaza, health "
                  "officials said.", published=date(2024, 10, 12))
    assert [e.time.value for e in doc.events if e.fatalities] == ["2024-10-11"]
    doc = analyse("The Christmas Day attack, which police said had been planned in 2019, killed "
                  "three people.", published=date(2024, 12, 25))
    assert [e.time.value for e in events_of(doc, "Attack")] == ["2024-12-25"]
    text = ("Outgoing president Andrzej Duda vetoed the budget on Saturday. The president said "
            "it broke the law.")
    doc = analyse(text, published=pub)
    assert {entity_label(doc, m.entity) for m in doc.mentions
            if text[m.start:m.end] in ("president", "Andrzej Duda")} == {"Andrzej Duda"}


def test_a_vote_s_parties_are_not_the_countries_named_beside_it():
    """"Moldovans voted at polling stations abroad, most of them in the European Union" after
    the election: the EU named beside a later "the vote" takes no part; a country hosts the
    vote (its place), it is no party to it."""
    doc = analyse("Sheinbaum elected Mexico's first woman president\n\nClaudia Sheinbaum won "
                  "Mexico's presidential election on Sunday.", published=date(2024, 6, 4))
    election = events_of(doc, "Election")[0]
    assert "Mexico" not in [entity_label(doc, p.entity) for p in election.participants]
    assert "Mexico" in places(doc, election)


def test_a_time_to_come_after_an_infinitive_is_not_the_agreement_s():
    """"have agreed to maintain a fragile ceasefire and to meet again next week": the meeting
    is next week, not the agreement (but "agreed to surrender on Saturday" may date it)."""
    pub = date(2025, 10, 31)
    doc = analyse("Pakistan and Afghanistan have agreed to maintain a fragile ceasefire and to "
                  "meet again next week.", published=pub)
    agreement = one(doc, "Agreement")
    assert (agreement.modality, agreement.time.value) == ("asserted", None)
    doc = analyse("The besieged garrison agreed to surrender on Saturday.", published=pub)
    assert one(doc, "Agreement").time.value == "2025-10-25"


def test_a_date_to_come_for_a_second_verb_is_not_the_first_verb_s():
    """"dissolved the House of Representatives and set fresh elections for March 5, 2026":
    the dissolution is done, the date is the elections' (but "thousands attacked shops and
    burned cars on Friday" did both on Friday)."""
    pub = date(2025, 9, 14)
    doc = analyse("The president dissolved the House of Representatives and set fresh "
                  "elections for March 5, 2026.", published=pub)
    dissolved = [e for e in doc.events if trigger(doc, e) == "dissolved"][0]
    assert (dissolved.modality, dissolved.time.value) == ("asserted", None)
    assert one(doc, "Election").time.value == "2026-03-05"
    doc = analyse("Police estimated thousands attacked shops and burned cars in the city on "
                  "Friday.", published=pub)
    assert one(doc, "Attack").time.value == "2025-09-12"


def test_a_stretch_of_time_dates_an_event_by_the_interval_it_covers():
    """"over the past day": the event lies between the day before publication and that day
    (an EDTF interval beside the TimeML duration)."""
    doc = analyse("Russian shelling killed two civilians in the Kharkiv region over the past "
                  "day, the governor said.", published=date(2025, 3, 19))
    assert [(e.time.value, e.time.edtf) for e in doc.events] == \
        [("P1D", "2025-03-18/2025-03-19")]


def test_first_contact_of_the_twenty_third_stop_fourth_round():
    """The fourth round (Azovstal, Kharkiv's villages, Bilohorivka, Kremenchuk, Doha, the
    Afghan border, Nepal, Cebu, Port Sudan, Bamako's blockade, Kenya, Cabo Delgado, Odesa,
    Istanbul, Belgorod, the White House): proposals, pressure and offers are not yet events;
    a summit that ended without a deal on a ceasefire denies it; an idea rejected is denied;
    rocket systems, mortar fire and reopened talks name no strike, accident or restoration."""
    pub = date(2025, 6, 3)
    for text, etype, modality in (
            ("That summit ended without a deal on a ceasefire.", "Ceasefire", "negated"),
            ("Merz pressed for a ceasefire on Monday.", "Ceasefire", "planned"),
            ("He rejected the idea of a summit with Putin.", "Meeting", "negated"),
            ("It offered only a two- to three-day truce.", "Ceasefire", "planned"),
            ("Prime Minister Gabriel Attal offered his resignation on Monday.", "Resignation",
             "asserted"),
            ("Troops withdrew without a fight on Monday.", "Withdrawal", "asserted")):
        assert [e.modality for e in events_of(analyse(text, published=pub), etype)] == \
            [modality], text
    for text, etype in (
            ("Putin proposed reopening direct talks in Istanbul.", "RestorationOfServices"),
            ("The border post was hit by a multiple launch rocket system overnight.",
             "ShellingMissileAttack"),
            ("A man was hit by mortar fire in the village on Tuesday.", "Accident")):
        doc = analyse(text, published=pub)
        assert [trigger(doc, e) for e in events_of(doc, etype)
                if trigger(doc, e) in ("reopening", "launch", "fire")] == [], text


def test_counts_of_two_strikes_a_conflict_s_toll_and_what_nobody_said():
    """"Missiles slammed into a building in Kyiv, killing one person, and a strike on
    Mykolaiv killed at least five": one and five; "began in 2017 with an attack ... and has
    since killed more than 6,000 people": the conflict's toll, not the attack's; "has not
    said that it intends to attack Bamako": no plan told (but "did not say how many were
    killed in the attack" leaves the attack)."""
    pub = date(2025, 10, 3)
    doc = analyse("Missiles slammed into a residential building in Kyiv, killing one person, "
                  "and a strike on Mykolaiv killed at least five.", published=pub)
    assert [e.fatalities for e in doc.events] == [1, 5]
    doc = analyse("The conflict began in October 2017 with an attack on police stations and "
                  "has since killed more than 6,000 people.", published=pub)
    assert [e.fatalities for e in events_of(doc, "Attack")] == [None]
    doc = analyse("JNIM has not said that it intends to attack Bamako itself.", published=pub)
    assert [e.modality for e in doc.events] == ["hedged"]
    doc = analyse("The army did not say how many soldiers had been killed in the attack.",
                  published=pub)
    assert [e.modality for e in doc.events] != ["hedged"]


def test_a_third_world_war_and_a_gerund_opening_a_sentence_are_no_names():
    """"warned of World War Three": a war, no person; "Conducting river crossings under fire
    is dangerous": a gerund, no river's name."""
    for text in ("Trump warned of World War Three on Monday.",
                 "Conducting river crossings under fire is dangerous."):
        assert [e.label for e in analyse(text).entities
                if e.label in ("World War Three", "Conducting river")] == [], text


def test_second_review_of_the_twenty_third_stop():
    """The second review of this stop's rules (260 texts: 77 better, 54 worse), each worse
    case now right."""
    pub = date(2024, 9, 25)
    for text, etype, modality in (
            ("The defence minister offered his resignation on Friday after the strike on the "
             "air base killed 20 soldiers.", "Attack", "asserted"),
            ("Hotels offered free rooms to families who fled the flood on Sunday.", "Flood",
             "asserted"),
            ("Arab foreign ministers pressed for an immediate ceasefire in Gaza at a meeting in "
             "Cairo on Monday.", "Meeting", "asserted"),
            ("Reporters pressed for details about the arrest of the opposition leader on "
             "Tuesday.", "Arrest", "asserted"),
            ("The FBI is seeking information leading to the arrest of the suspect.", "Arrest",
             "planned"),
            ("If talks fail the army will not withdraw from the city.", "Withdrawal",
             "negated"),
            ("Officials dismissed reports that victims of the earthquake had been turned away "
             "from hospitals.", "Earthquake", "claimed")):
        assert [e.modality for e in events_of(analyse(text, published=pub), etype)] == \
            [modality], text
    for text, etype in (
            ("Government troops came under fire near the border town on Monday.", "Attack"),
            ("The convoy of the interior minister came under fire on Monday near Tripoli, "
             "killing a bodyguard.", "Attack"),
            ("Two journalists came under fire while covering the war in southern Lebanon.",
             "Attack"),
            ("Parliament voted on Thursday to postpone the presidential election until next "
             "year.", "Other"),
            ("The Senate passed a bill on Wednesday that caps rents for students.", "Other"),
            ("Parliament passed a law on Thursday requiring drug tests for drivers.", "Other"),
            ("Thieves broke into the home of the former sprinter and stole his Olympic medals "
             "on Sunday.", "Other"),
            ("Thieves stole a painting titled The Harvest from a museum on Saturday.", "Other"),
            ("The Russian assault forced thousands of residents to flee on Monday.", "Attack"),
            ("Hundreds of soldiers fought fires across the Evros region on Wednesday.", None),
            ("Hezbollah struck the port of Haifa on Sunday, the group said in a statement.",
             "Attack"),
            ("An Israeli aircraft hit a building in Beirut's southern suburbs on Thursday "
             "night.", "AirStrike"),
            ("Israel retaliated with strikes on military sites in Iran early on Saturday.",
             "ShellingMissileAttack"),
            ("The army deployed additional units to the Kursk border on Tuesday.", "Other"),
            ("Gunmen stole 50 kilograms of gold from a mining convoy on Monday.", "Other"),
            ("Gunmen carried out a highway robbery on the Abuja-Kaduna road on Sunday.",
             "Other"),
            ("After corruption allegations Putin dismissed his deputy defence minister on "
             "Monday.", "Resignation"),
            ("Israeli forces carried out a raid in Jenin on Monday, killing two Palestinian "
             "police officers.", "Attack"),
            ("Bandits killed 20 villagers in a raid on Saturday in Zamfara state, police said.",
             "Attack"),
            ("Bombs are falling on Gaza as talks stall.", "Bombing")):
        doc = analyse(text, published=pub)
        if etype is None:
            assert events_of(doc, "ArmedClash") == [], text
        else:
            assert len(events_of(doc, etype)) >= 1, text
    doc = analyse("Gunmen attacked a police station on Monday. On Tuesday there was an explosion "
                  "at a market in the capital.", published=pub)
    assert {e.type for e in doc.events} == {"Attack", "Explosion"}
    doc = analyse("The government announced elections to be held on March 5.",
                  published=date(2024, 1, 10))
    assert [e.time.value for e in events_of(doc, "Election")] == ["2024-03-05"]
    doc = analyse("Forecasters said the storm could hit the coast on Sunday.", published=pub)
    assert [e.time.value for e in events_of(doc, "Storm")] == ["2024-09-29"]


def test_first_contact_of_the_twenty_third_stop_in_the_seeds_genre():
    """Spring 2022 in Ukraine (Azovstal, Bilohorivka): evacuees who arrive join the
    evacuation; "the city had been taken" and "was taken by Russian troops" are captures (not
    "The city took a hard line", "was taken by surprise"); "called off a planned assault"
    denies it (not "called off the wedding after the bombing", "urged Moscow to call off its
    offensive")."""
    pub = date(2022, 5, 14)
    for text, etype, modality in (
            ("Shoigu told Putin on Friday that the city had been taken.", "TerritoryTaken",
             "claimed"),
            ("The village was taken by Russian troops in March.", "TerritoryTaken",
             "asserted"),
            ("Russian commanders called off a planned assault on the plant.", "Attack",
             "negated"),
            ("The couple called off their wedding after the bombing of the hotel.", "Bombing",
             "asserted"),
            ("Zelensky urged Moscow to call off its offensive in the Donbas.", "Attack",
             "planned")):
        assert [e.modality for e in events_of(analyse(text, published=pub), etype)] == \
            [modality], text
    doc = analyse("About 100 civilians evacuated from the plant arrived in Zaporizhzhia on "
                  "May 3.", published=pub)
    assert [e.type for e in doc.events] == ["Evacuation"]
    for text in ("The city took in thousands of refugees.",
                 "The city took a hard line on short-term rentals last year.",
                 "The town was taken by surprise when the alarm sounded.",
                 "Buses carrying the England squad arrived at the stadium."):
        assert [e.type for e in analyse(text, published=pub).events
                if e.type in ("TerritoryTaken", "Evacuation")] == [], text


def test_a_given_event_takes_no_time_the_clause_foresees():
    """"the defeat showed Russian forces were unlikely to achieve a breakthrough in the near
    term": the defeat is not in the near term (but "The talks will resume in the near
    future")."""
    pub = date(2022, 5, 14)
    doc = analyse("The institute said on Thursday that the defeat showed Russian forces were "
                  "unlikely to achieve a breakthrough in the near term.", published=pub)
    assert [e.time.value for e in events_of(doc, "MilitaryVictory")] != ["FUTURE_REF"]
    doc = analyse("The talks will resume in the near future.", published=pub)
    assert [e.time.value for e in doc.events] == ["FUTURE_REF"]


def test_a_pronoun_that_reports_between_commas_is_no_subject():
    """"Russian forces, he said, were pulling back from the city": the forces pull back; the
    governor ("he") only says so."""
    doc = analyse("Governor Oleh Syniehubov said the situation was stable. Russian forces, he "
                  "said, were pulling back from the city.", published=date(2022, 5, 14))
    assert role(doc, one(doc, "Withdrawal"), "agent") != ["Oleh Syniehubov"]


def test_a_denied_intention_denies_the_deed():
    """"did not offer to resign", "We did not come here to destroy anything", "does not intend
    to attack": the intention is denied, and with it the deed (not planned); "did not hesitate
    to" is no denial, and "offered to resign" stays an offer."""
    pub = date(2022, 11, 2)
    for text, etype in (("The interior minister did not offer to resign on Monday.",
                         "Resignation"),
                        ("We did not come here to destroy anything, one protester said.",
                         "Damage"),
                        ("Russia does not intend to attack NATO, Putin said.", "Attack")):
        assert [e.modality for e in events_of(analyse(text, published=pub), etype)] == \
            ["negated"], text
    doc = analyse("The minister offered to resign on Monday.", published=pub)
    assert [e.modality for e in events_of(doc, "Resignation")] == ["planned"]
    doc = analyse("Officials did not hesitate to order an evacuation and to evacuate the town.",
                  published=pub)
    assert "negated" not in [e.modality for e in events_of(doc, "Evacuation")]


def test_first_contact_of_the_twenty_fourth_stop():
    """Words that named no event in the 132nd-137th batches: a body that arrives, a child
    "calling for help", parents "pushed back by officers", troops "killed or captured", "an
    attempt to shift blame", "chasing a symbolic victory", "offensive remarks"; "Neither side
    has published figures" denies; "the idea of an accident" is no accident told; "residents
    whose homes were damaged" were damaged (not a plan of the sentence's "will"). The ordinary
    senses stay events."""
    pub = date(2023, 1, 26)
    for text in ("Abe's body arrived at his home in Tokyo on Saturday.",
                 "Children could be heard calling for help inside the classroom.",
                 "Parents who tried to enter the school were handcuffed or pushed back by "
                 "officers.",
                 "The statement was an attempt to shift blame, officials said.",
                 "Prigozhin appeared to be chasing a symbolic victory.",
                 "He apologised for offensive remarks about the victims."):
        assert [e.type for e in analyse(text, published=pub).events
                if e.type != "Statement"] == [], text
    doc = analyse("Several hundred Russian troops had been killed or captured, he said.",
                  published=pub)
    assert events_of(doc, "TerritoryTaken") == []
    doc = analyse("Neither side has published casualty figures.", published=pub)
    assert [e.modality for e in events_of(doc, "Announcement")] == ["negated"]
    doc = analyse("Peskov dismissed the idea of an accident.", published=pub)
    assert [e.modality for e in events_of(doc, "Accident")] == ["hedged"]
    doc = analyse("Aid will go to residents whose homes were damaged in the strike.",
                  published=pub)
    assert [e.modality for e in events_of(doc, "Damage")] == ["asserted"]
    for text, etype in (("The president arrived in Kyiv on Monday.", "Visit"),
                        ("The army captured the town on Friday.", "TerritoryTaken"),
                        ("The opposition blamed the government for the crisis.", "Accusation"),
                        ("Ukraine won a decisive victory over Russian forces.",
                         "MilitaryVictory"),
                        ("Rebels called for a ceasefire on Monday.", "Statement")):
        assert [e.type for e in analyse(text, published=pub).events][:1] == [etype], text


def test_a_relative_clause_that_tells_what_the_event_did_dates_it():
    """"protests on Wednesday over the train collision near Tempi that killed 57 people last
    week": the collision is of last week (what it did, and when); "hit a footbridge that was
    opened in 2019" still leaves 2019 to the footbridge."""
    pub = date(2023, 3, 9)
    doc = analyse("Tens of thousands of people marched through Athens on Wednesday in the "
                  "largest protests yet over the train collision near Tempi that killed 57 "
                  "people last week.", published=pub)
    assert [e.time.value for e in events_of(doc, "Accident")] == ["2023-W09"]
    doc = analyse("A missile hit a footbridge that was opened in 2019.", published=pub)
    assert [e.time.value for e in doc.events] == [None]


def test_an_event_a_sanction_is_over_keeps_no_day_of_the_sanction():
    """"named six people as suspects on Thursday over the stampede", "resigned on Thursday over
    the train crash": the stampede and the crash were before, not on Thursday."""
    pub = date(2022, 10, 7)
    doc = analyse("Indonesian police on Thursday named six people as suspects over the "
                  "stampede at Kanjuruhan stadium.", published=pub)
    assert [e.time.value for e in events_of(doc, "Accident")] == [None]
    doc = analyse("The minister resigned on Thursday over the train crash.", published=pub)
    assert [e.time.value for e in events_of(doc, "Accident")] == [None]
    assert [e.time.value for e in events_of(doc, "Resignation")] == ["2022-10-06"]


def test_supporters_of_a_person_are_not_that_person():
    """"Supporters of former president Jair Bolsonaro invaded Congress": the supporters, not
    Bolsonaro, are the agent (as "Bolsonaro's supporters"); "The army of Sudan attacked" is
    still no other's."""
    pub = date(2023, 1, 9)
    doc = analyse("Supporters of former president Jair Bolsonaro invaded Congress on Sunday.",
                  published=pub)
    assert role(doc, one(doc, "Attack"), "agent") == []
    doc = analyse("Jair Bolsonaro invaded Congress on Sunday.", published=pub)
    assert role(doc, one(doc, "Attack"), "agent") == ["Jair Bolsonaro"]


def test_a_bodys_seat_is_no_place_of_what_it_reports():
    """"Iran Human Rights, a group based in Oslo, said at least 92 people had been killed": Oslo
    is the group's seat, not where the deaths were; "Protesters in Oslo marched" stays there."""
    pub = date(2022, 10, 4)
    doc = analyse("Iran Human Rights, a group based in Oslo, said at least 92 people had been "
                  "killed.", published=pub)
    assert places(doc, one(doc, "CasualtiesReport")) == []
    doc = analyse("Protesters in Oslo marched on Monday.", published=pub)
    assert places(doc, one(doc, "Protest")) == ["Oslo"]


def test_common_and_weapon_acronyms_are_no_names():
    """"performed CPR", "identified through DNA tests", "HIMARS rockets": no organisation and
    no place; "the IDF said" is still a body."""
    pub = date(2022, 11, 2)
    for text in ("Bystanders performed CPR on victims in the street.",
                 "The victims were identified through DNA tests.",
                 "Ukraine used HIMARS rockets to strike the bridge."):
        labels = [e.label for e in analyse(text, published=pub).entities]
        assert not {"CPR", "DNA", "HIMARS"} & set(labels), (text, labels)
    doc = analyse("An IDF drone struck the car, the IDF said.", published=pub)
    assert "IDF" in [e.label for e in doc.entities]


def test_a_guarded_spelling_names_a_group_only_before_its_nouns():
    """"Wagner fighters captured Soledar", "Wagner chief Yevgeny Prigozhin", "PMC Wagner": the
    Wagner Group; "Ann Wagner said" is a person, not the group."""
    pub = date(2023, 1, 26)
    doc = analyse("Wagner fighters captured Soledar on Tuesday.", published=pub)
    assert role(doc, one(doc, "TerritoryTaken"), "agent") == ["Wagner"]
    doc = analyse("Wagner chief Yevgeny Prigozhin spoke on Tuesday. PMC Wagner said it had "
                  "taken the town.", published=pub)
    assert sorted(e.kind for e in doc.entities if "Wagner" in e.label) == ["organization"]
    doc = analyse("Ann Wagner said the bill would pass.", published=pub)
    assert [e.kind for e in doc.entities] == ["person"]


def test_surrender_ordered_a_stabbing_survived_and_a_passive_of_another_verb():
    """"ordered the border guards to surrender": asked, not done; "survived a stabbing": an
    attack, no killing; "An investigation into the attack has been opened by Ukraine's
    prosecutor": the prosecutor opened the investigation, Ukraine made no attack (but "That
    attack was claimed by Islamic State"); "appeared on television surrounded by soldiers in
    fatigues" encircles nothing (but "The city was surrounded by Russian troops")."""
    pub = date(2023, 1, 9)
    doc = analyse("Russia ordered the Ukrainian border guards on the island to surrender.",
                  published=pub)
    assert [e.modality for e in events_of(doc, "MilitaryVictory")] == ["planned"]
    doc = analyse("Lula survived a stabbing during the 2018 campaign.", published=pub)
    assert [e.type for e in doc.events] == ["Attack"]
    doc = analyse("Two men were killed in a stabbing on Monday.", published=pub)
    assert [(e.type, e.fatalities) for e in doc.events] == [("Attack", 2)]
    doc = analyse("An investigation into the attack has been opened by Ukraine's prosecutor "
                  "general.", published=pub)
    assert role(doc, one(doc, "Attack"), "agent") == []
    doc = analyse("That attack was claimed by Islamic State.", published=pub)
    assert role(doc, one(doc, "Attack"), "agent") == ["Islamic State"]
    doc = analyse("The general appeared on state television surrounded by soldiers in "
                  "fatigues.", published=pub)
    assert events_of(doc, "Encirclement") == []
    doc = analyse("The city was surrounded by Russian troops on Monday.", published=pub)
    assert len(events_of(doc, "Encirclement")) == 1


def test_a_missile_that_tore_through_a_block_struck_it():
    """"three days after a Russian missile tore through the nine-storey block, killing at least
    45 people": the strike, three days before Tuesday, with its toll ("A tornado tore through
    the town" is the storm)."""
    doc = analyse("Rescuers ended their search of the bombed building on Tuesday, three days "
                  "after a Russian missile tore through the nine-storey block, killing at least "
                  "45 people.", published=date(2023, 1, 18))
    strike = one(doc, "ShellingMissileAttack")
    assert (strike.time.value, strike.fatalities) == ("2023-01-14", 45)
    doc = analyse("A tornado tore through the town on Monday.", published=date(2023, 1, 18))
    assert [e.type for e in doc.events] == ["Storm"]


def test_capabilities_figures_of_speech_and_threats_are_no_deeds():
    """"designed to sink aircraft carriers", "capable of shooting it down": what a weapon can
    do; "a bird strike", "struck the ground": no strike; "pushed the country into its worst
    crisis": no advance; "threatened to kill a hostage": planned, and no one counted dead.
    The deeds themselves stay events."""
    pub = date(2023, 10, 9)
    for text in ("The Kh-22 missile was designed to sink aircraft carriers.",
                 "Ukraine has no weapons capable of shooting it down.",
                 "The pilot reported a bird strike shortly before the drone attack warning.",
                 "The shortages pushed the country into its worst economic crisis."):
        assert [e.type for e in analyse(text, published=pub).events
                if e.type != "Statement"] == [], text
    doc = analyse("The plane struck the ground near Aktau after a missile hit it.",
                  published=pub)
    assert [trigger(doc, e) for e in doc.events] == ["hit"]
    doc = analyse("Hamas threatened to kill a hostage for every Israeli strike on Gaza.",
                  published=pub)
    killing = one(doc, "Killing")
    assert (killing.modality, killing.fatalities) == ("planned", None)
    for text, etype in (("A Ukrainian sea drone sank the Russian landing ship on Monday.",
                         "Attack"),
                        ("Air defences shot down 20 drones overnight.",
                         "ShellingMissileAttack"),
                        ("Russian troops pushed into the town on Monday.", "Advance"),
                        ("The shooting killed three people on Monday.", "Attack")):
        assert [e.type for e in analyse(text, published=pub).events][:1] == [etype], text


def test_review_of_the_twenty_fourth_stop():
    """Near misses a helper's review found in the stop's first rules: real appeals for help,
    a military offensive with weapons and comments after it, "needed" before a victory,
    "avoided naming ... but blamed", an envoy "who remains optimistic", "did not take long
    to", "was not the first to", a vote a past telling looks months ahead to, a protest over
    a past explosion, a massacre survived by some, a claim of responsibility in the passive,
    and acronyms named by their head noun."""
    def kinds(text, published=date(2024, 3, 14)):
        doc = analyse(text, published=published)
        return [(e.type, e.modality, e.time.value) for e in doc.events]

    assert ("Statement", "asserted", None) in kinds(
        "Sri Lanka called for international help after floods swept through the south.")
    assert "Attack" in [k[0] for k in kinds(
        "Israel's offensive in Rafah has drawn comments from the UN Security Council.")]
    assert "MilitaryVictory" in [k[0] for k in kinds(
        "Ukrainians who needed good news celebrated victory in Kherson a year ago.")]
    assert "Accusation" in [k[0] for k in kinds(
        "Putin avoided naming Prigozhin but blamed Ukraine for the plane crash.")]
    assert "Visit" in [k[0] for k in kinds(
        "The envoy, who remains optimistic, arrived in Cairo on Tuesday to push for a truce.")]
    assert [k[1] for k in kinds("Russian troops did not take long to capture the village.")
            if k[0] == "TerritoryTaken"] != ["negated"]
    assert [k[1] for k in kinds("The minister was not the first to resign this week.")
            if k[0] == "Resignation"] != ["negated"]
    assert [k[2] for k in kinds("The electoral commission said the presidential vote would "
                                "take place on November 5.") if k[0] == "Election"] == \
        ["2024-11-05"]
    assert [k[2] for k in kinds("Hundreds rallied in Beirut to demand justice for the port "
                                "explosion that killed more than 200 people in August 2020.",
                                date(2024, 8, 4)) if k[0] == "Protest"] == [None]
    assert [k[0] for k in kinds("She survived the Srebrenica massacre, in which more than "
                                "8,000 men and boys were killed.")][:1] == ["Killing"]
    doc = analyse("Responsibility for the attack was claimed by the Islamic State group.")
    assert role(doc, one(doc, "Attack"), "agent") == ["Islamic State"]
    doc = analyse("China's state broadcaster CCTV reported that a typhoon had killed four "
                  "people in Hainan.")
    assert "CCTV" in [e.label for e in doc.entities]


def test_a_plural_common_noun_opening_a_sentence_is_no_part_of_a_name():
    """"Ships of the Maritime Self-Defense Force joined the search", "Relatives of Joe Garcia
    said": the force and the man, not "Ships of ..." or "Relatives of ..." as a body."""
    pub = date(2024, 1, 3)
    doc = analyse("Ships of the Maritime Self-Defense Force joined the search on Sunday.",
                  published=pub)
    assert [e.label for e in doc.entities] == ["Maritime Self-Defense Force"]
    doc = analyse("Relatives of Joe Garcia said he died of a heart attack.", published=pub)
    assert [(e.label, e.kind) for e in doc.entities] == [("Joe Garcia", "person")]


def test_a_verb_after_but_shares_the_subject_before():
    """"Russian forces suffered heavy losses but captured the village": the forces captured it
    ("... but Russian forces captured the village" names its own)."""
    pub = date(2023, 1, 9)
    doc = analyse("Russian forces suffered heavy losses but captured the village on Monday.",
                  published=pub)
    assert role(doc, one(doc, "TerritoryTaken"), "agent") == ["Russian Armed Forces"]
    doc = analyse("Ukrainian troops advanced on Monday but Russian forces captured the village.",
                  published=pub)
    assert role(doc, one(doc, "TerritoryTaken"), "agent") == ["Russian Armed Forces"]


def test_the_event_a_risen_toll_counts_is_given():
    """"The number of people killed when a missile struck the railway station in Kramatorsk
    has risen to 57, the regional governor said": the strike is given, only the risen toll is
    the governor's; "Five people were killed when a cylinder exploded, the ministry said" is
    still the ministry's telling."""
    pub = date(2022, 4, 11)
    doc = analyse("The number of people killed when a missile struck the railway station in "
                  "Kramatorsk has risen to 57, the regional governor said on Monday.",
                  published=pub)
    assert [e.modality for e in events_of(doc, "ShellingMissileAttack")] == ["asserted"]
    doc = analyse("Five people were killed when a gas cylinder exploded at a restaurant, the "
                  "emergencies ministry said.", published=pub)
    assert [e.modality for e in events_of(doc, "Explosion")] == ["claimed"]


def test_first_contact_of_the_twenty_fourth_stop_second_round():
    """Words that named no event in the 138th-141st batches: "take it by storm", "expel 35
    Russian diplomats" (no territory retaken), truckers' road blockades (no encirclement), "a
    coup that derailed the transition", "pushed him into an armoured vehicle", an election
    headline's "Victory"; the ordinary senses stay."""
    pub = date(2022, 10, 3)
    for text, banned in (("Russian units failed to take it by storm in March.", "Storm"),
                         ("France announced it would expel 35 Russian diplomats.",
                          "TerritoryRetaken"),
                         ("Truckers set up road blockades, and the blockade was cleared on "
                          "Friday.", "Encirclement"),
                         ("A coup that derailed the transition in 2021.", "Accident"),
                         ("Police pushed him into an armoured vehicle.", "Advance"),
                         ("Meloni Sweeps to Victory in Italy Election", "MilitaryVictory")):
        assert banned not in [e.type for e in analyse(text, published=pub).events], text
    for text, etype in (("Ukrainian troops expelled Russian forces from the village.",
                         "TerritoryRetaken"),
                        ("Russia imposed a naval blockade on Ukraine's ports.", "Encirclement"),
                        ("A train derailed near Bologna.", "Accident"),
                        ("A storm hit the coast on Monday.", "Storm")):
        assert [e.type for e in analyse(text, published=pub).events][:1] == [etype], text


def test_a_report_dated_after_where_it_was_made():
    """"Zelensky said in his nightly video address on Friday that ...": the saying is of
    Friday (where it was said, then when)."""
    doc = analyse("Zelensky said in his nightly video address on Friday that the situation in "
                  "the Donbas was extremely difficult.", published=date(2022, 5, 30))
    assert [e.time.value for e in events_of(doc, "Statement")] == ["2022-05-27"]


def test_the_bodies_of_a_counted_people_recovered_are_their_dead():
    """"had recovered the bodies of 410 civilians": 410 dead (as the passive "the bodies of 410
    civilians had been recovered"); "found the bodies of the victims" counts none."""
    pub = date(2022, 4, 4)
    doc = analyse("Prosecutors said on Sunday they had recovered the bodies of 410 civilians in "
                  "towns around Kyiv.", published=pub)
    assert [e.fatalities for e in events_of(doc, "CasualtiesReport")] == [410]
    doc = analyse("Police found the bodies of the victims in a forest.", published=pub)
    assert [e.fatalities for e in doc.events if e.fatalities] == []


def test_platforms_streets_and_a_general_headquarters_are_what_they_are():
    """"blocked access to Twitter, Facebook and YouTube", "wrote on Telegram": organisations,
    no places; "the rally on Avenida Paulista": a street; "the army's General Headquarters":
    a body, no person called Headquarters."""
    pub = date(2023, 5, 13)
    doc = analyse("Authorities blocked access to Twitter, Facebook and YouTube on Tuesday.",
                  published=pub)
    assert {(e.label, e.kind) for e in doc.entities} == {
        ("Twitter", "organization"), ("Facebook", "organization"), ("YouTube", "organization")}
    doc = analyse("The rally on Avenida Paulista drew thousands.", published=pub)
    assert [(e.label, e.kind) for e in doc.entities] == [("Avenida Paulista", "place")]
    doc = analyse("The army's General Headquarters in Rawalpindi was attacked.", published=pub)
    assert ("General Headquarters", "organization") in [(e.label, e.kind)
                                                         for e in doc.entities]


def test_a_winner_declared_bail_granted_and_a_ruling_are_events():
    """"was declared president-elect on 15 August", "declared President X the winner": the
    vote's result; "granted Khan bail on Friday", "ruled the arrest illegal": a court's acts
    ("declared a state of emergency" stays a declaration)."""
    pub = date(2022, 12, 13)
    doc = analyse("Ruto was declared president-elect on 15 August.", published=pub)
    assert [(e.type, e.time.value) for e in doc.events] == [("Election", "2022-08-15")]
    doc = analyse("A court in Islamabad granted Khan bail on Friday.", published=pub)
    assert [(e.type, e.time.value) for e in doc.events] == [("Other", "2022-12-09")]
    doc = analyse("The Supreme Court ruled the arrest illegal.", published=pub)
    assert "Other" in [e.type for e in doc.events]
    doc = analyse("The government declared a state of emergency on Monday.", published=pub)
    assert [e.type for e in doc.events] == ["Announcement"]


def test_second_review_of_the_twenty_fourth_stop():
    """Near misses a helper's review of the later rules found: a storm that batters and
    "Storm Babet", "General Staff said its forces had expelled", a road blockade of a
    corridor, a train derailed near Peace River, "pushed them into retreat", a victory
    congratulated, a boxer "declared the winner", "ruled Afghanistan illegally", "Students for
    Fair Admissions", "Fans of Galatasaray clashed", and tolls whose "rose" is another's."""
    def types(text, pub=date(2024, 3, 14)):
        return [(e.type, e.modality) for e in analyse(text, published=pub).events]

    assert ("Storm", "asserted") in types("Flights were cancelled across Ireland on Saturday as "
                                          "the country was battered by a storm.")
    assert "Storm" in [t for t, _ in types("Homes in Scotland were flooded by Storm Babet on "
                                           "Friday.")]
    assert "TerritoryRetaken" in [t for t, _ in types(
        "Ukraine's General Staff said its forces had expelled Russian troops from the village "
        "of Krynky.")]
    assert "Encirclement" in [t for t, _ in types(
        "Azerbaijan's blockade of the Lachin corridor, the only road linking Armenia to "
        "Nagorno-Karabakh, entered its ninth month on Monday.")]
    assert "Accident" in [t for t, _ in types(
        "A train carrying passengers derailed near Peace River in Alberta on Tuesday.")]
    assert "Advance" in [t for t, _ in types(
        "Ukrainian forces pushed them into retreat near Kupiansk, the army said.")]
    assert "MilitaryVictory" in [t for t, _ in types(
        "Putin congratulated Russian troops on their victory in Avdiivka on Saturday.")]
    assert "Election" not in [t for t, _ in types(
        "The Ukrainian boxer was declared the winner by unanimous decision in Riyadh.")]
    assert types("The Taliban, who ruled Afghanistan illegally according to the exiled "
                 "government, banned music.") == []
    assert ("Explosion", "claimed") in types(
        "Five people were killed when a gas cylinder exploded in a market in Nairobi on "
        "Friday, and the number of injured rose to 40, police said.")
    doc = analyse("Students for Fair Admissions filed a new lawsuit on Tuesday.")
    assert "Fair Admissions" not in [e.label for e in doc.entities]


def test_what_a_plan_rebuilds_or_helps_was_done_and_a_visitor_leaving_is_no_retreat():
    """"We will rebuild everything that was destroyed", "will help residents who had fled the
    city": the destruction and the flight were (no plan of theirs); "Hours after the president
    left, Russian forces shelled the city": the president's leaving is no withdrawal ("Russian
    troops left the city" is one)."""
    pub = date(2022, 5, 30)
    doc = analyse("We will rebuild everything that was destroyed, he said.", published=pub)
    assert [e.modality for e in events_of(doc, "Damage")] != ["planned"]
    doc = analyse("The government will help residents who had fled the city to return.",
                  published=pub)
    assert [e.modality for e in events_of(doc, "Evacuation")] == ["asserted"]
    doc = analyse("Hours after the president left, Russian forces shelled the city again.",
                  published=pub)
    assert events_of(doc, "Withdrawal") == []
    doc = analyse("Russian troops left the city on Monday.", published=pub)
    assert len(events_of(doc, "Withdrawal")) == 1


def test_a_meeting_requested_is_asked_for_not_held():
    """"Moscow requested an emergency meeting of the Security Council", "sought an urgent
    meeting": planned (as "called for"); "is being sought as a material witness in the
    shooting" leaves the shooting as it was."""
    pub = date(2022, 4, 4)
    doc = analyse("Moscow requested an emergency meeting of the Security Council.",
                  published=pub)
    assert [e.modality for e in events_of(doc, "Meeting")] == ["planned"]
    doc = analyse("The Security Council held an emergency meeting on Monday.", published=pub)
    assert [e.modality for e in events_of(doc, "Meeting")] == ["asserted"]
    doc = analyse("Anti-abortion protester James Kopp is being sought as a material witness in "
                  "the shooting.", published=pub)
    assert [e.modality for e in events_of(doc, "Attack")] == ["asserted"]


def test_third_review_of_the_twenty_fourth_stop():
    """Near misses the last review found: talks and deals derailed (a derailment needs a
    train), a protest's blockade of a highway, a coach's victory, a court's winner without the
    word "election", a council's ruling, a toll from "floods and landslides", the bodies of 14
    villagers beside a toll that "could rise", troops that left in a minister's report, and a
    president who left after a visit."""
    def types(text, pub=date(2024, 3, 14)):
        return [(e.type, e.modality, e.fatalities) for e in analyse(text, published=pub).events]

    for text in ("The talks were derailed on Thursday when a missile struck a tanker.",
                 "A new wave of violence threatens to derail a peace deal signed in 2022."):
        assert "Accident" not in [t for t, _, _ in types(text)], text
    assert "Accident" in [t for t, _, _ in types("A freight train derailed in Slovenia.")]
    assert "Encirclement" not in [t for t, _, _ in types(
        "Residents maintained their blockade of the highway for a third day on Tuesday.")]
    assert "MilitaryVictory" not in [t for t, _, _ in types(
        "Coach Andy Reid congratulated the players on their victory in the Super Bowl.")]
    assert "Election" in [t for t, _, _ in types(
        "Alassane Ouattara was declared the winner of the presidential race on Tuesday.")]
    assert "Other" in [t for t, _, _ in types(
        "The Constitutional Council ruled the new immigration law unconstitutional.")]
    assert ("Flood", "asserted", 26) in types(
        "The death toll from the floods and landslides in Sumatra has risen to 26, the "
        "disaster agency said.")
    assert 14 in [k for _, _, k in types(
        "Rescuers recovered the bodies of 14 villagers buried by the landslide on Thursday, "
        "but officials warned the toll could rise.")]
    assert "Withdrawal" in [t for t, _, _ in types(
        "The minister said the troops left the base on Sunday night.")]
    assert "Withdrawal" not in [t for t, _, _ in types(
        "The president left Kyiv on Tuesday after a surprise visit, and troops remained on "
        "alert.")]


def test_a_building_seized_by_demonstrators_is_a_riot():
    """"pro-Russian demonstrators briefly seized the regional administration building": a
    riot, no territory taken ("Russian troops seized the airport" is one, and so is the
    troops' seizure beside protesters, and the Taliban's of Kabul as crowds rushed to the
    airport); people or meetings "held by" militants or the army occupy nothing (a rule that
    read "held by troops" as an occupation was dropped after a review: hostages, ceremonies,
    positions a country holds)."""
    pub = date(2022, 5, 30)
    for text in ("Around 50 aid workers are still being held by militants in northern Mali.",
                 "A press conference was held by the army on Monday.",
                 "The meeting was held by the council on Monday."):
        assert "Occupation" not in [e.type for e in analyse(text, published=pub).events]
    doc = analyse("In 2014, pro-Russian demonstrators briefly seized the regional "
                  "administration building in Kharkiv.", published=pub)
    assert [e.type for e in doc.events] == ["Riot"]
    doc = analyse("Protesters stormed parliament as troops seized the airport.", published=pub)
    assert "TerritoryTaken" in [e.type for e in doc.events]
    doc = analyse("The Taliban seized Kabul on Sunday as crowds rushed to the airport.",
                  published=pub)
    assert "Riot" not in [e.type for e in doc.events]


def test_weapons_shot_down_in_the_passive_are_an_interception():
    """"Two of the missiles were shot down by air defences", "A transport plane was shot down
    by Ukrainian air defences": the air defences' interception, not a shooting ("The gunman
    was shot by police" and "protesters were shot down by soldiers" stay shootings)."""
    pub = date(2022, 7, 15)
    doc = analyse("Two of the missiles were shot down by air defences.", published=pub)
    assert [e.type for e in doc.events] == ["ShellingMissileAttack"]
    doc = analyse("The gunman was shot by police on Monday.", published=pub)
    assert [e.type for e in doc.events] == ["Attack"]
    doc = analyse("A Russian military transport plane was shot down by Ukrainian air defences.",
                  published=pub)
    assert [e.type for e in doc.events] == ["ShellingMissileAttack"]
    doc = analyse("Dozens of protesters were shot down by soldiers in the streets.",
                  published=pub)
    assert [e.type for e in doc.events] == ["Attack"]


def test_what_people_brace_for_is_still_to_come():
    """"Residents braced for more shelling", "was bracing for a Russian offensive": expected,
    not told as done (planned, as what is pressed for)."""
    pub = date(2022, 4, 3)
    doc = analyse("Residents braced for more shelling.", published=pub)
    assert [e.modality for e in doc.events] == ["planned"]
    doc = analyse("Russian forces shelled the city on Friday.", published=pub)
    assert [e.modality for e in doc.events] == ["asserted"]


def test_a_minister_sacked_is_dismissed_and_a_clubs_run_of_defeats_is_no_war():
    """"Truss sacked Kwarteng as chancellor on October 14": a dismissal (as "dismissed");
    "Rebels sacked the town" is no dismissal; "sacked its manager after a run of defeats": a
    club's, no military defeat."""
    pub = date(2022, 10, 20)
    doc = analyse("Truss sacked Kwarteng as chancellor on October 14.", published=pub)
    assert [(e.type, e.time.value) for e in doc.events] == [("Resignation", "2022-10-14")]
    doc = analyse("Rebels sacked the town and looted shops.", published=pub)
    assert "Resignation" not in [e.type for e in doc.events]
    doc = analyse("The club sacked its manager after a run of defeats.", published=pub)
    assert "MilitaryVictory" not in [e.type for e in doc.events]


@pytest.mark.parametrize("text", [
    "In a statement issued on Tuesday, the rebels said they would fight on.",
    "Police said on Tuesday they would arrest the man.",
    "The minister, speaking on Tuesday, said troops would withdraw from the town.",
])
def test_the_day_of_a_report_does_not_date_what_it_plans(text):
    ev = [e for e in analyse(text).events if e.modality == "planned"]
    # (on or after that Tuesday: the plan may have come to pass before publication)
    assert len(ev) == 1 and ev[0].time.basis == "report", ev
    t = ev[0].time
    assert (t.earliest, t.latest, t.edtf) == (date(2024, 3, 12), None, "2024-03-12/..")


@pytest.mark.parametrize("text, etype", [
    ("The information minister quit on Sunday, followed by the environment minister.",
     "Resignation"),
    ("Suicide bombers struck three churches and three hotels on Sunday morning.", "Bombing"),
])
def test_a_minister_quits_and_suicide_bombers_strike(text, etype):
    assert [e.type for e in analyse(text).events] == [etype]


@pytest.mark.parametrize("text", [
    "She quit smoking in 2010.",
    "New Zealand will outlaw military-style semi-automatic weapons and assault rifles, Ardern "
    "said.",
])
def test_no_resignation_or_attack_in_habits_and_weapons(text):
    assert [e.type for e in analyse(text).events if e.type != "Statement"] == []


def test_a_count_set_in_a_year_of_its_own_is_no_figure_of_the_event_before():
    """ "In 1990, a man killed 13 people in Aramoana": a report of its own, not the toll of
    the shooting told in the sentence before."""
    doc = analyse("The killings were the deadliest mass shooting in the country's history. "
                  "In 1990, a man killed 13 people in the coastal village of Aramoana.",
                  published=date(2019, 3, 21))
    shooting = one(doc, "Attack")
    assert shooting.fatalities is None
    assert [(e.fatalities, e.time.value) for e in events_of(doc, "CasualtiesReport")] == \
        [(13, "1990")]


def test_he_after_an_unnamed_gunman_is_the_gunman():
    """ "Karlov was shot dead ... The gunman, an off-duty officer, shouted as he opened fire":
    he is the gunman, not the ambassador named before."""
    doc = analyse("Russia's ambassador, Andrei Karlov, was shot dead at an exhibition in Ankara. "
                  "The gunman, an off-duty police officer, shouted as he opened fire, wounding "
                  "three other people.", published=date(2016, 12, 20))
    fire = one(doc, "Attack")
    assert role(doc, fire, "agent") == []


def test_a_named_person_who_has_died_undergoes_a_death_told_by_an_unnamed_speaker():
    """ "Idriss Deby has died of wounds he suffered ..., the army said": the death of Deby
    (after "has" too), whom the "he" before the closing report does not make its source; a
    protester who died undergoes the death, he does not do it."""
    doc = analyse("President Idriss Deby has died of wounds he suffered on the front line, the "
                  "army said.", published=date(2021, 4, 20))
    death = one(doc, "Other")
    assert role(doc, death, "affected") == ["Idriss Deby"] and death.according_to is None
    doc = analyse("One protester, Alexander Taraikovsky, died on Monday near a metro station "
                  "in Minsk.", published=date(2020, 8, 15))
    report = one(doc, "CasualtiesReport")
    assert role(doc, report, "affected") == ["Alexander Taraikovsky"]
    assert role(doc, report, "agent") == []


@pytest.mark.parametrize("text, etype", [
    ("Hundreds of rioters forced their way into the Capitol on Wednesday.", "Attack"),
    ("Masked gunmen burst into the studio of a television station on Tuesday.", "Attack"),
    ("Freddy made its second landfall in Mozambique late on Saturday.", "Storm"),
    ("Special police units exchanged fire with the gunmen for hours.", "ArmedClash"),
])
def test_storming_a_building_a_second_landfall_and_an_exchange_of_fire(text, etype):
    assert [e.type for e in analyse(text).events] == [etype]


def test_bursting_into_laughter_is_no_attack():
    assert analyse("The audience burst into laughter when he spoke.").events == []


def test_a_declaring_participle_shares_the_day_before_its_comma():
    doc = analyse("The military seized power on Monday, declaring a year-long state of "
                  "emergency.", published=date(2021, 2, 7))
    assert one(doc, "Announcement").time.value == "2021-02-01"


def test_a_report_named_in_a_parenthesis_dates_the_verb_after_it():
    doc = analyse("Vucic, in a televised address late on Sunday, condemned the killing of the "
                  "officer.", published=date(2023, 9, 25))
    assert one(doc, "Statement").time.value == "2023-09-24"


@pytest.mark.parametrize("text, etype", [
    ("Any attack would be met with a robust and united response, NATO said.", "Meeting"),
    ("Engineers blamed poor damage control for the loss of the ship.", "Damage"),
    ("Governments will send damage assessment teams to the islands.", "Damage"),
    ("Officials attended the inauguration ceremony of the Baltic Pipe on Tuesday.",
     "Appointment"),
    ("Only Afghans with proper travel documents will be allowed to leave.", "Visit"),
    ("Police named Card as a person of interest on Wednesday.", "Appointment"),
    ("Guterres condemned any seizure of power by force.", "TerritoryTaken"),
    ("Residents banged pots and pans, a traditional way of driving out evil.",
     "TerritoryRetaken"),
    ("Both sides agreed to permanently stop hostilities on Wednesday.", "ArmedClash"),
    ("Two pipe bombs were found outside the party offices and were made safe.", "Bombing"),
    ("Three ministers resigned in protest at the decision.", "Protest"),
])
def test_words_of_other_senses_name_no_such_event(text, etype):
    assert etype not in [e.type for e in analyse(text).events]


def test_meeting_a_delegation_and_hostilities_resuming_stay_events():
    assert [e.type for e in analyse("The president met with a delegation on Monday.").events] \
        == ["Meeting"]
    assert [e.type for e in analyse("Hostilities resumed on Monday.").events] == ["ArmedClash"]


def test_a_participle_after_a_comma_shares_the_opening_subject():
    """ "US-backed fighters captured the last Islamic State positions in Raqqa, seizing the
    city's stadium": no agent (unnamed fighters), never the object of the verb before."""
    doc = analyse("US-backed fighters captured the last Islamic State positions in Raqqa on "
                  "Tuesday, seizing the city's stadium and main hospital.",
                  published=date(2017, 10, 18))
    assert all(role(doc, e, "agent") == [] for e in doc.events)
    doc = analyse("Sudan's army defeated the RSF in Omdurman, retaking the state broadcaster.",
                  published=date(2023, 3, 12))
    assert [role(doc, e, "agent") for e in events_of(doc, "TerritoryRetaken")] == [
        ["Sudanese Armed Forces"]]


@pytest.mark.parametrize("text, etype", [
    ("Firefighters forced their way into the burning apartment and rescued two children.",
     "Attack"),
    ("The gunman burst into tears as the verdict was read out in court on Wednesday.",
     "Attack"),
    ("Armed police burst into the flat in Manchester on Monday and detained the suspect.",
     "Attack"),
    ("The yacht's landfall in Hobart ended the race on Thursday.", "Storm"),
    ("The two candidates exchanged fire over immigration during Tuesday's debate.",
     "ArmedClash"),
    ("Hamas quit the negotiations in Cairo on Tuesday.", "Resignation"),
    ("Russian troops quit their positions on the west bank of the river on Wednesday.",
     "Resignation"),
    ("The car bomb suspect struck a plea deal with prosecutors on Tuesday.", "Bombing"),
])
def test_review_of_the_twenty_fifth_stop_no_such_event(text, etype):
    """Worse cases of a helper's review of this stop's rules (texts of its own)."""
    assert etype not in [e.type for e in analyse(text).events]


def test_review_of_the_twenty_fifth_stop_events_kept():
    doc = analyse("The prime minister met with a united opposition front in Dhaka on Sunday.")
    assert [e.type for e in doc.events] == ["Meeting"]
    doc = analyse("A nail bomb exploded in a crowded market in Quetta on Monday, killing six "
                  "people.")
    assert "Bombing" in [e.type for e in doc.events]
    doc = analyse("Ukrainian drones damaged control towers at two Russian air bases overnight.")
    assert [e.type for e in doc.events] == ["Damage"]
    doc = analyse("Russia's seizure of power plants in southern Ukraine in 2022 drew protests.")
    assert "TerritoryTaken" in [e.type for e in doc.events]
    doc = analyse("After Hamas fighters crossed into Israel, Israeli warplanes pounded the Gaza "
                  "Strip, killing more than 200 people.")
    killing = one(doc, "Killing")
    assert role(doc, killing, "agent") != ["Hamas"]
    doc = analyse("Floods hit Valencia on Tuesday. At least 95 people have died, the most in a "
                  "Spanish flood since 1973, officials said.", published=date(2024, 10, 31))
    assert one(doc, "Flood").fatalities == 95
    doc = analyse("The army is preparing a March 20 assault on the city.",
                  published=date(2024, 3, 14))
    assert one(doc, "Attack").time.value == "2024-03-20"
    doc = analyse("Speaking at a summit in Brussels on Monday, Scholz will outline his plans.",
                  published=date(2024, 3, 14))
    assert one(doc, "Meeting").time.value == "2024-03-18"


def test_expelling_as_many_diplomats_is_no_recapture():
    doc = analyse("Moscow responded by expelling the same number of British diplomats.")
    assert [e.type for e in doc.events] == ["Other"]


@pytest.mark.parametrize("text, etype", [
    ("NATO said on Tuesday it would withdraw accreditation from seven Russian officials.",
     "Withdrawal"),
    ("The opposition leader managed to evade arrest by hiding in the embassy.", "Arrest"),
    ("The former president is expected to be surrendered to the court in The Hague.",
     "MilitaryVictory"),
])
def test_accreditation_feared_arrest_and_surrender_to_a_court(text, etype):
    assert etype not in [e.type for e in analyse(text).events]


def test_a_denied_role_in_an_event_leaves_the_event_a_fact():
    """ "Russia has consistently denied any involvement in the attack": the involvement is
    denied, the attack is told as fact (not Russia's claim)."""
    doc = analyse("Russia has consistently denied any involvement in the attack.")
    attack = one(doc, "Attack")
    assert attack.modality == "asserted" and attack.according_to is None


def test_a_reaction_to_an_event_is_dated_by_the_time_after_its_object():
    doc = analyse("Boris Nemtsov was shot dead near the Kremlin on February 27. Putin condemned "
                  "the killing the following morning.", published=date(2015, 3, 9))
    assert one(doc, "Statement").time.value == "2015-02-28TMO"


@pytest.mark.parametrize("text, etype", [
    ("Thousands of farmers are expected to take part in the protest in Brussels on Thursday.",
     "Protest"),
    ("Russian forces withdrew from Kherson, and Moscow withdrew the accreditation of Western "
     "reporters days later.", "Withdrawal"),
    ("The former prime minister faces charges after his arrest in Islamabad on Tuesday.",
     "Arrest"),
    ("The army said it had expelled the RSF from the airport, a diplomat in Port Sudan "
     "confirmed.", "TerritoryRetaken"),
    ("Gunmen forced their way into a police station on Monday and killed three officers.",
     "Attack"),
    ("India and Pakistan exchanged fire along the Line of Control overnight.", "ArmedClash"),
    ("Britain's deputy prime minister quit over a tax scandal on Friday.", "Resignation"),
    ("A suicide bomber struck a bus carrying a murder suspect to court, killing six people.",
     "Bombing"),
    ("Overnight shelling for hours damaged dozens of homes in Kharkiv.", "Damage"),
])
def test_second_review_of_the_twenty_fifth_stop_events_kept(text, etype):
    """Worse cases of the second review of this stop's rules: events the narrowed rules
    had lost (or mistyped) again."""
    assert etype in [e.type for e in analyse(text).events]


@pytest.mark.parametrize("text, etype", [
    ("The proposal to raise the pension age met with a strong backlash from unions.",
     "Meeting"),
    ("The government's seizure of power plants owned by foreign investors drew a rebuke.",
     "TerritoryTaken"),
    ("Rioters hurled petrol bombs at police in Belfast for a third night.", "Bombing"),
])
def test_second_review_of_the_twenty_fifth_stop_no_such_event(text, etype):
    assert etype not in [e.type for e in analyse(text).events]


def test_second_review_of_the_twenty_fifth_stop_times_and_modality():
    doc = analyse("The Taliban denied playing any role in the planned bombing of a Kabul hotel.")
    assert one(doc, "Bombing").modality != "asserted"
    doc = analyse("A court convicted five men over a March 20 attack on a supermarket.",
                  published=date(2024, 3, 14))
    assert one(doc, "Attack").time.value == "2023-03-20"
    doc = analyse("Gunmen attacked a village in Plateau state on Sunday. Since 2017, more than "
                  "8,000 people have been killed in the region, according to Amnesty.")
    assert one(doc, "Attack").fatalities is None


@pytest.mark.parametrize("text", [
    "Cyclone Mocha hit Myanmar's Rakhine state on Sunday.",
    "All NATO member states have approved the accession.",
    "He was arrested during protests in seven states and Italy.",
])
def test_a_state_of_a_country_states_nothing(text):
    assert "Statement" not in [e.type for e in analyse(text).events]


@pytest.mark.parametrize("text", [
    "The Malian authorities have not published an official death toll.",
    "He did not say how many people had died.",
    "It was not clear how many soldiers were killed.",
    "France's air accident investigation agency sent two investigators to Tokyo.",
    "Air accident investigators arrived in Tokyo on Tuesday.",
])
def test_first_contact_of_the_twenty_sixth_stop_no_event(text):
    """A death toll withheld is no death of one; "how many had died" asks, it counts none; an
    accident investigation agency is no accident."""
    assert [e.type for e in analyse(text, published=date(2024, 9, 20)).events
            if e.type in ("CasualtiesReport", "Killing", "Accident")] == []


@pytest.mark.parametrize("text, etype, modality", [
    ("There was no indication that anyone had been taken hostage, police said.", "Attack",
     "negated"),
    ("There were no plans for Putin to address the nation, the Kremlin said.", "Statement",
     "negated"),
    ("The president did not have any plans to visit Kyiv.", "Visit", "negated"),
    ("There were no plans for Putin to visit Turkey.", "Visit", "negated"),
    ("The president has plans to visit Kyiv next week.", "Visit", "planned"),
    ("A pro-Palestinian rally planned for Sunday in Amsterdam was cancelled.", "Protest",
     "negated"),
    ("The summit, planned for May, was called off.", "Meeting", "negated"),
    ("The election had been postponed from February.", "Election", "asserted"),
])
def test_first_contact_of_the_twenty_sixth_stop_modality(text, etype, modality):
    """No sign that it happened, no plan to do it, or called off: not a fact nor a plan."""
    doc = analyse(text, published=date(2024, 11, 8))
    assert [e.modality for e in events_of(doc, etype)][:1] == [modality]


def test_a_stabbing_is_an_attack_unless_it_kills():
    """A stabbing wounds or kills: an attack, with its toll; "stabbed to death" a killing."""
    pub = date(2024, 8, 1)
    doc = analyse("A man stabbed and wounded three people at a train station on Friday.",
                  published=pub)
    assert one(doc, "Attack").injured == 3
    doc = analyse("Three children were killed in a stabbing at a dance class on Monday.",
                  published=pub)
    assert one(doc, "Attack").fatalities == 3
    doc = analyse("A man was stabbed to death outside a bar on Sunday.", published=pub)
    assert [e.type for e in doc.events] == ["Killing"]


@pytest.mark.parametrize("text, etype", [
    ("The United Russia party said he had been expelled from its ranks.", "TerritoryRetaken"),
    ("The girl was named locally as Leanne Flynn.", "Appointment"),
    ("Iran said it had fired 200 missiles, a figure Israeli officials dismissed.",
     "Resignation"),
    ("The strike could push the region closer to a wider war.", "Advance"),
    ("In 2022, more than 70,000 people arrived in Ireland from Ukraine.", "Visit"),
    ("The militia fights alongside the army.", "ArmedClash"),
    ("The town lies close to the Algerian border.", "Other"),
    ("The junta came to power promising to restore security.", "RestorationOfServices"),
])
def test_first_contact_of_the_twenty_sixth_stop_other_senses(text, etype):
    """Words of events in another sense: expelled from a party, a victim named, a figure
    dismissed, a region pushed towards war, people arriving, a militia that fights alongside,
    a town close to a border, security restored as a promise."""
    assert etype not in [e.type for e in analyse(text).events]


@pytest.mark.parametrize("text, etype", [
    ("A bomb went off in the market on Monday.", "Bombing"),
    ("The blasts went off on Wednesday afternoon about 15 minutes apart.", "Explosion"),
    ("Oligui Nguema was unanimously designated transitional president on Wednesday.",
     "Appointment"),
    ("The African Union suspended Gabon on Thursday.", "Other"),
    ("Part of a mountain collapsed onto Yambali village at around 3am on Friday.", "Flood"),
    ("The violence erupted on September 9, when gunmen began fighting a rival faction.",
     "ArmedClash"),
    ("Shootouts continued for hours in Derbent.", "ArmedClash"),
])
def test_first_contact_of_the_twenty_sixth_stop_events(text, etype):
    """A bomb that went off, a leader designated, a member suspended by its bloc, a mountain
    that collapsed (a landslide), gunmen fighting a faction, shootouts."""
    assert etype in [e.type for e in analyse(text, published=date(2024, 9, 20)).events]


@pytest.mark.parametrize("text", [
    "It is a time bomb waiting to go off.",
    "An alarm went off at the station.",
    "The US designated the group a terrorist organisation.",
    "The club suspended Smith for three games.",
])
def test_first_contact_of_the_twenty_sixth_stop_no_such_events(text):
    assert [e.type for e in analyse(text).events] == []


def test_a_year_that_qualifies_a_regimes_deed_dates_nothing_else():
    """ "The attacks came on the eve of the anniversary of Kristallnacht, the 1938 Nazi
    pogrom": 1938 is the pogrom's year, not the attacks'."""
    doc = analyse("The attacks came on the eve of the anniversary of Kristallnacht, the 1938 "
                  "Nazi pogrom.", published=date(2024, 11, 8))
    assert one(doc, "Attack").time.value is None


def test_a_rate_counts_no_event_and_a_risen_toll_raises_the_highest_count_below_it():
    """ "Russian losses had averaged more than 1,500 killed and wounded a day" is no toll of the
    clashes told before; "the death toll had risen to 32" raises the lead's bombing (26 dead),
    not last month's bombing named since (2 dead)."""
    doc = analyse("Ukraine said on Tuesday that 52 clashes had taken place near Kurakhove.\n\n"
                  "The UK Ministry of Defence estimated that Russian losses had averaged more "
                  "than 1,500 killed and wounded a day in November.", published=date(2025, 1, 7))
    assert one(doc, "ArmedClash").fatalities is None
    doc = analyse("Two soldiers were killed a week ago near the border.",
                  published=date(2024, 11, 27))
    assert one(doc, "CasualtiesReport").fatalities == 2  # (a day gone by, no rate)
    doc = analyse("A suicide bomber blew himself up at the railway station in Quetta on "
                  "Saturday, killing at least 26 people.\n\nLast month, a suicide bombing near "
                  "Karachi's airport killed two Chinese engineers.\n\nBy Sunday afternoon, "
                  "officials said the death toll had risen to 32.", published=date(2024, 11, 10))
    assert [e.fatalities for e in events_of(doc, "Bombing")] == [32, 2]


def test_a_liberation_in_quotation_marks_is_a_capture():
    """ "its troops had 'liberated' the settlement", "had \\"completed the liberation\\" of
    Toretsk": the claimant's word for taking the town; unquoted, a liberation is regained
    ground."""
    pub = date(2025, 2, 11)
    for text in ("Russia's defence ministry said its troops had 'liberated' the settlement.",
                 'Russia said its units had "completed the liberation" of Toretsk on Sunday.'):
        doc = analyse(text, published=pub)
        assert [e.type for e in doc.events if "Territory" in e.type] == ["TerritoryTaken"], text
    doc = analyse("Ukrainian troops liberated Kherson in November 2022.", published=pub)
    assert [e.type for e in doc.events] == ["TerritoryRetaken"]


def test_an_election_report_of_victory_speeches_protests_lodged_and_a_persons_past():
    """ "a victory speech" is a speech, not a military victory; "lodged protests with" is
    diplomacy, no protest; "Milei, an economist who entered politics two years ago, was
    elected ... on Sunday": the relative clause's time is not the election's."""
    pub = date(2023, 11, 20)
    doc = analyse("Milei gave a victory speech in Buenos Aires on Sunday night.", published=pub)
    assert events_of(doc, "MilitaryVictory") == []
    doc = analyse("Beijing lodged protests with countries that congratulated Lai.",
                  published=pub)
    assert events_of(doc, "Protest") == []
    doc = analyse("Milei, an economist who entered politics barely two years ago, was elected "
                  "president of Argentina.", published=pub)
    assert one(doc, "Election").time.value is None


def test_a_name_given_an_event_in_quotation_marks_is_no_second_event():
    """ "Kristersson called the killings a \\"terrorist attack against Sweden\\"": the
    killings, named; no attack in Sweden (but "called off a planned assault" still calls it
    off)."""
    doc = analyse('A gunman killed two Swedish fans in Brussels on Monday. Kristersson called '
                  'the killings a "terrorist attack against Sweden".',
                  published=date(2023, 10, 17))
    assert [e.type for e in doc.events] == ["Killing"]


@pytest.mark.parametrize("text, etype, wanted", [
    ("The US designated Hamas leader Yahya Sinwar a global terrorist on Monday.",
     "Appointment", False),
    ("Factions within the Conservative party fought over the budget for weeks.",
     "ArmedClash", False),
    ("England beat Switzerland in a penalty shootout in Dusseldorf on Saturday.",
     "ArmedClash", False),
    ("A man stabbed his wife to death in Leeds on Friday, police said.", "Killing", True),
    ("A knife attacker stabbed six people to death at a shopping centre.", "Killing", True),
])
def test_review_of_the_twenty_sixth_stop_events(text, etype, wanted):
    assert (etype in [e.type for e in analyse(text).events]) is wanted


@pytest.mark.parametrize("text, etype, modality", [
    ("Washington paused a shipment of 2,000-pound and 500-pound bombs last week.", "Bombing",
     None),
    ("He praised fighters confronting the occupation army.", "Occupation", None),
    ("The offensive came two weeks before Donald Trump takes office.", "Appointment",
     "planned"),
])
def test_first_contact_of_the_twenty_sixth_stop_second_round(text, etype, modality):
    """Bombs shipped, an occupation army: no bombing, no occupation; "before Trump takes
    office": a timetable still to come."""
    found = [e.modality for e in analyse(text, published=date(2025, 1, 7)).events
             if e.type == etype]
    assert found == ([modality] if modality else [])


def test_whether_with_a_long_subject_leaves_the_question_open():
    """ "did not say whether any company managers had been detained": no arrest claimed by the
    ministry, a question left open."""
    doc = analyse("The interior ministry did not say whether any company managers had been "
                  "detained.", published=date(2023, 10, 31))
    assert one(doc, "Arrest").modality == "hedged"


@pytest.mark.parametrize("text, modality", [
    ("Government officials denied that the evacuation had been poorly organised.", "claimed"),
    ("The army denied that the withdrawal had been disorderly.", "claimed"),
    ("The army denied that an attack had taken place.", "negated"),
])
def test_a_denied_manner_leaves_the_event(text, modality):
    """ "denied that the evacuation had been poorly organised" denies how, not that it
    happened (as "was politically motivated" did); "had taken place" is denied itself."""
    doc = analyse(text, published=date(2023, 7, 24))
    assert [e.modality for e in doc.events if e.type != "Statement"] == [modality]


def test_counts_of_members_and_no_counts_of_days():
    """ "Four members of the paramilitary Rangers and two police officers were killed": six;
    "more than 100 police were injured over three days": no three injured."""
    doc = analyse("Four members of the paramilitary Rangers and two police officers were "
                  "killed.", published=date(2024, 11, 27))
    assert one(doc, "CasualtiesReport").fatalities == 6
    doc = analyse("More than 100 police were injured over three days.",
                  published=date(2024, 11, 27))
    assert one(doc, "CasualtiesReport").injured != 3
    for text, killed in (("Six members of one family and three neighbours were killed.", 9),
                         ("Five members of the security forces and 11 militants were killed.",
                          16)):
        doc = analyse(text, published=date(2024, 11, 27))
        assert one(doc, "CasualtiesReport").fatalities == killed, text


@pytest.mark.parametrize("text, etype, modality", [
    ("Militants who had killed dozens of civilians seized the town of Mocimboa da Praia on "
     "Wednesday.", "TerritoryTaken", "asserted"),
    ("The occupation of Kherson by Russian troops lasted eight months.", "Occupation",
     "asserted"),
    ("Militants bombed a gas supply pipeline in North Sinai on Sunday.", "Bombing", "asserted"),
    ("It was unclear whether the soldiers who had been captured near Avdiivka were still "
     "alive.", "Arrest", "asserted"),
    ("Police denied that any arrests had been made.", "Arrest", "negated"),
    ("Pakistan carried out military strikes inside Iran early on Thursday, killing at least "
     "nine people.", "Attack", "asserted"),
])
def test_second_review_of_the_twenty_sixth_stop(text, etype, modality):
    """The second review's worse cases: a town seized by militants who had killed civilians,
    an occupation by troops, a supply pipeline bombed, a capture in a relative clause after
    "whether", arrests denied outright; and military strikes carried out, which had no
    trigger."""
    doc = analyse(text, published=date(2024, 11, 27))
    assert [e.modality for e in doc.events if e.type == etype][:1] == [modality]


@pytest.mark.parametrize("text", [
    "The building did not have any fire exits.",
    "The restaurant, which occupied the first floor, was gutted.",
])
def test_fire_exits_and_a_floor_occupied_are_no_events(text):
    assert [e.type for e in analyse(text, published=date(2024, 3, 2)).events
            if e.type in ("Accident", "Occupation")] == []


@pytest.mark.parametrize("text, etype", [
    ("We pulled out our neighbours with our hands.", "Withdrawal"),
    ("British tour operator Jet2 cancelled all flights until Tuesday.", "Visit"),
])
def test_neighbours_pulled_out_and_tour_operators_are_no_events(text, etype):
    assert etype not in [e.type for e in analyse(text, published=date(2023, 7, 24)).events]


def test_counts_in_two_places_add_up():
    """ "killing at least 16 people in Bangladesh and six in India": 22; "killed 105 people in
    Jajarkot and 52 in Rukum West": 157."""
    doc = analyse("The cyclone made landfall on Sunday, killing at least 16 people in "
                  "Bangladesh and six in India.", published=date(2024, 5, 28))
    assert one(doc, "Storm").fatalities == 22
    doc = analyse("The quake killed 105 people in Jajarkot and 52 in Rukum West.",
                  published=date(2023, 11, 7))
    assert one(doc, "Earthquake").fatalities == 157


def test_a_denied_part_in_an_event_spares_the_event():
    doc = analyse("A lawyer denied that his client had any part in the blaze.")
    assert [e.modality for e in doc.events if e.type != "Statement"] == ["asserted"]


def test_helping_to_do_something_does_it():
    doc = analyse("He had spent that afternoon helping to evacuate residents.")
    assert [e.modality for e in doc.events] == ["asserted"]
    doc = analyse("The army will be helping to evacuate residents next week.")
    assert [e.modality for e in doc.events] == ["planned"]


def test_every_surname_particle_joins_its_name():
    # (one particle list for the name finder, the surname forms and the nickname check)
    doc = analyse("Senator Ronald dela Rosa spoke on Tuesday. Later dela Rosa left Manila.")
    assert [e.label for e in doc.entities if e.kind == "person"] == ["Ronald dela Rosa"]


def test_what_an_actor_stopped_short_of_did_not_happen():
    doc = analyse("Israel stopped short of a full assault on the city.")
    assert one(doc, "Attack").modality == "negated"
    # (but what was not condemned happened)
    doc = analyse("The council stopped short of condemning the coup in Myanmar on Monday.")
    assert all(e.modality != "negated" for e in doc.events if e.type == "Other")


@pytest.mark.parametrize("text", [
    "The agency said it was monitoring water run-off into the nearby brook.",
    "Neighbours described hearing a bang like a bomb going off on Thursday.",
    "Others were taken back to their villages by their families.",
    "Two ferry firms added extra sailings on Friday.",
    "The court granted a stay of execution pending the appeal.",
    "Patients were urged to attend only emergency appointments.",
    "The train had pulled out of the station minutes earlier.",
    "The two generals fell out over plans to merge the units.",
    "El Fasher was the only city left under army control.",
    "Armed groups regularly attack villages and convoys in the region.",
    # (batches 185-187)
    "Whoever fires at our communities will pay a heavy price, he said.",
    "The premier was attending a cabinet retreat in Charlottetown.",
    "Demand for generators exploded overnight.",
    "The premier ordered a ban on non-essential travel to Kelowna.",
    "Borissov ran three governments before losing power last year.",
    "The freed men arrive at Arauca airport on Friday. Photo: AFP",
])
def test_words_that_name_no_event_here(text):
    doc = analyse(text)
    assert [e.type for e in doc.events if e.type != "Statement"] == []


def test_the_same_words_still_name_events():
    doc = analyse("The president will face the challenger in a run-off on Sunday. A bomb went off "
                  "in the market on Tuesday. Ukrainian forces took back the village. Russian "
                  "troops pulled out of the port city of Kherson. The city fell to rebels.")
    assert [e.type for e in doc.events] == ["Election", "Bombing", "TerritoryRetaken",
                                            "Withdrawal", "TerritoryTaken"]


def test_firms_and_agencies_named_by_their_last_word_are_organisations():
    # (first contact, batches 181-184: "Deutsche Bahn", "Castlefield Coatings" were people)
    for text, label in [("Deutsche Bahn said in a statement on Friday that it was shaken.",
                         "Deutsche Bahn"),
                        ("The plant is run by Castlefield Coatings, the council said.",
                         "Castlefield Coatings"),
                        ("The Health and Safety Executive said it had opened an inquiry.",
                         "Health and Safety Executive"),
                        ("Money was moved through SRC International, prosecutors said.",
                         "SRC International")]:
        kinds = {e.label: e.kind for e in analyse(text).entities}
        assert kinds.get(label) == "organization", (text, kinds)
    # (a title and an airport stay what they are)
    kinds = {e.label: e.kind for e in analyse(
        "Chief Executive Tim Cook flew to Jomo Kenyatta International Airport.").entities}
    assert kinds == {"Tim Cook": "person", "Jomo Kenyatta International Airport": "place"}


@pytest.mark.parametrize("text, etype, label", [
    ("The train came off the rails near the hamlet on Friday.", "Accident", "Derailment"),
    ("The information minister announced a nationwide curfew on Sunday.", "Announcement",
     "Curfew"),
    ("The mayor ordered a curfew across the city on Wednesday.", "Announcement", "Curfew"),
    ("Part of City Hall was set alight by protesters on Tuesday.", "Damage", "Arson"),
    ("About 2.6 million homes and businesses lost power on Wednesday.", "Damage",
     "Power outage"),
    ("The bodies of 503 soldiers were repatriated on Monday.", "Other", "Repatriation"),
    ("Ohio voters on Tuesday approved a constitutional amendment.", "Election", "Referendum"),
    ("Kansas voters rejected the amendment on August 2, 2022.", "Election", "Referendum"),
    # (batch 186)
    ("The bus left the road and fell 200 metres into a ravine late on Sunday.", "Accident",
     "Crash"),
    ("The Arbaat dam burst overnight on Saturday into Sunday after days of rain.", "Damage",
     "Dam burst"),
    # (batch 187)
    ("A fishing boat went down off Sfax on Sunday.", "Accident", "Crash"),
])
def test_phrases_of_first_contact_name_their_events(text, etype, label):
    # (first contact, batches 181-184)
    doc = analyse(text)
    assert [(e.type, e.label.split(" in ")[0].split(" by ")[0]) for e in doc.events
            if e.type != "Statement"] == [(etype, label)]


def test_a_vehicle_that_lost_power_is_no_power_outage():
    doc = analyse("A cargo ship lost power and struck a bridge on Tuesday.")
    assert "Damage" not in [e.type for e in doc.events if e.label.startswith("Power")]
    assert [e.type for e in analyse("Homes lost power on Tuesday.").events] == ["Damage"]


@pytest.mark.parametrize("text", [
    "The government insisted that the pause did not amount to a ceasefire.",
    "A ceasefire is not expected soon, the envoy said.",
])
def test_what_did_not_amount_to_or_is_not_expected_is_denied(text):
    # (first contact, batches 186-187)
    assert one(analyse(text), "Ceasefire").modality == "negated"


def test_a_ceasefire_not_expected_to_hold_was_agreed():
    # (review of the stop's rules: "is not expected to hold" doubts its lasting)
    doc = analyse("Israel and Hezbollah agreed to a ceasefire on Tuesday. The ceasefire is not "
                  "expected to hold for long, analysts said.")
    assert {e.modality for e in doc.events if e.type == "Ceasefire"} == {"asserted"}


@pytest.mark.parametrize("text, etype", [
    ("A fuel tanker caught fire and exploded on a highway near Lagos on Saturday.", "Explosion"),
    ("Survivors who escaped the fire at the nightclub in Hanoi described thick smoke.",
     "Accident"),
    ("The last remaining American troops left Kabul airport on Monday.", "Withdrawal"),
    ("Houthi rebels, who frequently attack ships, attacked a bulk carrier in the Red Sea on "
     "Monday.", "Attack"),
])
def test_the_second_review_s_near_misses_still_name_events(text, etype):
    # (review of the stop's lexicon: blockers that reached too far)
    assert etype in [e.type for e in analyse(text).events]


@pytest.mark.parametrize("text, etype", [
    ("Kylian Mbappe's two late goals set alight the World Cup final on Sunday.", "Damage"),
    ("The pro-Beijing camp lost power in 17 of 18 district councils as residents turned out.",
     "Damage"),
    ("Talks between train drivers and the rail operators came off the rails on Friday.",
     "Accident"),
    ("Lula and Milei clashed over trade at the summit on Monday.", "ArmedClash"),
    ("The dam was built in 1990, and a water pipe burst on Monday.", "Damage"),
    ("A hiker fell into a ravine near the dam on Monday.", "Accident"),
])
def test_figures_of_speech_of_the_new_phrases_name_no_event(text, etype):
    assert etype not in [e.type for e in analyse(text).events]


def test_surnames_firms_in_pairs_and_airports_keep_their_kinds():
    kinds = {e.label: e.kind for e in analyse(
        "Former Liberal leader David Steel said Tata Motors and Siemens had signed a deal. "
        "Flights landed at Dulles International on Sunday.").entities}
    assert kinds.get("David Steel") == "person" and kinds.get("Tata Motors") == "organization"
    assert "Tata Motors and Siemens" not in kinds and kinds.get("Dulles International") == "place"


@pytest.mark.parametrize("text, etype", [
    ("The senator was attacked by her rivals as a puppet of the banks on Monday.", "Attack"),
    ("Supporters gather at a memorial for the three firefighters in Dover.", "Protest"),
    ("The minister said any incursion would be met with an answer from the army.",
     "Meeting"),
    ("The wounded mayor was pushed into a police van by his bodyguards.", "Advance"),
    ("Officials said the search warrant was executed at dawn on Tuesday.", "Killing"),
    ("Treason can carry a life sentence in the country.", "Other"),
    ("Party leaders rallied behind the chancellor on Friday.", "Protest"),
    ("A judge ordered him detained on suspicion of arson, attempted murder and fraud.",
     "Killing"),
])
def test_criticism_receptions_warrants_and_penalties_name_no_event(text, etype):
    # (first-contact batches 190-191)
    assert etype not in [e.type for e in analyse(text).events]


@pytest.mark.parametrize("text, etype", [
    ("A gunman attacked a bus as it left the depot on Monday.", "Attack"),
    ("Protesters rallied outside parliament on Friday.", "Protest"),
    ("The delegation met with President Ruto on Monday.", "Meeting"),
    ("Troops pushed into the town on Monday.", "Advance"),
    ("The court sentenced him to life in prison on Monday.", "Other"),
    ("He was charged on Friday with murdering his neighbour.", "Killing"),
])
def test_attacks_rallies_and_meetings_beside_those_phrases_still_count(text, etype):
    assert etype in [e.type for e in analyse(text).events]


def test_a_victim_nearly_killed_is_not_killed():
    doc = analyse("A sniper nearly killed Governor Tom Ridge at a rally on Saturday. The driver "
                  "was almost killed. Nearly 40 people were killed in the storm on Sunday.")
    killings = [e for e in doc.events if e.type == "Killing"]
    assert killings and all(e.modality == "negated" for e in killings)
    assert [e.modality for e in doc.events if e.type == "Storm"] == ["asserted"]


def test_a_name_inside_an_apposition_or_addressed_is_not_the_actor():
    doc = analyse("Premier Anna Berg and President-elect Tomas Novak, a Kral ally, met on "
                  "Thursday.")
    ents = {e.id: e.label for e in doc.entities}
    [meeting] = [e for e in doc.events if e.type == "Meeting"]
    assert sorted(ents[p.entity] for p in meeting.participants) == ["Anna Berg", "Tomas Novak"]
    doc = analyse("Prime Minister Anna Berg spoke on Thursday. She said she had informed King "
                  "Olav that she was stepping down.")
    ents = {e.id: e.label for e in doc.entities}
    [quit] = [e for e in doc.events if e.type == "Resignation"]
    assert [(p.role, ents[p.entity]) for p in quit.participants] == [("agent", "Anna Berg")]


@pytest.mark.parametrize("text, etype", [
    ("Thousands of students took to the streets of Belgrade on Sunday.", "Protest"),
    ("Within hours, farmers poured into the streets of the capital.", "Protest"),
    ("A wall of water tore through the village on Tuesday night.", "Flood"),
])
def test_crowds_in_the_streets_and_walls_of_water(text, etype):
    assert etype in [e.type for e in analyse(text).events]


def test_crowds_celebrating_in_the_streets_are_no_protest():
    doc = analyse("Hundreds of people took to the streets to celebrate the result on Sunday.")
    assert "Protest" not in [e.type for e in doc.events]


def test_a_past_perfect_relative_clause_keeps_its_time():
    doc = analyse("Storm Nora, a cyclone that had already caused flooding in Malta earlier this "
                  "month, made landfall on the coast on Sunday, September 10.",
                  published=date(2023, 9, 19))
    assert [e.time.value for e in doc.events if e.type == "Storm"] == ["2023-09-10"]


@pytest.mark.parametrize("text", [
    "The director has so far resisted calls to resign.",
    "The minister rejected calls to resign on Monday.",
    "He has ignored demands that he step down.",
    "The interior minister had refused calls to resign after the crackdown in March.",
])
def test_a_refused_demand_is_denied(text):
    assert [e.modality for e in analyse(text).events if e.type == "Resignation"] == ["negated"]


def test_a_renewed_demand_is_still_to_come():
    doc = analyse("Protesters renewed calls for the president to resign on Monday.")
    assert [e.modality for e in doc.events if e.type == "Resignation"] == ["planned"]
    # (a refusal before a resignation told now does not deny it)
    doc = analyse("The premier announced her resignation on Wednesday, ending weeks in which "
                  "she had resisted calls to resign.")
    assert "negated" not in [e.modality for e in doc.events if e.type == "Resignation"]


def test_an_event_the_report_tells_as_fact_stays_asserted_beside_a_sources_claim():
    doc = analyse("A drone struck a housing area at the base early on Sunday. The Islamic "
                  "Resistance in Iraq, a coalition of militias, claimed it had launched drones "
                  "at the base on Sunday, killing three soldiers.", published=date(2024, 2, 3))
    [strike] = [e for e in doc.events if e.type == "ShellingMissileAttack"]
    assert (strike.modality, strike.fatalities, strike.time.value) == (
        "asserted", 3, "2024-01-28")


@pytest.mark.parametrize("text, etype", [
    ("Gunmen seized a cargo ship in the Gulf of Aden on Sunday.", "Other"),
    ("Two ballistic missiles were fired towards the destroyer on Monday.",
     "ShellingMissileAttack"),
    ("The first vaccine doses arrived in the capital on Saturday.", "AidDelivery"),
    ("The lunar probe crashed into the Moon on Saturday.", "Accident"),
])
def test_ships_seized_missiles_fired_doses_arrived_and_probes_crashed(text, etype):
    assert etype in [e.type for e in analyse(text).events]


@pytest.mark.parametrize("text, etype", [
    ("Hospitals postponed operations and non-urgent appointments on Friday.", "Appointment"),
    ("The hospital cancelled non-urgent visits on Friday.", "Visit"),
    ("Authorities have suspended visits to patients in hospitals.", "Visit"),
    ("Shares closed on Monday after a fall of about 20 percent.", "TerritoryTaken"),
    ("The lender saw heavy withdrawals by depositors on Friday.", "Withdrawal"),
    ("Officials screened travellers arriving from the country at three airports.", "Visit"),
    ("The destroyer responded to a distress call from the tanker on Monday.", "Statement"),
])
def test_business_and_hospital_words_name_no_such_event(text, etype):
    assert etype not in [e.type for e in analyse(text).events]


def test_the_office_of_a_leader_speaks_for_the_leader():
    doc = analyse("The office of Prime Minister Anna Berg said on Sunday that the ship was not "
                  "Norwegian.")
    ents = {e.id: e.label for e in doc.entities}
    [said] = [e for e in doc.events if e.type == "Statement"]
    assert [(p.role, ents[p.entity]) for p in said.participants] == [("speaker", "Anna Berg")]


@pytest.mark.parametrize("text", [
    "The collapse of the regional lender on Friday rattled markets.",
    "A court on Monday ordered the liquidation of the property developer.",
    "Regulators grounded 171 Boeing 737 MAX 9 planes on Saturday.",
    "The plane was grounded on Monday after the incident.",
    "The rocket lifted off from the coast on Thursday morning.",
    "The lander touched down on the lunar surface on Wednesday.",
])
def test_business_aviation_and_space_events_are_told(text):
    assert "Other" in [e.type for e in analyse(text).events]


@pytest.mark.parametrize("text", [
    "Two other helicopters landed safely in the city.",
    "The policy is grounded in law.",
    "The president had inaugurated a new dam on the river on Sunday.",
])
def test_landings_groundings_and_openings_of_other_kinds_are_not(text):
    assert [e.type for e in analyse(text).events if e.type in ("Other", "Appointment")] == []


@pytest.mark.parametrize("text", [
    "Police found a pistol matching the murder weapon on Tuesday.",
    "Murder carries a penalty of up to 20 years in the country.",
])
def test_a_murder_weapon_or_the_crime_in_general_is_no_killing(text):
    assert "Killing" not in [e.type for e in analyse(text).events]


def test_vehicles_that_ploughed_into_crowds_or_sites():
    assert [e.type for e in analyse("A car plowed into a crowd of revellers on Wednesday.")
            .events] == ["Attack"]
    doc = analyse("Four police officers and two road workers were killed on Saturday when a "
                  "lorry ploughed into a roadworks site.")
    assert [(e.type, e.fatalities) for e in doc.events] == [("Accident", 6)]
    for text in ("Visits to patients were suspended on Monday.",
                 "Family visits to the prison were suspended on Monday."):
        assert "Visit" not in [e.type for e in analyse(text).events], text


@pytest.mark.parametrize("text, etype, present", [
    ("More than 280 pupils seized from their school were released on Sunday.", "Other", True),
    ("More than 280 pupils seized from their school were released on Sunday.",
     "TerritoryTaken", False),
    ("Two students were released from hospital on Monday.", "Other", False),
    ("The minister pulled his party out of the government in protest.", "Protest", False),
    ("Two people were killed in protests in the capital on Monday.", "Protest", True),
    ("The vote was an early sign of a thaw between the parties.", "Agreement", False),
    ("The minister called it an environmental bomb on Monday.", "Bombing", False),
])
def test_captives_released_protest_as_a_manner_and_figures_of_speech(text, etype, present):
    assert (etype in [e.type for e in analyse(text).events]) == present


def test_an_undated_event_told_first_is_not_a_past_one_told_near_the_end():
    text = ("A powerful earthquake struck the peninsula on New Year's Day, killing 84 people.\n\n"
            "Most of the deaths were in the port of Wajima, where rows of old wooden houses "
            "collapsed.\n\nRescuers worked through the night. Roads were blocked by landslides. "
            "Aid began to arrive on Wednesday.\n\nThe region has been shaken by small quakes for "
            "three years. Last May a strong quake struck near Wajima, killing one person and "
            "damaging dozens of buildings.")
    doc = analyse(text, published=date(2024, 1, 4), gazetteer=FakeGazetteer("Wajima"))
    damage = {trigger(doc, e): e.time.edtf for e in events_of(doc, "Damage")}
    assert damage == {"collapsed": "../2024-01-04", "damaging": "2023-05"}


def test_an_anaphor_names_the_deadly_event_told_just_before():
    doc = analyse("Dozens dead after crowd crush at stadium\n\n"
                  "At least 41 people were killed and more than 90 injured when a crowd surged "
                  "towards the gates of a stadium on Saturday night, officials said.\n\n"
                  "The minister told reporters on Sunday that many of the victims were young.\n\n"
                  "The crush began at about 10.40pm on 23 November, shortly after two entrances "
                  "were closed.",
                  published=date(2024, 11, 25))
    [crush] = [e for e in doc.events if e.fatalities == 41]
    assert crush.type == "Accident" and crush.time.value.startswith("2024-11-23T22:40")
    assert len([e for e in doc.events if e.type in ("Accident", "CasualtiesReport")]) == 1


def test_an_anaphors_clock_time_dates_the_event():
    doc = analyse("A strong earthquake shook the remote hill district late on Friday, killing at "
                  "least 153 people, officials said on Saturday.\n\nRescuers were still "
                  "searching for survivors.\n\nThe quake struck at 11:47 p.m. local time.",
                  published=date(2023, 11, 4))
    [quake] = [e for e in doc.events if e.type == "Earthquake"]
    assert quake.time.value.startswith("2023-11-03T23:47")


def test_a_days_event_named_by_its_day_refers_back():
    doc = analyse("Ukrainian sea drones struck the Kerch bridge early on Monday, killing two "
                  "people. Hours after Monday's attack, Russia announced it would not extend the "
                  "grain deal.", published=date(2023, 7, 18))
    assert len([e for e in doc.events if e.type in ("Attack", "ShellingMissileAttack")]) == 1
    doc = analyse("Maureen Connelly, a consultant not working for any candidate in next week's "
                  "election, said so.", published=date(1998, 10, 30))
    assert [e.modality for e in doc.events if e.type == "Election"] == ["planned"]
