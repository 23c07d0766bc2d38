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


def needs_pipeline(only: Sequence[str] | None) -> bool:
    """Whether any of the selected evaluators needs the extraction pipeline."""
    return any(REGISTRY[n].needs_pipeline for n in select(only))


def run_evaluation(pipeline: Pipeline | None, paths: DataPaths, *,
                   only: Sequence[str] | None = None) -> EvaluationReport:
    """Run the selected evaluators with one pipeline and gather their results.

    Args:
        pipeline: the extraction pipeline under test (its model loads once); None when
            every selected evaluator was registered with ``needs_pipeline=False``.
        paths: where the shared data and seed live.
        only: evaluator names to run; all registered ones when empty.

    Raises:
        ValueError: ``only`` names an evaluator that is not registered, or one that
            needs the pipeline while ``pipeline`` is None.
    """
    names = select(only)
    missing = [n for n in names if REGISTRY[n].needs_pipeline and pipeline is None]
    if missing:
        raise ValueError(f"evaluator(s) {', '.join(missing)} need the extraction pipeline")
    results = tuple(run_evaluator(REGISTRY[n], pipeline, paths) for n in names)
    return EvaluationReport(
        created=datetime.now(UTC).isoformat(timespec="seconds"),
        versions=pipeline.versions() if pipeline is not None else _versions(),
        paths={"data": str(paths.data), "seed": str(paths.seed)},
        results=results,
    )


def _versions() -> dict[str, str]:
    """The versions a pipeline would report, without building one."""
    from eventwire.run.pipeline import extractor_versions

    return extractor_versions()
