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

Only an ``assert`` of a module in the test's own folder counts (:func:`asserted_in`; a test may call another
test module's checks): pytest also rewrites every module of a distribution that provides a pytest plugin — all
of hypothesis — and calls the hook for their passing asserts, which compare nothing with the spec (a property
test of 15 examples that compared 15 values was credited with 3,407).

Kept in a module global: a pytest process (an xdist worker included) runs one test at a time.
"""
from __future__ import annotations

import sys
from pathlib import Path

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


def asserted_in(folder: Path) -> bool:
    """Whether the passing ``assert`` that a ``pytest_assertion_pass`` hook calling this is about was written in a
    module of ``folder``: below the hook, the first frame that is neither pluggy's nor pytest's is the asserting
    module's."""
    frame = sys._getframe(2)  # 1: the hook; 2: pluggy's call of it
    while frame is not None and frame.f_globals.get("__name__", "").startswith(("pluggy.", "_pytest.")):
        frame = frame.f_back
    return frame is not None and Path(frame.f_code.co_filename).parent == folder


def leave_unrewritten(package: str) -> None:
    """Keep pytest from rewriting the asserts of ``package`` (not imported yet): the modules of a distribution that
    provides a pytest plugin are all marked for rewriting, hypothesis' included, and with the pass hook on every
    passing assert there formats its explanation (``saferepr`` of both sides) for a hook that then ignores it —
    measured: the MindSpore suite (PyNative, 2 workers) 85 s with hypothesis rewritten, 62 s without.

    pytest has no public way to unmark a module, so this edits its rewrite hook's private mark set; where a pytest
    release no longer has it, nothing changes but the speed (:func:`asserted_in` keeps the count right)."""
    if package in sys.modules:
        return
    for finder in sys.meta_path:
        marked, cache = getattr(finder, "_must_rewrite", None), getattr(finder, "_marked_for_rewrite_cache", None)
        if isinstance(marked, set) and isinstance(cache, dict):
            marked.discard(package)
            for name in [name for name in cache if name == package or name.startswith(package + ".")]:
                del cache[name]
