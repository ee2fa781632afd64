"""pytest plugin loaded by the mutant runner (``-p mutants.probe``).

* Orders the collected tests: the mutant's clause family first, hypothesis tests after the
  example-based ones (with ``-x`` a mutant is usually killed within the first few tests).
* Writes to ``$OPTIMSPEC_MUTANT_RESULT`` (JSON) the first failing test, its clause and the first
  line of its failure, and which ``reference`` package the run imported (the runner checks it is
  the mutated copy).
"""
from __future__ import annotations

import json
import os
import sys

import pytest

RESULT_ENV, FAMILY_ENV = "OPTIMSPEC_MUTANT_RESULT", "OPTIMSPEC_MUTANT_FAMILY"
_first_failure: dict = {}


def _clause(item) -> str:
    marker = item.get_closest_marker("clause")
    return marker.args[0] if marker else ""


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(session, config, items):
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
    reference = sys.modules.get("reference")
    with open(path, "w", encoding="utf-8") as handle:
        json.dump({"first_failure": _first_failure or None,
                   "reference": getattr(reference, "__file__", None)}, handle)
