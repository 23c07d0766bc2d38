"""The ACLED gate: CASE 2021 and BBC metrics must stay at or above their pinned floors.

The classifier is a compiled lexicon (no model), so the whole CASE 2021 test set
(1,019 snippets) and the BBC sample (200 articles) run in seconds: the gate uses them all.
Without ../shared the gate is skipped here, but fails in CI (``CI=true``).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from eventwire.evaluate import REGISTRY, DataPaths, EvaluationReport, check_floors, load_floors
from eventwire.evaluate.acled import BBC_FILE, CASE_FILE
from eventwire.evaluate.base import run_evaluator
from eventwire.extract import acled

REPO = Path(__file__).resolve().parents[1]
GATED = ("acled.case2021", "acled.bbc")


def _paths() -> DataPaths:
    return DataPaths.resolve(os.environ.get("EVENTWIRE_DATA") or str(REPO.parent / "shared/data"),
                             os.environ.get("EVENTWIRE_SEED") or str(REPO.parent / "shared/seed"))


@pytest.mark.parametrize("name", GATED)
def test_acled_metrics_stay_at_or_above_their_floors(name: str) -> None:
    paths = _paths()
    for needed in (CASE_FILE, BBC_FILE):
        if not (paths.data / needed).is_file():
            if os.environ.get("CI", "").lower() == "true":
                pytest.fail(f"CI: ACLED gold data missing at {paths.data / needed}")
            pytest.skip(f"ACLED gold data missing at {paths.data / needed}")
    floors = load_floors()
    assert floors.get(name), f"no floors pinned for {name}"
    # The classifier needs no spaCy pipeline: its evaluators ignore the pipeline argument.
    result = run_evaluator(REGISTRY[name], None, paths)  # type: ignore[arg-type]
    assert result.skipped is None, result.skipped
    report = EvaluationReport("", {"acled": acled.VERSION}, {}, (result,))
    failures = check_floors(report, floors)
    assert not failures, "\n".join(str(f) for f in failures)
