"""Finding event triggers in a parsed sentence: lexicon rules checked against dependents.

A verb is matched with its particle ("blow up") and its object ("took control of");
a noun with its modifiers ("hunger strike", "the Russian shelling"). Where a verb's
sense was fixed by its object ("held talks", "imposed a curfew"), the object is
*consumed*: it is not coded again as a nominal event of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.extract.events.lexicon import ANY, NONE, Condition, Lexicon, TriggerRule
from eventwire.resolve import actors, dictionaries

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

_OBJ_DEPS = ("dobj", "nsubjpass", "attr", "oprd")
_MOD_DEPS = ("compound", "amod", "nmod", "poss", "nummod")
_SUBJ_DEPS = ("nsubj", "csubj")


@dataclass(frozen=True, slots=True)
class Trigger:
    token: Token
    rule: TriggerRule

    @property
    def verbal(self) -> bool:
        return self.rule.pos != "NOUN"


_NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})


def _pos(tok: Token) -> str | None:
    if tok.tag_ == "VBG" and tok.dep_ in _NOMINAL_DEPS and not any(
            c.dep_ in ("dobj", "aux", "nsubj") for c in tok.children):
        return "NOUN"  # a gerund used as a noun: "the shelling destroyed ..."
    if tok.pos_ in ("VERB", "AUX") and tok.tag_ != "MD":
        return "VERB"
    if tok.pos_ in ("NOUN", "PROPN") and tok.text[:1].islower():
        return "NOUN"
    if tok.pos_ == "ADJ":
        return "ADJ"
    return None


def words(tok: Token) -> tuple[str, str]:
    return tok.lemma_.lower(), tok.lower_


def objects(tok: Token) -> list[Token]:
    """Direct objects and the subject of a passive, with their conjuncts; a passive
    joined to an earlier verb without a subject of its own ("were jailed and later
    released") was done to that verb's subject."""
    found = [c for c in tok.children if c.dep_ in _OBJ_DEPS] or shared_subject(tok)
    return found + [c for f in found for c in f.conjuncts]


def shared_subject(verb: Token) -> list[Token]:
    """"Two journalists entered Syria and were detained by police", "The men imprisoned
    for years were released": a passive verb coordinated with an earlier verb, without a
    subject of its own, was done to that verb's subject."""
    if verb.dep_ != "conj" or verb.head.i == verb.i or verb.head.pos_ not in ("VERB", "AUX"):
        return []
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return []  # "with 23 killed and 40 wounded": a participle list, not a clause
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return []
    return [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]


def _modifiers(tok: Token) -> list[Token]:
    return [c for c in tok.children if c.dep_ in _MOD_DEPS]


def _preps(tok: Token) -> list[Token]:
    own = [c for c in tok.children if c.dep_ in ("prep", "agent", "dative")]
    for obj in objects(tok):
        own.extend(c for c in obj.children if c.dep_ == "prep")
    return own


def _partitives(obj: Token) -> list[Token]:
    """What an object measures or is part of: "tons of food aid", "part of a stronghold",
    "a state of emergency", "$2 million in (or for) aid"; and its compound nouns ("curfew
    order")."""
    out = [c for c in obj.children if c.dep_ == "compound"]
    for prep in obj.children:
        if prep.dep_ == "prep" and (prep.lower_ == "of" or (
                prep.lower_ in ("in", "for") and _amount(obj))):
            out.extend(c for c in prep.children if c.dep_ == "pobj")
    return out


def _amount(tok: Token) -> bool:
    """A sum or a number: "$2 million in aid", "50 tonnes in food"."""
    return tok.tag_ == "CD" or tok.ent_type_ in ("MONEY", "QUANTITY", "CARDINAL")


def _of_objects(tok: Token) -> list[Token]:
    """What a trigger acts on, for its modifiers: its objects and what they measure
    ("10 days of war games"), and a noun's "of" phrase ("the deployment of peacekeeping
    troops")."""
    found = objects(tok)
    found += [p for o in found for p in _partitives(o) if p.dep_ == "pobj"]
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of" and _pos(tok) == "NOUN":
            found.extend(c for c in prep.children if c.dep_ == "pobj")
    return found


def _dependents(tok: Token, dep: str) -> list[Token]:
    if dep == "obj":
        found = objects(tok)
        return found + [p for o in found for p in _partitives(o)]
    if dep == "mod":
        return _modifiers(tok)
    if dep == "objmod":
        return [m for o in _of_objects(tok) for m in _modifiers(o)]
    if dep == "prep":
        return _preps(tok)
    if dep == "subj":
        return [c for c in tok.children if c.dep_ in _SUBJ_DEPS]
    if dep == "comp":
        return [c for c in tok.children if c.dep_ in ("xcomp", "ccomp")]
    if dep == "pobj":  # a gerund after the preposition counts ("against traveling to")
        return [o for p in _preps(tok) for o in p.children if o.dep_ in ("pobj", "pcomp")]
    return [c for c in tok.children if c.dep_ == "prt"]


def _satisfied(tok: Token, cond: Condition) -> bool:
    found = False
    for dep in _dependents(tok, cond.dep):
        lemma, lower = words(dep)
        if ANY in cond.words or lemma in cond.words or lower in cond.words:
            found = True
        elif cond.people and dep.pos_ in ("PROPN", "NOUN") and (
                dep.ent_type_ in ("PERSON", "NORP") or actors.agent_for([lemma]) is not None):
            found = True
        elif cond.money and dep.ent_type_ == "MONEY":
            found = True
        elif cond.place and _place_name(dep):
            found = True
        elif cond.nation and dep.text[:1].isupper() and (
                dictionaries.country_by_word(dep.text)
                or dictionaries.split_compound_adjective(dep.text)):
            found = True
        if found:
            break
    return found != cond.negated


def _place_name(tok: Token) -> bool:
    """A place's proper name ("captured Kandahar", "seized Goma"), or a share of one
    ("half of Zaire", "much of Liberia"); a person's or a body's name is not."""
    if tok.pos_ == "PROPN":
        return tok.ent_type_ in _PLACE_ENTS or bool(dictionaries.country_by_word(tok.text))
    if tok.lower_ in _SHARES:
        return any(_place_name(o) for p in tok.children if p.dep_ == "prep"
                   and p.lower_ == "of" for o in p.children if o.dep_ == "pobj")
    return False


_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
_SHARES = frozenset({"half", "much", "most", "part", "parts", "all", "swathes", "swaths"})


_VERB_ENDINGS = (("ied", "y"), ("ies", "y"), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""),
                 ("es", ""), ("s", ""))


def _stems(word: str) -> tuple[str, ...]:
    """Lemma guesses for an inflected verb the lemmatizer got wrong ("staged" -> "stag"):
    tried after the lemma, so they only add matches."""
    out = []
    for ending, repl in _VERB_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: -len(ending)] + repl
            out.append(stem)
            if repl == "" and len(stem) > 2 and stem[-1] == stem[-2]:
                out.append(stem[:-1])  # "planned" -> "plan"
    return tuple(out)


def verb_in_class(tok: Token, lex: Lexicon, name: str) -> bool:
    """``tok``'s lemma is in the word class, or, for a verb the lemmatizer may have
    misread ("hopes" -> "hop"), one of its stems is."""
    if lex.in_class(tok.lemma_.lower(), name):
        return True
    return tok.pos_ in ("VERB", "AUX") and any(lex.in_class(s, name) for s in _stems(tok.lower_))


def match(tok: Token, lex: Lexicon) -> TriggerRule | None:
    """The first lexicon rule ``tok`` satisfies, or None."""
    pos = _pos(tok)
    if pos is None:
        return None
    particle = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
    lemma, lower = words(tok)
    keys = (lower, lemma) if pos == "NOUN" else (lemma, lower, *_stems(lower))
    for word in dict.fromkeys(keys):
        for rule in lex.rules_for(word, pos):
            if rule.particle and rule.particle != particle:
                continue
            if all(_satisfied(tok, c) for c in rule.conditions):
                return rule
    return None


def find_triggers(sent: SpacySpan, lex: Lexicon) -> list[Trigger]:
    """The triggers of one sentence, verbs first; objects a verb's sense consumed and
    senses that are no event are left out."""
    verbs: list[Trigger] = []
    nouns: list[Trigger] = []
    consumed: set[int] = set()
    for tok in sent:
        rule = match(tok, lex)
        if rule is None:
            continue
        if rule.pos == "NOUN":
            nouns.append(Trigger(tok, rule))
            continue
        if any(c.dep == "obj" and not c.negated for c in rule.conditions):
            consumed.update(o.i for o in objects(tok))
        if rule.plover != NONE:
            verbs.append(Trigger(tok, rule))
    kept = verbs + [t for t in nouns if t.token.i not in consumed and t.rule.plover != NONE]
    return sorted(kept, key=lambda t: t.token.i)
