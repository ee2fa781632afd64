"""Every clause of the registry is cited everywhere it must be: a docs section with its anchor, the
reference source (unless the clause says why not, with ``reference_exempt``), and at least one
conformance test; the docs name no clause that does not exist, and the generated docs are current."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from optimspec.conformance.clauses import families, registry
from docs import gen

ROOT = Path(__file__).resolve().parent.parent
#: Collects the conformance suite and prints ``{clause: [test ids]}`` from the clause markers.
COLLECT = """
import json, sys, pytest
class Clauses:
    found = {}
    def pytest_collection_finish(self, session):
        for item in session.items:
            marker = item.get_closest_marker("clause")
            if marker:
                self.found.setdefault(marker.args[0], []).append(item.nodeid)
plugin = Clauses()
code = pytest.main(["conformance", "--collect-only", "-q", "-p", "no:cacheprovider"],
                   plugins=[plugin])
print("CLAUSES=" + json.dumps(plugin.found))
sys.exit(code)
"""


def cited(clause_id: str, text: str) -> bool:
    """``clause_id`` occurs in ``text`` as a whole ID (not as the prefix of a longer one)."""
    return re.search(re.escape(clause_id) + r"(?!\.?[A-Za-z0-9_])", text) is not None


@cache
def reference_source() -> str:
    return "\n".join(path.read_text() for path in sorted((ROOT / "reference").rglob("*.py")))


@cache
def clauses_under_test() -> dict[str, list[str]]:
    done = subprocess.run([sys.executable, "-c", COLLECT], cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"})
    line = next((line for line in done.stdout.splitlines() if line.startswith("CLAUSES=")), None)
    assert done.returncode == 0 and line, f"collecting conformance/ failed:\n{done.stdout[-3000:]}{done.stderr[-3000:]}"
    return json.loads(line.removeprefix("CLAUSES="))


CLAUSES = [pytest.param(clause, id=clause.id) for clause in registry().values()]


@pytest.mark.parametrize("clause", CLAUSES)
def test_clause_has_docs_anchor(clause):
    page = ROOT / "docs" / "spec" / f"{families()[clause.family].page}.md"
    text = page.read_text() if page.exists() else ""
    assert f'<a id="{clause.id}"></a>' in text, f"{clause.id} has no section in {page.relative_to(ROOT)}: run `python -m docs.gen`"


@pytest.mark.parametrize("clause", CLAUSES)
def test_clause_is_cited_in_reference(clause):
    if clause.reference_exempt:
        assert clause.reference_exempt.strip(), f"{clause.id}: reference_exempt needs a reason"
        return
    assert cited(clause.id, reference_source()), (
        f"{clause.id} is cited nowhere in reference/**/*.py: add it to the docstring of the code that implements "
        f"it (\"Clauses: ...\"), or give the clause a reference_exempt = \"<why>\" in its TOML")


@pytest.mark.parametrize("clause", CLAUSES)
def test_clause_has_a_test(clause):
    assert clause.id in clauses_under_test(), (
        f"no conformance test is marked @pytest.mark.clause({clause.id!r}) (nor a golden case names it)")


def _citeable_names() -> set[str]:
    """Clause IDs, the namespaces they sit in (``OPTIM.nn``), and mutant IDs (``LR.cosine-float32``)."""
    from mutants.catalogue import MUTANTS

    namespaces = {clause_id.rsplit(".", depth)[0] for clause_id in registry() for depth in (1, 2)}
    return set(registry()) | namespaces | {mutant.id for mutant in MUTANTS}


def test_docs_name_only_existing_clauses():
    prefixes = "|".join(map(re.escape, sorted(families(), key=len, reverse=True)))
    pattern = re.compile(rf"(?<![A-Za-z0-9_.])(?:{prefixes})(?:\.[A-Za-z0-9_*-]+)+")
    known = _citeable_names()
    unknown = []
    for path in sorted((ROOT / "docs").rglob("*.md")):
        if "tutorial" in path.relative_to(ROOT / "docs").parts:
            continue  # MindSpore's own text
        for match in pattern.finditer(path.read_text()):
            if match.group(0).rstrip(".") not in known:
                unknown.append(f"{path.relative_to(ROOT)}: {match.group(0)}")
    assert not unknown, f"docs name clauses that do not exist: {unknown}"


def test_generated_docs_are_current():
    stale = gen.problems()
    assert not stale, "the generated docs are stale; run `python -m docs.gen` (plots: `tox -e docs`):\n" + "\n".join(stale)
