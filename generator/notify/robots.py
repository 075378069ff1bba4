"""The group-chat robots: which exist (from environment variables the command line read), whom
each speaks to, how its address is masked in every output, and how a request is signed.

A webhook address is a password (whoever has it can post to the group): it is held only in a
`Robot`, sent only to its own host, and shown only masked (`https://oapi.dingtalk.com/***`).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

RobotKind = Literal["wecom", "dingtalk", "feishu"]
ROBOT_KINDS: tuple[RobotKind, ...] = ("wecom", "dingtalk", "feishu")
# The variables that enable a robot for the whole organisation (SPEC §6, issue #14).
DEFAULT_VARIABLES: dict[RobotKind, tuple[str, str | None]] = {
    "wecom": ("SALESPLAN_WECOM_WEBHOOK", None),  # WeCom robots are not signed
    "dingtalk": ("SALESPLAN_DINGTALK_WEBHOOK", "SALESPLAN_DINGTALK_SECRET"),
    "feishu": ("SALESPLAN_FEISHU_WEBHOOK", "SALESPLAN_FEISHU_SECRET"),
}
MASK = "***"


@dataclass(frozen=True)
class Scope:
    """Whose plans a robot hears about: everyone, one region or one team."""

    kind: Literal["all", "region", "team"] = "all"
    name: str = ""

    def covers(self, region: str | None, team: str) -> bool:
        if self.kind == "region":
            return region == self.name
        if self.kind == "team":
            return team == self.name
        return True


EVERYONE = Scope()


@dataclass(frozen=True)
class Route:
    """A route of mkdocs.yml: a region or a team, and the variables naming its robots."""

    scope: Scope
    variables: Mapping[RobotKind, tuple[str, str | None]]


@dataclass(frozen=True)
class Robot:
    kind: RobotKind
    variable: str  # the environment variable that held the address: how outputs name it
    webhook: str = field(repr=False)  # never printed: see `masked`
    secret: str | None = field(default=None, repr=False)
    scope: Scope = Scope()

    @property
    def masked(self) -> str:
        return mask(self.webhook)

    @property
    def secrets(self) -> tuple[str, ...]:
        """Texts that must never reach an output: the address, its query and path, the secret."""
        parts = urlsplit(self.webhook)
        found = [self.webhook, parts.query, parts.path.rsplit("/", 1)[-1], self.secret or ""]
        found += [value for _, value in parse_qsl(parts.query)]
        return tuple(text for text in found if len(text) >= 6)


@dataclass(frozen=True)
class RobotProblem:
    """A robot that cannot be used, named by its variable (never by its value)."""

    variable: str
    problem: Literal["not-an-address", "secret-without-webhook", "not-set"]
    scope: Scope = Scope()


def mask(url: str) -> str:
    """`https://oapi.dingtalk.com/***`: the host only; the path and query carry the token."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}/{MASK}"


def scrub(text: str, secrets: Sequence[str]) -> str:
    """A text from a server with any secret it may echo replaced by ***."""
    for secret in sorted(secrets, key=len, reverse=True):
        if secret:
            text = text.replace(secret, MASK)
    return text


def robots(
    routes: Sequence[Route], values: Mapping[str, str]
) -> tuple[list[Robot], list[RobotProblem]]:
    """The robots enabled by the variables that are set: the organisation's (the default
    variables), then each route's. A route whose variable is not set is a problem to report,
    the default variables simply stay off."""
    found: list[Robot] = []
    problems: list[RobotProblem] = []
    everyone = Route(Scope(), DEFAULT_VARIABLES)
    for route in (everyone, *routes):
        for kind, (variable, secret_variable) in route.variables.items():
            webhook = (values.get(variable) or "").strip()
            secret = (values.get(secret_variable) or "").strip() if secret_variable else ""
            if not webhook:
                if secret:
                    problems.append(RobotProblem(secret_variable, "secret-without-webhook"))
                elif route is not everyone:
                    problems.append(RobotProblem(variable, "not-set", route.scope))
                continue
            if urlsplit(webhook).scheme not in ("http", "https") or not urlsplit(webhook).netloc:
                problems.append(RobotProblem(variable, "not-an-address", route.scope))
                continue
            found.append(Robot(kind, variable, webhook, secret or None, route.scope))
    return found, problems


def variables(routes: Sequence[Route]) -> list[str]:
    """Every environment variable a robot may be read from, for the command line to read."""
    names: list[str] = []
    for route in (Route(Scope(), DEFAULT_VARIABLES), *routes):
        for variable, secret_variable in route.variables.values():
            names += [variable] + ([secret_variable] if secret_variable else [])
    return list(dict.fromkeys(names))


# --- signatures ------------------------------------------------------------------------------


def dingtalk_sign(secret: str, timestamp_ms: int) -> str:
    """DingTalk's signature: HMAC-SHA256 keyed with the secret over "timestamp\\nsecret",
    Base64 (the caller URL-encodes it as the `sign` query parameter)."""
    message = f"{timestamp_ms}\n{secret}".encode()
    digest = hmac.new(secret.encode(), message, hashlib.sha256).digest()
    return base64.b64encode(digest).decode("ascii")


def feishu_sign(secret: str, timestamp_s: int) -> str:
    """Feishu's signature: HMAC-SHA256 keyed with "timestamp\\nsecret" over an empty message,
    Base64 (sent as `sign` in the JSON body, beside `timestamp`)."""
    key = f"{timestamp_s}\n{secret}".encode()
    return base64.b64encode(hmac.new(key, b"", hashlib.sha256).digest()).decode("ascii")


def signed_url(robot: Robot, timestamp_ms: int) -> str:
    """The address to post to: DingTalk's with `timestamp` and `sign` added when it has a
    secret, every other robot's as it is."""
    if robot.kind != "dingtalk" or not robot.secret:
        return robot.webhook
    parts = urlsplit(robot.webhook)
    sign = dingtalk_sign(robot.secret, timestamp_ms)
    query = urlencode({"timestamp": timestamp_ms, "sign": sign})
    joined = f"{parts.query}&{query}" if parts.query else query
    return urlunsplit(parts._replace(query=joined))


def signed_body(robot: Robot, payload: dict, timestamp_ms: int) -> dict:
    """The JSON body to post: Feishu's with `timestamp` (seconds) and `sign` first when it has a
    secret, every other robot's as it is."""
    if robot.kind != "feishu" or not robot.secret:
        return payload
    seconds = timestamp_ms // 1000
    return {"timestamp": str(seconds), "sign": feishu_sign(robot.secret, seconds), **payload}
