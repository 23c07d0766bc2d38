"""eventwire: news articles to event data an analyst can trust."""

from eventwire.records import SCHEMA_VERSION, Document, Extraction

__version__ = "0.1.0"

__all__ = ["SCHEMA_VERSION", "Document", "Extraction", "__version__"]
