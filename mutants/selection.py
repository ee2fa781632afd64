"""Which conformance tests a mutant runs: the tests of the clauses its file implements.

A reference file names the clauses it implements in its docstrings' ``Clauses:`` sections (the clause IDs
from ``Clauses:`` to the next blank line or the end of the docstring) or as bullets opening with the ID
(``* ``LR.functions.return_type`` — ...``); an ID cited in prose elsewhere is a cross-reference, not a claim. A mutant of that file runs only the tests marked with one of those clauses,
collected from the test modules that hold them; a file with no such section (``reference/ops/_apply.py``,
``reference/_checkparam.py``, the package ``__init__``s) runs the whole suite. The clause -> test-module index comes from one ``--collect-only`` run of the suite with the
``mutants.probe`` plugin (``INDEX_ENV``), made once per ``python -m mutants``.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache

from optimspec.conformance.clauses import registry

INDEX_ENV, CLAUSES_ENV = "OPTIMSPEC_MUTANT_INDEX", "OPTIMSPEC_MUTANT_CLAUSES"


@cache
def _clause_pattern() -> re.Pattern:
    """Any registry ID as a whole ID (not the prefix of a longer one: ``NN.Adam.update`` in ``NN.Adam.update_x``)."""
    ids = sorted(registry(), key=len, reverse=True)
    return re.compile(r"(?<![A-Za-z0-9_.])(" + "|".join(map(re.escape, ids)) + r")(?![A-Za-z0-9_]|\.[A-Za-z0-9_])")


SECTION = re.compile(r"Clauses:(.*?)(?:\n[ \t]*\n|\"\"\")", re.DOTALL)
#: a docstring bullet that opens with the clause it states (``* ``LR.functions.return_type`` — ...``)
BULLET = re.compile(r"^[ \t]*\* ``([^`]+)``", re.MULTILINE)


def cited_clauses(text: str) -> frozenset[str]:
    """The registry clause IDs the ``Clauses:`` sections and clause bullets of ``text`` (a reference file's
    source) name."""
    claimed = SECTION.findall(text) + BULLET.findall(text)
    return frozenset(c for section in claimed for c in _clause_pattern().findall(section))


@dataclass(frozen=True)
class Selection:
    """The test modules to collect and the clauses to keep (``clauses`` empty: every test of the suite)."""
    modules: tuple[str, ...]
    clauses: frozenset[str]

    @property
    def full_suite(self) -> bool:
        return not self.clauses

    def env(self) -> dict[str, str]:
        return {CLAUSES_ENV: json.dumps(sorted(self.clauses))} if self.clauses else {}


def select(source: str, index: dict[str, list[str]], suite: str) -> Selection:
    """The tests of the clauses ``source`` (a reference file's text) cites; the whole ``suite`` folder when
    none of them has a test in ``index`` (clause -> test modules)."""
    clauses = frozenset(c for c in cited_clauses(source) if c in index)
    if not clauses:
        return Selection((suite,), frozenset())
    return Selection(tuple(sorted({module for c in clauses for module in index[c]})), clauses)
