"""The ``kg`` command line: one front end over the same core as the web service."""

from __future__ import annotations

import json
import sys

import click

from .. import __version__
from ..errors import KGError
from ..settings import Settings


class _Group(click.Group):
    """Turns the service's own errors into a one-line message and exit status 2."""

    def invoke(self, ctx: click.Context):  # noqa: D401
        try:
            return super().invoke(ctx)
        except KGError as exc:
            click.echo(f"error: {exc.message}", err=True)
            for item in exc.errors[:20]:
                click.echo(f"  - {item.get('message', item)}", err=True)
            sys.exit(2)


@click.group(cls=_Group)
@click.version_option(__version__, prog_name="kg")
def main() -> None:
    """timeline-kg: news articles in, a timeline knowledge graph out."""


@main.command("settings")
def settings_command() -> None:
    """Print the effective settings (from KG_* variables), secrets masked."""
    click.echo(json.dumps(Settings.from_env().redacted(), indent=2))


def _register() -> None:
    from . import commands, merge

    for cmd in (commands.serve, commands.ingest, commands.validate, commands.dump,
                merge.merge):
        main.add_command(cmd)
    from . import bulk

    main.add_command(bulk.extract)
    main.add_command(bulk.load)


_register()


from .catalog import catalog_group  # noqa: E402

main.add_command(catalog_group)

from .timex import timex_eval_command  # noqa: E402

main.add_command(timex_eval_command)

from .backup import backup, load, restore  # noqa: E402

for _cmd in (backup, restore, load):
    main.add_command(_cmd)
