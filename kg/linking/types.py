"""Which Wikidata classes (values of P31 "instance of") make which entity kind.

Each class Q-id below was checked against at least two unrelated public code files that name
it with the same meaning (found with the project's code search, not written from memory):
human Q5, country Q6256, sovereign state Q3624078, city Q515, human settlement Q486972,
town Q3957, village Q532, capital Q5119, military unit Q176799, political party Q7278,
organization Q43229, newspaper Q11032, news agency Q192283, television station Q1616075.
The importers keep only entities that are instances of the configured classes (direct P31;
subclasses are not followed).
"""

from __future__ import annotations

from collections.abc import Mapping

from ..errors import InvalidInput
from ..model import ENTITY_KINDS
from .entry import QID_RE

DEFAULT_TYPE_KINDS: Mapping[str, str] = {
    "Q5": "person",
    "Q6256": "place",
    "Q3624078": "place",
    "Q5119": "place",
    "Q515": "place",
    "Q486972": "place",
    "Q3957": "place",
    "Q532": "place",
    "Q176799": "military_unit",
    "Q7278": "organization",
    "Q43229": "organization",
    "Q11032": "media",
    "Q192283": "media",
    "Q1616075": "media",
}


def parse_types(option: str | None) -> dict[str, str]:
    """``Q5,Q515`` (kinds from the defaults) or ``Q5=person,Q123=place`` into a mapping."""
    if option is None or not option.strip():
        return dict(DEFAULT_TYPE_KINDS)
    out: dict[str, str] = {}
    for part in option.split(","):
        part = part.strip()
        if not part:
            continue
        qid, _, kind = part.partition("=")
        qid, kind = qid.strip(), kind.strip()
        if not QID_RE.match(qid):
            raise InvalidInput(f"--types: {qid!r} is not a Wikidata Q-id")
        if not kind:
            kind = DEFAULT_TYPE_KINDS.get(qid, "")
            if not kind:
                raise InvalidInput(f"--types: no default kind for {qid}; write {qid}=KIND with "
                                   f"KIND one of {', '.join(ENTITY_KINDS)}")
        if kind not in ENTITY_KINDS:
            raise InvalidInput(f"--types: kind {kind!r} is not one of {', '.join(ENTITY_KINDS)}")
        out[qid] = kind
    if not out:
        raise InvalidInput("--types: no class given")
    return out


def kind_for(types: list[str] | tuple[str, ...], type_kinds: Mapping[str, str]) -> str | None:
    """The kind of an item with these P31 values: the first configured class it has."""
    present = set(types)
    for qid, kind in type_kinds.items():
        if qid in present:
            return kind
    return None
