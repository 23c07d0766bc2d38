"""The JSON Schema of the extraction contract, shipped in the package."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files
from typing import Any


@lru_cache(maxsize=1)
def load_schema() -> dict[str, Any]:
    return json.loads(files(__package__).joinpath("extraction.schema.json").read_text("utf-8"))


def validate(payload: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` unless ``payload`` follows the contract."""
    import jsonschema

    jsonschema.validate(payload, load_schema())
