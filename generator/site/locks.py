"""Protected pages as built: sealed content behind a lock, sealed downloads, nothing in clear.

`Protection` is what the plugin asks, page by page, once the passwords are read (access.py):
- a protected page leaves the search index, its title gives way to "Protected page" (a team's
  name stays out of the tab and the header until it is opened) and its table of contents is
  emptied (headings name goals and people);
- its content becomes a lock: a short note of whose password opens it, a password form, and
  the content sealed (sealing.py) in a data attribute, with the page's real title;
- the downloads of a protected plan are published sealed (`<name>.sealed`), and their links in
  the sealed content say so, for the browser to open them once the page is open.
generator/assets/access.js opens the locks in the browser, remembers the readers' keys for the
tab's session, and has Material draw the opened page (charts, diagrams) again.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from collections.abc import Mapping
from importlib import resources
from urllib.parse import unquote

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from ..compute import SiteData
from ..render.paths import region_page_paths
from ..words import Words
from .access import Keys, page_readers
from .sealing import Sealer

ACCESS_SCRIPT = "assets/salesplan/access.js"
ACCESS_STYLESHEET = "assets/salesplan/access.css"
SEALED_SUFFIX = ".sealed"  # a sealed download: the envelope (JSON) of the file
_ANCHOR = re.compile(r"<a\s[^>]*>")
_HREF = re.compile(r'\shref="([^"#?]*)"')
_ATTRIBUTE_SAFE = re.compile(r"^[^'<>&]*$")


class Protection:
    """The sealed pages and files of one build, and how each page is locked."""

    def __init__(
        self, keys: Keys, data: SiteData, pages: Mapping[str, object], words: Words
    ) -> None:
        self._keys = keys
        self._words = words
        self._sealer = Sealer(keys.head_office)
        self.readers = page_readers(data, pages, keys.regions)
        self._headings = {  # region pages: their lock shows the region (no secret)
            path: name for name, path in region_page_paths(r.name for r in data.regions).items()
        }
        self._titles: dict[str, str] = {}  # page path → its real title, while it is built

    @property
    def regions(self) -> frozenset[str]:
        """The protected regions: the nav leaves out their teams."""
        return frozenset(self._keys.regions)

    def sealed_files(self, pages: Mapping[str, str | bytes]) -> dict[str, str | bytes]:
        """The page tree with every protected download sealed, and the lock's script and
        stylesheet added."""
        tree: dict[str, str | bytes] = {}
        for path, content in pages.items():
            readers = self.readers.get(path)
            if readers is None or path.endswith(".md"):
                tree[path] = content
                continue
            data = content.encode("utf-8") if isinstance(content, str) else content
            envelope = self._sealer.seal(path, data, self._keys.of(readers))
            tree[path + SEALED_SUFFIX] = _json(envelope).encode("ascii")
        here = resources.files("generator") / "assets"
        tree[ACCESS_SCRIPT] = (here / "access.js").read_bytes()
        tree[ACCESS_STYLESHEET] = (here / "access.css").read_bytes()
        return dict(sorted(tree.items()))

    def page_markdown(self, page: Page) -> None:
        """Before a protected page is rendered: out of the search, its title kept aside."""
        path = page.file.src_uri
        if path not in self.readers:
            return
        page.meta["search"] = {"exclude": True}
        self._titles[path] = page.title or ""
        if path not in self._headings and self.readers[path]:  # a team's page: its name hidden
            page.title = page.meta["title"] = self._words["access.locked-title"]

    def page_content(self, content: str, page: Page) -> str:
        """The content of a page as published: the content itself, or its lock."""
        path = page.file.src_uri
        readers = self.readers.get(path)
        if readers is None:
            return content
        page.toc = get_toc([])
        # Titles are kept HTML-escaped for the theme (render.markup.page_title); the browser
        # sets them as text.
        title = html.unescape(self._titles.pop(path, page.title or ""))
        content = _sealed_links(content, page.url, self.readers)
        payload = json.dumps({"title": title, "html": content}, ensure_ascii=False)
        envelope = self._sealer.seal(path, payload.encode("utf-8"), self._keys.of(readers))
        shown = html.unescape(page.title or "")
        heading = self._headings.get(path) or shown
        return self._lock(_json(envelope), heading, shown, readers)

    def _lock(self, envelope: str, heading: str, shown: str, readers: tuple[str, ...]) -> str:
        words = self._words
        names = [*readers, words["access.head-office"]]
        who = words["access.separator"].join(names[:-1])
        who = f"{who}{words['access.or']}{names[-1]}" if who else names[-1]
        notes = [words.say("access.note", readers=who)]
        if not readers:
            notes.append(words["access.all-regions"])
        attributes = {
            "title": shown,
            "wrong": words["access.wrong"],
            "opening": words["access.opening"],
            "opened": words["access.opened"],
            "lock": words["access.lock"],
            "unsupported": words["access.unsupported"],
        }
        data = "".join(f' data-{k}="{html.escape(v)}"' for k, v in attributes.items())
        note = "".join(f'<p class="sp-sealed-note">{html.escape(n)}</p>' for n in notes)
        return (
            f"<div class=\"salesplan-sealed\" data-sealed='{envelope}'{data}>\n"
            f"<h1>{html.escape(heading)}</h1>\n{note}\n"
            f'<p class="sp-sealed-script">{html.escape(words["access.needs-script"])}</p>\n'
            '<form class="sp-unlock" hidden>'
            f'<label for="sp-password">{html.escape(words["access.password"])}</label> '
            '<input id="sp-password" name="password" type="password" '
            'autocomplete="current-password" required> '
            '<button class="md-button md-button--primary" type="submit">'
            f"{html.escape(words['access.open'])}</button>"
            '<p class="sp-unlock-message" role="status" aria-live="polite"></p></form>\n'
            "</div>"
        )


def load_lock_assets(config: MkDocsConfig) -> None:
    """The lock's stylesheet and script, loaded by every page of a site with `access`."""
    if ACCESS_STYLESHEET not in config.extra_css:
        config.extra_css.append(ACCESS_STYLESHEET)
    if ACCESS_SCRIPT not in [str(script) for script in config.extra_javascript]:
        config.extra_javascript.append(ACCESS_SCRIPT)


def _json(envelope: dict) -> str:
    text = json.dumps(envelope, separators=(",", ":"))
    if not _ATTRIBUTE_SAFE.match(text):  # base64 and fixed keys only: never happens
        raise ValueError("a sealed envelope must fit in a single-quoted attribute")
    return text


def _sealed_links(content: str, page_url: str, readers: Mapping[str, object]) -> str:
    """Links to sealed downloads pointed at the sealed file, with the name to save it as."""
    base = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url)

    def rewrite(match: re.Match[str]) -> str:
        tag = match.group(0)
        href = _HREF.search(tag)
        if href is None or ":" in href.group(1):
            return tag
        target = posixpath.normpath(posixpath.join(base, unquote(href.group(1))))
        if target not in readers or target.endswith(".md"):
            return tag
        name = html.escape(posixpath.basename(target))
        sealed = f' href="{href.group(1)}{SEALED_SUFFIX}" data-salesplan-file="{name}"'
        return tag[: href.start()] + sealed + tag[href.end() :]

    return _ANCHOR.sub(rewrite, content)
