"""The bulk commands: ``kg extract`` (parallel analysis into N-Quads shards) and ``kg load``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .common import data_option, settings_from, store_option


@click.command("extract")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the shards and reports (created; a rerun resumes in it).")
@click.option("--workers", type=int, default=2, show_default=True,
              help="Worker processes.")
@click.option("--chunk-size", type=int, default=500, show_default=True,
              help="Articles (JSON Lines records or files) per shard.")
def extract(inputs, out, workers, chunk_size):
    """Analyse, map and validate articles in parallel into N-Quads shards (one named graph per
    article) with a JSON report per shard; rerun to resume. Exits with 1 if any article was
    rejected (see the reports)."""
    from ..bulk.extract import run_extract

    def progress(report):
        click.echo(f"chunk {report['chunk']}: {report['articles']} articles, "
                   f"{len(report['rejects'])} rejects", err=True)

    totals = run_extract(settings_from(), list(inputs), out, workers=workers,
                         chunk_size=chunk_size, progress=progress)
    for sample in totals.reject_samples:
        click.echo(f"rejected {sample}", err=True)
    click.echo(totals.summary())
    sys.exit(1 if totals.rejects else 0)


@click.command("load")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@data_option
@store_option
def load(folder, data_dir, store):
    """Load the shards of a `kg extract` run into the store (embedded: bulk load; remote: one
    request per shard), replacing articles already there, then run the post-load steps."""
    from ..bootstrap import open_store
    from ..bulk.load import load_shards
    from ..service import StoreState

    settings = settings_from(data_dir=data_dir, store=store)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    st = open_store(settings)
    try:
        result = load_shards(st, folder, settings)
    finally:
        st.close()
    StoreState(settings.data_dir / "state.json").bump()
    click.echo(result.summary())
