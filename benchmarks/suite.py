"""``python -m benchmarks.suite [--repeats R] [--skip NAME ...]``: wall time of the suite and the goldens.

Runs each command R times (the machine is shared: the spread is part of the result), keeps pytest's
20 slowest test phases from the last run, prints a summary and writes benchmarks/results/suite.json.
Besides wall time it records the CPU seconds of all the processes a run started: on a shared machine
that figure, divided by the 2 workers, is what the run would take alone.

* ``reference``: ``pytest conformance -n 2`` (ci hypothesis profile) against the reference;
* ``mindspore``: the same against MindSpore 2.10 with ``--mindspore-python`` (skipped if absent);
* ``golden-check``: ``python -m optimspec.golden --check`` (regenerates every golden in memory).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_JSON = ROOT / "benchmarks" / "results" / "suite.json"
DURATION_LINE = re.compile(r"^\s*([\d.]+)s (call|setup|teardown)\s+(\S+)")


def commands(python: str, mindspore_python: str) -> dict[str, list[str]]:
    pytest_args = ["-m", "pytest", "conformance", "-q", "-n", "2", "--durations=20", "-p", "no:cacheprovider",
                   "--hypothesis-profile", "ci"]
    found = {"reference": [python, *pytest_args, "--backend", "reference"],
             "golden-check": [python, "-m", "optimspec.golden", "--check"]}
    if Path(mindspore_python).exists():
        found["mindspore"] = [mindspore_python, *pytest_args, "--backend", "mindspore"]
    return found


def run(command: list[str]) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "GLOG_v": "3"}
    children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (children.ru_utime - children_before.ru_utime) + (children.ru_stime - children_before.ru_stime)
    lines = done.stdout.splitlines()
    slowest = [{"seconds": float(m[1]), "phase": m[2], "test": m[3]}
               for m in map(DURATION_LINE.match, lines) if m]
    return {"seconds": seconds, "cpu_seconds": cpu, "returncode": done.returncode, "summary": lines[-1] if lines else "",
            "slowest": slowest}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.suite", description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--python", default=sys.executable, help="interpreter for the reference and goldens")
    parser.add_argument("--mindspore-python", default="/tmp/msvenv/bin/python",
                        help="interpreter with MindSpore 2.10 (numpy<2)")
    parser.add_argument("--skip", nargs="*", default=[], help="reference, mindspore or golden-check")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON)
    args = parser.parse_args(argv)
    results = {"started": time.strftime("%Y-%m-%d %H:%M:%S"), "cpus": os.cpu_count(), "runs": {}}
    for name, command in commands(args.python, args.mindspore_python).items():
        if name in args.skip:
            continue
        runs = []
        for _ in range(args.repeats):
            runs.append(run(command))
            print(f"{name:<13} {runs[-1]['seconds']:7.1f} s wall  {runs[-1]['cpu_seconds']:7.1f} s CPU  "
                  f"rc={runs[-1]['returncode']}  {runs[-1]['summary']}", flush=True)
        seconds = [r["seconds"] for r in runs]
        results["runs"][name] = {"command": " ".join(command), "seconds": seconds, "min": min(seconds),
                                 "cpu_seconds": [r["cpu_seconds"] for r in runs],
                                 "median": statistics.median(seconds), "max": max(seconds),
                                 "returncodes": [r["returncode"] for r in runs], "summary": runs[-1]["summary"],
                                 "slowest": runs[-1]["slowest"], "load_average": os.getloadavg()}
    for name, result in results["runs"].items():
        print(f"\n{name}: min {result['min']:.1f} s, median {result['median']:.1f} s, max {result['max']:.1f} s")
        for entry in result["slowest"][:10]:
            print(f"  {entry['seconds']:7.2f} s {entry['phase']:<8} {entry['test']}")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=1) + "\n")
    print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
