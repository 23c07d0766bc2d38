"""An event's status, read from the words that govern its trigger.

Walking up from the trigger through the clauses and phrases that embed it:

* ``negated``: "not", "never" on the trigger, or a governing "failed to", "refused to",
  "did not succeed in";
* ``demanded``: governed by a demand ("called for an end to the attacks", "stressed the
  need to stop", "must withdraw");
* ``future``: "will", "shall", "going to", a governing plan or intention ("plans to meet",
  "agreed to visit"), a schedule ("is scheduled to attend", "is due to visit", "is expected
  to meet"), a modifier such as "upcoming", or "in the coming days";
* ``hypothetical``: "would", "could", "may", "if", "unless";
* ``belief``: governed by a verb of opinion ("believes that Turkey contributed");
* ``historical``: "previous", "former", "past" on a nominal trigger, the past perfect
  (unless a denial or a belief governs it: "denied that it had attacked" is negated), or a
  participle of control on a noun ("territory held by the rebels", "areas occupied by X"):
  a standing state, not an act of the day.

Otherwise the event is ``asserted``. Reported speech ("said that", "told ... that") keeps
the status of what is reported: an official reporting a fact reports an event.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.extract.events.lexicon import Lexicon
from eventwire.extract.events.triggers import verb_in_class

if TYPE_CHECKING:
    from spacy.tokens import Token

ASSERTED, NEGATED, DEMANDED = "asserted", "negated", "demanded"
FUTURE, HYPOTHETICAL, BELIEF, HISTORICAL = "future", "hypothetical", "belief", "historical"
STATUSES = (ASSERTED, NEGATED, DEMANDED, FUTURE, HYPOTHETICAL, BELIEF, HISTORICAL)

_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
_HYPO_AUX = frozenset({"would", "could", "might", "may", "should", "can", "'d"})
_NEG = frozenset({"not", "n't", "never", "no"})
_EMBEDDING = frozenset({"xcomp", "ccomp", "pcomp", "pobj", "prep", "dobj", "acl", "advcl",
                        "relcl", "conj", "nsubjpass", "attr", "appos", "nmod", "compound",
                        "oprd", "agent"})
_FUTURE_TIME = ("coming days", "coming weeks", "coming months", "next week", "next month",
                "next year", "tomorrow", "later this week", "later this month")
_MAX_STEPS = 6
# Verbs of control that, as a participle on a noun, describe who holds a place, not an act.
_HOLDING_VERBS = frozenset({"hold", "control", "occupy", "besiege", "govern", "rule", "run",
                            "dominate", "administer"})


def _aux_words(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" or (c.lower_ in _NEG and c.dep_ in ("det", "advmod"))
               for c in tok.children)


def _own_status(tok: Token, lex: Lexicon) -> str | None:
    """Status marked on the token itself (its auxiliaries, negation and modifiers)."""
    aux = _aux_words(tok)
    if _negated(tok):
        return NEGATED
    if aux & _FUTURE_AUX or ("going" in aux and "to" in aux):
        return FUTURE
    if aux & _HYPO_AUX or {"must"} & aux:
        return DEMANDED if "must" in aux or "should" in aux else HYPOTHETICAL
    if "had" in aux and tok.tag_ == "VBN":
        return HISTORICAL
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and not aux \
            and tok.lemma_.lower() in _HOLDING_VERBS:
        return HISTORICAL  # "territory held by the rebels": a standing state, not news
    mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("amod", "compound", "nmod")}
    if any(lex.in_class(m, "pastmod") for m in mods):
        return HISTORICAL
    if any(lex.in_class(m, "futuremod") for m in mods):
        return FUTURE
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in tok.children):
        return HYPOTHETICAL
    return None


def _governing_status(head: Token, lex: Lexicon) -> str | None:
    """Status an embedding word gives to what it governs."""
    if verb_in_class(head, lex, "negator"):
        return NEGATED
    if verb_in_class(head, lex, "failverb") and _negated(head):
        return NEGATED
    if verb_in_class(head, lex, "demandhead"):
        return DEMANDED
    if verb_in_class(head, lex, "beliefhead"):
        return BELIEF
    if verb_in_class(head, lex, "futurehead"):
        return FUTURE
    return None


def status_of(trigger: Token, lex: Lexicon) -> str:
    """The status of the event whose trigger is ``trigger`` (see the module doc)."""
    return _decide(trigger, lex)[0]


def future_cue(trigger: Token, lex: Lexicon) -> Token | None:
    """The governing word that makes the event future ("plans" in "plans to meet",
    "scheduled" in "is scheduled to attend"), or None when the event is not future or
    its own words make it so ("will meet", "the upcoming visit", "in the coming days")."""
    status, cue = _decide(trigger, lex)
    return cue if status == FUTURE else None


def _decide(trigger: Token, lex: Lexicon) -> tuple[str, Token | None]:
    """The status, and the governing word that decided it (None if none did)."""
    own = _own_status(trigger, lex)
    if own == HISTORICAL:
        # The past perfect is background, unless someone denies or doubts it.
        status, head = _governed(trigger, lex)
        if head is not None and status in (NEGATED, BELIEF):
            return status, head
        return HISTORICAL, None
    if own is not None:
        return own, None
    status, head = _governed(trigger, lex)
    if status is not None:
        return status, head
    return (FUTURE if _future_time(trigger) else ASSERTED), None


def _governed(trigger: Token, lex: Lexicon) -> tuple[str | None, Token | None]:
    """The status the clauses and phrases embedding the trigger give it, and the
    governing word that gave it (None for a governing verb's own auxiliary)."""
    tok = trigger
    for _ in range(_MAX_STEPS):
        if tok.dep_ not in _EMBEDDING or tok.head.i == tok.i:
            break
        head = tok.head
        if tok.dep_ == "dobj" and lex.in_class(head.lemma_.lower(), "presupposer"):
            return ASSERTED, None
        if tok.dep_ != "conj":
            governing = _governing_status(head, lex)
            if governing is not None:
                return governing, head
        if tok.dep_ == "ccomp" and lex.in_class(head.lemma_.lower(), "reportverb"):
            break  # reported speech keeps the status of what is reported
        own = _own_status(head, lex) if head.pos_ in ("VERB", "AUX") else None
        if own is not None and own != HISTORICAL:
            return own, None
        tok = head
    return None, None


def _future_time(trigger: Token) -> bool:
    """A future time expression in the trigger's clause ("in the coming days")."""
    clause = trigger
    while (clause.dep_ not in ("ROOT", "ccomp", "advcl", "relcl")
           and clause.head.i != clause.i):
        clause = clause.head
    text = " ".join(t.lower_ for t in clause.subtree)
    return any(p in text for p in _FUTURE_TIME)
