"""The golden file format: versioned JSON, a MANIFEST of sha256 digests, a case-count floor.

File format (``golden/data/<family>.json``; ``docs/golden-format.md`` documents every field)::

    {"format": "optimspec-golden", "format_version": 1, "spec_version": ..., "mirrors": ...,
     "generator": "golden.<module>", "cases": [<case>, ...]}

``golden/MANIFEST`` holds one line per data file, ``<sha256>  <case count>  <file name>``;
``golden/case_floor.json`` holds the smallest case count each file may ever have.
Nothing here imports ``reference`` (nor sympy: the suite calls :func:`verify` at collection, cheaply);
the conformance suite reads goldens only through :func:`load`.

A regeneration (:func:`commit`) writes the new store into ``golden/.staging/`` first and marks it complete,
then moves it into place, MANIFEST last, and removes the folder. Killed before the mark, the old store is
intact and the next regeneration discards the staging folder; killed during the moves (milliseconds), the
next regeneration finishes them. Until then :func:`verify` (``--check``, collection) names the folder.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

FORMAT = "optimspec-golden"
FORMAT_VERSION = 1
SPEC_VERSION = "0.1.0"
MIRRORS = "mindspore==2.10.0"

ROOT = Path(__file__).resolve().parent
DATA = ROOT / "data"
MANIFEST = ROOT / "MANIFEST"
FLOOR = ROOT / "case_floor.json"
STAGING = ROOT / ".staging"
#: written into STAGING once everything in it is on disk: from then on the swap is rolled forward
COMPLETE = "COMPLETE"
#: what fixes a stale, missing or corrupt golden store
FIX = "regenerate with `tox -e golden` (or `python -m optimspec.golden`) and review the diff"

REQUIRED_CASE_KEYS = {"id", "clause", "api", "kind", "dtype", "args"}
#: Cases listing values per step (``lr_function``, ``lr_schedule`` ...) carry these parallel lists.
PER_STEP_KEYS = ("steps", "exact", "error_coefficient")


class GoldenError(Exception):
    """A golden file is missing, corrupt, stale or of an unknown format: never use it."""


def dumps(generator: str, cases: list[dict]) -> bytes:
    """Deterministic serialisation: sorted keys, fixed indentation, trailing newline."""
    document = {"format": FORMAT, "format_version": FORMAT_VERSION, "spec_version": SPEC_VERSION,
                "mirrors": MIRRORS, "generator": generator, "cases": cases}
    return (json.dumps(document, indent=1, sort_keys=True, ensure_ascii=True) + "\n").encode()


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def manifest_text(files: dict[str, bytes]) -> str:
    lines = [f"{sha256(data)}  {len(json.loads(data)['cases'])}  {name}" for name, data in sorted(files.items())]
    return "\n".join(lines) + "\n"


def read_manifest() -> dict[str, tuple[str, int]]:
    """``{file name: (sha256, case count)}``; a malformed MANIFEST is a :class:`GoldenError`."""
    try:
        entries = {}
        for line in MANIFEST.read_text().splitlines():
            digest, count, name = line.split()
            entries[name] = (digest, int(count))
    except (OSError, ValueError) as exc:
        raise GoldenError(f"golden/MANIFEST is missing or malformed: {exc}; {FIX}") from exc
    if not entries:
        raise GoldenError(f"golden/MANIFEST is empty: it must list every golden file; {FIX}")
    return entries


def read_floor() -> dict[str, int]:
    """``{file name: smallest case count}``; a missing or malformed ``case_floor.json`` is a :class:`GoldenError`
    (without it nothing stops a golden file from shrinking)."""
    try:
        floor = json.loads(FLOOR.read_text())
    except (OSError, ValueError) as exc:
        raise GoldenError(f"golden/case_floor.json is missing or not valid JSON ({exc}): restore it from git "
                          f"(`git checkout golden/case_floor.json`)") from exc
    if not (isinstance(floor, dict) and floor and all(isinstance(k, str) and type(v) is int and v > 0
                                                      for k, v in floor.items())):
        raise GoldenError("golden/case_floor.json must map each golden file name to its case count (a positive "
                          "integer): restore it from git (`git checkout golden/case_floor.json`)")
    return floor


def verify() -> list[str]:
    """What is wrong with the store as it is on disk, each naming its file, without generating anything:
    MANIFEST or floor missing, empty or corrupt; a file of the floor missing from MANIFEST or from disk, or
    with fewer cases than its floor; a file that does not match its MANIFEST digest; a stray file in
    ``golden/data`` (one MANIFEST does not list, a leftover temporary file); an interrupted regeneration."""
    problems = []
    if STAGING.exists():
        problems.append(f"golden/{STAGING.name}/: an interrupted regeneration; {FIX}")
    try:
        manifest = read_manifest()
    except GoldenError as exc:
        manifest, problems = {}, [*problems, str(exc)]
    try:
        floor = read_floor()
    except GoldenError as exc:
        floor, problems = {}, [*problems, str(exc)]
    for name, least in sorted(floor.items()):
        if manifest and name not in manifest:
            problems.append(f"golden/data/{name}: has a floor of {least} cases but is not listed in golden/MANIFEST")
        elif manifest and manifest[name][1] < least:
            problems.append(f"golden/data/{name}: {manifest[name][1]} cases in golden/MANIFEST, fewer than the "
                            f"floor {least} (golden cases never shrink)")
    for name, (digest, _) in sorted(manifest.items()):
        path = DATA / name
        if not path.is_file():
            problems.append(f"golden/data/{name}: listed in golden/MANIFEST but missing; {FIX}")
        elif sha256(path.read_bytes()) != digest:
            problems.append(f"golden/data/{name}: does not match its sha256 in golden/MANIFEST (edited or corrupt); "
                            f"{FIX}")
        elif floor and name not in floor:
            problems.append(f"golden/data/{name}: has no floor in golden/case_floor.json; {FIX}")
    present = {path.name for path in DATA.iterdir()} if DATA.is_dir() and manifest else set()
    for name in sorted(present - set(manifest)):
        problems.append(f"golden/data/{name}: a stray file, not listed in golden/MANIFEST: remove it (or, if a "
                        f"generator produces it, {FIX})")
    return problems


def commit(files: dict[str, bytes], floor: dict[str, int]) -> None:
    """Replace the store by ``files`` (the whole ``golden/data``), their MANIFEST and ``floor``, through
    ``golden/.staging/`` (see the module docstring). Data files not in ``files`` are removed."""
    recover()
    (STAGING / "data").mkdir(parents=True)
    for name, data in files.items():
        _write_synced(STAGING / "data" / name, data)
    _write_synced(STAGING / FLOOR.name, (json.dumps(floor, indent=1, sort_keys=True) + "\n").encode())
    _write_synced(STAGING / MANIFEST.name, manifest_text(files).encode())
    _write_synced(STAGING / COMPLETE, b"")
    _swap()


def recover() -> None:
    """Finish a regeneration whose staging folder is complete; discard one that is not."""
    if (STAGING / COMPLETE).exists():
        _swap()
    elif STAGING.exists():
        shutil.rmtree(STAGING)


def _swap() -> None:
    """Move the staged files into place (each rename atomic; MANIFEST, the commit point, last), remove the data
    files the staged MANIFEST does not list, then the staging folder. Safe to run again after an interruption."""
    manifest = STAGING / MANIFEST.name if (STAGING / MANIFEST.name).exists() else MANIFEST
    wanted = {line.split()[2] for line in manifest.read_text().splitlines()}
    DATA.mkdir(exist_ok=True)
    staged = STAGING / "data"
    for path in sorted(staged.iterdir()) if staged.exists() else ():
        os.replace(path, DATA / path.name)
    for path in DATA.iterdir():
        if path.name not in wanted:
            path.unlink()
    for target in (FLOOR, MANIFEST):
        if (STAGING / target.name).exists():
            os.replace(STAGING / target.name, target)
    shutil.rmtree(STAGING)


def _write_synced(path: Path, data: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def parse(name: str, data: bytes) -> dict:
    """Parse and validate one golden document; :class:`GoldenError` names the file and the case."""
    try:
        document = json.loads(data)
    except ValueError as exc:
        raise GoldenError(f"golden/data/{name}: not valid JSON ({exc})") from exc
    if document.get("format") != FORMAT or document.get("format_version") != FORMAT_VERSION:
        raise GoldenError(f"golden/data/{name}: unknown format {document.get('format')!r} "
                          f"version {document.get('format_version')!r} (this suite reads {FORMAT} v{FORMAT_VERSION})")
    for case in document.get("cases", []):
        missing = REQUIRED_CASE_KEYS - case.keys()
        if missing:
            raise GoldenError(f"golden/data/{name}: case {case.get('id', '?')!r} lacks {sorted(missing)}")
        if "exact" in case and len({len(case.get(key, ())) for key in PER_STEP_KEYS}) != 1:
            raise GoldenError(f"golden/data/{name}: case {case['id']!r} has steps, exact and "
                              f"error_coefficient of different lengths")
    return document


def load(name: str) -> list[dict]:
    """The cases of ``golden/data/<name>``, after checking its sha256 and case count against MANIFEST."""
    manifest = read_manifest()
    if name not in manifest:
        raise GoldenError(f"golden/data/{name} is not listed in golden/MANIFEST")
    path = DATA / name
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise GoldenError(f"golden/data/{name} cannot be read: {exc}") from exc
    digest, count = manifest[name]
    if sha256(data) != digest:
        raise GoldenError(f"golden/data/{name} does not match its sha256 in golden/MANIFEST: it was edited "
                          f"or corrupted; regenerate with `tox -e golden`")
    cases = parse(name, data)["cases"]
    if len(cases) != count:
        raise GoldenError(f"golden/data/{name} has {len(cases)} cases, MANIFEST says {count}")
    return cases
