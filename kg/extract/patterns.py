"""Mentions made of a known word plus context: demonyms, armed forces, numbered units and
lower-case heads after a capitalised name ("Kharkiv region", "X regional administration").
"""

from __future__ import annotations

import re

from .candidates import Candidate
from .document import Document
from .lexicon import Country, Lexicon
from .names import ORDINAL_RE, hyphen_modifier
from .sentences import SentenceSpan
from .tokens import Token

_ORDINAL_ENDINGS = frozenset({"st", "nd", "rd", "th"})
_ORDINAL_WORDS = frozenset({"first", "second", "third", "fourth", "fifth", "sixth", "seventh",
                            "eighth", "ninth", "tenth", "eleventh", "twelfth"})
_UNIT_MODIFIERS = frozenset({
    "separate", "mechanized", "mechanised", "motorized", "motorised", "airborne", "assault",
    "tank", "rifle", "infantry", "marine", "artillery", "territorial", "defense", "defence",
    "guards", "guard", "special", "operations", "air", "mountain", "combined", "arms", "naval",
    "national", "presidential", "independent", "jaeger", "volunteer", "border", "brigade's",
    "armoured", "armored", "light", "heavy", "operational", "coastal", "missile", "rocket",
    "aviation", "army", "spetsnaz", "reconnaissance", "engineering", "motor", "marines"})
_UNIT_WORDS = frozenset({"brigade", "battalion", "regiment", "division", "corps", "army",
                         "fleet", "squadron", "detachment", "company", "platoon", "group",
                         "brigades", "battalions", "regiments", "divisions"})
_UNIT_TAIL_HEADS = frozenset({"defense", "defence", "forces", "army", "guard", "navy",
                              "marines", "corps", "troops"})
_DEMONYM_SKIP = frozenset({"missile", "rocket", "drone", "artillery", "military", "full-scale",
                           "overnight", "massive", "heavy", "new", "latest", "ballistic",
                           "cruise", "and", "or", "air", "federal", "national"})
# "Russian officials said": the demonym names the government that speaks
_OFFICIAL_HEADS = frozenset({"officials", "official", "authorities", "government", "leadership",
                             "diplomats", "diplomat", "ministry", "embassy", "envoy",
                             "ambassador", "military", "command", "spokesman", "spokeswoman",
                             "spokesperson", "state", "lawmakers", "parliament", "side"})
_NAME_CONNECTORS = frozenset({"de", "du", "of", "la", "le", "al", "van", "von", "der", "del"})
_FORCE_ADJECTIVES = frozenset({"armed", "regular", "elite", "special", "ground", "airborne",
                               "occupying", "retreating", "advancing", "invading", "own",
                               "military", "naval", "border"})


def demonym_country(tok: Token, lex: Lexicon) -> Country | None:
    """The country a demonym token names ("Russian", "U.S."), respecting case."""
    if not tok.is_cap:
        return None
    country = lex.demonyms.get(tok.lower)
    if country is None:
        return None
    if tok.lower == "us" and tok.text != "US":
        return None
    return country


def find_pattern_candidates(doc: Document, sent: SentenceSpan, lex: Lexicon,
                            lowercase_words: set[str] | frozenset[str] = frozenset()
                            ) -> list[Candidate]:
    toks = doc.sentence_tokens_of(sent.index)
    out: list[Candidate] = []
    out.extend(_forces_and_demonyms(doc, toks, lex))
    out.extend(_numbered_units(doc, toks))
    if not sent.titlecase:
        out.extend(_lowercase_heads(doc, toks, lex, lowercase_words))
        out.extend(_unnamed_roles(doc, toks, lex))
    return out


ROLE_RULE = "role:unnamed"


def _unnamed_roles(doc: Document, toks: list[Token], lex: Lexicon) -> list[Candidate]:
    """"the governor", "the provincial governor", "the emergencies ministry": one unnamed
    person or body (an apposition — "the mayor of X, Y," or "the governor, Y," — is not)."""
    out: list[Candidate] = []
    heads = lex._sets.get("role_heads")
    if heads is None:
        heads = lex._sets["role_heads"] = (
            lex.phrase_index("unnamed_roles", "person"),
            lex.phrase_index("unnamed_roles", "organization"),
            lex.words("unnamed_roles", "qualifiers"))
    people, bodies, qualifiers = heads
    for k, tok in enumerate(toks):
        if tok.lower != "the" or k + 1 >= len(toks):
            continue
        q = k + 1
        while q < len(toks) and q - k <= 3 and toks[q].lower in qualifiers and \
                toks[q].text.islower():
            q += 1
        kind, end = "person", 0
        for h in range(k + 1, q + 1):  # "the police chief": a qualifier may start a head
            kind, end = "person", _match_phrase(toks, h, people)
            if end == h:
                kind, end = "organization", _match_phrase(toks, h, bodies)
            if end > h:
                break
            end = 0
        if not end or not all(t.text.islower() for t in toks[k + 1:end]):
            continue
        nxt = toks[end] if end < len(toks) else None
        if nxt is not None and (nxt.is_cap and nxt.is_word or nxt.lower in ("of", "for") or
                                nxt.text == "," and end + 1 < len(toks) and
                                toks[end + 1].is_cap and toks[end + 1].is_word):
            continue  # "the governor Oleh X", "the mayor of Istanbul", "the mayor, Vitali X,"
        words = [t.lower for t in toks[k + 1:end] if not t.lower.endswith("'s")]
        start = next(t.start for t in toks[k + 1:end] if not t.lower.endswith("'s"))
        label = " ".join(words)
        out.append(Candidate(start, toks[end - 1].end, doc.text[start:toks[end - 1].end], kind,
                             "pattern", ROLE_RULE, 0.7, key=f"role:{kind}:{label}", label=label,
                             extra={"role": words[-1]}))
    return out


def _match_phrase(toks: list[Token], k: int,
                  phrases: dict[str, tuple[tuple[str, ...], ...]]) -> int:
    """End index (exclusive) of the longest phrase starting at token ``k``, else ``k``
    (``phrases`` by their first word: :meth:`Lexicon.phrase_index`)."""
    if k >= len(toks):
        return k
    for p in phrases.get(toks[k].lower, ()):
        if k + len(p) <= len(toks) and all(toks[k + m].lower == p[m] for m in range(len(p))):
            return k + len(p)
    return k


# qualifiers of a government that make it the country's own
_NATIONWIDE = frozenset({"federal", "national"})


def _forces_and_demonyms(doc: Document, toks: list[Token], lex: Lexicon) -> list[Candidate]:
    out = []
    forces = lex.phrase_index("force_nouns")
    keys = _country_words(lex)
    for k, tok in enumerate(toks):
        if not tok.is_cap or tok.lower not in keys and "'" not in tok.lower and \
                "’" not in tok.lower:
            continue  # no demonym, country or capital can start here
        country = demonym_country(tok, lex)
        owner_rule = "forces:demonym"
        if country is None and tok.is_cap:  # "Russia's army", "Kyiv's forces", "Ukraine Army"
            bare = tok.bare.lower()
            country = lex.country_names.get(bare) or lex.capitals.get(bare)
            owner_rule = "forces:possessive" if tok.bare != tok.text else "forces:country"
            if country is None:
                continue
        elif country is None:
            continue
        m = k + 1
        while m < len(toks) and m - k <= 2 and toks[m].lower in _FORCE_ADJECTIVES:
            m += 1
        branch_end = _match_phrase(toks, k + 1, lex.phrase_index("force_branches", "words"))
        if branch_end > k + 1:
            last = toks[branch_end - 1]
            branch = " ".join(t.lower for t in toks[k + 1:branch_end])
            label = f"{tok.bare if owner_rule == 'forces:demonym' else country.name} " + \
                " ".join(w.capitalize() for w in branch.split())
            if owner_rule != "forces:demonym":
                label = f"{country.name} " + " ".join(w.capitalize() for w in branch.split())
            out.append(Candidate(tok.start, last.end, doc.text[tok.start:last.end],
                                 "military_unit", "pattern", "forces:branch", 0.8,
                                 key=f"branch:{country.code}:{branch}", label=label,
                                 extra={"country": country.code}))
            continue
        end = _match_phrase(toks, m, forces)
        if end > m:
            last = toks[end - 1]
            start = tok.start
            out.append(Candidate(start, last.end, doc.text[start:last.end], "military_unit",
                                 "pattern", owner_rule, 0.8, key=f"forces:{country.code}",
                                 label=country.forces, extra={"country": country.code}))
            continue
        org_end = _org_head_end(toks, m, lex)
        if org_end > m and toks[org_end - 1].lower == "government" and \
                all(t.lower in _NATIONWIDE for t in toks[m:org_end - 1]):
            org_end = m  # "Ethiopia's federal government": the country's own, as "Ethiopia's
            # government" is
        if org_end > m:
            last = toks[org_end - 1]
            out.append(Candidate(tok.start, last.end, doc.text[tok.start:last.end],
                                 "organization", "pattern", "org:country-and-head", 0.75,
                                 extra={"country": country.code}))
            continue
        if owner_rule != "forces:demonym":
            continue
        # a demonym as a modifier stands for the country ("Russian rockets")
        heads = lex.words("demonym_heads", "words")
        nxt = next((t for t in toks[k + 1:k + 5] if t.lower not in _DEMONYM_SKIP
                    and demonym_country(t, lex) is None), None)  # "Greek and Polish officials"
        people = nxt is not None and nxt.lower not in heads and any(
            t.lower in _people_nouns(lex) for t in toks[k + 1:k + 4] if t.text.islower())
        # a weapon's model after the demonym: "Ukrainian Su-25 aircraft", "Russian Kh-101"
        model = nxt is not None and "-" in nxt.text and any(c.isdigit() for c in nxt.text)
        if not people and not model and (nxt is None or (nxt.lower not in heads and
                                                         not _trigger_noun(nxt.lower, lex))) \
                and not _head_skipped(toks, k, nxt, heads):
            continue  # "an American think tank", "said in Russian": not an actor
        # "German train drivers", "Egyptian pilgrims": the country is named, but the people
        # are not its government (no actor)
        out.append(Candidate(tok.start, tok.bare_end, tok.bare, "place", "pattern",
                             "demonym", 0.6, key=f"country:{country.code}", label=country.name,
                             weak=True, extra={"country": country.code, "demonym": True,
                                               "people": people,
                                               "official": any(
                                                   t.lower in _OFFICIAL_HEADS
                                                   for t in toks[k + 1:k + 5]
                                                   if nxt is None or t.i <= nxt.i)}))
    return out


def _head_skipped(toks: list[Token], k: int, nxt: Token | None, heads: frozenset[str]) -> bool:
    """ "A Russian missile hit ...": the modifier skipped on the way is the head itself."""
    stop = nxt.i if nxt is not None else toks[min(len(toks), k + 5) - 1].i + 1
    return any(t.lower in heads for t in toks[k + 1:k + 5] if t.i < stop)


def _people_nouns(lex: Lexicon) -> frozenset[str]:
    """Nouns for people who are not a government: casualty nouns and occupations."""
    return lex.union(("casualties", "people_nouns"), ("demonym_people", "words"))


def _country_words(lex: Lexicon) -> frozenset[str]:
    """Lower-cased demonyms, country names and capitals (one set, cached)."""
    found = lex._sets.get("country_words")
    if found is None:
        found = lex._sets["country_words"] = frozenset(
            [*lex.demonyms, *lex.country_names, *lex.capitals])
    return found


def _org_head_end(toks: list[Token], k: int, lex: Lexicon) -> int:
    """End of "foreign ministry", "defence ministry", "emergency service" at ``k``, else k."""
    qualifiers = lex.words("org_patterns", "qualifiers")
    q = k
    while q < len(toks) and q - k < 3 and toks[q].lower in qualifiers and toks[q].text.islower():
        q += 1
    if q == k:
        return k
    end = _match_phrase(toks, q, lex.phrase_index("org_patterns", "heads"))
    return end if end > q and all(t.text.islower() for t in toks[k:end]) else k


def _trigger_noun(word: str, lex: Lexicon) -> bool:
    return any(len(form) == 1 and entry.pos == "n"
               for form, entry, _ in lex.triggers.get(word, ()))


def _numbered_units(doc: Document, toks: list[Token]) -> list[Candidate]:
    out = []
    if not any(t.is_number and (t.lower[-2:] in _ORDINAL_ENDINGS or t.lower.isdigit())
               or t.lower in _ORDINAL_WORDS for t in toks):
        return out
    k = 0
    while k < len(toks):
        tok = toks[k]
        if not (ORDINAL_RE.match(tok.lower) or tok.lower in _ORDINAL_WORDS or
                _named_by_number(toks, k)):
            k += 1
            continue
        m = k + 1
        while m < len(toks) and m - k <= 4 and toks[m].lower in _UNIT_MODIFIERS:
            m += 1
        if m < len(toks) and (toks[m].lower in _UNIT_WORDS or
                              toks[m].lower == "front" and toks[m].is_cap) and \
                (tok.is_number or toks[m].is_cap):  # ("the 33rd Front", not "a second front")
            end = m
            # "... of the territorial defense"
            if end + 2 < len(toks) and toks[end + 1].lower == "of":
                n = end + 2
                if toks[n].lower == "the":
                    n += 1
                for q in range(n, min(n + 3, len(toks))):
                    if toks[q].lower in _UNIT_TAIL_HEADS:
                        end = q
                        break
                    if not toks[q].is_word:
                        break
            start, stop = tok.start, toks[end].end
            surface = doc.text[start:stop]
            out.append(Candidate(start, stop, surface, "military_unit", "pattern",
                                 "unit:numbered", 0.85,
                                 key="unit:" + " ".join(surface.lower().split())))
            k = end + 1
            continue
        k += 1
    return out


def _named_by_number(toks: list[Token], k: int) -> bool:
    """A cardinal that names a unit after "the" or a possessive: "the 444 Brigade", "Libya's
    444 Brigade" (not "the 3 brigades", nor a year)."""
    tok = toks[k]
    return tok.lower.isdigit() and len(tok.lower) <= 4 and k > 0 and \
        (toks[k - 1].lower == "the" or toks[k - 1].lower.endswith(("'s", "’s"))) and \
        k + 1 < len(toks) and toks[k + 1].is_cap and \
        toks[k + 1].lower in _UNIT_WORDS and not 1900 <= int(tok.lower) <= 2100


# Nouns after an organisation's head that make the whole a facility ("command centre").
_FACILITY_TAILS = frozenset({"centre", "center", "centres", "centers", "post", "posts",
                             "bunker", "bunkers", "compound", "facility", "facilities",
                             "building", "tunnel", "tunnels", "room", "vehicle", "vehicles"})
# Lower-case heads that make the capitalised name before them a military unit.
_UNIT_HEADS = frozenset({"regiment", "brigade", "battalion", "division", "legion"})
# the kinds of a base named before them ("Nur Khan air base")
_BASE_KINDS = frozenset({"air", "naval", "military", "army", "navy", "airforce"})


def _lowercase_heads(doc: Document, toks: list[Token], lex: Lexicon,
                     lowercase_words: set[str] | frozenset[str]) -> list[Candidate]:
    """"Kharkiv region", "Siverskyi Donets river", "Kharkov regional administration"."""
    out = []
    place_after = lex.words("place_heads", "lowercase_after")
    qualifiers = lex.words("org_patterns", "qualifiers")
    heads = lex.phrase_index("org_patterns", "heads")
    wanted = lex._sets.get("lowercase_heads")
    if wanted is None:
        wanted = lex._sets["lowercase_heads"] = place_after | qualifiers | set(heads) | \
            _UNIT_HEADS | _BASE_KINDS
    if not any(t.lower in wanted and not t.is_cap for t in toks):
        return out  # no lower-case head or qualifier in the sentence
    first_word = next((t for t in toks if t.is_word), None)
    k = 0
    while k < len(toks):
        tok = toks[k]
        if not (tok.is_word and tok.is_cap) or tok.lower in lex.calendar:
            k += 1
            continue
        # a run of capitalised words ending without a possessive
        m = k
        while m + 1 < len(toks) and toks[m].bare == toks[m].text:
            nxt = toks[m + 1]
            if nxt.is_cap and nxt.is_word and nxt.lower not in lex.calendar:
                m += 1
            elif nxt.lower in _NAME_CONNECTORS and m + 2 < len(toks) and \
                    toks[m + 2].is_cap and toks[m + 2].is_word:
                m += 2
            else:
                break
        if m == k and hyphen_modifier(tok.text):
            k += 1  # "a Buddhist-backed party", "the Kremlin-backed party": no name
            continue
        if m == k and (demonym_country(tok, lex) is not None or
                       tok.lower in lex.union(("regional_adjectives", "words"),
                                              ("faiths_and_peoples", "adjectives"))):
            k += 1  # "Greek authorities", "Russian troops": handled as demonyms; "the
            continue  # English town of Southport", "the Jewish community": a description
        if (tok is first_word and (tok.lower in lex.common_words or
                                   tok.lower in lowercase_words or
                                   m == k and tok.lower.endswith("ing")) or
                tok.lower in ("the", "a", "an")):
            k += 1  # "The Kharkiv regional administration": the opener is no part of it
            continue  # (and "A volcano erupted", "Conducting river crossings ...": no name)
        opener = tok is first_word and (tok.lower in lex.common_words or
                                         tok.lower in lowercase_words)
        if toks[m].bare != toks[m].text or opener:
            k = m + 1
            continue
        q = m + 1
        while q < len(toks) and toks[q].lower in qualifiers and toks[q].text.islower():
            q += 1
        end = _match_phrase(toks, q, heads)
        if end > q and end < len(toks) and toks[end].lower in _FACILITY_TAILS:
            k = end + 1  # "a Hamas command centre": a place of the group, not a body
            continue
        if end > q and all(t.text.islower() for t in toks[q:end]):
            if q == m + 1 and toks[q].lower in lex.words("org_patterns", "name_heads"):
                # "the Georgian Dream party": the name is the party's
                start, stop = tok.start, toks[m].end
                out.append(Candidate(start, stop, doc.text[start:stop], "organization",
                                     "pattern", "org:name-and-head", 0.8))
                k = end
                continue
            start, stop = tok.start, toks[end - 1].end
            out.append(Candidate(start, stop, doc.text[start:stop], "organization", "pattern",
                                 "org:place-and-head", 0.75,
                                 extra={"place_span": (tok.start, toks[m].end)}))
            k = end
            continue
        if q == m + 1 and q < len(toks) and toks[q].text in _UNIT_HEADS:
            # "the Azov regiment", "the Kraken battalion": a named unit
            start, stop = tok.start, toks[q].end
            out.append(Candidate(start, stop, doc.text[start:stop], "military_unit",
                                 "pattern", "unit:name-and-head", 0.75))
            k = q + 1
            continue
        based = q + 1 < len(toks) and toks[q].lower in _BASE_KINDS and \
            toks[q].text.islower() and toks[q + 1].lower in ("base", "station") and \
            q == m + 1 and not (k > 0 and toks[k - 1].lower in ("a", "an"))
        if based:
            q += 1  # "Nur Khan air base", "the Hmeimim air base" (not "a Texas army base")
        # "Kharkiv region", "Guarulhos international airport" (a qualifier before the head)
        if based or q < len(toks) and toks[q].lower in place_after and \
                toks[q].text.islower() and (q == m + 1 or toks[m + 1].lower not in place_after):
            start, stop = tok.start, toks[q].end
            out.append(Candidate(start, stop, doc.text[start:stop], "place", "pattern",
                                 "place:name-and-head", 0.75,
                                 extra={"place_span": (tok.start, toks[m].end)}))
            k = q + 1
            continue
        k = m + 1
    return out


_CREDIT_RE = re.compile(
    r"\b(?:Photo|Photograph|Image|Picture|Video|Footage)s?\s*(?:by|:|credit:)\s*"
    r"(?P<person>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){1,2})[ \t]*/[ \t]*"
    r"(?P<agency>[A-Z][\w&'’-]*(?:[ \t]+[A-Z][\w&'’-]*){0,3})")  # (within its line)
_CREDIT_MARK = "/"  # in every match of _CREDIT_RE: a text without it has no credit


def find_credit_candidates(doc: Document) -> list[Candidate]:
    """Photo credits: "Photo by John Moore/Getty Images" -> a person and a media agency;
    "Photo: AFP", "Photograph: Reuters" -> the agency."""
    out: list[Candidate] = []
    if not any(w in doc.text for w in _CREDIT_WORDS):
        return out
    if _CREDIT_MARK not in doc.text:
        return _agency_credits(doc, out)
    for m in _CREDIT_RE.finditer(doc.text):
        s, e = m.span("person")
        out.append(Candidate(s, e, m.group("person"), "person", "pattern", "name:credit", 0.8))
        s, e = m.span("agency")
        out.append(Candidate(s, e, m.group("agency"), "media", "pattern", "name:credit", 0.8))
    return _agency_credits(doc, out)


def _agency_credits(doc: Document, out: list[Candidate]) -> list[Candidate]:
    for m in _AGENCY_CREDIT_RE.finditer(doc.text):
        s, e = m.span("agency")
        out.append(Candidate(s, e, m.group("agency"), "media", "pattern", "name:credit", 0.8))
    return out


# in every match of _CREDIT_RE and _AGENCY_CREDIT_RE (both case-sensitive)
_CREDIT_WORDS = ("Photo", "Image", "Picture", "Video", "Footage")


# an agency alone after a caption's "Photo:" ("Photo: AFP", "(Photograph: Reuters)")
_AGENCY_CREDIT_RE = re.compile(
    r"\b(?:Photo|Photograph|Image|Picture|Video|Footage)s?\s*:\s*"
    r"(?P<agency>AFP|AP|EPA|UPI|DPA|ANSA|ANP|AAP|PA|TASS|IRNA|SANA|WAFA|KCNA|PTI|IANS|EFE"
    r"|Reuters|Getty Images|Anadolu Agency|Anadolu|Xinhua|Bloomberg|Sputnik|Shutterstock"
    r"|Alamy)"
    r"(?=\s*(?:$|[)\];]))", re.MULTILINE)


def find_office_candidates(doc: Document) -> list[Candidate]:
    """The office of a titled official: "Ukraine's Prosecutor General's Office", "the
    President's Office" - one organisation, not a person called "General" and a body called
    "Office"."""
    if _OFFICE_MARK not in doc.text:
        return []
    return [Candidate(m.start(), m.end(), m.group(), "organization", "pattern", "name:office",
                      0.8) for m in _OFFICE_RE.finditer(doc.text)]


_OFFICE_RE = re.compile(
    r"\b(?:(?:Prosecutor|Attorney|Solicitor|Inspector|Auditor|Procurator|Director)[ -]General"
    r"|President|Prime Minister|Governor|Mayor|Chancellor|Ombudsman)['’]s Office\b")
_OFFICE_MARK = "s Office"  # in every match of _OFFICE_RE: a text without it names no office


def find_group_candidates(doc: Document, lex: Lexicon) -> list[Candidate]:
    """Armed groups named in the lexicon ("Hamas", "Boko Haram fighters"): organisations,
    one entity per group whatever its spelling ("Hezbollah", "Hizbollah")."""
    pattern, canonical, firsts = _group_pattern(lex)
    if firsts.isdisjoint(doc.words) and \
            firsts.isdisjoint(w.partition("-")[0] for w in doc.words if "-" in w) and \
            firsts.isdisjoint(w[:-2] for w in doc.words if w.endswith(("'s", "’s"))):
        return []  # (most articles name none: set tests instead of the pattern; "Hamas's")
    out = []
    for m in pattern.finditer(doc.text):
        surface = m.group()
        if surface.islower():
            continue  # a capital letter makes it the name
        lead = _NAME_WORD_BEFORE.search(doc.text, max(0, m.start() - 40), m.start())
        word = lead.group(1) if lead is not None else ""
        if word and "-" not in word and not word.endswith(("'s", "’s", "ly", "ing")) and \
                word.lower() not in _country_words(lex) and \
                word.lower() not in lex.common_words and word.lower() not in lex.calendar and \
                word.lower() not in lex.union(("regional_adjectives", "words"),
                                              ("faiths_and_peoples", "adjectives")):
            # "Kataib Hezbollah", "Harakat Hezbollah al-Nujaba": another group, whose name
            # holds the first one's (not "Lebanese Hezbollah", nor a sentence's first word,
            # nor "Fighting Hezbollah")
            out.append(Candidate(lead.start(1), m.end(), doc.text[lead.start(1):m.end()],
                                 "organization", "pattern", "name:armed-group", 0.75))
            continue
        out.append(Candidate(m.start(), m.end(), surface, "organization", "pattern",
                             "name:armed-group", 0.85,
                             key=f"group:{canonical[surface.lower()]}"))
    return out


# the capitalised word right before a group's name
_NAME_WORD_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][a-z][\w'’-]*) \Z")


_GROUP_NOUN_AFTER = (r"(?=\s+(?:mercenary\s+group|mercenaries|mercenary|fighters|forces|troops|"
                     r"units|chief|boss|founder|leader|paramilitaries|contractors|mutiny|"
                     r"rebellion|private\s+military)\b)")
_GROUP_MODIFIERS = ("run", "led", "backed", "controlled", "held", "allied", "aligned", "linked",
                    "affiliated", "inspired")


def _group_pattern(lex: Lexicon) -> tuple[re.Pattern, dict[str, str], frozenset[str]]:
    found = lex._sets.get("armed_groups")
    if found is None:
        canonical = {}
        guarded = set()  # spellings that name the group only before one of its nouns
        for line in lex.cues["armed_groups"]["names"]:
            spellings = [w.rstrip("+") for w in line.split("|")]
            guarded.update(w.rstrip("+") for w in line.split("|") if w.endswith("+"))
            for spelling in spellings:
                canonical[spelling] = spellings[0]
        names = sorted(canonical, key=len, reverse=True)
        # "Hamas-run", "Hezbollah-backed": the group, not the modifier made from it; "Wagner
        # fighters", "Wagner chief": a guarded spelling ("Wagner" alone may be anyone's name)
        pattern = re.compile(r"(?<![\w-])(?:" + "|".join(
            re.escape(n) + (_GROUP_NOUN_AFTER if n in guarded else "") for n in names) +
            r")(?!\w|-(?!(?:" + "|".join(_GROUP_MODIFIERS) + r")\b))", re.IGNORECASE)
        # the first word of each spelling as the tokeniser lower-cases it
        firsts = frozenset(n.split()[0].replace("’", "'") for n in names)
        found = lex._sets["armed_groups"] = (pattern, canonical, firsts)
    return found
