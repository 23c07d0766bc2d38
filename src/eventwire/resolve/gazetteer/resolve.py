"""Choosing the GeoNames entry a toponym means, from the document's context.

Each candidate gets a score from what it is and where it lies:

* its kind (country, first-level division, capital, town...) and population:
  news names big places far more often than small namesakes;
* the document's focus countries (named, or the home of its demonyms) and
  its anchors (places already resolved with confidence): a village that
  shares a name with a city abroad is the one near the article's other places;
* a head noun that says what kind of place is meant ("Idlib province",
  "the town of Idlib").

When the article has a focus and the best candidate is a small place far
away in another country, the resolver answers "not found" (None): a village
missing from the gazetteer is better unresolved than placed abroad.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from eventwire.resolve.gazetteer.index import Entry

KIND_PRIOR = {"PCLI": 7.0, "CONT": 6.0, "RGN": 6.0, "PEN": 6.0, "GULF": 6.0, "OCN": 6.0,
              "SEA": 6.0, "STRT": 5.0, "STM": 4.0, "LK": 5.0, "ADM1": 3.5, "PPLC": 4.0,
              "ADM2": 1.5}
# Population speaks for towns and countries; a division's is the sum of its towns', which
# would let "Arlington County" outweigh the city of Arlington.
POPULATION_CLASSES = frozenset({"P"})
FOCUS_BONUS = 3.0
ADMIN_BONUS = 2.0
NEAR_BONUS = ((50.0, 3.5), (200.0, 2.5), (600.0, 1.0))
# A small place abroad, this far from every anchor, is a namesake, not the place meant.
FAR_KM = 1000.0
LOOSE_FAR_KM = 300.0
SMALL_POPULATION = 100_000
REGION_CODES = frozenset({"CONT", "RGN", "PEN", "GULF", "OCN", "SEA", "STRT"})
CLEAR_FOCUS = 2.0
# Other names with a likely reading this close support a candidate, up to COHORT_CAP names.
COHORT_KM = 100.0
COHORT_BONUS = 1.5
COHORT_CAP = 3
COHORT_CANDIDATES = 10


# One likely reading of a name in the article: its point and full admin1 code.
Reading = tuple[float, float, str | None]


@dataclass(frozen=True, slots=True)
class Anchor:
    lat: float
    lon: float
    weight: float = 1.0


@dataclass(slots=True)
class GeoContext:
    """What the document is about, geographically: focus countries and anchor points."""

    countries: dict[str, float] = field(default_factory=dict)  # ISO2 -> weight
    anchors: list[Anchor] = field(default_factory=list)
    admins: dict[str, float] = field(default_factory=dict)  # admin1 code "US.MN" -> weight
    # The likeliest readings of the article's other names, one tuple of points per name.
    cohort: tuple[tuple[Reading, ...], ...] = ()
    # The same, of the other names whose likeliest reading is a town ("Myerstown", not "Ohio").
    town_cohort: tuple[tuple[Reading, ...], ...] = ()

    @property
    def has_focus(self) -> bool:
        return bool(self.countries) or bool(self.anchors)


@dataclass(frozen=True, slots=True)
class Choice:
    entry: Entry
    confidence: float
    score: float


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine) in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def nearest_anchor_km(entry: Entry, anchors: Sequence[Anchor]) -> float | None:
    if not anchors:
        return None
    return min(distance_km(entry.lat, entry.lon, a.lat, a.lon) for a in anchors)


def score(entry: Entry, ctx: GeoContext, *, want: str | None = None, loose: bool = False,
          exact_name: bool = True) -> float:
    """How likely ``entry`` is the place meant; ``want`` is "admin" or "town" from a head noun."""
    s = KIND_PRIOR.get(entry.feature_code or "", 0.0)
    if entry.feature_class in POPULATION_CLASSES or entry.feature_code == "PCLI":
        s += 0.6 * math.log10(entry.population + 1)
    if entry.country_code and entry.country_code in ctx.countries:
        s += FOCUS_BONUS * min(1.0, ctx.countries[entry.country_code])
    near = nearest_anchor_km(entry, ctx.anchors)
    if near is not None:
        s += next((bonus for km, bonus in NEAR_BONUS if near <= km), 0.0)
    code = entry.admin1_code
    if code and code in ctx.admins:
        s += ADMIN_BONUS * min(1.0, ctx.admins[code])
    if want == "admin" and entry.feature_class == "A":
        s += 5.0
    elif want == "town" and entry.feature_class == "P":
        s += 5.0
    if loose:
        s -= 1.0
    if not exact_name:
        s -= 0.5
    return s


def cohort_support(entry: Entry, cohort: Sequence[Sequence[Reading]]) -> int:
    """How many of the article's other names have a likely reading near ``entry``.

    Near a town means within COHORT_KM; a first-level division is supported by
    readings inside it (its point is only the middle of its towns).
    """
    code = entry.admin1_code
    if entry.feature_code == "ADM1":
        return sum(any(c == code for _, _, c in pts) for pts in cohort) if code else 0
    return sum(any(distance_km(entry.lat, entry.lon, lat, lon) <= COHORT_KM
                   for lat, lon, _ in pts) for pts in cohort)


def is_far_namesake(entry: Entry, ctx: GeoContext, *, loose: bool = False) -> bool:
    """A small place in a country the article is not about, far from all its places.

    Without anchors, only a clear focus (a country named at least twice) makes a
    small place abroad suspect: "a native of Mexico" does not move a story away
    from its own towns. A reading found only through a transliteration key
    (``loose``: "Fuaa" for Egypt's Fuwwah) is weaker evidence: abroad, it must
    lie within LOOSE_FAR_KM of the article's places.
    """
    if entry.feature_class != "P" or entry.population >= SMALL_POPULATION:
        return False
    if entry.country_code in ctx.countries or entry.admin1_code in ctx.admins:
        return False
    near = nearest_anchor_km(entry, ctx.anchors)
    if near is not None:
        return near > (LOOSE_FAR_KM if loose else FAR_KM)
    return max(ctx.countries.values(), default=0.0) >= CLEAR_FOCUS


def _without_towns_named_after_divisions(entries: Sequence[Entry],
                                         exact: frozenset[int]) -> Sequence[Entry]:
    """A state's own name names the state: drop the small towns of its country named after it.

    "Florida" in a story that also names New York is the state, however near
    the village of Florida, New York lies; only a head noun ("the town of
    Florida") asks for the town.
    """
    countries = {e.country_code for e in entries
                 if e.feature_code == "ADM1" and e.geonameid in exact}
    # A region's name ("the Middle East") is the region anywhere, not a neighbourhood.
    region = any(e.feature_code in REGION_CODES and e.geonameid in exact for e in entries)
    if not countries and not region:
        return entries
    return [e for e in entries if not (e.feature_class == "P" and e.population < SMALL_POPULATION
                                       and (region or e.country_code in countries))]


def _with_cohort(scored: list[tuple[float, Entry]],
                 ctx: GeoContext) -> list[tuple[float, Entry]]:
    """Add the cohort's support to the likeliest readings only.

    A name borne by a hundred towns ("Washington") always has one near the
    article's other places; only readings already among the likeliest
    COHORT_CANDIDATES may gain from being near them.
    """
    top = scored[:COHORT_CANDIDATES]
    # A state's or a country's name is the state or the country in news, not one of the
    # villages named after it that happens to lie near the article's towns ("Florida, NY").
    division = any(e.feature_code in ("ADM1", "PCLI") for _, e in top)
    out = []
    for rank, (s, e) in enumerate(scored):
        if (rank < COHORT_CANDIDATES and e.feature_code != "PCLI"
                and not (division and e.feature_class == "P")):
            s += COHORT_BONUS * min(COHORT_CAP, cohort_support(e, ctx.cohort))
        out.append((s, e))
    return sorted(out, key=lambda t: (-t[0], t[1].geonameid))


def choose(entries: Sequence[Entry], ctx: GeoContext, *, want: str | None = None,
           loose: bool = False, exact: frozenset[int] = frozenset()) -> Choice | None:
    """The best-scoring entry, or None when there is none or it is a far namesake.

    Args:
        entries: candidates from a gazetteer lookup.
        ctx: the document's focus countries and anchors.
        want: "admin" or "town" when a head noun says which kind is meant.
        loose: the candidates matched only on the loose (transliteration) key.
        exact: ids whose official name is exactly the text (alternate names score lower).
    """
    if want != "town":
        entries = _without_towns_named_after_divisions(entries, exact)
    if not entries:
        return None
    scored = sorted(((score(e, ctx, want=want, loose=loose,
                            exact_name=not exact or e.geonameid in exact), e)
                     for e in entries), key=lambda t: (-t[0], t[1].geonameid))
    if ctx.cohort:
        scored = _with_cohort(scored, ctx)
    best_score, best = scored[0]
    if is_far_namesake(best, ctx, loose=loose):
        return None
    margin = best_score - scored[1][0] if len(scored) > 1 else 4.0
    confidence = 1.0 / (1.0 + math.exp(-margin))
    if loose:
        confidence *= 0.8
    return Choice(best, round(confidence, 3), best_score)
