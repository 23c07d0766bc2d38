"""Shared fixtures: the real packaged spaCy pipeline, loaded once per test session."""

from __future__ import annotations

import pytest

from eventwire.run import Pipeline


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    from eventwire.nlp import load_pipeline

    return Pipeline(load_pipeline())
