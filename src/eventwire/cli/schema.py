"""``eventwire schema``: print the JSON Schema of the extraction contract."""

from __future__ import annotations

import json

import typer

from eventwire.schema import load_schema


def schema() -> None:
    """Print the versioned JSON Schema that every extracted document follows."""
    typer.echo(json.dumps(load_schema(), indent=2))


def register(app: typer.Typer) -> None:
    app.command("schema")(schema)
