"""ACLED event and sub-event types of a sentence or short passage, from a cue lexicon.

ACLED's 25 sub-event types are defined mostly by *what was used* (an airstrike, a grenade,
an IED, a suicide bomber, chemicals), *who did it to whom* (armed groups fighting each
other, an armed group attacking civilians, a crowd) and *what came of it* (territory taken,
protesters dispersed or shot). News prose names these with a fairly closed vocabulary, so
the classifier is a weighted lexicon (``resolve/data/acled_cues.tsv``) plus a few decisions
that words alone cannot make:

* a protest is peaceful, met with intervention, met with excessive force, or violent,
  depending on what else the text reports (``_protest_label``);
* territory taken by force goes to "Government regains territory" or "Non-state actor
  overtakes territory" depending on who took it (``_capture_label``);
* weak cues ("explosion", "attack", "fighting") count only with a context group present
  (``resolve/data/acled_context.tsv``), which keeps sport, business and culture prose
  ("the striker's attack", "a box-office bomb") from being read as violence.

Each cue row counts once; cues in the first sentence weigh more (news leads with the main
event). The best-scoring label wins, ties going to the more specific type (the order of
:data:`SUB_EVENT_TYPES`); below :data:`MIN_SCORE` nothing is returned.

``classify`` answers for one text; ``classify_many`` for a batch (the lexicon is compiled
once and shared). Nothing is read at import: the lexicon loads on first use.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass

from eventwire.errors import DictionaryError
from eventwire.resolve.dictionaries import Source, data_file, read_rows

__all__ = [
    "EVENT_TYPES",
    "MIN_SCORE",
    "SUB_EVENT_TYPES",
    "VERSION",
    "AcledLabel",
    "Lexicon",
    "classify",
    "classify_many",
    "default_lexicon",
    "load_lexicon",
]

log = logging.getLogger(__name__)

VERSION = "acled.rules.v8"

# Sub-event type -> event type, most specific first: ties between labels go to the earlier one.
SUB_EVENT_TYPES: dict[str, str] = {
    "Disrupted weapons use": "Strategic developments",
    "Chemical weapon": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Grenade": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Air/drone strike": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Sexual violence": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
    "Excessive force against protesters": "Protests",
    "Protest with intervention": "Protests",
    "Violent demonstration": "Riots",
    "Peaceful protest": "Protests",
    "Mob violence": "Riots",
    "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Headquarters or base established": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments",
    "Agreement": "Strategic developments",
    "Arrests": "Strategic developments",
    "Armed clash": "Battles",
    "Attack": "Violence against civilians",
    "Looting/property destruction": "Strategic developments",
    "Change to group/activity": "Strategic developments",
    "Other": "Strategic developments",
}
EVENT_TYPES: tuple[str, ...] = tuple(dict.fromkeys(SUB_EVENT_TYPES.values()))
VIOLENT_EVENT_TYPES = frozenset(
    {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"})

# Working labels of the lexicon, resolved into sub-event types by the rules below.
PROTEST, RIOT, INTERVENE, FORCE, CAPTURE = "@protest", "@riot", "@intervene", "@force", "@capture"
_WORKING = frozenset({PROTEST, RIOT, INTERVENE, FORCE, CAPTURE})
NON_VIOLENT = "Non-violent transfer of territory"
_RIOT_AT_PROTEST = ("Armed clash", "Looting/property destruction")

MIN_SCORE = 3.0  # a single weak cue (weight 2) is not enough to call an event
LEAD_BONUS = 1.25  # a cue in the first sentence weighs this much more
SUPPORT_SHARE = 0.2  # weight of a label's other cues after its strongest one
_CUE_HEADER = ("label", "weight", "context", "pattern")
_CONTEXT_HEADER = ("group", "pattern")
_PRIORITY = {label: i for i, label in enumerate(SUB_EVENT_TYPES)}
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”')\]]*\s+(?=[\"“(\[]?[A-Z0-9])")
_RIOT_WORD = re.compile(r"\briot(?:s|ed|ing|ers?)?\b(?! (?:police|gear|squads?|control|officers))",
                        re.IGNORECASE)
_RESTORE = re.compile(r"^(?:re|liberat|regain|won back|reclaim|recover|freed|cleared)",
                      re.IGNORECASE)
_FELL_TO = re.compile(r"^(?:fell|fallen|falls|fall)\b", re.IGNORECASE)
# An actor right after one of these is not the one taking the place ("a crackdown on militants").
_OBLIQUE = re.compile(r"\b(?:from|against|on|with|of|to|by|targeting|after|than)\s+(?:the\s+)?"
                      r"(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE)
# Fighting named near a withdrawal: the place was not handed over without violence.
_FIGHT_WORDS = re.compile(r"\b(?:under fire|fighting|fierce|heavy clashes|clashes|battles?|assault|"
                          r"offensive|counter-?attack|shelling|airstrikes?)\b", re.IGNORECASE)
# Words that make the cue right after them not a report of the event: negation and anticipation.
_UNREAL = re.compile(
    r"\b(?:no|not|never|without|anticipation of|ahead of|plans? to|planning to|"
    r"threat(?:en(?:ed|s|ing)?)? to|vow(?:ed|s)? to|calls? for|called for|calling for|fears? of|"
    r"risk of|threat of|"
    r"possible|potential|prevent(?:ed|ing)?|avert(?:ed|ing)?)\s+(?:[\w'’-]+\s+){0,2}$",
    re.IGNORECASE)
_UNREAL_REACH = 40
# An event named as what came before or prompted the reported one ("retook the village after
# heavy shelling") is background: its cue weighs a little less, enough to lose a tie.
_ANTECEDENT = re.compile(
    r"\b(?:after|following|amid|despite|in retaliation for|in response to|in revenge for)\s+"
    r"(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)
ANTECEDENT_SHARE = 0.9
# What a protest was against or demanded: background to the protest, not a new event.
_PROTEST_OBJECT = re.compile(
    r"\b(?:protest\w*|rall(?:y|ies|ied)|demonstrat\w*|march(?:ed|es|ing)?|vigils?|sit-ins?)\s+"
    r"(?:[\w'’-]+\s+){0,3}?(?:against|over|at|condemning|denouncing|demanding|decrying)\s+"
    r"(?:[\w'’-]+\s+){0,2}$|"
    r"\b(?:to|in) (?:protest|denounce|condemn|decry|mourn)\s+(?:against\s+|over\s+)?"
    r"(?:[\w'’-]+\s+){0,2}$|"
    r"\b(?:justice|release|freedom) (?:for|of)\s+(?:[\w'’-]+\s+){0,3}$",
    re.IGNORECASE)
# A protest named as the reason for another event: "arrested for organising a protest".
_PROTEST_REASON = re.compile(
    r"\b(?:for|after) (?:organi[sz]ing|leading|joining|taking part in|participating in|"
    r"calling for|inciting)\s+(?:[\w'’-]+\s+){0,2}$|"
    r"\b(?:leaders?|organi[sz]ers?|members?) of (?:the |a )?(?:[\w'’-]+\s+)?$|"
    r"\b(?:report(?:ed|ing)?|covering|covered) (?:on )?(?:the |a )?(?:[\w'’-]+\s+)?$",
    re.IGNORECASE)
# Words before a capture cue that make it a failed or ongoing try, fought over but not taken.
_ATTEMPT = re.compile(
    r"\b(?:attempts?|attempted|attempting|tried|trying|try|tries|bid|sought|seeking|efforts?|"
    r"push(?:ing)?|aim(?:ed|ing)?|fail(?:ed|ing)?)\s+(?:[\w'’-]+\s+){0,3}?to\s+(?:[\w'’-]+\s+){0,2}$",
    re.IGNORECASE)
# "by" names the taker, unless it names who held the place before ("villages held by rebels").
_BY = re.compile(r"(?<!held )(?<!controlled )(?<!occupied )(?<!run )\bby (?:the )?", re.IGNORECASE)
_BY_REACH = 40  # "captured on Monday by ...": how far past the cue a "by" may name the taker

# PLOVER type and mode hints from the event coder: extra weight for the labels they imply.
_PLOVER_TYPE_HINTS: dict[str, dict[str, float]] = {
    "FIGHT": {"Armed clash": 1.5},
    "ASSAULT": {"Attack": 1.5},
    "PROTEST": {PROTEST: 2.0},
    "COERCE": {"Arrests": 1.0},
    "MOBILIZE": {"Change to group/activity": 1.5},
    "RETREAT": {"Non-violent transfer of territory": 2.0},
    "AGREE": {"Agreement": 1.0},
}
_PLOVER_MODE_HINTS: tuple[tuple[str, str, float], ...] = (
    ("aerial", "Air/drone strike", 4.0),
    ("drone", "Air/drone strike", 4.0),
    ("heavy", "Shelling/artillery/missile attack", 1.5),  # coders use it broadly for fighting
    ("artillery", "Shelling/artillery/missile attack", 3.0),
    ("explosive", "Remote explosive/landmine/IED", 2.0),
    ("bomb", "Remote explosive/landmine/IED", 2.0),
    ("suicide", "Suicide bomb", 3.0),
    ("chemical", "Chemical weapon", 3.0),
    ("cbrn", "Chemical weapon", 3.0),
    ("wmd", "Chemical weapon", 2.0),
    ("sexual", "Sexual violence", 3.0),
    ("kidnap", "Abduction/forced disappearance", 3.0),
    ("abduct", "Abduction/forced disappearance", 3.0),
    ("arrest", "Arrests", 3.0),
    ("riot", RIOT, 3.0),
    ("demo", PROTEST, 2.0),
    ("ceasefire", "Agreement", 3.0),
    ("release", "Agreement", 1.5),
    ("detain", "Arrests", 2.0),
    ("destroy", "Looting/property destruction", 1.5),
    ("confiscat", "Looting/property destruction", 1.5),
    ("assassinat", "Attack", 1.5),
    ("massacre", "Attack", 1.5),
    ("tortur", "Attack", 1.5),
    ("beat", "Attack", 1.0),
    ("disarm", "Change to group/activity", 1.5),
    ("curfew", "Change to group/activity", 2.0),
    ("martial", "Change to group/activity", 2.0),
    ("obstruct", PROTEST, 1.5),
)


@dataclass(frozen=True, slots=True)
class AcledLabel:
    """The ACLED type of one passage and how sure the classifier is.

    ``cue`` is the (start, end) offsets, in the classified text, of the words that decided
    the label, so that a caller can keep them as evidence (offsets into its own text are the
    caller's sentence offset plus these).
    """

    event_type: str
    sub_event_type: str
    confidence: float
    produced_by: str = VERSION
    cue: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class Cue:
    """One row of the cue lexicon, compiled."""

    label: str
    weight: float
    pattern: re.Pattern[str]
    context: str | None = None  # a context group that must be present ...
    absent: bool = False  # ... or, if True, must not be
    origin: str = ""  # file and line of the row, for messages and experiments


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Cues and context groups; ``actors`` finds government and non-state actor names."""

    cues: tuple[Cue, ...]
    contexts: dict[str, re.Pattern[str]]
    actors: re.Pattern[str]
    needed: frozenset[str] = frozenset()  # the context groups some cue depends on


@dataclass(frozen=True, slots=True)
class _Hit:
    label: str
    weight: float
    start: int
    end: int


def _compile(pattern: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE)
    except re.error as e:
        raise DictionaryError(f"bad pattern: {e}", origin=where) from e


def _load_contexts(source: Source) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for where, fields in read_rows(source, _CONTEXT_HEADER):
        if not fields[0] or not fields[1]:
            raise DictionaryError("expected a group and a pattern", origin=where)
        _compile(fields[1], where)
        groups.setdefault(fields[0], []).append(fields[1])
    return groups


def _parse_cue(fields: list[str], where: str, groups: dict[str, list[str]]) -> Cue:
    label, weight, context, pattern = fields
    if label not in SUB_EVENT_TYPES and label not in _WORKING:
        raise DictionaryError(f"unknown label {label!r}", origin=where)
    try:
        value = float(weight)
    except ValueError as e:
        raise DictionaryError(f"weight {weight!r} is not a number", origin=where) from e
    name = context.lstrip("!")
    if name and name not in groups:
        raise DictionaryError(f"unknown context group {name!r}", origin=where)
    return Cue(label, value, _compile(pattern, where), name or None,
               context.startswith("!"), where)


def load_lexicon(cues: Source, contexts: Source) -> Lexicon:
    """Read and compile a cue table and its context table.

    Raises:
        DictionaryError: a row is malformed (naming the file and line).
    """
    groups = _load_contexts(contexts)
    table = tuple(_parse_cue(f, where, groups) for where, f in read_rows(cues, _CUE_HEADER))
    for needed in ("government", "nonstate"):
        if needed not in groups:
            raise DictionaryError(f"context group {needed!r} is missing", origin=str(contexts))
    compiled = {g: _compile("|".join(p), f"{contexts}:{g}") for g, p in groups.items()}
    # Non-state names first, so "rebel forces" is not read as government "forces".
    actors = re.compile(
        r"\b(?:(?P<nonstate>{})|(?P<government>{}))\b".format(
            "|".join(groups["nonstate"]), "|".join(groups["government"])),
        re.IGNORECASE)
    return Lexicon(table, compiled, actors, frozenset(c.context for c in table if c.context))


@functools.cache
def default_lexicon() -> Lexicon:
    """The packaged lexicon, loaded and compiled once."""
    return load_lexicon(data_file("acled_cues.tsv"), data_file("acled_context.tsv"))


def _lead_end(text: str) -> int:
    m = _SENTENCE_END.search(text)
    return m.start() if m else len(text)


def _present(lexicon: Lexicon, text: str) -> dict[str, bool]:
    """Which context groups occur in the text (only those some cue depends on)."""
    return {g: bool(lexicon.contexts[g].search(text)) for g in lexicon.needed}


def _first_asserted(pattern: re.Pattern[str], text: str, label: str) -> re.Match[str] | None:
    """The first match not negated or only anticipated ("no arrests", "ahead of protests").

    Nor one that only says what a protest was about ("protested against the shelling",
    "demanding justice for those killed") or that a protest was the reason for another
    event ("arrested for organising a protest").
    """
    background = _PROTEST_REASON if label == PROTEST else (
        None if label in (RIOT, CAPTURE) else _PROTEST_OBJECT)
    for m in pattern.finditer(text):
        before = max(0, m.start() - _UNREAL_REACH)
        if _UNREAL.search(text, before, m.start()):
            continue
        if background is not None and background.search(text, before, m.start()):
            continue
        return m
    return None


def _find_hits(lexicon: Lexicon, text: str) -> list[_Hit]:
    """Each cue row's first match whose context condition holds, weighted by position."""
    present = _present(lexicon, text)
    lead = _lead_end(text)
    hits = []
    for cue in lexicon.cues:
        if cue.context is not None and present[cue.context] == cue.absent:
            continue
        m = _first_asserted(cue.pattern, text, cue.label)
        if m:
            weight = cue.weight * (LEAD_BONUS if m.start() < lead else 1.0)
            if _ANTECEDENT.search(text, max(0, m.start() - _UNREAL_REACH), m.start()):
                weight *= ANTECEDENT_SHARE
            hits.append(_Hit(_attempted(cue.label, text, m.start()), weight, m.start(), m.end()))
    return _drop_nested(hits)


def _drop_nested(hits: list[_Hit]) -> list[_Hit]:
    """Drop a cue inside a longer, at least as strong cue of another label.

    The longer words are the more specific reading: "car bomb" inside "suicide car bomb"
    is the suicide bombing, not a second, remote one.
    """
    return [h for h in hits if h.label in _WORKING or not any(_inside(h, g) for g in hits)]


def _inside(h: _Hit, g: _Hit) -> bool:
    """Whether ``h`` lies within the longer, at least as strong cue ``g`` of another type."""
    return (g.label != h.label and g.label not in _WORKING and g.start <= h.start
            and h.end <= g.end and g.end - g.start > h.end - h.start and g.weight >= h.weight)


def _attempted(label: str, text: str, at: int) -> str:
    """A capture only tried ("an attempt to seize the town", "tried to retake") is a battle."""
    if label == CAPTURE and _ATTEMPT.search(text, max(0, at - _UNREAL_REACH), at):
        return "Armed clash"
    return label


def _sentence_bounds(text: str, at: int) -> tuple[int, int]:
    starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text)]
    start = max(s for s in starts if s <= at)
    ends = [s for s in starts if s > at]
    return start, ends[0] if ends else len(text)


def _actor_kind(m: re.Match[str]) -> str:
    return "nonstate" if m.group("nonstate") else "government"


def _capture_label(lexicon: Lexicon, text: str, hit: _Hit) -> str:
    """Government regains vs non-state actor overtakes: who took the place?

    The taker is named after "fell to" or "by", otherwise before the verb ("rebels seized
    the town"); with no actor named, re-taking verbs ("recaptured", "liberated") imply the
    government, plain taking verbs a non-state group.
    """
    start, end = _sentence_bounds(text, hit.start)
    cue_text = text[hit.start:hit.end]
    if _FELL_TO.match(cue_text):
        by: re.Match[str] | None = re.compile(r"\W*").match(text, hit.end)
    else:
        by = _BY.search(text, hit.start, min(end, hit.end + _BY_REACH))
    if by:
        m = lexicon.actors.match(text, by.end())
        if m:
            return _taker(_actor_kind(m))
    subjects = [m for m in lexicon.actors.finditer(text, start, hit.start)
                if not _OBLIQUE.search(text, max(start, m.start() - 25), m.start())]
    if subjects:  # the first actor not inside a prepositional phrase: the clause's subject
        return _taker(_actor_kind(subjects[0]))
    return _taker("government" if _RESTORE.match(cue_text) else "nonstate")


def _taker(kind: str) -> str:
    return ("Government regains territory" if kind == "government"
            else "Non-state actor overtakes territory")


def _protest_label(scores: dict[str, float]) -> str:
    """What a protest became: violent, met with lethal force, dispersed, or peaceful."""
    if scores.get(RIOT, 0.0) >= 4.0 and scores.get(RIOT, 0.0) >= scores.get(FORCE, 0.0) - 2:
        return "Violent demonstration"
    if scores.get(FORCE, 0.0) > 0:
        return "Excessive force against protesters"
    if scores.get(INTERVENE, 0.0) > 0:
        return "Protest with intervention"
    if scores.get(RIOT, 0.0) > 0:
        return "Violent demonstration"
    return "Peaceful protest"


def _score(hits: list[_Hit]) -> tuple[dict[str, float], dict[str, _Hit]]:
    """Per label: its strongest cue, plus a share of the others (more rows is not more truth)."""
    total: dict[str, float] = {}
    best: dict[str, _Hit] = {}
    for h in hits:
        total[h.label] = total.get(h.label, 0.0) + h.weight
        if h.label not in best or h.weight > best[h.label].weight:
            best[h.label] = h
    scores = {k: best[k].weight + SUPPORT_SHARE * (v - best[k].weight) for k, v in total.items()}
    return scores, best


def _add_hints(scores: dict[str, float], plover_type: str | None, mode: str | None) -> None:
    """Extra weight for the labels the event coder's PLOVER type and mode imply."""
    for label, w in _PLOVER_TYPE_HINTS.get((plover_type or "").upper(), {}).items():
        scores[label] = scores.get(label, 0.0) + w
    folded = (mode or "").lower()
    for key, label, w in _PLOVER_MODE_HINTS:
        if key in folded:
            scores[label] = scores.get(label, 0.0) + w


def _resolve(lexicon: Lexicon, text: str, scores: dict[str, float],
             best: dict[str, _Hit]) -> tuple[dict[str, float], dict[str, _Hit]]:
    """Turn working labels (@protest, @capture, ...) into sub-event types."""
    out = {k: v for k, v in scores.items() if k not in _WORKING}
    cues = {k: v for k, v in best.items() if k not in _WORKING}
    protest = scores.get(PROTEST, 0.0)
    if protest == 0.0 and _RIOT_WORD.search(text) and RIOT in best:
        protest = scores[RIOT]  # "rioters", "riots" are demonstrations in themselves
    if protest > 0:
        # At a demonstration, a clash or damage to property is the demonstrators' violence.
        scores = dict(scores)
        for absorbed in _RIOT_AT_PROTEST:
            if absorbed in out:
                scores[RIOT] = scores.get(RIOT, 0.0) + out.pop(absorbed)
        label = _protest_label(scores)
        modifier = {"Violent demonstration": RIOT, "Excessive force against protesters": FORCE,
                    "Protest with intervention": INTERVENE}.get(label)
        extra = scores.get(modifier, 0.0) if modifier else 0.0
        out[label] = out.get(label, 0.0) + protest + extra
        cue = best.get(PROTEST) or best.get(RIOT)
        if cue:
            cues[label] = cue
    if CAPTURE in best:
        label = _capture_label(lexicon, text, best[CAPTURE])
        if (out.get(NON_VIOLENT, 0.0) > 0 and out.get("Armed clash", 0.0) == 0
                and not _FIGHT_WORDS.search(text)):
            label = NON_VIOLENT  # taken after a withdrawal or hand-over, with no fighting
        out[label] = out.get(label, 0.0) + scores[CAPTURE]
        cues.setdefault(label, best[CAPTURE])
    return out, cues


def _confidence(ranked: list[tuple[str, float]]) -> float:
    """A margin-based confidence: a strong winner far ahead of the runner-up is near 0.95."""
    top = ranked[0][1]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    return round(min(0.95, top / (top + second + 2.0)), 3)


def classify(text: str, *, plover_type: str | None = None, mode: str | None = None,
             lexicon: Lexicon | None = None) -> AcledLabel | None:
    """The ACLED event and sub-event type a passage reports, or None when it reports none.

    Args:
        text: one sentence or a short passage (a snippet, an event's sentence).
        plover_type: the event coder's PLOVER type, if known ("ASSAULT", "PROTEST", ...);
            it adds weight to the ACLED types it implies, never decides alone.
        mode: the PLOVER mode ("aerial", "heavy-weapons", ...), used the same way.
        lexicon: a lexicon to use instead of the packaged one (tests, experiments).

    Raises:
        TypeError: ``text`` is not a string.
    """
    if not isinstance(text, str):
        raise TypeError(f"classify expects a str, got {type(text).__name__}")
    lex = lexicon or default_lexicon()
    hits = _find_hits(lex, text)
    if not hits:  # hints weigh the evidence in the text; they are not evidence themselves
        return None
    scores, best = _score(hits)
    _add_hints(scores, plover_type, mode)
    scores, cues = _resolve(lex, text, scores, best)
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], _PRIORITY.get(kv[0], 99)))
    if not ranked or ranked[0][1] < MIN_SCORE:
        return None
    label = ranked[0][0]
    cue = cues.get(label)
    return AcledLabel(SUB_EVENT_TYPES[label], label, _confidence(ranked), VERSION,
                      (cue.start, cue.end) if cue else None)


def classify_many(texts: Iterable[str], *,
                  hints: Iterable[tuple[str | None, str | None]] | None = None,
                  lexicon: Lexicon | None = None) -> list[AcledLabel | None]:
    """``classify`` over many passages with one compiled lexicon, in order.

    ``hints``, if given, holds one (plover_type, mode) pair per text, in the same order.
    """
    lex = lexicon or default_lexicon()
    texts = list(texts)
    pairs = list(hints) if hints is not None else [(None, None)] * len(texts)
    if len(pairs) != len(texts):
        raise ValueError(f"{len(pairs)} hints for {len(texts)} texts")
    return [classify(t, plover_type=p, mode=m, lexicon=lex)
            for t, (p, m) in zip(texts, pairs, strict=True)]
