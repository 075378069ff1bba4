"""The search view (generator/site/search_view.py): Material's search indexes a plan page the
same from it as from the whole page, and the page written is whole."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from types import SimpleNamespace

import markdown
from material.plugins.search.plugin import Parser
from mkdocs.config import load_config

from generator import compute
from generator.check import check
from generator.check.schema import load_schema
from generator.render import render_site
from generator.render.html_blocks import HtmlBlocks
from generator.site.search_view import SearchView
from generator.words import Words

ROOT = Path(__file__).resolve().parent.parent
ZH = Words("zh")


def _plan_page_html() -> str:
    """An example plan page as MkDocs hands it to the search: converted, blocks put back."""
    plans = check([ROOT / "plans"], words=ZH, plans_dir=ROOT / "plans").plans
    pages = render_site(compute.site_data(plans, date(2023, 8, 20)), words=ZH, schema=load_schema())
    text = pages["teams/east-hangzhou-2023q3/index.md"]
    blocks = HtmlBlocks()
    body, aside = blocks.set_aside(text.split("---\n", 2)[2])
    config = load_config(str(ROOT / "mkdocs.yml"))
    converted = markdown.Markdown(
        extensions=config.markdown_extensions, extension_configs=config.mdx_configs
    ).convert(body)
    return blocks.restore(converted, aside)


def _indexed(html: str) -> list[tuple[str, str, str | None]]:
    parser = Parser()
    parser.feed(html)
    parser.close()
    return [("".join(s.title), "".join(s.text), s.id) for s in parser.data if not s.is_excluded()]


def test_the_search_indexes_the_view_as_the_whole_page_and_the_page_stays_whole():
    whole = _plan_page_html()
    page = SimpleNamespace(content=whole, file=SimpleNamespace(src_uri="teams/x/index.md"))
    view = SearchView()
    view.hide(page)
    assert len(page.content) < len(whole) * 0.95  # the excluded tables are out of the view
    assert "data-search-exclude>\n<table>" not in page.content
    assert _indexed(page.content) == _indexed(whole)
    view.show(page)
    assert page.content == whole  # none of our attributes has a value Material would remove


def test_a_page_without_excluded_tables_is_left_as_it_is():
    page = SimpleNamespace(content="<p>文字</p>", file=SimpleNamespace(src_uri="a.md"))
    view = SearchView()
    view.hide(page)
    view.show(page)
    assert page.content == "<p>文字</p>"
