"""Table cells and value formatting: what a cell shows, never how it is marked up.

The templates turn these values into HTML (see templates/_table.html.j2); every string here is
plain text that the templates escape.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from urllib.parse import quote

from ..model import ALL, Plan

# Shapes that stay readable without colour (colour comes from salesplan.css).
GOAL_ICONS = {"achieved": "✔", "on_track": "●", "at_risk": "▲", "off_track": "✖"}
TASK_ICONS = {
    "not_started": "○",
    "on_track": "●",
    "behind": "▲",
    "help_needed": "⚑",
    "overdue": "✖",
    "blocked": "■",
    "done": "✔",
    "cancelled": "⊘",
}


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
class Code:
    text: str


@dataclass(frozen=True)
class Lines:
    """Several values in one cell, one per line."""

    items: tuple[object, ...]


@dataclass(frozen=True)
class Table:
    """A titled table: column names and rows of cells; a `Group` row spans every column."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[object, ...] | Group, ...]
    css: str = ""


@dataclass(frozen=True)
class Group:
    text: str


def goal_status(name: str, labels: Mapping[str, str], text: str | None = None) -> Status:
    label = labels[f"goal_status.{name}"]
    return Status("goal", name, GOAL_ICONS[name], text if text is not None else label, label)


def task_status(name: str, labels: Mapping[str, str], text: str | None = None) -> Status:
    label = labels[f"task_status.{name}"]
    return Status("task", name, TASK_ICONS[name], text if text is not None else label, label)


def number(value: float) -> str:
    """120, 1,250, 2.5, 0.33: at most two decimals, no trailing zeros."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def amount(value: float | None, unit: str) -> str:
    """A figure with its unit: `120 万元`, `35%`."""
    if value is None:
        return "—"
    if unit in ("%", "％"):
        return f"{number(value)}%"
    return f"{number(value)} {unit}".strip()


def percent(ratio: float | None) -> str:
    """An attainment ratio as a percentage: 0.6667 → 66.7%."""
    return "—" if ratio is None else f"{ratio * 100:.1f}%"


def progress(value: float) -> str:
    return f"{round(value)}%"


def day(value: date | None) -> str:
    return "—" if value is None else value.isoformat()


def owner_names(plan: Plan, owners: Sequence[str], labels: Mapping[str, str]) -> str:
    """Member names for owner ids; `all` is the whole team."""
    if tuple(owners) == (ALL,):
        return labels["ref.all_members"]
    names = []
    for owner in owners:
        member = plan.member(owner)
        names.append(member.name if member else owner)
    return labels["field.separator"].join(names)


def window(start: date, end: date, labels: Mapping[str, str]) -> str:
    """`2023-07-03 – 2023-07-14 (12 days)`, inclusive of both days."""
    days = (end - start).days + 1
    length = labels["field.day"] if days == 1 else labels["field.days"].format(n=days)
    return f"{start.isoformat()} – {end.isoformat()} ({length})"


def page_url(path: str, directory_urls: bool = True) -> str:
    """The URL of a generated Markdown page, relative to the site root, as MkDocs makes it."""
    stem = path.removesuffix(".md")
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def href(target: str, source: str, directory_urls: bool = True) -> str:
    """A relative link from one page to another page or a site file.

    Raw HTML links are not rewritten by MkDocs, so they are written as final URLs here,
    percent-encoded as MkDocs encodes its own (a region page may have a Chinese name).
    """
    target_url = page_url(target, directory_urls) if target.endswith(".md") else target
    source_url = page_url(source, directory_urls)
    base = source_url.rsplit("/", 1)[0] if "/" in source_url else ""
    relative = posixpath.relpath(target_url.rstrip("/") or ".", base or ".")
    if target_url.endswith("/") or target_url == "":
        relative = "./" if relative == "." else relative + "/"
    return quote(relative)
