"""``kg load``: the shards of a ``kg extract`` run into the store, then the post-load steps.

Loading replaces: an article graph already in the store is dropped before its new version is
loaded, and when several shards hold the same article the last one wins (as repeated ingests
would). The embedded store loads with pyoxigraph's ``bulk_load`` (no transaction: a failed
load can leave part of a shard, so rerun it); a remote store gets one request per shard (see
:meth:`RemoteStore.load_dataset`).
"""

from __future__ import annotations

import io
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from ..errors import InvalidInput
from ..settings import Settings
from ..store.base import Store
from ..store.embedded import EmbeddedStore

log = logging.getLogger(__name__)

@dataclass
class LoadResult:
    shards: int = 0
    graphs: int = 0
    triples: int = 0
    replaced: int = 0
    seconds: float = 0.0  # loading the shards
    post_seconds: float = 0.0  # the post-load steps
    steps: tuple[str, ...] = ()

    def summary(self) -> str:
        rate = self.triples / self.seconds if self.seconds else 0.0
        return (f"shards={self.shards} graphs={self.graphs} triples={self.triples} "
                f"replaced={self.replaced} seconds={self.seconds:.1f} "
                f"triples_per_s={rate:.0f} post_load={','.join(self.steps) or '-'} "
                f"post_load_seconds={self.post_seconds:.1f}")


def finished_shards(folder: Path) -> list[tuple[Path, dict]]:
    """``(shard, report)`` for every finished chunk of a run, in chunk order."""
    if not folder.is_dir():
        raise InvalidInput(f"no such folder: {folder}")
    out = []
    for report_path in sorted(folder.glob("chunk-*.json")):
        shard = report_path.with_suffix(".nq")
        if not shard.is_file():
            continue
        try:
            report = json.loads(report_path.read_text("utf-8"))
        except ValueError:
            raise InvalidInput(f"{report_path} is not a readable report") from None
        out.append((shard, report))
    if not out:
        raise InvalidInput(f"{folder} holds no finished shards (run `kg extract` first)")
    return out


def load_shards(store: Store, folder: Path, settings: Settings,
                progress: Callable[[Path], None] | None = None) -> LoadResult:
    """Load every finished shard of ``folder`` into ``store`` and run the post-load steps."""
    shards = finished_shards(folder)
    for _, report in shards:
        if report.get("base_iri") != settings.base_iri:
            raise InvalidInput(f"the shards were minted under {report.get('base_iri')!r} but "
                               f"this store serves {settings.base_iri!r} (KG_BASE_IRI); "
                               "extract again with the same base IRI")
    last: dict[str, int] = {}
    for i, (_, report) in enumerate(shards):
        for g in report.get("graphs", []):
            last[g] = i
    result = LoadResult()
    started = time.perf_counter()
    result.replaced = _drop_existing(store, list(last))
    whole: list[Path] = []  # shards with no article superseded by a later shard
    for i, (shard, report) in enumerate(shards):
        superseded = {g for g in report.get("graphs", []) if last[g] != i}
        keep = [g for g in report.get("graphs", []) if g not in superseded]
        result.shards += 1
        result.graphs += len(keep)
        if isinstance(store, EmbeddedStore) and not superseded:
            whole.append(shard)
            continue
        _load_one(store, shard, keep, superseded)
        if progress is not None:
            progress(shard)
    if whole:
        # One bulk load over all the shards in a row (N-Quads files concatenate): a single
        # pass of pyoxigraph's loader, as `oxigraph load` does, instead of one per shard.
        with io.BufferedReader(_Concatenated(whole, progress), buffer_size=1 << 20) as data:
            store.raw.bulk_load(input=data, format=ox.RdfFormat.N_QUADS)
    store.flush()
    result.seconds = time.perf_counter() - started
    started = time.perf_counter()
    result.steps = tuple(_post_load(store, settings))
    store.flush()
    result.post_seconds = time.perf_counter() - started
    result.triples = len(store)
    return result


class _Concatenated(io.RawIOBase):
    """Several files read as one."""

    def __init__(self, paths: list[Path], progress: Callable[[Path], None] | None = None):
        self._paths = list(paths)
        self._current = None
        self._progress = progress

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while True:
            if self._current is None:
                if not self._paths:
                    return 0
                path = self._paths.pop(0)
                self._current = open(path, "rb")
                if self._progress is not None:
                    self._progress(path)
            n = self._current.readinto(buffer)
            if n:
                return n
            self._current.close()
            self._current = None

    def close(self) -> None:
        if self._current is not None:
            self._current.close()
            self._current = None
        super().close()


def _drop_existing(store: Store, graphs: list[str]) -> int:
    """Drop the graphs about to be loaded that the store already holds; how many."""
    existing = _existing(store, graphs)
    for i in range(0, len(existing), 1000):
        store.replace_graphs({}, drop=existing[i:i + 1000])
    return len(existing)


def _existing(store: Store, graphs: list[str]) -> list[str]:
    if isinstance(store, EmbeddedStore):
        return [g for g in graphs if store.raw.contains_named_graph(ox.NamedNode(g))]
    wanted = set(graphs)
    return [g for g in store.named_graphs() if g in wanted]


def _load_one(store: Store, shard: Path, graphs: list[str], superseded: set[str]) -> None:
    from ..store.remote import RemoteStore

    if superseded:
        quads = [q for q in ox.parse(path=str(shard), format=ox.RdfFormat.N_QUADS)
                 if q.graph_name.value not in superseded]
    if isinstance(store, EmbeddedStore):
        if superseded:
            store.raw.bulk_extend(quads)
        else:
            store.raw.bulk_load(path=str(shard), format=ox.RdfFormat.N_QUADS)
        return
    if isinstance(store, RemoteStore):
        if superseded:
            store.load_dataset(io.BytesIO(ox.serialize(quads, format=ox.RdfFormat.N_QUADS)),
                               graphs)
        else:
            with open(shard, "rb") as fh:
                store.load_dataset(fh, graphs)
        return
    by_graph: dict[str, list[ox.Triple]] = {}
    for q in (quads if superseded else ox.parse(path=str(shard),
                                                format=ox.RdfFormat.N_QUADS)):
        by_graph.setdefault(q.graph_name.value, []).append(q.triple)
    store.replace_graphs(by_graph)


def _post_load(store: Store, settings: Settings) -> list[str]:
    """What the service does to a store it opens, then the steps for after a bulk load: the
    ontology and shapes graphs are (re)loaded, and when the service merges duplicate events
    across articles (``service.merger``), every canonical event is recomputed. Returns the
    names of the steps that ran."""
    from ..bootstrap import build_service

    settings.data_dir.mkdir(parents=True, exist_ok=True)  # the service keeps its state there
    service = build_service(settings, store=store)
    ran = ["ontology"]
    merger = getattr(service, "merger", None)
    if merger is not None:
        merger.merge_all()
        ran.append("merge")
    return ran
