"""The site's configuration as the commands see it: mkdocs.yml loaded by MkDocs' own loader,
with the salesplan plugin's declared options; defaults when there is no mkdocs.yml."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..check import DEFAULT_PLANS_DIR
from .errors import CommandError

DEFAULT_CONFIG = Path("mkdocs.yml")


@dataclass
class SiteConfig:
    """mkdocs.yml and the salesplan plugin in it (both None when there is no mkdocs.yml)."""

    mkdocs: Any = None  # MkDocsConfig
    plugin: Any = None  # site.plugin.SalesPlanPlugin

    @property
    def plans_dir(self) -> Path:
        """The plans folder; relative to the working folder when it lies inside it, so that
        diagnostics name files as the user sees them."""
        if self.plugin is None:
            return DEFAULT_PLANS_DIR
        folder = self.plugin.plans_dir(self.mkdocs).resolve()
        try:
            return folder.relative_to(Path.cwd().resolve())
        except ValueError:
            return folder

    @property
    def language(self) -> str | None:
        """The site's language (the plugin's `language`, else the theme's), if there is a site."""
        if self.mkdocs is None:
            return None
        from ..site.plugin import site_language

        plugin_language = self.plugin.config.language if self.plugin is not None else None
        return site_language(plugin_language, self.mkdocs)

    @property
    def options(self) -> Any:
        """The plugin's validated options, or None without the plugin."""
        return self.plugin.config if self.plugin is not None else None


def load_site_config(
    config_file: Path | None, *, required: bool = False, **overrides: object
) -> SiteConfig:
    """mkdocs.yml (`config_file`, default ./mkdocs.yml) loaded as MkDocs loads it.

    Without the file: the defaults, or a usage error when it was named (`required`).
    `overrides` replace top-level settings (e.g. site_dir).
    """
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    path = config_file or DEFAULT_CONFIG
    if not path.is_file():
        if required or config_file is not None:
            raise CommandError(f"{path}: no such file (the site's mkdocs.yml)", usage=True)
        return SiteConfig()
    try:
        config = load_config(str(path), **overrides)
    except ConfigurationError as error:
        raise CommandError(f"{path}: {error}") from None
    return SiteConfig(config, config.plugins.get("salesplan"))
