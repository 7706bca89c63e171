"""Short human labels for events: "Missile strike on House of Culture in Dergachi"."""

from __future__ import annotations

from collections.abc import Callable

_GENERIC_STRIKES = frozenset({"Strike", "Attack", "Shelling", "Barrage", "Bombardment"})
_FROM_TYPES = frozenset({"Withdrawal", "Evacuation"})
_TO_TYPES = frozenset({"Advance", "Visit", "AidDelivery"})
_OF_TYPES = frozenset({"TerritoryTaken", "TerritoryRetaken", "Occupation", "Encirclement"})
_PREFIX = {"negated": "No ", "planned": "Planned ", "hedged": "Possible "}


def weapon_word(words: list[str], weapons: dict[str, str]) -> str | None:
    for w in words:
        if w in weapons:
            return weapons[w]
    return None


def event_label(base: str, etype: str, modality: str, *, agent: str | None,
                targets: list[str], places: list[str], weapon: str | None,
                name: Callable[[str], str]) -> str:
    """Compose a label from the trigger's noun phrase and the event's roles."""
    if etype in ("ShellingMissileAttack", "AirStrike") and base in _GENERIC_STRIKES and weapon:
        base = f"{weapon} strike" if weapon not in ("Shelling",) else "Shelling"
    text = base
    if etype in ("Statement", "Announcement", "Accusation") and agent:
        text += f" by {name(agent)}"
    elif etype in _FROM_TYPES and agent:
        text += f" of {name(agent)}"
    elif agent and etype not in _OF_TYPES:
        text += f" by {name(agent)}"
    if targets:
        text += f" on {name(targets[0])}" if etype not in _OF_TYPES else \
            f" of {name(targets[0])}"
    if places:
        if etype in _FROM_TYPES:
            prep = "from"
        elif etype in _TO_TYPES:
            prep = "to"
        elif etype in _OF_TYPES and not targets:
            prep = "of"
        else:
            prep = "in"
        text += f" {prep} {name(places[0])}"
    if etype in _OF_TYPES and agent:
        text += f" by {name(agent)}"
    prefix = _PREFIX.get(modality)
    if prefix:
        text = prefix + text[:1].lower() + text[1:]
    return text[:1].upper() + text[1:]
