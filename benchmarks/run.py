"""Run dlrkit's benchmarks, each against its baseline in the same run; see benchmarks/README.md.

    python benchmarks/run.py [--smoke] [--only NAME ...] [--report PATH]

Prints one table per benchmark, then the README's performance targets (met, missed or not
judged), and writes everything to ``reports/bench.json``. ``--smoke`` is CI's short pass:
every benchmark with a few iterations and small sizes, and no thresholds. The exit status is
1 only when something broke (a benchmark crashed, or a correctness check failed); a missed
performance target never fails the run.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import sys
import time
import traceback
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from _common import REPO, BenchResult, Mode, Table, Target
from _sdk import install_all

BENCHMARKS = {
    "parse": "_parse",
    "paginate": "_paginate",
    "normalize": "_normalize",
    "throughput": "_throughput",
    "contract": "_contract",
    "load": "load",
    "callbacks": "_callbacks",
    "callbacks_cost": "_push_cost",
    "callbacks_load": "callbacks_load",
}


def _run_one(name: str, mode: Mode) -> BenchResult:
    started = time.perf_counter()
    print(f"[{name}] running ({mode.name})...", file=sys.stderr, flush=True)
    try:
        result: BenchResult = importlib.import_module(BENCHMARKS[name]).run(mode)
    except Exception:
        result = BenchResult(name, failures=[f"{name} crashed:\n{traceback.format_exc()}"])
    result.data["wall_seconds"] = round(time.perf_counter() - started, 2)
    print(f"[{name}] done in {result.data['wall_seconds']:.1f} s", file=sys.stderr, flush=True)
    return result


def targets_table(targets: list[Target]) -> Table:
    """Return the targets as a table: met, MISSED or not judged, with the figure behind it."""
    table = Table("Targets (README performance section)", ["target", "result", "measured"])
    for target in targets:
        verdict = {True: "met", False: "MISSED", None: "not judged"}[target.met]
        table.add(target.name, verdict, target.detail)
    return table


def report(results: list[BenchResult], mode: Mode, seconds: float) -> dict[str, Any]:
    """Return the JSON report: run metadata, then per benchmark its tables and raw data."""
    return {
        "mode": mode.name,
        "finished": datetime.now(UTC).isoformat(timespec="seconds"),
        "seconds": round(seconds, 1),
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
        },
        "benchmarks": {
            r.name: {
                "tables": [t.to_json() for t in r.tables],
                "targets": [{"name": t.name, "met": t.met, "detail": t.detail} for t in r.targets],
                "failures": r.failures,
                "data": r.data,
            }
            for r in results
        },
    }


def main(argv: list[str] | None = None) -> int:
    """Run the selected benchmarks; return 1 if any crashed or failed a correctness check."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="CI's short pass, no thresholds")
    parser.add_argument(
        "--only",
        nargs="+",
        choices=list(BENCHMARKS),
        metavar="NAME",
        help=f"run only these: {', '.join(BENCHMARKS)}",
    )
    parser.add_argument(
        "--report",
        type=Path,
        default=REPO / "reports" / "bench.json",
        help="where to write the JSON results (default: reports/bench.json)",
    )
    args = parser.parse_args(argv)
    mode = Mode(smoke=args.smoke)
    names = args.only or list(BENCHMARKS)
    started = time.perf_counter()
    # Baselines install side by side up front (cached under .nox/ for later runs).
    for line in install_all(sdks="parse" in names, prism="throughput" in names):
        print(f"[setup] {line}", file=sys.stderr, flush=True)
    results = [_run_one(name, mode) for name in names]
    for result in results:
        for table in result.tables:
            print(table.render(), end="\n\n")
    targets = [t for r in results for t in r.targets]
    if targets:
        if mode.smoke:
            print("Smoke mode: too few iterations to judge targets; shown for information.")
        print(targets_table(targets).render(), end="\n\n")
    failures = [f for r in results for f in r.failures]
    for failure in failures:
        print(f"FAILED: {failure}")
    args.report.parent.mkdir(parents=True, exist_ok=True)
    body = report(results, mode, time.perf_counter() - started)
    args.report.write_text(json.dumps(body, indent=2) + "\n")
    print(f"results written to {args.report} ({body['seconds']} s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
