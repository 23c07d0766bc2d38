"""Settings: one declared list, with defaults and help, gathered once.

Every knob a user can turn lives here (and is listed by ``eventwire info``),
so that a run can record the exact configuration it used.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

DEFAULT_MAX_CHARS = 5_000_000


def default_home() -> Path:
    """Where eventwire keeps its store: $EVENTWIRE_HOME, else the XDG data dir."""
    if home := os.environ.get("EVENTWIRE_HOME"):
        return Path(home)
    xdg = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(xdg) / "eventwire"


@dataclass(frozen=True, slots=True)
class FieldMap:
    """Which fields of a JSONL/CSV record hold what (corpora name them differently)."""

    id: str = "id"
    title: str = "title"
    text: str = "text"
    date: str = "date"
    source: str = "source"
    url: str = "url"

    @classmethod
    def parse(cls, specs: list[str] | None) -> FieldMap:
        """Build from ``name=column`` pairs, e.g. ``["text=body", "date=published_at"]``."""
        if not specs:
            return cls()
        changes: dict[str, str] = {}
        for spec in specs:
            key, sep, value = spec.partition("=")
            if not sep or key not in cls.__dataclass_fields__ or not value:
                raise ValueError(
                    f"field mapping {spec!r} must be NAME=COLUMN with NAME one of "
                    f"{', '.join(cls.__dataclass_fields__)}"
                )
            changes[key] = value
        return replace(cls(), **changes)


SETTINGS_HELP: dict[str, str] = {
    "max_chars": "largest article accepted, in characters of text (bigger inputs are refused)",
    "fields": "field names of JSONL/CSV corpora: id, title, text, date, source, url",
    "db_path": "the DuckDB file of the embedded store",
}


@dataclass(frozen=True, slots=True)
class Settings:
    max_chars: int = DEFAULT_MAX_CHARS
    fields: FieldMap = field(default_factory=FieldMap)
    db_path: Path = field(default_factory=lambda: default_home() / "eventwire.duckdb")

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["db_path"] = str(self.db_path)
        return out
