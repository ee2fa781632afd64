"""pytest plugin loaded by the mutant runner (``-p mutants.probe``).

* With ``$OPTIMSPEC_MUTANT_INDEX`` (a ``--collect-only`` run): writes there ``{clause: [test modules]}``
  (JSON), the index ``mutants.selection`` selects from.
* With ``$OPTIMSPEC_MUTANT_CLAUSES`` (a JSON list): deselects every test marked with another clause, so a
  mutant runs only the tests of the clauses its file implements.
* Orders the kept tests: the mutant's clause family first, hypothesis tests after the example-based
  ones (with ``-x`` a mutant is usually killed within the first few tests).
* Writes to ``$OPTIMSPEC_MUTANT_RESULT`` (JSON) the first failing test, its clause and the first
  line of its failure, and which ``reference`` package the run imported (the runner
  checks it is the mutated copy).
"""
from __future__ import annotations

import json
import os
import sys

import pytest

from mutants.selection import CLAUSES_ENV, INDEX_ENV

RESULT_ENV, FAMILY_ENV = "OPTIMSPEC_MUTANT_RESULT", "OPTIMSPEC_MUTANT_FAMILY"
_first_failure: dict = {}


def _clause(item) -> str:
    marker = item.get_closest_marker("clause")
    return marker.args[0] if marker else ""


def _write_index(path: str, items) -> None:
    index: dict[str, set[str]] = {}
    for item in items:
        index.setdefault(_clause(item), set()).add(item.nodeid.split("::")[0])
    with open(path, "w", encoding="utf-8") as handle:
        json.dump({clause: sorted(modules) for clause, modules in index.items() if clause}, handle)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(session, config, items):
    if os.environ.get(INDEX_ENV):
        _write_index(os.environ[INDEX_ENV], items)
    if os.environ.get(CLAUSES_ENV):
        keep = set(json.loads(os.environ[CLAUSES_ENV]))
        dropped = [item for item in items if _clause(item) not in keep]
        items[:] = [item for item in items if _clause(item) in keep]
        config.hook.pytest_deselected(items=dropped)
    family = os.environ.get(FAMILY_ENV, "").split(".")[0]

    def cost(item):
        other_family = _clause(item).split(".")[0] != family
        is_property = getattr(getattr(item, "obj", None), "is_hypothesis_test", False)
        return other_family, is_property

    items.sort(key=cost)


def pytest_runtest_logreport(report):
    if report.failed and not _first_failure:
        clause = dict(report.user_properties).get("clause", "")
        crash = getattr(report.longrepr, "reprcrash", None)
        lines = (crash.message if crash else str(report.longrepr)).strip().splitlines()
        _first_failure.update(nodeid=report.nodeid, clause=clause, message=lines[0] if lines else "")


def pytest_sessionfinish(session, exitstatus):
    path = os.environ.get(RESULT_ENV)
    if not path:
        return
    reference = sys.modules.get("optimspec.reference")
    with open(path, "w", encoding="utf-8") as handle:
        json.dump({"first_failure": _first_failure or None, "reference": getattr(reference, "__file__", None)}, handle)
