"""Matching keys of place names: spellings of one name fold to one key.

News transliterates Arabic, Persian and Turkish names in many ways. Two keys
are kept for every gazetteer name:

* :func:`name_key`: case, accents, apostrophes and ayn/hamza marks, periods and
  hyphens removed ("Ma'arrat an-Nu'man" -> "maarrat an numan");
* :func:`loose_key`: the name key without the Arabic article in any of its
  assimilated forms (al-, el-, an-, ar-, as-, ash-, ad-, at-, az-...), with
  doubled letters single and common vowel spellings merged ("ou" -> "u",
  "ee" -> "i"), so "Ma'rat al-Numan", "Maarat al-Numan" and "Ma'arrat
  an-Nu'man" meet at "marat numan".

The loose key is only consulted when the name key finds nothing, and the
resolver scores loose matches lower.
"""

from __future__ import annotations

import functools
import re
import unicodedata

_MARKS = str.maketrans({c: "" for c in "'’‘ʼʻʿʾ`´ˈ\"“”"} | {
    ".": "", ",": "",
    "-": " ", "‐": " ", "‑": " ", "–": " ", "—": " ", "/": " ",
    "ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "ß": "ss", "æ": "ae",
    "œ": "oe",
})
# The Arabic article and its sun-letter assimilations, as a separate word after folding.
_ARTICLE = re.compile(r"\b(?:al|el|ul|an|ar|as|ash|ad|adh|at|ath|az|ad|ed|es|er|en|et)\s+(?=\w)")
_DOUBLE = re.compile(r"(\w)\1+")
_VOWELS = (("ou", "u"), ("oo", "u"), ("ee", "i"), ("ei", "i"), ("iy", "i"), ("aa", "a"))
# A lone final "h" after a vowel is a spelling of ta marbuta: "Hamah" = "Hama".
_FINAL_H = re.compile(r"(?<=[aeiou])h\b")


@functools.lru_cache(maxsize=262144)
def name_key(text: str) -> str:
    """The exact matching key: no case, accents, apostrophes or punctuation noise."""
    if text.isascii():
        bare = text
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().translate(_MARKS).split())


@functools.lru_cache(maxsize=262144)
def loose_key(text: str) -> str:
    """The transliteration-tolerant key (see the module doc)."""
    key = name_key(text)
    key = _ARTICLE.sub("", key)
    for a, b in _VOWELS:
        key = key.replace(a, b)
    key = _DOUBLE.sub(r"\1", key)
    key = _FINAL_H.sub("", key)
    return key


def is_latin(text: str) -> bool:
    """True when every letter of ``text`` folds to a Latin letter (a name news would print)."""
    key = name_key(text)
    return key.isascii() and any(c.isalpha() for c in key)
