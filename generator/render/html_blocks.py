"""Our HTML blocks set aside while Python-Markdown converts a generated page.

Python-Markdown passes a raw HTML block through unchanged, but it still runs every tag of it
through its HTML parser to find where the block ends: on a plan page that was most of the
Markdown time. The tables and charts the templates write are whole, already escaped HTML
blocks, so the site swaps each one for a one-tag placeholder before the conversion and puts
it back in the converted page: the page comes out byte-identical, only faster.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Sequence

# A table block as _table.html.j2 writes it, a chart with its table (_chart.html.j2) or alone
# (chart_embed.chart_block), or a plan's body (one line, see markup.sanitised_markdown).
# Autoescape turns every `<` of a plan text into `&lt;`, so the first `\n</table>\n</div>`
# (or `\n</figure>`) after the opening tag is the block's own end.
_BLOCK = re.compile(
    r'^<div class="sp-table[^"\n]*"[^>\n]*>\n<table>\n.*?\n</table>\n</div>$'
    r'|^<figure class="sp-chart">\n.*?\n</figure>$'
    r'|^<div class="salesplan-chart" [^\n]*></div>$'
    r'|^<div class="sp-body">[^\n]*</div>$',
    flags=re.M | re.S,
)


class HtmlBlocks:
    """Sets our HTML blocks aside (`set_aside`) and puts them back (`restore`).

    Placeholders carry a random key made once per instance, so no text of a plan can
    imitate one (and a missed one would show, not hide, content).
    """

    def __init__(self) -> None:
        self._key = secrets.token_hex(8)
        self._placeholder = re.compile(rf'<div data-salesplan-block="{self._key}-(\d+)"></div>')

    def set_aside(self, markdown: str) -> tuple[str, tuple[str, ...]]:
        """(the Markdown with each block replaced by a placeholder, the blocks in order)."""
        blocks: list[str] = []

        def placeholder(match: re.Match[str]) -> str:
            blocks.append(match.group(0))
            return f'<div data-salesplan-block="{self._key}-{len(blocks) - 1}"></div>'

        return _BLOCK.sub(placeholder, markdown), tuple(blocks)

    def restore(self, html: str, blocks: Sequence[str]) -> str:
        """The converted page with every placeholder replaced by its block."""
        if not blocks:
            return html
        return self._placeholder.sub(lambda match: blocks[int(match.group(1))], html)
