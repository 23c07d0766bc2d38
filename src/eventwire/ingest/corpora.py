"""Corpora: JSON lines and CSV/TSV files, streamed one record at a time.

A corpus may be gigabytes, so nothing here holds more than one record (and
never one line longer than an article can be). Field names come from
``Settings.fields``. Each record becomes a Document whose origin is
``PATH#ID`` (ID from the id field, else ``line N``/``row N``/``item N``), or a
Failure carrying that id; a bad record never stops the rest.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import logging
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime
from typing import IO, Any

from eventwire.config import Settings
from eventwire.errors import (
    DecodeError,
    EmptyInput,
    EventwireError,
    MalformedRecord,
    MissingField,
    TooLarge,
)
from eventwire.ingest.document import make_document
from eventwire.records import Document, Failure

log = logging.getLogger(__name__)

Item = Document | Failure
BYTES_PER_CHAR = 4  # the most bytes one character takes in UTF-8
SKIP_CHUNK = 8192


def read_records(
    records: Iterable[tuple[str, object]], origin: str, settings: Settings
) -> Iterator[Item]:
    """One item per ``(label, value)``; a value that is an error becomes a Failure.

    The label (``line 7``) says where the record is; it is the record id when
    the record has none of its own.
    """
    seen = False
    for label, value in records:
        seen = True
        record_id = _record_id(value, label, settings)
        try:
            if isinstance(value, EventwireError):
                raise value
            yield record_document(value, label, f"{origin}#{record_id}", settings)
        except EventwireError as e:
            yield Failure(origin, e.code, f"{label}: {e.message}", record_id)
    if not seen:
        raise EmptyInput("holds no records, only blank lines or a header", origin=origin)


def _record_id(value: object, label: str, settings: Settings) -> str:
    if isinstance(value, Mapping):
        found = value.get(settings.fields.id)
        if isinstance(found, str | int) and not isinstance(found, bool) and str(found).strip():
            return str(found).strip()
    return label


def record_document(value: object, label: str, origin: str, settings: Settings) -> Document:
    """Build the Document of one record, or raise the coded error saying why not."""
    fields = settings.fields
    if not isinstance(value, Mapping):
        raise MissingField(
            f"a JSON {json_type(value)}, not an object with a {fields.text!r} field",
            origin=origin,
        )
    text = _text_field(value, fields.text, origin)
    return make_document(
        text,
        origin,
        title=_meta_field(value, fields.title),
        published=normalize_date(_meta_field(value, fields.date), f"{origin} ({label})"),
        source=_meta_field(value, fields.source),
        url=_meta_field(value, fields.url),
        max_chars=settings.max_chars,
    )


def _text_field(record: Mapping[str, Any], name: str, origin: str) -> str:
    if name not in record:
        present = ", ".join(repr(str(k)) for k in record) or "none"
        raise MissingField(
            f"no {name!r} field (fields present: {present}); name the text field with "
            "--field text=NAME",
            origin=origin,
        )
    value = record[name]
    if value is None:
        return ""  # make_document reports it as empty
    if not isinstance(value, str):
        raise MalformedRecord(
            f"field {name!r} holds a JSON {json_type(value)}, not a string", origin=origin
        )
    return value


def _meta_field(record: Mapping[str, Any], name: str) -> str | None:
    value = record.get(name)
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def json_type(value: object) -> str:
    """The JSON name of a parsed value's type, for messages (``array``, ``null``...)."""
    names = {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}
    return names.get(type(value), "number")


def read_jsonl(stream: IO[bytes], origin: str, settings: Settings) -> Iterator[Item]:
    """A JSON-lines corpus, one record per line, read lazily."""
    yield from read_records(_jsonl_values(stream, settings), origin, settings)


def _jsonl_values(stream: IO[bytes], settings: Settings) -> Iterator[tuple[str, object]]:
    """``(line N, record)`` per non-blank line; a bad line yields its error instead."""
    for number, line in _bounded_lines(stream, settings.max_chars * BYTES_PER_CHAR):
        label = f"line {number}"
        if line is None:
            yield label, TooLarge(
                "longer than an article can be (raise the limit with --max-chars)"
            )
            continue
        if number == 1:
            line = line.removeprefix(codecs.BOM_UTF8)
        if line.strip():
            yield label, _parse_json_line(line)


def _parse_json_line(line: bytes) -> object:
    """The value on one line, or the coded error saying why there is none."""
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as e:
        return DecodeError(
            f"not valid UTF-8 at byte {e.start + 1} of the line (convert the file to UTF-8)"
        )
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        return MalformedRecord(f"not valid JSON ({e.msg} at column {e.colno})")


def _bounded_lines(stream: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | None]]:
    """Numbered lines of ``stream``; ``None`` for a line over ``limit`` bytes (skipped unread)."""
    number = 0
    while line := stream.readline(limit + 1):
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := stream.readline(SKIP_CHUNK)) and not rest.endswith(b"\n"):
                pass  # skip the rest of the over-long line without holding it
            yield number, None
        else:
            yield number, line


def read_csv(
    stream: IO[bytes], origin: str, settings: Settings, *, delimiter: str
) -> Iterator[Item]:
    """A CSV/TSV corpus with a header row, one record per row, read lazily."""
    # Undecodable bytes are kept as surrogates so one bad row fails, not the file.
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="surrogateescape", newline="")
    # The csv module's default field limit (128 KiB) is far below an article's.
    csv.field_size_limit(max(csv.field_size_limit(), settings.max_chars + 1))
    reader = csv.reader(text, delimiter=delimiter)
    header = next(reader, None)
    if header is None:
        raise EmptyInput("no header row and no records", origin=origin)
    if settings.fields.text not in header:
        columns = ", ".join(repr(c) for c in header)
        raise MissingField(
            f"no {settings.fields.text!r} column (columns: {columns}); name the text column "
            "with --field text=NAME",
            origin=origin,
        )
    yield from read_records(_csv_values(reader, header), origin, settings)


def _csv_values(reader: Any, header: list[str]) -> Iterator[tuple[str, object]]:
    """``(row N, record)`` per data row; a bad row yields its error instead."""
    number = 0
    while True:
        number += 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            error_type = TooLarge if "field larger" in str(e) else MalformedRecord
            yield f"row {number}", error_type(f"(line {reader.line_num}) {e}")
            continue
        yield f"row {number}", _csv_record(row, header, reader.line_num)


def _csv_record(row: list[str], header: list[str], line: int) -> object:
    if len(row) != len(header):
        return MalformedRecord(
            f"(line {line}) has {len(row)} fields but the header has {len(header)}"
        )
    if any(_has_surrogates(cell) for cell in row):
        return DecodeError(f"(line {line}) is not valid UTF-8 (convert the file to UTF-8)")
    return dict(zip(header, row, strict=True))


def _has_surrogates(cell: str) -> bool:
    try:
        cell.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def normalize_date(value: str | None, origin: str) -> str | None:
    """``YYYY-MM-DD`` for an ISO 8601 date or date-time; None for anything else."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.strip()).date().isoformat()
    except ValueError:
        log.debug("%s: date %r is not an ISO date; published left empty", origin, value)
        return None
