"""What every page function needs to know, in one value: the figures, the words, how URLs are
made, the region pages, and which page is being written (links are relative to it)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from ..compute import SiteData
from ..revisions import SiteHistory
from ..words import Words
from .cells import Link
from .edit_links import EditLinks
from .paths import history_page_paths, href, region_page_paths


@dataclass(frozen=True)
class PageContext:
    data: SiteData
    words: Words
    directory_urls: bool = True
    source: str = ""  # the page being written, e.g. "teams/east-1/index.md"
    region_paths: dict[str, str] = field(default_factory=dict, compare=False)
    history: SiteHistory | None = None  # None: the site has no history pages
    history_paths: dict[str, str] = field(default_factory=dict, compare=False)  # by team
    schema: Mapping = field(default_factory=dict, compare=False)  # names the fields of a plan
    edit: EditLinks | None = None  # where plan files open in GitHub's editor, if anywhere

    @classmethod
    def for_site(
        cls,
        data: SiteData,
        words: Words,
        directory_urls: bool = True,
        *,
        history: SiteHistory | None = None,
        schema: Mapping | None = None,
        edit: EditLinks | None = None,
    ) -> PageContext:
        """The context of a site: region and history pages named once, in site order."""
        regions = region_page_paths(r.name for r in data.regions)
        teams = history_page_paths(pm.plan.team for pm in data.metrics) if history else {}
        return cls(data, words, directory_urls, "", regions, history, teams, schema or {}, edit)

    def at(self, source: str) -> PageContext:
        """The same site, writing the page `source`."""
        return replace(self, source=source)

    def href(self, target: str) -> str:
        """A relative link from this page to `target` (a page path or a site file)."""
        return href(target, self.source, self.directory_urls)

    def link(self, text: str, target: str) -> Link:
        return Link(text, self.href(target))

    def region_name(self, name: str) -> str:
        """A region as shown: its name, or the "no region" label for ""."""
        return name or self.words["site.no_region"]

    @property
    def history_readable(self) -> bool:
        """Whether the site has history pages with a history in them (git could be read)."""
        return self.history is not None and self.history.unavailable is None

    def history_href(self, team: str) -> str | None:
        """The link to the team's history page, when the site has one."""
        path = self.history_paths.get(team)
        return self.href(path) if path else None

    def region_link(self, name: str) -> Link | str:
        """The region's name, linked to its page when it has one."""
        path = self.region_paths.get(name)
        text = self.region_name(name)
        return self.link(text, path) if path else text
