"""`salesplan checkin`, `salesplan actual` and `salesplan one-on-one`: one entry added to a plan
file in place, checked with every rule before it is written, written atomically."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..author.record import Entry, Recorded, Refused, entry_problems, record
from ..author.splice import Source
from ..check import CheckResult, check
from ..compute import PlanMetrics, plan_metrics
from ..compute.calendar import Calendars
from ..diagnostic import Diagnostic
from ..load import LoadedFile, parse_plan_text
from ..words import Words
from .errors import CommandError
from .plan_files import find_plan, sources_key, write_atomic
from .site_config import SiteConfig


@dataclass(frozen=True)
class RecordOutcome:
    """What was written, the warnings about it, and the plan's figures afterwards."""

    file: str
    entry: Entry
    warnings: tuple[Diagnostic, ...]
    metrics: PlanMetrics


def record_entry(
    plan: str, entry: Entry, *, config: SiteConfig, words: Words, today: date, as_of: date
) -> RecordOutcome:
    """Add `entry` to PLAN (an id or a file), or change nothing and say why (CommandError).

    The figures afterwards are computed as of `as_of` or the entry's day, whichever is later.
    """
    path, shown = find_plan(plan, config, words)
    raw = path.read_bytes()
    loaded = parse_plan_text(raw, LoadedFile(shown), words=words)
    if loaded.diagnostics or not isinstance(loaded.data, dict):
        raise CommandError(
            words["rec-plan-invalid"], result=check([shown], words=words, plans_dir=None)
        )
    try:
        recorded = record(Source.of(raw), loaded, entry, today=today, words=words)
    except Refused as refused:
        raise CommandError(str(refused)) from None
    after = checked(path, shown, recorded, config, words)
    write_atomic(path, recorded.source.encoded())
    calendars = Calendars(config.options.calendar if config.options is not None else "cn")
    metrics = plan_metrics(after.plans[0], max(as_of, entry.day), calendars)
    warnings = entry_problems(after.diagnostics, shown, recorded.pointer)
    return RecordOutcome(shown, entry, tuple(warnings), metrics)


def checked(
    path: Path, shown: str, recorded: Recorded, config: SiteConfig, words: Words
) -> CheckResult:
    """The check of the plan as it would be; CommandError when the entry breaks a rule (its
    messages) or the plan has errors of its own (reported as validate reports them)."""
    sources = {sources_key(path): recorded.source.encoded()}
    after = check([shown], words=words, plans_dir=config.plans_dir, sources=sources)
    if after.ok:
        return after
    problems = entry_problems(after.diagnostics, shown, recorded.pointer)
    errors = [d.message for d in problems if d.severity == "error"]
    if errors:
        raise CommandError("\n".join(errors))
    raise CommandError(words["rec-plan-invalid"], result=after)
