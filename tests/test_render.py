"""The render stage: template tables, escaping of untrusted plan text, labels, golden pages."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config

from generator import compute, model
from generator.check import check
from generator.compute import SiteData
from generator.render import markup, render_site, table_html
from generator.render.html_blocks import HtmlBlocks
from generator.render.markup import markdown_inline, mermaid_text
from generator.render.paths import region_page_paths, region_slug
from generator.words import Words

AS_OF = date(2023, 8, 20)
ROOT = Path(__file__).resolve().parent.parent
GOLDENS = Path(__file__).parent / "goldens"
SCHEMA = {"type": "object", "properties": {"id": {"title": "Id", "type": "string"}}}

# SPEC §1: the columns of each template table, in order.
SPEC_COLUMNS = {
    "t1": ["dimension", "metric", "target", "due", "owner", "key actions"],
    "t2": ["dimension", "current data", "problem", "cause"],
    "t3": ["module", "direction", "measures"],
    "t4": ["strategy", "task", "owner", "window and milestones", "resources", "expected output"],
    "t5": ["task", "planned %", "actual %", "status", "days behind", "help needed"],
    "t6": ["aspect", "finding", "metrics", "next action", "owner", "due"],
}
# The site's Markdown extensions, to see the HTML a browser gets.
EXTENSIONS = ["tables", "attr_list", "md_in_html", "admonition", "pymdownx.superfences"]


def data_of(plans: list[model.Plan]) -> SiteData:
    return compute.site_data(plans, AS_OF)


@pytest.fixture(scope="module")
def full_plan() -> model.Plan:
    report = check([ROOT / "tests/plans/valid/full.md"], words=Words("en"), plans_dir=None)
    assert report.ok, report.diagnostics
    return report.plans[0]


def tables_after_headings(page: str) -> dict[str, list[str]]:
    """Heading text → the <th> texts of the first table after it."""
    found = {}
    heading_table = r"^## ([^\n]+)\n\n<div class=\"sp-table[^\n]*\n<table>\n<thead>(.*?)</thead>"
    for match in re.finditer(heading_table, page, flags=re.M | re.S):
        found[match.group(1)] = re.findall(r"<th>(.*?)</th>", match.group(2))
    return found


@pytest.mark.parametrize("language", ["zh", "en"])
def test_template_tables_have_exactly_the_spec_columns(full_plan, language):
    pages = render_site(data_of([full_plan]), words=Words.of(language), schema=SCHEMA)
    tables = tables_after_headings(pages["teams/full/index.md"])
    labels = Words.of(language)
    for key, columns in SPEC_COLUMNS.items():
        title = markdown_inline(labels[f"{key}.title"])
        assert title in tables, key
        shown = tables[title]
        assert len(shown) == len(columns), key
        if language == "en":
            assert [c.lower() for c in shown] == columns


def test_template_titles_name_the_method(full_plan):
    assert Words("zh")["t1.title"] == "模板1 销售业绩目标设定表"
    assert Words("en")["t1.title"] == "Template 1 Goal setting"
    for language in ("zh", "en"):
        pages = render_site(data_of([full_plan]), words=Words(language), schema=SCHEMA)
        for n in range(1, 7):  # the six templates, numbered as the method numbers them
            title = Words(language)[f"t{n}.title"]
            assert title.startswith(f"模板{n} " if language == "zh" else f"Template {n} ")
            assert f"\n## {markdown_inline(title)}\n" in pages["teams/full/index.md"], title


HOSTILE = '<script>alert(1)</script>" onerror="alert(2) [x](javascript:alert(3)) a|b\n\nzz-tail'
HOSTILE_BODY = """
# Notes

<script>alert(4)</script>
<iframe src="https://evil.example"></iframe>
<p onclick="alert(5)">click</p>
[link](javascript:alert(6)) <a href="javascript:alert(7)">a</a>
<img src=x onerror="alert(8)">
<style>body{display:none}</style>

[fine](https://example.com) and `code`
"""


def hostile_plan() -> model.Plan:
    text = HOSTILE
    data = {
        "schema": 1,
        "id": "evil",
        "team": text,
        "region": text,
        "manager": "m",
        "period": {"name": text, "start": "2023-07-01", "end": "2023-09-30"},
        "previous": None,
        "members": [{"id": "m", "name": text}],
        "goals": [
            {
                "id": "g",
                "dimension": "revenue",
                "metric": text,
                "unit": text,
                "baseline": 1,
                "target": 10,
                "key_actions": text,
                "actuals": [{"date": "2023-07-02", "value": 1}],
            },
        ],
        "context": {
            "customers": [{"segment": text, "needs": [text]}],
            "competitors": [{"name": text, "strengths": text}],
            "resources": {"skill_gaps": [text], "budget": 1, "budget_unit": text},
        },
        "diagnosis": [
            {"dimension": text, "current": text, "problem": text, "cause": text},
            {"dimension": text, "goal": "g"},
        ],
        "root_causes": [{"id": "r", "dimension": "team", "chain": [text, text + '"]-->x']}],
        "strategies": [{"id": "s", "module": "team", "direction": text, "measures": [text]}],
        "tasks": [
            {
                "id": "t",
                "strategy": "s",
                "title": text,
                "owner": "m",
                "start": "2023-07-01",
                "end": "2023-07-10",
                "resources": [text],
                "deliverable": text,
                "checkins": [{"date": "2023-07-02", "progress": 5, "note": text, "blocker": text}],
            },
        ],
        "cadence": {"daily": text},
        "reviews": [
            {
                "period": "2023-07",
                "date": "2023-08-01",
                "findings": [{"aspect": "strategy", "text": text, "metrics": {text: 1}}],
                "next_actions": [{"action": text, "owner": "m", "due": "2023-08-30"}],
            },
        ],
    }
    data.pop("previous")
    return model.build_plan(data, path="plans/evil.md", body=HOSTILE_BODY)


class _TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))


@pytest.mark.parametrize("language", ["zh", "en"])
def test_untrusted_text_never_becomes_markup(language):
    pages = render_site(data_of([hostile_plan()]), words=Words.of(language), schema=SCHEMA)
    for path, content in pages.items():
        if not path.endswith(".md"):
            continue
        body = content.split("\n---\n", 1)[1]
        assert "<script" not in body and "<iframe" not in body and "<style" not in body, path
        html = markdown.markdown(body, extensions=EXTENSIONS)
        assert "<p>zz-tail" not in html, path  # a blank line in a text never ends an HTML block
        collector = _TagCollector()
        collector.feed(html)
        for tag, attrs in collector.tags:
            assert tag not in ("script", "iframe", "style", "object", "embed"), (path, tag)
            for name, value in attrs:
                assert not name.startswith("on"), (path, tag, name)
                assert not (value or "").strip().lower().startswith("javascript:"), (path, tag)
        # Title frontmatter is printed unescaped by the theme: it must carry no markup.
        title = content.split("\n---\n", 1)[0]
        assert "<" not in title, path
    plan_page = pages["teams/evil/index.md"]
    assert "https://example.com" in plan_page  # allowed links survive the sanitiser
    assert 'rel="noopener noreferrer"' in plan_page


def test_mermaid_labels_cannot_close_the_node():
    text = mermaid_text('a"]-->b<script>#x`')
    assert '"' not in text and "<" not in text and "`" not in text
    assert text == "a#quot;]--#gt;b#lt;script#gt;#35;x#96;"


def test_render_is_deterministic(full_plan):
    first = render_site(data_of([full_plan]), words=Words.of("zh"), schema=SCHEMA)
    second = render_site(data_of([full_plan]), words=Words.of("zh"), schema=SCHEMA)
    assert first == second


def test_pages_for_every_example_plan():
    plans = check([ROOT / "plans"], words=Words("zh"), plans_dir=ROOT / "plans").plans
    data = data_of(list(plans))
    pages = render_site(data, words=Words.of("zh"), schema={})
    for plan in plans:
        assert f"teams/{plan.id}/index.md" in pages
        assert f"teams/{plan.id}/dashboard.md" in pages
    assert {"index.md", "alerts.md", "reference/format.md", "schema/plan.schema.json"} <= set(pages)
    # the Q2 plan of Shanghai is history at the as-of date: the rollups read the plans in force
    assert [pm.plan.id for pm in data.metrics if pm not in data.current] == ["east-shanghai-2023q2"]
    assert data.organisation == compute.organisation_rollup(data.current)


def test_format_reference_lists_the_schema_fields():
    from generator.check.schema import load_schema

    schema = load_schema()
    zh = render_site(data_of([]), words=Words.of("zh"), schema=schema)["reference/format.md"]
    en = render_site(data_of([]), words=Words.of("en"), schema=schema)["reference/format.md"]
    for field in schema.get("properties", {}):
        assert f"<code>{field}</code>" in zh and f"<code>{field}</code>" in en
    assert "../../schema/plan.schema.json" in zh
    # descriptions are Markdown (`code`), rendered once: never shown as escaped tags
    assert "固定填 <code>1</code>" in zh and "&lt;code" not in zh + en
    if "x-title-zh" in schema:
        assert schema["x-title-zh"] not in en


def test_plan_page_golden(full_plan, golden):
    page = render_site(data_of([full_plan]), words=Words("zh"), schema=SCHEMA)[
        "teams/full/index.md"
    ]
    expected = golden(GOLDENS / "full-plan.zh.md", page)
    assert page == expected, "run `python3 -m pytest --update-goldens` to accept"


def test_region_slugs_keep_letters_and_number_collisions():
    assert region_slug("华东区") == "华东区"
    assert region_slug("North & West / 2") == "north-west-2"
    paths = region_page_paths(["North West", "north-west", "!!", "", "Ünïcode Süd"])
    assert paths == {
        "North West": "regions/north-west.md",
        "north-west": "regions/north-west-2.md",
        "!!": "regions/region.md",
        "": "regions/no-region.md",
        "Ünïcode Süd": "regions/ünïcode-süd.md",
    }


def example_data() -> SiteData:
    plans = check([ROOT / "plans"], words=Words("zh"), plans_dir=ROOT / "plans").plans
    return data_of(list(plans))


def test_region_pages_show_the_plans_in_force_of_their_region():
    data = example_data()
    pages = render_site(data, words=Words.of("zh"), schema={})
    regions = sorted(p for p in pages if p.startswith("regions/"))
    assert regions == ["regions/华东区.md", "regions/华南区.md"]
    east = pages["regions/华东区.md"]
    for pm in data.metrics:
        link = f'href="../../teams/{pm.plan.id}/"'
        shown = pm in data.current and pm.plan.region == "华东区"
        assert (link in east) == shown, pm.plan.id
    labels = Words.of("zh")
    for key in ("page.region.rollup", "page.home.status_counts", "page.home.teams"):
        assert f"## {markdown_inline(labels[key])}\n" in east
    assert "## " + markdown_inline(labels["page.region.help_needed"]) in east
    assert 'class="salesplan-chart"' in east
    home = pages["index.md"]
    assert home.count('href="regions/%E5%8D%8E%E4%B8%9C%E5%8C%BA/"') >= 2  # teams and regions


def test_a_plan_not_in_force_points_to_the_one_in_force(full_plan):
    q4 = replace(
        full_plan,
        id="full-q4",
        period=replace(
            full_plan.period, name="Q4", start=date(2023, 10, 1), end=date(2023, 12, 31)
        ),
    )
    q2 = replace(
        full_plan,
        id="full-q2",
        period=replace(full_plan.period, name="Q2", start=date(2023, 4, 1), end=date(2023, 6, 30)),
    )
    pages = render_site(data_of([full_plan, q4, q2]), words=Words.of("en"), schema=SCHEMA)
    labels = Words.of("en")
    for plan_id, why in (("full-q4", "period_not_started"), ("full-q2", "period_ended")):
        for path, target in (
            ("index.md", 'href="../full/"'),
            ("dashboard.md", 'href="../../full/dashboard/"'),
        ):
            page = pages[f"teams/{plan_id}/{path}"]
            assert 'class="admonition warning sp-not-current"' in page, (plan_id, path)
            assert labels[f"page.plan.{why}"].replace("'", "&#39;") in page, (plan_id, path)
            assert target in page, (plan_id, path)
    for path in ("index.md", "dashboard.md"):
        assert "sp-not-current" not in pages[f"teams/full/{path}"]


def test_plan_page_and_dashboard_link_to_each_other(full_plan):
    pages = render_site(data_of([full_plan]), words=Words.of("en"), schema=SCHEMA)
    assert (
        'class="md-button md-button--primary sp-switch" href="dashboard/"'
        in pages["teams/full/index.md"]
    )
    assert (
        'class="md-button md-button--primary sp-switch" href="../"'
        in pages["teams/full/dashboard.md"]
    )


def convert(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


def site_markdown() -> Callable[[str], str]:
    """Python-Markdown as the example site's mkdocs.yml configures it."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    return lambda text: markdown.markdown(
        text, extensions=config.markdown_extensions, extension_configs=config.mdx_configs
    )


@pytest.mark.parametrize("plans", ["example", "hostile"])
@pytest.mark.parametrize("extensions", ["ours", "site"])
def test_html_blocks_set_aside_give_the_same_page(plans, extensions):
    data = example_data() if plans == "example" else data_of([hostile_plan()])
    to_html = convert if extensions == "ours" else site_markdown()
    blocks = HtmlBlocks()
    pages = render_site(data, words=Words.of("zh"), schema=SCHEMA)
    set_aside = 0
    for path, content in pages.items():
        if path.endswith(".md"):
            body = content.split("---\n", 2)[2] if content.startswith("---\n") else content
            text, found = blocks.set_aside(body)
            set_aside += len(found)
            assert blocks.restore(to_html(text), found) == to_html(body), path
            assert "spblock" not in blocks.restore(to_html(text), found), path
    assert set_aside > 30


@pytest.mark.parametrize(
    "text",
    [
        '前文\n<p class="sp-links">链接</p>\n\n后文',  # no blank line before it
        '<p class="sp-links">链接</p>\n后文',  # none after it
        '<p class="sp-links">一</p> <p>二</p>\n',  # two paragraphs on one line
        '    <p class="sp-links">缩进</p>\n',  # indented: code
        '- 列表\n\n  <p class="sp-links">列表里</p>\n',
    ],
)
def test_an_html_line_that_does_not_stand_alone_is_left_to_markdown(text):
    kept, found = HtmlBlocks().set_aside(text)
    assert (kept, found) == (text, ())


def test_html_block_placeholders_cannot_be_imitated():
    blocks = HtmlBlocks()
    text, found = blocks.set_aside(
        '<div class="salesplan-chart" id="x" data-figure=\'{}\'></div>\n'
    )
    key = re.search(r"spblock([0-9a-f]+)x0z", text)
    assert key and found
    assert HtmlBlocks().restore(text, ["boom"]) == text  # another key: nothing replaced


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("a 中&<>\"'\n\t\r\u3000\u2028\x85\x0b")), min_size=1))
def test_a_cell_text_is_written_as_plain_text_writes_it(text):
    assert table_html._text(text) == str(markup.plain_text(text))


_TABLE = (
    '<div class="sp-table" role="region" tabindex="0" aria-label="表">\n<table>\n'
    "<tbody>\n<tr><td>{}</td></tr>\n</tbody>\n</table>\n</div>"
)


@pytest.mark.parametrize(
    "text",
    [
        # a table whose end is not followed by a blank line: neither it nor the Markdown after
        # it is swallowed into the next table's block
        f"x\n\n{_TABLE.format('a')}\n*注*\n\n## 标题\n\n{_TABLE.format('b')}\n",
        # characters Python-Markdown rewrites even in raw HTML
        '# 团队\n\n<div class="sp-print-header" data-print-header="杭州\t团队" hidden></div>\n',
        '<p class="sp-links">回车\r符</p>\n\n正文\n',
        _TABLE.format("制表\t符") + "\n\n" + _TABLE.format("\x02控制") + "\n",
    ],
)
def test_html_blocks_set_aside_give_the_same_page_whatever_surrounds_them(text):
    to_html = site_markdown()
    blocks = HtmlBlocks()
    kept, found = blocks.set_aside(text)
    assert blocks.restore(to_html(kept), found) == to_html(text)


def test_a_placeholder_that_is_not_a_paragraph_of_its_own_is_still_put_back():
    table = _TABLE.format("内容")
    text = f'<div class="x">\n\n{table}\n\n</div>\n'  # raw HTML spanning blank lines
    blocks = HtmlBlocks()
    kept, found = blocks.set_aside(text)
    assert found == (table,)
    restored = blocks.restore(site_markdown()(kept), found)
    assert table in restored and "spblock" not in restored
