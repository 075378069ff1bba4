"""The Content-Security-Policy every page carries: the browser loads nothing from another host.

A plan is untrusted input. Its texts are escaped and its body sanitised; the policy is the
second wall: even markup that slipped through could not load a script, an image or a font from
elsewhere, nor send anything away. It is a `<meta http-equiv>` at the top of each page's
`<head>`, because static hosts such as GitHub Pages cannot send headers.

- scripts: the site's own files, and the inline scripts Material writes into each page, each
  allowed by the SHA-256 hash of its text as built (a script that differs is refused). Under
  `serve`, MkDocs adds a live-reload script that differs in every response, so inline scripts
  are allowed there (still none from another host);
- styles: the site's own files and inline styles, which plotly.js and Mermaid write into charts
  and diagrams; a style cannot load anything from elsewhere either, since images, fonts and
  imported style sheets come from the site only;
- images: the site's own and `data:` images; connections (search index, instant navigation),
  workers (search) and frames: the site's own.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable

_SCRIPT = re.compile(r"<script(?P<attributes>(?:\s[^>]*)?)>(?P<text>.*?)</script>", re.S | re.I)
_TYPE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]+)""", re.I)
_HEAD = re.compile(r"<head(?:\s[^>]*)?>", re.I)
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.I)
_JAVASCRIPT_TYPES = ("", "text/javascript", "application/javascript", "module")


def inline_scripts(page: str) -> list[str]:
    """The text of every inline script of a page that a browser would run."""
    found = []
    for match in _SCRIPT.finditer(page):
        attributes = match.group("attributes")
        if re.search(r"\ssrc\s*=", attributes, re.I):
            continue
        kind = _TYPE.search(attributes)
        if (kind.group(1).lower() if kind else "") in _JAVASCRIPT_TYPES:
            found.append(match.group("text"))
    return found


def script_hash(text: str) -> str:
    """A CSP source allowing one inline script: 'sha256-…' of its text."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(scripts: Iterable[str], *, serving: bool = False) -> str:
    """The policy for a page whose inline scripts are `scripts` (their texts)."""
    # Under `serve`: the live-reload script differs in every response, so no hash can allow it.
    inline = ["'unsafe-inline'"] if serving else sorted({script_hash(text) for text in scripts})
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'", *inline],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "worker-src": ["'self'"],
        "frame-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def with_policy(page: str, *, serving: bool = False, extra_scripts: Iterable[str] = ()) -> str:
    """The page with its policy as the first element of <head> after the charset.

    `extra_scripts` are inline scripts that do not appear in the page but that it runs in a
    frame of its own (the offline search worker, see offline.py).
    """
    meta = (
        '<meta http-equiv="Content-Security-Policy" content="'
        + policy([*inline_scripts(page), *extra_scripts], serving=serving)
        + '">'
    )
    anchor = _CHARSET.search(page) or _HEAD.search(page)
    if anchor is None:
        return page  # not an HTML page with a head
    return page[: anchor.end()] + meta + page[anchor.end() :]
