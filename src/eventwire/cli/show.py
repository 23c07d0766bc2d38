"""``eventwire show DOC_ID``: a stored document, its records and their evidence."""

from __future__ import annotations

import json
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from eventwire.cli.common import fail
from eventwire.cli.ingest import DB_HELP
from eventwire.config import Settings
from eventwire.errors import StoreError
from eventwire.store import RECORD_KINDS, DuckDBStore

_META = ("origin", "title", "author", "dateline", "published", "source", "url", "language")
_SPAN_KEYS = {"start", "end"}


class Format(StrEnum):
    text = "text"
    json = "json"


def spans(value: Any, label: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every object with ``start`` and ``end`` inside a record, with where it was found."""
    if isinstance(value, dict):
        if _SPAN_KEYS <= value.keys() and isinstance(value["start"], int):
            yield label or "evidence", value
        for key, v in value.items():
            yield from spans(v, f"{label}.{key}" if label else key)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from spans(v, f"{label}[{i}]")


def _fields(record: dict[str, Any]) -> str:
    """The record's plain values (names, types, codes) as ``key=value``."""
    parts = []
    for key, value in record.items():
        if key in ("id", "text", "start", "end") or value in (None, (), [], False):
            continue
        if isinstance(value, list) and all(isinstance(v, dict) and "name" in v for v in value):
            value = ", ".join(v["name"] for v in value)  # actors: their names say enough
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            value = ",".join(value)  # ids, codes, contexts, aliases
        elif isinstance(value, dict | list):
            continue
        parts.append(f"{key}={value}")
    return " ".join(parts)


def _evidence_line(text: str, label: str, span: dict[str, Any]) -> str:
    start, end = span["start"], span["end"]
    evidence = text[start:end]
    line = f"      {label} [{start}:{end}] {json.dumps(evidence, ensure_ascii=False)}"
    if "text" in span and span["text"] != evidence:
        # The record disagrees with the stored text: show it rather than hide it.
        line += f"  (record says {json.dumps(span['text'], ensure_ascii=False)})"
    return line


def render_text(stored: dict[str, Any]) -> list[str]:
    """A stored document (``Store.get_document``) as lines for a reader."""
    doc = stored["document"]
    text = doc["text"]
    lines = [f"document {doc['id']}"]
    lines += [f"  {key}: {doc[key]}" for key in _META if doc.get(key)]
    meta = stored.get("stored") or {}
    lines.append(f"  stored: run {meta.get('run_id')} at {meta.get('stored_at')}; "
                 f"{len(text)} characters")
    for kind in RECORD_KINDS:
        records = stored.get(kind) or []
        lines.append(f"{kind} ({len(records)})")
        for record in records:
            lines.append(f"  {record['id']}  {_fields(record)}".rstrip())
            lines += [_evidence_line(text, label, span) for label, span in spans(record)]
    return lines


def show(
    doc_id: Annotated[str, typer.Argument(help="A document id (`eventwire query documents`).")],
    db: Annotated[Path | None, typer.Option("--db", help=DB_HELP)] = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="text or json.")] = Format.text,
) -> None:
    """Print a stored document's metadata and each record with its evidence text."""
    path = db or Settings().db_path
    try:
        with DuckDBStore(path, read_only=True) as store:
            stored = store.get_document(doc_id)
    except StoreError as e:
        fail(e)
    if stored is None:
        fail(f"{path}: no document {doc_id!r} in the store "
             "(list them with `eventwire query documents`)")
    if format is Format.json:
        typer.echo(json.dumps(stored, ensure_ascii=False, indent=2))
        return
    for line in render_text(stored):
        typer.echo(line)


def register(app: typer.Typer) -> None:
    app.command("show")(show)
