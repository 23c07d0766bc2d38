"""Throughput and memory of eventwire against the bare spaCy pipeline.

Run by ``make bench`` (never by the tests). Over the first N articles of the
shared BBC News corpus it times, after a warm-up:

* bare: ``nlp.pipe`` of the packaged spaCy pipeline over the article texts;
* full: ``make_document`` + ``Pipeline(nlp).extract`` of each article.

Wall time depends on what else the machine runs, so it also reports the process's CPU
time, and the CPU time of each stage of the full pass (the parse and every extractor),
which answers "what does event extraction add to the parse" even on a busy machine.

It prints a summary and writes ``bench/results/<date>.json`` (gitignored).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from eventwire.errors import EventwireError
from eventwire.ingest import make_document
from eventwire.nlp import load_pipeline, model_info
from eventwire.run import Pipeline

if TYPE_CHECKING:
    from spacy.language import Language

CORPUS = Path("bbc_news") / "bbc_news.jsonl"
RESULTS = Path(__file__).resolve().parent / "results"


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    title: str | None
    text: str


@dataclass(frozen=True, slots=True)
class Timing:
    seconds: float
    articles_per_s: float
    words_per_s: float
    cpu_seconds: float


# The pipeline's steps as (module, attribute) pairs: `Pipeline.extract` looks each one up
# on its module at call time, so wrapping the attribute times it without touching the
# library. `events` includes the casualty coder and the ACLED labels it calls.
STAGES: tuple[tuple[str, str, str], ...] = (
    ("parse", "eventwire.run.pipeline", "parse_document"),
    ("entities", "eventwire.extract.entities", "extract_entities"),
    ("dates", "eventwire.extract.dates", "extract"),
    ("places", "eventwire.extract.places", "extract"),
    ("quotes", "eventwire.extract.quotes", "extract"),
    ("statements", "eventwire.extract.statements", "extract"),
    ("counts", "eventwire.extract.counts", "extract"),
    ("agreements", "eventwire.extract.agreements", "extract"),
    ("events", "eventwire.extract.events", "extract"),
)


class StageClock:
    """CPU seconds spent in each pipeline step, by wrapping the step functions."""

    def __init__(self) -> None:
        self.cpu: dict[str, float] = {name: 0.0 for name, _, _ in STAGES}
        self._saved: list[tuple[object, str, Callable[..., object]]] = []

    def __enter__(self) -> StageClock:
        import importlib

        for name, module_name, attr in STAGES:
            module = importlib.import_module(module_name)
            original = getattr(module, attr)
            self._saved.append((module, attr, original))
            setattr(module, attr, self._wrap(name, original))
        return self

    def __exit__(self, *exc: object) -> None:
        for module, attr, original in reversed(self._saved):
            setattr(module, attr, original)
        self._saved.clear()

    def _wrap(self, name: str, fn: Callable[..., object]) -> Callable[..., object]:
        def timed_step(*args: object, **kwargs: object) -> object:
            start = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                self.cpu[name] += time.process_time() - start
        return timed_step


def read_articles(path: Path, n: int) -> list[Article]:
    """The first ``n`` records of a JSONL corpus with ``id``, ``title`` and ``text``."""
    articles = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if len(articles) >= n:
                break
            r = json.loads(line)
            articles.append(Article(str(r["id"]), r.get("title"), r["text"]))
    return articles


def peak_rss_mib() -> float:
    # ru_maxrss is in KiB on Linux, in bytes on macOS.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def timed(run: Callable[[], None], articles: int, words: int) -> Timing:
    start, cpu_start = time.perf_counter(), time.process_time()
    run()
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    return Timing(round(seconds, 3), round(articles / seconds, 2), round(words / seconds, 1),
                  round(cpu, 3))


def run_bare(nlp: Language, texts: list[str]) -> None:
    for _ in nlp.pipe(texts):
        pass


def run_full(pipeline: Pipeline, articles: list[Article]) -> int:
    """Extract every article; return how many failed with a coded error."""
    failures = 0
    for a in articles:
        try:
            pipeline.extract(make_document(a.text, a.id, title=a.title))
        except EventwireError:
            failures += 1
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=200, help="articles to time (default 200)")
    parser.add_argument("--warmup", type=int, default=10, help="articles for the warm-up")
    parser.add_argument("--data", default=os.environ.get("EVENTWIRE_DATA") or "../shared/data",
                        help="shared data folder [env EVENTWIRE_DATA; default ../shared/data]")
    parser.add_argument("--out", type=Path, help="result file [bench/results/<date>.json]")
    args = parser.parse_args(argv)

    corpus = Path(args.data) / CORPUS
    if not corpus.is_file():
        print(f"bench: missing {corpus}; nothing measured", file=sys.stderr)
        return 1
    articles = read_articles(corpus, args.n)
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)

    nlp = load_pipeline()
    pipeline = Pipeline(nlp)
    warm = articles[: args.warmup]
    run_bare(nlp, [a.text for a in warm])  # first calls allocate and fill caches
    run_full(pipeline, warm)
    rss_after_load = peak_rss_mib()

    bare = timed(lambda: run_bare(nlp, texts), len(texts), words)
    rss_after_bare = peak_rss_mib()  # ru_maxrss only grows: this is the peak of the bare pass
    failures: list[int] = []
    with StageClock() as clock:
        full = timed(lambda: failures.append(run_full(pipeline, articles)), len(texts), words)
    stages = {name: round(cpu, 3) for name, cpu in clock.cpu.items()}

    result = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "corpus": str(corpus),
        "articles": len(articles),
        "words": words,
        "failures": failures[0],
        "bare_spacy": asdict(bare),
        "full_pipeline": asdict(full),
        "full_over_bare_time": round(full.seconds / bare.seconds, 2),
        "full_over_bare_cpu": round(full.cpu_seconds / bare.cpu_seconds, 2),
        "stage_cpu_seconds": stages,
        "events_over_bare_cpu": round(stages["events"] / bare.cpu_seconds, 3),
        "peak_rss_mib": round(peak_rss_mib(), 1),
        "peak_rss_mib_after_warmup": round(rss_after_load, 1),
        "peak_rss_mib_after_bare": round(rss_after_bare, 1),
        "versions": pipeline.versions(),
        "model": model_info(),
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "cpus": os.cpu_count()},
    }
    out = args.out or RESULTS / f"{datetime.now(UTC).date().isoformat()}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"{len(articles)} articles, {words:,} words ({failures[0]} failed)")
    for name, t in (("bare spaCy", bare), ("full eventwire", full)):
        print(f"  {name:<15} {t.seconds:8.2f} s  {t.articles_per_s:8.1f} articles/s  "
              f"{t.words_per_s:10,.0f} words/s  {t.cpu_seconds:8.2f} s CPU")
    print(f"  full/bare time  {result['full_over_bare_time']:.2f}x wall, "
          f"{result['full_over_bare_cpu']:.2f}x CPU")
    print("  CPU by stage    " + ", ".join(f"{k} {v:.2f} s" for k, v in stages.items()))
    print(f"  events/bare CPU {result['events_over_bare_cpu']:.1%} (events stage, incl. "
          "casualties and ACLED, against the bare parse)")
    print(f"  peak RSS        {result['peak_rss_mib']:.0f} MiB (after warm-up "
          f"{rss_after_load:.0f}, after bare {rss_after_bare:.0f})")
    print(f"results: {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
