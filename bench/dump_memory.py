"""Benchmark: the server's memory while it streams dumps of stores of growing size.

    python bench/dump_memory.py                          # 50k, 200k and 800k triples
    python bench/dump_memory.py --sizes 20000 80000      # a quicker check

For each size a store of synthetic triples (spread over named graphs, some triples repeated in
several graphs) is built on disk, a real server (waitress, as ``kg serve`` runs it) is started
on it in a child process, and ``/dump`` is downloaded in every format, plain and gzip: once to
warm up (caches, allocator arenas, waitress's output buffers settle), then again after the
child's peak RSS is reset (``/proc/<pid>/clear_refs``). The baseline is the smallest store; the
printed ratios compare the largest store with it: the data ratio against the ratio of the memory
the dumps needed (peak RSS while dumping minus the warm RSS before) and of the peak RSS itself.
Streaming keeps the first near 1 while the data grows; the warm RSS itself grows with the store
(the storage engine's block cache, up to its cap), dumps or not. Linux only (reads /proc).
"""

from __future__ import annotations

import argparse
import http.client
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pyoxigraph as ox  # noqa: E402

FORMATS = ["nt", "nq", "ttl", "trig", "jsonld", "rdf"]
SERVER = """
import sys, waitress
from kg.settings import Settings
from kg.web import create_app
app = create_app(Settings(data_dir=sys.argv[1], port=int(sys.argv[2]), log_level="WARNING"))
waitress.serve(app, host="127.0.0.1", port=int(sys.argv[2]), threads=2, _quiet=True)
"""


def build_store(path: Path, n: int, graphs: int = 200) -> None:
    """``n`` synthetic triples over ``graphs`` named graphs; every tenth is also in a shared
    graph (so the union of the graphs has duplicates to merge)."""
    ex = "http://bench.example/"
    p_label, p_value = ox.NamedNode(ex + "label"), ox.NamedNode(ex + "value")
    shared = ox.NamedNode(ex + "graph/shared")

    def quads():
        for i in range(n):
            g = ox.NamedNode(f"{ex}graph/{i % graphs}")
            s = ox.NamedNode(f"{ex}item/{i // 4}")
            if i % 2:
                q = ox.Quad(s, p_label, ox.Literal(f"item {i} with some text", language="en"), g)
            else:
                q = ox.Quad(s, p_value, ox.Literal(str(i), datatype=ox.NamedNode(
                    "http://www.w3.org/2001/XMLSchema#integer")), g)
            yield q
            if i % 10 == 0:
                yield ox.Quad(q.subject, q.predicate, q.object, shared)

    path.mkdir(parents=True)
    store = ox.Store(str(path))
    store.bulk_extend(quads())
    store.flush()
    del store


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _proc_kb(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"no {field} for {pid}")


def _get(port: int, path: str, headers: dict[str, str] | None = None) -> tuple[int, int]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    try:
        conn.request("GET", path, headers=headers or {})
        resp = conn.getresponse()
        size = 0
        while chunk := resp.read(64 * 1024):
            size += len(chunk)
        return resp.status, size
    finally:
        conn.close()


def measure(n: int, workdir: Path) -> dict[str, float]:
    """Memory of a server over a store of ``n`` triples: idle, and at its peak while sending
    every dump (after one warm-up pass, so that caches and allocator arenas have settled)."""
    data = workdir / f"store-{n}"
    build_store(data / "store", n)
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", SERVER, str(data), str(port)], env=env)
    try:
        for _ in range(600):
            try:
                if _get(port, "/sparql?query=ASK%7B%7D")[0] == 200:
                    break
            except OSError:
                time.sleep(0.1)
        else:
            raise RuntimeError("the server did not start")
        idle = _proc_kb(proc.pid, "VmRSS")
        variants = [(fmt, gzip) for fmt in FORMATS for gzip in (False, True)]
        for fmt, gzip in variants:  # warm-up pass
            _get(port, f"/dump?format={fmt}", {"Accept-Encoding": "gzip"} if gzip else {})
        Path(f"/proc/{proc.pid}/clear_refs").write_text("5")  # reset the peak RSS
        before = _proc_kb(proc.pid, "VmRSS")
        sent = 0
        for fmt, gzip in variants:
            status, size = _get(port, f"/dump?format={fmt}",
                                {"Accept-Encoding": "gzip"} if gzip else {})
            assert status == 200, (fmt, status)
            sent += size if fmt == "nt" and not gzip else 0
        peak = _proc_kb(proc.pid, "VmHWM")
        return {"idle": idle / 1024, "before": before / 1024, "peak": peak / 1024,
                "nt_mb": sent / 1e6}
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50_000, 200_000, 800_000])
    args = parser.parse_args()
    sizes = sorted(args.sizes)
    with tempfile.TemporaryDirectory(prefix="kg-dump-bench-") as tmp:
        results = {n: measure(n, Path(tmp)) for n in sizes}
    print(f"{'triples':>10} {'N-Triples':>11} {'idle RSS':>10} {'warm RSS':>10} "
          f"{'peak while dumping':>19} {'peak - warm':>12}")
    for n in sizes:
        r = results[n]
        print(f"{n:>10,} {r['nt_mb']:>8.1f} MB {r['idle']:>6.0f} MiB {r['before']:>6.0f} MiB "
              f"{r['peak']:>15.0f} MiB {r['peak'] - r['before']:>8.0f} MiB")
    small, large = results[sizes[0]], results[sizes[-1]]

    def over_warm(r):  # at least 1 MiB, so that noise is not divided by noise
        return max(r["peak"] - r["before"], 1.0)

    print()
    print(f"data ratio {sizes[-1] / sizes[0]:.0f}x "
          f"(N-Triples {large['nt_mb'] / small['nt_mb']:.1f}x); memory used by dumping "
          f"(peak - warm) ratio {over_warm(large) / over_warm(small):.2f}; "
          f"peak RSS ratio {large['peak'] / small['peak']:.2f}")
    print("(warm RSS is the server after one pass over the data: mostly the storage engine's "
          "block cache, which grows with the data read up to its own cap)")


if __name__ == "__main__":
    main()
