"""Golden generation in isolation: ``python -m optimspec.golden`` runs its generators in a fresh subprocess whose
import system refuses the packages the goldens must be independent of.

The AST lint of ``tests/test_independence.py`` sees only literal imports; this hook also stops an
``importlib.import_module`` of a computed name, an ``__import__``, and an indirect import through a
package that itself uses the reference (``docs._gen.plots``). A meta-path finder placed first on
``sys.meta_path`` raises ``ImportError`` for ``reference``, ``adapters``, ``conformance`` and ``docs``
and their submodules, also under the ``optimspec.`` package prefix. The subprocess starts with none of
them imported (``install`` checks), so ``sys.modules`` cannot hand one over either.
"""
from __future__ import annotations

import importlib.abc
import subprocess
import sys
from typing import Callable

REFUSED = ("reference", "adapters", "conformance", "docs")
#: the subprocess's program: the hook first, then ``python -m optimspec.golden`` with the same arguments
CHILD = ("import runpy, optimspec.golden.isolation as i; i.install(); "
         "runpy.run_module('optimspec.golden', run_name='__main__', alter_sys=True)")


def refused(fullname: str) -> bool:
    """True for ``reference``, ``reference.nn``, ``optimspec.docs._gen`` ... (every REFUSED package)."""
    parts = fullname.split(".")
    if parts[0] == "optimspec" and len(parts) > 1:
        parts = parts[1:]
    return parts[0] in REFUSED


class RefuseImports(importlib.abc.MetaPathFinder):
    """Raises ``ImportError`` for every module :func:`refused` names; lets every other import through."""

    def find_spec(self, fullname, path, target=None):
        if refused(fullname):
            raise ImportError(f"golden generation must not import {fullname!r}: the goldens are derived independently "
                              f"of {', '.join(REFUSED)} (golden/isolation.py, docs/golden-format.md)", name=fullname)
        return None


def install() -> None:
    """Put :class:`RefuseImports` first on ``sys.meta_path``; fail if a refused module is already imported."""
    loaded = sorted(name for name in sys.modules if refused(name))
    if loaded:
        raise ImportError(f"refused modules were imported before the golden import hook: {loaded}")
    sys.meta_path.insert(0, RefuseImports())


def installed() -> bool:
    return any(isinstance(finder, RefuseImports) for finder in sys.meta_path)


def run_isolated(main: Callable[[], int]) -> int:
    """``main()`` where the hook is installed (the subprocess); elsewhere, start the subprocess with the same
    arguments and return its exit status."""
    if installed():
        return main()
    return subprocess.run([sys.executable, "-c", CHILD, *sys.argv[1:]]).returncode
