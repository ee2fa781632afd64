"""Robust, reproducible runs: one seed for every random choice, a per-case timeout, and a backend
crash reported as one failed case.

Options (registered by ``conformance/conftest.py``):

``--seed N``
    Every random choice of the run follows from ``N``: hypothesis' examples (the profile's
    ``derandomize`` is switched off and hypothesis' global seed is ``N``), Python's ``random`` and
    NumPy's global RNG (re-seeded before each test, so a test draws the same numbers alone or in a
    full run), and the ``seeded_rng`` fixture. Without ``--seed`` a derandomized profile (``ci``,
    the default) runs seed 0 and a random profile (``dev``, ``thorough``) a fresh seed; either
    way the seed is printed in the header and in every failure's rerun line.
``--case-timeout SECONDS`` (default 300, 0 disables)
    A setup, call or teardown phase running longer fails that case (``CaseTimeout``). A backend
    that does not give control back to Python (a C-level hang) is killed by a watchdog thread
    after twice the timeout; under pytest-xdist (``-n``, as in every tox environment) the killed
    worker is reported as that case failing and replaced, like a backend crash (a segfault or an
    abort). Without ``-n`` a crash ends the run, so CI always runs with ``-n``.

A failed case gets an ``optimspec rerun`` section: the one-line command rerunning exactly that
case with the same seed, backend and profile. A crashed case's report names its clause.

Hypothesis profiles (``--hypothesis-profile``, defined in ``conftest.py``): ``ci`` (default: 40
examples, derandomized: the same cases every run), ``dev`` (10 random examples, quick local
runs), ``thorough`` (1000 random examples, for a release or a new backend).
"""
from __future__ import annotations

import faulthandler
import os
import random
import re
import shlex
import signal
import sys
import threading
import time
import zlib

import numpy as np
import pytest
from hypothesis import core as hypothesis_core
from hypothesis import settings

DEFAULT_CASE_TIMEOUT = 300.0
SEEDED_PROFILE = "optimspec-seeded"
PHASES = ("setup", "call", "teardown")


class CaseTimeout(BaseException):
    """A case ran past ``--case-timeout``. A BaseException so that no ``except Exception`` in the
    backend or in hypothesis swallows it; pytest reports it as the case failing."""


def add_options(group) -> None:
    group.addoption("--seed", type=int, default=None,
                    help="seed every random choice (hypothesis examples, random, numpy); same seed, same cases")
    group.addoption("--case-timeout", type=float, default=DEFAULT_CASE_TIMEOUT,
                    help=f"seconds a case phase may run before it fails (default {DEFAULT_CASE_TIMEOUT:g}; 0: none)")


def clause_in_nodeid(nodeid: str) -> str | None:
    """The clause a parametrized test ID starts with (``test_x[LR.a.b/name]`` -> ``LR.a.b``)."""
    match = re.search(r"\[([A-Z][A-Za-z]*(?:\.[A-Za-z0-9_*]+)+)", nodeid)
    return match.group(1) if match else None


class Watchdog:
    """One daemon thread that kills the process when an armed deadline passes (a hang that never
    returns to Python). Under xdist the controller then reports the case as crashed."""

    def __init__(self) -> None:
        self._lock = threading.Condition()
        self._deadline: float | None = None
        self._what = ""
        threading.Thread(target=self._watch, name="optimspec-watchdog", daemon=True).start()

    def arm(self, seconds: float, what: str) -> None:
        with self._lock:
            self._deadline, self._what = time.monotonic() + seconds, what
            self._lock.notify()

    def disarm(self) -> None:
        with self._lock:
            self._deadline = None
            self._lock.notify()

    def _watch(self) -> None:
        with self._lock:
            while True:
                if self._deadline is None:
                    self._lock.wait()
                    continue
                left = self._deadline - time.monotonic()
                if left > 0:
                    self._lock.wait(left)
                    continue
                sys.stderr.write(f"\noptimspec watchdog: {self._what} did not return; killing this process\n")
                faulthandler.dump_traceback(all_threads=True)
                sys.stderr.flush()
                os._exit(70)


class RobustRunner:
    """The pytest plugin: seeds, timeouts, rerun lines, crashed cases with their clause."""

    def __init__(self, config) -> None:
        self.config = config
        self.timeout = config.getoption("--case-timeout")
        self.seed: int | None = None
        self.clauses: dict[str, str] = {}  # nodeid -> clause, from reports the controller saw
        self.watchdog = Watchdog() if self.timeout > 0 else None

    # -- seed ---------------------------------------------------------------------------------
    @pytest.hookimpl(tryfirst=True)
    def pytest_sessionstart(self, session):
        """Fix the seed before xdist starts its workers and before test modules are imported."""
        given = self.config.getoption("--seed")
        worker_input = getattr(self.config, "workerinput", None)
        if worker_input is not None:
            self.seed = worker_input["optimspec_seed"]
        elif given is not None:
            self.seed = given
        else:
            self.seed = 0 if settings.default.derandomize else random.SystemRandom().randrange(2 ** 32)
        if given is not None or not settings.default.derandomize:
            settings.register_profile(SEEDED_PROFILE, parent=settings.default, derandomize=False)
            settings.load_profile(SEEDED_PROFILE)
            hypothesis_core.global_force_seed = self.seed

    @pytest.hookimpl(optionalhook=True)
    def pytest_configure_node(self, node):
        """xdist: every worker runs the controller's seed."""
        node.workerinput["optimspec_seed"] = self.seed

    def pytest_report_header(self, config):
        timeout = f"{self.timeout:g} s per case phase" if self.timeout > 0 else "none"
        return [f"optimspec seed: {self.seed} (rerun with --seed {self.seed}); case timeout: {timeout}"]

    @pytest.fixture
    def seeded_rng(self, request):
        """A NumPy Generator determined by the run's seed and the test's ID."""
        return np.random.default_rng([self.seed, zlib.crc32(request.node.nodeid.encode())])

    def rerun_command(self, nodeid: str) -> str:
        words = ["pytest", "conformance", "--backend", self.config.getoption("--backend"), "--seed", str(self.seed)]
        profile = self.config.getoption("hypothesis_profile", None)
        if profile:
            words += ["--hypothesis-profile", profile]
        return shlex.join(words + [nodeid])

    # -- timeout ------------------------------------------------------------------------------
    def _run_phase(self, item, phase: str):
        if phase == "setup":
            random.seed(self.seed)
            np.random.seed(self.seed)
        if self.timeout <= 0:
            return (yield)
        use_alarm = threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")

        def expire(signum, frame):
            raise CaseTimeout(f"{item.nodeid}: {phase} ran past --case-timeout={self.timeout:g} s")

        if use_alarm:
            previous = signal.signal(signal.SIGALRM, expire)
            signal.setitimer(signal.ITIMER_REAL, self.timeout)
        self.watchdog.arm(2 * self.timeout, f"{item.nodeid} ({phase})")
        try:
            return (yield)
        finally:
            self.watchdog.disarm()
            if use_alarm:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_setup(self, item):
        return (yield from self._run_phase(item, "setup"))

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_call(self, item):
        return (yield from self._run_phase(item, "call"))

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_teardown(self, item):
        return (yield from self._run_phase(item, "teardown"))

    # -- reports ------------------------------------------------------------------------------
    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(self, item, call):
        report = yield
        if report.failed:
            report.sections.append(("optimspec rerun", self.rerun_command(item.nodeid)))
        return report

    def pytest_runtest_logreport(self, report):
        clause = dict(report.user_properties).get("clause")
        if clause:
            self.clauses[report.nodeid] = clause

    @pytest.hookimpl(optionalhook=True)
    def pytest_handlecrashitem(self, crashitem, report, sched):
        """xdist: a worker died in a case (segfault, abort, watchdog). Fail that case, with its clause."""
        clause = self.clauses.get(crashitem) or clause_in_nodeid(crashitem)
        if clause:
            report.user_properties.append(("clause", clause))
        report.when = "call"  # the clause table counts call-phase failures
        report.longrepr = (f"{clause or 'no clause'}: the backend crashed or hung in this case: {report.longrepr} "
                           f"(a hang is killed after {2 * self.timeout:g} s)\n"
                           f"  rerun: {self.rerun_command(crashitem)}")
