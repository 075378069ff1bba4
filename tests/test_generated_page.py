"""GeneratedPage (generator/site/generated_page.py): a team page converted by the build's one
Markdown instance comes out as MkDocs' own Page.render makes it, page after page."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from generator import compute
from generator.check import check
from generator.check.schema import load_schema
from generator.render import render_site
from generator.site import generated_page
from generator.site.generated_page import GeneratedPage
from generator.words import Words

ROOT = Path(__file__).resolve().parent.parent
ZH = Words("zh")

# Markdown a reset instance could carry from one page to the next, if an extension kept state.
_STATEFUL = """# 标签页

=== "一"

    内容一

=== "二"

    内容二

## 标题 {#same}

## 标题

[链接](../index.md#x) 与 <a id="raw-anchor"></a>

!!! note "提示"
    说明

```mermaid
flowchart LR
    a --> b
```
"""


def _file(config, path: str, text: str) -> File:
    """A generated file, as File.generated makes one (which needs a plugin event running)."""
    file = File(path, src_dir=None, dest_dir=config.site_dir, use_directory_urls=True)
    file.content_string = text
    return file


def _outcome(page: Page) -> tuple:
    return (
        page.content,
        str(page.toc),
        page.title,
        page.present_anchor_ids,
        page.links_to_anchors,
    )


def test_generated_pages_convert_as_mkdocs_pages_do(tmp_path):
    assert generated_page.KNOWN  # this MkDocs still has the per-page processors it repeats
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    plans = check([ROOT / "plans"], words=ZH, plans_dir=ROOT / "plans").plans
    pages = render_site(compute.site_data(plans, date(2023, 8, 20)), words=ZH, schema=load_schema())
    sources = {p: text for p, text in pages.items() if p.startswith("teams/") and p.endswith(".md")}
    sources["teams/stateful-a.md"] = sources["teams/stateful-b.md"] = _STATEFUL
    files = Files([_file(config, path, text) for path, text in sources.items()])
    files.append(_file(config, "index.md", "# 首页\n"))
    assert len(sources) > 8
    for path, text in sources.items():  # both kinds alternately, the generated ones in a row
        ours = GeneratedPage(None, _file(config, path, text), config)
        theirs = Page(None, _file(config, path, text), config)
        for page in (ours, theirs):
            page.read_source(config)
            page.render(config, files)
        assert _outcome(ours) == _outcome(theirs), path
