"""``eventwire gazetteer``: (stub; the geoparser issue fills it)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    pass
