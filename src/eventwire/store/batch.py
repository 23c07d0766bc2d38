"""Storing a stream of extraction results as one run.

The store is opened only when there is a document to write, so a batch in
which every input failed leaves no file and no run behind: bad input leaves
the store as it was. Failures seen before that are kept and recorded with the
run once it exists.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from contextlib import ExitStack
from dataclasses import dataclass, field
from typing import Any

from eventwire.errors import StoreError
from eventwire.records import Extraction, Failure
from eventwire.store.base import RECORD_KINDS, Store

# Called after each result: the result (a write that failed arrives as its
# Failure) and whether it was new (None for a failure).
OnResult = Callable[[Extraction | Failure, bool | None], None]


@dataclass(slots=True)
class BatchSummary:
    """What a batch did: documents new and already stored, failures, records by kind."""

    run_id: int | None = None
    new: int = 0
    already_stored: int = 0
    failures: int = 0
    records: Counter[str] = field(default_factory=Counter)
    status: str = "finished"

    def to_dict(self) -> dict[str, Any]:
        return {"run_id": self.run_id, "new": self.new, "already_stored": self.already_stored,
                "failures": self.failures,
                "records": {kind: self.records[kind] for kind in RECORD_KINDS},
                "status": self.status}


class _Batch:
    """One run's state: the store once opened, and failures waiting for it."""

    def __init__(self, stack: ExitStack, open_store: Callable[[], Store],
                 run_info: Callable[[], dict[str, Any]], on_result: OnResult | None) -> None:
        self.stack = stack
        self.open_store = open_store
        self.run_info = run_info
        self.on_result = on_result
        self.store: Store | None = None
        self.waiting: list[Failure] = []
        self.summary = BatchSummary()

    def start(self) -> Store:
        if self.store is None:
            self.store = self.stack.enter_context(self.open_store())
            self.summary.run_id = self.store.begin_run(self.run_info())
            for failure in self.waiting:
                self.store.record_failure(failure, self.summary.run_id)
            self.waiting.clear()
        return self.store

    def fail(self, failure: Failure) -> None:
        self.summary.failures += 1
        if self.store is None:
            self.waiting.append(failure)
        else:
            self.store.record_failure(failure, self.summary.run_id)
        if self.on_result:
            self.on_result(failure, None)

    def write(self, extraction: Extraction) -> None:
        store = self.start()
        try:
            new = store.write_extraction(extraction, self.summary.run_id)
        except StoreError as e:
            # This document could not be stored (its transaction was undone): it
            # becomes a failure of the batch, like an unreadable input.
            self.fail(Failure(extraction.document.origin, e.code, e.message))
            return
        if new:
            self.summary.new += 1
            for kind in RECORD_KINDS:
                self.summary.records[kind] += len(getattr(extraction, kind))
        else:
            self.summary.already_stored += 1
        if self.on_result:
            self.on_result(extraction, new)

    def finish(self, status: str) -> None:
        self.summary.status = status
        if self.store is not None and self.summary.run_id is not None:
            self.store.finish_run(self.summary.run_id, self.summary.to_dict())


def store_results(
    results: Iterable[Extraction | Failure],
    open_store: Callable[[], Store],
    *,
    run_info: Callable[[], dict[str, Any]],
    on_result: OnResult | None = None,
) -> BatchSummary:
    """Write every Extraction and record every Failure of ``results`` as one run.

    Args:
        results: what ``process_batch`` yields.
        open_store: returns an unopened Store; called only when a document must be written.
        run_info: returns ``begin_run``'s info; called when the run starts.
        on_result: told about each result, e.g. to advance a progress bar.

    Returns:
        The summary; ``run_id`` is None when nothing was written.
    """
    with ExitStack() as stack:
        batch = _Batch(stack, open_store, run_info, on_result)
        try:
            for item in results:
                if isinstance(item, Failure):
                    batch.fail(item)
                else:
                    batch.write(item)
        except BaseException:
            batch.finish("aborted")
            raise
        batch.finish("finished")
        return batch.summary
