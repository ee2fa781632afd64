"""What counts as a comparison (``conformance/verdict.py``): a passing ``assert`` of a test module counts, one of
hypothesis' own modules does not, so a hypothesis test that compares nothing itself still fails, whether pytest
rewrote hypothesis' asserts (it does for every module of a pytest plugin's distribution) or, as the conformance
conftest arranges, not."""
from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROBE = Path(__file__).resolve().parent / "fixtures" / "verdict_probe"


@pytest.mark.parametrize("rewritten", [False, True], ids=["hypothesis-left-alone", "hypothesis-rewritten"])
def test_only_the_test_modules_asserts_count(tmp_path, rewritten):
    junit = tmp_path / "junit.xml"
    command = [sys.executable, "-m", "pytest", str(PROBE / "probe_verdict.py"),
               "-p", "tests.fixtures.verdict_probe.rewriting", "-p", "optimspec.conformance.conftest",
               "-q", "-n", "0", "-p", "no:cacheprovider", "--junitxml", str(junit)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1",
                               "OPTIMSPEC_PROBE_REWRITE": "1" if rewritten else "0"})
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert f"hypothesis rewritten: {rewritten}" in output, output
    compared = {case.get("name").split("[")[0]: int(prop.get("value"))
                for case in ElementTree.parse(junit).iter("testcase")
                for prop in case.iter("property") if prop.get("name") == "compared"}
    assert compared == {"test_hypothesis_draws_only": 0, "test_one_assert_per_example": 5}, output
    assert "test_hypothesis_draws_only[LR.warmup_lr.values/hypothesis-draws-only] used the backend and compared " \
           "nothing" in output, output
