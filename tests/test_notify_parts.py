"""The parts of `salesplan notify` one by one: cutting a digest to a platform's size, the plan
text made inert, signatures, masked addresses, retries, GitHub's rate-limit headers, and the
decisions about issues (reopen, duplicates, what is left alone)."""

from __future__ import annotations

import json

import notify_standins as standins
import pytest

from generator.notify.digest import plain
from generator.notify.formats import FORMATS, body_bytes, pack
from generator.notify.github import rate_limit_wait
from generator.notify.issues import Closing, Known, Wanted, reconcile
from generator.notify.robots import (
    DEFAULT_VARIABLES,
    Robot,
    Route,
    Scope,
    dingtalk_sign,
    feishu_sign,
    mask,
    robots,
    scrub,
    signed_body,
    signed_url,
)
from generator.notify.transport import MAX_WAIT, Reply, Transport, TransportError


def test_pack_keeps_every_character_and_each_part_fits() -> None:
    limit = 120
    fits = lambda lines: len("\n".join(lines).encode()) <= limit  # noqa: E731
    blocks = [["团队一", "- 任务" * 5], ["很长的一行：" + "字" * 200], ["汇总"]]
    parts = pack(blocks, fits)
    assert all(fits(part) for part in parts)
    assert "".join("".join(p) for p in parts) == "".join("".join(b) for b in blocks)
    assert parts[0] == ["团队一", "- 任务" * 5]  # a block that fits stays whole


@pytest.mark.parametrize("kind", ["wecom", "dingtalk", "feishu"])
def test_each_format_measures_what_its_platform_limits(kind: str) -> None:
    form = FORMATS[kind]
    payload = form.build("标题", ["中文" * 10], 1)
    assert form.measure(payload) >= len("中文".encode()) * 10
    assert form.fits("标题", ["x"]) and not form.fits("标题", ["字" * 8000])


def test_plan_text_cannot_become_markup_in_a_chat() -> None:
    text = plain('**粗体** [链接](http://x) <at user_id="all"> `代码` #1 | a\\b & _x_\n下一行')
    assert not set(text) & set("*[]<>`#|\\&_\n")
    assert "粗体" in text and "下一行" in text


def test_signatures_are_the_documented_ones() -> None:
    assert dingtalk_sign(standins.DINGTALK_SECRET, 1700000000000) == standins.dingtalk_expected(
        "1700000000000"
    )
    assert feishu_sign(standins.FEISHU_SECRET, 1700000000) == standins.feishu_expected("1700000000")
    ding = Robot("dingtalk", "V", "https://oapi.dingtalk.com/robot/send?access_token=t", "SEC1")
    url = signed_url(ding, 1700000000000)
    assert url.startswith("https://oapi.dingtalk.com/robot/send?access_token=t&timestamp=")
    assert "%2B" in url or "%2F" in url or "%3D" in url  # the Base64 is URL-encoded
    feishu = Robot("feishu", "V", "https://open.feishu.cn/open-apis/bot/v2/hook/h", "s3")
    body = signed_body(feishu, {"msg_type": "text"}, 1700000000999)
    assert body["timestamp"] == "1700000000" and body["sign"] == feishu_sign("s3", 1700000000)


def test_addresses_are_masked_and_echoed_secrets_scrubbed() -> None:
    url = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx"
    assert mask(url) == "https://qyapi.weixin.qq.com/***"
    robot = Robot("wecom", "V", url)
    assert scrub(f"invalid key {url} (693a91f6-7xxx)", robot.secrets) == "invalid key *** (***)"
    assert "693a91f6" not in repr(robot)


def test_robots_come_from_variables_and_problems_name_the_variable() -> None:
    route = Route(Scope("region", "华东区"), {"wecom": ("EAST_WECOM", None)})
    values = {
        "SALESPLAN_DINGTALK_WEBHOOK": "not an address",
        "SALESPLAN_FEISHU_SECRET": "s",
    }
    found, problems = robots([route], values)
    assert found == []
    assert {(p.variable, p.problem) for p in problems} == {
        ("SALESPLAN_DINGTALK_WEBHOOK", "not-an-address"),
        ("SALESPLAN_FEISHU_SECRET", "secret-without-webhook"),
        ("EAST_WECOM", "not-set"),
    }
    found, _ = robots([route], {"EAST_WECOM": "https://qyapi.weixin.qq.com/x?key=k"})
    assert [(r.variable, r.scope.name) for r in found] == [("EAST_WECOM", "华东区")]
    assert set(DEFAULT_VARIABLES) == {"wecom", "dingtalk", "feishu"}


def test_a_connection_refused_is_retried_then_named() -> None:
    waits: list[float] = []
    transport = Transport(timeout=0.5, sleep=waits.append)
    with pytest.raises(TransportError) as error:
        transport.request("POST", "http://127.0.0.1:9/never", body=b"{}")
    assert error.value.reason == "connection"
    assert waits == [1.0, 2.0]  # three attempts, a growing wait between them


def test_a_wait_longer_than_allowed_is_a_failure_not_a_hang() -> None:
    transport = Transport(sleep=lambda s: pytest.fail("must not wait"))
    reply = Reply(429, None, {"retry-after": str(MAX_WAIT + 1)})
    transport._once = lambda *a: reply  # type: ignore[method-assign]
    with pytest.raises(TransportError) as error:
        transport.request("GET", "http://127.0.0.1:9/")
    assert error.value.reason == "rate-limited" and error.value.wait == MAX_WAIT + 1


def test_github_rate_limit_headers() -> None:
    assert rate_limit_wait(Reply(403, {}, {"retry-after": "7"})) == 7
    reset = {"x-ratelimit-remaining": "0", "x-ratelimit-reset": "1000030"}
    assert rate_limit_wait(Reply(403, {}, reset), clock=lambda: 1000000.0) == 30
    limited = {"message": "You have exceeded a secondary rate limit"}
    assert rate_limit_wait(Reply(403, limited, {})) == 60
    assert rate_limit_wait(Reply(403, {"message": "Resource not accessible"}, {})) is None
    assert rate_limit_wait(Reply(404, {}, {})) is None


def wanted(key: str, body: str = "now") -> Wanted:
    return Wanted(key, f"title {key}", body, ("salesplan:help",), (), lambda before: "again")


def test_a_closed_issue_is_reopened_and_duplicates_are_closed() -> None:
    known = [
        Known(3, False, "p/a", "old"),
        Known(5, True, "p/b", "now"),
        Known(7, True, "p/b", "now"),
    ]
    changes = reconcile(
        [wanted("p/a"), wanted("p/b")], known, lambda key: None, lambda n: f"dup of #{n}"
    )
    assert [(c.action, c.number) for c in changes] == [("reopen", 3), ("close", 7)]
    assert changes[0].fields == {"state": "open", "body": "now"} and changes[0].comment == "again"
    assert changes[1].comment == "dup of #5"


def test_an_issue_whose_task_is_unknown_is_left_alone() -> None:
    known = [Known(1, True, "gone/x", "b"), Known(2, True, "p/done", "b")]
    reasons = {"p/done": Closing("done")}
    changes = reconcile([], known, reasons.get, lambda n: "")
    assert [(c.action, c.number, c.fields["state_reason"]) for c in changes] == [
        ("close", 2, "completed")
    ]


def test_the_json_body_is_utf8_not_ascii_escapes() -> None:
    assert body_bytes({"a": "中"}) == '{"a":"中"}'.encode()
    assert json.loads(body_bytes({"a": "中"})) == {"a": "中"}
