"""Locate the files that ship with the package (ontology, shapes, demo data, catalog).

In an installed wheel they live inside the package (``kg/ontology``, ``kg/data``); in a source
checkout (or an editable install) they are the top-level ``ontology/`` and ``data/`` folders.
Settings may point elsewhere (``KG_ONTOLOGY_DIR``).
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the package's {name}/ folder is missing; reinstall timeline-kg")


def ontology_dir() -> Path:
    """The folder holding the ontology and the SHACL shapes."""
    return _find("ontology")


def data_dir() -> Path:
    """The folder holding the shipped data (demo articles, entity catalog, lexicons)."""
    return _find("data")
