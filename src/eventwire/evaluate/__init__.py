"""Evaluation harness: scores with denominators, an evaluator registry, gate floors.

``run_evaluation`` runs the registered evaluators (importing this package
registers the built-in ones) and returns an :class:`EvaluationReport`;
``check_floors`` compares it with the pinned floors of ``floors.json``.
"""

# Importing an evaluator module registers its evaluators.
from eventwire.evaluate import acled as _acled  # noqa: F401
from eventwire.evaluate import counts as _counts  # noqa: F401
from eventwire.evaluate import dates as _dates  # noqa: F401
from eventwire.evaluate import events as _events  # noqa: F401
from eventwire.evaluate import fakes as _fakes  # noqa: F401
from eventwire.evaluate import fresh as _fresh  # noqa: F401
from eventwire.evaluate import geo as _geo  # noqa: F401
from eventwire.evaluate import people as _people  # noqa: F401
from eventwire.evaluate import quotes as _quotes  # noqa: F401
from eventwire.evaluate import seed as _seed  # noqa: F401
from eventwire.evaluate.base import (
    REGISTRY,
    AreaResult,
    Average,
    Check,
    DataPaths,
    EvaluationReport,
    EvaluatorResult,
    Score,
    register,
)
from eventwire.evaluate.floors import (
    FloorFailure,
    check_floors,
    load_floors,
    save_floors,
    update_floors,
)
from eventwire.evaluate.runner import run_evaluation

__all__ = [
    "REGISTRY", "AreaResult", "Average", "Check", "DataPaths", "EvaluationReport",
    "EvaluatorResult", "FloorFailure", "Score", "check_floors", "load_floors", "register",
    "run_evaluation", "save_floors", "update_floors",
]
