"""Scoring one Extraction against one document's gold, area by area.

Pure functions of typed gold and :class:`~eventwire.records.Extraction`
records: they know nothing of how the records were produced. Each area gives

* a :class:`Score` whose recall counts *required* gold items found and whose
  precision counts emitted records that match *any* gold item (optional gold
  items make a record correct but cost nothing if missed);
* for quotes, counts and events a second, looser Score (``.span``, ``.value``,
  ``.typed``) on the identifying key alone, so partial progress shows;
* :class:`Check` accuracies of attributes among the gold items found.

Matching is many-to-many: a gold item is found if some record matches it, a
record is correct if it matches some gold item. Duplicates are caught where
they matter (people must be merged: ``people.merged``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

from eventwire.evaluate.base import AreaResult, Check, Score
from eventwire.evaluate.gold import (
    Gold,
    GoldAgreement,
    GoldCount,
    GoldEvent,
    GoldPerson,
    GoldPlace,
    GoldQuote,
    GoldStructure,
)
from eventwire.evaluate.match import (
    contains_words,
    names_of,
    normalize,
    role_matches,
    within_km,
)
from eventwire.records import (
    Agreement,
    Count,
    Document,
    Event,
    Extraction,
    Person,
    Place,
    Quote,
)

EVENT_NEAR_KM = 60.0  # the seed's notes: an event's place must lie within 60 km of 'near'


class _Gold(Protocol):
    @property
    def required(self) -> bool: ...


G = TypeVar("G", bound=_Gold)
P = TypeVar("P")


def score_items(name: str, gold: Sequence[G], predicted: Sequence[P],
                match: Callable[[P, G], bool]) -> tuple[Score, list[G]]:
    """Score ``predicted`` against ``gold``; also return the gold items found (any)."""
    found = [g for g in gold if any(match(p, g) for p in predicted)]
    correct = sum(1 for p in predicted if any(match(p, g) for g in gold))
    score = Score(name, found=sum(1 for g in found if g.required),
                  required=sum(1 for g in gold if g.required),
                  correct=correct, emitted=len(predicted))
    return score, found


def check_found(name: str, found: Sequence[G], applies: Callable[[G], bool],
                passes: Callable[[G], bool]) -> tuple[Check, list[G]]:
    """Accuracy of an attribute over the found items it applies to; also the failures."""
    relevant = [g for g in found if applies(g)]
    failed = [g for g in relevant if not passes(g)]
    return Check(name, len(relevant) - len(failed), len(relevant)), failed


def _missed(area: str, gold: Sequence[G], found: Sequence[G], label: Callable[[G], str]
            ) -> tuple[str, ...]:
    return tuple(f"{area}: missed required {label(g)!r}" for g in gold
                 if g.required and g not in found)


def _same(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and normalize(a) == normalize(b)


# --- structure -------------------------------------------------------------------------


class _Req:
    """A gold value that is always required (structure items have no 'required' flag)."""

    __slots__ = ("value",)
    required = True

    def __init__(self, value: object) -> None:
        self.value: object = value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Req) and other.value == self.value

    def __hash__(self) -> int:
        return hash(self.value)


def score_structure(gold: GoldStructure, doc: Document) -> AreaResult:
    """Author, dateline, section headings and photo captions with their credits."""
    checks = [Check(f"structure.{field}", int(_same(getattr(doc, field), want)), 1)
              for field, want in (("author", gold.author), ("dateline", gold.dateline))
              if want is not None]
    headings = [_Req(h) for h in gold.headings]
    h_score, h_found = score_items("structure.headings", headings, doc.headings,
                                   lambda p, g: _same(p.text, g.value))
    captions = [_Req(c) for c in gold.captions]
    c_score, c_found = score_items(
        "structure.captions", captions, doc.captions,
        lambda p, g: normalize(p.text).startswith(normalize(g.value.starts_with)))
    credit, _ = check_found(
        "structure.captions.credit", c_found, lambda g: g.value.credit is not None,
        lambda g: any(_same(c.credit, g.value.credit) for c in doc.captions
                      if normalize(c.text).startswith(normalize(g.value.starts_with))))
    misses = (*(f"structure: {c.name} wrong (got {getattr(doc, c.name.split('.')[1])!r})"
                for c in checks if not c.hits),
              *_missed("structure.headings", headings, h_found, lambda g: g.value),
              *_missed("structure.captions", captions, c_found, lambda g: g.value.starts_with))
    return AreaResult("structure", (h_score, c_score), (*checks, credit), misses)


# --- people ----------------------------------------------------------------------------


def person_names(p: Person) -> frozenset[str]:
    """Every name a predicted person record goes by: name, aliases, mention texts."""
    return names_of([p.name], p.aliases, (m.text for m in p.mentions))


def person_matches(p: Person, g: GoldPerson) -> bool:
    return bool(person_names(p) & names_of(g.names))


def written_names(g: GoldPerson, text: str) -> set[str]:
    """Names of ``g`` that stand in the text on their own, not only inside a longer name of ``g``.

    "Putin" is written in "Vladimir Putin", but only as part of it: no record
    has to list it as an alias then.
    """
    rest = f" {normalize(text)} "
    written = set()
    for name in sorted(names_of(g.names), key=len, reverse=True):
        if contains_words(rest, name):
            written.add(name)
            rest = rest.replace(f" {name} ", " | ")
    return written


def is_merged(g: GoldPerson, people: Sequence[Person], text: str) -> bool:
    """Whether one record holds every name of ``g`` that is written in the text."""
    written = written_names(g, text)
    return any(written <= person_names(p) for p in people)


def score_people(gold: Sequence[GoldPerson], ex: Extraction) -> AreaResult:
    """People found by name or alias; then role, nationality, affiliation and merging."""
    people = ex.people
    score, found = score_items("people", gold, people, person_matches)

    def records(g: GoldPerson) -> list[Person]:
        return [p for p in people if person_matches(p, g)]

    role, bad_role = check_found("people.role", found, lambda g: bool(g.role_any),
                                 lambda g: any(role_matches(p.role, g.role_any)
                                               for p in records(g)))
    nat, bad_nat = check_found("people.nationality", found, lambda g: g.nationality is not None,
                               lambda g: any(_same(p.nationality, g.nationality)
                                             for p in records(g)))
    aff, bad_aff = check_found("people.affiliation", found, lambda g: g.affiliation is not None,
                               lambda g: any(_same(p.affiliation, g.affiliation)
                                             for p in records(g)))
    text = ex.document.text
    merged, split = check_found(
        "people.merged", found,
        lambda g: len(written_names(g, text)) > 1,
        lambda g: is_merged(g, people, text))
    misses = (*_missed("people", gold, found, lambda g: g.name),
              *(f"people.role: {g.name!r} has {[p.role for p in records(g)]}, "
                f"expected one of {list(g.role_any)}" for g in bad_role),
              *(f"people.nationality: {g.name!r} is not {g.nationality}" for g in bad_nat),
              *(f"people.affiliation: {g.name!r} is not of {g.affiliation!r}" for g in bad_aff),
              *(f"people.merged: names of {g.name!r} split over several records" for g in split))
    return AreaResult("people", (score,), (role, nat, aff, merged), misses)


# --- places ----------------------------------------------------------------------------


def place_names(p: Place) -> frozenset[str]:
    return names_of([p.name], (m.text for m in p.mentions))


def place_named(p: Place, g: GoldPlace) -> bool:
    return bool(place_names(p) & names_of(g.names))


def place_matches(p: Place, g: GoldPlace) -> bool:
    """Same name and resolved within the gold tolerance of the reference point."""
    return place_named(p, g) and within_km(p.lat, p.lon, (g.lat, g.lon), g.tolerance_km)


def score_places(gold: Gold, ex: Extraction) -> AreaResult:
    """Places resolved within tolerance; not-places not emitted; not-far rules kept.

    A gold-named place left unresolved is neither right nor wrong for
    precision (the gold notes: better unresolved than placed abroad), so it
    is left out of ``places``' emitted count; ``places.named`` counts it.
    """
    places = ex.places
    judged = [p for p in places
              if p.lat is not None or not any(place_named(p, g) for g in gold.places)]
    score, found = score_items("places", gold.places, judged, place_matches)
    named, _ = score_items("places.named", gold.places, places, place_named)
    emitted_not = [t for t in gold.not_places
                   if any(normalize(t) in place_names(p) for p in places)]
    not_places = Check("places.not_places", len(gold.not_places) - len(emitted_not),
                       len(gold.not_places))
    broken = [r.text for r in gold.not_far for p in places
              if normalize(r.text) in place_names(p) and p.lat is not None
              and not within_km(p.lat, p.lon, r.near, r.max_km)]
    not_far = Check("places.not_far", len(gold.not_far) - len(set(broken)), len(gold.not_far))
    misses = (*_missed("places", gold.places, found, lambda g: g.name),
              *(f"places.not_places: {t!r} emitted as a place" for t in emitted_not),
              *(f"places.not_far: {t!r} resolved too far away" for t in sorted(set(broken))))
    return AreaResult("places", (score, named), (not_places, not_far), misses)


# --- quotes ----------------------------------------------------------------------------


def quote_located(q: Quote, g: GoldQuote) -> bool:
    return contains_words(q.text, g.contains)


def speaker_names(q: Quote, people: Sequence[Person]) -> frozenset[str]:
    """The speaker's name on the quote and every name of its person record."""
    by_id = [person_names(p) for p in people if q.speaker_id and p.id == q.speaker_id]
    return names_of([q.speaker_name]).union(*by_id)


def gold_speaker_names(g: GoldQuote, gold_people: Sequence[GoldPerson]) -> frozenset[str]:
    aliases = [p.names for p in gold_people if _same(p.name, g.speaker)]
    return names_of([g.speaker], g.speaker_aliases, *aliases)


def score_quotes(gold: Gold, ex: Extraction) -> AreaResult:
    """Quotes located by a gold fragment, with speaker, kind (direct...) and cue verb."""

    def speaker_ok(q: Quote, g: GoldQuote) -> bool:
        return bool(speaker_names(q, ex.people) & gold_speaker_names(g, gold.people))

    def kind_ok(q: Quote, g: GoldQuote) -> bool:
        return not g.kind_any or q.kind in g.kind_any

    def cue_ok(q: Quote, g: GoldQuote) -> bool:
        return not g.cue_any or (q.cue is not None
                                 and any(contains_words(q.cue.text, c) for c in g.cue_any))

    def full(q: Quote, g: GoldQuote) -> bool:
        return quote_located(q, g) and speaker_ok(q, g) and kind_ok(q, g) and cue_ok(q, g)

    score, found = score_items("quotes", gold.quotes, ex.quotes, full)
    span, located = score_items("quotes.span", gold.quotes, ex.quotes, quote_located)
    checks = [check_found(f"quotes.{name}", located, lambda g: True,
                          lambda g, ok=ok: any(quote_located(q, g) and ok(q, g)
                                               for q in ex.quotes))[0]
              for name, ok in (("speaker", speaker_ok), ("kind", kind_ok), ("cue", cue_ok))]
    misses = _missed("quotes", gold.quotes, found, lambda g: f"{g.speaker}: {g.contains}")
    return AreaResult("quotes", (score, span), tuple(checks), misses)


# --- counts ----------------------------------------------------------------------------


def count_located(c: Count, g: GoldCount) -> bool:
    return g.value_low is None or c.value_low == g.value_low


def _count_field_ok(c: Count, g: GoldCount, field: str) -> bool:
    want = getattr(g, field)
    return want is None or _same(getattr(c, field), want)


def count_matches(c: Count, g: GoldCount) -> bool:
    """Same lower value, kind among the accepted ones, same qualifier where given."""
    return (count_located(c, g) and (not g.kind_any or c.kind in g.kind_any)
            and _count_field_ok(c, g, "qualifier"))


def score_counts(gold: Sequence[GoldCount], ex: Extraction) -> AreaResult:
    """Counts (killed, displaced...) by value, kind and qualifier; vague, object, rate checked."""
    score, found = score_items("counts", gold, ex.counts, count_matches)
    value, located = score_items("counts.value", gold, ex.counts, count_located)

    def check(name: str, ok: Callable[[Count, GoldCount], bool],
              applies: Callable[[GoldCount], bool]) -> Check:
        return check_found(f"counts.{name}", located, applies,
                           lambda g: any(count_located(c, g) and ok(c, g)
                                         for c in ex.counts))[0]

    checks = [check("kind", lambda c, g: c.kind in g.kind_any, lambda g: bool(g.kind_any)),
              *(check(f, lambda c, g, f=f: _count_field_ok(c, g, f),
                      lambda g, f=f: getattr(g, f) is not None)
                for f in ("qualifier", "vague", "object", "rate"))]
    misses = _missed("counts", gold, found, lambda g: f"{'/'.join(g.kind_any)} {g.value_low}")
    return AreaResult("counts", (score, value), tuple(checks), misses)


# --- events ----------------------------------------------------------------------------


def event_typed(e: Event, g: GoldEvent) -> bool:
    """PLOVER type among the accepted ones and a source actor of an accepted country."""
    return e.plover_type in g.types and (
        not g.source_any or any(a.code in g.source_any for a in e.sources))


def _event_place(e: Event, places: Sequence[Place]) -> Place | None:
    return next((p for p in places if e.place_id is not None and p.id == e.place_id), None)


def event_place_ok(e: Event, g: GoldEvent, places: Sequence[Place]) -> bool:
    if g.near is None:
        return True
    place = _event_place(e, places)
    return place is not None and within_km(place.lat, place.lon, g.near, EVENT_NEAR_KM)


def event_status_ok(e: Event, g: GoldEvent) -> bool:
    return not g.status_any or e.status in g.status_any


def score_events(gold: Sequence[GoldEvent], ex: Extraction) -> AreaResult:
    """Events by type and source country, then place (within 60 km) and status."""

    def full(e: Event, g: GoldEvent) -> bool:
        return event_typed(e, g) and event_place_ok(e, g, ex.places) and event_status_ok(e, g)

    score, found = score_items("events", gold, ex.events, full)
    typed, located = score_items("events.typed", gold, ex.events, event_typed)
    place, _ = check_found("events.place", located, lambda g: g.near is not None,
                           lambda g: any(event_typed(e, g) and event_place_ok(e, g, ex.places)
                                         for e in ex.events))
    status, _ = check_found("events.status", located, lambda g: bool(g.status_any),
                            lambda g: any(event_typed(e, g) and event_status_ok(e, g)
                                          for e in ex.events))
    misses = _missed("events", gold, found, lambda g: g.label)
    return AreaResult("events", (score, typed), (place, status), misses)


# --- agreements --------------------------------------------------------------------------


def agreement_matches(a: Agreement, g: GoldAgreement) -> bool:
    """The record's name or one of its aliases is one of the gold names."""
    return bool(names_of([a.name], a.aliases) & names_of(g.names))


def score_agreements(gold: Sequence[GoldAgreement], ex: Extraction) -> AreaResult:
    """Named agreements found, records that name a gold one, one record per agreement."""
    score, found = score_items("agreements", gold, ex.agreements, agreement_matches)
    merged, split = check_found(
        "agreements.merged", found, lambda g: True,
        lambda g: sum(1 for a in ex.agreements if agreement_matches(a, g)) == 1)
    misses = (*_missed("agreements", gold, found, lambda g: g.name),
              *(f"agreements.merged: {g.name!r} is split over several records" for g in split))
    return AreaResult("agreements", (score,), (merged,), misses)


def score_extraction(gold: Gold, ex: Extraction) -> tuple[AreaResult, ...]:
    """Every area of one document's extraction against its gold."""
    return (
        score_structure(gold.structure, ex.document),
        score_people(gold.people, ex),
        score_places(gold, ex),
        score_quotes(gold, ex),
        score_counts(gold.counts, ex),
        score_events(gold.events, ex),
        score_agreements(gold.agreements, ex),
    )
