"""The FA-KES gate: credible Syrian-war articles keep yielding violent events, counts, places.

Runs the first 25 credible FA-KES articles (about 15 s on two cores). The metrics are
proxies of recall (see eventwire.evaluate.fakes); their floors catch a change that makes
the coder go quiet on the very text it is for. Skipped without ../shared/data here,
failed in CI.
"""

from __future__ import annotations

import pytest

from eventwire.evaluate.fakes import GATE_NAME, filed_point, score_article
from eventwire.ingest import make_document
from eventwire.run import Pipeline

pytestmark = pytest.mark.model


def test_fakes_metrics_stay_at_or_above_their_floors(pipeline: Pipeline, gate) -> None:
    gate.require(gate.paths.data / "fakes_syria" / "fakes_syria.jsonl")
    gate.run(pipeline, GATE_NAME)


def test_an_article_about_an_air_strike_scores_its_event_and_place(pipeline: Pipeline) -> None:
    text = ("Warplanes struck the town of Nawa in Daraa province on Tuesday, killing "
            "seven civilians, a war monitor said.")
    ex = pipeline.extract(make_document(text, "t1"))
    area = score_article(ex, filed_point(pipeline.resources.gazetteer, "daraa"), "t1")
    misses = area.misses
    checks = {c.name: (c.hits, c.total) for c in area.checks}
    assert checks["fakes.violent_article"] == (1, 1), misses
    assert checks["fakes.killed_count"] == (1, 1)
    assert checks["fakes.event_place"][0] >= 1, misses


def test_an_article_without_violence_is_a_miss(pipeline: Pipeline) -> None:
    ex = pipeline.extract(make_document("The ministry published its annual budget on Monday.",
                                        "t2"))
    area = score_article(ex, None, "t2")
    misses = area.misses
    checks = {c.name: (c.hits, c.total) for c in area.checks}
    assert checks["fakes.violent_article"] == (0, 1)
    assert checks["fakes.event_place"] == (0, 0)
    assert misses == ("fakes.violent_article: t2: no violent event",)
