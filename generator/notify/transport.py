"""HTTP for the robots and GitHub: a timeout on every request, a bounded number of attempts
with a growing wait between them for server errors and rate limits (a server's Retry-After
first), and errors that say what happened without ever naming the address.

A request whose reply did not come in time is not sent again: the server may have acted on it,
and a second message or a second issue is worse than a reported failure.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import requests

ATTEMPTS = 3  # tries per request, the first one included
BACKOFF = 1.0  # seconds before the second try, doubled before each next one
MAX_WAIT = 60.0  # the longest wait before a retry; a server asking for longer is a failure
USER_AGENT = "salesplan-notify"


class TransportError(Exception):
    """A request that failed for good. `reason` is one of: timeout, connection, status,
    rate-limited; the message never holds the address."""

    def __init__(self, reason: str, *, status: int | None = None, wait: float | None = None):
        super().__init__(reason)
        self.reason = reason
        self.status = status
        self.wait = wait  # rate-limited: the seconds the server asked for


@dataclass(frozen=True)
class Reply:
    status: int
    data: Any  # the JSON reply, or None when it was not JSON
    headers: Mapping[str, str]
    next_url: str | None = None  # the Link header's rel="next": the next page


class _NotSent(Exception):
    """The connection failed before the request reached the server."""


# (reply) → seconds to wait before trying again (BACKOFF_WAIT: the transport's own growing
# wait), or None when the reply is final
RetryRule = Callable[[Reply], float | None]
BACKOFF_WAIT = -1.0


def retry_after(reply: Reply) -> float | None:
    """The wait a server asks for in Retry-After (seconds), if it does."""
    value = reply.headers.get("retry-after", "")
    try:
        return max(0.0, float(value))
    except ValueError:
        return None


def server_trouble(reply: Reply) -> float | None:
    """Retry server errors and HTTP 429, after Retry-After when given."""
    if reply.status >= 500 or reply.status == 429:
        wait = retry_after(reply)
        return BACKOFF_WAIT if wait is None else wait
    return None


@dataclass
class Transport:
    """One session for a run; `timeout` in seconds for each request."""

    timeout: float = 10.0
    attempts: int = ATTEMPTS
    backoff: float = BACKOFF
    sleep: Callable[[float], None] = time.sleep
    session: requests.Session = field(default_factory=requests.Session)

    def request(
        self,
        method: str,
        url: str,
        *,
        body: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        auth: requests.auth.AuthBase | None = None,
        retry: RetryRule = server_trouble,
    ) -> Reply:
        """Send, retrying as `retry` says up to `attempts` times; the last reply is returned
        (its status may be an error: the caller judges it). Raises TransportError."""
        sent = {"User-Agent": USER_AGENT, **(headers or {})}
        reply: Reply | None = None
        for attempt in range(1, self.attempts + 1):
            try:
                reply = self._once(method, url, body, sent, auth)
            except _NotSent:  # nothing reached the server: safe to try again
                reply, wait = None, BACKOFF_WAIT
            else:
                wait = retry(reply)
                if wait is None:
                    return reply
                if wait > MAX_WAIT:
                    raise TransportError("rate-limited", status=reply.status, wait=wait)
            if attempt < self.attempts:  # a server's own wait first, else a growing one
                self.sleep(self.backoff * 2 ** (attempt - 1) if wait == BACKOFF_WAIT else wait)
        if reply is None:
            raise TransportError("connection")
        limited = reply.status in (403, 429) or reply.status < 400
        raise TransportError("rate-limited" if limited else "status", status=reply.status)

    def _once(self, method, url, body, headers, auth) -> Reply:
        try:
            response = self.session.request(
                method, url, data=body, headers=headers, auth=auth, timeout=self.timeout
            )
        except requests.ConnectTimeout:
            raise _NotSent from None
        except requests.Timeout:  # sent, and no reply in time: the server may have acted on it
            raise TransportError("timeout") from None
        except requests.ConnectionError:
            raise _NotSent from None
        except requests.RequestException:
            raise TransportError("connection") from None
        try:
            data = response.json()
        except ValueError:
            data = None
        next_link = response.links.get("next", {}).get("url")
        return Reply(response.status_code, data, response.headers, next_link)
