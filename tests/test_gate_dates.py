"""The dates gate: MUC-4 incident dates on a pinned subset stay at or above their floors.

``muc4_dates_gate`` scores the first dated messages of MUC-4 tst4 (see
``eventwire.evaluate.dates``); its metrics must stay at or above the floors pinned under
``muc4_dates_gate`` in ``src/eventwire/evaluate/floors.json``. The whole test split
(tst3 + tst4) is scored by ``eventwire evaluate --only muc4_dates``. Without the shared
data the gate is skipped here, but fails in CI (``CI=true``).
"""

from __future__ import annotations

import pytest

from eventwire.evaluate.dates import MUC_FILE
from eventwire.run import Pipeline

pytestmark = pytest.mark.model


def test_muc4_dates_subset_stays_at_or_above_its_floors(pipeline: Pipeline, gate) -> None:
    gate.require(gate.paths.data / MUC_FILE)
    gate.run(pipeline, "muc4_dates_gate")
