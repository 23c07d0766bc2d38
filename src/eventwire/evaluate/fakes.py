"""FA-KES: does a real Syrian-war article yield the violent events, counts and places it reports?

FA-KES (../shared/data/fakes_syria) has no event annotation, but each article was
filed under a governorate or city, and the credible ones (``gold_label`` 1) were
matched by crowd workers against casualty records of the Violations Documentation
Center: every one of them reports people killed somewhere in Syria. That makes three
honest proxies of recall on the kind of text eventwire is for:

* ``fakes.violent_article``: articles with at least one ASSAULT, FIGHT or COERCE event;
* ``fakes.killed_count``: articles with at least one count of people killed;
* ``fakes.event_place``: violent events with a place that lies within 161 km of the place
  the article was filed under (a governorate is about that wide), and
  ``fakes.violent_placed``: violent events that have a place at all.

They are lower bounds and proxies, not an annotation: an article may be filed under
Aleppo and report a strike in Idlib. Use them to compare versions, not as accuracy.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eventwire.evaluate.base import (
    AreaResult,
    Check,
    DataPaths,
    EvaluatorResult,
    extract_or_none,
    register,
    require_file,
)
from eventwire.evaluate.match import haversine_km

if TYPE_CHECKING:
    from eventwire.records import Extraction
    from eventwire.run import Pipeline

log = logging.getLogger(__name__)

NAME = "fakes_syria"
GATE_NAME = "fakes_syria_gate"
ARTICLES = 150  # the first credible articles in file order: a fixed sample
GATE_ARTICLES = 25
VIOLENT = frozenset({"ASSAULT", "FIGHT", "COERCE"})
KILLED = frozenset({"killed", "casualties"})
NEAR_KM = 161.0


def credible_records(path: Path, limit: int) -> Iterator[dict[str, Any]]:
    """The first ``limit`` credible articles of the corpus, in file order."""
    taken = 0
    with require_file(path, "FA-KES data").open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if record.get("gold_label") == 1 and record.get("text"):
                yield record
                taken += 1
                if taken >= limit:
                    return


def filed_point(gazetteer: Any, label: str) -> tuple[float, float] | None:
    """Coordinates of the Syrian place an article was filed under, or None if unknown.

    A governorate wins over a town of the same name ("idlib" is both), then population.
    """
    entries = [e for e in gazetteer.lookup(label).entries if e.country_code == "SY"]
    if not entries:
        return None
    best = max(entries, key=lambda e: (e.feature_code == "ADM1", e.population))
    return best.lat, best.lon


def score_article(ex: Extraction, point: tuple[float, float] | None,
                  origin: str) -> AreaResult:
    violent = [e for e in ex.events if e.plover_type in VIOLENT]
    places = {p.id: p for p in ex.places}
    placed = [places[e.place_id] for e in violent if e.place_id in places]
    placed = [p for p in placed if p.lat is not None and p.lon is not None]
    misses: list[str] = []
    if not violent:
        misses.append(f"fakes.violent_article: {origin}: no violent event")
    near = 0
    if point is not None:
        for place in placed:
            km = haversine_km(point[0], point[1], place.lat, place.lon)
            near += km <= NEAR_KM
            if km > NEAR_KM:
                misses.append(f"fakes.event_place: {origin}: {place.name} is {km:.0f} km away")
    checks = (
        Check("fakes.violent_article", int(bool(violent)), 1),
        Check("fakes.killed_count", int(any(c.kind in KILLED for c in ex.counts)), 1),
        Check("fakes.violent_placed", len(placed), len(violent)),
        Check("fakes.event_place", near, len(placed) if point is not None else 0),
    )
    return AreaResult("fakes", (), checks, tuple(misses))


def _evaluate(name: str, pipeline: Pipeline, paths: DataPaths, limit: int) -> EvaluatorResult:
    gazetteer = pipeline.resources.gazetteer
    total: AreaResult | None = None
    docs: list[str] = []
    for record in credible_records(paths.data / "fakes_syria" / "fakes_syria.jsonl", limit):
        ex = extract_or_none(pipeline, record["text"], str(record["id"]),
                             title=record.get("title") or None)
        if ex is None:
            continue
        area = score_article(ex, filed_point(gazetteer, record.get("location") or ""),
                                str(record["id"]))
        total = area if total is None else total + area
        docs.append(str(record["id"]))
    return EvaluatorResult(name, () if total is None else (total,), tuple(docs))


@register(NAME, description=f"FA-KES: violent events, killed counts and event places in "
                            f"{ARTICLES} credible Syrian-war articles (proxies)")
def evaluate_fakes(pipeline: Pipeline, paths: DataPaths) -> EvaluatorResult:
    return _evaluate(NAME, pipeline, paths, ARTICLES)


@register(GATE_NAME, description=f"the first {GATE_ARTICLES} of them (CI)")
def evaluate_fakes_gate(pipeline: Pipeline, paths: DataPaths) -> EvaluatorResult:
    return _evaluate(GATE_NAME, pipeline, paths, GATE_ARTICLES)
