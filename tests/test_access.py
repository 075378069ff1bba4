"""Per-region passwords (`access`), checked on a real build: the example plans with 华东区 and
华南区 protected, a canary plan in each of 华东区 (protected) and 华北区 (in clear).

- every published file, read byte by byte (XLSX unzipped, sitemap.xml.gz unpacked, JSON read
  with its escapes), holds no figure, member name or task title of a protected plan, while the
  clear canary's are there (the search can fail);
- each sealed page and download opens with its region's key and the head office's, not with
  another region's; the search index and the nav leave the protected regions' teams out;
- two builds with the same passwords are byte-identical; without the option nothing changes;
- a missing, empty, short or repeated password, or an unknown region, stops the build with a
  message in both languages;
- in Chromium (marker `browser`): nothing shows without a password; a region's password opens
  its region once per tab (charts and diagrams drawn, after instant navigation too, downloads
  decrypted), the wrong region's opens nothing, the head office's opens everything.
"""

from __future__ import annotations

import gzip
import io
import json
import re
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from browsing import (
    ALL_DRAWN,
    DIAGRAMS_DRAWN,
    chromium,
    screenshot,
    served,
    set_palette,
    watch,
)
from mkdocs.structure.files import Files

from generator.check import check
from generator.commands.build import build
from generator.commands.errors import CommandError
from generator.render.format import amount
from generator.render.paths import region_slug
from generator.site.access import HEAD_OFFICE, MIN_PASSWORD
from generator.site.locks import SEALED_SUFFIX
from generator.site.sealing import (
    ITERATIONS,
    Sealer,
    open_envelope,
    reader_key,
    reader_salt,
)
from generator.words import Words

ROOT = Path(__file__).resolve().parent.parent
ZH = Words("zh")
SITE_NAME = "销售业绩提升计划"
PASSWORDS = {  # set by the tests in the environment, as a CI secret would be
    "SP_TEST_HEAD_OFFICE": "总部-correct-horse-battery",
    "SP_TEST_EAST": "east-region-staple-42",
    "SP_TEST_SOUTH": "south-region-lantern-77",
}
ACCESS = """      access:
        head_office: SP_TEST_HEAD_OFFICE
        regions:
          华东区: SP_TEST_EAST
          华南区: SP_TEST_SOUTH
"""
CANARY = """\
---
schema: 1
id: {id}
team: {team}
region: {region}
manager: m1
period: {{name: 2023年第三季度, start: 2023-07-01, end: 2023-09-30}}
members:
  - {{id: m1, name: {manager}, role: 经理}}
  - {{id: m2, name: {member}, role: 顾问}}
goals:
  - id: g-revenue
    dimension: revenue
    metric: 月销售额
    unit: 万元
    baseline: {baseline}
    target: {target}
    owner: m1
    history: {{"2023-04": {early}, "2023-05": {early}, "2023-06": {baseline}}}
    actuals:
      - {{date: 2023-07-31, value: {actual}}}
root_causes:
  - id: rc-channel
    dimension: market
    chain: [渠道覆盖不足, 经销商流失]
strategies:
  - id: s-focus
    module: channel
    direction: 重建渠道
    measures: [每周拜访经销商]
    addresses: [rc-channel]
    goals: [g-revenue]
tasks:
  - id: t-secret
    strategy: s-focus
    title: {task}
    owner: m2
    start: 2023-07-03
    end: 2023-09-15
    checkins:
      - {{date: 2023-08-10, progress: 20, note: 进展缓慢}}
---
"""
# The protected canary (华东区) and the one in clear (华北区): names and figures found nowhere else.
SECRET = {
    "id": "east-canary-2023q3",
    "team": "华东试点组&伙伴",  # "&": the title shown once opened is text, not markup
    "region": "华东区",
    "manager": "秦密语",
    "member": "安隐然",
    "task": "绝密渠道谈判甲",
    "early": "2811.45",
    "baseline": "2901.65",
    "target": "4817.35",
    "actual": "3377.29",
}
CLEAR = {
    "id": "north-canary-2023q3",
    "team": "华北试点组",
    "region": "华北区",
    "manager": "明朗然",
    "member": "公开言",
    "task": "公开渠道谈判乙",
    "early": "2712.55",
    "baseline": "2902.35",
    "target": "6123.45",
    "actual": "3411.15",
}


def canary_tokens(canary: dict) -> set[str]:
    """What must not be read without a password: names, the task, figures as written anywhere
    (plain, with thousands separators, as on the page)."""
    tokens = {canary[key] for key in ("team", "manager", "member", "task")}
    for key in ("early", "baseline", "target", "actual"):
        value = float(canary[key])
        tokens |= {canary[key], f"{value:,.2f}", amount(value, "万元")}
    return tokens


def project(tmp: Path, *, access: str = ACCESS) -> Path:
    """The example project with the canaries, and `access` in the plugin's options."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    anchor = "      as_of: 2023-08-20\n"
    tmp.mkdir(parents=True, exist_ok=True)
    assert anchor in config
    (tmp / "mkdocs.yml").write_text(config.replace(anchor, anchor + access), encoding="utf-8")
    shutil.copytree(ROOT / "plans", tmp / "plans")
    shutil.copytree(ROOT / "docs", tmp / "docs")
    for canary in (SECRET, CLEAR):
        (tmp / "plans" / f"{canary['id']}.md").write_text(CANARY.format(**canary), "utf-8")
    return tmp / "mkdocs.yml"


def build_site(config: Path, site: Path, environment: dict[str, str]) -> Path:
    with pytest.MonkeyPatch.context() as patch:
        for name in ("SP_TEST_HEAD_OFFICE", "SP_TEST_EAST", "SP_TEST_SOUTH"):
            patch.delenv(name, raising=False)
        for name, value in environment.items():
            patch.setenv(name, value)
        assert build(config, words=ZH, site_dir=site).ok
    return site


@pytest.fixture(scope="module")
def protected(tmp_path_factory) -> Path:
    """The site built with 华东区 and 华南区 protected."""
    config = project(tmp_path_factory.mktemp("protected"))
    return build_site(config, config.parent / "site", PASSWORDS)


def published_texts(site: Path) -> Iterator[tuple[str, bytes]]:
    """Every published file as bytes, and what it holds inside (XLSX parts, gzip content)."""
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        name = path.relative_to(site).as_posix()
        data = path.read_bytes()
        yield name, data
        if data[:2] == b"\x1f\x8b":
            yield f"{name} (unpacked)", gzip.decompress(data)
        if data[:4] == b"PK\x03\x04":
            with zipfile.ZipFile(io.BytesIO(data)) as workbook:
                for part in workbook.namelist():
                    yield f"{name}:{part}", workbook.read(part)


def forms(token: str) -> set[bytes]:
    """The ways a file may hold a text: UTF-8, JSON's \\u escapes, HTML's entities."""
    escaped = json.dumps(token)[1:-1]
    html = token.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return {token.encode("utf-8"), escaped.encode("ascii"), html.encode("utf-8")}


def found_in(site: Path, tokens: set[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for name, data in published_texts(site):
        for token in sorted(tokens):
            if any(form in data for form in forms(token)):
                found.setdefault(token, []).append(name)
    return found


def protected_plan_tokens() -> set[str]:
    """The member names, task titles and formatted targets of the example plans (all in
    protected regions), less those that the guide pages or the schema show anyway."""
    result = check([ROOT / "plans"], words=ZH, plans_dir=ROOT / "plans")
    tokens: set[str] = set()
    for plan in result.plans:
        assert plan.region in {"华东区", "华南区"}, "every example plan is in a protected region"
        tokens |= {member.name for member in plan.members}
        tokens |= {task.title for task in plan.tasks}
        # a target as the page shows it (`120 万元`); bare percentages (`35%`) are everywhere
        targets = {amount(goal.target, goal.unit) for goal in plan.goals}
        tokens |= {target for target in targets if not target.isascii()}
    public = "".join(p.read_text("utf-8") for p in (ROOT / "docs").rglob("*.md"))
    public += (ROOT / "schema" / "plan.schema.json").read_text("utf-8")
    public += CANARY.format(**CLEAR)
    return {token for token in tokens if token not in public}


# --- what is published ------------------------------------------------------------------------


def test_no_protected_figure_name_or_title_is_in_any_published_file(protected):
    secrets = canary_tokens(SECRET) | protected_plan_tokens()
    assert len(secrets) > 40, "the example plans give many names to look for"
    assert found_in(protected, secrets) == {}
    # The search sees what is in clear: the canary of the unprotected region is found, in
    # its pages, its downloads and the search index.
    clear = found_in(protected, canary_tokens(CLEAR))
    target = CLEAR["target"]
    shown = {CLEAR[key] for key in ("team", "manager", "member", "task")}
    assert shown | {target, amount(float(target), "万元")} <= set(clear)
    where = {name.split(":")[0] for names in clear.values() for name in names}
    assert {
        f"teams/{CLEAR['id']}/index.html",
        f"teams/{CLEAR['id']}/downloads/{CLEAR['id']}.xlsx",
        "search/search_index.json",
    } <= where


def _envelopes(site: Path) -> Iterator[tuple[str, dict]]:
    for path in sorted(site.rglob("*")):
        name = path.relative_to(site).as_posix()
        if path.suffix == ".html":
            for found in re.findall(r"data-sealed='([^']*)'", path.read_text("utf-8")):
                yield name, json.loads(found)
        elif name.endswith(SEALED_SUFFIX):
            yield name, json.loads(path.read_text("ascii"))


def test_each_sealed_page_and_file_opens_with_its_readers_keys_only(protected):
    keys = {
        region: reader_key(PASSWORDS[variable], reader_salt(SITE_NAME, f"region:{region}"))
        for region, variable in (("华东区", "SP_TEST_EAST"), ("华南区", "SP_TEST_SOUTH"))
    }
    head = reader_key(PASSWORDS["SP_TEST_HEAD_OFFICE"], reader_salt(SITE_NAME, HEAD_OFFICE))
    sealed = dict(_envelopes(protected))
    assert "index.html" in sealed and "alerts/index.html" in sealed
    plans = check([protected.parent / "plans"], words=ZH, plans_dir=protected.parent / "plans")
    region_of = {plan.id: plan.region for plan in plans.plans}
    region_of |= {region_slug(plan.team): plan.region for plan in plans.plans}
    region_of |= {"华东区": "华东区", "华南区": "华南区"}
    for name, envelope in sealed.items():
        assert envelope["iterations"] == ITERATIONS
        assert open_envelope(envelope, head) is not None, name
        if name in ("index.html", "alerts/index.html", "history/index.html"):
            region = None  # every region's figures: the head office's password only
        else:
            region = region_of[name.split("/")[1]]  # teams/<id>/…, regions/<r>/, history/<team>/
        for other, key in keys.items():
            assert (open_envelope(envelope, key) is not None) is (other == region), name
    assert not [name for name in sealed if CLEAR["id"] in name or "华北区" in name]
    workbook = open_envelope(
        sealed[f"teams/{SECRET['id']}/downloads/{SECRET['id']}.xlsx{SEALED_SUFFIX}"], head
    )
    with zipfile.ZipFile(io.BytesIO(workbook)) as opened:
        assert SECRET["task"].encode() in opened.read("xl/sharedStrings.xml")
    page = json.loads(open_envelope(sealed[f"teams/{SECRET['id']}/index.html"], keys["华东区"]))
    assert page["title"] == SECRET["team"] and SECRET["member"] in page["html"]
    assert f'.xlsx{SEALED_SUFFIX}" data-salesplan-file="{SECRET["id"]}.xlsx"' in page["html"]


def test_search_and_navigation_leave_the_protected_teams_out(protected):
    index = json.loads((protected / "search" / "search_index.json").read_text("utf-8"))
    pages = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert f"teams/{CLEAR['id']}/" in pages
    assert not [page for page in pages if "east" in page or "south" in page]
    assert not {"", "alerts/", "history/"} & pages  # every region's figures: head office only
    guide = (protected / "editing" / "index.html").read_text("utf-8")
    nav = guide[guide.index("md-sidebar--primary") : guide.index("md-sidebar--secondary")]
    assert CLEAR["team"] in nav and "华东区" in nav and "华南区" in nav
    assert "teams/east-" not in nav and "teams/south-" not in nav
    team_page = (protected / "teams" / SECRET["id"] / "index.html").read_text("utf-8")
    assert "<title>受保护的页面 - " in team_page
    assert "assets/salesplan/access.js" in team_page


def test_two_builds_with_the_same_passwords_are_byte_identical(protected, tmp_path):
    again = build_site(project(tmp_path), tmp_path / "site", PASSWORDS)
    first = {p.relative_to(protected): p.read_bytes() for p in protected.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    sitemaps = {Path("sitemap.xml"), Path("sitemap.xml.gz")}  # served() moves the first's
    assert sorted(first) == sorted(second)
    assert [name for name in first if name not in sitemaps and first[name] != second[name]] == []


def test_without_the_option_the_site_is_built_as_before(tmp_path):
    plain = build_site(project(tmp_path / "a", access=""), tmp_path / "a" / "site", PASSWORDS)
    empty = build_site(
        project(tmp_path / "b", access="      access: {}\n"), tmp_path / "b" / "site", {}
    )
    files = {p.relative_to(plain): p.read_bytes() for p in plain.rglob("*") if p.is_file()}
    assert files == {p.relative_to(empty): p.read_bytes() for p in empty.rglob("*") if p.is_file()}
    assert not [name for name, data in files.items() if b"salesplan-sealed" in data]
    assert Path("assets/salesplan/access.js") not in files
    assert found_in(plain, {SECRET["task"], SECRET["member"]})  # in clear, as before


@pytest.fixture(params=["missing", "empty", "short", "same", "unknown-region"])
def refused(request, tmp_path, caplog) -> tuple[str, str, str, str]:
    """A build that must fail: (what it said, what it names, a Chinese and an English part of
    the message). MkDocs logs a plugin's error, then aborts."""
    environment = dict(PASSWORDS)
    access = ACCESS
    expected = {
        "missing": ("SP_TEST_EAST", "没有设置或为空", "is not set or is empty"),
        "empty": ("SP_TEST_SOUTH", "没有设置或为空", "is not set or is empty"),
        "short": ("SP_TEST_HEAD_OFFICE", f"少于 {MIN_PASSWORD} 个字符", "fewer than 12"),
        "same": ("华东区", "密码相同", "have the same password"),
        "unknown-region": ("华中区", "没有任何计划属于这个区域", "which no plan has"),
    }[request.param]
    if request.param == "missing":
        del environment["SP_TEST_EAST"]
    elif request.param == "empty":
        environment["SP_TEST_SOUTH"] = "   "
    elif request.param == "short":
        environment["SP_TEST_HEAD_OFFICE"] = "short-one"
    elif request.param == "same":
        environment["SP_TEST_SOUTH"] = environment["SP_TEST_EAST"]
    else:
        access = ACCESS + "          华中区: SP_TEST_CENTRAL\n"
        environment["SP_TEST_CENTRAL"] = "central-region-kite-9"
    config = project(tmp_path, access=access)
    with pytest.MonkeyPatch.context() as patch:
        for name in ("SP_TEST_HEAD_OFFICE", "SP_TEST_EAST", "SP_TEST_SOUTH"):
            patch.delenv(name, raising=False)
        for name, value in environment.items():
            patch.setenv(name, value)
        with pytest.raises(CommandError) as error:
            build(config, words=ZH, site_dir=tmp_path / "site")
    assert not (tmp_path / "site" / "index.html").exists(), "nothing published"
    said = "\n".join([*(record.getMessage() for record in caplog.records), str(error.value)])
    return said, *expected


def test_a_missing_or_weak_password_stops_the_build_in_both_languages(refused):
    message, named, chinese, english = refused
    assert named in message and chinese in message and english in message
    assert not [password for password in PASSWORDS.values() if password in message]


@pytest.mark.parametrize(
    ("access", "problem"),
    [
        ("      access:\n        head_office: 总部密码是这个\n", "NAME of an environment variable"),
        ("      access:\n        regions:\n          华东区: SP_TEST_EAST\n", "head office"),
        (
            "      access:\n        head_office: SP_TEST_HEAD_OFFICE\n        regions:\n"
            "          华东区: my-secret-password\n",
            "never the password itself",
        ),
    ],
    ids=["password-in-mkdocs-yml", "regions-without-head-office", "region-password-written"],
)
def test_mkdocs_yml_names_variables_never_passwords(tmp_path, caplog, access, problem):
    from mkdocs.exceptions import Abort

    config = project(tmp_path, access=access)
    with pytest.raises(Abort, match="configuration error"):
        build(config, words=ZH, site_dir=tmp_path / "site")
    assert problem in caplog.text


def test_the_local_preview_needs_no_password_and_shows_everything(tmp_path):
    from generator.commands.site_config import load_site_config

    config = load_site_config(project(tmp_path), required=True)
    plugin = config.plugin
    plugin.on_startup(command="serve", dirty=False)
    with pytest.MonkeyPatch.context() as patch:
        for name in PASSWORDS:
            patch.delenv(name, raising=False)
        plugin.on_config(config.mkdocs)  # no password, and no error
        config.mkdocs.plugins.on_files(Files([]), config=config.mkdocs)  # pages rendered here
    scripts = [str(script) for script in config.mkdocs.extra_javascript]
    assert "assets/salesplan/access.js" not in scripts
    assert SECRET["manager"] in plugin._pages[f"teams/{SECRET['id']}/index.md"]  # in clear


# --- sealing, without a build -----------------------------------------------------------------


FIGURE = "120 万元".encode()


def test_sealing_is_deterministic_and_each_text_gets_its_own_nonce():
    head = reader_key("总部-correct-horse-battery", reader_salt("site", HEAD_OFFICE), 1000)
    east = reader_key("east-region-staple-42", reader_salt("site", "region:华东区"), 1000)
    sealer = Sealer(head, iterations=1000)
    first = sealer.seal("regions/华东区.md", FIGURE, [east, head])
    assert first == sealer.seal("regions/华东区.md", FIGURE, [east, head])
    changed = sealer.seal("regions/华东区.md", "121 万元".encode(), [east, head])
    assert changed["iv"] != first["iv"] and changed["keys"] == first["keys"]
    other_page = sealer.seal("regions/华南区.md", FIGURE, [east, head])
    assert other_page["data"] != first["data"]  # a content key of its own
    assert open_envelope(first, east) == FIGURE == open_envelope(first, head)
    south = reader_key("south-region-lantern-77", reader_salt("site", "region:华南区"), 1000)
    assert open_envelope(first, south) is None
    # the same password, typed with spaces around it or in another Unicode form, opens it
    assert reader_key(" east-region-staple-42\n", east.salt, 1000) == east


# --- in Chromium ------------------------------------------------------------------------------

LOCKED = "form.sp-unlock:not([hidden])"
OPENED = """() => !document.querySelector(".salesplan-sealed")
  && document.querySelector(".sp-opened") !== null"""
CHARTS_DRAWN = f"() => document.querySelector('.salesplan-chart') !== null && ({ALL_DRAWN})()"
PAGE_TEXT = "() => document.body.innerText"
AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
AXE_RUN = """async () => (await axe.run(document, {resultTypes: ["violations"]}))
  .violations.filter((v) => ["serious", "critical"].includes(v.impact))
  .map((v) => `${v.id}: ${v.help} (${v.nodes[0].target.join(" ")})`)"""
SECRET_PAGES = {
    "region": "regions/华东区/",
    "plan": f"teams/{SECRET['id']}/",
    "dashboard": f"teams/{SECRET['id']}/dashboard/",
    "monthly": f"teams/{SECRET['id']}/monthly/2023-08/",
    "history": f"history/{region_slug(SECRET['team'])}/",
    "home": "",
    "alerts": "alerts/",
}


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


@pytest.fixture(scope="module")
def served_site(protected):
    with served(protected) as base:
        yield base


@pytest.fixture
def tab(browser, served_site):
    """A fresh browser tab (nothing remembered), what it does watched: (page, base, seen)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    seen = watch(page, served_site)
    yield page, served_site, seen
    context.close()
    assert seen.outside == [], "a request left the site"
    assert seen.errors == [], f"console errors: {seen.errors}"


def unlock(page, password: str) -> None:
    page.wait_for_selector(LOCKED)
    page.fill("#sp-password", password)
    page.click("form.sp-unlock button[type=submit]")


def follow(page, selector: str) -> None:
    """A reader's click on a link, Material's instant navigation taking it (no page load)."""
    page.evaluate("() => { window.__samePage = true; }")
    page.click(selector)


def remembered(page) -> str | None:
    return page.evaluate("() => window.sessionStorage.getItem('salesplan-access')")


def violations(page) -> list[str]:
    """axe-core's serious and critical findings on the page, light and dark."""
    page.evaluate(AXE.read_text(encoding="utf-8") + "\n;void 0")  # not subject to the policy
    found = []
    for scheme in ("default", "slate"):
        set_palette(page, scheme)
        found += [f"{scheme}: {violation}" for violation in page.evaluate(AXE_RUN)]
    set_palette(page, "default")
    return found


@pytest.mark.browser
def test_without_a_password_nothing_of_a_protected_region_shows(tab):
    page, base, _ = tab
    secrets = canary_tokens(SECRET)
    for kind, path in SECRET_PAGES.items():
        page.goto(base + path)
        page.wait_for_selector(LOCKED)
        text = page.evaluate(PAGE_TEXT)
        assert [token for token in secrets if token in text] == [], kind
        assert page.locator(".salesplan-chart").count() == 0, kind
        assert remembered(page) is None
        if kind in ("plan", "dashboard", "monthly", "history"):
            assert page.title().startswith("受保护的页面"), kind
    screenshot(page, "access-locked")
    assert violations(page) == []
    page.goto(base + f"teams/{CLEAR['id']}/dashboard/")  # a region in clear: as ever
    page.wait_for_function(CHARTS_DRAWN)
    assert CLEAR["team"] in page.evaluate(PAGE_TEXT)


@pytest.mark.browser
def test_a_regions_password_opens_its_region_once_per_tab(tab, tmp_path):
    page, base, _ = tab
    page.goto(base + SECRET_PAGES["region"])
    unlock(page, PASSWORDS["SP_TEST_EAST"])
    page.wait_for_function(OPENED)
    page.wait_for_function(CHARTS_DRAWN)
    assert SECRET["team"] in page.evaluate(PAGE_TEXT)
    screenshot(page, "access-region-opened")
    assert violations(page) == []
    # instant navigation to the team's plan page: opened without asking, diagrams drawn
    follow(page, f"article a[href*='{SECRET['id']}']")
    page.wait_for_url(base + f"teams/{SECRET['id']}/")
    page.wait_for_function(OPENED)
    page.wait_for_function(DIAGRAMS_DRAWN)
    assert page.evaluate("() => window.__samePage === true"), "no instant navigation"
    assert page.title().startswith(SECRET["team"])
    text = page.evaluate(PAGE_TEXT)
    assert SECRET["member"] in text and SECRET["task"] in text
    # the dashboard, by its button: every chart drawn
    follow(page, "article a.sp-switch")
    page.wait_for_url(base + SECRET_PAGES["dashboard"])
    page.wait_for_function(OPENED)
    page.wait_for_function(CHARTS_DRAWN)
    assert page.evaluate("() => window.__samePage === true")
    screenshot(page, "access-dashboard-opened")
    # a full page load in the same tab: still open; its download is decrypted and saved
    page.goto(base + SECRET_PAGES["plan"])
    page.wait_for_function(OPENED)
    with page.expect_download() as waiting:
        page.click(f"a[data-salesplan-file='{SECRET['id']}.xlsx']")
    saved = tmp_path / "plan.xlsx"
    waiting.value.save_as(saved)
    assert waiting.value.suggested_filename == f"{SECRET['id']}.xlsx"
    with zipfile.ZipFile(saved) as workbook:
        assert SECRET["task"].encode() in workbook.read("xl/sharedStrings.xml")
    # the other region and the organisation's pages stay shut
    for path in ("regions/华南区/", "teams/south-shenzhen-2023q3/", "", "alerts/"):
        page.goto(base + path)
        page.wait_for_selector(LOCKED)
        assert page.locator(".salesplan-chart").count() == 0, path


@pytest.mark.browser
def test_the_wrong_regions_password_opens_nothing(tab):
    page, base, _ = tab
    for path, password in (
        (SECRET_PAGES["plan"], PASSWORDS["SP_TEST_SOUTH"]),
        (SECRET_PAGES["home"], PASSWORDS["SP_TEST_EAST"]),
    ):
        page.goto(base + path)
        unlock(page, password)
        page.wait_for_function(
            "(words) => document.querySelector('.sp-unlock-message').textContent === words",
            arg=ZH["access.wrong"],
        )
        assert page.locator(".salesplan-sealed").count() == 1
        assert SECRET["member"] not in page.evaluate(PAGE_TEXT)
        assert remembered(page) is None
    screenshot(page, "access-wrong-password")


@pytest.mark.browser
def test_the_head_office_password_opens_everything_until_locked_again(tab):
    page, base, _ = tab
    page.goto(base)
    unlock(page, PASSWORDS["SP_TEST_HEAD_OFFICE"])
    page.wait_for_function(OPENED)
    page.wait_for_function(CHARTS_DRAWN)
    text = page.evaluate(PAGE_TEXT)
    assert SECRET["team"] in text and CLEAR["team"] in text  # the organisation's teams table
    assert "整体达成率" in text  # the organisation's totals
    screenshot(page, "access-home-opened")
    follow(page, "nav a[href*='alerts']")
    page.wait_for_url(base + "alerts/")
    page.wait_for_function(OPENED)
    for path in ("regions/华南区/", SECRET_PAGES["history"], SECRET_PAGES["monthly"]):
        page.goto(base + path)
        page.wait_for_function(OPENED)
    page.click("button.sp-lock")  # forgets the keys of this tab, and shows the page shut
    page.wait_for_selector(LOCKED)
    assert remembered(page) is None


@pytest.mark.browser
def test_the_offline_preview_opens_with_a_password_too(browser, tmp_path):
    """The pull-request preview opens from its folder (file://): the same lock, the same keys."""
    config = project(tmp_path)
    site = tmp_path / "preview"
    with pytest.MonkeyPatch.context() as patch:
        for name, value in PASSWORDS.items():
            patch.setenv(name, value)
        assert build(config, words=ZH, site_dir=site, offline=True).ok
    page = browser.new_page()
    seen = watch(page, site.as_uri() + "/")
    page.goto((site / "regions" / "华东区.html").as_uri())
    unlock(page, PASSWORDS["SP_TEST_EAST"])
    page.wait_for_function(OPENED)
    page.locator(f"article a[href*='{SECRET['id']}/index.html']").first.click()
    page.wait_for_url(f"**/teams/{SECRET['id']}/index.html")
    page.wait_for_function(OPENED)  # a page loaded from the folder: the tab remembers the key
    page.wait_for_function(DIAGRAMS_DRAWN)
    assert SECRET["member"] in page.evaluate(PAGE_TEXT)
    page.close()
    assert seen.outside == [] and seen.errors == []


def test_a_large_sites_alerts_page_of_a_region_is_sealed_for_that_region():
    """Past SUMMARISE_ABOVE teams each region has its own alerts page, listing its tasks."""
    from dataclasses import replace
    from datetime import date

    from generator import compute
    from generator.check.schema import load_schema
    from generator.render import render_site
    from generator.render.overview import SUMMARISE_ABOVE
    from generator.site.access import page_readers

    plan = next(p for p in check([ROOT / "plans"], words=ZH).plans if p.region == "华东区")
    regions = ("华东区", "华南区", "华北区")
    many = [
        replace(plan, id=f"team-{i:03d}", team=f"团队{i:03d}", region=regions[i % 3])
        for i in range(SUMMARISE_ABOVE + 1)
    ]
    data = compute.site_data(many, date(2023, 8, 20))
    pages = render_site(data, words=ZH, schema=load_schema())
    readers = page_readers(data, pages, ["华东区", "华南区"])
    assert readers["alerts/华东区.md"] == ("华东区",)
    assert readers["alerts/华南区.md"] == ("华南区",)
    assert "alerts/华北区.md" not in readers  # not protected: in clear
    assert readers["alerts.md"] == ()  # the head office's
