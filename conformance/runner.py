"""Robust, reproducible runs: one seed for every random choice, a per-case timeout, a backend crash or
hang reported as one failed case, and a run that never ends silently.

Options (registered by ``conformance/conftest.py``):

``--seed N``
    Every random choice of the run follows from ``N``: hypothesis' examples (the profile's
    ``derandomize`` is switched off and hypothesis' global seed is ``N``), Python's ``random`` and
    NumPy's global RNG (re-seeded before each test, so a test draws the same numbers alone or in a
    full run), and the ``seeded_rng`` fixture. Without ``--seed`` a derandomized profile (``ci``,
    the default) runs seed 0 and a random profile (``dev``, ``thorough``) a fresh seed; either
    way the seed is printed in the header and in every failure's rerun line.
``--case-timeout SECONDS`` (default 120, 0 disables)
    pytest-timeout's ``--timeout`` for the suite (an explicit ``--timeout`` wins): a case (setup, call and
    teardown together) running longer fails with pytest-timeout's message and the threads' stacks (its
    ``signal`` method). The default is about six times the slowest honest case measured (MindSpore 2.10 on
    2 CPU cores: 21 s, ``MINT.Adam.weight_decay``), so that a loaded machine does not fail it and 26
    hanging cases cost under an hour, not two. A backend that does not give control back to Python (a
    C-level hang, or code that swallows the timeout) is stopped after ``2 * SECONDS`` by pytest-timeout's
    ``thread`` method (capture suspended, stacks dumped, the process exits); before it exits, a run without
    ``-n`` reports that case as failed and finishes the session (clause table, ``--report`` files, junit),
    and under pytest-xdist the controller reports the dead worker's case as failed, with its clause,
    like a crash (a segfault or an abort), and replaces the worker.

A run in which some collected tests never ran (pytest-xdist gave up after too many crashed workers, a
stop on the first failure) says how many, and fails. A failed case gets an ``optimspec rerun`` section:
the one-line command rerunning exactly that case with the same seed, backend and profile.

Hypothesis profiles (``--hypothesis-profile``, defined in ``conftest.py``): ``ci`` (default: 40
examples, derandomized: the same cases every run), ``dev`` (10 random examples, quick local
runs), ``thorough`` (1000 random examples, for a release or a new backend).
"""
from __future__ import annotations

import difflib
import random
import re
import shlex
import threading
import zlib

import numpy as np
import pytest
from _pytest.reports import TestReport
from hypothesis import core as hypothesis_core
from hypothesis import settings

try:
    import pytest_timeout
except ImportError:  # reported as a usage error by check_timeout_plugin
    pytest_timeout = None

DEFAULT_CASE_TIMEOUT = 120.0
SEEDED_PROFILE = "optimspec-seeded"


def add_options(group) -> None:
    group.addoption("--seed", type=int, default=None,
                    help="seed every random choice (hypothesis examples, random, numpy); same seed, same cases")
    group.addoption("--case-timeout", type=float, default=DEFAULT_CASE_TIMEOUT,
                    help=f"seconds a case may run before it fails (pytest-timeout; default {DEFAULT_CASE_TIMEOUT:g}; "
                         f"0: none; a case that ignores it is stopped after twice as long)")


def configure_timeout(config) -> None:
    """Give ``--case-timeout`` to pytest-timeout (before its own ``pytest_configure`` reads it)."""
    if pytest_timeout is None:
        raise pytest.UsageError("the conformance suite needs pytest-timeout: pip install pytest-timeout "
                                "(tox environments install it)")
    if config.getoption("timeout", None) is None:
        config.option.timeout = config.getoption("--case-timeout")
    if config.getoption("timeout_method", None) is None:
        config.option.timeout_method = "signal"


#: what installs a built-in backend's library (the ``tox`` environment, or the pip pins it uses)
INSTALL = {"mindspore": "pip install mindspore==2.10.0 'numpy<2', or tox -e mindspore",
           "torch": "pip install torch==2.13.0, or tox -e torch",
           "jax": "pip install jax==0.10.2 jaxlib==0.10.2 optax==0.2.8, or tox -e jax"}


def load_backend(name: str, device: str):
    """``adapters.load(name)`` configured for ``device``, or a one-line usage error that says how to fix the
    name, the device or the environment (a backend's library is imported by ``load`` or by ``configure``)."""
    from optimspec import adapters
    module_name = name.split(":", 1)[0] if ":" in name else f"adapters.{name}"
    try:
        adapter = adapters.load(name)
        adapter.configure(device=device)
        return adapter
    except ModuleNotFoundError as exc:
        if name in INSTALL:
            raise pytest.UsageError(f"--backend {name}: {exc}; install it: {INSTALL[name]}") from None
        if exc.name and module_name.startswith(exc.name):
            raise pytest.UsageError(f"--backend {name}: cannot import {module_name} ({exc}); is the module on "
                                    f"PYTHONPATH? (PYTHONPATH=DIR pytest ..., DIR holding {exc.name})") from None
        raise pytest.UsageError(f"--backend {name}: {module_name} needs {exc.name}, which is not installed "
                                f"(pip install {exc.name})") from None
    except ValueError as exc:
        if ":" in name or name in adapters.BUILTIN:
            raise pytest.UsageError(f"--device: {exc}") from None
        close = difflib.get_close_matches(name, adapters.BUILTIN, n=1)
        hint = f"did you mean --backend {close[0]}? " if close else ""
        raise pytest.UsageError(f"--backend: {exc} ({hint}docs/writing-an-adapter.md)") from None
    except (AttributeError, TypeError) as exc:
        raise pytest.UsageError(f"--backend {name}: {exc} (the attribute must be an adapters.Adapter instance; "
                                f"docs/writing-an-adapter.md)") from None


#: Clauses that specify what an optimizer does with overflow, NaN and infinity (``NN.Adam.nonfinite``,
#: ``NN.RMSProp.extreme``): NumPy's floating-point RuntimeWarnings are what they call for, not news. Only
#: their tests ignore them; anywhere else such a warning still shows.
NONFINITE_CLAUSE = re.compile(r"\.(extreme|nonfinite)$")
EXPECTED_FLOAT_WARNINGS = "ignore:(overflow|invalid value|divide by zero) encountered:RuntimeWarning"


def filter_expected_warnings(item, clause: str) -> None:
    if NONFINITE_CLAUSE.search(clause):
        item.add_marker(pytest.mark.filterwarnings(EXPECTED_FLOAT_WARNINGS))


def clause_in_nodeid(nodeid: str) -> str | None:
    """The clause a parametrized test ID starts with (``test_x[LR.a.b/name]`` -> ``LR.a.b``)."""
    match = re.search(r"\[([A-Z][A-Za-z]*(?:\.[A-Za-z0-9_*]+)+)", nodeid)
    return match.group(1) if match else None


class RobustRunner:
    """The pytest plugin: seeds, the stubborn-hang escalation, rerun lines, crashed cases with their clause,
    and the count of tests that never ran."""

    def __init__(self, config) -> None:
        self.config = config
        self.seed: int | None = None
        self.clauses: dict[str, str] = {}  # nodeid -> clause, from reports the controller saw
        self.expected: int | None = None  # tests collected (after selection)
        self.finished: set[str] = set()  # tests with an outcome
        self.never_ran = 0
        self._escalation: threading.Timer | None = None

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
        return [f"optimspec seed: {self.seed} (rerun with --seed {self.seed})"]

    @pytest.fixture
    def seeded_rng(self, request):
        """A NumPy Generator determined by the run's seed and the test's ID."""
        return np.random.default_rng([self.seed, zlib.crc32(request.node.nodeid.encode())])

    def rerun_command(self, nodeid: str) -> str:
        """The command, run from the project's root, that reruns this one case alone."""
        words = ["pytest", nodeid, "--backend", self.config.getoption("--backend"), "--seed", str(self.seed)]
        profile = self.config.getoption("hypothesis_profile", None)
        if profile:
            words += ["--hypothesis-profile", profile]
        return shlex.join(words)

    def pytest_runtest_setup(self, item):
        random.seed(self.seed)
        np.random.seed(self.seed)

    # -- a hang that ignores pytest-timeout's signal ------------------------------------------
    @pytest.hookimpl(optionalhook=True, tryfirst=True)
    def pytest_timeout_set_timer(self, item, settings):
        """Arm the escalation at twice the timeout; pytest-timeout then arms its own (this returns None)."""
        self._escalation = threading.Timer(2 * settings.timeout, self._stop_stubborn_case, (item, settings))
        self._escalation.daemon = True
        self._escalation.start()

    @pytest.hookimpl(optionalhook=True, tryfirst=True)
    def pytest_timeout_cancel_timer(self, item):
        if self._escalation is not None:
            self._escalation.cancel()
            self._escalation = None

    def _stop_stubborn_case(self, item, settings) -> None:
        """The case ignored its timeout for as long again. Without xdist, record it as failed and finish the
        session (clause table, report files) first; then pytest-timeout's thread method dumps the stacks and
        ends the process (under xdist the controller reports the dead worker's case)."""
        if not hasattr(self.config, "workerinput"):
            capture = self.config.pluginmanager.getplugin("capturemanager")
            if capture:
                capture.suspend_global_capture(in_=True)
            message = (f"{item.nodeid}: still running {2 * settings.timeout:g} s after it started, ignoring its "
                       f"{settings.timeout:g} s timeout (a hang outside Python); the run ends here")
            report = TestReport(item.nodeid, item.location, {name: 1 for name in item.keywords}, "failed",
                                message, "call", user_properties=list(item.user_properties))
            report.sections.append(("optimspec rerun", self.rerun_command(item.nodeid)))
            self.config.hook.pytest_runtest_logreport(report=report)
            item.session.exitstatus = pytest.ExitCode.TESTS_FAILED
            self.config.hook.pytest_sessionfinish(session=item.session, exitstatus=item.session.exitstatus)
        pytest_timeout.timeout_timer(item, settings)

    # -- reports ------------------------------------------------------------------------------
    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(self, item, call):
        report = yield
        if report.failed:
            report.sections.append(("optimspec rerun", self.rerun_command(item.nodeid)))
        return report

    def pytest_collection_finish(self, session):
        if not hasattr(self.config, "workerinput"):
            self.expected = len(session.items)

    @pytest.hookimpl(optionalhook=True)
    def pytest_xdist_node_collection_finished(self, node, ids):
        self.expected = max(self.expected or 0, len(ids))

    def pytest_runtest_logreport(self, report):
        clause = dict(report.user_properties).get("clause")
        if clause:
            self.clauses[report.nodeid] = clause
        if report.when == "call" or (report.when == "setup" and not report.passed):
            self.finished.add(report.nodeid)

    @pytest.hookimpl(trylast=True)
    def pytest_sessionfinish(self, session):
        """A run in which collected tests never ran fails, whatever the others did."""
        if self.expected is None or self.config.option.collectonly or hasattr(self.config, "workerinput"):
            return
        self.never_ran = self.expected - len(self.finished)
        if self.never_ran > 0 and session.exitstatus == pytest.ExitCode.OK:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED

    def pytest_terminal_summary(self, terminalreporter):
        if self.never_ran > 0:
            terminalreporter.write_line(
                f"optimspec: {self.never_ran} of {self.expected} collected tests never ran (the run stopped early: "
                f"too many crashed workers (pytest-xdist's --max-worker-restart), -x/--maxfail, or a hang); "
                f"the run fails", red=True, bold=True)

    @pytest.hookimpl(optionalhook=True)
    def pytest_handlecrashitem(self, crashitem, report, sched):
        """xdist: a worker died in a case (segfault, abort, stopped hang). Fail that case, with its clause."""
        clause = self.clauses.get(crashitem) or clause_in_nodeid(crashitem)
        if clause:
            report.user_properties.append(("clause", clause))
        report.when = "call"  # the clause table counts call-phase failures
        timeout = self.config.getoption("timeout", None) or 0
        report.longrepr = (f"{clause or 'no clause'}: the backend crashed or hung in this case: {report.longrepr} "
                           f"(a hang is stopped after {2 * timeout:g} s)\n"
                           f"  rerun: {self.rerun_command(crashitem)}")
