"""The loader: frontmatter, encodings, positions, and YAML features plans must not use."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.check import check
from generator.load import LoadedFile, load_file, parse_plan_text
from generator.words import Words

FULL = Path(__file__).parent / "plans" / "valid" / "full.md"
EN = Words("en")


def _load(text: str | bytes) -> LoadedFile:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return parse_plan_text(raw, LoadedFile("plan.md"), words=EN)


def _rules(loaded: LoadedFile) -> list[tuple[str, int, int]]:
    return [(d.rule, d.line, d.column) for d in loaded.diagnostics]


def test_positions_of_values_and_keys_are_lines_of_the_file() -> None:
    loaded = _load("---\nid: a\ngoals:\n  - id: g\n    target: 120\n---\nbody\n")
    assert loaded.data == {"id": "a", "goals": [{"id": "g", "target": 120}]}
    assert loaded.locate("/goals/0/target") == (5, 13)
    assert loaded.locate("/goals/0/target", key=True) == (5, 5)
    assert loaded.locate("/goals/0/missing") == (4, 5)  # a missing field: its parent object
    assert (loaded.body, loaded.body_line) == ("body\n", 7)


def test_yaml_dates_and_iso_strings_are_the_same() -> None:
    loaded = _load(
        "---\na: 2023-07-01\nb: '2023-07-01'\nc: 2023-07-01 10:00:00\nd: 2023-7-1\n---\n"
    )
    assert loaded.data == {
        "a": "2023-07-01",
        "b": "2023-07-01",
        "c": "2023-07-01 10:00:00",  # kept as written: the schema rejects it as no date
        "d": "2023-7-1",
    }


def test_impossible_date_and_infinity_stay_text_for_the_schema_to_reject() -> None:
    loaded = _load("---\na: 2023-02-30\nb: .inf\nc: .nan\n---\n")
    assert loaded.data == {"a": "2023-02-30", "b": ".inf", "c": ".nan"}


def test_bom_and_crlf() -> None:
    loaded = _load(b"\xef\xbb\xbf---\r\nid: a\r\nteam: \xe4\xb8\x8a\r\n---\r\nbody\r\n")
    assert loaded.data == {"id": "a", "team": "上"} and loaded.diagnostics == []
    assert loaded.locate("/team") == (3, 7)


def test_gbk_file_is_named_as_such() -> None:
    loaded = _load("---\nid: a\nteam: 上海一组\n---\n".encode("gbk"))
    assert _rules(loaded) == [("file-encoding", 3, 7)]
    assert "UTF-8" in loaded.diagnostics[0].message and "GBK" in loaded.diagnostics[0].message


def test_duplicate_key_names_both_lines() -> None:
    loaded = _load("---\nid: a\nteam: x\nid: b\n---\n")
    assert _rules(loaded) == [("yaml-duplicate-key", 4, 1)]
    assert "line 2 and line 4" in loaded.diagnostics[0].message
    assert loaded.data is None


def test_anchor_alone_and_alias_bomb_are_rejected() -> None:
    assert _rules(_load("---\na: &x 1\n---\n")) == [("yaml-alias", 2, 4)]
    bomb = "---\na: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: [*c, *c]\n---\n"
    assert [r for r, *_ in _rules(_load(bomb))] == ["yaml-alias"]


def test_one_clear_diagnostic_for_each_broken_shape() -> None:
    assert _rules(_load("id: a\n")) == [("frontmatter-missing", 1, 1)]
    assert _rules(_load("---\nid: a\n")) == [("frontmatter-unterminated", 1, 1)]
    assert _rules(_load("---\n---\n")) == [("frontmatter-not-fields", 2, 1)]
    assert _rules(_load("---\njust text\n---\n")) == [("frontmatter-not-fields", 2, 1)]
    assert _rules(_load("---\na:\n\tb: 1\n---\n")) == [("yaml-tab", 3, 1)]
    assert _rules(_load("---\na: [1, 2\n---\n"))[0][0] == "yaml-syntax"
    assert _rules(_load("---\na: !!python/object:os.system x\n---\n"))[0][0] == "yaml-syntax"
    assert _rules(_load("---\n? [a]\n: 1\n---\n"))[0][0] == "yaml-syntax"


def test_deep_nesting_does_not_recurse() -> None:
    deep = "---\na: " + "[" * 5000 + "]" * 5000 + "\n---\n"
    loaded = _load(deep)
    assert loaded.diagnostics == [] or loaded.diagnostics[0].rule == "yaml-syntax"


def test_unreadable_file(tmp_path: Path) -> None:
    loaded = load_file(tmp_path / "missing.md", words=EN)
    assert _rules(loaded) == [("file-unreadable", 1, 1)]


def test_file_over_one_mebibyte(tmp_path: Path) -> None:
    big = tmp_path / "big.md"
    big.write_text("---\nid: big\n---\n" + "x" * (1024 * 1024), "utf-8")
    assert _rules(load_file(big, words=EN)) == [("file-too-large", 1, 1)]


# --- the validator never raises, whatever a pull request does to a plan ---

_BASE = parse_plan_text(FULL.read_bytes(), LoadedFile("full.md"), words=EN).data
_JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=False),
    st.text(max_size=12),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
)


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _paths(child, (*prefix, index))


_ALL_PATHS = list(_paths(_BASE))[1:]


def _mutate(data, path, junk, action):
    data = copy.deepcopy(data)
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    if action == "delete":
        del parent[last]
    elif action == "replace":
        parent[last] = junk
    elif isinstance(parent, dict):
        parent[f"{last}x"] = junk
    else:
        parent.append(junk)
    return data


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    mutations=st.lists(
        st.tuples(
            st.sampled_from(_ALL_PATHS), _JUNK, st.sampled_from(["delete", "replace", "add"])
        ),
        min_size=1,
        max_size=3,
    ),
    as_yaml=st.booleans(),
    language=st.sampled_from(["en", "zh"]),
)
def test_mutated_plans_only_ever_give_diagnostics(
    tmp_path: Path, mutations, as_yaml: bool, language: str
) -> None:
    data = _BASE
    for path, junk, action in mutations:
        try:
            data = _mutate(data, path, junk, action)
        except (KeyError, IndexError, TypeError, AttributeError):
            continue  # an earlier mutation removed this path
    dump = (
        yaml.safe_dump(data, allow_unicode=True)
        if as_yaml
        else json.dumps(data, ensure_ascii=False)
    )
    plan = tmp_path / "full.md"
    plan.write_text(f"---\n{dump}---\nbody\n", "utf-8")
    report = check([plan], words=Words(language), plans_dir=None)
    for d in report.diagnostics:
        assert d.line >= 1 and d.column >= 1 and d.rule and d.message
    assert report.ok == (len(report.plans) == 1)


def test_plans_loaded_alike_share_pointers_positions_keys_and_short_texts() -> None:
    """A thousand plans written alike hold the same pointers, (line, column) pairs, keys, ids
    and dates over and over: each is one object, held by every plan (and sent once by a
    worker for all the files it read), so a big company's plans fit in memory."""
    raw = FULL.read_bytes()
    a = parse_plan_text(raw, LoadedFile("a.md"), words=EN)
    b = parse_plan_text(raw, LoadedFile("b.md"), words=EN)
    assert a.data == b.data and a.positions == b.positions
    pointer = "/tasks/0/title"
    (mine,) = [p for p in a.positions if p == pointer]
    (theirs,) = [p for p in b.positions if p == pointer]
    assert mine is theirs
    assert a.positions[pointer] is b.positions[pointer]
    assert a.key_positions[pointer] is b.key_positions[pointer]
    (key_a,) = [k for k in a.data["tasks"][0] if k == "title"]
    (key_b,) = [k for k in b.data["tasks"][0] if k == "title"]
    assert key_a is key_b
    assert a.data["tasks"][0]["id"] is b.data["tasks"][0]["id"]
    assert a.data["period"]["start"] is b.data["period"]["start"]


def test_the_positions_kept_for_sharing_stay_bounded(monkeypatch) -> None:
    """The (line, column) pairs kept for sharing are forgotten past a bound (a long `serve`,
    or hostile files of every shape), and loading goes on the same."""
    from generator.load import builder

    monkeypatch.setattr(builder, "_POSITIONS", {})
    monkeypatch.setattr(builder, "POSITIONS_KEPT", 50)
    raw = FULL.read_bytes()
    first = parse_plan_text(raw, LoadedFile("a.md"), words=EN)
    assert len(builder._POSITIONS) <= 50
    again = parse_plan_text(raw, LoadedFile("b.md"), words=EN)
    assert again.data == first.data and again.positions == first.positions
