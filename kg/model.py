"""The JSON model of an analysed article: the contract between extraction, mapping and the API.

An :class:`AnalysedArticle` is what the extraction pipeline produces and what a client may post
pre-annotated (``POST /articles`` with ``events``). It is mapped to RDF by :mod:`kg.mapping`.
Offsets are Unicode code point offsets into ``article.text`` (``start`` inclusive, ``end``
exclusive). Dates are ISO 8601 strings in JSON.

This module is pure: no I/O, no RDF, no Flask.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timezone
from typing import Any

from .errors import InvalidInput

# Controlled vocabularies. Each value is the local name of a concept in the ontology
# (tests/test_ontology.py checks that the two agree).
EVENT_TYPES = (
    "ArmedClash", "ShellingMissileAttack", "AirStrike", "Bombing", "Attack", "Killing",
    "TerritoryTaken", "TerritoryRetaken", "Advance", "Withdrawal", "MilitaryVictory",
    "Encirclement", "Occupation", "Ceasefire", "Agreement", "Negotiation", "Statement",
    "Announcement", "Accusation", "Arrest", "Protest", "Riot", "Election", "Appointment",
    "Resignation", "Sanctions", "AidDelivery", "Evacuation", "Visit", "Meeting",
    "RestorationOfServices", "Damage", "CasualtiesReport", "Earthquake", "Flood", "Storm",
    "Wildfire", "Explosion", "Accident", "Disease", "Other",
)
ENTITY_KINDS = ("person", "place", "organization", "military_unit", "media", "group")
PRECISIONS = ("second", "minute", "hour", "part_of_day", "day", "week", "month", "season",
              "quarter", "half_year", "year", "decade", "century", "unknown")
MODALITIES = ("asserted", "claimed", "hedged", "negated", "planned")
ROLES = ("agent", "target", "affected", "speaker", "addressee", "beneficiary", "participant")
#: where an event's time comes from, best first
TIME_BASES = ("expression", "sentence", "paragraph", "report", "publication", "unknown")
#: time basis name -> rank, best first
BASIS_RANK = {name: i for i, name in enumerate(TIME_BASES)}
LINK_STATUSES = ("linked", "unlinked", "ambiguous")
PUBLISHED_STATUSES = ("known", "inferred", "unknown")

URL_RE = re.compile(r"^https?://(?:[^\s<>\"{}|\\^`%\x00-\x1f\x7f]|%[0-9A-Fa-f]{2})+\Z")
ARTICLE_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}\Z")
LOCAL_ID_RE = re.compile(r"^[A-Za-z0-9_.-]{1,64}\Z")
QID_RE = re.compile(r"^Q[1-9][0-9]{0,11}\Z")


# -- helpers ---------------------------------------------------------------------------------

def _err(path: str, message: str) -> InvalidInput:
    return InvalidInput(f"{path}: {message}", errors=[{"path": path, "message": message}])


def _get(d: dict[str, Any], key: str, path: str, types: type | tuple[type, ...],
         required: bool = False, default: Any = None) -> Any:
    if key not in d or d[key] is None:
        if required:
            raise _err(f"{path}.{key}", "is required")
        return default
    value = d[key]
    if isinstance(value, bool) and bool not in (types if isinstance(types, tuple) else (types,)):
        raise _err(f"{path}.{key}", f"must be {_typename(types)}, not a boolean")
    if not isinstance(value, types):
        raise _err(f"{path}.{key}", f"must be {_typename(types)}")
    return value


def _typename(types: type | tuple[type, ...]) -> str:
    names = {str: "a string", int: "an integer", float: "a number", list: "a list",
             dict: "an object", bool: "a boolean"}
    if isinstance(types, tuple):
        return " or ".join(names.get(t, t.__name__) for t in types)
    return names.get(types, types.__name__)


def _choice(value: Any, choices: tuple[str, ...], path: str) -> str:
    if value not in choices:
        raise _err(path, f"must be one of {', '.join(choices)}")
    return value


def _check_dict(value: Any, path: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _err(path, "must be an object")
    return value


def parse_temporal(value: str, path: str) -> date | datetime:
    """An ISO 8601 date or date-time string; a date-time without zone is taken as UTC."""
    if not isinstance(value, str) or not value.strip():
        raise _err(path, "must be an ISO 8601 date or date-time string")
    text = value.strip()
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise _err(path, f"{value!r} is not an ISO 8601 date or date-time") from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    return parsed


def temporal_iso(value: date | datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat().replace("+00:00", "Z")
    return value.isoformat()


def normalise_text(text: str) -> str:
    """The text the service stores and offsets refer to: NFC, ``\\n`` line ends."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def text_hash(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def short_hash(*parts: str, length: int = 16) -> str:
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:length]


# -- model -----------------------------------------------------------------------------------

@dataclass
class Article:
    """A news article. ``id`` is its stable key (given, or derived from URL or content)."""

    text: str
    title: str | None = None
    url: str | None = None
    published: date | datetime | None = None
    published_status: str = "unknown"  # known | inferred | unknown
    publisher: str | None = None
    language: str | None = None
    id: str = ""

    def __post_init__(self) -> None:
        if self.url is not None and not URL_RE.match(self.url):
            raise _err("article.url", "must be an absolute http(s) URL without spaces")
        self.text = normalise_text(self.text)
        if self.title is not None:
            self.title = normalise_text(self.title).strip() or None
        if self.published is not None and self.published_status == "unknown":
            self.published_status = "known"
        if self.published is None:
            self.published_status = "unknown"
        if not self.id:
            self.id = derive_article_id(self.url, self.title, self.text)

    @property
    def text_hash(self) -> str:
        return text_hash(self.text)

    @property
    def published_date(self) -> date | None:
        if isinstance(self.published, datetime):
            return self.published.date()
        return self.published

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "url": self.url,
                "published": temporal_iso(self.published),
                "published_status": self.published_status, "publisher": self.publisher,
                "language": self.language, "text": self.text, "text_hash": self.text_hash}

    @classmethod
    def from_dict(cls, d: Any, path: str = "article") -> Article:
        d = _check_dict(d, path)
        text = _get(d, "text", path, str, required=True)
        if not text.strip():
            raise _err(f"{path}.text", "is empty: an article needs text")
        article_id = _get(d, "id", path, str, default="")
        if article_id and not ARTICLE_ID_RE.match(article_id):
            raise _err(f"{path}.id", "must be 1-128 characters of letters, digits, '.', '_', '-' "
                                     "starting with a letter or digit")
        url = _get(d, "url", path, str)
        if url is not None and not URL_RE.match(url):
            raise _err(f"{path}.url", "must be an absolute http(s) URL without spaces")
        published = _get(d, "published", path, str)
        status = _get(d, "published_status", path, str, default=None)
        if status is not None:
            _choice(status, PUBLISHED_STATUSES, f"{path}.published_status")
        language = _get(d, "language", path, str)
        if language is not None and not re.match(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$", language):
            raise _err(f"{path}.language", "must be a BCP 47 language tag such as 'en'")
        return cls(text=text, title=_get(d, "title", path, str), url=url,
                   published=parse_temporal(published, f"{path}.published") if published else None,
                   published_status=status or "unknown",
                   publisher=_get(d, "publisher", path, str), language=language, id=article_id)


def derive_article_id(url: str | None, title: str | None, text: str) -> str:
    """Stable article key: from the URL when there is one, else from title and text."""
    if url:
        return short_hash("url", url.strip())
    return short_hash("text", title or "", text)


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    paragraph: int = 0


@dataclass
class LinkInfo:
    """How (and whether) an entity was linked to Wikidata."""

    status: str = "unlinked"  # linked | unlinked | ambiguous
    confidence: float | None = None
    method: str | None = None
    source: str | None = None
    threshold: float | None = None
    candidates: list[dict[str, Any]] = field(default_factory=list)  # [{"qid", "score", ...}]

    @classmethod
    def from_dict(cls, d: Any, path: str) -> LinkInfo:
        d = _check_dict(d, path)
        status = _choice(_get(d, "status", path, str, default="unlinked"), LINK_STATUSES,
                         f"{path}.status")
        confidence = _get(d, "confidence", path, (int, float))
        if confidence is not None and not 0 <= confidence <= 1:
            raise _err(f"{path}.confidence", "must be between 0 and 1")
        threshold = _get(d, "threshold", path, (int, float))
        candidates = _get(d, "candidates", path, list, default=[])
        for i, c in enumerate(candidates):
            c = _check_dict(c, f"{path}.candidates[{i}]")
            qid = _get(c, "qid", f"{path}.candidates[{i}]", str, required=True)
            if not QID_RE.match(qid):
                raise _err(f"{path}.candidates[{i}].qid", "must match Q[0-9]+")
            _get(c, "score", f"{path}.candidates[{i}]", (int, float), required=True)
        return cls(status=status, confidence=confidence, method=_get(d, "method", path, str),
                   source=_get(d, "source", path, str), threshold=threshold,
                   candidates=candidates)


@dataclass
class Entity:
    """One real-world entity mentioned in the article (all its spellings merged)."""

    id: str  # local key within the document
    label: str
    kind: str  # one of ENTITY_KINDS
    wikidata: str | None = None  # Q-id when linked
    link: LinkInfo = field(default_factory=LinkInfo)
    aliases: list[str] = field(default_factory=list)
    description: str | None = None
    country: str | None = None  # Q-id of the country, when known
    geonames: int | None = None
    lat: float | None = None
    lon: float | None = None

    @classmethod
    def from_dict(cls, d: Any, path: str) -> Entity:
        d = _check_dict(d, path)
        eid = _get(d, "id", path, str, required=True)
        if not LOCAL_ID_RE.match(eid):
            raise _err(f"{path}.id", "must be 1-64 letters, digits, '_', '.', '-'")
        label = _get(d, "label", path, str, required=True).strip()
        if not label:
            raise _err(f"{path}.label", "must not be empty")
        kind = _choice(_get(d, "kind", path, str, required=True), ENTITY_KINDS, f"{path}.kind")
        qid = _get(d, "wikidata", path, str)
        if qid is not None and not QID_RE.match(qid):
            raise _err(f"{path}.wikidata", "must be a Wikidata Q-id such as Q42")
        link = LinkInfo.from_dict(d["link"], f"{path}.link") if d.get("link") is not None else \
            LinkInfo(status="linked" if qid else "unlinked")
        if qid and link.status != "linked":
            raise _err(f"{path}.link.status", "must be 'linked' when a Q-id is given")
        if link.status == "linked" and not qid:
            raise _err(f"{path}.wikidata", "is required when link.status is 'linked'")
        country = _get(d, "country", path, str)
        if country is not None and not QID_RE.match(country):
            raise _err(f"{path}.country", "must be a Wikidata Q-id")
        geonames = _get(d, "geonames", path, int)
        if geonames is not None and geonames <= 0:
            raise _err(f"{path}.geonames", "must be a positive GeoNames id")
        lat = _get(d, "lat", path, (int, float))
        lon = _get(d, "lon", path, (int, float))
        if (lat is None) != (lon is None):
            raise _err(f"{path}.lat", "lat and lon go together")
        if lat is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise _err(f"{path}.lat", "coordinates out of range")
        aliases = _get(d, "aliases", path, list, default=[])
        if not all(isinstance(a, str) for a in aliases):
            raise _err(f"{path}.aliases", "must be a list of strings")
        return cls(id=eid, label=label, kind=kind, wikidata=qid, link=link, aliases=aliases,
                   description=_get(d, "description", path, str), country=country,
                   geonames=geonames, lat=lat, lon=lon)


@dataclass
class Mention:
    entity: str  # Entity.id
    start: int
    end: int
    rule: str = "annotation"
    confidence: float = 1.0


@dataclass
class TimeSpec:
    """A normalised time: TimeML value, EDTF, precision and inclusive bounds.

    ``earliest``/``latest`` may be ``None`` (open). ``basis`` says where the time came from:
    the expression attached to the event, the sentence's, the paragraph's, the publication date
    ("on or before publication") or ``unknown``.
    """

    value: str | None = None  # TimeML value, e.g. 2022-05-15, 2022-W20, P3D, PAST_REF
    edtf: str | None = None
    precision: str = "unknown"
    earliest: date | datetime | None = None
    latest: date | datetime | None = None
    text: str | None = None  # the original expression
    start: int | None = None  # span of the expression in the article text
    end: int | None = None
    mod: str | None = None  # TimeML mod (START, END, APPROX, BEFORE, ...)
    type: str = "DATE"  # TimeML type: DATE, TIME, DURATION, SET
    basis: str = "expression"
    resolved: bool = True
    rule: str | None = None

    @classmethod
    def from_dict(cls, d: Any, path: str) -> TimeSpec:
        d = _check_dict(d, path)
        precision = _choice(_get(d, "precision", path, str, default="unknown"), PRECISIONS,
                            f"{path}.precision")
        basis = _choice(_get(d, "basis", path, str, default="expression"), TIME_BASES,
                        f"{path}.basis")
        earliest = _get(d, "earliest", path, str)
        latest = _get(d, "latest", path, str)
        e = parse_temporal(earliest, f"{path}.earliest") if earliest else None
        la = parse_temporal(latest, f"{path}.latest") if latest else None
        if e is not None and la is not None and _as_dt(e) > _as_dt(la, end=True):
            raise _err(f"{path}.earliest", "must not be after latest")
        start = _get(d, "start", path, int)
        end = _get(d, "end", path, int)
        ttype = _get(d, "type", path, str, default="DATE")
        _choice(ttype, ("DATE", "TIME", "DURATION", "SET"), f"{path}.type")
        return cls(value=_get(d, "value", path, str), edtf=_get(d, "edtf", path, str),
                   precision=precision, earliest=e, latest=la, text=_get(d, "text", path, str),
                   start=start, end=end, mod=_get(d, "mod", path, str), type=ttype, basis=basis,
                   resolved=bool(_get(d, "resolved", path, bool, default=True)),
                   rule=_get(d, "rule", path, str))

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["earliest"] = temporal_iso(self.earliest)
        out["latest"] = temporal_iso(self.latest)
        return out


def _as_dt(value: date | datetime, end: bool = False) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    t = datetime.max.time() if end else datetime.min.time()
    return datetime.combine(value, t, tzinfo=timezone.utc)


@dataclass
class Participant:
    entity: str  # Entity.id
    role: str  # one of ROLES


@dataclass
class Event:
    """One event as reported in one article, with the evidence for it."""

    id: str  # local key within the document
    type: str  # one of EVENT_TYPES
    trigger_start: int
    trigger_end: int
    label: str = ""
    time: TimeSpec = field(default_factory=lambda: TimeSpec(basis="unknown", resolved=False))
    places: list[str] = field(default_factory=list)  # Entity ids
    participants: list[Participant] = field(default_factory=list)
    fatalities: int | None = None
    injured: int | None = None
    modality: str = "asserted"
    according_to: str | None = None  # Entity id of the source a claim is attributed to
    quote: str | None = None
    part_of: str | None = None  # Event id
    rule: str = "annotation"
    confidence: float = 1.0

    @classmethod
    def from_dict(cls, d: Any, path: str) -> Event:
        d = _check_dict(d, path)
        eid = _get(d, "id", path, str, required=True)
        if not LOCAL_ID_RE.match(eid):
            raise _err(f"{path}.id", "must be 1-64 letters, digits, '_', '.', '-'")
        etype = _choice(_get(d, "type", path, str, required=True), EVENT_TYPES, f"{path}.type")
        trig = _check_dict(_get(d, "trigger", path, dict, required=True), f"{path}.trigger")
        ts = _get(trig, "start", f"{path}.trigger", int, required=True)
        te = _get(trig, "end", f"{path}.trigger", int, required=True)
        time = TimeSpec.from_dict(d["time"], f"{path}.time") if d.get("time") is not None else \
            TimeSpec(basis="unknown", resolved=False)
        places = _get(d, "places", path, list, default=[])
        if not all(isinstance(p, str) for p in places):
            raise _err(f"{path}.places", "must be a list of entity ids")
        parts = []
        for i, p in enumerate(_get(d, "participants", path, list, default=[])):
            p = _check_dict(p, f"{path}.participants[{i}]")
            parts.append(Participant(
                entity=_get(p, "entity", f"{path}.participants[{i}]", str, required=True),
                role=_choice(_get(p, "role", f"{path}.participants[{i}]", str, required=True),
                             ROLES, f"{path}.participants[{i}].role")))
        counts = {}
        for key in ("fatalities", "injured"):
            v = _get(d, key, path, int)
            if v is not None and v < 0:
                raise _err(f"{path}.{key}", "must be a non-negative integer")
            counts[key] = v
        confidence = _get(d, "confidence", path, (int, float), default=1.0)
        if not 0 <= confidence <= 1:
            raise _err(f"{path}.confidence", "must be between 0 and 1")
        return cls(id=eid, type=etype, trigger_start=ts, trigger_end=te,
                   label=_get(d, "label", path, str, default=""), time=time, places=places,
                   participants=parts, fatalities=counts["fatalities"],
                   injured=counts["injured"],
                   modality=_choice(_get(d, "modality", path, str, default="asserted"),
                                    MODALITIES, f"{path}.modality"),
                   according_to=_get(d, "according_to", path, str),
                   quote=_get(d, "quote", path, str), part_of=_get(d, "part_of", path, str),
                   rule=_get(d, "rule", path, str, default="annotation"),
                   confidence=float(confidence))


@dataclass
class AnalysedArticle:
    """An article with everything extracted from it (or annotated by hand)."""

    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    timexes: list[TimeSpec] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    extractor: str = "annotation"  # name and version of what produced the events
    annotated: bool = False  # True when events came with the input (no extraction needed)

    def entity(self, entity_id: str) -> Entity:
        for e in self.entities:
            if e.id == entity_id:
                return e
        raise KeyError(entity_id)

    def sentence_at(self, offset: int) -> Sentence | None:
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        return None

    def check(self) -> None:
        """Cross-reference checks a JSON schema cannot express; raises :class:`InvalidInput`."""
        n = len(self.article.text)
        ids = set()
        for i, e in enumerate(self.entities):
            if e.id in ids:
                raise _err(f"entities[{i}].id", f"duplicate id {e.id!r}")
            ids.add(e.id)
        for i, m in enumerate(self.mentions):
            if m.entity not in ids:
                raise _err(f"mentions[{i}].entity", f"unknown entity {m.entity!r}")
            if not 0 <= m.start < m.end <= n:
                raise _err(f"mentions[{i}]", "offsets must satisfy 0 <= start < end <= "
                                             "length of the text")
        event_ids = {ev.id for ev in self.events}
        if len(event_ids) != len(self.events):
            raise _err("events", "event ids must be unique")
        for i, ev in enumerate(self.events):
            p = f"events[{i}]"
            if not 0 <= ev.trigger_start < ev.trigger_end <= n:
                raise _err(f"{p}.trigger", "offsets must satisfy 0 <= start < end <= length of "
                                           "the text")
            for ref in ev.places:
                if ref not in ids:
                    raise _err(f"{p}.places", f"unknown entity {ref!r}")
            for part in ev.participants:
                if part.entity not in ids:
                    raise _err(f"{p}.participants", f"unknown entity {part.entity!r}")
            if ev.according_to is not None and ev.according_to not in ids:
                raise _err(f"{p}.according_to", f"unknown entity {ev.according_to!r}")
            if ev.part_of is not None and ev.part_of not in event_ids - {ev.id}:
                raise _err(f"{p}.part_of", f"unknown event {ev.part_of!r}")
            t = ev.time
            if t.start is not None and t.end is not None and not 0 <= t.start < t.end <= n:
                raise _err(f"{p}.time", "expression offsets out of range")

    @classmethod
    def from_dict(cls, d: Any) -> AnalysedArticle:
        """Parse the documented JSON shape (article + optional entities/mentions/events)."""
        d = _check_dict(d, "$")
        article = Article.from_dict(d.get("article", d), "article" if "article" in d else "$")
        entities = [Entity.from_dict(e, f"entities[{i}]")
                    for i, e in enumerate(_get(d, "entities", "$", list, default=[]))]
        mentions = []
        for i, m in enumerate(_get(d, "mentions", "$", list, default=[])):
            m = _check_dict(m, f"mentions[{i}]")
            p = f"mentions[{i}]"
            mentions.append(Mention(entity=_get(m, "entity", p, str, required=True),
                                    start=_get(m, "start", p, int, required=True),
                                    end=_get(m, "end", p, int, required=True),
                                    rule=_get(m, "rule", p, str, default="annotation"),
                                    confidence=float(_get(m, "confidence", p, (int, float),
                                                          default=1.0))))
        events = [Event.from_dict(e, f"events[{i}]")
                  for i, e in enumerate(_get(d, "events", "$", list, default=[]))]
        doc = cls(article=article, entities=entities, mentions=mentions, events=events,
                  annotated="events" in d)
        doc.check()
        return doc

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article.to_dict(),
            "sentences": [asdict(s) for s in self.sentences],
            "entities": [asdict(e) for e in self.entities],
            "mentions": [asdict(m) for m in self.mentions],
            "timexes": [t.to_dict() for t in self.timexes],
            "events": [{**{k: v for k, v in asdict(ev).items()
                           if k not in ("trigger_start", "trigger_end", "time")},
                        "trigger": {"start": ev.trigger_start, "end": ev.trigger_end,
                                    "text": self.article.text[ev.trigger_start:ev.trigger_end]},
                        "time": ev.time.to_dict()}
                       for ev in self.events],
            "warnings": list(self.warnings),
            "extractor": self.extractor,
        }
