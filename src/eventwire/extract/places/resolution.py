"""Resolution: each recognized toponym read as a GeoNames entry, in the document's context.

Resolution (:mod:`eventwire.resolve.gazetteer.resolve` scores the readings)
runs in passes: once with the countries the article names (its focus), then
again with the places resolved with confidence as anchors and every resolved
place as evidence of where the story is. A name never votes for its own
reading (see :class:`Evidence`). Weak mentions are dropped unless they
resolve near the article's places, and streets or buildings the gazetteer
lacks are placed at the town named nearest before them. A name that resolves
to nothing as a whole ("the Kansas Highway Patrol") gives the place names it
opens or closes with as name mentions.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING

from eventwire.extract.places.mention import Mention
from eventwire.extract.places.parts import GENERIC_WORDS, name_like, own_name, part_mentions
from eventwire.extract.places.recognize import TOWN_HEADS, country_named
from eventwire.records import Span
from eventwire.resolve import dictionaries
from eventwire.resolve.gazetteer.names import name_key
from eventwire.resolve.gazetteer.resolve import (
    Anchor,
    Choice,
    GeoContext,
    Reading,
    choose,
    cohort_support,
    nearest_anchor_km,
    score,
)

if TYPE_CHECKING:
    from eventwire.extract.context import Context
    from eventwire.resolve.gazetteer import Entry, Gazetteer

# How close (km) to a confident place a weak mention must resolve to be kept.
WEAK_NEAR_KM = 150.0
# How much more the other names must say for a division's country than for the namesake
# country: one confident town of it (0.5 x confidence) is not yet enough.
NAMESAKE_MARGIN = 0.5
# Heads of places too small for the gazetteer (streets, buildings, parks): such a place is put
# at the town the article names nearest before it, as part of that town (ACLED precision 2).
LOCAL_HEADS = frozenset(
    "street st st. avenue ave ave. road rd rd. drive dr dr. lane boulevard blvd blvd. highway "
    "square plaza park bridge quarter neighborhood neighbourhood estate hospital church "
    "cathedral mosque school library hall station airport stadium mall market campus "
    "courthouse township twp twp. creek lake river".split())
LOCAL_TOWN_CONFIDENCE = 0.6
# How many readings of each name the cohort keeps (most likely first): "Brandon" or
# "Alexandria" has dozens of namesakes, and the small local one is rarely among the first six.
COHORT_READINGS = 10
# A weak mention far from the article's places is still kept when it is a city this big in
# the country the article is about.
WEAK_CITY_POPULATION = 50_000
# In an article with no sure place at all (local copy often names only its own town), a weak
# name that no person commonly bears is kept when it is a city this big...
LONE_CITY_POPULATION = 100_000
# ... or when the article names it more than once and its reading is this clear.
LONE_REPEATED_CONFIDENCE = 0.8
# A weak mention takes the reading of the same name tagged as a place elsewhere in the article
# when that reading is this sure.
TAGGED_ELSEWHERE_CONFIDENCE = 0.9


_DIRECTION = re.compile(r"(?:(?:north|south|east|west|central|upper|lower)(?:ern)?|"
                        r"(?:north|south)-?(?:east|west)(?:ern)?)\s+", re.IGNORECASE)


def _strip_direction(text: str, start: int, end: int) -> tuple[int, bool]:
    """"Northern Syria" is a part of Syria: the name starts after the direction word."""
    m = _DIRECTION.match(text, start, end)
    if m is None or m.end() >= end or not text[m.end()].isupper():
        return start, False
    return m.end(), True


def _country_entry(gaz: Gazetteer, country: dictionaries.Country) -> Entry | None:
    for name in (country.name, *country.names):
        for e in gaz.lookup(name).entries:
            if e.feature_code == "PCLI" and e.country_code == country.iso2:
                return e
    return None


def _focus(mentions: list[Mention], ctx: Context) -> Evidence:
    """Countries the article is about: named ones, and homes of its demonyms (half weight)."""
    ev = Evidence()
    for m in mentions:
        # A country inside a body's name ("Bank of America") says less: its ORG counts below.
        if m.country is not None and not (m.metonym or m.in_name):
            ev.add(m.key, country=m.country.iso2, weight=1.0)
    for pb in ctx.parsed:
        for ent in pb.doc.ents:
            if ent.label_ == "NORP":
                for c in dictionaries.split_compound_adjective(ent.text) or ():
                    ev.add("", country=c.iso2, weight=0.5)
            elif ent.label_ == "ORG":
                # "the Minnesota National Guard": not a place, but says where the news is.
                for word in _leading_names(ent.text):
                    if (c := country_named(word)) is not None:
                        ev.add("", country=c.iso2, weight=0.5)
    return ev


def _leading_names(text: str) -> list[str]:
    words = text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return [" ".join(words[:n]) for n in (1, 2) if len(words) > n]


def resolve_mention(m: Mention, gaz: Gazetteer, geo: GeoContext) -> Choice | None:
    """The reading of ``m`` in context ``geo``, or None.

    A directed name that resolves to nothing ("Northern Syria") is narrowed in place to
    the name after the direction, as part of an area.
    """
    if m.fixed_name is not None or m.key in GENERIC_WORDS:
        return None
    choice = _resolve_name(m, gaz, geo)
    if choice is None and m.country is None:
        # "Northern Syria" is not a name of its own (as "North Carolina" is): a part of Syria.
        start, directed = _strip_direction(m.span.text, 0, len(m.span.text))
        if directed:
            whole, phrase, area = m.span, m.phrase, m.area
            m.span = Span(whole.start + start, whole.end, whole.text[start:])
            m.phrase, m.area = m.phrase or whole, True
            m.country = country_named(m.span.text)
            choice = _resolve_name(m, gaz, geo)
            if choice is None:
                # Not a direction then ("West Virginia Lottery"): the name stays whole.
                m.span, m.phrase, m.area, m.country = whole, phrase, area, None
    if choice is None and m.country is None:
        choice = _county_of_building(m, gaz, geo)
    return choice


# "Henderson County Jail", "Douglas County Hospital": a building named after its county.
_COUNTY_PREFIX = re.compile(r"^[A-Z][\w'’.]*(?:\s[A-Z][\w'’.]*)?\s(?:County|Parish)(?=\s+[A-Z])")


# Last words of such a building's or site's name: a jail, a courthouse, a hospital, or a
# county office or service the tagger cut short ("the Rapides Parish Fire [District 2]").
_BUILDING_HEADS = LOCAL_HEADS | frozenset(
    "jail courthouse court center centre complex building fairgrounds fairground prison "
    "hospital airport landfill office sheriff department commission commissioners board council "
    "schools police coroner fire clerk auditor assessor treasurer fair".split())


def _county_of_building(m: Mention, gaz: Gazetteer, geo: GeoContext) -> Choice | None:
    """A place the gazetteer lacks whose name opens with a county's ("the Henderson County
    Jail") is narrowed in place to the county, as part of it."""
    prefix = _COUNTY_PREFIX.match(m.span.text)
    last = m.span.text.rsplit(None, 1)[-1].lower()
    if prefix is None or last not in _BUILDING_HEADS:
        return None
    whole = m.span
    narrowed = Mention(Span(whole.start, whole.start + prefix.end(), prefix.group()),
                       m.block_kind, want="admin", weak=m.weak)
    choice = _resolve_name(narrowed, gaz, geo)
    if choice is not None and choice.entry.feature_code == "ADM2":
        m.span, m.phrase, m.area = narrowed.span, m.phrase or whole, True
        return choice
    return None


def _namesake_division(m: Mention, gaz: Gazetteer, geo: GeoContext) -> Choice | None:
    """"Georgia" in a story about the United States is the state, not the country.

    The evidence is what the article's other names say (``geo`` leaves the name's
    own mentions out): the division's country outweighs the namesake country, or
    one of its towns was named ("Atlanta").
    """
    own = geo.countries.get(m.country.iso2, 0.0) if m.country else 0.0
    for e in gaz.lookup(m.span.text).entries:
        if e.feature_code != "ADM1":
            continue
        # "the Georgia state line", "Mexico state": a head that asks for a division.
        if m.want == "admin" and name_key(e.name) == m.key:
            return Choice(e, 0.7, 5.0)
        if (geo.countries.get(e.country_code or "", 0.0) > own + NAMESAKE_MARGIN
                or geo.admins.get(e.admin1_code or "", 0.0) > own):
            return Choice(e, 0.7, 5.0)
    return None


# How many of the article's other town names must have a likely reading near a town named
# like a country ("Lebanon" among "Myerstown" and "Grantville") for the name to be the town.
NAMESAKE_TOWN_SUPPORT = 2


def _namesake_town(m: Mention, gaz: Gazetteer, geo: GeoContext) -> Choice | None:
    """"Lebanon" in an obituary naming Myerstown and Grantville is the town in Pennsylvania.

    A town named like a country is the town when nothing else in the article speaks for
    the country and several of its other town names have a likely reading near the town.
    Only town names count: "Oregon" and "Texas" are states, whatever villages bear their
    names near Mexico, Missouri.
    """
    if m.country is None or geo.countries.get(m.country.iso2, 0.0) > 0.0:
        return None
    towns = [e for e in gaz.lookup(m.span.text).entries
             if e.feature_class == "P" and name_key(e.name) == m.key]
    support = {e.geonameid: cohort_support(e, geo.town_cohort) for e in towns}
    best = max(towns, key=lambda e: (support[e.geonameid], e.population), default=None)
    if best is None or support[best.geonameid] < NAMESAKE_TOWN_SUPPORT:
        return None
    return Choice(best, 0.7, 5.0)


def _constituent(m: Mention, gaz: Gazetteer) -> Choice | None:
    """"England", "Scotland", "Wales": a name the dictionary files under a country whose own
    name it is not, and that names a first-level division of that country, is the division."""
    country = m.country
    if country is None or name_key(m.span.text) in {name_key(country.name),
                                                    name_key(country.iso2)}:
        return None
    key = name_key(m.span.text)
    for e in gaz.lookup(m.span.text).entries:
        if (e.feature_code == "ADM1" and e.country_code == country.iso2
                and name_key(e.name) == key):
            return Choice(e, 0.9, 6.0)
    return None


def _resolve_name(m: Mention, gaz: Gazetteer, geo: GeoContext) -> Choice | None:
    if m.country is not None:
        division = (_namesake_division(m, gaz, geo) or _constituent(m, gaz)
                    or _namesake_town(m, gaz, geo))
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


def anchors_for(mentions: list[Mention], skip: str) -> list[Anchor]:
    """Points of the towns and divisions resolved surely, but those of the name ``skip``."""
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
    # The names of the cohort whose likeliest reading is a town.
    towns: frozenset[str] = frozenset()

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
                          cohort=tuple(pts for k, pts in self.cohort.items() if k != key),
                          town_cohort=tuple(pts for k, pts in self.cohort.items()
                                            if k != key and k in self.towns))


def _minus(total: Counter[str], own: Counter[str] | None) -> dict[str, float]:
    out = dict(total)
    for k, v in (own or {}).items():
        out[k] = out.get(k, 0.0) - v
    return {k: v for k, v in out.items() if v > 1e-9}


def resolve(mentions: list[Mention], gaz: Gazetteer, ctx: Context) -> Evidence:
    """Resolve every mention in place: first on focus countries, then with anchors too.

    Returns the evidence (focus countries and divisions) of the last pass.
    """
    named = _focus(mentions, ctx)
    text = ctx.document.text
    for m in mentions:
        m.choice = resolve_mention(m, gaz, named.context(m.key, []))
    qualify_by_division(mentions, gaz, text)
    evidence = named
    for _ in range(2):
        # Every place resolved says a little about where the story is, surely or not.
        evidence = _resolved_evidence(mentions, ctx, gaz, named)
        for m in mentions:
            geo = evidence.context(m.key, anchors_for(mentions, m.key))
            m.choice = resolve_mention(m, gaz, geo)
        qualify_by_division(mentions, gaz, text)
    mentions += _resolved_parts(mentions, gaz, evidence, ctx)
    mentions.sort(key=lambda m: m.span.start)
    repeated = Counter(m.key for m in mentions if m.weak)
    # A name tagged as a place elsewhere in the article, or its dateline, is that place where
    # the tagger missed it.
    tagged = {m.key: m.choice for m in mentions
              if not m.weak and m.choice is not None and not m.metonym
              and (m.dateline or m.choice.confidence >= TAGGED_ELSEWHERE_CONFIDENCE)}
    # A name inside a body's name is the place the article names alone by the same name.
    alone = {m.key: m.choice for m in mentions
             if not (m.weak or m.in_name or m.metonym) and m.choice is not None}
    for m in mentions:
        if m.in_name and m.key in alone:
            m.choice = alone[m.key]
            continue
        if m.in_name:
            geo = evidence.context(m.key, anchors_for(mentions, m.key))
            if not (_among_article_places(m, geo) or _sole_county(m, gaz)
                    or (not geo.anchors and _clear_lone_name(m))):
                m.choice = None
            continue
        if not m.weak or (m.choice is not None and m.key in tagged
                          and tagged[m.key].entry.geonameid == m.choice.entry.geonameid):
            continue
        if not _keep_weak(m, evidence.context(m.key, anchors_for(mentions, m.key)),
                          repeated[m.key]) and not _located_town(m, text):
            # One name, one place within an article: a name the article places surely
            # elsewhere ("ROSWELL -- ... Roswell police said") is that place here too.
            m.choice = tagged.get(m.key)
    mentions[:] = [m for m in mentions
                   if not (m.weak or m.dateline) or m.choice is not None]
    place_within_towns(mentions)
    return evidence


def _resolved_parts(mentions: list[Mention], gaz: Gazetteer, evidence: Evidence,
                    ctx: Context) -> list[Mention]:
    """The place names opening or closing names that resolved to nothing ("the Kansas
    Highway Patrol"), resolved like any name, with the article's anchors (see :mod:`.parts`)."""
    found = []
    for part in part_mentions(mentions, gaz, ctx):
        choice = resolve_mention(part, gaz, evidence.context(part.key,
                                                             anchors_for(mentions, part.key)))
        if choice is not None and own_name(part, choice.entry, gaz):
            part.choice = choice
            found.append(part)
    return found


def _resolved_evidence(mentions: list[Mention], ctx: Context, gaz: Gazetteer,
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
    ev.cohort, ev.towns = _cohort(mentions, gaz, named)
    return ev


def _cohort(mentions: list[Mention], gaz: Gazetteer,
            named: Evidence) -> tuple[dict[str, tuple[Reading, ...]], frozenset[str]]:
    """Each town or division name's likeliest readings, whether or not it was resolved surely.

    Local news names several places of one county ("Columbus", "Franklin County",
    "Grove City"), none of them sure on its own; readings of different names that
    lie close together support each other, whether named alone or inside bodies' names.
    Returns the readings per name, and the names whose likeliest reading is a town.
    """
    out: dict[str, tuple[Reading, ...]] = {}
    towns = set()
    for m in mentions:
        if m.metonym or m.country is not None or m.fixed_name or m.key in out:
            continue
        # Names inside bodies' names join too: "the Athens Police Department" and "the
        # Henderson County Jail" together say Texas, though neither says where anything was.
        if m.key in GENERIC_WORDS:
            continue
        geo = named.context(m.key, [])
        entries = [e for e in gaz.lookup(m.span.text).entries
                   if e.feature_class in ("P", "A") and e.feature_code != "PCLI"]
        entries.sort(key=lambda e: -score(e, geo))
        if entries:
            out[m.key] = tuple((e.lat, e.lon, e.admin1_code)
                               for e in entries[:COHORT_READINGS])
            if entries[0].feature_class == "P":
                towns.add(m.key)
    return out, frozenset(towns)


# What may stand between a town and the division that qualifies it: "Pleasanton, Calif.".
_QUALIFIER_GAP = re.compile(r",\s*")
# What may follow the division for it to be a qualifier rather than the next item of a list
# ("Aleppo, Idlib and Hama" names three places).
_LIST_GO_ON = re.compile(r"\s*(?:,\s*[A-Z]|and\b|or\b|&)")
QUALIFIED_CONFIDENCE = 0.9


def qualify_by_division(mentions: list[Mention], gaz: Gazetteer, text: str) -> None:
    """"Pleasanton, Calif.", "Moscow, Idaho", "Homs, Syria": the division or country after
    the comma says where the town is, whatever its namesakes elsewhere.

    The town is read among the gazetteer's places of that division (or country);
    both names are places by this construction, so neither is dropped as weak.
    ``mentions`` must be in text order.
    """
    qualified: dict[str, Choice] = {}
    for m, n in pairwise(mentions):
        d = n.choice
        if (d is None or d.entry.feature_code not in ("ADM1", "PCLI") or n.metonym
                or m.country is not None or m.fixed_name is not None or m.metonym):
            continue
        gap = text[m.span.end:n.span.start]
        # An abbreviated state ("Conn.") qualifies even inside a list of towns and states.
        abbreviated = text[n.span.end:n.span.end + 1] == "."
        if not _QUALIFIER_GAP.fullmatch(gap) or (
                not abbreviated and _LIST_GO_ON.match(text, n.span.end)):
            continue
        inside, division = _towns_inside(m, n, gaz)
        if not inside:
            continue
        if division is not None:
            # "Athens, Georgia": the state is the qualifier the town lies in, not the country.
            n.choice, n.country = Choice(division, QUALIFIED_CONFIDENCE, d.score), None
            d = n.choice
        best = max(inside, key=lambda e: (e.feature_class == "P", e.population, -e.geonameid))
        if m.choice is None or m.choice.entry.geonameid != best.geonameid:
            m.choice = Choice(best, QUALIFIED_CONFIDENCE, d.score)
        m.weak = n.weak = False
        qualified[m.key] = m.choice
    # The article means one town by one name: "New Haven, Conn." and then "New Haven".
    for m in mentions:
        if m.key in qualified and m.country is None and not m.metonym and m.fixed_name is None:
            m.choice = qualified[m.key]


def _towns_inside(m: Mention, n: Mention, gaz: Gazetteer) -> tuple[list[Entry], Entry | None]:
    """The readings of ``m`` inside the division or country ``n`` resolved to, and the
    division ``n`` names instead when its country holds none of them but a first-level
    division of the same name does ("Athens, Georgia", "Decatur, Georgia")."""
    assert n.choice is not None  # checked by the caller
    d = n.choice.entry
    entries = [e for e in gaz.lookup(m.span.text).entries
               if e.feature_code not in ("ADM1", "PCLI") and e.feature_class in ("P", "A")]
    inside = [e for e in entries if e.country_code == d.country_code
              and (d.feature_code == "PCLI" or e.admin1_code == d.admin1_code)]
    if inside or d.feature_code != "PCLI":
        return inside, None
    for division in gaz.lookup(n.span.text).entries:
        if division.feature_code != "ADM1" or name_key(division.name) != n.key:
            continue
        inside = [e for e in entries if e.admin1_code == division.admin1_code]
        if inside:
            return inside, division
    return [], None


def place_within_towns(mentions: list[Mention]) -> None:
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


def _keep_weak(m: Mention, geo: GeoContext, times: int = 1) -> bool:
    """A weak mention stays a place when it resolved near the article's other places.

    ``times`` is how often the article names it. A country's own name is a place
    wherever the tagger left it ("countries such as Cyprus"), and a named region
    ("eastern Ghouta") counts when it lies among the article's places.
    """
    c = m.choice
    if c is None:
        return False
    if m.country is not None:
        return True
    near = nearest_anchor_km(c.entry, geo.anchors)
    if c.entry.feature_class == "L":
        return near is not None and near <= WEAK_NEAR_KM
    if c.entry.feature_class not in ("P", "A"):
        return False
    code = c.entry.admin1_code
    if (near is not None and near <= WEAK_NEAR_KM) or bool(code and code in geo.admins):
        return True
    if not geo.anchors and _lone_town(m, c, times):
        return True
    # A city of the country the article is about: "Aleppo" in a story on Syria.
    return (geo.countries.get(c.entry.country_code or "", 0.0) >= 1.0
            and c.entry.population >= WEAK_CITY_POPULATION)


_COUNTY_NAME = re.compile(r"\s(?:County|Parish)$")


def _sole_county(m: Mention, gaz: Gazetteer) -> bool:
    """A county the gazetteer knows only one of ("the Guernsey County Sheriff's Office")
    is that county: its name says it is one, and there is no namesake to confuse it with."""
    c = m.choice
    if c is None or c.entry.feature_code != "ADM2" or not _COUNTY_NAME.search(m.span.text):
        return False
    return sum(e.feature_code == "ADM2" and name_key(e.name) == m.key
               for e in gaz.lookup(m.span.text).entries) == 1


# How clear the reading of a body's place name must be when the article names no sure place.
LONE_NAME_CONFIDENCE = 0.9


def _clear_lone_name(m: Mention) -> bool:
    """In an article with no sure place ("the Zionsville Education Foundation" may be all
    local copy says), a body's place name read clearly as one town or division by its own
    name is that place. Not a name people bear ("Columbus"), nor a capital, whose prior
    says which namesake world news means, not that a local body is the capital's ("the
    Athens Police Department")."""
    c = m.choice
    return (c is not None and not m.part and c.confidence >= LONE_NAME_CONFIDENCE
            and c.entry.feature_class in ("P", "A") and c.entry.feature_code != "PCLI"
            and c.entry.feature_code != "PPLC" and name_key(c.entry.name) == m.key
            and not name_like(m.span.text))


def _among_article_places(m: Mention, geo: GeoContext) -> bool:
    """A name inside a body's name stays when it resolved among the article's own places.

    Stricter than a weak mention: a body's name is no evidence that the story is there,
    so neither a country's name ("Lebanon Police", "Jordan Elementary") nor a lone big
    city ("Dublin City Council" in a story on Dublin, Ohio) is kept on its own: the
    place must lie near the article's places, in one of its divisions, or be a country
    the article is about.
    """
    c = m.choice
    if c is None:
        return False
    if c.entry.feature_code == "PCLI":
        return geo.countries.get(c.entry.country_code or "", 0.0) >= 1.0
    near = nearest_anchor_km(c.entry, geo.anchors)
    code = c.entry.admin1_code
    return (near is not None and near <= WEAK_NEAR_KM) or bool(
        code and c.entry.feature_class in ("P", "A") and code in geo.admins)


# "in Wana", "at Coggeshall": a preposition of place just before the name.
_LOCATIVE = re.compile(r"\b(?:in|at|near)\s+$")
LOCATED_CONFIDENCE = 0.9


def _located_town(m: Mention, text: str) -> bool:
    """A weak name the text puts something in ("displaced from homes in Wana") is a town when
    the gazetteer reads it clearly as one and no person commonly bears it."""
    c = m.choice
    if c is None or c.entry.feature_class != "P" or c.confidence < LOCATED_CONFIDENCE:
        return False
    if name_like(m.span.text):
        return False
    return _LOCATIVE.search(text, max(0, m.span.start - 8), m.span.start) is not None


def _lone_town(m: Mention, c: Choice, times: int) -> bool:
    """A town an article with no sure place names: a sizeable city, or one named repeatedly.

    A common given name or surname ("Jackson", "Sherman") is as often a
    person's as a town's, so it never stands as a town on this evidence alone.
    """
    # Only the town's own name: an alternate or transliterated one ("Room" for Rome) is not
    # evidence enough without the article's other places.
    if c.entry.feature_class != "P" or name_key(c.entry.name) != m.key or name_like(m.span.text):
        return False
    return (c.entry.population >= LONE_CITY_POPULATION
            or (times >= 2 and c.confidence >= LONE_REPEATED_CONFIDENCE))


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

