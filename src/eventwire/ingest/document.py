"""Turn a decoded text plus metadata into a checked Document with its layout."""

from __future__ import annotations

import hashlib

from eventwire.config import DEFAULT_MAX_CHARS
from eventwire.errors import BinaryInput, EmptyInput, TooLarge
from eventwire.ingest.language import guess_language
from eventwire.ingest.structure import find_structure
from eventwire.records import Document


def normalize_text(text: str) -> str:
    """The original text as eventwire keeps it: one newline convention, no BOM.

    Offsets of every record point into this string, which is stored with the
    document, so evidence can always be checked against it.
    """
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def document_id(text: str) -> str:
    """A stable id from the text alone: the same article read twice is one document."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:16]


def make_document(
    text: str,
    origin: str,
    *,
    title: str | None = None,
    published: str | None = None,
    source: str | None = None,
    url: str | None = None,
    author: str | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Document:
    """Check ``text`` and build its Document.

    Raises:
        EmptyInput, BinaryInput, TooLarge, NonEnglish: with ``origin`` named.
    """
    text = normalize_text(text)
    if not text.strip():
        raise EmptyInput("no text (empty or only white space)", origin=origin)
    if len(text) > max_chars:
        raise TooLarge(f"{len(text):,} characters of text, over the limit of {max_chars:,} "
                       "(raise it with --max-chars)", origin=origin)
    if "\x00" in text:
        raise BinaryInput("contains NUL characters: binary data, not an article", origin=origin)
    language = guess_language(text, origin=origin)
    layout = find_structure(text)
    return Document(
        id=document_id(text),
        origin=origin,
        text=text,
        title=title or layout.title,
        author=author or layout.author,
        dateline=layout.dateline,
        published=published,
        source=source or layout.source,
        url=url,
        language=language,
        headings=layout.headings,
        captions=layout.captions,
        blocks=layout.blocks,
        author_span=layout.author_span,
        dateline_span=layout.dateline_span,
    )
