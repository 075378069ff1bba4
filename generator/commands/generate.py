"""`salesplan generate`: the generated page tree written to a folder, without MkDocs."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

from ..revisions import read_history
from ..site.edit_links import edit_links
from ..site.pipeline import site_pages
from ..words import Words
from ..workers import available_workers
from .errors import CommandError
from .site_config import SiteConfig
from .validate import validate

GENERATED_MARKER = ".salesplan-generated"  # lets `generate` replace only its own output


def generate(
    out: Path, paths: Sequence[str], *, config: SiteConfig, words: Words, as_of: date
) -> int:
    """Check the plans, then write every page to `out`, replacing it as a whole (atomically).

    Returns the number of files written. Refuses a folder that holds files it did not write.
    """
    if out.exists() and not out.is_dir():
        raise CommandError(words.say("out-dir-not-folder", out=out))
    inside, above = _protected(config)
    target = out.resolve()
    for folder in (*inside, *above):
        if folder.is_relative_to(target) or (folder in inside and target.is_relative_to(folder)):
            raise CommandError(words.say("out-dir-protected", out=out, folder=folder))
    if out.is_dir() and any(out.iterdir()) and not (out / GENERATED_MARKER).is_file():
        raise CommandError(words.say("out-dir-foreign", out=out))
    result = validate(paths, config=config, words=words)
    if not result.ok:
        raise CommandError(words["cmd-plans-invalid"], result=result)
    directory_urls = config.mkdocs.use_directory_urls if config.mkdocs is not None else True
    history = None  # without the site's plugin (or with history off): no history pages
    if config.plugin is not None and config.plugin.config.history:
        history = read_history(config.plans_dir, words=words, workers=available_workers())
    links = edit_links(config.mkdocs, result.plans) if config.mkdocs is not None else None
    _, pages = site_pages(
        result.plans,
        as_of,
        words,
        directory_urls=directory_urls,
        history=history,
        edit_links=links,
    )
    replace_folder(out, pages)
    return len(pages)


def _protected(config: SiteConfig) -> tuple[tuple[Path, ...], tuple[Path, ...]]:
    """(the folders the pages must stay out of: the plans and the docs, whose .md files the
    pages would join; the folders they must not replace: those and the project itself)."""
    inside = [config.plans_dir]
    above = [Path.cwd()]
    if config.mkdocs is not None:
        inside.append(Path(config.mkdocs.docs_dir))
        above.append(Path(config.mkdocs.config_file_path).parent)
    return tuple(f.resolve() for f in inside), tuple(f.resolve() for f in above)


def replace_folder(out: Path, pages: Mapping[str, str | bytes]) -> None:
    """Write the pages to a new folder beside `out`, then swap it in.

    Every folder removed here is one this function made (with mkdtemp) or one that holds its
    marker: nothing else is ever deleted.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-new-", dir=out.parent))
    try:
        write_pages(staging, pages)
        (staging / GENERATED_MARKER).write_text("written by salesplan generate\n", "utf-8")
        if out.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}-old-", dir=out.parent))
            out.rename(old / out.name)
            staging.rename(out)
            shutil.rmtree(old, ignore_errors=True)
        else:
            staging.rename(out)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def write_pages(root: Path, pages: Mapping[str, str | bytes]) -> None:
    """Write a page tree under `root` (text as UTF-8 with \\n line ends)."""
    for path, content in pages.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
