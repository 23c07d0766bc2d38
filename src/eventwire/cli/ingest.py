"""``eventwire ingest PATH...``: extract articles and keep them in the store, as one run."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

from eventwire.cli.common import fail, notice_gazetteer_build
from eventwire.config import DEFAULT_MAX_CHARS, FieldMap, Settings
from eventwire.errors import EventwireError
from eventwire.ingest import read_inputs
from eventwire.records import Extraction, Failure
from eventwire.run import Pipeline, process_batch
from eventwire.store import RECORD_KINDS, BatchSummary, DuckDBStore, store_results

DB_HELP = ("The store's DuckDB file (default: eventwire.duckdb in $EVENTWIRE_HOME, "
           "else in the XDG data dir; `eventwire info` shows it).")


def failure_line(failure: Failure) -> str:
    where = f"{failure.origin}#{failure.record_id}" if failure.record_id else failure.origin
    return f"eventwire: error: [{failure.code}] {where}: {failure.message}"


def summary_lines(summary: BatchSummary, db_path: Path) -> list[str]:
    """The end-of-run report: where it went, documents, failures, records by kind."""
    if summary.run_id is None:
        return [f"nothing stored: every input failed ({summary.failures} failed); "
                f"{db_path} was left as it was"]
    records = ", ".join(f"{kind} {summary.records[kind]}" for kind in RECORD_KINDS)
    return [
        f"stored in {db_path} (run {summary.run_id})",
        f"documents: {summary.new} new, {summary.already_stored} already stored",
        f"failures: {summary.failures}",
        f"records: {records}",
    ]


def _settings(db: Path | None, field: list[str] | None, max_chars: int) -> Settings:
    try:
        settings = Settings(max_chars=max_chars, fields=FieldMap.parse(field))
    except ValueError as e:
        fail(str(e), 2)
    # Resolved here, not as the option's default, so $EVENTWIRE_HOME is read at run time.
    return Settings(max_chars=settings.max_chars, fields=settings.fields,
                    db_path=db or settings.db_path)


def ingest(
    paths: Annotated[list[str], typer.Argument(
        help="Files, folders, corpora (.jsonl/.csv) or - for stdin.")],
    db: Annotated[Path | None, typer.Option("--db", help=DB_HELP)] = None,
    field: Annotated[list[str] | None, typer.Option(
        "--field", help="Corpus field mapping NAME=COLUMN.")] = None,
    max_chars: Annotated[int, typer.Option(
        help="Largest article accepted, in characters.")] = DEFAULT_MAX_CHARS,
) -> None:
    """Extract records from articles and store them; the same text is stored once.

    Inputs that fail are reported and recorded with the run, and the batch goes
    on; the exit code is 1 if any input failed. If every input failed, the store
    is not touched.
    """
    settings = _settings(db, field, max_chars)
    pipeline = Pipeline()
    started = datetime.now(UTC).replace(tzinfo=None)

    def run_info() -> dict[str, Any]:
        from eventwire.nlp import model_info

        return {"started_at": started, "versions": pipeline.versions(),
                "model": model_info(), "settings": settings.to_dict()}

    console = Console(stderr=True)
    progress = Progress(SpinnerColumn(), TextColumn("ingesting"), BarColumn(),
                        MofNCompleteColumn(), TextColumn("{task.fields[last]}"),
                        console=console, disable=not console.is_terminal, transient=True)

    def on_result(item: Extraction | Failure, new: bool | None) -> None:
        origin = item.origin if isinstance(item, Failure) else item.document.origin
        progress.update(task, advance=1, last=Path(origin).name)
        if isinstance(item, Failure):
            console.print(failure_line(item), markup=False, highlight=False, soft_wrap=True)

    def notice(message: str) -> None:
        console.print(message, markup=False, highlight=False, soft_wrap=True)

    with progress:
        task = progress.add_task("ingest", total=None, last="")
        try:
            summary = store_results(
                process_batch(notice_gazetteer_build(read_inputs(paths, settings),
                                                     echo=notice), pipeline),
                lambda: DuckDBStore(settings.db_path),
                run_info=run_info, on_result=on_result,
            )
        except EventwireError as e:
            fail(e)
    for line in summary_lines(summary, settings.db_path):
        typer.echo(line)
    if summary.failures:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
