"""Comparing personal and organization names as news copy writes them.

Transliterated names vary in hyphens, particles and case ("Samir Al Khatib",
"Al-Khatib"), and machine translation misspells them ("Rahmuni" for "Rahmouni").
Keys drop what varies; matching allows a short form and, for a lone surname,
one slipped letter.
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz.distance import Levenshtein

# Particles that may be written, dropped or joined by a hyphen without changing who is meant.
PARTICLES = frozenset(
    "al el ad an ar as at az ash bin ibn bint abu de del der di da du van von la le".split()
)
_SEPARATORS = re.compile(r"[-‐‑–—'’`ʿʾ.\s]+")
_QUOTES = "\"“”«»'‘’"


def fold(text: str) -> str:
    """Case-folded, accent-free, with separators turned to single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SEPARATORS.sub(" ", plain.casefold()).strip()


def name_tokens(text: str) -> tuple[str, ...]:
    """The folded words of a name without particles: "Al-Khatib" -> ("khatib",)."""
    words = fold(text).split()
    kept = tuple(w for w in words if w not in PARTICLES)
    return kept or tuple(words)


def org_key(text: str) -> str:
    """A comparison key for organization names: no leading article, no quotes, folded."""
    text = text.strip(_QUOTES + " ")
    if text.lower().startswith("the "):
        text = text[4:]
    return fold(text)


def is_short_form(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """True when ``short`` names the same person as ``full`` ("Abu Salem" of "Karim Abu Salem").

    The short form must keep the last name: "Ahmed" alone is too weak to merge.
    """
    if not short or not full or len(short) > len(full) or short == full:
        return False
    return short[-1] == full[-1] and set(short) <= set(full)


def is_misspelling(single: str, surname: str) -> bool:
    """One slipped letter in a surname of five or more letters, same first letter."""
    if len(single) < 5 or len(surname) < 5 or single[0] != surname[0] or single == surname:
        return False
    return Levenshtein.distance(single, surname) <= 1
