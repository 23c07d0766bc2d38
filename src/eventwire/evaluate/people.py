"""People who are really places: how often a Person record names a gold toponym.

The small tagger calls many towns persons ("Douma said", "Lagos is"); a
Person made of a town becomes a speaker or an actor, and the place is lost.
On the geoparsing corpora (LGL, GeoWebNews: gold toponym spans, loaded by
:mod:`eventwire.evaluate.geo`), per corpus part, with denominators:

* ``<part>.people_not_toponyms``: Person records none of whose mentions
  overlaps a gold toponym span, of the Person records emitted (1 - the share
  of false people);
* ``<part>.false_people``: the complement, Person records with a mention on a
  gold toponym, of those emitted (for reading; lower is better, no floor);
* ``<part>.toponyms_outside_people``: gold toponyms no Person mention
  overlaps, of the gold toponyms (every annotated span);
* ``<part>.toponyms_in_people``: the complement (for reading).

Whether places then finds the toponyms left to it is the geo evaluators' recall.

LGL is split in halves: rules are tuned on ``lgl_dev`` (the first half) and
``lgl_heldout`` (the second) is read only as numbers. The ``_gate`` variant
runs the first articles of each corpus for CI.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from eventwire.evaluate.base import AreaResult, Check, DataPaths, EvaluatorResult, register
from eventwire.evaluate.geo import Article, article_context, load_corpus
from eventwire.records import Person

if TYPE_CHECKING:
    from eventwire.run import Pipeline

log = logging.getLogger(__name__)

LGL_ARTICLES = 588  # lgl.jsonl: the first half is the development half
GATE_ARTICLES = {"lgl": 40, "geowebnews": 20}
_METRICS = ("people_not_toponyms", "false_people", "toponyms_outside_people",
            "toponyms_in_people")


def _overlaps(start: int, end: int, spans: tuple[tuple[int, int], ...]) -> bool:
    return any(start < e and s < end for s, e in spans)


def score_article(article: Article, people: tuple[Person, ...], part: str) -> AreaResult:
    """False people and toponyms inside people's mentions, for one article."""
    false = [p for p in people
             if any(_overlaps(m.start, m.end, article.spans) for m in p.mentions)]
    mentions = tuple((m.start, m.end) for p in people for m in p.mentions)
    inside = [(s, e) for s, e in article.spans if _overlaps(s, e, mentions)]
    n_people, n_gold = len(people), len(article.spans)
    misses = tuple(f"{part}: person {p.name!r} is a toponym ({article.id})" for p in false)
    return AreaResult(part, checks=(
        Check(f"{part}.people_not_toponyms", n_people - len(false), n_people),
        Check(f"{part}.false_people", len(false), n_people),
        Check(f"{part}.toponyms_outside_people", n_gold - len(inside), n_gold),
        Check(f"{part}.toponyms_in_people", len(inside), n_gold),
    ), misses=misses)


def evaluate_part(pipeline: Pipeline, data: Path, corpus: str, part: str,
                  first: int = 0, stop: int | None = None) -> tuple[AreaResult, int]:
    """Scores over articles ``first``..``stop`` of a corpus, summed; and how many were read."""
    total = AreaResult(part, checks=tuple(Check(f"{part}.{m}") for m in _METRICS))
    n = 0
    for i, article in enumerate(load_corpus(data, corpus, stop)):
        if i < first:
            continue
        ctx = article_context(article, pipeline, corpus)
        if ctx is None:
            continue
        total = total + score_article(article, ctx.people, part)
        n += 1
    return AreaResult(total.area, total.scores, total.checks, total.misses[:200]), n


def _run(pipeline: Pipeline, paths: DataPaths, name: str,
         parts: tuple[tuple[str, str, int, int | None], ...]) -> EvaluatorResult:
    areas, docs = [], []
    for corpus, part, first, stop in parts:
        area, n = evaluate_part(pipeline, paths.data, corpus, part, first, stop)
        areas.append(area)
        docs.append(f"{part}: {n} articles of {corpus}")
    return EvaluatorResult(name, tuple(areas), tuple(docs))


@register("people_toponyms", description="people who are really places: Person records on gold "
                                         "toponyms of lgl (dev/held-out halves) and geowebnews")
def evaluate_people_toponyms(pipeline: Pipeline, paths: DataPaths) -> EvaluatorResult:
    half = LGL_ARTICLES // 2
    return _run(pipeline, paths, "people_toponyms", (
        ("lgl", "lgl_dev", 0, half),
        ("lgl", "lgl_heldout", half, None),
        ("geowebnews", "geowebnews", 0, None),
    ))


@register("people_toponyms_gate", description="people who are really places: the first "
                                              "articles of lgl and geowebnews (pinned, CI)")
def evaluate_people_toponyms_gate(pipeline: Pipeline, paths: DataPaths) -> EvaluatorResult:
    return _run(pipeline, paths, "people_toponyms_gate", tuple(
        (corpus, corpus, 0, n) for corpus, n in GATE_ARTICLES.items()))


def gate_corpora() -> tuple[str, ...]:
    return tuple(GATE_ARTICLES)
