"""The seed evaluator: the shared reference annotation(s) in ``<seed>/gold.json``.

``gold.json`` holds one gold object, or a list of them; each names its article
(a file beside it) in ``document``, and its ``notes`` field documents the
matching rules implemented in :mod:`eventwire.evaluate.scoring`. The article
is read with the ordinary reader and extracted by the ordinary pipeline.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from eventwire.config import Settings
from eventwire.errors import EvaluationDataMissing
from eventwire.evaluate.base import (
    AreaResult,
    DataPaths,
    EvaluatorResult,
    combine,
    register,
    require_file,
)
from eventwire.evaluate.gold import Gold, parse_gold
from eventwire.evaluate.scoring import score_extraction
from eventwire.ingest import read_path
from eventwire.records import Document

if TYPE_CHECKING:
    from eventwire.run import Pipeline

log = logging.getLogger(__name__)

NAME = "seed"


def load_gold(seed_dir: Path) -> tuple[Gold, ...]:
    """Typed gold of every document annotated in ``seed_dir/gold.json``.

    Raises:
        EvaluationDataMissing: the gold file is not there.
    """
    path = require_file(seed_dir / "gold.json", "seed gold")
    raw = json.loads(path.read_text(encoding="utf-8"))
    return tuple(parse_gold(d) for d in (raw if isinstance(raw, list) else [raw]))


def read_document(path: Path) -> Document:
    """The Document of one gold article, read as ``eventwire ingest`` would read it."""
    require_file(path, "seed article")
    for item in read_path(path, Settings()):
        if isinstance(item, Document):
            return item
        raise EvaluationDataMissing(f"cannot read seed article: [{item.code}] {item.message}",
                                    origin=str(path))
    raise EvaluationDataMissing("seed article holds no document", origin=str(path))


def score_document(gold: Gold, pipeline: Pipeline, seed_dir: Path) -> tuple[AreaResult, ...]:
    document = read_document(seed_dir / gold.document)
    log.info("evaluating %s", document.origin)
    return score_extraction(gold, pipeline.extract(document))


@register(NAME, description="reference annotation(s) of ../shared/seed/gold.json")
def evaluate_seed(pipeline: Pipeline, paths: DataPaths) -> EvaluatorResult:
    """Score the pipeline on every seed document; areas add up over documents."""
    golds = load_gold(paths.seed)
    areas = [a for g in golds for a in score_document(g, pipeline, paths.seed)]
    return EvaluatorResult(NAME, combine(areas), tuple(g.document for g in golds))
