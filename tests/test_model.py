"""The JSON model refuses malformed documents with a message naming the field."""

from __future__ import annotations

import pytest

from kg.errors import InvalidInput
from kg.model import AnalysedArticle, Article, derive_article_id
from tests.fixtures.articles import storm_article


def test_round_trip():
    doc = AnalysedArticle.from_dict(storm_article())
    again = AnalysedArticle.from_dict(doc.to_dict())
    assert again.to_dict() == doc.to_dict()
    assert doc.annotated and len(doc.events) == 3


@pytest.mark.parametrize("mutate, fragment", [
    (lambda d: d["article"].pop("text"), "article.text: is required"),
    (lambda d: d["article"].update(published="16/05/2022"), "not an ISO 8601"),
    (lambda d: d["article"].update(url="http://a b"), "article.url"),
    (lambda d: d["article"].update(id="../etc/passwd"), "article.id"),
    (lambda d: d["events"][0].update(type="Picnic"), "events[0].type: must be one of"),
    (lambda d: d["events"][0].update(fatalities=-1), "non-negative"),
    (lambda d: d["events"][0].update(fatalities=True), "not a boolean"),
    (lambda d: d["events"][0]["trigger"].update(end=10**6), "offsets"),
    (lambda d: d["events"][0].update(places=["nope"]), "unknown entity"),
    (lambda d: d["entities"][0].update(wikidata="Q0x"), "Q-id"),
    (lambda d: d["entities"][0].update(lat=120.0), "out of range"),
    (lambda d: d["events"][0]["time"].update(earliest="2023-10-12", latest="2023-10-01"),
     "must not be after latest"),
    (lambda d: d["mentions"].append({"entity": "e1", "start": 5, "end": 2}), "offsets"),
    (lambda d: d["events"].append(dict(d["events"][0])), "unique"),
])
def test_invalid_documents(mutate, fragment):
    doc = storm_article()
    mutate(doc)
    with pytest.raises(InvalidInput) as exc:
        AnalysedArticle.from_dict(doc)
    assert fragment in exc.value.message


def test_article_id_is_stable_and_derived_from_url_or_content():
    a = Article(text="x", url="https://news.example/a")
    assert a.id == derive_article_id("https://news.example/a", None, "x")
    assert Article(text="body", title="t").id == Article(text="body", title="t").id
    assert Article(text="body", title="t").id != Article(text="body2", title="t").id


def test_text_is_normalised_so_offsets_are_stable():
    a = Article(text="line one\r\nline two", title="t")
    assert a.text == "line one\nline two"
