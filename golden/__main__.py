"""``python -m optimspec.golden``: regenerate every golden file; ``python -m optimspec.golden --check``: verify them.

Regeneration is deterministic (byte-identical on every run and machine) and atomic: everything is
computed first, then the whole store is written into ``golden/.staging/`` and moved into place at once
(``golden.store.commit``). ``--check`` exits 1 naming the file when the store is incomplete or corrupt
(``golden.store.verify``: MANIFEST or floor missing, empty or corrupt, a missing, shrunk, edited or stray
file) or when a committed golden is stale (the first differing case with its old and new values), and
prints the command that fixes it; 0 otherwise.

The generators run in parallel, one process per core. A file's generation is reused from
``.golden-cache/`` (git-ignored) when neither ``golden/``'s Python sources nor the sympy, mpmath and
Python versions changed since it was computed (the generators are deterministic functions of those);
``--fresh`` ignores the cache.
"""
from __future__ import annotations

import argparse
import concurrent.futures
import hashlib
import importlib
import json
import os
import pkgutil
import platform
import shutil
import sys
import time
from pathlib import Path

from optimspec import golden
from optimspec.golden import isolation, store

CACHE = store.ROOT.parent / ".golden-cache"
SHOWN = 300  # characters of an old or new value shown in a STALE message


def generators(only: list[str] | None = None) -> dict:
    """``{file name: module}`` for every module ``golden.<family>.<topic>`` defining ``FILE = "<family>_<topic>.json"``
    and ``build()`` (docs/architecture.md, "The house plan")."""
    found = {}
    for info in pkgutil.walk_packages(golden.__path__, "optimspec.golden."):
        stem = info.name.removeprefix("optimspec.golden.").replace(".", "_")
        if info.ispkg or (only and stem not in only):
            continue
        module = importlib.import_module(info.name)
        if hasattr(module, "FILE") and hasattr(module, "build"):
            if module.FILE != f"{stem}.json":
                raise SystemExit(f"{info.name} must write {stem}.json, not {module.FILE}")
            found[module.FILE] = module
    if only and len(found) != len(only):
        raise SystemExit(f"no golden generator for {sorted(set(only) - {n[:-5] for n in found})}")
    return dict(sorted(found.items()))


def sources_digest() -> str:
    """What a generator's output depends on: every Python source of ``golden/`` but this command's, and the
    versions of sympy, mpmath and Python."""
    import mpmath
    import sympy

    digest = hashlib.sha256(f"{platform.python_version()} {sympy.__version__} {mpmath.__version__}".encode())
    for path in sorted(set(store.ROOT.rglob("*.py")) - {Path(__file__).resolve()}):
        digest.update(f"{path.relative_to(store.ROOT)}\0".encode() + path.read_bytes() + b"\0")
    return digest.hexdigest()


def build(module_name: str) -> tuple[bytes, float]:
    """One golden file's bytes and the seconds its generation took (run in a worker process)."""
    started = time.perf_counter()
    module = importlib.import_module(module_name)
    # the file names its generator by its place in the project (golden.lr.dynamic), not by the import prefix
    return store.dumps(module_name.removeprefix("optimspec."), module.build()), time.perf_counter() - started


def generate(only: list[str] | None = None, cached: bool = True) -> dict[str, bytes]:
    """``{file name: bytes}`` of every generator (or of ``only``), from the cache or computed in parallel."""
    modules = generators(only)
    cache = CACHE / sources_digest()
    files = {name: (cache / name).read_bytes() for name in modules if cached and (cache / name).exists()}
    if files:
        print(f"  {len(files)} file(s) from {CACHE.name}/ (golden sources unchanged; --fresh recomputes)",
              file=sys.stderr)
    todo = [name for name in modules if name not in files]
    with concurrent.futures.ProcessPoolExecutor(max_workers=min(len(todo), os.cpu_count() or 1) or 1) as pool:
        futures = {pool.submit(build, modules[name].__name__): name for name in todo}
        for future in concurrent.futures.as_completed(futures):
            name = futures[future]
            files[name], seconds = future.result()
            print(f"  {name}: {len(json.loads(files[name])['cases'])} cases in {seconds:.2f} s", file=sys.stderr)
    if todo:
        for stale in (path for path in CACHE.glob("*") if path != cache):
            shutil.rmtree(stale, ignore_errors=True)  # computed from older sources: never valid again
        cache.mkdir(parents=True, exist_ok=True)
        for name in todo:  # write, then rename: a concurrent reader (xdist workers) never sees half a file
            partial = cache / f".{name}.{os.getpid()}"
            partial.write_bytes(files[name])
            os.replace(partial, cache / name)
    return dict(sorted(files.items()))


def _shown(value) -> str:
    text = json.dumps(value, sort_keys=True)
    return text if len(text) <= SHOWN else text[:SHOWN] + f"... ({len(text)} characters)"


def _first_difference(name: str, committed: bytes, fresh: bytes) -> str:
    try:
        old = {c["id"]: c for c in store.parse(name, committed)["cases"]}
    except store.GoldenError as exc:
        return str(exc)
    new = {c["id"]: c for c in json.loads(fresh)["cases"]}
    for case_id in sorted(old.keys() | new.keys()):
        if case_id not in old:
            return f"golden/data/{name}: case {case_id!r} is missing from the committed file"
        if case_id not in new:
            return f"golden/data/{name}: case {case_id!r} is not produced by the generator"
        if old[case_id] != new[case_id]:
            keys = sorted(k for k in old[case_id].keys() | new[case_id].keys()
                          if old[case_id].get(k) != new[case_id].get(k))
            return (f"golden/data/{name}: case {case_id!r} differs from the generator in {keys}:\n"
                    + "".join(f"    {key}: committed {_shown(old[case_id].get(key))}\n"
                              f"    {' ' * len(key)}  generated {_shown(new[case_id].get(key))}\n" for key in keys)
                    ).rstrip()
    return f"golden/data/{name}: differs from the generator in layout (hand-edited?)"


def check(files: dict[str, bytes]) -> list[str]:
    """Every problem of the store on disk (``store.verify``) and every committed file that differs from
    ``files``, the generators' output."""
    problems = store.verify()
    try:
        floor = store.read_floor()
    except store.GoldenError:
        floor = {}  # already reported by verify()
    for name, fresh in files.items():
        count = len(json.loads(fresh)["cases"])
        if count < floor.get(name, 0):
            problems.append(f"golden/data/{name}: its generator produces {count} cases, fewer than the floor "
                            f"{floor[name]} (golden cases never shrink)")
        path = store.DATA / name
        if not path.exists():
            problems.append(f"golden/data/{name}: produced by a generator but missing")
        elif path.read_bytes() != fresh:
            problems.append(_first_difference(name, path.read_bytes(), fresh))
    try:
        manifest = store.read_manifest()
    except store.GoldenError:
        manifest = None  # already reported by verify()
    if manifest is not None and store.manifest_text(files) != store.MANIFEST.read_text():
        problems.append("golden/MANIFEST: differs from the files the generators produce"
                        + "".join(f"\n    lists {name}, which no generator produces" for name in manifest.keys() - files.keys()))
    return list(dict.fromkeys(problems))


def write(files: dict[str, bytes]) -> None:
    """Replace the whole store by ``files``; refused when a file would have fewer cases than its floor."""
    floor = store.read_floor()
    counts = {name: len(json.loads(data)["cases"]) for name, data in files.items()}
    for name, count in counts.items():
        if count < floor.get(name, 0):
            raise SystemExit(f"refusing to write golden/data/{name}: {count} cases, fewer than the floor "
                             f"{floor[name]} (golden cases never shrink)")
    gone = sorted(set(floor) - set(files))
    if gone:
        raise SystemExit(f"refusing to drop {gone}: golden/case_floor.json keeps them (golden cases never shrink)")
    store.commit(files, {**floor, **{name: max(floor.get(name, 0), count) for name, count in counts.items()}})


def write_some(files: dict[str, bytes]) -> None:
    """Rewrite only these files; the others are kept as MANIFEST lists them."""
    others = {name: store.DATA.joinpath(name).read_bytes() for name in store.read_manifest() if name not in files}
    write({**others, **files})


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m optimspec.golden", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="verify the committed goldens instead of writing them")
    parser.add_argument("--only", action="append", metavar="STEM",
                        help="regenerate only golden/data/STEM.json (repeatable); the rest of MANIFEST is kept")
    parser.add_argument("--fresh", action="store_true", help=f"recompute every file, ignoring {CACHE.name}/")
    args = parser.parse_args(argv)
    if args.only and args.check:
        parser.error("--check always verifies every golden file")
    try:
        if not args.check:
            store.recover()
        files = generate(args.only, cached=not args.fresh)
        if args.check:
            problems = check(files)
            for problem in problems:
                print(f"STALE: {problem}")
            print(f"golden check: FAILED; to fix: {store.FIX}" if problems else f"golden check: OK ({len(files)} files)")
            return 1 if problems else 0
        (write_some if args.only else write)(files)
    except store.GoldenError as exc:
        print(f"golden: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {', '.join(files) if args.only else f'{len(files)} golden files'}, golden/MANIFEST and "
          f"golden/case_floor.json")
    return 0


if __name__ == "__main__":
    sys.exit(isolation.run_isolated(main))
