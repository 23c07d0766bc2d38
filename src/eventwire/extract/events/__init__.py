"""Events: who did what to whom, where and when, coded in PLOVER, CAMEO and ACLED.

Over the dependency parse of every body sentence (captions and headings restate the
body, they are not new events), each trigger of the lexicon (``resolve/data/
event_lexicon.tsv``) becomes an event with

* its PLOVER type, mode and contexts and its CAMEO code, from the lexicon rule. A
  scheduled or foretold act is that act with status ``future`` ("Obama will meet Putin",
  "is scheduled to attend a summit" are CAMEO 04, "will supply arms" 07): the sentence
  reports the act, not anyone's words. An act its doer declares an intent to do is an
  intent, CAMEO 03x (PLOVER AGREE): governed by a verb of intent or commitment ("plans
  to visit", "pledged to send", "agreed to meet", "is willing to withdraw"), or told in
  reported speech ("Japan said it will supply arms", "will visit, officials said"). An
  announced or possible hostile act is a threat, CAMEO 13x ("threatened to shell",
  "would blockade", "will strike"); a pledge, an offer and a threat are acts in their own
  right;
* its status (:mod:`.status`): asserted, negated, future, hypothetical, demanded,
  historical or belief;
* its sources and targets (:mod:`.arguments`), resolved to actors with a code, a sector
  and an ACLED type (:mod:`eventwire.resolve.actors`);
* its place, date and counts (:mod:`.links`; named agreements are linked after this
  stage by :mod:`eventwire.extract.agreements`), its ACLED type when the
  ACLED classifier is installed, its evidence (the trigger's clause), a confidence, and
  the rule that produced it.

Besides the lexicon's triggers, three constructions make events of their own: "X said
Y must Z" (a demand, CAMEO 100), "X wants Y to Z" (an appeal, 020) and "X claimed that Y
shelled Z" (an accusation, 112, beside the claimed act). An act announced on a
condition the other side must meet ("will withdraw unless"), or an announced boycott,
is a threat; a negated agreement is a rejection; "X said Y is out of the question" is a
rejection (120).

Some acts are recoded by who does them to whom: crowds who attack riot (145); state
forces who clash with or fire on a crowd repress it (175); a force that prepares to
strike takes a military posture (152); an attack with blades and no weapon of war is an
assault (180); an order to do a coercive act is that act. The country an authority's
act was done in stands for its doer only when the act was done, in that one country
("should be prosecuted in Australia", "were arrested worldwide" name no doer).

An event needs a source that resolves to a country, an organization or an agent: a
trigger nobody can be said to have done is not coded; a violent one needs a source
with a country, an office or a force (a bare name may be a storm or a player). One
event is kept per actor set, type, place and day.

CAMEO 01 (public statements) is not coded: a statement has no PLOVER type, and
``Event.plover_type`` cannot be empty; opinions and statements are quotes.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from eventwire.extract.events import arguments, casualties, links
from eventwire.extract.events.lexicon import Lexicon, TriggerRule, packaged_lexicon
from eventwire.extract.events.status import (
    ASSERTED,
    DEMANDED,
    FUTURE,
    HISTORICAL,
    HYPOTHETICAL,
    NEGATED,
    future_cue,
    status_of,
)
from eventwire.extract.events.triggers import Trigger, find_triggers, objects, verb_in_class
from eventwire.records import Actor, Event, Place, Span
from eventwire.resolve.actors import ActorResolver, iso3

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from eventwire.extract.context import Context
    from eventwire.extract.parse import ParsedBlock

__all__ = ["VERSION", "extract"]

VERSION = "events.rules.v21"
log = logging.getLogger(__name__)

BODY_KINDS = frozenset({"paragraph"})
VIOLENT = frozenset({"ASSAULT", "FIGHT", "COERCE"})
# An announced cooperative act is an intent to do it (CAMEO 03x) ...
_INTENT = {"CONSULT": "036", "AID": "033", "COOPERATE": "031", "SUPPORT": "032",
           "CONCEDE": "035", "RETREAT": "035"}
# ... and an announced hostile act a threat (CAMEO 13x).
_THREAT = {"ASSAULT": "138", "FIGHT": "138", "COERCE": "137", "SANCTION": "131",
           "PROTEST": "133", "MOBILIZE": "138"}
_SPEECH = frozenset({"say", "tell", "declare", "announce", "state", "reiterate", "insist",
                     "stress", "warn", "add", "conclude", "note", "write", "repeat"})
_MUST = frozenset({"must", "should"})
# Types of event ACLED codes (the others are not asked about).
_ACLED_TYPES = frozenset({"ASSAULT", "FIGHT", "COERCE", "PROTEST", "RETREAT", "AGREE",
                          "MOBILIZE"})
# Types whose verb's complement is their content, not another event of the same actor.
_FOLDING = frozenset({"THREATEN", "AGREE", "REJECT"})
_WEAPON_CLASSES = ("bomb", "heavyweapon", "firearm", "aircraft")


@dataclass(frozen=True, slots=True)
class _Draft:
    """An event before ids are given and duplicates merged."""

    event: Event
    key: tuple[object, ...]


def extract(ctx: Context) -> tuple[Event, ...]:
    """The events of a document, in text order, ids ``e1``, ``e2``, ..."""
    lex = packaged_lexicon()
    resolver = ActorResolver(ctx.document.text, ctx.people, ctx.organizations,
                             theatre=_theatre(ctx.places),
                             on=ctx.dates.published if ctx.dates else None,
                             places=ctx.places)
    kept: dict[tuple[object, ...], Event] = {}
    for pb in ctx.parsed:
        if pb.block.kind not in BODY_KINDS:
            continue
        for sent in pb.doc.sents:
            for draft in _code_sentence(sent, pb, ctx, lex, resolver):
                if draft.key in kept:
                    kept[draft.key] = _merge(kept[draft.key], draft.event)
                else:
                    kept[draft.key] = draft.event
    coded = tuple(kept.values())
    # Violence reported without a doer the lexicon can name ("a car bomb killed six").
    found = (*coded, *casualties.extract(ctx, coded))
    ordered = sorted(found, key=lambda e: (e.evidence.start, e.evidence.end))
    return tuple(replace(e, id=f"e{i}") for i, e in enumerate(ordered, start=1))


def _theatre(places: Sequence[Place]) -> str | None:
    """The country most of the document's (non-metonym) place mentions lie in."""
    weight: dict[str, int] = {}
    for p in places:
        code = iso3(p.country_code)
        if code and not p.metonym:
            weight[code] = weight.get(code, 0) + len(p.mentions)
    return max(weight, key=lambda c: weight[c]) if weight else None


def _merge(first: Event, other: Event) -> Event:
    counts = tuple(dict.fromkeys(first.count_ids + other.count_ids))
    return replace(first, count_ids=counts)


def _code_sentence(sent: SpacySpan, pb: ParsedBlock, ctx: Context, lex: Lexicon,
                   resolver: ActorResolver) -> Iterator[_Draft]:
    found = find_triggers(sent, lex)
    triggers = sorted(found + _must_demands(sent, lex) + _appeals(sent, lex)
                      + _allegations(sent, lex, found) + _dismissals(sent),
                      key=lambda t: t.token.i)
    if not triggers:
        return
    metaphorical = _sports_copy(sent, lex)
    violent_at = {t.token.i for t in triggers if t.rule.plover in VIOLENT}
    nominal_at = {t.token.i for t in triggers if not t.verbal}
    folding_at = {t.token.i for t in triggers if t.verbal and t.rule.plover in _FOLDING}
    enforced_at = {t.token.i for t in triggers if t.verbal and t.rule.plover in _ENFORCED}
    for trigger in triggers:
        if trigger.rule.plover in VIOLENT and _consequence(trigger.token, violent_at):
            continue
        if _order_of(trigger, enforced_at):
            continue
        if trigger.verbal and _event_subject(trigger.token, nominal_at):
            continue
        if _folded(trigger.token, folding_at):
            continue
        draft = _code_trigger(trigger, sent, pb, ctx, lex, resolver)
        if draft is not None and not (metaphorical and _unarmed_violence(draft.event)):
            yield draft


def _unarmed_violence(event: Event) -> bool:
    """Violence in sports or business copy, unless a state or armed body does it: the
    police who arrest a player in a sports story still arrest him."""
    return event.plover_type in VIOLENT and not any(a.sector in _STATE for a in event.sources)


def _consequence(tok: Token, violent_at: set[int]) -> bool:
    """"struck targets, killing five": the killing is the strike's outcome, not a second
    event."""
    return (tok.dep_ in ("advcl", "xcomp", "conj") and tok.tag_ == "VBG"
            and tok.head.i in violent_at)


# Acts an authority carries out by ordering them ("ordered the paper to suspend
# publication" is the suspension, not a demand).
_ENFORCED = frozenset({"COERCE", "SANCTION"})
_ORDER_VERBS = frozenset({"order", "instruct", "direct", "command"})


_DONE = frozenset({"asserted", "historical"})
_SPREAD = frozenset({"worldwide", "globally", "internationally", "abroad"})


def _placed_authority(tok: Token, sources: Sequence[Token]) -> bool:
    """The source is the country an authority's act was done in, not a named doer
    ("was arrested in Egypt": Egypt's authorities; see :mod:`.arguments`)."""
    return bool(sources) and all(
        s.dep_ == "pobj" and s.head.lower_ == "in"
        and (s.head.head.i == tok.i or s.head.head.head.i == tok.i) for s in sources)


def _spread(tok: Token, places: Sequence[Token]) -> bool:
    """"were arrested worldwide", "arrested in Chile, Peru and Brazil": an act done in
    many countries is no one state's."""
    return any(c.dep_ == "advmod" and c.lower_ in _SPREAD for c in tok.children) or any(
        p.conjuncts for p in places)


def _order_of(trigger: Trigger, enforced_at: set[int]) -> bool:
    """An order whose complement is a coercive act or a sanction: the act is coded, the
    order is how it was done."""
    tok = trigger.token
    return (trigger.rule.plover == "DEMAND" and tok.lemma_.lower() in _ORDER_VERBS
            and any(c.dep_ in ("xcomp", "ccomp") and c.i in enforced_at
                    for c in tok.children))


def _ordered(tok: Token) -> bool:
    """The complement of an order verb ("ordered the paper to suspend publication")."""
    return tok.dep_ in ("xcomp", "ccomp") and tok.head.lemma_.lower() in _ORDER_VERBS


def _folded(tok: Token, folding_at: set[int]) -> bool:
    """"threatened to shell", "agreed to cooperate", "refused to meet": the complement is
    the content of the threat, agreement or refusal, coded with it."""
    return tok.dep_ == "xcomp" and tok.head.i in folding_at


def _event_subject(tok: Token, nominal_at: set[int]) -> bool:
    """"The shelling destroyed a school": what an event did is that event, not another."""
    return any(c.dep_ == "nsubj" and c.i in nominal_at for c in tok.children)


def _sports_copy(sent: SpacySpan, lex: Lexicon) -> bool:
    """Sports, arts and business copy borrow the words of war ("attack", "battle",
    "shot"): a sentence with their vocabulary and no weapon is not about violence."""
    lemmas = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
    sport = any(lex.in_class(w, "sportscontext") for t in sent if _sports_noun(t)
                for w in (t.lemma_.lower(), t.lower_))
    weapon = any(lex.in_class(w, c) for w in lemmas for c in _WEAPON_CLASSES)
    return sport and not weapon


def _sports_noun(tok: Token) -> bool:
    """A word that can only be sport or trade here: a noun that is not a quantity
    ("scores of refugees"), or a verb of scoring; war has its verbs too ("fight", "set
    up", "won control")."""
    if tok.pos_ in ("VERB", "AUX"):
        return tok.lemma_.lower() == "score"
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    return not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children) or (
        tok.lemma_.lower() not in _QUANTITY_NOUNS)


_QUANTITY_NOUNS = frozenset({"score", "round", "set", "series", "host", "string", "raft"})


def _must_demands(sent: SpacySpan, lex: Lexicon) -> list[Trigger]:
    """"X said Y must Z": the speaker demands (CAMEO 100)."""
    out = []
    for tok in sent:
        if tok.lemma_.lower() not in _SPEECH:
            continue
        for comp in tok.children:
            if comp.dep_ == "ccomp" and any(c.dep_ == "aux" and c.lower_ in _MUST
                                            for c in comp.children):
                rule = TriggerRule("say", "must", "VERB", (), "100", "DEMAND", None, (),
                                   "speech verb with a 'must' clause")
                out.append(Trigger(tok, rule))
                break
    return out


def _dismissals(sent: SpacySpan) -> list[Trigger]:
    """"X said a ceasefire is out of the question": the speaker rejects it (CAMEO 120)."""
    out = []
    for tok in sent:
        if tok.lemma_.lower() not in _SPEECH:
            continue
        for comp in tok.children:
            if comp.dep_ == "ccomp" and _out_of_question(comp):
                rule = TriggerRule("say", "out", "VERB", (), "120", "REJECT", None, (),
                                   "speech verb with an 'out of the question' clause")
                out.append(Trigger(tok, rule))
                break
    return out


def _out_of_question(clause: Token) -> bool:
    """"... is out of the question" (not "out of the questions asked")."""
    for out in clause.children:
        if out.dep_ == "prep" and out.lower_ == "out":
            for of in out.children:
                if of.dep_ == "prep" and of.lower_ == "of" and any(
                        q.dep_ == "pobj" and q.lower_ == "question" for q in of.children):
                    return True
    return False


_HOSTILE = frozenset({"ASSAULT", "FIGHT", "COERCE", "THREATEN", "SANCTION", "DISAPPROVE",
                      "REJECT", "MOBILIZE"})


def _allegations(sent: SpacySpan, lex: Lexicon, found: Sequence[Trigger]) -> list[Trigger]:
    """"The ministry claimed that the rebels had shelled the town": whoever claims
    another's hostile act accuses them (CAMEO 112); the act stays an event of its own."""
    hostile = {t.token.i for t in found if t.verbal and t.rule.plover in _HOSTILE}
    out = []
    for tok in sent:
        if tok.pos_ != "VERB" or not lex.in_class(tok.lemma_.lower(), "allegeverb"):
            continue
        if any(c.dep_ == "ccomp" and c.i in hostile and not _own_act(c)
               for c in tok.children):
            rule = TriggerRule(tok.lemma_.lower(), None, "VERB", (), "112", "DISAPPROVE",
                               "allege", (), "claim of another's hostile act")
            out.append(Trigger(tok, rule))
    return out


_SELF = frozenset({"it", "they", "we", "he", "she", "i"})


def _own_act(clause: Token) -> bool:
    """"The rebels claimed that they had attacked the base": a pronoun subject of the
    claimed act is the claimant (as in :func:`.arguments._speaker_for_pronoun`), who
    claims a deed, not accuses anyone."""
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and all(s.lower_ in _SELF for s in subjects)


def _appeals(sent: SpacySpan, lex: Lexicon) -> list[Trigger]:
    """"Washington wants Moscow to withdraw": wanting another actor to act is an appeal
    to them (CAMEO 02)."""
    out = []
    for tok in sent:
        if tok.pos_ != "VERB" or not lex.in_class(tok.lemma_.lower(), "appealverb"):
            continue
        if any(c.dep_ == "aux" and c.lower_ in ("might", "may", "could", "would")
               for c in tok.children):
            continue  # "might want X to go" is a guess at a wish, not an appeal
        own = {c.i for c in tok.children if c.dep_ == "nsubj"}
        for comp in tok.children:
            if comp.dep_ not in ("ccomp", "xcomp") or comp.pos_ != "VERB":
                continue
            other = [c for c in comp.children if c.dep_ == "nsubj" and c.i not in own
                     and (c.pos_ == "PROPN" or c.ent_type_ in ("GPE", "NORP", "ORG", "PERSON"))]
            if own and other:
                rule = TriggerRule(tok.lemma_.lower(), None, "VERB", (), "020", "DEMAND",
                                   None, (), "wanting another actor to act")
                out.append(Trigger(tok, rule))
                break
    return out


def _code_trigger(trigger: Trigger, sent: SpacySpan, pb: ParsedBlock, ctx: Context,
                  lex: Lexicon, resolver: ActorResolver) -> _Draft | None:
    tok, rule = trigger.token, trigger.rule
    args = _arguments(trigger, lex)
    placed = _placed_authority(tok, args.sources)
    if placed and (status_of(tok, lex) not in _DONE or _spread(tok, args.sources)):
        args = arguments.Arguments((), args.targets)
    if args.sources and all(_nobody(s) for s in args.sources):
        return None  # "no country has agreed to take them back": nobody acted
    sources = _actors(args.sources, pb, resolver, remember=True)
    if trigger.verbal:
        for subj in args.sources:
            sources += _actors(tuple(arguments.companions(subj)), pb, resolver,
                               remember=False, only_coded=True)
    sources = _distinct(sources)
    if not any(a.code or a.sector or a.person_id or a.org_id for a in sources):
        return None
    if rule.plover in VIOLENT and not any(a.code or a.sector for a in sources):
        # A bare name with no country, office or force behind it ("Mitch killed 10,000")
        # is more often a storm, a film or a player than a party to violence.
        return None
    targets = _not_sources(_distinct(_actors(args.targets, pb, resolver, remember=False)),
                           sources)
    rule = _taken_place(trigger, rule, pb, ctx.places)
    rule = _captives(rule, sources)
    rule = _repression(_riot(rule, sources, sent, lex), sources, targets)
    rule = _melee(rule, sources, sent, lex)
    rule = _joint_drill(rule, sources, lex)
    if rule.plover in VIOLENT and not _plausibly_violent(rule, sources, targets, sent, lex):
        return None
    status = status_of(tok, lex)
    if (rule.cameo == "100" and rule.particle == "must") or (
            rule.plover == "DEMAND" and status == DEMANDED):
        status = "asserted"  # "reiterated its call for": a demand repeated is made
    if status == DEMANDED and rule.plover in _ENFORCED and _ordered(tok):
        status = "asserted"  # an authority's order is carried out by giving it
    if rule.plover in VIOLENT and _poised(tok, lex) and any(a.sector in _ARMED
                                                            for a in sources):
        # "the army prepared to resume shelling": a force readied to strike is a
        # military posture (CAMEO 152), not yet the strike nor a threat to anyone.
        rule, status = replace(rule, cameo="152", plover="MOBILIZE", mode="troops",
                               contexts=("military",)), "asserted"
    plover, cameo = _as_announced(rule, status, tok, lex)
    text = ctx.document.text
    evidence = _evidence(tok, args.sources, sent, pb, text)
    sentence = pb.span(sent.start_char, sent.end_char, text)
    # "was arrested in Egypt": the country that acted is also where it acted.
    place = links.event_place(tok, sent, pb.offset, ctx.places,
                              parties=() if placed else args.sources)
    day, precision = links.event_date(ctx, sentence)
    if status == ASSERTED and links.long_before(ctx, day):
        status = HISTORICAL  # "Isis seized the town in 2014": recalled, not the news
    # ACLED records what took place: an announced or a denied act is not an ACLED event.
    acled = (links.acled_coding(sent, pb.offset, text, plover, rule.mode)
             if plover in _ACLED_TYPES and status not in (FUTURE, NEGATED)
             else links.NO_ACLED)
    event = links.linked_event(
        links.links_for(ctx, sentence, place, day, precision, acled),
        plover_type=plover, evidence=evidence, mode=rule.mode,
        contexts=tuple(dict.fromkeys(rule.contexts)), status=status, cameo_code=cameo,
        sources=sources, targets=targets,
        confidence=_confidence(trigger, sources, targets, status),
        produced_by=f"{VERSION} {rule.name}",
    )
    key = (frozenset(a.code or a.sector for a in sources), plover, event.place_id, day,
           status, sentence.start if plover in VIOLENT else None)
    return _Draft(event, key)


def _not_sources(targets: Sequence[Actor], sources: Sequence[Actor]) -> tuple[Actor, ...]:
    """"They were captured by Turkish soldiers": a pronoun target read back to the actor
    just named is that actor again, the source; an actor is not its own target."""
    own = {(a.name, a.code, a.sector) for a in sources}
    return tuple(a for a in targets if (a.name, a.code, a.sector) not in own)


def _nobody(source: Token) -> bool:
    """A source that names nobody: "no country", "nobody", "no one", "none of them"."""
    return (source.lower_ in ("nobody", "none", "noone", "no-one")
            or (source.lower_ == "one" and any(c.lower_ == "no" for c in source.children))
            or any(c.dep_ == "det" and c.lower_ == "no" for c in source.children))


_ARMED = frozenset({"MIL", "REB", "COP", "SPY", "UAF", "IMG"})
_STATE = _ARMED | {"GOV", "JUD", "LEG", "IGO"}
_UNARMED = frozenset({"BUS", "MED", "EDU", "ELI", "LAB", "SPT"})
_CROWDS = frozenset({"Protesters", "Rioters"})
_MILITIAS = frozenset({"Identity militias", "Political militias", "Rebel groups", "Rioters"})


def _country_only(actor: Actor) -> bool:
    """A country named as such ("Iraq", "the Russian side"), no person, body or force."""
    return bool(actor.code and len(actor.code) == 3 and not actor.person_id
                and not actor.org_id and actor.sector is None)


def _war_words(sent: SpacySpan, lex: Lexicon,
               classes: tuple[str, ...] = (*_WEAPON_CLASSES, "military")) -> bool:
    """A noun of weapons or forces (or of ``classes``) in the sentence."""
    return any(t.pos_ == "NOUN" and any(lex.in_class(t.lemma_.lower(), c) for c in classes)
               for t in sent)


def _plausibly_violent(rule: TriggerRule, sources: Sequence[Actor], targets: Sequence[Actor],
                       sent: SpacySpan, lex: Lexicon) -> bool:
    """Business, arts and sport fight, battle, attack and shoot without weapons. A word
    of war in its own right (shelling, air strike, bombing) is violence; a generic one
    ("attack", "fight", "battle", "shoot") needs a force on one side, a weapon or force
    named in the sentence, or a state acting on a state or a place. A COERCE act needs a
    state or armed source; an ASSAULT a source that is not a company, a newspaper or a
    school. A violated truce is violence."""
    if rule.plover == "FIGHT":
        if lex.in_class(rule.trigger, "warword") or _truce_object(rule, lex):
            return True
        state = any(_country_only(a) or a.sector == "GOV" for a in sources)
        return (any(a.sector in _ARMED for a in (*sources, *targets))
                or _war_words(sent, lex)
                or (state and (any(_country_only(a) or a.sector in _STATE for a in targets)
                               or _war_words(sent, lex, ("position", "territory")))))
    if rule.plover == "COERCE":  # a body of a country, of no known kind, may be official
        return any(a.sector in _STATE or a.acled_inter in _MILITIAS
                   or (a.sector is None and a.code and len(a.code) == 3 and not a.person_id)
                   for a in sources)
    return not all(a.sector in _UNARMED for a in sources) or _war_words(sent, lex)


def _truce_object(rule: TriggerRule, lex: Lexicon) -> bool:
    """"violated the ceasefire": a sense fixed by a truce is an act of war."""
    truce = lex.classes.get("ceasefire", frozenset())
    return any(c.dep == "obj" and not c.negated and c.words & truce for c in rule.conditions)


def _riot(rule: TriggerRule, sources: Sequence[Actor], sent: SpacySpan,
          lex: Lexicon) -> TriggerRule:
    """Protesters who attack or burn riot (CAMEO 145); civilians who blockade obstruct
    (144): their force is a protest's. Protesters who fire missiles or set off bombs
    fight (a riot has no weapons of war)."""
    if not sources:
        return rule
    armed = rule.mode in ("heavy-weapons", "explosives", "aerial") or _war_words(
        sent, lex, ("heavyweapon", "bomb", "aircraft"))
    if rule.plover in ("FIGHT", "ASSAULT") and not armed and all(
            a.acled_inter in _CROWDS for a in sources):
        return replace(rule, cameo="145", plover="PROTEST", mode="riot", contexts=())
    if rule.plover == "COERCE" and rule.cameo.startswith("191") and all(
            a.sector in _CIVIC for a in sources):
        return replace(rule, cameo="144", plover="PROTEST", mode="obstruct", contexts=())
    return rule


_CIVIC = frozenset({"CVL", "OPP", "LAB", "EDU", "BUS", "REL", "AGR"})
_STATE_FORCES = frozenset({"MIL", "COP", "SPY"})
_POISED = frozenset({"prepare", "poise", "ready", "prepared", "gear", "brace"})
# Verbs a readied act may sit under ("prepared to resume shelling").
_PHASE = frozenset({"resume", "begin", "start", "launch", "continue", "renew", "step"})


def _poised(tok: Token, lex: Lexicon) -> bool:
    """The act is what a force gets ready for: the complement of "prepare", "poised",
    "ready", possibly through a verb of phase ("prepared to resume shelling")."""
    for _ in range(2):
        if tok.dep_ not in ("xcomp", "ccomp", "pcomp", "pobj", "prep", "dobj") or (
                tok.head.i == tok.i):
            return False
        head = tok.head
        if head.lemma_.lower() in _POISED or head.lower_ in _POISED:
            return True
        if head.lemma_.lower() not in _PHASE and not lex.in_class(head.lemma_.lower(),
                                                                  "lightverb"):
            return False
        tok = head
    return False


def _melee(rule: TriggerRule, sources: Sequence[Actor], sent: SpacySpan,
           lex: Lexicon) -> TriggerRule:
    """An attack with machetes, knives or clubs and no weapon of war, by anyone but a
    state force, is an assault on people (CAMEO 180), not a battle."""
    if (rule.plover != "FIGHT" or rule.mode in ("heavy-weapons", "aerial", "explosives")
            or any(a.sector in _STATE_FORCES for a in sources)
            or not _war_words(sent, lex, ("bladeweapon",))
            or _war_words(sent, lex, _WEAPON_CLASSES)):
        return rule
    return replace(rule, cameo="180", plover="ASSAULT", mode="beat", contexts=())


def _joint_drill(rule: TriggerRule, sources: Sequence[Actor], lex: Lexicon) -> TriggerRule:
    """Exercises held by the forces of two or more countries together ("British and
    French troops held exercises") are joint exercises, military cooperation (CAMEO 062),
    not one side's show of force."""
    drill_words = lex.classes.get("drill", frozenset()) | {"game", "games"}  # war games
    drills = any(c.dep == "obj" and c.words & drill_words for c in rule.conditions)
    countries = {a.code[:3] for a in sources if a.code and len(a.code) >= 3}
    if rule.plover != "MOBILIZE" or not drills or len(countries) < 2:
        return rule
    return replace(rule, cameo="062", plover="COOPERATE", mode=None, contexts=("military",))


_TAKING = frozenset({"capture", "seize"})
_CAPTURE = ("192", "FIGHT", "heavy-weapons", ("military",))
_NON_STATE = frozenset({"Rebel groups", "Political militias", "Identity militias"})


def _taken_place(trigger: Trigger, rule: TriggerRule, pb: ParsedBlock,
                 places: Sequence[Place]) -> TriggerRule:
    """"Rebels captured Goma", "seized half of Mekele": a capture or seizure whose object
    the places stage read as a place is territory taken by force (CAMEO 192), whatever
    the tagger made of the name (a person, an organisation)."""
    if (not trigger.verbal or rule.trigger not in _TAKING or rule.cameo == _CAPTURE[0]
            or not places):
        return rule
    heads = objects(trigger.token)
    heads += [o for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ == "of"
              for o in p.children if o.dep_ == "pobj"]
    starts = {pb.offset + h.idx for h in heads if h.pos_ == "PROPN"}
    if not any(m.start <= at < m.end for p in places for m in p.mentions for at in starts):
        return rule
    cameo, plover, mode, contexts = _CAPTURE
    return replace(rule, cameo=cameo, plover=plover, mode=mode, contexts=contexts)


def _captives(rule: TriggerRule, sources: Sequence[Actor]) -> TriggerRule:
    """People captured by rebels or militias are abducted (CAMEO 181), not arrested: only
    a state's forces and courts arrest."""
    if (rule.cameo == "173" and rule.trigger == "capture" and sources
            and all(a.sector == "REB" or a.acled_inter in _NON_STATE for a in sources)):
        return replace(rule, cameo="181", mode="detain", contexts=())
    return rule


def _repression(rule: TriggerRule, sources: Sequence[Actor],
                targets: Sequence[Actor]) -> TriggerRule:
    """Police or troops who clash with, attack or fire on protesters or rioters
    repress them (CAMEO 175): the crowd is not a party to a battle."""
    if (rule.plover in ("FIGHT", "ASSAULT") and targets
            and all(a.acled_inter in _CROWDS for a in targets)
            and any(a.sector in _STATE_FORCES for a in sources)
            and not any(a.acled_inter in _CROWDS for a in sources)):
        return replace(rule, cameo="175", plover="COERCE", mode=None,
                       contexts=("rights_freedoms",))
    return rule


def _arguments(trigger: Trigger, lex: Lexicon) -> arguments.Arguments:
    if trigger.verbal:
        args = arguments.verb_arguments(trigger.token, lex)
        verb = trigger.token
    else:
        args = arguments.noun_arguments(trigger.token, lex)
        verb = trigger.token.head if trigger.token.dep_ == "dobj" else trigger.token
    if not args.sources:
        raised = _raised_subject(verb, lex)
        if raised:
            return arguments.Arguments(raised, args.targets)
    return args


def _raised_subject(verb: Token, lex: Lexicon) -> tuple[Token, ...]:
    """"The premier is scheduled to attend", "Iran is expected to hold talks": a passive
    verb of schedule or expectation lends its subject to the act it governs."""
    tok = verb
    for _ in range(3):
        if tok.dep_ != "xcomp" or tok.head.i == tok.i:
            return ()
        head = tok.head
        if lex.in_class(head.lemma_.lower(), "schedulehead"):
            subjects = tuple(c for c in head.children if c.dep_ == "nsubjpass")
            if subjects:
                return subjects
        tok = head
    return ()


def _actors(heads: Sequence[Token], pb: ParsedBlock, resolver: ActorResolver, *,
            remember: bool, only_coded: bool = False) -> tuple[Actor, ...]:
    found: list[Actor] = []
    for head in heads:
        for actor in resolver.resolve(head, pb, remember=remember):
            if not only_coded or actor.code:
                found.append(actor)
    return tuple(found)


def _distinct(actors: Sequence[Actor]) -> tuple[Actor, ...]:
    out: list[Actor] = []
    for a in actors:
        if not any((a.code, a.sector, a.person_id, a.org_id)
                   == (b.code, b.sector, b.person_id, b.org_id) for b in out):
            out.append(a)
    return tuple(out)


def _as_announced(rule: TriggerRule, status: str, tok: Token,
                  lex: Lexicon) -> tuple[str, str]:
    """PLOVER type and CAMEO code: a declared intent to act coded as intent (03x), an
    announced hostile act as a threat (13x), a scheduled act as the act itself."""
    if status in (FUTURE, HYPOTHETICAL):
        if rule.plover in _THREAT:
            return "THREATEN", _THREAT[rule.plover]
        if rule.mode == "boycott":
            return "THREATEN", "1312"
        if _unless(tok):
            return "THREATEN", "130"
        if rule.plover in _INTENT and (status == HYPOTHETICAL or _declared(tok, lex)):
            return "AGREE", _INTENT[rule.plover]
    if status == NEGATED and (rule.plover == "AGREE" or (rule.plover in _INTENT
                                                         and _refusal(tok))):
        return "REJECT", "120"
    return rule.plover, rule.cameo


def _declared(tok: Token, lex: Lexicon) -> bool:
    """A future act its doer declares: governed by a verb of intent or commitment
    ("plans to visit", "pledged to send"), or reported speech ("said it will visit",
    "will visit, officials said", "according to the ministry"). Otherwise the sentence
    foretells the act itself ("will meet", "is scheduled to attend", "is due to visit")."""
    cue = future_cue(tok, lex)
    if cue is not None and verb_in_class(cue, lex, "intenthead"):
        return True
    if any(a.lemma_.lower() in _SPEECH for a in tok.ancestors):
        return True
    # "X will do Y, officials said": the parser may hang the trailing speech verb on the
    # reported clause rather than the reverse.
    if any(c.lemma_.lower() in _SPEECH and c.dep_ in ("parataxis", "conj")
           for a in (tok, *tok.ancestors) for c in a.children):
        return True
    clause = next((a for a in (tok, *tok.ancestors) if a.dep_ == "ROOT"), tok)
    return any(t.lower_ == "according" and _names_a_source(t, lex) for t in clause.subtree)


def _names_a_source(according: Token, lex: Lexicon) -> bool:
    """"according to officials" names who said so; "according to the plan" does not."""
    return any(o.dep_ == "pobj" and not lex.in_class(o.lemma_.lower(), "plan")
               for to in according.children for o in to.children)


def _unless(tok: Token) -> bool:
    """"will withdraw its troops unless ...": an act announced on a condition the other
    side must meet is a threat."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless"
                                         for m in c.children) for c in tok.children)


def _refusal(tok: Token) -> bool:
    """"will not accept", "would not meet": a negated intent is a refusal."""
    aux = {c.lower_ for c in tok.children if c.dep_ == "aux"}
    return bool(aux & {"will", "would", "wo", "shall"})


def _evidence(tok: Token, sources: Sequence[Token], sent: SpacySpan, pb: ParsedBlock,
              text: str) -> Span:
    """The smallest clause around the trigger that holds its source, else the sentence.
    A passive joined to an earlier one shares its subject and holds its verb too ("a
    man was shot and killed by a gunman")."""
    clause = tok.head if _shared_passive(tok) else tok
    needed = {s.i for s in sources}
    while clause.head.i != clause.i and clause.i >= sent.start:
        covered = {t.i for t in clause.subtree}
        if needed <= covered and clause.pos_ in ("VERB", "AUX"):
            break
        clause = clause.head
    tokens = [t for t in clause.subtree if sent.start <= t.i < sent.end]
    while len(tokens) > 1 and tokens[-1].is_punct:
        tokens = tokens[:-1]
    while len(tokens) > 1 and tokens[0].is_punct:
        tokens = tokens[1:]
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    return pb.span(start, end, text)


def _shared_passive(tok: Token) -> bool:
    """"Was shot and killed by": a participle joined to a passive verb, with no subject
    of its own."""
    head = tok.head
    return (tok.dep_ == "conj" and tok.tag_ == "VBN" and head.pos_ == "VERB"
            and any(c.dep_ == "nsubjpass" for c in head.children)
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children))


def _confidence(trigger: Trigger, sources: Sequence[Actor], targets: Sequence[Actor],
                status: str) -> float:
    """A rule's confidence: higher for verbs, coded sources and a target."""
    score = 0.55 if trigger.verbal else 0.45
    if any(a.code for a in sources):
        score += 0.2
    if targets:
        score += 0.1
    if trigger.rule.conditions:
        score += 0.1
    if status == DEMANDED:
        score -= 0.05
    return round(min(score, 0.95), 2)
