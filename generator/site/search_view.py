"""What Material's search reads of a generated page: the page without its tables that are out
of the search anyway.

Material's search parses every tag of an indexed page with Python's HTML parser, including the
tags of the elements marked `data-search-exclude`, only to skip them: on a plan page, the goal
position, ambition and traceability tables were a fifth of its tags. Just before the search
reads a page, its content is swapped for the same HTML without those tables, and put back just
after: the index is the same (the search takes nothing from a skipped element, and the blank
text around one collapses to one space either way), and the page is written whole.
"""

from __future__ import annotations

import re

from mkdocs.structure.pages import Page

# A table block as render/table_html writes it, left out of the search (html_blocks.py: the
# first `\n</table>\n</div>` after its opening tag is its own end; tables do not nest).
_EXCLUDED_TABLE = re.compile(
    r'^<div class="sp-table[^"\n]*"[^>\n]* data-search-exclude>\n<table>\n.*?\n</table>\n</div>$',
    flags=re.M | re.S,
)
# What Material's search removes from every page's content once it has read it.
_SEARCH_ATTRIBUTES = re.compile(r"\s?data-search-\w+=\"[^\"]+\"")


class SearchView:
    """Swaps a page's content for its search view (`hide`), and back (`show`)."""

    def __init__(self) -> None:
        self._whole: dict[str, str] = {}  # page path → its content, while the search reads

    def hide(self, page: Page) -> None:
        """Before the search reads `page`: its content without the excluded tables."""
        if not page.content or "data-search-exclude>\n<table>" not in page.content:
            return
        view = _EXCLUDED_TABLE.sub("", page.content)
        if view != page.content:
            self._whole[page.file.src_uri] = page.content
            page.content = view

    def show(self, page: Page) -> None:
        """After the search read `page`: its whole content, as the search would have left it."""
        whole = self._whole.pop(page.file.src_uri, None)
        if whole is not None:
            page.content = _SEARCH_ATTRIBUTES.sub("", whole)
