"""Parsing a Document's blocks with spaCy, keeping offsets into the original text.

Each block (paragraph, heading, caption...) is parsed on its own so that
neither sentences nor entities run across layout boundaries (a byline would
otherwise swallow the first word of the article into a name).
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from eventwire.records import Block, Document, Span

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.language import Language
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ParsedBlock:
    block: Block
    doc: Doc

    @property
    def offset(self) -> int:
        return self.block.start

    def span(self, start_char: int, end_char: int, original: str) -> Span:
        """A record Span for block-relative character offsets."""
        return Span.of(original, self.offset + start_char, self.offset + end_char)

    def of(self, item: SpacySpan | Token, original: str) -> Span:
        """A record Span for a spaCy span or token of this block."""
        if hasattr(item, "start_char"):
            return self.span(item.start_char, item.end_char, original)  # type: ignore[union-attr]
        return self.span(item.idx, item.idx + len(item), original)  # type: ignore[union-attr]



def block_index_at(parsed: Sequence[ParsedBlock], position: int) -> int:
    """The index of the parsed block whose text holds `position`, or -1 if none does.

    Blocks are disjoint and in text order, but headings, captions and bylines are blocks
    too, so a document offset can fall between two of them.
    """
    return next((i for i, pb in enumerate(parsed)
                 if pb.block.start <= position < pb.block.end), -1)


def block_at(parsed: Sequence[ParsedBlock], position: int) -> ParsedBlock | None:
    """The parsed block whose text holds `position`, or None if none does."""
    index = block_index_at(parsed, position)
    return parsed[index] if index >= 0 else None

class ParseCache:
    """Parsed blocks kept on disk, keyed by the model and the block's text.

    Evaluation and benchmarks read the same gold texts again and again while the
    extractors change; the parse is most of the time spent, and it only changes with
    the model. A cached Doc is the model's own output serialised by spaCy, so the
    extractors see exactly what a fresh parse gives them (tests/test_parse.py checks).
    The file opens on first use; ``model_key`` must change whenever the model does.
    """

    def __init__(self, path: Path, model_key: str) -> None:
        self.path = path
        self.model_key = model_key
        self._db: sqlite3.Connection | None = None
        self.hits = 0
        self.misses = 0

    def _connection(self) -> sqlite3.Connection:
        if self._db is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # Several evaluations may share the file: wait for a writer, don't fail.
            self._db = sqlite3.connect(self.path, timeout=120)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("CREATE TABLE IF NOT EXISTS parse (key TEXT PRIMARY KEY, doc BLOB)")
        return self._db

    def key(self, text: str) -> str:
        return hashlib.sha256(f"{self.model_key}\0{text}".encode()).hexdigest()

    def get(self, text: str) -> bytes | None:
        row = self._connection().execute(
            "SELECT doc FROM parse WHERE key = ?", (self.key(text),)).fetchone()
        return None if row is None else row[0]

    def put_many(self, items: list[tuple[str, bytes]]) -> None:
        db = self._connection()
        with db:
            db.executemany("INSERT OR REPLACE INTO parse VALUES (?, ?)",
                           [(self.key(t), b) for t, b in items])

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def parse_document(document: Document, nlp: Language, *,
                   cache: ParseCache | None = None) -> list[ParsedBlock]:
    """Parse every block of ``document`` in one batched pass (reusing ``cache`` if given)."""
    blocks = [b for b in document.blocks if b.kind != "byline"]
    if cache is None:
        docs = nlp.pipe(b.text for b in blocks)
        return [ParsedBlock(b, d) for b, d in zip(blocks, docs, strict=True)]
    return [ParsedBlock(b, d) for b, d in zip(blocks, _cached_parse(blocks, nlp, cache),
                                             strict=True)]


def _cached_parse(blocks: list[Block], nlp: Language, cache: ParseCache) -> list[Doc]:
    from spacy.tokens import Doc

    found: list[Doc | None] = []
    for block in blocks:
        data = cache.get(block.text)
        found.append(None if data is None else Doc(nlp.vocab).from_bytes(data))
    missing = [i for i, d in enumerate(found) if d is None]
    cache.hits += len(blocks) - len(missing)
    cache.misses += len(missing)
    if missing:
        parsed = list(nlp.pipe(blocks[i].text for i in missing))
        for i, doc in zip(missing, parsed, strict=True):
            found[i] = doc
        cache.put_many([(blocks[i].text, doc.to_bytes()) for i, doc in zip(missing, parsed,
                                                                              strict=True)])
    return [d for d in found if d is not None]
