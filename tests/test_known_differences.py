"""Known differences are strict xfails: a fixed backend turns the run red, a stale entry is an error,
and an entry must name the clause of the tests it matches."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SELECTED = "conformance/test_lr_golden.py"
TEST = "test_lr_golden[LR.warmup_lr.values/notes]"


def _run(tmp_path: Path, toml: str, *extra: str, selection: str = SELECTED) -> subprocess.CompletedProcess:
    """Run ``selection`` against the reference wrapped in a backend whose known differences are ``toml``."""
    package = tmp_path / "kd_backend"
    package.mkdir()
    (package / "__init__.py").write_text(textwrap.dedent("""
        from adapters.reference import ReferenceAdapter

        class Adapter(ReferenceAdapter):
            name = "kd-test"

        ADAPTER = Adapter()
    """))
    (package / "known_differences").mkdir()
    (package / "known_differences" / "lrs.toml").write_text(textwrap.dedent(toml))
    env = {"PYTHONPATH": f"{tmp_path}:{ROOT}", "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-m", "pytest", selection, "-q", "-p", "no:cacheprovider",
                           "--backend", "kd_backend:ADAPTER", *extra], cwd=ROOT, capture_output=True, text=True, env=env)


def test_entry_for_a_passing_test_fails_the_run(tmp_path):
    """A backend that conforms where an entry says it does not (XPASS) fails: the entry must be removed."""
    result = _run(tmp_path, f"""
        [[difference]]
        test = "{TEST}"
        clause = "LR.warmup_lr.values"
        reason = "pretend"
    """)
    assert result.returncode == 1, result.stdout
    assert "XPASS(strict)" in result.stdout


STALE = """
    [[difference]]
    test = "test_lr_golden[LR.no_such/case]"
    clause = "LR.warmup_lr.values"
    reason = "stale"
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
    """)
    assert result.returncode != 0
    assert "checks LR.warmup_lr.values" in result.stdout + result.stderr


def test_unsupported_entry_is_a_skip_counted_not_applicable(tmp_path):
    result = _run(tmp_path, f"""
        [[difference]]
        test = "{TEST}"
        clause = "LR.warmup_lr.values"
        reason = "no such API here"
        kind = "unsupported"
    """, "-rs")
    assert result.returncode == 0, result.stdout
    assert "unsupported: LR.warmup_lr.values: no such API here" in result.stdout


@pytest.mark.parametrize("field", ["clause = \"LR.nope\"", "kind = \"maybe\""])
def test_malformed_entry_is_an_error(tmp_path, field):
    base = {"test": f'test = "{TEST}"', "reason": 'reason = "x"', "clause": 'clause = "LR.warmup_lr.values"'}
    key = field.split(" ")[0]
    base[key] = field
    result = _run(tmp_path, "[[difference]]\n" + "\n".join(base.values()) + "\n")
    assert result.returncode != 0


def test_an_entry_restricted_to_releases_and_modes_holds_only_there():
    from conformance.known_differences import KnownDifference

    entry = KnownDifference("t", "LR.warmup_lr.values", "r", releases=("2.7.0", "2.7.1"), modes=("graph",))
    assert entry.holds_for({"version": "2.7.1", "mode": "GRAPH"})
    assert not entry.holds_for({"version": "2.7.1", "mode": "PyNative"})
    assert not entry.holds_for({"version": "2.10.0", "mode": "GRAPH"})
    assert KnownDifference("t", "LR.warmup_lr.values", "r").holds_for({"version": "2.10.0", "mode": "PyNative"})
