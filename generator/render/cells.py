"""Table cells: what a cell shows, never how it is marked up.

The templates turn these values into HTML (see templates/_table.html.j2); every string here is
plain text that the templates escape.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..words import Words
from .format import GOAL_SYMBOLS, TASK_SYMBOLS


@dataclass(frozen=True)
class Status:
    """A status shown by icon, text and a colour class (`sp-goal-at_risk`)."""

    kind: str  # "goal" or "task"
    name: str
    icon: str
    text: str  # what the cell says: the status label, or a figure with the status colour
    label: str  # the status label, for the tooltip


@dataclass(frozen=True)
class Link:
    text: str
    href: str


@dataclass(frozen=True)
class Editable:
    """A value with a small link that opens it in GitHub's editor (`label` says so)."""

    value: object
    href: str
    label: str


@dataclass(frozen=True)
class Code:
    text: str


@dataclass(frozen=True)
class Lines:
    """Several values in one cell, one per line."""

    items: tuple[object, ...]


@dataclass(frozen=True)
class Figure:
    """A number shown as `text` (`120 万元`, `35%`); downloads keep the number itself."""

    value: float
    text: str


@dataclass(frozen=True)
class Day:
    """A date, shown as YYYY-MM-DD; downloads keep it a date."""

    value: date


@dataclass(frozen=True)
class Group:
    text: str


@dataclass(frozen=True)
class Span:
    """A cell that spans `rows` rows; the rows below leave out its column."""

    value: object
    rows: int


@dataclass(frozen=True)
class Table:
    """A titled table: column names and rows of cells; a `Group` row spans every column."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[object, ...] | Group, ...]
    css: str = ""
    # False for figures worked out from what another table already says (goal position,
    # ambition, the traceability chain, target stability): the site search skips them
    searchable: bool = True


def goal_status(name: str, words: Words, text: str | None = None) -> Status:
    label = words[f"goal_status.{name}"]
    return Status("goal", name, GOAL_SYMBOLS[name], text if text is not None else label, label)


def task_status(name: str, words: Words, text: str | None = None) -> Status:
    label = words[f"task_status.{name}"]
    return Status("task", name, TASK_SYMBOLS[name], text if text is not None else label, label)
