"""Assembly: resolved mentions grouped into Place records.

One record per place, qualifier and use: "Idlib" and "the Idlib
countryside" are two records (a town, and part of the region around it), and
"Moscow said" (a metonym) is apart from shelling in Moscow, so that events
can be placed by the record's ACLED geo-precision.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from eventwire.extract.places.mention import Mention
from eventwire.records import Place
from eventwire.resolve.gazetteer.names import name_key

if TYPE_CHECKING:
    from eventwire.resolve.gazetteer import Entry, Gazetteer


def geo_precision(entry: Entry | None, qualified: bool) -> int | None:
    """ACLED geo-precision: 1 a town, 2 part of a region or near a town, 3 a region or larger."""
    if entry is None:
        return 2 if qualified else None
    if entry.feature_code in ("PCLI", "CONT", "RGN", "PEN", "GULF") or entry.feature_class == "L":
        return 3
    if qualified:
        return 2
    if entry.feature_class == "P":
        return 1
    return 2 if entry.feature_code in ("ADM2", "ADM3") else 3


def _group_key(m: Mention) -> tuple[object, ...]:
    # A name mention joins the record of the place itself (never an area or a metonym).
    ident: object = m.choice.entry.geonameid if m.choice else name_key(m.fixed_name or m.span.text)
    return (ident, m.area, m.metonym)


def _local_record(i: int, group: list[Mention], gaz: Gazetteer | None) -> Place:
    """A street or building placed at its town: the town's point, no GeoNames id of its own."""
    first = group[0]
    town = first.within
    assert town is not None  # only called for such groups
    e = town.entry
    return Place(
        id=f"pl{i}", name=first.span.text, mentions=tuple(m.phrase or m.span for m in group),
        geonameid=None, lat=round(e.lat, 5), lon=round(e.lon, 5), country_code=e.country_code,
        admin1=gaz.admin1_name(e.admin1_code) if gaz else None, feature_code=None,
        geo_precision=2, metonym=False, confidence=town.confidence)


def place_record(i: int, group: list[Mention], gaz: Gazetteer | None) -> Place:
    """The record ``pl{i}`` of one group of mentions of the same place, qualifier and use."""
    first = group[0]
    if first.choice is None and first.within is not None:
        return _local_record(i, group, gaz)
    choice = first.choice
    entry = choice.entry if choice else None
    qualified = first.area
    # The name as the text gives the place itself, before as it appears inside bodies' names.
    names = Counter(m.span.text for m in group if m.block_kind != "dateline" and not m.in_name)
    names = names or Counter(m.span.text for m in group)
    name = first.fixed_name or (names.most_common(1)[0][0] if names else first.span.text)
    mentions = tuple(m.phrase or m.span for m in group if not m.in_name)
    name_mentions = tuple(m.span for m in group if m.in_name)
    country = entry.country_code if entry else (first.country.iso2 if first.country else None)
    return Place(
        id=f"pl{i}",
        name=name,
        mentions=mentions,
        geonameid=entry.geonameid if entry and entry.geonameid > 0 else None,
        lat=round(entry.lat, 5) if entry else None,
        lon=round(entry.lon, 5) if entry else None,
        country_code=country,
        admin1=gaz.admin1_name(entry.admin1_code) if entry and gaz else None,
        feature_code=entry.feature_code if entry else None,
        geo_precision=geo_precision(entry, qualified),
        metonym=first.metonym,
        confidence=max(m.choice.confidence for m in group) if choice else None,
        name_mentions=name_mentions,
    )


def build_places(mentions: list[Mention], gaz: Gazetteer | None) -> tuple[Place, ...]:
    """Group resolved mentions into Place records (one per place, qualifier and use)."""
    groups: dict[tuple[object, ...], list[Mention]] = {}
    for m in mentions:
        groups.setdefault(_group_key(m), []).append(m)
    ordered = sorted(groups.values(), key=lambda g: g[0].span.start)
    return tuple(place_record(i, g, gaz) for i, g in enumerate(ordered, start=1))

