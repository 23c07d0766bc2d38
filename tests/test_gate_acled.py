"""The ACLED gate: CASE 2021 and BBC metrics must stay at or above their pinned floors.

The classifier is a compiled lexicon (no model), so the whole CASE 2021 test set
(1,019 snippets) and the BBC sample (200 articles) run in seconds: the gate uses them all.
Without ../shared the gate is skipped here, but fails in CI (``CI=true``).
"""

from __future__ import annotations

import pytest

from eventwire.evaluate import REGISTRY, EvaluationReport
from eventwire.evaluate.acled import BBC_FILE, CASE_FILE
from eventwire.evaluate.base import run_evaluator
from eventwire.extract import acled

GATED = ("acled.case2021", "acled.bbc")


@pytest.mark.parametrize("name", GATED)
def test_acled_metrics_stay_at_or_above_their_floors(gate, name: str) -> None:
    gate.require(gate.paths.data / CASE_FILE, gate.paths.data / BBC_FILE)
    # The classifier needs no spaCy pipeline: its evaluators are registered without one.
    assert not REGISTRY[name].needs_pipeline
    result = run_evaluator(REGISTRY[name], None, gate.paths)
    gate.check(EvaluationReport("", {"acled": acled.VERSION}, {}, (result,)), name, scored=False)
