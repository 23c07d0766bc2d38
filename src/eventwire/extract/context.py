"""What one document's extractors share: the parse, the resources, earlier stages' records.

The pipeline runs the stages in a fixed order (entities, dates, places,
quotes, statements, counts, agreements, events) and fills the context as it goes, so a later stage
reads what an earlier one found (events link places, counts and speakers)
without any stage calling another.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from eventwire.extract.parse import ParsedBlock
from eventwire.records import Agreement, Count, Document, Organization, Person, Place, Quote

if TYPE_CHECKING:
    from eventwire.extract.dates import DocumentDates


@dataclass(slots=True)
class Context:
    document: Document
    parsed: list[ParsedBlock]
    resources: Any  # eventwire.run.resources.Resources: models and indexes, loaded lazily
    people: tuple[Person, ...] = ()
    organizations: tuple[Organization, ...] = ()
    dates: DocumentDates | None = None
    places: tuple[Place, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    quotes: tuple[Quote, ...] = ()
    counts: tuple[Count, ...] = ()
    notes: dict[str, Any] = field(default_factory=dict)  # stage-to-stage extras, by stage name
