"""Mentions: candidates from the catalog, the gazetteer and the patterns, reconciled.

Overlaps are resolved in favour of confident, long, listed spans; guesses are kept only when
something confirms them; and once a name is established its other occurrences (exact, a
person's surname, or a spelling variant) are found everywhere, headlines included.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from typing import Any

from ..temporal.lexicon import MONTHS, WEEKDAYS
from .candidates import SOURCE_RANK, Candidate
from .clauses import irregular_verb_forms
from .document import Document
from .inflection import looks_plural
from .lexicon import Lexicon
from .names import MAKERS, VESSEL_NOUNS, find_name_candidates, names_a_weapon, title_before
from .patterns import (
    ROLE_RULE,
    find_credit_candidates,
    find_group_candidates,
    find_office_candidates,
    find_pattern_candidates,
)
from .spans import SpanSet
from .triggers import PREPOSITIONS
from .variants import are_variants, fold
from .vocabulary import SURNAME_PARTICLES

_KIND_ALIASES = {"organisation": "organization", "org": "organization", "unit": "military_unit",
                 "location": "place", "country": "place", "city": "place", "human": "person"}
_MODEL_KINDS = ("person", "place", "organization", "military_unit", "media", "group")


def model_kind(kind: Any) -> str:
    k = str(kind or "").lower()
    k = _KIND_ALIASES.get(k, k)
    return k if k in _MODEL_KINDS else "organization"


def lowercase_vocabulary(doc: Document) -> set[str]:
    """Words the article uses in lower case somewhere (so a capitalised one is no name)."""
    return {t.text for t in doc.tokens if t.is_word and t.text.islower()}


def collect_mentions(doc: Document, lex: Lexicon, *, catalog: Any = None, gazetteer: Any = None,
                     blocked: Iterable[tuple[int, int]] = ()) -> list[Candidate]:
    """All accepted mention candidates of the document, in text order."""
    lower = lowercase_vocabulary(doc)
    cands: list[Candidate] = []
    if catalog is not None:
        cands.extend(_catalog_candidates(doc, lex, catalog, lower))
    groups = find_group_candidates(doc, lex)
    if gazetteer is not None:
        # "Hamas" is also a village in the gazetteer: a named armed group is none
        taken = SpanSet((c.start, c.end) for c in groups)
        cands.extend(c for c in _gazetteer_candidates(doc, lex, gazetteer, lower)
                     if not taken.overlaps(c.start, c.end))
    vessels = _vessel_names(doc)
    if vessels:
        # "The cruiser Moskva ... struck the Moskva": the ship's name, all through the text
        cands = [c for c in cands if c.surface not in vessels]
    storms = _storm_names(doc)
    if storms:
        # (but "a tanker off Mocha in Yemen" after "Cyclone Mocha": the port)
        cands = [c for c in cands if c.surface not in storms or
                 doc.word_before(0, c.start) in _PLACE_PREPOSITIONS]
    cands.extend(groups)
    cands.extend(find_credit_candidates(doc))
    cands.extend(find_office_candidates(doc))
    for sent in doc.sentences:
        cands.extend(find_name_candidates(doc, sent, lex, lower))
        cands.extend(find_pattern_candidates(doc, sent, lex, lower))
    cands = [c for c in _in_credits(doc, _joined_bodies(doc, _whole_names(doc, cands)))
             if not _names_a_thing(doc, c.end) and not _no_entity(doc, c)]
    blocked = SpanSet(blocked)
    cands = _mark_us_states(doc, [_as_state(c) for c in cands
                                  if not blocked.overlaps(c.start, c.end) and
                                  not _state_named_like_a_country(doc, lex, c)])
    cands = _mark_countries(doc, lex, _regions_after_places(doc, lex, cands))
    if _in_the_united_states(cands):
        states = {name: _us_state_entry(catalog, label)
                  for name, label in _COUNTRY_AND_US_STATE.items()}
        cands = [_as_us_state(c, states.get(c.surface.lower())) for c in cands]
    accepted = _places_by_apposition(
        doc, _places_in_lists(doc, _people_over_places(doc, _resolve_overlaps(cands))))
    confirmed = _confirm_guesses(accepted, doc.text)
    confirmed = _propagate(doc, lex, confirmed, blocked)
    confirmed = _one_kind_per_guessed_name(confirmed)
    confirmed = _named_holders(doc, confirmed)
    confirmed = [_metonymy(doc, lex, c) for c in confirmed]
    confirmed = [dataclasses.replace(c, extra={**c.extra, "after_the": True})
                 if c.kind == "place" and _the_name(doc, lex, c.start, c.end) else c
                 for c in confirmed]
    confirmed = [dataclasses.replace(c, extra={**c.extra, "division_after": True})
                 if c.kind == "place" and _next_word(doc, c.end) in _DIVISION_WORDS else c
                 for c in confirmed]
    confirmed = [dataclasses.replace(c, extra={**c.extra, "state_body": True})
                 if c.kind == "organization" and c.surface.lower() in _BODIES_OF_ANY_STATE and
                 _owned_by_a_state(doc, lex, c.start, c.end) else c for c in confirmed]
    confirmed = [dataclasses.replace(c, extra={**c.extra, "road_after": True})
                 if c.kind == "place" and _next_word(doc, c.end) in _ROAD_WORDS else c
                 for c in confirmed]
    confirmed.sort(key=lambda c: (c.start, c.end))
    return confirmed


# the Arabic article in its spellings ("al-", "el-", "ash-" ...)
_ARABIC_ARTICLES = "al|el|ad|as|ash|an|ar|at|az"
_PARTICLE_AFTER_RE = re.compile(rf" (?:{_ARABIC_ARTICLES}|bin|ibn|abu)-[A-Z]")


def _whole_names(doc: Document, cands: list[Candidate]) -> list[Candidate]:
    """A known name cut before an Arabic particle is the start of a longer name ("Khalil
    al-Hayya", "Abbas al-Musawi", "Tal al-Sultan"): the guess that runs on through it wins
    over a place called Khalil or Tal."""
    longer = [(c.start, c.end) for c in cands if c.source == "pattern"]
    if not longer:
        return cands
    return [c for c in cands
            if c.source == "pattern" or not _PARTICLE_AFTER_RE.match(doc.text, c.end) or
            not any(s <= c.start and e > c.end + 4 for s, e in longer)]


_JOINED_BEFORE_RE = re.compile(r"(?:[A-Z][\w'’-]+ ){1,5}and $")


def _joined_bodies(doc: Document, cands: list[Candidate]) -> list[Candidate]:
    """A body's name whose words before its head are joined by "and" ("the National Earthquake
    Monitoring and Research Centre", "the Disaster Risk Reduction and Management Authority"):
    one organisation, not a guessed name and "Research Centre"."""
    bodies = [c for c in cands if c.rule == "name:org-head"]
    if not bodies:
        return cands
    out = list(cands)
    for c in bodies:
        m = _JOINED_BEFORE_RE.search(doc.text, max(0, c.start - 80), c.start)
        if m is None or m.end() != c.start:
            continue
        start = m.start() + (4 if doc.text[m.start():m.start() + 4] in ("The ", "the ") else 0)
        if any((o.source in ("catalog", "gazetteer") or o.kind in ("person", "place")) and
               start <= o.start and o.end <= c.start for o in out) or \
                re.search(r"['’]s\b", doc.text[start:c.start]):
            continue  # ("Russia and Belarus Army", "Uzi Arad and Cabinet Secretary ...",
            # "Regent's Park and Guy's Hospital": two names, not one)
        out = [o for o in out if o is not c and not (start <= o.start and o.end <= c.start)]
        out.append(dataclasses.replace(c, start=start, surface=doc.text[start:c.end],
                                       label=None))
    return out


def _in_credits(doc: Document, cands: list[Candidate]) -> list[Candidate]:
    """In a byline or a trailer of reporters ("By Anna Kovalenko", "(Reporting by X in London;
    Editing by Y)") only the people and the agencies count: the names after "by" and "writer"
    are people (no town called Anna), the places are where they wrote."""
    credits = [p for p in doc.paragraphs if p.kind == "credit"]
    if not credits:
        return cands
    spans = SpanSet((p.start, p.end) for p in credits)
    # (a guessed name runs on past the byline's name: "By Tom Walker On 5/15/22")
    out = [c for c in cands if not spans.overlaps(c.start, c.end) or
           c.kind == "media" or c.kind == "person" and not _staff_name(c.surface) and
           (c.source != "pattern" or c.rule == "name:credit")]
    taken = SpanSet((c.start, c.end) for c in out)
    for p in credits:
        for m in _CREDITED_RE.finditer(doc.text, p.start, p.end):
            s, e = m.span("name")
            if not taken.overlaps(s, e) and not _staff_name(m.group("name")):
                out.append(Candidate(s, e, m.group("name"), "person", "pattern",
                                     "name:credit", 0.8))
                taken.add(s, e)
    # "Originally published by Eastern Europe Monitor", "Source: Eastern Europe Monitor":
    # the names of a page's source line are outlets, not people
    outlets = SpanSet((p.start, p.end) for p in credits
                      if _SOURCE_LINE_RE.match(doc.text, p.start, p.end))
    return [dataclasses.replace(c, kind="media", entries=(), places=(), key=None)
            if c.kind in ("person", "organization") and c.source == "pattern" and
            outlets.overlaps(c.start, c.end) else c for c in out]


_SOURCE_LINE_RE = re.compile(r"(?:Originally published|Source|Sources)\b")


def _staff_name(name: str) -> bool:
    """A credit without a name: "By Staff Reporter", "By Our Foreign Correspondent", "By Our
    Berlin Correspondent"."""
    words = name.split()
    return all(w.lower() in _STAFF_WORDS for w in words) or \
        words[:1] == ["Our"] and words[-1].lower() in _STAFF_WORDS or \
        words[-1].lower() in _DESKS  # "By Middle East Desk", "By Transportation Correspondent"


_DESKS = frozenset({"desk", "team", "bureau", "staff", "correspondent", "correspondents",
                    "reporter", "reporters", "newsroom", "editor", "editors"})
_STAFF_WORDS = frozenset({
    "staff", "reporter", "reporters", "correspondent", "correspondents", "writer", "writers",
    "editor", "editors", "desk", "team", "bureau", "agency", "agencies", "news", "our", "special",
    "senior", "chief", "foreign", "political", "diplomatic", "defence", "defense", "security",
    "web", "digital", "online", "wire", "wires", "service", "services", "newsroom", "and"})


_CREDITED_RE = re.compile(r"(?:\b[Bb]y|\bwriters?|\b[Cc]orrespondents?|\band|&) "
                          r"(?P<name>[A-Z][\w'’-]+(?: (?!(?:On|At|In|Updated|Published)\b)"
                          r"[A-Z][\w'’-]+){1,3})")  # (not "By Tom Walker On 5/15/22")


# -- sources ---------------------------------------------------------------------------------

def _usable_surface(doc: Document, lex: Lexicon, start: int, end: int, lower: set[str]) -> bool:
    surface = doc.text[start:end]
    if not surface[:1].isupper():
        return False
    low = surface.lower()
    if low in lex.calendar:
        return False
    if " " not in surface and (low in lex.common_words or low in lower) and \
            not (len(surface) >= 2 and surface.isupper() and surface.isalpha() and
                 doc.sentence_at(start) is not None and not doc.sentence_at(start).titlecase
                 and not _all_caps_line(doc, start)):
        return False  # a common word, unless an acronym in running text ("the WHO said")
    sent = doc.sentence_at(start)
    if sent is None:
        return False
    before = doc.word_before(sent.start, start)
    # "the Russian warship Moskva", "the Singapore-flagged Dali": a ship's name, no place
    if before in VESSEL_NOUNS or before.endswith("-flagged"):
        return False
    if before == "the":  # "The ship, the Dali, had left port": a ship's name in apposition
        k = doc.first_token_at_or_after(start)
        return not (k >= 3 and doc.words[k - 2] == "," and doc.words[k - 3] in VESSEL_NOUNS
                    and doc.tokens[k - 3].start >= sent.start)
    return True


def _vessel_names(doc: Document) -> set[str]:
    """Names written right after a word for a ship ("the cruiser Moskva", "the
    Singapore-flagged Dali")."""
    out = set()
    words, toks = doc.words, doc.tokens
    for k in range(len(toks) - 1):
        if (words[k] in VESSEL_NOUNS or words[k].endswith("-flagged")) and \
                toks[k + 1].is_cap and toks[k + 1].start - toks[k].end == 1:
            out.add(toks[k + 1].text)
    return out


_STORM_NAME = re.compile(r"\b(?:Hurricane|Typhoon|Cyclone|Storm|Superstorm)\s+([A-Z][a-z]+)\b")
# Words after which a storm's name is a place of that name ("off Mocha")
_PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "off", "from", "to", "outside", "into",
                                 "towards", "toward"})


# ... and verbs whose object is a place ("visited Florence": the city, not Florence Parly)
_BEFORE_A_PLACE = _PLACE_PREPOSITIONS | {"visited", "visit", "visits", "visiting", "reached",
                                         "entered", "toured", "left"}


def _storm_names(doc: Document) -> set[str]:
    """Names of storms ("Hurricane Harvey", "Tropical Storm Grace"): "Harvey" alone later
    is the storm, not a town of that name."""
    return set(_STORM_NAME.findall(doc.text))


def _all_caps_line(doc: Document, offset: int) -> bool:
    """The sentence is written in capitals (a dateline, a shouted headline)."""
    sent = doc.sentence_at(offset)
    if sent is None:
        return True
    letters = [c for c in doc.text[sent.start:min(sent.end, sent.start + 80)] if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) > 0.6 * len(letters)


def _catalog_candidates(doc: Document, lex: Lexicon, catalog: Any, lower: set[str]
                        ) -> list[Candidate]:
    out = []
    for m in catalog.scan(doc.text):
        if not m.entries or not _usable_surface(doc, lex, m.start, m.end, lower) or \
                _division_follows(doc, m.end) and \
                all(model_kind(e.kind) == "place" and getattr(e, "country", None)
                    for e in m.entries):
            continue  # "Sumy Oblast" when the catalog only knows the city (a place in a
            # country: not "U.S. District Judge")
        if m.surface.lower() in _BODIES_OF_ANY_STATE and \
                _owned_by_a_state(doc, lex, m.start, m.end):
            continue  # "Kazakhstan's Security Council", "his Security Council": a state's own
        if _on_a_river(doc.text, m.start, m.end) and \
                all(model_kind(e.kind) == "place" and getattr(e, "country", None)
                    for e in m.entries):
            continue  # "the eastern bank of the Dnipro": the river, not the city
        if all(model_kind(e.kind) == "person" for e in m.entries) and \
                (_name_goes_on(doc, m.end) or
                 " " not in m.surface and _given_name_before(doc, lex, m.start, m.entries)):
            continue  # "Nicolas Maduro Guerra", "Donald Trump Jr.", "Michelle Obama",
            # "Melania Trump": someone else
        entries, link_as = m.entries, None
        if _next_word(doc, m.end) in _REGIONAL or _REGIONS_LIST.match(doc.text, m.end):
            # "Donetsk regional governor": the region, never the city of that name
            link_as = f"{m.surface} region"
            entries = next((r.entries for r in catalog.scan(link_as)
                            if r.start == 0 and r.end == len(link_as) and r.entries), ())
            if not entries:
                continue
        kinds = [model_kind(e.kind) for e in entries]
        kind = max(set(kinds), key=lambda k: (kinds.count(k), -kinds.index(k)))
        key = None
        country = lex.country_names.get(_and_for_ampersand(m.surface.lower()))
        first = entries[0]
        if country is None and kind == "place" and len(entries) == 1 and \
                "country" in " ".join(getattr(first, "types", ()) or ()).lower():
            country = lex.countries.get(str(getattr(first, "country", "") or "").upper())
        if country is not None and kind == "place":
            key = f"country:{country.code}"
        elif len({_entry_key(e) for e in entries}) == 1:
            key = _entry_key(first)
        end = m.end
        if kind == "place" and country is None and link_as is None and \
                doc.text.startswith(" City", m.end) and \
                not doc.text[m.end + 5:m.end + 6].isalpha() and \
                "city" in str(getattr(first, "description", "") or "").lower():
            # "Kharkiv City" (as ISW writes it): the city the catalog knows as "Kharkiv"
            end, link_as = m.end + 5, m.surface
        extra: dict[str, Any] = {"link_as": link_as} if link_as else {}
        if kind == "person" and _another_countrys(doc, lex, m.start, entries):
            # "Colombia's Defence Minister Pedro Sánchez": not Spain's prime minister, whose
            # name the catalog holds
            extra["namesake"] = True
        out.append(Candidate(m.start, end, doc.text[m.start:end], kind, "catalog",
                             "catalog", 0.9, entries=tuple(entries), key=key, extra=extra))
    return out


# Names the catalog gives an international body that states give bodies of their own too
_BODIES_OF_ANY_STATE = frozenset({"security council"})
_SEAT_WORDS = frozenset({"envoy", "envoys", "ambassador", "presidency", "seat", "member",
                         "membership", "resolution", "resolutions", "vote", "veto", "delegate",
                         "representative", "colleagues", "partners"})
_OWNERS = frozenset({"his", "her", "its", "their", "our", "national", "state", "country's"})


def _owned_by_a_state(doc: Document, lex: Lexicon, start: int, end: int) -> bool:
    """A possessive, an owner's pronoun, a country or its people's adjective right before
    (not "China's Security Council envoy": its seat on the UN's)."""
    if _next_word(doc, end) in _SEAT_WORDS:
        return False
    sent = doc.sentence_at(start)
    before = doc.word_before(sent.start if sent is not None else 0, start)
    if before in ("'s", "’s", "s"):
        return True
    return before in _OWNERS or before.endswith(("'s", "’s")) or before in lex.demonyms or \
        before in lex.country_names


# what stands before the name of a river, which a city or a country may share ("the eastern
# bank of the Dnipro", "crossed the Jordan")
_RIVER_BEFORE = re.compile(r"(?:\b(?:banks?|shores?|side)\s+of|\b(?:across|crossed|crossing|"
                           r"cross|along|upstream|downstream)|\bmouth\s+of)"
                           r"\s+the\s+$", re.IGNORECASE)
# what may follow a river's name that a noun it qualifies would not ("crossed the US border")
_RIVER_AFTER = re.compile(r"(?:[.,;:)]|\s+(?:river|on|in|at|to|and|near|overnight|into|from|by|"
                          r"as|after|before|while|when|where|under|$))", re.IGNORECASE)


def _on_a_river(text: str, start: int, end: int) -> bool:
    """The one-word name at ``start`` stands where a river's does: after a bank or a
    crossing, and before no noun it would qualify."""
    return " " not in text[start:end] and \
        _RIVER_BEFORE.search(text, max(0, start - 30), start) is not None and \
        (end == len(text) or _RIVER_AFTER.match(text, end) is not None)


def _gazetteer_candidates(doc: Document, lex: Lexicon, gazetteer: Any, lower: set[str]
                          ) -> list[Candidate]:
    out = []
    for m in gazetteer.scan(doc.text):
        if not m.places or not _usable_surface(doc, lex, m.start, m.end, lower):
            continue
        if _on_a_river(doc.text, m.start, m.end) and \
                all(p.feature != "country" for p in m.places):
            continue  # "crossed the Dnipro": the river, not the city
        if " " not in m.surface and \
                title_before(doc.tokens, doc.first_token_at_or_after(m.start), lex) and \
                all(p.feature != "country" for p in m.places):
            continue  # "candidate Lai", "President Hou": a titled person, not the town
        start = _state_name_start(doc, m.start, m.surface) if " " not in m.surface else -1
        if start >= 0:
            # "western North Carolina": the state, not a town called Carolina
            out.append(Candidate(start, m.end, doc.text[start:m.end], "place", "pattern",
                                 "name:us-state", 0.75))
            continue
        following = _next_word(doc, m.end)
        if doc.text[m.end:m.end + 2] in ("'s", "’s") and \
                all(p.feature != "country" for p in m.places) and \
                _next_word(doc, m.end + 2) in _KIN_AND_FOLLOWERS:
            continue  # "Khan's supporters", "Khan's lawyers": a person's, no town Khan
        if " " not in m.surface and m.surface.lower() in lex.demonyms and \
                all(p.feature != "country" for p in m.places) and following.isalpha() and \
                following.islower() and following not in PREPOSITIONS and \
                following not in _PLACE_NOUNS_AFTER:
            continue  # "The Kazakh emergencies ministry", "Kazakh officials": a people's
            # adjective, not the town of that name
        if doc.text[m.end:m.end + 4] == "-era" and not doc.text[m.end + 4:m.end + 5].isalpha():
            continue  # "a Roman-era castle": a period, no town Roman
        if " " not in m.surface and all(p.feature != "country" for p in m.places) and \
                names_a_weapon(doc.words, doc.first_token_at_or_after(m.end), lex):
            continue  # "Iskander missiles", "Shahed drones": a weapon's name, not a town
        if following == "party" and _modifies_a_noun(doc, doc.token_at(m.end + 1).end):
            following = ""  # "The Istanbul party chief": the city's party branch, the city
        if " " not in m.surface and following in _GROUP_NOUNS or following in _REGIONAL or \
                _REGIONS_LIST.match(doc.text, m.end) or \
                following in _PRODUCT_NOUNS or _division_follows(doc, m.end) and \
                all(p.feature != "country" for p in m.places):
            continue  # "Hamas militants", "Wagner fighters": a group, not a place; "Donetsk
            # regional governor", "Barrow County": a division, not the city
        key = None
        country = lex.country_names.get(_and_for_ampersand(m.surface.lower()))
        best = dominant_place(m.places)
        if best is not None and best.feature == "city" and alternate_name(m.surface, best) \
                and _the_name(doc, lex, m.start, m.end):
            continue  # "the Elysee said": a palace or a body, not the district of that name
        if best is not None and best.feature == "city" and alternate_name(m.surface, best) \
                and " " not in m.surface and (
                    m.surface.lower() in lex.demonyms or
                    following in _DIVISION_WORDS):
            continue  # "two were Thai nationals": a demonym among Alor Setar's names; "in
            # Borno state": a state, not Borna (Germany), whose other name it is
        if country is None and best is not None and best.feature == "country":
            country = lex.countries.get(str(best.country_code or "").upper())
        if country is not None:
            key = f"country:{country.code}"
        elif best is not None:
            key = f"geo:{best.geonames}"
        out.append(Candidate(m.start, m.end, doc.text[m.start:m.end], "place", "gazetteer",
                             "gazetteer", 0.8, places=tuple(m.places), key=key))
    return out


def _as_state(c: Candidate) -> Candidate:
    """A guessed name that is a US state's ("New Mexico", "North Dakota") is that place."""
    if c.rule != "name:full-name" or c.surface.split()[0] not in _STATE_OPENERS:
        return c
    from ..linking.gazetteer import is_us_state
    if not is_us_state(c.surface):
        return c
    return dataclasses.replace(c, kind="place", rule="name:us-state", weak=False)


def _state_name_start(doc: Document, start: int, surface: str) -> int:
    """Where the US state's name of two words that the word at ``start`` ends begins
    ("North Carolina", "New Mexico", "West Virginia"), or -1."""
    from ..linking.gazetteer import is_us_state
    for opener in _STATE_OPENERS:
        begin = start - len(opener) - 1
        if begin >= 0 and doc.text.startswith(f"{opener} ", begin) and \
                (begin == 0 or not doc.text[begin - 1].isalnum()) and \
                is_us_state(f"{opener} {surface}"):
            return begin
    return -1


_STATE_OPENERS = frozenset({"North", "South", "West", "New", "Rhode"})


def _the_name(doc: Document, lex: Lexicon, start: int, end: int) -> bool:
    """The name follows "the" and heads its own phrase ("the White House", "the Elysee said";
    not "the Nuseirat refugee camp", "the Solomianskyi district")."""
    if doc.text[max(0, start - 4):start].lower() != "the ":
        return False
    if _modifies_a_noun(doc, end, lex):
        return False  # "the Gaza City hospital", "the Quebec City mosque attack": a modifier
    nxt = _next_word(doc, end)
    return nxt not in lex.words("place_heads", "lowercase_after") and nxt not in _CAMP_WORDS


def _no_entity(doc: Document, c: Candidate) -> bool:
    """A lone letter outside the catalog ("F. D. Roosevelt University Hospital": no town F or
    D); a maker before its model's number ("the Bell 212 helicopter": no town Bell); a place a
    body of rules is named after; a person a building is named after ("the Imam Reza shrine",
    "the John F. Kennedy airport")."""
    if c.source != "catalog" and len(c.surface.rstrip(".")) == 1:
        return True
    nxt = _next_word(doc, c.end)
    if c.kind == "place" and (c.surface.lower() in MAKERS and _MODEL_NUMBER_RE.fullmatch(nxt)
                              or nxt in _RULE_NOUNS):
        return True  # (nor a place a body of rules is named after: "the Dublin rules")
    return c.kind == "person" and doc.text[c.end:c.end + 1] == " " and \
        nxt in _NAMED_AFTER_PEOPLE


_MODEL_NUMBER_RE = re.compile(r"\d{2,4}")
# Buildings and places named after a person ("the Imam Reza shrine")
_NAMED_AFTER_PEOPLE = frozenset({
    "shrine", "mausoleum", "tomb", "airport", "hospital", "university", "school",
    "mosque", "church", "cathedral", "stadium", "museum", "bridge", "library", "square",
    "avenue", "street", "boulevard", "tower"})


def _name_goes_on(doc: Document, end: int) -> bool:
    """A capitalised word (not a day or a month) follows the name ending at ``end`` in the
    same phrase, in a sentence not written in title case."""
    tok = doc.token_at(end + 1) if doc.text[end:end + 1] == " " else None
    if tok is None or not tok.is_word or not tok.is_cap or tok.lower in MONTHS or \
            tok.lower in WEEKDAYS:
        return False
    sent = doc.sentence_at(end)
    return sent is not None and not sent.titlecase


def _given_name_before(doc: Document, lex: Lexicon, start: int, entries: Iterable[Any]
                       ) -> bool:
    """A capitalised word right before a surname the catalog knows, which is no title, no
    demonym, no day or month and not the catalog person's own first name: another person
    of that surname ("Michelle Obama", "Pierre Trudeau")."""
    k = doc.first_token_at_or_after(start) - 1
    if k < 0 or doc.text[doc.tokens[k].end:start] != " ":
        return False
    tok = doc.tokens[k]
    if not tok.is_word or not tok.is_cap or tok.lower in MONTHS or tok.lower in WEEKDAYS or \
            tok.lower in lex.words("titles", "words") or tok.lower in lex.demonyms or \
            tok.lower in _NOT_GIVEN_NAMES:
        return False
    labels = {str(getattr(e, "label", "") or "").split(" ")[0].lower() for e in entries}
    return tok.lower not in labels


# capitalised words before a surname that are no given name ("Former", "Mr", "The")
_NOT_GIVEN_NAMES = frozenset({"the", "a", "an", "former", "ex", "late", "mr", "mrs", "ms",
                              "dr", "sir", "dame", "lord", "lady", "then", "acting",
                              "outgoing", "incoming", "but", "and", "when", "as", "if", "while",
                              "after", "before", "says", "said", "in", "on", "at", "for", "by",
                              "with", "from", "to", "of", "president-elect", "candidate",
                              "nominee", "republican", "democrat", "conservative", "liberal",
                              "labour"})


def _names_a_thing(doc: Document, end: int) -> bool:
    """A disease's or a wind's noun heads the phrase after the name ending at ``end``; or the
    name is one of several institutions a plural noun heads ("taken to Medina and Erdogan
    hospitals": no President Erdogan)."""
    if _NAMED_INSTITUTIONS_RE.match(doc.text, end):
        return True
    if _next_word(doc, end) not in _THING_NOUNS:
        return False
    tok = doc.token_at(end + 1)
    return tok is not None and _next_word(doc, tok.end) not in _CARE_NOUNS


# "(and Y) hospitals": names of several institutions of one kind
_NAMED_INSTITUTIONS_RE = re.compile(
    r"(?:,? and [A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)? (?:hospitals|clinics|schools|universities|"
    r"mosques|churches|prisons|stadiums|airports|camps)\b")
# Nouns after "fever" that make "X fever" a place's clinics ("Hong Kong fever clinics").
_CARE_NOUNS = frozenset({"clinic", "clinics", "ward", "wards", "hospital", "hospitals",
                         "centre", "centres", "center", "centers"})


def _modifies_a_noun(doc: Document, end: int, lex: Lexicon | None = None) -> bool:
    """The words ending at ``end`` are followed by a lower-case noun they modify ("Gaza City
    hospital", "party chief"), not by a verb, a preposition or a conjunction."""
    nxt = _next_word(doc, end)
    return nxt.isalpha() and nxt.islower() and doc.text[end:end + 1] == " " and \
        nxt not in _AFTER_A_BODY and (lex is None or nxt not in lex.reporting) and \
        not nxt.endswith("ed") and nxt not in irregular_verb_forms()  # ("party won")


# Words after "the X" that leave X the head of its phrase ("the White House on Friday", "the
# Elysee has said").
_AFTER_A_BODY = frozenset({
    "on", "in", "at", "of", "to", "from", "for", "by", "with", "over", "about", "after",
    "before", "during", "since", "until", "and", "or", "but", "that", "which", "who", "as",
    "has", "had", "have", "is", "was", "were", "are", "will", "would", "could", "can", "may",
    "might", "must", "should", "did", "does", "also", "later", "then", "itself", "late",
    "early", "last", "this", "again", "where", "when", "while", "near", "into", "onto",
    "outside", "inside", "across", "through", "under", "against", "amid", "if", "so",
    "because", "than", "toward", "towards", "between", "within", "without", "says",
    "said", "announced", "warned", "denied", "confirmed", "insisted", "already", "still",
    "not", "never", "now", "today", "yesterday", "tonight", "tomorrow"})


_CAMP_WORDS = frozenset({"camp", "refugee", "camps"})


def alternate_name(surface: str, place: Any) -> bool:
    """The name is one of the place's other names, not its own ("White House" for Casablanca,
    "Elysee" for the 8th arrondissement of Paris; not "Beirut" in "the Beirut port blast")."""
    name = str(getattr(place, "name", ""))
    if name[:4].lower() == "the ":
        name = name[4:]  # "the Hague": The Hague's own name
    return fold(surface) != fold(name)


def _mark_us_states(doc: Document, cands: list[Candidate]) -> list[Candidate]:
    """A place written "PLAINS, Ga." or "Paris, Texas" is in that US state: the linker may
    only take a place there (``extra["us_state"]``)."""
    from ..linking.gazetteer import us_state_after  # (the table of US states lives there)
    found = {(c.start, c.end): us_state_after(doc.text, c.end) or _georgia_after(doc, c)
             for c in cands if c.kind == "place"}
    # a state's name is sure when the gazetteer holds a place of that name there
    held = set()
    for c in cands:
        state = found.get((c.start, c.end)) if c.source == "gazetteer" else None
        if state is not None and any(p.country_code == "US" and p.admin1 == state[0]
                                     for p in c.places):
            held.add((c.start, c.end))
    out = []
    for c in cands:
        state = found.get((c.start, c.end))
        out.append(c if state is None else dataclasses.replace(
            c, extra={**c.extra, "us_state": state[0],
                      "us_state_sure": state[1] or (c.start, c.end) in held,
                      "us_state_listed": _LISTED_AFTER_STATE.match(doc.text, c.end) is not None}))
    return out


# a state's name that is rather the next item of a list ("Moscow, Washington and Paris")
_LISTED_AFTER_STATE = re.compile(r", [A-Z][a-z]+(?: [A-Z][a-z]+)?(?: and |, [A-Z])")


def _georgia_after(doc: Document, c: Candidate) -> tuple[str, bool] | None:
    """ "Atlanta, Georgia", "Savannah, Georgia": a town the gazetteer knows in the US state and
    not in the country is in the state."""
    if not doc.text.startswith(", Georgia", c.end) or doc.text[c.end + 9:c.end + 10].isalpha():
        return None
    codes = {(p.country_code, p.admin1) for p in c.places}
    if ("US", "GA") in codes and not any(cc == "GE" for cc, _ in codes):
        return "GA", True
    return None


# Nouns of a settlement or an area a demonym describes: "the Pakistani city of Hyderabad"
_SETTLEMENTS = frozenset({"city", "town", "village", "port", "capital", "province", "region",
                          "district", "state", "island", "county"})


def _mark_countries(doc: Document, lex: Lexicon, cands: list[Candidate]) -> list[Candidate]:
    """A place the text puts in a country ("the Pakistani city of Hyderabad", "Argentina's
    central province of Cordoba", "Pakistan's Hyderabad") may only be linked to a place of that
    country (``extra["in_country"]``, an ISO code)."""
    out = []
    for c in cands:
        code = None
        if c.kind == "place" and not (c.key or "").startswith(("country:", "region:")) and \
                not _is_country(lex, c):
            code = _country_before(doc, lex, c.start)
            if code is None:
                found = _region_after(doc, lex, c.end)
                code = found[2] if found is not None else None
        out.append(c if code is None else
                   dataclasses.replace(c, extra={**c.extra, "in_country": code}))
    return out


_AFTER_NAME_RE = re.compile(r", ([A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2})")


def _region_after(doc: Document, lex: Lexicon, end: int) -> tuple[int, int, str, bool] | None:
    """The country or first-level region written right after a place's name ("Kingston,
    Ontario", "Perth, Scotland", "Quetta, Pakistan"): its span, ISO code and whether it is a
    region."""
    m = _AFTER_NAME_RE.match(doc.text, end)
    if m is None:
        return None
    name = m.group(1).rstrip(".")
    stop = m.start(1) + len(name)
    if doc.text[stop:stop + 1] not in ("", ",", ".", ";", ":", ")", "\n"):
        return None  # "Lviv, Poland scrambled jets", "Paris, Victoria Beckham said": no place
    low = name.lower()
    regions = lex.cues["country_regions"]["regions"]
    country = lex.country_names.get(low)
    if country is None and low not in regions or low in _COUNTRY_AND_US_STATE:
        return None  # ("Atlanta, Georgia": the state; see _mark_us_states)
    return m.start(1), stop, country.code if country else regions[low], country is None


def _regions_after_places(doc: Document, lex: Lexicon, cands: list[Candidate]
                          ) -> list[Candidate]:
    """ "Kingston, Ontario", "Victoria, British Columbia": the region after a place is a place
    of its own, no city of that name (Ontario, California); and "Birmingham, Ala.": a state's
    abbreviation names no place."""
    spans: list[tuple[int, int, str | None]] = []
    for c in cands:
        if c.kind != "place":
            continue
        if c.extra.get("us_state"):
            m = _AFTER_NAME_RE.match(doc.text, c.end)
            first = m.group(1).split()[0] if m is not None else ""
            if first.endswith(".") and c.extra.get("us_state_sure"):
                spans.append((m.start(1), m.start(1) + len(first), None))  # ", Ala."
            continue
        found = _region_after(doc, lex, c.end)
        if found is not None and found[3]:
            spans.append((found[0], found[1], found[2]))
    if not spans:
        return cands
    taken = SpanSet((a, b) for a, b, _ in spans)
    exact = {(a, b) for a, b, _ in spans}
    out = [c for c in cands if not taken.overlaps(c.start, c.end) or
           (c.start, c.end) in exact and c.source == "catalog"]
    held = {(c.start, c.end) for c in out}
    for a, b, code in dict.fromkeys(spans):
        if code is None or (a, b) in held:
            continue
        name = doc.text[a:b]
        out.append(Candidate(a, b, name, "place", "pattern", "place:region", 0.8,
                             key=f"region:{name.lower()}", label=name,
                             extra={"region_of": code}))
    return out


def _and_for_ampersand(name: str) -> str:
    """ "trinidad & tobago" as the country list writes it: "trinidad and tobago"."""
    return name.replace(" & ", " and ") if "&" in name else name


def _is_country(lex: Lexicon, c: Candidate) -> bool:
    """ "Burundi, Kenya, Rwanda and Uganda": a list of countries, none inside the next."""
    return c.surface.lower() in lex.country_names or \
        bool(c.entries) and all(not getattr(e, "country", None) for e in c.entries) or \
        any(getattr(p, "feature", None) == "country" for p in c.places)  # (a catalog place
    # in no country is a country, or wider)


def _state_named_like_a_country(doc: Document, lex: Lexicon, c: Candidate) -> bool:
    """A country's name before "state" names a state of another country ("in Niger state",
    Nigeria): not the country."""
    return c.kind == "place" and doc.text[c.end:c.end + 6] == " state" and \
        not doc.text[c.end + 6:c.end + 7].isalpha() and \
        doc.text[c.end + 6:c.end + 7] != "-" and \
        _next_word(doc, c.end + 6) not in _STATE_BODIES and _is_country(lex, c)


# what "state" qualifies after a country's name ("Iran state media", "Russia state television")
_STATE_BODIES = frozenset({"media", "television", "tv", "news", "agency", "broadcaster",
                           "radio", "newspaper", "press", "department", "company", "companies",
                           "firm", "firms", "council", "secretary", "visit", "funeral", "of",
                           "and", "enterprise", "enterprises", "railway", "railways", "bank",
                           "banks", "energy", "oil", "gas", "prosecutors", "security"})


def _country_before(doc: Document, lex: Lexicon, start: int) -> str | None:
    toks = doc.tokens_between(max(0, start - 80), start)[-6:]
    words = [t.lower for t in toks]
    if len(words) >= 2 and words[-1] == "of" and words[-2] in _SETTLEMENTS:
        words, toks = words[:-2], toks[:-2]  # "... city of X": what describes the city
        k = len(words) - 1
        while k >= 0 and len(words) - k <= 3:  # over "northern", "central", "the"
            country = lex.demonyms.get(words[k]) or _possessive_country(lex, toks[k])
            if country is not None:
                return country.code
            if not words[k].isalpha() or toks[k].is_cap:
                return None
            k -= 1
        return None
    if toks and toks[-1].end == start - 1:
        country = _possessive_country(lex, toks[-1])  # "Pakistan's Hyderabad"
        return country.code if country is not None else None
    return None


def _possessive_country(lex: Lexicon, tok: Any) -> Any:
    if tok.bare == tok.text:
        return None
    return lex.country_names.get(tok.bare.lower())


# Countries that share their name with a state of the United States -> the state's label in
# the catalog.
_COUNTRY_AND_US_STATE = {"georgia": "Georgia (U.S. state)"}


def _in_the_united_states(cands: list[Candidate]) -> bool:
    """Whether the text names a town or city of the United States other than its capital
    ("WINDER, Ga.") and none of the country of Georgia ("Tbilisi, Georgia")."""
    found = False
    for c in cands:
        if c.source == "gazetteer":
            best = dominant_place(c.places)
            if best is not None and best.feature == "city" and best.country_code == "GE":
                return False
            if best is not None and best.feature == "city" and best.country_code == "US" and \
                    best.name != "Washington":
                found = True  # (the capital is named in stories from everywhere)
    return found


def _as_us_state(c: Candidate, entry: Any = None) -> Candidate:
    """ "Georgia" in a story from the United States: the state (the catalog's ``entry`` when
    it holds one, else unlinked), never the country."""
    if c.surface.lower() not in _COUNTRY_AND_US_STATE or not (c.key or "").startswith("country:"):
        return c
    if entry is not None:
        return Candidate(c.start, c.end, c.surface, "place", "catalog", "catalog", 0.9,
                         entries=(entry,), key=_entry_key(entry),
                         extra={"link_as": entry.label})
    return Candidate(c.start, c.end, c.surface, "place", "pattern", "place:us-state", 0.7,
                     key=f"us-state:{c.surface.lower()}", label=c.surface)


def _us_state_entry(catalog: Any, label: str) -> Any:
    """The catalog's entry of a US state by its label, if the catalog has it."""
    if catalog is None or not hasattr(catalog, "lookup"):
        return None
    return next((e for e in catalog.lookup(label, kind="place")
                 if getattr(e, "label", None) == label and getattr(e, "qid", None)), None)


def _entry_key(entry: Any) -> str:
    """Grouping key of a catalog entry: its Q-id, else its GeoNames place."""
    if entry.qid:
        return f"qid:{entry.qid}"
    if getattr(entry, "geonames", None):
        return f"geo:{entry.geonames}"
    return f"entry:{entry.kind}:{entry.label}"


_REGIONAL = frozenset({"regional", "provincial"})
# the rest of a list of regions after one of its names ("the Kursk, Belgorod and Bryansk
# regions": each is a region, not the city of that name)
_REGIONS_LIST = re.compile(r"(?:,\s+[A-Z][\w'’-]+)*(?:,?\s+(?:and|or)\s+[A-Z][\w'’-]+)?"
                           r"\s+(?:regions|oblasts|provinces)\b")
# lower-case words after a place's name that make it the name of a product: "Brent crude"
_PRODUCT_NOUNS = frozenset({"crude", "futures", "blend"})
# Nouns after a name that make it the name of a disease or a wind ("the Marburg virus", "Lassa
# fever cases", "the Santa Ana winds"): no entity at all (but "Hong Kong fever clinics").
_THING_NOUNS = frozenset({"virus", "fever", "winds"})
# Nouns after a place's name that make it the name of a body of rules ("the EU's Dublin rules")
_RULE_NOUNS = frozenset({"rules", "regulation", "regulations", "criteria"})
_GROUP_NOUNS = frozenset({"militants", "fighters", "members", "leaders", "supporters",
                          "spokesman", "spokeswoman", "spokesperson", "commander",
                          "commanders", "gunmen", "mercenaries", "rebels", "insurgents",
                          "loyalists", "activists", "movement", "group", "militia", "party"})
# After a city's other name, a division of that name, not the city ("Borno state"; see also
# entities._apply_place).
_DIVISION_WORDS = frozenset({"state", "province", "governorate", "prefecture"})
# roads named after the town they lead to ("the Zhytomyr highway"): not the town
_ROAD_WORDS = frozenset({"highway", "motorway", "expressway"})
# people a person has, after a possessive ("Khan's supporters"): no town's
_KIN_AND_FOLLOWERS = frozenset({"supporters", "followers", "loyalists", "lawyer", "lawyers",
                                "aides", "aide", "wife", "husband", "son", "sons", "daughter",
                                "daughters", "brother", "sister", "father", "mother", "widow",
                                "family", "spokesman", "spokeswoman"})
# nouns after a town's name that keep it the town ("the Kazakh district")
_PLACE_NOUNS_AFTER = frozenset({"district", "town", "village", "city", "region", "area",
                                "county", "municipality", "border", "and", "or"})


# Capitalised after a city's name, they name another place: "Barrow County", "Sumy Oblast"
_DIVISIONS = frozenset({"county", "oblast", "province", "region", "district", "governorate",
                        "prefecture", "municipality", "raion", "parish", "borough"})


def _division_follows(doc: Document, offset: int) -> bool:
    tok = doc.token_at(offset + 1) if offset + 1 < len(doc.text) else None
    return tok is not None and tok.is_cap and tok.lower in _DIVISIONS and \
        doc.text[offset:tok.start] == " "


def _next_word(doc: Document, offset: int) -> str:
    tok = doc.token_at(offset + 1) if offset + 1 < len(doc.text) else None
    return tok.lower if tok is not None else ""


def dominant_place(places: tuple[Any, ...]) -> Any | None:
    """The one place a name most likely means: the only one, or one ten times as populous."""
    if len(places) == 1:
        return places[0]
    ranked = sorted(places, key=lambda p: -(p.population or 0))
    first, second = ranked[0], ranked[1]
    if (first.population or 0) >= 10 * max(second.population or 0, 1):
        return first
    return None


# -- reconciliation --------------------------------------------------------------------------

def _priority(c: Candidate) -> tuple:
    return (c.weak, -c.length, SOURCE_RANK.get(c.source, 9), -c.confidence, c.start)


def _resolve_overlaps(cands: list[Candidate]) -> list[Candidate]:
    accepted: list[Candidate] = []
    taken = SpanSet()
    for c in sorted(cands, key=_priority):
        if taken.overlaps(c.start, c.end):
            continue
        accepted.append(c)
        taken.add(c.start, c.end)
    return accepted


class _Owners(dict):
    """Full names by the short forms they may be called by. A short form several names
    share is the last of them named before it in its paragraph or the one before ("her
    father, Rodrigo Duterte ... Duterte, 79"), else the first named ("Jair Bolsonaro" ...
    "Bolsonaro" paragraphs later), leaving out one called by the given name alone ("Elian
    Gonzalez" ... "Elian"; "Gonzalez" is his father, Juan Miguel Gonzalez)."""

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def add(self, form: str, c: Candidate) -> None:
        self.setdefault(form, []).append(c)

    def at(self, form: str, pos: int) -> Candidate | None:
        names = self.get(form)
        if not names:
            return None
        if len(names) == 1:
            return names[0]
        names = sorted(names, key=lambda n: n.start)
        if len({n.surface for n in names}) > 1:
            by_surname = [n for n in names if not self._given_name_alone(n.surface)]
            names = by_surname or names
        near = self.text.rfind("\n\n", 0, self.text.rfind("\n\n", 0, pos))
        return next((n for n in reversed(names) if near < n.start < pos), names[0])

    def _given_name_alone(self, name: str) -> bool:
        given = name.split()[0]
        return len(re.findall(r"(?<![\w-])" + re.escape(given) + r"(?![\w-])", self.text)) > \
            self.text.count(name)


def _confirm_guesses(cands: list[Candidate], text: str) -> list[Candidate]:
    """Drop unconfirmed single-word guesses unless another mention explains them."""
    firm = [c for c in cands if not c.extra.get("unconfirmed")]
    surnames = _Owners(text)
    givens = _Owners(text)  # ("Raila Odinga" ... "Raila said": the person, no body)
    for c in firm:
        if c.kind == "person" and " " in c.surface:
            for s in surname_forms(c.surface):
                surnames.add(s, c)
            if not c.weak and len(c.surface.split()) in (2, 3):
                givens.add(c.surface.split()[0], c)
    # "fired five shots at Fico": a guessed place that is the surname of a person named
    firm = [_as_mention_of(c, surnames.at(c.surface, c.start), "coref:surname")
            if c.rule == "name:place-context" and c.surface in surnames else c for c in firm]
    known_words = {c.surface for c in firm if c.kind != "person" and not c.weak}
    firm = [c for c in firm if not (c.rule == "name:full-name" and
                                    known_words & set(c.surface.split()))]
    by_surface: dict[str, Candidate] = {}
    for c in firm:
        if not c.weak:
            by_surface.setdefault(c.surface, c)
    firm = [_as_mention_of(c, by_surface[c.surface], "coref:same-name")
            if c.weak and c.surface in by_surface and by_surface[c.surface] is not c else c
            for c in firm]
    out = list(firm)
    for c in cands:
        if not c.extra.get("unconfirmed"):
            continue
        person = surnames.at(c.surface, c.start) or givens.at(c.surface, c.start)
        if person is not None:
            out.append(_as_mention_of(c, person, "coref:surname"))
            continue
        same = next((f for f in firm if f.surface == c.surface), None)
        if same is not None and same.kind == "place" and _on_a_river(text, c.start, c.end):
            continue  # "the eastern bank of the Dnipro": a river, not the city named elsewhere
        if same is not None:
            out.append(_as_mention_of(c, same, "coref:same-name"))
            continue
        variant = _variant_of(c.surface, firm)
        if variant is not None:
            out.append(_as_mention_of(c, variant, "coref:variant"))
            continue
        if c.extra.get("after") in _SAYS and c.surface[:1].isupper() and \
                not c.surface.isupper() and not looks_plural(c.surface) and \
                c.extra.get("prev") not in _GOVERNING and \
                (c.extra.get("prev") or c.extra.get("after") != "forecast"):
            # ("police in the canton of Valais said"; "Rain forecast for the weekend": a noun)
            # "Intel said on Thursday ...": an unknown single name that speaks, no surname of
            # anyone named and no plural ("Scientists said"): a company or body
            extra = {k: v for k, v in c.extra.items() if k != "unconfirmed"}
            out.append(dataclasses.replace(c, kind="organization", rule="name:speaker",
                                           confidence=0.5, extra=extra))
    return out


_GOVERNING = frozenset({"of", "in", "at", "on", "from", "for", "to", "with", "by", "near",
                        "about", "against", "into", "over"})
_SAYS = frozenset({"said", "says", "told", "announced", "reported", "forecast", "confirmed",
                   "denied", "warned"})


# words after a capital that show it acting: "Moscow said", "Kyiv did not comment"
_ACTOR_AUX = frozenset({"has", "have", "had", "will", "would", "did", "does", "must",
                        "should", "could", "can", "may", "might", "also", "later", "then",
                        "repeatedly", "again", "previously", "swiftly", "quickly"})
# what governments do: "Kyiv launched an incursion", "Washington imposed sanctions"
_ACTOR_VERBS = frozenset({"launched", "launches", "ordered", "orders", "deployed", "deploys",
                          "imposed", "imposes", "expelled", "expels", "recalled", "recalls",
                          "sent", "sends", "approved", "approves", "retaliated", "retaliates",
                          "vetoed", "vetoes", "sanctioned"})
# verbs whose object is an actor: "accused Kyiv of ...", "urged Washington to ..."
_ACTOR_OBJECT_VERBS = ("accuse", "blame", "condemn", "criticise", "criticize", "urge", "warn",
                       "sanction", "praise", "thank")


def _metonymy(doc: Document, lex: Lexicon, c: Candidate) -> Candidate:
    """A capital named as an actor ("Moscow said", "Kyiv did not comment", "accused Kyiv of")
    is a mention of its country (the government), not of the city."""
    if c.kind != "place":
        return c
    country = lex.capitals.get(c.surface.lower())
    if country is None or (c.key or "").startswith("country:"):
        return c
    sent = doc.sentence_at(c.start)
    if sent is None or doc.text[c.end:c.end + 2] in ("'s", "’s"):
        return c
    k = doc.first_token_at_or_after(c.end)
    nxt = doc.words[k] if k < len(doc.tokens) and doc.tokens[k].start < sent.end else ""
    prev = doc.word_before(sent.start, c.start)
    acting = prev not in _PLACE_WORDS_BEFORE and (
        nxt in _ACTOR_AUX or nxt in _ACTOR_VERBS
        or lex.reporting_lemma(nxt) is not None and nxt != "report"
        or _verb_of(lex, prev, _ACTOR_OBJECT_VERBS))
    if not acting:
        return c
    return Candidate(c.start, c.end, c.surface, "place", c.source, "metonymy:capital",
                     c.confidence, key=f"country:{country.code}", label=country.name,
                     extra={"metonymy": True, "country": country.code})


_PLACE_WORDS_BEFORE = frozenset({"in", "at", "near", "from", "to", "into", "outside", "around",
                                 "of", "via", "toward", "towards", "across", "through", "the",
                                 "a", "an", "between", "and", "or", "over", "on"})


def _verb_of(lex: Lexicon, word: str, lemmas: tuple[str, ...]) -> bool:
    forms = lex._sets.get(("verb_forms", lemmas))
    if forms is None:
        from .inflection import verb_forms

        forms = lex._sets[("verb_forms", lemmas)] = frozenset(
            f for v in lemmas for f in verb_forms(v, lex.irregular))
    return word in forms


_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def surname_forms(name: str) -> list[str]:
    """The ways a full name is shortened: "Marine Le Pen" -> "Le Pen" (and "Pen"),
    "Ursula von der Leyen" -> "von der Leyen", "Robert Fico" -> "Fico"."""
    words = name.split()
    while len(words) > 2 and words[-1].rstrip(".").lower() in _NAME_SUFFIXES:
        words = words[:-1]  # "Robert F. Kennedy Jr." -> "Kennedy"
    out = []
    k = len(words) - 1
    while k > 1 and words[k - 1].lower() in SURNAME_PARTICLES:
        k -= 1
    if k < len(words) - 1:
        tail = words[k:]
        out.append(" ".join(tail[:1] and [tail[0][:1].upper() + tail[0][1:]] + tail[1:]))
        out.append(" ".join(tail))
    elif len(words) == 4 and all(w[:1].isupper() for w in words):
        out.append(" ".join(words[2:]))  # "Aung San Suu Kyi" -> "Suu Kyi", "Andrés Manuel
        # López Obrador" -> "López Obrador"
    out.append(words[-1])
    particle = _HYPHENED_PARTICLE_RE.match(words[-1])
    if particle is not None and len(words) > 1:
        out.append(words[-1][particle.end():])  # "Bashar al-Assad" -> "Assad" (and "al-Assad")
    return list(dict.fromkeys(out))


_HYPHENED_PARTICLE_RE = re.compile(rf"(?:{_ARABIC_ARTICLES})-(?=[A-Z])")


def _named_holders(doc: Document, cands: list[Candidate]) -> list[Candidate]:
    """"the governor" after (or before) "Governor Oleh Syniehubov", "the ministry" of an
    article naming one ministry: the unnamed role is the one named holder of the title (a
    person named only later is so only in the role's own paragraph: "the region's governor
    said" in the lead is not the governor of another region named paragraphs below)."""
    roles = [c for c in cands if c.rule == ROLE_RULE]
    if not roles:
        return cands
    # each named holder's title words (a person's) or name words, and whether the title is
    # held no longer: once per name, not once per role
    named = []
    for n in cands:
        if n.rule != ROLE_RULE and n.source != "propagated":
            words = (n.title or _title_before(doc, n.start)).lower().split() \
                if n.kind == "person" else n.surface.lower().split()
            named.append((n, words, n.kind == "person" and _past_holder(doc, n, len(words))))
    out = []
    for c in cands:
        if c.rule == ROLE_RULE:
            head = c.extra["role"]
            qualifiers = set(c.label.split()[:-1])
            holders = {}
            for n, words, past in named:
                if n.kind != c.kind:
                    continue
                if words and words[-1] == head and \
                        qualifiers - (_PAST_HOLDERS if past else frozenset()) <= \
                        set(words) | _LOOSE_QUALIFIERS \
                        and (c.kind != "person" or past != _PAST_HOLDERS.isdisjoint(qualifiers)) \
                        and not (c.kind == "person" and n.start > c.start and
                                 _paragraph_of(doc, n.start) != _paragraph_of(doc, c.start)):
                    holders.setdefault(n.key or n.surface, n)
            if len(holders) == 1:
                c = _as_mention_of(c, next(iter(holders.values())), "coref:role")
        out.append(c)
    return out


def _another_countrys(doc: Document, lex: Lexicon, start: int, entries: Iterable[Any]) -> bool:
    """The words right before a person's name give a country ("Colombia's Defence Minister",
    "the Colombian defence minister") that differs from the country every catalog entry of
    that name is described by ("Spanish politician, Prime Minister of Spain")."""
    words = doc.text[max(0, start - 60):start].split()[-5:]
    told = None
    for n, raw in enumerate(reversed(words)):
        if raw.endswith(",") and n > 0:
            break  # ("Egyptian and Qatari mediators, Netanyahu said": another phrase)
        w = raw.rstrip(",").lower()
        w = w[:-2] if w.endswith(("'s", "’s")) else w
        told = lex.country_names.get(w) or lex.demonyms.get(w)
        if told is not None or not (w in lex.title_words or w == "the"):
            break  # (over titles only: not "Belarus Brokers Deal With Prigozhin")
    if told is None:
        return False
    described = []
    for e in entries:
        first = str(getattr(e, "description", "") or "").split(" ")[:1]
        country = lex.demonyms.get(first[0].strip(",").lower()) if first else None
        if country is None:
            return False
        described.append(country.code)
    return bool(described) and told.code not in described


def _title_before(doc: Document, start: int) -> str:
    """The capitalised title right before a name the catalog found ("President Donald
    Trump"): its last two words at most."""
    before = doc.text[max(0, start - 40):start].split()[-2:]
    while before and not before[0][:1].isupper():
        before = before[1:]
    return " ".join(before) if before and before[-1][:1].isupper() else ""


def _past_holder(doc: Document, n: Candidate, title_words: int) -> bool:
    """"former president Jair Bolsonaro": the title is held no longer."""
    before = doc.text[max(0, n.start - 80):n.start].lower().split()
    return len(before) > title_words and before[-title_words - 1] in _PAST_HOLDERS


def _paragraph_of(doc: Document, offset: int) -> int | None:
    sent = doc.sentence_at(offset)
    return sent.paragraph if sent is not None else None


# before a title, what a role must repeat to be that holder ("the president" is not "former
# president Jair Bolsonaro")
_PAST_HOLDERS = frozenset({"former", "ex", "late", "then"})
# qualifiers a named holder's title may leave out ("the regional governor" is "Governor X")
_LOOSE_QUALIFIERS = frozenset({"regional", "provincial", "state", "local", "city", "district",
                               "county", "municipal", "national", "federal", "top"})


def _people_over_places(doc: Document, cands: list[Candidate]) -> list[Candidate]:
    """ "Calhoun, who took over in 2020" after "Dave Calhoun", "Kim greeted him" after "Kim
    Jong Un": a one-word name the gazetteer or the catalog calls a place (not a country,
    unless it speaks: "Montenegro added" after "Prime Minister Luís Montenegro") is the
    person of that name."""
    people = _Owners(doc.text)
    weak = _Owners(doc.text)  # guessed full names: they claim the catalog's places
    given = _Owners(doc.text)  # given names that stand alone, not after "in", "to" ...
    for c in cands:
        words = c.surface.split()
        # a given name written "Ching-te", "Yu-ih", "Jong-un" follows its family name: even a
        # guessed name is a person's ("Lai Ching-te", then "Lai", which is also a town)
        family_first = len(words) == 2 and _GIVEN_NAME_RE.fullmatch(words[1]) is not None
        # ("Abiy Ahmed" ... "Abiy said": a given name that stands alone where the last
        # word never does is the person's, as Ethiopians and Eritreans are called)
        given_alone = len(words) == 2 and not family_first and not c.weak and \
            doc.text.count(words[1]) == doc.text.count(c.surface)
        if c.kind == "person" and len(words) > 1 and c.source != "propagated":
            for form in (*surname_forms(c.surface),
                         words[0] if len(words) == 3 or family_first else ""):
                if form:
                    (weak if c.weak and not family_first else people).add(form, c)
            if given_alone:
                given.add(words[0], c)
    if not people and not weak and not given:
        return cands
    # (a state or a city the catalog knows too: "Montana was taken to hospital" after "Joe
    # Montana"; never a country)
    out = []
    for c in cands:
        owner = None
        if c.source == "gazetteer":
            # (a guessed full name claims only a small town's name, or one of a town's other
            # names: "Yunus is expected to land" after "Nobel laureate Muhammad Yunus", where
            # GeoNames counts "Yunus" among Khan Yunis's names)
            owner = people.at(c.surface, c.start) or (
                given.at(c.surface, c.start)
                if doc.word_before(0, c.start) not in _BEFORE_A_PLACE else None) or (
                weak.at(c.surface, c.start) if c.surface in weak and (
                    all((getattr(p, "population", 0) or 0) < _SMALL_TOWN for p in c.places)
                    or _only_other_name(c)) else None)
        elif c.source == "catalog" and c.kind == "place" and \
                not (c.key or "").startswith("country:") and \
                not all(not getattr(e, "country", None) for e in c.entries):
            # (a catalog place in no country is a country or wider: "landed in Tonga" after
            # the islands "Hunga Tonga" taken for a person's name)
            owner = people.at(c.surface, c.start) or weak.at(c.surface, c.start)
        elif c.kind == "place" and (named := people.at(c.surface, c.start)) is not None and \
                _next_word(doc, c.end) in _SPEAKING_AFTER and named.start < c.start and \
                " of " not in named.surface and \
                not _STATE_PRONOUNS.intersection(_sentence_words_after(doc, c.end)):
            # a country that is a titled person's surname, named before it (not "Jordan said
            # it had closed its airspace" after "Rep. Jim Jordan", nor "Queen Rania of
            # Jordan")
            owner = named
        out.append(c if owner is None else _as_mention_of(c, owner, "coref:surname"))
    return out


_GIVEN_NAME_RE = re.compile(r"[A-Z][a-z]+-[a-z]+")
# words after a surname that speaks ("Montenegro added that ...")
_SPEAKING_AFTER = frozenset({"said", "says", "added", "told", "stated", "insisted", "argued",
                             "replied", "noted", "stressed", "warned", "who"})


# pronouns by which a state speaks of itself ("Jordan said it had closed its airspace")
_STATE_PRONOUNS = frozenset({"it", "its", "itself"})


def _sentence_words_after(doc: Document, offset: int) -> list[str]:
    """The words of the sentence holding ``offset``, from ``offset`` on."""
    sent = doc.sentence_at(offset)
    end = sent.end if sent is not None else offset
    return doc.words_between(offset, end)

_SMALL_TOWN = 50_000  # people: a town this small is seldom meant by a person's surname


def _only_other_name(c: Candidate) -> bool:
    """The surface is not the main name of any place the gazetteer matched."""
    return bool(c.places) and all(alternate_name(c.surface, p) for p in c.places)


def _places_in_lists(doc: Document, cands: list[Candidate]) -> list[Candidate]:
    """A guessed name listed after a place ("liberated Rubizhne, Cherkaski Tyshky and Ruski
    Tyshky") is a place too, not a person."""
    order = sorted(range(len(cands)), key=lambda n: (cands[n].start, cands[n].end))
    out = list(cands)  # (in the order given: what follows reads it in that order)
    k = 0
    while k < len(order):
        # a chain of names joined by ", " and " and " that a place opens
        chain = [order[k]]
        while k + len(chain) < len(order) and doc.text[
                cands[chain[-1]].end:cands[order[k + len(chain)]].start] in _LIST_JOINS:
            chain.append(order[k + len(chain)])
        k += len(chain)
        if len(chain) < 2 or not any(cands[n].kind == "place" for n in chain) or \
                not all(cands[n].kind == "place" or _guessed_name(cands[n]) for n in chain) or \
                not any(doc.text[cands[a].end:cands[b].start] != ", "
                        for a, b in zip(chain, chain[1:], strict=False)):
            continue  # (a list has an "and": not "The president of Argentina, Javier Milei,";
            # a place anywhere in it, "retaken Cherkaski Tyshky, Ruski Tyshky, Rubizhne and
            # Bairak", and only guessed names besides)
        if any((cands[n].key or "").startswith("country:") for n in chain) and (
                cands[chain[0]].kind != "place" or
                any(cands[n].rule == "name:single" for n in chain)):
            continue  # ("brokered by Steve Witkoff, Qatar and Egypt", "Norway, Germany and
            # Zuckerberg": countries are actors among people and firms; towns are not)
        tail = doc.text[cands[chain[-1]].end:cands[chain[-1]].end + 4]
        if not (tail[:1] in (".", ";", "") or tail.startswith(", ") and tail[2:3].islower()):
            continue  # (not "Speaking in Kyiv, X and Y said", "In Odesa, Oleh Kiper, Odesa's
            # regional governor, said": a list of places ends its clause)
        for n in chain:
            c = out[n]
            if c.kind != "place":
                out[n] = dataclasses.replace(
                    c, kind="place", rule="name:listed-place", weak=False,
                    extra={k: v for k, v in c.extra.items() if k != "unconfirmed"})
    return out


def _guessed_name(c: Candidate) -> bool:
    """A name no list holds, guessed a person's or a group's from its shape alone."""
    return c.source == "pattern" and c.rule in ("name:full-name", "name:single")


_LIST_JOINS = frozenset({", ", " and ", ", and "})


# ", a village on the main road", ", a small town just north of": a settlement in apposition
_SETTLEMENT_APPOSITION_RE = re.compile(
    r", (?:a|an) (?:(?!(?:of|in|from|for|at|on|to|by|the|a|an|and|or|with)\b)[a-z-]+ ){0,3}"
    r"(?:village|town|city|settlement|hamlet|suburb|port|resort|municipality)"
    r"(?=[,.;]| (?:in|on|near|of|north|south|east|west|northeast|northwest|southeast|southwest|"
    r"just|about|some|outside|close|that|where|which|with)\b)")


def _places_by_apposition(doc: Document, cands: list[Candidate]) -> list[Candidate]:
    """A guessed name a settlement noun describes in apposition ("recaptured Ruska Lozova, a
    village on the main road to Belgorod") or that a verb only places take governs
    ("occupied Staryi Saltiv", "retook Velykyi Burluk") is a place, not a person (but "Anna
    Kovalenko, a town councillor", "a resident of the village": a person)."""
    return [dataclasses.replace(c, kind="place", rule="name:settlement")
            if c.kind == "person" and c.rule == "name:full-name" and (
                _SETTLEMENT_APPOSITION_RE.match(doc.text, c.end) or
                _PLACE_VERB_RE.search(doc.text, max(0, c.start - 24), c.start) and
                doc.text[c.end:c.end + 2] not in ("'s", "’s")) else c
            for c in cands]


# verbs whose object is a place, never a person, right before a name (but not before a
# possessive: "shelled Ivan Bondarenko's farm")
_PLACE_VERB_RE = re.compile(r"\b(?:occupied|occupy|occupies|retook|retaken|retake|retakes|"
                            r"recaptured|recapture|recaptures|shelled) \Z")


def _as_mention_of(c: Candidate, target: Candidate, rule: str) -> Candidate:
    return Candidate(c.start, c.end, c.surface, target.kind, "propagated", rule,
                     min(target.confidence, 0.8), entries=target.entries, places=target.places,
                     key=target.key, label=target.label or None,
                     extra={"refers_to": (target.start, target.end)})


def _variant_of(surface: str, firm: list[Candidate]) -> Candidate | None:
    if len(surface) < 4 or " " in surface:
        return None
    for f in firm:
        if f.kind not in ("place", "person", "organization", "media"):
            continue
        words = f.surface.split()
        options = [f.surface] if len(words) == 1 else ([words[-1]] if f.kind == "person" else [])
        for o in options:
            if o != surface and are_variants(surface, o):
                return f
    return None


def _one_kind_per_guessed_name(cands: list[Candidate]) -> list[Candidate]:
    """A name the rules guessed twice with different kinds ("the state of Al Jazirah", then
    "most of Al Jazirah" read as a person) takes the kind of its most confident guess."""
    def guessed(c: Candidate) -> bool:
        return c.weak and c.source == "pattern" and not (c.key or c.entries or c.places)

    guesses: dict[str, list[Candidate]] = {}
    for c in cands:
        if guessed(c):
            guesses.setdefault(c.surface, []).append(c)
    best = {surface: max(found, key=lambda c: (c.confidence, -c.start))
            for surface, found in guesses.items() if len({c.kind for c in found}) > 1}
    if not best:
        return cands
    return [dataclasses.replace(c, kind=best[c.surface].kind)
            if c.surface in best and guessed(c) and c.kind != best[c.surface].kind
            and c.confidence < best[c.surface].confidence else c for c in cands]


def _propagate(doc: Document, lex: Lexicon, cands: list[Candidate], blocked: SpanSet
               ) -> list[Candidate]:
    """Find the other occurrences of established names (exact, surname, variant)."""
    taken = SpanSet((c.start, c.end) for c in cands)
    sources: dict[str, Candidate] = {}
    short = _Owners(doc.text)  # (a surname two named people share: see _Owners)
    for c in sorted(cands, key=lambda c: (c.source == "propagated", c.start)):
        if c.extra.get("demonym") or c.kind not in _MODEL_KINDS or c.rule == ROLE_RULE:
            continue  # ("the governor": not a name to look for elsewhere)
        sources.setdefault(c.surface, c)
        words = c.surface.split()
        if c.kind == "person" and len(words) > 1 and c.source != "propagated":
            for s in surname_forms(c.surface):
                sources.setdefault(s, c)
                short.add(s, c)
    out = list(cands)
    if not sources:
        return out
    names = sorted(sources, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w'’-])(?:" + "|".join(re.escape(n) for n in names) +
                         r")(?![\w-])(?!['’](?!s\b))")
    for m in pattern.finditer(doc.text):
        s, e = m.start(), m.end()
        if taken.overlaps(s, e) or blocked.overlaps(s, e):
            continue
        if doc.sentence_at(s) is None:
            continue
        src = sources[m.group()]
        if src.kind == "person" and " " not in m.group() and m.group() in short:
            src = short.at(m.group(), s) or src
        if src.kind == "place" and not (src.key or "").startswith("country:") and \
                _on_a_river(doc.text, s, e):
            continue  # "Officials in Dnipro ... crossed the Dnipro": the river
        rule = "coref:surname" if " " not in m.group() and " " in src.surface else \
            "coref:same-name"
        out.append(_as_mention_of(Candidate(s, e, m.group(), src.kind, "propagated", rule, 0.7),
                                  src, rule))
        taken.add(s, e)
    # spelling variants of single-word names anywhere (headlines included)
    singles = [c for c in out if " " not in c.surface and c.kind in ("place", "person")
               and not c.extra.get("demonym") and c.rule != ROLE_RULE]
    if not singles:
        return out
    for tok in doc.tokens:
        if not (tok.is_word and tok.is_cap) or len(tok.bare) < 5:
            continue
        s, e = tok.start, tok.bare_end
        if taken.overlaps(s, e):
            continue
        word = tok.bare
        if word.lower() in lex.common_words or word.lower() in lex.calendar or \
                word.lower() in lex.demonyms:
            continue
        for c in singles:
            if word != c.surface and are_variants(word, c.surface):
                found = _as_mention_of(Candidate(s, e, word, c.kind, "propagated",
                                                 "coref:variant", 0.6), c, "coref:variant")
                out.append(found)
                taken.add(s, e)
                singles.append(found)  # variants of variants: Kharkov ~ Kharkiv ~ Karkhiv
                break
    return out
