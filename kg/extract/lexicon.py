"""The extraction lexicon: event triggers, cue words and demonyms from ``data/lexicon/``.

Loaded once per process (the files are part of the package and do not change at run time).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..model import EVENT_TYPES
from ..resources import data_dir
from .inflection import is_participle_or_gerund, phrase_forms, verb_forms

_CONDITION_KEYS = ("near", "after", "before", "not", "notafter", "notbefore", "parties",
                   "name")


@dataclass(frozen=True)
class Condition:
    """A test on the words around a trigger (see the header of ``triggers.tsv``)."""

    key: str
    alternatives: tuple[tuple[str, ...], ...]

    @property
    def stems(self) -> frozenset[str]:
        """The one-word alternatives."""
        return frozenset(a[0] for a in self.alternatives if len(a) == 1)

    @property
    def phrases(self) -> tuple[tuple[str, ...], ...]:
        """The alternatives of several words."""
        return tuple(a for a in self.alternatives if len(a) > 1)


@dataclass(frozen=True)
class TriggerEntry:
    type: str
    lemma: str
    pos: str  # v | n | x
    confidence: float
    conditions: tuple[Condition, ...]
    label: str
    line: int


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    forces: str
    capitals: tuple[str, ...] = ()


@dataclass
class Lexicon:
    """Everything the rules look up, indexed for matching on lower-cased words."""

    triggers: dict[str, list[tuple[tuple[str, ...], TriggerEntry, bool]]]
    cues: dict
    countries: dict[str, Country]  # by code
    demonyms: dict[str, Country]  # lower-cased demonym -> country
    country_names: dict[str, Country]  # lower-cased name -> country
    capitals: dict[str, Country]  # lower-cased seat of government -> country
    forces_labels: dict[str, Country]  # lower-cased name of armed forces -> country
    irregular: dict[str, tuple[str, str]]
    reporting: dict[str, str] = field(default_factory=dict)  # verb form -> lemma
    strong_claims: frozenset[str] = frozenset()
    titles: frozenset[tuple[str, ...]] = frozenset()
    title_words: frozenset[str] = frozenset()  # every word of a title ("defence", "minister")
    max_title_words: int = 3
    common_words: frozenset[str] = frozenset()
    calendar: frozenset[str] = frozenset()

    def words(self, *path: str) -> frozenset[str]:
        """A cue list from ``cues.json`` as a set (cached)."""
        cached = self._sets.get(path)
        if cached is None:
            node = self.cues
            for p in path:
                node = node[p]
            cached = self._sets[path] = frozenset(node)
        return cached

    def union(self, *paths: tuple[str, ...]) -> frozenset[str]:
        """Several cue lists as one set (cached)."""
        key = ("union", *paths)
        cached = self._sets.get(key)
        if cached is None:
            cached = self._sets[key] = frozenset().union(*(self.words(*p) for p in paths))
        return cached

    def phrases(self, *path: str) -> tuple[tuple[str, ...], ...]:
        """A cue list as word tuples, longest first (cached)."""
        key = ("phrases", *path)
        cached = self._sets.get(key)
        if cached is None:
            cached = tuple(sorted((tuple(w.split()) for w in self.words(*path)),
                                  key=lambda t: (-len(t), t)))
            self._sets[key] = cached
        return cached

    def phrase_set(self, *path: str) -> frozenset[tuple[str, ...]]:
        """A cue list as a set of word tuples (cached)."""
        key = ("phrase_set", *path)
        cached = self._sets.get(key)
        if cached is None:
            cached = self._sets[key] = frozenset(self.phrases(*path))
        return cached

    def phrase_index(self, *path: str) -> dict[str, tuple[tuple[str, ...], ...]]:
        """A cue list as word tuples grouped by their first word, longest first (cached)."""
        key = ("index", *path)
        cached = self._sets.get(key)
        if cached is None:
            index: dict[str, list[tuple[str, ...]]] = {}
            for p in self.phrases(*path):
                index.setdefault(p[0], []).append(p)
            cached = self._sets[key] = {k: tuple(v) for k, v in index.items()}
        return cached

    _sets: dict = field(default_factory=dict)

    def reporting_lemma(self, word: str) -> str | None:
        return self.reporting.get(word.lower())

    def pos_ambiguous(self, form: tuple[str, ...]) -> bool:
        """The form is both a noun and a verb trigger ("attack", "shelling")."""
        found = self._ambiguous
        if found is None:
            pos: dict[tuple[str, ...], set[str]] = {}
            for items in self.triggers.values():
                for f, e, _ in items:
                    pos.setdefault(f, set()).add(e.pos)
            found = self._ambiguous = frozenset(f for f, p in pos.items()
                                                if len(p - {"x"}) > 1)
        return form in found

    _ambiguous: frozenset | None = None


def _parse_conditions(text: str, where: str) -> tuple[Condition, ...]:
    if text == "-":
        return ()
    out = []
    for part in text.split(";"):
        key, _, alts = part.partition("=")
        if key not in _CONDITION_KEYS or not alts:
            raise ValueError(f"{where}: bad condition {part!r}")
        out.append(Condition(key, tuple(tuple(a.split()) for a in alts.split("|"))))
    return tuple(out)


def _read_rows(path: Path) -> list[tuple[int, list[str]]]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append((n, line.rstrip("\n").split("\t")))
    return rows


def _load_irregular(path: Path) -> dict[str, tuple[str, str]]:
    out = {}
    for n, cols in _read_rows(path):
        if len(cols) != 3:
            raise ValueError(f"{path.name}:{n}: expected 3 columns")
        out[cols[0]] = (cols[1], cols[2])
    return out


def _load_triggers(path: Path, irregular: dict[str, tuple[str, str]]
                   ) -> dict[str, list[tuple[tuple[str, ...], TriggerEntry, bool]]]:
    index: dict[str, list[tuple[tuple[str, ...], TriggerEntry, bool]]] = {}
    for n, cols in _read_rows(path):
        where = f"{path.name}:{n}"
        if len(cols) != 6:
            raise ValueError(f"{where}: expected 6 tab-separated columns, got {len(cols)}")
        etype, lemma, pos, conf, cond, label = cols
        if etype not in EVENT_TYPES:
            raise ValueError(f"{where}: unknown event type {etype!r}")
        if pos not in ("v", "n", "x"):
            raise ValueError(f"{where}: pos must be v, n or x")
        entry = TriggerEntry(etype, lemma, pos, float(conf), _parse_conditions(cond, where),
                             label, n)
        base = lemma.lower().split()
        for form in sorted(phrase_forms(lemma, pos, irregular)):
            participle = pos == "v" and is_participle_or_gerund(form[0], base[0], irregular)
            index.setdefault(form[0], []).append((form, entry, participle))
    for items in index.values():
        items.sort(key=lambda it: (-len(it[0]), it[1].line))
    return index


def _load_demonyms(path: Path) -> tuple[dict[str, Country], ...]:
    by_code, by_demonym, by_name, by_capital = {}, {}, {}, {}
    for n, cols in _read_rows(path):
        if len(cols) != 5:
            raise ValueError(f"{path.name}:{n}: expected 5 columns")
        code, names, demonyms, forces, capitals = cols
        name, *others = (n.strip() for n in names.split(","))
        caps = tuple(c.strip() for c in capitals.split(",")) if capitals != "-" else ()
        country = Country(code, name, forces if forces != "-" else f"Armed Forces of {name}",
                          caps)
        by_code[code] = country
        for spelling in (name, *others):
            by_name[spelling.lower()] = country
        for d in demonyms.split(",") if demonyms != "-" else ():
            by_demonym[d.strip().lower()] = country
        for c in caps:
            by_capital[c.lower()] = country
    return by_code, by_demonym, by_name, by_capital


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The shipped lexicon (cached)."""
    folder = data_dir() / "lexicon"
    irregular = _load_irregular(folder / "irregular_verbs.tsv")
    triggers = _load_triggers(folder / "triggers.tsv", irregular)
    cues = json.loads((folder / "cues.json").read_text(encoding="utf-8"))
    countries, demonyms, names, capitals = _load_demonyms(folder / "demonyms.tsv")
    reporting: dict[str, str] = {}
    rv = cues["reporting_verbs"]
    for lemma in rv["claim_strong"] + rv["claim"]:
        words = lemma.split()
        if len(words) > 1:
            continue
        for form in verb_forms(words[0], irregular):
            reporting.setdefault(form, lemma)
    titles = frozenset(tuple(t.split()) for t in cues["titles"]["words"])
    common = frozenset(w.strip() for w in (folder / "common_words.txt").read_text(
        encoding="utf-8").splitlines() if w.strip() and not w.startswith("#"))
    return Lexicon(triggers=triggers, cues=cues, countries=countries, demonyms=demonyms,
                   country_names=names, capitals=capitals,
                   forces_labels={c.forces.lower(): c for c in countries.values()},
                   irregular=irregular, reporting=reporting,
                   strong_claims=frozenset(rv["claim_strong"]), titles=titles,
                   title_words=frozenset(w for t in titles for w in t),
                   max_title_words=max(len(t) for t in titles), common_words=common,
                   calendar=frozenset(cues["calendar"]))
