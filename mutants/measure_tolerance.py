"""Measure how close a backend comes to the tolerance rule: for every golden comparison of the suite
(LR functions, LR schedules, schedulers, primitive calls, teacher-forced optimizer steps) the ratio
``|computed - exact| / allowed``, and its maximum per clause family. A conforming backend stays <= 1.

    python -m mutants.measure_tolerance                          # the reference
    PYTHONPATH=. /tmp/msvenv/bin/python -m mutants.measure_tolerance --backend mindspore
    python -m mutants.measure_tolerance --mutant LR.cosine-float32 --mutant OPS.adam-eps-inside-sqrt

It runs the suite's own golden tests with this module as a pytest plugin, which wraps the
``within`` every test module imported from ``conformance.tolerance``: each comparison is recorded
and counted as passing, so every step of every case is measured. Cases the backend lists as known
differences are reported apart. The output is the markdown table of ``docs/tolerances.md``.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Callable

GOLDEN_TESTS = "test_lr_golden or test_lrs_golden or test_sched_golden or test_primitive or test_trajectory"
OUTPUT_ENV = "OPTIMSPEC_RATIO_OUTPUT"


# -- the pytest plugin (loaded with -p mutants.measure_tolerance) ---------------------------------------
class _Recorder:
    def __init__(self) -> None:
        self.worst: dict[tuple[str, bool], list] = {}  # (family, known difference) -> [ratio, where, count]
        self.where = ("", False)

    def record(self, ratio: float, detail: str) -> None:
        family, known = self.where[0].split(".")[0], self.where[1]
        entry = self.worst.setdefault((family, known), [0.0, "", 0])
        entry[2] += 1
        if not ratio <= entry[0]:  # NaN and inf are worst
            entry[0], entry[1] = ratio, detail


_recorder = _Recorder()


def _recording(original, node_id: Callable[[], str]):
    """``within`` that records the comparison's ratio and lets the test go on."""
    from optimspec.conformance.tolerance import allowed_error, error

    def within(got, exact, coefficient, dtype):
        err = error(got, exact) if got == got else math.inf
        allowed = allowed_error(coefficient, dtype)
        ratio = err / allowed if allowed else (0.0 if err == 0 else math.inf)
        _recorder.record(ratio, f"{node_id()} (got {float(got)!r}, exact {exact})")
        return True

    return within


def pytest_collection_finish(session):
    from optimspec.conformance import tolerance

    current, original = {"id": ""}, tolerance.within
    recording = _recording(original, lambda: current["id"])
    for module in list(sys.modules.values()):
        if getattr(module, "__name__", "").startswith("conformance") and getattr(module, "within", None) is original:
            module.within = recording
    session.config._optimspec_current = current


def pytest_runtest_setup(item):
    marker = item.get_closest_marker("clause")
    known = item.get_closest_marker("xfail") is not None or item.get_closest_marker("skip") is not None
    _recorder.where = (marker.args[0] if marker else "", known)
    item.config._optimspec_current["id"] = item.callspec.id if hasattr(item, "callspec") else item.name


def pytest_sessionfinish(session):
    path = os.environ.get(OUTPUT_ENV)
    if path:
        Path(path).write_text(json.dumps([[f, k, *v] for (f, k), v in sorted(_recorder.worst.items())]))


# -- the command ------------------------------------------------------------------------------------
def measure(backend: str, mutant_id: str | None) -> list[list]:
    """``[family, known_difference, worst ratio, where, comparisons]`` rows for one run."""
    from mutants.catalogue import MUTANTS
    from mutants.run import BASELINE, FULL_SUITE, mutated_reference, run_pytest

    mutant = next(m for m in MUTANTS if m.id == mutant_id) if mutant_id else BASELINE
    with tempfile.TemporaryDirectory() as tmp, mutated_reference(mutant) as copy:
        output = Path(tmp) / "ratios.json"
        args = ["--backend", backend, "-q", "-k", GOLDEN_TESTS, "-p", "mutants.measure_tolerance"]
        done = run_pytest(copy, FULL_SUITE, args, {OUTPUT_ENV: str(output), "GLOG_v": "3"}, timeout=1800)
        if not output.exists() or done.returncode not in (0, 1):  # 1: some test failed, still measured
            raise SystemExit(f"the suite did not run (exit {done.returncode}):\n{(done.stdout + done.stderr)[-2000:]}")
        return json.loads(output.read_text())


def table(title: str, rows: list[list]) -> list[str]:
    lines = [f"**{title}**", "", "| family | comparisons | worst \\|error\\|/allowed | where |", "|---|---:|---:|---|"]
    for family, known, ratio, where, count in rows:
        label = f"{family} (known differences)" if known else family
        lines.append(f"| {label} | {count} | {ratio:.3g} | `{where[:110]}` |")
    return lines + [""]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m mutants.measure_tolerance", description=__doc__.split("\n\n")[0])
    parser.add_argument("--backend", default="reference")
    parser.add_argument("--mutant", action="append", default=[], metavar="ID",
                        help="measure the reference with this mutant applied instead (repeatable)")
    options = parser.parse_args(argv)
    if not options.mutant:
        print("\n".join(table(f"backend {options.backend}", measure(options.backend, None))))
    for mutant_id in options.mutant:  # a mutant is judged in the family it breaks
        family = mutant_id.split(".")[0]
        rows = [row for row in measure(options.backend, mutant_id) if row[0] == family]
        print("\n".join(table(f"mutant {mutant_id} (reference)", rows)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
