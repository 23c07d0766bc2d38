"""``eventwire query KIND``: stored records, documents, failures or runs; table, JSON or CSV."""

from __future__ import annotations

import csv
import io
import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from eventwire.cli.common import fail
from eventwire.cli.ingest import DB_HELP
from eventwire.config import Settings
from eventwire.errors import StoreError
from eventwire.store import KINDS, DuckDBStore

Kind = StrEnum("Kind", {k: k for k in KINDS})  # type: ignore[misc]


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def as_json(rows: list[dict[str, Any]]) -> str:
    """Records as the contract has them (with their doc_id); other rows as they are."""
    out = [{"doc_id": r["doc_id"], **r["data"]} if "data" in r else r for r in rows]
    return json.dumps(out, ensure_ascii=False, indent=2)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def _columns(rows: list[dict[str, Any]]) -> list[str]:
    # The full record (`data`) is for JSON; tables and CSV show the flat columns.
    return [c for c in rows[0] if c != "data"] if rows else []


def as_csv(rows: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    columns = _columns(rows)
    writer.writerow(columns)
    writer.writerows([_cell(row[c]) for c in columns] for row in rows)
    return buf.getvalue()


def as_table(rows: list[dict[str, Any]], kind: str) -> Table:
    """A rich table of the columns that hold something in at least one row."""
    # A terminal is narrow: columns empty in every row only take room.
    columns = [c for c in _columns(rows) if any(row[c] not in (None, "") for row in rows)]
    table = Table(title=f"{kind} ({len(rows)})", title_justify="left")
    for column in columns:
        table.add_column(column, no_wrap=column in ("id", "doc_id"))
    for row in rows:
        table.add_row(*(_cell(row[c]) for c in columns))
    return table


def print_table(table: Table) -> None:
    console = Console()
    if not console.is_terminal:
        # Piped or redirected: no screen to fit, so print every value whole.
        wide = console.options.update_width(100_000)
        console.width = max(console.width, console.measure(table, options=wide).maximum)
    console.print(table)


def query(
    kind: Annotated[Kind, typer.Argument(help="What to list.")],  # type: ignore[valid-type]
    doc: Annotated[str | None, typer.Option("--doc", help="Only this document's.")] = None,
    name: Annotated[str | None, typer.Option(
        "--name", help="Name contains this (any case): people, orgs, places, agreements; "
        "event actors; quote speakers; count objects; document titles; failure origins.")] = None,
    type: Annotated[str | None, typer.Option(
        "--type", "--kind", help="Exactly this type: person role, organization kind, place "
        "feature code, agreement kind, PLOVER type, quote/count kind, document source, "
        "failure code, run status.")] = None,
    cameo: Annotated[str | None, typer.Option(
        "--cameo", help="CAMEO code starts with this (events; quotes' statement codes): "
        "'19' is every fight, '016' a denial.")] = None,
    run: Annotated[int | None, typer.Option("--run", help="Only from this run.")] = None,
    limit: Annotated[int | None, typer.Option("--limit", min=0, help="At most N rows.")] = None,
    format: Annotated[Format, typer.Option("--format", "-f")] = Format.table,
    db: Annotated[Path | None, typer.Option("--db", help=DB_HELP)] = None,
) -> None:
    """List stored records of one kind, filtered, as a table, JSON or CSV."""
    path = db or Settings().db_path
    try:
        with DuckDBStore(path, read_only=True) as store:
            rows = store.query(str(kind.value), doc=doc, name=name, type=type, run=run,
                               limit=limit, cameo=cameo)
    except StoreError as e:
        fail(e)
    except ValueError as e:
        fail(str(e), 2)
    if format is Format.json:
        typer.echo(as_json(rows))
    elif format is Format.csv:
        typer.echo(as_csv(rows), nl=False)
    elif rows:
        print_table(as_table(rows, str(kind.value)))
    else:
        typer.echo(f"no {kind.value} found", err=True)


def register(app: typer.Typer) -> None:
    app.command("query")(query)
