"""Known differences are strict: a fixed backend turns the run red, a stale entry is an error, an entry
must name the clause of the tests it matches and state the failure it excuses (the hostile-adapter gallery,
tests/test_hostile_adapters.py, checks that another failure is not excused)."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SELECTED = "conformance/test_lr_golden.py"
TEST = "test_lr_golden[LR.warmup_lr.values/notes]"


def _run(tmp_path: Path, toml: str, *extra: str, selection: str = SELECTED, **env: str) -> subprocess.CompletedProcess:
    """Run ``selection`` against the reference wrapped in a backend whose known differences are ``toml`` (``env``:
    KD_NO_KERNEL=1 makes its nn.warmup_lr raise RuntimeError for a zero rate)."""
    package = tmp_path / "kd_backend"
    package.mkdir()
    (package / "__init__.py").write_text(textwrap.dedent("""
        import os

        from optimspec.adapters.reference import ReferenceAdapter

        class Adapter(ReferenceAdapter):
            name = "kd-test"
            complete = False

            def lr_function(self, api, args):
                if api == "nn.warmup_lr" and args["learning_rate"] == 0.0 and os.environ.get("KD_NO_KERNEL"):
                    raise RuntimeError("no kernel for a zero rate")
                return super().lr_function(api, args)

        ADAPTER = Adapter()
    """))
    (package / "known_differences").mkdir()
    (package / "known_differences" / "lrs.toml").write_text(textwrap.dedent(toml))
    env = {"PYTHONPATH": f"{tmp_path}:{ROOT}", "PATH": "/usr/bin:/bin", **env}
    return subprocess.run([sys.executable, "-m", "pytest", selection, "-q", "-p", "no:cacheprovider",
                           "--backend", "kd_backend:ADAPTER", *extra], cwd=ROOT, capture_output=True, text=True, env=env)


def test_entry_for_a_passing_test_fails_the_run(tmp_path):
    """A backend that conforms where an entry says it does not (XPASS) fails: the entry must be removed."""
    result = _run(tmp_path, f"""
        [[difference]]
        test = "{TEST}"
        clause = "LR.warmup_lr.values"
        reason = "pretend"
        mismatch = true
    """)
    assert result.returncode == 1, result.stdout
    assert "XPASS(strict)" in result.stdout


STALE = """
    [[difference]]
    test = "test_lr_golden[LR.warmup_lr.values/no-such-case]"
    clause = "LR.warmup_lr.values"
    reason = "stale"
    mismatch = true
"""


def test_stale_entry_is_an_error_in_a_full_run(tmp_path):
    result = _run(tmp_path, STALE, "--collect-only", selection="conformance")
    assert result.returncode != 0
    assert "match no test" in result.stdout + result.stderr


def test_stale_entry_is_tolerated_in_a_partial_run(tmp_path):
    """A run of one file cannot tell a stale entry from one for a test it did not collect."""
    result = _run(tmp_path, STALE)
    assert result.returncode == 0, result.stdout + result.stderr


def test_entry_with_the_wrong_clause_is_an_error(tmp_path):
    result = _run(tmp_path, f"""
        [[difference]]
        test = "{TEST}"
        clause = "LR.warmup_lr.clamp"
        reason = "wrong clause"
        mismatch = true
    """)
    assert result.returncode != 0
    assert "must start with the clause ID LR.warmup_lr.clamp" in result.stdout + result.stderr


def test_unsupported_entry_runs_and_counts_not_applicable(tmp_path):
    result = _run(tmp_path, """
        [[difference]]
        test = "test_lr_golden[LR.warmup_lr.values/zero-rate]"
        clause = "LR.warmup_lr.values"
        reason = "no such kernel here"
        kind = "unsupported"
        raises = "RuntimeError"
        match = "no kernel"
    """, "-rs", KD_NO_KERNEL="1")
    assert result.returncode == 0, result.stdout
    assert "unsupported: LR.warmup_lr.values: no such kernel here" in result.stdout


#: prints, at the end of the run, the traceback pytest kept for each failure an entry excused (pytest counts
#: them as "xfailed"; here the one of RAISING_ENTRY)
KEPT_TRACEBACKS = """
    def pytest_terminal_summary(terminalreporter):
        for report in terminalreporter.stats.get("xfailed", []):
            terminalreporter.write_line(f"KEPT {report.nodeid}: {report.longreprtext!r}")
"""
RAISING_ENTRY = """
    [[difference]]
    test = "test_lr_golden[LR.warmup_lr.values/zero-rate]"
    clause = "LR.warmup_lr.values"
    reason = "this test's backend, with KD_NO_KERNEL=1, raises RuntimeError('no kernel for a zero rate') at rate 0"
    raises = "RuntimeError"
    match = "{match}"
"""
RAISING_LINE = 'raise RuntimeError("no kernel for a zero rate")'


def test_an_excused_failure_s_traceback_is_not_formatted(tmp_path):
    """No report shows the traceback of a failure its entry excuses, so pytest is not left to format it (it
    reads the source of every frame: 6 of a MindSpore run's CPU seconds)."""
    (tmp_path / "kept_tracebacks.py").write_text(textwrap.dedent(KEPT_TRACEBACKS))
    result = _run(tmp_path, RAISING_ENTRY.format(match="no kernel"), "-p", "kept_tracebacks", KD_NO_KERNEL="1")
    assert result.returncode == 0, result.stdout
    assert "1 xfailed" in result.stdout and "KEPT" in result.stdout
    assert RAISING_LINE not in result.stdout


def test_a_failure_its_entry_does_not_excuse_keeps_its_traceback(tmp_path):
    result = _run(tmp_path, RAISING_ENTRY.format(match="another message"), KD_NO_KERNEL="1")
    assert result.returncode == 1, result.stdout
    assert "the test failed otherwise than its known difference states" in result.stdout
    assert RAISING_LINE in result.stdout


@pytest.mark.parametrize("field", ["clause = \"LR.nope\"", "kind = \"maybe\"", "mismatch = false",
                                   "raises = \"RuntimeError\""])
def test_malformed_entry_is_an_error(tmp_path, field):
    base = {"test": f'test = "{TEST}"', "reason": 'reason = "x"', "clause": 'clause = "LR.warmup_lr.values"',
            "mismatch": "mismatch = true"}
    key = field.split(" ")[0]
    base[key] = field
    result = _run(tmp_path, "[[difference]]\n" + "\n".join(base.values()) + "\n")
    assert result.returncode != 0


def test_an_entry_restricted_to_releases_and_modes_holds_only_there():
    from optimspec.conformance.known_differences import KnownDifference

    entry = KnownDifference("t", "LR.warmup_lr.values", "r", releases=("2.7.0", "2.7.1"), modes=("graph",))
    assert entry.holds_for({"version": "2.7.1", "mode": "GRAPH"})
    assert not entry.holds_for({"version": "2.7.1", "mode": "PyNative"})
    assert not entry.holds_for({"version": "2.10.0", "mode": "GRAPH"})
    assert KnownDifference("t", "LR.warmup_lr.values", "r").holds_for({"version": "2.10.0", "mode": "PyNative"})
