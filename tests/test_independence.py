"""Two independent statements of the truth: golden/ never imports reference/, reference/ never imports
golden/ (nor conformance/ or adapters/); conformance/ reaches the reference only through its adapter.

The AST lint sees literal imports; the import hook of ``golden/isolation.py`` (``python -m optimspec.golden`` runs
its generators in a subprocess that refuses reference, adapters, conformance and docs) is proved to fire
on what the lint cannot see: a computed ``importlib.import_module``, ``__import__``, an import through
docs/. Imports go through the ``optimspec`` package (``optimspec.reference`` is ``reference/``); the lint reads
``optimspec.X`` and ``from optimspec import X`` as imports of ``X``."""
from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN = {
    "golden": {"reference", "adapters", "conformance", "docs"},
    "reference": {"golden", "adapters", "conformance"},
    "conformance": {"reference"},
}


def _package(module: str) -> str:
    """The project folder (or outside package) a module name lies in: ``optimspec.reference.nn`` -> ``reference``."""
    parts = module.split(".")
    return parts[1] if parts[0] == "optimspec" and len(parts) > 1 else parts[0]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {_package(alias.name) for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module == "optimspec" and node.level == 0:
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(_package(node.module))
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in (
                "import_module", "__import__") and node.args and isinstance(node.args[0], ast.Constant):
            names.add(_package(str(node.args[0].value)))
    return names


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_does_not_import_forbidden(package):
    offenders = {}
    for path in sorted((ROOT / package).rglob("*.py")):
        bad = _imports(path) & FORBIDDEN[package]
        if bad:
            offenders[str(path.relative_to(ROOT))] = sorted(bad)
    assert not offenders, f"{package}/ must not import {sorted(FORBIDDEN[package])}: {offenders}"


def _python(code: str, cwd: Path = ROOT, *args: str) -> subprocess.CompletedProcess:
    """``python -c CODE ARGS`` in ``cwd``, whose folders (a copy of golden/) come before the checkout's in optimspec."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "OPTIMSPEC_OVERLAY": str(cwd), "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run([sys.executable, "-c", code, *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=120)


HOOKED = "import optimspec.golden.isolation as i, importlib, sys; i.install(); importlib.import_module(sys.argv[1])"


@pytest.mark.parametrize("name, refused", [("reference", "reference"), ("reference.nn.optim", "reference"),
                                            ("adapters", "adapters"), ("conformance.clauses", "conformance"),
                                            ("docs._gen.plots", "docs"), ("optimspec.reference", "optimspec.reference"),
                                            ("optimspec.docs._gen", "optimspec.docs")])
def test_import_hook_refuses(name, refused):
    done = _python(HOOKED, ROOT, name)
    assert done.returncode != 0 and f"golden generation must not import {refused!r}" in done.stderr, done.stderr[-2000:]


@pytest.mark.parametrize("name", ["optimspec.reference.nn.optim", "docs._gen.plots"])
def test_the_same_import_works_without_the_hook(name):
    done = _python("import importlib, sys; importlib.import_module(sys.argv[1])", ROOT, name)
    assert done.returncode == 0, done.stderr[-2000:]


def test_hook_refuses_a_module_imported_before_it():
    done = _python("import optimspec.reference, optimspec.golden.isolation as i; i.install()")
    assert done.returncode != 0 and "imported before the golden import hook: ['optimspec.reference'" in done.stderr, \
        done.stderr


SNEAKY_GENERATORS = {
    "direct": "import optimspec.reference.nn.dynamic_lr",
    "importlib": "import importlib\nimportlib.import_module('optimspec.ref' + 'erence')",
    "dunder": "__import__('optimspec.adapt' + 'ers')",
    "through_docs": "from docs._gen import plots",
}


@pytest.mark.parametrize("how", sorted(SNEAKY_GENERATORS))
def test_python_m_golden_refuses_a_generator_that_imports_the_reference(tmp_path, how):
    """A generator in a copy of golden/ that reaches the reference fails ``python -m optimspec.golden`` and writes
    nothing."""
    shutil.copytree(ROOT / "golden", tmp_path / "golden", ignore=shutil.ignore_patterns("__pycache__"))
    stem = f"sneaky_{how}"
    (tmp_path / "golden" / f"{stem}.py").write_text(
        f"FILE = {stem + '.json'!r}\n\n\ndef build():\n    {SNEAKY_GENERATORS[how].replace(chr(10), chr(10) + '    ')}\n"
        "    return []\n")
    done = _python("import runpy; runpy.run_module('optimspec.golden', run_name='__main__', alter_sys=True)", tmp_path,
                   "--only", stem)
    assert done.returncode != 0 and "golden generation must not import" in done.stderr, done.stderr[-2000:]
    assert not (tmp_path / "golden" / "data" / f"{stem}.json").exists()
