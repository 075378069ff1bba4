"""Where a build may write, never over files this tool did not build; what date it stamps.

MkDocs empties the site folder before it builds. A site folder that holds anything else (the
plans, the docs, the repository itself) would be lost, so the plugin refuses it before MkDocs
cleans, and marks each folder it built so that the next build may replace it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..words import Words

BUILT_MARKER = ".salesplan-built"  # a hidden file: MkDocs' cleaning keeps hidden files


def site_dir_problem(
    site_dir: Path, project_dir: Path, protected: tuple[Path, ...], words: Words
) -> str | None:
    """Why the build must not write to `site_dir`, or None when it may.

    `protected` are folders that must survive (plans, docs); `project_dir` holds mkdocs.yml.
    """
    site = site_dir.resolve()
    project = project_dir.resolve()
    if project.is_relative_to(site):  # the repository itself, or a folder above it
        return words.say("site-dir-protected", site=site_dir, folder=project)
    for folder in (p.resolve() for p in protected):
        if site.is_relative_to(folder):  # the plans or docs folder itself, or a folder in it
            return words.say("site-dir-inside", site=site_dir, folder=folder)
        if folder.is_relative_to(site):
            return words.say("site-dir-protected", site=site_dir, folder=folder)
    if site.is_file():
        return words.say("site-dir-not-folder", site=site_dir)
    if site.is_dir() and any(site.iterdir()) and not (site / BUILT_MARKER).is_file():
        return words.say("site-dir-foreign", site=site_dir)
    return None


def mark_built(site_dir: Path) -> None:
    """Mark the folder as one this tool builds (and may replace), making it if need be."""
    site_dir.mkdir(parents=True, exist_ok=True)
    (site_dir / BUILT_MARKER).write_text("built by salesplan; replaced at each build\n", "utf-8")


# MkDocs stamps sitemap.xml.gz with the newest page date, in 32 unsigned bits of seconds.
_GZIP_DAYS = (date(1970, 1, 1), date(2106, 2, 6))


def sitemap_day(as_of: date) -> date:
    """The date the sitemap gives every page: the as-of date, within what gzip can stamp (an
    as-of date of 1900 or 2199 would stop the build)."""
    return min(max(as_of, _GZIP_DAYS[0]), _GZIP_DAYS[1])
