"""``python -m golden``: regenerate every golden file; ``python -m golden --check``: verify them.

Regeneration is deterministic (byte-identical on every run and machine) and atomic: everything is
computed in memory first, then each file is written to a temporary file and renamed, MANIFEST last.
``--check`` exits 1 naming the file and the first differing case when a committed golden is stale,
hand-edited, unparseable, missing, or has fewer cases than its floor; 0 otherwise.
"""
from __future__ import annotations

import argparse
import json
import sys
import time

import importlib
import pkgutil

import golden
from golden import store


def generators(only: list[str] | None = None) -> dict:
    """``{file name: module}`` for every module ``golden.<family>.<topic>`` defining ``FILE = "<family>_<topic>.json"``
    and ``build()`` (docs/architecture.md, "The house plan")."""
    found = {}
    for info in pkgutil.walk_packages(golden.__path__, "golden."):
        stem = info.name.removeprefix("golden.").replace(".", "_")
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


def generate(only: list[str] | None = None) -> dict[str, bytes]:
    files = {}
    for name, module in generators(only).items():
        started = time.perf_counter()
        files[name] = store.dumps(module.__name__, module.build())
        print(f"  {name}: {len(json.loads(files[name])['cases'])} cases in {time.perf_counter() - started:.2f} s",
              file=sys.stderr)
    return files


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
            return f"golden/data/{name}: case {case_id!r} differs from the generator in {keys}"
    return f"golden/data/{name}: differs from the generator in layout (hand-edited?)"


def check(files: dict[str, bytes]) -> list[str]:
    problems = []
    floor = store.read_floor()
    try:
        manifest = store.read_manifest()
    except store.GoldenError as exc:
        manifest = {}
        problems.append(str(exc))
    for name, fresh in files.items():
        path = store.DATA / name
        if not path.exists():
            problems.append(f"golden/data/{name}: missing")
            continue
        committed = path.read_bytes()
        if committed != fresh:
            problems.append(_first_difference(name, committed, fresh))
        elif manifest and manifest.get(name, (None,))[0] != store.sha256(committed):
            problems.append(f"golden/MANIFEST: wrong or missing entry for {name}")
        count = len(json.loads(fresh)["cases"])
        if count < floor.get(name, 0):
            problems.append(f"golden/data/{name}: {count} cases, fewer than the floor {floor[name]}")
    if manifest and store.manifest_text(files) != store.MANIFEST.read_text():
        problems.append("golden/MANIFEST: differs from the files the generators produce")
    for name in sorted(set(manifest) - set(files)):
        problems.append(f"golden/MANIFEST: lists {name}, which no generator produces")
    return problems


def write(files: dict[str, bytes]) -> None:
    floor = store.read_floor()
    for name, data in files.items():
        count = len(json.loads(data)["cases"])
        if count < floor.get(name, 0):
            raise SystemExit(f"refusing to write golden/data/{name}: {count} cases, fewer than the floor "
                             f"{floor[name]} (golden cases never shrink)")
    store.DATA.mkdir(exist_ok=True)
    for name, data in files.items():
        store.atomic_write(store.DATA / name, data)
    new_floor = {name: max(floor.get(name, 0), len(json.loads(data)["cases"])) for name, data in files.items()}
    store.atomic_write(store.FLOOR, (json.dumps({**floor, **new_floor}, indent=1, sort_keys=True) + "\n").encode())
    store.atomic_write(store.MANIFEST, store.manifest_text(files).encode())


def write_some(files: dict[str, bytes]) -> None:
    """Rewrite only these files; the other MANIFEST entries are kept as they are."""
    others = {name: store.DATA.joinpath(name).read_bytes() for name in store.read_manifest() if name not in files}
    write(files)
    store.atomic_write(store.MANIFEST, store.manifest_text({**others, **files}).encode())


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m golden", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="verify the committed goldens instead of writing them")
    parser.add_argument("--only", action="append", metavar="STEM",
                        help="regenerate only golden/data/STEM.json (repeatable); the rest of MANIFEST is kept")
    args = parser.parse_args(argv)
    if args.only and args.check:
        parser.error("--check always verifies every golden file")
    files = generate(args.only)
    if args.only:
        write_some(files)
        print(f"wrote {', '.join(files)} and updated golden/MANIFEST")
        return 0
    if args.check:
        problems = check(files)
        for problem in problems:
            print(f"STALE: {problem}")
        print("golden check: " + ("FAILED" if problems else f"OK ({len(files)} files)"))
        return 1 if problems else 0
    write(files)
    print(f"wrote {len(files)} golden files and golden/MANIFEST")
    return 0


if __name__ == "__main__":
    sys.exit(main())
