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

from optimspec.conformance import verdict

verdict.leave_unrewritten("hypothesis")  # before anything imports it

from hypothesis import HealthCheck, settings  # noqa: E402

from optimspec import adapters  # noqa: E402
from optimspec.adapters.base import NotApplicable  # noqa: E402
from optimspec.conformance import known_differences, runner  # noqa: E402
from optimspec.conformance.boundary import CheckedAdapter  # noqa: E402
from optimspec.conformance.clauses import registry  # noqa: E402
from optimspec.conformance.report import add_report_option, describe, register_report  # noqa: E402
from optimspec.conformance.summary import BACKEND_INDEPENDENT, ClauseTally, outcome  # noqa: E402
from optimspec.golden import store  # noqa: E402

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


KNOWN = pytest.StashKey[known_differences.KnownDifference]()


def _test_id(item) -> str | None:
    """The parametrized ID of a test (``LR.a.b/label`` of ``test_x[LR.a.b/label]``), ``None`` for none."""
    callspec = getattr(item, "callspec", None)
    return callspec.id if callspec is not None else None


def pytest_collection_modifyitems(session, config, items):
    adapter = config._optimspec_adapter
    try:
        known = [difference for difference in known_differences.load_all(adapter.known_differences_paths)
                 if difference.holds_for(adapter.describe())]
    except ValueError as exc:
        raise pytest.UsageError(f"known differences: {exc}") from None
    matched = set()
    for item in items:
        clause = _clause_of(item)
        if clause is None:
            raise pytest.UsageError(f"{item.nodeid} names no clause: mark it with @pytest.mark.clause(...)")
        if clause not in registry():
            raise pytest.UsageError(f"{item.nodeid} names unknown clause {clause}")
        test_id = _test_id(item)
        if test_id is None or not (test_id == clause or test_id.startswith(clause + "/")):
            raise pytest.UsageError(f"{item.nodeid}: its test ID must start with its clause ID {clause} "
                                    f"(e.g. [{clause}/label]; conformance.marks.clause_test for a test without parameters)")
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
                if KNOWN in item.stash:
                    raise pytest.UsageError(f"{item.name} matches two known differences: "
                                            f"{item.stash[KNOWN].test!r} and {difference.test!r}")
                item.stash[KNOWN] = difference
    stale = [d.test for d in known if d not in matched]
    if stale and _is_full_run(config):
        raise pytest.UsageError(f"known differences of {config._optimspec_adapter.name} match no test "
                                f"(remove them): {stale}")


def pytest_assertion_pass(item, lineno, orig, expl):
    """A passing ``assert`` of a test module is a comparison (``enable_assertion_pass_hook`` in pyproject.toml);
    one of another rewritten module (hypothesis' own) is not."""
    if verdict.asserted_in(item.path.parent):
        verdict.record()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """Count the call's comparisons; a test that used the backend and compared nothing fails."""
    verdict.start()
    try:
        result = yield
    except BaseException as exc:
        if _traceback_unused(item, exc):
            _drop_tracebacks(exc)
        raise exc
    finally:
        compared = verdict.finish()
        item.user_properties.append(("compared", compared))
    if compared == 0 and "backend" in item.fixturenames:
        raise verdict.NothingCompared(f"{_clause_of(item)}: {item.name} used the backend and compared nothing "
                                      f"with the spec")
    return result


def _excused(item, exc: BaseException | None) -> bool:
    """Whether ``exc``, what the call raised, is the failure the test's known difference states."""
    return (KNOWN in item.stash and exc is not None and not isinstance(exc, NotApplicable)
            and item.stash[KNOWN].excuses(exc))


def _traceback_unused(item, exc: BaseException) -> bool:
    """Whether the report of a call that raised ``exc`` shows no traceback, as :func:`pytest_runtest_makereport`
    decides: the failure a known difference states (the entry's text replaces it) or, with no entry, an n/a case
    (its reason does)."""
    return _excused(item, exc) or (KNOWN not in item.stash and isinstance(exc, NotApplicable))


def _drop_tracebacks(exc: BaseException) -> None:
    """Clear the tracebacks of ``exc``, its causes, contexts and group members, so that pytest does not format
    them. pytest formats a failed call's traceback before any hook can replace the report, reading the source of
    every frame (MindSpore's, hypothesis'): for the known differences and n/a cases, whose tracebacks no report
    shows, 6.4 of a 2-worker 2.10.0 PyNative run's CPU seconds, 0.5 after (``docs/performance.md``)."""
    pending, seen = [exc], set()
    while pending:
        current = pending.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        current.__traceback__ = None
        pending += [current.__cause__, current.__context__, *getattr(current, "exceptions", ())]


def _judge_known_difference(item, call, report) -> None:
    """A known difference's test must fail exactly as the entry states (then: a known difference, or n/a for
    ``unsupported``); a pass or any other failure fails the test, saying what the entry expected."""
    difference = item.stash[KNOWN]
    exc = call.excinfo.value if call.excinfo is not None else None
    if _excused(item, exc):
        report.outcome = "skipped"
        if difference.kind == "unsupported":
            report.longrepr = (str(item.path), item.location[1] or 0, f"unsupported: {difference.describe()}")
        else:
            report.wasxfail = difference.describe()
        return
    prefix = "[XPASS(strict)] the backend now conforms; remove the known difference" if exc is None else (
        "the test failed otherwise than its known difference states")
    text = f"{prefix} {difference.test!r} ({difference.expected_failure()}): it " \
           f"{known_differences.observed_failure(exc)}"
    report.outcome = "failed"
    report.longrepr = text + ("" if exc is None else "\n" + str(report.longreprtext))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    result = yield
    report = result.get_result()
    if call.when == "call" and KNOWN in item.stash:
        _judge_known_difference(item, call, report)
    elif call.excinfo is not None and call.excinfo.errisinstance(NotApplicable):
        report.outcome = "skipped"
        report.longrepr = (str(item.path), item.location[1] or 0, f"not applicable: {call.excinfo.value}")
    if report.skipped and not hasattr(report, "wasxfail") and item.config._optimspec_adapter.complete:
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = (f"{_clause_of(item)}: {item.config._optimspec_adapter.name} defines every clause, so "
                           f"nothing may be n/a or skipped here: {reason}")


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
