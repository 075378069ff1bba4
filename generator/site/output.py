"""Where a build may write: never over files this tool did not build.

MkDocs empties the site folder before it builds. A site folder that holds anything else (the
plans, the docs, the repository itself) would be lost, so the plugin refuses it before MkDocs
cleans, and marks each folder it built so that the next build may replace it.
"""

from __future__ import annotations

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
        if site.is_relative_to(folder) or folder.is_relative_to(site):
            return words.say("site-dir-protected", site=site_dir, folder=folder)
    if site.is_file():
        return words.say("site-dir-not-folder", site=site_dir)
    if site.is_dir() and any(site.iterdir()) and not (site / BUILT_MARKER).is_file():
        return words.say("site-dir-foreign", site=site_dir)
    return None


def mark_built(site_dir: Path) -> None:
    """Mark the folder as one this tool built (and may replace)."""
    (site_dir / BUILT_MARKER).write_text("built by salesplan; replaced at each build\n", "utf-8")
