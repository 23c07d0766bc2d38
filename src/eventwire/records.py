"""Typed records that cross every stage boundary.

Every record is a frozen dataclass. Offsets are character offsets into
``Document.text`` (the original text as read), and every span's ``text`` is
``document.text[start:end]``: that is the evidence an analyst can check.
The JSON contract (``eventwire schema``) is the ``to_dict`` form of
:class:`Extraction`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA_VERSION = "1.5.0"


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the original text: ``text == original[start:end]``."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, original: str, start: int, end: int) -> Span:
        return cls(start, end, original[start:end])


@dataclass(frozen=True, slots=True)
class Block:
    """One layout unit of an article: its kind decides whether it holds events.

    ``kind`` is one of ``byline``, ``title``, ``heading``, ``caption``,
    ``paragraph``. Only ``paragraph`` (and ``title`` for short items) carry
    body sentences; headings and captions repeat or illustrate the body.
    """

    kind: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Heading:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Caption:
    """A photo caption; ``credit`` is the agency or outlet in its trailing parenthesis."""

    text: str
    start: int
    end: int
    credit: str | None = None
    credit_start: int | None = None
    credit_end: int | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """An article as read, with the layout found in it.

    ``id`` is derived from the text alone, so the same text read twice from
    different places is the same document.
    """

    id: str
    origin: str
    text: str
    title: str | None = None
    author: str | None = None
    dateline: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None
    language: str | None = None
    headings: tuple[Heading, ...] = ()
    captions: tuple[Caption, ...] = ()
    blocks: tuple[Block, ...] = ()
    author_span: Span | None = None
    dateline_span: Span | None = None


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    mentions: tuple[Span, ...]
    aliases: tuple[str, ...] = ()
    role: str | None = None
    affiliation: str | None = None
    nationality: str | None = None
    evidence: Span | None = None  # where the role/affiliation was read, if anywhere


@dataclass(frozen=True, slots=True)
class Organization:
    id: str
    name: str
    mentions: tuple[Span, ...]
    aliases: tuple[str, ...] = ()
    # media, government, military, armed_group, igo, ngo, party, company, other
    kind: str | None = None
    country: str | None = None  # ISO3


@dataclass(frozen=True, slots=True)
class Place:
    """A place of the document, resolved to GeoNames where the gazetteer knows it.

    ``mentions`` are where the text names the place itself: events, ACLED
    geo-precision and agreements read only these. ``name_mentions`` are where the
    place is named inside the name of an organization or body ("the Ohio Department
    of Health", "Dallas police", "the University of Georgia"): they say where a body
    is based, not where something happened, so they are kept apart and never used
    as an event's location. A place named only inside names has ``mentions=()``
    and its evidence in ``name_mentions``; every record has at least one of the two.
    Names inside agreements and talks ("the Astana talks") are in neither.
    """

    id: str
    name: str
    mentions: tuple[Span, ...]
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country_code: str | None = None
    admin1: str | None = None
    feature_code: str | None = None
    geo_precision: int | None = None
    metonym: bool = False
    confidence: float | None = None
    name_mentions: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Agreement:
    """A named agreement, round of talks, process, format or zone, and its mentions.

    ``kind`` is ``agreement``, ``ceasefire``, ``talks``, ``process``, ``format`` or
    ``zone``. A generic one ("a ceasefire agreement", "the de-escalation zone") has
    ``generic`` set: it is kept because events refer to it, not because it has a name.
    ``named_after`` holds the place and country words its name is made of, as written
    ("Minsk"; "Turkish", "Russian"), and ``countries`` the ISO3 codes the country
    dictionary gives them (a country's name or adjective, or its capital), never a guess;
    ``place_ids`` the document's places of the same name. ``evidence`` is the sentence
    that first names it.
    """

    id: str
    name: str
    kind: str
    mentions: tuple[Span, ...]
    evidence: Span
    aliases: tuple[str, ...] = ()
    generic: bool = False
    named_after: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    place_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    code: str | None = None  # ISO3 country or IGO/NGO code
    sector: str | None = None  # GOV, MIL, REB, OPP, CVL, JRN, ...
    acled_inter: str | None = None
    person_id: str | None = None
    org_id: str | None = None
    evidence: Span | None = None


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    plover_type: str
    evidence: Span
    plover_mode: str | None = None
    contexts: tuple[str, ...] = ()
    status: str = "asserted"
    cameo_code: str | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    sources: tuple[Actor, ...] = ()
    targets: tuple[Actor, ...] = ()
    place_id: str | None = None
    date: str | None = None
    time_precision: int | None = None
    count_ids: tuple[str, ...] = ()
    confidence: float | None = None
    produced_by: str | None = None
    agreement_ids: tuple[str, ...] = ()  # agreements named in the event's sentence
    # How sure the ACLED classifier was of acled_sub_event_type (0-1), and the words that
    # decided it: an analyst can check the label against them.
    acled_confidence: float | None = None
    acled_cue: Span | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """Who said (or believes) what: the content's span, its speaker and its cue.

    ``cameo_code`` is the CAMEO 1.1b3 code of the statement itself, one of the
    root 01 "make public statement" codes (010 make statement, 011 decline
    comment, 012 pessimistic, 013 optimistic, 014 consider policy option, 015
    acknowledge or claim responsibility, 016 deny responsibility, 017 symbolic
    act, 018 express sympathy, 019 express accord), set by the statements stage.
    CAMEO codes a statement as 01 only when nothing more specific is reported,
    so a cue that is itself a coded act ("condemned", "urged", "threatened") gets
    none: the events stage codes the act. A quote with no speaker gets none
    either: CAMEO needs a source actor.
    """

    id: str
    text: str
    start: int
    end: int
    kind: str  # direct, indirect, mixed
    speaker_id: str | None = None
    speaker_name: str | None = None
    cue: Span | None = None
    channel: str | None = None
    cameo_code: str | None = None
    # Where the text names who says it ("Ana Ruiz", "she", "the ministry", "a spokesman"):
    # the evidence of the attribution, also for a pronoun no record could be found for
    # (speaker_name None). For a quote that carries on an earlier one with no cue of its
    # own, the words that named the speaker there. None when the text names no speaker.
    speaker_span: Span | None = None


@dataclass(frozen=True, slots=True)
class Count:
    id: str
    kind: str
    evidence: Span
    value_low: int | None = None
    value_high: int | None = None
    approximate: bool = False
    vague: str | None = None
    qualifier: str | None = None
    object: str | None = None
    rate: str | None = None


# The kinds of record an Extraction holds, in the contract's order.
RECORD_KINDS = ("people", "organizations", "places", "agreements", "events", "quotes", "counts")


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one document: the unit of the JSON contract."""

    document: Document
    people: tuple[Person, ...] = ()
    organizations: tuple[Organization, ...] = ()
    places: tuple[Place, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    counts: tuple[Count, ...] = ()
    extractors: dict[str, str] = field(default_factory=dict)  # name -> version

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract form (see ``eventwire schema``)."""
        doc = asdict(self.document)
        doc.pop("blocks")
        out: dict[str, Any] = {"schema_version": SCHEMA_VERSION, "document": doc}
        for name in RECORD_KINDS:
            out[name] = [asdict(r) for r in getattr(self, name)]
        out["extractors"] = dict(self.extractors)
        return _lists(out)


def _lists(value: Any) -> Any:
    """JSON-native containers: tuples become lists, recursively."""
    if isinstance(value, dict):
        return {k: _lists(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_lists(v) for v in value]
    return value


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be turned into a document or an extraction."""

    origin: str
    code: str
    message: str
    record_id: str | None = None
