"""Places: toponyms found in the text, resolved to GeoNames with the document's context.

Recognition starts from the tagger's GPE/LOC/FAC names and adds what it
misses or mislabels in conflict news:

* a name before or after a geographic head ("the Idlib countryside", "the
  southern countryside of Idlib", "Idlib province") even when tagged as a
  person or organization;
* the towns of "the X-Y-Z triangle";
* "the Syrian-Turkish border", a place of its own (part of a region).

It leaves out what is not a place where something happened: demonyms and
adjectives ("Russian shelling" is an actor), names inside agreements, talks
and organizations ("the Astana talks", "the Sochi Agreement", "the League of
Arab States"), and media names and photo credits (the organizations stage
holds them, with their mentions). A capital or country standing for its
government ("Ankara is communicating", "Moscow said") is kept, linked to the
place and flagged ``metonym`` so that no event is placed there.

Resolution (:mod:`eventwire.resolve.gazetteer.resolve`) runs twice: once
with the countries the article names, then again with the places resolved
with confidence as anchors.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from eventwire.records import Place, Span
from eventwire.resolve import dictionaries
from eventwire.resolve.gazetteer.names import name_key
from eventwire.resolve.gazetteer.resolve import (
    Anchor,
    Choice,
    GeoContext,
    Reading,
    choose,
    nearest_anchor_km,
    score,
)

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

    from eventwire.extract.context import Context
    from eventwire.extract.parse import ParsedBlock
    from eventwire.resolve.gazetteer import Entry, Gazetteer

VERSION = "places.rules.v5"
WEAK_NEAR_KM = 150.0
# How much more the other names must say for a division's country than for the namesake
# country: one confident town of it (0.5 x confidence) is not yet enough.
NAMESAKE_MARGIN = 0.5
# Words that are names of nothing by themselves, whatever a gazetteer lists under them
# ("North" is a region of Cameroon; "North Lumpkin Street" leaves it behind).
GENERIC_WORDS = frozenset(
    "north south east west northeast northwest southeast southwest central northern southern "
    "eastern western upper lower middle street avenue road drive lane boulevard square park "
    "county city town village state province district region area downtown midtown uptown "
    "center centre station".split())
# Heads of places too small for the gazetteer (streets, buildings, parks): such a place is put
# at the town the article names nearest before it, as part of that town (ACLED precision 2).
LOCAL_HEADS = frozenset(
    "street st st. avenue ave ave. road rd rd. drive dr dr. lane boulevard blvd blvd. highway "
    "square plaza park bridge quarter neighborhood neighbourhood estate hospital church "
    "cathedral mosque school library hall station airport stadium mall market campus "
    "courthouse township twp twp. creek lake river".split())
LOCAL_TOWN_CONFIDENCE = 0.6
# How many readings of each name the cohort keeps (most likely first).
COHORT_READINGS = 6
# Tagger labels a missed town name often carries; its tokens may start a weak mention.
WEAK_LABELS = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART"})
WEAK_CITY_POPULATION = 50_000

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
ADMIN_HEADS = frozenset("province governorate state county region district prefecture oblast "
                        "department canton municipality".split())
TOWN_HEADS = frozenset("city town village township hamlet suburb".split())
# Heads that make the name part of a region around it: ACLED precision 2.
AREA_HEADS = frozenset("countryside outskirts suburbs environs vicinity area border "
                       "frontier hinterland periphery".split())
GEO_HEADS = ADMIN_HEADS | TOWN_HEADS | AREA_HEADS | frozenset(
    "triangle road highway crossing airport base camp valley river mountains".split())
# A name before these names a process, a text or a body, not a place where things happen.
NON_PLACE_HEADS = frozenset("talks talk agreement agreements accord accords deal process format "
                            "summit declaration memorandum track negotiations protocol pact "
                            "treaty conference convention conventions communique framework "
                            "formula understanding platform group club forum initiative "
                            "peace-talks".split())
# Verbs whose subject, when it is a capital or a country, is its government.
SPEECH_VERBS = frozenset(
    "say tell announce state claim accuse deny warn insist demand urge call reject respond reply "
    "communicate confirm agree want seek threaten condemn welcome believe argue stress add note "
    "express hope refuse propose offer ask order decide plan consider vow pledge insist respond "
    "criticize criticise blame dismiss acknowledge admit signal push press oppose back support "
    "recognize recognise negotiate mediate broker sign".split())
_ARTICLES = ("al", "el", "an", "ar", "as", "ad", "ash", "at", "az")
_TRIANGLE = re.compile(r"((?:[A-Z][\w'’]*|al|el|an|ar|as|ad|ash)(?:[- ](?:[A-Z][\w'’]*|"
                       r"al|el|an|ar|as|ad|ash))+)\s+triangle\b")
_TRIANGLE_SPLIT = re.compile(r"(?<!\bal)(?<!\bel)(?<!\ban)(?<!\bar)(?<!\bas)(?<!\bad)"
                             r"(?<!\bash)-(?=[A-Z])")
_BORDER = re.compile(r"\b([A-Z][a-z]+)[-–]([A-Z][a-z]+)\s+(border|frontier)\b")
_QUOTES = "\"“”«»'‘’"


@dataclass(slots=True)
class _Mention:
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
    choice: Choice | None = None
    # A street, building or park the gazetteer lacks, placed at the town the article puts it in.
    within: Choice | None = None

    @property
    def key(self) -> str:
        return name_key(self.span.text)


# --------------------------------------------------------------------------- recognition


def _clean(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim a leading article and quotes and a trailing possessive from a name."""
    while start < end and (text[start] in _QUOTES or text[start].isspace()):
        start += 1
    if text[start:end].lower().startswith("the "):
        start += 4
    for tail in ("'s", "’s"):
        if text[start:end].endswith(tail):
            end -= len(tail)
            break
    while end > start and (text[end - 1] in _QUOTES + ".,;:-" or text[end - 1].isspace()):
        end -= 1
    return start, end


def _next_word(ent: SpacySpan) -> str:
    doc = ent.doc
    i = ent.end
    if i < len(doc) and doc[i].text in ("'s", "’s"):
        i += 1
    return doc[i].lower_ if i < len(doc) else ""


def _of_head(ent: SpacySpan) -> str | None:
    """The head noun of "the <head> of X" when the name is its object: "countryside of Idlib"."""
    head = ent.root
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
    if head.dep_ == "pobj" and head.head.lower_ == "of":
        return head.head.head.lemma_.lower()
    return None


def _is_place_name(ent: SpacySpan) -> bool:
    """A tagged name that is a place: a place label, or any name before/after a geo head."""
    if ent.label_ in PLACE_LABELS:
        return True
    if ent.label_ in ("ORG", "PERSON", "NORP"):
        return _next_word(ent) in GEO_HEADS or (_of_head(ent) or "") in GEO_HEADS
    return False


def _names_non_place(ent: SpacySpan) -> bool:
    """The name is part of the name of talks, an agreement or a body ("Astana talks")."""
    nxt = _next_word(ent)
    if nxt in NON_PLACE_HEADS:
        return True
    doc = ent.doc
    # "the Astana peace talks", "the Sochi de-escalation agreement"
    window = [t.lower_ for t in doc[ent.end:ent.end + 3]]
    return any(w in NON_PLACE_HEADS for w in window[1:]) and window[0] in (
        "peace", "de", "ceasefire", "cease", "de-escalation", "security", "-")


def is_demonym(text: str) -> bool:
    """A demonym or adjective of a country ("Russian", "Syrian-Turkish"): an actor, not a place."""
    return _is_adjective(text)


# Adjectives of continents, regions and peoples without a state of their own.
REGION_ADJECTIVES = frozenset(
    "african european asian american arab arabian kurdish basque scandinavian balkan caucasian "
    "latin-american middle-eastern mideast western eastern southern northern "
    "pashtun baloch berber tamil sinhalese tuareg druze alawite yazidi".split())


def _is_adjective(text: str) -> bool:
    """A demonym or adjective ("Russian", "Turks", "Syrian-Turkish"): an actor, not a place."""
    if dictionaries.fold(text).replace(" ", "-") in REGION_ADJECTIVES:
        return True
    country = dictionaries.country_by_word(text)
    if country is not None:
        return dictionaries.fold(text) not in {dictionaries.fold(n)
                                               for n in (country.name, *country.names)}
    return bool(dictionaries.split_compound_adjective(text))


def _want(ent: SpacySpan) -> str | None:
    nxt = _next_word(ent)
    before = [t.lower_ for t in ent.doc[max(0, ent.start - 2):ent.start]]
    of_head = _of_head(ent)
    if nxt in ADMIN_HEADS or of_head in ADMIN_HEADS:
        return "admin"
    if nxt in TOWN_HEADS or of_head in TOWN_HEADS or (before and before[-1] in TOWN_HEADS):
        return "town"
    return None


def _area_phrase(ent: SpacySpan, pb: ParsedBlock, text: str, span: Span) -> Span | None:
    """The phrase that makes the name part of an area: "the Idlib countryside", "near X"."""
    doc = ent.doc
    if _next_word(ent) in AREA_HEADS:
        end = ent.end + (2 if ent.end < len(doc) and doc[ent.end].text in ("'s", "’s") else 1)
        return Span.of(text, span.start, pb.offset + doc[end - 1].idx + len(doc[end - 1]))
    of_head = _of_head(ent)
    if of_head in AREA_HEADS:
        head = ent.root
        while head.dep_ == "conj" and head.head is not head:
            head = head.head
        noun = head.head.head
        left = min((t.i for t in noun.subtree if t.i <= noun.i and t.dep_ in ("amod", "compound")),
                   default=noun.i)
        return Span.of(text, pb.offset + doc[left].idx, span.end)
    if ent.start > 0 and doc[ent.start - 1].lower_ in ("near", "outside", "around"):
        return Span.of(text, pb.offset + doc[ent.start - 1].idx, span.end)
    return None


def _is_metonym(ent: SpacySpan, country: dictionaries.Country | None, surface: str) -> bool:
    """A capital or seat of power (or a country, with a speech verb) standing for its government."""
    seat = dictionaries.metonym_country(surface) is not None
    if not seat and country is None:
        return False
    root = ent.root
    while root.dep_ == "conj" and root.head is not root:
        root = root.head
    if root.dep_ in ("nsubj", "nsubjpass"):
        return seat or root.head.lemma_.lower() in SPEECH_VERBS
    if root.dep_ == "poss":
        return seat
    if root.dep_ == "pobj" and root.head.lower_ == "between":
        return seat
    return False


def _country_named(surface: str) -> dictionaries.Country | None:
    country = dictionaries.country_by_word(surface)
    if country is None or _is_adjective(surface):
        return None
    return country


_DIRECTION = re.compile(r"(?:(?:north|south|east|west|central|upper|lower)(?:ern)?|"
                        r"(?:north|south)-?(?:east|west)(?:ern)?)\s+", re.IGNORECASE)


def _strip_direction(text: str, start: int, end: int) -> tuple[int, bool]:
    """"Northern Syria" is a part of Syria: the name starts after the direction word."""
    m = _DIRECTION.match(text, start, end)
    if m is None or m.end() >= end or not text[m.end()].isupper():
        return start, False
    return m.end(), True


def _overlaps(a: Span, spans: list[Span]) -> bool:
    return any(a.start < s.end and s.start < a.end for s in spans)


def _entity_mentions(pb: ParsedBlock, text: str, taken: list[Span],
                     bare_names: frozenset[Span] = frozenset()) -> list[_Mention]:
    found = []
    for ent in pb.doc.ents:
        if not _is_place_name(ent) or _names_non_place(ent):
            continue
        start, end = _clean(text, pb.offset + ent.start_char, pb.offset + ent.end_char)
        surface = text[start:end]
        if not surface or not surface[0].isupper() or _is_adjective(surface):
            continue
        if _TRIANGLE_SPLIT.search(surface) and _next_word(ent) == "triangle":
            continue  # the triangle pattern splits it into its towns
        span = Span.of(text, start, end)
        # A tagged place grouped under a bare name ("Wisconsin" as a surname) stays a place.
        others = [t for t in taken if t not in bare_names] if ent.label_ in PLACE_LABELS else taken
        if _overlaps(span, others):
            continue
        country = _country_named(surface)
        phrase = _area_phrase(ent, pb, text, span)
        found.append(_Mention(
            span, pb.block.kind, want=_want(ent), phrase=phrase, area=phrase is not None,
            metonym=_is_metonym(ent, country, surface), country=country))
    return found


def _triangle_mentions(pb: ParsedBlock, text: str) -> list[_Mention]:
    """The towns of "the X-Y-Z triangle", each a place of the area between them."""
    found = []
    for m in _TRIANGLE.finditer(pb.block.text):
        base = pb.offset + m.start(1)
        group = m.group(1)
        pos = 0
        for part in _TRIANGLE_SPLIT.split(group):
            start = group.index(part, pos)
            pos = start + len(part)
            s, e = _clean(text, base + start, base + pos)
            if e > s and text[s].isupper():
                found.append(_Mention(Span.of(text, s, e), pb.block.kind, area=True))
    return found


def _border_mentions(pb: ParsedBlock, text: str) -> list[_Mention]:
    """"the Syrian-Turkish border": a stretch of two countries' frontier."""
    found = []
    for m in _BORDER.finditer(pb.block.text):
        a, b = (dictionaries.country_by_word(m.group(i)) for i in (1, 2))
        if a is None or b is None or a is b:
            continue
        span = Span.of(text, pb.offset + m.start(), pb.offset + m.end())
        found.append(_Mention(span, pb.block.kind, area=True, country=a, fixed_name=span.text))
    return found


def _weak_mentions(pb: ParsedBlock, text: str, taken: list[Span],
                   bare_names: frozenset[Span] = frozenset()) -> list[_Mention]:
    """Proper names the tagger missed or called a person: places only if they resolve nearby.

    Local news names its towns without the tagger knowing them ("Moorhead", an
    unknown "Alexandria" tagged as a person); such a name is kept when the
    gazetteer puts it close to the places the article is surely about.
    """
    found = []
    doc = pb.doc
    # The tagger calls many an unknown town a person: a bare name with no role may be one.
    taken = [s for s in taken if s not in bare_names]
    tagged = {t.i for ent in doc.ents if ent.label_ not in WEAK_LABELS for t in ent}
    for run in _proper_runs(doc, tagged):
        start, end = _clean(text, pb.offset + run[0].idx,
                            pb.offset + run[-1].idx + len(run[-1]))
        span = Span.of(text, start, end)
        if not span.text[:1].isupper() or _overlaps(span, taken) or _is_adjective(span.text):
            continue
        if dictionaries.organization_by_name(span.text) is not None:
            continue
        found.append(_Mention(span, pb.block.kind, weak=True))
    return found


def _proper_runs(doc, tagged: set[int]) -> list[list]:  # noqa: ANN001 - spaCy Doc and Tokens
    """Runs of capitalized proper nouns outside place/date/number entities.

    An Arabic article and its hyphen stay inside a run: "Maarat al-Numan".
    """
    runs: list[list] = []
    current: list = []
    for tok in doc:
        proper = (tok.text[:1].isupper() and tok.i not in tagged and len(tok.text) > 2
                  and not tok.text.isupper()
                  and (tok.pos_ == "PROPN" or (current and current[-1].text == "-")))
        if proper or (current and (tok.lower_ in _ARTICLES or tok.text == "-")):
            current.append(tok)
            continue
        _close(current, runs)
        current = []
    _close(current, runs)
    return [r for r in runs if len(r) <= 5]


def _close(run: list, runs: list[list]) -> None:  # noqa: ANN001
    while run and (run[-1].lower_ in _ARTICLES or run[-1].text == "-"):
        run.pop()
    if run:
        runs.append(run)


_ORG_WORDS = frozenset(
    "university college school hospital church council department ministry agency party "
    "association society company inc corp ltd group club team union court office police "
    "army force forces press news times post institute center centre foundation bank "
    "committee board commission authority service services project network".split())


def _no_org_head(name: str) -> bool:
    return not any(w in _ORG_WORDS for w in name.lower().replace(".", " ").split())


def find_mentions(ctx: Context) -> list[_Mention]:
    """Every toponym in the document, outside people's and organizations' names."""
    text = ctx.document.text
    # A lone country name is not a person's surname, whatever grouped it there.
    taken = [m for p in ctx.people for m in p.mentions if _country_named(m.text) is None]
    taken += [m for o in ctx.organizations for m in o.mentions]
    bare = frozenset(m for p in ctx.people if not (p.role or p.affiliation or p.nationality)
                     for m in p.mentions)
    # An "organization" that is only a name with nothing of a body about it ("Red Deer").
    bare |= frozenset(m for o in ctx.organizations if o.kind is None and _no_org_head(o.name)
                      for m in o.mentions)
    found: list[_Mention] = []
    for pb in ctx.parsed:
        patterns = _triangle_mentions(pb, text) + _border_mentions(pb, text)
        patterns = [m for m in patterns if not _overlaps(m.span, taken)]
        # A dateline is a place by construction, whatever the tagger made of its capitals.
        patterns += [m for m in _caps_datelines(pb, text)
                     if not _overlaps(m.span, [p.span for p in patterns])]
        claimed = [m.span for m in patterns]
        found += patterns
        found += [m for m in _entity_mentions(pb, text, taken, bare)
                  if not _overlaps(m.span, claimed)]
        claimed = [m.span for m in found]
        found += [m for m in _weak_mentions(pb, text, taken, bare)
                  if not _overlaps(m.span, claimed)]
    dateline = _dateline_mention(ctx, [m.span for m in found])
    return sorted(found + dateline, key=lambda m: m.span.start)


# "MANSFIELD -- The city council...", "BEIRUT (AP) -", "COLUMBIA, S.C. --", "BEIRUT: ...": a
# town in capitals opening a paragraph or following a headline, then a dash, colon or credit.
_CAPS_DATELINE = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\s\.\s)|(?<=\n))\s*"
    r"(?P<name>[A-Z][A-Z'’.-]+[A-Z](?:\s+[A-Z][A-Z'’.-]*[A-Z])*)"
    r"(?P<state>,\s+[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?)?"
    r"\s*(?P<credit>\((?:AP|Reuters|AFP|UPI|CNN|Xinhua|dpa|IANS|PTI|Bloomberg)\))?"
    r"\s*(?P<end>--?-?|[—–:\ufffd])?")
# Capitals that open news copy without being a place.
_NOT_DATELINES = frozenset("breaking update updated watch video photos exclusive analysis opinion "
                           "editorial note correction advisory warning urgent live flash "
                           "alert".split())


def _caps_datelines(pb: ParsedBlock, text: str) -> list[_Mention]:
    """Towns in capitals that open a story or paragraph: the dateline of local and wire copy."""
    found = []
    for m in _CAPS_DATELINE.finditer(pb.block.text):
        name = m.group("name")
        at_start = m.start() == 0 or not pb.block.text[:m.start()].strip()
        closed = m.group("end") or m.group("credit") or (
            at_start and pb.block.text[m.end():m.end() + 2][:1].isupper())
        letters = sum(c.isalpha() for c in name)
        if not closed or letters < 3 or name_key(name) in _NOT_DATELINES:
            continue
        start = pb.offset + m.start("name")
        found.append(_Mention(Span.of(text, start, start + len(name)), pb.block.kind,
                              want="town", dateline=True))
    return found


def _dateline_mention(ctx: Context, taken: list[Span]) -> list[_Mention]:
    """The byline's place ("Name - Northern Syria"), which no parsed block holds."""
    span = ctx.document.dateline_span
    if span is None or _overlaps(span, taken):
        return []
    if not span.text[:1].isupper():
        return []
    return [_Mention(span, "dateline", country=_country_named(span.text))]


# --------------------------------------------------------------------------- resolution


def _country_entry(gaz: Gazetteer, country: dictionaries.Country) -> Entry | None:
    for name in (country.name, *country.names):
        for e in gaz.lookup(name).entries:
            if e.feature_code == "PCLI" and e.country_code == country.iso2:
                return e
    return None


def _focus(mentions: list[_Mention], ctx: Context) -> Evidence:
    """Countries the article is about: named ones, and homes of its demonyms (half weight)."""
    ev = Evidence()
    for m in mentions:
        if m.country is not None and not m.metonym:
            ev.add(m.key, country=m.country.iso2, weight=1.0)
    for pb in ctx.parsed:
        for ent in pb.doc.ents:
            if ent.label_ == "NORP":
                for c in dictionaries.split_compound_adjective(ent.text) or ():
                    ev.add("", country=c.iso2, weight=0.5)
            elif ent.label_ == "ORG":
                # "the Minnesota National Guard": not a place, but says where the news is.
                for word in _leading_names(ent.text):
                    if (c := _country_named(word)) is not None:
                        ev.add("", country=c.iso2, weight=0.5)
    return ev


def _leading_names(text: str) -> list[str]:
    words = text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return [" ".join(words[:n]) for n in (1, 2) if len(words) > n]


def _resolve_one(m: _Mention, gaz: Gazetteer, geo: GeoContext) -> Choice | None:
    if m.fixed_name is not None or m.key in GENERIC_WORDS:
        return None
    choice = _resolve_name(m, gaz, geo)
    if choice is None and m.country is None:
        # "Northern Syria" is not a name of its own (as "North Carolina" is): a part of Syria.
        start, directed = _strip_direction(m.span.text, 0, len(m.span.text))
        if directed:
            whole = m.span
            m.span = Span(whole.start + start, whole.end, whole.text[start:])
            m.phrase, m.area = m.phrase or whole, True
            m.country = _country_named(m.span.text)
            choice = _resolve_name(m, gaz, geo)
    return choice


def _namesake_division(m: _Mention, gaz: Gazetteer, geo: GeoContext) -> Choice | None:
    """"Georgia" in a story about the United States is the state, not the country.

    The evidence is what the article's other names say (``geo`` leaves the name's
    own mentions out): the division's country outweighs the namesake country, or
    one of its towns was named ("Atlanta").
    """
    own = geo.countries.get(m.country.iso2, 0.0) if m.country else 0.0
    for e in gaz.lookup(m.span.text).entries:
        if e.feature_code != "ADM1":
            continue
        if (geo.countries.get(e.country_code or "", 0.0) > own + NAMESAKE_MARGIN
                or geo.admins.get(e.admin1_code or "", 0.0) > own):
            return Choice(e, 0.7, 5.0)
    return None


def _resolve_name(m: _Mention, gaz: Gazetteer, geo: GeoContext) -> Choice | None:
    if m.country is not None:
        division = _namesake_division(m, gaz, geo)
        if division is not None:
            return division
        entry = _country_entry(gaz, m.country)
        if entry is not None:
            return Choice(entry, 0.95, 10.0)
    # Only a name tagged as a place: an untagged "Kremlin" is the body, not somewhere.
    seat = None if m.weak else _seat_of_power(m.span.text, gaz)
    if seat is not None:
        return seat
    text, want = _without_head(m.span.text, m.want)
    match = gaz.lookup(text)
    if text != m.span.text:
        # "Kansas City" and "Grove City" are names of their own, not "Kansas" with a head;
        # "Karak District" is the district of Karak, whatever else bears the longer name.
        whole = gaz.lookup(m.span.text)
        if not match.entries or (want == "town" and whole.entries and not whole.loose):
            match, text = whole, m.span.text
    key = name_key(text)
    exact = frozenset(e.geonameid for e in match.entries if name_key(e.name) == key)
    return choose(match.entries, geo, want=want, loose=match.loose, exact=exact)


def _seat_of_power(text: str, gaz: Gazetteer) -> Choice | None:
    """A seat of power that is not a town ("the White House", "the Kremlin") is in the capital.

    Whether it speaks for the government (a metonym) is decided apart; either way
    it stands in the capital, not in a village that shares its name.
    """
    country = dictionaries.metonym_country(text)
    if country is None or text in country.capitals:
        return None
    for capital in country.capitals:
        towns = [e for e in gaz.lookup(capital).entries
                 if e.country_code == country.iso2 and e.feature_class == "P"]
        if towns:
            best = max(towns, key=lambda e: (e.feature_code == "PPLC", e.population))
            return Choice(best, 0.9, 8.0)
    return None


_TRAILING_HEAD = re.compile(r"\s+(city|town|village|province|governorate|state|region|district)$",
                            re.IGNORECASE)


def _without_head(text: str, want: str | None) -> tuple[str, str | None]:
    """"Fargo City" -> ("Fargo", "town"); "Idlib Province" -> ("Idlib", "admin")."""
    m = _TRAILING_HEAD.search(text)
    if m is None or m.start() == 0:
        return text, want
    head = m.group(1).lower()
    return text[:m.start()], want or ("town" if head in TOWN_HEADS else "admin")


def _anchors(mentions: list[_Mention], skip: str) -> list[Anchor]:
    out = []
    for m in mentions:
        c = m.choice
        if c is None or m.metonym or m.weak or m.key == skip:
            continue
        if c.confidence < 0.75:
            continue
        if c.entry.feature_code in ("PCLI", "CONT", "RGN", "PEN", "GULF"):
            continue
        out.append(Anchor(c.entry.lat, c.entry.lon))
    return out


@dataclass(slots=True)
class Evidence:
    """Where the article is, and how much of that each name said itself.

    A name must not vote for its own reading: "Athens" resolved to Greece in a
    first pass would otherwise make Greece the focus that keeps it there. So
    the weights each name contributed are kept apart and left out when that
    name (or a given span with the same name) is resolved.
    """

    countries: Counter[str] = field(default_factory=Counter)
    admins: Counter[str] = field(default_factory=Counter)
    own_countries: dict[str, Counter[str]] = field(default_factory=dict)
    own_admins: dict[str, Counter[str]] = field(default_factory=dict)
    # Per name, the points of its likeliest readings (see _cohort).
    cohort: dict[str, tuple[Reading, ...]] = field(default_factory=dict)

    def add(self, key: str, *, country: str | None = None, admin: str | None = None,
            weight: float) -> None:
        if country:
            self.countries[country] += weight
            self.own_countries.setdefault(key, Counter())[country] += weight
        if admin:
            self.admins[admin] += weight
            self.own_admins.setdefault(key, Counter())[admin] += weight

    def context(self, key: str, anchors: list[Anchor]) -> GeoContext:
        """The context for resolving ``key``: everything but what ``key`` itself said."""
        return GeoContext(countries=_minus(self.countries, self.own_countries.get(key)),
                          anchors=anchors,
                          admins=_minus(self.admins, self.own_admins.get(key)),
                          cohort=tuple(pts for k, pts in self.cohort.items() if k != key))


def _minus(total: Counter[str], own: Counter[str] | None) -> dict[str, float]:
    out = dict(total)
    for k, v in (own or {}).items():
        out[k] = out.get(k, 0.0) - v
    return {k: v for k, v in out.items() if v > 1e-9}


def resolve(mentions: list[_Mention], gaz: Gazetteer, ctx: Context) -> Evidence:
    """Resolve every mention in place: first on focus countries, then with anchors too.

    Returns the evidence (focus countries and divisions) of the last pass.
    """
    named = _focus(mentions, ctx)
    for m in mentions:
        m.choice = _resolve_one(m, gaz, named.context(m.key, []))
    evidence = named
    for _ in range(2):
        # Every place resolved says a little about where the story is, surely or not.
        evidence = _resolved_evidence(mentions, ctx, gaz, named)
        for m in mentions:
            m.choice = _resolve_one(m, gaz, evidence.context(m.key, _anchors(mentions, m.key)))
    for m in mentions:
        if m.weak and not _keep_weak(m, evidence.context(m.key, _anchors(mentions, m.key))):
            m.choice = None
    mentions[:] = [m for m in mentions
                   if not (m.weak or m.dateline) or m.choice is not None]
    _place_within_towns(mentions)
    return evidence


def _resolved_evidence(mentions: list[_Mention], ctx: Context, gaz: Gazetteer,
                       named: Evidence) -> Evidence:
    ev = Evidence(Counter(named.countries), Counter(),
                  {k: Counter(v) for k, v in named.own_countries.items()}, {})
    for m in mentions:
        c = m.choice
        if c is None or m.weak or m.metonym:
            continue
        ev.add(m.key, country=c.entry.country_code, weight=0.5 * c.confidence)
        if c.entry.feature_code == "ADM1":
            ev.add(m.key, admin=c.entry.admin1_code, weight=c.confidence)
        elif c.entry.feature_class == "P" and c.confidence >= 0.75:
            ev.add(m.key, admin=c.entry.admin1_code, weight=0.5 * c.confidence)
    for code in _admins_of_bodies(ctx, gaz):
        ev.add("", admin=code, weight=0.5)
    ev.cohort = _cohort(mentions, gaz, named)
    return ev


def _cohort(mentions: list[_Mention], gaz: Gazetteer,
            named: Evidence) -> dict[str, tuple[Reading, ...]]:
    """Each town or division name's likeliest readings, whether or not it was resolved surely.

    Local news names several places of one county ("Columbus", "Franklin County",
    "Grove City"), none of them sure on its own; readings of different names that
    lie close together support each other.
    """
    out: dict[str, tuple[tuple[float, float], ...]] = {}
    for m in mentions:
        if m.metonym or m.country is not None or m.fixed_name or m.key in out:
            continue
        if m.key in GENERIC_WORDS:
            continue
        geo = named.context(m.key, [])
        entries = [e for e in gaz.lookup(m.span.text).entries
                   if e.feature_class in ("P", "A") and e.feature_code != "PCLI"]
        entries.sort(key=lambda e: -score(e, geo))
        if entries:
            out[m.key] = tuple((e.lat, e.lon, e.admin1_code)
                               for e in entries[:COHORT_READINGS])
    return out


def _place_within_towns(mentions: list[_Mention]) -> None:
    """Streets, buildings and parks the gazetteer lacks go to the town named nearest before them.

    Local news names "Royal Street" or "Memorial Hospital" after (or, failing that,
    before) the town they are in; the town's point is within a few kilometres.
    """
    towns = [m for m in mentions
             if m.choice is not None and not m.metonym and m.choice.entry.feature_class == "P"
             and m.choice.confidence >= LOCAL_TOWN_CONFIDENCE]
    if not towns:
        return
    for m in mentions:
        if m.choice is not None or m.fixed_name is not None or m.country is not None:
            continue
        words = m.span.text.lower().split()
        if len(words) < 2 or words[-1] not in LOCAL_HEADS:
            continue
        before = [t for t in towns if t.span.start < m.span.start]
        town = before[-1] if before else min(towns, key=lambda t: t.span.start - m.span.start)
        c = town.choice
        assert c is not None  # filtered above
        m.within = Choice(c.entry, round(0.5 * c.confidence, 3), c.score)


def _keep_weak(m: _Mention, geo: GeoContext) -> bool:
    """A weak mention stays a place when it resolved near the article's other places."""
    c = m.choice
    if c is None or c.entry.feature_class not in ("P", "A"):
        return False
    near = nearest_anchor_km(c.entry, geo.anchors)
    code = c.entry.admin1_code
    if (near is not None and near <= WEAK_NEAR_KM) or bool(code and code in geo.admins):
        return True
    # A city of the country the article is about: "Aleppo" in a story on Syria.
    return (geo.countries.get(c.entry.country_code or "", 0.0) >= 1.0
            and c.entry.population >= WEAK_CITY_POPULATION)


def _admins_of_bodies(ctx: Context, gaz: Gazetteer) -> list[str]:
    """Divisions that name the article's bodies ("the Ohio Department of Health")."""
    codes = []
    for pb in ctx.parsed:
        for ent in pb.doc.ents:
            if ent.label_ != "ORG":
                continue
            for word in _leading_names(ent.text):
                adm = [e for e in gaz.lookup(word).entries if e.feature_code == "ADM1"]
                if len(adm) == 1 and adm[0].admin1_code:
                    codes.append(adm[0].admin1_code)
    return codes


# --------------------------------------------------------------------------- records


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


def _group_key(m: _Mention) -> tuple[object, ...]:
    ident: object = m.choice.entry.geonameid if m.choice else name_key(m.fixed_name or m.span.text)
    return (ident, m.area, m.metonym)


def _local_record(i: int, group: list[_Mention], gaz: Gazetteer | None) -> Place:
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


def _record(i: int, group: list[_Mention], gaz: Gazetteer | None) -> Place:
    first = group[0]
    if first.choice is None and first.within is not None:
        return _local_record(i, group, gaz)
    choice = first.choice
    entry = choice.entry if choice else None
    qualified = first.area
    names = Counter(m.span.text for m in group if m.block_kind != "dateline")
    name = first.fixed_name or (names.most_common(1)[0][0] if names else first.span.text)
    mentions = tuple(m.phrase or m.span for m in group)
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
    )


def build_places(mentions: list[_Mention], gaz: Gazetteer | None) -> tuple[Place, ...]:
    """Group resolved mentions into Place records (one per place, qualifier and use)."""
    groups: dict[tuple[object, ...], list[_Mention]] = {}
    for m in mentions:
        groups.setdefault(_group_key(m), []).append(m)
    ordered = sorted(groups.values(), key=lambda g: g[0].span.start)
    return tuple(_record(i, g, gaz) for i, g in enumerate(ordered, start=1))


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
    given = [_Mention(span, "given", country=dictionaries.country_by_word(span.text))
             for span in spans]
    for m in given:
        m.choice = _resolve_one(m, gaz, evidence.context(m.key, _anchors(found, m.key)))
    unresolved = [m for m in given if m.choice is None]
    for m in unresolved:
        _place_within_towns([*found, m])
    return [_record(1, [m], gaz) if m.choice or m.within else None for m in given]
