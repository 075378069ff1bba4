"""`salesplan new`: a plan that validates as written, from the built-in template or the
repository's, and the next cycle of a plan (`--from`), linked both ways on the site."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from authoring_helpers import SHANGHAI, copy_project, run

from generator.author.period import PeriodError, parse_period
from generator.check import check
from generator.load import LoadedFile, parse_plan_text
from generator.words import Words

EN, ZH = Words("en"), Words("zh")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    ("text", "zh", "en", "start", "end"),
    [
        ("2023-Q4", "2023年第四季度", "2023 Q4", date(2023, 10, 1), date(2023, 12, 31)),
        ("2024q1", "2024年第一季度", "2024 Q1", date(2024, 1, 1), date(2024, 3, 31)),
        ("2023-H2", "2023年下半年", "2023 H2", date(2023, 7, 1), date(2023, 12, 31)),
        ("2024-02", "2024年2月", "February 2024", date(2024, 2, 1), date(2024, 2, 29)),
        ("2023", "2023年", "2023", date(2023, 1, 1), date(2023, 12, 31)),
        ("2023-10-01..2023-12-31", "2023-10-01 至 2023-12-31", "2023-10-01 – 2023-12-31",
         date(2023, 10, 1), date(2023, 12, 31)),
    ],
)  # fmt: skip
def test_periods(text: str, zh: str, en: str, start: date, end: date) -> None:
    period = parse_period(text, ZH)
    assert (period.name, period.start, period.end) == (zh, start, end)
    assert parse_period(text, EN).name == en


@pytest.mark.parametrize("text", ["2023-Q5", "2023-13", "Q4", "2023-12-31..2023-10-01", "x"])
def test_unreadable_periods(text: str) -> None:
    with pytest.raises(PeriodError):
        parse_period(text, EN)


def test_new_writes_a_plan_that_validates_from_the_built_in_template(project: Path) -> None:
    Path("plans/_template.md").unlink(missing_ok=True)  # no template of the repository's
    code, out = run(
        "new", "east-hz-2023q4", "--team", "杭州二组", "--period", "2023-Q4",
        "--region", "华东区", "--manager", "zhou-min=周敏", lang="zh",
    )  # fmt: skip
    assert code == 0, out
    path = Path("plans/east-hz-2023q4.md")
    text = path.read_text("utf-8")
    assert "# SMART" in text and "5W" in text and "milestones" in text  # the guide stays
    assert "team: 杭州二组\nregion: 华东区\nmanager: zhou-min\n" in text
    assert "name: 2023年第四季度" in text and "# 杭州二组 · 2023年第四季度" in text
    result = check([path], words=EN, plans_dir=Path("plans"))
    assert result.ok, result.diagnostics
    (plan,) = result.plans
    assert plan.member("zhou-min").name == "周敏"
    assert run("validate", "plans")[0] == 0


def test_new_speaks_the_sites_language(project: Path) -> None:
    Path("plans/_template.md").unlink(missing_ok=True)  # the built-in one, in English
    mkdocs = Path("mkdocs.yml")
    mkdocs.write_text(mkdocs.read_text("utf-8").replace("language: zh", "language: en"), "utf-8")
    code, out = run("new", "west-1", "--team", "West 1", "--period", "2023-Q4")
    assert code == 0, out
    text = Path("plans/west-1.md").read_text("utf-8")
    assert "name: 2023 Q4" in text and "SMART: Specific" in text and "销售" not in text


def test_new_refuses_an_existing_file_or_id(project: Path) -> None:
    code, out = run("new", "east-shanghai-2023q3", "--team", "X", "--period", "2023-Q4",
                    "--dir", "elsewhere")  # fmt: skip
    assert code == 1 and "already used by plans/east/east-shanghai-2023q3.md" in out
    Path("plans/stray.md").write_text("not a plan", "utf-8")
    code, out = run("new", "stray", "--team", "X", "--period", "2023-Q4")
    assert code == 1 and "plans/stray.md already exists" in out
    assert Path("plans/stray.md").read_text("utf-8") == "not a plan"
    assert run("new", "Bad_Id", "--team", "X", "--period", "2023-Q4")[0] == 2
    assert run("new", "ok-id", "--team", "X", "--period", "2023-Q5")[0] == 2


def test_new_starts_from_the_repositorys_template(project: Path) -> None:
    template = Path("plans/_template.md")
    source = Path("tests_template.md")
    text = (
        "---\n# our company's blank plan\nschema: 1\nid: blank\nteam: 团队\nmanager: boss\n"
        "period: {name: 2023年第三季度, start: 2023-07-01, end: 2023-09-30}\n"
        "members:\n  - id: boss\n    name: 经理\n"
        "goals:\n  - id: g-revenue   # keep this comment\n    dimension: revenue\n"
        "    metric: 月销售额\n    unit: 万元\n    baseline: 80\n    target: 100\n"
        "    owner: boss\n    due: 2023-09-15\n"
        "tasks:\n  - id: t-kickoff\n    title: 启动会\n    owner: boss\n"
        "    start: 2023-07-03\n    end: 2023-07-07\n"
        "---\n# 团队 · 2023年第三季度\n"
    ).replace("\n", "\r\n")
    template.write_bytes(b"\xef\xbb\xbf" + text.encode())
    del source
    code, out = run("new", "north-1", "--team", "北方一组", "--period", "2024-Q1",
                    "--manager", "li-qiang=李强")  # fmt: skip
    assert code == 0, out
    assert "plans/_template.md" in out
    raw = Path("plans/north-1.md").read_bytes()
    assert (
        raw.startswith(b"\xef\xbb\xbf")
        and b"\r\n" in raw
        and b"\n" not in raw.replace(b"\r\n", b"")
    )
    written = raw.decode("utf-8-sig")
    assert "# keep this comment" in written and "# our company's blank plan" in written
    assert "# 北方一组 · 2024年第一季度" in written
    loaded = parse_plan_text(raw, LoadedFile("x"), words=EN)
    data = loaded.data
    assert data["period"] == {"name": "2024年第一季度", "start": "2024-01-01", "end": "2024-03-31"}
    assert data["manager"] == "li-qiang" and data["members"][0] == {
        "id": "li-qiang",
        "name": "李强",
    }
    assert data["goals"][0]["owner"] == "li-qiang"
    # the template's dates, at the same place in the new period
    assert data["goals"][0]["due"] == "2024-03-16"
    assert (data["tasks"][0]["start"], data["tasks"][0]["end"]) == ("2024-01-03", "2024-01-07")
    assert run("validate", "plans/north-1.md")[0] == 0


def test_the_next_cycle_carries_the_plan_over(project: Path) -> None:
    code, out = run(
        "new", "east-shanghai-2023q4", "--from", "east-shanghai-2023q3", "--period", "2023-Q4"
    )
    assert code == 0, out
    path = Path("plans/east/east-shanghai-2023q4.md")  # beside the plan it continues
    result = check([path], words=EN, plans_dir=Path("plans"))
    assert result.ok, [str(d) for d in result.diagnostics if d.severity == "error"]
    (plan,) = result.plans
    assert plan.previous == "east-shanghai-2023q3"
    assert plan.period.name == "2023年第四季度"
    old = check([SHANGHAI], words=EN, plans_dir=Path("plans")).plans[0]
    assert [m.id for m in plan.members] == [m.id for m in old.members]
    assert [s.id for s in plan.strategies] == [s.id for s in old.strategies]
    assert [r.id for r in plan.root_causes] == [r.id for r in old.root_causes]
    revenue = next(g for g in plan.goals if g.id == "g-revenue")
    assert revenue.baseline == 100 and revenue.actuals == ()  # the latest actual
    assert dict(revenue.history)["2023-08"] == 100 and dict(revenue.history)["2023-07"] == 88
    tasks = {t.id: t for t in plan.tasks}
    # unfinished tasks carried, finished ones not; windows inside the new period
    assert {"t-invite", "t-referral", "t-store-layout"} <= set(tasks)
    assert not {"t-sales-bonus", "t-demo-video", "t-target-list", "t-revisit-sop"} & set(tasks)
    for task in plan.tasks:
        assert plan.period.start <= task.start <= task.end <= plan.period.end
        assert task.checkins == () and task.help == ()
    assert tasks["t-invite"].start == date(2023, 10, 1)
    assert tasks["t-invite"].end == date(2023, 10, 21)  # same length: 21 days
    # the last review's next actions that were not tasks yet become tasks of their strategy
    made = [t for t in plan.tasks if t.id.startswith("t-next-")]
    assert [(t.title, t.strategy) for t in made] == [
        ("增加客户跟进频次：直播意向客户每周至少触达2次", "s-customer-acquisition"),
        ("客户交接改在CRM中登记，不再用微信群", "s-customer-retention"),
        ("优化直播话术，增加产品A同行业案例讲解", "s-channel"),
        ("周一复盘会逐项核对各任务的进度节点", None),
    ]
    assert plan.reviews == ()
    assert "# 上海一组 · 2023年第四季度" in plan.body
    assert "line" in out and "8月起" in out  # body lines that still speak of the old period


def test_the_next_cycle_refuses_a_period_that_is_not_later(project: Path) -> None:
    code, out = run("new", "x-2023q2", "--from", "east-shanghai-2023q3", "--period", "2023-Q2")
    assert code == 1 and "does not start after" in out
    assert not Path("plans/east/x-2023q2.md").exists()


def test_the_site_links_the_two_cycles_both_ways(project: Path, tmp_path: Path) -> None:
    assert run("new", "east-shanghai-2023q4", "--from", "east-shanghai-2023q3",
               "--period", "2023-Q4")[0] == 0  # fmt: skip
    out = tmp_path / "pages"
    code, printed = run("generate", str(out), "--as-of", "2023-10-08")
    assert code == 0, printed
    old = (out / "teams/east-shanghai-2023q3/index.md").read_text("utf-8")
    new = (out / "teams/east-shanghai-2023q4/index.md").read_text("utf-8")
    assert 'next plan: <a href="../east-shanghai-2023q4/">' in old or (
        '下期计划: <a href="../east-shanghai-2023q4/">' in old
    )
    assert '<a href="../east-shanghai-2023q3/">' in new
