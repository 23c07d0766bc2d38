"""A cheap English check: eventwire's pipeline is English-only, so say so early.

Counting common English function words is enough to tell English from other
languages at article length, and needs no model. Upper-case wire copy is
folded first.
"""

from __future__ import annotations

import re

from eventwire.errors import NonEnglish

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_FUNCTION_WORDS = frozenset(
    "the of and to in a is that for on with as was by it at from he she they his her "
    "their be are were has have had an or but not this which said will would its who "
    "been after over into than also more about".split()
)
MIN_WORDS = 25
MIN_RATIO = 0.10


def guess_language(text: str, *, origin: str | None = None) -> str:
    """Return ``"en"``; raise :class:`NonEnglish` when the text is clearly not English.

    Texts too short to judge are taken as English.
    """
    words = _WORD.findall(text[:20000].lower())
    if len(words) < MIN_WORDS:
        return "en"
    ratio = sum(w in _FUNCTION_WORDS for w in words) / len(words)
    if ratio < MIN_RATIO:
        raise NonEnglish(
            f"does not look like English ({ratio:.0%} common English words in "
            f"{len(words)}); eventwire's pipeline reads English only",
            origin=origin,
        )
    return "en"
