"""Geoparsing evaluators: LGL, GeoWebNews, TR-News and GeoVirus, and a pinned subset for CI.

Each corpus (``<data>/<name>/<name>.jsonl``) holds articles with gold toponym
spans and coordinates. Per corpus, with denominators:

* ``<name>.toponyms``: end-to-end recall of gold toponyms that have
  coordinates (found = a place mention *or name mention* overlaps the gold span
  and the place is resolved); its precision counts emitted mentions and name
  mentions that overlap any gold span;
* ``<name>.acc161``: of the toponyms found, those resolved within 161 km
  (100 miles) of the gold point;
* ``<name>.gold_span.acc161``: every gold span resolved by the same resolver
  and document context, within 161 km (a span left unresolved is a miss);
* ``<name>.exact_id`` and ``<name>.gold_span.acc161_or_id``: the same with the
  gold's GeoNames id. ``exact_id`` is the exact-match rate other geoparsers
  report (Mordecai's); ``acc161_or_id`` also credits a place resolved to the
  gold's own GeoNames id whose point is far from GeoNames' point for it. That
  happens for countries and first-level divisions: the packages eventwire builds
  its gazetteer from carry no GeoNames points for them (countries take the CIA
  World Factbook's point, divisions the middle of their towns), and Canada's
  two points are 1,000 km apart. The strict ``acc161`` stays the headline.

For GeoWebNews only literal toponyms count (types Literal, Mixed,
Literal_Modifier, Embedded_Literal): its metonyms and demonyms are not places
where things happen. LGL and TR-News annotate adjectives too ("Egyptian",
"Turkish"); eventwire reads those as actors, so end-to-end recall leaves them
out (``<name>.adjectival_left_out`` counts them), while the given-span
accuracy keeps them (an adjective resolves to its country). LGL also marks names
inside the names of bodies ("the Ohio Department of Health"): eventwire records
them as the place's ``name_mentions`` (where a body is based, never where
something happened), and they count as found like any mention;
``<name>.found_in_body_names`` counts the gold toponyms found only through a
name mention, ``<name>.missed_in_body_names`` those missed that lie inside an
organization's mention.

The articles go through the ordinary reader and the stages the places stage
depends on (parse, entities, places).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eventwire.errors import EventwireError
from eventwire.evaluate.base import (
    AreaResult,
    Check,
    DataPaths,
    EvaluatorResult,
    Score,
    register,
    require_file,
)
from eventwire.extract import places
from eventwire.extract.context import Context
from eventwire.extract.entities import extract_entities
from eventwire.extract.parse import parse_document
from eventwire.ingest import make_document
from eventwire.records import Place, Span
from eventwire.resolve.gazetteer.resolve import distance_km

if TYPE_CHECKING:
    from eventwire.run import Pipeline

log = logging.getLogger(__name__)

ACC_KM = 161.0
GWN_LITERAL = frozenset({"Literal", "Mixed", "Literal_Modifier", "Embedded_Literal"})
CORPORA = ("lgl", "geowebnews", "tr_news", "geovirus")
# The CI gate: the first articles of each corpus, enough to catch a regression in minutes.
GATE_ARTICLES = {"lgl": 25, "geowebnews": 10, "tr_news": 15}


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float
    lon: float
    geonameid: int | None = None


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]  # the ones that count (coordinates, literal)
    spans: tuple[tuple[int, int], ...]  # every annotated span, for precision


def _counts(t: dict[str, Any], corpus: str) -> bool:
    if t.get("start") is None or t.get("lat") is None or t.get("lon") is None:
        return False
    return corpus != "geowebnews" or t.get("type") in GWN_LITERAL


def load_corpus(data: Path, corpus: str, limit: int | None = None) -> Iterator[Article]:
    """Articles of ``<data>/<corpus>/<corpus>.jsonl`` with the toponyms that count."""
    path = require_file(data / corpus / f"{corpus}.jsonl", f"{corpus} gold")
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f):
            if limit is not None and n >= limit:
                return
            r = json.loads(line)
            tops = tuple(GoldToponym(t["start"], t["end"], t["text"], t["lat"], t["lon"],
                                     _geonameid(t.get("geonameid")))
                         for t in r["toponyms"] if _counts(t, corpus))
            spans = tuple((t["start"], t["end"]) for t in r["toponyms"]
                          if t.get("start") is not None)
            yield Article(str(r["id"]), r["text"], tops, spans)


def _geonameid(value: Any) -> int | None:
    """The gold's GeoNames id: a number or a string of digits; None when it has none."""
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def article_context(article: Article, pipeline: Pipeline, corpus: str) -> Context | None:
    """A Context of one gold article up to its people and organizations (what places
    reads), or None (logged) when its text cannot be read as given."""
    try:
        document = make_document(article.text, f"{corpus}#{article.id}")
    except EventwireError as e:
        log.warning("%s#%s skipped: %s", corpus, article.id, e)
        return None
    if document.text != article.text:
        log.warning("%s#%s skipped: text changed when read (offsets would drift)",
                    corpus, article.id)
        return None
    res = pipeline.resources
    ctx = Context(document, parse_document(document, res.nlp, cache=res.parse_cache), res)
    # As the pipeline does: names the gazetteer knows as towns are left to places.
    ctx.people, ctx.organizations = extract_entities(document, ctx.parsed,
                                                     gazetteer=res.gazetteer)
    return ctx


def _overlap(a: Span, g: GoldToponym | tuple[int, int]) -> bool:
    start, end = (g.start, g.end) if isinstance(g, GoldToponym) else g
    return a.start < end and start < a.end


def _near(place: Place | None, g: GoldToponym) -> bool:
    return (place is not None and place.lat is not None and place.lon is not None
            and distance_km(place.lat, place.lon, g.lat, g.lon) <= ACC_KM)


def _same_id(place: Place | None, g: GoldToponym) -> bool:
    return place is not None and g.geonameid is not None and place.geonameid == g.geonameid


def score_article(article: Article, ctx: Context, corpus: str) -> AreaResult:
    """End-to-end and given-span scores of one article."""
    found_places = places.extract(ctx)
    mentions = [(m, p) for p in found_places for m in p.mentions]
    named = [(m, p) for p in found_places for m in p.name_mentions]
    found = hits = via_names = with_id = same_id = 0
    misses = []
    literal = [g for g in article.toponyms if not places.is_demonym(g.text)]
    # Names inside bodies' names ("the Ohio Department of Health") are left out by design.
    bodies = [m for o in ctx.organizations for m in o.mentions]
    in_bodies = 0
    for g in literal:
        match = next((p for m, p in mentions if _overlap(m, g) and p.lat is not None), None)
        if match is None:
            match = next((p for m, p in named if _overlap(m, g) and p.lat is not None), None)
            via_names += match is not None
        if match is not None:
            found += 1
            hits += _near(match, g)
            with_id += g.geonameid is not None
            same_id += _same_id(match, g)
        else:
            in_bodies += any(_overlap(b, g) for b in bodies)
            misses.append(f"{corpus}: {g.text!r} not found ({article.id})")
    emitted = mentions + named
    correct = sum(any(_overlap(m, s) for s in article.spans) for m, _ in emitted)
    given = places.resolve_spans(ctx, [Span.of(ctx.document.text, g.start, g.end)
                                       for g in article.toponyms])
    given_hits = sum(_near(p, g) for p, g in zip(given, article.toponyms, strict=True))
    given_or_id = sum(_near(p, g) or _same_id(p, g)
                      for p, g in zip(given, article.toponyms, strict=True))
    n = len(article.toponyms)
    return AreaResult(
        corpus,
        (Score(f"{corpus}.toponyms", found, len(literal), correct, len(emitted)),),
        (Check(f"{corpus}.acc161", hits, found),
         Check(f"{corpus}.gold_span.acc161", given_hits, n),
         Check(f"{corpus}.exact_id", same_id, with_id),
         Check(f"{corpus}.gold_span.acc161_or_id", given_or_id, n),
         Check(f"{corpus}.adjectival_left_out", n - len(literal), n),
         Check(f"{corpus}.found_in_body_names", via_names, len(literal)),
         Check(f"{corpus}.missed_in_body_names", in_bodies, len(literal))),
        tuple(misses[:20]),
    )


def evaluate_corpus(pipeline: Pipeline, data: Path, corpus: str,
                    limit: int | None = None) -> tuple[AreaResult, list[str]]:
    """Scores over one corpus (or its first ``limit`` articles), summed over articles."""
    total = AreaResult(corpus, (Score(f"{corpus}.toponyms"),),
                       (Check(f"{corpus}.acc161"), Check(f"{corpus}.gold_span.acc161"),
                        Check(f"{corpus}.exact_id"),
                        Check(f"{corpus}.gold_span.acc161_or_id"),
                        Check(f"{corpus}.adjectival_left_out"),
                        Check(f"{corpus}.found_in_body_names"),
                        Check(f"{corpus}.missed_in_body_names")))
    ids = []
    for article in load_corpus(data, corpus, limit):
        ctx = article_context(article, pipeline, corpus)
        if ctx is None:
            continue
        total = total + score_article(article, ctx, corpus)
        ids.append(f"{corpus}#{article.id}")
    return _bounded(total), ids


def _bounded(area: AreaResult, keep: int = 200) -> AreaResult:
    return AreaResult(area.area, area.scores, area.checks, area.misses[:keep])


def _register_corpus(corpus: str) -> None:
    @register(corpus, description=f"geoparsing: ../shared/data/{corpus} (recall, acc@161km)")
    def _evaluate(pipeline: Pipeline, paths: DataPaths) -> EvaluatorResult:
        area, ids = evaluate_corpus(pipeline, paths.data, corpus)
        return EvaluatorResult(corpus, (area,), _summary(corpus, ids))


for _corpus in CORPORA:
    _register_corpus(_corpus)


@register("geo_gate", description="geoparsing gate: the first articles of lgl, geowebnews, "
                                  "tr_news (pinned subset for CI)")
def evaluate_geo_gate(pipeline: Pipeline, paths: DataPaths) -> EvaluatorResult:
    areas: list[AreaResult] = []
    ids: list[str] = []
    for corpus, limit in GATE_ARTICLES.items():
        area, got = evaluate_corpus(pipeline, paths.data, corpus, limit)
        areas.append(area)
        ids += _summary(corpus, got)
    return EvaluatorResult("geo_gate", tuple(areas), tuple(ids))


def _summary(corpus: str, ids: list[str]) -> tuple[str, ...]:
    """The articles scored, as one line: hundreds of ids would drown the report."""
    if not ids:
        return ()
    return (f"{corpus}: {len(ids)} articles ({ids[0]} ... {ids[-1]})",)


def gate_corpora() -> Sequence[str]:
    return tuple(GATE_ARTICLES)
