"""The extraction pipeline: Document in, Extraction out.

``Pipeline`` holds the spaCy pipeline (injected, or loaded lazily on first
use) and calls each extractor in turn. ``process_batch`` runs it over a stream
and turns a failing article into a Failure record so a batch always goes on.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from eventwire import __version__
from eventwire.errors import EventwireError
from eventwire.extract import entities
from eventwire.extract.parse import parse_document
from eventwire.records import Document, Extraction, Failure

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)

EXTRACTORS = {
    "structure": "structure.rules.v1",
    "entities": entities.VERSION,
}


class Pipeline:
    """Extracts records from Documents. No I/O happens until the first call."""

    def __init__(self, nlp: Language | None = None) -> None:
        self._nlp = nlp

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            from eventwire.nlp import load_pipeline

            self._nlp = load_pipeline()
        return self._nlp

    def versions(self) -> dict[str, str]:
        """Versions of everything that shapes the output, stored with each run."""
        return {"eventwire": __version__, **EXTRACTORS}

    def extract(self, document: Document) -> Extraction:
        parsed = parse_document(document, self.nlp)
        people, organizations = entities.extract_entities(document, parsed)
        return Extraction(
            document=document,
            people=people,
            organizations=organizations,
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
