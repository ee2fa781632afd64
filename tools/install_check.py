"""Check an installed optimspec beside AdapterHub's ``adapters`` (``tox -e install``; docs/architecture.md,
"One import package").

Run from outside the checkout, after ``pip install --no-deps adapters==1.3.0`` and ``pip install .``:

1. every file of the ``adapters`` distribution still has the hash its RECORD gives, and ``import adapters``
   would load AdapterHub's package (not optimspec's adapters);
2. the ``optimspec`` distribution installed nothing at the top level but ``optimspec/`` (and its dist-info);
3. a MindSpore snippet runs on ``import optimspec.reference as mindspore`` from the installed package;
4. the clause registry and the golden store load from the installed package, and the store verifies;
5. with arguments (``install_check.py --backend reference -n auto``): the conformance suite collected from the
   installed package (its folder, not the checkout's) runs with them, under pytest's options given on the
   command line as a user without the checkout would (``-c`` an empty ini, ``-o xfail_strict=true -o
   enable_assertion_pass_hook=true``).

Prints what it checked; exits 1 naming the first failure, or with the suite's exit status.
"""
from __future__ import annotations

import base64
import hashlib
import importlib.metadata
import importlib.util
import subprocess
import sys
import tempfile
from pathlib import Path

MOMENTUM_EXPECTED = [0.949999988079071, -2.049999952316284]
MIN_CLAUSES = 380


def _record_hash(path: Path) -> str:
    """``sha256=<urlsafe base64, unpadded>``, the hash format of a wheel's RECORD."""
    digest = hashlib.sha256(path.read_bytes()).digest()
    return "sha256=" + base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def check_adapterhub_untouched() -> str:
    dist = importlib.metadata.distribution("adapters")
    hashed = [f for f in dist.files if f.hash is not None]
    changed = [str(f) for f in hashed if _record_hash(Path(f.locate())) != f"{f.hash.mode}={f.hash.value}"]
    if changed:
        raise AssertionError(f"optimspec's install changed AdapterHub's files: {changed[:5]}")
    origin = Path(importlib.util.find_spec("adapters").origin).resolve()
    if origin not in {Path(f.locate()).resolve() for f in dist.files}:
        raise AssertionError(f"`import adapters` loads {origin}, not AdapterHub's adapters {dist.version}")
    return f"AdapterHub adapters {dist.version}: {len(hashed)} files as its RECORD says; `import adapters` is its"


def check_optimspec_top_level() -> str:
    dist = importlib.metadata.distribution("optimspec")
    top = {f.parts[0] for f in dist.files if not f.parts[0].endswith(".dist-info")}
    if top != {"optimspec"}:
        raise AssertionError(f"optimspec installed top-level names {sorted(top)}, expected only ['optimspec']")
    return f"optimspec {dist.version}: {len(dist.files)} files, all under optimspec/"


def check_snippet() -> str:
    import numpy as np

    import optimspec.reference as mindspore
    from optimspec.reference import Parameter, Tensor, nn

    if "site-packages" not in mindspore.__file__:
        raise AssertionError(f"optimspec.reference came from {mindspore.__file__}, not the installed package")
    w = Parameter(Tensor(np.array([1.0, -2.0], np.float32)), name="w")
    optimizer = nn.Momentum([w], learning_rate=0.1, momentum=0.9)
    optimizer((Tensor(np.array([0.5, 0.5], np.float32)),))
    got = w.asnumpy().tolist()
    if got != MOMENTUM_EXPECTED:
        raise AssertionError(f"nn.Momentum step gave {got}, expected {MOMENTUM_EXPECTED}")
    return f"nn.Momentum on optimspec.reference (MindSpore {mindspore.__version__}) from the installed package: {got}"


def check_data() -> str:
    from optimspec.conformance.clauses import registry
    from optimspec.golden import store

    clauses = registry()
    if len(clauses) < MIN_CLAUSES:
        raise AssertionError(f"the installed clause registry holds {len(clauses)} clauses, expected >= {MIN_CLAUSES}")
    problems = store.verify()
    if problems:
        raise AssertionError("the installed golden store does not verify: " + "; ".join(problems[:3]))
    return f"{len(clauses)} clauses and the golden store ({store.DATA}) load from the installed package"


def run_installed_suite(args: list[str]) -> int:
    """``pytest <installed optimspec/conformance> ARGS`` with the project's pytest options on the command line."""
    import optimspec.conformance

    suite = Path(optimspec.conformance.__file__).parent
    with tempfile.TemporaryDirectory(prefix="optimspec-install-") as empty:
        ini = Path(empty) / "pytest.ini"
        ini.write_text("[pytest]\n")
        command = [sys.executable, "-m", "pytest", str(suite), "-c", str(ini), "--rootdir", empty, "-p",
                   "no:cacheprovider", "-o", "xfail_strict=true", "-o", "enable_assertion_pass_hook=true", *args]
        print("running", " ".join(command), flush=True)
        return subprocess.run(command, cwd=empty).returncode


def main(args: list[str]) -> int:
    for check in (check_adapterhub_untouched, check_optimspec_top_level, check_snippet, check_data):
        try:
            print(f"ok  {check()}")
        except AssertionError as failure:
            print(f"FAIL  {check.__name__}: {failure}")
            return 1
    return run_installed_suite(args) if args else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
