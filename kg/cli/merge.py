"""``kg merge``: recompute every canonical event (after bulk loads)."""

from __future__ import annotations

import time

import click

from .common import data_option, settings_from, store_option


@click.command("merge")
@data_option
@store_option
def merge(data_dir, store):
    """Recompute the canonical events (cross-document merging) from all stored articles."""
    from ..bootstrap import build_service

    kg = build_service(settings_from(data_dir=data_dir, store=store))
    started = time.perf_counter()
    result = kg.merger.merge_all()
    kg.state.bump()
    kg.store.flush()
    click.echo(f"events={result.events} canonical={result.canonical} "
               f"replaced={result.removed} seconds={time.perf_counter() - started:.2f}")
