"""Stand-ins on 127.0.0.1 for the three chat robots and GitHub's REST API, for the notify tests.

Each robot checks what its platform checks: DingTalk's signature in the query string and
Feishu's in the body, computed the documented way, answering with the platform's own error
codes when one is wrong. The GitHub stand-in keeps issues in memory, pages its listings two at
a time (so the client must follow the Link header) and demands the token.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

DINGTALK_SECRET = "SECdingtalk-test-secret"
FEISHU_SECRET = "feishu-test-secret"
TOKEN = "ghs_test_token_123456"
PAGE = 2  # issues per page: small, so that listing takes several pages


@dataclass
class Received:
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: Any
    signed_ok: bool | None = None  # None: the platform does not sign


@dataclass
class Robots:
    """The three robots on one server: /wecom/<key>, /dingtalk?access_token=…, /feishu/<token>."""

    port: int = 0
    received: list[Received] = field(default_factory=list)
    # per kind: "ok", "refuse" (HTTP 200 with an error code), "slow", "error-once", "down"
    mode: dict[str, str] = field(default_factory=dict)
    slow_seconds: float = 2.0

    def url(self, kind: str) -> str:
        paths = {
            "wecom": "/wecom/send?key=wecom-key-abcdef",
            "dingtalk": "/dingtalk/robot/send?access_token=dingtalk-token-abcdef",
            "feishu": "/feishu/open-apis/bot/v2/hook/feishu-hook-abcdef",
        }
        return f"http://127.0.0.1:{self.port}{paths[kind]}"

    def of(self, kind: str) -> list[Received]:
        return [r for r in self.received if r.path.startswith(f"/{kind}/")]


def dingtalk_expected(timestamp: str) -> str:
    """DingTalk's documented signature: Base64(HMAC-SHA256(key=secret, "timestamp\\nsecret"))."""
    digest = hmac.new(
        DINGTALK_SECRET.encode(), f"{timestamp}\n{DINGTALK_SECRET}".encode(), hashlib.sha256
    ).digest()
    return base64.b64encode(digest).decode()


def feishu_expected(timestamp: str) -> str:
    """Feishu's documented signature: Base64(HMAC-SHA256(key="timestamp\\nsecret", b""))."""
    key = f"{timestamp}\n{FEISHU_SECRET}".encode()
    return base64.b64encode(hmac.new(key, b"", hashlib.sha256).digest()).decode()


class _RobotHandler(BaseHTTPRequestHandler):
    robots: Robots

    def log_message(self, *args) -> None:  # quiet
        pass

    def do_POST(self) -> None:
        parts = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length)
        try:
            body = json.loads(raw.decode("utf-8"))
        except ValueError:
            body = None
        kind = parts.path.split("/")[1]
        query = parse_qs(parts.query)
        received = Received(parts.path, query, dict(self.headers), body)
        mode = self.robots.mode.get(kind, "ok")
        first = not self.robots.of(kind)
        self.robots.received.append(received)
        if mode == "slow":
            time.sleep(self.robots.slow_seconds)
        if mode == "error-once" and first:
            return self._answer(500, {"errcode": -1, "errmsg": "busy"}, {"Retry-After": "0"})
        if kind == "wecom":
            ok = isinstance(body, dict) and body.get("msgtype") == "markdown"
            code = 0 if ok and mode != "refuse" else 93000
            return self._answer(200, {"errcode": code, "errmsg": "ok" if code == 0 else "invalid"})
        if kind == "dingtalk":
            timestamp, sign = query.get("timestamp", [""])[0], query.get("sign", [""])[0]
            received.signed_ok = bool(timestamp) and sign == dingtalk_expected(timestamp)
            recent = timestamp.isdigit() and abs(int(timestamp) / 1000 - time.time()) < 3600
            code = 0 if received.signed_ok and recent else 310000  # "sign not match"
            if mode == "refuse":
                code = 300001
            return self._answer(200, {"errcode": code, "errmsg": "ok" if code == 0 else "no"})
        timestamp = str(body.get("timestamp", "")) if isinstance(body, dict) else ""
        sign = body.get("sign", "") if isinstance(body, dict) else ""
        received.signed_ok = bool(timestamp) and sign == feishu_expected(timestamp)
        recent = timestamp.isdigit() and abs(int(timestamp) - time.time()) < 3600
        code = 0 if received.signed_ok and recent else 19021  # "sign match fail"
        if mode == "refuse":
            code = 9499
        self._answer(200, {"code": code, "msg": "success" if code == 0 else "fail", "data": {}})

    def _answer(self, status: int, data: Any, headers: dict[str, str] | None = None) -> None:
        raw = json.dumps(data).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(raw)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(raw)


@dataclass
class GitHubStandIn:
    """Issues of one repository, served under /api/v3 as GitHub Enterprise Server does."""

    port: int = 0
    repository: str = "acme/plans"
    issues: dict[int, dict[str, Any]] = field(default_factory=dict)
    comments: dict[int, list[str]] = field(default_factory=dict)
    labels: dict[str, dict[str, Any]] = field(default_factory=dict)
    requests: list[tuple[str, str]] = field(default_factory=list)
    collaborators: set[str] = field(default_factory=lambda: {"li-na", "wang-lei"})
    rate_limit_once: bool = False  # answer the first write with a secondary rate limit

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v3"

    def writes(self) -> list[tuple[str, str]]:
        return [(m, p) for m, p in self.requests if m != "GET"]

    def open_issues(self) -> list[dict[str, Any]]:
        return [i for i in self.issues.values() if i["state"] == "open"]

    def add(self, **fields: Any) -> dict[str, Any]:
        number = len(self.issues) + 1
        labels = [{"name": name} for name in fields.pop("labels", [])]
        issue = {"number": number, "state": "open", "labels": labels, "assignees": [], **fields}
        self.issues[number] = issue
        return issue


class _GitHubHandler(BaseHTTPRequestHandler):
    github: GitHubStandIn

    def log_message(self, *args) -> None:
        pass

    def _route(self, method: str) -> None:
        gh = self.github
        parts = urlsplit(self.path)
        gh.requests.append((method, parts.path))
        if self.headers.get("Authorization") != f"Bearer {TOKEN}":
            return self._answer(401, {"message": "Bad credentials"})
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length) or b"null")
        if method != "GET" and gh.rate_limit_once:
            gh.rate_limit_once = False
            message = "You have exceeded a secondary rate limit."
            return self._answer(403, {"message": message}, {"Retry-After": "0"})
        base = f"/api/v3/repos/{gh.repository}"
        path = parts.path.removeprefix(base)
        if not parts.path.startswith(base):
            return self._answer(404, {"message": "Not Found"})
        if method == "GET" and path == "/issues":
            return self._list(parse_qs(parts.query))
        if path.startswith("/labels"):
            return self._labels(method, path, body)
        found = re.fullmatch(r"/issues(?:/(\d+))?(/comments)?", path)
        if not found:
            return self._answer(404, {"message": "Not Found"})
        number = int(found[1]) if found[1] else None
        if number is None and method == "POST":
            return self._create(body)
        if number not in gh.issues:
            return self._answer(404, {"message": "Not Found"})
        if found[2] and method == "POST":
            gh.comments.setdefault(number, []).append(body["body"])
            return self._answer(201, {"id": len(gh.comments[number]), "body": body["body"]})
        if method == "PATCH":
            gh.issues[number].update(body)
            return self._answer(200, gh.issues[number])
        return self._answer(405, {"message": "Method not allowed"})

    def _list(self, query: dict[str, list[str]]) -> None:
        gh = self.github
        label = query.get("labels", [""])[0]
        state = query.get("state", ["open"])[0]
        chosen = [
            i
            for _, i in sorted(gh.issues.items(), reverse=True)  # newest first, as GitHub does
            if any(lab["name"] == label for lab in i["labels"])
            and (state == "all" or i["state"] == state)
        ]
        page = int(query.get("page", ["1"])[0])
        shown = chosen[(page - 1) * PAGE : page * PAGE]
        headers = {}
        if page * PAGE < len(chosen):
            url = f"{gh.api_url}/repos/{gh.repository}/issues?state={state}&labels={label}"
            headers["Link"] = f'<{url}&page={page + 1}>; rel="next"'
        self._answer(200, shown, headers)

    def _labels(self, method: str, path: str, body: Any) -> None:
        gh = self.github
        if method == "GET":
            name = unquote(path.removeprefix("/labels/"))
            if name in gh.labels:
                return self._answer(200, gh.labels[name])
            return self._answer(404, {"message": "Not Found"})
        gh.labels[body["name"]] = body
        return self._answer(201, body)

    def _create(self, body: dict[str, Any]) -> None:
        gh = self.github
        unknown = set(body.get("assignees", [])) - gh.collaborators
        if unknown:
            error = {"resource": "Issue", "field": "assignees", "code": "invalid"}
            return self._answer(422, {"message": "Validation Failed", "errors": [error]})
        issue = gh.add(**body)
        issue["assignees"] = [{"login": login} for login in body.get("assignees", [])]
        self._answer(201, issue)

    def do_GET(self) -> None:
        self._route("GET")

    def do_POST(self) -> None:
        self._route("POST")

    def do_PATCH(self) -> None:
        self._route("PATCH")

    def _answer(self, status: int, data: Any, headers: dict[str, str] | None = None) -> None:
        raw = json.dumps(data, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(raw)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(raw)


@contextmanager
def serve(handler: type[BaseHTTPRequestHandler]) -> Iterator[int]:
    """A threaded HTTP server on 127.0.0.1 for the duration; yields its port."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def robots() -> Iterator[Robots]:
    state = Robots()
    handler = type("RobotHandler", (_RobotHandler,), {"robots": state})
    with serve(handler) as port:
        state.port = port
        yield state


@contextmanager
def github() -> Iterator[GitHubStandIn]:
    state = GitHubStandIn()
    handler = type("GitHubHandler", (_GitHubHandler,), {"github": state})
    with serve(handler) as port:
        state.port = port
        yield state
