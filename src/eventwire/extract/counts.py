"""Counts: how many were killed, injured, displaced, detained... and how many places taken.

A count is a *figure* ("12", "forty", "more than 100,000", "between 30 and 40",
"dozens") tied to a *trigger* that says what it counts ("were killed",
"casualties", "the displacement of", "took control of"), optionally with the
*object* counted ("civilians", "villages and farms") and a *rate* ("daily").
The constructions news copy uses (see ``resolve/data/count_triggers.tsv``):

* after:   "12 people were killed", "three subversives killed in the clash"
* subject: "three dead", "two died", "40 are missing", "thousands have fled"
* noun:    "dozens of casualties", "12 civilian deaths", "3,000 refugees"
* before:  "killing 12", "the death toll rose to 30", "the displacement of 100,000 civilians"
* left:    "left 12 dead", "leaving 300 homeless"
* place:   "took control of about 40 villages and farms"

Matching is done with regular expressions over each block's text, case-insensitively,
so all-capitals wire copy reads like any other (a statistical parse of capitals is
unreliable). Every figure gives at most one count, and each mention is its own
record: conflicting figures in one article ("30 killed" and later "at least 45
killed") are kept apart, never summed.

Titles, headings and captions usually repeat a figure of the body: a count read there
is kept only when the body has no count of the same kind and value.

Figures: ``value_low`` is the figure as stated (the lower end of a range) and
``value_high`` its upper end, empty when the text gives only a floor ("more than",
"at least"). Vague words are coded by ACLED's convention (``count_vague.tsv``):
"dozens" -> 12, ``vague="dozens"``, ``approximate=True``.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.errors import DictionaryError
from eventwire.records import Count
from eventwire.resolve.dictionaries import data_file, read_rows

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from eventwire.extract.context import Context
    from eventwire.extract.parse import ParsedBlock

log = logging.getLogger(__name__)

VERSION = "counts.rules.v4"

KINDS = frozenset({"killed", "injured", "casualties", "displaced", "refugees", "detained",
                   "missing", "abducted", "captured_places"})
POSITIONS = frozenset({"after", "subject", "noun", "before", "left", "place"})
OBJECT_CLASSES = frozenset({"place", "unit", "agent"})
BODY_KINDS = frozenset({"paragraph"})  # captions, headings and titles repeat the body

# --- lexicons --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Qualifier:
    """A word before a figure: its canonical form and what it says about the figure."""

    phrase: str
    qualifier: str
    approximate: bool
    bound: str  # low, high, exact


@dataclass(frozen=True, slots=True)
class Trigger:
    phrase: str
    kind: str
    position: str


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The four count tables, indexed."""

    vague: dict[str, int]
    qualifiers: dict[str, Qualifier]
    triggers: tuple[Trigger, ...]
    objects: dict[str, str]

    def trigger(self, phrase: str, position: str) -> Trigger | None:
        key = _squash(phrase)
        return next((t for t in self.triggers
                     if t.position == position and t.phrase == key), None)


def load_vague(source: Traversable) -> dict[str, int]:
    """Vague quantity words and their coded value (``count_vague.tsv``)."""
    out: dict[str, int] = {}
    for origin, (phrase, value) in read_rows(source, ("phrase", "value")):
        if not value.isdigit():
            raise DictionaryError(f"value {value!r} is not a whole number", origin=origin)
        out[phrase.lower()] = int(value)
    return out


def load_qualifiers(source: Traversable) -> dict[str, Qualifier]:
    """Qualifier phrases (``count_qualifiers.tsv``)."""
    out: dict[str, Qualifier] = {}
    header = ("phrase", "qualifier", "approximate", "bound")
    for origin, (phrase, qualifier, approx, bound) in read_rows(source, header):
        if approx not in ("yes", "no") or bound not in ("low", "high", "exact"):
            raise DictionaryError(f"bad approximate/bound {approx!r}/{bound!r}", origin=origin)
        out[phrase.lower()] = Qualifier(phrase.lower(), qualifier, approx == "yes", bound)
    return out


def load_triggers(source: Traversable) -> tuple[Trigger, ...]:
    """Trigger phrases with the kind they count and where the figure stands."""
    out: list[Trigger] = []
    for origin, (phrase, kind, position) in read_rows(source, ("phrase", "kind", "position")):
        if kind not in KINDS:
            raise DictionaryError(f"unknown count kind {kind!r}", origin=origin)
        if position not in POSITIONS:
            raise DictionaryError(f"unknown position {position!r}", origin=origin)
        out.append(Trigger(_squash(phrase), kind, position))
    return tuple(out)


def load_objects(source: Traversable) -> dict[str, str]:
    """Object nouns and their class: place, unit or agent."""
    out: dict[str, str] = {}
    for origin, (word, cls) in read_rows(source, ("word", "class")):
        if cls not in OBJECT_CLASSES:
            raise DictionaryError(f"unknown object class {cls!r}", origin=origin)
        out[word.lower()] = cls
    return out


@functools.cache
def lexicon() -> Lexicon:
    """The packaged count tables, read once on first use."""
    return Lexicon(load_vague(data_file("count_vague.tsv")),
                   load_qualifiers(data_file("count_qualifiers.tsv")),
                   load_triggers(data_file("count_triggers.tsv")),
                   load_objects(data_file("count_objects.tsv")))


def _squash(text: str) -> str:
    return " ".join(text.lower().split())


def _alternation(phrases: Iterable[str]) -> str:
    """A regex alternation, longest first, where any white space may separate words."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in ordered)


# --- numbers ---------------------------------------------------------------------------

_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * (i + 2) for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split())}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_SHORT_SCALES = {"m": 1_000_000, "bn": 1_000_000_000, "k": 1_000}
_NUMBER_WORDS = {**_UNITS, **_TENS}

_WORD_NUM = "|".join(sorted([*_NUMBER_WORDS, *_SCALES], key=len, reverse=True))
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_NUMBER = (
    rf"(?:(?:{_DIGITS})(?:\s?(?:million|billion|thousand)\b|(?:m|bn)\b)?"
    rf"|(?:a\s+(?:hundred|thousand|million)|(?:{_WORD_NUM}))"
    rf"(?:(?:\s+|-)(?:and\s+)?(?:{_WORD_NUM}))*)(?![\w])"
)
_DIGIT_NUMBER = rf"(?:{_DIGITS})(?:\s?(?:million|billion|thousand)\b|(?:m|bn)\b)?"
# A hyphen joins digits into a range ("30-40") but words into one number ("forty-two").
_RANGE = (rf"(?:between\s+{_NUMBER}\s+and\s+{_NUMBER}|{_DIGIT_NUMBER}\s*[-–]\s*{_DIGIT_NUMBER}"
          rf"|{_NUMBER}\s+(?:to|or)\s+{_NUMBER})")


def parse_number(text: str) -> int | None:
    """The value of one figure written in digits or words ("1.5 million", "forty-two")."""
    t = _squash(text).replace("-", " ")
    m = re.fullmatch(rf"({_DIGITS})\s?(million|billion|thousand|m|bn)?", t)
    if m:
        value = float(m.group(1).replace(",", ""))
        scale = m.group(2)
        value *= _SCALES.get(scale or "", 0) or _SHORT_SCALES.get(scale or "", 1)
        return round(value)
    return _parse_words(t.split())


def _parse_words(words: list[str]) -> int | None:
    total, current, seen = 0, 0, False
    for w in words:
        if w in ("and", "a"):
            continue
        if w in _NUMBER_WORDS:
            current += _NUMBER_WORDS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in _SCALES:
            total += (current or 1) * _SCALES[w]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure as read: values, vagueness and qualifier."""

    value_low: int | None
    value_high: int | None
    approximate: bool = False
    vague: str | None = None
    qualifier: str | None = None


def parse_figure(text: str, qualifier: str | None = None) -> Figure | None:
    """Read a figure ("30-40", "between 30 and 40", "dozens", "forty") with its qualifier."""
    lex = lexicon()
    t = _squash(text)
    q = lex.qualifiers.get(_squash(qualifier)) if qualifier else None
    if t in lex.vague:
        return _qualified(Figure(lex.vague[t], None, True, t), q)
    parts = (re.fullmatch(rf"between\s+({_NUMBER})\s+and\s+({_NUMBER})", t)
             or re.fullmatch(rf"({_DIGIT_NUMBER})\s*[-–]\s*({_DIGIT_NUMBER})", t)
             or re.fullmatch(rf"({_NUMBER})\s+(?:to|or)\s+({_NUMBER})", t))
    if parts:
        low, high = parse_number(parts.group(1)), parse_number(parts.group(2))
        if low is None or high is None or high <= low:
            return None
        return _qualified(Figure(low, high), q)
    value = parse_number(t)
    return None if value is None else _qualified(Figure(value, value), q)


def _qualified(fig: Figure, q: Qualifier | None) -> Figure:
    if q is None:
        return fig
    high = None if q.bound == "low" else fig.value_high
    return Figure(fig.value_low, high, fig.approximate or q.approximate, fig.vague, q.qualifier)


# --- patterns --------------------------------------------------------------------------

# Words that end an object noun phrase: they belong to the clause, not to the thing counted.
_STOP = (
    "were|was|are|is|be|been|being|have|has|had|will|would|could|may|might|did|do|does|not|"
    "in|on|at|by|for|from|with|during|after|before|since|into|near|as|when|while|than|to|of|"
    "within|through|throughout|against|toward|towards|amid|amidst|among|along|around|beyond|"
    "despite|via|upon|onto|without|like|until|till|following|between|behind|across|off|out|"
    "up|down|where|what|how|why|there|then|just|only|even|still|again|ago|"
    "he|she|it|they|we|i|you|his|her|their|its|our|who|which|that|whom|whose|this|these|those|"
    "the|a|an|and|or|but|so|because|if|including|among|said|says|say|according|reportedly|"
    "also|all|both|each|per|daily|weekly|monthly|yesterday|today|last|over|under|about|"
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_DIRECTIONS = ("north|south|east|west|northern|southern|eastern|western|northeast|northwest|"
               "southeast|southwest|outside|inside|across|near|nearby|there|here|overnight")


def _word(stop: str) -> str:
    """One word of an object noun phrase: not a clause word, a number or a trigger."""
    return (rf"(?!(?:{_STOP}|{_DIRECTIONS}|{_WORD_NUM}|{stop})\b)(?!\d+(?:[.,]\d+)*\b)"
            r"[^\W_][\w'’.-]*(?<![.])")


def _obj(word: str) -> str:
    return (rf"(?P<obj>(?:\s+of(?:\s+(?:the|them|those|whom))?)?"
            rf"(?:\s+{word}){{0,3}}(?:\s+(?:and|&)(?:\s+{word}){{1,2}})?)")


_AUX_WORDS = (
    "were|was|are|is|have|has|had|been|being|be|got|reportedly|allegedly|also|later|all|both|"
    "each|initially|subsequently|confirmed|believed|feared|reported|said|thought|known|to|"
    "since|already|now|still|then|eventually|apparently|remain|remained|remains|found|left|"
    "officially|so far|ever|either|who|that"
)
_RELATIVE = frozenset({"who", "that"})  # "12 people who were killed": not an auxiliary itself
_AUX = rf"(?P<aux>(?:\s+(?:{_AUX_WORDS})){{0,5}})"
_SMALL_FIGURE = rf"(?:{_NUMBER}|several|some|most|many|all)"
# A parenthesis inside the counted phrase: "26 people, four of whom are policemen, were".
_ASIDE_BODY = (rf"(?:including|among them|most of them|many of them|all of them|mostly|mainly|"
               rf"some of them|among whom|{_SMALL_FIGURE}\s+of\s+(?:whom|them))\b[^,.;:()]{{1,80}}")
_ASIDE = (rf"(?P<aside>\s*(?:,\s*{_ASIDE_BODY},|\s--\s*{_ASIDE_BODY}\s*--|"
          rf"\s\(\s*{_ASIDE_BODY}\s*\)))?")
_DETERMINER = r"(?:(?:the|their|its|his|her|all|of)\s+)*"
# After a participle with no auxiliary, what may follow if the participle is passive.
_CLAUSE_END = re.compile(
    r"\s*(?:$|[,.;:)\]\"”'’-]|\s(?:in|on|at|by|during|after|when|while|as|and|or|since|near|"
    r"across|following|from|last|this|yesterday|today|overnight|earlier|so|but|with|"
    r"inside|outside|within|under|amid|over|between|around|throughout|because|along)\b)",
    re.IGNORECASE)
# Between two figures of one coordinated subject: "three policemen, a soldier, and four
# civilians were wounded"; "17 guerrillas and 2 soldiers dead".
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|,(?:[^,.;:\d]{1,60},){1,2}\s*(?:and\s+)?"
                       r"|,[^,.;:\d]{1,60}?\s+and\s+)", re.IGNORECASE)
_RATE = re.compile(
    r"\s*,?\s*(?P<rate>daily|weekly|monthly|annually|yearly|every\s+(?:single\s+)?"
    r"(?:day|week|month|year)|(?:a|per|each)\s+(?:day|week|month|year))\b",
    re.IGNORECASE)
_RATES = {"day": "daily", "week": "weekly", "month": "monthly", "year": "yearly",
          "annually": "yearly"}
_NEGATION = re.compile(r"\b(?:no|none|not|nobody|neither|without|zero)\b\W*(?:\w+\W+){0,2}$",
                       re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Patterns:
    by_position: dict[str, re.Pattern[str]]
    bare: re.Pattern[str]  # a figure and its object, with no trigger
    chain: re.Pattern[str]  # a further figure coordinated after a count
    asides: tuple[re.Pattern[str], ...]  # figures in a parenthesis ("four of whom are police")


def _figure_group(lex: Lexicon) -> str:
    quals = _alternation(lex.qualifiers)
    vague = _alternation(lex.vague)
    return (rf"(?<![\w$£€#.,])(?:(?P<q>{quals})\s+)?"
            rf"(?P<fig>{_RANGE}|{_NUMBER}|(?:{vague})(?![\w]))")


@functools.cache
def patterns() -> Patterns:
    """One compiled pattern per construction, built from the lexicon."""
    lex = lexicon()
    fig = _figure_group(lex)

    def trig(position: str) -> str:
        return _alternation(t.phrase for t in lex.triggers if t.position == position)

    # A verb that counts cannot be part of what is counted ("40 protesters and detained two").
    verbs = _alternation(t.phrase for t in lex.triggers
                         if " " not in t.phrase and t.position != "noun")
    word = _word(verbs)
    obj = _obj(word)
    noun_mod = rf"(?:\s+of(?:\s+the)?)?(?:\s+{word}){{0,2}}?"
    participles = _alternation(t.phrase for t in lex.triggers
                               if t.position in ("after", "subject") and " " not in t.phrase)
    built = {
        "after": rf"{fig}{obj}{_ASIDE}{_AUX}\s+(?P<trig>{trig('after')})\b",
        "subject": rf"{fig}{obj}{_ASIDE}{_AUX}\s+(?P<trig>{trig('subject')})\b",
        "noun": rf"{fig}(?P<obj>{noun_mod})\s+(?P<trig>{trig('noun')})\b",
        "modifier": rf"{fig}\s+(?P<trig>{participles})(?P<obj>(?:\s+{word}){{1,2}})",
        "before": rf"\b(?P<trig>{trig('before')})\s+{_DETERMINER}{fig}{obj}",
        "left": rf"\b(?:left|leaving|leaves|leave)\s+{fig}{obj}\s+(?P<trig>{trig('left')})\b",
        "place": rf"\b(?P<trig>{trig('place')})\s+{_DETERMINER}{fig}{obj}",
    }
    chain = (rf"{_ASIDE}\s*(?:,\s*)?(?P<conn>and|including|among them|as well as|plus|,)\s+"
             rf"{_DETERMINER}{fig}{obj}")
    asides = (rf"\b(?:including|among them)\s+{_DETERMINER}{fig}{obj}",
              rf"{fig}\s+of\s+(?:whom|them)(?:\s+(?:were|are|was))?(?P<obj>(?:\s+{word}){{0,3}})")
    return Patterns({k: re.compile(v, re.IGNORECASE) for k, v in built.items()},
                    re.compile(rf"{fig}{obj}", re.IGNORECASE),
                    re.compile(chain, re.IGNORECASE),
                    tuple(re.compile(a, re.IGNORECASE) for a in asides))


# Which construction wins when two read the same figure: the more specific first.
_PRIORITY = ("left", "place", "after", "subject", "noun", "modifier", "before")
_TRIGGER_FIRST = frozenset({"before", "left", "place"})


# --- reading one block -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Candidate:
    """A count read in one block, with block-relative offsets, before ids are given."""

    kind: str
    start: int
    end: int
    fig_start: int
    fig_end: int
    figure: Figure
    object: str | None
    rate: str | None
    position: str


def read_block(text: str) -> list[Candidate]:
    """Every count in one block of text, one per figure, in text order."""
    found: dict[tuple[int, int], Candidate] = {}

    def add(cands: Iterable[Candidate]) -> None:
        for c in cands:
            found.setdefault((c.fig_start, c.fig_end), c)

    for position in _PRIORITY:
        for m in _overlapping(patterns().by_position[position], text):
            add(_candidates(text, m, position))
    bare = list(_overlapping(patterns().bare, text))
    for c in sorted(found.values(), key=lambda c: c.start):
        add(_chained(text, c))
        if c.position in ("after", "subject"):
            add(_listed_before(text, c, bare))
    kept = [c for c in found.values() if not _inside_other(c, found.values())]
    return sorted(kept, key=lambda c: c.start)


def _overlapping(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Every match, including those that start inside an earlier one: one sentence may
    hold "killed 40 protesters and wounded 12", and each trigger needs its own match."""
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        yield m
        pos = m.start() + 1


def _inside_other(c: Candidate, others: Iterable[Candidate]) -> bool:
    return any(o is not c and o.fig_start <= c.fig_start and c.fig_end <= o.fig_end
               and (o.fig_end - o.fig_start) > (c.fig_end - c.fig_start) for o in others)


def _candidates(text: str, m: re.Match[str], position: str) -> list[Candidate]:
    """The count of one match, and those of figures in its parenthesis."""
    lex = lexicon()
    trigger = lex.trigger(m.group("trig"), position if position != "modifier" else "after")
    trigger = trigger or lex.trigger(m.group("trig"), "subject")
    figure = parse_figure(m.group("fig"), m.group("q"))
    if (trigger is None or figure is None or _is_year(m, figure) or _negated(text, m)
            or _not_a_headcount(text, m.end("fig"))):
        return []
    obj = _object(m.group("obj"))
    head = _head_class(obj, lex)
    if head == "unit" or (position == "place") != (head == "place"):
        return []
    if position == "after" and not _passive(text, m, head):
        return []
    if position == "modifier" and head == "agent":
        return []
    end = m.end()
    rate_m = _RATE.match(text, end)
    rate = _rate(rate_m.group("rate")) if rate_m else None
    if rate_m:
        end = rate_m.end()
    start = m.start("q") if m.group("q") else m.start("fig")
    if position in _TRIGGER_FIRST:
        start = m.start()
    else:
        end = max(end, m.end("trig"))
    main = Candidate(trigger.kind, start, end, m.start("fig"), m.end("fig"), figure,
                     obj, rate, position)
    return [main, *_in_aside(text, m, main)]


def _in_aside(text: str, m: re.Match[str], main: Candidate) -> list[Candidate]:
    """Figures inside the count's parenthesis share its kind ("four of whom are policemen")."""
    if "aside" not in m.re.groupindex or not m.group("aside"):
        return []
    out = []
    found = (a for p in patterns().asides for a in p.finditer(text, m.start("aside"),
                                                              m.end("aside")))
    for a in found:
        figure = parse_figure(a.group("fig"), a.group("q"))
        if figure is None:
            continue
        obj = _object(a.group("obj"))
        out.append(Candidate(main.kind, a.start(), a.end(), a.start("fig"), a.end("fig"),
                             figure, obj, None, "aside"))
    return out


def _chained(text: str, c: Candidate) -> Iterator[Candidate]:
    """Figures coordinated after a count share its kind: "killing six priests and their two
    maids", "five were wounded, including two children". Only "including" follows a count
    whose figure comes first ("12 were killed and 30 fled" has its own verb)."""
    pos = c.end
    while (m := patterns().chain.match(text, pos)) is not None:
        if c.position not in _TRIGGER_FIRST and m.group("conn").lower() not in (
                "including", "among them"):
            return
        figure = parse_figure(m.group("fig"), m.group("q"))
        obj = _object(m.group("obj"))
        if figure is None or _head_class(obj, lexicon()) == "unit":
            return
        start = m.start("q") if m.group("q") else m.start("fig")
        link = Candidate(c.kind, start, m.end(), m.start("fig"), m.end("fig"), figure, obj,
                         None, "chain")
        yield link
        yield from _in_aside(text, m, link)
        pos = m.end()


def _listed_before(text: str, c: Candidate, bare: list[re.Match[str]]) -> Iterator[Candidate]:
    """Figures listed before a count whose verb follows share its kind: "three policemen,
    a soldier and four civilians were wounded"."""
    edge = c.start
    while True:
        fits = [m for m in bare if m.end() <= edge and _LIST_GAP.fullmatch(text, m.end(), edge)]
        if not fits:
            return
        m = min(fits, key=lambda m: (-m.end(), m.start()))
        figure = parse_figure(m.group("fig"), m.group("q"))
        obj = _object(m.group("obj"))
        if figure is None or _is_year(m, figure) or _head_class(obj, lexicon()) is not None:
            return
        yield Candidate(c.kind, m.start(), m.end(), m.start("fig"), m.end("fig"), figure,
                        obj, None, "list")
        edge = m.start()


def _is_year(m: re.Match[str], figure: Figure) -> bool:
    """A bare four-digit figure from 1900 to 2099 is a year ("in 2019 attacks killed...")."""
    fig = m.group("fig")
    return (m.group("q") is None and re.fullmatch(r"(?:19|20)\d\d", fig) is not None
            and figure.value_low is not None)


# A figure that is a share or an age, not a number of people: "killed 4% of the
# population", "the death of a three-year-old boy".
_SHARE_OR_AGE = re.compile(r"\s*(?:%|per\s*cent\b|percent\b)|-(?:year|month|week|day)s?-old\b",
                           re.IGNORECASE)


def _not_a_headcount(text: str, fig_end: int) -> bool:
    return _SHARE_OR_AGE.match(text, fig_end) is not None


def _negated(text: str, m: re.Match[str]) -> bool:
    """ "none of the 12 passengers were hurt", "no 3 people": not a count of harm."""
    before = text[max(0, m.start() - 30):m.start()]
    return bool(_NEGATION.search(before)) and not m.group("q")


def _passive(text: str, m: re.Match[str], head: str | None) -> bool:
    """A participle after the figure is passive if an auxiliary stands before it, or
    nothing that could be its object follows it ("three gunmen killed five" is active)."""
    if set(m.group("aux").lower().split()) - _RELATIVE:
        return True
    if head == "agent":
        return False
    return bool(_CLAUSE_END.match(text, m.end("trig")))


def _object(raw: str | None) -> str | None:
    """The thing counted, without "of the"; None for a bare pronoun or nothing."""
    if not raw:
        return None
    words = re.sub(r"^\s*of\b(?:\s+(?:the|them|those|whom)\b)?", "", raw).strip()
    return words or None


def _head_class(obj: str | None, lex: Lexicon) -> str | None:
    """Class of the object's head nouns (each conjunct's last word): place, unit, agent."""
    if not obj:
        return None
    heads = [p.split()[-1].lower() for p in re.split(r"\s+(?:and|&)\s+", obj) if p.split()]
    classes = {lex.objects.get(h) for h in heads}
    two = " ".join(obj.lower().split()[-2:])
    if lex.objects.get(two):
        classes = {lex.objects[two]}
    if len(classes) == 1:
        return classes.pop()
    return "unit" if "unit" in classes else None


def _rate(word: str) -> str:
    last = _squash(word).split()[-1]
    return _RATES.get(last, last)


# --- the stage -------------------------------------------------------------------------


def extract(ctx: Context) -> tuple[Count, ...]:
    """Counts of the document, body first; asides only where they add a figure."""
    text = ctx.document.text
    body: list[Count] = []
    asides: list[Count] = []
    for pb in ctx.parsed:
        target = body if pb.block.kind in BODY_KINDS else asides
        target.extend(_counts_of(pb, text))
    said = {(c.kind, c.value_low) for c in body}
    kept = body + [c for c in asides if (c.kind, c.value_low) not in said]
    kept.sort(key=lambda c: c.evidence.start)
    return tuple(_numbered(kept))


def _counts_of(pb: ParsedBlock, text: str) -> Iterator[Count]:
    for c in read_block(pb.block.text):
        yield Count(
            id="", kind=c.kind, evidence=pb.span(c.start, c.end, text),
            value_low=c.figure.value_low, value_high=c.figure.value_high,
            approximate=c.figure.approximate, vague=c.figure.vague,
            qualifier=c.figure.qualifier, object=c.object, rate=c.rate)


def _numbered(counts: list[Count]) -> Iterator[Count]:
    for i, c in enumerate(counts, start=1):
        yield Count(f"c{i}", c.kind, c.evidence, c.value_low, c.value_high, c.approximate,
                    c.vague, c.qualifier, c.object, c.rate)
