"""The quotes gate: attribution F1 and speaker accuracy on a pinned PolNeAR subset.

``polnear_gate`` scores the first articles of the PolNeAR test split (see
``eventwire.evaluate.quotes``); its metrics must stay at or above the floors
pinned under ``polnear_gate`` in ``src/eventwire/evaluate/floors.json``. The
whole split is scored by ``eventwire evaluate --only polnear``. Without the
shared data the gate is skipped here, but fails in CI (``CI=true``).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from eventwire.evaluate import DataPaths, check_floors, load_floors, run_evaluation
from eventwire.evaluate.quotes import SPLIT
from eventwire.run import Pipeline

pytestmark = pytest.mark.model

REPO = Path(__file__).resolve().parents[1]
GATE = "polnear_gate"


def _paths() -> DataPaths:
    # The default ../shared is relative to the clone, not to wherever pytest was started.
    return DataPaths.resolve(os.environ.get("EVENTWIRE_DATA") or str(REPO.parent / "shared/data"),
                             os.environ.get("EVENTWIRE_SEED") or str(REPO.parent / "shared/seed"))


def test_polnear_subset_stays_at_or_above_its_floors(pipeline: Pipeline) -> None:
    paths = _paths()
    split = paths.data / SPLIT
    if not split.is_file():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI: PolNeAR data missing at {split}; the quotes gate cannot run")
        pytest.skip(f"PolNeAR data missing at {split} (the gate runs where ../shared exists)")
    floors = load_floors()
    assert floors.get(GATE), f"no floors pinned for the {GATE} evaluator"
    report = run_evaluation(pipeline, paths, only=[GATE])
    (result,) = report.results
    assert result.skipped is None, result.skipped
    assert result.documents, "the gate scored no article"
    failures = check_floors(report, floors)
    assert not failures, "\n".join(str(f) for f in failures)
