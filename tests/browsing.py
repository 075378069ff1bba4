"""What the browser tests share: Debian's Chromium, a built site served on 127.0.0.1, what a
page did (console errors, requests that left the site), and the figures the run measured.

`FIGURES` collects measurements (page weight, time to the first chart); conftest.py prints
them at the end of the run. Screenshots go to tests/screenshots/ (kept, ignored by git).
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

# Debian's chromium here; another Chromium-based browser elsewhere (GitHub's runners ship
# Google Chrome), named by SALESPLAN_CHROMIUM.
CHROMIUM = Path(os.environ.get("SALESPLAN_CHROMIUM") or "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).parent / "screenshots"
FIGURES: dict[str, str] = {}  # name → measured value, printed at the end of the run

ALL_DRAWN = """() => {
  const charts = [...document.querySelectorAll(".salesplan-chart")];
  return charts.every(
    (div) => div.hasAttribute("data-salesplan-drawn") && div.querySelector("svg.main-svg"));
}"""
# Material swaps each `pre.mermaid` for a `div.mermaid` holding the drawn diagram.
# (Predicates are functions: a string to evaluate is refused by the pages' policy.)
DIAGRAMS_DRAWN = """() => document.querySelectorAll("pre.mermaid").length === 0"""


def unavailable(reason: str) -> None:
    """Skip, except on CI where a missing browser must not pass silently."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}; the browser tests are required when CI=true")
    pytest.skip(reason)


@contextmanager
def chromium() -> Iterator:
    """Debian's Chromium driven by Playwright (skipped without them, except on CI)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("playwright (Python package) is not installed")
    if not CHROMIUM.exists():
        unavailable(f"{CHROMIUM} is missing (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


class _LocalServer(ThreadingHTTPServer):
    # Chromium opens many connections at once; past the default backlog of 5 the kernel
    # answers with SYN cookies and then resets the connection (ERR_CONNECTION_RESET).
    request_queue_size = 128
    daemon_threads = True


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def served(site: Path) -> Iterator[str]:
    """Serve a built site on 127.0.0.1 as if it were deployed at its site_url; yields its
    address (ending in /)."""
    server = _LocalServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_port}/"
    _move_sitemap(site, base)
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def _move_sitemap(site: Path, base: str) -> None:
    """Point sitemap.xml at base: Material navigates instantly only to the sitemap's URLs."""
    sitemap = site / "sitemap.xml"
    text = sitemap.read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]*)</loc>", text)
    assert locs, (
        "sitemap.xml lists no page: without site_url in mkdocs.yml, Material's instant "
        "navigation is off (every link reloads the page)"
    )
    root = min(locs, key=len)  # the home page: every other URL starts with it
    sitemap.write_text(text.replace(f"<loc>{root}", f"<loc>{base}"), encoding="utf-8")


@dataclass
class Watched:
    """What a page did: console errors (a refused request or script is one), uncaught
    exceptions, and every request that left the site (refused here)."""

    errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    scripts: dict[str, int] = field(default_factory=dict)  # script URL → bytes received


def watch(page, base: str) -> Watched:
    """Record what `page` does; requests that leave `base` are recorded and refused."""
    seen = Watched()
    page.on("console", lambda m: seen.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: seen.errors.append(str(error)))
    page.route(
        lambda url: not url.startswith(base),
        lambda route: (seen.outside.append(route.request.url), route.abort()),
    )
    return seen


def record_scripts(context, seen: Watched) -> None:
    """Count the bytes of every script the pages (and their workers) of `context` receive."""

    def received(response) -> None:
        if response.request.resource_type == "script" or response.url.endswith(".js"):
            try:
                seen.scripts[response.url] = len(response.body())
            except Exception:  # a response without a body (a redirect)
                seen.scripts.setdefault(response.url, 0)

    context.on("response", received)


def screenshot(page, name: str) -> Path:
    """A full-page screenshot kept in tests/screenshots/ for people to look at."""
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def set_palette(page, scheme: str) -> None:
    """Switch Material's palette ("default" light, "slate" dark) by its toggle, if needed."""
    if page.evaluate("document.body.dataset.mdColorScheme") != scheme:
        page.locator("[data-md-component=palette] label:visible").first.click()
        page.wait_for_function(f"() => document.body.dataset.mdColorScheme === {scheme!r}")
