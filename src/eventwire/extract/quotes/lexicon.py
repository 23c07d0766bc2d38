"""The cue lexicon: verbs of saying and believing, read from ``resolve/data/speech_verbs.tsv``.

Nothing is read at import; the table is loaded once, on first use, and cached.
A malformed row raises :class:`~eventwire.errors.DictionaryError` naming its line.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

from eventwire.errors import DictionaryError

if TYPE_CHECKING:
    from spacy.tokens import Token

LEXICON = "speech_verbs.tsv"
_KINDS = frozenset({"speech", "belief", "evidence"})
_NEEDS = frozenset({"ccomp", "quote", "any", "object", "raising"})
# Forms the pinned model lemmatizes wrongly ("hoping" -> "hop").
_LEMMA_FIXES = {"hoping": "hope", "hoped": "hope"}


@dataclass(frozen=True, slots=True)
class CueEntry:
    """One row of the cue lexicon (see ``data/speech_verbs.tsv``)."""

    lemma: str
    particle: str
    kind: str
    needs: str


def load_lexicon(text: str, origin: str = LEXICON) -> dict[tuple[str, str], CueEntry]:
    """Parse the cue lexicon; a malformed row raises DictionaryError naming its line."""
    out: dict[tuple[str, str], CueEntry] = {}
    header_seen = False
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        where = f"{origin}, line {lineno}"
        if not header_seen:
            if fields != ["cue", "kind", "needs"]:
                raise DictionaryError(f"expected header cue/kind/needs, got {fields}",
                                      origin=where)
            header_seen = True
            continue
        out.update([_lexicon_row(fields, where)])
    return out


def _lexicon_row(fields: list[str], where: str) -> tuple[tuple[str, str], CueEntry]:
    if len(fields) != 3:
        raise DictionaryError(f"expected 3 columns, got {len(fields)}", origin=where)
    cue, kind, needs = fields
    words = cue.split()
    if not 1 <= len(words) <= 2 or cue != cue.lower():
        raise DictionaryError(f"cue {cue!r} must be a lower-case lemma and particle",
                              origin=where)
    if kind not in _KINDS or needs not in _NEEDS:
        raise DictionaryError(f"bad kind {kind!r} or needs {needs!r}", origin=where)
    particle = words[1] if len(words) == 2 else ""
    return (words[0], particle), CueEntry(words[0], particle, kind, needs)


@functools.cache
def lexicon() -> dict[tuple[str, str], CueEntry]:
    """The packaged cue lexicon, read once on first use."""
    source = resources.files("eventwire.resolve").joinpath("data", LEXICON)
    return load_lexicon(source.read_text(encoding="utf-8"))


def lemma(token: Token) -> str:
    """The token's lower-case lemma, with the pinned model's known slips mended."""
    return _LEMMA_FIXES.get(token.lower_, token.lemma_.lower())


def cue_entry(verb: Token) -> CueEntry | None:
    """The lexicon entry a verb token is an instance of ("pointed out" -> point out)."""
    if verb.pos_ not in ("VERB", "AUX") and verb.tag_ not in ("VBD", "VBZ", "VBP", "VBG", "VBN"):
        return None
    table = lexicon()
    word = lemma(verb)
    for child in verb.children:
        if child.dep_ in ("prt", "prep") and (word, child.lower_) in table:
            return table[(word, child.lower_)]
    return table.get((word, ""))
