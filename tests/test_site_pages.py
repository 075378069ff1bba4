"""The built site as files: every page's policy, one language per site, the offline preview,
the search index; and the pieces behind them (sanitiser, chart tables, report links, jieba)."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from generator import compute
from generator.check import check, reporters
from generator.commands.build import build
from generator.render import charts
from generator.render.chart_text import chart_table
from generator.render.markup import mermaid_text, sanitised_markdown
from generator.site import nav
from generator.site.offline import frame_script
from generator.site.policy import inline_scripts, with_policy
from generator.site.search_words import cut_each_run_once, plan_names, teach_jieba
from generator.words import Words

ROOT = Path(__file__).resolve().parent.parent
ZH, EN = Words("zh"), Words("en")
AS_OF = date(2023, 8, 20)
CJK = re.compile(r"[\u4e00-\u9fff]")
CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def _build(tmp_path: Path, *, language: str = "zh", offline: bool = False) -> Path:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if language != "zh":
        config = config.replace("  language: zh", f"  language: {language}")
        config = config.replace("      lang: zh", f"      lang: {language}")
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    shutil.copytree(ROOT / "plans", tmp_path / "plans")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    site = tmp_path / "site"
    words = Words.of(language)
    assert build(tmp_path / "mkdocs.yml", words=words, site_dir=site, offline=offline).ok
    return site


@pytest.fixture(scope="module")
def zh_site(tmp_path_factory) -> Path:
    return _build(tmp_path_factory.mktemp("zh"))


def _nav_titles(page: str) -> list[str]:
    """The titles of the navigation (the first sidebar; the second is the page's contents)."""
    nav_html = page[page.index("md-sidebar--primary") : page.index("md-sidebar--secondary")]
    return re.findall(r'<span class="md-ellipsis">\s*(.*?)\s*</span>', nav_html, re.S)


# --- the page policy --------------------------------------------------------------------------


def test_the_policy_allows_exactly_the_inline_scripts_of_the_page():
    page = (
        '<html><head><meta charset="utf-8"><script>var a = 1</script>'
        '<script src="x.js"></script><script id="c" type="application/json">{"a": 1}</script>'
        "</head><body><script>\nvar b = 2\n</script></body></html>"
    )
    assert inline_scripts(page) == ["var a = 1", "\nvar b = 2\n"]
    built = with_policy(page)
    policy = CSP.search(built).group(1)
    assert built.index("Content-Security-Policy") < built.index("<script")
    assert built.startswith('<html><head><meta charset="utf-8"><meta http-equiv')
    script_src = re.search(r"script-src ([^;]*)", policy).group(1).split()
    assert sorted(script_src) == sorted(["'self'", _sha256("var a = 1"), _sha256("\nvar b = 2\n")])
    assert "img-src 'self' data:" in policy and "connect-src 'self'" in policy
    assert "http" not in policy  # no other host anywhere
    serving = CSP.search(with_policy(page, serving=True)).group(1)
    assert "script-src 'self' 'unsafe-inline'" in serving and "sha256" not in serving


def test_every_built_page_carries_the_policy_of_its_own_scripts(zh_site):
    pages = sorted(zh_site.rglob("*.html"))
    assert len(pages) > 15
    for path in pages:
        page = path.read_text(encoding="utf-8")
        (policy,) = CSP.findall(page)
        for script in inline_scripts(page):
            assert _sha256(script) in policy, path
        assert not re.search(r'\ssrc="(?:https?:)?//', page), path
        assert not re.search(r'<link rel="stylesheet" href="(?:https?:)?//', page), path


# --- one language per site --------------------------------------------------------------------


def test_the_chinese_site_is_chinese_throughout(zh_site):
    titles = _nav_titles((zh_site / "index.html").read_text(encoding="utf-8"))
    for name in nav.GUIDE_ORDER:
        assert ZH[f"guide.{name}"] in titles
    assert [t for t in titles if not CJK.search(t)] == [], "English in the Chinese nav"
    for name in nav.GUIDE_ORDER:
        page = (zh_site / name / "index.html").read_text(encoding="utf-8")
        assert re.search(r"<h1[^>]*>[^<]*[\u4e00-\u9fff]", page), name
        assert f'href="../en/{name}/"' in page  # the English page, one link away
        english = (zh_site / "en" / name / "index.html").read_text(encoding="utf-8")
        assert f'href="../../{name}/"' in english


def test_an_english_site_is_english_throughout(tmp_path):
    site = _build(tmp_path, language="en")
    home = (site / "index.html").read_text(encoding="utf-8")
    titles = _nav_titles(home)
    assert EN["guide.editing"] in titles and EN["site.home"] in titles
    guide = [t for t in titles if t in {EN[f"guide.{n}"] for n in nav.GUIDE_ORDER}]
    assert len(guide) == len(nav.GUIDE_ORDER)
    assert ZH["guide.editing"] not in titles
    assert re.search(r'href="en/editing/"', home)  # the English guide pages are the nav's


def test_guide_pages_are_sorted_by_language():
    pages = ["editing.md", "en/editing.md", "en/rules.md", "rules.md", "notes.md"]
    assert nav.in_language(pages, "zh") == ["editing.md", "rules.md", "notes.md"]
    assert nav.in_language(pages, "en") == ["en/editing.md", "en/rules.md"]


# --- the offline preview ----------------------------------------------------------------------


def test_the_offline_preview_links_files_and_allows_its_search_frame(tmp_path):
    site = _build(tmp_path, offline=True)
    assert (site / "search" / "search_index.js").is_file()
    assert (site / "teams" / "east-shanghai-2023q3" / "dashboard.html").is_file()
    for path in site.rglob("*.html"):
        page = path.read_text(encoding="utf-8")
        assert "unpkg.com" not in page and "navigation.instant" not in page, path
        assert 'assets/salesplan/iframe-worker.js"></script>' in page, path
        (policy,) = CSP.findall(page)
        frame = frame_script(page)
        assert "postMessage=function" in frame and "search" in frame
        assert _sha256(frame) in policy, path
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="teams/east-shanghai-2023q3/index.html"' in home


# --- search -----------------------------------------------------------------------------------


def test_the_search_index_is_cut_into_words_without_dashboards(zh_site):
    index = json.loads((zh_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["zh"]
    text = " ".join(doc["title"] + " " + doc["text"] for doc in index["docs"])
    assert "\u200b打卡\u200b" in text  # a word of its own inside a sentence
    assert "\u200b杭州团队\u200b" in text  # a team's name kept whole
    assert not [doc for doc in index["docs"] if "/dashboard/" in doc["location"]]
    data_pages = re.compile(r"/dashboard/|/monthly/|^history/[^#]+/")  # not the history index
    assert not [doc for doc in index["docs"] if data_pages.search(doc["location"])]
    # figures worked out from the template tables, and the links above them, are not indexed
    plan = " ".join(d["text"] for d in index["docs"] if d["location"].startswith("teams/"))
    assert "建立行业成交案例库" in plan.replace("\u200b", "")  # a task of template 4
    for skipped in ("追溯", "挑战度", "下载", "打开看板"):
        assert skipped not in plan.replace("\u200b", ""), skipped


def test_jieba_keeps_the_plans_names_whole():
    jieba = pytest.importorskip("jieba")
    plans = check([ROOT / "plans"], words=ZH, plans_dir=ROOT / "plans").plans
    names = plan_names(plans)
    assert {"杭州团队", "华东区", "王磊", "建立行业成交案例库"} <= names
    teach_jieba(["测试销售一组"])
    assert "测试销售一组" in list(jieba.cut("本周测试销售一组的打卡"))


def test_each_run_is_cut_once_per_build_and_new_names_count_at_the_next():
    jieba = pytest.importorskip("jieba")
    sentence = "本周检查测试销售二组的拜访记录".encode()
    before = list(jieba.cut(sentence))
    cut_each_run_once()
    assert list(jieba.cut(sentence)) == before == list(jieba.cut(sentence))
    assert list(jieba.cut(sentence, cut_all=True)) != before  # other modes pass through
    teach_jieba(["测试销售二组"])
    cut_each_run_once()  # the next build: what jieba was taught counts
    assert "测试销售二组" in list(jieba.cut(sentence))
    assert getattr(jieba.cut, "__wrapped__", None) is not None
    assert getattr(jieba.cut.__wrapped__, "__wrapped__", None) is None  # wrapped once only


# --- what a plan may put on a page --------------------------------------------------------------


def test_a_plan_body_loads_no_outside_image_and_starts_no_diagram():
    body = sanitised_markdown(
        "![pixel](https://tracker.example/p.png) ![own](images/chart.png)\n"
        "<img src='//tracker.example/q.png'> <img src='\\\\tracker.example\\r.png'>\n\n"
        "<div>\n```mermaid\ngraph TD; A --> B\n```\n</div>\n\n    code\n    lines\n"
    )
    assert "tracker.example" not in body
    assert '<img alt="own" src="images/chart.png">' in body
    assert "\n" not in body  # one line: nothing in it starts a line of the page's Markdown
    assert "<pre><code>code&#10;lines&#10;</code></pre>" in body


def test_a_diagram_label_carries_no_mermaid_directive():
    label = mermaid_text('%%{init: {"theme": "dark"}}%% 50% "quoted"')
    assert "%" not in label and '"' not in label
    assert label.startswith("#37;#37;{init:") and "50#37;" in label


# --- a chart's figures as text ------------------------------------------------------------------


def test_a_chart_table_shows_the_figures_the_chart_draws():
    plans = check([ROOT / "plans"], words=ZH, plans_dir=ROOT / "plans").plans
    metrics = [compute.plan_metrics(plan, AS_OF) for plan in plans]
    figure = charts.team_attainment(metrics, ZH)
    table = chart_table(figure, ZH, "chart.table.team")
    assert table.columns == (ZH["chart.table.team"], *(trace["name"] for trace in figure["data"]))
    assert [row[0] for row in table.rows] == figure["layout"]["xaxis"]["ticktext"]
    for column, trace in enumerate(figure["data"], start=1):
        shown = [row[column] for row in table.rows]
        assert shown == [None if y is None else f"{y:g}%" for y in trace["y"]], trace["name"]

    pm = next(pm for pm in metrics if pm.tasks)
    gantt = chart_table(charts.task_gantt(pm, ZH), ZH, "chart.table.task")
    assert len(gantt.rows) == len(pm.tasks)
    first = next(c for c in gantt.rows[0][1:] if c)
    assert pm.tasks[0].task.start.isoformat() in first and "<br>" not in first


# --- the job summary --------------------------------------------------------------------------


def test_the_summary_links_each_problem_to_its_line(tmp_path):
    plan = tmp_path / "东区.md"
    plan.write_text("not a plan\n", encoding="utf-8")
    report = check([plan], words=ZH, plans_dir=None)
    url = "https://github.com/o/r/blob/abc123"
    text = reporters.markdown(report, False, url)
    (line,) = [row for row in text.splitlines() if row.startswith("| ❌")]
    assert re.search(r"\[1:1\]\(https://github\.com/o/r/blob/abc123/[^)]*%E4%B8%9C[^)]*#L1\)", line)
    assert "](" not in reporters.markdown(report, False)
