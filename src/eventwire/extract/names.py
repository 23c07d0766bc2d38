"""Comparing personal and organization names as news copy writes them.

Transliterated names vary in hyphens, particles and case ("Samir Al Khatib",
"Al-Khatib"), and machine translation misspells them ("Rahmuni" for "Rahmouni").
Keys drop what varies; matching allows a short form and, for a lone surname,
one slipped letter.
"""

from __future__ import annotations

import functools
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


# US Census 1990 name frequencies, shipped by the pinned ``names`` package: a name this
# common is a person's as often as a town's ("Madison", "Keller"), so it is not taken for
# a place without the text saying so. Ranks cut the long tail, which holds town names too.
_GIVEN_RANK = {"dist.male.first": 1219, "dist.female.first": 2000}
_SURNAME_RANK = 10000


@functools.cache
def _census(file: str, max_rank: int) -> frozenset[str]:
    from importlib.resources import files

    text = files("names").joinpath(file).read_text(encoding="ascii")
    found = set()
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 4 and int(parts[3]) <= max_rank:
            found.add(parts[0].casefold())
    return frozenset(found)


def is_given_name(word: str) -> bool:
    """A common given name in the US Census lists ("Mark", "Sharon")."""
    key = fold(word)
    return any(key in _census(f, rank) for f, rank in _GIVEN_RANK.items())


def is_common_surname(word: str) -> bool:
    """One of the commonest US surnames ("Keller", "Peters")."""
    return fold(word) in _census("dist.all.last", _SURNAME_RANK)
