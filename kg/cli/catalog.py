"""``kg catalog``: build, query and extend the entity catalog."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..errors import InvalidInput
from ..linking.catalog import Catalog
from ..linking.defaults import ensure_catalog
from ..linking.importers import FORMATS, import_file
from ..linking.index import CatalogWriter
from ..linking.linker import Linker
from ..linking.types import parse_types
from ..linking.wikidata import WikidataClient
from ..settings import Settings

_CATALOG_HELP = "Catalog index to use (default: KG_CATALOG, else <data_dir>/catalog.sqlite)."


def _index_path(option: Path | None) -> Path:
    return Path(option) if option is not None else Settings.from_env().catalog_file


@click.group("catalog")
def catalog_group() -> None:
    """The entity catalog (Wikidata items the linker knows)."""


@catalog_group.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--catalog", "catalog_path", type=click.Path(dir_okay=False, path_type=Path),
              help=_CATALOG_HELP)
@click.option("--types", "types_option", metavar="Q5,Q515,…",
              help="Classes (P31 values) to keep, optionally with a kind: Q5,Q123=place. "
                   "Default: the built-in class list.")
@click.option("--kind", "default_kind", help="Kind of items whose kind no column or class tells "
                                             "(SPARQL and CSV imports).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), help="Input format (default: "
                                                                   "detected).")
@click.option("--replace", is_flag=True, help="Build a new catalog instead of extending it.")
@click.option("--progress/--no-progress", default=True, help="Show a progress bar.")
def import_command(file: Path, catalog_path: Path | None, types_option: str | None,
                   default_kind: str | None, fmt: str | None, replace: bool,
                   progress: bool) -> None:
    """Import FILE (Wikidata JSON dump .json/.gz/.bz2, SPARQL results JSON, CSV of
    qid,label,alias, or catalog JSON lines) into the catalog, atomically."""
    index = _index_path(catalog_path)
    stats = import_file(file, index, extend=not replace, fmt=fmt,
                        type_kinds=parse_types(types_option), default_kind=default_kind,
                        progress=progress)
    click.echo(f"read {stats.read}, added {stats.added}, merged {stats.merged}, "
               f"skipped {stats.skipped_type} of other classes, {stats.skipped_bad} bad "
               f"→ {index}")
    for warning in stats.warnings:
        click.echo(f"warning: {warning}", err=True)
    if stats.skipped_bad > len(stats.warnings):
        click.echo(f"warning: … and {stats.skipped_bad - len(stats.warnings)} more bad records",
                   err=True)


def _open(catalog_path: Path | None) -> Catalog:
    if catalog_path is not None:
        return Catalog.open(catalog_path)
    return ensure_catalog(Settings.from_env().catalog_file)


@catalog_group.command("lookup")
@click.argument("name")
@click.option("--kind", help="Kind of the mention (person, place, …); default: any.")
@click.option("--context", "context", multiple=True, metavar="QID",
              help="Q-id of another entity of the article (repeatable).")
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 100))
@click.option("--catalog", "catalog_path", type=click.Path(dir_okay=False, path_type=Path),
              help=_CATALOG_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def lookup_command(name: str, kind: str | None, context: tuple[str, ...], limit: int,
                   catalog_path: Path | None, as_json: bool) -> None:
    """Print the catalog's candidates for NAME with their scores."""
    settings = Settings.from_env()
    linker = Linker(_open(catalog_path), threshold=settings.link_threshold)
    ranked = linker.rank([name], kind=kind, context_qids=context, respect_case=False)[:limit]
    linked = linker.would_link(ranked) and bool(ranked) and ranked[0][0].qid is not None
    rows = [{"qid": e.qid, "key": e.key, "label": e.label, "kind": e.kind, "score": round(score, 4),
             "linked": linked and i == 0, **{k: round(v, 4) for k, v in parts.items()},
             "description": e.description} for i, (e, score, parts) in enumerate(ranked)]
    if as_json:
        click.echo(json.dumps({"name": name, "threshold": linker.threshold,
                               "candidates": rows}, ensure_ascii=False, indent=2))
        return
    if not rows:
        click.echo(f"no candidate for {name!r}")
        return
    for r in rows:
        mark = "*" if r["linked"] else " "
        click.echo(f"{mark} {r['score']:.3f}  {r['key']:<12} {r['kind']:<13} {r['label']}"
                   f"  (name {r['name']:.2f}, type {r['type']:.2f}, prior {r['prior']:.2f}, "
                   f"context {r['context']:.2f})")
    click.echo(f"threshold {linker.threshold}; * = would be linked")


@catalog_group.command("learn")
@click.argument("names", nargs=-1)
@click.option("--file", "names_file", type=click.Path(exists=True, dir_okay=False,
                                                      path_type=Path),
              help="File with one name per line.")
@click.option("--kind", help="Kind of the names (person, place, …); default: any.")
@click.option("--language", default="en", show_default=True)
@click.option("--catalog", "catalog_path", type=click.Path(dir_okay=False, path_type=Path),
              help=_CATALOG_HELP)
def learn_command(names: tuple[str, ...], names_file: Path | None, kind: str | None,
                  language: str, catalog_path: Path | None) -> None:
    """Ask the Wikidata API about NAMES and add the answers it trusts (best candidate above
    the link threshold, clear of the runner-up) to the catalog."""
    settings = Settings.from_env()
    wanted = list(names)
    if names_file is not None:
        wanted += [line.strip() for line in names_file.read_text("utf-8").splitlines()
                   if line.strip()]
    if not wanted:
        raise InvalidInput("give names to learn (arguments or --file)")
    index = _index_path(catalog_path)
    catalog = _open(catalog_path)
    client = WikidataClient(settings.wikidata_api_url, cache_dir=settings.wikidata_cache_dir)
    linker = Linker(catalog, threshold=settings.link_threshold, online=client)
    learned = []
    for name in dict.fromkeys(wanted):
        ranked = linker.rank_online([name], kind=kind, language=language)
        if linker.would_link(ranked):
            entry, score, _ = ranked[0]
            learned.append(entry)
            click.echo(f"learned {name!r} → {entry.qid} {entry.label} ({score:.3f})")
        else:
            best = f"best {ranked[0][0].qid} at {ranked[0][1]:.3f}" if ranked else "no candidate"
            click.echo(f"not learned {name!r}: {best}")
    if learned:
        with CatalogWriter(index, extend=True) as writer:
            for entry in learned:
                writer.add(entry.to_record(), "learn")
    click.echo(f"{len(learned)} of {len(dict.fromkeys(wanted))} names added to {index}")


@catalog_group.command("info")
@click.option("--catalog", "catalog_path", type=click.Path(dir_okay=False, path_type=Path),
              help=_CATALOG_HELP)
def info_command(catalog_path: Path | None) -> None:
    """Print the catalog's size and sources."""
    catalog = _open(catalog_path)
    click.echo(json.dumps({"path": str(catalog.path), **dict(catalog.meta)}, indent=2,
                          ensure_ascii=False, default=str))
