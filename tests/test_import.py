"""`salesplan import`: check-ins and actuals from stand-up sheets, all or nothing, and the blank
sheet each plan page offers."""

from __future__ import annotations

import io
import re
import time
import zipfile
from datetime import date
from pathlib import Path

import pytest
from authoring_helpers import SHANGHAI, added_lines, copy_project, run
from openpyxl import load_workbook

from generator.check import check
from generator.load import LoadedFile, parse_plan_text
from generator.render.standup_sheet import ZIP_TIME, standup_sheet
from generator.words import Words

EN, ZH = Words("en"), Words("zh")
GUANGZHOU = Path("plans/south/south-guangzhou-2023q3.md")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _plan(path: Path):
    return check([path], words=ZH, plans_dir=Path("plans")).plans[0]


def _data(path: Path) -> dict:
    return parse_plan_text(path.read_bytes(), LoadedFile(str(path)), words=EN).data


def test_a_csv_with_chinese_headers(project: Path) -> None:
    sheet = Path("standup.csv")
    sheet.write_text(
        "计划,任务,目标,日期,进度（%）,数值,说明,卡点\n"
        'east-shanghai-2023q3,t-top50-survey,,2023-08-21,62,,"进展: 拜访5家，好",\n'
        "east-shanghai-2023q3,t-livestream,,,,,,\n"  # nothing to record: skipped
        "east-shanghai-2023q3,,g-revenue,2023/8/21,,104,,\n",
        encoding="utf-8-sig",
    )
    before = SHANGHAI.read_bytes()
    code, out = run("import", str(sheet))
    assert code == 0, out
    assert "imported 2 rows into plans/east/east-shanghai-2023q3.md" in out
    added = added_lines(before, SHANGHAI.read_bytes())
    assert '        note: "进展: 拜访5家，好"\n'.encode() in added
    assert b"        value: 104\n" in added


def test_the_blank_sheet_of_a_plan_page_goes_back_in(project: Path) -> None:
    book = load_workbook(io.BytesIO(standup_sheet(_plan(SHANGHAI), ZH)))
    checkins, actuals = book.worksheets
    assert [c.value for c in checkins[1]] == [
        "计划",
        "任务",
        "任务名称",
        "日期",
        "进度（%）",
        "说明",
        "卡点",
    ]
    for row in checkins.iter_rows(min_row=2):
        if row[1].value == "t-livestream":
            row[3].value, row[4].value, row[5].value = date(2023, 8, 21), 0.62, "已播16场"
            row[4].number_format = "0%"  # typed as 62% in Excel
    for row in actuals.iter_rows(min_row=2):
        if row[1].value == "g-repurchase":
            row[3].value, row[4].value = "2023-08-21", 32
    book.save("filled.xlsx")
    code, out = run("import", "filled.xlsx")
    assert code == 0, out
    data = _data(SHANGHAI)
    live = next(t for t in data["tasks"] if t["id"] == "t-livestream")
    assert live["checkins"][-1] == {"date": "2023-08-21", "progress": 62, "note": "已播16场"}
    repurchase = next(g for g in data["goals"] if g["id"] == "g-repurchase")
    assert repurchase["actuals"][-1] == {"date": "2023-08-21", "value": 32}


def test_one_bad_row_changes_no_file_and_is_named(project: Path) -> None:
    Path("a.csv").write_text(
        "plan,task,date,progress,note\nsouth-guangzhou-2023q3,t-dealer-visits,2023-08-21,70,done\n",
        encoding="utf-8",
    )
    Path("b.csv").write_text(
        "plan,task,goal,date,progress,value\n"
        "east-shanghai-2023q3,t-top50-survey,,2023-08-21,60,\n"
        "east-shanghai-2023q3,t-bundle,,2023-08-21,140,\n"
        "east-shanghai-2023q3,t-nope,,2023-08-21,50,\n"
        "east-shanghai-2023q3,,g-revenue,2023-08-21,,lots\n",
        encoding="utf-8",
    )
    before = {p: p.read_bytes() for p in Path("plans").rglob("*.md")}
    code, out = run("import", "a.csv", "b.csv")
    assert code == 1
    assert "nothing was imported: 3 of 5 rows cannot be recorded" in out
    assert "b.csv, row 3: progress 140 is not a percentage" in out
    assert "b.csv, row 4: the plan east-shanghai-2023q3 has no task 't-nope'" in out
    assert "b.csv, row 5: value: 'lots' is not a number" in out
    assert {p: p.read_bytes() for p in Path("plans").rglob("*.md")} == before


def test_sheets_that_cannot_be_read_say_why(project: Path) -> None:
    Path("gbk.csv").write_bytes("计划,任务,日期,进度\n".encode("gbk"))
    code, out = run("import", "gbk.csv")
    assert code == 1 and "not saved as UTF-8" in out
    Path("other.csv").write_text("name,amount\nx,1\n", encoding="utf-8")
    code, out = run("import", "other.csv")
    assert code == 1 and "no sheet has the columns" in out
    Path("notes.txt").write_text("x", encoding="utf-8")
    assert run("import", "notes.txt")[0] == 1


def test_the_blank_sheet_is_the_same_bytes_every_build(monkeypatch: pytest.MonkeyPatch) -> None:
    root = Path(__file__).resolve().parent.parent
    (plan,) = check([root / SHANGHAI], words=ZH, plans_dir=root / "plans").plans
    first = standup_sheet(plan, ZH)
    # a build years later: openpyxl stamps entries with the clock, which must not show
    monkeypatch.setattr(time, "time", lambda: 2_000_000_000.0)
    monkeypatch.setattr(time, "localtime", lambda *_: time.gmtime(2_000_000_000))
    assert standup_sheet(plan, ZH) == first
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {ZIP_TIME}
        core = archive.read("docProps/core.xml").decode()
    created = re.search(r"<dcterms:created[^>]*>([^<]+)<", core)[1]
    modified = re.search(r"<dcterms:modified[^>]*>([^<]+)<", core)[1]
    assert created == modified == "2000-01-01T00:00:00Z"
