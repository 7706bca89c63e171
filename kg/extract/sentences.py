"""Paragraphs and sentences with character offsets, tuned to the quirks of news text.

A paragraph is a logical line: lines separated by a newline, except that a line continues the
previous one when that one has no final punctuation and the new one starts in lower case (hard
wrapping). A line without final punctuation (a headline, a sub-heading, a photo caption) is a
sentence of its own. Inside a line, sentences end at ``.``, ``!``, ``?`` (plus closing quotes)
followed by a space and a capital, digit or quote, except after titles ("Mr.", "Gen."),
initials ("J. Smith") and, unless a typical sentence opener follows, after other abbreviations
("U.S.", "Inc.", "Sept.").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..temporal.lexicon import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS

# Abbreviations that are never the end of a sentence (titles before a name).
_TITLE_ABBREVIATIONS = frozenset("""
mr mrs ms dr gen lt col sgt capt gov sen rep prof rev maj adm cpl pvt st mt ft fr pres supt
insp det cmdr brig hon messrs mme mlle sr jr gens lieut
""".split())
# Abbreviations that end a sentence only when a typical sentence opener follows.
_OTHER_ABBREVIATIONS = frozenset("""
inc corp co ltd etc jan feb mar apr jun jul aug sep sept oct nov dec approx dept est vs al
govt univ assn bros ave blvd rd
""".split())
_SENTENCE_OPENERS = frozenset("""
the a an he she it they we i you his her its their our this that these those there but and
so yet in on at for after before when while meanwhile however still also then now as if
although though by since during about some many most several one two three four five
""".split())

_FINAL_PUNCT = ('.', '!', '?', '"', '”', '’', "'", ')', ':', '…', ']')
_CLOSING_QUOTES = ('"', '”', '’', "'")
_STOPS = ('.', '!', '?', '…', ',', ':', ';')
_BOUNDARY_RE = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)")
_WORD_BEFORE_RE = re.compile(r"([A-Za-z](?:[A-Za-z.]*[A-Za-z])?)\.*$")
_DOTTED_RE = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]?$")
_CAPTION_RE = re.compile(
    r"^(?:video|photo|image|picture|footage|file photo|watch)\b(?:\s+(?:of|by|shows?)\b|:)"
    r"|getty images|photo by|\(photo|credit:|/\s*(?:reuters|afp|ap)\b"
    # "Wounded Palestinians are treated at al-Shifa hospital on Thursday. Photo: Reuters"
    r"|[.!]\s+(?:photo|photograph|image|picture)s?\s*:\s*\S", re.IGNORECASE)


# A byline, a wire service's trailer of reporters and editors, an agency's line of
# contributors, a separator, a link to another story: who wrote the report or where else to
# read, not what it reports.
_WORD = r"(?!(?:And|Or|Of|The|In|On|At|To|For|With|From|Sea|Land|Air)\b)[A-Z][\w.'’-]+"
_NAME = rf"{_WORD}(?: {_WORD}){{0,3}}"
_CREDIT_RE = re.compile(
    rf"(?:By {_NAME}(?:,? (?:and|&) {_NAME})?"
    r"(?:, (?:Reuters|AP|AFP|Associated Press|Bloomberg|CNN|BBC News))?"
    # ... and its date: "By Tom Walker On 5/15/22 at 9:12 AM EDT"
    r"(?: (?:On|Updated|Published|Posted) "
    r"(?:\d{1,2}/\d{1,2}/\d{2,4}|[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}).*)?"
    r"|\((?:Additional )?(?:Reporting|reporting|Writing|Editing|Compiled) by .*"
    r"|(?:Additional )?(?:Reporting|Writing|Editing|Compiled) by [^.]*(?:;|Editing by) .*"
    r"|_{3,}|-{3,}"
    # a link to another story: "READ MORE: Russia says it has captured Mariupol"
    r"|(?:READ MORE|Read [Mm]ore|RELATED|Related|SEE ALSO|See [Aa]lso|WATCH|Watch|MORE)\s*:.*"
    r"|.*\bcontributed (?:to this report|reporting)\.?"
    # an editor's note: "This story has been updated to include the prime minister's visit."
    r"|(?:This|The) (?:story|article|report|post) (?:has been|was) (?:updated|corrected|"
    r"amended)\b.*"
    # a page's furniture: "ADVERTISEMENT", "Share this: Facebook Twitter", "Source: Eastern
    # Europe Monitor", "Originally published by ..."
    r"|(?:ADVERTISEMENT|Advertisement|(?:Story|Article) continues below(?: this)? "
    r"advertisement)"
    r"|(?:Share this|Share)\s*:.*"
    # (a source or a first publisher named alone, not a sentence that begins so: "Source: a
    # senior officer told Reuters that ...", "Originally published on March 3, the report")
    r"|(?:Source|Sources)\s*:\s*(?:[\w'’&,-]+\s?){1,6}"
    r"|Originally published (?:by|in) (?:[A-Z][\w'’&-]*\.?\s?){1,6}(?:on [^.,]{3,20}\.?\s?)?"
    r"(?:Share this\s*:.*)?)$")


@dataclass(frozen=True, slots=True)
class Paragraph:
    index: int
    start: int
    end: int
    kind: str  # body | headline | caption | credit


@dataclass(frozen=True, slots=True)
class SentenceSpan:
    """A sentence: offsets, its paragraph and the paragraph's kind."""

    index: int
    start: int
    end: int
    paragraph: int
    kind: str  # body | headline | caption | credit
    titlecase: bool = False


# "KADOMA, Zimbabwe, June 12 - ", "JERUSALEM/GAZA, Nov 25 - ", "KYIV (Reuters) - "
_DATELINE_RE = re.compile(
    r"[A-Z][A-Z'’.-]+(?:[ /][A-Z][A-Z'’.-]+)*"
    r"(?:\s*\([A-Z][A-Za-z]+(?:\s[A-Za-z]+){0,2}\))?"
    r"(?:,\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}){0,2}"
    r"(?:,?\s+\(?[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?\)?)?"
    r"(?:\s*\([A-Z][A-Za-z]+(?:\s[A-Za-z]+){0,2}\))?"  # "KYIV, May 14 (Reuters staff) -"
    r"\s*[-–—]{1,2}\s+")


# The same with the place in title case, then only with its date: "Bangkok, Oct 8 -- "
_TITLE_DATELINE_RE = re.compile(
    r"(?!(?:On|In|By|Since|From|Until|Last|This|Next|Early|Late|Updated|Published|Monday|"
    r"Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
    r"[A-Z][a-z'’.-]+(?:[ /-][A-Z][a-z'’.-]+){0,2}"
    r"(?:,\s*[A-Z][a-z'’.-]+(?:\s+[A-Z][a-z'’.-]+){0,2})?"
    r",?\s+\(?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.?\s+"
    r"\d{1,2}(?:,\s+\d{4})?\)?"
    r"(?:\s*\([A-Z][A-Za-z]+(?:\s[A-Za-z]+){0,2}\))?"
    r"\s*[-–—]{1,2}\s+")


# A news brief's label: "Peru: A bus plunged off a mountain road ..."
_BRIEF_LABEL_RE = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}:\s+(?=[A-Z])")


# A live page's entry stamp: "09:15 GMT - Explosions heard in Kyiv", "1:30pm: ..."
_STAMP_RE = re.compile(r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?\s*[-–—|:]\s+",
                       re.IGNORECASE)


def dateline_end(text: str, start: int, end: int, kind: str = "body") -> int | None:
    """End of a dateline opening the paragraph ``text[start:end]`` (place, date, dash; or
    a brief's place label and colon; or, in a paragraph of any kind, an entry's time stamp:
    when the entry was posted, not when anything happened)."""
    m = _STAMP_RE.match(text, start, end)
    if m is None and kind == "body":
        m = _DATELINE_RE.match(text, start, end) or \
            _TITLE_DATELINE_RE.match(text, start, end) or _BRIEF_LABEL_RE.match(text, start, end)
    return m.end() if m is not None and m.end() < end else None


def split_paragraphs(text: str) -> list[Paragraph]:
    """Logical lines of ``text`` (hard-wrapped lines joined), with their kind."""
    spans: list[list[int]] = []
    prev_blank = True
    pos = 0
    for line in text.split("\n"):
        line_start, line_end = pos, pos + len(line)
        pos = line_end + 1
        stripped = line.strip()
        if not stripped:
            prev_blank = True
            continue
        s = line_start + (len(line) - len(line.lstrip()))
        e = line_start + len(line.rstrip())
        if spans and not prev_blank and _continues(text[spans[-1][0]:spans[-1][1]], stripped):
            spans[-1][1] = e
        else:
            spans.append([s, e])
        prev_blank = False
    out = []
    for i, (s, e) in enumerate(spans):
        out.append(Paragraph(i, s, e, _paragraph_kind(text[s:e])))
    return out


def _continues(previous: str, line: str) -> bool:
    return not previous.endswith(_FINAL_PUNCT) and line[:1].islower()


def _paragraph_kind(line: str) -> str:
    if _CREDIT_RE.match(line):
        return "credit"
    if _CAPTION_RE.search(line):
        return "caption"
    bare = _unquoted(line)
    if not bare.endswith(_FINAL_PUNCT):
        return "headline"
    if _title_line(bare):
        return "headline"  # "... As Noboa Declares 'Internal Armed Conflict'": a headline
        # ending in a quotation (a paragraph's quotation ends with its stop: '... war."')
    if bare.endswith("?") and len(bare) <= 160 and not _INNER_STOP_RE.search(bare[:-1]) and \
            _is_titlecase(bare):
        return "headline"  # "What Has The Deal Changed In Tigray?": a headline asks (a
        # paragraph's question is in sentence case)
    return "body"


def _title_line(line: str) -> bool:
    """A line in title case without a final stop, or ending in a quotation without one
    ("Putin Vows Punishment For 'Treason'")."""
    if line.endswith(_CLOSING_QUOTES):
        return not line.rstrip("\"'”’").endswith(_STOPS) and _is_titlecase(line)
    return not line.endswith(_FINAL_PUNCT) and _is_titlecase(line)


_INNER_STOP_RE = re.compile(r"[.!?][\"”’']?\s+[A-Z]")


# A line that is one quotation and nothing else: '"No Military Targets"', a subheading
_QUOTED_LINE_RE = re.compile(r"[\"“‘']([^\"“”‘’]{3,80})[\"”’']")


def _unquoted(line: str) -> str:
    """A subheading quoted whole ('"War Crimes"') without its quotation marks; else the
    line."""
    m = _QUOTED_LINE_RE.fullmatch(line)
    return m.group(1).strip() if m else line


def split_sentences(text: str, paragraphs: list[Paragraph] | None = None
                    ) -> list[SentenceSpan]:
    """Sentences of ``text`` in order, each inside one paragraph."""
    if paragraphs is None:
        paragraphs = split_paragraphs(text)
    out: list[SentenceSpan] = []
    for para in paragraphs:
        for s, e in _sentence_bounds(text, para.start, para.end):
            line = _unquoted(text[s:e])
            out.append(SentenceSpan(len(out), s, e, para.index, para.kind,
                                    _title_line(line)))
    return out


def _sentence_bounds(text: str, start: int, end: int) -> list[tuple[int, int]]:
    bounds = []
    s = start
    for m in _BOUNDARY_RE.finditer(text, start, end):
        cut = m.end()
        nxt = _next_word(text, cut, end)
        if not nxt or not _is_boundary(text, s, m.start(), m.group(), nxt):
            continue
        bounds.append((s, cut))
        s = cut
        while s < end and text[s].isspace():
            s += 1
    if s < end:
        bounds.append((s, end))
    return [(a, b) for a, b in bounds if text[a:b].strip()]


_NEXT_WORD_RE = re.compile(r"\s*(\S+)")


def _next_word(text: str, pos: int, end: int) -> str:
    m = _NEXT_WORD_RE.match(text, pos, end)
    return m.group(1) if m else ""


def _is_boundary(text: str, sent_start: int, punct_start: int, punct: str, nxt: str) -> bool:
    first = nxt.lstrip("\"'“‘([")
    if not first:
        return True
    if first[0].islower():
        return False
    if not punct.startswith("."):
        return True
    before = _word_before(text, sent_start, punct_start + 1)
    if before is None:
        return True
    word = text[before.start(1):punct_start]
    if before.start(1) > 0 and text[before.start(1) - 1].isdigit():
        return True  # "built in the 1970s. Truss resigned": a number's ending, no initial
    low = word.lower().rstrip(".")
    opener = first.rstrip(".,;:!?\"'”’").lower() in _SENTENCE_OPENERS
    if low in _TITLE_ABBREVIATIONS:
        return False
    if low == "no" and first[0].isdigit():
        return False
    if len(word) == 1 and word.isupper():
        return word == "I"  # an initial ("J. Smith"), unless it is the pronoun
    if low in ("a.m", "p.m"):
        return opener or not _CLOCK_OPENING_RE.match(text, sent_start, punct_start) and \
            _opens_after_clock(text, punct_start + len(punct), first)
    if low in _OTHER_ABBREVIATIONS or _DOTTED_RE.match(word + "."):
        return opener
    return True


# what follows a clock time in its own sentence: "at 8 p.m. Saturday", "at 5 p.m. Eastern"
_CLOCK_FOLLOWERS = frozenset({*WEEKDAYS, *MONTHS, *MONTH_ABBREVIATIONS, "eastern", "pacific",
                              "central", "mountain", "local"})
# a sentence that opens with its clock time: "At 3 a.m. Russian forces crossed ...", "On
# Monday, at 3 a.m. gunmen ..."
_CLOCK_OPENING_RE = re.compile(
    r"(?:\W*|[^.]*,\s*)(?:(?:just|shortly|sometime|about|around|at|by|after|before|until|from|since|"
    r"near|nearly|almost|roughly|approximately|then|and|but)\s+)+"
    r"\d{1,2}(?:[:.]\d\d)?\s*[ap]\.m$", re.IGNORECASE)
_TIME_WORD_RE = re.compile(r"\s*\S+\s+time\b", re.IGNORECASE)


def _opens_after_clock(text: str, pos: int, first: str) -> bool:
    """A capitalised word after "a.m."/"p.m." opens a sentence ("at 8 p.m. Later that
    night ..."), unless it is a day, a month or a time zone ("8 p.m. GMT", "Kyiv time")."""
    word = first.rstrip(".,;:!?\"'”’)")
    if word.lower() in _CLOCK_FOLLOWERS or word.isupper() or word[:1].isdigit():
        return False
    return _TIME_WORD_RE.match(text, pos, pos + 40) is None


def _word_before(text: str, start: int, end: int) -> re.Match[str] | None:
    """The word (letters and dots) ending at ``end``, looked for in a short window first."""
    lo = max(start, end - 48)
    m = _WORD_BEFORE_RE.search(text, lo, end)
    if m is not None and (m.start(1) > lo or lo == start):
        return m
    return _WORD_BEFORE_RE.search(text, start, end)


def every_long_word_capitalised(text: str, start: int, end: int) -> bool:
    """Every word of four letters or more in ``text[start:end]`` is capitalised ("Ukraine
    Claws Back Villages North Of Kharkiv"; not "Hurricane Idalia slams into Florida's Big
    Bend", which :func:`_is_titlecase` still counts)."""
    return all(w[0].isupper() for w in _WORD_RE.findall(text, start, end) if len(w) >= 4)


# a word of a line, for judging its capitals
_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")


_SMALL_WORDS = frozenset({"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or",
                          "the", "to"})


def _is_titlecase(sentence: str) -> bool:
    """Most longer words capitalised (the first word counts only in short lines)."""
    words = _WORD_RE.findall(sentence)
    if len(words) > 3:
        words = words[1:]
    long_words = [w for w in words if len(w) >= 4]
    if len(long_words) < 2:
        # a short subheading: every word capitalised ("War Crimes"), but for the small words
        # title case leaves lower ("Hospitals and Banks Hit", "A Run in a Single Day")
        words = [w for w in words if w not in _SMALL_WORDS]
        return len(words) >= 2 and all(w[0].isupper() for w in words)
    capitalised = sum(1 for w in long_words if w[0].isupper())
    return capitalised / len(long_words) >= 0.6
