"""Reading inputs into :class:`~eventwire.records.Document` records.

``read_inputs`` walks files, folders, corpora and standard input and yields a
Document or a Failure per article; ``make_document`` checks a text and finds
its layout (byline, dateline, title, headings, captions, paragraphs).
"""

from eventwire.ingest.document import make_document
from eventwire.ingest.readers import read_inputs, read_path

__all__ = ["make_document", "read_inputs", "read_path"]
