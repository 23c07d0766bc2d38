"""Models and indexes the extractors need, loaded once, lazily, and injectable.

Tests and notebooks pass their own (a small gazetteer, a loaded pipeline);
the CLI lets them load on first use. Nothing is read at construction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language

    from eventwire.extract.parse import ParseCache


class Resources:
    def __init__(self, *, nlp: Language | None = None, gazetteer: Any = None,
                 parse_cache: ParseCache | None = None) -> None:
        self._nlp = nlp
        self._gazetteer = gazetteer
        # Only evaluation and benchmarks turn this on: re-reading the same gold text is common
        # there, while a user's articles are parsed once.
        self.parse_cache = parse_cache

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


def default_parse_cache() -> ParseCache:
    """The parse cache in eventwire's cache directory, keyed by the pinned model and spaCy."""
    import spacy

    from eventwire.extract.parse import ParseCache
    from eventwire.nlp.model import MODEL_DIGEST, MODEL_PACKAGE, MODEL_VERSION
    from eventwire.resolve.gazetteer import cache_dir

    key = f"{MODEL_PACKAGE}-{MODEL_VERSION}-{MODEL_DIGEST[:16]}-spacy{spacy.__version__}"
    return ParseCache(cache_dir() / f"parses-{key}.sqlite", key)
