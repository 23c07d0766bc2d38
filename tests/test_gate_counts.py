"""The counts gate: MUC-4 casualty recall and BBC off-topic quiet stay at their floors.

Both evaluators run in full (MUC-4 tst3+tst4 documents that hold a casualty number,
and the fixed BBC business/sport sample): together well under a minute on two cores.
Without ../shared/data the gate is skipped here, and fails in CI (``CI=true``).
"""

from __future__ import annotations

import pytest

from eventwire.evaluate.counts import BBC_NAME, MUC_NAME
from eventwire.run import Pipeline

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("name", "data"), [(MUC_NAME, "muc4/muc4.jsonl"),
                                            (BBC_NAME, "bbc_news/bbc_news.jsonl")])
def test_count_metrics_stay_at_or_above_their_floors(
    pipeline: Pipeline, gate, name: str, data: str
) -> None:
    gate.require(gate.paths.data / data)
    gate.run(pipeline, name)
