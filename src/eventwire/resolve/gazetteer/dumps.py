"""Importing official GeoNames dumps into the user's gazetteer index.

Two formats are read, told apart by their column count:

* the 19-column feature dumps: a country file (``SY.txt``), ``cities500.txt``,
  ``allCountries.txt`` (plain or zipped): geonameid, name, asciiname,
  alternatenames, latitude, longitude, feature class, feature code, country
  code, cc2, admin1..admin4, population, elevation, dem, timezone, modified;
* ``admin1CodesASCII.txt``: code ("SY.12"), name, ascii name, geonameid.

Files are streamed line by line and committed in batches together with the
number of lines done, so an interrupted import resumes where it stopped.
A malformed line is reported with its line number, never silently skipped.
"""

from __future__ import annotations

import logging
import sqlite3
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from eventwire.errors import GazetteerError
from eventwire.resolve.gazetteer.build import latin_names
from eventwire.resolve.gazetteer.index import name_rows, open_writable

log = logging.getLogger(__name__)

FEATURE_COLUMNS = 19
ADMIN1_COLUMNS = 4
BATCH = 20_000
# How many malformed lines a file may hold before it is judged not a dump at all.
MAX_MALFORMED_SHARE = 0.5

Progress = Callable[[int, int], None]  # (bytes read, total bytes)


@dataclass(frozen=True, slots=True)
class Malformed:
    line: int
    reason: str


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What one file's import did."""

    path: str
    kind: str  # "features" or "admin1"
    rows: int  # rows written in this run
    resumed_at: int  # lines skipped because an earlier run had done them
    malformed: tuple[Malformed, ...]
    already_done: bool = False


@contextmanager
def _open_lines(path: Path) -> Iterator[tuple[IO[bytes], int]]:
    """A binary stream of the dump and its size; a ``.zip`` yields its one ``.txt`` member."""
    try:
        if path.suffix.lower() == ".zip":
            with zipfile.ZipFile(path) as zf:
                members = [i for i in zf.infolist() if i.filename.endswith(".txt")
                           and not i.filename.lower().startswith("readme")]
                if len(members) != 1:
                    raise GazetteerError("a zipped dump must hold exactly one .txt file",
                                         origin=str(path))
                with zf.open(members[0]) as f:
                    yield f, members[0].file_size
        else:
            with path.open("rb") as f:
                yield f, path.stat().st_size
    except (OSError, zipfile.BadZipFile) as e:
        raise GazetteerError(f"cannot read: {e}", origin=str(path)) from e


def parse_feature(fields: list[str]) -> tuple[tuple, list[str]]:
    """One 19-column row as (places row, names); ValueError says what is wrong."""
    gid = int(fields[0])
    lat, lon = float(fields[4]), float(fields[5])
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"coordinates out of range ({lat}, {lon})")
    if not fields[1].strip():
        raise ValueError("empty name")
    population = int(fields[14]) if fields[14].strip() else 0
    row = (gid, fields[1], lat, lon, fields[8] or None, fields[10] or None, fields[11] or None,
           fields[6] or None, fields[7] or None, population)
    names = [fields[1], fields[2], *latin_names(fields[3].split(","))]
    return row, names


def _parse(line: bytes, kind: str) -> tuple[str, tuple, list[str]]:
    try:
        text = line.decode("utf-8").rstrip("\r\n")
    except UnicodeDecodeError as e:
        raise ValueError(f"not UTF-8 ({e.reason} at byte {e.start})") from e
    fields = text.split("\t")
    if kind == "admin1":
        if len(fields) != ADMIN1_COLUMNS:
            raise ValueError(f"expected {ADMIN1_COLUMNS} tab-separated columns, "
                             f"found {len(fields)}")
        if "." not in fields[0]:
            raise ValueError(f"admin1 code {fields[0]!r} is not COUNTRY.CODE")
        return "admin1", (fields[0], fields[1], int(fields[3]) if fields[3] else None), []
    if len(fields) != FEATURE_COLUMNS:
        raise ValueError(f"expected {FEATURE_COLUMNS} tab-separated columns, found {len(fields)}")
    row, names = parse_feature(fields)
    return "features", row, names


def _kind(path: Path) -> str:
    """Which format ``path`` holds, from its first non-comment line."""
    with _open_lines(path) as (f, _):
        for raw in f:
            if raw.strip() and not raw.startswith(b"#"):
                n = raw.count(b"\t") + 1
                if n == ADMIN1_COLUMNS:
                    return "admin1"
                if n == FEATURE_COLUMNS:
                    return "features"
                raise GazetteerError(
                    f"not a GeoNames dump: the first line has {n} tab-separated columns "
                    f"(expected {FEATURE_COLUMNS}, or {ADMIN1_COLUMNS} for admin1 codes)",
                    origin=str(path))
    raise GazetteerError("no data lines (empty file)", origin=str(path))


class _Writer:
    """Batches of rows, written with the import's progress in one transaction."""

    def __init__(self, conn: sqlite3.Connection, key: str) -> None:
        self.conn, self.key = conn, key
        self.places: list[tuple] = []
        self.names: set[tuple[str, int, int]] = set()
        self.admin1: list[tuple] = []
        self.rows = 0

    def add(self, kind: str, row: tuple, names: list[str]) -> None:
        if kind == "admin1":
            self.admin1.append(row)
        else:
            self.places.append(row)
            self.names |= name_rows(row[0], names)
        self.rows += 1

    def flush(self, lines_done: int, *, complete: bool = False) -> None:
        with self.conn:
            self.conn.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?)",
                                  self.places)
            self.conn.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?)", self.names)
            self.conn.executemany("INSERT OR REPLACE INTO admin1 VALUES (?,?,?)", self.admin1)
            self.conn.execute("UPDATE imports SET lines_done = ?, complete = ? WHERE path = ?",
                              (lines_done, int(complete), self.key))
        self.places, self.names, self.admin1 = [], set(), []


def _state(conn: sqlite3.Connection, key: str, size: int, mtime: float) -> tuple[int, bool]:
    """Lines already done for this very file (same size and time), and whether it is complete."""
    row = conn.execute("SELECT size, mtime, lines_done, complete FROM imports WHERE path = ?",
                       (key,)).fetchone()
    if row is not None and row[0] == size and row[1] == mtime:
        return int(row[2]), bool(row[3])
    with conn:
        conn.execute("INSERT OR REPLACE INTO imports VALUES (?, ?, ?, 0, 0)", (key, size, mtime))
    return 0, False


def import_file(path: Path, index: Path, *, progress: Progress | None = None) -> ImportReport:
    """Stream one dump into the index at ``index``; resumes an interrupted import of it.

    Raises:
        GazetteerError: the file cannot be read or is not a GeoNames dump.
    """
    path = Path(path)
    if not path.is_file():
        raise GazetteerError("no such file", origin=str(path))
    kind = _kind(path)
    key, stat = str(path.resolve()), path.stat()
    conn = open_writable(index)
    try:
        done, complete = _state(conn, key, stat.st_size, stat.st_mtime)
        if complete:
            return ImportReport(str(path), kind, 0, done, (), already_done=True)
        return _stream(path, kind, _Writer(conn, key), done, progress)
    finally:
        conn.close()


def _stream(path: Path, kind: str, writer: _Writer, done: int,
            progress: Progress | None) -> ImportReport:
    malformed: list[Malformed] = []
    lineno = read = 0
    with _open_lines(path) as (f, total):
        for lineno, raw in enumerate(f, start=1):
            read += len(raw)
            if lineno <= done or not raw.strip() or raw.startswith(b"#"):
                continue
            try:
                writer.add(*_parse(raw, kind))
            except ValueError as e:
                malformed.append(Malformed(lineno, str(e)))
            if lineno % BATCH == 0:
                _check_share(path, malformed, lineno - done)
                writer.flush(lineno)
                if progress:
                    progress(read, total)
    _check_share(path, malformed, lineno - done)
    writer.flush(lineno, complete=True)
    if progress:
        progress(read, total)
    for m in malformed[:20]:
        log.warning("%s, line %d: %s", path, m.line, m.reason)
    return ImportReport(str(path), kind, writer.rows, done, tuple(malformed))


def _check_share(path: Path, malformed: list[Malformed], lines: int) -> None:
    if lines >= 10 and len(malformed) > MAX_MALFORMED_SHARE * lines:
        first = malformed[0]
        raise GazetteerError(
            f"not a GeoNames dump: {len(malformed)} of {lines} lines malformed "
            f"(line {first.line}: {first.reason})", origin=str(path))
