"""Capitalised names no list holds: people after titles, organisations, places, media.

A *chunk* is a run of capitalised words, possibly joined by connectors ("Institute for the
Study of War"), ended by a possessive ("Russia's"). Leading sentence openers, titles and
demonyms are peeled off; the rest is classified by its head words and by the words around it.
Headline-style sentences (most words capitalised) are skipped: there capitals say nothing.
"""

from __future__ import annotations

import re

from ..temporal.lexicon import INSTRUMENTS
from .candidates import Candidate
from .document import Document
from .lexicon import Lexicon
from .sentences import SentenceSpan
from .tokens import Token
from .vocabulary import CLOSING_QUOTES, OPENING_QUOTES, SURNAME_PARTICLES

_CONNECTORS = SURNAME_PARTICLES | {"of", "for", "the", "des", "on", "and"}
_OPENING = frozenset({'"', "“", "‘", "'", "(", "[", "—", "-", ":"})
_QUOTE_OPENERS = OPENING_QUOTES - {"'"}  # (not an apostrophe)
_QUOTE_CLOSERS = CLOSING_QUOTES - {"'"}
_TITLE_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "gen", "lt", "col", "sgt", "capt",
                                  "gov", "sen", "rep", "prof", "rev", "maj", "adm", "st"})
_PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "around", "across", "inside",
                                 "into", "toward", "towards", "through", "throughout"})
_WEAK_PLACE_PREPOSITIONS = frozenset({"from", "to", "of"})
# words of nearness before a place ("in neighbouring Castilla-La Mancha")
NEARNESS = frozenset({"neighbouring", "neighboring", "nearby"})
# nouns a regional adjective describes ("the Pacific territory", "a Catalan village")
_ADJECTIVE_HEADS = frozenset({"territory", "territories", "nation", "nations", "state",
                              "states", "country", "countries", "island", "islands", "region",
                              "town", "village", "city", "port", "coast", "coastline", "rim",
                              "archipelago", "fleet", "community", "communities", "people",
                              "leaders", "government", "capital", "province"})
# nouns a person's name may modify after "the" ("the Taylor Swift concert")
_OF_A_PERSON = frozenset({"concert", "concerts", "tour", "album", "song", "film"})
# agencies and platforms credited at the end of a caption
_CREDITS = frozenset({"reuters", "afp", "getty", "twitter", "telegram", "facebook", "youtube"})
# Nouns that a saint's or a people's possessive names ("St. Peter's Square", "Children's
# Hospital"): the possessive is inside the name.
_POSSESSED_HEADS = frozenset({"square", "basilica", "cathedral", "church", "chapel", "abbey",
                              "hospital", "college", "park", "bridge", "street", "palace",
                              "bay", "island", "vineyard", "harbour", "harbor", "creek",
                              "landing"})  # ("Hawke's Bay", "Martha's Vineyard")
# Adjectives of continents: before any lower-case noun they describe it ("European airports").
_CONTINENTS_ADJECTIVES = frozenset({"european", "asian", "african"})
# verbs that open a question in a title-case line ("Who Was The Attacker?")
_AUXILIARIES = frozenset({"was", "were", "is", "are", "did", "does", "has", "have", "had"})
_NOT_NOUNS = frozenset({"and", "or", "but", "said", "says", "is", "was", "were", "are", "has",
                        "have", "had", "will", "would"})
# Words that describe an office holder before a demonym ("Former Brazilian president").
_BEFORE_A_DEMONYM = frozenset({"former", "ex", "late", "then", "outgoing", "incoming", "acting",
                               "interim", "veteran", "jailed", "exiled", "ousted", "detained"})
# Adjectives of parts of the world written in two words (no country's demonym).
_CONTINENTAL_ADJECTIVES = frozenset({
    "latin american", "south american", "north american", "central american", "east african",
    "west african", "southern african", "north african", "east asian", "southeast asian",
    "south asian", "central asian", "middle eastern", "sub-saharan african", "eastern european",
    "western european", "central european"})
# Words of place names, never of a person's two last names ("New South Wales").
_PLACE_NAME_WORDS = frozenset({"new", "north", "south", "east", "west", "northern", "southern",
                               "eastern", "western", "upper", "lower", "greater", "sur",
                               "norte", "del", "wales", "island", "islands", "city", "county",
                               "state", "province", "region", "territory", "republic"})
_SAINTS = frozenset({"st", "saint", "sainte"})
_POSSESSORS = frozenset({"children", "women", "king", "queen", "men", "people"})
# Words before company endings that make them a street's quarter ("Alabama Avenue SE").
_STREETS = frozenset({"avenue", "road", "street", "boulevard", "drive", "lane", "way", "place"})
# Faiths, which are no places ("converted to Islam")
_RELIGIONS = frozenset({"islam", "christianity", "judaism", "hinduism", "buddhism",
                        "catholicism", "protestantism", "sikhism", "shinto", "taoism"})
# Languages, which "in" does not make places ("said in English")
_LANGUAGES = frozenset({"english", "french", "arabic", "russian", "ukrainian", "spanish",
                        "german", "hebrew", "persian", "farsi", "urdu", "hindi", "chinese",
                        "mandarin", "japanese", "korean", "turkish", "portuguese", "italian",
                        "polish", "dutch", "swahili", "amharic", "pashto", "dari", "bengali"})
# Words that open the names of parties after which a country is named ("Progressive
# Slovakia", "United Russia"; not "Marcus Brazil", "Jim Jordan")
_PARTY_ADJECTIVES = frozenset({
    "progressive", "democratic", "united", "fair", "free", "forward", "civic", "national",
    "liberal", "social", "patriotic", "popular", "republican", "green", "new", "just",
    "independent", "renew", "modern", "strong", "brave", "real", "true", "great", "greater",
    "reform", "together", "alternative", "open", "better", "proud", "sovereign"})
# Makers of aircraft, whose name comes before a model's number.
MAKERS = frozenset({"boeing", "airbus", "embraer", "bombardier", "antonov", "tupolev",
                    "ilyushin", "sukhoi", "cessna", "atr", "lockheed", "douglas", "fokker",
                    "superjet", "dash", "bell", "sikorsky"})
# Endings of company names ("Siemens AG", "Shell plc"; "AG" only in capitals: not the
# attorney general of "New York AG Letitia James", which takes a name after it).
_COMPANY_ENDINGS = frozenset({"AG", "GmbH", "plc", "PLC", "LLC", "SpA"})
# Endings of company names that are also abbreviations of places ("Airbus SE", "Philips NV";
# but "Police in Reno NV")
_PLACE_OR_COMPANY_ENDINGS = frozenset({"SE", "NV", "BV"})
_VENUES = frozenset({"spa", "resort", "hotel", "casino", "restaurant", "nightclub", "cafe"})
_MODIFIER_SUFFIXES = frozenset({"run", "led", "held", "made", "built", "born", "style", "era",
                                "type", "class", "like", "friendly", "bound", "wide"})
_GENERIC_FORCES = frozenset({"armed forces", "army", "military", "forces", "defence forces",
                             "defense forces", "armed force"})
_SPEECH_AFTER = frozenset({"said", "says", "told", "wrote", "added", "tweeted", "posted",
                           "stated", "explained", "noted", "insisted", "warned", "claimed",
                           "announced", "argued", "replied", "responded", "asked"})


_SPEAKING = _SPEECH_AFTER | frozenset({
    "condemned", "condemns", "denied", "denies", "claimed", "claims", "urged", "urges",
    "praised", "welcomed", "welcomes", "rejected", "rejects", "accused", "accuses", "blamed",
    "blames", "vowed", "vows", "confirmed", "confirms", "announced", "announces", "warned"})
_PARTICLE_RE = re.compile(r"^(?:al|el|ad|as|ash|an|ar|at|az|bin|ibn|abu|de|di|da|du|van|von)"
                          r"-[A-Z]")


def is_name_token(tok: Token, lex: Lexicon) -> bool:
    if tok.is_word and not tok.is_cap:
        # "Deir al-Balah", "Sharm el-Sheikh"
        return "-" in tok.text and _PARTICLE_RE.match(tok.text) is not None
    return tok.is_word and tok.is_cap and tok.text != "I" and \
        tok.bare.lower() not in lex.calendar


def sentence_start_index(tokens: list[Token]) -> int:
    """Index of the first word of a sentence (after opening quotes and brackets)."""
    for k, tok in enumerate(tokens):
        if tok.is_word or tok.is_number:
            return k
    return 0


def find_name_candidates(doc: Document, sent: SentenceSpan, lex: Lexicon,
                         lowercase_words: set[str]) -> list[Candidate]:
    """Candidates from capitalised chunks in one (non-headline-style) sentence."""
    if sent.titlecase:
        return []
    toks = doc.sentence_tokens_of(sent.index)
    first_word = sentence_start_index(toks)
    out: list[Candidate] = []
    next_free = 0
    quoted = any(t.text in _QUOTE_OPENERS for t in toks)  # (a nickname needs its marks)
    for i in [k for k, t in enumerate(toks) if t.is_cap or "-" in t.text]:
        if i < next_free or not is_name_token(toks[i], lex):
            continue
        nicknamed = _nicknamed(doc, toks, i, lex) if quoted else None
        if nicknamed is not None:
            out.append(nicknamed)
            next_free = doc.first_token_at_or_after(nicknamed.end) - \
                doc.first_token_at_or_after(toks[0].start)
            continue
        j = _chunk_end(toks, i, lex)
        if j > i and any(t.lower in _AUXILIARIES for t in toks[i:i + 2]):
            next_free = j + 1
            continue  # "Who Was The Attacker?": a question in title case, no name
        if j == i and toks[i].lower.rpartition("-")[2] in _ATTRIBUTIVE_SUFFIXES:
            next_free = j + 1
            continue  # "the Hamas-run enclave", "Iran-backed": describes, names no entity
        if 0 < i and j + 1 < len(toks) and toks[i - 1].text in _QUOTE_OPENERS and \
                toks[j + 1].text in _QUOTE_CLOSERS:
            next_free = j + 1
            continue  # 'came second with "Space Man"': a title quoted, no name
        p = _inner_title(toks, i, j, lex)
        parts = [(i, j)] if p is None else [(i, p - 1), (p, j)]
        for a, b in parts:
            cand = _classify(doc, toks, a, b, first_word, lex, lowercase_words)
            if cand is not None and not (p is not None and b == p - 1 and
                                         _portfolio(toks[a:p], cand, lex)):
                out.append(cand)
        next_free = j + 1
    return out


def _a_business(toks: list[Token], i: int, lowers: list[str],
                mil_heads: set[str] | frozenset[str]) -> bool:
    """ "Jamaica Public Service Company": a firm, whose only unit word is "Company" (not
    "Bravo Company", "Easy Company", "3rd Company", "A Company", "Weapons Company", "the 2nd
    Ranger Company": an infantry company)."""
    if [w for w in lowers if w in mil_heads] != ["company"] or lowers[-1] != "company":
        return False
    before = lowers[:-1]
    if i > 0 and ORDINAL_RE.match(toks[i - 1].lower):
        return False
    return not (len(before) == 1 and (before[0] in _COMPANY_NAMES or len(before[0]) == 1 or
                                      ORDINAL_RE.match(before[0]) is not None))


# what names an infantry company: a letter of a spelling alphabet (today's or the Second World
# War's) or the company's job
_COMPANY_NAMES = frozenset("""alpha bravo charlie delta echo foxtrot golf hotel india juliet
kilo lima mike november oscar papa quebec romeo sierra tango uniform victor whiskey x-ray
yankee zulu able baker dog easy fox george how item jig king love nan oboe peter queen roger
sugar tare uncle william yoke zebra headquarters weapons rifle ranger support signal engineer
tank mortar medical""".split())
#: an ordinal in figures, lower-cased ("3rd", "127th")
ORDINAL_RE = re.compile(r"^\d+(?:st|nd|rd|th)$")


# verbs that give an operation or a campaign its name ("dubbed Rising Lion")
_CODE_NAMING = frozenset({"dubbed", "codenamed", "code-named", "christened"})
# the last word of a treaty's or a charter's name (not "Pact" or "Convention", which also
# name alliances and assemblies: the Warsaw Pact, the Constitutional Convention)
_INSTRUMENT_HEADS = INSTRUMENTS - {"pact", "convention"}


def _nicknamed(doc: Document, toks: list[Token], i: int, lex: Lexicon) -> Candidate | None:
    """Given names, a quoted nickname and a surname: 'Ismael "El Mayo" Zambada', 'Mohamed
    Hamdan "Hemedti" Dagalo', 'Senator Ronald "Bato" dela Rosa' - one person, named without
    the nickname (and without a title before it)."""
    title_end = _match_title(toks, i, len(toks) - 1, lex)
    if i < title_end < len(toks) and toks[title_end].is_cap:
        i = title_end  # ("Senator Ronald ...": the title is no part of the name)
    if i > 0 and toks[i - 1].is_cap and toks[i - 1].is_word and i != title_end:
        return None
    g = i  # the last given name
    while g + 1 < len(toks) and g - i < 1 and toks[g + 1].is_cap and toks[g + 1].is_word and \
            toks[g + 1].text.isalpha():
        g += 1
    if g + 4 >= len(toks) or toks[g + 1].text not in _QUOTE_OPENERS or \
            any(t.text != t.bare or not t.text.isalpha() for t in toks[i:g + 1]) or \
            lex.demonyms.get(toks[i].lower) is not None:
        return None
    k = g + 2
    while k < len(toks) and k - g <= 5 and toks[k].is_cap and toks[k].is_word:
        k += 1
    if k == g + 2 or k >= len(toks) - 1 or toks[k].text not in _QUOTE_CLOSERS:
        return None
    m = k + 1
    if m < len(toks) and toks[m].lower in SURNAME_PARTICLES:
        m += 1  # ("dela Rosa", "van der Berg")
    while m < len(toks) and m - k <= 3 and toks[m].is_cap and toks[m].is_word and \
            toks[m].text.isalpha():
        m += 1
    if m == k + 1 or not toks[m - 1].is_cap:
        return None
    surname = toks[k + 1:m]
    if any(t.lower in lex.calendar or t.lower in lex.country_names or
           lex.demonyms.get(t.lower) is not None for t in [*toks[i:g + 1], *surname]):
        return None  # ('called Putin "Mad Vlad" Monday': no one's surname)
    return Candidate(toks[i].start, surname[-1].end, doc.text[toks[i].start:surname[-1].end],
                     "person", "pattern", "name:nicknamed", 0.8,
                     label=" ".join(t.text for t in [*toks[i:g + 1], *surname]))


def _portfolio(words: list[Token], cand: Candidate, lex: Lexicon) -> bool:
    """The words before a title inside a chunk name its office, not someone or something of
    their own ("Climate Change Minister Sherry Rehman", "Acting Labor Secretary Julie Su",
    "Defence Cabinet Secretary Aden Duale", "Civil Aviation Minister"; but "NATO
    Secretary-General", "National Assembly President", "Barrow County Sheriff")."""
    if cand.kind == "person" or any(t.lower in ("cabinet", "acting") for t in words):
        return True
    if cand.kind not in ("organization", "group") or cand.surface.isupper():
        return False  # ("CIA Director", "INS Commissioner")
    if len(words) == 1:
        return words[0].lower in lex.common_words or words[0].lower in _RANK_WORDS
    heads = _body_heads(lex)
    return words[-1].lower not in heads and words[-1].lower not in ("force", "house")


def _body_heads(lex: Lexicon) -> frozenset[str]:
    """The last words of organisations' and units' names ("Ministry", "Brigade")."""
    return lex.union(("organisation_heads", "organization"),
                     ("organisation_heads", "military_unit"))


# words before a military rank that belong to it ("Senior General Min Aung Hlaing")
_RANK_WORDS = frozenset({"senior", "junior", "chief", "vice", "deputy", "first", "second"})


def _inner_title(toks: list[Token], i: int, j: int, lex: Lexicon) -> int | None:
    """Where a title starts inside a chunk that does not open with one: "Mines Minister
    Joseph Mhlanga", "NATO Secretary-General Jens Stoltenberg", "Lagos State Governor X"."""
    if _match_title(toks, i, j, lex) > i or toks[i].bare != toks[i].text:
        return None
    heads = _body_heads(lex)
    for p in range(i + 1, j):
        if toks[p - 1].bare != toks[p - 1].text:
            return None
        k = _match_title(toks, p, j, lex)
        if k <= p:
            continue
        if p == i + 1 and lex.demonyms.get(toks[i].lower) is not None:
            return None  # "Russian President X": the demonym describes the person
        if toks[p - 1].lower in heads and k <= j and toks[k].lower == "of":
            return None  # "the Directorate General of Civil Aviation": a body's name (not
            # "NATO Secretary-General Jens Stoltenberg": a body, then its head)
        rest = [t for t in toks[k:j + 1] if t.text != "."]
        if len(rest) >= 2 and not any(t.lower in heads for t in rest):
            return p
        return None
    return None


# Nouns a single letter names after them ("Terminal E", "Type A", "Vitamin C", "Group C"):
# the letter ends their name, and a dot after it may end the sentence.
_LETTER_LABELS = frozenset("""
terminal type hall gate vitamin group plan section grade zone phase level stage category class
box room block building platform pier wing ward row lot area sector pool division league
article chapter appendix exhibit figure table part schedule tier series model version option
team unit squad hangar gallery floor line route runway bay door lane hepatitis pavilion court
""".split())


def _initial(tok: Token) -> bool:
    """A single capital letter: an initial ("W" of "George W. Bush")."""
    return len(tok.text) == 1 and tok.text.isupper()


def _chunk_end(toks: list[Token], i: int, lex: Lexicon) -> int:
    """Index of the last token of the chunk starting at ``i``."""
    j = i
    n = len(toks)
    while j + 1 < n:
        cur = toks[j]
        if cur.bare != cur.text and not (j + 1 < n and toks[j + 1].is_cap and (
                cur.bare == "People" or toks[j + 1].lower in _POSSESSED_HEADS and (
                    toks[i].lower in _SAINTS and j - i <= 2 and
                    not cur.bare.lower().endswith(("burg", "ville", "town")) or
                    cur.bare.lower() in _POSSESSORS or
                    not (j + 2 < n and toks[j + 2].is_cap and toks[j + 2].is_word) and
                    not _place_word(cur.bare.lower(), lex)))):
            break  # a possessive ends a name, but "the Luhansk People's Republic", "St.
            # Peter's Square" go on
        nxt = toks[j + 1]
        if nxt.bare == "May" and cur.is_word and cur.is_cap and cur.text != "I" and \
                cur.lower not in lex.calendar and nxt.start - cur.end == 1 and \
                not (j + 2 < n and (toks[j + 2].is_number or toks[j + 2].is_cap)):
            j += 1  # "Theresa May said": a surname, no month
            continue
        if is_name_token(nxt, lex) and nxt.start - cur.end <= 1:
            j += 1
            continue
        if nxt.text == "." and (cur.lower in _TITLE_ABBREVIATIONS or
                                _initial(cur) and j > i and
                                toks[j - 1].lower not in _LETTER_LABELS) \
                and j + 2 < n and is_name_token(toks[j + 2], lex) and \
                toks[j + 2].start - nxt.end <= 1:
            j += 2  # "Gen. Valery Gerasimov"; a middle initial: "George W. Bush" (not "at
            # Terminal E. Passengers were evacuated": a letter that ends a sentence)
            continue
        if nxt.text == "." and _initial(cur) and j == i and j + 2 < n and \
                is_name_token(toks[j + 2], lex) and toks[j + 2].start - nxt.end <= 1 and \
                i > 0 and toks[i - 1].is_cap and toks[i - 1].is_word:
            j += 2  # a first initial after a title: "Foreign Minister S. Jaishankar"
            continue
        if nxt.text == "&" and j + 2 < n and is_name_token(toks[j + 2], lex) and \
                nxt.start - cur.end == 1 and toks[j + 2].start - nxt.end == 1 and \
                not any(c.startswith(f"{cur.lower} and {toks[j + 2].lower}")
                        for c in lex.country_names):
            j += 2  # "Procter & Gamble", "Schemengees Bar & Grille": one name
            continue
        # connectors: "Institute for the Study of War", "House of Culture"
        k = j + 1
        while k < n and k - j <= 2 and toks[k].lower in _CONNECTORS and toks[k].text.islower():
            k += 1
        if k > j + 1 and k < n and is_name_token(toks[k], lex) and \
                not (toks[j + 1].lower == "and" and k - j > 2) and \
                not (toks[j + 1].lower == "on" and toks[k].bare != toks[k].text) and \
                not _adjective_before_noun(toks, k, lex):
            if toks[j + 1].lower == "and" and not _and_joins(toks, i, j, lex):
                break
            j = k
            continue
        break
    return j


def names_a_weapon(words: list[str], k: int, lex: Lexicon) -> bool:
    """The name before ``words[k]`` names a weapon: a weapon noun heads the phrase there
    ("Iskander missiles", "ATACMS missiles at a facility"), not a site it modifies ("Gaza
    rocket launchers", "Russia missile sites", "rocket launch sites")."""
    if k >= len(words) or words[k] not in lex.words("weapon_nouns"):
        return False
    nxt = words[k + 2:k + 3] if words[k + 1:k + 2] == ["launch"] else words[k + 1:k + 2]
    return not (nxt and nxt[0] in _WEAPON_SITES)


# the code of an aircraft's or a weapon's model ("B-2", "F-16s", "Su-25", "S-400", "A-50")
_MODEL_CODE = re.compile(r"(?!G-\d)[A-Z][A-Za-z]{0,3}-\d{1,4}[A-Z]{0,2}s?")  # (not "G-7")
_WEAPON_SITES = frozenset({"site", "sites", "launcher", "launchers", "depot", "depots",
                           "factory", "factories", "plant", "base", "bases", "battery",
                           "batteries", "unit", "units", "positions", "stockpile", "stockpiles"})


def _adjective_before_noun(toks: list[Token], k: int, lex: Lexicon) -> bool:
    """A demonym or regional adjective before a lower-case noun ("Lahaina on the Hawaiian
    island of Maui"): no part of the name before it."""
    word = toks[k].lower
    return (word in lex.demonyms or word in lex.words("regional_adjectives", "words")) and \
        k + 1 < len(toks) and toks[k + 1].is_word and toks[k + 1].text.islower()


# Heads that end the name of a body ("the European Union"), unlike those inside a longer one
# ("Cooperation and Development").
_BODY_HEADS = frozenset({"union", "reserve", "council", "ministry", "agency", "bank", "court",
                         "commission", "parliament", "assembly", "government", "police", "army",
                         "party", "fund", "organization", "organisation", "committee",
                         "league", "alliance", "forum", "nations", "institute"})


def _and_joins(toks: list[Token], i: int, j: int, lex: Lexicon) -> bool:
    """'and' joins two names only inside an organisation name: "Ministry of X and Y", "Ethics
    and Anti-Corruption Commission" (a short first part, an organisation head at the end)."""
    heads = lex.words("organisation_heads", "organization")
    if toks[i].lower == "and":
        return False
    after = toks[j + 2] if j + 2 < len(toks) else None
    if toks[j].lower in _BODY_HEADS or after is not None and (
            after.bare.lower() in lex.country_names or after.bare.lower() in lex.capitals):
        return False  # "the European Union and China", "the Federal Reserve and the Bank of
        # England": two names (not "Ministry of Trade and Industry", "Organization for
        # Economic Cooperation and Development")
    if toks[j].lower in heads and j > i and not any(t.lower in ("of", "for") for t in toks[i:j]):
        return False  # "Tata Motors and Siemens", "Apollo Partners and Zurich Insurance": the
        # first name is whole (not "Organization for Economic Cooperation and Development")
    if any(t.lower in heads for t in toks[i:j + 1]):
        return True
    if j - i > 1 or any(t.bare.lower() in lex.country_names or t.lower in lex.demonyms or
                        t.bare.lower() in lex.capitals for t in toks[i:j + 1]):
        return False
    k = j + 2
    while k < len(toks) and toks[k].is_cap and toks[k].is_word and toks[k].bare == toks[k].text:
        k += 1
    return k > j + 3 and (toks[k - 1].lower in heads or toks[k - 1].lower in _FINAL_ORG_HEADS)


# words that make an organisation's name only as its last word, in a name of at least so many
# words ("the Health Service Executive", "SRC International", "Amnesty International"; not
# "Chief Executive Tim Cook": a title, nor "Jomo Kenyatta International Airport": a place)
_FINAL_ORG_HEADS = {"executive": 3, "international": 2}
# what stands before an airport's short name ("landed at Dulles International", "outside
# Hamid Karzai International", "diverted to Hamad International")
_AIRPORT_BEFORE = frozenset({"at", "outside", "near", "inside", "in", "to", "from", "into",
                             "via"})

# "Hamas-run", "Russian-backed", "Kurdish-led": a name turned into a modifier.
_ATTRIBUTIVE_SUFFIXES = frozenset({"run", "led", "backed", "controlled", "held", "allied",
                                   "aligned", "linked", "funded", "sponsored", "occupied",
                                   "appointed", "installed", "affiliated", "inspired"})
_BANK_SIDES = frozenset({"west", "east", "left", "right", "north", "south"})
# Last words of names of periods, events, prizes and texts, which are no entities ("the
# Palisades Fire", "the Nobel Peace Prize", "the Inflation Reduction Act", "the First
# Amendment", "the Geneva Conventions").
_PERIOD_HEADS = frozenset({"war", "wars", "revolution", "spring", "uprising", "crisis",
                           "era", "olympics", "games", "cup", "fire", "championship",
                           "championships", "tournament", "prize", "accords", "accord",
                           "treaty", "act", "acts", "amendment", "amendments", "conventions"})
# Holidays written in capitals, which are days, no entities.
_HOLIDAYS = frozenset({"new year", "lunar new year", "chinese new year", "new year's eve",
                       "new year's day", "christmas eve", "christmas day", "thanksgiving",
                       "halloween", "hanukkah", "passover", "yom kippur", "rosh hashanah",
                       "diwali", "holi", "nowruz", "eid al-fitr", "eid al-adha", "good friday",
                       "easter sunday", "easter monday", "boxing day", "mardi gras"})
# Words before "Day" that make a holiday of it ("Victory Day", "Independence Day").
_DAYS_OF = frozenset({"victory", "independence", "labor", "labour", "memorial", "bastille",
                      "armistice", "veterans", "remembrance", "unity", "national", "mother's",
                      "father's", "valentine's", "patrick's", "election", "inauguration",
                      "republic", "constitution", "women's", "workers'", "revolution", "may"})
# Numbers after a period's head word that end its name ("World War Two", "World War II").
_NUMBERED_PERIODS = frozenset({"one", "two", "three", "i", "ii", "iii", "1", "2", "3"})
# Plural members of a party that end its name ("the Social Democrats", "Sweden Democrats";
# "Greens" only after a demonym, "the Austrian Greens": "Sarah Greens" is a person).
# Members of parties and movements named by a plural: a party after other words ("the Liberal
# Democrats"), no place or person alone ("pointed the finger at Republicans in Congress").
_PARTY_MEMBERS = frozenset({"democrats", "republicans", "conservatives", "liberals",
                            "socialists", "communists", "nationalists", "tories", "loyalists",
                            "unionists", "royalists", "maoists", "peronists", "gaullists",
                            "labourites", "whigs"})
# Compass words that open a region's name: "Southern California", "Northern Gaza"
_COMPASS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern",
                      "western", "central", "northeastern", "northwestern", "southeastern",
                      "southwestern"})
# Last words of platforms' names after "on": "wrote on Truth Social", "posted on X Live".
_MEDIA_ENDINGS = frozenset({"social", "live", "media", "network", "news", "tv", "radio"})
# place heads that also name a legislature ("the Illinois House", "the State House")
_CHAMBERS = frozenset({"house"})
_HOUSES = frozenset({"commons", "lords", "representatives", "councillors", "delegates",
                     "assembly", "peers", "keys"})
# words before a country's name that make it the country in an age ("Nazi Germany")
_AGES = frozenset({"nazi", "imperial", "soviet", "fascist", "communist", "tsarist", "colonial",
                   "occupied", "wartime", "postwar", "post-war", "ancient", "medieval",
                   "modern", "independent"})
# adjectives of continents: "Central African", "East European" name no place
_CONTINENTAL = frozenset({"african", "european", "asian", "american", "arab", "latin"})


# Plural nouns of people after a place's or a body's name ("New York officials").
_BODY_NOUNS = frozenset({"officials", "authorities", "police", "prosecutors", "lawmakers",
                         "residents", "officers", "investigators", "leaders", "voters",
                         "troops", "forces", "firefighters", "rescuers", "lawyers",
                         # "Indigenous Kanak groups": a people, no person
                         "groups", "group", "communities", "community", "people", "activists",
                         "militants", "separatists", "tribes", "clans"})
# Words after a name that make it the name of a fire ("the Eaton fire", "the August Complex").
_FIRE_HEADS = frozenset({"fire", "fires", "blaze", "wildfire", "complex"})
# Lower-case words after a name of several words that make it the name of a competition or a
# gathering, which is no entity: "the Champions League final"
_EVENT_AFTER = frozenset({"final", "finals", "semifinal", "semi-final", "match", "fixture",
                          "tournament", "qualifier", "qualifiers", "draw"})
# Last words of a competition's name ("the Nations League", "the World Cup").
_COMPETITIONS = frozenset({"league", "cup", "championship", "championships", "open", "games",
                           "series", "trophy", "prix"})
# Words after a name that make it a company or a body: its staff, its owners, its shares.
_STAFF_AFTER = frozenset({"chief", "ceo", "cfo", "executive", "executives", "employees",
                          "shareholders", "shares", "machinists"})  # (a person has a
# spokesman too: "Netanyahu spokesman Omer Dostri")
# Nouns of ships: a name after them ("the warship Moskva") or before ", a car carrier" is a ship's
VESSEL_NOUNS = frozenset({"ship", "vessel", "tanker", "carrier", "freighter", "warship",
                          "frigate", "cruiser", "destroyer", "submarine", "ferry", "yacht",
                          "trawler", "liner", "tugboat", "corvette", "icebreaker", "boat",
                          "flagship"})


def _agency_credit(toks: list[Token], k: int) -> bool:
    """ "NEW YORK (Reuters) -": an agency's name in parentheses and a dash after a dateline."""
    return k + 3 < len(toks) and toks[k].text == "(" and toks[k + 1].is_cap and \
        toks[k + 2].text == ")" and toks[k + 3].text in ("-", "—", "–")


_CARRIED = frozenset({"car", "bulk", "aircraft", "oil", "gas", "lng", "crude", "cargo",
                      "container", "vehicle", "helicopter"})


def _vessel_apposition(toks: list[Token], k: int) -> bool:
    """ "..., a car carrier", "..., a Liberian-flagged tanker": the name before is a ship's."""
    if k >= len(toks) or toks[k].lower not in ("a", "an", "the"):
        return False
    prev = ""
    for t in toks[k + 1:k + 5]:
        if t.lower in VESSEL_NOUNS and (t.lower != "carrier" or prev in _CARRIED):
            return True  # (not "Wizz Air, a low-cost carrier": an airline)
        prev = t.lower
        if not t.is_word or t.lower in ("of", "and", "who", "which", "that"):
            return False
    return False


# Capitalised abbreviations of common nouns, no organisation's name.
_COMMON_ACRONYMS = frozenset("""
id tv pc dna gps ceo cfo coo cto gdp ipo suv atm pin vip diy faq pdf usb cctv led lgbt lgbtq
rpg ied mri icu er pm am et est edt gmt utc bst cet pst pdt cpr hiv ppe sms ok
""".split())
# Online platforms news names as where something was posted ("on Telegram")
_PLATFORMS = frozenset({"Twitter", "Facebook", "YouTube", "Telegram", "Instagram", "TikTok",
                        "WhatsApp", "Snapchat", "Reddit", "Weibo", "WeChat",
                        "Bluesky", "LinkedIn", "Viber", "VKontakte", "Truth Social"})
# Nouns after which an acronym is a body's name ("state broadcaster CCTV")
_ACRONYM_HEADS = frozenset({"agency", "broadcaster", "network", "channel", "outlet", "service",
                            "directorate", "unit", "group", "company", "party", "television"})
# Acronyms of places that the country list does not hold ("sources in the CAR said").
_PLACE_ACRONYMS = frozenset({"car", "drc", "prc", "dprk", "rok", "gta", "act", "nt", "dmz"})
_QUANTITIES = frozenset({"hundreds", "thousands", "dozens", "millions", "scores", "tens",
                         "some", "many", "most", "all", "none", "both", "each", "several",
                         "units", "members", "fighters", "troops", "soldiers", "supporters",
                         "officials", "leaders", "residents"})
# Plural heads before a list of place names: "the villages of X and Y".
_PLACES_OF = frozenset((w, "of") for w in ("villages", "towns", "cities", "settlements",
                                            "regions", "provinces", "districts", "islands"))


def _after_places_of(toks: list[Token], k: int) -> bool:
    """Whether ``toks[k]`` follows "the villages of" and a name of one to three words."""
    j = k - 1
    while j >= 0 and k - j <= 3 and toks[j].text[:1].isupper():
        j -= 1
    return k - j > 1 and j >= 1 and (toks[j - 1].lower, toks[j].lower) in _PLACES_OF


def _person_apposition(toks: list[Token], j: int) -> bool:
    """ "Virginia, a 34-year-old nurse,": an apposition that makes the name a person's (not
    "Texas, a state with 30 million people")."""
    if j + 2 >= len(toks) or toks[j + 1].text != "," or toks[j + 2].lower not in ("a", "an"):
        return False
    head = [t.lower for t in toks[j + 3:j + 7]]
    return not any(w in ("state", "region", "country", "place") for w in head)


def _ends_a_name(text: str, word: str) -> bool:
    """``word`` ends a longer name elsewhere in the text ("Joe Montana", "French Montana"),
    other than a region of a state ("North Dakota" is no name ending in Dakota here, nor
    "central Texas")."""
    for m in re.finditer(r"\b([A-Z][a-z]+) " + re.escape(word) + r"\b", text):
        if m.group(1).lower() not in _REGION_WORDS:
            return True
    return False


# Capitalised words before a state's name that make no longer name of it: regions of the state
# and words that open a sentence ("In Texas", "Across Texas").
_REGION_WORDS = frozenset({"north", "south", "east", "west", "new", "central", "northern",
                           "southern", "eastern", "western", "upstate", "downstate", "rural",
                           "in", "of", "across", "from", "to", "at", "near", "and", "the",
                           "southwest", "southeast", "northwest", "northeast", "middle",
                           "upper", "lower", "lake", "neighboring", "neighbouring", "coastal",
                           "greater", "on", "for", "with", "into", "through", "hit", "struck"})


def _a_us_state(name: str) -> bool:
    """Any US state's name ("New York", "New Mexico")."""
    from ..linking.gazetteer import is_us_state  # (the table of US states lives there)
    return is_us_state(name)


def _us_state(name: str) -> bool:
    """A US state's name of one word, other than those that name more ("Washington",
    "Georgia")."""
    return name not in ("Washington", "Georgia") and name.isalpha() and _a_us_state(name)


def _place_word(word: str, lex: Lexicon) -> bool:
    """A country's or a capital's name ("Britain's Church of England": Britain's)."""
    return word in lex.country_names or word in lex.capitals


def _governing_word(toks: list[Token], i: int) -> str:
    """The word a name at ``i`` depends on, over an article ("in the", "at")."""
    j = i - 1
    if j >= 0 and toks[j].lower == "the":
        j -= 1
    return toks[j].lower if j >= 0 else ""


def _team_score(toks: list[Token], i: int, j: int) -> bool:
    """The score after the name ``toks[i..j]`` is a match's between teams: after a result
    verb ("beat Inter Milan 5-0") or before the other team ("Liverpool 2-1 Chelsea"); not a
    vote or a poll ("confirmed Pete Hegseth 51-50", "leads Harris 48-45") nor a set of tennis
    ("beat Alcaraz 6-4 7-6", "6-4 in the first set")."""
    nxt = toks[j + 4] if j + 4 < len(toks) else None
    if nxt is not None and (nxt.text.isdigit() or nxt.lower == "in" and
                            any(t.lower == "set" for t in toks[j + 5:j + 9]) or
                            nxt.text == "," and j + 6 < len(toks) and
                            toks[j + 5].text.isdigit() and toks[j + 6].text == "-"):
        return False  # (nor "6-4, 7-5": sets)
    k = i - 2 if i > 1 and toks[i - 1].lower == "the" else i - 1  # ("beat the Knicks")
    prev = toks[k].lower if k >= 0 else ""
    return prev in _TEAM_RESULTS or \
        prev in ("to", "with") and k > 0 and toks[k - 1].lower in _LOST_TO or \
        nxt is not None and nxt.is_cap and nxt.is_word


# Verbs of a match's result before the losing team ("beat Inter Milan 5-0").
_TEAM_RESULTS = frozenset({"beat", "beats", "defeated", "defeats", "thrashed", "edged",
                           "crushed", "hammered", "stunned", "downed", "routed", "overcame",
                           "drew", "past"})
# Verbs before "to" or "with" and the team that won or drew ("lost to the Lakers 120-115").
_LOST_TO = frozenset({"lost", "fell", "level", "loses", "falls", "drew"})


def _model_number(tok: Token) -> bool:
    """A model's number after its maker: "787" of "Boeing 787-8", "72" of "ATR 72"."""
    return tok.is_number and 2 <= len(tok.text) <= 3 and tok.text.isdigit()


def hyphen_modifier(text: str) -> bool:
    """A hyphenated modifier, no name: "Britain-based", "Iran-backed", "Saudi-led",
    "Taylor Swift-themed" (not "Sang-mok", "Jong-un")."""
    head, _, suffix = text.rpartition("-")
    return bool(head) and suffix.islower() and (
        suffix.endswith("ed") and len(suffix) > 3 or suffix in _MODIFIER_SUFFIXES)


# acronyms of kinds of weapons (not of forces: "An IDF drone struck")
_WEAPON_ACRONYMS = frozenset({"FPV", "UAV", "ATACMS", "HIMARS", "GMLRS", "MLRS", "JDAM",
                              "ICBM", "IRBM", "SRBM", "MANPADS", "RPG", "IED", "ATGM", "SAM",
                              "JASSM", "ERAM", "KAB", "FAB", "UMPK"})
# An acronym that ends a name (not a regnal number: "Mohammed VI", "Louis XIV")
_ACRONYM_END = re.compile(r"(?![IVXLC]+\b)[A-Z]{2,6}")
# Titles whose "of" belongs to the name ("Queen Rania of Jordan", "Prince William of Wales")
_ROYAL = frozenset({"king", "queen", "prince", "princess", "emperor", "empress", "duke",
                    "duchess", "sultan", "emir", "sheikh", "crown", "grand", "tsar", "shah",
                    "pope", "patriarch", "lord", "lady", "baron", "count", "earl"})
# Words of a movement's name before "Front" ("Tigray People's Liberation Front", "Popular
# Front", "the Nusra Front"; but "the Southern Front", "the Zaporizhzhia front" are places)
_MOVEMENT_WORDS = frozenset({"liberation", "people's", "people’s", "popular", "national",
                             "patriotic", "islamic", "democratic", "revolutionary", "united",
                             "nusra", "polisario", "resistance", "salvation", "unity"})
_WARSHIP_PREFIXES = frozenset({"USS", "HMS", "HMCS", "HMAS", "HMNZS", "INS", "RFS", "ROKS",
                               "HNLMS", "USNS"})
_MERCHANT_PREFIXES = frozenset({"MV", "M/V"})
_AIRPORT_NEXT = frozenset({"in", "airport", "reopened", "resumed", "closed", "shut"})
_AIRPORT_WORDS_RE = re.compile(r"\b(?:airports?|runways?|terminals?)\b")


# nouns a regional adjective describes ("the Soviet era", "the Pacific territory")
_DESCRIBED = frozenset({"era", "period", "times", "days", "years", "rule", "regime", "empire",
                        "state", "states", "nation", "nations", "territory", "territories",
                        "region", "army", "troops", "forces", "leader", "leaders",
                        "authorities", "government", "style", "history", "heritage",
                        "island", "islands", "country", "countries"})
# Arabic and Hebrew words that open place names: monastery, hill, cape, house, village, inn,
# well, mountain, valley, spring, meadow, river, castle
_PLACE_WORDS_IN_ARABIC = frozenset({"deir", "dayr", "beit", "bayt", "kafr", "kfar", "jabal",
                                    "jebel", "wadi"})
# ... and those that open personal names too ("Tal Becker", "Ras Baraka"): a place only before
# a particle ("Tal al-Sultan", "Ras al-Ain") or after a preposition of place
_PLACE_OR_NAME_WORDS = frozenset({"tal", "tell", "tel", "ras", "khan", "bir", "ain", "ein",
                                  "marj", "nahr", "qasr"})
_COMPASS_TAILS = frozenset({"north", "south", "east", "west", "central"})
# what a count and a maker's or a model's name may describe ("Three Patriot systems")
_EQUIPMENT = frozenset({"systems", "launchers", "batteries", "vehicles", "jets", "aircraft",
                        "helicopters", "tanks", "planes", "ships", "vessels", "trucks"})
_SEAT_VERBS = frozenset({"held", "holds", "won", "wins", "lost", "loses", "represents",
                         "represented", "representing", "contested", "contesting"})
# Arabic words that open movements' names: group, party, movement, front, army, brigade,
# battalions, supporters, free men, warriors (not "Jihad Azour", "Tahrir Square", "Saif
# al-Islam Gaddafi")
_BODY_WORDS_IN_ARABIC = frozenset({"jamaat", "jamaah", "hizb", "harakat", "jabhat", "jaish",
                                   "liwa", "kataib", "ansar", "ansarullah", "ahrar",
                                   "mujahideen", "mujahidin"})
_PLURAL_ARTICLES = frozenset({"los", "las"})
_PLACE_QUALIFIERS = frozenset({"new", "old", "greater", "upper", "lower"})
# what a party or a movement calls itself new ("New Democracy", "New Hope")
_MOVEMENT_NOUNS = frozenset({"democracy", "hope", "labour", "labor", "left", "right", "party",
                             "front", "alliance", "unity", "force", "dawn", "generation",
                             "wave", "order", "deal", "course", "direction", "beginning",
                             "life", "vision", "movement", "democrats", "republicans", "way"})


def _counted_nouns(lex: Lexicon) -> frozenset[str]:
    """Plural nouns a count and a name may describe: weapons, forces, people."""
    return lex.union(("weapon_nouns",), ("force_nouns",), ("casualties", "people_nouns"))


def _gerund(word: str, lex: Lexicon) -> bool:
    """An -ing form of a verb the lexicon knows ("taking", "seizing", "winning"; not
    "Irving", "Sterling")."""
    if len(word) < 6 or not word.endswith("ing"):
        return False
    stem = word[:-3]
    return word in lex.triggers or stem in lex.irregular or stem + "e" in lex.irregular or \
        stem[-1:] == stem[-2:-1] and stem[:-1] in lex.irregular


def _classify(doc: Document, toks: list[Token], i: int, j: int, first_word: int, lex: Lexicon,
              lowercase_words: set[str]) -> Candidate | None:
    title: str | None = None
    country = None
    if i > 0 and toks[i].lower == "front" and ORDINAL_RE.match(toks[i - 1].lower):
        return None  # "the 33rd Front of the FARC": a numbered unit (see the patterns)
    if i == j and toks[i].text.isupper() and (toks[i].lower in _COMMON_ACRONYMS or
                                              toks[i].text in _WEAPON_ACRONYMS) and \
            not (i > 0 and toks[i - 1].lower in _ACRONYM_HEADS):
        return None  # "performed CPR", "identified through DNA", "HIMARS rockets": no name
        # (but "the anti-corruption agency DNA", "state broadcaster CCTV")
    if hyphen_modifier(toks[j].text):
        return None  # "a Taylor Swift-themed dance class", "Wagner-linked": a modifier (but
        # "Choi Sang-mok", "Kim Jong-un": a name)
    if i < j and toks[j].bare.lower() in _INSTRUMENT_HEADS:
        return None  # "the Simla Agreement", "the Minsk Protocol": a treaty, no party to it
    if i > 0 and toks[i - 1].lower in _CODE_NAMING:
        return None  # "The strikes, dubbed Rising Lion, ...": an operation's code name
    if i < j and j + 1 < len(toks) and _model_number(toks[j + 1]) and \
            toks[j].lower in MAKERS:
        j -= 1  # "an Air India Boeing 787-8": the maker of a model is no part of the name
    # sentence opener ("Meanwhile", "The", "Fighting") is not part of a name
    if i == first_word or (i > 0 and toks[i - 1].text in _OPENING):
        openers = lex.words("sentence_openers", "words")
        while i <= j and toks[i].bare == toks[i].text and (
                toks[i].lower in openers or
                (toks[i].lower in lex.common_words or toks[i].lower in lowercase_words or
                 i < j and _gerund(toks[i].lower, lex))  # "Taking Kidal is a huge win"
                and (i == j or not is_name_token(toks[i + 1], lex) or _gerund(toks[i].lower, lex) or
                     toks[i].lower in _PLACE_PREPOSITIONS and
                     toks[j].lower not in lex.words("organisation_heads", "media")) or
                # "Two Russian guided bombs struck ...": a count before a demonym, or before
                # a name that says what is counted ("Two Iskander missiles hit ...")
                i < j and toks[i].lower in lex.cues["numbers"] and
                (lex.demonyms.get(toks[i + 1].lower) is not None or
                 j + 1 < len(toks) and (toks[j + 1].lower in _counted_nouns(lex) or
                                        toks[j + 1].lower in _EQUIPMENT))):
            i += 1
            while i <= j and toks[i].lower in _CONNECTORS:
                i += 1
        if i > j:
            return None
    for n in range(i, min(j + 1, i + 3)):
        if hyphen_modifier(toks[n].text):
            i = n + 1  # "the Britain-based Syrian Observatory", "the New York-based Committee
            # to Protect Journalists", "Iran-backed Houthi rebels": where it is based, who
            # backs it, no part of the name ("a Buddhist-backed party": no name at all)
            break
    if i > j:
        return None
    if i + 1 < j and toks[i].lower in _QUANTITIES and toks[i + 1].lower == "of":
        i += 2  # "Hundreds of Arce's supporters", "Units of the Luhansk People's Republic":
        # a number or a part of them, no part of a name
        if i < j and toks[i].lower == "the":
            i += 1
    # event names: "Battle of Kharkiv" -> "Kharkiv"; "Hurricane Idalia" is no entity
    if i + 1 < j and toks[i].lower in lex.words("event_names", "words") and \
            toks[i + 1].lower == "of":
        i += 2
    if toks[i].lower in lex.words("event_names", "named") and i < j:
        if toks[i].lower == "operation" and j + 2 < len(toks) and \
                toks[j + 1].lower in ("said", "says") and toks[j + 2].lower != "to":
            start, end = toks[i].start, toks[j].bare_end
            return Candidate(start, end, doc.text[start:end], "organization", "pattern",
                             "name:speaker", 0.6, weak=True)  # "Operation Smile said": a charity
        return None  # "Hurricane Idalia", "Operation Sindoor": the name of an event
    if i < j and toks[j].lower in _PERIOD_HEADS and \
            not any(t.lower in ("of", "for", "on", "against") for t in toks[i:j]):
        return None  # "the Cold War", "the Arab Spring", "the Orange Revolution": no entity
    if " ".join(t.bare.lower() for t in toks[i:j + 1]) in _HOLIDAYS or \
            i < j and toks[j].lower == "day" and (
                toks[j - 1].lower in _DAYS_OF or toks[j - 1].bare.lower() in lex.country_names) \
            or i + 1 < j and toks[i].lower == "day" and toks[i + 1].lower == "of":
        return None  # "New Year", "Victory Day", "Australia Day", "Day of the Dead": days
    if i < j and toks[j].lower == "convention" and \
            toks[j - 1].lower not in ("constitutional", "constituent"):
        return None  # "the Istanbul Convention", "the Republican National Convention": a
        # treaty, a party's gathering (but "the Constitutional Convention": a body)
    if i + 1 < j and toks[j - 1].lower in _PERIOD_HEADS and toks[j].lower in _NUMBERED_PERIODS:
        return None  # "World War Two", "World War II"
    if toks[j].lower in lex.words("faiths_and_peoples", "plurals") or \
            all(t.lower in lex.words("faiths_and_peoples", "adjectives") for t in toks[i:j + 1]) \
            and not (j + 1 < len(toks) and (toks[j + 1].lower in _SPEAKING or
                                            toks[j + 1].lower in ("reported", "reports"))):
        return None  # "Orthodox Christians", "the Druze town of": people of a faith, no name
        # (but "The Hindu reported": a newspaper)
    whole = " ".join(t.bare.lower() for t in toks[i:j + 1])
    if whole in lex.country_names and whole not in lex.demonyms:
        c = lex.country_names[whole]
        start, end = toks[i].start, toks[j].bare_end
        return Candidate(start, end, doc.text[start:end], "place", "pattern", "place:country",
                         0.75, key=f"country:{c.code}", label=c.name,
                         extra={"country": c.code})
    # a demonym before a title or name is a description ("Russian President X")
    heads = _body_heads(lex)
    named_body = any(t.lower in heads for t in toks[i + 1:j + 1])
    demonym = lex.demonyms.get(toks[i].lower)
    if demonym is not None and i < j and not named_body and \
            _match_title(toks, i + 1, j, lex) > i + 1:
        country = demonym  # "Russian President X": the demonym describes the person
        i += 1
    # titles ("President", "Prime Minister", "Gen."), unless they name a body ("General Staff")
    k = _match_title(toks, i, j, lex) if not named_body else i
    title_start = i
    while k > i:
        title = " ".join(t.text for t in toks[i:k] if t.text != ".")
        i = k
        if i > j:
            return None
        k = _match_title(toks, i, j, lex)
    if i < j and toks[i].lower in ("of", "for") and title is not None:
        # "Archbishop of Canterbury Justin Welby", "Mayor of New York Eric Adams": the title's
        # place or body, then the holder's name (its last two words); "the Bishop of Rome,
        # Francis,": none
        if j - i < 3 or not all(t.is_word and t.is_cap for t in toks[j - 1:j + 1]) or \
                any(t.lower in _PLACE_NAME_WORDS for t in toks[j - 1:j + 1]) or \
                toks[j].lower in lex.country_names:
            return None  # ("The Governor of New South Wales declared": no name after it)
        title = " ".join(t.text for t in toks[title_start:j - 1] if t.text != ".")
        i = j - 1
    # (the dot after an initial is no word of the name: "George W. Bush", "S. Jaishankar")
    words = [t for n, t in enumerate(toks[i:j + 1], i)
             if not (t.text == "." and n > i and _initial(toks[n - 1]))]
    if not words or all(not t.is_word for t in words) or words[0].lower == "of":
        return None  # (nor "of Rome" of "the Bishop of Rome, Francis,": the title's)
    if len(words) == 1 and words[0].lower in lex.common_words:
        return None  # "Western allies", "National" on their own are adjectives
    led = i == first_word + 1 and toks[first_word].text == "THE"  # "THE HAGUE, ..."
    if words[0].text.isupper() and len(words[0].text) > 2 and (i == first_word or led) and \
            j + 1 < len(toks) and (toks[j + 1].text in (",", "-", "—", "–") or
                                   _agency_credit(toks, j + 1)) and \
            all(t.text.isupper() for t in words):
        # a dateline: "PESHAWAR, Pakistan - ..."
        if led:
            words = [toks[first_word], *words]
        start, end = words[0].start, words[-1].end
        return Candidate(start, end, doc.text[start:end], "place", "pattern", "place:dateline",
                         0.75, label=" ".join("-".join(part.capitalize()
                                                       for part in t.text.split("-"))
                                              for t in words))  # "DEIR AL-BALAH": Al-Balah
    start, end = words[0].start, words[-1].bare_end
    surface = doc.text[start:end]
    lowers = [t.bare.lower() for t in words]
    if len(words) > 1 and lowers[0].replace("'", "").split("-")[0] in _BODY_WORDS_IN_ARABIC:
        start, end = words[0].start, words[-1].bare_end
        # "Jama'at Nusrat al-Islam", "Harakat al-Shabaab al-Mujahideen", "Jaish al-Adl": a
        # movement's name, nobody's
        return Candidate(start, end, doc.text[start:end], "organization", "pattern",
                         "name:movement", 0.6, weak=True)
    if demonym is not None and len(words) == 1 and words[0].lower == toks[i].lower and \
            lex.demonyms.get(lowers[0]):
        return None
    if len(words) > 1 and (" ".join(lowers) in lex.demonyms or
                           " ".join(lowers[-2:]) in _CONTINENTAL_ADJECTIVES or
                           lowers[-1] in lex.demonyms and
                           all(w in _BEFORE_A_DEMONYM for w in lowers[:-1])):
        return None  # "South Korean airlines", "the first Latin American pope", "Former
        # Brazilian president Bolsonaro": no name
    if len(words) == 2 and lowers[-1] in lex.demonyms and \
            lowers[0].endswith(("ed", "ing")) and len(lowers[0]) > 4:
        return None  # "Wounded Palestinians are treated at ...", "Fleeing Sudanese": people
        # a participle describes, no name
    if len(words) == 1 and (lowers[0] in _PARTY_MEMBERS or lowers[0] == "greens"):
        return None  # "pointed the finger at Republicans in Congress": members of a party
    if len(words) > 1 and lowers[-1] in _CREDITS and j + 1 >= len(toks):
        # a caption's credit after a name: "Russian retreat from Kherson Reuters", "medic
        # Iryna Tsybukh Reuters" (the credit names no party; the name before it stays)
        words, lowers = words[:-1], lowers[:-1]
        start, end = words[0].start, words[-1].bare_end
        surface = doc.text[start:end]
    cut = _person_before_of(lowers, lex)
    if cut:
        # "Hou Yu-ih of the Kuomintang": a person of a party, not a body's name
        words, lowers = words[:cut], lowers[:cut]
        start, end = words[0].start, words[-1].bare_end
        return Candidate(start, end, doc.text[start:end], "person", "pattern",
                         "name:full-name", 0.5, weak=True,
                         extra={"country": country.code if country else None})
    if title is None:
        title = title_before(toks, i, lex)
    org_heads = lex.words("organisation_heads", "organization")
    mil_heads = lex.words("organisation_heads", "military_unit")
    media_heads = lex.words("organisation_heads", "media")
    place_heads = lex.words("place_heads", "capitalised")
    joined = " ".join(lowers)
    before = _words_before(toks, i, 3)
    extra = {"country": country.code if country else None}
    if j + 1 < len(toks) and toks[j + 1].text == "," and _vessel_apposition(toks, j + 2):
        return None  # "The Galaxy Leader, a car carrier owned by ...": a ship's name
    if title is not None and not (set(lowers) & (org_heads | mil_heads)):
        if "of" in lowers[2:] and not _ROYAL.intersection(title.lower().split()):
            # "Mayor Vitali Klitschko of Kyiv", "Bishop Edwin de la Pena of Marawi": the
            # person, whose seat follows "of" (but "Queen Rania of Jordan" is her name)
            n = lowers.index("of", 2)
            start, end = words[0].start, words[n - 1].bare_end
            surface = doc.text[start:end]
        return Candidate(start, end, surface, "person", "pattern", "name:title", 0.85,
                         title=title, extra=extra)
    if (any(w in mil_heads for w in lowers[1:]) or (len(lowers) > 1 and lowers[0] in mil_heads
                                                     and "of" in lowers)) and \
            not _a_business(toks, i, lowers, mil_heads):
        forces = lex.forces_labels.get(joined)
        lead = lex.demonyms.get(lowers[0]) or lex.country_names.get(lowers[0])
        if forces is None and lead is not None and " ".join(lowers[1:]) in _GENERIC_FORCES:
            forces = lead
        if forces is not None:
            return Candidate(start, end, surface, "military_unit", "pattern", "name:forces",
                             0.85, key=f"forces:{forces.code}", label=forces.forces,
                             extra={"country": forces.code})
        return Candidate(start, end, surface, "military_unit", "pattern", "name:unit-head", 0.8,
                         extra=extra)
    if len(lowers) == 2 and lowers[1] == "channel" and i > 0 and toks[i - 1].lower == "the" and (
            lowers[0] in lex.country_names or lowers[0] in lex.demonyms or
            lowers[0] == "english"):
        # "the Mozambique Channel", "the English Channel": a strait, not a broadcaster
        return Candidate(start, end, surface, "place", "pattern", "name:place-head", 0.7,
                         extra=extra)
    if lowers[-1] in media_heads or joined in media_heads or \
            _ends_with_phrase(before, lex.phrase_set("media_cues")):
        if len(lowers) > 1 or _ends_with_phrase(before, lex.phrase_set("media_cues")) or \
                words[0].text.isupper():
            return Candidate(start, end, surface, "media", "pattern", "name:media", 0.75,
                             extra=extra)
    if len(lowers) == 1 and lowers[0] in org_heads and i == first_word and \
            not words[0].text.isupper():
        return None  # "Board chairman Larry Kellner ...": a common noun opening the sentence
    if len(words) > 2 and words[-1].text in ("SE", "NE", "NW", "SW") and lowers[-2] in _STREETS:
        return Candidate(start, end, surface, "place", "pattern", "name:place-head", 0.7,
                         extra=extra)  # "Alabama Avenue SE": a street of a city's quarter
    if len(words) > 1 and (words[-1].text in _COMPANY_ENDINGS or
                           words[-1].text in _PLACE_OR_COMPANY_ENDINGS and
                           _governing_word(toks, i) not in _PLACE_PREPOSITIONS and
                           _governing_word(toks, i) not in ("from", "of") and
                           lowers[-2] not in _STREETS and
                           (toks[j + 1].lower if j + 1 < len(toks) else "") not in _STAFF_AFTER):
        return Candidate(start, end, surface, "organization", "pattern", "name:org-head", 0.8,
                         extra=extra)  # "Nord Stream AG"
    if j + 1 < len(toks) and (lowers[-1] in _COMPETITIONS and len(lowers) > 1 and
                              toks[j + 1].lower in _EVENT_AFTER or
                              toks[j + 1].lower == "title" and i > 0 and
                              toks[i - 1].lower == "the" and len(lowers) > 1):
        return None  # "the Champions League final", "the Serie A title": a match, a
        # competition (but "the Arab League", "Max Verstappen title hopes")
    if lowers in (["staff"], ["staff", "correspondent"], ["staff", "writer"],
                  ["staff", "reporter"]):
        return None  # "KHARKIV (Staff) -", "(Staff correspondent)": a credit, nobody named
    if len(words) == 1 and words[0].text.rstrip("s") in _WEAPON_ACRONYMS and \
            names_a_weapon([t.lower for t in toks[j + 1:j + 4]], 0, lex):
        return None  # "An FPV drone struck her house", "a HIMARS rocket": a weapon's kind
    if len(words) > 1 and words[0].text in _WARSHIP_PREFIXES:
        # "the destroyer USS Jason Dunham", "HMS Prince of Wales": a navy's ship
        return Candidate(start, end, surface, "military_unit", "pattern", "name:warship", 0.8,
                         extra=extra)
    if len(words) > 1 and words[0].text in _MERCHANT_PREFIXES:
        return None  # "the MV Dali": a merchant ship, no person, place or body
    if len(lowers) > 1 and lowers[-1] == "international" and \
            _AIRPORT_WORDS_RE.search(doc.text, max(0, start - 300), end + 150) and \
            (_governing_word(toks, i) in _PLACE_PREPOSITIONS | _WEAK_PLACE_PREPOSITIONS or
             j + 1 < len(toks) and toks[j + 1].lower in _AIRPORT_NEXT):
        # "Norman Manley International in Kingston resumed limited operations", "flights
        # resumed at Sangster International" (after "the island's two main airports were
        # closed"): an airport (but "Amnesty International urged the airline ...")
        return Candidate(start, end, surface, "place", "pattern", "name:airport", 0.75,
                         extra=extra)
    if any(w in org_heads for w in lowers) or any(
            f"{a} {b}" in org_heads for a, b in zip(lowers, lowers[1:], strict=False)) or \
            len(lowers) >= _FINAL_ORG_HEADS.get(lowers[-1], 99) and \
            not (i > 0 and toks[i - 1].lower in _AIRPORT_BEFORE):
        # (and a head of two words: "Red Cross volunteers")
        if lowers[-1] in place_heads and not any(w in org_heads for w in lowers[:-1]) and \
                not (lowers[-1] == "bank" and lowers[0] not in _BANK_SIDES) and \
                not (lowers[-1] == "front" and _MOVEMENT_WORDS.intersection(lowers)):
            # ("the West Bank" is a place; "the European Central Bank" is no place)
            return Candidate(start, end, surface, "place", "pattern", "name:place-head", 0.75,
                             extra=extra)
        return Candidate(start, end, surface, "organization", "pattern", "name:org-head", 0.8,
                         extra=extra)
    if len(lowers) == 2 and "air" in lowers:
        # "Jeju Air", "Air India": airlines
        return Candidate(start, end, surface, "organization", "pattern", "name:airline", 0.75,
                         extra=extra)
    if len(lowers) > 2 and lowers[-2:] == ["people", "republic"]:
        # "the Luhansk People's Republic": a proclaimed state that acts, not a place
        return Candidate(start, end, surface, "organization", "pattern", "name:org-head", 0.75,
                         extra=extra)
    if len(lowers) == 3 and lowers[:2] == ["house", "of"] and lowers[2] in _HOUSES:
        # "the House of Commons", "the House of Representatives": a chamber, no place
        return Candidate(start, end, surface, "organization", "pattern", "name:org-head", 0.8,
                         extra=extra)
    if lowers[-1] in _CHAMBERS and len(lowers) > 1 and j + 1 < len(toks) and \
            _match_title(toks, j + 1, len(toks) - 1, lex) > j + 1:
        # "Illinois House Speaker Michael Madigan": a chamber, whose officer is named
        return Candidate(start, end, surface, "organization", "pattern", "name:org-head", 0.75,
                         extra=extra)
    if lowers[-1] in place_heads and len(lowers) > 1 or \
            (len(lowers) > 2 and lowers[0] in place_heads and lowers[1] == "of") or \
            len(lowers) > 1 and lowers[0] in lex.words("place_heads", "prefixed"):
        return Candidate(start, end, surface, "place", "pattern", "name:place-head", 0.75,
                         extra=extra)
    after = toks[j + 1].lower if j + 1 < len(toks) else ""
    prev = toks[i - 1].lower if i > 0 else ""
    if len(words) == 1 and lowers[0] in lex.words("regional_adjectives", "words") and \
            (after in _ADJECTIVE_HEADS or lowers[0] in _CONTINENTS_ADJECTIVES and
             after.isalpha() and after.islower() and after not in _NOT_NOUNS):
        return None  # "in the Pacific territory": an adjective (but "in the Mediterranean
        # off Libya", "the Arctic melted": the sea, the region)
    # the preposition a name depends on, over an article: "at the Grand Mosque"
    # ("in neighbouring Castilla-La Mancha": over an adjective of nearness too)
    gov = toks[i - 2].lower if (prev == "the" or prev in NEARNESS) and i > 1 else prev
    if len(words) > 1 and (lowers[0] in _PLACE_WORDS_IN_ARABIC or
                           lowers[0] in _PLACE_OR_NAME_WORDS and
                           (_PARTICLE_RE.match(words[1].text) or gov in _PLACE_PREPOSITIONS)) \
            and all(t.is_cap or _PARTICLE_RE.match(t.text) for t in words[1:]):
        start, end = words[0].start, words[-1].bare_end
        # "Deir al-Balah", "Kfar Kila", "Beit Lahia", "Ras al-Ain": a monastery, a village, a
        # house, a cape ... of that name: a place
        return Candidate(start, end, doc.text[start:end], "place", "pattern", "name:place-word",
                         0.6, weak=True)
    if _ends_with_phrase(before, lex.phrase_set("organisation_cues", "words")):
        return Candidate(start, end, surface, "organization", "pattern", "name:org-cue", 0.7,
                         extra=extra)
    if len(words) == 1 and _us_state(surface) and after not in _STAFF_AFTER and \
            after not in _SPEECH_AFTER and not _person_apposition(toks, j) and \
            not _ends_a_name(doc.text, surface):
        # "flash floods in central Texas", "KERRVILLE, Texas": a state (not "Washington",
        # "Georgia": a city, a person, a country)
        return Candidate(start, end, surface, "place", "pattern", "name:us-state", 0.7,
                         extra=extra)
    listed = lex.country_names.get(joined) or lex.capitals.get(joined)
    if listed is not None:
        is_country = joined in lex.country_names
        return Candidate(start, end, surface, "place", "pattern",
                         "place:country" if is_country else "place:capital", 0.75,
                         key=f"country:{listed.code}" if is_country else None,
                         label=listed.name if is_country else None,
                         extra={**extra, "capital_of": None if is_country else listed.code})
    if after in _EVENT_AFTER and len(words) > 1 and title is None:
        return None  # "the Champions League final", "the Eurovision Song Contest final"
    if after in _FIRE_HEADS and prev == "the" and title is None:
        return None  # "near the Kenneth fire", "the Palisades fire": a fire's name
    after2 = toks[j + 2].lower if j + 2 < len(toks) else ""
    if after in _STAFF_AFTER and not (after == "chief" and after2 not in (
            "executive", "financial", "operating")) and \
            not (after == "executive" and after2 in ("order", "orders", "branch", "power")):
        # "Boeing machinists", "Boeing chief executive Kelly Ortberg": a company's people
        return Candidate(start, end, surface, "organization", "pattern", "name:org-staff", 0.7,
                         weak=len(words) > 1, extra=extra)
    if after in _VENUES and title is None:
        # "the Blue Lagoon spa", "the Marriott resort in Islamabad": a business, not a person
        # nor the place of what happens there
        return Candidate(start, end, surface, "organization", "pattern", "name:venue", 0.6,
                         weak=True, extra=extra)
    if len(words) == 1 and prev == "the" and gov in _PLACE_PREPOSITIONS and \
            words[0].text.isupper() and len(words[0].text) >= 2 and after in _SPEECH_AFTER and \
            lowers[0] not in _PLACE_ACRONYMS:
        # "a source in the SBU said", "officials in the IDF said": a body that speaks
        return Candidate(start, end, surface, "organization", "pattern", "name:acronym", 0.5,
                         weak=True, extra=extra)
    if " ".join(w.text for w in words) in _PLATFORMS:
        # "blocked access to Twitter, Facebook and YouTube", "wrote on Telegram": a company's
        # service, no place
        return Candidate(start, end, surface, "organization", "pattern", "name:platform", 0.7,
                         extra=extra)
    if len(words) == 1 and lowers[0] in _LANGUAGES and prev == "in":
        return None  # "said in English": a language, no place
    if len(words) == 1 and lowers[0] in _RELIGIONS:
        return None  # "converted to Islam": a faith, no place
    if len(words) == 1 and lowers[0] in lex.words("regional_adjectives", "words") and \
            j + 1 < len(toks) and toks[j + 1].lower in _DESCRIBED:
        return None  # "in the Soviet era", "in the Pacific territory": an adjective (but "in
        # the Mediterranean off Libya", "in the Atlantic last Thanksgiving": the sea)
    if gov in _PLACE_PREPOSITIONS and "of" not in lowers[:-1] or \
            _ends_with_phrase(before, lex.phrase_set("place_heads", "lowercase_before")):
        return Candidate(start, end, surface, "place", "pattern", "name:place-context", 0.6,
                         weak=len(words) > 1, extra=extra)
    if prev == "and" and len(words) <= 3 and _after_places_of(toks, i - 1):
        # "the villages of Hirske and Zolote": the second of two places named together
        return Candidate(start, end, surface, "place", "pattern", "name:place-context", 0.6,
                         extra=extra)
    if prev in _WEAK_PLACE_PREPOSITIONS and len(words) == 1 and prev != "of":
        return Candidate(start, end, surface, "place", "pattern", "name:place-context", 0.5,
                         weak=True, extra=extra)
    if _MODEL_CODE.fullmatch(surface):
        return None  # "B-2 stealth bombers", "F-16s", "an A-50 spy plane": a model, no actor
    if words[0].text.isupper() and len(words[0].text) >= 2 and len(words) == 1 and \
            not (i > 0 and toks[i - 1].is_number) and lowers[0] not in _COMMON_ACRONYMS and \
            doc.text[end:end + 1] != "$":
        # (not "a 737 MAX jet", "a fake ID", "HK$300 million")
        return Candidate(start, end, surface, "organization", "pattern", "name:acronym", 0.5,
                         weak=True, extra=extra)
    if len(words) == 2 and all(t.is_word for t in words) and (
            lowers[0] in _COMPASS and lowers[1] not in lex.demonyms and
            lowers[1] not in _CONTINENTAL or
            lowers[0] in _AGES and lowers[1] in lex.country_names):
        # "Southern California"; "Nazi Germany", "Imperial Japan": a country in an age
        return Candidate(start, end, surface, "place", "pattern", "name:place-region", 0.6,
                         weak=True, extra=extra)
    if len(lowers) > 1 and title is None and (lowers[-1] in _PARTY_MEMBERS or
                                             lowers[-1] == "greens" and lowers[0] in
                                             lex.demonyms):
        # "Chancellor Olaf Scholz's Social Democrats", "the Liberal Democrats": a party
        return Candidate(start, end, surface, "organization", "pattern", "name:party", 0.7,
                         extra=extra)
    if after.isdigit() and len(after) <= 3 and j + 3 < len(toks) and toks[j + 2].text == "-" \
            and toks[j + 3].text.isdigit() and title is None and lowers[-1] not in MAKERS and \
            _team_score(toks, i, j):
        # "beat Inter Milan 5-0", "Liverpool 2-1 Chelsea": a team before its score (not "the
        # Boeing 737-800": a maker's model)
        return Candidate(start, end, surface, "organization", "pattern", "name:team", 0.6,
                         weak=True, extra=extra)
    if lowers[-1] == "no" and re.match(r"\.\s*\d", doc.text[end:end + 4]):
        return None  # "Reactor No. 6", "Unit No. 3": a numbered thing, nobody's name
    if any(t.text == "&" for t in words):
        return Candidate(start, end, surface, "organization", "pattern", "name:firm", 0.6,
                         weak=True, extra=extra)  # "Procter & Gamble": a firm, nobody's name
    if len(words) in (2, 3) and "of" not in lowers and "for" not in lowers and \
            all(t.is_word for t in words) and \
            not any(c.isdigit() for c in surface) and lowers[0] not in lex.demonyms and \
            after not in _BODY_NOUNS:
        # (not "Russian Orlan-10", "Ukrainian Su-25": a model of a nation's weapon; not "New
        # York officials": people of a place)
        conf = 0.65 if after in _SPEECH_AFTER else 0.5
        if prev == "the" and not any(t.text.isupper() for t in words) and \
                (lowers[-1],) not in lex.titles and after not in _OF_A_PERSON:
            # "the Red Crescent", "the True Confidence": a person's name takes no article (but
            # "the UN Secretary-General", "the Taylor Swift concert": the article is the
            # noun's after it)
            return Candidate(start, end, surface, "organization", "pattern", "name:the-name",
                             conf, weak=True, extra=extra)
        if words[-1].text.isupper() and words[-1].bare.lower() in lex.country_names or \
                len(words) == 2 and lowers[-1] in lex.country_names and \
                lowers[0] in _PARTY_ADJECTIVES or \
                prev in ("on", "via") and lowers[-1] in _MEDIA_ENDINGS or \
                _ACRONYM_END.fullmatch(words[-1].bare) is not None and \
                not words[0].text.isupper() and not lowers[0].endswith("ing"):
            # "Reform UK", "Together USA", "Progressive Slovakia": a party or a firm of that
            # country; "wrote on Truth Social": a platform (no person's surname is a country's
            # code, nor an acronym: "the Kurdish YPG")
            return Candidate(start, end, surface, "organization", "pattern", "name:org-guess",
                             conf, weak=True, extra=extra)
        if lowers[0] in _COMPASS_TAILS and len(words) == 3 or \
                lowers[-1] in _COMPASS_TAILS and prev in _SEAT_VERBS:
            # "South West Norfolk", "held Islington North": a constituency (but "Oliver North
            # testified", "according to Kanye West": people)
            return Candidate(start, end, surface, "place", "pattern", "name:district",
                             0.5, weak=True, extra=extra)
        if lowers[0] in _PLACE_QUALIFIERS and not _a_us_state(surface) and \
                lowers[-1] not in _MOVEMENT_NOUNS:
            # "the neighbourhoods of New Aleppo", "Old Delhi", "Greater Manchester": a place
            # (no one is called New Aleppo; and it claims no "Aleppo" as a surname)
            return Candidate(start, end, surface, "place", "pattern", "name:district",
                             0.5, weak=True, extra=extra)
        if lowers[0] in _PLURAL_ARTICLES and lowers[-1].endswith("s"):
            # "Los Chapitos", "Los Zetas": a band of men, named as Spanish names groups
            return Candidate(start, end, surface, "organization", "pattern", "name:org-guess",
                             conf, weak=True, extra=extra)
        if len(words[0].bare) >= 3 and words[0].bare.isupper() and words[0].bare.isalpha() \
                and not any(t.text.isupper() for t in words[1:]):
            # "FTX Trading", "FTX Digital Markets": a firm named after its parent's acronym
            # (no one's given name is in capitals)
            return Candidate(start, end, surface, "organization", "pattern", "name:org-guess",
                             conf, weak=True, extra=extra)
        # (a middle initial makes a person's name: "John F. Kennedy", whose surname is also
        # a district of Bogota)
        return Candidate(start, end, surface, "person", "pattern", "name:full-name", conf,
                         weak=not (len(words) == 3 and _initial(words[1]) and
                                   doc.text[words[1].end:words[1].end + 1] == "."),
                         extra=extra)
    if len(words) == 4 and all(t.is_word and t.text == t.bare for t in words) and \
            lowers[0] not in lex.demonyms and lowers[0] not in lex.country_names and \
            " ".join(lowers[:2]) not in lex.country_names and \
            not any(w in lex.common_words or w in lowercase_words for w in lowers) and \
            not lowers[0].endswith("ing") and \
            re.search(r"(?<![\w-])" + re.escape(" ".join(t.text for t in words[2:])) +
                      r"(?![\w-])", doc.text[end:]) is not None:
        # "Aung San Suu Kyi" ... "Suu Kyi", "Andrés Manuel López Obrador" ... "López
        # Obrador": a long personal name whose last two words stand alone later
        return Candidate(start, end, surface, "person", "pattern", "name:full-name", 0.5,
                         weak=True, extra=extra)
    if len(words) >= 2 and ("of" in lowers or "for" in lowers):
        # ("Alternative for Germany", "Doctors for Peace": no person's name has a "for")
        return Candidate(start, end, surface, "organization", "pattern", "name:of-phrase", 0.4,
                         weak=True, extra=extra)
    if len(words) == 1 and prev == "the" and after in _SPEAKING:
        # "the Taliban condemned", "the Kremlin said": a body that speaks
        return Candidate(start, end, surface, "organization", "pattern", "name:speaker", 0.6,
                         extra=extra)
    if len(words) == 1:
        # single unknown word: kept as a weak guess that only counts when something else
        # (a list, a variant, a surname) confirms it
        return Candidate(start, end, surface, "group", "pattern", "name:single", 0.3,
                         weak=True, extra={**extra, "unconfirmed": True,
                                           "prev": prev, "after": after})
    return None


def _person_before_of(lowers: list[str], lex: Lexicon) -> int:
    """How many words of a name joined by "of" are a person's name ("Hou Yu-ih of the
    Kuomintang" -> 2, "Thomas Matthew Crooks of Bethel Park" -> 3), or 0: two words before
    "of the" or "of" and a country, or three before "of", none of which heads a body, a place
    or an event ("Bank of England", "Gulf of Aden", "Duke of Sussex" keep "of")."""
    cut = next((n for n in (2, 3) if n < len(lowers) and lowers[n] == "of"), 0)
    if not cut or "of" in lowers[:cut]:
        return 0
    if lowers[cut + 1:cut + 2] != ["the"] and cut < 3 and \
            not (len(lowers) == cut + 2 and lowers[-1] in lex.country_names):
        return 0  # ("Africa Cup of Nations"; but "Boris Yeltsin of Russia")
    heads = lex.union(("organisation_heads", "organization"), ("organisation_heads",
                                                               "military_unit"),
                      ("organisation_heads", "media"), ("place_heads", "capitalised"),
                      ("place_heads", "prefixed"), ("event_names", "words"))
    head = lowers[:cut]
    if any(w in heads or (w,) in lex.titles or (w[:-1],) in lex.titles or
           w in lex.demonyms or w in lex.common_words or w in lex.country_names for w in head):
        return 0
    return cut


def _match_title(toks: list[Token], i: int, j: int, lex: Lexicon) -> int:
    """End index (exclusive) of a capitalised title at ``i``, or ``i`` when there is none."""
    best = i
    words: list[str] = []
    k = i
    while k <= j and len(words) < lex.max_title_words:
        if toks[k].text == ".":
            k += 1
            continue
        words.append(toks[k].lower)
        k += 1
        if tuple(words) in lex.titles:
            best = k
            if best <= j and toks[best].text == ".":
                best += 1
    return best


def title_before(toks: list[Token], i: int, lex: Lexicon) -> str | None:
    """A lower-case title just before the name ("poet Serhiy Zhadan", "president X")."""
    for size in range(lex.max_title_words, 0, -1):
        if i - size < 0:
            continue
        words = tuple(t.lower for t in toks[i - size:i])
        if words in lex.titles and toks[i - 1].is_word:
            return " ".join(t.text for t in toks[i - size:i])
    return None


def _words_before(toks: list[Token], i: int, size: int) -> tuple[str, ...]:
    return tuple(t.lower for t in toks[max(0, i - size):i])


def _ends_with_phrase(words: tuple[str, ...], phrases: frozenset[tuple[str, ...]]) -> bool:
    return any(words[len(words) - n:] in phrases for n in range(1, len(words) + 1))
