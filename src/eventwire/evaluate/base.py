"""Result records of the evaluation harness and the registry of evaluators.

An evaluator is a plain function ``(pipeline, paths) -> EvaluatorResult``
registered by name with :func:`register`; ``eventwire evaluate`` runs them
all (or those named with ``--only``). Every number keeps its denominator:
a :class:`Score` holds the counts, never only the ratio, so a report can say
``found 6/6  P 6/7`` and results over several documents add up exactly. A mean
that is not a count ratio (weighted F1, a mean distance) is an :class:`Average`,
which keeps its weighted sum and its weight for the same reason.

An evaluator that measures something without the extraction pipeline (a
gazetteer lookup, a dictionary) registers with ``needs_pipeline=False`` and is
called with the data paths alone, so the spaCy model is never loaded for it.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from eventwire.errors import EvaluationDataMissing, EventwireError
from eventwire.ingest import make_document

if TYPE_CHECKING:
    from eventwire.records import Extraction
    from eventwire.run import Pipeline

log = logging.getLogger(__name__)


def _ratio(hits: int, total: int) -> float | None:
    return hits / total if total else None


@dataclass(frozen=True, slots=True)
class Score:
    """Required recall and emitted precision of one kind of record.

    ``found`` of ``required`` gold items were matched by a prediction;
    ``correct`` of ``emitted`` predictions matched a gold item (required or
    optional). The two are counted apart because optional gold items cost
    nothing if missed but make an emitted record correct.
    """

    name: str
    found: int = 0
    required: int = 0
    correct: int = 0
    emitted: int = 0

    @classmethod
    def from_counts(cls, name: str, *, tp: int, fp: int, fn: int) -> Score:
        """A score from one-to-one counts (true/false positives, false negatives)."""
        return cls(name, found=tp, required=tp + fn, correct=tp, emitted=tp + fp)

    @property
    def recall(self) -> float | None:
        """found / required; None when nothing is required."""
        return _ratio(self.found, self.required)

    @property
    def precision(self) -> float | None:
        """correct / emitted; None when nothing was emitted."""
        return _ratio(self.correct, self.emitted)

    @property
    def f1(self) -> float | None:
        """Harmonic mean of precision and recall.

        None when nothing is required; 0 when something is required and
        nothing was emitted (precision is undefined, but the work is not done).
        """
        p, r = self.precision, self.recall
        if r is None:
            return None
        if p is None:
            return 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(self.name, self.found + other.found, self.required + other.required,
                     self.correct + other.correct, self.emitted + other.emitted)

    def metrics(self) -> dict[str, float | None]:
        return {f"{self.name}.recall": self.recall, f"{self.name}.precision": self.precision,
                f"{self.name}.f1": self.f1}


@dataclass(frozen=True, slots=True)
class Check:
    """An accuracy: ``hits`` of ``total`` items passed (e.g. roles right among people found)."""

    name: str
    hits: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float | None:
        return _ratio(self.hits, self.total)

    def __add__(self, other: Check) -> Check:
        return Check(self.name, self.hits + other.hits, self.total + other.total)

    def metrics(self) -> dict[str, float | None]:
        return {self.name: self.accuracy}


@dataclass(frozen=True, slots=True)
class Average:
    """A weighted mean that is not a count ratio: ``value = total / weight``.

    Weighted F1 over classes is ``total = sum(support x F1)``, ``weight = sum(support)``;
    a mean error in km is ``total = sum(km)``, ``weight = items``. Keeping both (not the
    rounded value, and not a :class:`Check` with rounded hits) makes results over several
    parts add up to the exact weighted mean, and the report shows the weight as its
    denominator.
    """

    name: str
    total: float = 0.0
    weight: float = 0.0

    @classmethod
    def of(cls, name: str, pairs: Iterable[tuple[float | None, float]]) -> Average:
        """The weighted mean of ``(value, weight)`` pairs; pairs without a value count as 0."""
        total = weight = 0.0
        for value, w in pairs:
            total += (value or 0.0) * w
            weight += w
        return cls(name, total, weight)

    @property
    def value(self) -> float | None:
        """total / weight; None when nothing was weighed."""
        return self.total / self.weight if self.weight else None

    def __add__(self, other: Average) -> Average:
        return Average(self.name, self.total + other.total, self.weight + other.weight)

    def metrics(self) -> dict[str, float | None]:
        return {self.name: self.value}


@dataclass(frozen=True, slots=True)
class AreaResult:
    """Scores, checks and averages of one area (people, places, ...), with what was missed
    and why."""

    area: str
    scores: tuple[Score, ...] = ()
    checks: tuple[Check, ...] = ()
    misses: tuple[str, ...] = ()
    averages: tuple[Average, ...] = ()

    def __add__(self, other: AreaResult) -> AreaResult:
        return AreaResult(self.area, _add_named(self.scores, other.scores),
                          _add_named(self.checks, other.checks), self.misses + other.misses,
                          _add_named(self.averages, other.averages))

    def metrics(self) -> dict[str, float | None]:
        out: dict[str, float | None] = {}
        for item in (*self.scores, *self.checks, *self.averages):
            out.update(item.metrics())
        return out


def _add_named(a: Sequence[Any], b: Sequence[Any]) -> tuple[Any, ...]:
    """Add items of the same name, keeping first-seen order."""
    merged: dict[str, Any] = {x.name: x for x in a}
    for x in b:
        merged[x.name] = merged[x.name] + x if x.name in merged else x
    return tuple(merged.values())


@dataclass(frozen=True, slots=True)
class EvaluatorResult:
    """What one evaluator measured, or why it could not (``skipped``)."""

    name: str
    areas: tuple[AreaResult, ...] = ()
    documents: tuple[str, ...] = ()
    skipped: str | None = None

    def metrics(self) -> dict[str, float | None]:
        out: dict[str, float | None] = {}
        for area in self.areas:
            out.update(area.metrics())
        return out


@dataclass(frozen=True, slots=True)
class EvaluationReport:
    """Every evaluator's result in one run, with the versions that produced them."""

    created: str
    versions: dict[str, str]
    paths: dict[str, str]
    results: tuple[EvaluatorResult, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON form: counts and ratios of every score and check."""
        return {
            "created": self.created,
            "versions": dict(self.versions),
            "paths": dict(self.paths),
            "evaluators": [_result_dict(r) for r in self.results],
        }


def _result_dict(result: EvaluatorResult) -> dict[str, Any]:
    return {
        "name": result.name,
        "skipped": result.skipped,
        "documents": list(result.documents),
        "metrics": result.metrics(),
        "areas": [_area_dict(a) for a in result.areas],
    }


def _area_dict(a: AreaResult) -> dict[str, Any]:
    out: dict[str, Any] = {
        "area": a.area,
        "scores": [{"name": s.name, "found": s.found, "required": s.required,
                    "correct": s.correct, "emitted": s.emitted} for s in a.scores],
        "checks": [{"name": c.name, "hits": c.hits, "total": c.total} for c in a.checks],
        "misses": list(a.misses),
    }
    if a.averages:  # areas without averages keep the report shape they always had
        out["averages"] = [{"name": v.name, "total": v.total, "weight": v.weight,
                            "value": v.value} for v in a.averages]
    return out


def extract_or_none(pipeline: Pipeline, text: str, origin: str, *,
                    title: str | None = None) -> Extraction | None:
    """The pipeline's extraction of one gold text, or None (logged) if it cannot be read.

    An unreadable gold record is reported, not scored as a miss: the evaluator leaves it
    out of its denominators and names it in the log.
    """
    try:
        return pipeline.extract(make_document(text, origin, title=title))
    except EventwireError as e:
        log.warning("%s: %s", origin, e)
        return None


def combine(results: Iterable[AreaResult]) -> tuple[AreaResult, ...]:
    """Add area results of several documents area by area (counts add, ratios follow)."""
    merged: dict[str, AreaResult] = {}
    for r in results:
        merged[r.area] = merged[r.area] + r if r.area in merged else r
    return tuple(merged.values())


@dataclass(frozen=True, slots=True)
class DataPaths:
    """Where the shared evaluation data live (never inside the repository)."""

    data: Path
    seed: Path

    @classmethod
    def resolve(cls, data: str | None = None, seed: str | None = None) -> DataPaths:
        """Option, else $EVENTWIRE_DATA / $EVENTWIRE_SEED, else ``../shared/...`` of the cwd."""
        d = data or os.environ.get("EVENTWIRE_DATA") or "../shared/data"
        s = seed or os.environ.get("EVENTWIRE_SEED") or "../shared/seed"
        return cls(Path(d), Path(s))


Evaluator = Callable[["Pipeline", DataPaths], EvaluatorResult]
# An evaluator registered with ``needs_pipeline=False``: called with the data paths alone.
DataEvaluator = Callable[[DataPaths], EvaluatorResult]
F = TypeVar("F", bound=Callable[..., EvaluatorResult])


@dataclass(frozen=True, slots=True)
class RegisteredEvaluator:
    name: str
    func: Callable[..., EvaluatorResult]  # Evaluator, or DataEvaluator if not needs_pipeline
    description: str = ""
    needs_pipeline: bool = True


REGISTRY: dict[str, RegisteredEvaluator] = {}


def register(name: str, *, description: str = "",
             needs_pipeline: bool = True) -> Callable[[F], F]:
    """Register an evaluator under ``name``; later evaluators plug in the same way.

    Args:
        name: what ``eventwire evaluate --only`` and floors.json call it.
        description: one line for listings.
        needs_pipeline: False for an evaluator of resources alone (``(paths) -> result``,
            e.g. gazetteer lookups); it runs without building the extraction pipeline.
    """

    def wrap(func: F) -> F:
        if name in REGISTRY and REGISTRY[name].func is not func:
            raise ValueError(f"evaluator {name!r} is already registered")
        REGISTRY[name] = RegisteredEvaluator(name, func, description, needs_pipeline)
        return func

    return wrap


def require_file(path: Path, what: str) -> Path:
    """``path`` if it exists; else raise EvaluationDataMissing naming it."""
    if not path.is_file():
        raise EvaluationDataMissing(f"missing {what} {path}", origin=str(path))
    return path


def run_evaluator(entry: RegisteredEvaluator, pipeline: Pipeline | None,
                  paths: DataPaths) -> EvaluatorResult:
    """Run one evaluator; missing data become a ``skipped`` result, never a faked score.

    ``pipeline`` may be None for an evaluator that ignores it (``run_evaluation`` checks
    ``needs_pipeline`` before it gets here).
    """
    try:
        if not entry.needs_pipeline:
            return entry.func(paths)
        return entry.func(pipeline, paths)
    except EvaluationDataMissing as e:
        log.warning("evaluator %s skipped: %s", entry.name, e.message)
        return EvaluatorResult(entry.name, skipped=e.message)
