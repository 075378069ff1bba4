"""The GitHub REST API, as much of it as the help issues need: list the issues of a label
(every page, by the Link header), create, update, comment, and make sure a label exists.

It follows GitHub's advice for integrations: one request at a time, a pause between writes,
and on a rate limit the wait the server names (Retry-After, else until x-ratelimit-reset when
nothing is left, else a minute). `api_url` is GITHUB_API_URL, so GitHub Enterprise Server works.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

import requests

from .transport import BACKOFF_WAIT, Reply, Transport, TransportError, retry_after

DEFAULT_API_URL = "https://api.github.com"
API_VERSION = "2022-11-28"
WRITE_PAUSE = 1.0  # seconds between two writes (GitHub: "wait at least one second")
SECONDARY_WAIT = 60.0  # a secondary rate limit that names no wait: "wait at least one minute"
PAGE_SIZE = 100


class GitHubError(Exception):
    """GitHub refused or could not be reached; safe to print (never the token). `what`: list,
    label, create, update or comment; `subject`: the label or the issue number."""

    def __init__(self, what: str, subject: str = "", status: int | None = None, detail: str = ""):
        super().__init__(f"{what} {subject}: HTTP {status} {detail}".strip())
        self.what = what
        self.subject = subject
        self.status = status
        self.detail = detail


@dataclass(frozen=True)
class GitHubAccess:
    """GITHUB_TOKEN, GITHUB_REPOSITORY (owner/name) and GITHUB_API_URL, read by the CLI."""

    token: str = field(repr=False)
    repository: str
    api_url: str = DEFAULT_API_URL


class _Bearer(requests.auth.AuthBase):
    """The token as an Authorization header (an explicit auth also keeps ~/.netrc out)."""

    def __init__(self, token: str) -> None:
        self.token = token

    def __call__(self, request):
        request.headers["Authorization"] = f"Bearer {self.token}"
        return request


def rate_limit_wait(reply: Reply, clock: Callable[[], float] = time.time) -> float | None:
    """How long GitHub asks to wait, for a rate-limited reply (403 or 429); None otherwise."""
    if reply.status >= 500:
        return BACKOFF_WAIT
    if reply.status not in (403, 429):
        return None
    wait = retry_after(reply)
    if wait is not None:
        return wait
    if reply.headers.get("x-ratelimit-remaining") == "0":
        reset = reply.headers.get("x-ratelimit-reset", "")
        return max(0.0, float(reset) - clock()) if reset.isdigit() else SECONDARY_WAIT
    message = str(reply.data.get("message", "")) if isinstance(reply.data, dict) else ""
    return SECONDARY_WAIT if "rate limit" in message.lower() else None


class GitHub:
    """The repository's issues. Every method raises GitHubError when GitHub says no."""

    def __init__(self, access: GitHubAccess, transport: Transport, pause: float | None = None):
        self.access = access
        self.transport = transport
        self.pause = WRITE_PAUSE if pause is None else pause
        self._last_write = float("-inf")
        base = access.api_url.rstrip("/") or DEFAULT_API_URL
        self.repo_url = f"{base}/repos/{access.repository}"

    def issues(self, label: str) -> Iterator[dict[str, Any]]:
        """Every issue (open and closed, pull requests left out) with the label."""
        url: str | None = (
            f"{self.repo_url}/issues?state=all&labels={quote(label)}&per_page={PAGE_SIZE}"
        )
        while url:
            reply = self._call("GET", url, what="list")
            for issue in reply.data or []:
                if isinstance(issue, dict) and "pull_request" not in issue:
                    yield issue
            url = reply.next_url

    def ensure_label(self, name: str, color: str, description: str) -> None:
        url = f"{self.repo_url}/labels/{quote(name, safe='')}"
        try:
            self._call("GET", url, what="label", subject=name)
        except GitHubError as error:
            if error.status != 404:
                raise
            body = {"name": name, "color": color, "description": description}
            self._call("POST", f"{self.repo_url}/labels", body, what="label", subject=name)

    def create_issue(self, fields: dict[str, Any]) -> dict[str, Any]:
        return self._call("POST", f"{self.repo_url}/issues", fields, what="create").data

    def update_issue(self, number: int, fields: dict[str, Any]) -> dict[str, Any]:
        url = f"{self.repo_url}/issues/{number}"
        return self._call("PATCH", url, fields, what="update", subject=f"#{number}").data

    def comment(self, number: int, body: str) -> None:
        url = f"{self.repo_url}/issues/{number}/comments"
        self._call("POST", url, {"body": body}, what="comment", subject=f"#{number}")

    def _call(
        self, method: str, url: str, body: dict | None = None, *, what: str, subject: str = ""
    ) -> Reply:
        if method != "GET":  # GitHub's secondary limits: writes one second apart
            self.transport.sleep(max(0.0, self._last_write + self.pause - time.monotonic()))
        headers = {"Accept": "application/vnd.github+json", "X-GitHub-Api-Version": API_VERSION}
        data = None
        if body is not None:
            data = json.dumps(body, ensure_ascii=False).encode("utf-8")
            headers["Content-Type"] = "application/json; charset=utf-8"
        try:
            reply = self.transport.request(
                method,
                url,
                body=data,
                headers=headers,
                auth=_Bearer(self.access.token),
                retry=rate_limit_wait,
            )
        except TransportError as error:
            raise GitHubError(what, subject, error.status, error.reason) from None
        finally:
            if method != "GET":
                self._last_write = time.monotonic()
        if reply.status >= 400:
            said = reply.data.get("message", "") if isinstance(reply.data, dict) else ""
            raise GitHubError(what, subject, reply.status, str(said)[:200])
        return reply
