"""The core commands: serve, ingest, validate, dump."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from ..errors import KGError
from ..readers import format_for, read_batch
from .common import data_option, expand_paths, settings_from, store_option


@click.command("serve")
@click.option("--host", default=None, help="Interface to listen on (KG_HOST, 127.0.0.1).")
@click.option("--port", type=int, default=None, help="Port (KG_PORT, 8000).")
@data_option
@store_option
@click.option("--demo/--no-demo", default=None,
              help="Load the demo articles into an empty store (KG_DEMO).")
@click.option("--threads", type=int, default=8, show_default=True,
              help="Worker threads of the WSGI server.")
def serve(host, port, data_dir, store, demo, threads):
    """Serve the knowledge graph over HTTP with waitress (the production WSGI server)."""
    import waitress

    from ..web import create_app

    settings = settings_from(host=host, port=port, data_dir=data_dir, store=store, demo=demo)
    app = create_app(settings)
    stats = app.extensions["kg"].stats()
    url = f"http://{settings.host}:{settings.port}/"
    click.echo(f"timeline-kg serving {stats['articles']} articles, {stats['events']} events "
               f"from {settings.data_dir} at {url}", err=True)
    click.echo(url)
    sys.stdout.flush()
    waitress.serve(app, host=settings.host, port=settings.port, threads=threads,
                   ident="timeline-kg", max_request_body_size=settings.max_request_bytes,
                   _quiet=True)


def _published(value: str | None) -> date | None:
    if value is None:
        return None
    from ..model import parse_temporal

    return parse_temporal(value, "--published")


@click.command("ingest")
@data_option
@store_option
@click.option("--published", default=None,
              help="Publication date (ISO 8601) for inputs that carry none.")
@click.option("--format", "fmt", type=click.Choice(["auto", "text", "json", "jsonl", "html"]),
              default="auto", show_default=True, help="Input format (auto: by file suffix).")
@click.option("--progress/--no-progress", default=True, help="Show a progress bar.")
@click.argument("paths", nargs=-1, required=True)
def ingest(data_dir, store, published, fmt, progress, paths):
    """Ingest articles from files, folders, globs or '-' (stdin). Exits with 1 if any article
    was rejected; the others are stored."""
    from ..bootstrap import build_service

    with build_service(settings_from(data_dir=data_dir, store=store)) as kg:
        totals = _ingest_all(kg, paths, fmt, _published(published), progress)
    click.echo(" ".join(f"{k}={v}" for k, v in totals.items()))
    sys.exit(1 if totals["rejects"] else 0)


def _ingest_all(kg, paths, fmt, published, progress) -> dict[str, int]:
    from tqdm import tqdm

    defaults = {"published": published}
    totals = {"articles": 0, "events": 0, "entities": 0, "links": 0, "warnings": 0,
              "rejects": 0}
    inputs = list(expand_paths(paths))
    bar = tqdm(total=len(inputs), unit="file", disable=not progress, file=sys.stderr)
    for name, data in inputs:
        kind = format_for(name) if fmt == "auto" else fmt
        for where, item in read_batch(data, kind, name=name, defaults=defaults):
            try:
                if isinstance(item, KGError):
                    raise item
                doc = item if item.annotated else kg.analyse(item.article)
                result = kg.ingest(doc)
            except KGError as exc:
                if not exc.client_fault:
                    raise
                totals["rejects"] += 1
                tqdm.write(f"rejected {where}: {exc.message}", file=sys.stderr)
                for err in exc.errors[:10]:
                    tqdm.write(f"  - {err.get('message', err)} "
                               f"({err.get('focus_node') or err.get('path') or ''})",
                               file=sys.stderr)
                continue
            totals["articles"] += 1
            totals["events"] += len(result.events)
            totals["entities"] += len(doc.entities)
            totals["links"] += sum(1 for e in doc.entities if e.link.status == "linked")
            totals["warnings"] += len(result.warnings)
            for w in result.warnings:
                tqdm.write(f"warning {where}: {w}", file=sys.stderr)
        bar.update(1)
    bar.close()
    return totals


@click.command("validate")
@click.option("--published", default=None, help="Publication date for inputs without one.")
@click.argument("paths", nargs=-1, required=True)
def validate(published, paths):
    """Analyse and validate articles and print the report; stores nothing."""
    from ..bootstrap import build_validation_only

    kg = build_validation_only(settings_from())
    try:
        bad = _validate_all(kg, paths, _published(published))
    finally:
        kg.close()
    sys.exit(1 if bad else 0)


def _validate_all(kg, paths, published) -> int:
    defaults = {"published": published}
    bad = 0
    for name, data in expand_paths(paths):
        for where, item in read_batch(data, format_for(name), name=name, defaults=defaults):
            try:
                if isinstance(item, KGError):
                    raise item
                doc = item if item.annotated else kg.analyse(item.article)
                graph, report = kg.build_graph(doc)
            except KGError as exc:
                if not exc.client_fault:
                    raise
                bad += 1
                click.echo(f"{where}: rejected: {exc.message}")
                continue
            if report.conforms:
                click.echo(f"{where}: conforms ({len(graph)} triples, {len(doc.events)} events)")
            else:
                bad += 1
                click.echo(f"{where}: does not conform ({len(report.results)} violations)")
                for r in report.results:
                    click.echo(f"  - {r['message']} [{r['focus_node']} {r['path'] or ''}]")
    return bad


@click.command("dump")
@data_option
@store_option
@click.option("--format", "fmt", default="ttl", show_default=True,
              type=click.Choice(["ttl", "nt", "nq", "trig", "jsonld"]),
              help="Serialisation.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write to this file instead of standard output.")
@click.option("--graph", default=None, help="Dump only this graph (IRI).")
def dump(data_dir, store, fmt, output, graph):
    """Write the whole store (or one graph) as RDF."""
    import pyoxigraph as ox

    from ..bootstrap import open_store

    formats = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES,
               "nq": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG,
               "jsonld": ox.RdfFormat.JSON_LD}
    st = open_store(settings_from(data_dir=data_dir, store=store))
    out = open(output, "wb") if output else sys.stdout.buffer
    try:
        if graph:
            st.dump(out, formats[fmt], graph=graph)
        else:
            st.dump(out, formats[fmt], all_graphs=True)
    finally:
        st.close()
        if output:
            out.close()
        else:
            out.flush()
