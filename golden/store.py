"""The golden file format: versioned JSON, a MANIFEST of sha256 digests, a case-count floor.

File format (``golden/data/<family>.json``; ``docs/golden-format.md`` documents every field)::

    {"format": "optimspec-golden", "format_version": 1, "spec_version": ..., "mirrors": ...,
     "generator": "golden.<module>", "cases": [<case>, ...]}

``golden/MANIFEST`` holds one line per data file, ``<sha256>  <case count>  <file name>``;
``golden/case_floor.json`` holds the smallest case count each file may ever have.
Nothing here imports ``reference``; the conformance suite reads goldens only through :func:`load`.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

FORMAT = "optimspec-golden"
FORMAT_VERSION = 1
SPEC_VERSION = "0.1.0"
MIRRORS = "mindspore==2.10.0"

ROOT = Path(__file__).resolve().parent
DATA = ROOT / "data"
MANIFEST = ROOT / "MANIFEST"
FLOOR = ROOT / "case_floor.json"

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
        return entries
    except (OSError, ValueError) as exc:
        raise GoldenError(f"golden/MANIFEST is missing or malformed: {exc}") from exc


def read_floor() -> dict[str, int]:
    return json.loads(FLOOR.read_text()) if FLOOR.exists() else {}


def atomic_write(path: Path, data: bytes) -> None:
    """Write to a temporary file in the same folder, then rename: a crash leaves the old file."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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
