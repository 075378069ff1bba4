"""Material's nav, drawn once per folder depth for the team pages left out of it.

Material draws the whole site nav into every page: at thousands of team pages, that was more
than half of the time spent in its page template. A page the nav does not list gets the same
nav as any other such page at the same depth in the same top folder: no item of it is active,
and its links (relative to the page) differ only by the way back to the site's root
(`base_url`, "../.." for teams/<id>/dashboard/) and by the top folder, which a nav page may
share (history/ for history/<team>/). The nav lists no page inside a team's own folder. So
for those pages the nav is drawn once per top folder and `base_url`, and reused, byte for
byte.

It works by wrapping the theme's loader: "partials/nav.html" becomes a call to `salesplan_nav`,
which draws Material's own nav (reached under a prefix) or takes the one already drawn.
"""

from __future__ import annotations

from collections.abc import Callable

import jinja2
from markupsafe import Markup
from mkdocs.structure.pages import Page

NAV = "partials/nav.html"
_THEME = "salesplan-theme"  # Material's own templates, under this prefix


def cache_nav(env: jinja2.Environment, unlisted: Callable[[Page], bool]) -> None:
    """Make `env` draw the nav once per top folder and `base_url` for the pages `unlisted`
    says are not in it (every item inactive); other pages get theirs drawn as before."""
    theme = env.loader
    if theme is None or "salesplan_nav" in env.globals:
        return
    drawn: dict[str, Markup] = {}  # "top folder|base_url" → the nav drawn there

    @jinja2.pass_context
    def salesplan_nav(context: jinja2.runtime.Context) -> Markup:
        page = context.get("page")
        top = page.file.src_uri.split("/", 1)[0] if page is not None else ""
        key = f"{top}|{context.get('base_url')}"
        if page is not None and unlisted(page) and key in drawn:
            return drawn[key]
        nav = Markup(env.get_template(f"{_THEME}/{NAV}").render(context.get_all()))
        if page is not None and unlisted(page):
            drawn[key] = nav
        return nav

    env.globals["salesplan_nav"] = salesplan_nav
    ours = jinja2.DictLoader({NAV: "{{ salesplan_nav() }}"})
    env.loader = jinja2.ChoiceLoader([ours, jinja2.PrefixLoader({_THEME: theme}), theme])
