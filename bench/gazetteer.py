"""Gazetteer benchmark: index build time, lookup latency, resident memory.

Usage: ``.venv/bin/python bench/gazetteer.py [--lookups 20000] [--skip-build]``

* build: compiles the default index from the pinned packages into a temporary
  directory, in a child process, and reports its wall time and peak RSS;
* lookups: opens the default index (building it in the cache if missing) and
  times ``Gazetteer.lookup`` over names drawn from the index itself (every
  10th place name, so common and rare names both appear), each name once
  (cold: no result cache), then reports median, p99 and max in milliseconds;
* memory: the peak RSS of the lookup process after all lookups.

Prints one JSON object and writes it to ``bench/results/gazetteer-<date>.json``.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

BUILD = """
import resource, sys, time
from pathlib import Path
from eventwire.resolve.gazetteer.build import build_default
t = time.perf_counter()
build_default(Path(sys.argv[1]))
print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def bench_build() -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run([sys.executable, "-c", BUILD, str(Path(tmp) / "g.sqlite")],
                             check=True, capture_output=True, text=True).stdout.split()
        size = (Path(tmp) / "g.sqlite").stat().st_size
    return {"build_seconds": round(float(out[0]), 1), "build_peak_rss_mb": int(out[1]) // 1024,
            "index_mb": size // 2**20}


def bench_lookups(n: int) -> dict[str, float]:
    from eventwire.resolve.gazetteer import load_default

    start = time.perf_counter()
    gaz = load_default()
    gaz.lookup("Idlib")
    open_s = time.perf_counter() - start
    with sqlite3.connect(gaz.paths[0]) as conn:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM places WHERE geonameid % 10 = 0 LIMIT ?", (n,))]
    names = list(dict.fromkeys(names))
    times = []
    for name in names:
        t = time.perf_counter()
        gaz.lookup(name)
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return {"open_and_first_lookup_seconds": round(open_s, 2), "lookups": len(times),
            "lookup_ms_median": round(statistics.median(times), 3),
            "lookup_ms_p99": round(times[int(0.99 * (len(times) - 1))], 3),
            "lookup_ms_max": round(times[-1], 3),
            "lookup_peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lookups", type=int, default=20000)
    parser.add_argument("--skip-build", action="store_true")
    args = parser.parse_args()
    result: dict[str, object] = {"created": datetime.now(UTC).isoformat(timespec="seconds"),
                                 "machine": platform.platform(), "cpus": len(
                                     __import__("os").sched_getaffinity(0))}
    if not args.skip_build:
        result.update(bench_build())
    result.update(bench_lookups(args.lookups))
    text = json.dumps(result, indent=2)
    print(text)
    out = Path(__file__).parent / "results"
    out.mkdir(exist_ok=True)
    (out / f"gazetteer-{datetime.now(UTC):%Y%m%d-%H%M%S}.json").write_text(text + "\n")


if __name__ == "__main__":
    main()
