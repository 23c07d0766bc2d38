"""The compiled gazetteer: GeoNames entries and their name keys in SQLite files.

An index file holds ``places`` (one row per GeoNames id), ``names`` (matching
keys, exact and loose, see :mod:`.names`), ``admin1`` (first-level division
names by code, "SY.12") and ``meta``. :class:`Gazetteer` reads one or more
such files: the default one compiled from packaged data and, if the user
imported GeoNames dumps, the imported one, whose rows win for the same id.
Nothing is opened until the first lookup.
"""

from __future__ import annotations

import functools
import sqlite3
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from eventwire.errors import GazetteerError
from eventwire.resolve.gazetteer.names import loose_key, name_key

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS places(
    geonameid INTEGER PRIMARY KEY, name TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
    country_code TEXT, admin1 TEXT, admin2 TEXT, feature_class TEXT, feature_code TEXT,
    population INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS names(
    key TEXT NOT NULL, loose INTEGER NOT NULL, geonameid INTEGER NOT NULL);
CREATE UNIQUE INDEX IF NOT EXISTS names_key ON names(key, loose, geonameid);
CREATE TABLE IF NOT EXISTS admin1(code TEXT PRIMARY KEY, name TEXT, geonameid INTEGER);
CREATE TABLE IF NOT EXISTS imports(
    path TEXT PRIMARY KEY, size INTEGER, mtime REAL, lines_done INTEGER, complete INTEGER);
"""

_COLUMNS = ("geonameid, name, lat, lon, country_code, admin1, admin2, feature_class, "
            "feature_code, population")


_SQL = (f"SELECT {', '.join('p.' + c.strip() for c in _COLUMNS.split(','))} "
        "FROM names n JOIN places p ON p.geonameid = n.geonameid "
        "WHERE n.key = ? AND n.loose = ?")
# The order lookups promise: most populous first, then by id (as _by_population sorts).
_SQL_ORDERED = _SQL + " ORDER BY p.population DESC, p.geonameid"


@dataclass(frozen=True, slots=True)
class Entry:
    """One GeoNames feature: where it is, what it is, how many live there."""

    geonameid: int
    name: str
    lat: float
    lon: float
    country_code: str | None
    admin1: str | None  # the GeoNames admin1 code within the country ("12")
    admin2: str | None
    feature_class: str | None  # A (country, division), P (populated place), L, H, T...
    feature_code: str | None  # PCLI, ADM1, PPLC, PPL...
    population: int = 0

    @property
    def admin1_code(self) -> str | None:
        """The full admin1 code, "SY.12", as GeoNames' admin1CodesASCII keys it."""
        if self.country_code and self.admin1 and self.admin1 != "00":
            return f"{self.country_code}.{self.admin1}"
        return None


@dataclass(frozen=True, slots=True)
class Match:
    """What a name lookup found: the entries, and whether only the loose key matched."""

    entries: tuple[Entry, ...]
    loose: bool = False


class Gazetteer:
    """Read-only lookups over one or more compiled index files (later files win).

    Args:
        paths: index files, lowest priority first; missing ones are an error on first use.
    """

    def __init__(self, paths: Sequence[Path]) -> None:
        self.paths = tuple(Path(p) for p in paths)
        self._conns: list[sqlite3.Connection] | None = None
        self._lock = threading.Lock()

    def _connections(self) -> list[sqlite3.Connection]:
        if self._conns is None:
            with self._lock:
                if self._conns is None:
                    self._conns = [_open_read_only(p) for p in self.paths]
        return self._conns

    def lookup(self, name: str) -> Match:
        """Entries named ``name`` (any spelling the keys fold together), most populous first."""
        return self._lookup_cached(name)

    @functools.lru_cache(maxsize=65536)  # noqa: B019 - one gazetteer per process; bounded
    def _lookup_cached(self, name: str) -> Match:
        exact = self._query(name_key(name), loose=False)
        if exact:
            return Match(exact)
        key = loose_key(name)
        return Match(self._query(key, loose=True), loose=True) if key else Match(())

    def _query(self, key: str, *, loose: bool) -> tuple[Entry, ...]:
        if not key:
            return ()
        conns = self._connections()
        if len(conns) == 1:
            # One file (the usual case): names rows are unique per (key, loose, geonameid), so
            # SQLite's order is the final order and no Python dedupe or sort is needed.
            return tuple(Entry(*row) for row in conns[0].execute(_SQL_ORDERED, (key, int(loose))))
        found: dict[int, Entry] = {}
        for conn in conns:
            for row in conn.execute(_SQL, (key, int(loose))):
                found[row[0]] = Entry(*row)
        return tuple(sorted(found.values(), key=_by_population))

    def get(self, geonameid: int) -> Entry | None:
        """The entry with this GeoNames id, or None."""
        entry = None
        for conn in self._connections():
            row = conn.execute(f"SELECT {_COLUMNS} FROM places WHERE geonameid = ?",
                               (geonameid,)).fetchone()
            if row is not None:
                entry = Entry(*row)
        return entry

    def admin1_name(self, code: str | None) -> str | None:
        """The name of a first-level division from its full code ("SY.12" -> "Idlib")."""
        if not code:
            return None
        name = None
        for conn in self._connections():
            row = conn.execute("SELECT name FROM admin1 WHERE code = ?", (code,)).fetchone()
            if row is not None:
                name = row[0]
        return name

    def info(self) -> list[dict[str, object]]:
        """Per index file: its path, metadata and row counts."""
        out = []
        for path, conn in zip(self.paths, self._connections(), strict=True):
            meta = dict(conn.execute("SELECT key, value FROM meta"))
            counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                      for t in ("places", "names", "admin1")}
            classes = dict(conn.execute(
                "SELECT coalesce(feature_class, '?'), count(*) FROM places GROUP BY 1"))
            out.append({"path": str(path), "meta": meta, "counts": counts,
                        "feature_classes": classes})
        return out

    def close(self) -> None:
        if self._conns is not None:
            for conn in self._conns:
                conn.close()
            self._conns = None
        self._lookup_cached.cache_clear()


def _by_population(entry: Entry) -> tuple[int, int]:
    """The sort key of lookups: most populous first, then by id."""
    return (-entry.population, entry.geonameid)


def _open_read_only(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise GazetteerError("no gazetteer index here (build or import one first)",
                             origin=str(path))
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        conn.execute("SELECT count(*) FROM places").fetchone()
    except sqlite3.DatabaseError as e:
        raise GazetteerError(f"not a gazetteer index: {e}", origin=str(path)) from e
    return conn


def open_writable(path: Path) -> sqlite3.Connection:
    """A connection for building or importing into ``path``, with the schema in place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(path)
        conn.executescript(SCHEMA)
    except sqlite3.DatabaseError as e:
        raise GazetteerError(f"cannot open gazetteer index for writing: {e}",
                             origin=str(path)) from e
    return conn


def name_rows(geonameid: int, names: Sequence[str]) -> set[tuple[str, int, int]]:
    """The (key, loose, geonameid) rows of one entry's names."""
    rows = set()
    for n in names:
        if key := name_key(n):
            rows.add((key, 0, geonameid))
        if key := loose_key(n):
            rows.add((key, 1, geonameid))
    return rows
