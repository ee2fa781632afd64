"""A gallery of hostile backends (``tests/hostile_adapters.py``): each runs a small slice of the conformance
suite in a subprocess and must end red, with the clauses it cheats on reported failed (read from the run's
``report.json``), never passed."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ADAM = ("conformance/test_nn_trajectories.py", "-k", "NN.Adam.update/")
WARMUP = ("conformance/test_lr_golden.py", "-k", "LR.warmup_lr.values")


def run(tmp_path: Path, backend: str, selection: tuple[str, ...], env: dict | None = None):
    """The slice against ``tests.hostile_adapters:<backend>``: (exit code, output, clause -> status)."""
    report = tmp_path / "report"
    command = [sys.executable, "-m", "pytest", *selection, "-q", "-p", "no:cacheprovider", "-n", "0",
               "--backend", f"tests.hostile_adapters:{backend}", "--report", str(report)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1", **(env or {})})
    statuses = {}
    if (report / "report.json").exists():
        document = json.loads((report / "report.json").read_text())
        statuses = {c["id"]: c["status"] for f in document["families"] for c in f["clauses"] if c["status"] != "untested"}
    return done.returncode, done.stdout + done.stderr, statuses


@pytest.mark.parametrize("backend, selection, clause, says", [
    ("NO_OP", ADAM, "NN.Adam.update", "first divergence at step 0"),
    ("NO_SLOTS", ADAM, "NN.Adam.update", "no 'params' slot"),
    ("FLOAT64_STATE", ADAM, "NN.Adam.update", "dtype float64"),
    ("PREVIOUS_STEP", ADAM, "NN.Adam.update", "slot 'params'"),
    ("STRING_NUMBERS", ADAM, "NN.Adam.update", "not a number"),
    ("STRING_NUMBERS", WARMUP, "LR.warmup_lr.values", "not a number"),
    ("EMPTY_PRIMITIVES", ("conformance/test_ops_golden.py", "-k", "OPS.ApplyRMSProp.update/"),
     "OPS.ApplyRMSProp.update", "returned no value of input(s)"),
    ("RAISING", WARMUP, "LR.warmup_lr.values", "RuntimeError: this backend fails everything"),
    ("ALL_NOT_APPLICABLE", WARMUP, "LR.warmup_lr.values", "nothing may be n/a or skipped"),
])
def test_hostile_backend_fails_the_clause(tmp_path, backend, selection, clause, says):
    code, output, statuses = run(tmp_path, backend, selection)
    assert code == 1, output
    assert statuses.get(clause) == "failed", f"{clause}: {statuses.get(clause)}\n{output}"
    assert "passed" not in statuses.values(), statuses
    assert says in output, output


def test_missing_case_is_partial_never_passed(tmp_path):
    """A third-party backend lacking one case of a clause: the clause is partial, in the table and the report."""
    code, output, statuses = run(tmp_path, "PARTLY_NOT_APPLICABLE", WARMUP)
    assert code == 0, output
    assert statuses == {"LR.warmup_lr.values": "partial"}, statuses
    header, row = [line.split() for line in output.splitlines() if line.startswith(("family ", "LR "))][:2]
    assert dict(zip(header[1:], row[1:]))["partial"] == "1", output


def _known_differences(tmp_path: Path, test: str, clause: str, **fields) -> dict:
    """The environment of a run whose backend has one known difference (``fields``: mismatch, raises, match ...)."""
    path = tmp_path / "known_differences.toml"
    entry = {"test": test, "clause": clause, "reason": "planted", **fields}
    path.write_text("[[difference]]\n" + "".join(f"{key} = {json.dumps(value)}\n" for key, value in entry.items()))
    return {"HOSTILE_KNOWN_DIFFERENCES": str(path)}


WARMUP_CASES = "test_lr_golden[LR.warmup_lr.values/*]"


def test_known_difference_does_not_absorb_another_failure(tmp_path):
    """An entry excusing a comparison that is off ("1 ulp off") does not excuse a ZeroDivisionError."""
    env = _known_differences(tmp_path, WARMUP_CASES, "LR.warmup_lr.values", mismatch=True)
    code, output, statuses = run(tmp_path, "ZERO_DIVISION", WARMUP, env)
    assert code == 1, output
    assert statuses["LR.warmup_lr.values"] == "failed", statuses
    assert "failed otherwise than its known difference states" in output and "ZeroDivisionError" in output, output


def test_known_difference_stating_the_failure_excuses_it(tmp_path):
    """The control: the same failure stated as it is observed is a known difference."""
    env = _known_differences(tmp_path, WARMUP_CASES, "LR.warmup_lr.values", raises="ZeroDivisionError",
                             match="division by zero")
    code, output, statuses = run(tmp_path, "ZERO_DIVISION", WARMUP, env)
    assert code == 0, output
    assert statuses["LR.warmup_lr.values"] == "known-difference", statuses


def test_unsupported_entry_on_a_passing_test_fails(tmp_path):
    env = _known_differences(tmp_path, "test_lr_golden[LR.exponential_decay_lr.stair/*]",
                             "LR.exponential_decay_lr.stair", kind="unsupported", raises="RuntimeError", match="kernel")
    code, output, statuses = run(tmp_path, "ZERO_DIVISION", ("conformance/test_lr_golden.py", "-k",
                                                              "LR.exponential_decay_lr.stair"), env)
    assert code == 1, output
    assert statuses["LR.exponential_decay_lr.stair"] == "failed" and "XPASS(strict)" in output, output


@pytest.mark.parametrize("pattern", ["test_lr_golden[LR.*]", "*", "test_lr_golden[LR.warmup_lr.*]"])
def test_over_matching_known_difference_is_refused(tmp_path, pattern):
    env = _known_differences(tmp_path, pattern, "LR.warmup_lr.values", mismatch=True)
    code, output, _ = run(tmp_path, "ZERO_DIVISION", WARMUP, env)
    assert code not in (0, 1), output  # a usage error: the run does not start
    assert "LR.warmup_lr.values" in output and ("must start with the clause ID" in output or "no '*'" in output), output
