"""The linker: candidates, type compatibility, context, threshold, ambiguity, gazetteer."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import pytest

from kg.errors import InvalidInput
from kg.linking import Catalog, Gazetteer, LinkDecision, Linker, MentionToLink
from kg.model import LinkInfo

from .catalog_data import (
    FR,
    G_WASHINGTON,
    IZIUM,
    KHARKIV,
    PARIS_FR,
    PARIS_TX,
    REUTERS,
    SMITH_A,
    SMITH_B,
    TX,
    UA,
    US,
    WASHINGTON_DC,
    ZELENSKYY,
    rec,
    write_jsonl,
)

THRESHOLD = 0.75


def mention(surface: str, kind: str) -> MentionToLink:
    return MentionToLink(surface=surface, kind=kind, start=0, end=len(surface))


def decide(linker: Linker, kind: str, *surfaces: str, context: tuple[str, ...] = ()
           ) -> LinkDecision:
    decisions = linker.link([mention(s, kind) for s in surfaces], context_qids=context)
    assert len(decisions) == len(surfaces)
    assert all(d == decisions[0] for d in decisions)
    return decisions[0]


@pytest.fixture
def linker(catalog: Catalog) -> Linker:
    return Linker(catalog, threshold=THRESHOLD)


def test_unique_name_links(linker: Linker) -> None:
    d = decide(linker, "place", "Kharkiv")
    assert d.entry is not None and d.entry.qid == KHARKIV
    info = d.info
    assert (info.status, info.source, info.threshold) == ("linked", "catalog", THRESHOLD)
    assert info.method == "catalog-alias"
    assert info.confidence == 1.0
    assert info.candidates[0]["qid"] == KHARKIV and info.candidates[0]["score"] == 1.0
    assert info.candidates[0]["lat"] == 49.99
    LinkInfo.from_dict(asdict(info), "link")  # the shared model accepts it


def test_alias_and_normalised_spellings_score_lower_but_link(linker: Linker) -> None:
    alias = decide(linker, "place", "Kharkov").info
    folded = decide(linker, "place", "KHARKIV").info
    assert alias.status == folded.status == "linked"
    assert alias.candidates[0]["name"] == 0.95
    assert decide(linker, "place", "Izyum").entry.qid == IZIUM


def test_all_spellings_of_one_entity(linker: Linker) -> None:
    d = decide(linker, "person", "Volodymyr Zelenskyy", "Zelensky", "Zelenskiy")
    assert d.entry.qid == ZELENSKYY and d.info.status == "linked"


def test_a_person_is_not_a_city(linker: Linker) -> None:
    d = decide(linker, "person", "Kharkiv")
    assert (d.entry, d.info.status, d.info.candidates) == (None, "unlinked", [])


def test_type_decides_between_homonyms(linker: Linker) -> None:
    assert decide(linker, "person", "Washington").entry.qid == G_WASHINGTON
    assert decide(linker, "place", "Washington").entry.qid == WASHINGTON_DC


def test_compatible_kinds_are_penalised(linker: Linker) -> None:
    d = decide(linker, "organization", "Reuters")  # a media outlet mentioned as organisation
    assert d.info.candidates[0]["qid"] == REUTERS and d.info.candidates[0]["type"] == 0.8
    assert d.info.status == "linked"
    d = decide(linker, "organization", "Ukraine")  # a country as an actor: not linked
    assert d.info.status == "unlinked" and d.info.candidates[0]["type"] == 0.5


def test_same_name_without_context_is_ambiguous(linker: Linker) -> None:
    d = decide(linker, "place", "Paris")
    assert d.entry is None and d.info.status == "ambiguous"
    assert [c["qid"] for c in d.info.candidates] == [PARIS_FR, PARIS_TX]
    assert d.info.confidence < THRESHOLD


def test_context_resolves_homonyms(linker: Linker) -> None:
    assert decide(linker, "place", "Paris", context=(FR,)).entry.qid == PARIS_FR
    d = decide(linker, "place", "Paris", context=(US, TX))
    assert d.entry.qid == PARIS_TX
    assert d.info.method == "catalog-alias+context"
    assert d.info.candidates[0]["context"] == 1.0


def test_people_of_the_same_name_stay_ambiguous(linker: Linker) -> None:
    d = decide(linker, "person", "John Smith")
    assert d.info.status == "ambiguous" and d.entry is None
    assert {c["qid"] for c in d.info.candidates} == {SMITH_A, SMITH_B}


def test_unknown_name(linker: Linker) -> None:
    d = decide(linker, "person", "Nobody Atall")
    assert (d.entry, d.info.status, d.info.confidence, d.info.candidates) == (
        None, "unlinked", None, [])


def test_threshold_decides(catalog: Catalog) -> None:
    strict = Linker(catalog, threshold=0.97)
    d = decide(strict, "place", "Kharkov")  # an alias: score 0.95
    assert d.info.status == "unlinked" and d.info.confidence == 0.95 and d.entry is None
    assert decide(strict, "place", "Kharkiv").info.status == "linked"  # a label: 1.0
    with pytest.raises(InvalidInput):
        Linker(catalog, threshold=1.5)


def test_case_trap_in_linking(linker: Linker) -> None:
    assert decide(linker, "place", "us").info.status == "unlinked"
    assert decide(linker, "place", "US").entry.qid == US


def test_bad_kind_is_refused(linker: Linker) -> None:
    with pytest.raises(InvalidInput):
        linker.link([mention("Kharkiv", "city")])
    assert linker.link([]) == []


# -- gazetteer ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def test_place_known_only_to_the_gazetteer(catalog: Catalog, gaz: Gazetteer) -> None:
    linker = Linker(catalog, threshold=THRESHOLD, gazetteer=gaz)
    d = decide(linker, "place", "Lozova")
    assert d.entry is None and d.info.status == "unlinked"
    assert (d.info.method, d.info.source) == ("gazetteer", "geonames")
    expected = gaz.lookup("Lozova")[0]
    assert d.place == expected and d.place.country_code == "UA"
    assert d.place.lat is not None


def test_linked_place_carries_its_gazetteer_place(tmp_path: Path, gaz: Gazetteer) -> None:
    kharkiv = gaz.lookup("Kharkiv")[0]
    cat = Catalog.from_jsonl(write_jsonl(tmp_path / "c.jsonl", [
        rec(KHARKIV, "place", "Kharkiv", geonames=kharkiv.geonames)]), tmp_path / "c.sqlite")
    d = decide(Linker(cat, threshold=THRESHOLD, gazetteer=gaz), "place", "Kharkiv")
    assert d.entry.qid == KHARKIV and d.place == kharkiv


def test_geonames_id_bridges_a_spelling_the_catalog_lacks(tmp_path: Path,
                                                          gaz: Gazetteer) -> None:
    kharkiv = gaz.lookup("Kharkiv")[0]
    assert gaz.lookup("Charkiw")[0] == kharkiv  # a spelling only GeoNames has
    cat = Catalog.from_jsonl(write_jsonl(tmp_path / "c.jsonl", [
        rec(KHARKIV, "place", "Kharkiv", geonames=kharkiv.geonames)]), tmp_path / "c.sqlite")
    d = decide(Linker(cat, threshold=THRESHOLD, gazetteer=gaz), "place", "Charkiw")
    assert d.entry.qid == KHARKIV and d.info.method == "gazetteer-geonames"
    assert d.info.status == "linked" and d.place == kharkiv


def test_a_short_name_bridges_only_with_its_country_named(tmp_path: Path,
                                                          gaz: Gazetteer) -> None:
    """ "Tana" is one of Antananarivo's names in GeoNames, and a village elsewhere: a name of
    four letters bridges to the catalog only when the article names the place's country."""
    tana = gaz.lookup("Tana")[0]
    madagascar = "Q900000099"
    cat = Catalog.from_jsonl(write_jsonl(tmp_path / "c.jsonl", [
        rec("Q900000098", "place", "Antananarivo", geonames=tana.geonames,
            country=madagascar)]), tmp_path / "c.sqlite")
    linker = Linker(cat, threshold=THRESHOLD, gazetteer=gaz)
    assert decide(linker, "place", "Tana").entry is None
    d = decide(linker, "place", "Tana", context=(madagascar,))
    assert d.entry.qid == "Q900000098" and d.info.method == "gazetteer-geonames"


def test_a_city_of_the_same_name_near_the_articles_places_blocks_a_far_link(
        tmp_path: Path, gaz: Gazetteer) -> None:
    """ "St Petersburg" beside "Florida": the catalog's Russian city lies far from every
    place of the article, a city of that name lies near one of them, so no link; beside
    "Estonia" the Russian city is meant."""
    russian = next(p for p in gaz.lookup("St Petersburg") if p.country_code == "RU")
    cat = Catalog.from_jsonl(write_jsonl(tmp_path / "c.jsonl", [
        rec("Q900000090", "place", "Saint Petersburg", aliases=["St Petersburg"],
            geonames=russian.geonames, lat=russian.lat, lon=russian.lon),
        rec("Q900000091", "place", "Florida", lat=28.75, lon=-82.5),
        rec("Q900000092", "place", "Estonia", lat=58.6, lon=25.0)]), tmp_path / "c.sqlite")
    linker = Linker(cat, threshold=THRESHOLD, gazetteer=gaz)
    d = decide(linker, "place", "St Petersburg", context=("Q900000091",))
    assert d.entry is None and d.place is not None and d.place.country_code == "US"
    d = decide(linker, "place", "St Petersburg", context=("Q900000092",))
    assert d.entry.qid == "Q900000090"


def test_gazetteer_homonyms_need_context(tmp_path: Path, gaz: Gazetteer) -> None:
    donetsk = gaz.lookup("Donetsk")
    assert {p.country_code for p in donetsk} >= {"UA", "RU"}
    ukraine = [p for p in gaz.lookup("Ukraine") if p.feature == "country"][0]
    cat = Catalog.from_jsonl(write_jsonl(tmp_path / "c.jsonl", [
        rec(UA, "place", "Ukraine", geonames=ukraine.geonames),
        rec(KHARKIV, "place", "Kharkiv", country=UA)]), tmp_path / "c.sqlite")
    linker = Linker(cat, threshold=THRESHOLD, gazetteer=gaz)
    alone = decide(linker, "place", "Donetsk")
    assert alone.place is None and len(alone.place_candidates) >= 2
    in_context = decide(linker, "place", "Donetsk", context=(KHARKIV,))
    assert in_context.place is not None and in_context.place.country_code == "UA"
    assert in_context.entry is None  # GeoNames only: no Wikidata link


def test_persons_do_not_consult_the_gazetteer(catalog: Catalog, gaz: Gazetteer) -> None:
    d = decide(Linker(catalog, threshold=THRESHOLD, gazetteer=gaz), "person", "Lozova")
    assert d.place is None and d.place_candidates == ()


def test_the_bridge_refuses_translations_and_the_first_word_of_a_city(tmp_path: Path,
                                                                      gaz: Gazetteer) -> None:
    """GeoNames counts "White House" among Casablanca's names (a translation, two words
    spelling nothing like it), and "Gaza" is the name of Gaza City's GeoNames record: neither
    bridges to the catalog's city (news means a building and the Strip)."""
    casablanca = next(p for p in gaz.lookup("White House") if p.name == "Casablanca")
    gaza = next(p for p in gaz.lookup("Gaza") if p.feature == "city")
    cat = Catalog.from_jsonl(write_jsonl(tmp_path / "c.jsonl", [
        rec("Q7903", "place", "Casablanca", geonames=casablanca.geonames),
        rec("Q47492", "place", "Gaza City", geonames=gaza.geonames)]), tmp_path / "c.sqlite")
    linker = Linker(cat, threshold=THRESHOLD, gazetteer=gaz)
    for name in ("White House", "Gaza"):
        d = decide(linker, "place", name)
        assert d.info.status != "linked" and d.entry is None, name
    assert decide(linker, "place", "Casablanca").entry.qid == "Q7903"
    assert decide(linker, "place", "Gaza City").entry.qid == "Q47492"
