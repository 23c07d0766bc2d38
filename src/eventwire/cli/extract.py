"""``eventwire extract PATH...``: print the extraction of each article as JSON."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer

from eventwire.cli.common import fail, notice_gazetteer_build
from eventwire.config import DEFAULT_MAX_CHARS, FieldMap, Settings
from eventwire.errors import EventwireError
from eventwire.ingest import read_inputs
from eventwire.records import Failure
from eventwire.run import Pipeline, process_batch


class Format(StrEnum):
    json = "json"
    jsonl = "jsonl"


def extract(
    paths: Annotated[list[str], typer.Argument(
        help="Files, folders, corpora (.jsonl/.csv) or - for standard input.")],
    format: Annotated[Format, typer.Option(
        "--format", "-f", help="json (indented) or jsonl (one line per document).")] = Format.json,
    field: Annotated[list[str] | None, typer.Option(
        "--field", help="Corpus field mapping NAME=COLUMN (id, title, text, date, source, url).")
    ] = None,
    max_chars: Annotated[int, typer.Option(
        help="Largest article accepted, in characters.")] = DEFAULT_MAX_CHARS,
) -> None:
    """Extract records from articles and print them, one JSON object per document.

    Exits 1 if any input failed (each failure is named on stderr); the others are still printed.
    """
    try:
        settings = Settings(max_chars=max_chars, fields=FieldMap.parse(field))
    except ValueError as e:
        fail(str(e), 2)
    indent = 2 if format is Format.json else None
    failures = 0
    try:
        inputs = notice_gazetteer_build(read_inputs(paths, settings))
        for item in process_batch(inputs, Pipeline()):
            if isinstance(item, Failure):
                failures += 1
                # A record's message already opens with its place in the file ("line 7: ...").
                typer.echo(f"eventwire: error: [{item.code}] {item.origin}: {item.message}",
                           err=True)
                continue
            typer.echo(json.dumps(item.to_dict(), ensure_ascii=False, indent=indent))
    except EventwireError as e:
        fail(e)
    if failures:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("extract")(extract)
