"""Evaluators for the ACLED classifier (eventwire.extract.acled).

``acled.case2021``: the CASE 2021 shared task 2 test set (1,019 ACLED-style snippets,
one gold label each). Subtask 1 (the 829 snippets of ACLED types) is scored by weighted
F1 over sub-event types, as the shared task did; subtask 3 adds the 190 snippets of
non-ACLED types (disasters, crime, diplomacy, claims), where the right answer is "no
ACLED event" (None). Each snippet falls in a fixed half by a hash of its id: the "dev"
half may be read to find gaps in the lexicon, the "test" half never is, and both are
reported so that any gap between them shows.

``acled.bbc``: sentences of the first 50 articles of each non-conflict BBC topic
(business, sport, tech, entertainment) should carry no violent ACLED label (articles and
sentences kept clean), and few labels of any kind (a business deal is no ACLED
"Agreement", a doping charge no "Arrests").

Weighted F1 is not a ratio of counts; it is reported as an :class:`Average` whose
``total`` is the sum over classes of support x F1 and whose ``weight`` is the number of
snippets scored, so it prints with its denominator and the per-class scores beside it
carry the exact counts.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from eventwire.evaluate.base import (
    AreaResult,
    Average,
    Check,
    DataPaths,
    EvaluatorResult,
    Score,
    register,
    require_file,
)
from eventwire.extract import acled

CASE_FILE = "case2021_task2/case2021_task2_test.jsonl"
BBC_FILE = "bbc_news/bbc_news.jsonl"
BBC_TOPICS = ("business", "sport", "tech", "entertainment")
BBC_PER_TOPIC = 50
NONE = "(none)"  # the gold "class" of a snippet that reports no ACLED event
_SENTENCE = re.compile(r"(?<=[.!?])[\"”')]*\s+(?=[\"“(]?[A-Z0-9])|\n+")


@dataclass(frozen=True, slots=True)
class Snippet:
    id: str
    text: str
    gold: str | None  # ACLED sub-event type, None for the non-ACLED types
    code: str  # the shared task's own label (AIR_STRIKE, DIPLO, ...)
    subtask1: bool

    @property
    def half(self) -> str:
        """"dev" or "test": a fixed split by a hash of the id (stable across runs)."""
        return "dev" if hashlib.sha1(self.id.encode()).digest()[0] % 2 == 0 else "test"


def load_case2021(path: Path) -> list[Snippet]:
    """The CASE 2021 task 2 snippets of the shared data's JSONL file."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            out.append(Snippet(str(r["id"]), r["text"], r["acled_sub_event_type"],
                               r["gold_label"], bool(r["subtask1"])))
    return out


def _slug(label: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_")


def class_scores(pairs: Sequence[tuple[str, str]], prefix: str) -> list[Score]:
    """One Score per gold class (tp/fp/fn over single-label predictions)."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for gold, pred in pairs:
        if gold == pred:
            tp[gold] += 1
        else:
            fp[pred] += 1
            fn[gold] += 1
    classes = sorted({g for g, _ in pairs} - {NONE})
    return [Score.from_counts(f"{prefix}.{_slug(c)}", tp=tp[c], fp=fp[c], fn=fn[c])
            for c in classes]


def weighted_f1(scores: Iterable[Score], name: str) -> Average:
    """Support-weighted mean F1: total = sum of support x F1, weight = support (exact)."""
    return Average.of(name, ((s.f1, s.required) for s in scores))


def _pairs(snippets: Iterable[Snippet], predict: dict[str, str | None],
           *, event_type: bool = False) -> list[tuple[str, str]]:
    def norm(label: str | None) -> str:
        if label is None:
            return NONE
        return acled.SUB_EVENT_TYPES[label] if event_type else label

    return [(norm(s.gold), norm(predict[s.id])) for s in snippets]


def _area(name: str, prefix: str, snippets: list[Snippet],
          predict: dict[str, str | None], *, per_class: bool) -> AreaResult:
    pairs = _pairs(snippets, predict)
    scores = class_scores(pairs, prefix)
    averages = [weighted_f1(scores, f"{prefix}.weighted_f1")]
    for half in ("dev", "test"):
        part = [s for s in snippets if s.half == half]
        averages.append(weighted_f1(class_scores(_pairs(part, predict), prefix),
                                    f"{prefix}.{half}.weighted_f1"))
    types = class_scores(_pairs(snippets, predict, event_type=True), f"{prefix}.type")
    averages.append(weighted_f1(types, f"{prefix}.event_type.weighted_f1"))
    accuracy = Check(f"{prefix}.accuracy", sum(g == p for g, p in pairs), len(pairs))
    misses = tuple(f"{s.id} [{s.half}] gold {s.gold or NONE} -> {predict[s.id] or NONE}"
                   for s in snippets if (s.gold or None) != predict[s.id])
    return AreaResult(name, tuple(scores) if per_class else (), (accuracy,), misses,
                      averages=tuple(averages))


def evaluate_case2021(snippets: list[Snippet]) -> tuple[AreaResult, ...]:
    """Score the classifier on CASE 2021 snippets: subtask 1 per class, subtask 3 overall."""
    labels = acled.classify_many(s.text for s in snippets)
    predict = {s.id: (lab.sub_event_type if lab else None)
               for s, lab in zip(snippets, labels, strict=True)}
    s1 = [s for s in snippets if s.subtask1]
    unseen = [s for s in snippets if s.gold is None]
    kept = Check("acled.s3.unseen_as_none", sum(predict[s.id] is None for s in unseen),
                 len(unseen))
    s3 = _area("acled.subtask3", "acled.s3", snippets, predict, per_class=False)
    return (_area("acled.subtask1", "acled.s1", s1, predict, per_class=True),
            AreaResult(s3.area, s3.scores, (*s3.checks, kept), s3.misses,
                       averages=s3.averages))


@register("acled.case2021",
          description="ACLED sub-event types on CASE 2021 task 2 snippets (weighted F1)",
          needs_pipeline=False)
def case2021(paths: DataPaths) -> EvaluatorResult:
    snippets = load_case2021(require_file(paths.data / CASE_FILE, "CASE 2021 task 2 data"))
    return EvaluatorResult("acled.case2021", evaluate_case2021(snippets), (CASE_FILE,))


def bbc_sentences(path: Path) -> dict[str, list[list[str]]]:
    """Topic -> the sentences of each of its first BBC_PER_TOPIC articles (by id)."""
    by_topic: dict[str, list[tuple[str, str]]] = {t: [] for t in BBC_TOPICS}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            if r.get("topic") in by_topic:
                by_topic[r["topic"]].append((r["id"], r["text"]))
    return {t: [[x.strip() for x in _SENTENCE.split(text) if x.strip()]
                for _, text in sorted(arts)[:BBC_PER_TOPIC]]
            for t, arts in by_topic.items()}


def evaluate_bbc(articles: dict[str, list[list[str]]]) -> AreaResult:
    """Articles and sentences kept free of violent ACLED labels (higher is better)."""
    clean_articles = clean_sentences = unlabelled = n_articles = n_sentences = 0
    misses = []
    for topic, arts in articles.items():
        for i, sentences in enumerate(arts):
            labels = acled.classify_many(sentences)
            violent = [(s, lab) for s, lab in zip(sentences, labels, strict=True)
                       if lab and lab.event_type in acled.VIOLENT_EVENT_TYPES]
            n_articles += 1
            n_sentences += len(sentences)
            clean_articles += not violent
            clean_sentences += len(sentences) - len(violent)
            unlabelled += sum(lab is None for lab in labels)
            misses += [f"{topic}[{i}] {lab.sub_event_type}: {s[:80]}" for s, lab in violent]
    return AreaResult("acled.bbc", (), (
        Check("acled.bbc.clean_articles", clean_articles, n_articles),
        Check("acled.bbc.clean_sentences", clean_sentences, n_sentences),
        Check("acled.bbc.unlabelled_sentences", unlabelled, n_sentences)), tuple(misses))


@register("acled.bbc",
          description="no violent ACLED label on non-conflict BBC news (business, sport, ...)",
          needs_pipeline=False)
def bbc(paths: DataPaths) -> EvaluatorResult:
    articles = bbc_sentences(require_file(paths.data / BBC_FILE, "BBC news corpus"))
    return EvaluatorResult("acled.bbc", (evaluate_bbc(articles),), (BBC_FILE,))
