"""A new plan from a template: the repository's `plans/_template.md` when it has one, else the
built-in template of the site's language (templates/plan.zh.md, plan.en.md).

The template is filled in place, so its comments — the guide through the method — stay: the
id, team, region, manager and period are written in, the template's dates are moved into the
new period, and its team and period names in the text below the fields are replaced.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from datetime import date
from importlib import resources
from typing import Any

from ..load import LoadedFile, parse_plan_text
from ..model import Period
from ..words import Words
from .period import spread
from .splice import Source, SpliceError, add_key_after, replace_values
from .yaml_text import Plain, scalar

TEMPLATE_NAME = "_template.md"  # in the plans folder; files starting with _ are not plans
DEFAULT_MANAGER = "manager"  # the built-in template's manager id
# Where a plan names a member (the manager renamed everywhere) and where it holds a date.
_MEMBER_REF = re.compile(
    r"/manager|/members/\d+/id|/(goals|tasks)/\d+/owner(/\d+)?|/tasks/\d+/help/\d+/by"
    r"|/reviews/\d+/next_actions/\d+/owner(/\d+)?"
)
_DATE = re.compile(
    r"/goals/\d+/(due|actuals/\d+/date)|/tasks/\d+/(start|end|(checkins|milestones|help)/\d+/date)"
    r"|/reviews/\d+/(date|next_actions/\d+/due)"
)


class TemplateError(ValueError):
    """The template cannot be filled in; the message says why."""


@dataclass(frozen=True)
class NewPlan:
    """What `salesplan new` was told."""

    id: str
    team: str
    period: Period
    region: str | None = None
    manager_id: str | None = None
    manager_name: str | None = None


def builtin_template(words: Words) -> bytes:
    """The built-in template in the language of `words`."""
    name = "plan.zh.md" if words.chinese else "plan.en.md"
    return (resources.files(__package__) / "templates" / name).read_bytes()


def fill_template(raw: bytes, name: str, new: NewPlan, words: Words) -> bytes:
    """The template's bytes with the new plan written in (its comments and layout kept)."""
    loaded = parse_plan_text(raw, LoadedFile(name), words=words)
    data = loaded.data
    if loaded.diagnostics or not isinstance(data, dict) or not _has_period(data):
        problem = loaded.diagnostics[0].message if loaded.diagnostics else words["tpl-no-period"]
        raise TemplateError(words.say("tpl-unreadable", file=name, problem=problem))
    old = Period(
        data["period"]["name"],
        date.fromisoformat(data["period"]["start"]),
        date.fromisoformat(data["period"]["end"]),
    )
    values = _new_values(loaded, new, old)
    expected = copy.deepcopy(data)
    for pointer, value in values.items():
        _set(expected, pointer, value)
    try:
        source = replace_values(
            Source.of(raw), loaded, {p: scalar(v, plain_text=True) for p, v in values.items()}
        )
        if new.region and "region" not in data:
            moved = parse_plan_text(source.encoded(), LoadedFile(name), words=words)
            source = add_key_after(source, moved, "/team", "region", scalar(Plain(new.region)))
            expected = {**expected, "region": new.region}
    except (SpliceError, ValueError):
        raise TemplateError(words.say("tpl-layout", file=name)) from None
    text = _replace_names(source.text, loaded.body, data, new, old)
    result = Source(text, source.bom).encoded()
    again = parse_plan_text(result, LoadedFile(name), words=words)
    if again.diagnostics or _ordered(again.data) != _ordered(expected):
        raise TemplateError(words.say("tpl-layout", file=name))
    return result


def _has_period(data: dict) -> bool:
    period = data.get("period")
    return isinstance(period, dict) and all(
        isinstance(period.get(k), str) for k in ("name", "start", "end")
    )


def _new_values(loaded: LoadedFile, new: NewPlan, old: Period) -> dict[str, Any]:
    """Pointer → new value: the id, team, region, period, the manager and the moved dates."""
    data = loaded.data
    values: dict[str, Any] = {
        "/id": Plain(new.id),
        "/team": Plain(new.team),
        "/period/name": Plain(new.period.name),
        "/period/start": new.period.start,
        "/period/end": new.period.end,
    }
    if new.region and "region" in data:
        values["/region"] = Plain(new.region)
    old_manager = data.get("manager")
    for pointer in loaded.positions:
        value = _get(data, pointer)
        if new.manager_id and value == old_manager and _MEMBER_REF.fullmatch(pointer):
            values[pointer] = Plain(new.manager_id)
        elif _DATE.fullmatch(pointer) and isinstance(value, str):
            values[pointer] = spread(date.fromisoformat(value), old, new.period)
    if new.manager_name:
        for index, member in enumerate(data.get("members") or ()):
            if isinstance(member, dict) and member.get("id") == old_manager:
                values[f"/members/{index}/name"] = Plain(new.manager_name)
    return values


def _replace_names(text: str, body: str, data: dict, new: NewPlan, old: Period) -> str:
    """The template's team and period names in the Markdown below the fields, replaced."""
    if not body or not text.endswith(body.replace("\n", _newline(text))):
        return text
    native = body.replace("\n", _newline(text))
    head = text[: len(text) - len(native)]
    changed = native.replace(old.name, new.period.name)
    if isinstance(data.get("team"), str) and data["team"].strip():
        changed = changed.replace(data["team"], new.team)
    return head + changed


def _newline(text: str) -> str:
    match = re.search(r"\r\n|\r|\n", text)
    return match.group() if match else "\n"


def _get(data: Any, pointer: str) -> Any:
    for part in pointer.split("/")[1:]:
        part = part.replace("~1", "/").replace("~0", "~")
        data = data[int(part)] if isinstance(data, list) else data[part]
    return data


def _set(data: Any, pointer: str, value: Any) -> None:
    parts = [p.replace("~1", "/").replace("~0", "~") for p in pointer.split("/")[1:]]
    for part in parts[:-1]:
        data = data[int(part)] if isinstance(data, list) else data[part]
    plain = value.isoformat() if isinstance(value, date) else str(value)
    if isinstance(data, list):
        data[int(parts[-1])] = plain
    else:
        data[parts[-1]] = plain


def _ordered(value: Any) -> Any:
    # the region is added after the team: compare the fields, not their order
    if isinstance(value, dict):
        return {k: _ordered(v) for k, v in sorted(value.items())}
    if isinstance(value, list):
        return [_ordered(v) for v in value]
    return value
