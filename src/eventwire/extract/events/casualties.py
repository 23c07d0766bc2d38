"""Violent events reported without a doer the lexicon coder can name.

Most conflict news reports violence by its victims and its means: "a car bomb
killed six people", "at least 12 fighters were killed in clashes", "four died in an
air strike". The lexicon coder (:mod:`eventwire.extract.events`) needs a source that
resolves; this module codes such reports with an unidentified source.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from eventwire.extract.context import Context
    from eventwire.records import Event

__all__ = ["VERSION", "extract"]

VERSION = "casualties.rules.v0"


def extract(ctx: Context, coded: Sequence[Event]) -> list[Event]:
    """Events the lexicon coder left out (``coded`` is what it found); none yet."""
    return []
