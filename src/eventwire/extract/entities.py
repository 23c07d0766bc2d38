"""People and organizations (skeleton)."""

from __future__ import annotations

from eventwire.extract.parse import ParsedBlock
from eventwire.records import Document, Organization, Person

VERSION = "entities.rules.v1"


def extract_entities(
    document: Document, parsed: list[ParsedBlock]
) -> tuple[tuple[Person, ...], tuple[Organization, ...]]:
    return (), ()
