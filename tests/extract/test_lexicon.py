"""The shipped lexicon files and the inflection rules that expand them."""

from kg.extract.inflection import noun_forms, phrase_forms, verb_forms
from kg.extract.lexicon import load_lexicon
from kg.model import EVENT_TYPES


def test_lexicon_loads_and_uses_only_model_event_types():
    lex = load_lexicon()
    types = {entry.type for items in lex.triggers.values() for _, entry, _ in items}
    assert types <= set(EVENT_TYPES)
    assert len(types) >= 30  # broad coverage: wars, disasters, politics, accidents


def test_regular_and_irregular_verb_forms():
    irregular = load_lexicon().irregular
    assert {"attack", "attacks", "attacked", "attacking"} <= verb_forms("attack", irregular)
    assert {"hit", "hits", "hitting"} <= verb_forms("hit", irregular)
    assert {"won", "winning", "wins"} <= verb_forms("win", irregular)
    assert {"withdrew", "withdrawn", "withdrawing"} <= verb_forms("withdraw", irregular)
    assert {"died", "dies", "dying"} <= verb_forms("die")
    assert {"shelled", "shelling"} <= verb_forms("shell")
    assert {"evacuated", "evacuating"} <= verb_forms("evacuate")


def test_noun_plurals_and_phrases():
    assert noun_forms("casualty") == {"casualty", "casualties"}
    assert noun_forms("strike") == {"strike", "strikes"}
    assert ("missile", "strikes") in phrase_forms("missile strike", "n")
    assert ("pulled", "back") in phrase_forms("pull back", "v", load_lexicon().irregular)


def test_inflected_forms_reach_the_trigger_index():
    lex = load_lexicon()
    for word in ("shelled", "airstrikes", "evacuated", "withdrew", "resigned", "quakes"):
        assert word in lex.triggers, word


def test_demonyms_and_capitals():
    lex = load_lexicon()
    assert lex.demonyms["ukrainian"].name == "Ukraine"
    assert lex.demonyms["russian"].forces == "Russian Armed Forces"
    assert lex.capitals["kyiv"].code == "UA"
    assert lex.country_names["sudan"].code == "SD"
