"""Readers: files, folders, JSONL/CSV corpora and standard input, to Documents.

(Skeleton: being filled in; see the tests in tests/test_readers.py.)
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from eventwire.config import Settings
from eventwire.ingest.document import make_document
from eventwire.records import Document, Failure


def read_path(path: Path, settings: Settings) -> Iterator[Document | Failure]:
    """Yield one Document or Failure per article found at ``path``."""
    yield make_document(path.read_text(encoding="utf-8"), str(path), max_chars=settings.max_chars)


def read_inputs(paths: Sequence[str], settings: Settings) -> Iterator[Document | Failure]:
    """Yield one Document or Failure per article in ``paths`` (``-`` is standard input)."""
    for p in paths:
        yield from read_path(Path(p), settings)
