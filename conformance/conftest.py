"""pytest wiring of the conformance suite: backend choice, report header, known differences,
not-applicable cases, hypothesis profiles, and the clause table at the end of the run.

Options: ``--backend NAME`` (default ``reference``; or ``module:attribute``), ``--device NAME`` (default
``cpu``; given to ``Adapter.configure``: a device the backend cannot use is a usage error), ``--mindspore-mode
pynative|graph`` (the mindspore backend's execution mode, default pynative; a usage error for other backends).
"""
from __future__ import annotations

import platform
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, settings

import adapters
from adapters.base import NotApplicable
from conformance import known_differences, runner
from conformance.boundary import CheckedAdapter
from conformance.clauses import registry
from conformance.report import add_report_option, describe, register_report
from conformance.summary import BACKEND_INDEPENDENT, ClauseTally, outcome
from golden import store

settings.register_profile("dev", max_examples=10, deadline=None)
settings.register_profile("ci", max_examples=40, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=1000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci")


def pytest_addoption(parser):
    group = parser.getgroup("optimspec")
    group.addoption("--backend", default="reference",
                    help="backend to judge: reference, mindspore, or module:attribute (default: reference)")
    group.addoption("--device", default="cpu", help="device the backend computes on: cpu (default), cuda, cuda:N ...")
    group.addoption("--mindspore-mode", choices=("pynative", "graph"), default=None,
                    help="MindSpore's execution mode for the mindspore backend: pynative (its default) or graph")
    runner.add_options(group)
    add_report_option(group)


def pytest_configure(config):
    config.addinivalue_line("markers", "clause(id): the specification clause a test checks")
    broken = store.verify()  # cheap (digests, counts, floor; no sympy): a shrunk store never runs fewer tests
    if broken:
        raise pytest.UsageError("the golden store is incomplete or corrupt:\n  " + "\n  ".join(broken))
    config._optimspec_adapter = runner.load_backend(config.getoption("--backend"), config.getoption("--device"))
    mode = config.getoption("--mindspore-mode")
    if mode is not None:
        if not hasattr(config._optimspec_adapter, "set_mindspore_mode"):
            raise pytest.UsageError(f"--mindspore-mode: the {config._optimspec_adapter.name} backend has no "
                                    "MindSpore execution mode")
        config._optimspec_adapter.set_mindspore_mode(mode)
    config.pluginmanager.register(_ClauseTablePlugin(config._optimspec_adapter), "optimspec-clause-table")
    runner.configure_timeout(config)
    config.pluginmanager.register(runner.RobustRunner(config), "optimspec-runner")
    register_report(config)


def pytest_report_header(config):
    adapter = config._optimspec_adapter
    info = describe(adapter)
    details = ", ".join(f"{k}={v}" for k, v in info.items() if k != "backend")
    return [f"optimspec: spec {store.SPEC_VERSION}, golden format v{store.FORMAT_VERSION}, mirrors {store.MIRRORS}",
            f"optimspec backend: {info['backend']} ({details})",
            f"optimspec host: python {platform.python_version()}, numpy {np.__version__}"]


@pytest.fixture(scope="session")
def backend(pytestconfig):
    """The adapter under test (imported once per session), its returned values type-checked."""
    return CheckedAdapter(pytestconfig._optimspec_adapter)


@pytest.fixture(scope="session")
def reference_backend():
    """The reference adapter, for differential checks."""
    return adapters.load("reference")


def _clause_of(item) -> str | None:
    marker = item.get_closest_marker("clause")
    return marker.args[0] if marker else None


def _is_full_run(config) -> bool:
    """Whole suite collected: no -k/-m selection and no path narrower than the conformance folder."""
    suite = Path(__file__).resolve().parent
    return not (config.getoption("keyword") or config.getoption("markexpr")
                or any("::" in arg or Path(config.invocation_params.dir, arg).resolve() != suite
                       for arg in config.args))


def pytest_collection_modifyitems(session, config, items):
    adapter = config._optimspec_adapter
    known = [difference for difference in known_differences.load_all(adapter.known_differences_paths)
             if difference.holds_for(adapter.describe())]
    matched = set()
    for item in items:
        clause = _clause_of(item)
        if clause is None and item.get_closest_marker("skip"):
            continue  # an empty parametrization (e.g. no golden of that kind yet): nothing to check
        if clause is None:
            raise pytest.UsageError(f"{item.nodeid} names no clause: mark it with @pytest.mark.clause(...)")
        if clause not in registry():
            raise pytest.UsageError(f"{item.nodeid} names unknown clause {clause}")
        item.user_properties.append(("clause", clause))
        runner.filter_expected_warnings(item, clause)
        if "backend" not in item.fixturenames:
            item.user_properties.append((BACKEND_INDEPENDENT, True))
        for difference in known:
            if difference.matches(item.name):
                matched.add(difference)
                if difference.clause != clause:
                    raise pytest.UsageError(f"known difference {difference.test!r} says {difference.clause} "
                                            f"but {item.name} checks {clause}")
                if difference.kind == "unsupported":
                    item.add_marker(pytest.mark.skip(reason=f"unsupported: {difference.describe()}"))
                else:
                    item.add_marker(pytest.mark.xfail(strict=True, reason=difference.describe()))
    stale = [d.test for d in known if d not in matched]
    if stale and _is_full_run(config):
        raise pytest.UsageError(f"known differences of {config._optimspec_adapter.name} match no test "
                                f"(remove them): {stale}")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    result = yield
    report = result.get_result()
    if call.excinfo is not None and call.excinfo.errisinstance(NotApplicable) and not hasattr(report, "wasxfail"):
        report.outcome = "skipped"
        report.longrepr = (str(item.path), item.location[1] or 0, f"not applicable: {call.excinfo.value}")


class _ClauseTablePlugin:
    """Collects each report's clause status (on the xdist controller too) and prints the table."""

    def __init__(self, adapter) -> None:
        self.adapter = adapter
        self.tally = ClauseTally()

    def pytest_runtest_logreport(self, report):
        status = outcome(report)
        clause = dict(report.user_properties).get("clause")
        if status and clause:
            self.tally.add(clause, status)

    def pytest_terminal_summary(self, terminalreporter):
        if not self.tally.status:
            return
        info = describe(self.adapter)
        for line in self.tally.render(f"optimspec clauses against {info['backend']} {info['version']}"):
            terminalreporter.write_line(line)
