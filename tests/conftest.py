"""Shared fixtures: the real packaged spaCy pipeline, loaded once per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from eventwire.run import Pipeline


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    from eventwire.nlp import load_pipeline
    from eventwire.run.resources import Resources, default_parse_cache

    # EVENTWIRE_PARSE_CACHE=1 speeds up repeated local runs; CI parses afresh.
    cache = default_parse_cache() if os.environ.get("EVENTWIRE_PARSE_CACHE") == "1" else None
    return Pipeline(resources=Resources(nlp=load_pipeline(), parse_cache=cache))


class Gate:
    """The evaluation gate's common steps: find the gold data, run, compare with the floors.

    The data are read from ``../shared`` beside the clone (or $EVENTWIRE_DATA /
    $EVENTWIRE_SEED). Missing data skip a gate here but fail it in CI (``CI=true``),
    where they must exist.
    """

    def __init__(self) -> None:
        from eventwire.evaluate import DataPaths

        repo = Path(__file__).resolve().parents[1]
        # The default ../shared is relative to the clone, not to wherever pytest was started.
        self.paths = DataPaths.resolve(
            os.environ.get("EVENTWIRE_DATA") or str(repo.parent / "shared/data"),
            os.environ.get("EVENTWIRE_SEED") or str(repo.parent / "shared/seed"))

    def require(self, *files: Path) -> None:
        missing = [str(f) for f in files if not f.is_file()]
        if not missing:
            return
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI: gold data missing: {', '.join(missing)}; the gate cannot run")
        pytest.skip(f"gold data missing: {', '.join(missing)} (gates run where ../shared exists)")

    def check(self, report, name: str, *, scored: bool = True) -> None:
        from eventwire.evaluate import check_floors, load_floors

        floors = load_floors().get(name)
        assert floors, f"no floors pinned for the {name} evaluator"
        (result,) = report.results
        assert result.skipped is None, result.skipped
        if scored:
            assert result.documents, f"{name} scored no document"
        failures = check_floors(report, {name: floors})
        assert not failures, "\n".join(str(f) for f in failures)

    def run(self, pipeline: Pipeline, name: str, *, scored: bool = True) -> None:
        from eventwire.evaluate import run_evaluation

        self.check(run_evaluation(pipeline, self.paths, only=[name]), name, scored=scored)


@pytest.fixture(scope="session")
def gate() -> Gate:
    return Gate()
