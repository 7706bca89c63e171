"""Options and helpers shared by the CLI commands."""

from __future__ import annotations

import glob
import sys
from collections.abc import Iterator
from pathlib import Path

import click

from ..errors import InvalidInput
from ..settings import Settings

data_option = click.option("--data", "data_dir", type=click.Path(file_okay=False, path_type=Path),
                           default=None, help="Data folder (default: KG_DATA_DIR or ./kg-data).")
store_option = click.option("--store", "store", default=None,
                            help="Remote SPARQL store URL instead of the embedded store "
                                 "(KG_STORE).")


def settings_from(**overrides) -> Settings:
    return Settings.from_env(**overrides)


def expand_paths(paths: tuple[str, ...]) -> Iterator[tuple[str, bytes]]:
    """(name, bytes) for files, folders (recursively), globs, and '-' (stdin)."""
    seen = 0
    for spec in paths:
        if spec == "-":
            seen += 1
            yield "<stdin>", sys.stdin.buffer.read()
            continue
        matches = [Path(p) for p in sorted(glob.glob(spec, recursive=True))] or [Path(spec)]
        for path in matches:
            if path.is_dir():
                for f in sorted(path.rglob("*")):
                    if f.is_file() and not f.name.startswith("."):
                        seen += 1
                        yield str(f), f.read_bytes()
            elif path.is_file():
                seen += 1
                yield str(path), path.read_bytes()
            else:
                raise InvalidInput(f"no such file or folder: {spec}")
    if not seen:
        raise InvalidInput("no input files")
