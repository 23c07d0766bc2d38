"""What the commands share: printing errors the same way, common options."""

from __future__ import annotations

import sys
from typing import NoReturn

import typer

from eventwire.errors import EventwireError


def fail(error: EventwireError | str, code: int = 1) -> NoReturn:
    """Print ``error`` to stderr and leave with a non-zero exit."""
    typer.echo(f"eventwire: error: {error}", err=True)
    raise typer.Exit(code)


def stdout_is_tty() -> bool:
    return sys.stdout.isatty()
