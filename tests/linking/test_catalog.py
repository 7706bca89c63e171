"""The catalog index: scanning texts, looking names up, places inside places."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kg.errors import ConfigError
from kg.linking import AliasMatch, Catalog, CatalogEntry

from .catalog_data import (
    G_WASHINGTON,
    IZIUM,
    KHARKIV,
    MAY,
    NATO,
    OBLAST,
    PARIS_FR,
    PARIS_TX,
    POLICE_TOWN,
    TX,
    UA,
    US,
    WAGNER,
    WASHINGTON_DC,
    ZELENSKYY,
)


def found(matches: list[AliasMatch]) -> list[tuple[str, set[str]]]:
    return [(m.surface, {e.qid for e in m.entries}) for m in matches]


def test_scan_finds_names_with_offsets(catalog: Catalog) -> None:
    text = "Shelling hit Kharkiv and Izyum on Monday, officials in Kharkiv Oblast said."
    matches = catalog.scan(text)
    assert found(matches) == [("Kharkiv", {KHARKIV}), ("Izyum", {IZIUM}),
                              ("Kharkiv Oblast", {OBLAST})]
    for m in matches:
        assert text[m.start:m.end] == m.surface


def test_scan_normalises_spellings_possessives_and_scripts(catalog: Catalog) -> None:
    text = ("Kharkov's mayor met Zelenskiy. Ukraine’s president Zelenskyy spoke in Харків "
            "and Ізюм; the United States and the U.S. Army reacted.")
    got = found(catalog.scan(text))
    assert ("Kharkov", {KHARKIV}) in got
    assert ("Zelenskiy", {ZELENSKYY}) in got
    assert ("Zelenskyy", {ZELENSKYY}) in got
    assert ("Ukraine", {UA}) in got
    assert ("Харків", {KHARKIV}) in got
    assert ("Ізюм", {IZIUM}) in got
    assert ("United States", {US}) in got
    assert ("U.S.", {US}) in got


def test_scan_prefers_the_longest_name(catalog: Catalog) -> None:
    got = found(catalog.scan("He visited Kharkiv Oblast and met Volodymyr Zelensky there."))
    assert got == [("Kharkiv Oblast", {OBLAST}), ("Volodymyr Zelensky", {ZELENSKYY})]


@pytest.mark.parametrize("text", [
    "Let us know what you think.",
    "It may rain in May.",
    "May we come in?",
    "US officials",  # control: the acronym in capitals is found
])
def test_case_traps(catalog: Catalog, text: str) -> None:
    got = found(catalog.scan(text))
    if text.startswith("US "):
        assert got == [("US", {US})]
    else:
        assert got == []


def test_full_names_survive_the_traps(catalog: Catalog) -> None:
    got = found(catalog.scan("In May, Theresa May met NATO envoys. Nato said little."))
    assert got == [("Theresa May", {MAY}), ("NATO", {NATO}), ("Nato", {NATO})]


def test_common_word_at_sentence_start_is_not_a_name(catalog: Catalog) -> None:
    text = "Police said the police station in Police was damaged."
    got = catalog.scan(text)
    assert found(got) == [("Police", {POLICE_TOWN})]
    assert got[0].start == text.index("in Police") + 3


def test_word_boundaries(catalog: Catalog) -> None:
    assert found(catalog.scan("Parisian cafés and Kharkivites; NATOs and Texasville.")) == []


def test_lower_case_alias_matches_lower_case_text_only(catalog: Catalog) -> None:
    assert found(catalog.scan("The wagnerites left.")) == [("wagnerites", {WAGNER})]
    assert found(catalog.scan("Wagnerites left.")) == [("Wagnerites", {WAGNER})]
    assert found(catalog.scan("They met Wagnerites there.")) == []


def test_scan_gives_all_entries_of_an_ambiguous_name(catalog: Catalog) -> None:
    (m,) = catalog.scan("Paris")
    assert [e.qid for e in m.entries] == [PARIS_FR, PARIS_TX]  # most prominent first
    (m,) = catalog.scan("in Washington today")
    assert {e.qid for e in m.entries} == {G_WASHINGTON, WASHINGTON_DC}


def test_lookup_and_get(catalog: Catalog) -> None:
    assert [e.qid for e in catalog.lookup("kharkov")] == [KHARKIV]
    assert [e.qid for e in catalog.lookup("Washington", kind="person")] == [G_WASHINGTON]
    assert catalog.lookup("Paris", limit=1)[0].qid == PARIS_FR
    assert catalog.lookup("Nowhere at all") == []
    entry = catalog.get(KHARKIV)
    assert isinstance(entry, CatalogEntry)
    assert entry.labels["uk"] == "Харків" and entry.aliases["en"] == ("Kharkov",)
    assert (entry.lat, entry.lon, entry.country) == (49.99, 36.23, UA)
    assert catalog.get("Q999999999") is None


def test_ancestors_and_descendants(catalog: Catalog) -> None:
    assert catalog.ancestors(KHARKIV) == [UA, OBLAST] or \
        catalog.ancestors(KHARKIV) == [OBLAST, UA]
    assert set(catalog.ancestors(PARIS_TX)) == {TX, US}
    assert set(catalog.descendants(UA)) >= {OBLAST, KHARKIV, IZIUM, ZELENSKYY} - {ZELENSKYY}
    assert ZELENSKYY not in catalog.descendants(UA)  # a person's country is no located-in
    assert catalog.descendants(KHARKIV) == []


def test_located_in_cycles_terminate(tmp_path: Path) -> None:
    from .catalog_data import rec, write_jsonl
    a, b = "Q900000901", "Q900000902"
    src = write_jsonl(tmp_path / "c.jsonl", [rec(a, "place", "Aplace", located_in=[b]),
                                             rec(b, "place", "Bplace", located_in=[a])])
    cat = Catalog.from_jsonl(src, tmp_path / "c.sqlite")
    assert cat.ancestors(a) == [b]
    assert cat.descendants(a) == [b]


def test_open_rejects_missing_and_foreign_files(tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        Catalog.open(tmp_path / "absent.sqlite")
    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t(x)")
    conn.commit()
    conn.close()
    with pytest.raises(ConfigError):
        Catalog.open(other)
    text = tmp_path / "text.sqlite"
    text.write_text("not a database")
    with pytest.raises(ConfigError):
        Catalog.open(text)


def test_catalog_is_usable_from_threads(catalog: Catalog) -> None:
    import threading

    results = []

    def work() -> None:
        results.append([e.qid for e in catalog.lookup("Izium")])

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [[IZIUM]] * 4


def test_places_inside_longer_names_are_dropped(tmp_path: Path) -> None:
    from .catalog_data import rec, write_jsonl

    cat = Catalog.from_jsonl(write_jsonl(tmp_path / "c.jsonl", [
        rec("Q900000911", "place", "Moore", population=60_000),
        rec("Q900000912", "person", "Moore", description="a synthetic surname")]),
        tmp_path / "c.sqlite")
    (m,) = cat.scan("Photo by John Moore for the agency.")
    assert [e.qid for e in m.entries] == ["Q900000912"]  # the person stays, the town goes
    (m,) = cat.scan("They drove to Moore yesterday.")
    assert {e.qid for e in m.entries} == {"Q900000911", "Q900000912"}


def test_scan_extends_only_the_beginnings_of_longer_names(catalog: Catalog,
                                                          tmp_path: Path) -> None:
    """The index lists the keys that begin a longer key, and the scan stops an n-gram that
    begins none; an index without that list (an older one) finds the same names."""
    assert {"kharkiv", "united", "washington", "north", "north atlantic",
            "north atlantic treaty"} <= catalog._prefixes
    assert not {"oblast", "washington dc", "paris"} & catalog._prefixes
    assert "prefixes" not in catalog.meta  # the scanner's, not shown by `kg catalog info`
    old = tmp_path / "old.sqlite"
    conn = sqlite3.connect(old)
    sqlite3.connect(catalog.path).backup(conn)
    conn.execute("DELETE FROM meta WHERE key = 'prefixes'")
    conn.commit()
    conn.close()
    without = Catalog.open(old)
    assert without._prefixes is None
    text = ("Kharkiv Oblast officials, the United States and the North Atlantic Treaty "
            "Organization said Volodymyr Zelensky met John Smith in Washington, D.C. and in "
            "Kharkiv on Monday; the North Atlantic Wagner Group and US Wagner troops left.")
    got = found(catalog.scan(text))
    assert ("North Atlantic Treaty Organization", {NATO}) in got
    assert got == found(without.scan(text))
