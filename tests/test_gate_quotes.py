"""The quotes gate: attribution F1 and speaker accuracy on a pinned PolNeAR subset.

``polnear_gate`` scores the first articles of the PolNeAR test split (see
``eventwire.evaluate.quotes``); its metrics must stay at or above the floors
pinned under ``polnear_gate`` in ``src/eventwire/evaluate/floors.json``. The
whole split is scored by ``eventwire evaluate --only polnear``. Without the
shared data the gate is skipped here, but fails in CI (``CI=true``).
"""

from __future__ import annotations

import pytest

from eventwire.evaluate.quotes import SPLIT
from eventwire.run import Pipeline

pytestmark = pytest.mark.model


def test_polnear_subset_stays_at_or_above_its_floors(pipeline: Pipeline, gate) -> None:
    gate.require(gate.paths.data / SPLIT)
    gate.run(pipeline, "polnear_gate")
