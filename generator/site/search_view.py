"""What Material's search reads of a generated page: the page without its tables that are out
of the search anyway, and its other tables without the tags the search drops (search_flat.py).

Material's search parses every tag of an indexed page with Python's HTML parser, including the
tags of the elements marked `data-search-exclude`, only to skip them: on a plan page, the goal
position, ambition and traceability tables were a fifth of its tags. Just before the search
reads a page, its content is swapped for the same HTML without those tables, and put back just
after: the index is the same (the search takes nothing from a skipped element, and the blank
text around one collapses to one space either way), and the page is written whole.
The tables left in are handed over flat: a plan page's search view has a tenth of its tags.
A page out of the search is handed over empty: the search only cleans its attributes, which
`show` does faster.
"""

from __future__ import annotations

import re

from mkdocs.plugins import PluginCollection
from mkdocs.structure.pages import Page

from .search_flat import flat_table

# A table block as render/table_html writes it (html_blocks.py: the first `\n</table>\n</div>`
# after its opening tag is its own end; tables do not nest), in the search or left out.
_TABLE = re.compile(
    r'^<div class="sp-table[^"\n]*"[^>\n]*?( data-search-exclude)?>\n'
    r"<table>\n(?>.*?\n</table>\n</div>)$",  # atomic: a table ends at its own end
    flags=re.M | re.S,
)
# The plugins whose `on_page_context` may see a page's view: ours, and Material's search.
_SEARCH = "material.plugins.search.plugin"
_READERS = frozenset({"generator.site.plugin", _SEARCH})
# What Material's search removes from every page's content once it has read it (its pattern is
# `\s?data-search-\w+="[^"]+"`: this one, found from its letters, with the blank before it).
_SEARCH_ATTRIBUTE = re.compile(r'data-search-\w+="[^"]+"')


class SearchView:
    """Swaps a page's content for its search view (`hide`), and back (`show`)."""

    def __init__(self) -> None:
        self._whole: dict[str, str] = {}  # page path → its content, while the search reads

    def hide(self, page: Page, *, alone: bool = False) -> None:
        """Before the search reads `page`: its content without the excluded tables, and with
        the others flat. A page out of the search is not read (as Material's SearchIndex
        decides), only cleaned of its search attributes: with `alone` (no other plugin looks
        at the page meanwhile, see `alone`), its view is empty and `show` cleans it."""
        if not page.content:
            return
        if (page.meta.get("search") or {}).get("exclude"):
            if alone:
                self._whole[page.file.src_uri] = page.content
                page.content = ""
            return
        if '<div class="sp-table' not in page.content:
            return
        view = _TABLE.sub(_view_of_table, page.content)
        if view != page.content:
            self._whole[page.file.src_uri] = page.content
            page.content = view

    def show(self, page: Page) -> None:
        """After the search read `page`: its whole content, as the search would have left it."""
        whole = self._whole.pop(page.file.src_uri, None)
        if whole is not None:
            page.content = _without_search_attributes(whole)


def searched(plugins: PluginCollection) -> bool:
    """Whether Material's search reads the pages (at `on_page_context`): without it, or with
    it turned off, there is no view to make."""
    return any(
        type(owner).__module__ == _SEARCH and owner.config.get("enabled", True)
        for owner in (
            getattr(method, "__self__", None) for method in plugins.events["page_context"]
        )
    )


def alone(plugins: PluginCollection) -> bool:
    """Whether Material's search is the only plugin but salesplan to see a page's content at
    `on_page_context` (so that the view is all any plugin sees between hide and show)."""
    return all(
        type(getattr(method, "__self__", None)).__module__ in _READERS
        for method in plugins.events["page_context"]
    )


def _view_of_table(table: re.Match[str]) -> str:
    return "" if table.group(1) else flat_table(table.group(0))


def _without_search_attributes(html: str) -> str:
    """`html` as Material's search leaves a page it read: without its `data-search-` attributes,
    each with the blank before it."""
    out: list[str] = []
    position = 0
    for attribute in _SEARCH_ATTRIBUTE.finditer(html):
        start = attribute.start()
        cut = start - 1 if start > position and html[start - 1].isspace() else start
        out.append(html[position:cut])
        position = attribute.end()
    out.append(html[position:])
    return "".join(out)
