"""The extraction pipeline: Document in, Extraction out.

``Pipeline`` holds the resources (the spaCy pipeline, the gazetteer), injected
or loaded lazily on first use, and runs the stages in order over a shared
:class:`~eventwire.extract.context.Context`. ``process_batch`` runs it over a
stream and turns a failing article into a Failure record so a batch always
goes on.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from eventwire import __version__
from eventwire.errors import EventwireError
from eventwire.extract import (
    acled,
    agreements,
    counts,
    dates,
    entities,
    events,
    places,
    quotes,
    statements,
)
from eventwire.extract.context import Context
from eventwire.extract.events import casualties
from eventwire.extract.parse import parse_document
from eventwire.records import Document, Extraction, Failure
from eventwire.run.resources import Resources

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)

STRUCTURE_VERSION = "structure.rules.v1"


def extractor_versions() -> dict[str, str]:
    """Versions of everything that shapes the output, stored with each record and run."""
    return {
        "eventwire": __version__,
        "structure": STRUCTURE_VERSION,
        "entities": entities.VERSION,
        "dates": dates.VERSION,
        "places": places.VERSION,
        "quotes": quotes.VERSION,
        "statements": statements.VERSION,
        "counts": counts.VERSION,
        "agreements": agreements.VERSION,
        "events": events.VERSION,
        "casualties": casualties.VERSION,
        "acled": acled.VERSION,
    }


class Pipeline:
    """Extracts records from Documents. No I/O happens until the first call."""

    def __init__(self, nlp: Language | None = None, *, resources: Resources | None = None,
                 gazetteer: Any = None) -> None:
        self.resources = resources or Resources(nlp=nlp, gazetteer=gazetteer)

    @property
    def nlp(self) -> Language:
        return self.resources.nlp

    def versions(self) -> dict[str, str]:
        return extractor_versions()

    def extract(self, document: Document) -> Extraction:
        parsed = parse_document(document, self.nlp, cache=self.resources.parse_cache)
        ctx = Context(document, parsed, self.resources)
        ctx.people, ctx.organizations = entities.extract_entities(
            document, ctx.parsed, gazetteer=self.resources.gazetteer)
        ctx.dates = dates.extract(ctx)
        if ctx.dates.published and not document.published:
            document = dataclasses.replace(document, published=ctx.dates.published.isoformat())
            ctx.document = document
        ctx.places = places.extract(ctx)
        ctx.quotes = quotes.extract(ctx)
        ctx.quotes = statements.extract(ctx)  # each quote's CAMEO statement code
        ctx.counts = counts.extract(ctx)
        ctx.agreements = agreements.extract(ctx)
        # Events are linked to the agreements their sentence names once they are found.
        found_events = agreements.link(ctx, events.extract(ctx), ctx.agreements)
        return Extraction(
            document=document,
            people=ctx.people,
            organizations=ctx.organizations,
            places=ctx.places,
            agreements=ctx.agreements,
            events=found_events,
            quotes=ctx.quotes,
            counts=ctx.counts,
            extractors=self.versions(),
        )


def process_batch(
    items: Iterable[Document | Failure], pipeline: Pipeline
) -> Iterator[Extraction | Failure]:
    """Extract every Document; pass Failures through; never stop on one bad article."""
    for item in items:
        if isinstance(item, Failure):
            yield item
            continue
        try:
            yield pipeline.extract(item)
        except EventwireError as e:
            yield Failure(item.origin, e.code, e.message)
        except Exception as e:  # one article's bug must not kill a batch of thousands
            log.exception("extraction failed on %s", item.origin)
            yield Failure(item.origin, "E900", f"extraction failed: {type(e).__name__}: {e}")
