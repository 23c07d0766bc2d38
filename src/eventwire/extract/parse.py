"""Parsing a Document's blocks with spaCy, keeping offsets into the original text.

Each block (paragraph, heading, caption...) is parsed on its own so that
neither sentences nor entities run across layout boundaries (a byline would
otherwise swallow the first word of the article into a name).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.records import Block, Document, Span

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan


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


def parse_document(document: Document, nlp: Language) -> list[ParsedBlock]:
    """Parse every block of ``document`` in one batched pass."""
    blocks = [b for b in document.blocks if b.kind != "byline"]
    docs = nlp.pipe(b.text for b in blocks)
    return [ParsedBlock(b, d) for b, d in zip(blocks, docs, strict=True)]
