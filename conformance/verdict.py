"""What a test compared: the proof behind a ``passed``.

A test that uses the backend must compare at least one value with the specification, or its pass is
hollow. Every comparison counts itself here while a test runs: each golden value checked against its
error bound (``conformance/tolerance.py``), each validation call checked for its exception
(``conformance/validation.py``), each trajectory slot and primitive output (``conformance/trajectory.py``,
``conformance/primitives.py``), and each passing ``assert`` statement of a test module (pytest's
``pytest_assertion_pass`` hook, switched on by ``enable_assertion_pass_hook`` in ``pyproject.toml``; pytest
asks to delete stale ``__pycache__`` folders when that option is switched on). ``conftest.py`` starts the
count before a test's call, records it as the test's ``compared`` user property, and fails a test that used
the backend and compared nothing (:class:`NothingCompared`).

Kept in a module global: a pytest process (an xdist worker included) runs one test at a time.
"""
from __future__ import annotations

_count: int | None = None


class NothingCompared(Exception):
    """A test used the backend and checked nothing against the spec. Not an ``AssertionError``: a known
    difference stating ``mismatch`` never excuses it."""


def start() -> None:
    """Begin counting the comparisons of one test call."""
    global _count
    _count = 0


def record(count: int = 1) -> None:
    """``count`` values were compared with the spec (a no-op outside a test call)."""
    global _count
    if _count is not None:
        _count += count


def finish() -> int:
    """Stop counting; how many comparisons the call made."""
    global _count
    done, _count = _count or 0, None
    return done
