"""Downloads for Excel: a CSV per template table and a workbook per plan, typed, safe, stable."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import date
from pathlib import Path

import pytest

from generator import compute
from generator.check import check
from generator.model import build_plan
from generator.render import render_site
from generator.render.downloads import csv_bytes, rows, workbook_bytes
from generator.render.tables import template_tables
from generator.words import Words

ROOT = Path(__file__).resolve().parent.parent
AS_OF = date(2023, 8, 20)
ZH = Words("zh")


@pytest.fixture(scope="module")
def full():
    return check([ROOT / "tests/plans/valid/full.md"], words=ZH, plans_dir=None).plans[0]


def _downloads(plan):
    pages = render_site(compute.site_data([plan], AS_OF), words=ZH, schema={})
    return {path: data for path, data in pages.items() if "/downloads/" in path}


def _csv(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs for Chinese
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_every_template_table_has_a_csv_and_the_plan_a_workbook(full):
    files = _downloads(full)
    assert sorted(files) == [
        *(f"teams/full/downloads/full-t{n}.csv" for n in range(1, 7)),
        "teams/full/downloads/full.xlsx",
    ]
    tables = template_tables(compute.plan_metrics(full, AS_OF), ZH)
    for n, table in enumerate(tables, 1):
        content = _csv(files[f"teams/full/downloads/full-t{n}.csv"])
        assert content[0] == list(table.columns)
        assert len(content) == 1 + len(list(rows(table)))  # one row per table row
    t1 = _csv(files["teams/full/downloads/full-t1.csv"])
    assert t1[1][2] == "120" and t1[1][3] == "2023-09-30"  # a number and a date, not "120 万元"
    page = render_site(compute.site_data([full], AS_OF), words=ZH, schema={})["teams/full/index.md"]
    assert 'href="downloads/full-t1.csv" download' in page
    assert 'href="downloads/full.xlsx" download' in page


def test_the_workbook_has_six_typed_sheets_with_a_frozen_header(full):
    book = zipfile.ZipFile(io.BytesIO(_downloads(full)["teams/full/downloads/full.xlsx"]))
    sheets = sorted(n for n in book.namelist() if n.startswith("xl/worksheets/sheet"))
    assert len(sheets) == 6
    names = re.findall(r'<sheet name="([^"]+)"', book.read("xl/workbook.xml").decode())
    assert names[0] == "模板1 销售业绩目标设定表" and len(names) == 6
    first = book.read(sheets[0]).decode()
    assert 'ySplit="1"' in first and 'state="frozen"' in first  # the header row stays
    assert '<c r="C2"><v>120</v></c>' in first  # the target, a number (no "t" type: not text)
    assert re.search(r'<c r="D2" s="\d+"><v>45199</v>', first)  # 2023-09-30 as an Excel date
    assert "<col " in first  # column widths set


def test_a_text_that_looks_like_a_formula_stays_text(full):
    hostile = '=HYPERLINK("https://evil.example","点击")'
    data = {
        "schema": 1, "id": "x", "team": "T", "manager": "m",
        "period": {"name": "Q3", "start": "2023-07-01", "end": "2023-09-30"},
        "members": [{"id": "m", "name": "@SUM(A1)"}],
        "goals": [{"id": "g", "dimension": "revenue", "metric": hostile, "unit": "万元",
                   "baseline": 1, "target": 2, "key_actions": "-2+3"}],
    }  # fmt: skip
    plan = build_plan(data)
    files = _downloads(plan)
    t1 = _csv(files["teams/x/downloads/x-t1.csv"])
    assert t1[1][1] == "'" + hostile and t1[1][4] == "'@SUM(A1)" and t1[1][5] == "'-2+3"
    book = zipfile.ZipFile(io.BytesIO(files["teams/x/downloads/x.xlsx"]))
    for name in book.namelist():
        if name.startswith("xl/worksheets/"):
            assert "<f>" not in book.read(name).decode(), name  # no formula anywhere
    assert f"<t>{hostile}</t>" in book.read("xl/sharedStrings.xml").decode()  # a shared string


def test_downloads_are_the_same_bytes_every_time(full):
    tables = template_tables(compute.plan_metrics(full, AS_OF), ZH)
    names = [f"s{n}" for n in range(6)]
    assert workbook_bytes(tables, names, "t") == workbook_bytes(tables, names, "t")
    assert csv_bytes(tables[0]) == csv_bytes(tables[0])
