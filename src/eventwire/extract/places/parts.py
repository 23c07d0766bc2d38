"""Place names inside longer names that the gazetteer does not know as a whole.

"The Kansas Highway Patrol", "the Minnesota House", "Metropolitan Atlanta",
"Fargo-Moorhead": a name that resolves to nothing often opens or closes with the
name of the place it belongs to. :func:`part_mentions` offers those place names as
name mentions (never where anything happened); :mod:`.resolution` resolves them and
keeps them only among the article's places, as it does the names inside bodies'
names. Not split: people's names, streets named after places, a common given name
or surname the article does not name as a place by itself, and countries (a body's
country is its Organization record's).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from eventwire.extract.names import is_common_surname, is_given_name, name_tokens
from eventwire.extract.places.mention import Mention
from eventwire.extract.places.recognize import (
    BODY_NAME_WORDS,
    clean_name,
    country_named,
    is_adjective,
)
from eventwire.records import Span
from eventwire.resolve.gazetteer.names import name_key

if TYPE_CHECKING:
    from eventwire.extract.context import Context
    from eventwire.resolve.gazetteer import Entry, Gazetteer


# Words that are names of nothing by themselves, whatever a gazetteer lists under them
# ("North" is a region of Cameroon; "North Lumpkin Street" leaves it behind).
GENERIC_WORDS = frozenset(
    "north south east west northeast northwest southeast southwest central northern southern "
    "eastern western upper lower middle street avenue road drive lane boulevard square park "
    "county city town village state province district region area downtown midtown uptown "
    "center centre station".split())


def part_mentions(mentions: list[Mention], gaz: Gazetteer, ctx: Context) -> list[Mention]:
    """Unresolved name mentions of the place names opening or closing the names in
    ``mentions`` that resolved to nothing (see the module doc); ``mentions`` are resolved."""
    text = ctx.document.text
    people = [s for p in ctx.people for s in p.mentions]
    alone = {m.key for m in mentions
             if m.choice is not None and not (m.weak or m.in_name or m.metonym)}
    found: list[Mention] = []
    for m in mentions:
        if (m.choice is not None or m.within is not None or m.fixed_name
                or m.country is not None or m.dateline or _overlaps_any(m.span, people)
                or name_like(m.span.text) or is_street(m.span.text)):
            continue
        for s, e in known_parts(m.span, gaz):
            s, e = clean_name(text, s, e)
            part = Mention(Span.of(text, s, e), m.block_kind, weak=True, in_name=True,
                           part=True)
            # "Scott West" is no Scott; the article must name such a place by itself.
            if name_like(part.span.text) and part.key not in alone:
                continue
            # As in bodies' names, a country is the body's ("Egypt Telecom"), not a place.
            if country_named(part.span.text) is not None and not _is_division(part, gaz):
                continue
            found.append(part)
    return found


def own_name(part: Mention, entry: Entry, gaz: Gazetteer) -> bool:
    """Whether ``entry`` is read from the place's own name or a state's short form:
    "Kanawha" is another name of Charleston, not a part of "Kanawha River"."""
    return name_key(entry.name) == part.key or is_state_abbreviation(part.span.text, gaz)


def name_like(text: str) -> bool:
    """A name people commonly bear: a common given name first, or a common surname alone."""
    tokens = name_tokens(text)
    return bool(tokens) and (is_given_name(tokens[0])
                             or (len(tokens) == 1 and is_common_surname(tokens[0])))


# A word of a name and its offsets: "Kansas", "Highway", "Patrol".
_PART_WORD = re.compile(r"[^\s\-–—/]+")
# The names a hyphen joins into one ("Fargo-Moorhead", "Notre Dame-UConn").
_SEGMENT = re.compile(r"[^-–—/\s](?:[^-–—/]*[^-–—/\s])?")


def _sub(span: Span, start: int, end: int) -> Span:
    return Span(start, end, span.text[start - span.start:end - span.start])


_STREET_HEADS = frozenset("street st avenue ave road rd drive dr lane ln boulevard blvd way "
                          "highway hwy pike parkway pkwy court ct circle place pl terrace "
                          "trail".split())


def _is_division(m: Mention, gaz: Gazetteer) -> bool:
    """The gazetteer knows a first-level division by exactly this name ("Georgia")."""
    return any(e.feature_code == "ADM1" and name_key(e.name) == m.key
               for e in gaz.lookup(m.span.text).entries)


def is_street(name: str) -> bool:
    """"Wichita Drive", "Cooper Street": a street, named after a place it is not in."""
    return name.rsplit(None, 1)[-1].rstrip(".").lower() in _STREET_HEADS


def _overlaps_any(span: Span, spans: list[Span]) -> bool:
    return any(span.start < s.end and s.start < span.end for s in spans)


def known_parts(span: Span, gaz: Gazetteer) -> list[tuple[int, int]]:
    """Offsets of the place names that open or close ``span``, or that it joins by a hyphen.

    "Kansas Highway Patrol" gives "Kansas", "Metropolitan Atlanta" "Atlanta". Names joined
    by a hyphen are two of a kind: "Fargo-Moorhead" gives both towns, while "Notre
    Dame-UConn" (two teams) and "Rolls-Royce" give nothing, as one of them is no place.
    """
    segments = [_sub(span, span.start + m.start(), span.start + m.end())
                for m in _SEGMENT.finditer(span.text)]
    if len(segments) > 1:
        parts = [_opening_place(seg, gaz, whole=True) for seg in segments]
        return [p for p in parts if p is not None] if all(parts) else []
    parts = []
    opening = _opening_place(span, gaz, whole=False)
    words = _words(span)
    lead = next((i for i, (s, e) in enumerate(words)
                 if name_key(span.text[s - span.start:e - span.start]) not in GENERIC_WORDS), 0)
    if opening is None and 0 < lead < len(words) - 1:
        # "South Kilburn Estate", "South Central Tennessee Development District": the place
        # that opens the name after its directions.
        opening = _opening_place(_sub(span, words[lead][0], span.end), gaz, whole=False)
    if opening is not None:
        parts.append(opening)
    closing = _closing_place(span, gaz)
    if closing is not None and (opening is None or closing[0] >= opening[1]):
        parts.append(closing)
    return parts


def _words(span: Span) -> list[tuple[int, int]]:
    return [(span.start + w.start(), span.start + w.end()) for w in _PART_WORD.finditer(span.text)]


def _opening_place(span: Span, gaz: Gazetteer, *, whole: bool) -> tuple[int, int] | None:
    """The longest run of opening words of ``span`` (all of it if ``whole``) naming a place."""
    words = _words(span)
    for k in range(len(words) - (0 if whole else 1), 0, -1):
        if _names_place(span, words[0][0], words[k - 1][1], gaz):
            return words[0][0], words[k - 1][1]
    return None


def _closing_place(span: Span, gaz: Gazetteer) -> tuple[int, int] | None:
    """The longest run of closing words of ``span`` naming a place, after one word or after
    words that only qualify a place ("Metropolitan Atlanta", "South Central Tennessee"):
    after two unknown words it is more likely a surname ("Mevlut Mert Altintas")."""
    words = _words(span)
    for k in range(1, len(words)):
        before = [name_key(span.text[s - span.start:e - span.start]) for s, e in words[:k]]
        if k > 1 and not all(w in BODY_NAME_WORDS or w in GENERIC_WORDS for w in before):
            continue
        if _names_place(span, words[k][0], words[-1][1], gaz):
            return words[k][0], words[-1][1]
    return None


def _names_place(span: Span, start: int, end: int, gaz: Gazetteer) -> bool:
    name = span.text[start - span.start:end - span.start].rstrip(".’'")
    key = name_key(name)
    if is_state_abbreviation(name, gaz):
        return True
    if (len(key) < 3 or not name[:1].isupper() or key in GENERIC_WORDS
            or key in BODY_NAME_WORDS or is_adjective(name)):
        return False
    match = gaz.lookup(name)
    # The place's own name: "Alexandria City" is another name of Alexandria, not a part.
    return not match.loose and any(e.feature_class in ("P", "A") and name_key(e.name) == key
                                   for e in match.entries)


# A division's dotted short form: "S.C.", "N.J.", "D.C." ("S.C. Highway Patrol").
_DOTTED = re.compile(r"(?:[A-Z]\.){1,2}[A-Z]\.?")


def is_state_abbreviation(name: str, gaz: Gazetteer) -> bool:
    """A division's dotted short form the gazetteer knows ("S.C.", "N.J.")."""
    if _DOTTED.fullmatch(name) is None:
        return False
    return any(e.feature_code == "ADM1" for e in gaz.lookup(name).entries)
