"""How a prediction is compared with a gold item: names, roles, distances, cues.

Comparisons are deliberately forgiving about spelling that carries no meaning
(case, accents, hyphens, apostrophes, spacing: ``Al-Hayek`` is ``Al Hayek``)
and strict about everything else.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable

_NON_WORD = re.compile(r"[\W_]+")
EARTH_RADIUS_KM = 6371.0088


def normalize(text: str) -> str:
    """Casefolded words without accents or punctuation.

    ``Ma'arrat  al-Nu'man`` becomes ``ma arrat al nu man``.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_NON_WORD.sub(" ", bare.casefold()).split())


def names_of(*groups: Iterable[str | None]) -> frozenset[str]:
    """The normalized, non-empty names among ``groups``."""
    return frozenset(n for g in groups for x in g if x and (n := normalize(x)))


def contains_words(haystack: str, needle: str) -> bool:
    """Whether ``needle`` occurs in ``haystack`` as whole words, after normalizing both."""
    h, n = f" {normalize(haystack)} ", f" {normalize(needle)} "
    return n.strip() != "" and n in h


def role_matches(role: str | None, accepted: Iterable[str]) -> bool:
    """A role matches when it is, or ends with, an accepted role.

    Qualifiers before the head noun are tolerated (``Turkish journalist``
    is a ``journalist``); anything after it is not (``analyst adviser``).
    """
    if not role:
        return False
    r = f" {normalize(role)}"
    return any(r.endswith(f" {normalize(a)}") for a in accepted if normalize(a))


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, a)))


def within_km(lat: float | None, lon: float | None, point: tuple[float, float],
              km: float) -> bool:
    """Whether a resolved point lies within ``km`` of ``point``; unresolved never does."""
    if lat is None or lon is None:
        return False
    return haversine_km(lat, lon, point[0], point[1]) <= km

