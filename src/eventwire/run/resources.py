"""Models and indexes the extractors need, loaded once, lazily, and injectable.

Tests and notebooks pass their own (a small gazetteer, a loaded pipeline);
the CLI lets them load on first use. Nothing is read at construction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language


class Resources:
    def __init__(self, *, nlp: Language | None = None, gazetteer: Any = None) -> None:
        self._nlp = nlp
        self._gazetteer = gazetteer

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            from eventwire.nlp import load_pipeline

            self._nlp = load_pipeline()
        return self._nlp

    @property
    def gazetteer(self) -> Any:
        """The offline GeoNames index (eventwire.resolve.gazetteer), built on first use."""
        if self._gazetteer is None:
            from eventwire.resolve.gazetteer import load_default

            self._gazetteer = load_default()
        return self._gazetteer
