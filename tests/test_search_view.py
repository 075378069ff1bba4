"""The search view (generator/site/search_view.py, search_flat.py): Material's search indexes
every generated page the same from it as from the whole page, and the page written is whole."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from material.plugins.search.plugin import Parser
from mkdocs.config import load_config

from generator import compute
from generator.check import check
from generator.check.schema import load_schema
from generator.render import render_site
from generator.render.html_blocks import HtmlBlocks
from generator.site import search_view
from generator.site.search_flat import flat_table
from generator.site.search_view import SearchView, _without_search_attributes
from generator.words import Words

ROOT = Path(__file__).resolve().parent.parent
ZH = Words("zh")


def _example_pages() -> dict[str, str]:
    """The example site's generated pages as MkDocs hands them to the search: converted, our
    blocks put back."""
    plans = check([ROOT / "plans"], words=ZH, plans_dir=ROOT / "plans").plans
    pages = render_site(compute.site_data(plans, date(2023, 8, 20)), words=ZH, schema=load_schema())
    config = load_config(str(ROOT / "mkdocs.yml"))
    converted = {}
    for path, text in sorted(pages.items()):
        if not path.endswith(".md"):
            continue
        blocks = HtmlBlocks()
        body = text.split("---\n", 2)[2] if text.startswith("---") else text
        body, aside = blocks.set_aside(body)
        html = markdown.Markdown(
            extensions=config.markdown_extensions, extension_configs=config.mdx_configs
        ).convert(body)
        converted[path] = blocks.restore(html, aside)
    return converted


def _plan_page_html() -> str:
    return _example_pages()["teams/east-hangzhou-2023q3/index.md"]


def _indexed(html: str) -> list[tuple[str, str, str | None]]:
    parser = Parser()
    parser.feed(html)
    parser.close()
    return [("".join(s.title), "".join(s.text), s.id) for s in parser.data if not s.is_excluded()]


def test_the_search_indexes_the_view_as_the_whole_page_and_the_page_stays_whole():
    whole = _plan_page_html()
    page = SimpleNamespace(content=whole, meta={}, file=SimpleNamespace(src_uri="teams/x/index.md"))
    view = SearchView()
    view.hide(page)
    assert len(page.content) < len(whole) * 0.95  # the excluded tables are out of the view
    assert "data-search-exclude>\n<table>" not in page.content
    tags = re.compile(r"<[a-z]")
    assert len(tags.findall(page.content)) < len(tags.findall(whole)) / 5  # the others flat
    assert _indexed(page.content) == _indexed(whole)
    view.show(page)
    assert page.content == whole  # none of our attributes has a value Material would remove


def test_a_page_without_excluded_tables_is_left_as_it_is():
    page = SimpleNamespace(content="<p>文字</p>", meta={}, file=SimpleNamespace(src_uri="a.md"))
    view = SearchView()
    view.hide(page)
    view.show(page)
    assert page.content == "<p>文字</p>"


def test_every_generated_page_is_indexed_the_same_from_its_view():
    pages = _example_pages()
    flattened = 0
    for path, whole in pages.items():
        page = SimpleNamespace(content=whole, meta={}, file=SimpleNamespace(src_uri=path))
        view = SearchView()
        view.hide(page)
        flattened += page.content != whole
        assert _indexed(page.content) == _indexed(whole), path
        view.show(page)
        assert page.content == _material_leaves(whole), path
    assert flattened > 10  # plan pages, the home page, regions, alerts


def test_a_page_out_of_the_search_is_left_as_it_is():
    whole = _plan_page_html()
    page = SimpleNamespace(
        content=whole, meta={"search": {"exclude": True}}, file=SimpleNamespace(src_uri="d.md")
    )
    view = SearchView()
    view.hide(page)
    assert page.content == whole  # the search does not read it: no view made
    view.show(page)
    assert page.content == whole


def test_a_page_out_of_the_search_is_handed_over_empty_when_the_search_reads_alone():
    whole = _plan_page_html() + '\n<p data-search-boost="2">加权</p>'
    page = SimpleNamespace(
        content=whole, meta={"search": {"exclude": True}}, file=SimpleNamespace(src_uri="d.md")
    )
    view = SearchView()
    view.hide(page, alone=True)
    assert page.content == ""  # nothing for the search to read or clean
    view.show(page)
    assert page.content == _material_leaves(whole) != whole  # cleaned as the search would


def test_the_search_reads_alone_unless_another_plugin_looks_at_the_page():
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert search_view.alone(config.plugins)

    class Other:
        def on_page_context(self, context, **kwargs):
            return context

    events = {"page_context": [*config.plugins.events["page_context"], Other().on_page_context]}
    assert not search_view.alone(SimpleNamespace(events=events))


def _material_leaves(html: str) -> str:
    return re.sub(r"\s?data-search-\w+=\"[^\"]+\"", "", html)


# Tables as table_html writes them, with cells the way plans fill them, and the text the search
# reads around them: whatever the cells hold, the search reads the same from the flat table.
_TEXT = st.sampled_from(
    ["文字", "a", " ", "\n", "\n\n", "\u3000", " x ", "&amp;", "&lt;b&gt;", "&quot;", "&#39;",
     "a\nb", "R&amp;D", "\t", "1 &gt; 0", ""]
)  # fmt: skip
_INLINE = st.sampled_from(
    ['<span class="sp-none">—</span>', "<br>", "<br />", "<code>x</code>", "<strong>重</strong>",
     '<a href="x">链接</a>', "<em> </em>", "<sup>2</sup>", "<p></p>", "<p> </p>",
     "<ul><li></li></ul>",
     "<ul>\n<li>一</li>\n<li> </li>\n</ul>", "<ol><li><p>段</p></li></ol>", "<li></li>",
     '<span class="sp-status" title="a &gt; b"><span class="sp-icon">●</span> 进行中</span>']
)  # fmt: skip
_CELL = st.lists(st.one_of(_TEXT, _INLINE), max_size=5).map("".join)


@st.composite
def _tables(draw) -> str:
    rows = draw(st.lists(st.lists(_CELL, min_size=1, max_size=3), max_size=4))
    head = "".join(f"<th>{draw(_CELL)}</th>" for _ in range(draw(st.integers(1, 3))))
    body = "".join(f"<tr>{''.join(f'<td>{c}</td>' for c in row)}</tr>\n" for row in rows)
    return (
        f'<div class="sp-table sp-x" role="region" tabindex="0" aria-label="表 · &gt;">\n<table>\n'
        f"<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody>\n</table>\n</div>"
    )


_BEFORE = ["", "<p>前文</p>\n", "<p>前文 </p>", "<ul>\n<li>一</li>\n</ul>\n", "x"]
_AFTER = ["", "\n<p>后文</p>", "\n\n", " y", "<li>z</li>", '\n<h2 id="b">标题</h2>\n']


@settings(max_examples=400, deadline=None)
@given(before=st.sampled_from(_BEFORE), table=_tables(), after=st.sampled_from(_AFTER))
def test_a_flat_table_is_read_by_the_search_as_the_table(before, table, after):
    page = f'<h1 id="t">团队</h1>\n{before}{table}{after}'
    flat = flat_table(table)
    assert _indexed(page.replace(table, flat)) == _indexed(page)


def test_a_flat_table_has_only_the_tags_the_search_keeps():
    table = (
        '<div class="sp-table" role="region" tabindex="0" aria-label="任务">\n<table>\n'
        "<thead><tr><th>任务</th><th>负责人</th></tr></thead>\n<tbody>\n"
        '<tr><td><span class="sp-status" title="进行中">●</span> 拜访</td>'
        "<td>张三<br>李四</td></tr>\n"
        "<tr><td><ul><li>一</li></ul></td><td>R&amp;D &lt;b&gt;</td></tr>\n"
        "</tbody>\n</table>\n</div>"
    )
    flat = flat_table(table)
    tags = re.findall(r"</?([a-z]+)", flat)
    assert [tag for tag in tags if tag != "i"] == ["ul", "li", "li", "ul"]  # `i`: separators
    assert len(tags) == 12
    assert "R&amp;D &lt;b&gt;" in flat


@pytest.mark.parametrize(
    "inside",
    [
        "<!-- 注释 -->",  # not a tag it reads
        "<pre>a\n  b</pre>",  # blanks kept as they are
        '<span data-search-exclude="">略</span>',  # skipped by the search
        "<h3>标题</h3>",  # a section of its own
        "<b>未闭合",  # tags that do not nest
        "</td></tr><tr>",  # an end tag out of place
        "a < b",  # a bare `<`
        "<p/>",  # a kept tag closed at once
        "<TD>大写</TD>",
    ],
)
def test_a_table_it_cannot_read_for_certain_is_left_whole(inside):
    table = (
        '<div class="sp-table" role="region" tabindex="0" aria-label="表">\n<table>\n'
        f"<tbody>\n<tr><td>{inside}</td></tr>\n</tbody>\n</table>\n</div>"
    )
    assert flat_table(table) == table


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "a",
                " ",
                "\n",
                "\t",
                "\u3000",
                '"',
                "=",
                "x",
                "data-search-",
                "data-search-exclude",
                'data-search-exclude=""',
                'data-search-boost="2"',
                ' data-search-x="1"',
                '\u3000data-search-y="z"',
            ]
        ),
        max_size=12,
    ).map("".join)
)
def test_the_page_is_left_as_material_leaves_it(html):
    assert _without_search_attributes(html) == _material_leaves(html)


def test_flat_tables_leave_alone_what_the_parser_reads_otherwise():
    table = (
        '<div class="sp-table" role="region" tabindex="0" aria-label="表">\n<table>\n'
        "<tbody>\n<tr><td>{}</td></tr>\n</tbody>\n</table>\n</div>"
    )
    for inside in ("<code>&#1;</code>", '<span DATA-SEARCH-EXCLUDE="">秘密</span>'):
        block = table.format(inside)
        assert flat_table(block) == block
        page = f'<h1 id="t">团队</h1>\n<p>x</p>\n{block}\n<p>y</p>'
        assert _indexed(page.replace(block, flat_table(block))) == _indexed(page)


def test_no_view_is_made_without_material_search():
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert search_view.searched(config.plugins)
    search = next(
        method.__self__
        for method in config.plugins.events["page_context"]
        if type(method.__self__).__module__ == "material.plugins.search.plugin"
    )
    search.config["enabled"] = False
    assert not search_view.searched(config.plugins)
    assert not search_view.searched(SimpleNamespace(events={"page_context": []}))


def test_a_table_not_ending_its_line_does_not_take_what_follows_with_it():
    excluded = (
        '<div class="sp-table" role="region" tabindex="0" aria-label="略" data-search-exclude>\n'
        "<table>\n<tbody>\n<tr><td>略</td></tr>\n</tbody>\n</table>\n</div> 尾巴"
    )
    html = (
        f'<h1 id="t">团队</h1>\n{excluded}\n<h2 id="x">标题</h2>\n<p>正文</p>\n'
        '<div class="sp-table" role="region" tabindex="0" aria-label="表">\n<table>\n'
        "<tbody>\n<tr><td>内容</td></tr>\n</tbody>\n</table>\n</div>\n"
    )
    page = SimpleNamespace(content=html, meta={}, file=SimpleNamespace(src_uri="t.md"))
    SearchView().hide(page)
    assert "<h2" in page.content and "正文" in page.content  # not taken out with the table
    assert _indexed(page.content) == _indexed(html)
