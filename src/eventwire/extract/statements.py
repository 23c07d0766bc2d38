"""CAMEO statement codes on quotes: what kind of public statement each quote is.

A quote is a statement, and CAMEO 1.1b3 codes statements under root 01 ("make public
statement": 010 make statement ... 019 express accord). Statements stay Quote records
(an opinion is not an event); this stage only gives each quote its code
(``Quote.cameo_code``), so a CAMEO user gets them without every "said" becoming an event.

The code is read from the data file ``resolve/data/statement_codes.tsv``:

* the **cue** decides first: "said" 010, "denied" 016, "admitted" 015, "hoped" 013,
  "feared" 012, "agreed that" 019. A cue that is itself an act CAMEO codes under
  another root ("condemned" 111, "urged" 100, "threatened" 130, "praised" 051) gives
  no code: CAMEO codes a statement as 01 only when nothing more specific is reported,
  and the events stage codes the act;
* then the **content**: the words heading what was said (the content's main word, its
  complement after a copula, its object after a light verb such as "express") make a
  plain statement more specific ("said he was
  optimistic" 013, "expressed condolences" 018, "said the government was considering
  sanctions" 014); refusal cues are statements only through them ("declined to
  comment" 011, but "refused to withdraw" gets nothing), and an infinitive after a
  verb of hoping or expecting is the speaker's intent (CAMEO 03), no statement ("hoping
  to win the seat"); a content row naming a cue applies even to a cue that is no
  statement alone ("rejected the allegations" 016);
* a quote with no speaker (no speaker record and no speaker name) gets no code:
  CAMEO needs a source actor; nor does one whose unresolved speaker is a document, a
  figure or a study ("the report said", "the statement said"): its author is the source,
  and the text does not name it there.

017 (symbolic act) is an act, not words: no cue reports one, so it is never emitted.
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.errors import DictionaryError
from eventwire.extract.parse import block_at
from eventwire.extract.quotes.lexicon import cue_entry
from eventwire.extract.quotes.lexicon import lemma as _lemma
from eventwire.resolve.dictionaries import Source, data_file, read_rows

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventwire.extract.context import Context
    from eventwire.extract.parse import ParsedBlock
    from eventwire.records import Quote

VERSION = "statements.rules.v5"
DATA_FILE = "statement_codes.tsv"
_HEADER = ("kind", "word", "code", "cues", "why")
CODES = frozenset(f"01{d}" for d in range(10))
PLAIN = "010"  # make statement: what content rows marked "statement" refine
NONE = "none"  # a cue that is an act coded under another root
BY_CONTENT = "by-content"  # a cue that is a statement only as its content says
# Complements of a copula that say what the statement is: "he was *optimistic*".
_COPULA_DEPS = frozenset({"attr", "acomp", "oprd"})
# Verbs whose object is what is said: "expressed *condolences*", "had grave *concerns*".
# The object of any other verb is no statement ("the war dashed *hopes* of peace").
_LIGHT_VERBS = frozenset({"express", "voice", "offer", "send", "convey", "extend", "have"})
# The head word standing for an infinitive content ("hoping *to* win"): the speaker's own
# intended act, which content rows can mark as no statement.
INFINITIVE = "to"
_ALLOWED = {"cue": f"010-019, {NONE} or {BY_CONTENT}", "content": f"010-019 or {NONE}",
            "speaker": NONE}


@dataclass(frozen=True, slots=True)
class StatementCodes:
    """The statement-code table: cue word -> code, and content words per cue."""

    cues: dict[str, str]  # cue word -> 01x, NONE or BY_CONTENT
    content: dict[str, tuple[str, frozenset[str]]]  # word -> (01x, cue words or {"statement"})
    not_actors: frozenset[str] = frozenset()  # speaker words naming no actor ("report")

    def names_an_actor(self, speaker_name: str) -> bool:
        """Whether an unresolved speaker name can be a CAMEO source ("the report": no)."""
        words = speaker_name.lower().split()
        if not words:
            return False
        last = words[-1]
        return last not in self.not_actors and not (
            last.endswith("s") and last[:-1] in self.not_actors)

    def code(self, cue: str | None, heads: tuple[str, ...]) -> str | None:
        """The code of a quote with this cue word whose content is headed by ``heads``."""
        own = self.cues.get(cue) if cue else None
        if own is None:
            return None
        for word in heads:
            found = self.content.get(word)
            if found is None:
                continue
            code, cues = found
            # A row naming the cue applies to it whatever its own code ("rejected the
            # allegations" is a denial though "reject" alone is no statement).
            if cue in cues or ("statement" in cues and own == PLAIN):
                return None if code == NONE else code
        return None if own in (NONE, BY_CONTENT) else own


def load_codes(source: Source) -> StatementCodes:
    """Read a statement-code table; a bad row raises DictionaryError naming its line."""
    cues: dict[str, str] = {}
    content: dict[str, tuple[str, frozenset[str]]] = {}
    not_actors: dict[str, str] = {}
    for origin, (kind, word, code, cue_list, _why) in read_rows(source, _HEADER):
        if word != word.lower() or not word:
            raise DictionaryError(f"word {word!r} must be a lower-case lemma", origin=origin)
        table, value, allowed = _row(kind, code, cue_list, cues, content, not_actors, origin)
        if code not in allowed or (kind == "content") == (cue_list == "-"):
            raise DictionaryError(f"{kind} {word!r}: code {code!r} must be {_ALLOWED[kind]}, "
                                  "and cues a list of cue words or 'statement' for a content "
                                  "row, '-' otherwise", origin=origin)
        if word in table:
            raise DictionaryError(f"{kind} {word!r} is listed twice", origin=origin)
        table[word] = value
    return StatementCodes(cues, content, frozenset(not_actors))


def _row(kind: str, code: str, cue_list: str, cues: dict[str, str],
         content: dict[str, tuple[str, frozenset[str]]], not_actors: dict[str, str],
         origin: str) -> tuple[dict, object, frozenset[str]]:
    """The table a row of ``kind`` goes to, the value it stores and the codes it allows."""
    if kind == "cue":
        return cues, code, CODES | {NONE, BY_CONTENT}
    if kind == "content":
        return content, (code, frozenset(cue_list.split("|"))), CODES | {NONE}
    if kind == "speaker":
        return not_actors, code, frozenset({NONE})
    raise DictionaryError(f"kind {kind!r} must be cue, content or speaker", origin=origin)


@functools.cache
def statement_codes() -> StatementCodes:
    """The packaged table, read once on first use."""
    return load_codes(data_file(DATA_FILE))


def extract(ctx: Context) -> tuple[Quote, ...]:
    """The context's quotes, each with its CAMEO statement code (or None)."""
    codes = statement_codes()
    return tuple(dataclasses.replace(q, cameo_code=_code(q, ctx.parsed, codes))
                 for q in ctx.quotes)


def _code(quote: Quote, parsed: list[ParsedBlock], codes: StatementCodes) -> str | None:
    if quote.speaker_id is None and (quote.speaker_name is None
                                     or not codes.names_an_actor(quote.speaker_name)):
        return None  # CAMEO codes a statement by its source actor; without one there is none
    if quote.cue is None:
        return None
    found = block_at(parsed, quote.cue.start)
    if found is None:
        return None
    cue = _token_at(found, quote.cue.start, quote.cue.end)
    if cue is None:
        return None
    return codes.code(_cue_word(cue, codes), _content_heads(found, quote.start, quote.end))


def _token_at(pb: ParsedBlock, start: int, end: int) -> Token | None:
    span = pb.doc.char_span(start - pb.offset, end - pb.offset, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _cue_word(token: Token, codes: StatementCodes) -> str | None:
    """The cue's table word: "according to", the verb's lemma and particle, or a noun's."""
    if token.lower_ == "according":
        return "according to"
    entry = cue_entry(token)
    if entry is not None:
        if entry.particle and f"{entry.lemma} {entry.particle}" in codes.cues:
            return f"{entry.lemma} {entry.particle}"
        return entry.lemma
    return _lemma(token)


def _content_heads(pb: ParsedBlock, start: int, end: int) -> tuple[str, ...]:
    """Lemmas of the words heading the content: its main words and their complements.

    A passive main word is left out: its subject underwent the act ("declined to be
    named" is no refusal to name anyone).
    """
    span = pb.doc.char_span(start - pb.offset, end - pb.offset, alignment_mode="expand")
    if span is None:
        return ()
    roots = [t for t in span if t.head.i == t.i or not span.start <= t.head.i < span.end]
    words = []
    for root in roots:
        deps = {c.dep_ for c in root.children}
        if "auxpass" in deps:
            continue
        words.append(_lemma(root))
        if any(c.dep_ == "aux" and c.lower_ == INFINITIVE for c in root.children):
            words.append(INFINITIVE)
        light = _lemma(root) in _LIGHT_VERBS
        words += [_lemma(c) for c in root.children
                  if c.dep_ in _COPULA_DEPS or (light and c.dep_ in ("dobj", "obj"))]
    return tuple(dict.fromkeys(words))
