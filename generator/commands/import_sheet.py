"""`salesplan import`: check-ins and actuals from stand-up sheets (.xlsx, .csv), all or nothing.

Every row goes through what `salesplan checkin` and `salesplan actual` apply; one refused row
(reported with its file, sheet and row number, and why) means no plan file is changed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..author.record import Refused, entry_problems, record
from ..author.sheet import Row, SheetError, entry_of, read_rows
from ..author.splice import Source
from ..check import check
from ..diagnostic import Diagnostic
from ..load import LoadedFile, parse_plan_text
from ..words import Words
from .errors import CommandError
from .plan_files import project_plans, sources_key, write_atomic
from .site_config import SiteConfig


@dataclass
class _Plan:
    """A plan file as the import goes: its path, name, text so far, and what was recorded."""

    path: Path
    shown: str
    original: bytes
    source: Source
    loaded: LoadedFile
    recorded: int = 0


@dataclass(frozen=True)
class Imported:
    rows: int  # rows recorded
    files: tuple[str, ...]  # plan files changed
    warnings: tuple[Diagnostic, ...] = field(default=())


def import_sheets(
    paths: Sequence[Path], *, config: SiteConfig, words: Words, today: date
) -> Imported:
    """Record every row of the sheets, or nothing (CommandError listing each refused row)."""
    rows: list[Row] = []
    for path in paths:
        try:
            rows += read_rows(path, str(path), words)
        except SheetError as error:
            raise CommandError(str(error)) from None
    known = project_plans(config, words)
    plans: dict[str, _Plan] = {}
    refused: list[str] = []
    for row in rows:
        try:
            _apply(row, known, plans, today, words)
        except Refused as why:
            refused.append(words.say("imp-refused-row", where=_where(row, words), why=why))
    if refused:
        head = words.say("imp-nothing-written", n=len(refused), total=len(rows))
        raise CommandError("\n".join([head, *refused]))
    changed = [p for p in plans.values() if p.recorded]
    if not changed:
        return Imported(0, ())
    sources = {sources_key(p.path): p.source.encoded() for p in changed}
    shown = [p.shown for p in changed]
    after = check(shown, words=words, plans_dir=config.plans_dir, sources=sources)
    if not after.ok:
        raise CommandError(words["imp-plans-invalid"], result=after)
    before = check(shown, words=words, plans_dir=config.plans_dir)
    for plan in changed:
        write_atomic(plan.path, plan.source.encoded())
    return Imported(len(rows), tuple(shown), _new_warnings(before.diagnostics, after.diagnostics))


def _apply(row: Row, known: dict, plans: dict[str, _Plan], today: date, words: Words) -> None:
    plan_id, entry = entry_of(row, today, words)
    plan = plans.get(plan_id)
    if plan is None:
        if plan_id not in known:
            listed = ", ".join(sorted(known)) or words["none-yet"]
            raise Refused(words.say("rec-unknown-plan", plan=plan_id, known=listed))
        path, shown = known[plan_id]
        raw = path.read_bytes()
        loaded = parse_plan_text(raw, LoadedFile(shown), words=words)
        plan = plans[plan_id] = _Plan(path, shown, raw, Source.of(raw), loaded)
    if plan.loaded.diagnostics or not isinstance(plan.loaded.data, dict):
        raise Refused(words.say("imp-plan-invalid", file=plan.shown))
    recorded = record(plan.source, plan.loaded, entry, today=today, words=words)
    # the plan's rules, for this file alone (fast); the project is checked once at the end
    alone = check(
        [plan.shown],
        words=words,
        plans_dir=None,
        sources={sources_key(plan.path): recorded.source.encoded()},
    )
    errors = [
        d.message
        for d in entry_problems(alone.diagnostics, plan.shown, recorded.pointer)
        if d.severity == "error"
    ]
    if errors:
        raise Refused(words["st-facts-sep"].join(errors))
    plan.source, plan.loaded = recorded.source, recorded.loaded
    plan.recorded += 1


def _where(row: Row, words: Words) -> str:
    if row.sheet is None:
        return words.say("imp-row", file=row.file, row=row.number)
    return words.say("imp-sheet-row", file=row.file, sheet=row.sheet, row=row.number)


def _new_warnings(
    before: Sequence[Diagnostic], after: Sequence[Diagnostic]
) -> tuple[Diagnostic, ...]:
    seen = Counter((d.file, d.rule, d.message) for d in before if d.severity == "warning")
    new = []
    for d in after:
        key = (d.file, d.rule, d.message)
        if d.severity != "warning":
            continue
        if seen[key]:
            seen[key] -= 1
        else:
            new.append(d)
    return tuple(new)
