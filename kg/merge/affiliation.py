"""Which country an armed force acts for: "Russian Armed Forces" and "Russia" are the same side.

Built from the extraction lexicon's table of countries and their armed forces
(``data/lexicon/demonyms.tsv``: code, country, demonyms, armed forces, capitals) and the
country Q-ids of the entity catalog (``data/catalog/starter.jsonl``, two-source checked). Pure:
texts in, a mapping out; :func:`default_affiliations` reads the shipped files.
"""

from __future__ import annotations

import json
from pathlib import Path


def affiliations(demonyms_tsv: str, catalog_jsonl: str) -> dict[str, str]:
    """Case-folded name of an armed force -> the Q-id of its country."""
    qid_of = {}
    for line in catalog_jsonl.splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        if rec.get("qid") and rec.get("kind") == "place":
            qid_of.setdefault(rec["labels"].get("en", "").casefold(), rec["qid"])
    out = {}
    for line in demonyms_tsv.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 4:
            continue
        # (the name column may list other names after a comma: "United Kingdom,Britain,UK")
        country, forces = cols[1].split(",")[0].strip(), cols[3].strip()
        qid = qid_of.get(country.casefold())
        if not qid:
            continue
        names = {f"armed forces of {country}".casefold()}
        if forces and forces != "-":
            names.add(forces.casefold())
        for name in names:
            out[name] = qid
    return out


def default_affiliations() -> dict[str, str]:
    """From the shipped lexicon and catalog; empty when either is missing."""
    from ..resources import data_dir

    try:
        root = data_dir()
    except FileNotFoundError:
        return {}
    demonyms = root / "lexicon" / "demonyms.tsv"
    catalog = root / "catalog" / "starter.jsonl"
    if not (demonyms.is_file() and catalog.is_file()):
        return {}
    return affiliations(_read(demonyms), _read(catalog))


def _read(path: Path) -> str:
    return path.read_text("utf-8")
