"""Small helpers shared by the extraction tests."""

from __future__ import annotations

from datetime import date

from kg.extract import analyse_article
from kg.model import AnalysedArticle, Article, Event


def analyse(text: str, published: date | None = date(2024, 3, 14), **kw) -> AnalysedArticle:
    doc = analyse_article(Article(text=text, published=published), **kw)
    doc.check()
    return doc


def trigger(doc: AnalysedArticle, ev: Event) -> str:
    return doc.article.text[ev.trigger_start:ev.trigger_end]


def events_of(doc: AnalysedArticle, etype: str) -> list[Event]:
    return [e for e in doc.events if e.type == etype]


def entity_label(doc: AnalysedArticle, entity_id: str | None) -> str | None:
    return doc.entity(entity_id).label if entity_id else None


def role(doc: AnalysedArticle, ev: Event, name: str) -> list[str]:
    return [doc.entity(p.entity).label for p in ev.participants if p.role == name]


def places(doc: AnalysedArticle, ev: Event) -> list[str]:
    return [doc.entity(p).label for p in ev.places]


class FakeGazetteer:
    """A gazetteer adapter over a fixed list of names (the protocol of kg.linking)."""

    def __init__(self, *names: str) -> None:
        self.names = names

    def scan(self, text: str):
        import re
        from types import SimpleNamespace

        out = []
        for n, name in enumerate(self.names, 1):
            for m in re.finditer(rf"\b{re.escape(name)}\b", text):
                place = SimpleNamespace(geonames=1000 + n, name=name, country_code="XX",
                                        lat=50.0, lon=36.0, population=1000, feature="PPL",
                                        admin1=None)
                out.append(SimpleNamespace(start=m.start(), end=m.end(), surface=name,
                                           places=(place,)))
        return sorted(out, key=lambda m: m.start)
