"""Run the mutant catalogue: ``python -m mutants [--only ID ...] [--family F ...] [--jobs N]``.

For each mutant: copy ``reference/`` into a temporary directory, apply the mutant's one edit, and
run ``pytest --backend reference -x`` with the copy first on ``optimspec``'s package path
(``OPTIMSPEC_OVERLAY``; the goldens never import ``reference``, so they are unaffected) over the tests of
the clauses the mutated file implements (``mutants.selection``; the whole suite for a file that cites no clause). The suite must fail: the
mutant is *killed*, and the table names the clause of the first failing test. A mutant the suite
passes *SURVIVED*: a clause or a test is missing. An unmutated copy runs the whole suite too
(``baseline``): it must pass. The run ends with its wall time and the CPU seconds of its test runs.

Exit status 0 when every mutant is killed; 1 when one survived or could not be run (a snippet not
found exactly once, a suite that did not import the mutated copy, a run past ``--timeout``).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from mutants.catalogue import MUTANTS
from mutants.mutant import CatalogueError, Mutant
from mutants.probe import FAMILY_ENV, RESULT_ENV
from mutants.selection import INDEX_ENV, Selection, select

ROOT = Path(__file__).resolve().parent.parent
SUITE = "conformance"
FULL_SUITE = Selection((SUITE,), frozenset())
BASELINE = Mutant("baseline", "", "the unmutated reference (must pass)", "", "", "")
PYTEST_ARGS = ["--backend", "reference", "-x", "-q", "-p", "mutants.probe", "--hypothesis-profile", "dev",
               "--seed", "0", "--case-timeout", "30"]


@dataclass(frozen=True)
class Outcome:
    mutant: Mutant
    status: str      # killed, SURVIVED, ERROR (baseline: passed / FAILED)
    clause: str      # clause of the first failing test
    detail: str      # the failing test, or what went wrong
    seconds: float


@contextmanager
def mutated_reference(mutant: Mutant) -> Iterator[Path]:
    """A temporary directory holding a copy of ``reference/`` with ``mutant`` applied (none for BASELINE)."""
    with tempfile.TemporaryDirectory(prefix="optimspec-mutant-") as tmp:
        copy = Path(tmp)
        shutil.copytree(ROOT / "reference", copy / "reference", ignore=shutil.ignore_patterns("__pycache__"))
        if mutant is not BASELINE:
            mutant.apply(copy)
        yield copy


def run_pytest(copy: Path, tests: Selection, args: list[str], env: dict, timeout: float) -> subprocess.CompletedProcess:
    """``pytest TESTS ARGS`` importing ``optimspec.reference`` from ``copy`` (``OPTIMSPEC_OVERLAY``, searched before
    the checkout)."""
    env = {**os.environ, **env, **tests.env(), "PYTHONPATH": str(ROOT), "OPTIMSPEC_OVERLAY": str(copy),
           "PYTHONDONTWRITEBYTECODE": "1"}
    # -c: run from the copy, pytest would find no ini file, so pyproject's options (xfail_strict, the assertion-pass
    # hook that counts comparisons) would silently be off and every passing assert would count nothing
    command = [sys.executable, "-m", "pytest", *(str(ROOT / module) for module in tests.modules),
               "--rootdir", str(ROOT), "-c", str(ROOT / "pyproject.toml"), "--import-mode=append", "-p", "no:cacheprovider",
               *args]
    return subprocess.run(command, cwd=copy, env=env, capture_output=True, text=True, timeout=timeout)


def clause_index(timeout: float) -> dict[str, list[str]]:
    """``{clause: [test modules]}`` of the suite, from one ``--collect-only`` run of the unmutated reference."""
    with mutated_reference(BASELINE) as copy:
        index_file = copy / "index.json"
        done = run_pytest(copy, FULL_SUITE, ["--collect-only", "-q", "-p", "mutants.probe"],
                          {INDEX_ENV: str(index_file)}, timeout)
        if done.returncode != 0 or not index_file.exists():
            raise SystemExit(f"collecting the suite failed: {(done.stdout + done.stderr).strip()[-1000:]}")
        return json.loads(index_file.read_text())


def selected_tests(mutant: Mutant, index: dict[str, list[str]]) -> Selection:
    """The tests of the clauses ``mutant``'s file implements (the whole suite for the baseline)."""
    return FULL_SUITE if mutant is BASELINE else select((ROOT / mutant.file).read_text(), index, SUITE)


def run_suite(mutant: Mutant, timeout: float, tests: Selection = FULL_SUITE) -> Outcome:
    started = time.monotonic()

    def outcome(status, clause="", detail=""):
        return Outcome(mutant, status, clause, detail, time.monotonic() - started)

    try:
        with mutated_reference(mutant) as copy:
            result_file = copy / "result.json"
            done = run_pytest(copy, tests, PYTEST_ARGS, {RESULT_ENV: str(result_file), FAMILY_ENV: mutant.family}, timeout)
            if not result_file.exists():
                return outcome("ERROR", detail=f"pytest exited {done.returncode} before the session finished: "
                                               f"{(done.stdout + done.stderr).strip()[-300:]}")
            result = json.loads(result_file.read_text())
            if not str(result["reference"] or "").startswith(str(copy)):
                return outcome("ERROR", detail=f"the suite imported {result['reference']}, not the mutated copy "
                                               f"(pytest exit {done.returncode}): {(done.stdout + done.stderr).strip()[-300:]}")
    except CatalogueError as exc:
        return outcome("ERROR", detail=str(exc))
    except subprocess.TimeoutExpired:
        return outcome("ERROR", detail=f"the suite ran past --timeout={timeout:g} s")
    failure = result["first_failure"]
    if mutant is BASELINE:
        return outcome("passed" if done.returncode == 0 else "FAILED", *_describe(failure, done))
    if done.returncode == 0:
        return outcome("SURVIVED")
    if failure is None:
        return outcome("ERROR", detail=f"pytest exited {done.returncode} with no failing test: "
                                       f"{(done.stdout + done.stderr).strip()[-300:]}")
    return outcome("killed", *_describe(failure, done))


def _describe(failure, done) -> tuple[str, str]:
    if failure is None:
        return "", "" if done.returncode == 0 else f"pytest exited {done.returncode}"
    return failure["clause"], f"{failure['nodeid'].split('::')[-1]}: {failure['message']}"[:160]


def choose(only: list[str], families: list[str]) -> list[Mutant]:
    chosen = [m for m in MUTANTS if (not only or m.id in only)
              and (not families or any(m.family == f or m.family.startswith(f + ".") for f in families))]
    unknown = set(only) - {m.id for m in MUTANTS}
    if unknown:
        raise SystemExit(f"unknown mutant ids: {sorted(unknown)}")
    return chosen


def table(outcomes: list[Outcome], verbose: bool) -> list[str]:
    width = max(len(o.mutant.id) for o in outcomes)
    lines = [f"{'mutant':<{width}}  {'result':<8}  {'killed by clause':<44}  {'time':>6}"]
    for o in outcomes:
        lines.append(f"{o.mutant.id:<{width}}  {o.status:<8}  {o.clause:<44}  {o.seconds:5.1f}s")
        if verbose or o.status not in ("killed", "passed"):
            lines.append(f"{'':<{width}}    {o.mutant.description}" + (f" -- {o.detail}" if o.detail else ""))
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m mutants", description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", action="append", default=[], metavar="ID", help="run this mutant (repeatable)")
    parser.add_argument("--family", action="append", default=[], metavar="F", help="run this family (repeatable)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="parallel suite runs (default: cores)")
    parser.add_argument("--timeout", type=float, default=300, help="seconds per mutant run (default 300)")
    parser.add_argument("--list", action="store_true", help="list the catalogue and exit")
    parser.add_argument("--verbose", action="store_true", help="describe every mutant and its killing test")
    options = parser.parse_args(argv)
    chosen = choose(options.only, options.family)
    if options.list:
        for m in chosen:
            print(f"{m.id:<48} {m.file:<44} {m.description}")
        return 0
    started = time.monotonic()
    index = clause_index(options.timeout)
    with ThreadPoolExecutor(max_workers=max(options.jobs, 1)) as pool:  # each job is a pytest subprocess
        baseline = pool.submit(run_suite, BASELINE, options.timeout)
        outcomes = list(pool.map(lambda m: run_suite(m, options.timeout, selected_tests(m, index)), chosen))
        base = baseline.result()
    for line in table([base, *outcomes], options.verbose):
        print(line)
    killed = sum(o.status == "killed" for o in outcomes)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"{time.monotonic() - started:.0f} s wall on {options.jobs} jobs, "
          f"{children.ru_utime + children.ru_stime:.0f} CPU s in the test runs")
    print(f"killed {killed}/{len(outcomes)}")
    if base.status != "passed":
        print(f"the unmutated reference fails the suite ({base.detail}): every kill above is void")
        return 1
    return 0 if killed == len(outcomes) else 1
