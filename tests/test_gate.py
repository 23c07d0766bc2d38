"""The accuracy gate: the seed evaluator's metrics must stay at or above their pinned floors.

Floors live in ``src/eventwire/evaluate/floors.json`` and move only through
``eventwire evaluate --update-floors`` (lowering needs ``--allow-lower``).
The gold data are read from ``../shared`` beside the clone: without them the
gate is skipped here, but fails in CI (``CI=true``), where they must exist.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from eventwire.evaluate import DataPaths, check_floors, load_floors, run_evaluation
from eventwire.run import Pipeline

pytestmark = pytest.mark.model

REPO = Path(__file__).resolve().parents[1]


def _paths() -> DataPaths:
    # The default ../shared is relative to the clone, not to wherever pytest was started.
    return DataPaths.resolve(os.environ.get("EVENTWIRE_DATA") or str(REPO.parent / "shared/data"),
                             os.environ.get("EVENTWIRE_SEED") or str(REPO.parent / "shared/seed"))


def test_seed_metrics_stay_at_or_above_their_floors(pipeline: Pipeline) -> None:
    paths = _paths()
    gold = paths.seed / "gold.json"
    if not gold.is_file():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI: seed gold data missing at {gold}; the gate cannot run")
        pytest.skip(f"seed gold data missing at {gold} (the gate runs where ../shared exists)")
    floors = load_floors()
    assert floors.get("seed"), "no floors pinned for the seed evaluator"
    report = run_evaluation(pipeline, paths, only=["seed"])
    (result,) = report.results
    assert result.skipped is None, result.skipped
    failures = check_floors(report, floors)
    assert not failures, "\n".join(str(f) for f in failures)
