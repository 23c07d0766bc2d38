"""Evaluators for the counts extractor: MUC-4 casualty numbers and off-topic quiet on BBC.

``muc4_counts`` reads ``<data>/muc4/muc4.jsonl`` (1987-1990 FBIS wire copy, all in
capitals) and scores the test split (tst3 + tst4) against the answer keys' human
targets. A gold *casualty number* is a human target whose NUMBER slot holds a figure
of 2 or more (alternatives "3 / 5" and ranges "3-" accepted) and whose EFFECT is
DEATH or INJURY ("?" marks are ignored; "INJURY / DEATH" accepts either). Figures of
one are left out: they are named people ("killed Hector Oqueli"), whom no count in
the text states; PLURAL fillers carry no figure. One gold item per document, figure
set and effect (the same victims are repeated across templates); it is required
unless all its templates are optional.

A count matches a gold item when its kind fits the effect (killed -> DEATH,
injured -> INJURY, casualties -> either) and its stated figure (``value_low``, or any
figure in ``value_low..value_high``) is one of the gold figures. Recall is the
target. The templates are not exhaustive (they leave out victims of incidents
outside the task's scope), so ``muc4.counts.precision`` is a lower bound.

``bbc_counts_quiet`` runs BBC business and sport articles, where nobody is killed
in a way an analyst would code: ``counts.bbc_quiet`` is the share of them with no
killed/injured/casualties count; every count found is listed as a miss to read.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eventwire.evaluate.base import (
    AreaResult,
    Check,
    DataPaths,
    EvaluatorResult,
    combine,
    extract_or_none,
    register,
    require_file,
)
from eventwire.evaluate.scoring import score_items
from eventwire.records import Count, Extraction

if TYPE_CHECKING:
    from eventwire.run import Pipeline

log = logging.getLogger(__name__)

MUC_NAME = "muc4_counts"
BBC_NAME = "bbc_counts_quiet"
MUC_SPLITS = ("tst3", "tst4")
BBC_TOPICS = ("business", "sport")
BBC_PER_TOPIC = 40  # the first N articles of each topic, in file order: a fixed sample
EFFECT_KINDS = {"DEATH": frozenset({"killed", "casualties"}),
                "INJURY": frozenset({"injured", "casualties"})}
HARM_KINDS = frozenset({"killed", "injured", "casualties"})


@dataclass(frozen=True, slots=True)
class GoldCasualty:
    """A casualty number of one MUC-4 document: acceptable figures and effects."""

    document: str
    values: frozenset[int]
    effects: frozenset[str]
    required: bool
    entity: str | None = None


def _effects(fillers: Sequence[str]) -> frozenset[str]:
    out = set()
    for filler in fillers:
        for alt in filler.split("/"):
            word = alt.strip().lstrip("?").strip()
            if word in EFFECT_KINDS:
                out.add(word)
    return frozenset(out)


def _values(fillers: Sequence[str]) -> frozenset[int]:
    return frozenset(int(x) for f in fillers for x in re.findall(r"\d+", f))


def muc_gold(record: dict[str, Any]) -> tuple[GoldCasualty, ...]:
    """The casualty numbers of one MUC-4 record (see the module notes for the rules)."""
    items: dict[tuple[frozenset[int], frozenset[str]], GoldCasualty] = {}
    for template in record.get("gold_templates") or ():
        for target in template.get("human_targets") or ():
            effects, values = _effects(target["effect"]), _values(target["number"])
            if not effects or not values or max(values) < 2:
                continue
            key = (values, effects)
            required = not template["optional"] or (key in items and items[key].required)
            items[key] = GoldCasualty(record["id"], values, effects, required,
                                      target.get("entity"))
    return tuple(items.values())


def count_matches(c: Count, g: GoldCasualty) -> bool:
    """Kind fits the effect and a stated figure is one of the gold figures."""
    if not any(c.kind in EFFECT_KINDS[e] for e in g.effects) or c.value_low is None:
        return False
    high = c.value_high if c.value_high is not None else c.value_low
    return any(c.value_low <= v <= high for v in g.values)


def score_muc_document(gold: Sequence[GoldCasualty], ex: Extraction) -> AreaResult:
    harm = [c for c in ex.counts if c.kind in HARM_KINDS]
    score, found = score_items("muc4.counts", gold, harm, count_matches)
    misses = tuple(
        f"muc4.counts: {g.document} missed {'/'.join(sorted(g.effects))} "
        f"{'/'.join(map(str, sorted(g.values)))} ({g.entity}); "
        f"emitted {[(c.kind, c.value_low) for c in harm]}"
        for g in gold if g.required and g not in found)
    return AreaResult("muc4.counts", (score,), (), misses)


def muc_records(path: Path, splits: Sequence[str] = MUC_SPLITS,
                keep: Callable[[dict[str, Any]], object] | None = None,
                ) -> Iterator[dict[str, Any]]:
    """The MUC-4 records of ``splits`` for which ``keep`` is true (default: those that
    hold at least one casualty number)."""
    keep = keep or muc_gold
    with require_file(path, "MUC-4 data").open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if record["split"] in splits and keep(record):
                yield record


@register(MUC_NAME, description="MUC-4 tst3+tst4: recall of casualty numbers with effect")
def evaluate_muc4(pipeline: Pipeline, paths: DataPaths) -> EvaluatorResult:
    """Casualty numbers of the MUC-4 test split (all capitals, as distributed)."""
    areas, docs = [], []
    for record in muc_records(paths.data / "muc4" / "muc4.jsonl"):
        ex = extract_or_none(pipeline, record["text"], record["id"])
        if ex is not None:
            areas.append(score_muc_document(muc_gold(record), ex))
            docs.append(record["id"])
    return EvaluatorResult(MUC_NAME, combine(areas), tuple(docs))


def bbc_records(path: Path) -> Iterator[dict[str, Any]]:
    """The fixed sample: the first BBC_PER_TOPIC articles of each off-topic section."""
    taken = dict.fromkeys(BBC_TOPICS, 0)
    with require_file(path, "BBC News data").open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            topic = record.get("topic")
            if topic in taken and taken[topic] < BBC_PER_TOPIC:
                taken[topic] += 1
                yield record


@register(BBC_NAME, description="BBC business+sport: no casualty counts where none belong")
def evaluate_bbc_quiet(pipeline: Pipeline, paths: DataPaths) -> EvaluatorResult:
    quiet, total, misses, docs = 0, 0, [], []
    for record in bbc_records(paths.data / "bbc_news" / "bbc_news.jsonl"):
        ex = extract_or_none(pipeline, record["text"], record["id"])
        if ex is None:
            continue
        harm = [c for c in ex.counts if c.kind in HARM_KINDS]
        total += 1
        quiet += not harm
        docs.append(record["id"])
        misses.extend(f"counts.bbc_quiet: {record['id']}: {c.kind} {c.value_low} "
                      f"{c.evidence.text!r}" for c in harm)
    area = AreaResult("counts.bbc", (), (Check("counts.bbc_quiet", quiet, total),),
                      tuple(misses))
    return EvaluatorResult(BBC_NAME, (area,), tuple(docs))
