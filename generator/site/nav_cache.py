"""Material's nav, drawn once per folder depth for the team pages left out of it, and its
words, translated once per build.

Material draws the whole site nav into every page: at thousands of team pages, that was more
than half of the time spent in its page template. A page the nav does not list gets the same
nav as any other such page at the same depth in the same top folder: no item of it is active,
and its links (relative to the page) differ only by the way back to the site's root
(`base_url`, "../.." for teams/<id>/dashboard/) and by the top folder, which a nav page may
share (history/ for history/<team>/). The nav lists no page inside a team's own folder. So
for those pages the nav is drawn once per top folder and `base_url`, and reused, byte for
byte.

Material's templates also translate their words with `partials/language.html`, whose `t`
macro builds the whole table of the language's words at each of a page's thirty calls. A
word depends on the site's language only, so each is translated once and remembered.

It works by wrapping the theme's loader: "partials/nav.html" becomes a call to `salesplan_nav`,
which draws Material's own nav (reached under a prefix) or takes the one already drawn, and
"partials/language.html" a `t` that asks Material's own once per word.
"""

from __future__ import annotations

from collections.abc import Callable

import jinja2
from markupsafe import Markup
from mkdocs.structure.pages import Page

NAV = "partials/nav.html"
LANGUAGE = "partials/language.html"
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

    translated: dict[tuple[str, str], Markup] = {}  # (language, key) → Material's word

    def salesplan_word(original: object, language: str, key: str) -> Markup:
        if (language, key) not in translated:
            translated[language, key] = Markup(original.t(key))  # type: ignore[attr-defined]
        return translated[language, key]

    env.globals["salesplan_nav"] = salesplan_nav
    env.globals["salesplan_word"] = salesplan_word
    language = (
        f'{{% import "{_THEME}/{LANGUAGE}" as original with context %}}'
        "{% macro t(key) %}{{ salesplan_word(original, config.theme.language, key) }}"
        "{% endmacro %}"
    )
    ours = jinja2.DictLoader({NAV: "{{ salesplan_nav() }}", LANGUAGE: language})
    env.loader = jinja2.ChoiceLoader([ours, jinja2.PrefixLoader({_THEME: theme}), theme])
