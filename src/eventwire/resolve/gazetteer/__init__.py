"""The offline GeoNames gazetteer: compiled once from packaged data, queried in-process.

``load_default()`` returns the :class:`Gazetteer` the pipeline uses: the
index compiled from pinned packages (built on first use into the cache
directory, rebuilt when its sources change) plus, if the user imported
GeoNames dumps (``eventwire gazetteer import``), the imported index.
Nothing is read or built at import time.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from eventwire.errors import GazetteerError
from eventwire.resolve.gazetteer.index import Entry, Gazetteer, Match
from eventwire.resolve.gazetteer.names import loose_key, name_key

__all__ = [
    "Entry", "Gazetteer", "GazetteerError", "Match", "cache_dir", "default_index_path",
    "imported_index_path", "load_default", "loose_key", "name_key",
]

log = logging.getLogger(__name__)


def cache_dir() -> Path:
    """$EVENTWIRE_HOME/cache, else $XDG_CACHE_HOME/eventwire, else ~/.cache/eventwire."""
    if home := os.environ.get("EVENTWIRE_HOME"):
        return Path(home) / "cache"
    xdg = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(xdg) / "eventwire"


def default_index_path() -> Path:
    """Where the default index for the installed sources lives (one file per source version)."""
    import hashlib

    from eventwire.resolve.gazetteer.build import source_version

    digest = hashlib.sha256(source_version().encode()).hexdigest()[:12]
    return cache_dir() / f"gazetteer-{digest}.sqlite"


def imported_index_path() -> Path:
    """Where ``eventwire gazetteer import`` writes: beside the store, kept across upgrades."""
    from eventwire.config import default_home

    return default_home() / "gazetteer" / "imported.sqlite"


def ensure_default() -> Path:
    """The default index file, compiled now if missing (about half a minute, once)."""
    path = default_index_path()
    if not path.is_file():
        from eventwire.resolve.gazetteer.build import build_default

        log.info("compiling the gazetteer index into %s", path)
        build_default(path)
    return path


def load_default() -> Gazetteer:
    """The default gazetteer: packaged index plus the user's imported one, if any."""
    paths = [ensure_default()]
    imported = imported_index_path()
    if imported.is_file():
        paths.append(imported)
    return Gazetteer(paths)
