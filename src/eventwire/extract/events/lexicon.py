"""The event lexicon: trigger words with the conditions that fix their sense and their codes.

Read from ``resolve/data/event_lexicon.tsv`` and ``event_classes.tsv`` once, on first
use. A :class:`TriggerRule` says: this lemma, in this part of speech, with these
dependents, is this CAMEO event, this PLOVER type and mode. Rules of one trigger are
tried in file order, so a constrained sense ("take control of" -> FIGHT) is listed
before a general one.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from eventwire.errors import DictionaryError
from eventwire.resolve.dictionaries import Source, data_file, read_rows

PLOVER_TYPES = frozenset({
    "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "INVESTIGATE",
    "DEMAND", "DISAPPROVE", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE",
    "ASSAULT", "FIGHT",
})
NONE = "NONE"  # a sense that is no event ("meet a deadline", "attacking midfielder")
POS = frozenset({"VERB", "NOUN", "ADJ"})
DEPS = frozenset({"obj", "prep", "mod", "subj", "prt", "comp", "pobj", "objmod"})
ANY = "*"  # a condition word: any dependent of that kind will do
NATION = "nation"  # pseudo-class: a country name, adjective or demonym
SUM = "sum"  # pseudo-class: a sum of money ("$340 million", "352.5 million euros")
PEOPLE = "people"  # pseudo-class: a named person, a people or an agent noun ("Evan Doe",
#                    "19 Christians", "21 peacekeepers")
PLACE = "placename"  # pseudo-class: a place's proper name ("captured Kandahar")
_CAMEO = re.compile(r"\d{3,4}")
_CONDITION = re.compile(r"(?P<dep>[a-z]+)(?P<neg>!?)=(?P<words>.+)")


@dataclass(frozen=True, slots=True)
class Condition:
    """A dependent the trigger must (or, negated, must not) have."""

    dep: str
    words: frozenset[str]
    nation: bool = False  # a country word also satisfies it
    negated: bool = False
    people: bool = False  # a person's name or a people's name also satisfies it
    money: bool = False  # a sum of money also satisfies it
    place: bool = False  # a place's proper name also satisfies it


@dataclass(frozen=True, slots=True)
class TriggerRule:
    trigger: str
    particle: str | None
    pos: str
    conditions: tuple[Condition, ...]
    cameo: str
    plover: str
    mode: str | None
    contexts: tuple[str, ...]
    origin: str

    @property
    def name(self) -> str:
        """Rule name for ``produced_by``: part of speech, trigger and CAMEO code."""
        word = f"{self.trigger} {self.particle}" if self.particle else self.trigger
        return f"{self.pos.lower()}:{word}/{self.cameo}"


@dataclass(frozen=True)
class Lexicon:
    rules: dict[tuple[str, str], tuple[TriggerRule, ...]]
    classes: dict[str, frozenset[str]]

    def rules_for(self, word: str, pos: str) -> tuple[TriggerRule, ...]:
        return self.rules.get((word, pos), ())

    def in_class(self, word: str, name: str) -> bool:
        return word in self.classes.get(name, frozenset())


def load_classes(source: Source) -> dict[str, frozenset[str]]:
    """Word classes: name -> lemmas (lines of one class add up)."""
    out: dict[str, set[str]] = {}
    for origin, (name, words) in read_rows(source, ("class", "words")):
        if not re.fullmatch(r"[a-z]+", name):
            raise DictionaryError(f"class name {name!r} must be lower-case letters",
                                  origin=origin)
        out.setdefault(name, set()).update(w.strip().lower() for w in words.split("|")
                                           if w.strip())
    return {k: frozenset(v) for k, v in out.items()}


def _condition(text: str, classes: dict[str, frozenset[str]], origin: str) -> Condition:
    m = _CONDITION.fullmatch(text.strip())
    if m is None or m["dep"] not in DEPS:
        raise DictionaryError(f"condition {text!r} is not DEP=words with DEP one of "
                              f"{', '.join(sorted(DEPS))}", origin=origin)
    words: set[str] = set()
    nation = people = money = place = False
    for item in m["words"].split("|"):
        item = item.strip().lower()
        if item == f"@{NATION}":
            nation = True
        elif item == f"@{PEOPLE}":
            people = True
        elif item == f"@{SUM}":
            money = True
        elif item == f"@{PLACE}":
            place = True
        elif item.startswith("@"):
            if item[1:] not in classes:
                raise DictionaryError(f"unknown word class {item!r}", origin=origin)
            words |= classes[item[1:]]
        elif item:
            words.add(item)
    return Condition(m["dep"], frozenset(words), nation, m["neg"] == "!", people, money,
                     place)


def load_lexicon(source: Source, classes: dict[str, frozenset[str]]) -> Lexicon:
    """Read and check a lexicon table against its word classes."""
    header = ("trigger", "pos", "requires", "cameo", "plover", "mode", "contexts")
    rules: dict[tuple[str, str], list[TriggerRule]] = {}
    for origin, (trigger, pos, requires, cameo, plover, mode, contexts) in read_rows(
            source, header):
        words = trigger.split()
        if not words or trigger != trigger.lower() or len(words) > 2:
            raise DictionaryError(f"trigger {trigger!r} must be one lower-case lemma, "
                                  "optionally with a particle", origin=origin)
        if pos not in POS:
            raise DictionaryError(f"pos {pos!r} is not one of {', '.join(sorted(POS))}",
                                  origin=origin)
        if not _CAMEO.fullmatch(cameo):
            raise DictionaryError(f"cameo {cameo!r} is not a 3-4 digit code", origin=origin)
        if plover not in PLOVER_TYPES and plover != NONE:
            raise DictionaryError(f"plover {plover!r} is not a PLOVER event type",
                                  origin=origin)
        conditions = tuple(_condition(c, classes, origin) for c in requires.split(";")
                           if c.strip())
        rule = TriggerRule(words[0], words[1] if len(words) > 1 else None, pos, conditions,
                           cameo, plover, mode or None,
                           tuple(c for c in contexts.split("|") if c), origin)
        rules.setdefault((words[0], pos), []).append(rule)
    return Lexicon({k: tuple(v) for k, v in rules.items()}, classes)


@functools.lru_cache(maxsize=1)
def packaged_lexicon() -> Lexicon:
    """The packaged lexicon, loaded on first use."""
    classes = load_classes(data_file("event_classes.tsv"))
    return load_lexicon(data_file("event_lexicon.tsv"), classes)


def load_from(lexicon_path: Path, classes_path: Path) -> Lexicon:
    """A lexicon from other files (tests, experiments)."""
    return load_lexicon(lexicon_path, load_classes(classes_path))
