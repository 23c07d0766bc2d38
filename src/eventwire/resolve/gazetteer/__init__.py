"""The offline GeoNames gazetteer (stub; the geoparser issue fills it)."""

from __future__ import annotations

from typing import Any


def load_default() -> Any:
    """The default gazetteer index; None until the geoparser lands."""
    return None
