"""The gazetteer's coded error.

It belongs in :mod:`eventwire.errors` with the rest of the catalogue; it lives
here until that module gains it (the code, E600, is reserved for it).
"""

from __future__ import annotations

from eventwire.errors import EventwireError


class GazetteerError(EventwireError):
    """A gazetteer file is missing, unreadable or not in the GeoNames dump format."""

    code = "E600"
