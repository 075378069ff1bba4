"""Per-region access: the passwords read from the environment, and which pages each one opens.

The `access` option (access_options.py) names a variable for the head office and one for each
protected region. At the edge of a build (the plugin's on_config) the variables are read once;
a missing, empty or short one, or two readers with the same password, stops the build with a
message in both languages rather than publish anything in clear. The passwords become keys
(sealing.py) and are not kept.

Who reads what:
- a protected region's page, and every page and download of its teams' plans: that region;
- a team's history page: the protected regions of the team's plans;
- the pages that add up every region (home, alerts, the history index): the head office only;
- the head office's password opens every sealed page. Other pages stay in clear.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from ..compute import SiteData
from ..render import ALERTS, HISTORY, HOME
from ..render.paths import history_page_paths, region_alerts_path, region_page_paths
from ..words import Words
from .access_options import AccessConfig
from .sealing import ReaderKey, normal_password, reader_key, reader_salt

MIN_PASSWORD = 12  # characters: the pages can be downloaded and tried offline
HEAD_OFFICE = "head office"  # the salt's name of the head office's key (regions: "region:…")


class AccessError(Exception):
    """The access setting cannot be applied: every reason, each in both languages."""


@dataclass(frozen=True)
class Keys:
    """The readers' keys of one build: the head office's and each protected region's."""

    head_office: ReaderKey
    regions: Mapping[str, ReaderKey]

    def of(self, regions: Iterable[str]) -> list[ReaderKey]:
        """The keys that open a page of these regions: theirs, then the head office's."""
        return [*(self.regions[name] for name in regions), self.head_office]


def both_languages(words: Words, key: str, **values: str | None) -> str:
    """A message in the site's language, then in the other one (a build log is read by
    whoever keeps the site, whatever its language). A value None names the head office."""
    other = Words("en" if words.chinese else "zh")
    lines = []
    for language in (words, other):
        head = language["access.head-office"]
        filled = {name: head if value is None else value for name, value in values.items()}
        lines.append(language.say(key, **filled))
    return "\n".join(lines)


def read_keys(config: AccessConfig, environ: Mapping[str, str], words: Words, *, site: str) -> Keys:
    """The readers' keys from the passwords in the environment; AccessError listing every
    variable that is missing, empty or too short, and passwords given twice."""
    readers: list[tuple[str | None, str]] = [(None, config.head_office)]
    readers += sorted(config.regions.items())
    problems: list[str] = []
    seen: dict[str, str | None] = {}
    passwords: dict[str | None, str] = {}
    for region, variable in readers:
        password = normal_password(environ.get(variable, ""))
        if not password:
            problems.append(
                both_languages(words, "access.missing", reader=region, variable=variable)
            )
        elif len(password) < MIN_PASSWORD:
            problems.append(
                both_languages(
                    words, "access.short", reader=region, variable=variable, n=str(MIN_PASSWORD)
                )
            )
        elif password in seen:
            problems.append(
                both_languages(words, "access.same", first=seen[password], second=region)
            )
        else:
            seen[password] = region
            passwords[region] = password
    if problems:
        raise AccessError("\n".join(problems))
    head = reader_key(passwords.pop(None), reader_salt(site, HEAD_OFFICE))
    regions = {
        str(region): reader_key(password, reader_salt(site, f"region:{region}"))
        for region, password in passwords.items()
    }
    return Keys(head, regions)


def check_regions(keys: Keys, data: SiteData, words: Words) -> None:
    """AccessError when `access` names a region that no plan has (a typo protects nothing)."""
    known = sorted({pm.plan.region for pm in data.metrics if pm.plan.region})
    unknown = [region for region in keys.regions if region not in known]
    if unknown:
        listed = ", ".join(known) or "—"
        raise AccessError(
            "\n".join(
                both_languages(words, "access.unknown-region", region=name, regions=listed)
                for name in unknown
            )
        )


def page_readers(
    data: SiteData, paths: Iterable[str], protected: Collection[str]
) -> dict[str, tuple[str, ...]]:
    """Every sealed page or file of the site → the protected regions whose passwords open it,
    () for the head office only. Paths left out stay in clear."""
    region_of_plan = {pm.plan.id: pm.plan.region or "" for pm in data.metrics}
    region_pages = {
        path: name for name, path in region_page_paths(r.name for r in data.regions).items()
    }
    # a large site's alerts page of each region (alerts/<slug>.md) is that region's too
    region_pages |= {region_alerts_path(path): name for path, name in region_pages.items()}
    team_regions: dict[str, set[str]] = {}
    for pm in data.metrics:
        team_regions.setdefault(pm.plan.team, set()).add(pm.plan.region or "")
    history_pages = {
        path: team for team, path in history_page_paths(pm.plan.team for pm in data.metrics).items()
    }
    readers: dict[str, tuple[str, ...]] = {}
    for path in paths:
        if path in (HOME, ALERTS, HISTORY):
            readers[path] = ()
            continue
        if path in region_pages:
            regions = {region_pages[path]}
        elif path.startswith("teams/") and path.count("/") >= 2:
            regions = {region_of_plan.get(path.split("/")[1], "")}
        elif path in history_pages:
            regions = team_regions.get(history_pages[path], set())
        else:
            continue
        opened_by = tuple(sorted(regions & set(protected)))
        if opened_by:
            readers[path] = opened_by
    return readers
