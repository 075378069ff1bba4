"""A table as Material's search reads it, with no tag the search drops.

Material's search parser (material/plugins/search/plugin.py, `Parser`) keeps the text of a
table and a few tags (`p`, `code`, lists, `sub`, `sup`); it drops every other tag, but only
after Python's HTML parser has read each of them, and a plan page's tables are hundreds of
`tr`, `td` and `span` tags. `flat_table` writes what the parser keeps of one of our table
blocks: the kept tags as they are, and the text between them already collapsed and escaped
the way the parser would append it. Fed to the parser, it gives the same text.

How the parser appends the text between two tags (one "chunk", its character references
already resolved): a chunk of blank characters is one space, unless the last piece appended
is blank already; any other chunk has its newlines turned into spaces and is escaped. So the
pieces a run of chunks appends are known once the first is read, and they can be handed to
the parser as one chunk, except:
- the first chunk of a run, which is read on its own (what it appends depends on the text
  before the table);
- a blank last piece, also handed on its own: the next chunk after the table looks at it.
The flat table is wrapped in a tag the parser drops, so that its first and last chunks are not
read together with the text around the table.

A block this cannot read for certain (a tag it does not expect, a `<` or `>` in the text, a
heading, preformatted text, an element the search skips, tags that do not nest, a character
reference that stands for nothing) is left as it is: the parser then reads the whole of it,
as before.
"""

from __future__ import annotations

import re
from html import escape, unescape

# What the parser keeps as tags in the text of an entry (Parser.keep), and tags without an end.
_KEPT = frozenset({"p", "code", "li", "ol", "ul", "sub", "sup"})
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
     "source", "track", "wbr"}
)  # fmt: skip
# Tags whose text the parser treats otherwise (headings start sections, `pre` keeps blanks,
# these are skipped): a block holding one is left to the parser.
_UNSURE = frozenset({"pre", "script", "style", "object", "h1", "h2", "h3", "h4", "h5", "h6"})
# One tag as our templates and nh3 write them: attribute values quoted, without `<` or `>`.
_TAG = re.compile(r'<(/?)([a-z][a-z0-9]*)((?:\s+[a-zA-Z_:][-\w:.]*(?:="[^"<>]*")?)*)\s*(/?)>')
_SEPARATOR = "<i></i>"  # a tag the parser drops: ends one chunk of text, starts the next


def flat_table(block: str) -> str:
    """What Material's search reads of `block` (one table block), with the same result."""
    lowered = block.lower()  # the parser reads attribute names in any case
    if "data-search-" in lowered or "linenodiv" in lowered:
        return block  # an element the search skips, inside
    out: list[str] = []
    chunks: list[str] = []  # the text since the last kept tag, chunk by chunk
    open_tags: list[str] = []
    position = 0
    for tag in _TAG.finditer(block):
        text = block[position : tag.start()]
        if "<" in text or ">" in text:
            return block
        if text:
            chunk = unescape(text)
            if not chunk:  # a reference to nothing (`&#1;`): the parser appends it, empty
                return block
            chunks.append(chunk)
        position = tag.end()
        closing, name, self_closing = tag.group(1), tag.group(2), tag.group(4)
        if name in _UNSURE or (closing and name in _VOID):
            return block
        if self_closing and name in _KEPT:
            return block
        if name in _VOID or (self_closing and not closing):
            continue  # the parser takes nothing from these
        if closing:
            if not open_tags or open_tags.pop() != name:
                return block
        else:
            open_tags.append(name)
        if name in _KEPT:
            out.extend(_run(chunks))
            out.append(f"</{name}>" if closing else f"<{name}>")
            chunks = []
    rest = block[position:]
    if open_tags or "<" in rest or ">" in rest:
        return block
    if rest:
        if not unescape(rest):
            return block
        chunks.append(unescape(rest))
    out.extend(_run(chunks))
    return f"<i>{''.join(out)}</i>"  # the text before and after the table is read apart


def _run(chunks: list[str]) -> list[str]:
    """A run of chunks between two kept tags, as few chunks that append the same text."""
    if not chunks:
        return []
    first, *rest = chunks
    pieces: list[str] = []
    blank = first.isspace()
    for chunk in rest:
        if chunk.isspace():
            if not blank:
                pieces.append(" ")
            blank = True
        else:
            pieces.append(escape(chunk.replace("\n", " "), quote=False))
            blank = False
    out = [escape(first, quote=False)]
    if not pieces:
        return out
    tail = [" "] if pieces[-1] == " " and len(pieces) > 1 else []
    middle = "".join(pieces[:-1] if tail else pieces)
    if first.isspace() or middle.isspace():
        out.append(_SEPARATOR)
        out.append(middle)
    else:
        out[0] += middle
    if tail:
        out.extend((_SEPARATOR, " "))
    return out
