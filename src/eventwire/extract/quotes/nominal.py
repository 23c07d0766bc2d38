"""Nominal cues: a noun of saying or believing with its content clause.

News reports much speech as a noun: "his claim *that the vote was rigged*", "the
ministry's warning *that prices would rise*", "the accusation by Ana Ruiz *that
...*". The noun is the cue, the that-clause it governs the content, and the
source is its possessor ("his", "the ministry's"), the agent after "by" or
"from", or the subject of the verb that issues it ("Ruiz repeated the claim that
..."). A noun without a that-clause ("the claim was false") reports nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

# Nouns of statements and stances that take a content clause ("the claim that ...").
NOUNS = frozenset(
    "claim assertion allegation argument belief suggestion warning promise pledge vow "
    "insistence accusation charge contention statement comment remark complaint admission "
    "acknowledgment acknowledgement prediction assurance message announcement threat "
    "declaration denial boast hope fear concern worry expectation conviction view "
    "assessment conclusion finding estimate report testimony".split())
# Verbs by which a speaker issues the noun: "X made the claim that", "X repeated his warning".
_ISSUING = frozenset("make repeat issue release offer voice express renew reiterate "
                     "put deliver give send post publish".split())


def content_clause(noun: Token) -> Token | None:
    """The that-clause a cue noun governs, if any."""
    for child in noun.children:
        if child.dep_ in ("acl", "ccomp", "relcl") and child.i > noun.i and any(
                c.dep_ == "mark" and c.lower_ == "that" for c in child.children):
            return child
    return None


def nominal_source(noun: Token) -> Token | None:
    """Who the noun's statement is from: possessor, "by"/"from" agent, or issuer."""
    for child in noun.children:
        # "his claim"; and a verb the tagger took for a noun ("Ruiz claims that") keeps
        # its subject; "the Ruiz claim that" names its source as a compound.
        if child.dep_ in ("poss", "nsubj") or (child.dep_ == "compound" and child.i == noun.i - 1
                                               and child.pos_ in ("PROPN", "NOUN")
                                               and child.text[:1].isupper()):
            return child
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_.lower() in _ISSUING:
        return next((c for c in head.children if c.dep_ in ("nsubj",)), None)
    return None


def is_cue_noun(token: Token) -> bool:
    return token.pos_ == "NOUN" and token.lemma_.lower() in NOUNS
