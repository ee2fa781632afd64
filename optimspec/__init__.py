"""optimspec, the import package: an executable specification of MindSpore 2.x optimizer and learning-rate semantics.

Its subpackages are the repository's four top-level folders: ``optimspec.reference`` (``reference/``, the NumPy
reference with MindSpore's API: ``import optimspec.reference as mindspore``), ``optimspec.golden``,
``optimspec.conformance`` and ``optimspec.adapters``. Installed (``pip install .``), setuptools' ``package-dir``
puts them under ``optimspec/`` and nothing else at the top level, so optimspec never shadows the distributions
that own the plain names (AdapterHub's ``adapters``, for one). In a checkout (this folder beside pyproject.toml
and ``reference/``), the repository root is added to this package's ``__path__``, so the folders are imported as
they are. ``OPTIMSPEC_OVERLAY`` (folders, ``os.pathsep``-separated) is searched first: the mutant runner's
mutated copy of ``reference/``.
"""
import os
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent
if (_CHECKOUT / "pyproject.toml").is_file() and (_CHECKOUT / "reference" / "__init__.py").is_file():
    __path__.append(str(_CHECKOUT))
if os.environ.get("OPTIMSPEC_OVERLAY"):
    __path__[:0] = os.environ["OPTIMSPEC_OVERLAY"].split(os.pathsep)
