"""How many inputs each entry point got in the bad-input suite (printed at the end)."""

from __future__ import annotations

from collections import Counter

INPUTS_TRIED: Counter[str] = Counter()
