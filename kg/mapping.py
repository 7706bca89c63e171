"""Map an :class:`~kg.model.AnalysedArticle` to the article's RDF graph under the ontology.

Pure: no store, no network. All nodes are IRIs minted from stable keys (no blank nodes), so the
same input gives the same graph. The graph's name in the store is the article's IRI.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, time, timezone
from decimal import Decimal

from rdflib import Graph, Literal, URIRef

from .iris import IRIs
from .model import AnalysedArticle, Entity, Event, Sentence, TimeSpec
from .namespaces import GEO, GEONAMES, OWL, PROV, RDF, RDFS, SCHEMA, SEM, SKOS, TL, WD, XSD

_PRECISION = {
    "second": TL.Second, "minute": TL.Minute, "hour": TL.Hour, "part_of_day": TL.PartOfDay,
    "day": TL.Day, "week": TL.Week, "month": TL.Month, "season": TL.Season,
    "quarter": TL.Quarter, "half_year": TL.HalfYear, "year": TL.Year, "decade": TL.Decade,
    "century": TL.Century, "unknown": TL.UnknownPrecision,
}
_MODALITY = {m: TL[m.capitalize()] for m in ("asserted", "claimed", "hedged", "negated",
                                              "planned")}
_ROLE = {"agent": TL.AgentRole, "target": TL.TargetRole, "affected": TL.AffectedRole,
         "speaker": TL.SpeakerRole, "addressee": TL.AddresseeRole,
         "beneficiary": TL.BeneficiaryRole, "participant": TL.ParticipantRole}
_BASIS = {"expression": TL.FromExpression, "sentence": TL.FromSentence,
          "paragraph": TL.FromParagraph, "publication": TL.BeforePublication,
          "unknown": TL.UnknownTime}
_LINK_STATUS = {"linked": TL.Linked, "unlinked": TL.Unlinked, "ambiguous": TL.Ambiguous}
_PUBLICATION = {"known": TL.PublicationKnown, "inferred": TL.PublicationInferred,
                "unknown": TL.PublicationUnknown}
_KIND_CLASSES = {
    "person": (TL.Person, TL.Agent),
    "organization": (TL.Organization, TL.Agent),
    "military_unit": (TL.MilitaryUnit, TL.Organization, TL.Agent),
    "media": (TL.MediaOrganization, TL.Organization, TL.Agent),
    "group": (TL.Group, TL.Agent),
    "place": (TL.Place,),
}
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+|\n+")

PRECISION_CONCEPTS = _PRECISION
EVENT_TYPE = TL  # event type concepts are TL[<local name>]


def map_article(doc: AnalysedArticle, base_iri: str) -> Graph:
    """The article's graph: article, evidence sentences, mentions, time expressions, entities
    with their link assessments, and events."""
    g = Graph()
    add = g.add
    iris = IRIs(base_iri)
    art = doc.article
    a = URIRef(iris.article(art.id))
    text = art.text

    add((a, RDF.type, TL.NewsArticle))
    if art.title:
        add((a, SCHEMA.headline, Literal(art.title)))
    if art.url:
        add((a, SCHEMA.url, URIRef(art.url)))
    if art.published is not None:
        add((a, SCHEMA.datePublished, _temporal_literal(art.published)))
    add((a, TL.publicationStatus, _PUBLICATION[art.published_status]))
    if art.publisher:
        add((a, TL.publisherName, Literal(art.publisher)))
    if art.language:
        add((a, SCHEMA.inLanguage, Literal(art.language)))
    add((a, TL.textHash, Literal(art.text_hash)))
    add((a, TL.text, Literal(text)))

    run = URIRef(f"{a}#run")
    add((run, RDF.type, TL.ExtractionRun))
    add((run, RDFS.label, Literal(f"extraction of {art.id}")))
    add((run, PROV.used, a))
    add((run, TL.extractor, Literal(doc.extractor)))

    # entities ---------------------------------------------------------------------------------
    entity_iri: dict[str, URIRef] = {}
    for ent in doc.entities:
        e = URIRef(iris.entity(ent.kind, ent.label, ent.wikidata if ent.link.status == "linked"
                               else None))
        entity_iri[ent.id] = e
        _map_entity(g, ent, e, a)

    for m in doc.mentions:
        node = URIRef(f"{a}#m{m.start}-{m.end}")
        _span(g, node, a, m.start, m.end, text, TL.Mention)
        add((node, TL.denotes, entity_iri[m.entity]))
        add((node, TL.rule, Literal(m.rule)))
        add((node, TL.confidence, _decimal(m.confidence)))

    for t in doc.timexes:
        if t.start is not None and t.end is not None:
            _map_timex(g, t, a, text)

    # events ----------------------------------------------------------------------------------
    sentences = doc.sentences
    event_iri = {ev.id: URIRef(iris.event(art.id, ev.type, ev.trigger_start, ev.trigger_end))
                 for ev in doc.events}
    mapped_sentences: set[int] = set()
    for ev in doc.events:
        e = event_iri[ev.id]
        sent = _sentence_for(ev, sentences, text)
        s_node = URIRef(f"{a}#s{sent.index}")
        if sent.index not in mapped_sentences:
            mapped_sentences.add(sent.index)
            _span(g, s_node, a, sent.start, sent.end, text, TL.Sentence)
            add((s_node, TL.sentenceIndex, Literal(sent.index)))
            add((s_node, TL.paragraphIndex, Literal(sent.paragraph)))
        _map_event(g, ev, e, a, run, s_node, text, entity_iri, event_iri)
    return g


def _map_entity(g: Graph, ent: Entity, e: URIRef, a: URIRef) -> None:
    add = g.add
    for cls in _KIND_CLASSES[ent.kind]:
        add((e, RDF.type, cls))
    add((e, RDFS.label, Literal(ent.label)))
    add((e, TL.kind, Literal(ent.kind)))
    for alias in ent.aliases:
        if alias != ent.label:
            add((e, SKOS.altLabel, Literal(alias)))
    if ent.description:
        add((e, SCHEMA.description, Literal(ent.description)))
    link = ent.link
    if link.status == "linked" and ent.wikidata:
        add((e, OWL.sameAs, WD[ent.wikidata]))
    if ent.country:
        add((e, TL.country, WD[ent.country]))
    if ent.kind == "place":
        if ent.lat is not None and ent.lon is not None:
            add((e, GEO.lat, _decimal(ent.lat, 6)))
            add((e, GEO.long, _decimal(ent.lon, 6)))
        if ent.geonames:
            add((e, TL.geonames, URIRef(f"{GEONAMES}{ent.geonames}/")))
    node = URIRef(f"{a}#link-{ent.id}")
    add((e, TL.linkAssessment, node))
    add((node, RDF.type, TL.LinkAssessment))
    add((node, PROV.wasDerivedFrom, a))
    add((node, TL.linkStatus, _LINK_STATUS[link.status]))
    if link.confidence is not None:
        add((node, TL.confidence, _decimal(link.confidence)))
    if link.threshold is not None:
        add((node, TL.threshold, _decimal(link.threshold)))
    if link.method:
        add((node, TL.linkMethod, Literal(link.method)))
    if link.source:
        add((node, TL.linkSource, Literal(link.source)))
    for i, cand in enumerate(link.candidates[:5], start=1):
        c = URIRef(f"{node}-c{i}")
        add((node, TL.candidate, c))
        add((c, RDF.type, TL.Candidate))
        add((c, TL.item, WD[cand["qid"]]))
        add((c, TL.score, _decimal(min(max(float(cand["score"]), 0.0), 1.0))))


def _map_event(g: Graph, ev: Event, e: URIRef, a: URIRef, run: URIRef, s_node: URIRef,
               text: str, entity_iri: dict[str, URIRef], event_iri: dict[str, URIRef]) -> None:
    add = g.add
    add((e, RDF.type, TL.Event))
    add((e, TL.eventType, TL[ev.type]))
    add((e, RDFS.label, Literal(ev.label or _default_label(ev, text))))
    add((e, PROV.wasDerivedFrom, a))
    add((e, PROV.wasGeneratedBy, run))
    _map_time(g, e, ev.time)
    if ev.time.start is not None and ev.time.end is not None and ev.time.basis in (
            "expression", "sentence", "paragraph"):
        t_node = URIRef(f"{a}#t{ev.time.start}-{ev.time.end}")
        if (t_node, RDF.type, TL.TimeExpression) not in g:
            _map_timex(g, ev.time, a, text)
        add((e, TL.timeExpression, t_node))
    for place in ev.places:
        add((e, SEM.hasPlace, entity_iri[place]))
    for i, part in enumerate(ev.participants, start=1):
        actor = entity_iri[part.entity]
        node = URIRef(f"{e}#p{i}")
        add((e, TL.hasParticipant, actor))
        add((e, TL.participation, node))
        add((node, RDF.type, TL.Participation))
        add((node, RDF.value, actor))
        add((node, SEM.roleType, _ROLE[part.role]))
    if ev.fatalities is not None:
        add((e, TL.fatalities, Literal(ev.fatalities, datatype=XSD.integer)))
    if ev.injured is not None:
        add((e, TL.injured, Literal(ev.injured, datatype=XSD.integer)))
    add((e, TL.modality, _MODALITY[ev.modality]))
    if ev.according_to:
        add((e, TL.accordingTo, entity_iri[ev.according_to]))
    if ev.quote:
        add((e, TL.quote, Literal(ev.quote)))
    if ev.part_of:
        add((e, TL.partOf, event_iri[ev.part_of]))
    trig = URIRef(f"{a}#e{ev.trigger_start}-{ev.trigger_end}")
    _span(g, trig, a, ev.trigger_start, ev.trigger_end, text, TL.Mention)
    add((e, TL.trigger, trig))
    add((e, TL.sentence, s_node))
    add((e, TL.rule, Literal(ev.rule)))
    add((e, TL.confidence, _decimal(ev.confidence)))


def _map_time(g: Graph, node: URIRef, t: TimeSpec) -> None:
    add = g.add
    earliest, latest = _bounds(t.earliest, t.latest)
    if earliest is not None:
        add((node, TL.earliest, earliest))
    if latest is not None:
        add((node, TL.latest, latest))
    add((node, TL.precision, _PRECISION[t.precision]))
    add((node, TL.timeBasis, _BASIS[t.basis]))
    if t.edtf:
        add((node, TL.edtf, Literal(t.edtf)))
    if t.text:
        add((node, TL.timeText, Literal(t.text)))


def _map_timex(g: Graph, t: TimeSpec, a: URIRef, text: str) -> None:
    add = g.add
    node = URIRef(f"{a}#t{t.start}-{t.end}")
    _span(g, node, a, t.start, t.end, text, TL.Mention)
    add((node, RDF.type, TL.TimeExpression))
    add((node, TL.timemlValue, Literal(t.value or "XXXX-XX-XX")))
    add((node, TL.timemlType, Literal(t.type)))
    if t.mod:
        add((node, TL.timemlMod, Literal(t.mod)))
    add((node, TL.precision, _PRECISION[t.precision]))
    earliest, latest = _bounds(t.earliest, t.latest)
    if earliest is not None:
        add((node, TL.earliest, earliest))
    if latest is not None:
        add((node, TL.latest, latest))
    if t.edtf:
        add((node, TL.edtf, Literal(t.edtf)))
    add((node, TL.resolved, Literal(bool(t.resolved))))
    if t.rule:
        add((node, TL.rule, Literal(t.rule)))


def _span(g: Graph, node: URIRef, a: URIRef, start: int, end: int, text: str,
          cls: URIRef) -> None:
    g.add((node, RDF.type, cls))
    g.add((node, TL.begin, Literal(start)))
    g.add((node, TL.end, Literal(end)))
    g.add((node, TL.anchorOf, Literal(text[start:end])))
    g.add((node, TL.inArticle, a))


def _sentence_for(ev: Event, sentences: list[Sentence], text: str) -> Sentence:
    """The sentence holding the trigger: from the analysis, else found around the trigger."""
    for s in sentences:
        if s.start <= ev.trigger_start and ev.trigger_end <= s.end:
            return s
    start = 0
    for m in _SENTENCE_END.finditer(text, 0, ev.trigger_start):
        start = m.end()
    m = _SENTENCE_END.search(text, ev.trigger_end)
    end = m.start() + 1 if m and text[m.start()] in ".!?" else (m.start() if m else len(text))
    end = max(end, ev.trigger_end)
    index = len(_SENTENCE_END.findall(text, 0, start))
    paragraph = text.count("\n\n", 0, start)
    return Sentence(index=index, start=start, end=end, paragraph=paragraph)


def _bounds(earliest: date | datetime | None, latest: date | datetime | None
            ) -> tuple[Literal | None, Literal | None]:
    """Both bounds as the same datatype (dateTime if either is one) so they compare."""
    if isinstance(earliest, datetime) or isinstance(latest, datetime):
        if earliest is not None and not isinstance(earliest, datetime):
            earliest = datetime.combine(earliest, time.min, tzinfo=timezone.utc)
        if latest is not None and not isinstance(latest, datetime):
            latest = datetime.combine(latest, time(23, 59, 59), tzinfo=timezone.utc)
    return (_temporal_literal(earliest) if earliest is not None else None,
            _temporal_literal(latest) if latest is not None else None)


def _temporal_literal(value: date | datetime) -> Literal:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        return Literal(value.isoformat().replace("+00:00", "Z"), datatype=XSD.dateTime,
                       normalize=False)
    return Literal(value.isoformat(), datatype=XSD.date, normalize=False)


def _decimal(value: float, places: int = 3) -> Literal:
    return Literal(Decimal(f"{value:.{places}f}"), datatype=XSD.decimal)


def _default_label(ev: Event, text: str) -> str:
    return f"{ev.type}: {text[ev.trigger_start:ev.trigger_end]}"


def event_iris(doc: AnalysedArticle, base_iri: str) -> Iterable[tuple[str, str]]:
    """(local id, IRI) of each event, in document order."""
    iris = IRIs(base_iri)
    for ev in doc.events:
        yield ev.id, iris.event(doc.article.id, ev.type, ev.trigger_start, ev.trigger_end)
