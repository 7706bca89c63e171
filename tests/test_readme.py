"""The README stays true: its commands, and a row for every setting."""

from __future__ import annotations

import re

from kg.settings import documented_settings
from tests.conftest import REPO

README = (REPO / "README.md").read_text("utf-8")


def _commands() -> list[str]:
    return re.findall(r"```sh\n(.+?)\n```", README)


def test_readme_starts_with_two_commands():
    head = README.split("## ", 1)[0]
    blocks = re.findall(r"```sh\n(.+?)\n```", head)
    assert len(blocks) == 2
    assert "kg serve --demo" in blocks[0] and "pip install ." in blocks[0]
    assert "pytest" in blocks[1]


def test_ci_runs_the_readme_test_command():
    ci = (REPO / ".ci" / "run").read_text("utf-8")
    assert _commands()[1] in ci.splitlines()


def test_every_setting_is_documented():
    table = README.split("<!-- settings-table")[1].split("<!-- end settings-table -->")[0]
    for name, env, default, _help in documented_settings():
        row = [line for line in table.splitlines() if f"`{env}`" in line]
        assert row, f"{env} ({name}) is missing from the README settings table"
        shown = "(unset)" if default is None or default == "" else str(default)
        assert f"`{shown}`" in row[0], f"{env}: README default differs from {shown!r}"
