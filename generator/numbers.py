"""How a number reads in a message or on a page: at most two decimals, no trailing zeros."""

from __future__ import annotations


def number(value: float) -> str:
    """120, 1,250, 2.5, 0.33: at most two decimals, no trailing zeros, never -0."""
    if value == int(value):
        return f"{int(value):,}"
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def signed(value: float) -> str:
    """+5, −2.5, 0: a change, with its sign."""
    text = number(value)
    return text if text.startswith("-") or text == "0" else f"+{text}"
