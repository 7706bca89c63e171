"""Entity linking: from the mentions of one entity to a Wikidata item, or to no item.

Candidates are the catalog entries with a name equal to one of the mentions after
normalisation (case policy included). Each candidate is scored from

- ``name``: 1.0 when a mention spells one of its labels, 0.95 one of its aliases, 0.9 when it
  matches only after normalisation (diacritics, transliteration variants);
- ``type``: compatibility of the entry's kind with the mention's kind (a person is never a
  city; an organisation may be a military unit or a media outlet, with a penalty);
- ``prior``: prominence (sitelinks or population), and ``context``: the other entities linked
  in the article (the same item, the same country, a place inside or around it).

``share`` is the candidate's part of the competition, ``exp(6 * (0.6 prior + 0.4 context)) *
type``, normalised over all candidates (a unique candidate has share 1); the score is ``name *
type * share``. The best candidate is linked when its score reaches the threshold and no other
comes within :data:`MARGIN`; with two or more plausible candidates it is ``ambiguous``,
otherwise ``unlinked``. A wrong link is worse than none: the threshold is the only knob and
every number is in the decision's :class:`~kg.model.LinkInfo`.

Places the catalog does not have are looked up in the gazetteer: they stay unlinked to
Wikidata, but the decision carries the GeoNames place (id, coordinates) when one place is
clearly meant. A :class:`~.wikidata.WikidataClient`, when given, is asked only about mentions
the catalog does not know; when it fails, linking goes on offline and says so.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Any

from ..errors import InvalidInput
from ..model import ENTITY_KINDS, LinkInfo
from .catalog import Catalog
from .entry import CatalogEntry
from .gazetteer import Gazetteer, GazPlace
from .normalise import name_key

if TYPE_CHECKING:
    from .wikidata import WikidataClient

MARGIN = 0.1
MAX_CANDIDATES_SHOWN = 5
MAX_ONLINE_SURFACES = 3
KIND_COMPATIBILITY: dict[str, dict[str, float]] = {
    "person": {"person": 1.0},
    "place": {"place": 1.0},
    "organization": {"organization": 1.0, "military_unit": 0.8, "media": 0.8, "group": 0.6,
                     "place": 0.5},
    "military_unit": {"military_unit": 1.0, "organization": 0.8},
    "media": {"media": 1.0, "organization": 0.8},
    "group": {"group": 1.0, "organization": 0.6},
}


@dataclass(frozen=True)
class MentionToLink:
    """One mention: its text, kind (from :data:`kg.model.ENTITY_KINDS`) and offsets."""

    surface: str
    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class LinkDecision:
    """The outcome for an entity. ``entry`` is set only when ``info.status == "linked"``.
    ``place`` is the GeoNames place meant (linked or not), ``place_candidates`` all gazetteer
    places of that name; ``warnings`` says when the online service could not be used."""

    entry: CatalogEntry | None
    info: LinkInfo
    place: GazPlace | None = None
    place_candidates: tuple[GazPlace, ...] = ()
    warnings: tuple[str, ...] = field(default=())


@dataclass
class _Scored:
    entry: CatalogEntry
    name: float
    compat: float
    prior: float
    context: float
    share: float = 0.0

    @property
    def score(self) -> float:
        return self.name * self.compat * self.share

    def as_candidate(self, language: str) -> dict[str, Any]:
        e = self.entry
        out: dict[str, Any] = {"qid": e.qid, "score": round(self.score, 4),
                               "label": e.label_in(language), "kind": e.kind,
                               "name": round(self.name, 4), "type": round(self.compat, 4),
                               "prior": round(self.prior, 4), "context": round(self.context, 4)}
        if e.description:
            out["description"] = e.description
        if e.geonames is not None:
            out["geonames"] = e.geonames
        if e.lat is not None:
            out["lat"], out["lon"] = e.lat, e.lon
        return out


class Linker:
    """Links the mentions of an entity to the catalog (and, opt-in, to the online service)."""

    def __init__(self, catalog: Catalog, *, threshold: float, gazetteer: Gazetteer | None = None,
                 online: WikidataClient | None = None):
        if not 0.0 <= threshold <= 1.0:
            raise InvalidInput("the link threshold must be between 0 and 1")
        self.catalog = catalog
        self.threshold = threshold
        self.gazetteer = gazetteer
        self.online = online

    # -- public -----------------------------------------------------------------------------

    def link(self, mentions: Sequence[MentionToLink], *, context_qids: Iterable[str] = (),
             language: str = "en") -> list[LinkDecision]:
        """Decide for the entity these mentions refer to (all its spellings). Returns one
        decision per mention, in order; they are all the same decision."""
        if not mentions:
            return []
        for m in mentions:
            if m.kind not in ENTITY_KINDS:
                raise InvalidInput(f"mention kind {m.kind!r} is not one of "
                                   f"{', '.join(ENTITY_KINDS)}")
        kind = Counter(m.kind for m in mentions).most_common(1)[0][0]
        surfaces = list(dict.fromkeys(" ".join(m.surface.split()) for m in mentions
                                      if m.surface.strip()))
        decision = self._decide(surfaces, kind, set(context_qids), language)
        return [decision] * len(mentions)

    def rank(self, surfaces: Sequence[str], *, kind: str | None = None,
             context_qids: Iterable[str] = (), respect_case: bool = True
             ) -> list[tuple[CatalogEntry, float, dict[str, float]]]:
        """Catalog candidates for these names, best first, with their score and its parts
        (``kind=None`` accepts every kind). Used by reconciliation and ``kg catalog lookup``."""
        if kind is not None and kind not in ENTITY_KINDS:
            raise InvalidInput(f"kind {kind!r} is not one of {', '.join(ENTITY_KINDS)}")
        raw = self._catalog_candidates(list(surfaces), respect_case=respect_case)
        scored = self._score(raw, kind, set(context_qids))
        return [(s.entry, s.score, {"name": s.name, "type": s.compat, "prior": s.prior,
                                    "context": s.context, "share": s.share}) for s in scored]

    def rank_online(self, surfaces: Sequence[str], *, kind: str | None = None,
                    language: str = "en") -> list[tuple[CatalogEntry, float, dict[str, float]]]:
        """Like :meth:`rank`, over the online service's answers (``kg catalog learn``);
        raises :class:`~.wikidata.WikidataUnavailable` when the service fails."""
        from .wikidata import WikidataUnavailable

        if self.online is None:
            raise InvalidInput("no online Wikidata client was configured")
        raw, warning = self._online_candidates(list(surfaces), language)
        if warning:
            raise WikidataUnavailable(warning)
        scored = self._score(raw, kind, set())
        return [(s.entry, s.score, {"name": s.name, "type": s.compat, "prior": s.prior,
                                    "context": s.context, "share": s.share}) for s in scored]

    def would_link(self, ranked: Sequence[tuple[CatalogEntry, float, Any]]) -> bool:
        """Would the best of these ranked candidates be linked (threshold and margin)?"""
        if not ranked or ranked[0][1] < self.threshold:
            return False
        return len(ranked) == 1 or ranked[0][1] - ranked[1][1] >= MARGIN

    # -- deciding ---------------------------------------------------------------------------

    def _decide(self, surfaces: list[str], kind: str, context: set[str],
                language: str) -> LinkDecision:
        warnings: list[str] = []
        raw = self._catalog_candidates(surfaces)
        method, source = "catalog-alias", "catalog"
        compatible = [c for c in raw if KIND_COMPATIBILITY[kind].get(c[0].kind, 0.0) > 0]
        if not compatible and self.online is not None:
            online, warning = self._online_candidates(surfaces, language)
            if warning:
                warnings.append(warning)
                method = "catalog-alias+offline-fallback"
            elif online:
                raw, method, source = online, "wikidata-search", "wikidata"
        scored = self._score(raw, kind, context)
        places: tuple[GazPlace, ...] = ()
        place = None
        if kind == "place" and self.gazetteer is not None:
            places = self._gazetteer_places(surfaces)
        best = scored[0] if scored else None
        second = scored[1] if len(scored) > 1 else None
        plausible = [s for s in scored if s.score > 0]
        clear = best is not None and best.score >= self.threshold and \
            (second is None or best.score - second.score >= MARGIN)
        near = None
        if clear and kind == "place" and places and best.context == 0.0 and context and \
                best.entry.lat is not None:
            # "Tripoli, in northern Lebanon"; "St Petersburg" in a story about Florida
            near = self._homonym_in_named_country(best.entry, places, context) or \
                self._homonym_nearby(best.entry, places, context)
            clear = near is None
        if clear and best.entry.qid is None:
            # the name means a place the catalog knows without a Q-id: no link, but the place
            return self._decision("unlinked", None, scored, method + "+no-qid", source,
                                  language, self._place_of(best.entry, places), places,
                                  warnings)
        if clear:
            status, entry = "linked", best.entry
            if best.context > 0:
                method += "+context"
            place = next((p for p in places if p.geonames == best.entry.geonames), None)
        else:
            status = "ambiguous" if len(plausible) >= 2 else "unlinked"
            entry = None
            if places:
                place = near or self._choose_place(places, context)
                if place is not None and not scored:
                    bridged = self._bridge(place, surfaces, context)
                    if bridged is not None and bridged.score >= self.threshold:
                        return self._decision(
                            "linked", bridged.entry, [bridged], "gazetteer-geonames",
                            "catalog", language, place, places, warnings)
            if not scored and places:
                method, source = "gazetteer", "geonames"
        return self._decision(status, entry, scored, method, source, language, place, places,
                              warnings)

    def _decision(self, status: str, entry: CatalogEntry | None, scored: list[_Scored],
                  method: str, source: str, language: str, place: GazPlace | None,
                  places: tuple[GazPlace, ...], warnings: list[str]) -> LinkDecision:
        top = scored[0].score if scored else None
        shown = [s for s in scored if s.entry.qid is not None][:MAX_CANDIDATES_SHOWN]
        info = LinkInfo(status=status, confidence=None if top is None else round(top, 4),
                        method=method, source=source, threshold=self.threshold,
                        candidates=[s.as_candidate(language) for s in shown])
        return LinkDecision(entry=entry, info=info, place=place, place_candidates=places,
                            warnings=tuple(warnings))

    # -- candidates -------------------------------------------------------------------------

    def _catalog_candidates(self, surfaces: list[str], *, respect_case: bool = True
                            ) -> list[tuple[CatalogEntry, float]]:
        best: dict[str, tuple[CatalogEntry, float]] = {}
        for surface in surfaces:
            for entry, exact in self.catalog.candidates(surface, respect_case=respect_case):
                name = _name_score(entry, surface, exact)
                if entry.key not in best or best[entry.key][1] < name:
                    best[entry.key] = (entry, name)
        return list(best.values())

    def _online_candidates(self, surfaces: list[str], language: str
                           ) -> tuple[list[tuple[CatalogEntry, float]], str | None]:
        from .wikidata import WikidataUnavailable

        assert self.online is not None
        best: dict[str, tuple[CatalogEntry, float]] = {}
        try:
            for surface in surfaces[:MAX_ONLINE_SURFACES]:
                for entry in self.online.candidates(surface, language=language):
                    key_match = any(name_key(n) == name_key(surface) for _, n in entry.names())
                    exact = any(n.casefold() == surface.casefold() for _, n in entry.names())
                    name = _name_score(entry, surface, exact) if key_match else 0.6
                    if entry.key not in best or best[entry.key][1] < name:
                        best[entry.key] = (entry, name)
        except WikidataUnavailable as exc:
            return [], f"the Wikidata service could not be reached ({exc.message}); linked " \
                       "offline"
        return list(best.values()), None

    # -- scoring ----------------------------------------------------------------------------

    def _score(self, raw: list[tuple[CatalogEntry, float]], kind: str | None,
               context: set[str]) -> list[_Scored]:
        ctx = _Context(self.catalog, context)
        scored = []
        for entry, name in raw:
            compat = 1.0 if kind is None else KIND_COMPATIBILITY[kind].get(entry.kind, 0.0)
            if compat <= 0:
                continue
            scored.append(_Scored(entry, name, compat, entry.prior, ctx.score(entry)))
        weights = [math.exp(6 * (0.6 * s.prior + 0.4 * s.context) + 10 * (s.name - 1)) * s.compat
                   for s in scored]
        total = sum(weights)
        for s, w in zip(scored, weights, strict=True):
            s.share = w / total if total else 0.0
        scored.sort(key=lambda s: (-s.score, s.entry.key))
        return scored

    # -- gazetteer --------------------------------------------------------------------------

    def _gazetteer_places(self, surfaces: list[str]) -> tuple[GazPlace, ...]:
        assert self.gazetteer is not None
        seen: dict[int, GazPlace] = {}
        for surface in surfaces:
            for p in self.gazetteer.lookup(surface):
                seen.setdefault(p.geonames, p)
        return tuple(sorted(seen.values(), key=lambda p: (-p.population, p.geonames)))

    def _homonym_nearby(self, entry: CatalogEntry, places: tuple[GazPlace, ...],
                        context: set[str]) -> GazPlace | None:
        """A city of the same name near the regions the article names (within ``_NEAR_KM``;
        cities do not count) when the catalog's place lies far from all of them (beyond
        ``_FAR_KM``), or None: "St Petersburg" beside "Florida" is no Russian city."""
        if entry.lat is None or entry.lon is None:
            return None
        cities = self.gazetteer.places if self.gazetteer is not None else {}
        around = [(e.lat, e.lon) for e in (self.catalog.get(q) for q in context)
                  if e is not None and e.kind == "place" and e.lat is not None and
                  e.lon is not None and e.geonames not in cities]  # regions, not cities
        # ("from his home in Tampa to St Petersburg for talks with Putin": Russia's)
        if not around or any(_km(entry.lat, entry.lon, *at) <= _FAR_KM for at in around):
            return None
        return next((p for p in places if p.geonames != entry.geonames and
                     p.population >= _TOWN_SIZE and p.lat is not None and p.lon is not None
                     and any(_km(p.lat, p.lon, *at) <= _NEAR_KM for at in around)), None)

    def _homonym_in_named_country(self, entry: CatalogEntry, places: tuple[GazPlace, ...],
                                  context: set[str]) -> GazPlace | None:
        """A city of the same name in a country the article names (a country, not a city of
        it), when the catalog place's own country goes unnamed ("Tripoli, in northern
        Lebanon": not Libya's), and that city is no village beside the catalog's (at least a
        tenth its size, and 50,000 people)."""
        if self.gazetteer is None or not entry.country:
            return None
        named = {q for q in context if (e := self.catalog.get(q)) is not None and
                 e.kind == "place" and not e.country}  # countries the article names
        codes = self._context_countries(named)
        country = self.catalog.get(entry.country)
        own = self.gazetteer.country_code(country.geonames) \
            if country is not None and country.geonames is not None else None
        if not codes or own is None or own in codes:
            return None
        size = max(entry.population or 0, 1)
        return next((p for p in places if p.geonames != entry.geonames and
                     p.country_code in codes and p.population >= 50_000 and
                     p.population * 10 >= size), None)

    def _context_countries(self, context: set[str]) -> set[str]:
        """ISO codes of the countries of the context's places."""
        assert self.gazetteer is not None
        codes = set()
        for qid in context:
            entry = self.catalog.get(qid)
            if entry is None or entry.kind != "place":
                continue
            for candidate in (entry, self.catalog.get(entry.country) if entry.country else None):
                if candidate is not None and candidate.geonames is not None:
                    code = self.gazetteer.country_code(candidate.geonames)
                    if code:
                        codes.add(code)
        return codes

    def _choose_place(self, places: tuple[GazPlace, ...], context: set[str]) -> GazPlace | None:
        """The place meant, when it is clear: the only one, the only one in the countries of
        the article's other places, or one far larger than all others."""
        if len(places) == 1:
            return places[0]
        codes = self._context_countries(context)
        if codes:
            inside = [p for p in places if p.country_code in codes]
            if len(inside) == 1:
                return inside[0]
            if len(inside) > 1:
                places = tuple(inside)
        top, runner = places[0], places[1]
        if top.population >= 100_000 and top.population >= 20 * max(runner.population, 1):
            return top
        return None

    def _place_of(self, entry: CatalogEntry, places: tuple[GazPlace, ...]) -> GazPlace | None:
        """The GeoNames place of a catalog entry (from the gazetteer when it has it)."""
        if entry.geonames is None:
            return None
        for p in places:
            if p.geonames == entry.geonames:
                return p
        if self.gazetteer is not None and entry.geonames in self.gazetteer.places:
            return self.gazetteer.places[entry.geonames]
        if entry.lat is None or entry.lon is None:
            return None
        country = self.catalog.get(entry.country) if entry.country else None
        code = ""
        if country is not None and country.geonames is not None and self.gazetteer is not None:
            code = self.gazetteer.country_code(country.geonames) or ""
        return GazPlace(entry.geonames, entry.label, code, entry.lat, entry.lon,
                        entry.population or 0, "city", None)

    def _bridge(self, place: GazPlace, surfaces: list[str], context: set[str]
                ) -> _Scored | None:
        """A catalog entry carrying the chosen place's GeoNames id (a name the catalog lacks,
        e.g. a spelling variant known only to GeoNames, "Charkiw", or another language's,
        "Lemberg"). Not for a name of more words than the place's that spells nothing like it
        ("the White House", one of Casablanca's names in GeoNames: a translation), nor for the
        first word of a city named "X City" ("Gaza", "Mexico": the territory or country is
        meant far more often than the city), nor for a name of four letters or fewer unless
        the article names the place's country ("the village of Tana" is no Antananarivo)."""
        entries = [e for e in self.catalog.by_geonames(place.geonames) if e.kind == "place"]
        if len(entries) != 1 or entries[0].qid is None:
            return None
        entry = entries[0]
        if all(len(s) <= 4 for s in surfaces) and entry.country not in context:
            return None
        names = (place.name, entry.label)
        if all(len(s.split()) > len(n.split()) and SequenceMatcher(
                None, self.catalog.key_of(s), self.catalog.key_of(n)).ratio() < 0.5
               for s in surfaces for n in names):
            return None
        if any(entry.label.casefold() == f"{s.casefold()} city" for s in surfaces):
            return None
        return _Scored(entry, name=0.9, compat=1.0, prior=entry.prior, context=0.0, share=1.0)


_NEAR_KM = 250.0  # a homonym this near one of the article's places may be the one meant
_FAR_KM = 1500.0  # ... when the catalog's place is this far from all of them
_TOWN_SIZE = 100_000  # ... and the homonym a city of this many people (not a village)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + \
        math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _name_score(entry: CatalogEntry, surface: str, exact: bool) -> float:
    folded = surface.casefold()
    if any(label.casefold() == folded for label in entry.labels.values()):
        return 1.0
    return 0.95 if exact else 0.9


class _Context:
    """What the article's other linked entities say about a candidate."""

    def __init__(self, catalog: Catalog, qids: set[str]):
        self.catalog = catalog
        self.qids = qids
        self._read = False  # the context entries are read when a candidate is scored

    def _read_entries(self) -> None:
        catalog = self.catalog
        self.entries = [e for e in (catalog.get(q) for q in sorted(self.qids)) if e is not None]
        self.countries = {e.country for e in self.entries if e.country}
        self.around: set[str] = set()  # places that contain a context place
        for e in self.entries:
            if e.kind == "place":
                self.around.update(catalog.ancestors(e.key))
        self._read = True

    def score(self, entry: CatalogEntry) -> float:
        if not self.qids:
            return 0.0
        if entry.qid is not None and entry.qid in self.qids:
            return 1.0
        if not self._read:
            self._read_entries()
        hits = 0
        if entry.country and (entry.country in self.countries or entry.country in self.qids):
            hits += 1
        if entry.qid is not None and (entry.qid in self.around or entry.qid in self.countries):
            hits += 1
        if entry.kind == "place" and self.qids.intersection(self.catalog.ancestors(entry.key)):
            hits += 1
        return min(1.0, 0.5 * hits)
