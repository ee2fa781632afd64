"""The conformance runner survives a misbehaving backend: a case that hangs or crashes fails that
case alone (with its clause and a rerun line) while every other case still runs and passes; a hang
that ignores the timeout without xdist still ends with its message, the clause table and the report;
a run in which tests never ran fails and says how many.

No assertion here depends on how fast the machine is: the timeout (``CASE_TIMEOUT``) is far above what a
healthy case of the selection takes even on a loaded machine, and the faulty case never returns."""
from __future__ import annotations

import importlib.util
import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FAULTY_CASE = "test_lrs_golden[LRS.WarmUpLR.clamp/past-warmup]"
CASE_TIMEOUT = "10"  # seconds; a healthy WarmUpLR case takes milliseconds


def run_suite(*args: str, timeout: float = 300, target: str = "conformance") -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "pytest", target, "-q", "-rf", "-p", "no:cacheprovider", *args]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)


def outcome_counts(output: str) -> dict[str, int]:
    summary = output.strip().splitlines()[-1]
    return {word: int(count) for count, word in re.findall(r"(\d+) (passed|failed|error|skipped)", summary)}


@pytest.mark.parametrize("fault, workers", [("HANGING", "0"), ("STUBBORN", "2"), ("CRASHING", "2")])
def test_faulty_case_fails_alone(fault, workers):
    """HANGING is stopped by pytest-timeout's signal (even without xdist); STUBBORN ignores it and is
    stopped after twice the timeout; CRASHING segfaults. Under xdist a dead worker is replaced."""
    done = run_suite("--backend", f"tests.fixtures.faulty_adapters:{fault}", "-k", "WarmUpLR",
                     "--case-timeout", CASE_TIMEOUT, "-n", workers)
    output = done.stdout + done.stderr
    counts = outcome_counts(done.stdout)
    assert done.returncode == 1, output
    assert counts.get("failed") == 1 and counts.get("passed", 0) >= 8 and "error" not in counts, output
    assert f"FAILED conformance/test_lrs_golden.py::{FAULTY_CASE}" in done.stdout, output
    assert "LRS.WarmUpLR.clamp" in done.stdout and "--seed 0" in done.stdout, output
    assert re.search(r"^LRS\s+\d+\s+\d+\s+1\s", done.stdout, re.MULTILINE), f"the clause table misses the failure:\n{output}"
    if fault == "HANGING":
        assert f"Timeout (>{float(CASE_TIMEOUT)}s) from pytest-timeout" in done.stdout, output


def test_stubborn_hang_without_xdist_reports_before_it_ends(tmp_path):
    """No -n: the case that ignores its timeout is reported (terminal, clause table, report), stacks dumped."""
    done = run_suite("--backend", "tests.fixtures.faulty_adapters:STUBBORN", "-k", "WarmUpLR",
                     "--case-timeout", CASE_TIMEOUT, "-n", "0", "--report", str(tmp_path))
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert f"ignoring its {CASE_TIMEOUT} s timeout" in done.stdout and "Stack of MainThread" in output, output
    assert re.search(r"^LRS\s+\d+\s+\d+\s+1\s", done.stdout, re.MULTILINE), output
    clause = next(c for f in json.loads((tmp_path / "report.json").read_text())["families"] for c in f["clauses"]
                  if c["id"] == "LRS.WarmUpLR.clamp")
    assert clause["status"] == "failed" and "ignoring its" in clause["details"][0]["message"]


def test_tests_that_never_ran_fail_the_run():
    """xdist gives up (no worker restart allowed) after the crash: the tests after it never run, and the run
    says how many."""
    done = run_suite("--backend", "tests.fixtures.faulty_adapters:CRASHING", "-k", "WarmUpLR or SequentialLR",
                     "-n", "1", "--max-worker-restart", "0")
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    never = re.search(r"optimspec: (\d+) of (\d+) collected tests never ran", done.stdout)
    assert never and int(never.group(1)) > 0, output
    counts = outcome_counts(done.stdout)
    assert int(never.group(1)) == int(never.group(2)) - sum(counts.values()), output


def test_rerun_line_reruns_one_case():
    done = run_suite("--backend", "tests.fixtures.faulty_adapters:HANGING", "-k", "WarmUpLR",
                     "--case-timeout", "1", "-n", "0")
    line = next(line for line in done.stdout.splitlines() if line.startswith("pytest ") and "--seed" in line)
    words = shlex.split(line)
    assert words[1] == f"conformance/test_lrs_golden.py::{FAULTY_CASE}" and "conformance" not in words[2:], line
    rerun = run_suite(*words[2:], "--case-timeout", "1", "-n", "0", target=words[1])
    assert outcome_counts(rerun.stdout) == {"failed": 1}, rerun.stdout


def _examples(seed: str) -> list[str]:
    done = run_suite("-s", "-k", "test_warmup_function_rises_from_exactly_zero", "--hypothesis-profile", "dev",
                     "--hypothesis-verbosity", "verbose", "--seed", seed, "-n", "0")
    assert done.returncode == 0, done.stdout + done.stderr
    # hypothesis prints each example's arguments ("Trying example:" before 6.16x, "Test case:" since)
    examples = re.split(r"Trying example|Test case:", done.stdout)[1:]
    return [re.sub(r" at 0x[0-9a-f]+", "", example.split("\n)")[0]) for example in examples]


def test_same_seed_same_cases():
    first = _examples("7")
    assert first and first == _examples("7")
    assert first != _examples("8")


@pytest.mark.parametrize("backend, fix", [
    ("referense", "did you mean --backend reference?"),
    ("nosuchmod:X", "is the module on PYTHONPATH?"),
    ("torch", "pip install torch==2.13.0, or tox -e torch"),
])
def test_backend_usage_errors_are_one_line_with_the_fix(backend, fix):
    if backend == "torch" and importlib.util.find_spec("torch") is not None:
        pytest.skip("torch is installed here")
    done = run_suite("--backend", backend, "--collect-only", "-n", "0")
    output = (done.stdout + done.stderr).strip()
    assert done.returncode == pytest.ExitCode.USAGE_ERROR, output
    assert output.startswith("ERROR: --backend") and fix in output and len(output.splitlines()) == 1, output


def test_only_nonfinite_clauses_ignore_float_warnings():
    """The RuntimeWarnings of overflow, NaN and infinity are expected by the clauses that specify them, and only
    there: a reference run prints none, and any other test still shows them."""
    from optimspec.conformance import runner

    class Item:
        def __init__(self):
            self.markers = []

        def add_marker(self, marker):
            self.markers.append(marker)

    expected, other = Item(), Item()
    runner.filter_expected_warnings(expected, "NN.Adam.nonfinite")
    runner.filter_expected_warnings(other, "NN.Adam.update")
    assert [m.mark.args for m in expected.markers] == [(runner.EXPECTED_FLOAT_WARNINGS,)] and other.markers == []
    done = run_suite("-k", "extreme or nonfinite", "-n", "0")
    assert done.returncode == 0 and "warning" not in done.stdout.splitlines()[-1], done.stdout


def test_returned_values_are_type_checked():
    """A string "0.1" is not a number: each golden case of a backend returning strings fails, naming the API."""
    done = run_suite("--backend", "tests.fixtures.boundary_adapters:STRINGY", "-k",
                     "test_lr_golden and exponential_decay_lr or test_lrs_golden and WarmUpLR", "-n", "0")
    counts = outcome_counts(done.stdout)
    assert done.returncode == 1 and counts.get("failed", 0) >= 5 and "passed" not in counts, done.stdout
    assert "NotANumber: nn.exponential_decay_lr(...)[0] returned str '" in done.stdout, done.stdout
    assert "NotANumber: nn.WarmUpLR(...) at step" in done.stdout, done.stdout


def test_raising_describe_costs_nothing(tmp_path):
    done = run_suite("--backend", "tests.fixtures.boundary_adapters:SILENT", "-k", "exponential_decay_lr.stair",
                     "-n", "0", "--report", str(tmp_path))
    assert done.returncode == 0 and "optimspec clauses against reference-silent ?" in done.stdout, done.stdout
    backend = json.loads((tmp_path / "report.json").read_text())["backend"]
    assert backend["describe_error"] == "RuntimeError: describe is broken"
