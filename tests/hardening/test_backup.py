"""Backup and restore (`kg backup`, `kg restore`) and dump and load (`kg dump`, `kg restore-dump`)
each give back the store exactly: the same graphs, each isomorphic to the original."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.bootstrap import build_service
from kg.cli import main
from kg.settings import Settings
from kg.store.embedded import EmbeddedStore
from tests.fixtures.articles import storm_article

BLANKS = """
@prefix ex: <http://example.org/> .
ex:report ex:author [ ex:name "A. Writer" ; ex:knows [ ex:name "B. Reader" ] ] ;
          ex:tags ( "one" "two" [ ex:deep "three" ] ) ;
          ex:note "multi\\nline \\"quoted\\" note"@en ,
                  "3.14"^^<http://www.w3.org/2001/XMLSchema#decimal> .
"""


def _populate(data_dir) -> None:
    from kg.model import AnalysedArticle

    with build_service(Settings(data_dir=data_dir)) as kg:
        for i, title in enumerate(["Storm batters port city", "Second storm", "Third storm"]):
            doc = storm_article(title=title, url=f"https://news.example/storm-{i}")
            kg.ingest(AnalysedArticle.from_dict(doc))
        triples = [q.triple for q in ox.parse(BLANKS.encode(), format=ox.RdfFormat.TURTLE)]
        kg.store.replace_graphs({"http://example.org/graph/blanks": triples})
        kg.store.replace_graphs({None: triples[:3]})


def graphs(data_dir) -> dict[str | None, frozenset]:
    """Every graph of the store under ``data_dir`` in canonical form (blank nodes relabelled
    by RDF canonicalization, so that isomorphic graphs compare equal); None: default graph."""
    store = EmbeddedStore.open_read_only(data_dir / "store")
    per_graph: dict[str | None, ox.Dataset] = {}
    try:
        for quad in store.raw.quads_for_pattern(None, None, None, None):
            name = None if quad.graph_name == ox.DefaultGraph() else quad.graph_name.value
            per_graph.setdefault(name, ox.Dataset()).add(
                ox.Quad(quad.subject, quad.predicate, quad.object))
    finally:
        store.close()
    out = {}
    for name, dataset in per_graph.items():
        dataset.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
        out[name] = frozenset(str(q) for q in dataset)
    return out


def assert_same_store(a, b) -> None:
    """Same graph names, each graph isomorphic to its counterpart."""
    ga, gb = graphs(a), graphs(b)
    assert sorted(ga, key=str) == sorted(gb, key=str)
    for name in ga:
        assert ga[name] == gb[name], name


def run(*args: str, code: int = 0) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == code, result.output
    return result.output


@pytest.fixture
def populated(tmp_path):
    data = tmp_path / "data"
    _populate(data)
    return data


def test_backup_then_restore_round_trips(populated, tmp_path):
    out = run("backup", "--data", str(populated), str(tmp_path / "backup"))
    assert "backed up" in out
    assert sorted(p.name for p in (tmp_path / "backup").iterdir()) == [
        "backup.json", "state.json", "store"]
    fresh = tmp_path / "fresh"
    run("restore", "--data", str(fresh), str(tmp_path / "backup"))
    assert_same_store(populated, fresh)
    assert len(graphs(fresh)) >= 6  # ontology, shapes, three articles, blanks, default
    # the restored store serves: a service opens it and sees the articles
    with build_service(Settings(data_dir=fresh)) as kg:
        assert kg.stats()["articles"] == 3


def test_restore_refuses_a_store_with_data(populated, tmp_path):
    run("backup", "--data", str(populated), str(tmp_path / "backup"))
    other = tmp_path / "other"
    with build_service(Settings(data_dir=other)) as kg:
        kg.store.replace_graphs({"http://example.org/graph/mine": [ox.Triple(
            ox.NamedNode("http://example.org/a"), ox.NamedNode("http://example.org/b"),
            ox.Literal("mine"))]})
    before = graphs(other)
    out = run("restore", "--data", str(other), str(tmp_path / "backup"), code=2)
    assert "--force" in out
    assert graphs(other) == before
    run("restore", "--force", "--data", str(other), str(tmp_path / "backup"))
    assert_same_store(populated, other)
    assert "http://example.org/graph/mine" not in graphs(other)
    assert not [p for p in other.iterdir() if p.name.startswith(".")]  # no leftovers


def test_backup_refuses_an_existing_folder_and_a_store_in_use(populated, tmp_path):
    target = tmp_path / "taken"
    target.mkdir()
    (target / "file").write_text("x")
    assert "not an empty folder" in run("backup", "--data", str(populated), str(target),
                                        code=2)
    with build_service(Settings(data_dir=populated)):
        out = run("backup", "--data", str(populated), str(tmp_path / "b2"), code=2)
        assert "could not be opened" in out
    assert not (tmp_path / "b2").exists()
    assert not [p for p in tmp_path.iterdir() if ".partial-" in p.name]


def test_damaged_backups_are_refused(populated, tmp_path):
    backup = tmp_path / "backup"
    run("backup", "--data", str(populated), str(backup))
    manifest = (backup / "backup.json").read_text()
    (backup / "backup.json").write_text(manifest.replace('"triples": ', '"triples": 1'))
    fresh = tmp_path / "fresh"
    assert "damaged" in run("restore", "--data", str(fresh), str(backup), code=2)
    assert not (fresh / "store").exists()
    assert "not a timeline-kg backup" in run("restore", "--data", str(fresh),
                                             str(tmp_path), code=2)


@pytest.mark.parametrize("fmt", ["nq", "trig"])
def test_dump_then_load_round_trips(populated, tmp_path, fmt):
    dump = tmp_path / f"dump.{fmt}"
    run("dump", "--data", str(populated), "--format", fmt, "-o", str(dump))
    fresh = tmp_path / "fresh"
    assert "loaded" in run("restore-dump", "--data", str(fresh), str(dump))
    assert_same_store(populated, fresh)
    # a second load into the now non-empty store needs --force, and then replaces it
    assert "--force" in run("restore-dump", "--data", str(fresh), str(dump), code=2)
    run("restore-dump", "--force", "--data", str(fresh), str(dump))
    assert_same_store(populated, fresh)


def test_a_bad_dump_changes_nothing(populated, tmp_path):
    dump = tmp_path / "dump.nq"
    run("dump", "--data", str(populated), "--format", "nq", "-o", str(dump))
    broken = tmp_path / "broken.nq"
    broken.write_bytes(dump.read_bytes() + b"<http://example.org/a> <oops\n")
    before = graphs(populated)
    assert "could not be parsed" in run("restore-dump", "--force", "--data", str(populated),
                                        str(broken), code=2)
    assert graphs(populated) == before
    (tmp_path / "dump.ttl").write_text("<http://example.org/a> <http://example.org/b> 1 .")
    assert "--format nq" in run("restore-dump", "--data", str(tmp_path / "x"),
                                str(tmp_path / "dump.ttl"), code=2)
    out = run("restore-dump", "--data", str(tmp_path / "x"), str(tmp_path / "missing.nq"), code=2)
    assert "no such file" in out
