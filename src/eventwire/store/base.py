"""The Store protocol: what every backend (DuckDB now, PostgreSQL later) provides.

A store keeps documents with all their records, the failures of each batch and
one row per run (versions, model, settings, summary). Writes are all-or-nothing
per document, and writing a document that is already stored changes nothing.
"""

from __future__ import annotations

from types import TracebackType
from typing import Any, Protocol, Self, runtime_checkable

from eventwire.records import RECORD_KINDS, Extraction, Failure

# What `query` accepts as `kind`: the record kinds (records.RECORD_KINDS), then the
# bookkeeping tables.
KINDS = (*RECORD_KINDS, "documents", "failures", "runs")

__all__ = ["KINDS", "RECORD_KINDS", "Store"]


@runtime_checkable
class Store(Protocol):
    """A place that keeps extractions, failures and runs."""

    @property
    def location(self) -> str:
        """Where the store lives (a path or a URL), for messages."""
        ...

    def open(self) -> Self:
        """Connect (creating and migrating the store if writable); raise StoreError if it can't."""
        ...

    def close(self) -> None:
        """Release the connection; closing twice is harmless."""
        ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    def schema_version(self) -> int:
        """The schema version the store is at."""
        ...

    def begin_run(self, info: dict[str, Any]) -> int:
        """Record the start of a run and return its id.

        Args:
            info: ``versions`` (from ``Pipeline().versions()``), ``model``
                (``eventwire.nlp.model_info()``), ``settings``
                (``Settings.to_dict()``) and optionally ``started_at`` (a UTC datetime).
        """
        ...

    def finish_run(self, run_id: int, summary: dict[str, Any]) -> None:
        """Record the end of a run; ``summary["status"]`` defaults to ``finished``."""
        ...

    def write_extraction(self, extraction: Extraction, run_id: int | None) -> bool:
        """Store a document and all its records in one transaction.

        Returns:
            True if stored, False if a document with that id was already stored.
        """
        ...

    def record_failure(self, failure: Failure, run_id: int | None) -> None:
        """Keep a failed input with the run it happened in."""
        ...

    def has_document(self, doc_id: str) -> bool: ...

    def get_document(self, doc_id: str) -> dict[str, Any] | None:
        """The document and all its records in the contract's JSON form, or None.

        The dict is ``Extraction.to_dict()`` plus ``stored`` (``run_id``, ``stored_at``).
        """
        ...

    def get_extraction(self, doc_id: str) -> Extraction | None:
        """The stored document rebuilt as the typed Extraction it was written from."""
        ...

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
        """Rows of one kind (see ``KINDS``), filtered; record rows carry ``data``.

        ``cameo`` keeps events and quotes whose CAMEO code starts with it (a root
        such as "19" or a full code such as "193").

        Raises:
            ValueError: unknown kind, or a filter that kind has no column for.
        """
        ...

    def stats(self) -> dict[str, int]:
        """Number of rows per table (documents, each record kind, failures, runs)."""
        ...
