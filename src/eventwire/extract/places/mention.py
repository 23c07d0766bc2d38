"""A toponym as the recognizer finds it, carried through resolution to a Place record.

One mutable record per mention, shared by the three steps of the stage
(:mod:`.recognize` fills what the text says, :mod:`.resolution` its GeoNames
reading, :mod:`.assemble` groups it into records), so that each step adds to
what the earlier ones found instead of copying it.
"""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.records import Span
from eventwire.resolve import dictionaries
from eventwire.resolve.gazetteer.names import name_key
from eventwire.resolve.gazetteer.resolve import Choice


@dataclass(slots=True)
class Mention:
    """One toponym in the text, before resolution."""

    span: Span
    block_kind: str
    want: str | None = None  # "admin" or "town", from a head noun
    phrase: Span | None = None  # the qualified phrase when the name is part of an area
    area: bool = False  # part of an area around the place (countryside, triangle, near)
    metonym: bool = False
    country: dictionaries.Country | None = None  # the name is a country's
    fixed_name: str | None = None  # a place that is not in the gazetteer ("X-Y border")
    weak: bool = False  # not tagged as a place: kept only if it resolves near the article's places
    dateline: bool = False  # a capitals dateline ("MANSFIELD --"): kept only if it resolves
    # Named inside the name of an organization or body ("the Ohio Department of Health"):
    # recorded as a name mention of the place, never where something happened.
    in_name: bool = False
    # The tagger's label of a weak mention it tagged whole as one name ("PERSON", "ORG").
    label: str = ""
    # A place name opening or closing a longer name that resolved to nothing ("Kansas" of
    # "the Kansas Highway Patrol"): a name mention that needs the article's places.
    part: bool = False
    choice: Choice | None = None
    # A street, building or park the gazetteer lacks, placed at the town the article puts it in.
    within: Choice | None = None

    @property
    def key(self) -> str:
        return name_key(self.span.text)
