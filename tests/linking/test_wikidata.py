"""The opt-in Wikidata client against a local server, and the linker's offline fallback."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import ConfigError
from kg.linking import Catalog, Linker, MentionToLink, WikidataClient, WikidataUnavailable

from .catalog_data import KHARKIV, wd_entity
from .wikidata_server import FakeWikidata, closed_port_url, serve

ONLINE_TOWN, ONLINE_PERSON, ONLINE_FILM = "Q900000801", "Q900000802", "Q900000803"


def fake() -> FakeWikidata:
    return FakeWikidata([
        wd_entity(ONLINE_TOWN, "Onlinetown", ["Q515"], aliases=["Online Town"],
                  description="a synthetic town", sitelinks=5,
                  claims={"P625": [(48.5, 35.0)], "P17": ["Q900000100"]}),
        wd_entity(ONLINE_PERSON, "Onlinetown Mayor", ["Q5"]),
        wd_entity(ONLINE_FILM, "Onlinetown Story", ["Q11424"]),
    ])


def client(url: str, tmp_path: Path | None = None, **kw) -> WikidataClient:
    sleeps: list[float] = []
    c = WikidataClient(url, user_agent="kg-tests/1.0 (test suite)", timeout=2.0,
                       min_interval=kw.pop("min_interval", 0.0), retries=kw.pop("retries", 2),
                       backoff=0.0,
                       cache_dir=None if tmp_path is None else tmp_path / "cache",
                       sleep=sleeps.append, **kw)
    c.sleeps = sleeps  # type: ignore[attr-defined]
    return c


def test_search_and_get_entities() -> None:
    with serve(fake()) as server:
        c = client(server.url)
        hits = c.search("Onlinetown")
        assert [h["id"] for h in hits] == [ONLINE_TOWN, ONLINE_PERSON, ONLINE_FILM]
        entities = c.get_entities([ONLINE_TOWN, "Q900000899", "not-a-qid"])
        assert list(entities) == [ONLINE_TOWN]  # the missing item is left out
        first = server.requests[0]
        assert first["action"] == "wbsearchentities" and first["format"] == "json"
        assert first["maxlag"] == "5" and first["type"] == "item"
        assert server.requests[1]["props"] == "labels|aliases|descriptions|claims|sitelinks"
        assert server.user_agents == ["kg-tests/1.0 (test suite)"] * 2


def test_candidates_keep_configured_classes() -> None:
    with serve(fake()) as server:
        entries = client(server.url).candidates("Onlinetown")
        assert [(e.qid, e.kind) for e in entries] == [(ONLINE_TOWN, "place"),
                                                      (ONLINE_PERSON, "person")]
        town = entries[0]
        assert (town.lat, town.lon, town.sitelinks, town.sources) == (
            48.5, 35.0, 5, ("wikidata-api",))


def test_retries_server_errors_and_maxlag() -> None:
    with serve(fake()) as server:
        server.fail_next = [503, "maxlag"]
        c = client(server.url, retries=2)
        assert c.search("Onlinetown")
        assert len(server.requests) == 3
        server.fail_next = [503, 503, 503]
        with pytest.raises(WikidataUnavailable):
            c.search("Online Town")
        assert len(server.requests) == 6


def test_backoff_grows_exponentially() -> None:
    with serve(fake()) as server:
        server.fail_next = [500, 502, 504]
        c = WikidataClient(server.url, timeout=2.0, min_interval=0.0, retries=3, backoff=0.5,
                           sleep=(sleeps := []).append)
        c.search("Onlinetown")
        assert [s for s in sleeps if s > 0] == [0.5, 1.0, 2.0]


def test_client_errors_are_not_retried() -> None:
    with serve(fake()) as server:
        server.fail_next = [404]
        with pytest.raises(WikidataUnavailable):
            client(server.url).search("Onlinetown")
        assert len(server.requests) == 1
        with pytest.raises(WikidataUnavailable):
            client(server.url)._get({"action": "nonsense"})


def test_a_non_json_answer_is_retried() -> None:
    with serve(fake()) as server:
        server.fail_next = ["html"]
        assert client(server.url).search("Onlinetown")
        assert len(server.requests) == 2


def test_timeout() -> None:
    with serve(fake()) as server:
        server.fail_next = ["slow", "slow"]
        server.delay = 1.0
        c = WikidataClient(server.url, timeout=0.2, min_interval=0.0, retries=1, backoff=0.0)
        with pytest.raises(WikidataUnavailable, match="attempts"):
            c.search("Onlinetown")


def test_rate_limit_waits_between_requests() -> None:
    with serve(fake()) as server:
        c = client(server.url, min_interval=60.0)
        c.search("Onlinetown")
        c.search("Online Town")
        assert len(c.sleeps) == 1 and 0 < c.sleeps[0] <= 60.0


def test_answers_are_cached_on_disk(tmp_path: Path) -> None:
    with serve(fake()) as server:
        first = client(server.url, tmp_path).search("Onlinetown")
        again = client(server.url, tmp_path).search("Onlinetown")  # a new client, same cache
        assert first == again and len(server.requests) == 1
        assert len(list((tmp_path / "cache").glob("*.json"))) == 1


def test_server_down() -> None:
    c = client(closed_port_url(), retries=1)
    with pytest.raises(WikidataUnavailable, match="network error"):
        c.search("Onlinetown")


def test_bad_configuration() -> None:
    with pytest.raises(ConfigError):
        WikidataClient("ftp://example.org/api.php")
    with pytest.raises(ConfigError):
        WikidataClient("https://example.org/w/api.php", user_agent=" ")


# -- the linker online ----------------------------------------------------------------------

def link(linker: Linker, surface: str, kind: str):
    return linker.link([MentionToLink(surface, kind, 0, len(surface))])[0]


def test_linker_asks_online_only_for_unknown_names(catalog: Catalog) -> None:
    with serve(fake()) as server:
        linker = Linker(catalog, threshold=0.75, online=client(server.url))
        d = link(linker, "Kharkiv", "place")
        assert d.entry.qid == KHARKIV and server.requests == []
        d = link(linker, "Onlinetown", "place")
        assert d.entry is not None and d.entry.qid == ONLINE_TOWN
        assert (d.info.status, d.info.method, d.info.source) == (
            "linked", "wikidata-search", "wikidata")
        d = link(linker, "Onlinetown Story", "place")  # a film: not a candidate
        assert d.info.status == "unlinked"


def test_linker_falls_back_offline_when_the_service_is_down(catalog: Catalog) -> None:
    linker = Linker(catalog, threshold=0.75, online=client(closed_port_url(), retries=1))
    d = link(linker, "Onlinetown", "place")
    assert d.entry is None and d.info.status == "unlinked"
    assert d.info.method == "catalog-alias+offline-fallback"
    assert d.warnings and "could not be reached" in d.warnings[0]
    assert link(linker, "Kharkiv", "place").entry.qid == KHARKIV  # offline still links
