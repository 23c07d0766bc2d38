"""``eventwire info``: version, where the store is and what it holds, the model, the settings."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from eventwire import __version__
from eventwire.cli.ingest import DB_HELP
from eventwire.config import SETTINGS_HELP, Settings
from eventwire.errors import EventwireError
from eventwire.store import SCHEMA_VERSION, DuckDBStore


class Format(StrEnum):
    text = "text"
    json = "json"


def store_info(path: Path) -> dict[str, Any]:
    """What the store at ``path`` holds; never creates it. Problems go in ``error``."""
    out: dict[str, Any] = {"path": str(path), "exists": path.exists(), "schema_version": None,
                           "counts": None, "last_run": None, "error": None}
    if not out["exists"]:
        return out
    try:
        with DuckDBStore(path, read_only=True) as store:
            out["schema_version"] = store.schema_version()
            out["counts"] = store.stats()
            runs = store.query("runs", limit=1)
    except EventwireError as e:
        out["error"] = str(e)
        return out
    out["last_run"] = runs[0] if runs else None
    return out


def model_info() -> dict[str, Any]:
    from eventwire.nlp import model_info as checked_model_info

    try:
        return dict(checked_model_info())
    except EventwireError as e:
        return {"error": str(e)}


def collect(path: Path) -> dict[str, Any]:
    """Everything ``info`` reports, as one JSON-able dict."""
    settings = Settings(db_path=path).to_dict()
    return {
        "eventwire": __version__,
        "schema_version": SCHEMA_VERSION,
        "store": store_info(path),
        "model": model_info(),
        "settings": {name: {"value": settings[name], "help": SETTINGS_HELP.get(name, "")}
                     for name in settings},
    }


def _run_line(run: dict[str, Any]) -> str:
    summary = run.get("summary") or {}
    line = f"run {run['id']} {run['status']}, started {run['started_at']}"
    if summary:
        line += (f": {summary.get('new', 0)} new, {summary.get('already_stored', 0)} already "
                 f"stored, {summary.get('failures', 0)} failed")
    return line


def _store_lines(store: dict[str, Any]) -> list[str]:
    state = "yes" if store["exists"] else "no (not created yet; `eventwire ingest` creates it)"
    lines = [f"store: {store['path']}", f"  exists: {state}"]
    if store["error"]:
        return [*lines, f"  error: {store['error']}"]
    if store["exists"]:
        counts = ", ".join(f"{k} {v}" for k, v in (store["counts"] or {}).items())
        last = _run_line(store["last_run"]) if store["last_run"] else "none"
        lines += [f"  schema version: {store['schema_version']}", f"  rows: {counts}",
                  f"  last run: {last}"]
    return lines


def render_text(info: dict[str, Any]) -> list[str]:
    """The report of ``collect`` as lines for a reader."""
    lines = [f"eventwire {info['eventwire']} (store schema {info['schema_version']})"]
    lines += _store_lines(info["store"])
    model = info["model"]
    if "error" in model:
        lines.append(f"model: error: {model['error']}")
    else:
        lines.append(f"model: {model['package']} {model['version']} ({model['name']}), "
                     f"digest {model['digest']}")
    lines.append("settings:")
    for name, item in info["settings"].items():
        value = item["value"]
        if isinstance(value, dict):
            value = ", ".join(f"{k}={v}" for k, v in value.items())
        lines += [f"  {name} = {value}", f"      {item['help']}"]
    return lines


def info(
    db: Annotated[Path | None, typer.Option("--db", help=DB_HELP)] = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="text or json.")] = Format.text,
) -> None:
    """Print the version, the store (path, schema, rows, last run), the model and the settings.

    Exits with 1 if the store or the model cannot be used; a store not created yet is fine.
    """
    report = collect(db or Settings().db_path)
    if format is Format.json:
        typer.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        for line in render_text(report):
            typer.echo(line)
    if report["store"]["error"] or "error" in report["model"]:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("info")(info)
