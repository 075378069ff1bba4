"""Sending a digest to one robot: sign each message, post it, read the platform's answer.

A reply of HTTP 200 is not enough: WeCom and DingTalk answer `{"errcode": 0}` and Feishu
`{"code": 0}` when they accepted the message, and anything else is a failure (a wrong
signature, a missing keyword, a message too long). Rate limits (WeCom 45009, DingTalk 130101,
Feishu 11232 or HTTP 429) are waited out a bounded number of times; each platform's messages
per minute are paced so that a long digest is not refused halfway.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .formats import Payload, body_bytes
from .robots import MASK, Robot, RobotKind, scrub, signed_body, signed_url
from .transport import BACKOFF_WAIT, Reply, RetryRule, Transport, TransportError, server_trouble

# The answer's field holding the platform's result code (0: accepted).
CODE_FIELDS: dict[RobotKind, tuple[str, ...]] = {
    "wecom": ("errcode",),
    "dingtalk": ("errcode",),
    "feishu": ("code", "StatusCode"),
}
MESSAGE_FIELDS = ("errmsg", "msg", "StatusMessage")
RATE_LIMIT_CODES: dict[RobotKind, frozenset[int]] = {
    "wecom": frozenset({45009}),
    "dingtalk": frozenset({130101}),
    "feishu": frozenset({11232, 99991400}),
}
# Messages per window (seconds) that each platform accepts from one robot.
PACE: dict[RobotKind, tuple[tuple[int, float], ...]] = {
    "wecom": ((20, 60.0),),
    "dingtalk": ((20, 60.0),),
    "feishu": ((5, 1.0), (100, 60.0)),
}


@dataclass(frozen=True)
class ChatFailure:
    reason: str  # timeout, connection, status, rate-limited, refused, unexpected
    status: int | None = None
    code: int | str | None = None
    message: str | None = None  # the platform's own words, with any secret masked


@dataclass(frozen=True)
class RobotResult:
    robot: Robot
    messages: int  # the messages the digest took
    sent: int  # how many of them the platform accepted
    failure: ChatFailure | None = None


@dataclass(frozen=True)
class PlannedRequest:
    """A request as --dry-run shows it: masked, never sent."""

    method: str
    address: str
    variable: str
    body: Payload
    signed: bool


def result_code(kind: RobotKind, data: object) -> int | str | None:
    if not isinstance(data, dict):
        return None
    return next((data[name] for name in CODE_FIELDS[kind] if name in data), None)


def chat_retry(kind: RobotKind) -> RetryRule:
    """Retry server errors, HTTP 429 and the platform's rate-limit codes."""

    def rule(reply: Reply) -> float | None:
        reset = reply.headers.get("x-ogw-ratelimit-reset")  # Feishu's wait, in seconds
        if reply.status == 429 and reset and reset.isdigit():
            return float(reset)
        wait = server_trouble(reply)
        if wait is not None:
            return wait
        if result_code(kind, reply.data) in RATE_LIMIT_CODES[kind]:
            return BACKOFF_WAIT
        return None

    return rule


def send(
    robot: Robot,
    payloads: Sequence[Payload],
    transport: Transport,
    clock: Callable[[], float] = time.time,
) -> RobotResult:
    """Post each message in order; the first failure stops this robot (the next messages would
    fail the same way) and is returned, never raised."""
    recent: deque[float] = deque()
    for sent, payload in enumerate(payloads):
        _pace(robot.kind, recent, clock, transport.sleep)
        failure = _post(robot, payload, transport, clock)
        if failure is not None:
            return RobotResult(robot, len(payloads), sent, failure)
        recent.append(clock())
    return RobotResult(robot, len(payloads), len(payloads))


def _post(
    robot: Robot, payload: Payload, transport: Transport, clock: Callable[[], float]
) -> ChatFailure | None:
    now_ms = int(clock() * 1000)
    body = body_bytes(signed_body(robot, payload, now_ms))
    try:
        reply = transport.request(
            "POST",
            signed_url(robot, now_ms),
            body=body,
            headers={"Content-Type": "application/json; charset=utf-8"},
            retry=chat_retry(robot.kind),
        )
    except TransportError as error:
        return ChatFailure(error.reason, status=error.status)
    code = result_code(robot.kind, reply.data)
    if reply.status == 200 and code == 0:
        return None
    data = reply.data if isinstance(reply.data, dict) else {}
    said = next((str(data[k]) for k in MESSAGE_FIELDS if k in data), None)
    said = scrub(said, robot.secrets)[:200] if said else None
    if reply.status != 200:
        return ChatFailure("status", status=reply.status, code=code, message=said)
    return ChatFailure("refused" if code is not None else "unexpected", 200, code, said)


def _pace(
    kind: RobotKind,
    recent: deque[float],
    clock: Callable[[], float],
    sleep: Callable[[float], None],
) -> None:
    """Wait, when needed, so that no window holds more messages than the platform takes."""
    for limit, window in PACE[kind]:
        inside = [at for at in recent if clock() - at < window]
        if len(inside) >= limit:
            sleep(window - (clock() - inside[-limit]))


def planned(robot: Robot, payloads: Sequence[Payload]) -> list[PlannedRequest]:
    """What `send` would post, with the address masked and any signature left out."""
    shown = []
    for payload in payloads:
        body = signed_body(robot, payload, 0)
        if "sign" in body:
            body = {**body, "timestamp": MASK, "sign": MASK}
        signed = bool(robot.secret) and robot.kind in ("dingtalk", "feishu")
        shown.append(PlannedRequest("POST", robot.masked, robot.variable, body, signed))
    return shown
