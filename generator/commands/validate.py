"""`salesplan validate`: check plan files and return every problem found."""

from __future__ import annotations

from collections.abc import Sequence

from ..check import CheckResult, check
from ..words import Words
from ..workers import available_workers
from .errors import CommandError
from .site_config import SiteConfig


def plan_paths(paths: Sequence[str], config: SiteConfig, words: Words) -> tuple[str, ...]:
    """The paths named, or the site's plans folder when none is."""
    if paths:
        return tuple(paths)
    if not config.plans_dir.is_dir():
        raise CommandError(words.say("cmd-no-plans-folder", folder=config.plans_dir), usage=True)
    return (config.plans_dir.as_posix(),)


def validate(
    paths: Sequence[str], *, config: SiteConfig, words: Words, strict: bool = False
) -> CheckResult:
    """Check the plans named by `paths` (default: the plans folder)."""
    named = plan_paths(paths, config, words)
    result = check(
        named,
        words=words,
        plans_dir=config.plans_dir,
        strict=strict,
        workers=available_workers(),
    )
    if not result.files:
        raise CommandError(words.say("cmd-no-plan-files", paths=", ".join(named)), usage=True)
    return result
