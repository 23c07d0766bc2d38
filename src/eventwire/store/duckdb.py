"""The embedded store: one DuckDB file, versioned schema, one transaction per document."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import Any, Self

import duckdb

from eventwire.errors import StoreError, StoreSchemaTooNew
from eventwire.records import (
    Agreement,
    Count,
    Document,
    Event,
    Extraction,
    Failure,
    Organization,
    Person,
    Place,
    Quote,
)
from eventwire.store.base import KINDS, RECORD_KINDS
from eventwire.store.codec import from_dict
from eventwire.store.tables import QUERIES, event_agreement_rows, record_row, to_json

RECORD_TYPES: dict[str, type] = {
    "people": Person, "organizations": Organization, "places": Place,
    "agreements": Agreement, "events": Event, "quotes": Quote, "counts": Count,
}
_DOC_JSON = ("headings", "captions", "blocks", "author_span", "dateline_span")
_DOC_COLUMNS = ("id", "origin", "title", "author", "dateline", "published", "source", "url",
                "language", "text", *_DOC_JSON)
_MIGRATION_NAME = re.compile(r"^(\d{3})_\w+\.sql$")


def migrations() -> list[tuple[int, str, str]]:
    """The packaged schema migrations as (version, file name, SQL), in order."""
    found = []
    for entry in (resources.files("eventwire.store") / "sql").iterdir():
        if m := _MIGRATION_NAME.match(entry.name):
            found.append((int(m.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)


SCHEMA_VERSION = migrations()[-1][0]


def _now() -> datetime:
    # Naive UTC: DuckDB's TIMESTAMP, with no time-zone package needed to read it back.
    return datetime.now(UTC).replace(tzinfo=None)


def _quote(identifier: str) -> str:
    # Column names come from our own tables, never from users; quoting lets
    # keywords (``at``) be column names.
    return f'"{identifier}"'


def _plain(value: Any, type_code: Any) -> Any:
    """A fetched value as plain JSON-able Python: JSON parsed, timestamps as ISO text."""
    if value is None:
        return None
    if str(type_code) == "JSON":
        return json.loads(value)
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds") + "Z"
    return value


class DuckDBStore:
    """A store in one DuckDB file.

    Opening for writing creates the file (and its parent folders) and brings the
    schema up to date; ``read_only=True`` never creates or changes anything.
    """

    def __init__(self, path: Path | str, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self._con: duckdb.DuckDBPyConnection | None = None

    @property
    def location(self) -> str:
        return str(self.path)

    # -- connection and schema -------------------------------------------------------

    def open(self) -> Self:
        if self._con is not None:
            return self
        if self.read_only and not self.path.exists():
            raise StoreError("no store here yet (`eventwire ingest` creates it)",
                             origin=self.location)
        if not self.read_only:
            self._make_parent()
        with self._errors("cannot open the store"):
            self._con = duckdb.connect(str(self.path), read_only=self.read_only)
        try:
            self._check_or_migrate()
        except BaseException:
            self.close()
            raise
        return self

    def _make_parent(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise StoreError(f"cannot create the folder {self.path.parent}: {e.strerror or e}",
                             origin=self.location) from e

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None

    def __enter__(self) -> Self:
        return self.open()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            raise StoreError("the store is not open (use `with store:` or store.open())",
                             origin=self.location)
        return self._con

    def schema_version(self) -> int:
        with self._errors("cannot read the schema version"):
            if not self._has_table("schema_migrations"):
                return 0
            row = self.con.execute("SELECT max(version) FROM schema_migrations").fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    def _has_table(self, name: str) -> bool:
        row = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]
        ).fetchone()
        return bool(row and row[0])

    def _check_or_migrate(self) -> None:
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise StoreSchemaTooNew(
                f"the store is at schema version {version}, newer than this eventwire "
                f"understands ({SCHEMA_VERSION}); upgrade eventwire to use it",
                origin=self.location)
        if version == 0 and self._table_count() > 0:
            # Someone else's DuckDB file: creating our tables in it would mix the two.
            raise StoreError("a DuckDB file that is not an eventwire store (it has tables "
                             "but no schema_migrations)", origin=self.location)
        if version < SCHEMA_VERSION:
            if self.read_only:
                raise StoreError(f"the store is at schema version {version}, this eventwire "
                                 f"needs {SCHEMA_VERSION}; run `eventwire ingest` to upgrade it",
                                 origin=self.location)
            self._migrate(version)

    def _table_count(self) -> int:
        row = self.con.execute("SELECT count(*) FROM information_schema.tables").fetchone()
        return int(row[0]) if row else 0

    def _migrate(self, current: int) -> None:
        for version, name, sql in migrations():
            if version <= current:
                continue
            with self._errors(f"migration {name} failed"), self._transaction():
                self.con.execute("CREATE TABLE IF NOT EXISTS schema_migrations ("
                                 "version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, "
                                 "applied_at TIMESTAMP NOT NULL)")
                self.con.execute(sql)
                self.con.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)",
                                 [version, name, _now()])

    @contextmanager
    def _errors(self, action: str, *also: type[Exception]) -> Iterator[None]:
        """Turn DuckDB's errors (and ``also``) into a StoreError naming the file."""
        try:
            yield
        except (duckdb.Error, *also) as e:
            raise StoreError(f"{action}: {e}", origin=self.location) from e

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    def _insert(self, table: str, row: dict[str, Any], returning: str = "") -> Any:
        cols = ", ".join(_quote(c) for c in row)
        marks = ", ".join("?" for _ in row)
        sql = f"INSERT INTO {table} ({cols}) VALUES ({marks}) {returning}"
        return self.con.execute(sql, list(row.values()))

    # -- runs and failures ------------------------------------------------------------

    def begin_run(self, info: dict[str, Any]) -> int:
        versions = info.get("versions") or {}
        row = {"started_at": info.get("started_at") or _now(), "status": "running",
               "eventwire_version": versions.get("eventwire"), "versions": to_json(versions),
               "model": to_json(info.get("model")), "settings": to_json(info.get("settings"))}
        with self._errors("cannot record the run", TypeError, ValueError):
            found = self._insert("runs", row, "RETURNING id").fetchone()
        assert found is not None  # INSERT ... RETURNING always returns the row
        return int(found[0])

    def finish_run(self, run_id: int, summary: dict[str, Any]) -> None:
        status = str(summary.get("status", "finished"))
        with self._errors(f"cannot finish run {run_id}", TypeError, ValueError):
            self.con.execute("UPDATE runs SET finished_at = ?, status = ?, summary = ? "
                             "WHERE id = ?", [_now(), status, to_json(summary), run_id])

    def record_failure(self, failure: Failure, run_id: int | None) -> None:
        row = {"run_id": run_id, "origin": failure.origin, "record_id": failure.record_id,
               "code": failure.code, "message": failure.message, "at": _now()}
        with self._errors(f"cannot record the failure of {failure.origin}"):
            self._insert("failures", row)

    # -- documents --------------------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        with self._errors(f"cannot look up document {doc_id}"):
            row = self.con.execute("SELECT 1 FROM documents WHERE id = ?", [doc_id]).fetchone()
        return row is not None

    def write_extraction(self, extraction: Extraction, run_id: int | None) -> bool:
        doc = extraction.document
        # TypeError/ValueError: a record JSON can't hold; the transaction undoes the document.
        with self._errors(f"cannot store document {doc.id} ({doc.origin})", TypeError,
                          ValueError), self._transaction():
            if self.con.execute("SELECT 1 FROM documents WHERE id = ?", [doc.id]).fetchone():
                return False
            self._insert("documents", self._document_row(extraction, run_id))
            for kind in RECORD_KINDS:
                for ord, record in enumerate(getattr(extraction, kind)):
                    self._insert(kind, record_row(kind, doc.id, ord, record))
            for row in event_agreement_rows(doc.id, extraction.events):
                self._insert("event_agreements", row)
        return True

    @staticmethod
    def _document_row(extraction: Extraction, run_id: int | None) -> dict[str, Any]:
        doc = asdict(extraction.document)
        row = {k: doc[k] for k in _DOC_COLUMNS}
        for k in _DOC_JSON:
            row[k] = to_json(doc[k])
        return {**row, "extractors": to_json(extraction.extractors), "run_id": run_id,
                "stored_at": _now()}

    def get_extraction(self, doc_id: str) -> Extraction | None:
        loaded = self._load(doc_id)
        return loaded[0] if loaded else None

    def get_document(self, doc_id: str) -> dict[str, Any] | None:
        loaded = self._load(doc_id)
        if loaded is None:
            return None
        extraction, stored = loaded
        return {**extraction.to_dict(), "stored": stored}

    def _load(self, doc_id: str) -> tuple[Extraction, dict[str, Any]] | None:
        with self._errors(f"cannot read document {doc_id}"):
            cols = ", ".join((*_DOC_COLUMNS, "extractors", "run_id", "stored_at"))
            rows = self._fetch(f"SELECT {cols} FROM documents WHERE id = ?", [doc_id])
            if not rows:
                return None
            row = rows[0]
            records = {kind: self._records(kind, doc_id) for kind in RECORD_KINDS}
        stored = {"run_id": row.pop("run_id"), "stored_at": row.pop("stored_at")}
        extractors = row.pop("extractors") or {}
        document = from_dict(Document, row)
        return Extraction(document=document, extractors=extractors, **records), stored

    def _records(self, kind: str, doc_id: str) -> tuple[Any, ...]:
        rows = self._fetch(f"SELECT data FROM {kind} WHERE doc_id = ? ORDER BY ord", [doc_id])
        return tuple(from_dict(RECORD_TYPES[kind], r["data"]) for r in rows)

    def _fetch(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cur = self.con.execute(sql, list(params))
        desc = cur.description or []
        return [{d[0]: _plain(v, d[1]) for d, v in zip(desc, row, strict=True)}
                for row in cur.fetchall()]

    # -- queries ----------------------------------------------------------------------

    def query(
        self,
        kind: str,
        *,
        doc: str | None = None,
        name: str | None = None,
        type: str | None = None,
        run: int | None = None,
        limit: int | None = None,
        cameo: str | None = None,
    ) -> list[dict[str, Any]]:
        if kind not in QUERIES:
            raise ValueError(f"unknown kind {kind!r}; one of {', '.join(KINDS)}")
        spec = QUERIES[kind]
        where: list[str] = []
        params: list[Any] = []
        for label, column, value, sql in (
            ("--doc", spec.doc, doc, "{} = ?"),
            ("--name", spec.name, name, "strpos(lower({}), lower(?)) > 0"),
            ("--type", spec.type, type, "{} = ?"),
            ("--run", spec.run, run, "{} = ?"),
            # A root ("19") finds every code under it ("190", "193"), as analysts count by root.
            ("--cameo", spec.cameo, cameo, "starts_with({}, ?)"),
        ):
            if value is None:
                continue
            if column is None:
                raise ValueError(f"{kind} cannot be filtered by {label}")
            where.append(sql.format(_quote(column)))
            params.append(value)
        sql = f"SELECT {', '.join(map(_quote, spec.columns))} FROM {spec.table}"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY {spec.order}"
        if limit is not None:
            if limit < 0:
                raise ValueError(f"limit must be 0 or more, not {limit}")
            sql += f" LIMIT {int(limit)}"
        with self._errors(f"cannot query {kind}"):
            return self._fetch(sql, params)

    def stats(self) -> dict[str, int]:
        out: dict[str, int] = {}
        with self._errors("cannot count rows"):
            for table in ("documents", *RECORD_KINDS, "failures", "runs"):
                row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
                out[table] = int(row[0]) if row else 0
        return out
