"""Short human labels for events: "Missile strike on House of Culture in Dergachi"."""

from __future__ import annotations

from collections.abc import Callable

_GENERIC_STRIKES = frozenset({"Strike", "Attack", "Shelling", "Barrage", "Bombardment"})
_FROM_TYPES = frozenset({"Withdrawal", "Evacuation"})
_SELF_MOVING = frozenset({"Withdrawal"})  # "Withdrawal of X": X itself moves
_UNDERGONE = frozenset({"Death", "Surrender"})  # "Death of X": X undergoes it
_TARGET_PREPOSITION = {"Accusation": "against", "Protest": "against", "Damage": "of"}
# "Arrest of X by Y", "Assassination of X by Y": the person the act is done to comes first
_TARGET_FIRST = frozenset({"Arrest", "Killing"})
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
    """Compose a label from the trigger's noun phrase and the event's roles: "Missile strike
    by Russia on House of Culture in Dergachi", "Capture of Bakhmut by Russia", "Arrest of X
    in Nairobi", "Withdrawal of Russian Armed Forces from Kharkiv", "Evacuation by Ukraine"."""
    if etype in ("ShellingMissileAttack", "AirStrike") and base in _GENERIC_STRIKES and weapon:
        base = f"{weapon} strike" if weapon not in ("Shelling",) else "Shelling"
    text = base
    agent_last = etype in _OF_TYPES or etype in _TARGET_FIRST and bool(targets)
    if etype in _TARGET_FIRST and targets:
        text += f" of {name(targets[0])}"
        targets = []
    if agent and not agent_last:
        text += f" of {name(agent)}" if etype in _SELF_MOVING or base in _UNDERGONE \
            else f" by {name(agent)}"
    if targets:
        prep = "of" if etype in _OF_TYPES else _TARGET_PREPOSITION.get(etype, "on")
        text += f" {prep} {name(targets[0])}"
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
    if agent and agent_last:
        text += f" by {name(agent)}"
    prefix = _PREFIX.get(modality)
    if prefix:
        text = prefix + text[:1].lower() + text[1:]
    return text[:1].upper() + text[1:]
