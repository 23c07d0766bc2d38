"""Gate floors: the lowest accepted value of each metric, pinned in ``floors.json``.

A floor only moves up on its own (``eventwire evaluate --update-floors``);
lowering one takes ``--allow-lower``, so a drop in accuracy is always a
decision someone made, visible in the diff of ``floors.json``.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

from eventwire.evaluate.base import EvaluationReport, EvaluatorResult

FLOORS_PATH = Path(__file__).with_name("floors.json")
PLACES = 4  # floors are rounded down to this many decimals, so a re-run never fails on noise
EPSILON = 1e-9

Floors = dict[str, dict[str, float]]  # evaluator -> metric -> floor


@dataclass(frozen=True, slots=True)
class FloorFailure:
    """A metric under its floor, undefined, no longer reported, or its data missing."""

    evaluator: str
    metric: str
    floor: float
    value: float | None
    reason: str

    def __str__(self) -> str:
        shown = "-" if self.value is None else f"{self.value:.4f}"
        return f"{self.evaluator}.{self.metric}: {shown} < floor {self.floor:.4f} ({self.reason})"


@dataclass(frozen=True, slots=True)
class FloorChange:
    evaluator: str
    metric: str
    old: float | None
    new: float
    applied: bool


def load_floors(path: Path = FLOORS_PATH) -> Floors:
    """The pinned floors (empty if the file does not exist yet)."""
    if not path.is_file():
        return {}
    raw = json.loads(path.read_text(encoding="utf-8"))
    return {ev: {m: float(v) for m, v in metrics.items()} for ev, metrics in raw.items()}


def save_floors(floors: Floors, path: Path = FLOORS_PATH) -> None:
    """Write floors as sorted, indented JSON (stable diffs)."""
    path.write_text(json.dumps(floors, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def round_down(value: float) -> float:
    return math.floor(value * 10**PLACES + EPSILON) / 10**PLACES


def _check_result(result: EvaluatorResult, floors: dict[str, float]) -> list[FloorFailure]:
    name = result.name
    if result.skipped:
        return [FloorFailure(name, "*", max(floors.values(), default=0.0), None,
                             f"gated data missing: {result.skipped}")]
    metrics = result.metrics()
    failures = []
    for metric, floor in sorted(floors.items()):
        if metric not in metrics:
            failures.append(FloorFailure(name, metric, floor, None, "metric no longer reported"))
            continue
        value = metrics[metric]
        if value is None and floor > 0:
            failures.append(FloorFailure(name, metric, floor, None, "nothing to measure"))
        elif value is not None and value + EPSILON < floor:
            failures.append(FloorFailure(name, metric, floor, value, "under its floor"))
    return failures


def check_floors(report: EvaluationReport, floors: Floors) -> tuple[FloorFailure, ...]:
    """Every floor the report breaks; evaluators not run (``--only``) are not checked."""
    return tuple(f for r in report.results if r.name in floors
                 for f in _check_result(r, floors[r.name]))


def update_floors(floors: Floors, report: EvaluationReport, *,
                  allow_lower: bool = False) -> tuple[Floors, tuple[FloorChange, ...]]:
    """Floors raised to the report's values (lowered only with ``allow_lower``).

    Metrics that measure nothing yet (no gold, nothing emitted) get a floor
    of 0 when they have none, so that every reported metric is pinned.
    Returns the new floors and every change considered, applied or refused.
    """
    new: Floors = {ev: dict(m) for ev, m in floors.items()}
    changes: list[FloorChange] = []
    for result in report.results:
        if result.skipped:
            continue
        pinned = new.setdefault(result.name, {})
        for metric, value in sorted(result.metrics().items()):
            old = pinned.get(metric)
            target = 0.0 if value is None else round_down(value)
            if old is not None and (value is None or math.isclose(target, old)):
                continue
            applied = old is None or target > old or allow_lower
            if applied:
                pinned[metric] = target
            changes.append(FloorChange(result.name, metric, old, target, applied))
    return new, tuple(changes)
