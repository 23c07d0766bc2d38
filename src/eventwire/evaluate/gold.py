"""Typed gold annotations, read from the shared seed's ``gold.json``.

The gold file's ``notes`` field documents the matching rules; this module
only gives its items types, so scoring never digs through loose dicts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


def _strs(value: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in value or ())


def _point(value: Any) -> tuple[float, float] | None:
    return (float(value[0]), float(value[1])) if value else None


@dataclass(frozen=True, slots=True)
class GoldCaption:
    starts_with: str
    credit: str | None = None


@dataclass(frozen=True, slots=True)
class GoldStructure:
    author: str | None = None
    dateline: str | None = None
    headings: tuple[str, ...] = ()
    captions: tuple[GoldCaption, ...] = ()


@dataclass(frozen=True, slots=True)
class GoldPerson:
    name: str
    aliases: tuple[str, ...] = ()
    role_any: tuple[str, ...] = ()
    nationality: str | None = None
    affiliation: str | None = None
    required: bool = True

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class GoldPlace:
    name: str
    lat: float
    lon: float
    tolerance_km: float
    aliases: tuple[str, ...] = ()
    country: str | None = None
    required: bool = True

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class NotFar:
    """A place named ``text`` must, if resolved at all, lie within ``max_km`` of ``near``."""

    text: str
    near: tuple[float, float]
    max_km: float


@dataclass(frozen=True, slots=True)
class GoldQuote:
    speaker: str
    contains: str
    kind_any: tuple[str, ...] = ()
    cue_any: tuple[str, ...] = ()
    speaker_aliases: tuple[str, ...] = ()
    required: bool = True


@dataclass(frozen=True, slots=True)
class GoldCount:
    kind_any: tuple[str, ...]
    value_low: int | None = None
    qualifier: str | None = None
    vague: str | None = None
    object: str | None = None
    rate: str | None = None
    required: bool = True


@dataclass(frozen=True, slots=True)
class GoldAgreement:
    """A named agreement or process; ``mentions`` is how often the text refers to it."""

    name: str
    aliases: tuple[str, ...] = ()
    mentions: int | None = None
    required: bool = True

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class GoldEvent:
    label: str
    types: tuple[str, ...]
    source_any: tuple[str, ...] = ()
    near: tuple[float, float] | None = None
    status_any: tuple[str, ...] = ()
    required: bool = True


@dataclass(frozen=True, slots=True)
class Gold:
    """The reference annotation of one document."""

    document: str
    notes: str = ""
    structure: GoldStructure = GoldStructure()
    people: tuple[GoldPerson, ...] = ()
    places: tuple[GoldPlace, ...] = ()
    not_places: tuple[str, ...] = ()
    not_far: tuple[NotFar, ...] = ()
    quotes: tuple[GoldQuote, ...] = ()
    counts: tuple[GoldCount, ...] = ()
    events: tuple[GoldEvent, ...] = ()
    agreements: tuple[GoldAgreement, ...] = ()


def _structure(d: Mapping[str, Any]) -> GoldStructure:
    return GoldStructure(
        author=d.get("author"), dateline=d.get("dateline"), headings=_strs(d.get("headings")),
        captions=tuple(GoldCaption(c["starts_with"], c.get("credit"))
                       for c in d.get("captions", ())))


def _person(d: Mapping[str, Any]) -> GoldPerson:
    return GoldPerson(d["name"], _strs(d.get("aliases")), _strs(d.get("role_any")),
                      d.get("nationality"), d.get("affiliation"), bool(d.get("required", True)))


def _place(d: Mapping[str, Any]) -> GoldPlace:
    return GoldPlace(d["name"], float(d["lat"]), float(d["lon"]), float(d["tolerance_km"]),
                     _strs(d.get("aliases")), d.get("country"), bool(d.get("required", True)))


def _quote(d: Mapping[str, Any]) -> GoldQuote:
    return GoldQuote(d["speaker"], d["contains"], _strs(d.get("kind_any")),
                     _strs(d.get("cue_any")), _strs(d.get("speaker_aliases")),
                     bool(d.get("required", True)))


def _count(d: Mapping[str, Any]) -> GoldCount:
    return GoldCount(_strs(d.get("kind_any")), d.get("value_low"), d.get("qualifier"),
                     d.get("vague"), d.get("object"), d.get("rate"),
                     bool(d.get("required", True)))


def _event(d: Mapping[str, Any]) -> GoldEvent:
    return GoldEvent(d.get("label", ""), _strs(d.get("types")), _strs(d.get("source_any")),
                     _point(d.get("near")), _strs(d.get("status_any")),
                     bool(d.get("required", True)))


def _agreement(d: Mapping[str, Any]) -> GoldAgreement:
    return GoldAgreement(d["name"], _strs(d.get("aliases")), d.get("count"),
                         bool(d.get("required", True)))


def parse_gold(d: Mapping[str, Any]) -> Gold:
    """Typed gold from one JSON object of the seed's ``gold.json``."""
    return Gold(
        document=d["document"],
        notes=d.get("notes", ""),
        structure=_structure(d.get("structure", {})),
        people=tuple(_person(x) for x in d.get("people", ())),
        places=tuple(_place(x) for x in d.get("places", ())),
        not_places=tuple(x["text"] for x in d.get("not_places", ())),
        not_far=tuple(NotFar(x["text"], _point(x["near"]) or (0.0, 0.0), float(x["max_km"]))
                      for x in d.get("not_far", ())),
        quotes=tuple(_quote(x) for x in d.get("quotes", ())),
        counts=tuple(_count(x) for x in d.get("counts", ())),
        events=tuple(_event(x) for x in d.get("events", ())),
        agreements=tuple(_agreement(x) for x in d.get("agreements", ())),
    )
