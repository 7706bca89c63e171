"""The public entry point: contract, determinism, bad input, adapters, deduplication."""

import json
from datetime import date
from types import SimpleNamespace

import pytest

from extract.helpers import FakeGazetteer, analyse, events_of, places, trigger
from kg.extract import analyse_article
from kg.model import AnalysedArticle, Article

STORY = """Rebels Shell Border Town, Killing Three

Rebel artillery shelled the border town of Kadugli on Monday, killing three civilians and \
wounding eight, the regional governor Musa Adam said.

"The shells fell on the market," Adam told reporters. The army said it would send \
reinforcements, and the United Nations called for a ceasefire.

The shelling was the worst since the rebels withdrew from the town in March."""


def test_contract_ids_order_and_check():
    doc = analyse(STORY)
    assert [e.id for e in doc.events] == [f"ev{i}" for i in range(1, len(doc.events) + 1)]
    assert [e.trigger_start for e in doc.events] == sorted(e.trigger_start for e in doc.events)
    assert all(e.id.startswith("e") for e in doc.entities)
    assert doc.sentences and doc.sentences[0].start == 0
    assert doc.extractor.startswith("kg.extract/")
    doc.check()
    again = AnalysedArticle.from_dict(json.loads(json.dumps(doc.to_dict())))
    assert [e.type for e in again.events] == [e.type for e in doc.events]


def test_deterministic_output():
    a = analyse(STORY).to_dict()
    b = analyse(STORY).to_dict()
    assert a == b


def test_headline_and_body_mentions_are_one_event():
    doc = analyse(STORY)
    shelling = events_of(doc, "ShellingMissileAttack")
    assert len(shelling) == 1  # headline, body and "the shelling" later
    ev = shelling[0]
    assert (ev.fatalities, ev.injured) == (3, 8)
    assert places(doc, ev) == ["Kadugli"]
    assert ev.modality == "claimed" and doc.entity(ev.according_to).label == "Musa Adam"
    assert trigger(doc, ev) == "shelled"  # the best-evidenced mention is kept


def test_different_places_stay_different_events():
    doc = analyse("A missile hit Kramatorsk on Monday. Another missile struck Sloviansk on "
                  "Tuesday.", gazetteer=FakeGazetteer("Kramatorsk", "Sloviansk"))
    assert len(events_of(doc, "ShellingMissileAttack")) == 2


def test_statement_quote_and_plans():
    doc = analyse(STORY)
    (st,) = [e for e in events_of(doc, "Statement") if e.quote]
    assert st.quote == "The shells fell on the market"
    assert doc.entity(st.participants[0].entity).label == "Musa Adam"
    (truce,) = events_of(doc, "Ceasefire")
    assert truce.modality == "planned"  # "called for a ceasefire"
    assert truce.time.earliest == doc.article.published and truce.time.latest is None


@pytest.mark.parametrize("text", [
    "", "   \n\n  ",
    "\x00\x01\x02binary\x03\x04\x05\x06\x07\x08 garbage \x0e\x0f\x10\x11\x12\x13\x14",
    "%%%% #### @@@@ 1234 5678 ^^^^ &&&& **** (((( )))) //// \\\\ ==== ++++ ~~~~",
    "Die Rebellen haben am Montag die Stadt beschossen und dabei drei Zivilisten getötet, "
    "teilte der Gouverneur mit. Die Armee kündigte Verstärkung an.",
    "Повстанцы обстреляли пограничный город в понедельник, погибли три мирных жителя.",
])
def test_bad_input_gives_no_events_and_a_warning(text):
    doc = analyse_article(Article(text=text, published=date(2024, 1, 1)))
    assert doc.events == [] and doc.entities == []
    assert doc.warnings
    doc.check()


def test_declared_language_other_than_english():
    doc = analyse_article(Article(text=STORY, language="fr", published=date(2024, 1, 1)))
    assert doc.events == [] and "not supported" in doc.warnings[0]


def test_no_publication_date_and_no_dates_in_text():
    doc = analyse_article(Article(text="Rebels shelled the town, killing two people."))
    (ev,) = doc.events
    assert ev.time.basis == "unknown" and not ev.time.resolved
    assert doc.article.published is None
    assert any("publication date" in w or "temporal" in w for w in doc.warnings)


class _BrokenAdapter:
    def scan(self, text):
        raise RuntimeError("boom")

    def link(self, mentions, *, context_qids=()):
        raise RuntimeError("boom")


def test_failing_adapters_are_reported_not_fatal():
    doc = analyse(STORY, catalog=_BrokenAdapter(), gazetteer=_BrokenAdapter(),
                  linker=_BrokenAdapter())
    assert any("catalog scan failed" in w for w in doc.warnings)
    assert any("gazetteer scan failed" in w for w in doc.warnings)
    assert any("linking failed" in w for w in doc.warnings)
    assert events_of(doc, "ShellingMissileAttack")
    assert all(e.link.status == "unlinked" and e.wikidata is None for e in doc.entities)


class _Catalog:
    """A catalog adapter knowing one organisation (no Wikidata ids involved)."""

    def scan(self, text):
        entry = SimpleNamespace(qid="", kind="organization", label="United Nations")
        start = text.find("United Nations")
        return [SimpleNamespace(start=start, end=start + 14, surface="United Nations",
                                entries=(entry,))] if start >= 0 else []


def test_gazetteer_places_get_coordinates_without_a_linker():
    doc = analyse(STORY, gazetteer=FakeGazetteer("Kadugli"), catalog=_Catalog())
    town = next(e for e in doc.entities if e.label == "Kadugli")
    assert (town.kind, town.geonames, town.lat, town.lon) == ("place", 1001, 50.0, 36.0)
    assert town.link.status == "unlinked" and town.wikidata is None
    un = next(e for e in doc.entities if e.label == "United Nations")
    assert un.kind == "organization"


def test_speed_sanity_on_a_long_article():
    text = "\n\n".join([STORY] * 20)
    doc = analyse(text)
    assert len(doc.sentences) >= 100


def test_publication_date_inferred_from_the_text():
    pytest.importorskip("kg.temporal", reason="kg.temporal infers publication dates")
    doc = analyse_article(Article(
        text="Floods hit the town\n\nMarch 3, 2024 - Floods swept through the town of Kalam "
             "on Sunday, killing four people."))
    assert (doc.article.published, doc.article.published_status) == (date(2024, 3, 3),
                                                                      "inferred")
    assert any("inferred" in w for w in doc.warnings)
    (flood,) = events_of(doc, "Flood")
    assert (flood.time.value, flood.time.basis, flood.fatalities) == ("2024-03-03",
                                                                      "expression", 4)


def test_anchors_given_or_stated_in_the_text():
    pytest.importorskip("kg.temporal", reason="kg.temporal resolves anchored expressions")
    text = "The city of Kharkiv had faced massive bombardment from the early days of the war."
    unanchored = analyse(text, published=date(2022, 5, 13))
    (ev,) = unanchored.events
    assert ev.time.basis == "publication"  # "the early days of the war": no date to give
    anchored = analyse(text, published=date(2022, 5, 13), anchors={"war": date(2022, 2, 24)})
    (ev,) = anchored.events
    assert ev.time.basis == "expression" and ev.time.earliest == date(2022, 2, 24)
    stated = analyse("Kharkiv has been hit hard since the start of the invasion on February "
                     "24. The city faced heavy shelling in the early days of the war.",
                     published=date(2022, 5, 13))
    shelling = events_of(stated, "ShellingMissileAttack")[0]
    assert shelling.time.earliest == date(2022, 2, 24)
