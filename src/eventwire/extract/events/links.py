"""What an event links to: its place, date, counts and ACLED label.

The places, dates, counts and ACLED classifier come from other stages and modules;
this module only chooses among them for one event, so that each is read the same way
whatever its source:

* place: the place syntactically attached to the trigger ("shelled Juba", "clashes in
  Idlib"; the first one that does not modify a noun, "in Baghdad's district of
  Saiydiah"), else the one nearest the trigger in its sentence; a capital standing for its
  government (``Place.metonym``) and a place named in a source's own phrase ("Russia
  sent", "US-backed fighters") are never where an event happened;
* date: the dates stage's date for the sentence when it offers one (``date_for``), else
  the publication date, with ACLED's time precision (1 day, 2 week, 3 month; 4 year); an
  event dated well before the report is background (:func:`long_before`);
* counts: those whose evidence lies in the event's sentence.

:class:`Links` carries the four together, and :func:`linked_event` builds an event
from them, so that the lexicon coder and the casualty coder fill them alike.

Named agreements and processes are records of their own
(:mod:`eventwire.extract.agreements`), linked to events after this stage.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from eventwire.records import Actor, Count, Event, Place, Span

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from eventwire.extract.context import Context

log = logging.getLogger(__name__)

_PLACE_PREPS = frozenset({"in", "at", "near", "on", "into", "outside", "inside", "around",
                          "across", "over", "to", "toward", "towards", "from", "of"})

# --------------------------------------------------------------------------- place


def event_place(trigger: Token, sent: SpacySpan, offset: int,
                places: Sequence[Place], parties: Sequence[Token] = ()) -> Place | None:
    """The place the event happened at, or None (see the module doc).

    A place named inside the phrase of one of the event's ``parties`` (its sources) is
    who acted, not where: "Russia sent jets to bomb Idlib" happened in Idlib, "jets
    raised by Washington" fought elsewhere, "US-backed fighters" are not in the US.
    """
    named = {offset + t.idx for head in parties for t in _naming_words(head)}
    candidates = [(p, m) for p in places if not p.metonym for m in p.mentions
                  if offset + sent.start_char <= m.start < offset + sent.end_char
                  and not any(m.start <= at < m.end for at in named)]
    if not candidates:
        return None
    attached = _attached_offsets(trigger, offset)
    held = [(p, m) for p, m in candidates if any(m.start <= at < m.end for at in attached)]
    if held:
        # "in Baghdad's district of Saiydiah", "the Belarus capital Minsk", "near a US
        # convoy in Kabul": a place named as a modifier narrows (or names) something
        # else; the place the phrase is about is where it happened.
        tokens = {offset + t.idx: t for t in sent}
        heads = [(p, m) for p, m in held if not _modifier(tokens.get(m.start))]
        return min(heads or held, key=lambda pm: pm[1].start)[0]
    at = offset + trigger.idx
    return min(candidates, key=lambda pm: abs(pm[1].start - at))[0]


def _modifier(tok: Token | None) -> bool:
    """A place name that modifies a noun ("Baghdad's", "the Belarus capital", "a US
    convoy"), judged by the last word of its name."""
    if tok is None:
        return False
    while tok.dep_ in ("compound", "flat") and tok.head.i > tok.i and tok.head.pos_ == "PROPN":
        tok = tok.head  # "New York's": the name's last word
    return tok.dep_ in ("poss", "compound", "amod", "nmod") and tok.head.pos_ in ("NOUN",
                                                                              "PROPN")


def _naming_words(head: Token) -> list[Token]:
    """The words that name a party: its head, modifiers and conjuncts ("US-backed", "Russian
    and Syrian forces"), not its prepositional phrases ("forces in Idlib" still tells
    where they were)."""
    out = [head]
    for child in head.children:
        if child.dep_ not in ("prep", "relcl", "acl", "appos", "punct", "cc"):
            out.extend(_naming_words(child))
    return out


def _attached_offsets(trigger: Token, offset: int) -> list[int]:
    """Character offsets of the trigger's object and of its place-like prepositions'
    objects, nearest first."""
    out: list[int] = []
    for child in trigger.children:
        if child.dep_ in ("dobj", "pobj", "npadvmod"):
            out.extend(offset + t.idx for t in child.subtree)
        if child.dep_ == "prep" and child.lower_ in _PLACE_PREPS:
            out.extend(offset + t.idx for t in child.subtree)
    return out


# --------------------------------------------------------------------------- date


def event_date(ctx: Context, span: Span) -> tuple[str | None, int | None]:
    """ISO date and ACLED time precision of an event whose sentence is ``span``."""
    dates = ctx.dates
    if dates is None:
        return None, None
    helper = _date_helper()
    if helper is not None:
        try:
            found = helper(ctx, span.start, span.end)
        except (TypeError, ValueError) as e:  # a helper of another shape: fall back
            log.debug("date_for failed: %s", e)
            found = None
        picked = _as_date(found)
        if picked[0] is not None:
            return picked
    if dates.published is not None:
        # The report's date bounds the event within about a week (ACLED precision 2).
        return dates.published.isoformat(), 2
    return None, None


# An event dated this long before the report is background recalled, not news.
BACKGROUND_DAYS = 60


def long_before(ctx: Context, day: str | None) -> bool:
    """Whether an event dated ``day`` lies well before the report ("killed in March" in a
    June story, "seized in 2014"): history recalled, not the news."""
    published = ctx.dates.published if ctx.dates else None
    if day is None or published is None:
        return False
    try:
        return (published - date.fromisoformat(day)).days > BACKGROUND_DAYS
    except ValueError:
        return False


def _date_helper() -> Callable[..., Any] | None:
    module = importlib.import_module("eventwire.extract.dates")
    helper = getattr(module, "date_for", None)
    return helper if callable(helper) else None


def _as_date(found: Any) -> tuple[str | None, int | None]:
    if found is None:
        return None, None
    if isinstance(found, tuple) and len(found) == 2:
        value, precision = found
    else:
        value, precision = getattr(found, "value", None), getattr(found, "precision", None)
    if isinstance(value, date):
        return value.isoformat(), precision
    return None, None


# --------------------------------------------------------------------------- counts


def event_counts(counts: Sequence[Count], span: Span) -> tuple[str, ...]:
    """Ids of the counts whose evidence lies in ``span``."""
    return tuple(c.id for c in counts
                 if span.start <= c.evidence.start and c.evidence.end <= span.end)


# --------------------------------------------------------------------------- ACLED


@dataclass(frozen=True, slots=True)
class AcledCoding:
    """What the ACLED classifier said of an event's sentence (all None when it said nothing)."""

    event_type: str | None = None
    sub_event_type: str | None = None
    confidence: float | None = None
    cue: Span | None = None  # the words that decided it, in the document's text


NO_ACLED = AcledCoding()


def acled_coding(sent: SpacySpan, offset: int, text: str, plover_type: str,
                 mode: str | None) -> AcledCoding:
    """The ACLED type, sub-event type, confidence and cue of the sentence ``sent`` of a
    block starting at ``offset`` in ``text``, when the ACLED classifier is installed."""
    classify = _acled_classifier()
    if classify is None:
        return NO_ACLED
    label = classify(sent.text, plover_type=plover_type, mode=mode)
    if label is None:
        return NO_ACLED
    cue = None
    if label.cue is not None:
        start = offset + sent.start_char
        cue = Span.of(text, start + label.cue[0], start + label.cue[1])
    return AcledCoding(label.event_type, label.sub_event_type, label.confidence, cue)


def _acled_classifier() -> Callable[..., Any] | None:
    try:
        module = importlib.import_module("eventwire.extract.acled")
    except ImportError:  # the ACLED classifier is an optional, separately built module
        return None
    classify = getattr(module, "classify", None)
    return classify if callable(classify) else None


# --------------------------------------------------------------------------- all four


@dataclass(frozen=True, slots=True)
class Links:
    """An event's place, date and ACLED time precision, counts and ACLED label."""

    place_id: str | None
    date: str | None
    time_precision: int | None
    count_ids: tuple[str, ...]
    acled: AcledCoding = NO_ACLED


def links_for(ctx: Context, sentence: Span, place: Place | None, day: str | None,
              precision: int | None, acled: AcledCoding = NO_ACLED) -> Links:
    """The links of an event of ``sentence``: the counts are read off the sentence."""
    return Links(place.id if place else None, day, precision,
                 event_counts(ctx.counts, sentence), acled)


def linked_event(links: Links, *, plover_type: str, evidence: Span, mode: str | None,
                 contexts: tuple[str, ...], status: str, cameo_code: str,
                 sources: tuple[Actor, ...], targets: tuple[Actor, ...],
                 confidence: float, produced_by: str) -> Event:
    """An event (id not yet given) with its coding and its ``links``."""
    return Event(
        id="", plover_type=plover_type, evidence=evidence, plover_mode=mode,
        contexts=contexts, status=status, cameo_code=cameo_code,
        acled_event_type=links.acled.event_type,
        acled_sub_event_type=links.acled.sub_event_type,
        acled_confidence=links.acled.confidence, acled_cue=links.acled.cue,
        sources=sources, targets=targets, place_id=links.place_id,
        date=links.date, time_precision=links.time_precision,
        count_ids=links.count_ids, confidence=confidence, produced_by=produced_by,
    )
