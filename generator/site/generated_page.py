"""The team pages converted by one Markdown instance for the whole build.

MkDocs makes a new Python-Markdown instance for every page it converts (`Page.render`): every
configured extension loaded and every processor registered again, about a quarter of a
millisecond a page, for five thousand team pages at a thousand teams. A team page the plugin
generates is a `GeneratedPage`: it converts exactly as `Page.render` does, with the same
extensions and MkDocs' own per-page processors, but with an instance made once per build and
reset between pages (Python-Markdown's `reset`, which each extension implements for reuse).

MkDocs' per-page processors are internal to `mkdocs.structure.pages`: with a MkDocs that no
longer has them, a generated page is converted by `Page.render` itself, as any other.
"""

from __future__ import annotations

import logging

import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure import pages as mkdocs_pages
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

_PARTS = (
    "_RawHTMLPreprocessor",
    "_ExtractAnchorsTreeprocessor",
    "_RelativePathTreeprocessor",
    "_ExtractTitleTreeprocessor",
)
# Whether this MkDocs converts a page the way `GeneratedPage.render` repeats (MkDocs 1.6).
KNOWN = all(hasattr(mkdocs_pages, name) for name in _PARTS)

_converter: tuple[MkDocsConfig, markdown.Markdown] | None = None  # the build's instance


def _markdown(config: MkDocsConfig) -> markdown.Markdown:
    """The Markdown instance of this build's configuration, reset for a new page."""
    global _converter
    if _converter is None or _converter[0] is not config:
        md = markdown.Markdown(
            extensions=config["markdown_extensions"],
            extension_configs=config["mdx_configs"] or {},
        )
        _converter = (config, md)
    return _converter[1].reset()


class GeneratedPage(Page):
    """A page the plugin generates, converted as `Page.render` converts any page."""

    def render(self, config: MkDocsConfig, files: Files) -> None:
        if not KNOWN:
            return super().render(config, files)
        if self.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        md = _markdown(config)
        # MkDocs' per-page processors: registered by name, each replaces the last page's
        raw_html = mkdocs_pages._RawHTMLPreprocessor()
        raw_html._register(md)
        anchors = mkdocs_pages._ExtractAnchorsTreeprocessor(self.file, files, config)
        anchors._register(md)
        relative_paths = mkdocs_pages._RelativePathTreeprocessor(self.file, files, config)
        relative_paths._register(md)
        title = mkdocs_pages._ExtractTitleTreeprocessor()
        title._register(md)

        self.content = md.convert(self.markdown)
        self.toc = get_toc(getattr(md, "toc_tokens", []))
        self._title_from_render = title.title
        self.present_anchor_ids = anchors.present_anchor_ids | raw_html.present_anchor_ids
        if mkdocs_pages.log.getEffectiveLevel() > logging.DEBUG:
            self.links_to_anchors = relative_paths.links_to_anchors
        return None
