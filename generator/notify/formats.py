"""Each chat platform's message format and size limit, and the cutting of a long digest into
as many messages as it takes: a message is never truncated, nothing is left out.

- WeCom (企业微信) custom robot: `{"msgtype": "markdown", "markdown": {"content": …}}`; the content
  is at most 4,096 bytes of UTF-8 (errcode 40058 beyond it).
- DingTalk (钉钉) custom robot: `{"msgtype": "markdown", "markdown": {"title": …, "text": …}}`;
  the title is what the notification shows. DingTalk publishes no size for it: the text is held
  to the same 4,096 bytes, which also reads whole on a phone.
- Feishu (飞书) custom robot: an interactive card `{"msg_type": "interactive", "card": …}` with a
  header and a `markdown` element; the whole request body is at most 20 KB (20,000 bytes here).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .digest import Digest
from .robots import RobotKind

Payload = dict
# The longest part mark a title may get, reserved while cutting: "(12/12)".
_PART_ROOM = " (99/99)"
# A signed Feishu body carries these two fields too; their room is reserved.
_FEISHU_SIGNATURE = {"timestamp": "1700000000", "sign": "x" * 44}


def body_bytes(payload: Payload) -> bytes:
    """The JSON body as sent: UTF-8, no ASCII escapes (a Chinese character is 3 bytes, not 6)."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


@dataclass(frozen=True)
class Format:
    kind: RobotKind
    limit: int  # bytes
    build: Callable[[str, Sequence[str], int], Payload]  # (title, lines, alerts) → payload
    measure: Callable[[Payload], int]  # the bytes the limit applies to

    def fits(self, title: str, lines: Sequence[str]) -> bool:
        return self.measure(self.build(title + _PART_ROOM, lines, 1)) <= self.limit


def _wecom(title: str, lines: Sequence[str], alerts: int) -> Payload:
    return {"msgtype": "markdown", "markdown": {"content": "\n".join([f"### {title}", *lines])}}


def _dingtalk(title: str, lines: Sequence[str], alerts: int) -> Payload:
    # DingTalk joins single line breaks: a blank line between lines keeps them apart.
    text = "\n\n".join([f"### {title}", *lines])
    return {"msgtype": "markdown", "markdown": {"title": title, "text": text}}


def _feishu(title: str, lines: Sequence[str], alerts: int) -> Payload:
    card = {
        "config": {"wide_screen_mode": True},
        "header": {
            "title": {"tag": "plain_text", "content": title},
            "template": "red" if alerts else "green",
        },
        "elements": [{"tag": "markdown", "content": "\n".join(lines)}],
    }
    return {"msg_type": "interactive", "card": card}


FORMATS: dict[RobotKind, Format] = {
    "wecom": Format("wecom", 4096, _wecom, lambda p: len(p["markdown"]["content"].encode("utf-8"))),
    "dingtalk": Format(
        "dingtalk", 4096, _dingtalk, lambda p: len(p["markdown"]["text"].encode("utf-8"))
    ),
    "feishu": Format(
        "feishu", 20_000, _feishu, lambda p: len(body_bytes({**_FEISHU_SIGNATURE, **p}))
    ),
}


def messages(digest: Digest, kind: RobotKind) -> list[Payload]:
    """The digest in the platform's format, cut into messages that each fit its limit; with
    more than one, each title says which part it is: `(1/3)`."""
    form = FORMATS[kind]
    parts = pack(digest.blocks, lambda lines: form.fits(digest.title, lines))
    if len(parts) == 1:
        return [form.build(digest.title, parts[0], digest.alerts)]
    return [
        form.build(f"{digest.title} ({n}/{len(parts)})", lines, digest.alerts)
        for n, lines in enumerate(parts, start=1)
    ]


def pack(blocks: Sequence[Sequence[str]], fits: Callable[[Sequence[str]], bool]) -> list[list[str]]:
    """Lines into as few messages as fit, in order. A block stays in one message when it can; a
    block too big for any message is split between lines, and a line too big for any message
    between characters. Every character arrives."""
    parts: list[list[str]] = [[]]
    for block in blocks:
        if fits([*parts[-1], *block]):
            parts[-1].extend(block)
            continue
        if parts[-1] and fits(block):
            parts.append(list(block))
            continue
        for line in block:
            for piece in _pieces(line, fits):
                if not fits([*parts[-1], piece]):
                    parts.append([])
                parts[-1].append(piece)
    return [part for part in parts if part] or [[]]


def _pieces(line: str, fits: Callable[[Sequence[str]], bool]) -> list[str]:
    """A line, or when it alone does not fit, the longest runs of it that do."""
    pieces: list[str] = []
    rest = line
    while rest and not fits([rest]):
        low, high = 1, len(rest)  # the longest prefix that fits: binary search
        while low < high:
            middle = (low + high + 1) // 2
            if fits([rest[:middle]]):
                low = middle
            else:
                high = middle - 1
        pieces.append(rest[:low])
        rest = rest[low:]
    if rest:
        pieces.append(rest)
    return pieces
