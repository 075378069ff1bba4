"""What a plain (unquoted) YAML value means.

PyYAML reads YAML 1.1, whose numbers surprise: `2:00` is 120 (base 60, so `team: 10:30` is 630),
`1_20` and `0x78` are 120, `017` is 15, and `1.5e6` stays text. A plan reads numbers as YAML 1.2
and JSON do: plain decimals and scientific notation are numbers; the YAML 1.1 forms are refused
with the number they would have been, so the author writes that number or quotes the text.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

INT_TAG = "tag:yaml.org,2002:int"
FLOAT_TAG = "tag:yaml.org,2002:float"
STR_TAG = "tag:yaml.org,2002:str"

# YAML 1.2's core schema (and JSON): a decimal, with or without a fraction and an exponent.
_DECIMAL = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_LEADING_ZERO = re.compile(r"[-+]?0[0-9]+")
# Beyond this a number is far outside any plan's range; converting it exactly would cost time
# (a million digits) for nothing: it stands in at this size, and the message quotes the text.
_HUGE = 1e300


@dataclass(frozen=True)
class Refused:
    """A plain value written in a form YAML 1.1 reads as a surprising number."""

    key: str  # the message in the words catalogue
    values: dict[str, object] = field(default_factory=dict)


def refused_number(text: str, tag: str) -> Refused | None:
    """Why the plain value `text` (resolved by YAML 1.1 to `tag`) is refused, or None."""
    bare = text.lstrip("+-")
    if tag in (INT_TAG, FLOAT_TAG) and bare[:1].isdigit():
        why = (
            "yaml-number-base60"
            if ":" in bare
            else "yaml-number-grouped"
            if "_" in bare
            else "yaml-number-hex"
            if bare[:2].lower() in ("0x", "0b")
            else None
        )
        if why:
            return Refused(
                "yaml-number", {"text": text, "value": _yaml11_value(text, tag), "why": why}
            )
    if _LEADING_ZERO.fullmatch(text):  # 017 is octal 15 in YAML 1.1, 08 is text
        return Refused("yaml-number-zero", {"text": text, "plain": int(text)})
    return None


def decimal_number(text: str) -> tuple[int | float, bool] | None:
    """The number a plain decimal `text` means, as YAML 1.2 and JSON read it, or None.

    Returns (value, exact): not exact when the value stands in for one too large or too close
    to 0 for a float (the schema refuses both; the message quotes the text as written).
    """
    if not _DECIMAL.fullmatch(text):
        return None
    integral = not any(c in text for c in ".eE")
    if integral and len(text) <= 300:
        return int(text), True
    try:
        exact = Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern admits only decimals
        return None
    if exact.adjusted() > 300:
        return math.copysign(_HUGE, exact), False
    value = float(exact)
    if value == 0 and exact != 0:  # below the smallest float: keep it nonzero for the schema
        return math.copysign(5e-324, exact), False
    return value, True


def _yaml11_value(text: str, tag: str) -> str:
    """What YAML 1.1 makes of a refused form, e.g. `2:00` → "120"."""
    sign = -1 if text.startswith("-") else 1
    bare = text.lstrip("+-").replace("_", "")
    try:
        if ":" in bare:
            total = 0.0 if tag == FLOAT_TAG else 0
            for part in bare.split(":"):
                total = total * 60 + (float(part) if tag == FLOAT_TAG else int(part))
            return _shown(sign * total)
        if bare[:2].lower() in ("0x", "0b"):
            return _shown(sign * int(bare, 16 if bare[1] in "xX" else 2))
        return _shown(sign * (float(bare) if tag == FLOAT_TAG else int(bare)))
    except ValueError:
        return bare


def _shown(value: float) -> str:
    return str(int(value)) if float(value).is_integer() and abs(value) < 1e15 else str(value)
