"""The geoparsing gate: the pinned subset of LGL, GeoWebNews and TR-News stays at its floors.

The ``geo_gate`` evaluator runs the first articles of each corpus (see
``eventwire.evaluate.geo.GATE_ARTICLES``) end to end; its floors live in
``src/eventwire/evaluate/floors.json`` under ``geo_gate``. The data are read
from ``../shared/data`` beside the clone: without them the gate is skipped
here, but fails in CI (``CI=true``), where they must exist.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from eventwire.evaluate import DataPaths, check_floors, load_floors, run_evaluation
from eventwire.evaluate.geo import gate_corpora
from eventwire.run import Pipeline

pytestmark = pytest.mark.model

REPO = Path(__file__).resolve().parents[1]


def _paths() -> DataPaths:
    return DataPaths.resolve(os.environ.get("EVENTWIRE_DATA") or str(REPO.parent / "shared/data"),
                             os.environ.get("EVENTWIRE_SEED") or str(REPO.parent / "shared/seed"))


def test_geo_gate_metrics_stay_at_or_above_their_floors(pipeline: Pipeline) -> None:
    paths = _paths()
    missing = [c for c in gate_corpora() if not (paths.data / c / f"{c}.jsonl").is_file()]
    if missing:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI: geoparsing gold data missing under {paths.data}: {missing}")
        pytest.skip(f"geoparsing gold data missing under {paths.data}: {missing}")
    floors = load_floors()
    assert floors.get("geo_gate"), "no floors pinned for the geo_gate evaluator"
    report = run_evaluation(pipeline, paths, only=["geo_gate"])
    (result,) = report.results
    assert result.skipped is None, result.skipped
    assert result.documents, "the gate scored no article"
    failures = check_floors(report, {"geo_gate": floors["geo_gate"]})
    assert not failures, "\n".join(str(f) for f in failures)
