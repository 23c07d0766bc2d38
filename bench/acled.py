"""Throughput of the ACLED classifier (eventwire.extract.acled), never run by the tests.

``.venv/bin/python bench/acled.py [--data DIR] [--repeat 3]`` times ``classify_many`` over
the CASE 2021 task 2 snippets (1-3 sentences each, the size of an event's sentence) and over
the sentences of 200 BBC articles (mostly no event: the common case in a pipeline), after
compiling the lexicon once, and prints snippets/s and characters/s for each (best of
``--repeat`` runs). Numbers depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from eventwire.evaluate.acled import BBC_FILE, CASE_FILE, bbc_sentences, load_case2021
from eventwire.extract.acled import classify_many, default_lexicon


def best_rate(texts: list[str], repeat: int) -> tuple[float, float]:
    """Best (texts/s, characters/s) over ``repeat`` passes of classify_many."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        classify_many(texts)
        best = min(best, time.perf_counter() - start)
    return len(texts) / best, sum(map(len, texts)) / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=os.environ.get("EVENTWIRE_DATA", "../shared/data"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    data = Path(args.data)
    start = time.perf_counter()
    default_lexicon()
    print(f"lexicon compiled in {time.perf_counter() - start:.3f}s")
    snippets = [s.text for s in load_case2021(data / CASE_FILE)]
    articles = bbc_sentences(data / BBC_FILE)
    sentences = [s for arts in articles.values() for sents in arts for s in sents]
    for name, texts in (("CASE 2021 snippets", snippets), ("BBC sentences", sentences)):
        per_s, chars = best_rate(texts, args.repeat)
        print(f"{name:<20} n={len(texts):>5}  {per_s:8.0f} texts/s  {chars / 1000:7.1f} kchars/s")


if __name__ == "__main__":
    main()
