"""Who did it and to whom: the source and target noun phrases of a trigger.

Verbs: the subject is the source (the "by" agent of a passive), the object or a
"against/on/at/with/to" phrase the target; a verb without a subject of its own takes
the subject of the verb it completes ("agreed to lift": who agreed lifts) or shares
("arrested ... and deported").

Nouns: a possessor, a nationality or a "by" phrase is the source ("Russia's attacks",
"the Russian shelling", "shelling by the regime"); "of" names the source of nouns of
intransitive verbs ("the advance of the regime forces", "the meeting of X and Y") and
the target of the others. A noun that is the object of a light verb ("launched an
attack", "continue their attacks") or the purpose of a verb of going ("arrived for
talks") takes that verb's subject. A capital before a noun is the venue ("the Geneva
talks"), not a party. Whoever is engaged in a fight with another side ("were locked in
fighting with rebels") is a party to it.

A past participle without "have" is passive ("the convoy attacked by gunmen", "with 23
people killed"): its subject is the target; a passive without a "by" agent has no
source; a passive coordinated with an earlier verb ("entered Syria and were detained")
was done to that verb's subject. With a verb of receiving ("received arms from"), the
"from" phrase is the source and the subject the target.

A document that acts ("a report released by Amnesty accused ...") stands for whoever
issued it: the "by" agent of the participle that put it out, or the capital it was
issued in ("a statement issued in Tehran"), a metonym of that government. A weapon
named as the doer stands for whoever used it ("a missile fired by rebels").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.extract.events.lexicon import Lexicon
from eventwire.extract.events.triggers import shared_subject
from eventwire.resolve import actors, dictionaries

if TYPE_CHECKING:
    from spacy.tokens import Token

_TARGET_PREPS = frozenset({"against", "on", "at", "with", "to", "upon", "toward", "towards",
                           "into", "between"})
_SOURCE_OF_NOUNS = frozenset({
    "advance", "advancement", "meeting", "talks", "talk", "visit", "summit", "protest",
    "demonstration", "withdrawal", "offensive", "negotiation", "consultation", "retreat",
    "mobilization", "deployment", "buildup", "strike", "rally", "riot", "demand", "call",
    "threat", "support", "aid", "mediation", "refusal", "rejection", "condemnation",
    "criticism", "coordination", "fighting", "agreement", "accord", "ceasefire", "truce",
})
_PLURAL_SOURCE_PREPS = frozenset({"between", "among"})
_MAX_CLIMB = 4


@dataclass(frozen=True, slots=True)
class Arguments:
    sources: tuple[Token, ...]
    targets: tuple[Token, ...]


def _children(tok: Token, deps: tuple[str, ...]) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _pobjs(tok: Token, preps: frozenset[str]) -> list[Token]:
    out = []
    for prep in tok.children:
        if prep.dep_ in ("prep", "agent", "dative") and prep.lower_ in preps:
            out.extend(c for c in prep.children if c.dep_ == "pobj")
    return out


def _subject(verb: Token, lex: Lexicon) -> list[Token]:
    """The subject of ``verb``, or of the verb it completes or shares its subject with."""
    tok = verb
    for _ in range(_MAX_CLIMB):
        agents = _pobjs(tok, frozenset({"by"})) if _passive(tok) else []
        if agents:
            return agents
        if tok.i == verb.i and _passive(tok):
            if tok.lemma_.lower() in _STATIVE:  # "Vietnam is committed to": a state of mind
                return _children(tok, ("nsubjpass",))
            return []  # "having been charged": whoever the clause is about was its patient
        subj = _children(tok, ("nsubj", "csubj", "expl"))
        if subj and not _passive(tok):
            return _speaker_for_pronoun(tok, subj)
        if tok.dep_ == "relcl" and not _passive(tok):
            return [tok.head]
        if tok.dep_ == "acl" and tok.tag_ == "VBG":
            if (lex.in_class(tok.head.lemma_.lower(), "documentnoun")
                    and tok.head.dep_ in ("dobj", "nsubjpass") and tok.head.head.i != tok.head.i):
                tok = tok.head.head  # "issued a statement condemning": who issued it
                continue
            return [tok.head]
        if tok.dep_ not in ("xcomp", "conj", "advcl", "acomp") or tok.head.i == tok.i:
            return []
        tok = tok.head
    return []


def _speaker_for_pronoun(clause: Token, subj: list[Token]) -> list[Token]:
    """"Syria says it will not accept": a pronoun subject of a reported clause is the
    speaker."""
    if not all(s.lower_ in ("it", "they", "he", "she", "we") for s in subj):
        return subj
    if clause.dep_ == "ccomp" and clause.head.i != clause.i:
        speaker = [c for c in clause.head.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
        if speaker:
            return speaker
    return subj


def _passive(verb: Token) -> bool:
    """A passive verb, or a past participle modifying a noun ("the convoy attacked by
    gunmen", "the rebel-held town captured by the army")."""
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod"):
        return True
    if verb.tag_ == "VBN" and verb.dep_ in ("ROOT", "conj", "ccomp", "pcomp") and not any(
            c.dep_ in ("aux", "auxpass", "dobj", "ccomp", "xcomp") for c in verb.children):
        return True  # "with 23 people killed": a participle without "have" or object is passive
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def verb_arguments(verb: Token, lex: Lexicon) -> Arguments:
    """Source and target of a verbal (or predicative adjective) trigger."""
    if verb.pos_ == "ADJ" and verb.dep_ in ("acomp", "amod") and verb.head.i != verb.i:
        sources = _subject(verb.head, lex)
    else:
        sources = _subject(verb, lex) or _authority_of_place(verb)
        sources = [i for s in sources for i in (_issuer(s, lex) or _wielder(s, lex) or [s])]
    if lex.in_class(verb.lemma_.lower(), "recipientverb") and not _passive(verb):
        givers = _pobjs(verb, frozenset({"from"}))
        if givers:  # "rebels received arms from the government": the government gave
            return Arguments(tuple(givers), tuple(sources))
    if _passive(verb) and verb.lemma_.lower() in _STATIVE:
        targets = []  # "is committed to": the subject is the one committed
    elif _passive(verb):
        targets = _children(verb, ("nsubjpass",))
        if not targets and verb.dep_ in ("acl", "amod") and verb.head.i != verb.i:
            targets = [verb.head]
        if not targets:
            targets = shared_subject(verb)
    else:
        targets = _destination(verb, lex) or [
            o for o in _children(verb, ("dobj", "dative")) if _actor_like(o)]
        if not targets:
            targets = _pobjs(verb, _TARGET_PREPS)
    return Arguments(tuple(sources), tuple(targets))


def _destination(verb: Token, lex: Lexicon) -> list[Token]:
    """"advised its citizens against travel to Tunisia": a travel warning is aimed at the
    country travel to is advised against, not at the travellers warned."""
    out = []
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "against":
            for trip in prep.children:
                if trip.dep_ in ("pobj", "pcomp") and lex.in_class(trip.lemma_.lower(),
                                                                  "travelnoun"):
                    out.extend(_pobjs(trip, frozenset({"to"})))
    return out


# Verbs that put a document out: "a report released by Amnesty", "a statement issued in".
_ISSUE_VERBS = frozenset({"issue", "release", "publish", "circulate", "distribute", "unveil"})


def _issuer(document: Token, lex: Lexicon) -> list[Token]:
    """Who put out a document that acts ("a report released by Amnesty alleged"): the
    "by" agent of the participle that issued it, or the capital it was issued in ("a
    statement issued in Tehran", "released in the Rwandan capital"), which stands for
    its government as in "Tehran said". None for a document without such a participle."""
    if not lex.in_class(document.lemma_.lower(), "documentnoun"):
        return []
    for issued in document.children:
        if issued.dep_ != "acl" or issued.lemma_.lower() not in _ISSUE_VERBS:
            continue
        agents = _pobjs(issued, frozenset({"by"}))
        if agents:
            return agents
        seats = [p for p in _pobjs(issued, frozenset({"in"})) if _seat_of_power(p)]
        if seats:
            return seats
    return []


_WEAPON_CLASSES = ("heavyweapon", "bomb", "firearm", "aircraft")


def _wielder(weapon: Token, lex: Lexicon) -> list[Token]:
    """Who used the weapon that did it: "blown up by a missile fired by rebels", "killed
    by a bomb planted by militants" (also through "believed to be fired by"): the "by"
    agent of the participle that tells how the weapon was used. None otherwise."""
    if not any(lex.in_class(weapon.lemma_.lower(), c) for c in _WEAPON_CLASSES):
        return []
    for used in weapon.children:
        if used.dep_ != "acl" or used.tag_ != "VBN":
            continue
        for verb in (used, *(t for t in used.subtree if t.dep_ == "xcomp")):
            agents = _pobjs(verb, frozenset({"by"}))
            if agents:
                return agents
    return []


def _seat_of_power(tok: Token) -> bool:
    """A capital: "the Rwandan capital", "Tehran", "the Kremlin"."""
    return tok.lemma_.lower() == "capital" or bool(dictionaries.metonym_country(tok.text))


# Acts only a state's authorities perform on a person: done to someone "in" a country
# without a "by" agent ("was arrested in Egypt", "were sentenced in Iran", "has been put
# under investigation in Italy"), the authorities of that country did them.
_AUTHORITY_ACTS = frozenset({
    "arrest", "detain", "jail", "imprison", "charge", "indict", "prosecute", "sentence",
    "convict", "deport", "expel", "extradite", "investigate", "interrogate", "summon",
    "fine", "execute", "try", "hang", "outlaw", "ban",
})
_UNDER = frozenset({"investigation", "arrest", "detention", "custody", "surveillance",
                    "interrogation", "questioning"})


def _authority_of_place(verb: Token) -> list[Token]:
    """The country (or town) where an authority's act was done to the passive subject:
    "A journalist was arrested in Cairo" -> "Cairo" stands for Egypt's authorities."""
    if not _passive(verb) or _pobjs(verb, frozenset({"by"})):
        return []
    lemma = verb.lemma_.lower()
    under = [u for u in _pobjs(verb, frozenset({"under"})) if u.lemma_.lower() in _UNDER]
    if lemma not in _AUTHORITY_ACTS and not under and not (
            lemma == "capture" and _captive(verb)):
        return []
    for holder in (verb, *under):
        places = [p for p in _pobjs(holder, frozenset({"in"}))
                  if p.pos_ == "PROPN" and p.ent_type_ in ("GPE", "")]
        if places:
            return places[:1]
    return []


def _captive(verb: Token) -> bool:
    """"Hambali was captured in Thailand": a person captured (not a town) is taken by
    the authorities of the place."""
    return any(s.ent_type_ in ("PERSON", "NORP") or s.pos_ == "PRON"
               or s.lemma_.lower() in _CAPTIVES or actors.agent_for([s.lemma_.lower()])
               for s in verb.children if s.dep_ == "nsubjpass")


_CAPTIVES = frozenset({"man", "woman", "suspect", "boy", "girl", "person", "pilot",
                       "journalist", "reporter", "leader", "commander", "chief"})


def _actor_like(tok: Token) -> bool:
    """A noun phrase that may name an actor (not "control", "the initiative")."""
    return tok.pos_ in ("PROPN", "PRON") or bool(tok.ent_type_) or tok.text[:1].isupper() or (
        any(c.dep_ in ("amod", "compound") and c.text[:1].isupper() for c in tok.children))


def noun_arguments(noun: Token, lex: Lexicon) -> Arguments:
    """Source and target of a nominal trigger."""
    sources: list[Token] = _children(noun, ("poss",))
    patients: list[Token] = []
    if lex.in_class(noun.lemma_.lower(), "patientnoun"):
        patients, sources = sources, []  # "his arrest", "Hariri's assassination"
    if sources and all(s.pos_ == "PRON" for s in sources) and _light_object(noun, lex):
        sources = []  # "continued their attacks": "their" is the verb's subject
    sources += [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod")
                and c.text[:1].isupper() and _names_country(c)]
    # "US Predator attacks", "US drone strikes": the nationality of a named or
    # common noun modifier (the weapon) is the source.
    sources += [g for c in noun.children if c.dep_ == "compound" and c.pos_ in ("PROPN", "NOUN")
                for g in c.children if g.dep_ in ("amod", "compound") and _names_country(g)
                and g.text[:1].isupper()]
    sources += _pobjs(noun, frozenset({"by"}))
    of = _pobjs(noun, frozenset({"of"}))
    between = _pobjs(noun, _PLURAL_SOURCE_PREPS)
    lemma = noun.lemma_.lower()
    if lemma in _SOURCE_OF_NOUNS or noun.lower_ in _SOURCE_OF_NOUNS:
        sources += of + between
        of = []
    if not sources and (_light_object(noun, lex) or _purpose(noun, lex)):
        sources = _subject(noun.head if _light_object(noun, lex) else noun.head.head, lex)
    if not sources:
        sources = _engaged(noun, lex)
    if not sources and noun.dep_ == "pobj" and noun.head.lower_ == "under" \
            and noun.head.head.i != noun.head.i:
        sources = _authority_of_place(noun.head.head)  # "put under arrest in Cairo"
    targets = [t for t in _pobjs(noun, frozenset({"on", "against", "with", "to", "upon", "at"}))
               if t.ent_type_ not in ("DATE", "TIME")]  # "the attack on Monday"
    targets = patients + (targets or of)
    return Arguments(tuple(sources), tuple(targets))


def _engaged(noun: Token, lex: Lexicon) -> list[Token]:
    """"Troops were locked in fierce fighting with rebels", "police engaged in a gunbattle
    with gunmen": whoever is engaged in a fight (``@reciprocalnoun``) with another side
    is a party to it. Only after verbs of engagement (``@engageverb``): those "killed in
    clashes" are its victims, not its parties."""
    prep = noun.head
    if (noun.dep_ != "pobj" or prep.lower_ not in ("in", "into") or prep.head.i == prep.i
            or not lex.in_class(noun.lemma_.lower(), "reciprocalnoun")
            or not _pobjs(noun, frozenset({"with"}))):
        return []
    verb = prep.head
    if not lex.in_class(verb.lemma_.lower(), "engageverb"):
        return []
    return _children(verb, ("nsubj", "nsubjpass"))


# Participles that, after "be", describe their subject's resolve rather than a deed done
# to it: "is committed to", "are determined to", "was prepared to".
_STATIVE = frozenset({"commit", "determine", "prepare", "resolve", "dedicate", "oblige",
                      "obligate", "bind"})


def _purpose(noun: Token, lex: Lexicon) -> bool:
    """"arrived in Cairo for talks", "gathered in protest": an act its subject went to
    do, after a verb of going or gathering (``@purposeverb``); not "blamed X for the
    attack", "were killed in an attack"."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.head.i == prep.i or noun.lemma_.lower() in _DIRECTED:
        return False
    verb = prep.head
    if prep.lower_ == "in" and not lex.in_class(noun.lemma_.lower(), "protestnoun"):
        return False
    return (prep.lower_ in ("for", "in") and verb.pos_ == "VERB" and not _passive(verb)
            and lex.in_class(verb.lemma_.lower(), "purposeverb"))


# Nouns whose "for" names what is sought, not who acts: "pressure for talks".
_DIRECTED = frozenset({"pressure", "call", "calls", "demand", "demands", "support"})


def _light_object(noun: Token, lex: Lexicon) -> bool:
    return noun.dep_ in ("dobj", "nsubjpass") and lex.in_class(noun.head.lemma_.lower(),
                                                                 "lightverb")


def _names_country(tok: Token) -> bool:
    """A country's name or adjective; not a capital, which before a noun names the venue
    ("the Geneva talks", "the Minsk agreement"), not a party."""
    return bool(dictionaries.country_by_word(tok.text)
                or dictionaries.split_compound_adjective(tok.text))


def companions(head: Token) -> list[Token]:
    """Actors fighting alongside a subject: "forces - with Russian special forces -",
    "forces backed by Russia"."""
    out = []
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("with", "alongside"):
            pobjs = [c for c in prep.children if c.dep_ == "pobj"]
            out.extend(p for o in pobjs for p in (o, *o.conjuncts))
    return out
