"""Sentences and the tense around an expression: enough to tell "said Sunday" from
"will meet Sunday" when choosing which Sunday is meant."""

from __future__ import annotations

import re
from bisect import bisect_right

PAST, FUTURE, NEUTRAL = "past", "future", "neutral"
# "ahead of": the future of what follows it only ("held rallies on Friday ahead of Sunday's
# election": Friday is past)
_AHEAD = "ahead"
# a present progressive of an arrangement ("is meeting his counterpart on Saturday"): to
# come, but not for a day named by what happened on it ("are holding Sunday's winners")
_PROGRESSIVE = "progressive"
_ARRANGEMENTS = frozenset("""
meeting holding hosting visiting travelling traveling flying heading attending signing opening
launching returning leaving staging convening resuming
""".split())

# A sentence ends at . ! ? (and closing quotes/brackets) followed by space and an upper-case
# letter, digit or quote, or at a blank line; abbreviations are checked separately.
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*\s+(?=[\"'“‘(A-Z0-9])|\n\s*\n")
_ABBREVIATIONS = frozenset("""
mr mrs ms dr prof gen col lt sgt capt cmdr adm gov sen rep rev st jr sr co corp inc ltd no nos
vs etc jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri
sat sun u.s u.k u.n a.m p.m
""".split())

_FUTURE_WORDS = frozenset("""
will 'll shall won't wo would should might must scheduled slated expected expects expect
expecting due planned plans plan planning intends intend intending upcoming forthcoming poised
aims hopes hope hoping tomorrow prepares preparing
""".split())
_IRREGULAR_PAST = frozenset("""
was were had did said told met went took left came gave made held began fell rose saw found
got won lost sent spent kept brought bought thought felt heard knew led paid ran sat stood
struck fought flew drew drove wrote spoke broke chose froze grew threw wore tore swore hid
bit shot sought taught caught fled bled fed meant built dealt slept swept wept lent bent
became forgot forgave ate sang rang sank swam overtook undertook withdrew arose awoke
declared announced been
""".split())
IRREGULAR_PAST = _IRREGULAR_PAST  # (for the event layer: "... and set fresh elections")
# Participles in -n after a noun: a reduced relative clause of the past ("troops withdrawn
# from the Kyiv region in late March"); after "has" they are perfects, which may run on
# ("has given them until 9 a.m. Tuesday").
_N_PARTICIPLES = frozenset("""
withdrawn taken driven shown beaten broken spoken stolen chosen written fallen shaken hidden
thrown flown drawn overthrown overtaken
""".split())
# Irregular pasts that may open a participial clause (", struck by a drone,"): not the
# finite verbs of a clause of their own.
_IRREGULAR_PARTICIPLES = _IRREGULAR_PAST - {"was", "were", "had", "did", "said", "told"}
_NOT_PAST = frozenset("""
need speed seed feed bleed breed indeed proceed succeed exceed bed red shed hundred
embed wed creed greed steed deed weed sled shred tweed reed heed agreed based
""".split())
# After these a participle is passive or adjectival ("will be paid", "a planned visit", "will
# remain closed on Monday", "will meet behind closed doors on Sunday").
_NOT_FINITE_BEFORE = frozenset("""
be being will to a an the still its his her their our this that these those newly
recently already well long so fully widely yet not is are am remain remains stay stays
behind with of in on at for from into among against without
""".split())
# Words that may stand alone before a weekday opening its sentence ("Late on Sunday, ...").
_FRONTING = frozenset({"on", "late", "early", "by", "at", "in"})
# Nouns of a report an opener names ("In a televised address on Saturday, ...").
_REPORT_NOUNS = frozenset({"address", "speech", "statement", "interview", "briefing",
                           "conference", "video", "post", "message", "remarks", "comments",
                           "broadcast", "appearance"})
# Reporting verbs that close a sentence after a comma (", diplomats said").
_CLOSING_REPORTS = frozenset("said told added stated".split())
_SCHEDULED = frozenset("scheduled slated expected due planned set".split())
_FORMERLY = frozenset("originally initially previously first once".split())
# Words before a gerund that make it a noun ("guilty to planning", "accused of planning").
_GERUND_TAKERS = frozenset("to of for with in".split())
_MODALS = frozenset("will would could should might must may can".split())
# Modals of what may yet come, unless a perfect or a negation follows
_POSSIBLE = frozenset({"may", "could"})
_NOT_AFTER_POSSIBLE = frozenset({"not", "have", "be", "never", "only", "also", "still", "no",
                                 "hardly", "barely", "well", "see", "hear", "feel", "smell",
                                 "sense", "enter", "return", "afford", "remember", "finally"})
_PAST_ABILITY = re.compile(r"\b(?:only|finally|until|after)\b")
# What before a time names the earliest it may come ("as early as Friday")
_EARLIEST = ("as early as ", "as soon as ")
# Present forms that tell a timetable ("the law takes effect on Sunday", "the truce expires on
# Sunday"); "takes" only before the nouns of _TAKEN. (Not "begins", "opens", "closes", "ends":
# headlines tell past events with them, "Wall Street closes higher on Friday".)
_SCHEDULING = frozenset("takes expires convenes".split())
_TAKEN = frozenset("office effect power".split())
_PRESENT = frozenset("is are am says say does do has have".split())
_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")
# A verb that names a day ("declared Sunday a national day of mourning") right before it.
_NAMED_DAY = re.compile(r"\b(?:declared|declares|proclaimed|proclaims|designated)\s+\Z")
_DAY_OF = re.compile(r"\s+an?\s+(?:[\w-]+\s+){0,3}(?:day\s+of|day\s+off|holiday)\b")


class Sentences:
    """Sentence boundaries and tense markers of one text, found once, looked up by offset."""

    def __init__(self, text: str):
        self.text = text
        starts = [0]
        for m in _BOUNDARY.finditer(text):
            if m.group()[0] == "." and "\n" not in m.group() and _abbreviation_before(
                    text, m.start()):
                continue
            starts.append(m.end())
        self.starts = starts
        self._markers: dict[int, list[tuple[int, int, str]]] = {}

    def index(self, offset: int) -> int:
        return bisect_right(self.starts, offset) - 1

    def bounds(self, offset: int) -> tuple[int, int]:
        i = self.index(offset)
        end = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text)
        return self.starts[i], end

    def markers(self, offset: int) -> list[tuple[int, int, str]]:
        """Tense markers of the sentence holding ``offset``: (start, end, tense)."""
        i = self.index(offset)
        found = self._markers.get(i)
        if found is None:
            start, end = self.bounds(offset)
            found = self._markers[i] = _find_markers(self.text, start, end)
        return found

    def _across_a_comma(self, start: int, end: int, pos: int, stop: int) -> bool:
        """A comma lies between the marker and the expression, and the marker is not in a
        relative clause opening right after the expression ("the attack on Sunday, which
        killed 20 people": the attack's)."""
        gap = self.text[stop:start] if pos < start else self.text[end:pos]
        if "," not in gap:
            return False
        if pos > end:
            after = gap.split(",", 1)[1].lstrip().split(" ", 1)[0].lower()
            return after not in ("which", "who", "whose", "where")
        return True

    def _beyond_that(self, end: int, pos: int) -> bool:
        """The marker after the span lies in a clause opened by "that" after it ("told
        supporters early on Monday that she would govern": the telling's day, not a plan)."""
        return " that " in self.text[end:pos]

    def _fronted(self, start: int) -> bool:
        """Only a preposition stands before the span in its sentence ("On Sunday, the
        minister said he would resign": the report after the comma is the main verb)."""
        lead = self.text[self.bounds(start)[0]:start].lower().split()
        if lead[:1] == ["speaking"]:  # "Speaking to reporters on Sunday, ..."
            lead = [w for w in lead[1:] if w not in ("to", "the", "reporters", "journalists")]
        if lead[-1:] and lead[-1] in _FRONTING and names_a_report(lead[:-1]):
            return True  # "In a televised address on Saturday, Macron said France would ..."
        if lead[-1:] and lead[-1] in _FRONTING and _names_a_gathering(lead[:-1]):
            return True  # "At peace talks in Istanbul on Tuesday, the minister said ..."
        return len(lead) <= 2 and all(w in _FRONTING for w in lead)

    def _speaking_before(self, start: int) -> bool:
        """A participle of speaking opens the span's clause (", speaking at the White House on
        Monday,", "Speaking to reporters on Friday,")."""
        lo = self.bounds(start)[0]
        lead = self.text[max(lo, self.text.rfind(",", lo, start) + 1):start].lower().split()
        if not (1 < len(lead) <= 8 and lead[0] == "speaking" and lead[-1] in _FRONTING):
            return False
        rest = self.text[start:self.bounds(start)[1]].lower().split()
        return not {"will", "shall", "'ll"}.intersection(rest)  # (not "Speaking at a summit
        # on Monday, Scholz will outline ...")

    def tense(self, start: int, end: int) -> str:
        """The tense of the clause around the span: the nearest tense marker decides
        (markers after the span count half again as far)."""
        if self.text[max(0, start - 12):start].lower().endswith(_EARLIEST) and \
                _MODALS.intersection(_WORD.findall(self.text.lower(), max(0, start - 60),
                                                   start)):
            return FUTURE  # "a first meeting could take place as early as Friday, officials
            # said": the earliest day of something still to come (but "Fighting began as
            # early as Monday": the day it began)
        if self._speaking_before(start):
            return PAST  # "The minister, speaking on Tuesday, said troops would withdraw":
            # the day of the speaking, told in the past
        best, best_distance = NEUTRAL, None
        clause = relative_clause_at(self.text, self.bounds(start)[0], start)
        for pos, stop, tense in self.markers(start):
            if start <= pos < end:
                continue
            if tense == _AHEAD:
                if pos > end:
                    continue
                tense = FUTURE
            elif tense == _PROGRESSIVE:
                tense = NEUTRAL if self.text[end:end + 2] in ("'s", "’s") else FUTURE
            distance = start - stop if pos < start else (pos - end) * 1.5
            if pos > end and _AND_BETWEEN.search(self.text, end, pos):
                distance += 60  # another conjunct's ("will meet on Saturday and are expected
                # to hold a vote"): its verb's tense, not the span's
            if pos > end and self._beyond_that(end, pos):
                distance += 60  # the complement's tense, not the span's
            elif clause is not None:
                if not clause[0] < pos < clause[1]:
                    distance += 60  # the main clause's tense, not the relative clause's
                    # ("Raisi, who is expected to speak on Tuesday, said ...", "Trump, who
                    # takes office on Monday, said")
            elif self._across_a_comma(start, end, pos, stop):
                distance += 20  # another clause's ("are due to hold talks on Thursday, the
                # Kremlin said")
                if pos > end and self.text[pos:stop].lower() in _CLOSING_REPORTS and \
                        not self._fronted(start):
                    distance += 40  # the report that closes the sentence tells when it was
                    # said, not the tense of what it reports ("will hold a meeting on the
                    # attack on Tuesday, diplomats said")
            if best_distance is None or distance < best_distance:
                best, best_distance = tense, distance
        return best


_AND_BETWEEN = re.compile(r"\s(?:and|but)\s")


def _names_a_gathering(lead: list[str]) -> bool:
    """"At peace talks in Istanbul", "At a summit in Brussels", "At a news conference": the
    gathering where what follows was said."""
    return _opening_names(lead, ("at",), _GATHERINGS, 8, ("in", "at"), 3)


_GATHERINGS = frozenset({"talks", "summit", "meeting", "conference", "briefing", "rally",
                         "hearing", "ceremony", "session", "forum", "funeral", "event"})


def names_a_report(lead: list[str]) -> bool:
    """The lower-case words that open a sentence before a time expression (its preposition
    left out) name the report itself: "In a televised address", "During an interview", "In a
    speech at a mosque in Damascus", "In an interview with state television", "In a video
    posted"."""
    # (the last report noun: "in his nightly video address"; a hyphen: "a late-night address")
    return _opening_names(lead, ("in", "during"), _REPORT_NOUNS, 10,
                          ("at", "in", "to", "before", "with", "from") + _PUT_OUT, 5, last=True)


# participles after a report's noun: "In a statement issued on Tuesday"
_PUT_OUT = ("issued", "posted", "released", "published", "broadcast", "aired", "televised",
            "delivered", "shared")


def _opening_names(lead: list[str], openers: tuple[str, ...], nouns: frozenset[str],
                   longest: int, after: tuple[str, ...], rest_at_most: int, *,
                   last: bool = False) -> bool:
    """The words open with one of ``openers`` and name one of ``nouns`` within their first five
    (the first, or the ``last`` of them), followed by nothing or by a phrase opened by one of
    ``after`` of at most ``rest_at_most`` words."""
    if not (2 <= len(lead) <= longest and lead[0] in openers and
            all(w.replace("-", "").isalpha() for w in lead)):
        return False
    found = [n for n in range(1, min(5, len(lead))) if lead[n] in nouns]
    if not found:
        return False
    rest = lead[(found[-1] if last else found[0]) + 1:]
    return not rest or rest[0] in after and len(rest) <= rest_at_most


def named_day(text: str, start: int, end: int) -> bool:
    """The span is a day a verb names ("declared Sunday a national day of mourning")."""
    return bool(_NAMED_DAY.search(text, max(0, start - 16), start) and _DAY_OF.match(text, end))


def relative_clause_at(text: str, lo: int, start: int) -> tuple[int, int] | None:
    """The span of a relative or participial clause set off by commas around ``start`` (", who
    takes office on Monday,", ", launched in early September,"), or None."""
    comma = text.rfind(",", lo, start)
    if comma < 0:
        return None
    opener = text[comma + 1:comma + 16].lstrip().split(" ", 1)[0].lower()
    if opener not in ("who", "which", "whose", "where") and not (
            len(opener) > 4 and opener.endswith("ed") and opener not in _NOT_PAST or
            opener in _IRREGULAR_PARTICIPLES):
        return None  # (a participle: ", launched in early September,")
    close = text.find(",", start)
    return comma, close if close >= 0 else len(text)


def _abbreviation_before(text: str, period: int) -> bool:
    """Whether the period at ``period`` ends an abbreviation ("Gen.", "Sept.", "U.S.")."""
    i = period
    while i > 0 and (text[i - 1].isalpha() or text[i - 1] == "."):
        i -= 1
    word = text[i:period].lower().strip(".")
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


# The words that may be or change a tense marker (besides the forms in "-ed" and "'ll"): any
# other word only becomes the word before the next.
_TO_BE_DONE = re.compile(r" be (?:held|signed|taken|built|sworn|released|opened|completed|"
                         r"launched|announced|named|elected|chosen)\b")
_MARKER_WORDS = _FUTURE_WORDS | _POSSIBLE | _ARRANGEMENTS | _IRREGULAR_PAST | _N_PARTICIPLES | \
    _PRESENT | _SCHEDULING | {"ahead", "to", "be", "have", "been"}


def _find_markers(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    previous = before = ""
    capitalised = False  # the previous word was
    running = None  # the span is running text, not a line in title case (decided when needed)
    for m in _WORD.finditer(text, start, end):
        word = m.group().lower().replace("’", "'")
        cap = m.group()[:1].isupper()
        named, capitalised = capitalised and cap, cap
        if word not in _MARKER_WORDS and not word.endswith(("ed", "'ll")):
            previous, before = word, previous
            continue
        tense = None
        if named and word in _FUTURE_WORDS:
            if running is None:
                running = any(w[:1].islower() for w in _WORD.findall(text, start, end)
                              if len(w) > 3)
            if running:
                previous, before = word, previous
                continue  # a word of a name: "made landfall near New Hope"
        if word.endswith("ing") and word in _FUTURE_WORDS and previous in _GERUND_TAKERS:
            tense = None  # "pleaded guilty to planning an attack", "accused of planning": a
            # deed, no plan of the clause
        elif word == "ahead" and text[m.end():m.end() + 4] == " of ":
            tense = _AHEAD  # "campaigning ahead of Sunday's election": still to come
        elif word in _ARRANGEMENTS and previous in ("is", "are", "am"):
            tense = _PROGRESSIVE  # "the minister is meeting his counterpart on Saturday"
            # (not "police are investigating the shooting ... on Monday")
        elif word in _POSSIBLE and m.group()[0].islower():
            nxt = _WORD.match(text, m.end() + 1) if m.end() < end else None
            if nxt is not None and nxt.group().lower() not in _NOT_AFTER_POSSIBLE and \
                    not _PAST_ABILITY.search(text, m.end(), min(end, m.end() + 40)):
                tense = FUTURE  # "police may arrest more suspects on Friday", "the storm could
                # hit the coast on Sunday" (not "may not", "could have been", nor a past ability:
                # "could reach the village only on Sunday", "could feel the earthquake")
        elif word in _FUTURE_WORDS or word.endswith("'ll"):
            tense = FUTURE
            if word == "expected" and previous in ("was", "were") and \
                    text[m.end():m.end() + 4] == " to " and " but " not in text[m.end():end]:
                pass  # "The storm was expected to make landfall on Saturday": still ahead
                # when told (not "was expected to resume on Monday but was delayed")
            elif word in _SCHEDULED and (previous in ("was", "were", "been", "had") or
                                         previous in _FORMERLY):
                tense = NEUTRAL  # "was due to expire Friday", "originally scheduled for
                # February 25", "the referendum was scheduled for 15 November": a plan told
                # in the past, the nearest such day
            elif word in _SCHEDULED and previous.endswith("ly") and \
                    before in ("was", "were", "been", "had"):
                tense = NEUTRAL  # "was tentatively scheduled for"
        elif word == "to":
            if previous in ("going", "set", "is", "are", "due", "about", "likely") and \
                    before not in ("was", "were", "been", "had"):
                tense = FUTURE
            elif previous in ("set", "due", "likely") and before in ("was", "were"):
                tense = NEUTRAL  # "schools were set to reopen on 25 November", "the election
                # was likely to take place on June 3": a plan told in the past, the nearest
                # such day
            elif _TO_BE_DONE.match(text, m.end()) and (
                    previous in ("elections", "talks", "polls", "votes") or
                    previous.isalpha() and previous not in _MARKER_WORDS and
                    not previous.endswith(("ed", "s"))):
                tense = FUTURE  # "announced elections to be held on March 5": still to come
        elif word in _IRREGULAR_PAST or len(word) > 4 and word.endswith("ed") and \
                word not in _NOT_PAST:
            if previous not in _NOT_FINITE_BEFORE or previous in ("has", "have", "had") or \
                    previous == "that" and word in _IRREGULAR_PAST:
                tense = PAST  # (also "the earthquake that struck ... on New Year's Day": a
                # relative clause, where "that" is no determiner)
        elif word in _N_PARTICIPLES:
            if previous not in _NOT_FINITE_BEFORE and previous not in ("has", "have", "had"):
                tense = PAST
        elif word in _PRESENT:
            tense = NEUTRAL
        elif word in _SCHEDULING and previous not in _NOT_FINITE_BEFORE:
            nxt = _WORD.match(text, m.end() + 1) if m.end() < end else None
            after = nxt.group().lower() if nxt is not None else ""
            if word != "takes" or after in _TAKEN:
                tense = FUTURE  # "who takes office on Monday", "the ceasefire expires on
                # Sunday": a timetable (not "takes aim")
        if previous in _MODALS and word in ("be", "have", "been"):
            tense = None
            if word == "have" and out and out[-1][2] == FUTURE:
                out[-1] = (out[-1][0], out[-1][1], PAST)  # "would have": past counterfactual
        if tense == FUTURE and previous in ("is", "are", "am") and out and \
                out[-1][2] == NEUTRAL and not text[out[-1][1]:m.start()].strip():
            out.pop()  # "are expected to review", "is due to": one future, no present
        if tense is not None:
            out.append((m.start(), m.end(), tense))
        previous, before = word, previous
    return out
