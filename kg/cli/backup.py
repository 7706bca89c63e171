"""Backup commands: ``kg backup DIR``, ``kg restore DIR`` and ``kg restore-dump FILE``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .common import data_option, settings_from


@click.command("backup")
@data_option
@click.argument("target", type=click.Path(file_okay=False, path_type=Path))
def backup(data_dir, target):
    """Write a consistent copy of the store to TARGET, a new (or empty) folder. Stop
    `kg serve` first, or download GET /dump?format=nq while it runs."""
    from ..store.backups import backup_store

    manifest = backup_store(settings_from(data_dir=data_dir), target)
    click.echo(f"backed up {manifest['triples']} triples in {manifest['graphs']} graphs "
               f"to {target}")


@click.command("restore")
@data_option
@click.option("--force", is_flag=True, help="Replace a store that holds data.")
@click.argument("source", type=click.Path(exists=True, file_okay=False, path_type=Path))
def restore(data_dir, force, source):
    """Replace the store with the backup in SOURCE (made by `kg backup`). Refuses to replace a
    store that holds data unless --force is given."""
    from ..store.backups import restore_store

    manifest = restore_store(settings_from(data_dir=data_dir), source, force=force)
    click.echo(f"restored {manifest['triples']} triples in {manifest['graphs']} graphs "
               f"from {source} (backed up {manifest.get('created')})")


@click.command("restore-dump")
@data_option
@click.option("--force", is_flag=True, help="Replace a store that holds data.")
@click.option("--format", "fmt", type=click.Choice(["auto", "nq", "trig"]), default="auto",
              show_default=True, help="Dump format (auto: by file suffix).")
@click.argument("source")
def load(data_dir, force, fmt, source):
    """Replace the store with the quads of SOURCE, an N-Quads or TriG dump (`kg dump --format
    nq`, GET /dump?format=nq), or '-' for standard input. Loads as is, without validation."""
    from ..errors import InvalidInput
    from ..store.backups import load_dump

    if fmt == "auto":
        fmt = Path(source).suffix.lstrip(".").lower() if source != "-" else ""
        if fmt not in ("nq", "trig"):
            raise InvalidInput("give --format nq or --format trig for this input")
    data = sys.stdin.buffer if source == "-" else Path(source)
    if isinstance(data, Path) and not data.is_file():
        raise InvalidInput(f"no such file: {source}")
    counts = load_dump(settings_from(data_dir=data_dir), data, fmt, force=force)
    click.echo(f"loaded {counts['triples']} triples in {counts['graphs']} graphs")
