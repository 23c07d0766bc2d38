"""Readers: files, folders, JSONL/CSV corpora and standard input, to Documents.

Every reader yields one :class:`~eventwire.records.Document` or
:class:`~eventwire.records.Failure` per article and never raises for a bad
input, so that one broken file or record does not stop a batch.

Formats, chosen by file suffix (unknown suffixes and standard input are
sniffed: ``{`` starts JSON lines, ``<`` starts HTML, anything else is text):

* plain text: UTF-8 (with or without BOM) or UTF-16/32 with a BOM;
* HTML (``.html``, ``.htm``): main text and metadata by trafilatura;
* corpora, streamed record by record: JSON lines (``.jsonl``, ``.ndjson``)
  and CSV/TSV with a header row (``.csv``, ``.tsv``), fields named by
  ``Settings.fields``;
* ``.json``: one article object, or a list of them;
* folders: recursively, in sorted order, skipping hidden files and folders.
"""

from __future__ import annotations

import codecs
import io
import json
import logging
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from eventwire.config import Settings
from eventwire.errors import (
    BinaryInput,
    DecodeError,
    EmptyInput,
    EventwireError,
    InputError,
    MalformedRecord,
    NotFound,
    TooLarge,
    UnreadableInput,
    UnsupportedInput,
)
from eventwire.ingest.corpora import (
    BYTES_PER_CHAR,
    json_type,
    normalize_date,
    read_csv,
    read_jsonl,
    read_records,
    record_document,
)
from eventwire.ingest.document import make_document
from eventwire.records import Document, Failure

log = logging.getLogger(__name__)

Item = Document | Failure
STDIN = "-"
STDIN_ORIGIN = "<stdin>"
SNIFF_BYTES = 8192
MAX_CONTROL_SHARE = 0.05  # real text has almost no control bytes; binary formats have ~10%
SUFFIX_KINDS = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".csv": "csv", ".tsv": "tsv",
    ".json": "json",
}  # fmt: skip
# Control bytes that ordinary text does contain: tab, newline, vertical tab, form feed, CR, ESC.
_TEXT_CONTROLS = frozenset(b"\t\n\x0b\x0c\r\x1b")
_CONTROL_BYTES = frozenset(range(32)) - _TEXT_CONTROLS | {0x7F}
# Longest BOMs first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)


# ---------------------------------------------------------------- public API


def read_inputs(paths: Sequence[str], settings: Settings) -> Iterator[Item]:
    """Yield one Document or Failure per article found in ``paths``.

    Args:
        paths: files, folders or corpora; ``-`` reads standard input.
        settings: ``max_chars`` and the corpus ``fields`` are used.

    Returns:
        A lazy iterator: corpora are read one record at a time.
    """
    for p in paths:
        if p == STDIN:
            yield from read_stdin(settings)
        else:
            yield from read_path(Path(p), settings)


def read_path(path: Path, settings: Settings) -> Iterator[Item]:
    """Yield one Document or Failure per article found at ``path``.

    A folder is read recursively (hidden entries skipped); a file by its
    suffix. A missing path, an unreadable or unsupported file, and every bad
    record become a :class:`Failure`; nothing is raised.
    """
    origin = str(path)
    if path.is_dir():
        yield from _guarded(_read_folder(path, settings), origin)
    elif not path.exists():
        yield _failure(NotFound("no such file or folder; check the path", origin=origin), origin)
    else:
        yield from _guarded(_read_file(path, settings), origin)


def read_stdin(settings: Settings) -> Iterator[Item]:
    """Yield the articles on standard input, sniffing JSON lines, HTML or text."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        error = UnsupportedInput("standard input is not a byte stream", origin=STDIN_ORIGIN)
        yield _failure(error, STDIN_ORIGIN)
        return
    yield from _guarded(_read_stream(stream, STDIN_ORIGIN, None, settings), STDIN_ORIGIN)


# ---------------------------------------------------------------- failures


def _failure(error: EventwireError, origin: str, record_id: str | None = None) -> Failure:
    return Failure(origin=origin, code=error.code, message=error.message, record_id=record_id)


def _os_error(error: OSError, origin: str) -> InputError:
    """The coded error for what the operating system said about ``origin``."""
    if isinstance(error, FileNotFoundError):
        return NotFound("no such file or folder; check the path", origin=origin)
    reason = error.strerror or str(error)
    return UnreadableInput(f"cannot be read ({reason}); check its permissions", origin=origin)


def _guarded(items: Iterator[Item], origin: str) -> Iterator[Item]:
    """Pass ``items`` on; an error that ends the input early becomes a last Failure."""
    try:
        yield from items
    except EventwireError as e:
        yield _failure(e, e.origin or origin)
    except OSError as e:
        yield _failure(_os_error(e, origin), origin)


# ---------------------------------------------------------------- files and folders


def _is_hidden(path: Path) -> bool:
    return path.name.startswith(".")


def _read_folder(folder: Path, settings: Settings) -> Iterator[Item]:
    """Every visible file under ``folder``, in sorted order, depth first."""
    for entry in sorted(folder.iterdir()):
        if _is_hidden(entry):
            log.debug("skipping hidden %s", entry)
        elif entry.is_symlink() and entry.is_dir():
            # Like os.walk: following linked folders could loop forever.
            log.debug("skipping linked folder %s", entry)
        elif entry.is_dir():
            yield from _guarded(_read_folder(entry, settings), str(entry))
        elif not entry.is_file():  # a pipe or socket in a folder would block the batch
            error = UnsupportedInput("not a regular file", origin=str(entry))
            yield _failure(error, str(entry))
        else:
            yield from _guarded(_read_file(entry, settings), str(entry))


def _check_file_size(path: Path, settings: Settings) -> None:
    """Refuse a file too big to hold an article, before reading any of it."""
    size = path.stat().st_size
    limit = settings.max_chars * BYTES_PER_CHAR
    if path.is_file() and size > limit:
        raise TooLarge(
            f"{size:,} bytes, more than an article of {settings.max_chars:,} characters can "
            "take (raise the limit with --max-chars, or split the file)",
            origin=str(path),
        )


def _read_file(path: Path, settings: Settings) -> Iterator[Item]:
    kind = SUFFIX_KINDS.get(path.suffix.lower())
    if kind not in ("jsonl", "csv", "tsv"):  # corpora are streamed: only records are limited
        _check_file_size(path, settings)
    with path.open("rb") as stream:
        yield from _read_stream(stream, str(path), kind, settings)


def _read_stream(
    stream: IO[bytes], origin: str, kind: str | None, settings: Settings
) -> Iterator[Item]:
    """Read one opened input of ``kind`` (sniffed from its first bytes when None)."""
    head = stream.read(SNIFF_BYTES)
    if not head:
        raise EmptyInput("empty (0 bytes)", origin=origin)
    _check_binary(head, origin)
    kind = kind or _sniff(head)
    # Buffered, so that read(n) returns n bytes (a raw stream may return fewer).
    whole = io.BufferedReader(_Prefixed(head, stream))
    if kind == "jsonl":
        yield from read_jsonl(whole, origin, settings)
    elif kind in ("csv", "tsv"):
        yield from read_csv(whole, origin, settings, delimiter="," if kind == "csv" else "\t")
    else:
        data = _read_bounded(whole, origin, settings)
        yield from _SINGLE_READERS[kind](data, origin, settings)


def _sniff(head: bytes) -> str:
    """The kind of an input without a known suffix, from its first non-space byte."""
    start = head.removeprefix(codecs.BOM_UTF8).lstrip()[:1]
    return {b"{": "jsonl", b"<": "html"}.get(start, "text")


def _read_bounded(stream: IO[bytes], origin: str, settings: Settings) -> bytes:
    """All of ``stream``, refusing (without reading on) more than an article can take."""
    limit = settings.max_chars * BYTES_PER_CHAR
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(
            f"more than {limit:,} bytes, more than an article of {settings.max_chars:,} "
            "characters can take (raise the limit with --max-chars)",
            origin=origin,
        )
    return data


class _Prefixed(io.RawIOBase):
    """A stream whose first bytes were already read (to sniff), put back in front."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        super().__init__()
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        if self._head:
            n = min(len(view), len(self._head))
            view[:n], self._head = self._head[:n], self._head[n:]
            return n
        data = self._rest.read(len(view))
        view[: len(data)] = data
        return len(data)


# ---------------------------------------------------------------- bytes to text


def _check_binary(head: bytes, origin: str) -> None:
    """Refuse data that is not text: NUL bytes or many control bytes in ``head``."""
    if _bom(head) and not head.startswith(codecs.BOM_UTF8):
        return  # UTF-16/32 text is full of NUL bytes; make_document checks the decoded text
    if b"\x00" in head:
        raise BinaryInput("contains NUL bytes: binary data, not an article", origin=origin)
    controls = sum(byte in _CONTROL_BYTES for byte in head)
    if controls > MAX_CONTROL_SHARE * len(head):
        raise BinaryInput(
            f"{controls} control bytes in its first {len(head):,}: binary data, not an article",
            origin=origin,
        )


def _bom(data: bytes) -> tuple[bytes, str, str] | None:
    return next((bom for bom in _BOMS if data.startswith(bom[0])), None)


def decode_text(data: bytes, origin: str) -> str:
    """Decode UTF-8 (BOM optional) or UTF-16/32 with a BOM; never guess other encodings.

    Raises:
        DecodeError: naming the byte offset of the first bad byte.
    """
    bom, encoding, name = _bom(data) or (b"", "utf-8", "UTF-8")
    try:
        return data[len(bom) :].decode(encoding)
    except UnicodeDecodeError as e:
        offset = len(bom) + e.start
        raise DecodeError(
            f"not valid {name}: byte {data[offset]:#04x} at offset {offset:,} cannot be decoded "
            "(convert the file to UTF-8, e.g. `iconv -f WINDOWS-1252 -t UTF-8`)",
            origin=origin,
        ) from e


# ---------------------------------------------------------------- single articles


def _read_text(data: bytes, origin: str, settings: Settings) -> Iterator[Item]:
    yield _document(decode_text(data, origin), origin, settings)


def _document(text: str, origin: str, settings: Settings, **meta: str | None) -> Item:
    """make_document, with its coded errors turned into a Failure."""
    try:
        return make_document(text, origin, max_chars=settings.max_chars, **meta)
    except EventwireError as e:
        return _failure(e, origin)


def _read_html(data: bytes, origin: str, settings: Settings) -> Iterator[Item]:
    text, meta = html_article(data, origin)
    yield _document(text, origin, settings, **meta)


def html_article(data: bytes, origin: str) -> tuple[str, dict[str, str | None]]:
    """The main text of an HTML page, paragraphs apart, and its metadata.

    Returns:
        The text (blocks separated by blank lines, so the layout parser sees
        them) and ``title``, ``author``, ``published``, ``source``, ``url``.

    Raises:
        MalformedRecord: the page cannot be parsed.
        EmptyInput: the page has no main text.
    """
    page = _extract_html(data, origin)
    text = _html_blocks(page)
    if page is None or not text.strip():
        raise EmptyInput(
            "no article text found in the HTML (a menu, a login page, an empty page, or "
            "text drawn by JavaScript?); save the article's text and read that instead",
            origin=origin,
        )
    meta = {
        "title": page.title,
        "author": page.author,
        "published": normalize_date(page.date, origin),
        "source": page.sitename,
        "url": page.url,
    }
    return text, meta


def _extract_html(data: bytes, origin: str) -> Any:
    """trafilatura's extraction (imported here: it is slow to import and only HTML needs it)."""
    import trafilatura

    try:
        return trafilatura.bare_extraction(data, with_metadata=True)
    except Exception as e:  # a third-party parser on untrusted markup: any failure is the input's
        log.debug("trafilatura failed on %s", origin, exc_info=True)
        raise MalformedRecord(f"the HTML cannot be parsed ({e})", origin=origin) from e


def _html_blocks(page: Any) -> str:
    """Each top-level block of the extracted body on its own, with blank lines between.

    trafilatura's ``text`` joins paragraphs with single newlines, which the
    layout parser would read as one block; its body tree keeps them apart.
    """
    if page is None:
        return ""
    body = getattr(page, "body", None)
    if body is None or not len(body):
        return page.text or ""
    from trafilatura.xml import xmltotxt

    blocks = (xmltotxt(child, False).strip() for child in body)
    return "\n\n".join(block for block in blocks if block)


def _read_json(data: bytes, origin: str, settings: Settings) -> Iterator[Item]:
    """A ``.json`` file: one article object, or a list of them."""
    try:
        value = json.loads(decode_text(data, origin))
    except json.JSONDecodeError as e:
        raise MalformedRecord(
            f"not valid JSON ({e.msg} at line {e.lineno}, column {e.colno})", origin=origin
        ) from e
    if isinstance(value, dict):
        yield _single_record(value, origin, settings)
    elif isinstance(value, list):
        records = ((f"item {i}", item) for i, item in enumerate(value, start=1))
        yield from read_records(records, origin, settings)
    else:
        raise MalformedRecord(
            f"holds a JSON {json_type(value)}; expected an article object or a list of them",
            origin=origin,
        )


def _single_record(value: dict[str, Any], origin: str, settings: Settings) -> Item:
    """A ``.json`` file holding one article: its origin is the file itself."""
    try:
        return record_document(value, "the object", origin, settings)
    except EventwireError as e:
        return _failure(e, origin)


_SINGLE_READERS: dict[str | None, Callable[[bytes, str, Settings], Iterator[Item]]] = {
    None: _read_text,
    "text": _read_text,
    "html": _read_html,
    "json": _read_json,
}
