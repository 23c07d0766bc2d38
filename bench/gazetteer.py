"""Gazetteer benchmark: index build time, lookup latency, resident memory.

Usage: ``.venv/bin/python bench/gazetteer.py [--lookups 20000] [--skip-build]``

* build: compiles the default index from the pinned packages into a temporary
  directory, in a child process, and reports its wall time and peak RSS;
* lookups: opens the default index (building it in the cache if missing) and
  times ``Gazetteer.lookup`` over names drawn from the index itself (every
  10th place name, so common and rare names both appear), each name once
  (cold: no result cache), then reports median, p99 and max in milliseconds, both
  wall time and the lookup thread's CPU time, and how many lookups the scheduler
  preempted (an involuntary context switch during the lookup: on a shared, loaded
  machine those wait out another process's time slice, and when they pass 1% of the
  lookups they, not the lookup's own work, set the wall-time p99), with the wall p99
  of the others and the 1-minute load average before and after;
* memory: the peak RSS of the lookup process after all lookups.

Prints one JSON object and writes it to ``bench/results/gazetteer-<date>.json``.
"""

from __future__ import annotations

import argparse
import json
import os
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
    load_before = os.getloadavg()[0]
    wall, cpu, preempted = [], [], []
    for name in names:
        switches = resource.getrusage(resource.RUSAGE_THREAD).ru_nivcsw
        c = time.thread_time()
        t = time.perf_counter()
        gaz.lookup(name)
        wall.append((time.perf_counter() - t) * 1000)
        cpu.append((time.thread_time() - c) * 1000)
        # An involuntary switch: the scheduler gave the core to another process mid-lookup, so
        # the wall time includes someone else's time slice (4 ms ticks on a loaded machine).
        preempted.append(resource.getrusage(resource.RUSAGE_THREAD).ru_nivcsw > switches)
    alone = [w for w, p in zip(wall, preempted, strict=True) if not p]
    return {"open_and_first_lookup_seconds": round(open_s, 2), "lookups": len(wall),
            **_percentiles("lookup_ms", wall), **_percentiles("lookup_cpu_ms", cpu),
            "lookups_preempted": sum(preempted),
            "lookup_ms_p99_not_preempted": _percentiles("x", alone)["x_p99"],
            "loadavg_1min_before_after": [round(load_before, 2), round(os.getloadavg()[0], 2)],
            "lookup_peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}


def _percentiles(prefix: str, times: list[float]) -> dict[str, float]:
    """Median, p99 and max of ``times`` (milliseconds), rounded to microseconds."""
    times = sorted(times)
    return {f"{prefix}_median": round(statistics.median(times), 3),
            f"{prefix}_p99": round(times[int(0.99 * (len(times) - 1))], 3),
            f"{prefix}_max": round(times[-1], 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lookups", type=int, default=20000)
    parser.add_argument("--skip-build", action="store_true")
    args = parser.parse_args()
    result: dict[str, object] = {"created": datetime.now(UTC).isoformat(timespec="seconds"),
                                 "machine": platform.platform(),
                                 "cpus": len(os.sched_getaffinity(0))}
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
