"""The accuracy gate: the seed evaluator's metrics must stay at or above their pinned floors.

Floors live in ``src/eventwire/evaluate/floors.json`` and move only through
``eventwire evaluate --update-floors`` (lowering needs ``--allow-lower``).
The gold data are read from ``../shared`` beside the clone: without them the
gate is skipped here, but fails in CI (``CI=true``), where they must exist.
"""

from __future__ import annotations

import pytest

from eventwire.run import Pipeline

pytestmark = pytest.mark.model


def test_seed_metrics_stay_at_or_above_their_floors(pipeline: Pipeline, gate) -> None:
    gate.require(gate.paths.seed / "gold.json")
    gate.run(pipeline, "seed", scored=False)
