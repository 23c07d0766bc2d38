"""Violent events reported without a doer the lexicon coder can name.

Most conflict news reports violence by its victims and its means: "a car bomb
killed six people", "at least 12 fighters were killed in clashes", "four died in an
air strike". The lexicon coder (:mod:`eventwire.extract.events`) needs a source that
resolves; this module codes such reports, in body sentences only, with these rules
(the rule's name goes to ``produced_by``):

* ``means-subject``: a means of violence is the subject of a harm verb ("an explosion
  killed six people", "shelling wounded two");
* ``means-oblique``: passive or intransitive harm whose cause is a means or an agent
  ("were killed in clashes with Kurdish militants", "died in the attack", "were injured
  by regime shelling", "were killed when gunmen opened fire", "were killed fighting in
  Qusayr"), or a verb that names its means ("was shot dead");
* ``means-occurs``: a means is the subject of a verb of happening ("clashes erupted
  between A and B", "fighting broke out", "an explosion rocked the market", "a car bomb
  detonated", "the bomb was detonated");
* ``agent-harm``: someone the actor dictionary cannot name harms people ("gunmen killed
  three soldiers", "fighters killing 25 soldiers");
* ``armed-victims``: a number of troops killed, or one fighter of a named side, with no
  cause named ("ten soldiers were killed in the east", "scores of militants", "a Taliban
  commander was killed"): they died fighting;
* ``civilian-victims``: a number of civilians killed, with no cause named ("at least
  five civilians were killed"): news names them civilians against combatants;
* ``means-toll``: the toll of a means rises ("the death toll from the bombing has risen to
  95").

Type and codes come from the means (``resolve/data/violence_means.tsv``; see
:data:`KINDS`): clashes between armed groups are FIGHT; bombs, massacres, executions and
chemical attacks are ASSAULT; strikes, shelling, gunfire and attacks are FIGHT unless their
victims are civilians, when they are ASSAULT (one-sided violence). The source is the
"by" agent, the "with"/"between" party or a nationality of the means ("Russian air
strikes") when there is one, else an unidentified actor (no code, no sector); targets
are the victims. A sentence about accidents, nature or disease, or sports copy, yields
nothing; only asserted and historical reports are coded (a threatened or denied killing
is not a killing). What the lexicon coder already coded in the same clause is left to
it.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from eventwire.errors import DictionaryError
from eventwire.extract.events import links
from eventwire.extract.events.lexicon import Lexicon, packaged_lexicon
from eventwire.extract.events.status import ASSERTED, HISTORICAL, status_of
from eventwire.records import Actor, Event, Place, Span
from eventwire.resolve import dictionaries
from eventwire.resolve.actors import ActorResolver, iso3, phrase_tokens
from eventwire.resolve.dictionaries import Source, data_file, read_rows

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from eventwire.extract.context import Context
    from eventwire.extract.parse import ParsedBlock

__all__ = ["KINDS", "VERSION", "extract", "load_vocabulary"]

VERSION = "casualties.rules.v4"
log = logging.getLogger(__name__)

BODY_KINDS = frozenset({"paragraph"})
VIOLENT = frozenset({"ASSAULT", "FIGHT", "COERCE"})
UNIDENTIFIED = "unidentified"


@dataclass(frozen=True, slots=True)
class Coding:
    """How a kind of means is coded: PLOVER type (None: decided by the victims), mode,
    CAMEO code, and the CAMEO code when the victims are civilians."""

    plover: str | None
    mode: str | None
    cameo: str
    cameo_civilian: str


# Kinds of means, most specific first: the first kind named in a phrase decides.
KINDS: dict[str, Coding] = {
    "suicide": Coding("ASSAULT", "suicide-attack", "1831", "1831"),
    "car": Coding("ASSAULT", "explosives", "1832", "1832"),
    "roadside": Coding("ASSAULT", "explosives", "1833", "1833"),
    "chemical": Coding("ASSAULT", "unconventional", "2041", "2041"),
    "massacre": Coding("ASSAULT", "massacre", "202", "202"),
    "execution": Coding("ASSAULT", "assassinate", "186", "186"),
    "explosive": Coding("ASSAULT", "explosives", "183", "183"),
    "air": Coding(None, "aerial", "195", "195"),
    "heavy": Coding(None, "heavy-weapons", "194", "194"),
    "firearm": Coding(None, "firearms", "193", "180"),
    "ambush": Coding("FIGHT", "firearms", "190", "190"),
    "fight": Coding("FIGHT", None, "190", "190"),
    "attack": Coding(None, None, "190", "180"),
    "agent": Coding(None, None, "190", "180"),
}
_WORD_KINDS = frozenset({"terror", "benign", "harm", "occur", "cvl", "mil", "doer",
                         "nonviolent", "sport"})
# Means that sports copy borrows ("the attack", "clashes", "a shooting"); a bomb or a
# shell in a sentence about a match is still one.
_FIGURATIVE = frozenset({"attack", "fight", "firearm", "ambush", "agent"})
_BOMBS = frozenset({"explosive", "car", "roadside", "suicide"})
_SPORTS_WORDS = 3
# Verbs of going on that only fighting does: "clashes continued", not "the blast continued".
_ONGOING = frozenset({"continue", "resume", "intensify", "rage", "flare"})
_ONGOING_KINDS = frozenset({"fight", "attack", "air", "heavy", "firearm", "ambush"})
# Verbs of falling that only projectiles do: "rockets fell on the town".
_FALLING = frozenset({"fall", "land", "slam"})
_PROJECTILES = frozenset({"heavy", "explosive"})  # not aircraft: "the jet landed"
_SET_OFF = frozenset({"detonate", "explode"})  # a bomb is their object or their subject
_TOLL_VERBS = frozenset({"rise", "climb", "reach", "stand", "jump", "mount", "increase"})
# Armed victims who, killed, died fighting: "a rebel fighter was killed near X".
_FIGHTERS = frozenset({"fighter", "militant", "insurgent", "jihadist", "rebel", "commander",
                       "militiaman", "guerrilla", "gunman"})
# Counts that head a partitive: "scores of militants", "hundreds of soldiers".
_MANY = frozenset({"dozens", "scores", "hundreds", "thousands", "tens"})
_NOBODY = frozenset({"one", "none", "nobody", "anyone", "anybody", "noone"})  # "no one"
_LIVES = frozenset({"kill", "wound", "injure", "shoot", "stab"})
# Verbs of fighting a victim was killed doing: "killed fighting in Qusayr".
_FIGHTING = frozenset({"fight", "battle", "clash"})
_HURT = frozenset({"dead", "injured", "wounded", "maimed"})
_MEANS_PREPS = frozenset({"in", "by", "during", "from", "after", "amid", "following",
                          "under", "through", "with"})
_CAUSE_MARKS = frozenset({"when", "as", "after", "while"})
_CAUSE_VERBS = frozenset({"fire", "shell", "attack", "bomb", "target", "strike", "storm",
                          "open", "explode", "detonate", "hit", "raid", "shoot", "ambush",
                          "bombard", "pound"})
# Nouns that count or group the means they govern: "a series of air strikes".
_PARTITIVES = frozenset({"pair", "series", "wave", "spate", "string", "round", "barrage", "volley",
                         "hail", "chain", "flurry", "burst", "salvo", "number", "dozens",
                         "scores", "hundreds", "campaign"})
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "mr.", "mrs.",
                     "ms.", "dr."})
_PLACE_PREPS = frozenset({"in", "on", "at", "near", "inside", "outside", "around", "across",
                          "against", "into", "of"})
_PARTY_PREPS = frozenset({"with", "between", "against"})
_VICTIM_PREPS = frozenset({"on", "against"})
_KEPT_STATUS = frozenset({ASSERTED, HISTORICAL})
# Personal pronouns are victims when the cause is named ("they were killed in the attack").
_PERSONAL = frozenset({"he", "she", "they", "him", "her", "them", "we", "us"})


# --------------------------------------------------------------------------- vocabulary


def load_vocabulary(source: Source) -> dict[str, frozenset[str]]:
    """Read and check a violence vocabulary: phrase -> its kinds (see the data file)."""
    known = set(KINDS) | _WORD_KINDS
    out: dict[str, set[str]] = {}
    for origin, (phrase, kind) in read_rows(source, ("phrase", "kind")):
        if not phrase or phrase != phrase.lower() or len(phrase.split()) > 2:
            raise DictionaryError(f"phrase {phrase!r} must be one or two lower-case words",
                                  origin=origin)
        if kind not in known:
            raise DictionaryError(f"kind {kind!r} is not one of {', '.join(sorted(known))}",
                                  origin=origin)
        if kind in out.get(phrase, set()):
            raise DictionaryError(f"{phrase!r} is already listed as {kind!r}", origin=origin)
        out.setdefault(phrase, set()).add(kind)
    return {k: frozenset(v) for k, v in out.items()}


@functools.lru_cache(maxsize=1)
def vocabulary() -> dict[str, frozenset[str]]:
    """The packaged vocabulary, loaded on first use."""
    return load_vocabulary(data_file("violence_means.tsv"))


def _kinds(word: str) -> frozenset[str]:
    return vocabulary().get(word, frozenset())


def _is(tok: Token, kind: str) -> bool:
    return kind in _kinds(tok.lemma_.lower()) or kind in _kinds(tok.lower_)


# --------------------------------------------------------------------------- means


@dataclass(frozen=True, slots=True)
class Means:
    """A means of violence named in the text: its head token, kind and whether a
    modifier makes it terror (one-sided violence)."""

    token: Token
    kind: str
    terror: bool


def means_of(tok: Token) -> Means | None:
    """The means a noun (or gerund) names, with its modifiers ("car bomb", "terrorist
    rocket attack"); None for other words and for benign phrases ("heart attack")."""
    if tok.pos_ not in ("NOUN", "PROPN", "VERB") or (tok.pos_ == "VERB" and tok.tag_ != "VBG"):
        return None
    head = tok.lemma_.lower()
    own = [k for k in _kinds(head) | _kinds(tok.lower_) if k in KINDS]
    named: list[str] = []  # kinds of listed phrases ("barrel bomb"): they decide
    found: list[str] = []
    terror = False
    for mod in (c for c in tok.children if c.dep_ in ("compound", "amod", "nmod")):
        for word in (mod.lemma_.lower(), mod.lower_):
            kinds = _kinds(f"{word} {head}") | _kinds(f"{word} {tok.lower_}")
            if "benign" in kinds:
                return None
            named.extend(k for k in kinds if k in KINDS)
            terror = terror or "terror" in _kinds(word)
            if own:  # a modifier refines a means ("rocket attack"), never makes one
                found.extend(k for k in _kinds(word) if k in KINDS and k != "fight")
    found.extend(own)
    if not (named or found):
        return None
    kind = min(named or found, key=list(KINDS).index)
    return Means(tok, kind, terror)


def _refined(found: Means) -> Means:
    """An attack of unstated means made with a weapon: "attacks with rocket shells"."""
    if found.kind not in ("attack", "fight"):
        return found
    for prep in found.token.children:
        if prep.dep_ == "prep" and prep.lower_ == "with":
            for obj in _pobjs(prep):
                weapon = means_of(obj)
                if weapon is not None and weapon.kind not in ("attack", "fight"):
                    return Means(found.token, weapon.kind, found.terror or weapon.terror)
    return found


def _means_in(tok: Token) -> Means | None:
    """The means a noun phrase names, looking through partitives ("a series of strikes",
    "the toll of the attack")."""
    found = means_of(tok)
    if found is not None:
        return _refined(found)
    if tok.lemma_.lower() not in _PARTITIVES:  # "the impact of the attacks" is no attack
        return None
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj" and (found := means_of(obj)) is not None:
                    return _refined(found)
    return None


# --------------------------------------------------------------------------- reports


@dataclass(frozen=True, slots=True)
class Report:
    """A violent report found in a sentence, before it is coded."""

    rule: str
    trigger: Token  # the predicate: its status and place are the event's
    means: Means | None
    victims: tuple[Token, ...]
    parties: tuple[Token, ...]  # heads naming who did it or fought

    @property
    def key(self) -> int:
        return self.means.token.i if self.means else self.trigger.i


def _children(tok: Token, deps: Sequence[str]) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _with_conjuncts(toks: Sequence[Token]) -> list[Token]:
    return [*toks, *(c for t in toks for c in t.conjuncts if c.i > t.i)]


def _pobjs(prep: Token) -> list[Token]:
    return _with_conjuncts(_children(prep, ("pobj", "pcomp")))


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ in ("acl", "ROOT", "conj")
        and not _children(verb, ("aux", "dobj")))


def _human(tok: Token) -> bool:
    """A victim: a person noun, or a number of anything ("three were killed")."""
    return (_is(tok, "cvl") or _is(tok, "mil") or tok.pos_ == "NUM"
            or tok.lower_ in ("others", "other", "dozens", "scores", "hundreds")
            or any(c.dep_ == "nummod" for c in tok.children)
            or tok.ent_type_ == "PERSON" or tok.lower_ in _PERSONAL)


def _counted_or_armed(victims: Sequence[Token], verb: Token | None = None) -> bool:
    """Victims as conflict news counts them ("two soldiers", "12 people"), or one person
    shot dead ("was shot dead", "fatally shot", "shot and killed": a killing by gunfire);
    not one person hurt in a crime story ("a man was shot in the thigh", "Mr Jones was
    stabbed")."""
    if verb is not None and _fatal_shooting(verb):
        return True
    return any(_is(v, "mil") or v.pos_ == "NUM"
               or any(c.dep_ == "nummod" and c.lower_ not in ("one", "1")
                      for c in v.children) for v in victims)


def _fatal_shooting(verb: Token) -> bool:
    """"Was shot dead", "fatally shot", "shot and killed": gunfire that killed."""
    if verb.lemma_.lower() != "shoot":
        return False
    return any(c.lower_ in ("dead", "fatally") for c in verb.children) or any(
        c.lemma_.lower() == "kill" for c in verb.conjuncts)


def _soldiers_killed(verb: Token, victims: Sequence[Token]) -> bool:
    """"Ten Russian soldiers were killed in the east": a number of troops killed, with
    no cause given, died in fighting (an accident or an illness names itself, and such
    a sentence is left out before)."""
    return verb.lemma_.lower() == "kill" and any(
        (_is(v, "mil") and any(c.dep_ == "nummod" and c.lower_ not in ("one", "1")
                               for c in v.children))
        or (v.lower_ in _MANY and any(_is(o, "mil") for p in _children(v, ("prep",))
                                      if p.lower_ == "of" for o in _pobjs(p)))
        or _combatant(v) or any(_combatant(a) for a in _children(v, ("appos",)))
        for v in victims)


def _civilians_killed(verb: Token, victims: Sequence[Token]) -> bool:
    """"At least five civilians were killed": news calls the dead civilians to set them
    apart from combatants, so a number of civilians killed, with no cause given, were
    killed in a conflict (an accident or a disaster names itself and is left out before;
    one civilian alone may die of anything)."""
    return verb.lemma_.lower() == "kill" and any(
        (v.lemma_.lower() == "civilian"
         and any(c.dep_ == "nummod" and c.lower_ not in ("one", "1") for c in v.children))
        or (v.lower_ in _MANY and any(o.lemma_.lower() == "civilian"
                                      for p in _children(v, ("prep",)) if p.lower_ == "of"
                                      for o in _pobjs(p)))
        for v in victims)


def _combatant(tok: Token) -> bool:
    """One fighter of a named side: "a Taliban commander", "an ISIS leading member",
    "a rebel fighter"; not "a police officer" or "a member" alone, who may die of
    anything."""
    if not _is(tok, "mil"):
        return False
    return tok.lemma_.lower() in _FIGHTERS or any(
        _is(c, "doer") or _armed_group(c.text)
        for c in tok.subtree if c.i < tok.i)


def _armed_group(name: str) -> bool:
    """A listed armed group's name ("ISIS", "Taliban")."""
    entry = dictionaries.organization_by_name(name) if name[:1].isupper() else None
    return entry is not None and entry.kind == "armed_group"


def _subject(verb: Token) -> Token | None:
    """The subject of an active verb, or of the clause a participle hangs from
    ("exploded ..., killing three"; "fighters killing 25 soldiers")."""
    tok = verb
    for _ in range(3):
        subj = [t for t in _children(tok, ("nsubj",)) if t.tag_ not in ("WDT", "WP")]
        if subj:
            return subj[0]
        if tok.dep_ in ("acl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN"):
            return tok.head
        if tok.dep_ not in ("advcl", "conj", "xcomp") or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _cause(verb: Token) -> tuple[Means | None, list[Token], Token | None]:
    """What a passive or intransitive harm verb says caused it: a means, the doers, and
    the prepositional phrase or clause that says so."""
    for child in verb.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in _MEANS_PREPS:
            for obj in _pobjs(child):
                found = _means_in(obj)
                if found is not None:
                    return found, _parties(found.token), child
            if child.lower_ == "by":
                doers = [o for o in _pobjs(child) if _doer(o)]
                if doers:
                    return None, doers, child
        if (child.dep_ in ("advcl", "xcomp") and child.lemma_.lower() in _FIGHTING
                and child.tag_ == "VBG"):
            # "were killed fighting in Qusayr", "killed while fighting rebels"; not
            # "while fighting a fire"
            fought = _with_conjuncts(_children(child, ("dobj",)))
            foes = [o for o in fought if _party(o)]
            if len(foes) == len(fought):
                return Means(child, "fight", False), foes, child
        if child.dep_ == "advcl" and any(c.lower_ in _CAUSE_MARKS for c in child.children
                                         if c.dep_ in ("advmod", "mark")):
            # "when a mortar shell landed", "as gunmen opened fire"
            objects = _children(child, ("dobj", "nsubj"))
            found = next((m for o in objects if (m := means_of(o)) is not None), None)
            violent = child.lemma_.lower() in _CAUSE_VERBS
            doers = [s for s in _children(child, ("nsubj",)) if _doer(s)] if violent else []
            if found is not None or doers:
                return found, doers, child
    return None, [], None


def _doer(tok: Token) -> bool:
    """A noun phrase that can name who did violence."""
    if tok.pos_ == "PRON" or any(c.lower_ in _TITLES for c in tok.children):
        return False  # "Mr Duval" is a person, whatever the tagger says
    return (_is(tok, "doer") or tok.ent_type_ in ("ORG", "NORP")
            or any(_is(c, "doer") for c in tok.children if c.dep_ == "compound"))


def _parties(means: Token) -> list[Token]:
    """Who did it or fought, named on the means: "strikes by the coalition", "clashes with
    militants", "fighting between A and B"."""
    out: list[Token] = []
    for prep in _children(means, ("prep", "agent")):
        if prep.lower_ == "by" or prep.lower_ in _PARTY_PREPS - {"against"}:
            out.extend(o for o in _pobjs(prep) if _party(o))
    return out


def _party(tok: Token) -> bool:
    """Someone who can do or fight: "by the coalition's jets", "with militants"; not
    "with shells", "with gases"."""
    if tok.pos_ == "PRON":
        return False
    if (found := means_of(tok)) is not None:
        return found.kind == "air"  # aircraft stand for whoever flies them
    return _doer(tok) or _is(tok, "mil")


def _between_civilians(means: Token, verb: Token) -> bool:
    """"Fighting between Mr A and Mr B", "a clash with the regulator": a fight whose
    sides are named and none of them armed is a quarrel."""
    named = [o for tok in (means, verb) for prep in _children(tok, ("prep",))
             if prep.lower_ in ("between", "with") for o in _pobjs(prep)]
    return bool(named) and not any(_party(o) for o in named)


def _harm_report(verb: Token) -> Report | None:
    lemma = verb.lemma_.lower()
    intransitive = lemma == "die"
    if intransitive or _passive(verb):
        victims = _children(verb, ("nsubjpass", "nsubj"))
        if not victims and verb.dep_ == "acl":
            victims = [verb.head]
        victims = _with_conjuncts(victims)
        if not victims:
            return None
        means, doers, _ = _cause(verb)
        for other in (*verb.conjuncts, verb.head if verb.dep_ == "conj" else verb):
            if means is None and not doers and other.i != verb.i and _is(other, "harm"):
                means, doers, _ = _cause(other)
        if not any(_human(v) for v in victims) and not _fatal_shooting(verb) and not (
                means is not None and lemma in _LIVES
                and any(v.pos_ in ("NOUN", "PROPN") and v.lower_ not in _NOBODY
                        for v in victims)):
            # Only the living are killed or wounded: with a means named, any noun
            # will do ("a US Marine was killed in combat").
            return None
        own = [k for k in _kinds(lemma) if k in KINDS]
        agent = _children(verb, ("agent",))  # "models were shot by a photographer"
        if means is None and own and not agent and _counted_or_armed(victims, verb):
            means = Means(verb, own[0], False)  # "two soldiers were shot dead"
        if means is None and not doers and not agent and _soldiers_killed(verb, victims):
            return Report("armed-victims", verb, Means(verb, "fight", False),
                          tuple(victims), ())
        if means is None and not doers and not agent and _civilians_killed(verb, victims):
            return Report("civilian-victims", verb, Means(verb, "attack", False),
                          tuple(victims), ())
        if means is None and not doers:
            return None
        if means is not None and means.kind == "fight" and _between_civilians(means.token,
                                                                              means.token):
            return None
        return Report("means-oblique", verb, means, tuple(victims), tuple(doers))
    subj = _subject(verb)
    if subj is None:
        return None
    victims = _with_conjuncts(_children(verb, ("dobj",)))
    if lemma == "leave":  # "the blast left 15 people dead"; not "left the country"
        victims = [v for v in victims
                   if any(w.lower_ in _HURT for w in (*v.children, *verb.children))]
        if not victims:
            return None
    if lemma == "claim":  # "claimed the lives of eight people"; not "claimed responsibility"
        lives = [v for v in victims if v.lemma_.lower() == "life"]
        if not lives:
            return None
        victims = [o for v in lives for p in _children(v, ("prep",)) if p.lower_ == "of"
                   for o in _pobjs(p)]
    means = _means_in(subj)
    if means is not None:
        return Report("means-subject", verb, means, tuple(victims), tuple(_parties(subj)))
    if _doer(subj) and victims and any(_human(v) for v in victims):
        # The verb may name the means itself ("beheaded", "massacred"): that decides.
        own = [k for k in _kinds(lemma) if k in KINDS]
        means = Means(verb, own[0], False) if own else None
        return Report("agent-harm", verb, means, tuple(victims), (subj,))
    return None


def _occurrence_report(verb: Token) -> Report | None:
    lemma = verb.lemma_.lower()
    particles = {c.lower_ for c in verb.children if c.dep_ == "prt"}
    if (lemma == "break" and "out" not in particles) or (lemma == "go" and "off" not in particles):
        return None
    if _passive(verb):  # "the town was hit by air strikes"
        for agent in _children(verb, ("agent",)):
            for obj in _pobjs(agent):
                if (found := _means_in(obj)) is not None:
                    return Report("means-occurs", verb, found, (), tuple(_parties(obj)))
        return _bomb_set_off(verb)
    subj = _children(verb, ("nsubj",))
    found = _means_in(subj[0]) if subj else None
    if found is None or (lemma in _ONGOING and found.kind not in _ONGOING_KINDS):
        return None
    if lemma in _FALLING and found.kind not in _PROJECTILES:
        return None
    if found.kind in ("fight", "attack") and _between_civilians(found.token, verb):
        return None
    parties = _parties(found.token)
    for prep in _children(verb, ("prep",)):
        if prep.lower_ in _PARTY_PREPS:
            parties.extend(o for o in _pobjs(prep) if _party(o))
    return Report("means-occurs", verb, found, (), tuple(parties))


def _bomb_set_off(verb: Token) -> Report | None:
    """"The first bomb was detonated on the road"; "A car bomb detonated near a convoy"
    read by the parser as one noun phrase (the participle hangs from the bomb that heads
    the sentence): a bomb set off is an explosion."""
    if verb.lemma_.lower() not in _SET_OFF:
        return None
    heads = _children(verb, ("nsubjpass", "nsubj"))  # "bomb detonated" tagged VBN
    if not heads and verb.dep_ == "acl" and verb.head.dep_ == "ROOT":
        heads = [verb.head]
    for head in heads:
        found = _means_in(head)
        if found is not None and found.kind in _BOMBS:
            return Report("means-occurs", verb, found, (), tuple(_parties(head)))
    return None


def _toll_report(verb: Token) -> Report | None:
    """"The death toll from Tuesday's bombing has risen to 95"."""
    for subj in _children(verb, ("nsubj",)):
        if subj.lemma_.lower() != "toll":
            continue
        for prep in _children(subj, ("prep",)):
            if prep.lower_ in ("from", "of", "in"):
                for obj in _pobjs(prep):
                    if (found := _means_in(obj)) is not None:
                        return Report("means-toll", verb, found, (), tuple(_parties(obj)))
    return None


def find_reports(sent: SpacySpan, *, sports: bool = False) -> Iterator[Report]:
    """Violent reports of a sentence, one per means (or per harm verb without one).

    In sports copy (``sports``: the document's; else the sentence's words) only bombs
    are taken literally: "the clash occurred", "struck by a missile" are a match's.
    """
    nouns = [t for t in sent if t.pos_ in ("NOUN", "PROPN")]
    if any(_is(t, "nonviolent") for t in sent if t.pos_ in ("NOUN", "PROPN", "VERB")):
        return  # "killed in a car crash", "killed when their helicopter crashed"
    sport = any(_is(t, "sport") for t in nouns)
    literal = _BOMBS if sports else frozenset(KINDS) - _FIGURATIVE
    seen: dict[int, Report] = {}
    for tok in sent:
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        report = None
        if _is(tok, "harm"):
            report = _harm_report(tok)
        elif _is(tok, "occur"):
            report = _occurrence_report(tok)
        elif tok.lemma_.lower() in _TOLL_VERBS:
            report = _toll_report(tok)
        kind = report.means.kind if report and report.means else "agent"
        if report is None or ((sport or sports) and kind not in literal):
            continue
        if report.key in seen:  # "killed three and wounded ten": one event, all victims
            first = seen[report.key]
            seen[report.key] = Report(first.rule, first.trigger, first.means,
                                      first.victims + report.victims, first.parties)
        else:
            seen[report.key] = report
    yield from seen.values()


def _sports_copy(body: Sequence[ParsedBlock]) -> bool:
    """A document about sport (or film, or music): three different words of its trade."""
    lemmas = {t.lemma_.lower() for pb in body for t in pb.doc
              if t.pos_ == "NOUN" and _is(t, "sport")}
    return len(lemmas) >= _SPORTS_WORDS


# --------------------------------------------------------------------------- coding


def extract(ctx: Context, coded: Sequence[Event]) -> list[Event]:
    """Events the lexicon coder left out (``coded`` is what it found), ids not yet given."""
    lex = packaged_lexicon()
    resolver = ActorResolver(ctx.document.text, ctx.people, ctx.organizations,
                             theatre=_theatre(ctx),
                             on=ctx.dates.published if ctx.dates else None)
    taken = [e.evidence for e in coded if e.plover_type in VIOLENT]
    body = [pb for pb in ctx.parsed if pb.block.kind in BODY_KINDS]
    sports = _sports_copy(body)
    out: list[Event] = []
    for pb in body:
        for sent in pb.doc.sents:
            for report in find_reports(sent, sports=sports):
                if _already_coded(report, pb, taken):
                    continue
                event = _code(report, sent, pb, ctx, lex, resolver)
                if event is not None:
                    out.append(event)
                    taken.append(event.evidence)
    return out


def _theatre(ctx: Context) -> str | None:
    weight: dict[str, int] = {}
    for p in ctx.places:
        code = iso3(p.country_code)
        if code and not p.metonym:
            weight[code] = weight.get(code, 0) + len(p.mentions)
    return max(weight, key=lambda c: weight[c]) if weight else None


def _already_coded(report: Report, pb: ParsedBlock, taken: Sequence[Span]) -> bool:
    """The lexicon coder (or an earlier report) has a violent event whose evidence holds
    this report's predicate, means or doer: the same report, coded once."""
    anchors = [report.trigger, *report.parties]
    if report.means is not None:
        anchors.append(report.means.token)
    at = [pb.offset + t.idx for t in anchors]
    return any(s.start <= a < s.end for s in taken for a in at)


def _code(report: Report, sent: SpacySpan, pb: ParsedBlock, ctx: Context, lex: Lexicon,
          resolver: ActorResolver) -> Event | None:
    status = status_of(report.trigger, lex)
    if status not in _KEPT_STATUS:
        return None
    text = ctx.document.text
    targets = _targets(report, pb, resolver)
    civilian = any(a.sector == "CVL" for a in targets)
    means = report.means
    kind = means.kind if means else "agent"
    coding = KINDS[kind]
    plover = coding.plover or ("ASSAULT" if civilian or (means and means.terror)
                               else "FIGHT")
    cameo = coding.cameo_civilian if plover == "ASSAULT" else coding.cameo
    sources = _sources(report, pb, resolver)
    evidence = _evidence(report, sent, pb, text)
    sentence = pb.span(sent.start_char, sent.end_char, text)
    places = _outside_parties(ctx.places, report, pb)
    place = (links.event_place(_place_anchor(report, pb, places), sent, pb.offset, places)
             or _earlier_place(sentence, pb, places))
    day, precision = links.event_date(ctx, sentence)
    if links.long_before(ctx, day):  # history recalled, not the news
        return None
    acled = links.acled_coding(sent, pb.offset, text, plover, coding.mode)
    return links.linked_event(
        links.links_for(ctx, sentence, place, day, precision, acled),
        plover_type=plover, evidence=evidence, mode=coding.mode,
        contexts=("military",) if plover == "FIGHT" else (), status=status,
        cameo_code=cameo, sources=sources, targets=targets,
        confidence=_confidence(report, sources, targets),
        produced_by=f"{VERSION} casualties.{report.rule}",
    )


def _resolve(heads: Sequence[Token], pb: ParsedBlock,
             resolver: ActorResolver) -> list[Actor]:
    found: list[Actor] = []
    for head in heads:
        actors = resolver.resolve(head, pb, remember=False)
        found.extend(a for a in actors if a not in found)
    return found


def _sources(report: Report, pb: ParsedBlock, resolver: ActorResolver) -> tuple[Actor, ...]:
    """The doers when named (resolved, or as written), a nationality of the means
    ("Russian air strikes"), else one unidentified actor."""
    found = [a for a in _resolve(report.parties, pb, resolver)
             if a.code or a.sector or a.person_id or a.org_id]
    named = {a.evidence.start for a in found if a.evidence}
    for head in report.parties:
        at = pb.offset + head.idx
        if not any(a.evidence and a.evidence.start <= at < a.evidence.end for a in found):
            span = _phrase(head, pb, resolver.text)
            if span.start not in named:
                found.append(Actor(span.text, evidence=span))
    if not found and report.means is not None:
        found = _nationalities(report.means.token, pb, resolver.text)
    return tuple(found) or (Actor(UNIDENTIFIED),)


def _nationalities(means: Token, pb: ParsedBlock, text: str) -> list[Actor]:
    """Countries named as modifiers of the means: "Russian air strikes", "Israeli
    shelling" (the state that struck, its sector unsaid)."""
    out: list[Actor] = []
    for mod in means.children:
        if mod.dep_ not in ("amod", "compound", "nmod") or not mod.text[:1].isupper():
            continue
        country = dictionaries.country_by_word(mod.text)
        if country is not None and not any(a.code == country.iso3 for a in out):
            out.append(Actor(mod.text, country.iso3, evidence=pb.of(mod, text)))
    return out


def _phrase(head: Token, pb: ParsedBlock, text: str) -> Span:
    """The noun phrase a head names, without its determiner."""
    toks = [t for t in phrase_tokens(head) if t.dep_ != "det" and not t.is_punct] or [head]
    return pb.span(toks[0].idx, toks[-1].idx + len(toks[-1]), text)


def _targets(report: Report, pb: ParsedBlock, resolver: ActorResolver) -> tuple[Actor, ...]:
    """The victims, with a sector from the vocabulary when the actor dictionary has none;
    else whom the means was aimed at ("attacks on civilians")."""
    heads = [v for v in report.victims if _human(v)]
    if not heads and report.means is not None:
        for prep in _children(report.means.token, ("prep",)):
            if prep.lower_ in _VICTIM_PREPS:
                heads.extend(o for o in _pobjs(prep) if _is(o, "cvl") or _is(o, "mil"))
    out: list[Actor] = []
    for head in heads:
        actors = [a for a in resolver.resolve(head, pb, remember=False)
                  if a.code or a.sector]
        if not actors:
            sector = "CVL" if _is(head, "cvl") else "MIL" if _is(head, "mil") else None
            if sector is None:
                continue
            span = _phrase(head, pb, resolver.text)
            actors = [Actor(span.text, sector=sector, evidence=span)]
        out.extend(a for a in actors if a not in out)
    return tuple(out)


def _outside_parties(places: Sequence[Place], report: Report,
                     pb: ParsedBlock) -> list[Place]:
    """The places with their mentions inside a party's name left out: "strikes by
    US-led jets" did not happen in the US."""
    spans = [(pb.offset + min(t.idx for t in head.subtree),
              pb.offset + max(t.idx + len(t) for t in head.subtree))
             for head in report.parties]
    out: list[Place] = []
    for p in places:
        kept = tuple(m for m in p.mentions
                     if not any(a <= m.start < b for a, b in spans))
        if kept:
            out.append(p if len(kept) == len(p.mentions) else replace(p, mentions=kept))
    return out


def _place_anchor(report: Report, pb: ParsedBlock, places: Sequence[Place]) -> Token:
    """The word whose attached phrases say where: the means when a place hangs from it
    ("air strikes on the town"), else the predicate."""
    if report.means is None:
        return report.trigger
    means = report.means.token
    mentions = [m for p in places if not p.metonym for m in p.mentions]
    for prep in _children(means, ("prep",)):
        if prep.lower_ not in _PLACE_PREPS:
            continue
        for tok in prep.subtree:
            at = pb.offset + tok.idx
            if any(m.start <= at < m.end for m in mentions):
                return means
    return report.trigger


def _earlier_place(sentence: Span, pb: ParsedBlock, places: Sequence[Place]) -> Place | None:
    """The place last named before the sentence in its paragraph: "Shells hit the old
    city of Homs. Two children were killed." happened there too."""
    before = [(m.start, p) for p in places if not p.metonym for m in p.mentions
              if pb.block.start <= m.start < sentence.start]
    return max(before, key=lambda sp: sp[0])[1] if before else None


def _evidence(report: Report, sent: SpacySpan, pb: ParsedBlock, text: str) -> Span:
    """From the first to the last word of the predicate, its victims, its means and
    its parties, within the sentence."""
    kept = ("prt", "oprd", "acomp", "ccomp", "nsubj") if report.rule == "means-toll" else (
        "prt", "oprd", "acomp")  # "broke out", "shot dead", the toll that rose
    toks = [report.trigger]
    toks.extend(t for c in report.trigger.children if c.dep_ in kept for t in c.subtree)
    for head in (*report.victims, *report.parties):
        toks.extend(head.subtree)
    if report.means is not None:
        toks.append(report.means.token)
        toks.extend(t for c in report.means.token.children
                    if c.dep_ in ("compound", "amod", "det", "nummod")
                    or (c.dep_ == "prep" and c.lower_ in _PLACE_PREPS) for t in c.subtree)
    inside = [t for t in toks if sent.start <= t.i < sent.end]
    start = min(inside, key=lambda t: t.i)
    end = max(inside, key=lambda t: t.i)
    return pb.span(start.idx, end.idx + len(end), text)


def _confidence(report: Report, sources: Sequence[Actor],
                targets: Sequence[Actor]) -> float:
    """Lower than the lexicon coder's: the doer is inferred or unknown."""
    score = 0.35
    if report.means is not None:
        score += 0.05
    if any(a.code for a in sources):
        score += 0.1
    if targets:
        score += 0.05
    return round(score, 2)
