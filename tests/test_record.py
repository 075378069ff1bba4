"""`salesplan checkin`, `actual` and `one-on-one`: one entry added in place, every other byte
kept, refused values change nothing, and the status sees what was recorded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from authoring_helpers import ROOT, SHANGHAI, added_lines, copy_project, run

from generator.author.record import Entry, Refused, record
from generator.author.splice import Source
from generator.load import LoadedFile, parse_plan_text
from generator.words import Words

EN = Words("en")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_check_in_adds_lines_changes_none_and_the_status_sees_it(project: Path) -> None:
    before = SHANGHAI.read_bytes()
    code, out = run(
        "checkin", "east-shanghai-2023q3", "t-top50-survey", "--progress", "62",
        "--note", "进展: 拜访5家，客户A说“再议”", "--date", "2023-08-21",
    )  # fmt: skip
    assert code == 0, out
    added = added_lines(before, SHANGHAI.read_bytes())
    assert added == [
        b"      - date: 2023-08-21\n",
        b"        progress: 62\n",
        '        note: "进展: 拜访5家，客户A说“再议”"\n'.encode(),
    ]
    # the task's new state, in the stand-up's words
    assert "planned 40%, done 62%" in out  # the milestone of 08-11 (08-25 is next)
    assert "next milestone: 2023-08-25, 60%" in out
    assert "help needed: no" in out
    code, status = run("status", "--format", "json", "--as-of", "2023-08-21")
    tasks = {t["id"]: t for p in json.loads(status)["plans"] for t in p["tasks"]}
    assert tasks["t-top50-survey"]["actual"] == 62


def test_a_progress_of_140_is_refused_and_the_file_is_unchanged(project: Path) -> None:
    before = SHANGHAI.read_bytes()
    code, out = run(
        "checkin", "east-shanghai-2023q3", "t-top50-survey", "--progress", "140",
        "--date", "2023-08-21",
    )  # fmt: skip
    assert code == 1
    assert "progress 140 is not a percentage: give a number from 0 to 100" in out
    assert SHANGHAI.read_bytes() == before
    assert sorted(p.name for p in SHANGHAI.parent.iterdir()) == sorted(
        ["east-hangzhou-2023q3.md", "east-shanghai-2023q2.md", "east-shanghai-2023q3.md"]
    )  # no temporary file left behind


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["t-nope", "--progress", "10"], "has no task 't-nope'; its tasks: t-sales-bonus,"),
        (
            ["t-invite", "--progress", "10", "--date", "2023-08-01"],
            "is before the task t-invite starts",
        ),
        (["t-invite", "--progress", "10", "--date", "2023-08-29"], "--late"),
        (["t-invite", "--progress", "60", "--date", "2023-08-18"], "--replace"),
        (["t-invite", "--progress", "10", "--date", "2099-01-01"], "is after today"),
    ],
    ids=["unknown-task", "before-start", "after-end", "same-day", "future"],
)
def test_bad_values_change_nothing_and_say_why(project: Path, args, says) -> None:
    before = SHANGHAI.read_bytes()
    code, out = run("checkin", "east-shanghai-2023q3", *args)
    assert code == 1, out
    assert says in out
    assert SHANGHAI.read_bytes() == before


def test_numbers_are_read_as_people_type_them(project: Path) -> None:
    for typed in ("nan", "lots", "inf"):
        code, out = run("checkin", "east-shanghai-2023q3", "t-invite", "--progress", typed)
        assert code == 2 and "is not a number" in out
    code, out = run(
        "checkin", "east-shanghai-2023q3", "t-top50-survey", "--progress", "６０%",
        "--date", "2023-08-21",
    )  # fmt: skip
    assert code == 0, out
    assert b"        progress: 60\n" in SHANGHAI.read_bytes()


def test_an_unknown_plan_names_the_plans(project: Path) -> None:
    code, out = run("checkin", "east-nope", "t-invite", "--progress", "10")
    assert code == 1 and "there is no plan 'east-nope'" in out and "east-shanghai-2023q3" in out


def test_replace_and_late_are_explicit(project: Path) -> None:
    before = SHANGHAI.read_bytes()
    code, out = run(
        "checkin", "east-shanghai-2023q3", "t-invite", "--progress", "61", "--date",
        "2023-08-18", "--replace",
    )  # fmt: skip
    assert code == 0, out
    after = SHANGHAI.read_bytes()
    # the entry of that day is replaced as a whole (its note went with it)
    assert after.count(b"progress: 61") == 1 and "已邀约12家，目标30家".encode() not in after
    assert len(after.splitlines()) == len(before.splitlines()) - 1
    code, out = run(
        "checkin", "east-shanghai-2023q3", "t-invite", "--progress", "70", "--date",
        "2023-08-29", "--late",
    )  # fmt: skip
    assert code == 0, out
    assert "the check-in of 2023-08-29 is after the task ended" in out  # the rule's warning


def test_a_backdated_check_in_goes_where_its_date_belongs(project: Path) -> None:
    code, out = run(
        "checkin", "east-shanghai-2023q3", "t-invite", "--progress", "52", "--date", "2023-08-17"
    )
    assert code == 0, out
    loaded = parse_plan_text(SHANGHAI.read_bytes(), LoadedFile("x"), words=EN)
    invite = next(t for t in loaded.data["tasks"] if t["id"] == "t-invite")
    days = [c["date"] for c in invite["checkins"]]
    assert "2023-08-17" in days and days == sorted(days)
    assert run("validate", str(SHANGHAI))[0] == 0


def test_an_actual_and_a_one_on_one(project: Path) -> None:
    before = SHANGHAI.read_bytes()
    code, out = run(
        "actual", "east-shanghai-2023q3", "g-revenue", "--value", "104.5", "--date", "2023-08-21"
    )
    assert code == 0, out
    assert "Monthly" not in out and "104.5 / 120 万元" in out  # the goal's state
    code, out = run(
        "one-on-one", "east-shanghai-2023q3", "t-invite", "--by", "wang-lei",
        "--note", "经理协助约访TOP50", "--action", "经理陪同拜访3家", "--date", "2023-08-20",
    )  # fmt: skip
    assert code == 0, out
    assert "1:1 held on 2023-08-20 by 王磊, still behind" in out
    added = added_lines(before, SHANGHAI.read_bytes())
    assert b"        value: 104.5\n" in added
    assert b"      - date: 2023-08-20\n" in added and b"        by: wang-lei\n" in added
    # a task without a help list gets one, under the task
    before = SHANGHAI.read_bytes()
    code, out = run(
        "one-on-one", "east-shanghai-2023q3", "t-top50-survey", "--by", "wang-lei",
        "--date", "2023-08-21",
    )  # fmt: skip
    assert code == 0, out
    assert added_lines(before, SHANGHAI.read_bytes())[0] == b"    help:\n"
    code, status = run("status", "--format", "json")
    tasks = {t["id"]: t for p in json.loads(status)["plans"] for t in p["tasks"]}
    assert tasks["t-invite"]["help_given"] == {"date": "2023-08-20", "by": "wang-lei"}
    code, out = run("one-on-one", "east-shanghai-2023q3", "t-invite", "--by", "nobody")
    assert code == 1 and "'nobody' is not a member of the team" in out


def test_messages_follow_the_language(project: Path) -> None:
    code, out = run("checkin", "east-shanghai-2023q3", "t-invite", "--progress", "140", lang="zh")
    assert code == 1 and "进度 140 不是百分比" in out


# --- in place: files written every way a person or an editor writes them ---------------------

PLAN = """---
# a comment that must stay
schema: 1
id: x
team: 'Team "X"'
manager: m
period: {name: P, start: 2023-07-01, end: 2023-09-30}
members:
- id: m
  name: M
goals:
- {id: g, dimension: revenue, metric: m, unit: u, baseline: 1, target: 2}
tasks:
  - id: a   # block entries
    title: A
    owner: m
    start: 2023-07-01
    end: 2023-08-01
    checkins:
      - date: 2023-07-02
        progress: 10 # first

      # the second check-in
      - date: 2023-07-05
        progress: 20
    # after the list
  - {id: b, title: B, owner: m, start: 2023-07-01, end: 2023-08-01}
  - id: c
    title: C
    owner: m
    start: 2023-07-01
    end: 2023-08-01
    checkins: [{date: 2023-07-02, progress: 10}]
  - id: d
    title: D
    owner: m
    start: 2023-07-01
    end: 2023-08-01
    checkins:
    - {date: 2023-07-02, progress: 10}
---
Body text.
"""

CASES = {
    "block-list": ("a", "2023-07-09", ["      - date: 2023-07-09\n", "        progress: 30\n"]),
    "block-list-middle": (
        "a",
        "2023-07-03",
        ["      - date: 2023-07-03\n", "        progress: 30\n"],
    ),
    "flow-task": ("b", "2023-07-09", None),  # the task's one line grows
    "flow-list": ("c", "2023-07-09", None),
    "one-line-entries": ("d", "2023-07-09", ["    - {date: 2023-07-09, progress: 30}\n"]),
}


def _record(raw: bytes, task: str, day: str) -> bytes:
    loaded = parse_plan_text(raw, LoadedFile("x.md"), words=EN)
    assert not loaded.diagnostics
    from datetime import date

    entry = Entry("checkin", task, date.fromisoformat(day), {"progress": 30})
    done = record(Source.of(raw), loaded, entry, today=date(2030, 1, 1), words=EN)
    return done.source.encoded()


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
@pytest.mark.parametrize("bom", [False, True], ids=["no-bom", "bom"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_every_other_byte_stays(case: str, newline: str, bom: bool) -> None:
    task, day, expected = CASES[case]
    raw = ("\ufeff" if bom else "").encode() + PLAN.replace("\n", newline).encode()
    after = _record(raw, task, day)
    assert after.startswith(b"\xef\xbb\xbf") == bom
    loaded = parse_plan_text(after, LoadedFile("x.md"), words=EN)
    checkins = next(t for t in loaded.data["tasks"] if t["id"] == task)["checkins"]
    assert {"date": day, "progress": 30} in checkins
    assert [c["date"] for c in checkins] == sorted(c["date"] for c in checkins)
    if expected is None:  # a flow line was extended: only that line differs
        old, new = raw.split(newline.encode()), after.split(newline.encode())
        assert len(old) == len(new)
        assert sum(a != b for a, b in zip(old, new, strict=True)) == 1
    else:
        added = added_lines(raw, after)
        assert added == [line.replace("\n", newline).encode() for line in expected]


def test_a_task_without_check_ins_gets_the_list_in_the_files_own_style() -> None:
    task = "  - id: e\n    title: E\n    owner: m\n    start: 2023-07-01\n    end: 2023-08-01\n"
    raw = PLAN.replace("  - id: a   # block", task + "  - id: a   # block").encode()
    after = _record(raw, "e", "2023-07-03")
    assert added_lines(raw, after) == [
        b"    checkins:\n",
        b"      - date: 2023-07-03\n",  # indented as the other tasks' check-ins are
        b"        progress: 30\n",
    ]


@pytest.mark.parametrize(
    "note",
    ["进展: 拜访5家", "a，b：c", "no", "10:30", "#1 客户", '"quoted"', "back\\slash", "两行\n文字",
     "- dash", "{not: a map}", "null", "\u2028separator", "tab\there"],
)  # fmt: skip
def test_any_note_reads_back_as_written(note: str) -> None:
    from datetime import date

    raw = PLAN.encode()
    loaded = parse_plan_text(raw, LoadedFile("x.md"), words=EN)
    entry = Entry("checkin", "a", date(2023, 7, 9), {"progress": 30, "note": note})
    done = record(Source.of(raw), loaded, entry, today=date(2030, 1, 1), words=EN)
    again = parse_plan_text(done.source.encoded(), LoadedFile("x.md"), words=EN)
    assert again.data["tasks"][0]["checkins"][-1]["note"] == note


def test_a_layout_it_cannot_foresee_is_refused_not_damaged() -> None:
    from datetime import date

    spread = "checkins: [\n      {date: 2023-07-02, progress: 10},\n    ]"
    raw = PLAN.replace("checkins: [{date: 2023-07-02, progress: 10}]", spread).encode()
    loaded = parse_plan_text(raw, LoadedFile("x.md"), words=EN)
    entry = Entry("checkin", "c", date(2023, 7, 9), {"progress": 30})
    try:
        done = record(Source.of(raw), loaded, entry, today=date(2030, 1, 1), words=EN)
    except Refused as refused:
        assert "add the entry by hand" in str(refused)
    else:  # written: then it must read back exactly
        again = parse_plan_text(done.source.encoded(), LoadedFile("x.md"), words=EN)
        assert again.data["tasks"][2]["checkins"][-1] == {"date": "2023-07-09", "progress": 30}


def test_the_day_is_today_in_the_sites_time_zone(project: Path) -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    site = (ROOT / "mkdocs.yml").read_text("utf-8").split("      as_of:")[0]
    for zone in ("Pacific/Kiritimati", "Pacific/Pago_Pago"):  # UTC+14 and UTC−11
        Path("mkdocs.yml").write_text(site + f"      timezone: {zone}\n", "utf-8")
        code, out = run("checkin", "east-shanghai-2023q3", "t-invite", "--progress", "70")
        today = datetime.now(ZoneInfo(zone)).date().isoformat()
        assert code == 1 and f"{today} is after the task t-invite ended" in out
