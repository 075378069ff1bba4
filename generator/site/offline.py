"""Offline builds: a site that opens from its folder (file://), for the pull-request preview.

With Material's `offline` plugin in the configuration (`salesplan build --offline` adds it),
the plugin here makes our part of the site work from a folder too:
- links end in `.html` (use_directory_urls off), set before our pages are rendered, whichever
  plugin runs first;
- instant navigation is turned off: it cannot fetch pages from a folder, and Material then ends
  its `document$` stream before the first page, so no chart would ever be drawn;
- browsers refuse workers on file:// pages, so Material runs its search worker in a hidden frame
  with the iframe-worker shim, which its offline plugin would fetch from a CDN. The vendored
  shim (render/vendor) is listed in `extra.polyfills` instead, so Material adds none;
- the shim writes that frame with an inline script of its own, which the page's policy must
  allow by hash (policy.py): `frame_script` rebuilds its text for a page.
"""

from __future__ import annotations

import json
import re

from mkdocs.config.defaults import MkDocsConfig

from ..render import WORKER_SHIM, worker_shim

_NAMES = ("offline", "material/offline")
_CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)
_FRAME = re.compile(r"document\.write\(`(?P<page>.*?)`\)", re.S)
_FRAME_SCRIPT = re.compile(r"<script>(?P<text>.*?)<\\/script>", re.S)
_PLACEHOLDER = re.compile(r"\$\{([A-Za-z_$][\w$]*)\}")


class ShimChanged(Exception):
    """The vendored shim no longer writes its frame the way frame_script reads it."""


def offline_build(config: MkDocsConfig) -> bool:
    """Whether Material's offline plugin is on in this configuration."""
    for name in _NAMES:
        plugin = config.plugins.get(name)
        if plugin is not None:
            return bool(plugin.config.get("enabled", True))
    return False


def prepare(config: MkDocsConfig) -> None:
    """Links to .html files, no instant navigation, the vendored shim instead of the CDN's."""
    config.use_directory_urls = False
    features = config.theme.get("features") or []
    config.theme["features"] = [f for f in features if not f.startswith("navigation.instant")]
    polyfills = [p for p in config.extra.get("polyfills", []) if "iframe-worker" not in str(p)]
    config.extra["polyfills"] = [*polyfills, WORKER_SHIM]


def frame_script(page: str) -> str | None:
    """The inline script the shim writes into the search worker's frame of this page.

    The shim writes `postMessage=${c};importScripts=${d};…{filename:"${e}",…}`: `c` and `d`
    are functions of the shim (their source text), `e` the worker's address as the page gives
    it to `new Worker` (Material's `search` setting of the page).
    """
    config = _CONFIG.search(page)
    if config is None:
        return None
    worker = json.loads(config.group(1)).get("search")
    if not worker:
        return None
    shim = worker_shim()
    frame = _FRAME.search(shim)
    script = _FRAME_SCRIPT.search(frame.group("page")) if frame else None
    if script is None or "\\" in script.group("text"):
        raise ShimChanged("the iframe-worker shim writes its frame in an unknown way")

    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        return _function_source(shim, name) if f"function {name}(" in shim else worker

    return _PLACEHOLDER.sub(value, script.group("text"))


def _function_source(source: str, name: str) -> str:
    """The text of `function name(…){…}` in minified source (no braces inside its strings)."""
    start = source.index(f"function {name}(")
    depth, index = 0, source.index("{", start)
    while True:
        depth += {"{": 1, "}": -1}.get(source[index], 0)
        if depth == 0:
            return source[start : index + 1]
        index += 1
