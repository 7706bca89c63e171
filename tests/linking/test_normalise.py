"""Name keys, word shapes and the case policy."""

from __future__ import annotations

import pytest

from kg.linking.normalise import name_key, name_shape, shape_compatible, words


@pytest.mark.parametrize("a, b", [
    ("Izyum", "Izium"),
    ("Zelenskyy", "Zelenskiy"),
    ("Zelensky", "Zelenskyi"),
    ("Mykolaiv", "Mykolayiv"),
    ("Zaporizhzhia", "Zaporizhzhya"),
    ("Kharkiv's", "Kharkiv"),
    ("Ukraine’s", "Ukraine"),
    ("the United States", "United States"),
    ("U.S.", "US"),
    ("Khar'kov", "Kharkov"),
    ("Dnipró", "Dnipro"),
    ("Łódź", "Lodz"),
    ("KYIV", "kyiv"),
    ("Kryvyi-Rih", "Kryvyi Rih"),
    ("Trinidad & Tobago", "Trinidad and Tobago"),
])
def test_variants_share_a_key(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize("a, b", [
    ("Kyiv", "Kiev"),  # different spellings are aliases, not normalisation
    ("Paris", "Parisian"),
    ("Kharkiv", "Kharkiv Oblast"),
    ("Ukraine", "Ukrainian"),
])
def test_different_names_keep_different_keys(a: str, b: str) -> None:
    assert name_key(a) != name_key(b)


def test_the_alone_is_a_word_not_dropped() -> None:
    assert name_key("The") == "the"
    assert name_key("The Hague") == "hague"


@pytest.mark.parametrize("name, shape", [
    ("US", "U"), ("Us", "T"), ("us", "L"), ("1990", "N"), ("Bosnia and Herzegovina", "TLT"),
    ("Харків", "T"), ("НАТО", "U"), ("iPhone", "L"),
])
def test_shapes(name: str, shape: str) -> None:
    assert name_shape(name) == shape


@pytest.mark.parametrize("alias, surface, initial, letters, ok", [
    ("U", "U", False, (2,), True),      # US / US
    ("U", "L", False, (2,), False),     # US / us
    ("U", "L", True, (2,), False),      # US / us at the start of a sentence
    ("U", "T", False, (2,), False),     # US / Us
    ("U", "T", False, (4,), True),      # NATO / Nato
    ("T", "L", False, (3,), False),     # May / may
    ("T", "U", False, (3,), False),     # May / MAY
    ("T", "U", False, (5,), True),      # Kyiv headline: KHARKIV
    ("L", "T", False, (10,), False),    # lower-case alias, capitalised mid-sentence
    ("L", "T", True, (10,), True),      # ... at the start of a sentence
    ("TLT", "TTT", False, (6, 3, 11), True),  # "Bosnia And Herzegovina"
    ("TT", "TL", False, (7, 5), False),  # "Theresa may"
    ("TT", "T", False, (7,), False),
])
def test_case_policy(alias: str, surface: str, initial: bool, letters: tuple[int, ...],
                     ok: bool) -> None:
    assert shape_compatible(alias, surface, sentence_initial=initial,
                            alias_letters=letters) is ok


def test_words_mark_sentence_starts_and_phrase_breaks() -> None:
    ws = words('Police came. "Then" Kryvyi Rih, U.S. officials; Ukraine\'s army')
    by_text = {w.key: w for w in ws}
    assert by_text["police"].sentence_initial
    assert by_text["then"].sentence_initial
    assert not by_text["kryvy"].sentence_initial
    assert by_text["rih"].joins_previous
    assert not by_text["us"].joins_previous  # after a comma
    assert not by_text["officyals"].sentence_initial  # a dotted acronym's dot is no full stop
    ukraine = by_text["ukraine"]
    text = 'Police came. "Then" Kryvyi Rih, U.S. officials; Ukraine\'s army'
    assert text[ukraine.start:ukraine.end] == "Ukraine"
    us = by_text["us"]
    assert text[us.start:us.end] == "U.S."


def test_an_ampersand_between_words_is_the_word_and() -> None:
    """ "Trinidad & Tobago" scans like "Trinidad and Tobago"; the "and" spans the ampersand."""
    text = "Leaders of Trinidad & Tobago met"
    ws = words(text)
    assert [w.key for w in ws] == ["leaders", "of", "trinidad", "and", "tobago", "met"]
    amp = ws[3]
    assert text[amp.start:amp.end] == "&" and amp.joins_previous and ws[4].joins_previous
    assert [w.key for w in words("Johnson & Johnson, AT&T")] == \
        ["johnson", "and", "johnson", "at", "and", "t"]
