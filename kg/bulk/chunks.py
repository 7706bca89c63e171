"""Inputs cut into numbered chunks, the same way on every run (so that a run can resume).

A unit is one JSON Lines record, or one whole file of another format (plain text, HTML, JSON;
a JSON array file may hold several articles). Chunks are ``chunk_size`` consecutive units.
"""

from __future__ import annotations

import glob
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InvalidInput
from ..readers import format_for

MANIFEST = "run.json"


@dataclass(frozen=True)
class Unit:
    where: str  # file, or file:line for JSON Lines
    fmt: str  # "jsonl-record" or a reader format
    data: bytes


def input_files(specs: tuple[str, ...] | list[str]) -> list[Path]:
    """Files named by paths, folders (recursively) and globs, sorted, each once."""
    files: list[Path] = []
    for spec in specs:
        if spec == "-":
            raise InvalidInput("the bulk pipeline reads files (it resumes from them), not stdin")
        matches = [Path(p) for p in sorted(glob.glob(spec, recursive=True))] or [Path(spec)]
        for path in matches:
            if path.is_dir():
                files += sorted(f for f in path.rglob("*")
                                if f.is_file() and not f.name.startswith("."))
            elif path.is_file():
                files.append(path)
            else:
                raise InvalidInput(f"no such file or folder: {spec}")
    seen: set[Path] = set()
    unique = [f for f in files if not (f.resolve() in seen or seen.add(f.resolve()))]
    if not unique:
        raise InvalidInput("no input files")
    return unique


def units(files: list[Path]) -> Iterator[Unit]:
    """Every unit of the inputs, in order, read lazily (JSON Lines files line by line)."""
    for path in files:
        fmt = format_for(path.name)
        if fmt == "jsonl":
            with open(path, "rb") as fh:
                for lineno, line in enumerate(fh, 1):
                    if line.strip():
                        yield Unit(f"{path}:{lineno}", "jsonl-record", line)
        else:
            yield Unit(str(path), fmt, path.read_bytes())


def chunks(files: list[Path], chunk_size: int) -> Iterator[tuple[int, list[Unit]]]:
    """``(index, units)`` for consecutive runs of ``chunk_size`` units."""
    batch: list[Unit] = []
    index = 0
    for unit in units(files):
        batch.append(unit)
        if len(batch) == chunk_size:
            yield index, batch
            index += 1
            batch = []
    if batch:
        yield index, batch


def check_manifest(out: Path, files: list[Path], chunk_size: int, base_iri: str) -> bool:
    """Write the run's manifest, or check that a previous run in ``out`` had the same inputs
    and chunking (so that its finished chunks can be kept). Returns whether it resumes."""
    manifest = {"version": 1, "chunk_size": chunk_size, "base_iri": base_iri,
                "inputs": [[str(f.resolve()), f.stat().st_size, f.stat().st_mtime_ns]
                           for f in files]}
    path = out / MANIFEST
    if path.is_file():
        try:
            old = json.loads(path.read_text("utf-8"))
        except ValueError:
            old = None
        if old != manifest:
            raise InvalidInput(f"{out} holds a run with other inputs, chunk size or base IRI; "
                               "use another --out folder (or empty this one)")
        return True
    out.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(manifest, indent=1), "utf-8")
    tmp.replace(path)
    return False


def shard_name(index: int) -> str:
    return f"chunk-{index:06d}"
