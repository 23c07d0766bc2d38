"""Clauses of a cue: what it reports, where a content span starts and ends.

Helpers over the dependency parse shared by the quote finder (see
:mod:`eventwire.extract.quotes`): a cue verb's content tokens, the stretch of its
clause, stances in the passive, stances reported inside reported speech.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from eventwire.extract.quotes.lexicon import CueEntry, cue_entry
from eventwire.extract.quotes.speakers import absolute
from eventwire.records import Span

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventwire.extract.parse import ParsedBlock

# "what became known as the buffer zone", "a town called X": names, not views.
_NAMING = frozenset({"know", "call", "name", "dub", "title", "label", "term"})
_OBJECT_DEPS = frozenset({"dobj", "dative", "oprd", "xcomp", "attr", "acomp", "pcomp"})
_OBJECT_PREPS = frozenset({"for", "of", "against", "about", "on"})
_OWN_SUBJECT = frozenset({"nsubj", "nsubjpass", "expl"})
# Verbs whose noun object is what was said ("said the same thing"); the objects of
# other speech verbs are mostly addressees or things ("told his aides", "claimed a
# loss", "added levity"): measured on PolNeAR dev, only "say" gains.
_SAID_OBJECT = frozenset({"say"})
# Not "say" as VB/VBP: "...the funding system, they say, disadvantages..." misparses.
_FINITE_OR_PARTICIPLE = frozenset({"VBD", "VBZ", "VBN", "VBG"})
# What may follow a cue in "as X said ...": "as she noted on Tuesday in a statement".
_BARE_CUE = frozenset({"prt", "advmod", "npadvmod", "punct"})
# "as she said in a statement / at the rally / during the debate"; "talked about X" is
# a topic of its own, and "as Ruiz talked about X, ..." tells when, not what was said.
_WHEN_PREPS = frozenset({"in", "at", "during", "after", "before", "on"})


def content_tokens(verb: Token, entry: CueEntry) -> list[Token] | None:
    """What a cue verb reports, as tokens: its clause, else what it interrupts, else its object.

    * "said (that) the talks failed": the complement clause;
    * "the talks, he said, failed": the clause the cue is inserted in;
    * "stressed the need for talks", "called for a ceasefire", "urged them to stop"
      (cues marked ``object``): the verb's complements after it.
    """
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.lemma_.lower() in _NAMING:
        return None  # "a stream called Miracle Run", "the program, called EB-5": a name
    for child in verb.children:
        if child.dep_ == "ccomp":
            return through_clause(verb, child) if child.i > verb.i else list(child.subtree)
    hung = _clause_on_medium(verb)
    if hung is not None:
        return list(hung.subtree)
    if entry.needs in ("any", "object") and verb.dep_ == "parataxis" and verb.head.i != verb.i:
        return list(verb.head.subtree)
    if as_clause(verb) and not own_content(verb):
        # "As Ruiz pointed out, the plan fails": the clause the as-clause sits in.
        # The full stop after a closing as-clause is no reason to span over it.
        mine = {t.i for t in verb.subtree}
        return [t for t in verb.head.subtree if t.i not in mine
                and not (t.is_punct and t.i > verb.right_edge.i)] or None
    if entry.lemma in _SAID_OBJECT and verb.tag_ in _FINITE_OR_PARTICIPLE:
        # "said the same thing", "has said much about X": what was said, named by a noun.
        said = [c for c in verb.children if c.i > verb.i and c.dep_ == "dobj"
                and c.pos_ != "PRON"]
        if said:
            return through_clause(verb, said[0])
    if entry.needs != "object" or verb.tag_ == "VB":
        # A bare infinitive ("to disclose his returns", "would need to confirm") reports
        # what someone might say, not what was said.
        return None
    parts = [c for c in verb.children if c.i > verb.i and (
        c.dep_ in _OBJECT_DEPS or (c.dep_ == "prep" and c.lower_ in _OBJECT_PREPS)
        or (c.dep_ == "prep" and c.lower_ == entry.particle))]  # "referred to X as Y"
    if not parts:
        return None
    return through_clause(verb, parts[0])


def coordinated_at(verb: Token, pb: ParsedBlock) -> int | None:
    """Where a cue coordinated with an earlier verb begins its statement, if it is one.

    "Ruiz said the plan failed *and warned* that ...", "..., *arguing* that ...": a
    finite conjunct sharing the subject, or a participle hung on the clause, is the
    same speaker's next statement; the offset is its conjunction (or the participle).
    """
    while verb.dep_ == "xcomp" and verb.head.i < verb.i:
        verb = verb.head  # "..., going on to say that": the participle joins the clause
    if verb.head.i == verb.i or verb.head.i > verb.i:
        return None
    cc = [c for c in verb.head.children if c.dep_ == "cc" and c.i < verb.i]
    if (verb.dep_ == "conj" and cc and verb.tag_ in ("VBD", "VBZ")
            and not any(c.dep_ in _OWN_SUBJECT for c in verb.children)):
        # Finite and joined by "and": "to meet officials and stress the need" is one
        # purpose, and "the news received here indicates" a misparse, not two statements.
        first = cc[-1]
    elif verb.dep_ == "advcl" and verb.tag_ == "VBG":
        first = verb
    else:
        return None
    return pb.offset + first.idx


def _clause_on_medium(verb: Token) -> Token | None:
    """'said in a statement that two drones were downed': the parser often hangs the
    that-clause on the medium noun instead of the verb; it is still what was said."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i < verb.i:
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj":
                continue
            for clause in noun.children:
                if (clause.dep_ in ("acl", "relcl", "ccomp") and clause.i > noun.i
                        and any(c.dep_ == "mark" and c.lower_ == "that"
                                for c in clause.children)):
                    return clause
    return None


def through_clause(verb: Token, first: Token) -> list[Token]:
    """From the first complement to the end of the cue's clause.

    What a stance verb reports runs on past its object: "mentioned his remarks
    *as examples of* disrespect", "wants to triple X, grow Y *and create Z*" (the
    parser hangs the tail on the verb). A coordinated clause with a subject of
    its own ("..., and the talks failed") is another statement and stops it.
    """
    tokens: list[Token] = []
    for child in verb.children:
        if child.i < first.i:
            continue
        if child.dep_ == "conj" and any(c.dep_ in _OWN_SUBJECT for c in child.children):
            break
        # "asked them to describe the plan": the request runs on through its infinitive,
        # so the quote is not left as the bare addressee.
        if child.i > first.i and cue_entry(child) and child.dep_ != "xcomp":
            break
        if child.dep_ in ("cc", "punct") and child.i > first.i and _clause_follows(verb, child):
            break
        tokens.extend(child.subtree)
    # "said A and warned B": the conjunction before a cue that stops the clause is no content.
    while tokens and tokens[-1].dep_ in ("cc", "punct") and tokens[-1].head.i == verb.i:
        tokens.pop()
    return tokens


def _clause_follows(verb: Token, at: Token) -> bool:
    """Whether a coordinated clause with its own subject comes right after ``at``."""
    nxt = [c for c in verb.children if c.i > at.i and c.dep_ not in ("cc", "punct")]
    return bool(nxt) and nxt[0].dep_ == "conj" and any(
        c.dep_ in _OWN_SUBJECT for c in nxt[0].children)


def as_clause(verb: Token) -> bool:
    """'as Ruiz noted', 'as police have said': a bare cue in an as-clause of another clause.

    Only a cue with a subject and nothing of its own after it (an adverb or "in a
    statement" at most): "as he welcomed the guests", "as Ruiz talked about the
    plan" (while) and "as promised" report nothing.
    """
    return (verb.dep_ == "advcl" and verb.head.i != verb.i
            and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
            and any(c.dep_ == "nsubj" for c in verb.children)  # "as promised" is no one's
            and all(c.dep_ in _BARE_CUE or c.dep_ == "prep" and c.lower_ in _WHEN_PREPS
                    for c in verb.children if c.i > verb.i))


def own_content(verb: Token) -> bool:
    """Whether a cue governs words of its own (a clause or an object) to report."""
    return any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in verb.children)


def passive_stance(verb: Token) -> bool:
    """'The senator is expected to resign', 'she is widely seen as the favourite'.

    A cue in the passive with an infinitive or "as" complement reports a view of
    its subject held by someone the text does not name (or names after "by").
    """
    if verb.lemma_.lower() in _NAMING:
        return False
    return (any(c.dep_ == "nsubjpass" for c in verb.children)
            and any(c.dep_ == "auxpass" for c in verb.children)
            and any(c.i > verb.i and (c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "as"))
                    for c in verb.children))


def reported_stance(verb: Token) -> bool:
    """'Ruiz said she wants talks': a stance the speaker reports of herself, no second quote.

    A belief verb whose subject is a pronoun, inside what a verb of speech reports,
    is part of that report (the speaker's words), not a new attribution.
    """
    if not any(c.dep_ == "nsubj" and c.pos_ == "PRON" for c in verb.children):
        return False
    node = verb
    for _ in range(4):
        head = node.head
        if head.i == node.i:
            return False
        entry = cue_entry(head)
        if node.dep_ in ("ccomp", "conj") and entry is not None and entry.kind == "speech":
            return True
        node = head
    return False


def in_cue_phrase(noun: Token) -> bool:
    """'said in a statement that ...': the verb is the cue, the noun only its medium."""
    head = noun.head
    return (noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.i != head.i
            and cue_entry(head.head) is not None)


def channel_of(verb: Token, pb: ParsedBlock, text: str) -> str | None:
    """What a speaker told: "told Al Jazeera Net that" -> "Al Jazeera Net"."""
    if verb.lemma_.lower() != "tell":
        return None
    for child in verb.children:
        if child.dep_ in ("dobj", "dative") and child.pos_ == "PROPN":
            tokens = [t for t in child.subtree if not t.is_punct or t.text in "-'’."]
            s, e = absolute(pb, tokens)
            words = text[s:e]
            return words[4:] if words.lower().startswith("the ") else words
    return None


def cue_span(verb: Token, pb: ParsedBlock, text: str) -> Span:
    tokens = [verb, *(c for c in verb.children if c.dep_ == "prt")]
    s, e = absolute(pb, tokens)
    return Span.of(text, s, e)


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading complementizer and edge punctuation or quotation marks."""
    m = re.match(r"[\s,;:\-–—\"“”«»'`]*(?:that\b)?[\s,;:\-–—\"“”«»'`]*", text[start:end])
    if m:
        start += m.end()
    while end > start and text[end - 1] in " \n,;:-–—.\"“”«»'`":
        end -= 1
    return start, end
