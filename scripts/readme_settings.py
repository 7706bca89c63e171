"""Regenerate the README's settings table from kg/settings.py: python scripts/readme_settings.py"""

from __future__ import annotations

from pathlib import Path

from kg.settings import documented_settings

README = Path(__file__).resolve().parent.parent / "README.md"


def main() -> None:
    text = README.read_text("utf-8")
    rows = ["| Variable | Default | Meaning |", "| --- | --- | --- |"]
    for _name, env, default, help_text in documented_settings():
        shown = "(unset)" if default is None or default == "" else str(default)
        rows.append(f"| `{env}` | `{shown}` | {help_text} |")
    start = text.index("| Variable | Default | Meaning |")
    end = text.index("<!-- end settings-table -->")
    README.write_text(text[:start] + "\n".join(rows) + "\n" + text[end:], "utf-8")


if __name__ == "__main__":
    main()
