"""Mentions and entities found by patterns alone (no catalog, no gazetteer)."""

import pytest

from extract.helpers import analyse
from kg.extract.entities import initials
from kg.extract.variants import are_variants


def kinds(text):
    """The label and kind of each entity of ``text``."""
    return [(e.label, e.kind) for e in analyse(text).entities]


def entities(text: str) -> dict[str, tuple[str, list[str]]]:
    doc = analyse(text)
    return {e.label: (e.kind, sorted(e.aliases)) for e in doc.entities}


def test_titled_people_and_surname_coreference():
    ents = entities("Ukrainian poet Serhiy Zhadan posted an update. \"It is calm,\" Zhadan "
                    "wrote. Mayor Ihor Terekhov thanked the soldiers. President Vladimir "
                    "Zelensky spoke later.")
    assert ents["Serhiy Zhadan"] == ("person", ["Zhadan"])
    assert ents["Ihor Terekhov"][0] == "person"
    assert ents["Vladimir Zelensky"][0] == "person"
    assert "Mayor Ihor Terekhov" not in ents and "President" not in ents


def test_organisations_units_media_and_places_from_their_heads():
    ents = entities(
        "The Institute for the Study of War said the 127th brigade and the 93rd Mechanized "
        "Brigade held the line near the Siverskyi Donets river. The Ukrainian Ministry of "
        "Defense published a video, and the Kharkiv regional administration said in an "
        "interview with television channel UATV that the House of Culture in Derhachi burned.")
    assert ents["Institute for the Study of War"][0] == "organization"
    assert ents["127th brigade"][0] == "military_unit"
    assert ents["93rd Mechanized Brigade"][0] == "military_unit"
    assert ents["Siverskyi Donets river"][0] == "place"
    assert ents["Ukrainian Ministry of Defense"][0] == "organization"
    assert ents["Kharkiv regional administration"][0] == "organization"
    assert ents["UATV"][0] == "media"
    assert ents["House of Culture"][0] == "place"
    assert ents["Derhachi"][0] == "place"


def test_a_unit_named_by_a_cardinal():
    ents = entities("The fighting pitted the 444 Brigade against a rival force, and Libya's 166 "
                    "Battalion stayed out. In the 2011 Brigade elections the 3 brigades voted.")
    assert ents["444 Brigade"][0] == "military_unit"
    assert ents["166 Battalion"][0] == "military_unit"
    assert not [name for name in ents if name.startswith(("2011", "3 "))]


def test_demonyms_become_armed_forces_or_the_country():
    ents = entities("Russian troops left the area after Ukrainian forces advanced. Russian "
                    "rockets hit Kharkiv. Kyiv's forces pushed on. He said it in Russian.")
    assert ents["Russian Armed Forces"][0] == "military_unit"
    assert "Russian troops" in ents["Russian Armed Forces"][1]
    assert ents["Armed Forces of Ukraine"][1] == ["Kyiv's forces", "Ukrainian forces"]
    assert ents["Russia"][0] == "place"  # from "Russian rockets", not from "in Russian"


def test_spelling_variants_resolve_to_one_entity():
    ents = entities("Karkhiv Celebrates\n\nRussian troops withdrew from Kharkiv on Friday. "
                    "Residents of Kharkov celebrated. Shelling resumed near Kharkiv later, "
                    "officials in Kyiv said, and Kyvi claimed victory.")
    assert ents["Kharkiv"] == ("place", ["Karkhiv", "Kharkov"])
    assert ents["Kyiv"] == ("place", ["Kyvi"])


def test_sentence_openers_and_common_words_are_not_names():
    ents = entities("Meanwhile, fighting continued. Still, Local officials were calm. City bus "
                    "service resumed in the city. Firefighters worked all night.")
    assert not ents


def test_headline_names_only_when_known_from_the_body():
    ents = entities("Zelensky Praises Troops After Victory In Kharkiv\n\nPresident Volodymyr "
                    "Zelensky thanked soldiers in Kharkiv on Monday.")
    assert ents["Volodymyr Zelensky"] == ("person", ["Zelensky"])
    assert set(ents) == {"Volodymyr Zelensky", "Kharkiv"}


def test_acronyms_join_the_name_they_abbreviate():
    ents = entities("The Rapid Support Forces attacked the town. The RSF denied it. The "
                    "European Union condemned the attack, and EU envoys met.")
    assert "RSF" in ents["Rapid Support Forces"][1]
    assert "EU" in ents["European Union"][1]
    assert initials("Institute for the Study of War") == "ISW"


def test_photo_credits():
    ents = entities("Firefighters at work.\nPhoto by John Moore/Getty Images")
    assert ents["John Moore"][0] == "person"
    assert ents["Getty Images"][0] == "media"


def test_variant_rules():
    assert are_variants("Kharkiv", "Kharkov")
    assert are_variants("Zelensky", "Zelenskyy")
    assert are_variants("Dergachi", "Derhachi")
    assert are_variants("Kyvi", "Kyiv")
    assert not are_variants("Iran", "Iraq")
    assert not are_variants("Austria", "Australia")
    assert not are_variants("Kherson", "Kharkiv")


def test_source_lines_name_outlets_and_plurals_of_people_name_no_one():
    """Eighty-sixth batch: the outlet of "Originally published by X" / "Source: X" is media,
    not a person; "Wounded Palestinians" (a participle and a people's plural) and
    "Republicans in Congress" (a party's members) are no names of a person or a place."""
    doc = analyse("Troops crossed the border on Tuesday.\n\nOriginally published by Eastern "
                  "Europe Monitor.\n\nSource: Eastern Europe Monitor\n\nWounded Palestinians "
                  "were treated at the hospital.\n\nBiden pointed the finger at Republicans in "
                  "Congress.")
    kinds = {e.label: e.kind for e in doc.entities}
    assert kinds.get("Eastern Europe Monitor") == "media", kinds
    assert "Wounded Palestinians" not in kinds and "Republicans" not in kinds, kinds
    # (and a people whose plural is its adjective: "Fleeing Sudanese crossed into Chad")
    doc = analyse("Fleeing Sudanese crossed into Chad on Monday.")
    assert "Fleeing Sudanese" not in {e.label for e in doc.entities}, doc.entities


def test_an_ampersand_joins_one_name_and_holy_sites_are_places():
    """ "Procter & Gamble" is one body, "Schemengees Bar & Grille Restaurant" one place; a
    pagoda, a basilica, a monastery are places (not "Sule Pagoda" as a person)."""
    assert kinds("Shares of Procter & Gamble fell on Monday.") == [
        ("Procter & Gamble", "organization")]
    assert kinds("A gunman opened fire at Schemengees Bar & Grille Restaurant.") == [
        ("Schemengees Bar & Grille Restaurant", "place")]
    assert kinds("Crowds marched to Sule Pagoda on Monday.") == [("Sule Pagoda", "place")]


def test_a_long_name_whose_last_two_words_stand_alone_is_a_person():
    """ "Aung San Suu Kyi" ... "Suu Kyi's party": one person of four words (not "the New York
    Stock Exchange" ... "the Stock Exchange")."""
    doc = analyse("Myanmar's military detained Aung San Suu Kyi on Monday.\n\n"
                  "Suu Kyi's party won the election in November.")
    assert [(e.label, e.kind) for e in doc.entities if e.kind == "person"] == [
        ("Aung San Suu Kyi", "person")]
    doc = analyse("Shares fell on the New York Stock Exchange. The Stock Exchange closed early.")
    assert "person" not in [e.kind for e in doc.entities]


def test_a_channel_of_a_country_is_a_strait_and_works_are_a_firm():
    assert kinds("The cyclone crossed the Mozambique Channel on Friday.") == [
        ("Mozambique Channel", "place")]
    assert kinds("Migrants crossed the English Channel in small boats.") == [
        ("English Channel", "place")]
    assert kinds("Workers at Minsk Tractor Works walked off the job.") == [
        ("Minsk Tractor Works", "organization")]



def test_a_titled_person_of_a_place_is_the_person_and_the_place():
    """ "Mayor Vitali Klitschko of Kyiv": the person and the city, apart; a royal title keeps
    its "of" ("Queen Rania of Jordan")."""
    assert kinds("Bishop Edwin de la Pena of Marawi said the cathedral burned.")[:1] == [
        ("Edwin de la Pena", "person")]
    assert kinds("Queen Rania of Jordan visited the camp.") == [("Rania of Jordan", "person")]


def test_a_surname_two_people_share_is_the_first_named_unless_called_by_given_name():
    """ "Former president Jair Bolsonaro ... Bolsonaro ... his son, Senator Flávio Bolsonaro":
    the bare surname is the father named first; a boy called "Elian" leaves "Gonzalez" to
    his father."""
    doc = analyse("Former president Jair Bolsonaro was convicted on Thursday.\n\n"
                  "Bolsonaro denied any wrongdoing. Bolsonaro did not attend.\n\n"
                  "His son, Senator Flávio Bolsonaro, called the trial a farce.")
    people = {e.label: e for e in doc.entities if e.kind == "person"}
    assert set(people) == {"Jair Bolsonaro", "Flávio Bolsonaro"}
    ids = {m.entity for m in doc.mentions if doc.article.text[m.start:m.end] == "Bolsonaro"}
    assert ids == {people["Jair Bolsonaro"].id}
    doc = analyse("Elian Gonzalez stayed in Miami. His father, Juan Miguel Gonzalez, flew to "
                  "Washington.\n\nElian played in the yard. Gonzalez said he wanted his son "
                  "back.")
    people = {e.label: e for e in doc.entities if e.kind == "person"}
    ids = {m.entity for m in doc.mentions if doc.article.text[m.start:m.end] == "Gonzalez"}
    assert ids == {people["Juan Miguel Gonzalez"].id}


def test_may_after_a_given_name_is_a_surname():
    """ "Prime Minister Theresa May said": a person, not "Theresa" and a month."""
    for text in ("Prime Minister Theresa May said Russia was responsible.",
                 "Prime Minister Theresa May's government collapsed on Friday."):
        doc = analyse(text)
        assert [e.label for e in doc.entities if e.kind == "person"] == ["Theresa May"]
    doc = analyse("Elections were held in Mexico on May 5.")
    assert "person" not in [e.kind for e in doc.entities]


def test_a_surname_two_people_share_is_the_one_named_just_before():
    """ "her father, former President Rodrigo Duterte, ... Duterte, 79, faces charges": the
    father named in the same paragraph (the first named only when nobody of that name was
    named in the paragraph or the one before)."""
    doc = analyse("Vice President Sara Duterte said her father, former President Rodrigo "
                  "Duterte, had been flown to The Hague. Duterte, 79, faces charges.")
    people = {e.label: e for e in doc.entities if e.kind == "person"}
    ids = {m.entity for m in doc.mentions if doc.article.text[m.start:m.end] == "Duterte"}
    assert ids == {people["Rodrigo Duterte"].id}


def test_a_given_name_that_speaks_is_its_person():
    """ "Opposition leader Raila Odinga ... Raila said": the person, not a body called
    Raila."""
    doc = analyse("Opposition leader Raila Odinga rejected the result.\n\nRaila said the vote "
                  "had been rigged.")
    assert [(e.label, e.kind) for e in doc.entities] == [("Raila Odinga", "person")]


def test_a_name_with_a_quoted_nickname_is_one_person():
    doc = analyse('The feud pits the faction loyal to Ismael "El Mayo" Zambada against the sons '
                  'of Joaquin "El Chapo" Guzman. Zambada, 76, was arrested in Texas in July. '
                  "A message was aimed at Zambada's followers.")
    people = {e.label: e for e in doc.entities if e.kind == "person"}
    assert set(people) == {"Ismael Zambada", "Joaquin Guzman"}
    assert not [e for e in doc.entities if e.kind == "place" and "Zambada" in e.label]
    zambada = people["Ismael Zambada"].id
    assert sum(m.entity == zambada for m in doc.mentions) == 3
    # (two given names, a surname with a particle; no date or country as a surname)
    doc = analyse('Senator Ronald "Bato" dela Rosa said he would not surrender. General Mohamed '
                  'Hamdan "Hemedti" Dagalo leads the group.')
    assert {e.label for e in doc.entities if e.kind == "person"} == {
        "Ronald dela Rosa", "Mohamed Hamdan Dagalo"}
    doc = analyse('The minister called the rival "Mad Vlad" Monday.')
    assert not [e for e in doc.entities if "Monday" in e.label]
    # (a title before the name is no part of it)
    doc = analyse('President Rodrigo "Digong" Duterte spoke on Tuesday.')
    assert [(e.label, e.kind) for e in doc.entities] == [("Rodrigo Duterte", "person")]
    # (a quoted title after a name stays a title: 'came second with "Space Man"')
    doc = analyse('Mae Muller came second with "Space Man" in Liverpool.')
    assert "Space Man" not in {e.label for e in doc.entities}


def test_a_treaty_is_no_party_to_it():
    doc = analyse("Pakistan said it could hold in abeyance the 1972 Simla Agreement. India "
                  "left the Paris Agreement, and the Minsk Protocol failed.")
    assert {e.label for e in doc.entities} == {"Pakistan", "India"}
    # (an alliance and an assembly are bodies)
    doc = analyse("Poland left the Warsaw Pact. The Constitutional Convention approved the "
                  "draft.")
    assert {"Warsaw Pact", "Constitutional Convention"} <= {e.label for e in doc.entities}


def test_a_head_of_two_words_makes_a_body():
    doc = analyse("Navy divers and Red Cross volunteers pulled people from the water.")
    assert [(e.label, e.kind) for e in doc.entities] == [("Red Cross", "organization")]


@pytest.mark.parametrize("text, label, kind", [
    ("The Jamaica Public Service Company said power was cut.", "Jamaica Public Service Company",
     "organization"),
    ("The Kenya Power and Lighting Company restored electricity.",
     "Kenya Power and Lighting Company", "organization"),
    ("Bravo Company fought near the river.", "Bravo Company", "military_unit"),
    ("Easy Company of the regiment held its line.", "Easy Company", "military_unit"),
    ("Weapons Company was moved up.", "Weapons Company", "military_unit"),
    ("The 2nd Ranger Company was moved up.", "Ranger Company", "military_unit"),
])
def test_a_firm_named_company_is_no_military_unit(text, label, kind):
    doc = analyse(text)
    assert (label, kind) in [(e.label, e.kind) for e in doc.entities]


def test_an_operations_code_name_names_no_one():
    doc = analyse("The strikes, dubbed Rising Lion, hit the Natanz site.")
    assert "Rising Lion" not in {e.label for e in doc.entities}


def test_a_title_inside_a_bodys_name_before_of_stays_in_it():
    doc = analyse("The Directorate General of Civil Aviation ordered safety checks.")
    assert [(e.label, e.kind) for e in doc.entities] == [
        ("Directorate General of Civil Aviation", "organization")]
    # (a body, then its head)
    doc = analyse("NATO Secretary-General Jens Stoltenberg spoke.")
    assert ("Jens Stoltenberg", "person") in [(e.label, e.kind) for e in doc.entities]


def test_a_nicknamed_speaker_is_the_source_and_the_nickname_no_quotation():
    doc = analyse('Mohamed Hamdan "Hemedti" Dagalo said on Thursday his forces had taken control '
                  'of the town of Mellit.')
    assert doc.article.text.count('"') == 2 and not [e for e in doc.events if e.quote]
    capture = next(e for e in doc.events if e.type == "TerritoryTaken")
    assert doc.entity(capture.according_to).label == "Mohamed Hamdan Dagalo"
    assert "Statement" not in [e.type for e in doc.events]


def test_a_countrys_federal_government_is_the_country():
    for text in ("Kenya's federal government said it would send troops on Monday.",
                 "The Kenyan federal government said it would send troops on Monday."):
        assert [(e.label, e.kind) for e in analyse(text).entities] == [("Kenya", "place")]
    assert [(e.label, e.kind) for e in analyse(
        "The Lagos state government said so on Monday.").entities] == [
        ("Lagos state government", "organization")]



def test_firms_named_by_capital_global_or_trust_are_organisations():
    kinds = {e.label: e.kind for e in analyse(
        "Silvergate Capital said on Monday that the Wellcome Trust had agreed. Top Shine "
        "Global said so too.").entities}
    assert set(kinds.values()) == {"organization"} and len(kinds) == 3, kinds


def test_a_group_whose_name_holds_another_groups_is_its_own():
    labels = {e.label for e in analyse("Officials blamed Kataib Hezbollah for the attack on "
                                       "Monday.").entities}
    assert labels == {"Kataib Hezbollah"}
    for text in ("Lebanese Hezbollah fired rockets on Monday.", "On Monday Hezbollah fired "
                 "rockets.", "Officials blamed Iran-backed Hezbollah on Monday."):
        assert "Hezbollah" in {e.label for e in analyse(text).entities}, text


def test_a_currency_prefix_is_no_acronym():
    assert analyse("The government announced a HK$300 million relief fund on Thursday.")\
        .entities == []


def test_the_office_before_a_title_names_nobody():
    ents = entities("Climate Change Minister Sherry Rehman spoke first. Acting Labor Secretary "
                    "Julie Su travelled to the plant. Defence Cabinet Secretary Aden Duale signed "
                    "a notice. Civil Aviation Minister Ram Naidu visited. NATO Secretary-General "
                    "Mark Rutte arrived. CIA Director William Burns met the National Assembly "
                    "President Ricardo Alarcon.")
    assert {name for name, (kind, _) in ents.items() if kind == "person"} == {
        "Sherry Rehman", "Julie Su", "Aden Duale", "Ram Naidu", "Mark Rutte", "William Burns",
        "Ricardo Alarcon"}
    assert not {"Climate Change", "Acting Labor", "Defence Cabinet", "Civil Aviation"} & set(ents)
    assert {"NATO", "CIA", "National Assembly"} <= set(ents)


def test_a_street_named_after_its_head_word_is_a_place():
    ents = entities("Gunmen attacked a house on Avenue Tshatshi before dawn. Protesters later "
                    "marched down Rue de Rivoli.")
    assert ents["Avenue Tshatshi"][0] == "place"
    assert ents["Rue de Rivoli"][0] == "place"


def test_a_numbered_front_is_a_unit():
    ents = entities("ELN fighters launched an offensive against the 33rd Front of the FARC "
                    "dissidents. Russia opened a second front in the north.")
    assert ents["33rd Front"][0] == "military_unit"
    assert "Front of the FARC" not in ents


def test_a_possessive_inside_a_place_name():
    ents = entities("Floods hit Hawke's Bay and Gisborne on Tuesday, and Hawke’s Bay lost power.")
    assert ents["Hawke's Bay"][0] == "place"
    assert "Bay" not in ents


def test_a_name_opened_by_an_acronym_is_no_persons():
    ents = entities("FTX Trading and FTX Digital Markets filed for bankruptcy on Friday, and MCI "
                    "Communications shares fell.")
    assert {name: kind for name, (kind, _) in ents.items()} == {
        "FTX Trading": "organization", "FTX Digital Markets": "organization",
        "MCI Communications": "organization"}
