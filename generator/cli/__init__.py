"""The `salesplan` command: parses options, calls one function of `commands`, prints what it
returns and chooses the exit code. The only stage that prints or exits.

- `app`: the group, the shared options and error handling;
- `checking`, `site_commands`, `authoring`, `notify`: the commands, one module per kind.
"""

from __future__ import annotations

import sys

import click

from . import authoring, checking, notify, site_commands  # noqa: F401  (they register commands)
from .app import app

__all__ = ["app", "main"]


def main() -> None:
    """Entry point: no traceback ever reaches a user."""
    try:
        app(standalone_mode=True)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # a bug: say so in one line, not a traceback
        click.echo(
            f"Error: an unexpected problem stopped salesplan ({type(exc).__name__}: {exc}). "
            "Please report it with the command you ran.",
            err=True,
        )
        sys.exit(3)
