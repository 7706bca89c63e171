"""Entities: mentions grouped into one entity per real-world referent, then linked.

Mentions join when they share a key (the same country, armed forces, catalog entry or
gazetteer place, or the same name), when one refers to another (a surname, a spelling
variant), or when two person names share a surname and their given names are variants.
Each entity is linked with one call to the linker carrying all its mentions.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..model import Entity, LinkInfo, Mention
from .candidates import SOURCE_RANK, Candidate
from .lexicon import Lexicon
from .mentions import alternate_name, dominant_place, surname_forms
from .patterns import ROLE_RULE
from .sentences import SentenceSpan, every_long_word_capitalised
from .variants import are_variants, fold


@dataclass
class EntityGroup:
    """The mentions of one entity and what the rules know about it."""

    mentions: list[Candidate]
    kind: str = "organization"
    label: str = ""
    key: str | None = None
    id: str = ""
    entity: Entity | None = None
    capital_of: str | None = None  # country code when the entity is a seat of government
    country_code: str | None = None
    lies_in: str | None = None  # country code of the place's GeoNames record, when known
    aliases: list[str] = field(default_factory=list)

    @property
    def first(self) -> int:
        return min(c.start for c in self.mentions)


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def group_mentions(cands: list[Candidate], lex: Lexicon) -> list[EntityGroup]:
    """Group accepted candidates into entities, ordered by first mention."""
    if not cands:
        return []
    uf = _UnionFind(len(cands))
    by_key: dict[str, int] = {}
    by_span = {(c.start, c.end): i for i, c in enumerate(cands)}
    # person names that refer to more than one full name ("Gonzalez")
    targets: dict[str, set] = {}
    for c in cands:
        if c.kind == "person" and c.extra.get("refers_to"):
            targets.setdefault(c.surface, set()).add(c.extra["refers_to"])
    shared = frozenset(s for s, t in targets.items() if len(t) > 1)
    for i, c in enumerate(cands):
        key = _key(c, shared)
        if key in by_key:
            uf.union(by_key[key], i)
        else:
            by_key[key] = i
        ref = c.extra.get("refers_to")
        if ref in by_span and not (c.key and cands[by_span[ref]].key and
                                   cands[by_span[ref]].key != c.key):
            # (not a later "Kyiv", the city, to the headline's "Kyiv" that stood for Ukraine)
            uf.union(by_span[ref], i)
    _merge_person_variants(cands, uf)
    _merge_longer_names(cands, uf, lex)
    _merge_surnames(cands, uf)
    _merge_unkeyed_spellings(cands, uf)
    _merge_acronyms(cands, uf)
    _merge_name_variants(cands, uf)
    members: dict[int, list[Candidate]] = {}
    for i, c in enumerate(cands):
        members.setdefault(uf.find(i), []).append(c)
    groups = [_describe(sorted(ms, key=lambda c: c.start), lex) for ms in members.values()]
    groups.sort(key=lambda g: g.first)
    for n, g in enumerate(groups, 1):
        g.id = f"e{n}"
    return groups


def drop_headline_guesses(groups: list[EntityGroup], sentences: Sequence[SentenceSpan],
                          text: str) -> list[EntityGroup]:
    """The groups left when those named only on title-case lines and known to no catalog are
    dropped, but for countries and places of several words ("Missiles Hit Apartment Block
    ... a Day After Snake Island Retreat": no town Retreat; a subheading '"No Military
    Targets"': no person). Capitals there say little about names, and a real name in a
    headline is told again in the text below. Ids are given again in order."""
    starts = [s.start for s in sentences]

    def titled(c: Candidate) -> bool:
        n = bisect.bisect_right(starts, c.start) - 1
        sent = sentences[n] if n >= 0 else None
        # (every longer word capitalised: "Hurricane Idalia slams into Florida's Big Bend"
        # is written in sentence case, and its names are names)
        return sent is not None and sent.titlecase and sent.kind == "headline" and \
            every_long_word_capitalised(text, sent.start, sent.end)

    kept = [g for g in groups
            if (g.key or "").startswith("country:") or
            # (a place's word names it: "Snake Island Retreat" keeps the island)
            g.kind == "place" and any(" " in c.surface or _placed_in_headline(c, text)
                                      for c in g.mentions) or
            any(c.source == "catalog" or c.entries or not titled(c) for c in g.mentions)]
    if len(kept) < len(groups):
        for n, g in enumerate(kept, 1):
            g.id = f"e{n}"
    return kept


def _placed_in_headline(c: Candidate, text: str) -> bool:
    """A town of a headline that is one: a city of some size ("Quake Jolts Hualien") or a
    name after "in", "near", "at" ("Race Against Time in Antakya")."""
    if any(p.population >= _HEADLINE_TOWN and _own_name(c.surface, p) for p in c.places):
        return True  # (by its own name: "Turn" is another name of Angren)
    before = text[max(0, c.start - 12):c.start].split()
    return bool(before) and before[-1].lower() in _HEADLINE_PLACE_PREPOSITIONS


def _own_name(surface: str, place: Any) -> bool:
    """The place's own name, or its first words ("Hualien" of "Hualien City")."""
    return not alternate_name(surface, place) or \
        fold(str(getattr(place, "name", ""))).startswith(fold(surface) + " ")


# Towns this large are named in headlines as towns: the gazetteer's towns whose names are
# also English words ("Time", "Retreat", "Hit", "Como" read "Come") are smaller.
_HEADLINE_TOWN = 95_000
_HEADLINE_PLACE_PREPOSITIONS = frozenset({"in", "near", "at", "outside", "into", "across"})


def _key(c: Candidate, shared: frozenset[str] = frozenset()) -> str:
    if c.key:
        return c.key
    ref = c.extra.get("refers_to")
    if c.kind == "person" and ref and c.surface in shared:
        # ("Gonzalez" told of Juan Miguel Gonzalez here and of Lazaro Gonzalez there: the
        # name it refers to, not its surface, is who it is)
        return f"person-ref:{ref[0]}:{ref[1]}"
    if c.kind == "person":
        return "person:" + fold(c.surface)
    # one name, one entity, whatever the rules guessed ("U.S. Coast Guard", "US Coast Guard")
    return "name:" + fold(c.surface).replace(".", "")


def _merge_person_variants(cands: list[Candidate], uf: _UnionFind) -> None:
    people = [(i, c.surface.split()) for i, c in enumerate(cands)
              if c.kind == "person" and len(c.surface.split()) > 1]
    for a in range(len(people)):
        for b in range(a + 1, len(people)):
            (i, wa), (j, wb) = people[a], people[b]
            if wa[-1] == wb[-1] and are_variants(wa[0], wb[0]):
                uf.union(i, j)
    # "Marine Le Pen" ... "Le Pen": the particle surname the rules found on its own
    full = {" ".join(w): i for i, w in people}
    for name, i in full.items():
        for short in surname_forms(name)[:-1]:
            j = full.get(short)
            if j is not None and j != i:
                uf.union(i, j)


def _merge_longer_names(cands: list[Candidate], uf: _UnionFind, lex: Lexicon) -> None:
    """A name and a longer form of it are one entity: a person's first and family name and the
    name with a middle name or a second surname ("Edmundo Gonzalez" ... "Edmundo Gonzalez
    Urrutia", "Thomas Crooks" ... "Thomas Matthew Crooks"); a body's name and the same name
    after a country ("the Secret Service" ... "the US Secret Service"); a building's or a
    bridge's name and the name in full ("the Key Bridge" ... "the Francis Scott Key
    Bridge"); a name no list knows and the same name of a division ("Kunar" ... "Kunar
    province"). Only when the short name fits one longer name and the longer name one short
    name ("the Defence Ministry" after a Russian and a Ukrainian one stays alone); a person the
    catalog knows keeps its own names ("Nicolas Maduro" is not "Nicolas Maduro Guerra"), and
    names two lists tell apart stay apart."""
    by_name: dict[tuple[str, str], list[int]] = {}
    for i, c in enumerate(cands):
        if c.kind in ("person", "organization", "place"):
            by_name.setdefault((c.kind, c.surface), []).append(i)
    # one candidate stands for each name (the pairs are of names, not of mentions)
    named = [(i, cands[i], surface.split()) for (_, surface), (i, *_) in by_name.items()]
    pairs = []
    for i, a, wa in named:
        for j, b, wb in named:
            if a.kind != b.kind or len(wb) <= len(wa) or a.key and b.key and a.key != b.key:
                continue
            division = a.kind == "place" and not (a.key or a.places or a.entries) and \
                wa == wb[:-1] and wb[-1].lower() in _DIVISIONS
            if len(wa) < 2 and not division:
                continue
            if division or \
                    a.kind == "person" and not (a.key or b.key) and wa[0] == wb[0] and (
                        wa == wb[:len(wa)] or wa[-1] == wb[-1]) or \
                    a.kind == "organization" and not a.key and wa == wb[1:] and \
                    _national(wb[0], lex) or \
                    a.kind == "place" and not a.key and wa == wb[-len(wa):] and \
                    wa[-1].lower() in _NAMED_STRUCTURES:
                pairs.append((a.surface, i, b.surface, j))
    longer: dict[str, set[str]] = {}
    shorter: dict[str, set[str]] = {}
    for short, _, long, _ in pairs:
        longer.setdefault(short, set()).add(long)
        shorter.setdefault(long, set()).add(short)
    for short, i, long, j in pairs:
        if len(longer[short]) == 1 and len(shorter[long]) == 1:
            for k in (*by_name[(cands[i].kind, short)], *by_name[(cands[j].kind, long)]):
                uf.union(i, k)


def _national(word: str, lex: Lexicon) -> bool:
    """A country's code, name or demonym before a body's name ("US", "U.S.", "French")."""
    low = word.lower()
    return low.replace(".", "") in ("us", "uk") or low in lex.country_names or \
        low in lex.demonyms


# Words after a name that make it a division's ("Kunar province")
_DIVISIONS = frozenset({"province", "region", "oblast", "county", "district", "governorate",
                        "prefecture"})
# Heads of the names of structures that are often shortened ("the Key Bridge")
_NAMED_STRUCTURES = frozenset({"bridge", "dam", "tower", "airport", "stadium", "station",
                               "hospital", "museum", "palace", "cathedral", "mosque", "tunnel"})


def _merge_surnames(cands: list[Candidate], uf: _UnionFind) -> None:
    """A one-word person name found on its own ("President Fico" in the lead) is the one
    full name of the text it shortens ("Robert Fico"). A name whose last word never stands
    alone but whose first word does is written family name first ("Yoon Suk Yeol" ...
    "Yoon"): that first word shortens it."""
    # (a title is no name: "the president" does not shorten "the former president")
    full = [(i, c.surface.split()) for i, c in enumerate(cands)
            if c.kind == "person" and len(c.surface.split()) > 1 and c.rule not in _ROLE_RULES]
    singles = [(i, c.surface) for i, c in enumerate(cands)
               if c.kind == "person" and " " not in c.surface and c.rule not in _ROLE_RULES]
    if not full or not singles:
        return
    alone = {s for _, s in singles}
    by_short: dict[str, set[int]] = {}
    for i, words in full:
        forms = surname_forms(" ".join(words))
        if words[-1] not in alone and words[0] in alone:
            forms = [*forms, words[0]]
        for form in forms:
            by_short.setdefault(form, set()).add(uf.find(i))
    for i, surface in singles:
        roots = {uf.find(j) for j in by_short.get(surface, ())}
        if len(roots) == 1:
            uf.union(roots.pop(), i)


_ROLE_RULES = frozenset({ROLE_RULE, "coref:role"})


def _merge_unkeyed_spellings(cands: list[Candidate], uf: _UnionFind) -> None:
    """A name the rules found on their own ("BALTIMORE" in a dateline) joins the one entity a
    list found under the same name ("in Baltimore", a gazetteer place)."""
    keyed: dict[tuple[str, str], set[int]] = {}
    for i, c in enumerate(cands):
        if c.key and (c.entries or c.places) and not c.extra.get("metonymy"):
            keyed.setdefault((c.kind, fold(c.surface)), set()).add(i)
    if not keyed:
        return
    for i, c in enumerate(cands):
        if c.key or c.entries or c.places:
            continue
        found = keyed.get((c.kind, fold(c.surface)))
        if found and len({uf.find(j) for j in found}) == 1:
            uf.union(next(iter(found)), i)


def _merge_name_variants(cands: list[Candidate], uf: _UnionFind) -> None:
    """Two one-word names that no list explains and that are spelling variants of each other
    (Kharkiv, Kharkov) are one entity; listed names keep their own identities."""
    singles = [(i, c) for i, c in enumerate(cands)
               if " " not in c.surface and c.kind in ("place", "person") and not c.entries
               and not c.places and not c.key and not c.extra.get("demonym")]
    for a in range(len(singles)):
        for b in range(a + 1, len(singles)):
            (i, ca), (j, cb) = singles[a], singles[b]
            if ca.kind == cb.kind and ca.surface != cb.surface and \
                    uf.find(i) != uf.find(j) and are_variants(ca.surface, cb.surface):
                uf.union(i, j)


_ACRONYM_SKIP = frozenset({"of", "the", "for", "and", "on", "de", "du", "la", "le", "in"})


def initials(name: str) -> str:
    """"Institute for the Study of War" -> "ISW"."""
    return "".join(w[0] for w in name.replace("-", " ").split()
                   if w.lower() not in _ACRONYM_SKIP and w[:1].isalpha()).upper()


def _merge_acronyms(cands: list[Candidate], uf: _UnionFind) -> None:
    """An acronym joins the one multi-word organisation name it abbreviates (EU, RSF)."""
    full: dict[str, list[int]] = {}
    for i, c in enumerate(cands):
        words = c.surface.split()
        if len(words) > 1 and c.kind in ("organization", "military_unit", "media"):
            full.setdefault(initials(c.surface), []).append(i)
    for i, c in enumerate(cands):
        s = c.surface.replace(".", "")
        if 2 <= len(s) <= 6 and s.isupper() and s.isalpha():
            targets = {uf.find(j) for j in full.get(s, [])}
            if not targets and len(s) >= 3:
                # "ECOWAS": Economic COmmunity of West African States
                targets = {uf.find(j) for js in full.values() for j in js
                           if _abbreviates(s.lower(), cands[j].surface)}
            if len(targets) == 1:
                uf.union(targets.pop(), i)


def _abbreviates(acronym: str, name: str) -> bool:
    """Every word of ``name`` (but "of", "the" ... which may give a letter or none) gives the
    acronym its first letter and maybe more of its letters in order ("ECOWAS" of "Economic
    Community of West African States")."""
    words = name.replace("-", " ").lower().split()

    def fits(a: int, w: int) -> bool:
        if a == len(acronym) or w == len(words):
            return a == len(acronym) and w == len(words)
        word = words[w]
        if word in _ACRONYM_SKIP and fits(a, w + 1):
            return True
        if acronym[a] != word[:1]:
            return False
        a, pos = a + 1, 1
        while True:
            if fits(a, w + 1):
                return True
            k = word.find(acronym[a], pos) if a < len(acronym) else -1
            if k < 0:
                return False
            a, pos = a + 1, k + 1

    return fits(0, 0)


def _describe(ms: list[Candidate], lex: Lexicon) -> EntityGroup:
    g = EntityGroup(mentions=ms)
    ranked = sorted(ms, key=lambda c: (SOURCE_RANK.get(c.source, 9), c.weak, -c.confidence,
                                       c.start))
    votes: Counter[str] = Counter()
    for c in ms:
        votes[c.kind] += (3 - min(SOURCE_RANK.get(c.source, 3), 3)) + c.confidence
    g.kind = max(votes, key=lambda k: (votes[k], k == ranked[0].kind))
    multi = [c for c in ms if " " in c.surface and c.kind in ("organization", "military_unit",
                                                               "media")]
    if multi and all(" " not in c.surface or c in multi for c in ms):
        g.kind = max(multi, key=lambda c: (SOURCE_RANK.get(c.source, 9) == 0, c.confidence)
                     ).kind
    if any(c.key and c.key.startswith("role:") for c in ranked) and \
            any(c.source != "propagated" and not (c.key or "").startswith("role:")
                for c in ranked):
        # "former president Jair Bolsonaro ... the former president": the name, not the
        # description, gives the group its key and label
        ranked = [c for c in ranked if not (c.key or "").startswith("role:")]
    keys = [c.key for c in ranked if c.key]
    g.key = keys[0] if keys else None
    if g.key and g.key.startswith(("country:", "forces:")):
        code = g.key.split(":", 1)[1]
        g.country_code = code
        country = lex.countries.get(code)
        if country is not None:
            g.label = country.name if g.key.startswith("country:") else country.forces
            if g.key.startswith("country:"):
                g.kind = "place"
    if not g.label:
        labelled = [c.label for c in ranked if c.label]
        g.label = labelled[0] if labelled else _catalog_label(ms) or _best_surface(
            [c for c in ms if c in ranked] if len(ranked) < len(ms) else ms, g.kind)
    for c in ms:
        if c.extra.get("capital_of"):
            g.capital_of = c.extra["capital_of"]
    surfaces = []
    for c in ms:
        s = c.surface
        if s != g.label and s not in surfaces and not c.extra.get("demonym") and \
                not c.extra.get("metonymy"):
            surfaces.append(s)
    g.aliases = surfaces
    return g


def _catalog_label(ms: list[Candidate]) -> str | None:
    """The catalog's name when every catalog mention means the same one entry."""
    entries = {(e.qid, getattr(e, "geonames", None), e.label) for c in ms if c.entries
               for e in c.entries[:1]}
    if len(entries) == 1 and all(len(c.entries) == 1 for c in ms if c.entries):
        return next(iter(entries))[2]
    return None


def _best_surface(ms: list[Candidate], kind: str) -> str:
    firm = [c for c in ms if c.source != "propagated" and c.rule != "coref:variant"] or ms
    if kind == "person":
        return max(firm, key=lambda c: (len(c.surface.split()), len(c.surface), -c.start)).surface
    counts = Counter(c.surface for c in ms if c.rule != "coref:variant")
    firm_names = {c.surface for c in firm}
    return max(counts, key=lambda s: (counts[s], not s.isupper(), s in firm_names,
                                      len(s.split()), -min(c.start for c in ms
                                                           if c.surface == s)))


def build_entities(groups: list[EntityGroup], *, linker: Any = None
                   ) -> tuple[list[Entity], list[Mention], list[str]]:
    """Entities and mentions of the model; each group is linked with one linker call."""
    warnings: list[str] = []
    entities, mentions = [], []
    context: list[str] = []
    order = sorted(groups, key=lambda g: (not (g.key or "").startswith("country:"), g.first))
    countries: dict[str, str] = {}  # ISO code -> Q-id of the countries linked so far
    for g in order:
        g.entity = Entity(id=g.id, label=g.label, kind=g.kind, aliases=list(g.aliases))
        _fill_from_gazetteer(g)
        if linker is not None and not (g.key or "").startswith(("role:", "us-state:", "region:")):
            # ("the governor": an unnamed holder of a title has no Wikidata item; the state
            # of Georgia is not the country the catalog holds)
            try:
                _link(g, linker, context, countries)
            except Exception as exc:  # a broken adapter must not lose the article
                warnings.append(f"linking failed for {g.label!r}: {type(exc).__name__}")
        if g.entity.wikidata:
            context.append(g.entity.wikidata)
            if (g.key or "").startswith("country:"):
                countries[g.key.split(":", 1)[1]] = g.entity.wikidata
    _merge_same_items(groups)
    for g in groups:
        entities.append(g.entity)
        for c in g.mentions:
            mentions.append(Mention(entity=g.id, start=c.start, end=c.end, rule=c.rule,
                                    confidence=round(c.confidence, 3)))
    mentions.sort(key=lambda m: (m.start, m.end))
    return entities, mentions, warnings


def _merge_same_items(groups: list[EntityGroup]) -> None:
    """Groups the linker gave the same Wikidata item (or places of one GeoNames id) are one
    entity ("Britain's" and "British" both mean the United Kingdom; a dateline's "HAGUE" and
    "The Hague"): the later ones join the first, in place, and the ids are numbered again."""
    first: dict[tuple[str, object], EntityGroup] = {}
    kept: list[EntityGroup] = []
    for g in sorted(groups, key=lambda g: g.first):
        keys = _item_keys(g)
        into = next((first[k] for k in keys if k in first), None)
        if into is not None:
            into.mentions = sorted(into.mentions + g.mentions, key=lambda c: c.start)
            if into.entity.label.isupper() and not g.entity.label.isupper():
                # a dateline's "HAGUE" and "The Hague" below: the label as the text spells it
                into.entity.aliases.append(into.entity.label)
                into.entity.label = into.label = g.entity.label
            for alias in [g.entity.label, *g.entity.aliases]:
                if alias != into.entity.label and alias not in into.entity.aliases:
                    into.entity.aliases.append(alias)
            if (g.key or "").startswith("country:") and \
                    not (into.key or "").startswith("country:"):
                # "US" in a headline and "the United States" below: a country that acts
                into.key, into.country_code = g.key, into.country_code or g.country_code
            for k in keys:
                first.setdefault(k, into)
            continue
        for k in keys:
            first[k] = g
        kept.append(g)
    if len(kept) == len(groups):
        return
    groups[:] = kept
    for n, g in enumerate(groups, 1):
        g.id = g.entity.id = f"e{n}"


def _item_keys(g: EntityGroup) -> list[tuple[str, object]]:
    """What makes two groups one item: the Wikidata item, or for a place its GeoNames id."""
    e = g.entity
    if e is None:
        return []
    keys: list[tuple[str, object]] = [("wikidata", e.wikidata)] if e.wikidata else []
    if e.kind == "place" and e.geonames:
        keys.append(("geonames", e.geonames))
    return keys


def _fill_from_gazetteer(g: EntityGroup) -> None:
    if g.kind != "place":
        return
    state, sure = _us_state(g)
    code = _in_country(g)
    for c in g.mentions:
        places = c.places if state is None else tuple(
            p for p in c.places if p.country_code == "US" and p.admin1 == state)
        if not places and not sure:
            places = c.places
        if code is not None:
            places = tuple(p for p in places if p.country_code == code)
        if places:
            best = dominant_place(places)
            if best is not None and not _names_no_town(g, best):
                _respell_capitals(g, best)
                g.lies_in = best.country_code or None
                g.entity.geonames = int(best.geonames) if best.geonames else None
                if best.lat is not None and best.lon is not None:
                    g.entity.lat, g.entity.lon = float(best.lat), float(best.lon)
                return


def _link(g: EntityGroup, linker: Any, context: list[str],
          countries: dict[str, str] | None = None) -> None:
    from ..linking import MentionToLink  # the adapter's own request type

    if any(c.extra.get("state_body") for c in g.mentions):
        return  # "Kazakhstan's Security Council": not the UN's, whose name the catalog holds
    if any(c.extra.get("namesake") for c in g.mentions):
        return  # "Colombia's Defence Minister Pedro Sánchez": another country's person than
        # the one the catalog names
    requests = [MentionToLink(surface=c.extra.get("link_as") or c.surface, kind=g.kind,
                              start=c.start, end=c.end)
                for c in g.mentions if not c.extra.get("metonymy")]
    if g.key and g.key.startswith(("country:", "forces:", "branch:")) and \
            (all(c.surface != g.label for c in g.mentions) or not requests):
        # "Greek", "Russian troops": the entity's name, not the demonym, is what is linked
        first = g.mentions[0]
        requests.append(MentionToLink(surface=g.label, kind=g.kind, start=first.start,
                                      end=first.end))
    decisions = list(linker.link(requests, context_qids=tuple(context)))
    state, sure = _us_state(g)
    if state is not None:
        # "PLAINS, Ga.": neither Paris in France nor a Plains of another state ("Moscow,
        # Washington and ...": a state's name only counts when a place there is offered)
        inside = [d for d in decisions if _in_us_state(d, state, (countries or {}).get("US"))]
        # ("Georgetown, South Carolina": not the capital of Guyana, whatever else it is)
        listed = any(c.extra.get("us_state_listed") for c in g.mentions)
        decisions = inside if sure or inside else decisions if listed else [
            d for d in decisions
            if getattr(getattr(d, "place", None), "country_code", None) in (None, "US")]
    code = _in_country(g)
    if code is not None:
        # "the Pakistani city of Hyderabad": not the Indian city the catalog holds
        decisions = [d for d in decisions if _of_country(d, code, countries or {})]
    if g.kind == "place" and all(c.extra.get("division_after") or c.extra.get("road_after")
                                 for c in g.mentions):
        # "Sao Paulo state", "Kaduna state": the state, not the city of its name (nor is "the
        # Zhytomyr highway" the city it leads to)
        decisions = [d for d in decisions
                     if getattr(getattr(d, "place", None), "feature", None) != "city" and
                     not _a_country(d)]  # (nor is "Niger state" in Nigeria the country)
    if not decisions:
        return
    linked = [d for d in decisions if d.entry is not None and d.entry.qid and
              d.info.status == "linked"]
    if linked:
        votes = Counter(d.entry.qid for d in linked)
        best = max(linked, key=lambda d: (votes[d.entry.qid], d.info.confidence or 0))
        _apply_entry(g, best.entry, best.info)
        _apply_place(g, getattr(best, "place", None))
        return
    ambiguous = [d for d in decisions if d.info.status == "ambiguous"]
    chosen = max(ambiguous or decisions, key=lambda d: d.info.confidence or 0)
    g.entity.link = chosen.info
    if g.kind == "place":
        _apply_place(g, getattr(chosen, "place", None))


def _in_country(g: EntityGroup) -> str | None:
    """The country (ISO code) the text puts a place in, if it says so."""
    return next((c.extra["in_country"] for c in g.mentions if c.extra.get("in_country")), None)


def _of_country(decision: Any, code: str, countries: dict[str, str]) -> bool:
    """Whether a linker's decision is a place of that country (as far as can be told)."""
    place = getattr(decision, "place", None)
    if place is not None and getattr(place, "country_code", None) not in (None, code):
        return False
    entry = decision.entry
    qid = countries.get(code)
    country = getattr(entry, "country", None) if entry is not None else None
    return not (country and qid and country != qid)


def _us_state(g: EntityGroup) -> tuple[str | None, bool]:
    """The US state a place's mentions put it in, and whether an abbreviation says so."""
    marked = [c for c in g.mentions if c.extra.get("us_state")]
    sure = [c for c in marked if c.extra.get("us_state_sure")]
    chosen = (sure or marked or [None])[0]
    return (None, False) if chosen is None else (chosen.extra["us_state"], bool(sure))


def _in_us_state(decision: Any, state: str, us_item: str | None) -> bool:
    """Whether a linker's decision is a place of that US state (``us_item``: the Q-id the
    text's own "United States" was linked to, if it names the country)."""
    place = getattr(decision, "place", None)
    if place is not None:
        return getattr(place, "country_code", None) == "US" and \
            getattr(place, "admin1", None) == state
    entry = decision.entry
    country = getattr(entry, "country", None) if entry is not None else None
    return not country or country == us_item


def _apply_place(g: EntityGroup, place: Any) -> None:
    """The GeoNames place the linker says the name means (coordinates, GeoNames id); never
    for a name written after "the" ("the White House" is no town, though GeoNames lists it
    among Casablanca's names, and neither is "White House" in the headline above it) or
    before "state", "province" ... ("Borno state" is no Borna) when it is one of the place's
    other names and not its own ("The Hague", "Kaduna state")."""
    if place is None or g.entity is None or _names_no_town(g, place):
        return
    _respell_capitals(g, place)
    g.lies_in = g.lies_in or getattr(place, "country_code", None) or None
    if place.geonames and not g.entity.geonames:
        g.entity.geonames = int(place.geonames)
    if g.entity.lat is None and place.lat is not None and place.lon is not None:
        g.entity.lat, g.entity.lon = float(place.lat), float(place.lon)


def _respell_capitals(g: EntityGroup, place: Any) -> None:
    """A dateline's "BALTIMORE" is the place the gazetteer spells "Baltimore" (and "THE
    HAGUE", whose "THE" the mention leaves out, "The Hague")."""
    name = getattr(place, "name", None)
    label = g.entity.label
    if name and label.isupper() and not name.isupper() and \
            label.casefold() in (name.casefold(), name.casefold().removeprefix("the ")):
        g.entity.aliases = [a for a in g.entity.aliases if a != name]
        g.entity.aliases.insert(0, label)
        g.entity.label = name


def _names_no_town(g: EntityGroup, place: Any) -> bool:
    """Every mention is one of the place's other names, and each is written after "the" (or
    one is, when the name has several words: "the White House", but "the Balakliia and Izium
    areas") or one before "state", "province" ... (see :func:`_apply_place`)."""
    if not all(alternate_name(c.surface, place) for c in g.mentions):
        return False
    the = [bool(c.extra.get("after_the")) for c in g.mentions]
    return all(the) or any(the) and all(" " in c.surface for c in g.mentions) or \
        any(c.extra.get("division_after") for c in g.mentions)


def _a_country(d: Any) -> bool:
    """The decision links a country (a catalog place in no country, or GeoNames' country)."""
    place = getattr(d, "place", None)
    if getattr(place, "feature", None) == "country":
        return True
    entry = getattr(d, "entry", None)
    return entry is not None and getattr(entry, "kind", None) == "place" and \
        not getattr(entry, "country", None) and "country" in str(
            getattr(entry, "description", "") or "").lower()


def _apply_entry(g: EntityGroup, entry: Any, info: LinkInfo) -> None:
    e = g.entity
    e.wikidata = entry.qid
    e.link = info
    if entry.label and entry.label != e.label:
        if e.label not in e.aliases:
            e.aliases.insert(0, e.label)
        e.label = entry.label
    e.aliases = [a for a in e.aliases if a != e.label]
    e.description = entry.description or e.description
    e.country = entry.country or e.country
    if entry.geonames:
        e.geonames = int(entry.geonames)
    if entry.lat is not None and entry.lon is not None:
        e.lat, e.lon = float(entry.lat), float(entry.lon)
