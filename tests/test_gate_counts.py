"""The counts gate: MUC-4 casualty recall and BBC off-topic quiet stay at their floors.

Both evaluators run in full (MUC-4 tst3+tst4 documents that hold a casualty number,
and the fixed BBC business/sport sample): together well under a minute on two cores.
Without ../shared/data the gate is skipped here, and fails in CI (``CI=true``).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from eventwire.evaluate import DataPaths, check_floors, load_floors, run_evaluation
from eventwire.evaluate.counts import BBC_NAME, MUC_NAME
from eventwire.run import Pipeline

pytestmark = pytest.mark.model

REPO = Path(__file__).resolve().parents[1]


def _paths() -> DataPaths:
    return DataPaths.resolve(os.environ.get("EVENTWIRE_DATA") or str(REPO.parent / "shared/data"),
                             os.environ.get("EVENTWIRE_SEED") or str(REPO.parent / "shared/seed"))


@pytest.mark.parametrize(("name", "data"), [(MUC_NAME, "muc4/muc4.jsonl"),
                                            (BBC_NAME, "bbc_news/bbc_news.jsonl")])
def test_count_metrics_stay_at_or_above_their_floors(pipeline: Pipeline, name: str,
                                                     data: str) -> None:
    paths = _paths()
    if not (paths.data / data).is_file():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI: evaluation data missing at {paths.data / data}; the gate cannot run")
        pytest.skip(f"evaluation data missing at {paths.data / data}")
    floors = load_floors()
    assert floors.get(name), f"no floors pinned for the {name} evaluator"
    report = run_evaluation(pipeline, paths, only=[name])
    (result,) = report.results
    assert result.skipped is None, result.skipped
    assert result.documents, "the evaluator scored no document"
    failures = check_floors(report, floors)
    assert not failures, "\n".join(str(f) for f in failures)
