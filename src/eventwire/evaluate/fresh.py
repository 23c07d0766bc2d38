"""Fresh checks of the event coder: gold sets no rule was read against.

The event coder's rules were written reading half of ``plover_gsr`` and of
``petrarch2_gsr`` (their other halves are held out, but small). These evaluators
score it on data nobody tuned to, so their numbers say what to expect on unseen
news. They are read, never tuned to: a miss here is a class of error to fix on
other text, not a sentence to fix.

* ``conflibert_cameo`` (``<data>/conflibert_cameo/cameo_class_{train,test}.jsonl``,
  from the ConfliBERT repository): sentences labelled with the five "PentaClass"
  groups of CAMEO roots. The source does not document the grouping; the labels follow
  the Phoenix event data's: 0 neutral (01-02), 1 verbal cooperation (03-05), 2 material
  cooperation (06-08), 3 verbal conflict (09-13 and 16: investigating and reducing
  relations are verbal), 4 material conflict (14-15, 17-20: protest is material). The
  data's README guesses the GDELT QuadClass cut instead (09 material cooperation, 14
  verbal, 16 material), which the labels contradict: where our main event is root 16
  the gold class is 3 in 65 of 70 train sentences, root 09 in 16 of 17, and root 14 is
  class 4 in 8 of 8. A sentence's class
  is its main event's CAMEO root's group (:func:`eventwire.evaluate.events.main_event`),
  or 0 when it yields no event but a coded statement; a sentence with neither is a
  miss. ``conflibert.pentaclass.train`` is the 2017-2018 news split (1,349
  sentences); ``conflibert.pentaclass.test_fresh`` the test sentences that are not in
  ``plover_gsr``; ``.test_seen`` those that are (CAMEO-manual examples, partly read
  while tuning, so not a fresh number). ``conflibert.coded.*`` is the share of
  sentences that get any class. ``conflibert.conflict.*`` scores the coarser call a
  filter makes: conflict (3-4) or not.
* ``event_location`` (``<data>/event_location/event_location.jsonl``, Halterman 2019):
  the adjudicated ``RELABEL`` items, each a sentence, an event verb and the place
  names where that event happened (none when the sentence gives no location). The
  verb's event is the event whose evidence holds the verb, the narrowest if several.
  ``event_location.trigger_found`` = items where such an event exists;
  ``event_location.place`` = of those, items whose event place is right: its place
  is named by a gold location span (or, for a gold name outside the sentence, bears
  that name), or the event has no place and the gold has none.
  ``event_location.located`` and ``event_location.unlocated`` split it by the gold;
  ``event_location.trigger_found_even``/``_odd`` split trigger_found by the item's
  position among the RELABEL items (even: the tuning half, odd: held out).
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from eventwire.evaluate.base import (
    AreaResult,
    Check,
    DataPaths,
    EvaluatorResult,
    register,
    require_file,
)
from eventwire.evaluate.events import (
    PLOVER_FILE,
    main_event,
    read_jsonl,
    sentence_extraction,
    statement_roots,
)

if TYPE_CHECKING:
    from eventwire.records import Event, Extraction, Place
    from eventwire.run import Pipeline

log = logging.getLogger(__name__)

CONFLIBERT_DIR = "conflibert_cameo"
EVENT_LOCATION_FILE = "event_location/event_location.jsonl"
MAX_MISSES = 60

# CAMEO root -> PentaClass, as the Phoenix event data group them (see the module docstring).
_PENTA = {**dict.fromkeys(("01", "02"), 0), **dict.fromkeys(("03", "04", "05"), 1),
          **dict.fromkeys(("06", "07", "08"), 2),
          **dict.fromkeys(("09", "10", "11", "12", "13", "16"), 3),
          **dict.fromkeys(("14", "15", "17", "18", "19", "20"), 4)}


def _key(text: str) -> str:
    """A sentence's identity across corpora: letters and digits, lower-cased."""
    return re.sub(r"[^a-z0-9]+", "", text.lower())


def penta_class(root: str | None) -> int | None:
    """The PentaClass of a two-digit CAMEO root, or None."""
    return _PENTA.get(root or "")


def sentence_class(extraction: Extraction | None) -> int | None:
    """The class a coder gives the sentence: its main event's, else 0 for a statement."""
    if extraction is None:
        return None
    main = main_event(extraction.events)
    if main is not None:
        return penta_class((main.cameo_code or "")[:2])
    return 0 if statement_roots(extraction) else None


# --------------------------------------------------------------------------- ConfliBERT


@dataclass(frozen=True, slots=True)
class _ClassOutcome:
    part: str  # train, test_fresh, test_seen
    gold: int
    got: int | None
    miss: str | None


def _class_one(pipeline: Pipeline, record: dict[str, Any], part: str) -> _ClassOutcome:
    gold = int(record["gold_pentaclass"])
    got = sentence_class(sentence_extraction(pipeline, record["text"], str(record["id"])))
    miss = None if got == gold else f"{record['id']}: expected class {gold}, got {got}"
    return _ClassOutcome(part, gold, got, miss)


def _conflict(c: int | None) -> bool:
    return c in (3, 4)


@register("conflibert_cameo", description="fresh check: CAMEO PentaClass of ConfliBERT's "
                                          "sentences (train and test, never tuned to)")
def evaluate_conflibert(pipeline: Pipeline, paths: DataPaths) -> EvaluatorResult:
    base = paths.data / CONFLIBERT_DIR
    train = require_file(base / "cameo_class_train.jsonl", "ConfliBERT CAMEO class train")
    test = require_file(base / "cameo_class_test.jsonl", "ConfliBERT CAMEO class test")
    plover = paths.data / PLOVER_FILE
    seen = {_key(r["text"]) for r in read_jsonl(plover)} if plover.exists() else set()
    outcomes = [_class_one(pipeline, r, "train") for r in read_jsonl(train)]
    outcomes += [_class_one(pipeline, r, "test_seen" if _key(r["text"]) in seen
                            else "test_fresh") for r in read_jsonl(test)]
    checks: list[Check] = []
    for part in ("train", "test_fresh", "test_seen"):
        mine = [o for o in outcomes if o.part == part]
        checks += [Check(f"conflibert.pentaclass.{part}", sum(o.got == o.gold for o in mine),
                         len(mine)),
                   Check(f"conflibert.coded.{part}", sum(o.got is not None for o in mine),
                         len(mine)),
                   Check(f"conflibert.conflict.{part}",
                         sum(_conflict(o.got) == _conflict(o.gold) for o in mine), len(mine))]
    confusion = Counter((o.gold, o.got) for o in outcomes if o.part != "test_seen")
    table = tuple(f"fresh gold {g} -> got {p}: {n}"
                  for (g, p), n in sorted(confusion.items(), key=lambda kv: (kv[0][0],
                                                                              -kv[1])))
    misses = table + tuple(o.miss for o in outcomes if o.miss and o.part != "test_seen")
    return EvaluatorResult("conflibert_cameo",
                           (AreaResult("events.conflibert", (), tuple(checks),
                                       misses[:MAX_MISSES + len(table)]),),
                           (f"{CONFLIBERT_DIR}/cameo_class_train.jsonl",
                            f"{CONFLIBERT_DIR}/cameo_class_test.jsonl"))


# --------------------------------------------------------------------------- event location


@dataclass(frozen=True, slots=True)
class _LocationOutcome:
    found: bool  # an event holds the verb
    located: bool  # the gold names a location
    right: bool
    miss: str | None


def verb_event(events: Sequence[Event], start: int, end: int) -> Event | None:
    """The event whose evidence holds the verb span, the narrowest if several."""
    holding = [e for e in events if e.evidence.start <= start and end <= e.evidence.end]
    return min(holding, key=lambda e: e.evidence.end - e.evidence.start, default=None)


def _place_ok(place: Place, golds: Sequence[dict[str, Any]]) -> bool:
    for g in golds:
        if g.get("span_matches_text"):
            if any(m.start < g["end"] and g["start"] < m.end for m in place.mentions):
                return True
        elif _key(g.get("text") or "") == _key(place.name):
            return True
    return False


def _location_one(pipeline: Pipeline, record: dict[str, Any]) -> _LocationOutcome:
    verbs = record.get("verb_spans") or []
    golds = record.get("gold_event_location_spans") or []
    located = bool(golds)
    found = sentence_extraction(pipeline, record["text"], str(record["id"]))
    if not verbs or found is None:
        return _LocationOutcome(False, located, False, None)
    verb = verbs[0]
    event = verb_event(found.events, verb["start"], verb["end"])
    if event is None:
        return _LocationOutcome(False, located, False, None)
    places = {p.id: p for p in found.places}
    place = places.get(event.place_id) if event.place_id else None
    right = (place is not None and _place_ok(place, golds)) if located else place is None
    miss = None
    if not right:
        want = [g.get("text") for g in golds] or "no place"
        miss = (f"{record['id']}: {verb.get('text')!r} expected {want}, "
                f"got {place.name if place else 'no place'}")
    return _LocationOutcome(True, located, right, miss)


@register("event_location", description="fresh check: the place of an event verb "
                                        "(Halterman 2019, adjudicated RELABEL items)")
def evaluate_event_location(pipeline: Pipeline, paths: DataPaths) -> EvaluatorResult:
    path = require_file(paths.data / EVENT_LOCATION_FILE, "event location gold")
    outcomes = [_location_one(pipeline, r) for r in read_jsonl(path) if r.get("is_relabel_gold")]
    found = [o for o in outcomes if o.found]
    # Even positions (file order) are the tuning half, odd ones are held out.
    even, odd = outcomes[0::2], outcomes[1::2]
    checks = (
        Check("event_location.trigger_found", len(found), len(outcomes)),
        Check("event_location.trigger_found_even", sum(o.found for o in even), len(even)),
        Check("event_location.trigger_found_odd", sum(o.found for o in odd), len(odd)),
        Check("event_location.place", sum(o.right for o in found), len(found)),
        Check("event_location.located", sum(o.right for o in found if o.located),
              sum(o.located for o in found)),
        Check("event_location.unlocated", sum(o.right for o in found if not o.located),
              sum(not o.located for o in found)),
    )
    misses = tuple(o.miss for o in found if o.miss)[:MAX_MISSES]
    return EvaluatorResult("event_location",
                           (AreaResult("events.location", (), checks, misses),),
                           (EVENT_LOCATION_FILE,))
