"""Our HTML blocks set aside while Python-Markdown converts a generated page.

Python-Markdown passes a raw HTML block through unchanged, but it still runs every tag of it
through its HTML parser to find where the block ends (and MkDocs parses each one again, for its
links): on a plan page that was most of the Markdown time. The tables, charts and one-line
paragraphs the templates write are whole, already escaped HTML blocks, so the site swaps each
one for a placeholder word before the conversion and puts it back in the converted page, where
the word became a paragraph of its own: the page comes out byte-identical, only faster.

A block is set aside only when it stands alone between blank lines (where Python-Markdown
would take it as a raw block), and holds no tab, carriage return or STX/ETX character (which
Python-Markdown rewrites everywhere, raw HTML included); anywhere else it is left to
Python-Markdown. A placeholder that did not come out as a paragraph of its own (inside raw
HTML that spans blank lines, say) is still put back where it is.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Sequence

# A table block as _table.html.j2 writes it, a chart with its table (_chart.html.j2) or alone
# (chart_embed.chart_block), a plan's body (one line, see markup.sanitised_markdown), or one of
# the templates' one-line paragraphs and print headers. Autoescape turns every `<` of a plan
# text into `&lt;`, so the first `\n</table>\n</div>` (or `\n</figure>`) after the opening tag
# is the block's own end, and a one-line paragraph holds no other `<p` or `</p>`.
_BLOCK = re.compile(
    r"(?:\A|(?<=\n\n))(?:"  # atomic groups: a block ends at its own end, or is not one
    r'<div class="sp-table[^"\n]*"[^>\n]*>\n<table>\n(?>.*?\n</table>\n</div>)'
    r'|<figure class="sp-chart">\n(?>.*?\n</figure>)'
    r'|<div class="salesplan-chart" [^\n]*></div>'
    r'|<div class="sp-body">[^\n]*</div>'
    r'|<p class="sp-[^"\n]*"(?:[^<\n]|<(?!/?p[\s>]))*</p>'
    r'|<div class="sp-print-header" [^<>\n]*></div>'
    r")(?=\n\n|\n?\Z)",
    flags=re.S,
)


# What Python-Markdown's NormalizeWhitespace changes in raw HTML too (tabs expanded, carriage
# returns made newlines, STX and ETX dropped): a block holding one is left to it.
_REWRITTEN = ("\t", "\r", "\x02", "\x03")


class HtmlBlocks:
    """Sets our HTML blocks aside (`set_aside`) and puts them back (`restore`).

    Placeholders carry a random key made once per instance, so no text of a plan can
    imitate one. They are words of letters and digits only, which no Markdown syntax changes.
    """

    def __init__(self) -> None:
        self._word = f"spblock{secrets.token_hex(8)}x"  # then the block's number, then z
        self._bare = re.compile(rf"{self._word}(\d+)z")
        self._placeholder = re.compile(rf"<p>{self._bare.pattern}</p>")

    def set_aside(self, markdown: str) -> tuple[str, tuple[str, ...]]:
        """(the Markdown with each block replaced by a placeholder, the blocks in order)."""
        blocks: list[str] = []

        def placeholder(match: re.Match[str]) -> str:
            block = match.group(0)
            if any(char in block for char in _REWRITTEN):
                return block
            blocks.append(block)
            return f"{self._word}{len(blocks) - 1}z"

        return _BLOCK.sub(placeholder, markdown), tuple(blocks)

    def restore(self, html: str, blocks: Sequence[str]) -> str:
        """The converted page with every placeholder replaced by its block.

        Python-Markdown writes a raw block with a blank line after it (none at the very end,
        where it strips the page): so does this."""
        if not blocks:
            return html
        restored = self._placeholder.sub(lambda match: blocks[int(match.group(1))] + "\n", html)
        if restored.endswith("\n") and not html.endswith("\n"):
            restored = restored[:-1]
        if self._word in restored:  # not a paragraph of its own: put back as is
            restored = self._bare.sub(lambda match: blocks[int(match.group(1))], restored)
        return restored
