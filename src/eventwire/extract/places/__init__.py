"""Places: toponyms found in the text, resolved to GeoNames with the document's context.

The stage runs in three steps, one module each, along the seams of the work:

* :mod:`.recognize` finds every toponym (tagged names, names before
  geographic heads, triangles, borders, datelines, weak untagged names) and
  leaves out demonyms, agreements, organizations and credits;
* :mod:`.resolution` reads each as a GeoNames entry with the article's focus
  countries, divisions and anchors, in passes;
* :mod:`.assemble` groups the mentions into :class:`~eventwire.records.Place`
  records with their ACLED geo-precision.

:class:`~.mention.Mention` is the record the three share. This module keeps the
stage's interface (``VERSION``, ``extract``) and ``resolve_spans`` for the
evaluators, and re-exports the names other modules use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.extract.places.assemble import build_places, geo_precision, place_record
from eventwire.extract.places.mention import Mention
from eventwire.extract.places.recognize import find_mentions, is_demonym
from eventwire.extract.places.resolution import (
    Evidence,
    anchors_for,
    place_within_towns,
    qualify_by_division,
    resolve,
    resolve_mention,
)
from eventwire.resolve import dictionaries

if TYPE_CHECKING:
    from eventwire.extract.context import Context
    from eventwire.records import Place, Span

__all__ = [
    "VERSION",
    "Evidence",
    "Mention",
    "build_places",
    "extract",
    "find_mentions",
    "geo_precision",
    "is_demonym",
    "resolve",
    "resolve_spans",
]

VERSION = "places.rules.v29"


def extract(ctx: Context) -> tuple[Place, ...]:
    """The places of ``ctx.document``, each with its mentions as evidence."""
    mentions = find_mentions(ctx)
    gaz = ctx.resources.gazetteer
    if gaz is not None:
        resolve(mentions, gaz, ctx)
    return build_places(mentions, gaz)


def resolve_spans(ctx: Context, spans: list[Span]) -> list[Place | None]:
    """Resolve given toponym spans (e.g. gold ones) with the document's own context.

    The context (focus countries, divisions, anchors) comes from the toponyms the
    recognizer finds, less what the same name said there; each given span is then
    resolved as a mention of its own, and a street or building the gazetteer lacks
    is placed at its town as the recognizer's mentions are.
    """
    gaz = ctx.resources.gazetteer
    found = find_mentions(ctx)
    if gaz is None:
        return [None] * len(spans)
    evidence = resolve(found, gaz, ctx)
    given = [Mention(span, "given", country=dictionaries.country_by_word(span.text))
             for span in spans]
    for m in given:
        m.choice = resolve_mention(m, gaz, evidence.context(m.key, anchors_for(found, m.key)))
    # "Pleasanton, Calif.": a division right after a given name qualifies it as in the text.
    for m in given:
        after = [f for f in found if f.span.start >= m.span.end and f.choice is not None]
        if after:
            qualify_by_division([m, min(after, key=lambda f: f.span.start)], gaz,
                                ctx.document.text)
    unresolved = [m for m in given if m.choice is None]
    for m in unresolved:
        place_within_towns([*found, m])
    return [place_record(1, [m], gaz) if m.choice or m.within else None for m in given]
