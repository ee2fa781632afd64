"""The end-of-run table: per family, how many clauses passed, are partial, failed, are known differences,
are not applicable to the backend, or have no test at all.

A clause's status follows from the statuses of its tests: ``failed`` if any failed, else ``known-difference``
if any is one, else ``partial`` if some passed and some were n/a (the backend conforms where it could be
compared, and has no equivalent of the rest: never reported ``passed``), else ``passed`` or ``n/a``."""
from __future__ import annotations

from collections import defaultdict

from optimspec.conformance.clauses import families

COLUMNS = ("passed", "partial", "failed", "known-difference", "n/a", "untested")


#: user property of a test that does not use the backend (it checks the spec's own text or data)
BACKEND_INDEPENDENT = "backend_independent"


def outcome(report) -> str | None:
    """Map one pytest report to a clause status (``None`` for reports that say nothing). A backend-independent
    test that passes says nothing about the backend: it can fail a clause, never make it pass."""
    if report.passed and dict(report.user_properties).get(BACKEND_INDEPENDENT):
        return None
    if report.when == "call" or (report.when == "setup" and not report.passed):
        if hasattr(report, "wasxfail"):
            return "failed" if report.passed else "known-difference"  # an XPASS(strict) fails
        if report.skipped:
            return "n/a"
        return "passed" if report.passed else "failed"
    if report.when == "teardown" and report.failed:
        return "failed"
    return None


def clause_status(test_statuses: set[str]) -> str:
    """A clause's status from the set of its tests' statuses (see the module docstring)."""
    for status in ("failed", "known-difference"):
        if status in test_statuses:
            return status
    if test_statuses == {"passed", "n/a"}:
        return "partial"
    return "passed" if "passed" in test_statuses else "n/a"


class ClauseTally:
    def __init__(self) -> None:
        self.seen: dict[str, set[str]] = defaultdict(set)

    def add(self, clause: str, status: str) -> None:
        self.seen[clause].add(status)

    @property
    def status(self) -> dict[str, str]:
        """Each clause with a test's verdict -> its status."""
        return {clause: clause_status(statuses) for clause, statuses in self.seen.items()}

    def rows(self) -> list[tuple[str, dict[str, int]]]:
        rows = []
        status = self.status
        for name, family in families().items():
            counts = defaultdict(int)
            for clause in family.clauses:
                counts[status.get(clause.id, "untested")] += 1
            rows.append((name, dict(counts)))
        return rows

    def render(self, header: str) -> list[str]:
        lines = [header, f"{'family':<10}" + "".join(f"{c:>18}" for c in COLUMNS) + f"{'total':>8}"]
        totals = defaultdict(int)
        for name, counts in self.rows():
            for column in COLUMNS:
                totals[column] += counts.get(column, 0)
            lines.append(f"{name:<10}" + "".join(f"{counts.get(c, 0):>18}" for c in COLUMNS)
                         + f"{sum(counts.values()):>8}")
        lines.append(f"{'all':<10}" + "".join(f"{totals[c]:>18}" for c in COLUMNS) + f"{sum(totals.values()):>8}")
        return lines
