"""Reading a plan's raw data defensively: a plan may also have schema errors, so every rule
takes only the entries, dates and ids that have the right shape."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

from ..words import Words

MONTH = re.compile(r"[0-9]{4}-(0[1-9]|1[0-2])")
LISTED_IDS = 20  # known ids named in a message, at most

Entries = list[tuple[str, dict[str, Any]]]


def entries(data: Any, key: str) -> Entries:
    """(pointer, entry) for each entry of the list data[key] that is a group of fields."""
    items = data.get(key) if isinstance(data, dict) else None
    if not isinstance(items, list):
        return []
    return [(f"/{key}/{i}", item) for i, item in enumerate(items) if isinstance(item, dict)]


def sub_entries(entry: dict[str, Any], key: str, pointer: str) -> Entries:
    """The entries of a list inside an entry, with pointers from the plan's root."""
    return [(pointer + p, item) for p, item in entries(entry, key)]


def day_of(value: Any) -> date | None:
    """A YYYY-MM-DD date, or None."""
    try:
        return date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None


def number_of(value: Any) -> float | None:
    """A number (not a yes/no), or None."""
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def ids_of(found: Entries) -> set[str]:
    """The ids of the entries, as a set: a reference is looked up in it, among thousands."""
    return {e["id"] for _, e in found if isinstance(e.get("id"), str)}


def listing(ids: set[str], words: Words) -> str:
    """Known ids for a message: `a, b, c`, or "none yet"; a long list is cut short."""
    if not ids:
        return words["none-yet"]
    shown = sorted(ids)
    if len(shown) <= LISTED_IDS:
        return ", ".join(shown)
    return words.say("ids-and-more", ids=", ".join(shown[:LISTED_IDS]), n=len(shown) - LISTED_IDS)


def refs(value: Any, pointer: str) -> Iterator[tuple[str, str]]:
    """(pointer, id) for an id or a list of ids."""
    if isinstance(value, str):
        yield pointer, value
    elif isinstance(value, list):
        for i, item in enumerate(value):
            if isinstance(item, str):
                yield f"{pointer}/{i}", item
