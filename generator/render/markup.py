"""Markup safety: the Jinja2 environment, escaping for Markdown and Mermaid, the body sanitiser.

Every text that comes from a plan is untrusted. Tables are HTML blocks inside the Markdown
pages, escaped by Jinja2's autoescape: Python-Markdown passes raw HTML blocks through untouched,
so Markdown syntax in a plan text (a `[link](javascript:…)`) stays literal text there.
"""

from __future__ import annotations

import html
import json
import re
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
import markdown
import nh3
from markupsafe import Markup, escape

from .cells import Code, Day, Editable, Figure, Group, Lines, Link, Span, Status

TEMPLATES = Path(__file__).parent / "templates"

# Python-Markdown's backslash escapes (markdown.Markdown.ESCAPED_CHARS plus the attr_list braces).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!>])")
# Characters that extensions may give a meaning (tables, emoji, mark, caret, tilde) but that
# Python-Markdown does not un-escape: a backslash would show. A character reference cannot be
# read as syntax and shows the character.
_CHARACTER_REFERENCES = str.maketrans({c: f"&#{ord(c)};" for c in "|~=^:"})

_BODY_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "code",
    "dd",
    "del",
    "details",
    "div",
    "dl",
    "dt",
    "em",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "s",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
}
_BODY_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"align", "colspan", "rowspan"},
    "th": {"align", "colspan", "rowspan"},
    "ol": {"start"},
}
_URL_SCHEMES = {"http", "https", "mailto"}
_BLANK_RUNS = re.compile(r"\n{3,}")


def markdown_inline(text: object) -> Markup:
    """Plain text made safe for a Markdown context (a heading): HTML-escaped, syntax escaped."""
    escaped = html.escape(" ".join(str(text).split()), quote=False)
    return Markup(_MARKDOWN_SPECIAL.sub(r"\\\1", escaped).translate(_CHARACTER_REFERENCES))


def plain_text(text: object) -> Markup:
    """Escaped text for an HTML block: line breaks become <br>, never a blank line (which would
    end the HTML block inside the Markdown page). Markup that is already safe (sanitised
    HTML such as the format reference's descriptions) is kept, on one line."""
    if isinstance(text, Markup):
        return Markup(" ".join(text.split()))
    lines = str(text).splitlines()
    if len(lines) <= 1:  # most texts: one line, escaped as it is
        return escape(" ".join(lines[0].split())) if lines else Markup("")
    flat = (" ".join(line.split()) for line in lines)
    return Markup("<br>").join(line for line in flat if line)


def mermaid_text(text: object) -> Markup:
    """Text for a quoted Mermaid node label, `id["…"]`, using Mermaid's `#code;` entities.

    `#` goes first so that the entities written next are not escaped again. `%` is written as
    an entity too: Mermaid reads `%%{init: …}%%` anywhere in a diagram as settings for the whole
    diagram (its theme, its fonts from another host), even inside a quoted label.
    """
    flat = " ".join(str(text).split())
    for char, entity in (
        ("#", "#35;"),
        ("%", "#37;"),
        ('"', "#quot;"),
        ("<", "#lt;"),
        (">", "#gt;"),
        ("&", "#amp;"),
        ("`", "#96;"),
        ("|", "#124;"),
    ):
        flat = flat.replace(char, entity)
    # No HTML-significant character is left; the fence escapes the code block once more.
    return Markup(flat)


def sanitised_markdown(text: str) -> Markup:
    """A plan's Markdown body as HTML on one line, cleaned by an allow-list (no script, style,
    handlers, classes).

    Links keep only http, https and mailto URLs (or relative ones); the cleaner adds
    `rel="noopener noreferrer"`. Images keep only a relative address (a file of the site
    itself): an image from another host would tell that host who reads the plan, and when.
    The HTML is one line, so that nothing in it starts a line of the page's Markdown: a
    fence there (```` ```mermaid ````) would become a diagram of the plan's own.
    """
    if not text.strip():
        return Markup("")
    rendered = _body_converter().reset().convert(text)
    cleaned = nh3.clean(
        rendered,
        tags=_BODY_TAGS,
        attributes=_BODY_ATTRIBUTES,
        url_schemes=_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
        attribute_filter=_same_site_images,
    )
    # <pre> keeps its newlines as entities so the code stays readable; anywhere else a
    # newline is a space.
    cleaned = re.sub(r"<pre>(.*?)</pre>", _keep_pre_newlines, cleaned, flags=re.S)
    return Markup(" ".join(cleaned.split("\n")).strip())


def _same_site_images(tag: str, attribute: str, value: str) -> str | None:
    """nh3's attribute filter: an image's `src` stays only when it is a relative address."""
    if tag == "img" and attribute == "src":
        address = urlsplit(value.strip())
        if address.scheme or address.netloc or value.strip().startswith(("/", "\\")):
            return None
    return value


@cache
def _body_converter() -> markdown.Markdown:
    # One converter for every body (reset before each): building one per plan loads the
    # extensions each time.
    return markdown.Markdown(extensions=["tables", "sane_lists"], output_format="html")


def _keep_pre_newlines(match: re.Match[str]) -> str:
    return "<pre>" + match.group(1).replace("\n", "&#10;") + "</pre>"


@cache
def environment() -> jinja2.Environment:
    """The Jinja2 environment of the page templates: autoescape on for every template."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # package files: no need to look at them again at every page
    )
    env.filters["md"] = markdown_inline
    env.filters["text"] = plain_text
    env.filters["mermaid"] = mermaid_text
    for name, cls in (
        ("status", Status),
        ("link", Link),
        ("editable", Editable),
        ("code", Code),
        ("lines", Lines),
        ("group", Group),
        ("span", Span),
        ("figure", Figure),
        ("day", Day),
        ("editable", Editable),
    ):
        env.tests[f"{name}_cell"] = lambda value, cls=cls: isinstance(value, cls)
    from .table_html import cell_html, table_html  # it uses this module's filters

    env.globals["cell_html"] = cell_html
    env.globals["table_html"] = table_html
    return env


def render_template(name: str, **context: object) -> str:
    """Render one page template; blank-line runs collapse so HTML blocks stay whole."""
    text = environment().get_template(name).render(**context)
    if "\n\n\n" in text:
        text = _BLANK_RUNS.sub("\n\n", text)
    return text.strip() + "\n"


def page_title(text: str) -> Markup:
    """The frontmatter line that sets the page title; MkDocs themes print it unescaped.

    A JSON string is a valid YAML string; its text is HTML-escaped, so it is safe markup.
    """
    flat = " ".join(text.split())
    return Markup("title: " + json.dumps(html.escape(flat, quote=True), ensure_ascii=False))
