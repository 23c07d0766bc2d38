"""The geoparsing gate: the pinned subset of LGL, GeoWebNews and TR-News stays at its floors.

The ``geo_gate`` evaluator runs the first articles of each corpus (see
``eventwire.evaluate.geo.GATE_ARTICLES``) end to end; its floors live in
``src/eventwire/evaluate/floors.json`` under ``geo_gate``. The data are read
from ``../shared/data`` beside the clone: without them the gate is skipped
here, but fails in CI (``CI=true``), where they must exist.
"""

from __future__ import annotations

import pytest

from eventwire.evaluate.geo import gate_corpora
from eventwire.run import Pipeline

pytestmark = pytest.mark.model


def test_geo_gate_metrics_stay_at_or_above_their_floors(pipeline: Pipeline, gate) -> None:
    gate.require(*(gate.paths.data / c / f"{c}.jsonl" for c in gate_corpora()))
    gate.run(pipeline, "geo_gate")
