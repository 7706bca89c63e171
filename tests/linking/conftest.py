"""Fixtures for the linking tests: a fresh catalog index per test."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.linking import Catalog

from .catalog_data import RECORDS, write_jsonl


@pytest.fixture
def catalog(tmp_path: Path) -> Catalog:
    source = write_jsonl(tmp_path / "catalog.jsonl", RECORDS)
    return Catalog.from_jsonl(source, tmp_path / "catalog.sqlite")
