"""The people-toponyms gate: few Person records on gold toponyms of LGL and GeoWebNews.

The ``people_toponyms_gate`` evaluator runs the first articles of each corpus
(see ``eventwire.evaluate.people.GATE_ARTICLES``) through parse and entities;
its floors live in ``src/eventwire/evaluate/floors.json`` under
``people_toponyms_gate``. The data are read from ``../shared/data`` beside the
clone: without them the gate is skipped here, but fails in CI (``CI=true``).
"""

from __future__ import annotations

import pytest

from eventwire.evaluate.people import gate_corpora
from eventwire.run import Pipeline

pytestmark = pytest.mark.model


def test_people_toponyms_gate_stays_at_or_above_its_floors(pipeline: Pipeline, gate) -> None:
    gate.require(*(gate.paths.data / c / f"{c}.jsonl" for c in gate_corpora()))
    gate.run(pipeline, "people_toponyms_gate")
