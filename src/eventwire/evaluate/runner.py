"""Running the registered evaluators into one report."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from eventwire.evaluate.base import REGISTRY, DataPaths, EvaluationReport, run_evaluator

if TYPE_CHECKING:
    from eventwire.run import Pipeline

log = logging.getLogger(__name__)


def select(only: Sequence[str] | None) -> list[str]:
    """Names of the evaluators to run: all registered, or ``only`` (checked)."""
    if not only:
        return list(REGISTRY)
    unknown = [n for n in only if n not in REGISTRY]
    if unknown:
        raise ValueError(f"unknown evaluator(s) {', '.join(unknown)}; "
                         f"known: {', '.join(REGISTRY)}")
    return list(dict.fromkeys(only))


def run_evaluation(pipeline: Pipeline, paths: DataPaths, *,
                   only: Sequence[str] | None = None) -> EvaluationReport:
    """Run the selected evaluators with one pipeline and gather their results.

    Args:
        pipeline: the extraction pipeline under test (its model loads once).
        paths: where the shared data and seed live.
        only: evaluator names to run; all registered ones when empty.

    Raises:
        ValueError: ``only`` names an evaluator that is not registered.
    """
    names = select(only)
    results = tuple(run_evaluator(REGISTRY[n], pipeline, paths) for n in names)
    return EvaluationReport(
        created=datetime.now(UTC).isoformat(timespec="seconds"),
        versions=pipeline.versions(),
        paths={"data": str(paths.data), "seed": str(paths.seed)},
        results=results,
    )
