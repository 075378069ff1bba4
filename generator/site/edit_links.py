"""The edit links of a site: where its plan files open in GitHub's web editor, from mkdocs.yml's
`repo_url` and `edit_uri` (which MkDocs gives for the docs folder; the plans sit beside it)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path, PurePosixPath
from urllib.parse import urljoin, urlsplit

from mkdocs.config.defaults import MkDocsConfig

from ..model import Plan
from ..render.edit_links import EditLinks


def edit_links(config: MkDocsConfig, plans: Sequence[Plan]) -> EditLinks | None:
    """The edit links of the plans, or None when the site names no repository to edit in.

    `edit_uri` ends with the docs folder (`edit/main/docs/`); without it, the address is that of
    mkdocs.yml's folder, and each plan's file is named from there.
    """
    repo_url, edit_uri = config.repo_url, config.edit_uri
    if not repo_url or not edit_uri:
        return None
    base = urljoin(repo_url.rstrip("/") + "/", edit_uri)
    if urlsplit(base).scheme not in ("http", "https"):
        return None
    root = Path(config.config_file_path or ".").parent.resolve()
    try:
        docs = PurePosixPath(Path(config.docs_dir).resolve().relative_to(root).as_posix())
    except ValueError:
        return None
    base = base.rstrip("/") + "/"
    suffix = f"/{docs}/" if str(docs) != "." else "/"
    if not base.endswith(suffix):
        return None  # an edit_uri that does not point at the docs folder: no guess
    base = base[: len(base) - len(suffix)] + "/"
    files = {}
    for plan in plans:
        try:
            files[plan.id] = Path(plan.path).resolve().relative_to(root).as_posix()
        except ValueError:
            continue  # a plan outside the repository's folder
    return EditLinks(base, files)
