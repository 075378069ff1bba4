"""`salesplan new`: a new plan from the template, or the next cycle of a plan (`--from`).

The file is checked (with the project's other plans) before it is written, refused when it
would overwrite a file or reuse a plan id, and written atomically.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..author.next_cycle import NextCycle, next_cycle
from ..author.period import PeriodError, parse_period
from ..author.template import TEMPLATE_NAME, NewPlan, TemplateError, builtin_template, fill_template
from ..author.yaml_text import document
from ..check import CheckResult, check
from ..load import LoadedFile, parse_plan_text
from ..words import Words
from .errors import CommandError
from .plan_files import find_plan, project_plans, sources_key, write_new
from .site_config import SiteConfig

_SLUG = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")


@dataclass
class Created:
    """The plan written, the check of it (its warnings), and what the next cycle carried."""

    file: str
    result: CheckResult
    template: str = ""  # the template it started from ("" for the built-in one)
    cycle: NextCycle | None = None
    flagged: list[tuple[int, str]] = field(default_factory=list)  # (line of the file, text)


def new_plan(
    plan_id: str,
    *,
    team: str,
    period: str,
    region: str | None,
    manager: str | None,
    folder: Path | None,
    config: SiteConfig,
    words: Words,
) -> Created:
    """A new plan file `<folder>/<id>.md` from plans/_template.md or the built-in template.

    The plan's text (the period's name, the built-in template) is in the site's language;
    messages are in the language of `words`.
    """
    path = _target(plan_id, folder or config.plans_dir, config, words)
    manager_id, manager_name = _manager(manager, words)
    content = content_words(config, words)
    new = NewPlan(
        plan_id, team.strip(), _period(period, content, words), region, manager_id, manager_name
    )
    if not new.team:
        raise CommandError(words["new-no-team"], usage=True)
    template = config.plans_dir / TEMPLATE_NAME
    name = template.as_posix() if template.is_file() else ""
    raw = template.read_bytes() if name else builtin_template(content)
    try:
        text = fill_template(raw, name or "built-in template", new, words)
    except TemplateError as error:
        raise CommandError(str(error)) from None
    return Created(path.as_posix(), _write(path, text, config, words), name)


def next_plan(
    plan_id: str,
    *,
    previous: str,
    period: str,
    folder: Path | None,
    config: SiteConfig,
    words: Words,
) -> Created:
    """The next cycle of PLAN as a new plan file (see author/next_cycle.py)."""
    old_path, old_shown = find_plan(previous, config, words)
    old_check = check([old_shown], words=words, plans_dir=config.plans_dir)
    if not old_check.ok or not old_check.plans:
        raise CommandError(words["new-from-invalid"], result=old_check)
    old_plan = old_check.plans[0]
    path = _target(plan_id, folder or old_path.parent, config, words)
    content = content_words(config, words)
    new_period = _period(period, content, words)
    if new_period.start <= old_plan.period.start:
        raise CommandError(
            words.say("new-period-not-after", period=new_period.name, old=old_plan.period.name)
        )
    raw = parse_plan_text(old_path.read_bytes(), LoadedFile(old_shown), words=words).data
    cycle = next_cycle(old_plan, raw, plan_id, new_period, content)
    head = f"---\n{document(cycle.data, cycle.comments)}---\n"
    text = head + cycle.body
    if not text.endswith("\n"):
        text += "\n"
    again = parse_plan_text(text.encode("utf-8"), LoadedFile(path.as_posix()), words=words)
    if again.diagnostics or again.data != cycle.data:  # the writer must read back exactly
        raise CommandError(words.say("new-unwritable", file=path.as_posix()))
    created = Created(path.as_posix(), _write(path, text.encode("utf-8"), config, words), "")
    created.cycle = cycle
    body_line = head.count("\n") + 1
    created.flagged = [(body_line + n - 1, line) for n, line in cycle.flagged]
    return created


def content_words(config: SiteConfig, words: Words) -> Words:
    """The words a plan is written in: the site's language (else the messages')."""
    return Words.of(config.language) if config.language else words


def _period(text: str, content: Words, words: Words):
    """The period named in the site's language; a message in the user's when unreadable."""
    try:
        return parse_period(text, content)
    except PeriodError:
        try:
            parse_period(text, words)
        except PeriodError as error:
            raise CommandError(str(error), usage=True) from None
        raise


def _manager(text: str | None, words: Words) -> tuple[str | None, str | None]:
    """`wang-lei`, `王磊` or `wang-lei=王磊` → (member id, name)."""
    if text is None or not text.strip():
        return None, None
    member_id, _, name = text.strip().partition("=")
    member_id, name = member_id.strip(), name.strip()
    if name:
        if not _SLUG.fullmatch(member_id):
            raise CommandError(words.say("new-bad-manager", value=text), usage=True)
        return member_id, name
    if _SLUG.fullmatch(member_id):
        return member_id, None
    return None, member_id  # a name only: the template's manager keeps its id


def _target(plan_id: str, folder: Path, config: SiteConfig, words: Words) -> Path:
    if not _SLUG.fullmatch(plan_id):
        raise CommandError(words.say("new-bad-id", id=plan_id), usage=True)
    taken = project_plans(config, words)
    if plan_id in taken:
        raise CommandError(words.say("new-id-taken", id=plan_id, file=taken[plan_id][1]))
    path = folder / f"{plan_id}.md"
    if path.exists():
        raise CommandError(words.say("new-file-exists", file=path.as_posix()))
    return path


def _write(path: Path, data: bytes, config: SiteConfig, words: Words) -> CheckResult:
    """Check the new file with the project's plans, then write it; CommandError on an error."""
    shown = path.as_posix()
    sources = {sources_key(path): data}
    result = check([shown], words=words, plans_dir=config.plans_dir, sources=sources)
    if not result.ok:
        raise CommandError(words.say("new-invalid", file=shown), result=result)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        write_new(path, data)
    except FileExistsError:  # it appeared meanwhile: never replace it
        raise CommandError(words.say("new-file-exists", file=shown)) from None
    return result
