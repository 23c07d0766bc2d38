"""Coded errors: each says which input failed and why, in words a user can act on.

The code (``E101``...) is stable so that scripts and failure records can key
on it; the message names the input. Library code raises, the CLI prints.
"""

from __future__ import annotations


class EventwireError(Exception):
    """Base of every error eventwire raises on purpose."""

    code = "E000"

    def __init__(self, message: str, *, origin: str | None = None) -> None:
        self.origin = origin
        text = f"{origin}: {message}" if origin else message
        super().__init__(f"[{self.code}] {text}")
        self.message = message


class InputError(EventwireError):
    """An input (file, record, stream) cannot be read as an article."""

    code = "E100"


class EmptyInput(InputError):
    code = "E101"


class BinaryInput(InputError):
    code = "E102"


class DecodeError(InputError):
    code = "E103"


class TooLarge(InputError):
    code = "E104"


class MalformedRecord(InputError):
    code = "E105"


class MissingField(InputError):
    code = "E106"


class UnsupportedInput(InputError):
    code = "E107"


class NotFound(InputError):
    code = "E108"


class NonEnglish(InputError):
    """The text is not English: the pipeline reads English only."""

    code = "E109"


class UnreadableInput(InputError):
    """The operating system refused to read the input (permissions, I/O error)."""

    code = "E110"


class ModelError(EventwireError):
    """The packaged spaCy pipeline is missing or is not the one pinned."""

    code = "E200"


class StoreError(EventwireError):
    """The store cannot be opened, migrated or written."""

    code = "E300"


class StoreSchemaTooNew(StoreError):
    """The store was written by a newer eventwire: upgrading eventwire reads it."""

    code = "E301"


class EvaluationDataMissing(EventwireError):
    code = "E400"


class DictionaryError(EventwireError):
    """A dictionary file is malformed: wrong columns, a bad code, a clashing entry."""

    code = "E500"


class GazetteerError(EventwireError):
    """A gazetteer file is missing, unreadable or not in the GeoNames dump format."""

    code = "E600"
