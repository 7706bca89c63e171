"""``kg extract``: analysis, mapping and validation of many articles in parallel processes.

Each chunk of inputs becomes ``chunk-NNNNNN.nq`` (one named graph per article, exactly the
graphs ``kg ingest`` would store) and ``chunk-NNNNNN.json`` (counts and every reject with its
reason). Both are written under temporary names and renamed when complete, the report last, so
a chunk whose report exists is finished and a rerun skips it. Workers are started with
``spawn`` (safe on every platform and with threads in the parent).
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from ..errors import InvalidInput, KGError
from ..settings import Settings
from .chunks import Unit, check_manifest, chunks, input_files, shard_name

log = logging.getLogger(__name__)

_KG = None  # the worker's validation-only service, built once per process


@dataclass
class Totals:
    chunks: int = 0
    skipped: int = 0
    articles: int = 0
    events: int = 0
    triples: int = 0
    rejects: int = 0
    seconds: float = 0.0
    fresh_articles: int = 0  # extracted in this run (not in chunks kept from an earlier run)
    reject_samples: list[str] = field(default_factory=list)

    def add(self, report: dict[str, Any], fresh: bool = True) -> None:
        self.chunks += 1
        if fresh:
            self.fresh_articles += report["articles"]
        else:
            self.skipped += 1
        self.articles += report["articles"]
        self.events += report["events"]
        self.triples += report["triples"]
        self.rejects += len(report["rejects"])
        for r in report["rejects"][: max(0, 10 - len(self.reject_samples))]:
            self.reject_samples.append(f"{r['where']}: {r['reason']}")

    def summary(self) -> str:
        rate = self.fresh_articles / self.seconds if self.seconds else 0.0
        return (f"chunks={self.chunks} skipped={self.skipped} articles={self.articles} "
                f"events={self.events} triples={self.triples} rejects={self.rejects} "
                f"seconds={self.seconds:.1f} articles_per_s={rate:.1f}")


def _init_worker(settings: Settings) -> None:
    global _KG
    from ..bootstrap import build_validation_only

    logging.basicConfig(level=logging.WARNING)
    _KG = build_validation_only(settings)


def _documents(unit: Unit):
    """``(where, document or error)`` for every article in a unit."""
    from ..readers import document_from_json, read_batch

    if unit.fmt == "jsonl-record":
        try:
            item = json.loads(unit.data)
        except (ValueError, UnicodeDecodeError) as exc:
            yield unit.where, InvalidInput(f"malformed JSON: {getattr(exc, 'msg', 'bad bytes')}")
            return
        try:
            yield unit.where, document_from_json(item, {}, where=None)
        except InvalidInput as exc:
            yield unit.where, exc
        return
    yield from read_batch(unit.data, unit.fmt, name=unit.where)


def process_chunk(index: int, batch: list[Unit], out: str) -> dict[str, Any]:
    """Analyse, map and validate one chunk; write its shard and report; return the report."""
    kg = _KG
    started = time.perf_counter()
    graphs: dict[str, list[str]] = {}
    report: dict[str, Any] = {"chunk": index, "units": len(batch), "articles": 0, "events": 0,
                              "triples": 0, "replaced": 0, "rejects": [],
                              "base_iri": kg.settings.base_iri}
    events: dict[str, int] = {}
    for where, item in (pair for unit in batch for pair in _documents(unit)):
        try:
            if isinstance(item, KGError):
                raise item
            doc = item if item.annotated else kg.analyse(item.article)
            graph, validation = kg.build_graph(doc)
        except KGError as exc:
            report["rejects"].append({"where": where, "reason": exc.message if exc.client_fault
                                      else exc.public_message})
            continue
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop the run
            log.exception("unexpected error on %s", where)
            report["rejects"].append({"where": where,
                                      "reason": f"internal error ({type(exc).__name__})"})
            continue
        if not validation.conforms:
            report["rejects"].append({
                "where": where, "reason": "does not conform to the shapes",
                "errors": [f"{r['message']} [{r['focus_node']} {r['path'] or ''}]"
                           for r in validation.results[:10]]})
            continue
        iri = kg.iris.article(doc.article.id)
        if iri in graphs:
            report["replaced"] += 1  # a later version of the same article wins, as in ingest
        graphs[iri] = _nquads(graph.lines, iri)
        events[iri] = len(doc.events)
    report["articles"] = len(graphs)
    report["events"] = sum(events.values())
    report["triples"] = sum(len(lines) for lines in graphs.values())
    report["graphs"] = list(graphs)
    report["seconds"] = round(time.perf_counter() - started, 3)
    base = Path(out) / shard_name(index)
    shard_tmp = base.with_name(f".{base.name}.nq.tmp")
    with open(shard_tmp, "w", encoding="utf-8", newline="\n") as fh:
        for lines in graphs.values():
            fh.write("\n".join(lines))
            fh.write("\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(shard_tmp, base.with_suffix(".nq"))
    report_tmp = base.with_name(f".{base.name}.json.tmp")
    report_tmp.write_text(json.dumps(report, ensure_ascii=False, indent=1), "utf-8")
    os.replace(report_tmp, base.with_suffix(".json"))
    return report


def _nquads(ntriples: list[str], graph: str) -> list[str]:
    """The mapping's N-Triples statements (one per line, each ending in `` .``) as N-Quads in
    ``graph``: the exact statements the service stores for the article."""
    name = str(ox.NamedNode(graph))  # validated, so it cannot break the line
    return [f"{line[:-1]}{name} ." for line in ntriples]


def _read_report(out: Path, index: int) -> dict[str, Any]:
    return json.loads((out / shard_name(index)).with_suffix(".json").read_text("utf-8"))


def is_done(out: Path, index: int) -> bool:
    base = out / shard_name(index)
    return base.with_suffix(".json").is_file() and base.with_suffix(".nq").is_file()


def run_extract(settings: Settings, inputs: list[str] | tuple[str, ...], out: Path, *,
                workers: int = 2, chunk_size: int = 500,
                progress: Callable[[dict[str, Any]], None] | None = None) -> Totals:
    """Run (or resume) a bulk extraction into ``out``."""
    if workers < 1 or chunk_size < 1:
        raise InvalidInput("--workers and --chunk-size must be at least 1")
    files = input_files(list(inputs))
    check_manifest(out, files, chunk_size, settings.base_iri)
    for stale in out.glob(".chunk-*.tmp"):
        stale.unlink()
    totals = Totals()
    started = time.perf_counter()
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_worker,
                             initargs=(settings,)) as pool:
        pending = set()
        for index, batch in chunks(files, chunk_size):
            if is_done(out, index):
                totals.add(_read_report(out, index), fresh=False)
                continue
            pending.add(pool.submit(process_chunk, index, batch, str(out)))
            if len(pending) >= 2 * workers:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                _collect(done, totals, progress)
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            _collect(done, totals, progress)
    totals.seconds = time.perf_counter() - started
    return totals


def _collect(done, totals: Totals, progress) -> None:
    for future in done:
        report = future.result()
        totals.add(report)
        if progress is not None:
            progress(report)
