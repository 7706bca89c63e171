"""The bulk pipeline: `kg extract` (parallel, resumable shards) and `kg load` on both backends,
checked against what `kg ingest` stores for the same articles."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from bench.corpus import write_corpus
from kg.cli import main

ARTICLE_PREFIX = "http://127.0.0.1:8000/article/"


def _run(args, env=None):
    result = CliRunner().invoke(main, args, env=env or {}, catch_exceptions=False)
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    path = write_corpus(folder / "news.jsonl", 30, seed=3, annotated=True)
    bad = folder / "bad.jsonl"
    bad.write_text('{"title": "no text here"}\n{not json\n', "utf-8")
    return path, bad


@pytest.fixture(scope="module")
def shards(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("run") / "shards"
    code, output = _run(["extract", str(corpus[0]), str(corpus[1]), "--out", str(out),
                         "--workers", "2", "--chunk-size", "8"])
    assert code == 1, output  # two rejects
    assert "articles=30" in output and "rejects=2" in output
    return out


def _article_quads(quads) -> set[ox.Quad]:
    return {q for q in quads if isinstance(q.graph_name, ox.NamedNode)
            and q.graph_name.value.startswith(ARTICLE_PREFIX)}


def _ingested(corpus, tmp_path) -> set[ox.Quad]:
    """What the service's ingest stores for the corpus (the reference)."""
    import io

    from kg.bootstrap import build_service
    from kg.readers import read_batch
    from kg.settings import Settings

    kg = build_service(Settings(data_dir=tmp_path / "ingested"))
    for _, doc in read_batch(corpus[0].read_bytes(), "jsonl"):
        kg.ingest(doc)
    out = io.BytesIO()
    kg.store.dump(out, ox.RdfFormat.N_QUADS, all_graphs=True)
    kg.store.close()
    return _article_quads(ox.parse(out.getvalue(), format=ox.RdfFormat.N_QUADS))


def test_shards_and_reports(shards):
    reports = [json.loads(p.read_text("utf-8")) for p in sorted(shards.glob("chunk-*.json"))]
    assert [r["chunk"] for r in reports] == [0, 1, 2, 3]  # 32 inputs by 8
    assert sum(r["articles"] for r in reports) == 30
    rejects = [x for r in reports for x in r["rejects"]]
    assert [x["where"].rsplit("/", 1)[1] for x in rejects] == ["bad.jsonl:1", "bad.jsonl:2"]
    assert "text" in rejects[0]["reason"] and "malformed JSON" in rejects[1]["reason"]
    for r in reports:
        quads = list(ox.parse(path=str(shards / f"chunk-{r['chunk']:06d}.nq"),
                              format=ox.RdfFormat.N_QUADS))
        assert len(quads) == r["triples"]
        assert {q.graph_name.value for q in quads} == set(r["graphs"])
    assert not list(shards.glob(".*tmp"))


@pytest.mark.parametrize("backend", ["embedded", "remote"], indirect=True)
def test_load_gives_what_ingest_stores(shards, corpus, backend, tmp_path):
    env = {"KG_STORE": backend.store} if backend.store else {}
    code, output = _run(["load", str(shards), "--data", str(backend.data_dir)], env=env)
    assert code == 0, output
    assert "graphs=30" in output
    code, output = _run(["load", str(shards), "--data", str(backend.data_dir)], env=env)
    assert code == 0 and "replaced=30" in output  # loading again replaces, never duplicates
    out = tmp_path / "loaded.nq"
    code, output = _run(["dump", "--data", str(backend.data_dir), "--format", "nq", "-o",
                         str(out)], env=env)
    assert code == 0, output
    loaded = _article_quads(ox.parse(path=str(out), format=ox.RdfFormat.N_QUADS))
    assert loaded == _ingested(corpus, tmp_path)


def test_resume_redoes_only_unfinished_chunks(corpus, shards, tmp_path):
    out = tmp_path / "shards"
    args = ["extract", str(corpus[0]), "--out", str(out), "--workers", "1",
            "--chunk-size", "8"]
    _run(args)
    first = {p.name: p.read_bytes() for p in out.glob("chunk-*.nq")}
    (out / "chunk-000002.json").unlink()
    (out / ".chunk-000003.nq.tmp").write_bytes(b"half a shard")
    code, output = _run(args)
    assert code == 0, output
    assert "chunks=4 skipped=3" in output and "articles=30" in output
    assert {p.name: p.read_bytes() for p in out.glob("chunk-*.nq")} == first
    assert not (out / ".chunk-000003.nq.tmp").exists()
    code, output = _run(["extract", str(corpus[0]), "--out", str(out), "--chunk-size", "5"])
    assert code == 2 and "another --out" in output


def test_last_version_of_an_article_wins(tmp_path):
    """The same article in two chunks: the load keeps the later one, like two ingests."""
    docs = [json.loads(line) for line in
            write_corpus(tmp_path / "one.jsonl", 1, annotated=True).read_text().splitlines()]
    old = json.loads(json.dumps(docs[0]))
    old["events"][0]["label"] = "An earlier label"
    src = tmp_path / "twice.jsonl"
    src.write_text(json.dumps(old) + "\n" + json.dumps(docs[0]) + "\n", "utf-8")
    out, data = tmp_path / "shards", tmp_path / "data"
    assert _run(["extract", str(src), "--out", str(out), "--chunk-size", "1"])[0] == 0
    code, output = _run(["load", str(out), "--data", str(data)])
    assert code == 0 and "graphs=1" in output, output
    from kg.store.embedded import EmbeddedStore

    st = EmbeddedStore(data / "store")
    labels = {r["l"].value for r in st.query(
        "SELECT ?l WHERE { ?e a <https://w3id.org/timeline-kg/ontology#Event> ; "
        "<http://www.w3.org/2000/01/rdf-schema#label> ?l }")}
    st.close()
    assert labels == {docs[0]["events"][0]["label"]}


def test_load_refuses_shards_from_another_base_iri(shards, tmp_path):
    code, output = _run(["load", str(shards), "--data", str(tmp_path / "d")],
                        env={"KG_BASE_IRI": "https://elsewhere.example/"})
    assert code == 2 and "base IRI" in output


def test_post_load_loads_the_ontology_and_merges_once(shards, tmp_path, monkeypatch):
    """After the shards: the service is built over the store (ontology graphs present), and a
    service that merges duplicate events recomputes them once, with every shard loaded."""
    import kg.bootstrap
    from kg.bulk.load import load_shards
    from kg.namespaces import ONTOLOGY_IRI
    from kg.settings import Settings
    from kg.store.embedded import EmbeddedStore

    seen: list[int] = []
    real = kg.bootstrap.build_service

    class CountingMerger:
        """Records the store's article count when a merge runs (then runs the real one)."""

        def __init__(self, service, inner):
            self.service, self.inner = service, inner

        def merge_all(self):
            seen.append(self.service.stats()["articles"])
            return self.inner.merge_all() if self.inner is not None else None

    def build(settings, store=None):
        service = real(settings, store=store)
        service.merger = CountingMerger(service, getattr(service, "merger", None))
        return service

    monkeypatch.setattr(kg.bootstrap, "build_service", build)
    settings = Settings(data_dir=tmp_path / "d")
    st = EmbeddedStore(settings.store_path)
    result = load_shards(st, shards, settings)
    assert result.steps == ("ontology", "merge") and seen == [30]
    assert st.graph_exists(ONTOLOGY_IRI)
    st.close()


def test_library_load_into_a_remote_store_needs_no_data_folder(shards, oxigraph, tmp_path):
    from kg.bulk.load import load_shards
    from kg.settings import Settings
    from kg.store.remote import RemoteStore

    settings = Settings(data_dir=tmp_path / "not" / "yet", store=oxigraph.store_url)
    st = RemoteStore.from_settings(settings)
    result = load_shards(st, shards, settings)
    assert result.graphs == 30 and result.steps[0] == "ontology"
    assert (settings.data_dir / "state.json").is_file()
    st.close()


def test_raw_articles_are_analysed_in_the_workers(tmp_path):
    """Raw texts go through the extraction pipeline in the spawned workers; the shards hold
    what the service's own analyse + ingest stores."""
    import io

    from kg.bootstrap import build_service
    from kg.readers import read_batch
    from kg.settings import Settings

    src = write_corpus(tmp_path / "raw.jsonl", 6, seed=21)
    out = tmp_path / "shards"
    code, output = _run(["extract", str(src), "--out", str(out), "--workers", "2",
                         "--chunk-size", "3"])
    assert "articles=" in output, output
    stored = ox.Store()  # a store keeps typed literals in canonical form ("1.000" -> "1")
    for shard in out.glob("chunk-*.nq"):
        stored.load(path=str(shard), format=ox.RdfFormat.N_QUADS)
    shard_quads = set(stored)
    assert shard_quads, output
    kg = build_service(Settings(data_dir=tmp_path / "ingest"))
    for _, doc in read_batch(src.read_bytes(), "jsonl"):
        kg.ingest_document(doc)
    buf = io.BytesIO()
    kg.store.dump(buf, ox.RdfFormat.N_QUADS, all_graphs=True)
    kg.close()
    assert _article_quads(shard_quads) == _article_quads(
        ox.parse(buf.getvalue(), format=ox.RdfFormat.N_QUADS))
