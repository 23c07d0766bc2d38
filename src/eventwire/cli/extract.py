"""``eventwire extract PATH...``: print the extraction of each article as JSON."""

from __future__ import annotations

import json
from enum import Enum

import typer

from eventwire.cli.common import fail
from eventwire.config import DEFAULT_MAX_CHARS, FieldMap, Settings
from eventwire.errors import EventwireError
from eventwire.ingest import read_inputs
from eventwire.records import Failure
from eventwire.run import Pipeline, process_batch


class Format(str, Enum):
    json = "json"
    jsonl = "jsonl"


def extract(
    paths: list[str] = typer.Argument(..., help="Files, folders, corpora (.jsonl/.csv) or - for stdin."),
    format: Format = typer.Option(Format.json, "--format", "-f", help="json (indented) or jsonl."),
    field: list[str] = typer.Option(None, "--field", help="Corpus field mapping NAME=COLUMN."),
    max_chars: int = typer.Option(DEFAULT_MAX_CHARS, help="Largest article accepted, in characters."),
) -> None:
    """Extract records from articles and print them, one JSON object per document."""
    try:
        settings = Settings(max_chars=max_chars, fields=FieldMap.parse(field))
    except ValueError as e:
        fail(str(e), 2)
    pipeline = Pipeline()
    failures = 0
    total = 0
    try:
        for item in process_batch(read_inputs(paths, settings), pipeline):
            total += 1
            if isinstance(item, Failure):
                failures += 1
                # A record's message already opens with its place in the file ("line 7: ...").
                typer.echo(f"eventwire: error: [{item.code}] {item.origin}: {item.message}",
                           err=True)
                continue
            indent = 2 if format is Format.json else None
            typer.echo(json.dumps(item.to_dict(), ensure_ascii=False, indent=indent))
    except EventwireError as e:
        fail(e)
    if failures:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("extract")(extract)
