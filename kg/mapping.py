"""Map an :class:`~kg.model.AnalysedArticle` to the article's RDF graph under the ontology.

Pure: no store, no network. All nodes are IRIs minted from stable keys (no blank nodes), so the
same input gives the same graph. The graph's name in the store is the article's IRI.

The mapping writes N-Triples statements directly (:class:`MappedGraph`): the store and the
SHACL engine both take that text as it is, which keeps ingest fast. :func:`map_article` gives
the same graph as an rdflib ``Graph`` for callers that want one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timezone

from rdflib import Graph

from . import ntriples as nt
from .iris import IRIs
from .model import AnalysedArticle, Entity, Event, Sentence, TimeSpec
from .namespaces import GEO, GEONAMES, OWL, PROV, RDF, RDFS, SCHEMA, SEM, SKOS, TL, WD

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
          "paragraph": TL.FromParagraph, "report": TL.BeforeReport,
          "publication": TL.BeforePublication,
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
#: time basis name -> its concept (tl:TimeBases)
BASIS_CONCEPTS = _BASIS


class _T:
    """N-Triples forms of the vocabulary, computed once."""

    a = nt.iri(str(RDF.type))
    value = nt.iri(str(RDF.value))
    label = nt.iri(str(RDFS.label))


def _i(term) -> str:
    return nt.iri(str(term))


_P = {name: _i(term) for name, term in {
    "headline": SCHEMA.headline, "url": SCHEMA.url, "datePublished": SCHEMA.datePublished,
    "inLanguage": SCHEMA.inLanguage, "description": SCHEMA.description,
    "altLabel": SKOS.altLabel, "sameAs": OWL.sameAs, "lat": GEO.lat, "long": GEO.long,
    "used": PROV.used, "wasDerivedFrom": PROV.wasDerivedFrom,
    "wasGeneratedBy": PROV.wasGeneratedBy, "hasPlace": SEM.hasPlace,
    "roleType": SEM.roleType,
    **{n: TL[n] for n in (
        "publicationStatus", "publisherName", "textHash", "text", "extractor", "kind",
        "country", "geonames", "linkAssessment", "linkStatus", "confidence", "threshold",
        "linkMethod", "linkSource", "candidate", "item", "score", "denotes", "rule",
        "eventType", "earliest", "latest", "precision", "timeBasis", "edtf", "timeText",
        "timeExpression", "hasParticipant", "participation", "fatalities", "injured",
        "modality", "accordingTo", "quote", "partOf", "trigger", "sentence", "begin", "end",
        "anchorOf", "inArticle", "sentenceIndex", "paragraphIndex", "timemlValue",
        "timemlType", "timemlMod", "resolved")},
}.items()}
_C = {name: _i(TL[name]) for name in (
    "NewsArticle", "ExtractionRun", "Mention", "Sentence", "TimeExpression", "Event",
    "Participation", "LinkAssessment", "Candidate")}
_PRECISION_NT = {k: _i(v) for k, v in _PRECISION.items()}
_MODALITY_NT = {k: _i(v) for k, v in _MODALITY.items()}
_ROLE_NT = {k: _i(v) for k, v in _ROLE.items()}
_BASIS_NT = {k: _i(v) for k, v in _BASIS.items()}
_LINK_NT = {k: _i(v) for k, v in _LINK_STATUS.items()}
_PUBLICATION_NT = {k: _i(v) for k, v in _PUBLICATION.items()}
_KIND_NT = {k: tuple(_i(c) for c in v) for k, v in _KIND_CLASSES.items()}
_WD, _TL = str(WD), str(TL)  # (f"<{_WD}{qid}>" spells _i(WD[qid]) without an rdflib term)


@dataclass
class MappedGraph:
    """An article's graph as N-Triples statements (one per line, in a deterministic order)."""

    iri: str
    # the statements in the order first added (a dict: one insertion also drops a repeat)
    _statements: dict[tuple[str, str, str], None] = field(default_factory=dict, repr=False)

    def add(self, s: str, p: str, o: str) -> None:
        self._statements[s, p, o] = None

    @property
    def triples(self) -> list[tuple[str, str, str]]:
        return list(self._statements)

    def __len__(self) -> int:
        return len(self._statements)

    @property
    def lines(self) -> list[str]:
        """The statements as N-Triples lines (without line ends)."""
        return [f"{s} {p} {o} ." for s, p, o in self._statements]

    @property
    def ntriples(self) -> str:
        return "\n".join(self.lines) + "\n"

    def to_rdflib(self) -> Graph:
        return Graph().parse(data=self.ntriples, format="nt")


def map_article(doc: AnalysedArticle, base_iri: str) -> Graph:
    """The article's graph as an rdflib ``Graph`` (see :func:`map_article_nt`)."""
    return map_article_nt(doc, base_iri).to_rdflib()


def map_article_nt(doc: AnalysedArticle, base_iri: str) -> MappedGraph:
    """The article's graph: article, evidence sentences, mentions, time expressions, entities
    with their link assessments, and events."""
    iris = IRIs(base_iri)
    art = doc.article
    a_iri = iris.article(art.id)
    g = MappedGraph(a_iri)
    add = g.add
    a = nt.iri(a_iri)
    text = art.text

    add(a, _T.a, _C["NewsArticle"])
    if art.title:
        add(a, _P["headline"], nt.literal(art.title))
    if art.url:
        add(a, _P["url"], nt.iri(art.url))
    if art.published is not None:
        add(a, _P["datePublished"], nt.temporal(art.published))
    add(a, _P["publicationStatus"], _PUBLICATION_NT[art.published_status])
    if art.publisher:
        add(a, _P["publisherName"], nt.literal(art.publisher))
    if art.language:
        add(a, _P["inLanguage"], nt.literal(art.language))
    add(a, _P["textHash"], nt.literal(art.text_hash))
    add(a, _P["text"], nt.literal(text))

    run = nt.iri(f"{a_iri}#run")
    add(run, _T.a, _C["ExtractionRun"])
    add(run, _T.label, nt.literal(f"extraction of {art.id}"))
    add(run, _P["used"], a)
    add(run, _P["extractor"], nt.literal(doc.extractor))

    entity_iri: dict[str, str] = {}
    for ent in doc.entities:
        e = nt.iri(iris.entity(ent.kind, ent.label,
                               ent.wikidata if ent.link.status == "linked" else None,
                               ent.geonames))
        entity_iri[ent.id] = e
        _map_entity(g, ent, e, a_iri, a)

    for m in doc.mentions:
        node = nt.iri(f"{a_iri}#m{m.start}-{m.end}")
        _span(g, node, a, m.start, m.end, text, _C["Mention"])
        add(node, _P["denotes"], entity_iri[m.entity])
        add(node, _P["rule"], nt.literal(m.rule))
        add(node, _P["confidence"], nt.decimal(m.confidence))

    for t in doc.timexes:
        if t.start is not None and t.end is not None:
            _map_timex(g, t, a_iri, a, text)

    event_iri = {ev.id: nt.iri(iris.event(art.id, ev.type, ev.trigger_start, ev.trigger_end))
                 for ev in doc.events}
    mapped_sentences: set[int] = set()
    for ev in doc.events:
        sent = _sentence_for(ev, doc.sentences, text)
        s_node = nt.iri(f"{a_iri}#s{sent.index}")
        if sent.index not in mapped_sentences:
            mapped_sentences.add(sent.index)
            _span(g, s_node, a, sent.start, sent.end, text, _C["Sentence"])
            add(s_node, _P["sentenceIndex"], nt.integer(sent.index))
            add(s_node, _P["paragraphIndex"], nt.integer(sent.paragraph))
        _map_event(g, ev, event_iri[ev.id], a_iri, a, run, s_node, text, entity_iri, event_iri)
    return g


def _map_entity(g: MappedGraph, ent: Entity, e: str, a_iri: str, a: str) -> None:
    add = g.add
    for cls in _KIND_NT[ent.kind]:
        add(e, _T.a, cls)
    add(e, _T.label, nt.literal(ent.label))
    add(e, _P["kind"], nt.literal(ent.kind))
    for alias in ent.aliases:
        if alias != ent.label:
            add(e, _P["altLabel"], nt.literal(alias))
    if ent.description:
        add(e, _P["description"], nt.literal(ent.description))
    link = ent.link
    if link.status == "linked" and ent.wikidata:
        add(e, _P["sameAs"], f"<{_WD}{ent.wikidata}>")
    if ent.country:
        add(e, _P["country"], f"<{_WD}{ent.country}>")
    if ent.kind == "place":
        if ent.lat is not None and ent.lon is not None:
            add(e, _P["lat"], nt.decimal(ent.lat, 6))
            add(e, _P["long"], nt.decimal(ent.lon, 6))
        if ent.geonames:
            add(e, _P["geonames"], nt.iri(f"{GEONAMES}{ent.geonames}/"))
    node_iri = f"{a_iri}#link-{ent.id}"
    node = nt.iri(node_iri)
    add(e, _P["linkAssessment"], node)
    add(node, _T.a, _C["LinkAssessment"])
    add(node, _P["wasDerivedFrom"], a)
    add(node, _P["linkStatus"], _LINK_NT[link.status])
    if link.confidence is not None:
        add(node, _P["confidence"], nt.decimal(link.confidence))
    if link.threshold is not None:
        add(node, _P["threshold"], nt.decimal(link.threshold))
    if link.method:
        add(node, _P["linkMethod"], nt.literal(link.method))
    if link.source:
        add(node, _P["linkSource"], nt.literal(link.source))
    for i, cand in enumerate(link.candidates[:5], start=1):
        c = nt.iri(f"{node_iri}-c{i}")
        add(node, _P["candidate"], c)
        add(c, _T.a, _C["Candidate"])
        add(c, _P["item"], f"<{_WD}{cand['qid']}>")
        add(c, _P["score"], nt.decimal(min(max(float(cand["score"]), 0.0), 1.0)))


def _map_event(g: MappedGraph, ev: Event, e: str, a_iri: str, a: str, run: str, s_node: str,
               text: str, entity_iri: dict[str, str], event_iri: dict[str, str]) -> None:
    add = g.add
    add(e, _T.a, _C["Event"])
    add(e, _P["eventType"], f"<{_TL}{ev.type}>")
    add(e, _T.label, nt.literal(ev.label or _default_label(ev, text)))
    add(e, _P["wasDerivedFrom"], a)
    add(e, _P["wasGeneratedBy"], run)
    _map_time(g, e, ev.time)
    t = ev.time
    if t.start is not None and t.end is not None and t.basis in ("expression", "sentence",
                                                                  "paragraph", "report"):
        t_node = _map_timex(g, t, a_iri, a, text)
        add(e, _P["timeExpression"], t_node)
    for place in ev.places:
        add(e, _P["hasPlace"], entity_iri[place])
    for i, part in enumerate(ev.participants, start=1):
        actor = entity_iri[part.entity]
        node = e[:-1] + f"#p{i}>"
        add(e, _P["hasParticipant"], actor)
        add(e, _P["participation"], node)
        add(node, _T.a, _C["Participation"])
        add(node, _T.value, actor)
        add(node, _P["roleType"], _ROLE_NT[part.role])
    if ev.fatalities is not None:
        add(e, _P["fatalities"], nt.integer(ev.fatalities))
    if ev.injured is not None:
        add(e, _P["injured"], nt.integer(ev.injured))
    add(e, _P["modality"], _MODALITY_NT[ev.modality])
    if ev.according_to:
        add(e, _P["accordingTo"], entity_iri[ev.according_to])
    if ev.quote:
        add(e, _P["quote"], nt.literal(ev.quote))
    if ev.part_of:
        add(e, _P["partOf"], event_iri[ev.part_of])
    trig = nt.iri(f"{a_iri}#e{ev.trigger_start}-{ev.trigger_end}")
    _span(g, trig, a, ev.trigger_start, ev.trigger_end, text, _C["Mention"])
    add(e, _P["trigger"], trig)
    add(e, _P["sentence"], s_node)
    add(e, _P["rule"], nt.literal(ev.rule))
    add(e, _P["confidence"], nt.decimal(ev.confidence))


def _map_time(g: MappedGraph, node: str, t: TimeSpec) -> None:
    earliest, latest = _bounds(t.earliest, t.latest)
    if earliest is not None:
        g.add(node, _P["earliest"], earliest)
    if latest is not None:
        g.add(node, _P["latest"], latest)
    g.add(node, _P["precision"], _PRECISION_NT[t.precision])
    g.add(node, _P["timeBasis"], _BASIS_NT[t.basis])
    if t.edtf:
        g.add(node, _P["edtf"], nt.literal(t.edtf))
    if t.text:
        g.add(node, _P["timeText"], nt.literal(t.text))


def _map_timex(g: MappedGraph, t: TimeSpec, a_iri: str, a: str, text: str) -> str:
    add = g.add
    node = nt.iri(f"{a_iri}#t{t.start}-{t.end}")
    _span(g, node, a, t.start, t.end, text, _C["Mention"])
    add(node, _T.a, _C["TimeExpression"])
    add(node, _P["timemlValue"], nt.literal(t.value or "XXXX-XX-XX"))
    add(node, _P["timemlType"], nt.literal(t.type))
    if t.mod:
        add(node, _P["timemlMod"], nt.literal(t.mod))
    add(node, _P["precision"], _PRECISION_NT[t.precision])
    earliest, latest = _bounds(t.earliest, t.latest)
    if earliest is not None:
        add(node, _P["earliest"], earliest)
    if latest is not None:
        add(node, _P["latest"], latest)
    if t.edtf:
        add(node, _P["edtf"], nt.literal(t.edtf))
    add(node, _P["resolved"], nt.boolean(bool(t.resolved)))
    if t.rule:
        add(node, _P["rule"], nt.literal(t.rule))
    return node


def _span(g: MappedGraph, node: str, a: str, start: int, end: int, text: str,
          cls: str) -> None:
    g.add(node, _T.a, cls)
    g.add(node, _P["begin"], nt.integer(start))
    g.add(node, _P["end"], nt.integer(end))
    g.add(node, _P["anchorOf"], nt.literal(text[start:end]))
    g.add(node, _P["inArticle"], a)


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
            ) -> tuple[str | None, str | None]:
    """Both bounds as the same datatype (dateTime if either is one) so they compare."""
    if isinstance(earliest, datetime) or isinstance(latest, datetime):
        if earliest is not None and not isinstance(earliest, datetime):
            earliest = datetime.combine(earliest, time.min, tzinfo=timezone.utc)
        if latest is not None and not isinstance(latest, datetime):
            latest = datetime.combine(latest, time(23, 59, 59), tzinfo=timezone.utc)
    return (nt.temporal(earliest) if earliest is not None else None,
            nt.temporal(latest) if latest is not None else None)


def _default_label(ev: Event, text: str) -> str:
    return f"{ev.type}: {text[ev.trigger_start:ev.trigger_end]}"


def event_iris(doc: AnalysedArticle, base_iri: str) -> Iterable[tuple[str, str]]:
    """(local id, IRI) of each event, in document order."""
    iris = IRIs(base_iri)
    for ev in doc.events:
        yield ev.id, iris.event(doc.article.id, ev.type, ev.trigger_start, ev.trigger_end)
