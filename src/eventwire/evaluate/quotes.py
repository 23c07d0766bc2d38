"""Evaluators of quotes and attribution on PolNeAR (political news attribution relations).

``<data>/polnear/polnear_test.jsonl`` holds US election news (2015-2016) with every
attribution marked by annotators: source, cue and content spans as character
offsets. Articles annotated by several annotators are read once (the first
annotation by file name), so no article counts twice.

* ``polnear.attribution``: a predicted quote matches a gold attribution when its
  content span covers at least half of the gold content (its fragments
  together). Matching is one-to-one, best overlap first, so one long prediction
  cannot claim several gold attributions. Precision counts every emitted quote.
* ``polnear.speaker``: among matched pairs whose gold source is written as a name
  or noun phrase (or is absent), the predicted speaker is the gold source: its
  record has a mention inside the gold source span, or one of its names (head
  word: surname, noun, or a person's role: "the president") is a word of the
  gold source. A gold attribution without source is right only if no speaker
  was predicted.
* ``polnear.speaker.pronoun``: the same among pairs whose gold source is a pronoun.
  PolNeAR marks a pronoun as written ("he said"), not what it names, so it is
  compared with the latest gold source before it that can be its antecedent (a
  name for he/she/I): a proxy, kept apart because it errs both ways.
* ``polnear.source_span``: among matched pairs whose gold has a source, the quote's
  ``speaker_span`` (where the text names its speaker) overlaps the gold source as
  written, pronouns included. No proxy: it checks the evidence of the attribution.

Two evaluators: ``polnear`` over the whole test split (``eventwire evaluate``),
and ``polnear_gate``, a pinned subset of it (the first :data:`GATE_ARTICLES`
articles by name) small enough for the CI gate.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eventwire.errors import EventwireError
from eventwire.evaluate.base import (
    AreaResult,
    Check,
    DataPaths,
    EvaluatorResult,
    Score,
    combine,
    register,
    require_file,
)
from eventwire.evaluate.match import normalize
from eventwire.extract.quotes.lexicon import lexicon
from eventwire.ingest import make_document
from eventwire.records import Extraction, Quote

if TYPE_CHECKING:
    from eventwire.run import Pipeline

log = logging.getLogger(__name__)

SPLIT = "polnear/polnear_test.jsonl"
GATE_ARTICLES = 20
MIN_COVER = 0.5  # share of a gold content span a prediction must cover
AREA = "quotes.polnear"
# Possessives are pronouns too: PolNeAR marks "his" in "his claim that ..." as the source.
_PRONOUNS = frozenset("he she it they we i you him her them us who which that this "
                      "his hers its their theirs my our your me whose".split())
_PERSONAL = frozenset({"he", "she", "i", "him", "her", "his", "hers", "my", "me"})
_STOP = frozenset("the a an of and".split())
_IRREGULAR = {"said": "say", "told": "tell", "wrote": "write", "written": "write",
              "thought": "think", "knew": "know", "known": "know", "saw": "see", "seen": "see"}
_HEAD_ENDS = frozenset("of on for in at to".split())  # "Ministry of Defence": ministry


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """One PolNeAR attribution: content fragments and the source as written (or None)."""

    content: tuple[tuple[int, int], ...]
    source: tuple[tuple[int, int], ...] | None
    source_text: str | None

    @property
    def content_length(self) -> int:
        return sum(e - s for s, e in self.content)

    @property
    def start(self) -> int:
        return min(s for s, _ in self.content)


@dataclass(frozen=True, slots=True)
class PolnearArticle:
    id: str
    text: str
    attributions: tuple[GoldAttribution, ...]


def _fragments(role: Any) -> tuple[tuple[int, int], ...] | None:
    if not role or not role.get("fragments"):
        return None
    return tuple((int(s), int(e)) for s, e in role["fragments"])


def parse_article(raw: dict[str, Any]) -> PolnearArticle:
    """Typed gold of one JSONL record; attributions without content are left out."""
    golds = []
    for a in raw.get("gold_attributions", ()):
        content = _fragments(a.get("content"))
        if content is None:
            continue
        source = a.get("source")
        golds.append(GoldAttribution(content, _fragments(source),
                                     source.get("text") if source else None))
    return PolnearArticle(str(raw["id"]), str(raw["text"]), tuple(golds))


def load_articles(path: Path, *, limit: int | None = None) -> tuple[PolnearArticle, ...]:
    """One annotation per article, ordered by file name; the first ``limit`` if given."""
    require_file(path, "PolNeAR split")
    chosen: dict[str, dict[str, Any]] = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                raw = json.loads(line)
                key = str(raw.get("article") or raw["id"])
                if key not in chosen or str(raw["id"]) < str(chosen[key]["id"]):
                    chosen[key] = raw
    ordered = [chosen[k] for k in sorted(chosen)]
    return tuple(parse_article(r) for r in ordered[:limit])


# --- matching --------------------------------------------------------------------------


def cover(quote: Quote, gold: GoldAttribution) -> int:
    """Characters of the gold content that the predicted content covers."""
    return sum(max(0, min(quote.end, e) - max(quote.start, s)) for s, e in gold.content)


def match_quotes(quotes: Sequence[Quote], golds: Sequence[GoldAttribution]
                 ) -> list[tuple[Quote, GoldAttribution]]:
    """One-to-one pairs covering at least MIN_COVER of the gold content, best first."""
    pairs = []
    for qi, q in enumerate(quotes):
        for gi, g in enumerate(golds):
            c = cover(q, g)
            if g.content_length and c >= MIN_COVER * g.content_length:
                pairs.append((c / g.content_length, qi, gi))
    used_q: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, qi, gi in sorted(pairs, key=lambda x: (-x[0], x[1], x[2])):
        if qi not in used_q and gi not in used_g:
            used_q.add(qi)
            used_g.add(gi)
            out.append((quotes[qi], golds[gi]))
    return out


def _words(text: str) -> set[str]:
    return set(normalize(text).split()) - _STOP


def _is_pronoun(source: str | None) -> bool:
    return source is not None and normalize(source) in _PRONOUNS


def _antecedent(gold: GoldAttribution, golds: Sequence[GoldAttribution]
                ) -> GoldAttribution:
    """The gold itself, or for a pronoun source the latest gold source before it that can
    be what the pronoun names: not a pronoun, and for he/she/I one written with a name."""
    if not _is_pronoun(gold.source_text):
        return gold
    assert gold.source is not None and gold.source_text is not None
    at = gold.source[0][0]
    personal = normalize(gold.source_text) in _PERSONAL

    def fits(g: GoldAttribution) -> bool:
        text = g.source_text or ""
        return (not _is_pronoun(text) and bool(text)
                and (not personal or any(w[:1].isupper() for w in text.split()[1:] or [""])
                     or text[:1].isupper() and not text.lower().startswith("the ")))

    earlier = [g for g in golds if g.source and g.source[0][0] < at and fits(g)]
    return max(earlier, key=lambda g: g.source[0][0]) if earlier else gold  # type: ignore[index]


def _is_cue_word(source: str | None) -> bool:
    """Whether a gold source is only a verb of saying ("said", "told"), not a name."""
    if source is None:
        return False
    words = normalize(source).split()
    if len(words) != 1 or source.strip()[:1].isupper():
        return False
    word = words[0]
    table = lexicon()
    stems = {word, word[:-1], word[:-2], word[:-3], _IRREGULAR.get(word, word)}
    return any((stem, "") in table for stem in stems if stem)


def speaker_right(quote: Quote, gold: GoldAttribution, golds: Sequence[GoldAttribution],
                  ex: Extraction) -> bool:
    """Whether the predicted speaker is the gold source (see the module notes)."""
    if gold.source is None:
        return quote.speaker_id is None and quote.speaker_name is None
    target = _antecedent(gold, golds)
    assert target.source is not None and target.source_text is not None
    words = _words(target.source_text)
    records = [r for r in (*ex.people, *ex.organizations) if r.id == quote.speaker_id]
    for r in records:
        if any(m.start < e and s < m.end for m in r.mentions for s, e in target.source):
            return True
    # A person record is also named by its role: "the president" is President X.
    roles = [getattr(r, "role", None) for r in records]
    names = [quote.speaker_name, *(n for r in records for n in (r.name, *r.aliases)), *roles]
    heads = [_head(n) for n in names if n and normalize(n)]
    return any(h in words or h + "s" in words for h in heads)


def _span_right(quote: Quote, gold: GoldAttribution) -> bool:
    """Whether the quote's speaker span overlaps the gold source as written."""
    span = quote.speaker_span
    return (span is not None and gold.source is not None
            and any(span.start < e and s < span.end for s, e in gold.source))


def _head(name: str) -> str:
    """The head word of a name: "Commission on Presidential Debates" -> commission.

    The last word, unless a preposition follows the head ("Department of State").
    """
    words = normalize(name).split()
    cut = next((i for i, w in enumerate(words) if w in _HEAD_ENDS and i > 0), len(words))
    return words[cut - 1]


# --- scoring ---------------------------------------------------------------------------


def score_article(article: PolnearArticle, ex: Extraction) -> AreaResult:
    """Attribution score and speaker accuracy of one article."""
    golds = article.attributions
    pairs = match_quotes(ex.quotes, golds)
    score = Score.from_counts("polnear.attribution", tp=len(pairs),
                              fp=len(ex.quotes) - len(pairs), fn=len(golds) - len(pairs))
    # A source span holding only the cue verb ("said") is an annotation slip: it names
    # nobody, so the pair is left out of speaker accuracy (its attribution still counts).
    pairs_with_source = [(q, g) for q, g in pairs if not _is_cue_word(g.source_text)]
    right = [speaker_right(q, g, golds, ex) for q, g in pairs_with_source]
    pronoun = [_is_pronoun(g.source_text) for _, g in pairs_with_source]
    named = [ok for ok, p in zip(right, pronoun, strict=True) if not p]
    by_proxy = [ok for ok, p in zip(right, pronoun, strict=True) if p]
    sourced = [(q, g) for q, g in pairs_with_source if g.source is not None]
    span_right = sum(_span_right(q, g) for q, g in sourced)
    checks = (Check("polnear.speaker", sum(named), len(named)),
              Check("polnear.speaker.pronoun", sum(by_proxy), len(by_proxy)),
              Check("polnear.source_span", span_right, len(sourced)))
    misses = tuple(f"{AREA}: {article.id}: wrong speaker {q.speaker_name!r} for "
                   f"{g.source_text!r}" for (q, g), ok in zip(pairs_with_source, right,
                                                              strict=True)
                   if not ok)
    return AreaResult(AREA, (score,), checks, misses)


def _failed(article: PolnearArticle, why: str) -> AreaResult:
    """An article that could not be extracted: every gold attribution is missed."""
    n = len(article.attributions)
    return AreaResult(AREA, (Score.from_counts("polnear.attribution", tp=0, fp=0, fn=n),),
                      (Check("polnear.speaker"), Check("polnear.speaker.pronoun"),
                       Check("polnear.source_span")),
                      (f"{AREA}: {article.id}: {why}",))


def evaluate_articles(pipeline: Pipeline, articles: Iterable[PolnearArticle]
                      ) -> list[AreaResult]:
    out = []
    for article in articles:
        try:
            document = make_document(article.text, f"polnear/{article.id}")
        except EventwireError as e:
            out.append(_failed(article, f"[{e.code}] {e.message}"))
            continue
        if document.text != article.text:
            out.append(_failed(article, "text changed on reading; gold offsets do not apply"))
            continue
        out.append(score_article(article, pipeline.extract(document)))
    return out


def _evaluate(name: str, pipeline: Pipeline, paths: DataPaths,
              limit: int | None) -> EvaluatorResult:
    articles = load_articles(paths.data / SPLIT, limit=limit)
    areas = combine(evaluate_articles(pipeline, articles))
    return EvaluatorResult(name, areas, tuple(a.id for a in articles))


@register("polnear", description="quotes and speakers on the PolNeAR test split")
def evaluate_polnear(pipeline: Pipeline, paths: DataPaths) -> EvaluatorResult:
    """Attribution F1 and speaker accuracy over every article of the PolNeAR test split."""
    return _evaluate("polnear", pipeline, paths, None)


@register("polnear_gate", description=f"the first {GATE_ARTICLES} PolNeAR test articles (CI)")
def evaluate_polnear_gate(pipeline: Pipeline, paths: DataPaths) -> EvaluatorResult:
    """The CI subset of :func:`evaluate_polnear`."""
    return _evaluate("polnear_gate", pipeline, paths, GATE_ARTICLES)
