"""`salesplan notify`: the stand-up of the plans in force pushed to the teams' chat robots, and
one GitHub issue per task that needs help. The command line reads the environment (the robots'
addresses, GITHUB_TOKEN …) and passes the values in; mkdocs.yml only names variables.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from .. import notify
from ..notify import GitHubAccess, NotifyReport, Route, Scope, SiteLinks, Transport
from ..words import Words
from .site_config import SiteConfig
from .status import Standup, status

GITHUB_VARIABLES = ("GITHUB_TOKEN", "GITHUB_REPOSITORY")  # both needed for the issues
GITHUB_API_VARIABLE = "GITHUB_API_URL"  # GitHub Enterprise Server's API; default api.github.com


@dataclass(frozen=True)
class NotifyRun:
    standup: Standup  # the check of the plans and the figures of those in force
    report: NotifyReport

    @property
    def ok(self) -> bool:
        return self.standup.result.ok and self.report.ok


def routes(config: SiteConfig) -> list[Route]:
    """The routes of mkdocs.yml (`notify.routes`), as the notify stage takes them."""
    options = config.options
    found = []
    for route in options.notify.routes if options is not None else []:
        scope = Scope("region", route.region) if route.region else Scope("team", route.team)
        variables = {
            kind: (route[kind], route[f"{kind}_secret"] if kind != "wecom" else None)
            for kind in notify.ROBOT_KINDS
            if route[kind]
        }
        found.append(Route(scope, variables))
    return found


def environment_variables(config: SiteConfig) -> list[str]:
    """The environment variables the command reads: the robots' (the default ones, then the
    routes' of mkdocs.yml) and GitHub's."""
    return [*notify.variables(routes(config)), *GITHUB_VARIABLES, GITHUB_API_VARIABLE]


def github_access(environment: Mapping[str, str]) -> GitHubAccess | None:
    """The access to the repository's issues, when GITHUB_TOKEN and GITHUB_REPOSITORY are set."""
    token, repository = (environment.get(name) for name in GITHUB_VARIABLES)
    if not token or not repository:
        return None
    api_url = environment.get(GITHUB_API_VARIABLE) or notify.DEFAULT_API_URL
    return GitHubAccess(token, repository, api_url)


def site_links(config: SiteConfig) -> SiteLinks | None:
    """The site's address (mkdocs.yml `site_url`), for the links to the team pages."""
    if config.mkdocs is None or not config.mkdocs.get("site_url"):
        return None
    return SiteLinks(str(config.mkdocs["site_url"]), bool(config.mkdocs["use_directory_urls"]))


def notify_teams(
    config: SiteConfig,
    *,
    words: Words,
    as_of: date,
    chat: bool = True,
    issues: bool | None = None,
    dry_run: bool = False,
    environment: Mapping[str, str] | None = None,
    transport: Transport | None = None,
) -> NotifyRun:
    """Check the plans, compute those in force at `as_of`, then tell the robots (`chat`) and
    keep the help issues (`issues`; None: as `notify.issues` of mkdocs.yml says).
    `environment`: the values of `environment_variables` that are set.
    """
    environment = environment or {}
    github = github_access(environment)
    if issues is None:
        issues = bool(config.options is not None and config.options.notify.issues)
    standup = status((), config=config, words=words, as_of=as_of)
    report = NotifyReport(dry_run=dry_run)
    if transport is None:
        timeout = config.options.notify.timeout if config.options is not None else 10
        transport = Transport(timeout=float(timeout))
    links = site_links(config)
    if chat:
        notify.chat(
            report,
            standup.metrics,
            as_of,
            words,
            routes=routes(config),
            values=environment,
            links=links,
            transport=transport,
        )
    if issues:
        if github is None and not dry_run:
            report.github_missing = GITHUB_VARIABLES
        notify.issues(
            report,
            standup.metrics,
            words,
            checked={plan.id for plan in standup.result.plans},
            complete=standup.result.ok,
            links=links,
            access=github,
            transport=transport,
        )
    return NotifyRun(standup, report)
