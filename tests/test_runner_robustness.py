"""The conformance runner survives a misbehaving backend: a case that hangs or crashes fails that
case alone (with its clause and a rerun line) while every other case still runs and passes."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FAULTY_CASE = "test_lrs_golden[LRS.WarmUpLR.clamp/past-warmup]"


def run_suite(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "pytest", "conformance", "-q", "-rf", "-p", "no:cacheprovider", *args]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)


def outcome_counts(output: str) -> dict[str, int]:
    summary = output.strip().splitlines()[-1]
    return {word: int(count) for count, word in re.findall(r"(\d+) (passed|failed|error|skipped)", summary)}


@pytest.mark.parametrize("fault, workers", [("HANGING", "0"), ("STUBBORN", "2"), ("CRASHING", "2")])
def test_faulty_case_fails_alone(fault, workers):
    """HANGING is stopped by the per-case alarm (even without xdist); STUBBORN ignores the alarm and
    is killed by the watchdog; CRASHING segfaults. Under xdist a dead worker is replaced."""
    done = run_suite("--backend", f"tests.fixtures.faulty_adapters:{fault}", "-k", "WarmUpLR",
                     "--case-timeout", "2", "-n", workers)
    output = done.stdout + done.stderr
    counts = outcome_counts(done.stdout)
    assert done.returncode == 1, output
    assert counts.get("failed") == 1 and counts.get("passed", 0) >= 8 and "error" not in counts, output
    assert f"FAILED conformance/test_lrs_golden.py::{FAULTY_CASE}" in done.stdout, output
    assert "LRS.WarmUpLR.clamp" in done.stdout and "--seed 0" in done.stdout, output
    assert re.search(r"^LRS\s+\d+\s+1\s", done.stdout, re.MULTILINE), f"the clause table misses the failure:\n{output}"


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
