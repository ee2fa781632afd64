"""The house plan of docs/architecture.md ("The house plan: nine families, one naming rule") stays true: every family
has its places, named by the rule, and nothing outside the plan sits in the planned folders."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from optimspec.conformance.clauses import families

ROOT = Path(__file__).resolve().parent.parent
FAMILIES = ("LR", "LRS", "OPTIM", "NN", "OPS", "EXP", "SCHED", "MINT", "ERRATA")
SLUGS = tuple(name.lower() for name in FAMILIES)
#: the shared machinery of golden/ (not a family's generator)
GOLDEN_SHARED = {"__init__.py", "__main__.py", "exact.py", "isolation.py", "primitive.py", "store.py", "trajectory.py"}
#: conformance/ modules that are the suite's machinery, not a family's tests
CONFORMANCE_SHARED = {"__init__.py", "boundary.py", "conftest.py", "golden_cases.py", "known_differences.py", "marks.py",
                      "messages.py", "verdict.py",
                      "primitives.py", "report.py", "runner.py", "summary.py", "tolerance.py", "trajectory.py",
                      "validation.py"}
BACKENDS = sorted(path.parent.parent.name for path in (ROOT / "adapters").glob("*/known_differences/*.toml"))


def _family_prefixed(name: str) -> bool:
    return re.fullmatch(rf"({'|'.join(SLUGS)})(_[a-z0-9_]+)?", name) is not None


def test_the_plan_names_the_nine_families():
    assert tuple(families()) == tuple(sorted(FAMILIES)), "docs/architecture.md names nine families, the registry others"
    plan = (ROOT / "docs" / "architecture.md").read_text()
    for name in FAMILIES:
        assert f"| `{name}` / `{name.lower()}` |" in plan, f"docs/architecture.md's plan does not name family {name}"


@pytest.mark.parametrize("family", FAMILIES)
def test_every_family_has_its_places(family):
    slug = family.lower()
    clause_files = sorted((ROOT / "conformance" / "clauses" / slug).glob("*.toml"))
    assert clause_files, f"conformance/clauses/{slug}/ holds no clause file"
    for path in clause_files:
        assert tomllib.loads(path.read_text())["family"] == family, f"{path.relative_to(ROOT)} declares another family"
    assert list((ROOT / "conformance").glob(f"test_{slug}_*.py")), f"no conformance/test_{slug}_*.py"
    page = families()[family].page
    assert (ROOT / "docs" / "spec" / f"{page}.md").is_file(), f"docs/spec/{page}.md (family {family}) is missing"
    if family != "ERRATA":  # the errata are the tutorial's text: no reference code to plant a bug in
        assert (ROOT / "mutants" / "catalogue" / f"{slug}.py").is_file(), f"mutants/catalogue/{slug}.py is missing"


def test_clause_folders_hold_only_family_folders():
    clauses = ROOT / "conformance" / "clauses"
    for path in clauses.iterdir():
        if path.name in ("__init__.py", "__pycache__"):
            continue
        assert path.is_dir() and path.name in SLUGS, f"conformance/clauses/{path.name} is outside the plan"
        for inner in path.iterdir():
            assert inner.suffix == ".toml" and re.fullmatch(r"[a-z0-9_]+", inner.stem), \
                f"{inner.relative_to(ROOT)} is not <family>/<topic>.toml"


def test_conformance_files_follow_the_rule():
    for path in (ROOT / "conformance").glob("*.py"):
        if path.name in CONFORMANCE_SHARED:
            continue
        assert path.name.startswith("test_") and _family_prefixed(path.stem.removeprefix("test_")), \
            f"conformance/{path.name} is neither test_<family>_<aspect>.py nor shared machinery"
    for path in (ROOT / "conformance" / "cases").glob("*.py"):
        if path.name != "__init__.py":
            assert _family_prefixed(path.stem), f"conformance/cases/{path.name} is not <family>_<topic>.py"


def test_goldens_follow_the_rule():
    golden = ROOT / "golden"
    for path in golden.glob("*.py"):
        assert path.name in GOLDEN_SHARED, f"golden/{path.name}: generators live in golden/<family>/<topic>.py"
    for folder in (p for p in golden.iterdir() if p.is_dir() and p.name not in ("data", "sources", "__pycache__")):
        assert folder.name in SLUGS, f"golden/{folder.name}/ is not a family"
    for path in (golden / "data").iterdir():
        stem = path.name.removesuffix(".json")
        family, _, topic = stem.partition("_")
        assert path.suffix == ".json" and family in SLUGS and (golden / family / f"{topic}.py").is_file(), \
            f"golden/data/{path.name} has no generator golden/{family}/{topic}.py"


@pytest.mark.parametrize("backend", BACKENDS)
def test_known_differences_are_one_file_per_family_with_entries(backend):
    folder = ROOT / "adapters" / backend / "known_differences"
    assert not list(folder.parent.glob("known_differences*.toml")), f"adapters/{backend}: stray known_differences*.toml"
    for path in folder.iterdir():
        assert path.suffix == ".toml" and path.stem in SLUGS, f"{path.relative_to(ROOT)} is not <family>.toml"
        entries = tomllib.loads(path.read_text()).get("difference", [])
        assert entries, f"{path.relative_to(ROOT)} has no entry: remove it"
        for entry in entries:
            assert entry["clause"].split(".")[0] == path.stem.upper(), \
                f"{path.relative_to(ROOT)}: {entry['clause']} belongs to another family's file"


def test_mutant_catalogue_files_are_families():
    for path in (ROOT / "mutants" / "catalogue").glob("*.py"):
        assert path.name == "__init__.py" or path.stem in SLUGS, f"mutants/catalogue/{path.name} is not <family>.py"


def test_one_import_package_installs_every_folder():
    """pyproject's package list is every package folder of the four parts, under ``optimspec`` (docs/architecture.md,
    "One import package"), and ``optimspec/`` holds nothing but its ``__init__.py``."""
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    parts = ("reference", "golden", "conformance", "adapters")
    folders = {"optimspec"} | {"optimspec." + ".".join(init.parent.relative_to(ROOT).parts)
                               for part in parts for init in (ROOT / part).rglob("__init__.py")}
    assert sorted(setuptools["packages"]) == sorted(folders)
    assert setuptools["package-dir"] == {f"optimspec.{part}": part for part in parts}
    assert sorted(p.name for p in (ROOT / "optimspec").iterdir() if p.name != "__pycache__") == ["__init__.py"]
